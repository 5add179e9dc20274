#include "util/year.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "lawreport/outline.h"

namespace lawreport {
namespace {

TEST(ReadYear, ReadsFourArabicOrChineseDigits) {
  EXPECT_EQ(ReadYear("2023"), 2023);
  EXPECT_EQ(ReadYear("二〇二三"), 2023);
  EXPECT_EQ(ReadYear("二零二三"), 2023);
  EXPECT_EQ(ReadYear("一九四九"), 1949);
  EXPECT_EQ(ReadYear("2100"), 2100);
}

TEST(ReadYear, RefusesWhatIsNoReportYear) {
  EXPECT_EQ(ReadYear("1948"), std::nullopt);  // before 1949
  EXPECT_EQ(ReadYear("2101"), std::nullopt);
  EXPECT_EQ(ReadYear("202"), std::nullopt);
  EXPECT_EQ(ReadYear("20230"), std::nullopt);
  EXPECT_EQ(ReadYear("二〇二"), std::nullopt);
  EXPECT_EQ(ReadYear("20二3"), 2023);             // mixed digits still read
  EXPECT_EQ(ReadYear("二十二三"), std::nullopt);  // 十 is no digit
  EXPECT_EQ(ReadYear(""), std::nullopt);
}

TEST(ReportKindName, EveryKindHasItsOwnNameFromData) {
  const ReportKind kinds[] = {ReportKind::kRuleOfLaw, ReportKind::kWorkReport,
                              ReportKind::kOpenGovernment,
                              ReportKind::kWorkSummary, ReportKind::kWorkPlan};
  std::set<std::string> names;
  for (const ReportKind kind : kinds) names.insert(ReportKindName(kind));
  EXPECT_EQ(names.size(), std::size(kinds));
  EXPECT_EQ(names.count("other"), 0u);
  EXPECT_STREQ(ReportKindName(ReportKind::kRuleOfLaw), "法治政府建设年度报告");
  EXPECT_STREQ(ReportKindName(ReportKind::kOther), "other");
}

}  // namespace
}  // namespace lawreport
