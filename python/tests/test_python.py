#!/usr/bin/env python3
"""The lawreport Python module gives what the CLI gives: the same extract and
check documents, the same text, the same indicator and panel tables (with the
documented dtypes), the same errors as exceptions, and it works from two
threads at once.

Run by CTest with Debian's python3:
  PYTHONPATH=build/dev/python /usr/bin/python3 python/tests/test_python.py \
      --binary build/dev/lawreport --root .
"""
import argparse
import csv
import decimal
import glob
import io
import json
import os
import subprocess
import sys
import threading
import unittest

import pandas as pd

import lawreport

BINARY = ROOT = None

# Fixtures the readers must refuse, with the exception class and error code.
BAD_FIXTURES = {
    'truncated.pdf': (lawreport.FormatError, 'damaged'),
    'encrypted.pdf': (lawreport.FormatError, 'encrypted'),
    'scanned.pdf': (lawreport.FormatError, 'no_text'),
    'truncated.docx': (lawreport.FormatError, 'damaged'),
    'broken.docx': (lawreport.FormatError, 'unsupported_format'),
    'not-a-docx.docx': (lawreport.FormatError, None),
}


def cli(*args, ok=(0,)):
    result = subprocess.run([BINARY, *args], cwd=ROOT, capture_output=True)
    if result.returncode not in ok:
        raise AssertionError(f'lawreport {" ".join(args)}: exit '
                             f'{result.returncode}: {result.stderr.decode()}')
    return result


def corpus_reports():
    return sorted(os.path.relpath(p, ROOT) for p in glob.glob(
        os.path.join(ROOT, 'tests', 'corpus', 'reports', '*.txt')))


def container_fixtures():
    names = sorted(os.listdir(os.path.join(ROOT, 'tests', 'fixtures', 'formats')))
    return [os.path.join('tests', 'fixtures', 'formats', name) for name in names
            if name.endswith(('.pdf', '.docx', '.html', '.txt'))
            and name not in BAD_FIXTURES]


def cli_frame(args, ints, decimals):
    """A CLI CSV read by pandas, converted to the documented dtypes here,
    independently of lawreport._frames."""
    frame = pd.read_csv(io.BytesIO(cli(*args).stdout), dtype=str,
                        keep_default_na=False, na_filter=False)
    for name in frame.columns:
        if name in ints:
            frame[name] = pd.array(
                [None if c == '' else int(c) for c in frame[name]], dtype='Int64')
        elif name in decimals:
            frame[name] = pd.Series(
                [None if c == '' else decimal.Decimal(c) for c in frame[name]],
                index=frame.index, dtype=object)
    return frame


class InProcess(unittest.TestCase):
    def setUp(self):
        self.cwd = os.getcwd()
        os.chdir(ROOT)

    def tearDown(self):
        os.chdir(self.cwd)

    # --- extract ---------------------------------------------------------

    def test_extract_equals_cli_json_for_every_corpus_report_and_container(self):
        paths = corpus_reports() + container_fixtures()
        self.assertGreaterEqual(len(corpus_reports()), 20)
        self.assertTrue(any(p.endswith('.pdf') for p in paths))
        self.assertTrue(any(p.endswith('.docx') for p in paths))
        self.assertTrue(any(p.endswith('.html') for p in paths))
        for path in paths:
            with self.subTest(path=path):
                expected = json.loads(cli('extract', '--format', 'json', path).stdout)
                got = lawreport.extract(path)
                self.assertEqual(got, expected)
                self.assertGreater(len(got['sections']), 0)

    def test_extract_exact_gives_decimals_as_written(self):
        path = 'data/samples/rongan-2023.txt'
        expected = json.loads(cli('extract', path).stdout,
                              parse_float=decimal.Decimal)
        got = lawreport.extract(path, exact=True)
        self.assertEqual(got, expected)
        rates = [i['value'] for i in got['indicators'] if i['unit'] == '%']
        self.assertIn(decimal.Decimal('99.74'), rates)

    def test_extract_of_bytes_equals_extract_of_the_file(self):
        for path, hint in [('data/samples/rongan-2023.txt', {}),
                           ('tests/fixtures/formats/rongan-2023.pdf', {}),
                           ('tests/fixtures/formats/rongan-2023.gbk.html',
                            {'format_in': 'html'})]:
            with self.subTest(path=path):
                with open(path, 'rb') as f:
                    data = f.read()
                self.assertEqual(lawreport.extract(data, name=path, **hint),
                                 lawreport.extract(path))

    def test_decode_options_reach_the_library(self):
        path = 'tests/fixtures/formats/rongan-2023.gbk.html'
        expected = json.loads(cli('extract', '--no-boilerplate-strip',
                                  '--encoding', 'GBK', path).stdout)
        got = lawreport.extract(path, boilerplate_strip=False, encoding='GBK')
        self.assertEqual(got, expected)
        self.assertNotEqual(got, lawreport.extract(path))

    # --- check and text -------------------------------------------------

    def test_check_equals_cli_json(self):
        few = corpus_reports()[:3] + ['data/samples/rongan-2023.txt',
                                      'tests/fixtures/formats/open-gov-tables.docx']
        for paths in [few[3:4], few]:
            with self.subTest(paths=paths):
                expected = json.loads(cli('check', '--format', 'json', '-j', '2',
                                          *paths, ok=(0, 1)).stdout)
                got = lawreport.check(paths, jobs=2)
                self.assertEqual(got, expected)
                self.assertEqual([f['path'] for f in got['files']], paths)
        strict = lawreport.check('data/samples/rongan-2023.txt', strict=True)
        self.assertEqual(strict, json.loads(cli(
            'check', '--format', 'json', '--strict',
            'data/samples/rongan-2023.txt', ok=(0, 1)).stdout))

    def test_check_of_bytes_equals_check_of_the_file(self):
        for path, hint in [('data/samples/rongan-2023.txt', {}),
                           ('tests/fixtures/formats/open-gov-tables.docx', {}),
                           ('tests/fixtures/formats/rongan-2023.gbk.html',
                            {'format_in': 'html'})]:
            with self.subTest(path=path):
                with open(path, 'rb') as f:
                    data = f.read()
                got = lawreport.check(data, name=path, **hint)
                self.assertEqual(got, lawreport.check(path))
                self.assertTrue(got['files'][0]['checks'])
        # A mismatch and an unreadable report, from bytes.
        with open('data/samples/rongan-2023.txt', encoding='utf-8') as f:
            mutated = f.read().replace('其中受理27件', '其中受理29件', 1)
        got = lawreport.check(mutated.encode('utf-8'), name='mutated.txt')
        self.assertEqual(got['files'][0]['path'], 'mutated.txt')
        self.assertGreater(got['summary']['mismatch'], 0)
        with open('tests/fixtures/formats/truncated.pdf', 'rb') as f:
            broken = lawreport.check(f.read(), name='truncated.pdf')
        self.assertEqual(broken['files'][0]['path'], 'truncated.pdf')
        self.assertIn('error', broken['files'][0])

    def test_check_records_an_unreadable_file_as_the_cli_does(self):
        paths = ['data/samples/rongan-2023.txt', 'tests/fixtures/formats/truncated.pdf']
        got = lawreport.check(paths)
        self.assertEqual(got, json.loads(cli('check', '--format', 'json', *paths,
                                             ok=(2,)).stdout))
        self.assertIn('error', got['files'][1])

    def test_text_equals_cli_text(self):
        for path, flags, kwargs in [
                ('data/samples/rongan-2023.txt', [], {}),
                ('tests/fixtures/formats/rongan-2023.numbered.docx', ['-n'],
                 {'line_numbers': True}),
                ('tests/fixtures/formats/rongan-2023.pdf', ['--pages', '-n'],
                 {'pages': True, 'line_numbers': True})]:
            with self.subTest(path=path):
                expected = cli('text', *flags, path).stdout.decode('utf-8')
                got = lawreport.text(path, **kwargs)
                self.assertEqual(got, expected)
                self.assertIn('总体工作情况', got)
        with open('data/samples/rongan-2023.txt', 'rb') as f:
            self.assertEqual(lawreport.text(f.read()),
                             lawreport.text('data/samples/rongan-2023.txt'))

    # --- DataFrames -------------------------------------------------------

    def test_indicators_frame_equals_cli_csv(self):
        paths = corpus_reports() + ['tests/fixtures/formats/open-gov-tables.pdf']
        expected = cli_frame(['extract', '--format', 'csv', '-q', '-j', '2', *paths],
                             ints={'line', 'page', 'table', 'row', 'column',
                                   'period_from', 'period_to', 'decimals',
                                   'start', 'end'},
                             decimals={'value', 'upper'})
        got = lawreport.indicators(paths, jobs=2)
        self.assertEqual(list(got.columns), list(expected.columns))
        self.assertEqual(str(got['line'].dtype), 'Int64')
        self.assertEqual(str(got['page'].dtype), 'Int64')
        # Text stays text: "3.10" is a section id, "" an empty qualifier.
        self.assertEqual(str(got['section'].dtype), 'object')
        self.assertTrue(all(isinstance(c, str) for c in got['section']))
        self.assertIn('', set(got['qualifier']))
        self.assertIsInstance(got['value'].iloc[0], decimal.Decimal)
        self.assertTrue(got['upper'].isna().any() and got['upper'].notna().any())
        self.assertGreater(len(got), 1000)
        self.assertTrue(got['page'].notna().any() and got['page'].isna().any())
        pd.testing.assert_frame_equal(got, expected)
        # No rows, the same columns and dtypes (what lawreport.dask declares).
        empty = lawreport.indicators([])
        self.assertEqual(len(empty), 0)
        pd.testing.assert_series_equal(empty.dtypes, got.dtypes)
        # A directory expands as the CLI expands it.
        self.assertEqual(lawreport.expand_inputs('tests/corpus/reports'),
                         corpus_reports())

    def test_table_frames_equal_cli_csv(self):
        ints = {'year', 'line', 'decimals', 'page', 'start', 'end',
                'period_from', 'period_to'}
        expected = cli_frame(['table', '-q', 'tests/corpus/reports'], ints,
                             {'value', 'upper'})
        got = lawreport.table('tests/corpus/reports', jobs=2)
        self.assertGreater(len(got), 50)
        self.assertEqual(str(got['year'].dtype), 'Int64')
        pd.testing.assert_frame_equal(got, expected)

        header = cli('table', '-q', '--wide', '--role', 'target',
                     'tests/corpus/reports').stdout.decode().split('\r\n')[0]
        ids = set(header.split(',')[4:])
        expected = cli_frame(['table', '-q', '--wide', '--role', 'target',
                              'tests/corpus/reports'], {'year'}, ids)
        got = lawreport.table('tests/corpus/reports', wide=True, role='target')
        pd.testing.assert_frame_equal(got, expected)

        tables = 'tests/fixtures/formats/open-gov-tables.docx'
        expected = cli_frame(['table', '-q', '--indicators', 'xxgk.*', '--role',
                              'actual', tables], ints, {'value', 'upper'})
        got = lawreport.table(tables, indicators=['xxgk.*'], role='actual')
        self.assertGreater(len(got), 0)
        pd.testing.assert_frame_equal(got, expected)

    # --- errors -----------------------------------------------------------

    def cli_message(self, path, *flags):
        stderr = cli('extract', *flags, path, ok=(2,)).stderr.decode().strip()
        prefix = f'lawreport: {path}: '
        self.assertTrue(stderr.startswith(prefix), stderr)
        return stderr[len(prefix):]

    def test_a_missing_file_raises_input_error_with_path_and_message(self):
        path = 'tests/no-such-report.txt'
        with self.assertRaises(lawreport.InputError) as caught:
            lawreport.extract(path)
        self.assertEqual(caught.exception.path, path)
        self.assertEqual(caught.exception.code, 'not_found')
        self.assertEqual(caught.exception.message, self.cli_message(path))
        self.assertEqual(str(caught.exception), f'{path}: {caught.exception.message}')
        with self.assertRaises(lawreport.InputError):
            lawreport.text(path)

    def test_bad_containers_raise_format_error_with_the_cli_message(self):
        for name, (kind, code) in BAD_FIXTURES.items():
            path = os.path.join('tests', 'fixtures', 'formats', name)
            with self.subTest(name=name):
                # --ocr never: a scan is refused, as without OCR installed.
                with self.assertRaises(kind) as caught:
                    lawreport.extract(path, ocr='never')
                self.assertEqual(caught.exception.path, path)
                if code:
                    self.assertEqual(caught.exception.code, code)
                self.assertEqual(caught.exception.message,
                                 self.cli_message(path, '--ocr', 'never'))
                self.assertNotIn('\n', caught.exception.message)

    def test_limits_and_options_raise_their_own_classes(self):
        path = 'data/samples/rongan-2023.txt'
        with self.assertRaises(lawreport.LimitError) as caught:
            lawreport.extract(path, max_bytes=1000)
        self.assertEqual(caught.exception.message,
                         self.cli_message(path, '--max-bytes', '1000'))
        with open(path, 'rb') as f, self.assertRaises(lawreport.LimitError):
            lawreport.extract(f.read(), max_line_bytes=100)
        # A file given up on: its worker finishes in the background, and the
        # check document (whose serializer it still calls) stays sound.
        slow = 'tests/fixtures/formats/open-gov-tables.pdf'
        with self.assertRaises(lawreport.LimitError) as caught:
            lawreport.extract(slow, timeout=0.001)
        self.assertIn('timeout', caught.exception.message)
        document = lawreport.check([slow, path], timeout=0.001, jobs=2)
        self.assertIn('timeout', document['files'][0]['error'])
        with self.assertRaises(lawreport.OptionError):
            lawreport.extract(path, format_in='rtf')
        with self.assertRaises(ValueError):
            lawreport.extract(path, max_pages=0)
        with self.assertRaises(TypeError):
            lawreport.extract(path, no_such_option=1)
        with self.assertRaises(lawreport.OptionError):
            lawreport.table(path, indicators=['no.such.id'])

    def test_batch_raises_after_the_batch_or_skips_on_request(self):
        good, bad = 'data/samples/rongan-2023.txt', 'tests/fixtures/formats/truncated.pdf'
        with self.assertRaises(lawreport.FormatError) as caught:
            lawreport.indicators([good, bad])
        self.assertEqual(caught.exception.path, bad)
        frame = lawreport.indicators([good, bad], errors='ignore')
        pd.testing.assert_frame_equal(frame, lawreport.indicators(good))
        with self.assertWarns(UserWarning):
            lawreport.table([good, bad], errors='warn')
        with self.assertRaises(lawreport.InputError):
            lawreport.indicators('tests/no-such-directory/')

    # --- worker processes ---------------------------------------------------

    def test_a_reader_that_crashes_costs_its_file_not_the_interpreter(self):
        # LAWREPORT_TEST_WORKER_FAULT (test-only, read by the worker process
        # alone) makes the PDF reader die of SIGSEGV on this path: had the
        # PDF been read in this process, the interpreter would have died.
        pdf, good = 'tests/fixtures/formats/rongan-2023.pdf', 'data/samples/rongan-2023.txt'
        in_process = lawreport.extract(pdf, isolate='never')
        os.environ['LAWREPORT_TEST_WORKER_FAULT'] = 'crash:rongan-2023.pdf'
        try:
            with self.assertRaises(lawreport.FormatError) as caught:
                lawreport.extract(pdf)
            self.assertEqual(caught.exception.path, pdf)
            self.assertIn('the PDF reader crashed (signal 11)', caught.exception.message)
            frame = lawreport.indicators([pdf, good], errors='ignore', jobs=2)
            pd.testing.assert_frame_equal(frame, lawreport.indicators(good))
            document = lawreport.check([pdf, good], jobs=2)
            self.assertIn('crashed', document['files'][0]['error'])
            self.assertNotIn('error', document['files'][1])
            self.assertEqual(lawreport.extract(pdf, isolate='never'), in_process)
        finally:
            del os.environ['LAWREPORT_TEST_WORKER_FAULT']
        # Without a crash, a worker's reading is the in-process one.
        self.assertEqual(lawreport.extract(pdf), in_process)

    def test_without_an_executable_auto_reads_in_process_and_always_refuses(self):
        pdf = 'tests/fixtures/formats/rongan-2023.pdf'
        expected = lawreport.extract(pdf, isolate='never')
        os.environ['LAWREPORT_EXECUTABLE'] = os.path.join(ROOT, 'no-such-lawreport')
        try:
            self.assertEqual(lawreport.extract(pdf), expected)
            with self.assertRaises(lawreport.Error) as caught:
                lawreport.extract(pdf, isolate='always')
            self.assertIn('no lawreport executable was found (set LAWREPORT_EXECUTABLE)',
                          caught.exception.message)
        finally:
            del os.environ['LAWREPORT_EXECUTABLE']
        with self.assertRaises(lawreport.OptionError):
            lawreport.extract(pdf, isolate='sometimes')
        with self.assertRaises(lawreport.OptionError):
            lawreport.extract(pdf, max_worker_memory=1000)

    def test_max_numbers_refuses_a_report_as_the_cli_does(self):
        with self.assertRaises(lawreport.LimitError) as caught:
            lawreport.extract('data/samples/rongan-2023.txt', max_numbers=10)
        self.assertIn('raise it with --max-numbers', caught.exception.message)

    # --- threads ------------------------------------------------------------

    def test_two_threads_extract_at_once(self):
        paths = corpus_reports()[:6] + ['tests/fixtures/formats/rongan-2023.pdf']
        expected = {p: lawreport.extract(p) for p in paths}
        results, problems = {}, []

        def work(name, order):
            try:
                for path in order:
                    results[(name, path)] = lawreport.extract(path)
            except Exception as error:  # reported below
                problems.append(error)

        threads = [threading.Thread(target=work, args=('a', paths)),
                   threading.Thread(target=work, args=('b', paths[::-1]))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(problems, [])
        for name in 'ab':
            for path in paths:
                self.assertEqual(results[(name, path)], expected[path])

    def test_version(self):
        self.assertEqual(lawreport.__version__,
                         cli('--version').stdout.decode().split()[-1])


def main():
    global BINARY, ROOT
    parser = argparse.ArgumentParser()
    parser.add_argument('--binary', required=True)
    parser.add_argument('--root', required=True)
    args, rest = parser.parse_known_args()
    BINARY, ROOT = os.path.abspath(args.binary), os.path.abspath(args.root)
    unittest.main(argv=[sys.argv[0], *rest])


if __name__ == '__main__':
    main()
