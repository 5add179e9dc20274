#include "cmd_outline.h"

#include "cli_common.h"
#include "lawreport/report.h"
#include "lawreport/write.h"

namespace lawreport::cli {

CLI::App* SetupOutline(CLI::App& app, OutlineOptions& options) {
  CLI::App* command = app.add_subcommand(
      "outline", "Print a report's title, issuer, year, kind and section tree");
  command->add_option("FILE", options.path, "Report to read; - reads stdin")
      ->required();
  command->add_option("--format", options.format, "tree (for people) or json")
      ->check(CLI::IsMember({"tree", "json"}));
  AddDecodeOptions(*command, options.decode);
  AddTimeoutOption(*command, options.timeout);
  return command;
}

int RunOutline(const OutlineOptions& options) {
  if (RefuseDirectory(options.path)) return kExitBadInput;
  // Decode and outline only: the headings need no figures.
  Result<OutlinedReport> report = Error{ErrorCode::kUnreadable, "not read"};
  RunWithTimeout(options.path, options.timeout,
                 [&](const std::atomic<bool>* cancelled) {
                   ProcessOptions process;
                   process.decode = options.decode;
                   process.decode.cancelled = cancelled;
                   report = OutlineFile(options.path, process);
                 });
  if (!report) return ReportInputError(options.path, report.error());
  WarnAboutSource(options.path, report->source);
  return WriteStdout(options.format == "json" ? WriteOutlineJson(*report)
                                              : WriteOutlineTree(*report));
}

}  // namespace lawreport::cli
