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
import enum
import math
import re
from typing import Any, Callable, Dict, List, Optional, Sequence

from .conversion import (ConversionError, SwitchParameter, to_bool, to_datetime, to_int,
                         to_number, to_string)
from . import exceptions as exception_types
from . import clrtime, netformat, nettypes
from .chars import Char, chars_of
from .properties import (NOT_FOUND, PSHashtable, PSObject, dotnet_type_name, instance_method,
                         type_names)

__all__ = ["MethodError", "call_method", "format_string", "format_date", "resolve_type",
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
                 inner: Optional[str] = None, inner_message: Optional[str] = None):
        super().__init__(message)
        self.message = message
        self.error_id = error_id
        self.category = category
        self.exception_type = exception_type
        self.inner = inner
        self.inner_message = inner_message


def method_not_found(type_name: str, name: str) -> MethodError:
    """``Method invocation failed because [T] doesn't contain a method named 'M'.``
    (``member`` lets the evaluator use the dialect's wording: 3.0+ says "does not")."""
    error = MethodError("Method invocation failed because [%s] doesn't contain a method named "
                        "'%s'." % (type_name, name), "MethodNotFound")
    error.member = (type_name, name)  # type: ignore[attr-defined]
    return error


def method_threw(name: str, count: int, exception: str, message: str) -> MethodError:
    """A .NET method threw: PowerShell wraps its exception in a MethodInvocationException
    whose id is the inner exception's short name."""
    return MethodError('Exception calling "%s" with "%d" argument(s): "%s"' % (name, count, message),
                       exception.rsplit(".", 1)[-1], "NotSpecified",
                       exception_type="System.Management.Automation.MethodInvocationException",
                       inner=exception, inner_message=message)


def overload_not_found(name: str, count: int) -> MethodError:
    return MethodError('Cannot find an overload for "%s" and the argument count: "%d".' % (name, count),
                       "MethodCountCouldNotFindBest", "NotSpecified",
                       exception_type="System.Management.Automation.MethodException")


def _invoke_member(fn: Callable[..., Any], name: str, args: List[Any]) -> Any:
    """Call a Python implementation of a .NET member, turning what it raises into
    PowerShell's errors (a wrong argument count, an exception the member threw)."""
    import inspect      # here: it costs the start-up its import (ast, dis, tokenize)
    try:
        inspect.signature(fn).bind(*args)
    except TypeError:
        raise overload_not_found(name, len(args))
    except ValueError:  # no signature to read (a builtin): just call it
        pass
    try:
        return fn(*args)
    except nettypes.NetError as e:
        raise method_threw(name, len(args), e.exception, e.message)
    except nettypes.NetCountError as e:
        raise overload_not_found(e.name if e.name != "new" else name, e.count)
    except nettypes.NetArgumentError as e:
        raise _argument_error(name, e)
    except clrtime.ClrError as e:
        raise method_threw(name, len(args), e.exception, e.message)


def _argument_error(name: str, e: "nettypes.NetArgumentError") -> MethodError:
    return MethodError('Cannot convert argument "%s", with value: "%s", for "%s" to type "%s": "%s"'
                       % (e.parameter, to_string(e.value), name, e.type_name, e.message),
                       "MethodArgumentConversionInvalidCastArgument", "NotSpecified",
                       exception_type="System.Management.Automation.MethodException",
                       inner="System.Management.Automation.PSInvalidCastException")


def construct(type_info: "TypeInfo", args: List[Any]) -> Any:
    """``New-Object T args`` / ``[T]::new(args)`` for a type the registry can build.
    A constructor that throws gives ``Exception calling ".ctor" ...``."""
    net_type = type_info.net_type
    if net_type is None or net_type.construct is None:
        raise overload_not_found("new", len(args))
    return _invoke_member(lambda *a: net_type.construct(list(a)), ".ctor", args)


def has_method(obj: Any, name: str) -> bool:
    """Whether ``obj`` has a member method of its own by that name (one a Python
    class provides as ``ps_method_<Name>``, or a script method added to it)."""
    if instance_method(obj, name) is not None:
        return True
    folded = "ps_method_" + name.casefold()
    return any(attr.casefold() == folded for attr in dir(type(obj)) if attr.startswith("ps_method_"))


# ------------------------------------------------------------------ formatting

def format_date(value: _dt.datetime, fmt: Optional[str]) -> str:
    """``DateTime.ToString(fmt)`` in en-US (``None``: the general ``G`` form)."""
    try:
        return netformat.format_date(value, fmt)
    except netformat.FormatError as e:
        raise nettypes.NetError("System.FormatException", e.message)


def format_string(fmt: str, args: Sequence[Any], *, timespan_formats: bool = True) -> str:
    """.NET composite formatting (``"{0,-10} {1:N2}" -f $a, $b``): PowerShell's error
    "Error formatting a string: <the FormatException's message>." when it fails."""
    try:
        return netformat.composite(fmt, args, timespan_formats=timespan_formats)
    except netformat.FormatError as e:
        raise MethodError("Error formatting a string: %s." % e.message, "FormatError",
                          inner="System.FormatException")


# --------------------------------------------------------------------- methods

def _arg_count_error(name: str, count: int) -> MethodError:
    return overload_not_found(name, count)


def _string_split(s: str, args: List[Any]) -> List[str]:
    """String.Split: separator characters (a string argument is a char[] in Windows
    PowerShell), or separator strings when a string[] comes with StringSplitOptions;
    an optional maximum count; RemoveEmptyEntries.  No separator: white space."""
    separators = args[0] if args else None
    count: Optional[int] = None
    remove_empty = False
    for extra in args[1:]:
        options = nettypes.enum_class("System.StringSplitOptions")
        if isinstance(extra, options) or (
                isinstance(extra, str) and options.parse_name(extra) is not None):
            remove_empty = int(options.parse(extra)) == 1
        else:
            count = to_int(extra)
            if count < 0:
                raise nettypes.NetError("System.ArgumentOutOfRangeException",
                                        "Count cannot be less than zero.\r\nParameter name: count")
    if isinstance(separators, (list, tuple)) and len(args) > 1 and \
            any(len(to_string(x)) != 1 for x in separators):
        pattern = "|".join(re.escape(to_string(x)) for x in separators if to_string(x))
    else:
        items = separators if isinstance(separators, (list, tuple)) else \
            ([] if separators is None else [separators])
        chars = "".join(to_string(x) for x in items)
        pattern = "[" + re.escape(chars) + "]" if chars else r"\s"
    if count == 0:
        return []
    if not pattern:
        parts = [s]
    elif count is None:
        parts = re.split(pattern, s)
    else:
        parts = re.split(pattern, s, maxsplit=max(count - 1, 0)) if count > 1 else [s]
    if remove_empty:
        parts = [p for p in parts if p]
    return parts


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
        return _string_split(s, a)
    if n == "padleft":
        return s.rjust(to_int(a[0]), to_string(a[1]) if len(a) > 1 else " ")
    if n == "padright":
        return s.ljust(to_int(a[0]), to_string(a[1]) if len(a) > 1 else " ")
    if n == "tostring":
        return s
    if n == "tochararray":
        if len(a) == 2:                       # (int startIndex, int length)
            start, length = to_int(a[0]), to_int(a[1])
            if start < 0 or length < 0 or start + length > len(s):
                raise nettypes.NetError("System.ArgumentOutOfRangeException",
                                        "Index was out of range. Must be non-negative and less "
                                        "than the size of the collection.\r\nParameter name: "
                                        "startIndex")
            return chars_of(s[start:start + length])
        return chars_of(s)
    if n == "chars" or n == "get_chars":
        index = to_int(a[0]) if a else -1
        if not 0 <= index < len(s):
            raise nettypes.NetError("System.IndexOutOfRangeException",
                                    "Index was outside the bounds of the array.")
        return Char(s[index])
    if n == "equals":
        if not a:
            raise _arg_count_error("Equals", 0)
        if len(a) > 1 and "ignorecase" in to_string(a[1]).casefold():
            return s.casefold() == to_string(a[0]).casefold()
        return s == to_string(a[0]) if isinstance(a[0], str) else False
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
    raise method_not_found("System.String", name)


def _char_method(c: Char, name: str, args: List[Any]) -> Any:
    """System.Char's instance methods (a char has none of a string's)."""
    n = name.casefold()
    if n == "tostring":
        return str(c)
    if n == "gettype":
        return TypeInfo("System.Char")
    if n == "gethashcode":
        return ord(c) | (ord(c) << 16)
    if n == "gettypecode":
        return "Char"
    if n == "equals":
        if len(args) != 1:
            raise _arg_count_error(name, len(args))
        return isinstance(args[0], Char) and args[0] == c
    if n == "compareto":
        if len(args) != 1:
            raise _arg_count_error(name, len(args))
        if args[0] is None:
            return 1
        if not isinstance(args[0], Char):
            raise nettypes.NetError("System.ArgumentException", "Object must be of type Char.")
        return ord(c) - ord(args[0])
    raise method_not_found("System.Char", name)


def _date_method(d: _dt.datetime, name: str, args: List[Any]) -> Any:
    n = name.casefold()
    units = {"adddays": 86_400_000, "addhours": 3_600_000, "addminutes": 60_000,
             "addseconds": 1000, "addmilliseconds": 1}
    if n in units:
        if len(args) != 1:
            raise _arg_count_error(name, len(args))
        return clrtime.add_scaled(d, to_number(args[0]), units[n])
    if n in ("addmonths", "addyears", "addticks", "add", "subtract"):
        if len(args) != 1:
            raise _arg_count_error(name, len(args))
    if n == "addmonths":
        return clrtime.add_months(d, to_int(args[0]))
    if n == "addyears":
        return clrtime.add_years(d, to_int(args[0]))
    if n == "addticks":
        return clrtime.add(d, _dt.timedelta(microseconds=to_int(args[0], "System.Int64") // 10))
    if n == "add":
        return clrtime.add(d, _as_timespan(args[0], "value"))
    if n == "subtract":
        other = args[0]
        if isinstance(other, _dt.datetime):
            return clrtime.checked_timespan(d - other)
        return clrtime.subtract(d, _as_timespan(other, "value"))
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
    raise method_not_found("System.DateTime", name)


def _as_timespan(value: Any, parameter: str) -> _dt.timedelta:
    if isinstance(value, _dt.timedelta):
        return value
    try:
        return convert_to(value, TypeInfo("System.TimeSpan"))
    except ConversionError as e:
        raise nettypes.NetArgumentError(parameter, value, "System.TimeSpan", e.message)


def _timespan_method(t: _dt.timedelta, name: str, args: List[Any]) -> Any:
    n = name.casefold()
    if n == "tostring":
        if args and args[0] is not None:
            try:
                return netformat.format_timespan_with(t, to_string(args[0]))
            except netformat.FormatError as e:
                raise nettypes.NetError("System.FormatException", e.message)
        return to_string(t)
    if n in ("add", "subtract"):
        if len(args) != 1:
            raise _arg_count_error(name, len(args))
        other = _as_timespan(args[0], "ts")
        return clrtime.checked_timespan(t + other if n == "add" else t - other)
    if n == "negate":
        return -t
    if n == "duration":
        return abs(t)
    if n == "gettype":
        return TypeInfo("System.TimeSpan")
    raise method_not_found("System.TimeSpan", name)


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
        raise method_not_found("System.Object[]", name)
    raise method_not_found(type_names(lst)[0], name)


def _hashtable_method(h: PSHashtable, name: str, args: List[Any]) -> Any:
    n = name.casefold()
    if n == "add":
        if len(args) != 2:
            raise _arg_count_error("Add", len(args))
        if args[0] in h:
            raise method_threw("Add", 2, "System.ArgumentException",
                               "Item has already been added. Key in dictionary: '%s'  Key being "
                               "added: '%s'" % (to_string(args[0]), to_string(args[0])))
        if args[0] is None:
            raise method_threw("Add", 2, "System.ArgumentNullException",
                               "Key cannot be null.\r\nParameter name: key")
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
    raise method_not_found("System.Collections.Hashtable", name)


def call_method(obj: Any, name: str, args: List[Any]) -> Any:
    """Invoke ``obj.name(args)``; raise MethodError with PowerShell's wording."""
    if obj is None:
        raise MethodError("You cannot call a method on a null-valued expression.", "InvokeMethodOnNull")
    script_method = instance_method(obj, name)
    if script_method is not None:  # a ScriptMethod added with Add-Member
        return script_method(obj, *args)
    custom = None
    for attr in dir(type(obj)):
        if attr.startswith("ps_method_") and attr[10:].casefold() == name.casefold():
            custom = getattr(obj, attr)
            break
    if custom is not None:
        return _invoke_member(custom, name, args)
    try:
        return _builtin_method(obj, name, args)
    except (nettypes.NetError, clrtime.ClrError) as e:
        raise method_threw(name, len(args), e.exception, e.message)
    except nettypes.NetArgumentError as e:
        raise _argument_error(name, e)


def _builtin_method(obj: Any, name: str, args: List[Any]) -> Any:
    if isinstance(obj, TypeInfo):
        n = name.casefold()
        if n == "tostring":
            return obj.full_name
        if n == "gettype":
            return TypeInfo("System.RuntimeType")
    if isinstance(obj, Char):
        return _char_method(obj, name, args)
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
        if args and isinstance(obj, (int, float, decimal.Decimal, enum.Enum)) and not isinstance(obj, bool):
            try:
                return netformat.format_value(obj, to_string(args[0]))
            except netformat.FormatError as e:
                raise nettypes.NetError("System.FormatException", e.message)
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
    raise method_not_found(dotnet_type_name(obj), name)


# ----------------------------------------------------------------------- types

class TypeInfo:
    """A .NET type as a value (``[datetime]``, ``$x.GetType()``).  ``net_type`` is the
    registry's entry when the type has one (constructors, statics, casts)."""

    PS_TYPE_NAMES = ("System.RuntimeType", "System.Type", "System.Object")
    PS_PROPERTIES = ("IsPublic", "IsSerial", "Name", "FullName", "Namespace", "IsArray", "BaseType")
    IsPublic = True
    IsSerial = True

    def __init__(self, full_name: str, net_type: Optional["nettypes.NetType"] = None):
        self.full_name = full_name
        self.net_type = net_type if net_type is not None else nettypes.lookup(full_name)

    @property
    def Name(self) -> str:
        if self.net_type is not None:
            return self.net_type.name
        return self.full_name.split("[", 1)[0].rsplit(".", 1)[-1]

    @property
    def FullName(self) -> str:
        return self.full_name

    @property
    def Namespace(self) -> str:
        name = self.full_name.split("`", 1)[0]
        return name.rsplit(".", 1)[0] if "." in name else ""

    @property
    def IsArray(self) -> bool:
        return self.full_name.endswith("[]")

    @property
    def BaseType(self) -> Optional["TypeInfo"]:
        if self.full_name == "System.Object":
            return None
        if self.net_type is not None:
            return TypeInfo(self.net_type.base)
        return TypeInfo(exception_types.BASES.get(self.full_name, "System.Object"))

    def __str__(self) -> str:
        return self.net_type.display if self.net_type is not None else self.full_name

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
    "valuetype": "System.ValueType", "system.valuetype": "System.ValueType",
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
    tried with ``System.`` in front (``[IO.Path]``, ``[DivideByZeroException]``), and
    generic names (``List[string]``) are built from the registry's templates."""
    key = name.strip().casefold()
    full = _TYPE_NAMES.get(key) or _TYPE_NAMES.get("system." + key)
    if full is None and key.endswith("[]"):
        inner = resolve_type(key[:-2])
        if inner is not None:
            return TypeInfo(inner.full_name + "[]")
    if full is None:
        full = exception_types.canonical(key)
    if full is not None:
        return TypeInfo(full)
    net_type = nettypes.lookup(name, _full_name_of)
    return TypeInfo(net_type.full_name, net_type) if net_type is not None else None


def _full_name_of(name: str) -> Optional[str]:
    found = resolve_type(name)
    return found.full_name if found is not None else None


def is_instance(value: Any, type_info: TypeInfo) -> bool:
    full = type_info.full_name
    net_type = type_info.net_type
    if net_type is not None and net_type.instance_of is not None and value is not None:
        return net_type.instance_of(value)
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
            bool(getattr(value, "PS_TYPE_NAMES", None)) and not isinstance(value, (int, str)))
    if exception_types.known(full):
        return any(exception_types.is_subclass(n, full) for n in names[:1])
    if full in ("System.Int64", "System.Double", "System.Decimal") and isinstance(value, (int, float)):
        return names[0] == full
    return False


#: What $null converts to for the value types whose cast would refuse it.
_NULL_DEFAULTS: Dict[str, Callable[[], Any]] = {
    "System.DateTime": lambda: _dt.datetime(1, 1, 1),
    "System.TimeSpan": lambda: _dt.timedelta(0),
    "System.Guid": lambda: static_member(TypeInfo("System.Guid"), "Empty", None, {}),
}


def convert_to(value: Any, type_info: TypeInfo, statics: Any = None) -> Any:
    """A cast ``[type]value``; raises ConversionError with PowerShell's message.
    ``statics`` (a context's static members) lets a type whose constructor needs the
    session convert through that constructor, as PowerShell converts through a
    one-argument constructor: ``[X509Certificate2]$bytes``, ``[X509Store]'My'``."""
    full = type_info.full_name
    if value is None and (full.endswith("[]") or full == "System.Array"):
        return None  # [object[]]$null is $null, so @([object[]]$null) holds one $null
    if value is None and full in _NULL_DEFAULTS:
        return _NULL_DEFAULTS[full]()   # $null is a value type's default ([datetime]$null)
    try:
        if full in ("System.Object", "System.Management.Automation.PSObject"):
            if full == "System.Management.Automation.PSObject" and isinstance(value, PSHashtable):
                return PSObject(list(value.items()))
            return value
        if full == "System.Type":
            if isinstance(value, TypeInfo):
                return value
            found = resolve_type(to_string(value)) if isinstance(value, str) else None
            if found is None:
                raise ConversionError('Cannot convert the "%s" value of type "%s" to type "System.Type".'
                                      % (to_string(value), dotnet_type_name(value)))
            return found
        net_type = type_info.net_type or nettypes.lookup(full)
        if net_type is not None and net_type.cast is not None:
            try:
                return net_type.cast(value)
            except ConversionError:
                if statics is None or value is None or \
                        not getattr(net_type, "constructs_in_context", False):
                    raise
                return _construct_in_context(value, full, statics)
        if full == "System.TimeSpan":
            if isinstance(value, _dt.timedelta):
                return value
            if isinstance(value, str):
                return _parse_timespan(value)
            try:
                return clrtime.timespan_of_ticks(to_int(value, "System.Int64"))
            except clrtime.ClrError as e:
                raise ConversionError('Cannot convert value "%s" to type "System.TimeSpan". Error: "%s"'
                                      % (to_string(value), e.message))
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
        if full.endswith("[]") and full != "System.Char[]":
            # An array of any other known type: each element converts on its own.
            inner = resolve_type(full[:-2])
            if inner is not None:
                items = list(value) if isinstance(value, (list, tuple)) else [value]
                return [convert_to(v, inner, statics) for v in items]
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


def _construct_in_context(value: Any, full: str, statics: Any) -> Any:
    """``[T]value`` through T's one-argument constructor, built in the session; no
    such constructor is the cast's own error, one that threw is PowerShell's
    'Cannot convert value ... Error: "<what the constructor threw>"'."""
    refused = ConversionError('Cannot convert the "%s" value of type "%s" to type "%s".'
                              % (to_string(value), dotnet_type_name(value), full))
    # PowerShell looks for a constructor taking exactly the value's type: a string
    # (a file name, a store name), bytes, a flag, an object; never a number or an
    # object[] (whose elements a byte[] constructor would need converted).
    if isinstance(value, (int, float, decimal.Decimal, list, tuple)) and \
            not isinstance(value, bool):
        raise refused
    hook = statics.get(full)
    if hook is None:
        raise refused
    try:
        return hook(full, "new", [value])
    except MethodError as e:
        if e.inner_message is None:
            raise refused from None
        raise ConversionError('Cannot convert value "%s" to type "%s". Error: "%s"'
                              % (to_string(value), full, e.inner_message)) from None
    except ConversionError:
        raise refused from None


def _parse_timespan(text: str) -> _dt.timedelta:
    """TimeSpan.Parse: ``[-]d`` (days) or ``[-][d.]hh:mm[:ss[.fffffff]]``, each part in
    range; anything else is .NET's FormatException or OverflowException."""
    m = re.fullmatch(r"\s*(-)?(?:(\d+)|(?:(\d+)\.)?(\d+):(\d+)(?::(\d+)(?:\.(\d{1,7}))?)?)\s*", text)
    if m is None:
        raise ConversionError('Cannot convert value "%s" to type "System.TimeSpan". Error: "String '
                              'was not recognized as a valid TimeSpan."' % text)
    sign, only_days, days, hours, minutes, seconds, fraction = m.groups()
    too_big = ('Cannot convert value "%s" to type "System.TimeSpan". Error: "The TimeSpan could '
               'not be parsed because at least one of the numeric components is out of range or '
               'contains too many digits."' % text)
    if only_days is not None:
        parts = (int(only_days), 0, 0, 0, 0)
    else:
        parts = (int(days or 0), int(hours), int(minutes), int(seconds or 0),
                 int((fraction or "0").ljust(7, "0")))
        if parts[1] > 23 or parts[2] > 59 or parts[3] > 59:
            raise ConversionError(too_big)
    ticks = (((parts[0] * 24 + parts[1]) * 60 + parts[2]) * 60 + parts[3]) * 10_000_000 + parts[4]
    try:
        span = clrtime.timespan_of_ticks(ticks)
    except clrtime.ClrError:
        raise ConversionError(too_big)
    return -span if sign else span


def _byte_error(v: Any) -> int:
    raise ConversionError('Cannot convert value "%s" to type "System.Byte". Error: "Value was either '
                          'too large or too small for an unsigned byte."' % to_string(v))


# ------------------------------------------------------------- static members

def _pow(x: float, y: float) -> float:
    try:
        return math.pow(x, y)
    except OverflowError:  # .NET gives Infinity, with the sign the result would have
        negative = x < 0 and y == int(y) and int(y) % 2 == 1
        return -math.inf if negative else math.inf
    except ValueError:
        return math.nan


def _log(x: float, base: Optional[float] = None) -> float:
    if math.isnan(x) or x < 0:
        return math.nan
    if x == 0:
        return -math.inf
    if base is None:
        return math.log(x)
    if base == 1 or base <= 0:
        return math.nan
    return math.log(x) / math.log(base)


def _round(args: List[Any]) -> Any:
    value = to_number(args[0])
    digits = to_int(args[1]) if len(args) > 1 and not isinstance(args[1], str) else 0
    away = any("awayfromzero" in to_string(a).casefold() for a in args[1:])
    if not 0 <= digits <= 15:
        raise nettypes.NetError("System.ArgumentOutOfRangeException",
                                "Rounding digits must be between 0 and 15, inclusive."
                                "\r\nParameter name: digits")
    exact = decimal.Decimal(value) if isinstance(value, decimal.Decimal) else \
        decimal.Decimal(repr(float(value)))
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return value
    rounded = exact.quantize(decimal.Decimal(1).scaleb(-digits),
                             rounding=decimal.ROUND_HALF_UP if away else decimal.ROUND_HALF_EVEN)
    return rounded if isinstance(value, decimal.Decimal) else float(rounded)


def _math_table() -> Dict[str, Callable[[List[Any]], Any]]:
    def num(a: Any) -> Any:
        return to_number(a)

    def flt(a: Any) -> float:
        return float(to_number(a))

    def same_type(fn: Callable[[Any], Any]) -> Callable[[List[Any]], Any]:
        def call(a: List[Any]) -> Any:
            x = num(a[0])
            result = fn(x)
            return result if isinstance(x, (int, decimal.Decimal)) else float(result)
        return call

    def safe(fn: Callable[[float], float]) -> Callable[[List[Any]], Any]:
        def call(a: List[Any]) -> float:
            try:
                return fn(flt(a[0]))
            except ValueError:
                return math.nan
            except OverflowError:
                return math.inf
        return call

    return {
        "round": _round,
        "floor": lambda a: (math.floor(num(a[0])) if isinstance(num(a[0]), decimal.Decimal)
                            else float(math.floor(flt(a[0]))) if math.isfinite(flt(a[0])) else flt(a[0])),
        "ceiling": lambda a: (math.ceil(num(a[0])) if isinstance(num(a[0]), decimal.Decimal)
                              else float(math.ceil(flt(a[0]))) if math.isfinite(flt(a[0])) else flt(a[0])),
        "truncate": lambda a: (float(math.trunc(flt(a[0]))) if math.isfinite(flt(a[0])) else flt(a[0])),
        "abs": same_type(abs),
        "sign": lambda a: (0 if num(a[0]) == 0 else (1 if num(a[0]) > 0 else -1)),
        "max": lambda a: max(num(a[0]), num(a[1])),
        "min": lambda a: min(num(a[0]), num(a[1])),
        "pow": lambda a: _pow(flt(a[0]), flt(a[1])),
        "sqrt": lambda a: math.sqrt(flt(a[0])) if flt(a[0]) >= 0 else math.nan,
        "exp": safe(math.exp),
        "log": lambda a: _log(flt(a[0]), flt(a[1]) if len(a) > 1 else None),
        "log10": lambda a: _log(flt(a[0]), 10.0),
        "sin": safe(math.sin), "cos": safe(math.cos), "tan": safe(math.tan),
        "asin": safe(math.asin), "acos": safe(math.acos), "atan": safe(math.atan),
        "atan2": lambda a: math.atan2(flt(a[0]), flt(a[1])),
        "sinh": safe(math.sinh), "cosh": safe(math.cosh), "tanh": safe(math.tanh),
    }


_MATH = _math_table()
_MATH_ARITY = {"round": (1, 2, 3), "max": (2,), "min": (2,), "pow": (2,), "log": (1, 2),
               "atan2": (2,)}


def _math(name: str, args: List[Any]) -> Any:
    n = name.casefold()
    fn = _MATH.get(n)
    if fn is None:
        raise method_not_found("System.Math", name)
    if len(args) not in _MATH_ARITY.get(n, (1,)):
        raise overload_not_found(name, len(args))
    try:
        return fn(args)
    except nettypes.NetError as e:
        raise method_threw(name, len(args), e.exception, e.message)


StaticHook = Callable[[str, str, Optional[List[Any]]], Any]


_ARRAY_STATICS = ("indexof", "lastindexof", "reverse", "sort", "clear")


def _array_static(n: str, name: str, args: List[Any]) -> Any:
    """``[array]::IndexOf($a, $x)``, ``LastIndexOf``, ``Reverse``/``Sort``/``Clear`` (in
    place, as .NET does)."""
    from functools import cmp_to_key
    from .operators import compare_values
    if not args:
        raise overload_not_found(name, 0)
    target = args[0]
    if target is None:
        raise method_threw(name, len(args), "System.ArgumentNullException",
                           "Value cannot be null.\r\nParameter name: array")
    if not isinstance(target, list):
        raise MethodError('Cannot convert argument "array", with value: "%s", for "%s" to type '
                          '"System.Array": "Cannot convert the "%s" value of type "%s" to type '
                          '"System.Array"."' % (to_string(target), name, to_string(target),
                                                dotnet_type_name(target)),
                          "MethodArgumentConversionInvalidCastArgument", "NotSpecified",
                          exception_type="System.Management.Automation.MethodException")
    if n in ("indexof", "lastindexof"):
        if len(args) != 2:
            raise overload_not_found(name, len(args))
        hits = [i for i, v in enumerate(target) if nettypes.net_equals(v, args[1])]
        if not hits:
            return -1
        return hits[0] if n == "indexof" else hits[-1]
    if n == "reverse":
        if len(args) != 1:
            raise overload_not_found(name, len(args))
        target.reverse()
        return None
    if n == "sort":
        if len(args) != 1:
            raise overload_not_found(name, len(args))
        try:
            target.sort(key=cmp_to_key(compare_values))
        except Exception:  # noqa: BLE001 - elements that do not compare: .NET's error
            raise method_threw(name, 1, "System.InvalidOperationException",
                               "Failed to compare two elements in the array.")
        return None
    if n == "clear":
        if len(args) != 3:
            raise overload_not_found(name, len(args))
        start, count = to_int(args[1]), to_int(args[2])
        if start < 0 or count < 0 or start + count > len(target):
            raise method_threw(name, 3, "System.IndexOutOfRangeException",
                               "Index was outside the bounds of the array.")
        for i in range(start, start + count):
            target[i] = 0 if isinstance(target[i], (int, float)) and not isinstance(target[i], bool) \
                else None
        return None
    raise overload_not_found(name, len(args))


#: The types whose ``TryParse(text, [ref]$result)`` scripts call: the type they convert to.
_TRY_PARSE = {"System.Int32": "System.Int32", "System.Int64": "System.Int64",
              "System.Double": "System.Double", "System.Decimal": "System.Decimal",
              "System.Byte": "System.Byte", "System.Int16": "System.Int16",
              "System.UInt32": "System.UInt32", "System.UInt64": "System.UInt64",
              "System.Boolean": "System.Boolean", "System.DateTime": "System.DateTime",
              "System.TimeSpan": "System.TimeSpan", "System.Version": "System.Version",
              "System.Guid": "System.Guid"}
_TRY_PARSE_DEFAULTS = {"System.Boolean": False, "System.DateTime": _dt.datetime(1, 1, 1),
                       "System.TimeSpan": _dt.timedelta(0), "System.Version": None}


def _try_parse(full: str, name: str, args: List[Any]) -> bool:
    """``[int]::TryParse(text, [ref]$n)`` (and the other numeric, date, version, Guid
    types): True and the value written through the reference, or False and the
    type's default.  Only the text form is read (no style or provider arguments)."""
    if len(args) not in (2, 4):
        raise overload_not_found(name, len(args))
    target = args[-1]
    if not isinstance(target, nettypes.PSReference):
        raise MethodError('Argument: \'%d\' should be a System.Management.Automation.PSReference. '
                          'Use [ref].' % len(args), "NonRefArgumentToRefParameterMsg",
                          "InvalidArgument",
                          exception_type="System.Management.Automation.MethodException")
    text = args[0]
    try:
        if text is None or isinstance(text, (list, tuple, PSHashtable)):
            raise ConversionError("")
        raw = to_string(text)
        if full not in ("System.DateTime", "System.Boolean", "System.TimeSpan",
                        "System.Version", "System.Guid") and \
                (not raw.strip() or raw.strip().lower().startswith("0x")):
            raise ConversionError("")    # .NET's Parse takes no hex and no empty text
        value = convert_to(raw, TypeInfo(_TRY_PARSE[full]))
    except (ConversionError, nettypes.NetError):
        target.set_value(_TRY_PARSE_DEFAULTS.get(full, 0))
        return False
    target.set_value(value)
    return True


def static_member(type_info: TypeInfo, name: str, args: Optional[List[Any]],
                  hooks: Dict[str, StaticHook]) -> Any:
    """``[Type]::Name`` (args None) or ``[Type]::Name(args)``.  ``hooks`` maps a full
    type name to a callable the session provides (clock, file system)."""
    full = type_info.full_name
    hook = hooks.get(full)
    if hook is not None:
        return hook(full, name, args)
    n = name.casefold()
    net_type = type_info.net_type or nettypes.lookup(full)
    if net_type is not None:
        if n == "new" and args is not None:
            if net_type.construct is None:
                raise method_not_found(full, name)
            return _invoke_member(lambda *a: net_type.construct(list(a)), "new", args)
        if args is None:
            found = net_type.static(name, None)
        else:
            found = _invoke_member(lambda *a: net_type.static(name, list(a)), name, args)
        if found is not NOT_FOUND:
            return found
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
    if full == "System.Array" and args is not None and n in _ARRAY_STATICS:
        return _array_static(n, name, args)
    if n == "tryparse" and args is not None and full in _TRY_PARSE:
        return _try_parse(full, name, args)
    if full == "System.DateTime" and args is not None:
        if n in ("parseexact", "tryparseexact"):
            from . import netstatics
            fn = netstatics.datetime_parse_exact if n == "parseexact" else \
                netstatics.datetime_try_parse_exact
            return _invoke_member(lambda *a: fn(list(a)), name, args)
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
        table = {"fromdays": 86_400_000, "fromhours": 3_600_000, "fromminutes": 60_000,
                 "fromseconds": 1000, "frommilliseconds": 1}
        if n in table:
            if len(args) != 1:
                raise overload_not_found(name, len(args))
            try:
                return clrtime.timespan_from(float(to_number(args[0])), table[n])
            except clrtime.ClrError as e:
                raise method_threw(name, 1, e.exception, e.message)
        if n == "fromticks":
            try:
                return clrtime.timespan_of_ticks(to_int(args[0], "System.Int64"))
            except clrtime.ClrError as e:
                raise method_threw(name, 1, e.exception, e.message)
    if full == "System.TimeSpan" and args is None:
        if n == "zero":
            return _dt.timedelta(0)
        if n == "maxvalue":
            return clrtime.MAX_TIMESPAN
        if n == "minvalue":
            return clrtime.MIN_TIMESPAN
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
    if full == "System.Environment" and args is None:
        if n == "newline":
            return "\r\n"
        if n == "machinename":
            hook = hooks.get("machinename")
            return hook("", "", None) if hook else "EX01"
    if args is not None:
        raise method_not_found(full, name)
    raise MethodError("The property '%s' cannot be found on type [%s]." % (name, full))
