// libFuzzer target: text through the whole pipeline — outline, numbers,
// indicators, checks, canonical mapping — and every writer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lawreport/panel.h"
#include "lawreport/report.h"
#include "lawreport/view.h"
#include "lawreport/write.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto report = lawreport::ProcessBytes(bytes, "fuzz.txt", {});
  if (!report) return 0;
  (void)lawreport::WriteExtractJson(*report);
  (void)lawreport::WriteOutlineTree(*report);
  (void)lawreport::WriteIndicatorsCsv(*report);
  (void)lawreport::PanelCsv(lawreport::PanelRows(*report, {}));
  (void)lawreport::DiffReports(*report, *report);
  (void)lawreport::WriteViewHtml(*report);
  (void)lawreport::WritePanelHtml(lawreport::PanelRows(*report, {}));
  (void)lawreport::WriteIndicatorsText(*report, {40, true});
  return 0;
}
