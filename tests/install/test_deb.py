#!/usr/bin/env python3
"""deb_package: `cpack -G DEB` makes a .deb that installs and works.

  test_deb.py --build build/dev --root . [--skip-reason "..."]

Builds lawreport_<version>_<arch>.deb from the build tree with cpack, checks
its control fields (dependencies found by dpkg-shlibdeps, maintainer,
section), installs it with `apt-get install ./lawreport_*.deb`, runs
/usr/bin/lawreport extract on the text sample and the PDF, DOCX and HTML
fixtures (the same JSON as the build tree's executable), checks the man page
and completion are in place, and purges the package again, so the machine
is left as it was. Needs root (CI runs as root); exits 77 (skipped) when not
root, when a lawreport package is already installed, or when told to.
"""
import argparse
import fcntl
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
INPUTS = ["data/samples/rongan-2023.txt",
          "tests/fixtures/formats/rongan-2023.pdf",
          "tests/fixtures/formats/rongan-2023.numbered.docx",
          "tests/fixtures/formats/rongan-2023.gbk.html"]
APT = ["apt-get", "-y", "-q", "-o", "DPkg::Lock::Timeout=300"]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message, file=sys.stderr)


def run(command, cwd=None, env=None):
    result = subprocess.run(command, capture_output=True, cwd=cwd, env=env)
    if result.returncode != 0:
        sys.stderr.write(result.stderr.decode(errors="replace")[-3000:])
        raise SystemExit(f"failed ({result.returncode}): {' '.join(command)}")
    return result


def installed(package):
    status = subprocess.run(["dpkg-query", "-W", "-f=${db:Status-Abbrev}",
                             package], capture_output=True, text=True)
    return status.stdout.startswith("ii")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--skip-reason", default="")
    args = parser.parse_args()
    if args.skip_reason:
        print(f"deb_package: skipped: {args.skip_reason}")
        return SKIP
    if os.geteuid() != 0:
        print("deb_package: skipped: installing a .deb needs root "
              "(CI runs as root)")
        return SKIP
    build = os.path.abspath(args.build)
    root = os.path.abspath(args.root)
    started = time.monotonic()
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    env.pop("LAWREPORT_MODULE_DIR", None)

    # One package install at a time on this machine.
    with open("/tmp/lawreport-deb-test.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if installed("lawreport"):
            print("deb_package: skipped: a lawreport package is already "
                  "installed; not replacing it")
            return SKIP
        scratch = tempfile.mkdtemp(prefix="lawreport-deb-")
        try:
            run(["cpack", "--config", os.path.join(build, "CPackConfig.cmake"),
                 "-B", scratch], env=env)
            version = run([os.path.join(build, "lawreport"), "--version"]
                          ).stdout.decode().split()[-1]
            arch = run(["dpkg", "--print-architecture"]).stdout.decode().strip()
            debs = glob.glob(os.path.join(scratch, "*.deb"))
            expected_name = f"lawreport_{version}_{arch}.deb"
            check([os.path.basename(d) for d in debs] == [expected_name],
                  f"packages made: {debs}, want {expected_name}")
            if not debs:
                return 1
            deb = debs[0]
            fields = {}
            for field in ("Package", "Depends", "Maintainer", "Section",
                          "Description"):
                fields[field] = run(["dpkg-deb", "-f", deb, field]
                                    ).stdout.decode().strip()
            for library in ("libpoppler-cpp0v5", "libicu72", "libxml2",
                            "libzip4", "libre2-9", "libstdc++6", "libc6"):
                check(re.search(rf"(^|, ){re.escape(library)}( |,|$)",
                                fields["Depends"]) is not None,
                      f"Depends lacks {library}: {fields['Depends']}")
            # The Maintainer is the cache variable the build was configured
            # with, in policy's "Name <address>" form.
            with open(os.path.join(build, "CMakeCache.txt"),
                      encoding="utf-8") as f:
                configured = re.search(r"^LAWREPORT_DEB_MAINTAINER:STRING=(.*)$",
                                       f.read(), re.M)
            check(configured is not None and
                  fields["Maintainer"] == configured.group(1) and
                  re.fullmatch(r"[^<>@]+ <[^<>@ ]+@[^<>@ ]+>",
                               fields["Maintainer"]) is not None,
                  f"Maintainer: {fields['Maintainer']!r}, configured "
                  f"{configured and configured.group(1)!r}")
            check(fields["Section"] == "text", f"Section: {fields['Section']}")
            check("annual reports" in fields["Description"],
                  "Description has no synopsis")

            run(APT + ["install", "--no-install-recommends", "./" +
                       os.path.basename(deb)], cwd=scratch, env=env)
            try:
                check(installed("lawreport"), "lawreport is not installed")
                for path in ("/usr/bin/lawreport",
                             "/usr/share/man/man1/lawreport.1.gz",
                             "/usr/share/bash-completion/completions/lawreport",
                             "/usr/lib/pkgconfig/lawreport.pc"):
                    check(os.path.exists(path), f"the package has no {path}")
                for report in INPUTS:
                    got = subprocess.run(["/usr/bin/lawreport", "extract",
                                          report], capture_output=True,
                                         cwd=root, env=env)
                    want = run([os.path.join(build, "lawreport"), "extract",
                                report], cwd=root, env=env)
                    check(got.returncode == 0,
                          f"/usr/bin/lawreport extract {report}: "
                          f"{got.stderr[:300]!r}")
                    if got.returncode == 0:
                        document = json.loads(got.stdout)
                        check(len(document["indicators"]) > 50 and
                              document["document"]["issuer"] == "融安县",
                              f"{report}: {len(document['indicators'])} "
                              f"indicators")
                        check(got.stdout == want.stdout,
                              f"{report}: the installed JSON differs from "
                              f"the build tree's")
            finally:
                run(APT + ["purge", "lawreport"], env=env)
            check(not installed("lawreport") and
                  not os.path.exists("/usr/bin/lawreport"),
                  "the package was not removed")
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    if failures:
        print(f"deb_package: {len(failures)} failures", file=sys.stderr)
        return 1
    print(f"deb_package: passed in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
