"""DateTime and TimeSpan arithmetic with .NET's ranges and exceptions.

Python's ``datetime`` and ``timedelta`` have other limits than .NET's (a timedelta
reaches 999,999,999 days, a TimeSpan 10,675,199; Python raises OverflowError with its
own words).  Every date and time-span computation a script can trigger goes through
here, so an out-of-range result fails with the exception .NET throws, whose message
PowerShell shows.

Imports nothing else from exshell.
"""
from __future__ import annotations

import datetime as _dt
import math
from typing import Any

__all__ = ["ClrError", "MIN_DATE", "MAX_DATE", "MAX_TIMESPAN", "MIN_TIMESPAN", "add",
           "subtract", "add_scaled", "add_months", "timespan_from", "timespan_of_ticks",
           "checked_timespan", "ticks_of"]

MIN_DATE = _dt.datetime(1, 1, 1)
MAX_DATE = _dt.datetime(9999, 12, 31, 23, 59, 59, 999999)

_TICKS_PER_MS = 10_000
_MAX_TICKS = 2**63 - 1
_MIN_TICKS = -2**63
_MAX_MILLIS = _MAX_TICKS // _TICKS_PER_MS
_MIN_MILLIS = _MIN_TICKS // _TICKS_PER_MS
#: DateTime.Add's limit on a scaled value: 10,000 years of milliseconds.
_MAX_DATE_MILLIS = 315537897600000

MAX_TIMESPAN = _dt.timedelta(microseconds=_MAX_TICKS // 10)
MIN_TIMESPAN = -_dt.timedelta(microseconds=-(_MIN_TICKS // 10))

_DATE_ARITHMETIC = "The added or subtracted value results in an un-representable DateTime."
_TIMESPAN_TOO_LONG = "TimeSpan overflowed because the duration is too long."


class ClrError(Exception):
    """What .NET throws: ``exception`` (full type name) and its ``message``."""

    def __init__(self, exception: str, message: str):
        super().__init__(message)
        self.exception = exception
        self.message = message


def _out_of_range(message: str, parameter: str) -> ClrError:
    return ClrError("System.ArgumentOutOfRangeException",
                    "%s\r\nParameter name: %s" % (message, parameter))


def ticks_of(span: _dt.timedelta) -> int:
    return (span // _dt.timedelta(microseconds=1)) * 10


def timespan_of_ticks(ticks: int) -> _dt.timedelta:
    if not _MIN_TICKS <= ticks <= _MAX_TICKS:
        raise ClrError("System.OverflowException", _TIMESPAN_TOO_LONG)
    return _dt.timedelta(microseconds=ticks // 10)


def checked_timespan(span: _dt.timedelta) -> _dt.timedelta:
    """A timedelta that must also be a TimeSpan (OverflowException beyond)."""
    return timespan_of_ticks(ticks_of(span))


def timespan_from(value: float, unit_ms: float) -> _dt.timedelta:
    """``TimeSpan.FromDays(value)`` and the like: rounded to whole milliseconds, as
    .NET Framework does; NaN and overflow throw."""
    if isinstance(value, float) and math.isnan(value):
        raise ClrError("System.ArgumentException",
                       "TimeSpan does not accept floating point Not-a-Number values.")
    millis = value * unit_ms + (0.5 if value >= 0 else -0.5)
    if math.isinf(millis) or not _MIN_MILLIS <= millis <= _MAX_MILLIS:
        raise ClrError("System.OverflowException", _TIMESPAN_TOO_LONG)
    return _dt.timedelta(milliseconds=int(millis))


def add(date: _dt.datetime, span: _dt.timedelta, parameter: str = "value") -> _dt.datetime:
    """``date + span`` within DateTime's range."""
    try:
        result = date + span
    except OverflowError:
        raise _out_of_range(_DATE_ARITHMETIC, parameter)
    return result


def subtract(date: _dt.datetime, span: _dt.timedelta) -> _dt.datetime:
    try:
        return date - span
    except OverflowError:
        raise _out_of_range(_DATE_ARITHMETIC, "value")


def add_scaled(date: _dt.datetime, value: Any, unit_ms: int) -> _dt.datetime:
    """``AddDays``/``AddHours``/``AddMinutes``/``AddSeconds``/``AddMilliseconds``:
    the value is rounded to whole milliseconds first (.NET's DateTime.Add)."""
    number = float(value)
    if math.isnan(number):
        raise _out_of_range("Value to add was out of range.", "value")
    millis = number * unit_ms + (0.5 if number >= 0 else -0.5)
    if math.isinf(millis) or not -_MAX_DATE_MILLIS < millis < _MAX_DATE_MILLIS:
        raise _out_of_range("Value to add was out of range.", "value")
    return add(date, _dt.timedelta(milliseconds=int(millis)))


def add_months(date: _dt.datetime, months: int, parameter: str = "months") -> _dt.datetime:
    """``AddMonths`` (and ``AddYears`` as twelve months each), the day clamped to the
    new month's length."""
    if not -120000 <= months <= 120000:
        raise _out_of_range("Months value must be between +/-120000.", "months")
    import calendar
    y, m = divmod(date.month - 1 + months, 12)
    year, month = date.year + y, m + 1
    if not 1 <= year <= 9999:
        raise _out_of_range(_DATE_ARITHMETIC, parameter)
    day = min(date.day, calendar.monthrange(year, month)[1])
    return date.replace(year=year, month=month, day=day)


def add_years(date: _dt.datetime, years: int) -> _dt.datetime:
    if not -10000 <= years <= 10000:
        raise _out_of_range("Years value must be between +/-10000.", "years")
    return add_months(date, years * 12, "years")
