#include "util/char_set.h"

#include <algorithm>

#include "util/utf8.h"

namespace lawreport {

CharSet::CharSet(const std::vector<Range>& ranges) {
  for (const Range& range : ranges) Add(range);
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

}  // namespace lawreport
