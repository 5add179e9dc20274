// The normalized form and the offset map back to the source.
#include "lawreport/text.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace lawreport {
namespace {

struct NormalizeCase {
  std::string source;
  std::string normalized;
};

TEST(TextTest, Normalization) {
  const NormalizeCase cases[] = {
      {"（一）加强", "(一)加强"},
      {"１．完善", "1.完善"},
      {"９９．７４％", "99.74%"},
      {"1，186件", "1,186件"},
      {"\xE3\x80\x80\xE3\x80\x80二、", "  二、"},  // U+3000 indentation
      {"a\xC2\xA0"
       "b\tc",
       "a b c"},  // NBSP and tab
      {"融\xE2\x80\x8B安\xEF\xBB\xBF县",
       "融安县"},  // zero-width space and stray BOM
      {"“三项制度”、《纲要》〔2017〕",
       "“三项制度”、《纲要》〔2017〕"},  // kept as written
  };
  for (const NormalizeCase& c : cases) {
    Text text;
    text.AppendLine(c.source);
    EXPECT_EQ(text.normalized(), c.normalized) << c.source;
    EXPECT_EQ(text.source(), c.source);
    // The whole normalized line maps back to the whole source line.
    EXPECT_EQ(text.SourceOf(0, text.normalized().size()), c.source);
  }
}

TEST(TextTest, OffsetMapFindsSourceText) {
  Text text;
  text.AppendLine("融安县2023年法治政府建设年度报告");
  text.AppendLine("\xE3\x80\x80（一）办结率９９．７４％。");
  const std::string& normalized = text.normalized();
  const std::size_t marker = normalized.find("(一)");
  ASSERT_NE(marker, std::string::npos);
  EXPECT_EQ(text.SourceOf(marker, marker + 5), "（一）");
  const std::size_t rate = normalized.find("99.74%");
  EXPECT_EQ(text.SourceOf(rate, rate + 6), "９９．７４％");
  EXPECT_EQ(text.PositionOf(rate).line, 2);
  // Column counts source characters: U+3000, （, 一, ）, 办, 结, 率 come first.
  EXPECT_EQ(text.PositionOf(rate).column, 8);
  EXPECT_EQ(text.PositionOf(0).line, 1);
  EXPECT_EQ(text.PositionOf(0).column, 1);
  EXPECT_EQ(text.NormalizedLine(2), " (一)办结率99.74%。");
}

TEST(TextTest, RemovedCharactersDoNotShiftLaterOffsets) {
  Text text;
  text.AppendLine(
      "a\xE2\x80\x8B\xE2\x80\x8B"
      "bc");  // two zero-width spaces
  EXPECT_EQ(text.normalized(), "abc");
  EXPECT_EQ(text.SourceOf(1, 3), "bc");
  EXPECT_EQ(text.PositionOf(2).column, 5);
}

}  // namespace
}  // namespace lawreport
