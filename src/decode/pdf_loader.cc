// ReadPdf: opens the PDF module on first use (see pdf_module.h for why it
// is a module) and turns what it read into a Document.
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

}  // namespace

Result<Document> ReadPdf(std::string_view bytes, const DecodeOptions& options) {
  const Module& module = LoadModule();
  if (module.read == nullptr) {
    return Error{ErrorCode::kUnsupportedFormat,
                 "PDF support is missing: " + module.problem};
  }
  PdfText text;
  module.read(bytes.data(), bytes.size(), options.max_pages, options.cancelled,
              &text);
  if (text.error) return *text.error;
  Document document;
  for (PdfParagraph& paragraph : text.paragraphs)
    document.AddPagedParagraph(std::move(paragraph.text),
                               std::move(paragraph.pages));
  return document;
}

}  // namespace lawreport::decode_internal
