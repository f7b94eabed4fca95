"""Session state: variables and scopes, the command table, functions, the host,
``$Error`` and ``$?``, and how errors are reported.

One :class:`Session` lives as long as a shell.  It knows nothing of Exchange: the
shell puts its own services on ``session.app`` for cmdlets to use, hands in the clock
(``now``) and static-member hooks, and says how errors look (``error_style``).
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, Dict, List, Optional

from .cmdlet import REGISTRY, CommandTable
from .errors import ErrorRecord, ScriptTerminatingError
from .host import Host
from .properties import PSHashtable

__all__ = ["Scope", "Session", "ErrorStyle", "AUTOMATIC_READONLY"]

AUTOMATIC_READONLY = {"true", "false", "null", "?", "$", "^", "pid", "host", "home", "pshome",
                      "psversiontable", "shellid"}


class Scope:
    """One variable scope; lookups walk to the parent.  Names are case-insensitive."""

    __slots__ = ("vars", "parent", "kind")

    def __init__(self, parent: Optional["Scope"] = None, kind: str = "local"):
        self.vars: Dict[str, List[Any]] = {}
        self.parent = parent
        self.kind = kind

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

    def remove(self, name: str) -> bool:
        return self.vars.pop(name.casefold(), None) is not None


class ErrorStyle:
    """How error records are displayed.

    ``ps_version`` "2.0" (``<<<<`` markers) or "5.1" (``~`` markers); ``remote``
    None, "2010" or "2013" for how errors from the Exchange server look;
    ``rpc_prefix`` whether certificate errors carry "A special Rpc error occurs...".
    """

    def __init__(self, ps_version: str = "2.0", remote: Optional[str] = "2010",
                 computer_name: str = "", rpc_prefix: bool = True):
        self.ps_version = ps_version
        self.remote = remote
        self.computer_name = computer_name
        self.rpc_prefix = rpc_prefix


class Session:
    def __init__(self, host: Host, *, ps_version: str = "2.0", version_tag: Optional[str] = None,
                 now: Optional[Callable[[], _dt.datetime]] = None, app: Any = None,
                 error_style: Optional[ErrorStyle] = None,
                 static_hooks: Optional[Dict[str, Callable]] = None):
        self.host = host
        self.ps_version = ps_version
        self.version_tag = version_tag
        self.now = now or _dt.datetime.now
        self.app = app
        self.error_style = error_style or ErrorStyle(ps_version)
        self.static_hooks: Dict[str, Callable] = dict(static_hooks or {})
        self.commands = CommandTable(parent=REGISTRY)
        self.functions: Dict[str, Any] = {}
        self.global_scope = Scope(kind="global")
        self.script_scope: Scope = self.global_scope
        self.errors: List[ErrorRecord] = []
        self.last_success = True
        self.had_error = False
        self.last_exit_code: Optional[int] = None
        self.evaluator: Any = None  # set by the Evaluator that drives this session
        self.error_writer: Optional[Callable[[ErrorRecord], None]] = None
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
            ("NestedPromptLevel", 0), ("MaximumHistoryCount", 64 if self.ps_version == "2.0" else 4096),
        ):
            g.set_local(name, value)

    def _version_table(self) -> PSHashtable:
        if self.ps_version == "2.0":
            items = [("CLRVersion", "2.0.50727.5485"), ("BuildVersion", "6.1.7601.17514"),
                     ("PSVersion", "2.0"), ("WSManStackVersion", "2.0"),
                     ("PSCompatibleVersions", ["1.0", "2.0"]), ("SerializationVersion", "1.1.0.1"),
                     ("PSRemotingProtocolVersion", "2.1")]
        else:
            items = [("PSVersion", "5.1.17763.1971"), ("PSEdition", "Desktop"),
                     ("PSCompatibleVersions", ["1.0", "2.0", "3.0", "4.0", "5.0", "5.1.17763.1971"]),
                     ("BuildVersion", "10.0.17763.1971"), ("CLRVersion", "4.0.30319.42000"),
                     ("WSManStackVersion", "3.0"), ("PSRemotingProtocolVersion", "2.3"),
                     ("SerializationVersion", "1.1.0.1")]
        return PSHashtable(items)

    def get_variable(self, name: str, default: Any = None) -> Any:
        entry = self.global_scope.find(name)
        return default if entry is None else entry[1]

    def set_global(self, name: str, value: Any) -> None:
        self.global_scope.set_local(name, value)

    # -- errors ---------------------------------------------------------------------
    def add_error(self, record: ErrorRecord) -> None:
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
        if act == "ignore" and self.ps_version != "2.0":
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
