#!/usr/bin/python3
"""Checks that a change to lawreport leaves its outputs byte-identical.

A refactoring (vocabulary moved to data, schemas, a renamed helper) must not
change one byte of what lawreport prints. This script makes that claim
checkable:

  run      runs one lawreport binary over every corpus report, the bundled
           sample and every container fixture (DOCX, HTML, PDF) with each
           subcommand a user sees - extract (json, csv), outline (tree,
           json), check (text, json), text (-n), table (long, wide) - and
           writes stdout, stderr and the exit code of each run to a directory;
  compare  diffs two such directories and lists every output that differs.

Typical use, the "before" binary built once from the base commit:

  tools/compare_outputs.py run --binary build/base/lawreport --out /tmp/before
  tools/compare_outputs.py run --binary build/dev/lawreport --out /tmp/after
  tools/compare_outputs.py compare /tmp/before /tmp/after

Reports as users download them (not in the repository) join with --extra:

  tools/compare_outputs.py run --binary … --out … \
      --extra ../shared/fresh --extra ../shared/fresh/html

A change that adds a JSON field on purpose compares everything else with
--ignore-field (repeatable): the field is stripped from both sides' JSON and
JSON Lines before the bytes are compared, so the new binary's outputs must
equal the old ones once it is gone:

  tools/compare_outputs.py compare --ignore-field label_rule /tmp/before /tmp/after

Paths in the outputs are relative to the repository root (runs use it as
their working directory), so two checkouts give comparable outputs. Exit
status: 0 when identical (compare) or all runs done (run), 1 on a
difference, 2 on bad usage.
"""

import argparse
import difflib
import os
import pathlib
import re
import subprocess
import sys

INPUT_SUFFIXES = (".txt", ".htm", ".html", ".docx", ".pdf")

# Each entry: (output name suffix, arguments before the file). One file per run.
PER_FILE_RUNS = [
    ("extract.json", ["extract", "--format", "json", "-q", "-j", "1"]),
    ("extract.csv", ["extract", "--format", "csv", "-q", "-j", "1"]),
    ("outline.tree", ["outline", "--format", "tree"]),
    ("outline.json", ["outline", "--format", "json"]),
    ("check.txt", ["check", "--format", "text", "-j", "1"]),
    ("check.json", ["check", "--format", "json", "-j", "1"]),
    ("text.txt", ["text", "-n"]),
]

# Runs over the whole corpus at once: the panel writers and batch outputs.
CORPUS_RUNS = [
    ("corpus.table.csv", ["table", "--format", "csv", "-q", "-j", "1"]),
    ("corpus.table.jsonl", ["table", "--format", "jsonl", "-q", "-j", "1"]),
    ("corpus.wide.csv", ["table", "--wide", "-q", "-j", "1"]),
    ("corpus.extract.jsonl", ["extract", "--format", "jsonl", "-q", "-j", "1"]),
    ("corpus.extract.csv", ["extract", "--format", "csv", "-q", "-j", "1"]),
    ("corpus.check.json", ["check", "--format", "json", "-j", "1"]),
]


def inputs(root, extra_folders=()):
    """The corpus reports, the sample, the container fixtures and the files of
    each extra folder, as paths relative to root (an extra folder outside the
    checkout, such as ../shared/fresh, is named as given)."""
    found = []
    for folder in ("tests/corpus/reports", "data/samples", "tests/fixtures/formats"):
        for path in sorted((root / folder).iterdir()):
            if path.is_file() and path.name.endswith(INPUT_SUFFIXES):
                found.append(path.relative_to(root).as_posix())
    for folder in extra_folders:
        for path in sorted((root / folder).iterdir()):
            if path.is_file() and path.name.endswith(INPUT_SUFFIXES):
                found.append(os.path.join(folder, path.name))
    return found


def record(out_dir, name, binary, args, root):
    completed = subprocess.run(
        [binary] + args, cwd=root, capture_output=True, timeout=600, check=False
    )
    (out_dir / (name + ".out")).write_bytes(completed.stdout)
    (out_dir / (name + ".err")).write_bytes(completed.stderr)
    (out_dir / (name + ".rc")).write_text(f"{completed.returncode}\n")


def run(arguments):
    root = pathlib.Path(arguments.root).resolve()
    binary = str(pathlib.Path(arguments.binary).resolve())
    out_dir = pathlib.Path(arguments.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = inputs(root, arguments.extra)
    for relative in files:
        stem = relative.replace("../", "up__").replace("/", "__")
        for suffix, args in PER_FILE_RUNS:
            record(out_dir, f"{stem}.{suffix}", binary, args + [relative], root)
    for name, args in CORPUS_RUNS:
        record(out_dir, name, binary, args + ["tests/corpus/reports"], root)
    count = len(files) * len(PER_FILE_RUNS) + len(CORPUS_RUNS)
    print(f"compare_outputs: {count} runs over {len(files)} inputs written to {out_dir}")
    return 0


def strip_fields(data, fields):
    """`data` without the string fields named: `"name": "…",` on a line of its
    own (pretty JSON) or inside a compact object (JSON Lines)."""
    for field in fields:
        name = re.escape(field.encode())
        value = rb'"(?:[^"\\\n]|\\.)*"'
        data = re.sub(rb'\n[ \t]*"' + name + rb'": ' + value + rb',', b"", data)
        data = re.sub(rb'"' + name + rb'": ?' + value + rb',', b"", data)
    return data


def compare(arguments):
    before = pathlib.Path(arguments.before)
    after = pathlib.Path(arguments.after)
    for folder in (before, after):
        if not folder.is_dir():
            print(f"compare_outputs: {folder}: not a directory", file=sys.stderr)
            return 2
    names_before = {p.name for p in before.iterdir()}
    names_after = {p.name for p in after.iterdir()}
    differing = 0
    for name in sorted(names_before ^ names_after):
        side = before if name in names_before else after
        print(f"only in {side}: {name}")
        differing += 1
    for name in sorted(names_before & names_after):
        old = strip_fields((before / name).read_bytes(), arguments.ignore_field)
        new = strip_fields((after / name).read_bytes(), arguments.ignore_field)
        if old == new:
            continue
        differing += 1
        print(f"differs: {name}")
        diff = difflib.unified_diff(
            old.decode("utf-8", "replace").splitlines(),
            new.decode("utf-8", "replace").splitlines(),
            str(before / name),
            str(after / name),
            lineterm="",
            n=1,
        )
        for index, line in enumerate(diff):
            if index >= arguments.context_lines:
                print("  ...")
                break
            print("  " + line)
    total = len(names_before | names_after)
    if differing:
        print(f"compare_outputs: {differing} of {total} outputs differ")
        return 1
    print(f"compare_outputs: all {total} outputs identical")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="write one binary's outputs to a directory")
    run_parser.add_argument("--binary", required=True, help="the lawreport executable")
    run_parser.add_argument("--out", required=True, help="directory for the outputs")
    run_parser.add_argument(
        "--root",
        default=str(pathlib.Path(__file__).resolve().parent.parent),
        help="repository root (default: this script's checkout)",
    )
    run_parser.add_argument(
        "--extra",
        action="append",
        default=[],
        help="another folder of reports, relative to the root (repeatable), "
        "for example ../shared/fresh and ../shared/fresh/html",
    )
    compare_parser = commands.add_parser("compare", help="diff two output directories")
    compare_parser.add_argument("before")
    compare_parser.add_argument("after")
    compare_parser.add_argument(
        "--ignore-field",
        action="append",
        default=[],
        help="a JSON string field to strip from both sides first (repeatable)",
    )
    compare_parser.add_argument(
        "--context-lines", type=int, default=20, help="diff lines shown per output"
    )
    arguments = parser.parse_args()
    return run(arguments) if arguments.command == "run" else compare(arguments)


if __name__ == "__main__":
    sys.exit(main())
