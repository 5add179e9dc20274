#!/usr/bin/python3
"""`lawreport extract --format text`: the aligned listing for a terminal.

A golden file (COLUMNS=100, no colour), the rows against the JSON extract,
the width limit, colour only on a terminal without NO_COLOR, and no control
character from the report reaching the terminal.

  tests/cli/test_extract_text.py --binary build/dev/lawreport --root .
  LAWREPORT_UPDATE_GOLDEN=1 …   rewrites tests/golden/rongan-2023.extract.txt
"""
import argparse
import json
import os
import pty
import subprocess
import sys
import tempfile
import unicodedata

failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)
        print('FAIL: ' + message, file=sys.stderr)


def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1
               for c in text)


def listing(binary, path, env_extra, tty=False):
    env = {k: v for k, v in os.environ.items()
           if k not in ('COLUMNS', 'NO_COLOR', 'TERM')}
    env.update(env_extra)
    command = [binary, 'extract', '--format', 'text', path]
    if not tty:
        return subprocess.run(command, env=env, capture_output=True,
                              check=True).stdout.decode('utf-8')
    master, slave = pty.openpty()
    process = subprocess.Popen(command, env=env, stdout=slave,
                               stderr=subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(master)
    return b''.join(chunks).decode('utf-8').replace('\r\n', '\n')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--binary', required=True)
    parser.add_argument('--root', required=True)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    sample = os.path.join(args.root, 'data/samples/rongan-2023.txt')
    golden = os.path.join(args.root, 'tests/golden/rongan-2023.extract.txt')

    text = listing(binary, sample, {'COLUMNS': '100', 'NO_COLOR': '1'})
    if os.environ.get('LAWREPORT_UPDATE_GOLDEN'):
        with open(golden, 'w', encoding='utf-8') as f:
            f.write(text)
    expect(text == open(golden, encoding='utf-8').read(),
           'listing differs from %s (LAWREPORT_UPDATE_GOLDEN=1 rewrites it)'
           % golden)

    # One row per indicator, in order, each with its line, value and id.
    extract = json.loads(subprocess.run(
        [binary, 'extract', sample], capture_output=True, check=True).stdout)
    unlimited = listing(binary, sample, {})
    rows = unlimited.rstrip('\n').split('\n')
    expect(rows[0].split() == ['line', 'label', 'value', 'role/period',
                               'canonical'], 'header row: %r' % rows[0])
    expect(len(rows) - 1 == len(extract['indicators']),
           '%d rows for %d indicators' % (len(rows) - 1,
                                          len(extract['indicators'])))
    for row, indicator in zip(rows[1:], extract['indicators']):
        fields = row.split()
        expect(fields[0] == str(indicator['line']), 'row %r: line %s' % (
            row, indicator['line']))
        expect(indicator['label'] in row, 'row %r lacks its label' % row)
        expect(str(indicator['value']) in fields, 'row %r lacks value %s' % (
            row, indicator['value']))
        if indicator['canonical']:
            expect(fields[-1] == indicator['canonical'],
                   'row %r: canonical %s' % (row, indicator['canonical']))
        expect(indicator['role'] in fields, 'row %r lacks its role' % row)

    # The terminal's width holds.
    for columns in (60, 80, 120):
        narrow = listing(binary, sample, {'COLUMNS': str(columns)})
        widest = max(width(line) for line in narrow.split('\n'))
        expect(widest <= columns, 'COLUMNS=%d: a row is %d wide' % (
            columns, widest))
    # Colour on a terminal; none with NO_COLOR or into a pipe.
    coloured = listing(binary, sample, {'COLUMNS': '100', 'TERM': 'xterm'},
                       tty=True)
    expect('\x1b[' in coloured, 'no colour on a terminal')
    plain = listing(binary, sample, {'COLUMNS': '100', 'TERM': 'xterm',
                                     'NO_COLOR': '1'}, tty=True)
    expect('\x1b' not in plain, 'colour despite NO_COLOR')
    expect(plain == text, 'NO_COLOR on a terminal differs from the golden')
    expect('\x1b' not in unlimited, 'colour into a pipe')

    # A label holding an escape sequence reaches the terminal defused.
    with tempfile.TemporaryDirectory() as workdir:
        hostile = os.path.join(workdir, 'hostile.txt')
        with open(hostile, 'w', encoding='utf-8') as f:
            f.write('2023年报告\n受理\x1b]0;pwned\x07申请31件。\n')
        out = listing(binary, hostile, {'TERM': 'xterm'}, tty=True)
        expect('\x1b]' not in out and '\x07' not in out,
               'control characters reach the terminal: %r' % out)
        expect('31' in out, 'hostile report: figure missing: %r' % out)

    print('extract --format text: %d failures' % len(failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
