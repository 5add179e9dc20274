#include "indicators/open_government_cells.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "lexicon/lexicon.h"
#include "template/open_government.h"

namespace lawreport::indicators_internal {
namespace {

using template_internal::ColumnSet;
using template_internal::TemplateColumn;
using template_internal::TemplatePart;
using template_internal::TemplateRow;

// Table 三 is the template's only when this many of its rows are
// recognised by their labels: one matching word could be chance.
constexpr int kMinRecognisedRequestRows = 3;
constexpr std::size_t kReviewBlock = 5;

// A column's unit that is a scale word and an amount's unit: 万元 is 万
// (scale_words.tsv, 10^4) and 元 (units.tsv, an amount), so its cells hold
// 元 once scaled.
struct ScaledUnit {
  int power = 0;
  std::string unit;  // the amount's unit written out: 元
};

std::optional<ScaledUnit> ScaledAmount(std::string_view column_unit) {
  struct Words {
    std::vector<std::pair<std::string, int>> scales;  // longest first
    std::map<std::string, std::string, std::less<>> amount_units;  // → base
  };
  static const Words words = [] {
    Words w;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("scale_words.tsv")) {
      const std::string_view power = row.Get("power");
      int value = 0;
      const auto [end, error] =
          std::from_chars(power.data(), power.data() + power.size(), value);
      if (error != std::errc() || end != power.data() + power.size())
        lexicon::BadLexicon("scale_words.tsv", row.line(), "bad power");
      w.scales.emplace_back(std::string(row.Get("word")), value);
    }
    std::stable_sort(w.scales.begin(), w.scales.end(),
                     [](const auto& a, const auto& b) {
                       return a.first.size() > b.first.size();
                     });
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("units.tsv")) {
      if (row.Get("kind") != "amount") continue;
      const std::string_view base = row.Get("base");
      w.amount_units.emplace(
          std::string(row.Get("unit")),
          std::string(base.empty() ? row.Get("unit") : base));
    }
    return w;
  }();
  for (const auto& [scale, power] : words.scales) {
    if (scale.empty() || !column_unit.starts_with(scale)) continue;
    const auto unit = words.amount_units.find(column_unit.substr(scale.size()));
    if (unit == words.amount_units.end()) return std::nullopt;
    return ScaledUnit{power, unit->second};
  }
  return std::nullopt;
}

struct Assignment {
  std::size_t figure;
  const TemplateRow* row;
  const TemplateColumn* column;
};

class CellNamer {
 public:
  CellNamer(const Text& text, const std::vector<Mention>& mentions,
            std::vector<TableFigure>& figures)
      : text_(text),
        mentions_(mentions),
        figures_(figures),
        model_(template_internal::OpenGovernment()) {
    for (const TemplateRow& row : model_.rows) {
      if (row.part == TemplatePart::kRequests) request_rows_.push_back(&row);
      if (row.part == TemplatePart::kReview) review_rows_.push_back(&row);
      if (row.part == TemplatePart::kActive) active_rows_.push_back(&row);
    }
  }

  void Run() {
    std::vector<Assignment> active;
    std::vector<Assignment> requests;
    std::vector<Assignment> review;
    int recognised_requests = 0;
    std::size_t next_request = 0;
    std::size_t next_review_block = 0;
    for (std::size_t first = 0; first < figures_.size();) {
      std::size_t last = first + 1;
      while (last < figures_.size() &&
             figures_[last].cell.table == figures_[first].cell.table &&
             figures_[last].cell.row == figures_[first].cell.row) {
        ++last;
      }
      const std::size_t count = last - first;
      const TableFigure& lead = figures_[first];
      const std::string_view label = lead.last_row_header.empty()
                                         ? std::string_view(lead.row_header)
                                         : lead.last_row_header;
      const std::string_view table_text = TableText(lead.cell.table);

      bool named = false;
      if (count <= 3 &&
          model_.WordsOf(TemplatePart::kActive).Fits(table_text)) {
        for (const TemplateRow* row : active_rows_) {
          if (!label.empty() && row->match.PartialMatch(label)) {
            named = Assign(*row, first, last, active);
            break;
          }
        }
      }
      // Table 四's blocks are never request rows, even when the report left
      // the last request rows out and a block has no label of its own.
      // (open_government_tables.tsv: 维持 and 纠正, and no 自然人).
      const bool review_table =
          model_.WordsOf(TemplatePart::kReview).HoldsAll(table_text) &&
          !model_.WordsOf(TemplatePart::kRequests).HoldsAll(table_text);
      if (!named && !review_table && next_request < request_rows_.size()) {
        std::optional<std::size_t> place;
        // The innermost row header, then all of them: a label wrapped in a
        // narrow column comes in pieces ("1．本机关不掌" / "（四）").
        for (const std::string_view text :
             {label, std::string_view(lead.row_header)}) {
          for (std::size_t j = next_request;
               j < request_rows_.size() && !text.empty() && !place; ++j) {
            if (request_rows_[j]->match.PartialMatch(text)) place = j;
          }
        }
        // A numbered label cut short by a narrow column ("1．本机关不掌"):
        // the next template row with that number.
        if (!place) {
          if (const std::optional<int> number =
                  NumberOfAnyPiece(lead.row_header)) {
            for (std::size_t j = next_request; j < request_rows_.size(); ++j) {
              if (ChildNumber(*request_rows_[j]) == number) {
                place = j;
                break;
              }
            }
          }
        }
        const bool recognised = place.has_value();
        // A row without a readable label takes the next place; one whose
        // label is another table's ("行政复议") is not a request row.
        if (!place && (label.empty() || !MatchesOtherPart(label))) {
          place = next_request;
          while (*place + 1 < request_rows_.size() && IsParent(*place))
            ++*place;
        }
        if (place && Assign(*request_rows_[*place], first, last, requests)) {
          named = true;
          next_request = *place + 1;
          if (recognised) ++recognised_requests;
        }
      }
      if (!named && count % kReviewBlock == 0 &&
          count / kReviewBlock <= review_rows_.size() &&
          model_.WordsOf(TemplatePart::kReview).Fits(table_text)) {
        std::size_t block = next_review_block;
        const std::string_view caption =
            label.empty() ? Caption(lead.cell.table) : label;
        // The most specific caption wins: 复议后起诉 names the last block,
        // though it mentions 复议 too.
        for (std::size_t k = 0; k < review_rows_.size(); ++k) {
          if (review_rows_[k]->match.PartialMatch(caption)) block = k;
        }
        const std::size_t blocks = count / kReviewBlock;
        if (block + blocks <= review_rows_.size()) {
          for (std::size_t b = 0; b < blocks; ++b) {
            const TemplateRow& row = *review_rows_[block + b];
            for (std::size_t i = 0; i < kReviewBlock; ++i) {
              review.push_back({first + b * kReviewBlock + i, &row,
                                &row.columns->columns[i]});
            }
          }
          next_review_block = block + blocks;
          named = true;
        }
      }
      first = last;
    }
    for (const Assignment& a : active) Apply(a);
    if (recognised_requests >= kMinRecognisedRequestRows) {
      for (const Assignment& a : requests) Apply(a);
    }
    for (const Assignment& a : review) Apply(a);
  }

 private:
  // "1.属于国家秘密", "2. 重复申请" → 1, 2 (normalized text).
  static std::optional<int> LeadingNumber(std::string_view label) {
    const std::size_t slash = label.rfind('/');
    if (slash != std::string_view::npos) label.remove_prefix(slash + 1);
    int number = 0;
    std::size_t at = 0;
    while (at < label.size() && at < 2 && label[at] >= '0' && label[at] <= '9')
      number = number * 10 + (label[at++] - '0');
    if (at == 0 || at >= label.size()) return std::nullopt;
    if (label[at] == '.' || label.substr(at, 3) == "、") return number;
    return std::nullopt;
  }

  // The number of the innermost numbered piece of a row header:
  // "…/1．本机关不掌/（四）" → 1.
  static std::optional<int> NumberOfAnyPiece(std::string_view header) {
    while (!header.empty()) {
      const std::size_t slash = header.rfind('/');
      const std::string_view piece =
          slash == std::string_view::npos ? header : header.substr(slash + 1);
      if (const std::optional<int> number = LeadingNumber(piece)) return number;
      if (slash == std::string_view::npos) break;
      header = header.substr(0, slash);
    }
    return std::nullopt;
  }

  // The number of a template row under its parent: "…/（三）不予公开/
  // 1.属于国家秘密" → 1.
  static std::optional<int> ChildNumber(const TemplateRow& row) {
    return LeadingNumber(row.label);
  }

  // （三）不予公开 stands over its numbered rows 1–8.
  bool IsParent(std::size_t j) const {
    const std::string& id = request_rows_[j]->id;
    const std::string& next = request_rows_[j + 1]->id;
    return next.size() > id.size() && next.compare(0, id.size(), id) == 0 &&
           next[id.size()] == '.';
  }

  bool MatchesOtherPart(std::string_view label) const {
    for (const TemplateRow* row : review_rows_) {
      if (row->match.PartialMatch(label)) return true;
    }
    for (const TemplateRow* row : active_rows_) {
      if (row->match.PartialMatch(label)) return true;
    }
    return false;
  }

  // The figures [first, last) of one table row as the row's columns: by
  // position when all are there, else by the header above each.
  bool Assign(const TemplateRow& row, std::size_t first, std::size_t last,
              std::vector<Assignment>& out) const {
    const ColumnSet& set = *row.columns;
    const std::size_t count = last - first;
    if (count == set.columns.size()) {
      for (std::size_t i = 0; i < count; ++i)
        out.push_back({first + i, &row, &set.columns[i]});
      return true;
    }
    std::vector<Assignment> found;
    std::vector<bool> taken(set.columns.size(), false);
    for (std::size_t i = first; i < last; ++i) {
      const std::string_view header = figures_[i].column_header;
      std::optional<std::size_t> column;
      for (std::size_t c = 0; c < set.columns.size() && !header.empty(); ++c) {
        if (!taken[c] && set.columns[c].match.PartialMatch(header)) {
          column = c;
          break;
        }
      }
      if (!column) return ByGridColumn(row, first, last, out);
      taken[*column] = true;
      found.push_back({i, &row, &set.columns[*column]});
    }
    out.insert(out.end(), found.begin(), found.end());
    return true;
  }

  // A row missing a figure ("—" where an office left a cell empty) whose
  // headers do not name its columns: the last figure is the set's last
  // column (总计), and the others stand where the grid puts them.
  bool ByGridColumn(const TemplateRow& row, std::size_t first, std::size_t last,
                    std::vector<Assignment>& out) const {
    const ColumnSet& set = *row.columns;
    const int last_column = figures_[last - 1].cell.column;
    std::vector<Assignment> found;
    for (std::size_t i = first; i < last; ++i) {
      const int from_end = last_column - figures_[i].cell.column;
      if (from_end < 0 ||
          static_cast<std::size_t>(from_end) >= set.columns.size()) {
        return false;
      }
      found.push_back({i, &row,
                       &set.columns[set.columns.size() - 1 -
                                    static_cast<std::size_t>(from_end)]});
    }
    out.insert(out.end(), found.begin(), found.end());
    return true;
  }

  void Apply(const Assignment& a) {
    TableFigure& figure = figures_[a.figure];
    figure.canonical = a.row->id + "." + a.column->key;
    figure.label = a.row->label + "/" + a.column->label;
    if (const std::optional<ScaledUnit> scaled = ScaledAmount(a.column->unit)) {
      // A header's 万元 may have scaled the number already.
      if (figure.unit != scaled->unit) {
        figure.value = mentions_[figure.mention].value.Scaled(scaled->power);
        figure.unit = scaled->unit;
      }
      figure.kind = UnitKind::kAmount;
    } else if (figure.unit.empty()) {
      figure.unit = a.column->unit;
      figure.kind = UnitKind::kCount;
    }
  }

  const Table& TableOf(int number) const {
    return text_.tables()[static_cast<std::size_t>(number - 1)];
  }

  // The nearest non-empty line before the table: a caption such as
  // "### 行政诉讼（复议后起诉）".
  std::string_view Caption(int number) const {
    const Table& table = TableOf(number);
    for (int line = table.first_line - 1;
         line >= 1 && line >= table.first_line - 3; --line) {
      const std::string_view content = text_.NormalizedLine(line);
      if (content.find_first_not_of(' ') != std::string_view::npos)
        return content;
    }
    return {};
  }

  // The table's lines and its caption, normalized.
  std::string_view TableText(int number) {
    auto [it, inserted] = table_text_.try_emplace(number);
    if (inserted) {
      const Table& table = TableOf(number);
      it->second = std::string(Caption(number));
      const Line& first =
          text_.lines()[static_cast<std::size_t>(table.first_line - 1)];
      const Line& last =
          text_.lines()[static_cast<std::size_t>(table.last_line - 1)];
      it->second += std::string_view(text_.normalized())
                        .substr(first.begin, last.end - first.begin);
    }
    return it->second;
  }

  const Text& text_;
  const std::vector<Mention>& mentions_;
  std::vector<TableFigure>& figures_;
  const template_internal::OpenGovernmentTemplate& model_;
  std::vector<const TemplateRow*> request_rows_;
  std::vector<const TemplateRow*> review_rows_;
  std::vector<const TemplateRow*> active_rows_;
  std::map<int, std::string> table_text_;
};

}  // namespace

void NameOpenGovernmentCells(const Text& text,
                             const std::vector<Mention>& mentions,
                             std::vector<TableFigure>& figures) {
  CellNamer(text, mentions, figures).Run();
}

}  // namespace lawreport::indicators_internal
