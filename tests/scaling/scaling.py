#!/usr/bin/env python3
"""Scaling tests: lawreport's time and memory grow linearly with its input.

Each shape of issue 18 (a run of Chinese numerals, a line of 其中1件，, a 分别
list, 1件 and 1% repeated, an HTML tag with many attributes, an --expect file
of many keys) is generated at size N and 4N in a temporary folder; the time
for 4N must stay under 6 times the time for N (best of a few runs, so that a
busy machine does not fail the test; CPU time, not wall-clock). Its peak
memory above what the command takes on a two-line report must grow no faster
(4N under 6 times N's growth, N's growth counted as at least 4 MiB, below
which the allocator's own arenas decide). The exact reproducers of the issue
that are cheap enough (十×3200, 18 KB of 二十三) also run against a fixed
time limit.

  scaling.py --binary build/dev/lawreport [--only NAME] [--verbose]

Exit status 0 when every shape scales, 1 otherwise. CTest runs it under the
label `scaling` in the dev and release builds, not under the sanitizers,
whose costs are not linear in the same way.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile

HEAD = "关于2023年法治政府建设情况的报告\n一、基本情况\n"
MAX_RATIO = 6.0
MEMORY_FLOOR_KIB = 4096
TIME = "/usr/bin/time"  # GNU time (Debian: time, scripts/setup-debian.sh)
RUNS = 3


def text_of(body):
    return HEAD + body + "\n"


def fenbie(n):
    items = "、".join(f"第{i}类" for i in range(n))
    counts = "、".join("1件" for _ in range(n))
    return text_of(f"受理{items}分别为{counts}。")


def html_attributes(n):
    attributes = " ".join(f'a{i}="x"' for i in range(n))
    return ('<html><head><meta charset="utf-8"></head><body>'
            f"<p>关于2023年法治政府建设情况的报告</p><p>一、基本情况</p>"
            f"<p {attributes}>共受理1件。</p></body></html>")


# name: (command, file suffix, input of size n, n for the dev build, whether
# the command succeeds). Sizes are chosen so that N takes a few tenths of a
# second in the dev (-O0) build.
SHAPES = {
    "numeral_run": (["outline"], ".txt", lambda n: text_of("十" * n), 1000, True),
    "numeral_repeat": (["check"], ".txt", lambda n: text_of("二十三" * n), 1000, True),
    "among_line": (["check"], ".txt", lambda n: text_of("其中1件，" * n), 5000, True),
    "distributed_list": (["check"], ".txt", fenbie, 3000, True),
    "count_line": (["outline"], ".txt", lambda n: text_of("1件" * n), 5000, True),
    "percent_line": (["check"], ".txt", lambda n: text_of("1%" * n), 5000, True),
    "html_attributes": (["outline"], ".html", html_attributes, 200000, False),
    "expect_keys": (["check", "--expect", "{expect}"], ".txt",
                    lambda n: text_of("共受理31件。"), 5000, True),
}


def timed(binary, command, path, expect_ok):
    """(CPU seconds, peak resident KiB) of the command: seven builds share
    two cores, and wall-clock time would measure the neighbours. The peak
    comes from GNU time, whose child is forked from a small process: a child
    of this one would count the Python interpreter's pages it starts with."""
    with tempfile.NamedTemporaryFile("r") as report:
        process = subprocess.Popen(
            [TIME, "-f", "%M", "-o", report.name, binary] + command + [path],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            errors = process.stderr.read()
        finally:
            process.stderr.close()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        peak_kib = int(report.read().split()[-1])
    # check exits 1 when a finding fails; anything else is a crash or an error.
    if expect_ok and process.returncode not in (0, 1):
        raise RuntimeError(f"{command} {path}: exit {process.returncode}: "
                           f"{errors.decode(errors='replace')}")
    if not expect_ok and process.returncode != 2:
        raise RuntimeError(f"{command} {path}: exit {process.returncode}, want 2")
    return usage.ru_utime + usage.ru_stime, peak_kib


def best_time(binary, folder, name, n):
    command, suffix, make, _, expect_ok = SHAPES[name]
    path = os.path.join(folder, f"{name}-{n}{suffix}")
    with open(path, "w", encoding="utf-8") as out:
        out.write(make(n))
    expect = os.path.join(folder, f"{name}-{n}.json")
    with open(expect, "w", encoding="utf-8") as out:
        json.dump({f"key{i}": i for i in range(n if name == "expect_keys" else 1)}, out)
    command = [part.replace("{expect}", expect) for part in command]
    runs = [timed(binary, command, path, expect_ok) for _ in range(RUNS)]
    return min(cpu for cpu, _ in runs), min(rss for _, rss in runs)


def base_memory(binary, folder, name):
    """Peak resident KiB of the shape's command on a two-line report: the
    program, its libraries and the data it loads, whatever the input."""
    command, _, _, _, _ = SHAPES[name]
    path = os.path.join(folder, "base.txt")
    with open(path, "w", encoding="utf-8") as out:
        out.write(text_of(""))
    expect = os.path.join(folder, "base.json")
    with open(expect, "w", encoding="utf-8") as out:
        json.dump({"key0": 0}, out)
    command = [part.replace("{expect}", expect) for part in command]
    return min(timed(binary, command, path, True)[1] for _ in range(RUNS))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--only")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply every size (a release build: 4)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        for name in SHAPES:
            if args.only and name != args.only:
                continue
            n = int(SHAPES[name][3] * args.scale)
            base = base_memory(args.binary, folder, name)
            small, small_rss = best_time(args.binary, folder, name, n)
            large, large_rss = best_time(args.binary, folder, name, 4 * n)
            ratio = large / small
            line = f"{name}: N={n} {small:.3f} s, 4N {large:.3f} s, ratio {ratio:.1f}"
            if args.verbose or ratio >= MAX_RATIO:
                print(line)
            if ratio >= MAX_RATIO:
                failures.append(f"{line} (want < {MAX_RATIO})")
            small_growth = max(small_rss - base, MEMORY_FLOOR_KIB)
            memory_ratio = (large_rss - base) / small_growth
            line = (f"{name}: memory over {base} KiB: N +{small_rss - base} KiB, "
                    f"4N +{large_rss - base} KiB, ratio {memory_ratio:.1f}")
            if args.verbose or memory_ratio >= MAX_RATIO:
                print(line)
            if memory_ratio >= MAX_RATIO:
                failures.append(f"{line} (want < {MAX_RATIO})")
        # The issue's own reproducers, under a fixed limit (they took 26 s
        # and 51 s in a release build before the numeral runs were bounded).
        for name, command, body in [
                ("numeral_run_3200", ["outline"], "十" * 3200),
                ("numeral_repeat_18k_outline", ["outline"], "二十三" * 2000),
                ("numeral_repeat_18k_check", ["check"], "二十三" * 2000)]:
            if args.only and not name.startswith(args.only):
                continue
            path = os.path.join(folder, name + ".txt")
            with open(path, "w", encoding="utf-8") as out:
                out.write(text_of(body))
            elapsed, _ = timed(args.binary, command, path, True)
            if args.verbose:
                print(f"{name}: {elapsed:.3f} s")
            if elapsed > 10:
                failures.append(f"{name}: {elapsed:.1f} s (want under 10 s)")
    for failure in failures:
        print("FAIL", failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
