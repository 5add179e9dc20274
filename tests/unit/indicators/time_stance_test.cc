// Time and stance of a figure: one row per sentence, in a 2026 政府工作报告
// (reviewing 2025) or a 2023 法治政府建设年度报告, under the heading given;
// then the work reports of tests/corpus.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>

#include "lawreport/report.h"
#include "test_support.h"

namespace lawreport {
namespace {

constexpr std::optional<int> kNull = std::nullopt;

struct Case {
  char report;          // 'W': 2026 work report, 'F': 2023 rule-of-law
  const char* heading;  // the section the sentence is in
  const char* sentence;
  const char* figure;  // a piece of the indicator's text
  const char* role;
  std::optional<int> from;
  std::optional<int> to;
  const char* aggregate;
};

const Case kCases[] = {
    // Results of the reviewed year.
    {'W', "一、2025年工作回顾",
     "全省地区生产总值增长5.1％，城镇新增就业44.1万人。", "5.1", "actual", 2025,
     2025, "point"},
    {'W', "一、2025年工作回顾",
     "全省地区生产总值增长5.1％，城镇新增就业44.1万人。", "44.1", "actual",
     2025, 2025, "point"},
    {'W', "一、2025年工作回顾", "规模以上工业增加值比上年增长6.2%。", "6.2",
     "actual", 2025, 2025, "point"},
    {'W', "一、2025年工作回顾", "居民消费价格同比下降0.3%。", "0.3", "actual",
     2025, 2025, "point"},
    {'W', "一、2025年工作回顾", "过去一年，新增经营主体12.5万户。", "12.5",
     "actual", 2025, 2025, "point"},
    {'W', "一、2025年工作回顾",
     "争取中央预算内投资、超长期特别国债分别增长64.8%、42.5%。", "64.8",
     "actual", 2025, 2025, "point"},
    {'W', "一、2025年工作回顾", "城镇调查失业率控制在5.5%以内。", "5.5",
     "actual", 2025, 2025, "point"},
    {'W', "一、2025年工作回顾", "全年完成年度目标任务，粮食产量1347万吨。",
     "1347", "actual", 2025, 2025, "point"},
    {'W', "一、2025年工作回顾", "预计全年接待游客9.6亿人次。", "9.6", "actual",
     2025, 2025, "point"},
    {'F', "一、主要工作情况", "全年共受理行政复议申请31件。", "31", "actual",
     2023, 2023, "point"},
    {'F', "一、主要工作情况", "办结率99.74%。", "99.74", "actual", 2023, 2023,
     "point"},
    {'F', "二、存在的问题", "仍有12件案件未按期办结。", "12", "actual", 2023,
     2023, "point"},
    {'F', "一、主要工作情况", "较去年增长15%，受理案件120件。", "120", "actual",
     2023, 2023, "point"},
    // Targets.
    {'W', "三、2026年工作安排",
     "经济社会发展的主要预期目标是：地区生产总值增长5%"
     "左右，城镇新增就业40万人以上。",
     "40", "target", 2026, 2026, "point"},
    {'W', "三、2026年工作安排", "城镇调查失业率控制在5.5%左右。", "5.5",
     "target", 2026, 2026, "point"},
    {'W', "三、2026年工作安排", "力争工业投资增长10%。", "10", "target", 2026,
     2026, "point"},
    {'W', "三、2026年工作安排", "建设高标准农田12万亩。", "12", "target", 2026,
     2026, "point"},
    {'W', "一、2025年工作回顾", "今年要新增城镇就业40万人。", "40", "target",
     2026, 2026, "point"},
    {'W', "一、2025年工作回顾", "力争明年突破2万亿元。", "2", "target", 2027,
     2027, "point"},
    {'F', "三、下一步工作打算", "培训执法人员500人次。", "500", "target", 2024,
     2024, "point"},
    {'F', "三、2024年工作计划", "力争行政复议纠错率不低于10%。", "10", "target",
     2024, 2024, "point"},
    {'F', "", "确保行政机关负责人出庭应诉率达到100%。", "100", "target", 2023,
     2023, "point"},
    {'W', "二、“十五五”时期主要目标",
     "到2030年全社会研发投入强度达到3.2%左右。", "3.2", "target", kNull, 2030,
     "point"},
    // Averages.
    {'W', "一、2025年工作回顾",
     "刚刚过去的一年，是“十四五”收官之年，地区生产总值增长5.1％。", "5.1",
     "actual", 2025, 2025, "point"},
    // The plan named as closing (“十四五”圆满收官) sets no span: the year
    // before it does (甘肃 2026).
    {'W', "",
     "刚刚过去的2025年，全省顺利完成全年目标任务，实现“十四五”圆满收官。"
     "经济运行稳中有进。地区生产总值增长5.8%，增速居全国第2位。",
     "5.8", "actual", 2025, 2025, "point"},
    {'W', "一、2025年工作回顾", "五年来，地区生产总值年均增长5.2％。", "5.2",
     "actual", 2021, 2025, "average"},
    {'W', "一、2025年工作回顾", "“十四五”时期，一般公共预算收入年均增长7.8％。",
     "7.8", "actual", 2021, 2025, "average"},
    {'W', "二、“十五五”时期主要目标",
     "力争“十五五”时期地区生产总值年均增长5％左右。", "5", "target", 2026, 2030,
     "average"},
    {'W', "二、“十五五”时期主要目标", "居民收入年均增长6%左右。", "6", "target",
     2026, 2030, "average"},
    {'W', "一、2025年工作回顾", "2021—2025年平均每年新增就业45万人。", "45",
     "actual", 2021, 2025, "average"},
    // Totals.
    {'W', "一、2025年工作回顾", "五年来累计新增城镇就业200万人。", "200",
     "actual", 2021, 2025, "total"},
    {'W', "一、2025年工作回顾", "这五年，建成高速公路1200公里。", "1200",
     "actual", 2021, 2025, "total"},
    {'W', "一、2025年工作回顾", "五年来，工业投资占比提高11.9个百分点。",
     "11.9", "actual", 2021, 2025, "total"},
    {'W', "二、“十五五”时期主要目标", "今后五年新增城镇就业200万人。", "200",
     "target", 2026, 2030, "total"},
    {'W', "一、2025年工作回顾", "2021年至2025年共新建学校300所。", "300",
     "actual", 2021, 2025, "total"},
    // Stocks and levels.
    {'W', "一、2025年工作回顾", "截至2025年底，全省共有经营主体600万户。",
     "600", "actual", kNull, 2025, "point"},
    {'W', "一、2025年工作回顾", "五年来，地区生产总值跨过3万亿元。", "3",
     "actual", kNull, 2025, "point"},
    {'W', "一、2025年工作回顾", "金融机构人民币贷款余额5.2万亿元。", "5.2",
     "actual", kNull, 2025, "point"},
    {'W', "一、2025年工作回顾", "五年来，城镇化率提高到67.17％。", "67.17",
     "actual", kNull, 2025, "point"},
    {'W', "一、2025年工作回顾", "较“十三五”末净增1万亿元。", "1", "actual",
     2025, 2025, "point"},
    // Relative years.
    {'W', "三、2026年工作安排", "去年全市地区生产总值增长5.4%。", "5.4",
     "actual", 2025, 2025, "point"},
    {'W', "三、2026年工作安排", "今年地区生产总值增长5%左右。", "5", "target",
     2026, 2026, "point"},
    {'W', "一、2025年工作回顾", "2024年全市新增就业30万人。", "30", "actual",
     2024, 2024, "point"},
    {'W', "一、2025年工作回顾", "比2020年增长30%。", "30", "actual", 2025, 2025,
     "point"},
    {'F', "一、主要工作情况", "今年以来，审结案件11件。", "11", "actual", 2023,
     2023, "point"},
    // Inherited from a section heading, or carried from a paragraph.
    {'W', "一、“十四五”时期工作回顾", "建成高速公路1200公里。", "1200",
     "actual", 2021, 2025, "total"},
    {'W', "二、“十五五”时期主要目标", "美丽河湖建成率达到60%以上。", "60",
     "target", kNull, 2030, "point"},
    {'W', "一、2025年工作回顾\n这是经济实力持续提升的五年。",
     "新增城镇就业200万人。", "200", "actual", 2021, 2025, "total"},
    {'W', "", "全省新增就业44万人。", "44", "actual", 2025, 2025, "point"},
    {'W', "三、2026年工作安排\n（一）扩大内需", "新建充电桩1万个。", "1",
     "target", 2026, 2026, "point"},
};

std::string Document(const Case& row) {
  std::string text = row.report == 'W'
                         ? "2026年某省政府工作报告\n"
                           "——2026年1月20日在某省人民代表大会第四次会议上\n"
                           "各位代表：\n"
                         : "某县2023年法治政府建设年度报告\n";
  // Headings count from 一: the parts before the row's part are written too.
  const std::string heading = row.heading;
  if (heading.rfind("二、", 0) == 0 || heading.rfind("三、", 0) == 0)
    text += "一、基本情况\n简述。\n";
  if (heading.rfind("三、", 0) == 0) text += "二、其他事项\n简述。\n";
  if (!heading.empty()) text += heading + "\n";
  return text + row.sentence + "\n";
}

std::string Show(const std::optional<int>& year) {
  return year ? std::to_string(*year) : "null";
}

// The figure of `row`, in the last line of its document, has the row's
// time and stance.
void ExpectTimeStance(const Case& row) {
  const std::string document = Document(row);
  Result<Report> report = ProcessBytes(document, "case.txt", {});
  ASSERT_TRUE(report) << document;
  const Indicator* found = nullptr;
  for (const Indicator& indicator : report->indicators) {
    if (indicator.text.find(row.figure) != std::string::npos &&
        indicator.line == report->text.line_count()) {
      found = &indicator;
      break;
    }
  }
  ASSERT_NE(found, nullptr) << row.figure << " in " << document;
  SCOPED_TRACE(document + "figure " + found->text + ", rule " +
               found->time_rule);
  EXPECT_STREQ(RoleName(found->role), row.role);
  EXPECT_EQ(Show(found->period.from), Show(row.from));
  EXPECT_EQ(Show(found->period.to), Show(row.to));
  EXPECT_STREQ(AggregateName(found->aggregate), row.aggregate);
}

TEST(TimeStanceTest, Sentences) {
  ASSERT_GE(std::size(kCases), 40u);
  for (const Case& row : kCases) ExpectTimeStance(row);
}

// The words around a written year (the year_* rows of time_cues.tsv), one
// row or more for each, and the stock cues that hold for their sentence.
const Case kWrittenYearCases[] = {
    // year_span: every dash between two years, and a doubled one.
    {'W', "一、2025年工作回顾", "2021~2025年平均每年新增就业45万人。", "45",
     "actual", 2021, 2025, "average"},
    {'W', "一、2025年工作回顾", "2021-2025年平均每年新增就业45万人。", "45",
     "actual", 2021, 2025, "average"},
    {'W', "一、2025年工作回顾", "2021——2025年平均每年新增就业45万人。", "45",
     "actual", 2021, 2025, "average"},
    {'W', "一、2025年工作回顾", "2021年到2025年共新建学校300所。", "300",
     "actual", 2021, 2025, "total"},
    // year_by: a deadline or a stock date, from null.
    {'W', "二、“十五五”时期主要目标", "至2030年研发投入强度达到3.2%左右。",
     "3.2", "target", kNull, 2030, "point"},
    {'W', "一、2025年工作回顾", "截止2025年，全省共有经营主体600万户。", "600",
     "actual", kNull, 2025, "point"},
    // year_end and year_before.
    {'W', "一、2025年工作回顾", "2025年末全省常住人口4500万人。", "4500",
     "actual", kNull, 2025, "point"},
    {'W', "二、“十五五”时期主要目标", "2028年前建成充电桩10万个。", "10",
     "target", kNull, 2028, "point"},
    // year_since: from then to the reviewed year.
    {'F', "一、主要工作情况", "2021年以来，累计审结案件80件。", "80", "actual",
     2021, 2023, "total"},
    // year_word's not_after: a base of comparison is not the figure's year.
    {'W', "一、2025年工作回顾", "较2020年增长30%。", "30", "actual", 2025, 2025,
     "point"},
    {'W', "一、2025年工作回顾", "与2020年相比增长30%。", "30", "actual", 2025,
     2025, "point"},
    // A stock cue of scope sentence (截至, 截止) holds for the sentence's
    // later clauses; 余额 only for its own.
    {'W', "一、2025年工作回顾",
     "截止2025年底，全省共有经营主体600万户，个体工商户400万户。", "400",
     "actual", kNull, 2025, "point"},
    {'W', "一、2025年工作回顾",
     "金融机构人民币贷款余额5.2万亿元，全年新增贷款0.6万亿元。", "0.6",
     "actual", 2025, 2025, "point"},
    // Cues are looked for with the quotation marks dropped and their
    // offsets mapped back: six marks before 力争 put it in the sentence of
    // its figure, not 18 bytes earlier in the sentence before.
    {'W', "一、2025年工作回顾",
     "“一网通办”“跨省通办”“最多跑一次”全面推行。力争办件300万件。", "300",
     "target", 2025, 2025, "point"},
};

TEST(TimeStanceTest, WrittenYearWords) {
  for (const Case& row : kWrittenYearCases) ExpectTimeStance(row);
}

Report Corpus(const std::string& name) {
  Result<Report> report =
      ProcessFile(testing::TestPath("corpus/reports/" + name), {});
  EXPECT_TRUE(report) << name;
  return report ? std::move(*report) : Report{};
}

const Indicator* Find(const Report& report, std::string_view text) {
  for (const Indicator& indicator : report.indicators) {
    if (indicator.text.find(text) != std::string::npos) return &indicator;
  }
  return nullptr;
}

TEST(TimeStanceTest, JiangxiUnemploymentCapIsThe2026Target) {
  const Report report = Corpus("035_gzbg_2026_jiangxi.txt");
  const Indicator* cap = Find(report, "城镇调查失业率控制在5.5%左右");
  ASSERT_NE(cap, nullptr);
  EXPECT_EQ(cap->role, Role::kTarget);
  EXPECT_EQ(cap->period.to, 2026);
  EXPECT_EQ(cap->aggregate, Aggregate::kPoint);
}

TEST(TimeStanceTest, ShaanxiFiveYearAverageIsNotTheYearsGrowth) {
  const Report report = Corpus("032_gzbg_2026_shaanxi_fullwidth_pct.txt");
  const Indicator* average = nullptr;
  for (const Indicator& indicator : report.indicators) {
    if (indicator.text == "5.2％" || indicator.text == "年均增长5.2％")
      average = &indicator;
  }
  ASSERT_NE(average, nullptr);
  EXPECT_EQ(average->role, Role::kActual);
  EXPECT_EQ(average->aggregate, Aggregate::kAverage);
  EXPECT_EQ(average->period.from, 2021);
  EXPECT_EQ(average->period.to, 2025);
  EXPECT_NE(average->canonical.value_or(""), "economy.gdp_growth");
  // The year's growth still maps.
  const Indicator* year = Find(report, "地区生产总值增长5.1％");
  ASSERT_NE(year, nullptr);
  EXPECT_EQ(year->period.to, 2025);
  EXPECT_EQ(year->aggregate, Aggregate::kPoint);
}

// Over every work report of the corpus: the section plans are targets of
// 2026, the reviews results of 2025 or of 十四五, and every figure mapped
// to a catalogue headline is a point.
TEST(TimeStanceTest, CorpusWorkReports) {
  for (const char* name :
       {"031_gzbg_2026_beijing.txt", "032_gzbg_2026_shaanxi_fullwidth_pct.txt",
        "033_gzbg_2026_chongqing.txt", "034_gzbg_2026_guangdong.txt",
        "035_gzbg_2026_jiangxi.txt", "036_gzbg_2026_gansu.txt",
        "037_gzbg_2026_neimenggu.txt", "038_gzbg_2026_sichuan.txt",
        "039_gzbg_2026_hainan.txt", "040_gzbg_2026_zhejiang.txt"}) {
    SCOPED_TRACE(name);
    const Report report = Corpus(name);
    int targets = 0;
    int actuals = 0;
    for (const Indicator& indicator : report.indicators) {
      (indicator.role == Role::kTarget ? targets : actuals)++;
      ASSERT_TRUE(indicator.period.to) << indicator.text;
      EXPECT_GE(*indicator.period.to, 2016) << indicator.text;
      EXPECT_LE(*indicator.period.to, 2035) << indicator.text;
      if (indicator.role == Role::kActual) {
        EXPECT_LE(*indicator.period.to, 2025) << indicator.text;
      }
      if (indicator.canonical) {
        EXPECT_EQ(indicator.aggregate, Aggregate::kPoint) << indicator.text;
      }
      EXPECT_FALSE(indicator.time_rule.empty());
    }
    EXPECT_GT(targets, 20);
    EXPECT_GT(actuals, targets);
  }
}

TEST(TimeStanceTest, RuleOfLawReportsAreResultsOfTheirYear) {
  const Report report = Corpus("rongan-2023.txt");
  ASSERT_FALSE(report.indicators.empty());
  for (const Indicator& indicator : report.indicators) {
    if (indicator.role == Role::kTarget) continue;
    EXPECT_EQ(indicator.period.to, 2023) << indicator.text;
  }
}

}  // namespace
}  // namespace lawreport
