// Opening one of lawreport's reader modules on first use. Internal.
//
// Readers whose libraries are costly to load at every start (poppler for
// PDF; ICU, libxml2 and libzip for legacy encodings, HTML and DOCX) are built
// as modules and opened with dlopen the first time an input needs them, so
// reading a UTF-8 text report loads none of them.
//
// Where the modules are is never a path compiled in: they are looked for
// relative to the file that holds this code (the lawreport executable, or a
// Python extension that links lawreport_core), in the directories CMake
// computed for the build tree and for an installed prefix
// (LAWREPORT_MODULE_SEARCH_DIRS), or only in $LAWREPORT_MODULE_DIR when set.
//
//   OpenModule("liblawreport_pdf.so", "lawreport_read_pdf")
//   → {entry=<the function>, problem=""}
//   → {entry=nullptr, problem="liblawreport_pdf.so was not found (looked in
//      /opt/lr/bin, /opt/lr/lib/lawreport; set LAWREPORT_MODULE_DIR to the
//      directory that holds it)"}
#ifndef LAWREPORT_DECODE_MODULE_LOADER_H_
#define LAWREPORT_DECODE_MODULE_LOADER_H_

#include <string>
#include <vector>

namespace lawreport::decode_internal {

struct OpenedModule {
  void* entry = nullptr;  // the address of `symbol`, or nullptr
  std::string problem;    // why it could not be opened
};

// The directories searched for a module, in order: $LAWREPORT_MODULE_DIR
// alone when it is set and not empty, otherwise each relative directory of
// LAWREPORT_MODULE_SEARCH_DIRS ("where=relative:…", computed by CMake)
// resolved against the directory of the file that contains lawreport_core's
// code, each only when that directory ends with `where`: "bin=../lib/lawreport"
// applies to /opt/lr/bin, "tests=.." to build/dev/tests, "=." everywhere.
std::vector<std::string> ModuleSearchDirectories();

// Returns the address of `symbol` in the first `file_name` found in
// ModuleSearchDirectories() that opens. Modules stay open for the life of
// the process.
OpenedModule OpenModule(const char* file_name, const char* symbol);

}  // namespace lawreport::decode_internal

#endif  // LAWREPORT_DECODE_MODULE_LOADER_H_
