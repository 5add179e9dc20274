// outline: Text → Outline (document metadata and the section tree).
//
// Recognizes the heading markers of Chinese government reports, from the top
// down (the marker styles live in data/lexicon/outline_markers.tsv):
//   level 1  一、  第一部分  第一章   title: the rest of the line
//   level 2  （一） (一)              title: to the first "。" or end of line
//   level 3  1．  1.  1、  １．       as level 2
//   level 4  （1） (1)  ①             as level 2
// plus two forms without a numeral marker: a short line of its own opening
// with a run-in enumerator ("一是推动经济运行稳中向好。"), which sits one level
// below its parent, and a short unpunctuated chapter line such as
// "“十四五”时期工作回顾" in reports that number no chapters.
//
// A candidate is accepted only when its number continues the sequence at its
// level (2 after 1, or 1 under a new parent, or the run-on number when items
// are numbered across parents), so list numbers inside sentences and stray
// "1." lines do not open sections. Text after the title on a heading line is
// body. Unmarked paragraphs belong to the section before them; a paragraph
// broken mid-sentence over several lines is joined. Appendices (附件, 名词解释,
// 注释) after the body form `appendix` parts, not chapters.
//
//   "一、总体工作情况\n（一）加强党的领导\n1．加强理论学习。扎实开展……"
//   → Section{id="1", level=1, marker="一、", title="总体工作情况",
//       children=[Section{id="1.1", level=2, marker="（一）",
//                         title="加强党的领导",
//         children=[Section{id="1.1.1", level=3, marker="1．",
//                           title="加强理论学习。",
//                           paragraphs=["扎实开展……"]}]}]}
#ifndef LAWREPORT_OUTLINE_H_
#define LAWREPORT_OUTLINE_H_

#include <optional>
#include <string>
#include <vector>

#include "lawreport/text.h"

namespace lawreport {

// A body paragraph; its text is source text, joined over `line`..`end_line`
// when a paragraph was broken across lines.
struct Paragraph {
  int line = 0;
  int end_line = 0;
  std::size_t begin = 0;  // normalized offsets of the first piece
  std::size_t end = 0;
  std::string text;
};

enum class HeadingStyle {
  kNumbered,  // a marker from outline_markers.tsv: 一、 （一） 1． （1） ①
  kRunIn,       // a short line of its own opening with 一是 / 二是 …
  kUnnumbered,  // a short chapter line with no numeral
};

struct Section {
  std::string id;  // position path: "1", "1.2", "1.2.3"
  int level = 0;   // 1–4, as the marker says
  HeadingStyle style = HeadingStyle::kNumbered;
  std::string marker;  // as written: "（一）", "1．"; empty when unnumbered
  std::optional<int> ordinal;  // the marker's number: （十二） → 12
  std::string title;           // source text, marker excluded
  int line = 0;                // 1-based source line of the heading
  int end_line = 0;  // last line with content of this section or its children
  std::size_t begin = 0;       // normalized offset of the marker
  std::size_t marker_end = 0;  // normalized offset just past the marker
  std::vector<Paragraph> paragraphs;
  std::vector<Section> children;
};

// A part after the body: 附件1, 名词解释, 注释 and the items under it.
struct AppendixPart {
  std::string title;
  std::size_t begin = 0;  // normalized offset of its heading line
  int line = 0;
  int end_line = 0;
  std::vector<Paragraph> paragraphs;
};

enum class ReportKind {
  kRuleOfLaw,  // 法治政府建设年度报告 (also 法治建设工作报告)
  kWorkReport,      // 政府工作报告
  kOpenGovernment,  // 政府信息公开工作年度报告
  kWorkSummary,  // 工作总结 (also 工作情况报告, 法治工作情况): a body's
                 // review of its year, often with next year's plan after it
  kWorkPlan,  // 工作计划 (also 工作要点, 工作思路): the plan alone
  kOther,
};

// The Chinese name written out for a kind: "法治政府建设年度报告" …, "other".
const char* ReportKindName(ReportKind kind);

struct DocumentInfo {
  std::optional<std::string> title;  // joined when split over two lines
  int title_line = 0;                // 0 when the report has no title line
  int title_end_line = 0;
  std::optional<std::string> issuer;  // the body: 融安县, 司法部, 静海区
  std::optional<int> year;            // the year the report covers
  ReportKind kind = ReportKind::kOther;
};

struct Outline {
  DocumentInfo document;
  std::vector<Paragraph> preamble;  // body before the first heading
  std::vector<Section> sections;
  std::vector<AppendixPart> appendix;
};

Outline BuildOutline(const Text& text);

// Depth-first visit of every section, parents before children.
template <typename Visitor>
void ForEachSection(const std::vector<Section>& sections, Visitor&& visit) {
  for (const Section& section : sections) {
    visit(section);
    ForEachSection(section.children, visit);
  }
}

}  // namespace lawreport

#endif  // LAWREPORT_OUTLINE_H_
