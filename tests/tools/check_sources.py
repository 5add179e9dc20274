#!/usr/bin/python3
"""Chinese vocabulary lives in data/, and the README names every public header.

1. No C++ string or character literal in src/ holds a Han character (CJK
   ideographs; punctuation such as ，。《》 is syntax, not vocabulary), except
   in the files listed in ALLOWED below, each with the reason it is there.
   Comments are not literals: a Chinese example in a comment is welcome.
   A new word belongs in a data/lexicon/*.tsv file (declared in
   data/schemas.tsv), where it is checked at build time and read by name.
2. Every header in include/lawreport/ is named in README.md.

Prints file:line for each literal found outside the allow-list, and each
allow-listed file that no longer needs its place (so the list only shrinks).
"""

import argparse
import pathlib
import re
import sys

# file under src/ → why its Chinese literals stay. Keep it short. No report
# vocabulary is left in code (issue 17 §1): the label trimmers, the figure
# rules, the number scanner's steps, the label finder, the checks' cues, the
# time cues, the outline's title-block rules, the template's table words
# and the readers' footer and page-number words all read data/ files.
ALLOWED = {
    # The numeral system is code, not vocabulary: digits and units.
    "src/util/chinese_number.cc": "numeral digits, units and financial forms",
    "src/util/chinese_number.h": "numeral digits",
    "src/util/chinese_numeral.cc": "numeral digits and units",
    "src/util/year.h": "numeral digits",
    "src/decode/text_tables.cc": "numeral digits of table row numbers",
    "src/decode/pdf_reader.cc": "numeral digits of heading markers (一、, （三）) and of those OCR loses",
    "src/decode/docx_numbering.cc": "Word's numbering formats (chineseCounting, ideographTraditional)",
    # Text for people, with Chinese examples.
    "src/write/check_writer.cc": "SARIF rule descriptions",
    "src/write/view_writer.cc": "the page's skip link, for people",
    "src/write/panel_html_writer.cc": "numeral units 万, 亿 on chart axes",
    # How other programs read text, not report vocabulary.
    "src/write/excel_csv.cc": "date words a spreadsheet parses (年月日时分秒)",
    "src/decode/ocr_reader.cc": "table rules Tesseract reads as ｜ or 丨",
}

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A raw string R"delim( … )delim", a string "…", or a character '…', with an
# optional encoding prefix; comments are matched so they can be skipped.
TOKEN = re.compile(
    r"""(?P<comment>//[^\n]*|/\*.*?\*/)"""
    r"""|(?:u8|u|U|L)?R"(?P<delim>[^(\s]*)\((?P<raw>.*?)\)(?P=delim)\""""
    r"""|(?:u8|u|U|L)?"(?P<string>(?:\\.|[^"\\\n])*)\""""
    r"""|(?:u8|u|U|L)?'(?P<char>(?:\\.|[^'\\\n])+)'""",
    re.DOTALL,
)


def chinese_literals(text):
    """Line numbers of literals holding a Han character."""
    lines = []
    for match in TOKEN.finditer(text):
        if match.group("comment") is not None:
            continue
        body = match.group("raw") or match.group("string") or match.group("char") or ""
        if HAN.search(body):
            lines.append(text.count("\n", 0, match.start()) + 1)
    return lines


def self_test():
    """The scanner finds literals and skips comments, or this test proves nothing."""
    sample = (
        '// 注释 "不算"\n'
        'int a = 1; /* 块注释 "也不算" */\n'
        'auto b = "其中";\n'
        'auto c = R"x((?:跨越|突破))x";\n'
        "auto d = U'年';\n"
        'auto e = "，。";\n'
        'auto f = "escaped \\" 占";\n'
    )
    found = chinese_literals(sample)
    assert found == [3, 4, 5, 7], found


def main():
    self_test()
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    root = pathlib.Path(parser.parse_args().root)
    problems = []
    found_in = set()
    for path in sorted((root / "src").rglob("*")):
        if path.suffix not in (".cc", ".h") or not path.is_file():
            continue
        name = path.relative_to(root).as_posix()
        lines = chinese_literals(path.read_text(encoding="utf-8"))
        if not lines:
            continue
        found_in.add(name)
        if name not in ALLOWED:
            for line in lines:
                problems.append(
                    f"{name}:{line}: a Chinese string literal; move the words to "
                    "data/lexicon/ (or, if they are no vocabulary, add the file "
                    "to ALLOWED in tests/tools/check_sources.py with the reason)"
                )
    for name in sorted(set(ALLOWED) - found_in):
        problems.append(f"{name}: allow-listed but holds no Chinese literal: remove it from ALLOWED")

    readme = (root / "README.md").read_text(encoding="utf-8")
    for header in sorted((root / "include" / "lawreport").glob("*.h")):
        if not re.search(r"\b" + re.escape(header.name) + r"\b", readme):
            problems.append(f"README.md: does not name the public header {header.name}")

    for problem in problems:
        print(problem)
    print(f"check_sources: {len(found_in)} files with Chinese literals, "
          f"{len(ALLOWED)} allowed, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
