// Chinese numerals → exact values. Internal to the numbers stage.
//
//   "二十三" → 23      "一百零五" → 105     "三千零二十" → 3020    "两万" →
//   20000 "十一"   → 11      "廿" → 20            "壹佰贰拾" → 120 "九十九点七"
//   → 99.7 "一亿二千万" → 120000000                "二〇二三" → 2023 (a digit
//   string)
#ifndef LAWREPORT_NUMBERS_CHINESE_NUMBER_H_
#define LAWREPORT_NUMBERS_CHINESE_NUMBER_H_

#include <optional>
#include <string_view>

#include "lawreport/decimal.h"

namespace lawreport::numbers_internal {

// True for the characters a Chinese numeral is made of (digits, 十百千万亿,
// 廿卅, financial forms, 点).
bool IsChineseNumeralChar(char32_t cp);
// True for the characters that may open one: digits, 十, 廿, 卅 (not
// 百千万亿点, which open words such as 千家万户, 百姓, 万众).
bool StartsChineseNumeral(char32_t cp);

struct ChineseNumber {
  Decimal value;
  bool digit_string = false;  // "二〇二三": digits without units, as in years
};

std::optional<ChineseNumber> ParseChineseNumber(std::string_view text);

}  // namespace lawreport::numbers_internal

#endif  // LAWREPORT_NUMBERS_CHINESE_NUMBER_H_
