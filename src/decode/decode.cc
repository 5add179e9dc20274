// Encoding decision and line splitting (see decode.h for the order of the
// encoding rules and why).
#include "lawreport/decode.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>

#include "decode/container_codec.h"
#include "decode/encoding.h"
#include "decode/formats_module.h"
#include "decode/readers.h"
#include "decode/text_tables.h"
#include "util/sha256.h"
#include "util/utf8.h"

namespace lawreport {
namespace {

using decode_internal::ContainerReading;
using decode_internal::ConversionFailure;
using decode_internal::Formats;
using decode_internal::FormatsModule;

// The decoded UTF-8: converted text when a conversion ran, else a view of
// the input itself, so a UTF-8 report (nearly all of them) is not copied.
struct Transcoded {
  std::optional<std::string> converted;
  std::string_view input;
  std::string encoding;
  bool bom = false;
  std::string warning;  // a guess made with little evidence
  std::string_view utf8() const {
    return converted ? std::string_view(*converted) : input;
  }
};

Error CannotDecode(const std::string& encoding, std::size_t offset) {
  return Error{ErrorCode::kBadEncoding, "not valid " + encoding +
                                            " text: bad byte at offset " +
                                            std::to_string(offset)};
}

// Converts with `encoding`; `skip` bytes of BOM are dropped first and added
// back to any reported offset so it points into the file as given.
Result<Transcoded> Convert(std::string_view bytes, const std::string& encoding,
                           std::size_t skip, bool bom) {
  Result<const FormatsModule*> formats = Formats(encoding + " text");
  if (!formats) return formats.error();
  auto converted = (*formats)->convert_to_utf8(bytes.substr(skip), encoding);
  if (auto* failure = std::get_if<ConversionFailure>(&converted)) {
    if (failure->unknown_encoding) {
      return Error{ErrorCode::kUnknownEncoding,
                   "unknown encoding '" + encoding + "'"};
    }
    return CannotDecode(encoding, failure->offset + skip);
  }
  return Transcoded{
      std::move(std::get<std::string>(converted)), {}, encoding, bom, {}};
}

// Text of a report is ASCII, CJK ideographs and CJK or full-width
// punctuation; binary data read as UTF-16 scatters over the whole range.
bool LooksLikeChineseText(std::string_view utf8_text) {
  std::size_t total = 0, plausible = 0;
  for (std::size_t offset = 0; offset < utf8_text.size();) {
    const utf8::CodePoint cp = utf8::Decode(utf8_text, offset);
    offset += cp.length;
    ++total;
    const char32_t c = cp.value;
    if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t' ||
        (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) ||
        (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2000 && c <= 0x206F)) {
      ++plausible;
    }
  }
  return total > 0 && plausible * 10 >= total * 9;
}

// UTF-16 without a BOM shows as NUL bytes on one parity (the high byte of
// ASCII characters). Returns "UTF-16LE", "UTF-16BE" or "".
std::string GuessBomlessUtf16(std::string_view bytes) {
  // Too short to tell UTF-16 from binary that happens to have NULs.
  constexpr std::size_t kMinBytes = 32;
  if (bytes.size() < kMinBytes || bytes.size() % 2 != 0) return "";
  std::size_t even_nuls = 0, odd_nuls = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\0') ++(i % 2 == 0 ? even_nuls : odd_nuls);
  }
  const std::size_t units = bytes.size() / 2;
  if (odd_nuls * 20 >= units && even_nuls * 50 <= odd_nuls) return "UTF-16LE";
  if (even_nuls * 20 >= units && odd_nuls * 50 <= even_nuls) return "UTF-16BE";
  Result<const FormatsModule*> formats = Formats("UTF-16 text");
  if (!formats) return "";
  if (auto detected = (*formats)->detect_charset(bytes)) {
    if (detected->name == "UTF-16LE" || detected->name == "UTF-16BE")
      return detected->name;
  }
  return "";
}

// ICU's GB18030 confidence on real reports is high (it counts the most
// frequent characters); a few bytes, or text that is not Chinese, score low.
constexpr int kMinGb18030Confidence = 30;

// Where a UTF-8 file cut mid-character begins its last, incomplete
// character, or npos. `bad` is the first invalid offset; everything before
// it must be UTF-8 with a character beyond ASCII, and everything from it a
// lead byte with fewer continuation bytes than it announces.
std::size_t TruncatedUtf8Tail(std::string_view bytes, std::size_t bad) {
  const auto lead = static_cast<unsigned char>(bytes[bad]);
  const std::size_t length = lead >= 0xF0 && lead <= 0xF4   ? 4
                             : lead >= 0xE0 && lead <= 0xEF ? 3
                             : lead >= 0xC2 && lead <= 0xDF ? 2
                                                            : 0;
  const std::size_t rest = bytes.size() - bad;
  if (length == 0 || rest >= length) return std::string_view::npos;
  for (std::size_t i = bad + 1; i < bytes.size(); ++i) {
    if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80)
      return std::string_view::npos;
  }
  const std::string_view before = bytes.substr(0, bad);
  const bool beyond_ascii =
      std::any_of(before.begin(), before.end(),
                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  return beyond_ascii ? bad : std::string_view::npos;
}

Result<Transcoded> Transcode(std::string_view bytes,
                             const DecodeOptions& options) {
  const auto starts_with = [&](std::string_view prefix) {
    return utf8::StartsWith(bytes, prefix);
  };
  if (!options.encoding.empty()) {
    std::size_t skip = 0;
    if (starts_with("\xEF\xBB\xBF") &&
        (options.encoding == "UTF-8" || options.encoding == "utf-8")) {
      skip = 3;
    }
    return Convert(bytes, options.encoding, skip, skip > 0);
  }
  if (starts_with("\xEF\xBB\xBF")) {
    const std::string_view rest = bytes.substr(3);
    const std::size_t bad = utf8::FirstInvalid(rest);
    if (bad != std::string_view::npos) return CannotDecode("UTF-8", bad + 3);
    return Transcoded{std::nullopt, rest, "UTF-8", true, {}};
  }
  if (starts_with("\xFF\xFE")) return Convert(bytes, "UTF-16LE", 2, true);
  if (starts_with("\xFE\xFF")) return Convert(bytes, "UTF-16BE", 2, true);

  const std::size_t first_nul = bytes.find('\0');
  if (first_nul != std::string_view::npos) {
    const std::string utf16 = GuessBomlessUtf16(bytes);
    if (!utf16.empty()) {
      Result<Transcoded> converted = Convert(bytes, utf16, 0, false);
      if (converted && converted->utf8().find('\0') == std::string::npos &&
          LooksLikeChineseText(converted->utf8())) {
        return converted;
      }
    }
    return Error{ErrorCode::kBinary, "contains NUL bytes (first at offset " +
                                         std::to_string(first_nul) +
                                         "): not a text file"};
  }

  const std::size_t utf8_bad = utf8::FirstInvalid(bytes);
  if (utf8_bad == std::string_view::npos)
    return Transcoded{std::nullopt, bytes, "UTF-8", false, {}};

  // UTF-8 cut short in the middle of its last character (a truncated
  // download, `head -c`): the bytes before are UTF-8 with at least one
  // Chinese character, so GB18030, which would accept them too, would only
  // turn them into other characters.
  if (const std::size_t cut = TruncatedUtf8Tail(bytes, utf8_bad);
      cut != std::string_view::npos) {
    const std::string what =
        "ends in the middle of a UTF-8 character (the last " +
        std::to_string(bytes.size() - cut) + " bytes, from offset " +
        std::to_string(cut) + "): a truncated file?";
    if (options.strict_encoding) {
      return Error{ErrorCode::kBadEncoding,
                   what + " Refused under --strict-encoding"};
    }
    std::string text(bytes.substr(0, cut));
    utf8::Append(text, utf8::kReplacement);
    Transcoded transcoded{std::move(text), {}, "UTF-8", false, {}};
    transcoded.warning = what + " Read as UTF-8, the cut character as U+FFFD";
    return transcoded;
  }

  Result<const FormatsModule*> formats = Formats("GB18030 text");
  if (!formats) return formats.error();
  // GB18030 accepts nearly any byte pairs, Big5 text included, so the
  // detector's view decides between the two: Big5 is read as Big5, and a
  // GB18030 guess it does not back is a warning (an error under
  // --strict-encoding) rather than silent garbage.
  const std::optional<decode_internal::Detection> detected =
      (*formats)->detect_charset(bytes);
  if (detected && detected->name == "Big5") {
    auto big5 = (*formats)->convert_to_utf8(bytes, "Big5");
    if (auto* text = std::get_if<std::string>(&big5))
      return Transcoded{std::move(*text), {}, "Big5", false, {}};
    return Error{ErrorCode::kBadEncoding,
                 "looks like Big5 but is not valid Big5 (bad byte at offset " +
                     std::to_string(std::get<ConversionFailure>(big5).offset) +
                     "); name the encoding with --encoding"};
  }
  auto gb18030 = (*formats)->convert_to_utf8(bytes, "GB18030");
  if (auto* text = std::get_if<std::string>(&gb18030)) {
    Transcoded transcoded{std::move(*text), {}, "GB18030", false, {}};
    const bool backed = detected && detected->name == "GB18030" &&
                        detected->confidence >= kMinGb18030Confidence;
    if (!backed) {
      const std::string what =
          "not UTF-8; read as GB18030, a guess with little evidence (" +
          (detected ? "the detector says " + detected->name + " at " +
                          std::to_string(detected->confidence) + "%"
                    : std::string("the detector has no answer")) +
          ")";
      if (options.strict_encoding) {
        return Error{ErrorCode::kBadEncoding,
                     what +
                         "; refused under --strict-encoding: name the "
                         "encoding with --encoding"};
      }
      transcoded.warning = what + "; name the encoding with --encoding";
    }
    return transcoded;
  }
  const std::size_t gb_bad = std::get<ConversionFailure>(gb18030).offset;
  return Error{
      ErrorCode::kBadEncoding,
      "not text in a supported encoding: not UTF-8 (bad byte at offset " +
          std::to_string(utf8_bad) + ") nor GB18030 (bad byte at offset " +
          std::to_string(gb_bad) + "); name the encoding with --encoding"};
}

using utf8::AsciiLowercase;

// The first bytes after a BOM and white space, lowercased.
std::string Head(std::string_view bytes) {
  std::string_view text = bytes.substr(0, 1024);
  if (utf8::StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  return AsciiLowercase(text.substr(first));
}

bool LooksLikeHtml(std::string_view bytes) {
  std::string head = Head(bytes);
  // Comments before the document element ("<!-- saved from url=… -->").
  while (head.rfind("<!--", 0) == 0) {
    const std::size_t end = head.find("-->");
    if (end == std::string::npos) return false;
    const std::size_t next = head.find_first_not_of(" \t\r\n", end + 3);
    if (next == std::string::npos) return false;
    head.erase(0, next);
  }
  for (const std::string_view start :
       {"<!doctype html", "<html", "<head", "<body", "<meta", "<title"}) {
    if (head.rfind(start, 0) == 0) return true;
  }
  return head.rfind("<?xml", 0) == 0 && head.find("<html") != std::string::npos;
}

InputFormat Sniff(std::string_view bytes) {
  // PDF readers accept junk before the header, within the first KiB.
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos)
    return InputFormat::kPdf;
  if (utf8::StartsWith(bytes, std::string_view("PK\x03\x04", 4)))
    return InputFormat::kDocx;
  if (LooksLikeHtml(bytes)) return InputFormat::kHtml;
  return InputFormat::kText;
}

std::string Extension(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos ||
      (slash != std::string_view::npos && dot < slash))
    return "";
  return AsciiLowercase(path.substr(dot + 1));
}

// The format to read `bytes` as, or why it cannot be read.
Result<InputFormat> ChooseFormat(std::string_view bytes,
                                 const DecodeOptions& options,
                                 std::string_view path) {
  if (utf8::StartsWith(bytes, "\xD0\xCF\x11\xE0")) {
    return Error{ErrorCode::kUnsupportedFormat,
                 "a Word 97-2003 (.doc) file: not supported; save it as .docx"};
  }
  const InputFormat sniffed = Sniff(bytes);
  switch (options.format) {
    case InputFormat::kAuto:
      break;
    case InputFormat::kDocx:
      if (sniffed != InputFormat::kDocx)
        return Error{ErrorCode::kUnsupportedFormat,
                     "not a DOCX file: it does not start with a ZIP signature"};
      return InputFormat::kDocx;
    case InputFormat::kPdf:
      if (sniffed != InputFormat::kPdf)
        return Error{ErrorCode::kUnsupportedFormat,
                     "not a PDF file: no %PDF- header"};
      return InputFormat::kPdf;
    default:
      return options.format;
  }
  const std::string extension = Extension(path);
  if ((extension == "pdf" || extension == "docx") &&
      (sniffed == InputFormat::kHtml || sniffed == InputFormat::kText)) {
    return Error{
        ErrorCode::kUnsupportedFormat,
        "named ." + extension + " but holds " +
            (sniffed == InputFormat::kHtml ? "an HTML page" : "plain text") +
            " (a failed download?); read it anyway with --format-in " +
            InputFormatName(sniffed)};
  }
  if ((extension == "htm" || extension == "html") &&
      sniffed == InputFormat::kText && Head(bytes).rfind('<', 0) == 0) {
    return InputFormat::kHtml;  // a fragment: "<div class=…>…"
  }
  return sniffed;
}

Error TooManyLines(std::size_t lines, const DecodeOptions& options) {
  return Error{ErrorCode::kLimitExceeded,
               std::to_string(lines) + " lines, over the limit of " +
                   std::to_string(options.max_lines) +
                   " (raise it with --max-lines)"};
}

Result<DecodedText> DecodeText(std::string_view bytes,
                               const DecodeOptions& options) {
  Result<Transcoded> transcoded = Transcode(bytes, options);
  if (!transcoded) return transcoded.error();
  const std::string_view utf8 = transcoded->utf8();
  if (const std::size_t nul = utf8.find('\0'); nul != std::string::npos) {
    return Error{ErrorCode::kBinary,
                 "contains NUL characters: not a text file"};
  }

  DecodedText decoded;
  decoded.source.encoding = transcoded->encoding;
  decoded.source.bom = transcoded->bom;
  decoded.source.encoding_warning = transcoded->warning;

  // Lines end at LF, CRLF or CR; a final line break does not open an empty
  // line.
  // Counted before any is read: each line costs some 200 bytes in the
  // Text and the outline, so a file of millions of empty or one-character
  // lines is refused by --max-lines before it costs that.
  const std::size_t line_feeds =
      static_cast<std::size_t>(std::count(utf8.begin(), utf8.end(), '\n'));
  const std::size_t breaks = line_feeds > 0
                                 ? line_feeds
                                 : static_cast<std::size_t>(std::count(
                                       utf8.begin(), utf8.end(), '\r'));
  const bool ends_with_break =
      !utf8.empty() && (utf8.back() == '\n' || utf8.back() == '\r');
  if (const std::size_t lines = breaks + (ends_with_break ? 0 : 1);
      !utf8.empty() && lines > options.max_lines) {
    return TooManyLines(lines, options);
  }
  decoded.text.Reserve(utf8.size() + 1, breaks + 1);
  std::size_t start = 0;
  while (start < utf8.size()) {
    // Sixteen bytes at a time (find_first_of would call memchr on "\r\n"
    // for every byte).
    static constexpr utf8::LeadByteStops kLineBreaks =
        utf8::LeadByteStops::Of("\n\r");
    const std::size_t end = utf8::SkipToStop(utf8, start, kLineBreaks);
    if (end - start > options.max_line_bytes) {
      return Error{ErrorCode::kLimitExceeded,
                   "line " + std::to_string(decoded.text.line_count() + 1) +
                       " is " + std::to_string(end - start) +
                       " bytes long, over the limit of " +
                       std::to_string(options.max_line_bytes) +
                       " (raise it with --max-line-bytes)"};
    }
    decoded.text.AppendLine(std::string_view(utf8).substr(start, end - start));
    if (end == utf8.size()) break;
    start = end + 1;
    if (utf8[end] == '\r' && start < utf8.size() && utf8[start] == '\n')
      ++start;
  }
  return decoded;
}

Result<DecodedText> FromDocument(const decode_internal::Document& document,
                                 const char* format, const char* encoding,
                                 const DecodeOptions& options) {
  DecodedText decoded;
  decoded.text = document.ToText();
  if (static_cast<std::uint64_t>(decoded.text.line_count()) >
      options.max_lines) {
    return TooManyLines(static_cast<std::size_t>(decoded.text.line_count()),
                        options);
  }
  decoded.source.format = format;
  decoded.source.encoding = encoding;
  decoded.source.ocr_pages = document.ocr_pages();
  for (int line = 1; line <= decoded.text.line_count(); ++line) {
    const Line& info = decoded.text.lines()[static_cast<std::size_t>(line - 1)];
    if (info.source_end - info.source_begin > options.max_line_bytes) {
      return Error{ErrorCode::kLimitExceeded,
                   "paragraph " + std::to_string(line) + " is " +
                       std::to_string(info.source_end - info.source_begin) +
                       " bytes long, over the limit of " +
                       std::to_string(options.max_line_bytes) +
                       " (raise it with --max-line-bytes)"};
    }
  }
  return decoded;
}

// Runs the reader for a container format in this process.
Result<ContainerReading> ReadContainerHere(InputFormat format,
                                           std::string_view bytes,
                                           const DecodeOptions& options) {
  switch (format) {
    case InputFormat::kHtml: {
      Result<const FormatsModule*> formats = Formats("HTML");
      if (!formats) return formats.error();
      Result<decode_internal::HtmlDocument> html =
          (*formats)->read_html(bytes, options);
      if (!html) return html.error();
      return ContainerReading{std::move(html->document),
                              std::move(html->encoding), html->bom};
    }
    case InputFormat::kDocx: {
      Result<const FormatsModule*> formats = Formats("DOCX");
      if (!formats) return formats.error();
      Result<decode_internal::Document> docx =
          (*formats)->read_docx(bytes, options);
      if (!docx) return docx.error();
      return ContainerReading{std::move(*docx), "UTF-8", false};
    }
    case InputFormat::kPdf: {
      Result<decode_internal::Document> pdf =
          decode_internal::ReadPdf(bytes, options);
      if (!pdf) return pdf.error();
      return ContainerReading{std::move(*pdf), "PDF", false};
    }
    default:
      return Error{
          ErrorCode::kUnsupportedFormat,
          std::string("not a container format: ") + InputFormatName(format)};
  }
}

}  // namespace

const char* InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kText:
      return "text";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kDocx:
      return "docx";
    case InputFormat::kPdf:
      return "pdf";
  }
  return "auto";
}

Result<DecodedText> Decode(std::string_view bytes, const DecodeOptions& options,
                           std::string_view path) {
  if (bytes.size() > options.max_bytes) {
    return Error{ErrorCode::kTooLarge,
                 "input is " + std::to_string(bytes.size()) +
                     " bytes, over the limit of " +
                     std::to_string(options.max_bytes) +
                     " bytes (raise it with --max-bytes)"};
  }
  if (bytes.empty()) return Error{ErrorCode::kEmpty, "empty file"};
  Result<InputFormat> format = ChooseFormat(bytes, options, path);
  if (!format) return format.error();

  Result<DecodedText> decoded = Error{ErrorCode::kEmpty, ""};
  if (*format == InputFormat::kText) {
    decoded = DecodeText(bytes, options);
    if (decoded) decode_internal::FindTextTables(decoded->text);
  } else {
    Result<ContainerReading> reading = Error{ErrorCode::kEmpty, ""};
    std::optional<Result<std::string>> elsewhere;
    if (options.read_container)
      elsewhere = options.read_container(*format, bytes, path, options);
    if (!elsewhere) {
      reading = ReadContainerHere(*format, bytes, options);
    } else if (!*elsewhere) {
      reading = elsewhere->error();
    } else {
      reading = decode_internal::DecodeReading(**elsewhere);
    }
    if (!reading) return reading.error();
    const char* encoding = *format == InputFormat::kHtml
                               ? reading->encoding.c_str()
                           : *format == InputFormat::kDocx ? "UTF-8"
                                                           : "PDF";
    decoded = FromDocument(std::move(reading->document),
                           InputFormatName(*format), encoding, options);
    if (decoded) decoded->source.bom = reading->bom;
    // The PDF reader keeps a table row's cells on one line, parted by
    // tabs: the same table model as text from then on.
    if (decoded && *format == InputFormat::kPdf)
      decode_internal::FindTextTables(decoded->text);
  }
  if (!decoded) return decoded.error();
  decoded->source.bytes = bytes.size();
  decoded->source.sha256 = Sha256Hex(bytes);

  const std::string& normalized = decoded->text.normalized();
  if (normalized.find_first_not_of(" \n") == std::string::npos) {
    return Error{ErrorCode::kEmpty,
                 *format == InputFormat::kText
                     ? "no text: the file holds only whitespace"
                     : std::string("no text: the ") + InputFormatName(*format) +
                           " document holds no paragraphs"};
  }
  return decoded;
}

std::string ReadContainer(InputFormat format, std::string_view bytes,
                          const DecodeOptions& options) {
  return decode_internal::EncodeReading(
      ReadContainerHere(format, bytes, options));
}

Result<DecodedText> DecodeFile(const std::string& path,
                               const DecodeOptions& options) {
  Result<std::string> bytes =
      ReadInput(path, options.max_bytes, options.cancelled);
  if (!bytes) return bytes.error();
  Result<DecodedText> decoded = Decode(*bytes, options, path);
  if (decoded) decoded->source.path = path;
  return decoded;
}

}  // namespace lawreport
