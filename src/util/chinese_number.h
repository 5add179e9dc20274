// Chinese numerals → exact values. Internal; below every stage, since the
// numbers stage resolves figures with it and decode and outline read list
// ordinals (util/chinese_numeral.h) with it.
//
//   "二十三"       → 23
//   "一百零五"     → 105
//   "三千零二十"   → 3020
//   "两万"         → 20000
//   "十一"         → 11
//   "廿"           → 20
//   "壹佰贰拾"     → 120
//   "九十九点七"   → 99.7
//   "一亿二千万"   → 120000000
//   "二〇二三"     → 2023 (a digit string)
#ifndef LAWREPORT_UTIL_CHINESE_NUMBER_H_
#define LAWREPORT_UTIL_CHINESE_NUMBER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "lawreport/decimal.h"

namespace lawreport::numerals {

// True for the characters a Chinese numeral is made of (digits, 十百千万亿,
// 廿卅, financial forms, 点).
bool IsChineseNumeralChar(char32_t cp);
// The decimal point of a numeral written in words: "九十九点七" → 99.7. Only
// a numeral character after it makes it one (点 is also a word: 重点).
inline constexpr char32_t kDecimalPoint = U'点';
// True for the financial forms 壹贰叁肆伍陆柒捌玖拾佰仟, which double as
// ordinary words (陆 land, 伍 in 队伍, 拾 in 收拾).
bool IsFinancialNumeralChar(char32_t cp);
// A set of characters of U+3000–U+9FFF (CJK punctuation through the
// ideographs, where every numeral character lies) as one bit each, so a
// membership test is a shift and a load: the numbers scanner asks it for
// every character of the text.
class CjkCharSet {
 public:
  template <std::size_t N>
  constexpr explicit CjkCharSet(const char32_t (&chars)[N]) {
    for (const char32_t c : chars) Add(c);
  }
  constexpr void Add(char32_t c) {
    bits_[(c - kFirst) / 64] |= std::uint64_t{1} << ((c - kFirst) % 64);
  }
  constexpr bool Contains(char32_t cp) const {
    if (cp < kFirst || cp >= kLast) return false;
    return (bits_[(cp - kFirst) / 64] >> ((cp - kFirst) % 64)) & 1;
  }

 private:
  static constexpr char32_t kFirst = 0x3000, kLast = 0xA000;
  std::array<std::uint64_t, (kLast - kFirst) / 64> bits_{};
};

// The characters that may open a Chinese numeral: Digit's (零 aside: 零
// opens no number) and the tens.
inline constexpr char32_t kNumeralOpeners[] = {
    U'〇', U'一', U'壹', U'二', U'两', U'贰', U'三', U'叁',
    U'四', U'肆', U'五', U'伍', U'六', U'陆', U'七', U'柒',
    U'八', U'捌', U'九', U'玖', U'十', U'拾', U'廿', U'卅'};
inline constexpr CjkCharSet kStartsNumeral(kNumeralOpeners);

// True for the characters that may open one: digits, 十, 廿, 卅 (not
// 百千万亿点, which open words such as 千家万户, 百姓, 万众).
inline bool StartsChineseNumeral(char32_t cp) {
  return kStartsNumeral.Contains(cp);
}

struct ChineseNumber {
  Decimal value;
  bool digit_string = false;  // "二〇二三": digits without units, as in years
};

std::optional<ChineseNumber> ParseChineseNumber(std::string_view text);

}  // namespace lawreport::numerals

#endif  // LAWREPORT_UTIL_CHINESE_NUMBER_H_
