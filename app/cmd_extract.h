// `lawreport extract FILE`: the whole document, outline plus indicators.
#ifndef LAWREPORT_APP_CMD_EXTRACT_H_
#define LAWREPORT_APP_CMD_EXTRACT_H_

#include <CLI/CLI.hpp>
#include <string>

#include "lawreport/decode.h"

namespace lawreport::cli {

struct ExtractOptions {
  std::string path;
  std::string format = "json";
  DecodeOptions decode;
};

CLI::App* SetupExtract(CLI::App& app, ExtractOptions& options);
int RunExtract(const ExtractOptions& options);

}  // namespace lawreport::cli

#endif  // LAWREPORT_APP_CMD_EXTRACT_H_
