#!/usr/bin/env python3
"""How many one-figure mutations of real reports `lawreport check` catches.

usage: mutation_recall.py --binary build/dev/lawreport [--show N] FILE_OR_DIR...

For every figure of every passing sum, rate, balance or template relation in
the UTF-8 text reports given (directories are searched for .txt), the units
digit of the figure is raised by one (9 becomes 0) and the mutated report is
checked. A mutation is caught when a mismatch is reported at the changed line:
the finding's line or the line of one of its figures. Prints the count per
relation type and the share caught, then up to N mutations missed.

A figure used by several relations is mutated once. Some mutations cannot be
caught by any checker: a count under a rate that still rounds to the printed
rate (43486 → 43487 under 99.74%), a part of a list that names only some
parts, a figure marked approximate (约).
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

FULL_WIDTH = {chr(0xFF10 + i): i for i in range(10)}


def extract(binary, path):
    result = subprocess.run([binary, 'extract', path], capture_output=True)
    return json.loads(result.stdout) if result.returncode == 0 else None


def reports(paths):
    for path in paths:
        if os.path.isdir(path):
            for folder, _, names in sorted(os.walk(path)):
                for name in sorted(names):
                    if name.endswith('.txt'):
                        yield os.path.join(folder, name)
        else:
            yield path


def mutate(line, column):
    """The line with the units digit of the figure at `column` (1-based) raised."""
    start = column - 1
    end = start
    while end < len(line) and (line[end].isdigit() or line[end] in FULL_WIDTH or line[end] in '.,'):
        end += 1
    digits = [k for k in range(start, end) if line[k] in '0123456789' or line[k] in FULL_WIDTH]
    if not digits:
        return None  # a figure in Chinese numerals
    point = line[start:end].find('.')
    whole = [k for k in digits if point < 0 or k < start + point]
    k = whole[-1] if whole else digits[-1]
    c = line[k]
    new = chr(0xFF10 + (FULL_WIDTH[c] + 1) % 10) if c in FULL_WIDTH else str((int(c) + 1) % 10)
    return line[:k] + new + line[k + 1:]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--binary', required=True)
    parser.add_argument('--show', type=int, default=20)
    parser.add_argument('paths', nargs='+')
    args = parser.parse_args()
    counts = collections.Counter()
    missed = []
    with tempfile.TemporaryDirectory() as scratch:
        mutated_path = os.path.join(scratch, 'mutated.txt')
        for path in reports(args.paths):
            doc = extract(args.binary, path)
            if not doc:
                continue
            by_id = {i['id']: i for i in doc['indicators']}
            with open(path, encoding='utf-8', errors='replace') as f:
                lines = f.read().split('\n')
            done = set()
            for check in doc['checks']:
                if check['status'] != 'pass' or check['type'] not in ('sum', 'rate', 'balance', 'template'):
                    continue
                for figure in (by_id[i] for i in check['indicators']):
                    where = (figure['line'], figure['column'])
                    if where in done or figure['line'] > len(lines):
                        continue
                    done.add(where)
                    changed = mutate(lines[figure['line'] - 1], figure['column'])
                    if changed is None:
                        continue
                    with open(mutated_path, 'w', encoding='utf-8') as f:
                        f.write('\n'.join(lines[:figure['line'] - 1] + [changed] + lines[figure['line']:]))
                    mutated = extract(args.binary, mutated_path)
                    if not mutated:
                        continue
                    line_of = {i['id']: i['line'] for i in mutated['indicators']}
                    caught = any(m['status'] == 'mismatch' and
                                 (m['line'] == figure['line'] or
                                  any(line_of.get(i) == figure['line'] for i in m['indicators']))
                                 for m in mutated['checks'])
                    counts[(check['type'], caught)] += 1
                    if not caught:
                        missed.append(f"{path}:{figure['line']}: {check['type']} {check['expression']}: "
                                      f"{figure['id']} {figure['value']}")
    total = sum(counts.values())
    caught = sum(n for (kind, hit), n in counts.items() if hit)
    for kind in ('sum', 'rate', 'balance', 'template'):
        n = counts[(kind, True)] + counts[(kind, False)]
        if n:
            print(f'{kind:9} {counts[(kind, True)]:5} / {n:5} caught')
    print(f'{"all":9} {caught:5} / {total:5} caught ({100.0 * caught / max(total, 1):.1f}%)')
    for line in missed[:args.show]:
        print('missed:', line)
    return 0


if __name__ == '__main__':
    sys.exit(main())
