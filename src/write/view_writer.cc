// `lawreport view`: the report's text with its figures and checks in place,
// as one self-contained HTML page (include/lawreport/view.h).
//
// The page reads without JavaScript: the text, the highlights (with title
// attributes), the checks and the indicator table are all in the markup.
// The script (data/view/view.js) adds the filter, the CSV download, and the
// details of a figure on hover or focus, from the JSON block.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lawreport/view.h"
#include "lawreport/write.h"
#include "lexicon/lexicon.h"
#include "write/html_page.h"
#include "write/indicator_csv.h"
#include "write/json_out.h"

namespace lawreport {
namespace {

using write_internal::AppendHtmlText;
using write_internal::JsonOut;

std::string PeriodText(const Indicator& indicator) {
  const Period& period = indicator.period;
  if (!period.from && !period.to) return "";
  if (period.from && period.to && *period.from == *period.to)
    return std::to_string(*period.to);
  return (period.from ? std::to_string(*period.from) : std::string()) + "–" +
         (period.to ? std::to_string(*period.to) : std::string());
}

std::string ValueText(const Indicator& indicator) {
  std::string value = indicator.value.ToString();
  if (indicator.upper) value += "–" + indicator.upper->ToString();
  if (!indicator.unit.empty()) value += " " + indicator.unit;
  return value;
}

// What a highlight's title says of one figure, one line per field:
// "收到行政复议申请 = 31 件\nkind count · actual 2023 (point)\n…".
std::string FigureTitle(const Indicator& indicator) {
  std::string title =
      indicator.id + ": " +
      (indicator.label.empty() ? "(no label)" : indicator.label) + " = " +
      ValueText(indicator);
  if (indicator.qualifier != Qualifier::kNone)
    title += std::string(" (") + QualifierName(indicator.qualifier) + ")";
  if (indicator.direction != Direction::kNone)
    title += std::string(" [") + DirectionName(indicator.direction) + "]";
  title += std::string("\nkind ") + UnitKindName(indicator.kind) + " · " +
           RoleName(indicator.role);
  const std::string period = PeriodText(indicator);
  if (!period.empty()) title += " " + period;
  title += std::string(" (") + AggregateName(indicator.aggregate) + ")";
  if (indicator.canonical) title += "\ncanonical " + *indicator.canonical;
  title += "\nrule " + indicator.rule;
  return title;
}

const char* StatusSymbol(FindingStatus status) {
  switch (status) {
    case FindingStatus::kPass:
      return "✓";
    case FindingStatus::kMismatch:
      return "✗";
    case FindingStatus::kUnverifiable:
      return "?";
    case FindingStatus::kAccepted:
      return "≈";
  }
  return "?";
}

class ViewWriter {
 public:
  explicit ViewWriter(const Report& report) : report_(report) {
    const std::vector<Line>& lines = report.text.lines();
    figures_by_line_.resize(lines.size() + 1);
    for (std::size_t i = 0; i < report.indicators.size(); ++i) {
      const Indicator& indicator = report.indicators[i];
      // The first line whose source span ends after the figure starts; a
      // figure (rarely) runs over more than one line.
      auto line = std::lower_bound(lines.begin(), lines.end(), indicator.start,
                                   [](const Line& l, std::size_t start) {
                                     return l.source_end < start;
                                   });
      bool placed = false;
      for (; line != lines.end() && line->source_begin < indicator.end;
           ++line) {
        figures_by_line_[static_cast<std::size_t>(line - lines.begin()) + 1]
            .push_back(i);
        placed = true;
      }
      // An empty span (never expected) still gets its line, so that every
      // figure is on the page.
      if (!placed && indicator.line > 0 &&
          static_cast<std::size_t>(indicator.line) < figures_by_line_.size())
        figures_by_line_[static_cast<std::size_t>(indicator.line)].push_back(i);
    }
    for (std::size_t i = 0; i < report.checks.size(); ++i)
      checks_by_line_[report.checks[i].line].push_back(i);
    for (const Table& table : report.text.tables()) {
      if (IsGrid(table)) grids_[table.first_line] = &table;
    }
  }

  std::string Write() {
    const std::string style(lexicon::EmbeddedFile("view.css"));
    const std::string script(lexicon::EmbeddedFile("view.js"));
    const DocumentInfo& document = report_.outline.document;
    const std::string title =
        (document.title ? *document.title : report_.source.path) +
        " — lawreport view";
    out_.reserve(report_.text.source().size() * 3 + 65536);
    out_ += write_internal::PageHead(title, style, script);
    out_ +=
        "<body>\n<a class=\"skip\" href=\"#text\">跳到正文 Skip to text</a>\n";
    WriteHeader();
    out_ += "<div class=\"layout\">\n";
    WriteNavigation();
    out_ += "<main>\n";
    WriteText();
    WriteCheckList();
    WriteIndicatorTable();
    out_ += "</main>\n</div>\n";
    out_ +=
        "<aside id=\"figure-info\" class=\"figure-info\" aria-live=\"polite\" "
        "hidden></aside>\n";
    out_ += "<script type=\"application/json\" id=\"lawreport-data\">";
    write_internal::AppendJsonForScript(out_, DataJson());
    out_ += "</script>\n<script>";
    out_ += script;
    out_ += "</script>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  // A table from markup (HTML, DOCX) whose cells are lines of their own is
  // drawn as a grid; a plain-text table keeps its lines, which already read
  // as one.
  bool IsGrid(const Table& table) const {
    if (table.from_text || table.cells.empty()) return false;
    const std::vector<Line>& lines = report_.text.lines();
    std::set<int> seen;
    return std::all_of(
        table.cells.begin(), table.cells.end(), [&](const TableCell& cell) {
          if (cell.line < 1 || cell.line > static_cast<int>(lines.size()) ||
              !seen.insert(cell.line).second)
            return false;
          const Line& line = lines[static_cast<std::size_t>(cell.line) - 1];
          return (cell.begin == 0 && cell.end == 0) ||
                 (cell.begin == line.begin && cell.end == line.end);
        });
  }

  void WriteHeader() {
    const DocumentInfo& document = report_.outline.document;
    const SourceInfo& source = report_.source;
    out_ += "<header class=\"report-header\">\n<h1>";
    AppendHtmlText(out_, document.title ? *document.title : source.path);
    out_ += "</h1>\n<dl class=\"facts\">";
    const auto fact = [this](std::string_view name, std::string_view value) {
      out_ += "<div><dt>";
      out_ += name;
      out_ += "</dt><dd>";
      AppendHtmlText(out_, value);
      out_ += "</dd></div>";
    };
    fact("issuer", document.issuer ? *document.issuer : "—");
    fact("year", document.year ? std::to_string(*document.year) : "—");
    fact("kind", ReportKindName(document.kind));
    fact("file", source.path);
    fact("format", source.format);
    fact("encoding", source.encoding + (source.bom ? " (BOM)" : ""));
    fact("bytes", std::to_string(source.bytes));
    int pages = 0;
    for (const Indicator& indicator : report_.indicators)
      pages = std::max(pages, indicator.page);
    if (!report_.text.lines().empty())
      pages = std::max(pages,
                       report_.text.PageAt(report_.text.lines().back().begin));
    if (pages > 0) fact("pages", std::to_string(pages));
    fact("lines", std::to_string(report_.text.line_count()));
    out_ += "<div class=\"sha\"><dt>sha256</dt><dd><code>";
    AppendHtmlText(out_, source.sha256);
    out_ += "</code></dd></div></dl>\n<p class=\"counts\">";

    std::map<std::string, int> kinds;
    int targets = 0;
    for (const Indicator& indicator : report_.indicators) {
      ++kinds[UnitKindName(indicator.kind)];
      if (indicator.role == Role::kTarget) ++targets;
    }
    out_ += "<span class=\"count\" id=\"count-indicators\">" +
            std::to_string(report_.indicators.size()) + " indicators</span>";
    for (const auto& [kind, count] : kinds) {
      out_ += " <span class=\"count k-" + kind + "\">" + kind + " " +
              std::to_string(count) + "</span>";
    }
    out_ += " <span class=\"count target\">target " + std::to_string(targets) +
            "</span>";
    std::map<std::string, int> statuses;
    for (const Finding& finding : report_.checks)
      ++statuses[FindingStatusName(finding.status)];
    out_ += " · <span class=\"count\" id=\"count-checks\">" +
            std::to_string(report_.checks.size()) + " checks</span>";
    for (const auto& [status, count] : statuses) {
      out_ += " <a class=\"count st-" + status + "\" href=\"#checks\">" +
              status + " " + std::to_string(count) + "</a>";
    }
    out_ += "</p>\n</header>\n";
  }

  void WriteSections(const std::vector<Section>& sections) {
    if (sections.empty()) return;
    out_ += "<ul>";
    for (const Section& section : sections) {
      out_ += "<li><a href=\"#L" + std::to_string(section.line) + "\">";
      AppendHtmlText(out_, section.marker);
      AppendHtmlText(out_, section.title);
      out_ += "</a>";
      WriteSections(section.children);
      out_ += "</li>";
    }
    out_ += "</ul>";
  }

  void WriteNavigation() {
    out_ += "<nav class=\"outline\" aria-label=\"outline\">\n<h2>Outline</h2>";
    WriteSections(report_.outline.sections);
    if (!report_.outline.appendix.empty()) {
      out_ += "<ul class=\"appendix\">";
      for (const AppendixPart& part : report_.outline.appendix) {
        out_ += "<li><a href=\"#L" + std::to_string(part.line) + "\">";
        AppendHtmlText(out_, part.title);
        out_ += "</a></li>";
      }
      out_ += "</ul>";
    }
    out_ +=
        "<p><a href=\"#checks\">Checks</a> · <a "
        "href=\"#indicators\">Indicators</a></p>\n</nav>\n";
  }

  // One line's text with its figures marked. Figures may overlap (three
  // rates sharing "均为100%"), so the line is cut at every figure's start and
  // end and each piece is marked with all the figures covering it.
  void WriteLineText(int number) {
    const Line& line =
        report_.text.lines()[static_cast<std::size_t>(number) - 1];
    const std::string& source = report_.text.source();
    const std::vector<std::size_t>& figures =
        figures_by_line_[static_cast<std::size_t>(number)];
    if (figures.empty()) {
      AppendHtmlText(
          out_, std::string_view(source).substr(
                    line.source_begin, line.source_end - line.source_begin));
      return;
    }
    std::vector<std::size_t> cuts = {line.source_begin, line.source_end};
    for (std::size_t index : figures) {
      const Indicator& indicator = report_.indicators[index];
      cuts.push_back(
          std::clamp(indicator.start, line.source_begin, line.source_end));
      cuts.push_back(
          std::clamp(indicator.end, line.source_begin, line.source_end));
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    for (std::size_t index : figures) {
      const Indicator& indicator = report_.indicators[index];
      // A figure whose span is empty on this line is anchored at its start.
      if (indicator.end <= line.source_begin ||
          indicator.start >= line.source_end ||
          indicator.start == indicator.end)
        MarkEmpty(indicator, line);
    }
    for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
      const std::size_t begin = cuts[c];
      const std::size_t end = cuts[c + 1];
      std::vector<const Indicator*> covering;
      for (std::size_t index : figures) {
        const Indicator& indicator = report_.indicators[index];
        if (indicator.start <= begin && indicator.end >= end &&
            indicator.start < indicator.end)
          covering.push_back(&indicator);
      }
      const std::string_view piece =
          std::string_view(source).substr(begin, end - begin);
      if (covering.empty()) {
        AppendHtmlText(out_, piece);
        continue;
      }
      for (const Indicator* indicator : covering) {
        if (indicator->start == begin && anchored_.insert(indicator->id).second)
          out_ += "<span class=\"anchor\" id=\"" + indicator->id + "\"></span>";
      }
      WriteMark(covering, piece);
    }
  }

  void MarkEmpty(const Indicator& indicator, const Line&) {
    if (!anchored_.insert(indicator.id).second) return;
    out_ += "<span class=\"anchor\" id=\"" + indicator.id + "\"></span>";
    WriteMark({&indicator}, "");
  }

  void WriteMark(const std::vector<const Indicator*>& covering,
                 std::string_view piece) {
    bool target = false;
    std::string ids;
    std::string title;
    for (const Indicator* indicator : covering) {
      target = target || indicator->role == Role::kTarget;
      if (!ids.empty()) ids += ' ';
      ids += indicator->id;
      if (!title.empty()) title += "\n\n";
      title += FigureTitle(*indicator);
    }
    out_ += "<mark class=\"fig k-";
    out_ += UnitKindName(covering.front()->kind);
    if (target) out_ += " target";
    if (covering.size() > 1) out_ += " multi";
    out_ += "\" tabindex=\"0\" data-ids=\"" + ids + "\" title=\"";
    AppendHtmlText(out_, title);
    out_ += "\">";
    AppendHtmlText(out_, piece);
    out_ += "</mark>";
  }

  void WriteLine(int number, const char* tag) {
    const std::string n = std::to_string(number);
    out_ += "<";
    out_ += tag;
    out_ += " class=\"ln";
    if (HasMismatch(number)) out_ += " has-mismatch";
    out_ += "\" id=\"L" + n + "\"><a class=\"n\" href=\"#L" + n +
            "\" aria-label=\"line " + n + "\">" + n + "</a><span class=\"t\">";
    WriteLineText(number);
    out_ += "</span></";
    out_ += tag;
    out_ += ">";
  }

  bool HasMismatch(int number) const {
    auto found = checks_by_line_.find(number);
    if (found == checks_by_line_.end()) return false;
    return std::any_of(
        found->second.begin(), found->second.end(), [this](std::size_t i) {
          return report_.checks[i].status == FindingStatus::kMismatch;
        });
  }

  void WriteChecksAt(int number) {
    auto found = checks_by_line_.find(number);
    if (found == checks_by_line_.end()) return;
    for (std::size_t index : found->second) WriteCheck(report_.checks[index]);
  }

  void WriteCheck(const Finding& finding) {
    const std::string status = FindingStatusName(finding.status);
    out_ += "<div class=\"check st-" + status + "\" id=\"" + finding.id +
            "\" data-line=\"" + std::to_string(finding.line) +
            "\" role=\"note\"><span class=\"verdict\">";
    out_ += StatusSymbol(finding.status);
    out_ += " " + status + "</span> <span class=\"type\">";
    out_ += FindingTypeName(finding.type);
    out_ += "</span> <code class=\"expression\">";
    AppendHtmlText(out_, finding.expression);
    out_ += "</code>";
    if (finding.stated || finding.computed) {
      out_ += " <span class=\"values\">stated <b class=\"stated\">";
      AppendHtmlText(out_, finding.stated ? finding.stated->ToString() : "—");
      out_ += "</b>, computed <b class=\"computed\">";
      AppendHtmlText(out_,
                     finding.computed ? finding.computed->ToString() : "—");
      out_ += "</b></span>";
    }
    out_ += " <span class=\"message\">";
    AppendHtmlText(out_, finding.message);
    out_ += "</span>";
    if (!finding.accepted_reason.empty()) {
      out_ += " <span class=\"reason\">";
      AppendHtmlText(out_, finding.accepted_reason);
      out_ += "</span>";
    }
    out_ += " <span class=\"uses\">";
    for (const std::string& id : finding.indicators) {
      out_ += "<a href=\"#";
      AppendHtmlText(out_, id);
      out_ += "\">";
      AppendHtmlText(out_, id);
      out_ += "</a> ";
    }
    out_ += "</span></div>\n";
  }

  void WriteGrid(const Table& table) {
    out_ += "<div class=\"grid-wrap\"><table class=\"grid\">";
    std::vector<const TableCell*> cells;
    for (const TableCell& cell : table.cells) cells.push_back(&cell);
    std::stable_sort(
        cells.begin(), cells.end(), [](const TableCell* a, const TableCell* b) {
          return a->row != b->row ? a->row < b->row : a->column < b->column;
        });
    int row = -1;
    for (const TableCell* cell : cells) {
      if (cell->row != row) {
        if (row >= 0) out_ += "</tr>";
        out_ += "<tr>";
        row = cell->row;
      }
      out_ += "<td";
      if (cell->row_span > 1)
        out_ += " rowspan=\"" + std::to_string(cell->row_span) + "\"";
      if (cell->column_span > 1)
        out_ += " colspan=\"" + std::to_string(cell->column_span) + "\"";
      out_ += ">";
      if (cell->line >= 1 && cell->line <= report_.text.line_count() &&
          written_.insert(cell->line).second)
        WriteLine(cell->line, "div");
      out_ += "</td>";
    }
    if (row >= 0) out_ += "</tr>";
    out_ += "</table></div>\n";
    // Checks of the table's cells, and lines inside it that are no cell,
    // below the grid.
    for (int number = table.first_line; number <= table.last_line; ++number) {
      if (number < 1 || number > report_.text.line_count()) continue;
      if (written_.insert(number).second) {
        WriteLine(number, "div");
        out_ += "\n";
      }
      WriteChecksAt(number);
    }
  }

  void WriteText() {
    out_ += "<section id=\"text\" class=\"text\" aria-label=\"report text\">\n";
    const int count = report_.text.line_count();
    // Lines go in chunks the browser may leave unrendered while off screen
    // (content-visibility in view.css): a 2.7 MB report is 6 000 long lines,
    // and laying them all out before the first paint took seconds.
    constexpr int kChunkLines = 100;
    int chunk_start = 1;
    out_ += "<div class=\"chunk\">\n";
    for (int number = 1; number <= count; ++number) {
      if (number - chunk_start >= kChunkLines) {
        out_ += "</div>\n<div class=\"chunk\">\n";
        chunk_start = number;
      }
      auto grid = grids_.find(number);
      if (grid != grids_.end()) {
        WriteGrid(*grid->second);
        number = std::max(number, grid->second->last_line);
        continue;
      }
      if (!written_.insert(number).second) continue;
      WriteLine(number, "div");
      out_ += "\n";
      WriteChecksAt(number);
    }
    out_ += "</div>\n";
    // A check whose line is outside the text (0: the report as a whole).
    for (const auto& [line, indices] : checks_by_line_) {
      if (line >= 1 && line <= count) continue;
      for (std::size_t index : indices) WriteCheck(report_.checks[index]);
    }
    out_ += "</section>\n";
  }

  void WriteCheckList() {
    out_ += "<section id=\"checks\" class=\"checks\">\n<h2>Checks</h2>\n";
    if (report_.checks.empty()) out_ += "<p>No relations to check.</p>\n";
    out_ += "<ol class=\"check-list\">\n";
    // Mismatches first: they are what a reviewer came for.
    std::vector<const Finding*> ordered;
    for (const Finding& finding : report_.checks) ordered.push_back(&finding);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Finding* a, const Finding* b) {
                       return (a->status == FindingStatus::kMismatch) >
                              (b->status == FindingStatus::kMismatch);
                     });
    for (const Finding* finding : ordered) {
      const std::string status = FindingStatusName(finding->status);
      out_ += "<li class=\"st-" + status + "\"><a href=\"#" + finding->id +
              "\">line " + std::to_string(finding->line) + "</a> ";
      out_ += StatusSymbol(finding->status);
      out_ += " " + status + " <span class=\"type\">";
      out_ += FindingTypeName(finding->type);
      out_ += "</span> <code>";
      AppendHtmlText(out_, finding->expression);
      out_ += "</code> ";
      AppendHtmlText(out_, finding->relation);
      out_ += "</li>\n";
    }
    out_ += "</ol>\n</section>\n";
  }

  void WriteIndicatorTable() {
    out_ +=
        "<section id=\"indicators\" "
        "class=\"indicators\">\n<h2>Indicators</h2>\n"
        "<div class=\"tools\" hidden><label>Filter <input type=\"search\" "
        "id=\"filter\" placeholder=\"label, kind, role, canonical "
        "id\"></label> "
        "<span id=\"shown\"></span> <button type=\"button\" "
        "id=\"download\">Download CSV</button></div>\n"
        "<table class=\"indicator-table\"><thead><tr><th>id</th><th>line</th>"
        "<th>label</th><th>value</th><th>unit</th><th>kind</th>"
        "<th>qualifier</th><th>role</th><th>period</th><th>canonical</th>"
        "</tr></thead>\n<tbody>\n";
    for (const Indicator& indicator : report_.indicators) {
      const std::string canonical =
          indicator.canonical ? *indicator.canonical : "";
      out_ += "<tr data-id=\"" + indicator.id + "\" data-filter=\"";
      AppendHtmlText(out_, indicator.label + " " +
                               UnitKindName(indicator.kind) + " " +
                               RoleName(indicator.role) + " " + canonical);
      out_ += "\"><td><a href=\"#" + indicator.id + "\">" + indicator.id +
              "</a></td><td><a href=\"#L" + std::to_string(indicator.line) +
              "\">" + std::to_string(indicator.line) + "</a></td><td>";
      AppendHtmlText(out_, indicator.label);
      out_ += "</td><td class=\"num\">";
      AppendHtmlText(out_, indicator.value.ToString());
      if (indicator.upper) {
        out_ += "–";
        AppendHtmlText(out_, indicator.upper->ToString());
      }
      out_ += "</td><td>";
      AppendHtmlText(out_, indicator.unit);
      out_ += "</td><td>";
      out_ += UnitKindName(indicator.kind);
      out_ += "</td><td>";
      out_ += QualifierName(indicator.qualifier);
      out_ += "</td><td>";
      out_ += RoleName(indicator.role);
      out_ += "</td><td>";
      AppendHtmlText(out_, PeriodText(indicator));
      out_ += "</td><td>";
      AppendHtmlText(out_, canonical);
      out_ += "</td></tr>\n";
    }
    out_ += "</tbody></table>\n</section>\n";
  }

  // What the script reads: per indicator its details (for the box shown on
  // hover or focus) and its `extract --format csv` fields, so that the
  // download is those very rows.
  std::string DataJson() const {
    JsonOut json(-1);
    json.Reserve(report_.indicators.size() * 400 + 256);
    json.BeginObject();
    json.Field("csv_header", CsvHeader());
    json.Key("indicators");
    json.BeginArray();
    const write_internal::SectionIndex sections =
        write_internal::IndexSections(report_);
    for (const Indicator& indicator : report_.indicators) {
      json.BeginObject();
      json.Field("id", indicator.id);
      json.Field("line", indicator.line);
      json.Field("label", indicator.label);
      json.Field("value", ValueText(indicator));
      json.Field("qualifier", QualifierName(indicator.qualifier));
      json.Field("direction", DirectionName(indicator.direction));
      json.Field("kind", UnitKindName(indicator.kind));
      json.Field("role", RoleName(indicator.role));
      json.Field("period", PeriodText(indicator));
      json.Field("aggregate", AggregateName(indicator.aggregate));
      json.Field("canonical", indicator.canonical);
      json.Field("rule", indicator.rule);
      json.Field("text", indicator.text);
      json.Key("csv");
      json.BeginArray();
      for (const std::string& field :
           write_internal::IndicatorCsvFields(report_, indicator, sections))
        json.String(field);
      json.EndArray();
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
    return json.Take();
  }

  const Report& report_;
  std::string out_;
  std::vector<std::vector<std::size_t>> figures_by_line_;  // by 1-based line
  std::map<int, std::vector<std::size_t>> checks_by_line_;
  std::map<int, const Table*> grids_;  // by first line
  std::set<int> written_;              // lines already on the page
  std::set<std::string> anchored_;     // figures whose anchor is written
};

}  // namespace

std::string WriteViewHtml(const Report& report) {
  return ViewWriter(report).Write();
}

}  // namespace lawreport
