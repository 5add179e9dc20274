// Straightening a page fed askew (src/decode/straighten.h) on drawn pages:
// rules turned by a known angle come back to a few pixel rows.
#include "decode/straighten.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace lawreport::decode_internal {
namespace {

constexpr int kWidth = 1200;
constexpr int kHeight = 1600;

// A page of ruled table rows every 60 pixels and a column of short "text"
// strokes between them, everything turned by `degrees` about the page
// centre (as make_scans.py --rotate turns a scan).
GrayImage AskewPage(double degrees) {
  GrayImage image;
  image.width = kWidth;
  image.height = kHeight;
  image.pixels.assign(static_cast<std::size_t>(kWidth) * kHeight, 255);
  const double angle = degrees * std::acos(-1.0) / 180;
  const double cx = kWidth / 2.0, cy = kHeight / 2.0;
  const auto ink = [&](double x, double y) {
    const double tx =
        cx + (x - cx) * std::cos(angle) - (y - cy) * std::sin(angle);
    const double ty =
        cy + (x - cx) * std::sin(angle) + (y - cy) * std::cos(angle);
    const int px = static_cast<int>(std::lround(tx));
    const int py = static_cast<int>(std::lround(ty));
    if (px >= 0 && px < kWidth && py >= 0 && py < kHeight) image.at(px, py) = 0;
  };
  for (int row = 200; row <= 1400; row += 60) {
    for (double x = 100; x < 1100; x += 0.5) {
      ink(x, row);
      ink(x, row + 1);
    }
    // Words between the rules: strokes 20 pixels high.
    for (int word = 0; word < 30; ++word) {
      for (double y = row + 20; y < row + 40; y += 0.5) {
        for (int w = 0; w < 4; ++w) ink(120 + word * 32 + w, y);
      }
    }
  }
  return image;
}

// The rows holding ink of the rule drawn at `row` before turning, between
// x = 300 and 900 (clear of the turned ends).
int RowsSpanned(const GrayImage& image, int row) {
  int first = kHeight, last = -1;
  for (int y = std::max(0, row - 40); y < std::min(kHeight, row + 40); ++y) {
    for (int x = 300; x < 900; ++x) {
      if (image.at(x, y) < 128) {
        // Only the rule's own ink: a long dark run along the row.
        int run = 0;
        while (x + run < 900 && image.at(x + run, y) < 128) ++run;
        if (run >= 40) {
          first = std::min(first, y);
          last = std::max(last, y);
        }
        x += run;
      }
    }
  }
  return last < first ? 0 : last - first + 1;
}

TEST(StraightenTest, TurnsAPageFedAskewBack) {
  for (const double degrees : {0.5, 1.0, -0.8}) {
    SCOPED_TRACE(degrees);
    const GrayImage askew = AskewPage(degrees);
    const int before = RowsSpanned(askew, 800);
    const GrayImage straight = Straighten(askew);
    ASSERT_EQ(straight.width, kWidth);
    ASSERT_EQ(straight.height, kHeight);
    const int after = RowsSpanned(straight, 800);
    EXPECT_GE(before, 5);  // 600 pixels at 0.5° climb 5 rows
    EXPECT_LE(after, 3);
  }
}

TEST(StraightenTest, LeavesAStraightOrBlankPageAlone) {
  const GrayImage straight = AskewPage(0);
  EXPECT_EQ(Straighten(straight).pixels, straight.pixels);
  GrayImage blank;
  blank.width = 300;
  blank.height = 200;
  blank.pixels.assign(300 * 200, 255);
  EXPECT_EQ(Straighten(blank).pixels, blank.pixels);
}

}  // namespace
}  // namespace lawreport::decode_internal
