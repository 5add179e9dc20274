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

#include <optional>
#include <string>
#include <vector>

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
// The JSON Lines record of a file that failed:
// {"schema_version", "source": {"path"}, "error": "…"}
std::string WriteErrorJson(const std::string& path, const std::string& message);

// One row per indicator, RFC 4180 (quoted where needed, CRLF line ends),
// UTF-8: path, section, section_title, line, label, value, unit, kind,
// qualifier, text.
std::string CsvHeader();
std::string WriteIndicatorsCsv(const Report& report);

// `lawreport check` over several files: findings per file, or the file's
// one-line problem when it could not be read.
struct CheckedFile {
  std::string path;
  SourceInfo source;
  std::vector<Finding> findings;
  std::optional<std::string> error;
};

// A finding fails the run when it mismatches, or (strict) is unverifiable.
bool Fails(const Finding& finding, bool strict);

// "PATH:LINE: mismatch [sum] message (expression)" for each failing finding
// (and every unverifiable one when strict), then a summary line.
std::string WriteCheckText(const std::vector<CheckedFile>& files, bool strict);
// {"schema_version", "files": [{"source", "error", "checks": [...]}],
// "summary"}
std::string WriteCheckJson(const std::vector<CheckedFile>& files, bool strict);
// GitHub Actions workflow commands: ::error file=…,line=…,title=…::message
std::string WriteCheckGithub(const std::vector<CheckedFile>& files,
                             bool strict);
// JUnit XML: a testsuite per file, a testcase per relation.
std::string WriteCheckJunit(const std::vector<CheckedFile>& files, bool strict);

}  // namespace lawreport

#endif  // LAWREPORT_WRITE_H_
