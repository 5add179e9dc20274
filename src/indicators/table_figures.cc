#include "indicators/table_figures.h"

#include <algorithm>
#include <string_view>

#include "indicators/figure_rules.h"
#include "indicators/open_government_cells.h"
#include "lexicon/lexicon.h"
#include "util/utf8.h"

namespace lawreport::indicators_internal {
namespace {

constexpr std::size_t kMaxGridPlaces = 4'000'000;

struct CellFacts {
  const TableCell* cell = nullptr;
  std::size_t begin = 0;  // trimmed normalized range of the cell's line
  std::size_t end = 0;
  std::optional<std::size_t> figure;  // the mention, when it is the whole cell
  bool header = false;                // a text cell that can name figures
};

bool HasWords(std::string_view text) {
  for (std::size_t offset = 0; offset < text.size();) {
    const utf8::CodePoint cp = utf8::Decode(text, offset);
    offset += cp.length;
    if ((cp.value >= 0x4E00 && cp.value <= 0x9FFF) ||
        (cp.value >= 'A' && cp.value <= 'Z') ||
        (cp.value >= 'a' && cp.value <= 'z')) {
      return true;
    }
  }
  return false;
}

// The word before a header's unit, "单位:" (label_words.tsv header_unit).
const std::string& UnitWord() {
  static const std::string word = [] {
    std::string found;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("label_words.tsv")) {
      if (row.Get("role") != "header_unit") continue;
      if (!found.empty())
        lexicon::BadLexicon("label_words.tsv", row.line(),
                            "header_unit holds one word");
      found = std::string(row.Get("word"));
    }
    if (found.empty())
      lexicon::BadLexicon("label_words.tsv", 0, "no header_unit word");
    return found;
  }();
  return word;
}

// "金额(万元)", "数量（件）", "本年收费金额（单位：万元）", "单位:件" →
// "万元", "件", "万元", "件" (normalized text).
std::string_view HeaderUnit(std::string_view header) {
  const std::string& kUnitWord = UnitWord();
  if (!header.empty() && header.back() == ')') {
    const std::size_t open = header.rfind('(');
    if (open != std::string_view::npos)
      header = header.substr(open + 1, header.size() - open - 2);
  }
  if (const std::size_t at = header.rfind(kUnitWord);
      at != std::string_view::npos) {
    return utf8::TrimSpaces(header.substr(at + kUnitWord.size()));
  }
  return header;
}

// The number of a cell read with a header's unit after it: "120" and
// "万元" → 1200000 元. nullopt when the pair does not read as one figure.
std::optional<Mention> WithUnit(std::string_view number,
                                std::string_view unit) {
  if (unit.empty() || unit.size() > 12) return std::nullopt;
  Text probe;
  probe.AppendLine(std::string(number) + std::string(unit));
  const std::vector<Mention> found = FindMentions(probe);
  if (found.size() != 1 || found[0].begin != 0 ||
      found[0].end != probe.normalized().size() || found[0].unit.empty()) {
    return std::nullopt;
  }
  return found[0];
}

class TableReader {
 public:
  TableReader(const Text& text, const std::vector<Mention>& mentions,
              const Table& table, int number)
      : text_(text), mentions_(mentions), table_(table), number_(number) {}

  void Read(std::vector<TableFigure>& out) {
    if (table_.rows <= 0 || table_.columns <= 0 ||
        static_cast<std::size_t>(table_.rows) *
                static_cast<std::size_t>(table_.columns) >
            kMaxGridPlaces) {
      return;
    }
    Classify();
    grid_.assign(static_cast<std::size_t>(table_.rows) *
                     static_cast<std::size_t>(table_.columns),
                 -1);
    figure_row_.assign(static_cast<std::size_t>(table_.rows), false);
    for (std::size_t index = 0; index < cells_.size(); ++index) {
      const TableCell& cell = *cells_[index].cell;
      for (int row = cell.row;
           row < std::min(table_.rows, cell.row + cell.row_span); ++row) {
        for (int column = cell.column;
             column < std::min(table_.columns, cell.column + cell.column_span);
             ++column) {
          At(row, column) = static_cast<int>(index);
        }
      }
      if (cells_[index].figure)
        figure_row_[static_cast<std::size_t>(cell.row)] = true;
    }
    for (std::size_t index = 0; index < cells_.size(); ++index) {
      if (cells_[index].figure) out.push_back(Figure(index));
    }
  }

 private:
  int& At(int row, int column) {
    return grid_[static_cast<std::size_t>(row) *
                     static_cast<std::size_t>(table_.columns) +
                 static_cast<std::size_t>(column)];
  }

  void Classify() {
    const std::string& normalized = text_.normalized();
    for (const TableCell& cell : table_.cells) {
      const Line& line = text_.lines()[static_cast<std::size_t>(cell.line - 1)];
      const std::size_t cell_begin =
          cell.end > cell.begin ? cell.begin : line.begin;
      const std::size_t cell_end = cell.end > cell.begin ? cell.end : line.end;
      const std::string_view content =
          std::string_view(normalized)
              .substr(cell_begin, cell_end - cell_begin);
      const std::string_view trimmed = utf8::TrimSpaces(content);
      CellFacts facts;
      facts.cell = &cell;
      facts.begin = cell_begin +
                    static_cast<std::size_t>(trimmed.data() - content.data());
      facts.end = facts.begin + trimmed.size();
      // The mentions inside the cell: a figure when one covers it all.
      auto first = std::lower_bound(
          mentions_.begin(), mentions_.end(), facts.begin,
          [](const Mention& m, std::size_t offset) { return m.end <= offset; });
      std::size_t inside = 0;
      std::optional<std::size_t> whole;
      for (auto it = first; it != mentions_.end() && it->begin < facts.end;
           ++it) {
        ++inside;
        if (std::min(it->begin, it->qualifier_begin) == facts.begin &&
            it->end == facts.end && !IsYear(*it)) {
          whole = static_cast<std::size_t>(it - mentions_.begin());
        }
      }
      // In a table written as text a figure is written in digits: a lone
      // "三" is a letter of a label set one character per line.
      const bool digits =
          !trimmed.empty() && ((trimmed[0] >= '0' && trimmed[0] <= '9') ||
                               trimmed[0] == '-' || trimmed[0] == '+');
      if (inside == 1 && whole && (digits || !table_.from_text)) {
        facts.figure = whole;
      } else {
        facts.header = HasWords(trimmed);
      }
      cells_.push_back(facts);
    }
  }

  std::string_view SourceOf(const CellFacts& facts) const {
    return utf8::TrimSpaces(text_.SourceOf(facts.begin, facts.end));
  }
  std::string_view NormalizedOf(const CellFacts& facts) const {
    return std::string_view(text_.normalized())
        .substr(facts.begin, facts.end - facts.begin);
  }

  TableFigure Figure(std::size_t index) {
    const CellFacts& facts = cells_[index];
    const int row = facts.cell->row;
    const int column = facts.cell->column;

    std::vector<int> row_headers;
    for (int left = 0; left < column; ++left) {
      const int other = At(row, left);
      if (other >= 0 && cells_[static_cast<std::size_t>(other)].header &&
          std::find(row_headers.begin(), row_headers.end(), other) ==
              row_headers.end()) {
        row_headers.push_back(other);
      }
    }
    // The block of figure rows this row belongs to, and the header band
    // directly above it.
    int block_start = row;
    while (block_start > 0 &&
           figure_row_[static_cast<std::size_t>(block_start - 1)])
      --block_start;
    int band_start = block_start;
    while (band_start > 0 &&
           !figure_row_[static_cast<std::size_t>(band_start - 1)])
      --band_start;
    std::vector<int> column_headers;
    for (int above = band_start; above < block_start; ++above) {
      const int other = At(above, column);
      if (other >= 0 && cells_[static_cast<std::size_t>(other)].header &&
          std::find(column_headers.begin(), column_headers.end(), other) ==
              column_headers.end() &&
          std::find(row_headers.begin(), row_headers.end(), other) ==
              row_headers.end()) {
        column_headers.push_back(other);
      }
    }

    TableFigure figure;
    const Mention& m = mentions_[*facts.figure];
    figure.mention = *facts.figure;
    figure.begin = facts.begin;
    figure.end = facts.end;
    for (const std::vector<int>* part : {&row_headers, &column_headers}) {
      for (const int header : *part) {
        if (!figure.label.empty()) figure.label += '/';
        figure.label += SourceOf(cells_[static_cast<std::size_t>(header)]);
      }
    }
    for (const int header : row_headers) {
      if (!figure.row_header.empty()) figure.row_header += '/';
      figure.row_header +=
          NormalizedOf(cells_[static_cast<std::size_t>(header)]);
    }
    if (!row_headers.empty()) {
      figure.last_row_header =
          NormalizedOf(cells_[static_cast<std::size_t>(row_headers.back())]);
    }
    if (!column_headers.empty()) {
      figure.column_header =
          NormalizedOf(cells_[static_cast<std::size_t>(column_headers.back())]);
    }
    figure.value = m.value;
    figure.upper = m.upper;
    figure.unit = m.unit;
    figure.kind = m.kind == UnitKind::kNone ? UnitKind::kCount : m.kind;
    figure.qualifier = m.qualifier;
    if (m.unit.empty()) {
      // The nearest header naming a unit: the column's lowest, then the
      // row's rightmost.
      std::vector<int> nearest(column_headers.rbegin(), column_headers.rend());
      nearest.insert(nearest.end(), row_headers.rbegin(), row_headers.rend());
      for (const int header : nearest) {
        const std::string_view unit =
            HeaderUnit(NormalizedOf(cells_[static_cast<std::size_t>(header)]));
        if (std::optional<Mention> read =
                WithUnit(std::string_view(text_.normalized())
                             .substr(m.number_begin, m.end - m.number_begin),
                         unit)) {
          figure.value = read->value;
          figure.upper = read->upper;
          figure.unit = read->unit;
          figure.kind = read->kind;
          break;
        }
      }
    }
    figure.cell = {number_, row, column};
    return figure;
  }

  const Text& text_;
  const std::vector<Mention>& mentions_;
  const Table& table_;
  int number_;
  std::vector<CellFacts> cells_;
  std::vector<int> grid_;
  std::vector<bool> figure_row_;
};

}  // namespace

std::vector<TableFigure> FindTableFigures(
    const Text& text, const std::vector<Mention>& mentions) {
  std::vector<TableFigure> figures;
  int number = 0;
  for (const Table& table : text.tables()) {
    TableReader(text, mentions, table, ++number).Read(figures);
  }
  if (!figures.empty()) NameOpenGovernmentCells(text, mentions, figures);
  return figures;
}

}  // namespace lawreport::indicators_internal
