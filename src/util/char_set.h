// A fixed set of characters, asked whether a character is in it; and the
// set a list of regular expressions is written with. Internal.
//
// The fixed terms ("十四五", "二十大", fixed_terms.tsv) are searched only
// around the numbers of a report, in windows that reach out to the ends of
// the runs of characters the terms are written with: a match holds only
// characters its pattern names, so such a run, searched alone, yields
// exactly the matches a search of the whole text finds in it.
//
//   CharSet::OfPatterns({"十四五", "[一二]十大"})
//     → {十, 四, 五, [, 一, 二, ], 大}: Contains(U'四') true, Contains(U'年') false
//   CharSet::OfPatterns({"第.届"}) → nullopt: "." matches characters it does
//     not name, so no window is safe and the whole text is searched.
#ifndef LAWREPORT_UTIL_CHAR_SET_H_
#define LAWREPORT_UTIL_CHAR_SET_H_

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace lawreport {

class CharSet {
 public:
  CharSet() = default;
  explicit CharSet(std::vector<char32_t> chars);

  // The characters `patterns` (RE2 syntax) are written with, a range in a
  // class ("0-9", "①-⑳") giving every character in it; syntax characters
  // ("(", "|", "+") are taken too, harmless, as a larger set only makes
  // longer runs. nullopt when a pattern uses anything that matches
  // characters it does not name (".", escapes, negated classes, flags,
  // anchors) or is no valid UTF-8.
  static std::optional<CharSet> OfPatterns(
      const std::vector<std::string>& patterns);

  bool Contains(char32_t cp) const {
    return std::binary_search(chars_.begin(), chars_.end(), cp);
  }
  // Sorted, each once.
  const std::vector<char32_t>& chars() const { return chars_; }

 private:
  std::vector<char32_t> chars_;
};

}  // namespace lawreport

#endif  // LAWREPORT_UTIL_CHAR_SET_H_
