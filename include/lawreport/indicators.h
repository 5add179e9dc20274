// indicators: Mention[] → Indicator[], the figures a report states.
//
// Keeps the mentions that quantify a stated fact and drops the rest
// (REPORTS.md §3): years and dates, document numbers and codes, ordinals
// (第四批), numbers inside 《》, “” names and 〔〕, fixed political terms
// (二十大, 十四五), outline markers, and numbers without a unit. Each kept
// mention gets what it measures (label), kind, direction, qualifier and
// section.
//
//   "受理行政许可事项43601件，办结43486件，办结率99.74%"
//   → {label=受理行政许可事项, value=43601, unit=件, kind=count}
//     {label=办结, value=43486, unit=件, kind=count}
//     {label=办结率, value=99.74, unit=%, kind=percent, decimals=2}
//   "参学率、参考率以及合格率均为100%" → three indicators, one per label
//   "工业、制造业投资分别增长9.4％、13.3％" → 工业 +9.4%, 制造业投资 +13.3%
//   "564名执法人员" → label 执法人员 (the label follows the number)
//
// A table cell holding only a number (HTML and DOCX tables) is an indicator
// whose label joins its row headers and its column headers with "/":
//   | 信息内容       | 本年制发件数 |
//   | 行政规范性文件 | 5            |  → {label=行政规范性文件/本年制发件数,
//                                        value=5, unit="", kind=count}
// A unit in a header ("金额（万元）") applies to the cells under it.
#ifndef LAWREPORT_INDICATORS_H_
#define LAWREPORT_INDICATORS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "lawreport/decimal.h"
#include "lawreport/numbers.h"
#include "lawreport/outline.h"
#include "lawreport/text.h"

namespace lawreport {

enum class Direction { kNone, kUp, kDown };

// Where a table figure sits: 1-based table number in the report, 0-based
// grid row and column (Text's Table).
struct CellRef {
  int table = 0;
  int row = 0;
  int column = 0;
};
const char* DirectionName(Direction direction);  // "up", "down", "" for none

struct Indicator {
  std::string id;  // "i1", "i2", … in text order
  std::optional<std::string>
      section;     // innermost section id; none in preamble and appendix
  int line = 0;    // 1-based source line of the number
  int column = 0;  // 1-based, in characters
  // Byte offsets of `text` in Text::source(), the text `lawreport text`
  // prints (for a UTF-8 text file with LF line ends, the file itself), so a
  // user can slice it: source[start, end) is "受理行政许可事项43601件".
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;  // source words: "受理行政许可事项43601件"
  std::string label;  // source words for what is measured: "受理行政许可事项"
  Decimal value;
  std::optional<Decimal> upper;
  std::string unit;
  UnitKind kind = UnitKind::kCount;
  Qualifier qualifier = Qualifier::kNone;
  Direction direction = Direction::kNone;
  std::string rule;  // the numbers rule, plus "+shared" or "+distributed";
                     // "table" for a table cell
  int page = 0;      // PDF: the page the number is on; 0 when not paged
  std::optional<CellRef> cell;  // set for a table cell
  // The canonical indicator it maps to (canonical.h), and why: the
  // catalogue entry's patterns that matched.
  std::optional<std::string> canonical;
  std::optional<std::string> canonical_rule;
  // Normalized offsets of `text` and of the number and its unit, for the
  // stages that read the normalized text (labels, the checker); not written
  // out.
  std::size_t text_begin = 0;
  std::size_t text_end = 0;
  std::size_t value_begin = 0;
  std::size_t value_end = 0;
};

std::vector<Indicator> ExtractIndicators(const Text& text,
                                         const Outline& outline,
                                         const std::vector<Mention>& mentions);

}  // namespace lawreport

#endif  // LAWREPORT_INDICATORS_H_
