#!/usr/bin/env python3
"""No corpus report has an empty label where the clause names what is measured
(issue 14 §3). Runs `lawreport extract` on every report in tests/corpus/reports
and fails on each indicator with an empty label, except those listed in
tests/corpus/empty_labels_allowed.tsv (report, line, figure text, reason): figures
whose clause names nothing a reader could use as a column name. An allowed row
that no longer has an empty label fails too, so the list only shrinks."""
import argparse
import json
import os
import subprocess
import sys


def load_allowed(path):
    allowed = {}
    for raw in open(path, encoding='utf-8'):
        if raw.startswith('#') or not raw.strip():
            continue
        fields = raw.rstrip('\n').split('\t')
        if len(fields) < 4 or not fields[3].strip():
            raise SystemExit(f'{path}: every row needs report, line, text and a reason: {raw!r}')
        allowed[(fields[0], int(fields[1]), fields[2])] = fields[3]
    return allowed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--binary', required=True)
    parser.add_argument('--root', required=True)
    args = parser.parse_args()
    reports = os.path.join(args.root, 'tests', 'corpus', 'reports')
    allowed = load_allowed(os.path.join(args.root, 'tests', 'corpus', 'empty_labels_allowed.tsv'))
    seen = set()
    failures = 0
    for name in sorted(f[:-len('.txt')] for f in os.listdir(reports) if f.endswith('.txt')):
        result = subprocess.run([args.binary, 'extract', os.path.join(reports, name + '.txt')],
                                capture_output=True)
        if result.returncode not in (0, 1):
            print(f'FAIL {name}: lawreport exited {result.returncode}')
            failures += 1
            continue
        for indicator in json.loads(result.stdout)['indicators']:
            if indicator.get('label'):
                continue
            key = (name, indicator['line'], indicator['text'])
            if key in allowed:
                seen.add(key)
                continue
            print(f'FAIL {name}:{indicator["line"]}: empty label for {indicator["text"]!r}')
            failures += 1
    for key in sorted(set(allowed) - seen):
        print(f'FAIL allowed empty label is gone, drop its row: {key[0]}:{key[1]} {key[2]!r}')
        failures += 1
    print(f'{len(seen)} allowed empty labels, {failures} failures')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
