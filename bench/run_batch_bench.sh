#!/bin/sh
# Whole-process batch benchmark (issue 6), one command:
#   bench/run_batch_bench.sh [MEGABYTES]     (default 50; RUNS=5 by default)
# Builds the release preset, replicates the corpus reports into a batch of at
# least MEGABYTES under $TMPDIR, and measures on the same bytes:
#   - lawreport extract, JSON Lines to a file, with --jobs 1 and --jobs 2:
#     throughput (MB/s of input) and peak RSS; RUNS runs of each, the two
#     interleaved, and the median of each is reported (with the fastest);
#   - the machine's own parallel ceiling: one lawreport --jobs 1 on half the
#     batch, against two of them on the two halves at once (RUNS runs each,
#     medians): what two cores give two independent processes here, the most
#     --jobs 2 can reach;
#   - startup + one 22 KB report (the bundled sample): the mean of 20 runs,
#     taken 3 times, the median;
#   - the floor: wc -m and grep -c over the same bytes;
#   - the peer: Microsoft Recognizers-Text (Chinese numbers and percentages,
#     bench/peer/recognize.js) over a slice of the batch.
# Prints every figure and the ratios. The machine is a shared virtual machine
# whose speed changes from minute to minute (the same run can take 1.4 s or
# 2 s), which is why each figure is a median of interleaved runs; compare
# ratios from one run rather than absolute times across runs.
set -eu
cd "$(dirname "$0")/.."
megabytes=${1:-50}
runs=${RUNS:-5}
work=${TMPDIR:-/tmp}/lawreport-batch-bench
corpus=$work/corpus

scripts/setup-debian.sh
cmake --preset release >/dev/null
cmake --build --preset release >/dev/null
binary=$PWD/build/release/lawreport

# The batch: every corpus report, copied round by round until it is big enough.
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
files=$(wc -l < "$work/files.txt")
half=$((files / 2))
head -n "$half" "$work/files.txt" > "$work/half1.txt"
tail -n "+$((half + 1))" "$work/files.txt" > "$work/half2.txt"
bytes=$(cat "$work/files.txt" | xargs cat | wc -c)
mb=$(echo "$bytes" | awk '{printf "%.1f", $1 / 1e6}')
echo "batch: $files files, $mb MB; $runs runs of each measure"

seconds() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.3f", e - s }'; }
now() { date +%s.%N; }
rate() { awk -v b="$bytes" -v s="$1" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }
# The median and the smallest of the numbers in file $1, one a line.
# $2: printf format of the result (default %.3f).
median() { sort -n "$1" | awk -v f="${2:-%.3f}" '{ v[NR] = $1 } END { printf f, NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
fastest() { sort -n "$1" | head -n 1; }

run_lawreport() {
  jobs=$1
  start=$(now)
  /usr/bin/time -f '%M' -a -o "$work/rss.$jobs" \
    "$binary" extract -q -j "$jobs" --files-from "$work/files.txt" -o "$work/out.$jobs.jsonl"
  end=$(now)
  echo "$(seconds "$start" "$end")" >> "$work/times.$jobs"
}
one_half() {
  start=$(now)
  "$binary" extract -q -j 1 --files-from "$work/half1.txt" -o "$work/half1.jsonl"
  end=$(now)
  echo "$(seconds "$start" "$end")" >> "$work/times.half"
}
two_halves() {
  start=$(now)
  "$binary" extract -q -j 1 --files-from "$work/half1.txt" -o "$work/half1.jsonl" &
  "$binary" extract -q -j 1 --files-from "$work/half2.txt" -o "$work/half2.jsonl"
  wait
  end=$(now)
  echo "$(seconds "$start" "$end")" >> "$work/times.halves"
}
for _ in $(seq "$runs"); do
  run_lawreport 1
  run_lawreport 2
  one_half
  two_halves
done
t1=$(median "$work/times.1"); t2=$(median "$work/times.2")
f1=$(fastest "$work/times.1"); f2=$(fastest "$work/times.2")
thalf=$(median "$work/times.half"); thalves=$(median "$work/times.halves")
rss1=$(sort -n "$work/rss.1" | tail -n 1)
rss2=$(sort -n "$work/rss.2" | tail -n 1)
cmp -s "$work/out.1.jsonl" "$work/out.2.jsonl" || echo "warning: --jobs 1 and --jobs 2 outputs differ"

for _ in 1 2 3; do
  start=$(now)
  for _ in $(seq 20); do "$binary" extract -q data/samples/rongan-2023.txt > /dev/null; done
  end=$(now)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", (e - s) / 20 * 1000 }' >> "$work/latency"
done
latency=$(median "$work/latency" %.1f)

start=$(now); xargs cat < "$work/files.txt" | wc -m > /dev/null; end=$(now); twc=$(seconds "$start" "$end")
start=$(now); xargs cat < "$work/files.txt" | grep -c 件 > /dev/null; end=$(now); tgrep=$(seconds "$start" "$end")

# The peer is slow: it reads a slice, and its rate is per byte of that slice.
peer_rate=unavailable
if command -v node >/dev/null 2>&1; then
  if [ ! -d bench/peer/node_modules ]; then
    (cd bench/peer && npm ci --no-audit --no-fund --silent) || true
  fi
  if [ -d bench/peer/node_modules ]; then
    head -n 27 "$work/files.txt" > "$work/peer-files.txt"
    set -- $(node bench/peer/recognize.js - < "$work/peer-files.txt")
    peer_rate=$(awk -v b="$2" -v s="$3" 'BEGIN { printf "%.3f", b / 1e6 / s }')
    echo "peer: $1 files, $(awk -v b="$2" 'BEGIN { printf "%.1f", b / 1e6 }') MB in $3 s, $4 mentions"
  fi
fi

r1=$(rate "$t1"); r2=$(rate "$t2"); rwc=$(rate "$twc"); rgrep=$(rate "$tgrep")
echo
echo "| measure | figure |"
echo "|---|---|"
echo "| lawreport --jobs 1 | $r1 MB/s (median $t1 s; fastest $f1 s = $(rate "$f1") MB/s), peak RSS $((rss1 / 1024)) MB |"
echo "| lawreport --jobs 2 | $r2 MB/s (median $t2 s; fastest $f2 s = $(rate "$f2") MB/s), peak RSS $((rss2 / 1024)) MB |"
echo "| --jobs 2 / --jobs 1 | $(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.2f", a / b }')x |"
echo "| two processes at once / one (this machine's ceiling for --jobs 2) | $(awk -v a="$thalf" -v b="$thalves" 'BEGIN { printf "%.2f", 2 * a / b }')x (half alone $thalf s, both halves at once $thalves s) |"
echo "| startup + one 22 KB report | $latency ms |"
echo "| wc -m (floor) | $rwc MB/s; lawreport --jobs 1 is $(awk -v a="$r1" -v b="$rwc" 'BEGIN { printf "%.3f", a / b }') of it |"
echo "| grep -c (floor) | $rgrep MB/s; lawreport --jobs 1 is $(awk -v a="$r1" -v b="$rgrep" 'BEGIN { printf "%.3f", a / b }') of it |"
if [ "$peer_rate" != unavailable ]; then
  echo "| Recognizers-Text (peer) | $peer_rate MB/s; lawreport --jobs 1 is $(awk -v a="$r1" -v b="$peer_rate" 'BEGIN { printf "%.0f", a / b }')x faster |"
else
  echo "| Recognizers-Text (peer) | unavailable (node or npm missing) |"
fi
