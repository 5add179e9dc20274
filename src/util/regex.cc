#include "util/regex.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

namespace lawreport {
namespace {

RE2::Options Options() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  return options;
}

}  // namespace

Regex::Regex(std::string_view pattern) {
  re_ = std::make_unique<re2::RE2>(
      re2::StringPiece(pattern.data(), pattern.size()), Options());
}

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

bool Regex::ok() const { return re_ && re_->ok(); }
std::string Regex::error() const { return re_ ? re_->error() : "no pattern"; }

std::optional<Regex::Match> Regex::MatchPrefix(std::string_view text) const {
  if (!ok()) return std::nullopt;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[2];
  const int group_count = std::min(re_->NumberOfCapturingGroups() + 1, 2);
  if (!re_->Match(input, 0, input.size(), RE2::ANCHOR_START, groups,
                  group_count)) {
    return std::nullopt;
  }
  Match match;
  match.length = groups[0].size();
  if (group_count > 1 && groups[1].data() != nullptr) {
    match.group = std::string_view(groups[1].data(), groups[1].size());
  }
  return match;
}

bool Regex::FullMatch(std::string_view text) const {
  return ok() &&
         RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

std::vector<std::pair<std::size_t, std::size_t>> Regex::FindAll(
    std::string_view text) const {
  std::vector<std::pair<std::size_t, std::size_t>> found;
  if (!ok()) return found;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  std::size_t start = 0;
  while (start <= text.size() &&
         re_->Match(input, start, input.size(), RE2::UNANCHORED, &match, 1)) {
    const std::size_t begin =
        static_cast<std::size_t>(match.data() - text.data());
    const std::size_t end = begin + match.size();
    found.emplace_back(begin, end);
    start = end > begin ? end : end + 1;
  }
  return found;
}

bool Regex::PartialMatch(std::string_view text) const {
  return ok() &&
         RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

struct RegexSet::Impl {
  // Unanchored, with the options a Regex has: a member matches where
  // Regex::PartialMatch would.
  RE2::Set set{Options(), RE2::UNANCHORED};
  bool compiled = false;
};

RegexSet::RegexSet() : impl_(std::make_unique<Impl>()) {}
RegexSet::~RegexSet() = default;
RegexSet::RegexSet(RegexSet&&) noexcept = default;
RegexSet& RegexSet::operator=(RegexSet&&) noexcept = default;

std::optional<std::string> RegexSet::Add(std::string_view pattern) {
  std::string error;
  if (impl_->set.Add(re2::StringPiece(pattern.data(), pattern.size()), &error) <
      0) {
    return error.empty() ? std::string("invalid pattern") : error;
  }
  return std::nullopt;
}

bool RegexSet::Compile() {
  impl_->compiled = impl_->set.Compile();
  return impl_->compiled;
}

bool RegexSet::Match(std::string_view text, std::vector<int>& found) const {
  found.clear();
  if (!impl_->compiled) return false;
  RE2::Set::ErrorInfo error{RE2::Set::kNoError};
  if (!impl_->set.Match(re2::StringPiece(text.data(), text.size()), &found,
                        &error) &&
      error.kind != RE2::Set::kNoError) {
    found.clear();
    return false;
  }
  std::sort(found.begin(), found.end());
  return true;
}

}  // namespace lawreport
