// DOCX list numbering: the marker Word displays before a numbered paragraph.
// Internal to the DOCX reader (docx_reader.cc), which fills the lists from
// word/numbering.xml and asks for each numbered paragraph's marker in
// document order. Kept apart from the reader so that tests and the fuzzer
// (fuzz/fuzz_docx_numbering.cc) drive it without a ZIP archive or XML.
//
//   abstractNum 3: level 0 numFmt chineseCounting, lvlText "%1、";
//   level 1 numFmt chineseCounting, lvlText "（%2）"; num 5 → abstractNum 3.
//   The paragraphs (numId 5, ilvl 0), (5, 1), (5, 1), (5, 0), (5, 1) get
//   "一、", "（一）", "（二）", "二、", "（一）".
//
// Bounds (docs/security.md, Memory): a marker longer than kMaxMarkerBytes
// is dropped (the paragraph keeps its text, unnumbered), and letters
// (lowerLetter, upperLetter) repeat at most kMaxLetterRepeats times: past
// 26 × 64 the decimal number stands in. A crafted numbering cannot
// multiply a small file into gigabytes of markers.
#ifndef LAWREPORT_DECODE_DOCX_NUMBERING_H_
#define LAWREPORT_DECODE_DOCX_NUMBERING_H_

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace lawreport::decode_internal::docx {

// Word's levels per list: w:ilvl 0 to 8.
inline constexpr int kLevels = 9;
inline constexpr std::size_t kMaxMarkerBytes = 256;
inline constexpr int kMaxLetterRepeats = 64;

// One w:lvl of a w:abstractNum.
struct Level {
  int start = 1;
  std::string format = "decimal";  // w:numFmt
  std::string text;                // w:lvlText, "（%2）"
  std::string suffix = "tab";      // w:suff: tab, space or nothing
  int restart = -1;                // w:lvlRestart; -1 when absent
  bool legal = false;              // w:isLgl: every number shown as decimal
};

struct AbstractNumbering {
  std::array<Level, kLevels> levels;
};

// A w:num: the abstract list it shows, and the levels it restarts at a
// w:startOverride.
struct NumberingInstance {
  std::string abstract_id;
  std::array<std::optional<int>, kLevels> start_overrides;
};

// What a paragraph (or its style) says: w:numPr's w:numId and w:ilvl.
struct NumberReference {
  std::optional<std::string> num_id;
  std::optional<int> level;
};

// The number as a level's w:numFmt displays it: (12, "chineseCounting") →
// "十二", (3, "upperRoman") → "III", (28, "lowerLetter") → "bb"; an unknown
// format as decimal, "bullet" and "none" as "".
std::string FormatNumber(int value, const std::string& format);

// The lists of one document and the counters of their levels. The reader
// passes numbers as IntAttribute clamps them (±1,000,000), so a counter
// stays far from int's range however many paragraphs follow.
class Numbering {
 public:
  // The w:abstractNum with this w:abstractNumId, created empty (nine
  // decimal levels starting at 1, no text) the first time.
  AbstractNumbering& Abstract(const std::string& id) { return abstracts_[id]; }
  // The w:num with this w:numId, created the first time.
  NumberingInstance& Instance(const std::string& id) { return instances_[id]; }

  // The marker for the next paragraph numbered `reference`, e.g. "（三）",
  // and counts it; empty for bullets, unknown lists, numId 0 (numbering
  // removed) and markers over kMaxMarkerBytes.
  std::string Next(const NumberReference& reference);

 private:
  std::map<std::string, AbstractNumbering> abstracts_;
  std::map<std::string, NumberingInstance> instances_;
  std::map<std::string, std::array<std::optional<int>, kLevels>> counters_;
};

}  // namespace lawreport::decode_internal::docx

#endif  // LAWREPORT_DECODE_DOCX_NUMBERING_H_
