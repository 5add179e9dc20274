// The panel and diff writers (lawreport/panel.h): `lawreport table` as long
// CSV, JSON Lines and wide CSV, and `lawreport diff` as text, CSV and JSON.
// The rows themselves are built by the panel stage (src/panel/panel.cc).
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lawreport/panel.h"
#include "util/terminal.h"
#include "write/csv_field.h"
#include "write/json_out.h"

namespace lawreport {
namespace {

using write_internal::AppendCsvField;

std::string YearText(const std::optional<int>& year) {
  return year ? std::to_string(*year) : "";
}

std::string Percent(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

// JSON writes null where CSV leaves a field empty.
std::optional<std::string> NullIfEmpty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

}  // namespace

std::string PanelCsvHeader() {
  return "issuer,year,kind,canonical,name,value,unit,label,file,line,"
         "qualifier,direction,upper,decimals,page,start,end,role,period_from,"
         "period_to,aggregate,body\r\n";
}

std::string PanelCsv(const std::vector<PanelRow>& rows) {
  std::string out;
  for (const PanelRow& row : rows) {
    std::string line;
    for (const std::string& field :
         {row.issuer,
          YearText(row.year),
          row.kind,
          row.canonical,
          row.name,
          row.value.ToString(),
          row.unit,
          row.label,
          row.file,
          std::to_string(row.line),
          row.qualifier,
          row.direction,
          row.upper ? row.upper->ToString() : std::string(),
          std::to_string(row.decimals),
          row.page > 0 ? std::to_string(row.page) : std::string(),
          std::to_string(row.start),
          std::to_string(row.end),
          row.role,
          YearText(row.period_from),
          YearText(row.period_to),
          row.aggregate,
          row.body}) {
      AppendCsvField(line, field);
    }
    out += line + "\r\n";
  }
  return out;
}

std::string PanelJsonLines(const std::vector<PanelRow>& rows) {
  std::string out;
  for (const PanelRow& row : rows) {
    write_internal::JsonOut json(-1);
    json.BeginObject();
    json.Field("issuer", row.issuer);
    json.Field("year", row.year);
    json.Field("kind", row.kind);
    json.Field("canonical", row.canonical);
    json.Field("name", row.name);
    json.Field("value", row.value);
    json.Field("unit", row.unit);
    json.Field("label", row.label);
    json.PathFields(row.file, "file");
    json.Field("line", row.line);
    json.Field("qualifier", NullIfEmpty(row.qualifier));
    json.Field("direction", NullIfEmpty(row.direction));
    json.Field("upper", row.upper);
    json.Field("decimals", row.decimals);
    json.Field("page",
               row.page > 0 ? std::optional<int>(row.page) : std::nullopt);
    json.Field("start", static_cast<std::uint64_t>(row.start));
    json.Field("end", static_cast<std::uint64_t>(row.end));
    json.Field("role", row.role);
    json.Key("period");
    json.BeginObject();
    json.Field("from", row.period_from);
    json.Field("to", row.period_to);
    json.EndObject();
    json.Field("aggregate", row.aggregate);
    json.Field("body", row.body);
    json.EndObject();
    out += json.Take() + "\n";
  }
  return out;
}

std::string WideCsvHeader(const std::vector<std::string>& ids) {
  std::string line;
  for (const std::string& field : {std::string("file"), std::string("issuer"),
                                   std::string("year"), std::string("kind")}) {
    AppendCsvField(line, field);
  }
  for (const std::string& id : ids) AppendCsvField(line, id);
  return line + "\r\n";
}

std::string WideCsvRow(const Report& report,
                       const std::vector<std::string>& ids, Role role) {
  const DocumentInfo& document = report.outline.document;
  std::map<std::string, std::string> first;
  for (const Indicator& indicator : report.indicators) {
    if (!indicator.canonical || first.count(*indicator.canonical)) continue;
    if (indicator.role != role || indicator.aggregate != Aggregate::kPoint)
      continue;
    // A result of another year (a stock at last year's end, a base year)
    // is not this report's figure.
    if (role == Role::kActual && document.year && indicator.period.to &&
        *indicator.period.to != *document.year) {
      continue;
    }
    first[*indicator.canonical] = indicator.value.ToString();
  }
  std::string line;
  AppendCsvField(line, report.source.path);
  AppendCsvField(line, document.issuer.value_or(""));
  AppendCsvField(line, YearText(document.year));
  AppendCsvField(line, ReportKindName(document.kind));
  for (const std::string& id : ids) {
    const auto found = first.find(id);
    AppendCsvField(line, found == first.end() ? "" : found->second);
  }
  return line + "\r\n";
}

std::string DiffCsv(const std::vector<DiffRow>& rows) {
  // Columns after `status` were added later, at the end, so that readers by
  // position keep working.
  std::string out =
      "key,name,unit,old,new,change,change_percent,status,change_unit,"
      "old_line,new_line\r\n";
  const auto line_text = [](const std::optional<int>& line) {
    return line ? std::to_string(*line) : std::string();
  };
  for (const DiffRow& row : rows) {
    std::string line;
    for (const std::string& field :
         {row.key, row.name, row.unit,
          row.old_value ? row.old_value->ToString() : std::string(),
          row.new_value ? row.new_value->ToString() : std::string(),
          row.change ? row.change->ToString() : std::string(),
          row.change_percent ? Percent(*row.change_percent) : std::string(),
          row.status, row.change_unit, line_text(row.old_line),
          line_text(row.new_line)}) {
      AppendCsvField(line, field);
    }
    out += line + "\r\n";
  }
  return out;
}

std::string DiffJson(const std::vector<DiffRow>& rows,
                     const std::string& before, const std::string& after) {
  write_internal::JsonOut json(2);
  json.BeginObject();
  json.Field("old", before);
  json.Field("new", after);
  json.Key("rows");
  json.BeginArray();
  for (const DiffRow& row : rows) {
    json.BeginObject();
    json.Field("key", row.key);
    json.Field("name", row.name);
    json.Field("unit", row.unit);
    json.Field("old", row.old_value);
    json.Field("new", row.new_value);
    json.Field("change", row.change);
    json.Key("change_percent");
    if (row.change_percent) {
      json.RawNumber(Percent(*row.change_percent));
    } else {
      json.Null();
    }
    json.Field("status", row.status);
    json.Field("change_unit", row.change_unit);
    json.Field("old_line", row.old_line);
    json.Field("new_line", row.new_line);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return json.Take() + "\n";
}

std::string DiffText(const std::vector<DiffRow>& rows,
                     const std::string& before, const std::string& after) {
  std::string out = "old: " + before + "\nnew: " + after + "\n\n";
  const auto line_text = [](const std::optional<int>& line) {
    return line ? std::to_string(*line) : std::string("—");
  };
  for (const DiffRow& row : rows) {
    std::string line = row.name + " (" + row.key + ")  ";
    line += (row.old_value ? row.old_value->ToString() : "—") + " → " +
            (row.new_value ? row.new_value->ToString() : "—") + " " + row.unit;
    if (row.status == "same") {
      line += "  same";
    } else if (row.change) {
      line += "  " + std::string(row.change->negative() ? "" : "+") +
              row.change->ToString() + " " + row.change_unit;
      if (row.change_percent) {
        line += " (" + std::string(*row.change_percent < 0 ? "" : "+") +
                Percent(*row.change_percent) + "%)";
      }
    } else {
      line += "  " + row.status;
    }
    line += "  [lines " + line_text(row.old_line) + " → " +
            line_text(row.new_line) + "]";
    out += line + "\n";
  }
  NeutralizeControls(out);
  return out;
}

}  // namespace lawreport
