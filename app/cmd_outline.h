// `lawreport outline FILE`: the document metadata and section tree.
#ifndef LAWREPORT_APP_CMD_OUTLINE_H_
#define LAWREPORT_APP_CMD_OUTLINE_H_

#include <CLI/CLI.hpp>
#include <string>

#include "lawreport/decode.h"

namespace lawreport::cli {

struct OutlineOptions {
  std::string path;
  std::string format = "tree";
  double timeout = 300;  // seconds per file; 0: none
  DecodeOptions decode;
};

CLI::App* SetupOutline(CLI::App& app, OutlineOptions& options);
int RunOutline(const OutlineOptions& options);

}  // namespace lawreport::cli

#endif  // LAWREPORT_APP_CMD_OUTLINE_H_
