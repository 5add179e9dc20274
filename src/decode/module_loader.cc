#include "decode/module_loader.h"

#include <dlfcn.h>
#include <link.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <string_view>

namespace lawreport::decode_internal {
namespace {

#ifndef LAWREPORT_MODULE_SEARCH_DIRS
#define LAWREPORT_MODULE_SEARCH_DIRS "=."
#endif

std::string DirectoryOf(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string ExecutablePath() {
  char buffer[PATH_MAX + 1];
  const ssize_t length = ::readlink("/proc/self/exe", buffer, PATH_MAX);
  if (length <= 0) return "";
  return std::string(buffer, static_cast<std::size_t>(length));
}

// The file this code was linked into: the lawreport executable, or a shared
// object (the Python extension) that links lawreport_core statically. dladdr
// names a shared object by the path it was opened with, but the executable
// by argv[0], which may be relative or a bare name found on PATH, so the
// executable is read from /proc instead.
std::string LoaderObjectPath() {
  Dl_info info{};
  link_map* map = nullptr;
  void* self = reinterpret_cast<void*>(&ModuleSearchDirectories);
  if (::dladdr1(self, &info, reinterpret_cast<void**>(&map), RTLD_DL_LINKMAP) ==
          0 ||
      map == nullptr || map->l_name == nullptr || map->l_name[0] == '\0') {
    return ExecutablePath();
  }
  char resolved[PATH_MAX + 1];
  if (::realpath(map->l_name, resolved) == nullptr) return map->l_name;
  return resolved;
}

// base/relative with "." and ".." resolved in the text, so a message names
// /opt/lr/lib/lawreport rather than /opt/lr/bin/../lib/lawreport. `base` is
// absolute and already free of symbolic links.
std::string Normalized(const std::string& base, std::string_view relative) {
  std::vector<std::string_view> parts;
  const std::string joined = base + "/" + std::string(relative);
  std::string_view rest = joined;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view part = rest.substr(0, slash);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  std::string normalized;
  for (const std::string_view part : parts) {
    normalized += '/';
    normalized += part;
  }
  return normalized.empty() ? "/" : normalized;
}

// Whether `directory` ends with the whole path components `where`
// ("bin", "python/lawreport"); an empty `where` or "." matches any.
bool EndsWithDirectories(std::string_view directory, std::string_view where) {
  if (where.empty() || where == ".") return true;
  if (directory.size() < where.size() + 1) return false;
  return directory.substr(directory.size() - where.size()) == where &&
         directory[directory.size() - where.size() - 1] == '/';
}

std::string JoinedForMessage(const std::vector<std::string>& directories) {
  std::string joined;
  for (const std::string& directory : directories) {
    if (!joined.empty()) joined += ", ";
    joined += directory;
  }
  return joined;
}

}  // namespace

std::vector<std::string> ModuleSearchDirectories() {
  const char* override_directory = std::getenv("LAWREPORT_MODULE_DIR");
  if (override_directory != nullptr && override_directory[0] != '\0')
    return {override_directory};
  const std::string object = LoaderObjectPath();
  if (object.empty()) return {};
  const std::string here = DirectoryOf(object);
  std::vector<std::string> directories;
  std::string_view entries = LAWREPORT_MODULE_SEARCH_DIRS;
  while (!entries.empty()) {
    const std::size_t colon = entries.find(':');
    const std::string_view entry = entries.substr(0, colon);
    const std::size_t equals = entry.find('=');
    const std::string_view where =
        equals == std::string_view::npos ? "" : entry.substr(0, equals);
    const std::string_view relative =
        equals == std::string_view::npos ? entry : entry.substr(equals + 1);
    if (EndsWithDirectories(here, where)) {
      const std::string candidate = Normalized(here, relative);
      bool seen = false;
      for (const std::string& directory : directories)
        seen = seen || directory == candidate;
      if (!seen) directories.push_back(candidate);
    }
    if (colon == std::string_view::npos) break;
    entries.remove_prefix(colon + 1);
  }
  return directories;
}

OpenedModule OpenModule(const char* file_name, const char* symbol) {
  OpenedModule opened;
  const std::vector<std::string> directories = ModuleSearchDirectories();
  for (const std::string& directory : directories) {
    const std::string candidate = directory + "/" + file_name;
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
    const char* override_directory = std::getenv("LAWREPORT_MODULE_DIR");
    opened.problem =
        override_directory != nullptr && override_directory[0] != '\0'
            ? std::string(file_name) +
                  " is not in LAWREPORT_MODULE_DIR=" + override_directory
            : std::string(file_name) + " was not found (looked in " +
                  JoinedForMessage(directories) +
                  "; set LAWREPORT_MODULE_DIR to the directory that holds "
                  "it)";
  }
  return opened;
}

}  // namespace lawreport::decode_internal
