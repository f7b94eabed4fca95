"""Error records and the exceptions that carry them through the engine.

An :class:`ErrorRecord` is what PowerShell keeps in ``$Error`` and shows on the error
stream: the message, a stable error id, a category, the target, the command that
raised it and where in the source it happened.  Tests assert on ids and positions;
the prose can change.

* Non-terminating errors are *written* (``Cmdlet.write_error``): the pipeline goes on.
* :class:`PipelineStoppedError` subclasses carry a record and stop something:
  :class:`TerminatingError` stops the statement (a cmdlet's ThrowTerminatingError, a
  binding error), :class:`ScriptTerminatingError` stops the whole script (``throw``,
  ``-ErrorAction Stop``) unless a ``try``/``trap`` handles it.

This module depends on ``exshell.lang`` only.
"""
from __future__ import annotations

from typing import Any, List, Optional, Tuple

from ..structs import Struct, factory
from ..lang.ast import Span

__all__ = [
    "ErrorRecord", "InvocationInfo", "PSException", "EngineError", "TerminatingError",
    "ScriptTerminatingError", "FlowControl", "BreakSignal", "ContinueSignal",
    "ReturnSignal", "ExitSignal", "StopUpstreamSignal", "ERROR_CATEGORIES", "ErrorCategoryInfo",
]

#: System.Management.Automation.ErrorCategory names, in enum order.
ERROR_CATEGORIES: Tuple[str, ...] = (
    "NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected",
    "InvalidArgument", "InvalidData", "InvalidOperation", "InvalidResult", "InvalidType",
    "MetadataError", "NotImplemented", "NotInstalled", "ObjectNotFound",
    "OperationStopped", "OperationTimeout", "SyntaxError", "ParserError",
    "PermissionDenied", "ResourceBusy", "ResourceExists", "ResourceUnavailable",
    "ReadError", "WriteError", "FromStdErr", "SecurityError", "ProtocolError",
    "ConnectionError", "AuthenticationError", "LimitsExceeded", "QuotaExceeded",
    "NotEnabled",
)


class InvocationInfo(Struct):
    """Where an error happened.

    ``command`` is the name shown before ``" : "`` (what was typed, or the command's
    own name for binding errors); ``span`` is the extent the position marker points
    at; ``marker`` is the 0-based offset into the source where PowerShell 2.0 puts
    ``<<<<`` (defaults to the end of ``span``).
    """

    command: Optional[str]
    source: str = ""
    file: Optional[str] = None
    span: Optional[Span] = None
    marker: Optional[int] = None

    PS_TYPE_NAMES = ("System.Management.Automation.InvocationInfo", "System.Object")
    PS_PROPERTIES = ("MyCommand", "ScriptLineNumber", "OffsetInLine", "ScriptName", "Line",
                     "PositionMessage", "InvocationName")

    @property
    def MyCommand(self) -> Optional[str]:
        return self.command

    @property
    def ScriptLineNumber(self) -> int:
        return self.span.line if self.span else 0

    @property
    def OffsetInLine(self) -> int:
        return self.span.column if self.span else 0

    @property
    def ScriptName(self) -> str:
        return self.file or ""

    @property
    def Line(self) -> str:
        if not self.span:
            return ""
        start = self.source.rfind("\n", 0, self.span.start) + 1
        end = self.source.find("\n", self.span.start)
        return self.source[start:] if end < 0 else self.source[start:end]

    @property
    def PositionMessage(self) -> str:
        if not self.span:
            return ""
        where = self.file if self.file else "line"
        return "At %s:%d char:%d" % (where, self.span.line, self.span.column)

    @property
    def InvocationName(self) -> Optional[str]:
        return self.command


class PSException:
    """The ``.Exception`` of an error record: a .NET exception as scripts see it."""

    BASE_PROPERTIES = ("Message", "InnerException", "ErrorRecord", "Data", "HelpLink",
                       "Source", "StackTrace", "TargetSite")

    def __init__(self, type_name: str, message: str, record: "ErrorRecord" = None,
                 inner: "PSException" = None):
        #: Properties of the type beyond Exception's (ParamName, FileName).
        self.extra_properties: dict = {}
        self.type_name = type_name
        self.Message = message
        self.InnerException = inner
        self.ErrorRecord = record
        self.Data = None
        self.HelpLink = None
        self.Source = None
        self.StackTrace = None
        self.TargetSite = None

    @property
    def PS_TYPE_NAMES(self):  # type: ignore[override]
        return (self.type_name, "System.Exception", "System.Object")

    @property
    def PS_PROPERTIES(self):  # type: ignore[override]
        return tuple(self.extra_properties) + self.BASE_PROPERTIES

    def __getattr__(self, name: str) -> Any:   # ParamName, FileName...
        extra = self.__dict__.get("extra_properties") or {}
        if name in extra:
            return extra[name]
        raise AttributeError(name)

    @property
    def short_name(self) -> str:
        return self.type_name.rsplit(".", 1)[-1]

    def __str__(self) -> str:
        return self.Message


def _category_name(name: str) -> Any:
    return name


#: A category's name -> its System.Management.Automation.ErrorCategory value (the .NET
#: types layer sets this; until it loads, the name).
category_value: Any = _category_name


class ErrorCategoryInfo:
    """``$_.CategoryInfo``: the category (an ErrorCategory value), the activity, the
    reason and the target's name and type; as text, the line the error view shows."""

    PS_TYPE_NAMES = ("System.Management.Automation.ErrorCategoryInfo", "System.Object")
    PS_PROPERTIES = ("Category", "Activity", "Reason", "TargetName", "TargetType")

    def __init__(self, record: "ErrorRecord"):
        self._record = record

    @property
    def Category(self) -> Any:
        return category_value(self._record.category)

    @property
    def Activity(self) -> str:
        return self._record.activity

    @property
    def Reason(self) -> str:
        return self._record.reason

    @property
    def TargetName(self) -> str:
        return self._record.target_parts()[0]

    @property
    def TargetType(self) -> str:
        return self._record.target_parts()[1]

    def ps_method_GetMessage(self) -> str:
        return self._record.category_info()

    def __str__(self) -> str:
        return self._record.category_info()


class ErrorRecord(Struct):
    """One error, as ``$Error[0]`` holds it.

    ``fqid_command`` is what follows the comma in FullyQualifiedErrorId: a cmdlet's
    .NET class or a function's name; empty for parse errors and ``throw``.
    ``remote`` marks errors that came back from the Exchange server: they display
    without a command prefix or position (and, on 2013+, with the server stamp).
    ``server`` is the server that ran the task (remote errors only).
    """

    message: str
    error_id: str
    category: str = "NotSpecified"
    exception_type: str = "System.Management.Automation.RuntimeException"
    target: Any = None
    activity: str = ""
    fqid_command: str = ""
    invocation: Optional[InvocationInfo] = None
    remote: bool = False
    server: Optional[str] = None
    server_fqdn: Optional[str] = None
    #: For parse errors: every issue (each with its own position).
    parse_issues: Tuple[Any, ...] = ()
    #: The ``(<name>:<type>)`` pair of CategoryInfo when it is not derived from target.
    target_display: Optional[Tuple[str, str]] = None
    #: Set when this record was raised by ``-ErrorAction Stop`` (2.0 wraps the message).
    stopped_by_preference: bool = False
    extra: dict = factory(dict)
    #: The .NET exception a runtime error wraps (``System.DivideByZeroException`` inside
    #: the RuntimeException of ``1/$zero``); ``catch`` matches it too.
    inner_exception_type: Optional[str] = None

    PS_TYPE_NAMES = ("System.Management.Automation.ErrorRecord", "System.Object")
    PS_PROPERTIES = ("Exception", "TargetObject", "CategoryInfo", "FullyQualifiedErrorId",
                     "ErrorDetails", "InvocationInfo", "PipelineIterationInfo")

    def __post_init__(self) -> None:
        thrown = self.extra.get("exception")          # `throw $exception`: that object
        if thrown is not None:
            thrown.ErrorRecord = self
            self._exception = thrown
            return
        inner = None
        if self.inner_exception_type:
            inner = PSException(self.inner_exception_type, self.extra.get("inner_message", self.message))
        self._exception = PSException(self.exception_type, self.message, self, inner)

    def exception_types(self) -> List[str]:
        """The exception's type, then the types of the exceptions it wraps."""
        return [self.exception_type] + ([self.inner_exception_type] if self.inner_exception_type else [])

    # -- the properties scripts read ------------------------------------------------
    @property
    def Exception(self) -> PSException:
        return self._exception

    @property
    def TargetObject(self) -> Any:
        return self.target

    @property
    def CategoryInfo(self) -> ErrorCategoryInfo:
        return ErrorCategoryInfo(self)

    @property
    def FullyQualifiedErrorId(self) -> str:
        return self.fqid()

    @property
    def ErrorDetails(self) -> None:
        return None

    @property
    def InvocationInfo(self) -> Optional[InvocationInfo]:
        return self.invocation

    @property
    def PipelineIterationInfo(self) -> List[int]:
        return []

    # -- display pieces ---------------------------------------------------------------
    @property
    def reason(self) -> str:
        return self.exception_type.rsplit(".", 1)[-1]

    def fqid(self) -> str:
        return "%s,%s" % (self.error_id, self.fqid_command) if self.fqid_command else self.error_id

    def target_parts(self) -> Tuple[str, str]:
        """CategoryInfo's target name and (short) type name."""
        if self.target_display is not None:
            return self.target_display
        if self.target is None:
            return "", ""
        from .conversion import to_string  # local: conversion imports this module
        from .properties import dotnet_type_name
        return to_string(self.target), dotnet_type_name(self.target).rsplit(".", 1)[-1]

    def category_info(self, ellipsis: str = "...") -> str:
        name, typ = self.target_parts()
        return "%s: (%s:%s) [%s], %s" % (
            self.category, _ellipsize(name, ellipsis), _ellipsize(typ, ellipsis),
            _ellipsize(self.activity, ellipsis), self.reason)

    def out_of_band_lines(self, width: int) -> Optional[List[str]]:
        """The record as output shows it (``$Error[0]``, ``2>&1``, ``2> file``): the
        text the host shows for an error, in the style of the session that saw it --
        PowerShell's ErrorInstance view, written out of band.  None: no session saw it."""
        view = self.extra.get("view")
        return None if view is None else view(width)

    def __str__(self) -> str:
        return self.message


def _ellipsize(text: str, ellipsis: str) -> str:
    """CategoryInfo fields over 40 characters: first 19, the ellipsis, last 19."""
    if len(text) <= 40:
        return text
    return text[:19] + ellipsis + text[-19:]


class EngineError(Exception):
    """Base of everything the engine raises on purpose; carries an ErrorRecord."""

    def __init__(self, record: ErrorRecord):
        super().__init__(record.message)
        self.record = record


class TerminatingError(EngineError):
    """Stops the current statement (the script goes on with the next one)."""


class ScriptTerminatingError(EngineError):
    """Stops the whole script unless caught (``throw``, ``-ErrorAction Stop``)."""


class FlowControl(Exception):
    """break/continue/return/exit travel as exceptions; never shown to users."""


class BreakSignal(FlowControl):
    def __init__(self, label: Optional[str] = None):
        super().__init__(label)
        self.label = label


class ContinueSignal(FlowControl):
    def __init__(self, label: Optional[str] = None):
        super().__init__(label)
        self.label = label


class ReturnSignal(FlowControl):
    def __init__(self, value: Any = None):
        super().__init__()
        self.value = value


class StopUpstreamSignal(FlowControl):
    """A command has all the input it wants (``Select-Object -First`` in 3.0+): the
    commands before it stop; it and the commands after it finish normally."""

    def __init__(self) -> None:
        super().__init__()
        self.stage: Any = None


class ExitSignal(FlowControl):
    def __init__(self, code: int = 0):
        super().__init__(code)
        self.code = code
