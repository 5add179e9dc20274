#include "cmd_check.h"

#include <cstdio>

#include "cli_common.h"
#include "lawreport/check.h"
#include "lawreport/report.h"
#include "lawreport/write.h"

namespace lawreport::cli {

CLI::App* SetupCheck(CLI::App& app, CheckOptions& options) {
  CLI::App* command =
      app.add_subcommand("check",
                         "Verify that a report's figures agree (parts and "
                         "totals, rates and counts)");
  command->add_option("FILE", options.paths, "Reports to check; - reads stdin")
      ->required();
  command
      ->add_option("--format", options.format,
                   "text, json, github (workflow commands) or junit")
      ->check(CLI::IsMember({"text", "json", "github", "junit"}));
  command->add_option(
      "--expect", options.expect_file,
      "JSON or TSV of expected figures (indicator id or label → value)");
  command->add_option("--accept", options.accept_file,
                      "JSON or TSV of findings confirmed correct (file, "
                      "relation, stated, reason)");
  command->add_flag("--strict", options.strict,
                    "Also fail on rates that cannot be verified");
  AddDecodeOptions(*command, options.decode);
  return command;
}

namespace {

template <typename T>
Result<std::vector<T>> LoadList(
    const std::string& path, std::uint64_t max_bytes,
    Result<std::vector<T>> (*parse)(std::string_view)) {
  if (path.empty()) return std::vector<T>{};
  Result<std::string> content = ReadInput(path, max_bytes);
  if (!content) return content.error();
  return parse(*content);
}

}  // namespace

int RunCheck(const CheckOptions& options) {
  Result<std::vector<Expectation>> expectations = LoadList<Expectation>(
      options.expect_file, options.decode.max_bytes, &ParseExpectations);
  if (!expectations)
    return ReportInputError(options.expect_file, expectations.error());
  Result<std::vector<Acceptance>> acceptances = LoadList<Acceptance>(
      options.accept_file, options.decode.max_bytes, &ParseAcceptances);
  if (!acceptances)
    return ReportInputError(options.accept_file, acceptances.error());

  std::vector<CheckedFile> files;
  bool unreadable = false;
  bool failed = false;
  ProcessOptions process;
  process.decode = options.decode;
  for (const std::string& path : options.paths) {
    CheckedFile file;
    file.path = path;
    Result<Report> report = ProcessFile(path, process);
    if (!report) {
      // One bad file does not lose the others' results.
      ReportInputError(path, report.error());
      file.error = report.error().message;
      unreadable = true;
      files.push_back(std::move(file));
      continue;
    }
    file.source = report->source;
    file.findings = std::move(report->checks);
    std::vector<Finding> expected =
        CheckExpectations(report->indicators, *expectations);
    for (Finding& finding : expected)
      file.findings.push_back(std::move(finding));
    for (std::size_t i = 0; i < file.findings.size(); ++i)
      file.findings[i].id = "c" + std::to_string(i + 1);
    ApplyAcceptances(path, *acceptances, file.findings);
    for (const Finding& finding : file.findings)
      failed = failed || Fails(finding, options.strict);
    files.push_back(std::move(file));
  }

  std::string out;
  if (options.format == "json") {
    out = WriteCheckJson(files, options.strict);
  } else if (options.format == "github") {
    out = WriteCheckGithub(files, options.strict);
  } else if (options.format == "junit") {
    out = WriteCheckJunit(files, options.strict);
  } else {
    out = WriteCheckText(files, options.strict);
  }
  const int written = WriteStdout(out);
  if (written != kExitOk) return written;
  if (unreadable) return kExitBadInput;
  return failed ? kExitFindings : kExitOk;
}

}  // namespace lawreport::cli
