// Which mentions are indicators, and what each one measures. See
// indicators.h for the rules; the vocabulary is data/lexicon/{fixed_terms,
// change_words,label_trim}.tsv.
#include "lawreport/indicators.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "indicators/table_figures.h"
#include "lexicon/lexicon.h"
#include "util/regex.h"
#include "util/utf8.h"

namespace lawreport {

const char* DirectionName(Direction direction) {
  switch (direction) {
    case Direction::kUp:
      return "up";
    case Direction::kDown:
      return "down";
    case Direction::kNone:
      return "";
  }
  return "";
}

namespace {

struct ChangeWord {
  std::string word;
  Direction direction;
  bool points_only;  // 高于/低于: a direction for 个百分点 and 倍, not a change
                     // of a percent
};

struct TrimWord {
  std::string word;
  std::string not_after;   // characters that keep a trailing word (行为)
  std::string not_before;  // characters that keep a leading word (共同)
};

// The characters the fixed terms are written with. A match holds only
// characters its pattern names, so it lies inside one run of these
// characters; such a run, searched alone, yields exactly the matches a
// search of the whole text finds in it. `known` is false when a pattern
// uses anything that matches characters it does not name (".", escapes,
// negated classes, flags, anchors): the whole text is then searched.
struct Alphabet {
  bool known = false;
  std::vector<char32_t> chars;  // sorted

  bool Contains(char32_t cp) const {
    return std::binary_search(chars.begin(), chars.end(), cp);
  }
};

Alphabet ReadAlphabet(const std::vector<std::string>& patterns) {
  Alphabet alphabet;
  for (const std::string& pattern : patterns) {
    for (const std::string_view beyond :
         {".", "\\", "^", "$", "(?i", "(?s", "(?m", "(?U", "(?P"}) {
      if (pattern.find(beyond) != std::string::npos) return {};
    }
    for (std::size_t pos = 0; pos < pattern.size();) {
      const utf8::CodePoint cp = utf8::Decode(pattern, pos);
      if (cp.value == utf8::kReplacement) return {};
      pos += cp.length;
      // A range in a class ("0-9", "①-⑳") names every character in it.
      if (pos + 1 < pattern.size() && pattern[pos] == '-' &&
          pattern[pos + 1] != ']') {
        const utf8::CodePoint last = utf8::Decode(pattern, pos + 1);
        if (last.value < cp.value || last.value - cp.value > 0x400) return {};
        for (char32_t c = cp.value; c <= last.value; ++c)
          alphabet.chars.push_back(c);
        pos += 1 + last.length;
        continue;
      }
      // Syntax characters ("(", "[", "+", "|") are taken too: harmless, a
      // larger alphabet only makes longer runs.
      alphabet.chars.push_back(cp.value);
    }
  }
  std::sort(alphabet.chars.begin(), alphabet.chars.end());
  alphabet.chars.erase(
      std::unique(alphabet.chars.begin(), alphabet.chars.end()),
      alphabet.chars.end());
  alphabet.known = true;
  return alphabet;
}

// The words of a longest-first list that can match at one end of a label,
// found by a byte of that end. Clean goes round its loop once per trim and
// compared every label with every word (some fifty) each time; a Chinese
// character's last byte tells most characters apart, so a bucket holds a
// word or two. Buckets keep the list's longest-first order.
class ByteIndex {
 public:
  // `key_at` gives the byte a word is filed under, or nothing for a word too
  // short to have one (filed in `short_words`, which come after every bucket
  // word in the list since the list is longest first).
  template <typename Word, typename KeyAt>
  static ByteIndex Of(const std::vector<Word>& list, KeyAt key_at) {
    ByteIndex index;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::optional<unsigned char> key = key_at(list[i].word);
      if (key) {
        index.buckets_[*key].push_back(i);
      } else {
        index.short_words_.push_back(i);
      }
    }
    return index;
  }
  const std::vector<std::size_t>& Bucket(unsigned char key) const {
    return buckets_[key];
  }
  const std::vector<std::size_t>& ShortWords() const { return short_words_; }

 private:
  std::array<std::vector<std::size_t>, 256> buckets_;
  std::vector<std::size_t> short_words_;
};

// A trailing word (or change word) ends with its last byte: filed by it.
std::optional<unsigned char> LastByte(std::string_view word) {
  return static_cast<unsigned char>(word.back());
}
// A leading word is filed by its third byte, the last byte of its first
// character when that is Chinese; shorter words are checked every time.
constexpr std::size_t kLeadingKeyByte = 2;
std::optional<unsigned char> LeadingKey(std::string_view word) {
  if (word.size() <= kLeadingKeyByte) return std::nullopt;
  return static_cast<unsigned char>(word[kLeadingKeyByte]);
}

struct Vocabulary {
  std::vector<Regex> fixed_terms;
  Alphabet fixed_alphabet;
  std::vector<ChangeWord> change_words;  // longest first
  std::vector<TrimWord> leading, trailing;
  ByteIndex change_by_last, leading_by_key, trailing_by_last;
};

const Vocabulary& Words() {
  static const Vocabulary vocabulary = [] {
    Vocabulary v;
    // One alternation of every term: the text is scanned once, not once per
    // term.
    std::string alternation;
    std::vector<std::string> patterns;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("fixed_terms.tsv")) {
      const Regex pattern(row.Get("pattern"));
      if (!pattern.ok())
        lexicon::BadLexicon("fixed_terms.tsv", row.line(), pattern.error());
      if (!alternation.empty()) alternation += "|";
      alternation += "(?:" + std::string(row.Get("pattern")) + ")";
      patterns.emplace_back(row.Get("pattern"));
    }
    v.fixed_terms.emplace_back(alternation);
    v.fixed_alphabet = ReadAlphabet(patterns);
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("change_words.tsv")) {
      if (row.Get("word").empty())
        lexicon::BadLexicon("change_words.tsv", row.line(), "empty word");
      v.change_words.push_back(
          {std::string(row.Get("word")),
           row.Get("direction") == "down" ? Direction::kDown : Direction::kUp,
           row.Get("applies") == "points"});
    }
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("label_trim.tsv")) {
      TrimWord word{std::string(row.Get("word")),
                    std::string(row.Get("not_after")),
                    std::string(row.Get("not_before"))};
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
    v.change_by_last = ByteIndex::Of(v.change_words, LastByte);
    v.leading_by_key = ByteIndex::Of(v.leading, LeadingKey);
    v.trailing_by_last = ByteIndex::Of(v.trailing, LastByte);
    return v;
  }();
  return vocabulary;
}

bool ContainsChar(std::string_view set, char32_t cp) {
  for (std::size_t offset = 0; offset < set.size();) {
    const utf8::CodePoint c = utf8::Decode(set, offset);
    if (c.value == cp) return true;
    offset += c.length;
  }
  return false;
}

// The bytes of the comparison that ends `rest` ("同比", "比上年",
// "较2020年底"), the longest when several do, or 0. What
// (.*?)(?:同比|比上年|…|(?:比|较)[0-9]{4}年(?:底|末)?)$ leaves out of its
// group, without the regex: RE2 ran that pattern for every change verb,
// thousands of instructions a call for a few suffix compares. As there, the
// words before the comparison hold no line break ("." stops at one).
std::size_t ComparisonSuffix(std::string_view rest) {
  std::size_t longest = 0;
  for (const std::string_view word :
       {"同比", "比上年", "较上年", "比去年", "较去年", "环比", "年均",
        "比全国", "较全国"}) {
    if (word.size() > longest && utf8::EndsWith(rest, word))
      longest = word.size();
  }
  // 比 or 较, four digits, 年, then 底 or 末 or nothing.
  std::size_t year_end = rest.size();
  if (utf8::EndsWith(rest, "底") || utf8::EndsWith(rest, "末"))
    year_end -= std::string_view("底").size();
  const std::string_view head = rest.substr(0, year_end);
  constexpr std::size_t kYear = 4 + std::string_view("年").size();
  constexpr std::size_t kThan = std::string_view("比").size();
  if (utf8::EndsWith(head, "年") && head.size() >= kYear + kThan) {
    const std::string_view digits = head.substr(head.size() - kYear, 4);
    const std::string_view than =
        head.substr(head.size() - kYear - kThan, kThan);
    if (std::all_of(digits.begin(), digits.end(),
                    [](char c) { return c >= '0' && c <= '9'; }) &&
        (than == "比" || than == "较")) {
      longest = std::max(longest, rest.size() - head.size() + kYear + kThan);
    }
  }
  if (longest == 0 || rest.substr(0, rest.size() - longest).find('\n') !=
                          std::string_view::npos)
    return 0;
  return longest;
}

bool IsAsciiLetter(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}
bool IsIdeograph(char32_t cp) { return cp >= 0x4E00 && cp <= 0x9FFF; }

// Characters that end the clause a label is taken from.
bool IsClauseBoundary(char32_t cp) {
  switch (cp) {
    case U'，':
    case U',':
    case U'；':
    case U';':
    case U'。':
    case U'：':
    case U':':
    case U'！':
    case U'!':
    case U'？':
    case U'?':
    case U'、':
    case U'(':
    case U')':
    case U'\n':
    case U'…':
    case U'—':
      return true;
    default:
      return false;
  }
}

// The same, minus 、: a list of labels ("参学率、参考率") stays together.
bool IsSentenceClauseBoundary(char32_t cp) {
  return cp != U'、' && IsClauseBoundary(cp);
}

// Words that cannot open a label after the number: "3个以上", "5件的".
bool OpensNoLabel(char32_t cp) {
  switch (cp) {
    case U'的':
    case U'是':
    case U'和':
    case U'与':
    case U'及':
    case U'或':
    case U'等':
    case U'以':
    case U'左':
    case U'上':
    case U'下':
    case U'内':
    case U'次':
    case U'里':
    case U'后':
    case U'前':
    case U'时':
    case U'间':
    case U'来':
    case U'起':
    case U'到':
    case U'至':
    case U'为':
    case U'达':
    case U'余':
    case U'多':
    case U'同':
    case U'比':
    case U'增':
    case U'减':
    case U'降':
    case U'提':
    case U'占':
    case U'分':
    case U'均':
      return true;
    default:
      return false;
  }
}

// Ends an after-number label: "执法单位的账号" → "执法单位".
bool EndsAfterLabel(char32_t cp) {
  return cp == U'的' || cp == U'和' || cp == U'与' || cp == U'及' ||
         cp == U'、' || cp == U'等';
}

struct SectionSpan {
  std::size_t begin;
  std::size_t marker_end;
  const std::string* id;
};

class Extractor {
 public:
  Extractor(const Text& text, const Outline& outline,
            const std::vector<Mention>& mentions)
      : text_(text),
        n_(text.normalized()),
        outline_(outline),
        mentions_(mentions) {}

  std::vector<Indicator> Run() {
    ForEachSection(outline_.sections, [&](const Section& s) {
      sections_.push_back({s.begin, s.marker_end, &s.id});
    });
    appendix_begin_ =
        outline_.appendix.empty() ? n_.size() : outline_.appendix.front().begin;
    FindFixedSpans();
    std::sort(fixed_spans_.begin(), fixed_spans_.end());
    fixed_max_end_ = RunningMaxEnd(fixed_spans_);
    FindEnclosedSpans();
    enclosed_max_end_ = RunningMaxEnd(enclosed_spans_);

    // Figures in table cells are labelled by their headers, not by the
    // words around them.
    std::vector<indicators_internal::TableFigure> table_figures =
        indicators_internal::FindTableFigures(text_, mentions_);
    std::vector<const indicators_internal::TableFigure*> table_figure_of(
        mentions_.size(), nullptr);
    for (const auto& figure : table_figures)
      table_figure_of[figure.mention] = &figure;

    kept_.resize(mentions_.size());
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      kept_[i] = !table_figure_of[i] && !InTextTable(mentions_[i]) &&
                 IsIndicator(mentions_[i]);
    }
    // Previous and next kept mention of each, so label bounds are O(1).
    previous_kept_end_.assign(mentions_.size(), 0);
    next_kept_.assign(mentions_.size(), mentions_.size());
    for (std::size_t i = 1; i < mentions_.size(); ++i) {
      previous_kept_end_[i] =
          kept_[i - 1] ? mentions_[i - 1].end : previous_kept_end_[i - 1];
    }
    for (std::size_t i = mentions_.size(); i-- > 1;) {
      next_kept_[i - 1] = kept_[i] ? i : next_kept_[i];
    }
    std::vector<bool> done(mentions_.size(), false);
    // At most one indicator per kept mention or table figure: room for all
    // of them at once, so the vector never moves its (string-heavy)
    // indicators while growing.
    indicators_.reserve(
        static_cast<std::size_t>(std::count(kept_.begin(), kept_.end(), true)) +
        table_figures.size());
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      if (table_figure_of[i]) {
        EmitTableFigure(mentions_[i], *table_figure_of[i]);
        continue;
      }
      if (done[i] || !kept_[i]) continue;
      // Both read the clause before the number with its lists kept: found
      // once for the two.
      const std::size_t list_clause = ClauseStart(
          mentions_[i].qualifier_begin, LabelFloor(i), /*keep_lists=*/true);
      if (Distribute(i, list_clause, done)) continue;
      if (Share(i, list_clause)) continue;
      Emit(mentions_[i], SingleLabel(i), "");
    }
    for (std::size_t i = 0; i < indicators_.size(); ++i) {
      indicators_[i].id = "i" + std::to_string(i + 1);
      indicators_[i].page = text_.PageAt(indicators_[i].value_begin);
      // Offsets are written out in the source a user can see; recognition
      // needed the normalized ones until now.
      indicators_[i].start = text_.SourceOffset(indicators_[i].text_begin);
      indicators_[i].end = text_.SourceOffset(indicators_[i].text_end);
    }
    return std::move(indicators_);
  }

 private:
  // --- which mentions are indicators -------------------------------------

  // A number in a table written as text that is not a cell's figure is part
  // of a row label ("6.属于四类过程性信息", "1.属于国家秘密") or a caption: the
  // table's figures are its cells.
  bool InTextTable(const Mention& m) const {
    if (text_.tables().empty()) return false;
    const Table* table = text_.TableAt(text_.PositionOf(m.begin).line);
    return table != nullptr && table->from_text;
  }

  char32_t CharBefore(std::size_t offset) const {
    if (offset == 0) return 0;
    const std::size_t start = utf8::PreviousBoundary(n_, offset);
    return utf8::Decode(n_, start).value;
  }
  // The character before `offset`, past one space: "第 3 次".
  char32_t CharBeforeSpace(std::size_t offset) const {
    if (offset > 0 && n_[offset - 1] == ' ') --offset;
    return CharBefore(offset);
  }
  char32_t CharAt(std::size_t offset) const {
    return offset < n_.size() ? utf8::Decode(n_, offset).value : 0;
  }

  bool IsIndicator(const Mention& m) const {
    if (m.kind == UnitKind::kNone) return false;
    // Years ("2023年", "二〇二三年", "2021—2025年") and digit strings.
    if (m.unit == "年" && (m.digit_string || (!m.chinese && m.digits == 4)))
      return false;
    if (m.digit_string) return false;
    // "一个", "一批", "一次": Chinese 一 counts nothing in report prose.
    if (m.chinese && m.value == Decimal::FromInt(1) && !m.upper) return false;
    // "这五年", "过去五年", "十年": spans of time in prose, not figures.
    if (m.chinese && m.unit == "年") return false;
    // "1类创新药", "二类疫苗": a category's name.
    if (m.unit == "类" && m.value < Decimal::FromInt(4) &&
        IsIdeograph(CharAt(m.end)))
      return false;
    // "6.属于四类过程性信息": what belongs to a category names it, whatever
    // its number; it counts no categories.
    if (m.unit == "类" &&
        utf8::EndsWith(n_.substr(0, m.qualifier_begin), "属于"))
      return false;
    // "10亿元以上项目15个": a sum and 以上 or 以下 right before a noun is a
    // class of things (projects of a billion yuan or more), not a sum spent.
    if (m.kind == UnitKind::kAmount &&
        (utf8::EndsWith(n_.substr(0, m.end), "以上") ||
         utf8::EndsWith(n_.substr(0, m.end), "以下")) &&
        IsIdeograph(CharAt(m.end)) && !OpensNoLabel(CharAt(m.end)))
      return false;
    // "二期", "二轮", "三批": phases and rounds of a named project.
    if (m.chinese && m.value < Decimal::FromInt(10) &&
        (m.unit == "期" || m.unit == "轮" || m.unit == "批")) {
      return false;
    }
    // Ordinals: 第四批, 第二十二个, and 第 3 次 in PDF-derived text.
    if (CharBeforeSpace(m.number_begin) == U'第' ||
        CharBeforeSpace(m.qualifier_begin) == U'第')
      return false;
    // Codes and names: PM2.5, 5G, 4A.
    if (IsAsciiLetter(CharBefore(m.number_begin)) ||
        IsAsciiLetter(CharAt(m.number_end)))
      return false;
    if (Covered(enclosed_spans_, enclosed_max_end_, m.number_begin,
                m.number_begin + 1))
      return false;
    if (Covered(fixed_spans_, fixed_max_end_, m.number_begin, m.end))
      return false;
    if (const SectionSpan* s = SectionBefore(m.number_begin);
        s && m.number_begin < s->marker_end) {
      return false;
    }
    return true;
  }

  // Whether [begin, end) overlaps a span of `spans`, sorted by start, with
  // `max_end[k]` the largest end among spans[0..k]: a span starting before
  // `end` overlaps exactly when the largest such end passes `begin`.
  static bool Covered(
      const std::vector<std::pair<std::size_t, std::size_t>>& spans,
      const std::vector<std::size_t>& max_end, std::size_t begin,
      std::size_t end) {
    const auto after = std::lower_bound(spans.begin(), spans.end(),
                                        std::make_pair(end, std::size_t{0}));
    if (after == spans.begin()) return false;
    return max_end[static_cast<std::size_t>(after - spans.begin()) - 1] > begin;
  }

  static std::vector<std::size_t> RunningMaxEnd(
      const std::vector<std::pair<std::size_t, std::size_t>>& spans) {
    std::vector<std::size_t> max_end(spans.size());
    std::size_t running = 0;
    for (std::size_t k = 0; k < spans.size(); ++k)
      max_end[k] = running = std::max(running, spans[k].second);
    return max_end;
  }

  // The last section whose marker starts at or before `offset`.
  const SectionSpan* SectionBefore(std::size_t offset) const {
    auto after = std::upper_bound(
        sections_.begin(), sections_.end(), offset,
        [](std::size_t o, const SectionSpan& s) { return o < s.begin; });
    return after == sections_.begin() ? nullptr : &*(after - 1);
  }

  // The fixed terms ("十四五", "二十大") matched only around the mentions,
  // not over the whole text: a fixed span matters only where it overlaps a
  // mention (IsIndicator). Around each mention the window reaches out to the
  // ends of the runs of fixed-term characters it touches (see Alphabet), so
  // the window holds exactly the matches a whole-text search finds there.
  void FindFixedSpans() {
    const Vocabulary& words = Words();
    const auto search = [&](std::size_t begin, std::size_t end) {
      for (const Regex& term : words.fixed_terms) {
        for (const auto& [b, e] : term.FindAll(n_.substr(begin, end - begin)))
          fixed_spans_.push_back({begin + b, begin + e});
      }
    };
    const Alphabet& alphabet = words.fixed_alphabet;
    if (!alphabet.known) {
      search(0, n_.size());
      return;
    }
    std::size_t window_begin = 0;
    std::size_t window_end = 0;
    bool open = false;
    for (const Mention& m : mentions_) {
      // Back from the mention to the start of its run, but not past the
      // open window: reaching it joins the two.
      std::size_t begin = std::min(m.begin, n_.size());
      if (!open || begin < window_begin || begin > window_end) {
        const std::size_t floor = open && begin > window_end ? window_end : 0;
        while (begin > floor) {
          const std::size_t previous = utf8::PreviousBoundary(n_, begin);
          if (!alphabet.Contains(utf8::Decode(n_, previous).value)) break;
          begin = previous;
        }
      }
      // Windows a few words apart are searched as one: a regex call costs
      // more than the bytes between them, and the joined window's ends are
      // still ends of runs.
      constexpr std::size_t kJoinGap = 64;
      if (open && (begin < window_begin || begin > window_end + kJoinGap)) {
        search(window_begin, window_end);
        open = false;
      }
      if (!open) {
        window_begin = begin;
        window_end = begin;
        open = true;
      }
      // On from the mention's end (or the window's, when further) to the end
      // of the run there.
      std::size_t end = std::max(window_end, std::min(m.end, n_.size()));
      while (end < n_.size()) {
        const utf8::CodePoint cp = utf8::Decode(n_, end);
        if (!alphabet.Contains(cp.value)) break;
        end += cp.length;
      }
      window_end = end;
    }
    if (open) search(window_begin, window_end);
  }

  // Spans inside 《》, “”, ‘’, 〔〕, ﹝﹞, 【】, [] or 「」, found in one pass.
  // Brackets do not cross lines, and an unclosed quote closes at the sentence
  // end, so one stray “ does not hide a paragraph.
  void FindEnclosedSpans() {
    std::vector<std::size_t> opened;
    const auto close_all = [&](std::size_t at) {
      if (!opened.empty()) enclosed_spans_.push_back({opened.front(), at});
      opened.clear();
    };
    // Every character below is "[", "]", "\n" or starts with the byte E2,
    // E3 or EF; the ideographs between them and other ASCII are stepped over
    // without decoding.
    static constexpr utf8::LeadByteStops kStops =
        utf8::LeadByteStops::Of("[]\n\xE2\xE3\xEF");
    for (std::size_t pos = utf8::SkipToStop(n_, 0, kStops); pos < n_.size();
         pos = utf8::SkipToStop(n_, pos, kStops)) {
      const utf8::CodePoint cp = utf8::Decode(n_, pos);
      switch (cp.value) {
        case U'《':
        case U'“':
        case U'‘':
        case U'〔':
        case U'﹝':
        case U'【':
        case U'[':
        case U'「':
          opened.push_back(pos);
          break;
        case U'》':
        case U'”':
        case U'’':
        case U'〕':
        case U'﹞':
        case U'】':
        case U']':
        case U'」':
          if (opened.size() == 1) {
            enclosed_spans_.push_back({opened.front(), pos + cp.length});
            opened.clear();
          } else if (!opened.empty()) {
            opened.pop_back();
          }
          break;
        case U'。':
        case U'！':
        case U'？':
        case U'\n':
          close_all(pos);
          break;
        default:
          break;
      }
      pos += cp.length;
    }
    close_all(n_.size());
    std::sort(enclosed_spans_.begin(), enclosed_spans_.end());
  }

  const Line& LineOf(std::size_t offset) const {
    const std::vector<Line>& lines = text_.lines();
    auto after = std::upper_bound(
        lines.begin(), lines.end(), offset,
        [](std::size_t o, const Line& l) { return o < l.begin; });
    return *(after - 1);
  }

  // --- labels -----------------------------------------------------------

  struct Label {
    std::size_t begin = 0;  // normalized span of the label words
    std::size_t end = 0;
    Direction direction = Direction::kNone;
    bool after = false;  // the label follows the number
    bool inherited = false;
    std::string inherited_text;
  };

  // Where the clause holding `offset` starts, not before `floor`.
  std::size_t ClauseStart(std::size_t offset, std::size_t floor,
                          bool keep_lists) const {
    std::size_t pos = offset;
    while (pos > floor) {
      // utf8::PreviousBoundary, inline: back over continuation bytes.
      std::size_t previous = pos - 1;
      while (previous > 0 &&
             (static_cast<unsigned char>(n_[previous]) & 0xC0) == 0x80)
        --previous;
      // Most characters walked over are ideographs (lead bytes E4 to E9,
      // U+4000 to U+9FFF), none of them a boundary: not decoded.
      const auto lead = static_cast<unsigned char>(n_[previous]);
      if (lead < 0xE4 || lead > 0xE9) {
        const char32_t cp = utf8::Decode(n_, previous).value;
        if (keep_lists ? IsSentenceClauseBoundary(cp) : IsClauseBoundary(cp))
          break;
      }
      pos = previous;
    }
    return pos;
  }

  // A label does not reach back past the indicator before it. Mentions that
  // are not indicators ("一般", "三甲", "2023年") are words of the label.
  std::size_t PreviousMentionEnd(std::size_t index) const {
    return previous_kept_end_[index];
  }

  // Where the words of a label before mention `index` may start: after the
  // previous indicator's number, and after a heading marker on the same line
  // ("（一）新增5家" is not labelled "（一）新增"). The previous indicator's
  // label may have run past its number ("18个部门完成联合抽查任务6个"): both
  // numbers then share those words, which is what the sentence says.
  std::size_t LabelFloor(std::size_t index) const {
    const Mention& m = mentions_[index];
    std::size_t floor =
        std::max(PreviousMentionEnd(index), LineOf(m.begin).begin);
    if (const SectionSpan* s = SectionBefore(m.number_begin);
        s && s->marker_end <= m.qualifier_begin) {
      floor = std::max(floor, s->marker_end);
    }
    return floor;
  }

  // Strips time phrases, adverbs and trailing verbs from [begin, end), and
  // records a change verb's direction.
  void Clean(Label& label, const Mention& m) const {
    // PDF-derived text puts a space between digits and words ("2024 年").
    static const Regex kLeadingTime(
        R"((?:截至|截止|到)?(?: ?(?:[0-9]{4} ?年(?:度|底|末|初)?|[0-9]{1,2} ?月(?:底|末|份)?|今年|去年|上年|全年|当年))+(?:以来|期间|内|,)?)");
    const Vocabulary& words = Words();
    bool changed = true;
    while (changed && label.begin < label.end) {
      changed = false;
      // "受理 17 件": the space before the number is no part of the label,
      // and would hide a trailing word from the trims below.
      while (label.begin < label.end && n_[label.begin] == ' ') ++label.begin;
      while (label.end > label.begin && n_[label.end - 1] == ' ') --label.end;
      if (label.begin == label.end) break;
      const std::string_view content =
          n_.substr(label.begin, label.end - label.begin);
      // A leading time phrase goes, unless it names the figure: 上年结转 is the
      // count carried over, not "last year, carried".
      // The time phrases open with a digit or one of 截 到 今 去 上 全 当.
      const bool may_be_time =
          !content.empty() &&
          ((content[0] >= '0' && content[0] <= '9') ||
           ContainsChar("截到今去上全当", utf8::Decode(content, 0).value));
      if (auto time =
              may_be_time ? kLeadingTime.MatchPrefix(content) : std::nullopt;
          time && time->length > 0 && time->length < content.size() &&
          !utf8::StartsWith(content.substr(time->length), "结转") &&
          !utf8::StartsWith(content.substr(time->length), "度结转")) {
        label.begin += time->length;
        changed = true;
        continue;
      }
      for (const std::size_t k : words.trailing_by_last.Bucket(
               static_cast<unsigned char>(content.back()))) {
        const TrimWord& word = words.trailing[k];
        if (!utf8::EndsWith(content, word.word)) continue;
        const std::string_view rest =
            content.substr(0, content.size() - word.word.size());
        const char32_t before =
            rest.empty()
                ? 0
                : utf8::Decode(rest, utf8::PreviousBoundary(rest, rest.size()))
                      .value;
        if (ContainsChar(word.not_after, before)) continue;
        label.end -= word.word.size();
        changed = true;
        break;
      }
      if (changed) continue;
      const auto trim_leading = [&](const std::vector<std::size_t>& list) {
        for (const std::size_t k : list) {
          const TrimWord& word = words.leading[k];
          if (utf8::StartsWith(content, word.word) &&
              !ContainsChar(word.not_before,
                            CharAt(label.begin + word.word.size()))) {
            label.begin += word.word.size();
            return true;
          }
        }
        return false;
      };
      // The bucket's words are all longer than the short ones, so this is
      // still longest first.
      if ((content.size() > kLeadingKeyByte &&
           trim_leading(words.leading_by_key.Bucket(
               static_cast<unsigned char>(content[kLeadingKeyByte])))) ||
          trim_leading(words.leading_by_key.ShortWords())) {
        changed = true;
        continue;
      }
      // "融安县共受理…", "全市累计…": a place name before an adverb is the
      // report's own body, not part of what is measured.
      {
        static const Regex kPlaceThenAdverb(
            R"((?:[^，,。、与和及的]{1,6}?(?:县|市|区|省|州|镇|乡|街道)(?:人民政府)?|全县|全市|全区|全省|全镇|我县|我市|我区|我省)(?:共|累计|共计|合计|已|全年))");
        const bool has_adverb =
            content.find("共") != std::string_view::npos ||
            content.find("累计") != std::string_view::npos ||
            content.find("已") != std::string_view::npos ||
            content.find("全年") != std::string_view::npos;
        if (auto match = has_adverb ? kPlaceThenAdverb.MatchPrefix(content)
                                    : std::nullopt;
            match && match->length < content.size() &&
            !ContainsChar("同享建治商性",
                          CharAt(label.begin + match->length))) {
          label.begin += match->length;
          changed = true;
          continue;
        }
      }
      // A comparison for points and multiples: "增速高于全国" → 增速, up.
      if (label.direction == Direction::kNone &&
          (m.unit == "个百分点" || m.unit == "倍")) {
        static const Regex kComparison(
            R"((.*?)(高于|高出|快于|低于|慢于)(?:全国|全省|全市|全区|全县|同期)?(?:平均水平|平均)?)");
        if (auto match = kComparison.MatchPrefix(content);
            match && match->length == content.size()) {
          const std::string_view verb = content.substr(match->group.size());
          label.direction =
              utf8::StartsWith(verb, "低于") || utf8::StartsWith(verb, "慢于")
                  ? Direction::kDown
                  : Direction::kUp;
          label.end = label.begin + match->group.size();
          changed = true;
          continue;
        }
      }
      // A change verb at the end: "地区生产总值增长" → 地区生产总值, up.
      // Only rates, points and multiples change: "新增5家" counts new things.
      const bool rate_like =
          m.kind == UnitKind::kPercent || m.kind == UnitKind::kChange;
      if (label.direction == Direction::kNone && rate_like) {
        const bool points = m.unit == "个百分点" || m.unit == "倍";
        for (const std::size_t k : words.change_by_last.Bucket(
                 static_cast<unsigned char>(content.back()))) {
          const ChangeWord& word = words.change_words[k];
          if (word.points_only && !points) continue;
          if (!utf8::EndsWith(content, word.word)) continue;
          label.direction = word.direction;
          label.end -= word.word.size();
          changed = true;
          break;
        }
        if (changed) {
          const std::string_view rest =
              n_.substr(label.begin, label.end - label.begin);
          label.end -= ComparisonSuffix(rest);
        }
      }
    }
    while (label.begin < label.end && n_[label.begin] == ' ') ++label.begin;
    while (label.end > label.begin && n_[label.end - 1] == ' ') --label.end;
  }

  Label SingleLabel(std::size_t index) const {
    const Mention& m = mentions_[index];
    const std::size_t floor = LabelFloor(index);
    const std::size_t clause =
        ClauseStart(m.qualifier_begin, floor, /*keep_lists=*/false);
    // The clause's words before the number, as written, before any trimming.
    const std::string_view raw_before =
        n_.substr(clause, m.qualifier_begin - clause);
    Label before;
    before.begin = clause;
    before.end = m.qualifier_begin;
    Clean(before, m);

    // "564名执法人员", "对全县37个执法部门", "70%村卫生室": what is counted
    // follows the number.
    if (m.kind == UnitKind::kCount || m.kind == UnitKind::kPercent) {
      // "95%以上的村集体": a 的 between number and noun is skipped.
      std::size_t after_begin = m.end;
      if (CharAt(after_begin) == U'的' &&
          IsIdeograph(CharAt(after_begin + std::string_view("的").size()))) {
        after_begin += std::string_view("的").size();
      }
      const char32_t next = CharAt(after_begin);
      if ((IsIdeograph(next) && !OpensNoLabel(next)) || next == U'“') {
        Label after;
        after.after = true;
        after.begin = after_begin;
        std::size_t pos = after_begin;
        std::size_t chars = 0;
        const std::size_t next_kept = next_kept_[index];
        const std::size_t next_mention =
            next_kept < mentions_.size() ? mentions_[next_kept].qualifier_begin
                                         : n_.size();
        // "13个具有行政执法权的行政机关": a lead-in verb's clause runs past 的
        // to its noun.
        static const Regex kVerbLeadIn(
            R"((?:具有|具备|有|没有|涉及|属于|符合|承担|负责|开展|参与|参加))");
        const bool through_de =
            kVerbLeadIn.MatchPrefix(n_.substr(after_begin)).has_value();
        bool in_quote = false;
        while (pos < n_.size() && pos < next_mention &&
               (chars < 12 || in_quote)) {
          const utf8::CodePoint cp = utf8::Decode(n_, pos);
          if (cp.value == U'“') in_quote = true;
          if (cp.value == U'”') in_quote = false;
          if (!in_quote && (IsClauseBoundary(cp.value) || cp.value == U' '))
            break;
          if (in_quote && (cp.value == U'。' || cp.value == U'\n')) break;
          if (EndsAfterLabel(cp.value) && !(through_de && cp.value == U'的'))
            break;
          pos += cp.length;
          ++chars;
        }
        after.end = pos;
        // "由51家整合为33家", "达8000处": the number completes a predicate
        // about the subject before it, and what follows is a verb, not a noun.
        const std::string_view after_text =
            n_.substr(after.begin, after.end - after.begin);
        bool predicate = false;
        for (const std::string_view end : {"为", "到", "至", "成"}) {
          predicate = predicate || utf8::EndsWith(after_text, end);
        }
        for (const std::string_view end : {"由", "从", "达", "为", "是"}) {
          predicate = predicate || (utf8::EndsWith(raw_before, end) &&
                                    before.begin < before.end);
        }
        if (chars >= 2 && !predicate) return after;
      }
    }
    // "由51家整合为33家": a bare verb of change before the number ("整合为",
    // "达到") names no new thing; the subject of the clause is meant.
    const bool bare_verb =
        (utf8::EndsWith(raw_before, "为") || utf8::EndsWith(raw_before, "到") ||
         utf8::EndsWith(raw_before, "至")) &&
        utf8::CountChars(n_.substr(before.begin, before.end - before.begin)) <=
            2;
    if (before.begin < before.end && !bare_verb) return before;

    // "地区生产总值5.2万亿元、增长5.4%": a bare change takes the subject of the
    // indicator before it in the same sentence.
    if (!indicators_.empty()) {
      const Indicator& previous = indicators_.back();
      const std::size_t sentence =
          ClauseStart(m.qualifier_begin, LineOf(m.begin).begin, true);
      if (previous.text_begin >= LineOf(m.begin).begin &&
          previous.text_end >= sentence) {
        before.inherited = true;
        before.inherited_text = previous.label;
      }
    }
    return before;  // possibly a bare verb, when nothing came before
  }

  // --- 均: one number, several labels -------------------------------------

  // Splits "A、B以及C" / "A、B和C" / "A和B" into items. 、 and 以及 always
  // separate; 和, 及 and 与 only once, after the last 、, and only between
  // two words of two characters or more, so 普及率 stays one word.
  std::vector<std::pair<std::size_t, std::size_t>> SplitList(
      std::size_t begin, std::size_t end) const {
    std::vector<std::size_t> cuts;  // offsets of separators, with their lengths
    std::vector<std::size_t> lengths;
    std::size_t last_comma_end = begin;
    for (std::size_t pos = begin; pos < end;) {
      const std::string_view rest = n_.substr(pos, end - pos);
      std::size_t length = 0;
      if (utf8::StartsWith(rest, "、")) length = std::string_view("、").size();
      if (utf8::StartsWith(rest, "以及"))
        length = std::string_view("以及").size();
      if (length > 0) {
        cuts.push_back(pos);
        lengths.push_back(length);
        pos += length;
        last_comma_end = pos;
        continue;
      }
      pos += utf8::Decode(n_, pos).length;
    }
    // The last 和/及/与 after the last 、.
    std::size_t conjunction = std::string_view::npos;
    for (std::size_t pos = last_comma_end; pos < end;) {
      const char32_t cp = utf8::Decode(n_, pos).value;
      if (cp == U'和' || cp == U'及' || cp == U'与') conjunction = pos;
      pos += utf8::Decode(n_, pos).length;
    }
    if (conjunction != std::string_view::npos) {
      const std::size_t after = conjunction + std::string_view("和").size();
      if (utf8::CountChars(
              n_.substr(last_comma_end, conjunction - last_comma_end)) >= 2 &&
          utf8::CountChars(n_.substr(after, end - after)) >= 2) {
        cuts.push_back(conjunction);
        lengths.push_back(after - conjunction);
      }
    }
    std::vector<std::pair<std::size_t, std::size_t>> items;
    std::size_t item_begin = begin;
    for (std::size_t k = 0; k < cuts.size(); ++k) {
      if (cuts[k] > item_begin) items.push_back({item_begin, cuts[k]});
      item_begin = cuts[k] + lengths[k];
    }
    if (end > item_begin) items.push_back({item_begin, end});
    return items;
  }

  // The items of a list of labels ("参学率、参考率以及合格率"). Items are
  // parallel, so when the first one carries the clause's lead-in
  // ("…考试中参学率") it is cut to the length of the longest other item. Empty
  // when the text is no such list.
  std::vector<std::pair<std::size_t, std::size_t>> ParallelItems(
      std::size_t begin, std::size_t end) const {
    constexpr std::size_t kMaxItemChars = 12;
    auto items = SplitList(begin, end);
    if (items.size() < 2) return {};
    std::size_t longest_other = 2;
    for (std::size_t k = 1; k < items.size(); ++k) {
      const std::size_t chars = utf8::CountChars(
          n_.substr(items[k].first, items[k].second - items[k].first));
      if (chars > kMaxItemChars) return {};
      longest_other = std::max(longest_other, chars);
    }
    auto& first = items.front();
    std::size_t chars =
        utf8::CountChars(n_.substr(first.first, first.second - first.first));
    while (chars > std::max(longest_other, kMaxItemChars / 2) &&
           first.first < first.second) {
      first.first += utf8::Decode(n_, first.first).length;
      --chars;
    }
    if (chars > longest_other + 2) {
      while (chars > longest_other) {
        first.first += utf8::Decode(n_, first.first).length;
        --chars;
      }
    }
    return items;
  }

  // `start`: ClauseStart(m.qualifier_begin, LabelFloor(index), true).
  bool Share(std::size_t index, std::size_t start) {
    const Mention& m = mentions_[index];
    const std::string_view span = n_.substr(start, m.qualifier_begin - start);
    // "均为", "都达到": 均 as an adverb before the verb, not in 年均, 人均,
    // 平均.
    static const Regex kShared(
        R"((?:均|都)(?:已|已经)?(?:为|达|达到|在|是|实现|超过|超|保持|有|完成|纳入|按|提高|提升|增长|下降))");
    std::size_t marker = std::string_view::npos;
    for (const std::string_view adverb : {"均", "都"}) {
      for (std::size_t pos = span.find(adverb); pos != std::string_view::npos;
           pos = span.find(adverb, pos + 1)) {
        if (kShared.MatchPrefix(span.substr(pos)) &&
            (marker == std::string_view::npos || pos > marker)) {
          marker = pos;
        }
      }
    }
    if (marker == std::string_view::npos || marker == 0) return false;
    const char32_t before_marker =
        utf8::Decode(span, utf8::PreviousBoundary(span, marker)).value;
    if (before_marker == U'年' || before_marker == U'人' ||
        before_marker == U'平')
      return false;
    const auto items = ParallelItems(start, start + marker);
    if (items.size() < 2) return false;
    Label verb;
    verb.begin = start + marker;
    verb.end = m.qualifier_begin;
    Clean(verb, m);
    for (const auto& [b, e] : items) {
      Label label;
      label.begin = b;
      label.end = e;
      Clean(label, m);
      label.direction = verb.direction;
      Emit(m, label, "+shared");
      // The text of each shared indicator runs from its label to the number.
    }
    return true;
  }

  // --- 分别: labels distributed over numbers in order
  // --------------------------

  // `start`: ClauseStart(m.qualifier_begin, LabelFloor(index), true).
  bool Distribute(std::size_t index, std::size_t start,
                  std::vector<bool>& done) {
    const Mention& m = mentions_[index];
    const std::string_view span = n_.substr(start, m.qualifier_begin - start);
    const std::size_t marker = span.rfind("分别");
    if (marker == std::string_view::npos || marker == 0) return false;
    const auto items = ParallelItems(start, start + marker);
    if (items.size() < 2) return false;

    // The numbers that follow, joined only by 、 , 和 及.
    std::vector<std::size_t> group = {index};
    while (group.size() < items.size() && group.back() + 1 < mentions_.size()) {
      const Mention& last = mentions_[group.back()];
      const Mention& next = mentions_[group.back() + 1];
      const std::string_view gap =
          n_.substr(last.end, next.qualifier_begin - last.end);
      if (gap != "、" && gap != "," && gap != "和" && gap != "及" &&
          gap != "与")
        break;
      if (!IsIndicator(next)) break;
      group.push_back(group.back() + 1);
    }
    if (group.size() != items.size()) return false;

    Label verb;
    verb.begin = start + marker;
    verb.end = m.qualifier_begin;
    Clean(verb, m);
    for (std::size_t k = 0; k < group.size(); ++k) {
      Label label;
      label.begin = items[k].first;
      label.end = items[k].second;
      Clean(label, mentions_[group[k]]);
      label.direction = verb.direction;
      Emit(mentions_[group[k]], label, "+distributed");
      done[group[k]] = true;
    }
    return true;
  }

  // --- output
  // -----------------------------------------------------------------

  std::optional<std::string> SectionAt(std::size_t offset) const {
    if (offset >= appendix_begin_) return std::nullopt;
    const SectionSpan* found = SectionBefore(offset);
    if (!found) return std::nullopt;
    return *found->id;
  }

  // A new indicator at the end of the list, placed at m's number: section,
  // line, column and the number's range, which every kind of figure shares.
  // It is filled where it stands: an Indicator holds a dozen strings, and
  // building it aside cost a move of each into the list.
  Indicator& AddPlacedAt(const Mention& m, std::size_t section_offset) {
    Indicator& indicator = indicators_.emplace_back();
    indicator.section = SectionAt(section_offset);
    const SourcePosition position = text_.PositionOf(m.number_begin);
    indicator.line = position.line;
    indicator.column = position.column;
    indicator.value_begin = m.number_begin;
    indicator.value_end = m.end;
    return indicator;
  }

  void EmitTableFigure(const Mention& m,
                       const indicators_internal::TableFigure& figure) {
    Indicator& indicator = AddPlacedAt(m, figure.begin);
    indicator.text_begin = figure.begin;
    indicator.text_end = figure.end;
    indicator.text.assign(text_.SourceOf(figure.begin, figure.end));
    indicator.label = figure.label;
    indicator.value = figure.value;
    indicator.upper = figure.upper;
    indicator.unit = figure.unit;
    indicator.kind = figure.kind;
    indicator.qualifier = figure.qualifier;
    indicator.rule = "table";
    indicator.cell = figure.cell;
    if (figure.canonical) {
      indicator.canonical = figure.canonical;
      indicator.canonical_rule = "template:open_government";
    }
  }

  void Emit(const Mention& m, const Label& label,
            const std::string& rule_suffix) {
    Indicator& indicator = AddPlacedAt(m, m.number_begin);
    if (label.after) {
      indicator.text_begin = m.qualifier_begin;
      indicator.text_end = label.end;
    } else {
      indicator.text_begin = label.begin < label.end
                                 ? std::min(label.begin, m.qualifier_begin)
                                 : m.qualifier_begin;
      indicator.text_end = m.end;
    }
    // A shared or distributed label may stand before other numbers: the text
    // is then the label, then the number's own words.
    if (!label.after && label.begin < label.end &&
        label.end < m.qualifier_begin && !rule_suffix.empty()) {
      indicator.text = std::string(text_.SourceOf(label.begin, label.end)) +
                       "…" +
                       std::string(text_.SourceOf(m.qualifier_begin, m.end));
    } else {
      indicator.text.assign(
          text_.SourceOf(indicator.text_begin, indicator.text_end));
    }
    if (label.inherited) {
      indicator.label = label.inherited_text;
    } else {
      indicator.label.assign(text_.SourceOf(label.begin, label.end));
    }
    indicator.value = m.value;
    indicator.upper = m.upper;
    indicator.unit = m.unit;
    indicator.kind = m.kind;
    indicator.qualifier = m.qualifier;
    indicator.direction = label.direction;
    if (m.kind == UnitKind::kPercent && label.direction != Direction::kNone) {
      indicator.kind = UnitKind::kChange;
    }
    indicator.rule = m.rule + rule_suffix;
  }

  const Text& text_;
  std::string_view n_;
  const Outline& outline_;
  const std::vector<Mention>& mentions_;
  std::vector<SectionSpan> sections_;
  std::size_t appendix_begin_ = 0;
  std::vector<std::pair<std::size_t, std::size_t>> fixed_spans_;
  std::vector<Indicator> indicators_;
  std::vector<bool> kept_;  // IsIndicator of each mention
  std::vector<std::size_t> previous_kept_end_;
  std::vector<std::size_t> next_kept_;
  std::vector<std::pair<std::size_t, std::size_t>> enclosed_spans_;
  std::vector<std::size_t> fixed_max_end_;
  std::vector<std::size_t> enclosed_max_end_;
};

}  // namespace

std::vector<Indicator> ExtractIndicators(const Text& text,
                                         const Outline& outline,
                                         const std::vector<Mention>& mentions) {
  return Extractor(text, outline, mentions).Run();
}

}  // namespace lawreport
