// A set of characters (Unicode code points) and the one question a rule
// table asks of it: may a text open with one of them? Internal.
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
// A set of every character stands for "unknown": a rule whose openings
// cannot be read is always tried. Membership is one bit for the Basic
// Multilingual Plane (every character of a Chinese report) and a scan of a
// few ranges above it.
#ifndef LAWREPORT_UTIL_CHAR_SET_H_
#define LAWREPORT_UTIL_CHAR_SET_H_

#include <array>
#include <cstdint>
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
  // Every character.
  static CharSet Every();

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

 private:
  static constexpr char32_t kPlaneSize = 0x10000;
  bool every_ = false;
  std::array<std::uint64_t, kPlaneSize / 64> bmp_{};
  std::vector<Range> beyond_bmp_;  // the parts of ranges above the BMP
};

}  // namespace lawreport

#endif  // LAWREPORT_UTIL_CHAR_SET_H_
