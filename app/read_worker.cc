#include "read_worker.h"

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "lawreport/isolation.h"

namespace lawreport::cli {

void AddIsolationOptions(CLI::App& command, DecodeOptions& options) {
  // The CLI's worker is its own executable, started again.
  auto settings = std::make_shared<WorkerOptions>();
  settings->executable = "/proc/self/exe";
  command
      .add_option("--isolate", settings->mode,
                  "Read PDF, HTML and DOCX files in worker processes "
                  "limited by --max-worker-memory and --timeout, so that a "
                  "parser's crash or runaway memory costs one file: auto "
                  "(the default; in-process where no worker can start), "
                  "always, never")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, Isolation>{{"auto", Isolation::kAuto},
                                           {"always", Isolation::kAlways},
                                           {"never", Isolation::kNever}},
          CLI::ignore_case))
      ->group("Limits");
  command
      .add_option("--max-worker-memory", settings->max_memory,
                  "Address space of a worker process reading a PDF, HTML or "
                  "DOCX file, in bytes; over it the file fails as out of "
                  "memory")
      ->default_val(kDefaultMaxWorkerMemory)
      ->check(CLI::Range(kMinWorkerMemory,
                         std::numeric_limits<std::uint64_t>::max()))
      ->group("Limits");
  // The CPU limit and the deadline follow --timeout, known once parsed.
  command.parse_complete_callback([settings, &command] {
    if (const CLI::Option* timeout = command.get_option_no_throw("--timeout"))
      settings->timeout_seconds = timeout->as<double>();
  });
  // The settings are read when a file is, after the command line was.
  options.read_container =
      [settings](InputFormat format, std::string_view bytes,
                 std::string_view path, const DecodeOptions& decode) {
        return WorkerContainerReader(*settings)(format, bytes, path, decode);
      };
}

}  // namespace lawreport::cli
