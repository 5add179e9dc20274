// The outline's rules as data/lexicon/outline_rules.tsv gives them: each
// role asked about a table of cases, then the loader's refusals.
#include "outline/outline_rules.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "util/utf8.h"

namespace lawreport::outline_internal {
namespace {

char32_t FirstChar(std::string_view text) {
  return utf8::Decode(text, 0).value;
}

TEST(OutlineRulesTest, YearPattern) {
  const struct {
    const char* text;
    std::optional<std::string> year;  // group 1, or no match at the start
  } cases[] = {
      {"2023年法治政府建设", "2023"},
      {"2025 年", "2025"},  // converted documents space numbers out
      {"二〇二三年", "二〇二三"},
      {"2023", std::nullopt},
      {"202年", std::nullopt},
      {"第2023年", std::nullopt},
  };
  const OutlineRules& rules = EmbeddedOutlineRules();
  for (const auto& c : cases) {
    const auto match = rules.year->MatchPrefix(c.text);
    ASSERT_EQ(match.has_value(), c.year.has_value()) << c.text;
    if (match) {
      EXPECT_EQ(match->group, *c.year) << c.text;
    }
  }
}

TEST(OutlineRulesTest, YearCharacters) {
  const struct {
    const char* character;
    bool may_open_year, range_dash, ends_range_from;
  } cases[] = {
      {"2", true, false, true},    {"〇", true, false, false},
      {"二", true, false, false},  {"三", false, false, false},
      {"—", false, true, false},   {"-", false, true, false},
      {"~", false, true, false},   {"至", false, true, false},
      {"–", false, true, false},   {"年", false, false, true},
      {"月", false, false, false},
  };
  const OutlineRules& rules = EmbeddedOutlineRules();
  for (const auto& c : cases) {
    const char32_t cp = FirstChar(c.character);
    EXPECT_EQ(rules.YearMayOpen(cp), c.may_open_year) << c.character;
    EXPECT_EQ(rules.IsRangeDash(cp), c.range_dash) << c.character;
    EXPECT_EQ(rules.EndsRangeFrom(cp), c.ends_range_from) << c.character;
  }
}

TEST(OutlineRulesTest, IssuerAndTitleWords) {
  const OutlineRules& rules = EmbeddedOutlineRules();
  EXPECT_EQ(rules.body + rules.body_kind, "人民政府工作报告");
  EXPECT_TRUE(rules.leading_year->MatchPrefix("2023年度法治"));
  EXPECT_EQ(rules.leading_year->MatchPrefix("2023年度法治")->length,
            std::string_view("2023年度").size());
  const struct {
    const char* line;
    std::optional<std::string> issuer;
  } speakers[] = {
      {"广东省省长 孟凡利", "广东省"},
      {"北京市市长 殷勇", "北京市"},
      {"各位代表：", std::nullopt},
  };
  for (const auto& c : speakers) {
    const auto match = rules.speaker->MatchPrefix(c.line);
    ASSERT_EQ(match.has_value(), c.issuer.has_value()) << c.line;
    if (match) {
      EXPECT_EQ(match->group, *c.issuer) << c.line;
    }
  }
  const struct {
    const char* line;
    bool names_report, names_month;
  } lines[] = {
      {"关于2022年度法治政府建设情况的报告", true, false},
      {"2026年1月27日", false, true},
      {"“十四五”时期工作回顾", false, false},
  };
  for (const auto& c : lines) {
    EXPECT_EQ(rules.NamesReport(c.line), c.names_report) << c.line;
    EXPECT_EQ(rules.NamesMonth(c.line), c.names_month) << c.line;
  }
}

constexpr std::string_view kComplete =
    "rule\trole\tvalue\n"
    "year\tpattern\t([0-9]{4}) *年\n"
    "title_issuer\tleading_year\t[0-9]{4}年\n"
    "title_issuer\tbody\t人民政府\n"
    "title_issuer\tbody_kind\t工作报告\n"
    "speaker_issuer\tpattern\t(.+?)省长\n";

TEST(OutlineRulesTest, ReadsACompleteTable) {
  const lexicon::Tsv table("outline_rules.tsv", kComplete);
  const OutlineRules rules = ReadOutlineRules(table);
  EXPECT_TRUE(rules.year->MatchPrefix("2023年"));
  EXPECT_TRUE(rules.issuer_stops.empty());
  EXPECT_FALSE(rules.NamesMonth("1月"));  // no month words given
}

TEST(OutlineRulesDeathTest, RefusesWhatTheRulesCannotUse) {
  const struct {
    const char* extra_rows;
    const char* problem;
  } cases[] = {
      {"year\tpattern\t([0-9]{4}) *年\n", "year pattern given twice"},
      {"title_issuer\tbody\t政府\n", "title_issuer body given twice"},
      {"year\tstop\t关于\n", "rule year has no role stop"},
      {"report_title\tpattern\t(报告\n", "rule report_title has no role"},
  };
  for (const auto& c : cases) {
    const std::string content = std::string(kComplete) + c.extra_rows;
    const lexicon::Tsv table("outline_rules.tsv", content);
    EXPECT_DEATH(static_cast<void>(ReadOutlineRules(table)), c.problem)
        << c.extra_rows;
  }
  const lexicon::Tsv missing(
      "outline_rules.tsv", "rule\trole\tvalue\nyear\tpattern\t([0-9]{4})年\n");
  EXPECT_DEATH(static_cast<void>(ReadOutlineRules(missing)),
               "want the year, leading_year and speaker patterns");
  const lexicon::Tsv broken(
      "outline_rules.tsv",
      std::string("rule\trole\tvalue\n") + "speaker_issuer\tpattern\t(省长\n");
  EXPECT_DEATH(static_cast<void>(ReadOutlineRules(broken)), "line 2");
}

}  // namespace
}  // namespace lawreport::outline_internal
