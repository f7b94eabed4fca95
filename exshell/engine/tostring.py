"""PowerShell's ``ToString`` rules: the one place a value becomes text.

The evaluator (``"$x"``, ``[string]$x``, ``-join``, ``-f``) and the formatter
(``Out-Default``, list lines, table cells) both write values through this module, so
the two agree by construction: ``$x = 0.1 + 0.2; "$x"; $x`` prints ``0.3`` twice, as
Windows PowerShell 2.0 and 5.1 do.

The rules (both dialects run on .NET Framework, so they do not differ by version):

* ``Double.ToString()`` is the general format with 15 significant digits ("G15"):
  ``0.3`` for ``0.1 + 0.2``, ``1E+15``, ``1E-05``; ``NaN``, ``Infinity``,
  ``-Infinity``; negative zero prints as ``0``.  (PowerShell 7 on .NET Core prints the
  shortest round-trip form instead; no emulated version runs it.)
  ``Single`` uses 7 digits; ``Decimal`` keeps its scale (``1.50``) and never uses an
  exponent.  The round-trip ("R") form is here too, for serialisers that use it.
* String conversion uses the invariant culture: dates ``MM/dd/yyyy HH:mm:ss``.
  ``Format-*`` and ``Out-Default`` use the session culture, fixed to en-US in the
  emulated consoles: dates ``M/d/yyyy h:mm:ss tt``.  Numbers read the same in both.
* ``TimeSpan`` is the constant ("c") form ``[-][d.]hh:mm:ss[.fffffff]``.
* Enums print their member name; flags the set members joined by ``", "``.
* Arrays are joined with ``$OFS`` (a space by default); an array, byte array or
  hashtable *inside* an array prints as its type name (``System.Object[]``).
  ``$null`` elements are empty.
* Booleans ``True``/``False``; ``$null`` the empty string; a hashtable
  ``System.Collections.Hashtable``; a PSCustomObject ``@{A=1; B=x}``; a script block
  its text; any other object its own ``__str__`` or, without one, its type name (as
  .NET's ``Object.ToString()``).

Depends on ``engine.properties`` only, so ``exshell.format`` may import it too.
"""
from __future__ import annotations

import datetime as _dt
import decimal
import enum
import math
from typing import Any, List

from .properties import NOT_FOUND, PSHashtable, PSObject, type_names

__all__ = [
    "to_string", "culture_string", "format_double", "format_single",
    "format_double_roundtrip", "format_decimal", "format_datetime",
    "format_datetime_invariant", "format_long_datetime", "format_timespan",
    "enum_to_string", "object_to_string", "nested_type_name", "has_own_str",
    "CULTURE_DAYS", "CULTURE_MONTHS",
]

#: en-US day and month names (``dddd``, ``MMMM``), Monday first as Python counts.
CULTURE_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CULTURE_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")


# ----------------------------------------------------------------- numbers

def _special(x: float) -> str:
    if math.isnan(x):
        return "NaN"
    return "Infinity" if x > 0 else "-Infinity"


def _general(x: float, digits: int) -> str:
    if math.isnan(x) or math.isinf(x):
        return _special(x)
    if x == 0:
        return "0"  # .NET Framework prints negative zero as "0"
    # %G switches to exponent form under .NET's "G" rule (exponent < -4 or >= the
    # precision), drops trailing zeros and writes at least two exponent digits, as
    # .NET does ("1E-05", "1E+15").
    return "%.*G" % (digits, x)


def format_double(x: float) -> str:
    """``Double.ToString()`` on .NET Framework: 15 significant digits ("G15")."""
    return _general(x, 15)


def format_single(x: float) -> str:
    """``Single.ToString()`` on .NET Framework: 7 significant digits ("G7")."""
    return _general(x, 7)


def format_double_roundtrip(x: float) -> str:
    """``Double.ToString("R")``: the shortest text that reads back as the same double
    (what JSON serialisers write): ``0.30000000000000004``, ``1E+16``."""
    if math.isnan(x) or math.isinf(x):
        return _special(x)
    if x == int(x) and abs(x) < 1e15:
        return str(int(x))
    text = repr(x)
    if "e" in text:
        mantissa, exp = text.split("e")
        text = "%sE%s%02d" % (mantissa, "-" if exp.startswith("-") else "+", abs(int(exp)))
    return text


def format_decimal(d: decimal.Decimal) -> str:
    """``Decimal.ToString()``: the scale is kept (``1.50``), never an exponent."""
    if not d.is_finite():
        return str(d)
    return format(d, "f")


# ----------------------------------------------------------------- dates and times

def format_datetime(d: _dt.datetime) -> str:
    """en-US general date/time (``G``), the session culture: ``5/13/2013 7:20:34 AM``."""
    hour = d.hour % 12 or 12
    half = "AM" if d.hour < 12 else "PM"
    return "%d/%d/%04d %d:%02d:%02d %s" % (d.month, d.day, d.year, hour, d.minute, d.second, half)


def format_datetime_invariant(d: _dt.datetime) -> str:
    """The invariant culture (string conversion): ``05/13/2013 07:20:34``."""
    return "%02d/%02d/%04d %02d:%02d:%02d" % (d.month, d.day, d.year, d.hour, d.minute, d.second)


def format_long_datetime(d: _dt.datetime) -> str:
    """Get-Date's own view, en-US long date + long time: ``Monday, May 13, 2013 7:20:34 AM``."""
    hour = d.hour % 12 or 12
    half = "AM" if d.hour < 12 else "PM"
    return "%s, %s %d, %04d %d:%02d:%02d %s" % (
        CULTURE_DAYS[d.weekday()], CULTURE_MONTHS[d.month - 1], d.day, d.year, hour,
        d.minute, d.second, half)


def format_timespan(t: _dt.timedelta) -> str:
    """``TimeSpan.ToString()`` ("c"): ``[-][d.]hh:mm:ss[.fffffff]``."""
    ticks = (t // _dt.timedelta(microseconds=1)) * 10
    sign = "-" if ticks < 0 else ""
    ticks = abs(ticks)
    days, rest = divmod(ticks, 864_000_000_000)
    hours, rest = divmod(rest, 36_000_000_000)
    minutes, rest = divmod(rest, 600_000_000)
    seconds, fraction = divmod(rest, 10_000_000)
    text = "%s%s%02d:%02d:%02d" % (sign, ("%d." % days) if days else "", hours, minutes, seconds)
    if fraction:
        text += ".%07d" % fraction
    return text


# ----------------------------------------------------------------- enums and objects

def _member_name(member: enum.Enum) -> str:
    # Python cannot name a member ``None``; domain enums spell it ``None_``.
    name = member.name or ""
    return name[:-1] if name.endswith("_") else name


def enum_to_string(value: enum.Enum) -> str:
    """An enum's ``ToString()``.

    A domain enum that defines its own ``__str__`` (the Exchange ``AllowedServices``
    does) is trusted.  Otherwise .NET's rule: the member name; for a flags value the
    set members in ascending order joined by ``", "`` (``IMAP, POP, IIS, SMTP``), the
    zero member's name for 0, the number itself when bits are left over.
    """
    cls = type(value)
    for klass in cls.__mro__:
        if "__str__" in klass.__dict__:
            if klass.__module__ not in ("enum", "builtins"):
                return str(value)
            break
    if not isinstance(value, enum.Flag):
        return _member_name(value)
    number = int(value.value)
    members = list(cls.__members__.values())
    for m in members:
        if int(m.value) == number:
            return _member_name(m)
    if number == 0:
        return "0"
    remaining = number
    chosen: List[enum.Enum] = []
    for m in sorted(members, key=lambda m: int(m.value), reverse=True):
        mv = int(m.value)
        if mv and (remaining & mv) == mv:
            chosen.append(m)
            remaining &= ~mv
    if remaining:
        return str(number)
    return ", ".join(_member_name(m) for m in reversed(chosen))


def has_own_str(value: Any) -> bool:
    """Whether the value's class defines its own ``__str__`` (its ``ToString()``)."""
    for klass in type(value).__mro__:
        if "__str__" in klass.__dict__:
            return klass is not object
    return False


def object_to_string(value: Any) -> str:
    """``ToString()`` of any other object: its ``__str__`` if it defines one, else its
    type name (as .NET's ``Object.ToString()``)."""
    if has_own_str(value):
        return str(value)
    names = type_names(value)
    return names[0] if names else type(value).__name__


def nested_type_name(value: Any) -> str:
    """How a collection inside a collection or a property prints: its type name."""
    return type_names(value)[0]


def _is_nested_collection(value: Any) -> bool:
    return isinstance(value, (list, tuple, bytes, bytearray, PSHashtable))


def _psobject_string(obj: PSObject) -> str:
    # PSCustomObject.ToString(): "@{A=1; B=2}".  Nested collections show their type
    # name, other values their string conversion.
    return "@{" + "; ".join(
        "%s=%s" % (name, nested_type_name(val) if _is_nested_collection(val) else to_string(val))
        for name, val in obj.items()) + "}"


# ----------------------------------------------------------------- public

def _scalar(value: Any) -> Any:
    """The text of a value both conversions write alike, or NOT_FOUND for the values
    where they differ (``$null``, dates, collections)."""
    if isinstance(value, str):
        return value if type(value) is str else str(value)  # a Char becomes a String
    if isinstance(value, enum.Enum):  # before int: IntFlag enums are ints too
        return enum_to_string(value)
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # A Single (``[float]``) carries SINGLE on its class and prints 7 digits.
        return format_single(value) if getattr(value, "SINGLE", False) else format_double(value)
    if isinstance(value, decimal.Decimal):
        return format_decimal(value)
    if isinstance(value, _dt.timedelta):
        return format_timespan(value)
    return NOT_FOUND


def to_string(value: Any, ofs: str = " ") -> str:
    """PowerShell's string conversion (invariant culture), as ``"$x"`` and
    ``[string]$x`` do; ``ofs`` is ``$OFS``, the separator for array elements."""
    if value is None or value is NOT_FOUND:
        return ""
    text = _scalar(value)
    if text is not NOT_FOUND:
        return text
    if isinstance(value, _dt.datetime):
        return format_datetime_invariant(value)
    if isinstance(value, _dt.date):
        return format_datetime_invariant(_dt.datetime(value.year, value.month, value.day))
    if isinstance(value, (bytes, bytearray)):
        return ofs.join(str(b) for b in value)
    if isinstance(value, (list, tuple)):
        return ofs.join(nested_type_name(v) if _is_nested_collection(v) else to_string(v, ofs)
                        for v in value)
    if isinstance(value, PSHashtable):
        return "System.Collections.Hashtable"
    if isinstance(value, PSObject):
        recorded = getattr(value, "ps_to_string", None)  # a deserialized object's <ToString>
        return _psobject_string(value) if recorded is None else recorded
    return object_to_string(value)


def culture_string(value: Any) -> str:
    """``ToString()`` in the session culture (en-US) of a single value: what
    ``Out-Default`` prints for a scalar and what a table cell holds for one.  It differs
    from :func:`to_string` only for dates; collections are the formatter's business
    (``{a, b}``), so they are not handled here."""
    if value is None or value is NOT_FOUND:
        return ""
    text = _scalar(value)
    if text is not NOT_FOUND:
        return text
    if isinstance(value, _dt.datetime):
        return format_datetime(value)
    if isinstance(value, _dt.date):
        return format_datetime(_dt.datetime(value.year, value.month, value.day))
    return to_string(value)
