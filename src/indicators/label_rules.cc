// The label trimmers of label_rules.h, one function each, and the loop that
// runs them. The words they look for are data (label_trim.tsv,
// change_words.tsv, label_rules.tsv); only the order and the conditions are
// code.
#include "indicators/label_rules.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "util/regex.h"
#include "util/utf8.h"
#include "util/word_set.h"

namespace lawreport::indicators_internal {

bool ContainsChar(std::string_view set, char32_t cp) {
  for (std::size_t offset = 0; offset < set.size();) {
    const utf8::CodePoint c = utf8::Decode(set, offset);
    if (c.value == cp) return true;
    offset += c.length;
  }
  return false;
}

namespace {

struct ChangeWord {
  std::string word;
  Direction direction;
  bool points_only;  // 高于/低于: a direction for 个百分点 and 倍, not a change
                     // of a percent
};

// The words of a longest-first list as a WordSet, asked which word ends (or
// starts) a label: CleanLabel goes round its loop once per trim and compared
// every label with every word (some fifty) each time; the set's index by
// the two bytes at that end holds a word or two. The set keeps the list's
// longest-first order, so its index of a word is its place in the list.
template <typename Word>
WordSet IndexOf(const std::vector<Word>& list, const WordSetOptions& options) {
  std::vector<std::string> words;
  words.reserve(list.size());
  for (const Word& word : list) words.push_back(word.word);
  return WordSet(std::move(words), options);
}

// label_rules.tsv: the words and patterns of the rules that are not word
// lists of their own.
struct RuleWords {
  // trim_leading_time
  std::optional<Regex> leading_time;
  std::string time_opens;  // the characters a time phrase may open with
  std::vector<std::string> time_keeps;  // 结转: 上年结转 names the figure
  // trim_place_adverb
  std::optional<Regex> place_then_adverb;
  std::vector<std::string> adverbs;  // one must occur for the pattern to try
  std::string place_not_before;      // 共同, 共享: 共 opens a word there
  // drop_comparison and drop_change_verb
  std::vector<std::string> points_units;  // 个百分点, 倍
  std::optional<Regex> comparison;
  std::vector<std::string> comparison_down;  // 低于, 慢于
  // drop_change_verb: the comparison left before the verb
  std::vector<std::string> comparison_words;  // 同比, 比上年
  std::vector<std::string> than_words;        // 比, 较 (比2020年)
  std::string year_word;                      // 年
  std::vector<std::string> year_ends;         // 底, 末
  // Characters that cannot open a label after the number, sorted.
  std::vector<char32_t> opens_no_label;
};

struct Vocabulary {
  std::vector<ChangeWord> change_words;  // longest first
  std::vector<TrimWord> leading, trailing;
  WordSet change_by_end, leading_by_start, trailing_by_end;
  RuleWords rule;
};

Regex CompiledPattern(const lexicon::TsvRow& row) {
  Regex pattern(row.Get("value"));
  if (!pattern.ok())
    lexicon::BadLexicon("label_rules.tsv", row.line(), pattern.error());
  return pattern;
}

RuleWords ReadRuleWords() {
  RuleWords words;
  for (const lexicon::TsvRow& row : lexicon::ReadTsv("label_rules.tsv")) {
    const std::string_view rule = row.Get("rule");
    const std::string_view role = row.Get("role");
    const std::string value(row.Get("value"));
    const auto is = [&](std::string_view r, std::string_view o) {
      return rule == r && role == o;
    };
    if (is("trim_leading_time", "pattern")) {
      words.leading_time = CompiledPattern(row);
    } else if (is("trim_leading_time", "opens")) {
      words.time_opens += value;
    } else if (is("trim_leading_time", "keep_before")) {
      words.time_keeps.push_back(value);
    } else if (is("trim_place_adverb", "pattern")) {
      words.place_then_adverb = CompiledPattern(row);
    } else if (is("trim_place_adverb", "adverb")) {
      words.adverbs.push_back(value);
    } else if (is("trim_place_adverb", "not_before")) {
      words.place_not_before += value;
    } else if (is("drop_comparison", "pattern")) {
      words.comparison = CompiledPattern(row);
    } else if (is("drop_comparison", "down")) {
      words.comparison_down.push_back(value);
    } else if (is("drop_comparison", "points_unit")) {
      words.points_units.push_back(value);
    } else if (is("drop_change_verb", "comparison")) {
      words.comparison_words.push_back(value);
    } else if (is("drop_change_verb", "than")) {
      words.than_words.push_back(value);
    } else if (is("drop_change_verb", "year")) {
      words.year_word = value;
    } else if (is("drop_change_verb", "year_end")) {
      words.year_ends.push_back(value);
    } else if (is("label_after", "opens_no")) {
      for (std::size_t at = 0; at < value.size();) {
        const utf8::CodePoint cp = utf8::Decode(value, at);
        words.opens_no_label.push_back(cp.value);
        at += cp.length;
      }
    } else {
      lexicon::BadLexicon("label_rules.tsv", row.line(),
                          "no rule reads this role");
    }
  }
  if (!words.leading_time || !words.place_then_adverb || !words.comparison ||
      words.year_word.empty() || words.points_units.empty())
    lexicon::BadLexicon("label_rules.tsv", 0,
                        "a pattern, the year word or the points units are "
                        "missing");
  std::sort(words.opens_no_label.begin(), words.opens_no_label.end());
  return words;
}

const Vocabulary& Words() {
  static const Vocabulary vocabulary = [] {
    Vocabulary v;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("change_words.tsv")) {
      if (row.Get("word").empty())
        lexicon::BadLexicon("change_words.tsv", row.line(), "empty word");
      v.change_words.push_back(
          {std::string(row.Get("word")),
           row.Get("direction") == "down" ? Direction::kDown : Direction::kUp,
           row.Get("applies") == "points"});
    }
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("label_trim.tsv")) {
      TrimWord word{
          std::string(row.Get("word")), std::string(row.Get("not_after")),
          std::string(row.Get("not_before")), row.Get("alone") == "keep"};
      // An empty word would trim nothing forever (and has no byte to be
      // indexed by).
      if (word.word.empty())
        lexicon::BadLexicon("label_trim.tsv", row.line(), "empty word");
      (row.Get("position") == "leading" ? v.leading : v.trailing)
          .push_back(word);
    }
    const auto longest_first = [](auto& list) {
      std::stable_sort(list.begin(), list.end(),
                       [](const auto& a, const auto& b) {
                         return a.word.size() > b.word.size();
                       });
    };
    longest_first(v.change_words);
    longest_first(v.leading);
    longest_first(v.trailing);
    v.change_by_end = IndexOf(v.change_words, {.endings = true});
    v.leading_by_start = IndexOf(v.leading, {});
    v.trailing_by_end = IndexOf(v.trailing, {.endings = true});
    v.rule = ReadRuleWords();
    return v;
  }();
  return vocabulary;
}

bool AnyEquals(const std::vector<std::string>& words, std::string_view text) {
  return std::find(words.begin(), words.end(), text) != words.end();
}

char32_t CharAt(std::string_view text, std::size_t offset) {
  return offset < text.size() ? utf8::Decode(text, offset).value : 0;
}

char32_t LastChar(std::string_view text) {
  if (text.empty()) return 0;
  return utf8::Decode(text, utf8::PreviousBoundary(text, text.size())).value;
}

std::string_view Content(std::string_view text, const LabelSpan& span) {
  return text.substr(span.begin, span.end - span.begin);
}

// Multiples and percentage points are compared ("高于全国0.4个百分点");
// percents and counts are not.
bool PointsUnit(const Mention& m) {
  return AnyEquals(Words().rule.points_units, m.unit);
}

// The bytes of the comparison that ends `rest` ("同比", "比上年",
// "较2020年底"), the longest when several do, or 0. As
// (.*?)(?:同比|比上年|…|(?:比|较)[0-9]{4}年(?:底|末)?)$ would leave out of its
// group, without the regex: RE2 ran that pattern for every change verb,
// thousands of instructions a call for a few suffix compares. As there, the
// words before the comparison hold no line break ("." stops at one).
std::size_t ComparisonSuffix(std::string_view rest) {
  const RuleWords& words = Words().rule;
  std::size_t longest = 0;
  for (const std::string& word : words.comparison_words) {
    if (word.size() > longest && utf8::EndsWith(rest, word))
      longest = word.size();
  }
  // A than word, four digits, the year word, then a year end or nothing.
  std::size_t year_end = rest.size();
  for (const std::string& end : words.year_ends) {
    if (utf8::EndsWith(rest, end)) {
      year_end -= end.size();
      break;
    }
  }
  const std::string_view head = rest.substr(0, year_end);
  const std::size_t year = 4 + words.year_word.size();
  if (utf8::EndsWith(head, words.year_word)) {
    for (const std::string& than_word : words.than_words) {
      if (head.size() < year + than_word.size()) continue;
      const std::string_view digits = head.substr(head.size() - year, 4);
      const std::string_view than =
          head.substr(head.size() - year - than_word.size(), than_word.size());
      if (std::all_of(digits.begin(), digits.end(),
                      [](char c) { return c >= '0' && c <= '9'; }) &&
          than == than_word) {
        longest = std::max(longest,
                           rest.size() - head.size() + year + than_word.size());
        break;
      }
    }
  }
  if (longest == 0 || rest.substr(0, rest.size() - longest).find('\n') !=
                          std::string_view::npos)
    return 0;
  return longest;
}

// "2023年", "截至2023年底", "今年以来": a leading time phrase goes, unless it
// names the figure: 上年结转 is the count carried over, not "last year,
// carried".
bool TrimLeadingTime(std::string_view text, const Mention&, LabelSpan& span) {
  const RuleWords& words = Words().rule;
  const std::string_view content = Content(text, span);
  // The time phrases open with a digit or one of a few characters: the
  // regex runs only on those.
  const bool may_be_time =
      (content[0] >= '0' && content[0] <= '9') ||
      ContainsChar(words.time_opens, utf8::Decode(content, 0).value);
  if (!may_be_time) return false;
  const auto time = words.leading_time->MatchPrefix(content);
  if (!time || time->length == 0 || time->length >= content.size())
    return false;
  for (const std::string& keep : words.time_keeps) {
    if (utf8::StartsWith(content.substr(time->length), keep)) return false;
  }
  span.begin += time->length;
  return true;
}

// "受理案件达" → 受理案件: a verb or copula right before the number.
bool TrimTrailingWord(std::string_view text, const Mention&, LabelSpan& span) {
  const Vocabulary& words = Words();
  const std::string_view content = Content(text, span);
  const auto trimmed = words.trailing_by_end.FirstEndingAt(
      content, content.size(), [&](std::size_t k) {
        const TrimWord& word = words.trailing[k];
        const std::string_view rest =
            content.substr(0, content.size() - word.word.size());
        if (ContainsChar(word.not_after, LastChar(rest))) return false;
        // "连续4年", "并连续4年": a word kept alone is kept before a bare
        // connective too.
        return !(
            word.keep_alone &&
            (rest.empty() ||
             std::any_of(words.leading.begin(), words.leading.end(),
                         [&](const TrimWord& w) { return w.word == rest; })));
      });
  if (!trimmed) return false;
  span.end -= words.trailing[*trimmed].word.size();
  return true;
}

// "其中优秀卷", "累计宣讲" → 优秀卷, 宣讲: an adverb or connective first.
bool TrimLeadingWord(std::string_view text, const Mention&, LabelSpan& span) {
  const Vocabulary& words = Words();
  const std::string_view content = Content(text, span);
  const auto trimmed =
      words.leading_by_start.FirstAt(content, 0, [&](std::size_t k) {
        return !ContainsChar(
            words.leading[k].not_before,
            CharAt(text, span.begin + words.leading[k].word.size()));
      });
  if (!trimmed) return false;
  span.begin += words.leading[*trimmed].word.size();
  return true;
}

// "融安县共受理…", "全市累计…": a place name before an adverb is the
// report's own body, not part of what is measured.
bool TrimPlaceAdverb(std::string_view text, const Mention&, LabelSpan& span) {
  const RuleWords& words = Words().rule;
  const std::string_view content = Content(text, span);
  const bool has_adverb =
      std::any_of(words.adverbs.begin(), words.adverbs.end(),
                  [&](const std::string& adverb) {
                    return content.find(adverb) != std::string_view::npos;
                  });
  if (!has_adverb) return false;
  const auto match = words.place_then_adverb->MatchPrefix(content);
  if (!match || match->length >= content.size() ||
      ContainsChar(words.place_not_before,
                   CharAt(text, span.begin + match->length)))
    return false;
  span.begin += match->length;
  return true;
}

// A comparison for points and multiples: "增速高于全国" → 增速, up.
bool DropComparison(std::string_view text, const Mention& m, LabelSpan& span) {
  if (span.direction != Direction::kNone || !PointsUnit(m)) return false;
  const RuleWords& words = Words().rule;
  const std::string_view content = Content(text, span);
  const auto match = words.comparison->MatchPrefix(content);
  if (!match || match->length != content.size()) return false;
  const std::string_view verb = content.substr(match->group.size());
  const bool down = std::any_of(
      words.comparison_down.begin(), words.comparison_down.end(),
      [&](const std::string& word) { return utf8::StartsWith(verb, word); });
  span.direction = down ? Direction::kDown : Direction::kUp;
  span.end = span.begin + match->group.size();
  return true;
}

// A change verb at the end: "地区生产总值同比增长" → 地区生产总值, up, and
// the comparison before the verb goes with it. Only rates, points and
// multiples change: "新增5家" counts new things.
bool DropChangeVerb(std::string_view text, const Mention& m, LabelSpan& span) {
  const bool rate_like =
      m.kind == UnitKind::kPercent || m.kind == UnitKind::kChange;
  if (span.direction != Direction::kNone || !rate_like) return false;
  const Vocabulary& words = Words();
  const std::string_view content = Content(text, span);
  const bool points = PointsUnit(m);
  const auto changed = words.change_by_end.FirstEndingAt(
      content, content.size(), [&](std::size_t k) {
        return points || !words.change_words[k].points_only;
      });
  if (changed) {
    const ChangeWord& word = words.change_words[*changed];
    span.direction = word.direction;
    span.end -= word.word.size();
    span.end -= ComparisonSuffix(Content(text, span));
    return true;
  }
  return false;
}

// The why of each rule is for a reader of `explain`; its Chinese examples
// are in the comment of its function above.
constexpr LabelRule kLabelRules[] = {
    {"trim_leading_time",
     "a time phrase before the label says when, not what is measured",
     TrimLeadingTime},
    {"trim_trailing_word",
     "a verb or copula right before the number is no part of what is "
     "measured (label_trim.tsv)",
     TrimTrailingWord},
    {"trim_leading_word",
     "an adverb or connective opening the label is no part of what is "
     "measured (label_trim.tsv)",
     TrimLeadingWord},
    {"trim_place_adverb",
     "the report's own place before an adverb says who reports, not what",
     TrimPlaceAdverb},
    {"drop_comparison",
     "a comparison before points or a multiple gives the direction, not the "
     "label (label_rules.tsv)",
     DropComparison},
    {"drop_change_verb",
     "a change verb before a rate gives the direction, not the label "
     "(change_words.tsv)",
     DropChangeVerb},
};
static_assert(std::size(kLabelRules) <= 32, "the rule set is a 32-bit mask");

void TrimSpaces(std::string_view text, LabelSpan& span) {
  while (span.begin < span.end && text[span.begin] == ' ') ++span.begin;
  while (span.end > span.begin && text[span.end - 1] == ' ') --span.end;
}

}  // namespace

std::span<const LabelRule> LabelRules() { return kLabelRules; }

bool OpensNoLabel(char32_t cp) {
  const std::vector<char32_t>& chars = Words().rule.opens_no_label;
  return std::binary_search(chars.begin(), chars.end(), cp);
}

std::uint32_t CleanLabel(std::string_view text, const Mention& m,
                         LabelSpan& span, std::vector<LabelStep>* steps) {
  std::uint32_t ran = 0;
  bool changed = true;
  while (changed && span.begin < span.end) {
    changed = false;
    // "受理 17 件": the space before the number is no part of the label,
    // and would hide a trailing word from the trims.
    TrimSpaces(text, span);
    if (span.begin == span.end) break;
    for (std::size_t k = 0; k < std::size(kLabelRules); ++k) {
      const LabelSpan before = span;
      if (!kLabelRules[k].apply(text, m, span)) continue;
      ran |= std::uint32_t{1} << k;
      if (steps)
        steps->push_back({static_cast<std::uint8_t>(k), before.begin,
                          before.end, span.begin, span.end});
      changed = true;
      break;
    }
  }
  TrimSpaces(text, span);
  return ran;
}

std::string LabelRuleNames(std::uint32_t rules) {
  std::string names;
  for (std::size_t k = 0; k < std::size(kLabelRules); ++k) {
    if (!(rules & (std::uint32_t{1} << k))) continue;
    if (!names.empty()) names += '+';
    names += kLabelRules[k].name;
  }
  return names;
}

}  // namespace lawreport::indicators_internal
