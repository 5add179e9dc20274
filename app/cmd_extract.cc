#include "cmd_extract.h"

#include "cli_common.h"
#include "lawreport/report.h"
#include "lawreport/write.h"

namespace lawreport::cli {

CLI::App* SetupExtract(CLI::App& app, ExtractOptions& options) {
  CLI::App* command = app.add_subcommand(
      "extract", "Print a report's outline and every indicator (figure, label, unit, kind)");
  command->add_option("FILE", options.path, "Report to read; - reads stdin")->required();
  command
      ->add_option("--format", options.format,
                   "json (the whole document), jsonl (the same on one line) or csv (one row per "
                   "indicator)")
      ->check(CLI::IsMember({"json", "jsonl", "csv"}));
  AddDecodeOptions(*command, options.decode);
  return command;
}

int RunExtract(const ExtractOptions& options) {
  ProcessOptions process;
  process.decode = options.decode;
  Result<Report> report = ProcessFile(options.path, process);
  if (!report) return ReportInputError(options.path, report.error());
  if (options.format == "csv") return WriteStdout(CsvHeader() + WriteIndicatorsCsv(*report));
  JsonOptions json;
  if (options.format == "jsonl") json.indent = -1;
  return WriteStdout(WriteExtractJson(*report, json));
}

}  // namespace lawreport::cli
