#!/bin/sh
# Rewrites docs/images/view-sample.png and docs/images/panel.png: the page of
# `lawreport view` for the bundled sample and a `table --format html` panel
# of a few corpus reports, shot in headless Chromium (scripts/setup-debian.sh
# installs it). Run from anywhere after building the dev preset:
#   scripts/screenshots.sh [path/to/lawreport]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$root/build/dev/lawreport}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$root/docs/images"
cd "$root"
"$binary" view data/samples/rongan-2023.txt -o "$work/view.html"
"$binary" table -q --format html -o "$work/panel.html" \
  tests/corpus/reports/031_gzbg_2026_beijing.txt \
  tests/corpus/reports/034_gzbg_2026_guangdong.txt \
  tests/corpus/reports/035_gzbg_2026_jiangxi.txt \
  tests/corpus/reports/036_gzbg_2026_gansu.txt \
  tests/corpus/reports/038_gzbg_2026_sichuan.txt \
  tests/corpus/reports/039_gzbg_2026_hainan.txt
/usr/bin/python3 - "$work" "$root/docs/images" <<'PY'
import os, sys
sys.path.insert(0, os.path.join(os.getcwd(), 'tests/browser'))
import browser_support
work, images = sys.argv[1], sys.argv[2]
driver = browser_support.start_browser(width=1100, height=760)
try:
    browser_support.open_page(driver, os.path.join(work, 'view.html'))
    # Scroll to the first section with a check, and show a figure's details.
    driver.execute_script(
        'var c = document.querySelector(".check.st-mismatch, .check");'
        'var line = c ? c.previousElementSibling : null;'
        'window.scrollTo(0, line ? line.getBoundingClientRect().top'
        ' + window.scrollY - 220 : 0);'
        'var m = document.querySelector("mark.fig.multi, mark.fig");'
        'if (m) m.focus({preventScroll: true});')
    driver.save_screenshot(os.path.join(images, 'view-sample.png'))
    driver.get('file://' + os.path.join(work, 'panel.html'))
    driver.save_screenshot(os.path.join(images, 'panel.png'))
finally:
    driver.quit()
PY
ls -l "$root/docs/images/view-sample.png" "$root/docs/images/panel.png"
