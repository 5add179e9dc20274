#include "util/chinese_numeral.h"

#include <gtest/gtest.h>

namespace lawreport {
namespace {

struct Case {
  const char* text;
  std::optional<int> value;
};

TEST(ChineseNumeralTest, Ordinals) {
  const Case cases[] = {
      {"一", 1},
      {"九", 9},
      {"十", 10},
      {"十一", 11},
      {"十二", 12},
      {"二十", 20},
      {"二十一", 21},
      {"一百零五", 105},
      {"三千零二十", 3020},
      {"两千", 2000},
      {"廿", 20},
      {"廿一", 21},
      {"卅", 30},
      {"壹拾贰", 12},
      {"玖", 9},
      // Not ordinals: digit strings, empty, zero, units out of order, other
      // text.
      {"二〇", std::nullopt},
      {"", std::nullopt},
      {"零", std::nullopt},
      {"十百", std::nullopt},
      {"是", std::nullopt},
      {"1", std::nullopt},
  };
  for (const Case& c : cases)
    EXPECT_EQ(ParseChineseOrdinal(c.text), c.value) << c.text;
}

TEST(ChineseNumeralTest, CircledAndArabic) {
  EXPECT_EQ(ParseCircled("①"), 1);
  EXPECT_EQ(ParseCircled("⑳"), 20);
  EXPECT_EQ(ParseCircled("①②"), std::nullopt);
  EXPECT_EQ(ParseArabic("12"), 12);
  EXPECT_EQ(ParseArabic("1a"), std::nullopt);
  EXPECT_EQ(ParseArabic("12345"), std::nullopt);
}

TEST(ChineseNumeralTest, FormatsWordListNumbers) {
  // A table laid out by hand: the formatter would give it a line a case.
  // clang-format off
  const std::pair<int, const char*> cases[] = {
      {1, "一"},     {9, "九"},          {10, "十"},         {11, "十一"},
      {20, "二十"},  {21, "二十一"},      {100, "一百"},      {105, "一百零五"},
      {110, "一百一十"}, {1001, "一千零一"}, {9999, "九千九百九十九"},
      {0, "0"},      {10000, "10000"}};
  // clang-format on
  for (const auto& [value, written] : cases) {
    EXPECT_EQ(FormatChineseCounting(value), written) << value;
    if (value >= 1 && value <= 9999) {
      EXPECT_EQ(ParseChineseOrdinal(written), value);
    }
  }
}

}  // namespace
}  // namespace lawreport
