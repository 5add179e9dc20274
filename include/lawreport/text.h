// The decoded text model every later stage works on.
//
// A report is read once into two parallel forms:
//   - source: the decoded UTF-8 text exactly as written (BOM removed; every
//     line break, LF, CRLF or CR, stored as "\n"), which is what every
//     string in the output is cut from;
//   - normalized: the same lines with width and space variants folded, which
//     is what recognition runs on. Full-width ASCII becomes ASCII
//     ("（一）" → "(一)", "１．" → "1.", "９９．７４％" → "99.74%"), U+3000,
//     NBSP, tabs and other spaces become " ", zero-width characters are
//     dropped. Line breaks (LF, CRLF, CR) all become "\n", so normalized line N
//     is source line N.
//
// Offsets here are half-open byte ranges [begin, end) into `normalized`;
// lines are 1-based source lines; columns are 1-based and count characters
// (code points) of the source line. Text::SourceOf maps a normalized range
// back to the source bytes that produced it, so "(一)" found at normalized
// [10, 13) prints as the "（一）" that was written, and Text::SourceOffset
// turns an offset into one in `source`, which is what the output gives (an
// indicator's start and end), since `source` is what a user can see.
//
// For HTML, DOCX and PDF input, `source` is the plain text the container
// reader produced (what `lawreport text FILE` prints): one line per paragraph
// or table cell. The Text then also knows the page of each line (PDF) and
// the tables whose cells are lines (HTML, DOCX).
#ifndef LAWREPORT_TEXT_H_
#define LAWREPORT_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lawreport {

// Where the bytes came from and how they were read; written out as "source".
struct SourceInfo {
  std::string path;             // as given on the command line; "-" for stdin
  std::string format = "text";  // the container reader that ran
  std::string
      encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", or a forced name
  bool bom = false;         // the input began with a byte-order mark
  std::uint64_t bytes = 0;  // size of the input as read
  std::string sha256;       // hex digest of the input bytes
  // Set when the encoding was a guess made with little evidence (a few
  // bytes, a file cut mid-character); the CLI prints it as a warning.
  std::string encoding_warning;
  int ocr_pages = 0;  // PDF pages read by OCR
};

struct Line {
  std::size_t begin = 0;  // normalized offset of the first byte
  std::size_t end = 0;    // normalized offset past the last byte (before "\n")
  std::size_t source_begin = 0;  // the same line in `source`
  std::size_t source_end = 0;
};

// One cell of a table. A cell of an HTML, DOCX or PDF table is a line of
// the Text of its own; a cell of a table written in plain text (tab- or
// pipe-separated, or aligned with spaces) is a stretch of its row's line.
// [begin, end) is the cell's trimmed text in normalized offsets; both 0
// mean the whole line. Rows and columns are 0-based positions in the
// table's grid, after spans are laid out.
struct TableCell {
  int line = 0;
  int row = 0;
  int column = 0;
  int row_span = 1;
  int column_span = 1;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// A table of a report, e.g. the 政府信息公开 request table:
//   | 信息内容       | 本年制发件数 |
//   | 行政规范性文件 | 5            |
// From HTML or DOCX it becomes four lines, one per non-empty cell; from
// plain text ("行政规范性文件\t5") its rows stay the lines they were. Either
// way this record says where each cell sits in the grid.
struct Table {
  int first_line = 0;  // the lines its cells occupy, in row-major order
  int last_line = 0;   // (a text table's lines between rows included)
  int rows = 0;
  int columns = 0;
  bool from_text = false;  // found in plain-text layout, not in markup
  std::vector<TableCell> cells;
};

struct SourcePosition {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in characters of the source line
};

class Text {
 public:
  Text() = default;

  const std::string& normalized() const { return normalized_; }
  const std::string& source() const { return source_; }
  const std::vector<Line>& lines() const { return lines_; }
  int line_count() const { return static_cast<int>(lines_.size()); }

  // The normalized bytes of 1-based line `line` (without the "\n").
  std::string_view NormalizedLine(int line) const;

  // The source bytes that produced normalized [begin, end).
  std::string_view SourceOf(std::size_t begin, std::size_t end) const;
  std::size_t SourceOffset(std::size_t normalized_offset) const;
  // The inverse: the normalized offset where source offset `source_offset`
  // lands (the start of the normalized form of the character it is in).
  std::size_t NormalizedOffset(std::size_t source_offset) const;

  // 1-based source line and character column of a normalized offset.
  SourcePosition PositionOf(std::size_t normalized_offset) const;

  // The 1-based page a normalized offset is on, for a paged (PDF) input; 0
  // when not paged. A paragraph re-flowed across a page break is one line
  // whose two halves are on two pages.
  int PageAt(std::size_t normalized_offset) const;
  const std::vector<Table>& tables() const { return tables_; }
  // The table whose cells include `line`, if any.
  const Table* TableAt(int line) const;
  // The line that came from a web page's title element (class
  // "article_title", an <h1> above the article) or its
  // <meta name="ArticleTitle">, not from the article itself; 0 when none.
  // Such a line can be a column name ("政府工作报告（2024）" above an article
  // that opens with "平潭综合实验区管委会工作报告"), so the outline takes it
  // as the report's title only when the article has none of its own.
  int page_title_line() const { return page_title_line_; }

  // Built by decode: room for `bytes` of text in `lines` lines, reserved
  // before they are appended so that a text of millions of short lines is
  // held once, not grown by doubling (when the old and the new buffers
  // are both alive, each line's record costs three times its size).
  void Reserve(std::size_t bytes, std::size_t lines);
  // Appends one line given its source bytes (no line
  // break).
  void AppendLine(std::string_view source_line);
  // Where a page begins: the page number, and the byte offset in the source
  // line about to be appended (for a break inside it) or 0 (at its start).
  struct PageMark {
    std::size_t offset = 0;
    int page = 0;
  };
  // Where a word read by OCR begins in the source line about to be
  // appended, with the engine's confidence in it (0–100); -1: the words
  // from here on come from a text layer.
  struct OcrMark {
    std::size_t offset = 0;
    int confidence = -1;
  };
  // AppendLine for a paged input; `marks` and `ocr` are in offset order.
  void AppendPagedLine(std::string_view source_line,
                       const std::vector<PageMark>& marks,
                       const std::vector<OcrMark>& ocr = {});

  // The lowest confidence of the OCR'd words that normalized [begin, end)
  // touches, or -1 when none of it was read by OCR.
  int OcrConfidence(std::size_t begin, std::size_t end) const;
  // Records a table whose cells are lines already appended; tables are
  // added in text order and do not overlap.
  void AddTable(Table table);
  // Records that line `line`, already appended, is the page's title.
  void MarkPageTitle(int line) { page_title_line_ = line; }

 private:
  // An anchor says normalized offset `normalized` corresponds to source
  // offset `source`; bytes between two anchors correspond one to one.
  struct Anchor {
    std::size_t normalized;
    std::size_t source;
  };

  // Character counts at line starts and every few KiB within a line, so a
  // column is found without counting a whole (possibly 50 MB) line.
  struct ColumnCheckpoint {
    std::size_t source;  // offset in source_
    std::size_t chars;   // characters from the line start to `source`
  };

  std::string source_;
  std::string normalized_;
  std::vector<Line> lines_;
  std::vector<Anchor> anchors_;
  std::vector<ColumnCheckpoint> checkpoints_;
  struct PageStart {
    std::size_t source;  // offset in source_
    int page;
  };
  std::vector<PageStart> page_starts_;  // empty when not paged
  struct OcrStart {
    std::size_t source;  // offset in source_
    int confidence;
  };
  std::vector<OcrStart> ocr_starts_;  // empty unless OCR read some page
  std::vector<Table> tables_;
  int page_title_line_ = 0;
};

}  // namespace lawreport

#endif  // LAWREPORT_TEXT_H_
