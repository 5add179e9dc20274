// The steps of mention_rules.h, one function each, the two tables that
// order them, and the readers they share (numerals, units, scale words,
// qualifiers). The words they look for are data (number_words.tsv,
// units.tsv, scale_words.tsv, qualifiers.tsv); only the order and the
// conditions are code.
#include "numbers/mention_rules.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "util/chinese_number.h"
#include "util/chinese_numeral.h"
#include "util/utf8.h"
#include "util/word_set.h"

namespace lawreport::numbers_internal {

struct UnitEntry {
  std::string written;
  std::string base;
  UnitKind kind;
  // Characters that make the unit the first half of a word: 台 before 胞 is
  // 台胞 (compatriots from Taiwan), not a measure word ("12345台胞台企").
  std::string not_before;
};

namespace {

struct ScaleEntry {
  std::string word;
  int power;
  // 百 and 千 scale nothing after digits (3千米, 0.5百分点 are units), but
  // alone after a qualifier they are the number: "近百件", "超千人".
  bool alone_only;
};

struct QualifierEntry {
  std::string word;
  Qualifier qualifier;
};

// The entries of one list, longest first, and the entry whose word starts
// at a text position (util/word_set.h): MatchAt runs at every number for
// every list.
template <typename Entry>
class WordList {
 public:
  explicit WordList(std::string Entry::*word) : word_(word) {}

  void Add(Entry entry) { entries_.push_back(std::move(entry)); }

  // Sorts longest first (stable: among words of one length the file's order
  // decides) and builds the index. Call once, after the last Add.
  void Finish() {
    std::stable_sort(entries_.begin(), entries_.end(),
                     [&](const Entry& a, const Entry& b) {
                       return (a.*word_).size() > (b.*word_).size();
                     });
    std::vector<std::string> words;
    words.reserve(entries_.size());
    for (const Entry& entry : entries_) words.push_back(entry.*word_);
    words_ = WordSet(std::move(words));
  }

  const std::vector<Entry>& entries() const { return entries_; }

  // The longest entry whose word starts at `offset`.
  const Entry* MatchAt(std::string_view text, std::size_t offset) const {
    const std::optional<std::size_t> found = words_.LongestAt(text, offset);
    return found ? &entries_[*found] : nullptr;
  }

 private:
  std::string Entry::*word_;
  std::vector<Entry> entries_;
  WordSet words_;
};

// A word or two of one role (number_words.tsv), longest first. For so few,
// comparing each in turn costs no more than a WordSet lookup, and spares
// building WordSet's index at the first report of every process.
class FewWords {
 public:
  FewWords() = default;
  explicit FewWords(std::vector<std::string> words) : words_(std::move(words)) {
    std::stable_sort(words_.begin(), words_.end(),
                     [](const std::string& a, const std::string& b) {
                       return a.size() > b.size();
                     });
  }

  // The length of the longest word that starts at `offset`, or 0.
  std::size_t LengthAt(std::string_view text, std::size_t offset) const {
    if (offset >= text.size()) return 0;
    const std::string_view rest = text.substr(offset);
    for (const std::string& word : words_) {
      if (utf8::StartsWith(rest, word)) return word.size();
    }
    return 0;
  }

  // Whether `text` is one of the words, whole.
  bool Contains(std::string_view text) const {
    return std::find(words_.begin(), words_.end(), text) != words_.end();
  }

 private:
  std::vector<std::string> words_;
};

}  // namespace

struct NumberWords {
  WordList<UnitEntry> units{&UnitEntry::written};
  WordList<ScaleEntry> scales{&ScaleEntry::word};
  WordList<QualifierEntry> after_number{&QualifierEntry::word},
      after_unit{&QualifierEntry::word};
  std::vector<QualifierEntry> before;  // longest first; matched backwards
  // number_words.tsv, by role.
  FewWords percent_lead_ins;  // 百分之
  FewWords tenths;            // 成
  // Asked after every number, twice with a unit: indexed.
  WordSet range_connectors;      // 至 到 - ~ —
  FewWords years;                // 年
  FewWords list_joiners;         // , 和 及
  FewWords list_scaled_joiners;  // 、
  OpenerBlocks opens_mention{};
};

namespace {

using lexicon::BadLexicon;

UnitKind ParseKind(std::string_view name, int line) {
  if (name == "count") return UnitKind::kCount;
  if (name == "amount") return UnitKind::kAmount;
  if (name == "measure") return UnitKind::kMeasure;
  if (name == "duration") return UnitKind::kDuration;
  if (name == "percent") return UnitKind::kPercent;
  if (name == "change") return UnitKind::kChange;
  if (name == "none") return UnitKind::kNone;
  BadLexicon("units.tsv", line, "unknown kind");
}

Qualifier ParseQualifier(std::string_view name, int line) {
  if (name == "more_than") return Qualifier::kMoreThan;
  if (name == "approx") return Qualifier::kApprox;
  if (name == "less_than") return Qualifier::kLessThan;
  BadLexicon("qualifiers.tsv", line, "unknown qualifier");
}

template <typename T>
void LongestFirst(std::vector<T>& entries, std::string T::*field) {
  std::stable_sort(entries.begin(), entries.end(), [&](const T& a, const T& b) {
    return (a.*field).size() > (b.*field).size();
  });
}

void AddOpener(OpenerBlocks& blocks, std::string_view word) {
  if (word.empty()) return;
  const char32_t cp = utf8::Decode(word, 0).value;
  if (cp < 0x10000) blocks[cp >> 6] |= std::uint64_t{1} << (cp & 0x3F);
}

const NumberWords& Words() {
  static const NumberWords vocabulary = [] {
    NumberWords v;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("units.tsv")) {
      const std::string written(row.Get("unit"));
      const std::string base =
          row.Get("base").empty() ? written : std::string(row.Get("base"));
      v.units.Add({written, base, ParseKind(row.Get("kind"), row.line()),
                   std::string(row.Get("not_before"))});
    }
    v.units.Finish();
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("scale_words.tsv")) {
      const std::optional<int> power = ParseArabic(row.Get("power"));
      if (!power)
        BadLexicon("scale_words.tsv", row.line(), "power must be a number");
      const std::string_view after = row.Get("after");
      if (after != "digits" && after != "qualifier")
        BadLexicon("scale_words.tsv", row.line(),
                   "after must be digits or qualifier");
      v.scales.Add(
          {std::string(row.Get("word")), *power, after == "qualifier"});
    }
    v.scales.Finish();
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("qualifiers.tsv")) {
      QualifierEntry entry{std::string(row.Get("word")),
                           ParseQualifier(row.Get("qualifier"), row.line())};
      const std::string_view position = row.Get("position");
      if (position == "before") {
        v.before.push_back(entry);
      } else if (position == "after_number") {
        v.after_number.Add(entry);
      } else if (position == "after_unit") {
        v.after_unit.Add(entry);
      } else {
        BadLexicon("qualifiers.tsv", row.line(),
                   "position must be before, after_number or after_unit");
      }
    }
    LongestFirst(v.before, &QualifierEntry::word);
    v.after_number.Finish();
    v.after_unit.Finish();

    std::vector<std::string> percent, tenths, range, years, list, list_scaled;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("number_words.tsv")) {
      std::string word(row.Get("word"));
      const std::string_view role = row.Get("role");
      if (role == "percent") {
        percent.push_back(std::move(word));
      } else if (role == "tenths") {
        tenths.push_back(std::move(word));
      } else if (role == "range") {
        range.push_back(std::move(word));
      } else if (role == "year") {
        years.push_back(std::move(word));
      } else if (role == "list") {
        list.push_back(std::move(word));
      } else if (role == "list_scaled") {
        list_scaled.push_back(std::move(word));
      } else {
        BadLexicon("number_words.tsv", row.line(), "unknown role");
      }
    }
    // A mention opens with a numeral, a bare scale word ("超千亿元") or a
    // percent lead-in (百分之).
    for (const char32_t cp : numerals::kNumeralOpeners)
      v.opens_mention[cp >> 6] |= std::uint64_t{1} << (cp & 0x3F);
    for (const ScaleEntry& scale : v.scales.entries())
      AddOpener(v.opens_mention, scale.word);
    for (const std::string& word : percent) AddOpener(v.opens_mention, word);
    v.percent_lead_ins = FewWords(std::move(percent));
    v.tenths = FewWords(std::move(tenths));
    v.range_connectors = WordSet(std::move(range));
    v.years = FewWords(std::move(years));
    v.list_joiners = FewWords(std::move(list));
    v.list_scaled_joiners = FewWords(std::move(list_scaled));
    return v;
  }();
  return vocabulary;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A numeral at `offset`: its value and where it ends.
struct Numeral {
  Decimal value;
  std::size_t end = 0;
  bool chinese = false;
  bool digit_string = false;
  bool grouped = false;
  bool spaced = false;  // grouped by spaces: "1 234"
  int digits = 0;
};

// Exactly three digits at `pos`, and no fourth.
bool ThreeDigitsAt(std::string_view text, std::size_t pos) {
  return pos + 2 < text.size() && IsDigit(text[pos]) &&
         IsDigit(text[pos + 1]) && IsDigit(text[pos + 2]) &&
         (pos + 3 >= text.size() || !IsDigit(text[pos + 3]));
}

// `space_groups`: "1 234" may read as 1234. PDF-derived text groups
// thousands with a space, but a table row ("0 100 200") is numbers side by
// side, so only a lone space counts, the first group has one to three digits
// and does not open with 0, every later group has exactly three, and no
// further number follows after a space. The caller keeps such a reading only
// when a unit follows.
std::optional<Numeral> ReadArabic(std::string_view text, std::size_t offset,
                                  bool space_groups) {
  std::size_t pos = offset;
  bool grouped = false;
  bool spaced = false;
  int integer_digits = 0;
  while (pos < text.size()) {
    if (IsDigit(text[pos])) {
      ++integer_digits;
      ++pos;
      continue;
    }
    // "1,186": a comma followed by exactly three digits groups thousands.
    if (text[pos] == ',' && integer_digits > 0 && !spaced &&
        ThreeDigitsAt(text, pos + 1)) {
      grouped = true;
      ++pos;
      continue;
    }
    if (space_groups && text[pos] == ' ' && !grouped &&
        (spaced || (integer_digits <= 3 && text[offset] != '0')) &&
        ThreeDigitsAt(text, pos + 1)) {
      spaced = true;
      ++pos;
      continue;
    }
    break;
  }
  if (integer_digits == 0) return std::nullopt;
  // "1 234 5": a row of numbers, not one grouped number.
  if (spaced && pos + 1 < text.size() && text[pos] == ' ' &&
      IsDigit(text[pos + 1])) {
    return ReadArabic(text, offset, false);
  }
  if (pos + 1 < text.size() && text[pos] == '.' && IsDigit(text[pos + 1])) {
    std::size_t end = pos + 1;
    while (end < text.size() && IsDigit(text[end])) ++end;
    // "20.2026年10件民生实事": a list number before a year, not 20.2026 years.
    const std::string_view fraction = text.substr(pos + 1, end - pos - 1);
    const bool year_after_list_number = fraction.size() == 4 &&
                                        (utf8::StartsWith(fraction, "19") ||
                                         utf8::StartsWith(fraction, "20")) &&
                                        Words().years.LengthAt(text, end) > 0;
    if (!year_after_list_number) pos = end;
  }
  // The numeral is its text as written, digits and at most one ".", once the
  // grouping commas or spaces are gone; only a grouped number needs a copy.
  // Leading zeros beyond a single "0" are codes ("0771"), still numbers here.
  const std::string_view written = text.substr(offset, pos - offset);
  std::optional<Decimal> value;
  if (grouped || spaced) {
    std::string digits;
    for (const char c : written) {
      if (c != ',' && c != ' ') digits.push_back(c);
    }
    value = Decimal::Parse(digits);
  } else {
    value = Decimal::Parse(written);
  }
  if (!value) return std::nullopt;
  Numeral numeral;
  numeral.value = *value;
  numeral.end = pos;
  numeral.grouped = grouped;
  numeral.spaced = spaced;
  numeral.digits = integer_digits;
  return numeral;
}

std::optional<Numeral> ReadChinese(std::string_view text, std::size_t offset) {
  // The longest run of numeral characters; 点 only when a digit follows.
  std::vector<std::size_t> ends;
  // Financial numerals (壹 … 仟) write whole amounts, 壹佰贰拾 or 叁万伍仟;
  // one alone among ordinary numerals is a word of its own: 陆 in 大陆 and
  // 陆台生, 伍 in 队伍, 拾 in 收拾. The run then stops before it.
  std::size_t financial = 0;
  std::size_t first_financial_end = 0;  // ends.size() before the first one
  std::size_t pos = offset;
  // The longest number a report writes in words is some 30 characters
  // (九千九百九十九万九千九百九十九亿…, with a few decimals); a longer run
  // ("十十十…") is not one number, and reading it whole from every offset
  // would take time cubic in its length.
  constexpr std::size_t kMaxNumeralChars = 48;
  while (pos < text.size() && ends.size() < kMaxNumeralChars) {
    const utf8::CodePoint cp = utf8::Decode(text, pos);
    if (!numerals::IsChineseNumeralChar(cp.value)) break;
    if (cp.value == numerals::kDecimalPoint) {
      const utf8::CodePoint next = utf8::Decode(text, pos + cp.length);
      if (!numerals::IsChineseNumeralChar(next.value) ||
          next.value == numerals::kDecimalPoint)
        break;
    }
    if (numerals::IsFinancialNumeralChar(cp.value) && financial++ == 0) {
      first_financial_end = ends.size();
    }
    pos += cp.length;
    ends.push_back(pos);
  }
  if (financial == 1) ends.resize(first_financial_end);
  // Shrink from the right until it reads: "十四五" → "十四".
  for (auto end = ends.rbegin(); end != ends.rend(); ++end) {
    const std::optional<numerals::ChineseNumber> parsed =
        numerals::ParseChineseNumber(text.substr(offset, *end - offset));
    if (!parsed) continue;
    Numeral numeral;
    numeral.value = parsed->value;
    numeral.end = *end;
    numeral.chinese = true;
    numeral.digit_string = parsed->digit_string;
    if (parsed->digit_string) {
      numeral.digits = static_cast<int>(
          utf8::CountChars(text.substr(offset, *end - offset)));
    }
    return numeral;
  }
  return std::nullopt;
}

// `space_groups`: see ReadArabic.
std::optional<Numeral> ReadNumeral(std::string_view text, std::size_t offset,
                                   bool space_groups = false) {
  if (offset >= text.size()) return std::nullopt;
  if (IsDigit(text[offset])) return ReadArabic(text, offset, space_groups);
  const utf8::CodePoint cp = utf8::Decode(text, offset);
  if (numerals::StartsChineseNumeral(cp.value))
    return ReadChinese(text, offset);
  return std::nullopt;
}

// The unit at `pos`, unless the character after it makes it the first half
// of a word (units.tsv, not_before): "12345台胞" has no unit.
const UnitEntry* UnitAt(const NumberWords& words, std::string_view text,
                        std::size_t pos) {
  const UnitEntry* unit = words.units.MatchAt(text, pos);
  if (!unit || unit->not_before.empty()) return unit;
  const std::size_t after = pos + unit->written.size();
  if (after >= text.size()) return unit;
  const utf8::CodePoint next = utf8::Decode(text, after);
  if (unit->not_before.find(text.substr(after, next.length)) !=
      std::string::npos)
    return nullptr;
  return unit;
}

// The scale word at `pos` that may follow digits ("1.2万", not the 千 of
// "3千米").
const ScaleEntry* ScaleAt(const NumberWords& words, std::string_view text,
                          std::size_t pos) {
  const ScaleEntry* scale = words.scales.MatchAt(text, pos);
  return scale && !scale->alone_only ? scale : nullptr;
}

// The length of the range connector at `offset` ("至", "-"), or 0.
std::size_t RangeConnectorAt(const NumberWords& words, std::string_view text,
                             std::size_t offset) {
  const std::optional<std::size_t> found =
      words.range_connectors.LongestAt(text, offset);
  return found ? words.range_connectors.words()[*found].size() : 0;
}

// Where a scale word, qualifier or unit may start after arabic digits
// ending at `pos`: there, or past one space, as PDF-derived text writes
// them ("2428 条", "增长3.8 %"). Two spaces or more part table columns.
std::size_t PastSpace(std::string_view text, std::size_t pos) {
  if (pos + 1 < text.size() && text[pos] == ' ' && text[pos + 1] != ' ')
    return pos + 1;
  return pos;
}

// Whether a scale word or a unit follows digits that end at `pos`.
bool UnitFollows(const NumberWords& words, std::string_view text,
                 std::size_t pos) {
  pos = PastSpace(text, pos);
  if (ScaleAt(words, text, pos)) return true;
  if (const QualifierEntry* q = words.after_number.MatchAt(text, pos))
    pos += q->word.size();
  const UnitEntry* unit = UnitAt(words, text, pos);
  return unit && unit->kind != UnitKind::kNone;
}

// Whether `before` ends with a qualifier word (约, 超过).
const QualifierEntry* QualifierEnding(const NumberWords& words,
                                      std::string_view before) {
  for (const QualifierEntry& q : words.before) {
    // EndsWith compares the last byte first: most words fail there.
    if (utf8::EndsWith(before, q.word)) return &q;
  }
  return nullptr;
}

// Text wrapped at a margin (pdftotext -layout, a copy from a PDF) breaks a
// sentence between a number and its unit: "公开政府常务会议 7" / "期". The
// next line's first character is then the unit. Only after a line of
// prose long enough to have reached the margin, outside tables, where a
// line's end is a cell's end.
std::size_t PastLineBreak(const MentionReading& r, std::size_t pos) {
  const std::string_view text = r.normalized;
  constexpr std::size_t kMinWrappedLineBytes = 36;  // a dozen characters
  std::size_t at = pos;
  while (at < text.size() && text[at] == ' ') ++at;
  if (at >= text.size() || text[at] != '\n') return pos;
  const std::size_t line_start = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  const std::size_t line_bytes =
      line_start == std::string_view::npos ? pos : pos - line_start - 1;
  if (line_bytes < kMinWrappedLineBytes) return pos;
  if (!r.text.tables().empty()) {
    const int line = r.text.PositionOf(pos == 0 ? 0 : pos - 1).line;
    if (r.text.TableAt(line) != nullptr || r.text.TableAt(line + 1) != nullptr)
      return pos;
  }
  ++at;
  while (at < text.size() && text[at] == ' ') ++at;
  return at;
}

// The unit after the number ending at `pos`: right there, one space on
// after arabic digits, or (arabic digits ending a wrapped line) at the start
// of the next line; `*unit_at` says where it begins.
const UnitEntry* UnitAfter(const MentionReading& r, std::size_t pos,
                           std::size_t* unit_at) {
  *unit_at = r.arabic ? PastSpace(r.normalized, pos) : pos;
  if (const UnitEntry* unit = UnitAt(r.words, r.normalized, *unit_at))
    return unit;
  if (!r.arabic) return nullptr;
  const std::size_t wrapped = PastLineBreak(r, pos);
  if (wrapped == pos) return nullptr;
  const UnitEntry* unit = UnitAt(r.words, r.normalized, wrapped);
  if (unit == nullptr || unit->kind == UnitKind::kNone) return nullptr;
  *unit_at = wrapped;
  return unit;
}

// The end of a ratio's ":1" at `pos` ("2.50:1", "2.81∶1"), or `pos`.
std::size_t RatioEnd(std::string_view text, std::size_t pos) {
  for (const std::string_view colon : {":", "∶"}) {
    if (!utf8::StartsWith(text.substr(pos), colon)) continue;
    std::size_t end = pos + colon.size();
    if (end < text.size() && text[end] == '1' &&
        (end + 1 >= text.size() || !IsDigit(text[end + 1]))) {
      return end + 1;
    }
  }
  return pos;
}

using Outcome = StepOutcome;

// --- The steps, in the order of kMentionSteps. ---

// "1.2.3" read from its "2": inside a number the scanner already passed. A
// list number's "." ("20.2026年") ends that mention, and the next number
// starts afresh.
Outcome InsideNumber(MentionReading& r) {
  const std::size_t offset = r.mention.begin;
  const std::string_view text = r.normalized;
  if (offset > 0 && IsDigit(text[offset]) &&
      (IsDigit(text[offset - 1]) ||
       (text[offset - 1] == '.' && offset - 1 != r.previous_end)))
    return Outcome::kNoMention;
  return Outcome::kDeclined;
}

// "百分之九十九点七": the number after 百分之 is a percent.
Outcome PercentLeadIn(MentionReading& r) {
  const std::size_t length =
      r.words.percent_lead_ins.LengthAt(r.normalized, r.pos);
  if (length == 0) return Outcome::kDeclined;
  r.percent_words = true;
  r.pos += length;
  return Outcome::kApplied;
}

// The numeral: arabic digits ("43601", "1,186", "1 234" before a unit) or
// Chinese numerals ("二十三", "二〇二三").
Outcome ReadNumeralStep(MentionReading& r) {
  const std::string_view text = r.normalized;
  const std::size_t number_offset = r.pos;
  // "0 100 200": a number one space after another is the next cell of a
  // row, never a later group of one grouped number.
  const bool after_number_and_space = number_offset >= 2 &&
                                      text[number_offset - 1] == ' ' &&
                                      IsDigit(text[number_offset - 2]);
  std::optional<Numeral> numeral =
      ReadNumeral(text, number_offset, !after_number_and_space);
  // "1 234 件" is 1234 件, but "1 234" alone may be two figures.
  if (numeral && numeral->spaced && !UnitFollows(r.words, text, numeral->end))
    numeral = ReadNumeral(text, number_offset, false);
  if (!numeral) return Outcome::kDeclined;
  Mention& mention = r.mention;
  mention.number_begin = number_offset;
  mention.number_end = numeral->end;
  mention.value = numeral->value;
  mention.chinese = numeral->chinese;
  mention.digit_string = numeral->digit_string;
  mention.digits = numeral->digits;
  mention.rule = numeral->chinese
                     ? (numeral->digit_string ? "chinese_digits" : "chinese")
                     : (numeral->grouped  ? "arabic_grouped"
                        : numeral->spaced ? "arabic_spaced"
                                          : "arabic");
  r.numeral_read = true;
  r.arabic = !numeral->chinese;
  r.pos = numeral->end;
  return Outcome::kApplied;
}

// "超千亿元", "突破万人": a scale word alone after a qualifier is 1 × 10^n,
// and the unit follows it. With no numeral and no such word, no mention
// starts here.
Outcome BareScaleWord(MentionReading& r) {
  if (r.numeral_read) return Outcome::kDeclined;
  if (r.percent_words) return Outcome::kNoMention;
  const std::string_view text = r.normalized;
  const std::size_t offset = r.pos;
  // The scale word first: one lookup, where most candidates fail.
  const ScaleEntry* scale = r.words.scales.MatchAt(text, offset);
  if (!scale) return Outcome::kNoMention;
  if (!QualifierEnding(r.words, text.substr(0, offset)))
    return Outcome::kNoMention;
  const std::size_t end = offset + scale->word.size();
  const UnitEntry* unit = UnitAt(r.words, text, end);
  if (!unit || unit->kind == UnitKind::kNone) return Outcome::kNoMention;
  Mention& mention = r.mention;
  mention.number_begin = offset;
  mention.number_end = end;
  mention.value = Decimal::FromInt(1).Scaled(scale->power);
  // Written in Chinese characters: "近百年" is a span of time in prose, as
  // "十年" is.
  mention.chinese = true;
  mention.rule = "scale_word";
  r.numeral_read = true;
  r.scaled = true;
  r.pos = end;
  return Outcome::kApplied;
}

// "1.2万", "750余万人次": a scale word after arabic digits multiplies them;
// 余 may stand before it.
Outcome ScaleAfterDigits(MentionReading& r) {
  if (!r.arabic) return Outcome::kDeclined;
  std::size_t scale_at = PastSpace(r.normalized, r.pos);
  const QualifierEntry* early =
      r.words.after_number.MatchAt(r.normalized, scale_at);
  if (early) scale_at += early->word.size();
  const ScaleEntry* scale = ScaleAt(r.words, r.normalized, scale_at);
  if (!scale) return Outcome::kDeclined;
  r.mention.value = r.mention.value.Scaled(scale->power);
  r.pos = scale_at + scale->word.size();
  r.mention.rule = "arabic_scaled";
  if (early) r.mention.qualifier = early->qualifier;
  r.scaled = true;
  return Outcome::kApplied;
}

// "280余次", "4万余件": 余 or 多 after the number, only when a unit follows,
// so 多 in "3个多部门" stays.
Outcome QualifierAfterNumber(MentionReading& r) {
  const std::size_t at = r.arabic ? PastSpace(r.normalized, r.pos) : r.pos;
  const QualifierEntry* q = r.words.after_number.MatchAt(r.normalized, at);
  if (!q) return Outcome::kDeclined;
  const std::size_t after = at + q->word.size();
  if (!UnitAt(r.words, r.normalized, after)) return Outcome::kDeclined;
  r.mention.qualifier = q->qualifier;
  r.pos = after;
  return Outcome::kApplied;
}

// A range: "3至5个", "3-5个", "10~15天", "2021—2025年"; a scale word after
// the second number scales both ("3-5万人").
Outcome Range(MentionReading& r) {
  if (r.percent_words) return Outcome::kDeclined;
  const std::size_t connector = RangeConnectorAt(r.words, r.normalized, r.pos);
  if (connector == 0) return Outcome::kDeclined;
  const std::optional<Numeral> upper =
      ReadNumeral(r.normalized, r.pos + connector);
  if (!upper || upper->chinese != r.mention.chinese) return Outcome::kDeclined;
  std::size_t upper_end = upper->end;
  Decimal upper_value = upper->value;
  if (!upper->chinese) {
    if (const ScaleEntry* scale = ScaleAt(r.words, r.normalized, upper_end)) {
      upper_value = upper_value.Scaled(scale->power);
      upper_end += scale->word.size();
      if (r.mention.rule != "arabic_scaled")
        r.mention.value = r.mention.value.Scaled(scale->power);
    }
  }
  r.mention.upper = upper_value;
  r.mention.rule = "range";
  r.pos = upper_end;
  return Outcome::kApplied;
}

// "元/人", "人/百亿元", "吨/年": a compound unit keeps its denominator as
// written.
Outcome UnitDenominator(MentionReading& r) {
  if (!r.unit || r.mention.kind == UnitKind::kNone) return Outcome::kDeclined;
  const std::string_view text = r.normalized;
  const std::size_t slash = r.pos;
  if (slash >= text.size() || text[slash] != '/') return Outcome::kDeclined;
  std::size_t denominator = slash + 1;
  if (const ScaleEntry* scale = ScaleAt(r.words, text, denominator))
    denominator += scale->word.size();
  const UnitEntry* per = UnitAt(r.words, text, denominator);
  if (!per) return Outcome::kDeclined;
  denominator += per->written.size();
  r.mention.unit += std::string(text.substr(slash, denominator - slash));
  r.pos = r.mention.unit_end = denominator;
  return Outcome::kApplied;
}

// A range with the unit on both ends: "5%-5.5%", "3天至5天".
Outcome UnitRange(MentionReading& r) {
  if (!r.unit || r.mention.upper) return Outcome::kDeclined;
  const std::size_t connector = RangeConnectorAt(r.words, r.normalized, r.pos);
  if (connector == 0) return Outcome::kDeclined;
  const std::optional<Numeral> upper =
      ReadNumeral(r.normalized, r.pos + connector);
  if (!upper || upper->chinese != r.mention.chinese ||
      !utf8::StartsWith(r.normalized.substr(upper->end), r.unit->written))
    return Outcome::kDeclined;
  r.mention.upper = upper->value;
  r.mention.rule = "range";
  r.pos = upper->end + r.unit->written.size();
  return Outcome::kApplied;
}

// "90%以上", "3年左右": a qualifier after the unit, unless one came before
// it ("4万余件").
Outcome QualifierAfterUnit(MentionReading& r) {
  if (r.mention.kind == UnitKind::kNone) return Outcome::kDeclined;
  const QualifierEntry* q = r.words.after_unit.MatchAt(r.normalized, r.pos);
  if (!q) return Outcome::kDeclined;
  if (r.mention.qualifier == Qualifier::kNone)
    r.mention.qualifier = q->qualifier;
  r.pos += q->word.size();
  return Outcome::kApplied;
}

// A qualifier right before: "约71013条", "超过250家次", and one space before
// arabic digits ("约 71013 条"). It widens qualifier_begin, not the mention.
Outcome QualifierBefore(MentionReading& r) {
  Mention& mention = r.mention;
  mention.qualifier_begin = mention.begin;
  std::string_view before_mention = r.normalized.substr(0, mention.begin);
  if (r.arabic && utf8::EndsWith(before_mention, " ") &&
      !utf8::EndsWith(before_mention, "  "))
    before_mention.remove_suffix(1);
  const QualifierEntry* q = QualifierEnding(r.words, before_mention);
  if (!q) return Outcome::kDeclined;
  if (mention.qualifier == Qualifier::kNone) mention.qualifier = q->qualifier;
  mention.qualifier_begin = before_mention.size() - q->word.size();
  return Outcome::kApplied;
}

// --- The unit stage's alternatives, in the order of kUnitSteps. ---

// After 百分之 the unit is the percent sign, whatever follows.
Outcome PercentWords(MentionReading& r) {
  if (!r.percent_words) return Outcome::kDeclined;
  r.mention.unit = "%";
  r.mention.kind = UnitKind::kPercent;
  r.mention.rule = "percent_words";
  return Outcome::kApplied;
}

// "九成" is 90%: 成 after a Chinese numeral from one to nine.
Outcome ChineseTenths(MentionReading& r) {
  Mention& mention = r.mention;
  if (!mention.chinese || mention.digit_string) return Outcome::kDeclined;
  const std::size_t length = r.words.tenths.LengthAt(r.normalized, r.pos);
  if (length == 0 || !mention.value.IsInteger() ||
      mention.value.mantissa() <= 0 || mention.value.mantissa() >= 10 ||
      mention.value.exponent() != 0)
    return Outcome::kDeclined;
  mention.value = mention.value.Scaled(1);
  mention.unit = "%";
  mention.kind = UnitKind::kPercent;
  mention.rule = "chinese_tenths";
  r.pos += length;
  mention.unit_end = r.pos;
  return Outcome::kApplied;
}

// A unit of units.tsv: "43601件", "2428 条", "3.8 %", or at the start of
// the next line after digits that end a wrapped line.
Outcome UnitWord(MentionReading& r) {
  std::size_t unit_at = r.pos;
  const UnitEntry* unit = UnitAfter(r, r.pos, &unit_at);
  if (!unit) return Outcome::kDeclined;
  Mention& mention = r.mention;
  mention.unit_begin = unit_at;
  mention.unit = unit->base;
  mention.kind = unit->kind;
  mention.unit_known = true;
  r.unit = unit;
  r.pos = mention.unit_end = unit_at + unit->written.size();
  return Outcome::kApplied;
}

// "城乡收入比2.50:1", "之比提高到2.81∶1": the ratio's first term.
Outcome Ratio(MentionReading& r) {
  if (r.mention.chinese) return Outcome::kDeclined;
  const std::size_t end = RatioEnd(r.normalized, r.pos);
  if (end == r.pos) return Outcome::kDeclined;
  r.mention.kind = UnitKind::kMeasure;
  r.mention.rule = "ratio";
  r.pos = end;
  return Outcome::kApplied;
}

// "新增40.8万青年": a scaled count whose noun follows without a measure
// word.
Outcome ScaledCount(MentionReading& r) {
  if (!r.scaled) return Outcome::kDeclined;
  r.mention.kind = UnitKind::kCount;
  return Outcome::kApplied;
}

constexpr MentionStep kUnitSteps[] = {
    {"percent_words", PercentWords}, {"chinese_tenths", ChineseTenths},
    {"unit_word", UnitWord},         {"ratio", Ratio},
    {"scaled_count", ScaledCount},
};

// The unit stage: the first of kUnitSteps that applies.
Outcome ReadUnit(MentionReading& r) {
  r.MarkUnitStart();
  for (const MentionStep& step : kUnitSteps) {
    if (step.read(r) == Outcome::kApplied) return Outcome::kApplied;
  }
  return Outcome::kDeclined;
}

constexpr MentionStep kMentionSteps[] = {
    {"inside_number", InsideNumber},
    {"percent_lead_in", PercentLeadIn},
    {"numeral", ReadNumeralStep},
    {"scale_word", BareScaleWord},
    {"scale_after_digits", ScaleAfterDigits},
    {"qualifier_after_number", QualifierAfterNumber},
    {"range", Range},
    {"unit", ReadUnit},
    {"unit_denominator", UnitDenominator},
    {"unit_range", UnitRange},
    {"qualifier_after_unit", QualifierAfterUnit},
    {"qualifier_before", QualifierBefore},
};

}  // namespace

MentionReading::MentionReading(const Text& text_in, std::size_t offset,
                               std::size_t previous_end_in, Mention& mention_in)
    : text(text_in),
      normalized(text_in.normalized()),
      previous_end(previous_end_in),
      words(Words()),
      mention(mention_in),
      pos(offset) {
  mention.begin = offset;
}

std::span<const MentionStep> MentionSteps() { return kMentionSteps; }
std::span<const MentionStep> UnitSteps() { return kUnitSteps; }

bool ReadMentionAt(MentionReading& reading) {
  for (const MentionStep& step : kMentionSteps) {
    if (step.read(reading) == Outcome::kNoMention) return false;
  }
  reading.mention.end = reading.pos;
  return true;
}

const OpenerBlocks& MentionOpeners() { return Words().opens_mention; }

std::optional<int> ScalePowerOf(std::string_view normalized, const Mention& m) {
  if (m.chinese || m.number_end >= m.end) return std::nullopt;
  const NumberWords& words = Words();
  std::size_t pos = m.number_end;
  if (normalized[pos] == ' ') ++pos;
  if (const QualifierEntry* q = words.after_number.MatchAt(normalized, pos))
    pos += q->word.size();
  const ScaleEntry* scale = ScaleAt(words, normalized, pos);
  if (!scale) return std::nullopt;
  return scale->power;
}

ListJoin ListJoinOf(std::string_view gap) {
  const NumberWords& words = Words();
  if (words.list_scaled_joiners.Contains(gap)) return ListJoin::kUnitAndScale;
  if (words.list_joiners.Contains(gap)) return ListJoin::kUnit;
  return ListJoin::kNone;
}

}  // namespace lawreport::numbers_internal
