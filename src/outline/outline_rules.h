// The words and patterns of the outline's rules, read once from
// data/lexicon/outline_rules.tsv. Internal to the outline stage.
//
// document_info.cc reads a report's year and issuer from its title block,
// outline.cc tells a date line from an unnumbered heading; the words they
// look for are data, only the conditions are code:
//
//   year            "融安县2023年法治政府建设年度报告" → 2023, but not the
//                   end of a range: "纲要(2021—2025年)"
//   title_issuer    "融安县2023年…" → 融安县 (the issuer stands before a
//                   year or a stop word: 关于, 发布 …);
//                   "四川省人民政府工作报告" → 四川省人民政府
//   speaker_issuer  "广东省省长 孟凡利" → 广东省
//   report_title    a title-like line holding 报告 names a report
//   date_line       "2026年1月27日": a month and a digit make no heading
#ifndef LAWREPORT_OUTLINE_OUTLINE_RULES_H_
#define LAWREPORT_OUTLINE_OUTLINE_RULES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.h"
#include "util/regex.h"

namespace lawreport::outline_internal {

struct OutlineRules {
  // year: the year, its digits in group 1 ("2025 年" → "2025").
  std::optional<Regex> year;
  // Characters besides digits a year may open with (〇, 零, 一, 二).
  std::u32string year_opens;
  // Characters that, right before a year, make it the end of a range.
  std::u32string range_dashes;
  // Characters besides digits that end a range's first year before the dash.
  std::u32string range_from_ends;

  // title_issuer: a year opening the title ("2023年度"), passed over.
  std::optional<Regex> leading_year;
  // Words the issuer stands before (关于, 发布, 工作报告 …).
  std::vector<std::string> issuer_stops;
  // A body's name (…人民政府) followed by the kind's words (工作报告).
  std::string body;
  std::string body_kind;

  // speaker_issuer: the speaker line, the issuer in group 1.
  std::optional<Regex> speaker;

  // report_title: words that make a title-like line a report's title.
  std::vector<std::string> report_words;
  // date_line: words that, with a digit, make a short line a date.
  std::vector<std::string> months;

  bool YearMayOpen(char32_t cp) const {
    return (cp >= U'0' && cp <= U'9') ||
           year_opens.find(cp) != std::u32string::npos;
  }
  bool IsRangeDash(char32_t cp) const {
    return range_dashes.find(cp) != std::u32string::npos;
  }
  bool EndsRangeFrom(char32_t cp) const {
    return (cp >= U'0' && cp <= U'9') ||
           range_from_ends.find(cp) != std::u32string::npos;
  }
  bool NamesReport(std::string_view line) const {
    return HoldsAny(line, report_words);
  }
  bool NamesMonth(std::string_view line) const {
    return HoldsAny(line, months);
  }

 private:
  static bool HoldsAny(std::string_view text,
                       const std::vector<std::string>& words);
};

// The rules of a table with outline_rules.tsv's columns; a pattern that does
// not compile, a rule and role that do not go together, or a single-valued
// role given twice or never is a BadLexicon.
OutlineRules ReadOutlineRules(const lexicon::Tsv& table);

// The rules of data/lexicon/outline_rules.tsv, read at first use.
const OutlineRules& EmbeddedOutlineRules();

}  // namespace lawreport::outline_internal

#endif  // LAWREPORT_OUTLINE_OUTLINE_RULES_H_
