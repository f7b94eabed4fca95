"""Session state: variables and scopes, the command table, functions, the host,
``$Error`` and ``$?``, and how errors are reported.

One :class:`Session` lives inside each :class:`~exshell.engine.context.ExecutionContext`
(the engine's own state; everything outside the engine goes through the context).
How errors look comes from the profile (:class:`ErrorStyle`).
"""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional

from ..profiles import PROFILES, Dialect, Profile
from ..profiles import dialect as as_dialect
from .cmdlet import REGISTRY, CommandTable
from .errors import ErrorRecord, ScriptTerminatingError
from .host import Host
from .properties import PSHashtable

__all__ = ["Scope", "Session", "ErrorStyle", "AUTOMATIC_READONLY"]

AUTOMATIC_READONLY = {"true", "false", "null", "?", "$", "^", "pid", "host", "home", "pshome",
                      "psversiontable", "shellid"}


class Scope:
    """One variable scope; lookups walk to the parent.  Names are case-insensitive."""

    __slots__ = ("vars", "parent", "kind", "strict")

    def __init__(self, parent: Optional["Scope"] = None, kind: str = "local"):
        self.vars: Dict[str, List[Any]] = {}
        self.parent = parent
        self.kind = kind
        #: Set-StrictMode's version for this scope and its children (None: inherit).
        self.strict: Optional[int] = None

    def find(self, name: str) -> Optional[List[Any]]:
        key = name.casefold()
        scope: Optional[Scope] = self
        while scope is not None:
            entry = scope.vars.get(key)
            if entry is not None:
                return entry
            scope = scope.parent
        return None

    def set_local(self, name: str, value: Any) -> None:
        key = name.casefold()
        entry = self.vars.get(key)
        if entry is None:
            self.vars[key] = [name, value]
        else:
            entry[1] = value

    def set_typed(self, name: str, value: Any, constraint: Any) -> None:
        """A variable with a type constraint (``[int]$x = 5``, a typed parameter): later
        assignments in this scope convert to it (``constraint`` is a TypeInfo)."""
        self.vars[name.casefold()] = [name, value, constraint]

    def constraint(self, name: str) -> Any:
        """The type constraint of this scope's own variable ``name``, or None."""
        entry = self.vars.get(name.casefold())
        return entry[2] if entry is not None and len(entry) > 2 else None

    def remove(self, name: str) -> bool:
        return self.vars.pop(name.casefold(), None) is not None


class ErrorList(list):
    """``$Error``: an ArrayList, newest first, that scripts clear (``$Error.Clear()``)."""

    PS_TYPE_NAMES = ("System.Collections.ArrayList", "System.Object")

    def ps_method_Clear(self) -> None:
        self.clear()

    def ps_method_RemoveAt(self, index: Any) -> None:
        from .conversion import to_int
        i = to_int(index)
        if 0 <= i < len(self):
            del self[i]

    def ps_method_Remove(self, item: Any) -> None:
        for i, v in enumerate(self):
            if v is item:
                del self[i]
                return

    def ps_method_Contains(self, item: Any) -> bool:
        return any(v is item for v in self)


class ErrorStyle:
    """How error records are displayed: the dialect's markers and wording, and how
    errors that came back from a remote server look (``remote``: no position block;
    ``stamped``: the 2013+ ``[Server=...]`` stamp and a PSComputerName line)."""

    def __init__(self, dialect: Any = None, remote: bool = False, stamped: bool = False,
                 computer_name: str = ""):
        self.dialect = as_dialect(dialect)
        self.remote = remote
        self.stamped = stamped
        self.computer_name = computer_name

    @classmethod
    def for_profile(cls, profile: Profile) -> "ErrorStyle":
        return cls(profile.dialect, remote=profile.remote_errors, stamped=profile.error_stamp)


class Session:
    def __init__(self, host: Host, *, profile: Optional[Profile] = None,
                 error_style: Optional[ErrorStyle] = None):
        self.host = host
        #: The row of the profile table this session emulates, and its PowerShell.
        self.profile: Profile = profile if profile is not None else PROFILES["2010"]
        self.dialect: Dialect = self.profile.dialect
        self.error_style = error_style or ErrorStyle.for_profile(self.profile)
        self.commands = CommandTable(parent=REGISTRY)
        self.functions: Dict[str, Any] = {}
        self.global_scope = Scope(kind="global")
        self.script_scope: Scope = self.global_scope
        self.errors: List[ErrorRecord] = ErrorList()
        self.last_success = True
        self.had_error = False
        self.last_exit_code: Optional[int] = None
        self.evaluator: Any = None  # set by the Evaluator that drives this session
        self.error_writer: Optional[Callable[[ErrorRecord], None]] = None
        #: Where warnings go instead of the host (a redirection such as ``3>$null``).
        self.warning_writer: Optional[Callable[[str], None]] = None
        #: The local server's FQDN, found on demand (the shell sets it: the engine does
        #: not know the organisation).
        self.local_fqdn: Optional[Callable[[], Optional[str]]] = None
        self._init_variables()

    # -- variables ------------------------------------------------------------------
    def _init_variables(self) -> None:
        g = self.global_scope
        for name, value in (
            ("ErrorActionPreference", "Continue"), ("WarningPreference", "Continue"),
            ("VerbosePreference", "SilentlyContinue"), ("DebugPreference", "SilentlyContinue"),
            ("ConfirmPreference", "High"), ("WhatIfPreference", False),
            ("ProgressPreference", "Continue"), ("FormatEnumerationLimit", 4),
            ("MaximumErrorCount", 256), ("OFS", " "), ("ErrorView", "NormalView"),
            ("PSVersionTable", self._version_table()), ("ShellId", "Microsoft.PowerShell"),
            ("PSCulture", "en-US"), ("PSUICulture", "en-US"), ("HOME", "C:\\Users\\Administrator"),
            ("PSHOME", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0"), ("PID", 4242),
            ("NestedPromptLevel", 0), ("MaximumHistoryCount", self.dialect.maximum_history_count),
        ):
            g.set_local(name, value)
        if self.dialect.default_parameter_values:
            g.set_local("PSDefaultParameterValues", PSHashtable())

    def _version_table(self) -> PSHashtable:
        """``$PSVersionTable`` as text; the evaluator makes its versions System.Version
        values when it starts (the .NET types are not loaded before the first command)."""
        return PSHashtable([(k, list(v) if isinstance(v, tuple) else v)
                            for k, v in self.dialect.version_table])

    def get_variable(self, name: str, default: Any = None) -> Any:
        entry = self.global_scope.find(name)
        return default if entry is None else entry[1]

    def set_global(self, name: str, value: Any) -> None:
        self.global_scope.set_local(name, value)

    # -- errors ---------------------------------------------------------------------
    def add_error(self, record: ErrorRecord) -> None:
        if "view" not in record.extra:      # how output shows it: as this session shows errors
            from .error_view import render_error
            style = self.error_style
            record.extra["view"] = lambda width: render_error(record, style, width)
        self.errors.insert(0, record)
        limit = self.get_variable("MaximumErrorCount", 256)
        try:
            del self.errors[int(limit):]
        except (TypeError, ValueError):
            pass

    def report_error(self, record: ErrorRecord, action: str) -> None:
        """A non-terminating error was written with ErrorAction ``action``."""
        self.last_success = False
        act = (action or "Continue").casefold()
        if act == "ignore" and self.dialect.ignore_action:
            return
        self.add_error(record)
        if act == "stop":
            record.stopped_by_preference = True
            raise ScriptTerminatingError(record)
        if act == "silentlycontinue":
            return
        self.display_error(record)

    def display_error(self, record: ErrorRecord) -> None:
        self.had_error = True
        if self.error_writer is not None:
            self.error_writer(record)
            return
        from .error_view import render_error
        self.host.write_error_lines(render_error(record, self.error_style, self.host.width))
