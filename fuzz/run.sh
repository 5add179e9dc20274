#!/bin/sh
# Builds the fuzz preset (clang, libFuzzer, ASan, UBSan) and runs every
# libFuzzer target built in build/fuzz/fuzz/ (each fuzz_* executable), two at
# a time (FUZZ_JOBS=N to change; FUZZ_TARGETS="fuzz_html fuzz_pdf" for some).
#   fuzz/run.sh [SECONDS]           the long run: each target SECONDS (default 600)
#   fuzz/run.sh --smoke [SECONDS]   CI's smoke test: each target SECONDS (default 20)
# Seeds: fuzz_decode and fuzz_pipeline get the corpus reports and the sample,
# fuzz_expectations an --expect and an --accept file, fuzz_check_sentences
# the corpus lines that hold a sum cue (其中 分别 包括 含), one per file; any
# other target fuzz_EXT gets the files in fuzz/seeds/fuzz_EXT/ when that
# folder exists, else the fixtures tests/fixtures/formats/*.EXT (fuzz_html:
# *.html, fuzz_docx: *.docx, fuzz_pdf: *.pdf), else the sample report.
# A target with a dictionary, fuzz/TARGET.dict, is given it (-dict).
# Each target's corpus grows in build/fuzz/work/TARGET across runs; its log is
# build/fuzz/TARGET.log; findings (crash-*, leak-*, timeout-*, oom-*) are
# written to build/fuzz/findings/TARGET-*.
# Exit status: 0 when every target ran clean; 1 when any target reported a
# crash, leak, timeout, out-of-memory or sanitizer error, or did not run.
set -eu
cd "$(dirname "$0")/.."

mode=long
seconds=600
if [ "${1:-}" = --smoke ]; then
  mode=smoke
  seconds=20
  shift
fi
[ $# -gt 0 ] && seconds=$1
case "$seconds" in
  '' | *[!0-9]* | 0)
    echo "usage: fuzz/run.sh [SECONDS] | fuzz/run.sh --smoke [SECONDS]" >&2
    exit 2
    ;;
esac
jobs=${FUZZ_JOBS:-2}

scripts/setup-debian.sh   # clang and libFuzzer's runtime included
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

# Seeds, refreshed on every run.
mkdir -p build/fuzz/findings build/fuzz/corpus/text build/fuzz/corpus/expect
# (in two steps: the corpus holds a copy of the sample, and one cp refuses to
# write the same name twice)
cp tests/corpus/reports/*.txt build/fuzz/corpus/text/
cp data/samples/rongan-2023.txt build/fuzz/corpus/text/
printf '{"办结率": 99.74, "i2": "43601"}' > build/fuzz/corpus/expect/a.json
printf 'file\trelation\tstated\treason\nr.txt\tsum:61:x\t31\tok\n' > build/fuzz/corpus/expect/b.tsv
# The corpus lines with a cue and a digit, each its own file (line-N.txt).
rm -rf build/fuzz/corpus/sentences
mkdir -p build/fuzz/corpus/sentences
cat tests/corpus/reports/*.txt |
  awk '/(其中|分别|包括|含)/ && /[0-9]/ {
         name = sprintf("build/fuzz/corpus/sentences/line-%03d.txt", ++n)
         print > name
         close(name)
       }'
seeds_for() {
  case "$1" in
    fuzz_decode | fuzz_pipeline) echo build/fuzz/corpus/text; return ;;
    fuzz_expectations) echo build/fuzz/corpus/expect; return ;;
    fuzz_check_sentences) echo build/fuzz/corpus/sentences; return ;;
  esac
  if [ -d "fuzz/seeds/$1" ]; then
    echo "fuzz/seeds/$1"
    return
  fi
  # fuzz_html, fuzz_docx, fuzz_pdf …: the test fixtures of that format.
  corpus=build/fuzz/corpus/$1
  mkdir -p "$corpus"
  for fixture in tests/fixtures/formats/*."${1#fuzz_}"; do
    [ -f "$fixture" ] && cp "$fixture" "$corpus/"
  done
  [ -n "$(ls -A "$corpus")" ] || cp data/samples/rongan-2023.txt "$corpus/"
  echo "$corpus"
}

targets=""
for binary in build/fuzz/fuzz/fuzz_*; do
  [ -f "$binary" ] && [ -x "$binary" ] || continue
  # FUZZ_TARGETS="fuzz_html fuzz_pdf" runs only those.
  case " ${FUZZ_TARGETS:-${binary##*/}} " in
    *" ${binary##*/} "*) targets="$targets ${binary##*/}" ;;
  esac
done
if [ -z "$targets" ]; then
  echo "fuzz/run.sh: no fuzz_* targets in build/fuzz/fuzz/" >&2
  exit 1
fi

# Findings of this run are the artifacts newer than this stamp.
stamp=build/fuzz/.run-started
touch "$stamp"
: "${UBSAN_OPTIONS:=print_stacktrace=1}"
export UBSAN_OPTIONS

# Runs one target; its exit status is 0 only when libFuzzer exited 0 and the
# log shows no error report.
fuzz_one() {
  target=$1
  seeds=$(seeds_for "$target")
  log=build/fuzz/$target.log
  mkdir -p "build/fuzz/work/$target"
  # Containers need room: the PDF fixtures are over 300 KB. The sentence
  # search and the numbering read short inputs: a few report lines, a
  # numbering of some lists and a few hundred paragraphs.
  case "$target" in
    fuzz_pdf|fuzz_docx) max_len=400000 ;;
    fuzz_check_sentences) max_len=8192 ;;
    fuzz_docx_numbering) max_len=4096 ;;
    *) max_len=65536 ;;
  esac
  dict=
  [ -f "fuzz/$target.dict" ] && dict="-dict=fuzz/$target.dict"
  status=0
  # libFuzzer stops itself after -max_total_time and turns an input that runs
  # over -timeout into a finding; the outer timeout only guards a fuzzer that
  # hangs outside an input.
  timeout -k 30 $((seconds + 120)) "build/fuzz/fuzz/$target" "build/fuzz/work/$target" "$seeds" \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="build/fuzz/findings/$target-" -print_final_stats=1 \
    ${dict:+"$dict"} > "$log" 2>&1 || status=$?
  reports=$(grep -c -E 'ERROR: |^SUMMARY: |runtime error:' "$log" || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if [ "$status" -eq 0 ] && [ "$reports" -gt 0 ]; then status=1; fi
  if [ "$status" -eq 0 ]; then
    echo "fuzz: $target: ok, ${execs:-?} inputs in ${seconds}s, log $log"
  else
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
      what="did not stop in time (killed)"
    else
      what="exit status $status"
    fi
    echo "fuzz: $target: FAILED: $what, $reports error report(s), log $log" >&2
    grep -m 5 -E 'ERROR: |^SUMMARY: |runtime error:|Test unit written to' "$log" | sed 's/^/  /' >&2 || true
  fi
  return "$status"
}

echo "fuzz: $mode run, ${seconds}s per target, $jobs at a time:$targets"
failed_list=build/fuzz/.failed
: > "$failed_list"
# shellcheck disable=SC2086  # target names: one word each
set -- $targets
while [ $# -gt 0 ]; do
  i=0
  while [ $# -gt 0 ] && [ "$i" -lt "$jobs" ]; do
    (fuzz_one "$1" || echo "$1" >> "$failed_list") &
    i=$((i + 1))
    shift
  done
  wait
done
failed=$(paste -sd ' ' "$failed_list")

findings=$(find build/fuzz/findings -type f -newer "$stamp" | sort)
if [ -n "$failed" ] || [ -n "$findings" ]; then
  echo "fuzz: FAILED: ${failed:-(artifacts written)}" >&2
  for finding in $findings; do
    target=${finding##*/}
    target=${target%%-*}
    echo "  $finding  (reproduce: build/fuzz/fuzz/$target $finding)" >&2
  done
  echo "  see docs/security.md, 'Reporting a finding'" >&2
  exit 1
fi
echo "fuzz: every target ran clean"
