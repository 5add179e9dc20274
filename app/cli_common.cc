#include "cli_common.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <thread>

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
        "DOCX: refuse archives whose parts inflate to more bytes (zip bombs)");
  limit("--max-zip-entries", options.max_zip_entries, kDefaultMaxZipEntries,
        "DOCX: refuse archives with more entries");
  limit("--max-pages", options.max_pages, kDefaultMaxPages,
        "PDF: refuse documents with more pages");
  limit("--max-render-pixels", options.max_render_pixels,
        kDefaultMaxRenderPixels,
        "OCR: refuse a page that renders to more pixels at 300 dpi");
  limit("--max-line-bytes", options.max_line_bytes, kDefaultMaxLineBytes,
        "Refuse a line or paragraph longer than this many bytes");
}

int ReportInputError(const std::string& path, const Error& error) {
  std::fprintf(stderr, "lawreport: %s: %s\n", path.c_str(),
               error.message.c_str());
  return kExitBadInput;
}

int WriteStdout(std::string_view data) {
  const std::size_t written = std::fwrite(data.data(), 1, data.size(), stdout);
  if (written == data.size() && std::fflush(stdout) == 0) return kExitOk;
  if (errno == EPIPE) return kExitOk;
  std::fprintf(stderr, "lawreport: cannot write output: %s\n",
               std::strerror(errno));
  return kExitBadInput;
}

std::optional<std::vector<std::string>> ListInputs(
    const InputSelection& selection) {
  Result<std::vector<std::string>> inputs = ExpandInputs(selection);
  if (!inputs) {
    std::fprintf(stderr, "lawreport: %s\n", inputs.error().message.c_str());
    return std::nullopt;
  }
  if (inputs->empty()) {
    std::fprintf(stderr,
                 "lawreport: no input files (give FILE arguments, a directory "
                 "or --files-from)\n");
    return std::nullopt;
  }
  return std::move(*inputs);
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

int JobsOrCores(int requested) {
  if (requested > 0) return requested;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace lawreport::cli
