// libFuzzer target: arbitrary bytes through the PDF reader and the whole
// pipeline after it (outline, numbers, indicators with table figures, checks).
// Seeded from tests/fixtures/formats by fuzz/run.sh. A page without a usable
// text layer goes through the OCR path (rendering, rule erasing, Tesseract,
// the same layout), at a low resolution and under a small pixel limit so
// that an input runs in a fraction of a second.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lawreport/report.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  lawreport::ProcessOptions options;
  options.decode.format = lawreport::InputFormat::kPdf;
  // Small limits, so that a hostile input hits them quickly.
  options.decode.max_unzipped_bytes = 4 << 20;
  options.decode.max_pages = 50;
  options.decode.ocr_dpi = 50;
  options.decode.max_render_pixels = 1 << 20;
  auto report = lawreport::ProcessBytes(bytes, "fuzz.pdf", options);
  if (report) {
    for (const lawreport::Indicator& indicator : report->indicators)
      (void)report->text.PageAt(indicator.value_begin);
  }
  return 0;
}
