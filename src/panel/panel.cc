// Panels and diffs over canonical indicators (see panel.h): which figures
// of a report form its panel rows, and how two reports' figures pair up.
// Their CSV, JSON and text forms are writers (src/write/panel_writer.cc).
#include "lawreport/panel.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lawreport/canonical.h"
#include "lexicon/lexicon.h"

namespace lawreport {
namespace {

constexpr std::string_view kPanelWordsFile = "panel_words.tsv";

// panel_words.tsv by role.
struct PanelWords {
  std::vector<std::string> issuer_suffixes;  // 人民政府, then 政府
  std::vector<std::string> rate_units;       // %, 个百分点
  std::string points_unit;                   // 个百分点
};

const PanelWords& Words() {
  static const PanelWords words = [] {
    PanelWords loaded;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv(kPanelWordsFile)) {
      const std::string_view role = row.Get("role");
      std::string word(row.Get("word"));
      if (role == "issuer_suffix") {
        loaded.issuer_suffixes.push_back(std::move(word));
      } else if (role == "rate_unit") {
        loaded.rate_units.push_back(std::move(word));
      } else if (role == "points_unit" && loaded.points_unit.empty()) {
        loaded.points_unit = std::move(word);
      } else {
        lexicon::BadLexicon(
            kPanelWordsFile, row.line(),
            "unknown role or a second points_unit: " + std::string(role));
      }
    }
    if (loaded.points_unit.empty())
      lexicon::BadLexicon(kPanelWordsFile, 0, "want a points_unit row");
    return loaded;
  }();
  return words;
}

}  // namespace

std::vector<PanelRow> PanelRows(const Report& report,
                                const std::vector<std::string>& select) {
  std::vector<PanelRow> rows;
  const DocumentInfo& document = report.outline.document;
  const std::string body = BodyOf(report);
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
    row.role = RoleName(indicator.role);
    row.period_from = indicator.period.from;
    row.period_to = indicator.period.to;
    row.aggregate = AggregateName(indicator.aggregate);
    row.body = body;
    row.direction = DirectionName(indicator.direction);
    row.upper = indicator.upper;
    row.decimals = indicator.value.decimals();
    row.page = indicator.page;
    row.start = indicator.start;
    row.end = indicator.end;
  }
  return rows;
}

std::string BodyOf(const Report& report) {
  const std::optional<std::string>& issuer = report.outline.document.issuer;
  if (!issuer) return "";
  // The normalized form folds width variants (ＡＢ市 is AB市) and turns every
  // kind of space into " ", which is then dropped.
  Text text;
  text.AppendLine(*issuer);
  std::string body;
  for (const char c : text.normalized()) {
    if (c != ' ') body.push_back(c);
  }
  for (const std::string_view suffix : Words().issuer_suffixes) {
    if (body.size() > suffix.size() &&
        std::string_view(body).substr(body.size() - suffix.size()) == suffix) {
      body.resize(body.size() - suffix.size());
      break;
    }
  }
  return body;
}

std::optional<std::string> DiffRefusal(const Report& before,
                                       const Report& after) {
  const std::string old_body = BodyOf(before);
  const std::string new_body = BodyOf(after);
  if (!old_body.empty() && !new_body.empty() && old_body != new_body) {
    return "OLD and NEW are reports of different bodies (" + old_body + ", " +
           new_body + ")";
  }
  const DocumentInfo& old_document = before.outline.document;
  const DocumentInfo& new_document = after.outline.document;
  if (old_document.kind != ReportKind::kOther &&
      new_document.kind != ReportKind::kOther &&
      old_document.kind != new_document.kind) {
    return std::string("OLD and NEW are different kinds of report (") +
           ReportKindName(old_document.kind) + ", " +
           ReportKindName(new_document.kind) + ")";
  }
  if (old_document.year && new_document.year &&
      *new_document.year <= *old_document.year) {
    return "NEW (" + std::to_string(*new_document.year) +
           ") is not later than OLD (" + std::to_string(*old_document.year) +
           ")";
  }
  return std::nullopt;
}

namespace {

// One mention of a figure, as the diff compares it.
struct Figure {
  std::string name;
  std::string unit;
  UnitKind kind = UnitKind::kCount;
  Decimal value;  // signed: a fall is negative
  int line = 0;
  // Result or target, point, average or total: only figures of one stance
  // compare (a 2025 result with a 2024 result, not with a 2026 target).
  std::string stance;
};

// A change stated as a fall is a negative value: 下降7.2% is -7.2.
Decimal Signed(const Indicator& indicator) {
  if (indicator.direction != Direction::kDown) return indicator.value;
  return Decimal::FromInt(0).Minus(indicator.value).value_or(indicator.value);
}

// Every figure with a key, in text order per key: the canonical id, or the
// label and unit of an unmapped figure.
std::map<std::string, std::vector<Figure>> FiguresByKey(const Report& report) {
  std::map<std::string, std::vector<Figure>> by_key;
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
    by_key[key].push_back({name, indicator.unit, indicator.kind,
                           Signed(indicator), indicator.line,
                           std::string(RoleName(indicator.role)) + "/" +
                               AggregateName(indicator.aggregate)});
  }
  return by_key;
}

// Rates, shares and growth rates change by percentage points, and their
// change relative to the old rate means little; quantities change by their
// own unit, and relative to the old value.
bool IsRate(const Figure& figure) {
  const std::vector<std::string>& units = Words().rate_units;
  return std::find(units.begin(), units.end(), figure.unit) != units.end();
}

DiffRow Compare(const std::string& key, const Figure* old_figure,
                const Figure* new_figure) {
  const Figure& any = old_figure ? *old_figure : *new_figure;
  DiffRow row;
  row.key = key.rfind("label:", 0) == 0 ? "label:" + any.name : key;
  row.name = any.name;
  row.unit = any.unit;
  row.change_unit = IsRate(any) ? Words().points_unit : any.unit;
  if (old_figure) {
    row.old_value = old_figure->value;
    row.old_line = old_figure->line;
  }
  if (new_figure) {
    row.new_value = new_figure->value;
    row.new_line = new_figure->line;
  }
  if (!old_figure || !new_figure) {
    row.status = new_figure ? "appeared" : "disappeared";
    return row;
  }
  row.change = row.new_value->Minus(*row.old_value);
  const double old_double = row.old_value->ToDouble();
  if (!IsRate(any) && any.kind != UnitKind::kChange && old_double != 0) {
    row.change_percent = std::round((row.new_value->ToDouble() - old_double) /
                                    old_double * 10000) /
                         100;
  }
  row.status = *row.new_value == *row.old_value ? "same" : "changed";
  return row;
}

}  // namespace

std::vector<DiffRow> DiffReports(const Report& before, const Report& after,
                                 const DiffOptions& options) {
  const auto old_figures = FiguresByKey(before);
  const auto new_figures = FiguresByKey(after);

  // Canonical ids in catalogue order, then labels in sorted order. A label
  // shared by both reports is a comparison; a label in one only is noise
  // between two different texts, so only canonical ids appear/disappear.
  std::vector<std::string> keys;
  for (const auto* entries : {&CanonicalCatalogue(), &TemplateCells()}) {
    for (const CanonicalEntry& entry : *entries) {
      if (old_figures.count(entry.id) || new_figures.count(entry.id))
        keys.push_back(entry.id);
    }
  }
  for (const auto& [key, figures] : old_figures) {
    if (key.rfind("label:", 0) == 0 && new_figures.count(key))
      keys.push_back(key);
  }

  std::vector<DiffRow> rows;
  for (const std::string& key : keys) {
    const auto old_it = old_figures.find(key);
    const auto new_it = new_figures.find(key);
    if (old_it == old_figures.end() || new_it == new_figures.end()) {
      const bool in_old = old_it != old_figures.end();
      const Figure& only =
          in_old ? old_it->second.front() : new_it->second.front();
      rows.push_back(
          Compare(key, in_old ? &only : nullptr, in_old ? nullptr : &only));
      continue;
    }
    // The i-th mention of a stance in one report with the i-th of the same
    // stance in the other: results with results, targets with targets,
    // averages with averages; a repeated label keeps its order from year
    // to year.
    std::vector<std::string> stances;
    for (const Figure& figure : old_it->second) {
      if (std::find(stances.begin(), stances.end(), figure.stance) ==
          stances.end()) {
        stances.push_back(figure.stance);
      }
    }
    for (const std::string& stance : stances) {
      std::vector<const Figure*> olds, news;
      for (const Figure& figure : old_it->second) {
        if (figure.stance == stance) olds.push_back(&figure);
      }
      for (const Figure& figure : new_it->second) {
        if (figure.stance == stance) news.push_back(&figure);
      }
      for (std::size_t i = 0; i < std::min(olds.size(), news.size()); ++i) {
        if (olds[i]->unit != news[i]->unit) continue;  // not comparable
        rows.push_back(Compare(key, olds[i], news[i]));
      }
    }
  }
  if (options.changed_only) {
    rows.erase(
        std::remove_if(rows.begin(), rows.end(),
                       [](const DiffRow& row) { return row.status == "same"; }),
        rows.end());
  }
  return rows;
}

}  // namespace lawreport
