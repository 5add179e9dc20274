#include "util/chinese_number.h"

#include <gtest/gtest.h>

#include <string>

#include "util/utf8.h"

namespace lawreport::numerals {
namespace {

TEST(ChineseNumberTest, Values) {
  struct Case {
    const char* text;
    const char* value;  // nullptr: not a number
    bool digit_string;
  };
  const Case cases[] = {
      {"二十三", "23", false},
      {"一百零五", "105", false},
      {"三千零二十", "3020", false},
      {"十一", "11", false},
      {"两千", "2000", false},
      {"两万", "20000", false},
      {"廿", "20", false},
      {"卅五", "35", false},
      {"壹佰贰拾", "120", false},
      {"九十九点七", "99.7", false},
      {"一亿二千万", "120000000", false},
      {"三万零五百", "30500", false},
      {"十万", "100000", false},
      {"零", "0", false},
      {"二〇二三", "2023", true},
      {"一九九八", "1998", true},
      {"十四五", nullptr, false},
      {"五零", "50", true},
      {"百", nullptr, false},
      {"万", nullptr, false},
      {"点五", nullptr, false},
      {"零五", "5", true},
  };
  for (const Case& c : cases) {
    const auto parsed = ParseChineseNumber(c.text);
    if (c.value == nullptr) {
      EXPECT_FALSE(parsed) << c.text << " → " << parsed->value.ToString();
      continue;
    }
    ASSERT_TRUE(parsed) << c.text;
    EXPECT_EQ(parsed->value.ToString(), c.value) << c.text;
    EXPECT_EQ(parsed->digit_string, c.digit_string) << c.text;
  }
}

TEST(ChineseNumberTest, WhichCharactersOpenANumeral) {
  EXPECT_TRUE(StartsChineseNumeral(U'三'));
  EXPECT_TRUE(StartsChineseNumeral(U'十'));
  EXPECT_FALSE(StartsChineseNumeral(U'千'));  // 千家万户
  EXPECT_FALSE(StartsChineseNumeral(U'百'));  // 百姓
  EXPECT_FALSE(StartsChineseNumeral(U'万'));  // 万众
  EXPECT_FALSE(StartsChineseNumeral(U'零'));
  // Exactly these open a numeral: every digit ParseChineseNumber reads but
  // 零, and the tens; nothing else in the whole BMP.
  const std::u32string openers =
      U"〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾廿卅";
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    ASSERT_EQ(StartsChineseNumeral(cp),
              openers.find(cp) != std::u32string::npos)
        << static_cast<unsigned>(cp);
  }
  for (const char32_t cp : openers) {
    if (cp == U'十' || cp == U'拾' || cp == U'廿' || cp == U'卅') continue;
    std::string digit;
    utf8::Append(digit, cp);
    EXPECT_TRUE(ParseChineseNumber(digit)) << digit;
  }
}

}  // namespace
}  // namespace lawreport::numerals
