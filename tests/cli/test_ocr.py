#!/usr/bin/env python3
"""OCR of PDF pages without a usable text layer (issue 19), on scans and a
broken-font PDF made at test time from the committed text PDFs by
tests/fixtures/ocr/make_scans.py:

  - a garbled text layer (ToUnicode maps removed) fails with the page named
    under --ocr never, exit 2, and reads by OCR under --ocr auto: its figures
    say source "ocr" with a confidence;
  - a font that draws the wrong glyphs (text layer and picture both garbled)
    fails under every --ocr mode, OCR's low confidence named, and its scan
    fails as a PDF whose pages OCR reads as no plausible text;
  - the sample's 9 pages scanned at 300 dpi: indicator recall and precision
    (value and unit, against the plain text's) at least 0.95, outline F1
    (level and title, titles alike to 0.8) at least 0.9;
  - the open-government tables scanned at 150 dpi, and at 300 dpi askew and
    specked: `check` finds the template checks, and a mismatch among OCR'd
    figures says that OCR read them; source.ocr_pages counts the pages.

--quick (the sanitizer build) runs the garbled PDF's first page and the
misdrawn page only.
"""
import argparse
import collections
import difflib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

failures = []


def expect(condition, message):
    print(('ok    ' if condition else 'FAIL  ') + message)
    if not condition:
        failures.append(message)


def run(binary, *args):
    return subprocess.run([binary, *args], capture_output=True, text=True)


MAKE_SCANS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'ocr',
                          'make_scans.py')


CACHE = None  # --cache: fixtures kept across runs, keyed by what makes them


def make(command, src, out, *args):
    """make_scans.py COMMAND SRC OUT ARGS, or its output kept in CACHE from a
    run with the same script, source and arguments."""
    if CACHE is None:
        subprocess.run([sys.executable, MAKE_SCANS, command, src, out, *args], check=True)
        return
    key = hashlib.sha256()
    for path in (MAKE_SCANS, src):
        with open(path, 'rb') as f:
            key.update(f.read())
    key.update(repr((command, args)).encode())
    kept = os.path.join(CACHE, key.hexdigest()[:16] + '-' + os.path.basename(out))
    if not os.path.exists(kept):
        os.makedirs(CACHE, exist_ok=True)
        subprocess.run([sys.executable, MAKE_SCANS, command, src, kept + '.part', *args],
                       check=True)
        os.replace(kept + '.part', kept)
    shutil.copyfile(kept, out)


def validate(document, schema, name):
    import jsonschema
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
    with open(os.path.join(root, 'docs', 'schema', schema + '.schema.json')) as f:
        errors = list(jsonschema.Draft202012Validator(json.load(f)).iter_errors(document))
    expect(not errors, f'{name}: valid against docs/schema/{schema}.schema.json '
           f'{[e.message for e in errors[:2]]}')


def figures(document):
    return collections.Counter((str(i['value']), i['unit']) for i in document['indicators'])


def headings(document):
    out = []

    def walk(sections):
        for s in sections:
            out.append((s['level'], s['title']))
            walk(s.get('children', []))
    walk(document['sections'])
    return out


def outline_f1(gold, found):
    used, matched = set(), 0
    for level, title in gold:
        for j, (level2, title2) in enumerate(found):
            if j not in used and level2 == level and \
                    difflib.SequenceMatcher(None, title, title2).ratio() >= 0.8:
                used.add(j)
                matched += 1
                break
    p = matched / len(found) if found else 0
    r = matched / len(gold) if gold else 0
    return 2 * p * r / (p + r) if p + r else 0


def test_garbled(binary, root, tmp, quick):
    src = os.path.join(root, 'tests', 'fixtures', 'formats', 'rongan-2023.pdf')
    garbled = os.path.join(tmp, 'garbled.pdf')
    make('garble', src, garbled, '--pages', '1-1' if quick else '1-2')
    refused = run(binary, 'extract', '--ocr', 'never', garbled)
    expect(refused.returncode == 2, f'garbled, --ocr never: exit 2 (got {refused.returncode})')
    expect(refused.stderr == f'lawreport: {garbled}: page 1: text layer unreadable (garbled '
           'font encoding); use --ocr auto to read it by OCR\n',
           f'garbled, --ocr never: one line naming the page ({refused.stderr!r})')
    read = run(binary, 'extract', garbled)
    expect(read.returncode == 0, f'garbled, --ocr auto: exit 0 (got {read.returncode})')
    if read.returncode != 0:
        return
    document = json.loads(read.stdout)
    pages = 1 if quick else 2
    expect(document['source'].get('ocr_pages') == pages, f'garbled: ocr_pages {pages}')
    found = figures(document)
    for figure in [('23', '篇次')] + ([] if quick else [('43601', '件'), ('43486', '件')]):
        expect(found[figure] >= 1, f'garbled: OCR read {figure}')
    expect(all(i.get('source') == 'ocr' and 0 <= i.get('confidence', -1) <= 100
               for i in document['indicators']),
           'garbled: every figure says source "ocr" with a confidence 0-100')
    validate(document, 'extract', 'garbled')
    plain = json.loads(run(binary, 'extract', src).stdout)
    expect(all('source' not in i and 'confidence' not in i for i in plain['indicators'])
           and 'ocr_pages' not in plain['source'],
           'text PDF: no OCR fields at all')


def test_misdrawn(binary, root, tmp):
    """A font that draws the wrong glyphs: the picture is as garbled as the
    text layer, and what OCR reads from it must not become figures."""
    sample = os.path.join(root, 'data', 'samples', 'rongan-2023.txt')
    misdrawn = os.path.join(tmp, 'misdrawn.pdf')
    make('misdraw', sample, misdrawn)
    refused = run(binary, 'extract', '--ocr', 'never', misdrawn)
    expect(refused.returncode == 2, f'misdrawn, --ocr never: exit 2 (got {refused.returncode})')
    prefix = f'lawreport: {misdrawn}: page 1: text layer unreadable (garbled font encoding)'
    for command in (['extract'], ['check'], ['extract', '--ocr', 'always']):
        read = run(binary, *command, misdrawn)
        lines = [line for line in read.stderr.splitlines() if line.startswith('lawreport:')]
        expect(read.returncode == 2, f'misdrawn, {command}: exit 2 (got {read.returncode})')
        expect(len(lines) == 1 and lines[0].startswith(prefix + ', and OCR of the page reads '
                                                       'no plausible text either (mean confidence'),
               f'misdrawn, {command}: one line saying OCR reads no plausible text ({read.stderr!r})')
        expect('"indicators"' not in read.stdout, f'misdrawn, {command}: no figures')
    # Scanned, the page has no text layer: noise from OCR is taken for a
    # picture, and a file of nothing else fails.
    scanned = os.path.join(tmp, 'misdrawn-scan.pdf')
    make('scan', misdrawn, scanned, '200')
    read = run(binary, 'extract', scanned)
    expect(read.returncode == 2 and read.stderr.startswith(
        f'lawreport: {scanned}: a PDF without a text layer, and OCR of its pages reads no '
        'plausible text (page 1: mean confidence'),
        f'misdrawn scan: exit 2, OCR reads no plausible text ({read.returncode}, {read.stderr!r})')
    # In a batch the other file keeps its figures.
    both = run(binary, 'extract', '--format', 'jsonl', sample, misdrawn)
    records = [json.loads(line) for line in both.stdout.splitlines()]
    expect(both.returncode == 2 and len(records) == 2 and 'error' in records[1]
           and len(records[0].get('indicators', [])) > 50,
           f'misdrawn in a batch: the sample keeps its figures, exit 2 (got {both.returncode})')


def test_sample_scan(binary, root, tmp):
    src = os.path.join(root, 'tests', 'fixtures', 'formats', 'rongan-2023.pdf')
    scan = os.path.join(tmp, 'rongan-300.pdf')
    make('scan', src, scan, '300')
    read = run(binary, 'extract', '-j', '2', scan)
    expect(read.returncode == 0, f'300 dpi scan: exit 0 (got {read.returncode}: {read.stderr})')
    if read.returncode != 0:
        return
    document = json.loads(read.stdout)
    gold_doc = json.loads(run(binary, 'extract',
                              os.path.join(root, 'data', 'samples', 'rongan-2023.txt')).stdout)
    gold, found = figures(gold_doc), figures(document)
    matched = sum((gold & found).values())
    recall = matched / sum(gold.values())
    precision = matched / max(1, sum(found.values()))
    expect(recall >= 0.95, f'300 dpi scan: indicator recall {recall:.3f} >= 0.95')
    expect(precision >= 0.95, f'300 dpi scan: indicator precision {precision:.3f} >= 0.95')
    f1 = outline_f1(headings(gold_doc), headings(document))
    expect(f1 >= 0.9, f'300 dpi scan: outline F1 {f1:.3f} >= 0.9')
    expect(document['source'].get('ocr_pages') == 9, '300 dpi scan: ocr_pages 9')
    expect({i['page'] for i in document['indicators']} <= set(range(1, 10)),
           '300 dpi scan: figures know their pages')


def test_table_scans(binary, root, tmp):
    src = os.path.join(root, 'tests', 'fixtures', 'formats', 'open-gov-tables.pdf')
    text_checks = json.loads(run(binary, 'check', '--format', 'json', src).stdout)
    want = {c['relation'] for c in text_checks['files'][0]['checks']}
    for name, args, least in (('tables-150.pdf', ['150'], 13),
                              ('tables-300-askew.pdf', ['300', '--rotate', '0.5', '--noise',
                                                        '0.002'], 19)):
        scan = os.path.join(tmp, name)
        make('scan', src, scan, *args)
        result = run(binary, 'check', '--format', 'json', '-j', '2', scan)
        expect(result.returncode in (0, 1), f'{name}: check exits 0 or 1 ({result.stderr})')
        if result.returncode not in (0, 1):
            continue
        whole = json.loads(result.stdout)
        expect(whole['summary'].get('ocr_pages') == 2, f'{name}: the summary counts 2 OCR\'d pages')
        validate(whole, 'check', name)
        checked = whole['files'][0]
        template = {c['relation'] for c in checked['checks'] if c['type'] == 'template'}
        expect(len(template & want) >= least,
               f'{name}: {len(template & want)} of the text PDF\'s template checks (>= {least});'
               f' others: {sorted(template - want)}')
        expect(checked.get('ocr_pages') == 2, f'{name}: ocr_pages 2')
        mismatches = [c for c in checked['checks'] if c['status'] == 'mismatch']
        expect(all('read by OCR' in c['message'] for c in mismatches),
               f'{name}: every mismatch says its figures were read by OCR')
        expect((result.returncode == 1) == bool(mismatches),
               f'{name}: exit 1 exactly when a check fails')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--binary', required=True)
    parser.add_argument('--root', required=True)
    parser.add_argument('--quick', action='store_true')
    parser.add_argument('--cache', help='a folder to keep the fixtures in across runs')
    args = parser.parse_args()
    global CACHE
    CACHE = args.cache
    with tempfile.TemporaryDirectory() as tmp:
        test_garbled(args.binary, args.root, tmp, args.quick)
        test_misdrawn(args.binary, args.root, tmp)
        if not args.quick:
            test_sample_scan(args.binary, args.root, tmp)
            test_table_scans(args.binary, args.root, tmp)
    print(f'{len(failures)} failed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
