// The JSON writer, asserted on the parsed document.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "lawreport/write.h"
#include "test_support.h"

namespace lawreport {
namespace {

Report MakeReport(std::string_view content) {
  Report report;
  Result<DecodedText> decoded = Decode(content, {});
  EXPECT_TRUE(decoded);
  report.source = decoded->source;
  report.source.path = "inline.txt";
  report.text = decoded->text;
  report.outline = BuildOutline(report.text);
  return report;
}

TEST(JsonWriterTest, Layout) {
  const Report report = MakeReport(
      "某县2023年法治政府建设年度报告\n前言。\n一、总体\n（一）甲。乙。\n");
  const nlohmann::json doc = nlohmann::json::parse(WriteOutlineJson(report));
  EXPECT_EQ(doc["schema_version"], "2.0");
  EXPECT_EQ(doc["source"]["path"], "inline.txt");
  EXPECT_EQ(doc["source"]["encoding"], "UTF-8");
  EXPECT_EQ(doc["source"]["format"], "text");
  EXPECT_EQ(doc["source"]["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(doc["document"]["issuer"], "某县");
  EXPECT_EQ(doc["document"]["year"], 2023);
  EXPECT_EQ(doc["document"]["kind"], "法治政府建设年度报告");
  EXPECT_EQ(doc["preamble"][0]["text"], "前言。");
  const nlohmann::json& chapter = doc["sections"][0];
  EXPECT_EQ(chapter["id"], "1");
  EXPECT_EQ(chapter["level"], 1);
  EXPECT_EQ(chapter["style"], "numbered");
  EXPECT_EQ(chapter["marker"], "一、");
  EXPECT_EQ(chapter["ordinal"], 1);
  EXPECT_EQ(chapter["line"], 3);
  EXPECT_EQ(chapter["end_line"], 4);
  EXPECT_EQ(chapter["children"][0]["id"], "1.1");
  EXPECT_EQ(chapter["children"][0]["title"], "甲。");
  EXPECT_EQ(chapter["children"][0]["paragraphs"][0]["text"], "乙。");
  EXPECT_TRUE(doc["appendix"].is_array());
}

TEST(JsonWriterTest, MissingMetadataIsNull) {
  const nlohmann::json doc = nlohmann::json::parse(
      WriteOutlineJson(MakeReport("没有标题的一段话。\n")));
  EXPECT_TRUE(doc["document"]["title"].is_null());
  EXPECT_TRUE(doc["document"]["title_line"].is_null());
  EXPECT_TRUE(doc["document"]["issuer"].is_null());
  EXPECT_TRUE(doc["document"]["year"].is_null());
  EXPECT_EQ(doc["document"]["kind"], "other");
}

TEST(JsonWriterTest, OneLineForJsonLines) {
  JsonOptions options;
  options.indent = -1;
  const std::string line =
      WriteOutlineJson(MakeReport("一、总体\n内容。\n"), options);
  EXPECT_EQ(line.find('\n'), line.size() - 1);
}

}  // namespace
}  // namespace lawreport
