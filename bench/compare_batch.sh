#!/bin/sh
# Two lawreport binaries on the batch of bench/run_batch_bench.sh, run
# alternately (interleaved, each going first in every other round) so both
# see the same minutes of a shared machine; prints each median and the
# ratio. For a change that must keep
# throughput (issue 17: within 5%):
#   bench/compare_batch.sh build/base/lawreport build/release/lawreport [MEGABYTES]
# RUNS=7 by default; --jobs 1, JSON Lines to a file, as the batch bench.
set -eu
cd "$(dirname "$0")/.."
before=$1
after=$2
megabytes=${3:-50}
runs=${RUNS:-7}
work=${TMPDIR:-/tmp}/lawreport-compare-batch
corpus=$work/corpus
rm -rf "$work"
mkdir -p "$corpus"
round=0
while [ "$(find "$corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')" -lt "$((megabytes * 1000000))" ]; do
  round=$((round + 1))
  for report in tests/corpus/reports/*.txt data/samples/rongan-2023.txt; do
    cp "$report" "$corpus/r${round}_$(basename "$report")"
  done
done
find "$corpus" -name '*.txt' | sort > "$work/files.txt"
bytes=$(xargs cat < "$work/files.txt" | wc -c)
echo "batch: $(wc -l < "$work/files.txt") files, $(echo "$bytes" | awk '{printf "%.1f", $1 / 1e6}') MB; $runs interleaved runs of each"
now() { date +%s.%N; }
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
one() {
  start=$(now)
  "$1" extract -q -j 1 --files-from "$work/files.txt" -o "$work/out.$2.jsonl"
  end=$(now)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }' >> "$work/times.$2"
}
# The two binaries take turns going first: on this project's virtual
# machine whichever ran second in a pair was slower by some 10%, whichever
# it was (docs/performance.md, issue 17's throughput check).
for round in $(seq "$runs"); do
  if [ $((round % 2)) -eq 1 ]; then
    one "$before" before
    one "$after" after
  else
    one "$after" after
    one "$before" before
  fi
done
tb=$(median "$work/times.before"); ta=$(median "$work/times.after")
echo "before: $(awk -v b="$bytes" -v s="$tb" 'BEGIN { printf "%.1f", b / 1e6 / s }') MB/s (median $tb s: $(tr '\n' ' ' < "$work/times.before"))"
echo "after:  $(awk -v b="$bytes" -v s="$ta" 'BEGIN { printf "%.1f", b / 1e6 / s }') MB/s (median $ta s: $(tr '\n' ' ' < "$work/times.after"))"
echo "after / before throughput: $(awk -v a="$ta" -v b="$tb" 'BEGIN { printf "%.3f", b / a }')"
