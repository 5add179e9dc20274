// The bytes a container reading crosses a pipe as. Internal; the public
// side is EncodeContainerRequest / ReadContainer in decode.h.
//
// A worker process reads a PDF and sends back what the reader produced,
// and the parent must end up with exactly the Document it would have built
// itself: every paragraph's text, its page marks (offset, page) and OCR
// marks (offset, confidence), the page-title flag, every table cell with
// its spans, the OCR page count, and for HTML the encoding and BOM.
//
//   Document{Paragraph "一、总体情况" pages=[{0, 1}], Table [["信息内容",
//   "5"]]} → EncodeReading → "LRD1…" → DecodeReading → the same Document
// A reader's refusal travels as well: Error{kEncrypted, "needs a password"}
// comes back as that Error, code and message.
#ifndef LAWREPORT_DECODE_CONTAINER_CODEC_H_
#define LAWREPORT_DECODE_CONTAINER_CODEC_H_

#include <string>
#include <string_view>

#include "decode/document.h"
#include "lawreport/status.h"

namespace lawreport::decode_internal {

// What a container reader returns, whatever the container.
struct ContainerReading {
  Document document;
  std::string encoding;  // HTML: what the bytes were decoded as
  bool bom = false;      // HTML: the page began with a byte-order mark
};

std::string EncodeReading(const Result<ContainerReading>& reading);

// The reading, the reader's own Error, or a kDamaged Error when `encoded`
// is not a whole reading (a worker cut off mid-write).
Result<ContainerReading> DecodeReading(std::string_view encoded);

}  // namespace lawreport::decode_internal

#endif  // LAWREPORT_DECODE_CONTAINER_CODEC_H_
