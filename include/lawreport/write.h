// write: a Report → text for people or programs. Each format is a separate
// writer over the same Report; none of them decides anything about the text.
//
//   WriteOutlineJson(source, text, outline)
//     → {"schema_version":"2.0","source":{…},"document":{…},
//        "preamble":[…],"sections":[…],"appendix":[…]}
//   WriteOutlineTree(source, text, outline)
//     → "一、总体工作情况  [3–79]\n  （一）加强党的领导…"
// The JSON layout is documented in docs/output-format.md and
// docs/schema/outline.schema.json.
#ifndef LAWREPORT_WRITE_H_
#define LAWREPORT_WRITE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lawreport/report.h"

namespace lawreport {

struct JsonOptions {
  int indent = 2;  // -1: one line (JSON Lines)
};

// `lawreport outline --format json`: source, document, preamble, sections,
// appendix. It takes what it prints, the stages up to the outline, so that
// `lawreport outline` runs no later stage (OutlineFile in report.h).
std::string WriteOutlineJson(const SourceInfo& source, const Text& text,
                             const Outline& outline,
                             const JsonOptions& options = {});
inline std::string WriteOutlineJson(const OutlinedReport& report,
                                    const JsonOptions& options = {}) {
  return WriteOutlineJson(report.source, report.text, report.outline, options);
}
inline std::string WriteOutlineJson(const Report& report,
                                    const JsonOptions& options = {}) {
  return WriteOutlineJson(report.source, report.text, report.outline, options);
}
// `lawreport extract`: the outline document plus "indicators".
std::string WriteExtractJson(const Report& report,
                             const JsonOptions& options = {});
std::string WriteOutlineTree(const SourceInfo& source, const Text& text,
                             const Outline& outline);
inline std::string WriteOutlineTree(const OutlinedReport& report) {
  return WriteOutlineTree(report.source, report.text, report.outline);
}
inline std::string WriteOutlineTree(const Report& report) {
  return WriteOutlineTree(report.source, report.text, report.outline);
}

// `lawreport text`: the text every offset and line number refers to, one
// line per line; with `line_numbers` each line starts with its number and a
// tab, with `pages` with its PDF page and a tab (pages first). It takes the
// decoded Text only: `lawreport text` runs decode and nothing after it.
//   WritePlainText(text, {.line_numbers = true}) → "1\t融安县2023年…\n2\t…"
struct PlainTextOptions {
  bool line_numbers = false;
  bool pages = false;
};
std::string WritePlainText(const Text& text, const PlainTextOptions& options);
// One line for a terminal or a log: bytes that are not UTF-8 and every
// control character, "\n" and "\t" included, become U+FFFD. For file
// names in diagnostics and workflow commands, where a name from an
// unzipped GBK archive or with an ESC in it must not garble the line.
//   "\xB1\xA8\x1b[2J.txt" → "\uFFFD\uFFFD\uFFFD[2J.txt"
std::string OneSafeLine(std::string_view text);

// The JSON Lines record of a file that failed:
// {"schema_version", "source": {"path"}, "error": "…"}
std::string WriteErrorJson(const std::string& path, const std::string& message);

// One row per indicator, RFC 4180 (quoted where needed, CRLF line ends),
// UTF-8: path, section, section_title, line, label, value, unit, kind,
// qualifier, text.
std::string CsvHeader();
std::string WriteIndicatorsCsv(const Report& report);

// For spreadsheets (--excel): a UTF-8 byte order mark first, so Excel on
// Windows reads the Chinese text as UTF-8 rather than the ANSI code page.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Rewrites CSV records (RFC 4180, any of the writers above; `header` is the
// header line they go under) so that a spreadsheet keeps every field as the
// text it is (docs/output-format.md, "CSV for spreadsheets"):
//   - a field a spreadsheet would read as a number or date and change
//     ("3.10" → 3.1, "007", "1/2", "2023-01", "1E5", "12345678901234567")
//     becomes the text formula ="3.10";
//   - a field starting with =, +, -, @, tab or CR that is not a number
//     becomes '=SUM(A1) (leading apostrophe: text, never a formula);
//   - a number that reads back unchanged ("43601", "99.74", "-3.5") stays a
//     number, except in identifier columns (section, key), which are text.
//   ExcelSafeCsv("1,3.10,=1+2,99.74\r\n", "line,section,label,value\r\n")
//   → "1,\"=\"\"3.10\"\"\",'=1+2,99.74\r\n"
std::string ExcelSafeCsv(std::string_view records, std::string_view header);

// `lawreport check` over several files: findings per file, or the file's
// one-line problem when it could not be read.
struct CheckedFile {
  std::string path;
  SourceInfo source;
  std::vector<Finding> findings;
  std::optional<std::string> error;
  double seconds = 0;     // time taken to read and check it
  std::string timestamp;  // when its check started, "2024-03-01T08:00:00"
};

// A finding fails the run when it mismatches, or (strict) is unverifiable.
bool Fails(const Finding& finding, bool strict);

// "PATH:LINE: mismatch [sum] message (expression)" for each failing finding
// (and every unverifiable one when strict), then a summary line.
std::string WriteCheckText(const std::vector<CheckedFile>& files, bool strict);
// {"schema_version", "files": [{"source", "error", "checks": [...]}],
// "summary"}
std::string WriteCheckJson(const std::vector<CheckedFile>& files, bool strict);
// GitHub Actions workflow commands:
// ::error file=…,line=…,col=…,title=…::message
std::string WriteCheckGithub(const std::vector<CheckedFile>& files,
                             bool strict);
// JUnit XML: a testsuite per file (with time and timestamp), a testcase per
// relation, named by its relation name.
std::string WriteCheckJunit(const std::vector<CheckedFile>& files, bool strict);
// SARIF 2.1.0 (GitHub code scanning and other SARIF viewers): one run, a
// rule per relation type (sum, rate, balance, template, expect), a result per
// failing finding with its file, line and column: level "error" for a
// mismatch, "note" for an unverifiable relation under --strict. A file that
// could not be read is a toolExecutionNotification of level "error".
//   {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "lawreport",
//   "rules": [{"id": "sum", …}]}}, "results": [{"ruleId": "sum",
//   "level": "error", "message": {"text": "…"}, "locations": […]}]}]}
std::string WriteCheckSarif(const std::vector<CheckedFile>& files, bool strict);
// An accept file (TSV, the --accept format) accepting every finding that
// fails (a mismatch; an unverifiable relation too when strict) or is already
// accepted, each entry after a comment line that says what it accepts:
//   # rongan-bad.txt:61: 27 + 5 = 32 > 31 (stated 31, computed 32)
//   rongan-bad.txt<TAB>sum:…<TAB>31<TAB>32<TAB>baseline
// Entries accepted before keep their reason; new ones get `reason`.
std::string WriteAcceptFile(const std::vector<CheckedFile>& files, bool strict,
                            const std::string& reason);

}  // namespace lawreport

#endif  // LAWREPORT_WRITE_H_
