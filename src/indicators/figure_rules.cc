// The figure rules of figure_rules.h, one function each. Their words are
// data/lexicon/figure_rules.tsv; the conditions are code.
#include "indicators/figure_rules.h"

#include <algorithm>
#include <string>
#include <vector>

#include "indicators/label_rules.h"
#include "lexicon/lexicon.h"
#include "util/utf8.h"

namespace lawreport::indicators_internal {

SpanSet::SpanSet(std::vector<std::pair<std::size_t, std::size_t>> spans)
    : spans_(std::move(spans)), max_end_(spans_.size()) {
  std::sort(spans_.begin(), spans_.end());
  std::size_t running = 0;
  for (std::size_t k = 0; k < spans_.size(); ++k)
    max_end_[k] = running = std::max(running, spans_[k].second);
}

// A span starting before `end` overlaps exactly when the largest end among
// such spans passes `begin`.
bool SpanSet::Overlaps(std::size_t begin, std::size_t end) const {
  const auto after = std::lower_bound(spans_.begin(), spans_.end(),
                                      std::make_pair(end, std::size_t{0}));
  if (after == spans_.begin()) return false;
  return max_end_[static_cast<std::size_t>(after - spans_.begin()) - 1] > begin;
}

namespace {

// figure_rules.tsv, by rule and role.
struct RuleWords {
  std::vector<std::string> year_units;          // year: 年
  std::vector<std::string> span_units;          // span_of_years: 年
  std::vector<std::string> category_units;      // category_name: 类
  std::vector<std::string> member_units;        // category_member: 类
  std::vector<std::string> member_before;       // category_member: 属于
  std::vector<std::string> amount_class_after;  // amount_class: 以上, 以下
  std::vector<std::string> phase_units;         // phase_or_round: 期 轮 批
  std::vector<char32_t> ordinal_before;         // ordinal: 第
};

const RuleWords& Words() {
  static const RuleWords words = [] {
    RuleWords w;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("figure_rules.tsv")) {
      const std::string_view rule = row.Get("rule");
      const std::string_view role = row.Get("role");
      const std::string value(row.Get("value"));
      const auto is = [&](std::string_view r, std::string_view o) {
        return rule == r && role == o;
      };
      if (is("year", "unit")) {
        w.year_units.push_back(value);
      } else if (is("span_of_years", "unit")) {
        w.span_units.push_back(value);
      } else if (is("category_name", "unit")) {
        w.category_units.push_back(value);
      } else if (is("category_member", "unit")) {
        w.member_units.push_back(value);
      } else if (is("category_member", "before")) {
        w.member_before.push_back(value);
      } else if (is("amount_class", "after")) {
        w.amount_class_after.push_back(value);
      } else if (is("phase_or_round", "unit")) {
        w.phase_units.push_back(value);
      } else if (is("ordinal", "before")) {
        const utf8::CodePoint cp = utf8::Decode(value, 0);
        if (cp.length != value.size())
          lexicon::BadLexicon("figure_rules.tsv", row.line(),
                              "an ordinal marker is one character");
        w.ordinal_before.push_back(cp.value);
      } else {
        lexicon::BadLexicon("figure_rules.tsv", row.line(),
                            "no rule reads this role");
      }
    }
    return w;
  }();
  return words;
}

bool AnyEquals(const std::vector<std::string>& words, std::string_view text) {
  return std::find(words.begin(), words.end(), text) != words.end();
}

bool AnyEndsWith(const std::vector<std::string>& words, std::string_view text) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return utf8::EndsWith(text, w);
  });
}

bool IsAsciiLetter(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}
bool IsIdeograph(char32_t cp) { return cp >= 0x4E00 && cp <= 0x9FFF; }

char32_t CharBefore(std::string_view text, std::size_t offset) {
  if (offset == 0) return 0;
  return utf8::Decode(text, utf8::PreviousBoundary(text, offset)).value;
}
// The character before `offset`, past one space: "第 3 次".
char32_t CharBeforeSpace(std::string_view text, std::size_t offset) {
  if (offset > 0 && text[offset - 1] == ' ') --offset;
  return CharBefore(text, offset);
}
char32_t CharAt(std::string_view text, std::size_t offset) {
  return offset < text.size() ? utf8::Decode(text, offset).value : 0;
}

// "5月", "1、": no unit follows, so the number counts nothing.
bool NoUnit(const FigureContext&, const Mention& m) {
  return m.kind == UnitKind::kNone;
}

// "2023年", "二〇二三年", "2021—2025年": a year.
bool Year(const FigureContext&, const Mention& m) { return IsYear(m); }

// "二〇二三": digits without place units are a year or a code.
bool DigitString(const FigureContext&, const Mention& m) {
  return m.digit_string;
}

// "一个", "一批", "一次": Chinese 一 counts nothing in report prose.
bool ChineseOne(const FigureContext&, const Mention& m) {
  return m.chinese && m.value == Decimal::FromInt(1) && !m.upper;
}

// "这五年", "过去五年", "十年": spans of time in prose, not figures.
bool SpanOfYears(const FigureContext&, const Mention& m) {
  return m.chinese && AnyEquals(Words().span_units, m.unit);
}

// "1类创新药", "二类疫苗": a category's name.
bool CategoryName(const FigureContext& context, const Mention& m) {
  return AnyEquals(Words().category_units, m.unit) &&
         m.value < Decimal::FromInt(4) &&
         IsIdeograph(CharAt(context.text, m.end));
}

// "6.属于四类过程性信息": what belongs to a category names it, whatever its
// number; it counts no categories.
bool CategoryMember(const FigureContext& context, const Mention& m) {
  return AnyEquals(Words().member_units, m.unit) &&
         AnyEndsWith(Words().member_before,
                     context.text.substr(0, m.qualifier_begin));
}

// "10亿元以上项目15个": a sum and 以上 or 以下 right before a noun is a
// class of things (projects of a billion yuan or more), not a sum spent.
bool AmountClass(const FigureContext& context, const Mention& m) {
  const char32_t next = CharAt(context.text, m.end);
  return m.kind == UnitKind::kAmount &&
         AnyEndsWith(Words().amount_class_after,
                     context.text.substr(0, m.end)) &&
         IsIdeograph(next) && !OpensNoLabel(next);
}

// "二期", "二轮", "三批": phases and rounds of a named project.
bool PhaseOrRound(const FigureContext&, const Mention& m) {
  return m.chinese && m.value < Decimal::FromInt(10) &&
         AnyEquals(Words().phase_units, m.unit);
}

// Ordinals: 第四批, 第二十二个, and 第 3 次 in PDF-derived text.
bool Ordinal(const FigureContext& context, const Mention& m) {
  const std::vector<char32_t>& markers = Words().ordinal_before;
  const auto is_marker = [&](char32_t cp) {
    return std::find(markers.begin(), markers.end(), cp) != markers.end();
  };
  return is_marker(CharBeforeSpace(context.text, m.number_begin)) ||
         is_marker(CharBeforeSpace(context.text, m.qualifier_begin));
}

// Codes and names: PM2.5, 5G, 4A.
bool Code(const FigureContext& context, const Mention& m) {
  return IsAsciiLetter(CharBefore(context.text, m.number_begin)) ||
         IsAsciiLetter(CharAt(context.text, m.number_end));
}

// "《条例》第3条", "〔2023〕12号", "“十大”工程": inside a title, a name or a
// document number.
bool Enclosed(const FigureContext& context, const Mention& m) {
  return context.enclosed &&
         context.enclosed->Overlaps(m.number_begin, m.number_begin + 1);
}

// "十四五", "二十大": a fixed political term (fixed_terms.tsv).
bool FixedTerm(const FigureContext& context, const Mention& m) {
  return context.fixed && context.fixed->Overlaps(m.number_begin, m.end);
}

// "（一）", "3.": the number of a heading.
bool HeadingMarker(const FigureContext& context, const Mention& m) {
  if (!context.markers) return false;
  const auto& markers = *context.markers;
  const auto after =
      std::upper_bound(markers.begin(), markers.end(), m.number_begin,
                       [](std::size_t offset, const auto& marker) {
                         return offset < marker.first;
                       });
  return after != markers.begin() && m.number_begin < (after - 1)->second;
}

constexpr FigureRule kFigureRules[] = {
    {"no_unit",
     "no unit of units.tsv follows: a date's month or day, a list number, a "
     "bare number",
     NoUnit},
    {"year", "a year: four digits or a digit string before the year unit",
     Year},
    {"digit_string",
     "Chinese digits without place units: a year or a code, not a quantity",
     DigitString},
    {"chinese_one", "Chinese one with a measure word counts nothing in prose",
     ChineseOne},
    {"span_of_years",
     "Chinese numerals before the year unit: a span of time in prose",
     SpanOfYears},
    {"category_name",
     "a small number before the category unit and a noun "
     "names a category",
     CategoryName},
    {"category_member",
     "what belongs to a category names it, whatever its number",
     CategoryMember},
    {"amount_class",
     "a sum with 'or more' before a noun is a class of things, not a sum",
     AmountClass},
    {"phase_or_round",
     "a small Chinese numeral before a phase, round or batch unit names a "
     "phase",
     PhaseOrRound},
    {"ordinal", "an ordinal: the ordinal prefix stands before the number",
     Ordinal},
    {"code", "a Latin letter touches the number: a code or a name", Code},
    {"enclosed",
     "inside a title, a quotation or a document number's brackets: part of "
     "a name",
     Enclosed},
    {"fixed_term", "part of a fixed term of fixed_terms.tsv", FixedTerm},
    {"heading_marker", "the number of a heading", HeadingMarker},
};

}  // namespace

bool IsYear(const Mention& m) {
  return AnyEquals(Words().year_units, m.unit) &&
         (m.digit_string || (!m.chinese && m.digits == 4));
}

std::span<const FigureRule> FigureRules() { return kFigureRules; }

const FigureRule* RejectingRule(const FigureContext& context,
                                const Mention& m) {
  for (const FigureRule& rule : kFigureRules) {
    if (rule.rejects(context, m)) return &rule;
  }
  return nullptr;
}

}  // namespace lawreport::indicators_internal
