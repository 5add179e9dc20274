#!/usr/bin/env python3
"""Output integrity (issue 18 §1, §3 bad_alloc, §4), end to end: a full disk
or a failing write is an error naming the output with the old target kept;
devices, FIFOs and symlinks as -o targets; interrupts leave TARGET.partial;
temporaries of dead runs are cleaned up; file names that are not UTF-8 or
hold control characters keep every output valid; --timeout on every
command; the same message for an empty directory everywhere; encodings
guessed with little evidence.

Run by CTest:  python3 tests/cli/test_output_integrity.py --binary build/dev/lawreport --root .
"""
import base64
import csv
import fcntl
import io
import json
import os
import signal
import stat
import subprocess
import tempfile
import threading
import time
import xml.etree.ElementTree as ElementTree

from cli_support import Paths, ScratchTest, main, run, sample_path

ENOSPC_MESSAGE = 'No space left on device'
# 报告.txt in GBK, as unzip leaves it from an archive made on Chinese Windows.
GBK_NAME = '报告'.encode('gbk') + b'.txt'


def is_root():
    return os.geteuid() == 0


def built_with_asan():
    """ASan reserves terabytes of address space: `prlimit --as` cannot apply."""
    result = subprocess.run(['ldd', Paths.binary], capture_output=True)
    return b'libasan' in result.stdout


class OutputIntegrityTest(ScratchTest):
    def sample_bytes(self):
        with open(sample_path(), 'rb') as f:
            return f.read()

    def batch_dir(self, count, repeat=1):
        batch = os.path.join(self.tmp, 'batch')
        os.makedirs(batch, exist_ok=True)
        data = self.sample_bytes() * repeat
        paths = []
        for i in range(count):
            path = os.path.join(batch, f'r{i:03}.txt')
            with open(path, 'wb') as f:
                f.write(data)
            paths.append(path)
        return batch, paths

    def leftovers(self, directory, name):
        return sorted(n for n in os.listdir(directory) if n.startswith(name + '.tmp'))

    # --- full disk and failing writes ---------------------------------------

    def test_dev_full_is_an_error_for_every_command(self):
        sample = sample_path()
        commands = {
            'extract one': ['extract', sample],
            'extract batch': ['extract', sample, sample],
            'extract csv': ['extract', '--format', 'csv', sample, sample],
            'table': ['table', sample],
            'check': ['check', '--format', 'json', sample],
            'outline': ['outline', sample],
            'text': ['text', sample],
            'diff': ['diff', '--force', sample, sample],
        }
        for name, args in commands.items():
            with self.subTest(command=name):
                with open('/dev/full', 'wb') as full:
                    result = subprocess.run([Paths.binary, *args], stdout=full,
                                            stderr=subprocess.PIPE, timeout=120)
                self.assertEqual(result.returncode, 2, result.stderr.decode())
                self.assertIn(f'lawreport: cannot write stdout: {ENOSPC_MESSAGE}',
                              result.stderr.decode())
        # -o onto the device: written straight to, and it stays a device.
        result = run('extract', '-o', '/dev/full', sample, sample)
        self.assertEqual(result.returncode, 2)
        self.assertIn(f'lawreport: cannot write /dev/full: {ENOSPC_MESSAGE}', result.stderr.decode())
        self.assertTrue(stat.S_ISCHR(os.stat('/dev/full').st_mode))

    def mount_small_tmpfs(self, kib):
        if not is_root():
            self.skipTest('not root: cannot mount a small tmpfs to fill (CI runs as root)')
        mount_point = os.path.join(self.tmp, 'small')
        os.mkdir(mount_point)
        result = subprocess.run(['mount', '-t', 'tmpfs', '-o', f'size={kib}k', 'tmpfs', mount_point],
                                capture_output=True)
        if result.returncode != 0:
            self.skipTest('cannot mount a tmpfs here: ' + result.stderr.decode().strip())
        self.addCleanup(subprocess.run, ['umount', '-l', mount_point], capture_output=True)
        return mount_point

    def test_full_disk_mid_batch_keeps_the_old_target(self):
        disk = self.mount_small_tmpfs(64)
        # 8 files: 640 KB of JSON Lines, 180 KB of CSV, 140 KB of table rows;
        # the disk fills mid-batch.
        batch, _ = self.batch_dir(8)
        for command in (['extract', '-j', '2', '-q'], ['extract', '--format', 'csv', '-q'],
                        ['table', '--format', 'jsonl', '-q']):
            with self.subTest(command=' '.join(command)):
                target = os.path.join(disk, 'out.data')
                old = b'complete output of the last run\n'
                with open(target, 'wb') as f:
                    f.write(old)
                result = run(*command, '-o', target, batch)
                self.assertEqual(result.returncode, 2, result.stderr.decode())
                self.assertIn(f'lawreport: cannot write {target}: {ENOSPC_MESSAGE}',
                              result.stderr.decode())
                with open(target, 'rb') as f:
                    self.assertEqual(f.read(), old)  # never a cut file under the final name
                self.assertEqual(self.leftovers(disk, 'out.data'), [])

    def test_cannot_create_names_the_target_not_its_temporary(self):
        # The temporary file beside the target is lawreport's business: the
        # message names the -o path the user gave.
        plain = os.path.join(self.tmp, 'plain')
        with open(plain, 'wb') as f:
            f.write(b'a file, not a directory\n')
        for directory, reason in ((os.path.join(self.tmp, 'no-such-dir'), 'No such file or directory'),
                                  (plain, 'Not a directory')):
            target = os.path.join(directory, 'out.data')
            for args in (['extract', '-q', sample_path()], ['extract', '-q', sample_path(), sample_path()],
                         ['table', '-q', '--format', 'html', sample_path()], ['view', sample_path()]):
                with self.subTest(command=args[0], files=len(args) - 1, reason=reason):
                    result = run(*args, '-o', target)
                    self.assertEqual(result.returncode, 2)
                    self.assertEqual(result.stderr.decode(),
                                     f'lawreport: cannot create {target}: {reason}\n')

    def test_view_page_that_cannot_be_written_keeps_the_panel_out(self):
        # table --format html --view-dir: a report's page that cannot be
        # written is named, and no panel links to missing pages.
        views = os.path.join(self.tmp, 'views')
        os.makedirs(os.path.join(views, 'rongan-2023.txt.html'))  # in the page's way
        panel = os.path.join(self.tmp, 'panel.html')
        result = run('table', '-q', '--format', 'html', '--view-dir', views, '-o', panel,
                     sample_path())
        self.assertEqual(result.returncode, 2)
        page = os.path.join(views, 'rongan-2023.txt.html')
        self.assertEqual(result.stderr.decode(), f'lawreport: cannot write {page}: Is a directory\n')
        self.assertEqual(sorted(os.listdir(self.tmp)), ['views'])
        self.assertEqual(os.listdir(views), ['rongan-2023.txt.html'])
        # Two inputs of one name get two pages; --view-dir needs the HTML panel.
        copy = os.path.join(self.tmp, 'copy')
        os.mkdir(copy)
        with open(os.path.join(copy, 'rongan-2023.txt'), 'wb') as f:
            f.write(self.sample_bytes())
        pages = os.path.join(self.tmp, 'pages')
        result = run('table', '-q', '--format', 'html', '--view-dir', pages, '-o', panel,
                     sample_path(), os.path.join(copy, 'rongan-2023.txt'))
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual(sorted(os.listdir(pages)), ['rongan-2023.txt-2.html', 'rongan-2023.txt.html'])
        with open(panel, encoding='utf-8') as f:
            html = f.read()
        self.assertIn('href="pages/rongan-2023.txt-2.html#L61"', html)
        self.assertIn('href="pages/rongan-2023.txt.html#L61"', html)
        refused = run('table', '--view-dir', pages, sample_path())
        self.assertEqual(refused.returncode, 2)
        self.assertEqual(refused.stderr.decode(),
                         'lawreport: --view-dir goes with --format html, not csv\n')

    # --- non-regular targets --------------------------------------------------

    def test_device_target_stays_a_device(self):
        if not is_root():
            self.skipTest('not root: cannot make a device node')
        # A private null device, not /dev/null itself: should this ever
        # regress, it must not break the machine's /dev/null for everyone.
        device = os.path.join(self.tmp, 'null')
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        for args in (['extract', sample_path()], ['extract', sample_path(), sample_path()],
                     ['table', sample_path()]):
            with self.subTest(args=args[:1] + [str(len(args) - 1)]):
                result = run(*args, '-q', '-o', device)
                self.assertEqual(result.returncode, 0, result.stderr.decode())
                self.assertTrue(stat.S_ISCHR(os.lstat(device).st_mode), 'the device was replaced')
                self.assertEqual(os.stat(device).st_rdev, os.makedev(1, 3))
        self.assertEqual(sorted(os.listdir(self.tmp)), ['null'])

    def test_fifo_target_is_written_straight_to(self):
        fifo = os.path.join(self.tmp, 'pipe')
        os.mkfifo(fifo)
        received = []

        def read():
            with open(fifo, 'rb') as f:
                received.append(f.read())
        reader = threading.Thread(target=read)
        reader.start()
        result = run('extract', '-q', '-o', fifo, sample_path(), sample_path())
        reader.join(timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        records = [json.loads(line) for line in received[0].decode().splitlines()]
        self.assertEqual([r['source']['path'] for r in records], [sample_path()] * 2)
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode))
        self.assertEqual(sorted(os.listdir(self.tmp)), ['pipe'])

    def test_symlink_target_replaces_the_file_it_points_to(self):
        real_dir = os.path.join(self.tmp, 'real')
        os.mkdir(real_dir)
        real = os.path.join(real_dir, 'out.jsonl')
        with open(real, 'wb') as f:
            f.write(b'old\n')
        os.chmod(real, 0o640)
        link = os.path.join(self.tmp, 'latest.jsonl')
        os.symlink(os.path.join('real', 'out.jsonl'), link)  # relative, as `ln -s` makes them
        result = run('extract', '-q', '-o', link, sample_path(), sample_path())
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertTrue(os.path.islink(link))
        self.assertEqual(os.readlink(link), os.path.join('real', 'out.jsonl'))
        with open(real, encoding='utf-8') as f:
            self.assertEqual(len(f.read().splitlines()), 2)
        self.assertEqual(os.stat(real).st_mode & 0o777, 0o640)  # a replaced file keeps its mode
        self.assertEqual(sorted(os.listdir(real_dir)), ['out.jsonl'])
        # A dangling link: the file is made where the link points.
        dangling = os.path.join(self.tmp, 'next.jsonl')
        os.symlink(os.path.join('real', 'new.jsonl'), dangling)
        result = run('extract', '-q', '-o', dangling, sample_path(), sample_path())
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertTrue(os.path.islink(dangling))
        self.assertTrue(os.path.isfile(os.path.join(real_dir, 'new.jsonl')))

    # --- interrupts and temporaries of dead runs -------------------------------

    def wait_for_temporary_record(self, process, directory, name):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            self.assertIsNone(process.poll(), 'the run ended before its first record was written')
            for entry in self.leftovers(directory, name):
                try:
                    with open(os.path.join(directory, entry), 'rb') as f:
                        if b'\n' in f.read():
                            return entry
                except FileNotFoundError:
                    pass
            time.sleep(0.01)
        self.fail('no record written within 60 s')

    def test_sigint_mid_batch_leaves_partial_and_old_target(self):
        batch, inputs = self.batch_dir(12, repeat=10)
        for command in ('extract', 'table'):
            with self.subTest(command=command):
                target = os.path.join(self.tmp, f'{command}.out')
                with open(target, 'wb') as f:
                    f.write(b'{"run": "yesterday"}\n')
                process = subprocess.Popen([Paths.binary, command, '-j', '1', '-o', target, batch],
                                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                self.wait_for_temporary_record(process, self.tmp, f'{command}.out')
                process.send_signal(signal.SIGINT)
                _, stderr = process.communicate(timeout=60)
                self.assertEqual(process.returncode, 130, stderr.decode())
                with open(target, 'rb') as f:
                    self.assertEqual(f.read(), b'{"run": "yesterday"}\n')
                self.assertIn(f'lawreport: interrupted: the finished records are in {target}.partial; '
                              f'{target} is unchanged', stderr.decode())
                self.assertIn('interrupted, the rest not processed', stderr.decode().splitlines()[-1])
                with open(target + '.partial', encoding='utf-8', newline='') as f:
                    content = f.read()
                lines = content.splitlines()
                if command == 'extract':
                    records = [json.loads(line) for line in lines]
                    self.assertGreaterEqual(len(records), 1)
                    self.assertEqual([r['source']['path'] for r in records], inputs[:len(records)])
                else:
                    rows = list(csv.reader(io.StringIO(content)))
                    self.assertEqual(rows[0][:2], ['issuer', 'year'])  # the CSV header
                    self.assertTrue(all(len(row) == len(rows[0]) for row in rows))  # whole rows
                self.assertEqual(self.leftovers(self.tmp, f'{command}.out'), [])

    def test_temporaries_of_dead_runs_are_removed(self):
        batch, _ = self.batch_dir(12, repeat=10)
        target = os.path.join(self.tmp, 'out.jsonl')
        # A run killed outright (SIGKILL, the OOM killer) leaves its temporary.
        process = subprocess.Popen([Paths.binary, 'extract', '-j', '1', '-o', target, batch],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        killed = self.wait_for_temporary_record(process, self.tmp, 'out.jsonl')
        process.kill()
        process.wait()
        self.assertEqual(self.leftovers(self.tmp, 'out.jsonl'), [killed])
        self.assertRegex(killed, rf'^out\.jsonl\.tmp\.{process.pid}\.[A-Za-z0-9]{{6}}$')
        # One a live process holds (its lock), and files that only look alike.
        alive = os.path.join(self.tmp, f'out.jsonl.tmp.{os.getpid()}.Alive1')
        holder = open(alive, 'wb')
        self.addCleanup(holder.close)
        fcntl.flock(holder, fcntl.LOCK_EX)
        for unrelated in ('out.jsonl.tmp.notes', 'other.jsonl.tmp.1.abcdef'):
            with open(os.path.join(self.tmp, unrelated), 'wb') as f:
                f.write(b'keep me')
        result = run('extract', '-q', '-o', target, sample_path(), sample_path())
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual(sorted(os.listdir(self.tmp)),
                         sorted(['batch', 'out.jsonl', os.path.basename(alive),
                                 'out.jsonl.tmp.notes', 'other.jsonl.tmp.1.abcdef']))

    # --- names that are not UTF-8, or hold control characters ------------------

    def gbk_named_files(self):
        directory = os.path.join(self.tmp, 'unzipped').encode()
        os.mkdir(directory)
        good = os.path.join(directory, GBK_NAME)
        with open(good, 'wb') as f:
            f.write(self.sample_bytes())
        bad = os.path.join(directory, '空'.encode('gbk') + b'.txt')  # empty: an error record
        open(bad, 'wb').close()
        return directory, good, bad

    def assert_path_fields(self, record, raw):
        self.assertEqual(base64.b64decode(record['path_bytes']), raw)
        self.assertEqual(record['path'], raw.decode('utf-8', errors='replace'))

    def test_gbk_names_keep_every_output_valid(self):
        directory, good, bad = self.gbk_named_files()
        result = run('extract', '-q', directory)
        self.assertEqual(result.returncode, 2)  # the empty file
        records = [json.loads(line) for line in result.stdout.decode('utf-8').splitlines()]
        self.assertEqual(len(records), 2)
        # Sorted by bytes: 报 (B1 A8) before 空 (BF D5).
        self.assert_path_fields(records[0]['source'], good)
        self.assertNotIn('error', records[0])
        self.assert_path_fields(records[1]['source'], bad)
        self.assertIn('error', records[1])
        # The recovered bytes open the file.
        with open(base64.b64decode(records[0]['source']['path_bytes']), 'rb') as f:
            self.assertEqual(f.read(), self.sample_bytes())
        one = run('extract', good)
        self.assertEqual(one.returncode, 0, one.stderr)
        extracted = json.loads(one.stdout.decode('utf-8'))
        self.assert_path_fields(extracted['source'], good)
        # check: JSON, JUnit, SARIF, GitHub.
        check_json = json.loads(run('check', '--format', 'json', directory).stdout.decode('utf-8'))
        import jsonschema
        for name, document in (('extract', extracted), ('check', check_json)):
            with open(os.path.join(Paths.root, 'docs', 'schema', f'{name}.schema.json'),
                      encoding='utf-8') as f:
                jsonschema.Draft202012Validator(json.load(f)).validate(document)
        by_bytes = {base64.b64decode(f['path_bytes']): f for f in check_json['files']}
        self.assertEqual(set(by_bytes), {good, bad})
        self.assertIn('error', by_bytes[bad])
        junit = ElementTree.fromstring(run('check', '--format', 'junit', directory).stdout)
        names = {suite.get('name') for suite in junit.iter('testsuite')}
        self.assertIn(good.decode('utf-8', errors='replace'), names)
        sarif = json.loads(run('check', '--format', 'sarif', directory).stdout.decode('utf-8'))
        self.assertEqual(sarif['version'], '2.1.0')
        table = run('table', '--format', 'jsonl', directory)
        rows = [json.loads(line) for line in table.stdout.decode('utf-8').splitlines()]
        self.assertGreater(len(rows), 0)
        self.assertTrue(all(base64.b64decode(row['file_bytes']) == good for row in rows))
        github = run('check', '--format', 'github', directory).stdout
        github.decode('utf-8')  # valid UTF-8
        self.assertIn('\ufffd'.encode(), github)

    def test_control_characters_in_names_never_reach_a_terminal(self):
        name = 'a\x1b]0;pwned\x07b\x9b.txt'
        path = os.path.join(self.tmp, name)
        open(path, 'wb').close()  # empty: an error naming the file
        for args in (['extract', path], ['outline', path], ['text', path],
                     ['check', '--format', 'github', path], ['extract', path, sample_path()]):
            with self.subTest(command=args[0]):
                result = run(*args)
                self.assertEqual(result.returncode, 2)
                for stream in (result.stderr, result.stdout):
                    if args[0] == 'extract' and stream is result.stdout:
                        continue  # JSON: escaped, checked below
                    for control in (b'\x1b', b'\x07', b'\xc2\x9b'):
                        self.assertNotIn(control, stream)
                self.assertIn('a\ufffd]0;pwned\ufffdb\ufffd.txt', result.stderr.decode('utf-8'))
        result = run('extract', path, sample_path())
        line = result.stdout.splitlines()[0]
        self.assertNotIn(b'\x1b', line)
        self.assertIn(b'\\u001b', line)
        self.assertIn(b'\\u009b', line)
        self.assertEqual(json.loads(line)['source']['path'], path)

    def test_json_escapes_c1_controls_and_line_separators(self):
        # U+2028 and U+0085 inside a heading: JSON allows them raw, but
        # readers that split JSON Lines on every line terminator break.
        text = self.sample_bytes().decode('utf-8').replace('一、', '一、\u2028\u0085', 1)
        path = self.write('separators.txt', text.encode('utf-8'))
        result = run('extract', path, sample_path())
        self.assertEqual(result.returncode, 0, result.stderr)
        for raw in ('\u2028'.encode(), '\u2029'.encode(), '\u0085'.encode()):
            self.assertNotIn(raw, result.stdout)
        self.assertIn(b'\\u2028\\u0085', result.stdout)
        lines = result.stdout.decode('utf-8').splitlines()  # Python splits on U+2028 too
        self.assertEqual(len(lines), 2)
        record = json.loads(lines[0])
        titles = [s['title'] for s in record['sections']]
        self.assertTrue(any('\u2028\u0085' in t for t in titles), titles)

    # --- allocation failures ----------------------------------------------------

    def test_allocation_failure_is_one_error_record(self):
        if built_with_asan():
            self.skipTest('ASan build: address-space limits (prlimit --as) do not apply under ASan')
        if subprocess.run(['prlimit', '--version'], capture_output=True).returncode != 0:
            self.skipTest('prlimit (util-linux) is not installed')
        # 47 MB of plain lines under a 150 MB address space: reading and
        # decoding it alone needs more, while the sample runs in under 100 MB.
        big = self.write('big.txt', ('一、总体情况 ' + 'abcdefghij klmnopqrstuvwxyz 0123456789 ' * 2 +
                                     '\n').encode() * 400_000)
        result = subprocess.run(['prlimit', '--as=150000000', Paths.binary, 'extract', '-j', '1',
                                 '--timeout', '0', big, sample_path()],
                                capture_output=True, timeout=300)
        self.assertNotEqual(result.returncode, -signal.SIGABRT, 'aborted on bad_alloc')
        self.assertEqual(result.returncode, 2, result.stderr.decode()[-500:])
        records = [json.loads(line) for line in result.stdout.decode().splitlines()]
        self.assertEqual(len(records), 2)
        self.assertIn('out of memory', records[0]['error'])
        self.assertNotIn('error', records[1])  # the batch went on
        self.assertIn(f'lawreport: {big}: out of memory', result.stderr.decode())

    # --- --timeout on every command, empty directories, weak encodings -----------

    def test_timeout_on_every_command(self):
        slow = self.write('slow.txt', self.sample_bytes() * 40)
        for args in (['outline', slow], ['text', slow], ['check', slow],
                     ['diff', '--force', slow, sample_path()], ['extract', slow]):
            with self.subTest(command=args[0]):
                started = time.monotonic()
                result = run(*args, '--timeout', '0.001')
                self.assertEqual(result.returncode, 2, result.stderr.decode())
                self.assertIn(f'lawreport: {slow}: took longer than --timeout 0.001 s: stopped',
                              result.stderr.decode())
                self.assertLess(time.monotonic() - started, 30)
        result = run('outline', '--timeout', '0', sample_path())  # 0: no limit
        self.assertEqual(result.returncode, 0)

    def test_empty_directory_says_so_for_every_command(self):
        empty = os.path.join(self.tmp, 'empty')
        os.mkdir(empty)
        with open(os.path.join(empty, 'notes.md'), 'w') as f:
            f.write('not a report')
        message = f'lawreport: {empty}: no reports found (.txt .htm .html .docx .pdf)'
        for args in (['extract', empty], ['check', empty], ['table', empty], ['outline', empty],
                     ['text', empty], ['diff', empty, sample_path()]):
            with self.subTest(command=args[0]):
                result = run(*args)
                self.assertEqual(result.returncode, 2)
                self.assertEqual(result.stderr.decode().splitlines(), [message])
        # Beside other inputs it is named and the run goes on.
        result = run('extract', '-q', empty, sample_path())
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stderr.decode().splitlines(), [message])

    def test_truncated_utf8_is_not_read_as_gb18030(self):
        path = self.write('cut.txt', '融安'.encode()[:4])  # 融 and the first byte of 安
        result = run('text', path)
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout.decode(), '融\ufffd\n')  # not 铻嶅 (GB18030)
        self.assertIn(f'lawreport: {path}: warning: ends in the middle of a UTF-8 character',
                      result.stderr.decode())
        strict = run('text', '--strict-encoding', path)
        self.assertEqual(strict.returncode, 2)
        self.assertIn('Refused under --strict-encoding', strict.stderr.decode())
        # A few GBK bytes: a guess, said so.
        short = self.write('short.txt', '关于报告'.encode('gbk'))
        result = run('text', short)
        self.assertEqual(result.stdout.decode(), '关于报告\n')
        self.assertIn('warning: not UTF-8; read as GB18030, a guess with little evidence',
                      result.stderr.decode())
        self.assertEqual(run('text', '--strict-encoding', short).returncode, 2)

    def test_big5_is_read_as_big5(self):
        text = ('融安縣人民政府關於二零二三年度法治政府建設情況的報告\n一、總體情況\n'
                '本年度共受理行政復議案件四十三件，辦結率百分之九十九。\n') * 3
        path = self.write('big5.txt', text.encode('big5'))
        result = run('outline', '--format', 'json', path)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        outline = json.loads(result.stdout)
        self.assertEqual(outline['source']['encoding'], 'Big5')
        self.assertEqual(result.stderr, b'')
        self.assertEqual(run('text', path).stdout.decode(), text)


if __name__ == '__main__':
    main()
