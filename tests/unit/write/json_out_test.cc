// The streaming JSON writer: layout, escapes, exact numbers.
#include "write/json_out.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace lawreport::write_internal {
namespace {

TEST(JsonOutTest, CompactAndIndented) {
  for (const int indent : {-1, 2}) {
    JsonOut out(indent);
    out.BeginObject();
    out.Field("a", 1);
    out.Key("b");
    out.BeginArray();
    out.String("x");
    out.Null();
    out.BeginObject();
    out.EndObject();
    out.BeginArray();
    out.EndArray();
    out.EndArray();
    out.Field("c", std::optional<int>());
    out.EndObject();
    const std::string text = out.Take();
    EXPECT_EQ(
        nlohmann::json::parse(text),
        nlohmann::json::parse(R"({"a":1,"b":["x",null,{},[]],"c":null})"));
    if (indent < 0) {
      EXPECT_EQ(text, R"({"a":1,"b":["x",null,{},[]],"c":null})");
    }
  }
}

TEST(JsonOutTest, EscapesAndNumbers) {
  JsonOut out(-1);
  out.BeginArray();
  out.String("引号\"反斜杠\\换行\n制表\t\x01“全角”");
  out.Number(*Decimal::Parse("99.74"));
  out.Number(Decimal::Parse("1.2")->Scaled(4));
  out.Number(*Decimal::Parse("0.6"));
  out.Bool(true);
  out.EndArray();
  const std::string text = out.Take();
  EXPECT_EQ(text,
            "[\"引号\\\"反斜杠\\\\换行\\n制表\\t\\u0001“全角”\",99.74,12000,0."
            "6,true]");
  const nlohmann::json parsed = nlohmann::json::parse(text);
  EXPECT_EQ(parsed[0], "引号\"反斜杠\\换行\n制表\t\x01“全角”");
  EXPECT_EQ(parsed[2], 12000);
}

// The escape scan skips eight bytes at a time: every special byte must be
// found wherever it falls in a word, and bytes ≥ 0x80 never look special.
TEST(JsonOutTest, EscapesAtEveryOffset) {
  const std::string filler = "融安县办结率99.74%abcdefgh";
  for (const char special : {'"', '\\', '\n', '\x1F', '\x00'}) {
    for (std::size_t at = 0; at <= filler.size(); ++at) {
      if (at < filler.size() &&
          (static_cast<unsigned char>(filler[at]) & 0xC0) == 0x80)
        continue;  // inside a character
      std::string text = filler;
      text.insert(at, 1, special);
      JsonOut out(-1);
      out.String(text);
      const std::string json = out.Take();
      EXPECT_EQ(nlohmann::json::parse(json), text) << at;
      EXPECT_EQ(json.find('\n'), std::string::npos);
    }
  }
  JsonOut out(-1);
  out.String(
      "\xE3\x80\x80\xEF\xBC\x82\xC2\xA0\xE2\x80\x9C"
      "0123456789");
  EXPECT_EQ(out.Take(),
            "\"\xE3\x80\x80\xEF\xBC\x82\xC2\xA0\xE2\x80\x9C"
            "0123456789\"");
}

}  // namespace
}  // namespace lawreport::write_internal
