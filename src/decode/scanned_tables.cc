// Ruled tables in a scanned page's pixels: see scanned_tables.h.
#include "decode/scanned_tables.h"

#include <algorithm>
#include <cstddef>

namespace lawreport::decode_internal {
namespace {

// Ink for a character is darker than this; a rule, often a thin line
// smoothed into gray by the scanner or the renderer, is found a little
// lighter.
constexpr std::uint8_t kInk = 128;
constexpr std::uint8_t kRuleInk = 200;

constexpr std::uint8_t kHorizontal = 1;
constexpr std::uint8_t kVertical = 2;

// Marks in `mask` (with `bit`) the runs of rule ink along one line of
// pixels, `count` long, pixel i at offset first + i * step, its neighbours
// across the line `across` away. A thin rule turned straight again is
// smeared over two or three lines of pixels in light gray: a pixel is rule
// ink when it or a neighbour across is darker than kRuleInk. A run may have
// gaps of `gap` pixels (a speck of dust, a blur) but is four fifths ink.
void MarkRuns(const GrayImage& image, std::vector<std::uint8_t>& mask,
              std::size_t first, std::size_t step, std::ptrdiff_t across,
              bool has_before, bool has_after, int count, int shortest, int gap,
              std::ptrdiff_t beside, std::uint8_t bit) {
  int start = -1;
  int last = -1;
  int dark = 0;
  // A rule is thin: a few pixels to either side of it, the paper is
  // nearly blank along its length, where a stroke-dense line of text that
  // ran dark enough is ink on both sides too.
  const auto thin = [&](int from, int to) {
    for (const std::ptrdiff_t side : {-beside, beside}) {
      if ((side < 0 && !has_before) || (side > 0 && !has_after)) continue;
      int ink = 0;
      for (int i = from; i <= to; ++i) {
        const auto at = static_cast<std::ptrdiff_t>(
                            first + static_cast<std::size_t>(i) * step) +
                        side;
        if (at < 0 || static_cast<std::size_t>(at) >= image.pixels.size())
          continue;
        if (image.pixels[static_cast<std::size_t>(at)] < kRuleInk) ++ink;
      }
      if (ink * 4 > to - from + 1) return false;
    }
    return true;
  };
  const auto close = [&] {
    if (start >= 0 && last - start + 1 >= shortest &&
        dark * 5 >= (last - start + 1) * 4 && thin(start, last)) {
      for (int i = start; i <= last; ++i)
        mask[first + static_cast<std::size_t>(i) * step] |= bit;
    }
    start = -1;
  };
  const std::uint8_t* pixels = image.pixels.data();
  for (int i = 0; i < count; ++i) {
    const std::size_t at = first + static_cast<std::size_t>(i) * step;
    std::uint8_t value = pixels[at];
    if (has_before) value = std::min(value, pixels[at - across]);
    if (has_after) value = std::min(value, pixels[at + across]);
    if (value >= kRuleInk) continue;
    if (start >= 0 && i - last > gap + 1) close();
    if (start < 0) {
      start = i;
      dark = 0;
    }
    last = i;
    ++dark;
  }
  close();
}

}  // namespace

void Despeckle(GrayImage& image) {
  const int w = image.width;
  const int h = image.height;
  if (w < 3 || h < 3) return;
  // Decided on the original pixels, applied after.
  std::vector<std::pair<std::size_t, std::uint8_t>> changes;
  for (int y = 1; y + 1 < h; ++y) {
    for (int x = 1; x + 1 < w; ++x) {
      const bool dark = image.at(x, y) < kInk;
      bool alone = true;
      for (int dy = -1; dy <= 1 && alone; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          if ((dx != 0 || dy != 0) &&
              (image.at(x + dx, y + dy) < kInk) == dark) {
            alone = false;
            break;
          }
        }
      }
      if (alone) {
        changes.emplace_back(
            static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
                static_cast<std::size_t>(x),
            dark ? 255 : 0);
      }
    }
  }
  for (const auto& [offset, value] : changes) image.pixels[offset] = value;
}

std::vector<CellBox> FindRuledCells(GrayImage& image, int dpi) {
  const int w = image.width;
  const int h = image.height;
  std::vector<CellBox> cells;
  if (w <= 0 || h <= 0 || dpi <= 0 ||
      image.pixels.size() <
          static_cast<std::size_t>(w) * static_cast<std::size_t>(h))
    return cells;
  const int longest_across = std::max(16, dpi * 2 / 5);
  const int longest_down = std::max(12, dpi / 4);
  const int gap = std::max(2, dpi / 30);
  const int beside = std::max(3, dpi / 50);
  std::vector<std::uint8_t> mask(image.pixels.size(), 0);
  const auto width = static_cast<std::size_t>(w);
  for (int y = 0; y < h; ++y) {
    MarkRuns(image, mask, static_cast<std::size_t>(y) * width, 1,
             static_cast<std::ptrdiff_t>(width), y > 0, y + 1 < h, w,
             longest_across, gap, beside * static_cast<std::ptrdiff_t>(width),
             kHorizontal);
  }
  for (int x = 0; x < w; ++x) {
    MarkRuns(image, mask, static_cast<std::size_t>(x), width, 1, x > 0,
             x + 1 < w, h, longest_down, gap, beside, kVertical);
  }

  // The cells: regions of a coarse grid (blocks of `scale` pixels) that a
  // block holding a rule pixel encloses, found by flood fill.
  const int scale = std::max(1, dpi / 150);
  const int cw = (w + scale - 1) / scale;
  const int ch = (h + scale - 1) / scale;
  const auto coarse_width = static_cast<std::size_t>(cw);
  std::vector<int> label(coarse_width * static_cast<std::size_t>(ch), 0);
  constexpr int kWall = -1;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      if (mask[static_cast<std::size_t>(y) * width +
               static_cast<std::size_t>(x)] != 0)
        label[static_cast<std::size_t>(y / scale) * coarse_width +
              static_cast<std::size_t>(x / scale)] = kWall;
    }
  }
  // A rule's ends stop a pixel or two short of the rule they meet, where
  // the scanner blurred the joint: walls grow by a block every way.
  {
    std::vector<int> grown = label;
    for (int y = 0; y < ch; ++y) {
      for (int x = 0; x < cw; ++x) {
        if (label[static_cast<std::size_t>(y) * coarse_width +
                  static_cast<std::size_t>(x)] != kWall)
          continue;
        for (int ny = std::max(0, y - 1); ny <= std::min(ch - 1, y + 1); ++ny) {
          for (int nx = std::max(0, x - 1); nx <= std::min(cw - 1, x + 1); ++nx)
            grown[static_cast<std::size_t>(ny) * coarse_width +
                  static_cast<std::size_t>(nx)] = kWall;
        }
      }
    }
    label = std::move(grown);
  }
  std::vector<std::size_t> stack;
  int next_label = 0;
  std::vector<CellBox> regions;  // in coarse blocks, by label - 1
  std::vector<bool> open_edge;   // the region reaches the image's edge
  for (std::size_t seed = 0; seed < label.size(); ++seed) {
    if (label[seed] != 0) continue;
    ++next_label;
    CellBox box{cw, ch, 0, 0};
    bool edge = false;
    label[seed] = next_label;
    stack.push_back(seed);
    while (!stack.empty()) {
      const std::size_t at = stack.back();
      stack.pop_back();
      const int x = static_cast<int>(at % coarse_width);
      const int y = static_cast<int>(at / coarse_width);
      box.left = std::min(box.left, x);
      box.top = std::min(box.top, y);
      box.right = std::max(box.right, x + 1);
      box.bottom = std::max(box.bottom, y + 1);
      if (x == 0 || y == 0 || x == cw - 1 || y == ch - 1) edge = true;
      const auto visit = [&](std::size_t neighbour) {
        if (label[neighbour] == 0) {
          label[neighbour] = next_label;
          stack.push_back(neighbour);
        }
      };
      if (x > 0) visit(at - 1);
      if (x + 1 < cw) visit(at + 1);
      if (y > 0) visit(at - coarse_width);
      if (y + 1 < ch) visit(at + coarse_width);
    }
    regions.push_back(box);
    open_edge.push_back(edge);
  }
  const int smallest = std::max(4, dpi / 12);
  for (std::size_t i = 0; i < regions.size(); ++i) {
    if (open_edge[i]) continue;
    CellBox cell{regions[i].left * scale, regions[i].top * scale,
                 std::min(w, regions[i].right * scale),
                 std::min(h, regions[i].bottom * scale)};
    if (cell.width() < smallest || cell.height() < smallest) continue;
    // A frame around a third of the page or more is a border, not a cell.
    if (cell.height() * 3 > h) continue;
    cells.push_back(cell);
  }
  // A region holding another is a box around a table, not a cell of it.
  std::vector<CellBox> kept;
  for (const CellBox& cell : cells) {
    const bool holds =
        std::any_of(cells.begin(), cells.end(), [&](const CellBox& other) {
          return &other != &cell && other.left >= cell.left &&
                 other.right <= cell.right && other.top >= cell.top &&
                 other.bottom <= cell.bottom;
        });
    if (!holds) kept.push_back(cell);
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const CellBox& a, const CellBox& b) {
                     return a.top != b.top ? a.top < b.top : a.left < b.left;
                   });

  // The rules around the cells whitened, with the lighter pixels either
  // side that smoothing left, but not a character's stroke that crosses
  // them. Elsewhere a long dark run may be text (a row of a bold heading)
  // and is left alone.
  std::vector<bool> near_cell(mask.size(), false);
  const int margin = 2 * scale + beside;
  // A table's extent: cells that touch, grown together.
  std::vector<CellBox> tables;
  for (const CellBox& cell : kept) {
    CellBox grown{cell.left - margin, cell.top - margin, cell.right + margin,
                  cell.bottom + margin};
    for (bool merged = true; merged;) {
      merged = false;
      for (std::size_t t = 0; t < tables.size(); ++t) {
        const CellBox& table = tables[t];
        if (table.left < grown.right && grown.left < table.right &&
            table.top < grown.bottom && grown.top < table.bottom) {
          grown = {std::min(grown.left, table.left),
                   std::min(grown.top, table.top),
                   std::max(grown.right, table.right),
                   std::max(grown.bottom, table.bottom)};
          tables.erase(tables.begin() + static_cast<std::ptrdiff_t>(t));
          merged = true;
          break;
        }
      }
    }
    tables.push_back(grown);
  }
  for (const CellBox& cell : tables) {
    for (int y = std::max(0, cell.top - margin);
         y < std::min(h, cell.bottom + margin); ++y) {
      const int from = std::max(0, cell.left - margin);
      const int to = std::min(w, cell.right + margin);
      std::fill(near_cell.begin() + static_cast<std::ptrdiff_t>(y) * w + from,
                near_cell.begin() + static_cast<std::ptrdiff_t>(y) * w + to,
                true);
    }
  }
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      if (!near_cell[static_cast<std::size_t>(y) * width +
                     static_cast<std::size_t>(x)])
        continue;
      const std::uint8_t bits = mask[static_cast<std::size_t>(y) * width +
                                     static_cast<std::size_t>(x)];
      if (bits == 0) continue;
      image.at(x, y) = 255;
      for (int d = -1; d <= 1; d += 2) {
        if ((bits & kHorizontal) != 0 && y + d >= 0 && y + d < h &&
            image.at(x, y + d) >= kInk)
          image.at(x, y + d) = 255;
        if ((bits & kVertical) != 0 && x + d >= 0 && x + d < w &&
            image.at(x + d, y) >= kInk)
          image.at(x + d, y) = 255;
      }
    }
  }
  return kept;
}

std::optional<std::pair<int, int>> InkRows(const GrayImage& image,
                                           const CellBox& cell) {
  std::optional<std::pair<int, int>> rows;
  for (int y = std::max(0, cell.top); y < std::min(image.height, cell.bottom);
       ++y) {
    for (int x = std::max(0, cell.left); x < std::min(image.width, cell.right);
         ++x) {
      if (image.at(x, y) < kInk) {
        if (!rows) rows.emplace(y, y);
        rows->second = y;
        break;
      }
    }
  }
  return rows;
}

}  // namespace lawreport::decode_internal
