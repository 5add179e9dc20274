// CSV writer: RFC 4180 quoting, header, exact values.
#include <gtest/gtest.h>

#include <string>
#include <vector>

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
            "text,page,table,row,column,role,period_from,period_to,aggregate,"
            "direction,upper,decimals,start,end\r\n");
  const std::string csv = WriteIndicatorsCsv(report);
  EXPECT_EQ(
      csv,
      "\"dir,with "
      "\"\"quotes\"\"/r.txt\",1,总体情况,2,受理行政许可事项,43601,件,count,,"
      "受理行政许可事项43601件,,,,,actual,,,point,,,0,19,51\r\n"
      "\"dir,with "
      "\"\"quotes\"\"/"
      "r.txt\",1,总体情况,2,办结率,99.74,%,percent,,办结率99.74%,,,,,actual,,,"
      "point,,,2,54,69"
      "\r\n");
}

// The columns after `column` carry what JSON says and CSV used to drop:
// direction, the upper end of a range, decimals as printed, and the offsets.
TEST(CsvWriterTest, TrailingColumnsKeepDirectionRangeAndOffsets) {
  const struct {
    const char* content;
    std::vector<std::string> tails;  // direction,upper,decimals,start,end
  } cases[] = {
      {"能耗同比下降42.9%。", {"down,,1,0,23"}},
      {"地区生产总值增长4.5%—5%。", {"up,5,1,0,33"}},
      {"办理3至5个。", {",5,0,0,14"}},
      {"约１２件。", {",,0,0,12"}},
  };
  for (const auto& c : cases) {
    Report report;
    Result<DecodedText> decoded = Decode(c.content, {});
    ASSERT_TRUE(decoded);
    report.source = decoded->source;
    report.text = decoded->text;
    report.outline = BuildOutline(report.text);
    report.indicators = ExtractIndicators(report.text, report.outline,
                                          FindMentions(report.text));
    std::vector<std::string> tails;
    const std::string csv = WriteIndicatorsCsv(report);
    for (std::size_t at = 0; at < csv.size();) {
      const std::size_t end = csv.find("\r\n", at);
      const std::string row = csv.substr(at, end - at);
      // The last five fields.
      std::size_t cut = row.size();
      for (int i = 0; i < 5; ++i) cut = row.rfind(',', cut - 1);
      tails.push_back(row.substr(cut + 1));
      at = end + 2;
    }
    EXPECT_EQ(tails, c.tails) << c.content;
  }
}

}  // namespace
}  // namespace lawreport
