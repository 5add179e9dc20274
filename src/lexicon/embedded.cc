#include <cstdio>
#include <cstdlib>

#include "lexicon/embedded_table.h"
#include "lexicon/lexicon.h"

namespace lawreport::lexicon {

std::string_view EmbeddedFile(std::string_view name) {
  for (std::size_t i = 0; i < kEmbeddedTableSize; ++i) {
    if (name == kEmbeddedTable[i].name) {
      return {reinterpret_cast<const char*>(kEmbeddedTable[i].data),
              kEmbeddedTable[i].size};
    }
  }
  std::fprintf(
      stderr,
      "lawreport: internal error: lexicon file %.*s was not compiled in\n",
      static_cast<int>(name.size()), name.data());
  std::abort();
}

}  // namespace lawreport::lexicon
