// `lawreport table --format html`: a page of small charts, one per canonical
// indicator, drawn here as inline SVG (include/lawreport/view.h).
//
// One body's figures over several years are lines (results solid, targets
// dashed); figures of several bodies, or of one year, are bars (results
// filled, targets hollow). Each bar or point, and each row of the table,
// links to the figure: its report's view page at the line when there is
// one, else the report file, the line in the title.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "lawreport/canonical.h"
#include "lawreport/view.h"
#include "lexicon/lexicon.h"
#include "write/html_page.h"

namespace lawreport {
namespace {

using write_internal::AppendHtmlText;

constexpr double kWidth = 340;
constexpr double kHeight = 190;
constexpr double kLeft = 48;
constexpr double kRight = 8;
constexpr double kTop = 10;
constexpr double kBottom = 46;

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// A value for drawing: a fall (下降1.3%) is drawn below zero.
double Signed(const PanelRow& row) {
  const double value = row.value.ToDouble();
  return row.direction == "down" ? -value : value;
}

std::string BodyName(const PanelRow& row) {
  if (!row.body.empty()) return row.body;
  if (!row.issuer.empty()) return row.issuer;
  return row.file;
}

int YearOf(const PanelRow& row) {
  if (row.period_to) return *row.period_to;
  return row.year.value_or(0);
}

// A path in a URL: every byte but the unreserved ones and "/" is
// percent-encoded, so that a report named "javascript:…", "#1.txt" or
// "融安县.txt" stays a path.
std::string PercentEncoded(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
        (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
        byte == '_' || byte == '~' || byte == '/') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

// Where a figure's link goes: its report's view page at its line, or the
// report itself ("" for stdin, which has no file to open).
std::string FigureHref(const PanelRow& row, const PanelHtmlOptions& options) {
  const auto page = options.view_pages.find(row.file);
  if (page != options.view_pages.end())
    return PercentEncoded(page->second) + "#L" + std::to_string(row.line);
  if (row.file.empty() || row.file == "-") return "";
  std::error_code error;
  const std::filesystem::path absolute =
      std::filesystem::absolute(row.file, error);
  return "file://" + PercentEncoded(error
                                        ? row.file
                                        : absolute.lexically_normal().string());
}

void AppendLinkOpen(std::string& out, const PanelRow& row,
                    const PanelHtmlOptions& options, const char* attributes) {
  out += "<a";
  const std::string href = FigureHref(row, options);
  if (!href.empty()) {
    out += " href=\"";
    AppendHtmlText(out, href);
    out += "\"";
  }
  out += attributes;
  out += ">";
}

void AppendPointLink(std::string& out, const PanelRow& row,
                     const PanelHtmlOptions& options) {
  AppendLinkOpen(
      out, row, options,
      (" class=\"point\" data-line=\"" + std::to_string(row.line) + "\"")
          .c_str());
  out += "<title>";
  AppendHtmlText(
      out, row.file + ":" + std::to_string(row.line) + " — " + row.label + " " +
               row.value.ToString() + " " + row.unit + " (" + row.role +
               (YearOf(row) ? " " + std::to_string(YearOf(row)) : "") + ")");
  out += "</title>";
}

struct Scale {
  double low = 0;
  double high = 1;
  double top = 0;  // the largest value drawn, labelled on the axis
  double Y(double value) const {
    return kTop + (high - value) / (high - low) * (kHeight - kTop - kBottom);
  }
};

Scale ScaleOf(const std::vector<const PanelRow*>& rows) {
  Scale scale;
  scale.low = 0;
  scale.high = 0;
  for (const PanelRow* row : rows) {
    scale.low = std::min(scale.low, Signed(*row));
    scale.high = std::max(scale.high, Signed(*row));
  }
  scale.top = scale.high;
  if (scale.high == scale.low) scale.high = scale.low + 1;
  scale.high += (scale.high - scale.low) * 0.05;
  return scale;
}

void AppendAxes(std::string& out, const Scale& scale) {
  const double zero = scale.Y(0);
  out += "<line class=\"axis\" x1=\"" + Number(kLeft) + "\" y1=\"" +
         Number(zero) + "\" x2=\"" + Number(kWidth - kRight) + "\" y2=\"" +
         Number(zero) + "\"/>";
  out += "<line class=\"axis\" x1=\"" + Number(kLeft) + "\" y1=\"" +
         Number(kTop) + "\" x2=\"" + Number(kLeft) + "\" y2=\"" +
         Number(kHeight - kBottom) + "\"/>";
  std::vector<double> ticks = {scale.low, scale.top};
  if (scale.low < 0 && scale.top > 0) ticks.push_back(0);
  for (const double tick : ticks) {
    // Large amounts in the report's own scale words: 1.458e13 元 reads
    // 14.58万亿.
    char label[32];
    const double size = std::fabs(tick);
    if (size >= 1e12) {
      std::snprintf(label, sizeof label, "%.4g万亿", tick / 1e12);
    } else if (size >= 1e8) {
      std::snprintf(label, sizeof label, "%.4g亿", tick / 1e8);
    } else if (size >= 1e5) {
      std::snprintf(label, sizeof label, "%.4g万", tick / 1e4);
    } else {
      std::snprintf(label, sizeof label, "%.6g", tick);
    }
    out += "<text x=\"" + Number(kLeft - 4) + "\" y=\"" +
           Number(scale.Y(tick) + 3) + "\" text-anchor=\"end\">" + label +
           "</text>";
  }
}

void AppendBars(std::string& out, const std::vector<const PanelRow*>& rows,
                const PanelHtmlOptions& options) {
  const Scale scale = ScaleOf(rows);
  AppendAxes(out, scale);
  const double slot =
      (kWidth - kLeft - kRight) / static_cast<double>(rows.size());
  const double bar = std::max(1.0, slot * 0.7);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const PanelRow& row = *rows[i];
    const double x = kLeft + slot * static_cast<double>(i) + (slot - bar) / 2;
    const double y0 = scale.Y(0);
    const double y1 = scale.Y(Signed(row));
    AppendPointLink(out, row, options);
    out += "<rect class=\"bar " + row.role + "\" x=\"" + Number(x) + "\" y=\"" +
           Number(std::min(y0, y1)) + "\" width=\"" + Number(bar) +
           "\" height=\"" + Number(std::max(0.5, std::fabs(y1 - y0))) +
           "\"/></a>";
    // Names under the bars while they fit.
    if (rows.size() <= 12) {
      std::string name = BodyName(row);
      if (YearOf(row)) name += " " + std::to_string(YearOf(row));
      out += "<text x=\"" + Number(x + bar / 2) + "\" y=\"" +
             Number(kHeight - kBottom + 12) +
             "\" text-anchor=\"end\" transform=\"rotate(-30 " +
             Number(x + bar / 2) + " " + Number(kHeight - kBottom + 12) +
             ")\">";
      AppendHtmlText(out, name);
      out += "</text>";
    }
  }
}

void AppendLines(std::string& out, const std::vector<const PanelRow*>& rows,
                 const std::set<int>& years, const PanelHtmlOptions& options) {
  const Scale scale = ScaleOf(rows);
  AppendAxes(out, scale);
  const int first = *years.begin();
  const int last = *years.rbegin();
  const auto x_of = [&](int year) {
    return kLeft + 10 +
           (kWidth - kLeft - kRight - 20) * (year - first) /
               static_cast<double>(last - first);
  };
  for (const char* role : {"actual", "target"}) {
    // The line through each year's first figure of this stance.
    std::map<int, const PanelRow*> first_of_year;
    for (const PanelRow* row : rows) {
      if (row->role == role) first_of_year.emplace(YearOf(*row), row);
    }
    if (first_of_year.size() >= 2) {
      out += "<polyline class=\"series " + std::string(role) + "\" points=\"";
      for (const auto& [year, row] : first_of_year)
        out += Number(x_of(year)) + "," + Number(scale.Y(Signed(*row))) + " ";
      out += "\"/>";
    }
  }
  for (const PanelRow* row : rows) {
    AppendPointLink(out, *row, options);
    out += "<circle class=\"dot " + row->role + "\" cx=\"" +
           Number(x_of(YearOf(*row))) + "\" cy=\"" +
           Number(scale.Y(Signed(*row))) + "\" r=\"3.5\"/></a>";
  }
  for (const int year : years) {
    out += "<text x=\"" + Number(x_of(year)) + "\" y=\"" +
           Number(kHeight - kBottom + 14) + "\" text-anchor=\"middle\">" +
           std::to_string(year) + "</text>";
  }
}

void AppendChart(std::string& out, const std::string& id,
                 const std::vector<const PanelRow*>& rows,
                 const PanelHtmlOptions& options) {
  std::set<std::string> bodies;
  std::set<int> years;
  for (const PanelRow* row : rows) {
    bodies.insert(BodyName(*row));
    if (YearOf(*row)) years.insert(YearOf(*row));
  }
  bool all_dated = std::all_of(rows.begin(), rows.end(), [](const PanelRow* r) {
    return YearOf(*r) != 0;
  });
  const bool lines = bodies.size() == 1 && years.size() >= 2 && all_dated;
  out += "<figure class=\"chart\" data-canonical=\"";
  AppendHtmlText(out, id);
  out += "\" data-chart=\"";
  out += lines ? "lines" : "bars";
  out += "\"><figcaption>";
  AppendHtmlText(out, rows.front()->name.empty() ? id : rows.front()->name);
  out += " <code>";
  AppendHtmlText(out, id);
  out += "</code>";
  if (!rows.front()->unit.empty()) {
    out += " (";
    AppendHtmlText(out, rows.front()->unit);
    out += ")";
  }
  if (lines) {
    out += " — ";
    AppendHtmlText(out, *bodies.begin());
  }
  out +=
      "</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
      "viewBox=\"0 0 " +
      Number(kWidth) + " " + Number(kHeight) + "\" width=\"" + Number(kWidth) +
      "\" height=\"" + Number(kHeight) + "\">";
  if (lines) {
    AppendLines(out, rows, years, options);
  } else {
    AppendBars(out, rows, options);
  }
  out += "</svg></figure>\n";
}

void AppendTable(std::string& out, const std::vector<PanelRow>& rows,
                 const PanelHtmlOptions& options) {
  out +=
      "<section class=\"long\"><h2>All figures</h2><table "
      "class=\"panel-table\"><thead><tr><th>body</th><th>year</th>"
      "<th>canonical</th><th>name</th><th>value</th><th>unit</th>"
      "<th>role</th><th>period</th><th>label</th><th>file:line</th></tr>"
      "</thead><tbody>\n";
  for (const PanelRow& row : rows) {
    out += "<tr><td>";
    AppendHtmlText(out, BodyName(row));
    out += "</td><td>";
    if (row.year) out += std::to_string(*row.year);
    out += "</td><td>";
    AppendHtmlText(out, row.canonical);
    out += "</td><td>";
    AppendHtmlText(out, row.name);
    out += "</td><td class=\"num\">";
    if (row.direction == "down") out += "−";
    AppendHtmlText(out, row.value.ToString());
    out += "</td><td>";
    AppendHtmlText(out, row.unit);
    out += "</td><td>";
    AppendHtmlText(out, row.role);
    out += "</td><td>";
    if (row.period_from && row.period_to && *row.period_from != *row.period_to)
      out += std::to_string(*row.period_from) + "–";
    if (row.period_to) out += std::to_string(*row.period_to);
    out += "</td><td>";
    AppendHtmlText(out, row.label);
    out += "</td><td>";
    AppendLinkOpen(out, row, options, " class=\"at\"");
    AppendHtmlText(out, row.file + ":" + std::to_string(row.line));
    out += "</a></td></tr>\n";
  }
  out += "</tbody></table></section>\n";
}

}  // namespace

std::string WritePanelHtml(const std::vector<PanelRow>& rows,
                           const PanelHtmlOptions& options) {
  const std::string style(lexicon::EmbeddedFile("view.css"));
  std::string out = write_internal::PageHead("lawreport panel", style, "");
  std::set<std::string> files;
  for (const PanelRow& row : rows) files.insert(row.file);
  out += "<body>\n<header class=\"report-header\"><h1>Panel: " +
         std::to_string(rows.size()) + " figures from " +
         std::to_string(files.size()) + " reports</h1></header>\n";
  out +=
      "<p class=\"legend\"><span class=\"actual\">■ result (actual)</span> · "
      "<span class=\"target\">□ target</span> · each bar or point links to "
      "its figure: " +
      std::string(options.view_pages.empty()
                      ? "the report, its title naming the line"
                      : "the report's page, at its line") +
      "</p>\n";
  // Charts in catalogue order, so that related ids sit together.
  std::map<std::string, std::vector<const PanelRow*>> by_id;
  for (const PanelRow& row : rows) by_id[row.canonical].push_back(&row);
  out += "<div class=\"charts\">\n";
  std::set<std::string> drawn;
  for (const CanonicalEntry& entry : CanonicalCatalogue()) {
    auto found = by_id.find(entry.id);
    if (found == by_id.end()) continue;
    AppendChart(out, entry.id, found->second, options);
    drawn.insert(entry.id);
  }
  for (const auto& [id, id_rows] : by_id) {
    if (!drawn.count(id)) AppendChart(out, id, id_rows, options);
  }
  out += "</div>\n";
  AppendTable(out, rows, options);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace lawreport
