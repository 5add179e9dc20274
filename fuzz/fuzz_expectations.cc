// libFuzzer target: --expect and --accept files (JSON or TSV).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lawreport/check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  (void)lawreport::ParseExpectations(content);
  auto accepted = lawreport::ParseAcceptances(content);
  if (accepted) {
    std::vector<lawreport::Finding> findings(1);
    findings[0].status = lawreport::FindingStatus::kMismatch;
    lawreport::ApplyAcceptances("fuzz.txt", *accepted, findings);
  }
  return 0;
}
