// ReadPdf: opens the PDF module on first use (see pdf_module.h for why it
// is a module) and turns what it read into a Document.
#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <mutex>
#include <string>
#include <vector>

#include "decode/pdf_module.h"
#include "decode/readers.h"

namespace lawreport::decode_internal {
namespace {

std::string ExecutableDirectory() {
  std::vector<char> buffer(PATH_MAX + 1);
  const ssize_t length = ::readlink("/proc/self/exe", buffer.data(), PATH_MAX);
  if (length <= 0) return "";
  std::string path(buffer.data(), static_cast<std::size_t>(length));
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

struct Module {
  ReadPdfFunction read = nullptr;
  std::string problem;  // why it could not be opened
};

const Module& LoadModule() {
  static const Module module = [] {
    Module loaded;
    std::vector<std::string> candidates;
    const std::string here = ExecutableDirectory();
    if (!here.empty()) {
      candidates.push_back(here + "/" + kPdfModuleName);
      candidates.push_back(here + "/../lib/lawreport/" + kPdfModuleName);
    }
#ifdef LAWREPORT_PDF_MODULE_BUILD_PATH
    candidates.push_back(LAWREPORT_PDF_MODULE_BUILD_PATH);
#endif
    for (const std::string& candidate : candidates) {
      if (::access(candidate.c_str(), R_OK) != 0) continue;
      void* handle = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (handle == nullptr) {
        loaded.problem = ::dlerror();
        continue;
      }
      loaded.read =
          reinterpret_cast<ReadPdfFunction>(::dlsym(handle, kReadPdfSymbol));
      if (loaded.read != nullptr) return loaded;
      loaded.problem = candidate + " has no " + kReadPdfSymbol;
    }
    if (loaded.problem.empty()) {
      loaded.problem = std::string(kPdfModuleName) +
                       " is not installed beside the lawreport executable";
    }
    return loaded;
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
  module.read(bytes.data(), bytes.size(), options.max_pages,
              options.cancelled, &text);
  if (text.error) return *text.error;
  Document document;
  for (PdfParagraph& paragraph : text.paragraphs)
    document.AddPagedParagraph(std::move(paragraph.text),
                               std::move(paragraph.pages));
  return document;
}

}  // namespace lawreport::decode_internal
