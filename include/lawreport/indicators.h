// indicators: Mention[] → Indicator[], the figures a report states.
//
// Keeps the mentions that quantify a stated fact and drops the rest
// (docs/reports.md §3): years and dates, document numbers and codes, ordinals
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

// Time and stance of a figure (docs/reports.md §5): whether it is a result or a
// target, which calendar years it is about, and whether it holds for one
// period, per year of a span or over a span. In a 2026 政府工作报告 (which
// reviews 2025):
//   "地区生产总值增长5.1％"               → actual, 2025–2025, point
//   "五年来……地区生产总值年均增长5.2％"   → actual, 2021–2025, average
//   "五年来累计新增城镇就业200万人"       → actual, 2021–2025, total
//   "截至2025年底共有……"                  → actual, null–2025, point (a stock)
//   "城镇调查失业率控制在5.5％左右" (under 2026年工作安排)
//                                         → target, 2026–2026, point
//   "力争到2030年研发投入强度达到3.2％"   → target, null–2030, point
// The cues are data (data/lexicon/time_cues.tsv); time_rule names the ones
// that decided.
enum class Role { kActual, kTarget };
const char* RoleName(Role role);  // "actual", "target"

enum class Aggregate {
  kPoint,    // one period, or a stock at a point in time
  kAverage,  // per year over a span: 年均, 平均每年
  kTotal,    // over a span that is not one year: 累计, 五年来共新增
};
const char* AggregateName(Aggregate aggregate);  // "point", "average", "total"

// Calendar years, both ends included; from is null for a stock or a
// by-year goal, either is null when the report's year is unknown.
struct Period {
  std::optional<int> from;
  std::optional<int> to;
};

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
  // The label trimmers that ran on the label's words, in the order of
  // their table, "+"-joined: "trim_leading_time+trim_trailing_word"; empty
  // when none ran or the label is another figure's or a table's headers.
  std::string label_rule;
  int page = 0;  // PDF: the page the number is on; 0 when not paged
  // A figure on a PDF page read by OCR: the engine's lowest confidence
  // (0–100) in the words of its number and unit; -1 when not read by OCR.
  int ocr_confidence = -1;
  std::optional<CellRef> cell;  // set for a table cell
  // The canonical indicator it maps to (canonical.h), and why: the
  // catalogue entry's patterns that matched.
  std::optional<std::string> canonical;
  std::optional<std::string> canonical_rule;
  // Time and stance (AssignTimeStance); actual, point, no years until then.
  Role role = Role::kActual;
  Period period;
  Aggregate aggregate = Aggregate::kPoint;
  std::string time_rule;  // "phrase:五年来; average:年均", "section:下一步"
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

// Sets role, period, aggregate and time_rule of every indicator. The nearest
// time phrase before a figure in its paragraph decides its years, else the
// nearest enclosing section heading that names a time or a plan or review
// (2025年工作回顾, 2026年主要预期目标和重点工作, 下一步工作), else the
// report's year. A target word in the figure's sentence (力争, 预期目标,
// and outside a review 确保, 控制在) or a period after the reviewed year
// makes it a target; so does a plan section without a past time phrase.
//
// Years resolve against the report (DocumentInfo::year, the reviewed year
// R): a 政府工作报告 is delivered in R + 1, so its 今年 is R + 1 and its
// 去年 and 过去一年 are R; other reports speak in R.
void AssignTimeStance(const Text& text, const Outline& outline,
                      std::vector<Indicator>& indicators);

}  // namespace lawreport

#endif  // LAWREPORT_INDICATORS_H_
