// The PDF reader's boundary. Internal.
//
// poppler brings some twenty shared libraries (NSS, freetype, fontconfig,
// image codecs) whose loading and relocation tripled lawreport's start-up
// time, although most runs never see a PDF. So the PDF reader is a module,
// liblawreport_pdf.so, opened with dlopen the first time a PDF is read
// (pdf_loader.cc), and this header is the whole interface between the two:
// plain data, one entry point with C linkage.
//
//   a PDF whose page 2 ends "…推进" and page 3 opens "法治政府建设。"
//   → PdfText{paragraphs=[…, {text="…推进法治政府建设。",
//                              pages=[{0, 2}, {offset of "法", 3}]}]}
#ifndef LAWREPORT_DECODE_PDF_MODULE_H_
#define LAWREPORT_DECODE_PDF_MODULE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lawreport/status.h"
#include "lawreport/text.h"

namespace lawreport::decode_internal {

struct PdfParagraph {
  std::string text;
  std::vector<Text::PageMark> pages;  // where each page begins in `text`
  // OCR'd pages only: where each word read by OCR begins in `text`, with
  // the engine's confidence (a -1 mark: text-layer words resume).
  std::vector<Text::OcrMark> ocr;
};

// A page whose text layer cannot be used: none at all (a scan), or text
// that is not plausible Chinese (a font without a usable Unicode map).
struct UnreadablePage {
  int page = 0;  // 1-based
  bool garbled = false;
};

struct PdfText {
  std::vector<PdfParagraph> paragraphs;
  // Pages to OCR; then `paragraphs` is empty. Text-layer reader only.
  std::vector<UnreadablePage> unreadable;
  int ocr_pages = 0;           // pages read by OCR
  std::optional<Error> error;  // set instead of paragraphs on failure
};

struct PdfRequest {
  const char* data = nullptr;
  std::size_t size = 0;
  int max_pages = 0;
  const std::atomic<bool>* cancelled = nullptr;
  // OCR module only: every page by OCR, or only the unreadable ones; the
  // rendering resolution and its limit; worker threads.
  bool ocr_every_page = false;
  int dpi = 300;
  std::uint64_t max_render_pixels = 0;
  int jobs = 1;
};

// The modules' entry points, looked up by these names: the text-layer
// reader (liblawreport_pdf.so) and the OCR reader (liblawreport_ocr.so),
// which reads readable pages as the first does and OCRs the rest.
inline constexpr const char* kReadPdfSymbol = "lawreport_read_pdf";
inline constexpr const char* kReadPdfOcrSymbol = "lawreport_read_pdf_ocr";
using ReadPdfFunction = void (*)(const PdfRequest* request, PdfText* out);

// The module's file name, looked for beside the executable, then in
// ../lib/lawreport/ from it, then where the build put it.
inline constexpr const char* kPdfModuleName = "liblawreport_pdf.so";
inline constexpr const char* kOcrModuleName = "liblawreport_ocr.so";

}  // namespace lawreport::decode_internal

#endif  // LAWREPORT_DECODE_PDF_MODULE_H_
