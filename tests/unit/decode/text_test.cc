// The normalized form and the offset map back to the source.
#include "lawreport/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

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

TEST(TextTest, LongMixedLinesKeepExactColumnsAndNormalization) {
  // Pieces a report mixes, with what each normalizes to: runs of plain
  // characters are copied (and counted) sixteen bytes at a time, so lines
  // here cross the 16-byte blocks and the 512-byte checkpoints at every
  // kind of character.
  const std::pair<std::string, std::string> pieces[] = {
      {"融", "融"},      {"a", "a"},
      {"、", "、"},      {"。", "。"},
      {"“", "“"},        {"（", "("},
      {"１", "1"},       {"\xE3\x80\x80", " "},
      {"\t", " "},       {"\xE2\x80\x8B", ""},
      {"é", "é"},        {"\xF0\xA0\x80\x80", "\xF0\xA0\x80\x80"},
      {"\xC2\xA0", " "}, {"\x7F", " "},
  };
  std::uint32_t seed = 12345;
  const auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  for (int round = 0; round < 40; ++round) {
    Text text;
    std::vector<std::string> sources;
    std::string expected_normalized;
    for (int line = 0; line < 3; ++line) {
      std::string source;
      const int count = static_cast<int>(next() % 900);
      for (int i = 0; i < count; ++i) {
        const auto& piece = pieces[next() % std::size(pieces)];
        source += piece.first;
        expected_normalized += piece.second;
      }
      if (line < 2) expected_normalized += "\n";
      text.AppendLine(source);
      sources.push_back(source);
    }
    ASSERT_EQ(text.normalized(), expected_normalized) << round;
    // Every normalized offset's column counts the source characters before
    // the source byte it maps to.
    for (std::size_t offset = 0; offset < text.normalized().size(); ++offset) {
      const SourcePosition position = text.PositionOf(offset);
      const Line& line =
          text.lines()[static_cast<std::size_t>(position.line - 1)];
      const std::size_t source = std::clamp(text.SourceOffset(offset),
                                            line.source_begin, line.source_end);
      int characters = 0;
      for (std::size_t b = line.source_begin; b < source; ++b)
        characters +=
            (static_cast<unsigned char>(text.source()[b]) & 0xC0) != 0x80;
      ASSERT_EQ(position.column, characters + 1) << round << " " << offset;
    }
  }
}

}  // namespace
}  // namespace lawreport
