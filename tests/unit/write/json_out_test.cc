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

// Issue 18: every JSON output stays valid and line-safe whatever the names
// and text hold.
std::string Quoted(std::string_view text) {
  JsonOut out(-1);
  out.String(text);
  return out.Take();
}

TEST(JsonOutTest, EscapesC1ControlsAndLineSeparators) {
  // U+0085 (NEL), U+009B (CSI), U+2028, U+2029: JSON allows them raw, but
  // line-splitting readers and terminals do not.
  EXPECT_EQ(Quoted("a\xC2\x85"
                   "b\xC2\x9B"
                   "c\xE2\x80\xA8"
                   "d\xE2\x80\xA9"
                   "e"),
            "\"a\\u0085b\\u009bc\\u2028d\\u2029e\"");
  // Their neighbours stay raw: U+00A0, U+2027, U+202A, “ (U+201C).
  EXPECT_EQ(Quoted("\xC2\xA0\xE2\x80\xA7\xE2\x80\xAA\xE2\x80\x9C"),
            "\"\xC2\xA0\xE2\x80\xA7\xE2\x80\xAA\xE2\x80\x9C\"");
  // In the middle of long runs, where the 16- and 8-byte scans work.
  const std::string run(40, 'x');
  const std::string cjk = "融安县人民政府关于";
  EXPECT_EQ(Quoted(run + "\xE2\x80\xA8" + cjk + run + "\xC2\x80"),
            "\"" + run + "\\u2028" + cjk + run + "\\u0080\"");
  const nlohmann::json parsed =
      nlohmann::json::parse(Quoted(cjk + "\xE2\x80\xA9" + run));
  EXPECT_EQ(parsed.get<std::string>(), cjk + "\xE2\x80\xA9" + run);
}

TEST(JsonOutTest, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  // 报告.txt in GBK: each byte that is not UTF-8 is one U+FFFD.
  EXPECT_EQ(Quoted("\xB1\xA8\xB8\xE6.txt"),
            "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD.txt\"");
  EXPECT_NO_THROW(
      nlohmann::json::parse(Quoted(std::string(30, 'a') + "\xFF\"")));
}

TEST(JsonOutTest, PathBytesOnlyWhenTheNameIsNotUtf8) {
  const auto fields = [](std::string_view path) {
    JsonOut out(-1);
    out.BeginObject();
    out.PathFields(path);
    out.EndObject();
    return nlohmann::json::parse(out.Take());
  };
  EXPECT_EQ(fields("报告.txt"),
            nlohmann::json::parse(R"({"path":"报告.txt"})"));
  const nlohmann::json gbk = fields("d/\xB1\xA8\xB8\xE6.txt");
  EXPECT_EQ(gbk["path"],
            "d/\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD.txt");
  EXPECT_EQ(gbk["path_bytes"], "ZC+xqLjmLnR4dA==");  // base64 of the raw bytes
  EXPECT_EQ(fields("\xFF")["path_bytes"], "/w==");
  EXPECT_EQ(fields("\xFF\xFE")["path_bytes"], "//4=");
}

}  // namespace
}  // namespace lawreport::write_internal
