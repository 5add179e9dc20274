#include "cmd_view.h"

#include <cstdio>

#include "cli_common.h"
#include "lawreport/report.h"
#include "lawreport/view.h"
#include "output.h"

namespace lawreport::cli {

CLI::App* SetupView(CLI::App& app, ViewOptions& options) {
  CLI::App* command = app.add_subcommand(
      "view",
      "Write a report as one self-contained HTML page: its text with every "
      "figure highlighted, every check at its line, the outline and a "
      "filterable table of the indicators");
  command->add_option("FILE", options.path, "The report; - reads stdin")
      ->required();
  command->add_option("-o,--output", options.output,
                      "Write the page to this file, atomically (default: "
                      "stdout)");
  AddDecodeOptions(*command, options.decode);
  return command;
}

int RunView(const ViewOptions& options) {
  ProcessOptions process;
  process.decode = options.decode;
  Result<Report> report = ProcessFile(options.path, process);
  if (!report) return ReportInputError(options.path, report.error());
  const std::string page = WriteViewHtml(*report);
  Output output(options.output);
  if (!output.Open() || (!output.Write(page) && !output.closed()) ||
      (!output.Commit() && !output.closed())) {
    std::fprintf(stderr, "lawreport: %s\n", output.error().c_str());
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace lawreport::cli
