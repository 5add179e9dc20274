#!/usr/bin/env python3
"""Texts without a break longer than libxml2's text node limit, and DOCX
text that outgrows its archive (issue 18 §3), end to end through the CLI
(which reads HTML and DOCX in a worker process).

libxml2 keeps at most 10,000,000 bytes in one text node unless told
otherwise: past it, an HTML page lost that paragraph's tail and every
section after it (exit 0), and a DOCX paragraph failed as "not well-formed
XML". Such a text is read whole up to --max-line-bytes and refused naming
that limit above it. The text a DOCX renders (paragraphs and the numbering
markers Word shows before them) counts against --max-unzipped-bytes with
the XML it came from, so a small file cannot expand into a large text.
The files are generated here.

Run by CTest:  python3 tests/cli/test_huge_text.py --binary build/dev/lawreport --root .
"""
import os
import zipfile

from cli_support import ScratchTest, main, run

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
# 3 bytes in UTF-8: a paragraph of N of them is 3N bytes without a break.
CHARACTER = '法'


class HugeTextTest(ScratchTest):
    def docx(self, name, document_body, numbering=None):
        path = os.path.join(self.tmp, name)
        with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as archive:
            archive.writestr('[Content_Types].xml', '<Types/>')
            archive.writestr('word/document.xml',
                             f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}">'
                             f'<w:body>{document_body}</w:body></w:document>')
            if numbering is not None:
                archive.writestr('word/numbering.xml', numbering)
        return path

    def text_lines(self, path, *extra):
        result = run('text', *extra, path)
        self.assertEqual(result.returncode, 0, result.stderr.decode()[:300])
        return result.stdout.decode().splitlines()

    def test_an_html_text_node_over_10_mb_is_read_whole(self):
        characters = 3_700_000  # 11,100,000 bytes in one text node
        path = self.write('long.html', '<html><body><div class="content"><p>一、总体情况</p><p>'
                          + CHARACTER * characters + '</p><h2>二、主要成效</h2>'
                          '<p>受理行政许可事项43601件。</p></div></body></html>')
        lines = self.text_lines(path)
        self.assertEqual([len(line) for line in lines], [6, characters, 6, 15])
        self.assertEqual(lines[2:], ['二、主要成效', '受理行政许可事项43601件。'])
        # Above --max-line-bytes it is refused, naming the limit.
        self.assert_one_error(run('text', '--max-line-bytes', '10000000', path), path,
                              f'paragraph 2 is {3 * characters} bytes long, over the limit of '
                              '10000000 (raise it with --max-line-bytes)')

    def test_a_docx_paragraph_over_the_line_limit_is_refused_naming_it(self):
        characters = 5_600_000  # 16,800,000 bytes: over the default 16 MiB
        path = self.docx('long.docx', '<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>'
                         f'<w:p><w:r><w:t>{CHARACTER * characters}</w:t></w:r></w:p>'
                         '<w:p><w:r><w:t>二、主要成效</w:t></w:r></w:p>')
        self.assert_one_error(run('text', path), path,
                              f'paragraph 2 is {3 * characters} bytes long, over the limit of '
                              '16777216 (raise it with --max-line-bytes)')
        lines = self.text_lines(path, '--max-line-bytes', '20000000')
        self.assertEqual([len(line) for line in lines], [6, characters, 6])
        self.assertEqual(lines[2], '二、主要成效')

    def test_docx_numbering_markers_count_against_the_unzipped_limit(self):
        # 20,000 paragraphs of 65 bytes of XML, each shown with a 200-byte
        # marker: 1.3 MB of XML in a 5 KB file render 4 MB of text.
        marker = '第%1' + '长' * 65
        numbering = (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}">'
                     '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                     f'<w:numFmt w:val="decimal"/><w:lvlText w:val="{marker}"/></w:lvl>'
                     '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                     '</w:numbering>')
        paragraph = '<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:p>'
        path = self.docx('markers.docx', '<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>'
                         + paragraph * 20000, numbering)
        self.assertLess(os.path.getsize(path), 10_000)
        lines = self.text_lines(path)
        self.assertEqual(len(lines), 20001)
        self.assertTrue(lines[-1].startswith('第20000长'), lines[-1][:20])
        self.assert_one_error(run('text', '--max-unzipped-bytes', '3000000', path), path,
                              'over the limit of 3000000 bytes (raise it with '
                              '--max-unzipped-bytes)')


if __name__ == '__main__':
    main()
