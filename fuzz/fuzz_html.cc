// libFuzzer target: arbitrary bytes through the HTML reader and the whole
// pipeline after it (outline, numbers, indicators with table figures, checks).
// Seeded from tests/fixtures/formats by fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lawreport/report.h"
#include "lawreport/view.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  lawreport::ProcessOptions options;
  options.decode.format = lawreport::InputFormat::kHtml;
  // Small limits, so that a hostile input hits them quickly.
  options.decode.max_unzipped_bytes = 4 << 20;
  options.decode.max_pages = 50;
  auto report = lawreport::ProcessBytes(bytes, "fuzz.html", options);
  if (report) {
    for (const lawreport::Indicator& indicator : report->indicators)
      (void)report->text.PageAt(indicator.value_begin);
    // The page draws the reader's tables as grids of their cell lines.
    (void)lawreport::WriteViewHtml(*report);
  }
  return 0;
}
