// Small UTF-8 helpers over std::string_view. Internal.
//
//   DecodeUtf8("融安", 0) → {cp=U+878D, length=3}
//   FirstInvalidUtf8("ab\xFF") → 2
#ifndef LAWREPORT_UTIL_UTF8_H_
#define LAWREPORT_UTIL_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace lawreport::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

struct CodePoint {
  char32_t value = kReplacement;
  std::size_t length = 1;  // bytes consumed, at least 1
};

// Decodes the code point at `offset`; malformed bytes give U+FFFD, length 1.
CodePoint DecodeSlow(std::string_view text, std::size_t offset);
__attribute__((always_inline)) inline CodePoint Decode(std::string_view text,
                                                       std::size_t offset) {
  // Inline fast paths for ASCII and well-formed three-byte sequences, which
  // are nearly every character of a Chinese report.
  if (offset < text.size()) {
    const unsigned char lead = static_cast<unsigned char>(text[offset]);
    if (lead < 0x80) return {lead, 1};
    if ((lead & 0xF0) == 0xE0 && offset + 2 < text.size()) {
      const unsigned char b1 = static_cast<unsigned char>(text[offset + 1]);
      const unsigned char b2 = static_cast<unsigned char>(text[offset + 2]);
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
        const char32_t cp = (char32_t{lead & 0x0Fu} << 12) |
                            (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return {cp, 3};
      }
    }
  }
  return DecodeSlow(text, offset);
}

// Offset of the first byte that is not part of well-formed UTF-8 (no
// overlongs, no surrogates, nothing above U+10FFFF), or npos.
std::size_t FirstInvalid(std::string_view bytes);

void Append(std::string& out, char32_t cp);

// `bytes` with every byte that is not part of well-formed UTF-8 replaced by
// U+FFFD, one per byte, so the same bad name always reads the same:
//   "报告\xB1\xA8.txt" → "报告\uFFFD\uFFFD.txt"
std::string ReplaceInvalid(std::string_view bytes);

// Number of code points in valid UTF-8.
std::size_t CountChars(std::string_view text);

// The code points of `text`, a malformed byte read as U+FFFD: for words
// that are sets of characters ("比较与于同" in a lexicon row).
std::u32string CodePoints(std::string_view text);

// Offset of the code point that starts before `offset` (offset > 0).
std::size_t PreviousBoundary(std::string_view text, std::size_t offset);

// ASCII letters lowered, every other byte kept: tag names, charset labels,
// file extensions.
std::string AsciiLowercase(std::string_view text);

// Trims ASCII spaces (normalized text has only " " as a space).
std::string_view TrimSpaces(std::string_view text);

// The lead bytes a scanner stops at. Scanners that look for a few
// characters across a whole report (brackets, sentence ends) skip the text
// between them sixteen bytes at a time instead of decoding every character:
//   constexpr LeadByteStops kBrackets = LeadByteStops::Of("[]\n\xE2\xE3");
//   pos = SkipToStop(text, pos, kBrackets);  // at "[", "]", "\n" or an
//                                            // E2… or E3… character
// Stops are ASCII or lead bytes (C0 and above), never continuation bytes, so
// a byte equal to one is always where a character starts, and the bytes in
// between need not be decoded or even stepped over character by character.
// Each stop costs one comparison per sixteen bytes; twelve at most (the
// label finder's clause ends: eight ASCII marks and three lead bytes).
struct LeadByteStops {
  static constexpr int kMaxStops = 12;
  unsigned char bytes[kMaxStops] = {};
  int count = 0;
  bool is_stop[256] = {};

  static constexpr LeadByteStops Of(std::string_view stops) {
    LeadByteStops set;
    for (const char stop : stops) {
      const auto byte = static_cast<unsigned char>(stop);
      // A continuation byte (80–BF) or a stop past kMaxStops would be a
      // programming error: fail the constant evaluation.
      if ((byte >= 0x80 && byte < 0xC0) || set.count == kMaxStops)
        throw "bad stop";
      set.bytes[set.count++] = byte;
      set.is_stop[byte] = true;
    }
    return set;
  }
};

// The offset of the first byte at or after `pos` that is one of `stops`
// (so the start of a character with that lead byte), or text.size().
std::size_t SkipToStop(std::string_view text, std::size_t pos,
                       const LeadByteStops& stops);

// Both are called over word lists in hot loops: the last byte (which tells
// Chinese characters apart, unlike the first) is compared before memcmp.
inline bool StartsWith(std::string_view text, std::string_view prefix) {
  if (prefix.size() > text.size()) return false;
  if (prefix.empty()) return true;
  if (text[prefix.size() - 1] != prefix.back()) return false;
  return text.substr(0, prefix.size()) == prefix;
}
inline bool EndsWith(std::string_view text, std::string_view suffix) {
  if (suffix.size() > text.size()) return false;
  if (suffix.empty()) return true;
  if (text.back() != suffix.back()) return false;
  return text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace lawreport::utf8

#endif  // LAWREPORT_UTIL_UTF8_H_
