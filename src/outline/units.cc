#include "outline/units.h"

#include <array>
#include <string>

#include "outline/markers.h"
#include "util/utf8.h"

namespace lawreport::outline_internal {
namespace {

// Lines shorter than this are never cut: an ordinary paragraph that mentions
// "（一）" after a full stop stays one paragraph.
constexpr std::size_t kMinCharsToCut = 400;

bool EndsSentence(char32_t cp) {
  switch (cp) {
    case U'。':
    case U'！':
    case U'？':
    case U'；':
    case U'：':
    case U'”':
    case U'!':
    case U'?':
    case U';':
    case U':':
      return true;
    default:
      return false;
  }
}

// The lead bytes of every character EndsSentence accepts (。 ； ： ！ ？ start
// with E3 or EF, ” with E2), for skipping the text between sentence ends.
constexpr utf8::LeadByteStops kSentenceEndStops =
    utf8::LeadByteStops::Of("!?;:\xE2\xE3\xEF");

// Offsets (relative to `line`) where a heading marker continues the
// numbering of the headings found so far in this line.
std::vector<std::size_t> CutPoints(std::string_view line) {
  std::vector<std::size_t> cuts;
  std::array<int, 5> last_ordinal{};  // per level, within this line
  int last_cut_level = 0;  // level of the previous cut, 0 after a sentence end
  // Whether the last character that was not a space ended a sentence (the
  // line counts as opening after one).
  bool after_sentence_end = true;
  std::size_t offset = 0;
  while (offset < line.size()) {
    if (!after_sentence_end && last_cut_level == 0) {
      // No marker is tried here, and until the next sentence end none will
      // be: the characters before it neither end a sentence nor change
      // last_cut_level, so they are skipped without decoding. (A stop byte
      // may start another character, such as 、 or ，; it is decoded below
      // like any other.)
      offset = utf8::SkipToStop(line, offset, kSentenceEndStops);
      if (offset >= line.size()) break;
    }
    const utf8::CodePoint cp = utf8::Decode(line, offset);
    const bool at_sentence_start = after_sentence_end;
    if (at_sentence_start || last_cut_level > 0) {
      if (const std::optional<Marker> marker =
              MatchMarker(line.substr(offset))) {
        const int level = marker->level;
        // After a sentence end any level may follow; right after a heading
        // title (no full stop between) only its first child may.
        const bool continues = marker->ordinal == last_ordinal[level] + 1;
        const bool first_child =
            marker->ordinal == 1 && (level == 1 || last_ordinal[level - 1] > 0);
        const bool allowed_here =
            at_sentence_start
                ? (continues || first_child)
                : (level == last_cut_level + 1 && marker->ordinal == 1);
        if (level <= 3 && allowed_here) {
          if (offset > 0) cuts.push_back(offset);
          last_ordinal[level] = marker->ordinal;
          for (int deeper = level + 1; deeper < 5; ++deeper)
            last_ordinal[deeper] = 0;
          last_cut_level = level;
          after_sentence_end = false;
          offset += marker->length;
          continue;
        }
      }
    }
    if (cp.value == U'。') last_cut_level = 0;
    if (cp.value != U' ') after_sentence_end = EndsSentence(cp.value);
    offset += cp.length;
  }
  return cuts;
}

}  // namespace

std::vector<Unit> SplitUnits(const Text& text) {
  std::vector<Unit> units;
  // Nearly always one unit a line (a line of joined headings gives more).
  units.reserve(text.lines().size());
  const std::string& normalized = text.normalized();
  for (int number = 1; number <= text.line_count(); ++number) {
    const Line& line = text.lines()[static_cast<std::size_t>(number - 1)];
    std::string_view content =
        std::string_view(normalized).substr(line.begin, line.end - line.begin);
    std::string_view trimmed = utf8::TrimSpaces(content);
    if (trimmed.empty()) continue;
    // "## 一、总体情况" from a converted document is read as "一、总体情况". A
    // table cell keeps its text: it is never a heading.
    if (text.TableAt(number) == nullptr) {
      trimmed = utf8::TrimSpaces(trimmed.substr(MarkupPrefixLength(trimmed)));
      if (trimmed.empty()) continue;
    }
    const std::size_t begin =
        line.begin + static_cast<std::size_t>(trimmed.data() - content.data());

    if (text.TableAt(number) != nullptr) {
      units.push_back({number, begin, begin + trimmed.size(), true, true});
      continue;
    }
    std::vector<std::size_t> cuts;
    if (!HasAtMostChars(trimmed, kMinCharsToCut - 1)) cuts = CutPoints(trimmed);
    // Only a line with at least two headings in it is a joined report.
    if (cuts.size() < 2) cuts.clear();

    std::size_t piece_begin = 0;
    cuts.push_back(trimmed.size());
    for (const std::size_t cut : cuts) {
      const std::string_view piece =
          utf8::TrimSpaces(trimmed.substr(piece_begin, cut - piece_begin));
      if (!piece.empty()) {
        const std::size_t piece_offset =
            static_cast<std::size_t>(piece.data() - trimmed.data());
        units.push_back({number, begin + piece_offset,
                         begin + piece_offset + piece.size(),
                         cuts.size() == 1});
      }
      piece_begin = cut;
    }
  }
  return units;
}

}  // namespace lawreport::outline_internal
