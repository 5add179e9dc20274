// Checks from the 政府信息公开工作年度报告 template: the identities its tables
// print or imply (data/templates/open_government_checks.tsv), over the cells
// the indicators stage named with canonical ids xxgk.*. Internal to check.
//
//   一、本年新收 95 + 二、上年结转 0 = （七）总计 95 + 四、结转下年度 0, per
//   column 总计 column = 自然人 + the five 法人或其他组织 columns, per row
//   行政复议 维持 10 + 纠正 1 + 其他 0 + 尚未审结 0 = 总计 0 → mismatch
//
// One wrong cell breaks every identity it is in (its row's and its
// column's); when the failing identities all meet in one cell that no
// passing identity holds, and one correction of it would mend them all, the
// report gets one mismatch at that cell instead of one per identity.
#ifndef LAWREPORT_CHECK_TEMPLATE_CHECKS_H_
#define LAWREPORT_CHECK_TEMPLATE_CHECKS_H_

#include <vector>

#include "lawreport/check.h"
#include "lawreport/indicators.h"

namespace lawreport::check_internal {

// Findings of type template, unnumbered, in no particular order.
std::vector<Finding> CheckTemplate(const std::vector<Indicator>& indicators);

}  // namespace lawreport::check_internal

#endif  // LAWREPORT_CHECK_TEMPLATE_CHECKS_H_
