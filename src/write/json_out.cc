#include "write/json_out.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace lawreport::write_internal {

void JsonOut::Quoted(std::string_view text) {
  out_.push_back('"');
  static constexpr char kHex[] = "0123456789abcdef";
  // Bytes that need an escape: control characters, '"' and '\\'.
  static constexpr auto kEscape = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 0x20; ++c) table[static_cast<std::size_t>(c)] = true;
    table['"'] = table['\\'] = true;
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
          _mm_cmpeq_epi8(_mm_min_epu8(block, _mm_set1_epi8(0x1F)), block),
          _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('"')),
                       _mm_cmpeq_epi8(block, _mm_set1_epi8('\\'))));
      const int mask = _mm_movemask_epi8(special);
      if (mask != 0) {
        i += static_cast<std::size_t>(__builtin_ctz(mask));
        break;
      }
      i += 16;
    }
#endif
    // Eight bytes at a time while none is below 0x20, '"' or '\\' (the
    // usual SWAR tests for a zero byte and a byte below n).
    while (i + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      constexpr std::uint64_t kOnes = 0x0101010101010101ull;
      constexpr std::uint64_t kHigh = 0x8080808080808080ull;
      const std::uint64_t quote = word ^ (kOnes * '"');
      const std::uint64_t backslash = word ^ (kOnes * '\\');
      const std::uint64_t special = ((word - kOnes * 0x20) & ~word) |
                                    ((quote - kOnes) & ~quote) |
                                    ((backslash - kOnes) & ~backslash);
      if ((special & kHigh) != 0) break;
      i += 8;
    }
    if (i >= text.size()) break;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (!kEscape[c]) continue;
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
