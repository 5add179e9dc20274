// Mapping indicators to the canonical catalogue (see canonical.h).
#include "lawreport/canonical.h"

#include <memory>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "util/regex.h"
#include "util/utf8.h"

namespace lawreport {
namespace {

struct Rule {
  CanonicalEntry entry;
  std::vector<std::string> units;
  std::vector<std::string> kinds;
  std::unique_ptr<Regex> label, not_label, context;
  std::string label_pattern, context_pattern;
};

std::vector<std::string> SplitBars(std::string_view text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t bar = text.find('|', start);
    const std::string_view part =
        text.substr(start, bar == std::string_view::npos ? bar : bar - start);
    if (!part.empty()) parts.emplace_back(part);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return parts;
}

std::unique_ptr<Regex> Compile(const lexicon::TsvRow& row,
                               std::string_view column) {
  const std::string_view pattern = row.Get(column);
  if (pattern.empty()) return nullptr;
  auto regex = std::make_unique<Regex>(pattern);
  if (!regex->ok())
    lexicon::BadLexicon("../canonical/indicators.tsv", row.line(),
                        regex->error());
  return regex;
}

const std::vector<Rule>& Rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> loaded;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("indicators.tsv")) {
      Rule rule;
      rule.entry = {std::string(row.Get("id")), std::string(row.Get("name")),
                    std::string(row.Get("units")), std::string(row.Get("kind")),
                    std::string(row.Get("definition"))};
      rule.units = SplitBars(row.Get("units"));
      rule.kinds = SplitBars(row.Get("kind"));
      rule.label = Compile(row, "label");
      rule.not_label = Compile(row, "not_label");
      rule.context = Compile(row, "context");
      if (!rule.label)
        lexicon::BadLexicon("../canonical/indicators.tsv", row.line(),
                            "label is required");
      rule.label_pattern = std::string(row.Get("label"));
      rule.context_pattern = std::string(row.Get("context"));
      loaded.push_back(std::move(rule));
    }
    return loaded;
  }();
  return rules;
}

bool Contains(const std::vector<std::string>& list, std::string_view item) {
  for (const std::string& entry : list) {
    if (entry == item) return true;
  }
  return false;
}

}  // namespace

const std::vector<CanonicalEntry>& CanonicalCatalogue() {
  static const std::vector<CanonicalEntry> catalogue = [] {
    std::vector<CanonicalEntry> entries;
    for (const Rule& rule : Rules()) entries.push_back(rule.entry);
    return entries;
  }();
  return catalogue;
}

const CanonicalEntry* FindCanonical(const std::string& id) {
  for (const CanonicalEntry& entry : CanonicalCatalogue()) {
    if (entry.id == id) return &entry;
  }
  return nullptr;
}

void MapCanonical(const Text& text, std::vector<Indicator>& indicators) {
  const std::string_view normalized = text.normalized();
  for (Indicator& indicator : indicators) {
    // The paragraph up to the number: "收到行政复议申请31件，其中受理" for 27.
    const Line& line =
        text.lines()[static_cast<std::size_t>(indicator.line - 1)];
    std::string_view context =
        normalized.substr(line.begin, indicator.value_begin > line.begin
                                          ? indicator.value_begin - line.begin
                                          : 0);
    // What a paragraph is about stands near its figures: the last 300 or so
    // characters are enough, and a report joined into one line stays linear.
    constexpr std::size_t kMaxContextBytes = 900;
    const auto last = [](std::string_view view, std::size_t bytes) {
      if (view.size() <= bytes) return view;
      std::size_t cut = view.size() - bytes;
      while (cut < view.size() &&
             (static_cast<unsigned char>(view[cut]) & 0xC0) == 0x80) {
        ++cut;
      }
      return view.substr(cut);
    };
    context = last(context, kMaxContextBytes);
    // "先后跨越3万亿元、3.5万亿元台阶": a milestone passed, not the figure
    // itself. It stands right before the number.
    static const Regex kMilestone(
        R"((?:跨越|跨过|迈上|迈过|跃上|站上|跃升至|突破)[^,，。;；]{0,2}$)");
    if (kMilestone.PartialMatch(last(context, 30))) continue;
    const Rule* match = nullptr;
    int matches = 0;
    for (const Rule& rule : Rules()) {
      if (!Contains(rule.units, indicator.unit)) continue;
      if (!rule.kinds.empty() &&
          !Contains(rule.kinds, UnitKindName(indicator.kind)))
        continue;
      if (!rule.label->PartialMatch(indicator.label)) continue;
      if (rule.not_label && rule.not_label->PartialMatch(indicator.label))
        continue;
      if (rule.context && !rule.context->PartialMatch(context)) continue;
      match = &rule;
      ++matches;
    }
    if (matches != 1) continue;  // none, or ambiguous: no mapping
    indicator.canonical = match->entry.id;
    std::string why = "label ~ " + match->label_pattern;
    if (!match->context_pattern.empty())
      why += "; context ~ " + match->context_pattern;
    indicator.canonical_rule = why;
  }
}

}  // namespace lawreport
