// Time and stance of every indicator (see AssignTimeStance in indicators.h).
//
// Each paragraph (source line) is scanned once for cues: the phrases of
// data/lexicon/time_cues.tsv and written years (2025年, 2021—2025年,
// 到2030年, 截至2025年底). A figure then looks back from its number: the
// nearest period cue in its paragraph, the target words of its sentence and
// the aggregate words of its clause. Sections are read once too: the first
// plan or review word of a heading and its time phrase, inherited by the
// sections under it.
//
//   "五年来，……地区生产总值跨过3万亿元、年均增长5.2％"  (2026 work report)
//   → 3万亿元: phrase 五年来 (2021–2025), level 跨过 → point, from null
//     5.2％:   phrase 五年来, average 年均 → average 2021–2025
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lawreport/indicators.h"
#include "lexicon/lexicon.h"
#include "util/char_set.h"
#include "util/utf8.h"
#include "util/year.h"

namespace lawreport {
namespace {

constexpr std::string_view kCueFile = "time_cues.tsv";
// How far back in a paragraph a time phrase still counts: a work report's
// review paragraphs run to some 3000 characters under one 五年来.
constexpr std::size_t kMaxLookBackBytes = 12000;

enum class CueType {
  kPeriod,
  kTarget,
  kAverage,
  kTotal,
  kStock,
  kLevel,
  kPlan,
  kReview
};

// A year as the lexicon writes it: R+1, N-1, 2021, or "-" for none.
struct YearExpr {
  enum class Anchor { kNone, kReviewed, kNow, kCalendar };
  Anchor anchor = Anchor::kNone;
  int value = 0;  // the offset, or the calendar year
};

struct Cue {
  CueType type = CueType::kPeriod;
  std::string text;
  YearExpr from;
  YearExpr to;
  bool weak = false;
  bool whole_sentence = false;  // a stock cue that opens its sentence: 截至
  std::u32string not_after;
  std::vector<std::string> not_before;
};

// The words around a written year (the year_* types of time_cues.tsv):
// "2021—2025年", "到2030年", "截至2025年底", "2020年以来", "比2020年".
struct YearWords {
  std::string year;                 // after the four digits: 年
  char32_t year_last = 0;           // the last character of `year`
  std::u32string not_after;         // before the digits, a base of comparison
  std::vector<std::string> span;    // between two years: —, 至
  std::vector<std::string> by;      // before the year, a deadline: 到, 截至
  std::vector<std::string> end;     // after it, the year's end: 底, 末
  std::vector<std::string> since;   // after it, from then on: 以来
  std::vector<std::string> before;  // after it, a deadline: 前
};

// time_cues.tsv, read once: the cues looked for at every character, and
// the words of a written year.
struct TimeWords {
  std::vector<Cue> cues;
  // Indices into `cues` by each cue's first character, in file order: most
  // characters of a paragraph open no cue, and the rest try only the few
  // that open with them (the scan ran every cue at every character, a third
  // of a batch's instructions).
  std::unordered_map<char32_t, std::vector<std::size_t>> cues_by_first;
  CharSet cue_openers;  // the keys of cues_by_first, asked first
  YearWords years;
};

YearExpr ParseYear(std::string_view field, int line) {
  YearExpr year;
  if (field.empty() || field == "-") return year;
  std::size_t at = 0;
  if (field[0] == 'R' || field[0] == 'N') {
    year.anchor =
        field[0] == 'R' ? YearExpr::Anchor::kReviewed : YearExpr::Anchor::kNow;
    at = 1;
    if (at == field.size()) return year;
  } else {
    year.anchor = YearExpr::Anchor::kCalendar;
  }
  int sign = 1;
  if (year.anchor != YearExpr::Anchor::kCalendar) {
    if (field[at] != '+' && field[at] != '-')
      lexicon::BadLexicon(kCueFile, line, "bad year: " + std::string(field));
    sign = field[at] == '-' ? -1 : 1;
    ++at;
  }
  int value = 0;
  for (; at < field.size(); ++at) {
    if (field[at] < '0' || field[at] > '9')
      lexicon::BadLexicon(kCueFile, line, "bad year: " + std::string(field));
    value = value * 10 + (field[at] - '0');
  }
  year.value = sign * value;
  return year;
}

CueType ParseType(std::string_view type, int line) {
  static constexpr std::pair<std::string_view, CueType> kTypes[] = {
      {"period", CueType::kPeriod},   {"target", CueType::kTarget},
      {"average", CueType::kAverage}, {"total", CueType::kTotal},
      {"stock", CueType::kStock},     {"level", CueType::kLevel},
      {"plan", CueType::kPlan},       {"review", CueType::kReview}};
  for (const auto& [name, value] : kTypes) {
    if (name == type) return value;
  }
  lexicon::BadLexicon(kCueFile, line, "unknown type: " + std::string(type));
}

// A row of a year_* type into `years`; false for a row of a cue type.
bool ReadYearWord(const lexicon::TsvRow& row, YearWords& years) {
  const std::string_view type = row.Get("type");
  std::string word(row.Get("cue"));
  if (type == "year_word") {
    if (!years.year.empty())
      lexicon::BadLexicon(kCueFile, row.line(), "a second year_word");
    years.year = word;
    years.year_last =
        utf8::Decode(word, utf8::PreviousBoundary(word, word.size())).value;
    years.not_after = utf8::CodePoints(row.Get("not_after"));
  } else if (type == "year_span") {
    years.span.push_back(std::move(word));
  } else if (type == "year_by") {
    years.by.push_back(std::move(word));
  } else if (type == "year_end") {
    years.end.push_back(std::move(word));
  } else if (type == "year_since") {
    years.since.push_back(std::move(word));
  } else if (type == "year_before") {
    years.before.push_back(std::move(word));
  } else {
    return false;
  }
  return true;
}

const TimeWords& Words() {
  static const TimeWords words = [] {
    TimeWords loaded;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv(kCueFile)) {
      if (row.Get("cue").empty())
        lexicon::BadLexicon(kCueFile, row.line(), "cue is required");
      if (ReadYearWord(row, loaded.years)) continue;
      Cue cue;
      cue.type = ParseType(row.Get("type"), row.line());
      cue.text = std::string(row.Get("cue"));
      cue.from = ParseYear(row.Get("from"), row.line());
      cue.to = ParseYear(row.Get("to"), row.line());
      cue.weak = row.Get("strength") == "weak";
      cue.whole_sentence = row.Get("scope") == "sentence";
      cue.not_after = utf8::CodePoints(row.Get("not_after"));
      const std::string_view not_before = row.Get("not_before");
      for (std::size_t start = 0; start < not_before.size();) {
        std::size_t bar = not_before.find('|', start);
        if (bar == std::string_view::npos) bar = not_before.size();
        if (bar > start)
          cue.not_before.emplace_back(not_before.substr(start, bar - start));
        start = bar + 1;
      }
      const char32_t first = utf8::Decode(cue.text, 0).value;
      loaded.cues_by_first[first].push_back(loaded.cues.size());
      loaded.cue_openers.Add({first, first});
      loaded.cues.push_back(std::move(cue));
    }
    if (loaded.years.year.empty())
      lexicon::BadLexicon(kCueFile, 0, "want a year_word row");
    return loaded;
  }();
  return words;
}

// The indices of the cues that open with `first`, in file order.
const std::vector<std::size_t>& CuesOpeningWith(const TimeWords& words,
                                                char32_t first) {
  static const std::vector<std::size_t> kNone;
  if (!words.cue_openers.Contains(first)) return kNone;
  const auto found = words.cues_by_first.find(first);
  return found == words.cues_by_first.end() ? kNone : found->second;
}

// The years a report speaks from: R, the year it reviews, and N, the year
// its 今年 means.
struct Anchors {
  std::optional<int> reviewed;
  std::optional<int> now;
};

std::optional<int> Resolve(const YearExpr& year, const Anchors& anchors) {
  switch (year.anchor) {
    case YearExpr::Anchor::kNone:
      return std::nullopt;
    case YearExpr::Anchor::kCalendar:
      return year.value;
    case YearExpr::Anchor::kReviewed:
      if (!anchors.reviewed) return std::nullopt;
      return *anchors.reviewed + year.value;
    case YearExpr::Anchor::kNow:
      if (!anchors.now) return std::nullopt;
      return *anchors.now + year.value;
  }
  return std::nullopt;
}

// A cue found in the text, at normalized [begin, end).
struct Hit {
  std::size_t begin = 0;
  std::size_t end = 0;
  CueType type = CueType::kPeriod;
  const Cue* cue = nullptr;  // null for a written year
  Period period;             // kPeriod only
  bool stock = false;        // a written year that ends a stock: 2025年底
  std::string name;          // for time_rule: "五年来", "2025年"
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A four-digit year at `at` followed by 年 (the year_word; spaces allowed):
// its value and the offset past 年.
std::optional<std::pair<int, std::size_t>> YearAt(std::string_view text,
                                                  std::size_t at,
                                                  std::string_view year_word) {
  if (at + 4 > text.size()) return std::nullopt;
  for (std::size_t i = at; i < at + 4; ++i) {
    if (!IsDigit(text[i])) return std::nullopt;
  }
  if (at + 4 < text.size() && IsDigit(text[at + 4])) return std::nullopt;
  const std::optional<int> year = ReadYear(text.substr(at, 4));
  if (!year) return std::nullopt;
  std::size_t after = at + 4;
  while (after < text.size() && text[after] == ' ') ++after;
  if (text.substr(after, year_word.size()) != year_word) return std::nullopt;
  return std::make_pair(*year, after + year_word.size());
}

bool StartsAt(std::string_view text, std::size_t at, std::string_view word) {
  return text.substr(at, word.size()) == word;
}

// The first of `words` that starts at `at`, or null.
const std::string* WordAt(std::string_view text, std::size_t at,
                          const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    if (StartsAt(text, at, word)) return &word;
  }
  return nullptr;
}

// One of `words` ends right before `at`.
bool EndsAt(std::string_view text, std::size_t at,
            const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    if (at >= word.size() && StartsAt(text, at - word.size(), word))
      return true;
  }
  return false;
}

// Every cue of `text` (a paragraph at normalized offset `base`), in order.
// Words inside 《》 name documents, not times, and are skipped.
std::vector<Hit> FindCuesIn(std::string_view text, std::size_t base,
                            const Anchors& anchors) {
  const TimeWords& words = Words();
  const YearWords& years = words.years;
  std::vector<Hit> hits;
  int title_depth = 0;
  char32_t previous = 0;
  for (std::size_t at = 0; at < text.size();) {
    const utf8::CodePoint cp = utf8::Decode(text, at);
    if (cp.value == U'《') ++title_depth;
    if (cp.value == U'》' && title_depth > 0) --title_depth;
    if (title_depth > 0) {
      previous = cp.value;
      at += cp.length;
      continue;
    }
    std::size_t next = at + cp.length;
    if (auto year =
            IsDigit(text[at]) ? YearAt(text, at, years.year) : std::nullopt;
        year && !(previous >= U'0' && previous <= U'9')) {
      Hit hit;
      hit.begin = base + at;
      std::size_t end = year->second;
      hit.period = {year->first, year->first};
      // "比2020年增长": a base of comparison, not the figure's year.
      if (years.not_after.find(previous) == std::u32string::npos) {
        // "2021—2025年", "2021年至2025年", "2021-2025年".
        for (std::size_t probe : {at + 4, end}) {
          for (std::string_view dash : years.span) {
            if (!StartsAt(text, probe, dash)) continue;
            std::size_t second_at = probe + dash.size();
            // A dash doubled: "2021——2025年".
            constexpr std::string_view kEmDash = "—";
            while (StartsAt(text, second_at, kEmDash))
              second_at += kEmDash.size();
            if (auto second = YearAt(text, second_at, years.year);
                second && second->first >= year->first) {
              hit.period = {year->first, second->first};
              end = second->second;
            }
          }
          if (hit.period.from != hit.period.to) break;
        }
        const bool by_year = EndsAt(text, at, years.by);
        if (hit.period.from == hit.period.to) {
          if (const std::string* year_end = WordAt(text, end, years.end)) {
            hit.stock = true;
            hit.period.from.reset();
            end += year_end->size();
          } else if (const std::string* since =
                         WordAt(text, end, years.since)) {
            hit.period.to = anchors.reviewed
                                ? std::max(*anchors.reviewed, year->first)
                                : year->first;
            end += since->size();
          } else if (WordAt(text, end, years.before) || by_year) {
            hit.period.from.reset();
          }
        }
        hit.end = base + end;
        hit.name = std::string(text.substr(at, end - at));
        hits.push_back(std::move(hit));
      }
      next = end;
      previous = years.year_last;
      at = next;
      continue;
    }
    for (const std::size_t index : CuesOpeningWith(words, cp.value)) {
      const Cue& cue = words.cues[index];
      if (!StartsAt(text, at, cue.text)) continue;
      if (cue.not_after.find(previous) != std::u32string::npos) continue;
      const std::size_t end = at + cue.text.size();
      // A quoted cue reads on past its closing quote: “十四五”圆满收官.
      std::size_t after = end;
      for (const std::string_view quote : {"”", "’", "」", "』", "\""}) {
        if (StartsAt(text, after, quote)) after += quote.size();
      }
      bool refused = false;
      for (const std::string& word : cue.not_before) {
        if (StartsAt(text, after, word)) refused = true;
      }
      if (refused) continue;
      Hit hit;
      hit.begin = base + at;
      hit.end = base + end;
      hit.type = cue.type;
      hit.cue = &cue;
      hit.name = cue.text;
      if (cue.type == CueType::kPeriod) {
        hit.period = {Resolve(cue.from, anchors), Resolve(cue.to, anchors)};
        hit.stock = cue.from.anchor == YearExpr::Anchor::kNone;
      }
      hits.push_back(std::move(hit));
    }
    previous = cp.value;
    at = next;
  }
  return hits;
}

// Quotation marks are dropped before the cues are looked for:
// "较“十三五”末" compares with the end of 十三五 just as "较十三五末" does.
// Offsets of the hits are mapped back to the text.
std::vector<Hit> FindCues(std::string_view text, std::size_t base,
                          const Anchors& anchors) {
  // Where the quotes were: from stripped offset `first`, `removed` bytes of
  // quotes in all lie before it in the text. Most paragraphs have a few
  // quotes or none, so the text is copied in runs between them.
  struct Shift {
    std::size_t first = 0;
    std::size_t removed = 0;
  };
  std::vector<Shift> shifts;
  std::string stripped;
  std::size_t copied = 0;  // text before this offset is in `stripped`
  for (std::size_t at = 0; at < text.size();) {
    // Every quote mark opens with byte E2 (“”‘’) or is " itself.
    if (text[at] != '\xE2' && text[at] != '"') {
      ++at;
      continue;
    }
    const utf8::CodePoint cp = utf8::Decode(text, at);
    const bool quote = cp.value == U'“' || cp.value == U'”' ||
                       cp.value == U'‘' || cp.value == U'’' || cp.value == U'"';
    if (quote) {
      if (stripped.empty()) stripped.reserve(text.size());
      stripped.append(text.substr(copied, at - copied));
      copied = at + cp.length;
      if (!shifts.empty() && shifts.back().first == stripped.size()) {
        shifts.back().removed += cp.length;
      } else {
        const std::size_t before = shifts.empty() ? 0 : shifts.back().removed;
        shifts.push_back({stripped.size(), before + cp.length});
      }
    }
    at += cp.length;
  }
  if (shifts.empty()) return FindCuesIn(text, base, anchors);
  stripped.append(text.substr(copied));
  // The offset in `text` of stripped byte `offset`.
  const auto origin = [&shifts](std::size_t offset) {
    const auto after = std::upper_bound(
        shifts.begin(), shifts.end(), offset,
        [](std::size_t o, const Shift& shift) { return o < shift.first; });
    return after == shifts.begin() ? offset : offset + (after - 1)->removed;
  };
  std::vector<Hit> hits = FindCuesIn(stripped, 0, anchors);
  for (Hit& hit : hits) {
    hit.begin = base + origin(hit.begin);
    // The end stays right after the cue's last byte.
    hit.end = base + origin(hit.end - 1) + 1;
  }
  return hits;
}

enum class Stance { kNone, kReview, kPlan };

// What a section's heading, or the nearest heading above it that says so,
// tells about the figures under it.
struct SectionState {
  Stance stance = Stance::kNone;
  std::string stance_word;
  std::optional<Period> period;
  bool period_stock = false;
  std::string period_word;
};

// A heading's own cues: its first plan or review word, and its time phrase
// (a one-year phrase when it names several: "“十四五”时期发展成就和2025年
// 工作回顾" is mostly about 2025, and its five-year paragraphs say so).
SectionState ReadHeading(std::string_view title, const Anchors& anchors) {
  SectionState state;
  std::size_t stance_at = std::string_view::npos;
  const Hit* chosen = nullptr;
  const std::vector<Hit> hits = FindCues(title, 0, anchors);
  for (const Hit& hit : hits) {
    if ((hit.type == CueType::kPlan || hit.type == CueType::kReview) &&
        hit.begin < stance_at) {
      stance_at = hit.begin;
      state.stance =
          hit.type == CueType::kPlan ? Stance::kPlan : Stance::kReview;
      state.stance_word = hit.name;
    }
    if (hit.type == CueType::kPeriod) {
      const bool one_year = hit.period.from && hit.period.from == hit.period.to;
      const bool chosen_one_year = chosen != nullptr && chosen->period.from &&
                                   chosen->period.from == chosen->period.to;
      if (chosen == nullptr || (one_year && !chosen_one_year)) chosen = &hit;
    }
  }
  if (chosen != nullptr) {
    state.period = chosen->period;
    state.period_stock = chosen->stock;
    state.period_word = chosen->name;
  }
  return state;
}

void CollectStates(const std::vector<Section>& sections,
                   const SectionState& parent, const Anchors& anchors,
                   bool top_level,
                   std::map<std::string, SectionState>& states) {
  SectionState previous_top;
  for (const Section& section : sections) {
    SectionState own = ReadHeading(section.title, anchors);
    // A part after the year's plan that names neither a time nor a stance
    // ("四、加强政府自身建设" after "三、2026年工作安排") goes on with it.
    if (top_level && own.stance == Stance::kNone && !own.period &&
        previous_top.stance == Stance::kPlan) {
      own = previous_top;
    }
    SectionState state = own;
    if (state.stance == Stance::kNone) {
      state.stance = parent.stance;
      state.stance_word = parent.stance_word;
    }
    if (!state.period) {
      state.period = parent.period;
      state.period_stock = parent.period_stock;
      state.period_word = parent.period_word;
    }
    if (top_level) previous_top = state;
    states[section.id] = state;
    CollectStates(section.children, state, anchors, false, states);
  }
}

bool IsOneYear(const Period& period) {
  return period.from && period.to && *period.from == *period.to;
}

bool IsSpan(const Period& period) {
  return period.from && period.to && *period.from < *period.to;
}

// The five-year plan a year belongs to: 2023 → 2021–2025.
Period PlanSpan(int year) {
  const int offset = year - 2021;
  const int plans = offset >= 0 ? offset / 5 : -((4 - offset) / 5);
  const int start = 2021 + 5 * plans;
  return {start, start + 4};
}

bool IsSentenceEnd(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?';
}

bool IsClauseEnd(char32_t c) {
  return IsSentenceEnd(c) || c == U'，' || c == U',' || c == U'；' ||
         c == U';' || c == U'：' || c == U':';
}

// The sentence and clause ends of a text, found once: StartOf for every
// figure of a 3000-character paragraph would walk back over it each time.
struct EndIndex {
  // Offsets just past each end character, ascending, with the offset where
  // that character begins.
  std::vector<std::pair<std::size_t, std::size_t>> sentence_ends;
  std::vector<std::pair<std::size_t, std::size_t>> clause_ends;

  explicit EndIndex(std::string_view text) {
    // Every end character is ASCII or opens with E3 (。) or EF (！？，；：):
    // the characters between them are skipped, not decoded.
    static constexpr utf8::LeadByteStops kEndOpeners =
        utf8::LeadByteStops::Of("!?,;:\xE3\xEF");
    for (std::size_t at = utf8::SkipToStop(text, 0, kEndOpeners);
         at < text.size(); at = utf8::SkipToStop(text, at, kEndOpeners)) {
      const utf8::CodePoint cp = utf8::Decode(text, at);
      const std::size_t next = at + std::max<std::size_t>(cp.length, 1);
      if (IsSentenceEnd(cp.value)) sentence_ends.emplace_back(next, at);
      if (IsClauseEnd(cp.value)) clause_ends.emplace_back(next, at);
      at = next;
    }
  }

  // The normalized offset where the sentence (or clause) holding `at`
  // begins, not before `floor`: just past the last end character that
  // begins at or after `floor` and ends by `at`, else the first character
  // boundary at or after `floor`.
  std::size_t StartOf(std::string_view text, std::size_t floor, std::size_t at,
                      bool clause) const {
    if (at <= floor) return at;
    const auto& ends = clause ? clause_ends : sentence_ends;
    auto after = std::upper_bound(
        ends.begin(), ends.end(), at,
        [](std::size_t o, const std::pair<std::size_t, std::size_t>& end) {
          return o < end.first;
        });
    if (after != ends.begin() && std::prev(after)->second >= floor)
      return std::prev(after)->first;
    return FirstBoundaryAfter(text, floor);
  }

  static std::size_t FirstBoundaryAfter(std::string_view text,
                                        std::size_t floor) {
    while (floor < text.size() &&
           (static_cast<unsigned char>(text[floor]) & 0xC0) == 0x80)
      ++floor;
    return floor;
  }
};

void AddRule(std::string& rule, std::string_view part) {
  if (!rule.empty()) rule += "; ";
  rule += part;
}

}  // namespace

const char* RoleName(Role role) {
  return role == Role::kTarget ? "target" : "actual";
}

const char* AggregateName(Aggregate aggregate) {
  switch (aggregate) {
    case Aggregate::kPoint:
      return "point";
    case Aggregate::kAverage:
      return "average";
    case Aggregate::kTotal:
      return "total";
  }
  return "point";
}

void AssignTimeStance(const Text& text, const Outline& outline,
                      std::vector<Indicator>& indicators) {
  const DocumentInfo& document = outline.document;
  Anchors anchors;
  anchors.reviewed = document.year;
  if (document.year) {
    anchors.now = document.kind == ReportKind::kWorkReport ? *document.year + 1
                                                           : *document.year;
  }
  std::map<std::string, SectionState> states;
  CollectStates(outline.sections, SectionState{}, anchors, true, states);

  const std::string_view normalized = text.normalized();
  // A phrase that opens a run of paragraphs ("这是经济实力持续提升的五年。"
  // on a line of its own) holds for the paragraphs after it in the same
  // section, until another lead line: the first period cue of every line.
  std::vector<std::optional<Hit>> last_phrase(
      static_cast<std::size_t>(text.line_count()) + 1);
  std::map<std::string, const Section*> sections;
  ForEachSection(outline.sections, [&](const Section& section) {
    sections[section.id] = &section;
  });
  // Only a short lead line carries: a long paragraph's phrases are about
  // its own sentences ("今年是“十五五”开局之年。……" says nothing of the
  // targets after it).
  constexpr std::size_t kMaxLeadChars = 40;
  const auto line_phrase = [&](int line_number) -> const std::optional<Hit>& {
    std::optional<Hit>& cached =
        last_phrase[static_cast<std::size_t>(line_number)];
    if (!cached) {
      const Line& line =
          text.lines()[static_cast<std::size_t>(line_number - 1)];
      Hit none;
      none.type = CueType::kTarget;  // marks "scanned, no phrase"
      cached = none;
      const std::string_view content =
          normalized.substr(line.begin, line.end - line.begin);
      if (utf8::CountChars(content) <= kMaxLeadChars) {
        for (const Hit& hit : FindCues(content, line.begin, anchors)) {
          if (hit.type == CueType::kPeriod) {
            cached = hit;
            break;
          }
        }
      }
    }
    return cached;
  };
  int cached_line = 0;
  std::vector<Hit> line_hits;
  const EndIndex ends(normalized);
  for (Indicator& indicator : indicators) {
    SectionState state;
    if (indicator.section) {
      if (auto found = states.find(*indicator.section); found != states.end())
        state = found->second;
    }
    if (state.stance == Stance::kNone &&
        document.kind == ReportKind::kWorkPlan) {
      state.stance = Stance::kPlan;
      state.stance_word = ReportKindName(document.kind);
    }

    // The cues of the figure's paragraph up to its number; a table cell has
    // none of its own.
    std::size_t paragraph_begin = indicator.value_begin;
    if (!indicator.cell && indicator.line >= 1 &&
        indicator.line <= text.line_count()) {
      const Line& line =
          text.lines()[static_cast<std::size_t>(indicator.line - 1)];
      if (cached_line != indicator.line) {
        cached_line = indicator.line;
        line_hits =
            FindCues(normalized.substr(line.begin, line.end - line.begin),
                     line.begin, anchors);
      }
      paragraph_begin = line.begin;
      if (indicator.value_begin > paragraph_begin + kMaxLookBackBytes) {
        paragraph_begin = indicator.value_begin - kMaxLookBackBytes;
      }
    }
    const std::size_t number = indicator.value_begin;
    const std::size_t sentence =
        ends.StartOf(normalized, paragraph_begin, number, false);
    const std::size_t clause =
        ends.StartOf(normalized, paragraph_begin, number, true);

    const Hit* phrase = nullptr;
    const Hit* target = nullptr;
    const Hit* marker = nullptr;  // average, total or level, in the clause
    const Hit* stock = nullptr;   // in the sentence
    if (!indicator.cell) {
      // The hits are in text order: only those from the paragraph's start
      // to the number are looked at, not the whole line's for every figure.
      auto first = std::lower_bound(
          line_hits.begin(), line_hits.end(), paragraph_begin,
          [](const Hit& hit, std::size_t o) { return hit.begin < o; });
      for (auto it = first; it != line_hits.end() && it->begin < number; ++it) {
        const Hit& hit = *it;
        if (hit.begin < paragraph_begin || hit.end > number) continue;
        switch (hit.type) {
          case CueType::kPeriod:
            if (phrase == nullptr || hit.end >= phrase->end) phrase = &hit;
            break;
          case CueType::kTarget:
            if (hit.begin >= sentence &&
                (!hit.cue->weak || state.stance != Stance::kReview)) {
              target = &hit;
            }
            break;
          case CueType::kAverage:
          case CueType::kTotal:
          case CueType::kLevel:
            if (hit.begin >= clause) marker = &hit;
            break;
          case CueType::kStock:
            // 截至 opens a sentence ("截至2025年底，全省共有……"); 余额 and
            // 总量 name the figure of their own clause.
            if (hit.begin >= (hit.cue->whole_sentence ? sentence : clause)) {
              stock = &hit;
            }
            break;
          default:
            break;
        }
      }
    }

    // A phrase carried from an earlier paragraph of the same section.
    std::optional<Hit> carried;
    if (phrase == nullptr && !indicator.cell && indicator.section) {
      if (auto found = sections.find(*indicator.section);
          found != sections.end()) {
        const std::vector<Paragraph>& paragraphs = found->second->paragraphs;
        for (auto it = paragraphs.rbegin(); it != paragraphs.rend(); ++it) {
          if (it->line >= indicator.line || it->line < 1 ||
              it->line > text.line_count()) {
            continue;
          }
          const std::optional<Hit>& hit = line_phrase(it->line);
          if (hit && hit->type == CueType::kPeriod) {
            carried = hit;
            break;
          }
        }
      }
    }

    // Years: the phrase, the section, the report.
    std::string rule;
    Period period;
    bool from_phrase = false;
    bool period_stock = false;
    if (phrase != nullptr) {
      period = phrase->period;
      period_stock = phrase->stock;
      from_phrase = true;
      rule = "phrase:" + phrase->name;
    } else if (carried) {
      period = carried->period;
      period_stock = carried->stock;
      from_phrase = true;
      rule = "carried:" + carried->name;
    } else if (state.period) {
      period = *state.period;
      period_stock = state.period_stock;
      rule = "section:" + state.period_word;
    } else if (state.stance == Stance::kPlan && anchors.reviewed) {
      // 下一步工作 with no year: the year after the one reviewed.
      period = {*anchors.reviewed + 1, *anchors.reviewed + 1};
      rule = "section:" + state.stance_word;
    } else {
      period = {anchors.reviewed, anchors.reviewed};
      rule = "report_year";
    }

    // Stance: a target word, a period after the reviewed year, a plan
    // section unless a phrase says the figure is about a past year.
    Role role = Role::kActual;
    const bool future =
        period.to && anchors.reviewed && *period.to > *anchors.reviewed;
    if (target != nullptr) {
      role = Role::kTarget;
      AddRule(rule, "target_word:" + target->name);
    } else if (future) {
      role = Role::kTarget;
    } else if (!from_phrase && state.stance == Stance::kPlan) {
      role = Role::kTarget;
      if (rule.rfind("section:", 0) != 0 || !state.period)
        AddRule(rule, "section:" + state.stance_word);
    }

    // Aggregate.
    Aggregate aggregate = Aggregate::kPoint;
    const CueType marker_type =
        marker != nullptr ? marker->type : CueType::kPeriod;
    if (marker_type == CueType::kAverage) {
      aggregate = Aggregate::kAverage;
      AddRule(rule, "average:" + marker->name);
      // 年均 of one year, or by a year, speaks of a span: the section's
      // ("十五五"时期的主要目标) or the five-year plan's.
      if (!IsSpan(period) && period.to) {
        if (state.period && IsSpan(*state.period)) {
          period = *state.period;
          AddRule(rule, "section:" + state.period_word);
        } else {
          period = PlanSpan(*period.to);
          AddRule(rule, "plan_span");
        }
      }
    } else if ((stock != nullptr || period_stock) &&
               indicator.kind != UnitKind::kChange) {
      // A change is a flow even in a sentence about stocks: "信访总量下降9.6%".
      period.from.reset();
      if (stock != nullptr) AddRule(rule, "stock:" + stock->name);
      if (marker_type == CueType::kTotal) {
        aggregate = Aggregate::kTotal;
        AddRule(rule, "total:" + marker->name);
      }
    } else if (marker_type == CueType::kTotal) {
      if (!IsOneYear(period)) {
        aggregate = Aggregate::kTotal;
        AddRule(rule, "total:" + marker->name);
      }
    } else if (IsSpan(period)) {
      // Over five years a count or a change adds up; a rate, or a level
      // reached (跨过3万亿元), stands at the span's end.
      if (marker_type == CueType::kLevel ||
          (indicator.kind == UnitKind::kPercent)) {
        period.from.reset();
        if (marker != nullptr) AddRule(rule, "level:" + marker->name);
      } else {
        aggregate = Aggregate::kTotal;
        AddRule(rule, "span");
      }
    }

    indicator.role = role;
    indicator.period = period;
    indicator.aggregate = aggregate;
    indicator.time_rule = std::move(rule);
  }
}

}  // namespace lawreport
