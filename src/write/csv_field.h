// One CSV field, RFC 4180: quoted when it holds a comma, a quote or a line
// break, with quotes doubled. Internal to the writers.
//
//   AppendCsvField(row, "a,b") → row + ",\"a,b\"" (no comma before the first
//   field)
#ifndef LAWREPORT_WRITE_CSV_FIELD_H_
#define LAWREPORT_WRITE_CSV_FIELD_H_

#include <string>
#include <string_view>

namespace lawreport::write_internal {

inline void AppendCsvField(std::string& row, std::string_view field) {
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

}  // namespace lawreport::write_internal

#endif  // LAWREPORT_WRITE_CSV_FIELD_H_
