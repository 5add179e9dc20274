#!/usr/bin/env python3
"""The man page and bash completion of lawreport, read from its own --help.

Both are generated in the build (cmake/Install.cmake) so they never fall
behind the CLI:

  cli_docs.py man --binary build/dev/lawreport --help2man /usr/bin/help2man \
      --include cmake/install/lawreport.h2m --output build/dev/lawreport.1 \
      --gzip-output build/dev/lawreport.1.gz
  cli_docs.py completion --binary build/dev/lawreport \
      --output build/dev/lawreport.bash-completion
  cli_docs.py options --binary build/dev/lawreport   # JSON: what was parsed

`lawreport --help` lists the subcommands under "Subcommands:"; each
`lawreport <cmd> --help` lists its options as CLI11 prints them:
  "  -o,--output TEXT            Write to this file, atomically"
  "  --format TEXT:{csv,jsonl}   csv or jsonl"
  "  --format-in ENUM:value in {auto->0,docx->3,...} OR {0,3,...}"
  "  --no-boilerplate-strip{false}"
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile


def run_help(binary, *args):
    result = subprocess.run([binary, *args, "--help"], capture_output=True,
                            text=True, check=True)
    return result.stdout


def subcommands(binary):
    names = []
    in_section = False
    for line in run_help(binary).splitlines():
        if line.startswith("Subcommands:"):
            in_section = True
            continue
        if in_section:
            match = re.match(r"^  ([a-z][a-z0-9-]*)\s", line)
            if match:
                names.append(match.group(1))
            elif line and not line.startswith(" "):
                in_section = False
    return names


OPTION_LINE = re.compile(r"^  (-[^\s{]+)(\{[^}]*\})?(?: (\S.*?))?(?:\s{2,}|$)")


def options(binary, command):
    """[{names: [...], takes_value: bool, choices: [...], kind: str}]"""
    parsed = []
    for line in run_help(binary, command).splitlines():
        match = OPTION_LINE.match(line)
        if not match:
            continue
        names = [name for name in match.group(1).split(",") if name]
        type_text = match.group(3) or ""
        choices = []
        enum = re.search(r"value in \{([^}]*)\}", type_text)
        listed = re.search(r":\{([^}]*)\}", type_text)
        if enum:
            choices = [item.split("->")[0] for item in enum.group(1).split(",")]
        elif listed:
            choices = listed.group(1).split(",")
        kind = type_text.split(":")[0].split("=")[0].split(" ")[0]
        parsed.append({"names": names, "takes_value": bool(type_text),
                       "choices": choices, "kind": kind})
    return parsed


def roff_escape(text):
    lines = []
    for line in text.replace("\\", "\\e").splitlines():
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def write_man(args):
    with open(args.include, encoding="utf-8") as f:
        include = f.read()
    commands = ["[COMMANDS]"]
    for command in subcommands(args.binary):
        commands.append(f'.SS "lawreport {command}"')
        commands.append(".nf")
        commands.append(roff_escape(run_help(args.binary, command).strip()))
        commands.append(".fi")
    with tempfile.TemporaryDirectory() as scratch:
        include_path = os.path.join(scratch, "lawreport.h2m")
        with open(include_path, "w", encoding="utf-8") as f:
            f.write("\n".join(commands) + "\n\n" + include)
        partial = args.output + ".tmp"
        subprocess.run([args.help2man, "--no-info", "--no-discard-stderr",
                        "--section=1",
                        "--name=turn Chinese government annual reports "
                        "into data",
                        f"--include={include_path}", f"--output={partial}",
                        args.binary], check=True,
                       env={**os.environ, "LANG": "C.UTF-8",
                            **source_date_epoch()})
        os.replace(partial, args.output)
    if args.gzip_output:
        write_gzip(args.output, args.gzip_output)


def source_date_epoch():
    """help2man dates the page from SOURCE_DATE_EPOCH when it is set: the
    caller's, else the last commit's time when built from a git checkout, so
    that the same sources give the same page whatever the day of the build
    (reproducible builds). A tarball without git gets today's date."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return {}
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        stamp = subprocess.run(["git", "-C", root, "log", "-1", "--format=%ct"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return {}
    return {"SOURCE_DATE_EPOCH": stamp} if stamp.isdigit() else {}


def write_gzip(source, target):
    """`gzip -9n`: no file name or time stamp in the header, so the same
    page gives the same bytes (Debian policy 12.1, reproducible builds)."""
    with open(source, "rb") as f:
        data = f.read()
    partial = target + ".tmp"
    with open(partial, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", compresslevel=9,
                           fileobj=raw, mtime=0) as f:
            f.write(data)
    os.replace(partial, target)


COMPLETION = r"""# bash completion for lawreport, generated by scripts/cli_docs.py from
# `lawreport <command> --help` (lawreport @VERSION@). Installed as
# share/bash-completion/completions/lawreport.
_lawreport() {
  local cur prev command i
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  command=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      @COMMAND_PATTERN@) command=${COMP_WORDS[i]}; break ;;
    esac
  done
  if [[ -z $command ]]; then
    COMPREPLY=($(compgen -W "@TOP_WORDS@" -- "$cur"))
    return
  fi
  case $command in
@COMMAND_CASES@
  esac
}
complete -o filenames -o bashdefault -F _lawreport lawreport
"""


def write_completion(args):
    version = subprocess.run([args.binary, "--version"], capture_output=True,
                             text=True, check=True).stdout.split()[-1]
    commands = subcommands(args.binary)
    cases = []
    for command in commands:
        opts = options(args.binary, command)
        words = " ".join(name for opt in opts for name in opt["names"])
        value_cases = []
        for opt in opts:
            if not opt["takes_value"]:
                continue
            pattern = "|".join(opt["names"])
            if opt["choices"]:
                action = ('COMPREPLY=($(compgen -W "%s" -- "$cur"))'
                          % " ".join(opt["choices"]))
            elif opt["kind"] in ("TEXT", ""):
                action = 'COMPREPLY=($(compgen -f -- "$cur"))'
            else:
                action = "COMPREPLY=()"  # a number: nothing to offer
            value_cases.append(f"        {pattern}) {action}; return ;;")
        cases.append(f"    {command})\n"
                     f"      case $prev in\n"
                     + "\n".join(value_cases) + "\n"
                     f"      esac\n"
                     f"      if [[ $cur == -* ]]; then\n"
                     f'        COMPREPLY=($(compgen -W "{words}" -- "$cur"))\n'
                     f"      else\n"
                     f'        COMPREPLY=($(compgen -f -- "$cur"))\n'
                     f"      fi\n"
                     f"      ;;")
    text = (COMPLETION.replace("@VERSION@", version)
            .replace("@COMMAND_PATTERN@", "|".join(commands))
            .replace("@TOP_WORDS@", " ".join(["-h", "--help", "--version",
                                              *commands]))
            .replace("@COMMAND_CASES@", "\n".join(cases)))
    partial = args.output + ".tmp"
    with open(partial, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(partial, args.output)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["man", "completion", "options"])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--help2man", default="help2man")
    parser.add_argument("--include")
    parser.add_argument("--output")
    parser.add_argument("--gzip-output",
                        help="man: also write the page gzipped here")
    args = parser.parse_args()
    if args.what == "man":
        write_man(args)
    elif args.what == "completion":
        write_completion(args)
    else:
        json.dump({command: options(args.binary, command)
                   for command in subcommands(args.binary)},
                  sys.stdout, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
