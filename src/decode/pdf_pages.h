// Reading a PDF's pages into paragraphs, shared by the text-layer reader
// (liblawreport_pdf.so) and the OCR reader (liblawreport_ocr.so), so that
// words read by OCR become lines, table rows and paragraphs by the same
// rules as words from a text layer. Internal; links poppler.
//
//   a page whose text layer reads "¿›»¶ 300 30%" → kGarbled
//   a page with no text at all (a scan)           → kEmpty
//   "融安县2023年法治政府建设年度报告"               → kUsable
//   OCR of a page whose font draws "¿›»¶": "2外300 309%" at mean
//   confidence 32 of 100                           → not plausible
#ifndef LAWREPORT_DECODE_PDF_PAGES_H_
#define LAWREPORT_DECODE_PDF_PAGES_H_

#include <poppler-document.h>
#include <poppler-rectangle.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "decode/pdf_module.h"
#include "lawreport/status.h"

namespace lawreport::decode_internal {

// A word with its box in PDF points from the page's top left; confidence
// 0–100 for a word read by OCR, -1 for one from the text layer.
struct PdfWord {
  std::string text;
  poppler::rectf box;
  bool space_after = false;
  int confidence = -1;
  // OCR of a ruled table, cell by cell: the first word of a line of a cell,
  // parted from what stands before it on its line by a tab however near.
  bool starts_cell = false;
  double middle() const { return box.y() + box.height() / 2; }
};

enum class TextLayer { kUsable, kEmpty, kGarbled };

// Whether a page's words read as Chinese (or English) text. Garbled: over a
// fifth of the characters, spaces aside, fall outside CJK, ASCII and the
// punctuation and symbols reports print, or are U+FFFD, private-use or
// control characters — what a font's codes look like when read as Latin-1
// or MacRoman.
TextLayer ClassifyTextLayer(const std::vector<PdfWord>& words);

// What OCR read on one page, judged as a text layer is and by the engine's
// own confidence. A font that draws Latin-1 symbols for its codes (the PDF's
// text reads "¿›»¶ 300 30%" and its picture shows the same) gets CJK
// characters back from Tesseract all the same, "2外300 309%", at a mean
// confidence near 30 of 100, where the pages of a real scan read at 75 to 92
// (300 and 150 dpi, askew and noisy ones included). A page with fewer than
// kLeastCharactersToJudge characters (a page number, a stamp) is not judged.
inline constexpr std::size_t kLeastCharactersToJudge = 20;
inline constexpr int kLeastPlausibleConfidence = 55;
struct OcrReading {
  std::size_t characters = 0;
  int mean_confidence = 100;  // over characters, 0–100
  bool plausible = true;
};
OcrReading JudgeOcrReading(const std::vector<PdfWord>& words);

// Reads the words of the pages numbered in `pages` (1-based) by OCR, in
// that order; words in PDF points, as PdfWord says.
using OcrPagesFunction =
    std::function<Result<std::vector<std::vector<PdfWord>>>(
        const poppler::document& pdf, const std::vector<int>& pages)>;

// Reads the PDF request.data into out->paragraphs. Without `ocr` (the
// text-layer reader), a file with a garbled page, or with no text on any
// page, gets out->unreadable instead: the pages the caller may OCR. With
// `ocr`, those pages (every page with request.ocr_every_page) are read by
// it, and out->ocr_pages counts them.
void ReadPdfPages(const PdfRequest& request, const OcrPagesFunction* ocr,
                  PdfText* out);

// A page number line, dropped from the top or bottom of a page: "- 3 -",
// "—3—", "3", "第3页", "第 3 页 共 12 页", "3/12", "Page 3". The words of
// the forms are data/lexicon/pdf_lines.tsv's.
bool IsPageNumber(std::string_view line);

// A line that opens with a heading marker and so stays a line of its own
// even when the line above ran to the margin: "一、", "（三）", "3．", "(2)",
// "第一章" (the words of pdf_lines.tsv's heading role).
bool OpensWithMarker(std::string_view line);

}  // namespace lawreport::decode_internal

#endif  // LAWREPORT_DECODE_PDF_PAGES_H_
