#include "cli_common.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <thread>

#include "lawreport/write.h"
#include "output.h"
#include "read_worker.h"

namespace lawreport::cli {

void AddDecodeOptions(CLI::App& command, DecodeOptions& options) {
  command.add_option(
      "--encoding", options.encoding,
      "Read text or HTML input in this encoding (GB18030, GBK, UTF-16LE, …) "
      "instead of detecting it");
  command
      .add_option("--format-in", options.format,
                  "Read every input as this format instead of telling it by "
                  "its first bytes: auto, text, html, docx, pdf")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, InputFormat>{{"auto", InputFormat::kAuto},
                                             {"text", InputFormat::kText},
                                             {"html", InputFormat::kHtml},
                                             {"docx", InputFormat::kDocx},
                                             {"pdf", InputFormat::kPdf}},
          CLI::ignore_case));
  command
      .add_option("--ocr", options.ocr,
                  "PDF pages without a usable text layer (scans, garbled "
                  "fonts): auto reads them by OCR, always reads every page "
                  "by OCR, never refuses them")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, OcrMode>{{"auto", OcrMode::kAuto},
                                         {"always", OcrMode::kAlways},
                                         {"never", OcrMode::kNever}},
          CLI::ignore_case));
  command.add_flag(
      "--strict-encoding", options.strict_encoding,
      "Refuse a text file whose encoding is only a weak guess (a few "
      "bytes that are not UTF-8, UTF-8 cut mid-character) instead of "
      "warning");
  command.add_flag(
      "!--no-boilerplate-strip", options.strip_boilerplate,
      "HTML: keep menus, headers and footers instead of only the main "
      "content block and its title");
  const auto limit = [&](const char* name, auto& value, auto default_value,
                         const char* help) {
    command.add_option(name, value, help)
        ->default_val(default_value)
        ->check(CLI::PositiveNumber)
        ->group("Limits");
  };
  limit("--max-bytes", options.max_bytes, kDefaultMaxBytes,
        "Refuse inputs larger than this many bytes");
  limit("--max-unzipped-bytes", options.max_unzipped_bytes,
        kDefaultMaxUnzippedBytes,
        "DOCX: refuse archives whose parts inflate, with the text they "
        "render, to more bytes (zip bombs)");
  limit("--max-zip-entries", options.max_zip_entries, kDefaultMaxZipEntries,
        "DOCX: refuse archives with more entries");
  limit("--max-pages", options.max_pages, kDefaultMaxPages,
        "PDF: refuse documents with more pages");
  limit("--max-render-pixels", options.max_render_pixels,
        kDefaultMaxRenderPixels,
        "OCR: refuse a page that renders to more pixels at 300 dpi");
  limit("--max-line-bytes", options.max_line_bytes, kDefaultMaxLineBytes,
        "Refuse a line or paragraph longer than this many bytes");
  limit("--max-lines", options.max_lines, kDefaultMaxLines,
        "Refuse a text of more lines (or paragraphs of HTML, DOCX and PDF)");
  limit("--max-numbers", options.max_numbers, kDefaultMaxNumbers,
        "Refuse a report in which more numbers are written (figures, years, "
        "list numbers; real reports hold hundreds)");
  AddIsolationOptions(command, options);
}

void AddInputOptions(CLI::App& command, std::vector<std::string>& paths,
                     std::string& files_from, std::string& glob, int& jobs) {
  command.add_option("FILE", paths,
                     "Reports or directories (searched for .txt .htm .html "
                     ".docx .pdf); - reads stdin");
  command.add_option(
      "--files-from", files_from,
      "Read more paths, one per line, from this file (- for stdin)");
  command.add_option(
      "--glob", glob,
      "Keep only files from directories whose name matches, e.g. '*2023*'");
  command
      .add_option("-j,--jobs", jobs,
                  "Files processed at once (default: the number of cores)")
      ->check(CLI::NonNegativeNumber);
}

int ReportInputError(const std::string& path, const Error& error) {
  // The message may quote the path too: the whole line is made safe.
  std::fprintf(stderr, "lawreport: %s\n",
               OneSafeLine(path + ": " + error.message).c_str());
  return kExitBadInput;
}

void WarnAboutSource(const std::string& path, const SourceInfo& source) {
  if (source.encoding_warning.empty()) return;
  std::fprintf(
      stderr, "lawreport: %s\n",
      OneSafeLine(path + ": warning: " + source.encoding_warning).c_str());
}

int WriteStdout(std::string_view data) {
  Output output("");
  if (output.Open() && output.Write(data) && output.Commit()) return kExitOk;
  if (output.closed()) return kExitOk;
  std::fprintf(stderr, "lawreport: %s\n", output.error().c_str());
  return kExitBadInput;
}

namespace {

bool IsDirectory(const std::string& path) {
  std::error_code error;
  return path != "-" && std::filesystem::is_directory(path, error);
}

void SayNoReports(const std::string& directory, const std::string& glob) {
  std::string line =
      directory + ": no reports found (.txt .htm .html .docx .pdf";
  if (!glob.empty()) line += " matching --glob " + glob;
  line += ")";
  std::fprintf(stderr, "lawreport: %s\n", OneSafeLine(line).c_str());
}

}  // namespace

std::optional<std::vector<std::string>> ListInputs(
    const InputSelection& selection) {
  // Each path on its own, so that a directory without a report is named
  // (a typo, or an archive that unpacked somewhere else) rather than lost
  // in the count.
  std::vector<std::string> files;
  bool listed = false;
  const auto add = [&](const InputSelection& part) {
    Result<std::vector<std::string>> found = ExpandInputs(part);
    if (!found) {
      std::fprintf(stderr, "lawreport: %s\n",
                   OneSafeLine(found.error().message).c_str());
      return false;
    }
    files.insert(files.end(), found->begin(), found->end());
    return true;
  };
  for (const std::string& path : selection.paths) {
    const std::size_t before = files.size();
    if (!add(InputSelection{{path}, "", selection.glob})) return std::nullopt;
    if (files.size() == before && IsDirectory(path)) {
      SayNoReports(path, selection.glob);
      listed = true;
    }
  }
  if (!selection.files_from.empty() &&
      !add(InputSelection{{}, selection.files_from, selection.glob}))
    return std::nullopt;
  if (files.empty()) {
    if (!listed) {
      std::fprintf(stderr,
                   "lawreport: no input files (give FILE arguments, a "
                   "directory or --files-from)\n");
    }
    return std::nullopt;
  }
  return files;
}

bool RefuseDirectory(const std::string& path) {
  if (!IsDirectory(path)) return false;
  Result<std::vector<std::string>> found =
      ExpandInputs(InputSelection{{path}, "", ""});
  if (found && found->empty()) {
    SayNoReports(path, "");
  } else {
    std::fprintf(stderr, "lawreport: %s\n",
                 OneSafeLine(path + ": is a directory, not a file (extract, "
                                    "check and table read directories)")
                     .c_str());
  }
  return true;
}

void AddExcelOption(CLI::App& command, bool& excel) {
  command.add_flag("--excel", excel,
                   "CSV for spreadsheets: a UTF-8 BOM, and ids, codes and "
                   "text that Excel would turn into numbers, dates or "
                   "formulas written so they stay text");
}

bool ExcelNeedsCsv(bool excel, std::string_view format) {
  if (!excel || format == "csv") return true;
  std::fprintf(stderr, "lawreport: --excel writes CSV; add --format csv\n");
  return false;
}

void AddTimeoutOption(CLI::App& command, double& seconds) {
  command
      .add_option("--timeout", seconds,
                  "Give up on a file after this many seconds (0: never); it "
                  "becomes an error record and the batch goes on")
      ->default_val(kDefaultTimeoutSeconds)
      ->check(CLI::NonNegativeNumber)
      ->group("Limits");
}

int EndBatch(int status, const BatchStats& stats) {
  if (stats.abandoned == 0) return status;
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(status);
}

void RunWithTimeout(
    const std::string& path, double seconds,
    const std::function<void(const std::atomic<bool>* cancelled)>& work) {
  // An allocation failure (under prlimit --as) is a one-line error, not an
  // abort.
  const auto guarded = [&path, &work](const std::atomic<bool>* cancelled) {
    try {
      work(cancelled);
    } catch (const std::bad_alloc&) {
      ReportInputError(path, Error{ErrorCode::kLimitExceeded,
                                   "out of memory (an allocation failed)"});
      std::fflush(stdout);
      std::fflush(stderr);
      std::_Exit(kExitBadInput);
    }
  };
  if (seconds <= 0) {
    guarded(nullptr);
    return;
  }
  // Shared with the thread, which may outlive this call's wait (not the
  // process: it ends below).
  struct State {
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    std::atomic<bool> cancelled{false};
  };
  auto state = std::make_shared<State>();
  std::thread thread([state, &guarded] {
    guarded(&state->cancelled);
    std::lock_guard<std::mutex> lock(state->mutex);
    state->done = true;
    state->finished.notify_all();
  });
  std::unique_lock<std::mutex> lock(state->mutex);
  const bool done =
      state->finished.wait_for(lock, std::chrono::duration<double>(seconds),
                               [&state] { return state->done; });
  if (done) {
    lock.unlock();
    thread.join();
    return;
  }
  state->cancelled = true;
  char limit[32];
  std::snprintf(limit, sizeof limit, "%g", seconds);
  ReportInputError(path, Error{ErrorCode::kLimitExceeded,
                               std::string("took longer than --timeout ") +
                                   limit + " s: stopped"});
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(kExitBadInput);
}

int JobsOrCores(int requested) {
  if (requested > 0) return requested;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace lawreport::cli
