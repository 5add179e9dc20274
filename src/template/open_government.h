// The national template of the 政府信息公开工作年度报告 (since 2021), as data:
// the rows and columns of its tables 二, 三 and 四, the canonical id of
// every cell, the identities between cells, and the words that tell its
// tables apart. Internal; read from
// data/templates/open_government_{rows,columns,checks,tables}.tsv, compiled
// in.
//
//   row   xxgk.requests.new  "一、本年新收政府信息公开申请数量"  columns
//   applicants column applicants.natural_person "自然人" → the cell
//   一、本年新收…/自然人 is xxgk.requests.new.natural_person check
//   requests.balance: requests.result.total + requests.carried_forward
//         = requests.new + requests.carried_over, once per column
#ifndef LAWREPORT_TEMPLATE_OPEN_GOVERNMENT_H_
#define LAWREPORT_TEMPLATE_OPEN_GOVERNMENT_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "util/regex.h"

namespace lawreport::template_internal {

struct TemplateColumn {
  std::string key;    // "natural_person"
  std::string label;  // "自然人"
  std::string unit;   // "件"; "万元" scales the cell's number to 元
  Regex match;        // on the lowest column header above a figure
};

struct ColumnSet {
  std::string name;  // "applicants"
  std::vector<TemplateColumn> columns;
};

enum class TemplatePart { kActive, kRequests, kReview };

struct TemplateRow {
  TemplatePart part = TemplatePart::kRequests;
  std::string id;     // "xxgk.requests.new"
  std::string label;  // "一、本年新收政府信息公开申请数量"
  Regex match;        // on the row's label
  const ColumnSet* columns = nullptr;
};

// total = parts, over canonical ids without "xxgk.": row ids (across
// columns) or column keys (across rows). "X.*" is every row under X.
struct TemplateCheck {
  TemplatePart part = TemplatePart::kRequests;
  std::string name;  // "balance"
  std::vector<std::string> total;
  std::vector<std::string> parts;
  bool across_columns = true;
};

// The words a report's table holds when it is one part's table: every word
// of `all` and, when `any` is not empty, one of `any` ("维持", "纠正" and
// one of "复议", "诉讼" for table 四).
struct TableWords {
  std::vector<std::string> all;
  std::vector<std::string> any;

  bool HoldsAll(std::string_view text) const;
  bool HoldsAny(std::string_view text) const;  // true when `any` is empty
  bool Fits(std::string_view text) const {
    return HoldsAll(text) && HoldsAny(text);
  }
};

struct OpenGovernmentTemplate {
  std::vector<ColumnSet> column_sets;
  std::vector<TemplateRow> rows;  // in the template's order
  std::vector<TemplateCheck> checks;
  // By part: [kActive], [kRequests], [kReview].
  std::array<TableWords, 3> table_words;

  const TableWords& WordsOf(TemplatePart part) const {
    return table_words[static_cast<std::size_t>(part)];
  }
};

// Built on first use; a malformed data file stops the program with its
// file and line (lexicon::BadLexicon), which every test run catches.
const OpenGovernmentTemplate& OpenGovernment();

}  // namespace lawreport::template_internal

#endif  // LAWREPORT_TEMPLATE_OPEN_GOVERNMENT_H_
