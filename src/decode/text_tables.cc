#include "decode/text_tables.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "util/utf8.h"

namespace lawreport::decode_internal {
namespace {

// Lines of text that may stand between two rows of one table: a wrapped row
// label, a caption (第二十条第（五）项), a vertical label read as one line.
constexpr int kMaxLinesBetweenRows = 8;
// Longer lines between rows are prose: the table has ended.
constexpr std::size_t kMaxCharsBetweenRows = 48;

enum class RowKind { kNone, kRow, kSeparator };
enum class Layout { kTabs, kPipes, kSpaces };

struct Field {
  std::size_t begin = 0;  // normalized, trimmed
  std::size_t end = 0;
  bool number = false;
};

struct RowLine {
  int line = 0;
  Layout layout = Layout::kSpaces;
  std::vector<Field> fields;
};

bool HasAtMostChars(std::string_view text, std::size_t limit) {
  // Each character takes at least one byte: a short text is short.
  if (text.size() <= limit) return true;
  return utf8::CountChars(text) <= limit;
}

// "95", "1,186", "5949.088667", "99.74%": a cell that is one figure. "-"
// and other placeholders are not.
bool IsBareNumber(std::string_view text) {
  std::size_t at = 0;
  if (at < text.size() && (text[at] == '-' || text[at] == '+')) ++at;
  const std::size_t digits_begin = at;
  while (at < text.size() && ((text[at] >= '0' && text[at] <= '9') ||
                              (text[at] == ',' && at > digits_begin))) {
    ++at;
  }
  if (at == digits_begin || text[at - 1] == ',') return false;
  if (at < text.size() && text[at] == '.') {
    const std::size_t fraction = ++at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == fraction) return false;
  }
  if (at < text.size() && text[at] == '%') ++at;
  return at == text.size();
}

bool IsSeparatorField(std::string_view text) {
  bool dash = false;
  for (const char c : text) {
    if (c == '-') {
      dash = true;
    } else if (c != ':' && c != ' ') {
      return false;
    }
  }
  return dash;
}

// Adds the trimmed normalized stretch [begin, end) as a field, if any.
void AddField(std::string_view normalized, std::size_t begin, std::size_t end,
              std::vector<Field>& fields) {
  const std::string_view piece =
      utf8::TrimSpaces(normalized.substr(begin, end - begin));
  if (piece.empty()) return;
  // Columns set close together leave one space between two figures
  // ("50 0" from a PDF row): each is a cell of its own.
  if (piece.find(' ') != std::string_view::npos) {
    std::vector<std::string_view> words;
    bool all_numbers = true;
    for (std::size_t at = 0; at < piece.size() && all_numbers;) {
      const std::size_t space = std::min(piece.find(' ', at), piece.size());
      const std::string_view word = piece.substr(at, space - at);
      if (!word.empty()) {
        all_numbers = IsBareNumber(word);
        words.push_back(word);
      }
      at = space + 1;
    }
    if (all_numbers && words.size() >= 2) {
      for (const std::string_view word : words) {
        const std::size_t offset =
            static_cast<std::size_t>(word.data() - normalized.data());
        fields.push_back({offset, offset + word.size(), true});
      }
      return;
    }
  }
  Field field;
  field.begin = static_cast<std::size_t>(piece.data() - normalized.data());
  field.end = field.begin + piece.size();
  field.number = IsBareNumber(piece);
  fields.push_back(field);
}

class TableFinder {
 public:
  explicit TableFinder(Text& text)
      : text_(text), normalized_(text.normalized()) {}

  void Run() {
    std::vector<Table> found;
    std::vector<RowLine> rows;
    int between = 0;  // lines since the last row
    const auto close = [&] {
      if (std::optional<Table> table = Build(rows)) found.push_back(*table);
      rows.clear();
      between = 0;
    };
    for (int number = 1; number <= text_.line_count(); ++number) {
      if (text_.TableAt(number) != nullptr) {
        close();
        continue;
      }
      RowLine row;
      row.line = number;
      const RowKind kind = Split(number, row);
      if (kind == RowKind::kSeparator) {
        ++between;
        continue;
      }
      if (kind == RowKind::kRow) {
        rows.push_back(std::move(row));
        between = 0;
        continue;
      }
      if (rows.empty()) continue;
      const std::string_view content = utf8::TrimSpaces(LineText(number));
      if (content.empty()) continue;
      ++between;
      if (between > kMaxLinesBetweenRows || EndsTable(content)) close();
    }
    close();
    for (Table& table : found) text_.AddTable(std::move(table));
  }

 private:
  std::string_view LineText(int number) const {
    const Line& line = text_.lines()[static_cast<std::size_t>(number - 1)];
    return std::string_view(normalized_)
        .substr(line.begin, line.end - line.begin);
  }

  // A heading of the first level ("三、收到和处理…"), a markdown heading, a
  // finished sentence or a long line of prose: no longer the table.
  static bool EndsTable(std::string_view content) {
    if (content.front() == '#') return true;
    if (!HasAtMostChars(content, kMaxCharsBetweenRows)) return true;
    if (content.size() >= 3 && content.substr(content.size() - 3) == "。")
      return true;
    return FirstLevelMarker(content);
  }

  static bool IsChineseDigit(char32_t cp) {
    return std::u32string_view(U"一二三四五六七八九十").find(cp) !=
           std::u32string_view::npos;
  }

  // "三、" written without a space: the vertical label "三 、本 年 度…" of a
  // PDF table is not a heading.
  static bool FirstLevelMarker(std::string_view content) {
    std::size_t at = 0;
    int digits = 0;
    while (at < content.size()) {
      const utf8::CodePoint cp = utf8::Decode(content, at);
      if (!IsChineseDigit(cp.value)) break;
      ++digits;
      at += cp.length;
    }
    return digits > 0 && digits <= 3 && content.substr(at, 3) == "、";
  }

  // The outline level a row label's marker gives: 1 for "一、", 2 for
  // "(一)", 3 for "1." or "1、", 4 for "(1)"; 0 without a marker.
  static int MarkerLevel(std::string_view label) {
    if (FirstLevelMarker(label)) return 1;
    std::size_t at = 0;
    const bool open = !label.empty() && label[0] == '(';
    if (open) ++at;
    bool chinese = false;
    bool arabic = false;
    while (at < label.size()) {
      const utf8::CodePoint cp = utf8::Decode(label, at);
      if (IsChineseDigit(cp.value)) {
        chinese = true;
      } else if (cp.value >= '0' && cp.value <= '9') {
        arabic = true;
      } else {
        break;
      }
      at += cp.length;
    }
    if (chinese == arabic) return 0;
    if (open) {
      if (at >= label.size() || label[at] != ')') return 0;
      return chinese ? 2 : 4;
    }
    if (arabic && at < label.size() &&
        (label[at] == '.' || label.substr(at, 3) == "、")) {
      return 3;
    }
    return 0;
  }

  RowKind Split(int number, RowLine& row) const {
    const Line& line = text_.lines()[static_cast<std::size_t>(number - 1)];
    const std::string_view normalized = normalized_;
    const std::string_view content = LineText(number);
    const std::string_view trimmed = utf8::TrimSpaces(content);
    if (trimmed.empty()) return RowKind::kNone;
    const std::string_view source =
        std::string_view(text_.source())
            .substr(line.source_begin, line.source_end - line.source_begin);

    if (source.find('\t') != std::string_view::npos) {
      row.layout = Layout::kTabs;
      std::size_t start = 0;
      while (start <= source.size()) {
        std::size_t tab = source.find('\t', start);
        if (tab == std::string_view::npos) tab = source.size();
        AddField(normalized, text_.NormalizedOffset(line.source_begin + start),
                 text_.NormalizedOffset(line.source_begin + tab), row.fields);
        start = tab + 1;
      }
      return row.fields.size() >= 2 ? RowKind::kRow : RowKind::kNone;
    }

    if (trimmed.front() == '|') {
      row.layout = Layout::kPipes;
      const std::size_t base =
          static_cast<std::size_t>(trimmed.data() - normalized.data());
      std::size_t start = 1;
      bool separator = true;
      while (start < trimmed.size()) {
        std::size_t bar = trimmed.find('|', start);
        if (bar == std::string_view::npos) bar = trimmed.size();
        const std::string_view piece =
            utf8::TrimSpaces(trimmed.substr(start, bar - start));
        if (!piece.empty() && !IsSeparatorField(piece)) separator = false;
        AddField(normalized, base + start, base + bar, row.fields);
        start = bar + 1;
      }
      if (separator && !row.fields.empty()) return RowKind::kSeparator;
      // A placeholder row ("| - | - |") holds no cells.
      row.fields.erase(
          std::remove_if(row.fields.begin(), row.fields.end(),
                         [&](const Field& field) {
                           return IsSeparatorField(normalized.substr(
                               field.begin, field.end - field.begin));
                         }),
          row.fields.end());
      return row.fields.size() >= 2 ? RowKind::kRow : RowKind::kNone;
    }

    // Columns aligned with spaces: two or more spaces part the cells.
    row.layout = Layout::kSpaces;
    const std::size_t base =
        static_cast<std::size_t>(trimmed.data() - normalized.data());
    std::size_t start = 0;
    for (std::size_t at = 0; at < trimmed.size();) {
      if (trimmed[at] != ' ') {
        ++at;
        continue;
      }
      std::size_t gap_end = at;
      while (gap_end < trimmed.size() && trimmed[gap_end] == ' ') ++gap_end;
      if (gap_end - at >= 2) {
        AddField(normalized, base + start, base + at, row.fields);
        start = gap_end;
      }
      at = gap_end;
    }
    AddField(normalized, base + start, base + trimmed.size(), row.fields);
    if (row.fields.size() < 2) return RowKind::kNone;
    const bool any_number =
        std::any_of(row.fields.begin(), row.fields.end(),
                    [](const Field& field) { return field.number; });
    if (any_number) return RowKind::kRow;
    // Headers of an aligned table: short words, several of them.
    const bool short_words =
        std::all_of(row.fields.begin(), row.fields.end(), [&](const Field& f) {
          return HasAtMostChars(normalized.substr(f.begin, f.end - f.begin),
                                16);
        });
    return short_words ? RowKind::kRow : RowKind::kNone;
  }

  struct PlannedRow {
    const RowLine* line = nullptr;
    std::vector<Field> labels;  // leading text cells (or wrapped lines)
    std::vector<int> label_lines;
    std::vector<Field> values;           // the cells from the first figure on
    std::vector<std::size_t> ancestors;  // label cells spanning into this row
    bool header = false;                 // no figure in it
    bool consumed = false;  // words taken into the label of a row below
  };

  std::optional<Table> Build(const std::vector<RowLine>& rows) const {
    if (rows.size() < 2) return std::nullopt;
    const bool any_figures =
        std::any_of(rows.begin(), rows.end(), [](const RowLine& row) {
          return std::any_of(row.fields.begin(), row.fields.end(),
                             [](const Field& field) { return field.number; });
        });
    if (!any_figures) return std::nullopt;

    std::vector<PlannedRow> planned;
    planned.reserve(rows.size());
    int previous_line = rows.front().line - 1;
    // The last row with figures, and the rows of words since it.
    std::optional<std::size_t> previous_figures;
    for (std::size_t index = 0; index < rows.size(); ++index) {
      const RowLine& row = rows[index];
      PlannedRow plan;
      plan.line = &row;
      const auto first_number =
          std::find_if(row.fields.begin(), row.fields.end(),
                       [](const Field& field) { return field.number; });
      plan.header = first_number == row.fields.end();
      if (plan.header) {
        plan.values = row.fields;
        planned.push_back(std::move(plan));
        previous_line = row.line;
        continue;
      }
      plan.labels.assign(row.fields.begin(), first_number);
      plan.label_lines.assign(plan.labels.size(), row.line);
      plan.values.assign(first_number, row.fields.end());
      const bool bare = std::all_of(
          plan.labels.begin(), plan.labels.end(),
          [&](const Field& field) { return IsBareMarker(Content(field)); });
      if (bare && previous_figures) {
        // A label wrapped in a narrow column is set around its figures
        // (pdftotext -layout): "1．本机关不掌" above "（四）  3  1 …", and
        // words of it may look like a row of headers ("果   1．本机关不掌").
        // Everything since the last row of figures is this row's label.
        PlannedRow wrapped;
        std::size_t next_row = *previous_figures + 1;
        for (int above = rows[*previous_figures].line + 1; above < row.line;
             ++above) {
          if (next_row < index && rows[next_row].line == above) {
            planned[next_row].consumed = true;
            for (const Field& field : rows[next_row].fields) {
              wrapped.labels.push_back(field);
              wrapped.label_lines.push_back(above);
            }
            ++next_row;
            continue;
          }
          AddLineAsLabel(above, wrapped);
        }
        plan.labels.insert(plan.labels.begin(), wrapped.labels.begin(),
                           wrapped.labels.end());
        plan.label_lines.insert(plan.label_lines.begin(),
                                wrapped.label_lines.begin(),
                                wrapped.label_lines.end());
      } else if (plan.labels.empty()) {
        // A numbers-only row: its label is the text wrapped over the lines
        // just above it ("（二）部分公开（区分处理的，只计这一情 形，不" /
        // "计其他情形）").
        for (int above = previous_line + 1; above < row.line; ++above)
          AddLineAsLabel(above, plan);
      }
      previous_line = row.line;
      previous_figures = index;
      planned.push_back(std::move(plan));
    }

    // Row labels under a deeper marker stay under the label above them: a
    // stack of open label cells, by outline level. Cells are numbered in
    // the order they will be emitted.
    struct Open {
      int level;
      std::size_t row;    // planned row
      std::size_t index;  // label index in that row
    };
    std::vector<Open> open;
    std::size_t label_columns = 0;
    std::size_t value_columns = 0;
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> inherited(
        planned.size());
    for (std::size_t r = 0; r < planned.size(); ++r) {
      PlannedRow& plan = planned[r];
      if (plan.header) {
        if (!plan.consumed) open.clear();
        continue;
      }
      value_columns = std::max(value_columns, plan.values.size());
      if (!plan.labels.empty()) {
        const int level = MarkerLevel(Content(plan.labels.front()));
        while (!open.empty() && (level == 0 || open.back().level >= level))
          open.pop_back();
      }
      for (const Open& ancestor : open)
        inherited[r].push_back({ancestor.row, ancestor.index});
      for (std::size_t i = 0; i < plan.labels.size(); ++i) {
        int level = MarkerLevel(Content(plan.labels[i]));
        if (level == 0) level = i == 0 ? 0 : 9;
        // Only marked labels can be parents of the rows below.
        if (level > 0 && level < 9) open.push_back({level, r, i});
      }
      label_columns =
          std::max(label_columns, inherited[r].size() + plan.labels.size());
    }
    const std::size_t width = label_columns + value_columns;
    if (width < 2) return std::nullopt;

    Table table;
    table.from_text = true;
    table.rows = static_cast<int>(planned.size());
    table.columns = static_cast<int>(width);
    // Where each label cell went, to stretch its span down later.
    std::vector<std::vector<std::size_t>> label_cell(planned.size());
    for (std::size_t r = 0; r < planned.size(); ++r) {
      const PlannedRow& plan = planned[r];
      if (plan.header && plan.consumed) continue;
      if (plan.header) {
        const std::size_t start =
            width > plan.values.size() ? width - plan.values.size() : 0;
        for (std::size_t i = 0; i < plan.values.size() && start + i < width;
             ++i) {
          table.cells.push_back(Cell(plan.line->line, plan.values[i],
                                     static_cast<int>(r),
                                     static_cast<int>(start + i)));
        }
        continue;
      }
      for (const auto& [row, index] : inherited[r]) {
        TableCell& cell = table.cells[label_cell[row][index]];
        cell.row_span = static_cast<int>(r) - cell.row + 1;
      }
      const std::size_t first_label = inherited[r].size();
      for (std::size_t i = 0; i < plan.labels.size(); ++i) {
        label_cell[r].push_back(table.cells.size());
        table.cells.push_back(Cell(
            plan.label_lines[i], plan.labels[i], static_cast<int>(r),
            static_cast<int>(std::min(first_label + i, label_columns - 1))));
      }
      const std::size_t start = width - plan.values.size();
      for (std::size_t i = 0; i < plan.values.size(); ++i) {
        table.cells.push_back(Cell(plan.line->line, plan.values[i],
                                   static_cast<int>(r),
                                   static_cast<int>(start + i)));
      }
    }
    std::stable_sort(table.cells.begin(), table.cells.end(),
                     [](const TableCell& a, const TableCell& b) {
                       return a.begin < b.begin;
                     });
    table.first_line = table.cells.front().line;
    table.last_line = table.cells.back().line;
    return table;
  }

  // The trimmed line `number` as one more label cell of `plan`.
  void AddLineAsLabel(int number, PlannedRow& plan) const {
    std::vector<Field> fields;
    const Line& info = text_.lines()[static_cast<std::size_t>(number - 1)];
    AddField(normalized_, info.begin, info.end, fields);
    for (const Field& field : fields) {
      plan.labels.push_back(field);
      plan.label_lines.push_back(number);
    }
  }

  // "(三)", "四、", "1.": a marker with nothing after it.
  static bool IsBareMarker(std::string_view label) {
    if (MarkerLevel(label) == 0) return false;
    const std::size_t close = label.find(')');
    if (label.front() == '(')
      return close != std::string_view::npos && close + 1 == label.size();
    return utf8::EndsWith(label, "、") || label.back() == '.';
  }

  std::string_view Content(const Field& field) const {
    return std::string_view(normalized_)
        .substr(field.begin, field.end - field.begin);
  }

  static TableCell Cell(int line, const Field& field, int row, int column) {
    TableCell cell;
    cell.line = line;
    cell.row = row;
    cell.column = column;
    cell.begin = field.begin;
    cell.end = field.end;
    return cell;
  }

  Text& text_;
  const std::string& normalized_;
};

}  // namespace

void FindTextTables(Text& text) { TableFinder(text).Run(); }

}  // namespace lawreport::decode_internal
