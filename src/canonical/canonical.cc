// Mapping indicators to the canonical catalogue (see canonical.h).
//
// Speed: an indicator is asked only about the rules for its unit, and one
// scan of its label (a RegexSet of those rules' label patterns) names the
// rules whose label fits; only they are asked the rest. Patterns are compiled
// when first needed, once per distinct text, so a process mapping one report
// compiles little. The result is the same as asking every rule in turn.
#include "lawreport/canonical.h"

#include <algorithm>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lawreport/outline.h"
#include "lexicon/lexicon.h"
#include "template/open_government.h"
#include "util/regex.h"
#include "util/utf8.h"

namespace lawreport {
namespace {

constexpr std::string_view kCatalogueFile = "../canonical/indicators.tsv";

// A catalogue pattern compiled when a rule first needs it: most exclusions
// and contexts are never asked in a process that maps one report, and
// compiling them all up front was most of the catalogue's first-use cost.
// The catalogue is compiled into the binary, so a bad pattern is a build's
// fault: the test EveryCataloguePatternCompiles compiles each one, and one
// that still fails here stops the program with its line.
class LazyRegex {
 public:
  LazyRegex(std::string_view pattern, int line)
      : pattern_(pattern), line_(line) {}
  LazyRegex(const LazyRegex&) = delete;
  LazyRegex& operator=(const LazyRegex&) = delete;

  const std::string& pattern() const { return pattern_; }

  // Batch mode maps reports on several threads: call_once compiles once and
  // publishes the result to all of them.
  bool PartialMatch(std::string_view text) const {
    std::call_once(compiled_, [this] {
      regex_.emplace(pattern_);
      if (!regex_->ok())
        lexicon::BadLexicon(kCatalogueFile, line_, regex_->error());
    });
    return regex_->PartialMatch(text);
  }

 private:
  std::string pattern_;
  int line_;
  mutable std::once_flag compiled_;
  mutable std::optional<Regex> regex_;
};

// Label patterns parsed (so checked) when added and compiled together when
// first matched, by whichever thread comes first.
class LazyRegexSet {
 public:
  std::optional<std::string> Add(std::string_view pattern) {
    return set_.Add(pattern);
  }
  // False when the set cannot answer (too large to compile, or RE2 gave up):
  // the caller asks each pattern on its own.
  bool Match(std::string_view text, std::vector<int>& found) const {
    std::call_once(compiled_, [this] { compiled_ok_ = set_.Compile(); });
    return compiled_ok_ && set_.Match(text, found);
  }

 private:
  mutable RegexSet set_;
  mutable std::once_flag compiled_;
  mutable bool compiled_ok_ = false;
};

struct Rule {
  CanonicalEntry entry;
  std::vector<std::string> units;
  std::vector<std::string> kinds;
  // The aggregates it accepts (indicators.h); empty: point only, so a
  // 十四五 年均增长 never becomes the year's growth.
  std::vector<std::string> aggregates;
  // Shared with every rule of the same pattern text ("行政复议" is the
  // context of twelve). `label` is asked through UnitRules::labels; its own
  // regex only when the set cannot answer. not_label and context may be null.
  const LazyRegex* label = nullptr;
  const LazyRegex* not_label = nullptr;
  const LazyRegex* context = nullptr;
};

// The rules that accept one unit, with their label patterns as one set. A
// set of a few patterns builds its matcher faster than one of all of them
// (each state of RE2's DFA follows every pattern), and a unit no report has
// shown yet costs nothing.
struct UnitRules {
  explicit UnitRules(std::string_view unit_name) : unit(unit_name) {}
  std::string unit;
  std::vector<std::size_t> rules;  // indices in Catalogue::rules
  LazyRegexSet labels;             // rules[i]'s label pattern under index i
};

struct Catalogue {
  std::vector<Rule> rules;
  // deques: their elements hold once_flags, which neither copy nor move, and
  // rules point at them.
  std::deque<LazyRegex> patterns;  // each distinct pattern text once
  // One entry per unit some rule accepts. Most indicators (万元, 个百分点, …)
  // fit none and are skipped at once.
  std::deque<UnitRules> units;

  const UnitRules* RulesFor(std::string_view unit) const {
    for (const UnitRules& entry : units) {
      if (entry.unit == unit) return &entry;
    }
    return nullptr;
  }
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

bool Contains(const std::vector<std::string>& list, std::string_view item) {
  for (const std::string& entry : list) {
    if (entry == item) return true;
  }
  return false;
}

const Catalogue& Rules() {
  static const Catalogue catalogue = [] {
    Catalogue loaded;
    const auto check = [](const lexicon::TsvRow& row,
                          std::optional<std::string> error) {
      if (error) lexicon::BadLexicon(kCatalogueFile, row.line(), *error);
    };
    // The shared LazyRegex of this pattern text.
    const auto intern = [&](const lexicon::TsvRow& row,
                            std::string_view column) -> const LazyRegex* {
      const std::string_view pattern = row.Get(column);
      if (pattern.empty()) return nullptr;
      for (const LazyRegex& known : loaded.patterns) {
        if (known.pattern() == pattern) return &known;
      }
      return &loaded.patterns.emplace_back(pattern, row.line());
    };
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("indicators.tsv")) {
      const std::size_t index = loaded.rules.size();
      Rule& rule = loaded.rules.emplace_back();
      rule.entry = {std::string(row.Get("id")), std::string(row.Get("name")),
                    std::string(row.Get("units")), std::string(row.Get("kind")),
                    std::string(row.Get("definition"))};
      rule.units = SplitBars(row.Get("units"));
      rule.kinds = SplitBars(row.Get("kind"));
      rule.aggregates = SplitBars(row.Get("aggregates"));
      if (rule.aggregates.empty()) rule.aggregates.emplace_back("point");
      if (row.Get("label").empty())
        lexicon::BadLexicon(kCatalogueFile, row.line(), "label is required");
      for (const std::string& unit : rule.units) {
        UnitRules* entry_for_unit = nullptr;
        for (UnitRules& known : loaded.units) {
          if (known.unit == unit) entry_for_unit = &known;
        }
        UnitRules& entry = entry_for_unit != nullptr
                               ? *entry_for_unit
                               : loaded.units.emplace_back(unit);
        entry.rules.push_back(index);
        check(row, entry.labels.Add(row.Get("label")));
      }
      rule.label = intern(row, "label");
      rule.not_label = intern(row, "not_label");
      rule.context = intern(row, "context");
    }
    return loaded;
  }();
  return catalogue;
}

// A verb of milestone_verbs.tsv right before the number (at most two
// characters between, no punctuation), and how many bytes of the context
// before the number it needs to see.
struct Milestone {
  Regex verb;
  std::size_t bytes = 0;
};

Milestone LoadMilestone() {
  constexpr std::string_view kFile = "milestone_verbs.tsv";
  std::string verbs;
  std::size_t longest = 0;
  for (const lexicon::TsvRow& row : lexicon::ReadTsv(kFile)) {
    const std::string_view word = row.Get("word");
    // Matched literally: a regex character would change what it means.
    if (word.empty() ||
        word.find_first_of("\\^$.|?*+()[]{}") != std::string_view::npos)
      lexicon::BadLexicon(kFile, row.line(), "want a word, no regex syntax");
    if (!verbs.empty()) verbs += '|';
    verbs += word;
    longest = std::max(longest, word.size());
  }
  // Two characters of up to four bytes after the longest verb; never less
  // than the 30 bytes this test has always looked at.
  return {Regex("(?:" + verbs + ")[^,，。;；]{0,2}$"),
          std::max<std::size_t>(30, longest + 8)};
}

// The last `bytes` bytes of `view`, or fewer so as to start on a character.
std::string_view LastBytes(std::string_view view, std::size_t bytes) {
  if (view.size() <= bytes) return view;
  std::size_t cut = view.size() - bytes;
  while (cut < view.size() &&
         (static_cast<unsigned char>(view[cut]) & 0xC0) == 0x80) {
    ++cut;
  }
  return view.substr(cut);
}

}  // namespace

const std::vector<CanonicalEntry>& CanonicalCatalogue() {
  static const std::vector<CanonicalEntry> catalogue = [] {
    std::vector<CanonicalEntry> entries;
    for (const Rule& rule : Rules().rules) entries.push_back(rule.entry);
    return entries;
  }();
  return catalogue;
}

const std::vector<CanonicalEntry>& TemplateCells() {
  static const std::vector<CanonicalEntry> cells = [] {
    // A column's unit → the unit and kind of its cells (template_units.tsv):
    // 万元 → 元, amount; a column not named there is a count in its unit.
    std::unordered_map<std::string, std::pair<std::string, std::string>> units;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("template_units.tsv")) {
      units.emplace(std::string(row.Get("column_unit")),
                    std::make_pair(std::string(row.Get("unit")),
                                   std::string(row.Get("kind"))));
    }
    // The template is the report kind's: "政府信息公开工作年度报告 template
    // cell".
    const std::string definition =
        std::string(ReportKindName(ReportKind::kOpenGovernment)) +
        " template cell";
    std::vector<CanonicalEntry> entries;
    for (const template_internal::TemplateRow& row :
         template_internal::OpenGovernment().rows) {
      for (const template_internal::TemplateColumn& column :
           row.columns->columns) {
        const auto named = units.find(column.unit);
        const bool listed = named != units.end();
        entries.push_back(
            {row.id + "." + column.key, row.label + "/" + column.label,
             listed ? named->second.first : column.unit,
             listed ? named->second.second : "count", definition});
      }
    }
    return entries;
  }();
  return cells;
}

const CanonicalEntry* FindCanonical(const std::string& id) {
  static const std::unordered_map<std::string, const CanonicalEntry*> index =
      [] {
        std::unordered_map<std::string, const CanonicalEntry*> map;
        for (const auto* entries : {&CanonicalCatalogue(), &TemplateCells()}) {
          for (const CanonicalEntry& entry : *entries)
            map.emplace(entry.id, &entry);
        }
        return map;
      }();
  const auto it = index.find(id);
  return it == index.end() ? nullptr : it->second;
}

std::vector<std::string> ExpandCanonicalSelection(
    const std::vector<std::string>& selection) {
  std::vector<std::string> ids;
  for (const std::string& wanted : selection) {
    if (wanted.size() < 2 || wanted.compare(wanted.size() - 2, 2, ".*") != 0) {
      ids.push_back(wanted);
      continue;
    }
    const std::string prefix = wanted.substr(0, wanted.size() - 1);
    for (const auto* entries : {&CanonicalCatalogue(), &TemplateCells()}) {
      for (const CanonicalEntry& entry : *entries) {
        if (entry.id.compare(0, prefix.size(), prefix) == 0)
          ids.push_back(entry.id);
      }
    }
  }
  return ids;
}

void MapCanonical(const Text& text, std::vector<Indicator>& indicators) {
  const Catalogue& catalogue = Rules();
  const std::string_view normalized = text.normalized();
  std::vector<int> label_matches;
  for (Indicator& indicator : indicators) {
    // A template's cell is named by the template (open_government_cells.h).
    if (indicator.canonical) continue;
    // Only the rules for its unit can accept it.
    const UnitRules* unit_rules = catalogue.RulesFor(indicator.unit);
    if (unit_rules == nullptr) continue;
    // The paragraph up to the number: "收到行政复议申请31件，其中受理" for 27.
    const auto context = [&] {
      const Line& line =
          text.lines()[static_cast<std::size_t>(indicator.line - 1)];
      // What a paragraph is about stands near its figures: the last 300 or
      // so characters are enough, and a report joined into one line stays
      // linear.
      constexpr std::size_t kMaxContextBytes = 900;
      return LastBytes(
          normalized.substr(line.begin, indicator.value_begin > line.begin
                                            ? indicator.value_begin - line.begin
                                            : 0),
          kMaxContextBytes);
    };
    // One scan of the label names the rules whose label pattern it matches;
    // only those are asked the rest. Should the set not answer, every rule
    // for the unit asks its own label pattern.
    const bool scanned =
        unit_rules->labels.Match(indicator.label, label_matches);
    const std::size_t candidates =
        scanned ? label_matches.size() : unit_rules->rules.size();
    const Rule* match = nullptr;
    int matches = 0;
    for (std::size_t i = 0; i < candidates; ++i) {
      const std::size_t in_unit =
          scanned ? static_cast<std::size_t>(label_matches[i]) : i;
      const Rule& rule = catalogue.rules[unit_rules->rules[in_unit]];
      if (!rule.kinds.empty() &&
          !Contains(rule.kinds, UnitKindName(indicator.kind)))
        continue;
      if (!Contains(rule.aggregates, AggregateName(indicator.aggregate)))
        continue;
      if (!scanned && !rule.label->PartialMatch(indicator.label)) continue;
      if (rule.not_label && rule.not_label->PartialMatch(indicator.label))
        continue;
      if (rule.context && !rule.context->PartialMatch(context())) continue;
      match = &rule;
      ++matches;
    }
    if (matches != 1) continue;  // none, or ambiguous: no mapping
    // "先后跨越3万亿元、3.5万亿元台阶": a milestone passed, not the figure
    // itself. It stands right before the number. Asked last: only an
    // indicator that would map needs it.
    static const Milestone kMilestone = LoadMilestone();
    if (kMilestone.verb.PartialMatch(LastBytes(context(), kMilestone.bytes)))
      continue;
    indicator.canonical = match->entry.id;
    std::string why = "label ~ " + match->label->pattern();
    if (match->context) why += "; context ~ " + match->context->pattern();
    indicator.canonical_rule = why;
  }
}

}  // namespace lawreport
