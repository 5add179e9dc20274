// Byte forms of a container request and a container reading (see
// container_codec.h and decode.h). Integers are little-endian and of fixed
// width, strings are a 64-bit length and their bytes, and every form opens
// with a tag that names it and its version, so a worker from another build
// is refused rather than misread.
#include "decode/container_codec.h"

#include <cstdint>
#include <utility>
#include <variant>

#include "lawreport/decode.h"

namespace lawreport {
namespace {

constexpr std::string_view kRequestTag = "LRQ1";
constexpr std::string_view kReadingTag = "LRD1";

class ByteWriter {
 public:
  void Raw(std::string_view bytes) { out_.append(bytes); }
  void U64(std::uint64_t value) {
    for (int i = 0; i < 8; ++i)
      out_.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
  }
  void I64(std::int64_t value) { U64(static_cast<std::uint64_t>(value)); }
  void U8(std::uint8_t value) { out_.push_back(static_cast<char>(value)); }
  void Str(std::string_view value) {
    U64(value.size());
    out_.append(value);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what ByteWriter wrote; any read past the end marks it failed and
// returns zeros, so a decoder checks ok() once at the end.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
  bool ok() const { return ok_; }
  // A field that decoded but breaks a promise of the format.
  void Refuse() { ok_ = false; }
  bool AtEnd() const { return at_ == bytes_.size(); }
  bool Tag(std::string_view tag) {
    if (bytes_.substr(at_, tag.size()) != tag) return ok_ = false;
    at_ += tag.size();
    return true;
  }
  std::uint64_t U64() {
    if (!Need(8)) return 0;
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) {
      value |= static_cast<std::uint64_t>(
                   static_cast<unsigned char>(bytes_[at_ + i]))
               << (8 * i);
    }
    at_ += 8;
    return value;
  }
  std::int64_t I64() { return static_cast<std::int64_t>(U64()); }
  int Int() {
    const std::int64_t value = I64();
    if (value < INT32_MIN || value > INT32_MAX) ok_ = false;
    return ok_ ? static_cast<int>(value) : 0;
  }
  std::uint8_t U8() {
    if (!Need(1)) return 0;
    return static_cast<std::uint8_t>(bytes_[at_++]);
  }
  bool Bool() {
    const std::uint8_t value = U8();
    if (value > 1) ok_ = false;
    return value == 1;
  }
  std::string_view Str() {
    const std::uint64_t size = U64();
    if (!Need(size)) return {};
    const std::string_view value = bytes_.substr(at_, size);
    at_ += size;
    return value;
  }
  // A count of items that take at least `min_item_bytes` each: more than
  // what is left cannot be right (and must not drive a long loop).
  std::uint64_t Count(std::size_t min_item_bytes) {
    const std::uint64_t count = U64();
    if (ok_ && count > (bytes_.size() - at_) / min_item_bytes) ok_ = false;
    return ok_ ? count : 0;
  }

 private:
  bool Need(std::uint64_t size) {
    if (!ok_ || size > bytes_.size() - at_) return ok_ = false;
    return true;
  }
  std::string_view bytes_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

Error Malformed(const char* what) {
  return Error{ErrorCode::kDamaged,
               std::string("internal error: a worker process sent a ") + what +
                   " that cannot be read"};
}

void WriteParagraph(ByteWriter& out,
                    const decode_internal::ParagraphBlock& paragraph) {
  out.U8(0);
  out.Str(paragraph.text);
  out.U8(paragraph.page_title ? 1 : 0);
  out.U64(paragraph.pages.size());
  for (const Text::PageMark& mark : paragraph.pages) {
    out.U64(mark.offset);
    out.I64(mark.page);
  }
  out.U64(paragraph.ocr.size());
  for (const Text::OcrMark& mark : paragraph.ocr) {
    out.U64(mark.offset);
    out.I64(mark.confidence);
  }
}

void WriteTable(ByteWriter& out, const decode_internal::TableBlock& table) {
  out.U8(1);
  out.U64(table.rows.size());
  for (const std::vector<decode_internal::CellBlock>& row : table.rows) {
    out.U64(row.size());
    for (const decode_internal::CellBlock& cell : row) {
      out.Str(cell.text);
      out.I64(cell.row_span);
      out.I64(cell.column_span);
    }
  }
}

decode_internal::ParagraphBlock ReadParagraph(ByteReader& in) {
  decode_internal::ParagraphBlock paragraph;
  paragraph.text = std::string(in.Str());
  paragraph.page_title = in.Bool();
  // A reader marks where pages and OCR'd text begin in order and inside
  // the paragraph; a reply that says otherwise came from a worker that
  // went wrong, and is refused rather than handed to the outline.
  std::uint64_t previous = 0;
  for (std::uint64_t i = 0, n = in.Count(16); i < n && in.ok(); ++i) {
    Text::PageMark mark;
    mark.offset = in.U64();
    mark.page = in.Int();
    if (mark.offset < previous || mark.offset > paragraph.text.size())
      in.Refuse();
    previous = mark.offset;
    paragraph.pages.push_back(mark);
  }
  previous = 0;
  for (std::uint64_t i = 0, n = in.Count(16); i < n && in.ok(); ++i) {
    Text::OcrMark mark;
    mark.offset = in.U64();
    mark.confidence = in.Int();
    if (mark.offset < previous || mark.offset > paragraph.text.size())
      in.Refuse();
    previous = mark.offset;
    paragraph.ocr.push_back(mark);
  }
  return paragraph;
}

decode_internal::TableBlock ReadTable(ByteReader& in) {
  decode_internal::TableBlock table;
  for (std::uint64_t r = 0, rows = in.Count(8); r < rows && in.ok(); ++r) {
    std::vector<decode_internal::CellBlock>& row = table.rows.emplace_back();
    for (std::uint64_t c = 0, cells = in.Count(24); c < cells && in.ok(); ++c) {
      decode_internal::CellBlock cell;
      cell.text = std::string(in.Str());
      cell.row_span = in.Int();
      cell.column_span = in.Int();
      row.push_back(std::move(cell));
    }
  }
  return table;
}

}  // namespace

std::string EncodeContainerRequest(InputFormat format, std::string_view path,
                                   std::string_view bytes,
                                   const DecodeOptions& options) {
  ByteWriter out;
  out.Raw(kRequestTag);
  out.U8(static_cast<std::uint8_t>(format));
  out.Str(path);
  out.Str(options.encoding);
  out.U8(options.strip_boilerplate ? 1 : 0);
  out.U64(options.max_bytes);
  out.U64(options.max_unzipped_bytes);
  out.U64(options.max_zip_entries);
  out.I64(options.max_pages);
  out.U64(options.max_line_bytes);
  out.U8(options.strict_encoding ? 1 : 0);
  out.U8(static_cast<std::uint8_t>(options.ocr));
  out.I64(options.ocr_dpi);
  out.U64(options.max_render_pixels);
  out.I64(options.ocr_jobs);
  out.Str(bytes);
  return out.Take();
}

Result<ContainerRequest> DecodeContainerRequest(std::string_view encoded) {
  ByteReader in(encoded);
  ContainerRequest request;
  in.Tag(kRequestTag);
  const std::uint8_t format = in.U8();
  if (format > static_cast<std::uint8_t>(InputFormat::kPdf))
    return Malformed("request");
  request.format = static_cast<InputFormat>(format);
  request.path = std::string(in.Str());
  DecodeOptions& options = request.options;
  options.encoding = std::string(in.Str());
  options.strip_boilerplate = in.Bool();
  options.max_bytes = in.U64();
  options.max_unzipped_bytes = in.U64();
  options.max_zip_entries = in.U64();
  options.max_pages = in.Int();
  options.max_line_bytes = in.U64();
  options.strict_encoding = in.Bool();
  const std::uint8_t ocr = in.U8();
  if (ocr > static_cast<std::uint8_t>(OcrMode::kNever))
    return Malformed("request");
  options.ocr = static_cast<OcrMode>(ocr);
  options.ocr_dpi = in.Int();
  options.max_render_pixels = in.U64();
  options.ocr_jobs = in.Int();
  request.bytes = std::string(in.Str());
  if (!in.ok() || !in.AtEnd()) return Malformed("request");
  return request;
}

namespace decode_internal {

std::string EncodeReading(const Result<ContainerReading>& reading) {
  ByteWriter out;
  out.Raw(kReadingTag);
  if (!reading) {
    out.U8(1);
    out.U64(static_cast<std::uint64_t>(reading.error().code));
    out.Str(reading.error().message);
    return out.Take();
  }
  out.U8(0);
  out.Str(reading->encoding);
  out.U8(reading->bom ? 1 : 0);
  out.I64(reading->document.ocr_pages());
  out.U64(reading->document.blocks().size());
  for (const Block& block : reading->document.blocks()) {
    if (const auto* paragraph = std::get_if<ParagraphBlock>(&block)) {
      WriteParagraph(out, *paragraph);
    } else {
      WriteTable(out, std::get<TableBlock>(block));
    }
  }
  return out.Take();
}

Result<ContainerReading> DecodeReading(std::string_view encoded) {
  ByteReader in(encoded);
  in.Tag(kReadingTag);
  const std::uint8_t status = in.U8();
  if (!in.ok() || status > 1) return Malformed("reading");
  if (status == 1) {
    const std::uint64_t code = in.U64();
    std::string message(in.Str());
    if (!in.ok() || !in.AtEnd() ||
        code > static_cast<std::uint64_t>(ErrorCode::kLimitExceeded))
      return Malformed("reading");
    return Error{static_cast<ErrorCode>(code), std::move(message)};
  }
  ContainerReading reading;
  reading.encoding = std::string(in.Str());
  reading.bom = in.Bool();
  reading.document.set_ocr_pages(in.Int());
  for (std::uint64_t i = 0, n = in.Count(9); i < n && in.ok(); ++i) {
    const std::uint8_t kind = in.U8();
    if (kind == 0) {
      reading.document.AddBlockAsRead(ReadParagraph(in));
    } else if (kind == 1) {
      reading.document.AddBlockAsRead(ReadTable(in));
    } else {
      return Malformed("reading");
    }
  }
  if (!in.ok() || !in.AtEnd()) return Malformed("reading");
  return reading;
}

}  // namespace decode_internal
}  // namespace lawreport
