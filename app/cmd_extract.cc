#include "cmd_extract.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

#include "cli_common.h"
#include "lawreport/batch.h"
#include "lawreport/report.h"
#include "lawreport/write.h"
#include "output.h"

namespace lawreport::cli {

CLI::App* SetupExtract(CLI::App& app, ExtractOptions& options) {
  CLI::App* command =
      app.add_subcommand("extract",
                         "Print reports' outlines, indicators and checks: one "
                         "file as JSON, many as JSON Lines or CSV");
  command->add_option("FILE", options.paths,
                      "Reports or directories (searched for .txt .htm .html "
                      ".docx .pdf); - reads stdin");
  command->add_option(
      "--files-from", options.files_from,
      "Read more paths, one per line, from this file (- for stdin)");
  command->add_option(
      "--glob", options.glob,
      "Keep only files from directories whose name matches, e.g. '*2023*'");
  command
      ->add_option("--format", options.format,
                   "json (one document; JSON Lines when there are several), "
                   "jsonl, or csv (one row per "
                   "indicator, one table for all files)")
      ->check(CLI::IsMember({"json", "jsonl", "csv"}));
  command->add_option("-o,--output", options.output,
                      "Write to this file, atomically (a temporary file "
                      "renamed when complete)");
  command
      ->add_option("-j,--jobs", options.jobs,
                   "Files processed at once (default: the number of cores)")
      ->check(CLI::NonNegativeNumber);
  command->add_flag("-q,--quiet", options.quiet,
                    "No progress bar and no summary line");
  AddDecodeOptions(*command, options.decode);
  AddTimeoutOption(*command, options.timeout);
  return command;
}

namespace {

std::atomic<bool> g_stop{false};

// The first Ctrl-C (or SIGTERM) stops dispatching and lets the run finish
// writing what is done; a second one ends the process at once.
void OnSignal(int signal) {
  if (g_stop.exchange(true)) {
    Output::RemoveTemporaryFromSignalHandler();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
  }
}

int CommitOrFail(Output& output) {
  if (output.Commit() || output.closed()) return kExitOk;
  std::fprintf(stderr, "lawreport: %s: %s\n",
               output.path().empty() ? "stdout" : output.path().c_str(),
               output.error().c_str());
  return kExitBadInput;
}

// One report, one JSON document (the original single-file behaviour). It
// runs as a batch of one, so that --timeout holds for it too.
int ExtractOne(const ExtractOptions& options, const std::string& path) {
  BatchOptions batch;
  batch.jobs = JobsOrCores(options.jobs);  // one file: its pages, for OCR
  batch.process.decode = options.decode;
  batch.timeout_seconds = options.timeout;
  const std::string format = options.format;
  batch.serialize = [format](const Report& report) {
    if (format == "csv") return CsvHeader() + WriteIndicatorsCsv(report);
    JsonOptions json;
    if (format == "jsonl") json.indent = -1;
    return WriteExtractJson(report, json);
  };
  batch.serialize_error = [](const std::string&, const Error&) {
    return std::string();
  };
  batch.on_error = [](const std::string& failed, const Error& error) {
    ReportInputError(failed, error);
  };
  std::string data;
  const BatchStats stats =
      RunBatch({path}, batch, [&data](std::string_view out) {
        data = out;
        return true;
      });
  if (stats.failed > 0) return EndBatch(kExitBadInput, stats);
  Output output(options.output);
  if (!output.Open()) {
    std::fprintf(stderr, "lawreport: %s\n", output.error().c_str());
    return kExitBadInput;
  }
  if (!output.Write(data) && !output.closed()) {
    std::fprintf(stderr, "lawreport: %s\n", output.error().c_str());
    return kExitBadInput;
  }
  return CommitOrFail(output);
}

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled) {}
  void Update(const BatchStats& stats, std::uint64_t total) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (stats.files < total && now - last_ < std::chrono::milliseconds(100))
      return;
    last_ = now;
    const double rate = stats.seconds > 0 ? static_cast<double>(stats.bytes) /
                                                1e6 / stats.seconds
                                          : 0;
    const double per_file =
        stats.files > 0 ? stats.seconds / static_cast<double>(stats.files) : 0;
    const double eta = per_file * static_cast<double>(total - stats.files);
    std::fprintf(stderr, "\r%llu/%llu files  %.1f MB/s  ETA %.0fs   ",
                 static_cast<unsigned long long>(stats.files),
                 static_cast<unsigned long long>(total), rate, eta);
    shown_ = true;
  }
  void Finish() {
    if (shown_) std::fputs("\r\x1b[K", stderr);
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace

int RunExtract(const ExtractOptions& options) {
  const std::optional<std::vector<std::string>> inputs = ListInputs(
      InputSelection{options.paths, options.files_from, options.glob});
  if (!inputs) return kExitBadInput;
  const bool one_file = inputs->size() == 1 && options.files_from.empty() &&
                        options.paths.size() == 1 &&
                        (*inputs)[0] == options.paths[0];
  if (one_file) return ExtractOne(options, (*inputs)[0]);

  // Many files: JSON Lines (or one CSV table), in input order, streamed.
  const bool csv = options.format == "csv";
  BatchOptions batch;
  batch.jobs = JobsOrCores(options.jobs);
  batch.process.decode = options.decode;
  batch.timeout_seconds = options.timeout;
  batch.serialize = [csv](const Report& report) {
    return csv ? WriteIndicatorsCsv(report)
               : WriteExtractJson(report, JsonOptions{-1});
  };
  batch.serialize_error = [csv](const std::string& path, const Error& error) {
    return csv ? std::string() : WriteErrorJson(path, error.message);
  };
  batch.stop = &g_stop;
  Progress progress(!options.quiet && ::isatty(STDERR_FILENO));
  batch.on_error = [&progress](const std::string& path, const Error& error) {
    progress.Finish();
    ReportInputError(path, error);
  };
  batch.on_progress = [&progress](const BatchStats& stats,
                                  std::uint64_t total) {
    progress.Update(stats, total);
  };

  // Handlers go in before the output file exists and come out after it is
  // renamed into place, so no signal finds a temporary file unaccounted for.
  g_stop = false;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  const auto restore_signals = [] {
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
  };
  Output output(options.output);
  if (!output.Open()) {
    restore_signals();
    std::fprintf(stderr, "lawreport: %s\n", output.error().c_str());
    return kExitBadInput;
  }
  if (csv && !output.Write(CsvHeader())) {
    const int status = CommitOrFail(output);
    restore_signals();
    return status;
  }

  const BatchStats stats =
      RunBatch(*inputs, batch,
               [&output](std::string_view data) { return output.Write(data); });
  progress.Finish();

  if (stats.output_closed && output.closed()) {
    restore_signals();
    return EndBatch(kExitOk, stats);  // `| head`: quietly
  }
  const int committed = CommitOrFail(output);
  restore_signals();
  if (!options.quiet) {
    const double megabytes = static_cast<double>(stats.bytes) / 1e6;
    std::fprintf(
        stderr,
        "lawreport: %llu files, %llu indicators, %llu failed, %.1f MB in %.2f "
        "s (%.1f MB/s)%s\n",
        static_cast<unsigned long long>(stats.files),
        static_cast<unsigned long long>(stats.indicators),
        static_cast<unsigned long long>(stats.failed), megabytes, stats.seconds,
        stats.seconds > 0 ? megabytes / stats.seconds : 0.0,
        stats.interrupted ? "; interrupted, the rest not processed" : "");
  }
  if (committed != kExitOk) return EndBatch(committed, stats);
  // 128 + SIGINT, as shells report it
  if (stats.interrupted) return EndBatch(130, stats);
  return EndBatch(stats.failed > 0 ? kExitBadInput : kExitOk, stats);
}

}  // namespace lawreport::cli
