// Per-stage cost on the bundled sample: decode (bytes → Text), outline
// (Text → Outline), numbers (Text → Mention[]), indicators, their time and
// stance, the canonical mapping, check, the JSON writer and the SHA-256 of
// each input.
// Whole-process throughput belongs in the batch benchmarks; these isolate the
// stages so a regression points at one.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "lawreport/canonical.h"
#include "lawreport/check.h"
#include "lawreport/decode.h"
#include "lawreport/indicators.h"
#include "lawreport/numbers.h"
#include "lawreport/outline.h"
#include "lawreport/report.h"
#include "lawreport/write.h"
#include "lexicon/lexicon.h"
#include "util/sha256.h"
#include "util/word_set.h"

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

const lawreport::Report& SampleReport() {
  static const lawreport::Report report = [] {
    auto processed = lawreport::ProcessBytes(SampleBytes(), "sample", {});
    if (!processed) std::abort();
    return std::move(*processed);
  }();
  return report;
}

void BM_Numbers(benchmark::State& state) {
  const lawreport::Report& report = SampleReport();
  for (auto _ : state) {
    auto mentions = lawreport::FindMentions(report.text);
    benchmark::DoNotOptimize(mentions);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * SampleBytes().size()));
}
BENCHMARK(BM_Numbers);

void BM_Indicators(benchmark::State& state) {
  const lawreport::Report& report = SampleReport();
  const auto mentions = lawreport::FindMentions(report.text);
  for (auto _ : state) {
    auto indicators =
        lawreport::ExtractIndicators(report.text, report.outline, mentions);
    benchmark::DoNotOptimize(indicators);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * SampleBytes().size()));
}
BENCHMARK(BM_Indicators);

// The time-cue scan of every paragraph that holds a figure ran each of
// time_cues.tsv's cues at every character until issue 17's measurement
// found it was a third of a batch's instructions.
void BM_TimeStance(benchmark::State& state) {
  const lawreport::Report& report = SampleReport();
  std::vector<lawreport::Indicator> indicators = report.indicators;
  for (auto _ : state) {
    lawreport::AssignTimeStance(report.text, report.outline, indicators);
    benchmark::DoNotOptimize(indicators);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * SampleBytes().size()));
}
BENCHMARK(BM_TimeStance);

void BM_Canonical(benchmark::State& state) {
  const lawreport::Report& report = SampleReport();
  std::vector<lawreport::Indicator> indicators = report.indicators;
  for (auto _ : state) {
    lawreport::MapCanonical(report.text, indicators);
    benchmark::DoNotOptimize(indicators);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * SampleBytes().size()));
}
BENCHMARK(BM_Canonical);

void BM_Check(benchmark::State& state) {
  const lawreport::Report& report = SampleReport();
  for (auto _ : state) {
    auto findings = lawreport::CheckIndicators(report.text, report.indicators);
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * SampleBytes().size()));
}
BENCHMARK(BM_Check);

void BM_WholeReport(benchmark::State& state) {
  for (auto _ : state) {
    auto report = lawreport::ProcessBytes(SampleBytes(), "sample", {});
    benchmark::DoNotOptimize(report);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * SampleBytes().size()));
}
BENCHMARK(BM_WholeReport);

void BM_WriteJson(benchmark::State& state) {
  const lawreport::Report& report = SampleReport();
  for (auto _ : state) {
    auto json = lawreport::WriteExtractJson(report);
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * SampleBytes().size()));
}
BENCHMARK(BM_WriteJson);

// What a batch writes: one line per report (--format jsonl).
void BM_WriteJsonLines(benchmark::State& state) {
  const lawreport::Report& report = SampleReport();
  lawreport::JsonOptions options;
  options.indent = -1;
  for (auto _ : state) {
    auto json = lawreport::WriteExtractJson(report, options);
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * SampleBytes().size()));
}
BENCHMARK(BM_WriteJsonLines);

// source.sha256 of the sample, and of a 1 MB input, where the per-call cost
// no longer matters and the figure is the hash's throughput.
void HashBytes(benchmark::State& state, const std::string& bytes) {
  for (auto _ : state) {
    auto hex = lawreport::Sha256Hex(bytes);
    benchmark::DoNotOptimize(hex);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * bytes.size()));
}

void BM_Sha256(benchmark::State& state) { HashBytes(state, SampleBytes()); }
BENCHMARK(BM_Sha256);

void BM_Sha256_1MB(benchmark::State& state) {
  static const std::string megabyte = [] {
    std::string bytes;
    while (bytes.size() < 1000000) bytes += SampleBytes();
    bytes.resize(1000000);
    return bytes;
  }();
  HashBytes(state, megabyte);
}
BENCHMARK(BM_Sha256_1MB);

// WordSet (util/word_set.h), the lookup the numbers stage asks at every
// number for units, scale words and qualifiers: the units list asked at
// every byte of the sample, against a scan of every word, which is what the
// index saves. Items are text positions.
const std::vector<std::string>& UnitWords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> list;
    for (const lawreport::lexicon::TsvRow& row :
         lawreport::lexicon::ReadTsv("units.tsv"))
      list.emplace_back(row.Get("unit"));
    return list;
  }();
  return words;
}

void BM_WordSetLongestAt(benchmark::State& state) {
  const lawreport::WordSet set(UnitWords());
  const std::string& text = SampleBytes();
  for (auto _ : state) {
    std::size_t found = 0;
    for (std::size_t offset = 0; offset < text.size(); ++offset)
      found += set.LongestAt(text, offset).has_value();
    benchmark::DoNotOptimize(found);
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_WordSetLongestAt);

void BM_WordScanLongestAt(benchmark::State& state) {
  const std::vector<std::string>& words = UnitWords();
  const std::string_view text = SampleBytes();
  for (auto _ : state) {
    std::size_t found = 0;
    for (std::size_t offset = 0; offset < text.size(); ++offset) {
      std::size_t best = 0;
      for (const std::string& word : words) {
        if (word.size() > best && text.substr(offset, word.size()) == word)
          best = word.size();
      }
      found += best > 0;
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_WordScanLongestAt);

// The covering characters against a search per word, on every line of the
// sample as a label (most hold none of the words, as most labels hold no
// balance term).
void WordsInLines(benchmark::State& state, bool covering) {
  std::vector<std::string> words;
  for (const lawreport::lexicon::TsvRow& row :
       lawreport::lexicon::ReadTsv("balance_terms.tsv"))
    words.emplace_back(row.Get("word"));
  const lawreport::WordSet set(words, {.covering = true});
  std::vector<std::string_view> lines;
  const std::string_view text = SampleBytes();
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  for (auto _ : state) {
    std::size_t possible = 0;
    for (const std::string_view line : lines) {
      if (covering) {
        possible += set.MayHoldAny(line);
      } else {
        possible += std::any_of(words.begin(), words.end(),
                                [&](const std::string& word) {
                                  return line.find(word) != line.npos;
                                });
      }
    }
    benchmark::DoNotOptimize(possible);
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(lines.size()));
}
void BM_WordSetMayHoldAny(benchmark::State& state) {
  WordsInLines(state, true);
}
BENCHMARK(BM_WordSetMayHoldAny);
void BM_WordScanHoldsAny(benchmark::State& state) {
  WordsInLines(state, false);
}
BENCHMARK(BM_WordScanHoldsAny);

}  // namespace

// The same allocator setting as app/main.cc: without it glibc hands freed
// pages back after each iteration and faults them in again, and the figures
// measure the kernel rather than the stage.
int main(int argc, char** argv) {
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
