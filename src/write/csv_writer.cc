// Indicators as CSV (RFC 4180): one row per indicator, a header row, fields
// quoted when they hold a comma, quote or line break, CRLF line ends. Values
// are the exact decimal text ("99.74", "12000").
#include <map>
#include <string>

#include "lawreport/write.h"

namespace lawreport {
namespace {

void AppendField(std::string& row, std::string_view field) {
  if (!row.empty()) row.push_back(',');
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    row.append(field);
    return;
  }
  row.push_back('"');
  for (const char c : field) {
    if (c == '"') row.push_back('"');
    row.push_back(c);
  }
  row.push_back('"');
}

}  // namespace

std::string CsvHeader() {
  return "path,section,section_title,line,label,value,unit,kind,qualifier,"
         "text\r\n";
}

std::string WriteIndicatorsCsv(const Report& report) {
  std::map<std::string, const Section*> sections;
  ForEachSection(report.outline.sections,
                 [&](const Section& s) { sections[s.id] = &s; });
  std::string out;
  for (const Indicator& indicator : report.indicators) {
    std::string row;
    AppendField(row, report.source.path);
    const Section* section = nullptr;
    if (indicator.section) {
      auto found = sections.find(*indicator.section);
      if (found != sections.end()) section = found->second;
    }
    AppendField(row, indicator.section ? *indicator.section : "");
    AppendField(row, section ? section->title : "");
    AppendField(row, std::to_string(indicator.line));
    AppendField(row, indicator.label);
    AppendField(row, indicator.value.ToString());
    AppendField(row, indicator.unit);
    AppendField(row, UnitKindName(indicator.kind));
    AppendField(row, QualifierName(indicator.qualifier));
    AppendField(row, indicator.text);
    out += row + "\r\n";
  }
  return out;
}

}  // namespace lawreport
