#!/bin/sh
# `lawreport view` on a large report (issue 16), one command:
#   bench/run_view_bench.sh [MEGABYTES] [path/to/lawreport]
#     (default 2 MB and build/dev/lawreport; RUNS=5 by default)
# Builds a report of at least MEGABYTES by concatenating the corpus's text
# reports (each keeps its headings, so the outline is long too), writes its
# page with `lawreport view`, and opens it RUNS times in headless Chromium
# (scripts/setup-debian.sh installs it) in one browser session. Per load it
# reads, from the page itself, the time from navigation start to the
# "rendered" marker view.js sets when it has attached the filter, the CSV
# button and the figure details (performance.now() at that point), and the
# load event. Prints the median and the fastest of each; the target is
# < 2 s to rendered.
set -eu
cd "$(dirname "$0")/.."
megabytes=${1:-2}
binary=${2:-build/dev/lawreport}
runs=${RUNS:-5}
work=${TMPDIR:-/tmp}/lawreport-view-bench
mkdir -p "$work"
report=$work/big-report.txt
: > "$report"
limit=$((megabytes * 1024 * 1024))
while [ "$(wc -c < "$report")" -lt "$limit" ]; do
  for file in tests/corpus/reports/*.txt; do
    cat "$file" >> "$report"
    printf '\n' >> "$report"
  done
done
start=$(date +%s.%N)
"$binary" view "$report" -o "$work/big-report.html"
end=$(date +%s.%N)
bytes=$(wc -c < "$report")
page_bytes=$(wc -c < "$work/big-report.html")
indicators=$("$binary" extract --format csv "$report" | tail -n +2 | wc -l)
echo "report: $bytes bytes, $indicators indicators; page: $page_bytes bytes"
echo "lawreport view: $(echo "$end - $start" | bc) s"
/usr/bin/python3 - "$work/big-report.html" "$runs" <<'PY'
import os, statistics, sys
sys.path.insert(0, os.path.join(os.getcwd(), 'tests/browser'))
import browser_support
page, runs = sys.argv[1], int(sys.argv[2])
driver = browser_support.start_browser()
rendered, loaded = [], []
try:
    for _ in range(runs):
        driver.get('about:blank')
        browser_support.open_page(driver, page, timeout=120)
        driver.execute_script('return 1')
        times = driver.execute_script(
            'var n = performance.getEntriesByType("navigation")[0];'
            'return [parseFloat(document.documentElement.getAttribute('
            '"data-rendered")), n.loadEventEnd];')
        rendered.append(times[0])
        loaded.append(times[1])
    marks = driver.execute_script(
        'return document.querySelectorAll("mark.fig").length')
    errors = browser_support.console_errors(driver)
finally:
    driver.quit()
print('highlights on the page: %d; console errors: %d' % (marks, len(errors)))
print('navigation start -> rendered: median %.0f ms, fastest %.0f ms (%d runs)'
      % (statistics.median(rendered), min(rendered), runs))
print('navigation start -> load event end: median %.0f ms, fastest %.0f ms'
      % (statistics.median(loaded), min(loaded)))
PY
