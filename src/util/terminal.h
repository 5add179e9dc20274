// Text for people's terminals. Internal.
//
// A report is hostile input: an ESC in a title would reach the terminal of
// whoever reads `lawreport outline` and could move the cursor, retitle the
// window or worse. Writers for people pass their output through this.
//
//   "融安县\x1b]0;pwned\x07报告" → "融安县\uFFFD]0;pwned\uFFFD报告"
#ifndef LAWREPORT_UTIL_TERMINAL_H_
#define LAWREPORT_UTIL_TERMINAL_H_

#include <string>
#include <string_view>

namespace lawreport {

// Replaces every control character but "\n" and "\t" (C0, DEL and the C1
// range U+0080–U+009F) with U+FFFD.
void NeutralizeControls(std::string& text);

// One line for a terminal or a log, as lawreport/write.h documents it (the
// writers and the CLI's diagnostics use it; declared here too so that util
// needs no header of a later stage).
std::string OneSafeLine(std::string_view text);

}  // namespace lawreport

#endif  // LAWREPORT_UTIL_TERMINAL_H_
