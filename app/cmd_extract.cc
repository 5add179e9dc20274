#include "cmd_extract.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <thread>

#include "cli_common.h"
#include "lawreport/batch.h"
#include "lawreport/report.h"
#include "lawreport/view.h"
#include "lawreport/write.h"
#include "output.h"

namespace lawreport::cli {

CLI::App* SetupExtract(CLI::App& app, ExtractOptions& options) {
  CLI::App* command =
      app.add_subcommand("extract",
                         "Print reports' outlines, indicators and checks: one "
                         "file as JSON, many as JSON Lines or CSV");
  AddInputOptions(*command, options.paths, options.files_from, options.glob,
                  options.jobs);
  command
      ->add_option("--format", options.format,
                   "json (one document; JSON Lines when there are several), "
                   "jsonl, csv (one row per "
                   "indicator, one table for all files), or text (an aligned "
                   "listing for people; honours COLUMNS and NO_COLOR)")
      ->check(CLI::IsMember({"json", "jsonl", "csv", "text"}));
  command->add_option(
      "-o,--output", options.output,
      "Write to this file, atomically (a temporary file renamed when "
      "complete; interrupted, the finished records go to FILE.partial)");
  command->add_flag("-q,--quiet", options.quiet,
                    "No progress bar and no summary line");
  AddExcelOption(*command, options.excel);
  AddDecodeOptions(*command, options.decode);
  AddTimeoutOption(*command, options.timeout);
  return command;
}

namespace {

// --format text: as wide as the terminal (COLUMNS, else the terminal's own
// width; no limit for a pipe or a file) and coloured only on a terminal
// without NO_COLOR (https://no-color.org).
TextListingOptions TerminalListing(const std::string& output_path) {
  TextListingOptions listing;
  const bool to_terminal =
      (output_path.empty() || output_path == "-") && ::isatty(STDOUT_FILENO);
  if (const char* columns = std::getenv("COLUMNS")) {
    listing.width = std::atoi(columns);
  } else if (to_terminal) {
    struct winsize size {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
      listing.width = size.ws_col;
  }
  if (listing.width < 0) listing.width = 0;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  listing.color = to_terminal && (no_color == nullptr || *no_color == '\0') &&
                  !(term != nullptr && std::string_view(term) == "dumb");
  return listing;
}

// What opens an indicator CSV: its header, after the byte-order mark that
// tells a spreadsheet the file is UTF-8 under --excel.
std::string CsvOpening(bool excel) {
  return excel ? std::string(kUtf8Bom) + ExcelSafeCsv(CsvHeader(), CsvHeader())
               : CsvHeader();
}

// One report's indicator rows, every field kept as text by a spreadsheet
// under --excel.
std::string CsvRows(const Report& report, bool excel) {
  std::string rows = WriteIndicatorsCsv(report);
  return excel ? ExcelSafeCsv(rows, CsvHeader()) : rows;
}

// One report, one JSON document (the original single-file behaviour). It
// runs as a batch of one, so that --timeout holds for it too.
int ExtractOne(const ExtractOptions& options, const std::string& path) {
  BatchOptions batch;
  batch.jobs = JobsOrCores(options.jobs);  // one file: its pages, for OCR
  batch.process.decode = options.decode;
  batch.timeout_seconds = options.timeout;
  const std::string format = options.format;
  const bool excel = options.excel;
  const TextListingOptions listing = TerminalListing(options.output);
  batch.serialize = [format, excel, listing](const Report& report) {
    WarnAboutSource(report.source.path, report.source);
    if (format == "csv") return CsvOpening(excel) + CsvRows(report, excel);
    if (format == "text") return WriteIndicatorsText(report, listing);
    JsonOptions json;
    if (format == "jsonl") json.indent = -1;
    return WriteExtractJson(report, json);
  };
  batch.serialize_error = [](const std::string&, const Error&) {
    return std::string();
  };
  bool failed = false;
  batch.on_error = [&failed](const std::string& path_failed,
                             const Error& error) {
    failed = true;
    ReportInputError(path_failed, error);
  };
  // The document is written as RunBatch hands it over rather than copied
  // first: on a report made only of figures the JSON is fifty times the
  // input, and a copy held it twice. The output is opened only then, so a
  // file that cannot be read leaves no output file behind.
  Output output(options.output);
  bool opened = false;
  const auto open = [&output, &opened] {
    opened = output.Open();
    if (!opened)
      std::fprintf(stderr, "lawreport: %s\n", output.error().c_str());
    return opened;
  };
  bool cannot_open = false;
  const BatchStats stats = RunBatch({path}, batch, [&](std::string_view out) {
    if (failed) return true;
    if (!open()) {
      cannot_open = true;
      return false;
    }
    output.Write(out);
    return true;
  });
  if (cannot_open) return kExitBadInput;
  if (stats.failed > 0) return EndBatch(kExitBadInput, stats);
  if (!opened && !open()) return kExitBadInput;
  return CloseBatchOutput(output, false);
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
  if (!ExcelNeedsCsv(options.excel, options.format)) return kExitBadInput;
  if (one_file) return ExtractOne(options, (*inputs)[0]);

  // Many files: JSON Lines (or one CSV table), in input order, streamed.
  const bool csv = options.format == "csv";
  const bool text = options.format == "text";
  const TextListingOptions listing = TerminalListing(options.output);
  BatchOptions batch;
  batch.jobs = JobsOrCores(options.jobs);
  batch.process.decode = options.decode;
  batch.timeout_seconds = options.timeout;
  const bool excel = options.excel;
  batch.serialize = [csv, excel, text, listing](const Report& report) {
    WarnAboutSource(report.source.path, report.source);
    // Many reports as text: each listing under its file's name.
    if (text)
      return "== " + report.source.path + "\n" +
             WriteIndicatorsText(report, listing) + "\n";
    return csv ? CsvRows(report, excel)
               : WriteExtractJson(report, JsonOptions{-1});
  };
  batch.serialize_error = [csv, text](const std::string& path,
                                      const Error& error) {
    return csv || text ? std::string() : WriteErrorJson(path, error.message);
  };
  // Installed before the output file exists and removed after it is renamed
  // into place (or to TARGET.partial): declared before `output`, it outlives
  // it, so no signal finds a temporary file unaccounted for.
  StopOnSignal stop_on_signal;
  batch.stop = stop_on_signal.flag();
  Progress progress(!options.quiet && ::isatty(STDERR_FILENO));
  batch.on_error = [&progress](const std::string& path, const Error& error) {
    progress.Finish();
    ReportInputError(path, error);
  };
  batch.on_progress = [&progress](const BatchStats& stats,
                                  std::uint64_t total) {
    progress.Update(stats, total);
  };

  Output output(options.output);
  if (!output.Open()) {
    std::fprintf(stderr, "lawreport: %s\n", output.error().c_str());
    return kExitBadInput;
  }
  // A failed header write shows in CloseBatchOutput: every later write is
  // refused, so the batch stops after its first file.
  if (csv) output.Write(CsvOpening(excel));

  const BatchStats stats =
      RunBatch(*inputs, batch,
               [&output](std::string_view data) { return output.Write(data); });
  progress.Finish();

  if (stats.output_closed && output.closed())
    return EndBatch(kExitOk, stats);  // `| head`: quietly
  const int closed = CloseBatchOutput(output, stats.interrupted);
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
  if (closed != kExitOk) return EndBatch(closed, stats);
  return EndBatch(stats.failed > 0 ? kExitBadInput : kExitOk, stats);
}

}  // namespace lawreport::cli
