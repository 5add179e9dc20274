// Where a command's data goes: stdout, or a file named with -o that is
// written to a temporary file beside it and renamed into place only when
// complete, so a reader never sees a half-written file.
#ifndef LAWREPORT_APP_OUTPUT_H_
#define LAWREPORT_APP_OUTPUT_H_

#include <cstdio>
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

  // False with error() set when the temporary file cannot be created.
  bool Open();
  // False when the data could not be written; closed() tells a closed pipe.
  bool Write(std::string_view data);
  // Flushes; for a file, syncs and renames it into place.
  bool Commit();

  // Removes the temporary file of the Output being written, if any. Safe in
  // a signal handler: a second Ctrl-C ends the process without running
  // destructors, and must not leave "out.jsonl.tmp.XXXXXX" behind.
  static void RemoveTemporaryFromSignalHandler();

  bool closed() const { return closed_; }
  const std::string& error() const { return error_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::string temporary_;
  std::FILE* file_ = nullptr;
  bool closed_ = false;
  bool committed_ = false;
  std::string error_;
};

}  // namespace lawreport::cli

#endif  // LAWREPORT_APP_OUTPUT_H_
