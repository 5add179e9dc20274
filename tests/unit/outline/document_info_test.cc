// Title, issuer, year and kind from the first lines of a report.
#include <gtest/gtest.h>

#include "test_support.h"

namespace lawreport {
namespace {

struct DocumentCase {
  std::string opening;  // the first lines of a report, then a body paragraph
  std::optional<std::string> title;
  std::optional<std::string> issuer;
  std::optional<int> year;
  ReportKind kind;
};

TEST(DocumentInfoTest, TitleForms) {
  const DocumentCase cases[] = {
      {"融安县2023年法治政府建设年度报告\n2023年，融安县认真学习。",
       "融安县2023年法治政府建设年度报告", "融安县", 2023,
       ReportKind::kRuleOfLaw},
      {"XX市人民政府关于2022年度法治政府建设情况的报告\n市委：\n2022年，我市坚"
       "持。",
       "XX市人民政府关于2022年度法治政府建设情况的报告", "XX市人民政府", 2022,
       ReportKind::kRuleOfLaw},
      {"司法部发布2023年法治政府建设年度报告\n\n中新网3月29日电。",
       "司法部发布2023年法治政府建设年度报告", "司法部", 2023,
       ReportKind::kRuleOfLaw},
      {"2020年静海区法治政府建设情况报告\n\n2020年，静海区坚持。",
       "2020年静海区法治政府建设情况报告", "静海区", 2020,
       ReportKind::kRuleOfLaw},
      // Issuer and title on two lines, joined.
      {"赵县人民政府\n2022年度法治政府建设情况报告\n2022年,县政府深入学习。",
       "赵县人民政府2022年度法治政府建设情况报告", "赵县人民政府", 2022,
       ReportKind::kRuleOfLaw},
      {"中共浚县县委  "
       "浚县人民政府\n\n关于2024年法治政府建设情况的报告\n\n市委、市政府:\n",
       "中共浚县县委 浚县人民政府关于2024年法治政府建设情况的报告",
       "中共浚县县委 浚县人民政府", 2024, ReportKind::kRuleOfLaw},
      {"国家卫生健康委2024年政府信息公开工作年度报告\n根据条例编制本报告。",
       "国家卫生健康委2024年政府信息公开工作年度报告", "国家卫生健康委", 2024,
       ReportKind::kOpenGovernment},
      // Work reports are named for the year they are delivered and review the
      // year before.
      {"2026年北京市政府工作报告\n——2026年1月25日在北京市第十六届人民代表大会第"
       "四次会议上\n各位代表：",
       "2026年北京市政府工作报告", "北京市", 2025, ReportKind::kWorkReport},
      {"2026年四川省人民政府工作报告\n各位代表：",
       "2026年四川省人民政府工作报告", "四川省人民政府", 2025,
       ReportKind::kWorkReport},
      {"政府工作报告\n——2026年1月26日在广东省第十四届\n人民代表大会第五次会议上"
       "\n广东省省长 孟凡利\n各位代表：",
       "政府工作报告", "广东省", 2025, ReportKind::kWorkReport},
      // No title line: year from the opening, not from a document title's
      // range.
      {"2022年,自治区坚持以习近平新时代中国特色社会主义思想为指导,"
       "推动法治政府建设取得新成效。",
       std::nullopt, std::nullopt, 2022, ReportKind::kRuleOfLaw},
      {"根据《全面深化法治领域改革纲要(2023—2027年)"
       "》提出“实行法治建设年度报告制度”,2023年,清波街道坚持。",
       std::nullopt, std::nullopt, 2023, ReportKind::kRuleOfLaw},
      {"一、总体情况\n今年以来，我们坚持。", std::nullopt, std::nullopt,
       std::nullopt, ReportKind::kOther},
      // A department's summary and plan: a kind of its own, and a title
      // without 报告. Summary and plan in one title make a summary.
      {"某市行政审批局2022年工作总结及2023年工作计划\n2022年，我局坚持。",
       "某市行政审批局2022年工作总结及2023年工作计划", "某市行政审批局", 2022,
       ReportKind::kWorkSummary},
      {"某局关于2022年法治工作情况暨2023年工作要点的报告\n根据要求，总结如下：",
       "某局关于2022年法治工作情况暨2023年工作要点的报告", "某局", 2022,
       ReportKind::kWorkSummary},
      {"某县司法局2023年工作情况报告\n2023年，我局坚持。",
       "某县司法局2023年工作情况报告", "某县司法局", 2023,
       ReportKind::kWorkSummary},
      {"某县文旅局2024年工作要点\n2024年，我局将坚持。",
       "某县文旅局2024年工作要点", "某县文旅局", 2024, ReportKind::kWorkPlan},
      {"某县2024年工作计划\n一、总体要求", "某县2024年工作计划", "某县", 2024,
       ReportKind::kWorkPlan},
      // A line leading into the text is no title, whatever its words.
      {"现将2023年工作情况报告如下：\n一、总体情况", std::nullopt, std::nullopt,
       2023, ReportKind::kWorkSummary},
      // Converted documents space the year out.
      {"沭阳县人民政府 2025 年 政府信息公开工作年度报告\n(2026年1月23日)",
       "沭阳县人民政府 2025 年 政府信息公开工作年度报告", "沭阳县人民政府",
       2025, ReportKind::kOpenGovernment},
  };
  for (const DocumentCase& c : cases) {
    SCOPED_TRACE(c.opening);
    const DocumentInfo info = testing::OutlineOf(c.opening).document;
    EXPECT_EQ(info.title, c.title);
    EXPECT_EQ(info.issuer, c.issuer);
    EXPECT_EQ(info.year, c.year);
    EXPECT_EQ(info.kind, c.kind);
  }
}

// Web pages: the page's title element or <meta name="ArticleTitle"> is the
// title when the article has none of its own.
TEST(DocumentInfoTest, WebPageTitles) {
  const std::string body =
      "<p>2022年，我局坚持以习近平新时代中国特色社会主义思想为指导，深入学习"
      "贯彻党的二十大精神，全面推进各项工作，取得明显成效。</p>"
      "<p>一、主要成效</p><p>全年办理审批事项43601件，办结率99.74%。</p>";
  const DocumentCase cases[] = {
      // The title element, without 报告 in it.
      {"<html><body><div class=\"article_title\">某市旅游与文化体育局2022年"
       "工作总结暨2023年工作思路</div><div class=\"article_content\">" +
           body + "</div></body></html>",
       "某市旅游与文化体育局2022年工作总结暨2023年工作思路",
       "某市旅游与文化体育局", 2022, ReportKind::kWorkSummary},
      // No title element: the <meta>.
      {"<html><head><meta name=\"ArticleTitle\" "
       "content=\"某市行政审批局2022年工作总结及2023年工作计划\"></head>"
       "<body><div class=\"article_content\">" +
           body + "</div></body></html>",
       "某市行政审批局2022年工作总结及2023年工作计划", "某市行政审批局", 2022,
       ReportKind::kWorkSummary},
      // The title element names the column; the article's own title (and
      // the date line under it) wins, and the column still names the kind.
      {"<html><body><div class=\"article_title\">政府工作报告（2024）</div>"
       "<div class=\"article_content\"><p style=\"text-align: center\">"
       "<b>某区管委会工作报告</b></p><p>—2024年1月18日在某区人民代表大会"
       "第三次会议上</p>" +
           body + "</div></body></html>",
       "某区管委会工作报告", "某区管委会", 2023, ReportKind::kWorkReport},
  };
  for (const DocumentCase& c : cases) {
    SCOPED_TRACE(c.opening);
    const Outline outline = testing::OutlineOf(c.opening);
    const DocumentInfo& info = outline.document;
    EXPECT_EQ(info.title, c.title);
    EXPECT_EQ(info.issuer, c.issuer);
    EXPECT_EQ(info.year, c.year);
    EXPECT_EQ(info.kind, c.kind);
    // The body starts after the title block: the first heading is 一、.
    ASSERT_FALSE(outline.sections.empty());
    EXPECT_EQ(outline.sections[0].title, "主要成效");
  }
}

TEST(DocumentInfoTest, ChineseNumeralYear) {
  const DocumentInfo info =
      testing::OutlineOf(
          "某县二〇二二年法治政府建设年度报告\n二〇二二年，我县坚持。")
          .document;
  EXPECT_EQ(info.year, 2022);
}

}  // namespace
}  // namespace lawreport
