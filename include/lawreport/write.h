// write: a Report → text for people or programs. Each format is a separate
// writer over the same Report; none of them decides anything about the text.
//
//   WriteOutlineJson(report)  →
//   {"schema_version":"1.0","source":{…},"document":{…},
//                                "preamble":[…],"sections":[…],"appendix":[…]}
//   WriteOutlineTree(report)  → "一、总体工作情况  [3–79]\n
//   （一）加强党的领导…"
// The JSON layout is documented in docs/output-format.md and
// docs/schema/outline.schema.json.
#ifndef LAWREPORT_WRITE_H_
#define LAWREPORT_WRITE_H_

#include <string>

#include "lawreport/report.h"

namespace lawreport {

struct JsonOptions {
  int indent = 2;  // -1: one line (JSON Lines)
};

// `lawreport outline --format json`: source, document, preamble, sections,
// appendix.
std::string WriteOutlineJson(const Report& report,
                             const JsonOptions& options = {});
// `lawreport extract`: the outline document plus "indicators".
std::string WriteExtractJson(const Report& report,
                             const JsonOptions& options = {});
std::string WriteOutlineTree(const Report& report);

// One row per indicator, RFC 4180 (quoted where needed, CRLF line ends),
// UTF-8: path, section, section_title, line, label, value, unit, kind,
// qualifier, text.
std::string CsvHeader();
std::string WriteIndicatorsCsv(const Report& report);

}  // namespace lawreport

#endif  // LAWREPORT_WRITE_H_
