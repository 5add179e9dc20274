// Figure rules: the named reasons a number is no figure. Internal to the
// indicators stage.
//
// Every mention the numbers stage finds is a figure unless one of these
// rules rejects it (docs/reports.md §3); they are tried in order and the
// first that rejects names the reason:
//
//   "2023年"          → year            (a date, not a quantity)
//   "第四批"          → ordinal
//   "《关于开展5项行动的通知》" → enclosed (inside 《》 “” 〔〕: a name)
//   "十四五"          → fixed_term      (fixed_terms.tsv)
//   "5月"             → no_unit         (no unit of units.tsv follows)
//   "受理43601件"     → none: a figure
//
// `lawreport explain` prints the rule's name and why. The words the rules
// look for are data/lexicon/figure_rules.tsv.
#ifndef LAWREPORT_INDICATORS_FIGURE_RULES_H_
#define LAWREPORT_INDICATORS_FIGURE_RULES_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lawreport/numbers.h"

namespace lawreport::indicators_internal {

// Spans sorted by start, with the running largest end, so whether a range
// overlaps one of them is a binary search.
class SpanSet {
 public:
  SpanSet() = default;
  explicit SpanSet(std::vector<std::pair<std::size_t, std::size_t>> spans);
  // Whether [begin, end) overlaps a span.
  bool Overlaps(std::size_t begin, std::size_t end) const;
  bool empty() const { return spans_.empty(); }

 private:
  std::vector<std::pair<std::size_t, std::size_t>> spans_;
  std::vector<std::size_t> max_end_;
};

// What the rules may ask about the text around a mention, found once per
// report by the extractor.
struct FigureContext {
  std::string_view text;              // normalized
  const SpanSet* enclosed = nullptr;  // inside 《》, “”, 〔〕, 【】, [], 「」
  const SpanSet* fixed = nullptr;  // fixed terms (十四五, 二十大)
  // Heading markers ("（一）", "3."): [marker begin, marker end) of each
  // section, sorted.
  const std::vector<std::pair<std::size_t, std::size_t>>* markers = nullptr;
};

struct FigureRule {
  const char* name;  // "year", "ordinal", …
  const char* why;   // one line, for explain
  bool (*rejects)(const FigureContext& context, const Mention& m);
};

// Every rule, in the order they are tried.
std::span<const FigureRule> FigureRules();

// The year rule alone, which needs no context: "2023年" in a table cell
// is a date, not a figure.
bool IsYear(const Mention& m);

// The first rule that rejects `m`, or nullptr when it is a figure.
const FigureRule* RejectingRule(const FigureContext& context, const Mention& m);

}  // namespace lawreport::indicators_internal

#endif  // LAWREPORT_INDICATORS_FIGURE_RULES_H_
