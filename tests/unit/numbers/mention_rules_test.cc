// The number scanner's steps, each alone: a reading is started where a
// mention would start, the steps before the one under test run as the
// scanner runs them, then that step: whether it applies, declines or says
// no mention starts there, and what the mention holds after it.
#include "numbers/mention_rules.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lawreport/numbers.h"
#include "test_support.h"

namespace lawreport::numbers_internal {
namespace {

using O = StepOutcome;
using Q = Qualifier;

const MentionStep* StepNamed(std::span<const MentionStep> steps,
                             std::string_view name) {
  for (const MentionStep& step : steps) {
    if (name == step.name) return &step;
  }
  return nullptr;
}

// Runs the steps before `name` (a step of MentionSteps, or an alternative of
// the unit step after the steps before `unit` and MarkUnitStart), then
// `name`; its outcome.
StepOutcome RunStep(std::string_view name, MentionReading& reading) {
  const MentionStep* alternative = StepNamed(UnitSteps(), name);
  const std::string_view stop = alternative ? "unit" : name;
  const MentionStep* step =
      alternative ? alternative : StepNamed(MentionSteps(), name);
  if (step == nullptr) {
    ADD_FAILURE() << "no mention step " << name;
    return O::kNoMention;
  }
  for (const MentionStep& before : MentionSteps()) {
    if (stop == before.name) break;
    if (before.read(reading) == O::kNoMention) {
      ADD_FAILURE() << before.name << " ended the reading before " << name;
      return O::kNoMention;
    }
  }
  if (alternative) reading.MarkUnitStart();
  return step->read(reading);
}

const char* OutcomeName(StepOutcome outcome) {
  switch (outcome) {
    case O::kDeclined:
      return "declined";
    case O::kApplied:
      return "applied";
    case O::kNoMention:
      return "no_mention";
  }
  return "";
}

struct StepCase {
  const char* before;  // the text before the offset the reading starts at
  const char* at;      // the text from that offset on
  StepOutcome outcome;
  // After the step: the text from the offset to where the reading stands,
  // and the mention's value, upper bound ("none"), unit, rule, qualifier.
  // Not checked when the outcome is kNoMention.
  const char* read = "";
  const char* value = "0";
  const char* upper = "none";
  const char* unit = "";
  const char* rule = "";
  Qualifier qualifier = Qualifier::kNone;
};

void ExpectStep(std::string_view name, const std::vector<StepCase>& cases) {
  for (const StepCase& c : cases) {
    const std::string content = std::string(c.before) + c.at;
    const Text text = testing::MakeText(content);
    ASSERT_EQ(text.normalized(), content) << "write the case normalized";
    Mention mention;
    const std::size_t offset = std::string_view(c.before).size();
    MentionReading reading(text, offset, std::string_view::npos, mention);
    const StepOutcome outcome = RunStep(name, reading);
    const std::string where = std::string(name) + ": " + c.before + "|" + c.at;
    EXPECT_STREQ(OutcomeName(outcome), OutcomeName(c.outcome)) << where;
    if (c.outcome == O::kNoMention) continue;
    EXPECT_EQ(text.normalized().substr(offset, reading.pos - offset), c.read)
        << where;
    EXPECT_EQ(mention.value.ToString(), c.value) << where;
    EXPECT_EQ(mention.upper ? mention.upper->ToString() : std::string("none"),
              c.upper)
        << where;
    EXPECT_EQ(mention.unit, c.unit) << where;
    EXPECT_EQ(mention.rule, c.rule) << where;
    EXPECT_EQ(mention.qualifier, c.qualifier) << where;
  }
}

TEST(MentionRulesTest, Order) {
  std::vector<std::string> names;
  for (const MentionStep& step : MentionSteps()) names.push_back(step.name);
  const std::vector<std::string> expected = {"inside_number",
                                             "percent_lead_in",
                                             "numeral",
                                             "scale_word",
                                             "scale_after_digits",
                                             "qualifier_after_number",
                                             "range",
                                             "unit",
                                             "unit_denominator",
                                             "unit_range",
                                             "qualifier_after_unit",
                                             "qualifier_before"};
  EXPECT_EQ(names, expected);
  names.clear();
  for (const MentionStep& step : UnitSteps()) names.push_back(step.name);
  const std::vector<std::string> alternatives = {
      "percent_words", "chinese_tenths", "unit_word", "ratio", "scaled_count"};
  EXPECT_EQ(names, alternatives);
}

TEST(MentionRulesTest, InsideNumber) {
  ExpectStep("inside_number",
             {
                 {"1.2.", "3件", O::kNoMention},
                 {"12", "3件", O::kNoMention},
                 {"第", "3件", O::kDeclined, "", "0", "none", "", "", Q::kNone},
                 {"", "3件", O::kDeclined, "", "0", "none", "", "", Q::kNone},
             });
}

TEST(MentionRulesTest, InsideNumberAfterAListNumber) {
  // "20.2026年": the mention 20 ended at the ".", so 2026 starts afresh.
  const Text text = testing::MakeText("20.2026年");
  Mention mention;
  MentionReading after_list_number(text, 3, 2, mention);
  EXPECT_EQ(StepNamed(MentionSteps(), "inside_number")->read(after_list_number),
            O::kDeclined);
  Mention inside;
  MentionReading inside_decimal(text, 3, std::string_view::npos, inside);
  EXPECT_EQ(StepNamed(MentionSteps(), "inside_number")->read(inside_decimal),
            O::kNoMention);
}

TEST(MentionRulesTest, PercentLeadIn) {
  ExpectStep("percent_lead_in",
             {
                 {"合格率", "百分之九十九点七", O::kApplied, "百分之", "0",
                  "none", "", "", Q::kNone},
                 {"", "百万", O::kDeclined, "", "0", "none", "", "", Q::kNone},
             });
}

TEST(MentionRulesTest, Numeral) {
  ExpectStep(
      "numeral",
      {
          {"受理", "43601件", O::kApplied, "43601", "43601", "none", "",
           "arabic", Q::kNone},
          {"企业", "1,186家", O::kApplied, "1,186", "1186", "none", "",
           "arabic_grouped", Q::kNone},
          {"收到申请", "1 234 件", O::kApplied, "1 234", "1234", "none", "",
           "arabic_spaced", Q::kNone},
          // No unit after: "1 234" may be two figures side by side.
          {"", "1 234", O::kApplied, "1", "1", "none", "", "arabic", Q::kNone},
          {"", "0 100 200", O::kApplied, "0", "0", "none", "", "arabic",
           Q::kNone},
          {"", "二十三篇次", O::kApplied, "二十三", "23", "none", "", "chinese",
           Q::kNone},
          {"", "二〇二三年", O::kApplied, "二〇二三", "2023", "none", "",
           "chinese_digits", Q::kNone},
          {"", "十四五", O::kApplied, "十四", "14", "none", "", "chinese",
           Q::kNone},
          {"", "九十九点七", O::kApplied, "九十九点七", "99.7", "none", "",
           "chinese", Q::kNone},
          {"重", "点", O::kDeclined, "", "0", "none", "", "", Q::kNone},
          // A list number before a year: 20, not 20.2026.
          {"", "20.2026年", O::kApplied, "20", "20", "none", "", "arabic",
           Q::kNone},
          {"", "20.2026件", O::kApplied, "20.2026", "20.2026", "none", "",
           "arabic", Q::kNone},
          {"合格率", "百分之九十九点七", O::kApplied, "百分之九十九点七",
           "99.7", "none", "", "chinese", Q::kNone},
          // 千 opens no numeral (千家万户): the bare scale word's step reads
          // it.
          {"超", "千亿元", O::kDeclined, "", "0", "none", "", "", Q::kNone},
      });
}

TEST(MentionRulesTest, BareScaleWord) {
  ExpectStep("scale_word",
             {
                 {"超", "千亿元", O::kApplied, "千亿", "100000000000", "none",
                  "", "scale_word", Q::kNone},
                 {"近", "百件", O::kApplied, "百", "100", "none", "",
                  "scale_word", Q::kNone},
                 // No qualifier before, no unit after.
                 {"", "千亿元", O::kNoMention},
                 {"近", "百姓", O::kNoMention},
                 // 百分之 with no number after it.
                 {"", "百分之百", O::kNoMention},
                 {"", "43件", O::kDeclined, "43", "43", "none", "", "arabic",
                  Q::kNone},
             });
}

TEST(MentionRulesTest, ScaleAfterDigits) {
  ExpectStep(
      "scale_after_digits",
      {
          {"宣讲", "1.2万余次", O::kApplied, "1.2万", "12000", "none", "",
           "arabic_scaled", Q::kNone},
          {"消费者", "750余万人次", O::kApplied, "750余万", "7500000", "none",
           "", "arabic_scaled", Q::kMoreThan},
          {"总值", "5.2万亿元", O::kApplied, "5.2万亿", "5200000000000", "none",
           "", "arabic_scaled", Q::kNone},
          {"", "2 万人", O::kApplied, "2 万", "20000", "none", "",
           "arabic_scaled", Q::kNone},
          // 千 and 百 after digits open units: 3千米.
          {"", "3千米", O::kDeclined, "3", "3", "none", "", "arabic", Q::kNone},
          // Chinese numerals hold their scale themselves.
          {"", "二十万人", O::kDeclined, "二十万", "200000", "none", "",
           "chinese", Q::kNone},
      });
}

TEST(MentionRulesTest, QualifierAfterNumber) {
  ExpectStep(
      "qualifier_after_number",
      {
          {"法律咨询", "280余次", O::kApplied, "280余", "280", "none", "",
           "arabic", Q::kMoreThan},
          {"培训", "4万余人", O::kApplied, "4万余", "40000", "none", "",
           "arabic_scaled", Q::kMoreThan},
          // Only before a unit: 余额 is no qualifier and unit.
          {"", "5余额", O::kDeclined, "5", "5", "none", "", "arabic", Q::kNone},
      });
}

TEST(MentionRulesTest, Range) {
  ExpectStep("range", {
                          {"", "3至5个", O::kApplied, "3至5", "3", "5", "",
                           "range", Q::kNone},
                          {"", "3-5万人", O::kApplied, "3-5万", "30000",
                           "50000", "", "range", Q::kNone},
                          {"", "2021—2025年", O::kApplied, "2021—2025", "2021",
                           "2025", "", "range", Q::kNone},
                          {"", "10~15天", O::kApplied, "10~15", "10", "15", "",
                           "range", Q::kNone},
                          // Both ends in one script.
                          {"", "3至五个", O::kDeclined, "3", "3", "none", "",
                           "arabic", Q::kNone},
                          // After 百分之 a connector joins no range.
                          {"", "百分之五至十", O::kDeclined, "百分之五", "5",
                           "none", "", "chinese", Q::kNone},
                      });
}

TEST(MentionRulesTest, PercentWords) {
  ExpectStep("percent_words",
             {
                 {"", "百分之九十九点七", O::kApplied, "百分之九十九点七",
                  "99.7", "none", "%", "percent_words", Q::kNone},
                 {"", "99.7%", O::kDeclined, "99.7", "99.7", "none", "",
                  "arabic", Q::kNone},
             });
}

TEST(MentionRulesTest, ChineseTenths) {
  ExpectStep(
      "chinese_tenths",
      {
          {"", "九成以上", O::kApplied, "九成", "90", "none", "%",
           "chinese_tenths", Q::kNone},
          // One to nine tenths only, in Chinese numerals.
          {"", "十二成", O::kDeclined, "十二", "12", "none", "", "chinese",
           Q::kNone},
          {"", "9成", O::kDeclined, "9", "9", "none", "", "arabic", Q::kNone},
      });
}

TEST(MentionRulesTest, UnitWord) {
  ExpectStep("unit_word", {
                              {"受理", "43601件", O::kApplied, "43601件",
                               "43601", "none", "件", "arabic", Q::kNone},
                              {"", "2428 条", O::kApplied, "2428 条", "2428",
                               "none", "条", "arabic", Q::kNone},
                              {"增长", "0.4百分点", O::kApplied, "0.4百分点",
                               "0.4", "none", "个百分点", "arabic", Q::kNone},
                              // 台 before 胞 is the first half of 台胞.
                              {"", "12345台胞", O::kDeclined, "12345", "12345",
                               "none", "", "arabic", Q::kNone},
                              // Two spaces part table columns.
                              {"", "2428  条", O::kDeclined, "2428", "2428",
                               "none", "", "arabic", Q::kNone},
                          });
}

TEST(MentionRulesTest, Ratio) {
  ExpectStep("ratio", {
                          {"城乡收入比", "2.50:1", O::kApplied, "2.50:1", "2.5",
                           "none", "", "ratio", Q::kNone},
                          {"之比提高到", "2.81∶1", O::kApplied, "2.81∶1",
                           "2.81", "none", "", "ratio", Q::kNone},
                          {"", "2.50:12", O::kDeclined, "2.50", "2.5", "none",
                           "", "arabic", Q::kNone},
                      });
}

TEST(MentionRulesTest, ScaledCount) {
  ExpectStep("scaled_count",
             {
                 {"新增", "40.8万青年", O::kApplied, "40.8万", "408000", "none",
                  "", "arabic_scaled", Q::kNone},
                 {"新增", "40.8青年", O::kDeclined, "40.8", "40.8", "none", "",
                  "arabic", Q::kNone},
             });
}

TEST(MentionRulesTest, UnitDenominator) {
  ExpectStep(
      "unit_denominator",
      {
          {"", "5000元/人", O::kApplied, "5000元/人", "5000", "none", "元/人",
           "arabic", Q::kNone},
          {"", "3人/百亿元", O::kApplied, "3人/百亿元", "3", "none",
           "人/百亿元", "arabic", Q::kNone},
          {"", "5000元/", O::kDeclined, "5000元", "5000", "none", "元",
           "arabic", Q::kNone},
          // No unit before the slash.
          {"", "5/6", O::kDeclined, "5", "5", "none", "", "arabic", Q::kNone},
      });
}

TEST(MentionRulesTest, UnitRange) {
  ExpectStep("unit_range", {
                               {"", "5%-5.5%", O::kApplied, "5%-5.5%", "5",
                                "5.5", "%", "range", Q::kNone},
                               {"", "3天至5天", O::kApplied, "3天至5天", "3",
                                "5", "天", "range", Q::kNone},
                               {"", "5%-5.5", O::kDeclined, "5%", "5", "none",
                                "%", "arabic", Q::kNone},
                               // Already a range before the unit.
                               {"", "3至5天", O::kDeclined, "3至5天", "3", "5",
                                "天", "range", Q::kNone},
                           });
}

TEST(MentionRulesTest, QualifierAfterUnit) {
  ExpectStep(
      "qualifier_after_unit",
      {
          {"", "90%以上", O::kApplied, "90%以上", "90", "none", "%", "arabic",
           Q::kMoreThan},
          {"", "3年左右", O::kApplied, "3年左右", "3", "none", "年", "arabic",
           Q::kApprox},
          // A number with no unit takes none.
          {"", "5以上", O::kDeclined, "5", "5", "none", "", "arabic", Q::kNone},
      });
}

TEST(MentionRulesTest, QualifierBefore) {
  ExpectStep("qualifier_before",
             {
                 {"信息约", "71013条", O::kApplied, "71013条", "71013", "none",
                  "条", "arabic", Q::kApprox},
                 {"约 ", "71013 条", O::kApplied, "71013 条", "71013", "none",
                  "条", "arabic", Q::kApprox},
                 // Two spaces part table columns.
                 {"约  ", "71013条", O::kDeclined, "71013条", "71013", "none",
                  "条", "arabic", Q::kNone},
                 // 余 came first: the mention keeps more_than.
                 {"约", "750余万人次", O::kApplied, "750余万人次", "7500000",
                  "none", "人次", "arabic_scaled", Q::kMoreThan},
             });
  // qualifier_begin takes in the word (and the one space after it).
  const Text text = testing::MakeText("信息约 71013 条");
  Mention mention;
  MentionReading reading(text, std::string_view("信息约 ").size(),
                         std::string_view::npos, mention);
  ASSERT_TRUE(ReadMentionAt(reading));
  EXPECT_EQ(text.normalized().substr(mention.qualifier_begin,
                                     mention.end - mention.qualifier_begin),
            "约 71013 条");
}

// number_words.tsv's list roles, as the list step of FindMentions asks them.
TEST(MentionRulesTest, ListJoins) {
  const struct {
    const char* gap;
    ListJoin join;
  } cases[] = {
      {"、", ListJoin::kUnitAndScale}, {",", ListJoin::kUnit},
      {"和", ListJoin::kUnit},         {"及", ListJoin::kUnit},
      {"与", ListJoin::kNone},         {"、、", ListJoin::kNone},
      {"", ListJoin::kNone},
  };
  for (const auto& c : cases)
    EXPECT_EQ(ListJoinOf(c.gap), c.join) << "[" << c.gap << "]";
}

// The characters a mention may start at: numeral openers, the scale words'
// first characters and 百分之's.
TEST(MentionRulesTest, Openers) {
  const OpenerBlocks& openers = MentionOpeners();
  for (const char32_t opener :
       {U'一', U'十', U'两', U'〇', U'百', U'千', U'万', U'亿', U'廿'})
    EXPECT_TRUE(OpensMention(openers, opener)) << static_cast<int>(opener);
  for (const char32_t other : {U'的', U'点', U'零', U'年', U'a', U'1'})
    EXPECT_FALSE(OpensMention(openers, other)) << static_cast<int>(other);
}

}  // namespace
}  // namespace lawreport::numbers_internal
