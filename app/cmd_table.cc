#include "cmd_table.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <system_error>
#include <thread>

#include "cli_common.h"
#include "lawreport/batch.h"
#include "lawreport/canonical.h"
#include "lawreport/panel.h"
#include "lawreport/report.h"
#include "lawreport/view.h"
#include "lawreport/write.h"
#include "output.h"

namespace lawreport::cli {
namespace {

// --view-dir: the directory, made when missing (one level, as -o makes no
// directories either). False after a one-line error.
bool MakeViewDirectory(const std::string& directory) {
  struct stat info;
  if (::stat(directory.c_str(), &info) == 0) {
    if (S_ISDIR(info.st_mode)) return true;
    std::fprintf(stderr, "lawreport: --view-dir %s: not a directory\n",
                 OneSafeLine(directory).c_str());
    return false;
  }
  if (::mkdir(directory.c_str(), 0777) != 0) {
    const int error_number = errno;
    std::fprintf(stderr, "lawreport: cannot create %s: %s\n",
                 OneSafeLine(directory).c_str(), std::strerror(error_number));
    return false;
  }
  return true;
}

// Each input's page name in the view directory, in input order: its file
// name and ".html" (rongan-2023.txt.html, so rongan-2023.pdf's page is
// another), "-2", "-3" … before ".html" when two inputs share a name.
std::map<std::string, std::string> ViewPageNames(
    const std::vector<std::string>& inputs) {
  std::map<std::string, std::string> names;
  std::set<std::string> taken;
  for (const std::string& input : inputs) {
    if (names.count(input)) continue;
    std::string base = input == "-"
                           ? "stdin"
                           : std::filesystem::path(input).filename().string();
    if (base.empty() || base == "." || base == "..") base = "report";
    std::string name = base + ".html";
    for (int n = 2; taken.count(name); ++n)
      name = base + "-" + std::to_string(n) + ".html";
    taken.insert(name);
    names.emplace(input, name);
  }
  return names;
}

// The view directory as seen from the panel page ("" when they are one
// directory, "views/" or "../views/" otherwise), for relative links that
// keep working when both are moved together.
std::string ViewDirectoryFromPanel(const std::string& view_dir,
                                   const std::string& output) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path panel_dir =
      output.empty() || output == "-"
          ? fs::current_path(error)
          : fs::absolute(output, error).lexically_normal().parent_path();
  fs::path views = fs::absolute(view_dir, error).lexically_normal();
  if (views.filename().empty()) views = views.parent_path();  // "views/"
  fs::path relative = views.lexically_relative(panel_dir);
  if (error || relative.empty()) relative = views;
  const std::string text = relative.generic_string();
  return text == "." ? "" : text + "/";
}

}  // namespace

CLI::App* SetupTable(CLI::App& app, TableOptions& options) {
  CLI::App* command =
      app.add_subcommand("table",
                         "Write canonical indicators of many reports as a "
                         "panel (long CSV, wide CSV or JSON Lines)");
  AddInputOptions(*command, options.paths, options.files_from, options.glob,
                  options.jobs);
  command
      ->add_option("--format", options.format,
                   "csv, jsonl, or html (a self-contained page with a chart "
                   "per canonical id and the long table)")
      ->check(CLI::IsMember({"csv", "jsonl", "html"}));
  command->add_option("--indicators", options.indicators,
                      "Only these canonical ids, comma-separated; "
                      "'prefix.*' for every id under a prefix (xxgk.*)");
  command->add_flag("--wide", options.wide,
                    "One row per report, one column per canonical id (CSV): "
                    "each report's result for its own year");
  command
      ->add_option("--role", options.role,
                   "actual or target: only results, or only targets (with "
                   "--wide: each report's first point target)")
      ->check(CLI::IsMember({"actual", "target"}));
  command->add_option("-o,--output", options.output,
                      "Write to this file, atomically");
  command->add_flag("-q,--quiet", options.quiet, "No summary line");
  command->add_option(
      "--view-dir", options.view_dir,
      "With --format html: also write each report's `view` page into this "
      "directory (made when missing), and link every point and row of the "
      "panel to its page at the figure's line");
  AddExcelOption(*command, options.excel);
  AddDecodeOptions(*command, options.decode);
  AddTimeoutOption(*command, options.timeout);
  return command;
}

CLI::App* SetupDiff(CLI::App& app, DiffOptions& options) {
  CLI::App* command =
      app.add_subcommand("diff",
                         "Compare two reports figure by figure (canonical ids "
                         "and identical labels)");
  command->add_option("OLD", options.before, "The earlier report")->required();
  command->add_option("NEW", options.after, "The later report")->required();
  command->add_option("--format", options.format, "text, json or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}));
  command->add_flag("--force", options.force,
                    "Compare even reports of different bodies or kinds, or "
                    "a NEW that is not later than OLD");
  command->add_flag("--changed-only", options.changed_only,
                    "Leave out the figures that stayed the same");
  AddExcelOption(*command, options.excel);
  AddDecodeOptions(*command, options.decode);
  AddTimeoutOption(*command, options.timeout);
  return command;
}

int RunTable(const TableOptions& options) {
  std::vector<std::string> select;
  for (std::size_t start = 0; start < options.indicators.size();) {
    std::size_t comma = options.indicators.find(',', start);
    if (comma == std::string::npos) comma = options.indicators.size();
    const std::string id = options.indicators.substr(start, comma - start);
    if (!id.empty()) {
      // "xxgk.requests.*": every id under a prefix.
      const std::vector<std::string> ids = ExpandCanonicalSelection({id});
      if (ids.empty() || (ids.size() == 1 && !FindCanonical(ids.front()))) {
        std::fprintf(stderr,
                     "lawreport: unknown canonical indicator '%s' (see "
                     "data/canonical/indicators.tsv and "
                     "data/templates/open_government_rows.tsv)\n",
                     id.c_str());
        return kExitBadInput;
      }
      select.insert(select.end(), ids.begin(), ids.end());
    }
    start = comma + 1;
  }
  if (options.wide && options.format != "csv") {
    std::fprintf(stderr, "lawreport: --wide writes CSV; drop --format %s\n",
                 options.format.c_str());
    return kExitBadInput;
  }
  if (!ExcelNeedsCsv(options.excel, options.format)) return kExitBadInput;
  if (!options.view_dir.empty() && options.format != "html") {
    std::fprintf(stderr,
                 "lawreport: --view-dir goes with --format html, not %s\n",
                 options.format.c_str());
    return kExitBadInput;
  }
  const std::optional<std::vector<std::string>> inputs = ListInputs(
      InputSelection{options.paths, options.files_from, options.glob});
  if (!inputs) return kExitBadInput;
  const bool view_pages = !options.view_dir.empty();
  if (view_pages && !MakeViewDirectory(options.view_dir)) return kExitBadInput;
  const std::map<std::string, std::string> page_names =
      view_pages ? ViewPageNames(*inputs)
                 : std::map<std::string, std::string>();
  PanelHtmlOptions panel_html;
  if (view_pages) {
    const std::string prefix =
        ViewDirectoryFromPanel(options.view_dir, options.output);
    for (const auto& [input, name] : page_names)
      panel_html.view_pages.emplace(input, prefix + name);
  }
  std::vector<std::string> columns = select;
  if (columns.empty()) {
    for (const CanonicalEntry& entry : CanonicalCatalogue())
      columns.push_back(entry.id);
  }

  BatchOptions batch;
  batch.jobs = JobsOrCores(options.jobs);
  batch.process.decode = options.decode;
  batch.timeout_seconds = options.timeout;
  const bool wide = options.wide;
  const bool jsonl = options.format == "jsonl";
  const bool html = options.format == "html";
  const std::string header =
      jsonl || html ? std::string()
                    : (wide ? WideCsvHeader(columns) : PanelCsvHeader());
  // --excel: each report's rows rewritten for spreadsheets under the header.
  const auto for_spreadsheet = [&](std::string csv) {
    return options.excel ? ExcelSafeCsv(csv, header) : csv;
  };
  // --format html draws all reports at once: each worker files its rows
  // (and, with --view-dir, the report's view page) under a token, and the
  // writer (called in input order) collects them by it, so the page lists
  // the reports in input order. The view pages are written by the writer
  // too: one thread, and never by a worker given up on (--timeout).
  struct Pending {
    std::vector<PanelRow> rows;
    std::string file;
    std::string view_page;
  };
  std::mutex pending_mutex;
  std::map<std::string, Pending> pending;
  std::string view_error;
  std::size_t next_token = 0;
  std::vector<PanelRow> all_rows;
  batch.serialize = [&](const Report& report) {
    WarnAboutSource(report.source.path, report.source);
    if (wide) {
      return for_spreadsheet(
          WideCsvRow(report, columns,
                     options.role == "target" ? Role::kTarget : Role::kActual));
    }
    std::vector<PanelRow> rows = PanelRows(report, select);
    if (!options.role.empty()) {
      rows.erase(std::remove_if(rows.begin(), rows.end(),
                                [&](const PanelRow& row) {
                                  return row.role != options.role;
                                }),
                 rows.end());
    }
    if (html) {
      std::string page = view_pages ? WriteViewHtml(report) : std::string();
      std::lock_guard<std::mutex> lock(pending_mutex);
      const std::string token = std::to_string(next_token++);
      pending[token] =
          Pending{std::move(rows), report.source.path, std::move(page)};
      return token;
    }
    return jsonl ? PanelJsonLines(rows) : for_spreadsheet(PanelCsv(rows));
  };
  batch.serialize_error = [](const std::string&, const Error&) {
    return std::string();
  };
  batch.on_error = [](const std::string& path, const Error& error) {
    ReportInputError(path, error);
  };

  StopOnSignal stop_on_signal;  // before `output`: see output.h
  batch.stop = stop_on_signal.flag();
  Output output(options.output);
  if (!output.Open()) {
    std::fprintf(stderr, "lawreport: %s\n", output.error().c_str());
    return kExitBadInput;
  }
  // A failed header write shows in CloseBatchOutput: every later write is
  // refused, so the batch stops after its first file.
  if (!jsonl && !html && options.excel)
    output.Write(std::string(kUtf8Bom) + ExcelSafeCsv(header, header));
  else if (!jsonl && !html)
    output.Write(header);
  const BatchStats stats = RunBatch(*inputs, batch, [&](std::string_view data) {
    if (!html) return output.Write(data);
    if (data.empty()) return true;  // a file that failed
    Pending done;
    {
      std::lock_guard<std::mutex> lock(pending_mutex);
      auto found = pending.find(std::string(data));
      if (found == pending.end()) return true;
      done = std::move(found->second);
      pending.erase(found);
    }
    all_rows.insert(all_rows.end(), std::make_move_iterator(done.rows.begin()),
                    std::make_move_iterator(done.rows.end()));
    const auto name = page_names.find(done.file);
    if (!view_pages || name == page_names.end()) return true;
    Output page(
        (std::filesystem::path(options.view_dir) / name->second).string());
    if (page.Open() && page.Write(done.view_page) && page.Commit()) return true;
    view_error = page.error();  // stops the batch: write() refused
    return false;
  });
  if (!view_error.empty()) {
    // The panel is not committed: its links would lead to missing pages.
    std::fprintf(stderr, "lawreport: %s\n", view_error.c_str());
    return EndBatch(kExitBadInput, stats);
  }
  if (html) output.Write(WritePanelHtml(all_rows, panel_html));
  if (stats.output_closed && output.closed()) return EndBatch(kExitOk, stats);
  const int closed = CloseBatchOutput(output, stats.interrupted);
  if (closed != kExitOk && closed != kExitInterrupted)
    return EndBatch(closed, stats);
  if (!options.quiet && inputs->size() > 1) {
    std::fprintf(
        stderr, "lawreport: %llu files, %llu failed%s\n",
        static_cast<unsigned long long>(stats.files),
        static_cast<unsigned long long>(stats.failed),
        stats.interrupted ? "; interrupted, the rest not processed" : "");
  }
  if (closed != kExitOk) return EndBatch(closed, stats);
  return EndBatch(stats.failed > 0 ? kExitBadInput : kExitOk, stats);
}

int RunDiff(const DiffOptions& options) {
  if (!ExcelNeedsCsv(options.excel, options.format)) return kExitBadInput;
  // --timeout holds for each report.
  const auto process = [&options](const std::string& path) {
    Result<Report> report = Error{ErrorCode::kUnreadable, "not read"};
    RunWithTimeout(path, options.timeout,
                   [&](const std::atomic<bool>* cancelled) {
                     ProcessOptions process_options;
                     process_options.decode = options.decode;
                     process_options.decode.cancelled = cancelled;
                     report = ProcessFile(path, process_options);
                   });
    return report;
  };
  if (RefuseDirectory(options.before) || RefuseDirectory(options.after))
    return kExitBadInput;
  Result<Report> before = process(options.before);
  if (!before) return ReportInputError(options.before, before.error());
  Result<Report> after = process(options.after);
  if (!after) return ReportInputError(options.after, after.error());
  WarnAboutSource(options.before, before->source);
  WarnAboutSource(options.after, after->source);
  if (!options.force) {
    if (const std::optional<std::string> refusal =
            DiffRefusal(*before, *after)) {
      std::fprintf(stderr,
                   "lawreport: diff: %s; --force compares them anyway\n",
                   refusal->c_str());
      return kExitBadInput;
    }
  }
  lawreport::DiffOptions diff;
  diff.changed_only = options.changed_only;
  const std::vector<DiffRow> rows = DiffReports(*before, *after, diff);
  if (options.format == "csv" && options.excel) {
    const std::string csv = DiffCsv(rows);
    return WriteStdout(std::string(kUtf8Bom) +
                       ExcelSafeCsv(csv, csv.substr(0, csv.find('\n') + 1)));
  }
  if (options.format == "csv") return WriteStdout(DiffCsv(rows));
  if (options.format == "json")
    return WriteStdout(DiffJson(rows, options.before, options.after));
  return WriteStdout(DiffText(rows, options.before, options.after));
}

}  // namespace lawreport::cli
