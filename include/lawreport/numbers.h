// numbers: find every numeric mention in a Text and resolve its value.
//
// Finding a span and resolving its value are kept apart (as in
// Recognizers-Text): each Mention carries its span, the source text it came
// from, the exact value, and the name of the rule that produced it, so a wrong
// row traces back to one rule. Whether a mention is an indicator is decided
// later (indicators.h); this stage also finds years, dates and codes.
//
//   "受理43601件"       → Mention{value=43601, unit="件", kind=count,
//                                 rule="arabic"}
//   "1.2万余次"         → Mention{value=12000, unit="次", qualifier=more_than,
//                                 rule="arabic_scaled"}
//   "99.74％"           → Mention{value=99.74, unit="%", kind=percent,
//                                 decimals=2}
//   "百分之九十九点七"  → Mention{value=99.7, unit="%", rule="percent_words"}
//   "九成"              → Mention{value=90, unit="%", rule="chinese_tenths"}
//   "3至5个"            → Mention{value=3, upper=5, unit="个", rule="range"}
//   "提高0.4个百分点"   → Mention{value=0.4, unit="个百分点", kind=change}
// PDF-derived text writes a space between digits and what follows them, and
// sometimes between thousands; one space is read through, two or more part
// table columns and never join:
//   "政府信息 2428 条" → Mention{value=2428, unit="条", raw="2428 条"}
//   "收到申请 1 234 件" → Mention{value=1234, unit="件", rule="arabic_spaced"}
//   "0 100 200"          → three numbers, none with a unit
// 百 and 千 alone after a qualifier are numbers: "近百件" → Mention{value=100,
// unit="件", qualifier=approx, rule="scale_word"}. A bare number in a list
// takes the scale after it: "4.81、3.27万人次" → 48100 人次 (rule
// "list_scaled") and 32700 人次.
// Vocabulary: data/lexicon/{units,scale_words,qualifiers,number_words}.tsv;
// the rules, in the order they run: src/numbers/mention_rules.h.
#ifndef LAWREPORT_NUMBERS_H_
#define LAWREPORT_NUMBERS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "lawreport/decimal.h"
#include "lawreport/text.h"

namespace lawreport {

enum class UnitKind {
  kNone,
  kCount,
  kAmount,
  kMeasure,
  kDuration,
  kPercent,
  kChange
};
enum class Qualifier { kNone, kMoreThan, kApprox, kLessThan };

const char* UnitKindName(UnitKind kind);  // "count", "amount", …; "none"
const char* QualifierName(
    Qualifier kind);  // "more_than", "approx", "less_than"; "" for none

struct Mention {
  // Normalized offsets: [begin, end) runs from the number (or 百分之) through
  // the unit and a trailing qualifier word; [number_begin, number_end) is the
  // numeral alone; qualifier_begin includes a leading qualifier word (约,
  // 超过).
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t number_begin = 0;
  std::size_t number_end = 0;
  std::size_t qualifier_begin = 0;
  std::size_t unit_begin = 0;  // where the unit starts; == unit_end when none
  std::size_t unit_end = 0;

  std::string raw;  // source text of [begin, end): "１．２万余次"
  Decimal value;    // resolved, scale applied: 1.2万 → 12000
  std::optional<Decimal> upper;  // the upper bound of a range
  std::string unit;  // the base unit written out ("%" for ％), "" when none
  UnitKind kind = UnitKind::kNone;
  Qualifier qualifier = Qualifier::kNone;
  bool unit_known = false;  // a unit from units.tsv follows (or was borrowed)
  bool chinese = false;     // written in Chinese numerals
  bool digit_string = false;  // "二〇二三": digits without place units (years)
  int digits = 0;             // significant digits as written (years have 4)
  std::string rule;
};

std::vector<Mention> FindMentions(const Text& text);
// The same, but the scan stops once it has read more than `max_mentions`
// numbers: a report that says more is refused by its caller
// (DecodeOptions::max_numbers), and the numbers past the limit would only
// cost memory. Returns at most max_mentions + 1 mentions.
std::vector<Mention> FindMentions(const Text& text, std::size_t max_mentions);

}  // namespace lawreport

#endif  // LAWREPORT_NUMBERS_H_
