// `lawreport check FILE...`: do the reports' figures agree? For CI. Takes
// the inputs `extract` takes (files, directories, --glob, --files-from, -j)
// and writes one document, or one summary, for the whole run, in input
// order:
//   lawreport check reports/ --format sarif > lawreport.sarif
//   lawreport check reports/ --write-accept lawreport-accept.tsv  (baseline)
#ifndef LAWREPORT_APP_CMD_CHECK_H_
#define LAWREPORT_APP_CMD_CHECK_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "lawreport/decode.h"

namespace lawreport::cli {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string files_from;
  std::string glob;
  std::string format = "text";
  std::string expect_file;
  std::string accept_file;
  std::string write_accept_file;
  bool strict = false;
  int jobs = 0;          // 0: the number of cores
  double timeout = 300;  // seconds per file; 0: none
  DecodeOptions decode;
};

CLI::App* SetupCheck(CLI::App& app, CheckOptions& options);
// 0: nothing mismatches; 1: something does (or, with --strict, cannot be
// verified); 2: an input, --expect or --accept file could not be read.
// With --write-accept the failing findings are written to the file and
// accepted by it, so the run that writes a baseline passes.
int RunCheck(const CheckOptions& options);

}  // namespace lawreport::cli

#endif  // LAWREPORT_APP_CMD_CHECK_H_
