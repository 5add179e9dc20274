#include "lawreport/decimal.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace lawreport
