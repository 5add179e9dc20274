#include "decode/document.h"

#include <algorithm>
#include <map>
#include <utility>

#include "util/utf8.h"

namespace lawreport::decode_internal {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Rowspans push one occupied interval per spanned row; past this many the
// remaining spans count as one row, so a hostile table cannot make the
// layout quadratic.
constexpr std::size_t kMaxSpanIntervals = 1'000'000;

struct Placement {
  int row = 0;
  int column = 0;
  int row_span = 1;
  int column_span = 1;
};

// The HTML table model: each cell takes the first grid column of its row not
// covered by a rowspan from above.
std::vector<std::vector<Placement>> LayOut(const TableBlock& table,
                                           int& columns) {
  const int rows = static_cast<int>(table.rows.size());
  std::map<int, std::vector<std::pair<int, int>>> covered;  // row → [b, e)
  std::size_t intervals = 0;
  std::vector<std::vector<Placement>> placed(table.rows.size());
  columns = 0;
  for (int row = 0; row < rows; ++row) {
    std::vector<std::pair<int, int>> spans;
    if (auto found = covered.find(row); found != covered.end()) {
      spans = std::move(found->second);
      covered.erase(found);
      std::sort(spans.begin(), spans.end());
    }
    std::size_t next_span = 0;
    int column = 0;
    for (const CellBlock& cell : table.rows[static_cast<std::size_t>(row)]) {
      for (;;) {
        while (next_span < spans.size() && spans[next_span].second <= column)
          ++next_span;
        if (next_span < spans.size() && spans[next_span].first <= column) {
          column = spans[next_span].second;
          continue;
        }
        break;
      }
      Placement placement;
      placement.row = row;
      placement.column = column;
      placement.column_span = std::clamp(cell.column_span, 1, kMaxColumnSpan);
      // rowspan=0 (HTML) runs to the end of the table.
      const int wanted = cell.row_span <= 0 ? rows - row : cell.row_span;
      placement.row_span =
          std::clamp(wanted, 1, std::min(kMaxRowSpan, rows - row));
      if (intervals + static_cast<std::size_t>(placement.row_span) >
          kMaxSpanIntervals) {
        placement.row_span = 1;
      }
      for (int below = 1; below < placement.row_span; ++below) {
        covered[row + below].emplace_back(column,
                                          column + placement.column_span);
        ++intervals;
      }
      placed[static_cast<std::size_t>(row)].push_back(placement);
      column += placement.column_span;
      columns = std::max(columns, column);
    }
    if (!spans.empty()) columns = std::max(columns, spans.back().second);
  }
  return placed;
}

}  // namespace

std::string_view TrimLayoutSpace(std::string_view text) {
  for (;;) {
    if (!text.empty() && IsAsciiSpace(text.front())) {
      text.remove_prefix(1);
    } else if (utf8::StartsWith(text, "\xC2\xA0")) {
      text.remove_prefix(2);
    } else if (utf8::StartsWith(text, "\xE3\x80\x80")) {
      text.remove_prefix(3);
    } else {
      break;
    }
  }
  for (;;) {
    if (!text.empty() && IsAsciiSpace(text.back())) {
      text.remove_suffix(1);
    } else if (utf8::EndsWith(text, "\xC2\xA0")) {
      text.remove_suffix(2);
    } else if (utf8::EndsWith(text, "\xE3\x80\x80")) {
      text.remove_suffix(3);
    } else {
      break;
    }
  }
  return text;
}

std::string CollapseSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t offset = 0;
  while (offset < text.size()) {
    if (!IsAsciiSpace(text[offset])) {
      const std::size_t run_end = static_cast<std::size_t>(
          std::find_if(text.begin() + static_cast<std::ptrdiff_t>(offset),
                       text.end(), IsAsciiSpace) -
          text.begin());
      out.append(text.substr(offset, run_end - offset));
      offset = run_end;
      continue;
    }
    const std::size_t after = static_cast<std::size_t>(
        std::find_if_not(text.begin() + static_cast<std::ptrdiff_t>(offset),
                         text.end(), IsAsciiSpace) -
        text.begin());
    const std::string_view run = text.substr(offset, after - offset);
    const bool breaks_line =
        run.find_first_of("\r\n") != std::string_view::npos;
    const bool previous_wide =
        !out.empty() && static_cast<unsigned char>(out.back()) >= 0x80;
    const bool next_wide =
        after < text.size() && static_cast<unsigned char>(text[after]) >= 0x80;
    if (!(breaks_line && previous_wide && next_wide) && !out.empty() &&
        after < text.size()) {
      out.push_back(' ');
    }
    offset = after;
  }
  return out;
}

std::string CollapseCellSpace(std::string_view text) {
  const auto is_space = [](char32_t cp) {
    return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' ||
           cp == U'\f' || cp == U'\v' || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000;
  };
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;  // a run of spaces since the last character
  bool previous_wide = false;
  for (std::size_t offset = 0; offset < text.size();) {
    const utf8::CodePoint cp = utf8::Decode(text, offset);
    if (is_space(cp.value)) {
      pending_space = !out.empty();
    } else {
      const bool wide = cp.value >= 0x80;
      if (pending_space && !(previous_wide && wide)) out.push_back(' ');
      pending_space = false;
      out.append(text.substr(offset, cp.length));
      previous_wide = wide;
    }
    offset += cp.length;
  }
  return out;
}

void Document::AddParagraph(std::string_view text) {
  const std::string_view trimmed = TrimLayoutSpace(text);
  if (trimmed.empty()) return;
  blocks_.emplace_back(ParagraphBlock{std::string(trimmed), {}, {}});
}

void Document::AddPagedParagraph(std::string text,
                                 std::vector<Text::PageMark> pages,
                                 std::vector<Text::OcrMark> ocr) {
  if (TrimLayoutSpace(text).empty()) return;
  blocks_.emplace_back(
      ParagraphBlock{std::move(text), std::move(pages), std::move(ocr)});
}

void Document::AddPageTitle(std::string_view text) {
  const std::string line = CollapseSpace(text);
  const std::string_view trimmed = TrimLayoutSpace(line);
  if (trimmed.empty()) return;
  blocks_.emplace_back(ParagraphBlock{std::string(trimmed), {}, {}, true});
}

void Document::AddTable(TableBlock table) {
  if (!table.rows.empty()) blocks_.emplace_back(std::move(table));
}

Text Document::ToText() const {
  Text text;
  const auto append_lines = [&](const ParagraphBlock& paragraph) {
    const std::string_view content = paragraph.text;
    std::size_t start = 0;
    while (start <= content.size()) {
      std::size_t end = content.find('\n', start);
      if (end == std::string_view::npos) end = content.size();
      const std::string_view line =
          TrimLayoutSpace(content.substr(start, end - start));
      start = end + 1;
      if (line.empty()) continue;
      if (paragraph.pages.empty()) {
        text.AppendLine(line);
        continue;
      }
      // The page at the line's start, then the breaks inside it.
      const std::size_t line_begin =
          static_cast<std::size_t>(line.data() - content.data());
      const std::size_t line_end = line_begin + line.size();
      std::vector<Text::PageMark> marks;
      for (const Text::PageMark& mark : paragraph.pages) {
        if (mark.offset <= line_begin) {
          marks.assign(1, {0, mark.page});
        } else if (mark.offset < line_end) {
          marks.push_back({mark.offset - line_begin, mark.page});
        }
      }
      // The OCR'd word the line starts in, then those that start in it.
      std::vector<Text::OcrMark> ocr;
      for (const Text::OcrMark& mark : paragraph.ocr) {
        if (mark.offset <= line_begin) {
          ocr.assign(1, {0, mark.confidence});
        } else if (mark.offset < line_end) {
          ocr.push_back({mark.offset - line_begin, mark.confidence});
        }
      }
      if (ocr.size() == 1 && ocr.front().confidence < 0) ocr.clear();
      text.AppendPagedLine(line, marks, ocr);
    }
  };
  for (const Block& block : blocks_) {
    if (const auto* paragraph = std::get_if<ParagraphBlock>(&block)) {
      const int first_line = text.line_count() + 1;
      append_lines(*paragraph);
      if (paragraph->page_title && text.line_count() >= first_line)
        text.MarkPageTitle(first_line);
      continue;
    }
    const TableBlock& table_block = std::get<TableBlock>(block);
    Table table;
    const std::vector<std::vector<Placement>> placed =
        LayOut(table_block, table.columns);
    table.rows = static_cast<int>(table_block.rows.size());
    for (std::size_t row = 0; row < table_block.rows.size(); ++row) {
      for (std::size_t index = 0; index < table_block.rows[row].size();
           ++index) {
        // A cell is one line: the paragraphs inside it are joined.
        const std::string joined =
            CollapseCellSpace(table_block.rows[row][index].text);
        const std::string_view cell_text = TrimLayoutSpace(joined);
        if (cell_text.empty()) continue;
        text.AppendLine(cell_text);
        const Placement& place = placed[row][index];
        const Line& line = text.lines().back();
        table.cells.push_back({text.line_count(), place.row, place.column,
                               place.row_span, place.column_span, line.begin,
                               line.end});
      }
    }
    if (table.cells.empty()) continue;
    table.first_line = table.cells.front().line;
    table.last_line = table.cells.back().line;
    text.AddTable(std::move(table));
  }
  return text;
}

}  // namespace lawreport::decode_internal
