#include "util/char_set.h"

#include <string_view>

#include "util/utf8.h"

namespace lawreport {

CharSet::CharSet(std::vector<char32_t> chars) : chars_(std::move(chars)) {
  std::sort(chars_.begin(), chars_.end());
  chars_.erase(std::unique(chars_.begin(), chars_.end()), chars_.end());
}

std::optional<CharSet> CharSet::OfPatterns(
    const std::vector<std::string>& patterns) {
  std::vector<char32_t> chars;
  for (const std::string& pattern : patterns) {
    for (const std::string_view beyond :
         {".", "\\", "^", "$", "(?i", "(?s", "(?m", "(?U", "(?P"}) {
      if (pattern.find(beyond) != std::string::npos) return std::nullopt;
    }
    for (std::size_t pos = 0; pos < pattern.size();) {
      const utf8::CodePoint cp = utf8::Decode(pattern, pos);
      if (cp.value == utf8::kReplacement) return std::nullopt;
      pos += cp.length;
      // A range in a class ("0-9", "①-⑳") names every character in it.
      if (pos + 1 < pattern.size() && pattern[pos] == '-' &&
          pattern[pos + 1] != ']') {
        const utf8::CodePoint last = utf8::Decode(pattern, pos + 1);
        if (last.value < cp.value || last.value - cp.value > 0x400)
          return std::nullopt;
        for (char32_t c = cp.value; c <= last.value; ++c) chars.push_back(c);
        pos += 1 + last.length;
        continue;
      }
      chars.push_back(cp.value);
    }
  }
  return CharSet(std::move(chars));
}

}  // namespace lawreport
