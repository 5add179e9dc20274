// `lawreport view REPORT [-o OUT.html]`: the report as one self-contained
// HTML page, its figures highlighted in the text and its checks at their
// lines.
#ifndef LAWREPORT_APP_CMD_VIEW_H_
#define LAWREPORT_APP_CMD_VIEW_H_

#include <CLI/CLI.hpp>
#include <string>

#include "lawreport/decode.h"

namespace lawreport::cli {

struct ViewOptions {
  std::string path;
  std::string output;
  DecodeOptions decode;
};

CLI::App* SetupView(CLI::App& app, ViewOptions& options);
int RunView(const ViewOptions& options);

}  // namespace lawreport::cli

#endif  // LAWREPORT_APP_CMD_VIEW_H_
