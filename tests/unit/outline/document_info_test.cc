// Title, issuer, year and kind from the first lines of a report.
#include <gtest/gtest.h>

#include "test_support.h"

namespace lawreport {
namespace {

struct DocumentCase {
  const char* opening;  // the first lines of a report, then a body paragraph
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

TEST(DocumentInfoTest, ChineseNumeralYear) {
  const DocumentInfo info =
      testing::OutlineOf(
          "某县二〇二二年法治政府建设年度报告\n二〇二二年，我县坚持。")
          .document;
  EXPECT_EQ(info.year, 2022);
}

}  // namespace
}  // namespace lawreport
