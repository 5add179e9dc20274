// A processed report: what every writer takes.
//
//   Result<Report> report = ProcessFile("rongan-2023.txt", {});
//   report->source.encoding                == "UTF-8"
//   report->outline.sections[0].title      == "总体工作情况"
#ifndef LAWREPORT_REPORT_H_
#define LAWREPORT_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "lawreport/check.h"
#include "lawreport/decode.h"
#include "lawreport/indicators.h"
#include "lawreport/outline.h"
#include "lawreport/status.h"
#include "lawreport/text.h"

namespace lawreport {

inline constexpr const char* kSchemaVersion = "2.0";

// The library's version, as `lawreport --version` prints it.
const char* Version();

struct Report {
  SourceInfo source;
  Text text;
  Outline outline;
  std::vector<Indicator> indicators;
  std::vector<Finding> checks;
  double seconds = 0;  // wall time ProcessFile took (JUnit's time)
};

struct ProcessOptions {
  DecodeOptions decode;
};

// A report read only as far as its outline: what `lawreport outline` prints.
// Reading it runs decode and outline, and neither numbers, indicators,
// canonical mapping nor checks, so printing the headings of a long report
// costs what finding its headings costs.
struct OutlinedReport {
  SourceInfo source;
  Text text;
  Outline outline;
};

// Decode and outline for a file ("-" for stdin).
//   OutlineFile("rongan-2023.txt", {})->outline.sections[0].title
//   == "总体工作情况"
Result<OutlinedReport> OutlineFile(const std::string& path,
                                   const ProcessOptions& options);

// Decode, outline, numbers, indicators and checks for a file ("-" for stdin).
Result<Report> ProcessFile(const std::string& path,
                           const ProcessOptions& options);
// The same for bytes already in memory; `path` is only recorded.
Result<Report> ProcessBytes(std::string_view bytes, const std::string& path,
                            const ProcessOptions& options);

}  // namespace lawreport

#endif  // LAWREPORT_REPORT_H_
