// What a container reader produces: the paragraphs and tables of an HTML,
// DOCX or PDF report in reading order, before they become a Text. Internal.
//
//   <h1>融安县2023年法治政府建设年度报告</h1>
//   <p>　　2023年，融安县…</p>
//   <table><tr><td>信息内容</td><td>本年制发件数</td></tr>
//          <tr><td>规章</td><td>0</td></tr></table>
//   → Document{blocks=[Paragraph "融安县2023年法治政府建设年度报告",
//                      Paragraph "2023年，融安县…",
//                      TableBlock{rows=[["信息内容","本年制发件数"],
//                                       ["规章","0"]]}]}
//   → Text lines: 融安县…报告 | 2023年，融安县… | 信息内容 | 本年制发件数 |
//                 规章 | 0, and one Table recording the cells' grid places.
#ifndef LAWREPORT_DECODE_DOCUMENT_H_
#define LAWREPORT_DECODE_DOCUMENT_H_

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "lawreport/text.h"

namespace lawreport::decode_internal {

struct ParagraphBlock {
  std::string text;  // UTF-8; a "\n" in it starts a new line
  // PDF: where pages begin in `text` (the first at offset 0); else empty.
  std::vector<Text::PageMark> pages;
  // PDF pages read by OCR: where each word begins, with its confidence.
  std::vector<Text::OcrMark> ocr;
  // HTML: the page's title element or <meta name="ArticleTitle">, outside
  // the article (Text::page_title_line).
  bool page_title = false;
};

struct CellBlock {
  std::string text;
  int row_span = 1;
  int column_span = 1;
};

struct TableBlock {
  std::vector<std::vector<CellBlock>> rows;
};

using Block = std::variant<ParagraphBlock, TableBlock>;

class Document {
 public:
  // Whitespace at either end (spaces, tabs, NBSP, U+3000 indentation) is
  // presentation and is dropped; an empty paragraph is not kept.
  void AddParagraph(std::string_view text);
  // A PDF paragraph: `pages` says where in `text` each page begins.
  void AddPagedParagraph(std::string text, std::vector<Text::PageMark> pages,
                         std::vector<Text::OcrMark> ocr = {});
  // The web page's title, one line, put before the article's paragraphs.
  void AddPageTitle(std::string_view text);
  void AddTable(TableBlock table);
  // A block exactly as another Document held it, nothing trimmed: how the
  // reading a worker process sends back is rebuilt (container_codec.h).
  void AddBlockAsRead(Block block) { blocks_.push_back(std::move(block)); }
  bool empty() const { return blocks_.empty(); }
  // PDF: how many pages OCR read.
  void set_ocr_pages(int pages) { ocr_pages_ = pages; }
  int ocr_pages() const { return ocr_pages_; }
  const std::vector<Block>& blocks() const { return blocks_; }

  // Lays the blocks out as lines: one per paragraph line, one per non-empty
  // table cell in row-major grid order.
  Text ToText() const;

 private:
  std::vector<Block> blocks_;
  int ocr_pages_ = 0;
};

// Trims ASCII whitespace, NBSP and U+3000 from both ends.
std::string_view TrimLayoutSpace(std::string_view text);

// HTML whitespace rules for Chinese text: a run of ASCII whitespace becomes
// one space, or nothing when it holds a line break between two non-ASCII
// characters ("融安县\n  人民政府" wrapped in the markup is one word, as
// browsers show it); runs at either end are dropped.
std::string CollapseSpace(std::string_view text);

// A table cell's text as one line. Every run of white space (ASCII, NBSP,
// U+3000 and the other Unicode spaces, line breaks) is layout: dropped at
// either end and between two non-ASCII characters, one space between
// anything else. Pages pad header cells to width ("社会公益\u00a0 \u00a0
// 组织" → "社会公益组织"; "Recognizers \u00a0Text" → "Recognizers Text"), so
// the same row and column read alike across years and containers.
std::string CollapseCellSpace(std::string_view text);

// Spans larger than these are clamped: HTML caps colspan at 1000; a grid
// wider or longer than this is not a table a report prints.
inline constexpr int kMaxColumnSpan = 1000;
inline constexpr int kMaxRowSpan = 1000;

}  // namespace lawreport::decode_internal

#endif  // LAWREPORT_DECODE_DOCUMENT_H_
