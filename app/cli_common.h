// Pieces every subcommand shares: the input options, the one-line error
// format, and writing data to stdout in one piece.
#ifndef LAWREPORT_APP_CLI_COMMON_H_
#define LAWREPORT_APP_CLI_COMMON_H_

#include <CLI/CLI.hpp>
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lawreport/batch.h"
#include "lawreport/decode.h"
#include "lawreport/status.h"

namespace lawreport::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitInterrupted = 130;  // 128 + SIGINT, as shells say

// --encoding, --format-in, --no-boilerplate-strip and the input limits,
// bound to `options`.
void AddDecodeOptions(CLI::App& command, DecodeOptions& options);

// FILE…, --files-from, --glob and -j/--jobs of the batch commands.
void AddInputOptions(CLI::App& command, std::vector<std::string>& paths,
                     std::string& files_from, std::string& glob, int& jobs);

// Prints "lawreport: PATH: message" on stderr (the path with control
// characters and bytes that are not UTF-8 replaced); returns kExitBadInput.
int ReportInputError(const std::string& path, const Error& error);

// Prints "lawreport: PATH: warning: …" when the source's encoding was a weak
// guess (see DecodeOptions::strict_encoding). One fprintf per line, so
// batch workers may call it.
void WarnAboutSource(const std::string& path, const SourceInfo& source);

// Writes `data` to stdout in one go. A closed pipe (`| head`) is not an
// error; any other failure (a full disk, /dev/full) prints "lawreport:
// cannot write stdout: reason" and returns kExitBadInput.
int WriteStdout(std::string_view data);

// The files FILE arguments, directories and --files-from name; on a problem
// (or no file at all) prints it and returns nullopt. A directory without a
// report is named on stderr ("lawreport: DIR: no reports found (.txt .htm
// .html .docx .pdf)"); the run goes on when other inputs have files.
std::optional<std::vector<std::string>> ListInputs(
    const InputSelection& selection);

// For the one-file commands (outline, text, diff): when `path` is a
// directory, says so ("DIR: no reports found (.txt …)" when it holds none)
// and returns true.
bool RefuseDirectory(const std::string& path);

// --jobs: the number asked for, or the number of cores when 0.
int JobsOrCores(int requested);

// --timeout, bound to `seconds`.
inline constexpr double kDefaultTimeoutSeconds = 300;
void AddTimeoutOption(CLI::App& command, double& seconds);

// --excel on every command that writes CSV: a UTF-8 BOM and fields kept as
// text (ExcelSafeCsv). False, after a one-line error, when it is given with
// a format that is not CSV.
void AddExcelOption(CLI::App& command, bool& excel);
bool ExcelNeedsCsv(bool excel, std::string_view format);

// Returns `status`. (It ended the process at once when RunBatch could leave
// a worker thread behind; RunBatch now joins them all, so stats.abandoned is
// 0 and this only returns.)
int EndBatch(int status, const BatchStats& stats);

// --timeout for the one-file commands (outline, text, diff): runs work() on
// a thread of its own, passing it the flag the decoder and stages poll.
// Past `seconds` (0: no limit) it sets the flag, prints "lawreport: PATH:
// took longer than --timeout N s: stopped" and ends the process with
// status 2 at once: the work may be stuck inside a parser, and must not run
// under static destructors.
void RunWithTimeout(
    const std::string& path, double seconds,
    const std::function<void(const std::atomic<bool>* cancelled)>& work);

}  // namespace lawreport::cli

#endif  // LAWREPORT_APP_CLI_COMMON_H_
