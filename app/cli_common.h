// Pieces every subcommand shares: the input options, the one-line error
// format, and writing data to stdout in one piece.
#ifndef LAWREPORT_APP_CLI_COMMON_H_
#define LAWREPORT_APP_CLI_COMMON_H_

#include <CLI/CLI.hpp>
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

// --encoding, --format-in, --no-boilerplate-strip and the input limits,
// bound to `options`.
void AddDecodeOptions(CLI::App& command, DecodeOptions& options);

// Prints "lawreport: PATH: message" on stderr; returns kExitBadInput.
int ReportInputError(const std::string& path, const Error& error);

// Writes `data` to stdout in one go. A closed pipe (`| head`) is not an
// error; any other failure prints a message and returns kExitBadInput.
int WriteStdout(std::string_view data);

// The files FILE arguments, directories and --files-from name; on a problem
// (or no file at all) prints it and returns nullopt.
std::optional<std::vector<std::string>> ListInputs(
    const InputSelection& selection);

// --jobs: the number asked for, or the number of cores when 0.
int JobsOrCores(int requested);

// --timeout for batch commands, bound to `seconds`.
inline constexpr double kDefaultTimeoutSeconds = 300;
void AddTimeoutOption(CLI::App& command, double& seconds);

// --excel on every command that writes CSV: a UTF-8 BOM and fields kept as
// text (ExcelSafeCsv). False, after a one-line error, when it is given with
// a format that is not CSV.
void AddExcelOption(CLI::App& command, bool& excel);
bool ExcelNeedsCsv(bool excel, std::string_view format);

// Returns `status`, or, when a worker is still busy with a file given up on
// (--timeout), flushes the standard streams and ends the process with it at
// once: the worker must not outlive what it uses, nor run under static
// destructors.
int EndBatch(int status, const BatchStats& stats);

}  // namespace lawreport::cli

#endif  // LAWREPORT_APP_CLI_COMMON_H_
