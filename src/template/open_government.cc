#include "template/open_government.h"

#include <deque>
#include <string_view>

#include "lexicon/lexicon.h"
#include "util/utf8.h"

namespace lawreport::template_internal {
namespace {

constexpr std::string_view kRowsFile = "open_government_rows.tsv";
constexpr std::string_view kColumnsFile = "open_government_columns.tsv";
constexpr std::string_view kChecksFile = "open_government_checks.tsv";
constexpr std::string_view kTablesFile = "open_government_tables.tsv";

std::string_view Required(const lexicon::TsvRow& row, std::string_view file,
                          std::string_view column) {
  const std::string_view value = row.Get(column);
  if (value.empty()) {
    lexicon::BadLexicon(file, row.line(),
                        "the column \"" + std::string(column) + "\" is empty");
  }
  return value;
}

Regex Compiled(const lexicon::TsvRow& row, std::string_view file,
               std::string_view column) {
  Regex regex(Required(row, file, column));
  if (!regex.ok()) lexicon::BadLexicon(file, row.line(), regex.error());
  return regex;
}

TemplatePart PartOf(const lexicon::TsvRow& row, std::string_view file) {
  const std::string_view part = Required(row, file, "part");
  if (part == "active") return TemplatePart::kActive;
  if (part == "requests") return TemplatePart::kRequests;
  if (part == "review") return TemplatePart::kReview;
  lexicon::BadLexicon(file, row.line(),
                      "part must be active, requests or review, not \"" +
                          std::string(part) + "\"");
}

// "a + b.* + c" → {"a", "b.*", "c"}.
std::vector<std::string> Terms(std::string_view sum) {
  std::vector<std::string> terms;
  std::size_t start = 0;
  while (start <= sum.size()) {
    std::size_t plus = sum.find('+', start);
    if (plus == std::string_view::npos) plus = sum.size();
    const std::string_view term =
        utf8::TrimSpaces(sum.substr(start, plus - start));
    if (!term.empty()) terms.emplace_back(term);
    start = plus + 1;
  }
  return terms;
}

OpenGovernmentTemplate Load() {
  OpenGovernmentTemplate model;
  for (const lexicon::TsvRow& row : lexicon::ReadTsv(kColumnsFile)) {
    const std::string_view set = Required(row, kColumnsFile, "set");
    if (model.column_sets.empty() || model.column_sets.back().name != set)
      model.column_sets.push_back({std::string(set), {}});
    model.column_sets.back().columns.push_back(
        {std::string(Required(row, kColumnsFile, "key")),
         std::string(Required(row, kColumnsFile, "label")),
         std::string(Required(row, kColumnsFile, "unit")),
         Compiled(row, kColumnsFile, "match")});
  }
  for (const lexicon::TsvRow& row : lexicon::ReadTsv(kRowsFile)) {
    TemplateRow entry{PartOf(row, kRowsFile),
                      std::string(Required(row, kRowsFile, "id")),
                      std::string(Required(row, kRowsFile, "label")),
                      Compiled(row, kRowsFile, "match"), nullptr};
    const std::string_view set = Required(row, kRowsFile, "columns");
    for (const ColumnSet& candidate : model.column_sets) {
      if (candidate.name == set) entry.columns = &candidate;
    }
    if (entry.columns == nullptr) {
      lexicon::BadLexicon(kRowsFile, row.line(),
                          "no column set \"" + std::string(set) + "\" in " +
                              std::string(kColumnsFile));
    }
    model.rows.push_back(std::move(entry));
  }
  for (const lexicon::TsvRow& row : lexicon::ReadTsv(kChecksFile)) {
    TemplateCheck check;
    check.part = PartOf(row, kChecksFile);
    check.name = std::string(Required(row, kChecksFile, "name"));
    check.total = Terms(Required(row, kChecksFile, "total"));
    check.parts = Terms(Required(row, kChecksFile, "parts"));
    const std::string_view across = Required(row, kChecksFile, "across");
    if (across != "columns" && across != "rows") {
      lexicon::BadLexicon(kChecksFile, row.line(),
                          "across must be columns or rows");
    }
    check.across_columns = across == "columns";
    model.checks.push_back(std::move(check));
  }
  for (const lexicon::TsvRow& row : lexicon::ReadTsv(kTablesFile)) {
    TableWords& words =
        model.table_words[static_cast<std::size_t>(PartOf(row, kTablesFile))];
    const std::string_view role = Required(row, kTablesFile, "role");
    if (role != "all" && role != "any")
      lexicon::BadLexicon(kTablesFile, row.line(), "role must be all or any");
    (role == "all" ? words.all : words.any)
        .emplace_back(Required(row, kTablesFile, "word"));
  }
  return model;
}

}  // namespace

bool TableWords::HoldsAll(std::string_view text) const {
  for (const std::string& word : all) {
    if (text.find(word) == std::string_view::npos) return false;
  }
  return true;
}

bool TableWords::HoldsAny(std::string_view text) const {
  for (const std::string& word : any) {
    if (text.find(word) != std::string_view::npos) return true;
  }
  return any.empty();
}

const OpenGovernmentTemplate& OpenGovernment() {
  // column_sets must not move once rows point into it: built in place.
  static const OpenGovernmentTemplate* const model =
      new OpenGovernmentTemplate(Load());
  return *model;
}

}  // namespace lawreport::template_internal
