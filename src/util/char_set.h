// A set of characters (Unicode code points) and the questions the rule
// tables ask of one: is a character in it, may a text open with one of
// them? Internal.
//
// The outline's marker rules are regexes tried at every sentence start of a
// long line and on most units, and nearly every unit opens with a character
// no rule can open with; the characters each rule's match may open with,
// read off its pattern, let a unit skip the rule, and the union of them all
// skip the table, without running a regex:
//
//   CharSet({{U'第', U'第'}, {U'一', U'一'}}).MayOpen("第一章") → true
//   CharSet({{U'（', U'（'}}).MayOpen("推进法治政府建设")       → false
//   CharSet::Every().MayOpen("")                               → true
//
// The fixed terms ("十四五", "二十大", fixed_terms.tsv) are searched only
// around the numbers of a report, in windows that reach out to the ends of
// the runs of characters the terms are written with: a match holds only
// characters its pattern names, so such a run, searched alone, yields
// exactly the matches a search of the whole text finds in it:
//
//   CharSet::OfPatterns({"十四五", "[一二]十大"})
//     → {十, 四, 五, [, 一, 二, ], 大}: Contains(U'四') true, Contains(U'年') false
//   CharSet::OfPatterns({"第.届"}) → nullopt: "." matches characters it does
//     not name, so no window is safe and the whole text is searched.
//
// A set of every character stands for "unknown": a rule whose openings
// cannot be read is always tried. Membership is one bit for the Basic
// Multilingual Plane (every character of a Chinese report) and a scan of a
// few ranges above it.
#ifndef LAWREPORT_UTIL_CHAR_SET_H_
#define LAWREPORT_UTIL_CHAR_SET_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lawreport {

class CharSet {
 public:
  // From, to: both ends included.
  using Range = std::pair<char32_t, char32_t>;

  // The empty set.
  CharSet() = default;
  explicit CharSet(const std::vector<Range>& ranges);
  // The characters given (a factory, not a constructor: CharSet({{a, b}})
  // would read as either).
  static CharSet Of(const std::vector<char32_t>& chars);
  // Every character.
  static CharSet Every();
  // The characters `patterns` (RE2 syntax) are written with, a range in a
  // class ("0-9", "①-⑳") giving every character in it; syntax characters
  // ("(", "|", "+") are taken too, harmless, as a larger set only makes
  // longer runs. nullopt when a pattern uses anything that matches
  // characters it does not name (".", escapes, negated classes, flags,
  // anchors) or is no valid UTF-8.
  static std::optional<CharSet> OfPatterns(
      const std::vector<std::string>& patterns);

  void Add(Range range);
  // The union with `other`.
  void Add(const CharSet& other);

  bool every() const { return every_; }
  bool Contains(char32_t cp) const {
    if (every_) return true;
    if (cp < kPlaneSize) return (bmp_[cp / 64] >> (cp % 64)) & std::uint64_t{1};
    for (const auto& [low, high] : beyond_bmp_) {
      if (cp >= low && cp <= high) return true;
    }
    return false;
  }
  // False only when `text` cannot open with a member: it is empty, or its
  // first character is none. A set of every character answers true for
  // any text, an empty one too: it rules nothing out.
  bool MayOpen(std::string_view text) const;
  // The members in code point order (of a set that is not every()).
  std::vector<char32_t> chars() const;

 private:
  static constexpr char32_t kPlaneSize = 0x10000;
  bool every_ = false;
  std::array<std::uint64_t, kPlaneSize / 64> bmp_{};
  std::vector<Range> beyond_bmp_;  // the parts of ranges above the BMP
};

}  // namespace lawreport

#endif  // LAWREPORT_UTIL_CHAR_SET_H_
