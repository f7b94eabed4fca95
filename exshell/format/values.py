"""How one value is shown: inside a list or table cell, and as a plain string.

Two conversions live here, side by side because they are easy to confuse:

* :func:`display_string` is what the formatter puts in a ``Format-List`` line or a
  ``Format-Table`` cell (PowerShell's ``PSObjectHelper.SmartToString``): collections
  become ``{a, b, c, d...}`` (at most ``$FormatEnumerationLimit`` items), dates use the
  session culture (en-US ``5/13/2013 7:20:34 AM``), ``$null`` is empty.
* :func:`to_string` is PowerShell's string *conversion* (``"$x"``, ``[string]$x``),
  which uses the invariant culture (``05/13/2013 07:20:34``) and joins arrays with a
  space.  The engine uses it for string expansion.

The session culture is fixed to en-US (the emulated EMS consoles); numbers follow .NET
Framework, which 2.0 and 5.1 run on (doubles print with 15 significant digits).

Imports only ``exshell.engine.properties`` (and the standard library).
"""
from __future__ import annotations

import datetime as _dt
import decimal
import enum
import math
from typing import Any, Iterable, List

from exshell.engine.properties import (
    NOT_FOUND, PSHashtable, PSObject, get_property, property_names, type_names,
)

__all__ = [
    "display_string", "to_string", "ellipsis_for", "is_scalar", "is_right_aligned_type",
    "format_double", "format_datetime", "format_datetime_invariant", "format_timespan",
    "format_long_datetime", "enum_to_string", "object_to_string", "ps_major",
    "DEFAULT_ENUMERATION_LIMIT",
]

#: ``$FormatEnumerationLimit`` default.
DEFAULT_ENUMERATION_LIMIT = 4

# Ellipsis used when a cell or a collection is cut: three dots up to 6.x, one
# character (U+2026) from 7 on (reference powershell-subset §0).
_ELLIPSIS_OLD = "..."
_ELLIPSIS_NEW = "\u2026"

# Types PowerShell treats as "scalars" (DefaultScalarTypes): printed one per line by
# Out-Default, and right-aligned in generated tables (except String).  Enums count too.
_SCALAR_TYPE_NAMES = frozenset(n.casefold() for n in (
    "System.String", "System.SByte", "System.Byte", "System.Int16", "System.UInt16",
    "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Char",
    "System.Single", "System.Double", "System.Boolean", "System.Decimal",
    "System.IntPtr", "System.Security.SecureString",
))

_DESERIALIZED = "deserialized."


def ps_major(ps_version: str) -> int:
    """``"2.0"`` -> 2, ``"5.1"`` -> 5; anything unreadable counts as 2.0."""
    try:
        return int(str(ps_version).split(".")[0])
    except ValueError:
        return 2


def ellipsis_for(ps_version: str = "2.0") -> str:
    return _ELLIPSIS_NEW if ps_major(ps_version) >= 7 else _ELLIPSIS_OLD


# ----------------------------------------------------------------- classification

def _first_type_name(value: Any) -> str:
    names = type_names(value)
    first = names[0] if names else ""
    if first.casefold().startswith(_DESERIALIZED):
        first = first[len(_DESERIALIZED):]
    return first


def is_scalar(value: Any) -> bool:
    """True for the values Out-Default prints with ToString, one per line."""
    if value is None or value is NOT_FOUND:
        return False
    if isinstance(value, (str, bool, int, float, decimal.Decimal, enum.Enum)):
        return True
    if isinstance(value, (PSObject, PSHashtable, list, tuple, bytes, _dt.datetime,
                          _dt.timedelta)):
        return False
    names = type_names(value)
    if len(names) > 1 and names[1] == "System.Enum":
        return True
    return _first_type_name(value).casefold() in _SCALAR_TYPE_NAMES


def is_right_aligned_type(value: Any) -> bool:
    """Generated tables right-align numbers, booleans, chars and enums (not strings)."""
    if value is None or value is NOT_FOUND or isinstance(value, str):
        return False
    if not is_scalar(value):
        return False
    return _first_type_name(value).casefold() != "system.string"


# ----------------------------------------------------------------- scalars

def format_double(x: float) -> str:
    """A double as .NET Framework's ``ToString()`` writes it ("G15", invariant/en-US)."""
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"  # .NET Framework prints negative zero as "0"
    # Python's %G switches to exponent form under the same rule as .NET's "G"
    # (exponent < -4 or >= precision) and also writes at least two exponent digits.
    return "%.15G" % x


def _format_decimal(d: decimal.Decimal) -> str:
    if not d.is_finite():
        return str(d)
    return format(d, "f")  # .NET never uses exponent notation for decimals


def format_datetime(d: _dt.datetime) -> str:
    """en-US general date/time (``G``): ``5/13/2013 7:20:34 AM``."""
    hour = d.hour % 12 or 12
    half = "AM" if d.hour < 12 else "PM"
    return "%d/%d/%04d %d:%02d:%02d %s" % (d.month, d.day, d.year, hour, d.minute, d.second, half)


def format_datetime_invariant(d: _dt.datetime) -> str:
    """Invariant culture (string conversion): ``05/13/2013 07:20:34``."""
    return "%02d/%02d/%04d %02d:%02d:%02d" % (d.month, d.day, d.year, d.hour, d.minute, d.second)


def format_long_datetime(d: _dt.datetime) -> str:
    """Get-Date's own view, en-US long date + long time: ``Monday, May 13, 2013 7:20:34 AM``."""
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    months = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
    hour = d.hour % 12 or 12
    half = "AM" if d.hour < 12 else "PM"
    return "%s, %s %d, %04d %d:%02d:%02d %s" % (
        days[d.weekday()], months[d.month - 1], d.day, d.year, hour, d.minute, d.second, half)


def format_timespan(t: _dt.timedelta) -> str:
    """.NET ``TimeSpan.ToString()`` ("c"): ``[-][d.]hh:mm:ss[.fffffff]``."""
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


def _has_own_str(value: Any) -> bool:
    for klass in type(value).__mro__:
        if "__str__" in klass.__dict__:
            return klass is not object
    return False


def object_to_string(value: Any) -> str:
    """``ToString()`` of a domain object: its ``__str__`` if it defines one, else its
    type name (as .NET's ``Object.ToString()``)."""
    if _has_own_str(value):
        return str(value)
    names = type_names(value)
    return names[0] if names else type(value).__name__


def _psobject_string(obj: PSObject) -> str:
    # PSCustomObject.ToString(): "@{A=1; B=2}".  Nested collections show their type
    # name, other values their string conversion.
    parts = []
    for name, val in obj.items():
        if isinstance(val, (list, tuple, bytes, PSHashtable)):
            shown = type_names(val)[0]
        else:
            shown = to_string(val)
        parts.append("%s=%s" % (name, shown))
    return "@{" + "; ".join(parts) + "}"


# ----------------------------------------------------------------- collections

def _is_collection(value: Any) -> bool:
    return isinstance(value, (list, tuple, bytes, bytearray, set, frozenset, PSHashtable))


def _items(value: Any) -> Iterable[Any]:
    if isinstance(value, PSHashtable):
        return list(value.keys())  # see _element_name: a DictionaryEntry shows its key
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    return value


# Properties PowerShell tries, in order, to name an element without its own ToString.
_DISPLAY_NAME_PATTERNS = ("name", "id", "key")
_DISPLAY_NAME_SUFFIXES = ("key", "name", "id")


def _element_name(item: Any, ps_version: str) -> str:
    """How one element of a collection is named inside ``{...}`` (GetObjectName)."""
    if item is None or item is NOT_FOUND:
        return "$null"
    if isinstance(item, (list, tuple, bytes, bytearray, PSHashtable)):
        return type_names(item)[0]
    if isinstance(item, (str, bool, int, float, decimal.Decimal, enum.Enum,
                         _dt.datetime, _dt.timedelta, PSObject)):
        return display_string(item, ps_version=ps_version)
    if _has_own_str(item):
        return str(item)
    # No ToString of its own: look for a display-name property (Name, Id, Key,
    # *Key, *Name, *Id), as PowerShell does.
    names = property_names(item)
    folded = [n.casefold() for n in names]
    for pattern in _DISPLAY_NAME_PATTERNS:
        if pattern in folded:
            return to_string(get_property(item, names[folded.index(pattern)]))
    for suffix in _DISPLAY_NAME_SUFFIXES:
        for real, low in zip(names, folded):
            if low.endswith(suffix):
                return to_string(get_property(item, real))
    return object_to_string(item)


def _collection_string(value: Any, ps_version: str, limit: int) -> str:
    parts: List[str] = []
    cut = False
    for index, item in enumerate(_items(value)):
        if limit >= 0 and index == limit:
            cut = True
            break
        parts.append(_element_name(item, ps_version))
    return "{" + ", ".join(parts) + (ellipsis_for(ps_version) if cut else "") + "}"


# ----------------------------------------------------------------- public

def display_string(value: Any, *, ps_version: str = "2.0",
                   enumeration_limit: int = DEFAULT_ENUMERATION_LIMIT) -> str:
    """The text of ``value`` in a list line or table cell (session culture en-US).

    ``enumeration_limit`` is ``$FormatEnumerationLimit``; a negative value means no limit.
    """
    if value is None or value is NOT_FOUND:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, enum.Enum):
        return enum_to_string(value)
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_double(value)
    if isinstance(value, decimal.Decimal):
        return _format_decimal(value)
    if isinstance(value, _dt.datetime):
        return format_datetime(value)
    if isinstance(value, _dt.date):
        return format_datetime(_dt.datetime(value.year, value.month, value.day))
    if isinstance(value, _dt.timedelta):
        return format_timespan(value)
    if _is_collection(value):
        return _collection_string(value, ps_version, enumeration_limit)
    if isinstance(value, PSObject):
        return _psobject_string(value)
    return object_to_string(value)


def to_string(value: Any) -> str:
    """PowerShell's string conversion (invariant culture), as used by ``"$x"``.

    ``$null`` -> ``""``; arrays are joined with a space (``$OFS``), and an array
    inside an array shows as ``System.Object[]``; dates are ``MM/dd/yyyy HH:mm:ss``.
    """
    if value is None or value is NOT_FOUND:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, enum.Enum):
        return enum_to_string(value)
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_double(value)
    if isinstance(value, decimal.Decimal):
        return _format_decimal(value)
    if isinstance(value, _dt.datetime):
        return format_datetime_invariant(value)
    if isinstance(value, _dt.date):
        return format_datetime_invariant(_dt.datetime(value.year, value.month, value.day))
    if isinstance(value, _dt.timedelta):
        return format_timespan(value)
    if isinstance(value, (bytes, bytearray)):
        return " ".join(str(b) for b in value)
    if isinstance(value, (list, tuple)):
        return " ".join(
            type_names(v)[0] if isinstance(v, (list, tuple, bytes, PSHashtable)) else to_string(v)
            for v in value)
    if isinstance(value, PSHashtable):
        return "System.Collections.Hashtable"
    if isinstance(value, PSObject):
        return _psobject_string(value)
    return object_to_string(value)
