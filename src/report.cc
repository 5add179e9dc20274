#include "lawreport/report.h"

#include "lawreport/canonical.h"

namespace lawreport {

const char* Version() { return LAWREPORT_VERSION; }

namespace {

Report Analyze(DecodedText decoded) {
  Report report;
  report.source = std::move(decoded.source);
  report.text = std::move(decoded.text);
  report.outline = BuildOutline(report.text);
  report.indicators =
      ExtractIndicators(report.text, report.outline, FindMentions(report.text));
  MapCanonical(report.text, report.indicators);
  report.checks = CheckIndicators(report.text, report.indicators);
  return report;
}

}  // namespace

Result<Report> ProcessFile(const std::string& path,
                           const ProcessOptions& options) {
  Result<DecodedText> decoded = DecodeFile(path, options.decode);
  if (!decoded) return decoded.error();
  return Analyze(std::move(*decoded));
}

Result<Report> ProcessBytes(std::string_view bytes, const std::string& path,
                            const ProcessOptions& options) {
  Result<DecodedText> decoded = Decode(bytes, options.decode, path);
  if (!decoded) return decoded.error();
  decoded->source.path = path;
  return Analyze(std::move(*decoded));
}

}  // namespace lawreport
