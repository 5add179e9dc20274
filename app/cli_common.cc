#include "cli_common.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <thread>

namespace lawreport::cli {

void AddDecodeOptions(CLI::App& command, DecodeOptions& options) {
  command.add_option(
      "--encoding", options.encoding,
      "Read the input in this encoding (GB18030, GBK, UTF-16LE, …) instead of "
      "detecting it");
  command
      .add_option("--max-bytes", options.max_bytes,
                  "Refuse inputs larger than this many bytes")
      ->default_val(kDefaultMaxBytes)
      ->check(CLI::PositiveNumber);
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

int JobsOrCores(int requested) {
  if (requested > 0) return requested;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace lawreport::cli
