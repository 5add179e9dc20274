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

}  // namespace

std::string_view TsvRow::Get(std::string_view column) const {
  for (std::size_t i = 0; i < columns_->size(); ++i) {
    if ((*columns_)[i] == column)
      return i < fields_.size() ? std::string_view(fields_[i]) : "";
  }
  return "";
}

Tsv::Tsv(std::string_view content) : Tsv(content, {}) {}

Tsv::Tsv(std::string_view content, std::vector<std::string> columns)
    : columns_(std::move(columns)) {
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
      continue;
    }
    rows_.emplace_back(&columns_, SplitTabs(line), line_number);
  }
}

const Tsv& ReadTsv(std::string_view name) {
  // Parsed once per file and kept: lexicon files are immutable for the
  // process, and readers share them by const reference across threads.
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Tsv>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto found = cache.find(name);
  if (found == cache.end()) {
    found = cache
                .emplace(std::string(name),
                         std::make_unique<Tsv>(EmbeddedFile(name)))
                .first;
  }
  return *found->second;
}

}  // namespace lawreport::lexicon
