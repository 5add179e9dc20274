// What the HTML and DOCX readers need from libxml2 beyond parsing. Internal.
//
//   PrepareLibxml();                        // once per process, quiet per thread
//   LimitDepth(ctxt);                       // before parsing with kWholeText
//   xmlDoc* doc = xmlCtxtReadMemory(ctxt, …, options | kWholeText);
//   if (HitDepthLimit(ctxt)) → "nested deeper than 256 levels"
//
// A paragraph of 3,700,000 characters such as "法法法…" (11 MB) is one
// text node: it is read whole and judged against --max-line-bytes.
#ifndef LAWREPORT_DECODE_LIBXML_H_
#define LAWREPORT_DECODE_LIBXML_H_

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <cstring>
#include <mutex>

#include "lawreport/decode.h"

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

// Parse option for both readers. Without it libxml2 (2.9) keeps at most
// 10,000,000 bytes (XML_MAX_TEXT_LENGTH) of one text node and then stops:
// an HTML page lost the rest of a long paragraph and every section after
// it, with no error, and a DOCX part with a 12 MB paragraph failed as "not
// well-formed". With it a text is read whole, and a paragraph longer than
// --max-line-bytes is refused by name like a long line of a text file.
// The other limits it lifts (names, lookahead) only bound memory, which
// --max-bytes and --max-unzipped-bytes already bound; the one that matters,
// nesting, it lifts too, so LimitDepth must be called on every context
// parsed with it.
inline constexpr int kWholeText = XML_PARSE_HUGE;

namespace libxml_depth {

// Put in a context's _private when its document nests too deep (a SAX
// callback has no other place of its own to say so).
inline char exceeded = 0;

// libxml2's own rule, which XML_PARSE_HUGE switches off: an element is
// refused when kMaxMarkupDepth elements are already open, and parsing
// stops there.
inline bool Refuse(void* data) {
  auto* context = static_cast<xmlParserCtxtPtr>(data);
  if (context->nodeNr <= kMaxMarkupDepth) return false;
  context->_private = &exceeded;
  xmlStopParser(context);
  return true;
}

// The HTML parser calls the SAX1 handler, the XML parser the SAX2 one;
// xmlSAX2StartElement(Ns) are what both install by default.
inline void StartElement(void* data, const xmlChar* name,
                         const xmlChar** attributes) {
  if (!Refuse(data)) xmlSAX2StartElement(data, name, attributes);
}

inline void StartElementNs(void* data, const xmlChar* name,
                           const xmlChar* prefix, const xmlChar* uri,
                           int namespace_count, const xmlChar** namespaces,
                           int attribute_count, int defaulted,
                           const xmlChar** attributes) {
  if (!Refuse(data)) {
    xmlSAX2StartElementNs(data, name, prefix, uri, namespace_count, namespaces,
                          attribute_count, defaulted, attributes);
  }
}

}  // namespace libxml_depth

// Keeps the nesting limit of kMaxMarkupDepth levels that kWholeText lifts:
// a deeper element stops the parser, and HitDepthLimit says so.
inline void LimitDepth(xmlParserCtxtPtr context) {
  context->sax->startElement = libxml_depth::StartElement;
  context->sax->startElementNs = libxml_depth::StartElementNs;
}

// libxml2 stops reading at its nesting limit and keeps what it has; a
// silently shortened report would be worse than none, so callers refuse it.
inline bool HitDepthLimit(xmlParserCtxtPtr context) {
  if (context->_private == &libxml_depth::exceeded) return true;
  const xmlError* last = xmlCtxtGetLastError(context);
  return last != nullptr && last->message != nullptr &&
         std::strstr(last->message, "Excessive depth") != nullptr;
}

}  // namespace lawreport::decode_internal

#endif  // LAWREPORT_DECODE_LIBXML_H_
