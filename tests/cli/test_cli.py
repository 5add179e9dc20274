#!/usr/bin/env python3
"""CLI tests for `lawreport`: exit statuses, messages, stdin, encodings, schema.

Run by CTest:  python3 tests/cli/test_cli.py --binary build/dev/lawreport --root .
Every bad input must give exit status 2, nothing on stdout, and exactly one
line on stderr of the form `lawreport: PATH: problem`.
"""
import argparse
import glob
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
import unittest

BINARY = None
ROOT = None


def run(*args, stdin=None):
    return subprocess.run([BINARY, *args], input=stdin, capture_output=True, timeout=60)


def sample_path():
    return os.path.join(ROOT, 'data', 'samples', 'rongan-2023.txt')


def walk(sections):
    for section in sections:
        yield section
        yield from walk(section['children'])


def headings(document):
    """(line, level, title folded to one width) for every section."""
    return [(s['line'], s['level'], unicodedata.normalize('NFKC', s['title']))
            for s in walk(document['sections'])]


class CommandLineTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='lawreport-cli-')

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, 'wb') as f:
            f.write(data)
        return path

    def outline_json(self, path, *extra):
        result = run('outline', '--format', 'json', *extra, path)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual(result.stderr, b'')
        return json.loads(result.stdout)

    def assert_input_error(self, result, path, message_part):
        self.assertEqual(result.returncode, 2, result.stderr.decode())
        self.assertEqual(result.stdout, b'', 'no partial output on error')
        stderr = result.stderr.decode()
        self.assertEqual(stderr.count('\n'), 1, stderr)
        self.assertTrue(stderr.startswith(f'lawreport: {path}: '), stderr)
        self.assertIn(message_part, stderr)

    # --- the main job -----------------------------------------------------

    def test_tree_on_sample(self):
        result = run('outline', sample_path())
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stderr, b'')
        out = result.stdout.decode()
        self.assertIn('融安县2023年法治政府建设年度报告', out)
        self.assertIn('一、总体工作情况', out)
        self.assertIn('    1．加强理论学习，强化法治理论素养。', out)
        self.assertIn('三、下一步工作计划', out)

    def test_json_on_sample(self):
        doc = self.outline_json(sample_path())
        self.assertEqual(doc['schema_version'], '2.0')
        self.assertEqual(doc['source']['encoding'], 'UTF-8')
        self.assertEqual(doc['source']['bytes'], os.path.getsize(sample_path()))
        self.assertEqual(doc['document'], {
            'title': '融安县2023年法治政府建设年度报告', 'title_line': 1, 'title_end_line': 1, 'issuer': '融安县',
            'year': 2023, 'kind': '法治政府建设年度报告'})
        self.assertEqual(len(list(walk(doc['sections']))), 56)
        self.assertEqual([s['title'] for s in doc['sections']], ['总体工作情况', '存在问题', '下一步工作计划'])

    def test_stdin(self):
        with open(sample_path(), 'rb') as f:
            data = f.read()
        result = run('outline', '--format', 'json', '-', stdin=data)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        from_stdin = json.loads(result.stdout)
        self.assertEqual(from_stdin['source']['path'], '-')
        self.assertEqual(headings(from_stdin), headings(self.outline_json(sample_path())))

    def test_version_and_help(self):
        result = run('--version')
        self.assertEqual(result.returncode, 0)
        self.assertRegex(result.stdout.decode(), r'^lawreport \d+\.\d+\.\d+')
        for args in (['--help'], ['outline', '--help']):
            result = run(*args)
            self.assertEqual(result.returncode, 0, args)
            self.assertIn('--format' if 'outline' in args else 'outline', result.stdout.decode())

    def test_usage_errors_exit_2(self):
        for args in ([], ['outline'], ['outline', '--format', 'xml', sample_path()],
                     ['outline', '--no-such-flag', sample_path()], ['no-such-command'],
                     ['outline', '--max-bytes', '0', sample_path()]):
            result = run(*args)
            self.assertEqual(result.returncode, 2, args)
            self.assertEqual(result.stdout, b'', args)
            self.assertTrue(result.stderr.startswith(b'lawreport: '), args)

    # --- the same report in other encodings and layouts --------------------

    def test_reencoded_sample_gives_same_outline(self):
        with open(sample_path(), encoding='utf-8') as f:
            text = f.read()
        ascii_punctuation = text.translate(str.maketrans('，：；（）！？', ',:;()!?'))
        variants = {
            'gb18030': (text.encode('gb18030'), 'GB18030'),
            'utf16le-bom': (b'\xff\xfe' + text.encode('utf-16-le'), 'UTF-16LE'),
            'utf16be-bom': (b'\xfe\xff' + text.encode('utf-16-be'), 'UTF-16BE'),
            'utf8-bom': (b'\xef\xbb\xbf' + text.encode('utf-8'), 'UTF-8'),
            'crlf': (text.replace('\n', '\r\n').encode('utf-8'), 'UTF-8'),
            'cr': (text.replace('\n', '\r').encode('utf-8'), 'UTF-8'),
            'ascii-punctuation': (ascii_punctuation.encode('utf-8'), 'UTF-8'),
            'ideographic-indent': ('\n'.join('\u3000\u3000' + line if line else line
                                             for line in text.split('\n')).encode('utf-8'), 'UTF-8'),
        }
        expected = headings(self.outline_json(sample_path()))
        self.assertEqual(len(expected), 56)
        for name, (data, encoding) in variants.items():
            with self.subTest(variant=name):
                doc = self.outline_json(self.write(f'rongan-{name}.txt', data))
                self.assertEqual(doc['source']['encoding'], encoding)
                self.assertEqual(headings(doc), expected)
                self.assertEqual(doc['document']['issuer'], '融安县')
        # A forced encoding reads a GBK file that detection would also read.
        gbk = self.write('rongan-gbk.txt', text.encode('gbk'))
        self.assertEqual(headings(self.outline_json(gbk, '--encoding', 'GBK')), expected)

    def test_titles_are_source_text(self):
        with open(sample_path(), encoding='utf-8') as f:
            text = f.read()
        doc = self.outline_json(self.write('gb.txt', text.encode('gb18030')))
        first = doc['sections'][0]['children'][0]
        self.assertEqual(first['marker'], '（一）')
        self.assertEqual(first['children'][0]['marker'], '1．')

    # --- bad input -------------------------------------------------------------

    def test_missing_file(self):
        path = os.path.join(self.tmp, 'missing.txt')
        self.assert_input_error(run('outline', path), path, 'no such file')

    def test_directory(self):
        # Empty: the message every command gives (test_output_integrity.py).
        self.assert_input_error(run('outline', self.tmp), self.tmp, 'no reports found')
        shutil.copy(sample_path(), self.tmp)
        self.assert_input_error(run('outline', self.tmp), self.tmp, 'is a directory')

    def test_unreadable_file(self):
        setpriv = shutil.which('setpriv')
        if os.geteuid() != 0 or setpriv is None:
            self.skipTest('needs root and setpriv to read as another user')
        path = self.write('secret.txt', '一、总体\n'.encode())
        os.chmod(path, 0)
        os.chmod(self.tmp, 0o755)
        result = subprocess.run([setpriv, '--reuid=65534', '--regid=65534', '--clear-groups',
                                 BINARY, 'outline', path], capture_output=True, timeout=60)
        self.assert_input_error(result, path, 'permission denied')

    def test_empty_and_whitespace(self):
        empty = self.write('empty.txt', b'')
        self.assert_input_error(run('outline', empty), empty, 'empty file')
        blank = self.write('blank.txt', ' \n\t\r\n\u3000\n'.encode())
        self.assert_input_error(run('outline', blank), blank, 'only whitespace')

    def test_bytes_that_are_not_text(self):
        path = self.write('bad.txt', '融安县'.encode() + b'\xff\xff\xff')
        self.assert_input_error(run('outline', path), path, 'bad byte at offset 9')

    def test_nul_bytes(self):
        path = self.write('nul.txt', b'abc\x00def')
        self.assert_input_error(run('outline', path), path, 'NUL bytes (first at offset 3)')
        png = self.write('image.png', b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' + bytes(range(256)))
        self.assert_input_error(run('outline', png), png, 'NUL bytes')

    def test_size_limit(self):
        result = run('outline', '--max-bytes', '1000', sample_path())
        self.assert_input_error(result, sample_path(), 'over the limit of 1000 bytes')
        with open(sample_path(), 'rb') as f:
            result = run('outline', '--max-bytes', '1000', '-', stdin=f.read())
        self.assert_input_error(result, '-', 'over the limit of 1000 bytes')

    def test_unknown_encoding(self):
        result = run('outline', '--encoding', 'NO-SUCH-CHARSET', sample_path())
        self.assert_input_error(result, sample_path(), "unknown encoding 'NO-SUCH-CHARSET'")

    def test_wrong_forced_encoding(self):
        path = self.write('gbk.txt', '融安县\n'.encode('gbk'))
        result = run('outline', '--encoding', 'UTF-8', path)
        self.assert_input_error(result, path, 'not valid UTF-8 text: bad byte at offset 0')

    # --- extract --------------------------------------------------------------------

    def extract(self, path, *extra):
        result = run('extract', *extra, path)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual(result.stderr, b'')
        return result.stdout

    def test_extract_formats(self):
        doc = json.loads(self.extract(sample_path()))
        indicators = doc['indicators']
        self.assertGreaterEqual(len(indicators), 89)
        by_id = {i['id']: i for i in indicators}
        self.assertEqual(len(by_id), len(indicators))
        rate = next(i for i in indicators if i['label'] == '办结率')
        self.assertEqual((rate['line'], rate['value'], rate['unit'], rate['kind'], rate['decimals']),
                         (15, 99.74, '%', 'percent', 2))
        self.assertEqual(doc['sections'][0]['title'], '总体工作情况')  # the outline comes along

        line = self.extract(sample_path(), '--format', 'jsonl')
        self.assertEqual(line.count(b'\n'), 1)
        self.assertEqual(json.loads(line), doc)

        import csv
        import io
        rows = list(csv.reader(io.StringIO(self.extract(sample_path(), '--format', 'csv').decode(),
                                           newline='')))
        # Columns are only added at the end: the first 14 are what they were.
        self.assertEqual(rows[0], ['path', 'section', 'section_title', 'line', 'label', 'value',
                                   'unit', 'kind', 'qualifier', 'text', 'page', 'table',
                                   'row', 'column', 'role', 'period_from', 'period_to',
                                   'aggregate', 'direction', 'upper', 'decimals',
                                   'start', 'end'])
        self.assertEqual(len(rows) - 1, len(indicators))
        first = rows[1]
        self.assertEqual(first[0], sample_path())
        self.assertEqual(first[1], indicators[0]['section'])
        self.assertEqual(float(first[5]), indicators[0]['value'])
        # The CSV loses nothing of what JSON says about the figure itself.
        for row, indicator in zip(rows[1:], indicators):
            record = dict(zip(rows[0], row))
            self.assertEqual(
                (record['qualifier'], record['direction'], record['upper'], record['decimals'],
                 record['start'], record['end']),
                (indicator['qualifier'] or '', indicator['direction'] or '',
                 '' if indicator['upper'] is None else str(indicator['upper']),
                 str(indicator['decimals']), str(indicator['start']), str(indicator['end'])))

    def test_extract_same_indicators_in_every_encoding(self):
        with open(sample_path(), encoding='utf-8') as f:
            text = f.read()
        def facts(doc):
            return [(i['line'], i['value'], i['unit'], unicodedata.normalize('NFKC', i['label']))
                    for i in doc['indicators']]
        expected = facts(json.loads(self.extract(sample_path())))
        for name, data in {'gb18030': text.encode('gb18030'),
                           'utf16le': b'\xff\xfe' + text.encode('utf-16-le'),
                           'crlf': text.replace('\n', '\r\n').encode()}.items():
            with self.subTest(variant=name):
                path = self.write(f'{name}.txt', data)
                self.assertEqual(facts(json.loads(self.extract(path))), expected)

    def test_extract_bad_input(self):
        path = os.path.join(self.tmp, 'missing.txt')
        self.assert_input_error(run('extract', path), path, 'no such file')
        empty = self.write('empty.txt', b'')
        self.assert_input_error(run('extract', '--format', 'csv', empty), empty, 'empty file')

    # --- batch ---------------------------------------------------------------------

    def corpus_dir(self):
        return os.path.join(ROOT, 'tests', 'corpus', 'reports')

    def test_batch_json_lines_in_input_order(self):
        missing = os.path.join(self.tmp, 'missing.txt')
        result = run('extract', '-j', '2', sample_path(), missing, self.corpus_dir())
        self.assertEqual(result.returncode, 2)
        records = [json.loads(line) for line in result.stdout.decode().splitlines()]
        reports = sorted(n for n in os.listdir(self.corpus_dir()) if n.endswith('.txt'))
        self.assertEqual(len(records), 2 + len(reports))
        self.assertEqual(records[0]['source']['path'], sample_path())
        self.assertEqual(records[1], {'schema_version': '2.0', 'source': {'path': missing},
                                      'error': 'no such file'})
        self.assertEqual([r['source']['path'] for r in records[2:]],
                         [os.path.join(self.corpus_dir(), n) for n in reports])
        stderr = result.stderr.decode().splitlines()
        self.assertIn(f'lawreport: {missing}: no such file', stderr)
        self.assertRegex(stderr[-1], r'^lawreport: 28 files, \d+ indicators, 1 failed, [0-9.]+ MB in '
                                     r'[0-9.]+ s \([0-9.]+ MB/s\)$')
        # The same output whatever the number of jobs.
        one = run('extract', '-j', '1', '-q', sample_path(), missing, self.corpus_dir())
        self.assertEqual(one.stdout, result.stdout)
        self.assertEqual(one.stderr.decode(), f'lawreport: {missing}: no such file\n')

    def test_batch_csv_glob_and_files_from(self):
        result = run('extract', '--format', 'csv', '--glob', '*gzbg*', '-q', self.corpus_dir())
        self.assertEqual(result.returncode, 0)
        lines = result.stdout.decode().split('\r\n')
        self.assertEqual(lines[0], 'path,section,section_title,line,label,value,unit,kind,'
                                   'qualifier,text,page,table,row,column,role,'
                                   'period_from,period_to,aggregate,direction,upper,decimals,start,end')
        self.assertEqual(sum(1 for line in lines if line.startswith('path,')), 1)
        paths = {line.split(',')[0] for line in lines[1:] if line}
        self.assertEqual(len(paths), 10)
        self.assertTrue(all('gzbg' in p for p in paths))

        listing = self.write('list.txt', (sample_path() + '\n\n' + os.path.join(
            self.corpus_dir(), '001_sfb_moj_2023.txt') + '\n').encode())
        from_file = run('extract', '--files-from', listing, '-q')
        self.assertEqual(from_file.returncode, 0)
        self.assertEqual(len(from_file.stdout.decode().splitlines()), 2)
        with open(listing, 'rb') as f:
            from_stdin = subprocess.run([BINARY, 'extract', '--files-from', '-', '-q'], input=f.read(),
                                        capture_output=True, timeout=60)
        self.assertEqual(from_stdin.stdout, from_file.stdout)
        self.assertEqual(run('extract', '--files-from', os.path.join(self.tmp, 'nope.txt')).returncode, 2)
        self.assertEqual(run('extract', '--glob', '*.nothing', '-q', self.corpus_dir()).returncode, 2)

    def test_output_file_is_atomic(self):
        target = os.path.join(self.tmp, 'out.jsonl')
        result = run('extract', '-o', target, '-q', sample_path(), self.corpus_dir())
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout, b'')
        with open(target, encoding='utf-8') as f:
            self.assertEqual(len(f.read().splitlines()), 27)
        self.assertEqual(sorted(os.listdir(self.tmp)), ['out.jsonl'])  # no temporary file left
        mask = os.umask(0)
        os.umask(mask)
        self.assertEqual(os.stat(target).st_mode & 0o777, 0o666 & ~mask)  # not mkstemp's 0600
        bad_target = os.path.join(self.tmp, 'no-such-dir', 'out.jsonl')
        result = run('extract', '-o', bad_target, sample_path(), self.corpus_dir())
        self.assertEqual(result.returncode, 2)
        self.assertIn('cannot create', result.stderr.decode())

    def test_interrupt_keeps_what_is_finished(self):
        batch, _ = self.make_batch()
        target = os.path.join(self.tmp, 'out.jsonl')
        with open(target, 'wb') as f:
            f.write(b'{"old": true}\n')  # last night's complete run
        process = subprocess.Popen([BINARY, 'extract', '-j', '1', '-o', target, batch],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        # Interrupted once a record is written, not after a fixed time: a
        # faster build would otherwise finish the batch first.
        self.wait_for_first_record(process, target, old=b'{"old": true}\n')
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        self.assertEqual(process.returncode, 130, stderr.decode())
        self.assertIn('interrupted', stderr.decode())
        # The target keeps its old content: a downstream job never mistakes
        # a cut run for a complete one. The finished records are beside it.
        with open(target, 'rb') as f:
            self.assertEqual(f.read(), b'{"old": true}\n')
        self.assertIn(f'the finished records are in {target}.partial; {target} is unchanged',
                      stderr.decode())
        with open(target + '.partial', encoding='utf-8') as f:
            lines = f.read().splitlines()
        self.assertGreaterEqual(len(lines), 1)
        self.assertLess(len(lines), 60)
        for line in lines:
            json.loads(line)  # every record written is whole
        self.assertEqual(self.temporary_files(target), [])

    # Interrupting a batch. The first SIGINT or SIGTERM stops dispatching; the
    # files in flight finish and are written, in input order, then the summary
    # line and exit status 130. With -o the temporary file is renamed to
    # TARGET.partial then, so the target never holds a cut run.

    def make_batch(self, count=60, repeat=20):
        """count copies of the sample, each `repeat` times over so one takes a noticeable time."""
        batch = os.path.join(self.tmp, 'batch')
        os.mkdir(batch)
        with open(sample_path(), 'rb') as f:
            data = f.read() * repeat
        paths = []
        for i in range(count):
            path = os.path.join(batch, f'r{i:03}.txt')
            with open(path, 'wb') as f:
                f.write(data)
            paths.append(path)
        return batch, paths

    def temporary_files(self, target):
        directory, name = os.path.split(target)
        return sorted(n for n in os.listdir(directory) if n.startswith(name + '.tmp'))

    def wait_for_first_record(self, process, target, old=None):
        """Until the temporary file beside target holds one whole line; target must not exist
        (or keep its `old` content) meanwhile."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if old is None:
                self.assertFalse(os.path.exists(target), 'the target appeared before the run ended')
            else:
                with open(target, 'rb') as f:
                    self.assertEqual(f.read(), old, 'the target changed before the run ended')
            self.assertIsNone(process.poll(), 'the run ended before its first record was written')
            for name in self.temporary_files(target):
                try:
                    with open(os.path.join(os.path.dirname(target), name), 'rb') as f:
                        if b'\n' in f.read():
                            return
                except FileNotFoundError:
                    pass
            time.sleep(0.01)
        self.fail('no record written within 60 s')

    def assert_finished_records(self, output, stderr, inputs):
        """output: whole JSON documents, one a line, for the first inputs in order, as many as the summary counts."""
        text = output.decode()
        self.assertTrue(text.endswith('\n'), 'the last record is cut short')
        records = [json.loads(line) for line in text.splitlines()]  # each line is whole
        self.assertGreaterEqual(len(records), 1)
        self.assertLess(len(records), len(inputs), 'the run was not interrupted')
        self.assertEqual([r['source']['path'] for r in records], inputs[:len(records)])
        self.assertTrue(all('indicators' in r and 'error' not in r for r in records))
        summary = stderr.decode().splitlines()[-1]
        self.assertRegex(summary, r'^lawreport: \d+ files, \d+ indicators, 0 failed, [0-9.]+ MB in [0-9.]+ s '
                                  r'\([0-9.]+ MB/s\); interrupted, the rest not processed$')
        self.assertEqual(int(re.match(r'lawreport: (\d+) files', summary).group(1)), len(records))

    def test_sigterm_stops_a_batch_like_sigint(self):
        batch, inputs = self.make_batch()
        statuses = {}
        for sig in (signal.SIGINT, signal.SIGTERM):
            for to_file in (True, False):
                with self.subTest(signal=sig.name, output='-o FILE' if to_file else 'stdout'):
                    target = os.path.join(self.tmp, f'{sig.name}.jsonl')
                    args = [BINARY, 'extract', '-j', '2', *(['-o', target] if to_file else []), batch]
                    # stderr to a file, so that stdout can be read through one
                    # buffered reader (communicate() would skip what readline()
                    # buffered).
                    with tempfile.TemporaryFile() as errors:
                        process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=errors)
                        try:
                            if to_file:
                                self.wait_for_first_record(process, target)
                            else:
                                first = process.stdout.readline()
                                self.assertTrue(first.endswith(b'\n'), 'no record before the end')
                            process.send_signal(sig)
                            stdout = process.stdout.read()
                            process.wait(timeout=60)
                        finally:
                            if process.poll() is None:
                                process.kill()
                            process.wait()
                            process.stdout.close()
                        errors.seek(0)
                        stderr = errors.read()
                    statuses[(sig, to_file)] = process.returncode
                    self.assertEqual(process.returncode, 130, stderr.decode())
                    if to_file:
                        self.assertEqual(stdout, b'')
                        self.assertEqual(self.temporary_files(target), [])
                        self.assertFalse(os.path.exists(target), 'an interrupted run made the target')
                        with open(target + '.partial', 'rb') as f:
                            output = f.read()
                    else:
                        output = first + stdout
                    self.assert_finished_records(output, stderr, inputs)
        # SIGTERM (what `timeout`, systemd and batch schedulers send) ends a run
        # exactly as Ctrl-C does.
        self.assertEqual({statuses[(signal.SIGTERM, f)] for f in (True, False)},
                         {statuses[(signal.SIGINT, f)] for f in (True, False)})

    def assert_no_file_or_complete_file(self, target, process, stdout, stderr, inputs):
        """The target is absent or complete; an interrupted run's records are whole, in TARGET.partial."""
        self.assertEqual(self.temporary_files(target), [], 'a temporary file was left behind')
        self.assertEqual(stdout, b'')
        partial = target + '.partial'
        if process.returncode == 0:
            self.assertFalse(os.path.exists(partial))
            with open(target, 'rb') as f:
                records = [json.loads(line) for line in f.read().decode().splitlines()]
            self.assertEqual([r['source']['path'] for r in records], inputs)
            return
        self.assertFalse(os.path.exists(target), 'an interrupted run made the target')
        if not os.path.exists(partial):
            # Only when the signal came before the run set up its handlers,
            # or (a second signal) ended it at once.
            self.assertIn(process.returncode, (-signal.SIGTERM, 130), stderr.decode())
            return
        self.assertEqual(process.returncode, 130, stderr.decode())
        with open(partial, 'rb') as f:
            text = f.read().decode()
        self.assertTrue(text == '' or text.endswith('\n'), 'the last record is cut short')
        records = [json.loads(line) for line in text.splitlines()]
        self.assertEqual([r['source']['path'] for r in records], inputs[:len(records)])
        summary = stderr.decode().splitlines()[-1]
        self.assertEqual(int(re.match(r'lawreport: (\d+) files', summary).group(1)), len(records))

    def interrupt_batch(self, batch, target, inputs, delay, signals):
        """Runs `extract -o target` over batch, sends SIGTERM `signals` times
        (10 ms apart) after `delay` seconds or once the first record is
        written, and checks the file is absent or whole."""
        process = subprocess.Popen([BINARY, 'extract', '-j', '2', '-o', target, batch],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            if delay == 'first record':
                self.wait_for_first_record(process, target)
            else:
                time.sleep(delay)
            for n in range(signals):
                if n:
                    time.sleep(0.01)
                process.send_signal(signal.SIGTERM)
            stdout, stderr = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
        self.assert_no_file_or_complete_file(target, process, stdout, stderr, inputs)

    def test_interrupted_output_file_is_never_partial(self):
        batch, inputs = self.make_batch(count=30)
        target = os.path.join(self.tmp, 'out.jsonl')
        # A signal at any moment: while starting, while listing, while the
        # first files run, once records are written.
        for delay in (0, 0.005, 0.02, 0.05, 0.1, 0.3, 'first record'):
            with self.subTest(delay=delay):
                for stale in (target, target + '.partial'):
                    if os.path.exists(stale):
                        os.unlink(stale)
                self.interrupt_batch(batch, target, inputs, delay, signals=1)

    # The second SIGINT or SIGTERM ends the process at once, without
    # destructors; the handler removes the temporary file itself.
    def test_second_signal_leaves_no_temporary_file(self):
        # Larger files, so that the run is still finishing the files in flight
        # when the second signal comes.
        batch, inputs = self.make_batch(count=30, repeat=40)
        target = os.path.join(self.tmp, 'out.jsonl')
        self.interrupt_batch(batch, target, inputs, 'first record', signals=2)

    def test_closed_pipe_exits_quietly(self):
        process = subprocess.Popen([BINARY, 'extract', '-j', '2', self.corpus_dir(), self.corpus_dir()],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        process.stdout.read(100)
        process.stdout.close()
        stderr = process.stderr.read()
        process.wait(timeout=60)
        self.assertEqual(process.returncode, 0)
        self.assertEqual(stderr, b'')

    # --- table and diff --------------------------------------------------------------

    def golden(self, name, produced):
        # Expected outputs live in tests/golden; rewrite them on purpose with
        # LAWREPORT_UPDATE_GOLDEN=1 and review the diff.
        path = os.path.join(ROOT, 'tests', 'golden', name)
        if os.environ.get('LAWREPORT_UPDATE_GOLDEN') == '1':
            with open(path, 'wb') as f:
                f.write(produced)
        with open(path, 'rb') as f:
            self.assertEqual(produced.decode(), f.read().decode())

    def in_root(self, *args):
        return subprocess.run([BINARY, *args], cwd=ROOT, capture_output=True, timeout=120)

    def test_table_over_the_corpus(self):
        result = self.in_root('table', '-q', 'tests/corpus/reports')
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.golden('corpus.table.csv', result.stdout)
        import csv
        import io
        rows = list(csv.DictReader(io.StringIO(result.stdout.decode(), newline='')))
        self.assertEqual(list(rows[0].keys()), ['issuer', 'year', 'kind', 'canonical', 'name', 'value', 'unit',
                                                'label', 'file', 'line', 'qualifier', 'direction', 'upper',
                                                'decimals', 'page', 'start', 'end', 'role', 'period_from',
                                                'period_to', 'aggregate', 'body'])
        # Every row has every column of the header (body was once missing).
        self.assertTrue(all(r['body'] is not None and None not in r for r in rows))
        # Direction and the upper end of a range survive into the panel.
        self.assertTrue(any(r['direction'] == 'up' for r in rows))
        self.assertTrue(any(r['upper'] for r in rows))
        sample = [r for r in rows if r['file'].endswith('rongan-2023.txt')]
        self.assertEqual(len(sample), 38)

        wide = self.in_root('table', '-q', '--wide', '--indicators', 'economy.gdp_growth,jobs.new_urban',
                            'tests/corpus/reports')
        self.golden('corpus.wide.csv', wide.stdout)
        lines = wide.stdout.decode().split('\r\n')
        self.assertEqual(lines[0], 'file,issuer,year,kind,economy.gdp_growth,jobs.new_urban')
        # Beijing states 城镇新增就业28万人 only as its 2026 target: its 2025
        # column stays empty, and the target comes with --role target.
        self.assertIn('tests/corpus/reports/031_gzbg_2026_beijing.txt,北京市,2025,政府工作报告,5.4,', lines)
        targets = self.in_root('table', '-q', '--wide', '--role', 'target', '--indicators',
                               'economy.gdp_growth,jobs.new_urban', 'tests/corpus/reports')
        self.assertIn('tests/corpus/reports/031_gzbg_2026_beijing.txt,北京市,2025,政府工作报告,5,280000',
                      targets.stdout.decode().split('\r\n'))

    def test_a_wide_panel_never_mixes_a_target_with_a_result(self):
        import csv
        import io
        reports = sorted(glob.glob(os.path.join(ROOT, 'tests/corpus/reports/*.txt')))
        extracted = self.in_root('extract', '-q', '--format', 'jsonl', 'tests/corpus/reports')
        documents = {d['source']['path']: d for d in
                     map(json.loads, extracted.stdout.decode().splitlines())}
        for role in ('actual', 'target'):
            wide = self.in_root('table', '-q', '--wide', '--role', role, 'tests/corpus/reports')
            self.assertEqual(wide.returncode, 0, wide.stderr.decode())
            for row in csv.DictReader(io.StringIO(wide.stdout.decode(), newline='')):
                document = documents[row['file']]
                for column, value in row.items():
                    if '.' not in column or not value or column == 'file':
                        continue
                    figures = [i for i in document['indicators'] if i['canonical'] == column
                               and str(i['value']) == value and i['role'] == role
                               and i['aggregate'] == 'point']
                    if role == 'actual':
                        figures = [i for i in figures if i['period']['to'] in (None, int(row['year']))]
                    self.assertTrue(figures, (row['file'], column, value, role))
        self.assertTrue(reports)

        jsonl = self.in_root('table', '-q', '--format', 'jsonl', '--indicators', 'reconsideration.received',
                             'data/samples/rongan-2023.txt')
        self.assertEqual([json.loads(line) for line in jsonl.stdout.decode().splitlines()], [{
            'issuer': '融安县', 'year': 2023, 'kind': '法治政府建设年度报告',
            'canonical': 'reconsideration.received', 'name': '行政复议申请收到数', 'value': 31, 'unit': '件',
            'label': '县人民政府收到行政复议申请', 'file': 'data/samples/rongan-2023.txt', 'line': 61,
            'qualifier': None, 'direction': None, 'upper': None, 'decimals': 0, 'page': None,
            'start': 14598, 'end': 14642, 'role': 'actual', 'period': {'from': 2023, 'to': 2023},
            'aggregate': 'point', 'body': '融安县'}])
        self.assertEqual(self.in_root('table', '--indicators', 'no.such', 'data/samples/rongan-2023.txt')
                         .returncode, 2)

    def test_diff(self):
        # Beijing and Jiangxi are two bodies: diff refuses them, and the golden
        # comparison (which shows every kind of row) needs --force.
        old, new = 'tests/corpus/reports/031_gzbg_2026_beijing.txt', 'tests/corpus/reports/035_gzbg_2026_jiangxi.txt'
        refused = self.in_root('diff', '--format', 'csv', old, new)
        self.assertEqual(refused.returncode, 2)
        self.assertEqual(refused.stdout, b'')
        self.assertEqual(refused.stderr.decode(),
                         'lawreport: diff: OLD and NEW are reports of different bodies (北京市, 江西省); '
                         '--force compares them anyway\n')
        result = self.in_root('diff', '--force', '--format', 'csv', old, new)
        self.assertEqual(result.returncode, 0)
        self.golden('beijing-jiangxi.diff.csv', result.stdout)
        doc = json.loads(self.in_root('diff', '--force', '--format', 'json', old, new).stdout)
        gdp = next(r for r in doc['rows'] if r['key'] == 'economy.gdp_growth')
        self.assertEqual((gdp['old'], gdp['new'], gdp['change'], gdp['change_unit'], gdp['change_percent'],
                          gdp['status'], gdp['old_line'], gdp['new_line']),
                         (5.4, 5.2, -0.2, '个百分点', None, 'changed', 8, 8))
        for row in doc['rows']:  # both line numbers on every compared row
            self.assertTrue(row['old_line'] or row['status'] == 'appeared', row)
            self.assertTrue(row['new_line'] or row['status'] == 'disappeared', row)
        text = self.in_root('diff', '--force', old, new).stdout.decode()
        self.assertIn('地区生产总值增速 (economy.gdp_growth)  5.4 → 5.2 %  -0.2 个百分点  [lines 8 → 8]', text)
        self.assertEqual(self.in_root('diff', old).returncode, 2)
        missing = os.path.join(self.tmp, 'missing.txt')
        self.assert_input_error(self.in_root('diff', old, missing), missing, 'no such file')

    def test_diff_one_body_over_two_years(self):
        # The sample's two years: 北京市 and 北京市人民政府 are one body; a fall
        # that deepens is a negative change in points; a repeated label is
        # compared mention by mention; --changed-only drops what stayed.
        with open(sample_path(), encoding='utf-8') as f:
            text = f.read()
        title = '融安县2023年法治政府建设年度报告'
        self.assertIn(title, text)
        body = ('\n能耗同比下降1.3%，城镇调查失业率4.1%。\n')
        old = self.write('2023.txt', (text + body).encode())
        new_text = (text.replace(title, '融安县人民政府2024年法治政府建设年度报告')
                    .replace('部门完成联合抽查任务6个', '部门完成联合抽查任务9个')
                    + '\n能耗同比下降7.2%，城镇调查失业率4.4%。\n')
        new = self.write('2024.txt', new_text.encode())
        result = run('diff', '--format', 'json', old, new)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        rows = json.loads(result.stdout)['rows']
        def row(key, n=0):
            return [r for r in rows if r['key'] == key][n]
        energy = row('label:能耗')
        self.assertEqual((energy['old'], energy['new'], energy['change'], energy['change_unit'],
                          energy['change_percent']), (-1.3, -7.2, -5.9, '个百分点', None))
        rate = row('jobs.urban_unemployment_rate')
        self.assertEqual((rate['change'], rate['change_unit'], rate['change_percent']), (0.3, '个百分点', None))
        checks = [r for r in rows if r['key'] == 'label:部门完成联合抽查任务']
        self.assertEqual([(r['old'], r['new'], r['status'], r['old_line'], r['new_line']) for r in checks],
                         [(18, 18, 'same', 19, 19), (6, 9, 'changed', 19, 19)])
        changed = json.loads(run('diff', '--changed-only', '--format', 'json', old, new).stdout)['rows']
        self.assertTrue(changed)
        self.assertTrue(all(r['status'] != 'same' for r in changed))
        self.assertEqual([(r['old'], r['new']) for r in changed if r['key'] == 'label:部门完成联合抽查任务'],
                         [(6, 9)])
        csv_text = run('diff', '--format', 'csv', old, new).stdout.decode()
        self.assertTrue(csv_text.startswith('key,name,unit,old,new,change,change_percent,status,'
                                            'change_unit,old_line,new_line\r\n'))
        self.assertIn('城镇调查失业率 (jobs.urban_unemployment_rate)  4.1 → 4.4 %  +0.3 个百分点',
                      run('diff', old, new).stdout.decode())

        # Refused: NEW not later than OLD, and two kinds of report; --force compares.
        for args, message in [((new, old), 'NEW (2023) is not later than OLD (2024)'),
                              ((old, old), 'NEW (2023) is not later than OLD (2023)')]:
            refused = run('diff', *args)
            self.assertEqual(refused.returncode, 2)
            self.assertEqual(refused.stdout, b'')
            self.assertEqual(refused.stderr.decode(),
                             f'lawreport: diff: {message}; --force compares them anyway\n')
            self.assertEqual(run('diff', '--force', *args).returncode, 0)
        plan = self.write('plan.txt', text.replace(title, '融安县2024年政府工作报告').encode())
        refused = run('diff', old, plan)
        self.assertEqual(refused.returncode, 2)
        self.assertIn('different kinds of report', refused.stderr.decode())

    # --- check -----------------------------------------------------------------------

    def mutated_sample(self, name, old, new):
        with open(sample_path(), encoding='utf-8') as f:
            text = f.read()
        self.assertEqual(text.count(old), 1)
        return self.write(name, text.replace(old, new).encode())

    def test_check_exit_statuses(self):
        ok = run('check', sample_path())
        self.assertEqual(ok.returncode, 0, ok.stdout.decode())
        self.assertIn('13 pass, 0 mismatch', ok.stdout.decode())

        bad = self.mutated_sample('bad.txt', '不受理4件', '不受理5件')
        result = run('check', bad)
        self.assertEqual(result.returncode, 1)
        lines = result.stdout.decode().splitlines()
        self.assertEqual(lines[0], f'{bad}:61: mismatch [sum] parts add up to 32件, more than '
                                   f'县人民政府收到行政复议申请 31件 (27 + 5 = 32 > 31)')
        self.assertIn('1 mismatch', lines[-1])

        # One unreadable file among good ones: the others are still checked, status 2.
        missing = os.path.join(self.tmp, 'missing.txt')
        result = run('check', sample_path(), missing, bad)
        self.assertEqual(result.returncode, 2)
        self.assertIn(f'lawreport: {missing}: no such file', result.stderr.decode())
        self.assertIn(f'{bad}:61: mismatch', result.stdout.decode())

        self.assertEqual(run('check').returncode, 2)
        self.assertEqual(run('check', '--format', 'xml', sample_path()).returncode, 2)

    def test_check_strict(self):
        self.assertEqual(run('check', sample_path()).returncode, 0)
        strict = run('check', '--strict', sample_path())
        self.assertEqual(strict.returncode, 1)
        self.assertIn('unverifiable [rate] 满意率 100%', strict.stdout.decode())

    def test_check_formats(self):
        bad = self.mutated_sample('bad.txt', '调结率98.11%', '调结率98.21%')
        result = run('check', '--format', 'json', bad)
        self.assertEqual(result.returncode, 1)
        doc = json.loads(result.stdout)
        mismatches = [c for c in doc['files'][0]['checks'] if c['status'] == 'mismatch']
        self.assertEqual(len(mismatches), 1)
        self.assertEqual((mismatches[0]['type'], mismatches[0]['line'], mismatches[0]['stated'],
                          mismatches[0]['computed'], mismatches[0]['expression']),
                         ('rate', 59, 98.21, 98.109, '1142 / 1164 = 98.109%'))
        self.assertEqual(doc['summary']['mismatch'], 1)
        self.assertFalse(doc['summary']['ok'])

        github = run('check', '--format', 'github', bad).stdout.decode().splitlines()
        self.assertEqual(len(github), 1)
        self.assertRegex(github[0], '^' + re.escape(f'::error file={bad},line=59,') +
                         r'col=\d+,title=lawreport rate mismatch::')
        self.assertIn('98.21%25', github[0])  # % is escaped in workflow commands

        import xml.etree.ElementTree as ET
        root = ET.fromstring(run('check', '--format', 'junit', bad).stdout)
        self.assertEqual(root.tag, 'testsuites')
        suite = root.find('testsuite')
        self.assertEqual(suite.get('failures'), '1')
        failures = [case for case in suite.findall('testcase') if case.find('failure') is not None]
        self.assertEqual([case.get('name') for case in failures], ['rate:调结率'])
        self.assertEqual(int(suite.get('tests')), len(suite.findall('testcase')))

    def test_check_expect_and_accept(self):
        expect = self.write('expect.json', json.dumps({'办结率': 99.74, '调解员': 687}).encode())
        self.assertEqual(run('check', '--expect', expect, sample_path()).returncode, 0)
        wrong = self.write('expect.tsv', '办结率\t99.8\n'.encode())
        result = run('check', '--expect', wrong, sample_path())
        self.assertEqual(result.returncode, 1)
        self.assertIn('mismatch [expect]', result.stdout.decode())
        broken = self.write('broken.json', b'{"x": ')
        self.assert_input_error(run('check', '--expect', broken, sample_path()), broken, 'not valid JSON')

        bad = self.mutated_sample('bad.txt', '不受理4件', '不受理5件')
        accept = self.write('accept.tsv', ('file\trelation\tstated\treason\n'
                                           'bad.txt\tsum:县人民政府收到行政复议申请:受理+不受理\t31\tconfirmed\n').encode())
        accepted = run('check', '--accept', accept, bad)
        self.assertEqual(accepted.returncode, 0, accepted.stdout.decode())
        self.assertIn('1 accepted', accepted.stdout.decode())
        # The same acceptance does not cover a report whose total changed.
        changed = self.mutated_sample('bad.txt', '行政复议申请31件，其中受理27件，不受理4件',
                                      '行政复议申请30件，其中受理27件，不受理4件')
        self.assertEqual(run('check', '--accept', accept, changed).returncode, 1)

    def test_check_whole_corpus_has_no_mismatch(self):
        reports = os.path.join(ROOT, 'tests', 'corpus', 'reports')
        paths = sorted(os.path.join(reports, n) for n in os.listdir(reports) if n.endswith('.txt'))
        result = run('check', *paths)
        self.assertEqual(result.returncode, 0, result.stdout.decode())

    # --- output against the JSON Schema -------------------------------------------

    def test_output_validates_against_schema(self):
        try:
            import jsonschema
        except ImportError:
            self.fail('python3-jsonschema is missing: run scripts/setup-debian.sh')
        with open(os.path.join(ROOT, 'docs', 'schema', 'outline.schema.json'), encoding='utf-8') as f:
            schema = json.load(f)
        validator = jsonschema.Draft202012Validator(schema)
        reports = os.path.join(ROOT, 'tests', 'corpus', 'reports')
        names = sorted(n for n in os.listdir(reports) if n.endswith('.txt'))
        self.assertEqual(len(names), 26)
        for name in names:
            with self.subTest(report=name):
                doc = self.outline_json(os.path.join(reports, name))
                errors = [e.message for e in validator.iter_errors(doc)]
                self.assertEqual(errors, [])
        # extract: the same document plus indicators, in both JSON forms.
        with open(os.path.join(ROOT, 'docs', 'schema', 'extract.schema.json'), encoding='utf-8') as f:
            extract_validator = jsonschema.Draft202012Validator(json.load(f))
        for name in names:
            for fmt in ('json', 'jsonl'):
                with self.subTest(report=name, format=fmt):
                    doc = json.loads(self.extract(os.path.join(reports, name), '--format', fmt))
                    errors = [e.message for e in extract_validator.iter_errors(doc)]
                    self.assertEqual(errors, [])
        doc = json.loads(self.extract(sample_path()))
        for mutate in (lambda i: i.update(extra=1), lambda i: i.update(kind='foo'),
                       lambda i: i.pop('label'), lambda i: i.update(qualifier=''),
                       lambda i: i.update(value='43601')):
            bad = json.loads(json.dumps(doc))
            mutate(bad['indicators'][0])
            self.assertFalse(extract_validator.is_valid(bad))
        # check --format json, with and without an unreadable file.
        with open(os.path.join(ROOT, 'docs', 'schema', 'check.schema.json'), encoding='utf-8') as f:
            check_validator = jsonschema.Draft202012Validator(json.load(f))
        paths = [os.path.join(reports, name) for name in names]
        for extra in ([], [os.path.join(self.tmp, 'missing.txt')]):
            result = run('check', '--format', 'json', *paths, *extra)
            doc = json.loads(result.stdout)
            self.assertEqual([e.message for e in check_validator.iter_errors(doc)], [])
            self.assertEqual(doc['summary']['ok'], result.returncode == 0)
        # The schema is strict: an unknown field or a level 5 is rejected.
        doc = self.outline_json(sample_path())
        doc['sections'][0]['level'] = 5
        self.assertTrue(list(validator.iter_errors(doc)))
        doc = self.outline_json(sample_path())
        doc['document']['extra'] = 1
        self.assertTrue(list(validator.iter_errors(doc)))


def main():
    global BINARY, ROOT
    parser = argparse.ArgumentParser()
    parser.add_argument('--binary', required=True)
    parser.add_argument('--root', required=True)
    args, rest = parser.parse_known_args()
    BINARY, ROOT = os.path.abspath(args.binary), os.path.abspath(args.root)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == '__main__':
    main()
