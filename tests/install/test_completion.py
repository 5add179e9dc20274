#!/usr/bin/env python3
"""cli_docs: the bash completion and man page generated from --help.

  test_completion.py --binary build/dev/lawreport --build build/dev

Every subcommand of `lawreport --help` and every option of `lawreport <cmd>
--help` (read here with a pattern of its own, not the generator's) appears
in that subcommand's branch of the completion script and in the man page;
bash, with the script sourced, completes a subcommand, an option and an
option's choices.
"""
import argparse
import os
import re
import subprocess
import sys

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message, file=sys.stderr)


def help_text(binary, *args):
    return subprocess.run([binary, *args, "--help"], capture_output=True,
                          text=True, check=True).stdout


def complete(script, words):
    """COMPREPLY for the command line `words` (the last one is completed)."""
    quoted = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words)
    program = (f"source '{script}'\n"
               f"COMP_WORDS=({quoted})\n"
               f"COMP_CWORD={len(words) - 1}\n"
               "_lawreport\n"
               'printf "%s\\n" "${COMPREPLY[@]}"\n')
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", program],
                            capture_output=True, text=True)
    check(result.returncode == 0, f"bash: {result.stderr[:300]}")
    return [line for line in result.stdout.splitlines() if line]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--build", required=True)
    args = parser.parse_args()
    script = os.path.join(args.build, "lawreport.bash-completion")
    man = os.path.join(args.build, "lawreport.1")
    with open(script, encoding="utf-8") as f:
        completion = f.read()
    with open(man, encoding="utf-8") as f:
        man_page = f.read().replace("\\-", "-")

    top = help_text(args.binary)
    commands = re.findall(r"^  ([a-z]+)\s{2,}\S",
                          top.split("Subcommands:")[1], re.M)
    check(len(commands) >= 6, f"subcommands: {commands}")
    check('"--version"' in completion or " --version" in completion,
          "the completion has no --version")
    for command in commands:
        branch = re.search(rf"^    {command}\)\n(.*?)^      ;;", completion,
                           re.M | re.S)
        check(branch is not None, f"no completion branch for {command}")
        branch_text = branch.group(1) if branch else ""
        check(f'"lawreport {command}"' in man_page,
              f"the man page has no section for {command}")
        options = re.findall(r"^  (-[\w-]+(?:,--[\w-]+)?)",
                             help_text(args.binary, command), re.M)
        check(len(options) > 3, f"{command}: options {options}")
        for names in options:
            for name in names.split(","):
                check(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])",
                                branch_text) is not None,
                      f"completion of {command} lacks {name}")
                check(name in man_page, f"the man page lacks {command} {name}")
    for section in ("LAWREPORT_MODULE_DIR", ".SH EXAMPLES", ".SH FILES",
                    ".SH ENVIRONMENT"):
        check(section in man_page, f"the man page lacks {section}")

    check(complete(script, ["lawreport", "ext"]) == ["extract"],
          "lawreport ext<TAB>")
    check(set(complete(script, ["lawreport", "table", "--format", ""])) ==
          {"csv", "jsonl", "html"}, "lawreport table --format <TAB>")
    got = complete(script, ["lawreport", "extract", "--ex"])
    check(got == ["--excel"], f"lawreport extract --ex<TAB>: {got}")
    got = complete(script, ["lawreport", "text", "--format-in", "p"])
    check(got == ["pdf"], f"lawreport text --format-in p<TAB>: {got}")

    if failures:
        print(f"cli_docs: {len(failures)} failures", file=sys.stderr)
        return 1
    print(f"cli_docs: passed ({len(commands)} subcommands)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
