// The fields of one indicator's CSV row (`extract --format csv`), shared by
// the CSV writer and the page of `lawreport view`, whose download button
// must give the same rows. Internal to the writers.
//
//   IndicatorCsvFields(report, indicator, sections) →
//   {"rongan-2023.txt", "1.2", "…", "61", "收到行政复议申请", "31", "件", …}
#ifndef LAWREPORT_WRITE_INDICATOR_CSV_H_
#define LAWREPORT_WRITE_INDICATOR_CSV_H_

#include <map>
#include <string>
#include <vector>

#include "lawreport/report.h"

namespace lawreport::write_internal {

// Sections of the report by id, for the section_title column.
using SectionIndex = std::map<std::string, const Section*>;
SectionIndex IndexSections(const Report& report);

// The columns of CsvHeader(), in order, unquoted.
std::vector<std::string> IndicatorCsvFields(const Report& report,
                                            const Indicator& indicator,
                                            const SectionIndex& sections);

}  // namespace lawreport::write_internal

#endif  // LAWREPORT_WRITE_INDICATOR_CSV_H_
