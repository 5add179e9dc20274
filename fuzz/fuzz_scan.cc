// libFuzzer target: arbitrary gray images through the scanned-table finder
// of the OCR module (src/decode/scanned_tables.h): despeckling, rule
// finding and whitening, cell flood fill, ink rows. Tesseract itself is
// reached through fuzz_pdf's OCR path; this target gives the pixel code,
// which walks every pixel of every image it is handed.
// Input: width and height (one byte each, times 2), dpi (one byte, at
// least 8), then the pixels row by row, repeated to fill the image.
#include <cstddef>
#include <cstdint>

#include "decode/scanned_tables.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace lawreport::decode_internal;
  if (size < 4) return 0;
  GrayImage image;
  image.width = data[0] * 2;
  image.height = data[1] * 2;
  const int dpi = 8 + data[2];
  const std::size_t pixels = static_cast<std::size_t>(image.width) *
                             static_cast<std::size_t>(image.height);
  image.pixels.resize(pixels);
  for (std::size_t i = 0; i < pixels; ++i)
    image.pixels[i] = data[3 + i % (size - 3)];
  Despeckle(image);
  const std::vector<CellBox> cells = FindRuledCells(image, dpi);
  for (const CellBox& cell : cells) {
    if (cell.left < 0 || cell.top < 0 || cell.right > image.width ||
        cell.bottom > image.height || cell.width() <= 0 || cell.height() <= 0)
      __builtin_trap();  // a cell outside its image
    (void)InkRows(image, cell);
  }
  return 0;
}
