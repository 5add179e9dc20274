#!/usr/bin/env python3
"""HTML, DOCX and PDF input: the same report in every format gives the same
outline and indicators as the plain text; tables give one figure per numeric
cell; damaged, hostile or mislabelled containers fail cleanly.

Run by CTest:  python3 tests/cli/test_formats.py --binary build/dev/lawreport --root .
The fixtures are in tests/fixtures/formats (see its README.md for how
make_fixtures.sh made each one).
"""
import csv
import io
import json
import os
import subprocess
import zipfile
from decimal import Decimal

from cli_support import Paths, ScratchTest, main, run, sample_path


def fixture(name):
    return os.path.join(Paths.root, 'tests', 'fixtures', 'formats', name)


def walk(sections):
    for section in sections:
        yield section
        yield from walk(section['children'])


class FormatsTest(ScratchTest):
    def extract(self, path, *extra):
        result = run('extract', *extra, path)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return json.loads(result.stdout)

    def assert_fails(self, path, message, *extra):
        self.assert_one_error(run('extract', *extra, path), path, message)

    # --- the same report in four containers ------------------------------

    def test_every_format_gives_the_plain_text_outline_and_indicators(self):
        plain = self.extract(sample_path())
        plain_sections = [(s['level'], s['marker'], s['title'])
                          for s in walk(plain['sections'])]
        plain_figures = [(i['label'], i['value'], i['unit'], i['kind'])
                         for i in plain['indicators']]
        self.assertEqual(len(plain_figures), 90)
        for name, reader, encoding in [
                ('rongan-2023.gbk.html', 'html', 'GB18030'),
                ('rongan-2023.literal.docx', 'docx', 'UTF-8'),
                ('rongan-2023.numbered.docx', 'docx', 'UTF-8'),
                ('rongan-2023.pdf', 'pdf', 'PDF')]:
            with self.subTest(name=name):
                document = self.extract(fixture(name))
                self.assertEqual(document['source']['format'], reader)
                self.assertEqual(document['source']['encoding'], encoding)
                self.assertEqual(document['document']['title'], plain['document']['title'])
                self.assertEqual(document['document']['year'], 2023)
                self.assertEqual([(s['level'], s['marker'], s['title'])
                                  for s in walk(document['sections'])], plain_sections)
                self.assertEqual([(i['label'], i['value'], i['unit'], i['kind'])
                                  for i in document['indicators']], plain_figures)
                # Lines differ (blank lines between paragraphs exist only in
                # the text file), relation names do not: they hold no line.
                def checks(doc):
                    return [(c['type'], c['relation'], c['status'])
                            for c in doc['checks']]
                self.assertEqual(checks(document), checks(plain))
                pages = [i['page'] for i in document['indicators']]
                if reader == 'pdf':
                    self.assertTrue(all(isinstance(p, int) and p >= 1 for p in pages))
                    self.assertEqual(pages, sorted(pages))
                else:
                    self.assertTrue(all(p is None for p in pages))

    def test_pdf_figures_know_their_page_across_a_page_break(self):
        document = self.extract(fixture('rongan-2023.pdf'))
        by_value = {(i['value'], i['unit']): i for i in document['indicators']}
        self.assertEqual(by_value[(23, '篇次')]['page'], 1)
        # Page 6 opens mid-paragraph with "1164 件": the paragraph began on
        # page 5, and the figure is on page 6.
        figure = by_value[(1164, '件')]
        self.assertEqual(figure['page'], 6)
        paragraph_start = run('text', '--pages', fixture('rongan-2023.pdf')).stdout.decode()
        line = paragraph_start.splitlines()[figure['line'] - 1]
        self.assertTrue(line.startswith('5\t'), line[:40])

    def test_pdf_drops_running_header_and_page_numbers(self):
        text = run('text', fixture('rongan-2023.pdf')).stdout.decode()
        self.assertNotIn('融安县人民政府\n', text)
        self.assertNotIn('- 3 -', text)
        with open(sample_path(), encoding='utf-8') as f:
            expected = [line for line in f.read().splitlines() if line.strip()]
        self.assertEqual(text.splitlines(), expected)

    def test_text_command_prints_what_line_numbers_count(self):
        result = run('text', '-n', fixture('rongan-2023.numbered.docx'))
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        lines = result.stdout.decode().splitlines()
        self.assertEqual(lines[2], '3\t一、总体工作情况')
        self.assertEqual(lines[3], '4\t（一）加强党的领导，完善法治政府建设推进机制')
        document = self.extract(fixture('rongan-2023.numbered.docx'))
        for indicator in document['indicators']:
            source_line = lines[indicator['line'] - 1].split('\t', 1)[1]
            self.assertIn(indicator['text'].split('…')[-1], source_line)

    # --- HTML ----------------------------------------------------------------

    def test_html_keeps_the_article_and_drops_the_page_around_it(self):
        text = run('text', fixture('rongan-2023.gbk.html')).stdout.decode()
        for boilerplate in ('首页', '当前位置', '访问量', '桂ICP备', '浏览次数', '相关链接'):
            self.assertNotIn(boilerplate, text)
        self.assertTrue(text.startswith('融安县2023年法治政府建设年度报告\n'))
        everything = run('text', '--no-boilerplate-strip',
                         fixture('rongan-2023.gbk.html')).stdout.decode()
        self.assertIn('首页', everything)
        self.assertIn('访问量', everything)
        self.assertIn('融安县2023年法治政府建设年度报告', everything)
        for line in everything.splitlines():  # scripts and styles never
            self.assertNotIn('function', line)

    def test_html_encoding_whitespace_and_entities(self):
        body = ('<p>　　一、总体情况</p>\n<p>&nbsp;&nbsp;全年办结&ldquo;放管服&rdquo;事项'
                '<b>43601</b>件，\n        办结率99.74%。</p><p>市长 殷勇</p>')
        cases = [
            ('declared gb2312, bytes GBK',
             ('<html><head><meta http-equiv="Content-Type" content="text/html; '
              'charset=gb2312"></head><body>' + body + '</body></html>').encode('gbk'),
             'GB18030'),
            ('mislabelled: declared gb2312 but UTF-8',
             ('<html><head><meta charset="gb2312"></head><body>' + body +
              '</body></html>').encode('utf-8'),
             'UTF-8'),
            ('undeclared GBK',
             ('<html><body>' + body + '</body></html>').encode('gbk'), 'GB18030'),
            # An encoding that writes ASCII otherwise cannot have declared
            # itself in an ASCII <meta>: ignored, as browsers do (issue 18).
            ('declared utf-16 on a UTF-8 page',
             ('<html><head><meta charset="utf-16"></head><body>' + body +
              '</body></html>').encode('utf-8'), 'UTF-8'),
            ('declared EBCDIC on a UTF-8 page',
             ('<html><head><meta charset="IBM037"></head><body>' + body +
              '</body></html>').encode('utf-8'), 'UTF-8'),
            ('BOM', b'\xef\xbb\xbf<!DOCTYPE html><html><body>' + body.encode() +
             b'</body></html>', 'UTF-8'),
        ]
        for name, data, encoding in cases:
            with self.subTest(name=name):
                path = self.write('page.html', data)
                document = self.extract(path)
                self.assertEqual(document['source']['format'], 'html')
                self.assertEqual(document['source']['encoding'], encoding)
                lines = run('text', path).stdout.decode().splitlines()
                self.assertEqual(lines, ['一、总体情况',
                                         '全年办结“放管服”事项43601件，办结率99.74%。',
                                         '市长 殷勇'])
                self.assertEqual([(i['label'], i['value'], i['unit'])
                                  for i in document['indicators']],
                                 [('办结“放管服”事项', 43601, '件'), ('办结率', 99.74, '%')])

    def test_html_fragment_named_html_and_layout_tables(self):
        fragment = self.write('fragment.html', '<div class="content"><p>一、总体情况</p>'
                              '<p>受理行政许可事项43601件。</p></div>')
        self.assertEqual(self.extract(fragment)['indicators'][0]['value'], 43601)
        # A table of tables lays out the page: its cells are paragraphs.
        layout = self.write('layout.html', '<html><body><table><tr><td><table><tr><td>菜单'
                            '</td></tr></table></td><td><p>一、总体情况</p><p>受理行政'
                            '许可事项43601件。</p></td></tr></table></body></html>')
        document = self.extract(layout)
        self.assertEqual([i['cell'] for i in document['indicators']], [None])
        self.assertEqual(document['sections'][0]['title'], '总体情况')

    def test_html_nested_too_deep_is_refused(self):
        path = self.write('deep.html', '<html><body>' + '<div>' * 300 + '一、总体情况' +
                          '</div>' * 300 + '</body></html>')
        self.assert_fails(path, 'nested deeper than 256 levels')
        head = ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                'wordprocessingml/2006/main"><w:body>')
        deep = self.docx('deep.docx', head + '<w:sdt>' * 300 + '</w:sdt>' * 300 +
                         '</w:body></w:document>')
        self.assert_fails(deep, 'nests elements deeper than 256 levels')

    # --- tables ----------------------------------------------------------------

    # The template's wording for the fixture's headers (an oracle written by
    # hand, apart from data/templates/): row header → (canonical row, label).
    ROWS = [('规章', 'active.rules', '规章'),
            ('行政规范性文件', 'active.normative_documents', '行政规范性文件'),
            ('行政许可', 'active.licensing', '行政许可'),
            ('行政处罚', 'active.penalties', '行政处罚'),
            ('行政强制', 'active.enforcement', '行政强制'),
            ('行政事业性收费', 'active.fees', '行政事业性收费'),
            ('一、本年新收', 'requests.new', '一、本年新收政府信息公开申请数量'),
            ('二、上年结转', 'requests.carried_over', '二、上年结转政府信息公开申请数量'),
            ('（一）予以公开', 'requests.result.disclosed', '三、本年度办理结果/（一）予以公开'),
            ('（二）部分公开', 'requests.result.partly_disclosed', '三、本年度办理结果/（二）部分公开'),
            ('国家秘密', 'requests.result.withheld.state_secret',
             '三、本年度办理结果/（三）不予公开/1.属于国家秘密'),
            ('禁止公开', 'requests.result.withheld.prohibited_by_law',
             '三、本年度办理结果/（三）不予公开/2.其他法律行政法规禁止公开'),
            ('不掌握', 'requests.result.unavailable.not_held',
             '三、本年度办理结果/（四）无法提供/1.本机关不掌握相关政府信息'),
            ('另行制作', 'requests.result.unavailable.needs_creation',
             '三、本年度办理结果/（四）无法提供/2.没有现成信息需要另行制作'),
            ('（五）不予处理', 'requests.result.not_processed', '三、本年度办理结果/（五）不予处理'),
            ('（六）其他处理', 'requests.result.other', '三、本年度办理结果/（六）其他处理'),
            ('（七）总计', 'requests.result.total', '三、本年度办理结果/（七）总计'),
            ('四、结转', 'requests.carried_forward', '四、结转下年度继续办理'),
            ('复议后起诉', 'litigation.after_review', '行政诉讼/复议后起诉'),
            ('未经复议', 'litigation.direct', '行政诉讼/未经复议直接起诉'),
            ('行政复议', 'review', '行政复议')]
    COLUMNS = [('本年制发', 'issued', '本年制发件数'), ('本年废止', 'repealed', '本年废止件数'),
               ('现行有效', 'in_force', '现行有效件数'),
               ('处理决定数量', 'decisions', '本年处理决定数量'),
               ('收费金额', 'amount', '本年收费金额'), ('自然人', 'natural_person', '自然人'),
               ('商业企业', 'business', '法人或其他组织/商业企业'),
               ('科研机构', 'research', '法人或其他组织/科研机构'),
               ('社会公益', 'public_interest', '法人或其他组织/社会公益组织'),
               ('法律服务', 'legal_service', '法人或其他组织/法律服务机构'),
               ('其他结果', 'other', '其他结果'),
               ('/其他', 'other_organization', '法人或其他组织/其他'),
               ('结果维持', 'upheld', '结果维持'), ('结果纠正', 'corrected', '结果纠正'),
               ('尚未审结', 'pending', '尚未审结'),
               ('总计', 'total', '总计'), ('合计', 'total', '总计')]

    def expected_cells(self):
        """(table, canonical id, label, value) of every cell the fixture's
        generator wrote, named as the national template names them."""
        with open(fixture('open-gov-tables.expected.tsv'), encoding='utf-8') as f:
            rows = list(csv.DictReader(f, delimiter='\t'))
        cells = []
        for r in rows:
            header = r['row_header'] + '/' + r['column_header']
            row = next(x for x in self.ROWS if x[0] in header)
            column = next(x for x in self.COLUMNS if x[0] in '/' + r['column_header'])
            cells.append((int(r['table']), 'xxgk.' + row[1] + '.' + column[1],
                          row[2] + '/' + column[2], Decimal(r['value'])))
        return sorted(cells)

    def test_table_cells_are_named_by_the_open_government_template(self):
        expected = self.expected_cells()
        self.assertEqual(len(expected), 108)
        for name in ('open-gov-tables.html', 'open-gov-tables.docx'):
            with self.subTest(name=name):
                document = self.extract(fixture(name))
                cells = [i for i in document['indicators'] if i['cell']]
                self.assertTrue(all(i['rule'] == 'table' for i in cells))
                got = sorted((i['cell']['table'], i['canonical'], i['label'],
                              Decimal(str(i['value'])) if i['unit'] != '元'
                              else Decimal(str(i['value'])) / 10000) for i in cells)
                self.assertEqual(got, expected)
                fee = [i for i in cells if i['unit'] == '元']
                self.assertEqual([(i['value'], i['kind']) for i in fee], [(865000, 'amount')])
                self.assertEqual({i['unit'] for i in cells}, {'件', '元'})
                # Row headers such as （一）予以公开 are not headings.
                titles = [s['title'] for s in walk(document['sections'])]
                self.assertEqual(len(titles), 5, titles)
                prose = [i for i in document['indicators'] if not i['cell']]
                self.assertEqual(prose[0]['label'], '主动公开政府信息')

    # The same report in every container and text layout
    # (tests/fixtures/formats/README.md): a table cell's figure comes out the
    # same whichever one a user downloaded.
    LAYOUTS = ('open-gov-tables.html', 'open-gov-tables.pdf', 'open-gov-tables.tabs.txt',
               'open-gov-tables.md.txt', 'open-gov-tables.layout.txt')

    def template_cells(self, name):
        document = self.extract(fixture(name))
        return document, sorted((i['canonical'], Decimal(str(i['value'])), i['unit'], i['label'])
                                for i in document['indicators']
                                if (i['canonical'] or '').startswith('xxgk.'))

    def test_every_container_gives_the_same_template_cells(self):
        _, expected = self.template_cells('open-gov-tables.docx')
        self.assertEqual(len(expected), 108)
        for name in self.LAYOUTS:
            with self.subTest(name=name):
                document, got = self.template_cells(name)
                self.assertEqual(got, expected)
                cells = [i for i in document['indicators'] if i['cell']]
                self.assertEqual(len(cells), 108)
                # Row labels (（一）予以公开, 四、结转下年度继续办理) are not headings.
                titles = [s['title'] for s in walk(document['sections'])]
                self.assertEqual(len(titles), 5, titles)

    def test_a_pdf_table_over_a_page_break_stays_one_table(self):
        document, _ = self.template_cells('open-gov-tables.pdf')
        requests = [i for i in document['indicators']
                    if (i['canonical'] or '').startswith('xxgk.requests.')]
        self.assertEqual({i['page'] for i in requests}, {1, 2})
        self.assertEqual(len({i['cell']['table'] for i in requests}), 1)

    def test_template_checks_pass_in_every_container(self):
        for name in ('open-gov-tables.docx',) + self.LAYOUTS:
            with self.subTest(name=name):
                result = run('check', '--format', 'json', fixture(name))
                self.assertEqual(result.returncode, 0, result.stdout)
                checks = json.loads(result.stdout)['files'][0]['checks']
                template = [c for c in checks if c['type'] == 'template']
                # 一 + 二 = （七） + 四 per column (6 of 7: 二 leaves 科研机构
                # empty), the results per column (7), the applicant columns
                # per row (11 of 12 rows, for the same cell), the three
                # 复议/诉讼 blocks.
                self.assertEqual(len(template), 6 + 7 + 11 + 3)
                self.assertTrue(all(c['status'] == 'pass' for c in template))

    def test_a_wrong_cell_in_a_text_table_is_one_mismatch_at_its_line(self):
        with open(fixture('open-gov-tables.tabs.txt'), encoding='utf-8') as f:
            text = f.read()
        row = '（一）予以公开\t10\t2\t0\t0\t1\t0\t13'
        self.assertIn(row, text)
        broken = self.write('broken.txt', text.replace(row, row.replace('\t10\t', '\t11\t')))
        result = run('check', '--format', 'json', broken)
        self.assertEqual(result.returncode, 1)
        checks = json.loads(result.stdout)['files'][0]['checks']
        mismatches = [c for c in checks if c['status'] == 'mismatch']
        self.assertEqual(len(mismatches), 1, mismatches)
        line = next(n for n, content in enumerate(text.split('\n'), 1) if row in content)
        self.assertEqual((mismatches[0]['type'], mismatches[0]['line'],
                          mismatches[0]['stated'], mismatches[0]['computed']),
                         ('template', line, 11, 10))

    def test_a_panel_of_template_cells_reads_alike_from_every_container(self):
        names = ('open-gov-tables.docx',) + self.LAYOUTS
        result = run('table', '--wide', '-q', '-j', '1', '--indicators',
                     'xxgk.requests.new.*,xxgk.review.*,xxgk.active.fees.amount',
                     *[fixture(n) for n in names])
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = list(csv.DictReader(io.StringIO(result.stdout.decode(), newline='')))
        self.assertEqual(len(rows), len(names))
        columns = [c for c in rows[0] if c.startswith('xxgk.')]
        self.assertEqual(len(columns), 7 + 5 + 1)
        for row in rows:
            self.assertEqual([row[c] for c in columns],
                             ['18', '4', '0', '1', '1', '1', '25', '3', '1', '0', '1', '5',
                              '865000'], row['file'])
        unknown = run('table', '--indicators', 'xxgk.nothing.*', fixture(names[0]))
        self.assertEqual(unknown.returncode, 2)
        self.assertIn("unknown canonical indicator 'xxgk.nothing.*'", unknown.stderr.decode())

    def test_diff_compares_template_cells_by_id(self):
        # One report in two containers: the same year, so --force.
        result = run('diff', '--force', '--format', 'csv', fixture('open-gov-tables.docx'),
                     fixture('open-gov-tables.layout.txt'))
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = list(csv.DictReader(io.StringIO(result.stdout.decode(), newline='')))
        cells = {r['key']: r for r in rows if r['key'].startswith('xxgk.')}
        self.assertEqual(len(cells), 108)
        self.assertEqual(cells['xxgk.requests.new.total']['name'],
                         '一、本年新收政府信息公开申请数量/总计')
        self.assertTrue(all(r['old'] == r['new'] for r in cells.values()))

    def test_a_table_report_inside_a_web_page(self):
        # An open-government report is mostly tables: the content block must
        # still win over a footer with more prose than the report has.
        with open(fixture('open-gov-tables.html'), encoding='utf-8') as f:
            page = f.read()
        body = page[page.index('<body>') + 6:page.index('</body>')]
        footer = '<div>' + ('<p>主办单位：某某县人民政府办公室　承办单位：某某县大数据发展中心'
                            '　地址：某某县人民路1号　邮编：545400　联系电话：0772-8123456'
                            '　网站标识码：4502240001　备案号：桂ICP备12345678号-1'
                            '　桂公网安备45022402000123号　访问量：987654次</p>'
                            '<p>本网站由某某县人民政府办公室主办，未经许可不得复制、转载或链接本网站'
                            '内容，建议使用1920×1080分辨率浏览本网站以获得最佳浏览效果。</p>') * 5 + '</div>'
        wrapped = ('<html><head><meta charset="utf-8"></head><body><div class="nav"><ul>' +
                   ''.join(f'<li><a href="/{n}">栏目{n}</a></li>' for n in range(30)) +
                   '</ul></div><div class="main"><div id="zoom">' + body +
                   '</div></div>' + footer + '</body></html>')
        document = self.extract(self.write('wrapped.html', wrapped))
        cells = [i for i in document['indicators'] if i['cell']]
        self.assertEqual(len(cells), 108)
        self.assertNotIn(987654, [i['value'] for i in document['indicators']])
        self.assertEqual(document['document']['title'],
                         '某某县人民政府2023年政府信息公开工作年度报告')

    def test_web_page_title_element_meta_and_padded_cells(self):
        # Layouts of real pages (pingtan.gov.cn, TRS): the title in
        # <div class="article_title">, sometimes a column name above an article
        # with its own title; <meta name="ArticleTitle">; NBSP-padded headers.
        article = ('<p>2022年，我局坚持以习近平新时代中国特色社会主义思想为指导，全面推进'
                   '各项工作，取得明显成效。</p><p>一、主要成效</p>'
                   '<table><tr><td>信息内容</td><td>社会公益&nbsp; &nbsp; 组织</td></tr>'
                   '<tr><td>本年新收</td><td>3</td></tr></table>')
        nav = '<div class="breadcrumb"><a href="/">首页</a><a href="/x">政务公开</a></div>'
        def page(head, title, first=''):
            return ('<html><head><meta charset="utf-8">' + head + '</head><body>' + nav +
                    title + '<div class="article_content">' + first + article +
                    '</div></body></html>')
        cases = [
            ('summary.html',
             page('', '<div class="article_title">某区文体局2022年工作总结暨2023年工作思路</div>'),
             '某区文体局2022年工作总结暨2023年工作思路', '某区文体局', 2022, '工作总结'),
            ('meta.html',
             page('<meta name="ArticleTitle" content="某区审批局2023年工作要点"/>', ''),
             '某区审批局2023年工作要点', '某区审批局', 2023, '工作计划'),
            ('column.html',
             page('', '<div class="article_title">政府工作报告（2024）</div>',
                  '<p style="text-align:center"><b>某区管委会工作报告</b></p>'
                  '<p>—2024年1月18日在某区人民代表大会第三次会议上</p>'),
             '某区管委会工作报告', '某区管委会', 2023, '政府工作报告'),
        ]
        for name, html, title, issuer, year, kind in cases:
            with self.subTest(name):
                document = self.extract(self.write(name, html))
                info = document['document']
                self.assertEqual((info['title'], info['issuer'], info['year'], info['kind']),
                                 (title, issuer, year, kind))
                self.assertEqual([s['title'] for s in walk(document['sections'])],
                                 ['主要成效'])
                labels = [i['label'] for i in document['indicators'] if i['cell']]
                self.assertEqual(labels, ['本年新收/社会公益组织'])

    # --- the readers are modules ------------------------------------------------

    def test_the_executable_starts_without_the_readers_libraries(self):
        # ICU, libxml2, libzip (and its libcrypto) and poppler load only when an input needs them
        # (src/decode/formats_module.h): a UTF-8 report must not pay for them
        # at every start.
        listed = subprocess.run(['ldd', Paths.binary], capture_output=True, text=True)
        self.assertEqual(listed.returncode, 0, listed.stderr)
        for library in ('libicu', 'libxml2', 'libzip', 'libpoppler', 'libcrypto'):
            self.assertNotIn(library, listed.stdout)
        # …and the modules give them when a report needs them.
        for name, encoding in (('rongan-2023.gbk.html', 'GB18030'),
                               ('rongan-2023.numbered.docx', 'UTF-8')):
            self.assertEqual(self.extract(fixture(name))['source']['encoding'], encoding)
        gbk = self.write('gbk.txt', '融安县法治政府建设'.encode('gb18030'))
        self.assertEqual(self.extract(gbk)['source']['encoding'], 'GB18030')

    # --- damaged, hostile and mislabelled containers ---------------------------

    def test_damaged_containers_fail_cleanly(self):
        cases = [
            ('truncated.docx', 'a damaged DOCX (ZIP) file'),
            ('truncated.pdf', 'a damaged PDF file'),
            ('encrypted.pdf', 'an encrypted PDF'),
            ('broken.docx', 'a ZIP file without word/document.xml'),
            ('not-a-docx.docx', 'named .docx but holds plain text (a failed download?)'),
        ]
        for name, message in cases:
            with self.subTest(name=name):
                self.assert_fails(fixture(name), message)
        # A scan is read by OCR unless told not to (tests/cli/test_ocr.py).
        self.assert_fails(fixture('scanned.pdf'),
                          'page 1: no text layer (a scan?); use --ocr auto to read it by OCR',
                          '--ocr', 'never')

    def test_content_decides_the_reader_not_the_name(self):
        document = self.extract(fixture('docx-named.pdf'))
        self.assertEqual(document['source']['format'], 'docx')
        text = self.write('report.pdf', '<!DOCTYPE html><html><body><h1>404 Not Found'
                          '</h1></body></html>')
        self.assert_fails(text, 'named .pdf but holds an HTML page')
        self.assertEqual(self.extract(text, '--format-in', 'html')['source']['format'], 'html')
        self.assert_fails(sample_path(), 'not a PDF file', '--format-in', 'pdf')
        self.assert_fails(sample_path(), 'not a DOCX file', '--format-in', 'docx')
        forced = self.extract(fixture('rongan-2023.gbk.html'), '--format-in', 'text')
        self.assertEqual(forced['source']['format'], 'text')

    def docx(self, name, document_xml, extra=()):
        path = os.path.join(self.tmp, name)
        with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as archive:
            archive.writestr('[Content_Types].xml', '<Types/>')
            archive.writestr('word/document.xml', document_xml)
            for entry, data in extra:
                archive.writestr(entry, data)
        return path

    def test_zip_bomb_and_entry_limits(self):
        head = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
                'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
        bomb = self.docx('bomb.docx', head + ' ' * (70 * 1024 * 1024) + '</w:t></w:r></w:p>'
                         '</w:body></w:document>')
        self.assertLess(os.path.getsize(bomb), 200_000)
        self.assert_fails(bomb, 'inflates past the limit of 67108864 bytes (a zip bomb?')
        small = self.docx('small.docx', head + '受理行政许可事项43601件。' + ' ' * 2_000_000 +
                          '</w:t></w:r></w:p></w:body></w:document>')
        self.assertEqual(self.extract(small)['indicators'][0]['value'], 43601)
        self.assert_fails(small, 'inflates past the limit of 1000000 bytes',
                          '--max-unzipped-bytes', '1000000')
        many = self.docx('many.docx', head + '一</w:t></w:r></w:p></w:body></w:document>',
                         [(f'word/media/{n}.bin', b'x') for n in range(20)])
        self.assert_fails(many, 'DOCX holds 22 entries, over the limit of 10',
                          '--max-zip-entries', '10')

    def test_xml_entities_are_never_expanded(self):
        laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈">'
                  '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
                  '<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                  '2006/main"><w:body><w:p><w:r><w:t>&c;&x;</w:t></w:r></w:p></w:body>'
                  '</w:document>')
        self.assert_fails(self.docx('laughs.docx', laughs), 'declares a DTD: refused')
        # In UTF-16 the bytes "<!DOCTYPE" do not appear; the parsed part
        # is checked too.
        utf16 = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document '
                 '[<!ENTITY a "受理行政许可事项43601件">]><w:document xmlns:w="http://'
                 'schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
                 '<w:t>&a;</w:t></w:r></w:p></w:body></w:document>')
        self.assert_fails(self.docx('dtd16.docx', utf16.encode('utf-16')),
                          'declares a DTD: refused')

    def test_pdf_page_and_line_limits(self):
        self.assert_fails(fixture('rongan-2023.pdf'), 'PDF has 9 pages, over the limit of 2',
                          '--max-pages', '2')
        self.assert_fails(sample_path(), 'bytes long, over the limit of 100',
                          '--max-line-bytes', '100')
        self.assert_fails(fixture('rongan-2023.numbered.docx'),
                          'bytes long, over the limit of 100', '--max-line-bytes', '100')

    def test_a_bad_container_in_a_batch_loses_nothing_else(self):
        inputs = [fixture('rongan-2023.pdf'), fixture('truncated.docx'),
                  fixture('open-gov-tables.docx')]
        result = run('extract', '-q', '--format', 'jsonl', *inputs)
        self.assertEqual(result.returncode, 2)
        records = [json.loads(line) for line in result.stdout.decode().splitlines()]
        self.assertEqual([r['source']['path'] for r in records], inputs)
        self.assertIn('damaged DOCX', records[1]['error'])
        self.assertEqual(len(records[0]['indicators']), 90)
        self.assertEqual(len([i for i in records[2]['indicators'] if i['cell']]), 108)
        self.assertEqual(len(result.stderr.decode().splitlines()), 1)

    def test_csv_has_page_and_cell_columns(self):
        result = run('extract', '--format', 'csv', fixture('open-gov-tables.html'))
        rows = list(csv.DictReader(io.StringIO(result.stdout.decode(), newline='')))
        cell = next(r for r in rows if r['label'] == '规章/本年制发件数')
        self.assertEqual((cell['table'], cell['row'], cell['column'], cell['page']),
                         ('1', '2', '1', ''))
        pdf = run('extract', '--format', 'csv', fixture('rongan-2023.pdf'))
        rows = list(csv.DictReader(io.StringIO(pdf.stdout.decode(), newline='')))
        self.assertEqual(rows[0]['page'], '1')
        self.assertEqual(rows[0]['table'], '')


if __name__ == '__main__':
    main()
