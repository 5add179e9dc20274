// DOCX list numbering (see docx_numbering.h): Word's number formats and
// the counters of each list's levels.
#include "decode/docx_numbering.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "util/chinese_numeral.h"
#include "util/utf8.h"

namespace lawreport::decode_internal::docx {
namespace {

std::string Roman(int value, bool upper) {
  if (value <= 0 || value >= 4000) return std::to_string(value);
  static const std::pair<int, const char*> kDigits[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
      {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
      {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string out;
  for (const auto& [amount, digits] : kDigits) {
    while (value >= amount) {
      out += digits;
      value -= amount;
    }
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string Letters(int value, bool upper) {
  if (value <= 0) return std::to_string(value);
  // Past 26 × 64 the marker is over any bound (see Next): the decimal
  // number stands in rather than a 38,000-letter string.
  if (value > 26 * kMaxLetterRepeats) return std::to_string(value);
  // Word repeats the letter: a … z, aa … zz, aaa …
  const char letter = static_cast<char>((upper ? 'A' : 'a') + (value - 1) % 26);
  return std::string(static_cast<std::size_t>((value - 1) / 26 + 1), letter);
}

}  // namespace

std::string FormatNumber(int value, const std::string& format) {
  if (format == "chineseCounting" || format == "chineseCountingThousand" ||
      format == "japaneseCounting" || format == "taiwaneseCounting" ||
      format == "taiwaneseCountingThousand" ||
      format == "ideographLegalTraditional") {
    if (value > 0) return FormatChineseCounting(value);
  }
  if (format == "ideographDigital" || format == "taiwaneseDigital" ||
      format == "japaneseDigitalTenThousand") {
    static const char* kDigits[] = {"〇", "一", "二", "三", "四",
                                    "五", "六", "七", "八", "九"};
    std::string out;
    for (const char digit : std::to_string(value)) {
      if (digit >= '0' && digit <= '9') out += kDigits[digit - '0'];
    }
    return out;
  }
  if (format == "chineseLegalSimplified" && value > 0 && value < 10) {
    static const char* kDigits[] = {"",   "壹", "贰", "叁", "肆",
                                    "伍", "陆", "柒", "捌", "玖"};
    return kDigits[value];
  }
  if (format == "ideographTraditional" && value >= 1 && value <= 10) {
    static const char* kStems[] = {"甲", "乙", "丙", "丁", "戊",
                                   "己", "庚", "辛", "壬", "癸"};
    return kStems[value - 1];
  }
  if (format == "decimalEnclosedCircle" ||
      format == "decimalEnclosedCircleChinese") {
    if (value >= 1 && value <= 20) {
      std::string out;
      utf8::Append(out, static_cast<char32_t>(0x2460 + value - 1));
      return out;
    }
  }
  if (format == "decimalFullWidth" || format == "decimalFullWidth2") {
    std::string out;
    for (const char digit : std::to_string(value))
      utf8::Append(out, static_cast<char32_t>(0xFF10 + (digit - '0')));
    return out;
  }
  if (format == "decimalZero" && value < 10) {
    // Not "0" + to_string(value): GCC 12 warns falsely (-Wrestrict) about
    // that concatenation.
    std::string padded = std::to_string(value);
    padded.insert(padded.begin(), '0');
    return padded;
  }
  if (format == "lowerRoman") return Roman(value, false);
  if (format == "upperRoman") return Roman(value, true);
  if (format == "lowerLetter") return Letters(value, false);
  if (format == "upperLetter") return Letters(value, true);
  if (format == "none" || format == "bullet") return "";
  return std::to_string(value);
}

std::string Numbering::Next(const NumberReference& reference) {
  if (!reference.num_id || *reference.num_id == "0") return "";
  const auto instance = instances_.find(*reference.num_id);
  if (instance == instances_.end()) return "";
  const auto abstract = abstracts_.find(instance->second.abstract_id);
  if (abstract == abstracts_.end()) return "";
  const int level = std::clamp(reference.level.value_or(0), 0, kLevels - 1);
  const auto& levels = abstract->second.levels;

  // Word counts per abstract list, unless the instance restarts it.
  bool overrides = false;
  for (const auto& start : instance->second.start_overrides)
    overrides = overrides || start.has_value();
  const std::string key = overrides
                              ? "num:" + *reference.num_id
                              : "abstract:" + instance->second.abstract_id;
  auto& counters = counters_[key];
  const auto start_of = [&](int index) {
    const auto& start =
        instance->second.start_overrides[static_cast<std::size_t>(index)];
    return start.value_or(levels[static_cast<std::size_t>(index)].start);
  };
  auto& counter = counters[static_cast<std::size_t>(level)];
  counter = counter ? *counter + 1 : start_of(level);
  for (int deeper = level + 1; deeper < kLevels; ++deeper) {
    const int restart = levels[static_cast<std::size_t>(deeper)].restart;
    if (restart < 0 ? true : (restart != 0 && level < restart))
      counters[static_cast<std::size_t>(deeper)].reset();
  }

  const Level& shown = levels[static_cast<std::size_t>(level)];
  if (shown.format == "bullet" || shown.format == "none") return "";
  std::string marker;
  const std::string& pattern = shown.text;
  // A heading number is a few characters ("（十二）", "第三章"); a marker
  // longer than kMaxMarkerBytes is a crafted numbering (a 1 MB lvlText,
  // lowerLetter from 999999: 38,462 letters) that would multiply a small
  // file into gigabytes of text, one copy per paragraph. It is dropped.
  if (pattern.size() > kMaxMarkerBytes) return "";
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (marker.size() > kMaxMarkerBytes) return "";
    if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' &&
        pattern[i + 1] <= '9') {
      const int referenced = pattern[i + 1] - '1';
      const auto& value = counters[static_cast<std::size_t>(referenced)];
      const int number = value ? *value : start_of(referenced);
      const std::string& format =
          shown.legal ? std::string("decimal")
                      : levels[static_cast<std::size_t>(referenced)].format;
      marker += FormatNumber(number, format);
      if (marker.size() > kMaxMarkerBytes) return "";
      ++i;
    } else {
      marker += pattern[i];
    }
  }
  // The tab or space Word puts after the number is layout; it is kept as
  // one space only where the marker ends in a word ("第一章 总则"), not
  // after punctuation ("一、总体情况").
  if (shown.suffix != "nothing" && !marker.empty()) {
    const unsigned char last = static_cast<unsigned char>(marker.back());
    const bool ends_in_punctuation =
        utf8::EndsWith(marker, "、") || utf8::EndsWith(marker, "）") ||
        utf8::EndsWith(marker, "．") || utf8::EndsWith(marker, "。") ||
        last == '.' || last == ')' || last == ':' ||
        utf8::EndsWith(marker, "：");
    if (!ends_in_punctuation) marker += ' ';
  }
  // The checks above stop a long expansion early; a marker can still
  // cross the bound by its last literal byte or the suffix's space (252
  // bytes of lvlText and a 4-digit number, then a space: 257).
  if (marker.size() > kMaxMarkerBytes) return "";
  return marker;
}

}  // namespace lawreport::decode_internal::docx
