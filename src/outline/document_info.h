// Document metadata from the title block and the first lines. Internal.
//
//   "融安县2023年法治政府建设年度报告"          → issuer 融安县, year 2023,
//   法治政府建设年度报告 "赵县人民政府" + "2022年度法治政府建设情况报告" → one
//   title over two lines "2026年北京市政府工作报告"                 → issuer
//   北京市, year 2025 (a work report
//                                              delivered in 2026 reviews 2025)
#ifndef LAWREPORT_OUTLINE_DOCUMENT_INFO_H_
#define LAWREPORT_OUTLINE_DOCUMENT_INFO_H_

#include <cstddef>
#include <vector>

#include "lawreport/outline.h"
#include "lawreport/text.h"
#include "outline/units.h"

namespace lawreport::outline_internal {

struct TitleBlock {
  DocumentInfo info;
  std::size_t unit_count = 0;  // units that form the title (0, 1 or 2)
};

TitleBlock ReadDocumentInfo(const Text& text, const std::vector<Unit>& units);

}  // namespace lawreport::outline_internal

#endif  // LAWREPORT_OUTLINE_DOCUMENT_INFO_H_
