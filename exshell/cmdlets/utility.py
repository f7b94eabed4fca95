"""Everyday utility cmdlets: Write-*, dates and time spans, sleeping, reading from the
host, variables, command discovery, Invoke-Command/Invoke-Expression, secure strings
and credentials, Clear-Host.

Each cmdlet declares its parameters as data, with PowerShell's names, positions and
aliases.  The shell's clock is ``self.context.clock`` (Set-Date moves it); variables
are read and written through the context (``get_variable``, ``scope``...);
prompts go through the host.  Texts PowerShell prints are module constants.

Imports the engine, ``exshell.lang`` (Invoke-Expression parses) and ``exshell.format``.
"""
from __future__ import annotations

import datetime as _dt
import enum
import time
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import (OBJECT, SWITCH, ChoiceType, ConversionError, DateTimeType,
                                 EnumType, IntType, ListOf, ObjectType, ParamType,
                                 ScriptBlockType, StringType, to_int, to_string)
from ..engine.errors import ErrorRecord, InvocationInfo
from ..engine.host import HostUnavailable
from ..engine.operators import like
from .common import STRINGS
from ..engine.parameters import ALL_SETS, Parameter
from ..engine.properties import PSHashtable, PSObject, is_enumerable
from ..format.views import TableColumn, TableView, register_table_view
from ..profiles import dialect as as_dialect
from ..profiles import v3_cmdlets
# SecureString/PSCredential are shared with other cmdlet families (types.py).
from .types import PSCredential, SecureString

__all__ = ["SecureString", "PSCredential", "PSVariable", "CommandInfo", "remaining",
           "syntax_lines", "WriteHost", "WriteOutput", "WriteWarning", "WriteVerbose",
           "WriteDebug", "WriteError", "GetDate", "SetDate", "NewTimeSpan", "StartSleep",
           "ReadHost", "GetVariable", "SetVariable", "NewVariable", "RemoveVariable",
           "ClearVariable", "GetCommand", "GetAlias", "InvokeCommand", "InvokeExpression",
           "ConvertToSecureString", "GetCredential", "ClearHost"]

_CMD = "Microsoft.PowerShell.Commands."
_SMA = "System.Management.Automation."


def remaining(name: str, type_: ParamType, first_position: int, **kwargs: Any) -> Tuple[Parameter, ...]:
    """A parameter at ``first_position`` that also takes every argument no other
    parameter took (PowerShell's ValueFromRemainingArguments).  Read the values back
    with :func:`remaining_values`."""
    return (Parameter(name, type_, position=first_position, remaining=True, **kwargs),)


def remaining_values(p: Any, name: str) -> List[Any]:
    """The values of a remaining-arguments parameter as a list (one value, several
    values, or none)."""
    if not p.bound(name):
        return []
    value = p.get(name)
    return list(value) if isinstance(value, list) else [value]


# ============================================================================ Write-*

class ConsoleColor(enum.IntEnum):
    Black = 0
    DarkBlue = 1
    DarkGreen = 2
    DarkCyan = 3
    DarkRed = 4
    DarkMagenta = 5
    DarkYellow = 6
    Gray = 7
    DarkGray = 8
    Blue = 9
    Green = 10
    Cyan = 11
    Red = 12
    Magenta = 13
    Yellow = 14
    White = 15

    def __str__(self) -> str:
        return self.name


COLOR = EnumType(ConsoleColor, "System.ConsoleColor")


def _host_text(value: Any, separator: str) -> str:
    if is_enumerable(value):
        return separator.join(_host_text(v, separator) for v in value)
    return to_string(value)


class WriteHost(Cmdlet):
    """Write text straight to the host (nothing goes down the pipeline)."""

    name = "Write-Host"
    dotnet_class = _CMD + "WriteHostCommand"
    synopsis = "Writes customized output to a host."
    parameters = remaining("Object", OBJECT, 0, from_pipeline=True) + (
        Parameter("NoNewline", SWITCH),
        Parameter("Separator", OBJECT),
        Parameter("ForegroundColor", COLOR),
        Parameter("BackgroundColor", COLOR),
    )

    def process(self, p: Any) -> None:
        sep = to_string(p.Separator) if p.Separator is not None else " "
        values = remaining_values(p, "Object")
        text = sep.join(_host_text(v, sep) for v in values)
        fg = str(p.ForegroundColor) if p.ForegroundColor is not None else None
        bg = str(p.BackgroundColor) if p.BackgroundColor is not None else None
        self.host.write(text if p.NoNewline else text + "\n", "output", fg, bg)


class WriteProgress(Cmdlet):
    """Report progress: the console draws a bar above the output that goes when the
    command ends, so nothing reaches the output, a transcript or a redirected stream.
    exshell draws no bar (the progress record is not kept either)."""

    name = "Write-Progress"
    dotnet_class = _CMD + "WriteProgressCommand"
    synopsis = "Displays a progress bar within a Windows PowerShell command window."
    parameters = (
        Parameter("Activity", StringType(), position=0, mandatory=True),
        Parameter("Status", StringType(), position=1),
        Parameter("Id", IntType(), position=2),
        Parameter("PercentComplete", IntType()),
        Parameter("SecondsRemaining", IntType()),
        Parameter("CurrentOperation", StringType()),
        Parameter("ParentId", IntType()),
        Parameter("Completed", SWITCH),
        Parameter("SourceId", IntType()),
    )

    def process(self, p: Any) -> None:
        if p.PercentComplete is not None and p.PercentComplete > 100:
            self.throw_terminating(self.error_record(
                "Cannot validate argument on parameter 'PercentComplete'. The %d argument is "
                "greater than the maximum allowed range of 100. Supply an argument that is less "
                "than or equal to 100 and then try the command again." % p.PercentComplete,
                "ParameterArgumentValidationError", "InvalidData",
                exception_type="System.Management.Automation.ParameterBindingValidationException"))


class WriteOutput(Cmdlet):
    """Send objects down the pipeline (collections are enumerated)."""

    name = "Write-Output"
    aliases = ("echo", "write")
    dotnet_class = _CMD + "WriteOutputCommand"
    synopsis = "Sends the specified objects to the next command in the pipeline."
    parameters = remaining("InputObject", OBJECT, 0, from_pipeline=True) + (
        Parameter("NoEnumerate", SWITCH, available=v3_cmdlets),
    )

    def process(self, p: Any) -> None:
        values = remaining_values(p, "InputObject")
        if not values:
            return
        value: Any = values[0] if len(values) == 1 else values
        self.write_object(value, enumerate_collection=not p.NoEnumerate)


class WriteWarning(Cmdlet):
    name = "Write-Warning"
    dotnet_class = _CMD + "WriteWarningCommand"
    synopsis = "Writes a warning message."
    parameters = (Parameter("Message", StringType(), position=0, mandatory=True,
                            from_pipeline=True, aliases=("Msg",)),)

    def process(self, p: Any) -> None:
        self.write_warning(p.Message or "")


class WriteVerbose(Cmdlet):
    name = "Write-Verbose"
    dotnet_class = _CMD + "WriteVerboseCommand"
    synopsis = "Writes text to the verbose message stream."
    parameters = (Parameter("Message", StringType(), position=0, mandatory=True,
                            from_pipeline=True, aliases=("Msg",)),)

    def process(self, p: Any) -> None:
        self.write_verbose(p.Message or "")


class WriteDebug(Cmdlet):
    name = "Write-Debug"
    dotnet_class = _CMD + "WriteDebugCommand"
    synopsis = "Writes a debug message to the console."
    parameters = (Parameter("Message", StringType(), position=0, mandatory=True,
                            from_pipeline=True, aliases=("Msg",)),)

    def process(self, p: Any) -> None:
        # -Debug asks "Continue with this operation?" in real PowerShell (Inquire);
        # exshell just shows the message.
        pref = to_string(self.context.get_variable("DebugPreference"))
        if p.Debug or pref.casefold() in ("continue", "inquire", "stop"):
            self.host.write_debug(p.Message or "")


#: ErrorCategory names, in enum order.
ERROR_CATEGORIES = (
    "NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected",
    "InvalidArgument", "InvalidData", "InvalidOperation", "InvalidResult", "InvalidType",
    "MetadataError", "NotImplemented", "NotInstalled", "ObjectNotFound", "OperationStopped",
    "OperationTimeout", "SyntaxError", "ParserError", "PermissionDenied", "ResourceBusy",
    "ResourceExists", "ResourceUnavailable", "ReadError", "WriteError", "FromStdErr",
    "SecurityError", "ProtocolError", "ConnectionError", "AuthenticationError",
    "LimitsExceeded", "QuotaExceeded", "NotEnabled")

#: Write-Error's exception type and its FullyQualifiedErrorId without -ErrorId.
WRITE_ERROR_EXCEPTION = _CMD + "WriteErrorException"


class WriteError(Cmdlet):
    """Write a non-terminating error record."""

    name = "Write-Error"
    dotnet_class = _CMD + "WriteErrorCommand"
    synopsis = "Writes an object to the error stream."
    default_set = "NoException"
    parameters = (
        Parameter("Message", StringType(), position=0, mandatory=True, from_pipeline=True,
                  aliases=("Msg",), sets=("NoException", "WithException")),
        Parameter("Exception", OBJECT, mandatory=True, sets=("WithException",)),
        Parameter("ErrorRecord", OBJECT, mandatory=True, sets=("ErrorRecord",)),
        Parameter("Category", ChoiceType(ERROR_CATEGORIES, _SMA + "ErrorCategory"),
                  sets=("NoException", "WithException")),
        Parameter("ErrorId", StringType(), sets=("NoException", "WithException")),
        Parameter("TargetObject", OBJECT, sets=("NoException", "WithException")),
        Parameter("RecommendedAction", StringType()),
        Parameter("CategoryActivity", StringType(), aliases=("Activity",)),
        Parameter("CategoryReason", StringType(), aliases=("Reason",)),
        Parameter("CategoryTargetName", StringType(), aliases=("TargetName",)),
        Parameter("CategoryTargetType", StringType(), aliases=("TargetType",)),
    )

    def process(self, p: Any) -> None:
        if isinstance(p.ErrorRecord, ErrorRecord):
            self.write_error(p.ErrorRecord)
            return
        message = p.Message
        exception_type = WRITE_ERROR_EXCEPTION
        if p.Exception is not None:
            exc = p.Exception
            message = message or to_string(getattr(exc, "Message", exc))
            names = getattr(exc, "PS_TYPE_NAMES", None)
            if names:
                exception_type = names[0]
        inv = self.runtime.invocation
        calls = self.context.call_stack
        if calls:
            # Inside a function or script the record names it and points at its call.
            invocation, fqid = calls[-1], calls[-1].command or ""
        else:
            # At the prompt the record's "command" is the statement itself, so the view
            # starts with the command line and shows no position block (as 2.0/5.1 do).
            text = inv.source[inv.span.start:inv.span.end] if inv.span is not None else self.name
            invocation, fqid = InvocationInfo(text, inv.source, inv.file, None), ""
        record = ErrorRecord(
            message=message or "", error_id=p.ErrorId or WRITE_ERROR_EXCEPTION,
            category=p.Category or "NotSpecified", exception_type=exception_type,
            target=p.TargetObject, activity=p.CategoryActivity or self.name,
            fqid_command=fqid, invocation=invocation)
        if p.CategoryTargetName is not None or p.CategoryTargetType is not None:
            record.target_display = (p.CategoryTargetName or "", p.CategoryTargetType or "")
        self.write_error(record)


# =============================================================================== dates

def _timespan_text(text: str) -> _dt.timedelta:
    """TimeSpan.Parse: ``[-][d.]hh:mm[:ss[.fffffff]]`` or a whole number of days."""
    t = text.strip()
    neg = t.startswith("-")
    t = t.lstrip("-")
    days = 0
    if "." in t.split(":")[0]:
        d, t = t.split(".", 1)
        days = int(d)
    parts = t.split(":")
    if len(parts) == 1:
        delta = _dt.timedelta(days=int(parts[0]))
    else:
        h, m = int(parts[0]), int(parts[1])
        s = float(parts[2]) if len(parts) > 2 else 0.0
        if not (0 <= h < 24 and 0 <= m < 60 and 0 <= s < 60):
            raise ValueError(text)
        delta = _dt.timedelta(days=days, hours=h, minutes=m, seconds=s)
    return -delta if neg else delta


class TimeSpanType(ParamType):
    dotnet_name = "System.TimeSpan"

    def is_exact(self, value: Any) -> bool:
        return isinstance(value, _dt.timedelta)

    def convert(self, value: Any) -> Any:
        if value is None or isinstance(value, _dt.timedelta):
            return value
        if isinstance(value, (list, tuple)) and len(value) == 1:
            return self.convert(value[0])
        if isinstance(value, int) and not isinstance(value, bool):
            return _dt.timedelta(microseconds=value / 10)  # ticks
        if isinstance(value, str):
            try:
                return _timespan_text(value)
            except (ValueError, IndexError):
                raise ConversionError('Cannot convert value "%s" to type "System.TimeSpan". Error: '
                                      '"String was not recognized as a valid TimeSpan."' % value)
        raise ConversionError('Cannot convert the "%s" value of type "%s" to type "System.TimeSpan".'
                              % (to_string(value), type(value).__name__))


TIMESPAN = TimeSpanType()

_UDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_UMONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December")


def uformat(d: _dt.datetime, fmt: str) -> str:
    """Get-Date -UFormat (Unix-style specifiers; the common ones)."""
    table = {
        "Y": lambda: "%04d" % d.year, "y": lambda: "%02d" % (d.year % 100),
        "C": lambda: "%02d" % (d.year // 100),
        "m": lambda: "%02d" % d.month, "B": lambda: _UMONTHS[d.month - 1],
        "b": lambda: _UMONTHS[d.month - 1][:3], "h": lambda: _UMONTHS[d.month - 1][:3],
        "d": lambda: "%02d" % d.day, "e": lambda: "%2d" % d.day,
        "A": lambda: _UDAYS[d.weekday()], "a": lambda: _UDAYS[d.weekday()][:3],
        "u": lambda: str(d.isoweekday()), "w": lambda: str(d.isoweekday() % 7),
        "j": lambda: "%03d" % d.timetuple().tm_yday,
        "H": lambda: "%02d" % d.hour, "k": lambda: "%2d" % d.hour,
        "I": lambda: "%02d" % ((d.hour % 12) or 12), "l": lambda: "%2d" % ((d.hour % 12) or 12),
        "M": lambda: "%02d" % d.minute, "S": lambda: "%02d" % d.second,
        "p": lambda: "AM" if d.hour < 12 else "PM",
        "Z": lambda: "+00", "s": lambda: str(int((d - _dt.datetime(1970, 1, 1)).total_seconds())),
        "T": lambda: d.strftime("%H:%M:%S"), "R": lambda: d.strftime("%H:%M"),
        "D": lambda: d.strftime("%m/%d/%y"), "x": lambda: d.strftime("%m/%d/%y"),
        "X": lambda: d.strftime("%H:%M:%S"), "r": lambda: d.strftime("%I:%M:%S ") + ("AM" if d.hour < 12 else "PM"),
        "c": lambda: "%s %s %2d %s %04d" % (_UDAYS[d.weekday()][:3], _UMONTHS[d.month - 1][:3],
                                            d.day, d.strftime("%H:%M:%S"), d.year),
        "V": lambda: "%02d" % d.isocalendar()[1], "G": lambda: "%04d" % d.isocalendar()[0],
        "g": lambda: "%02d" % (d.isocalendar()[0] % 100),
        "n": lambda: "\n", "t": lambda: "\t", "%": lambda: "%",
    }
    out: List[str] = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "%" and i + 1 < len(fmt):
            fn = table.get(fmt[i + 1])
            out.append(fn() if fn else fmt[i + 1])
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


class GetDate(Cmdlet):
    """The shell's current date and time (or a given one), optionally as text."""

    name = "Get-Date"
    dotnet_class = _CMD + "GetDateCommand"
    synopsis = "Gets the current date and time."
    default_set = "net"
    parameters = (
        Parameter("Date", DateTimeType(), position=0, from_pipeline=True,
                  from_pipeline_by_name=True, aliases=("LastWriteTime",)),
        Parameter("Year", IntType()),
        Parameter("Month", IntType()),
        Parameter("Day", IntType()),
        Parameter("Hour", IntType()),
        Parameter("Minute", IntType()),
        Parameter("Second", IntType()),
        Parameter("Millisecond", IntType(), available=v3_cmdlets),
        Parameter("DisplayHint", ChoiceType(("Date", "Time", "DateTime"),
                                            _CMD + "DisplayHintType")),
        Parameter("Format", StringType(), sets=("net",)),
        Parameter("UFormat", StringType(), sets=("UFormat",)),
    )

    #: Range checks of -Year..-Second (the message .NET gives for a bad component).
    _RANGES = {"Year": (1, 9999), "Month": (1, 12), "Day": (1, 31), "Hour": (0, 23),
               "Minute": (0, 59), "Second": (0, 59), "Millisecond": (0, 999)}

    def process(self, p: Any) -> None:
        d = p.Date if p.Date is not None else self.context.clock.now()
        for field, (lo, hi) in self._RANGES.items():
            v = p.get(field)
            if v is None:
                continue
            if not lo <= v <= hi:
                self.throw_terminating(self.error_record(
                    "Cannot validate argument on parameter '%s'. The %d argument is %s than the "
                    "%s allowed range of %d. Supply an argument that is %s than or equal to %d "
                    "and then try the command again." % (
                        field, v, "greater" if v > hi else "less", "maximum" if v > hi else "minimum",
                        hi if v > hi else lo, "less" if v > hi else "greater", hi if v > hi else lo),
                    "ParameterArgumentValidationError", "InvalidData",
                    exception_type=_SMA + "ParameterBindingValidationException"))
            try:
                if field == "Millisecond":
                    d = d.replace(microsecond=v * 1000)
                elif field == "Day":
                    d = d.replace(day=v)
                else:
                    d = d.replace(**{field.lower(): v})
            except ValueError:
                import calendar
                last = calendar.monthrange(d.year, d.month)[1]
                d = d.replace(day=min(d.day, last), **({field.lower(): v} if field != "Day" else {}))
        if p.Format is not None:
            from ..engine.dotnet import format_date
            self.write_object(format_date(d, p.Format))
            return
        if p.UFormat is not None:
            self.write_object(uformat(d, p.UFormat))
            return
        self.write_object(d)


class SetDate(Cmdlet):
    """Move the shell's clock (the emulated machine's time, not the real one)."""

    name = "Set-Date"
    dotnet_class = _CMD + "SetDateCommand"
    synopsis = "Changes the system time on the computer to a time that you specify."
    default_set = "Date"
    supports_should_process = True
    confirm_impact = "Medium"
    parameters = (
        Parameter("Date", DateTimeType(), position=0, mandatory=True, from_pipeline=True,
                  from_pipeline_by_name=True, sets=("Date",)),
        Parameter("Adjust", TIMESPAN, position=0, mandatory=True, from_pipeline_by_name=True,
                  sets=("Adjust",)),
        Parameter("DisplayHint", ChoiceType(("Date", "Time", "DateTime"), _CMD + "DisplayHintType")),
    )

    def process(self, p: Any) -> None:
        from ..engine.dotnet import format_date
        if p.Adjust is not None:
            target = self.context.clock.now() + p.Adjust
        else:
            target = p.Date
        if not self.should_process("", target=format_date(target, None), action="Set-Date"):
            return
        self.context.clock.set(target)
        self.write_object(self.context.clock.now())


class NewTimeSpan(Cmdlet):
    name = "New-TimeSpan"
    dotnet_class = _CMD + "NewTimeSpanCommand"
    synopsis = "Creates a TimeSpan object."
    default_set = "Date"
    parameters = (
        Parameter("Start", DateTimeType(), position=0, from_pipeline_by_name=True,
                  aliases=("LastWriteTime",), sets=("Date",)),
        Parameter("End", DateTimeType(), position=1, from_pipeline_by_name=True, sets=("Date",)),
        Parameter("Days", IntType(), sets=("Time",)),
        Parameter("Hours", IntType(), sets=("Time",)),
        Parameter("Minutes", IntType(), sets=("Time",)),
        Parameter("Seconds", IntType(), sets=("Time",)),
    )

    def process(self, p: Any) -> None:
        if p.set_name == "Time" or any(p.bound(n) for n in ("Days", "Hours", "Minutes", "Seconds")):
            from ..engine.clrtime import ClrError, timespan_of_ticks
            seconds = (((p.Days or 0) * 24 + (p.Hours or 0)) * 60 + (p.Minutes or 0)) * 60 + (p.Seconds or 0)
            try:
                self.write_object(timespan_of_ticks(seconds * 10_000_000))
            except ClrError:
                # .NET's TimeSpan(days, hours, minutes, seconds) throws this one.
                self.throw_terminating(self.error_record(
                    "TimeSpan overflowed because the duration is too long.",
                    "System.ArgumentOutOfRangeException", "NotSpecified",
                    exception_type="System.ArgumentOutOfRangeException"))
            return
        now = self.context.clock.now()
        start = p.Start if p.Start is not None else now
        end = p.End if p.End is not None else now
        self.write_object(end - start)


#: Start-Sleep really waits at most this long per call: lessons script long sleeps
#: (waiting for a certificate, say) and a learner should not sit through them.  The
#: shell's clock is moved by the full duration instead, so Get-Date afterwards shows
#: the time passed.
MAX_REAL_SLEEP = 0.05


class StartSleep(Cmdlet):
    name = "Start-Sleep"
    aliases = ("sleep",)
    dotnet_class = _CMD + "StartSleepCommand"
    synopsis = "Suspends the activity in a script or session for the specified period of time."
    default_set = "Seconds"
    parameters = (
        Parameter("Seconds", IntType(), position=0, mandatory=True, from_pipeline=True,
                  from_pipeline_by_name=True, sets=("Seconds",)),
        Parameter("Milliseconds", IntType(), mandatory=True, from_pipeline_by_name=True,
                  sets=("Milliseconds",)),
    )

    def process(self, p: Any) -> None:
        seconds = (p.Seconds or 0) if p.Milliseconds is None else p.Milliseconds / 1000.0
        if seconds < 0:
            self.throw_terminating(self.error_record(
                "Cannot validate argument on parameter '%s'. The %s argument is less than the "
                "minimum allowed range of 0. Supply an argument that is greater than or equal to 0 "
                "and then try the command again." % ("Seconds" if p.Milliseconds is None else
                                                     "Milliseconds", to_string(p.Seconds if p.Milliseconds is None else p.Milliseconds)),
                "ParameterArgumentValidationError", "InvalidData",
                exception_type=_SMA + "ParameterBindingValidationException"))
        time.sleep(min(seconds, MAX_REAL_SLEEP))
        self.context.clock.advance(_dt.timedelta(seconds=seconds))


# ========================================================================== Read-Host

def _read(cmdlet: Cmdlet, prompt: str, secure: bool = False) -> str:
    cmdlet.host.waiting()          # the shell waits for the user: nothing stays locked
    answer = cmdlet.host.read_line(prompt, secure)
    if answer is None:
        raise HostUnavailable()
    cmdlet.host.answered(answer, secure)   # a lab's command log keeps the answers
    return answer


class ReadHost(Cmdlet):
    name = "Read-Host"
    dotnet_class = _CMD + "ReadHostCommand"
    synopsis = "Reads a line of input from the console."
    parameters = remaining("Prompt", OBJECT, 0) + (Parameter("AsSecureString", SWITCH),)

    def process(self, p: Any) -> None:
        if not self.host.interactive:
            raise HostUnavailable()
        parts = remaining_values(p, "Prompt")
        prompt = " ".join(to_string(v) for v in parts)
        shown = prompt + ": " if parts else ""
        answer = _read(self, shown, bool(p.AsSecureString))
        self.write_object(SecureString(answer) if p.AsSecureString else answer)


# ============================================================================ variables

class PSVariable:
    PS_TYPE_NAMES = (_SMA + "PSVariable", "System.Object")
    PS_PROPERTIES = ("Name", "Description", "Value", "Visibility", "Module", "ModuleName",
                     "Options", "Attributes")

    def __init__(self, name: str, value: Any, description: str = "", options: str = "None"):
        self.Name = name
        self.Value = value
        self.Description = description
        self.Visibility = "Public"
        self.Module = None
        self.ModuleName = ""
        self.Options = options
        self.Attributes: List[Any] = []

    def __str__(self) -> str:
        return self.Name


# PowerShell's view: Name 30 wide, Value the rest.
register_table_view(_SMA + "PSVariable", TableView([
    TableColumn("Name", "Name", 30), TableColumn("Value", "Value", None)]))

#: Variables the evaluator answers itself (not stored in any scope).
_COMPUTED = ("?", "true", "false", "null", "Error", "Host", "LASTEXITCODE", "PWD")
VARIABLE_EXISTS = "A variable with name '%s' already exists."
VARIABLE_READONLY = "Cannot overwrite variable %s because it is read-only or constant."
_READONLY = ("true", "false", "null", "?", "$", "^", "pid", "host", "home", "pshome",
             "psversiontable", "shellid", "error")


def _scope_param() -> Parameter:
    return Parameter("Scope", StringType())


class _VariableCmdlet(Cmdlet, register=False):
    def _scope(self, p: Any) -> Any:
        scope = p.get("Scope")
        if scope is None:
            return self.context.current_scope
        s = to_string(scope)
        if s.casefold() in ("global", "script", "local", "private"):
            return self.context.scope(s)
        try:
            n: Optional[int] = to_int(scope)
        except ConversionError:
            n = None
        try:
            if n is None:
                raise ValueError(s)
            return self.context.scope(n)
        except ValueError:
            self.throw_terminating(self.error_record(
                "The scope number '%s' exceeds the number of active scopes." % s
                if n is not None and (n != -1 or s.isdigit()) else
                "The scope '%s' is not valid." % s, "ArgumentOutOfRange",
                "InvalidArgument", exception_type="System.ArgumentOutOfRangeException"))

    def _matching(self, p: Any, pattern: str) -> List[Tuple[Any, str, List[Any]]]:
        """(scope, key, entry) of the variables ``pattern`` names: in the nearest scope
        that has any (or only in ``-Scope``).  A plain name that matches nothing is a
        not-found error, a wildcard that matches nothing is not."""
        s = self._scope(p)
        found: List[Tuple[Any, str, List[Any]]] = []
        while s is not None:
            found = [(s, key, entry) for key, entry in list(s.vars.items()) if like(entry[0], pattern)]
            if found or p.Scope is not None:
                break
            s = s.parent
        if not found and not any(c in pattern for c in "*?["):
            self._not_found(pattern)
        return found

    def _visible(self, scope: Any, walk: bool = True) -> Dict[str, Tuple[str, Any]]:
        """Visible variables: name (folded) -> (name, value)."""
        out: Dict[str, Tuple[str, Any]] = {}
        s = scope
        while s is not None:
            for key, entry in s.vars.items():
                if key not in out:
                    out[key] = (entry[0], entry[1])
            if not walk:
                break
            s = s.parent
        for name in _COMPUTED:
            if name.casefold() not in out:
                value = self.context.get_variable(name)
                # $LASTEXITCODE exists only after a native program ran; $Host only
                # when the shell provides it.
                if value is not None or name == "null":
                    out[name.casefold()] = (name, value)
        return out

    def _not_found(self, name: str) -> None:
        template = self.context.dialect.message("VariableNotFound")
        self.write_error(self.error_record(template % name, "VariableNotFound", "ObjectNotFound",
                                           target=name,
                                           exception_type=_SMA + "ItemNotFoundException"))

    def _readonly(self, name: str) -> bool:
        if name.casefold() in _READONLY:
            self.write_error(self.error_record(VARIABLE_READONLY % name, "VariableNotWritable",
                                               "WriteError", target=name,
                                               exception_type=_SMA + "SessionStateUnauthorizedAccessException"))
            return True
        return False


def _matches(name: str, patterns: Sequence[str]) -> bool:
    return any(like(name, p) for p in patterns)


class GetVariable(_VariableCmdlet):
    name = "Get-Variable"
    aliases = ("gv",)
    dotnet_class = _CMD + "GetVariableCommand"
    synopsis = "Gets the variables in the current console."
    parameters = (
        Parameter("Name", STRINGS, position=0, from_pipeline=True,
                  from_pipeline_by_name=True),
        Parameter("ValueOnly", SWITCH),
        Parameter("Include", STRINGS),
        Parameter("Exclude", STRINGS),
        _scope_param(),
    )

    def process(self, p: Any) -> None:
        visible = self._visible(self._scope(p), walk=p.Scope is None)
        names = p.Name or ["*"]
        found: List[Tuple[str, Any]] = []
        for pattern in names:
            hits = sorted((v for k, v in visible.items() if like(v[0], pattern)),
                          key=lambda nv: nv[0].casefold())
            if not hits and not any(c in pattern for c in "*?["):
                self._not_found(pattern)
                continue
            for nv in hits:
                if p.Include and not _matches(nv[0], p.Include):
                    continue
                if p.Exclude and _matches(nv[0], p.Exclude):
                    continue
                if nv not in found:
                    found.append(nv)
        for name, value in found:
            if p.ValueOnly:
                self.write_object(value)
            else:
                self.write_object(PSVariable(name, value))


class SetVariable(_VariableCmdlet):
    name = "Set-Variable"
    aliases = ("sv", "set")
    dotnet_class = _CMD + "SetVariableCommand"
    synopsis = "Sets the value of a variable. Creates the variable if one with the requested name does not exist."
    supports_should_process = True
    parameters = (
        Parameter("Name", STRINGS, position=0, mandatory=True,
                  from_pipeline_by_name=True),
        Parameter("Value", OBJECT, position=1, from_pipeline=True, from_pipeline_by_name=True),
        Parameter("Include", STRINGS),
        Parameter("Exclude", STRINGS),
        Parameter("Description", StringType()),
        Parameter("Option", StringType()),
        Parameter("Force", SWITCH),
        Parameter("Visibility", StringType()),
        Parameter("PassThru", SWITCH),
        _scope_param(),
    )

    def process(self, p: Any) -> None:
        scope = self._scope(p)
        for name in p.Name or []:
            if self._readonly(name):
                continue
            if not self.should_process("", target="Name: %s Value: %s" % (name, to_string(p.Value)),
                                       action="Set variable"):
                continue
            scope.set_local(name, p.Value)
            if p.PassThru:
                self.write_object(PSVariable(name, p.Value, p.Description or ""))


class NewVariable(_VariableCmdlet):
    name = "New-Variable"
    aliases = ("nv",)
    dotnet_class = _CMD + "NewVariableCommand"
    synopsis = "Creates a new variable."
    supports_should_process = True
    parameters = (
        Parameter("Name", StringType(), position=0, mandatory=True, from_pipeline_by_name=True),
        Parameter("Value", OBJECT, position=1, from_pipeline=True, from_pipeline_by_name=True),
        Parameter("Description", StringType()),
        Parameter("Option", StringType()),
        Parameter("Visibility", StringType()),
        Parameter("Force", SWITCH),
        Parameter("PassThru", SWITCH),
        _scope_param(),
    )

    def process(self, p: Any) -> None:
        scope = self._scope(p)
        name = p.Name
        if name.casefold() in scope.vars and not p.Force:
            self.write_error(self.error_record(VARIABLE_EXISTS % name, "VariableAlreadyExists",
                                               "ResourceExists", target=name,
                                               exception_type=_SMA + "SessionStateException"))
            return
        if not self.should_process("", target="Name: %s Value: %s" % (name, to_string(p.Value)),
                                   action="New variable"):
            return
        scope.set_local(name, p.Value)
        if p.PassThru:
            self.write_object(PSVariable(name, p.Value, p.Description or ""))


class RemoveVariable(_VariableCmdlet):
    name = "Remove-Variable"
    aliases = ("rv",)
    dotnet_class = _CMD + "RemoveVariableCommand"
    synopsis = "Deletes a variable and its value."
    supports_should_process = True
    parameters = (
        Parameter("Name", STRINGS, position=0, mandatory=True,
                  from_pipeline_by_name=True),
        Parameter("Include", STRINGS),
        Parameter("Exclude", STRINGS),
        Parameter("Force", SWITCH),
        _scope_param(),
    )

    def process(self, p: Any) -> None:
        for pattern in p.Name or []:
            for scope, key, entry in self._matching(p, pattern):
                if not self._readonly(entry[0]) and \
                        self.should_process("", target="Name: %s" % entry[0], action="Remove variable"):
                    scope.remove(key)


class ClearVariable(_VariableCmdlet):
    name = "Clear-Variable"
    aliases = ("clv",)
    dotnet_class = _CMD + "ClearVariableCommand"
    synopsis = "Deletes the value of a variable."
    supports_should_process = True
    parameters = (
        Parameter("Name", STRINGS, position=0, mandatory=True,
                  from_pipeline_by_name=True),
        Parameter("Include", STRINGS),
        Parameter("Exclude", STRINGS),
        Parameter("Force", SWITCH),
        Parameter("PassThru", SWITCH),
        _scope_param(),
    )

    def process(self, p: Any) -> None:
        for pattern in p.Name or []:
            for _scope, _key, entry in self._matching(p, pattern):
                if not self._readonly(entry[0]) and \
                        self.should_process("", target="Name: %s" % entry[0], action="Clear variable"):
                    entry[1] = None
                    if p.PassThru:
                        self.write_object(PSVariable(entry[0], None))


# ====================================================================== Get-Command

#: 2.0 wrote .NET type names in syntax; 5.1 writes C# keywords for the common ones.
_SYNTAX_TYPES_51 = {"System.String": "string", "System.Int32": "int", "System.Int64": "long",
                    "System.Boolean": "bool", "System.Object": "Object",
                    "System.DateTime": "datetime", "System.Double": "double",
                    "System.Management.Automation.ScriptBlock": "scriptblock",
                    "System.Management.Automation.PSObject": "psobject",
                    "System.Object[]": "Object[]", "System.TimeSpan": "timespan",
                    "System.Char": "char", "System.Byte[]": "byte[]"}


def _syntax_type(param: Parameter, dialect: Any) -> str:
    name = param.type.dotnet_name
    if as_dialect(dialect).type_keywords:
        if name in _SYNTAX_TYPES_51:
            return _SYNTAX_TYPES_51[name]
        if name.endswith("[]") and name[:-2] in _SYNTAX_TYPES_51:
            return _SYNTAX_TYPES_51[name[:-2]] + "[]"
    short = name.rsplit(".", 1)[-1] if "`" not in name else name
    return short


def syntax_lines(cls: Any, profile: Any) -> List[str]:
    """One syntax line per parameter set, generated from the declarations."""
    dialect = as_dialect(getattr(profile, "dialect", None))
    params = [p for p in cls.parameters_for(profile) if "#" not in p.name]
    own = [p for p in params if not p.common]
    sets: List[str] = []
    for p in own:
        for s in p.sets:
            if s != ALL_SETS and s not in sets:
                sets.append(s)
    if not sets:
        sets = [ALL_SETS]
    elif cls.default_set in sets:
        sets.remove(cls.default_set)
        sets.insert(0, cls.default_set)
    lines = []
    for s in sets:
        members = [p for p in own if p.in_set(s)]
        positional = sorted((p for p in members if p.position is not None), key=lambda p: p.position)
        named = [p for p in members if p.position is None]
        named = [p for p in named if p.mandatory] + [p for p in named if not p.mandatory] \
            if dialect.syntax_mandatory_first else named
        pieces = [cls.name]
        for p in positional + named:
            if p.is_switch:
                piece = "-%s" % p.name
                pieces.append(piece if p.mandatory else "[%s]" % piece)
                continue
            typ = "<%s>" % _syntax_type(p, dialect)
            if p.position is not None:
                piece = "[-%s] %s" % (p.name, typ)
            else:
                piece = "-%s %s" % (p.name, typ)
            pieces.append(piece if p.mandatory else "[%s]" % piece)
        if dialect.syntax_lists_common_parameters:
            # 2.0 spelled the common parameters out; 3.0+ abbreviates them.
            for p in params:
                if p.common:
                    pieces.append("[-%s]" % p.name if p.is_switch else
                                  "[-%s <%s>]" % (p.name, _syntax_type(p, dialect)))
            lines.append(" ".join(pieces))
            continue
        if cls.supports_should_process:
            pieces += ["[-WhatIf]", "[-Confirm]"]
        pieces.append("[<CommonParameters>]")
        lines.append(" ".join(pieces))
    return lines


#: Module (2.0: snap-in) and 5.1 version of the built-in cmdlets, for Get-Command.
_CORE, _UTIL, _SEC, _MGMT = (("Microsoft.PowerShell.Core", "3.0.0.0"),
                             ("Microsoft.PowerShell.Utility", "3.1.0.0"),
                             ("Microsoft.PowerShell.Security", "3.0.0.0"),
                             ("Microsoft.PowerShell.Management", "3.1.0.0"))
_HOST = ("Microsoft.PowerShell.Host", "3.0.0.0")
MODULES = {n.casefold(): m for names, m in (
    (("ForEach-Object", "Where-Object", "Get-Command", "Invoke-Command", "Out-Default",
      "Out-Host", "Out-Null", "Import-Module", "Get-Module", "Remove-Module", "Add-PSSnapin",
      "Get-PSSnapin", "Remove-PSSnapin", "Get-Help", "Set-StrictMode", "Get-History",
      "Invoke-History", "Add-History", "Clear-History"), _CORE),
    (("Start-Transcript", "Stop-Transcript"), _HOST),
    (("Get-ChildItem", "Get-Item", "Get-Content", "Set-Content", "Add-Content", "Copy-Item",
      "Remove-Item", "New-Item", "Test-Path", "Join-Path", "Split-Path", "Get-Location",
      "Set-Location", "Get-PSDrive", "Get-Service", "Start-Service", "Stop-Service",
      "Restart-Service"), _MGMT),
    (("ConvertTo-SecureString", "Get-Credential"), _SEC),
    (("Select-Object", "Sort-Object", "Group-Object", "Measure-Object", "Get-Member",
      "Tee-Object", "Write-Host", "Write-Output", "Write-Warning", "Write-Verbose",
      "Write-Debug", "Write-Error", "Get-Date", "Set-Date", "New-TimeSpan", "Start-Sleep",
      "Read-Host", "Get-Variable", "Set-Variable", "New-Variable", "Remove-Variable",
      "Clear-Variable", "Get-Alias", "Invoke-Expression", "ConvertTo-Csv", "ConvertFrom-Csv",
      "Export-Csv", "Import-Csv", "ConvertTo-Json", "ConvertFrom-Json", "Format-List",
      "Format-Table", "Out-String", "Add-Member", "Add-Type", "New-Object", "Set-Alias",
      "New-Alias", "Get-Unique", "ConvertFrom-StringData", "Get-Culture", "Out-File",
      "Export-Clixml", "Import-Clixml", "ConvertTo-Xml", "Invoke-WebRequest"), _UTIL)) for n in names}


class ParameterMetadata:
    """One entry of a command's ``Parameters`` dictionary."""

    PS_TYPE_NAMES = (_SMA + "ParameterMetadata", "System.Object")
    PS_PROPERTIES = ("Name", "ParameterType", "ParameterSets", "IsDynamic", "Aliases",
                     "Attributes", "SwitchParameter")

    def __init__(self, name: str, type_name: str, sets: Sequence[str], aliases: Sequence[str],
                 switch: bool):
        from ..engine.dotnet import TypeInfo
        self.Name = name
        self.ParameterType = TypeInfo(type_name)
        self.ParameterSets = PSHashtable((s, s) for s in sets)
        self.IsDynamic = False
        self.Aliases = list(aliases)
        self.Attributes: List[Any] = []
        self.SwitchParameter = switch

    def __str__(self) -> str:
        return self.Name


def _parameters_of(declared: Sequence[Any]) -> PSHashtable:
    """``(Get-Command X).Parameters``: name -> ParameterMetadata; the keys compare
    case-insensitively (``.ContainsKey('identity')``)."""
    table = PSHashtable()
    for param in declared:
        sets = ["__AllParameterSets" if s == ALL_SETS else s for s in param.sets]
        table[param.name] = ParameterMetadata(param.name, param.type.dotnet_name, sets,
                                              param.aliases, param.is_switch)
    return table


def _function_parameters(function: Any, dialect: Any) -> PSHashtable:
    from ..engine.parameters import common_parameters
    block = getattr(function, "block", None)
    node = getattr(block, "node", None)
    param_block = getattr(node, "param_block", None)
    decls = list(param_block.parameters) if param_block is not None else []
    advanced = param_block is not None and (
        any(a.name.casefold() == "cmdletbinding" for a in param_block.attributes) or
        any(a.name.casefold() == "parameter" for d in decls for a in d.attributes))
    table = PSHashtable()
    for d in decls:
        type_name = d.type_name or "System.Object"
        switch = type_name.casefold() in ("switch", "system.management.automation.switchparameter")
        table[d.name] = ParameterMetadata(
            d.name, _SMA + "SwitchParameter" if switch else type_name, ["__AllParameterSets"], (),
            switch)
    if advanced:
        for param in common_parameters(False, dialect):
            table[param.name] = ParameterMetadata(param.name, param.type.dotnet_name,
                                                  ["__AllParameterSets"], param.aliases,
                                                  param.is_switch)
    return table


class CommandInfo:
    """CmdletInfo, AliasInfo and FunctionInfo, as Get-Command/Get-Alias show them."""

    PS_PROPERTIES = ("CommandType", "Name", "Definition", "ModuleName", "Version", "Source",
                     "ResolvedCommand", "DisplayName", "Parameters")

    def __init__(self, command_type: str, name: str, definition: str, dialect: Any,
                 resolved: Optional[str] = None, syntax: str = "",
                 parameters: Optional[Callable[[], PSHashtable]] = None):
        self._parameters = parameters
        self.CommandType = command_type
        self.Name = name
        self.Definition = definition
        module, version = MODULES.get(name.casefold(), ("", None)) if command_type == "Cmdlet" \
            else ("", None)
        self.ModuleName = module
        self.Version = version if dialect.module_command_view else None
        self.Source = module
        self.ResolvedCommand = resolved
        self.syntax = syntax
        self.DisplayName = ("%s -> %s" % (name, resolved)) if command_type == "Alias" and \
            dialect.module_command_view else name

    @property
    def Parameters(self) -> Optional[PSHashtable]:
        return self._parameters() if self._parameters is not None else None

    @property
    def PS_TYPE_NAMES(self) -> Tuple[str, ...]:
        return (_SMA + self.CommandType + "Info", _SMA + "CommandInfo", "System.Object")

    def __str__(self) -> str:
        return self.Name


# Layout of Get-Command/Get-Alias tables.  5.1: CommandType 15, Name 50, Version 10,
# Source the rest, with "alias -> target" names.  2.0: CommandType 15, Name 50 and
# Definition the rest (widths not verified for 2.0; kept here to change in one place).
_COMMAND_VIEWS = {
    False: TableView([TableColumn("CommandType", "CommandType", 15),
                      TableColumn("Name", "Name", 50),
                      TableColumn("Definition", "Definition", None)]),
    True: TableView([TableColumn("CommandType", "CommandType", 15),
                      TableColumn("Name", "DisplayName", 50),
                      TableColumn("Version", "Version", 10),
                      TableColumn("Source", "Source", None)]),
}


def _command_view(context: Any) -> TableView:
    # One view object per layout: cmdlets, aliases and functions share one table.
    return _COMMAND_VIEWS[as_dialect((context or {}).get("ps_version")).module_command_view]


for _kind in ("Cmdlet", "Alias", "Function", "Filter", "Application"):
    register_table_view(_SMA + _kind + "Info", _command_view)

COMMAND_NOT_FOUND = ("The term '%s' is not recognized as the name of a cmdlet, function, script "
                     "file, or operable program. Check the spelling of the name, or if a path was "
                     "included, verify that the path is correct and try again.")
ALIAS_NOT_FOUND = ("This command cannot find a matching alias because an alias with the name "
                   "'%s' does not exist.")
COMMAND_TYPES = ("Alias", "Function", "Filter", "Cmdlet", "ExternalScript", "Application",
                 "Script", "Workflow", "Configuration", "All")


#: External programs exshell emulates as commands: Get-Command reports them as
#: Application (the file in C:\Windows\system32), not as cmdlets.
APPLICATIONS = {"certreq": "certreq.exe", "certutil": "certutil.exe", "iisreset": "iisreset.exe"}
SYSTEM32 = "C:\\Windows\\system32\\"
#: The snap-in Exchange 2007's cmdlets come from (Get-Command's ModuleName, PSSnapIn).
EXCHANGE_2007_SNAPIN = "Microsoft.Exchange.Management.PowerShell.Admin"
#: The version of the temporary module Import-PSSession makes (what 5.1 shows).
REMOTING_MODULE_VERSION = "1.0"


class RemotingModule:
    """The session's implicit-remoting module (registered in the context once)."""

    def __init__(self, name: str):
        self.name = name


def remoting_module_name(context: Any) -> str:
    """The temporary module implicit remoting puts the Exchange commands in
    (``tmp_`` + a random 8.3 file name, as Import-PSSession names it): one per session,
    drawn from the session's clock at the first ask, so it repeats in tests."""
    found = context.find(RemotingModule)
    if found is None:
        import hashlib
        seed = "%s|%s" % (context.clock.now().isoformat(), context.environment.get("COMPUTERNAME", ""))
        digest = hashlib.sha256(seed.encode("utf-8")).digest()
        alphabet = "abcdefghijklmnopqrstuvwxyz012345"
        chars = "".join(alphabet[b % 32] for b in digest[:11])
        found = RemotingModule("tmp_%s.%s" % (chars[:8], chars[8:]))
        context.register(found)
    return found.name


def _proxy_definition(cls: Any, profile: Any) -> str:
    """The body of an implicit-remoting proxy function, as Get-Command's Definition shows
    it: the param block generated from the command's parameters (the remoting code
    that follows in the real proxy is summed up)."""
    lines = ["[CmdletBinding(DefaultParameterSetName='%s')]" % (cls.default_set or "__AllParameterSets"),
             "    param("]
    own = [p for p in cls.parameters_for(profile) if not p.common and "#" not in p.name]
    for i, prm in enumerate(own):
        attrs = []
        if prm.position is not None:
            attrs.append("Position=%d" % prm.position)
        if prm.mandatory:
            attrs.append("Mandatory=$true")
        if prm.from_pipeline:
            attrs.append("ValueFromPipeline=$true")
        if prm.from_pipeline_by_name:
            attrs.append("ValueFromPipelineByPropertyName=$true")
        lines.append("    ")
        lines.append("    [Parameter(%s)]" % ", ".join(attrs) if attrs else "    [Parameter()]")
        kind = "switch" if prm.is_switch else getattr(prm.type, "dotnet_name", "System.Object")
        lines.append("    [%s]" % kind)
        lines.append("    ${%s}%s" % (prm.name, "," if i < len(own) - 1 else ")"))
    if not own:
        lines.append("    )")
    lines += ["", "    begin", "    {", "        # runs %s on the Exchange server (implicit remoting)" % cls.name,
              "    }", ""]
    return "\n".join(lines)


def all_commands(context: Any) -> List[CommandInfo]:
    profile, dialect = context.profile, context.dialect
    out: List[CommandInfo] = []
    remote = profile.implicit_remoting
    for cls in context.commands.cmdlets.values():
        if not cls.is_available(profile):
            continue
        params = (lambda cls=cls: _parameters_of(cls.parameters_for(profile)))
        app = APPLICATIONS.get(cls.name.casefold())
        if app is not None:
            info = CommandInfo("Application", app, SYSTEM32 + app, dialect, parameters=None)
            info.Source = info.Path = SYSTEM32 + app
            info.Version = profile.windows_version.rsplit(" ", 1)[-1] if dialect.module_command_view \
                and profile.windows_version.rsplit(" ", 1)[-1][:1].isdigit() else None
            out.append(info)
            continue
        if getattr(cls, "command_type", "Cmdlet") == "Function":
            out.append(CommandInfo("Function", cls.name, getattr(cls, "definition", ""), dialect,
                                   parameters=params))
            continue
        if getattr(cls, "exchange_task", False) and remote:
            info = CommandInfo("Function", cls.name, _proxy_definition(cls, profile), dialect,
                               parameters=params, syntax="\n".join(syntax_lines(cls, profile)))
            info.ModuleName = info.Source = remoting_module_name(context)
            info.Version = REMOTING_MODULE_VERSION if dialect.module_command_view else None
            out.append(info)
            continue
        lines = syntax_lines(cls, profile)
        info = CommandInfo("Cmdlet", cls.name, "\n" + "\n\n".join(lines) + "\n"
                           if dialect.module_command_view else "\n".join(lines), dialect,
                           syntax="\n".join(lines), parameters=params)
        if getattr(cls, "exchange_task", False):
            info.ModuleName = info.Source = EXCHANGE_2007_SNAPIN
        out.append(info)
    for alias, target in context.commands.aliases.items():
        cls = context.commands.lookup(target)
        if cls is not None and not cls.is_available(profile):
            continue
        if cls is not None and alias.casefold() == APPLICATIONS.get(cls.name.casefold()):
            continue                       # certreq.exe is the program itself, not an alias
        out.append(CommandInfo("Alias", alias, target, dialect, resolved=target,
                               parameters=(lambda cls=cls: _parameters_of(cls.parameters_for(profile)))
                               if cls is not None else None))
    for key, fn in context.functions.items():
        kind = "Filter" if getattr(fn, "is_filter", False) else "Function"
        out.append(CommandInfo(kind, fn.Name, fn.Definition, dialect,
                               parameters=lambda fn=fn: _function_parameters(fn, dialect)))
    return out


_TYPE_ORDER = {"Alias": 0, "Function": 1, "Filter": 2, "Cmdlet": 3, "Application": 4}


class GetCommand(Cmdlet):
    name = "Get-Command"
    aliases = ("gcm",)
    dotnet_class = _CMD + "GetCommandCommand"
    synopsis = "Gets all commands."
    default_set = "CmdletSet"
    parameters = (
        Parameter("Name", STRINGS, position=0, from_pipeline=True,
                  from_pipeline_by_name=True, sets=("AllCommandSet",)),
        Parameter("Verb", STRINGS, sets=("CmdletSet",)),
        Parameter("Noun", STRINGS, sets=("CmdletSet",)),
        Parameter("Module", STRINGS, aliases=("PSSnapin",)),
        Parameter("CommandType", ListOf(ChoiceType(COMMAND_TYPES, _SMA + "CommandTypes")),
                  aliases=("Type",), sets=("AllCommandSet",)),
        Parameter("TotalCount", IntType()),
        Parameter("Syntax", SWITCH),
        Parameter("ArgumentList", ListOf(ObjectType(), "System.Object[]"), position=1,
                  aliases=("Args",)),
    )

    def process(self, p: Any) -> None:
        commands = all_commands(self.context)
        names = p.Name
        types = [t.casefold() for t in (p.CommandType or [])]
        if names is None and not types:
            # Without -Name, Get-Command lists cmdlets (2.0) / everything but aliases'
            # duplicates; we list cmdlets and functions, as both versions do by default.
            commands = [c for c in commands if c.CommandType in ("Cmdlet", "Function", "Filter")
                        or p.Verb or p.Noun]
        if p.Module:
            commands = [c for c in commands if any(like(c.ModuleName or "", m) for m in p.Module)]
        result: List[CommandInfo] = []
        for pattern in (names or ["*"]):
            # A program is found by its name with or without .exe, as PATH lookup does.
            hits = [c for c in commands if like(c.Name, pattern) or (
                c.CommandType == "Application" and like(c.Name[:-4], pattern))]
            if p.Verb:
                hits = [c for c in hits if c.CommandType != "Alias" and "-" in c.Name and
                        _matches(c.Name.split("-", 1)[0], p.Verb)]
            if p.Noun:
                hits = [c for c in hits if c.CommandType != "Alias" and "-" in c.Name and
                        _matches(c.Name.split("-", 1)[1], p.Noun)]
            if types and "all" not in types:
                hits = [c for c in hits if c.CommandType.casefold() in types]
            if not hits and not any(ch in pattern for ch in "*?["):
                self.write_error(self.error_record(
                    COMMAND_NOT_FOUND % pattern, "CommandNotFoundException", "ObjectNotFound",
                    target=pattern, exception_type=_SMA + "CommandNotFoundException"))
                continue
            hits.sort(key=lambda c: (_TYPE_ORDER.get(c.CommandType, 9), c.Name.casefold())
                      if self.context.dialect.module_command_view else
                      (c.Name.casefold(), _TYPE_ORDER.get(c.CommandType, 9)))
            for c in hits:
                if c not in result:
                    result.append(c)
        if p.TotalCount is not None:
            result = result[:max(p.TotalCount, 0)]
        for c in result:
            if p.Syntax:
                if c.CommandType == "Alias":
                    self.write_object(c.Definition)
                elif c.CommandType == "Cmdlet":
                    self.write_object(c.Definition)
                elif c.syntax:                     # a proxy function: its command's syntax
                    self.write_object(c.syntax if not self.context.dialect.module_command_view
                                      else "\n" + c.syntax.replace("\n", "\n\n") + "\n")
                else:
                    self.write_object(c.Name)
            else:
                self.write_object(c)


class GetAlias(Cmdlet):
    name = "Get-Alias"
    aliases = ("gal",)
    dotnet_class = _CMD + "GetAliasCommand"
    synopsis = "Gets the aliases for the current session."
    default_set = "Default"
    parameters = (
        Parameter("Name", STRINGS, position=0, from_pipeline=True,
                  from_pipeline_by_name=True, sets=("Default",)),
        Parameter("Definition", STRINGS, sets=("Definition",)),
        Parameter("Exclude", STRINGS),
        Parameter("Scope", StringType()),
    )

    def process(self, p: Any) -> None:
        aliases = [c for c in all_commands(self.context) if c.CommandType == "Alias"]
        aliases.sort(key=lambda c: c.Name.casefold())
        if p.Definition:
            hits = [c for c in aliases if _matches(c.Definition, p.Definition)]
            for c in hits:
                if not (p.Exclude and _matches(c.Name, p.Exclude)):
                    self.write_object(c)
            return
        for pattern in p.Name or ["*"]:
            hits = [c for c in aliases if like(c.Name, pattern)
                    and not (p.Exclude and _matches(c.Name, p.Exclude))]
            if not hits and not any(ch in pattern for ch in "*?["):
                self.write_error(self.error_record(
                    ALIAS_NOT_FOUND % pattern, "ItemNotFoundException", "ObjectNotFound",
                    target=pattern, exception_type=_SMA + "ItemNotFoundException"))
                continue
            for c in hits:
                self.write_object(c)


ALIAS_EXISTS = "The alias is not allowed, because an alias with the name '%s' already exists."


class _AliasCommand(Cmdlet, register=False):
    """Set-Alias and New-Alias: an alias of this session for a command or function."""

    replaces = True
    parameters = (
        Parameter("Name", StringType(), position=0, mandatory=True, from_pipeline_by_name=True),
        Parameter("Value", StringType(), position=1, mandatory=True, from_pipeline_by_name=True),
        Parameter("Description", StringType(), from_pipeline_by_name=True),
        Parameter("Option", StringType("System.Management.Automation.ScopedItemOptions"),
                  from_pipeline_by_name=True),
        Parameter("Scope", StringType()),
        Parameter("PassThru", SWITCH),
        Parameter("Force", SWITCH),
    )
    supports_should_process = True

    def process(self, p: Any) -> None:
        commands = self.context.commands
        exists = commands.alias_target(p.Name) is not None
        if exists and not self.replaces and not p.Force:
            self.write_error(self.error_record(
                ALIAS_EXISTS % p.Name, "AliasAlreadyExists", "ResourceExists", target=p.Name,
                exception_type=_SMA + "SessionStateUnauthorizedAccessException"))
            return
        if not self.should_process("", target="Name: %s Value: %s" % (p.Name, p.Value),
                                   action="Set alias" if self.replaces else "New alias"):
            return
        commands.add_alias(p.Name, p.Value)
        if p.PassThru:
            self.write_object(CommandInfo("Alias", p.Name, p.Value, self.context.dialect,
                                          resolved=p.Value))


class SetAlias(_AliasCommand):
    name = "Set-Alias"
    aliases = ("sal",)
    dotnet_class = _CMD + "SetAliasCommand"
    synopsis = "Creates or changes an alias for a cmdlet or other command element in the current session."


class NewAlias(_AliasCommand):
    name = "New-Alias"
    aliases = ("nal",)
    dotnet_class = _CMD + "NewAliasCommand"
    synopsis = "Creates a new alias."
    replaces = False


# ================================================================== cultures and verbs

class _CultureCommand(Cmdlet, register=False):
    parameters = ()

    def process(self, p: Any) -> None:
        from ..engine.nettypes import CultureInfo
        self.write_object(CultureInfo("en-US"))


class GetCulture(_CultureCommand):
    name = "Get-Culture"
    dotnet_class = _CMD + "GetCultureCommand"
    synopsis = "Gets the current culture set in the operating system (en-US on the emulated server)."


class GetUICulture(_CultureCommand):
    name = "Get-UICulture"
    dotnet_class = _CMD + "GetUICultureCommand"
    synopsis = "Gets the current user interface (UI) culture settings in the operating system."


#: The approved verbs and their groups, as Get-Verb lists them.
VERBS = tuple((verb, group) for group, verbs in (
    ("Common", "Add Clear Close Copy Enter Exit Find Format Get Hide Join Lock Move New Open "
               "Optimize Pop Push Redo Remove Rename Reset Resize Search Select Set Show Skip "
               "Split Step Switch Undo Unlock Watch"),
    ("Data", "Backup Checkpoint Compare Compress Convert ConvertFrom ConvertTo Dismount Edit "
             "Expand Export Group Import Initialize Limit Merge Mount Out Publish Restore Save "
             "Sync Unpublish Update"),
    ("Lifecycle", "Approve Assert Complete Confirm Deny Disable Enable Install Invoke Register "
                  "Request Restart Resume Start Stop Submit Suspend Uninstall Unregister Wait"),
    ("Diagnostic", "Debug Measure Ping Repair Resolve Test Trace"),
    ("Communications", "Connect Disconnect Read Receive Send Write"),
    ("Security", "Block Grant Protect Revoke Unblock Unprotect"),
    ("Other", "Use"),
) for verb in verbs.split())
#: Verbs Windows PowerShell 3.0 and later approved, not yet in 2.0's list.
VERBS_SINCE_3 = frozenset(("Optimize", "Unpublish", "Complete"))


class VerbInfo:
    PS_TYPE_NAMES = (_SMA + "PSCustomObject", "System.Object")
    PS_PROPERTIES = ("Verb", "Group")

    def __init__(self, verb: str, group: str):
        self.Verb = verb
        self.Group = group

    def __str__(self) -> str:
        return "@{Verb=%s; Group=%s}" % (self.Verb, self.Group)


class GetVerb(Cmdlet):
    name = "Get-Verb"
    synopsis = "Gets the approved verbs for Windows PowerShell commands."
    parameters = (Parameter("Verb", STRINGS, position=0, from_pipeline=True),)

    def process(self, p: Any) -> None:
        newer = self.context.dialect.v3_cmdlets
        for verb, group in VERBS:
            if verb in VERBS_SINCE_3 and not newer:
                continue
            if p.Verb is None or any(like(verb, pattern) for pattern in p.Verb):
                self.write_object(VerbInfo(verb, group))


# ================================================================== Invoke-Command/-Expression

#: -ComputerName and friends need remoting, which exshell does not emulate.
NO_REMOTING = "exshell runs Invoke-Command locally only; -%s is not supported."


class InvokeCommand(Cmdlet):
    name = "Invoke-Command"
    aliases = ("icm",)
    dotnet_class = _CMD + "InvokeCommandCommand"
    synopsis = "Runs commands on local and remote computers."
    parameters = (
        Parameter("ScriptBlock", ScriptBlockType(), position=0, mandatory=True,
                  aliases=("Command",)),
        Parameter("ArgumentList", ListOf(ObjectType(), "System.Object[]"), aliases=("Args",)),
        Parameter("InputObject", OBJECT, from_pipeline=True),
        Parameter("NoNewScope", SWITCH),
        Parameter("ComputerName", STRINGS, aliases=("Cn",)),
        Parameter("Session", OBJECT),
        Parameter("Credential", OBJECT),
    )

    def begin(self) -> None:
        self.inputs: List[Any] = []
        self.params: Any = None

    def process(self, p: Any) -> None:
        if self.params is None:
            self.params = p
            for remote in ("ComputerName", "Session", "Credential"):
                if p.get(remote) is not None:
                    self.throw_terminating(self.error_record(
                        NO_REMOTING % remote, "RemotingNotSupported", "NotImplemented",
                        exception_type="System.NotSupportedException"))
        if p.bound("InputObject"):
            self.inputs.append(p.InputObject)

    def end(self) -> None:
        p = self.params
        if p is None:
            return
        sink = self.write_object
        if p.NoNewScope:
            self.context.invoke(p.ScriptBlock, sink)
            return
        self.context.invoke(p.ScriptBlock, sink, args=list(p.ArgumentList or []),
                            input=self.inputs, bind_arguments=True)


class InvokeExpression(Cmdlet):
    name = "Invoke-Expression"
    aliases = ("iex",)
    dotnet_class = _CMD + "InvokeExpressionCommand"
    synopsis = "Runs commands or expressions on the local computer."
    parameters = (Parameter("Command", StringType(), position=0, mandatory=True,
                            from_pipeline=True),)

    def process(self, p: Any) -> None:
        from ..lang import ParseError, parse
        text = p.Command or ""
        try:
            script = parse(text)
        except ParseError as error:
            first = error.first
            record = ErrorRecord(first.message, first.error_id, "ParserError",
                                 exception_type=_SMA + "ParseException",
                                 invocation=InvocationInfo(None, text, None, first.span,
                                                           first.span.start),
                                 parse_issues=error.issues)
            self.throw_terminating(record)
            return
        self.context.run(script, self.write_object)


# ===================================================================== secure strings

FORCE_REQUIRED = ("The system cannot protect plain text input. To suppress this warning and "
                  "convert the plain text to a SecureString, reissue the command specifying the "
                  "Force parameter. For more information ,type: get-help ConvertTo-SecureString.")
NOT_ENCRYPTED = "Input string was not in a correct format."


class ConvertToSecureString(Cmdlet):
    name = "ConvertTo-SecureString"
    dotnet_class = _CMD + "ConvertToSecureStringCommand"
    synopsis = "Converts plain text or encrypted strings to secure strings."
    default_set = "Secure"
    parameters = (
        Parameter("String", StringType(), position=0, mandatory=True, from_pipeline=True),
        Parameter("AsPlainText", SWITCH, position=1, sets=("PlainText",)),
        Parameter("Force", SWITCH, position=2, sets=("PlainText",)),
        Parameter("SecureKey", OBJECT, sets=("Secure",)),
        Parameter("Key", ListOf(IntType("System.Byte")), sets=("Open",)),
    )

    def process(self, p: Any) -> None:
        if p.AsPlainText:
            if not p.Force:
                self.throw_terminating(self.error_record(
                    FORCE_REQUIRED, "ImportSecureString_ForceRequired", "InvalidArgument",
                    exception_type="System.ArgumentException"))
            self.write_object(SecureString(p.String or ""))
            return
        # An "encrypted standard string": exshell's own ConvertFrom-SecureString form is
        # not emulated, so anything given here is refused as .NET refuses bad input.
        self.write_error(self.error_record(NOT_ENCRYPTED, "ImportSecureString_InvalidArgument",
                                           "InvalidArgument", target=p.String,
                                           exception_type="System.FormatException"))


#: The console credential prompt (ConsolePrompting layout; the GUI dialog is not emulated).
CREDENTIAL_CAPTION = "Windows PowerShell credential request."
CREDENTIAL_MESSAGE = "Enter your credentials."


class GetCredential(Cmdlet):
    name = "Get-Credential"
    dotnet_class = _CMD + "GetCredentialCommand"
    synopsis = "Gets a credential object based on a user name and password."
    parameters = (
        Parameter("Credential", OBJECT, position=0),
        Parameter("Message", StringType(), available=v3_cmdlets),
        Parameter("UserName", StringType(), available=v3_cmdlets),
    )

    def process(self, p: Any) -> None:
        if isinstance(p.Credential, PSCredential):
            self.write_object(p.Credential)
            return
        if not self.host.interactive:
            raise HostUnavailable()
        user = p.UserName or (to_string(p.Credential) if p.Credential is not None else None)
        self.host.write_line(CREDENTIAL_CAPTION)
        self.host.write_line(p.Message or CREDENTIAL_MESSAGE)
        if not user:
            user = _read(self, "User: ")
        password = _read(self, "Password for user %s: " % user, secure=True)
        self.write_object(PSCredential(user, SecureString(password)))


class ClearHost(Cmdlet):
    name = "Clear-Host"
    aliases = ("cls", "clear")
    dotnet_class = ""
    synopsis = "Clears the display in the host program."

    def process(self, p: Any) -> None:
        clear = getattr(self.host, "clear_screen", None)
        if callable(clear):
            clear()
            return
        out = getattr(self.host, "stdout", None)
        try:
            if out is not None and out.isatty():
                out.write("\x1b[2J\x1b[H")
                out.flush()
        except (AttributeError, ValueError, OSError):
            pass


# ============================================================================ New-Object

class NewObject(Cmdlet):
    """Create an object of a .NET type (the common ones scripts use)."""

    name = "New-Object"
    dotnet_class = _CMD + "NewObjectCommand"
    synopsis = "Creates an instance of a Microsoft .NET Framework or COM object."
    parameters = (
        Parameter("TypeName", StringType(), position=0, mandatory=True),
        Parameter("ArgumentList", ListOf(ObjectType(), "System.Object[]"), position=1,
                  aliases=("Args",)),
        Parameter("Property", OBJECT),
        Parameter("ComObject", StringType()),
        Parameter("Strict", SWITCH),
    )

    def process(self, p: Any) -> None:
        from ..engine.dotnet import MethodError, construct, convert_to, resolve_type
        from ..engine.properties import set_property
        type_name = (p.TypeName or "").strip()
        folded = type_name.casefold()
        args = list(p.ArgumentList or [])
        info = resolve_type(type_name)
        if folded in ("psobject", "pscustomobject", "system.management.automation.psobject",
                      "system.object", "object"):
            obj: Any = PSObject()
        elif info is not None and info.net_type is not None and (
                info.net_type.construct is not None
                or getattr(info.net_type, "constructs_in_context", False)):
            try:
                if info.net_type.construct is not None:
                    obj = construct(info, args)
                else:
                    # A type whose constructor needs the session (a certificate read
                    # from the emulated drive): its static handler builds it.
                    hook = self.context.statics.get(info.full_name)
                    if hook is None:
                        raise MethodError("", "MethodCountCouldNotFindBest")
                    obj = hook(info.full_name, "new", args)
            except MethodError as e:
                if e.error_id == "MethodCountCouldNotFindBest":
                    self.throw_terminating(self.error_record(
                        'A constructor was not found. Cannot find an appropriate constructor for '
                        'type %s.' % type_name, "CannotFindAppropriateCtor", "ObjectNotFound",
                        target=type_name, exception_type="System.Management.Automation.PSArgumentException"))
                else:
                    self.throw_terminating(self.error_record(
                        e.message, "ConstructorInvokedThrowException", "InvalidOperation",
                        exception_type=e.exception_type))
                return
        elif folded in ("system.collections.hashtable", "collections.hashtable", "hashtable"):
            obj = PSHashtable()
        elif folded in ("system.datetime", "datetime") and len(args) >= 3:
            import datetime as _dt
            ints = [int(a) for a in args[:6]]
            obj = _dt.datetime(*ints)
        elif folded in ("system.timespan", "timespan") and args:
            import datetime as _dt
            ints = [int(a) for a in args] + [0] * (4 - len(args))
            obj = _dt.timedelta(hours=ints[0], minutes=ints[1], seconds=ints[2]) if len(args) == 3 \
                else _dt.timedelta(days=ints[0], hours=ints[1], minutes=ints[2], seconds=ints[3])
        elif folded in ("system.string", "string") and args:
            obj = "".join(str(a) for a in args) if not isinstance(args[0], int) else str(args[1]) * args[0]
        elif folded in ("system.security.securestring", "securestring"):
            obj = SecureString("")
        else:
            if info is None or info.full_name.startswith("System.IO") or info.full_name == "System.Math":
                self.throw_terminating(self.error_record(
                    self.context.dialect.message("NewObjectTypeNotFound") % type_name, "TypeNotFound", "InvalidType", target=type_name,
                    exception_type="System.Management.Automation.PSArgumentException"))
                return
            try:
                obj = convert_to(args[0] if len(args) == 1 else (args or None), info)
            except Exception:
                self.throw_terminating(self.error_record(
                    'A constructor was not found. Cannot find an appropriate constructor for type %s.'
                    % type_name, "CannotFindAppropriateCtor", "ObjectNotFound", target=type_name,
                    exception_type="System.Management.Automation.PSArgumentException"))
                return
        if isinstance(p.Property, PSHashtable):
            for key, value in p.Property.items():
                if isinstance(obj, PSObject):
                    obj.set(str(key), value)
                elif not set_property(obj, str(key), value):
                    self.write_error(self.error_record(
                        'The member "%s" was not found for the specified .NET object.' % key,
                        "InvalidOperationException", "InvalidOperation", target=obj,
                        exception_type="System.InvalidOperationException"))
        self.write_object(obj)
