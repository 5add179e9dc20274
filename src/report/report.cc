#include "lawreport/report.h"

#include <chrono>
#include <string>
#include <vector>

#include "lawreport/canonical.h"

namespace lawreport {

const char* Version() { return LAWREPORT_VERSION; }

namespace {

Error Cancelled() {
  return Error{ErrorCode::kLimitExceeded, "stopped: over the time limit"};
}

bool IsCancelled(const ProcessOptions& options) {
  return options.decode.cancelled != nullptr &&
         options.decode.cancelled->load();
}

Result<OutlinedReport> ReadOutline(DecodedText decoded,
                                   const ProcessOptions& options) {
  OutlinedReport report;
  report.source = std::move(decoded.source);
  report.text = std::move(decoded.text);
  if (IsCancelled(options)) return Cancelled();
  report.outline = BuildOutline(report.text);
  if (IsCancelled(options)) return Cancelled();
  return report;
}

Result<Report> Analyze(DecodedText decoded, const ProcessOptions& options) {
  Result<OutlinedReport> outlined = ReadOutline(std::move(decoded), options);
  if (!outlined) return outlined.error();
  Report report;
  report.source = std::move(outlined->source);
  report.text = std::move(outlined->text);
  report.outline = std::move(outlined->outline);
  std::vector<Mention> mentions =
      FindMentions(report.text, options.decode.max_numbers);
  if (mentions.size() > options.decode.max_numbers) {
    // Refused before labels, indicators and checks, which cost several
    // times more per figure than the mentions read so far.
    return Error{ErrorCode::kLimitExceeded,
                 "more than " + std::to_string(options.decode.max_numbers) +
                     " numbers (figures, years, list numbers), over the "
                     "limit (raise it with --max-numbers)"};
  }
  report.indicators = ExtractIndicators(report.text, report.outline, mentions);
  AssignTimeStance(report.text, report.outline, report.indicators);
  if (IsCancelled(options)) return Cancelled();
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

Result<OutlinedReport> OutlineFile(const std::string& path,
                                   const ProcessOptions& options) {
  Result<DecodedText> decoded = DecodeFile(path, options.decode);
  if (!decoded) return decoded.error();
  return ReadOutline(std::move(*decoded), options);
}

Result<Report> ProcessBytes(std::string_view bytes, const std::string& path,
                            const ProcessOptions& options) {
  Result<DecodedText> decoded = Decode(bytes, options.decode, path);
  if (!decoded) return decoded.error();
  decoded->source.path = path;
  return Analyze(std::move(*decoded), options);
}

}  // namespace lawreport
