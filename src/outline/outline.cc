// The section tree (see outline.h for the rules and their reasons).
#include "lawreport/outline.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "outline/document_info.h"
#include "outline/markers.h"
#include "outline/outline_rules.h"
#include "outline/units.h"
#include "util/utf8.h"

namespace lawreport {

const char* ReportKindName(ReportKind kind) {
  for (const outline_internal::KindName& known :
       outline_internal::KindNames()) {
    if (known.kind == kind) return known.name.c_str();
  }
  return "other";
}

namespace {

using outline_internal::Unit;
using outline_internal::UnitText;

constexpr int kMaxLevel = 4;
// An unnumbered chapter line: "“十四五”时期工作回顾", "2026年重点工作".
constexpr std::size_t kMinUnnumberedChars = 4;
constexpr std::size_t kMaxUnnumberedChars = 24;
constexpr std::size_t kMinFollowingBodyChars = 40;
// A broken paragraph is joined only when one side is this short: two long
// paragraphs one of which lacks its full stop are still two paragraphs.
constexpr std::size_t kMaxFragmentChars = 30;

bool EndsParagraph(std::string_view text) {
  for (const std::string_view end : {"。", "！", "？", "；", "：", "”", "…",
                                     "」", "』", "!", "?", ";", ":", ")"}) {
    if (utf8::EndsWith(text, end)) return true;
  }
  return false;
}

bool HasClausePunctuation(std::string_view text) {
  for (const std::string_view mark :
       {"。", "，", ",", "；", ";", "：", ":", "！", "!", "？", "?", "、"}) {
    if (text.find(mark) != std::string_view::npos) return true;
  }
  return false;
}

bool HasDigit(std::string_view text) {
  return text.find_first_of("0123456789") != std::string_view::npos;
}

struct Node {
  Section section;
  int parent = -1;
  std::vector<int> children;
};

class OutlineBuilder {
 public:
  OutlineBuilder(const Text& text, const std::vector<Unit>& units)
      : text_(text), units_(units) {}

  Outline Build() {
    outline_internal::TitleBlock title =
        outline_internal::ReadDocumentInfo(text_, units_);
    outline_.document = std::move(title.info);
    for (std::size_t i = title.unit_count; i < units_.size(); ++i) {
      units_left_ = units_.size() - i;
      Take(i);
    }
    AssembleTree();
    return std::move(outline_);
  }

 private:
  std::string_view Content(std::size_t index) const {
    return UnitText(text_, units_[index]);
  }
  std::size_t Chars(std::size_t index) const {
    return utf8::CountChars(Content(index));
  }

  void Take(std::size_t index) {
    const Unit& unit = units_[index];
    const std::string_view content = Content(index);
    if (in_appendix_) {
      if (outline_internal::IsAppendixHeading(content) && unit.whole_line &&
          !unit.table_cell && !outline_.appendix.back().paragraphs.empty()) {
        OpenAppendixPart(unit);
      } else {
        AddParagraph(AppendixContainer(), unit, unit.begin);
        outline_.appendix.back().end_line = unit.line;
      }
      return;
    }
    if (unit.whole_line && !unit.table_cell && seen_body_ &&
        outline_internal::IsAppendixHeading(content)) {
      in_appendix_ = true;
      open_.clear();
      OpenAppendixPart(unit);
      return;
    }
    // A table cell such as "（一）予以公开" is a row header, not a heading.
    if (!unit.table_cell &&
        (TryNumbered(index) || TryRunIn(index) || TryUnnumbered(index)))
      return;
    AddBody(unit, unit.begin);
  }

  // --- headings -----------------------------------------------------------

  bool TryNumbered(std::size_t index) {
    const std::optional<outline_internal::Marker> marker =
        outline_internal::MatchMarker(Content(index));
    if (!marker) return false;
    const int level = marker->level;
    const int previous = last_in_parent_[level];
    const int n = marker->ordinal;
    // The number must continue its sequence: the next sibling (one number may
    // be skipped by a typo), a first child, or items numbered on across
    // parents.
    const bool accepted =
        previous == 0
            ? (n == 1 || (last_any_[level] > 0 && n == last_any_[level] + 1))
            : (n > previous && n <= previous + 2);
    if (!accepted) return false;

    last_in_parent_[level] = n;
    last_any_[level] = n;
    for (int deeper = level + 1; deeper <= kMaxLevel; ++deeper)
      last_in_parent_[deeper] = 0;
    last_run_in_ = 0;
    if (level == 1) ++numbered_chapters_;
    OpenHeading(index, level, HeadingStyle::kNumbered, marker->written_length,
                marker->length, n);
    return true;
  }

  bool TryRunIn(std::size_t index) {
    const Unit& unit = units_[index];
    const std::optional<outline_internal::RunIn> run_in =
        outline_internal::MatchRunIn(Content(index));
    if (!run_in || !unit.whole_line || Chars(index) > run_in->max_chars)
      return false;
    if (Content(index).size() == run_in->length)
      return false;  // "一是" alone titles nothing
    // One sentence at most: "一是推动经济运行稳中向好。" but not
    // "一是…。二是…。".
    const std::string_view content = Content(index);
    const std::size_t stop = content.find("。");
    if (stop != std::string_view::npos &&
        stop + std::string_view("。").size() != content.size()) {
      return false;
    }
    // It heads the paragraphs after it, so the next unit must be body.
    if (index + 1 >= units_.size()) return false;
    const std::string_view next = Content(index + 1);
    if (outline_internal::MatchRunIn(next) ||
        outline_internal::MatchMarker(next))
      return false;

    const int n = run_in->ordinal;
    if (!(n == 1 || n == last_run_in_ + 1)) return false;
    last_run_in_ = n;

    int parent_level = 0;
    for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
      const Section& section = nodes_[static_cast<std::size_t>(*it)].section;
      if (section.style != HeadingStyle::kRunIn) {
        parent_level = section.level;
        break;
      }
    }
    const int level = std::min(parent_level + 1, kMaxLevel);
    OpenHeading(index, level, HeadingStyle::kRunIn, run_in->length,
                run_in->length, n);
    return true;
  }

  bool TryUnnumbered(std::size_t index) {
    if (numbered_chapters_ > 0 || !seen_body_ || index == 0 ||
        index + 1 >= units_.size()) {
      return false;
    }
    const Unit& unit = units_[index];
    const std::string_view content = Content(index);
    const std::size_t chars = Chars(index);
    if (!unit.whole_line || chars < kMinUnnumberedChars ||
        chars > kMaxUnnumberedChars || HasClausePunctuation(content) ||
        EndsParagraph(content)) {
      return false;
    }
    // "2026年1月27日" and sign-off lines are short and unpunctuated too.
    if (outline_internal::EmbeddedOutlineRules().NamesMonth(content) &&
        HasDigit(content))
      return false;
    if (!units_[index - 1].whole_line || !EndsParagraph(Content(index - 1)))
      return false;
    const std::string_view next = Content(index + 1);
    const bool next_is_body = utf8::CountChars(next) >= kMinFollowingBodyChars;
    const auto next_marker = outline_internal::MatchMarker(next);
    if (!next_is_body && !(next_marker && next_marker->ordinal == 1))
      return false;

    last_run_in_ = 0;
    for (int deeper = 2; deeper <= kMaxLevel; ++deeper)
      last_in_parent_[deeper] = 0;
    OpenHeading(index, 1, HeadingStyle::kUnnumbered, 0, 0, std::nullopt);
    return true;
  }

  void OpenHeading(std::size_t index, int level, HeadingStyle style,
                   std::size_t written_length, std::size_t marker_length,
                   std::optional<int> ordinal) {
    const Unit& unit = units_[index];
    // Close every open section at this level or deeper; run-in headings also
    // close when a numbered sibling of their parent arrives.
    while (!open_.empty()) {
      const Section& top =
          nodes_[static_cast<std::size_t>(open_.back())].section;
      if (top.level < level) break;
      open_.pop_back();
    }

    Node node;
    node.parent = open_.empty() ? -1 : open_.back();
    Section& section = node.section;
    section.level = level;
    section.style = style;
    section.ordinal = ordinal;
    section.line = unit.line;
    section.end_line = unit.line;
    section.begin = unit.begin;
    section.marker_end = unit.begin + written_length;
    section.marker =
        std::string(text_.SourceOf(unit.begin, unit.begin + written_length));

    // The title runs to the first "。" (kept) or the end of the unit; the rest
    // is body.
    const std::size_t title_begin = unit.begin + marker_length;
    const std::string_view rest =
        std::string_view(text_.normalized())
            .substr(title_begin, unit.end - title_begin);
    std::size_t title_length = rest.size();
    if (const std::size_t stop = rest.find("。");
        stop != std::string_view::npos) {
      title_length = stop + std::string_view("。").size();
    }
    section.title = std::string(utf8::TrimSpaces(
        text_.SourceOf(title_begin, title_begin + title_length)));

    const int id = static_cast<int>(nodes_.size());
    nodes_.push_back(std::move(node));
    if (nodes_[static_cast<std::size_t>(id)].parent >= 0) {
      nodes_[static_cast<std::size_t>(
                 nodes_[static_cast<std::size_t>(id)].parent)]
          .children.push_back(id);
    } else {
      roots_.push_back(id);
    }
    open_.push_back(id);
    Touch(unit.line);

    std::size_t body_begin = title_begin + title_length;
    while (body_begin < unit.end && text_.normalized()[body_begin] == ' ')
      ++body_begin;
    if (body_begin < unit.end) {
      AddParagraph(id, unit, body_begin);
    }
  }

  // --- body -----------------------------------------------------------------

  void AddBody(const Unit& unit, std::size_t begin) {
    seen_body_ = true;
    if (open_.empty()) {
      AddParagraph(kPreamble, unit, begin);
      return;
    }
    AddParagraph(open_.back(), unit, begin);
    Touch(unit.line);
  }

  // Paragraph containers are named, not pointed at: nodes_ may reallocate.
  static constexpr int kPreamble = -1;
  int AppendixContainer() const {
    return -2 - static_cast<int>(outline_.appendix.size() - 1);
  }
  std::vector<Paragraph>& Paragraphs(int container) {
    if (container == kPreamble) return outline_.preamble;
    if (container < kPreamble)
      return outline_.appendix[static_cast<std::size_t>(-2 - container)]
          .paragraphs;
    return nodes_[static_cast<std::size_t>(container)].section.paragraphs;
  }

  void AddParagraph(int container, const Unit& unit, std::size_t begin) {
    std::vector<Paragraph>& paragraphs = Paragraphs(container);
    const std::string_view normalized =
        std::string_view(text_.normalized()).substr(begin, unit.end - begin);
    const std::string_view source =
        utf8::TrimSpaces(text_.SourceOf(begin, unit.end));
    if (!paragraphs.empty()) {
      Paragraph& last = paragraphs.back();
      const std::string_view last_tail =
          std::string_view(text_.normalized())
              .substr(last_piece_begin_, last_piece_end_ - last_piece_begin_);
      // The cheap conditions first: most paragraphs fail one of them and
      // need no counting or marker matching.
      // Front matter before the first heading is line by line: "——2026年1月25日
      // 在…会议上", "北京市市长 殷勇", "各位代表：" are three paragraphs.
      const bool may_continue =
          container != kPreamble && last.end_line < unit.line &&
          last_container_ == container && !unit.table_cell &&
          !last_was_table_cell_ && !EndsParagraph(last_tail);
      // A new list item or enumerated point starts its own paragraph.
      if (may_continue &&
          (outline_internal::HasAtMostChars(last_tail, kMaxFragmentChars) ||
           outline_internal::HasAtMostChars(normalized, kMaxFragmentChars)) &&
          !outline_internal::MatchMarker(normalized) &&
          !outline_internal::MatchRunIn(normalized)) {
        last.text += source;
        last.end_line = unit.line;
        last_piece_begin_ = begin;
        last_piece_end_ = unit.end;
        return;
      }
    }
    if (paragraphs.size() == paragraphs.capacity()) {
      // A text without headings is a preamble of a paragraph a line. Grown
      // by doubling, a million of them would briefly be held in the old
      // and the new array at once, three times their size; no container
      // takes more paragraphs than units are left, so it grows no further.
      paragraphs.reserve(std::max<std::size_t>(
          1, std::min(2 * paragraphs.size(), paragraphs.size() + units_left_)));
    }
    Paragraph paragraph;
    paragraph.line = unit.line;
    paragraph.end_line = unit.line;
    paragraph.begin = begin;
    paragraph.end = unit.end;
    paragraph.text = std::string(source);
    paragraphs.push_back(std::move(paragraph));
    last_was_table_cell_ = unit.table_cell;
    last_container_ = container;
    last_piece_begin_ = begin;
    last_piece_end_ = unit.end;
  }

  void OpenAppendixPart(const Unit& unit) {
    AppendixPart part;
    part.title =
        std::string(utf8::TrimSpaces(text_.SourceOf(unit.begin, unit.end)));
    part.line = unit.line;
    part.end_line = unit.line;
    part.begin = unit.begin;
    outline_.appendix.push_back(std::move(part));
    last_container_ = kNoContainer;
  }

  // Content at `line` extends every open section.
  void Touch(int line) {
    for (const int id : open_) {
      Section& section = nodes_[static_cast<std::size_t>(id)].section;
      section.end_line = std::max(section.end_line, line);
    }
  }

  Section Assemble(int id, const std::string& path) {
    Node& node = nodes_[static_cast<std::size_t>(id)];
    Section section = std::move(node.section);
    section.id = path;
    int position = 0;
    for (const int child : node.children) {
      section.children.push_back(
          Assemble(child, path + "." + std::to_string(++position)));
    }
    return section;
  }

  void AssembleTree() {
    int position = 0;
    for (const int root : roots_) {
      outline_.sections.push_back(Assemble(root, std::to_string(++position)));
    }
  }

  const Text& text_;
  const std::vector<Unit>& units_;
  std::size_t units_left_ = 0;  // units from the one being taken on
  Outline outline_;
  std::vector<Node> nodes_;
  std::vector<int> roots_;
  std::vector<int> open_;  // the path of open sections, outermost first
  std::array<int, kMaxLevel + 1> last_in_parent_{};
  std::array<int, kMaxLevel + 1> last_any_{};
  int last_run_in_ = 0;
  int numbered_chapters_ = 0;
  bool seen_body_ = false;
  bool in_appendix_ = false;
  // Where the last paragraph was added, to join a paragraph broken over lines.
  static constexpr int kNoContainer = -1000000;
  int last_container_ = kNoContainer;
  bool last_was_table_cell_ = false;
  std::size_t last_piece_begin_ = 0;
  std::size_t last_piece_end_ = 0;
};

}  // namespace

Outline BuildOutline(const Text& text) {
  const std::vector<Unit> units = outline_internal::SplitUnits(text);
  return OutlineBuilder(text, units).Build();
}

}  // namespace lawreport
