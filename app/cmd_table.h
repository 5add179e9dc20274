// `lawreport table FILES...`: canonical indicators as a panel.
// `lawreport diff OLD NEW`: two reports compared figure by figure.
#ifndef LAWREPORT_APP_CMD_TABLE_H_
#define LAWREPORT_APP_CMD_TABLE_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "lawreport/decode.h"

namespace lawreport::cli {

struct TableOptions {
  std::vector<std::string> paths;
  std::string files_from;
  std::string glob;
  std::string format = "csv";
  std::string indicators;  // comma-separated canonical ids
  bool wide = false;
  std::string role;  // "actual" or "target"; wide: actual when empty
  std::string output;
  // --format html: each report's `view` page goes into this directory, and
  // the panel's points link to them.
  std::string view_dir;
  int jobs = 0;
  bool quiet = false;
  bool excel = false;    // --excel: CSV for spreadsheets
  double timeout = 300;  // seconds per file; 0: none
  DecodeOptions decode;
};

struct DiffOptions {
  std::string before;
  std::string after;
  std::string format = "text";
  bool force = false;         // compare reports that are not one body's years
  bool changed_only = false;  // leave out figures that stayed the same
  double timeout = 300;       // seconds per file; 0: none
  bool excel = false;         // --excel: CSV for spreadsheets
  DecodeOptions decode;
};

CLI::App* SetupTable(CLI::App& app, TableOptions& options);
int RunTable(const TableOptions& options);
CLI::App* SetupDiff(CLI::App& app, DiffOptions& options);
int RunDiff(const DiffOptions& options);

}  // namespace lawreport::cli

#endif  // LAWREPORT_APP_CMD_TABLE_H_
