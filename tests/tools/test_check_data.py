#!/usr/bin/python3
"""cmake/check_data.py: every data file passes its schema, and each kind of
mistake in a copy of one fails with the file, the line and the problem."""

import argparse
import pathlib
import shutil
import subprocess
import sys
import tempfile


def run(checker, schemas, files):
    completed = subprocess.run(
        [sys.executable, str(checker), "--schemas", str(schemas)] + [str(f) for f in files],
        capture_output=True,
        text=True,
        check=False,
    )
    return completed.returncode, completed.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    root = pathlib.Path(parser.parse_args().root)
    checker = root / "cmake" / "check_data.py"
    data = root / "data"
    tables = sorted(data.glob("*/*.tsv"))
    failures = []

    def expect(condition, what):
        if not condition:
            failures.append(what)

    code, errors = run(checker, data / "schemas.tsv", tables)
    expect(code == 0 and errors == "", f"the data as committed: exit {code}\n{errors}")
    expect(len(tables) >= 20, f"only {len(tables)} data files found")

    with tempfile.TemporaryDirectory() as scratch:
        copy = pathlib.Path(scratch) / "data"
        shutil.copytree(data, copy)
        units = copy / "lexicon" / "units.tsv"
        original = units.read_text(encoding="utf-8")
        lines = original.split("\n")
        header = next(i for i, line in enumerate(lines) if line and not line.startswith("#"))
        first = header + 1  # the first data row, 0-based
        cases = [
            # (what, edit of the lines, expected line number, expected problem)
            ("an unknown kind", lambda l: l.__setitem__(first, "个百分点\t\tchang"),
             first + 1, 'kind must be one of count, amount, measure, duration, percent, change, none, not "chang"'),
            ("a missing required field", lambda l: l.__setitem__(first, "个百分点\t\t"),
             first + 1, "kind is required"),
            ("a field too many", lambda l: l.__setitem__(first, "个百分点\t\tchange\t\textra"),
             first + 1, "5 fields, the header names 4"),
            ("a typo in the header", lambda l: l.__setitem__(header, "unit\tbase\tknid\tnot_before"),
             header + 1, "header lists unit, base, knid, not_before; data/schemas.tsv declares unit, base, kind, not_before"),
        ]
        for what, edit, line, problem in cases:
            edited = list(lines)
            edit(edited)
            units.write_text("\n".join(edited), encoding="utf-8")
            code, errors = run(checker, copy / "schemas.tsv", [units])
            wanted = f"{units}:{line}: {problem}"
            expect(code == 1 and wanted in errors, f"{what}: exit {code}, want '{wanted}' in\n{errors}")
        units.write_text(original, encoding="utf-8")

        # A file the schema does not declare.
        stray = copy / "lexicon" / "stray.tsv"
        stray.write_text("word\n约\n", encoding="utf-8")
        code, errors = run(checker, copy / "schemas.tsv", [stray])
        expect(code == 1 and f"{stray}:1: no schema" in errors, f"undeclared file: {errors}")

        # An integer column and a year column.
        scale = copy / "lexicon" / "scale_words.tsv"
        scale.write_text("word\tpower\tafter\n万\tfour\tdigits\n", encoding="utf-8")
        code, errors = run(checker, copy / "schemas.tsv", [scale])
        expect(f'{scale}:2: power must be a number, not "four"' in errors, f"integer: {errors}")
        cues = copy / "lexicon" / "time_cues.tsv"
        cues.write_text(
            "type\tcue\tfrom\tto\tstrength\tnot_after\tnot_before\tscope\nperiod\t今年\tX+1\tN\n",
            encoding="utf-8",
        )
        code, errors = run(checker, copy / "schemas.tsv", [cues])
        expect(f'{cues}:2: from must be a year (2021, N, R-4, -), not "X+1"' in errors, f"year: {errors}")

        # Not UTF-8 (a GBK file saved by mistake).
        kinds = copy / "lexicon" / "report_kinds.tsv"
        kinds.write_bytes("kind\tkeyword\n".encode() + "工作总结\t总结\n".encode("gbk"))
        code, errors = run(checker, copy / "schemas.tsv", [kinds])
        expect(code == 1 and f"{kinds}:2: not UTF-8" in errors, f"encoding: {errors}")

        # A schema row with an unknown type.
        schemas = copy / "schemas.tsv"
        schemas.write_text(
            schemas.read_text(encoding="utf-8").replace("\tinteger\t", "\tnumber\t", 1),
            encoding="utf-8",
        )
        code, errors = run(checker, schemas, [])
        expect(code == 1 and 'unknown type "number"' in errors, f"schema type: {errors}")

    for failure in failures:
        print("FAIL:", failure)
    print(f"test_check_data: {'FAILED' if failures else 'passed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
