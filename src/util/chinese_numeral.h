// Small integers written as Chinese numerals, for outline ordinals. Internal.
// (The numbers stage resolves full numerals with scale words and decimals.)
//
//   ParseChineseOrdinal("十二") → 12, ("二十一") → 21, ("一百零五") → 105,
//   ("廿") → 20 ParseCircled("⑫") → 12
#ifndef LAWREPORT_UTIL_CHINESE_NUMERAL_H_
#define LAWREPORT_UTIL_CHINESE_NUMERAL_H_

#include <optional>
#include <string>
#include <string_view>

namespace lawreport {

// Digits 零〇一二两三四五六七八九, units 十百千, 廿 (20), 卅 (30), and the
// financial forms 壹贰叁肆伍陆柒捌玖拾佰仟; whole values 1 to 9999. Read by the
// numbers stage's parser; digit strings ("二〇") are not ordinals.
std::optional<int> ParseChineseOrdinal(std::string_view text);

// ① … ⑳ (U+2460–U+2473).
std::optional<int> ParseCircled(std::string_view text);

// The reverse, as Word's chineseCounting shows a list number: 1 → "一",
// 10 → "十", 12 → "十二", 105 → "一百零五", 110 → "一百一十"; values outside
// 1–9999 as ASCII digits.
std::string FormatChineseCounting(int value);

// ASCII digits only, at most 4 of them.
std::optional<int> ParseArabic(std::string_view text);

}  // namespace lawreport

#endif  // LAWREPORT_UTIL_CHINESE_NUMERAL_H_
