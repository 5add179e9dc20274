// Indicators as CSV (RFC 4180): one row per indicator, a header row, fields
// quoted when they hold a comma, quote or line break, CRLF line ends. Values
// are the exact decimal text ("99.74", "12000"). Columns are only ever added
// at the end, so a reader that picks columns by position keeps working:
//   …,qualifier,text,page,table,row,column,role,period_from,period_to,aggregate,direction,upper,decimals,start,end
//   …,,增长4.5%—5%,,,,,actual,2025,2025,point,up,5,1,120,134
#include <map>
#include <string>

#include "lawreport/write.h"
#include "write/csv_field.h"
#include "write/indicator_csv.h"

namespace lawreport {
namespace {

using write_internal::AppendCsvField;

}  // namespace

std::string CsvHeader() {
  return "path,section,section_title,line,label,value,unit,kind,qualifier,"
         "text,page,table,row,column,role,period_from,period_to,aggregate,"
         "direction,upper,decimals,start,end\r\n";
}

std::string WriteIndicatorsCsv(const Report& report) {
  const write_internal::SectionIndex sections =
      write_internal::IndexSections(report);
  std::string out;
  for (const Indicator& indicator : report.indicators) {
    std::string row;
    for (const std::string& field :
         write_internal::IndicatorCsvFields(report, indicator, sections))
      AppendCsvField(row, field);
    out += row + "\r\n";
  }
  return out;
}

namespace write_internal {

SectionIndex IndexSections(const Report& report) {
  SectionIndex sections;
  ForEachSection(report.outline.sections,
                 [&](const Section& s) { sections[s.id] = &s; });
  return sections;
}

std::vector<std::string> IndicatorCsvFields(const Report& report,
                                            const Indicator& indicator,
                                            const SectionIndex& sections) {
  const Section* section = nullptr;
  if (indicator.section) {
    auto found = sections.find(*indicator.section);
    if (found != sections.end()) section = found->second;
  }
  const auto number_or_empty = [](bool present, int value) {
    return present ? std::to_string(value) : std::string();
  };
  return {
      report.source.path,
      indicator.section ? *indicator.section : "",
      section ? section->title : "",
      std::to_string(indicator.line),
      indicator.label,
      indicator.value.ToString(),
      indicator.unit,
      UnitKindName(indicator.kind),
      QualifierName(indicator.qualifier),
      indicator.text,
      number_or_empty(indicator.page > 0, indicator.page),
      number_or_empty(indicator.cell.has_value(),
                      indicator.cell ? indicator.cell->table : 0),
      number_or_empty(indicator.cell.has_value(),
                      indicator.cell ? indicator.cell->row : 0),
      number_or_empty(indicator.cell.has_value(),
                      indicator.cell ? indicator.cell->column : 0),
      RoleName(indicator.role),
      number_or_empty(indicator.period.from.has_value(),
                      indicator.period.from.value_or(0)),
      number_or_empty(indicator.period.to.has_value(),
                      indicator.period.to.value_or(0)),
      AggregateName(indicator.aggregate),
      DirectionName(indicator.direction),
      indicator.upper ? indicator.upper->ToString() : "",
      std::to_string(indicator.value.decimals()),
      std::to_string(indicator.start),
      std::to_string(indicator.end),
  };
}

}  // namespace write_internal
}  // namespace lawreport
