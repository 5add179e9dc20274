#!/usr/bin/env python3
"""Indicator offsets: `start` and `end` are byte offsets into the text that
`lawreport text FILE` prints, so slicing that text gives the indicator's
`text`, for every indicator of every corpus report and container fixture.

Run by CTest:  python3 tests/cli/test_offsets.py --binary build/dev/lawreport --root .
"""
import glob
import json
import os

from cli_support import Paths, ScratchTest, main, run


def inputs():
    """Every corpus report, the sample, and the HTML, DOCX and PDF fixtures
    that hold a readable report."""
    root = Paths.root
    paths = sorted(glob.glob(os.path.join(root, 'tests', 'corpus', 'reports', '*.txt')))
    paths.append(os.path.join(root, 'data', 'samples', 'rongan-2023.txt'))
    formats = os.path.join(root, 'tests', 'fixtures', 'formats')
    for name in ('rongan-2023.gbk.html', 'rongan-2023.literal.docx',
                 'rongan-2023.numbered.docx', 'rongan-2023.pdf',
                 'open-gov-tables.html', 'open-gov-tables.docx'):
        paths.append(os.path.join(formats, name))
    return paths


class OffsetsTest(ScratchTest):
    def text_and_indicators(self, path):
        printed = run('text', path)
        self.assertEqual(printed.returncode, 0, printed.stderr.decode())
        extracted = run('extract', path)
        self.assertEqual(extracted.returncode, 0, extracted.stderr.decode())
        return printed.stdout, json.loads(extracted.stdout)['indicators']

    def assert_slices(self, source, indicator):
        start, end = indicator['start'], indicator['end']
        self.assertLess(start, end, indicator)
        self.assertLessEqual(end, len(source), indicator)
        sliced = source[start:end].decode('utf-8')  # whole characters
        text = indicator['text']
        if '…' in text:
            # A shared or distributed label stands apart from its number: the
            # slice runs from the label to the number, across the words that
            # `text` leaves out.
            label, number = text.split('…')
            self.assertTrue(sliced.startswith(label) and sliced.endswith(number),
                            (sliced, indicator))
        else:
            self.assertEqual(sliced, text, indicator)

    def test_every_indicator_slices_the_printed_text(self):
        total = 0
        formats = set()
        for path in inputs():
            with self.subTest(path=os.path.relpath(path, Paths.root)):
                source, indicators = self.text_and_indicators(path)
                # (a few reports state no figure at all)
                for indicator in indicators:
                    self.assert_slices(source, indicator)
                    if indicator['cell']:
                        formats.add('cell')
                total += len(indicators)
                formats.add(os.path.splitext(path)[1])
        self.assertEqual(formats, {'.txt', '.html', '.docx', '.pdf', 'cell'})
        self.assertGreater(total, 2000)

    def test_a_utf8_text_file_is_its_own_printed_text(self):
        # For a UTF-8 text file with LF line ends the offsets index the file
        # itself; a byte-order mark is not part of the text, CRLF prints as LF.
        body = '（一）受理行政许可事项４３６０１件，办结率９９．７４％。\n'
        for name, data, prefix in [
                ('plain.txt', body.encode(), b''),
                ('bom.txt', b'\xef\xbb\xbf' + body.encode(), b'\xef\xbb\xbf'),
                ('crlf.txt', ('第一行\r\n' + body).encode(), None)]:
            with self.subTest(name=name):
                path = self.write(name, data)
                source, indicators = self.text_and_indicators(path)
                if prefix is not None:
                    self.assertEqual(prefix + source, data)
                self.assertEqual([i['text'] for i in indicators],
                                 ['受理行政许可事项４３６０１件', '办结率９９．７４％'])
                for indicator in indicators:
                    self.assert_slices(source, indicator)
                if name == 'plain.txt':
                    self.assertEqual(data[indicators[0]['start']:indicators[0]['end']].decode(),
                                     '受理行政许可事项４３６０１件')


if __name__ == '__main__':
    main()
