// ExcelSafeCsv (--excel): which fields are kept as text and how.
#include <gtest/gtest.h>

#include <string>

#include "lawreport/write.h"

namespace lawreport {
namespace {

const char* const kHeader = "section,label,value,text\r\n";

std::string Row(const std::string& section, const std::string& label,
                const std::string& value, const std::string& text) {
  return section + "," + label + "," + value + "," + text + "\r\n";
}

TEST(ExcelCsvTest, SectionIdsStayText) {
  EXPECT_EQ(ExcelSafeCsv(Row("3.10", "a", "1", "b"), kHeader),
            "\"=\"\"3.10\"\"\",a,1,b\r\n");
  // Even an id a spreadsheet would show unchanged: a section is not a number.
  EXPECT_EQ(ExcelSafeCsv(Row("1", "a", "1", "b"), kHeader),
            "\"=\"\"1\"\"\",a,1,b\r\n");
  EXPECT_EQ(ExcelSafeCsv(Row("", "a", "1", "b"), kHeader), ",a,1,b\r\n");
}

TEST(ExcelCsvTest, NumbersThatReadBackUnchangedStayNumbers) {
  for (const char* value : {"43601", "99.74", "-3.5", "0.05", "0", "12000"}) {
    EXPECT_EQ(ExcelSafeCsv(Row("", "x", value, "y"), kHeader),
              std::string(",x,") + value + ",y\r\n")
        << value;
  }
}

TEST(ExcelCsvTest, NumbersAndDatesThatWouldChangeBecomeTextFormulas) {
  for (const char* value :
       {"3.10", "007", "-0", "1E5", "1234567890123456", "1/2", "2023-01-05",
        "12:30", "50%", "(5)", "+5", "2023年1月", "1月5日"}) {
    std::string formula = "\"=\"\"";
    formula += value;
    formula += "\"\"\"";
    EXPECT_EQ(ExcelSafeCsv(Row("", "x", "1", value), kHeader),
              std::string(",x,1,") + formula + "\r\n")
        << value;
  }
}

TEST(ExcelCsvTest, FormulaStartsGetAnApostrophe) {
  EXPECT_EQ(ExcelSafeCsv(Row("", "=1+2", "1", "@SUM(A1)"), kHeader),
            ",'=1+2,1,'@SUM(A1)\r\n");
  EXPECT_EQ(ExcelSafeCsv(Row("", "-某项", "1", "+增长"), kHeader),
            ",'-某项,1,'+增长\r\n");
  // A tab or carriage return at the start; CR forces quoting.
  EXPECT_EQ(ExcelSafeCsv(",\"\tx\",1,\"\ry\"\r\n", kHeader),
            ",'\tx,1,\"'\ry\"\r\n");
}

TEST(ExcelCsvTest, QuotedFieldsRoundTrip) {
  const std::string csv =
      "\"1.2\",\"a,b\",\"12\",\"说\"\"明\"\"\r\n第二行\"\r\n,,,\r\n";
  EXPECT_EQ(
      ExcelSafeCsv(csv, kHeader),
      "\"=\"\"1.2\"\"\",\"a,b\",12,\"说\"\"明\"\"\r\n第二行\"\r\n,,,\r\n");
}

TEST(ExcelCsvTest, PlainTextUnchanged) {
  const std::string csv =
      Row("", "受理行政许可事项", "43601", "受理行政许可事项43601件");
  EXPECT_EQ(ExcelSafeCsv(csv, kHeader), csv);
  EXPECT_EQ(ExcelSafeCsv(kHeader, kHeader), kHeader);
}

}  // namespace
}  // namespace lawreport
