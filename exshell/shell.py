"""The Shell: one emulated Exchange Management Shell session.

It wires the pieces together: the version profile and the Exchange organisation
(``exshell.exchange``), the engine's session and evaluator, the command table
(``exshell.cmdlets``) and the implicit formatter at the end of every run
(``exshell.format``).  ``Shell.run(text)`` is the one entry point the command line,
the REPL and the tests use; it never raises for anything a user can type.
"""
from __future__ import annotations

from typing import Any, Callable, List, Optional

from .structs import Struct, factory
from .engine.context import ExecutionContext
from .engine.errors import ErrorRecord, ExitSignal, InvocationInfo, ScriptTerminatingError, TerminatingError
from .engine.budget import Budget, BudgetExceeded
from .engine.host import Host
from .exchange.errors import WorldFileError
from .lang.errors import IncompleteInput, ParseError
from .lang.source import decode_script
from .profiles import DEFAULT_VERSION

__all__ = ["Shell", "RunResult", "EMS_PROMPT", "environment_overrides", "budget_record"]

EMS_PROMPT = "[PS] %s>"

#: ``$env:`` of the emulated server (COMPUTERNAME follows the local server).
DEFAULT_ENVIRONMENT = {
    "COMPUTERNAME": "EX01", "USERNAME": "Administrator", "USERDOMAIN": "CONTOSO",
    "SystemRoot": "C:\\Windows", "windir": "C:\\Windows", "TEMP": "C:\\Windows\\TEMP",
    "ExchangeInstallPath": "C:\\Program Files\\Microsoft\\Exchange Server\\V14\\"}


def budget_record(error: BudgetExceeded) -> ErrorRecord:
    """A run stopped by its budget, as PowerShell reports a stopped pipeline."""
    return ErrorRecord(error.message, "ScriptBudgetExceeded", "OperationStopped",
                       exception_type="System.Management.Automation.PipelineStoppedException")


class RunResult(Struct):
    """What one ``Shell.run`` did: the objects that reached Out-Default, the errors
    shown, whether everything went well, and the exit code ``exit`` asked for."""

    output: List[Any] = factory(list)
    errors: List[ErrorRecord] = factory(list)
    success: bool = True
    exit_code: Optional[int] = None
    incomplete: bool = False
    #: A terminating error (or a parse error) ended it: Get-History says "Failed".
    failed: bool = False
    #: Ctrl-C stopped it: Get-History says "Stopped".
    stopped: bool = False


class Shell:
    """One shell: the wiring of an execution context, an Exchange world and a drive.

    ``Shell.run`` is the one entry point.  Commands never call back into the shell:
    they reach what it wired through ``self.context`` (see docs/architecture.md).
    """

    def __init__(self, version: Any = DEFAULT_VERSION, *, host: Optional[Host] = None,
                 clock: Any = None, key_source: Any = None, serials: Any = None,
                 organization: Any = None, request_ids: Any = None,
                 organization_file: Optional[str] = None, state_file: Optional[str] = None,
                 world: Any = None):
        # exshell.cmdlets registers every cmdlet, provider, static member and .NET type
        # family: imported when the engine first looks one up (not to show a prompt).
        from .engine.statics import add_index
        add_index("exshell.cmdlets")
        from .exchange.world import ExchangeWorld
        from .profiles import get_profile
        profile = get_profile(version)
        if host is None:
            from .host import ConsoleHost
            host = ConsoleHost()
        if clock is None:
            from .exchange.clock import Clock
            clock = Clock()
        #: -Organization FILE (a TOML definition) and -State FILE (the world's database).
        self.organization_file = organization_file
        self.state_file = state_file
        if world is not None:              # the command line chose it (exshell/worlds.py)
            pass
        elif organization_file is not None or state_file is not None:
            world = ExchangeWorld.open(definition=organization_file, state=state_file,
                                       version=version, clock=clock, key_source=key_source,
                                       serials=serials, request_ids=request_ids)
        else:                              # a throwaway world in memory
            world = ExchangeWorld(profile, clock, key_source=key_source, serials=serials,
                                  request_ids=request_ids, organization=organization)
        #: The Exchange organisation and what goes with it (registered in the context).
        self.world = world
        #: What every command reaches (exshell.engine.context.ExecutionContext).
        self.context = ExecutionContext(host, world.profile, clock=world.clock,
                                        environment=dict(DEFAULT_ENVIRONMENT))
        self.context.register(world)
        # The world keeps what each command changed: the engine says when (see _WorldCommands).
        self.context.command_observers.append(_WorldCommands(world))
        world.adopted.append(self._adopt_organization)
        world.adopt_existing()
        # [System.Net.Dns] and $Host name the local server by its FQDN (built on demand).
        self.session.local_fqdn = self._local_fqdn
        #: Called with the text of every run() (a lab records the commands typed).
        self.input_listeners: List[Callable[[str], None]] = []
        #: Called with the text and the RunResult when a run() ends (a lab's command log).
        self.result_listeners: List[Callable[[str, "RunResult"], None]] = []
        #: Called before the interactive shells show the prompt (a class server's
        #: notices: "10 minutes left").
        self.prompt_listeners: List[Callable[[], None]] = []
        #: Python exceptions the safety net in run() caught (tests assert it stays empty).
        self.internal_errors: List[BaseException] = []
        self._drive_root: Optional[str] = None
        self._register_drive()

    # -- what the shell wired, for the CLI, the REPL, labs and tests ---------------------
    @property
    def profile(self) -> Any:
        return self.context.profile

    @property
    def version(self) -> str:
        return self.context.profile.version

    @property
    def host(self) -> Host:
        return self.context.host

    def set_host(self, host: Host) -> None:
        """Hand the shell to another host (the REPL's, say)."""
        self.context.host = host

    @property
    def clock(self) -> Any:
        return self.context.clock

    @property
    def location(self) -> str:
        return self.context.location

    @location.setter
    def location(self, value: str) -> None:
        self.context.location = value

    @property
    def env(self) -> Any:
        """``$env:`` (a case-insensitive dict)."""
        return self.context.environment

    @property
    def session(self) -> Any:
        return self.context.session

    @property
    def evaluator(self) -> Any:
        return self.context.evaluator

    @property
    def budget(self) -> Budget:
        """The limits every run of this shell is held to (engine/budget.py): by default
        only the memory-safety size caps; the grader, lab checks and the CLI options
        (-MaxSeconds, -MaxSteps, -MaxItems, -MaxMemoryMB) set stopping limits."""
        return self.context.budget

    @budget.setter
    def budget(self, value: Budget) -> None:
        self.context.budget = value

    @property
    def organization_built(self) -> bool:
        """Whether the organisation exists yet (reading ``organization`` builds it)."""
        return self.world.organization_built

    @property
    def organization(self) -> Any:
        """The Exchange organisation (built on first use: keeps cryptography off the
        start-up path)."""
        return self.world.organization

    def _local_fqdn(self) -> Optional[str]:
        server = self.organization.local_server
        return server.fqdn if server is not None else None

    def _adopt_organization(self, organization: Any) -> None:
        """An organisation was built, opened or replaced: follow its clock and local server."""
        self.context.clock = organization.clock
        server = organization.local_server
        if server is not None:
            self.context.environment.set_value("COMPUTERNAME", server.name.upper())
            self.session.error_style.computer_name = server.fqdn

    def save_state(self) -> None:
        """Keep what was changed outside any command (a lab's own code, a test): each
        command commits its own changes as it completes."""
        from .exchange.errors import WorldFileError
        try:
            self.world.commit()
        except WorldFileError as e:   # disk full, folder gone...: say so, keep the session
            record = world_error_record(e)
            self.context.add_error(record)
            self.context.display_error(record)

    def close(self) -> None:
        """Keep what is pending and close the world (the process ending does it too)."""
        from .exchange.errors import WorldFileError
        try:
            self.world.close()
        except WorldFileError as e:
            self.context.display_error(world_error_record(e))

    # -- the emulated file system (exshell/drive.py) ----------------------------------------
    @property
    def drive_root(self) -> str:
        """The real folder behind C:\\ (``-DriveRoot``; default: a per-user folder)."""
        if self._drive_root is None:
            from .drive import default_root
            self._drive_root = default_root()
        return self._drive_root

    @drive_root.setter
    def drive_root(self, value: Optional[str]) -> None:
        self._drive_root = value
        self._register_drive()

    @property
    def drive(self) -> Any:
        """The :class:`exshell.drive.Drive` the FileSystem provider works on."""
        from .drive import Drive
        return self.context.find(Drive)

    def _register_drive(self) -> None:
        """The drive is built when a command first needs it (start-up imports nothing
        of the file system)."""
        context = self.context

        def build() -> Any:
            from .drive import Drive
            return Drive(self.drive_root, now=lambda: context.clock.now())
        context.register_lazy("exshell.drive.Drive", build)

    def reset_drive(self) -> None:
        """Empty the drive's folder (a lab going back to its start); the initial
        folders come back on next use."""
        import os
        import shutil
        root = self.drive_root
        if os.path.isdir(root):
            for name in os.listdir(root):
                target = os.path.join(root, name)
                if os.path.isdir(target) and not os.path.islink(target):
                    shutil.rmtree(target, ignore_errors=True)
                else:
                    try:
                        os.remove(target)
                    except OSError:
                        pass
        self._register_drive()

    # -- prompts ----------------------------------------------------------------------------
    def prompt(self) -> str:
        return EMS_PROMPT % self.context.location

    def before_prompt(self) -> None:
        """The interactive shells are about to show the prompt: tell the listeners."""
        for listener in list(self.prompt_listeners):
            listener()

    # -- running ----------------------------------------------------------------------------
    def parse(self, text: str, file: Optional[str] = None):
        return self.context.parse(text, file)

    def run(self, text: str, *, file: Optional[str] = None, args: Optional[List[Any]] = None,
            out: Optional[Callable[[Any], None]] = None) -> RunResult:
        """Run one input (a REPL entry, a ``-Command`` string or a whole script file).

        Output goes through Out-Default to the host unless ``out`` collects it."""
        result = None
        try:
            result = self._run(text, file, args, out)
        finally:
            if self.result_listeners:
                ended = result if result is not None else RunResult(success=False, stopped=True)
                for listener in list(self.result_listeners):
                    listener(text, ended)
        return result

    def _run(self, text: str, file: Optional[str], args: Optional[List[Any]],
             out: Optional[Callable[[Any], None]]) -> RunResult:
        result = RunResult()
        session = self.session
        for listener in list(self.input_listeners):
            listener(text)
        errors_before = len(session.errors)
        session.had_error = False
        try:
            script = self._parse_safely(text, file)
        except IncompleteInput as e:
            result.incomplete = True
            result.failed = True
            self._report_parse_error(e, text, file)
            result.success = False
            result.errors = session.errors[: len(session.errors) - errors_before]
            return result
        except ParseError as e:
            result.failed = True
            self._report_parse_error(e, text, file)
            result.success = False
            result.errors = session.errors[: len(session.errors) - errors_before]
            return result

        formatter = None
        if out is None:
            from .format.errors import FormatError
            from .format.out_default import OutDefault
            formatter = OutDefault(self.host.width, self.profile.dialect.name)

            def sink(obj: Any) -> None:
                result.output.append(obj)
                try:
                    lines = formatter.add(obj)
                except FormatError as e:
                    raise TerminatingError(ErrorRecord(
                        e.message, e.error_id, e.category,
                        exception_type="System.InvalidOperationException",
                        activity="Out-Default",
                        fqid_command="Microsoft.PowerShell.Commands.OutLineOutputCommand"))
                for warning in formatter.take_warnings():
                    self.host.write_warning(warning)   # columns that did not fit
                if lines:
                    self.host.write_lines(lines)
        else:
            def sink(obj: Any) -> None:
                result.output.append(obj)
                out(obj)
        budget = self.context.budget
        budget.start()          # steps, time and memory count from here (engine/budget.py)
        try:
            with budget.watchdog():     # stops one long operation too (a backtracking regex)
                self.evaluator.run(script, sink, args=args or [], new_scope=file is not None)
        except BudgetExceeded as e:
            record = budget_record(e)
            session.add_error(record)
            session.last_success = False
            session.had_error = True
            self._flush(formatter)
            formatter = None
            session.display_error(record)
        except ScriptTerminatingError as e:
            result.failed = True
            session.add_error(e.record) if e.record not in session.errors else None
            session.last_success = False
            self._flush(formatter)
            formatter = None
            session.display_error(e.record)
        except ExitSignal as e:
            result.exit_code = e.code
            session.last_exit_code = e.code
        except KeyboardInterrupt:
            result.stopped = True
            self._flush(formatter)
            formatter = None
            session.last_success = False
            session.had_error = True
            self.host.write_line("")
        except RecursionError:
            result.failed = True
            record = ErrorRecord("The script failed due to call depth overflow.", "CallDepthOverflow",
                                 "InvalidOperation",
                                 exception_type="System.Management.Automation.ScriptCallDepthException")
            session.add_error(record)
            self._flush(formatter)
            formatter = None
            session.display_error(record)
        except WorldFileError as e:   # the world file failed outside any command
            record = world_error_record(e)
            session.add_error(record)
            self._flush(formatter)
            formatter = None
            session.display_error(record)
        except MemoryError:       # the process is out of memory (an operation the budget
            result.failed = True  # could not foresee, or a limit set on the process)
            record = ErrorRecord("Exception of type 'System.OutOfMemoryException' was thrown.",
                                 "System.OutOfMemoryException", "OperationStopped",
                                 exception_type="System.OutOfMemoryException")
            session.add_error(record)
            self._flush(formatter)
            formatter = None
            session.display_error(record)
        except Exception as e:  # the last safety net: never a Python traceback
            result.failed = True
            self.internal_errors.append(e)
            record = ErrorRecord("exshell could not run this command because of an internal error "
                                 "(%s: %s). Please report it." % (type(e).__name__, e),
                                 "ExshellInternalError", "NotSpecified",
                                 exception_type="System.InvalidOperationException")
            session.add_error(record)
            try:
                self._flush(formatter)
            except Exception:
                pass
            formatter = None
            session.display_error(record)
        self._flush(formatter)
        self.save_state()
        result.errors = session.errors[: len(session.errors) - errors_before]
        result.success = not session.had_error
        return result

    def _parse_safely(self, text: str, file: Optional[str]):
        """Parse; a bug in the parser becomes a ParseError naming it, never a traceback."""
        try:
            return self.parse(text, file)
        except ParseError:
            raise
        except MemoryError:       # the process is out of memory (a session's own limit)
            from .lang.ast import Span
            from .lang.errors import ParseIssue
            issue = ParseIssue("OutOfMemory", "Exception of type 'System.OutOfMemoryException' "
                               "was thrown.", Span(0, 0, 1, 1))
            raise ParseError([issue], text, file) from None
        except Exception as e:
            from .lang.ast import Span
            from .lang.errors import ParseIssue
            self.internal_errors.append(e)
            issue = ParseIssue("ExshellInternalError",
                               "exshell could not parse this input because of an internal error "
                               "(%s: %s). Please report it." % (type(e).__name__, e),
                               Span(0, 0, 1, 1))
            raise ParseError([issue], text, file) from None

    def _flush(self, formatter: Any) -> None:
        if formatter is not None:
            lines = formatter.finish()
            for warning in formatter.take_warnings():
                self.host.write_warning(warning)
            if lines:
                self.host.write_lines(lines)

    def _report_parse_error(self, error: ParseError, text: str, file: Optional[str]) -> None:
        record = ErrorRecord(error.first.message, error.first.error_id, "ParserError",
                             exception_type="System.Management.Automation.ParseException",
                             invocation=InvocationInfo(None, text, file, error.first.span,
                                                       error.first.span.start),
                             parse_issues=error.issues)
        self.session.add_error(record)
        self.session.last_success = False
        self.session.display_error(record)

    def run_file(self, path: str, args: Optional[List[Any]] = None, display_name: Optional[str] = None) -> RunResult:
        """Run a script file from the host's file system (``exshell -File``)."""
        try:
            from .exchange.hostfile import read_host_file
            text = decode_script(read_host_file(path))     # never a FIFO (it would block)
        except OSError:
            record = ErrorRecord(
                "The term '%s' is not recognized as the name of a cmdlet, function, script file, or "
                "operable program. Check the spelling of the name, or if a path was included, verify "
                "that the path is correct and try again." % path, "CommandNotFoundException",
                "ObjectNotFound", exception_type="System.Management.Automation.CommandNotFoundException",
                target=path)
            self.session.add_error(record)
            self.session.display_error(record)
            return RunResult(success=False, errors=[record])
        return self.run(text, file=display_name or path, args=args)


def world_error_record(error: Exception) -> ErrorRecord:
    """A world file that could not be read or written, as the error the user sees."""
    text = str(error)
    reading = "damaged" in text or "could not read" in text or "not an exshell world" in text
    return ErrorRecord(text, "WorldStoreFailed", "ReadError" if reading else "WriteError",
                       exception_type="System.IO.IOException")


class _WorldCommands:
    """Tells the Exchange world about each cmdlet (a CommandObserver): before it, take
    in what other shells committed; after each step, and before the step hands an
    object on, commit what it changed; when it fails, undo; before the shell waits for
    the user, commit (the world's lock is never held while someone thinks)."""

    def __init__(self, world: Any):
        self.world = world

    def command_started(self, name: str) -> Optional[ErrorRecord]:
        from .exchange.errors import WorldFileError
        try:
            self.world.refresh()
        except WorldFileError as e:
            return world_error_record(e)
        return None

    def command_completed(self, name: str) -> Optional[ErrorRecord]:
        if not self.world.changing:        # nearly always: nothing to do, and fast
            return None
        from .exchange.errors import WorldFileError
        try:
            self.world.commit()
        except WorldFileError as e:
            return world_error_record(e)
        return None

    def command_failed(self, name: str, error: BaseException) -> Optional[ErrorRecord]:
        from .exchange.errors import WorldFileError
        try:
            self.world.rollback()
        except WorldFileError as e:
            return world_error_record(e)
        if isinstance(error, WorldFileError):
            return world_error_record(error)
        return None

    def command_output(self, name: str) -> None:
        if self.world.changing:       # what was done to make the object is kept
            self.world.commit()

    def waiting_for_input(self) -> None:
        self.world.commit()


def environment_overrides() -> dict:
    """Reproducible runs for tests and lab authors: ``EXSHELL_CLOCK`` (an ISO date and
    time) fixes the clock; ``EXSHELL_DETERMINISTIC=1`` takes every key from the lab key
    pool and numbers certificates serially, so thumbprints repeat from run to run."""
    import os
    import sys
    overrides: dict = {}
    clock = os.environ.get("EXSHELL_CLOCK")
    if clock:
        import datetime as _dt
        from .exchange.clock import FixedClock
        try:
            overrides["clock"] = FixedClock(_dt.datetime.fromisoformat(clock))
        except ValueError:
            sys.stderr.write("exshell: ignoring EXSHELL_CLOCK=%r (not an ISO date and time)\n" % clock)
    if os.environ.get("EXSHELL_DETERMINISTIC") == "1":
        from .exchange.keys import PoolKeySource, SeededSerials, extra_lab_keys_source
        overrides["key_source"] = PoolKeySource(fallback=extra_lab_keys_source())
        overrides["serials"] = SeededSerials("exshell")
    return overrides
