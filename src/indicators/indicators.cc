// Which mentions are indicators, and what each one measures. See
// indicators.h for the rules; the vocabulary is data/lexicon/{fixed_terms,
// change_words,label_trim,label_words}.tsv: label_words.tsv holds every word
// the label finder below looks for, by the role it plays.
#include "lawreport/indicators.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "indicators/extract_trace.h"
#include "indicators/figure_rules.h"
#include "indicators/label_rules.h"
#include "indicators/table_figures.h"
#include "lexicon/lexicon.h"
#include "util/char_set.h"
#include "util/regex.h"
#include "util/utf8.h"
#include "util/word_set.h"

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

using indicators_internal::ContainsChar;
using indicators_internal::OpensNoLabel;
using indicators_internal::TrimWord;

// A loop, not std::find: asked for every character of a label's
// surroundings, where a call per element costs in an unoptimized build.
bool HasChar(std::u32string_view chars, char32_t cp) {
  for (const char32_t c : chars) {
    if (c == cp) return true;
  }
  return false;
}

// A word that marks its items as sharing one number (均, 都, 各), and the
// characters before it that make it part of another word (年均, 人均).
struct ShareMarker {
  std::string word;
  std::u32string not_after;
};

struct Vocabulary {
  std::vector<Regex> fixed_terms;
  // The characters the fixed terms are written with (nullopt: the patterns
  // do not name them all, and the whole text is searched).
  std::optional<CharSet> fixed_alphabet;
  // label_words.tsv, each list longest first unless it says otherwise.
  std::vector<std::string> scope_words;
  std::vector<std::string> clause_verbs;
  std::vector<TrimWord> predicate_ends;
  // after_number
  WordSet lead_in_verbs;
  std::u32string noun_ends;
  std::string noun_link;
  char32_t noun_link_char = 0;  // the same, one character
  std::vector<std::string> predicates_before;
  // before_number
  std::vector<std::string> bare_verbs;
  // share_of
  std::string share_verb;
  std::string share_suffix;
  // shared
  std::vector<ShareMarker> shared_adverbs;  // in file order
  std::vector<std::string> shared_already;  // longest first
  WordSet shared_verbs;
  std::optional<ShareMarker> each;
  std::vector<std::string> each_verbs;  // one of them may stand between 各
                                        // and the number
  std::string rate_end;
  // list
  WordSet list_separators;
  // The first bytes of the separators: most characters of a list open none,
  // and are passed over without a look-up.
  std::array<bool, 256> opens_separator{};
  std::u32string list_conjunctions;  // one character each
  // distributed
  std::string distributive;
  std::vector<std::string> group_joiners;
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
    v.fixed_alphabet = CharSet::OfPatterns(patterns);
    std::vector<std::string> lead_in_verbs, shared_verbs, list_separators;
    // A role that holds one word: a second row is a mistake in the file.
    const auto set_once = [](std::string& slot, const std::string& word,
                             const lexicon::TsvRow& row) {
      if (!slot.empty())
        lexicon::BadLexicon("label_words.tsv", row.line(),
                            "this role holds one word");
      slot = word;
    };
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("label_words.tsv")) {
      const std::string word(row.Get("word"));
      if (word.empty())
        lexicon::BadLexicon("label_words.tsv", row.line(), "empty word");
      const std::string_view role = row.Get("role");
      if (role == "scope") {
        v.scope_words.push_back(word);
      } else if (role == "clause_verb") {
        v.clause_verbs.push_back(word);
      } else if (role == "predicate_end") {
        v.predicate_ends.push_back(
            {word, std::string(row.Get("not_after")), ""});
      } else if (role == "lead_in_verb") {
        lead_in_verbs.push_back(word);
      } else if (role == "noun_end") {
        if (utf8::CountChars(word) != 1)
          lexicon::BadLexicon("label_words.tsv", row.line(),
                              "a noun_end is one character");
        v.noun_ends.push_back(utf8::CodePoints(word).front());
      } else if (role == "noun_link") {
        if (utf8::CountChars(word) != 1)
          lexicon::BadLexicon("label_words.tsv", row.line(),
                              "the noun_link is one character");
        set_once(v.noun_link, word, row);
        v.noun_link_char = utf8::CodePoints(word).front();
      } else if (role == "predicate_before") {
        v.predicates_before.push_back(word);
      } else if (role == "bare_verb") {
        v.bare_verbs.push_back(word);
      } else if (role == "share_verb") {
        set_once(v.share_verb, word, row);
      } else if (role == "share_suffix") {
        set_once(v.share_suffix, word, row);
      } else if (role == "shared_adverb") {
        v.shared_adverbs.push_back(
            {word, utf8::CodePoints(row.Get("not_after"))});
      } else if (role == "shared_already") {
        v.shared_already.push_back(word);
      } else if (role == "shared_verb") {
        shared_verbs.push_back(word);
      } else if (role == "each") {
        if (v.each)
          lexicon::BadLexicon("label_words.tsv", row.line(),
                              "this role holds one word");
        v.each = ShareMarker{word, utf8::CodePoints(row.Get("not_after"))};
      } else if (role == "each_verb") {
        v.each_verbs.push_back(word);
      } else if (role == "rate_end") {
        set_once(v.rate_end, word, row);
      } else if (role == "list_separator") {
        list_separators.push_back(word);
      } else if (role == "list_conjunction") {
        if (utf8::CountChars(word) != 1)
          lexicon::BadLexicon("label_words.tsv", row.line(),
                              "a list_conjunction is one character");
        v.list_conjunctions += utf8::CodePoints(word);
      } else if (role == "distributive") {
        set_once(v.distributive, word, row);
      } else if (role == "group_joiner") {
        v.group_joiners.push_back(word);
      } else if (role == "header_unit") {
        // Read by table_figures.cc.
      } else {
        lexicon::BadLexicon("label_words.tsv", row.line(), "unknown role");
      }
    }
    if (v.noun_link.empty() || v.share_verb.empty() || v.share_suffix.empty() ||
        !v.each || v.rate_end.empty() || v.distributive.empty())
      lexicon::BadLexicon("label_words.tsv", 0,
                          "a role that holds one word has none (noun_link, "
                          "share_verb, share_suffix, each, rate_end, "
                          "distributive)");
    v.lead_in_verbs = WordSet(std::move(lead_in_verbs));
    v.shared_verbs = WordSet(std::move(shared_verbs));
    for (const std::string& separator : list_separators)
      v.opens_separator[static_cast<unsigned char>(separator[0])] = true;
    v.list_separators = WordSet(std::move(list_separators));
    const auto by_length = [](const std::string& a, const std::string& b) {
      return a.size() > b.size();
    };
    std::stable_sort(v.scope_words.begin(), v.scope_words.end(), by_length);
    std::stable_sort(v.clause_verbs.begin(), v.clause_verbs.end(), by_length);
    std::stable_sort(v.shared_already.begin(), v.shared_already.end(),
                     by_length);
    const auto longest_first = [](auto& list) {
      std::stable_sort(list.begin(), list.end(),
                       [](const auto& a, const auto& b) {
                         return a.word.size() > b.word.size();
                       });
    };
    longest_first(v.predicate_ends);
    return v;
  }();
  return vocabulary;
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

// Ends an after-number label: "执法单位的账号" → "执法单位".
bool EndsAfterLabel(char32_t cp) {
  static const std::u32string_view noun_ends = Words().noun_ends;
  return HasChar(noun_ends, cp);
}

bool EndsWithAny(std::string_view text, const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    if (utf8::EndsWith(text, word)) return true;
  }
  return false;
}

struct SectionSpan {
  std::size_t begin;
  std::size_t marker_end;
  const std::string* id;
};

class Extractor {
 public:
  Extractor(const Text& text, const Outline& outline,
            const std::vector<Mention>& mentions,
            indicators_internal::ExtractTrace* trace = nullptr)
      : text_(text),
        n_(text.normalized()),
        outline_(outline),
        mentions_(mentions),
        trace_(trace) {
    // Where every clause ends, found once: ClauseStart is asked for each
    // figure's label, and walking back over a paragraph each time made a
    // line of 100,000 figures quadratic.
    // Every boundary is one of these ASCII marks or opens with E2 (…—),
    // E3 (。、) or EF (，；：！？): the characters between are skipped.
    static constexpr utf8::LeadByteStops kBoundaryOpeners =
        utf8::LeadByteStops::Of(",;:!?()\n\xE2\xE3\xEF");
    for (std::size_t at = utf8::SkipToStop(n_, 0, kBoundaryOpeners);
         at < n_.size(); at = utf8::SkipToStop(n_, at, kBoundaryOpeners)) {
      const utf8::CodePoint cp = utf8::Decode(n_, at);
      at += std::max<std::size_t>(cp.length, 1);
      if (IsClauseBoundary(cp.value)) clause_ends_.push_back(at);
      if (IsSentenceClauseBoundary(cp.value)) list_clause_ends_.push_back(at);
    }
  }

  std::vector<Indicator> Run() {
    ForEachSection(outline_.sections, [&](const Section& s) {
      sections_.push_back({s.begin, s.marker_end, &s.id});
    });
    appendix_begin_ =
        outline_.appendix.empty() ? n_.size() : outline_.appendix.front().begin;
    FindFixedSpans();
    fixed_ = indicators_internal::SpanSet(std::move(fixed_spans_));
    FindEnclosedSpans();
    enclosed_ = indicators_internal::SpanSet(std::move(enclosed_spans_));
    for (const SectionSpan& s : sections_)
      markers_.push_back({s.begin, s.marker_end});
    figure_context_ = {n_, &enclosed_, &fixed_, &markers_};

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
    if (trace_) {
      trace_->rejected_by.assign(mentions_.size(), nullptr);
      for (std::size_t i = 0; i < mentions_.size(); ++i) {
        if (table_figure_of[i] || kept_[i]) continue;
        const indicators_internal::FigureRule* rule =
            InTextTable(mentions_[i]) ? nullptr
                                      : indicators_internal::RejectingRule(
                                            figure_context_, mentions_[i]);
        trace_->rejected_by[i] = rule ? rule->name : "text_table";
      }
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
      indicators_[i].ocr_confidence = text_.OcrConfidence(
          indicators_[i].value_begin, indicators_[i].value_end);
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

  // Whether no figure rule (figure_rules.h) rejects `m`.
  bool IsIndicator(const Mention& m) const {
    return indicators_internal::RejectingRule(figure_context_, m) == nullptr;
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
  // ends of the runs of fixed-term characters it touches (util/char_set.h), so
  // the window holds exactly the matches a whole-text search finds there.
  void FindFixedSpans() {
    const Vocabulary& words = Words();
    const auto search = [&](std::size_t begin, std::size_t end) {
      for (const Regex& term : words.fixed_terms) {
        for (const auto& [b, e] : term.FindAll(n_.substr(begin, end - begin)))
          fixed_spans_.push_back({begin + b, begin + e});
      }
    };
    if (!words.fixed_alphabet) {
      search(0, n_.size());
      return;
    }
    const CharSet& alphabet = *words.fixed_alphabet;
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
    // The label is words not written together: a previous figure's label
    // ("地区生产总值" for "、增长5.4%"), a share's "X占比", a shared head
    // ("国家" + "知识产权优势企业").
    bool composed = false;
    std::string composed_text;
    // The trimmers that ran on the label's words (bit k for LabelRules()[k])
    // and, when tracing, each step; where the words came from (LabelTrace).
    std::uint32_t trims = 0;
    std::vector<indicators_internal::LabelStep> steps;
    const char* from = "before_number";
  };

  // The label is another figure's label, written elsewhere: the trimmers
  // that ran on the words here made no part of it.
  static void TakeOtherLabel(Label& label, std::string text) {
    label.composed = true;
    label.composed_text = std::move(text);
    label.trims = 0;
    label.steps.clear();
    label.from = "previous_figure";
  }

  std::string LabelText(const Label& label) const {
    if (label.composed) return label.composed_text;
    return std::string(text_.SourceOf(label.begin, label.end));
  }

  // Where the sentence holding `offset` starts (after 。；！？ or a line
  // break), not before `floor`. Clauses split at ，、：; a sentence does not.
  std::size_t SentenceStart(std::size_t offset, std::size_t floor) const {
    const auto ends_sentence = [](char32_t cp) {
      return cp == U'。' || cp == U'；' || cp == U';' || cp == U'！' ||
             cp == U'？' || cp == U'\n';
    };
    // Mentions are labelled in text order: the text is scanned forward once,
    // not walked back from every number (a line of a hundred thousand
    // figures with no full stop would make that quadratic).
    if (offset >= sentence_scanned_) {
      // Only characters opening with these bytes can end a sentence (。 E3,
      // ！？； EF); the scan stops at `offset`, so a long line of figures
      // without one is still read once.
      static constexpr utf8::LeadByteStops kEndOpeners =
          utf8::LeadByteStops::Of(";\n\xE3\xEF");
      const std::string_view before = n_.substr(0, offset);
      while (sentence_scanned_ < offset) {
        const std::size_t stop =
            utf8::SkipToStop(before, sentence_scanned_, kEndOpeners);
        if (stop >= offset) {
          sentence_scanned_ = offset;
          break;
        }
        const utf8::CodePoint cp = utf8::Decode(n_, stop);
        sentence_scanned_ = stop + cp.length;
        if (ends_sentence(cp.value)) sentence_begin_ = sentence_scanned_;
      }
      return std::max(sentence_begin_, floor);
    }
    std::size_t pos = offset;
    while (pos > floor) {
      const std::size_t previous = utf8::PreviousBoundary(n_, pos);
      if (ends_sentence(utf8::Decode(n_, previous).value)) break;
      pos = previous;
    }
    return pos;
  }

  // The head of a clause without a figure: its words before the predicate
  // (label_words.tsv clause_verb). "全省进出口总值创历史新高" → 全省进出口总值.
  // Empty when no predicate word is found or less than two characters stay.
  Label ClauseHead(std::size_t begin, std::size_t end, const Mention& m) const {
    Label head;
    const std::string_view clause = n_.substr(begin, end - begin);
    std::size_t cut = std::string_view::npos;
    for (const std::string& verb : Words().clause_verbs) {
      cut = std::min(cut, clause.find(verb));
    }
    if (cut == std::string_view::npos) return head;
    head.begin = begin;
    head.end = begin + cut;
    Clean(head, m);
    head.direction = Direction::kNone;
    if (utf8::CountChars(n_.substr(head.begin, head.end - head.begin)) < 2)
      head.end = head.begin;
    return head;
  }

  // The scope word (label_words.tsv) that `text` starts with, or "".
  static std::string_view LeadingScope(std::string_view text) {
    for (const std::string& word : Words().scope_words) {
      if (utf8::StartsWith(text, word) && text.size() > word.size())
        return text.substr(0, word.size());
    }
    return {};
  }
  static std::string_view TrailingScope(std::string_view text) {
    for (const std::string& word : Words().scope_words) {
      if (utf8::EndsWith(text, word))
        return text.substr(text.size() - word.size());
    }
    return {};
  }

  // Items of a list that modify one head written only with the last item
  // get that head: "国家、省知识产权优势企业" → 国家知识产权优势企业,
  // 省知识产权优势企业; "工业、制造业投资" → 工业投资, 制造业投资. An item is a
  // bare modifier when it ends with a scope word and the last item starts with
  // one, or when it is short and its last character ends the last item's
  // modifier (工业 / 制造业). `labels` are the cleaned items, in order.
  void ShareHead(std::vector<Label>& labels) const {
    if (labels.size() < 2) return;
    const Label& last = labels.back();
    const std::string_view tail = n_.substr(last.begin, last.end - last.begin);
    if (utf8::CountChars(tail) < 3) return;
    for (std::size_t k = 0; k + 1 < labels.size(); ++k) {
      Label& item = labels[k];
      const std::string_view text =
          n_.substr(item.begin, item.end - item.begin);
      if (text.empty() || item.composed) continue;
      const std::string_view last_scope = LeadingScope(tail);
      const std::string_view item_scope = TrailingScope(text);
      std::string head;
      std::string modifier;
      if (!last_scope.empty() && !item_scope.empty()) {
        modifier = std::string(item_scope);
        head = std::string(tail.substr(last_scope.size()));
      } else if (utf8::CountChars(text) <= 3) {
        const std::size_t last_char = utf8::PreviousBoundary(text, text.size());
        const std::string_view c = text.substr(last_char);
        const std::size_t at = tail.find(c);
        // The modifier is at least the character itself plus one before it,
        // and the head at least two characters.
        if (at != std::string_view::npos && at > 0 &&
            utf8::CountChars(tail.substr(at + c.size())) >= 2) {
          modifier = std::string(text);
          head = std::string(tail.substr(at + c.size()));
        }
      }
      if (head.empty() || utf8::CountChars(head) < 2) continue;
      item.composed = true;
      item.composed_text = modifier + head;
    }
  }

  // Where the clause holding `offset` starts, not before `floor`.
  // Where the clause holding `offset` begins, not before `floor`: just past
  // the last boundary (、 too unless `keep_lists`) that ends after `floor`
  // and by `offset`.
  std::size_t ClauseStart(std::size_t offset, std::size_t floor,
                          bool keep_lists) const {
    const bool on_boundary =
        offset >= n_.size() ||
        (static_cast<unsigned char>(n_[offset]) & 0xC0) != 0x80;
    if (offset <= floor || !on_boundary)
      return WalkToClauseStart(offset, floor, keep_lists);
    const std::vector<std::size_t>& ends =
        keep_lists ? list_clause_ends_ : clause_ends_;
    auto after = std::upper_bound(ends.begin(), ends.end(), offset);
    if (after != ends.begin() && *std::prev(after) > floor)
      return *std::prev(after);
    // No boundary: the walk stops at the character holding `floor`.
    std::size_t pos = floor;
    while (pos > 0 && (static_cast<unsigned char>(n_[pos]) & 0xC0) == 0x80)
      --pos;
    return pos;
  }

  std::size_t WalkToClauseStart(std::size_t offset, std::size_t floor,
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

  // Trims the words that do not name what is measured from [begin, end)
  // (label_rules.h: time phrases, adverbs, trailing verbs, a change verb,
  // whose direction it records), and notes which trimmers ran.
  void Clean(Label& label, const Mention& m) const {
    indicators_internal::LabelSpan span{label.begin, label.end,
                                        label.direction};
    label.trims |= indicators_internal::CleanLabel(
        n_, m, span, trace_ ? &label.steps : nullptr);
    label.begin = span.begin;
    label.end = span.end;
    label.direction = span.direction;
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
      const std::string& noun_link = Words().noun_link;
      std::size_t after_begin = m.end;
      if (utf8::StartsWith(n_.substr(after_begin), noun_link) &&
          IsIdeograph(CharAt(after_begin + noun_link.size()))) {
        after_begin += noun_link.size();
      }
      const char32_t next = CharAt(after_begin);
      // "2个1类创新药": a number that is no figure (a category) may open the
      // noun; a figure there stops the label at once (next_mention).
      if ((IsIdeograph(next) && !OpensNoLabel(next)) || next == U'“' ||
          (next >= U'0' && next <= U'9')) {
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
        const bool through_de =
            Words().lead_in_verbs.LongestAt(n_, after_begin).has_value();
        bool in_quote = false;
        // A clause of up to kMaxAfterClauseChars is read whole, so a
        // predicate word in it can end the noun (below); a longer one is cut
        // at kMaxAfterChars.
        constexpr std::size_t kMaxAfterChars = 12;
        constexpr std::size_t kMaxAfterClauseChars = 20;
        std::size_t pos_at_soft_cap = std::string_view::npos;
        while (pos < n_.size() && pos < next_mention &&
               (chars < kMaxAfterClauseChars || in_quote)) {
          if (chars == kMaxAfterChars &&
              pos_at_soft_cap == std::string_view::npos)
            pos_at_soft_cap = pos;
          const utf8::CodePoint cp = utf8::Decode(n_, pos);
          if (cp.value == U'“') in_quote = true;
          if (cp.value == U'”') in_quote = false;
          // "57个县（市）": a short bracketed note is part of the noun.
          if (!in_quote && cp.value == U'(' && chars > 0) {
            const std::size_t close = n_.find(')', pos);
            if (close != std::string_view::npos &&
                utf8::CountChars(n_.substr(pos, close - pos)) <= 8 &&
                close < next_mention) {
              pos = close + 1;
              continue;
            }
          }
          if (!in_quote && (IsClauseBoundary(cp.value) || cp.value == U' '))
            break;
          if (in_quote && (cp.value == U'。' || cp.value == U'\n')) break;
          if (EndsAfterLabel(cp.value) &&
              !(through_de && cp.value == Words().noun_link_char))
            break;
          pos += cp.length;
          ++chars;
        }
        if (chars >= kMaxAfterClauseChars && !in_quote &&
            pos_at_soft_cap != std::string_view::npos) {
          pos = pos_at_soft_cap;
          chars = kMaxAfterChars;
        }
        after.end = pos;
        // "36项卡点攻关取得突破", "7个区县通过学前教育普及…": the noun ends
        // where the clause's predicate begins; without this a long clause was
        // cut at twelve characters, mid-word.
        {
          const std::string_view text =
              n_.substr(after.begin, after.end - after.begin);
          std::size_t cut = std::string_view::npos;
          for (const std::string& verb : Words().clause_verbs)
            cut = std::min(cut, text.find(verb));
          // Not inside a name in quotes (an unclosed “ before the verb).
          const auto count = [](std::string_view t, std::string_view q) {
            std::size_t n = 0;
            for (std::size_t p = t.find(q); p != std::string_view::npos;
                 p = t.find(q, p + q.size()))
              ++n;
            return n;
          };
          if (cut != std::string_view::npos &&
              utf8::CountChars(text.substr(0, cut)) >= 2 &&
              count(text.substr(0, cut), "“") ==
                  count(text.substr(0, cut), "”")) {
            after.end = after.begin + cut;
            chars = utf8::CountChars(text.substr(0, cut));
          }
        }
        // "由51家整合为33家", "达8000处": the number completes a predicate
        // about the subject before it, and what follows is a verb, not a noun.
        // 完成 and 建成 end a clause about the counted things
        // ("十件民生实事全面 完成"): label_words.tsv keeps them.
        const std::string_view after_text =
            n_.substr(after.begin, after.end - after.begin);
        bool predicate = false;
        for (const TrimWord& end : Words().predicate_ends) {
          if (!utf8::EndsWith(after_text, end.word)) continue;
          const std::string_view rest =
              after_text.substr(0, after_text.size() - end.word.size());
          const char32_t before_end =
              rest.empty() ? 0
                           : utf8::Decode(rest, utf8::PreviousBoundary(
                                                    rest, rest.size()))
                                 .value;
          predicate = predicate || !ContainsChar(end.not_after, before_end);
        }
        predicate =
            predicate || (EndsWithAny(raw_before, Words().predicates_before) &&
                          before.begin < before.end);
        if (chars >= 2 && !predicate) {
          after.from = "after_number";
          return after;
        }
      }
    }
    // "由51家整合为33家": a bare verb of change before the number ("整合为",
    // "达到") names no new thing; the subject of the clause is meant.
    const bool bare_verb = EndsWithAny(raw_before, Words().bare_verbs) &&
                           utf8::CountChars(n_.substr(
                               before.begin, before.end - before.begin)) <= 2;
    const std::size_t line_begin = LineOf(m.begin).begin;
    const std::size_t sentence = SentenceStart(m.qualifier_begin, line_begin);
    // "通高速公路县（市、区）达82个", "实践中心（所、站）2.8万个": a short note
    // in brackets belongs to the word before it, not to a clause of its own.
    if (before.begin == before.end && clause > floor &&
        CharBefore(clause) == U')') {
      constexpr std::size_t kMaxNoteChars = 8;
      std::size_t open = utf8::PreviousBoundary(n_, clause);
      std::size_t chars = 0;
      while (open > floor && CharBefore(open) != U'(' &&
             chars <= kMaxNoteChars) {
        open = utf8::PreviousBoundary(n_, open);
        ++chars;
      }
      if (open > floor && CharBefore(open) == U'(') {
        const std::size_t paren = utf8::PreviousBoundary(n_, open);
        Label noted;
        noted.begin = ClauseStart(paren, floor, /*keep_lists=*/false);
        noted.end = m.qualifier_begin;
        if (noted.begin < paren) {
          Clean(noted, m);
          if (noted.begin < paren && noted.end > paren) {
            noted.from = "bracket_note";
            return noted;
          }
        }
      }
    }
    // The indicator before this one when it stands in the same sentence.
    const Indicator* previous =
        !indicators_.empty() && indicators_.back().text_begin >= sentence &&
                indicators_.back().text_end <= m.qualifier_begin
            ? &indicators_.back()
            : nullptr;
    const std::string_view cleaned =
        n_.substr(before.begin, before.end - before.begin);

    // "予以公开及部分公开42件，占51.85%": a share names what it is a share of.
    // A bare 占 takes the figure before it; "X占" reads X占比.
    const std::string& share_verb = Words().share_verb;
    const std::string& share_suffix = Words().share_suffix;
    if (m.kind == UnitKind::kPercent && utf8::EndsWith(cleaned, share_verb)) {
      if (cleaned != share_verb) {
        before.composed_text = LabelText(before) + share_suffix;
        before.composed = true;
        before.from = "share_of";
        return before;
      }
      if (previous && !previous->label.empty()) {
        TakeOtherLabel(before, previous->label + share_verb + share_suffix);
        return before;
      }
    }

    // "累计执法检查企业、商户1186家": a word or two after 、 is the last item
    // of a short list of things counted together, not a label of its own. A
    // list with a number in it ("137亿元、总投资") or of long items is a series
    // of clauses instead.
    if (before.begin < before.end && !bare_verb && clause > floor &&
        CharBefore(clause) == U'、' && utf8::CountChars(cleaned) >= 2 &&
        utf8::CountChars(cleaned) <= 3) {
      constexpr std::size_t kMaxListItems = 3;
      constexpr std::size_t kMaxListItemChars = 8;
      const std::size_t list_start =
          ClauseStart(m.qualifier_begin, floor, /*keep_lists=*/true);
      const auto items = SplitList(list_start, clause);
      bool short_list =
          items.size() + 1 <= kMaxListItems &&
          !(list_start == PreviousMentionEnd(index) && list_start > line_begin);
      for (const auto& [b, e] : items) {
        short_list = short_list &&
                     utf8::CountChars(n_.substr(b, e - b)) <= kMaxListItemChars;
      }
      if (short_list) {
        Label listed;
        listed.begin = list_start;
        listed.end = m.qualifier_begin;
        Clean(listed, m);
        if (listed.begin < before.begin && listed.end == before.end)
          listed.from = "list";
        return listed;
      }
    }
    if (before.begin < before.end && !bare_verb) return before;

    // "地区生产总值5.2万亿元、增长5.4%": a bare change takes the subject of the
    // indicator before it in the same list clause; past a comma
    // ("实现地区生产总值 67665亿元，增长5.5%",
    // "新增百亿县区26个，累计达到46个") only a change or a figure in the same
    // unit does.
    if (previous) {
      const std::size_t list_clause =
          ClauseStart(m.qualifier_begin, line_begin, true);
      // A figure labelled by the words after it ("三个大台阶") names no
      // subject for a change that follows.
      const bool previous_labelled_before =
          previous->text_end == previous->value_end;
      // A change skips such figures back to the subject of the sentence.
      if (before.direction != Direction::kNone && !previous_labelled_before) {
        constexpr std::size_t kMaxLookBack = 12;
        for (std::size_t k = indicators_.size();
             k-- > 0 && indicators_.size() - k <= kMaxLookBack;) {
          const Indicator& candidate = indicators_[k];
          if (candidate.text_begin < sentence) break;
          if (candidate.text_end == candidate.value_end &&
              !candidate.label.empty()) {
            TakeOtherLabel(before, candidate.label);
            return before;
          }
        }
      }
      const bool change_of_subject =
          before.direction != Direction::kNone && previous_labelled_before;
      if (previous->text_end >= list_clause ||
          ((change_of_subject || previous->unit == m.unit) &&
           !previous->label.empty())) {
        TakeOtherLabel(before, previous->label);
        return before;
      }
    }

    // "全省进出口总值创历史新高，达到5379亿元": with no figure in the clause
    // before, its head names what this one measures.
    if (clause > floor && clause > sentence &&
        (CharBefore(clause) == U'，' || CharBefore(clause) == U',')) {
      const std::size_t previous_end = utf8::PreviousBoundary(n_, clause);
      const std::size_t previous_begin =
          ClauseStart(previous_end, std::max(floor, sentence), false);
      if (previous_begin >= floor && previous_begin < previous_end) {
        Label head = ClauseHead(previous_begin, previous_end, m);
        if (head.begin < head.end) {
          head.direction = before.direction;
          head.from = "clause_head";
          return head;
        }
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
    const Vocabulary& words = Words();
    const std::string_view list = n_.substr(0, end);
    for (std::size_t pos = begin; pos < end;) {
      std::size_t length = 0;
      if (words.opens_separator[static_cast<unsigned char>(n_[pos])]) {
        if (const std::optional<std::size_t> separator =
                words.list_separators.LongestAt(list, pos))
          length = words.list_separators.words()[*separator].size();
      }
      if (length > 0) {
        cuts.push_back(pos);
        lengths.push_back(length);
        pos += length;
        last_comma_end = pos;
        continue;
      }
      pos += utf8::Decode(n_, pos).length;
    }
    // The last conjunction (和, 及, 与) after the last separator (、).
    std::size_t conjunction = std::string_view::npos;
    std::size_t conjunction_length = 0;
    for (std::size_t pos = last_comma_end; pos < end;) {
      const utf8::CodePoint cp = utf8::Decode(n_, pos);
      if (HasChar(words.list_conjunctions, cp.value)) {
        conjunction = pos;
        conjunction_length = cp.length;
      }
      pos += cp.length;
    }
    if (conjunction != std::string_view::npos) {
      const std::size_t after = conjunction + conjunction_length;
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
    // "争创国家现代农业产业园、产业集群": a scope word (国家, 省) starts the
    // first item when its lead-in is too long to be part of it.
    if (chars > std::max(longest_other, kMaxItemChars / 2)) {
      const std::string_view text =
          n_.substr(first.first, first.second - first.first);
      std::size_t cut = std::string_view::npos;
      // One-character scope words (市, 县) stand inside too many names
      // (全市, 融安县) to mark where an item starts.
      for (const std::string& word : Words().scope_words) {
        if (utf8::CountChars(word) < 2) continue;
        const std::size_t at = text.find(word);
        if (at != std::string_view::npos && at > 0 &&
            utf8::CountChars(text.substr(at)) <= kMaxItemChars &&
            (cut == std::string_view::npos || at < cut))
          cut = at;
      }
      if (cut != std::string_view::npos) {
        first.first += cut;
        return items;
      }
    }
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

  // Whether a shared_verb starts at `pos` of `span`, after at most one
  // shared_already ("均为", "均已达到", "都已经完成").
  static bool OpensSharedVerb(std::string_view span, std::size_t pos) {
    const WordSet& verbs = Words().shared_verbs;
    if (verbs.LongestAt(span, pos)) return true;
    for (const std::string& already : Words().shared_already) {
      if (utf8::StartsWith(span.substr(pos), already) &&
          verbs.LongestAt(span, pos + already.size()))
        return true;
    }
    return false;
  }

  // `start`: ClauseStart(m.qualifier_begin, LabelFloor(index), true).
  bool Share(std::size_t index, std::size_t start) {
    const Mention& m = mentions_[index];
    const std::string_view span = n_.substr(start, m.qualifier_begin - start);
    const Vocabulary& words = Words();
    // "均为", "都达到": 均 as an adverb before the verb (label_words.tsv
    // shared_adverb, shared_already, shared_verb), the last one in the span.
    std::size_t marker = std::string_view::npos;
    const ShareMarker* marked_by = nullptr;
    for (const ShareMarker& adverb : words.shared_adverbs) {
      for (std::size_t pos = span.find(adverb.word);
           pos != std::string_view::npos;
           pos = span.find(adverb.word, pos + 1)) {
        if (OpensSharedVerb(span, pos + adverb.word.size()) &&
            (marker == std::string_view::npos || pos > marker)) {
          marker = pos;
          marked_by = &adverb;
        }
      }
    }
    // "国家、省知识产权优势企业各2家": 各 right before the number (or before a
    // bare verb and the number) gives each item the number, as 均 does.
    if (marker == std::string_view::npos) {
      const std::string& each_word = words.each->word;
      const std::size_t each = span.rfind(each_word);
      if (each != std::string_view::npos && each > 0) {
        // What follows 各 is nothing or one each_verb, whole: 各达到 is
        // read as 达到, whichever of 达 and 达到 the file lists first.
        const std::string_view rest = span.substr(each + each_word.size());
        const bool bare_verb =
            rest.empty() ||
            std::find(words.each_verbs.begin(), words.each_verbs.end(), rest) !=
                words.each_verbs.end();
        if (bare_verb) {
          marker = each;
          marked_by = &*words.each;
        }
      }
    }
    // "全程网办率以及一趟不用跑率达100%": rates joined by 、 以及 和 share one
    // percent without 均; each item is a whole rate (…率), so no item is a
    // modifier of another.
    bool rate_list = false;
    if (marker == std::string_view::npos && m.kind == UnitKind::kPercent) {
      Label whole;
      whole.begin = start;
      whole.end = m.qualifier_begin;
      Clean(whole, m);
      if (whole.direction == Direction::kNone && whole.begin < whole.end) {
        const auto items = ParallelItems(start, whole.end);
        rate_list = items.size() >= 2;
        for (const auto& [b, e] : items) {
          Label item;
          item.begin = b;
          item.end = e;
          Clean(item, m);
          rate_list =
              rate_list && item.begin < item.end &&
              utf8::EndsWith(n_.substr(item.begin, item.end - item.begin),
                             words.rate_end);
        }
        if (rate_list) marker = whole.end - start;
      }
    }
    if (marker == std::string_view::npos || marker == 0) return false;
    const char32_t before_marker =
        utf8::Decode(span, utf8::PreviousBoundary(span, marker)).value;
    // "年均", "人均", "平均": the marker is part of a word, no adverb.
    if (!rate_list && marked_by && HasChar(marked_by->not_after, before_marker))
      return false;
    const auto items = ParallelItems(start, start + marker);
    if (items.size() < 2) return false;
    Label verb;
    verb.begin = start + marker;
    verb.end = m.qualifier_begin;
    Clean(verb, m);
    std::vector<Label> labels;
    for (const auto& [b, e] : items) {
      Label& label = labels.emplace_back();
      label.begin = b;
      label.end = e;
      Clean(label, m);
      label.direction = verb.direction;
    }
    ShareHead(labels);
    // The text of each shared indicator runs from its label to the number.
    for (Label& label : labels) {
      label.from = "shared";
      Emit(m, label, "+shared");
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
    const std::size_t marker = span.rfind(Words().distributive);
    if (marker == std::string_view::npos) return false;
    if (marker == 0) return DistributeOverFigures(index, start, done);
    const auto items = ParallelItems(start, start + marker);
    if (items.size() < 2) return false;

    const std::vector<std::size_t> group = FollowingGroup(index, items.size());
    if (group.size() != items.size()) return false;

    return EmitDistributed(start + marker, m, items, group, done);
  }

  // The numbers that follow mention `index`, up to `limit` of them, joined
  // only by 、 , 和 及 与.
  std::vector<std::size_t> FollowingGroup(std::size_t index,
                                          std::size_t limit) const {
    std::vector<std::size_t> group = {index};
    while (group.size() < limit && group.back() + 1 < mentions_.size()) {
      const Mention& last = mentions_[group.back()];
      const Mention& next = mentions_[group.back() + 1];
      const std::string_view gap =
          n_.substr(last.end, next.qualifier_begin - last.end);
      const std::vector<std::string>& joiners = Words().group_joiners;
      if (std::find(joiners.begin(), joiners.end(), gap) == joiners.end())
        break;
      if (!IsIndicator(next)) break;
      group.push_back(group.back() + 1);
    }
    return group;
  }

  // "万亿产业、国家先进制造业集群从无到有，分别达2个、3个": with no figures
  // before it, 分别 distributes over the list that heads the clause before.
  bool DistributeOverHead(std::size_t index, std::size_t start,
                          std::size_t sentence, std::vector<bool>& done) {
    const Mention& m = mentions_[index];
    const std::size_t floor = std::max(LabelFloor(index), sentence);
    if (start <= floor ||
        (CharBefore(start) != U'，' && CharBefore(start) != U','))
      return false;
    const std::size_t previous_end = utf8::PreviousBoundary(n_, start);
    const std::size_t previous_begin =
        ClauseStart(previous_end, floor, /*keep_lists=*/true);
    const Label head = ClauseHead(previous_begin, previous_end, m);
    if (head.begin >= head.end) return false;
    const auto items = ParallelItems(head.begin, head.end);
    if (items.size() < 2) return false;
    const std::vector<std::size_t> group = FollowingGroup(index, items.size());
    if (group.size() != items.size()) return false;
    return EmitDistributed(start, m, items, group, done);
  }

  // The figures of `group` labelled by `items` in order, each taking the
  // direction of the verb between `verb_begin` and `m`: 分别增长 → up.
  bool EmitDistributed(
      std::size_t verb_begin, const Mention& m,
      const std::vector<std::pair<std::size_t, std::size_t>>& items,
      const std::vector<std::size_t>& group, std::vector<bool>& done) {
    Label verb;
    verb.begin = verb_begin;
    verb.end = m.qualifier_begin;
    Clean(verb, m);
    std::vector<Label> labels;
    for (std::size_t k = 0; k < group.size(); ++k) {
      Label& label = labels.emplace_back();
      label.begin = items[k].first;
      label.end = items[k].second;
      Clean(label, mentions_[group[k]]);
      label.direction = verb.direction;
    }
    ShareHead(labels);
    for (std::size_t k = 0; k < group.size(); ++k) {
      labels[k].from = "distributed";
      Emit(mentions_[group[k]], labels[k], "+distributed");
      done[group[k]] = true;
    }
    return true;
  }

  // "新增发明专利45件、注册商标1073件，分别同比增长31.8%、8.3%": 分别 opens the
  // clause, and the things it distributes over are the figures just stated in
  // the same sentence, one number each, in order.
  bool DistributeOverFigures(std::size_t index, std::size_t start,
                             std::vector<bool>& done) {
    const Mention& m = mentions_[index];
    const std::size_t sentence =
        SentenceStart(m.qualifier_begin, LineOf(m.begin).begin);
    // A list distributed over is short; looking further back than its
    // longest would only cost time on long sentences.
    constexpr std::size_t kMaxFigures = 12;
    std::size_t available = 0;
    for (std::size_t k = indicators_.size();
         k-- > 0 && available < kMaxFigures;) {
      if (indicators_[k].text_begin < sentence ||
          indicators_[k].rule == "table")
        break;
      ++available;
    }
    if (available < 2) return DistributeOverHead(index, start, sentence, done);
    const std::vector<std::size_t> group = FollowingGroup(index, available);
    if (group.size() < 2) return false;
    const std::size_t first = indicators_.size() - group.size();
    // Only figures that are not themselves shares of one number.
    for (std::size_t k = first; k < indicators_.size(); ++k) {
      if (k > first &&
          indicators_[k].value_begin == indicators_[k - 1].value_begin)
        return false;
    }
    Label verb;
    verb.begin = start;
    verb.end = m.qualifier_begin;
    Clean(verb, m);
    for (std::size_t k = 0; k < group.size(); ++k) {
      if (indicators_[first + k].label.empty()) return false;
    }
    std::vector<std::string> names;
    for (std::size_t k = 0; k < group.size(); ++k)
      names.push_back(indicators_[first + k].label);
    for (std::size_t k = 0; k < group.size(); ++k) {
      Label label;
      label.begin = verb.begin;
      label.end = verb.begin;
      TakeOtherLabel(label, names[k]);
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
    if (trace_) {
      trace_->labels.push_back({indicators_.size() - 1,
                                static_cast<std::size_t>(&m - mentions_.data()),
                                "table_headers",
                                {}});
    }
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
    if (label.composed) {
      indicator.label = label.composed_text;
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
    indicator.label_rule = indicators_internal::LabelRuleNames(label.trims);
    if (trace_) {
      trace_->labels.push_back({indicators_.size() - 1,
                                static_cast<std::size_t>(&m - mentions_.data()),
                                label.from, label.steps});
    }
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
  // Offsets just past each clause boundary of n_, ascending; the list_ ones
  // leave out 、 (IsSentenceClauseBoundary).
  std::vector<std::size_t> clause_ends_;
  std::vector<std::size_t> list_clause_ends_;
  std::vector<std::size_t> next_kept_;
  std::vector<std::pair<std::size_t, std::size_t>> enclosed_spans_;
  indicators_internal::SpanSet fixed_, enclosed_;
  std::vector<std::pair<std::size_t, std::size_t>> markers_;
  indicators_internal::FigureContext figure_context_;
  indicators_internal::ExtractTrace* trace_ = nullptr;
  // SentenceStart's forward scan: the text before sentence_scanned_ has been
  // read, and the sentence holding that point begins at sentence_begin_.
  mutable std::size_t sentence_scanned_ = 0;
  mutable std::size_t sentence_begin_ = 0;
};

}  // namespace

std::vector<Indicator> ExtractIndicators(const Text& text,
                                         const Outline& outline,
                                         const std::vector<Mention>& mentions) {
  return Extractor(text, outline, mentions).Run();
}

namespace indicators_internal {

std::vector<Indicator> ExtractIndicatorsTraced(
    const Text& text, const Outline& outline,
    const std::vector<Mention>& mentions, ExtractTrace& trace) {
  trace = {};
  return Extractor(text, outline, mentions, &trace).Run();
}

}  // namespace indicators_internal

}  // namespace lawreport
