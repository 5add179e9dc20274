// _lawreport: the library behind the `lawreport` Python package
// (python/lawreport/__init__.py), one function per CLI command it mirrors.
//
//   _lawreport.extract_path("rongan-2023.txt", {}, 300.0)
//     → '{"schema_version":"2.0","source":{…},"document":{"issuer":"融安县",…}'
//   _lawreport.indicators_csv(["reports/a.txt", "reports/b.pdf"], {}, 2, 300.0)
//     → (b"path,section,…\r\nreports/a.txt,1.1.1,…,23,篇次,…\r\n", [])
//
// Documents come back as the library's own writers print them (JSON, CSV,
// text), the very functions the CLI calls, so the Python result cannot drift
// from `lawreport extract --format json`; the package turns them into dicts
// and DataFrames. Every call releases the GIL while C++ works, so Python
// threads run reports in parallel. A file that cannot be read raises a
// lawreport.Error subclass (lawreport/_errors.py) naming the path; batch calls
// return their failures as (path, code, message) rows instead, as the CLI's
// batch goes on past a bad file.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "lawreport/batch.h"
#include "lawreport/canonical.h"
#include "lawreport/check.h"
#include "lawreport/decode.h"
#include "lawreport/isolation.h"
#include "lawreport/panel.h"
#include "lawreport/report.h"
#include "lawreport/status.h"
#include "lawreport/write.h"

namespace py = pybind11;

namespace lawreport::python {
namespace {

// The names lawreport/_errors.py maps to exception classes.
const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kNotAFile:
      return "not_a_file";
    case ErrorCode::kUnreadable:
      return "unreadable";
    case ErrorCode::kTooLarge:
      return "too_large";
    case ErrorCode::kEmpty:
      return "empty";
    case ErrorCode::kBadEncoding:
      return "bad_encoding";
    case ErrorCode::kBinary:
      return "binary";
    case ErrorCode::kUnknownEncoding:
      return "unknown_encoding";
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kUnsupportedFormat:
      return "unsupported_format";
    case ErrorCode::kDamaged:
      return "damaged";
    case ErrorCode::kEncrypted:
      return "encrypted";
    case ErrorCode::kNoText:
      return "no_text";
    case ErrorCode::kLimitExceeded:
      return "limit_exceeded";
  }
  return "invalid_argument";
}

// Raises the lawreport.Error subclass for the error code named `code`
// (ErrorCodeName); the GIL must be held.
[[noreturn]] void RaiseNamed(const std::string& code, const std::string& path,
                             const std::string& message) {
  py::object exception = py::module_::import("lawreport._errors")
                             .attr("make_error")(code, path, message);
  PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exception.ptr())),
                  exception.ptr());
  throw py::error_already_set();
}

[[noreturn]] void Raise(const std::string& path, const Error& error) {
  RaiseNamed(ErrorCodeName(error.code), path, error.message);
}

using Failure = std::tuple<std::string, std::string, std::string>;

std::optional<InputFormat> ParseFormat(const std::string& name) {
  static const std::map<std::string, InputFormat> kFormats = {
      {"auto", InputFormat::kAuto},
      {"text", InputFormat::kText},
      {"html", InputFormat::kHtml},
      {"docx", InputFormat::kDocx},
      {"pdf", InputFormat::kPdf}};
  const auto found = kFormats.find(name);
  if (found == kFormats.end()) return std::nullopt;
  return found->second;
}

// An option that is "auto", "always" or "never" (ocr, isolate), as its
// enum's three values.
template <typename Mode>
Mode AutoAlwaysNever(const std::string& key, const py::handle& value,
                     Mode auto_mode, Mode always, Mode never) {
  const std::string mode = py::cast<std::string>(value);
  if (mode == "auto") return auto_mode;
  if (mode == "always") return always;
  if (mode == "never") return never;
  Raise("",
        Error{ErrorCode::kInvalidArgument,
              key + " must be one of auto, always, never, not '" + mode + "'"});
}

// The CLI's decode options (--encoding, --format-in, --no-boilerplate-strip,
// --strict-encoding, --ocr, the limits, --isolate, --max-worker-memory),
// from the dict the package builds of its keyword arguments. As in the CLI,
// PDF, HTML and DOCX files are read in worker processes (isolation.h): the
// `lawreport` executable installed (or built) with this module, killed when
// `timeout` passes; in-process under isolate="never", or when there is no
// executable and isolate is "auto".
DecodeOptions ToDecodeOptions(const py::dict& given, double timeout = 0) {
  DecodeOptions options;
  WorkerOptions worker;
  for (const auto& [key_object, value] : given) {
    const std::string key = py::cast<std::string>(key_object);
    if (value.is_none()) continue;
    const auto positive = [&](auto& field) {
      using Field = std::remove_reference_t<decltype(field)>;
      const long long number = py::cast<long long>(value);
      if (number <= 0) {
        Raise("", Error{ErrorCode::kInvalidArgument,
                        key + " must be a positive number"});
      }
      field = static_cast<Field>(number);
    };
    if (key == "encoding") {
      options.encoding = py::cast<std::string>(value);
    } else if (key == "format_in") {
      const std::optional<InputFormat> format =
          ParseFormat(py::cast<std::string>(value));
      if (!format) {
        Raise("", Error{ErrorCode::kInvalidArgument,
                        "format_in must be one of auto, text, html, docx, "
                        "pdf, not '" +
                            py::cast<std::string>(value) + "'"});
      }
      options.format = *format;
    } else if (key == "boilerplate_strip") {
      options.strip_boilerplate = py::cast<bool>(value);
    } else if (key == "strict_encoding") {
      options.strict_encoding = py::cast<bool>(value);
    } else if (key == "ocr") {
      options.ocr = AutoAlwaysNever(key, value, OcrMode::kAuto,
                                    OcrMode::kAlways, OcrMode::kNever);
    } else if (key == "max_render_pixels") {
      positive(options.max_render_pixels);
    } else if (key == "max_bytes") {
      positive(options.max_bytes);
    } else if (key == "max_unzipped_bytes") {
      positive(options.max_unzipped_bytes);
    } else if (key == "max_zip_entries") {
      positive(options.max_zip_entries);
    } else if (key == "max_pages") {
      positive(options.max_pages);
    } else if (key == "max_line_bytes") {
      positive(options.max_line_bytes);
    } else if (key == "max_lines") {
      positive(options.max_lines);
    } else if (key == "max_numbers") {
      positive(options.max_numbers);
    } else if (key == "isolate") {
      worker.mode = AutoAlwaysNever(key, value, Isolation::kAuto,
                                    Isolation::kAlways, Isolation::kNever);
    } else if (key == "max_worker_memory") {
      positive(worker.max_memory);
      if (worker.max_memory < kMinWorkerMemory) {
        Raise("", Error{ErrorCode::kInvalidArgument,
                        "max_worker_memory must be at least " +
                            std::to_string(kMinWorkerMemory) + " bytes"});
      }
    } else {
      Raise("", Error{ErrorCode::kInvalidArgument,
                      "unknown decode option '" + key + "'"});
    }
  }
  if (worker.mode != Isolation::kNever) {
    worker.executable = FindWorkerExecutable().value_or("");
    worker.timeout_seconds = timeout;
    options.read_container = WorkerContainerReader(std::move(worker));
  }
  return options;
}

void CheckBatchArguments(int jobs, double timeout) {
  if (jobs < 1)
    Raise("", Error{ErrorCode::kInvalidArgument, "jobs must be at least 1"});
  if (timeout < 0) {
    Raise("", Error{ErrorCode::kInvalidArgument,
                    "timeout must be 0 (never) or more seconds"});
  }
}

// Runs `paths` through RunBatch without the GIL, `serialize` making each
// report's output; the outputs in input order, and the files that failed.
struct BatchResult {
  std::vector<std::string> outputs;  // one per file, "" for a failed one
  std::vector<Failure> failures;
};

BatchResult RunWithoutGil(const std::vector<std::string>& paths,
                          const DecodeOptions& decode, int jobs, double timeout,
                          std::function<std::string(const Report&)> serialize) {
  BatchResult result;
  BatchOptions batch;
  batch.jobs = jobs;
  batch.process.decode = decode;
  batch.timeout_seconds = timeout;
  batch.serialize = std::move(serialize);
  batch.serialize_error = [](const std::string&, const Error&) {
    return std::string();
  };
  batch.on_error = [&result](const std::string& path, const Error& error) {
    result.failures.emplace_back(path, ErrorCodeName(error.code),
                                 error.message);
  };
  {
    py::gil_scoped_release release;
    RunBatch(paths, batch, [&result](std::string_view output) {
      result.outputs.emplace_back(output);
      return true;
    });
  }
  return result;
}

// ---- extract -------------------------------------------------------------

std::string ExtractPath(const std::string& path, const py::dict& decode,
                        double timeout) {
  CheckBatchArguments(1, timeout);
  BatchResult result =
      RunWithoutGil({path}, ToDecodeOptions(decode, timeout), 1, timeout,
                    [](const Report& report) {
                      return WriteExtractJson(report, JsonOptions{-1});
                    });
  if (!result.failures.empty()) {
    const auto& [failed, code, message] = result.failures.front();
    RaiseNamed(code, failed, message);
  }
  return result.outputs.front();
}

std::string ExtractBytes(const py::bytes& data, const std::string& name,
                         const py::dict& decode) {
  ProcessOptions options;
  options.decode = ToDecodeOptions(decode);
  const std::string_view bytes(data);
  std::optional<Result<Report>> report;
  std::string json;
  {
    py::gil_scoped_release release;
    report.emplace(ProcessBytes(bytes, name, options));
    if (report->ok()) json = WriteExtractJson(**report, JsonOptions{-1});
  }
  if (!report->ok()) Raise(name, report->error());
  return json;
}

// One JSON Lines record per path, as `extract --format jsonl` writes them:
// a document, or {"schema_version", "source": {"path"}, "error"} for a file
// that failed.
std::vector<std::string> ExtractMany(const std::vector<std::string>& paths,
                                     const py::dict& decode, int jobs,
                                     double timeout) {
  CheckBatchArguments(jobs, timeout);
  BatchOptions batch;
  batch.jobs = jobs;
  batch.process.decode = ToDecodeOptions(decode, timeout);
  batch.timeout_seconds = timeout;
  batch.serialize = [](const Report& report) {
    return WriteExtractJson(report, JsonOptions{-1});
  };
  batch.serialize_error = [](const std::string& path, const Error& error) {
    return WriteErrorJson(path, error.message);
  };
  std::vector<std::string> records;
  {
    py::gil_scoped_release release;
    RunBatch(paths, batch, [&records](std::string_view output) {
      records.emplace_back(output);
      return true;
    });
  }
  return records;
}

// ---- text ----------------------------------------------------------------

// What `lawreport text [-n] [--pages]` prints for a decoded text.
std::string TextLines(const Text& text, bool numbered, bool pages) {
  std::string out;
  out.reserve(text.source().size() + 16 * text.lines().size());
  for (int number = 1; number <= text.line_count(); ++number) {
    const Line& line = text.lines()[static_cast<std::size_t>(number - 1)];
    if (pages) {
      out += std::to_string(text.PageAt(line.begin));
      out += '\t';
    }
    if (numbered) {
      out += std::to_string(number);
      out += '\t';
    }
    out.append(text.source(), line.source_begin,
               line.source_end - line.source_begin);
    out += '\n';
  }
  return out;
}

std::string TextOf(const std::optional<std::string>& path,
                   const std::optional<py::bytes>& data,
                   const std::string& name, const py::dict& decode,
                   bool numbered, bool pages) {
  const DecodeOptions options = ToDecodeOptions(decode);
  std::string bytes_copy;
  if (data) bytes_copy = std::string(std::string_view(*data));
  std::optional<Result<DecodedText>> decoded;
  std::string out;
  {
    py::gil_scoped_release release;
    decoded.emplace(path ? DecodeFile(*path, options)
                         : Decode(bytes_copy, options, name));
    if (decoded->ok()) out = TextLines((*decoded)->text, numbered, pages);
  }
  if (!decoded->ok()) Raise(path ? *path : name, decoded->error());
  return out;
}

// ---- check ---------------------------------------------------------------

template <typename T>
std::vector<T> LoadList(const std::string& path, std::uint64_t max_bytes,
                        Result<std::vector<T>> (*parse)(std::string_view)) {
  if (path.empty()) return {};
  Result<std::vector<T>> list = [&]() -> Result<std::vector<T>> {
    py::gil_scoped_release release;
    Result<std::string> content = ReadInput(path, max_bytes);
    if (!content) return content.error();
    return parse(*content);
  }();
  if (!list) Raise(path, list.error());
  return std::move(*list);
}

// One report's findings as app/cmd_check.cc gives them (CollectFindings).
CheckedFile CheckedFileOf(const Report& report,
                          const std::vector<Expectation>& expectations,
                          const std::vector<Acceptance>& acceptances) {
  CheckedFile file;
  file.path = report.source.path;
  file.source = report.source;
  file.seconds = report.seconds;
  file.findings = CollectFindings(file.path, report.checks, report.indicators,
                                  expectations, acceptances);
  return file;
}

// `lawreport check --format json` of one report's bytes (`cat REPORT |
// lawreport check --format json -`), `name` standing for its path: a report
// that cannot be read is a file with its error, as for paths.
std::string CheckBytes(const py::bytes& data, const std::string& name,
                       const py::dict& decode, bool strict,
                       const std::string& expect_path,
                       const std::string& accept_path) {
  ProcessOptions options;
  options.decode = ToDecodeOptions(decode);
  const std::vector<Expectation> expectations = LoadList<Expectation>(
      expect_path, options.decode.max_bytes, &ParseExpectations);
  const std::vector<Acceptance> acceptances = LoadList<Acceptance>(
      accept_path, options.decode.max_bytes, &ParseAcceptances);
  const std::string_view bytes(data);
  py::gil_scoped_release release;
  Result<Report> report = ProcessBytes(bytes, name, options);
  CheckedFile file;
  if (report) {
    file = CheckedFileOf(*report, expectations, acceptances);
  } else {
    file.error = report.error().message;
  }
  file.path = name;
  return WriteCheckJson({file}, strict);
}

// `lawreport check --format json` over `paths`: the same findings, ids,
// expectations and acceptances as app/cmd_check.cc gives each file.
std::string Check(const std::vector<std::string>& paths, const py::dict& decode,
                  int jobs, double timeout, bool strict,
                  const std::string& expect_path,
                  const std::string& accept_path) {
  CheckBatchArguments(jobs, timeout);
  BatchOptions batch;
  batch.jobs = jobs;
  batch.process.decode = ToDecodeOptions(decode, timeout);
  batch.timeout_seconds = timeout;
  std::vector<Expectation> expectations = LoadList<Expectation>(
      expect_path, batch.process.decode.max_bytes, &ParseExpectations);
  std::vector<Acceptance> acceptances = LoadList<Acceptance>(
      accept_path, batch.process.decode.max_bytes, &ParseAcceptances);

  // RunBatch carries strings; each file's result waits here under its key.
  // The serializers share it by pointer, not by reference: a worker RunBatch
  // gave up on (timeout) may finish after this function returned.
  struct Kept {
    std::vector<Expectation> expectations;
    std::vector<Acceptance> acceptances;
    std::mutex mutex;
    std::map<std::string, CheckedFile> files;
    std::uint64_t next = 0;
    std::string Keep(CheckedFile file) {
      std::lock_guard<std::mutex> lock(mutex);
      const std::string key = std::to_string(next++);
      files.emplace(key, std::move(file));
      return key;
    }
    CheckedFile Take(std::string_view key) {
      std::lock_guard<std::mutex> lock(mutex);
      auto found = files.find(std::string(key));
      CheckedFile file = std::move(found->second);
      files.erase(found);
      return file;
    }
  };
  auto kept = std::make_shared<Kept>();
  kept->expectations = std::move(expectations);
  kept->acceptances = std::move(acceptances);
  batch.serialize = [kept](const Report& report) {
    return kept->Keep(
        CheckedFileOf(report, kept->expectations, kept->acceptances));
  };
  batch.serialize_error = [kept](const std::string& path, const Error& error) {
    CheckedFile file;
    file.path = path;
    file.error = error.message;
    return kept->Keep(std::move(file));
  };
  std::string json;
  {
    py::gil_scoped_release release;
    std::vector<CheckedFile> files;
    RunBatch(paths, batch, [&](std::string_view key) {
      files.push_back(kept->Take(key));
      return true;
    });
    for (std::size_t i = 0; i < files.size() && i < paths.size(); ++i)
      files[i].path = paths[i];
    json = WriteCheckJson(files, strict);
  }
  return json;
}

// ---- indicators and table --------------------------------------------------

// The CSV as bytes: pandas reads UTF-8 bytes as they are, where a str would
// be decoded and widened first.
std::pair<py::bytes, std::vector<Failure>> IndicatorsCsv(
    const std::vector<std::string>& paths, const py::dict& decode, int jobs,
    double timeout) {
  CheckBatchArguments(jobs, timeout);
  BatchResult result = RunWithoutGil(
      paths, ToDecodeOptions(decode, timeout), jobs, timeout,
      [](const Report& report) { return WriteIndicatorsCsv(report); });
  std::string csv = CsvHeader();
  for (const std::string& rows : result.outputs) csv += rows;
  return {py::bytes(csv), std::move(result.failures)};
}

// `lawreport table [--indicators …] [--role …] [--wide]` as one CSV.
std::pair<py::bytes, std::vector<Failure>> TableCsv(
    const std::vector<std::string>& paths, const py::dict& decode, int jobs,
    double timeout, const std::vector<std::string>& indicators,
    const std::string& role, bool wide) {
  CheckBatchArguments(jobs, timeout);
  if (!role.empty() && role != "actual" && role != "target") {
    Raise("", Error{ErrorCode::kInvalidArgument,
                    "role must be 'actual' or 'target', not '" + role + "'"});
  }
  std::vector<std::string> select;
  for (const std::string& id : indicators) {
    const std::vector<std::string> ids = ExpandCanonicalSelection({id});
    if (ids.empty() || (ids.size() == 1 && !FindCanonical(ids.front()))) {
      Raise("", Error{ErrorCode::kInvalidArgument,
                      "unknown canonical indicator '" + id + "'"});
    }
    select.insert(select.end(), ids.begin(), ids.end());
  }
  std::vector<std::string> columns = select;
  if (columns.empty()) {
    for (const CanonicalEntry& entry : CanonicalCatalogue())
      columns.push_back(entry.id);
  }
  BatchResult result = RunWithoutGil(
      paths, ToDecodeOptions(decode, timeout), jobs, timeout,
      [&](const Report& report) {
        if (wide) {
          return WideCsvRow(report, columns,
                            role == "target" ? Role::kTarget : Role::kActual);
        }
        std::vector<PanelRow> rows = PanelRows(report, select);
        if (!role.empty()) {
          std::erase_if(rows,
                        [&](const PanelRow& row) { return row.role != role; });
        }
        return PanelCsv(rows);
      });
  std::string csv = wide ? WideCsvHeader(columns) : PanelCsvHeader();
  for (const std::string& rows : result.outputs) csv += rows;
  return {py::bytes(csv), std::move(result.failures)};
}

std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths,
                                     const std::string& files_from,
                                     const std::string& glob) {
  std::optional<Result<std::vector<std::string>>> expanded;
  {
    py::gil_scoped_release release;
    expanded.emplace(ExpandInputs(InputSelection{paths, files_from, glob}));
  }
  if (!expanded->ok()) {
    Raise(files_from.empty() ? "" : files_from, expanded->error());
  }
  return std::move(**expanded);
}

}  // namespace
}  // namespace lawreport::python

PYBIND11_MODULE(_lawreport, module) {
  using namespace lawreport::python;
  module.doc() =
      "lawreport's C++ library; use the lawreport package, not this module.";
  module.def("version", [] { return std::string(lawreport::Version()); });
  module.def("schema_version",
             [] { return std::string(lawreport::kSchemaVersion); });
  module.def("extract_path", &ExtractPath, py::arg("path"), py::arg("decode"),
             py::arg("timeout"));
  module.def("extract_bytes", &ExtractBytes, py::arg("data"), py::arg("name"),
             py::arg("decode"));
  module.def("extract_many", &ExtractMany, py::arg("paths"), py::arg("decode"),
             py::arg("jobs"), py::arg("timeout"));
  module.def("text", &TextOf, py::arg("path"), py::arg("data"), py::arg("name"),
             py::arg("decode"), py::arg("numbered"), py::arg("pages"));
  module.def("check_bytes", &CheckBytes, py::arg("data"), py::arg("name"),
             py::arg("decode"), py::arg("strict"), py::arg("expect"),
             py::arg("accept"));
  module.def("check", &Check, py::arg("paths"), py::arg("decode"),
             py::arg("jobs"), py::arg("timeout"), py::arg("strict"),
             py::arg("expect"), py::arg("accept"));
  module.def("indicators_csv", &IndicatorsCsv, py::arg("paths"),
             py::arg("decode"), py::arg("jobs"), py::arg("timeout"));
  module.def("table_csv", &TableCsv, py::arg("paths"), py::arg("decode"),
             py::arg("jobs"), py::arg("timeout"), py::arg("indicators"),
             py::arg("role"), py::arg("wide"));
  module.def("expand_inputs", &ExpandPaths, py::arg("paths"),
             py::arg("files_from"), py::arg("glob"));
}
