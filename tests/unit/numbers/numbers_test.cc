// The numbers stage, one row per rule: the mention found in a phrase.
#include "lawreport/numbers.h"

#include <gtest/gtest.h>

#include "decode/text_tables.h"
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
      // PDF-derived text: one space (ASCII, U+3000 or NBSP in the source)
      // between digits and what follows them, or between digit groups.
      {"政府信息 2428 条", "2428", nullptr, "条", K::kCount, Q::kNone, "arabic",
       "2428 条"},
      {"增长3.8 %", "3.8", nullptr, "%", K::kPercent, Q::kNone, "arabic",
       "3.8 %"},
      {"处理费 0 元", "0", nullptr, "元", K::kAmount, Q::kNone, "arabic",
       "0 元"},
      {"申请\u3000749\u3000件", "749", nullptr, "件", K::kCount, Q::kNone,
       "arabic", "749\u3000件"},
      {"申请\u00a0749\u00a0件", "749", nullptr, "件", K::kCount, Q::kNone,
       "arabic", "749\u00a0件"},
      {"收到申请 1 234 件", "1234", nullptr, "件", K::kCount, Q::kNone,
       "arabic_spaced", "1 234 件"},
      {"共 12 345 678 人次", "12345678", nullptr, "人次", K::kCount, Q::kNone,
       "arabic_spaced", "12 345 678 人次"},
      {"收入 1 234.5 万元", "12345000", nullptr, "元", K::kAmount, Q::kNone,
       "arabic_scaled", "1 234.5 万元"},
      {"培训 280 余人次", "280", nullptr, "人次", K::kCount, Q::kMoreThan,
       "arabic", "280 余人次"},
      {"信息约 71013 条", "71013", nullptr, "条", K::kCount, Q::kApprox,
       "arabic", "71013 条"},
      // 百 and 千 alone after a qualifier.
      {"民事案件近百件", "100", nullptr, "件", K::kCount, Q::kApprox,
       "scale_word", "百件"},
      {"参训超千人", "1000", nullptr, "人", K::kCount, Q::kMoreThan,
       "scale_word", "千人"},
      // ... but not after digits, where they open units.
      {"道路3千米", "3", nullptr, "千米", K::kMeasure, Q::kNone, "arabic",
       "3千米"},
      {"话务量59.85万通", "598500", nullptr, "通", K::kCount, Q::kNone,
       "arabic_scaled", "59.85万通"},
      {"运力突破600万载重吨", "6000000", nullptr, "载重吨", K::kMeasure,
       Q::kMoreThan, "arabic_scaled", "600万载重吨"},
      {"改造渔排6.8万口", "68000", nullptr, "口", K::kCount, Q::kNone,
       "arabic_scaled", "6.8万口"},
      {"打井12口", "12", nullptr, "口", K::kCount, Q::kNone, "arabic", "12口"},
      {"发送3通短信", "3", nullptr, "通", K::kCount, Q::kNone, "arabic", "3通"},
      // Financial numerals in company.
      {"计陆佰元", "600", nullptr, "元", K::kAmount, Q::kNone, "chinese",
       "陆佰元"},
      {"计叁万伍仟元", "35000", nullptr, "元", K::kAmount, Q::kNone, "chinese",
       "叁万伍仟元"},
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

// Every mention of a phrase as "value unit", "value" when it has none.
std::vector<std::string> AllMentions(std::string_view phrase) {
  const Text text = testing::MakeText(phrase);
  std::vector<std::string> out;
  for (const Mention& m : FindMentions(text))
    out.push_back(m.value.ToString() + (m.unit.empty() ? "" : " " + m.unit));
  return out;
}

struct AllMentionsCase {
  const char* phrase;
  std::vector<std::string> expected;
};

// The list joiners of number_words.tsv: after any of them a scaled number
// takes the unit the list ends with; after 、 (list_scaled) a bare number
// takes the scale too, unless it is a list number at a sentence start.
TEST(NumbersTest, ListJoinersShareScaleAndUnit) {
  const AllMentionsCase cases[] = {
      {"培训1.2万和3.5万人", {"12000 人", "35000 人"}},
      {"培训1.2万,3.5万人", {"12000 人", "35000 人"}},
      {"培训1.2万及3.5万人", {"12000 人", "35000 人"}},
      {"培训1.2万与3.5万人", {"12000", "35000 人"}},
      {"（4.81、3.27万人次）", {"48100 人次", "32700 人次"}},
      {"（4.81和3.27万人次）", {"4.81", "32700 人次"}},
      {"1、2万人", {"1", "20000 人"}},
  };
  for (const AllMentionsCase& c : cases) {
    EXPECT_EQ(AllMentions(c.phrase), c.expected) << c.phrase;
  }
}

// Spaces join a number to its unit, and digit groups to one number, only
// where nothing else can be meant: table rows never merge.
TEST(NumbersTest, SpacesJoinOnlyWhatCannotBeApart) {
  const AllMentionsCase cases[] = {
      {"规章               0          0       0", {"0", "0", "0"}},
      {"0 100 200 件", {"0", "100", "200 件"}},
      {"行政规范性文件 100 200 300", {"100", "200", "300"}},
      {"1 234 5", {"1", "234", "5"}},
      {"1 234", {"1", "234"}},
      {"1 234 567", {"1", "234", "567"}},
      {"12 3456 件", {"12", "3456 件"}},
      {"0 123 件", {"0", "123 件"}},
      {"1  234 件", {"1", "234 件"}},
      {"1234 567 件", {"1234", "567 件"}},
      {"1 23 件", {"1", "23 件"}},
      {"1,234 567 件", {"1234", "567 件"}},
      // Two spaces part table columns: no unit.
      {"申请 17  件", {"17"}},
      {"2024 年 1 月 1 日", {"2024 年", "1", "1"}},
      {"国令第 711 号，邮编：223100", {"711", "223100"}},
  };
  for (const AllMentionsCase& c : cases) {
    EXPECT_EQ(AllMentions(c.phrase), c.expected) << c.phrase;
  }
}

// Text wrapped at a margin (pdftotext -layout) may break between a number
// and its unit: the unit opening the next line is the number's, after a
// line of prose long enough to have reached the margin.
TEST(NumbersTest, AUnitOpeningTheNextWrappedLine) {
  const AllMentionsCase cases[] = {
      {"我区在政府网站平台主动发布各类政府信息 2428 条，公开政府常务会议 7\n"
       "期，解读信息发布 7 条。",
       {"2428 条", "7 期", "7 条"}},
      {"府网站平台主动发布各类政府信息，公开政府常务会议7\n   期。", {"7 期"}},
      // A short line is a line of its own, not a wrapped one.
      {"会议 7\n期", {"7"}},
      // The next line opens with no unit.
      {"我区在政府网站平台主动发布各类政府信息，公开政府常务会议 "
       "7\n一、总体情况",
       {"7", "1"}},
      // Chinese numerals are not read across a line.
      {"我区在政府网站平台主动发布各类政府信息，公开政府常务会议七\n期", {"7"}},
  };
  for (const AllMentionsCase& c : cases) {
    EXPECT_EQ(AllMentions(c.phrase), c.expected) << c.phrase;
  }
  // A line of a table ends a cell: its number never takes the next line's
  // word ("行政许可  9487" / "件数" would not be a table row's figure).
  Text text = testing::MakeText(
      "信息内容\t本年处理决定数量本年处理决定数量\n"
      "行政许可行政许可行政许可行政许可\t9487\n"
      "件数\n");
  decode_internal::FindTextTables(text);
  ASSERT_EQ(text.tables().size(), 1u);
  const std::vector<Mention> mentions = FindMentions(text);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].unit, "");
}

// Words written with numeral characters that are no numbers, and units that
// open a word.
TEST(NumbersTest, WordsThatLookLikeNumbersOrUnits) {
  const AllMentionsCase cases[] = {
      {"精准定位在陆台生", {}},
      {"大陆台胞", {}},
      {"建设高素质队伍3支", {"3 支"}},
      {"收拾干净", {}},
      {"壹陆", {"16"}},
      {"12345台胞台企服务专区", {"12345"}},
      {"下发3通知", {"3"}},
      {"开放5口岸", {"5"}},
      {"3台设备", {"3 台"}},
  };
  for (const AllMentionsCase& c : cases) {
    EXPECT_EQ(AllMentions(c.phrase), c.expected) << c.phrase;
  }
}

// A bare number in a list takes the scale and unit of the number after it.
TEST(NumbersTest, ListTakesTheScaleItEndsWith) {
  const AllMentionsCase cases[] = {
      {"较2019年（4.81、3.27万人次）", {"2019 年", "48100 人次", "32700 人次"}},
      {"分别为1.2、3.4、5.6万元", {"12000 元", "34000 元", "56000 元"}},
      {"分别为12、15万元", {"120000 元", "150000 元"}},
      // A list number at a sentence start stays one.
      {"1、2万人参加", {"1", "20000 人"}},
      {"完成。3、4万人参加", {"3", "40000 人"}},
      // Only 、 lists numbers this way.
      {"12，15万元", {"12", "150000 元"}},
  };
  for (const AllMentionsCase& c : cases) {
    EXPECT_EQ(AllMentions(c.phrase), c.expected) << c.phrase;
  }
  const Text text = testing::MakeText("（4.81、3.27万人次）");
  const std::vector<Mention> mentions = FindMentions(text);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0].rule, "list_scaled");
  EXPECT_EQ(mentions[0].raw, "4.81");
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
