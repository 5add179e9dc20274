// The indented tree `lawreport outline` prints for people:
//
//   融安县2023年法治政府建设年度报告
//   issuer 融安县 · year 2023 · 法治政府建设年度报告 · UTF-8, 110 lines
//
//   一、总体工作情况                                  3–79
//     （一）加强党的领导，完善法治政府建设推进机制        5–10
//       1．加强理论学习，强化法治理论素养。            6
#include <string>

#include "lawreport/write.h"
#include "util/terminal.h"
#include "util/utf8.h"

namespace lawreport {
namespace {

std::string LineRange(int line, int end_line) {
  if (end_line <= line) return std::to_string(line);
  return std::to_string(line) + "–" + std::to_string(end_line);
}

void WriteSection(const Section& section, int depth, std::string& out) {
  std::string heading(static_cast<std::size_t>(depth) * 2, ' ');
  heading += section.marker;
  // Long titles are cut for the screen; --format json has them whole.
  constexpr std::size_t kMaxTitleChars = 30;
  std::size_t chars = 0, cut = 0;
  while (cut < section.title.size() && chars < kMaxTitleChars) {
    cut += utf8::Decode(section.title, cut).length;
    ++chars;
  }
  heading += section.title.substr(0, cut);
  if (cut < section.title.size()) heading += "…";
  // Pad by display width: CJK characters take two columns.
  std::size_t width = 0;
  for (std::size_t offset = 0; offset < heading.size();) {
    const utf8::CodePoint cp = utf8::Decode(heading, offset);
    width += cp.value >= 0x1100 ? 2 : 1;
    offset += cp.length;
  }
  constexpr std::size_t kColumn = 72;
  heading.append(width < kColumn ? kColumn - width : 2, ' ');
  out += heading + LineRange(section.line, section.end_line) + "\n";
  for (const Section& child : section.children)
    WriteSection(child, depth + 1, out);
}

}  // namespace

std::string WriteOutlineTree(const SourceInfo& source, const Text& text,
                             const Outline& outline) {
  const DocumentInfo& document = outline.document;
  std::string out;
  out += document.title ? *document.title : "(no title line)";
  out += "\n";
  out += "issuer " + (document.issuer ? *document.issuer : std::string("?"));
  out += " · year " +
         (document.year ? std::to_string(*document.year) : std::string("?"));
  out += " · ";
  out += ReportKindName(document.kind);
  out += " · " + source.encoding + ", " + std::to_string(text.line_count()) +
         " lines\n\n";
  for (const Section& section : outline.sections) WriteSection(section, 0, out);
  for (const AppendixPart& part : outline.appendix) {
    out += "[appendix] " + part.title + "  " +
           LineRange(part.line, part.end_line) + "\n";
  }
  NeutralizeControls(out);
  return out;
}

}  // namespace lawreport
