// Reading containers in worker processes, for callers that read files they
// do not trust.
//
// poppler (and the OCR module's Tesseract), libxml2 and libzip parse
// hostile bytes. A caller that installs WorkerContainerReader as
// DecodeOptions::read_container has every PDF, HTML and DOCX file read by
// `lawreport __read-worker`, one process per file, under an address-space
// limit and a CPU-time limit, and killed when the file's time is up. So a
// parser that crashes, aborts or allocates without end costs that file:
//
//   lawreport extract a.pdf bomb.pdf c.pdf
//   → a.pdf's record; {"source": {"path": "bomb.pdf"}, "error": "the PDF
//     reader ran out of memory (--max-worker-memory 2048 MiB)"}; c.pdf's
//
// The CLI installs it in every command (--isolate, --max-worker-memory),
// starting its own executable again; the Python module installs it in every
// call, starting the `lawreport` executable installed beside it
// (FindWorkerExecutable). Plain text is always read in-process, and the
// library never starts a process on its own: without the hook, Decode reads
// every container in the caller's process.
//
// The parent sends the request (EncodeContainerRequest: format, path,
// options, bytes) on the worker's stdin and reads the reading (ReadContainer)
// from its stdout; the end of each stream delimits it.
#ifndef LAWREPORT_ISOLATION_H_
#define LAWREPORT_ISOLATION_H_

#include <cstdint>
#include <optional>
#include <string>

#include "lawreport/decode.h"

namespace lawreport {

// The command line argument that makes the executable a worker.
inline constexpr const char* kReadWorkerCommand = "__read-worker";
inline constexpr std::uint64_t kDefaultMaxWorkerMemory = 2ull << 30;  // 2 GiB
inline constexpr std::uint64_t kMinWorkerMemory = 64ull << 20;        // 64 MiB

enum class Isolation {
  kAuto,    // in a worker; in-process when no worker can be started
  kAlways,  // in a worker; a file whose worker cannot start fails
  kNever,   // in-process
};

struct WorkerOptions {
  // The lawreport executable to start as `EXECUTABLE __read-worker …`; the
  // CLI names itself ("/proc/self/exe"). Empty: no worker can be started.
  std::string executable;
  Isolation mode = Isolation::kAuto;
  std::uint64_t max_memory = kDefaultMaxWorkerMemory;  // address space
  // The caller's time limit for a file; 0 for none. The worker is killed
  // when it passes and its CPU time is limited to it (plus a second).
  double timeout_seconds = 0;
};

// The hook for DecodeOptions::read_container.
ContainerReader WorkerContainerReader(WorkerOptions options);

// The `lawreport` executable that belongs to this copy of the library: the
// one LAWREPORT_EXECUTABLE names when set, else the one installed (or built)
// where the reader modules are found for it (bin/ of its prefix; the build
// tree's root). nullopt when there is none, so that a stale `lawreport`
// found elsewhere on PATH, whose worker protocol may differ, is never run.
std::optional<std::string> FindWorkerExecutable();

// The worker's side, `lawreport __read-worker MEMORY CPU PARENT`: reads one
// request on stdin, writes the reading on stdout, returns the exit status.
// The executable's main calls it; not for people.
int RunReadWorker(int argc, char** argv);

}  // namespace lawreport

#endif  // LAWREPORT_ISOLATION_H_
