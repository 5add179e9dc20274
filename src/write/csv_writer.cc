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
  std::map<std::string, const Section*> sections;
  ForEachSection(report.outline.sections,
                 [&](const Section& s) { sections[s.id] = &s; });
  std::string out;
  for (const Indicator& indicator : report.indicators) {
    std::string row;
    AppendCsvField(row, report.source.path);
    const Section* section = nullptr;
    if (indicator.section) {
      auto found = sections.find(*indicator.section);
      if (found != sections.end()) section = found->second;
    }
    AppendCsvField(row, indicator.section ? *indicator.section : "");
    AppendCsvField(row, section ? section->title : "");
    AppendCsvField(row, std::to_string(indicator.line));
    AppendCsvField(row, indicator.label);
    AppendCsvField(row, indicator.value.ToString());
    AppendCsvField(row, indicator.unit);
    AppendCsvField(row, UnitKindName(indicator.kind));
    AppendCsvField(row, QualifierName(indicator.qualifier));
    AppendCsvField(row, indicator.text);
    AppendCsvField(row,
                   indicator.page > 0 ? std::to_string(indicator.page) : "");
    AppendCsvField(row,
                   indicator.cell ? std::to_string(indicator.cell->table) : "");
    AppendCsvField(row,
                   indicator.cell ? std::to_string(indicator.cell->row) : "");
    AppendCsvField(
        row, indicator.cell ? std::to_string(indicator.cell->column) : "");
    AppendCsvField(row, RoleName(indicator.role));
    AppendCsvField(row, indicator.period.from
                            ? std::to_string(*indicator.period.from)
                            : "");
    AppendCsvField(
        row, indicator.period.to ? std::to_string(*indicator.period.to) : "");
    AppendCsvField(row, AggregateName(indicator.aggregate));
    AppendCsvField(row, DirectionName(indicator.direction));
    AppendCsvField(row, indicator.upper ? indicator.upper->ToString() : "");
    AppendCsvField(row, std::to_string(indicator.value.decimals()));
    AppendCsvField(row, std::to_string(indicator.start));
    AppendCsvField(row, std::to_string(indicator.end));
    out += row + "\r\n";
  }
  return out;
}

}  // namespace lawreport
