// The figure rules, each alone: a sentence, the mention in it, and whether
// the rule rejects that mention; then the first rule that rejects.
#include "indicators/figure_rules.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lawreport/numbers.h"
#include "test_support.h"

namespace lawreport::indicators_internal {
namespace {

const FigureRule& RuleNamed(std::string_view name) {
  for (const FigureRule& rule : FigureRules()) {
    if (name == rule.name) return rule;
  }
  ADD_FAILURE() << "no figure rule " << name;
  return FigureRules().front();
}

struct RuleCase {
  const char* sentence;
  const char* mention;  // the mention's raw text
  bool rejected;
};

// Finds each case's mention and asks `rule_name` alone about it. Brackets
// (《》, “”) are given to the context as the extractor finds them: from
// the opening to the closing mark.
void ExpectRule(std::string_view rule_name,
                const std::vector<RuleCase>& cases) {
  const FigureRule& rule = RuleNamed(rule_name);
  for (const RuleCase& c : cases) {
    const Text text = testing::MakeText(c.sentence);
    const std::string_view n = text.normalized();
    std::vector<std::pair<std::size_t, std::size_t>> enclosed;
    for (const auto& [open, close] :
         {std::pair<std::string_view, std::string_view>{"《", "》"},
          {"“", "”"}}) {
      const std::size_t begin = n.find(open);
      const std::size_t end = n.find(close);
      if (begin != std::string_view::npos && end != std::string_view::npos)
        enclosed.push_back({begin, end + close.size()});
    }
    const SpanSet enclosed_set(enclosed);
    const FigureContext context{n, &enclosed_set, nullptr, nullptr};
    const Mention* found = nullptr;
    const std::vector<Mention> mentions = FindMentions(text);
    for (const Mention& m : mentions) {
      if (m.raw == c.mention) found = &m;
    }
    ASSERT_NE(found, nullptr) << c.sentence << ": no mention " << c.mention;
    EXPECT_EQ(rule.rejects(context, *found), c.rejected)
        << rule_name << ": " << c.sentence << " / " << c.mention;
  }
}

TEST(FigureRulesTest, NoUnit) {
  ExpectRule("no_unit",
             {{"2023年5月召开", "5", true}, {"受理案件43件", "43件", false}});
}

TEST(FigureRulesTest, Year) {
  ExpectRule("year", {{"2023年全县", "2023年", true},
                      {"二〇二三年全县", "二〇二三年", true},
                      {"用时3年", "3年", false},
                      {"受理案件43件", "43件", false}});
}

TEST(FigureRulesTest, ChineseOneAndSpans) {
  ExpectRule("chinese_one",
             {{"建成一个中心", "一个", true}, {"建成3个中心", "3个", false}});
  ExpectRule("span_of_years",
             {{"过去五年", "五年", true}, {"用时3年", "3年", false}});
}

TEST(FigureRulesTest, Categories) {
  ExpectRule("category_name",
             {{"2个1类创新药", "1类", true}, {"分为12类", "12类", false}});
  ExpectRule("category_member", {{"属于四类过程性信息", "四类", true},
                                 {"分为四类", "四类", false}});
  ExpectRule("amount_class", {{"10亿元以上项目15个", "10亿元以上", true},
                              {"投资10亿元，建成", "10亿元", false}});
}

TEST(FigureRulesTest, PhaseOrRound) {
  ExpectRule("phase_or_round",
             {{"二期工程", "二期", true}, {"举办12期培训", "12期", false}});
}

TEST(FigureRulesTest, Ordinal) {
  ExpectRule("ordinal", {{"第12次会议", "12次", true},
                         {"第 3 次会议", "3 次", true},
                         {"召开12次会议", "12次", false}});
}

TEST(FigureRulesTest, Code) {
  ExpectRule("code",
             {{"PM2.5浓度", "2.5", true}, {"建成5G基站300个", "300个", false}});
}

TEST(FigureRulesTest, Enclosed) {
  ExpectRule("enclosed", {{"印发《关于开展5项行动的通知》", "5项", true},
                          {"开展5项行动", "5项", false}});
}

TEST(FigureRulesTest, FirstRejectingRuleNamesTheReason) {
  struct Case {
    const char* sentence;
    const char* mention;
    const char* rule;  // nullptr: a figure
  };
  const Case cases[] = {
      {"2023年受理案件43件", "2023年", "year"},
      {"2023年受理案件43件", "43件", nullptr},
      {"第12次会议", "12次", "ordinal"},
      {"2023年5月", "5", "no_unit"},
  };
  for (const Case& c : cases) {
    const Text text = testing::MakeText(c.sentence);
    const FigureContext context{text.normalized(), nullptr, nullptr, nullptr};
    for (const Mention& m : FindMentions(text)) {
      if (m.raw != c.mention) continue;
      const FigureRule* rule = RejectingRule(context, m);
      if (c.rule == nullptr) {
        EXPECT_EQ(rule, nullptr) << c.sentence << " / " << c.mention;
      } else {
        ASSERT_NE(rule, nullptr) << c.sentence << " / " << c.mention;
        EXPECT_STREQ(rule->name, c.rule) << c.sentence << " / " << c.mention;
      }
    }
  }
}

}  // namespace
}  // namespace lawreport::indicators_internal
