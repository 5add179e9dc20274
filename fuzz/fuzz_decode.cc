// libFuzzer target: arbitrary bytes through decode (every encoding path).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lawreport/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  lawreport::DecodeOptions options;
  auto decoded = lawreport::Decode(bytes, options);
  if (decoded) {
    // Exercise the offset map on what came out.
    const lawreport::Text& text = decoded->text;
    const std::size_t end = text.normalized().size();
    for (std::size_t offset = 0; offset < end; offset += 1 + end / 16) {
      (void)text.PositionOf(offset);
      (void)text.SourceOf(offset, end);
    }
  }
  options.encoding = "GB18030";
  (void)lawreport::Decode(bytes, options);
  return 0;
}
