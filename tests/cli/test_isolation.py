"""Worker processes for the PDF, HTML and DOCX readers (issue 18 §3): a
reader that crashes, runs out of memory or hangs costs one file's record,
never the batch, and no worker outlives its file.

    python3 tests/cli/test_isolation.py --binary build/dev/lawreport --root .

The crash and the hang are injected with LAWREPORT_TEST_WORKER_FAULT (read
only by the worker process, test-only; see src/isolation/worker_reader.cc); the memory
exhaustion is a real PDF, generated here: one page of 464,000 one-digit
words, which poppler's text extraction holds as some 200 MB of word objects.
"""
import json
import os
import shutil
import subprocess
import time
import zlib

from cli_support import Paths, ScratchTest, main, run

FAULT = 'LAWREPORT_TEST_WORKER_FAULT'


def built_with_asan():
    """ASan reserves terabytes of address space: no RLIMIT_AS can apply."""
    result = subprocess.run(['ldd', Paths.binary], capture_output=True)
    return b'libasan' in result.stdout


def fixture(name):
    return os.path.join(Paths.root, 'tests', 'fixtures', 'formats', name)


def one_page_pdf(content):
    """A PDF of one A4 page whose content stream is `content`."""
    stream = zlib.compress(content.encode('latin-1'))
    objects = [
        b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] '
        b'/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
        b'<< /Length %d /Filter /FlateDecode >>\nstream\n' % len(stream) + stream +
        b'\nendstream',
        b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]
    out = bytearray(b'%PDF-1.4\n')
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % number + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    for offset in offsets:
        out += b'%010d 00000 n \n' % offset
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (
        len(objects) + 1, xref)
    return bytes(out)


def word_grid_pdf(rows, columns):
    """Digits at 1 pt on a grid, each placed on its own (Tm): every one is a
    word of its own to poppler."""
    ops = ['BT /F1 1 Tf']
    for row in range(rows):
        for column in range(columns):
            ops.append('1 0 0 1 %.1f %d Tm (%d) Tj' % (5 + column * 1.0, 20 + row,
                                                        (row + column) % 10))
    ops.append('ET')
    return one_page_pdf('\n'.join(ops))


def records(stdout):
    return [json.loads(line) for line in stdout.decode().splitlines()]


def worker_pids(token):
    """Live worker processes whose environment holds `token` (this test's)."""
    pids = []
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open(f'/proc/{entry}/cmdline', 'rb') as f:
                if b'__read-worker' not in f.read().split(b'\0')[1:2]:
                    continue
            with open(f'/proc/{entry}/environ', 'rb') as f:
                if token.encode() in f.read():
                    pids.append(int(entry))
        except OSError:
            pass  # gone, or not ours to read
    return pids


class IsolationTest(ScratchTest):
    def copy(self, name, as_name):
        path = os.path.join(self.tmp, as_name)
        shutil.copyfile(fixture(name), path)
        return path

    def test_crash_and_memory_exhaustion_cost_one_record_each(self):
        good = [self.copy('rongan-2023.pdf', 'good.pdf'),
                self.copy('open-gov-tables.docx', 'good.docx'),
                self.copy('rongan-2023.gbk.html', 'good.html'),
                os.path.join(Paths.root, 'data', 'samples', 'rongan-2023.txt')]
        crash = self.copy('open-gov-tables.pdf', 'crash-me.pdf')
        inputs = [good[0], crash, good[1], good[2], good[3]]
        bomb = None
        if not built_with_asan():  # else no address-space limit applies
            bomb = self.write('bomb.pdf', word_grid_pdf(800, 580))
            inputs.insert(2, bomb)
        expected = run('extract', '--isolate', 'never', *good)
        self.assertEqual(expected.returncode, 0, expected.stderr.decode())
        expected = records(expected.stdout)

        env = dict(os.environ, **{FAULT: 'crash:crash-me'})
        result = subprocess.run(
            [Paths.binary, 'extract', '-j', '2', '--max-worker-memory', str(96 << 20),
             *inputs], capture_output=True, env=env, timeout=300)
        stderr = result.stderr.decode()
        self.assertEqual(result.returncode, 2, stderr)
        got = records(result.stdout)
        self.assertEqual([r['source']['path'] for r in got], inputs)
        by_path = {r['source']['path']: r for r in got}
        self.assertEqual(by_path[crash]['error'], 'the PDF reader crashed (signal 11)')
        self.assertIn(f'lawreport: {crash}: the PDF reader crashed (signal 11)', stderr)
        if bomb:
            self.assertEqual(by_path[bomb]['error'],
                             'the PDF reader ran out of memory (--max-worker-memory 96 MiB)')
        # The others are exactly what the in-process readers give.
        for want in expected:
            have = by_path[want['source']['path']]
            self.assertNotIn('error', have)
            self.assertEqual(have, want)

    def test_the_fault_is_in_the_worker_only(self):
        # --isolate never reads in-process, where the test trigger is not
        # read: the same file is read whole.
        crash = self.copy('rongan-2023.pdf', 'crash-me.pdf')
        env = dict(os.environ, **{FAULT: 'crash:crash-me'})
        never = subprocess.run([Paths.binary, 'outline', '--format', 'json', '--isolate',
                                'never', crash], capture_output=True, env=env, timeout=120)
        self.assertEqual(never.returncode, 0, never.stderr.decode())
        self.assertGreaterEqual(len(json.loads(never.stdout)['sections']), 3)
        # A one-file command: one line, status 2.
        isolated = subprocess.run([Paths.binary, 'text', crash], capture_output=True,
                                  env=env, timeout=120)
        self.assert_one_error(isolated, crash, 'the PDF reader crashed (signal 11)')

    def test_timed_out_worker_is_killed(self):
        token = 'stuck-' + os.path.basename(self.tmp)
        stuck = self.copy('rongan-2023.pdf', token + '.pdf')
        good = self.copy('open-gov-tables.html', 'good.html')
        env = dict(os.environ, **{FAULT: 'hang:' + token})
        started = time.monotonic()
        process = subprocess.Popen(
            [Paths.binary, 'extract', '-j', '1', '--timeout', '2', stuck, good],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        deadline = time.monotonic() + 10
        while not worker_pids(token) and time.monotonic() < deadline:
            time.sleep(0.02)
        self.assertTrue(worker_pids(token), 'no worker process read the PDF')
        first = json.loads(process.stdout.readline())
        self.assertEqual(first['source']['path'], stuck)
        self.assertEqual(first['error'], 'took longer than --timeout 2 s: stopped')
        # The hung worker is killed, while the batch goes on.
        deadline = time.monotonic() + 5
        while worker_pids(token) and time.monotonic() < deadline:
            time.sleep(0.02)
        self.assertEqual(worker_pids(token), [], 'the worker outlived its --timeout')
        rest, stderr = process.communicate(timeout=120)
        self.assertEqual(process.returncode, 2, stderr.decode())
        second = json.loads(rest)
        self.assertEqual(second['source']['path'], good)
        self.assertNotIn('error', second)
        self.assertLess(time.monotonic() - started, 60)
        self.assertEqual(worker_pids(token), [])


if __name__ == '__main__':
    main()
