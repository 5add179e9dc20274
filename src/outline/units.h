// Units: the pieces of text the outline is built from. Internal.
//
// Normally a unit is one non-empty line, trimmed; a table cell is one unit. A
// line that holds a whole report (web copies joined into one line) is cut
// further where a heading marker continues the numbering after a sentence end
// or right after a heading title:
//   "…落实。一、总体工作情况（一）加强党的领导1．加强理论学习。扎实…"
//   → "…落实。" | "一、总体工作情况" | "（一）加强党的领导" |
//   "1．加强理论学习。扎实…"
#ifndef LAWREPORT_OUTLINE_UNITS_H_
#define LAWREPORT_OUTLINE_UNITS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "lawreport/text.h"
#include "util/utf8.h"

namespace lawreport::outline_internal {

struct Unit {
  int line = 0;
  std::size_t begin = 0;  // normalized offsets, spaces trimmed
  std::size_t end = 0;
  bool whole_line = true;   // the unit is its line (not a piece of a cut line)
  bool table_cell = false;  // a cell of an HTML or DOCX table: never a heading
};

std::vector<Unit> SplitUnits(const Text& text);

// utf8::CountChars(text) when that is at most `limit`, else some count
// above `limit`: short texts are measured without counting long ones through.
inline std::size_t CountCharsUpTo(std::string_view text, std::size_t limit) {
  // A prefix holds no more characters than the whole text, and one of
  // 4 * (limit + 1) bytes of well-formed UTF-8 holds more than `limit`.
  const std::size_t prefix = 4 * (limit + 1);
  if (text.size() > prefix) {
    const std::size_t in_prefix = utf8::CountChars(text.substr(0, prefix));
    if (in_prefix > limit) return in_prefix;
  }
  return utf8::CountChars(text);
}

// utf8::CountChars(text) <= limit.
inline bool HasAtMostChars(std::string_view text, std::size_t limit) {
  // A character takes a byte at least.
  return text.size() <= limit || CountCharsUpTo(text, limit) <= limit;
}

inline std::string_view UnitText(const Text& text, const Unit& unit) {
  return std::string_view(text.normalized())
      .substr(unit.begin, unit.end - unit.begin);
}

}  // namespace lawreport::outline_internal

#endif  // LAWREPORT_OUTLINE_UNITS_H_
