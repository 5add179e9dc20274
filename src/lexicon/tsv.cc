#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "lexicon/lexicon.h"

namespace lawreport::lexicon {
namespace {

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.emplace_back(
        line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

[[noreturn]] void NoSuchColumn(const Tsv& table, std::string_view column) {
  std::string known;
  for (const std::string& name : table.columns()) {
    if (!known.empty()) known += ", ";
    known += name;
  }
  std::fprintf(stderr,
               "lawreport: internal error: %s has no column \"%.*s\" (its "
               "columns: %s)\n",
               table.name().c_str(), static_cast<int>(column.size()),
               column.data(), known.c_str());
  std::abort();
}

// Parses an embedded file into `cache` once; the caller holds the lock.
const Tsv& Cached(
    std::string_view name,
    std::map<std::string, std::unique_ptr<Tsv>, std::less<>>& cache) {
  auto found = cache.find(name);
  if (found == cache.end()) {
    found = cache
                .emplace(std::string(name),
                         std::make_unique<Tsv>(std::string(name),
                                               EmbeddedFile(name)))
                .first;
  }
  return *found->second;
}

// The columns data/schemas.tsv declares for the file named `name`, in
// order; empty when it declares none.
std::vector<std::string_view> DeclaredColumns(const Tsv& schemas,
                                              std::string_view name) {
  std::vector<std::string_view> columns;
  for (const TsvRow& row : schemas) {
    const std::string_view file = row.Get("file");
    const std::size_t slash = file.rfind('/');
    const std::string_view base =
        slash == std::string_view::npos ? file : file.substr(slash + 1);
    if (base == name) columns.push_back(row.Get("column"));
  }
  return columns;
}

}  // namespace

int Tsv::ColumnIndex(std::string_view column) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == column) return static_cast<int>(i);
  }
  return -1;
}

std::string_view TsvRow::Field(int index) const {
  const auto at = static_cast<std::size_t>(index);
  return index >= 0 && at < fields_.size() ? std::string_view(fields_[at])
                                           : std::string_view();
}

std::string_view TsvRow::GetOptional(std::string_view column) const {
  return Field(table_->ColumnIndex(column));
}

std::string_view TsvRow::Get(std::string_view column) const {
  const int index = table_->ColumnIndex(column);
  if (index < 0) NoSuchColumn(*table_, column);
  return Field(index);
}

Tsv::Tsv(std::string name, std::string_view content)
    : Tsv(std::move(name), content, {}) {}

Tsv::Tsv(std::string name, std::string_view content,
         std::vector<std::string> columns)
    : name_(std::move(name)), columns_(std::move(columns)) {
  int line_number = 0;
  std::size_t start = 0;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (columns_.empty()) {
      columns_ = SplitTabs(line);
      header_line_ = line_number;
      continue;
    }
    rows_.emplace_back(this, SplitTabs(line), line_number);
  }
}

const Tsv& ReadTsv(std::string_view name) {
  // Parsed once per file and kept: lexicon files are immutable for the
  // process, and readers share them by const reference across threads.
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Tsv>, std::less<>> cache;
  static constexpr std::string_view kSchemas = "schemas.tsv";
  std::lock_guard<std::mutex> lock(mutex);
  if (const auto found = cache.find(name); found != cache.end())
    return *found->second;
  const Tsv& table = Cached(name, cache);
  if (name != kSchemas) {
    const std::vector<std::string_view> declared =
        DeclaredColumns(Cached(kSchemas, cache), name);
    if (declared.empty())
      BadLexicon(name, 1, "no columns declared in data/schemas.tsv");
    if (!std::equal(declared.begin(), declared.end(), table.columns().begin(),
                    table.columns().end())) {
      BadLexicon(name, table.header_line(),
                 "the header differs from the columns data/schemas.tsv "
                 "declares");
    }
  }
  return table;
}

}  // namespace lawreport::lexicon
