// Marker recognition, one row per form (normalized text, as the outline sees
// it).
#include "outline/markers.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "outline/units.h"
#include "test_support.h"
#include "util/utf8.h"

namespace lawreport::outline_internal {
namespace {

struct MarkerCase {
  const char* unit;
  int level;  // 0: no marker
  int ordinal;
  const char* marker;  // the marker without trailing spaces
};

TEST(MarkersTest, HeadingMarkers) {
  const MarkerCase cases[] = {
      {"一、总体工作情况", 1, 1, "一、"},
      {"十一、其他", 1, 11, "十一、"},
      {"二 、存在问题", 1, 2, "二 、"},
      {"第一部分 工作回顾", 1, 1, "第一部分"},
      {"第三章 保障措施", 1, 3, "第三章"},
      {"(一)加强党的领导", 2, 1, "(一)"},
      {"(十二)健全制度", 2, 12, "(十二)"},
      {"( 三 )深化改革", 2, 3, "( 三 )"},
      {"1.加强理论学习", 3, 1, "1."},
      {"1、严格落实", 3, 1, "1、"},
      {"12. 健全机制", 3, 12, "12."},
      {"(1)规范程序", 4, 1, "(1)"},
      {"③强化监督", 4, 3, "③"},
      // Not markers.
      {"1.2万件", 0, 0, ""},
      {"99.74%的事项", 0, 0, ""},
      {"2023年，融安县", 0, 0, ""},
      {"一是推动经济运行", 0, 0, ""},
      {"一、", 0, 0, ""},  // a bare marker titles nothing
      {"(2023)12号", 0, 0, ""},
      {"统一、规范", 0, 0, ""},
      {"第一责任人", 0, 0, ""},
      {"〔2017〕74号", 0, 0, ""},
  };
  for (const MarkerCase& c : cases) {
    SCOPED_TRACE(c.unit);
    const std::optional<Marker> marker = MatchMarker(c.unit);
    if (c.level == 0) {
      EXPECT_FALSE(marker) << "level " << marker->level;
      continue;
    }
    ASSERT_TRUE(marker);
    EXPECT_EQ(marker->level, c.level);
    EXPECT_EQ(marker->ordinal, c.ordinal);
    EXPECT_EQ(std::string_view(c.unit).substr(0, marker->written_length),
              c.marker);
  }
}

TEST(MarkersTest, RunInEnumerators) {
  EXPECT_EQ(MatchRunIn("一是推动经济运行稳中向好。")->ordinal, 1);
  EXPECT_EQ(MatchRunIn("十二是加强监督")->ordinal, 12);
  EXPECT_EQ(MatchRunIn("三要促进服务业优质高效")->ordinal, 3);
  EXPECT_FALSE(MatchRunIn("是推动"));
  EXPECT_FALSE(MatchRunIn("唯一是"));
}

TEST(MarkersTest, AppendixHeadings) {
  for (const char* yes :
       {"附件", "附件1", "附件 2", "附件:2026年民生实事", "名词解释",
        "《政府工作报告》有关内容名词注释", "注释"}) {
    EXPECT_TRUE(IsAppendixHeading(yes)) << yes;
  }
  for (const char* no :
       {"附件中所列事项均已办结,共计12项,全部按期完成,群众满意度达到98%以上。",
        "注重学习", "对名词解释工作进行了规范。", "一、总体情况"}) {
    EXPECT_FALSE(IsAppendixHeading(no)) << no;
  }
}

TEST(MarkersTest, AppendixHeadingsUpToTheirLength) {
  std::string ones;  // 一 repeated
  for (int i = 0; i < 38; ++i) ones += "一";
  const std::string forty = "附件:" + ones.substr(0, 37 * 3);  // 40 chars
  EXPECT_TRUE(IsAppendixHeading(forty));
  EXPECT_FALSE(IsAppendixHeading("附件:" + ones));  // 41 chars
  EXPECT_TRUE(IsAppendixHeading(ones.substr(0, 36 * 3) + "名词解释"));
  EXPECT_FALSE(IsAppendixHeading(ones + "名词解释"));
  EXPECT_FALSE(IsAppendixHeading(""));
  EXPECT_FALSE(IsAppendixHeading(std::string(2000, 'a')));
}

TEST(MarkersTest, EmptyUnitHasNoMarker) {
  EXPECT_FALSE(MatchMarker(""));
  EXPECT_FALSE(MatchRunIn(""));
  // A marker opening with a character of another rule's class.
  EXPECT_EQ(MatchMarker("①加强")->level, 4);
  EXPECT_EQ(MatchMarker("第二章 保障")->ordinal, 2);
}

TEST(MarkersTest, MarkupPrefixes) {
  struct Case {
    const char* line;
    std::size_t length;  // bytes dropped before the line is read
  };
  const Case cases[] = {
      {"## 一、总体情况", 3},
      {"### (一)主动公开", 4},
      {"###### 1.规章", 7},
      {"#   三是提高解读效能。", 4},
      {"# 沭阳县人民政府2025年政府信息公开工作年度报告", 2},
      // Not Markdown headings: no space after the marks, seven marks, or a
      // mark inside the line.
      {"#一、总体情况", 0},
      {"####### 一、总体情况", 0},
      {"一、总体情况 ##", 0},
      {"##", 2},  // an empty heading is all markup
      {"", 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    EXPECT_EQ(MarkupPrefixLength(c.line), c.length);
  }
}

TEST(UnitsTest, CountCharsUpTo) {
  std::string chinese;
  for (int i = 0; i < 41; ++i) chinese += "一";
  const std::string forty = chinese.substr(0, 40 * 3);
  struct Case {
    std::string text;
    std::size_t limit;
    bool at_most;
  };
  const Case cases[] = {
      {"", 0, true},
      {"a", 0, false},
      {"abc", 3, true},
      {"abcd", 3, false},
      {"一二三", 3, true},
      {"一二三四", 3, false},
      {forty, 40, true},
      {chinese, 40, false},
      {forty + std::string(200, 'a'), 40, false},
      {std::string(2000, 'a'), 399, false},
      // Continuation bytes alone count no character (utf8::CountChars):
      // a long run of them is still short.
      {std::string(500, '\x80'), 40, true},
      {std::string(500, '\x80') + "一", 40, true},
      {std::string(500, '\x80') + chinese, 40, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text.substr(0, 40) + " limit " + std::to_string(c.limit));
    EXPECT_EQ(HasAtMostChars(c.text, c.limit), c.at_most);
    EXPECT_EQ(utf8::CountChars(c.text) <= c.limit, c.at_most);
    const std::size_t count = CountCharsUpTo(c.text, c.limit);
    if (c.at_most) {
      EXPECT_EQ(count, utf8::CountChars(c.text));
    } else {
      EXPECT_GT(count, c.limit);
    }
  }
}

// The source text of every unit of `content`'s lines, "|" after a piece of
// a cut line.
std::vector<std::string> UnitsOf(const std::string& content) {
  const Text text = testing::MakeText(content);
  std::vector<std::string> out;
  for (const Unit& unit : SplitUnits(text)) {
    out.push_back(std::to_string(unit.line) + ":" +
                  std::string(text.SourceOf(unit.begin, unit.end)) +
                  (unit.whole_line ? "" : "|"));
  }
  return out;
}

TEST(UnitsTest, JoinedReportIsCutAtContinuingMarkers) {
  std::string filler;  // 105 characters, no sentence end
  for (int i = 0; i < 15; ++i) filler += "推进依法行政，";
  // Cut after a full stop (and spaces), after ：and ”, and right after a
  // heading title for its first child; not after ， or 、 (no sentence
  // end), nor for a third-level number while a title runs on.
  const std::string joined =
      "总体情况如下。一、总体工作情况（一）加强党的领导1.加强理论学习。" +
      filler + "。  2.坚持依法决策" + filler + "，3.不是标题" + filler +
      "、（二）也不是" + filler + "：（二）完善制度体系" + filler +
      "”二、存在问题。" + filler;
  EXPECT_EQ(UnitsOf("前言\n" + joined + "\n结语"),
            (std::vector<std::string>{
                "1:前言",
                "2:总体情况如下。|",
                "2:一、总体工作情况|",
                "2:（一）加强党的领导|",
                "2:1.加强理论学习。" + filler + "。|",
                "2:2.坚持依法决策" + filler + "，3.不是标题" + filler +
                    "、（二）也不是" + filler + "：|",
                "2:（二）完善制度体系" + filler + "”|",
                "2:二、存在问题。" + filler + "|",
                "3:结语",
            }));
  // A line under 400 characters is never cut.
  const std::string short_line =
      "总体情况如下。一、总体工作情况（一）加强党的领导1.加强理论学习。" +
      filler + "。2.坚持依法决策";
  EXPECT_EQ(UnitsOf(short_line), (std::vector<std::string>{"1:" + short_line}));
  // Nor a long line with one heading in it.
  const std::string one_heading =
      filler + filler + "。一、总体工作情况" + filler + filler;
  EXPECT_EQ(UnitsOf(one_heading),
            (std::vector<std::string>{"1:" + one_heading}));
}

TEST(UnitsTest, MarkdownHeadingMarksAreNotPartOfTheUnit) {
  EXPECT_EQ(UnitsOf("# 某县2025年政府信息公开工作年度报告\n"
                    "## 一、总体情况\n"
                    "##\n"
                    "###   （一）主动公开\n"
                    "#二、不是Markdown"),
            (std::vector<std::string>{
                "1:某县2025年政府信息公开工作年度报告",
                "2:一、总体情况",
                "4:（一）主动公开",
                "5:#二、不是Markdown",
            }));
}

}  // namespace
}  // namespace lawreport::outline_internal
