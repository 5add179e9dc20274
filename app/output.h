// Where a command's data goes: stdout, or a file named with -o. A regular
// file (or one that does not exist yet) is written to a temporary file
// beside it and renamed into place only when complete, so a reader never
// sees a half-written file and a failed run keeps the old one:
//
//   lawreport extract reports/ -o 报告.jsonl
//     writes 报告.jsonl.tmp.4711.Ab12Cd, then renames it to 报告.jsonl;
//     interrupted, it renames it to 报告.jsonl.partial instead.
//
// A symlink is followed and the file it points to replaced; a device or a
// FIFO (`-o /dev/null`, `-o >(gzip)`) is written straight to, never
// replaced. Every write, fsync or close error but a closed pipe on stdout
// is an error naming the output.
#ifndef LAWREPORT_APP_OUTPUT_H_
#define LAWREPORT_APP_OUTPUT_H_

#include <atomic>
#include <string>
#include <string_view>

namespace lawreport::cli {

class Output {
 public:
  // path empty or "-": stdout.
  explicit Output(std::string path);
  ~Output();  // removes an uncommitted temporary file
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // Opens the target (for a file: creates its temporary file, after
  // removing the temporaries of earlier runs on the same target that
  // provably died). False with error() set when it cannot.
  bool Open();
  // False when the data could not be written: closed() tells a closed pipe
  // on stdout (a quiet end), error() anything else.
  bool Write(std::string_view data);
  // For a file, syncs and renames it into place.
  bool Commit();
  // For an interrupted run: syncs what was written and renames
  // the temporary file to TARGET.partial, leaving the target as it was.
  // Returns the name it was kept under, or "" (stdout, a device or FIFO,
  // where the data already went, or an error, then error() is set).
  std::string KeepPartial();

  // Removes the temporary files of the Outputs being written, if any. Safe
  // in a signal handler: a second Ctrl-C ends the process without running
  // destructors, and must not leave "out.jsonl.tmp.PID.XXXXXX" behind.
  static void RemoveTemporaryFromSignalHandler();

  bool closed() const { return closed_; }
  // "cannot write OUTPUT: reason" and the like, without "lawreport: ".
  const std::string& error() const { return error_; }
  const std::string& path() const { return path_; }
  // "stdout" or the path as given.
  std::string name() const;

 private:
  bool writable() const { return fd_ >= 0 && !closed_ && !failed_; }
  bool Fail(const std::string& what, int error_number);
  // errno is read before the message is built: building it allocates,
  // which may change errno.
  template <typename Describe>
  bool FailWithErrno(Describe describe);

  std::string path_;
  std::string target_;  // path_ with symlinks followed
  std::string temporary_;
  int fd_ = -1;
  bool is_stdout_ = false;
  bool direct_ = false;  // a device or FIFO: written straight to
  bool closed_ = false;
  bool failed_ = false;
  bool committed_ = false;
  std::string error_;
};

// After a batch wrote to `output`: commits it; or, when the batch was
// interrupted, keeps what was finished at TARGET.partial (saying so on
// stderr) and leaves TARGET as it was. A closed pipe on stdout is a quiet
// end. Returns 0, 130 (interrupted) or, after printing "lawreport: cannot
// write OUTPUT: reason", 2.
int CloseBatchOutput(Output& output, bool interrupted);

// While it lives, the first SIGINT or SIGTERM sets flag() (a batch stops
// dispatching and finishes what is in flight); a second one removes the
// temporary file of the Output being written and ends the process at once.
// Declare it before the Output, so it is installed before the temporary
// file exists and removed after it is renamed.
class StopOnSignal {
 public:
  StopOnSignal();
  ~StopOnSignal();
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;
  const std::atomic<bool>* flag() const;
};

}  // namespace lawreport::cli

#endif  // LAWREPORT_APP_OUTPUT_H_
