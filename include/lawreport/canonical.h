// canonical: the same figure under one id across reports, bodies and years.
//
// The catalogue is data/canonical/indicators.tsv, compiled in. Mapping is
// rule-based and conservative: an indicator maps when its unit and kind fit
// one entry, its label matches the entry's label pattern and not its
// exclusion, and its paragraph up to the number matches the entry's context;
// an indicator two entries claim maps to neither.
//
//   "县人民政府收到行政复议申请31件，其中受理27件"
//   → 31: reconsideration.received, 27: reconsideration.accepted
//     (label "受理", context "行政复议")
#ifndef LAWREPORT_CANONICAL_H_
#define LAWREPORT_CANONICAL_H_

#include <string>
#include <vector>

#include "lawreport/indicators.h"
#include "lawreport/text.h"

namespace lawreport {

struct CanonicalEntry {
  std::string id;     // "reconsideration.accepted"
  std::string name;   // "行政复议受理数"
  std::string units;  // "件" or "名|人"
  std::string kind;   // "count", "change|percent", or empty
  std::string definition;
};

// Every catalogue entry, in catalogue order.
const std::vector<CanonicalEntry>& CanonicalCatalogue();
// The cells of the 政府信息公开工作年度报告 template, in the template's order:
// "xxgk.requests.new.natural_person" named "一、本年新收政府信息公开申请数量/自然人".
// They are not catalogue entries (no label rule maps a figure to them; the
// template names its cells), so `table --wide` lists them only when asked
// (--indicators 'xxgk.*').
const std::vector<CanonicalEntry>& TemplateCells();
// The catalogue entry or template cell with this id, or nullptr.
const CanonicalEntry* FindCanonical(const std::string& id);
// The ids a selection names: an id as it is, "prefix.*" every catalogue
// entry and template cell whose id starts with "prefix.".
std::vector<std::string> ExpandCanonicalSelection(
    const std::vector<std::string>& selection);

// Sets Indicator::canonical and Indicator::canonical_rule. Run after
// AssignTimeStance: an entry maps only `point` figures unless its
// `aggregates` column says otherwise.
void MapCanonical(const Text& text, std::vector<Indicator>& indicators);

}  // namespace lawreport

#endif  // LAWREPORT_CANONICAL_H_
