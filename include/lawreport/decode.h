// decode: bytes → Text.
//
// Reads a report from a path or stdin, decides its format and encoding and
// produces the two-form Text model (see text.h).
//
// The format comes from the first bytes, not the file name ("%PDF-" → PDF,
// a ZIP with word/document.xml → DOCX, "<!DOCTYPE html" or "<html" → HTML,
// else text), unless --format-in names one. Only one name is trusted: an
// HTML page or text saved as .pdf or .docx is refused, since that is what a
// failed download looks like. Container readers (src/decode/*_reader.cc)
// turn the container into paragraphs and table cells, one per line of the
// Text:
//   <p>（一）加强党的领导</p><table>…</table>  →
//   "（一）加强党的领导\n信息内容\n…" a DOCX heading numbered by Word as
//   "（一）" → "（一）加强党的领导" a PDF page → its lines re-flowed into
//   paragraphs, headers and page
//                numbers dropped, each line knowing its page
//
// The encoding of text and HTML is decided here and only here, in this
// order:
//   1. --encoding NAME, when given (any converter name ICU knows: "GBK",
//      "GB2312", "Big5", "UTF-16LE" …);
//   2. a byte-order mark: EF BB BF → UTF-8, FF FE → UTF-16LE, FE FF → UTF-16BE;
//   3. valid UTF-8 → UTF-8 (plain ASCII is reported as UTF-8);
//   4. UTF-16 without a BOM, when NUL bytes fall on one parity and the text
//      decodes cleanly (ICU's charset detector agreeing);
//   5. UTF-8 cut short mid-character at the very end (a truncated file):
//      UTF-8, the cut character as U+FFFD, with a warning;
//   6. Big5, when ICU's charset detector says so (GB18030 would accept
//      most Big5 bytes and turn them into garbage);
//   7. GB18030, which covers GBK and GB2312, decoded strictly; with a
//      warning when the detector does not back it (a few bytes).
// Anything else is an Error naming the first byte that is not text. Under
// strict_encoding (--strict-encoding) the warnings of 5 and 7 are errors.
//
//   "\xC8\xDA\xB0\xB2\xCF\xD8" (GBK) → Text{normalized="融安县"}, encoding
//   "GB18030"
//   "\xFF\xFE\x4D\x87\x89\x5B"       → Text{normalized="融安"}, encoding
//   "UTF-16LE"
#ifndef LAWREPORT_DECODE_H_
#define LAWREPORT_DECODE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "lawreport/status.h"
#include "lawreport/text.h"

namespace lawreport {

inline constexpr std::uint64_t kDefaultMaxBytes = 64ull * 1024 * 1024;
inline constexpr std::uint64_t kDefaultMaxUnzippedBytes = 64ull * 1024 * 1024;
inline constexpr std::uint64_t kDefaultMaxZipEntries = 10000;
inline constexpr int kDefaultMaxPages = 2000;
inline constexpr std::uint64_t kDefaultMaxLineBytes = 16ull * 1024 * 1024;
// A text of more lines (paragraphs of HTML, DOCX and PDF) is refused: each
// line costs some 200 bytes in the text and its outline, so a file of
// millions of empty or one-character lines would cost a hundred times its
// size; a real report has hundreds of lines, a long one tens of thousands.
inline constexpr std::uint64_t kDefaultMaxLines = 1000000;
// A report in which more numbers are written (figures, years, list
// numbers) is refused. Each figure costs about 1.5 KB between its reading
// and its output, so this bounds what one file can take (about 150 MB);
// the longest real reports hold a few hundred figures (a provincial work
// report of 96 KB: 356).
inline constexpr std::uint64_t kDefaultMaxNumbers = 100000;
// HTML and XML elements nested deeper than this are refused (libxml2's own
// limit for XML without XML_PARSE_HUGE).
inline constexpr int kMaxMarkupDepth = 256;

enum class InputFormat { kAuto, kText, kHtml, kDocx, kPdf };

// PDF pages without a usable text layer (a scan, or a font whose codes
// map to no Unicode: "¿›»¶ 300 30%") are read by OCR (Tesseract, chi_sim)
// when the OCR module is installed: kAuto does so for those pages only,
// kAlways for every page, kNever refuses such a file with the page named.
enum class OcrMode { kAuto, kAlways, kNever };

// Scans are rendered at this resolution: Chinese characters at 10.5 pt
// are then some 44 pixels high, where Tesseract reads them best.
inline constexpr int kDefaultOcrDpi = 300;
// A page rendered larger than this many pixels is refused (a 300 dpi A3
// page is 17.4 million).
inline constexpr std::uint64_t kDefaultMaxRenderPixels = 40ull * 1000 * 1000;
// "auto", "text", "html", "docx", "pdf".
const char* InputFormatName(InputFormat format);

struct DecodeOptions;

// Reads an HTML, DOCX or PDF container somewhere else than in this
// process's own call stack: the CLI runs the readers that call third-party
// parsers (libxml2, libzip, poppler, Tesseract) in worker processes under
// memory and CPU limits, so that a parser's crash or runaway allocation
// costs one file, not the batch. Given the container's format, its bytes,
// its path (for messages) and the options, it returns:
//   nullopt       read it here, in-process (the plain library behaviour);
//   an Error      the reading failed outside the reader ("the PDF reader
//                 crashed (signal 11)"): that file's error;
//   a string      what ReadContainer returned in the other process.
using ContainerReader = std::function<std::optional<Result<std::string>>(
    InputFormat format, std::string_view bytes, std::string_view path,
    const DecodeOptions& options)>;

struct DecodeOptions {
  std::string encoding;  // empty: detect (text and HTML only)
  InputFormat format = InputFormat::kAuto;  // --format-in
  // HTML: keep only the main content block and the title before it.
  bool strip_boilerplate = true;
  std::uint64_t max_bytes = kDefaultMaxBytes;
  std::uint64_t max_unzipped_bytes = kDefaultMaxUnzippedBytes;  // DOCX
  std::uint64_t max_zip_entries = kDefaultMaxZipEntries;        // DOCX
  int max_pages = kDefaultMaxPages;                             // PDF
  std::uint64_t max_line_bytes = kDefaultMaxLineBytes;
  std::uint64_t max_lines = kDefaultMaxLines;
  // Checked by the numbers stage, not by a reader (so a worker process is
  // not sent it); kept with the input limits so every command and the
  // Python module take it as they take them.
  std::uint64_t max_numbers = kDefaultMaxNumbers;
  // Refuse a text whose encoding is only a weak guess (see above).
  bool strict_encoding = false;
  OcrMode ocr = OcrMode::kAuto;  // --ocr
  int ocr_dpi = kDefaultOcrDpi;
  std::uint64_t max_render_pixels = kDefaultMaxRenderPixels;
  int ocr_jobs = 1;  // pages OCR'd at once
  // Set by a batch runner to stop work on a file it has given up on
  // (--timeout); checked between PDF pages and between stages.
  const std::atomic<bool>* cancelled = nullptr;
  // Empty: containers are read in this process. Plain text never goes
  // through it.
  ContainerReader read_container;
};

// --- Reading a container in a worker process --------------------------------
// The request a ContainerReader sends and the reading it gets back are byte
// strings, so they can cross a pipe; the reading rebuilds exactly the
// paragraphs, page marks, OCR marks and tables the reader produced.
//
//   parent: EncodeContainerRequest(kPdf, "a.pdf", bytes, options) → pipe →
//   worker: DecodeContainerRequest(…) → ReadContainer(kPdf, bytes, options)
//           → pipe → parent's Decode takes the string as the reader's result.
struct ContainerRequest {
  InputFormat format = InputFormat::kAuto;
  std::string path;
  std::string bytes;
  // Every field that steers a reader; `cancelled` and `read_container`
  // are not sent.
  DecodeOptions options;
};
std::string EncodeContainerRequest(InputFormat format, std::string_view path,
                                   std::string_view bytes,
                                   const DecodeOptions& options);
Result<ContainerRequest> DecodeContainerRequest(std::string_view encoded);

// Runs the reader for `format` (kHtml, kDocx or kPdf) here and returns its
// reading, or the Error it refused the file with, encoded for Decode.
std::string ReadContainer(InputFormat format, std::string_view bytes,
                          const DecodeOptions& options);

// The bytes of a file ("-" reads stdin), refusing missing paths,
// directories, unreadable files and anything over max_bytes.
Result<std::string> ReadInput(const std::string& path, std::uint64_t max_bytes);
// The same, giving up (an Error) once `cancelled` is set while it waits on
// a pipe or terminal that sends nothing (stdin left open, a FIFO).
Result<std::string> ReadInput(const std::string& path, std::uint64_t max_bytes,
                              const std::atomic<bool>* cancelled);

struct DecodedText {
  Text text;
  SourceInfo source;  // path is left empty; the caller knows it
};

// Decodes and normalizes bytes already in memory. `path`, when known, only
// serves to refuse an HTML page or text named .pdf or .docx.
Result<DecodedText> Decode(std::string_view bytes, const DecodeOptions& options,
                           std::string_view path = {});

// ReadInput + Decode, with source.path filled in.
Result<DecodedText> DecodeFile(const std::string& path,
                               const DecodeOptions& options);

}  // namespace lawreport

#endif  // LAWREPORT_DECODE_H_
