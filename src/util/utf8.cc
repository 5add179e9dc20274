#include "util/utf8.h"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace lawreport::utf8 {

CodePoint DecodeSlow(std::string_view text, std::size_t offset) {
  const auto byte = [&](std::size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  const std::size_t size = text.size();
  if (offset >= size) return {};
  const unsigned char lead = byte(offset);
  if (lead < 0x80) return {lead, 1};
  std::size_t length;
  char32_t cp;
  char32_t min;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, cp = lead & 0x1F, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, cp = lead & 0x0F, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, cp = lead & 0x07, min = 0x10000;
  } else {
    return {};
  }
  if (offset + length > size) return {};
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(offset + i);
    if ((next & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (next & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, length};
}

std::size_t FirstInvalid(std::string_view bytes) {
  // Every input file is checked whole, so the two common cases are taken
  // without decoding: ASCII, eight bytes at a time once one is seen (a run
  // of them is likely), and three-byte sequences whose lead byte rules out
  // overlongs and surrogates (E1–EC, EE, EF: every CJK ideograph and
  // punctuation mark), which need only two continuation bytes. Everything
  // else is decoded as before.
  const auto byte = [&](std::size_t i) {
    return static_cast<unsigned char>(bytes[i]);
  };
  constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
  const std::size_t size = bytes.size();
  std::size_t offset = 0;
  while (offset < size) {
    const unsigned char lead = byte(offset);
    if (lead < 0x80) {
      ++offset;
      while (offset + 8 <= size) {
        std::uint64_t word;
        std::memcpy(&word, bytes.data() + offset, sizeof word);
        if (word & kHighBits) break;
        offset += 8;
      }
      continue;
    }
    if (((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) &&
        offset + 2 < size && (byte(offset + 1) & 0xC0) == 0x80 &&
        (byte(offset + 2) & 0xC0) == 0x80) {
      offset += 3;
      continue;
    }
    const CodePoint cp = DecodeSlow(bytes, offset);
    if (cp.value == kReplacement && cp.length == 1) return offset;
    offset += cp.length;
  }
  return std::string_view::npos;
}

std::string ReplaceInvalid(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + 8);
  std::size_t offset = 0;
  while (offset < bytes.size()) {
    const std::size_t bad = FirstInvalid(bytes.substr(offset));
    if (bad == std::string_view::npos) {
      out.append(bytes.substr(offset));
      break;
    }
    out.append(bytes.substr(offset, bad));
    Append(out, kReplacement);
    offset += bad + 1;
  }
  return out;
}

void Append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string AsciiLowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

std::u32string CodePoints(std::string_view text) {
  std::u32string points;
  for (std::size_t at = 0; at < text.size();) {
    const CodePoint cp = Decode(text, at);
    points.push_back(cp.value);
    at += cp.length > 0 ? cp.length : 1;
  }
  return points;
}

std::size_t CountChars(std::string_view text) {
  // Eight bytes at a time: a continuation byte is 10xxxxxx, so bit 7 set and
  // bit 6 (moved up to bit 7 by the shift) clear.
  // The flags are summed by a multiply rather than a popcount, which
  // without -mpopcnt is a library call.
  constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  std::size_t count = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    const std::uint64_t continuation = (word & ~(word << 1) & kHighBits) >> 7;
    count += 8 - static_cast<std::size_t>((continuation * kOnes) >> 56);
  }
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::size_t SkipToStop(std::string_view text, std::size_t pos,
                       const LeadByteStops& stops) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
#if defined(__SSE2__)
  while (pos + 16 <= text.size()) {
    const __m128i block =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + pos));
    __m128i hits = _mm_setzero_si128();
    for (int i = 0; i < stops.count; ++i) {
      hits = _mm_or_si128(
          hits, _mm_cmpeq_epi8(
                    block, _mm_set1_epi8(static_cast<char>(stops.bytes[i]))));
    }
    const int mask = _mm_movemask_epi8(hits);
    if (mask != 0) return pos + static_cast<std::size_t>(__builtin_ctz(mask));
    pos += 16;
  }
#endif
  for (; pos < text.size(); ++pos) {
    if (stops.is_stop[bytes[pos]]) return pos;
  }
  return text.size();
}

std::size_t PreviousBoundary(std::string_view text, std::size_t offset) {
  if (offset == 0) return 0;
  --offset;
  while (offset > 0 &&
         (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
    --offset;
  return offset;
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace lawreport::utf8
