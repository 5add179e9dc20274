#include "outline/markers.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "lexicon/lexicon.h"
#include "outline/units.h"
#include "util/char_set.h"
#include "util/chinese_numeral.h"
#include "util/regex.h"
#include "util/utf8.h"

namespace lawreport::outline_internal {
namespace {

enum class Numeral { kChinese, kArabic, kCircled };

// The characters a pattern's match can open with ("第(…)部分" → 第;
// "\( *(…)" → "("), read off the pattern text so that a unit opening with
// another character skips the rule without running the regex: MatchMarker
// is asked at every sentence start of a long line. Every character when the
// pattern is beyond this small reading, and the rule is then always tried.
// The reading is conservative: it gives up on alternation, any group or
// first atom that may be skipped (?, *, {0,…}), flags, and escapes other
// than escaped punctuation.
CharSet ReadFirstChars(std::string_view pattern) {
  if (pattern.find('|') != std::string_view::npos) return CharSet::Every();
  for (const std::string_view optional_group : {")?", ")*", "){0", "){,"}) {
    if (pattern.find(optional_group) != std::string_view::npos)
      return CharSet::Every();
  }
  std::size_t pos = 0;
  // Into the groups the pattern opens with: "(" and "(?:".
  while (pos < pattern.size() && pattern[pos] == '(') {
    if (pattern.substr(pos, 3) == "(?:") {
      pos += 3;
    } else if (pattern.substr(pos, 2) == "(?") {
      return CharSet::Every();  // flags or a named group
    } else {
      ++pos;
    }
  }
  if (pos >= pattern.size()) return CharSet::Every();
  std::vector<CharSet::Range> found;
  std::size_t atom_end = 0;
  const char c = pattern[pos];
  if (c == '\\') {
    if (pos + 1 >= pattern.size()) return CharSet::Every();
    const char escaped = pattern[pos + 1];
    const bool punctuation = escaped > ' ' && escaped < 0x7F &&
                             !(escaped >= '0' && escaped <= '9') &&
                             !(escaped >= 'A' && escaped <= 'Z') &&
                             !(escaped >= 'a' && escaped <= 'z') &&
                             escaped != '_';
    if (!punctuation) return CharSet::Every();  // \d, \p{…}, \x…
    found.push_back({char32_t(escaped), char32_t(escaped)});
    atom_end = pos + 2;
  } else if (c == '[') {
    std::size_t at = pos + 1;
    if (at >= pattern.size() || pattern[at] == '^' || pattern[at] == ']')
      return CharSet::Every();
    while (at < pattern.size() && pattern[at] != ']') {
      if (pattern[at] == '\\' || pattern[at] == '[') return CharSet::Every();
      const utf8::CodePoint first = utf8::Decode(pattern, at);
      at += first.length;
      char32_t last = first.value;
      if (at + 1 < pattern.size() && pattern[at] == '-' &&
          pattern[at + 1] != ']') {
        if (pattern[at + 1] == '\\' || pattern[at + 1] == '[')
          return CharSet::Every();
        const utf8::CodePoint to = utf8::Decode(pattern, at + 1);
        at += 1 + to.length;
        last = to.value;
      }
      if (first.value == utf8::kReplacement || last == utf8::kReplacement ||
          last < first.value)
        return CharSet::Every();
      found.push_back({first.value, last});
    }
    if (at >= pattern.size()) return CharSet::Every();
    atom_end = at + 1;
  } else if (c == '.' || c == '^' || c == '$' || c == ')' || c == '*' ||
             c == '+' || c == '?' || c == '{' || c == ']') {
    return CharSet::Every();
  } else {
    const utf8::CodePoint cp = utf8::Decode(pattern, pos);
    if (cp.value == utf8::kReplacement) return CharSet::Every();
    found.push_back({cp.value, cp.value});
    atom_end = pos + cp.length;
  }
  // The first atom itself must be there: not "a?", "a*", "a{0,2}".
  if (atom_end < pattern.size()) {
    const std::string_view after = pattern.substr(atom_end);
    if (after[0] == '?' || after[0] == '*' || after.substr(0, 2) == "{0" ||
        after.substr(0, 2) == "{,")
      return CharSet::Every();
  }
  return CharSet(found);
}

struct MarkerRule {
  int level;
  std::string style;
  Regex pattern;
  Numeral numeral;
  std::string not_before;
  CharSet first_chars;
};

struct LengthLimitedRule {
  Regex pattern;
  std::size_t max_chars;
  CharSet first_chars;
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
                        std::string(row.Get("not_before")),
                        ReadFirstChars(row.Get("pattern"))});
    }
    return loaded;
  }();
  return rules;
}

std::vector<LengthLimitedRule> LoadLengthLimited(std::string_view file) {
  std::vector<LengthLimitedRule> loaded;
  for (const lexicon::TsvRow& row : lexicon::ReadTsv(file)) {
    loaded.push_back({Compile(file, row, row.Get("pattern")),
                      ParseSize(file, row, row.Get("max_chars")),
                      ReadFirstChars(row.Get("pattern"))});
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
  // The first characters any rule may open with: one lookup rules out the
  // units that open with none, nearly all of them.
  static const CharSet openings = [] {
    CharSet any;
    for (const MarkerRule& rule : MarkerRules()) any.Add(rule.first_chars);
    return any;
  }();
  if (unit.empty()) return std::nullopt;  // a marker titles something
  const char32_t first = utf8::Decode(unit, 0).value;
  if (!openings.Contains(first)) return std::nullopt;
  for (const MarkerRule& rule : MarkerRules()) {
    if (!rule.first_chars.Contains(first)) continue;
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
  static const CharSet openings = [] {
    CharSet any;
    for (const LengthLimitedRule& rule : rules) any.Add(rule.first_chars);
    return any;
  }();
  if (unit.empty()) return std::nullopt;  // no numeral to read in it
  const char32_t first = utf8::Decode(unit, 0).value;
  if (!openings.Contains(first)) return std::nullopt;
  for (const LengthLimitedRule& rule : rules) {
    if (!rule.first_chars.Contains(first)) continue;
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
  static const std::size_t longest = [] {
    std::size_t max_chars = 0;
    for (const LengthLimitedRule& rule : rules)
      max_chars = std::max(max_chars, rule.max_chars);
    return max_chars;
  }();
  // Asked about every line after the body begins: most are paragraphs far
  // longer than any heading, told apart without counting them through.
  const std::size_t chars = CountCharsUpTo(unit, longest);
  if (chars > longest) return false;
  for (const LengthLimitedRule& rule : rules) {
    if (chars <= rule.max_chars && rule.first_chars.MayOpen(unit) &&
        rule.pattern.FullMatch(unit))
      return true;
  }
  return false;
}

std::size_t MarkupPrefixLength(std::string_view line) {
  struct PrefixRule {
    Regex pattern;
    CharSet first_chars;
  };
  static const std::vector<PrefixRule> rules = [] {
    constexpr std::string_view kFile = "markup_prefixes.tsv";
    std::vector<PrefixRule> loaded;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv(kFile)) {
      loaded.push_back({Compile(kFile, row, row.Get("pattern")),
                        ReadFirstChars(row.Get("pattern"))});
    }
    return loaded;
  }();
  for (const PrefixRule& rule : rules) {
    if (!rule.first_chars.MayOpen(line)) continue;
    if (const std::optional<Regex::Match> match =
            rule.pattern.MatchPrefix(line))
      return match->length;
  }
  return 0;
}

}  // namespace lawreport::outline_internal
