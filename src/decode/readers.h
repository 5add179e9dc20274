// The container readers: HTML, DOCX and PDF bytes → Document. Internal;
// decode.cc picks one by the first bytes or --format-in.
//
//   ReadHtml("<meta charset=gb2312>…<div id=zoom><p>一、总体工作情况</p>…")
//     → Document{"一、总体工作情况", …}, encoding "GB18030"
//   ReadDocx(a .docx whose heading is numbered by Word as "（一）")
//     → Document{"（一）加强党的领导", …}
//   ReadPdf(a PDF whose page 2 ends "…推进- 2 -")
//     → Document{…, "…推进" page 2} (the page number is dropped)
#ifndef LAWREPORT_DECODE_READERS_H_
#define LAWREPORT_DECODE_READERS_H_

#include <string>
#include <string_view>

#include "decode/document.h"
#include "lawreport/decode.h"
#include "lawreport/status.h"

namespace lawreport::decode_internal {

struct HtmlDocument {
  Document document;
  std::string encoding;  // what the bytes were decoded as
  bool bom = false;
};

// Encoding: a BOM, else <meta charset> / http-equiv in the first 4 KiB,
// else UTF-8 when the bytes are valid UTF-8, else GB18030 (or
// options.encoding when given). See html_reader.cc for how the main content
// is found.
Result<HtmlDocument> ReadHtml(std::string_view bytes,
                              const DecodeOptions& options);

Result<Document> ReadDocx(std::string_view bytes, const DecodeOptions& options);

Result<Document> ReadPdf(std::string_view bytes, const DecodeOptions& options);

// The converter name ICU should use for a charset label from a web page:
// "gb2312", "GBK", "x-gbk" → "GB18030" (browsers read them all as GBK, which
// GB18030 contains); "utf8" → "UTF-8"; anything else as given.
std::string WebCharsetToConverter(std::string_view label);

}  // namespace lawreport::decode_internal

#endif  // LAWREPORT_DECODE_READERS_H_
