"""What the CLI test files share: where the binary and the repository are,
running the binary, and a scratch folder per test.

    python3 tests/cli/test_formats.py --binary build/dev/lawreport --root .
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import unittest


class Paths:
    binary = None  # absolute path of the lawreport executable under test
    root = None    # absolute path of the repository


def run(*args, stdin=None, timeout=300):
    return subprocess.run([Paths.binary, *args], input=stdin, capture_output=True,
                          timeout=timeout)


def sample_path():
    return os.path.join(Paths.root, 'data', 'samples', 'rongan-2023.txt')


class ScratchTest(unittest.TestCase):
    """A test with its own temporary folder, removed afterwards."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='lawreport-test-')

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, 'wb') as f:
            f.write(data if isinstance(data, bytes) else data.encode('utf-8'))
        return path

    def assert_one_error(self, result, path, message):
        """Bad input: exit status 2, nothing on stdout, one line on stderr
        of the form `lawreport: PATH: problem` that says `message`."""
        self.assertEqual(result.returncode, 2, result.stdout[:200])
        self.assertEqual(result.stdout, b'')
        lines = result.stderr.decode().splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertTrue(lines[0].startswith(f'lawreport: {path}: '), lines[0])
        self.assertIn(message, lines[0])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--binary', required=True)
    parser.add_argument('--root', required=True)
    args, rest = parser.parse_known_args()
    Paths.binary = os.path.abspath(args.binary)
    Paths.root = os.path.abspath(args.root)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)
