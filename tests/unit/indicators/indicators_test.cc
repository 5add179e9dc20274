// The indicators stage: what is kept, its label, kind, qualifier and
// direction (positive table), and what must yield nothing (negative table).
#include "lawreport/indicators.h"

#include <gtest/gtest.h>

#include <vector>

#include "test_support.h"

namespace lawreport {
namespace {

std::vector<Indicator> IndicatorsOf(std::string_view content) {
  const Text text = testing::MakeText(content);
  const Outline outline = BuildOutline(text);
  return ExtractIndicators(text, outline, FindMentions(text));
}

// "label=value unit kind qualifier direction" for each indicator.
std::vector<std::string> Describe(std::string_view content) {
  std::vector<std::string> out;
  for (const Indicator& i : IndicatorsOf(content)) {
    std::string row = i.label + "=" + i.value.ToString() + i.unit + " " +
                      UnitKindName(i.kind);
    if (i.qualifier != Qualifier::kNone)
      row += std::string(" ") + QualifierName(i.qualifier);
    if (i.direction != Direction::kNone)
      row += std::string(" ") + DirectionName(i.direction);
    if (i.upper) row += " upper=" + i.upper->ToString();
    out.push_back(row);
  }
  return out;
}

struct Case {
  const char* sentence;
  std::vector<std::string> expected;
};

TEST(IndicatorsTest, LabelsKindsQualifiers) {
  const Case cases[] = {
      {"受理行政许可事项43601件，办结43486件，办结率99.74%。",
       {"受理行政许可事项=43601件 count", "办结=43486件 count",
        "办结率=99.74% percent"}},
      {"全县现有调解员687名。", {"调解员=687名 count"}},
      {"完成564名执法人员绑定。", {"执法人员绑定=564名 count"}},
      {"对全县37个执法部门实行公示。", {"执法部门实行公示=37个 count"}},
      {"13个具有行政执法权的行政机关均已配备公职律师。",
       {"具有行政执法权的行政机关=13个 count"}},
      {"共开展法律咨询280余次，出具法律意见书54份。",
       {"开展法律咨询=280次 count more_than", "出具法律意见书=54份 count"}},
      {"“双公示”信息数据约71013条。",
       {"“双公示”信息数据=71013条 count approx"}},
      {"其中优秀卷12件。", {"优秀卷=12件 count"}},
      {"累计宣讲1.2万余次。", {"宣讲=12000次 count more_than"}},
      {"地区生产总值5.2万亿元、增长5.4%。",
       {"地区生产总值=5200000000000元 amount", "地区生产总值=5.4% change up"}},
      {"城镇调查失业率4.1%。", {"城镇调查失业率=4.1% percent"}},
      {"能耗同比下降3.2%。", {"能耗=3.2% change down"}},
      {"增速高于全国0.4个百分点。", {"增速=0.4个百分点 change up"}},
      {"绿色出行比例提升至76.5%。", {"绿色出行比例=76.5% percent"}},
      {"审查率达100%。", {"审查率=100% percent"}},
      {"参学率、参考率以及合格率均为100%。",
       {"参学率=100% percent", "参考率=100% percent", "合格率=100% percent"}},
      {"回访率、满意率均达100%。",
       {"回访率=100% percent", "满意率=100% percent"}},
      {"工业、制造业投资分别增长9.4％、13.3％。",
       {"工业投资=9.4% change up", "制造业投资=13.3% change up"}},
      {"年均增长5%以上。", {"=5% change more_than up"}},
      {"办理时限压缩至3至5个工作日。", {"办理时限=3个工作日 duration upper=5"}},
      {"现场申请0件。", {"现场申请=0件 count"}},
      {"市属重点国企由51家整合为33家。",
       {"市属重点国企=51家 count", "市属重点国企=33家 count"}},
      {"新增40.8万青年留渝来渝。", {"青年留渝来渝=408000 count"}},
      {"70%村卫生室实现一体化管理。", {"村卫生室=70% percent"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Describe(c.sentence), c.expected) << c.sentence;
  }
}

// The comparison before a change verb ("同比", "较2020年底") and the trim
// words at both ends are found from the label's end bytes (indexed word
// lists, a suffix test instead of a regex): the longest comparison goes,
// and a word kept by its neighbour (共同, 行为) stays.
TEST(IndicatorsTest, ComparisonsAndTrimWords) {
  const Case cases[] = {
      {"能耗比2020年底下降3.2%。", {"能耗=3.2% change down"}},
      {"收入较2019年增长5%。", {"收入=5% change up"}},
      {"出口比2021年末增长6%。", {"出口=6% change up"}},
      {"投资较上年增长10%。", {"投资=10% change up"}},
      {"工业投资环比下降1.5%。", {"工业投资=1.5% change down"}},
      {"居民收入比上年同比增长3%。", {"居民收入比上年=3% change up"}},
      {"年底数量比2023年底增加4%。", {"年底数量=4% change up"}},
      {"比2023年增长5%。", {"=5% change up"}},
      {"比20233年增长4%。", {"比=20233年 duration", "比=4% change up"}},
      {"用电量比全国增长2个百分点。", {"用电量=2个百分点 change up"}},
      {"市区共受理案件120件。", {"受理案件=120件 count"}},
      {"全市已完成改造45个。", {"完成改造=45个 count"}},
      {"另有良好卷30件。", {"良好卷=30件 count"}},
      {"共同富裕示范点12个。", {"共同富裕示范点=12个 count"}},
      {"行为规范检查为3次。", {"行为规范检查=3次 count"}},
      {"及时办结率99%。", {"及时办结率=99% percent"}},
      // Clause ends of every length before a label (the walk back from
      // the number decodes only non-ideographs).
      {"全年工作——受理案件12件。", {"受理案件=12件 count"}},
      {"举办活动…培训人员30名,其中:律师5名; 公证员(含助理)3名。",
       {"培训人员=30名 count", "律师=5名 count", "公证员(含助理)=3名 count"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Describe(c.sentence), c.expected) << c.sentence;
  }
}

// PDF-derived text (pdftotext -layout) and web copies: spaces between label,
// number and unit; units and scale words that were missed; names that hold
// a number.
TEST(IndicatorsTest, SpacedFiguresAndNewRules) {
  const Case cases[] = {
      {"主动发布各类政府信息 2428 条，公开政府常务会议 7 期。",
       {"主动发布各类政府信息=2428条 count", "公开政府常务会议=7期 count"}},
      {"受理政府信息公开申请 17 件，均已在法定期限内予以答复。",
       {"受理政府信息公开申请=17件 count"}},
      {"全年收取政府信息公开信息处理费 0 元。",
       {"收取政府信息公开信息处理费=0元 amount"}},
      {"固定资产投资增长3.8 %。", {"固定资产投资=3.8% change up"}},
      {"2023 年全区受理政府信息公开申请 21 件。",
       {"全区受理政府信息公开申请=21件 count"}},
      {"截至 2024 年 12 月底，案件总数达 17 件。", {"案件总数=17件 count"}},
      {"收到申请 1 234 件。", {"收到申请=1234件 count"}},
      {"少年法庭已审结刑事案件16件、民事案件近百件。",
       {"少年法庭已审结刑事案件=16件 count", "民事案件=100件 count approx"}},
      {"全年话务量59.85万通。", {"话务量=598500通 count"}},
      {"船舶总运力突破600万载重吨。",
       {"船舶总运力=6000000载重吨 measure more_than"}},
      {"改造传统养殖渔排6.8万口。", {"改造传统养殖渔排=68000口 count"}},
      {"力争新引进亿元以上项目30个、10亿元以上项目15个。",
       {"力争新引进亿元以上项目=30个 count", "10亿元以上项目=15个 count"}},
      // A sum with 以上 that ends its clause is a figure.
      {"完成投资10亿元以上。", {"完成投资=1000000000元 amount more_than"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Describe(c.sentence), c.expected) << c.sentence;
  }
  // The figure's text runs from its label through the unit.
  const std::vector<Indicator> spaced =
      IndicatorsOf("主动发布各类政府信息 2428 条。");
  ASSERT_EQ(spaced.size(), 1u);
  EXPECT_EQ(spaced[0].text, "主动发布各类政府信息 2428 条");
  // A list under one scale word: both numbers are 万人次.
  std::vector<std::string> visitors;
  for (const Indicator& i :
       IndicatorsOf("较疫情前2019年（4.81、3.27万人次）分别增长25%、22%。")) {
    if (i.unit == "人次") visitors.push_back(i.value.ToString());
  }
  EXPECT_EQ(visitors, (std::vector<std::string>{"48100", "32700"}));
}

// Issue 14 §3: a label is the noun phrase a reader would write as a column
// name. One row per rule.
TEST(IndicatorsTest, ReadableLabels) {
  const Case cases[] = {
      // A share names what it is a share of.
      {"其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%。",
       {"予以公开及部分公开=42件 count",
        "予以公开及部分公开占比=51.85% percent", "不予公开=5件 count",
        "不予公开占比=6.17% percent"}},
      {"对共建国家投资占50%。", {"对共建国家投资占比=50% percent"}},
      // Rates joined by 以及 share one percent without 均.
      {"全程网办率以及一趟不用跑率达100%。",
       {"全程网办率=100% percent", "一趟不用跑率=100% percent"}},
      {"办结率和满意率达100%。",
       {"办结率=100% percent", "满意率=100% percent"}},
      // Not rates: one label.
      {"予以公开及部分公开42件。", {"予以公开及部分公开=42件 count"}},
      // 各 distributes like 均; a scope word's shared head is written once.
      {"新评定国家、省知识产权优势企业各2家。",
       {"国家知识产权优势企业=2家 count", "省知识产权优势企业=2家 count"}},
      {"争创国家现代农业产业园、产业集群、产业强镇各1个。",
       {"国家现代农业产业园=1个 count", "产业集群=1个 count",
        "产业强镇=1个 count"}},
      {"城市、县城建成区面积分别提高8.3%、5%。",
       {"城市建成区面积=8.3% change up", "县城建成区面积=5% change up"}},
      {"城镇、农村居民人均可支配收入分别增长4.3%、6.1%。",
       {"城镇居民人均可支配收入=4.3% change up",
        "农村居民人均可支配收入=6.1% change up"}},
      // 各类, 各地: 各 before a noun shares nothing.
      {"各类市场主体新增12家。", {"各类市场主体新增=12家 count"}},
      // 分别 at the head of a clause distributes over the figures just
      // stated, or over the list that heads the clause before.
      {"新增发明专利45件、注册商标1073件，分别同比增长31.8%、8.3%。",
       {"新增发明专利=45件 count", "注册商标=1073件 count",
        "新增发明专利=31.8% change up", "注册商标=8.3% change up"}},
      {"万亿产业、国家先进制造业集群从无到有，分别达2个、3个。",
       {"万亿产业=2个 count", "国家先进制造业集群=3个 count"}},
      // The clause head names a figure whose own clause does not.
      {"全省进出口总值创历史新高，达到5379亿元、增长18.5％。",
       {"全省进出口总值=537900000000元 amount",
        "全省进出口总值=18.5% change up"}},
      {"实现地区生产总值67665亿元，增长5.5%。",
       {"地区生产总值=6766500000000元 amount", "地区生产总值=5.5% change up"}},
      {"新增百亿县区26个，累计达到46个。",
       {"新增百亿县区=26个 count", "新增百亿县区=46个 count"}},
      // A change does not take its subject from a figure labelled after it.
      {"全省生产总值跨越9万亿三个大台阶，年均增长5.9%。",
       {"全省生产总值=9000000000000 count", "大台阶=3个 count",
        "全省生产总值=5.9% change up"}},
      // Coordinated heads are kept.
      {"累计执法检查企业、商户1186家。", {"执法检查企业、商户=1186家 count"}},
      // …but a list with a figure in it is a series of clauses.
      {"项目落地137亿元、总投资500亿元。",
       {"项目落地=13700000000元 amount", "总投资=50000000000元 amount"}},
      // Verbs of motion are no part of the label.
      {"地区生产总值跨过3万亿元、年均增长5.2％。",
       {"地区生产总值=3000000000000元 amount", "地区生产总值=5.2% change up"}},
      {"粮食产量连续13年稳定在430亿斤以上。",
       {"粮食产量=13年 duration", "粮食产量=43000000000斤 measure more_than"}},
      {"连续4年获评全国营商环境最佳口碑省份。", {"连续=4年 duration"}},
      // Whole words: a clause of up to twenty characters is read whole and
      // the noun ends at its predicate.
      {"7个区县通过学前教育普及普惠国家督导评估认定。", {"区县=7个 count"}},
      {"36项卡点攻关取得突破。", {"卡点攻关=36项 count"}},
      {"十件民生实事全面完成。", {"民生实事=10件 count"}},
      {"8个重点河湖入河排污口完成整治。",
       {"重点河湖入河排污口完成整治=8个 count"}},
      // A short note in brackets belongs to the word before it.
      {"通高速公路县（市、区）达82个。", {"通高速公路县（市、区）=82个 count"}},
      {"57个县（市）生产总值增速高于全省。",
       {"县（市）生产总值增速高于全省=57个 count"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Describe(c.sentence), c.expected) << c.sentence;
  }
}

// The label finder's words (label_words.tsv), one row per role: each word
// is found by the role the file gives it, not by a literal in the code.
TEST(IndicatorsTest, LabelFinderWords) {
  const Case cases[] = {
      // each and each_verb: 各 right before the number, or before one verb.
      {"城区、农村学校各有3所。", {"城区学校=3所 count", "农村学校=3所 count"}},
      // 达 and 达到 are both each_verbs: the whole verb is read.
      {"城区、农村学校各达到3所。",
       {"城区学校=3所 count", "农村学校=3所 count"}},
      {"南区和北区各新增3所学校。", {"南区=3所 count", "北区=3所 count"}},
      // shared_adverb, shared_already, shared_verb: 均已, 都已经, 都为.
      {"参学率、参考率均已达到100%。",
       {"参学率=100% percent", "参考率=100% percent"}},
      {"乡镇、街道都已经完成12项改革。",
       {"乡镇=12项 count", "街道=12项 count"}},
      {"执法人员和辅助人员都为30名。",
       {"执法人员=30名 count", "辅助人员=30名 count"}},
      // not_after of shared_adverb: 年均 is no adverb, so nothing is shared.
      {"两区、三县农民收入年均增长5%。", {"三县农民收入=5% change up"}},
      // distributive, list_conjunction and group_joiner: 和 joins both the
      // labels and the numbers.
      {"工业和制造业投资分别增长9.4%和13.3%。",
       {"工业投资=9.4% change up", "制造业投资=13.3% change up"}},
      // noun_link: 的 between a percent and its noun is skipped.
      {"95%以上的村集体实现增收。", {"村集体=95% percent more_than"}},
      // lead_in_verb: its clause runs past 的 (a noun_end otherwise).
      {"13个具有行政执法权的行政机关均已配备公职律师。",
       {"具有行政执法权的行政机关=13个 count"}},
      // predicate_before and bare_verb: 由…为 complete a predicate.
      {"市属重点国企由51家整合为33家。",
       {"市属重点国企=51家 count", "市属重点国企=33家 count"}},
      // share_verb and share_suffix: a bare 占 takes the figure before.
      {"予以公开42件，占51.85%。",
       {"予以公开=42件 count", "予以公开占比=51.85% percent"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Describe(c.sentence), c.expected) << c.sentence;
  }
}

TEST(IndicatorsTest, NotIndicators) {
  // docs/reports.md §3: each of these must yield no indicator at all.
  const char* sentences[] = {
      "2023年，融安县坚持依法行政。",
      "截至2023年12月31日，全面完成。",
      "二〇二六年一月二十七日",
      "《法治政府建设实施纲要(2021—2025年)》",
      "实施规划(2021-2025年)。",
      "印发《融安县规范性文件管理办法》（融政办发〔2017〕74号）。",
      "根据﹝2023﹞54号文件。",
      "《条例》（国务院令第711号）第五十条规定。",
      "PM2.5年均浓度持续下降，5G基站加快建设。",
      "开展第二十二个“安全生产月”活动。",
      "获评第四批示范县，召开第九次会议，落实第一责任人职责，依据第十条。",
      "落实“三项制度”，推进“八五”普法，运用“321”工作机制。",
      "推行“一件事一次办”。",
      "学习贯彻党的二十大精神和二十届三中全会精神，谋划“十五五”。",
      "“十四五”时期是极不平凡的五年，这五年我们砥砺前行。",
      "坚决做到两个维护，落实中央八项规定精神。",
      "市十六届人大三次会议确定的目标任务全面完成。",
      "国家会议中心二期加快建设，推进二轮土地承包到期后再延长试点。",
      "保持两位数增长。",
      "2个1类创新药获批上市。",
      "一是加强学习，推动一批项目，建立一个中心。",
      "服务热线12345全天候响应，电话0771-8812345。",
      "纪念中国人民抗日战争胜利80周年。",
      "连续5个季度居全国前列。",
      "千家万户受益，百姓满意。",
      // The same, written with spaces (pdftotext -layout).
      "报告中所列数据统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止。",
      "《条例》（国令第 711 号）要求编制此报告。",
      "地址：洪泽湖大道 90 号，邮编：223100，电话：0517-87290606。",
      "召开第 3 次会议。",
      "规章               0          0       0",
      // Words that look like numbers or units, and names that hold one.
      "精准定位在陆台生、台青群体。",
      "依托12345台胞台企服务专区，完善涉台服务资源台账。",
      "6.属于四类过程性信息",
      "5.属于三类内部事务信息",
      "单笔50万元以下拖欠企业账款全部清零。",
      "百年变局加速演进，近百年来的奋斗。",
  };
  for (const char* sentence : sentences) {
    std::vector<std::string> found;
    for (const Indicator& i : IndicatorsOf(sentence)) {
      found.push_back(i.text + " (" + i.rule + ")");
    }
    if (std::string(sentence) == "2个1类创新药获批上市。") {
      // The count of drugs is an indicator; the category 1类 is not.
      ASSERT_EQ(found.size(), 1u) << sentence;
      EXPECT_EQ(IndicatorsOf(sentence)[0].value.ToString(), "2");
      continue;
    }
    EXPECT_TRUE(found.empty())
        << sentence << ": " << ::testing::PrintToString(found);
  }
}

TEST(IndicatorsTest, PositionsSectionsAndText) {
  const std::string report =
      "某县2023年法治政府建设年度报告\n"
      "2023年，全县受理案件12件。\n"
      "一、总体情况\n"
      "（一）行政复议\n"
      "收到行政复议申请３１件，其中受理27件。\n";
  const std::vector<Indicator> indicators = IndicatorsOf(report);
  ASSERT_EQ(indicators.size(), 3u);
  EXPECT_EQ(indicators[0].id, "i1");
  EXPECT_FALSE(indicators[0].section);  // preamble
  EXPECT_EQ(indicators[1].section, "1.1");
  EXPECT_EQ(indicators[1].line, 5);
  EXPECT_EQ(indicators[1].column, 9);
  EXPECT_EQ(indicators[1].text,
            "收到行政复议申请３１件");  // source text, full-width digits kept
  EXPECT_EQ(indicators[1].label, "收到行政复议申请");
  EXPECT_EQ(indicators[1].value.ToString(), "31");
  EXPECT_EQ(indicators[2].label, "受理");
  EXPECT_EQ(indicators[2].id, "i3");
  const Text text = testing::MakeText(report);
  EXPECT_EQ(text.source().substr(indicators[1].start,
                                 indicators[1].end - indicators[1].start),
            indicators[1].text);
}

// start/end are byte offsets in the source, so slicing it gives `text` even
// where normalization changed the width of what precedes the figure (full-
// width digits and punctuation, U+3000, zero-width characters); a shared
// label's slice runs from the label to the number, across the words `text`
// leaves out.
TEST(IndicatorsTest, OffsetsSliceTheSource) {
  const struct {
    const char* content;
    std::vector<std::string> slices;  // source[start, end) of each indicator
  } cases[] = {
      {"受理行政许可事项43601件，办结率99.74%。",
       {"受理行政许可事项43601件", "办结率99.74%"}},
      {"（一）受理１２件，办结率９９．７４％。",
       {"受理１２件", "办结率９９．７４％"}},
      {"\u3000\u3000全年受理\u200b行政复议申请３１件。",
       {"受理\u200b行政复议申请３１件"}},
      {"参学率、参考率以及合格率均为１００％。",
       {"参学率、参考率以及合格率均为１００％", "参考率以及合格率均为１００％",
        "合格率均为１００％"}},
      {"第一行\r\n完成５６４名执法人员培训。", {"５６４名执法人员培训"}},
  };
  for (const auto& c : cases) {
    const Text text = testing::MakeText(c.content);
    const std::vector<Indicator> indicators =
        ExtractIndicators(text, BuildOutline(text), FindMentions(text));
    std::vector<std::string> slices;
    for (const Indicator& i : indicators) {
      ASSERT_LE(i.start, i.end) << c.content;
      ASSERT_LE(i.end, text.source().size()) << c.content;
      slices.emplace_back(text.source().substr(i.start, i.end - i.start));
      if (i.text.find("…") == std::string::npos) {
        EXPECT_EQ(slices.back(), i.text) << c.content;
      }
    }
    EXPECT_EQ(slices, c.slices) << c.content;
  }
}

TEST(IndicatorsTest, DecimalsAsPrinted) {
  const std::vector<Indicator> indicators =
      IndicatorsOf("办结率99.74%，满意率100%，增长1.20倍。");
  ASSERT_EQ(indicators.size(), 3u);
  EXPECT_EQ(indicators[0].value.decimals(), 2);
  EXPECT_EQ(indicators[1].value.decimals(), 0);
  EXPECT_EQ(indicators[2].value.decimals(), 2);
}

}  // namespace
}  // namespace lawreport
