#!/usr/bin/env python3
"""install_consumer: lawreport installed into a prefix is usable on its own.

  test_install.py --build build/dev --root . [--cxx-flags "..."]

1. `cmake --install <build> --prefix T`.
2. A consumer project (tests/install/consumer) built against T with
   find_package(lawreport) and again with `g++ $(pkg-config --cflags --libs
   lawreport)`; both run on data/samples/rongan-2023.txt and must count the
   indicators `lawreport extract` finds.
3. T copied elsewhere and the original removed: the copied `lawreport
   extract` reads the PDF, DOCX and HTML fixtures through its own
   lib/lawreport/ modules and prints the same JSON as the build tree's
   executable; with a module taken away it fails with a one-line error that
   names where it looked, none of them in the build tree.
4. LAWREPORT_MODULE_DIR: the consumer (whose own directory holds no modules)
   reads the PDF when it points at T/lib/lawreport.
"""
import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

SAMPLE = "data/samples/rongan-2023.txt"
FIXTURES = ["tests/fixtures/formats/rongan-2023.pdf",
            "tests/fixtures/formats/rongan-2023.numbered.docx",
            "tests/fixtures/formats/rongan-2023.gbk.html",
            "tests/fixtures/formats/open-gov-tables.docx"]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message, file=sys.stderr)


def run(command, env=None, cwd=None, expect_ok=True):
    result = subprocess.run(command, capture_output=True, env=env, cwd=cwd)
    if expect_ok and result.returncode != 0:
        sys.stderr.write(result.stdout.decode(errors="replace")[-2000:])
        sys.stderr.write(result.stderr.decode(errors="replace")[-2000:])
        raise SystemExit(f"failed ({result.returncode}): {' '.join(command)}")
    return result


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if k != "LAWREPORT_MODULE_DIR"}
    env.update(extra)
    return env


def consumer_counts(output):
    fields = dict(line.split(" ", 1) for line in output.decode().splitlines())
    return fields


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--cxx-flags", default="")
    parser.add_argument("--skip-consumer-compile", default="",
                        help="a reason to skip building the consumer")
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    build = os.path.abspath(args.build)
    built_cli = os.path.join(build, "lawreport")
    started = time.monotonic()

    scratch = tempfile.mkdtemp(prefix="lawreport-install-")
    try:
        prefix = os.path.join(scratch, "prefix")
        run(["cmake", "--install", build, "--prefix", prefix])
        for relative in ["bin/lawreport", "lib/lawreport/liblawreport_pdf.so",
                         "lib/lawreport/liblawreport_formats.so",
                         "include/lawreport/report.h",
                         "lib/liblawreport_core.a",
                         "lib/cmake/lawreport/lawreportConfig.cmake",
                         "lib/cmake/lawreport/lawreportConfigVersion.cmake",
                         "lib/pkgconfig/lawreport.pc",
                         "share/man/man1/lawreport.1.gz",
                         "share/bash-completion/completions/lawreport"]:
            check(os.path.isfile(os.path.join(prefix, relative)),
                  f"the install has no {relative}")

        # The man page gzipped as `gzip -9n` makes it (Debian policy 12.1):
        # no file name or time stamp in the header, and the page inside.
        man = os.path.join(prefix, "share/man/man1/lawreport.1.gz")
        check(not os.path.exists(man[:-3]), "the man page is installed "
              "uncompressed too")
        if os.path.isfile(man):
            with open(man, "rb") as f:
                packed = f.read()
            check(packed[:3] == b"\x1f\x8b\x08" and packed[3] & 0x08 == 0 and
                  packed[4:8] == b"\0\0\0\0",
                  f"man page gzip header {packed[:10]!r} carries a name or "
                  f"time stamp")
            page = gzip.decompress(packed).decode("utf-8")
            check(page.startswith(".\\\"") and ".TH LAWREPORT \"1\"" in page
                  and '.SS "lawreport view"' in page,
                  f"the gzipped man page is not lawreport(1): {page[:200]!r}")

        expected = json.loads(run([built_cli, "extract", SAMPLE],
                                  cwd=root).stdout)
        expected_count = str(len(expected["indicators"]))
        check(int(expected_count) > 0, "the sample has no indicators")

        consumers = []
        if args.skip_consumer_compile:
            print(f"install_consumer: consumer compile skipped: "
                  f"{args.skip_consumer_compile}")
        else:
            source = os.path.join(root, "tests/install/consumer")
            consumer_build = os.path.join(scratch, "consumer-cmake")
            run(["cmake", "-S", source, "-B", consumer_build, "-G", "Ninja",
                 f"-DCMAKE_PREFIX_PATH={prefix}",
                 f"-DCMAKE_CXX_FLAGS={args.cxx_flags}",
                 f"-DCMAKE_EXE_LINKER_FLAGS={args.cxx_flags}"],
                env=clean_env())
            run(["cmake", "--build", consumer_build])
            consumers.append(("find_package",
                              os.path.join(consumer_build, "count_indicators")))

            pkg_env = clean_env(
                PKG_CONFIG_PATH=os.path.join(prefix, "lib/pkgconfig"))
            flags = run(["pkg-config", "--cflags", "--libs", "lawreport"],
                        env=pkg_env).stdout.decode().split()
            check(any(f.startswith("-I") and f.startswith("-I" + prefix) or
                      os.path.realpath(f[2:]) ==
                      os.path.realpath(os.path.join(prefix, "include"))
                      for f in flags if f.startswith("-I")),
                  f"pkg-config --cflags does not point into the prefix: {flags}")
            pkg_binary = os.path.join(scratch, "count_indicators_pkgconfig")
            run(["g++", "-std=c++20", *args.cxx_flags.split(),
                 os.path.join(source, "main.cc"), "-o", pkg_binary, *flags],
                env=pkg_env)
            consumers.append(("pkg-config", pkg_binary))

        for how, binary in consumers:
            fields = consumer_counts(run([binary, SAMPLE], cwd=root,
                                         env=clean_env()).stdout)
            check(fields.get("indicators") == expected_count,
                  f"{how} consumer: {fields.get('indicators')} indicators, "
                  f"extract finds {expected_count}")
            check(fields.get("csv_rows") == expected_count,
                  f"{how} consumer: {fields.get('csv_rows')} CSV rows")
            check(fields.get("title") == expected["document"]["title"],
                  f"{how} consumer: title {fields.get('title')!r}")

        # The installed tree, moved: the original prefix is gone, the build
        # tree is never looked at.
        moved = os.path.join(scratch, "elsewhere", "lawreport")
        shutil.copytree(prefix, moved, symlinks=True)
        shutil.rmtree(prefix)
        installed_cli = os.path.join(moved, "bin", "lawreport")
        version = run([installed_cli, "--version"]).stdout.decode().strip()
        check(version == run([built_cli, "--version"]).stdout.decode().strip(),
              f"installed --version says {version!r}")
        for fixture in FIXTURES:
            got = run([installed_cli, "extract", fixture], cwd=root,
                      env=clean_env())
            want = run([built_cli, "extract", fixture], cwd=root,
                       env=clean_env())
            document = json.loads(got.stdout)
            check(len(document["indicators"]) > 0,
                  f"installed extract {fixture}: no indicators")
            check(got.stdout == want.stdout,
                  f"installed extract {fixture}: JSON differs from the build "
                  f"tree's")

        # A module missing from the moved tree: a clear one-line error naming
        # where it looked, nowhere in the build tree.
        os.rename(os.path.join(moved, "lib/lawreport/liblawreport_pdf.so"),
                  os.path.join(scratch, "liblawreport_pdf.so"))
        missing = run([installed_cli, "extract", FIXTURES[0]], cwd=root,
                      env=clean_env(), expect_ok=False)
        message = missing.stderr.decode()
        check(missing.returncode == 2,
              f"a missing PDF module exits {missing.returncode}, not 2")
        looked = (f"(looked in {moved}/lib/lawreport, {moved}/bin;")
        check("liblawreport_pdf.so was not found" in message and
              looked in message and build not in message and
              message.count("\n") == 1,
              f"missing-module message: {message!r}")
        # LAWREPORT_MODULE_DIR overrides the search.
        overridden = run([installed_cli, "extract", FIXTURES[0]], cwd=root,
                         env=clean_env(LAWREPORT_MODULE_DIR=scratch))
        check(overridden.stdout == run([built_cli, "extract", FIXTURES[0]],
                                       cwd=root, env=clean_env()).stdout,
              "LAWREPORT_MODULE_DIR: the PDF reads differently")
        os.rename(os.path.join(scratch, "liblawreport_pdf.so"),
                  os.path.join(moved, "lib/lawreport/liblawreport_pdf.so"))

        # A consumer's own directory holds no modules: PDF needs
        # LAWREPORT_MODULE_DIR, and says so when it is not set.
        if consumers:
            binary = consumers[0][1]
            want = json.loads(run([built_cli, "extract", FIXTURES[0]],
                                  cwd=root).stdout)
            fields = consumer_counts(run(
                [binary, FIXTURES[0]], cwd=root,
                env=clean_env(LAWREPORT_MODULE_DIR=os.path.join(
                    moved, "lib/lawreport"))).stdout)
            check(fields.get("indicators") == str(len(want["indicators"])),
                  f"consumer on the PDF with LAWREPORT_MODULE_DIR: "
                  f"{fields.get('indicators')} indicators")
            without = run([binary, FIXTURES[0]], cwd=root, env=clean_env(),
                          expect_ok=False)
            check(without.returncode == 2 and
                  b"LAWREPORT_MODULE_DIR" in without.stderr,
                  f"consumer on the PDF without modules: "
                  f"{without.stderr[:300]!r}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    elapsed = time.monotonic() - started
    if failures:
        print(f"install_consumer: {len(failures)} failures", file=sys.stderr)
        return 1
    print(f"install_consumer: passed in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
