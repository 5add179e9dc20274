#!/usr/bin/env python3
"""`lawreport explain REPORT --line N`: for every number on the line, the
rule that took or rejected it, and each figure's label and trimmers.

The text output for a few lines of the bundled sample is a golden file
(tests/golden/rongan-2023.explain.txt; LAWREPORT_UPDATE_GOLDEN=1 rewrites it
on purpose); the JSON is checked against extract's own indicators.

Run by CTest:  python3 tests/cli/test_explain.py --binary build/dev/lawreport --root .
"""
import json
import os

from cli_support import Paths, ScratchTest, main, run, sample_path

# Lines of rongan-2023.txt: a rate and its counts (15); a shared verb, a date
# and 约 (19); titles in 《》 and a document number in 〔〕 (23); an ordinal,
# 第二十二个 (50); three rates sharing 均为 and a year (77).
GOLDEN_LINES = (15, 19, 23, 50, 77)


class ExplainTest(ScratchTest):
    def explain(self, *args):
        result = run('explain', *args)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return result.stdout

    def test_text_of_sample_lines_matches_golden(self):
        produced = b''.join(self.explain(sample_path(), '--line', str(line))
                            for line in GOLDEN_LINES)
        path = os.path.join(Paths.root, 'tests', 'golden', 'rongan-2023.explain.txt')
        if os.environ.get('LAWREPORT_UPDATE_GOLDEN') == '1':
            with open(path, 'wb') as f:
                f.write(produced)
        with open(path, 'rb') as f:
            self.assertEqual(produced.decode(), f.read().decode())

    def test_json_figures_are_extracts_indicators(self):
        extracted = json.loads(run('extract', sample_path()).stdout)['indicators']
        by_id = {i['id']: i for i in extracted}
        for line in GOLDEN_LINES:
            explained = json.loads(self.explain(sample_path(), '--line', str(line),
                                                '--format', 'json'))
            self.assertEqual(explained['line'], line)
            taken = [f['indicator'] for n in explained['numbers'] for f in n['figures']]
            # Every figure extract found on the line is explained, and as
            # extract wrote it.
            self.assertEqual(sorted(i['id'] for i in taken),
                             sorted(i['id'] for i in extracted if i['line'] == line))
            for indicator in taken:
                self.assertEqual(indicator, by_id[indicator['id']])
            for number in explained['numbers']:
                self.assertEqual(number['taken'], number['rejected_by'] is None, number)
                if not number['taken']:
                    self.assertTrue(number['why'], number)

    def test_rejections_name_their_rule(self):
        path = os.path.join(self.tmp, 'report.txt')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('一、总体情况\n'
                    '2023年融安县共受理行政复议案件43件，召开第12次常务会议，'
                    '印发《关于开展5项行动的通知》。\n')
        explained = json.loads(self.explain(path, '--line', '2', '--format', 'json'))
        verdicts = {n['text']: n['rejected_by'] for n in explained['numbers']}
        self.assertEqual(verdicts, {'2023年': 'year', '43件': None,
                                    '12次': 'ordinal', '5项': 'enclosed'})
        figure = next(n for n in explained['numbers'] if n['text'] == '43件')['figures'][0]
        self.assertEqual(figure['indicator']['label'], '受理行政复议案件')
        self.assertEqual([s['rule'] for s in figure['label_steps']],
                         ['trim_leading_time', 'trim_place_adverb'])
        self.assertEqual(figure['label_steps'][-1]['after'], '受理行政复议案件')

    def test_bad_line_and_usage_exit_2(self):
        for args in (('--line', '100000'), ('--line', '0'), ()):
            result = run('explain', sample_path(), *args)
            self.assertEqual(result.returncode, 2, args)
            self.assertEqual(result.stdout, b'', args)
            self.assertTrue(result.stderr, args)
        missing = run('explain', os.path.join(self.tmp, 'none.txt'), '--line', '1')
        self.assertEqual(missing.returncode, 2)


if __name__ == '__main__':
    main()
