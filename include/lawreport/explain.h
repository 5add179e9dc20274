// explain: why each number on one line of a report is, or is not, a figure.
//
// What a user asks first when a figure is missing or its label is wrong.
// For every number the numbers stage finds on the line: the numbers rule
// that read it, and either the figure rule that rejected it (a year, an
// ordinal, inside 《》, no unit, …) or the figures made of it, each with its
// label, where the label's words came from, every label trimmer that ran
// (the label before and after each step), kind, role, period and canonical
// id:
//
//   line "2023年融安县共受理行政复议案件43件，召开第12次常务会议，
//         印发《关于开展5项行动的通知》。"
//   → "2023年"  rule=arabic, rejected by year
//     "43件"    rule=arabic, figure i1, label 受理行政复议案件
//               from before_number:
//                 trim_leading_time  2023年融安县共受理行政复议案件
//                                    → 融安县共受理行政复议案件
//                 trim_place_adverb  融安县共受理行政复议案件 → 受理行政复议案件
//               kind=count role=actual period=2023–2023
//     "12次"    rule=arabic, rejected by ordinal
//     "5项"     rule=arabic, rejected by enclosed
//
// Numbers inside a table written as text are rejected as "text_table"
// unless they are a cell's figure. Texts (line, label steps) are source
// text, as `lawreport text` prints it.
#ifndef LAWREPORT_EXPLAIN_H_
#define LAWREPORT_EXPLAIN_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lawreport/decimal.h"
#include "lawreport/decode.h"
#include "lawreport/indicators.h"
#include "lawreport/status.h"
#include "lawreport/text.h"

namespace lawreport {

// One label trimmer that ran: its name, why it exists, and the label's
// words before and after it.
struct ExplainedStep {
  std::string rule;
  std::string why;
  std::string before;
  std::string after;
};

// A figure made of the number (a shared number makes several).
struct ExplainedFigure {
  Indicator indicator;  // as extract writes it (label, label_rule, kind, …)
  // Where the label's words came from: "before_number", "after_number",
  // "list", "bracket_note", "share_of", "previous_figure" (another
  // figure's label), "clause_head", "shared", "distributed",
  // "table_headers".
  std::string label_from;
  std::vector<ExplainedStep> steps;  // in the order they ran
};

struct ExplainedNumber {
  int column = 0;    // 1-based, in characters, of the number
  std::string text;  // the mention as written: "1.2万余次"
  std::string rule;  // the numbers rule that read it: "arabic_scaled"
  Decimal value;
  std::string unit;                        // "" when none
  std::optional<std::string> rejected_by;  // the figure rule, when no figure
  std::string why;                         // and why it rejects
  std::vector<ExplainedFigure> figures;    // empty when rejected
};

struct Explanation {
  int line = 0;
  std::string text;  // the line, as `lawreport text` prints it
  std::vector<ExplainedNumber> numbers;
};

// Runs the pipeline over `text` and explains line `line` (1-based);
// kBadArgument when the text has no such line.
Result<Explanation> ExplainLine(const Text& text, int line);

// The same for a report's bytes (any container Decode reads).
Result<Explanation> Explain(std::string_view report_bytes, int line,
                            const DecodeOptions& options = {});

// The explanation as text, one block per number (the default of
// `lawreport explain`), or as JSON (--format json).
std::string ExplanationText(const Explanation& explanation);
std::string ExplanationJson(const Explanation& explanation);

}  // namespace lawreport

#endif  // LAWREPORT_EXPLAIN_H_
