// The cells of a 政府信息公开工作年度报告's template tables, named by the
// national template (template/open_government.h) whatever container and
// layout they came in. Internal to the indicators stage.
//
//   a row "（一）予以公开  50  0  0  0  0  0  50" after 一、本年新收… and
//   二、上年结转… rows
//   → 50 is xxgk.requests.result.disclosed.natural_person, labelled
//     "三、本年度办理结果/（一）予以公开/自然人", unit 件
//   a row of fifteen figures under headers naming 维持 and 纠正
//   → xxgk.review.upheld … xxgk.litigation.after_review.total
//
// A row is recognised by its label (the template's wording or a variant:
// "2.其他法律行政止公开", "3. 其他"), else by its place after the rows
// before it, as a PDF's vertical or wrapped labels leave many rows without
// a readable one. Columns are read by position when a row has all of its
// set's columns (stacked headers in text are unreliable), else by the
// header above each figure (a table leaving out an empty column). Table 三
// is taken for the template only when at least three of its rows are
// recognised by label; table 二 needs a header with 本年; table 四 needs
// headers naming 维持 and 纠正 and a 复议 or 诉讼 nearby. The pre-2021
// layout (one column of counts) is not recognised.
#ifndef LAWREPORT_INDICATORS_OPEN_GOVERNMENT_CELLS_H_
#define LAWREPORT_INDICATORS_OPEN_GOVERNMENT_CELLS_H_

#include <vector>

#include "indicators/table_figures.h"
#include "lawreport/numbers.h"
#include "lawreport/text.h"

namespace lawreport::indicators_internal {

// Sets canonical, label, unit (and value, for 万元) of the template's cells
// among `figures` (in text order, as FindTableFigures gives them).
void NameOpenGovernmentCells(const Text& text,
                             const std::vector<Mention>& mentions,
                             std::vector<TableFigure>& figures);

}  // namespace lawreport::indicators_internal

#endif  // LAWREPORT_INDICATORS_OPEN_GOVERNMENT_CELLS_H_
