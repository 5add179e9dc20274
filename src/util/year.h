// Whether four digits name a year a report can speak of. Internal. The one
// year test of the outline (the year a report covers) and of the time cues
// (the years a figure holds for), so that both agree on what a year is.
//
//   ReadYear("2023") → 2023, ReadYear("二〇二三") → 2023,
//   ReadYear("二零二三") → 2023, ReadYear("1234") → nullopt (no such report
//   year), ReadYear("202") → nullopt
#ifndef LAWREPORT_UTIL_YEAR_H_
#define LAWREPORT_UTIL_YEAR_H_

#include <optional>
#include <string_view>

#include "util/utf8.h"

namespace lawreport {

// From the founding of the People's Republic to the end of the century:
// a number outside is a count or a code, not a year of government work.
constexpr int kFirstYear = 1949;
constexpr int kLastYear = 2100;

inline bool IsPlausibleYear(int year) {
  return year >= kFirstYear && year <= kLastYear;
}

// Exactly four digits, ASCII or Chinese (〇 or 零 for zero), read as a
// plausible year.
inline std::optional<int> ReadYear(std::string_view digits) {
  // The digits of the numeral system, not vocabulary: they stay in code.
  static constexpr char32_t kChineseDigits[] = U"〇一二三四五六七八九";
  constexpr char32_t kZero = U'零';  // written for 〇 too
  int year = 0;
  int count = 0;
  for (std::size_t offset = 0; offset < digits.size();) {
    const utf8::CodePoint cp = utf8::Decode(digits, offset);
    offset += cp.length;
    int digit = -1;
    if (cp.value >= U'0' && cp.value <= U'9') {
      digit = static_cast<int>(cp.value - U'0');
    } else if (cp.value == kZero) {
      digit = 0;
    } else {
      for (int i = 0; i < 10; ++i) {
        if (kChineseDigits[i] == cp.value) digit = i;
      }
    }
    if (digit < 0) return std::nullopt;
    year = year * 10 + digit;
    if (++count > 4) return std::nullopt;
  }
  if (count != 4 || !IsPlausibleYear(year)) return std::nullopt;
  return year;
}

}  // namespace lawreport

#endif  // LAWREPORT_UTIL_YEAR_H_
