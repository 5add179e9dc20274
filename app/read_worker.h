// Worker processes for the readers that call third-party parsers.
//
// poppler (and the OCR module's Tesseract), libxml2 and libzip parse
// hostile bytes. In the CLI they run in a worker process per file: the same
// executable started again as `lawreport __read-worker`, under an
// address-space limit (--max-worker-memory) and a CPU-time limit (from
// --timeout), and killed (SIGKILL) when the file's --timeout passes. So a
// parser that crashes, aborts or allocates without end costs one file:
//
//   lawreport extract a.pdf bomb.pdf c.pdf
//   → a.pdf's record; {"source": {"path": "bomb.pdf"}, "error": "the PDF
//     reader ran out of memory (--max-worker-memory 2048 MiB)"}; c.pdf's
//
// The parent sends the request (EncodeContainerRequest: format, path,
// options, bytes) on the worker's stdin and reads the reading (ReadContainer)
// from its stdout, one file per process; the end of each stream delimits
// it. Plain text is read in-process. The library itself never forks: this
// is a DecodeOptions::read_container hook the CLI installs.
#ifndef LAWREPORT_APP_READ_WORKER_H_
#define LAWREPORT_APP_READ_WORKER_H_

#include <CLI/CLI.hpp>
#include <cstdint>

#include "lawreport/decode.h"

namespace lawreport::cli {

inline constexpr const char* kReadWorkerCommand = "__read-worker";
inline constexpr std::uint64_t kDefaultMaxWorkerMemory = 2ull << 30;  // 2 GiB

// --isolate and --max-worker-memory, and the hook in `options` that runs
// the containers' readers in worker processes as they say. The CPU limit
// follows the command's --timeout, when it has one.
void AddIsolationOptions(CLI::App& command, DecodeOptions& options);

// `lawreport __read-worker --max-memory BYTES [--max-cpu SECONDS]`: reads
// one request on stdin, writes the reading on stdout, returns the exit
// status. Not for people: the CLI starts it.
int RunReadWorker(int argc, char** argv);

}  // namespace lawreport::cli

#endif  // LAWREPORT_APP_READ_WORKER_H_
