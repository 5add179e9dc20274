#include "outline/markers.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "util/chinese_numeral.h"
#include "util/regex.h"
#include "util/utf8.h"

namespace lawreport::outline_internal {
namespace {

enum class Numeral { kChinese, kArabic, kCircled };

struct MarkerRule {
  int level;
  std::string style;
  Regex pattern;
  Numeral numeral;
  std::string not_before;
};

struct LengthLimitedRule {
  Regex pattern;
  std::size_t max_chars;
};

using lexicon::BadLexicon;

Regex Compile(std::string_view file, const lexicon::TsvRow& row,
              std::string_view pattern) {
  Regex regex(pattern);
  if (!regex.ok())
    BadLexicon(file, row.line(), "bad pattern: " + regex.error());
  return regex;
}

std::size_t ParseSize(std::string_view file, const lexicon::TsvRow& row,
                      std::string_view text) {
  const std::optional<int> value = ParseArabic(text);
  if (!value)
    BadLexicon(file, row.line(), "not a number: " + std::string(text));
  return static_cast<std::size_t>(*value);
}

const std::vector<MarkerRule>& MarkerRules() {
  static const std::vector<MarkerRule> rules = [] {
    constexpr std::string_view kFile = "outline_markers.tsv";
    std::vector<MarkerRule> loaded;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv(kFile)) {
      const std::optional<int> level = ParseArabic(row.Get("level"));
      if (!level || *level < 1 || *level > 4)
        BadLexicon(kFile, row.line(), "level must be 1-4");
      const std::string_view numeral = row.Get("numeral");
      Numeral kind;
      if (numeral == "chinese") {
        kind = Numeral::kChinese;
      } else if (numeral == "arabic") {
        kind = Numeral::kArabic;
      } else if (numeral == "circled") {
        kind = Numeral::kCircled;
      } else {
        BadLexicon(kFile, row.line(),
                   "numeral must be chinese, arabic or circled");
      }
      loaded.push_back({*level, std::string(row.Get("style")),
                        Compile(kFile, row, row.Get("pattern")), kind,
                        std::string(row.Get("not_before"))});
    }
    return loaded;
  }();
  return rules;
}

std::vector<LengthLimitedRule> LoadLengthLimited(std::string_view file) {
  std::vector<LengthLimitedRule> loaded;
  for (const lexicon::TsvRow& row : lexicon::ReadTsv(file)) {
    loaded.push_back({Compile(file, row, row.Get("pattern")),
                      ParseSize(file, row, row.Get("max_chars"))});
  }
  return loaded;
}

std::optional<int> ReadNumeral(Numeral numeral, std::string_view text) {
  switch (numeral) {
    case Numeral::kChinese:
      return ParseChineseOrdinal(text);
    case Numeral::kArabic:
      return ParseArabic(text);
    case Numeral::kCircled:
      return ParseCircled(text);
  }
  return std::nullopt;
}

}  // namespace

std::optional<Marker> MatchMarker(std::string_view unit) {
  for (const MarkerRule& rule : MarkerRules()) {
    const std::optional<Regex::Match> match = rule.pattern.MatchPrefix(unit);
    if (!match) continue;
    const std::string_view rest = unit.substr(match->length);
    if (rest.empty()) continue;  // a bare marker titles nothing
    if (!rule.not_before.empty() &&
        rule.not_before.find(rest.front()) != std::string::npos) {
      continue;
    }
    const std::optional<int> ordinal = ReadNumeral(rule.numeral, match->group);
    if (!ordinal || *ordinal == 0) continue;
    std::size_t written = match->length;
    while (written > 0 && unit[written - 1] == ' ') --written;
    return Marker{rule.level, rule.style, *ordinal, match->length, written};
  }
  return std::nullopt;
}

std::optional<RunIn> MatchRunIn(std::string_view unit) {
  static const std::vector<LengthLimitedRule> rules =
      LoadLengthLimited("run_in_enumerators.tsv");
  for (const LengthLimitedRule& rule : rules) {
    const std::optional<Regex::Match> match = rule.pattern.MatchPrefix(unit);
    if (!match) continue;
    const std::optional<int> ordinal = ParseChineseOrdinal(match->group);
    if (!ordinal || *ordinal == 0) continue;
    return RunIn{*ordinal, match->length, rule.max_chars};
  }
  return std::nullopt;
}

bool IsAppendixHeading(std::string_view unit) {
  static const std::vector<LengthLimitedRule> rules =
      LoadLengthLimited("appendix_headings.tsv");
  const std::size_t chars = utf8::CountChars(unit);
  for (const LengthLimitedRule& rule : rules) {
    if (chars <= rule.max_chars && rule.pattern.FullMatch(unit)) return true;
  }
  return false;
}

}  // namespace lawreport::outline_internal
