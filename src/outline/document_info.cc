#include "outline/document_info.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "outline/markers.h"
#include "outline/outline_rules.h"
#include "util/regex.h"
#include "util/utf8.h"
#include "util/year.h"

namespace lawreport::outline_internal {
namespace {

constexpr std::size_t kMaxTitleChars = 80;
constexpr std::size_t kMaxIssuerLineChars = 30;
constexpr std::size_t kUnitsToScan = 6;

// Runs of spaces (U+3000, NBSP, tabs: anything the normalizer folds to " ")
// become one ASCII space: "中共浚县县委  浚县人民政府" → "中共浚县县委
// 浚县人民政府".
std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool in_space = false;
  for (std::size_t offset = 0; offset < text.size();) {
    const utf8::CodePoint cp = utf8::Decode(text, offset);
    const bool space = cp.value == U' ' || cp.value == 0x3000 ||
                       cp.value == 0xA0 || cp.value == U'\t';
    if (space) {
      if (!in_space) out.push_back(' ');
    } else {
      out.append(text.substr(offset, cp.length));
    }
    in_space = space;
    offset += cp.length;
  }
  return out;
}

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

bool TitleLike(const Text& text, const Unit& unit) {
  const std::string_view content = UnitText(text, unit);
  // A line ending in a colon leads into what follows
  // ("现将工作情况报告如下：").
  return unit.whole_line && !unit.table_cell &&
         utf8::CountChars(content) <= kMaxTitleChars &&
         !Contains(content, "。") && !utf8::EndsWith(content, "：") &&
         !utf8::EndsWith(content, ":") && !MatchMarker(content);
}

ReportKind KindOf(std::string_view text) {
  for (const lexicon::TsvRow& row : lexicon::ReadTsv("report_kinds.tsv")) {
    if (!Contains(text, row.Get("keyword"))) continue;
    const std::string_view kind = row.Get("kind");
    for (const KindName& known : KindNames()) {
      if (known.name == kind) return known.kind;
    }
    lexicon::BadLexicon("report_kinds.tsv", row.line(),
                        "unknown kind: " + std::string(kind));
  }
  return ReportKind::kOther;
}

// The first year ("2023年", "二〇二三年") in `text` that is not inside 《》
// and not the end of a range ("2021—2025年").
std::optional<int> FirstYear(std::string_view text) {
  const OutlineRules& rules = EmbeddedOutlineRules();
  // The covered year stands in the opening words; a whole report joined
  // into one line is not searched to its end.
  constexpr std::size_t kMaxBytes = 600;
  if (text.size() > kMaxBytes)
    text = text.substr(0, utf8::PreviousBoundary(text, kMaxBytes + 1));
  int title_depth = 0;
  std::size_t offset = 0;
  char32_t previous = 0;
  char32_t before_previous = 0;
  while (offset < text.size()) {
    const utf8::CodePoint cp = utf8::Decode(text, offset);
    if (cp.value == U'《') ++title_depth;
    if (cp.value == U'》' && title_depth > 0) --title_depth;
    // "2021—2025年" ends a range; "——2026年1月26日" (a dash-led date line) does
    // not.
    const bool range_end =
        rules.IsRangeDash(previous) && rules.EndsRangeFrom(before_previous);
    if (title_depth == 0 && !range_end && rules.YearMayOpen(cp.value)) {
      if (auto match = rules.year->MatchPrefix(text.substr(offset))) {
        if (auto year = ReadYear(match->group)) return year;
      }
    }
    before_previous = previous;
    previous = cp.value;
    offset += cp.length;
  }
  return std::nullopt;
}

// A byte range [begin, end) of a normalized string.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Where the issuer stands in the normalized title: before 关于, a year, 发布
// or the kind's words ("融安县2023年…" → "融安县").
std::optional<Span> IssuerInTitle(std::string_view title) {
  const OutlineRules& rules = EmbeddedOutlineRules();
  std::size_t begin = 0;
  if (auto year = rules.leading_year->MatchPrefix(title)) begin = year->length;
  const std::string_view rest = title.substr(begin);

  // "四川省人民政府工作报告": the body's name ends inside the kind's words.
  const std::string body_then_kind = rules.body + rules.body_kind;
  if (const std::size_t at = rest.find(body_then_kind);
      at != std::string_view::npos) {
    if (utf8::TrimSpaces(rest.substr(0, at)).empty()) return std::nullopt;
    return Span{begin, begin + at + rules.body.size()};
  }

  std::size_t end = rest.size();
  for (const std::string& stop : rules.issuer_stops) {
    end = std::min(end, rest.find(stop));
  }
  for (std::size_t offset = 0; offset < end;) {
    if (rules.year->MatchPrefix(rest.substr(offset))) {
      end = offset;
      break;
    }
    offset += utf8::Decode(rest, offset).length;
  }
  if (utf8::TrimSpaces(rest.substr(0, end)).empty()) return std::nullopt;
  return Span{begin, begin + end};
}

// "广东省省长 孟凡利" → "广东省": the speaker line of a work report.
std::optional<Span> IssuerInSpeakerLine(std::string_view line) {
  if (auto match = EmbeddedOutlineRules().speaker->MatchPrefix(line)) {
    const std::size_t begin =
        static_cast<std::size_t>(match->group.data() - line.data());
    return Span{begin, begin + match->group.size()};
  }
  return std::nullopt;
}

// The title is the normalized text of one or two units put together; a
// TitleMap turns a span of it back into the source text as written.
class TitleMap {
 public:
  explicit TitleMap(const Text& text) : text_(text) {}
  void Add(const Unit& unit) {
    pieces_.push_back({normalized_.size(), unit.begin});
    normalized_ += UnitText(text_, unit);
  }
  const std::string& normalized() const { return normalized_; }
  std::string Source(Span span) const {
    std::string out;
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
      const std::size_t piece_begin = pieces_[i].title_offset;
      const std::size_t piece_end = i + 1 < pieces_.size()
                                        ? pieces_[i + 1].title_offset
                                        : normalized_.size();
      const std::size_t begin = std::max(span.begin, piece_begin);
      const std::size_t end = std::min(span.end, piece_end);
      if (begin >= end) continue;
      out += text_.SourceOf(pieces_[i].text_offset + (begin - piece_begin),
                            pieces_[i].text_offset + (end - piece_begin));
    }
    const std::string collapsed = CollapseSpaces(out);
    return std::string(utf8::TrimSpaces(collapsed));
  }

 private:
  struct Piece {
    std::size_t title_offset;  // where the unit starts in normalized_
    std::size_t text_offset;   // where it starts in text.normalized()
  };
  const Text& text_;
  std::string normalized_;
  std::vector<Piece> pieces_;
};

}  // namespace

const std::vector<KindName>& KindNames() {
  static const std::vector<KindName> names = [] {
    constexpr std::string_view kFile = "report_kind_names.tsv";
    constexpr std::pair<std::string_view, ReportKind> kIds[] = {
        {"rule_of_law", ReportKind::kRuleOfLaw},
        {"work_report", ReportKind::kWorkReport},
        {"open_government", ReportKind::kOpenGovernment},
        {"work_summary", ReportKind::kWorkSummary},
        {"work_plan", ReportKind::kWorkPlan}};
    std::vector<KindName> loaded;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv(kFile)) {
      const auto* const id = std::find_if(
          std::begin(kIds), std::end(kIds),
          [&](const auto& pair) { return pair.first == row.Get("kind"); });
      if (id == std::end(kIds) || row.Get("name").empty())
        lexicon::BadLexicon(kFile, row.line(), "want a known kind and a name");
      loaded.push_back({id->second, std::string(row.Get("name"))});
    }
    // Every kind is printed by its name: none may be left out.
    if (loaded.size() != std::size(kIds))
      lexicon::BadLexicon(kFile, 0, "want one row for each kind");
    return loaded;
  }();
  return names;
}

TitleBlock ReadDocumentInfo(const Text& text, const std::vector<Unit>& units) {
  TitleBlock block;
  DocumentInfo& info = block.info;
  if (units.empty()) return block;

  // A title names a report ("…报告") or the kind of one ("…工作总结").
  const auto is_report_title = [&](const Unit& unit) {
    const std::string_view content = UnitText(text, unit);
    return TitleLike(text, unit) &&
           (EmbeddedOutlineRules().NamesReport(content) ||
            KindOf(content) != ReportKind::kOther);
  };
  // How many units from `start` form a title: 1, 2 (the issuer on one line,
  // the rest of the title on the next) or 0.
  const auto title_units = [&](std::size_t start) -> std::size_t {
    if (start >= units.size()) return 0;
    const Unit& first = units[start];
    if (is_report_title(first)) return 1;
    if (start + 1 < units.size() && TitleLike(text, first) &&
        utf8::CountChars(UnitText(text, first)) <= kMaxIssuerLineChars &&
        units[start + 1].line <= first.line + 3 &&
        is_report_title(units[start + 1])) {
      return 2;
    }
    return 0;
  };

  // A web page's title line (Text::page_title_line) gives way to a title the
  // article opens with; otherwise it is the title, whatever its words, as the
  // page says so.
  const bool page_title =
      text.page_title_line() != 0 && units[0].line == text.page_title_line();
  std::size_t title_begin = 0;
  std::size_t title_count = 0;
  if (page_title) {
    title_count = title_units(1);
    if (title_count > 0) {
      title_begin = 1;
    } else if (TitleLike(text, units[0])) {
      title_count = 1;
    }
  } else {
    title_count = title_units(0);
  }
  // The units before the body: a page title set aside and the title.
  block.unit_count = title_count > 0 ? title_begin + title_count : 0;

  TitleMap title_map(text);
  for (std::size_t i = title_begin; i < block.unit_count; ++i)
    title_map.Add(units[i]);
  const std::string& normalized_title = title_map.normalized();
  if (title_count > 0) {
    info.title = title_map.Source(Span{0, normalized_title.size()});
    info.title_line = units[title_begin].line;
    info.title_end_line = units[block.unit_count - 1].line;
  }

  // What the first lines say: a date line, a speaker line, the opening.
  const std::size_t scan_end =
      std::min(units.size(), block.unit_count + kUnitsToScan);
  info.kind = KindOf(normalized_title);
  // A page title set aside still names the kind: the column
  // "政府工作报告（2024）" above "平潭综合实验区管委会工作报告".
  if (info.kind == ReportKind::kOther && page_title && title_begin > 0)
    info.kind = KindOf(UnitText(text, units[0]));
  if (info.kind == ReportKind::kOther && block.unit_count == 0) {
    for (std::size_t i = 0; i < std::min<std::size_t>(scan_end, 3); ++i) {
      info.kind = KindOf(UnitText(text, units[i]));
      if (info.kind != ReportKind::kOther) break;
    }
  }

  if (auto span = IssuerInTitle(normalized_title))
    info.issuer = title_map.Source(*span);
  if (!info.issuer) {
    for (std::size_t i = block.unit_count; i < scan_end; ++i) {
      const std::string_view content = UnitText(text, units[i]);
      if (utf8::CountChars(content) > kMaxIssuerLineChars) continue;
      if (auto span = IssuerInSpeakerLine(content)) {
        info.issuer = std::string(text.SourceOf(units[i].begin + span->begin,
                                                units[i].begin + span->end));
        break;
      }
    }
  }

  std::optional<int> year =
      normalized_title.empty() ? std::nullopt : FirstYear(normalized_title);
  if (info.kind == ReportKind::kWorkReport) {
    // A work report is named after the year it is delivered in
    // ("2026年…政府工作 报告", "——2026年1月26日在…") and reviews the year
    // before.
    for (std::size_t i = block.unit_count; !year && i < scan_end; ++i) {
      year = FirstYear(UnitText(text, units[i]));
    }
    if (year) year = *year - 1;
  } else {
    for (std::size_t i = block.unit_count;
         !year && i < std::min(scan_end, block.unit_count + 2); ++i) {
      year = FirstYear(UnitText(text, units[i]));
    }
  }
  info.year = year;
  return block;
}

}  // namespace lawreport::outline_internal
