// Canonical mapping: the sample's expected mappings (every one, so a wrong
// mapping fails as surely as a missing one), rules on small texts, and diffs.
#include "lawreport/canonical.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <tuple>
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
            "key,name,unit,old,new,change,change_percent,status\r");
}

}  // namespace
}  // namespace lawreport
