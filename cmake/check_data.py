#!/usr/bin/python3
"""Checks the TSV files under data/ against their schemas (data/schemas.tsv).

Run by cmake/EmbedData.cmake before the files are compiled into the binary,
so a malformed vocabulary file fails the build with `file:line: problem`
instead of silently changing what lawreport finds:

  check_data.py --schemas data/schemas.tsv [--stamp FILE] data/lexicon/units.tsv ...

Each file is read the way src/lexicon/tsv.cc reads it: UTF-8, "#" starts a
comment line, blank lines are skipped, a trailing CR is dropped, the first
remaining line names the columns, fields are separated by tabs. The header
must list exactly the declared columns in the declared order; every row may
have at most that many fields; a required column is non-empty; enum, enums,
integer and year columns hold what schemas.tsv allows. Writes --stamp when
everything is well-formed (the build's proof that the check ran).
"""

import argparse
import os
import re
import sys

SCHEMA_COLUMNS = ["file", "column", "required", "type", "values"]
TYPES = {"text", "pattern", "integer", "year", "enum", "enums", "ref"}
# A year expression of time_cues.tsv (src/indicators/time_stance.cc ParseYear).
YEAR = re.compile(r"(-|[NR]([+-][0-9]+)?|[0-9]+)?")


class Problems:
    def __init__(self):
        self.count = 0

    def report(self, path, line, problem):
        print(f"{path}:{line}: {problem}", file=sys.stderr)
        self.count += 1


def read_rows(path, problems):
    """(line number, fields) of every non-comment, non-blank line; None when unreadable."""
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as error:
        problems.report(path, 0, f"cannot read: {error.strerror}")
        return None
    rows = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.report(path, number, f"not UTF-8 (byte {error.start + 1})")
            continue
        if not line or line.startswith("#"):
            continue
        rows.append((number, line.split("\t")))
    return rows


def read_schemas(path, problems):
    """{file under data/: [(column, required, type, values, line)]}."""
    rows = read_rows(path, problems)
    if rows is None:
        return {}
    if not rows or rows[0][1] != SCHEMA_COLUMNS:
        line = rows[0][0] if rows else 1
        problems.report(path, line, "header must be " + "\\t".join(SCHEMA_COLUMNS))
        return {}
    schemas = {}
    for number, fields in rows[1:]:
        if len(fields) > len(SCHEMA_COLUMNS):
            problems.report(path, number, f"{len(fields)} fields, at most {len(SCHEMA_COLUMNS)}")
            continue
        fields += [""] * (len(SCHEMA_COLUMNS) - len(fields))
        file, column, required, kind, values = fields
        if not file or not column:
            problems.report(path, number, "file and column are required")
            continue
        if required not in ("required", "optional"):
            problems.report(path, number, f'required must be required or optional, not "{required}"')
        if kind not in TYPES:
            problems.report(path, number, f'unknown type "{kind}" (one of {", ".join(sorted(TYPES))})')
        if (kind in ("enum", "enums", "ref")) != bool(values):
            problems.report(path, number, "values are given for enum, enums and ref columns, and only for them")
        declared = schemas.setdefault(file, [])
        if any(entry[0] == column for entry in declared):
            problems.report(path, number, f'column "{column}" of {file} declared twice')
        declared.append((column, required == "required", kind, values.split("|"), number))
    base = os.path.dirname(path)
    for file, declared in schemas.items():
        if not os.path.isfile(os.path.join(base, file)):
            problems.report(path, declared[0][4], f"{file}: no such file under {base or '.'}")
    # A ref column's allowed values are the referred column's fields.
    for file, declared in schemas.items():
        for index, (column, required, kind, values, number) in enumerate(declared):
            if kind != "ref":
                continue
            target, _, target_column = values[0].partition(":")
            target_columns = [entry[0] for entry in schemas.get(target, [])]
            if target_column not in target_columns:
                problems.report(path, number, f"{values[0]}: no such declared column")
                continue
            rows = read_rows(os.path.join(base, target), problems) or []
            at = target_columns.index(target_column)
            allowed = [f[at] for _, f in rows[1:] if at < len(f) and f[at]]
            declared[index] = (column, required, "enum", allowed, number)
    return schemas


def check_field(path, number, column, kind, values, field, problems):
    if kind == "integer" and not field.isdigit():
        problems.report(path, number, f'{column} must be a number, not "{field}"')
    elif kind == "year" and not YEAR.fullmatch(field):
        problems.report(path, number, f'{column} must be a year (2021, N, R-4, -), not "{field}"')
    elif kind == "enum" and field not in values:
        problems.report(path, number, f'{column} must be one of {", ".join(values)}, not "{field}"')
    elif kind == "enums":
        for word in field.split("|"):
            if word not in values:
                problems.report(path, number, f'{column}: "{word}" is not one of {", ".join(values)}')


def check_file(path, declared, problems):
    rows = read_rows(path, problems)
    if rows is None:
        return
    columns = [entry[0] for entry in declared]
    if not rows:
        problems.report(path, 1, "no header line")
        return
    header_line, header = rows[0]
    if header != columns:
        problems.report(
            path,
            header_line,
            f'header lists {", ".join(header)}; data/schemas.tsv declares {", ".join(columns)}',
        )
        return
    for number, fields in rows[1:]:
        if len(fields) > len(columns):
            problems.report(path, number, f"{len(fields)} fields, the header names {len(columns)}")
            continue
        for index, (column, required, kind, values, _) in enumerate(declared):
            field = fields[index] if index < len(fields) else ""
            if not field:
                if required:
                    problems.report(path, number, f'{column} is required')
                continue
            check_field(path, number, column, kind, values, field, problems)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schemas", required=True, help="data/schemas.tsv")
    parser.add_argument("--stamp", help="file written when every check passes")
    parser.add_argument("files", nargs="*", help="TSV files under the schemas' directory")
    arguments = parser.parse_args()
    problems = Problems()
    schemas = read_schemas(arguments.schemas, problems)
    base = os.path.dirname(os.path.abspath(arguments.schemas))
    for path in arguments.files:
        if os.path.abspath(path) == os.path.abspath(arguments.schemas):
            continue
        relative = os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")
        if relative not in schemas:
            problems.report(path, 1, f"no schema: declare its columns in {arguments.schemas}")
            continue
        check_file(path, schemas[relative], problems)
    if problems.count:
        print(f"check_data: {problems.count} problem(s) in data files", file=sys.stderr)
        return 1
    if arguments.stamp:
        with open(arguments.stamp, "w", encoding="utf-8") as stamp:
            stamp.write("checked\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
