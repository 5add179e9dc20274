#include "lawreport/report.h"

#include <chrono>

#include "lawreport/canonical.h"

namespace lawreport {

const char* Version() { return LAWREPORT_VERSION; }

namespace {

Error Cancelled() {
  return Error{ErrorCode::kLimitExceeded, "stopped: over the time limit"};
}

Result<Report> Analyze(DecodedText decoded, const ProcessOptions& options) {
  const auto cancelled = [&] {
    return options.decode.cancelled != nullptr &&
           options.decode.cancelled->load();
  };
  Report report;
  report.source = std::move(decoded.source);
  report.text = std::move(decoded.text);
  if (cancelled()) return Cancelled();
  report.outline = BuildOutline(report.text);
  if (cancelled()) return Cancelled();
  report.indicators =
      ExtractIndicators(report.text, report.outline, FindMentions(report.text));
  AssignTimeStance(report.text, report.outline, report.indicators);
  if (cancelled()) return Cancelled();
  MapCanonical(report.text, report.indicators);
  report.checks = CheckIndicators(report.text, report.indicators);
  return report;
}

}  // namespace

Result<Report> ProcessFile(const std::string& path,
                           const ProcessOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  Result<DecodedText> decoded = DecodeFile(path, options.decode);
  if (!decoded) return decoded.error();
  Result<Report> report = Analyze(std::move(*decoded), options);
  if (report) {
    report->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
  }
  return report;
}

Result<Report> ProcessBytes(std::string_view bytes, const std::string& path,
                            const ProcessOptions& options) {
  Result<DecodedText> decoded = Decode(bytes, options.decode, path);
  if (!decoded) return decoded.error();
  decoded->source.path = path;
  return Analyze(std::move(*decoded), options);
}

}  // namespace lawreport
