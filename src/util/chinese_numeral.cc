#include "util/chinese_numeral.h"

#include <cstdint>

#include "util/chinese_number.h"
#include "util/utf8.h"

namespace lawreport {

std::optional<int> ParseChineseOrdinal(std::string_view text) {
  // One reader of Chinese numerals for the whole program, the one the numbers
  // stage resolves figures with.
  const std::optional<numerals::ChineseNumber> parsed =
      numerals::ParseChineseNumber(text);
  if (!parsed || parsed->digit_string || parsed->value.decimals() > 0 ||
      !parsed->value.IsInteger()) {
    return std::nullopt;
  }
  const Decimal& value = parsed->value;
  if (value.exponent() < 0 || value.exponent() > 4) return std::nullopt;
  std::int64_t number = value.mantissa();
  for (int e = 0; e < value.exponent(); ++e) number *= 10;
  if (number < 1 || number > 9999) return std::nullopt;
  return static_cast<int>(number);
}

std::optional<int> ParseCircled(std::string_view text) {
  const utf8::CodePoint cp = utf8::Decode(text, 0);
  if (cp.length != text.size()) return std::nullopt;
  if (cp.value >= 0x2460 && cp.value <= 0x2473)
    return static_cast<int>(cp.value - 0x2460 + 1);
  return std::nullopt;
}

std::optional<int> ParseArabic(std::string_view text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string FormatChineseCounting(int value) {
  if (value < 1 || value > 9999) return std::to_string(value);
  static const char* const kDigits[] = {"零", "一", "二", "三", "四",
                                        "五", "六", "七", "八", "九"};
  static const char* const kUnits[] = {"千", "百", "十", ""};
  const int places[] = {value / 1000, value / 100 % 10, value / 10 % 10,
                        value % 10};
  std::string out;
  bool pending_zero = false;
  for (int i = 0; i < 4; ++i) {
    const int digit = places[i];
    if (digit == 0) {
      pending_zero = !out.empty();
      continue;
    }
    if (pending_zero) out += kDigits[0];
    pending_zero = false;
    // 十二, not 一十二, when the tens lead.
    if (!(i == 2 && digit == 1 && out.empty())) out += kDigits[digit];
    out += kUnits[i];
  }
  return out;
}

}  // namespace lawreport
