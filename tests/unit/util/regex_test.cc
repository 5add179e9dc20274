// RegexSet: one scan says which patterns occur, exactly as each pattern's own
// Regex::PartialMatch would; bad patterns are reported, not added.
#include "util/regex.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lawreport {
namespace {

// Patterns in the style of data/canonical/indicators.tsv: unanchored
// alternations, ^ and $ anchors, exclusions.
const std::vector<std::string> kPatterns = {
    "(收到|新收|接收|办理|受理)?行政复议(申请|案件)",  // 0
    "^(依法|予以)?受理(行政复议申请)?$",               // 1
    "^(不予|不)受理",                                  // 2
    "审结|办结",                                       // 3
    "败诉$",                                           // 4
    "报备.*规范性文件|规范性文件.*报备",               // 5
    "调结率|调解成功率",                               // 6
};

struct SetCase {
  std::string text;
  std::vector<int> found;
};

TEST(RegexSetTest, FindsWhatEachPatternWouldFind) {
  const SetCase cases[] = {
      {"收到行政复议申请", {0}},
      {"受理", {1}},
      {"依法受理行政复议申请", {0, 1}},
      {"受理行政复议申请书", {0}},  // ^…$ of 1 wants the whole label
      {"不予受理", {2}},
      {"其中不予受理", {}},  // 2 is anchored at the start
      {"审结行政复议案件", {0, 3}},
      {"败诉", {4}},
      {"败诉率", {}},  // 4 is anchored at the end
      {"报备规范性文件", {5}},
      {"规范性文件报备", {5}},
      {"矛盾纠纷调结率", {6}},
      {"", {}},
      {"法律顾问", {}},
  };
  RegexSet set;
  for (const std::string& pattern : kPatterns) {
    EXPECT_EQ(set.Add(pattern), std::nullopt) << pattern;
  }
  ASSERT_TRUE(set.Compile());
  std::vector<int> found = {42};  // Match replaces what was there
  for (const SetCase& c : cases) {
    ASSERT_TRUE(set.Match(c.text, found)) << c.text;
    EXPECT_EQ(found, c.found) << c.text;
    // The set's promise: the same answer as each pattern on its own.
    std::vector<int> one_by_one;
    for (std::size_t i = 0; i < kPatterns.size(); ++i) {
      if (Regex(kPatterns[i]).PartialMatch(c.text))
        one_by_one.push_back(static_cast<int>(i));
    }
    EXPECT_EQ(found, one_by_one) << c.text;
  }
}

TEST(RegexSetTest, BadPatternIsReportedAndNotAdded) {
  RegexSet set;
  EXPECT_EQ(set.Add("行政复议"), std::nullopt);
  const std::optional<std::string> error = set.Add("(审结");
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("missing )"), std::string::npos) << *error;
  EXPECT_EQ(set.Add("审结"), std::nullopt);  // takes index 1, not 2
  ASSERT_TRUE(set.Compile());
  std::vector<int> found;
  ASSERT_TRUE(set.Match("行政复议审结", found));
  EXPECT_EQ(found, (std::vector<int>{0, 1}));
}

TEST(RegexSetTest, UncompiledSetCannotAnswer) {
  RegexSet set;
  ASSERT_EQ(set.Add("行政复议"), std::nullopt);
  std::vector<int> found = {0};
  EXPECT_FALSE(set.Match("行政复议", found));
  EXPECT_TRUE(found.empty());
}

}  // namespace
}  // namespace lawreport
