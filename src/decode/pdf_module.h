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
#include <optional>
#include <string>
#include <vector>

#include "lawreport/status.h"
#include "lawreport/text.h"

namespace lawreport::decode_internal {

struct PdfParagraph {
  std::string text;
  std::vector<Text::PageMark> pages;  // where each page begins in `text`
};

struct PdfText {
  std::vector<PdfParagraph> paragraphs;
  std::optional<Error> error;  // set instead of paragraphs on failure
};

// The module's entry point, looked up by this name.
inline constexpr const char* kReadPdfSymbol = "lawreport_read_pdf";
using ReadPdfFunction = void (*)(const char* data, std::size_t size,
                                 int max_pages,
                                 const std::atomic<bool>* cancelled,
                                 PdfText* out);

// The module's file name, looked for beside the executable, then in
// ../lib/lawreport/ from it, then where the build put it.
inline constexpr const char* kPdfModuleName = "liblawreport_pdf.so";

}  // namespace lawreport::decode_internal

#endif  // LAWREPORT_DECODE_PDF_MODULE_H_
