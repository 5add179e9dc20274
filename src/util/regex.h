// RE2 behind one internal header, so a change in Debian's RE2 API (it still
// uses re2::StringPiece) touches only regex.cc. Patterns are UTF-8.
//
//   Regex marker(R"(\(([一二三四五六七八九十]+)\))");
//   marker.MatchPrefix("(十二)健全…") → Match{length=8, group="十二"}
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

}  // namespace lawreport

#endif  // LAWREPORT_UTIL_REGEX_H_
