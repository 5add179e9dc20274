// The label trimmers, each alone (one table per rule: the words before a
// number, the unit, and what the rule leaves), then the loop that runs them.
#include "indicators/label_rules.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lawreport::indicators_internal {
namespace {

const LabelRule& RuleNamed(std::string_view name) {
  for (const LabelRule& rule : LabelRules()) {
    if (name == rule.name) return rule;
  }
  ADD_FAILURE() << "no label rule " << name;
  return LabelRules().front();
}

Mention MentionWith(std::string unit, UnitKind kind) {
  Mention m;
  m.unit = std::move(unit);
  m.kind = kind;
  return m;
}

struct RuleCase {
  const char* label;  // the whole text: the label's words
  const char* unit;
  UnitKind kind;
  // What the rule leaves; nullptr when it does not apply.
  const char* expected;
  Direction direction = Direction::kNone;
};

// Applies `rule` once to each case's whole text.
void ExpectRule(std::string_view rule_name,
                const std::vector<RuleCase>& cases) {
  const LabelRule& rule = RuleNamed(rule_name);
  for (const RuleCase& c : cases) {
    const std::string_view text = c.label;
    LabelSpan span{0, text.size(), Direction::kNone};
    const bool applied = rule.apply(text, MentionWith(c.unit, c.kind), span);
    if (c.expected == nullptr) {
      EXPECT_FALSE(applied) << rule_name << ": " << c.label;
      EXPECT_EQ(span.begin, 0u) << c.label;
      EXPECT_EQ(span.end, text.size()) << c.label;
      continue;
    }
    EXPECT_TRUE(applied) << rule_name << ": " << c.label;
    EXPECT_EQ(text.substr(span.begin, span.end - span.begin), c.expected)
        << rule_name << ": " << c.label;
    EXPECT_EQ(span.direction, c.direction) << rule_name << ": " << c.label;
  }
}

TEST(LabelRulesTest, TrimLeadingTime) {
  ExpectRule("trim_leading_time",
             {
                 {"2023年受理案件", "件", UnitKind::kCount, "受理案件"},
                 {"截至2023年底登记", "件", UnitKind::kCount, "登记"},
                 {"今年以来办理", "件", UnitKind::kCount, "办理"},
                 {"2024 年受理", "件", UnitKind::kCount, "受理"},
                 // 上年结转 is the count carried over.
                 {"上年结转案件", "件", UnitKind::kCount, nullptr},
                 {"受理案件", "件", UnitKind::kCount, nullptr},
                 // A time phrase that is the whole label stays.
                 {"2023年", "件", UnitKind::kCount, nullptr},
             });
}

TEST(LabelRulesTest, TrimTrailingWord) {
  ExpectRule("trim_trailing_word",
             {
                 {"受理案件达到", "件", UnitKind::kCount, "受理案件"},
                 {"合格率为", "%", UnitKind::kPercent, "合格率"},
                 {"比例提升至", "%", UnitKind::kPercent, "比例"},
                 // 行为 is a noun, not 行 + 为.
                 {"违法行为", "件", UnitKind::kCount, nullptr},
                 {"受理案件", "件", UnitKind::kCount, nullptr},
             });
}

TEST(LabelRulesTest, TrimLeadingWord) {
  ExpectRule("trim_leading_word",
             {
                 {"其中优秀卷", "件", UnitKind::kCount, "优秀卷"},
                 {"累计宣讲", "次", UnitKind::kCount, "宣讲"},
                 {"共受理", "件", UnitKind::kCount, "受理"},
                 // 共同 and 共享 are words of their own.
                 {"共享平台", "个", UnitKind::kCount, nullptr},
                 {"受理案件", "件", UnitKind::kCount, nullptr},
             });
}

TEST(LabelRulesTest, TrimPlaceAdverb) {
  ExpectRule("trim_place_adverb",
             {
                 {"融安县共受理", "件", UnitKind::kCount, "受理"},
                 {"全市累计培训", "人", UnitKind::kCount, "培训"},
                 {"我县已办结", "件", UnitKind::kCount, "办结"},
                 // 全县共享: 共 opens a word.
                 {"全县共享平台", "个", UnitKind::kCount, nullptr},
                 {"全县受理", "件", UnitKind::kCount, nullptr},
             });
}

TEST(LabelRulesTest, DropComparison) {
  ExpectRule(
      "drop_comparison",
      {
          {"增速高于全国", "个百分点", UnitKind::kChange, "增速",
           Direction::kUp},
          {"增速低于全省平均", "个百分点", UnitKind::kChange, "增速",
           Direction::kDown},
          {"产值高出同期", "倍", UnitKind::kChange, "产值", Direction::kUp},
          // Only points and multiples are compared this way.
          {"增速高于全国", "%", UnitKind::kPercent, nullptr},
          {"增速", "个百分点", UnitKind::kChange, nullptr},
      });
}

TEST(LabelRulesTest, DropChangeVerb) {
  ExpectRule(
      "drop_change_verb",
      {
          {"地区生产总值同比增长", "%", UnitKind::kPercent, "地区生产总值",
           Direction::kUp},
          {"能耗下降", "%", UnitKind::kPercent, "能耗", Direction::kDown},
          {"收入比2020年底增长", "%", UnitKind::kPercent, "收入",
           Direction::kUp},
          // "新增5家" counts new things: no change of a count.
          {"企业增长", "家", UnitKind::kCount, nullptr},
          {"办结率", "%", UnitKind::kPercent, nullptr},
      });
}

TEST(LabelRulesTest, EveryRuleHasANameAndAWhy) {
  std::vector<std::string> names;
  for (const LabelRule& rule : LabelRules()) {
    EXPECT_FALSE(std::string(rule.why).empty()) << rule.name;
    names.push_back(rule.name);
  }
  EXPECT_EQ(names,
            (std::vector<std::string>{"trim_leading_time", "trim_trailing_word",
                                      "trim_leading_word", "trim_place_adverb",
                                      "drop_comparison", "drop_change_verb"}));
}

// The loop: rules run until none applies, and each step is recorded.
TEST(LabelRulesTest, CleanLabelRunsRulesUntilStable) {
  struct Case {
    const char* label;
    const char* unit;
    UnitKind kind;
    const char* expected;
    const char* rules;
    std::vector<std::string> steps;  // "rule:after"
  };
  const Case cases[] = {
      {"2023年融安县共受理案件",
       "件",
       UnitKind::kCount,
       "受理案件",
       "trim_leading_time+trim_place_adverb",
       {"trim_leading_time:融安县共受理案件", "trim_place_adverb:受理案件"}},
      {"今年以来地区生产总值同比增长",
       "%",
       UnitKind::kPercent,
       "地区生产总值",
       "trim_leading_time+drop_change_verb",
       {"trim_leading_time:地区生产总值同比增长",
        "drop_change_verb:地区生产总值"}},
      {" 受理案件 ", "件", UnitKind::kCount, "受理案件", "", {}},
  };
  for (const Case& c : cases) {
    const std::string_view text = c.label;
    LabelSpan span{0, text.size(), Direction::kNone};
    std::vector<LabelStep> steps;
    const std::uint32_t ran =
        CleanLabel(text, MentionWith(c.unit, c.kind), span, &steps);
    EXPECT_EQ(text.substr(span.begin, span.end - span.begin), c.expected)
        << c.label;
    EXPECT_EQ(LabelRuleNames(ran), c.rules) << c.label;
    std::vector<std::string> described;
    for (const LabelStep& step : steps) {
      described.push_back(
          std::string(LabelRules()[step.rule].name) + ":" +
          std::string(text.substr(step.after_begin,
                                  step.after_end - step.after_begin)));
    }
    EXPECT_EQ(described, c.steps) << c.label;
  }
}

}  // namespace
}  // namespace lawreport::indicators_internal
