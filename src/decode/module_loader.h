// Opening one of lawreport's reader modules on first use. Internal.
//
// Readers whose libraries are costly to load at every start (poppler for
// PDF; ICU, libxml2 and libzip for legacy encodings, HTML and DOCX) are built
// as modules beside the executable and opened with dlopen the first time an
// input needs them, so reading a UTF-8 text report loads none of them.
//
//   OpenModule("liblawreport_pdf.so", "lawreport_read_pdf", BUILD_PATH)
//   → {entry=<the function>, problem=""}
//   → {entry=nullptr, problem="liblawreport_pdf.so is not installed beside
//      the lawreport executable"}
#ifndef LAWREPORT_DECODE_MODULE_LOADER_H_
#define LAWREPORT_DECODE_MODULE_LOADER_H_

#include <string>

namespace lawreport::decode_internal {

struct OpenedModule {
  void* entry = nullptr;  // the address of `symbol`, or nullptr
  std::string problem;    // why it could not be opened
};

// Looks for `file_name` beside the executable, then in ../lib/lawreport/
// from it, then at `build_path` (where the build put it; may be null), and
// returns the address of `symbol` in the first that opens. Modules stay
// open for the life of the process.
OpenedModule OpenModule(const char* file_name, const char* symbol,
                        const char* build_path);

}  // namespace lawreport::decode_internal

#endif  // LAWREPORT_DECODE_MODULE_LOADER_H_
