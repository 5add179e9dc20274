#!/bin/sh
# Python module against the CLI on the 50 MB batch (issue 15), one command:
#   bench/run_python_bench.sh [MEGABYTES]     (default 50; RUNS=5 by default)
# Builds the release preset (with the Python module), replicates the corpus
# reports into a batch of at least MEGABYTES under $TMPDIR, exactly as
# run_batch_bench.sh does, and times on the same bytes, interleaved, RUNS
# times each, reporting medians:
#   - cli: lawreport extract --format csv -j 2 (the indicators table), the
#     whole process;
#   - python: lawreport.indicators(files, jobs=2), the same table as a pandas
#     DataFrame (exact Decimal values, Int64 columns), timed inside one
#     Debian python3 process that has already imported lawreport and pandas
#     (their import is a fixed cost, printed apart);
#   - python-check: lawreport.check(files, jobs=2), against lawreport check
#     --format json -j 2 (a dict of every finding: the json.loads cost shows).
# Prints every figure and the python/cli ratios (issue 15's target: the
# Python indicators within 10% of the CLI).
set -eu
cd "$(dirname "$0")/.."
megabytes=${1:-50}
runs=${RUNS:-5}
work=${TMPDIR:-/tmp}/lawreport-python-bench
corpus=$work/corpus

scripts/setup-debian.sh
cmake --preset release >/dev/null
cmake --build --preset release >/dev/null
binary=$PWD/build/release/lawreport
export PYTHONPATH=$PWD/build/release/python

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
bytes=$(xargs cat < "$work/files.txt" | wc -c)
echo "batch: $files files, $(echo "$bytes" | awk '{printf "%.1f", $1 / 1e6}') MB; $runs runs of each measure"

now() { date +%s.%N; }
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
rate() { awk -v b="$bytes" -v s="$1" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }

# One python3 process runs every Python measure RUNS times, each right after
# the CLI's, through a pipe: "go NAME" in, the seconds out.
mkfifo "$work/to_python" "$work/from_python"
cat > "$work/measure.py" <<'PY'
import sys, time
started = time.perf_counter()
import lawreport, pandas
print(f"import {time.perf_counter() - started:.3f}", flush=True)
paths = open(sys.argv[1]).read().split()
for line in sys.stdin:
    what = line.split()[1]
    started = time.perf_counter()
    if what == "indicators":
        frame = lawreport.indicators(paths, jobs=2)
        count = len(frame)
    else:
        document = lawreport.check(paths, jobs=2)
        count = sum(len(f["checks"]) for f in document["files"])
    print(f"{time.perf_counter() - started:.3f} {count}", flush=True)
PY
/usr/bin/python3 "$work/measure.py" "$work/files.txt" < "$work/to_python" > "$work/from_python" &
exec 3> "$work/to_python" 4< "$work/from_python"
read -r _ import_seconds <&4

python_time() {
  echo "go $1" >&3
  read -r seconds count <&4
  echo "$seconds" >> "$work/times.py-$1"
  echo "$count" > "$work/count.py-$1"
}
cli_time() {
  name=$1; shift
  start=$(now)
  "$binary" "$@" > "$work/out.$name" || [ $? -eq 1 ]
  end=$(now)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }' >> "$work/times.cli-$name"
}
for _ in $(seq "$runs"); do
  cli_time indicators extract -q --format csv -j 2 --files-from "$work/files.txt"
  python_time indicators
  cli_time check check --format json -j 2 --files-from "$work/files.txt"
  python_time check
done
exec 3>&- 4<&-
wait

rows=$(($(wc -l < "$work/out.indicators") - 1))
[ "$rows" -eq "$(cat "$work/count.py-indicators")" ] || echo "warning: $rows CSV rows, $(cat "$work/count.py-indicators") DataFrame rows"
echo
echo "python3 -c 'import lawreport, pandas': $import_seconds s (once per process)"
echo
echo "| measure | CLI | Python | Python / CLI time |"
echo "|---|---|---|---|"
for what in indicators check; do
  c=$(median "$work/times.cli-$what"); p=$(median "$work/times.py-$what")
  echo "| $what, -j 2 | $(rate "$c") MB/s ($c s) | $(rate "$p") MB/s ($p s) | $(awk -v a="$p" -v b="$c" 'BEGIN { printf "%.2f", a / b }') |"
done
