// The worker codec: a container reading and a request cross a pipe as
// bytes and come back exactly, down to page and OCR marks, table spans and
// the encoding; a reading cut short or altered is an error, never a crash.
#include "decode/container_codec.h"

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "lawreport/decode.h"
#include "test_support.h"

namespace lawreport::decode_internal {
namespace {

using lawreport::testing::ReadFileOrDie;
using lawreport::testing::TestPath;

void ExpectSameBlocks(const Document& expected, const Document& actual) {
  EXPECT_EQ(actual.ocr_pages(), expected.ocr_pages());
  ASSERT_EQ(actual.blocks().size(), expected.blocks().size());
  for (std::size_t i = 0; i < expected.blocks().size(); ++i) {
    const Block& want = expected.blocks()[i];
    const Block& got = actual.blocks()[i];
    ASSERT_EQ(got.index(), want.index()) << "block " << i;
    if (const auto* paragraph = std::get_if<ParagraphBlock>(&want)) {
      const auto& other = std::get<ParagraphBlock>(got);
      EXPECT_EQ(other.text, paragraph->text);
      EXPECT_EQ(other.page_title, paragraph->page_title);
      ASSERT_EQ(other.pages.size(), paragraph->pages.size());
      for (std::size_t m = 0; m < paragraph->pages.size(); ++m) {
        EXPECT_EQ(other.pages[m].offset, paragraph->pages[m].offset);
        EXPECT_EQ(other.pages[m].page, paragraph->pages[m].page);
      }
      ASSERT_EQ(other.ocr.size(), paragraph->ocr.size());
      for (std::size_t m = 0; m < paragraph->ocr.size(); ++m) {
        EXPECT_EQ(other.ocr[m].offset, paragraph->ocr[m].offset);
        EXPECT_EQ(other.ocr[m].confidence, paragraph->ocr[m].confidence);
      }
    } else {
      const auto& table = std::get<TableBlock>(want);
      const auto& other = std::get<TableBlock>(got);
      ASSERT_EQ(other.rows.size(), table.rows.size());
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        ASSERT_EQ(other.rows[r].size(), table.rows[r].size());
        for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
          EXPECT_EQ(other.rows[r][c].text, table.rows[r][c].text);
          EXPECT_EQ(other.rows[r][c].row_span, table.rows[r][c].row_span);
          EXPECT_EQ(other.rows[r][c].column_span, table.rows[r][c].column_span);
        }
      }
    }
  }
}

// Everything a later stage can ask a Text.
void ExpectSameText(const Text& expected, const Text& actual) {
  EXPECT_EQ(actual.source(), expected.source());
  EXPECT_EQ(actual.normalized(), expected.normalized());
  ASSERT_EQ(actual.line_count(), expected.line_count());
  for (int i = 0; i < expected.line_count(); ++i) {
    const Line& want = expected.lines()[static_cast<std::size_t>(i)];
    const Line& got = actual.lines()[static_cast<std::size_t>(i)];
    EXPECT_EQ(got.begin, want.begin);
    EXPECT_EQ(got.end, want.end);
    EXPECT_EQ(got.source_begin, want.source_begin);
    EXPECT_EQ(got.source_end, want.source_end);
  }
  for (std::size_t offset = 0; offset <= expected.normalized().size();
       offset += 7) {
    EXPECT_EQ(actual.PageAt(offset), expected.PageAt(offset)) << offset;
    EXPECT_EQ(actual.SourceOffset(offset), expected.SourceOffset(offset));
    EXPECT_EQ(actual.OcrConfidence(offset, offset + 1),
              expected.OcrConfidence(offset, offset + 1));
  }
  EXPECT_EQ(actual.page_title_line(), expected.page_title_line());
  ASSERT_EQ(actual.tables().size(), expected.tables().size());
  for (std::size_t t = 0; t < expected.tables().size(); ++t) {
    const Table& want = expected.tables()[t];
    const Table& got = actual.tables()[t];
    EXPECT_EQ(got.first_line, want.first_line);
    EXPECT_EQ(got.last_line, want.last_line);
    EXPECT_EQ(got.rows, want.rows);
    EXPECT_EQ(got.columns, want.columns);
    EXPECT_EQ(got.from_text, want.from_text);
    ASSERT_EQ(got.cells.size(), want.cells.size());
    for (std::size_t c = 0; c < want.cells.size(); ++c) {
      EXPECT_EQ(got.cells[c].line, want.cells[c].line);
      EXPECT_EQ(got.cells[c].row, want.cells[c].row);
      EXPECT_EQ(got.cells[c].column, want.cells[c].column);
      EXPECT_EQ(got.cells[c].row_span, want.cells[c].row_span);
      EXPECT_EQ(got.cells[c].column_span, want.cells[c].column_span);
      EXPECT_EQ(got.cells[c].begin, want.cells[c].begin);
      EXPECT_EQ(got.cells[c].end, want.cells[c].end);
    }
  }
}

ContainerReading SampleReading() {
  ContainerReading reading;
  reading.encoding = "GB18030";
  reading.bom = true;
  reading.document.AddPageTitle("融安县2023年法治政府建设年度报告");
  reading.document.AddParagraph("一、总体情况");
  // A paragraph re-flowed across pages 2 and 3, part of it read by OCR.
  reading.document.AddPagedParagraph(
      "全年办理行政复议案件12件，\n其中纠错3件。", {{0, 2}, {18, 3}},
      {{0, -1}, {9, 87}, {24, -1}});
  TableBlock table;
  table.rows = {{{"信息内容", 1, 2}, {"", 1, 1}},
                {{"规章", 2, 1}, {"0", 1, 1}, {"５", 1, 1}},
                {{"行政规范性文件", 1, 1}}};
  reading.document.AddTable(table);
  reading.document.set_ocr_pages(1);
  return reading;
}

TEST(ContainerCodecTest, ReadingRoundTripsEveryField) {
  const ContainerReading reading = SampleReading();
  const std::string encoded = EncodeReading(reading);
  Result<ContainerReading> decoded = DecodeReading(encoded);
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->encoding, "GB18030");
  EXPECT_TRUE(decoded->bom);
  ExpectSameBlocks(reading.document, decoded->document);
  const Text text = decoded->document.ToText();
  ExpectSameText(reading.document.ToText(), text);
  EXPECT_EQ(text.page_title_line(), 1);
  EXPECT_EQ(text.tables().size(), 1u);
  // The same bytes again: the form is deterministic.
  EXPECT_EQ(EncodeReading(*decoded), encoded);
}

TEST(ContainerCodecTest, ReaderErrorsKeepTheirCodeAndMessage) {
  const Result<ContainerReading> refused =
      Error{ErrorCode::kEncrypted, "encrypted: needs a password"};
  Result<ContainerReading> decoded = DecodeReading(EncodeReading(refused));
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().code, ErrorCode::kEncrypted);
  EXPECT_EQ(decoded.error().message, "encrypted: needs a password");
}

TEST(ContainerCodecTest, CutOrAlteredReadingIsAnError) {
  const std::string encoded = EncodeReading(SampleReading());
  for (std::size_t size = 0; size < encoded.size(); ++size) {
    Result<ContainerReading> cut = DecodeReading(encoded.substr(0, size));
    ASSERT_FALSE(cut) << "cut at " << size;
    EXPECT_EQ(cut.error().code, ErrorCode::kDamaged);
  }
  EXPECT_FALSE(DecodeReading(encoded + "x"));
  std::string wrong_tag = encoded;
  wrong_tag[3] = '9';
  EXPECT_FALSE(DecodeReading(wrong_tag));
  // A count far beyond the bytes left is refused before any loop runs.
  std::string huge_count = EncodeReading(ContainerReading{});
  huge_count.replace(huge_count.size() - 8, 8, std::string(8, '\xFF'));
  EXPECT_FALSE(DecodeReading(huge_count));
}

// Page and OCR marks cross in offset order and inside their paragraph, as
// Text::AppendPagedLine requires; a worker's reply that breaks either is
// refused as damaged instead of reaching the outline.
TEST(ContainerCodecTest, MarksOutOfOrderOrPastTheParagraphAreRefused) {
  struct Case {
    const char* name;
    std::vector<Text::PageMark> pages;
    std::vector<Text::OcrMark> ocr;
    bool accepted;
  };
  const std::string paragraph = "第一页文字第二页";  // 24 bytes
  const Case cases[] = {
      {"in order", {{0, 1}, {15, 2}}, {{0, 80}, {15, -1}}, true},
      {"at the very end", {{0, 1}, {24, 2}}, {{24, 70}}, true},
      {"two at one offset", {{0, 1}, {0, 2}}, {{3, 70}, {3, -1}}, true},
      {"pages out of order", {{15, 2}, {0, 1}}, {}, false},
      {"page past the end", {{0, 1}, {25, 2}}, {}, false},
      {"ocr out of order", {{0, 1}}, {{9, 80}, {3, 70}}, false},
      {"ocr past the end", {{0, 1}}, {{99, 80}}, false},
  };
  for (const Case& test : cases) {
    ContainerReading reading;
    reading.document.AddPagedParagraph(paragraph, test.pages, test.ocr);
    Result<ContainerReading> decoded = DecodeReading(EncodeReading(reading));
    EXPECT_EQ(static_cast<bool>(decoded), test.accepted) << test.name;
    if (!decoded) {
      EXPECT_EQ(decoded.error().code, ErrorCode::kDamaged);
    }
  }
}

TEST(ContainerCodecTest, RequestRoundTripsEveryOption) {
  DecodeOptions options;
  options.encoding = "GBK";
  options.strip_boilerplate = false;
  options.max_bytes = 123;
  options.max_unzipped_bytes = 456;
  options.max_zip_entries = 789;
  options.max_pages = 12;
  options.max_line_bytes = 345;
  options.strict_encoding = true;
  options.ocr = OcrMode::kNever;
  options.ocr_dpi = 150;
  options.max_render_pixels = 678;
  options.ocr_jobs = 3;
  const std::string bytes("%PDF-1.4\n\0\xFF", 12);
  Result<ContainerRequest> request = DecodeContainerRequest(
      EncodeContainerRequest(InputFormat::kPdf, "报告.pdf", bytes, options));
  ASSERT_TRUE(request) << request.error().message;
  EXPECT_EQ(request->format, InputFormat::kPdf);
  EXPECT_EQ(request->path, "报告.pdf");
  EXPECT_EQ(request->bytes, bytes);
  const DecodeOptions& got = request->options;
  EXPECT_EQ(got.encoding, "GBK");
  EXPECT_FALSE(got.strip_boilerplate);
  EXPECT_EQ(got.max_bytes, 123u);
  EXPECT_EQ(got.max_unzipped_bytes, 456u);
  EXPECT_EQ(got.max_zip_entries, 789u);
  EXPECT_EQ(got.max_pages, 12);
  EXPECT_EQ(got.max_line_bytes, 345u);
  EXPECT_TRUE(got.strict_encoding);
  EXPECT_EQ(got.ocr, OcrMode::kNever);
  EXPECT_EQ(got.ocr_dpi, 150);
  EXPECT_EQ(got.max_render_pixels, 678u);
  EXPECT_EQ(got.ocr_jobs, 3);
  EXPECT_EQ(got.cancelled, nullptr);
  EXPECT_FALSE(got.read_container);
  EXPECT_FALSE(DecodeContainerRequest("LRQ1"));
}

// Every fixture container decoded through the hook (the reader's result
// encoded, as a worker sends it, and decoded again) gives the same Text as
// the reader called in place.
TEST(ContainerCodecTest, FixturesDecodeAlikeThroughTheHook) {
  int hook_calls = 0;
  DecodeOptions through;
  through.read_container =
      [&hook_calls](
          InputFormat format, std::string_view bytes, std::string_view,
          const DecodeOptions& options) -> std::optional<Result<std::string>> {
    ++hook_calls;
    DecodeOptions plain = options;
    plain.read_container = nullptr;
    return Result<std::string>(ReadContainer(format, bytes, plain));
  };
  const char* fixtures[] = {"rongan-2023.pdf",
                            "rongan-2023.gbk.html",
                            "rongan-2023.numbered.docx",
                            "open-gov-tables.docx",
                            "open-gov-tables.html",
                            "open-gov-tables.pdf",
                            "encrypted.pdf",
                            "truncated.docx"};
  for (const char* name : fixtures) {
    SCOPED_TRACE(name);
    const std::string bytes =
        ReadFileOrDie(TestPath(std::string("fixtures/formats/") + name));
    Result<DecodedText> here = Decode(bytes, DecodeOptions{}, name);
    Result<DecodedText> there = Decode(bytes, through, name);
    ASSERT_EQ(there.ok(), here.ok());
    if (!here) {
      EXPECT_EQ(there.error().code, here.error().code);
      EXPECT_EQ(there.error().message, here.error().message);
      continue;
    }
    EXPECT_EQ(there->source.format, here->source.format);
    EXPECT_EQ(there->source.encoding, here->source.encoding);
    EXPECT_EQ(there->source.bom, here->source.bom);
    EXPECT_EQ(there->source.ocr_pages, here->source.ocr_pages);
    ExpectSameText(here->text, there->text);
  }
  EXPECT_EQ(hook_calls, 8);
  // Plain text never reaches the hook.
  ASSERT_TRUE(Decode("一、总体情况\n", through, "a.txt"));
  EXPECT_EQ(hook_calls, 8);
}

TEST(ContainerCodecTest, HookErrorIsTheFilesError) {
  DecodeOptions options;
  options.read_container =
      [](InputFormat, std::string_view, std::string_view,
         const DecodeOptions&) -> std::optional<Result<std::string>> {
    return Result<std::string>(
        Error{ErrorCode::kDamaged, "the PDF reader crashed (signal 11)"});
  };
  const std::string bytes =
      ReadFileOrDie(TestPath("fixtures/formats/rongan-2023.pdf"));
  Result<DecodedText> decoded = Decode(bytes, options, "a.pdf");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().message, "the PDF reader crashed (signal 11)");
}

}  // namespace
}  // namespace lawreport::decode_internal
