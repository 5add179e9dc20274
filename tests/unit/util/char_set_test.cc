// CharSet: membership by ranges, in and beyond the Basic Multilingual
// Plane, unions, the every-character set that rules nothing out, and the
// characters a list of patterns is written with (or none, when a pattern
// matches characters it does not name).
#include "util/char_set.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"

namespace lawreport {
namespace {

TEST(CharSetTest, Contains) {
  const CharSet set({{U'第', U'第'},
                     {U'0', U'9'},
                     {U'（', U'（'},
                     {U'①', U'⑳'},
                     {0x20000, 0x2A6DF}});  // CJK Extension B
  const struct {
    char32_t cp;
    bool in;
  } cases[] = {
      {U'第', true},   {U'0', true},     {U'9', true},    {U'/', false},
      {U':', false},   {U'（', true},    {U'(', false},   {U'①', true},
      {U'⑳', true},    {U'㉑', false},   {U'一', false},  {0x20000, true},
      {0x2A6DF, true}, {0x2A6E0, false}, {0xFFFF, false}, {0x10000, false},
      {U'\0', false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(set.Contains(c.cp), c.in)
        << std::hex << static_cast<std::uint32_t>(c.cp);
  }
  EXPECT_FALSE(set.every());
}

TEST(CharSetTest, MayOpen) {
  const CharSet set({{U'第', U'第'}, {U'一', U'一'}, {U'(', U'('}});
  const struct {
    const char* text;
    bool may_open;
  } cases[] = {
      {"第一章 总则", true},
      {"一、总体情况", true},
      {"(二)", true},
      {"推进法治政府建设", false},
      {"", false},
      {"\xE7", false},  // a cut character decodes to U+FFFD
  };
  for (const auto& c : cases) {
    EXPECT_EQ(set.MayOpen(c.text), c.may_open) << c.text;
  }
}

TEST(CharSetTest, EmptyAndEvery) {
  const CharSet empty;
  EXPECT_FALSE(empty.Contains(U'第'));
  EXPECT_FALSE(empty.MayOpen("第一章"));
  const CharSet every = CharSet::Every();
  EXPECT_TRUE(every.every());
  EXPECT_TRUE(every.Contains(U'第'));
  EXPECT_TRUE(every.Contains(0x10FFFF));
  EXPECT_TRUE(every.MayOpen(""));  // it rules nothing out
  // A reversed range holds nothing.
  EXPECT_FALSE(CharSet({{U'9', U'0'}}).Contains(U'5'));
}

TEST(CharSetTest, UnionHoldsWhatEitherHolds) {
  CharSet any({{U'第', U'第'}});
  any.Add(CharSet({{U'（', U'（'}, {0x20000, 0x20000}}));
  any.Add(CharSet({{U'0', U'9'}}));
  for (const char32_t cp : {U'第', U'（', U'5', char32_t{0x20000}})
    EXPECT_TRUE(any.Contains(cp)) << std::hex << static_cast<std::uint32_t>(cp);
  for (const char32_t cp : {U'一', U'(', char32_t{0x20001}})
    EXPECT_FALSE(any.Contains(cp))
        << std::hex << static_cast<std::uint32_t>(cp);
  EXPECT_FALSE(any.every());
  // With a set of every character, the union is every character.
  any.Add(CharSet::Every());
  EXPECT_TRUE(any.every());
  EXPECT_TRUE(any.Contains(U'一'));
}

TEST(CharSetTest, ContainsWhatItWasGivenOnce) {
  const CharSet set = CharSet::Of({U'五', U'十', U'四', U'十'});
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
    const std::vector<char32_t> chars = set->chars();
    EXPECT_EQ(std::u32string(chars.begin(), chars.end()), sorted)
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
