// Tables written as plain text (decode/text_tables.h): which lines are
// rows, where each cell sits in the grid, and what is not a table.
#include "decode/text_tables.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace lawreport::decode_internal {
namespace {

// Every cell as "row,column:text" in text order (spans shown as +N).
std::vector<std::string> Grid(const Text& text, const Table& table) {
  std::vector<std::string> cells;
  for (const TableCell& cell : table.cells) {
    std::string entry = std::to_string(cell.row) + "," +
                        std::to_string(cell.column) + ":" +
                        std::string(text.SourceOf(cell.begin, cell.end));
    if (cell.row_span > 1) entry += "+" + std::to_string(cell.row_span - 1);
    cells.push_back(entry);
  }
  return cells;
}

struct Case {
  const char* name;
  const char* text;
  int tables;
  std::vector<std::string> grid;  // of the first table
};

TEST(TextTablesTest, LayoutsBecomeGrids) {
  const Case cases[] = {
      {"tabs",
       "信息内容\t本年处理决定数量\n行政许可\t2629\n",
       1,
       {"0,0:信息内容", "0,1:本年处理决定数量", "1,0:行政许可", "1,1:2629"}},
      {"pipes with the rule row",
       "| 信息内容 | 本年处理决定数量 |\n|---|---|\n| 行政许可 | 517645 |\n",
       1,
       {"0,0:信息内容", "0,1:本年处理决定数量", "1,0:行政许可", "1,1:517645"}},
      {"pipes without it",
       "| 结果维持 | 总计 |\n| 27 | 61 |\n",
       1,
       {"0,0:结果维持", "0,1:总计", "1,0:27", "1,1:61"}},
      {"aligned spaces",
       "       信息内容   本年制发件数    现行有效件数\n"
       "规章               0          0\n"
       "行政规范性文件          3          8\n",
       1,
       {"0,0:信息内容", "0,1:本年制发件数", "0,2:现行有效件数", "1,0:规章",
        "1,1:0", "1,2:0", "2,0:行政规范性文件", "2,1:3", "2,2:8"}},
      // A browser copy drops row spans: （二） stays under 三、.
      {"row labels under a deeper marker",
       "三、本年度办理结果\t（一）予以公开\t22\t22\n"
       "（二）部分公开\t19\t20\n"
       "四、结转下年度继续办理\t0\t0\n",
       1,
       {"0,0:三、本年度办理结果+1", "0,1:（一）予以公开", "0,2:22", "0,3:22",
        "1,1:（二）部分公开", "1,2:19", "1,3:20", "2,0:四、结转下年度继续办理",
        "2,2:0", "2,3:0"}},
      // pdftotext -layout: a label wrapped over two lines, the figures below.
      {"a wrapped label",
       "（一）予以公开                    50    0     50\n"
       "（二）部分公开（区分处理的，只计这一情 形，不\n"
       "计其他情形）\n"
       "                                  9    0      9\n",
       1,
       // Each wrapped line is a label cell of its own; the row header
       // joins them.
       {"0,0:（一）予以公开", "0,2:50", "0,3:0", "0,4:50",
        "1,0:（二）部分公开（区分处理的，只计这一情 形，不", "1,1:计其他情形）",
        "1,2:9", "1,3:0", "1,4:9"}},
      // Columns set close: one space between two figures parts them too.
      {"figures one space apart",
       "（一）予以公开\t50 0\t50\n（七）总计\t95 0\t95\n",
       1,
       {"0,0:（一）予以公开", "0,1:50", "0,2:0", "0,3:50", "1,0:（七）总计",
        "1,1:95", "1,2:0", "1,3:95"}},
      {"prose with a double space",
       "全年办理案件  120件，办结  118件。\n受理申请  30件。\n",
       0,
       {}},
      {"one row alone", "行政许可\t2629\n一、总体情况\n", 0, {}},
      {"headers without figures",
       "结果维持\t结果纠正\n其他结果\t尚未审结\n",
       0,
       {}},
  };
  for (const Case& c : cases) {
    Text text = testing::MakeText(c.text);
    FindTextTables(text);
    ASSERT_EQ(static_cast<int>(text.tables().size()), c.tables) << c.name;
    if (c.tables == 0) continue;
    const Table& table = text.tables().front();
    EXPECT_TRUE(table.from_text) << c.name;
    std::vector<std::string> got = Grid(text, table);
    EXPECT_EQ(got, c.grid) << c.name;
  }
}

TEST(TextTablesTest, AHeadingOrProseEndsATable) {
  Text text = testing::MakeText(
      "规章\t0\t0\n"
      "行政规范性文件\t3\t8\n"
      "三、收到和处理政府信息公开申请情况\n"
      "（一）予以公开\t50\t50\n"
      "（七）总计\t95\t95\n"
      "2024年，全区政府信息公开工作虽取得一定成绩，但对照上级要求和群众期盼，仍"
      "存在一些不足，主要是个别部门对复杂申请件的研判能力不足。\n"
      "结果维持\t总计\n"
      "1\t2\n");
  FindTextTables(text);
  ASSERT_EQ(text.tables().size(), 3u);
  EXPECT_EQ(text.tables()[0].last_line, 2);
  EXPECT_EQ(text.TableAt(3), nullptr);  // the heading stays a heading
  EXPECT_EQ(text.tables()[1].first_line, 4);
  EXPECT_EQ(text.TableAt(6), nullptr);
  EXPECT_EQ(text.tables()[2].first_line, 7);
}

TEST(TextTablesTest, CellOffsetsSliceTheSource) {
  // Full-width text before a tab: normalized and source offsets differ, and
  // each cell still prints as written.
  Text text =
      testing::MakeText("（一）予以公开\t５０\t５０\n（七）总计\t９５\t９５\n");
  FindTextTables(text);
  ASSERT_EQ(text.tables().size(), 1u);
  std::vector<std::string> got = Grid(text, text.tables().front());
  EXPECT_EQ(got, (std::vector<std::string>{"0,0:（一）予以公开", "0,1:５０",
                                           "0,2:５０", "1,0:（七）总计",
                                           "1,1:９５", "1,2:９５"}));
}

}  // namespace
}  // namespace lawreport::decode_internal
