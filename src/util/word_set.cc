#include "util/word_set.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <numeric>

#include "util/utf8.h"

namespace lawreport {

WordSet::WordSet(std::vector<std::string> words, const WordSetOptions& options)
    : words_(std::move(words)) {
  BuildIndex(words_, /*ends=*/false, bucket_begin_, candidates_);
  if (options.endings)
    BuildIndex(words_, /*ends=*/true, end_bucket_begin_, end_candidates_);
  if (options.covering) PickCovering();
}

void WordSet::BuildIndex(const std::vector<std::string>& words, bool ends,
                         std::vector<std::uint16_t>& bucket_begin,
                         std::vector<std::uint16_t>& candidates) {
  // Word numbers longest first; among words of one length the given order
  // decides.
  std::vector<std::size_t> order(words.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) {
                     return words[a].size() > words[b].size();
                   });
  // Counting sort of the word numbers by key; within a key they stay in
  // longest-first order. An end index reads a word from its end: its last
  // byte is b0, the one before it b1.
  const auto for_each_key = [&](std::size_t i, auto&& visit) {
    const std::string& word = words[i];
    if (word.empty()) return;  // an empty word never matches at a position
    const auto byte = [&](std::size_t k) {
      return static_cast<unsigned char>(ends ? word[word.size() - 1 - k]
                                             : word[k]);
    };
    const unsigned char b0 = byte(0);
    if (word.size() >= 2 || b0 < 0x80) {
      const unsigned char b1 = word.size() >= 2 ? byte(1) : 0;
      visit(Key(b0, b1));
    } else {
      // A lone non-ASCII byte matches whatever byte follows it (precedes
      // it, in an end index).
      for (unsigned char b1 = 0; b1 < 64; ++b1) visit(Key(b0, b1));
    }
  };
  bucket_begin.assign(kKeys + 1, 0);
  for (const std::size_t i : order)
    for_each_key(i, [&](std::size_t key) { ++bucket_begin[key + 1]; });
  std::size_t total = 0;
  for (std::size_t key = 0; key < kKeys; ++key) {
    total += bucket_begin[key + 1];
    bucket_begin[key + 1] = static_cast<std::uint16_t>(total);
  }
  // The lexicon's lists have a few hundred words, and a lone lead byte takes
  // 64 slots: far below the 65,535 that 16-bit offsets hold. A list beyond
  // that is a data file's fault, found by the first test that loads it.
  if (total > 0xFFFF || words.size() > 0xFFFF) {
    std::fprintf(stderr, "lawreport: a word list is too long to index\n");
    std::abort();
  }
  candidates.assign(bucket_begin[kKeys], 0);
  std::vector<std::uint16_t> next(bucket_begin.begin(), bucket_begin.end() - 1);
  for (const std::size_t i : order)
    for_each_key(i, [&](std::size_t key) {
      candidates[next[key]++] = static_cast<std::uint16_t>(i);
    });
}

std::optional<std::size_t> WordSet::LongestAt(std::string_view text,
                                              std::size_t offset) const {
  if (offset >= text.size() || bucket_begin_.empty()) return std::nullopt;
  const std::string_view rest = text.substr(offset);
  const auto b0 = static_cast<unsigned char>(rest[0]);
  const auto b1 = rest.size() >= 2 ? static_cast<unsigned char>(rest[1]) : 0;
  const std::size_t key = Key(b0, static_cast<unsigned char>(b1));
  for (std::size_t k = bucket_begin_[key]; k < bucket_begin_[key + 1]; ++k) {
    const std::size_t i = candidates_[k];
    if (utf8::StartsWith(rest, words_[i])) return i;
  }
  return std::nullopt;
}

void WordSet::PickCovering() {
  covering_known_ = true;
  // Greedy: first the character in most of the words not yet covered (the
  // first such in word order on a tie).
  std::vector<std::string_view> uncovered(words_.begin(), words_.end());
  const auto holds = [](std::string_view word, std::string_view part) {
    return word.find(part) != std::string_view::npos;
  };
  while (!uncovered.empty()) {
    // Stays empty only for an empty word, which every text holds: then
    // every text passes.
    std::string_view best;
    std::size_t best_count = 0;
    for (const std::string_view word : uncovered) {
      for (std::size_t at = 0; at < word.size();) {
        const std::string_view c =
            word.substr(at, utf8::Decode(word, at).length);
        at += c.size();
        const auto count = static_cast<std::size_t>(
            std::count_if(uncovered.begin(), uncovered.end(),
                          [&](std::string_view w) { return holds(w, c); }));
        if (count > best_count) {
          best = c;
          best_count = count;
        }
      }
    }
    covering_.emplace_back(best);
    std::erase_if(uncovered,
                  [&](std::string_view w) { return holds(w, best); });
  }
}

bool WordSet::MayHoldAny(std::string_view text) const {
  if (!covering_known_) return true;
  return std::any_of(covering_.begin(), covering_.end(),
                     [&](const std::string& c) {
                       return text.find(c) != std::string_view::npos;
                     });
}

}  // namespace lawreport
