// A fixed set of words and the two questions the stages ask of one. Internal.
//
// The lexicon's word lists (units, scale words, qualifiers, balance terms,
// the label trimmers' words) are asked the same things at nearly every
// character of a report, and each stage had grown its own accelerator for
// them. WordSet is the one type:
//
//   - which word starts here, the longest one? Looked up by the first two
//     bytes at the position, so a text position costs a handful of compares
//     rather than one per word:
//       WordSet({"万", "万元", "亿元"}).LongestAt("共计3万元", 7) → "万元"
//     FirstAt asks the same with a condition: the longest word there that
//     the caller accepts ("共" opens a label, but not in "共同").
//   - which word ends here, the longest one (built with endings)? Looked up
//     by the last two bytes before the position, for the words trimmed off
//     a label's end:
//       WordSet({"达", "达到", "增长"}, {.endings = true})
//         .LongestEndingAt("受理案件达到", 18) → "达到"
//   - can this text hold any of the words at all? Answered by a few
//     characters that every word holds one of (picked greedily when the set
//     is built with covering characters), so a label holding none of them
//     is passed over with a search or two instead of one per word:
//       WordSet({"上年结转", "本年新收", "结转下年度"}, {.covering = true})
//         .covering_chars() → {"年"}; MayHoldAny("受理行政复议") → false
//
// Words keep their order among equals: LongestAt returns the first of the
// longest that match in the order given, so a list read from a file keeps
// the file's order deciding between words of one length. Positions are
// byte offsets into UTF-8 text; the matched word must start exactly at the
// offset (no boundary rule beyond that: callers decide what may follow).
#ifndef LAWREPORT_UTIL_WORD_SET_H_
#define LAWREPORT_UTIL_WORD_SET_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lawreport {

struct WordSetOptions {
  // Also pick the covering characters (MayHoldAny); costs a pass over the
  // words per character picked, so only sets asked that question pay it.
  bool covering = false;
  // Also index the words by their last bytes (LongestEndingAt,
  // FirstEndingAt); a second index of the same size, so only sets asked
  // that question pay it.
  bool endings = false;
};

class WordSet {
 public:
  WordSet() = default;
  // An empty word never matches at a position; with `covering` it makes
  // every text a possible holder (it is in every text).
  explicit WordSet(std::vector<std::string> words,
                   const WordSetOptions& options = {});

  std::size_t size() const { return words_.size(); }
  // The words in the order given.
  const std::vector<std::string>& words() const { return words_; }

  // The index (in the order given) of the longest word that starts at byte
  // `offset` of `text`, the first such in that order among equally long
  // ones; nullopt when none does or `offset` is at or past the end.
  std::optional<std::size_t> LongestAt(std::string_view text,
                                       std::size_t offset) const;

  // The index of the longest word starting at `offset` for which
  // `accept(index)` is true, trying the words longest first (in the order
  // given among equally long ones); nullopt when none is accepted.
  template <typename Accept>
  std::optional<std::size_t> FirstAt(std::string_view text, std::size_t offset,
                                     Accept accept) const {
    if (offset >= text.size() || bucket_begin_.empty()) return std::nullopt;
    const std::string_view rest = text.substr(offset);
    const unsigned char b1 =
        rest.size() >= 2 ? static_cast<unsigned char>(rest[1]) : 0;
    const std::size_t key = Key(static_cast<unsigned char>(rest[0]), b1);
    for (std::size_t k = bucket_begin_[key]; k < bucket_begin_[key + 1]; ++k) {
      const std::size_t i = candidates_[k];
      if (rest.starts_with(words_[i]) && accept(i)) return i;
    }
    return std::nullopt;
  }

  // The same for words that end at byte `end` of `text` (built with
  // endings; nullopt always otherwise, and when `end` is 0 or past the
  // end).
  std::optional<std::size_t> LongestEndingAt(std::string_view text,
                                             std::size_t end) const {
    return FirstEndingAt(text, end, [](std::size_t) { return true; });
  }
  template <typename Accept>
  std::optional<std::size_t> FirstEndingAt(std::string_view text,
                                           std::size_t end,
                                           Accept accept) const {
    if (end == 0 || end > text.size() || end_bucket_begin_.empty())
      return std::nullopt;
    const std::string_view before = text.substr(0, end);
    const unsigned char b_prev =
        end >= 2 ? static_cast<unsigned char>(before[end - 2]) : 0;
    const std::size_t key =
        Key(static_cast<unsigned char>(before[end - 1]), b_prev);
    for (std::size_t k = end_bucket_begin_[key]; k < end_bucket_begin_[key + 1];
         ++k) {
      const std::size_t i = end_candidates_[k];
      if (before.ends_with(words_[i]) && accept(i)) return i;
    }
    return std::nullopt;
  }

  // False only when `text` holds none of the words (built with covering;
  // true always otherwise).
  bool MayHoldAny(std::string_view text) const;
  // The covering characters, each a UTF-8 character ("" when a word is
  // empty); empty when built without covering.
  const std::vector<std::string>& covering_chars() const { return covering_; }

 private:
  // ASCII words are told apart by their one first byte; a UTF-8 lead byte
  // by the low six bits of it and of the next byte, the bits that differ
  // between characters. Keys may collide (C3 and E3 give the same); the
  // candidates are compared whole, so a collision costs a compare, not a
  // wrong match.
  static std::size_t Key(unsigned char b0, unsigned char b1) {
    if (b0 < 0x80) return b0;
    return 0x80 + ((static_cast<std::size_t>(b0 & 0x3F) << 6) | (b1 & 0x3F));
  }
  static constexpr std::size_t kKeys = 0x80 + 64 * 64;

  // Word numbers by the key of each word's two bytes that `ends` picks: the
  // first two (a start index) or the last and the one before it (an end
  // index, keyed as Key(last, before last)).
  static void BuildIndex(const std::vector<std::string>& words, bool ends,
                         std::vector<std::uint16_t>& bucket_begin,
                         std::vector<std::uint16_t>& candidates);
  void PickCovering();

  std::vector<std::string> words_;
  // Word numbers by key, longest first within each key (stable), in 16-bit
  // offsets: the index is built at the first report of every process, where
  // kilobytes of fresh memory cost page faults. Empty for an empty set.
  std::vector<std::uint16_t> bucket_begin_;  // kKeys + 1 offsets
  std::vector<std::uint16_t> candidates_;
  // The same by last bytes; empty unless built with endings.
  std::vector<std::uint16_t> end_bucket_begin_;
  std::vector<std::uint16_t> end_candidates_;
  bool covering_known_ = false;
  std::vector<std::string> covering_;
};

}  // namespace lawreport

#endif  // LAWREPORT_UTIL_WORD_SET_H_
