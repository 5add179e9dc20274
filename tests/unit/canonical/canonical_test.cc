// Canonical mapping: the sample's expected mappings (every one, so a wrong
// mapping fails as surely as a missing one), rules on small texts, and diffs.
#include "lawreport/canonical.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <type_traits>
#include <vector>

#include "lawreport/panel.h"
#include "lawreport/report.h"
#include "lexicon/lexicon.h"
#include "test_support.h"
#include "util/regex.h"

namespace lawreport {
namespace {

using Mapping =
    std::tuple<int, std::string, std::string>;  // line, value, canonical id

std::set<Mapping> MappingsOf(const Report& report) {
  std::set<Mapping> mappings;
  for (const Indicator& i : report.indicators) {
    if (i.canonical)
      mappings.insert({i.line, i.value.ToString(), *i.canonical});
  }
  return mappings;
}

TEST(CanonicalTest, SampleMapsExactlyTheseIndicators) {
  const std::set<Mapping> expected = {
      {15, "43601", "licensing.accepted"},
      {15, "43486", "licensing.concluded"},
      {15, "99.74", "licensing.completion_rate"},
      {20, "32", "normative.cleaned_up"},
      {20, "25", "normative.retained"},
      {20, "7", "normative.repealed"},
      {25, "11", "normative.filed"},
      {30, "280", "legal.consultations"},
      {30, "54", "legal.opinions"},
      {30, "2", "legal.decision_reviews"},
      {32, "37", "legal.bodies_with_advisers"},
      {37, "27", "enforcement.exempt_cases"},
      {39, "76", "enforcement.transfers_to_police"},
      {59, "164", "mediation.organisations"},
      {59, "687", "mediation.mediators"},
      {59, "1164", "mediation.disputes"},
      {59, "1164", "mediation.handled"},
      {59, "1142", "mediation.settled"},
      {59, "98.11", "mediation.settlement_rate"},
      {61, "31", "reconsideration.received"},
      {61, "27", "reconsideration.accepted"},
      {61, "4", "reconsideration.not_accepted"},
      {61, "21", "reconsideration.concluded"},
      {61, "3", "reconsideration.carried_over"},
      {61, "11", "reconsideration.upheld"},
      {61, "3", "reconsideration.revoked"},
      {61, "1", "reconsideration.rejected"},
      {61, "2", "reconsideration.confirmed_illegal"},
      {61, "4", "reconsideration.terminated"},
      {61, "23.81", "reconsideration.correction_rate"},
      {63, "42", "litigation.cases"},
      {63, "2", "litigation.lost"},
      {63, "4.76", "litigation.loss_rate"},
      {63, "4", "litigation.withdrawn"},
      {66, "42", "npc.suggestions"},
      {66, "25", "cppcc.proposals"},
      {66, "100", "npc_cppcc.satisfaction"},
      {68, "25", "open_government.requests"},
  };
  Result<Report> report = ProcessFile(LAWREPORT_SAMPLE, {});
  ASSERT_TRUE(report);
  EXPECT_EQ(MappingsOf(*report), expected);
  EXPECT_GE(expected.size(), 25u);
  for (const Indicator& i : report->indicators) {
    if (i.canonical) {
      EXPECT_TRUE(i.canonical_rule && !i.canonical_rule->empty())
          << *i.canonical;
    }
  }
}

TEST(CanonicalTest, CatalogueCoversTheIssue) {
  EXPECT_GE(CanonicalCatalogue().size(), 40u);
  for (const char* id : {"reconsideration.received",
                         "reconsideration.accepted",
                         "reconsideration.concluded",
                         "reconsideration.upheld",
                         "reconsideration.revoked",
                         "reconsideration.altered",
                         "reconsideration.confirmed_illegal",
                         "reconsideration.rejected",
                         "reconsideration.terminated",
                         "reconsideration.correction_rate",
                         "litigation.cases",
                         "litigation.lost",
                         "litigation.loss_rate",
                         "litigation.head_appearance_rate",
                         "licensing.accepted",
                         "licensing.concluded",
                         "licensing.completion_rate",
                         "enforcement.penalty_cases",
                         "enforcement.transfers_to_police",
                         "enforcement.staff",
                         "enforcement.certification_rate",
                         "normative.filed",
                         "normative.reviewed",
                         "normative.cleaned_up",
                         "normative.repealed",
                         "legal.advisers",
                         "legal.public_lawyers",
                         "mediation.organisations",
                         "mediation.mediators",
                         "mediation.disputes",
                         "mediation.settled",
                         "mediation.settlement_rate",
                         "open_government.requests",
                         "npc.suggestions",
                         "cppcc.proposals",
                         "npc_cppcc.satisfaction",
                         "economy.gdp_growth",
                         "fiscal.general_budget_revenue",
                         "jobs.new_urban",
                         "income.per_capita_disposable_growth",
                         "agriculture.grain_output",
                         "investment.fixed_asset_growth"}) {
    EXPECT_NE(FindCanonical(id), nullptr) << id;
  }
}

TEST(CanonicalTest, ConservativeRules) {
  const auto map = [](std::string_view text) {
    Result<Report> report = ProcessBytes(text, "inline.txt", {});
    EXPECT_TRUE(report);
    std::vector<std::string> ids;
    for (const Indicator& i : report->indicators)
      ids.push_back(i.canonical.value_or("-"));
    return ids;
  };
  // 受理 is licensing or reconsideration by its paragraph, and nothing without
  // either.
  EXPECT_EQ(map("收到行政复议申请45件，其中受理40件。"),
            (std::vector<std::string>{"reconsideration.received",
                                      "reconsideration.accepted"}));
  EXPECT_EQ(
      map("全年受理政务服务事项1200件，办结1190件，办结率99.17%。"),
      (std::vector<std::string>{"licensing.accepted", "licensing.concluded",
                                "licensing.completion_rate"}));
  EXPECT_EQ(map("受理群众来信40件。"), (std::vector<std::string>{"-"}));
  // A sub-region's growth is not the body's; a milestone is not the figure.
  EXPECT_EQ(map("全市地区生产总值增长5.4%，城市副中心地区生产总值增长6%。"),
            (std::vector<std::string>{"economy.gdp_growth", "-"}));
  EXPECT_EQ(map("地区生产总值突破3万亿元、达3.6万亿元。"),
            (std::vector<std::string>{"-", "economy.gdp"}));
}

// Each indicator's canonical id ("-" for none), in text order.
std::vector<std::string> MappedIds(std::string_view text) {
  Result<Report> report = ProcessBytes(text, "inline.txt", {});
  EXPECT_TRUE(report);
  std::vector<std::string> ids;
  if (!report) return ids;
  for (const Indicator& i : report->indicators)
    ids.push_back(i.canonical.value_or("-"));
  return ids;
}

struct MappingCase {
  std::string text;
  std::vector<std::string> ids;
};

// One row per rule family: units shared by several rules (件, %), a rule
// with two units (名|人), exclusions, contexts, and two rules claiming one
// label. Mapping asks only the rules for an indicator's unit and only those
// whose label pattern the one label scan found, so each row also checks that
// shortcut against the catalogue's meaning.
const std::vector<MappingCase>& MappingCases() {
  static const std::vector<MappingCase> cases = {
      {"全县共有人民调解员520人，调处矛盾纠纷300件，调结285件，调结率95%。",
       {"mediation.mediators", "mediation.handled", "mediation.settled",
        "mediation.settlement_rate"}},
      {"人民调解员300名。", {"mediation.mediators"}},
      {"办理行政复议案件12件，其中维持8件，撤销2件，驳回1件，终止1件。",
       {"reconsideration.received", "reconsideration.upheld",
        "reconsideration.revoked", "reconsideration.rejected",
        "reconsideration.terminated"}},
      // 未 excludes concluded.
      {"行政复议案件办结10件，未办结2件。", {"reconsideration.concluded", "-"}},
      {"全年办理行政处罚案件1500件，免予处罚案件30件。",
       {"enforcement.penalty_cases", "enforcement.exempt_cases"}},
      {"行政应诉案件20件，败诉2件，败诉率10%，行政机关负责人出庭应诉率100%。",
       {"litigation.cases", "litigation.lost", "litigation.loss_rate",
        "litigation.head_appearance_rate"}},
      {"全年清理规范性文件40件，废止6件，继续有效34件。",
       {"normative.cleaned_up", "normative.repealed", "normative.retained"}},
      {"全市配备法律顾问的单位120个，法律顾问300名，公职律师45名。",
       {"legal.bodies_with_advisers", "legal.advisers",
        "legal.public_lawyers"}},
      {"全年粮食总产量35万吨，城镇新增就业1.2万人。",
       {"agriculture.grain_output", "jobs.new_urban"}},
      {"居民消费价格上涨2.1%。", {"prices.cpi_growth"}},
      {"收到人大代表建议42件，政协提案25件，满意率100%。",
       {"npc.suggestions", "cppcc.proposals", "npc_cppcc.satisfaction"}},
      // Two rules claim each of these labels: neither maps.
      {"提供法律咨询并出具法律意见书30件。", {"-"}},
      {"人大代表建议和政协提案共50件。", {"-"}},
  };
  return cases;
}

TEST(CanonicalTest, MapsEachRuleFamily) {
  for (const MappingCase& c : MappingCases()) {
    EXPECT_EQ(MappedIds(c.text), c.ids) << c.text;
  }
}

// Batch mode maps reports on several threads, and the catalogue's patterns
// compile on first use: threads that all start cold must agree with the
// table. (ctest runs each test in its own process, so this one starts cold.)
TEST(CanonicalTest, ThreadsMappingAtFirstUseAgree) {
  std::vector<std::vector<std::vector<std::string>>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&result] {
      for (const MappingCase& c : MappingCases())
        result.push_back(MappedIds(c.text));
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& result : results) {
    ASSERT_EQ(result.size(), MappingCases().size());
    for (std::size_t i = 0; i < result.size(); ++i)
      EXPECT_EQ(result[i], MappingCases()[i].ids) << MappingCases()[i].text;
  }
}

// Patterns are parsed when the catalogue is read but compiled only when a
// rule is first asked; this compiles every one, so a pattern RE2 rejects
// fails the suite, whichever reports happen to reach its rule.
TEST(CanonicalTest, EveryCataloguePatternCompiles) {
  int patterns = 0;
  for (const lexicon::TsvRow& row : lexicon::ReadTsv("indicators.tsv")) {
    EXPECT_FALSE(row.Get("label").empty()) << "line " << row.line();
    for (const char* column : {"label", "not_label", "context"}) {
      if (row.Get(column).empty()) continue;
      const Regex regex(row.Get(column));
      EXPECT_TRUE(regex.ok())
          << "line " << row.line() << " " << column << ": " << regex.error();
      ++patterns;
    }
  }
  EXPECT_GE(patterns, 100);
}

TEST(CanonicalTest, DiffOfTwoYears) {
  Result<Report> before = ProcessBytes(
      "收到行政复议申请31件，其中受理27件，不受理4件。调解员687名。",
      "2023.txt", {});
  Result<Report> after = ProcessBytes(
      "收到行政复议申请45件，其中受理45件。法律顾问12名。", "2024.txt", {});
  ASSERT_TRUE(before && after);
  const std::vector<DiffRow> rows = DiffReports(*before, *after);
  std::vector<std::string> described;
  for (const DiffRow& row : rows) {
    described.push_back(
        row.key + " " + (row.old_value ? row.old_value->ToString() : "-") +
        " " + (row.new_value ? row.new_value->ToString() : "-") + " " +
        (row.change ? row.change->ToString() : "-") + " " + row.status);
  }
  EXPECT_EQ(described, (std::vector<std::string>{
                           "reconsideration.received 31 45 14 changed",
                           "reconsideration.accepted 27 45 18 changed",
                           "reconsideration.not_accepted 4 - - disappeared",
                           "legal.advisers - 12 - appeared",
                           "mediation.mediators 687 - - disappeared",
                       }));
  EXPECT_NEAR(*rows[0].change_percent, 45.16, 1e-9);
  EXPECT_EQ(DiffCsv(rows).substr(0, DiffCsv(rows).find('\n')),
            "key,name,unit,old,new,change,change_percent,status,change_unit,"
            "old_line,new_line\r");
}

// "key old→new change change_unit change_percent status old_line new_line".
std::vector<std::string> DescribeDiff(const std::vector<DiffRow>& rows) {
  const auto or_dash = [](const auto& value) -> std::string {
    if (!value) return "-";
    if constexpr (std::is_same_v<std::decay_t<decltype(*value)>, Decimal>) {
      return value->ToString();
    } else {
      return std::to_string(*value);
    }
  };
  std::vector<std::string> out;
  for (const DiffRow& row : rows) {
    std::string percent = "-";
    if (row.change_percent) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.2f%%", *row.change_percent);
      percent = buffer;
    }
    out.push_back(row.key + " " + or_dash(row.old_value) + "→" +
                  or_dash(row.new_value) + " " + or_dash(row.change) + " " +
                  row.change_unit + " " + percent + " " + row.status + " " +
                  or_dash(row.old_line) + " " + or_dash(row.new_line));
  }
  return out;
}

// Rates change by percentage points, changes keep their direction, repeated
// labels pair in text order, and every row has both lines.
TEST(CanonicalTest, DiffPointsDirectionAndRepeatedLabels) {
  const struct {
    const char* old_text;
    const char* new_text;
    bool changed_only;
    std::vector<std::string> expected;
  } cases[] = {
      // A rate: +1.4 个百分点, no relative change (not +34.15%).
      {"城镇调查失业率4.1%。",
       "城镇调查失业率5.5%。",
       false,
       {"jobs.urban_unemployment_rate 4.1→5.5 1.4 个百分点 - changed 1 1"}},
      {"办结率99.74%。",
       "\n办结率100%。",
       false,
       {"label:办结率 99.74→100 0.26 个百分点 - changed 1 2"}},
      // A fall that deepens: 下降1.3% → 下降7.2% is −5.9 points, not +453%.
      {"能耗同比下降1.3%。",
       "能耗同比下降7.2%。",
       false,
       {"label:能耗 -1.3→-7.2 -5.9 个百分点 - changed 1 1"}},
      // From a fall to a rise.
      {"能耗同比下降1.3%。",
       "能耗同比增长0.7%。",
       false,
       {"label:能耗 -1.3→0.7 2 个百分点 - changed 1 1"}},
      // A change in points is compared in points too.
      {"占比提高0.5个百分点。",
       "占比下降0.3个百分点。",
       false,
       {"label:占比 0.5→-0.3 -0.8 个百分点 - changed 1 1"}},
      // A count keeps its unit and its relative change.
      {"调解员687名。",
       "调解员700名。",
       false,
       {"mediation.mediators 687→700 13 名 1.89% changed 1 1"}},
      // A label stated twice is compared twice, in text order.
      {"部门完成联合抽查任务18个，部门完成联合抽查任务6个。",
       "部门完成联合抽查任务20个，\n部门完成联合抽查任务6个。",
       false,
       {"label:部门完成联合抽查任务 18→20 2 个 11.11% changed 1 1",
        "label:部门完成联合抽查任务 6→6 0 个 0.00% same 1 2"}},
      {"部门完成联合抽查任务18个，部门完成联合抽查任务6个。",
       "部门完成联合抽查任务20个，部门完成联合抽查任务6个。",
       true,
       {"label:部门完成联合抽查任务 18→20 2 个 11.11% changed 1 1"}},
      // Results compare with results and targets with targets: the old
      // report's result (4.1%) has no counterpart; its target (5%) meets
      // the new report's target (5.5%), not its first mention.
      {"城镇调查失业率4.1%。今年城镇调查失业率力争控制在5%。",
       "今年城镇调查失业率力争控制在5.5%。",
       false,
       {"jobs.urban_unemployment_rate 5→5.5 0.5 个百分点 - changed 1 1"}},
      // An id in one report only appears, with the one line it has.
      {"调解员687名。",
       "法律顾问12名。",
       false,
       {"legal.advisers -→12 - 名 - appeared - 1",
        "mediation.mediators 687→- - 名 - disappeared 1 -"}},
  };
  for (const auto& c : cases) {
    Result<Report> before = ProcessBytes(c.old_text, "old.txt", {});
    Result<Report> after = ProcessBytes(c.new_text, "new.txt", {});
    ASSERT_TRUE(before && after) << c.old_text;
    DiffOptions options;
    options.changed_only = c.changed_only;
    EXPECT_EQ(DescribeDiff(DiffReports(*before, *after, options)), c.expected)
        << c.old_text << " → " << c.new_text;
  }
}

// A diff compares one body's reports of two years; anything else is refused
// (the CLI's --force overrides).
TEST(CanonicalTest, DiffRefusesDifferentBodiesKindsAndYears) {
  const struct {
    const char* old_title;
    const char* new_title;
    const char* refusal;  // nullptr: they compare
  } cases[] = {
      {"北京市2023年法治政府建设年度报告",
       "北京市人民政府2024年法治政府建设年度报告", nullptr},
      {"北京市人民政府关于2022年度法治政府建设情况的报告",
       "北京市2023年法治政府建设年度报告", nullptr},
      {"北京市２０２３年法治政府建设年度报告",
       "北京市　2024年法治政府建设年度报告", nullptr},
      {"北京市2023年法治政府建设年度报告", "江西省2024年法治政府建设年度报告",
       "OLD and NEW are reports of different bodies (北京市, 江西省)"},
      {"北京市2023年法治政府建设年度报告",
       "北京市司法局2024年法治政府建设年度报告",
       "OLD and NEW are reports of different bodies (北京市, 北京市司法局)"},
      {"北京市2023年法治政府建设年度报告", "北京市2025年政府工作报告",
       "OLD and NEW are different kinds of report (法治政府建设年度报告, "
       "政府工作报告)"},
      {"北京市2023年法治政府建设年度报告", "北京市2023年法治政府建设年度报告",
       "NEW (2023) is not later than OLD (2023)"},
      {"北京市2024年法治政府建设年度报告",
       "北京市人民政府2023年法治政府建设年度报告",
       "NEW (2023) is not later than OLD (2024)"},
      // What a report does not state is no reason to refuse.
      {"受理行政许可事项100件。", "北京市2024年法治政府建设年度报告", nullptr},
  };
  for (const auto& c : cases) {
    const std::string body = "\n一、总体情况\n受理行政许可事项100件。\n";
    Result<Report> before =
        ProcessBytes(std::string(c.old_title) + body, "old.txt", {});
    Result<Report> after =
        ProcessBytes(std::string(c.new_title) + body, "new.txt", {});
    ASSERT_TRUE(before && after) << c.old_title;
    const std::optional<std::string> refusal = DiffRefusal(*before, *after);
    if (c.refusal) {
      EXPECT_EQ(refusal, std::optional<std::string>(c.refusal)) << c.new_title;
    } else {
      EXPECT_EQ(refusal, std::nullopt) << c.old_title << " / " << c.new_title;
    }
  }
}

// The body a report speaks for: its issuer without the first
// issuer_suffix of panel_words.tsv that ends it (人民政府 before 政府).
TEST(CanonicalTest, BodyOfTakesOffTheGovernmentSuffix) {
  const struct {
    const char* issuer;
    const char* body;
  } cases[] = {
      {"北京市人民政府", "北京市"},
      {"某县政府", "某县"},
      {"北京市司法局", "北京市司法局"},
      // Nothing left but the suffix: the issuer is the body.
      {"政府", "政府"},
      {"ＡＢ市 人民政府", "AB市"},
  };
  for (const auto& c : cases) {
    Report report;
    report.outline.document.issuer = c.issuer;
    EXPECT_EQ(BodyOf(report), c.body) << c.issuer;
  }
  EXPECT_EQ(BodyOf(Report{}), "");
}

// The template's cells enter the catalogue with the unit and kind of
// template_units.tsv: 万元 columns as amounts in 元, others as counts.
TEST(CanonicalTest, TemplateCellUnits) {
  const struct {
    const char* id;
    const char* units;
    const char* kind;
  } cases[] = {
      {"xxgk.active.fees.amount", "元", "amount"},
      {"xxgk.active.rules.issued", "件", "count"},
  };
  for (const auto& c : cases) {
    const CanonicalEntry* entry = FindCanonical(c.id);
    ASSERT_NE(entry, nullptr) << c.id;
    EXPECT_EQ(entry->units, c.units) << c.id;
    EXPECT_EQ(entry->kind, c.kind) << c.id;
    EXPECT_EQ(entry->definition, "政府信息公开工作年度报告 template cell");
  }
}

}  // namespace
}  // namespace lawreport
