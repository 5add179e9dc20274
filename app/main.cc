// lawreport: turns Chinese government annual reports into data.
//
//   lawreport outline rongan-2023.txt
//   lawreport outline --format json report.txt > outline.json
//   lawreport extract --format csv report.txt > indicators.csv
//   lawreport check --format github reports/*.txt
//   lawreport text report.pdf            # the text `line` numbers count
//   lawreport view report.txt -o report.html
//   lawreport explain report.txt --line 12   # why a figure is (not) there
//
// Exit status: 0 ok, 1 findings (check), 2 bad input or usage. Data goes to
// stdout, diagnostics to stderr.
#include <malloc.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <string_view>

#include "cli_common.h"
#include "cmd_check.h"
#include "cmd_explain.h"
#include "cmd_extract.h"
#include "cmd_outline.h"
#include "cmd_table.h"
#include "cmd_text.h"
#include "cmd_view.h"
#include "lawreport/isolation.h"
#include "lawreport/report.h"

int main(int argc, char** argv) {
  // A worker process reading one PDF, HTML or DOCX file (isolation.h).
  if (argc > 1 && std::string_view(argv[1]) == lawreport::kReadWorkerCommand)
    return lawreport::RunReadWorker(argc, argv);
  // Every report allocates, then frees, buffers of its own size. By default
  // glibc hands large ones back to the kernel after each file (munmap, or
  // madvise when trimming a thread's heap) and the next file faults them in
  // again, which cost about a tenth of a batch's time; keep them instead.
  // Peak memory is still bounded by the largest files in flight.
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
  // A closed pipe shows up as EPIPE from write, handled in WriteStdout.
  std::signal(SIGPIPE, SIG_IGN);

  CLI::App app{"lawreport: turn Chinese government annual reports into data",
               "lawreport"};
  app.set_version_flag("--version",
                       std::string("lawreport ") + lawreport::Version());
  app.require_subcommand(1);

  lawreport::cli::OutlineOptions outline;
  CLI::App* outline_command = lawreport::cli::SetupOutline(app, outline);
  lawreport::cli::ExtractOptions extract;
  CLI::App* extract_command = lawreport::cli::SetupExtract(app, extract);
  lawreport::cli::CheckOptions check;
  CLI::App* check_command = lawreport::cli::SetupCheck(app, check);
  lawreport::cli::TableOptions table;
  CLI::App* table_command = lawreport::cli::SetupTable(app, table);
  lawreport::cli::DiffOptions diff;
  CLI::App* diff_command = lawreport::cli::SetupDiff(app, diff);
  lawreport::cli::TextOptions text;
  CLI::App* text_command = lawreport::cli::SetupText(app, text);
  lawreport::cli::ViewOptions view;
  CLI::App* view_command = lawreport::cli::SetupView(app, view);
  lawreport::cli::ExplainOptions explain;
  CLI::App* explain_command = lawreport::cli::SetupExplain(app, explain);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "lawreport: %s (run 'lawreport --help' for usage)\n",
                 e.what());
    return lawreport::cli::kExitBadInput;
  }

  if (outline_command->parsed()) return lawreport::cli::RunOutline(outline);
  if (extract_command->parsed()) return lawreport::cli::RunExtract(extract);
  if (check_command->parsed()) return lawreport::cli::RunCheck(check);
  if (table_command->parsed()) return lawreport::cli::RunTable(table);
  if (diff_command->parsed()) return lawreport::cli::RunDiff(diff);
  if (text_command->parsed()) return lawreport::cli::RunText(text);
  if (view_command->parsed()) return lawreport::cli::RunView(view);
  if (explain_command->parsed()) return lawreport::cli::RunExplain(explain);
  return lawreport::cli::kExitBadInput;
}
