// Pieces of the self-contained HTML pages (`lawreport view`, `table
// --format html`). Internal to the writers.
//
//   AppendHtmlText(out, "<script>&\x01") → "&lt;script&gt;&amp;\uFFFD"
//   AppendJsonForScript(out, R"({"t":"</script>"})") →
//     {"t":"\u003c/script\u003e"}
//   CspHash("body{}") → "'sha256-…'" (base64 of the digest)
// A report's text is hostile: it reaches the page only through these.
#ifndef LAWREPORT_WRITE_HTML_PAGE_H_
#define LAWREPORT_WRITE_HTML_PAGE_H_

#include <string>
#include <string_view>

namespace lawreport::write_internal {

// Text or an attribute value: & < > " ' escaped, and every control
// character but tab and line feed (C0, DEL, C1) shown as U+FFFD, which HTML
// does not allow raw.
void AppendHtmlText(std::string& out, std::string_view text);

// A JSON document for a <script type="application/json"> block: "<", ">"
// and "&" (which only occur inside its strings) and U+2028/U+2029 written as
// \u escapes, so that no "</script" or "<!--" can end or bend the block.
void AppendJsonForScript(std::string& out, std::string_view json);

// "'sha256-BASE64'": the Content-Security-Policy source that admits an
// inline <style> or <script> whose content is exactly `content`.
std::string CspHash(std::string_view content);

// The start of a page: doctype, charset, viewport, title, the policy that
// forbids loading anything (only the given style and script run), and the
// style. `script` may be empty.
std::string PageHead(std::string_view title, std::string_view style,
                     std::string_view script);

}  // namespace lawreport::write_internal

#endif  // LAWREPORT_WRITE_HTML_PAGE_H_
