// Label trimmers: the named rules that cut a figure's label down to what it
// measures. Internal to the indicators stage.
//
// The words before a number are its label once the words that do not name
// what is measured are trimmed off. Each trimmer is a named value in one
// ordered table; CleanLabel runs the first that applies, then starts again
// from the top, until none applies:
//
//   "截至2023年底融安县共受理" --trim_leading_time--> "融安县共受理"
//                              --trim_place_adverb--> "受理"
//   "地区生产总值同比增长" --drop_change_verb--> "地区生产总值", up
//   "增速高于全国" (个百分点) --drop_comparison--> "增速", up
//
// The names are what an indicator's label_rule lists
// ("trim_leading_time+trim_place_adverb") and what `lawreport explain`
// shows step by step. The vocabulary is data/lexicon/label_trim.tsv,
// change_words.tsv and label_rules.tsv.
#ifndef LAWREPORT_INDICATORS_LABEL_RULES_H_
#define LAWREPORT_INDICATORS_LABEL_RULES_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lawreport/indicators.h"
#include "lawreport/numbers.h"

namespace lawreport::indicators_internal {

// A label being trimmed: [begin, end) in the normalized text, and the
// direction a change verb gave it.
struct LabelSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  Direction direction = Direction::kNone;
};

// One trimmer. `apply` looks at `span` of `text` (the whole normalized
// text: a rule may look at the character after the label's first word) for
// the figure `m`, and when it applies narrows `span` (and may set its
// direction) and returns true.
struct LabelRule {
  const char* name;  // "trim_leading_time": in label_rule and explain
  const char* why;   // one line, for explain
  bool (*apply)(std::string_view text, const Mention& m, LabelSpan& span);
};

// Every trimmer, in the order they are tried.
std::span<const LabelRule> LabelRules();

// One trimmer that ran: which (its index in LabelRules), the span before
// it ran and the span it left.
struct LabelStep {
  std::uint8_t rule = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t after_begin = 0;
  std::size_t after_end = 0;
};

// Trims `span` by the rules until none applies (spaces at either end go
// first, every round). Returns the set of rules that ran, bit k for
// LabelRules()[k]; when `steps` is given, appends each step in order.
std::uint32_t CleanLabel(std::string_view text, const Mention& m,
                         LabelSpan& span, std::vector<LabelStep>* steps);

// "trim_leading_time+drop_comparison": the rules of `rules` (a set as
// CleanLabel returns), in table order; "" for none.
std::string LabelRuleNames(std::uint32_t rules);

// A word trimmed from one end of a label, or a predicate word that ends a
// label after the number (label_trim.tsv, label_words.tsv).
struct TrimWord {
  std::string word;
  std::string not_after;    // characters that keep a trailing word (行为)
  std::string not_before;   // characters that keep a leading word (共同)
  bool keep_alone = false;  // the word stays when it is the whole label (连续)
};

// Characters that cannot open a label after the number: "3个以上",
// "5件的" (label_rules.tsv, label_after opens_no).
bool OpensNoLabel(char32_t cp);

// Whether UTF-8 `set` holds the character `cp`.
bool ContainsChar(std::string_view set, char32_t cp);

}  // namespace lawreport::indicators_internal

#endif  // LAWREPORT_INDICATORS_LABEL_RULES_H_
