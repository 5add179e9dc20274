// The cost of a stage's first run in a process (lexicons read, regular
// expressions compiled, heap pages touched) against a later run, on the
// bundled sample: what a one-report process pays on top of start-up.
//   build/release/bench/lawreport_first_use
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "lawreport/canonical.h"
#include "lawreport/report.h"

namespace {

double Milliseconds(const std::function<void()>& run) {
  const auto started = std::chrono::steady_clock::now();
  run();
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - started)
      .count();
}

}  // namespace

int main() {
  using namespace lawreport;
  std::ifstream file(LAWREPORT_SAMPLE, std::ios::binary);
  std::stringstream content;
  content << file.rdbuf();
  const std::string bytes = content.str();

  Result<DecodedText> decoded = Error{ErrorCode::kEmpty, ""};
  Outline outline;
  std::vector<Mention> mentions;
  std::vector<Indicator> indicators;
  std::printf("first run, ms\n");
  std::printf("  decode      %6.2f\n",
              Milliseconds([&] { decoded = Decode(bytes, {}); }));
  if (!decoded) return 1;
  const Text& text = decoded->text;
  std::printf("  outline     %6.2f\n",
              Milliseconds([&] { outline = BuildOutline(text); }));
  std::printf("  numbers     %6.2f\n",
              Milliseconds([&] { mentions = FindMentions(text); }));
  std::printf("  indicators  %6.2f\n", Milliseconds([&] {
                indicators = ExtractIndicators(text, outline, mentions);
              }));
  std::printf("  canonical   %6.2f\n",
              Milliseconds([&] { MapCanonical(text, indicators); }));
  std::printf("  check       %6.2f\n",
              Milliseconds([&] { (void)CheckIndicators(text, indicators); }));
  std::printf("later run of all of them (ProcessBytes), ms\n  %6.2f\n",
              Milliseconds([&] { (void)ProcessBytes(bytes, "sample", {}); }));
  return 0;
}
