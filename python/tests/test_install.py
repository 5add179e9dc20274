#!/usr/bin/env python3
"""The Python package from an installed prefix: `cmake --install` into a
temporary directory, then, with only PYTHONPATH set, the README's line works
and the package imported is the installed one.

Run by CTest:
  /usr/bin/python3 python/tests/test_install.py --cmake cmake \
      --build build/dev --binary build/dev/lawreport --root .
"""
import argparse
import ast
import json
import os
import subprocess
import sys
import tempfile
import unittest

ARGS = None


class FromAnInstalledPrefix(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.prefix = tempfile.TemporaryDirectory(prefix='lawreport-install-')
        subprocess.run([ARGS.cmake, '--install', ARGS.build, '--prefix',
                        cls.prefix.name], check=True, capture_output=True)
        cls.site = os.path.join(cls.prefix.name, 'lib', 'python3',
                                'dist-packages')

    @classmethod
    def tearDownClass(cls):
        cls.prefix.cleanup()

    def python(self, code, **extra_env):
        env = {'PATH': '/usr/bin:/bin', 'PYTHONPATH': self.site,
               'LANG': 'C.UTF-8', **extra_env}
        result = subprocess.run(['/usr/bin/python3', '-c', code], cwd=ARGS.root,
                                env=env, capture_output=True)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return result.stdout.decode()

    def cli_document(self, path):
        result = subprocess.run([ARGS.binary, 'extract', path], cwd=ARGS.root,
                                capture_output=True, check=True)
        return json.loads(result.stdout)['document']

    def test_the_package_is_installed_with_its_extension(self):
        package = os.path.join(self.site, 'lawreport')
        names = os.listdir(package)
        for name in ('__init__.py', '_errors.py', '_frames.py', 'dask.py'):
            self.assertIn(name, names)
        self.assertTrue(any(n.startswith('_lawreport.') and n.endswith('.so')
                            for n in names), names)
        where = self.python('import lawreport; print(lawreport.__file__)')
        self.assertTrue(where.startswith(package), where)

    def test_the_readme_line_works(self):
        out = self.python("import lawreport; print(lawreport.extract("
                          "'data/samples/rongan-2023.txt')['document'])")
        self.assertEqual(ast.literal_eval(out),
                         self.cli_document('data/samples/rongan-2023.txt'))

    def test_a_pdf_reads_from_the_installed_package(self):
        path = 'tests/fixtures/formats/rongan-2023.pdf'
        out = self.python("import lawreport; print(lawreport.extract("
                          f"'{path}')['document'])")
        self.assertEqual(ast.literal_eval(out), self.cli_document(path))

    def test_the_installed_package_reads_a_pdf_in_the_installed_executable(self):
        # The worker's test fault crashes the PDF reader only in a worker
        # process: the installed package found the prefix's bin/lawreport
        # (not the build tree's, not PATH's) and read the PDF there.
        code = ("import lawreport\n"
                "try:\n"
                "    lawreport.extract('tests/fixtures/formats/rongan-2023.pdf')\n"
                "except lawreport.FormatError as error:\n"
                "    print(error.message)\n")
        out = self.python(code, LAWREPORT_TEST_WORKER_FAULT='crash:rongan-2023.pdf')
        self.assertIn('the PDF reader crashed (signal 11)', out)
        self.assertTrue(os.access(os.path.join(self.prefix.name, 'bin', 'lawreport'),
                                  os.X_OK))


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    for name in ('--cmake', '--build', '--binary', '--root'):
        parser.add_argument(name, required=True)
    ARGS, rest = parser.parse_known_args()
    ARGS.root = os.path.abspath(ARGS.root)
    ARGS.binary = os.path.abspath(ARGS.binary)
    unittest.main(argv=[sys.argv[0], *rest])


if __name__ == '__main__':
    main()
