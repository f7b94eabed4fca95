"""The ``exshell`` command line, shaped like ``pwsh``/``powershell.exe``.

    exshell                                 interactive shell
    exshell -Command "<text>" | -c "<text>" run commands (``-Command -`` reads stdin)
    exshell -File script.ps1 [args] | exshell script.ps1 [args]
    exshell -CheckSyntax FILE...             parse only; report every parse error
    exshell lab list|start|check|validate|report ...   training labs (exshell lab -Help)
    exshell replica script|import ...       rehearse on a replica of your organisation
    exshell world list|reset|export|import ...   your worlds (exshell world -Help)
    exshell serve -Roster class.toml ...    run a class over SSH with a live dashboard
                                            (exshell serve -Help)
    exshell -Version | --version            print the version and leave
    options: -NonInteractive -NoLogo -NoProfile -ExchangeVersion 2010 -Help
             -DriveRoot DIR   the real folder behind drive C: (default ~/.local/share/exshell/drive)
             -State FILE      the world kept in this database file (default: your world for
                              the version, ~/.local/share/exshell/worlds/exchange-<version>.db)
             -World NAME      your world of that name (exshell world list shows them)
             -Organization FILE   start from this organisation file (its own world)
             -Fresh           a throwaway world in memory (EXSHELL_FRESH=1 does the same)
             -Console Classic|PSReadLine   the other console than the version's own
             -PredictionSource History     PSReadLine's greyed suggestions from history
             -MaxSeconds N -MaxSteps N -MaxItems N -MaxMemoryMB N
                              a budget for untrusted scripts: each run (a -Command, a -File,
                              one interactive entry) stops with an error when it runs longer
                              than N seconds or N steps (loop turns and calls of functions,
                              scripts and script blocks), builds a string or array of more
                              than N items, or grows the process by more than N MB

Option names are case-insensitive and may be shortened to any unique prefix, as
pwsh takes them.  Exit code: 0 when all went well, 1 when an error was written or a
terminating error stopped the run, the script's ``exit N`` code, 2 for a bad option.
"""
from __future__ import annotations

import os
import sys
from typing import List, Optional, Sequence, Tuple

__all__ = ["main", "run", "parse_args", "Options", "UsageError"]

USAGE = ("Usage: exshell [-Command <text> | -File <script.ps1> [args] | <script.ps1> [args]\n"
         "               | -CheckSyntax <file>...]\n"
         "               [-ExchangeVersion 2010] [-Organization <file.toml>]\n"
         "               [-State <file.db> | -World <name> | -Fresh]\n"
         "               [-DriveRoot <folder>] [-Console Classic|PSReadLine]\n"
         "               [-PredictionSource None|History] [-NonInteractive] [-NoLogo]\n"
         "               [-NoProfile] [-Help] [-Version]\n"
         "               [-MaxSeconds <n>] [-MaxSteps <n>] [-MaxItems <n>] [-MaxMemoryMB <n>]")

#: (canonical name, takes a value); order decides nothing — prefixes must be unique.
OPTIONS: Tuple[Tuple[str, bool], ...] = (
    ("Command", True), ("File", True), ("NonInteractive", False), ("NoLogo", False),
    ("NoProfile", False), ("ExchangeVersion", True), ("Help", False), ("ExecutionPolicy", True),
    ("InputFormat", True), ("OutputFormat", True), ("NoExit", False), ("CheckSyntax", True),
    ("DriveRoot", True), ("Organization", True), ("State", True), ("Version", False),
    ("Console", True), ("PredictionSource", True), ("Fresh", False), ("World", True),
    ("MaxSeconds", True), ("MaxSteps", True), ("MaxItems", True), ("MaxMemoryMB", True),
)
#: Short forms pwsh defines explicitly (they win over prefix matching).
SHORT = {"c": "Command", "f": "File", "?": "Help", "h": "Help", "ep": "ExecutionPolicy",
         "noni": "NonInteractive", "nol": "NoLogo", "nop": "NoProfile", "v": "Version"}


class UsageError(Exception):
    pass


class Options:
    def __init__(self) -> None:
        self.command: Optional[str] = None
        self.file: Optional[str] = None
        self.args: List[str] = []
        self.non_interactive = False
        self.no_logo = False
        self.version = "2010"
        self.help = False
        self.show_version = False                 # -Version / --version (pwsh: prints it)
        self.console: Optional[str] = None        # -Console: Classic | PSReadLine (None: the version's)
        self.prediction = "None"                  # -PredictionSource: None | History
        self.check_syntax: List[str] = []
        self.drive_root: Optional[str] = None
        self.organization: Optional[str] = None   # -Organization FILE (TOML definition)
        self.state: Optional[str] = None          # -State FILE (the world's database)
        self.world: Optional[str] = None          # -World NAME (one of the user's worlds)
        self.fresh = False                        # -Fresh (a throwaway world in memory)
        #: -MaxSeconds/-MaxSteps/-MaxItems/-MaxMemoryMB (engine/budget.py); unset: no limit.
        self.budget: dict = {}


def _resolve(word: str) -> Tuple[str, bool]:
    name = word.lstrip("-\u2013\u2014\u2015/") if word[:1] in "-\u2013\u2014\u2015" else word
    folded = name.casefold()
    for short, canonical in SHORT.items():
        if folded == short:
            return canonical, dict(OPTIONS)[canonical]
    matches = [(n, v) for n, v in OPTIONS if n.casefold().startswith(folded)] if folded else []
    exact = [(n, v) for n, v in matches if n.casefold() == folded]
    if exact:
        return exact[0]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UsageError("exshell: unknown option '%s'." % word)
    raise UsageError("exshell: option '%s' is ambiguous: %s." % (word, ", ".join("-" + n for n, _ in matches)))


def _choice(option: str, value: str, allowed: Sequence[str]) -> str:
    """``value`` spelled as in ``allowed`` (any case), else a usage error."""
    for name in allowed:
        if name.casefold() == value.casefold():
            return name
    raise UsageError("exshell: -%s must be one of %s, not '%s'." % (option, ", ".join(allowed), value))


#: Budget options -> Budget.from_options keywords.
_BUDGET_OPTIONS = {"MaxSeconds": "max_seconds", "MaxSteps": "max_steps", "MaxItems": "max_items",
                   "MaxMemoryMB": "max_memory_mb"}


def _limit(option: str, value: str):
    """A budget option's value: a positive number (whole, except for seconds and MB)."""
    try:
        number = float(value) if option in ("MaxSeconds", "MaxMemoryMB") else int(value)
    except ValueError:
        number = None
    if number is None or not 0 < number < float("inf"):
        raise UsageError("exshell: -%s must be a positive %s, not '%s'."
                         % (option, "number" if option in ("MaxSeconds", "MaxMemoryMB")
                            else "whole number", value))
    return number


def parse_args(argv: Sequence[str]) -> Options:
    opts = Options()
    i = 0
    argv = list(argv)
    while i < len(argv):
        word = argv[i]
        if word[:1] in "-\u2013\u2014\u2015" and len(word) > 1:
            name, takes_value = _resolve(word)
            if takes_value:
                if i + 1 >= len(argv):
                    raise UsageError("exshell: missing value for option '-%s'." % name)
                value = argv[i + 1]
                i += 2
                if name == "Command":
                    # Everything after -Command is the command text, as in powershell.exe.
                    opts.command = " ".join([value] + argv[i:])
                    return _check_world_options(opts)
                if name == "File":
                    opts.file = value
                    opts.args = argv[i:]
                    return _check_world_options(opts)
                if name == "CheckSyntax":
                    # Every following argument is a file to check.
                    opts.check_syntax = [value] + argv[i:]
                    return opts
                if name == "DriveRoot":
                    opts.drive_root = value
                if name == "Organization":
                    opts.organization = value
                if name == "State":
                    opts.state = value
                if name == "World":
                    opts.world = value
                if name == "Console":
                    from .profiles import CONSOLES
                    opts.console = _choice(name, value, CONSOLES)
                if name in _BUDGET_OPTIONS:
                    opts.budget[_BUDGET_OPTIONS[name]] = _limit(name, value)
                if name == "PredictionSource":
                    opts.prediction = _choice(name, value, ("None", "History"))
                if name == "ExchangeVersion":
                    from .profiles import PROFILES, get_profile, versions_help
                    try:
                        row = get_profile(value)
                    except KeyError:
                        raise UsageError("exshell: -ExchangeVersion must be one of %s, not '%s'."
                                         % (versions_help(), value)) from None
                    # A bare version stays bare (its latest row); an update names its row.
                    opts.version = row.version if PROFILES[row.version] is row and \
                        value.strip().isdigit() else row.name
                continue
            if name == "NonInteractive":
                opts.non_interactive = True
            elif name == "NoLogo":
                opts.no_logo = True
            elif name == "Help":
                opts.help = True
            elif name == "Version":
                opts.show_version = True
            elif name == "Fresh":
                opts.fresh = True
            i += 1
            continue
        # The first plain argument is a script file, the rest its arguments.
        opts.file = word
        opts.args = argv[i + 1:]
        return _check_world_options(opts)
    return _check_world_options(opts)


def _check_world_options(opts: Options) -> Options:
    chosen = [n for n, v in (("-State", opts.state), ("-World", opts.world), ("-Fresh", opts.fresh)) if v]
    if len(chosen) > 1:
        raise UsageError("exshell: give one of -State, -World and -Fresh, not %s." % " and ".join(chosen))
    return opts


def _banner(shell) -> str:
    """exshell's lines, the world in use, then the version's EMS start (exshell.ems)."""
    from .ems import banner_text
    from .worlds import banner_lines
    return banner_text(shell.profile, _local_fqdn(shell.world), shell.context.clock.now(),
                       banner_lines(shell.world))


def _local_fqdn(world) -> str:
    """The FQDN the shell "connects to", without building the organisation (start-up
    stays quick): the built one's, else the world file's row, else the built-in one's."""
    import sqlite3
    if world.organization_built:
        server = world.organization.local_server
        if server is not None:
            return server.fqdn
    try:
        row = world.store.conn.execute(
            "SELECT local_server, domain FROM organization WHERE id = 1").fetchone()
    except (AttributeError, sqlite3.Error):
        row = None
    if row and row[0] and row[1]:
        return "%s.%s" % (row[0], row[1])
    return "EX01.contoso.com"


def check_syntax(files: Sequence[str], version: str = "2010") -> int:
    """Parse each file and print every parse error as PowerShell shows it (the file,
    line and column, the line with its marker, the message).  0 when all parse."""
    from .engine.error_view import position_lines
    from .engine.errors import InvocationInfo
    from .lang import ParseError, parse
    from .lang.source import decode_script
    from .profiles import get_profile
    dialect = get_profile(version).dialect
    failed = 0
    for name in files:
        try:
            from .exchange.hostfile import read_host_file
            text = decode_script(read_host_file(name))
        except OSError as e:
            sys.stderr.write("%s: cannot read the file: %s\n" % (name, e.strerror or e))
            failed += 1
            continue
        try:
            parse(text, file=name)
        except ParseError as e:
            failed += 1
            for issue in e.issues:
                pos = position_lines(InvocationInfo(None, text, name, issue.span, issue.span.start),
                                     dialect)
                lines = ([issue.message] + pos) if dialect.parse_message_first else (pos + [issue.message])
                sys.stdout.write("\n".join(lines) + "\n\n")
        except Exception as e:  # a parser bug: report it, never a traceback
            failed += 1
            sys.stdout.write("%s: internal parser error (%s: %s)\n\n" % (name, type(e).__name__, e))
    return 0 if failed == 0 else 1


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] == "lab":   # issue 7: exshell lab list|start|check|validate|report
        from .labs.cli import main as lab_main
        return lab_main(argv[1:], in_program=_program)
    if argv and argv[0] == "replica":   # issue 18: exshell replica script|import
        from .replica.cli import main as replica_main
        return replica_main(argv[1:])
    if argv and argv[0] == "serve":     # issue 15: exshell serve -Roster class.toml
        from .serve.cli import main as serve_main
        return serve_main(argv[1:])
    if argv and argv[0] == "world":     # issue 13: exshell world list|reset|export|import
        from .worlds import main as world_main
        return world_main(argv[1:])
    try:
        opts = parse_args(argv)
    except UsageError as e:
        sys.stderr.write("%s\n%s\nRun 'exshell -Help' for the options.\n" % (e, USAGE))
        return 2
    if opts.help:
        from .profiles import versions_help
        sys.stdout.write(USAGE + "\n\n" + __doc__.split("\n\n", 1)[1] + "\n"
                         "Exchange versions (-ExchangeVersion, 'version' in organisation and lab files;\n"
                         "a bare version means its latest update): %s\n" % versions_help())
        return 0
    if opts.show_version:
        from . import __version__
        sys.stdout.write("exshell %s\n" % __version__)
        return 0
    if opts.check_syntax:
        return check_syntax(opts.check_syntax, opts.version)
    import gc
    # The program's start-up only allocates what it keeps (modules, the world, the
    # shell): no collection could free anything, so the collector waits until the
    # shell is set up (interactive: until its first prompt), and then leaves what
    # start-up built alone (gc.freeze).
    collector_off = _program and gc.isenabled()
    if collector_off:
        gc.disable()
    try:
        return _run_shell(opts)
    finally:
        if collector_off and not gc.isenabled():
            gc.enable()


def _run_shell(opts: "Options") -> int:
    import gc
    from .host import ConsoleHost
    from .shell import Shell, environment_overrides
    host = ConsoleHost(interactive=not opts.non_interactive)
    from .exchange.errors import WorldFileError
    from .worlds import open_shell_world
    sources = environment_overrides()
    if opts.drive_root and os.path.lexists(opts.drive_root) and not os.path.isdir(opts.drive_root):
        sys.stderr.write("exshell: %s: -DriveRoot must name a folder (it is a file or a device)\n"
                         % opts.drive_root)
        return 2
    try:
        world = open_shell_world(version=opts.version, organization_file=opts.organization,
                                 state=opts.state, world=opts.world, fresh=opts.fresh,
                                 sources=sources)
        shell = Shell(world.profile.name, host=host, clock=world.clock, world=world,
                      organization_file=opts.organization, state_file=opts.state, **{
                          k: v for k, v in sources.items() if k != "clock"})
    except WorldFileError as e:
        sys.stderr.write("exshell: %s\n" % e)
        return 1
    for notice in world.notices:
        sys.stderr.write(notice + "\n")
    interactive = opts.command is None and opts.file is None and sys.stdin.isatty() \
        and sys.stdout.isatty()
    if _program and not gc.isenabled() and not interactive:
        _settle()
    try:
        if opts.budget:
            from .engine.budget import Budget
            shell.budget = Budget.from_options(**opts.budget)
        if opts.drive_root:
            shell.drive_root = os.path.abspath(opts.drive_root)
        if opts.command is not None:
            if opts.command.strip() == "-":
                text = sys.stdin.read()
                host.stdin = open(os.devnull) if not sys.stdin.isatty() else sys.stdin
            else:
                text = opts.command
            result = shell.run(text)
            if result.exit_code is not None:
                return result.exit_code
            return 0 if result.success else 1
        if opts.file is not None:
            result = shell.run_file(opts.file, opts.args)
            if result.exit_code is not None:
                return result.exit_code
            return 0 if result.success else 1
        if not sys.stdin.isatty():
            # Commands piped in: run them as one script, like "powershell -Command -"
            # (with -NonInteractive too: only a prompt then fails).
            text = sys.stdin.read()
            host.stdin = open(os.devnull)
            result = shell.run(text)
            return result.exit_code if result.exit_code is not None else (0 if result.success else 1)
        if sys.stdin.isatty() and sys.stdout.isatty():
            from .repl import run_repl  # prompt_toolkit is imported only here
            from .engine.psreadline import PSReadLineOptions
            options = PSReadLineOptions()
            options.PredictionSource = opts.prediction
            # The REPL's set-up (prompt_toolkit's import, the console) only allocates
            # what it keeps too: the collector waits for the first prompt.
            return run_repl(shell, None if opts.no_logo else _banner(shell),
                            console=opts.console, options=options,
                            ready=_settle if _program and not gc.isenabled() else None)
        from .repl.plain import run_plain
        return run_plain(shell, None if opts.no_logo else _banner(shell))
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return 1
    except BrokenPipeError:
        return 0
    finally:
        shell.close()


def _settle() -> None:
    """Start-up is over: what it built stays (gc.freeze: the collector never scans it
    again), and the collector runs from now on."""
    import gc
    gc.freeze()
    gc.enable()


#: True when :func:`run` (the program) called :func:`main` (tests call main itself).
_program = False


def run() -> None:
    """The ``exshell`` program (and ``python -m exshell``): :func:`main`, then leave at
    once.  Start-up runs without the cyclic garbage collector (it only allocates what
    is kept; collecting cost a tenth of a short command) until the shell is set up.
    Everything a shell keeps is committed and closed when :func:`main` returns (each
    command commits; ``shell.close()`` closes the world), so tearing the interpreter
    down -- freeing every object of the grammar, the model and the modules, a third
    of a short command's time -- would change nothing: the output is flushed and the
    process ends."""
    global _program
    _program = True
    code = main()
    code = code if isinstance(code, int) else 1
    if sys.gettrace() is not None or sys.getprofile() is not None:
        sys.exit(code)      # a profiler or coverage tool writes its results at exit
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):   # a closed pipe (| head): nothing more to say
            pass
    os._exit(code)
