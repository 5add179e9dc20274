#include "util/chinese_number.h"

#include <string>
#include <vector>

#include "util/utf8.h"

namespace lawreport::numerals {
namespace {

std::optional<int> Digit(char32_t cp) {
  switch (cp) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
    case U'壹':
      return 1;
    case U'二':
    case U'两':
    case U'贰':
      return 2;
    case U'三':
    case U'叁':
      return 3;
    case U'四':
    case U'肆':
      return 4;
    case U'五':
    case U'伍':
      return 5;
    case U'六':
    case U'陆':
      return 6;
    case U'七':
    case U'柒':
      return 7;
    case U'八':
    case U'捌':
      return 8;
    case U'九':
    case U'玖':
      return 9;
    default:
      return std::nullopt;
  }
}

std::optional<int> SmallUnit(char32_t cp) {
  switch (cp) {
    case U'十':
    case U'拾':
      return 10;
    case U'百':
    case U'佰':
      return 100;
    case U'千':
    case U'仟':
      return 1000;
    default:
      return std::nullopt;
  }
}

// A value below 10000: 二十三, 一百零五, 三千零二十, 十一, 廿一.
std::optional<long long> ParseSection(const std::vector<char32_t>& chars) {
  if (chars.empty()) return std::nullopt;
  long long total = 0;
  // A digit waiting for its unit; -1 for none. (A plain int: GCC's -O2
  // flow analysis mistakes an optional<int> here for uninitialized.)
  int pending = -1;
  int last_unit = 10000;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const char32_t c = chars[i];
    if (c == U'廿' || c == U'卅') {
      if (i != 0) return std::nullopt;
      total = c == U'廿' ? 20 : 30;
      last_unit = 10;
      continue;
    }
    if (const auto digit = Digit(c)) {
      if (pending >= 0) return std::nullopt;  // two digits in a row: "五零"
      if (*digit == 0) {
        if (total == 0) return std::nullopt;  // a leading 零
        continue;  // 零 holds an empty place: 一百零五
      }
      pending = *digit;
      continue;
    }
    if (const auto unit = SmallUnit(c)) {
      if (*unit >= last_unit) return std::nullopt;
      if (pending >= 0) {
        total += pending * *unit;
      } else if (*unit == 10) {
        total += 10;  // 十一, 一百十
      } else {
        return std::nullopt;  // 百 and 千 need a digit
      }
      pending = -1;
      last_unit = *unit;
      continue;
    }
    return std::nullopt;
  }
  if (pending >= 0) total += pending;
  return total;
}

// Splits at the last 亿, then the last 万: 一亿二千万 = 一 × 10^8 + 二千 ×
// 10^4.
std::optional<long long> ParseInteger(const std::vector<char32_t>& chars) {
  for (const auto& [scale_char, scale] :
       {std::pair<char32_t, long long>{U'亿', 100000000LL},
        std::pair<char32_t, long long>{U'万', 10000LL}}) {
    for (std::size_t i = chars.size(); i-- > 0;) {
      if (chars[i] != scale_char) continue;
      const std::vector<char32_t> high(chars.begin(),
                                       chars.begin() + static_cast<long>(i));
      std::vector<char32_t> low(chars.begin() + static_cast<long>(i) + 1,
                                chars.end());
      const std::optional<long long> high_value = ParseInteger(high);
      if (!high_value || *high_value == 0) return std::nullopt;
      constexpr long long kLimit =
          1000000000000000000LL;  // 10^18 keeps every step in range
      if (*high_value > kLimit / scale) return std::nullopt;
      if (!low.empty() && (low.front() == U'零' || low.front() == U'〇'))
        low.erase(low.begin());
      long long low_value = 0;
      if (!low.empty()) {
        const std::optional<long long> parsed = ParseInteger(low);
        if (!parsed || *parsed >= scale) return std::nullopt;
        low_value = *parsed;
      }
      return *high_value * scale + low_value;
    }
  }
  if (chars.size() == 1 && Digit(chars[0]) == 0) return 0;
  return ParseSection(chars);
}

}  // namespace

bool IsChineseNumeralChar(char32_t cp) {
  return Digit(cp) || SmallUnit(cp) || cp == U'万' || cp == U'亿' ||
         cp == U'廿' || cp == U'卅' || cp == U'点';
}

bool IsFinancialNumeralChar(char32_t cp) {
  switch (cp) {
    case U'壹':
    case U'贰':
    case U'叁':
    case U'肆':
    case U'伍':
    case U'陆':
    case U'柒':
    case U'捌':
    case U'玖':
    case U'拾':
    case U'佰':
    case U'仟':
      return true;
    default:
      return false;
  }
}

std::optional<ChineseNumber> ParseChineseNumber(std::string_view text) {
  std::vector<char32_t> integer, fraction;
  bool in_fraction = false;
  for (std::size_t offset = 0; offset < text.size();) {
    const utf8::CodePoint cp = utf8::Decode(text, offset);
    offset += cp.length;
    if (cp.value == U'点') {
      if (in_fraction) return std::nullopt;
      in_fraction = true;
      continue;
    }
    (in_fraction ? fraction : integer).push_back(cp.value);
  }
  if (integer.empty() || (in_fraction && fraction.empty())) return std::nullopt;

  // A digit string ("二〇二三", "一九九八") reads digit by digit.
  bool all_digits = integer.size() >= 2;
  for (const char32_t c : integer)
    all_digits = all_digits && Digit(c).has_value();
  std::string digits;
  if (all_digits && !in_fraction) {
    for (const char32_t c : integer)
      digits.push_back(static_cast<char>('0' + *Digit(c)));
    auto value = Decimal::Parse(digits);
    if (!value) return std::nullopt;
    return ChineseNumber{*value, true};
  }

  const std::optional<long long> whole = ParseInteger(integer);
  if (!whole) return std::nullopt;
  digits = std::to_string(*whole);
  if (in_fraction) {
    digits.push_back('.');
    for (const char32_t c : fraction) {
      const std::optional<int> digit = Digit(c);
      if (!digit) return std::nullopt;
      digits.push_back(static_cast<char>('0' + *digit));
    }
  }
  auto value = Decimal::Parse(digits);
  if (!value) return std::nullopt;
  return ChineseNumber{*value, false};
}

}  // namespace lawreport::numerals
