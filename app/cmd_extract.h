// `lawreport extract FILE...`: the whole document, outline plus indicators
// and checks; many files, directories and file lists in one run.
#ifndef LAWREPORT_APP_CMD_EXTRACT_H_
#define LAWREPORT_APP_CMD_EXTRACT_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "lawreport/decode.h"

namespace lawreport::cli {

struct ExtractOptions {
  std::vector<std::string> paths;
  std::string files_from;
  std::string glob;
  std::string format = "json";
  std::string output;
  int jobs = 0;  // 0: the number of cores
  bool quiet = false;
  bool excel = false;    // --excel: CSV for spreadsheets
  double timeout = 300;  // seconds per file; 0: none
  DecodeOptions decode;
};

CLI::App* SetupExtract(CLI::App& app, ExtractOptions& options);
int RunExtract(const ExtractOptions& options);

}  // namespace lawreport::cli

#endif  // LAWREPORT_APP_CMD_EXTRACT_H_
