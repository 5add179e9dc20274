// The formats module's boundary. Internal.
//
// Reading a legacy encoding (GB18030, UTF-16), an HTML page or a DOCX needs
// ICU, libxml2 and libzip, and libzip brings libcrypto: loading and
// relocating them took about ten of the milliseconds lawreport needs to
// start, although most inputs are UTF-8 text that needs none of them. So
// these readers are a module, liblawreport_formats.so, opened with dlopen
// the first time an input needs one (module_loader.h), and this header is
// the whole interface between the two: a table of the readers, looked up by
// one name with C linkage. Both sides are built together by one compiler,
// so the table passes the same C++ types the readers use.
//
//   Formats()                        → the table, or why it is missing
//   (*Formats())->read_html(bytes, options)
//     → HtmlDocument{Document{"一、总体工作情况", …}, "GB18030"}
#ifndef LAWREPORT_DECODE_FORMATS_MODULE_H_
#define LAWREPORT_DECODE_FORMATS_MODULE_H_

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "decode/document.h"
#include "decode/encoding.h"
#include "decode/readers.h"
#include "lawreport/decode.h"
#include "lawreport/status.h"

namespace lawreport::decode_internal {

struct FormatsModule {
  // Changed whenever a member changes, so a stale module beside a newer
  // executable is refused rather than called wrongly.
  int interface_version = 0;
  std::variant<std::string, ConversionFailure> (*convert_to_utf8)(
      std::string_view bytes, const std::string& encoding) = nullptr;
  std::optional<Detection> (*detect_charset)(std::string_view bytes) = nullptr;
  Result<HtmlDocument> (*read_html)(std::string_view bytes,
                                    const DecodeOptions& options) = nullptr;
  Result<Document> (*read_docx)(std::string_view bytes,
                                const DecodeOptions& options) = nullptr;
};

inline constexpr int kFormatsInterfaceVersion = 2;

// The module's entry point, looked up by this name: returns its table.
inline constexpr const char* kFormatsSymbol = "lawreport_formats_module";
using FormatsEntry = const FormatsModule* (*)();

inline constexpr const char* kFormatsModuleName = "liblawreport_formats.so";

// The table, opened on first call (thread-safe), or an error saying what
// is missing for `what` ("GB18030 text", "HTML", "DOCX").
Result<const FormatsModule*> Formats(std::string_view what);

}  // namespace lawreport::decode_internal

#endif  // LAWREPORT_DECODE_FORMATS_MODULE_H_
