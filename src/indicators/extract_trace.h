// What the indicators stage decided about each mention, and how it cut each
// label: the record `lawreport explain` prints. Internal to the stage; the
// extractor keeps it only when asked (ExtractIndicatorsTraced), so a normal
// run pays nothing for it.
//
//   "2023年受理案件43件" → mention "2023年": rejected by "year";
//                          mention "43件": figure i1, label from
//                          "before_number", steps trim_leading_time
//                          ("2023年受理案件" → "受理案件")
#ifndef LAWREPORT_INDICATORS_EXTRACT_TRACE_H_
#define LAWREPORT_INDICATORS_EXTRACT_TRACE_H_

#include <cstddef>
#include <vector>

#include "indicators/label_rules.h"
#include "lawreport/indicators.h"
#include "lawreport/numbers.h"
#include "lawreport/outline.h"
#include "lawreport/text.h"

namespace lawreport::indicators_internal {

struct LabelTrace {
  std::size_t indicator = 0;  // index in the extracted indicators
  std::size_t mention = 0;    // index in the mentions
  // Where the label's words came from: "before_number", "after_number",
  // "list", "bracket_note", "share_of", "previous_figure", "clause_head",
  // "shared", "distributed", "table_headers".
  const char* from = "";
  std::vector<LabelStep> steps;  // the trimmers, in the order they ran
};

struct ExtractTrace {
  // Per mention: the name of the figure rule that rejected it,
  // "text_table" (a number in a table written as text that is no cell's
  // figure), or nullptr when it was taken.
  std::vector<const char*> rejected_by;
  std::vector<LabelTrace> labels;  // per indicator, in order
};

std::vector<Indicator> ExtractIndicatorsTraced(
    const Text& text, const Outline& outline,
    const std::vector<Mention>& mentions, ExtractTrace& trace);

}  // namespace lawreport::indicators_internal

#endif  // LAWREPORT_INDICATORS_EXTRACT_TRACE_H_
