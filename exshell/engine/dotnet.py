""".NET members scripts call: methods on strings, arrays, hashtables, dates and
timespans; type literals, casts and static members (``[DateTime]::Now``,
``[math]::Round()``); composite formatting for ``-f`` and ``.ToString(fmt)``.

Only what admin scripts use is here; an unknown method gives PowerShell's
``MethodNotFound`` error.  Domain objects may offer methods by defining
``ps_method_<Name>(self, *args)`` (case-insensitive lookup).

Static members that need the shell (the clock, the file system) go through
``Statics`` hooks the session provides; nothing here reads the real clock or disk.
"""
from __future__ import annotations

import datetime as _dt
import decimal
import math
import re
from typing import Any, Callable, Dict, List, Optional, Sequence

from .conversion import (ConversionError, SwitchParameter, to_bool, to_datetime, to_int,
                         to_number, to_string)
from . import exceptions as exception_types
from . import numbers
from .operators import ps_regex
from .properties import PSHashtable, PSObject, dotnet_type_name, type_names

__all__ = ["MethodError", "call_method", "format_string", "format_value", "resolve_type",
           "TypeInfo", "convert_to", "is_instance", "CULTURE_DAYS", "CULTURE_MONTHS"]

CULTURE_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CULTURE_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")


class MethodError(Exception):
    """A member call failed.  ``exception_type`` is the error's exception
    (``MethodInvocationException`` when the .NET method itself threw); ``inner`` the
    exception the method threw (``System.FormatException``), which ``catch`` matches."""

    def __init__(self, message: str, error_id: str = "MethodNotFound",
                 category: str = "InvalidOperation",
                 exception_type: str = "System.Management.Automation.RuntimeException",
                 inner: Optional[str] = None):
        super().__init__(message)
        self.message = message
        self.error_id = error_id
        self.category = category
        self.exception_type = exception_type
        self.inner = inner


# ------------------------------------------------------------------ formatting

def _date_custom(value: _dt.datetime, fmt: str) -> str:
    """.NET custom date/time format strings (the common specifiers)."""
    out = []
    i = 0
    tokens = [
        ("yyyy", lambda d: "%04d" % d.year), ("yy", lambda d: "%02d" % (d.year % 100)),
        ("MMMM", lambda d: CULTURE_MONTHS[d.month - 1]), ("MMM", lambda d: CULTURE_MONTHS[d.month - 1][:3]),
        ("MM", lambda d: "%02d" % d.month), ("M", lambda d: str(d.month)),
        ("dddd", lambda d: CULTURE_DAYS[d.weekday()]), ("ddd", lambda d: CULTURE_DAYS[d.weekday()][:3]),
        ("dd", lambda d: "%02d" % d.day), ("d", lambda d: str(d.day)),
        ("HH", lambda d: "%02d" % d.hour), ("H", lambda d: str(d.hour)),
        ("hh", lambda d: "%02d" % ((d.hour % 12) or 12)), ("h", lambda d: str((d.hour % 12) or 12)),
        ("mm", lambda d: "%02d" % d.minute), ("m", lambda d: str(d.minute)),
        ("ss", lambda d: "%02d" % d.second), ("s", lambda d: str(d.second)),
        ("fff", lambda d: "%03d" % (d.microsecond // 1000)), ("ff", lambda d: "%02d" % (d.microsecond // 10000)),
        ("f", lambda d: str(d.microsecond // 100000)),
        ("tt", lambda d: "AM" if d.hour < 12 else "PM"), ("t", lambda d: "A" if d.hour < 12 else "P"),
        ("zzz", lambda d: "+00:00"), ("zz", lambda d: "+00"), ("z", lambda d: "+0"),
        ("K", lambda d: ""),
    ]
    while i < len(fmt):
        c = fmt[i]
        if c in "'\"":
            j = fmt.find(c, i + 1)
            j = len(fmt) if j < 0 else j
            out.append(fmt[i + 1:j])
            i = j + 1
            continue
        if c == "\\" and i + 1 < len(fmt):
            out.append(fmt[i + 1])
            i += 2
            continue
        for tok, fn in tokens:
            if fmt.startswith(tok, i):
                out.append(fn(value))
                i += len(tok)
                break
        else:
            out.append(c)
            i += 1
    return "".join(out)


_STANDARD_DATE = {
    "d": "M/d/yyyy", "D": "dddd, MMMM d, yyyy", "t": "h:mm tt", "T": "h:mm:ss tt",
    "f": "dddd, MMMM d, yyyy h:mm tt", "F": "dddd, MMMM d, yyyy h:mm:ss tt",
    "g": "M/d/yyyy h:mm tt", "G": "M/d/yyyy h:mm:ss tt", "M": "MMMM d", "m": "MMMM d",
    "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss", "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
    "y": "MMMM yyyy", "Y": "MMMM yyyy", "o": "yyyy'-'MM'-'dd'T'HH':'mm':'ss.fffffffK",
    "O": "yyyy'-'MM'-'dd'T'HH':'mm':'ss.fffffffK", "r": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
    "R": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
}


def format_date(value: _dt.datetime, fmt: Optional[str]) -> str:
    """``DateTime.ToString(fmt)`` in en-US (``None``: the general ``G`` form)."""
    if not fmt:
        fmt = "G"
    if fmt in ("o", "O"):
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + "%07d" % (value.microsecond * 10)
    return _date_custom(value, _STANDARD_DATE.get(fmt, fmt))


def _group(int_text: str) -> str:
    out = []
    for i, ch in enumerate(reversed(int_text)):
        if i and i % 3 == 0:
            out.append(",")
        out.append(ch)
    return "".join(reversed(out))


def format_number(value: Any, fmt: str) -> str:
    """Standard and simple custom numeric format strings (en-US)."""
    if not fmt:
        return to_string(value)
    spec, digits = fmt[0], fmt[1:]
    prec = int(digits) if digits.isdigit() else None
    num = to_number(value)
    if spec in "Nn":
        p = 2 if prec is None else prec
        text = "%.*f" % (p, abs(float(num)))
        ip, _, fp = text.partition(".")
        text = _group(ip) + ("." + fp if fp else "")
        return ("-" if num < 0 else "") + text
    if spec in "Ff":
        p = 2 if prec is None else prec
        return "%.*f" % (p, float(num))
    if spec in "Dd":
        return ("%0*d" % (prec or 0, int(num)))
    if spec in "Xx":
        text = "%X" % int(num) if spec == "X" else "%x" % int(num)
        return text.rjust(prec or 0, "0")
    if spec in "Pp":
        p = 2 if prec is None else prec
        return "%.*f %%" % (p, float(num) * 100)
    if spec in "Cc":
        p = 2 if prec is None else prec
        return ("-" if num < 0 else "") + "$" + _group("%.*f" % (p, abs(float(num))).split(".")[0]) + \
            ("." + ("%.*f" % (p, abs(float(num)))).split(".")[1] if p else "")
    if spec in "Ee":
        p = 6 if prec is None else prec
        text = "%.*e" % (p, float(num))
        mant, exp = text.split("e")
        return "%s%s%s%03d" % (mant, spec, "-" if exp.startswith("-") else "+", abs(int(exp)))
    if spec in "Gg" and not digits or fmt in ("G", "g"):
        return to_string(num)
    # Custom: 0, #, . and , only.
    if re.fullmatch(r"[0#,]*(\.[0#]*)?", fmt):
        int_part, _, frac_part = fmt.partition(".")
        decimals = len(frac_part)
        text = "%.*f" % (decimals, abs(float(num)))
        ip, _, fp = text.partition(".")
        min_int = int_part.count("0")
        ip = ip.lstrip("0").rjust(min_int, "0") if ip != "0" or min_int else ""
        if "," in int_part:
            ip = _group(ip) if ip else ip
        if frac_part:
            keep = frac_part.count("0")
            fp = fp.rstrip("0").ljust(keep, "0")
        res = ip + ("." + fp if fp else "")
        return ("-" if num < 0 and res.strip("0.") else "") + (res or "0")
    return to_string(num)


def format_value(value: Any, fmt: Optional[str]) -> str:
    if fmt is None or fmt == "":
        return to_string(value)
    if isinstance(value, _dt.datetime):
        return format_date(value, fmt)
    if isinstance(value, _dt.timedelta):
        return to_string(value)
    if isinstance(value, (int, float, decimal.Decimal)) and not isinstance(value, bool):
        return format_number(value, fmt)
    return to_string(value)


_ITEM = re.compile(r"\{(\d+)(?:\s*,\s*(-?\d+))?(?::([^}]*))?\}")


def format_string(fmt: str, args: Sequence[Any]) -> str:
    """.NET composite formatting (``"{0,-10} {1:N2}" -f $a, $b``)."""
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "{":
            if fmt.startswith("{{", i):
                out.append("{")
                i += 2
                continue
            m = _ITEM.match(fmt, i)
            if not m:
                raise MethodError("Error formatting a string: Input string was not in a correct format..",
                                  "FormatError")
            index = int(m.group(1))
            if index >= len(args):
                raise MethodError("Error formatting a string: Index (zero based) must be greater than or "
                                  "equal to zero and less than the size of the argument list..",
                                  "FormatError")
            text = format_value(args[index], m.group(3))
            if m.group(2):
                width = int(m.group(2))
                text = text.ljust(-width) if width < 0 else text.rjust(width)
            out.append(text)
            i = m.end()
            continue
        if c == "}":
            if fmt.startswith("}}", i):
                out.append("}")
                i += 2
                continue
            raise MethodError("Error formatting a string: Input string was not in a correct format..",
                              "FormatError")
        out.append(c)
        i += 1
    return "".join(out)


# --------------------------------------------------------------------- methods

def _arg_count_error(name: str, count: int) -> MethodError:
    return MethodError('Cannot find an overload for "%s" and the argument count: "%d".' % (name, count),
                       "MethodCountCouldNotFindBest")


def _string_method(s: str, name: str, args: List[Any]) -> Any:
    n = name.casefold()
    a = args
    def cs_flag(idx: int) -> bool:
        if len(a) > idx:
            v = a[idx]
            if isinstance(v, bool):
                return not v  # ignoreCase
            text = to_string(v).casefold()
            return "ignorecase" not in text
        return True
    if n == "tolower" or n == "tolowerinvariant":
        return s.lower()
    if n == "toupper" or n == "toupperinvariant":
        return s.upper()
    if n == "trim":
        return s.strip(to_string(a[0])) if a else s.strip()
    if n == "trimstart":
        return s.lstrip("".join(to_string(x) for x in a)) if a else s.lstrip()
    if n == "trimend":
        return s.rstrip("".join(to_string(x) for x in a)) if a else s.rstrip()
    if n == "contains":
        if not a:
            raise _arg_count_error("Contains", 0)
        return to_string(a[0]) in s
    if n == "startswith":
        return s.startswith(to_string(a[0])) if cs_flag(1) else s.casefold().startswith(to_string(a[0]).casefold())
    if n == "endswith":
        return s.endswith(to_string(a[0])) if cs_flag(1) else s.casefold().endswith(to_string(a[0]).casefold())
    if n == "indexof":
        return s.find(to_string(a[0]), int(to_number(a[1])) if len(a) > 1 else 0)
    if n == "lastindexof":
        return s.rfind(to_string(a[0]))
    if n == "substring":
        start = to_int(a[0])
        if start < 0 or start > len(s):
            raise MethodError('Exception calling "Substring" with "%d" argument(s): "startIndex cannot be '
                              'larger than length of string.\r\nParameter name: startIndex"' % len(a),
                              "ArgumentOutOfRangeException")
        if len(a) > 1:
            length = to_int(a[1])
            if length < 0 or start + length > len(s):
                raise MethodError('Exception calling "Substring" with "2" argument(s): "Index and length '
                                  'must refer to a location within the string.\r\nParameter name: length"',
                                  "ArgumentOutOfRangeException")
            return s[start:start + length]
        return s[start:]
    if n == "replace":
        if len(a) != 2:
            raise _arg_count_error("Replace", len(a))
        return s.replace(to_string(a[0]), to_string(a[1]))
    if n == "split":
        if not a:
            return s.split()
        seps = a[0]
        chars = "".join(to_string(x) for x in seps) if isinstance(seps, (list, tuple)) else to_string(seps)
        if not chars:
            return s.split()
        return re.split("[" + re.escape(chars) + "]", s)
    if n == "padleft":
        return s.rjust(to_int(a[0]), to_string(a[1]) if len(a) > 1 else " ")
    if n == "padright":
        return s.ljust(to_int(a[0]), to_string(a[1]) if len(a) > 1 else " ")
    if n == "tostring":
        return s
    if n == "tochararray":
        return list(s)
    if n == "equals":
        return s == to_string(a[0]) if a else False
    if n == "compareto":
        o = to_string(a[0])
        return (s > o) - (s < o)
    if n == "insert":
        i = to_int(a[0])
        return s[:i] + to_string(a[1]) + s[i:]
    if n == "remove":
        i = to_int(a[0])
        return s[:i] + (s[i + to_int(a[1]):] if len(a) > 1 else "")
    if n == "gettype":
        return TypeInfo("System.String")
    if n == "gethashcode":
        return hash(s) & 0x7FFFFFFF
    if n == "normalize":
        return s
    raise MethodError("Method invocation failed because [System.String] doesn't contain a method "
                      "named '%s'." % name)


def _date_method(d: _dt.datetime, name: str, args: List[Any]) -> Any:
    n = name.casefold()
    def num(i: int) -> float:
        return float(to_number(args[i]))
    adders = {
        "adddays": lambda: d + _dt.timedelta(days=num(0)),
        "addhours": lambda: d + _dt.timedelta(hours=num(0)),
        "addminutes": lambda: d + _dt.timedelta(minutes=num(0)),
        "addseconds": lambda: d + _dt.timedelta(seconds=num(0)),
        "addmilliseconds": lambda: d + _dt.timedelta(milliseconds=num(0)),
    }
    if n in adders:
        if len(args) != 1:
            raise _arg_count_error(name, len(args))
        return adders[n]()
    if n == "addmonths" or n == "addyears":
        months = int(to_number(args[0])) * (12 if n == "addyears" else 1)
        y, m = divmod(d.month - 1 + months, 12)
        year, month = d.year + y, m + 1
        import calendar
        day = min(d.day, calendar.monthrange(year, month)[1])
        return d.replace(year=year, month=month, day=day)
    if n == "add":
        return d + args[0]
    if n == "subtract":
        other = args[0]
        if isinstance(other, _dt.datetime):
            return d - other
        return d - other
    if n == "tostring":
        return format_date(d, to_string(args[0]) if args else None)
    if n == "toshortdatestring":
        return format_date(d, "d")
    if n == "tolongdatestring":
        return format_date(d, "D")
    if n == "toshorttimestring":
        return format_date(d, "t")
    if n == "tolongtimestring":
        return format_date(d, "T")
    if n in ("touniversaltime", "tolocaltime"):
        return d
    if n == "compareto":
        o = to_datetime(args[0])
        return (d > o) - (d < o)
    if n == "equals":
        return d == to_datetime(args[0])
    if n == "gettype":
        return TypeInfo("System.DateTime")
    if n == "tofiletime":
        return int((d - _dt.datetime(1601, 1, 1)).total_seconds() * 10_000_000)
    raise MethodError("Method invocation failed because [System.DateTime] doesn't contain a method "
                      "named '%s'." % name)


def _timespan_method(t: _dt.timedelta, name: str, args: List[Any]) -> Any:
    n = name.casefold()
    if n == "tostring":
        return to_string(t)
    if n == "add":
        return t + args[0]
    if n == "subtract":
        return t - args[0]
    if n == "negate":
        return -t
    if n == "duration":
        return abs(t)
    if n == "gettype":
        return TypeInfo("System.TimeSpan")
    raise MethodError("Method invocation failed because [System.TimeSpan] doesn't contain a method "
                      "named '%s'." % name)


def _list_method(lst: Any, name: str, args: List[Any]) -> Any:
    n = name.casefold()
    if n == "contains":
        from .operators import binary
        return bool(binary("contains", list(lst), args[0] if args else None))
    if n == "indexof":
        for i, v in enumerate(lst):
            if v == (args[0] if args else None):
                return i
        return -1
    if n == "tostring":
        return "System.Object[]"
    if n == "gettype":
        return TypeInfo(type_names(lst)[0])
    if n == "add":
        raise MethodError('Exception calling "Add" with "1" argument(s): "Collection was of a fixed size."',
                          "NotSupportedException")
    if n == "clone":
        return list(lst)
    if n == "getvalue":
        return lst[to_int(args[0])]
    if n == "where" or n == "foreach":
        raise MethodError("Method invocation failed because [System.Object[]] doesn't contain a method "
                          "named '%s'." % name)
    raise MethodError("Method invocation failed because [%s] doesn't contain a method named '%s'."
                      % (type_names(lst)[0], name))


def _hashtable_method(h: PSHashtable, name: str, args: List[Any]) -> Any:
    n = name.casefold()
    if n == "add":
        if len(args) != 2:
            raise _arg_count_error("Add", len(args))
        if args[0] in h:
            raise MethodError('Exception calling "Add" with "2" argument(s): "Item has already been added. '
                              "Key in dictionary: '%s'  Key being added: '%s'\"" % (args[0], args[0]),
                              "ArgumentException")
        h[args[0]] = args[1]
        return None
    if n == "remove":
        h.pop(args[0], None)
        return None
    if n in ("containskey", "contains"):
        return args[0] in h
    if n == "containsvalue":
        return args[0] in h.values()
    if n == "clear":
        h.clear()
        return None
    if n == "clone":
        return h.copy()
    if n == "getenumerator":
        return [PSObject([("Name", k), ("Value", v), ("Key", k)],
                         ("System.Collections.DictionaryEntry", "System.ValueType", "System.Object"))
                for k, v in h.items()]
    if n == "tostring":
        return "System.Collections.Hashtable"
    if n == "gettype":
        return TypeInfo("System.Collections.Hashtable")
    raise MethodError("Method invocation failed because [System.Collections.Hashtable] doesn't contain "
                      "a method named '%s'." % name)


def call_method(obj: Any, name: str, args: List[Any]) -> Any:
    """Invoke ``obj.name(args)``; raise MethodError with PowerShell's wording."""
    if obj is None:
        raise MethodError("You cannot call a method on a null-valued expression.", "InvokeMethodOnNull")
    custom = None
    for attr in dir(type(obj)):
        if attr.startswith("ps_method_") and attr[10:].casefold() == name.casefold():
            custom = getattr(obj, attr)
            break
    if custom is not None:
        return custom(*args)
    if isinstance(obj, TypeInfo):
        n = name.casefold()
        if n == "tostring":
            return obj.full_name
        if n == "gettype":
            return TypeInfo("System.RuntimeType")
    if isinstance(obj, str):
        return _string_method(obj, name, args)
    if isinstance(obj, _dt.datetime):
        return _date_method(obj, name, args)
    if isinstance(obj, _dt.timedelta):
        return _timespan_method(obj, name, args)
    if isinstance(obj, PSHashtable):
        return _hashtable_method(obj, name, args)
    if isinstance(obj, (list, tuple, bytes)):
        return _list_method(obj, name, args)
    n = name.casefold()
    if n == "tostring":
        if args and isinstance(obj, (int, float, decimal.Decimal)) and not isinstance(obj, bool):
            return format_number(obj, to_string(args[0]))
        return to_string(obj)
    if n == "gettype":
        return TypeInfo(type_names(obj)[0])
    if n == "equals":
        return obj == (args[0] if args else None)
    if n == "gethashcode":
        return hash(obj) & 0x7FFFFFFF if obj.__hash__ else 0
    if n == "compareto" and isinstance(obj, (int, float)):
        o = to_number(args[0])
        return (obj > o) - (obj < o)
    raise MethodError("Method invocation failed because [%s] doesn't contain a method named '%s'."
                      % (dotnet_type_name(obj), name))


# ----------------------------------------------------------------------- types

class TypeInfo:
    """A .NET type as a value (``[datetime]``, ``$x.GetType()``)."""

    PS_TYPE_NAMES = ("System.RuntimeType", "System.Type", "System.Object")
    PS_PROPERTIES = ("Name", "FullName", "Namespace", "IsArray", "BaseType")

    def __init__(self, full_name: str):
        self.full_name = full_name

    @property
    def Name(self) -> str:
        return self.full_name.rsplit(".", 1)[-1]

    @property
    def FullName(self) -> str:
        return self.full_name

    @property
    def Namespace(self) -> str:
        return self.full_name.rsplit(".", 1)[0] if "." in self.full_name else ""

    @property
    def IsArray(self) -> bool:
        return self.full_name.endswith("[]")

    @property
    def BaseType(self) -> Optional["TypeInfo"]:
        if self.full_name == "System.Object":
            return None
        return TypeInfo(exception_types.BASES.get(self.full_name, "System.Object"))

    def __str__(self) -> str:
        return self.full_name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TypeInfo) and other.full_name.casefold() == self.full_name.casefold()

    def __hash__(self) -> int:
        return hash(self.full_name.casefold())


#: Accelerators and the full names they stand for.
_TYPE_NAMES: Dict[str, str] = {
    "int": "System.Int32", "int32": "System.Int32", "system.int32": "System.Int32",
    "long": "System.Int64", "int64": "System.Int64", "system.int64": "System.Int64",
    "string": "System.String", "system.string": "System.String",
    "bool": "System.Boolean", "boolean": "System.Boolean", "system.boolean": "System.Boolean",
    "double": "System.Double", "system.double": "System.Double", "float": "System.Single",
    "single": "System.Single", "decimal": "System.Decimal", "system.decimal": "System.Decimal",
    "byte": "System.Byte", "system.byte": "System.Byte", "sbyte": "System.SByte",
    "system.sbyte": "System.SByte", "int16": "System.Int16", "system.int16": "System.Int16",
    "uint16": "System.UInt16", "system.uint16": "System.UInt16", "uint32": "System.UInt32",
    "system.uint32": "System.UInt32", "uint64": "System.UInt64", "system.uint64": "System.UInt64", "char": "System.Char", "char[]": "System.Char[]",
    "datetime": "System.DateTime", "system.datetime": "System.DateTime",
    "timespan": "System.TimeSpan", "system.timespan": "System.TimeSpan",
    "array": "System.Array", "system.array": "System.Array", "object": "System.Object",
    "system.object": "System.Object", "object[]": "System.Object[]", "system.object[]": "System.Object[]",
    "string[]": "System.String[]", "system.string[]": "System.String[]", "int[]": "System.Int32[]",
    "byte[]": "System.Byte[]", "system.byte[]": "System.Byte[]",
    "hashtable": "System.Collections.Hashtable", "system.collections.hashtable": "System.Collections.Hashtable",
    "ordered": "System.Collections.Specialized.OrderedDictionary",
    "pscustomobject": "System.Management.Automation.PSObject", "psobject": "System.Management.Automation.PSObject",
    "scriptblock": "System.Management.Automation.ScriptBlock",
    "switch": "System.Management.Automation.SwitchParameter",
    "regex": "System.Text.RegularExpressions.Regex", "math": "System.Math", "system.math": "System.Math",
    "void": "System.Void", "securestring": "System.Security.SecureString",
    "system.security.securestring": "System.Security.SecureString",
    "system.io.file": "System.IO.File", "io.file": "System.IO.File",
    "system.io.path": "System.IO.Path", "io.path": "System.IO.Path",
    "system.text.encoding": "System.Text.Encoding", "text.encoding": "System.Text.Encoding",
    "system.convert": "System.Convert", "convert": "System.Convert",
    "system.environment": "System.Environment", "environment": "System.Environment",
    "guid": "System.Guid", "system.guid": "System.Guid", "version": "System.Version",
    "system.version": "System.Version", "uri": "System.Uri", "xml": "System.Xml.XmlDocument",
    "system.security.cryptography.x509certificates.x509certificate2":
        "System.Security.Cryptography.X509Certificates.X509Certificate2",
    "microsoft.exchange.management.systemconfigurationtasks.allowedservices":
        "Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices",
    "system.management.automation.errorrecord": "System.Management.Automation.ErrorRecord",
    "exception": "System.Exception", "system.exception": "System.Exception",
    "system.management.automation.runtimeexception": "System.Management.Automation.RuntimeException",
    "management.automation.runtimeexception": "System.Management.Automation.RuntimeException",
    "system.invalidoperationexception": "System.InvalidOperationException",
    "invalidoperationexception": "System.InvalidOperationException",
    "system.argumentexception": "System.ArgumentException",
    "system.io.filenotfoundexception": "System.IO.FileNotFoundException",
    "system.management.automation.itemnotfoundexception": "System.Management.Automation.ItemNotFoundException",
    "system.management.automation.parameterbindingexception":
        "System.Management.Automation.ParameterBindingException",
    "system.management.automation.commandnotfoundexception":
        "System.Management.Automation.CommandNotFoundException",
    "system.management.automation.actionpreferencestopexception":
        "System.Management.Automation.ActionPreferenceStopException",
    "cmdletbinding": "System.Management.Automation.CmdletBindingAttribute",
    "parameter": "System.Management.Automation.ParameterAttribute",
}


def resolve_type(name: str) -> Optional[TypeInfo]:
    """The type a type literal names, or None.  As PowerShell does, a name is also
    tried with ``System.`` in front (``[IO.Path]``, ``[DivideByZeroException]``)."""
    key = name.strip().casefold()
    full = _TYPE_NAMES.get(key) or _TYPE_NAMES.get("system." + key)
    if full is None and key.endswith("[]"):
        inner = resolve_type(key[:-2])
        if inner is not None:
            return TypeInfo(inner.full_name + "[]")
    if full is None:
        full = exception_types.canonical(key)
    return TypeInfo(full) if full else None


def is_instance(value: Any, type_info: TypeInfo) -> bool:
    full = type_info.full_name
    if full == "System.Object":
        return value is not None
    if value is None:
        return False
    names = type_names(value)
    if full in names:
        return True
    if full == "System.Array":
        return isinstance(value, (list, tuple, bytes))
    if full.endswith("[]"):
        return isinstance(value, (list, tuple)) and full == "System.Object[]"
    if full == "System.Management.Automation.PSObject":
        # Custom objects and the objects commands write are wrapped in a PSObject; a
        # literal or a computed value ("hello", 42, @(), @{}) is not.
        return isinstance(value, PSObject) or (
            bool(getattr(value, "PS_TYPE_NAMES", None)) and not isinstance(value, int))
    if exception_types.known(full):
        return any(exception_types.is_subclass(n, full) for n in names[:1])
    if full in ("System.Int64", "System.Double", "System.Decimal") and isinstance(value, (int, float)):
        return names[0] == full
    return False


def convert_to(value: Any, type_info: TypeInfo) -> Any:
    """A cast ``[type]value``; raises ConversionError with PowerShell's message."""
    full = type_info.full_name
    if value is None and (full.endswith("[]") or full == "System.Array"):
        return None  # [object[]]$null is $null, so @([object[]]$null) holds one $null
    try:
        if full in ("System.Object", "System.Management.Automation.PSObject"):
            if full == "System.Management.Automation.PSObject" and isinstance(value, PSHashtable):
                return PSObject(list(value.items()))
            return value
        if full == "System.String":
            return to_string(value)
        if full in numbers.INTEGER_TYPES:
            number = to_int(value, full)
            low, high = numbers.integer_range(full)
            if not low <= number <= high:
                raise ConversionError('Cannot convert value "%s" to type "%s". Error: "%s"'
                                      % (to_string(value), full, numbers.range_message(full)))
            return numbers.make(full, number)
        if full in ("System.Double", "System.Single"):
            return float(to_number(value))
        if full == "System.Decimal":
            return decimal.Decimal(str(to_number(value)))
        if full == "System.Boolean":
            return to_bool(value)
        if full == "System.Char":
            text = to_string(value)
            if isinstance(value, int):
                return chr(value)
            if len(text) != 1:
                raise ConversionError('Cannot convert value "%s" to type "System.Char". Error: "String '
                                      'must be exactly one character long."' % text)
            return text
        if full == "System.DateTime":
            return to_datetime(value)
        if full == "System.TimeSpan":
            if isinstance(value, _dt.timedelta):
                return value
            if isinstance(value, str):
                m = re.fullmatch(r"(-)?(?:(\d+)\.)?(\d+):(\d+)(?::(\d+))?(?:\.(\d+))?", value.strip())
                if m:
                    sign = -1 if m.group(1) else 1
                    t = _dt.timedelta(days=int(m.group(2) or 0), hours=int(m.group(3)),
                                      minutes=int(m.group(4)), seconds=int(m.group(5) or 0))
                    return sign * t
            return _dt.timedelta(microseconds=to_int(value) / 10)
        if full in ("System.Object[]", "System.Array"):
            if value is None:
                return []
            return list(value) if isinstance(value, (list, tuple)) else [value]
        if full == "System.String[]":
            items = list(value) if isinstance(value, (list, tuple)) else ([] if value is None else [value])
            return [to_string(v) for v in items]
        if full == "System.Int32[]":
            items = list(value) if isinstance(value, (list, tuple)) else [value]
            return [to_int(v) for v in items]
        if full == "System.Byte[]":
            if isinstance(value, bytes):
                return value
            items = list(value) if isinstance(value, (list, tuple)) else [value]
            return bytes(to_int(v, "System.Byte") & 0xFF if 0 <= to_int(v) <= 255 else _byte_error(v)
                         for v in items)
        if full == "System.Char[]":
            return list(to_string(value))
        if full == "System.Collections.Hashtable":
            if isinstance(value, PSHashtable):
                return value
        if full == "System.Collections.Specialized.OrderedDictionary" and isinstance(value, PSHashtable):
            value.ordered = True
            return value
        if full == "System.Management.Automation.SwitchParameter":
            return SwitchParameter(to_bool(value))
        if full == "System.Void":
            return None
        if is_instance(value, type_info):
            return value
    except ConversionError:
        raise
    except (ValueError, OverflowError, TypeError) as e:
        raise ConversionError('Cannot convert value "%s" to type "%s". Error: "%s"'
                              % (to_string(value), full, e))
    raise ConversionError('Cannot convert the "%s" value of type "%s" to type "%s".'
                          % (to_string(value), dotnet_type_name(value), full))


def _byte_error(v: Any) -> int:
    raise ConversionError('Cannot convert value "%s" to type "System.Byte". Error: "Value was either '
                          'too large or too small for an unsigned byte."' % to_string(v))


# ------------------------------------------------------------- static members

def _math(name: str, args: List[Any]) -> Any:
    n = name.casefold()
    nums = [to_number(a) for a in args]
    if n == "round":
        if len(nums) == 2:
            return round(float(nums[0]), int(nums[1]))
        return float(round(float(nums[0])))
    if n == "floor":
        return float(math.floor(nums[0]))
    if n == "ceiling":
        return float(math.ceil(nums[0]))
    if n == "abs":
        return abs(nums[0])
    if n == "max":
        return max(nums[0], nums[1])
    if n == "min":
        return min(nums[0], nums[1])
    if n == "pow":
        return float(nums[0]) ** float(nums[1])
    if n == "sqrt":
        return math.sqrt(nums[0])
    if n == "truncate":
        return float(math.trunc(nums[0]))
    if n == "log":
        return math.log(nums[0]) if len(nums) == 1 else math.log(nums[0], nums[1])
    if n == "log10":
        return math.log10(nums[0])
    raise MethodError("Method invocation failed because [System.Math] doesn't contain a method named "
                      "'%s'." % name)


StaticHook = Callable[[str, str, Optional[List[Any]]], Any]


def static_member(type_info: TypeInfo, name: str, args: Optional[List[Any]],
                  hooks: Dict[str, StaticHook]) -> Any:
    """``[Type]::Name`` (args None) or ``[Type]::Name(args)``.  ``hooks`` maps a full
    type name to a callable the session provides (clock, file system)."""
    full = type_info.full_name
    hook = hooks.get(full)
    if hook is not None:
        return hook(full, name, args)
    n = name.casefold()
    if full == "System.Math":
        if args is None:
            if n == "pi":
                return math.pi
            if n == "e":
                return math.e
        else:
            return _math(name, args)
    if full == "System.String" and args is not None:
        if n == "isnullorempty":
            return args[0] is None or to_string(args[0]) == ""
        if n == "isnullorwhitespace":
            return args[0] is None or to_string(args[0]).strip() == ""
        if n == "join":
            sep = to_string(args[0])
            items = args[1] if len(args) == 2 and isinstance(args[1], (list, tuple)) else args[1:]
            return sep.join(to_string(i) for i in items)
        if n == "format":
            return format_string(to_string(args[0]), list(args[1]) if len(args) == 2 and
                                 isinstance(args[1], (list, tuple)) else args[1:])
        if n == "concat":
            return "".join(to_string(a) for a in args)
    if full == "System.String" and args is None and n == "empty":
        return ""
    if full == "System.Int32" and args is None:
        if n == "maxvalue":
            return 2**31 - 1
        if n == "minvalue":
            return -2**31
    if full == "System.DateTime" and args is not None:
        if n == "parse":
            return to_datetime(args[0])
        if n == "daysinmonth":
            import calendar
            return calendar.monthrange(to_int(args[0]), to_int(args[1]))[1]
    if full == "System.DateTime" and args is None:
        if n == "minvalue":
            return _dt.datetime(1, 1, 1)
        if n == "maxvalue":
            return _dt.datetime(9999, 12, 31, 23, 59, 59, 999999)
    if full == "System.TimeSpan" and args is not None:
        table = {"fromdays": "days", "fromhours": "hours", "fromminutes": "minutes",
                 "fromseconds": "seconds", "frommilliseconds": "milliseconds"}
        if n in table:
            return _dt.timedelta(**{table[n]: float(to_number(args[0]))})
    if full == "System.TimeSpan" and args is None and n == "zero":
        return _dt.timedelta(0)
    if full == "System.Text.RegularExpressions.Regex" and args is not None:
        if n == "escape":
            return re.escape(to_string(args[0]))
        if n == "ismatch":
            return ps_regex(to_string(args[1])).search(to_string(args[0])) is not None
        if n == "replace":
            return ps_regex(to_string(args[1])).sub(to_string(args[2]), to_string(args[0]))
    if full == "System.Convert" and args is not None:
        if n == "tobase64string":
            import base64
            data = args[0]
            data = data if isinstance(data, bytes) else bytes(to_int(v) for v in data)
            return base64.b64encode(data).decode("ascii")
        if n == "frombase64string":
            import base64
            import binascii
            try:
                return base64.b64decode(to_string(args[0]), validate=False)
            except (binascii.Error, ValueError):
                raise MethodError('Exception calling "FromBase64String" with "1" argument(s): "The input is '
                                  'not a valid Base-64 string as it contains a non-base 64 character, more '
                                  'than two padding characters, or an illegal character among the padding '
                                  'characters. "', "FormatException")
        if n == "toint32":
            return to_int(args[0])
        if n == "tostring":
            return to_string(args[0])
    if full == "System.Guid" and n == "newguid" and args is not None:
        import uuid
        return str(uuid.uuid4())
    if full == "System.Environment" and args is None:
        if n == "newline":
            return "\r\n"
        if n == "machinename":
            hook = hooks.get("machinename")
            return hook("", "", None) if hook else "EX01"
    raise MethodError("Method invocation failed because [%s] doesn't contain a method named '%s'."
                      % (full, name) if args is not None else
                      "The property '%s' cannot be found on type [%s]." % (name, full))
