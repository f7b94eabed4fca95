"""How one value is shown inside a list line or a table cell.

:func:`display_string` is what the formatter puts in a ``Format-List`` line or a
``Format-Table`` cell (PowerShell's ``PSObjectHelper.SmartToString``): collections
become ``{a, b, c, d...}`` (at most ``$FormatEnumerationLimit`` items) and ``$null``
is empty.  Everything else is the value's ``ToString()`` in the session culture
(en-US), from :mod:`exshell.engine.tostring` -- the same module the evaluator's string
conversion (``"$x"``) uses, so a double, an enum or a TimeSpan reads the same in a
string and as output.  Only dates differ between the two, as in PowerShell: the
session culture here (``5/13/2013 7:20:34 AM``), the invariant culture in ``"$x"``.

Imports only ``exshell.engine.properties`` and ``exshell.engine.tostring``.
"""
from __future__ import annotations

import datetime as _dt
import decimal
import enum
from typing import Any, Iterable, List

from exshell.engine.properties import (
    NOT_FOUND, PSHashtable, PSObject, get_property, property_names, type_names,
)
from exshell.engine.tostring import (
    culture_string, format_long_datetime, has_own_str, nested_type_name,
    object_to_string, to_string,
)

__all__ = [
    "display_string", "ellipsis_for", "is_scalar", "is_right_aligned_type",
    "format_long_datetime", "ps_major", "DEFAULT_ENUMERATION_LIMIT",
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
        return nested_type_name(item)
    if isinstance(item, (str, bool, int, float, decimal.Decimal, enum.Enum,
                         _dt.datetime, _dt.timedelta, PSObject)):
        return display_string(item, ps_version=ps_version)
    if has_own_str(item):
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
    if _is_collection(value):
        return _collection_string(value, ps_version, enumeration_limit)
    return culture_string(value)
