// check: Indicator[] → Finding[], whether a report's figures agree.
//
// Three kinds of relation (REPORTS.md §4), each a Finding with a verdict:
//   sum      a total and its breakdown, cued by 其中, （含…）, 包括 or "……中，":
//            "收到行政复议申请31件，其中受理27件，不受理4件" → 27 + 4 = 31, pass.
//            Parts may be a subset: a sum below the total passes unless the list
//            is complete (a （含…） list, or X and 不X both stated); a sum above
//            the total is a mismatch.
//   rate     a stated rate against the counts it is computed from, by the
//            definitions in data/lexicon/rate_definitions.tsv or a count labelled
//            exactly X for "X率": "办结43486件，办结率99.74%" with 受理43601件 →
//            43486 / 43601 = 99.736%, which prints as 99.74: pass. The rate agrees
//            when it is the ratio rounded either way at its last printed digit.
//   balance  carried over + new = concluded + carried forward (上年结转 + 本年新收
//            = 本年办结 + 结转下年度), when all four are stated in one paragraph.
// A relation that cannot be decided (counts not stated, an approximate figure
// that differs) is unverifiable, never a mismatch: a false alarm costs more
// than a miss.
#ifndef LAWREPORT_CHECK_H_
#define LAWREPORT_CHECK_H_

#include <optional>
#include <string>
#include <vector>

#include "lawreport/decimal.h"
#include "lawreport/indicators.h"
#include "lawreport/text.h"

namespace lawreport {

enum class FindingType { kSum, kRate, kBalance, kExpect };
enum class FindingStatus { kPass, kMismatch, kUnverifiable, kAccepted };
const char* FindingTypeName(FindingType type);        // "sum", "rate", "balance", "expect"
const char* FindingStatusName(FindingStatus status);  // "pass", "mismatch", "unverifiable", "accepted"

struct Finding {
  std::string id;                        // "c1", "c2", … in text order
  FindingType type = FindingType::kSum;
  FindingStatus status = FindingStatus::kPass;
  int line = 0;                          // of the figure that disagrees: the total, the rate
  std::vector<std::string> indicators;   // ids used, the stated figure first
  std::string relation;                  // stable name: "sum:61:收到行政复议申请"
  std::string expression;                // "43486 / 43601 = 99.736%", "27 + 4 = 31"
  std::optional<Decimal> stated;
  std::optional<Decimal> computed;
  std::string message;
};

std::vector<Finding> CheckIndicators(const Text& text, const std::vector<Indicator>& indicators);

}  // namespace lawreport

#endif  // LAWREPORT_CHECK_H_
