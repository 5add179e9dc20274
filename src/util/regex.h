// RE2 behind one internal header, so a change in Debian's RE2 API (it still
// uses re2::StringPiece) touches only regex.cc. Patterns are UTF-8.
//
//   Regex marker(R"(\(([一二三四五六七八九十]+)\))");
//   marker.MatchPrefix("(十二)健全…") → Match{length=8, group="十二"}
//
// RegexSet asks many patterns about one text in a single scan:
//
//   RegexSet labels;  labels.Add("行政复议");  labels.Add("^受理");
//   labels.Compile();
//   labels.Match("受理行政复议申请", found) → found = {0, 1}
#ifndef LAWREPORT_UTIL_REGEX_H_
#define LAWREPORT_UTIL_REGEX_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace re2 {
class RE2;
}

namespace lawreport {

class Regex {
 public:
  explicit Regex(std::string_view pattern);
  ~Regex();
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;

  bool ok() const;
  std::string error() const;

  struct Match {
    std::size_t length =
        0;  // bytes of the whole match, from the start of the text
    std::string_view group;  // capture group 1, when the pattern has one
  };
  // Matches at the start of `text` (the pattern is anchored there).
  std::optional<Match> MatchPrefix(std::string_view text) const;
  bool FullMatch(std::string_view text) const;
  // Every non-overlapping match in `text`, as [begin, end) byte offsets.
  std::vector<std::pair<std::size_t, std::size_t>> FindAll(
      std::string_view text) const;
  bool PartialMatch(std::string_view text) const;

 private:
  std::unique_ptr<re2::RE2> re_;
};

// Which of many patterns occur in a text, each as Regex::PartialMatch would
// say, found in one pass: a rule table asks one question per text instead of
// one per rule, and pays RE2's per-call setup and locking once.
class RegexSet {
 public:
  RegexSet();
  ~RegexSet();
  RegexSet(RegexSet&&) noexcept;
  RegexSet& operator=(RegexSet&&) noexcept;

  // Adds a pattern under the next index (0, 1, …). Returns the parser's
  // error, and adds nothing, when the pattern is not valid.
  std::optional<std::string> Add(std::string_view pattern);
  // After the last Add; false when the patterns are too large to compile.
  bool Compile();
  // Sets `found` to the indices of the patterns found in `text`, ascending.
  // False when RE2 gave up (its DFA ran out of memory) or the set is not
  // compiled: `found` is then empty and means nothing, and the caller asks
  // each pattern on its own.
  bool Match(std::string_view text, std::vector<int>& found) const;

 private:
  // RE2::Set is nested in RE2, so it cannot be declared here without re2.h.
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lawreport

#endif  // LAWREPORT_UTIL_REGEX_H_
