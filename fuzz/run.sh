#!/bin/sh
# Builds the fuzz preset and runs every libFuzzer target for SECONDS each
# (default 600), two at a time, seeded from the corpus reports and sample.
# Findings (crash-*, leak-*, timeout-*) are written to build/fuzz/findings/.
#   fuzz/run.sh 600
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-600}
scripts/setup-debian.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
mkdir -p build/fuzz/findings build/fuzz/corpus/text build/fuzz/corpus/expect
cp tests/corpus/reports/*.txt data/samples/rongan-2023.txt build/fuzz/corpus/text/
printf '{"办结率": 99.74, "i2": "43601"}' > build/fuzz/corpus/expect/a.json
printf 'file\trelation\tstated\treason\nr.txt\tsum:61:x\t31\tok\n' > build/fuzz/corpus/expect/b.tsv
run() {
  target=$1 corpus=$2
  mkdir -p "build/fuzz/work/$target"
  "build/fuzz/fuzz/$target" "build/fuzz/work/$target" "$corpus" -max_total_time="$seconds" \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="build/fuzz/findings/$target-" \
    -print_final_stats=1 > "build/fuzz/$target.log" 2>&1
  echo "$target: exit $? ($(grep -c 'ERROR\|Timeout' "build/fuzz/$target.log" || true) reports), log build/fuzz/$target.log"
}
run fuzz_decode build/fuzz/corpus/text &
run fuzz_pipeline build/fuzz/corpus/text &
wait
run fuzz_expectations build/fuzz/corpus/expect
