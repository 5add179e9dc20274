// The section tree, rule by rule, on small reports.
#include "lawreport/outline.h"

#include <gtest/gtest.h>

#include <vector>

#include "test_support.h"

namespace lawreport {
namespace {

using testing::OutlineOf;

// "line:level:marker:title" for every section, depth first: compact to compare.
std::vector<std::string> Headings(const Outline& outline) {
  std::vector<std::string> out;
  ForEachSection(outline.sections, [&](const Section& s) {
    out.push_back(std::to_string(s.line) + ":" + std::to_string(s.level) + ":" +
                  s.marker + ":" + s.title);
  });
  return out;
}

TEST(OutlineTest, FourLevelsAndIds) {
  const Outline outline = OutlineOf(
      "某县2023年法治政府建设年度报告\n"
      "2023年，某县坚持依法行政。\n"
      "一、总体工作情况\n"
      "（一）加强党的领导，完善推进机制\n"
      "1．加强理论学习。扎实开展主题教育。\n"
      "（1）组织专题学习。全年学习12次。\n"
      "（2）开展法治讲座\n"
      "2．坚持党的领导。\n"
      "二、存在问题\n"
      "（一）学习不够系统。表现在：一是形式单一，二是覆盖不全。\n");
  EXPECT_EQ(Headings(outline), (std::vector<std::string>{
                                   "3:1:一、:总体工作情况",
                                   "4:2:（一）:加强党的领导，完善推进机制",
                                   "5:3:1．:加强理论学习。",
                                   "6:4:（1）:组织专题学习。",
                                   "7:4:（2）:开展法治讲座",
                                   "8:3:2．:坚持党的领导。",
                                   "9:1:二、:存在问题",
                                   "10:2:（一）:学习不够系统。",
                               }));
  ASSERT_EQ(outline.sections.size(), 2u);
  const Section& first = outline.sections[0];
  EXPECT_EQ(first.id, "1");
  EXPECT_EQ(first.end_line, 8);
  EXPECT_EQ(first.children[0].children[0].id, "1.1.1");
  EXPECT_EQ(first.children[0].children[0].children[1].id, "1.1.1.2");
  EXPECT_EQ(first.children[0].children[0].ordinal, 1);
  // The rest of a heading line is body; a run-in 一是 is not a heading.
  const Section& problem = outline.sections[1].children[0];
  ASSERT_EQ(problem.paragraphs.size(), 1u);
  EXPECT_EQ(problem.paragraphs[0].text, "表现在：一是形式单一，二是覆盖不全。");
  EXPECT_EQ(problem.paragraphs[0].line, 10);
  ASSERT_EQ(outline.preamble.size(), 1u);
  EXPECT_EQ(outline.preamble[0].line, 2);
}

TEST(OutlineTest, AsciiPunctuationAndIndentation) {
  const Outline outline = OutlineOf(
      "  2022年,我区坚持依法行政。\n\n"
      "\xE3\x80\x80\xE3\x80\x80一、主要举措\n\n"
      "  (一)深化改革。全面推进。\n"
      "  1.加强学习。\n");
  EXPECT_EQ(Headings(outline), (std::vector<std::string>{"3:1:一、:主要举措",
                                                         "5:2:(一):深化改革。",
                                                         "6:3:1.:加强学习。"}));
}

TEST(OutlineTest, NumberingRestartsOrRunsOn) {
  // Under each (一) the items restart at 1 …
  const Outline restart =
      OutlineOf("一、情况\n(一)甲\n1.甲一。\n2.甲二。\n(二)乙\n1.乙一。\n");
  EXPECT_EQ(Headings(restart).back(), "6:3:1.:乙一。");
  // … or run on across parents (3. under (二)).
  const Outline run_on =
      OutlineOf("一、情况\n(一)甲\n1.甲一。\n2.甲二。\n(二)乙\n3.乙一。\n");
  EXPECT_EQ(Headings(run_on).back(), "6:3:3.:乙一。");
  EXPECT_EQ(run_on.sections[0].children[1].children.size(), 1u);
}

TEST(OutlineTest, OutOfSequenceNumbersAreNotHeadings) {
  const Outline outline = OutlineOf(
      "一、总体情况\n"
      "(一)加强学习\n"
      "全年开展学习活动。\n"
      "5.2万人次参加考试，合格率100%。\n"  // a number, not item 5
      "3.主要做法如下\n"                   // 3 without 1 and 2
      "(二)完善制度\n");
  EXPECT_EQ(Headings(outline),
            (std::vector<std::string>{"1:1:一、:总体情况", "2:2:(一):加强学习",
                                      "6:2:(二):完善制度"}));
  EXPECT_EQ(outline.sections[0].children[0].paragraphs.size(), 3u);
}

TEST(OutlineTest, ShortRunInLineActsAsHeading) {
  const Outline outline = OutlineOf(
      "一、2025年工作回顾\n"
      "一年来，主要做了以下工作。\n"
      "一是推动经济运行稳中向好。\n"
      "地区生产总值增长5%"
      "，经济总量迈上新台阶，投资消费稳步增长，就业形势总体稳定。\n"
      "二是加快科技创新。\n"
      "研发投入强度提高，新质生产力加快培育，科技成果转化步伐加快，创新生态持续"
      "优化。\n"
      "三是坚持改革开放。一是深化改革，二是扩大开放，三是优化营商环境，各项改革"
      "任务落实落地见效。\n");
  EXPECT_EQ(Headings(outline),
            (std::vector<std::string>{"1:1:一、:2025年工作回顾",
                                      "3:2:一是:推动经济运行稳中向好。",
                                      "5:2:二是:加快科技创新。"}));
  EXPECT_EQ(outline.sections[0].children[0].style, HeadingStyle::kRunIn);
}

TEST(OutlineTest, MarkdownHeadingsTakeTheirLevelFromTheMarker) {
  // A document converted to Markdown: the number of # says nothing (### for
  // a run-in line, ## and ### for levels 1 and 2, #### for level 3), and #
  // before a line without an outline marker makes no heading.
  const Outline outline = OutlineOf(
      "# 某县2025年政府信息公开工作年度报告\n"
      "\n"
      "## 一、总体情况\n"
      "2025年，我县坚持以群众需求为导向，全面推进政务公开。\n"
      "### （一）主动公开\n"
      "全年主动公开政府信息451条。\n"
      "#### 1.规章\n"
      "### 申请人情况\n"
      "## 二、主动公开政府信息情况\n");
  EXPECT_EQ(outline.document.title, "某县2025年政府信息公开工作年度报告");
  EXPECT_EQ(outline.document.title_line, 1);
  EXPECT_EQ(Headings(outline), (std::vector<std::string>{
                                   "3:1:一、:总体情况",
                                   "5:2:（一）:主动公开",
                                   "7:3:1.:规章",
                                   "9:1:二、:主动公开政府信息情况",
                               }));
  const Section& rules = outline.sections[0].children[0].children[0];
  ASSERT_EQ(rules.paragraphs.size(), 1u);
  EXPECT_EQ(rules.paragraphs[0].text, "申请人情况");
}

TEST(OutlineTest, UnnumberedChaptersWhenNoneAreNumbered) {
  const Outline outline = OutlineOf(
      "2026年某省政府工作报告\n"
      "各位代表：\n"
      "现在，我代表省人民政府，向大会报告工作，请予审议。\n"
      "“十四五”时期工作回顾\n"
      "“十四五”时期是极不平凡的五年，全省经济实力、科技实力、综合实力显著提升，"
      "人民生活明显改善。\n"
      "2026年重点工作\n"
      "今年是“十五五”开局之年，做好今年工作意义重大，要坚持稳中求进工作总基调，"
      "推动高质量发展。\n"
      "（一）扩大内需\n"
      "落实提振消费专项行动，扩大有效投资。\n");
  EXPECT_EQ(
      Headings(outline),
      (std::vector<std::string>{"4:1::“十四五”时期工作回顾",
                                "6:1::2026年重点工作", "8:2:（一）:扩大内需"}));
  EXPECT_EQ(outline.sections[0].style, HeadingStyle::kUnnumbered);
  EXPECT_FALSE(outline.sections[0].ordinal);
}

TEST(OutlineTest, ShortLinesInNumberedReportsStayBody) {
  const Outline outline = OutlineOf(
      "一、总体情况\n"
      "全年办理行政复议案件45件，全部依法审结，行政复议纠错率明显提高。\n"
      "行政执法规范化建设\n"
      "推动执法规范化建设，全县执法人员全部持证上岗，执法监督不断加强。\n"
      "某县人民政府\n"
      "2024年3月1日\n");
  EXPECT_EQ(Headings(outline), (std::vector<std::string>{"1:1:一、:总体情况"}));
}

TEST(OutlineTest, AppendixIsNotChapters) {
  const Outline outline = OutlineOf(
      "一、工作回顾\n"
      "过去一年，经济运行稳中向好，各项事业取得新进展。\n"
      "二、今年工作\n"
      "（一）扩大内需\n"
      "实施提振消费专项行动。\n"
      "附件1\n"
      "十件民生实事\n"
      "一、新增托位1万个。\n"
      "二、改造老旧小区。\n"
      "附件2\n"
      "名词解释\n"
      "1.“四上”企业：规模以上企业的统称。\n"
      "2.“双一流”：世界一流大学和一流学科。\n");
  EXPECT_EQ(Headings(outline),
            (std::vector<std::string>{"1:1:一、:工作回顾", "3:1:二、:今年工作",
                                      "4:2:（一）:扩大内需"}));
  ASSERT_EQ(outline.appendix.size(), 2u);
  EXPECT_EQ(outline.appendix[0].title, "附件1");
  EXPECT_EQ(outline.appendix[0].line, 6);
  EXPECT_EQ(outline.appendix[0].end_line, 9);
  EXPECT_EQ(outline.appendix[1].title, "附件2");
  EXPECT_EQ(outline.appendix[1].paragraphs.size(),
            3u);  // 名词解释 and its two items
  EXPECT_EQ(outline.sections[1].end_line, 5);
}

TEST(OutlineTest, BrokenParagraphIsJoined) {
  const Outline outline = OutlineOf(
      "一、主要举措\n\n"
      "(一)把牢法治政府建设方向。我县高度重视法治政府建设\n\n"
      "工作,切实把党的领导贯彻落实到法治政府建设的全过程和各方面。\n\n"
      "(二)依法全面履行政府职能。纵深推进改革。\n");
  const Section& first = outline.sections[0].children[0];
  ASSERT_EQ(first.paragraphs.size(), 1u);
  EXPECT_EQ(first.paragraphs[0].text,
            "我县高度重视法治政府建设工作,"
            "切实把党的领导贯彻落实到法治政府建设的全过程和各方面。");
  EXPECT_EQ(first.paragraphs[0].line, 3);
  EXPECT_EQ(first.paragraphs[0].end_line, 5);
  EXPECT_EQ(first.end_line, 5);
}

TEST(OutlineTest, WholeReportOnOneLine) {
  std::string report = testing::ReadFileOrDie(LAWREPORT_SAMPLE);
  const Outline by_lines = BuildOutline(testing::MakeText(report));
  std::string one_line;
  for (const char c : report) {
    if (c != '\n' && c != '\r') one_line.push_back(c);
  }
  const Outline joined = BuildOutline(testing::MakeText(one_line));

  std::vector<std::string> expected, actual;
  std::vector<std::string> expected_titles, actual_titles;
  ForEachSection(by_lines.sections, [&](const Section& s) {
    expected.push_back(s.id + " " + std::to_string(s.level) + s.marker);
    expected_titles.push_back(s.title);
  });
  ForEachSection(joined.sections, [&](const Section& s) {
    actual.push_back(s.id + " " + std::to_string(s.level) + s.marker);
    actual_titles.push_back(s.title);
    EXPECT_EQ(s.line, 1);
  });
  EXPECT_EQ(actual, expected);
  EXPECT_EQ(expected.size(), 56u);
  // A title ends at "。" or at the next marker; a heading line without "。"
  // followed by plain body (（十） in the sample) runs on into it once the
  // line breaks are gone, so the joined title only has to begin with it.
  ASSERT_EQ(actual_titles.size(), expected_titles.size());
  for (std::size_t i = 0; i < actual_titles.size(); ++i) {
    EXPECT_EQ(actual_titles[i].rfind(expected_titles[i], 0), 0u)
        << actual_titles[i];
  }
}

TEST(OutlineTest, SourceTextIsWrittenOut) {
  // Recognition sees "(一)" and "1."; titles and markers keep what was written.
  const Outline outline =
      OutlineOf("一、总体\n（一）全面推进\n１．加强学习。扎实开展。\n");
  const Section& item = outline.sections[0].children[0].children[0];
  EXPECT_EQ(item.marker, "１．");
  EXPECT_EQ(item.title, "加强学习。");
  EXPECT_EQ(outline.sections[0].children[0].marker, "（一）");
}

}  // namespace
}  // namespace lawreport
