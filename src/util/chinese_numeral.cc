#include "util/chinese_numeral.h"

#include "util/utf8.h"

namespace lawreport {
namespace {

std::optional<int> DigitValue(char32_t cp) {
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

std::optional<int> UnitValue(char32_t cp) {
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

}  // namespace

std::optional<int> ParseChineseOrdinal(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int total = 0;
  std::optional<int> pending;  // a digit waiting for its unit
  int last_unit = 10000;
  bool saw_zero_digits_only = true;
  std::size_t offset = 0;
  while (offset < text.size()) {
    const utf8::CodePoint cp = utf8::Decode(text, offset);
    offset += cp.length;
    if (cp.value == U'廿' || cp.value == U'卅') {
      if (pending || total != 0) return std::nullopt;
      total = cp.value == U'廿' ? 20 : 30;
      last_unit = 10;
      saw_zero_digits_only = false;
      continue;
    }
    if (const auto digit = DigitValue(cp.value)) {
      // Two digits in a row ("二〇", "一二") are a digit string, not an
      // ordinal; the one exception is 零 standing for an empty place
      // ("一百零五").
      if (pending && !(*pending == 0 && *digit != 0 && total > 0))
        return std::nullopt;
      pending = *digit;
      if (*digit != 0) saw_zero_digits_only = false;
      continue;
    }
    if (const auto unit = UnitValue(cp.value)) {
      if (*unit >= last_unit) return std::nullopt;
      total += (pending ? *pending : 1) * *unit;
      pending.reset();
      last_unit = *unit;
      saw_zero_digits_only = false;
      continue;
    }
    return std::nullopt;
  }
  if (pending) total += *pending;
  if (saw_zero_digits_only && total == 0) return std::nullopt;
  return total;
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

}  // namespace lawreport
