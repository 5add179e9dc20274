// CharSet: membership, and the characters a list of patterns is written with
// (or none, when a pattern matches characters it does not name).
#include "util/char_set.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"

namespace lawreport {
namespace {

TEST(CharSetTest, ContainsWhatItWasGivenOnce) {
  const CharSet set({U'五', U'十', U'四', U'十'});
  EXPECT_EQ(set.chars(), (std::vector<char32_t>{U'五', U'十', U'四'}));
  EXPECT_TRUE(set.Contains(U'十'));
  EXPECT_FALSE(set.Contains(U'年'));
  EXPECT_FALSE(CharSet().Contains(U'十'));
}

struct PatternCase {
  std::vector<std::string> patterns;
  // nullopt: the patterns do not name every character they match.
  std::optional<std::u32string> chars;
};

TEST(CharSetTest, TheCharactersPatternsAreWrittenWith) {
  const PatternCase cases[] = {
      {{"十四五"}, U"五十四"},
      {{"十四五", "二十大"}, U"二五十四大"},
      // Syntax characters are taken too: a larger set is still safe.
      {{"(?:十四|十三)五"}, U"(:?|)三五十四"},
      // A range names every character in it.
      {{"[0-3]"}, U"0123[]"},
      {{"第[①-③]"}, U"[]第①②③"},
      // A - that closes a class is itself.
      {{"[a-]"}, U"-[]a"},
      {{}, U""},
      // Anything that matches characters it does not name: no set.
      {{"第.届"}, std::nullopt},
      {{"\\d+"}, std::nullopt},
      {{"^十四五"}, std::nullopt},
      {{"(?i)abc"}, std::nullopt},
      {{"十四五", "[9-0]"}, std::nullopt},        // a backward range
      {{"[一-龥]"}, std::nullopt},                // a range too wide to list
      {{std::string("\xE5\x8D")}, std::nullopt},  // cut UTF-8
  };
  for (const PatternCase& c : cases) {
    const std::optional<CharSet> set = CharSet::OfPatterns(c.patterns);
    ASSERT_EQ(set.has_value(), c.chars.has_value())
        << (c.patterns.empty() ? "" : c.patterns.front());
    if (!set) continue;
    std::u32string sorted = *c.chars;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(std::u32string(set->chars().begin(), set->chars().end()), sorted)
        << c.patterns.front();
  }
}

TEST(CharSetTest, TheFixedTermsNameTheirCharacters) {
  // fixed_terms.tsv is written so its windows are safe: if a pattern ever
  // needs ".", the extractor searches the whole text instead, which is slow.
  std::vector<std::string> patterns;
  for (const lexicon::TsvRow& row : lexicon::ReadTsv("fixed_terms.tsv"))
    patterns.emplace_back(row.Get("pattern"));
  const std::optional<CharSet> set = CharSet::OfPatterns(patterns);
  ASSERT_TRUE(set.has_value());
  EXPECT_TRUE(set->Contains(U'十'));
}

}  // namespace
}  // namespace lawreport
