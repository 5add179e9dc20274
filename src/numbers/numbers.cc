// The mention scanner: numerals first, then what follows them (scale word,
// 余/多, a range's second number, the unit, a trailing qualifier) and the
// qualifier word before them. See numbers.h for the forms.
#include "lawreport/numbers.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "util/chinese_number.h"
#include "util/chinese_numeral.h"
#include "util/utf8.h"
#include "util/word_set.h"

namespace lawreport {

const char* UnitKindName(UnitKind kind) {
  switch (kind) {
    case UnitKind::kNone:
      return "none";
    case UnitKind::kCount:
      return "count";
    case UnitKind::kAmount:
      return "amount";
    case UnitKind::kMeasure:
      return "measure";
    case UnitKind::kDuration:
      return "duration";
    case UnitKind::kPercent:
      return "percent";
    case UnitKind::kChange:
      return "change";
  }
  return "none";
}

const char* QualifierName(Qualifier kind) {
  switch (kind) {
    case Qualifier::kNone:
      return "";
    case Qualifier::kMoreThan:
      return "more_than";
    case Qualifier::kApprox:
      return "approx";
    case Qualifier::kLessThan:
      return "less_than";
  }
  return "";
}

// The Chinese-numeral reader is shared with decode and outline (list
// ordinals), so it sits in util, below every stage.
namespace numbers_internal = numerals;

namespace {

using numbers_internal::ChineseNumber;

struct UnitEntry {
  std::string written;
  std::string base;
  UnitKind kind;
  // Characters that make the unit the first half of a word: 台 before 胞 is
  // 台胞 (compatriots from Taiwan), not a measure word ("12345台胞台企").
  std::string not_before;
};

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

struct Vocabulary {
  WordList<UnitEntry> units{&UnitEntry::written};
  WordList<ScaleEntry> scales{&ScaleEntry::word};
  WordList<QualifierEntry> after_number{&QualifierEntry::word},
      after_unit{&QualifierEntry::word};
  std::vector<QualifierEntry> before;  // longest first; matched backwards
};

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

const Vocabulary& Words() {
  static const Vocabulary vocabulary = [] {
    Vocabulary v;
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
  bool bare_scale = false;
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
    const bool year_after_list_number =
        fraction.size() == 4 &&
        (utf8::StartsWith(fraction, "19") ||
         utf8::StartsWith(fraction, "20")) &&
        utf8::StartsWith(text.substr(end), "年");
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
    if (!numbers_internal::IsChineseNumeralChar(cp.value)) break;
    if (cp.value == U'点') {
      const utf8::CodePoint next = utf8::Decode(text, pos + cp.length);
      if (!numbers_internal::IsChineseNumeralChar(next.value) ||
          next.value == U'点')
        break;
    }
    if (numbers_internal::IsFinancialNumeralChar(cp.value) &&
        financial++ == 0) {
      first_financial_end = ends.size();
    }
    pos += cp.length;
    ends.push_back(pos);
  }
  if (financial == 1) ends.resize(first_financial_end);
  // Shrink from the right until it reads: "十四五" → "十四".
  for (auto end = ends.rbegin(); end != ends.rend(); ++end) {
    const std::optional<ChineseNumber> parsed =
        numbers_internal::ParseChineseNumber(
            text.substr(offset, *end - offset));
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
  if (numbers_internal::StartsChineseNumeral(cp.value))
    return ReadChinese(text, offset);
  return std::nullopt;
}

// The unit at `pos`, unless the character after it makes it the first half
// of a word (units.tsv, not_before): "12345台胞" has no unit.
const UnitEntry* UnitAt(std::string_view text, std::size_t pos) {
  const UnitEntry* unit = Words().units.MatchAt(text, pos);
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
const ScaleEntry* ScaleAt(std::string_view text, std::size_t pos) {
  const ScaleEntry* scale = Words().scales.MatchAt(text, pos);
  return scale && !scale->alone_only ? scale : nullptr;
}

bool IsRangeConnector(std::string_view text, std::size_t offset,
                      std::size_t* length) {
  for (const std::string_view connector :
       {"至", "到", "-", "~", "—", "–", "〜"}) {
    if (utf8::StartsWith(text.substr(offset), connector)) {
      *length = connector.size();
      return true;
    }
  }
  return false;
}

// The characters a mention may start at besides ASCII digits: those that
// open a Chinese numeral, and the scale words 百千万亿 (百分之, and "超千亿元"
// after a qualifier), in one set, so most characters cost one bit test.
constexpr numbers_internal::CjkCharSet kOpensMention = [] {
  numbers_internal::CjkCharSet set(numbers_internal::kNumeralOpeners);
  for (const char32_t scale : {U'百', U'千', U'万', U'亿'}) set.Add(scale);
  return set;
}();

// The same set as one 64-bit mask per block of 64 code points: a
// three-byte character's first two bytes name its block (code point >> 6)
// and its last byte's low six bits its place in the block. Chinese text is
// nearly all three-byte characters, which are thus tested from their bytes,
// without decoding and validating the code point first.
constexpr std::array<std::uint64_t, 0x10000 / 64> kBlockOpensMention = [] {
  std::array<std::uint64_t, 0x10000 / 64> blocks{};
  for (char32_t cp = 0x800; cp < 0x10000; ++cp) {
    if (kOpensMention.Contains(cp))
      blocks[cp >> 6] |= std::uint64_t{1} << (cp & 0x3F);
  }
  return blocks;
}();

// The first offset at or after `offset` where a mention may start: an ASCII
// digit, or a character that is neither ASCII nor a three-byte character
// outside kOpensMention (those are tested by the caller). Its own function,
// not inlined into the scanner, so the loop that passes over nearly every
// character of a report keeps the text in registers.
[[gnu::noinline]] std::size_t SkipToCandidate(std::string_view text,
                                              std::size_t offset) {
  const std::size_t size = text.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (offset < size) {
    const unsigned char byte = bytes[offset];
    if (byte < 0x80) {
      if (byte >= '0' && byte <= '9') return offset;
      ++offset;
      continue;
    }
    if ((byte & 0xF0) != 0xE0 || offset + 2 >= size) return offset;
    const unsigned char b1 = bytes[offset + 1];
    const unsigned char b2 = bytes[offset + 2];
    // A three-byte character that opens nothing. When the bytes are no
    // well-formed character (an overlong form or a surrogate, whose blocks
    // hold no opener), the two continuation bytes open nothing themselves
    // either, so they are passed over with it.
    if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return offset;
    if ((kBlockOpensMention[((byte & 0x0Fu) << 6) | (b1 & 0x3Fu)] >>
         (b2 & 0x3Fu)) &
        1)
      return offset;
    offset += 3;
  }
  return size;
}

class Scanner {
 public:
  Scanner(const Text& text, std::size_t max_mentions)
      : text_(text),
        normalized_(text.normalized()),
        max_mentions_(max_mentions) {}

  std::vector<Mention> Scan() {
    const std::size_t size = normalized_.size();
    for (std::size_t offset = SkipToCandidate(normalized_, 0); offset < size;
         offset = SkipToCandidate(normalized_, offset)) {
      const unsigned char byte =
          static_cast<unsigned char>(normalized_[offset]);
      // Characters of other lengths (and malformed bytes) are tested here.
      const utf8::CodePoint cp = utf8::Decode(normalized_, offset);
      if (byte >= 0x80 && !kOpensMention.Contains(cp.value)) {
        offset += cp.length;
        continue;
      }
      // The mention is built in its place in the list (not returned and
      // moved there: a Mention holds three strings), and dropped again
      // when none starts here.
      Mention& mention = mentions_.emplace_back();
      if (MentionAt(offset, mention)) {
        if (mentions_.size() > max_mentions_) break;
        offset = mention.end;
        previous_end_ = mention.end;
        continue;
      }
      mentions_.pop_back();
      offset += cp.length;
    }
    return std::move(mentions_);
  }

 private:
  // Fills `mention`, default-constructed, with the mention at `offset`;
  // false when none starts there.
  bool MentionAt(std::size_t offset, Mention& mention) const {
    const Vocabulary& words = Words();
    mention.begin = offset;
    std::size_t number_offset = offset;
    bool percent_words = false;
    constexpr std::string_view kPercentWords = "百分之";
    if (utf8::StartsWith(normalized_.substr(offset), kPercentWords)) {
      percent_words = true;
      number_offset += kPercentWords.size();
    } else if (offset > 0 && IsDigit(normalized_[offset]) &&
               (IsDigit(normalized_[offset - 1]) ||
                (normalized_[offset - 1] == '.' &&
                 offset - 1 != previous_end_))) {
      // Inside a number the scanner already passed ("1.2.3"); a list number's
      // "." ("20.2026年") ends that mention and the next number starts afresh.
      return false;
    }
    // "0 100 200": a number one space after another is the next cell of a
    // row, never a later group of one grouped number.
    const bool after_number_and_space = number_offset >= 2 &&
                                        normalized_[number_offset - 1] == ' ' &&
                                        IsDigit(normalized_[number_offset - 2]);
    std::optional<Numeral> numeral =
        ReadNumeral(normalized_, number_offset, !after_number_and_space);
    // "1 234 件" is 1234 件, but "1 234" alone may be two figures.
    if (numeral && numeral->spaced && !UnitFollows(numeral->end))
      numeral = ReadNumeral(normalized_, number_offset, false);
    if (!numeral && !percent_words) {
      // "超千亿元", "突破万人": a scale word alone after a qualifier is 1 ×
      // 10^n.
      numeral = ReadBareScale(offset);
    }
    if (!numeral) return false;

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
    std::size_t pos = numeral->end;
    // Scale, qualifier and unit may stand one space after arabic digits.
    const bool arabic = !numeral->chinese && !numeral->bare_scale;

    bool scaled = false;
    if (arabic) {
      // "750余万人次": 余 may stand before the scale word too.
      std::size_t scale_at = PastSpace(pos);
      const QualifierEntry* early =
          words.after_number.MatchAt(normalized_, scale_at);
      if (early) scale_at += early->word.size();
      if (const ScaleEntry* scale = ScaleAt(normalized_, scale_at)) {
        mention.value = mention.value.Scaled(scale->power);
        pos = scale_at + scale->word.size();
        mention.rule = "arabic_scaled";
        if (early) mention.qualifier = early->qualifier;
        scaled = true;
      }
    }
    if (numeral->bare_scale) {
      mention.rule = "scale_word";
      scaled = true;
    }
    if (const QualifierEntry* q = words.after_number.MatchAt(
            normalized_, arabic ? PastSpace(pos) : pos)) {
      // "280余次", "4万余件": only when a unit follows, so "多" in "3个多部门"
      // stays.
      const std::size_t after =
          (arabic ? PastSpace(pos) : pos) + q->word.size();
      if (UnitAt(normalized_, after)) {
        mention.qualifier = q->qualifier;
        pos = after;
      }
    }

    // A range: "3至5个", "3-5个", "10~15天", "2021—2025年".
    std::size_t connector = 0;
    if (!percent_words && IsRangeConnector(normalized_, pos, &connector)) {
      if (std::optional<Numeral> upper =
              ReadNumeral(normalized_, pos + connector);
          upper && upper->chinese == numeral->chinese) {
        std::size_t upper_end = upper->end;
        Decimal upper_value = upper->value;
        if (!upper->chinese) {
          if (const ScaleEntry* scale = ScaleAt(normalized_, upper_end)) {
            upper_value = upper_value.Scaled(scale->power);
            upper_end += scale->word.size();
            if (mention.rule != "arabic_scaled")
              mention.value = mention.value.Scaled(scale->power);
          }
        }
        mention.upper = upper_value;
        mention.rule = "range";
        pos = upper_end;
      }
    }

    mention.unit_begin = mention.unit_end = pos;
    if (percent_words) {
      mention.unit = "%";
      mention.kind = UnitKind::kPercent;
      mention.rule = "percent_words";
    } else if (numeral->chinese && !numeral->digit_string &&
               utf8::StartsWith(normalized_.substr(pos), "成") &&
               mention.value.IsInteger() && mention.value.mantissa() > 0 &&
               mention.value.mantissa() < 10 && mention.value.exponent() == 0) {
      // "九成" is 90%.
      mention.value = mention.value.Scaled(1);
      mention.unit = "%";
      mention.kind = UnitKind::kPercent;
      mention.rule = "chinese_tenths";
      pos += std::string_view("成").size();
      mention.unit_end = pos;
    } else if (const UnitEntry* unit = UnitAfter(pos, arabic)) {
      pos = unit_at_;
      mention.unit_begin = pos;
      mention.unit = unit->base;
      mention.kind = unit->kind;
      mention.unit_known = true;
      pos += unit->written.size();
      // A compound unit keeps its denominator as written: 元/人, 人/百亿元,
      // 吨/年.
      if (mention.kind != UnitKind::kNone && pos < normalized_.size() &&
          normalized_[pos] == '/') {
        std::size_t denominator = pos + 1;
        if (const ScaleEntry* scale = ScaleAt(normalized_, denominator)) {
          denominator += scale->word.size();
        }
        if (const UnitEntry* per = UnitAt(normalized_, denominator)) {
          denominator += per->written.size();
          mention.unit +=
              std::string(normalized_.substr(pos, denominator - pos));
          pos = denominator;
        }
      }
      mention.unit_end = pos;
      // A range with the unit on both ends: "5%-5.5%", "3天至5天".
      std::size_t connector_length = 0;
      if (!mention.upper &&
          IsRangeConnector(normalized_, pos, &connector_length)) {
        if (std::optional<Numeral> upper =
                ReadNumeral(normalized_, pos + connector_length);
            upper && upper->chinese == numeral->chinese &&
            utf8::StartsWith(normalized_.substr(upper->end), unit->written)) {
          mention.upper = upper->value;
          mention.rule = "range";
          pos = upper->end + unit->written.size();
        }
      }
    } else if (!numeral->chinese && IsRatio(pos)) {
      // "城乡收入比2.50:1", "之比提高到2.81∶1": the ratio's first term.
      mention.kind = UnitKind::kMeasure;
      mention.rule = "ratio";
      pos = RatioEnd(pos);
    } else if (scaled) {
      // "新增40.8万青年": a scaled count whose noun follows without a measure
      // word.
      mention.kind = UnitKind::kCount;
    }
    if (mention.kind != UnitKind::kNone) {
      if (const QualifierEntry* q =
              words.after_unit.MatchAt(normalized_, pos)) {
        if (mention.qualifier == Qualifier::kNone)
          mention.qualifier = q->qualifier;
        pos += q->word.size();
      }
    }
    mention.end = pos;

    // A qualifier right before: "约71013条", "超过250家次", and one space
    // before arabic digits ("约 71013 条").
    mention.qualifier_begin = mention.begin;
    std::string_view before_mention = normalized_.substr(0, mention.begin);
    if (arabic && utf8::EndsWith(before_mention, " ") &&
        !utf8::EndsWith(before_mention, "  "))
      before_mention.remove_suffix(1);
    for (const QualifierEntry& q : words.before) {
      // EndsWith compares the last byte first: most words fail there.
      if (utf8::EndsWith(before_mention, q.word)) {
        if (mention.qualifier == Qualifier::kNone)
          mention.qualifier = q.qualifier;
        mention.qualifier_begin = before_mention.size() - q.word.size();
        break;
      }
    }
    return true;
  }

  // Where a scale word, qualifier or unit may start after arabic digits
  // ending at `pos`: there, or past one space, as PDF-derived text writes
  // them ("2428 条", "增长3.8 %"). Two spaces or more part table columns.
  // The unit after digits ending at `pos`: right there, one space on, or
  // (arabic digits ending a wrapped line) at the start of the next line;
  // unit_at_ says where it begins.
  const UnitEntry* UnitAfter(std::size_t pos, bool arabic) const {
    unit_at_ = arabic ? PastSpace(pos) : pos;
    if (const UnitEntry* unit = UnitAt(normalized_, unit_at_)) return unit;
    if (!arabic) return nullptr;
    const std::size_t wrapped = PastLineBreak(pos);
    if (wrapped == pos) return nullptr;
    const UnitEntry* unit = UnitAt(normalized_, wrapped);
    if (unit == nullptr || unit->kind == UnitKind::kNone) return nullptr;
    unit_at_ = wrapped;
    return unit;
  }

  // Text wrapped at a margin (pdftotext -layout, a copy from a PDF) breaks a
  // sentence between a number and its unit: "公开政府常务会议 7" / "期". The
  // next line's first character is then the unit. Only after a line of
  // prose long enough to have reached the margin, outside tables, where a
  // line's end is a cell's end.
  std::size_t PastLineBreak(std::size_t pos) const {
    constexpr std::size_t kMinWrappedLineBytes = 36;  // a dozen characters
    std::size_t at = pos;
    while (at < normalized_.size() && normalized_[at] == ' ') ++at;
    if (at >= normalized_.size() || normalized_[at] != '\n') return pos;
    const std::size_t line_start =
        normalized_.rfind('\n', pos == 0 ? 0 : pos - 1);
    const std::size_t line_bytes =
        line_start == std::string_view::npos ? pos : pos - line_start - 1;
    if (line_bytes < kMinWrappedLineBytes) return pos;
    if (!text_.tables().empty()) {
      const int line = text_.PositionOf(pos == 0 ? 0 : pos - 1).line;
      if (text_.TableAt(line) != nullptr || text_.TableAt(line + 1) != nullptr)
        return pos;
    }
    ++at;
    while (at < normalized_.size() && normalized_[at] == ' ') ++at;
    return at;
  }

  std::size_t PastSpace(std::size_t pos) const {
    if (pos + 1 < normalized_.size() && normalized_[pos] == ' ' &&
        normalized_[pos + 1] != ' ')
      return pos + 1;
    return pos;
  }

  // Whether a scale word or a unit follows digits that end at `pos`.
  bool UnitFollows(std::size_t pos) const {
    pos = PastSpace(pos);
    if (ScaleAt(normalized_, pos)) return true;
    if (const QualifierEntry* q =
            Words().after_number.MatchAt(normalized_, pos))
      pos += q->word.size();
    const UnitEntry* unit = UnitAt(normalized_, pos);
    return unit && unit->kind != UnitKind::kNone;
  }

  // "千亿元" after "超": value 10^11, the unit follows the scale word.
  std::optional<Numeral> ReadBareScale(std::size_t offset) const {
    const Vocabulary& words = Words();
    // The scale word first: one lookup, where most candidates fail.
    const ScaleEntry* scale = words.scales.MatchAt(normalized_, offset);
    if (!scale) return std::nullopt;
    const std::string_view before = normalized_.substr(0, offset);
    bool after_qualifier = false;
    for (const QualifierEntry& q : words.before) {
      if (utf8::EndsWith(before, q.word)) {
        after_qualifier = true;
        break;
      }
    }
    if (!after_qualifier) return std::nullopt;
    const std::size_t end = offset + scale->word.size();
    const UnitEntry* unit = UnitAt(normalized_, end);
    if (!unit || unit->kind == UnitKind::kNone) return std::nullopt;
    Numeral numeral;
    numeral.value = Decimal::FromInt(1).Scaled(scale->power);
    numeral.end = end;
    numeral.bare_scale = true;
    // Written in Chinese characters: "近百年" is a span of time in prose,
    // as "十年" is.
    numeral.chinese = true;
    return numeral;
  }

  bool IsRatio(std::size_t pos) const { return RatioEnd(pos) != pos; }
  std::size_t RatioEnd(std::size_t pos) const {
    for (const std::string_view colon : {":", "∶"}) {
      if (!utf8::StartsWith(normalized_.substr(pos), colon)) continue;
      std::size_t end = pos + colon.size();
      if (end < normalized_.size() && normalized_[end] == '1' &&
          (end + 1 >= normalized_.size() || !IsDigit(normalized_[end + 1]))) {
        return end + 1;
      }
    }
    return pos;
  }

  const Text& text_;
  std::string_view normalized_;
  // Scan stops after this many mentions and one more (FindMentions).
  std::size_t max_mentions_;
  mutable std::size_t unit_at_ = 0;  // where UnitAfter found its unit
  std::vector<Mention> mentions_;
  std::size_t previous_end_ = std::string_view::npos;
};

}  // namespace

namespace {

// The power of the scale word after m's digits ("3.27万人次" → 4), or none.
std::optional<int> ScalePowerOf(std::string_view normalized, const Mention& m) {
  if (m.chinese || m.number_end >= m.end) return std::nullopt;
  std::size_t pos = m.number_end;
  if (normalized[pos] == ' ') ++pos;
  if (const QualifierEntry* q = Words().after_number.MatchAt(normalized, pos))
    pos += q->word.size();
  const ScaleEntry* scale = ScaleAt(normalized, pos);
  if (!scale) return std::nullopt;
  return scale->power;
}

// Whether the text before `offset` ends a sentence or a line, or opens the
// text: where a list number ("1、") stands.
bool AtSentenceStart(std::string_view normalized, std::size_t offset) {
  if (offset == 0) return true;
  const std::size_t previous = utf8::PreviousBoundary(normalized, offset);
  const char32_t cp = utf8::Decode(normalized, previous).value;
  return cp == U'\n' || cp == U'。' || cp == U'；' || cp == U';' ||
         cp == U'：' || cp == U':' || cp == U'！' || cp == U'？';
}

}  // namespace

std::vector<Mention> FindMentions(const Text& text) {
  return FindMentions(text, std::numeric_limits<std::size_t>::max());
}

std::vector<Mention> FindMentions(const Text& text, std::size_t max_mentions) {
  std::vector<Mention> mentions = Scanner(text, max_mentions).Scan();
  for (Mention& mention : mentions)
    mention.raw.assign(text.SourceOf(mention.begin, mention.end));
  // "分别达1.28万亿、1.18万亿、8200亿元": a scaled number in a list takes the
  // unit the list ends with; "（4.81、3.27万人次）": a bare number in a list
  // takes the scale and unit of the one after it. Right to left, so both
  // pass down the chain.
  const std::string_view normalized = text.normalized();
  std::vector<std::optional<int>> power(mentions.size());
  for (std::size_t i = 0; i < mentions.size(); ++i)
    power[i] = ScalePowerOf(normalized, mentions[i]);
  for (std::size_t i = mentions.size(); i-- > 1;) {
    Mention& before = mentions[i - 1];
    const Mention& after = mentions[i];
    if (before.unit_known || after.unit.empty() ||
        after.kind == UnitKind::kNone || after.begin < before.end) {
      continue;
    }
    const std::string_view gap =
        normalized.substr(before.end, after.qualifier_begin - before.end);
    if (gap != "、" && gap != "," && gap != "和" && gap != "及") continue;
    if (before.rule == "arabic" && before.kind == UnitKind::kNone && power[i] &&
        gap == "、") {
      // A whole number at a sentence start is a list number ("1、2万人"
      // reads as item 1); a decimal is never one.
      const bool decimal = normalized
                               .substr(before.number_begin,
                                       before.number_end - before.number_begin)
                               .find('.') != std::string_view::npos;
      if (!decimal && AtSentenceStart(normalized, before.qualifier_begin))
        continue;
      before.value = before.value.Scaled(*power[i]);
      power[i - 1] = power[i];
      before.rule = "list_scaled";
    } else if (before.rule != "arabic_scaled") {
      continue;
    }
    before.unit = after.unit;
    before.kind = after.kind;
    before.unit_known = true;
  }
  return mentions;
}

}  // namespace lawreport
