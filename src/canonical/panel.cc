// Panels and diffs over canonical indicators (see panel.h).
#include "lawreport/panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "lawreport/canonical.h"
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

std::vector<PanelRow> PanelRows(const Report& report,
                                const std::vector<std::string>& select) {
  std::vector<PanelRow> rows;
  const DocumentInfo& document = report.outline.document;
  for (const Indicator& indicator : report.indicators) {
    if (!indicator.canonical) continue;
    if (!select.empty() && std::find(select.begin(), select.end(),
                                     *indicator.canonical) == select.end()) {
      continue;
    }
    const CanonicalEntry* entry = FindCanonical(*indicator.canonical);
    PanelRow& row = rows.emplace_back();
    row.issuer = document.issuer.value_or("");
    row.year = document.year;
    row.kind = ReportKindName(document.kind);
    row.canonical = *indicator.canonical;
    row.name = entry ? entry->name : "";
    row.value = indicator.value;
    row.unit = indicator.unit;
    row.label = indicator.label;
    row.file = report.source.path;
    row.line = indicator.line;
    row.qualifier = QualifierName(indicator.qualifier);
    row.direction = DirectionName(indicator.direction);
    row.upper = indicator.upper;
    row.decimals = indicator.value.decimals();
    row.page = indicator.page;
    row.start = indicator.start;
    row.end = indicator.end;
  }
  return rows;
}

std::string PanelCsvHeader() {
  return "issuer,year,kind,canonical,name,value,unit,label,file,line,"
         "qualifier,direction,upper,decimals,page,start,end\r\n";
}

std::string PanelCsv(const std::vector<PanelRow>& rows) {
  std::string out;
  for (const PanelRow& row : rows) {
    std::string line;
    for (const std::string& field :
         {row.issuer, YearText(row.year), row.kind, row.canonical, row.name,
          row.value.ToString(), row.unit, row.label, row.file,
          std::to_string(row.line), row.qualifier, row.direction,
          row.upper ? row.upper->ToString() : std::string(),
          std::to_string(row.decimals),
          row.page > 0 ? std::to_string(row.page) : std::string(),
          std::to_string(row.start), std::to_string(row.end)}) {
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
    json.Field("file", row.file);
    json.Field("line", row.line);
    json.Field("qualifier", NullIfEmpty(row.qualifier));
    json.Field("direction", NullIfEmpty(row.direction));
    json.Field("upper", row.upper);
    json.Field("decimals", row.decimals);
    json.Field("page",
               row.page > 0 ? std::optional<int>(row.page) : std::nullopt);
    json.Field("start", static_cast<std::uint64_t>(row.start));
    json.Field("end", static_cast<std::uint64_t>(row.end));
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
                       const std::vector<std::string>& ids) {
  std::map<std::string, std::string> first;
  for (const Indicator& indicator : report.indicators) {
    if (indicator.canonical && !first.count(*indicator.canonical)) {
      first[*indicator.canonical] = indicator.value.ToString();
    }
  }
  const DocumentInfo& document = report.outline.document;
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

std::vector<DiffRow> DiffReports(const Report& before, const Report& after) {
  // key → (name, unit, value) of each report's first figure with that key.
  struct Figure {
    std::string name, unit;
    Decimal value;
  };
  const auto figures = [](const Report& report) {
    std::map<std::string, Figure> by_key;
    for (const Indicator& indicator : report.indicators) {
      std::string key, name;
      if (indicator.canonical) {
        key = *indicator.canonical;
        const CanonicalEntry* entry = FindCanonical(key);
        name = entry ? entry->name : key;
      } else if (!indicator.label.empty()) {
        key = "label:" + indicator.label + "|" + indicator.unit;
        name = indicator.label;
      } else {
        continue;
      }
      by_key.emplace(key, Figure{name, indicator.unit, indicator.value});
    }
    return by_key;
  };
  const std::map<std::string, Figure> old_figures = figures(before);
  const std::map<std::string, Figure> new_figures = figures(after);

  // Canonical ids in catalogue order, then labels in sorted order.
  std::vector<std::string> keys;
  for (const CanonicalEntry& entry : CanonicalCatalogue()) {
    if (old_figures.count(entry.id) || new_figures.count(entry.id))
      keys.push_back(entry.id);
  }
  std::set<std::string> labels;
  for (const auto* figures_of : {&old_figures, &new_figures}) {
    for (const auto& [key, figure] : *figures_of) {
      if (key.rfind("label:", 0) == 0) labels.insert(key);
    }
  }
  // A label shared by both reports is a comparison; a label in one only is
  // noise between two different texts, so only canonical ids appear/disappear.
  for (const std::string& key : labels) {
    if (old_figures.count(key) && new_figures.count(key)) keys.push_back(key);
  }

  std::vector<DiffRow> rows;
  for (const std::string& key : keys) {
    DiffRow row;
    const auto old_it = old_figures.find(key);
    const auto new_it = new_figures.find(key);
    const Figure& any =
        old_it != old_figures.end() ? old_it->second : new_it->second;
    row.key = key.rfind("label:", 0) == 0 ? "label:" + any.name : key;
    row.name = any.name;
    row.unit = any.unit;
    if (old_it != old_figures.end()) row.old_value = old_it->second.value;
    if (new_it != new_figures.end()) row.new_value = new_it->second.value;
    if (row.old_value && row.new_value) {
      if (old_it->second.unit != new_it->second.unit)
        continue;  // not comparable
      row.change = row.new_value->Minus(*row.old_value);
      const double old_double = row.old_value->ToDouble();
      if (old_double != 0) {
        row.change_percent =
            std::round((row.new_value->ToDouble() - old_double) / old_double *
                       10000) /
            100;
      }
      row.status = *row.new_value == *row.old_value ? "same" : "changed";
    } else {
      row.status = row.new_value ? "appeared" : "disappeared";
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string DiffCsv(const std::vector<DiffRow>& rows) {
  std::string out = "key,name,unit,old,new,change,change_percent,status\r\n";
  for (const DiffRow& row : rows) {
    std::string line;
    for (const std::string& field :
         {row.key, row.name, row.unit,
          row.old_value ? row.old_value->ToString() : std::string(),
          row.new_value ? row.new_value->ToString() : std::string(),
          row.change ? row.change->ToString() : std::string(),
          row.change_percent ? Percent(*row.change_percent) : std::string(),
          row.status}) {
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
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return json.Take() + "\n";
}

std::string DiffText(const std::vector<DiffRow>& rows,
                     const std::string& before, const std::string& after) {
  std::string out = "old: " + before + "\nnew: " + after + "\n\n";
  for (const DiffRow& row : rows) {
    std::string line = row.name + " (" + row.key + ")  ";
    line += (row.old_value ? row.old_value->ToString() : "—") + " → " +
            (row.new_value ? row.new_value->ToString() : "—") + " " + row.unit;
    if (row.status == "same") {
      line += "  same";
    } else if (row.change) {
      line += "  " + std::string(row.change->negative() ? "" : "+") +
              row.change->ToString();
      if (row.change_percent) {
        line += " (" + std::string(*row.change_percent < 0 ? "" : "+") +
                Percent(*row.change_percent) + "%)";
      }
    } else {
      line += "  " + row.status;
    }
    out += line + "\n";
  }
  NeutralizeControls(out);
  return out;
}

}  // namespace lawreport
