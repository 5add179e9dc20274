// CharSet: membership by ranges, in and beyond the Basic Multilingual
// Plane, unions, and the every-character set that rules nothing out.
#include "util/char_set.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

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

}  // namespace
}  // namespace lawreport
