// Per-stage cost on the bundled sample: decode (bytes → Text), outline
// (Text → Outline) and the JSON writer. Whole-process throughput belongs in
// the batch benchmarks; these isolate the stages so a regression points at one.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "lawreport/decode.h"
#include "lawreport/outline.h"
#include "lawreport/report.h"
#include "lawreport/write.h"

namespace {

const std::string& SampleBytes() {
  static const std::string bytes = [] {
    auto read =
        lawreport::ReadInput(LAWREPORT_SAMPLE, lawreport::kDefaultMaxBytes);
    if (!read) std::abort();
    return *read;
  }();
  return bytes;
}

void BM_Decode(benchmark::State& state) {
  for (auto _ : state) {
    auto decoded = lawreport::Decode(SampleBytes(), {});
    benchmark::DoNotOptimize(decoded);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * SampleBytes().size()));
}
BENCHMARK(BM_Decode);

void BM_Outline(benchmark::State& state) {
  auto decoded = lawreport::Decode(SampleBytes(), {});
  for (auto _ : state) {
    auto outline = lawreport::BuildOutline(decoded->text);
    benchmark::DoNotOptimize(outline);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * SampleBytes().size()));
}
BENCHMARK(BM_Outline);

void BM_WriteJson(benchmark::State& state) {
  lawreport::Report report;
  auto decoded = lawreport::Decode(SampleBytes(), {});
  report.source = decoded->source;
  report.text = decoded->text;
  report.outline = lawreport::BuildOutline(report.text);
  for (auto _ : state) {
    auto json = lawreport::WriteOutlineJson(report);
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * SampleBytes().size()));
}
BENCHMARK(BM_WriteJson);

}  // namespace

BENCHMARK_MAIN();
