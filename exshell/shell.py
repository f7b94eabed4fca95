"""The Shell: one emulated Exchange Management Shell session.

It wires the pieces together: the version profile and the Exchange organisation
(``exshell.exchange``), the engine's session and evaluator, the command table
(``exshell.cmdlets``) and the implicit formatter at the end of every run
(``exshell.format``).  ``Shell.run(text)`` is the one entry point the command line,
the REPL and the tests use; it never raises for anything a user can type.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, List, Optional

from .engine.errors import ErrorRecord, ExitSignal, InvocationInfo, ScriptTerminatingError, TerminatingError
from .engine.evaluator import Evaluator
from .engine.host import Host
from .engine.session import Session
from .lang.errors import IncompleteInput, ParseError

__all__ = ["Shell", "RunResult", "EMS_PROMPT"]

EMS_PROMPT = "[PS] %s>"


@dataclass
class RunResult:
    """What one ``Shell.run`` did: the objects that reached Out-Default, the errors
    shown, whether everything went well, and the exit code ``exit`` asked for."""

    output: List[Any] = field(default_factory=list)
    errors: List[ErrorRecord] = field(default_factory=list)
    success: bool = True
    exit_code: Optional[int] = None
    incomplete: bool = False


class Shell:
    def __init__(self, version: str = "2010", *, host: Optional[Host] = None,
                 clock: Any = None, key_source: Any = None, serials: Any = None,
                 organization: Any = None, request_ids: Any = None,
                 organization_file: Optional[str] = None, state_file: Optional[str] = None):
        from .profiles import get_profile
        from . import cmdlets  # noqa: F401  (registers every cmdlet)
        self.profile = get_profile(version)
        self.version = self.profile.version
        if host is None:
            from .host import ConsoleHost
            host = ConsoleHost()
        self.host = host
        if clock is None:
            from .exchange.clock import Clock
            clock = Clock()
        self.clock = clock
        self._key_source = key_source
        self._serials = serials
        self._organization = organization
        #: RequestId GUIDs of the 2013+ error stamp (tests pass a SeededRequestIds).
        self._request_ids = request_ids
        #: -Organization FILE (a TOML definition) and -State FILE (saved world).
        self.organization_file = organization_file
        self.state_file = state_file
        self._state = None
        if organization_file is not None or state_file is not None:
            self._open_world(version)
        self.location = "C:\\Windows\\system32"
        self.session = Session(host, profile=self.profile,
                               now=self.clock.now, app=self,
                               static_hooks={"System.DateTime": self._datetime_static,
                                             "System.IO.File": self._file_static,
                                             "System.Text.Encoding": self._file_static,
                                             "env": self._env, "pwd": lambda *a: self.location,
                                             "script-file": self._script_file})
        self.evaluator = Evaluator(self.session)
        #: Called with the text of every run() (a lab records the commands typed).
        self.input_listeners: List[Callable[[str], None]] = []
        #: Python exceptions the safety net in run() caught (tests assert it stays empty).
        self.internal_errors: List[BaseException] = []
        self.env = {"COMPUTERNAME": "EX01", "USERNAME": "Administrator", "USERDOMAIN": "CONTOSO",
                    "SystemRoot": "C:\\Windows", "windir": "C:\\Windows", "TEMP": "C:\\Windows\\TEMP",
                    "ExchangeInstallPath": "C:\\Program Files\\Microsoft\\Exchange Server\\V14\\"}
        if self._organization is not None and self._organization.local_server is not None:
            self._adopt_organization()

    def set_host(self, host: Host) -> None:
        """Hand the shell to another host (the REPL's, say)."""
        self.host = host
        self.session.host = host

    @property
    def organization_built(self) -> bool:
        """Whether the organisation exists yet (reading ``organization`` builds it)."""
        return self._organization is not None

    # -- lazily built organisation (keeps cryptography off the start-up path) ------------
    @property
    def organization(self):
        if self._organization is None:
            from .exchange.organization import default_organization
            self._organization = default_organization(
                self.version, clock=self.clock, key_source=self._key_source, serials=self._serials)
            self._adopt_organization()
        return self._organization

    def _adopt_organization(self) -> None:
        server = self._organization.local_server
        self.env["COMPUTERNAME"] = server.name.upper()
        self.session.error_style.computer_name = server.fqdn

    def _open_world(self, version: Any) -> None:
        """Build the organisation from -Organization / -State (raises
        ``exshell.exchange.errors.WorldFileError`` with a user-facing message)."""
        from .exchange.state import open_world
        world = open_world(definition=self.organization_file, state=self.state_file,
                           version=version,
                           clock=self.clock, key_source=self._key_source, serials=self._serials)
        self._organization = world.organization
        self._state = world.state
        self.clock = world.organization.clock
        self.profile = world.organization.profile
        self.version = self.profile.version

    def save_state(self) -> None:
        """Write the -State file if the world changed (atomically; see exchange.state)."""
        if self._state is not None and self._organization is not None:
            try:
                self._state.save_if_changed(self._organization)
            except OSError as e:   # disk full, folder gone...: say so, keep the session
                record = ErrorRecord("exshell could not save the state file '%s': %s"
                                     % (self._state.path, e.strerror or e), "StateFileSaveFailed",
                                     "WriteError", exception_type="System.IO.IOException")
                self.session.add_error(record)
                self.session.display_error(record)

    def close(self) -> None:
        """Release the -State file's lock (the process ending does it too)."""
        if self._state is not None:
            self._state.close()

    def server_stamp(self, server: Optional[str], reason: str) -> str:
        """The 2013+ ``[Server=...,RequestId=...,TimeStamp=...] [FailureCategory=...]``
        prefix of a remote error's FQID."""
        from .exchange.stamps import RandomRequestIds, server_stamp
        if self._request_ids is None:
            self._request_ids = RandomRequestIds()
        name = server or (self.organization.local_server.name if self.organization.local_server
                          else "EX01")
        return server_stamp(name, self._request_ids.next(), self.clock.now(), reason)

    # -- the emulated file system (issue 4; exshell/drive.py) ---------------------------------
    _drive = None
    _drive_root: Optional[str] = None

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
        self._drive = None

    @property
    def drive(self):
        """The :class:`exshell.drive.Drive` (built on first use)."""
        if self._drive is None:
            from .drive import Drive
            self._drive = Drive(self.drive_root)
        return self._drive

    def _script_file(self, action: str, name: str, value: Any) -> Any:
        """Find and parse a ``.ps1`` on the emulated drive (``.\\x.ps1``, ``& C:\\s\\x.ps1``).
        Returns the Script, None when there is no such file; a parse error in the file is
        reported as PowerShell does, with the file's own positions."""
        if not any(c in name for c in "\\/:") and not name.startswith("."):
            return None  # a bare name is not looked up in the current folder
        try:
            path = self.drive.resolve(name, self.location)
            if not path.is_file:
                return None
            text = self.drive.read_bytes(path).decode("utf-8-sig", errors="replace")
        except OSError:
            return None
        try:
            return self._parse_safely(text, path.text)
        except ParseError as e:
            raise TerminatingError(ErrorRecord(
                e.first.message, e.first.error_id, "ParserError",
                exception_type="System.Management.Automation.ParseException",
                invocation=InvocationInfo(None, text, path.text, e.first.span, e.first.span.start),
                parse_issues=e.issues))

    def _file_static(self, full: str, name: str, args: Any) -> Any:
        from .cmdlets.filesystem import encoding_static, file_static
        if full == "System.Text.Encoding":
            return encoding_static(name, args)
        return file_static(self, name, args)

    def _datetime_static(self, full: str, name: str, args: Any) -> Any:
        n = name.casefold()
        if args is None and n == "now":
            return self.clock.now()
        if args is None and n == "today":
            return self.clock.now().replace(hour=0, minute=0, second=0, microsecond=0)
        if args is None and n == "utcnow":
            return self.clock.now()
        from .engine.dotnet import TypeInfo, static_member
        hooks = dict(self.session.static_hooks)
        hooks.pop("System.DateTime", None)
        return static_member(TypeInfo(full), name, args, hooks)

    def _env(self, action: str, name: str, value: Any) -> Any:
        for key in list(self.env):
            if key.casefold() == name.casefold():
                if action == "set":
                    self.env[key] = value
                return self.env[key]
        if action == "set":
            self.env[name] = value
        return None

    # -- prompts ----------------------------------------------------------------------------
    def prompt(self) -> str:
        return EMS_PROMPT % self.location

    # -- running ----------------------------------------------------------------------------
    def parse(self, text: str, file: Optional[str] = None):
        from .lang import parse
        return parse(text, file=file)

    def run(self, text: str, *, file: Optional[str] = None, args: Optional[List[Any]] = None,
            out: Optional[Callable[[Any], None]] = None) -> RunResult:
        """Run one input (a REPL entry, a ``-Command`` string or a whole script file).

        Output goes through Out-Default to the host unless ``out`` collects it."""
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
            self._report_parse_error(e, text, file)
            result.success = False
            result.errors = session.errors[: len(session.errors) - errors_before]
            return result
        except ParseError as e:
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
        try:
            self.evaluator.run(script, sink, args=args or [], new_scope=file is not None)
        except ScriptTerminatingError as e:
            session.add_error(e.record) if e.record not in session.errors else None
            session.last_success = False
            self._flush(formatter)
            formatter = None
            session.display_error(e.record)
        except ExitSignal as e:
            result.exit_code = e.code
            session.last_exit_code = e.code
        except KeyboardInterrupt:
            self._flush(formatter)
            formatter = None
            session.last_success = False
            session.had_error = True
            self.host.write_line("")
        except RecursionError:
            record = ErrorRecord("The script failed due to call depth overflow.", "CallDepthOverflow",
                                 "InvalidOperation",
                                 exception_type="System.Management.Automation.ScriptCallDepthException")
            session.add_error(record)
            self._flush(formatter)
            formatter = None
            session.display_error(record)
        except Exception as e:  # the last safety net: never a Python traceback
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
            with open(path, "r", encoding="utf-8-sig") as fh:
                text = fh.read()
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
