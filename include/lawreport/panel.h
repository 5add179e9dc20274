// panel: canonical indicators as data across reports (`lawreport table`) and
// between two reports (`lawreport diff`).
//
//   PanelRows(report, {})
//     → {issuer 融安县, year 2023, reconsideration.received, 31 件, line 61}, …
//   DiffReports(old, new)
//     → {reconsideration.received: 31 → 45, +14 件, +45.16%},
//       {economy.gdp_growth: 下降1.3% → 下降7.2%, -1.3 → -7.2, -5.9 个百分点},
//       …
#ifndef LAWREPORT_PANEL_H_
#define LAWREPORT_PANEL_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "lawreport/decimal.h"
#include "lawreport/report.h"

namespace lawreport {

struct PanelRow {
  std::string issuer;
  std::optional<int> year;
  std::string kind;
  std::string canonical;  // id
  std::string name;
  Decimal value;
  std::string unit;
  std::string label;
  std::string file;
  int line = 0;
  // What the figure says beyond its value, as in `extract`: "more_than" …
  // or ""; "up", "down" or ""; a range's upper bound; digits printed after
  // the point; the PDF page (0 when not paged); byte offsets of its text in
  // what `lawreport text` prints.
  std::string qualifier;
  std::string direction;
  std::optional<Decimal> upper;
  int decimals = 0;
  int page = 0;
  std::size_t start = 0;
  std::size_t end = 0;
  // Time and stance, as in `extract`: "actual" or "target", the years, and
  // "point", "average" or "total".
  std::string role;
  std::optional<int> period_from;
  std::optional<int> period_to;
  std::string aggregate;
  // The body the report speaks for (BodyOf): 北京市 and 北京市人民政府 are one.
  // With period_to and canonical, the key of a panel across reports.
  std::string body;
};

// Every indicator of `report` that maps to a canonical id, in text order;
// only the ids in `select` when it is not empty.
std::vector<PanelRow> PanelRows(const Report& report,
                                const std::vector<std::string>& select);

// Long CSV: issuer,year,kind,canonical,name,value,unit,label,file,line, then
// (added at the end, so readers by position keep working)
// qualifier,direction,upper,decimals,page,start,end,role,period_from,
// period_to,aggregate,body.
std::string PanelCsvHeader();
std::string PanelCsv(const std::vector<PanelRow>& rows);
std::string PanelJsonLines(const std::vector<PanelRow>& rows);
// Wide CSV: file,issuer,year,kind, then one column per id. For each id the
// report's first figure of `role` that is a `point` figure and, for results,
// one of the report's own year: a 2026 政府工作报告's column holds its 2025
// result, never its 2026 target (role kTarget: its first point target) nor
// a 十四五 average. Empty when the report states none.
std::string WideCsvHeader(const std::vector<std::string>& ids);
std::string WideCsvRow(const Report& report,
                       const std::vector<std::string>& ids,
                       Role role = Role::kActual);

// The body a report speaks for, from its issuer, for telling whether two
// reports are one body's: white space and width variants dropped, and a
// trailing 人民政府 or 政府 taken off, since 北京市 and 北京市人民政府 are
// one body. "" when the report names no issuer.
std::string BodyOf(const Report& report);

// Why `before` and `after` are not one body's reports of two years, so that
// a diff of them means little: different bodies, different kinds, or `after`
// not later than `before` ("NEW (2025) is not later than OLD (2025)").
// nullopt when they compare; a body, kind or year a report does not state is
// no reason.
std::optional<std::string> DiffRefusal(const Report& before,
                                       const Report& after);

struct DiffRow {
  std::string key;   // canonical id, or "label:" + label for an unmapped figure
                     // with the same label
  std::string name;  // catalogue name, or the label
  std::string unit;
  // Values with their sign: a change stated as a fall (下降1.3%) is -1.3, so
  // that new − old reads as what happened.
  std::optional<Decimal> old_value;
  std::optional<Decimal> new_value;
  std::optional<Decimal> change;  // new − old, in `change_unit`
  // "个百分点" for rates, shares and growth rates (unit "%"): 4.1% → 5.5% is
  // +1.4 个百分点, not +34%; otherwise `unit`.
  std::string change_unit;
  // (new − old) / old × 100, rounded to 2 decimals; only for quantities
  // (counts, amounts, measures, durations), never for rates or changes.
  std::optional<double> change_percent;
  std::string status;           // "same", "changed", "appeared", "disappeared"
  std::optional<int> old_line;  // the figure's line in each report
  std::optional<int> new_line;
};

struct DiffOptions {
  bool changed_only = false;  // leave out the rows whose status is "same"
};

// Per canonical id, and per identical label and unit among unmapped figures,
// the figures of the two reports paired in text order: the first mention
// with the first, the second with the second (a label stated twice is
// compared twice). Ids in catalogue order, then labels. An id stated in one
// report only appears or disappears; mentions beyond the other report's
// count, and labels of one report only, are not rows (noise between two
// texts).
std::vector<DiffRow> DiffReports(const Report& before, const Report& after,
                                 const DiffOptions& options = {});
std::string DiffText(const std::vector<DiffRow>& rows,
                     const std::string& before, const std::string& after);
std::string DiffCsv(const std::vector<DiffRow>& rows);
std::string DiffJson(const std::vector<DiffRow>& rows,
                     const std::string& before, const std::string& after);

}  // namespace lawreport

#endif  // LAWREPORT_PANEL_H_
