#include "write/json_out.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "util/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace lawreport::write_internal {

void JsonOut::Quoted(std::string_view text) {
  // JSON is UTF-8: a string that is not (a file name from an unzipped GBK
  // archive) is written with each bad byte as U+FFFD; the writers that
  // write names add the raw bytes as "path_bytes".
  if (utf8::FirstInvalid(text) != std::string_view::npos) {
    const std::string valid = utf8::ReplaceInvalid(text);
    Quoted(valid);
    return;
  }
  out_.push_back('"');
  static constexpr char kHex[] = "0123456789abcdef";
  // Bytes that need a look: control characters, '"' and '\\', and the lead
  // bytes of the C1 controls (C2 80–C2 9F) and of U+2028/U+2029 (E2 80 A8,
  // E2 80 A9), which JSON allows raw but which break readers that split
  // JSON Lines on every line terminator, and terminals.
  static constexpr auto kEscape = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 0x20; ++c) table[static_cast<std::size_t>(c)] = true;
    table['"'] = table['\\'] = true;
    table[0xC2] = table[0xE2] = true;
    return table;
  }();
  std::size_t plain = 0;  // start of the run not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
#if defined(__SSE2__)
    // Sixteen bytes at a time while none is below 0x20, '"' or '\\'.
    while (i + 16 <= text.size()) {
      const __m128i block =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
      const __m128i special = _mm_or_si128(
          _mm_or_si128(
              _mm_cmpeq_epi8(_mm_min_epu8(block, _mm_set1_epi8(0x1F)), block),
              _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('"')),
                           _mm_cmpeq_epi8(block, _mm_set1_epi8('\\')))),
          _mm_or_si128(
              _mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(0xC2))),
              _mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(0xE2)))));
      const int mask = _mm_movemask_epi8(special);
      if (mask != 0) {
        i += static_cast<std::size_t>(__builtin_ctz(mask));
        break;
      }
      i += 16;
    }
#endif
    // Eight bytes at a time while none is below 0x20, '"', '\\', C2 or E2
    // (the usual SWAR tests for a zero byte and a byte below n).
    while (i + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      constexpr std::uint64_t kOnes = 0x0101010101010101ull;
      constexpr std::uint64_t kHigh = 0x8080808080808080ull;
      const std::uint64_t quote = word ^ (kOnes * '"');
      const std::uint64_t backslash = word ^ (kOnes * '\\');
      const std::uint64_t c2 = word ^ (kOnes * 0xC2);
      const std::uint64_t e2 = word ^ (kOnes * 0xE2);
      // Each test says exactly whether the word holds such a byte (which
      // one is then found byte by byte below).
      const std::uint64_t special = ((word - kOnes * 0x20) & ~word) |
                                    ((quote - kOnes) & ~quote) |
                                    ((backslash - kOnes) & ~backslash) |
                                    ((c2 - kOnes) & ~c2) | ((e2 - kOnes) & ~e2);
      if ((special & kHigh) != 0) break;
      i += 8;
    }
    if (i >= text.size()) break;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (!kEscape[c]) continue;
    if (c == 0xC2 || c == 0xE2) {
      // The text is valid UTF-8 here, so the continuation bytes exist.
      const unsigned char b1 = static_cast<unsigned char>(text[i + 1]);
      const bool c1_control = c == 0xC2 && b1 <= 0x9F;
      const bool line_separator =
          c == 0xE2 && b1 == 0x80 &&
          (static_cast<unsigned char>(text[i + 2]) == 0xA8 ||
           static_cast<unsigned char>(text[i + 2]) == 0xA9);
      if (!c1_control && !line_separator) continue;
      out_.append(text.substr(plain, i - plain));
      if (c1_control) {
        out_.append("\\u00");
        out_.push_back(kHex[b1 >> 4]);
        out_.push_back(kHex[b1 & 0xF]);
        plain = i + 2;
      } else {
        out_.append(static_cast<unsigned char>(text[i + 2]) == 0xA8
                        ? "\\u2028"
                        : "\\u2029");
        plain = i + 3;
      }
      i = plain - 1;
      continue;
    }
    out_.append(text.substr(plain, i - plain));
    plain = i + 1;
    switch (c) {
      case '"':
        out_.append("\\\"");
        break;
      case '\\':
        out_.append("\\\\");
        break;
      case '\n':
        out_.append("\\n");
        break;
      case '\r':
        out_.append("\\r");
        break;
      case '\t':
        out_.append("\\t");
        break;
      default:
        out_.append("\\u00");
        out_.push_back(kHex[c >> 4]);
        out_.push_back(kHex[c & 0xF]);
    }
  }
  out_.append(text.substr(plain));
  out_.push_back('"');
}

namespace {

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  const auto at = [&](std::size_t k) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[k]));
  };
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t group = at(i) << 16 | at(i + 1) << 8 | at(i + 2);
    for (int shift = 18; shift >= 0; shift -= 6)
      out.push_back(kAlphabet[(group >> shift) & 0x3F]);
  }
  if (i < bytes.size()) {
    std::uint32_t group = at(i) << 16;
    if (i + 1 < bytes.size()) group |= at(i + 1) << 8;
    out.push_back(kAlphabet[(group >> 18) & 0x3F]);
    out.push_back(kAlphabet[(group >> 12) & 0x3F]);
    out.push_back(i + 1 < bytes.size() ? kAlphabet[(group >> 6) & 0x3F] : '=');
    out.push_back('=');
  }
  return out;
}

}  // namespace

void JsonOut::PathFields(std::string_view path, std::string_view key) {
  Field(key, path);
  if (utf8::FirstInvalid(path) != std::string_view::npos)
    Field(std::string(key) + "_bytes", Base64(path));
}

void JsonOut::Int(std::int64_t value) {
  BeforeValue();
  char digits[24];
  const auto written = std::to_chars(digits, digits + sizeof digits, value);
  out_.append(digits, written.ptr);
}

void JsonOut::Number(const Decimal& value) {
  BeforeValue();
  out_.append(value.ToString());
}

void JsonOut::RawNumber(std::string_view text) {
  BeforeValue();
  out_.append(text);
}

void JsonOut::Bool(bool value) {
  BeforeValue();
  out_.append(value ? "true" : "false");
}

}  // namespace lawreport::write_internal
