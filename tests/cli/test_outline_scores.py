#!/usr/bin/env python3
"""Runs the project scorer (tests/tools/score_outline.py, a copy of
shared/tools/score_outline.py) on `lawreport outline --format json` for every
corpus report with a gold outline: F1 must be 1.000 on the sample and at least
0.95 on every other report."""
import argparse
import os
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--binary', required=True)
    parser.add_argument('--root', required=True)
    args = parser.parse_args()
    gold_dir = os.path.join(args.root, 'tests', 'corpus', 'gold')
    reports = os.path.join(args.root, 'tests', 'corpus', 'reports')
    scorer = os.path.join(args.root, 'tests', 'tools', 'score_outline.py')
    names = sorted(f[:-len('.outline.tsv')] for f in os.listdir(gold_dir) if f.endswith('.outline.tsv'))
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            out = os.path.join(tmp, name + '.json')
            with open(out, 'wb') as f:
                status = subprocess.run([args.binary, 'outline', '--format', 'json',
                                         os.path.join(reports, name + '.txt')], stdout=f).returncode
            if status != 0:
                print(f'FAIL {name}: lawreport exited {status}')
                failures += 1
                continue
            min_f1 = '1.0' if name == 'rongan-2023' else '0.95'
            result = subprocess.run([sys.executable, scorer, os.path.join(gold_dir, name + '.outline.tsv'),
                                     out, '--min-f1', min_f1, '--show'], capture_output=True, text=True)
            verdict = 'ok  ' if result.returncode == 0 else 'FAIL'
            print(f'{verdict} {name}: {result.stdout.strip()}')
            failures += result.returncode != 0
    print(f'{len(names) - failures} passed, {failures} failed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
