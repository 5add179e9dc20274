// panel: canonical indicators as data across reports (`lawreport table`) and
// between two reports (`lawreport diff`).
//
//   PanelRows(report, {}) → {issuer 融安县, year 2023,
//   reconsideration.received, 31 件, line 61}, … DiffReports(old, new) →
//   {reconsideration.received: 31 → 45, +14, +45.16%}, …
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
};

// Every indicator of `report` that maps to a canonical id, in text order;
// only the ids in `select` when it is not empty.
std::vector<PanelRow> PanelRows(const Report& report,
                                const std::vector<std::string>& select);

// Long CSV: issuer,year,kind,canonical,name,value,unit,label,file,line, then
// (added at the end, so readers by position keep working)
// qualifier,direction,upper,decimals,page,start,end.
std::string PanelCsvHeader();
std::string PanelCsv(const std::vector<PanelRow>& rows);
std::string PanelJsonLines(const std::vector<PanelRow>& rows);
// Wide CSV: file,issuer,year,kind, then one column per id; a report's first
// figure for each id (a work report states a year's result before its target).
std::string WideCsvHeader(const std::vector<std::string>& ids);
std::string WideCsvRow(const Report& report,
                       const std::vector<std::string>& ids);

struct DiffRow {
  std::string key;   // canonical id, or "label:" + label for an unmapped figure
                     // with the same label
  std::string name;  // catalogue name, or the label
  std::string unit;
  std::optional<Decimal> old_value;
  std::optional<Decimal> new_value;
  std::optional<Decimal> change;  // new − old
  std::optional<double>
      change_percent;  // (new − old) / old × 100, rounded to 2 decimals
  std::string status;  // "same", "changed", "appeared", "disappeared"
};

// Per canonical id (and per identical label and unit among unmapped
// figures), each report's first figure; ids in catalogue order, then labels.
std::vector<DiffRow> DiffReports(const Report& before, const Report& after);
std::string DiffText(const std::vector<DiffRow>& rows,
                     const std::string& before, const std::string& after);
std::string DiffCsv(const std::vector<DiffRow>& rows);
std::string DiffJson(const std::vector<DiffRow>& rows,
                     const std::string& before, const std::string& after);

}  // namespace lawreport

#endif  // LAWREPORT_PANEL_H_
