// `lawreport text FILE`: the plain text lawreport reads from a report, the
// text whose lines `line` in every other output counts. For a text file it
// is the file (decoded to UTF-8); for HTML, DOCX and PDF it is what the
// container reader produced: one paragraph or table cell per line.
//
//   lawreport text report.pdf | sed -n 12p   # the line an indicator names
#ifndef LAWREPORT_APP_CMD_TEXT_H_
#define LAWREPORT_APP_CMD_TEXT_H_

#include <CLI/CLI.hpp>
#include <string>

#include "lawreport/decode.h"

namespace lawreport::cli {

struct TextOptions {
  std::string path;
  bool numbered = false;
  bool pages = false;
  double timeout = 300;  // seconds per file; 0: none
  DecodeOptions decode;
};

CLI::App* SetupText(CLI::App& app, TextOptions& options);
int RunText(const TextOptions& options);

}  // namespace lawreport::cli

#endif  // LAWREPORT_APP_CMD_TEXT_H_
