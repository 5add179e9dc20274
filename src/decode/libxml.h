// What the HTML and DOCX readers need from libxml2 beyond parsing. Internal.
//
//   PrepareLibxml();                        // once per process, quiet per thread
//   xmlDoc* doc = xmlCtxtReadMemory(ctxt, …);
//   if (HitDepthLimit(ctxt)) → "nested deeper than 256 levels"
#ifndef LAWREPORT_DECODE_LIBXML_H_
#define LAWREPORT_DECODE_LIBXML_H_

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <cstring>
#include <mutex>

namespace lawreport::decode_internal {

inline void IgnoreLibxmlMessage(void*, const char*, ...) {}

// Initializes libxml2 once (it must be, before threads use it) and silences
// its messages on stderr for the calling thread: a damaged file is reported
// by lawreport, in one line.
inline void PrepareLibxml() {
  static std::once_flag initialized;
  std::call_once(initialized, [] { xmlInitParser(); });
  xmlSetGenericErrorFunc(nullptr, IgnoreLibxmlMessage);
}

// libxml2 stops reading at its nesting limit and keeps what it has; a
// silently shortened report would be worse than none, so callers refuse it.
inline bool HitDepthLimit(xmlParserCtxtPtr context) {
  const xmlError* last = xmlCtxtGetLastError(context);
  return last != nullptr && last->message != nullptr &&
         std::strstr(last->message, "Excessive depth") != nullptr;
}

}  // namespace lawreport::decode_internal

#endif  // LAWREPORT_DECODE_LIBXML_H_
