#include "lawreport/report.h"

namespace lawreport {

const char* Version() { return LAWREPORT_VERSION; }

Result<Report> ProcessFile(const std::string& path,
                           const ProcessOptions& options) {
  Result<DecodedText> decoded = DecodeFile(path, options.decode);
  if (!decoded) return decoded.error();
  Report report;
  report.source = std::move(decoded->source);
  report.text = std::move(decoded->text);
  report.outline = BuildOutline(report.text);
  report.indicators = ExtractIndicators(report.text, report.outline, FindMentions(report.text));
  report.checks = CheckIndicators(report.text, report.indicators);
  return report;
}

}  // namespace lawreport
