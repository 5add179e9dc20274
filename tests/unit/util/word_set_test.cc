// WordSet: the longest word at a position and the longest ending at one
// (first in the given order among equals), the first a caller accepts, and
// the covering characters that rule a text out, checked against a plain scan
// of the words.
#include "util/word_set.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "test_support.h"

namespace lawreport {
namespace {

// What LongestAt must answer: the first of the longest words that start at
// `offset`, by a scan of every word.
std::optional<std::size_t> ScanLongestAt(const std::vector<std::string>& words,
                                         std::string_view text,
                                         std::size_t offset) {
  std::optional<std::size_t> best;
  if (offset >= text.size()) return best;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word.empty() || text.substr(offset, word.size()) != word) continue;
    if (!best || word.size() > words[*best].size()) best = i;
  }
  return best;
}

struct LongestCase {
  std::string text;
  std::size_t offset;
  std::optional<std::string> word;  // nullopt: no word starts there
};

TEST(WordSetTest, LongestWordAtAPosition) {
  const WordSet set({"万", "元", "万元", "亿元", "个百分点", "个", "%", "km",
                     "k", "件次", "件"});
  const LongestCase cases[] = {
      {"共计3万元", 7, "万元"},  // longer than 万
      {"3万人", 1, "万"},
      {"12.5个百分点", 4, "个百分点"},
      {"3个", 1, "个"},
      {"99.74%", 5, "%"},
      {"5km", 1, "km"},
      {"5kg", 1, "k"},  // ASCII keyed by one byte
      {"31件次", 2, "件次"},
      {"31件", 2, "件"},
      {"31人", 2, std::nullopt},
      {"万", 1, std::nullopt},  // at the end
      {"万", 9, std::nullopt},  // past the end
      {"", 0, std::nullopt},
      // 下 shares its lead byte E4 with 万 (E4 B8 87): the second byte tells
      // them apart, and a collision would only cost a compare.
      {"下降", 0, std::nullopt},
  };
  for (const LongestCase& c : cases) {
    const std::optional<std::size_t> found = set.LongestAt(c.text, c.offset);
    ASSERT_EQ(found.has_value(), c.word.has_value())
        << c.text << " @" << c.offset;
    if (found) {
      EXPECT_EQ(set.words()[*found], *c.word) << c.text;
    }
  }
}

TEST(WordSetTest, AmongEquallyLongWordsTheFirstGivenWins) {
  // Two spellings of one length that both match: the earlier in the list.
  const WordSet set({"ab", "a", "ab", "abc"});
  EXPECT_EQ(set.LongestAt("abx", 0), std::optional<std::size_t>(0));
  EXPECT_EQ(set.LongestAt("abc", 0), std::optional<std::size_t>(3));
  EXPECT_EQ(set.LongestAt("ax", 0), std::optional<std::size_t>(1));
}

TEST(WordSetTest, ALoneLeadByteMatchesWhateverFollows) {
  // A one-byte non-ASCII word (a truncated character) is filed under every
  // second byte, so it is found whatever follows it.
  const WordSet set({std::string("\xE4"), "万"});
  EXPECT_EQ(set.LongestAt("万", 0), std::optional<std::size_t>(1));
  EXPECT_EQ(set.LongestAt("下", 0), std::optional<std::size_t>(0));
  EXPECT_FALSE(WordSet({""}).LongestAt("abc", 0));  // an empty word: never
  EXPECT_FALSE(WordSet().LongestAt("abc", 0));
}

TEST(WordSetTest, EveryPositionOfTheSampleAgreesWithAScan) {
  // The units list over the bundled report: the index answers at every
  // byte exactly what a scan of all the words answers.
  std::vector<std::string> units;
  for (const lexicon::TsvRow& row : lexicon::ReadTsv("units.tsv"))
    units.emplace_back(row.Get("unit"));
  ASSERT_GT(units.size(), 50u);
  const WordSet set(units);
  // Its first 8 KB: the scan it is checked against is slow.
  const std::string text =
      testing::ReadFileOrDie(LAWREPORT_SAMPLE).substr(0, 8192);
  std::size_t matched = 0;
  for (std::size_t offset = 0; offset <= text.size(); ++offset) {
    const std::optional<std::size_t> expected =
        ScanLongestAt(units, text, offset);
    const std::optional<std::size_t> found = set.LongestAt(text, offset);
    ASSERT_EQ(found.has_value(), expected.has_value()) << offset;
    if (!found) continue;
    // Equal words may repeat in a list: the same word, the first index.
    EXPECT_EQ(*found, *expected) << units[*expected] << " @" << offset;
    ++matched;
  }
  EXPECT_GT(matched, 30u);
}

// What LongestEndingAt must answer: the first of the longest words that end
// at `end`, by a scan of every word.
std::optional<std::size_t> ScanLongestEndingAt(
    const std::vector<std::string>& words, std::string_view text,
    std::size_t end) {
  std::optional<std::size_t> best;
  if (end == 0 || end > text.size()) return best;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word.empty() || !text.substr(0, end).ends_with(word)) continue;
    if (!best || word.size() > words[*best].size()) best = i;
  }
  return best;
}

TEST(WordSetTest, LongestWordEndingAtAPosition) {
  // The label trimmers' question: which word ends the label here.
  const WordSet set({"达", "达到", "增长", "同比增长", "%", "ab", "b"},
                    {.endings = true});
  const LongestCase cases[] = {
      {"受理案件达到", 18, "达到"},
      {"受理案件达", 15, "达"},
      {"受理案件达到", 15, "达"},  // before 到: 达 ends there
      {"产值同比增长", 18, "同比增长"},
      {"产值增长", 12, "增长"},
      {"增长率", 9, std::nullopt},  // 率 ends no word
      {"5%", 2, "%"},
      {"xab", 3, "ab"},
      {"xb", 2, "b"},
      {"达", 0, std::nullopt},  // nothing ends before the text
      {"达", 4, std::nullopt},  // past the end
  };
  for (const LongestCase& c : cases) {
    const std::optional<std::size_t> found =
        set.LongestEndingAt(c.text, c.offset);
    ASSERT_EQ(found.has_value(), c.word.has_value())
        << c.text << " @" << c.offset;
    if (found) {
      EXPECT_EQ(set.words()[*found], *c.word) << c.text;
    }
  }
  // Without endings the set answers no suffix question.
  EXPECT_FALSE(WordSet({"达"}).LongestEndingAt("达", 3));
  // A lone byte is filed under every byte before it.
  const WordSet lone({std::string("\xBE")}, {.endings = true});
  EXPECT_TRUE(lone.LongestEndingAt("达", 3));  // 达 is E8 BE BE
}

TEST(WordSetTest, FirstAcceptedWordTakesTheLongestTheCallerAllows) {
  // A trimmer's condition: the longest word is refused, the next taken.
  const WordSet set({"共", "共计", "计"}, {.endings = true});
  const auto not_longest = [&](std::size_t i) {
    return set.words()[i] != "共计";
  };
  EXPECT_EQ(set.FirstAt("共计5件", 0, not_longest),
            std::optional<std::size_t>(0));
  EXPECT_EQ(set.FirstEndingAt("合共计", 9, not_longest),
            std::optional<std::size_t>(2));
  EXPECT_FALSE(set.FirstAt("共计", 0, [](std::size_t) { return false; }));
}

TEST(WordSetTest, EveryEndOfTheSampleAgreesWithAScan) {
  // The change words over the bundled report, from every byte end.
  std::vector<std::string> words;
  for (const lexicon::TsvRow& row : lexicon::ReadTsv("label_trim.tsv"))
    words.emplace_back(row.Get("word"));
  for (const lexicon::TsvRow& row : lexicon::ReadTsv("change_words.tsv"))
    words.emplace_back(row.Get("word"));
  ASSERT_GT(words.size(), 30u);
  const WordSet set(words, {.endings = true});
  const std::string text =
      testing::ReadFileOrDie(LAWREPORT_SAMPLE).substr(0, 8192);
  std::size_t matched = 0;
  for (std::size_t end = 0; end <= text.size() + 1; ++end) {
    const std::optional<std::size_t> expected =
        ScanLongestEndingAt(words, text, end);
    const std::optional<std::size_t> found = set.LongestEndingAt(text, end);
    ASSERT_EQ(found.has_value(), expected.has_value()) << end;
    if (!found) continue;
    EXPECT_EQ(*found, *expected) << words[*expected] << " @" << end;
    ++matched;
  }
  EXPECT_GT(matched, 30u);
}

struct CoveringCase {
  std::vector<std::string> words;
  std::vector<std::string> covering;
  std::vector<std::string> held;      // texts MayHoldAny lets through
  std::vector<std::string> not_held;  // texts it rules out
};

TEST(WordSetTest, CoveringCharactersRuleOutTextsWithoutAnyWord) {
  const CoveringCase cases[] = {
      // 年 is in all three: one search.
      {{"上年结转", "本年新收", "结转下年度"},
       {"年"},
       {"上年结转案件", "年"},
       {"受理行政复议", "办结"}},
      // Greedy: 结 covers two, then 新 the last.
      {{"办结", "结转", "新收"},
       {"结", "新"},
       {"本年办结", "新收案件"},
       {"本年受理", "收到"}},
      // An empty word is in every text: nothing is ruled out.
      {{"办结", ""}, {"办", ""}, {"受理", ""}, {}},
      {{}, {}, {}, {"anything"}},
  };
  for (const CoveringCase& c : cases) {
    const WordSet set(c.words, {.covering = true});
    EXPECT_EQ(set.covering_chars(), c.covering);
    for (const std::string& text : c.held) EXPECT_TRUE(set.MayHoldAny(text));
    for (const std::string& text : c.not_held)
      EXPECT_FALSE(set.MayHoldAny(text)) << text;
    // Whatever holds a word is never ruled out.
    for (const std::string& word : c.words)
      EXPECT_TRUE(set.MayHoldAny("前" + word + "后")) << word;
  }
  // Built without covering, every text may hold a word.
  EXPECT_TRUE(WordSet({"办结"}).MayHoldAny("受理"));
}

}  // namespace
}  // namespace lawreport
