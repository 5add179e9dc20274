#include "util/terminal.h"

#include <string_view>

#include "util/utf8.h"

namespace lawreport {

void NeutralizeControls(std::string& text) {
  const auto is_control = [](char32_t cp) {
    return (cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F ||
           (cp >= 0x80 && cp <= 0x9F);
  };
  // Most output has none: scan first, rebuild only when needed.
  bool found = false;
  for (std::size_t offset = 0; offset < text.size() && !found;) {
    const utf8::CodePoint cp = utf8::Decode(text, offset);
    found = is_control(cp.value);
    offset += cp.length;
  }
  if (!found) return;
  std::string safe;
  safe.reserve(text.size() + 16);
  for (std::size_t offset = 0; offset < text.size();) {
    const utf8::CodePoint cp = utf8::Decode(text, offset);
    if (is_control(cp.value)) {
      utf8::Append(safe, utf8::kReplacement);
    } else {
      safe.append(std::string_view(text).substr(offset, cp.length));
    }
    offset += cp.length;
  }
  text = std::move(safe);
}

std::string OneSafeLine(std::string_view text) {
  std::string line = utf8::ReplaceInvalid(text);
  for (char& c : line) {
    if (c == '\n' || c == '\t') c = '\x1f';  // a C0 control, replaced below
  }
  NeutralizeControls(line);
  return line;
}

}  // namespace lawreport
