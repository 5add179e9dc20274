// view: a Report → something to look at rather than parse.
//
//   WriteViewHtml(report) → one self-contained HTML page: the report's text
//     as `lawreport text` prints it, every indicator highlighted in place
//     ("收到行政复议申请<mark title="收到行政复议申请 = 31 件 …">31件</mark>"),
//     every check at its line, the outline as navigation and a filterable
//     table of the indicators with a CSV download.
//   WritePanelHtml(rows) → a page with one inline SVG chart per canonical
//     id (reconsideration.received across bodies as bars, or across one
//     body's years as lines) and the long table below. Each point and each
//     row of the table links to the figure: to its report's view page at
//     its line ("views/rongan-2023.txt.html#L61") when the page is given in
//     PanelHtmlOptions, otherwise to the report itself as a file: URL, the
//     line in the link's title.
//   WriteIndicatorsText(report, {.width = 80}) →
//     "  61  收到行政复议申请      31 件        actual 2023
//     reconsideration.received"
// The pages load nothing from elsewhere: their style and script are
// embedded (data/view/) and pinned by a Content-Security-Policy with their
// SHA-256 hashes. The report is untrusted input: every piece of its text is
// escaped, and the data the script reads sits in a JSON block where "</"
// cannot end it.
#ifndef LAWREPORT_VIEW_H_
#define LAWREPORT_VIEW_H_

#include <map>
#include <string>
#include <vector>

#include "lawreport/panel.h"
#include "lawreport/report.h"

namespace lawreport {

// `lawreport view REPORT`.
std::string WriteViewHtml(const Report& report);

// `lawreport table --format html REPORTS… [--view-dir DIR]`.
struct PanelHtmlOptions {
  // PanelRow::file → that report's WriteViewHtml page, as a path relative
  // to the panel page ("views/rongan-2023.txt.html"); percent-encoded here.
  std::map<std::string, std::string> view_pages;
};
std::string WritePanelHtml(const std::vector<PanelRow>& rows,
                           const PanelHtmlOptions& options = {});

// `lawreport extract --format text`: one aligned row per indicator (line,
// label, value with unit and qualifier, role and period, canonical id).
struct TextListingOptions {
  int width = 0;       // terminal columns; 0: no limit (a pipe or a file)
  bool color = false;  // ANSI colours (a terminal, NO_COLOR unset)
};
std::string WriteIndicatorsText(const Report& report,
                                const TextListingOptions& options);

}  // namespace lawreport

#endif  // LAWREPORT_VIEW_H_
