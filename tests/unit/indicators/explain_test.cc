// Explain: for every number on a line, the rule that took or rejected it,
// and for a figure its label, the trimmers that ran and its time and id.
#include "lawreport/explain.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_support.h"

namespace lawreport {
namespace {

Explanation ExplainOf(std::string_view content, int line) {
  const Text text = testing::MakeText(content);
  Result<Explanation> explanation = ExplainLine(text, line);
  if (!explanation) {
    ADD_FAILURE() << explanation.error().message;
    return {};
  }
  return std::move(*explanation);
}

const ExplainedNumber* NumberWritten(const Explanation& e,
                                     std::string_view written) {
  for (const ExplainedNumber& number : e.numbers) {
    if (number.text == written) return &number;
  }
  ADD_FAILURE() << "no number " << written << " on line " << e.line;
  return nullptr;
}

TEST(ExplainTest, EachNumberTakenOrRejectedWithItsRule) {
  struct Case {
    const char* line;
    const char* number;
    const char* rejected_by;  // nullptr: taken
    const char* label;        // of the first figure, when taken
    const char* label_rule;
  };
  const Case cases[] = {
      {"2023年融安县共受理行政复议案件43件。", "43件", nullptr,
       "受理行政复议案件", "trim_leading_time+trim_place_adverb"},
      {"2023年融安县共受理行政复议案件43件。", "2023年", "year", "", ""},
      {"召开第12次常务会议。", "12次", "ordinal", "", ""},
      {"印发《关于开展5项行动的通知》。", "5项", "enclosed", "", ""},
      {"2023年5月召开会议。", "5", "no_unit", "", ""},
      {"地区生产总值同比增长5.4%。", "5.4%", nullptr, "地区生产总值",
       "drop_change_verb"},
  };
  for (const Case& c : cases) {
    const Explanation e = ExplainOf(c.line, 1);
    EXPECT_EQ(e.text, c.line);
    const ExplainedNumber* number = NumberWritten(e, c.number);
    if (number == nullptr) continue;
    if (c.rejected_by) {
      ASSERT_TRUE(number->rejected_by.has_value()) << c.line;
      EXPECT_EQ(*number->rejected_by, c.rejected_by) << c.line;
      EXPECT_FALSE(number->why.empty()) << c.line;
      EXPECT_TRUE(number->figures.empty()) << c.line;
      continue;
    }
    EXPECT_FALSE(number->rejected_by.has_value()) << c.line;
    ASSERT_EQ(number->figures.size(), 1u) << c.line;
    const ExplainedFigure& figure = number->figures[0];
    EXPECT_EQ(figure.indicator.label, c.label) << c.line;
    EXPECT_EQ(figure.indicator.label_rule, c.label_rule) << c.line;
    EXPECT_EQ(figure.label_from, "before_number") << c.line;
  }
}

TEST(ExplainTest, LabelStepsShowBeforeAndAfter) {
  const Explanation e = ExplainOf(
      "一、总体情况\n2023年融安县共受理行政复议案件43件，同比增长7.5%。\n", 2);
  const ExplainedNumber* count = NumberWritten(e, "43件");
  ASSERT_NE(count, nullptr);
  ASSERT_EQ(count->figures.size(), 1u);
  const ExplainedFigure& figure = count->figures[0];
  ASSERT_EQ(figure.steps.size(), 2u);
  EXPECT_EQ(figure.steps[0].rule, "trim_leading_time");
  EXPECT_EQ(figure.steps[0].before, "2023年融安县共受理行政复议案件");
  EXPECT_EQ(figure.steps[0].after, "融安县共受理行政复议案件");
  EXPECT_EQ(figure.steps[1].rule, "trim_place_adverb");
  EXPECT_EQ(figure.steps[1].after, "受理行政复议案件");
  EXPECT_EQ(figure.indicator.kind, UnitKind::kCount);
  EXPECT_EQ(figure.indicator.period.to, 2023);
  // The change takes the subject of the figure before it.
  const ExplainedNumber* change = NumberWritten(e, "7.5%");
  ASSERT_NE(change, nullptr);
  ASSERT_EQ(change->figures.size(), 1u);
  EXPECT_EQ(change->figures[0].indicator.label, "受理行政复议案件");
  EXPECT_EQ(change->figures[0].label_from, "previous_figure");
  EXPECT_EQ(change->figures[0].indicator.label_rule, "");
  EXPECT_EQ(change->figures[0].indicator.direction, Direction::kUp);
}

TEST(ExplainTest, LineOutOfRangeIsAnError) {
  const Text text = testing::MakeText("受理案件43件。\n");
  EXPECT_FALSE(ExplainLine(text, 0));
  EXPECT_FALSE(ExplainLine(text, 5));
  const Result<Explanation> bytes = Explain("受理案件43件。\n", 1);
  ASSERT_TRUE(bytes);
  EXPECT_EQ(bytes->numbers.size(), 1u);
}

TEST(ExplainTest, JsonCarriesTheIndicatorAndTheSteps) {
  const Explanation e = ExplainOf("2023年融安县共受理行政复议案件43件。", 1);
  const nlohmann::json json = nlohmann::json::parse(ExplanationJson(e));
  EXPECT_EQ(json["line"], 1);
  ASSERT_EQ(json["numbers"].size(), 2u);
  EXPECT_EQ(json["numbers"][0]["rejected_by"], "year");
  EXPECT_EQ(json["numbers"][0]["taken"], false);
  const nlohmann::json& figure = json["numbers"][1]["figures"][0];
  EXPECT_EQ(figure["indicator"]["label"], "受理行政复议案件");
  EXPECT_EQ(figure["indicator"]["label_rule"],
            "trim_leading_time+trim_place_adverb");
  EXPECT_EQ(figure["label_steps"][0]["rule"], "trim_leading_time");
  const std::string text = ExplanationText(e);
  EXPECT_NE(text.find("rejected by year"), std::string::npos) << text;
  EXPECT_NE(text.find("trim_place_adverb"), std::string::npos) << text;
}

}  // namespace
}  // namespace lawreport
