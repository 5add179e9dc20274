// `lawreport explain FILE --line N`: why each number on line N is or is not
// a figure, and how its label was cut (explain.h). What to run when a figure
// is missing from extract's output or its label is wrong:
//
//   lawreport explain report.txt --line 12
//   lawreport explain report.pdf --line 40 --format json
//
// Lines count the text `lawreport text` prints.
#ifndef LAWREPORT_APP_CMD_EXPLAIN_H_
#define LAWREPORT_APP_CMD_EXPLAIN_H_

#include <CLI/CLI.hpp>
#include <string>

#include "lawreport/decode.h"

namespace lawreport::cli {

struct ExplainOptions {
  std::string path;
  int line = 0;
  std::string format = "text";
  double timeout = 300;  // seconds per file; 0: none
  DecodeOptions decode;
};

CLI::App* SetupExplain(CLI::App& app, ExplainOptions& options);
int RunExplain(const ExplainOptions& options);

}  // namespace lawreport::cli

#endif  // LAWREPORT_APP_CMD_EXPLAIN_H_
