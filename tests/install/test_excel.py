#!/usr/bin/env python3
"""excel_csv: `--excel` on every CSV writer, on real reports.

  test_excel.py --binary build/dev/lawreport --root .

For extract --format csv (one file and many), table (long and --wide) and
diff --format csv: the --excel output starts with a UTF-8 BOM, has the same
rows and columns as the plain CSV, and each of its fields is the plain field
itself or that field in the form that keeps it text (="…" or a leading
apostrophe), by the rules of docs/output-format.md; section ids are always
text, values that read back unchanged stay numbers. Plain CSV has no BOM.
--excel with a format that is not CSV is refused.
"""
import argparse
import csv
import io
import re
import subprocess
import sys

SAMPLE = "data/samples/rongan-2023.txt"
PDF = "tests/fixtures/formats/rongan-2023.pdf"
OPEN_GOV = "tests/fixtures/formats/open-gov-tables.docx"
BOM = b"\xef\xbb\xbf"
PLAIN_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?")

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message, file=sys.stderr)


def run(binary, root, *args, expect=0):
    result = subprocess.run([binary, *args], capture_output=True, cwd=root)
    check(result.returncode == expect,
          f"{' '.join(args)}: exit {result.returncode}: {result.stderr[:300]!r}")
    return result


def rows(data):
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def unprotect(field):
    """The plain text behind an --excel field, and which form it took."""
    match = re.fullmatch(r'="((?:[^"]|"")*)"', field, re.S)
    if match:
        return match.group(1).replace('""', '"'), "formula"
    if field.startswith("'"):
        return field[1:], "apostrophe"
    return field, "plain"


def compare(name, plain, excel, identifier_columns=("section", "key")):
    check(not plain.startswith(BOM), f"{name}: plain CSV starts with a BOM")
    check(excel.startswith(BOM), f"{name}: --excel has no UTF-8 BOM")
    plain_rows = rows(plain)
    excel_rows = rows(excel[len(BOM):])
    check(len(plain_rows) == len(excel_rows) and len(plain_rows) > 1,
          f"{name}: {len(plain_rows)} plain rows, {len(excel_rows)} --excel")
    header = plain_rows[0]
    check(excel_rows[0] == header, f"{name}: the header changed")
    forms = {"formula": 0, "apostrophe": 0, "plain": 0}
    for plain_row, excel_row in zip(plain_rows[1:], excel_rows[1:]):
        check(len(plain_row) == len(excel_row),
              f"{name}: a row has {len(excel_row)} fields, not "
              f"{len(plain_row)}")
        for column, plain_field, excel_field in zip(header, plain_row,
                                                    excel_row):
            text, form = unprotect(excel_field)
            forms[form] += 1
            check(text == plain_field,
                  f"{name}: {column} {excel_field!r} is not {plain_field!r}")
            if column in identifier_columns and \
                    re.fullmatch(r"[0-9]+(\.[0-9]+)*", plain_field):
                check(form == "formula",
                      f"{name}: {column} {plain_field!r} is not kept as text")
            elif PLAIN_NUMBER.fullmatch(plain_field) and \
                    len(plain_field.replace("-", "").replace(".", "")
                        .lstrip("0")) <= 15:
                check(form == "plain",
                      f"{name}: number {plain_field!r} in {column} became "
                      f"{excel_field!r}")
            if plain_field[:1] in ("=", "+", "-", "@", "\t", "\r") and \
                    not PLAIN_NUMBER.fullmatch(plain_field):
                check(form != "plain",
                      f"{name}: {plain_field!r} would run as a formula")
    return forms


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--root", required=True)
    args = parser.parse_args()
    b, root = args.binary, args.root

    cases = {
        "extract one file": ["extract", "--format", "csv", SAMPLE],
        "extract many files": ["extract", "--format", "csv", "-q", "-j", "2",
                               SAMPLE, PDF, OPEN_GOV],
        "table long": ["table", "-q", SAMPLE, PDF, OPEN_GOV],
        "table wide": ["table", "-q", "--wide", SAMPLE, OPEN_GOV],
        "diff csv": ["diff", "--format", "csv", "--force", SAMPLE, PDF],
    }
    totals = {"formula": 0, "apostrophe": 0, "plain": 0}
    for name, command in cases.items():
        plain = run(b, root, *command).stdout
        excel = run(b, root, *command, "--excel").stdout
        for form, count in compare(name, plain, excel).items():
            totals[form] += count
    # The sample's section ids ("1.1.1") and its many plain numbers show up.
    check(totals["formula"] > 50 and totals["plain"] > 500,
          f"forms seen: {totals}")

    for command in (["extract", SAMPLE], ["table", "--format", "jsonl", SAMPLE],
                    ["diff", SAMPLE, PDF, "--force"]):
        refused = run(b, root, *command, "--excel", expect=2)
        check(b"--excel writes CSV" in refused.stderr,
              f"{' '.join(command)} --excel: {refused.stderr!r}")

    if failures:
        print(f"excel_csv: {len(failures)} failures", file=sys.stderr)
        return 1
    print(f"excel_csv: passed ({totals})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
