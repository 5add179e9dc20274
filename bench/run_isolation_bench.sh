#!/bin/sh
# What the worker processes cost (issue 18 §3), one command:
#   bench/run_isolation_bench.sh [COPIES]     (default 20; RUNS=5 by default)
# Builds the release preset, makes a batch of COPIES copies of the PDF, DOCX
# and HTML fixtures (tests/fixtures/formats: two PDFs, two DOCX, two HTML
# pages), and times `lawreport extract` over it with --isolate never (the
# readers in-process) and --isolate always (one worker process per file),
# with --jobs 1 and --jobs 2, RUNS interleaved runs each; prints the median
# wall time, the cost per file of the worker, and the peak RSS of the CLI
# (its workers are separate processes, bounded by --max-worker-memory).
# The outputs of the two modes are compared byte for byte.
set -eu
cd "$(dirname "$0")/.."
copies=${1:-20}
runs=${RUNS:-5}
work=${TMPDIR:-/tmp}/lawreport-isolation-bench

cmake --preset release >/dev/null
cmake --build --preset release -j2 >/dev/null
binary=$PWD/build/release/lawreport

rm -rf "$work"
mkdir -p "$work/batch"
i=0
while [ "$i" -lt "$copies" ]; do
  i=$((i + 1))
  for f in rongan-2023.pdf open-gov-tables.pdf rongan-2023.numbered.docx \
           open-gov-tables.docx rongan-2023.gbk.html open-gov-tables.html; do
    cp "tests/fixtures/formats/$f" "$work/batch/c${i}_$f"
  done
done
files=$(find "$work/batch" -type f | wc -l)
echo "batch: $files files (PDF, DOCX, HTML), $runs runs of each measure"

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for jobs in 1 2; do
  : > "$work/never.$jobs"
  : > "$work/always.$jobs"
  : > "$work/rss.never.$jobs"
  : > "$work/rss.always.$jobs"
  r=0
  while [ "$r" -lt "$runs" ]; do
    r=$((r + 1))
    for mode in never always; do
      /usr/bin/time -f '%e %M' -o "$work/time" "$binary" extract -q \
        --isolate "$mode" -j "$jobs" -o "$work/out.$mode.jsonl" "$work/batch"
      cut -d' ' -f1 "$work/time" >> "$work/$mode.$jobs"
      cut -d' ' -f2 "$work/time" >> "$work/rss.$mode.$jobs"
    done
  done
  cmp -s "$work/out.never.jsonl" "$work/out.always.jsonl" ||
    { echo "outputs differ between --isolate never and always" >&2; exit 1; }
  never=$(median "$work/never.$jobs")
  always=$(median "$work/always.$jobs")
  echo "--jobs $jobs: never ${never} s, always ${always} s" \
    "($(awk -v a="$always" -v n="$never" 'BEGIN { printf "%+.1f%%", (a / n - 1) * 100 }'));" \
    "worker cost $(awk -v a="$always" -v n="$never" -v f="$files" -v j="$jobs" \
      'BEGIN { printf "%.1f ms", (a - n) * 1000 * j / f }') per file;" \
    "CLI peak RSS never $(median "$work/rss.never.$jobs") KB," \
    "always $(median "$work/rss.always.$jobs") KB"
done
echo "outputs identical"
