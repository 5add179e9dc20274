// The numbers stage, one row per rule: the mention found in a phrase.
#include "lawreport/numbers.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace lawreport {
namespace {

struct MentionCase {
  const char* phrase;
  const char* value;
  const char* upper;  // nullptr: no range
  const char* unit;
  UnitKind kind;
  Qualifier qualifier;
  const char* rule;
  const char* raw;  // source text of [begin, end)
};

// The first mention in `phrase` that has a unit, or the first at all.
Mention FirstMention(const Text& text) {
  const std::vector<Mention> mentions = FindMentions(text);
  for (const Mention& m : mentions) {
    if (m.kind != UnitKind::kNone) return m;
  }
  return mentions.empty() ? Mention{} : mentions.front();
}

TEST(NumbersTest, Forms) {
  using K = UnitKind;
  using Q = Qualifier;
  const MentionCase cases[] = {
      {"受理43601件", "43601", nullptr, "件", K::kCount, Q::kNone, "arabic",
       "43601件"},
      {"受理４３６０１件", "43601", nullptr, "件", K::kCount, Q::kNone,
       "arabic", "４３６０１件"},
      {"企业1,186家", "1186", nullptr, "家", K::kCount, Q::kNone,
       "arabic_grouped", "1,186家"},
      {"企业1，186家", "1186", nullptr, "家", K::kCount, Q::kNone,
       "arabic_grouped", "1，186家"},
      {"办结率99.74%", "99.74", nullptr, "%", K::kPercent, Q::kNone, "arabic",
       "99.74%"},
      {"办结率99．74％", "99.74", nullptr, "%", K::kPercent, Q::kNone, "arabic",
       "99．74％"},
      {"宣讲1.2万余次", "12000", nullptr, "次", K::kCount, Q::kMoreThan,
       "arabic_scaled", "1.2万余次"},
      {"培训4万余人", "40000", nullptr, "人", K::kCount, Q::kMoreThan,
       "arabic_scaled", "4万余人"},
      {"消费者750余万人次", "7500000", nullptr, "人次", K::kCount, Q::kMoreThan,
       "arabic_scaled", "750余万人次"},
      {"收入845亿元", "84500000000", nullptr, "元", K::kAmount, Q::kNone,
       "arabic_scaled", "845亿元"},
      {"总值5.2万亿元", "5200000000000", nullptr, "元", K::kAmount, Q::kNone,
       "arabic_scaled", "5.2万亿元"},
      {"二十三篇次", "23", nullptr, "篇次", K::kCount, Q::kNone, "chinese",
       "二十三篇次"},
      {"一百零五件", "105", nullptr, "件", K::kCount, Q::kNone, "chinese",
       "一百零五件"},
      {"两万人", "20000", nullptr, "人", K::kCount, Q::kNone, "chinese",
       "两万人"},
      {"合格率百分之九十九点七", "99.7", nullptr, "%", K::kPercent, Q::kNone,
       "percent_words", "百分之九十九点七"},
      {"九成以上", "90", nullptr, "%", K::kPercent, Q::kMoreThan,
       "chinese_tenths", "九成以上"},
      {"增长0.4个百分点", "0.4", nullptr, "个百分点", K::kChange, Q::kNone,
       "arabic", "0.4个百分点"},
      {"增长1倍", "1", nullptr, "倍", K::kChange, Q::kNone, "arabic", "1倍"},
      {"千分率3‰", "3", nullptr, "‰", K::kPercent, Q::kNone, "arabic", "3‰"},
      {"法律咨询280余次", "280", nullptr, "次", K::kCount, Q::kMoreThan,
       "arabic", "280余次"},
      {"信息约71013条", "71013", nullptr, "条", K::kCount, Q::kApprox, "arabic",
       "71013条"},
      {"超过250家次", "250", nullptr, "家次", K::kCount, Q::kMoreThan, "arabic",
       "250家次"},
      {"不足10人", "10", nullptr, "人", K::kCount, Q::kLessThan, "arabic",
       "10人"},
      {"3年左右", "3", nullptr, "年", K::kDuration, Q::kApprox, "arabic",
       "3年左右"},
      {"控制在5%以内", "5", nullptr, "%", K::kPercent, Q::kLessThan, "arabic",
       "5%以内"},
      {"3至5个", "3", "5", "个", K::kCount, Q::kNone, "range", "3至5个"},
      {"3-5个", "3", "5", "个", K::kCount, Q::kNone, "range", "3-5个"},
      {"10~15天", "10", "15", "天", K::kDuration, Q::kNone, "range", "10~15天"},
      {"增长5%-5.5%", "5", "5.5", "%", K::kPercent, Q::kNone, "range",
       "5%-5.5%"},
      {"劳动生产率58万元/人", "580000", nullptr, "元/人", K::kAmount, Q::kNone,
       "arabic_scaled", "58万元/人"},
      {"死亡率0.6人/百亿元以下", "0.6", nullptr, "人/百亿元", K::kCount,
       Q::kLessThan, "arabic", "0.6人/百亿元以下"},
      {"浓度27微克/立方米", "27", nullptr, "微克/立方米", K::kMeasure, Q::kNone,
       "arabic", "27微克/立方米"},
      {"城乡收入比2.50:1", "2.5", nullptr, "", K::kMeasure, Q::kNone, "ratio",
       "2.50:1"},
      {"之比提高到2.81∶1", "2.81", nullptr, "", K::kMeasure, Q::kNone, "ratio",
       "2.81∶1"},
      {"带动社会投资超千亿元", "100000000000", nullptr, "元", K::kAmount,
       Q::kMoreThan, "scale_word", "千亿元"},
      {"新增40.8万青年", "408000", nullptr, "", K::kCount, Q::kNone,
       "arabic_scaled", "40.8万"},
      {"现场申请0件", "0", nullptr, "件", K::kCount, Q::kNone, "arabic", "0件"},
  };
  for (const MentionCase& c : cases) {
    SCOPED_TRACE(c.phrase);
    const Text text = testing::MakeText(c.phrase);
    const Mention m = FirstMention(text);
    EXPECT_EQ(m.value.ToString(), c.value);
    EXPECT_EQ(m.upper ? m.upper->ToString() : std::string("none"),
              c.upper ? c.upper : "none");
    EXPECT_EQ(m.unit, c.unit);
    EXPECT_EQ(m.kind, c.kind);
    EXPECT_EQ(m.qualifier, c.qualifier);
    EXPECT_EQ(m.rule, c.rule);
    EXPECT_EQ(m.raw, c.raw);
    EXPECT_EQ(text.SourceOf(m.begin, m.end), c.raw);
  }
}

TEST(NumbersTest, ListTakesTheUnitItEndsWith) {
  const Text text =
      testing::MakeText("产业规模分别达1.28万亿、1.18万亿、8200亿元。");
  const std::vector<Mention> mentions = FindMentions(text);
  ASSERT_EQ(mentions.size(), 3u);
  for (const Mention& m : mentions) EXPECT_EQ(m.unit, "元");
  EXPECT_EQ(mentions[0].value.ToString(), "1280000000000");
  EXPECT_EQ(mentions[2].value.ToString(), "820000000000");
}

TEST(NumbersTest, ListNumberBeforeAYearIsNotADecimal) {
  const Text text = testing::MakeText("20.2026年10件民生实事");
  const std::vector<Mention> mentions = FindMentions(text);
  ASSERT_GE(mentions.size(), 3u);
  EXPECT_EQ(mentions[0].value.ToString(), "20");
  EXPECT_EQ(mentions[1].value.ToString(), "2026");
  EXPECT_EQ(mentions[2].value.ToString(), "10");
}

// The scanner turns most three-byte characters away by their bytes (a table
// of 64-code-point blocks) and decodes the rest. Openers share blocks with
// common words (一 and 万 with 不 上 下 个), characters of two and four bytes
// stand next to numbers, and malformed bytes (an overlong form, a surrogate,
// a cut-off character) must hide no number after them.
TEST(NumbersTest, ScannerFindsNumbersBetweenAnyBytes) {
  Text text;
  text.AppendLine(
      "不上下三个，万人以上一次°5吨😀7人\xE0\x80\x80"
      "8家\xED\xA0\x80九项\xE4\xB8"
      "6次\xE4");
  const std::vector<Mention> mentions = FindMentions(text);
  std::vector<std::string> found;
  for (const Mention& m : mentions)
    found.push_back(m.value.ToString() + m.unit + "@" +
                    std::to_string(m.begin));
  const std::vector<std::string> expected = {
      "3个@9", "1次@28", "5吨@36", "7人@44", "8家@51", "9项@58", "6次@66"};
  EXPECT_EQ(found, expected);
}

}  // namespace
}  // namespace lawreport
