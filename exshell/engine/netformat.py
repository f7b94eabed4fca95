""".NET format strings: one implementation for ``-f``, ``ToString(format)``,
``[string]::Format`` and the ``FormatString`` key of calculated properties.

Windows PowerShell 2.0 and 5.1 run on .NET Framework, in the en-US culture here:

* Composite formatting (``'{0,-10:N2}'``): the index and the alignment are read as
  .NET reads them, and a value of a million or more is a FormatException ("Input
  string was not in a correct format."), raised before any padding is built.
* Standard numeric formats C D E F G N P R X with a precision of at most two digits;
  a longer one makes the whole string a *custom* format (``'{0:D999999999}'`` prints
  ``D999999999``, as .NET Framework does).  An unknown standard specifier is a
  FormatException ("Format specifier was invalid.").  Doubles are first taken to 15
  significant digits and then rounded half away from zero, which is why 2.675 gives
  ``2.68`` with ``F2``.
* Custom numeric formats: ``0 # . , %`` and ``‰``, ``E+0`` exponents, ``;``
  sections, quoted and escaped literals.
* Standard and custom date and time formats (en-US names, ``/`` and ``:``).
* TimeSpan formats ``c``, ``g``, ``G`` and custom ones (``hh\\:mm``), where the
  runtime has them (.NET 4; ``timespan_formats=False`` ignores the format as .NET 3.5
  does, for PowerShell 2.0).

Everything raises :class:`FormatError` (a .NET FormatException) for bad input; no
input makes this module build a string beyond the lengths the format itself holds.

Imports ``engine.tostring`` and ``engine.properties`` only, so the formatter may use it.
"""
from __future__ import annotations

import datetime as _dt
import decimal
import enum
import math
import re
from typing import Any, List, Optional, Sequence, Tuple

from ..structs import LazyPattern

from .tostring import (CULTURE_DAYS, CULTURE_MONTHS, culture_string, format_double_roundtrip,
                       format_timespan, nested_type_name, to_string)

__all__ = ["FormatError", "INVALID_INPUT", "INVALID_SPECIFIER", "composite", "format_value",
           "format_number", "format_date", "format_timespan_with"]

INVALID_INPUT = "Input string was not in a correct format."
INVALID_SPECIFIER = "Format specifier was invalid."
#: .NET Framework's limit on a composite format's index and alignment.
_COMPOSITE_LIMIT = 1_000_000


class FormatError(ValueError):
    """A .NET FormatException; ``message`` is its text."""

    def __init__(self, message: str = INVALID_INPUT):
        super().__init__(message)
        self.message = message


# ====================================================================== composite

def _parse_item(fmt: str, i: int) -> Tuple[int, int, Optional[str], int]:
    """Read one ``{index[,alignment][:format]}`` starting after the ``{`` at ``i``;
    return (index, alignment, format or None, position after ``}``)."""
    n = len(fmt)

    def skip_blanks(j: int) -> int:
        while j < n and fmt[j] == " ":
            j += 1
        return j

    if i >= n or not fmt[i].isdigit():
        raise FormatError()
    index = 0
    while i < n and fmt[i].isdigit() and index < _COMPOSITE_LIMIT:
        index = index * 10 + int(fmt[i])
        i += 1
    if index >= _COMPOSITE_LIMIT or (i < n and fmt[i].isdigit()):
        raise FormatError()
    i = skip_blanks(i)
    width = 0
    if i < n and fmt[i] == ",":
        i = skip_blanks(i + 1)
        negative = i < n and fmt[i] == "-"
        if negative:
            i += 1
        if i >= n or not fmt[i].isdigit():
            raise FormatError()
        while i < n and fmt[i].isdigit() and width < _COMPOSITE_LIMIT:
            width = width * 10 + int(fmt[i])
            i += 1
        if width >= _COMPOSITE_LIMIT or (i < n and fmt[i].isdigit()):
            raise FormatError()
        width = -width if negative else width
    i = skip_blanks(i)
    spec: Optional[str] = None
    if i < n and fmt[i] == ":":
        i += 1
        out: List[str] = []
        while True:
            if i >= n:
                raise FormatError()
            ch = fmt[i]
            if ch == "{":
                if i + 1 < n and fmt[i + 1] == "{":
                    out.append("{")
                    i += 2
                    continue
                raise FormatError()
            if ch == "}":
                if i + 1 < n and fmt[i + 1] == "}":
                    out.append("}")
                    i += 2
                    continue
                break
            out.append(ch)
            i += 1
        spec = "".join(out)
    if i >= n or fmt[i] != "}":
        raise FormatError()
    return index, width, spec, i + 1


def composite(fmt: str, args: Sequence[Any], *, timespan_formats: bool = True) -> str:
    """``String.Format(fmt, args)``.  Raises FormatError ("Index (zero based) must be
    greater than or equal to zero and less than the size of the argument list." for
    an index past the arguments)."""
    out: List[str] = []
    i, n = 0, len(fmt)
    while i < n:
        ch = fmt[i]
        if ch == "{":
            if i + 1 < n and fmt[i + 1] == "{":
                out.append("{")
                i += 2
                continue
            index, width, spec, i = _parse_item(fmt, i + 1)
            if index >= len(args):
                raise FormatError("Index (zero based) must be greater than or equal to zero and "
                                  "less than the size of the argument list.")
            text = format_value(args[index], spec, timespan_formats=timespan_formats)
            if width:
                text = text.ljust(-width) if width < 0 else text.rjust(width)
            out.append(text)
            continue
        if ch == "}":
            if i + 1 < n and fmt[i + 1] == "}":
                out.append("}")
                i += 2
                continue
            raise FormatError()
        out.append(ch)
        i += 1
    return "".join(out)


# ====================================================================== values

def format_value(value: Any, spec: Optional[str], *, timespan_formats: bool = True) -> str:
    """``value.ToString(spec, en-US)`` when the value is IFormattable, else its
    ``ToString()`` (the format is ignored, as String.Format does)."""
    if spec is None or spec == "":
        return _plain(value)
    if value is None or isinstance(value, (str, bool)):
        return _plain(value)
    if isinstance(value, enum.Enum):
        return _format_enum(value, spec)
    if isinstance(value, (int, float, decimal.Decimal)):
        return format_number(value, spec)
    if isinstance(value, _dt.datetime):
        return format_date(value, spec)
    if isinstance(value, _dt.timedelta):
        return format_timespan_with(value, spec) if timespan_formats else to_string(value)
    return _plain(value)


def _plain(value: Any) -> str:
    """What String.Format writes for an argument without a format: its ToString() in
    the current culture (a date as ``5/13/2013 7:20:34 AM``, an array as its type)."""
    if isinstance(value, (list, tuple, bytes, bytearray)):
        return nested_type_name(value)
    return culture_string(value)


def _format_enum(value: enum.Enum, spec: str) -> str:
    letter = spec.upper()
    number = int(value.value) if isinstance(value.value, int) else 0
    if letter in ("G", "F"):
        return to_string(value)
    if letter == "D":
        return str(number)
    if letter == "X":
        return "%08X" % (number & 0xFFFFFFFF)
    raise FormatError("Format String can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or "
                      "\"d\".")


# ====================================================================== numbers

_STANDARD = LazyPattern(r"([A-Za-z])(\d{0,2})")


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _bits_of(value: int) -> int:
    declared = getattr(type(value), "BITS", None)
    if declared:
        return max(declared, 32)
    return 32 if -2**31 <= value < 2**31 else 64


def _exact(value: Any) -> decimal.Decimal:
    """The digits .NET Framework starts from: 15 significant digits for a double, the
    exact value for integers and decimals."""
    if isinstance(value, float):
        return decimal.Decimal("%.14e" % value)
    return decimal.Decimal(value)


def _round(d: decimal.Decimal, places: int) -> decimal.Decimal:
    with decimal.localcontext() as ctx:
        ctx.prec = max(60, places + 40)
        return d.quantize(decimal.Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)


def _group(digits: str) -> str:
    out = []
    for i, ch in enumerate(reversed(digits)):
        if i and i % 3 == 0:
            out.append(",")
        out.append(ch)
    return "".join(reversed(out))


def _fixed(value: Any, places: int, grouped: bool) -> Tuple[bool, str]:
    """(negative, text) of |value| with ``places`` decimals."""
    d = _round(_exact(value), places)
    negative = d < 0
    text = format(d.copy_abs(), "f")   # copy_abs: no rounding to the context's 28 digits
    whole, _, frac = text.partition(".")
    if grouped:
        whole = _group(whole)
    return negative, whole + ("." + frac if places > 0 else "")


def _special(value: Any) -> Optional[str]:
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
    return None


def _exponent(value: Any, digits: int, letter: str, min_exp_digits: int) -> str:
    d = _exact(value)
    if d == 0:
        mantissa, exp = decimal.Decimal(0), 0
    else:
        exp = d.adjusted()
        mantissa = d.scaleb(-exp)
    mantissa = _round(mantissa, digits)
    if mantissa.copy_abs() >= 10:
        mantissa = _round(mantissa.scaleb(-1), digits)
        exp += 1
    sign = "-" if exp < 0 else "+"
    return "%s%s%s%0*d" % (format(mantissa, "f"), letter, sign, min_exp_digits, abs(exp))


def _general(value: Any, precision: Optional[int], letter: str) -> str:
    if _is_integer(value) and precision is None:
        return str(int(value))
    if isinstance(value, float) and precision is None:
        return to_string(value)
    if isinstance(value, decimal.Decimal) and precision is None:
        return to_string(value)
    digits = precision if precision else (15 if isinstance(value, float) else 29)
    # Past 15 digits a double shows its exact binary value ("G17" of 0.1: 0.10000000000000001).
    d = decimal.Decimal(value) if isinstance(value, float) and digits > 15 else _exact(value)
    if d == 0:
        return "0"
    with decimal.localcontext() as ctx:
        ctx.prec = digits
        ctx.rounding = decimal.ROUND_HALF_UP
        rounded = +d
    exp = rounded.adjusted()
    if exp < -5 or exp >= digits:
        mantissa = rounded.scaleb(-exp).normalize()
        text = format(mantissa, "f")
        return "%s%s%s%02d" % (text, "E" if letter == "G" else "e", "-" if exp < 0 else "+", abs(exp))
    text = format(rounded.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_number(value: Any, spec: str) -> str:
    """A number's ``ToString(spec)`` in en-US."""
    m = _STANDARD.fullmatch(spec)
    if m is None:
        special = _special(value)
        if special is not None:
            return special
        return _custom_number(value, spec)
    letter, digits = m.group(1), m.group(2)
    precision = int(digits) if digits else None
    upper = letter.upper()
    special = _special(value)
    if special is not None and upper not in ("D", "X"):
        return special
    if upper == "D":
        if not _is_integer(value):
            raise FormatError(INVALID_SPECIFIER)
        text = str(abs(int(value))).rjust(precision or 0, "0")
        return ("-" if value < 0 else "") + text
    if upper == "X":
        if not _is_integer(value):
            raise FormatError(INVALID_SPECIFIER)
        number = int(value) & ((1 << _bits_of(int(value))) - 1) if value < 0 else int(value)
        text = format(number, "X" if letter == "X" else "x")
        return text.rjust(precision or 0, "0")
    if upper == "F":
        negative, text = _fixed(value, 2 if precision is None else precision, False)
        return ("-" if negative else "") + text
    if upper == "N":
        negative, text = _fixed(value, 2 if precision is None else precision, True)
        return ("-" if negative else "") + text
    if upper == "P":
        negative, text = _fixed(_exact(value) * 100, 2 if precision is None else precision, True)
        return ("-" if negative else "") + text + " %"
    if upper == "C":
        negative, text = _fixed(value, 2 if precision is None else precision, True)
        return "($%s)" % text if negative else "$" + text
    if upper == "E":
        return _exponent(value, 6 if precision is None else precision, letter, 3)
    if upper == "G":
        return _general(value, precision, letter)
    if upper == "R":
        if isinstance(value, float):
            return format_double_roundtrip(value)
        if _is_integer(value):
            raise FormatError(INVALID_SPECIFIER)
        return to_string(value)
    raise FormatError(INVALID_SPECIFIER)


# -------------------------------------------------------------- custom numeric

def _sections(fmt: str) -> List[str]:
    out, current, i = [], [], 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == "\\" and i + 1 < len(fmt):
            current.append(fmt[i:i + 2])
            i += 2
            continue
        if ch in "'\"":
            j = fmt.find(ch, i + 1)
            j = len(fmt) - 1 if j < 0 else j
            current.append(fmt[i:j + 1])
            i = j + 1
            continue
        if ch == ";":
            out.append("".join(current))
            current = []
            i += 1
            continue
        current.append(ch)
        i += 1
    out.append("".join(current))
    return out[:3]


def _tokens(section: str) -> List[Tuple[str, str]]:
    """(kind, text): kind is 'digit' ('0' or '#'), 'point', 'group', 'percent',
    'permille', 'exp' (text like 'E+00'), or 'lit'."""
    out: List[Tuple[str, str]] = []
    i, n = 0, len(section)
    while i < n:
        ch = section[i]
        if ch == "\\" and i + 1 < n:
            out.append(("lit", section[i + 1]))
            i += 2
        elif ch in "'\"":
            j = section.find(ch, i + 1)
            j = n if j < 0 else j
            out.append(("lit", section[i + 1:j]))
            i = j + 1
        elif ch in "0#":
            out.append(("digit", ch))
            i += 1
        elif ch == ".":
            out.append(("point", ch))
            i += 1
        elif ch == ",":
            out.append(("group", ch))
            i += 1
        elif ch == "%":
            out.append(("percent", ch))
            i += 1
        elif ch == "\u2030":
            out.append(("permille", ch))
            i += 1
        elif ch in "eE" and i + 1 < n and (section[i + 1] == "0" or
                                           (section[i + 1] in "+-" and i + 2 < n and section[i + 2] == "0")):
            j = i + 1
            if section[j] in "+-":
                j += 1
            while j < n and section[j] == "0":
                j += 1
            out.append(("exp", section[i:j]))
            i = j
        else:
            out.append(("lit", ch))
            i += 1
    return out


def _custom_number(value: Any, fmt: str) -> str:
    """A custom numeric format (``'#,##0.00'``, ``'0.0%'``, ``'0.00E+00'``, ``'pos;neg;zero'``)."""
    sections = _sections(fmt)
    d = _exact(value)
    section, explicit_sign = sections[0], False
    if len(sections) >= 2 and d < 0 and sections[1]:
        section, explicit_sign = sections[1], True  # the negative section writes its own sign
    elif len(sections) == 3 and d == 0 and sections[2]:
        section = sections[2]
    tokens = _tokens(section)
    kinds = [k for k, _ in tokens]
    point = kinds.index("point") if "point" in kinds else len(kinds)
    exp_at = kinds.index("exp") if "exp" in kinds else len(kinds)
    int_end = min(point, exp_at)
    digit_positions = [i for i, k in enumerate(kinds[:int_end]) if k == "digit"]
    if not digit_positions and not any(k == "digit" for k in kinds):
        text = "".join(t for k, t in tokens if k != "group" and k != "point")
        return ("-" + text) if d < 0 and not explicit_sign else text
    # Commas right before the point (or the end of the integer part) scale by 1000.
    scale, j = 0, int_end - 1
    while j >= 0 and kinds[j] == "group":
        scale += 1
        j -= 1
    grouped = any(k == "group" for k in kinds[:j + 1]) and bool(digit_positions) and \
        any(k == "group" and digit_positions[0] < i < digit_positions[-1] + 1
            for i, k in enumerate(kinds[:j + 1]))
    d = d.scaleb(-3 * scale)
    if "percent" in kinds:
        d *= 100
    if "permille" in kinds:
        d *= 1000
    frac_tokens = [t for i, (k, t) in enumerate(tokens) if k == "digit" and point < i < exp_at]
    exponent_text = ""
    if exp_at < len(kinds):
        exp_token = tokens[exp_at][1]
        exp = 0
        if d != 0:
            exp = d.adjusted() - max(len(digit_positions) - 1, 0)
            d = d.scaleb(-exp)
        sign = "-" if exp < 0 else ("+" if "+" in exp_token else "")
        exponent_text = exp_token[0] + sign + str(abs(exp)).rjust(exp_token.count("0"), "0")
    rounded = _round(d, len(frac_tokens))
    whole, _, frac = format(rounded.copy_abs(), "f").partition(".")
    frac = frac.ljust(len(frac_tokens), "0")[:len(frac_tokens)]
    keep = (len(frac_tokens) - frac_tokens[::-1].index("0")) if "0" in frac_tokens else 0
    frac = frac[:max(keep, len(frac.rstrip("0")))]
    placeholders = [tokens[i][1] for i in digit_positions]
    min_int = (len(placeholders) - placeholders.index("0")) if "0" in placeholders else 0
    whole = whole.lstrip("0").rjust(min_int, "0")
    negative = rounded != 0 and d < 0 and not explicit_sign
    # Lay the digits into the pattern.  Integer digits are right-aligned into the
    # integer placeholders (extra ones go with the first); grouping puts them all there.
    out: List[str] = []
    if grouped:
        whole = _group(whole) if whole else whole
        slots = {digit_positions[0]: whole} if digit_positions else {}
    else:
        slots = {}
        extra = len(whole) - len(digit_positions)
        for n, pos in enumerate(digit_positions):
            if n == 0:
                slots[pos] = whole[:max(extra + 1, 0)] if extra >= 0 else ""
            else:
                index = extra + n
                slots[pos] = whole[index] if index >= 0 else ""
    frac_index = 0
    for i, (k, t) in enumerate(tokens):
        if i < int_end:
            if k == "digit":
                out.append(slots.get(i, ""))
            elif k != "group":
                out.append(t)
        elif k == "point":
            out.append("." if frac else "")
        elif k == "digit":
            if point < i < exp_at:
                out.append(frac[frac_index] if frac_index < len(frac) else "")
                frac_index += 1
        elif k == "exp":
            out.append(exponent_text)
        elif k != "group":
            out.append(t)
    return ("-" if negative else "") + "".join(out)


# ====================================================================== dates

_STANDARD_DATE = {
    "d": "M/d/yyyy", "D": "dddd, MMMM d, yyyy", "f": "dddd, MMMM d, yyyy h:mm tt",
    "F": "dddd, MMMM d, yyyy h:mm:ss tt", "g": "M/d/yyyy h:mm tt", "G": "M/d/yyyy h:mm:ss tt",
    "m": "MMMM d", "M": "MMMM d", "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss", "t": "h:mm tt",
    "T": "h:mm:ss tt", "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'", "U": "dddd, MMMM d, yyyy h:mm:ss tt",
    "y": "MMMM yyyy", "Y": "MMMM yyyy", "r": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
    "R": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
}

_DATE_TOKEN = LazyPattern(r"d{1,4}|f{1,7}|F{1,7}|g{1,2}|h{1,2}|H{1,2}|K|m{1,2}|M{1,4}|s{1,2}|"
                         r"t{1,2}|y{1,5}|z{1,3}|'[^']*'?|\"[^\"]*\"?|\\.?|%.?|.", re.S)


def format_date(d: _dt.datetime, spec: Optional[str]) -> str:
    """``DateTime.ToString(spec)`` in en-US; ``None`` is the general ``G`` form."""
    if not spec:
        spec = "G"
    if spec in ("o", "O"):
        return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%07d" % (d.microsecond * 10)
    if len(spec) == 1:
        pattern = _STANDARD_DATE.get(spec)
        if pattern is None:
            raise FormatError(INVALID_INPUT)
        spec = pattern
    return _custom_date(d, spec)


def _custom_date(d: _dt.datetime, pattern: str) -> str:
    out: List[str] = []
    h12 = d.hour % 12 or 12
    for tok in _DATE_TOKEN.findall(pattern):
        c = tok[0]
        n = len(tok)
        if c == "d":
            out.append(str(d.day).rjust(n, "0") if n <= 2 else
                       CULTURE_DAYS[d.weekday()][:3] if n == 3 else CULTURE_DAYS[d.weekday()])
        elif c == "f":
            out.append(("%06d" % d.microsecond + "0")[:n])
        elif c == "F":
            out.append(("%06d" % d.microsecond + "0")[:n].rstrip("0"))
        elif c == "g":
            out.append("A.D.")
        elif c == "h":
            out.append(str(h12).rjust(n, "0"))
        elif c == "H":
            out.append(str(d.hour).rjust(n, "0"))
        elif c == "K":
            out.append("")
        elif c == "m":
            out.append(str(d.minute).rjust(n, "0"))
        elif c == "M":
            out.append(str(d.month).rjust(n, "0") if n <= 2 else
                       CULTURE_MONTHS[d.month - 1][:3] if n == 3 else CULTURE_MONTHS[d.month - 1])
        elif c == "s":
            out.append(str(d.second).rjust(n, "0"))
        elif c == "t":
            out.append(("AM" if d.hour < 12 else "PM")[:n])
        elif c == "y":
            out.append(str(d.year % 100).rjust(n, "0") if n <= 2 else str(d.year).rjust(n, "0"))
        elif c == "z":
            out.append("+0" if n == 1 else "+00" if n == 2 else "+00:00")
        elif c in "'\"":
            if len(tok) < 2 or tok[-1] != c:
                raise FormatError("Cannot find a matching quote character for the character '%s'." % c)
            out.append(tok[1:-1])
        elif c == "\\":
            if len(tok) < 2:
                raise FormatError(INVALID_INPUT)
            out.append(tok[1])
        elif c == "%":
            if len(tok) < 2 or tok[1] == "%":
                raise FormatError(INVALID_INPUT)
            out.append(_custom_date(d, tok[1]))
        else:
            out.append(tok)
    return "".join(out)


# ====================================================================== time spans

_SPAN_TOKEN = LazyPattern(r"d{1,8}|h{1,2}|m{1,2}|s{1,2}|f{1,7}|F{1,7}|'[^']*'?|\"[^\"]*\"?|\\.?|%.?|.",
                         re.S)


def format_timespan_with(t: _dt.timedelta, spec: str) -> str:
    """``TimeSpan.ToString(spec)`` (.NET 4): ``c``/``t``/``T``, ``g``, ``G`` or custom."""
    ticks = (t // _dt.timedelta(microseconds=1)) * 10
    negative = ticks < 0
    ticks = abs(ticks)
    days, rest = divmod(ticks, 864_000_000_000)
    hours, rest = divmod(rest, 36_000_000_000)
    minutes, rest = divmod(rest, 600_000_000)
    seconds, fraction = divmod(rest, 10_000_000)
    if spec in ("c", "t", "T"):
        return format_timespan(t)
    if spec == "g":
        text = "%s%s%d:%02d:%02d" % ("-" if negative else "", "%d:" % days if days else "",
                                      hours, minutes, seconds)
        return text + (".%s" % ("%07d" % fraction).rstrip("0") if fraction else "")
    if spec == "G":
        return "%s%d:%02d:%02d:%02d.%07d" % ("-" if negative else "", days, hours, minutes,
                                              seconds, fraction)
    if len(spec) == 1 and spec != "%":
        raise FormatError(INVALID_INPUT)
    out: List[str] = []
    for tok in _SPAN_TOKEN.findall(spec):
        c = tok[0]
        n = len(tok)
        if c == "d":
            out.append(str(days).rjust(n, "0"))
        elif c == "h":
            out.append(str(hours).rjust(n, "0"))
        elif c == "m":
            out.append(str(minutes).rjust(n, "0"))
        elif c == "s":
            out.append(str(seconds).rjust(n, "0"))
        elif c == "f":
            out.append(("%07d" % fraction)[:n])
        elif c == "F":
            out.append(("%07d" % fraction)[:n].rstrip("0"))
        elif c in "'\"":
            if len(tok) < 2 or tok[-1] != c:
                raise FormatError(INVALID_INPUT)
            out.append(tok[1:-1])
        elif c == "\\":
            if len(tok) < 2:
                raise FormatError(INVALID_INPUT)
            out.append(tok[1])
        elif c == "%":
            if len(tok) < 2:
                raise FormatError(INVALID_INPUT)
            out.append(format_timespan_with(t, tok[1]) if tok[1] not in "cgGtT" else "")
        else:
            raise FormatError(INVALID_INPUT)  # TimeSpan custom formats take no bare literals
    return "".join(out)
