#!/usr/bin/env python3
"""Resource limits and the rest of the bad-input suite, end to end: each
limit gives one clear line and exit status 2 (an error record in a batch),
quickly, without a crash.

Run by CTest:  python3 tests/cli/test_limits.py --binary build/dev/lawreport --root .
Container limits (zip bombs, entries, pages, DTDs, nesting) are in
test_formats.py; in-process pathological inputs in tests/unit/hardening_test.cc.
"""
import json
import os
import shutil
import subprocess

from cli_support import Paths, ScratchTest, main, run, sample_path


class LimitsTest(ScratchTest):
    def test_a_50_mb_line_is_refused_by_the_line_limit(self):
        piece = '受理行政许可事项43601件，'.encode()
        path = self.write('one-line.txt', piece * (50 * 1024 * 1024 // len(piece) + 1))
        size = os.path.getsize(path)
        self.assertGreater(size, 50 * 1024 * 1024)
        self.assert_one_error(run('extract', path), path,
                              f'line 1 is {size} bytes long, over the limit of 16777216 '
                              '(raise it with --max-line-bytes)')

    def test_input_size_limit(self):
        self.assert_one_error(run('extract', '--max-bytes', '1000', sample_path()),
                              sample_path(), 'over the limit of 1000 bytes')

    def test_a_report_of_more_numbers_than_the_limit_is_refused(self):
        # 200,001 figures in 800 KB: memory would grow by some 1.5 KB a
        # figure (its reading, label, checks and output); the scan stops at
        # the limit, and nothing is written for the file.
        path = self.write('dense.txt', ('1件' * 200001).encode())
        expected = ('more than 100000 numbers (figures, years, list numbers), '
                    'over the limit (raise it with --max-numbers)')
        self.assert_one_error(run('extract', path), path, expected)
        checked = run('check', path)  # check's summary names the file unreadable
        self.assertEqual(checked.returncode, 2)
        self.assertIn(f'lawreport: {path}: {expected}', checked.stderr.decode())
        self.assert_one_error(run('extract', '--max-numbers', '10', sample_path()),
                              sample_path(), 'more than 10 numbers')
        # At the limit, the file is read; outline reads no numbers at all.
        small = self.write('small.txt', ('1件，' * 10).encode())
        document = json.loads(run('extract', '--max-numbers', '10', small).stdout)
        self.assertEqual(len(document['indicators']), 10)
        self.assertEqual(run('outline', path).returncode, 0)
        # In a batch it is the file's error record; the others keep theirs.
        batch = run('extract', '--format', 'jsonl', '-j', '1', path, sample_path())
        self.assertEqual(batch.returncode, 2)
        records = [json.loads(line) for line in batch.stdout.splitlines()]
        self.assertIn('--max-numbers', records[0]['error'])
        self.assertGreater(len(records[1]['indicators']), 50)

    def test_a_text_of_more_lines_than_the_limit_is_refused(self):
        # 1,000,001 one-character lines: each line costs some 200 bytes in
        # the text and the outline, a hundred times its own two; the lines
        # are counted before any is read.
        path = self.write('lines.txt', b'a\n' * 1000001)
        expected = '1000001 lines, over the limit of 1000000 (raise it with --max-lines)'
        for command in ('outline', 'extract', 'text'):
            self.assert_one_error(run(command, path), path, expected)
        # CRLF counts a line once; a last line without a break counts too.
        crlf = self.write('crlf.txt', '一、总体情况\r\n受理1件。\r\n正文'.encode())
        self.assert_one_error(run('outline', '--max-lines', '2', crlf), crlf,
                              '3 lines, over the limit of 2')
        self.assertEqual(run('outline', '--max-lines', '3', crlf).returncode, 0)
        # A container's paragraphs are its lines.
        docx = os.path.join(Paths.root, 'tests', 'fixtures', 'formats',
                            'rongan-2023.numbered.docx')
        self.assertIn(b'(raise it with --max-lines)',
                      run('outline', '--max-lines', '5', docx).stderr)

    def test_mixed_encodings_are_refused_not_guessed(self):
        path = self.write('mixed.txt', '一、总体情况\n受理行政许可事项43601件。\n'.encode() +
                          '办结率99.74%。\n'.encode('gbk'))
        self.assert_one_error(run('extract', path), path,
                              'not UTF-8 (bad byte at offset 55) nor GB18030')
        # Named, either encoding is still held to every byte.
        self.assert_one_error(run('extract', '--encoding', 'UTF-8', path), path,
                              'not valid UTF-8 text: bad byte at offset 55')

    def test_timeout_gives_up_on_a_file_and_keeps_the_rest(self):
        # "-" reads stdin, left open and silent here: a file that never
        # finishes, whatever the machine's speed.
        out_path = os.path.join(self.tmp, 'out.jsonl')
        err_path = os.path.join(self.tmp, 'err.txt')
        with open(out_path, 'wb') as out, open(err_path, 'wb') as err:
            process = subprocess.Popen(
                [Paths.binary, 'extract', '--timeout', '1', '-j', '1', '--format', 'jsonl',
                 '-', sample_path()], stdin=subprocess.PIPE, stdout=out, stderr=err)
            try:
                status = process.wait(timeout=120)
            finally:
                process.stdin.close()
                if process.poll() is None:
                    process.kill()
        with open(out_path, encoding='utf-8') as f:
            records = [json.loads(line) for line in f]
        with open(err_path, encoding='utf-8') as f:
            stderr = f.read().splitlines()
        self.assertEqual(status, 2, stderr)
        self.assertEqual([r['source']['path'] for r in records], ['-', sample_path()])
        self.assertEqual(records[0]['error'], 'took longer than --timeout 1 s: stopped')
        self.assertEqual(len(records[1]['indicators']), 90)
        self.assertEqual(stderr[0], 'lawreport: -: took longer than --timeout 1 s: stopped')
        self.assertIn('2 files, 90 indicators, 1 failed', stderr[-1])

    def test_a_slow_file_is_stopped_at_its_next_check(self):
        line = '受理行政许可事项43601件，办结43486件，办结率99.74%。\n'
        big = self.write('big.txt', ('一、总体情况\n' + line * 100000).encode())
        # One file: no record, one line on stderr, as for any bad input.
        self.assert_one_error(run('extract', '--timeout', '0.001', big), big,
                              'took longer than --timeout 0.001 s: stopped')

    def test_links_inside_a_folder_are_not_followed(self):
        secret = self.write('secret.txt', '一、机密\n受理行政许可事项99999件。\n'.encode())
        folder = os.path.join(self.tmp, 'reports')
        os.mkdir(folder)
        shutil.copy(sample_path(), os.path.join(folder, 'a.txt'))
        os.symlink(secret, os.path.join(folder, 'b.txt'))
        result = run('extract', '-q', '--format', 'jsonl', folder)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        records = [json.loads(line) for line in result.stdout.decode().splitlines()]
        self.assertEqual([os.path.basename(r['source']['path']) for r in records], ['a.txt'])
        # Named on the command line, a link is the user's choice and is read.
        named = run('extract', os.path.join(folder, 'b.txt'))
        self.assertEqual(json.loads(named.stdout)['indicators'][0]['value'], 99999)

    def test_control_characters_never_reach_the_terminal(self):
        path = self.write('escape.txt', '融安县2023年法治政府建设年度报告\n一、总体\x1b]0;pwned\x07情况\n'
                          '受理\x1b[2J行政许可事项43601件，办结43486件，办结率99.74%。\n'.encode())
        for command in (['outline', path], ['check', '--format', 'text', path],
                        ['diff', path, path]):
            with self.subTest(command=command[0]):
                result = run(*command)
                self.assertNotIn(b'\x1b', result.stdout)
                self.assertNotIn(b'\x07', result.stdout)
        # Data formats keep the text exact (JSON escapes it).
        document = json.loads(run('extract', path).stdout)
        self.assertEqual(document['sections'][0]['title'], '总体\x1b]0;pwned\x07情况')

    def test_limits_are_listed_in_help(self):
        help_text = run('extract', '--help').stdout.decode()
        for option in ('--max-bytes', '--max-unzipped-bytes', '--max-zip-entries',
                       '--max-pages', '--max-line-bytes', '--max-lines', '--max-numbers',
                       '--timeout',
                       '--format-in',
                       '--no-boilerplate-strip'):
            self.assertIn(option, help_text)


if __name__ == '__main__':
    main()
