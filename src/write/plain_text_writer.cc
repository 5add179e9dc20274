// `lawreport text`: the text lawreport reads, as every offset and line
// number of the other outputs counts it (lawreport/write.h).
//
//   WritePlainText(text, {.line_numbers = true})
//     → "1\t融安县2023年法治政府建设年度报告\n2\t…"
#include <string>

#include "lawreport/write.h"

namespace lawreport {

std::string WritePlainText(const Text& text, const PlainTextOptions& options) {
  std::string out;
  out.reserve(text.source().size() + 16 * text.lines().size());
  for (int number = 1; number <= text.line_count(); ++number) {
    const Line& line = text.lines()[static_cast<std::size_t>(number - 1)];
    if (options.pages) {
      out += std::to_string(text.PageAt(line.begin));
      out += '\t';
    }
    if (options.line_numbers) {
      out += std::to_string(number);
      out += '\t';
    }
    out.append(text.source(), line.source_begin,
               line.source_end - line.source_begin);
    out += '\n';
  }
  return out;
}

}  // namespace lawreport
