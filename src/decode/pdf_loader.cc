// ReadPdf: opens the PDF module on first use (see pdf_module.h for why it
// is a module) and turns what it read into a Document. When a page has no
// usable text layer, the OCR module (liblawreport_ocr.so: Tesseract and
// its language data, heavier still) is opened in turn, only then.
//
//   a scanned report, --ocr auto, OCR installed → its pages read by OCR
//   the same, --ocr never →
//     "page 1: no text layer (a scan?); use --ocr auto to read it by OCR"
#include <cstdlib>
#include <string>
#include <vector>

#include "decode/module_loader.h"
#include "decode/pdf_module.h"
#include "decode/readers.h"

namespace lawreport::decode_internal {
namespace {

struct Module {
  ReadPdfFunction read = nullptr;
  std::string problem;  // why it could not be opened
};

const Module& LoadModule() {
  static const Module module = [] {
    const OpenedModule opened = OpenModule(kPdfModuleName, kReadPdfSymbol);
    return Module{reinterpret_cast<ReadPdfFunction>(opened.entry),
                  opened.problem};
  }();
  return module;
}

const Module& LoadOcrModule() {
  static const Module module = [] {
    // Tesseract's OpenMP threads would multiply with lawreport's own (one
    // engine per page at once, --jobs); the user's setting is kept.
    ::setenv("OMP_THREAD_LIMIT", "1", 0);
    const OpenedModule opened = OpenModule(kOcrModuleName, kReadPdfOcrSymbol);
    return Module{reinterpret_cast<ReadPdfFunction>(opened.entry),
                  opened.problem};
  }();
  return module;
}

std::string Describe(const UnreadablePage& page) {
  return "page " + std::to_string(page.page) +
         (page.garbled ? ": text layer unreadable (garbled font encoding)"
                       : ": no text layer (a scan?)");
}

}  // namespace

Result<Document> ReadPdf(std::string_view bytes, const DecodeOptions& options) {
  PdfRequest request;
  request.data = bytes.data();
  request.size = bytes.size();
  request.max_pages = options.max_pages;
  request.cancelled = options.cancelled;
  request.ocr_every_page = options.ocr == OcrMode::kAlways;
  request.dpi = options.ocr_dpi;
  request.max_render_pixels = options.max_render_pixels;
  request.jobs = options.ocr_jobs;
  PdfText text;
  if (options.ocr != OcrMode::kAlways) {
    const Module& module = LoadModule();
    if (module.read == nullptr) {
      return Error{ErrorCode::kUnsupportedFormat,
                   "PDF support is missing: " + module.problem};
    }
    module.read(&request, &text);
    if (text.error) return *text.error;
  }
  if (options.ocr == OcrMode::kAlways || !text.unreadable.empty()) {
    if (options.ocr == OcrMode::kNever) {
      return Error{ErrorCode::kNoText,
                   Describe(text.unreadable.front()) +
                       "; use --ocr auto to read it by OCR"};
    }
    const Module& ocr = LoadOcrModule();
    if (ocr.read == nullptr) {
      return Error{
          ErrorCode::kNoText,
          (text.unreadable.empty() ? std::string("--ocr always")
                                   : Describe(text.unreadable.front())) +
              "; OCR support is not installed (" + ocr.problem + ")"};
    }
    text = PdfText{};
    ocr.read(&request, &text);
    if (text.error) return *text.error;
  }
  Document document;
  for (PdfParagraph& paragraph : text.paragraphs)
    document.AddPagedParagraph(std::move(paragraph.text),
                               std::move(paragraph.pages),
                               std::move(paragraph.ocr));
  document.set_ocr_pages(text.ocr_pages);
  return document;
}

}  // namespace lawreport::decode_internal
