#!/bin/sh
# Installs the Debian 12 packages lawreport needs to build, test and
# benchmark, and nothing else. Non-interactive, idempotent, and silent when
# everything is already present. Runs as root, or through sudo when not.
set -eu

PACKAGES="
  cmake ninja-build g++ make pkg-config
  libicu-dev libre2-dev nlohmann-json3-dev libcli11-dev
  libxml2-dev libzip-dev libpoppler-cpp-dev
  libgtest-dev libgmock-dev libbenchmark-dev clang libclang-rt-14-dev
  python3 python3-jsonschema python3-yaml
  poppler-utils
  clang-format
"
# Install and package (issue 15): the man page is made by help2man, and
# cpack -G DEB finds the package's dependencies with dpkg-shlibdeps.
PACKAGES="$PACKAGES help2man dpkg-dev"
# The Python module (python/): pybind11 and Debian's python3 headers, pandas
# for its DataFrames, Dask distributed for lawreport.dask and its test.
PACKAGES="$PACKAGES pybind11-dev python3-dev python3-pandas python3-distributed"
# lawreport view's browser tests and bench: headless Chromium under Selenium.
PACKAGES="$PACKAGES chromium chromium-driver python3-selenium"
# OCR of scanned and garbled PDFs (issue 19); qpdf makes the broken-font
# test fixture.
PACKAGES="$PACKAGES libtesseract-dev tesseract-ocr-chi-sim qpdf"
# OCR of tables: Leptonica straightens a page fed askew (ocr-tables).
PACKAGES="$PACKAGES libleptonica-dev"
# GNU time: the scaling tests' peak memory of a command (tests/scaling/).
PACKAGES="$PACKAGES time"

missing=""
for package in $PACKAGES; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null || true)
  case "$status" in
    ii*) ;;
    *) missing="$missing $package" ;;
  esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  run() { "$@"; }
elif command -v sudo >/dev/null 2>&1; then
  run() { sudo "$@"; }
else
  echo "setup-debian.sh: missing packages:$missing; run this script as root to install them" >&2
  exit 1
fi

echo "setup-debian.sh: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
run apt-get update -qq
# shellcheck disable=SC2086
run apt-get install -y -qq --no-install-recommends $missing >/dev/null
