// DOCX list numbering (src/decode/docx_numbering.h): Word's number formats,
// one row per format and edge, and the markers a list gives its paragraphs
// in order, with the bounds a crafted numbering.xml runs into.
#include "decode/docx_numbering.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lawreport::decode_internal::docx {
namespace {

struct FormatCase {
  int value;
  const char* format;
  std::string expected;
};

TEST(DocxNumberingTest, FormatNumber) {
  const std::vector<FormatCase> cases = {
      {1, "decimal", "1"},
      {-3, "decimal", "-3"},
      {12, "chineseCounting", "十二"},
      {105, "chineseCountingThousand", "一百零五"},
      {0, "chineseCounting", "0"},  // no numeral for zero: decimal
      {105, "ideographDigital", "一〇五"},
      {3, "chineseLegalSimplified", "叁"},
      {10, "chineseLegalSimplified", "10"},
      {2, "ideographTraditional", "乙"},
      {11, "ideographTraditional", "11"},
      {3, "decimalEnclosedCircle", "③"},
      {21, "decimalEnclosedCircle", "21"},
      {12, "decimalFullWidth", "１２"},
      {5, "decimalZero", "05"},
      {12, "decimalZero", "12"},
      {3, "upperRoman", "III"},
      {1994, "lowerRoman", "mcmxciv"},
      {4000, "lowerRoman", "4000"},
      {0, "upperRoman", "0"},
      {1, "lowerLetter", "a"},
      {28, "lowerLetter", "bb"},
      {27, "upperLetter", "AA"},
      {0, "lowerLetter", "0"},
      // Letters repeat at most kMaxLetterRepeats times, then decimal.
      {26 * kMaxLetterRepeats, "lowerLetter",
       std::string(static_cast<std::size_t>(kMaxLetterRepeats), 'z')},
      {26 * kMaxLetterRepeats + 1, "upperLetter", "1665"},
      {999999, "lowerLetter", "999999"},
      {7, "bullet", ""},
      {7, "none", ""},
      {7, "cardinalText", "7"},  // a format not rendered: decimal
  };
  for (const FormatCase& c : cases) {
    EXPECT_EQ(FormatNumber(c.value, c.format), c.expected)
        << c.value << " as " << c.format;
  }
}

// A two-level list like the reports': "一、" then "（一）".
Numbering HeadingList() {
  Numbering numbering;
  AbstractNumbering& abstract = numbering.Abstract("3");
  abstract.levels[0].format = "chineseCounting";
  abstract.levels[0].text = "%1、";
  abstract.levels[1].format = "chineseCounting";
  abstract.levels[1].text = "（%2）";
  numbering.Instance("5").abstract_id = "3";
  return numbering;
}

NumberReference At(const char* num_id, int level) {
  return NumberReference{std::string(num_id), level};
}

TEST(DocxNumberingTest, LevelsCountAndRestart) {
  Numbering numbering = HeadingList();
  EXPECT_EQ(numbering.Next(At("5", 0)), "一、");
  EXPECT_EQ(numbering.Next(At("5", 1)), "（一）");
  EXPECT_EQ(numbering.Next(At("5", 1)), "（二）");
  EXPECT_EQ(numbering.Next(At("5", 0)), "二、");
  EXPECT_EQ(numbering.Next(At("5", 1)), "（一）");  // restarted under 二、
}

TEST(DocxNumberingTest, UnnumberedParagraphs) {
  Numbering numbering = HeadingList();
  EXPECT_EQ(numbering.Next(NumberReference{}), "");
  EXPECT_EQ(numbering.Next(At("0", 0)), "");  // numbering removed
  EXPECT_EQ(numbering.Next(At("9", 0)), "");  // no such list
  numbering.Instance("6").abstract_id = "404";
  EXPECT_EQ(numbering.Next(At("6", 0)), "");  // no such abstract list
  numbering.Abstract("3").levels[2].format = "bullet";
  numbering.Abstract("3").levels[2].text = "%3";
  EXPECT_EQ(numbering.Next(At("5", 2)), "");
  // A level out of range is clamped to 0 … 8.
  EXPECT_EQ(numbering.Next(At("5", -4)), "一、");
  EXPECT_EQ(numbering.Next(At("5", 0)), "二、");
}

TEST(DocxNumberingTest, SharedAbstractAndStartOverride) {
  Numbering numbering = HeadingList();
  numbering.Instance("7").abstract_id = "3";
  // Two w:num of one abstract list count together …
  EXPECT_EQ(numbering.Next(At("5", 0)), "一、");
  EXPECT_EQ(numbering.Next(At("7", 0)), "二、");
  // … unless one restarts it.
  numbering.Instance("8").abstract_id = "3";
  numbering.Instance("8").start_overrides[0] = 4;
  EXPECT_EQ(numbering.Next(At("8", 0)), "四、");
  EXPECT_EQ(numbering.Next(At("8", 0)), "五、");
  EXPECT_EQ(numbering.Next(At("5", 0)), "三、");
}

TEST(DocxNumberingTest, SuffixLegalAndRestartLevel) {
  Numbering numbering;
  AbstractNumbering& abstract = numbering.Abstract("1");
  abstract.levels[0].format = "chineseCounting";
  abstract.levels[0].text = "第%1章";
  abstract.levels[1].text = "%1.%2";
  abstract.levels[1].legal = true;
  abstract.levels[2].text = "%3)";
  abstract.levels[2].restart = 0;  // never restarts
  numbering.Instance("1").abstract_id = "1";
  // A marker that ends in a word keeps one space; one ending in
  // punctuation none.
  EXPECT_EQ(numbering.Next(At("1", 0)), "第一章 ");
  EXPECT_EQ(numbering.Next(At("1", 1)), "1.1 ");  // isLgl: decimal
  EXPECT_EQ(numbering.Next(At("1", 2)), "1)");
  EXPECT_EQ(numbering.Next(At("1", 0)), "第二章 ");
  EXPECT_EQ(numbering.Next(At("1", 2)), "2)");  // lvlRestart 0
  abstract.levels[0].suffix = "nothing";
  EXPECT_EQ(numbering.Next(At("1", 0)), "第三章");
}

TEST(DocxNumberingTest, CraftedMarkersAreDropped) {
  Numbering numbering;
  AbstractNumbering& abstract = numbering.Abstract("1");
  abstract.levels[0].text = std::string(kMaxMarkerBytes + 1, 'x');
  abstract.levels[1].format = "lowerLetter";
  abstract.levels[1].start = 999999;
  abstract.levels[1].text = "%2.";
  abstract.levels[2].format = "lowerLetter";
  abstract.levels[2].start = 26 * 63 + 1;  // 64 letters
  abstract.levels[2].text = "%3%3%3%3%3";
  numbering.Instance("1").abstract_id = "1";
  EXPECT_EQ(numbering.Next(At("1", 0)), "");  // a 257-byte lvlText
  EXPECT_EQ(numbering.Next(At("1", 1)), "999999.");
  EXPECT_EQ(numbering.Next(At("1", 2)), "");  // 320 letters
}

// Found by fuzz_docx_numbering: a marker exactly at the bound and then one
// byte more, by a literal after the last number or by the suffix's space,
// came out at 257 bytes.
TEST(DocxNumberingTest, NoMarkerCrossesTheBoundByItsLastByte) {
  Numbering numbering;
  AbstractNumbering& abstract = numbering.Abstract("1");
  abstract.levels[0].start = 1000;
  abstract.levels[0].text = std::string(kMaxMarkerBytes - 4, 'x') + "%1";
  abstract.levels[1].format = "lowerLetter";
  abstract.levels[1].start = 26 * 63 + 1;  // 64 letters
  abstract.levels[1].text = "%2%2%2%2.";
  abstract.levels[2].start = 1000;
  abstract.levels[2].suffix = "nothing";
  abstract.levels[2].text = std::string(kMaxMarkerBytes - 4, 'x') + "%3";
  numbering.Instance("1").abstract_id = "1";
  EXPECT_EQ(numbering.Next(At("1", 0)), "");  // 256 bytes, then a space
  EXPECT_EQ(numbering.Next(At("1", 1)), "");  // 256 letters, then "."
  // Exactly at the bound is kept.
  EXPECT_EQ(numbering.Next(At("1", 2)),
            std::string(kMaxMarkerBytes - 4, 'x') + "1000");
}

}  // namespace
}  // namespace lawreport::decode_internal::docx
