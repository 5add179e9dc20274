#!/usr/bin/env python3
"""DOCX numbering cannot multiply a small file into gigabytes (issue 18 §3).

An 11 KB DOCX whose list level has a 1 MB lvlText, numbered on 2,000
paragraphs, took 6 GB; a lowerLetter list starting at 999999 renders
38,462 letters per paragraph. Both are generated here and read by `text`
under a 1 GiB address-space limit: the markers are dropped, the paragraphs'
own words are kept, and the process does not run out of memory.

  test_docx_numbering.py --binary build/dev/lawreport
"""
import argparse
import io
import resource
import subprocess
import sys
import tempfile
import os
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""


def numbering(fmt, start, text):
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}">'
            f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
            f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
            f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            f'</w:numbering>')


def document(paragraphs):
    body = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
        f'</w:numPr></w:pPr><w:r><w:t>段落{i}</w:t></w:r></w:p>'
        for i in range(paragraphs))
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}">'
            f'<w:body><w:p><w:r><w:t>关于2023年法治政府建设情况的报告</w:t></w:r>'
            f'</w:p>{body}</w:body></w:document>')


def docx(path, numbering_xml, paragraphs):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("[Content_Types].xml", CONTENT_TYPES)
        out.writestr("word/document.xml", document(paragraphs))
        out.writestr("word/numbering.xml", numbering_xml)


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()
    failures = []
    cases = {
        "long_lvl_text": (numbering("decimal", 1, "%1" + "长" * 350000), 2000),
        "letters_from_999999": (numbering("lowerLetter", 999999, "%1."), 2000),
    }
    with tempfile.TemporaryDirectory() as folder:
        for name, (numbering_xml, paragraphs) in cases.items():
            path = os.path.join(folder, name + ".docx")
            docx(path, numbering_xml, paragraphs)
            result = subprocess.run([args.binary, "text", path], capture_output=True,
                                    preexec_fn=limit_memory, timeout=120)
            out = result.stdout.decode("utf-8", errors="replace")
            lines = out.splitlines()
            if result.returncode != 0:
                failures.append(f"{name}: exit {result.returncode}: "
                                f"{result.stderr.decode(errors='replace')[:200]}")
            elif "段落1999" not in out or max(len(line) for line in lines) > 300:
                failures.append(f"{name}: {len(out)} characters of text, "
                                f"longest line {max(len(l) for l in lines)}")
            else:
                print(f"{name}: {os.path.getsize(path)} bytes → {len(out)} characters")
    for failure in failures:
        print("FAIL", failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
