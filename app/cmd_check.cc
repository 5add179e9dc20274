#include "cmd_check.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <mutex>

#include "cli_common.h"
#include "lawreport/batch.h"
#include "lawreport/check.h"
#include "lawreport/report.h"
#include "lawreport/write.h"
#include "output.h"

namespace lawreport::cli {

CLI::App* SetupCheck(CLI::App& app, CheckOptions& options) {
  CLI::App* command =
      app.add_subcommand("check",
                         "Verify that reports' figures agree (parts and "
                         "totals, rates and counts, template tables)");
  AddInputOptions(*command, options.paths, options.files_from, options.glob,
                  options.jobs);
  command
      ->add_option("--format", options.format,
                   "text, json, github (workflow commands), junit or sarif "
                   "(SARIF 2.1.0)")
      ->check(CLI::IsMember({"text", "json", "github", "junit", "sarif"}));
  command->add_option(
      "--expect", options.expect_file,
      "JSON or TSV of expected figures (indicator id or label → value)");
  command->add_option("--accept", options.accept_file,
                      "JSON or TSV of findings confirmed correct (file, "
                      "relation, stated, reason)");
  command->add_option("--write-accept", options.write_accept_file,
                      "Write the failing findings to this accept file (a "
                      "baseline) and accept them in this run");
  command->add_flag("--strict", options.strict,
                    "Also fail on rates that cannot be verified");
  AddDecodeOptions(*command, options.decode);
  AddTimeoutOption(*command, options.timeout);
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

// UTC, to the second, as JUnit's timestamp wants it: "2024-03-01T08:00:00".
std::string Timestamp(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &utc);
  return buffer;
}

// RunBatch streams one string per file in input order; check needs every
// file's findings at the end (one summary, one JUnit or SARIF document). So
// each file's result waits here, and the string RunBatch carries is its key.
class Results {
 public:
  std::string Keep(CheckedFile file) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string key = std::to_string(next_++);
    kept_.emplace(key, std::move(file));
    return key;
  }
  CheckedFile Take(std::string_view key) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = kept_.find(std::string(key));
    CheckedFile file = std::move(it->second);
    kept_.erase(it);
    return file;
  }

 private:
  std::mutex mutex_;
  std::uint64_t next_ = 0;
  std::map<std::string, CheckedFile> kept_;
};

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
  const std::optional<std::vector<std::string>> inputs = ListInputs(
      InputSelection{options.paths, options.files_from, options.glob});
  if (!inputs) return kExitBadInput;

  Results results;
  BatchOptions batch;
  batch.jobs = JobsOrCores(options.jobs);
  batch.process.decode = options.decode;
  batch.timeout_seconds = options.timeout;
  batch.serialize = [&](const Report& report) {
    WarnAboutSource(report.source.path, report.source);
    CheckedFile file;
    file.path = report.source.path;
    file.source = report.source;
    file.seconds = report.seconds;
    file.timestamp = Timestamp(
        std::chrono::system_clock::now() -
        std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::duration<double>(report.seconds)));
    file.findings = CollectFindings(file.path, report.checks, report.indicators,
                                    *expectations, *acceptances);
    return results.Keep(std::move(file));
  };
  batch.serialize_error = [&](const std::string& path, const Error& error) {
    CheckedFile file;
    file.path = path;
    file.error = error.message;
    file.timestamp = Timestamp(std::chrono::system_clock::now());
    return results.Keep(std::move(file));
  };
  // One bad file does not lose the others' results: it is a line on stderr
  // and an error record in the output.
  batch.on_error = [](const std::string& path, const Error& error) {
    ReportInputError(path, error);
  };
  std::vector<CheckedFile> files;
  const BatchStats stats = RunBatch(*inputs, batch, [&](std::string_view key) {
    files.push_back(results.Take(key));
    return true;
  });
  // The path as given, not as the decoder recorded it ("-" for stdin).
  for (std::size_t i = 0; i < files.size() && i < inputs->size(); ++i)
    files[i].path = (*inputs)[i];

  if (!options.write_accept_file.empty()) {
    for (CheckedFile& file : files) {
      for (Finding& finding : file.findings) {
        if (finding.status == FindingStatus::kAccepted &&
            finding.accepted_reason.empty())
          finding.accepted_reason = "accepted";
      }
    }
    const std::string content =
        WriteAcceptFile(files, options.strict, "baseline");
    Output output(options.write_accept_file);
    if (!output.Open() || !output.Write(content) || !output.Commit()) {
      std::fprintf(stderr, "lawreport: %s\n", output.error().c_str());
      return EndBatch(kExitBadInput, stats);
    }
    // The baseline holds for this run too: what it lists is accepted.
    Result<std::vector<Acceptance>> written = ParseAcceptances(content);
    if (written) {
      for (CheckedFile& file : files)
        ApplyAcceptances(file.path, *written, file.findings);
    }
  }

  bool unreadable = false;
  bool failed = false;
  for (const CheckedFile& file : files) {
    unreadable = unreadable || file.error.has_value();
    for (const Finding& finding : file.findings)
      failed = failed || Fails(finding, options.strict);
  }

  std::string out;
  if (options.format == "json") {
    out = WriteCheckJson(files, options.strict);
  } else if (options.format == "github") {
    out = WriteCheckGithub(files, options.strict);
  } else if (options.format == "junit") {
    out = WriteCheckJunit(files, options.strict);
  } else if (options.format == "sarif") {
    out = WriteCheckSarif(files, options.strict);
  } else {
    out = WriteCheckText(files, options.strict);
  }
  const int written = WriteStdout(out);
  if (written != kExitOk) return EndBatch(written, stats);
  if (stats.interrupted) return EndBatch(130, stats);
  if (unreadable) return EndBatch(kExitBadInput, stats);
  return EndBatch(failed ? kExitFindings : kExitOk, stats);
}

}  // namespace lawreport::cli
