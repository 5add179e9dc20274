// The HTML pages' escaping, policy hashes and charts, and the text listing.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "lawreport/view.h"
#include "write/html_page.h"

namespace lawreport {
namespace {

using write_internal::AppendHtmlText;
using write_internal::AppendJsonForScript;
using write_internal::CspHash;

TEST(HtmlPageTest, TextIsEscaped) {
  struct Case {
    std::string in;
    std::string out;
  };
  const std::vector<Case> cases = {
      {"<script>", "&lt;script&gt;"},
      {"a&b", "a&amp;b"},
      {"\"'", "&quot;&#39;"},
      {"</textarea>", "&lt;/textarea&gt;"},
      {"x\x01y", "x\xEF\xBF\xBDy"},          // C0 control
      {"\x7F", "\xEF\xBF\xBD"},              // DEL
      {"\xC2\x9B[31m", "\xEF\xBF\xBD[31m"},  // C1 CSI
      {"\t\n", "\t\n"},
      {"受理31件", "受理31件"},
  };
  for (const Case& c : cases) {
    std::string out;
    AppendHtmlText(out, c.in);
    EXPECT_EQ(out, c.out) << c.in;
  }
}

TEST(HtmlPageTest, JsonCannotEndItsScriptBlock) {
  std::string out;
  AppendJsonForScript(out,
                      "{\"t\":\"</script><!-- & \xE2\x80\xA8\xE2\x80\xA9\"}");
  EXPECT_EQ(out,
            "{\"t\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 "
            "\\u2028\\u2029\"}");
}

TEST(HtmlPageTest, CspHashIsBase64Sha256) {
  // sha256("") in base64, as browsers compute it.
  EXPECT_EQ(CspHash(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  EXPECT_EQ(CspHash("abc"),
            "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
}

PanelRow Row(const std::string& body, int year, const std::string& value,
             const std::string& role) {
  PanelRow row;
  row.issuer = body;
  row.body = body;
  row.year = year;
  row.period_from = year;
  row.period_to = year;
  row.canonical = "economy.gdp_growth";
  row.name = "地区生产总值增长";
  row.value = *Decimal::Parse(value);
  row.unit = "%";
  row.role = role;
  row.file = body + "-" + std::to_string(year) + ".txt";
  row.line = 12;
  return row;
}

TEST(PanelHtmlTest, OneBodyOverYearsIsLines) {
  const std::string page = WritePanelHtml({Row("北京市", 2023, "5.2", "actual"),
                                           Row("北京市", 2024, "5.2", "actual"),
                                           Row("北京市", 2025, "5.4", "actual"),
                                           Row("北京市", 2025, "5", "target")});
  EXPECT_NE(page.find("data-chart=\"lines\""), std::string::npos);
  EXPECT_NE(page.find("<polyline class=\"series actual\""), std::string::npos);
  EXPECT_EQ(page.find("<rect class=\"bar"), std::string::npos);
  EXPECT_NE(page.find("北京市-2024.txt:12"), std::string::npos);
  EXPECT_NE(page.find("<circle class=\"dot target\""), std::string::npos);
}

TEST(PanelHtmlTest, BodiesAreBarsAndLinksAreNotSchemes) {
  std::vector<PanelRow> rows = {Row("北京市", 2025, "5.2", "actual"),
                                Row("广东省", 2025, "3.9", "actual")};
  rows[1].file = "javascript:alert(1)";
  rows[1].label = "<b>增长</b>";
  const std::string page = WritePanelHtml(rows);
  EXPECT_NE(page.find("data-chart=\"bars\""), std::string::npos);
  // Without view pages a point links to the report itself, a file: URL of
  // its absolute path: a name that reads as a scheme stays a path.
  const std::string cwd = std::filesystem::current_path().string();
  EXPECT_NE(page.find("href=\"file://" + cwd + "/javascript%3Aalert%281%29\""),
            std::string::npos);
  EXPECT_EQ(page.find("href=\"javascript"), std::string::npos);
  EXPECT_EQ(page.find("<b>"), std::string::npos);
  EXPECT_NE(page.find("&lt;b&gt;增长"), std::string::npos);
}

// Each point and each row of the long table, as an href.
std::vector<std::string> Hrefs(const std::string& page) {
  std::vector<std::string> hrefs;
  for (std::size_t at = page.find("<a href=\""); at != std::string::npos;
       at = page.find("<a href=\"", at + 1)) {
    const std::size_t begin = at + 9;
    hrefs.push_back(page.substr(begin, page.find('"', begin) - begin));
  }
  return hrefs;
}

TEST(PanelHtmlTest, PointsLinkToTheirViewPageAtTheirLine) {
  std::vector<PanelRow> rows = {Row("北京市", 2025, "5.2", "actual"),
                                Row("广东省", 2025, "3.9", "actual"),
                                Row("甘肃省", 2025, "5.8", "actual")};
  rows[1].line = 61;
  rows[2].file = "/data/报告 #1.txt";
  rows[2].line = 7;
  PanelHtmlOptions options;
  options.view_pages = {{"北京市-2025.txt", "北京市-2025.txt.html"},
                        {"广东省-2025.txt", "views/广东省-2025.txt.html"}};
  const std::vector<std::string> hrefs = Hrefs(WritePanelHtml(rows, options));
  // Three points, then three rows of the table, in the same order.
  const std::vector<std::string> expected = {
      "%E5%8C%97%E4%BA%AC%E5%B8%82-2025.txt.html#L12",
      "views/%E5%B9%BF%E4%B8%9C%E7%9C%81-2025.txt.html#L61",
      "file:///data/%E6%8A%A5%E5%91%8A%20%231.txt"};
  ASSERT_EQ(hrefs.size(), 6u);
  std::vector<std::string> sorted_points(hrefs.begin(), hrefs.begin() + 3);
  std::sort(sorted_points.begin(), sorted_points.end());
  std::vector<std::string> sorted_expected = expected;
  std::sort(sorted_expected.begin(), sorted_expected.end());
  EXPECT_EQ(sorted_points, sorted_expected);
  EXPECT_EQ(std::vector<std::string>(hrefs.begin() + 3, hrefs.end()), expected);
}

TEST(PanelHtmlTest, StdinHasNoLink) {
  std::vector<PanelRow> rows = {Row("北京市", 2025, "5.2", "actual")};
  rows[0].file = "-";
  const std::string page = WritePanelHtml(rows);
  EXPECT_TRUE(Hrefs(page).empty());
  EXPECT_NE(page.find("<a class=\"point\" data-line=\"12\">"),
            std::string::npos);
}

}  // namespace
}  // namespace lawreport
