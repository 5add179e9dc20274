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
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "decode/pdf_module.h"
#include "decode/pdf_pages.h"

namespace lawreport::decode_internal {
namespace {

// Tesseract's Chinese model; its digits and Latin letters suffice for the
// figures and the few English words of a report.
constexpr const char* kLanguage = "chi_sim";

struct RenderedPage {
  poppler::image image;
  int number = 0;
  double points_per_pixel = 0;
};

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

// A table's rules would be read as "|" and "一" and would join the cells
// they part, so long straight runs of dark pixels are whitened first: a
// third of an inch is longer than any stroke of a character set in a
// report, and a sheet fed askew still leaves runs that long.
void EraseRules(poppler::image& image, int dpi) {
  const int width = image.width();
  const int height = image.height();
  const int stride = image.bytes_per_row();
  auto* pixels = reinterpret_cast<unsigned char*>(image.data());
  const int shortest = std::max(20, dpi / 3);
  constexpr unsigned char kDark = 160;
  std::vector<std::pair<int, int>> runs;  // (start, length) along a row
  const auto at = [&](int x, int y) -> unsigned char& {
    return pixels[static_cast<std::ptrdiff_t>(y) * stride + x];
  };
  // Found first, whitened after, so that a vertical rule crossing a
  // horizontal one is still found whole.
  std::vector<std::tuple<bool, int, int, int>> found;  // horizontal, line,
                                                       // start, length
  for (int y = 0; y < height; ++y) {
    int start = -1;
    for (int x = 0; x <= width; ++x) {
      const bool dark = x < width && at(x, y) < kDark;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if (x - start >= shortest)
          found.emplace_back(true, y, start, x - start);
        start = -1;
      }
    }
  }
  for (int x = 0; x < width; ++x) {
    int start = -1;
    for (int y = 0; y <= height; ++y) {
      const bool dark = y < height && at(x, y) < kDark;
      if (dark && start < 0) start = y;
      if (!dark && start >= 0) {
        if (y - start >= shortest)
          found.emplace_back(false, x, start, y - start);
        start = -1;
      }
    }
  }
  for (const auto& [horizontal, line, start, length] : found) {
    for (int i = start; i < start + length; ++i) {
      if (horizontal) {
        at(i, line) = 255;
      } else {
        at(line, i) = 255;
      }
    }
  }
}

Result<RenderedPage> Render(const poppler::document& pdf, int number,
                            const PdfRequest& request) {
  std::unique_ptr<poppler::page> page(pdf.create_page(number - 1));
  if (page == nullptr) return RenderedPage{{}, number, 0};
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
  RenderedPage rendered{
      renderer.render_page(page.get(), request.dpi, request.dpi), number,
      72.0 / request.dpi};
  if (rendered.image.is_valid() &&
      rendered.image.format() == poppler::image::format_gray8)
    EraseRules(rendered.image, request.dpi);
  return rendered;
}

// A word's box spans its text line's height, not its ink's: "一" and "。"
// are flat, and the line and cell rules measure gaps in line heights.
std::vector<PdfWord> ReadWords(tesseract::TessBaseAPI& engine,
                               const RenderedPage& page) {
  std::vector<PdfWord> words;
  if (!page.image.is_valid()) return words;
  engine.SetImage(
      reinterpret_cast<const unsigned char*>(page.image.const_data()),
      page.image.width(), page.image.height(), 1, page.image.bytes_per_row());
  engine.SetSourceResolution(static_cast<int>(72.0 / page.points_per_pixel));
  if (engine.Recognize(nullptr) != 0) return words;
  std::unique_ptr<tesseract::ResultIterator> it(engine.GetIterator());
  if (it == nullptr) return words;
  const tesseract::PageIteratorLevel word_level = tesseract::RIL_WORD;
  do {
    std::unique_ptr<char[]> text(it->GetUTF8Text(word_level));
    if (text == nullptr || text[0] == '\0') continue;
    // What is left of a rule, or a speck: no word of a report.
    const std::string_view read = text.get();
    if (read.find_first_not_of("|_-~=.,'`\"") == std::string_view::npos ||
        read == "｜" || read == "丨")
      continue;
    int left, top, right, bottom;
    int line_left, line_top, line_right, line_bottom;
    if (!it->BoundingBox(word_level, &left, &top, &right, &bottom)) continue;
    if (!it->BoundingBox(tesseract::RIL_TEXTLINE, &line_left, &line_top,
                         &line_right, &line_bottom)) {
      line_top = top;
      line_bottom = bottom;
    }
    const double unit = page.points_per_pixel;
    // Ink is some four fifths of a font's box: padded to it, gaps between
    // lines measure as they do between a text layer's lines.
    const double pad = 0.12 * (line_bottom - line_top) * unit;
    PdfWord word;
    word.text = text.get();
    word.box = poppler::rectf(left * unit, line_top * unit - pad,
                              (right - left) * unit,
                              (line_bottom - line_top) * unit + 2 * pad);
    word.confidence = std::clamp(
        static_cast<int>(std::lround(it->Confidence(word_level))), 0, 100);
    words.push_back(std::move(word));
  } while (it->Next(word_level));
  engine.Clear();
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
      words[first + i] = ReadWords(**engine, rendered[i]);
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
