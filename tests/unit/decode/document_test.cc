// The container readers' document model: paragraphs, table grids with
// spans, HTML whitespace, and pages of re-flowed PDF paragraphs.
#include "decode/document.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lawreport/decode.h"
#include "lawreport/indicators.h"
#include "lawreport/numbers.h"
#include "lawreport/outline.h"

namespace lawreport::decode_internal {
namespace {

TEST(CollapseSpaceTest, FollowsHtmlRulesForChinese) {
  struct Case {
    const char* markup;
    const char* text;
  };
  const Case cases[] = {
      {"融安县\n      人民政府", "融安县人民政府"},  // wrapped markup
      {"市长 殷勇", "市长 殷勇"},                    // a typed space stays
      {"  办结率\t 99.74% ", "办结率 99.74%"},
      {"Recognizers\n Text", "Recognizers Text"},
      {"融安县\n2023年", "融安县 2023年"},  // ASCII on one side: a space
      {"\n\n", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CollapseSpace(c.markup), c.text) << c.markup;
  }
}

TEST(CollapseCellSpaceTest, DropsLayoutBetweenChineseCharacters) {
  struct Case {
    const char* cell;
    const char* text;
  };
  const Case cases[] = {
      // h05: a header cell padded with NBSP and spaces.
      {"社会公益\u00a0 \u00a0 \u00a0 \u00a0组织", "社会公益组织"},
      {"法律服务\u00a0\u00a0\u00a0\u00a0机构", "法律服务机构"},
      {"\u3000\u3000本年新收\u3000政府信息公开申请数量",
       "本年新收政府信息公开申请数量"},
      {"法人或其他组织\n  商业企业", "法人或其他组织商业企业"},
      {"（一）\u2002予以公开", "（一）予以公开"},
      // ASCII on one side: one space.
      {"Recognizers\u00a0 \tText", "Recognizers Text"},
      {"2023年\u00a0\u00a012月", "2023年 12月"},
      {"总计\u00a0 12", "总计 12"},
      // At the ends: dropped.
      {"\u00a0 12 \u3000", "12"},
      {"\u00a0\u00a0", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CollapseCellSpace(c.cell), c.text) << c.cell;
  }
}

TEST(TrimLayoutSpaceTest, DropsIndentation) {
  EXPECT_EQ(TrimLayoutSpace("\xE3\x80\x80\xE3\x80\x80一、总体 \xC2\xA0"),
            "一、总体");
  EXPECT_EQ(TrimLayoutSpace("\xC2\xA0\xC2\xA0"), "");
}

CellBlock Cell(std::string text, int rows = 1, int columns = 1) {
  return CellBlock{std::move(text), rows, columns};
}

TEST(DocumentTest, TableCellsBecomeLinesPlacedInTheGrid) {
  // | 信息内容 (rowspan 2) | 申请人情况 (colspan 2) |
  // |                      | 自然人 | 法人        |
  // | 新收申请             | 12     | 3           |
  Document document;
  document.AddParagraph("\xE3\x80\x80一、申请情况");
  TableBlock table;
  table.rows.push_back({Cell("信息内容", 2), Cell("申请人情况", 1, 2)});
  table.rows.push_back({Cell("自然人"), Cell("法人")});
  table.rows.push_back({Cell("新收申请"), Cell("12"), Cell(" "), Cell("3")});
  document.AddTable(std::move(table));
  document.AddParagraph("受理申请15件。");
  const Text text = document.ToText();

  ASSERT_EQ(text.line_count(), 9);  // the empty cell has no line
  EXPECT_EQ(text.NormalizedLine(1), "一、申请情况");
  EXPECT_EQ(text.NormalizedLine(9), "受理申请15件。");
  ASSERT_EQ(text.tables().size(), 1u);
  const Table& grid = text.tables()[0];
  EXPECT_EQ(grid.first_line, 2);
  EXPECT_EQ(grid.last_line, 8);
  EXPECT_EQ(grid.rows, 3);
  EXPECT_EQ(grid.columns, 4);
  struct Place {
    int line, row, column, row_span, column_span;
  };
  const std::vector<Place> expected = {
      {2, 0, 0, 2, 1}, {3, 0, 1, 1, 2}, {4, 1, 1, 1, 1}, {5, 1, 2, 1, 1},
      {6, 2, 0, 1, 1}, {7, 2, 1, 1, 1}, {8, 2, 3, 1, 1}};
  ASSERT_EQ(grid.cells.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(grid.cells[i].line, expected[i].line);
    EXPECT_EQ(grid.cells[i].row, expected[i].row);
    EXPECT_EQ(grid.cells[i].column, expected[i].column);
    EXPECT_EQ(grid.cells[i].row_span, expected[i].row_span);
    EXPECT_EQ(grid.cells[i].column_span, expected[i].column_span);
  }
  EXPECT_EQ(text.TableAt(1), nullptr);
  EXPECT_EQ(text.TableAt(5), &grid);
  EXPECT_EQ(text.TableAt(9), nullptr);

  // The figures: labelled by row and column headers, and not headings.
  const Outline outline = BuildOutline(text);
  const std::vector<Indicator> indicators =
      ExtractIndicators(text, outline, FindMentions(text));
  ASSERT_EQ(indicators.size(), 3u);
  EXPECT_EQ(indicators[0].label, "新收申请/申请人情况/自然人");
  EXPECT_EQ(indicators[0].value.ToString(), "12");
  EXPECT_EQ(indicators[0].rule, "table");
  ASSERT_TRUE(indicators[0].cell);
  EXPECT_EQ(indicators[0].cell->table, 1);
  EXPECT_EQ(indicators[0].cell->row, 2);
  EXPECT_EQ(indicators[0].cell->column, 1);
  EXPECT_EQ(indicators[1].label, "新收申请");  // nothing above column 3
  EXPECT_EQ(indicators[2].label, "受理申请");
  EXPECT_FALSE(indicators[2].cell);
  ASSERT_EQ(outline.sections.size(), 1u);
  EXPECT_TRUE(outline.sections[0].children.empty());
}

// The same column padded differently in two years' pages labels its figure
// the same.
TEST(DocumentTest, PaddedHeaderCellsLabelFiguresAlike) {
  std::vector<std::string> labels;
  for (const char* header : {"社会公益组织", "社会公益\u00a0 \u00a0 \u00a0组织",
                             "\u3000社会公益\n      组织\u00a0"}) {
    SCOPED_TRACE(header);
    Document document;
    TableBlock table;
    table.rows.push_back({Cell("信息内容"), Cell(header)});
    table.rows.push_back({Cell("本年新收"), Cell("3")});
    document.AddTable(std::move(table));
    const Text text = document.ToText();
    EXPECT_EQ(text.NormalizedLine(2), "社会公益组织");
    const std::vector<Indicator> indicators =
        ExtractIndicators(text, BuildOutline(text), FindMentions(text));
    ASSERT_EQ(indicators.size(), 1u);
    labels.push_back(indicators[0].label);
  }
  EXPECT_EQ(labels, (std::vector<std::string>(3, "本年新收/社会公益组织")));
}

TEST(DocumentTest, HostileSpansAreClamped) {
  Document document;
  TableBlock table;
  table.rows.push_back({Cell("甲", 0, 100000), Cell("乙", 70000, 1)});
  table.rows.push_back({Cell("丙")});
  document.AddTable(std::move(table));
  const Text text = document.ToText();
  ASSERT_EQ(text.tables().size(), 1u);
  const Table& grid = text.tables()[0];
  EXPECT_EQ(grid.cells[0].row_span, 2);  // rowspan=0: to the end
  EXPECT_EQ(grid.cells[0].column_span, kMaxColumnSpan);
  EXPECT_EQ(grid.cells[1].row_span, 2);  // no more rows than the table has
  EXPECT_EQ(grid.cells[2].column, kMaxColumnSpan + 1);
}

TEST(DocumentTest, ReflowedParagraphsKnowTheirPages) {
  Document document;
  document.AddPagedParagraph("受理43601件，办结", {{0, 4}});
  // A paragraph broken by a page: "办结" on page 4, "43486件" on page 5.
  document.AddPagedParagraph("办结43486件。", {{0, 4}, {6, 5}});
  const Text text = document.ToText();
  ASSERT_EQ(text.line_count(), 2);
  const std::size_t second = text.lines()[1].begin;
  EXPECT_EQ(text.PageAt(0), 4);
  EXPECT_EQ(text.PageAt(second), 4);
  EXPECT_EQ(text.PageAt(second + 6), 5);
  EXPECT_EQ(text.PageAt(text.normalized().size()), 5);
  Text plain;
  plain.AppendLine("办结43486件。");
  EXPECT_EQ(plain.PageAt(3), 0);
}

TEST(DocumentTest, OcrWordsKeepTheirConfidence) {
  // "受理" 95, "43601" 62, "件，" 90 on an OCR'd page; then a line from a
  // text layer, and a paragraph whose second half was OCR'd.
  Document document;
  document.AddPagedParagraph("受理43601件，", {{0, 1}},
                             {{0, 95}, {6, 62}, {11, 90}});
  document.AddPagedParagraph("办结43486件。", {{0, 2}});
  document.AddPagedParagraph("办结43486件，\n办结率99.74%", {{0, 3}},
                             {{0, -1}, {18, 40}, {32, 88}});
  const Text text = document.ToText();
  ASSERT_EQ(text.line_count(), 4);
  struct Case {
    int line;
    std::size_t begin, end;  // in the line
    int confidence;
  };
  const Case cases[] = {
      {1, 0, 6, 95},    // 受理
      {1, 6, 11, 62},   // 43601
      {1, 6, 14, 62},   // 43601件: the lowest
      {1, 11, 14, 90},  // 件
      {2, 2, 7, -1},    // text layer
      {3, 6, 11, -1},   // text layer before the OCR'd words
      {4, 9, 14, 40},   // 99.74: the word "办结率99" holds its start
      {4, 14, 15, 88},  // %
  };
  for (const Case& c : cases) {
    const std::size_t start =
        text.lines()[static_cast<std::size_t>(c.line - 1)].begin;
    EXPECT_EQ(text.OcrConfidence(start + c.begin, start + c.end), c.confidence)
        << "line " << c.line << " [" << c.begin << ", " << c.end << ")";
  }
  Text plain;
  plain.AppendLine("办结43486件。");
  EXPECT_EQ(plain.OcrConfidence(0, 5), -1);
}

}  // namespace
}  // namespace lawreport::decode_internal
