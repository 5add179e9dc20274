#include "decode/module_loader.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <vector>

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

}  // namespace

OpenedModule OpenModule(const char* file_name, const char* symbol,
                        const char* build_path) {
  OpenedModule opened;
  std::vector<std::string> candidates;
  // An embedding host (the Python module, whose executable is python3)
  // names the directory of the reader modules.
  if (const char* directory = std::getenv("LAWREPORT_MODULE_DIR");
      directory != nullptr && *directory != '\0')
    candidates.push_back(std::string(directory) + "/" + file_name);
  const std::string here = ExecutableDirectory();
  if (!here.empty()) {
    candidates.push_back(here + "/" + file_name);
    candidates.push_back(here + "/../lib/lawreport/" + file_name);
  }
  if (build_path != nullptr) candidates.push_back(build_path);
  for (const std::string& candidate : candidates) {
    if (::access(candidate.c_str(), R_OK) != 0) continue;
    void* handle = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      opened.problem = ::dlerror();
      continue;
    }
    opened.entry = ::dlsym(handle, symbol);
    if (opened.entry != nullptr) return opened;
    opened.problem = candidate + " has no " + symbol;
  }
  if (opened.problem.empty()) {
    opened.problem = std::string(file_name) +
                     " is not installed beside the lawreport executable";
  }
  return opened;
}

}  // namespace lawreport::decode_internal
