#include "util/char_set.h"

#include <algorithm>
#include <string_view>

#include "util/utf8.h"

namespace lawreport {

CharSet::CharSet(const std::vector<Range>& ranges) {
  for (const Range& range : ranges) Add(range);
}

CharSet CharSet::Of(const std::vector<char32_t>& chars) {
  CharSet set;
  for (const char32_t c : chars) set.Add({c, c});
  return set;
}

CharSet CharSet::Every() {
  CharSet set;
  set.every_ = true;
  return set;
}

void CharSet::Add(Range range) {
  const auto [low, high] = range;
  if (low > high) return;
  for (char32_t cp = low; cp <= high && cp < kPlaneSize; ++cp)
    bmp_[cp / 64] |= std::uint64_t{1} << (cp % 64);
  if (high >= kPlaneSize)
    beyond_bmp_.push_back({std::max(low, kPlaneSize), high});
}

void CharSet::Add(const CharSet& other) {
  every_ = every_ || other.every_;
  for (std::size_t i = 0; i < bmp_.size(); ++i) bmp_[i] |= other.bmp_[i];
  beyond_bmp_.insert(beyond_bmp_.end(), other.beyond_bmp_.begin(),
                     other.beyond_bmp_.end());
}

bool CharSet::MayOpen(std::string_view text) const {
  if (every_) return true;
  if (text.empty()) return false;
  return Contains(utf8::Decode(text, 0).value);
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
  return Of(chars);
}

std::vector<char32_t> CharSet::chars() const {
  std::vector<char32_t> members;
  for (char32_t cp = 0; cp < kPlaneSize; ++cp) {
    if (Contains(cp)) members.push_back(cp);
  }
  for (const auto& [low, high] : beyond_bmp_) {
    for (char32_t cp = low; cp <= high; ++cp) members.push_back(cp);
  }
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  return members;
}

}  // namespace lawreport
