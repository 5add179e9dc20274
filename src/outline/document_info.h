// Document metadata from the title block and the first lines. Internal.
//
//   "融安县2023年法治政府建设年度报告"
//     → issuer 融安县, year 2023, 法治政府建设年度报告
//   "赵县人民政府" + "2022年度法治政府建设情况报告" → one title over two lines
//   "2026年北京市政府工作报告"
//     → issuer 北京市, year 2025 (a work report delivered in 2026 reviews 2025)
//   "平潭综合实验区行政审批局2022年工作总结及2023年工作计划"
//     → issuer 平潭综合实验区行政审批局, year 2022, 工作总结
//   page title "政府工作报告（2024）" + "平潭综合实验区管委会工作报告"
//     → the article's own title; kind 政府工作报告 from the page title
#ifndef LAWREPORT_OUTLINE_DOCUMENT_INFO_H_
#define LAWREPORT_OUTLINE_DOCUMENT_INFO_H_

#include <cstddef>
#include <string>
#include <vector>

#include "lawreport/outline.h"
#include "lawreport/text.h"
#include "outline/units.h"

namespace lawreport::outline_internal {

struct TitleBlock {
  DocumentInfo info;
  // Units before the body: a web page's title line set aside for the
  // article's own title (0 or 1), then the title (0, 1 or 2).
  std::size_t unit_count = 0;
};

TitleBlock ReadDocumentInfo(const Text& text, const std::vector<Unit>& units);

// A report kind and the name it is printed with (report_kind_names.tsv).
struct KindName {
  ReportKind kind;
  std::string name;
};

// Every kind but kOther, with its name.
const std::vector<KindName>& KindNames();

}  // namespace lawreport::outline_internal

#endif  // LAWREPORT_OUTLINE_DOCUMENT_INFO_H_
