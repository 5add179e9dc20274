// Heading-marker recognition over one unit of normalized text. Internal to
// the outline stage; the vocabulary is data/lexicon/{outline_markers,
// run_in_enumerators,appendix_headings}.tsv.
//
//   MatchMarker("(十二)健全制度。…") → Marker{level=2, ordinal=12, length=8}
//   MatchMarker("1.2万件")           → nullopt (a digit follows "1.")
//   MatchRunIn("一是推动经济运行稳中向好。") → Marker{ordinal=1, length=6}
//   IsAppendixHeading("附件2")        → true
//   MarkupPrefixLength("## 一、总体情况") → 3 (the line reads "一、总体情况")
#ifndef LAWREPORT_OUTLINE_MARKERS_H_
#define LAWREPORT_OUTLINE_MARKERS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lawreport::outline_internal {

struct Marker {
  int level = 0;
  std::string style;
  int ordinal = 0;
  std::size_t length = 0;  // bytes of the marker and the spaces after it
  std::size_t written_length =
      0;  // bytes of the marker itself, trailing spaces excluded
};

std::optional<Marker> MatchMarker(std::string_view unit);

// A run-in enumerator at the start of a unit; max_chars is the longest unit
// that may still be a heading.
struct RunIn {
  int ordinal = 0;
  std::size_t length = 0;
  std::size_t max_chars = 0;
};
std::optional<RunIn> MatchRunIn(std::string_view unit);

bool IsAppendixHeading(std::string_view unit);

// Bytes of markup (data/lexicon/markup_prefixes.tsv) opening a trimmed line,
// 0 when there is none. The outline reads the line without them, so a
// Markdown "###" neither makes a heading nor sets its level: the outline
// marker after it does.
std::size_t MarkupPrefixLength(std::string_view line);

}  // namespace lawreport::outline_internal

#endif  // LAWREPORT_OUTLINE_MARKERS_H_
