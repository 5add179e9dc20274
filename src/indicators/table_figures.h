// Figures in table cells: one per cell that holds only a number, labelled
// by its row and column headers. Internal to the indicators stage.
//
//   | 申请人情况 ……………………………… | (header band)
//   |              | 自然人 | 商业企业 |
//   | 一、本年新收… |   12   |    3     |
//   → {label=一、本年新收…/申请人情况/自然人, value=12},
//     {label=一、本年新收…/申请人情况/商业企业, value=3}
//
// Row headers are the text cells to the left in the same grid row; column
// headers are the text cells above in the same grid column, within the band
// of rows without figures directly above the figure's block of rows (a
// table may restart its headers halfway, as the 政府信息公开 tables do).
// Each header cell is used once even when it spans several rows or columns.
#ifndef LAWREPORT_INDICATORS_TABLE_FIGURES_H_
#define LAWREPORT_INDICATORS_TABLE_FIGURES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "lawreport/decimal.h"
#include "lawreport/indicators.h"
#include "lawreport/numbers.h"
#include "lawreport/text.h"

namespace lawreport::indicators_internal {

struct TableFigure {
  std::size_t mention = 0;  // index into the report's mentions
  std::size_t begin = 0;    // the cell's trimmed normalized range
  std::size_t end = 0;
  std::string label;  // source text of the header cells, "/"-joined
  Decimal value;      // a header's scale applied: 120 under 万元 → 1200000
  std::optional<Decimal> upper;
  std::string unit;
  UnitKind kind = UnitKind::kCount;
  Qualifier qualifier = Qualifier::kNone;
  CellRef cell;
  // Normalized header texts, for templates: the row headers "/"-joined, the
  // innermost row header, and the lowest column header.
  std::string row_header;
  std::string last_row_header;
  std::string column_header;
  // Set when a template names the cell (open_government_cells.h).
  std::optional<std::string> canonical;
};

// In text order. A table too large to lay out as a grid (over 4 million
// grid places) gives none; its cells are then read as ordinary lines.
std::vector<TableFigure> FindTableFigures(const Text& text,
                                          const std::vector<Mention>& mentions);

}  // namespace lawreport::indicators_internal

#endif  // LAWREPORT_INDICATORS_TABLE_FIGURES_H_
