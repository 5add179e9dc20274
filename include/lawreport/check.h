// check: Indicator[] → Finding[], whether a report's figures agree.
//
// Three kinds of relation (docs/reports.md §4), each a Finding with a verdict:
//   sum      a total and its breakdown, cued by 其中, （含…）, 包括 or "……中，":
//            "收到行政复议申请31件，其中受理27件，不受理4件" → 27 + 4 = 31,
//            pass. Parts may be a subset: a sum below the total passes unless
//            the list is complete (a （含…） list, X and 不X both stated, or
//            states that cover the whole, data/lexicon/partitions.tsv:
//            "其中9件通过审查备案，1件正在审查备案中" of 11 is a mismatch); a
//            sum above the total is a mismatch, also across counting words
//            of one kind (data/lexicon/counter_groups.tsv: 案卷16卷，其中优秀卷
//            13件，合格卷4件) when the parts' labels are disjoint. Parts in
//            another unit agree only when they add up exactly; otherwise the
//            relation is unverifiable, as it is when a figure is approximate
//            or the parts exceed twice the total (the list then ran into the
//            sentence's next item).
//            "81件，其中：…42件，占51.85%；…5件，占6.17%" gives the sum across
//            "；" and each share as a rate, 42 / 81.
//   rate     a stated rate against the counts it is computed from, by the
//            definitions in data/lexicon/rate_definitions.tsv or a count
//            labelled exactly X for "X率": "办结43486件，办结率99.74%" with
//            受理43601件 → 43486 / 43601 = 99.736%, which prints as 99.74:
//            pass. The rate agrees when it is the ratio rounded either way at
//            its last printed digit.
//   balance  carried over + new = concluded + carried forward
//            (上年结转 + 本年新收 = 本年办结 + 结转下年度), when all four are
//            stated in one paragraph (data/lexicon/balance_terms.tsv).
//   template the identities of the 政府信息公开工作年度报告 template's tables
//            (一 + 二 = （七）总计 + 四 per column, 总计 column = the six
//            applicant columns, 维持 + 纠正 + 其他 + 尚未审结 = 总计 per
//            block), over the cells it names (check/template_checks.h).
// A relation that cannot be decided (counts not stated, an approximate figure
// that differs) is unverifiable, never a mismatch: a false alarm costs more
// than a miss.
#ifndef LAWREPORT_CHECK_H_
#define LAWREPORT_CHECK_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lawreport/decimal.h"
#include "lawreport/indicators.h"
#include "lawreport/status.h"
#include "lawreport/text.h"

namespace lawreport {

enum class FindingType { kSum, kRate, kBalance, kExpect, kTemplate };
enum class FindingStatus { kPass, kMismatch, kUnverifiable, kAccepted };
const char* FindingTypeName(
    FindingType type);  // "sum", "rate", "balance", "expect", "template"
const char* FindingStatusName(
    FindingStatus status);  // "pass", "mismatch", "unverifiable", "accepted"

struct Finding {
  std::string id;  // "c1", "c2", … in text order
  FindingType type = FindingType::kSum;
  FindingStatus status = FindingStatus::kPass;
  int line = 0;    // of the figure that disagrees: the total, the rate
  int column = 0;  // 1-based, in characters, of that figure (0: unknown)
  std::vector<std::string> indicators;  // ids used, the stated figure first
  // A name made of what the relation says, not where it stands, so that it
  // survives edits elsewhere in the report (the naming rule is above
  // MakeRelationsUnique below):
  // "sum:审结的:维持+撤销+驳回+确认违法+终止", "rate:办结率".
  std::string relation;
  std::string expression;  // "43486 / 43601 = 99.736%", "27 + 4 = 31"
  std::optional<Decimal> stated;
  std::optional<Decimal> computed;
  std::string message;
  std::string accepted_reason;  // the --accept entry's reason, when accepted
};

// Relation names. A relation is named by its type and the labels of its
// figures, never by a line number:
//   sum      "sum:TOTAL:PART+PART+…", "sum:审结的:撤销+确认违法"
//   rate     "rate:RATE", "rate:办结率"
//   balance  "balance:A+B=C+D",
//            "balance:上年结转+本年新收=本年办结+结转下年度"
//   template "template:PART.NAME:PLACE" (unchanged)
//   expect   "expect:KEY"
// A figure without a label stands for itself by its unit ("件"). When two
// relations of one report get the same name, the second in text order is
// suffixed "#2", the third "#3", and so on; the first keeps the bare name, so
// a relation added later in the text renames nothing before it.
void MakeRelationsUnique(std::vector<Finding>& findings);

std::vector<Finding> CheckIndicators(const Text& text,
                                     const std::vector<Indicator>& indicators);

// OCR misreads digits, so a mismatch among figures read by OCR may be the
// engine's, not the report's: its message says so, with the lowest
// confidence among them. "… (a figure was read by OCR, confidence 61: it
// may be misread, compare it with the page)". CheckIndicators does this.
void NoteOcrFigures(const std::vector<Indicator>& indicators,
                    std::vector<Finding>& findings);

// --expect: figures a user expects the report to state, by indicator id or
// by label. From JSON ({"办结率": 99.74, "i2": 43601} or
// [{"key": "办结率", "value": 99.74}]) or TSV ("办结率<TAB>99.74").
struct Expectation {
  std::string key;
  Decimal value;
};
Result<std::vector<Expectation>> ParseExpectations(std::string_view content);
// One expect finding per expectation: pass when an indicator with that id, or
// one with that label, has the value; mismatch when the figure differs or is
// missing.
std::vector<Finding> CheckExpectations(
    const std::vector<Indicator>& indicators,
    const std::vector<Expectation>& expectations);

// --accept: findings a person confirmed correct. A finding is accepted when
// the file, the relation and the stated value (and the computed value, when
// given) all match, so an accepted finding whose figures change is reported
// again. JSON [{"file", "relation", "stated", "computed"?, "reason"}] or TSV
// with a header row naming those columns.
struct Acceptance {
  std::string file;      // as given to check, or its base name
  std::string relation;  // Finding::relation
  Decimal stated;
  std::optional<Decimal> computed;
  std::string reason;
};
Result<std::vector<Acceptance>> ParseAcceptances(std::string_view content);
void ApplyAcceptances(const std::string& path,
                      const std::vector<Acceptance>& acceptances,
                      std::vector<Finding>& findings);

// A report's findings as `lawreport check` gives them (and the Python
// module's check): its checks, then the expectations it fails, numbered c1,
// c2 … in that order, relations made unique, then the acceptances for `path`
// applied.
std::vector<Finding> CollectFindings(
    const std::string& path, const std::vector<Finding>& checks,
    const std::vector<Indicator>& indicators,
    const std::vector<Expectation>& expectations,
    const std::vector<Acceptance>& acceptances);

}  // namespace lawreport

#endif  // LAWREPORT_CHECK_H_
