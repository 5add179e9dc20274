#include "cmd_table.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <mutex>
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
  const std::optional<std::vector<std::string>> inputs = ListInputs(
      InputSelection{options.paths, options.files_from, options.glob});
  if (!inputs) return kExitBadInput;
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
  // under a token, and the writer (called in input order) collects them by
  // it, so the page lists the reports in input order.
  std::mutex pending_mutex;
  std::map<std::string, std::vector<PanelRow>> pending;
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
      std::lock_guard<std::mutex> lock(pending_mutex);
      const std::string token = std::to_string(next_token++);
      pending[token] = std::move(rows);
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
    std::lock_guard<std::mutex> lock(pending_mutex);
    auto found = pending.find(std::string(data));
    if (found != pending.end()) {
      all_rows.insert(all_rows.end(),
                      std::make_move_iterator(found->second.begin()),
                      std::make_move_iterator(found->second.end()));
      pending.erase(found);
    }
    return true;
  });
  if (html) output.Write(WritePanelHtml(all_rows));
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
