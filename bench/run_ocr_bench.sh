#!/bin/sh
# OCR benchmark (issue 19), one command:
#   bench/run_ocr_bench.sh [PDF] [JOBS…]   (default: the sample's text PDF,
#                                            tests/fixtures/formats/rongan-2023.pdf;
#                                            jobs 1 and 2)
# Builds the release preset, scans PDF to an image-only PDF at 300 dpi
# (tests/fixtures/ocr/make_scans.py, as the tests do) and times
# `lawreport extract -j N` on the scan for each N (one file: -j gives the
# pages read at once, one Tesseract engine each), after one warm-up run.
# Prints pages per second of OCR: pages / wall time of the whole command,
# process start, rendering and the language model's loading included.
# The machine is shared and noisy: compare figures from one run.
set -eu
cd "$(dirname "$0")/.."
pdf=${1:-tests/fixtures/formats/rongan-2023.pdf}
shift 2>/dev/null || true
jobs_list=${*:-1 2}

scripts/setup-debian.sh
cmake --preset release >/dev/null
cmake --build --preset release >/dev/null
binary=$PWD/build/release/lawreport

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 tests/fixtures/ocr/make_scans.py scan "$pdf" "$work/scan.pdf" 300
pages=$(pdfinfo "$work/scan.pdf" | awk '/^Pages:/ { print $2 }')

"$binary" extract -q -j 2 "$work/scan.pdf" -o /dev/null  # warm-up
for jobs in $jobs_list; do
  start=$(date +%s%N)
  "$binary" extract -q -j "$jobs" "$work/scan.pdf" -o /dev/null
  end=$(date +%s%N)
  ms=$(((end - start) / 1000000))
  echo "$pdf at 300 dpi, $pages pages, -j $jobs: $ms ms," \
    "$(awk -v p="$pages" -v ms="$ms" 'BEGIN { printf "%.2f", p * 1000 / ms }') pages/s"
done
