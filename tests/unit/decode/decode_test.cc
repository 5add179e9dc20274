// decode: encodings, line endings and bad input, as case tables.
#include "lawreport/decode.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace lawreport {
namespace {

std::string Repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

struct EncodingCase {
  const char* name;
  std::string bytes;
  std::string forced;  // --encoding, empty to detect
  std::string encoding;
  bool bom;
  std::string normalized;
};

TEST(DecodeTest, EncodingsAreDetected) {
  const EncodingCase cases[] = {
      {"ascii", "abc", "", "UTF-8", false, "abc"},
      {"utf8", "融安县", "", "UTF-8", false, "融安县"},
      {"utf8 bom", "\xEF\xBB\xBF融安", "", "UTF-8", true, "融安"},
      {"utf16le bom", std::string("\xFF\xFE\x8D\x87\x89\x5B", 6), "",
       "UTF-16LE", true, "融安"},
      {"utf16be bom", std::string("\xFE\xFF\x87\x8D\x5B\x89", 6), "",
       "UTF-16BE", true, "融安"},
      {"gbk", "\xC8\xDA\xB0\xB2\xCF\xD8", "", "GB18030", false, "融安县"},
      {"gb18030 4-byte", "\x81\x30\x81\x30", "", "GB18030", false, "\xC2\x80"},
      {"utf16le no bom",
       Repeat(std::string("2\x00"
                          "0\x00"
                          "2\x00"
                          "3\x00"
                          "\x74\x5E"
                          "\x8D\x87"
                          "\x89\x5B"
                          "1\x00",
                          16),
              3),
       "", "UTF-16LE", false, "2023年融安12023年融安12023年融安1"},
      {"forced gbk", "\xC8\xDA\xB0\xB2", "GBK", "GBK", false, "融安"},
      {"forced utf-8 with bom",
       "\xEF\xBB\xBF"
       "ab",
       "UTF-8", "UTF-8", true, "ab"},
  };
  for (const EncodingCase& c : cases) {
    SCOPED_TRACE(c.name);
    DecodeOptions options;
    options.encoding = c.forced;
    Result<DecodedText> decoded = Decode(c.bytes, options);
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->source.encoding, c.encoding);
    EXPECT_EQ(decoded->source.bom, c.bom);
    EXPECT_EQ(decoded->text.normalized(), c.normalized);
    EXPECT_EQ(decoded->source.bytes, c.bytes.size());
  }
}

// Issue 18 §4: guesses with little evidence are said, or refused under
// strict_encoding; Big5 is not read as GB18030.
TEST(DecodeTest, WeakEncodingGuessesWarnOrAreRefused) {
  // 融 and the first byte of 安: UTF-8 cut mid-character, which GB18030
  // would read as "铻嶅".
  const std::string cut = std::string("融安").substr(0, 4);
  Result<DecodedText> decoded = Decode(cut, DecodeOptions{});
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->source.encoding, "UTF-8");
  EXPECT_EQ(decoded->text.normalized(), "融\xEF\xBF\xBD");
  EXPECT_NE(decoded->source.encoding_warning.find(
                "ends in the middle of a UTF-8 character"),
            std::string::npos);
  DecodeOptions strict;
  strict.strict_encoding = true;
  Result<DecodedText> refused = Decode(cut, strict);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kBadEncoding);
  // Four GBK bytes: read as GB18030, with a warning; refused when strict.
  const std::string gbk = "\xC8\xDA\xB0\xB2";
  decoded = Decode(gbk, DecodeOptions{});
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->text.normalized(), "融安");
  EXPECT_NE(
      decoded->source.encoding_warning.find("a guess with little evidence"),
      std::string::npos);
  EXPECT_FALSE(Decode(gbk, strict));
  // A real report in GBK: no warning.
  const std::string report = Repeat(
      "\xC8\xDA\xB0\xB2\xCF\xD8\xC8\xCB\xC3\xF1\xD5\xFE\xB8\xAE"
      "\xB9\xD8\xD3\xDA\xB7\xA8\xD6\xCE\xD5\xFE\xB8\xAE\xBD\xA8"
      "\xC9\xE8\xC7\xE9\xBF\xF6\xB5\xC4\xB1\xA8\xB8\xE6\n",
      20);  // 融安县人民政府关于法治政府建设情况的报告
  decoded = Decode(report, strict);
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->source.encoding, "GB18030");
  EXPECT_EQ(decoded->source.encoding_warning, "");
  // The same words in Big5 (traditional): detected as Big5.
  const std::string big5 = Repeat(
      "\xBF\xC4\xA6\x77\xBF\xA4\xA4\x48\xA5\xC1\xAC\x46\xA9\xB2"
      "\xC3\xF6\xA9\xF3\xAA\x6B\xAA\x76\xAC\x46\xA9\xB2\xAB\xD8"
      "\xB3\x5D\xB1\xA1\xAA\x70\xAA\xBA\xB3\xF8\xA7\x69\n",
      20);  // 融安縣人民政府關於法治政府建設情況的報告
  decoded = Decode(big5, DecodeOptions{});
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->source.encoding, "Big5");
  EXPECT_EQ(decoded->text.normalized().substr(0, 9), "融安縣");
}

struct ErrorCase {
  const char* name;
  std::string bytes;
  std::string forced;
  ErrorCode code;
  std::string message_part;
};

TEST(DecodeTest, BadInputIsAnErrorValue) {
  const ErrorCase cases[] = {
      {"empty", "", "", ErrorCode::kEmpty, "empty"},
      {"whitespace", " \n\t\r\n\xE3\x80\x80\n", "", ErrorCode::kEmpty,
       "only whitespace"},
      {"nul", std::string("abc\0def\0", 8), "", ErrorCode::kBinary,
       "NUL bytes (first at offset 3)"},
      {"binary with nul on one parity",
       Repeat(std::string("\x01\x00\xEE\x00\x8F\x00\xFA\x00", 8), 8), "",
       ErrorCode::kBinary, "NUL bytes (first at offset 1)"},
      {"invalid everywhere", "融安县\xFF\xFF", "", ErrorCode::kBadEncoding,
       "not UTF-8 (bad byte at offset 9)"},
      {"bad utf-8 after bom",
       "\xEF\xBB\xBF"
       "ab\xFF",
       "", ErrorCode::kBadEncoding, "bad byte at offset 5"},
      {"truncated utf-16", std::string("\xFF\xFE\x8D\x87\x89", 5), "",
       ErrorCode::kBadEncoding, "UTF-16LE"},
      {"lone surrogate utf-16", std::string("\xFF\xFE\x00\xD8\x41\x00", 6), "",
       ErrorCode::kBadEncoding, "offset 2"},
      {"unknown encoding", "abc", "NO-SUCH-CHARSET",
       ErrorCode::kUnknownEncoding, "NO-SUCH-CHARSET"},
      {"invalid gb18030 forced", "\xC8\xDA\xFF", "GB18030",
       ErrorCode::kBadEncoding, "bad byte at offset 2"},
      // Containers are told by their first bytes and read by their readers.
      {"pdf header only", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "",
       ErrorCode::kDamaged, "a damaged PDF"},
      {"zip header only", std::string("PK\x03\x04\x14\x00\x06\x00", 8), "",
       ErrorCode::kDamaged, "a damaged DOCX (ZIP) file"},
      {"word 97", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "",
       ErrorCode::kUnsupportedFormat, ".doc"},
      {"html without text",
       "\xEF\xBB\xBF  <!DOCTYPE html><html><body><script>var n = 12;</script>"
       "</body></html>",
       "", ErrorCode::kEmpty, "html document holds no paragraphs"},
      {"html without doctype", "\n<HTML lang=\"zh\">", "", ErrorCode::kEmpty,
       "no paragraphs"},
  };
  for (const ErrorCase& c : cases) {
    SCOPED_TRACE(c.name);
    DecodeOptions options;
    options.encoding = c.forced;
    Result<DecodedText> decoded = Decode(c.bytes, options);
    ASSERT_FALSE(decoded);
    EXPECT_EQ(decoded.error().code, c.code);
    EXPECT_NE(decoded.error().message.find(c.message_part), std::string::npos)
        << decoded.error().message;
    EXPECT_EQ(decoded.error().message.find('\n'), std::string::npos);
  }
}

// The line a web page's title becomes, and whether it is marked as the page's
// title (Text::page_title_line) rather than the article's own first line.
TEST(DecodeTest, HtmlPageTitle) {
  const std::string article =
      "<div class=\"article_content\"><p>2022年，我局坚持以习近平新时代中国"
      "特色社会主义思想为指导，全面推进各项工作，取得明显成效。</p>"
      "<p>一、主要成效</p></div>";
  struct Case {
    const char* name;
    std::string html;
    std::string first_line;
    int page_title_line;
  };
  const Case cases[] = {
      {"title element",
       "<html><body><div class=\"article_title\">\n  某局2022年工作总结\n"
       "</div>" +
           article + "</body></html>",
       "某局2022年工作总结", 1},
      {"meta ArticleTitle without a title element",
       "<html><head><meta name=\"ArticleTitle\" content=\"某局2023年工作计划\">"
       "</head><body>" +
           article + "</body></html>",
       "某局2023年工作计划", 1},
      {"the element wins over the meta",
       "<html><head><meta name=\"articletitle\" content=\"栏目名称\"></head>"
       "<body><h1>某局2022年工作总结</h1>" +
           article + "</body></html>",
       "某局2022年工作总结", 1},
      {"the article repeats the title",
       "<html><head><meta name=\"ArticleTitle\" content=\"某局2022年工作总结\">"
       "</head><body><div class=\"article_content\"><p>某局2022年工作总结"
       "</p><p>2022年，我局坚持以习近平新时代中国特色社会主义思想为指导，全面"
       "推进各项工作，取得明显成效。</p></div></body></html>",
       "某局2022年工作总结", 0},
      {"no title at all", "<html><body>" + article + "</body></html>",
       // (normalized: ASCII commas)
       "2022年,我局坚持以习近平新时代中国特色社会主义思想为指导,全面推进各项"
       "工作,取得明显成效。",
       0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Result<DecodedText> decoded = Decode(c.html, {});
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->text.NormalizedLine(1), c.first_line);
    EXPECT_EQ(decoded->text.page_title_line(), c.page_title_line);
  }
}

TEST(DecodeTest, SizeLimit) {
  DecodeOptions options;
  options.max_bytes = 4;
  Result<DecodedText> decoded = Decode("12345", options);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().code, ErrorCode::kTooLarge);
  EXPECT_NE(decoded.error().message.find("--max-bytes"), std::string::npos);
}

TEST(DecodeTest, LineEndings) {
  for (const std::string bytes :
       {"a\nb\nc", "a\r\nb\r\nc\r\n", "a\rb\rc", "a\r\nb\nc\r"}) {
    Result<DecodedText> decoded = Decode(bytes, {});
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->text.normalized(), "a\nb\nc");
    EXPECT_EQ(decoded->text.line_count(), 3);
  }
  // Blank lines count: line numbers are those of the source.
  Result<DecodedText> blank = Decode("a\n\n\nb", {});
  ASSERT_TRUE(blank);
  EXPECT_EQ(blank->text.line_count(), 4);
  EXPECT_EQ(blank->text.NormalizedLine(4), "b");
}

TEST(DecodeTest, Sha256OfInputBytes) {
  Result<DecodedText> decoded = Decode("abc", {});
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->source.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ReadInputTest, Refusals) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "lawreport_read_test";
  std::filesystem::create_directories(dir);
  const std::string big = (dir / "big.txt").string();
  std::ofstream(big) << std::string(100, 'x');

  Result<std::string> missing =
      ReadInput((dir / "missing.txt").string(), kDefaultMaxBytes);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);

  Result<std::string> directory = ReadInput(dir.string(), kDefaultMaxBytes);
  ASSERT_FALSE(directory);
  EXPECT_EQ(directory.error().code, ErrorCode::kNotAFile);

  Result<std::string> too_big = ReadInput(big, 99);
  ASSERT_FALSE(too_big);
  EXPECT_EQ(too_big.error().code, ErrorCode::kTooLarge);
  EXPECT_NE(too_big.error().message.find("100 bytes"), std::string::npos);

  Result<std::string> fits = ReadInput(big, 100);
  ASSERT_TRUE(fits);
  EXPECT_EQ(fits->size(), 100u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace lawreport
