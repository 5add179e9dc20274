// The scanned-table finder of the OCR module (src/decode/scanned_tables.h)
// on drawn pages: rules at known places, cells expected from them.
#include "decode/scanned_tables.h"

#include <gtest/gtest.h>

#include <vector>

namespace lawreport::decode_internal {
namespace {

GrayImage Blank(int width, int height) {
  GrayImage image;
  image.width = width;
  image.height = height;
  image.pixels.assign(static_cast<std::size_t>(width) * height, 255);
  return image;
}

void Across(GrayImage& image, int y, int from, int to, int thickness = 2,
            std::uint8_t ink = 0) {
  for (int t = 0; t < thickness; ++t)
    for (int x = from; x < to; ++x) image.at(x, y + t) = ink;
}

void Down(GrayImage& image, int x, int from, int to, int thickness = 2,
          std::uint8_t ink = 0) {
  for (int t = 0; t < thickness; ++t)
    for (int y = from; y < to; ++y) image.at(x + t, y) = ink;
}

void Blot(GrayImage& image, int x, int y, int size) {
  for (int dy = 0; dy < size; ++dy)
    for (int dx = 0; dx < size; ++dx) image.at(x + dx, y + dy) = 0;
}

// A 150 dpi page with a table of two rows: a label cell spanning both rows
// on the left, two cells on the right, one holding ink.
GrayImage TwoRowTable(std::uint8_t rule_ink = 0) {
  GrayImage page = Blank(600, 800);
  Across(page, 100, 50, 550, 2, rule_ink);
  Across(page, 200, 250, 550, 2, rule_ink);
  Across(page, 300, 50, 550, 2, rule_ink);
  Down(page, 50, 100, 302, 2, rule_ink);
  Down(page, 250, 100, 302, 2, rule_ink);
  Down(page, 548, 100, 302, 2, rule_ink);
  Blot(page, 400, 140, 12);  // a figure in the upper right cell
  Blot(page, 120, 190, 12);  // the label
  return page;
}

TEST(ScannedTables, FindsTheCellsTheRulesEnclose) {
  struct Case {
    const char* name;
    std::uint8_t rule_ink;
    std::size_t cells;
  };
  for (const Case& c :
       std::vector<Case>{{"black rules", 0, 3},
                         {"gray rules of a blurred scan", 180, 3},
                         {"rules too light to be ink", 230, 0}}) {
    GrayImage page = TwoRowTable(c.rule_ink);
    const std::vector<CellBox> cells = FindRuledCells(page, 150);
    ASSERT_EQ(cells.size(), c.cells) << c.name;
    if (c.cells == 0) continue;
    // Top to bottom, then left to right: the label (spanning both rows),
    // the upper right cell, the lower right cell.
    EXPECT_LT(cells[0].left, 80) << c.name;
    EXPECT_GT(cells[0].height(), 150) << c.name;
    EXPECT_GT(cells[1].left, 250) << c.name;
    EXPECT_LT(cells[1].bottom, 202) << c.name;
    EXPECT_GT(cells[2].top, 200) << c.name;
    // The rules are whitened, the ink inside the cells is not.
    EXPECT_EQ(page.at(300, 100), 255) << c.name;
    EXPECT_EQ(page.at(250, 150), 255) << c.name;
    EXPECT_EQ(page.at(405, 145), 0) << c.name;
    EXPECT_TRUE(InkRows(page, cells[1]).has_value()) << c.name;
    EXPECT_FALSE(InkRows(page, cells[2]).has_value()) << c.name;
  }
}

TEST(ScannedTables, TextIsNoRule) {
  // A line of text: dense strokes, but ink above and below its middle row
  // too, and a heading's long stroke shorter than a third of an inch.
  GrayImage page = Blank(600, 400);
  for (int x = 60; x < 540; x += 9) Blot(page, x, 100, 7);
  Across(page, 200, 60, 100);
  const std::vector<std::uint8_t> before = page.pixels;
  EXPECT_TRUE(FindRuledCells(page, 150).empty());
  EXPECT_EQ(page.pixels, before);
}

TEST(ScannedTables, AFrameAroundThePageIsNoCell) {
  GrayImage page = TwoRowTable();
  Across(page, 10, 10, 590);
  Across(page, 780, 10, 590);
  Down(page, 10, 10, 782);
  Down(page, 588, 10, 782);
  EXPECT_EQ(FindRuledCells(page, 150).size(), 3u);
}

TEST(ScannedTables, DespeckleRemovesSpecksNotStrokes) {
  GrayImage page = Blank(40, 40);
  page.at(5, 5) = 0;      // a speck of toner
  Blot(page, 20, 20, 6);  // a stroke
  page.at(22, 22) = 255;  // a speck of dust on it
  Despeckle(page);
  EXPECT_EQ(page.at(5, 5), 255);
  EXPECT_EQ(page.at(20, 20), 0);
  EXPECT_EQ(page.at(22, 22), 0);
}

TEST(ScannedTables, OddImagesGiveNoCells) {
  for (const auto& [width, height] :
       std::vector<std::pair<int, int>>{{0, 0}, {1, 1}, {3, 900}, {900, 2}}) {
    GrayImage page = Blank(width, height);
    EXPECT_TRUE(FindRuledCells(page, 300).empty()) << width << "x" << height;
  }
}

}  // namespace
}  // namespace lawreport::decode_internal
