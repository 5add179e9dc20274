#include "lawreport/decimal.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lawreport {
namespace {

TEST(DecimalTest, ParseAndPrint) {
  struct Case {
    const char* text;
    const char* printed;
    int decimals;
  };
  const Case cases[] = {
      {"43601", "43601", 0}, {"99.74", "99.74", 2}, {"0.5", "0.5", 1},
      {"100.00", "100", 2},  {"0", "0", 0},         {"007", "7", 0},
  };
  for (const Case& c : cases) {
    const std::optional<Decimal> value = Decimal::Parse(c.text);
    ASSERT_TRUE(value) << c.text;
    EXPECT_EQ(value->ToString(), c.printed) << c.text;
    EXPECT_EQ(value->decimals(), c.decimals) << c.text;
  }
  for (const char* bad :
       {"", ".", "1.", ".5", "1.2.3", "1,186", "-1", "12345678901234567890"}) {
    EXPECT_FALSE(Decimal::Parse(bad)) << bad;
  }
}

TEST(DecimalTest, ScaleKeepsPrintedPrecision) {
  const Decimal value = Decimal::Parse("1.2")->Scaled(4);
  EXPECT_EQ(value.ToString(), "12000");
  EXPECT_TRUE(value.IsInteger());
  EXPECT_EQ(value.decimals(), 1);
  EXPECT_EQ(Decimal::Parse("845")->Scaled(8).ToString(), "84500000000");
  EXPECT_EQ(Decimal::Parse("5.2")->Scaled(12).ToString(), "5200000000000");
  EXPECT_EQ(Decimal::Parse("0.6")->Scaled(0).ToString(), "0.6");
}

TEST(DecimalTest, ExactComparison) {
  EXPECT_EQ(*Decimal::Parse("99.740"), *Decimal::Parse("99.74"));
  EXPECT_LT(*Decimal::Parse("99.73"), *Decimal::Parse("99.74"));
  EXPECT_EQ(Decimal::Parse("1.2")->Scaled(4), Decimal::FromInt(12000));
  EXPECT_LT(Decimal::FromInt(1), Decimal::Parse("1.00000000000000001").value());
  EXPECT_LT(Decimal::Parse("99999999999999999.9").value(),
            Decimal::Parse("1")->Scaled(17));
  EXPECT_DOUBLE_EQ(Decimal::Parse("99.74")->ToDouble(), 99.74);
}

TEST(DecimalTest, PlusAndMinusAreExactOrNothing) {
  struct Case {
    const char* a;
    int a_scale;
    const char* b;
    int b_scale;
    const char* sum;         // nullptr: overflow
    const char* difference;  // nullptr: overflow
  };
  const Case cases[] = {
      {"8673", 0, "62340", 0, "71013", "-53667"},
      {"0.1", 0, "0.2", 0, "0.3", "-0.1"},
      {"1.2", 4, "3105", 0, "15105", "8895"},  // 1.2万 + 3105
      {"99.74", 0, "0.26", 0, "100", "99.48"},
      {"999999999999999999", 0, "1", 0, nullptr, "999999999999999998"},
      {"999999999999999999", 0, "999999999999999999", 0, nullptr, "0"},
      {"5", 0, "5", 0, "10", "0"},
      // 19 powers of ten apart: nothing exact, never a wrong value.
      {"1", 19, "1", 0, nullptr, nullptr},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.a) + " ± " + c.b);
    const Decimal a = Decimal::Parse(c.a)->Scaled(c.a_scale);
    const Decimal b = Decimal::Parse(c.b)->Scaled(c.b_scale);
    const std::optional<Decimal> sum = a.Plus(b);
    const std::optional<Decimal> difference = a.Minus(b);
    ASSERT_EQ(sum.has_value(), c.sum != nullptr);
    ASSERT_EQ(difference.has_value(), c.difference != nullptr);
    if (sum) {
      EXPECT_EQ(sum->ToString(), c.sum);
    }
    if (difference) {
      EXPECT_EQ(difference->ToString(), c.difference);
    }
  }
}

// A stated percentage against its counts, exactly (the checker's rates).
TEST(DecimalTest, CheckPercentComparesAtThePrintedPrecision) {
  using Outcome = Decimal::PercentCheck::Outcome;
  struct Case {
    std::vector<const char*> parts;
    const char* whole;
    int whole_scale;  // the whole is whole × 10^whole_scale ("1.2万")
    const char* stated;
    Outcome outcome;
    bool within;
    int order;
    const char* computed;  // kCompared only
    std::size_t beyond;    // kBeyondExact only
  };
  constexpr Outcome kCompared = Outcome::kCompared;
  constexpr Outcome kBeyond = Outcome::kBeyondExact;
  const Case cases[] = {
      // 办结43486件 of 受理43601件, 办结率99.74%: 99.736…, rounds to 99.74.
      {{"43486"}, "43601", 0, "99.74", kCompared, true, -1, "99.736", 0},
      // Truncated rather than rounded (99.73): still within a unit.
      {{"43486"}, "43601", 0, "99.73", kCompared, true, 1, "99.736", 0},
      {{"43486"}, "43601", 0, "99.6", kCompared, false, 1, "99.73", 0},
      // Parts add: (23 + 12) / 70 = 50%.
      {{"23", "12"}, "70", 0, "50", kCompared, true, 0, "50.0", 0},
      {{"1"}, "3", 0, "33.33", kCompared, true, 1, "33.333", 0},
      {{"2"}, "3", 0, "66.67", kCompared, true, -1, "66.666", 0},
      {{"2"}, "3", 0, "60", kCompared, false, 1, "66.6", 0},
      // 1.2 of 2万.
      {{"1.2"}, "2", 4, "0.006", kCompared, true, 0, "0.0060", 0},
      // "0件…办结率100%": no ratio to compare.
      {{"0"}, "0", 0, "100", Outcome::kZeroWhole, false, 0, nullptr, 0},
      // Finer than 10^-6, or too many digits at that scale: which value.
      {{"1", "0.0000001"}, "3", 0, "50", kBeyond, false, 0, nullptr, 1},
      {{"0.0000001", "1"}, "3", 0, "50", kBeyond, false, 0, nullptr, 0},
      {{"1"}, "1", 23, "50", kBeyond, false, 0, nullptr, 1},
      {{"1"}, "3", 0, "0.0000001", kBeyond, false, 0, nullptr, 1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.whole) + " " + c.stated);
    std::vector<Decimal> parts;
    for (const char* part : c.parts) parts.push_back(*Decimal::Parse(part));
    const Decimal::PercentCheck check = Decimal::CheckPercent(
        parts, Decimal::Parse(c.whole)->Scaled(c.whole_scale),
        *Decimal::Parse(c.stated));
    ASSERT_EQ(check.outcome, c.outcome);
    if (c.outcome == Outcome::kBeyondExact) {
      EXPECT_EQ(check.beyond, c.beyond);
    }
    if (c.outcome != Outcome::kCompared) continue;
    EXPECT_EQ(check.within_last_digit, c.within);
    EXPECT_EQ(check.order, c.order);
    EXPECT_EQ(check.computed, c.computed);
  }
}

}  // namespace
}  // namespace lawreport
