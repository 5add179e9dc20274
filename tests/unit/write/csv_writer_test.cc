// CSV writer: RFC 4180 quoting, header, exact values.
#include <gtest/gtest.h>

#include "lawreport/write.h"
#include "test_support.h"

namespace lawreport {
namespace {

TEST(CsvWriterTest, RowsAndQuoting) {
  Report report;
  Result<DecodedText> decoded =
      Decode("一、总体情况\n受理行政许可事项43601件，办结率99.74%。\n", {});
  ASSERT_TRUE(decoded);
  report.source = decoded->source;
  report.source.path = "dir,with \"quotes\"/r.txt";
  report.text = decoded->text;
  report.outline = BuildOutline(report.text);
  report.indicators =
      ExtractIndicators(report.text, report.outline, FindMentions(report.text));

  EXPECT_EQ(CsvHeader(),
            "path,section,section_title,line,label,value,unit,kind,qualifier,"
            "text,page,table,row,column,role,period_from,period_to,aggregate\r\n");
  const std::string csv = WriteIndicatorsCsv(report);
  EXPECT_EQ(
      csv,
      "\"dir,with "
      "\"\"quotes\"\"/r.txt\",1,总体情况,2,受理行政许可事项,43601,件,count,,"
      "受理行政许可事项43601件,,,,,actual,,,point\r\n"
      "\"dir,with "
      "\"\"quotes\"\"/"
      "r.txt\",1,总体情况,2,办结率,99.74,%,percent,,办结率99.74%,,,,,actual,,,point\r\n");
}

}  // namespace
}  // namespace lawreport
