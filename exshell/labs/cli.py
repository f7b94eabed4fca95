"""``exshell lab ...``: list, start, check, validate and report on labs.

    exshell lab list
    exshell lab start NAME [-Fresh] [-NoLogo] [-Learner "Your Name"]
    exshell lab check NAME [-State FILE] [-DriveRoot DIR] [-Task ID] [-Format text|json]
                           [-MaxSeconds N] [-MaxSteps N]
    exshell lab validate FILE [FILE...]
    exshell lab report NAME [-Format text|json|html] [-Out FILE]
    exshell lab new FILE [-Version 2010] [-Force]
    exshell lab preview FILE [-NoLogo]

Without -State, check grades your own world of the lab (the one lab start keeps); it
prints [PASS]/[FAIL] lines on a terminal, JSON otherwise (-Format chooses).
The learner's name (-Learner, else the EXSHELL_LEARNER setting) is kept with the
progress and shown in the reports.  new writes a lab file to start from, every key
explained; preview runs a lab file as a learner would, in a throwaway world.

NAME is a shipped lab's id (``exshell lab list``) or a lab file's path.  Option
names are case-insensitive and may be shortened, as exshell's own.  ``lab check``
treats the submission as hostile (see exshell/labs/grading.py): it grades a private
copy made without following links, and every script a check runs is held to the
grader's budget (-MaxSeconds/-MaxSteps change it; default 10 s, 2,000,000 steps).
Exit codes: 0 success (check: every check passed; validate: no issue), 1 failure
(a check failed, an issue was found), 2 a usage error or a lab that cannot be used.
"""
from __future__ import annotations

import json
import os
import sys
from typing import List, Optional, Sequence, Tuple

from ..cliopts import UsageError, parse_options
from .model import Lab, LabFileError, load_lab

__all__ = ["main", "shipped_labs", "find_lab", "LAB_ORDER"]

USAGE = __doc__.split("\n\n")[1]

#: The shipped labs in teaching order (files in exshell/data/labs; others follow, sorted).
LAB_ORDER = ("renew-2010", "renew-expired-2007", "enterprise-ca", "public-ca-2016",
             "move-pfx", "wrong-iis", "send-connector", "auth-certificate", "expiring-report")


def _data_dir() -> str:
    return os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "labs")


def shipped_labs() -> List[str]:
    """Paths of the shipped lab files, in teaching order."""
    folder = _data_dir()
    try:
        names = [n[:-5] for n in os.listdir(folder) if n.endswith(".toml")]
    except OSError:
        return []
    ordered = [n for n in LAB_ORDER if n in names] + sorted(n for n in names if n not in LAB_ORDER)
    return [os.path.join(folder, n + ".toml") for n in ordered]


def find_lab(name: str) -> Lab:
    """A lab by shipped id (or its number in the list) or by file path."""
    if os.path.isfile(name):
        return load_lab(name)
    labs = shipped_labs()
    for i, path in enumerate(labs, 1):
        stem = os.path.splitext(os.path.basename(path))[0]
        if stem.casefold() == name.casefold() or str(i) == name:
            return load_lab(path)
    raise UsageError("exshell lab: no lab '%s' (exshell lab list shows them)" % name)


def _options(argv: Sequence[str], valued: Tuple[str, ...], switches: Tuple[str, ...]):
    return parse_options(argv, "exshell lab", valued, switches)


def main(argv: Optional[Sequence[str]] = None, *, in_program: bool = False) -> int:
    """``argv`` without the leading "lab"; ``in_program``: the exshell program runs it
    (not a test calling main), so ``lab check`` may set this process's data ceiling."""
    argv = list(sys.argv[2:] if argv is None else argv)
    if argv and argv[0].casefold() == "lab":
        argv = argv[1:]
    try:
        if not argv or argv[0] in ("-h", "-Help", "--help", "help"):
            sys.stdout.write(__doc__.split("\n\n", 1)[1])
            return 0 if argv else 2
        command, args = argv[0].casefold(), argv[1:]
        if command == "list":
            return cmd_list(args)
        if command == "start":
            return cmd_start(args)
        if command == "check":
            return cmd_check(args, in_program=in_program)
        if command == "validate":
            return cmd_validate(args)
        if command == "report":
            return cmd_report(args)
        if command == "new":
            return cmd_new(args)
        if command == "preview":
            return cmd_preview(args)
        raise UsageError("exshell lab: unknown command '%s'" % argv[0])
    except UsageError as e:
        sys.stderr.write("%s\n%s\n" % (e, USAGE))
        return 2
    except LabFileError as e:
        sys.stderr.write("%s\n" % e)
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return 1


# ----------------------------------------------------------------- list

def cmd_list(args: Sequence[str]) -> int:
    _options(args, (), ())
    from .progress import Progress, PROGRESS_FILE, lab_folder
    rows = []
    for i, path in enumerate(shipped_labs(), 1):
        try:
            lab = load_lab(path)
        except LabFileError as e:
            rows.append((str(i), os.path.basename(path), "?", "?", "(broken: %s)" % e.issues[0]))
            continue
        progress = Progress.load(lab.id, os.path.join(lab_folder(lab.id), PROGRESS_FILE))
        done = "%d/%d" % (len([t for t in lab.tasks if t.id in progress.passed]), len(lab.tasks))
        rows.append((str(i), lab.id, lab.version, done, lab.title))
    header = ("#", "Id", "Exchange", "Done", "Title")
    widths = [max(len(r[k]) for r in rows + [header]) for k in range(4)]
    for row in [header, tuple("-" * len(h) for h in header)] + rows:
        sys.stdout.write("  ".join(row[k].ljust(widths[k]) for k in range(4)) + "  " + row[4] + "\n")
    sys.stdout.write("\nStart one with: exshell lab start <Id>\n")
    return 0


# ----------------------------------------------------------------- start

def open_session(lab: Lab, *, host=None, root: Optional[str] = None, fresh: bool = False):
    """The learner's LabSession on their saved world (created on first start)."""
    from .checks import snapshot
    from .progress import DRIVE_FOLDER, LEGACY_STATE_FILE, PROGRESS_FILE, STATE_FILE, Progress, lab_folder
    from .runner import build_start, open_shell
    from .cmdlets import attach
    from .session import LabSession
    folder = lab_folder(lab.id, root)
    state = os.path.join(folder, STATE_FILE)
    legacy = os.path.join(folder, LEGACY_STATE_FILE)
    if not os.path.exists(state) and os.path.exists(legacy):
        os.replace(legacy, state)        # a JSON world of an earlier exshell: migrated on open
    drive = os.path.join(folder, DRIVE_FOLDER)
    progress_path = os.path.join(folder, PROGRESS_FILE)
    if fresh:   # start over: a new world (below), an empty drive, no progress
        import shutil
        shutil.rmtree(drive, ignore_errors=True)
        if os.path.exists(progress_path):
            os.remove(progress_path)
    os.makedirs(drive, exist_ok=True)
    shell = open_shell(lab, state, host=host, drive_root=drive, fresh=fresh)
    progress = Progress.load(lab.id, progress_path)
    progress.resume_clock()
    ls = attach(LabSession(lab, shell, progress, snapshot(build_start(lab)), own_drive=True))
    progress.save()
    return ls


def learner_name(given: Optional[str] = None) -> str:
    """The learner's name: -Learner, else the EXSHELL_LEARNER setting ("" if neither)."""
    return (given or os.environ.get("EXSHELL_LEARNER", "")).strip()


def cmd_start(args: Sequence[str]) -> int:
    opts, rest = _options(args, ("Root", "Learner"), ("Fresh", "NoLogo", "NonInteractive"))
    if len(rest) != 1:
        raise UsageError("exshell lab start: give one lab (exshell lab start NAME)")
    lab = find_lab(rest[0])
    from ..exchange.errors import WorldFileError
    from ..host import ConsoleHost
    host = ConsoleHost(interactive=not opts.get("NonInteractive"))
    try:
        ls = open_session(lab, host=host, root=opts.get("Root"), fresh=bool(opts.get("Fresh")))
    except WorldFileError as e:
        sys.stderr.write("exshell: %s\n" % e)
        return 1
    name = learner_name(opts.get("Learner"))
    if name and name != ls.progress.learner:
        ls.progress.learner = name
        ls.progress.save()
    shell = ls.shell
    banner = None if opts.get("NoLogo") else ls.banner()
    try:
        if sys.stdin.isatty() and sys.stdout.isatty():
            from ..repl import run_repl
            return run_repl(shell, banner)
        from ..repl.plain import run_plain
        return run_plain(shell, banner)
    finally:
        ls.progress.save()
        shell.close()


# ----------------------------------------------------------------- check

def cmd_check(args: Sequence[str], *, in_program: bool = False) -> int:
    opts, rest = _options(args, ("State", "DriveRoot", "Task", "Root", "MaxSeconds", "MaxSteps",
                                 "Format"), ())
    if len(rest) != 1:
        raise UsageError("exshell lab check: give a lab (and -State FILE for another world)")
    fmt = str(opts.get("Format", "text" if _is_terminal(sys.stdout) else "json")).casefold()
    if fmt not in ("text", "json"):
        raise UsageError("exshell lab check: -Format must be text or json")
    lab = find_lab(rest[0])
    if "State" not in opts:
        # The learner's own world of this lab, and its drive.
        from .progress import DRIVE_FOLDER, STATE_FILE, lab_folder
        folder = lab_folder(lab.id, opts.get("Root"))
        opts["State"] = os.path.join(folder, STATE_FILE)
        if not os.path.exists(str(opts["State"])):
            raise UsageError("exshell lab check: you have not started '%s' yet "
                             "(exshell lab start %s), or give -State FILE" % (lab.id, lab.id))
        opts.setdefault("DriveRoot", os.path.join(folder, DRIVE_FOLDER))
    from ..exchange.errors import WorldFileError
    from .grading import GradingError, check_state
    limits = {}
    for option, key, kind in (("MaxSeconds", "max_seconds", float), ("MaxSteps", "max_steps", int)):
        if option in opts:
            try:
                limits[key] = kind(str(opts[option]))
            except ValueError:
                limits[key] = 0
            if not 0 < limits[key] < float("inf"):
                raise UsageError("exshell lab check: -%s must be a positive number" % option)
    if in_program:                        # the exshell program, not a test calling main()
        from .grading import limit_process_data
        limit_process_data(limits)        # a ceiling under the budget (this process only)
    try:
        result = check_state(lab, str(opts["State"]), drive_root=opts.get("DriveRoot"),
                             task=opts.get("Task"), limits=limits)
    except GradingError as e:
        raise UsageError(str(e)) from None
    except WorldFileError as e:
        sys.stderr.write("exshell: %s\n" % e)
        return 2
    if fmt == "json":
        sys.stdout.write(json.dumps(result, indent=2) + "\n")
    else:
        import shutil
        from .report import render_check
        sys.stdout.write(render_check(result, shutil.get_terminal_size((80, 24)).columns - 1))
    return 0 if result["passed"] else 1


def _is_terminal(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


# ----------------------------------------------------------------- validate

def cmd_validate(args: Sequence[str]) -> int:
    opts, rest = _options(args, (), ("Json",))
    if not rest:
        raise UsageError("exshell lab validate: give one or more lab files")
    from .validate import validate_file
    failed = 0
    report = []
    for path in rest:
        issues = validate_file(path)
        report.append({"file": path, "valid": not issues, "issues": [i.as_dict() for i in issues]})
        if issues:
            failed += 1
        if not opts.get("Json"):
            for issue in issues:
                sys.stdout.write("%s\n" % issue)
            sys.stdout.write("%s: %s\n" % (path, "valid" if not issues else
                                           "%d issue(s)" % len(issues)))
    if opts.get("Json"):
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    return 0 if not failed else 1


# ----------------------------------------------------------------- report

def cmd_report(args: Sequence[str]) -> int:
    opts, rest = _options(args, ("Format", "Out", "Root"), ())
    if len(rest) != 1:
        raise UsageError("exshell lab report: give one lab")
    fmt = str(opts.get("Format", "text")).casefold()
    if fmt not in ("text", "json", "html"):
        raise UsageError("exshell lab report: -Format must be text, json or html")
    lab = find_lab(rest[0])
    from .report import learner_report
    text = learner_report(lab, fmt, root=opts.get("Root"))
    if opts.get("Out"):
        with open(str(opts["Out"]), "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0


# ----------------------------------------------------------------- new, preview

def cmd_new(args: Sequence[str]) -> int:
    opts, rest = _options(args, ("Version",), ("Force",))
    if len(rest) != 1:
        raise UsageError("exshell lab new: give the file to write (exshell lab new my-lab.toml)")
    from ..profiles import SUPPORTED_VERSIONS
    from .scaffold import scaffold
    version = str(opts.get("Version", "2010"))
    if version not in SUPPORTED_VERSIONS:
        raise UsageError("exshell lab new: -Version must be one of %s" % ", ".join(SUPPORTED_VERSIONS))
    path = rest[0]
    if os.path.exists(path) and not opts.get("Force"):
        sys.stderr.write("exshell lab new: %s exists (-Force replaces it)\n" % path)
        return 1
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(scaffold(os.path.basename(path), version))
    sys.stdout.write("Wrote %s: a working lab to start from. Next:\n"
                     "  exshell lab validate %s\n  exshell lab preview %s\n" % (path, path, path))
    return 0


def cmd_preview(args: Sequence[str]) -> int:
    """The lab as a learner meets it, in a throwaway folder (nothing of the author's
    own labs or progress is touched)."""
    opts, rest = _options(args, (), ("NoLogo", "NonInteractive"))
    if len(rest) != 1:
        raise UsageError("exshell lab preview: give a lab file (or a shipped lab's id)")
    lab = find_lab(rest[0])
    import tempfile
    import shutil
    root = tempfile.mkdtemp(prefix="exshell-preview-")
    try:
        return cmd_start([lab.path or rest[0], "-Root", root,
                          "-Fresh"] + [("-" + k) for k in ("NoLogo", "NonInteractive") if opts.get(k)])
    finally:
        shutil.rmtree(root, ignore_errors=True)
