"""`lawreport check` as a CI job uses it: many files in one run, relation names that
survive edits, a baseline written by --write-accept, SARIF, GitHub and JUnit output,
and the jobs in docs/ci.md run on the fixtures.

    python3 tests/cli/test_ci.py --binary build/dev/lawreport --root .

SARIF is validated against tests/cli/sarif-2.1.0-subset.schema.json (the part of the
SARIF 2.1.0 schema lawreport writes, see its description), and also against the
official OASIS schema when LAWREPORT_SARIF_SCHEMA names a copy of it.
"""
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

from cli_support import Paths, ScratchTest, main, run, sample_path


def corpus_reports():
    folder = os.path.join(Paths.root, 'tests', 'corpus', 'reports')
    return sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith('.txt'))


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def check_json(*args):
    result = run('check', '--format', 'json', *args)
    return result, json.loads(result.stdout)


class CheckTest(ScratchTest):
    def mutated_sample(self, name, old, new):
        text = read(sample_path())
        self.assertEqual(text.count(old), 1, old)
        return self.write(name, text.replace(old, new))

    def reports_folder(self, *extra):
        """A folder `reports/` holding the sample and three corpus reports, plus
        (name, text) pairs."""
        folder = os.path.join(self.tmp, 'reports')
        os.makedirs(folder, exist_ok=True)
        shutil.copy(sample_path(), folder)
        for path in corpus_reports()[:3]:
            shutil.copy(path, folder)
        for name, text in extra:
            with open(os.path.join(folder, name), 'w', encoding='utf-8') as f:
                f.write(text)
        return folder

    # --- inputs: what extract takes --------------------------------------------------

    def test_directories_globs_and_lists(self):
        folder = self.reports_folder()
        names = sorted(os.listdir(folder))
        result, doc = check_json(folder)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual([os.path.basename(f['path']) for f in doc['files']], names)
        self.assertEqual(doc['summary']['files'], len(names))

        result, doc = check_json(folder, '--glob', 'rongan*')
        self.assertEqual([os.path.basename(f['path']) for f in doc['files']], ['rongan-2023.txt'])

        listing = self.write('list.txt', '\n'.join(os.path.join(folder, n) for n in reversed(names)))
        result, doc = check_json('--files-from', listing)
        self.assertEqual([os.path.basename(f['path']) for f in doc['files']], names[::-1])
        piped = run('check', '--files-from', '-', stdin=read(listing).encode())
        self.assertEqual(piped.returncode, 0, piped.stderr.decode())
        self.assertEqual(piped.stdout.decode().count('\n'), 1)  # one summary line for the run

    def test_output_is_in_input_order_whatever_the_jobs(self):
        paths = corpus_reports()[:8] + [sample_path()]
        outputs = set()
        for jobs in ('1', '2', '4'):
            for fmt in ('text', 'json', 'github', 'sarif'):
                result = run('check', '-j', jobs, '--format', fmt, *paths)
                self.assertEqual(result.returncode, 0)
                outputs.add((fmt, result.stdout))
        self.assertEqual(len(outputs), 4)  # one output per format, whatever -j

    def test_a_bad_file_loses_no_other_result(self):
        bad = self.mutated_sample('bad.txt', '不受理4件', '不受理5件')
        missing = os.path.join(self.tmp, 'missing.txt')
        empty_docx = self.write('empty.docx', b'PK\x03\x04 not a zip')
        for fmt in ('text', 'json', 'github', 'junit', 'sarif'):
            with self.subTest(format=fmt):
                result = run('check', '--format', fmt, sample_path(), missing, bad, empty_docx)
                self.assertEqual(result.returncode, 2)
                errors = result.stderr.decode().splitlines()
                self.assertEqual(len(errors), 2, errors)
                self.assertTrue(errors[0].startswith(f'lawreport: {missing}: '), errors[0])
                self.assertTrue(errors[1].startswith(f'lawreport: {empty_docx}: '), errors[1])
                out = result.stdout.decode()
                if fmt in ('text', 'github'):
                    self.assertIn(f'{bad}', out)
                    self.assertIn('mismatch' if fmt == 'text' else '::error', out)
        result, doc = check_json(sample_path(), missing, bad)
        self.assertEqual([f['path'] for f in doc['files']], [sample_path(), missing, bad])
        self.assertIn('error', doc['files'][1])
        self.assertEqual(doc['summary']['unreadable'], 1)
        self.assertEqual(doc['summary']['mismatch'], 1)
        text = run('check', sample_path(), missing, bad).stdout.decode().splitlines()
        self.assertEqual(len([l for l in text if ' checks: ' in l]), 1)  # one summary
        self.assertRegex(text[-1], r'^3 files \(1 unreadable\), \d+ checks: ')

    def test_no_input_is_a_usage_error(self):
        result = run('check', '--glob', '*.none', self.tmp)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stdout, b'')
        self.assertEqual(len(result.stderr.decode().splitlines()), 1)

    # --- relation names ---------------------------------------------------------------

    def test_relation_names_are_unique_and_hold_no_line(self):
        result, doc = check_json(sample_path(), *corpus_reports())
        for file in doc['files']:
            names = [c['relation'] for c in file['checks']]
            self.assertEqual(len(names), len(set(names)), file['path'])
            for name in names:
                self.assertNotRegex(name, r'^(sum|rate|balance):\d+:', name)
        sample = [c['relation'] for c in doc['files'][0]['checks']]
        # The two breakdowns of 已审结的21件 are told apart by their parts.
        self.assertEqual(len([n for n in sample if n.startswith('sum:审结的:')]), 2, sample)

    def test_relation_names_survive_unrelated_edits(self):
        bad = self.mutated_sample('bad.txt', '不受理4件', '不受理5件')
        text = read(bad)
        moved = self.write('moved.txt', '前言一行。\n\n' + text.replace(
            '调结率98.11%', '调结率98.11%，另有说明'))
        _, before = check_json(bad)
        _, after = check_json(moved)
        names = lambda doc: [c['relation'] for c in doc['files'][0]['checks']]
        self.assertEqual(names(before), names(after))
        lines = lambda doc: [c['line'] for c in doc['files'][0]['checks']]
        self.assertEqual([l + 2 for l in lines(before)], lines(after))

    # --- --write-accept ----------------------------------------------------------------

    def test_write_accept_baselines_then_tightens(self):
        bad = self.mutated_sample('bad.txt', '不受理4件', '不受理5件')
        accept = os.path.join(self.tmp, 'accept.tsv')
        result = run('check', '--write-accept', accept, bad)
        self.assertEqual(result.returncode, 0, result.stdout.decode())
        self.assertIn('1 accepted', result.stdout.decode())
        lines = read(accept).splitlines()
        entries = [l for l in lines if l and not l.startswith('#')]
        self.assertEqual(entries[0], 'file\trelation\tstated\tcomputed\treason')
        self.assertEqual(len(entries), 2, lines)
        file, relation, stated, computed, reason = entries[1].split('\t')
        self.assertEqual((file, stated, computed, reason), (bad, '31', '32', 'baseline'))
        self.assertTrue(relation.startswith('sum:县人民政府收到行政复议申请:'), relation)
        comment = lines[lines.index(entries[1]) - 1]
        self.assertEqual(comment, f'# {bad}:61: 27 + 5 = 32 > 31 (stated 31, computed 32)')

        # The baseline holds on the next run, and a new error still fails.
        self.assertEqual(run('check', '--accept', accept, bad).returncode, 0)
        worse = self.write('bad.txt', read(bad).replace('调结率98.11%', '调结率98.21%'))
        result = run('check', '--accept', accept, worse)
        self.assertEqual(result.returncode, 1)
        self.assertIn('1 mismatch', result.stdout.decode())
        self.assertIn('1 accepted', result.stdout.decode())
        # Rewriting the baseline keeps what was accepted, with its reason.
        kept = self.write('kept.tsv', read(accept).replace('\tbaseline', '\tconfirmed by the office'))
        result = run('check', '--accept', kept, '--write-accept', kept, worse)
        self.assertEqual(result.returncode, 0)
        rows = [l.split('\t') for l in read(kept).splitlines() if l and not l.startswith('#')][1:]
        self.assertEqual(sorted(r[4] for r in rows), ['baseline', 'confirmed by the office'])
        # --strict baselines the unverifiable relations as well.
        strict = os.path.join(self.tmp, 'strict.tsv')
        self.assertEqual(run('check', '--strict', '--write-accept', strict, sample_path()).returncode, 0)
        self.assertEqual(run('check', '--strict', '--accept', strict, sample_path()).returncode, 0)
        self.assertIn('rate:满意率', read(strict))

    def test_write_accept_to_a_bad_place_is_one_error(self):
        target = os.path.join(self.tmp, 'no', 'such', 'dir', 'accept.tsv')
        result = run('check', '--write-accept', target, sample_path())
        self.assertEqual(result.returncode, 2)
        self.assertEqual(len(result.stderr.decode().splitlines()), 1)
        self.assertIn(target, result.stderr.decode())

    # --- SARIF ----------------------------------------------------------------------------

    def sarif_validators(self):
        import jsonschema
        with open(os.path.join(Paths.root, 'tests', 'cli', 'sarif-2.1.0-subset.schema.json'),
                  encoding='utf-8') as f:
            validators = [jsonschema.Draft202012Validator(json.load(f))]
        official = os.environ.get('LAWREPORT_SARIF_SCHEMA')
        if official:
            with open(official, encoding='utf-8') as f:
                validators.append(jsonschema.Draft4Validator(json.load(f)))
        return validators

    def assert_valid_sarif(self, doc):
        for validator in self.sarif_validators():
            self.assertEqual([e.message for e in validator.iter_errors(doc)], [])

    def test_sarif(self):
        bad = self.mutated_sample('bad.txt', '调结率98.11%', '调结率98.21%')
        missing = os.path.join(self.tmp, '缺少 的.txt')
        result = run('check', '--format', 'sarif', bad, missing, *corpus_reports()[:3])
        self.assertEqual(result.returncode, 2)
        doc = json.loads(result.stdout)
        self.assert_valid_sarif(doc)
        run_ = doc['runs'][0]
        rules = [r['id'] for r in run_['tool']['driver']['rules']]
        self.assertEqual(sorted(rules), ['balance', 'expect', 'rate', 'sum', 'template'])
        self.assertEqual(len(run_['results']), 1)
        found = run_['results'][0]
        self.assertEqual((found['ruleId'], found['level']), ('rate', 'error'))
        self.assertEqual(rules[found['ruleIndex']], 'rate')
        place = found['locations'][0]['physicalLocation']
        self.assertEqual(place['artifactLocation']['uri'], bad)
        line = read(bad).splitlines()[58]
        self.assertEqual(place['region']['startLine'], 59)
        column = place['region']['startColumn']
        self.assertTrue(line[column - 1:].startswith('98.21'), line[column - 1:column + 10])
        self.assertIn('98.21%', found['message']['text'])
        self.assertEqual(found['partialFingerprints']['lawreportRelation/v1'], 'rate:调结率')
        invocation = run_['invocations'][0]
        self.assertFalse(invocation['executionSuccessful'])
        notes = invocation['toolExecutionNotifications']
        self.assertEqual(len(notes), 1)
        self.assertEqual(notes[0]['locations'][0]['physicalLocation']['artifactLocation']['uri'],
                         missing.replace(' ', '%20').replace('缺少', '%E7%BC%BA%E5%B0%91')
                         .replace('的', '%E7%9A%84'))

        # Unverifiable relations: results only with --strict, and then as notes.
        plain = json.loads(run('check', '--format', 'sarif', sample_path()).stdout)
        self.assertEqual(plain['runs'][0]['results'], [])
        strict = json.loads(run('check', '--strict', '--format', 'sarif', sample_path()).stdout)
        self.assert_valid_sarif(strict)
        self.assertTrue(strict['runs'][0]['results'])
        self.assertEqual({r['level'] for r in strict['runs'][0]['results']}, {'note'})

        # The whole corpus validates, and the subset schema rejects what SARIF rejects.
        doc = json.loads(run('check', '--strict', '--format', 'sarif', *corpus_reports()).stdout)
        self.assert_valid_sarif(doc)
        for mutate in (lambda d: d.update(version='2.0.0'),
                       lambda d: d['runs'][0].update(extra=1),
                       lambda d: d['runs'][0]['results'][0].update(level='fatal'),
                       lambda d: d['runs'][0]['results'][0]['locations'][0]['physicalLocation']
                       ['region'].update(startLine=0)):
            broken = json.loads(json.dumps(strict))
            mutate(broken)
            for validator in self.sarif_validators():
                self.assertFalse(validator.is_valid(broken))

    def test_sarif_subset_uses_only_sarif_names(self):
        official = os.environ.get('LAWREPORT_SARIF_SCHEMA')
        if not official:
            self.skipTest('LAWREPORT_SARIF_SCHEMA not set')
        with open(official, encoding='utf-8') as f:
            sarif = json.load(f)
        with open(os.path.join(Paths.root, 'tests', 'cli', 'sarif-2.1.0-subset.schema.json'),
                  encoding='utf-8') as f:
            subset = json.load(f)
        for name, definition in subset['$defs'].items():
            if name not in sarif['definitions']:
                continue
            for prop in definition.get('properties', {}):
                with self.subTest(definition=name, property=prop):
                    self.assertIn(prop, sarif['definitions'][name]['properties'])

    # --- GitHub and JUnit -----------------------------------------------------------------

    def test_github_has_a_column(self):
        bad = self.mutated_sample('bad.txt', '调结率98.11%', '调结率98.21%')
        lines = run('check', '--format', 'github', bad).stdout.decode().splitlines()
        self.assertEqual(len(lines), 1)
        match = re.match(r'::error file=[^,]+,line=59,col=(\d+),title=', lines[0])
        self.assertTrue(match, lines[0])
        source = read(bad).splitlines()[58]
        self.assertTrue(source[int(match.group(1)) - 1:].startswith('98.21'))

    def test_junit_suites_per_file_with_time(self):
        bad = self.mutated_sample('bad.txt', '调结率98.11%', '调结率98.21%')
        missing = os.path.join(self.tmp, 'missing.txt')
        root = ET.fromstring(run('check', '--format', 'junit', sample_path(), bad, missing).stdout)
        suites = root.findall('testsuite')
        self.assertEqual([s.get('name') for s in suites], [sample_path(), bad, missing])
        self.assertGreaterEqual(float(root.get('time')), 0)
        for suite in suites:
            self.assertRegex(suite.get('timestamp'), r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$')
            self.assertGreaterEqual(float(suite.get('time')), 0)
            names = [case.get('name') for case in suite.findall('testcase')]
            self.assertEqual(len(names), len(set(names)), names)
            self.assertEqual(int(suite.get('tests')), len(names))
        failing = [c.get('name') for c in suites[1].findall('testcase') if c.find('failure') is not None]
        self.assertEqual(failing, ['rate:调结率'])
        self.assertIsNotNone(suites[2].find('testcase/error'))


class FalseAlarmTest(ScratchTest):
    """No mismatch on any corpus report or fixture, fresh or old, except the
    errors the reports really print (checked by hand against their text)."""

    # (file name, relation): true errors in published reports.
    KNOWN = {
        # 行政复议 block printed as 10 + 1 + 0 + 0 with 总计 0, and the
        # 复议后起诉 block as 5 + 0 + 0 + 0 with 总计 0 (docs/reports.md §6).
        ('f05_hongze_2023_xxgk.pdf', 'template:review.results:review'),
        ('f05_hongze_2023_xxgk.pdf', 'template:review.results:litigation.after_review'),
        ('f05_hongze_2023_xxgk.txt', 'template:review.results:review'),
        ('f05_hongze_2023_xxgk.txt', 'template:review.results:litigation.after_review'),
        # 受理审批事项117件，办结171件，办结率100%: the counts are swapped.
        ('h04_dsj_2013_xxgk.html', 'rate:办结率'),
    }

    def test_no_false_alarm(self):
        folders = [os.path.join(Paths.root, 'tests', 'corpus', 'reports'),
                   os.path.join(Paths.root, 'tests', 'fixtures'),
                   os.path.join(Paths.root, 'data', 'samples')]
        shared = os.environ.get('LAWREPORT_SHARED', os.path.join(Paths.root, '..', 'shared'))
        for name in ('corpus', 'fresh'):
            if os.path.isdir(os.path.join(shared, name)):
                folders.append(os.path.join(shared, name))
        # Without OCR (slow, tests/cli/test_ocr.py covers it): a scan or a
        # garbled text layer is an unreadable file here.
        result = run('check', '--format', 'json', '--ocr', 'never', *folders)
        doc = json.loads(result.stdout)
        found = {(os.path.basename(f['path']), c['relation'])
                 for f in doc['files'] for c in f['checks'] if c['status'] == 'mismatch'}
        self.assertEqual(found - self.KNOWN, set())
        self.assertGreater(doc['summary']['files'], 30)
        # The fixtures that cannot be read are the ones made broken on purpose.
        unreadable = sorted(os.path.basename(f['path']) for f in doc['files'] if 'error' in f)
        garbled = [name for name in ['garbled-font.pdf']
                   if os.path.exists(os.path.join(shared, 'fresh', name))]
        self.assertEqual(unreadable, sorted(['broken.docx', 'encrypted.pdf', 'not-a-docx.docx',
                                             'scanned.pdf', 'truncated.docx', 'truncated.pdf']
                                            + garbled))


class CiDocTest(ScratchTest):
    """Every example in docs/ci.md, run on fixtures."""

    def blocks(self):
        text = read(os.path.join(Paths.root, 'docs', 'ci.md'))
        return re.findall(r'```(\w*)\n(.*?)```', text, re.S)

    def setUp(self):
        super().setUp()
        self.bin = os.path.join(self.tmp, 'bin')
        os.makedirs(self.bin)
        os.symlink(Paths.binary, os.path.join(self.bin, 'lawreport'))
        self.env = dict(os.environ, PATH=self.bin + os.pathsep + os.environ['PATH'])
        self.work = os.path.join(self.tmp, 'repo')
        reports = os.path.join(self.work, 'reports')
        os.makedirs(reports)
        shutil.copy(sample_path(), reports)
        for path in corpus_reports():
            shutil.copy(path, reports)
        for name in ('open-gov-tables.docx', 'open-gov-tables.html', 'open-gov-tables.pdf'):
            shutil.copy(os.path.join(Paths.root, 'tests', 'fixtures', 'formats', name), reports)
        # One known error, the kind a baseline is for.
        text = read(sample_path()).replace('不受理4件', '不受理5件')
        with open(os.path.join(reports, 'known-error.txt'), 'w', encoding='utf-8') as f:
            f.write(text)

    def shell(self, command, cwd=None, stdin=None):
        return subprocess.run(['sh', '-c', command], cwd=cwd or self.work, env=self.env,
                              capture_output=True, input=stdin, timeout=300)

    def lawreport_commands(self, script):
        return [line.strip() for line in script.splitlines()
                if line.strip().startswith('lawreport ')]

    def yaml_blocks(self):
        import yaml
        return [yaml.safe_load(body) for kind, body in self.blocks() if kind == 'yaml']

    def test_yaml_examples_parse(self):
        docs = self.yaml_blocks()
        self.assertEqual(len(docs), 3)
        github, gitlab, precommit = docs
        steps = github['jobs']['check']['steps']
        self.assertTrue(any(s.get('uses', '').startswith('github/codeql-action/upload-sarif')
                            for s in steps))
        self.assertEqual(gitlab['lawreport']['artifacts']['reports']['junit'],
                         'lawreport-junit.xml')
        self.assertEqual(precommit['repos'][0]['hooks'][0]['language'], 'system')

    def test_workflows_run_end_to_end(self):
        github, gitlab, precommit = self.yaml_blocks()
        baseline = [c for kind, body in self.blocks() if kind == 'sh'
                    for c in self.lawreport_commands(body)]
        self.assertEqual(len(baseline), 1)
        github_commands = [c for s in github['jobs']['check']['steps'] if 'run' in s
                           for c in self.lawreport_commands(s['run'])]
        gitlab_commands = [c for c in gitlab['lawreport']['script']
                           if c.startswith('lawreport ')]
        self.assertEqual(len(github_commands), 2)
        self.assertEqual(len(gitlab_commands), 1)

        # Before the baseline the jobs cannot run (the accept file is missing, named in
        # one line), and the known error fails a plain check; after it, every job passes.
        result = self.shell(github_commands[0])
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.decode().splitlines(),
                         ['lawreport: lawreport-accept.tsv: no such file'])
        self.assertEqual(self.shell('lawreport check reports/').returncode, 1)
        result = self.shell(baseline[0])
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertIn('known-error.txt', read(os.path.join(self.work, 'lawreport-accept.tsv')))
        for command in github_commands + gitlab_commands:
            with self.subTest(command=command):
                result = self.shell(command)
                self.assertEqual(result.returncode, 0, result.stdout.decode()[-2000:] +
                                 result.stderr.decode())
        sarif = json.loads(read(os.path.join(self.work, 'lawreport.sarif')))
        self.assertEqual(sarif['version'], '2.1.0')
        self.assertEqual(sarif['runs'][0]['results'], [])
        junit = ET.parse(os.path.join(self.work, 'lawreport-junit.xml')).getroot()
        self.assertEqual(len(junit.findall('testsuite')), len(os.listdir(
            os.path.join(self.work, 'reports'))))

        # A new error fails every job, and each output names it.
        path = os.path.join(self.work, 'reports', 'rongan-2023.txt')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(read(sample_path()).replace('调结率98.11%', '调结率98.21%'))
        for command in github_commands + gitlab_commands:
            with self.subTest(command=command):
                result = self.shell(command)
                self.assertEqual(result.returncode, 1)
        sarif = json.loads(read(os.path.join(self.work, 'lawreport.sarif')))
        self.assertEqual([r['partialFingerprints']['lawreportRelation/v1']
                          for r in sarif['runs'][0]['results']], ['rate:调结率'])
        self.assertIn('rate:调结率', read(os.path.join(self.work, 'lawreport-junit.xml')))

        # The pre-commit framework's entry, with the files as arguments.
        entry = precommit['repos'][0]['hooks'][0]['entry']
        files = sorted(os.listdir(os.path.join(self.work, 'reports')))
        pattern = re.compile(precommit['repos'][0]['hooks'][0]['files'])
        staged = ' '.join('reports/' + n for n in files if pattern.search(n))
        self.assertEqual(self.shell(f'{entry} {staged}').returncode, 1)
        self.assertEqual(self.shell(f'{entry} reports/known-error.txt').returncode, 0)

    def test_git_hook(self):
        hook = [body for kind, body in self.blocks() if kind == 'sh' and body.startswith('#!')]
        self.assertEqual(len(hook), 1)
        hook_path = os.path.join(self.tmp, 'pre-commit')
        with open(hook_path, 'w', encoding='utf-8') as f:
            f.write(hook[0])
        os.chmod(hook_path, 0o755)
        git = lambda *args: subprocess.run(['git', '-C', self.work, *args], capture_output=True,
                                           env=self.env, check=True)
        git('init', '-q')
        # No report staged: the hook passes without running a check.
        self.assertEqual(self.shell(hook_path).returncode, 0)
        self.assertEqual(self.shell('lawreport check reports/ --write-accept lawreport-accept.tsv')
                         .returncode, 0)
        git('add', 'reports')
        result = self.shell(hook_path)
        self.assertEqual(result.returncode, 0, result.stdout.decode() + result.stderr.decode())
        path = os.path.join(self.work, 'reports', 'rongan-2023.txt')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(read(sample_path()).replace('调结率98.11%', '调结率98.21%'))
        git('add', 'reports/rongan-2023.txt')
        result = self.shell(hook_path)
        self.assertEqual(result.returncode, 1)
        self.assertIn('rongan-2023.txt:59: mismatch [rate]', result.stdout.decode())


if __name__ == '__main__':
    main()
