// `lawreport check FILE...`: do the report's figures agree? For CI.
#ifndef LAWREPORT_APP_CMD_CHECK_H_
#define LAWREPORT_APP_CMD_CHECK_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "lawreport/decode.h"

namespace lawreport::cli {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string expect_file;
  std::string accept_file;
  bool strict = false;
  DecodeOptions decode;
};

CLI::App* SetupCheck(CLI::App& app, CheckOptions& options);
// 0: nothing mismatches; 1: something does (or, with --strict, cannot be
// verified); 2: an input, --expect or --accept file could not be read.
int RunCheck(const CheckOptions& options);

}  // namespace lawreport::cli

#endif  // LAWREPORT_APP_CMD_CHECK_H_
