#!/usr/bin/python3
"""Checks that no stage of the pipeline includes a later stage's header.

The stages, in pipeline order, are declared in CMakeLists.txt with
lawreport_stage() (cmake/Layers.cmake), which writes them to
build/layers/stages.tsv: the stage, its folder under src/ and the public
headers (include/lawreport/) it owns. This script reads that file and every
`#include "…"` of src/ and include/lawreport/, and reports each include of a
later stage's header:

  src/util/chinese_numeral.cc:5: util includes "numbers/chinese_number.h"
    of numbers, a later stage (util < … < numbers)

It also reports a folder of src/ that is no declared stage (its code would be
in no target's view), a public header no stage owns, a source directly in
src/, and a quoted include that names neither a stage nor a file beside the
including one.

The build enforces the same order (each stage compiles with a view of the
tree holding only itself and the stages before it); with --compiler and
--views this script also proves that: a probe that includes a later stage's
header under an earlier stage's view must fail to compile, and one that
includes an earlier stage's header must compile.

--self-test runs the checker on a small made-up tree with one violation and
one clean include, so the check itself cannot silently pass everything.

Exit status: 0 clean, 1 a violation or a failed probe, 2 bad usage.
"""

import argparse
import pathlib
import re
import subprocess
import sys
import tempfile

INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]+"([^"]+)"', re.MULTILINE)


def read_stages(path):
    """[(stage, folder, [headers])] in pipeline order."""
    stages = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#") or line.startswith("stage\t"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise SystemExit(f"{path}:{number}: expected stage, folder, headers")
        stage, folder, headers = fields
        stages.append((stage, folder, [h for h in headers.split(",") if h]))
    if not stages:
        raise SystemExit(f"{path}: declares no stage")
    return stages


def check_tree(root, stages):
    """The problems of the tree at root, one line each."""
    order = {stage: index for index, (stage, _, _) in enumerate(stages)}
    names = [stage for stage, _, _ in stages]
    by_folder = {folder.split("/", 1)[1]: stage for stage, folder, _ in stages}
    by_header = {}
    for stage, _, headers in stages:
        for header in headers:
            by_header[header] = stage

    problems = []
    src = root / "src"
    public = root / "include" / "lawreport"
    files = sorted(p for p in src.rglob("*") if p.suffix in (".cc", ".h"))
    files += sorted(public.glob("*.h"))

    def chain(low, high):
        return " < ".join(names[order[low] : order[high] + 1])

    for path in files:
        relative = path.relative_to(root).as_posix()
        if path.parent == public:
            stage = by_header.get(path.name)
            if stage is None:
                problems.append(
                    f"{relative}: a public header no stage owns: add it to "
                    "the HEADERS of its stage's lawreport_stage() in CMakeLists.txt"
                )
                continue
        else:
            parts = path.relative_to(src).parts
            if len(parts) < 2:
                problems.append(
                    f"{relative}: a source directly in src/ is in no stage: "
                    "move it into its stage's folder"
                )
                continue
            stage = by_folder.get(parts[0])
            if stage is None:
                problems.append(
                    f"{relative}: src/{parts[0]}/ is no stage: declare it with "
                    "lawreport_stage() in CMakeLists.txt, in pipeline order"
                )
                continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in INCLUDE.finditer(text):
            included = match.group(1)
            line = text.count("\n", 0, match.start()) + 1
            head, _, rest = included.partition("/")
            if head == "lawreport" and rest:
                target = by_header.get(rest)
            elif rest and head in by_folder:
                target = by_folder[head]
            elif (path.parent / included).exists():
                target = stage  # beside the including file
            else:
                problems.append(
                    f'{relative}:{line}: "{included}" names neither a stage '
                    "nor a file beside this one"
                )
                continue
            if target is None:
                problems.append(
                    f'{relative}:{line}: "{included}" is a public header no '
                    "stage owns"
                )
            elif order[target] > order[stage]:
                problems.append(
                    f'{relative}:{line}: {stage} includes "{included}" of '
                    f"{target}, a later stage ({chain(stage, target)})"
                )
    return problems


def compiles(compiler, view, source):
    """True when `source` compiles with only the stage view as include path."""
    run = subprocess.run(
        [compiler, "-std=c++20", "-fsyntax-only", "-x", "c++", "-I", str(view), "-"],
        input=source,
        capture_output=True,
        text=True,
    )
    return run.returncode == 0, run.stderr


def probe(compiler, views, stages):
    """Problems found by compiling includes under each stage's view."""
    names = [stage for stage, _, _ in stages]
    folders = {stage: folder for stage, folder, _ in stages}
    headers = {stage: h for stage, _, h in stages}
    problems = []

    def expect(stage, include, should_compile):
        ok, errors = compiles(compiler, views / stage, f'#include "{include}"\n')
        if ok != should_compile:
            what = "compiles" if ok else "does not compile"
            first = errors.strip().splitlines()[:3]
            problems.append(
                f'probe: under the view of {stage}, #include "{include}" {what}'
                + (": " + " | ".join(first) if first else "")
            )
        elif not ok and "No such file" not in errors:
            problems.append(
                f'probe: under the view of {stage}, #include "{include}" failed '
                f"for another reason than a missing file: {errors.strip()[:300]}"
            )

    # The first stage cannot see the last stage's public header, nor a later
    # stage's private one; a late stage sees an early one's.
    first, last = names[0], names[-1]
    expect(first, "lawreport/" + headers[last][0], False)
    expect(last, "lawreport/" + headers[first][0], True)
    for stage in ("outline", "numbers", "indicators"):
        if stage not in names:
            problems.append(f"probe: no stage {stage} declared")
            return problems
    # Private headers: numbers sees outline's, outline does not see indicators'.
    expect("numbers", "outline/markers.h", True)
    expect("outline", "indicators/table_figures.h", False)
    expect(first, folders["indicators"].split("/", 1)[1] + "/table_figures.h", False)
    return problems


def self_test():
    """The checker finds a planted violation and passes a clean include."""
    with tempfile.TemporaryDirectory() as directory:
        root = pathlib.Path(directory)
        for folder in ("src/low", "src/high", "include/lawreport"):
            (root / folder).mkdir(parents=True)
        (root / "include/lawreport/low.h").write_text("")
        (root / "include/lawreport/high.h").write_text('#include "lawreport/low.h"\n')
        (root / "src/low/a.h").write_text("")
        (root / "src/low/a.cc").write_text(
            '#include "low/a.h"\n#include "lawreport/low.h"\n\n#include "high/b.h"\n'
        )
        (root / "src/high/b.h").write_text('#include "low/a.h"\n')
        (root / "src/high/b.cc").write_text('#include "lawreport/high.h"\n#include "b.h"\n')
        stages = [("low", "src/low", ["low.h"]), ("high", "src/high", ["high.h"])]
        found = check_tree(root, stages)
        expected = [
            'src/low/a.cc:4: low includes "high/b.h" of high, a later stage (low < high)'
        ]
        if found != expected:
            return [f"self-test: expected {expected}, found {found}"]
        (root / "src/stray").mkdir()
        (root / "src/stray/c.cc").write_text("")
        found = check_tree(root, stages)
        if not any("src/stray/ is no stage" in p for p in found):
            return [f"self-test: an undeclared folder went unnoticed: {found}"]
    return []


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=pathlib.Path, required=True)
    parser.add_argument(
        "--stages", type=pathlib.Path, required=True, help="build/layers/stages.tsv"
    )
    parser.add_argument("--compiler", help="the C++ compiler, for the probes")
    parser.add_argument("--views", type=pathlib.Path, help="build/layers")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if bool(args.compiler) != bool(args.views):
        parser.error("--compiler and --views go together")

    stages = read_stages(args.stages)
    problems = []
    if args.self_test:
        problems += self_test()
    problems += check_tree(args.root, stages)
    if args.compiler:
        problems += probe(args.compiler, args.views, stages)
    for problem in problems:
        print(problem)
    order = " < ".join(stage for stage, _, _ in stages)
    if problems:
        print(f"{len(problems)} layering problem(s); the order is {order}")
        return 1
    print(f"layers ok: {order}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
