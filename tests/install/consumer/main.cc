// count_indicators: the smallest program on lawreport's public API, built
// against an installed prefix by tests/install/test_install.py.
//
//   count_indicators rongan-2023.txt
//   → version 0.1.0
//     indicators 90
//     sections 3
//     title 融安县2023年法治政府建设年度报告
//     csv_rows 90
#include <cstdio>
#include <string>

#include "lawreport/report.h"
#include "lawreport/write.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: count_indicators REPORT\n");
    return 2;
  }
  const lawreport::Result<lawreport::Report> report =
      lawreport::ProcessFile(argv[1], {});
  if (!report) {
    std::fprintf(stderr, "count_indicators: %s: %s\n", argv[1],
                 report.error().message.c_str());
    return 2;
  }
  std::size_t csv_rows = 0;
  for (const char c : lawreport::WriteIndicatorsCsv(*report))
    csv_rows += c == '\n' ? 1 : 0;
  std::printf("version %s\n", lawreport::Version());
  std::printf("indicators %zu\n", report->indicators.size());
  std::printf("sections %zu\n", report->outline.sections.size());
  std::printf("title %s\n",
              report->outline.document.title.value_or("").c_str());
  std::printf("csv_rows %zu\n", csv_rows);
  return 0;
}
