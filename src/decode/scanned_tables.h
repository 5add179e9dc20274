// The ruled tables of a scanned page, found in its pixels before OCR, so
// that each cell is read on its own and a table's rules are never read as
// text (ocr_reader.cc). Internal to the OCR module; plain C++ over a gray
// image, so that it can be fuzzed without Tesseract (fuzz/fuzz_scan.cc).
//
//   a 300 dpi scan of the open-government report's table
//     ┌──────────────┬──────┬────┐
//     │ 信息内容     │本年制发件数│ …  │
//     ├──────────────┼──────┼────┤
//     │ 行政规范性文件 │  11  │ …  │
//   → its rules whitened, and one CellBox per cell: 信息内容's box, 11's box …
//
// Rules are long straight runs of dark pixels: a third of an inch across,
// a quarter of an inch down, longer than any stroke of a character a report
// sets (a heading's "一" included). A cell is a region the rules enclose on
// every side, large enough to hold a character; a frame around much of the
// page (a border, a box around a table) is not a cell.
#ifndef LAWREPORT_DECODE_SCANNED_TABLES_H_
#define LAWREPORT_DECODE_SCANNED_TABLES_H_

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace lawreport::decode_internal {

// 8-bit gray, 0 black, 255 white, rows `width` bytes apart.
struct GrayImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;
  std::uint8_t& at(int x, int y) {
    return pixels[static_cast<std::size_t>(y) *
                      static_cast<std::size_t>(width) +
                  static_cast<std::size_t>(x)];
  }
  std::uint8_t at(int x, int y) const {
    return pixels[static_cast<std::size_t>(y) *
                      static_cast<std::size_t>(width) +
                  static_cast<std::size_t>(x)];
  }
};

// A cell's inside, in pixels, half-open: [left, right) × [top, bottom).
struct CellBox {
  int left = 0;
  int top = 0;
  int right = 0;
  int bottom = 0;
  int width() const { return right - left; }
  int height() const { return bottom - top; }
};

// Toner specks and dust: a dark pixel with no dark neighbour becomes white,
// a light pixel with no light neighbour dark. A stroke of a character is
// never one pixel alone, so text keeps its shape.
void Despeckle(GrayImage& image);

// Whitens the rules of `image` (rendered at `dpi`) and returns the cells they
// enclose, top to bottom, then left to right.
std::vector<CellBox> FindRuledCells(GrayImage& image, int dpi);

// The first and last pixel rows of the cell that hold ink; none for a
// blank cell, which needs no OCR.
std::optional<std::pair<int, int>> InkRows(const GrayImage& image,
                                           const CellBox& cell);

}  // namespace lawreport::decode_internal

#endif  // LAWREPORT_DECODE_SCANNED_TABLES_H_
