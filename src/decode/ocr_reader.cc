// The OCR reader: a PDF's pages without a usable text layer (a scan, or a
// font whose codes map to no Unicode) rendered by poppler and read by
// Tesseract, whose words and boxes then become lines, table rows and
// paragraphs by the text-layer reader's own rules (pdf_pages.h).
//
//   a 300 dpi scan of "受理行政许可事项43601件" → words 受理 行政 许可 事项
//   43601 件, each with a box and a confidence → the paragraph
//   "受理行政许可事项43601件", whose "43601件" knows its lowest confidence.
//
// Rendering: at request.dpi (300: a 10.5 pt Chinese character is some 44
// pixels high, where the chi_sim model reads best), in 8-bit gray; a page
// that would render larger than request.max_render_pixels is refused
// rather than allocated. Pages are rendered one after another (a poppler
// document is not to be shared between threads) and read request.jobs at a
// time, each by its own Tesseract engine; engines are kept for the next
// file, since loading the language model takes longer than a page.
//
// Before Tesseract, a page is cleaned of specks and straightened (a sheet
// fed askew), and its ruled tables are found in the pixels
// (scanned_tables.h): each cell is read on its own, and the cells become
// rows as a browser copies an HTML table, so that a label wrapped over two
// lines and the figures beside it share a row, and rules are never read.
//
//   a cell reading "1O" → the figure 10; a cell of one flat stroke → "—"
//
// This file is the module liblawreport_ocr.so (see pdf_module.h): the only
// code that links Tesseract.
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "decode/pdf_module.h"
#include "decode/pdf_pages.h"
#include "decode/scanned_tables.h"
#include "decode/straighten.h"
#include "util/utf8.h"

namespace lawreport::decode_internal {
namespace {

// Tesseract's Chinese model; its digits and Latin letters suffice for the
// figures and the few English words of a report.
constexpr const char* kLanguage = "chi_sim";

// Engines are loaded once and lent to one page at a time.
class EnginePool {
 public:
  Result<std::unique_ptr<tesseract::TessBaseAPI>> Take() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!idle_.empty()) {
        std::unique_ptr<tesseract::TessBaseAPI> engine =
            std::move(idle_.back());
        idle_.pop_back();
        return engine;
      }
    }
    auto engine = std::make_unique<tesseract::TessBaseAPI>();
    if (engine->Init(nullptr, kLanguage, tesseract::OEM_LSTM_ONLY) != 0) {
      return Error{ErrorCode::kUnsupportedFormat,
                   std::string("OCR support is incomplete: Tesseract's ") +
                       kLanguage +
                       " language data is not installed "
                       "(tesseract-ocr-chi-sim)"};
    }
    engine->SetPageSegMode(tesseract::PSM_AUTO);
    // A report's Chinese is set without spaces; Tesseract's own spaces
    // between CJK characters are not wanted.
    engine->SetVariable("preserve_interword_spaces", "1");
    engine->SetVariable("debug_file", "/dev/null");
    return engine;
  }
  void Give(std::unique_ptr<tesseract::TessBaseAPI> engine) {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(engine));
  }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<tesseract::TessBaseAPI>> idle_;
};

EnginePool& Engines() {
  static EnginePool* pool = new EnginePool;  // outlives every worker
  return *pool;
}

struct RenderedPage {
  GrayImage image;
  int number = 0;
  double points_per_pixel = 0;
  int dpi = 0;
};

Result<RenderedPage> Render(const poppler::document& pdf, int number,
                            const PdfRequest& request) {
  std::unique_ptr<poppler::page> page(pdf.create_page(number - 1));
  if (page == nullptr) return RenderedPage{{}, number, 0, request.dpi};
  const poppler::rectf box = page->page_rect(poppler::media_box);
  const double scale = request.dpi / 72.0;
  const double width = std::abs(box.width()) * scale;
  const double height = std::abs(box.height()) * scale;
  if (!(width * height <= static_cast<double>(request.max_render_pixels))) {
    return Error{ErrorCode::kLimitExceeded,
                 "page " + std::to_string(number) + " would render at " +
                     std::to_string(std::lround(width)) + "×" +
                     std::to_string(std::lround(height)) +
                     " pixels for OCR, over the limit of " +
                     std::to_string(request.max_render_pixels) +
                     " (raise it with --max-render-pixels)"};
  }
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  const poppler::image image =
      renderer.render_page(page.get(), request.dpi, request.dpi);
  RenderedPage rendered{{}, number, 72.0 / request.dpi, request.dpi};
  if (!image.is_valid() || image.format() != poppler::image::format_gray8)
    return rendered;
  GrayImage& gray = rendered.image;
  gray.width = image.width();
  gray.height = image.height();
  gray.pixels.resize(static_cast<std::size_t>(gray.width) *
                     static_cast<std::size_t>(gray.height));
  const auto* source =
      reinterpret_cast<const std::uint8_t*>(image.const_data());
  for (int y = 0; y < gray.height; ++y) {
    std::copy_n(
        source + static_cast<std::ptrdiff_t>(y) * image.bytes_per_row(),
        gray.width,
        gray.pixels.begin() + static_cast<std::ptrdiff_t>(y) * gray.width);
  }
  return rendered;
}

// What is left of a rule, or a speck: no word of a report.
bool IsRuleOrSpeck(std::string_view read) {
  return read.find_first_not_of("|_-~=.,'`\"") == std::string_view::npos ||
         read == "｜" || read == "丨";
}

bool IsRule(std::string_view read) {
  return read.find_first_not_of("|") == std::string_view::npos ||
         read == "｜" || read == "丨";
}

// Reads the words of `image` (a page, or a cell padded with white) with
// the engine's current page segmentation, their boxes moved by (dx, dy)
// pixels and turned into PDF points. A word's box spans its text line's
// height, not its ink's: "一" and "。" are flat, and the line and cell rules
// measure gaps in line heights. In a cell, each line's first word starts
// a cell (PdfWord::starts_cell).
std::vector<PdfWord> ReadWords(tesseract::TessBaseAPI& engine,
                               const GrayImage& image, int dpi, int dx, int dy,
                               bool cell) {
  std::vector<PdfWord> words;
  if (image.width <= 0 || image.height <= 0) return words;
  engine.SetImage(image.pixels.data(), image.width, image.height, 1,
                  image.width);
  engine.SetSourceResolution(dpi);
  if (engine.Recognize(nullptr) != 0) {
    engine.Clear();
    return words;
  }
  std::unique_ptr<tesseract::ResultIterator> it(engine.GetIterator());
  if (it == nullptr) {
    engine.Clear();
    return words;
  }
  const double unit = 72.0 / dpi;
  const tesseract::PageIteratorLevel word_level = tesseract::RIL_WORD;
  do {
    const bool line_start = it->IsAtBeginningOf(tesseract::RIL_TEXTLINE);
    std::unique_ptr<char[]> text(it->GetUTF8Text(word_level));
    if (text == nullptr || text[0] == '\0') continue;
    // In a cell, a lone dash is a figure ("—": none), not a speck.
    if (cell ? IsRule(text.get()) : IsRuleOrSpeck(text.get())) continue;
    int left, top, right, bottom;
    int line_left, line_top, line_right, line_bottom;
    if (!it->BoundingBox(word_level, &left, &top, &right, &bottom)) continue;
    if (!it->BoundingBox(tesseract::RIL_TEXTLINE, &line_left, &line_top,
                         &line_right, &line_bottom)) {
      line_top = top;
      line_bottom = bottom;
    }
    // Ink is some four fifths of a font's box: padded to it, gaps between
    // lines measure as they do between a text layer's lines.
    const double pad = 0.12 * (line_bottom - line_top) * unit;
    PdfWord word;
    word.text = text.get();
    word.box = poppler::rectf((left + dx) * unit, (line_top + dy) * unit - pad,
                              (right - left) * unit,
                              (line_bottom - line_top) * unit + 2 * pad);
    word.confidence = std::clamp(
        static_cast<int>(std::lround(it->Confidence(word_level))), 0, 100);
    // A word left alone on a line by a dropped speck still starts it.
    word.starts_cell =
        cell && (line_start || words.empty() ||
                 std::abs(words.back().middle() - word.middle()) >
                     word.box.height() / 2);
    words.push_back(std::move(word));
  } while (it->Next(word_level));
  engine.Clear();
  return words;
}

// OCR reads the digits of a table's figures as the letters they resemble
// ("1O" for 10, "l" for 1, "S" for 5), a dash for "none" as "一", and the
// cell's edge as "，" or "|". A cell that reads as nothing but digits,
// such letters and such edges holds a figure: its digits are restored.
// A cell with one letter and no digit is a figure only when it is no
// longer than two characters ("o" for 0), since a word is longer.
std::optional<std::string> ReadAsFigure(std::string_view read) {
  std::u32string text;
  for (std::size_t offset = 0; offset < read.size();) {
    const utf8::CodePoint cp = utf8::Decode(read, offset);
    offset += cp.length;
    if (cp.value != ' ' && cp.value != 0x3000) text.push_back(cp.value);
  }
  const std::u32string_view edges = U",，.。、'\"“”‘’|｜丨:：;；`_~！!";
  while (!text.empty() && edges.find(text.back()) != std::u32string::npos)
    text.pop_back();
  while (!text.empty() && edges.find(text.front()) != std::u32string::npos)
    text.erase(0, 1);
  if (text.empty()) return std::nullopt;
  const std::u32string_view dashes = U"一-—–－―_";
  if (text.size() <= 2 &&
      std::all_of(text.begin(), text.end(), [&](char32_t c) {
        return dashes.find(c) != std::u32string::npos;
      }))
    return std::string("—");
  std::string figure;
  int digits = 0;
  int letters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (c >= U'０' && c <= U'９') c = c - U'０' + U'0';
    char digit = 0;
    if (c >= U'0' && c <= U'9') {
      digit = static_cast<char>(c);
      ++digits;
    } else if (c == U'.' || c == U'%' || c == U',') {
      // A point, a percent sign, a thousands comma: within the figure.
      if (i == 0 && c != U'.') return std::nullopt;
      digit = static_cast<char>(c);
    } else if (c == U'-' && i == 0 && text.size() > 1) {
      digit = '-';
    } else {
      static constexpr std::pair<char32_t, char> kLookalikes[] = {
          {U'O', '0'}, {U'o', '0'}, {U'D', '0'}, {U'Q', '0'}, {U'〇', '0'},
          {U'○', '0'}, {U'l', '1'}, {U'I', '1'}, {U'i', '1'}, {U'|', '1'},
          {U'!', '1'}, {U'Z', '2'}, {U'z', '2'}, {U'S', '5'}, {U's', '5'},
          {U'B', '8'}, {U'g', '9'}, {U'q', '9'}, {U'G', '6'}};
      for (const auto& [letter, value] : kLookalikes) {
        if (c == letter) digit = value;
      }
      if (digit == 0) return std::nullopt;
      ++letters;
    }
    figure.push_back(digit);
  }
  if (digits == 0 && (letters == 0 || text.size() > 2)) return std::nullopt;
  if (letters > digits) return std::nullopt;
  // "00" is one zero read twice; a leading zero is no figure's.
  while (figure.size() > 1 && figure[0] == '0' && figure[1] >= '0' &&
         figure[1] <= '9')
    figure.erase(0, 1);
  return figure;
}

// A cell's words: its figure, when it holds one, as one word over the
// cell's words' box with their lowest confidence.
void CleanFigureCell(std::vector<PdfWord>& words) {
  if (words.empty()) return;
  std::string read;
  for (const PdfWord& word : words) read += word.text;
  const std::optional<std::string> figure = ReadAsFigure(read);
  if (!figure) return;
  PdfWord merged = words.front();
  merged.text = *figure;
  double right = merged.box.x() + merged.box.width();
  for (const PdfWord& word : words) {
    merged.confidence = std::min(merged.confidence, word.confidence);
    right = std::max(right, word.box.x() + word.box.width());
  }
  merged.box.set_right(right);
  merged.starts_cell = true;
  words = {std::move(merged)};
}

// A cell whose only ink is one flat stroke, thinner than a tenth of an
// inch and three times as long as it is thick, holds a dash ("—": none),
// which Tesseract, seeing no character, returns nothing for.
void ReadDash(const GrayImage& image, const CellBox& cell,
              std::pair<int, int> ink, int dpi, std::vector<PdfWord>& words) {
  const int thickness = ink.second - ink.first + 1;
  if (thickness > std::max(2, dpi / 30)) return;
  int left = cell.right;
  int right = cell.left;
  for (int y = ink.first; y <= ink.second; ++y) {
    for (int x = cell.left; x < cell.right; ++x) {
      if (image.at(x, y) < 128) {
        left = std::min(left, x);
        right = std::max(right, x + 1);
      }
    }
  }
  if (right - left < 3 * thickness) return;
  const double unit = 72.0 / dpi;
  PdfWord dash;
  dash.text = "—";
  dash.confidence = 0;
  dash.starts_cell = true;
  dash.box = poppler::rectf(left * unit, cell.top * unit, (right - left) * unit,
                            cell.height() * unit);
  words.push_back(std::move(dash));
}

// A ruled table's cells as a browser copies an HTML table: each grid row
// a line, each cell one word on the first row it spans, its lines joined.
// Placed by their rules, not their ink, a figure cell and a label wrapped
// over two lines share a row however their text sits in them, and a label
// spanning rows stands once, on its first (text_tables.h knows the shape).
std::vector<PdfWord> PlaceInRows(const std::vector<CellBox>& cells,
                                 std::vector<std::vector<PdfWord>>& cell_words,
                                 int dpi) {
  std::vector<PdfWord> placed;
  const double unit = 72.0 / dpi;
  // cells come top to bottom: a row is the cells whose tops lie within a
  // rule's width or two of the first one's.
  const int same_row = std::max(3, dpi / 25);
  for (std::size_t first = 0; first < cells.size();) {
    std::size_t last = first;
    int row_height = cells[first].height();
    while (last + 1 < cells.size() &&
           cells[last + 1].top - cells[first].top <= same_row) {
      ++last;
      row_height = std::min(row_height, cells[last].height());
    }
    for (std::size_t i = first; i <= last; ++i) {
      std::vector<PdfWord>& words = cell_words[i];
      if (words.empty()) continue;
      PdfWord cell;
      cell.starts_cell = true;
      cell.confidence = 100;
      double left = words.front().box.x();
      double right = left;
      for (const PdfWord& word : words) {
        // Latin words and figures on one line keep their space.
        if (!cell.text.empty() && !word.starts_cell &&
            static_cast<unsigned char>(cell.text.back()) < 0x80 &&
            static_cast<unsigned char>(word.text[0]) < 0x80)
          cell.text += ' ';
        cell.text += word.text;
        cell.confidence = std::min(cell.confidence, word.confidence);
        left = std::min(left, word.box.x());
        right = std::max(right, word.box.x() + word.box.width());
      }
      cell.box = poppler::rectf(left, cells[first].top * unit, right - left,
                                row_height * unit);
      placed.push_back(std::move(cell));
    }
    first = last + 1;
  }
  return placed;
}

// A page's words: each ruled table's cells read on their own (as one block
// of text each), and the rest of the page, rules and cells whitened, read
// with Tesseract's own layout analysis.
std::vector<PdfWord> ReadPage(tesseract::TessBaseAPI& engine,
                              RenderedPage& page) {
  std::vector<PdfWord> words;
  GrayImage& image = page.image;
  if (image.width <= 0 || image.height <= 0) return words;
  // Specks first: turned, a speck smears into a blot.
  Despeckle(image);
  image = Straighten(std::move(image));
  const std::vector<CellBox> cells = FindRuledCells(image, page.dpi);
  // A blank band of a fifth of a line height around a cell's text keeps
  // Tesseract from taking the cell's edge for its text's.
  const int pad = std::max(4, page.dpi / 15);
  std::vector<std::vector<PdfWord>> cell_words(cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const CellBox& cell = cells[i];
    const std::optional<std::pair<int, int>> ink = InkRows(image, cell);
    if (!ink) continue;
    // One line of text (some 10.5 pt, a fifth of an inch at most) is read
    // as a line: as a block, Tesseract drops a short one's brackets.
    engine.SetPageSegMode(ink->second - ink->first <= page.dpi / 5
                              ? tesseract::PSM_SINGLE_LINE
                              : tesseract::PSM_SINGLE_BLOCK);
    GrayImage inside;
    inside.width = cell.width() + 2 * pad;
    inside.height = cell.height() + 2 * pad;
    inside.pixels.assign(static_cast<std::size_t>(inside.width) *
                             static_cast<std::size_t>(inside.height),
                         255);
    for (int y = 0; y < cell.height(); ++y) {
      for (int x = 0; x < cell.width(); ++x)
        inside.at(x + pad, y + pad) = image.at(cell.left + x, cell.top + y);
    }
    cell_words[i] = ReadWords(engine, inside, page.dpi, cell.left - pad,
                              cell.top - pad, /*cell=*/true);
    if (cell_words[i].empty())
      ReadDash(image, cell, *ink, page.dpi, cell_words[i]);
    CleanFigureCell(cell_words[i]);
  }
  for (const CellBox& cell : cells) {
    for (int y = cell.top; y < cell.bottom; ++y)
      std::fill_n(image.pixels.begin() +
                      static_cast<std::ptrdiff_t>(y) * image.width + cell.left,
                  cell.width(), 255);
  }
  engine.SetPageSegMode(tesseract::PSM_AUTO);
  words = ReadWords(engine, image, page.dpi, 0, 0, /*cell=*/false);
  for (PdfWord& word : PlaceInRows(cells, cell_words, page.dpi))
    words.push_back(std::move(word));
  return words;
}

Result<std::vector<std::vector<PdfWord>>> OcrPages(
    const poppler::document& pdf, const std::vector<int>& pages,
    const PdfRequest& request) {
  std::vector<std::vector<PdfWord>> words(pages.size());
  const std::size_t jobs =
      static_cast<std::size_t>(std::clamp(request.jobs, 1, 64));
  for (std::size_t first = 0; first < pages.size(); first += jobs) {
    const std::size_t count = std::min(jobs, pages.size() - first);
    std::vector<RenderedPage> rendered;
    for (std::size_t i = 0; i < count; ++i) {
      if (request.cancelled != nullptr && request.cancelled->load()) {
        return Error{ErrorCode::kLimitExceeded,
                     "stopped at page " + std::to_string(pages[first + i]) +
                         ": over the time limit"};
      }
      Result<RenderedPage> page = Render(pdf, pages[first + i], request);
      if (!page) return page.error();
      rendered.push_back(std::move(*page));
    }
    std::vector<std::optional<Error>> errors(count);
    const auto read = [&](std::size_t i) {
      Result<std::unique_ptr<tesseract::TessBaseAPI>> engine = Engines().Take();
      if (!engine) {
        errors[i] = engine.error();
        return;
      }
      words[first + i] = ReadPage(**engine, rendered[i]);
      Engines().Give(std::move(*engine));
    };
    if (count == 1) {
      read(0);
    } else {
      std::vector<std::thread> workers;
      for (std::size_t i = 0; i < count; ++i) workers.emplace_back(read, i);
      for (std::thread& worker : workers) worker.join();
    }
    for (const std::optional<Error>& error : errors) {
      if (error) return *error;
    }
  }
  return words;
}

}  // namespace
}  // namespace lawreport::decode_internal

extern "C" __attribute__((visibility("default"))) void lawreport_read_pdf_ocr(
    const lawreport::decode_internal::PdfRequest* request,
    lawreport::decode_internal::PdfText* out) {
  using namespace lawreport::decode_internal;
  const OcrPagesFunction ocr = [request](const poppler::document& pdf,
                                         const std::vector<int>& pages) {
    return OcrPages(pdf, pages, *request);
  };
  ReadPdfPages(*request, &ocr, out);
}
