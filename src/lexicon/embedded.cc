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

void BadLexicon(std::string_view file, int line, std::string_view problem) {
  std::fprintf(stderr,
               "lawreport: internal error: data/lexicon/%.*s line %d: %.*s\n",
               static_cast<int>(file.size()), file.data(), line,
               static_cast<int>(problem.size()), problem.data());
  std::abort();
}

}  // namespace lawreport::lexicon
