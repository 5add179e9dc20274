// ICU behind one internal header: strict conversion to UTF-8 and charset
// detection. Nothing outside src/decode sees an ICU type.
//
//   ConvertToUtf8("\xC8\xDA", "GB18030") → "融"
//   ConvertToUtf8("\x81", "GB18030")     → ConversionFailure{offset=0}
#ifndef LAWREPORT_DECODE_ENCODING_H_
#define LAWREPORT_DECODE_ENCODING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace lawreport::decode_internal {

struct ConversionFailure {
  std::size_t offset = 0;  // first byte that is not text in the encoding
  bool unknown_encoding = false;
};

// Converts with ICU's converter `encoding`, stopping at the first illegal,
// unmapped or truncated sequence instead of substituting U+FFFD.
std::variant<std::string, ConversionFailure> ConvertToUtf8(
    std::string_view bytes, const std::string& encoding);

bool IsKnownEncoding(const std::string& encoding);

// ICU's charset detector: its best guess and confidence (0–100).
struct Detection {
  std::string name;
  int confidence = 0;
};
std::optional<Detection> DetectCharset(std::string_view bytes);

}  // namespace lawreport::decode_internal

#endif  // LAWREPORT_DECODE_ENCODING_H_
