#!/usr/bin/python3
"""Every C++ file is formatted as .clang-format says (clang-format 14).

Runs `clang-format --dry-run --Werror` over src, app, include, tests, bench
and fuzz and fails naming each file that `clang-format -i` would change, so
an unformatted change fails CI instead of the next person's diff.
"""

import argparse
import pathlib
import subprocess
import sys

FOLDERS = ("src", "app", "include", "tests", "bench", "fuzz")
SUFFIXES = (".cc", ".h")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-format", required=True)
    parser.add_argument("--root", required=True)
    arguments = parser.parse_args()
    root = pathlib.Path(arguments.root)
    version = subprocess.run(
        [arguments.clang_format, "--version"], capture_output=True, text=True, check=False
    ).stdout
    if "version 14." not in version:
        print(f"check_format: want clang-format 14, found: {version.strip()}")
        return 1
    files = sorted(
        path.relative_to(root).as_posix()
        for folder in FOLDERS
        for path in (root / folder).rglob("*")
        if path.suffix in SUFFIXES and path.is_file()
    )
    unformatted = []
    # A few hundred files at a time keep the command line short.
    for start in range(0, len(files), 200):
        batch = files[start : start + 200]
        completed = subprocess.run(
            [arguments.clang_format, "--dry-run", "--Werror"] + batch,
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
        for line in completed.stderr.splitlines():
            if ": error: " in line:
                name = line.split(":", 1)[0]
                if name not in unformatted:
                    unformatted.append(name)
        if completed.returncode != 0 and not unformatted:
            print(completed.stderr)
            return 1
    for name in unformatted:
        print(f"{name}: not formatted; run clang-format -i {name}")
    print(f"check_format: {len(files)} files, {len(unformatted)} unformatted")
    return 1 if unformatted else 0


if __name__ == "__main__":
    sys.exit(main())
