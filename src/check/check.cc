// Relations between figures and their verdicts (see check.h).
#include "lawreport/check.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "check/template_checks.h"
#include "lexicon/lexicon.h"
#include "util/utf8.h"
#include "util/word_set.h"

namespace lawreport {

const char* FindingTypeName(FindingType type) {
  switch (type) {
    case FindingType::kSum:
      return "sum";
    case FindingType::kRate:
      return "rate";
    case FindingType::kBalance:
      return "balance";
    case FindingType::kExpect:
      return "expect";
    case FindingType::kTemplate:
      return "template";
  }
  return "sum";
}

const char* FindingStatusName(FindingStatus status) {
  switch (status) {
    case FindingStatus::kPass:
      return "pass";
    case FindingStatus::kMismatch:
      return "mismatch";
    case FindingStatus::kUnverifiable:
      return "unverifiable";
    case FindingStatus::kAccepted:
      return "accepted";
  }
  return "pass";
}

namespace {

std::string Print(const Decimal& value) { return value.ToString(); }

constexpr std::string_view kCheckWordsFile = "check_words.tsv";

// The words of check_words.tsv by their role, with the punctuation the
// normalized text puts around them already added, so the hot loops compare
// bytes and build no strings.
struct CheckWords {
  // Anywhere in a sentence, parts follow: 其中, 包括.
  std::vector<std::string> parts_follow;
  // Right after a total: ",分别" then "分别", in file order.
  std::vector<std::string> after_total_leads;
  // Right after a total, a bracket opening with one: "(含", "(包括".
  std::vector<std::string> contains_openers;
  // Ending a short noun after a total: "中,".
  std::vector<std::string> in_cues;
  // Making a list partial: 如, 等, 包括.
  std::vector<std::string> examples;
  // Before a label, its complement: 不, 未, 尚未.
  std::vector<std::string> complements;
  // Right before a word of a label, negating it: 不, 未, 非.
  std::vector<std::string> negations;
  // Right after a total, opening a share list: ",其中:" then "其中:".
  std::vector<std::string> share_list_openers;
  // A share's whole label (占, 占比) and the link before it: ",占", "占", ….
  std::vector<std::string> shares;
  std::vector<std::string> share_links;
  // Ending a share's label named by its part: 占比.
  std::vector<std::string> share_suffixes;
  // Ending a rate's label: 率.
  std::vector<std::string> rate_suffixes;
};

const CheckWords& Words() {
  static const CheckWords words = [] {
    CheckWords loaded;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv(kCheckWordsFile)) {
      const std::string_view role = row.Get("role");
      const std::string word(row.Get("word"));
      if (role == "parts_follow") {
        loaded.parts_follow.push_back(word);
      } else if (role == "after_total") {
        loaded.after_total_leads.push_back("," + word);
        loaded.after_total_leads.push_back(word);
      } else if (role == "contains") {
        loaded.contains_openers.push_back("(" + word);
      } else if (role == "in") {
        loaded.in_cues.push_back(word + ",");
      } else if (role == "examples") {
        loaded.examples.push_back(word);
      } else if (role == "complement") {
        loaded.complements.push_back(word);
      } else if (role == "negation") {
        loaded.negations.push_back(word);
      } else if (role == "share_list") {
        loaded.share_list_openers.push_back("," + word + ":");
        loaded.share_list_openers.push_back(word + ":");
      } else if (role == "share") {
        loaded.shares.push_back(word);
        loaded.share_links.push_back("," + word);
        loaded.share_links.push_back(word);
      } else if (role == "share_suffix") {
        loaded.share_suffixes.push_back(word);
      } else if (role == "rate_suffix") {
        loaded.rate_suffixes.push_back(word);
      } else {
        lexicon::BadLexicon(kCheckWordsFile, row.line(),
                            "unknown role: " + std::string(role));
      }
    }
    // The message of a partial sum names the first parts_follow word.
    if (loaded.parts_follow.empty())
      lexicon::BadLexicon(kCheckWordsFile, 0, "want a parts_follow word");
    return loaded;
  }();
  return words;
}

bool StartsWithAny(std::string_view text,
                   const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    if (utf8::StartsWith(text, word)) return true;
  }
  return false;
}

bool EndsWithAny(std::string_view text, const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    if (utf8::EndsWith(text, word)) return true;
  }
  return false;
}

bool IsAny(std::string_view text, const std::vector<std::string>& words) {
  return std::find(words.begin(), words.end(), text) != words.end();
}

// A negation ends right before `at`: 受理 in "不受理".
bool IsNegatedAt(std::string_view label, std::size_t at) {
  return EndsWithAny(label.substr(0, at), Words().negations);
}

// The label holds `word`, not negated: 受理 in "共受理行政许可事项", not in
// "不受理".
bool LabelHas(std::string_view label, std::string_view word) {
  for (std::size_t at = label.find(word); at != std::string_view::npos;
       at = label.find(word, at + 1)) {
    if (!IsNegatedAt(label, at)) return true;
  }
  return false;
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = text.find(separator, start);
    parts.emplace_back(
        text.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return parts;
}

struct RateDefinition {
  std::string rate;
  std::vector<std::vector<std::string>>
      numerator;  // terms (added), each with alternatives
  std::vector<std::string> denominator;  // alternatives
};

const std::vector<RateDefinition>& RateDefinitions() {
  static const std::vector<RateDefinition> definitions = [] {
    std::vector<RateDefinition> loaded;
    for (const lexicon::TsvRow& row :
         lexicon::ReadTsv("rate_definitions.tsv")) {
      RateDefinition definition;
      definition.rate = std::string(row.Get("rate"));
      for (const std::string& term : Split(row.Get("numerator"), '+')) {
        definition.numerator.push_back(Split(term, '|'));
      }
      definition.denominator = Split(row.Get("denominator"), '|');
      loaded.push_back(std::move(definition));
    }
    std::stable_sort(loaded.begin(), loaded.end(),
                     [](const auto& a, const auto& b) {
                       return a.rate.size() > b.rate.size();
                     });
    return loaded;
  }();
  return definitions;
}

// A row of partitions.tsv: states that together cover a whole.
struct Partition {
  std::vector<std::string> members;  // longest first
  bool same_rest = false;
  std::vector<std::string> exclude;  // rests for which it is no partition
};

const std::vector<Partition>& Partitions() {
  static const std::vector<Partition> partitions = [] {
    std::vector<Partition> loaded;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("partitions.tsv")) {
      Partition partition;
      partition.members = Split(row.Get("members"), '|');
      std::stable_sort(partition.members.begin(), partition.members.end(),
                       [](const std::string& a, const std::string& b) {
                         return a.size() > b.size();
                       });
      partition.same_rest = row.Get("rest") == "same";
      if (!row.Get("exclude").empty())
        partition.exclude = Split(row.Get("exclude"), ',');
      loaded.push_back(std::move(partition));
    }
    return loaded;
  }();
  return partitions;
}

// The labels are exactly the members of one partition: each label holds one
// member (its longest, not negated), each member is held by one label.
bool IsPartition(const std::vector<std::string>& labels) {
  for (const Partition& partition : Partitions()) {
    if (partition.members.size() != labels.size()) continue;
    std::vector<bool> used(partition.members.size(), false);
    std::string rest;
    bool ok = true;
    for (std::size_t l = 0; l < labels.size() && ok; ++l) {
      std::size_t found = partition.members.size();
      for (std::size_t m = 0; m < partition.members.size(); ++m) {
        if (LabelHas(labels[l], partition.members[m])) {
          found = m;
          break;
        }
      }
      if (found == partition.members.size() || used[found]) {
        ok = false;
        break;
      }
      used[found] = true;
      if (partition.same_rest) {
        std::string without = labels[l];
        without.erase(without.find(partition.members[found]),
                      partition.members[found].size());
        if (without.empty() || (l > 0 && without != rest)) ok = false;
        rest = without;
      }
    }
    if (ok && partition.same_rest &&
        std::find(partition.exclude.begin(), partition.exclude.end(), rest) !=
            partition.exclude.end())
      ok = false;
    if (ok) return true;
  }
  return false;
}

// A word of one of the four terms of a caseload balance (balance_terms.tsv).
struct BalanceWord {
  std::string word;
  std::string not_with;  // also in the label: not this term
};

// The four terms, in the order carried over, received, closed, carried
// forward.
const std::vector<std::vector<BalanceWord>>& BalanceTerms() {
  static const std::vector<std::vector<BalanceWord>> terms = [] {
    constexpr std::string_view kNames[] = {"carried_over", "received", "closed",
                                           "carried_forward"};
    std::vector<std::vector<BalanceWord>> loaded(std::size(kNames));
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("balance_terms.tsv")) {
      const auto* const name =
          std::find(std::begin(kNames), std::end(kNames), row.Get("term"));
      if (name == std::end(kNames) || row.Get("word").empty())
        lexicon::BadLexicon("balance_terms.tsv", row.line(),
                            "want a term and a word");
      loaded[static_cast<std::size_t>(name - std::begin(kNames))].push_back(
          {std::string(row.Get("word")), std::string(row.Get("not_with"))});
    }
    return loaded;
  }();
  return terms;
}

// The group of counting words `unit` belongs to (counter_groups.tsv), or
// empty.
std::string_view CounterGroup(std::string_view unit) {
  static const std::vector<std::pair<std::string, std::vector<std::string>>>
      groups = [] {
        std::vector<std::pair<std::string, std::vector<std::string>>> loaded;
        for (const lexicon::TsvRow& row :
             lexicon::ReadTsv("counter_groups.tsv")) {
          loaded.emplace_back(std::string(row.Get("group")),
                              Split(row.Get("units"), '|'));
        }
        return loaded;
      }();
  for (const auto& [group, units] : groups) {
    if (std::find(units.begin(), units.end(), unit) != units.end())
      return group;
  }
  return {};
}

bool SameCounter(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const std::string_view group = CounterGroup(a);
  return !group.empty() && group == CounterGroup(b);
}

// Parts are disjoint by their words: every label stated, and none the same
// as or within another (优秀 / 合格, not 案件 / 行政案件).
bool DisjointLabels(const std::vector<std::string>& labels) {
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i].empty()) return false;
    for (std::size_t j = 0; j < labels.size(); ++j) {
      if (i != j && labels[j].find(labels[i]) != std::string::npos)
        return false;
    }
  }
  return true;
}

// A figure's name in a relation name: its label, or its unit when it has
// none.
std::string NameOf(const Indicator& indicator) {
  return indicator.label.empty() ? indicator.unit : indicator.label;
}

// A finding about `stated`, the figure it reports at. Its relation name is
// "TYPE:" and the label of the stated figure; the caller adds the labels of
// the other figures where they tell relations apart (MakeRelationsUnique).
Finding NewFinding(FindingType type, const Indicator& stated) {
  Finding finding;
  finding.type = type;
  finding.line = stated.line;
  finding.column = stated.column;
  finding.indicators.push_back(stated.id);
  finding.relation = std::string(FindingTypeName(type)) + ":" + NameOf(stated);
  return finding;
}

bool IsQuantity(const Indicator& indicator) {
  return !indicator.upper && (indicator.kind == UnitKind::kCount ||
                              indicator.kind == UnitKind::kAmount ||
                              indicator.kind == UnitKind::kMeasure);
}

class Checker {
 public:
  Checker(const Text& text, const std::vector<Indicator>& indicators)
      : text_(text), n_(text.normalized()), indicators_(indicators) {}

  std::vector<Finding> Run() {
    FindSentences();
    CheckSums();
    CheckShareLists();
    CheckRates();
    CheckBalances();
    for (Finding& finding : check_internal::CheckTemplate(indicators_))
      findings_.push_back(std::move(finding));
    std::stable_sort(
        findings_.begin(), findings_.end(),
        [](const Finding& a, const Finding& b) { return a.line < b.line; });
    for (std::size_t i = 0; i < findings_.size(); ++i)
      findings_[i].id = "c" + std::to_string(i + 1);
    SetColumns();
    MakeRelationsUnique(findings_);
    return std::move(findings_);
  }

 private:
  // The column of the figure a finding reports at: the first of its figures
  // on its line (template findings name the wrong cell first).
  void SetColumns() {
    std::map<std::string_view, const Indicator*> by_id;
    for (const Indicator& indicator : indicators_)
      by_id.emplace(indicator.id, &indicator);
    for (Finding& finding : findings_) {
      if (finding.column > 0) continue;
      for (const std::string& id : finding.indicators) {
        const auto it = by_id.find(id);
        if (it != by_id.end() && it->second->line == finding.line) {
          finding.column = it->second->column;
          break;
        }
      }
    }
  }

  // --- sentences and brackets -----------------------------------------------

  // Sentence ends (。 ! ? ; and line breaks) and every bracket with the
  // depth after it, in one pass, so that sentence and depth lookups are
  // binary searches even in a report written on one 50 MB line.
  //
  // Only the lines that hold an indicator are read: every lookup is at an
  // offset in such a line (an indicator's value, or a cue between figures of
  // one sentence), and a line break ends a sentence and closes its brackets,
  // so what a line's lookups find depends on that line alone. Each line is
  // read from the break before it, which ends the sentence before; a line
  // break left unread between two read lines still parts their sentences.
  void FindSentences() {
    const std::vector<Line>& lines = text_.lines();
    std::vector<std::size_t> read;  // indices into lines, in text order
    for (const Indicator& indicator : indicators_) {
      const auto after =
          std::upper_bound(lines.begin(), lines.end(), indicator.value_begin,
                           [](std::size_t offset, const Line& line) {
                             return offset < line.begin;
                           });
      if (after == lines.begin()) continue;  // a text without lines
      const std::size_t index =
          static_cast<std::size_t>(after - lines.begin()) - 1;
      if (read.empty() || read.back() != index) read.push_back(index);
    }
    std::sort(read.begin(), read.end());
    read.erase(std::unique(read.begin(), read.end()), read.end());
    std::size_t read_until = 0;
    for (const std::size_t index : read) {
      const Line& line = lines[index];
      const std::size_t from =
          std::max(read_until, line.begin == 0 ? 0 : line.begin - 1);
      read_until = std::min(line.end + 1, n_.size());
      ReadSentences(from, read_until);
    }
    sentence_ends_.push_back(n_.size());
  }

  // Sentence ends and brackets in [from, to), where no bracket is open at
  // `from`.
  void ReadSentences(std::size_t from, std::size_t to) {
    const std::string_view text = n_.substr(0, to);
    int depth = 0;
    // Of the characters below only 。 is not ASCII, and it starts with the
    // byte E3; the rest of the text is stepped over without decoding.
    static constexpr utf8::LeadByteStops kStops =
        utf8::LeadByteStops::Of("!?;\n()\xE3");
    for (std::size_t pos = utf8::SkipToStop(text, from, kStops);
         pos < text.size(); pos = utf8::SkipToStop(text, pos, kStops)) {
      const utf8::CodePoint cp = utf8::Decode(text, pos);
      if (cp.value == U'。' || cp.value == U'!' || cp.value == U'?' ||
          cp.value == U';' || cp.value == U'\n') {
        sentence_ends_.push_back(pos);
        if (depth != 0) brackets_.push_back({pos, 0});
        depth = 0;  // brackets do not run across sentences
      } else if (cp.value == U'(') {
        brackets_.push_back({pos + 1, ++depth});
      } else if (cp.value == U')' && depth > 0) {
        brackets_.push_back({pos + 1, --depth});
      }
      pos += cp.length;
    }
  }

  std::size_t SentenceOf(std::size_t offset) const {
    return static_cast<std::size_t>(
        std::lower_bound(sentence_ends_.begin(), sentence_ends_.end(), offset) -
        sentence_ends_.begin());
  }

  // Parenthesis depth at `offset` within its sentence.
  int DepthAt(std::size_t offset) const {
    auto after = std::upper_bound(
        brackets_.begin(), brackets_.end(), offset,
        [](std::size_t o, const Bracket& b) { return o < b.from; });
    return after == brackets_.begin() ? 0 : (after - 1)->depth;
  }

  // --- sums
  // -------------------------------------------------------------------

  enum class Cue { kAmong, kContains, kIn };

  void CheckSums() {
    // Indicators are in text order: group them by sentence in one pass.
    std::size_t i = 0;
    while (i < indicators_.size()) {
      const std::size_t sentence = SentenceOf(indicators_[i].value_begin);
      std::vector<std::size_t> members;
      while (i < indicators_.size() &&
             SentenceOf(indicators_[i].value_begin) == sentence) {
        members.push_back(i++);
      }
      CheckSentence(sentence, members);
    }
  }

  void CheckSentence(std::size_t sentence,
                     const std::vector<std::size_t>& members) {
    const std::size_t begin = sentence == 0 ? 0 : sentence_ends_[sentence - 1];
    const std::size_t end = sentence_ends_[sentence];
    if (members.size() < 3) return;

    // Cue positions, in order: 其中 / 包括 (parts follow), (含 …) right after a
    // total, and "…中," after a total (check_words.tsv).
    struct CueAt {
      std::size_t at;  // where the parts start
      Cue cue;
      std::size_t total;     // index into indicators_, or npos to search back
      bool example = false;  // 包括…: the parts are examples, never complete
    };
    std::vector<CueAt> cues;
    const std::string_view span = n_.substr(begin, end - begin);
    const CheckWords& words = Words();
    for (const std::string& word : words.parts_follow) {
      const bool example = IsAny(word, words.examples);
      for (std::size_t at = span.find(word); at != std::string_view::npos;
           at = span.find(word, at + 1)) {
        if (at > 0 && span[at - 1] == '(')
          continue;  // "(包括…)" after a total: below
        cues.push_back({begin + at + word.size(), Cue::kAmong,
                        std::string_view::npos, example});
      }
    }
    for (const std::size_t i : members) {
      const Indicator& total = indicators_[i];
      std::size_t pos = total.value_end;
      // "共收到31件,分别为…": 分别 right after a total lists its parts; 分别
      // elsewhere ("工业、制造业投资分别增长…") distributes, it does not sum.
      for (const std::string& lead : words.after_total_leads) {
        if (utf8::StartsWith(n_.substr(pos), lead)) {
          cues.push_back({pos + lead.size(), Cue::kAmong, i});
          break;
        }
      }
      if (StartsWithAny(n_.substr(pos), words.contains_openers)) {
        cues.push_back({pos + 1, Cue::kContains, i});
      }
      // "审结的21件(含…)案件中,": a short noun ("案件") and at most one bracket
      // group between the total and 中; "1件正在审查备案中," is a clause, not a
      // cue.
      if (pos < n_.size() && n_[pos] == '(') {
        const std::size_t close = n_.find(')', pos);
        if (close == std::string::npos || close > end) continue;
        pos = close + 1;
      }
      std::size_t chars = 0;
      while (pos < end && chars <= 4) {
        const auto in_cue =
            chars == 0
                ? words.in_cues.end()
                : std::find_if(words.in_cues.begin(), words.in_cues.end(),
                               [&](const std::string& in) {
                                 return utf8::StartsWith(n_.substr(pos), in);
                               });
        if (in_cue != words.in_cues.end()) {
          cues.push_back({pos + in_cue->size(), Cue::kIn, i});
          break;
        }
        const utf8::CodePoint cp = utf8::Decode(n_, pos);
        if (cp.value < 0x4E00 || cp.value > 0x9FFF) break;
        pos += cp.length;
        ++chars;
      }
    }
    std::sort(cues.begin(), cues.end(),
              [](const CueAt& a, const CueAt& b) { return a.at < b.at; });
    const bool in_order = std::is_sorted(
        members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
          return indicators_[a].value_begin < indicators_[b].value_begin;
        });

    for (std::size_t k = 0; k < cues.size(); ++k) {
      const CueAt& cue = cues[k];
      const int depth = DepthAt(cue.at);
      // Parts: quantities after the cue at its bracket depth, up to the next
      // cue that opens another breakdown at that depth or the bracket's end.
      std::size_t stop = end;
      if (cue.cue == Cue::kContains) {
        const std::size_t close = n_.find(')', cue.at);
        stop = close == std::string::npos ? end : std::min(end, close);
      }
      for (std::size_t j = k + 1; j < cues.size(); ++j) {
        // A later total with its own breakdown ("审结21件(含…)") ends this
        // list before that total; its depth is the total's, not its parts'.
        if (cues[j].total != std::string_view::npos && cues[j].at > cue.at &&
            DepthAt(indicators_[cues[j].total].value_begin) == depth) {
          stop = std::min(stop, indicators_[cues[j].total].text_begin);
          break;
        }
        if (cues[j].at > cue.at && DepthAt(cues[j].at) == depth &&
            cues[j].cue == Cue::kAmong) {
          stop = std::min(stop, cues[j].at);
          break;
        }
      }
      std::vector<std::size_t> parts;
      // Members are in text order: the parts are looked for from the cue on,
      // not from the sentence's start for every cue (a sentence of 100,000
      // "其中1件" was quadratic).
      const auto from = in_order
                            ? std::partition_point(
                                  members.begin(), members.end(),
                                  [&](std::size_t i) {
                                    return indicators_[i].value_begin < cue.at;
                                  })
                            : members.begin();
      // Where the backward searches for a total start.
      const auto before = in_order ? from : members.end();
      const Indicator* parallel_total = nullptr;
      bool parallel_total_found = false;
      for (auto it = from; it != members.end(); ++it) {
        const std::size_t i = *it;
        const Indicator& part = indicators_[i];
        if (in_order && part.value_begin >= stop) break;
        if (part.value_begin < cue.at || part.value_begin >= stop) continue;
        if (cue.total == std::string_view::npos) {
          if (!parallel_total_found) {
            parallel_total = NearestQuantityBefore(members, before, cue.at);
            parallel_total_found = true;
          }
          if (ParallelToTotal(parallel_total, part)) break;
        }
        if (!IsQuantity(part) || DepthAt(part.value_begin) != depth) continue;
        if (!parts.empty() && part.unit != indicators_[parts.front()].unit)
          continue;
        parts.push_back(i);
      }
      if (parts.size() < 2) continue;
      const Indicator& first = indicators_[parts.front()];

      std::size_t total = cue.total;
      if (total == std::string_view::npos) {
        // The nearest quantity before the cue with the parts' unit, else of
        // their kind (案卷16卷, 其中优秀卷12件).
        std::size_t same_kind = std::string_view::npos;
        // Members from the cue on end after it: the search starts before it.
        for (auto it = std::make_reverse_iterator(before); it != members.rend();
             ++it) {
          const Indicator& candidate = indicators_[*it];
          if (candidate.value_end > cue.at || !IsQuantity(candidate)) continue;
          if (DepthAt(candidate.value_begin) != DepthAt(cue.at)) continue;
          if (candidate.unit == first.unit) {
            total = *it;
            break;
          }
          if (same_kind == std::string_view::npos &&
              candidate.kind == first.kind)
            same_kind = *it;
        }
        if (total == std::string_view::npos) total = same_kind;
      }
      if (total == std::string_view::npos || !IsQuantity(indicators_[total]))
        continue;
      if (indicators_[total].kind != first.kind) continue;
      // A list of examples (如…, …等, 包括…) is partial whatever its words.
      const std::string_view list = n_.substr(cue.at, stop - cue.at);
      const bool example =
          cue.example ||
          std::any_of(words.examples.begin(), words.examples.end(),
                      [&](const std::string& word) {
                        return list.find(word) != std::string_view::npos;
                      });
      EvaluateSum(total, parts, cue.cue == Cue::kContains, example);
    }
  }

  // "新增铁路运营里程639公里、其中高铁370公里，新增高速公路2600公里": a clause
  // opening with the same words as the total's label is the next item of the
  // sentence, not a part. The total is the nearest quantity before the cue.
  // The last quantity of `members` that ends by `cue_at`; `before` is where
  // the members starting at or after `cue_at` begin (none of them ends by
  // it), so the search walks back from there.
  const Indicator* NearestQuantityBefore(
      const std::vector<std::size_t>& members,
      std::vector<std::size_t>::const_iterator before,
      std::size_t cue_at) const {
    for (auto it = std::make_reverse_iterator(before); it != members.rend();
         ++it) {
      if (indicators_[*it].value_end <= cue_at && IsQuantity(indicators_[*it]))
        return &indicators_[*it];
    }
    return nullptr;
  }

  bool ParallelToTotal(const Indicator* total, const Indicator& part) const {
    if (!total || total->label.empty() || part.label.empty()) return false;
    const auto head = [](const std::string& label) {
      std::size_t end = 0;
      for (int chars = 0; chars < 2 && end < label.size(); ++chars) {
        end += utf8::Decode(label, end).length;
      }
      return label.substr(0, end);
    };
    return utf8::CountChars(total->label) >= 2 &&
           head(total->label) == head(part.label);
  }

  void EvaluateSum(std::size_t total_index,
                   const std::vector<std::size_t>& parts, bool contained,
                   bool example) {
    const Indicator& total = indicators_[total_index];
    Finding finding = NewFinding(FindingType::kSum, total);
    // The exact sum (Decimal), or nullopt once it overflows.
    std::optional<Decimal> sum = Decimal::FromInt(0);
    std::string expression;
    bool qualified = total.qualifier != Qualifier::kNone;
    bool same_unit = true;   // of one kind: 卷 and 件 for documents
    bool exact_unit = true;  // the very same counting word
    std::vector<std::string> labels;
    for (const std::size_t i : parts) {
      const Indicator& part = indicators_[i];
      finding.indicators.push_back(part.id);
      if (!expression.empty()) expression += " + ";
      expression += Print(part.value);
      if (sum) sum = sum->Plus(part.value);
      qualified = qualified || part.qualifier != Qualifier::kNone;
      same_unit = same_unit && SameCounter(part.unit, total.unit);
      exact_unit = exact_unit && part.unit == total.unit;
      labels.push_back(part.label);
      finding.relation += (i == parts.front() ? ":" : "+") + NameOf(part);
    }
    const Decimal& stated = total.value;
    finding.stated = stated;
    if (!sum) {
      // Reported, not dropped and never a wrong sum: reports print figures
      // of up to 18 digits, and a sum beyond them cannot be checked exactly.
      finding.status = FindingStatus::kUnverifiable;
      finding.expression = expression + " vs " + Print(stated);
      finding.message =
          "the parts add up to more than exact arithmetic holds (18 digits)";
      findings_.push_back(std::move(finding));
      return;
    }
    // More than twice the total: stated < sum − stated.
    const std::optional<Decimal> excess = sum->Minus(stated);
    const bool far_above = !excess || stated < *excess;
    // A complete list: (含 …), X and 不X, 未X or 尚未X side by side (受理 /
    // 不受理; a leading 已 is trimmed from labels: 已办复 / 尚未办复), or
    // states that together cover the whole (partitions.tsv: 通过 / 正在).
    bool complete = contained;
    for (const std::string& a : labels) {
      for (const std::string& b : labels) {
        for (const std::string& complement : Words().complements) {
          if (b.size() == complement.size() + a.size() &&
              utf8::StartsWith(b, complement) && utf8::EndsWith(b, a))
            complete = true;
        }
      }
    }
    if (!example && IsPartition(labels)) complete = true;
    // Counted with different words of one kind (案卷16卷, 其中优秀卷13件),
    // parts above the total are an error only when they are disjoint by
    // their words; below it, the list says nothing for sure.
    const bool comparable =
        exact_unit || (same_unit && (!(*sum < stated) || complete) &&
                       (!(stated < *sum) || DisjointLabels(labels)));
    finding.computed = *sum;
    const std::string sum_text = Print(*sum);
    const std::string what =
        total.label.empty() ? std::string("the total") : total.label;
    if (*sum == stated) {
      finding.status = FindingStatus::kPass;
      finding.expression = expression + " = " + Print(total.value);
      finding.message =
          "parts add up to " + what + " " + Print(total.value) + total.unit;
    } else if (qualified || !comparable || (!contained && far_above)) {
      // A sum more than twice its total is no breakdown of it: the list ran
      // into the sentence's next items. Undecided, not an alarm.
      finding.status = FindingStatus::kUnverifiable;
      finding.expression =
          expression + " = " + sum_text + " vs " + Print(total.value);
      finding.message =
          std::string(qualified ? "an approximate figure"
                                : (!comparable ? "parts in another unit"
                                               : "parts far above the total")) +
          ": cannot tell whether the parts " + sum_text + " agree with " +
          what + " " + Print(total.value) + total.unit;
    } else if (stated < *sum) {
      finding.status = FindingStatus::kMismatch;
      finding.expression =
          expression + " = " + sum_text + " > " + Print(total.value);
      finding.message = "parts add up to " + sum_text + total.unit +
                        ", more than " + what + " " + Print(total.value) +
                        total.unit;
    } else if (complete) {
      finding.status = FindingStatus::kMismatch;
      finding.expression =
          expression + " = " + sum_text + " ≠ " + Print(total.value);
      finding.message = "the complete breakdown adds up to " + sum_text +
                        total.unit + ", not " + what + " " +
                        Print(total.value) + total.unit;
    } else {
      finding.status = FindingStatus::kPass;
      finding.expression =
          expression + " = " + sum_text + " ≤ " + Print(total.value);
      finding.message = "parts cover " + sum_text + " of " + what + " " +
                        Print(total.value) + total.unit +
                        " (a partial list: " + Words().parts_follow.front() +
                        " names some parts)";
    }
    findings_.push_back(std::move(finding));
  }

  // --- share lists -----------------------------------------------------------

  // "办结81件,其中:予以公开42件,占51.85%;不予公开5件,占6.17%;…": after
  // "其中:" each part is followed by its share of the total, and the parts
  // run on across ";", which ends a sentence for CheckSentence. The parts
  // add up to at most the total, and each share is part / total.
  void CheckShareLists() {
    const CheckWords& words = Words();
    for (std::size_t t = 0; t < indicators_.size(); ++t) {
      const Indicator& total = indicators_[t];
      if (!IsQuantity(total)) continue;
      const std::string_view after = n_.substr(total.value_end);
      std::size_t from = total.value_end;
      const auto opener = std::find_if(words.share_list_openers.begin(),
                                       words.share_list_openers.end(),
                                       [&](const std::string& word) {
                                         return utf8::StartsWith(after, word);
                                       });
      if (opener == words.share_list_openers.end()) continue;
      from += opener->size();
      std::vector<std::size_t> parts, shares;
      for (std::size_t i = t + 1; i + 1 < indicators_.size(); i += 2) {
        const Indicator& part = indicators_[i];
        const Indicator& share = indicators_[i + 1];
        if (part.line != total.line || share.line != total.line) break;
        if (!IsQuantity(part) || part.unit != total.unit) break;
        if (share.kind != UnitKind::kPercent || share.unit != "%" ||
            share.upper ||
            // "占", or the part's label with 占比 ("予以公开占比").
            !(IsAny(share.label, words.shares) ||
              EndsWithAny(share.label, words.share_suffixes)))
          break;
        // The part's words and a ";" or "," before it, no sentence end;
        // its share right after it.
        if (part.value_begin < from ||
            n_.substr(from, part.value_begin - from).find("。") !=
                std::string_view::npos)
          break;
        const std::string_view link =
            n_.substr(part.value_end, share.value_begin - part.value_end);
        if (!IsAny(link, words.share_links)) break;
        parts.push_back(i);
        shares.push_back(i + 1);
        from = share.value_end;
      }
      if (parts.size() < 2) continue;
      const bool summed = std::any_of(findings_.begin(), findings_.end(),
                                      [&](const Finding& f) {
                                        return f.type == FindingType::kSum &&
                                               f.indicators.front() == total.id;
                                      });
      if (!summed) EvaluateSum(t, parts, false, false);
      for (std::size_t k = 0; k < parts.size(); ++k) {
        const std::string name =
            NameOf(indicators_[parts[k]]) + "/" + NameOf(total);
        EvaluateRate(shares[k], {parts[k]}, t, &name);
      }
    }
  }

  // --- rates
  // ------------------------------------------------------------------

  // The nearest count before `rate` on its line whose label has one of `words`.
  std::optional<std::size_t> FindCount(
      std::size_t rate, const std::vector<std::string>& words,
      std::optional<std::size_t> not_this) const {
    const Indicator& r = indicators_[rate];
    // Counts stand near their rate; the bound keeps a one-line report linear.
    constexpr std::size_t kMaxLookBack = 64;
    for (std::size_t i = rate; i-- > 0 && rate - i <= kMaxLookBack;) {
      const Indicator& candidate = indicators_[i];
      if (candidate.line != r.line) break;
      if (candidate.kind != UnitKind::kCount || candidate.upper ||
          (not_this && *not_this == i))
        continue;
      for (const std::string& word : words) {
        if (LabelHas(candidate.label, word)) return i;
      }
    }
    return std::nullopt;
  }

  void CheckRates() {
    for (std::size_t i = 0; i < indicators_.size(); ++i) {
      const Indicator& rate = indicators_[i];
      if (rate.kind != UnitKind::kPercent || rate.unit != "%" || rate.upper)
        continue;
      if (!EndsWithAny(rate.label, Words().rate_suffixes)) continue;

      std::vector<std::size_t> numerators;
      std::optional<std::size_t> denominator;
      const RateDefinition* definition = nullptr;
      for (const RateDefinition& candidate : RateDefinitions()) {
        if (utf8::EndsWith(rate.label, candidate.rate)) {
          definition = &candidate;
          break;
        }
      }
      if (definition) {
        for (const auto& term : definition->numerator) {
          if (auto found = FindCount(i, term, std::nullopt))
            numerators.push_back(*found);
        }
        if (!numerators.empty())
          denominator =
              FindCount(i, definition->denominator, numerators.front());
      } else {
        GenericRate(i, numerators, denominator);
      }
      EvaluateRate(i, numerators, denominator);
    }
  }

  // "X率" against a count labelled exactly X and the first count of its
  // sentence.
  void GenericRate(std::size_t rate, std::vector<std::size_t>& numerators,
                   std::optional<std::size_t>& denominator) const {
    const Indicator& r = indicators_[rate];
    // The label without its rate suffix: 结案 of 结案率.
    std::string x;
    for (const std::string& suffix : Words().rate_suffixes) {
      if (utf8::EndsWith(r.label, suffix)) {
        x = r.label.substr(0, r.label.size() - suffix.size());
        break;
      }
    }
    if (utf8::CountChars(x) < 2) return;
    const std::size_t sentence = SentenceOf(r.value_begin);
    std::optional<std::size_t> numerator;
    for (std::size_t i = rate; i-- > 0;) {
      if (SentenceOf(indicators_[i].value_begin) != sentence) break;
      if (indicators_[i].kind == UnitKind::kCount &&
          indicators_[i].label == x) {
        numerator = i;
        break;
      }
    }
    if (!numerator) return;
    std::size_t first = *numerator;
    while (first > 0 &&
           SentenceOf(indicators_[first - 1].value_begin) == sentence)
      --first;
    for (std::size_t i = first; i < *numerator; ++i) {
      const Indicator& candidate = indicators_[i];
      if (candidate.kind != UnitKind::kCount ||
          candidate.unit != indicators_[*numerator].unit)
        continue;
      if (candidate.value < indicators_[*numerator].value) continue;
      denominator = i;
      break;
    }
    if (denominator) numerators.push_back(*numerator);
  }

  // `name`: what the rate is called when its label does not say it (a
  // share "占51.85%" is "予以公开/办结").
  void EvaluateRate(std::size_t rate_index,
                    const std::vector<std::size_t>& numerators,
                    std::optional<std::size_t> denominator,
                    const std::string* name = nullptr) {
    const Indicator& rate = indicators_[rate_index];
    Finding finding = NewFinding(FindingType::kRate, rate);
    if (name) finding.relation = "rate:" + *name;
    finding.stated = rate.value;
    const std::string stated_text = Print(rate.value) + "%";
    if (numerators.empty() || !denominator) {
      finding.status = FindingStatus::kUnverifiable;
      finding.expression = rate.label + " = " + stated_text;
      finding.message = rate.label + " " + stated_text +
                        ": the counts it is computed from are not stated";
      findings_.push_back(std::move(finding));
      return;
    }
    std::string top;
    bool qualified = rate.qualifier != Qualifier::kNone;
    // A figure beyond what exact arithmetic holds (finer than 10^-6, or
    // too large: Decimal::CheckPercent) is reported, not dropped.
    const auto beyond_exact = [&] {
      finding.status = FindingStatus::kUnverifiable;
      finding.expression = rate.label + " = " + stated_text;
      finding.message = rate.label + " " + stated_text +
                        ": its counts are beyond exact arithmetic";
      findings_.push_back(std::move(finding));
    };
    std::vector<Decimal> parts;
    for (const std::size_t i : numerators)
      parts.push_back(indicators_[i].value);
    const Indicator& bottom = indicators_[*denominator];
    const Decimal::PercentCheck check =
        Decimal::CheckPercent(parts, bottom.value, rate.value);
    using Outcome = Decimal::PercentCheck::Outcome;
    const std::size_t counted = check.outcome == Outcome::kBeyondExact
                                    ? check.beyond
                                    : numerators.size();
    for (std::size_t k = 0; k < counted; ++k) {
      const Indicator& part = indicators_[numerators[k]];
      if (!top.empty()) top += " + ";
      top += Print(part.value);
      finding.indicators.push_back(part.id);
      qualified = qualified || part.qualifier != Qualifier::kNone;
    }
    if (counted < numerators.size()) return beyond_exact();
    if (numerators.size() > 1) top = "(" + top + ")";
    finding.indicators.push_back(bottom.id);
    qualified = qualified || bottom.qualifier != Qualifier::kNone;
    if (check.outcome == Outcome::kBeyondExact) return beyond_exact();
    if (check.outcome == Outcome::kZeroWhole) return;  // "0件…办结率100%"

    const bool agrees = check.within_last_digit;
    finding.computed = Decimal::Parse(check.computed);
    finding.expression =
        top + " / " + Print(bottom.value) + " = " + check.computed + "%";
    const std::string said =
        (name ? "the share of " + *name : rate.label) + " " + stated_text;
    if (agrees) {
      finding.status = FindingStatus::kPass;
      finding.message = said + " agrees with its counts";
    } else if (qualified) {
      // "95%以上", "约": a bound, not a printed value.
      const bool holds =
          (rate.qualifier == Qualifier::kMoreThan && check.order >= 0) ||
          (rate.qualifier == Qualifier::kLessThan && check.order <= 0);
      finding.status =
          holds ? FindingStatus::kPass : FindingStatus::kUnverifiable;
      finding.message =
          said + (holds ? " holds as a bound on its counts"
                        : " is approximate and its counts give another value");
    } else {
      finding.status = FindingStatus::kMismatch;
      finding.message = said + " does not agree with its counts";
    }
    findings_.push_back(std::move(finding));
  }

  // --- balances
  // ---------------------------------------------------------------

  void CheckBalances() {
    // 上年结转 + 本年新收 = 本年办结 + 结转下年度, all four in one paragraph
    // (balance_terms.tsv).
    const std::vector<std::vector<BalanceWord>>& kTerms = BalanceTerms();
    // Characters such that each term's word holds one (util/word_set.h).
    static const WordSet kAnyTerm = [] {
      std::vector<std::string> words;
      for (const auto& term : BalanceTerms()) {
        for (const BalanceWord& word : term) words.push_back(word.word);
      }
      return WordSet(std::move(words), {.covering = true});
    }();
    std::size_t next = 0;
    while (next < indicators_.size()) {
      // The indicators of one line, which are consecutive.
      const int line = indicators_[next].line;
      const std::size_t first = next;
      while (next < indicators_.size() && indicators_[next].line == line)
        ++next;
      std::vector<std::optional<std::size_t>> found(kTerms.size());
      for (std::size_t i = first; i < next; ++i) {
        const Indicator& indicator = indicators_[i];
        if (indicator.kind != UnitKind::kCount) continue;
        // Nearly every label holds no term: passed over with a search or
        // two instead of one per word (LabelHas finds each word first).
        if (!kAnyTerm.MayHoldAny(indicator.label)) continue;
        for (std::size_t t = 0; t < kTerms.size(); ++t) {
          if (found[t]) continue;
          for (const BalanceWord& word : kTerms[t]) {
            if (LabelHas(indicator.label, word.word) &&
                (word.not_with.empty() ||
                 !LabelHas(indicator.label, word.not_with))) {
              found[t] = i;
              break;
            }
          }
        }
      }
      if (!found[0] || !found[1] || !found[2] || !found[3]) continue;
      const Indicator& a = indicators_[*found[0]];
      const Indicator& b = indicators_[*found[1]];
      const Indicator& c = indicators_[*found[2]];
      const Indicator& d = indicators_[*found[3]];
      Finding finding = NewFinding(FindingType::kBalance, a);
      finding.indicators = {a.id, b.id, c.id, d.id};
      finding.relation += "+" + NameOf(b) + "=" + NameOf(c) + "+" + NameOf(d);
      finding.stated = a.value.Plus(b.value);
      finding.computed = c.value.Plus(d.value);
      const auto side = [](const std::optional<Decimal>& value) {
        return value ? Print(*value) : std::string("(too large)");
      };
      finding.expression = Print(a.value) + " + " + Print(b.value) + " = " +
                           side(finding.stated) + " vs " + Print(c.value) +
                           " + " + Print(d.value) + " = " +
                           side(finding.computed);
      if (!finding.stated || !finding.computed) {
        // Reported, never a wrong sum: beyond 18 digits nothing is exact.
        finding.status = FindingStatus::kUnverifiable;
        finding.message =
            "the counts add up to more than exact arithmetic holds (18 digits)";
        findings_.push_back(std::move(finding));
        continue;
      }
      const bool qualified =
          a.qualifier != Qualifier::kNone || b.qualifier != Qualifier::kNone ||
          c.qualifier != Qualifier::kNone || d.qualifier != Qualifier::kNone;
      if (*finding.stated == *finding.computed) {
        finding.status = FindingStatus::kPass;
        finding.message =
            "carried over + new equals concluded + carried forward";
      } else {
        finding.status =
            qualified ? FindingStatus::kUnverifiable : FindingStatus::kMismatch;
        finding.message =
            "carried over + new does not equal concluded + carried forward";
      }
      findings_.push_back(std::move(finding));
    }
  }

  const Text& text_;
  std::string_view n_;
  const std::vector<Indicator>& indicators_;
  struct Bracket {
    std::size_t from;  // offset from which `depth` holds
    int depth;
  };
  std::vector<std::size_t> sentence_ends_;
  std::vector<Bracket> brackets_;
  std::vector<Finding> findings_;
};

}  // namespace

void MakeRelationsUnique(std::vector<Finding>& findings) {
  std::map<std::string, int> seen;
  for (const Finding& finding : findings) seen.emplace(finding.relation, 0);
  for (Finding& finding : findings) {
    int& count = seen[finding.relation];
    if (++count == 1) continue;
    // "#N" could itself be taken ("sum:X#2" named by an earlier pass):
    // count on until a free name.
    std::string name;
    do {
      name = finding.relation + "#" + std::to_string(count);
      ++count;
    } while (seen.count(name));
    --count;
    seen.emplace(name, 1);
    finding.relation = std::move(name);
  }
}

std::vector<Finding> CheckIndicators(const Text& text,
                                     const std::vector<Indicator>& indicators) {
  std::vector<Finding> findings = Checker(text, indicators).Run();
  NoteOcrFigures(indicators, findings);
  return findings;
}

void NoteOcrFigures(const std::vector<Indicator>& indicators,
                    std::vector<Finding>& findings) {
  std::map<std::string_view, const Indicator*> by_id;
  for (const Indicator& indicator : indicators)
    by_id.emplace(indicator.id, &indicator);
  for (Finding& finding : findings) {
    if (finding.status != FindingStatus::kMismatch) continue;
    int lowest = -1;
    for (const std::string& id : finding.indicators) {
      const auto found = by_id.find(id);
      if (found == by_id.end() || found->second->ocr_confidence < 0) continue;
      const int confidence = found->second->ocr_confidence;
      lowest = lowest < 0 ? confidence : std::min(lowest, confidence);
    }
    if (lowest < 0) continue;
    finding.message += " (a figure was read by OCR, confidence " +
                       std::to_string(lowest) +
                       ": it may be misread, compare it with the page)";
  }
}

}  // namespace lawreport
