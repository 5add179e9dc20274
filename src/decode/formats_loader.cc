// Formats(): opens liblawreport_formats.so on first use (see
// formats_module.h for why it is a module).
#include <string>

#include "decode/formats_module.h"
#include "decode/module_loader.h"

namespace lawreport::decode_internal {
namespace {

struct Loaded {
  const FormatsModule* table = nullptr;
  std::string problem;  // why it could not be opened
};

const Loaded& Load() {
  static const Loaded loaded = [] {
    const OpenedModule opened = OpenModule(kFormatsModuleName, kFormatsSymbol);
    if (opened.entry == nullptr) return Loaded{nullptr, opened.problem};
    const FormatsModule* table = reinterpret_cast<FormatsEntry>(opened.entry)();
    if (table == nullptr ||
        table->interface_version != kFormatsInterfaceVersion)
      return Loaded{nullptr, std::string(kFormatsModuleName) +
                                 " is from another version of lawreport"};
    return Loaded{table, ""};
  }();
  return loaded;
}

}  // namespace

Result<const FormatsModule*> Formats(std::string_view what) {
  const Loaded& loaded = Load();
  if (loaded.table == nullptr) {
    return Error{ErrorCode::kUnsupportedFormat,
                 std::string(what) + " support is missing: " + loaded.problem};
  }
  return loaded.table;
}

}  // namespace lawreport::decode_internal
