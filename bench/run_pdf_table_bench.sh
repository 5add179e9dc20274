#!/bin/sh
# Table PDF benchmark (issue 13), one command:
#   bench/run_pdf_table_bench.sh [PDF]   (default: the 政府信息公开 fixture,
#                                         tests/fixtures/formats/open-gov-tables.pdf)
# Builds the release preset and times, on the same PDF, RUNS times each
# (default 15), interleaved:
#   - lawreport extract (poppler's words → lines and cells → tables →
#     template → checks → JSON), written to /dev/null;
#   - pdftotext -layout (poppler-utils), the floor: poppler's own text with
#     its layout, nothing more;
# and prints the median of each and their ratio (the target: lawreport within
# 1.5× of pdftotext -layout). Both start a process and load poppler, so the
# ratio compares whole commands as a user runs them. The machine is shared and
# noisy: compare the ratio from one run, not absolute times across runs.
set -eu
cd "$(dirname "$0")/.."
pdf=${1:-tests/fixtures/formats/open-gov-tables.pdf}
runs=${RUNS:-15}

scripts/setup-debian.sh
cmake --preset release >/dev/null
cmake --build --preset release >/dev/null
binary=$PWD/build/release/lawreport

# Milliseconds one command takes, from the shell's clock.
elapsed_ms() {
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

lawreport_times=""
pdftotext_times=""
i=0
# One warm-up each, so the page cache holds the file and the libraries.
"$binary" extract -q "$pdf" -o /dev/null
pdftotext -layout "$pdf" /dev/null
while [ "$i" -lt "$runs" ]; do
  lawreport_times="$lawreport_times $(elapsed_ms "$binary" extract -q "$pdf" -o /dev/null)"
  pdftotext_times="$pdftotext_times $(elapsed_ms pdftotext -layout "$pdf" /dev/null)"
  i=$((i + 1))
done
ours=$(echo "$lawreport_times" | tr ' ' '\n' | grep . | median)
floor=$(echo "$pdftotext_times" | tr ' ' '\n' | grep . | median)
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
echo "pdf: $pdf (${pages:-?} pages), $runs runs each, interleaved, medians"
echo "lawreport extract:   $ours ms"
echo "pdftotext -layout:   $floor ms"
awk -v a="$ours" -v b="$floor" 'BEGIN { if (b > 0) printf "ratio: %.2f× (target ≤ 1.5×)\n", a / b }'
