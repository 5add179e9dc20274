// batch: many reports in one run, in parallel, with the output in input order.
//
//   ExpandInputs({"reports/", "extra.txt"}, {}) → every .txt .htm .html .docx
//   .pdf file under reports/ (sorted), then extra.txt.
//   RunBatch(paths, options, write) → processes `jobs` files at a time and
//   calls write() with each file's output in input order, as soon as it and
//   every file before it are done, so memory stays bounded by the window of
//   files in flight, not by the batch.
// A file that fails is one error record in the stream; the others go on.
#ifndef LAWREPORT_BATCH_H_
#define LAWREPORT_BATCH_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lawreport/report.h"
#include "lawreport/status.h"

namespace lawreport {

struct InputSelection {
  std::vector<std::string> paths;  // files and directories ("-" is stdin)
  std::string files_from;  // a file listing one path per line, "-" for stdin
  std::string glob;  // keep files whose name matches (fnmatch), e.g. "*2023*"
};

// Files, in order: each path as given; each directory's files with a report
// extension (.txt .htm .html .docx .pdf, any case), recursively, sorted;
// then the paths listed in files_from. A missing directory or list file is
// an Error; a listed path that does not exist is kept, to fail as an input.
Result<std::vector<std::string>> ExpandInputs(const InputSelection& selection);

struct BatchStats {
  std::uint64_t files = 0;  // processed (ok or failed)
  std::uint64_t failed = 0;
  std::uint64_t indicators = 0;
  std::uint64_t bytes = 0;  // input bytes of the files processed
  double seconds = 0;
  std::uint64_t timed_out = 0;  // files given up on after timeout_seconds
  // Always 0: RunBatch waits for every worker, a file given up on included
  // (its worker stops at the next check of the cancel flag). Kept so that
  // callers written when workers could be left behind still compile.
  std::uint64_t abandoned = 0;
  bool interrupted = false;    // stopped early by `stop`
  bool output_closed = false;  // write() refused more output (a closed pipe)
};

struct BatchOptions {
  int jobs = 1;
  ProcessOptions process;
  // Give up on a file after this many seconds (0: never): it becomes an
  // error record, its worker is asked to stop (checked between PDF pages
  // and between stages, and by a DecodeOptions::read_container hook) and a
  // fresh worker takes its place. RunBatch returns only once every worker
  // has stopped: no thread is left behind.
  double timeout_seconds = 0;
  // The output for one report, and for one file that failed.
  std::function<std::string(const Report&)> serialize;
  std::function<std::string(const std::string& path, const Error& error)>
      serialize_error;
  // Set from a signal handler to stop dispatching new files.
  const std::atomic<bool>* stop = nullptr;
  // Called in input order for each failed file (for a stderr line).
  std::function<void(const std::string& path, const Error& error)> on_error;
  // Called after each file is written, from the writing thread.
  std::function<void(const BatchStats& so_far, std::uint64_t total)>
      on_progress;
};

// write() returns false when output can no longer be written.
BatchStats RunBatch(const std::vector<std::string>& paths,
                    const BatchOptions& options,
                    const std::function<bool(std::string_view)>& write);

}  // namespace lawreport

#endif  // LAWREPORT_BATCH_H_
