""".NET format strings, for the ``FormatString`` key of calculated properties.

``@{n='Days';e={...};FormatString='N0'}`` formats the value with .NET's
``ToString(format)`` in the session culture (en-US); a string containing ``{0`` or
``}`` is a composite format (``'{0:N2} GB'``).  This module covers what admins
actually type: the standard numeric formats (C, D, E, F, G, N, P, X), simple custom
numeric patterns (``0.00``, ``#,##0``), and standard and custom date/time patterns.
Anything it does not understand falls back to the value's plain display text rather
than failing, as PowerShell swallows formatting errors in views.

Imports only sibling modules.
"""
from __future__ import annotations

import datetime as _dt
import decimal
import enum
import re
from typing import Any, Callable

from .values import display_string

__all__ = ["apply_format_string"]

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")

# en-US standard date/time patterns.
_STANDARD_DATE = {
    "d": "M/d/yyyy",
    "D": "dddd, MMMM d, yyyy",
    "f": "dddd, MMMM d, yyyy h:mm tt",
    "F": "dddd, MMMM d, yyyy h:mm:ss tt",
    "g": "M/d/yyyy h:mm tt",
    "G": "M/d/yyyy h:mm:ss tt",
    "m": "MMMM d", "M": "MMMM d",
    "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
    "t": "h:mm tt",
    "T": "h:mm:ss tt",
    "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
    "y": "MMMM yyyy", "Y": "MMMM yyyy",
}

_DATE_TOKEN = re.compile(r"yyyy|yyy|yy|y|MMMM|MMM|MM|M|dddd|ddd|dd|d|HH|H|hh|h|mm|m|ss|s|"
                         r"tt|t|f{1,7}|F{1,7}|'[^']*'|\"[^\"]*\"|\\.|.", re.S)


def _format_date(d: _dt.datetime, pattern: str) -> str:
    if len(pattern) == 1:
        if pattern not in _STANDARD_DATE:
            raise ValueError(pattern)
        pattern = _STANDARD_DATE[pattern]
    out = []
    for tok in _DATE_TOKEN.findall(pattern):
        h12 = d.hour % 12 or 12
        table: dict = {
            "yyyy": "%04d" % d.year, "yyy": "%03d" % d.year, "yy": "%02d" % (d.year % 100),
            "y": str(d.year % 100), "MMMM": _MONTHS[d.month - 1], "MMM": _MONTHS[d.month - 1][:3],
            "MM": "%02d" % d.month, "M": str(d.month), "dddd": _DAYS[d.weekday()],
            "ddd": _DAYS[d.weekday()][:3], "dd": "%02d" % d.day, "d": str(d.day),
            "HH": "%02d" % d.hour, "H": str(d.hour), "hh": "%02d" % h12, "h": str(h12),
            "mm": "%02d" % d.minute, "m": str(d.minute), "ss": "%02d" % d.second,
            "s": str(d.second), "tt": "AM" if d.hour < 12 else "PM",
            "t": "A" if d.hour < 12 else "P",
        }
        if tok in table:
            out.append(table[tok])
        elif tok[0] in "fF":
            digits = ("%06d" % d.microsecond + "0")[:len(tok)]
            out.append(digits.rstrip("0") if tok[0] == "F" else digits)
        elif tok[0] in "'\"":
            out.append(tok[1:-1])
        elif tok[0] == "\\":
            out.append(tok[1:])
        else:
            out.append(tok)
    return "".join(out)


def _round(value: Any, places: int) -> decimal.Decimal:
    # .NET rounds half away from zero when formatting.
    d = decimal.Decimal(repr(value)) if isinstance(value, float) else decimal.Decimal(value)
    return d.quantize(decimal.Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)


def _group(digits: str) -> str:
    return "{:,}".format(int(digits)) if digits else "0"


def _fixed(value: Any, places: int, thousands: bool) -> str:
    d = _round(value, places)
    sign = "-" if d < 0 else ""
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    if thousands:
        whole = _group(whole)
    return sign + whole + ("." + frac if places > 0 else "")


def _format_number(value: Any, fmt: str) -> str:
    m = re.fullmatch(r"([CcDdEeFfGgNnPpXx])(\d{0,2})", fmt)
    if m:
        kind, digits = m.group(1), m.group(2)
        precision = int(digits) if digits else None
        upper = kind.upper()
        if upper == "D":
            if not isinstance(value, int):
                raise ValueError(fmt)
            text = str(abs(value)).rjust(precision or 0, "0")
            return ("-" if value < 0 else "") + text
        if upper == "X":
            if not isinstance(value, int):
                raise ValueError(fmt)
            text = format(value & 0xFFFFFFFF if value < 0 else value, "x" if kind == "x" else "X")
            return text.rjust(precision or 0, "0")
        if upper == "F":
            return _fixed(value, 2 if precision is None else precision, False)
        if upper == "N":
            return _fixed(value, 2 if precision is None else precision, True)
        if upper == "P":
            return _fixed(decimal.Decimal(repr(value) if isinstance(value, float) else value) * 100,
                          2 if precision is None else precision, True) + " %"
        if upper == "C":
            text = _fixed(value, 2 if precision is None else precision, True)
            return "($%s)" % text[1:] if text.startswith("-") else "$" + text
        if upper == "E":
            places = 6 if precision is None else precision
            mantissa, exponent = ("%.*e" % (places, float(value))).split("e")
            sign = exponent[0]
            return "%s%s%s%03d" % (mantissa, kind, sign, abs(int(exponent)))
        return display_string(value)  # G
    # Custom numeric pattern: 0 and # digits, one '.', ',' for thousands.
    if re.fullmatch(r"[#0,]*(\.[#0]*)?", fmt) and fmt:
        whole, _, frac = fmt.partition(".")
        places_min = frac.count("0")
        places_max = len(frac)
        text = _fixed(value, places_max, "," in whole)
        if places_max > places_min and "." in text:
            head, _, tail = text.partition(".")
            tail = tail.rstrip("0")
            tail = tail + "0" * max(0, places_min - len(tail))
            text = head + ("." + tail if tail else "")
        min_int = whole.replace(",", "").count("0")
        sign = "-" if text.startswith("-") else ""
        body = text[len(sign):]
        head, dot, tail = body.partition(".")
        if head == "0" and min_int == 0:
            head = ""
        digits = head.replace(",", "").rjust(min_int, "0")
        head = _group(digits) if "," in whole and digits else digits
        return sign + head + dot + tail
    raise ValueError(fmt)


def _format_one(value: Any, fmt: str) -> str:
    if not fmt:
        return display_string(value)
    if isinstance(value, bool) or isinstance(value, enum.Enum) or value is None:
        return display_string(value)
    if isinstance(value, _dt.datetime):
        return _format_date(value, fmt)
    if isinstance(value, (int, float, decimal.Decimal)):
        return _format_number(value, fmt)
    return display_string(value)  # not IFormattable: the format is ignored


_COMPOSITE = re.compile(r"\{\{|\}\}|\{(\d+)(?:,(-?\d+))?(?::([^}]*))?\}")


def _composite(value: Any, fmt: str) -> str:
    def repl(m: "re.Match[str]") -> str:
        if m.group(0) == "{{":
            return "{"
        if m.group(0) == "}}":
            return "}"
        if m.group(1) != "0":
            raise ValueError(fmt)
        text = _format_one(value, m.group(3) or "")
        if m.group(2):
            width = int(m.group(2))
            text = text.ljust(-width) if width < 0 else text.rjust(width)
        return text
    return _COMPOSITE.sub(repl, fmt)


def apply_format_string(value: Any, fmt: str,
                        fallback: Callable[[Any], str] = display_string) -> str:
    """``value`` formatted with the .NET format string ``fmt`` (en-US)."""
    try:
        if "{0" in fmt or "}" in fmt:
            return _composite(value, fmt)
        return _format_one(value, fmt)
    except (ValueError, ArithmeticError, IndexError):
        return fallback(value)
