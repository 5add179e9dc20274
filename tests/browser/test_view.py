#!/usr/bin/python3
"""`lawreport view` and `table --format html` in a real browser.

Opens the pages in headless Chromium and asserts on the rendered DOM: every
indicator highlighted, every mismatch of a mutated report at its line, the
filter, the CSV download against `extract --format csv`, no console errors,
a screenshot that is not blank, a hostile report that injects nothing, and
one chart per canonical id on the panel page.

  tests/browser/test_view.py --binary build/dev/lawreport --root .
"""
import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_support  # noqa: E402

FIXTURES = [
    'data/samples/rongan-2023.txt',
    'tests/fixtures/formats/rongan-2023.gbk.html',
    'tests/fixtures/formats/rongan-2023.literal.docx',
    'tests/fixtures/formats/rongan-2023.numbered.docx',
    'tests/fixtures/formats/rongan-2023.pdf',
    'tests/fixtures/formats/open-gov-tables.docx',
    'tests/fixtures/formats/open-gov-tables.html',
    'tests/fixtures/formats/open-gov-tables.pdf',
    'tests/fixtures/formats/open-gov-tables.tabs.txt',
    'tests/fixtures/formats/open-gov-tables.md.txt',
    'tests/fixtures/formats/open-gov-tables.layout.txt',
]

PANEL_REPORTS = [
    'tests/corpus/reports/031_gzbg_2026_beijing.txt',
    'tests/corpus/reports/034_gzbg_2026_guangdong.txt',
    'tests/corpus/reports/036_gzbg_2026_gansu.txt',
    'tests/corpus/reports/038_gzbg_2026_sichuan.txt',
    'data/samples/rongan-2023.txt',
]

failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)
        print('FAIL: ' + message, file=sys.stderr)


def run(binary, *args):
    # Exit 1 is a report whose checks fail; a sanitizer's report must not pass
    # for one (ASan and UBSan exit 1 by default).
    env = dict(os.environ)
    for name in ('ASAN_OPTIONS', 'UBSAN_OPTIONS'):
        env[name] = ':'.join(filter(None, [env.get(name), 'exitcode=86']))
    result = subprocess.run([binary] + list(args), capture_output=True, env=env)
    if result.returncode not in (0, 1):
        raise SystemExit('lawreport %s failed (%d): %s' % (
            ' '.join(args), result.returncode, result.stderr.decode()))
    return result.stdout.decode('utf-8')


def csv_rows(text):
    return list(csv.reader(io.StringIO(text, newline='')))


def check_page(driver, binary, path, workdir, screenshot=False,
               download=False):
    """The checks every report's page must pass; returns its extract."""
    name = os.path.basename(path)
    extract = json.loads(run(binary, 'extract', path))
    ids = [i['id'] for i in extract['indicators']]
    expected_csv = run(binary, 'extract', '--format', 'csv', path)
    page = os.path.join(workdir, name + '.html')
    run(binary, 'view', path, '-o', page)
    browser_support.open_page(driver, page)

    marked = driver.execute_script(
        'var s = new Set();'
        'document.querySelectorAll("mark.fig").forEach(function (m) {'
        '  m.getAttribute("data-ids").split(" ").forEach(function (i) {'
        '    s.add(i); }); });'
        'return Array.from(s);')
    anchors = driver.execute_script(
        'return document.querySelectorAll("#text span.anchor").length')
    expect(sorted(marked) == sorted(ids),
           '%s: highlighted figures %d != indicators %d (missing %s)' % (
               name, len(marked), len(ids),
               sorted(set(ids) - set(marked))[:5]))
    expect(anchors == len(ids),
           '%s: %d figure anchors for %d indicators' % (name, anchors, len(ids)))
    # Highlights sit on the figure's own line and hold its text.
    for indicator in extract['indicators'][:40]:
        line, text = driver.execute_script(
            'var id = arguments[0];'
            'var m = document.getElementById(id);'
            'var ln = m ? m.closest(".ln") : null;'
            'var marks = Array.from(document.querySelectorAll("mark.fig"))'
            '  .filter(function (k) {'
            '    return k.getAttribute("data-ids").split(" ")'
            '      .indexOf(id) >= 0; });'
            'return [ln ? ln.id : null,'
            '  marks.map(function (k) { return k.textContent; }).join("")];',
            indicator['id'])
        expect(line == 'L%d' % indicator['line'],
               '%s: %s is on %s, not line %d' % (
                   name, indicator['id'], line, indicator['line']))
        expect(text.replace('\n', '') == indicator['text'].replace('\n', ''),
               '%s: %s highlights %r, not %r' % (
                   name, indicator['id'], text, indicator['text']))

    # Every line of `lawreport text` once, in order; markup tables as grids.
    text_lines = run(binary, 'text', path).count('\n')
    line_ids = driver.execute_script(
        'return Array.from(document.querySelectorAll("#text .ln")).map('
        'function (l) { return l.id; })')
    expect(sorted(line_ids, key=lambda i: int(i[1:])) ==
           ['L%d' % n for n in range(1, text_lines + 1)],
           '%s: page lines are not the %d text lines' % (name, text_lines))
    if name.startswith('open-gov-tables.') and name.endswith(('.docx', '.html')):
        grids = driver.execute_script(
            'return document.querySelectorAll("table.grid td .ln").length')
        expect(grids > 20, '%s: tables not drawn as grids (%d cells)' % (
            name, grids))

    # The CSV download: the same rows as extract --format csv.
    page_csv = driver.execute_script('return window.lawreportCsv()')
    expect(page_csv == expected_csv,
           '%s: page CSV differs from extract --format csv' % name)
    if download:
        # The button itself, through Chromium's own download.
        target = os.path.join(workdir, 'downloads')
        os.makedirs(target, exist_ok=True)
        driver.execute_cdp_cmd('Browser.setDownloadBehavior', {
            'behavior': 'allow', 'downloadPath': target})
        driver.find_element('id', 'download').click()
        saved = os.path.join(target, 'indicators.csv')
        deadline = time.time() + 10
        while not os.path.exists(saved) and time.time() < deadline:
            time.sleep(0.1)
        expect(os.path.exists(saved), '%s: the button saved no CSV' % name)
        if os.path.exists(saved):
            with open(saved, encoding='utf-8', newline='') as f:
                expect(f.read() == expected_csv,
                       '%s: downloaded CSV differs from extract' % name)

    # The filter narrows the table to the rows whose label, kind, role or
    # canonical id contain the words.
    if extract['indicators']:
        word = next((i['canonical'] for i in extract['indicators']
                     if i['canonical']), extract['indicators'][0]['kind'])
        wanted = [i['id'] for i in extract['indicators']
                  if word.lower() in ' '.join([
                      i['label'], i['kind'], i['role'],
                      i['canonical'] or '']).lower()]
        box = driver.find_element('id', 'filter')
        box.clear()
        box.send_keys(word)
        shown = driver.execute_script(
            'return Array.from(document.querySelectorAll('
            '".indicator-table tbody tr")).filter(function (r) {'
            '  return !r.hidden; }).map(function (r) {'
            '  return r.getAttribute("data-id"); })')
        expect(shown == wanted, '%s: filter %r shows %d rows, expected %d' % (
            name, word, len(shown), len(wanted)))
        expect(len(shown) < len(ids) or len(ids) == len(wanted),
               '%s: filter did not narrow the table' % name)
        rows = csv_rows(driver.execute_script('return window.lawreportCsv()'))
        all_rows = csv_rows(expected_csv)
        expect(rows == [all_rows[0]] + [all_rows[1 + ids.index(i)]
                                        for i in wanted],
               '%s: filtered CSV is not the filtered rows' % name)
        box.clear()
        box.send_keys(' ')
        # Focusing a figure shows its details.
        first = extract['indicators'][0]
        details = driver.execute_script(
            'document.querySelector("mark.fig").focus();'
            'var box = document.getElementById("figure-info");'
            'return box.hidden ? null : box.textContent;')
        expect(details is not None and first['id'] in details,
               '%s: focusing a figure shows no details' % name)

    if download:
        # The outline scrolls to its headings.
        target = driver.execute_script(
            'var a = document.querySelectorAll("nav.outline a[href^=\'#L\']");'
            'a = a[a.length - 1]; a.click();'
            'var t = document.querySelector(a.getAttribute("href"));'
            'var r = t.getBoundingClientRect();'
            'return [a.getAttribute("href"), r.top > -2 && r.top < innerHeight,'
            ' location.hash];')
        expect(target[1] and target[2] == target[0],
               '%s: outline link %s did not scroll to its line' % (
                   name, target[0]))
        # Without JavaScript the page still reads: the same highlights, each
        # with its title.
        driver.execute_cdp_cmd('Emulation.setScriptExecutionDisabled',
                               {'value': True})
        driver.get('file://' + os.path.abspath(page))
        plain = driver.execute_script(
            'return [document.documentElement.hasAttribute("data-rendered"),'
            ' document.querySelectorAll("#text span.anchor").length,'
            ' Array.from(document.querySelectorAll("mark.fig")).every('
            '   function (m) { return m.title.indexOf(" = ") > 0; })]')
        driver.execute_cdp_cmd('Emulation.setScriptExecutionDisabled',
                               {'value': False})
        expect(plain == [False, len(ids), True],
               '%s: without JavaScript: %s' % (name, plain))

    errors = browser_support.console_errors(driver)
    expect(not errors, '%s: console errors: %s' % (name, errors))
    if screenshot:
        browser_support.open_page(driver, page)
        png = driver.get_screenshot_as_png()
        colours = browser_support.png_colours(png)
        expect(colours > 20, '%s: screenshot looks blank (%d colours)' % (
            name, colours))
    return extract


def check_mutated(driver, binary, root, workdir):
    sample = open(os.path.join(root, 'data/samples/rongan-2023.txt'),
                  encoding='utf-8').read()
    mutated = sample.replace('其中受理27件', '其中受理29件', 1).replace(
        '办结率99.74%', '办结率98.74%', 1)
    assert mutated != sample
    path = os.path.join(workdir, 'rongan-mutated.txt')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(mutated)
    checked = json.loads(run(binary, 'check', '--format', 'json', path))
    mismatches = [c for f in checked['files'] for c in f['checks']
                  if c['status'] == 'mismatch']
    expect(len(mismatches) >= 2, 'mutated report: %d mismatches, expected 2+'
           % len(mismatches))
    check_page(driver, binary, path, workdir)
    for finding in mismatches:
        placed = driver.execute_script(
            'var c = document.getElementById(arguments[0]);'
            'if (!c) return null;'
            'var p = c.previousElementSibling;'
            'while (p && !p.classList.contains("ln")) p = p.previousElementSibling;'
            'return [c.className, p ? p.id : null,'
            '  c.querySelector(".stated").textContent,'
            '  c.querySelector(".computed").textContent,'
            '  getComputedStyle(c).color];', finding['id'])
        expect(placed is not None, 'mismatch %s not on the page' % finding['id'])
        if placed is None:
            continue
        cls, line, stated, computed, colour = placed
        expect('st-mismatch' in cls, 'mismatch %s shown as %s' % (
            finding['id'], cls))
        expect(line == 'L%d' % finding['line'], 'mismatch %s at %s, not line %d'
               % (finding['id'], line, finding['line']))
        expect(stated == str(finding['stated']) and
               computed == str(finding['computed']),
               'mismatch %s shows stated %s computed %s' % (
                   finding['id'], stated, computed))
        expect(colour.startswith('rgb(176, 0, 32'),
               'mismatch %s is not red: %s' % (finding['id'], colour))
        linked = driver.execute_script(
            'return document.querySelectorAll(\'#checks a[href="#\' + '
            'arguments[0] + \'"]\').length', finding['id'])
        expect(linked == 1, 'check list does not link %s' % finding['id'])


HOSTILE = (
    '<script>window.injected = 1</script>'
    '<img src=x onerror="window.injected=2">2023年法治政府建设年度报告\n'
    '一、总体情况</textarea></script><style>body{display:none}</style>\n'
    '收到"申请"<b>31</b>件，其中\'受理\'27件&amp;不受理4件。\x01\x1b[31m\x7f'
    '\u2028\u2029</script><!--\n'
    '二、<a href="javascript:window.injected=3">链接</a>办结率100%。\n')


def check_hostile(driver, binary, workdir):
    path = os.path.join(workdir, 'hostile.txt')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HOSTILE)
    check_page(driver, binary, path, workdir)
    dom = driver.execute_script(
        'return {scripts: document.scripts.length,'
        ' styles: document.querySelectorAll("style").length,'
        ' imgs: document.querySelectorAll("img, textarea, #text .t b, '
        'a[href^=javascript], .report-header b").length,'
        ' injected: window.injected === undefined ? null : window.injected,'
        ' text: document.getElementById("text").textContent,'
        ' title: document.title,'
        ' visible: getComputedStyle(document.body).display}')
    expect(dom['scripts'] == 2, 'hostile: %d script elements' % dom['scripts'])
    expect(dom['styles'] == 1, 'hostile: %d style elements' % dom['styles'])
    expect(dom['imgs'] == 0, 'hostile: injected elements')
    expect(dom['injected'] is None, 'hostile: script ran')
    expect(dom['visible'] != 'none', 'hostile: injected style applied')
    for literal in ('<script>window.injected = 1</script>', '</textarea>',
                    '</script><!--', '"申请"<b>31</b>', "'受理'27件&amp;"):
        expect(literal in dom['text'], 'hostile: %r not shown literally'
               % literal)
    expect('\x01' not in dom['text'] and '\x1b' not in dom['text'],
           'hostile: control characters reached the page')


def panel_points(driver):
    """Per chart: its canonical id, kind, and each point's href, data-line,
    centre (x, y) and class, in drawing order."""
    return driver.execute_script(
        'return Array.from(document.querySelectorAll("figure.chart")).map('
        'function (f) { return {canonical: f.getAttribute("data-canonical"),'
        ' chart: f.getAttribute("data-chart"),'
        ' series: f.querySelectorAll("polyline.series").length,'
        ' height: f.querySelector("svg").getBoundingClientRect().height,'
        ' points: Array.from(f.querySelectorAll("svg a.point")).map('
        '  function (a) { var s = a.querySelector("rect, circle");'
        '   var b = s.getBoundingClientRect();'
        '   return [a.getAttribute("href"), a.getAttribute("data-line"),'
        '     b.x + b.width / 2,'
        '     s.tagName === "rect" ? b.y : b.y + b.height / 2,'
        '     s.getAttribute("class")]; })}; })')


def expected_href(row, header):
    return 'views/%s.html#L%s' % (os.path.basename(row[header.index('file')]),
                                  row[header.index('line')])


def click_lands_on_line(driver, binary, selector, index, row, header, what):
    """Clicks the index-th element matching selector on the panel page and
    checks that the report's view page opens at the figure's line."""
    element = driver.execute_script(
        'var e = document.querySelectorAll(arguments[0])[arguments[1]];'
        'e.scrollIntoView({block: "center"}); return e;', selector, index)
    element.click()
    browser_support.wait_rendered(driver)
    line = 'L' + row[header.index('line')]
    landed = driver.execute_script(
        'var t = document.querySelector(":target");'
        'if (!t) return null;'
        'var r = t.getBoundingClientRect();'
        'return [location.pathname.split("/").pop(), location.hash, t.id,'
        ' r.bottom > 0 && r.top < innerHeight,'
        ' t.textContent.replace(/\\n/g, "")];')
    page = os.path.basename(row[header.index('file')]) + '.html'
    expect(landed is not None and landed[:4] == [page, '#' + line, line, True],
           '%s: click landed on %s, not %s at %s' % (what, landed and landed[:4],
                                                     page, line))
    # The line holds the figure: its bytes in `lawreport text`.
    text = run(binary, 'text', row[header.index('file')]).encode('utf-8')
    start, end = int(row[header.index('start')]), int(row[header.index('end')])
    figure = text[start:end].decode('utf-8').replace('\n', '')
    expect(landed is not None and figure in landed[4],
           '%s: line %s does not hold %r' % (what, line, figure))
    driver.back()


def check_panel(driver, binary, root, workdir):
    paths = [os.path.join(root, p) for p in PANEL_REPORTS]
    long_csv = csv_rows(run(binary, 'table', '-q', *paths))
    header = long_csv[0]
    ids = {row[header.index('canonical')] for row in long_csv[1:]}
    page = os.path.join(workdir, 'panel.html')
    views = os.path.join(workdir, 'views')
    run(binary, 'table', '-q', '--format', 'html', '-o', page, '--view-dir',
        views, *paths)
    expect(sorted(os.listdir(views)) == sorted(
        os.path.basename(p) + '.html' for p in paths),
        'panel: view pages %s' % sorted(os.listdir(views)))
    driver.get('file://' + page)
    charts = panel_points(driver)
    drawn = [c['canonical'] for c in charts]
    expect(len(ids) > 3, 'panel: only %d canonical ids' % len(ids))
    expect(sorted(drawn) == sorted(ids), 'panel: charts %s != ids %s' % (
        sorted(drawn)[:5], sorted(ids)[:5]))
    per_id = {}
    for row in long_csv[1:]:
        per_id.setdefault(row[header.index('canonical')], []).append(row)
    for chart in charts:
        canonical, points = chart['canonical'], chart['points']
        rows = per_id.get(canonical, [])
        expect(len(points) == len(rows), 'panel: %s has %d points, %d rows' % (
            canonical, len(points), len(rows)))
        expect(chart['height'] > 50, 'panel: %s chart not drawn' % canonical)
        # Each point links to its own report's page at its own line.
        expect([p[0] for p in points] == [expected_href(r, header)
                                          for r in rows],
               'panel: %s links %s' % (canonical, [p[0] for p in points][:3]))
    table_links = driver.execute_script(
        'return Array.from(document.querySelectorAll(".panel-table tbody tr"))'
        '.map(function (r) { return r.querySelector("a").getAttribute('
        '"href"); })')
    expect(table_links == [expected_href(r, header) for r in long_csv[1:]],
           'panel: table rows link %s' % table_links[:3])
    errors = browser_support.console_errors(driver)
    expect(not errors, 'panel: console errors: %s' % errors)
    png = driver.get_screenshot_as_png()
    expect(browser_support.png_colours(png) > 10, 'panel: screenshot blank')
    # Clicking a point, and a row of the table, opens the figure's line.
    first = next(c for c in charts if c['chart'] == 'bars')
    index = drawn.index(first['canonical'])
    row = per_id[first['canonical']][-1]
    click_lands_on_line(
        driver, binary,
        'figure.chart:nth-of-type(%d) svg a.point rect' % (index + 1),
        len(first['points']) - 1, row, header, 'panel bar')
    click_lands_on_line(driver, binary, '.panel-table tbody tr a', 0,
                        long_csv[1], header, 'panel table row')
    errors = browser_support.console_errors(driver)
    expect(not errors, 'panel views: console errors: %s' % errors)


def check_panel_over_years(driver, binary, root, workdir):
    """One body's two years: every chart is a line from 2023 to 2024, and a
    point opens its year's page at its line."""
    sample = open(os.path.join(root, 'data/samples/rongan-2023.txt'),
                  encoding='utf-8').read()
    later = sample.replace('2023年', '2024年').replace(
        '收到行政复议申请31件', '收到行政复议申请45件', 1)
    assert later.count('2024年') > 5 and '申请45件' in later
    years = os.path.join(workdir, 'years')
    os.makedirs(years)
    paths = []
    for year, text in (('2023', sample), ('2024', later)):
        paths.append(os.path.join(years, 'rongan-%s.txt' % year))
        with open(paths[-1], 'w', encoding='utf-8') as f:
            f.write(text)
    long_csv = csv_rows(run(binary, 'table', '-q', *paths))
    header = long_csv[0]
    page = os.path.join(years, 'panel.html')
    run(binary, 'table', '-q', '--format', 'html', '-o', page, '--view-dir',
        os.path.join(years, 'views'), *paths)
    driver.get('file://' + page)
    charts = panel_points(driver)
    expect(len(charts) > 20, 'panel over years: %d charts' % len(charts))
    received = None
    for chart in charts:
        points = chart['points']
        expect(chart['chart'] == 'lines' and chart['series'] == 1 and
               len(points) == 2,
               'panel over years: %s is %s with %d series, %d points' % (
                   chart['canonical'], chart['chart'], chart['series'],
                   len(points)))
        if len(points) != 2:
            continue
        # 2023 left of 2024, each linking to its own year's page.
        expect(points[0][2] < points[1][2] and
               points[0][0].startswith('views/rongan-2023.txt.html#L') and
               points[1][0].startswith('views/rongan-2024.txt.html#L'),
               'panel over years: %s points %s' % (chart['canonical'], points))
        if chart['canonical'] == 'reconsideration.received':
            received = chart
    # 31 → 45: the later point is higher; an unchanged figure stays level.
    expect(received is not None and
           received['points'][1][3] < received['points'][0][3] - 10,
           'panel over years: 31 → 45 not drawn rising: %s' % received)
    level = next(c for c in charts if c['canonical'] == 'licensing.accepted')
    expect(abs(level['points'][0][3] - level['points'][1][3]) < 0.5,
           'panel over years: 43601 → 43601 not level: %s' % level)
    rows = [r for r in long_csv[1:]
            if r[header.index('canonical')] == 'reconsideration.received']
    index = [c['canonical'] for c in charts].index('reconsideration.received')
    click_lands_on_line(
        driver, binary,
        'figure.chart:nth-of-type(%d) svg a.point circle' % (index + 1), 1,
        rows[1], header, 'panel line point')
    errors = browser_support.console_errors(driver)
    expect(not errors, 'panel over years: console errors: %s' % errors)


def check_view_errors(binary, root, workdir):
    """Bad input: one line naming the file, exit 2, no page left behind."""
    cases = [
        (['view', os.path.join(workdir, 'missing.txt')], 'missing.txt'),
        (['view', os.path.join(root, 'tests/fixtures/formats/truncated.docx')],
         'truncated.docx'),
        (['view', os.path.join(root, 'data/samples/rongan-2023.txt'), '-o',
          os.path.join(workdir, 'no-such-dir', 'page.html')], 'no-such-dir'),
    ]
    for args, named in cases:
        out = os.path.join(workdir, 'bad.html')
        result = subprocess.run([binary] + args + (
            [] if '-o' in args else ['-o', out]), capture_output=True)
        stderr = result.stderr.decode('utf-8')
        expect(result.returncode == 2, 'view %s: exit %d' % (
            named, result.returncode))
        expect(stderr.count('\n') == 1 and named in stderr,
               'view %s: message %r' % (named, stderr))
        expect(not os.path.exists(out), 'view %s: left a page' % named)
        expect(not [f for f in os.listdir(workdir) if '.tmp.' in f],
               'view %s: left a temporary file' % named)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--binary', required=True)
    parser.add_argument('--root', required=True)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    root = os.path.abspath(args.root)
    started = time.time()
    driver = browser_support.start_browser()
    try:
        with tempfile.TemporaryDirectory() as workdir:
            check_view_errors(binary, root, workdir)
            for i, fixture in enumerate(FIXTURES):
                check_page(driver, binary, os.path.join(root, fixture),
                           workdir, screenshot=i == 0, download=i == 0)
            check_mutated(driver, binary, root, workdir)
            check_hostile(driver, binary, workdir)
            check_panel(driver, binary, root, workdir)
            check_panel_over_years(driver, binary, root, workdir)
    finally:
        driver.quit()
    print('browser view tests: %d failures in %.1f s' % (
        len(failures), time.time() - started))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
