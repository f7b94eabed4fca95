"""The .NET types scripts create and call beyond the primitives: a registry.

Each :class:`NetType` says what PowerShell would find for a type name: its full name,
its base type, a constructor (``New-Object T args`` and 5.0's ``[T]::new(args)``),
static members (``[int]::MaxValue``, ``[regex]::Escape()``), a cast rule
(``[version]'1.2'``) and an instance test (``-is``).  Generic types
(``System.Collections.Generic.List[string]``) are built from a template when a name
asks for them.

The instances are Python classes that follow the object model of
:mod:`exshell.engine.properties`: ``PS_TYPE_NAMES``, ``PS_PROPERTIES`` and
``ps_method_<Name>`` methods, so the evaluator, the formatter and the cmdlets treat
them like any other object.  Collections subclass ``list`` so the pipeline unrolls
them and indexing works.  A method that returns nothing (``List.Add``) returns
``None``, which the evaluator treats as a void method: it writes no output.

Imports the engine's conversion layer and the standard library only.
"""
from __future__ import annotations

import decimal
import enum
import functools
import importlib
import math
import re
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from . import errors as _errors
from . import exceptions as exception_types
from . import numbers
from .chars import CHAR_RANGE_MESSAGE, Char, char_predicate, chars_of
from .conversion import ConversionError, to_bool, to_datetime, to_int, to_number, to_string
from .operators import (RegexPatternError, compare_values, dotnet_groups, dotnet_replacement,
                        group_index)
from .operators import net_regex as _net_regex
from .properties import NOT_FOUND, DayOfWeek, PSHashtable, type_names
from .statics import load_indexes
from ..structs import LazyPattern

__all__ = ["NetType", "NetError", "NetArgumentError", "NetCountError", "lookup", "parse_type_name", "ArrayList", "GenericList",
           "GenericDictionary", "HashSet", "Regex", "RegexMatch", "RegexGroup", "Version",
           "CultureInfo", "NetEnum", "enum_class",
           "DayOfWeek", "Single", "net_regex", "dotnet_replacement", "MSCORLIB", "register",
           "enum_type", "NetFlags", "add_lazy", "Guid", "PSNoteProperty", "PSMethodInfo",
           "register_method_lister", "lazy_method_lister", "PSReference"]

#: How generic type arguments are qualified in FullName (mscorlib of .NET 4).
MSCORLIB = "mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089"


class NetArgumentError(Exception):
    """An argument of a .NET method did not convert to the parameter's type."""

    def __init__(self, parameter: str, value: Any, type_name: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.value = value
        self.type_name = type_name
        self.message = message


class NetError(Exception):
    """A .NET member threw: ``exception`` is the .NET exception type, ``message`` its
    text.  The caller wraps it as PowerShell does (``Exception calling "X" with "N"
    argument(s): "..."``, a MethodInvocationException around it)."""

    def __init__(self, exception: str, message: str):
        super().__init__(message)
        self.exception = exception
        self.message = message


# ====================================================================== type names

def parse_type_name(text: str) -> Tuple[str, List[str]]:
    """``'Collections.Generic.Dictionary[string, List[int]]'`` ->
    ``('Collections.Generic.Dictionary', ['string', 'List[int]'])``.  A name without
    type arguments (or an array ``T[]``) comes back with an empty list."""
    text = text.strip()
    if not text.endswith("]") or text.endswith("[]"):
        return text, []
    start = text.find("[")
    if start <= 0:
        return text, []
    inner = text[start + 1:-1]
    args: List[str] = []
    depth = 0
    current: List[str] = []
    for ch in inner:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        if ch == "," and depth == 0:
            args.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    args.append("".join(current).strip())
    # ``List[[System.String, mscorlib, ...]]``: the assembly-qualified form.
    args = [a[1:-1].split(",")[0].strip() if a.startswith("[") and a.endswith("]") else a
            for a in args]
    if any(not a for a in args):
        return text, []
    return text[:start].strip(), args


# ====================================================================== registry

class NetType:
    """What PowerShell knows about one .NET type."""

    def __init__(self, full_name: str, *, base: str = "System.Object",
                 accelerators: Sequence[str] = (), construct: Optional[Callable[[List[Any]], Any]] = None,
                 statics: Optional[Dict[str, Any]] = None, cast: Optional[Callable[[Any], Any]] = None,
                 instance_of: Optional[Callable[[Any], bool]] = None, name: Optional[str] = None,
                 display: Optional[str] = None, enum_cls: Optional[type] = None):
        self.full_name = full_name
        self.base = base
        self.accelerators = tuple(accelerators)
        self.construct = construct
        #: lower-cased member name -> a value, or ("method", callable(args)).
        self.statics: Dict[str, Any] = {k.casefold(): v for k, v in (statics or {}).items()}
        self.cast = cast
        self.instance_of = instance_of
        self.name = name or full_name.rsplit(".", 1)[-1]
        self.display = display or full_name
        self.enum_cls = enum_cls

    def static(self, name: str, args: Optional[List[Any]]) -> Any:
        """``[T]::name`` (args None) or ``[T]::name(args)``; NOT_FOUND when T has no
        such member."""
        member = self.statics.get(name.casefold(), NOT_FOUND)
        if member is NOT_FOUND:
            if self.enum_cls is not None and args is None:
                folded = name.casefold()
                # __members__: a flags enum's iteration leaves out None (0) and aliases
                for key, member in self.enum_cls.__members__.items():
                    if key.rstrip("_").casefold() == folded:
                        return member
            return NOT_FOUND
        if isinstance(member, tuple) and member and member[0] == "method":
            if args is None:
                return NOT_FOUND  # [T]::Method without parentheses: not emulated
            return member[1](list(args))
        if args is not None:
            return NOT_FOUND
        return member() if callable(member) else member


_TYPES: Dict[str, NetType] = {}
_GENERICS: Dict[str, Callable[[List[NetType]], NetType]] = {}


def _register(t: NetType) -> NetType:
    _TYPES[t.full_name.casefold()] = t
    for alias in t.accelerators:
        _TYPES[alias.casefold()] = t
    return t


#: Full type name (folded) -> the module that registers it on import.
_LAZY: Dict[str, str] = {}


def add_lazy(module: str, full_names: Iterable[str]) -> None:
    """Importing ``module`` registers the types ``full_names`` (imported on first
    lookup, so start-up pays nothing for them)."""
    for name in full_names:
        _LAZY[name.casefold()] = module


def register(t: NetType) -> NetType:
    """Add a type to the registry (modules outside the engine declare theirs: the
    X.509 types of the cmdlet layer)."""
    return _register(t)


def _generic(full_name: str, arity: int, accelerators: Sequence[str] = ()):
    def decorate(factory: Callable[[List[NetType]], NetType]):
        for name in (full_name,) + tuple(accelerators):
            _GENERICS["%s`%d" % (name.casefold(), arity)] = factory
        return factory
    return decorate


def lookup(name: str, resolve_other: Optional[Callable[[str], Optional[str]]] = None) -> Optional[NetType]:
    """The registered type a name means: accelerators, full names, names with
    ``System.`` left off, and generic names with their type arguments.
    ``resolve_other`` names the types this registry does not hold (int, string...), for
    the arguments of a generic type."""
    key = name.strip().casefold()
    found = _TYPES.get(key) or _TYPES.get("system." + key)
    if found is not None:
        return found
    load_indexes()
    module = _LAZY.pop(key, None) or _LAZY.pop("system." + key, None)
    if module is not None:
        importlib.import_module(module)
        return _TYPES.get(key) or _TYPES.get("system." + key)
    exception = exception_types.canonical(key)
    if exception is not None:
        return _register(_exception_type(exception))
    base, args = parse_type_name(name)
    if not args:
        return None
    b = base.casefold()
    if "`" in b:  # the CLR spelling: List`1[[System.String, mscorlib, ...]]
        b = b.split("`", 1)[0]
    factory = _GENERICS.get("%s`%d" % (b, len(args))) or \
        _GENERICS.get("system.%s`%d" % (b, len(args)))
    if factory is None:
        return None
    arg_types: List[NetType] = []
    for a in args:
        t = lookup(a, resolve_other)
        if t is None and resolve_other is not None:
            full = resolve_other(a)
            if full is not None:
                t = NetType(full)
        if t is None:
            return None
        arg_types.append(t)
    return factory(arg_types)


def _qualified(t: NetType) -> str:
    return "[%s, %s]" % (t.full_name, MSCORLIB)


def _generic_names(base: str, args: List[NetType]) -> Tuple[str, str, str]:
    """(FullName, Name, ToString) of a constructed generic type."""
    arity = len(args)
    full = "%s`%d[%s]" % (base, arity, ",".join(_qualified(a) for a in args))
    display = "%s`%d[%s]" % (base, arity, ",".join(a.full_name for a in args))
    return full, "%s`%d" % (base.rsplit(".", 1)[-1], arity), display


def _method(fn: Callable[[List[Any]], Any]) -> Tuple[str, Callable[[List[Any]], Any]]:
    return ("method", fn)


def _arg_count(name: str, args: List[Any], *counts: int) -> None:
    if len(args) not in counts:
        raise NetCountError(name, len(args))


class NetCountError(Exception):
    """No overload of a method takes that many arguments."""

    def __init__(self, name: str, count: int):
        super().__init__(name)
        self.name = name
        self.count = count


# ====================================================================== enums

class NetEnum(enum.IntEnum):
    """A .NET enum: member names match case-insensitively, numbers convert."""

    @classmethod
    def parse_name(cls, name: str) -> Optional["NetEnum"]:
        folded = name.strip().casefold()
        for member in cls:
            if member.name.rstrip("_").casefold() == folded:
                return member
        return None

    @classmethod
    def parse(cls, value: Any) -> "NetEnum":
        if isinstance(value, cls):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        found = cls.parse_name(to_string(value))
        if found is None:
            raise ValueError(to_string(value))
        return found

    def __str__(self) -> str:
        return self.name.rstrip("_")


class NetFlags(enum.IntFlag):
    """A [Flags] .NET enum: ``'IgnoreCase, Multiline'`` or a number."""

    @classmethod
    def parse_name(cls, name: str) -> Optional["NetFlags"]:
        try:
            return cls.parse(name)
        except ValueError:
            return None

    @classmethod
    def parse(cls, value: Any) -> "NetFlags":
        if isinstance(value, cls):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        names = value if isinstance(value, (list, tuple)) else to_string(value).split(",")
        result = cls(0)
        for part in names:
            text = to_string(part).strip().casefold()
            for member in cls.__members__.values():
                if member.name.rstrip("_").casefold() == text:
                    result |= member
                    break
            else:
                raise ValueError(to_string(value))
        return result


def _enum_type(cls: type, full_name: str, accelerators: Sequence[str] = ()) -> NetType:
    def cast(value: Any) -> Any:
        try:
            return cls.parse(value)  # type: ignore[attr-defined]
        except (ValueError, KeyError):
            names = ", ".join(m.name.rstrip("_") for m in cls)  # type: ignore[attr-defined]
            raise ConversionError(
                'Cannot convert value "%s" to type "%s". Error: "Unable to match the identifier '
                'name %s to a valid enumerator name. Specify one of the following enumerator '
                'names and try again:\n%s"' % (to_string(value), full_name, to_string(value), names))
    return _register(NetType(full_name, base="System.Enum", accelerators=accelerators,
                             cast=cast, enum_cls=cls,
                             instance_of=lambda v: isinstance(v, cls)))


def enum_type(cls: type, full_name: str, accelerators: Sequence[str] = ()) -> NetType:
    """Register a NetEnum/NetFlags class as the .NET enum ``full_name``."""
    return _enum_type(cls, full_name, accelerators)


# ====================================================================== numbers

class Single(float):
    """``[float]``/``[single]``: a double that prints with 7 digits, as Single does."""

    PS_TYPE_NAMES = ("System.Single", "System.ValueType", "System.Object")
    SINGLE = True
    __slots__ = ()


def _parse_method(full_name: str, convert: Callable[[Any], Any]):
    def parse(args: List[Any]) -> Any:
        _arg_count("Parse", args, 1, 2)
        text = args[0]
        if text is None:
            raise NetError("System.ArgumentNullException",
                           "Value cannot be null.\r\nParameter name: s")
        try:
            return convert(to_string(text))
        except (ConversionError, ValueError, ArithmeticError, decimal.InvalidOperation):
            raise NetError("System.FormatException", "Input string was not in a correct format.")
    return _method(parse)


def _int_parse(full_name: str) -> Callable[[str], int]:
    def convert(text: str) -> int:
        t = text.strip()
        if not re.fullmatch(r"[-+]?\d+", t):
            raise ValueError(t)
        value = int(t)
        low, high = numbers.integer_range(full_name)
        if not low <= value <= high:
            raise NetError("System.OverflowException", numbers.range_message(full_name))
        return numbers.make(full_name, value)
    return convert


def _double_parse(text: str) -> float:
    t = text.strip().replace(",", "")
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", t):
        low = t.casefold()
        if low in ("nan",):
            return math.nan
        if low in ("infinity", "-infinity"):
            return -math.inf if low.startswith("-") else math.inf
        raise ValueError(t)
    value = float(t)
    if math.isinf(value):
        raise NetError("System.OverflowException",
                       "Value was either too large or too small for a Double.")
    return value


def _integer_cast(full: str) -> Callable[[Any], int]:
    def cast(value: Any) -> int:
        number = to_int(value, full)
        low, high = numbers.integer_range(full)
        if not low <= number <= high:
            raise ConversionError('Cannot convert value "%s" to type "%s". Error: "%s"'
                                  % (to_string(value), full, numbers.range_message(full)))
        return numbers.make(full, number)
    return cast


def _register_integers() -> None:
    accelerators = {"System.Int32": ("int", "int32"), "System.Int64": ("long", "int64"),
                    "System.Byte": ("byte",), "System.SByte": ("sbyte",), "System.Int16": ("int16",),
                    "System.UInt16": ("uint16",), "System.UInt32": ("uint32",),
                    "System.UInt64": ("uint64",)}
    for full, names in accelerators.items():
        low, high = numbers.integer_range(full)
        _register(NetType(full, base="System.ValueType", accelerators=names, cast=_integer_cast(full),
                          statics={
                              "MaxValue": numbers.make(full, high), "MinValue": numbers.make(full, low),
                              "Parse": _parse_method(full, _int_parse(full)),
                          }))


_register_integers()

_register(NetType("System.String", accelerators=("string",), cast=to_string, statics={
    "Empty": "",
}))


# ====================================================================== System.Char

def char_cast(value: Any) -> Char:
    """``[char]value``: a one-character string, a number in 0..0xFFFF (a double or a
    decimal rounded to an Int64 first, as PowerShell converts them), ``$null`` (the NUL
    char); not a boolean (.NET's InvalidCast)."""
    if isinstance(value, Char):
        return value
    if value is None:
        return Char("\0")
    if isinstance(value, str):
        if len(value) != 1:
            raise ConversionError('Cannot convert value "%s" to type "System.Char". Error: "String '
                                  'must be exactly one character long."' % value)
        return Char(value)
    if isinstance(value, bool):
        raise ConversionError('Cannot convert value "%s" to type "System.Char". Error: "Invalid '
                              "cast from 'Boolean' to 'Char'.\"" % to_string(value))
    if isinstance(value, (float, decimal.Decimal)):
        value = to_int(value, "System.Int64")   # PowerShell goes through Int64: [char]65.0 is A
    if isinstance(value, int) and not isinstance(value, enum.Enum):
        if not 0 <= value <= 0xFFFF:
            raise ConversionError('Cannot convert value "%s" to type "System.Char". Error: "%s"'
                                  % (to_string(value), CHAR_RANGE_MESSAGE))
        return Char(chr(value))
    if isinstance(value, (list, tuple)) and len(value) == 1:
        return char_cast(value[0])
    raise ConversionError('Cannot convert the "%s" value of type "%s" to type "System.Char".'
                          % (to_string(value), type_names(value)[0]))


def char_array_cast(value: Any) -> List[Char]:
    """``[char[]]value``: a string's chars, or each element cast."""
    if isinstance(value, str) and not isinstance(value, Char):
        return chars_of(value)
    items = list(value) if isinstance(value, (list, tuple)) else [value]
    return [char_cast(v) for v in items]


def _char_argument(parameter: str, value: Any) -> Char:
    try:
        return char_cast(value)
    except ConversionError as e:
        raise NetArgumentError(parameter, value, "System.Char", e.message)


def _char_at(name: str, args: List[Any]) -> Char:
    """The char a ``(char c)`` / ``(string s, int index)`` overload works on."""
    _arg_count(name, args, 1, 2)
    if len(args) == 1:
        return _char_argument("c", args[0])
    text = to_string(args[0])
    if args[0] is None:
        raise NetError("System.ArgumentNullException", "Value cannot be null.\r\nParameter name: s")
    index = to_int(args[1])
    if not 0 <= index < len(text):
        raise NetError("System.ArgumentOutOfRangeException",
                       "Index was out of range. Must be non-negative and less than the size of the "
                       "collection.\r\nParameter name: index")
    return Char(text[index])


def _char_predicate(name: str) -> Tuple[str, Callable[[List[Any]], Any]]:
    test = char_predicate(name)
    return _method(lambda args: bool(test(_char_at(name, args))))


def _char_case(name: str, upper: bool) -> Tuple[str, Callable[[List[Any]], Any]]:
    def change(args: List[Any]) -> Char:
        _arg_count(name, args, 1, 2)           # (char c) or (char c, CultureInfo culture)
        c = _char_argument("c", args[0])
        changed = c.upper() if upper else c.lower()
        return Char(changed) if len(changed) == 1 else c
    return _method(change)


def _char_parse(args: List[Any]) -> Char:
    _arg_count("Parse", args, 1)
    if args[0] is None:
        raise NetError("System.ArgumentNullException", "Value cannot be null.\r\nParameter name: s")
    text = to_string(args[0])
    if len(text) != 1:
        raise NetError("System.FormatException", "String must be exactly one character long.")
    return Char(text)


def _char_numeric_value(args: List[Any]) -> float:
    import unicodedata
    return float(unicodedata.numeric(_char_at("GetNumericValue", args), -1.0))


def _from_utf32(args: List[Any]) -> str:
    _arg_count("ConvertFromUtf32", args, 1)
    point = to_int(args[0])
    if not 0 <= point <= 0x10FFFF or 0xD800 <= point <= 0xDFFF:
        raise NetError("System.ArgumentOutOfRangeException",
                       "A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and should "
                       "not include surrogate codepoint values (0x00d800 ~ 0x00dfff).\r\n"
                       "Parameter name: utf32")
    return chr(point)


def _to_utf32(args: List[Any]) -> int:
    return ord(_char_at("ConvertToUtf32", args))


_CHAR_PREDICATES = ("IsDigit", "IsNumber", "IsLetter", "IsLetterOrDigit", "IsUpper", "IsLower",
                    "IsWhiteSpace", "IsPunctuation", "IsSymbol", "IsControl", "IsSeparator",
                    "IsSurrogate", "IsHighSurrogate", "IsLowSurrogate")

_register(NetType("System.Char", base="System.ValueType", accelerators=("char",), cast=char_cast,
                  statics=dict(
                      [(p, _char_predicate(p)) for p in _CHAR_PREDICATES] + [
                          ("MaxValue", Char("\uffff")), ("MinValue", Char("\0")),
                          ("ToUpper", _char_case("ToUpper", True)),
                          ("ToUpperInvariant", _char_case("ToUpperInvariant", True)),
                          ("ToLower", _char_case("ToLower", False)),
                          ("ToLowerInvariant", _char_case("ToLowerInvariant", False)),
                          ("ToString", _method(lambda a: str(_char_at("ToString", a[:1])))),
                          ("Parse", _method(_char_parse)),
                          ("GetNumericValue", _method(_char_numeric_value)),
                          ("ConvertFromUtf32", _method(_from_utf32)),
                          ("ConvertToUtf32", _method(_to_utf32)),
                      ])))
_register(NetType("System.Char[]", base="System.Array", accelerators=("char[]",),
                  cast=char_array_cast))


# ====================================================================== exceptions

#: .NET's own message for an exception made without one.
_DEFAULT_MESSAGES = {
    "System.ApplicationException": "Error in the application.",
    "System.ArgumentException": "Value does not fall within the expected range.",
    "System.ArgumentNullException": "Value cannot be null.",
    "System.ArgumentOutOfRangeException": "Specified argument was out of the range of valid values.",
    "System.InvalidOperationException": "Operation is not valid due to the current state of the object.",
    "System.NotImplementedException": "The method or operation is not implemented.",
    "System.NotSupportedException": "Specified method is not supported.",
    "System.IO.IOException": "I/O error occurred.",
    "System.IO.FileNotFoundException": "Unable to find the specified file.",
    "System.UnauthorizedAccessException": "Attempted to perform an unauthorized operation.",
    "System.TimeoutException": "The operation has timed out.",
    "System.FormatException": "One of the identified items was in an invalid format.",
    "System.DivideByZeroException": "Attempted to divide by zero.",
    "System.NullReferenceException": "Object reference not set to an instance of an object.",
    "System.OverflowException": "Arithmetic operation resulted in an overflow.",
}
_PARAM_FIRST = ("System.ArgumentNullException", "System.ArgumentOutOfRangeException")


def new_exception(full_name: str, args: List[Any]) -> Any:
    """``New-Object T args`` / ``[T]::new(args)`` / ``[T]'message'`` for an exception
    type: (), (message), (message, inner exception); the argument exceptions take a
    parameter name ((message, paramName), or (paramName[, message]) for the null and
    out-of-range ones) and FileNotFoundException a file name."""
    from .errors import PSException
    _arg_count(".ctor", args, 0, 1, 2)
    texts = [None if a is None else to_string(a) for a in args]
    message = texts[0] if args else None
    extra: Dict[str, Any] = {}
    inner = None
    if exception_types.is_subclass(full_name, "System.ArgumentException") and \
            full_name != "System.ArgumentException" or (full_name == "System.ArgumentException"
                                                         and len(args) == 2):
        if full_name in _PARAM_FIRST:
            param, message = (texts + [None])[:2]
        else:
            message, param = (texts + [None])[:2]
        if param:
            extra["ParamName"] = param
    elif len(args) == 2 and isinstance(args[1], PSException):
        inner = args[1]
    elif len(args) == 2 and full_name == "System.IO.FileNotFoundException":
        extra["FileName"] = texts[1]
    elif len(args) == 2:
        raise NetCountError(".ctor", 2)
    if message is None:
        message = _DEFAULT_MESSAGES.get(full_name, "Exception of type '%s' was thrown." % full_name)
    if extra.get("ParamName"):
        message += "\r\nParameter name: " + extra["ParamName"]
    exception = PSException(full_name, message, None, inner)
    for key, value in extra.items():
        exception.extra_properties[key] = value
    return exception


def _exception_type(full_name: str) -> NetType:
    def cast(value: Any) -> Any:
        if type_names(value)[0] == full_name or (
                getattr(value, "type_name", None) and exception_types.is_subclass(value.type_name,
                                                                                   full_name)):
            return value
        if isinstance(value, str):
            return new_exception(full_name, [value])
        raise ConversionError('Cannot convert the "%s" value of type "%s" to type "%s".'
                              % (to_string(value), type_names(value)[0], full_name))
    return NetType(full_name, base=exception_types.BASES.get(full_name, "System.Object"),
                   construct=lambda args: new_exception(full_name, args), cast=cast)


_register(NetType("System.Boolean", base="System.ValueType", accelerators=("bool", "boolean"),
                  cast=to_bool, statics={"TrueString": "True", "FalseString": "False"}))
_register(NetType("System.Double", base="System.ValueType", accelerators=("double",),
                  cast=lambda v: float(to_number(v)), statics={
    "MaxValue": 1.7976931348623157e308, "MinValue": -1.7976931348623157e308,
    "Epsilon": 5e-324, "NaN": math.nan, "PositiveInfinity": math.inf,
    "NegativeInfinity": -math.inf,
    "Parse": _parse_method("System.Double", _double_parse),
    "IsNaN": _method(lambda a: isinstance(to_number(a[0]), float) and math.isnan(to_number(a[0]))),
    "IsInfinity": _method(lambda a: isinstance(to_number(a[0]), float) and math.isinf(to_number(a[0]))),
    "IsPositiveInfinity": _method(lambda a: to_number(a[0]) == math.inf),
    "IsNegativeInfinity": _method(lambda a: to_number(a[0]) == -math.inf),
}))

_register(NetType("System.Single", base="System.ValueType", accelerators=("single", "float"), statics={
    "MaxValue": Single(3.4028234663852886e38), "MinValue": Single(-3.4028234663852886e38),
    "Epsilon": Single(1.401298464324817e-45), "NaN": Single(math.nan),
    "PositiveInfinity": Single(math.inf), "NegativeInfinity": Single(-math.inf),
}, cast=lambda v: Single(float(to_number(v)))))

_DECIMAL_MAX = decimal.Decimal("79228162514264337593543950335")
_DECIMAL_MIN = decimal.Decimal("-79228162514264337593543950335")  # not -MAX: that rounds to 28 digits


def _decimal_parse(text: str) -> decimal.Decimal:
    t = text.strip().replace(",", "")
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", t):
        raise ValueError(t)
    value = decimal.Decimal(t)
    if abs(value) > _DECIMAL_MAX:
        raise NetError("System.OverflowException",
                       "Value was either too large or too small for a Decimal.")
    return value


def _decimal_cast(value: Any) -> decimal.Decimal:
    number = to_number(value)
    if isinstance(number, float) and (math.isnan(number) or math.isinf(number) or
                                      abs(number) > float(_DECIMAL_MAX)):
        raise ConversionError('Cannot convert value "%s" to type "System.Decimal". Error: "Value was '
                              'either too large or too small for a Decimal."' % to_string(value))
    return number if isinstance(number, decimal.Decimal) else decimal.Decimal(str(number))


_register(NetType("System.Decimal", base="System.ValueType", accelerators=("decimal",),
                  cast=_decimal_cast, statics={
    "MaxValue": _DECIMAL_MAX, "MinValue": _DECIMAL_MIN, "Zero": decimal.Decimal(0),
    "One": decimal.Decimal(1), "MinusOne": decimal.Decimal(-1),
    "Parse": _parse_method("System.Decimal", _decimal_parse),
}))


_register(NetType("System.DateTime", base="System.ValueType", accelerators=("datetime",),
                  cast=to_datetime))


# ====================================================================== collections

def _items_of(value: Any) -> List[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _index(value: Any, name: str = "index") -> int:
    try:
        return to_int(value)
    except ConversionError:
        raise NetError("System.ArgumentException", "Value does not fall within the expected range.")


def _out_of_range(param: str = "index") -> NetError:
    return NetError("System.ArgumentOutOfRangeException",
                    "Index was out of range. Must be non-negative and less than the size of the "
                    "collection.\r\nParameter name: %s" % param)


class _NetList(list):
    """What ArrayList and List[T] share."""

    PS_PROPERTIES = ("Capacity", "Count", "IsFixedSize", "IsReadOnly", "IsSynchronized",
                     "SyncRoot")
    __slots__ = ()

    def _item(self, value: Any) -> Any:
        return value

    @property
    def Count(self) -> int:
        return len(self)

    @property
    def Capacity(self) -> int:
        return max(4, len(self)) if self else 0

    IsFixedSize = False
    IsReadOnly = False
    IsSynchronized = False

    @property
    def SyncRoot(self) -> Any:
        return self

    def ps_method_AddRange(self, values: Any = None) -> None:
        if values is None:
            raise NetError("System.ArgumentNullException",
                           "Value cannot be null.\r\nParameter name: c")
        self.extend(self._item(v) for v in _items_of(values))

    def ps_method_Clear(self) -> None:
        self.clear()

    def ps_method_Contains(self, value: Any = None) -> bool:
        return any(net_equals(v, value) for v in self)

    def ps_method_IndexOf(self, value: Any = None, *rest: Any) -> int:
        for i, v in enumerate(self):
            if net_equals(v, value):
                return i
        return -1

    def ps_method_Insert(self, index: Any, value: Any) -> None:
        i = _index(index)
        if not 0 <= i <= len(self):
            raise _out_of_range()
        self.insert(i, self._item(value))

    def ps_method_RemoveAt(self, index: Any = None) -> None:
        i = _index(index)
        if not 0 <= i < len(self):
            raise _out_of_range()
        del self[i]

    def ps_method_RemoveRange(self, index: Any, count: Any) -> None:
        i, n = _index(index), _index(count, "count")
        if i < 0 or n < 0 or i + n > len(self):
            raise NetError("System.ArgumentException",
                           "Offset and length were out of bounds for the array or count is greater "
                           "than the number of elements from index to the end of the source "
                           "collection.")
        del self[i:i + n]

    def ps_method_Reverse(self) -> None:
        self.reverse()

    def ps_method_Sort(self) -> None:
        self.sort(key=functools.cmp_to_key(lambda a, b: compare_values(a, b)))

    def ps_method_ToArray(self) -> List[Any]:
        return list(self)

    def ps_method_GetRange(self, index: Any, count: Any) -> Any:
        i, n = _index(index), _index(count, "count")
        if i < 0 or n < 0 or i + n > len(self):
            raise NetError("System.ArgumentException",
                           "Offset and length were out of bounds for the array or count is greater "
                           "than the number of elements from index to the end of the source "
                           "collection.")
        return type(self)._like(self, self[i:i + n])

    @classmethod
    def _like(cls, template: Any, items: Iterable[Any]) -> Any:
        return cls(items)

    def ps_method_Clone(self) -> Any:
        return type(self)._like(self, self)


def net_equals(a: Any, b: Any) -> bool:
    """Object.Equals: same type and value (strings compare ordinally)."""
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    if isinstance(a, (int, float, decimal.Decimal)) and isinstance(b, (int, float, decimal.Decimal)) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        return a == b
    return type(a) is type(b) and a == b


class ArrayList(_NetList):
    """System.Collections.ArrayList: ``Add`` returns the new item's index."""

    PS_TYPE_NAMES = ("System.Collections.ArrayList", "System.Object")
    __slots__ = ()

    def ps_method_Add(self, value: Any = None) -> int:
        self.append(value)
        return len(self) - 1

    def ps_method_Remove(self, value: Any = None) -> None:
        for i, v in enumerate(self):
            if net_equals(v, value):
                del self[i]
                return


class GenericList(_NetList):
    """System.Collections.Generic.List[T]: ``Add`` returns nothing; items convert to T."""

    __slots__ = ("item_type", "PS_TYPE_NAMES")

    def __init__(self, items: Iterable[Any] = (), item_type: Optional[NetType] = None):
        super().__init__()
        self.item_type = item_type or NetType("System.Object")
        full, _, _ = _generic_names("System.Collections.Generic.List", [self.item_type])
        self.PS_TYPE_NAMES = (full, "System.Object")
        self.extend(self._item(v) for v in items)

    @classmethod
    def _like(cls, template: Any, items: Iterable[Any]) -> Any:
        return cls(items, template.item_type)

    def _item(self, value: Any) -> Any:
        return _convert_item(value, self.item_type)

    def ps_method_Add(self, value: Any = None) -> None:
        self.append(self._item(value))

    def ps_method_Remove(self, value: Any = None) -> bool:
        for i, v in enumerate(self):
            if net_equals(v, value):
                del self[i]
                return True
        return False


class HashSet(list):
    """System.Collections.Generic.HashSet[T]: unique items; ``Add`` says whether it added."""

    PS_PROPERTIES = ("Count", "Comparer")
    __slots__ = ("item_type", "PS_TYPE_NAMES")

    def __init__(self, items: Iterable[Any] = (), item_type: Optional[NetType] = None):
        super().__init__()
        self.item_type = item_type or NetType("System.Object")
        full, _, _ = _generic_names("System.Collections.Generic.HashSet", [self.item_type])
        self.PS_TYPE_NAMES = (full, "System.Object")
        for v in items:
            self.ps_method_Add(v)

    @property
    def Count(self) -> int:
        return len(self)

    Comparer = None

    def ps_method_Add(self, value: Any = None) -> bool:
        value = _convert_item(value, self.item_type)
        if any(net_equals(v, value) for v in self):
            return False
        self.append(value)
        return True

    def ps_method_Contains(self, value: Any = None) -> bool:
        value = _convert_item(value, self.item_type)
        return any(net_equals(v, value) for v in self)

    def ps_method_Remove(self, value: Any = None) -> bool:
        value = _convert_item(value, self.item_type)
        for i, v in enumerate(self):
            if net_equals(v, value):
                del self[i]
                return True
        return False

    def ps_method_Clear(self) -> None:
        self.clear()

    def ps_method_ToArray(self) -> List[Any]:
        return list(self)


class GenericDictionary(PSHashtable):
    """System.Collections.Generic.Dictionary[K,V]: keys compare exactly (ordinal for
    strings); keys and values convert to K and V."""

    __slots__ = ("key_type", "value_type", "type_name")

    def __init__(self, key_type: Optional[NetType] = None, value_type: Optional[NetType] = None):
        self.key_type = key_type or NetType("System.Object")
        self.value_type = value_type or NetType("System.Object")
        self.type_name = _generic_names("System.Collections.Generic.Dictionary",
                                        [self.key_type, self.value_type])[0]
        super().__init__()

    @property
    def PS_TYPE_NAMES(self) -> Tuple[str, ...]:
        return (self.type_name, "System.Object")

    @staticmethod
    def _fold(key: Any) -> Any:
        return ("o", key)

    def _key(self, key: Any) -> Any:
        try:
            return _convert_item(key, self.key_type, "key")
        except NetArgumentError:
            return key

    def __setitem__(self, key: Any, value: Any) -> None:
        key = _convert_item(key, self.key_type, "key")
        super().__setitem__(key, _convert_item(value, self.value_type, "value"))

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(self._key(key))

    def __contains__(self, key: object) -> bool:
        return super().__contains__(self._key(key))

    def get(self, key: Any, default: Any = None) -> Any:
        return super().get(self._key(key), default)

    def __delitem__(self, key: Any) -> None:
        super().__delitem__(self._key(key))

    def ps_method_Add(self, key: Any = None, value: Any = None) -> None:
        if key is None:
            raise NetError("System.ArgumentNullException", "Value cannot be null.\r\nParameter name: key")
        if _convert_item(key, self.key_type, "key") in self:
            raise NetError("System.ArgumentException",
                           "An item with the same key has already been added.")
        self[key] = value

    def ps_method_ContainsKey(self, key: Any = None) -> bool:
        return key in self

    def ps_method_ContainsValue(self, value: Any = None) -> bool:
        return any(net_equals(v, value) for v in self.values())

    def ps_method_Remove(self, key: Any = None) -> bool:
        if key in self:
            del self[key]
            return True
        return False

    def ps_method_Clear(self) -> None:
        self.clear()


def _convert_item(value: Any, item_type: NetType, parameter: str = "item") -> Any:
    """A value as a generic collection's item type converts it (a method argument).
    Types without a cast rule here take the value as it is."""
    if value is None or item_type.cast is None:
        return value
    try:
        return item_type.cast(value)
    except ConversionError as e:
        raise NetArgumentError(parameter, value, item_type.full_name, e.message)
    except (ValueError, ArithmeticError, decimal.InvalidOperation) as e:
        raise NetArgumentError(parameter, value, item_type.full_name,
                               'Cannot convert value "%s" to type "%s". Error: "%s"'
                               % (to_string(value), item_type.full_name, e))


def _list_ctor(cls: type, item: Optional[NetType] = None) -> Callable[[List[Any]], Any]:
    def construct(args: List[Any]) -> Any:
        if len(args) > 1:
            raise NetCountError("new", len(args))
        source: List[Any] = []
        if args:
            first = args[0]
            if isinstance(first, (list, tuple)):
                source = list(first)
            elif isinstance(first, int) and not isinstance(first, bool):
                if first < 0:
                    raise NetError("System.ArgumentOutOfRangeException",
                                   "Non-negative number required.\r\nParameter name: capacity")
                source = []
            elif first is not None:
                source = [first]
        return cls(source) if item is None else cls(source, item)
    return construct


_register(NetType("System.Collections.ArrayList", accelerators=("Collections.ArrayList",),
                  construct=_list_ctor(ArrayList),
                  instance_of=lambda v: isinstance(v, ArrayList)))


@_generic("System.Collections.Generic.List", 1)
def _list_type(args: List[NetType]) -> NetType:
    full, name, display = _generic_names("System.Collections.Generic.List", args)
    return NetType(full, name=name, display=display, construct=_list_ctor(GenericList, args[0]),
                   instance_of=lambda v: isinstance(v, GenericList) and
                   v.item_type.full_name == args[0].full_name)


@_generic("System.Collections.Generic.HashSet", 1)
def _hashset_type(args: List[NetType]) -> NetType:
    full, name, display = _generic_names("System.Collections.Generic.HashSet", args)
    return NetType(full, name=name, display=display, construct=_list_ctor(HashSet, args[0]),
                   instance_of=lambda v: isinstance(v, HashSet))


@_generic("System.Collections.Generic.Dictionary", 2)
def _dictionary_type(args: List[NetType]) -> NetType:
    full, name, display = _generic_names("System.Collections.Generic.Dictionary", args)

    def construct(a: List[Any]) -> Any:
        if len(a) > 1:
            raise NetCountError("new", len(a))
        d = GenericDictionary(args[0], args[1])
        if a and isinstance(a[0], PSHashtable):
            for k, v in a[0].items():
                d[k] = v
        return d
    return NetType(full, name=name, display=display, construct=construct,
                   instance_of=lambda v: isinstance(v, GenericDictionary))


# ====================================================================== regex

def net_regex(pattern: str, options: int = 0) -> "re.Pattern[str]":
    """A .NET pattern compiled with RegexOptions; NetError (ArgumentException) when the
    pattern cannot be read, as ``new Regex()`` throws."""
    try:
        return _net_regex(pattern, options)
    except RegexPatternError as e:
        raise NetError("System.ArgumentException", str(e))


class RegexGroup:
    """System.Text.RegularExpressions.Group."""

    PS_TYPE_NAMES = ("System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.Capture",
                     "System.Object")
    PS_PROPERTIES = ("Success", "Name", "Captures", "Index", "Length", "Value")

    def __init__(self, match: "re.Match[str]", key: Any, name: str):
        self._match = match
        self.Name = name
        value = match.group(key)
        self.Success = value is not None
        self.Value = value or ""
        self.Index = match.start(key) if self.Success else 0
        self.Length = len(self.Value)

    @property
    def Captures(self) -> List["RegexGroup"]:
        return [self] if self.Success else []

    def __str__(self) -> str:
        return self.Value


class GroupCollection(list):
    """Match.Groups: by number (``$m.Groups[1]``) or by name (``$m.Groups['year']``)."""

    PS_TYPE_NAMES = ("System.Text.RegularExpressions.GroupCollection", "System.Object")
    PS_PROPERTIES = ("Count", "IsReadOnly", "IsSynchronized", "SyncRoot")
    __slots__ = ()

    @property
    def Count(self) -> int:
        return len(self)

    IsReadOnly = True
    IsSynchronized = False

    @property
    def SyncRoot(self) -> Any:
        return self

    def ps_index(self, key: Any) -> Any:
        if isinstance(key, str) and not key.strip().lstrip("-").isdigit():
            for g in self:
                if g.Name == key:
                    return g
            return _failed_group()
        i = to_int(key)
        return self[i] if 0 <= i < len(self) else _failed_group()


def _failed_group() -> Any:
    empty = re.match("(x)?", "")
    assert empty is not None
    return RegexGroup(empty, 1, "")


class RegexMatch(RegexGroup):
    """System.Text.RegularExpressions.Match."""

    PS_TYPE_NAMES = ("System.Text.RegularExpressions.Match", "System.Text.RegularExpressions.Group",
                     "System.Text.RegularExpressions.Capture", "System.Object")
    PS_PROPERTIES = ("Groups", "Success", "Name", "Captures", "Index", "Length", "Value")

    def __init__(self, regex: "Regex", match: Optional["re.Match[str]"], text: str):
        self._regex = regex
        self._text = text
        if match is None:
            match = re.match("(x)?", "")
            assert match is not None
            self.Success = False
            self.Value = ""
            self.Index = 0
            self.Length = 0
            self.Name = "0"
            self._match = match
            self._groups: List[RegexGroup] = [RegexGroup(match, 1, "0")]
            return
        super().__init__(match, 0, "0")
        self._groups = [RegexGroup(match, group_index(match, name), name)
                        for name, _ in dotnet_groups(match)]

    @property
    def Groups(self) -> GroupCollection:
        return GroupCollection(self._groups)

    def ps_method_NextMatch(self) -> "RegexMatch":
        if not self.Success:
            return self
        start = self.Index + max(self.Length, 1)
        return self._regex._match_at(self._text, start)

    def ps_method_Result(self, replacement: Any = "") -> str:
        return dotnet_replacement(to_string(replacement))(self._match)


class MatchCollection(list):
    PS_TYPE_NAMES = ("System.Text.RegularExpressions.MatchCollection", "System.Object")
    PS_PROPERTIES = ("Count", "IsReadOnly", "IsSynchronized", "SyncRoot")
    __slots__ = ()

    @property
    def Count(self) -> int:
        return len(self)

    IsReadOnly = True
    IsSynchronized = False

    @property
    def SyncRoot(self) -> Any:
        return self


class Regex:
    """System.Text.RegularExpressions.Regex: ``[regex]'a(b)'`` and ``[regex]::Match()``."""

    PS_TYPE_NAMES = ("System.Text.RegularExpressions.Regex", "System.Object")
    PS_PROPERTIES = ("Options", "MatchTimeout", "RightToLeft")

    def __init__(self, pattern: str, options: Any = 0):
        self.pattern = pattern
        RegexOptions = enum_class("System.Text.RegularExpressions.RegexOptions")
        self.Options = RegexOptions.parse(options) if options else RegexOptions(0)
        self.compiled = net_regex(pattern, int(self.Options))
        self.MatchTimeout = "-00:00:00.0010000"
        self.RightToLeft = bool(self.Options & RegexOptions.RightToLeft)

    def __str__(self) -> str:
        return self.pattern

    def _match_at(self, text: str, start: int = 0) -> RegexMatch:
        if start > len(text):
            return RegexMatch(self, None, text)
        return RegexMatch(self, self.compiled.search(text, start), text)

    def ps_method_Match(self, text: Any = None, start: Any = 0, *rest: Any) -> RegexMatch:
        return self._match_at(_input(text), to_int(start))

    def ps_method_Matches(self, text: Any = None, start: Any = 0) -> MatchCollection:
        s = _input(text)
        return MatchCollection(RegexMatch(self, m, s) for m in self.compiled.finditer(s, to_int(start)))

    def ps_method_IsMatch(self, text: Any = None, start: Any = 0) -> bool:
        return self.compiled.search(_input(text), to_int(start)) is not None

    def ps_method_Replace(self, text: Any = None, replacement: Any = "", count: Any = -1,
                          *rest: Any) -> str:
        n = to_int(count)
        return self.compiled.sub(dotnet_replacement(to_string(replacement)), _input(text),
                                 count=0 if n < 0 else n) if n != 0 else _input(text)

    def ps_method_Split(self, text: Any = None, count: Any = 0, *rest: Any) -> List[str]:
        n = to_int(count)
        parts = self.compiled.split(_input(text), maxsplit=max(n - 1, 0) if n > 0 else 0)
        return ["" if p is None else p for p in parts] if n != 1 else [_input(text)]

    def ps_method_GetGroupNames(self) -> List[str]:
        names = {v: k for k, v in self.compiled.groupindex.items()}
        unnamed = sum(1 for i in range(1, self.compiled.groups + 1) if i not in names)
        return [str(i) for i in range(unnamed + 1)] + [names[i] for i in sorted(names)]

    def ps_method_GetGroupNumbers(self) -> List[int]:
        return list(range(self.compiled.groups + 1))


def _input(text: Any) -> str:
    if text is None:
        raise NetError("System.ArgumentNullException", "Value cannot be null.\r\nParameter name: input")
    return to_string(text)


def _regex_static(method: str) -> Tuple[str, Callable[[List[Any]], Any]]:
    def call(args: List[Any]) -> Any:
        counts = {"Match": (2, 3), "Matches": (2, 3), "IsMatch": (2, 3), "Split": (2, 3),
                  "Replace": (3, 4)}[method]
        _arg_count(method, args, *counts)
        keep = counts[0] - 1
        text, pattern = args[0], args[1]
        options = args[keep + 1] if len(args) > keep + 1 else 0
        rx = Regex(to_string(pattern), options)
        return getattr(rx, "ps_method_" + method)(text, *args[2:keep + 1])
    return _method(call)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(1), m.group(1)),
                  text)


def _escape(text: str) -> str:
    """Regex.Escape: the metacharacters, and white space as escapes, as .NET writes them."""
    out = []
    for ch in text:
        if ch in "\\*+?|{[()^$.# ":
            out.append("\\" + ch)
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\f":
            out.append("\\f")
        else:
            out.append(ch)
    return "".join(out)


def _regex_construct(args: List[Any]) -> Regex:
    if not args or len(args) > 3:
        raise NetCountError("new", len(args))
    if args[0] is None:
        raise NetError("System.ArgumentNullException", "Value cannot be null.\r\nParameter name: pattern")
    return Regex(to_string(args[0]), args[1] if len(args) > 1 else 0)


def _regex_cast(value: Any) -> Regex:
    if isinstance(value, Regex):
        return value
    try:
        return Regex(to_string(value))
    except NetError as e:
        raise ConversionError('Cannot convert value "%s" to type "System.Text.RegularExpressions.Regex". '
                              'Error: "%s"' % (to_string(value), e.message))


_register(NetType("System.Text.RegularExpressions.Regex", accelerators=("regex",),
                  construct=_regex_construct, cast=_regex_cast,
                  instance_of=lambda v: isinstance(v, Regex), statics={
                      "Match": _regex_static("Match"), "Matches": _regex_static("Matches"),
                      "IsMatch": _regex_static("IsMatch"), "Replace": _regex_static("Replace"),
                      "Split": _regex_static("Split"),
                      "Escape": _method(lambda a: (_arg_count("Escape", a, 1), _escape(_input(a[0])))[1]),
                      "Unescape": _method(lambda a: (_arg_count("Unescape", a, 1),
                                                     _unescape(_input(a[0])))[1]),
                  }))
_register(NetType("System.Text.RegularExpressions.Match", base="System.Text.RegularExpressions.Group",
                  instance_of=lambda v: isinstance(v, RegexMatch)))


# ====================================================================== Version

class Version:
    """System.Version: ``[version]'1.2.3'``, comparable, -1 for parts not given."""

    PS_TYPE_NAMES = ("System.Version", "System.Object")
    PS_PROPERTIES = ("Major", "Minor", "Build", "Revision", "MajorRevision", "MinorRevision")

    def __init__(self, major: int, minor: int, build: int = -1, revision: int = -1):
        for part, name in ((major, "major"), (minor, "minor"), (build, "build"), (revision, "revision")):
            if part < -1 or (part == -1 and name in ("major", "minor")):
                raise NetError("System.ArgumentOutOfRangeException",
                               "Version's parameters must be greater than or equal to zero."
                               "\r\nParameter name: %s" % name)
        self.Major, self.Minor, self.Build, self.Revision = major, minor, build, revision

    @property
    def MajorRevision(self) -> int:
        return (self.Revision >> 16) if self.Revision >= 0 else -1

    @property
    def MinorRevision(self) -> int:
        return (self.Revision & 0xFFFF) if self.Revision >= 0 else -1

    def _key(self) -> Tuple[int, int, int, int]:
        return (self.Major, self.Minor, self.Build, self.Revision)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Version) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __lt__(self, other: "Version") -> bool:
        return self._key() < other._key()

    def __gt__(self, other: "Version") -> bool:
        return self._key() > other._key()

    def __le__(self, other: "Version") -> bool:
        return self._key() <= other._key()

    def __ge__(self, other: "Version") -> bool:
        return self._key() >= other._key()

    def __str__(self) -> str:
        parts = [self.Major, self.Minor] + [p for p in (self.Build, self.Revision) if p >= 0]
        if self.Build < 0:
            parts = parts[:2]
        return ".".join(str(p) for p in parts)

    def ps_method_ToString(self, count: Any = None) -> str:
        if count is None:
            return str(self)
        n = to_int(count)
        parts = [self.Major, self.Minor, self.Build, self.Revision]
        available = 2 + (self.Build >= 0) + (self.Revision >= 0)
        if not 0 <= n <= available:
            raise NetError("System.ArgumentException",
                           "Argument must be between 0 and %d.\r\nParameter name: fieldCount" % available)
        return ".".join(str(p) for p in parts[:n])

    def ps_method_CompareTo(self, other: Any = None) -> int:
        if other is None:
            return 1
        o = _version_cast(other)
        return (self._key() > o._key()) - (self._key() < o._key())

    def ps_method_Equals(self, other: Any = None) -> bool:
        return isinstance(other, Version) and self == other

    @staticmethod
    def parse(text: str) -> "Version":
        parts = text.strip().split(".")
        if not 2 <= len(parts) <= 4 or not all(re.fullmatch(r"\s*\+?\d+\s*", p) for p in parts):
            if len(parts) < 2 or len(parts) > 4:
                raise NetError("System.ArgumentException",
                               "Version string portion was too short or too long.")
            raise NetError("System.FormatException", "Input string was not in a correct format.")
        numbers_ = [int(p) for p in parts]
        if any(n > 2**31 - 1 for n in numbers_):
            raise NetError("System.OverflowException",
                           "Value was either too large or too small for an Int32.")
        return Version(*numbers_)


def _version_construct(args: List[Any]) -> "Version":
    if not args:
        return Version(0, 0)
    if len(args) == 1:
        return Version.parse(to_string(args[0]))
    if len(args) > 4:
        raise NetCountError("new", len(args))
    return Version(*[to_int(a) for a in args])


def _version_cast(value: Any) -> Version:
    if isinstance(value, Version):
        return value
    try:
        return Version.parse(to_string(value))
    except NetError as e:
        raise ConversionError('Cannot convert value "%s" to type "System.Version". Error: "%s"'
                              % (to_string(value), e.message))


Version.ps_coerce = staticmethod(lambda v: _version_cast(v))  # type: ignore[attr-defined]

_register(NetType("System.Version", accelerators=("version",), construct=_version_construct,
                  cast=_version_cast, instance_of=lambda v: isinstance(v, Version), statics={
                      "Parse": _method(lambda a: (_arg_count("Parse", a, 1),
                                                  Version.parse(_input(a[0])))[1]),
                  }))


# ====================================================================== Guid

#: .NET's texts for a bad Guid format string and a string that is no Guid (.NET Framework 4).
GUID_FORMAT_ERROR = 'Format String can be only "D", "d", "N", "n", "P", "p", "B", "b", "X" or "x".'
GUID_PARSE_ERROR = ("Guid should contain 32 digits with 4 dashes "
                    "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).")
_GUID_FORMS = (
    LazyPattern(r"[0-9a-fA-F]{32}"),                                             # N
    LazyPattern(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),  # D
    LazyPattern(r"\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}"),  # B
    LazyPattern(r"\([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\)"),  # P
)
_GUID_X = LazyPattern(r"\{\s*0[xX]([0-9a-fA-F]{1,8})\s*,\s*0[xX]([0-9a-fA-F]{1,4})\s*,\s*"
                      r"0[xX]([0-9a-fA-F]{1,4})\s*,\s*\{((?:\s*0[xX][0-9a-fA-F]{1,2}\s*,){7}"
                      r"\s*0[xX][0-9a-fA-F]{1,2}\s*)\}\s*\}")


class Guid:
    """System.Guid: ``[guid]::NewGuid()``, ``[guid]'...'``, ``.ToString('N'|'D'|'B'|'P'|'X')``.
    PowerShell shows it through its ``Guid`` script property (a one-column table)."""

    PS_TYPE_NAMES = ("System.Guid", "System.ValueType", "System.Object")
    PS_PROPERTIES = ("Guid",)

    def __init__(self, value: int = 0):
        self.value = value & ((1 << 128) - 1)

    @staticmethod
    def new() -> "Guid":
        import uuid
        return Guid(uuid.uuid4().int)

    @property
    def Guid(self) -> str:
        return self.format("D")

    def format(self, fmt: Any = None) -> str:
        """The text of one of .NET's five formats (hex digits always lower case)."""
        text = "" if fmt is None else to_string(fmt)
        h = "%032x" % self.value
        d = "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])
        if text in ("", "D", "d"):
            return d
        if text in ("N", "n"):
            return h
        if text in ("B", "b"):
            return "{%s}" % d
        if text in ("P", "p"):
            return "(%s)" % d
        if text in ("X", "x"):
            tail = ",".join("0x%s" % h[i:i + 2] for i in range(16, 32, 2))
            return "{0x%s,0x%s,0x%s,{%s}}" % (h[:8], h[8:12], h[12:16], tail)
        raise NetError("System.FormatException", GUID_FORMAT_ERROR)

    def __str__(self) -> str:
        return self.format("D")

    def __repr__(self) -> str:
        return "Guid(%s)" % self

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Guid) and other.value == self.value

    def __hash__(self) -> int:
        return hash(self.value)

    def __lt__(self, other: "Guid") -> bool:
        return self.value < other.value

    def ps_method_ToString(self, fmt: Any = None, provider: Any = None) -> str:
        return self.format(fmt)

    def ps_method_Equals(self, other: Any = None) -> bool:
        return isinstance(other, Guid) and other.value == self.value

    def ps_method_CompareTo(self, other: Any = None) -> int:
        if other is None:
            return 1
        o = _guid_cast(other)
        return (self.value > o.value) - (self.value < o.value)

    def ps_method_ToByteArray(self) -> List[int]:
        # .NET's layout: the first three fields little-endian, the last 8 bytes as they are.
        raw = self.value.to_bytes(16, "big")
        return list(raw[3::-1] + raw[5:3:-1] + raw[7:5:-1] + raw[8:])

    def ps_method_GetHashCode(self) -> int:
        return hash(self.value) & 0x7FFFFFFF

    @staticmethod
    def parse(text: str) -> "Guid":
        """Any of the five formats, with surrounding blanks; NetError (FormatException) else."""
        s = text.strip()
        for form in _GUID_FORMS:
            if form.fullmatch(s):
                return Guid(int(re.sub(r"[^0-9a-fA-F]", "", s), 16))
        m = _GUID_X.fullmatch(s)
        if m:
            tail = [int(b, 16) for b in re.findall(r"0[xX]([0-9a-fA-F]{1,2})", m.group(4))]
            value = (int(m.group(1), 16) << 96) | (int(m.group(2), 16) << 80) | (int(m.group(3), 16) << 64)
            for i, b in enumerate(tail):
                value |= b << (56 - 8 * i)
            return Guid(value)
        raise NetError("System.FormatException", GUID_PARSE_ERROR)


def _guid_cast(value: Any) -> Guid:
    if isinstance(value, Guid):
        return value
    if isinstance(value, (bytes, bytearray)) or (isinstance(value, list) and len(value) == 16):
        return _guid_from_bytes(value)
    try:
        return Guid.parse(to_string(value))
    except NetError as e:
        raise ConversionError('Cannot convert value "%s" to type "System.Guid". Error: "%s"'
                              % (to_string(value), e.message))


def _guid_from_bytes(value: Any) -> Guid:
    raw = bytes(to_int(b) & 0xFF for b in value)
    if len(raw) != 16:
        raise NetError("System.ArgumentException",
                       "Byte array for GUID must be exactly 16 bytes long.")
    ordered = raw[3::-1] + raw[5:3:-1] + raw[7:5:-1] + raw[8:]
    return Guid(int.from_bytes(ordered, "big"))


def _guid_construct(args: List[Any]) -> Guid:
    if not args:
        return Guid(0)
    if len(args) != 1:
        raise NetCountError("new", len(args))
    if isinstance(args[0], (bytes, bytearray, list)):
        return _guid_from_bytes(args[0])
    return Guid.parse(_input(args[0]))


Guid.ps_coerce = staticmethod(lambda v: _guid_cast(v))  # type: ignore[attr-defined]

_register(NetType("System.Guid", base="System.ValueType", accelerators=("guid",),
                  construct=_guid_construct, cast=_guid_cast,
                  instance_of=lambda v: isinstance(v, Guid), statics={
                      "NewGuid": _method(lambda a: (_arg_count("NewGuid", a, 0), Guid.new())[1]),
                      "Empty": lambda: Guid(0),
                      "Parse": _method(lambda a: (_arg_count("Parse", a, 1),
                                                  Guid.parse(_input(a[0])))[1]),
                  }))


# ====================================================================== culture

class _CultureData:
    def __init__(self, type_name: str, **values: Any):
        self.PS_TYPE_NAMES = (type_name, "System.Object")
        self.PS_PROPERTIES = tuple(values)
        for k, v in values.items():
            setattr(self, k, v)


class TextInfo(_CultureData):
    def __init__(self) -> None:
        super().__init__("System.Globalization.TextInfo", ANSICodePage=1252, OEMCodePage=437,
                         MacCodePage=10000, EBCDICCodePage=37, LCID=1033, CultureName="en-US",
                         IsReadOnly=True, ListSeparator=",", IsRightToLeft=False)

    def ps_method_ToTitleCase(self, text: Any = None) -> str:
        # .NET capitalises each word's first letter and lowers the rest, except words in
        # capitals (acronyms), which it keeps.
        def word(m: "re.Match[str]") -> str:
            w = m.group(0)
            return w if w.isupper() else w[:1].upper() + w[1:].lower()
        return re.sub(r"[^\W_]+(?:'[^\W_]+)?", word, _input(text))

    def ps_method_ToUpper(self, text: Any = None) -> str:
        return _input(text).upper()

    def ps_method_ToLower(self, text: Any = None) -> str:
        return _input(text).lower()

    def __str__(self) -> str:
        return "TextInfo - 1033"


class CultureInfo:
    """System.Globalization.CultureInfo: en-US (the emulated console's culture) and
    the invariant culture."""

    PS_TYPE_NAMES = ("System.Globalization.CultureInfo", "System.Object")
    PS_PROPERTIES = ("Parent", "LCID", "KeyboardLayoutId", "Name", "IetfLanguageTag", "DisplayName",
                     "NativeName", "EnglishName", "TwoLetterISOLanguageName",
                     "ThreeLetterISOLanguageName", "ThreeLetterWindowsLanguageName",
                     "CompareInfo", "TextInfo", "IsNeutralCulture", "CultureTypes", "NumberFormat",
                     "DateTimeFormat", "Calendar", "OptionalCalendars", "UseUserOverride",
                     "IsReadOnly")

    def __init__(self, name: str = "en-US"):
        invariant = name == ""
        self.Name = name
        self.LCID = 127 if invariant else 1033
        self.KeyboardLayoutId = self.LCID
        self.IetfLanguageTag = name
        self.DisplayName = "Invariant Language (Invariant Country)" if invariant else "English (United States)"
        self.NativeName = self.DisplayName
        self.EnglishName = self.DisplayName
        self.TwoLetterISOLanguageName = "iv" if invariant else "en"
        self.ThreeLetterISOLanguageName = "ivl" if invariant else "eng"
        self.ThreeLetterWindowsLanguageName = "IVL" if invariant else "ENU"
        self.CompareInfo = "CompareInfo - %s" % name
        self.TextInfo = TextInfo()
        self.IsNeutralCulture = False
        self.CultureTypes = "InstalledWin32Cultures" if invariant else \
            "SpecificCultures, InstalledWin32Cultures, FrameworkCultures"
        self.NumberFormat = _CultureData(
            "System.Globalization.NumberFormatInfo", CurrencyDecimalDigits=2,
            CurrencyDecimalSeparator=".", IsReadOnly=True, CurrencyGroupSeparator=",",
            CurrencySymbol="\u00a4" if invariant else "$", NaNSymbol="NaN",
            NegativeInfinitySymbol="-Infinity", NegativeSign="-", NumberDecimalDigits=2,
            NumberDecimalSeparator=".", NumberGroupSeparator=",", PercentSymbol="%",
            PositiveInfinitySymbol="Infinity", PositiveSign="+")
        self.DateTimeFormat = _CultureData(
            "System.Globalization.DateTimeFormatInfo", AMDesignator="AM",
            DateSeparator="/", FirstDayOfWeek=DayOfWeek.Sunday,
            FullDateTimePattern="dddd, dd MMMM yyyy HH:mm:ss" if invariant else "dddd, MMMM d, yyyy h:mm:ss tt",
            LongDatePattern="dddd, dd MMMM yyyy" if invariant else "dddd, MMMM d, yyyy",
            LongTimePattern="HH:mm:ss" if invariant else "h:mm:ss tt", PMDesignator="PM",
            ShortDatePattern="MM/dd/yyyy" if invariant else "M/d/yyyy",
            ShortTimePattern="HH:mm" if invariant else "h:mm tt", TimeSeparator=":",
            SortableDateTimePattern="yyyy'-'MM'-'dd'T'HH':'mm':'ss",
            UniversalSortableDateTimePattern="yyyy'-'MM'-'dd HH':'mm':'ss'Z'")
        self.Calendar = "System.Globalization.GregorianCalendar"
        self.OptionalCalendars = ["System.Globalization.GregorianCalendar"]
        self.UseUserOverride = not invariant
        self.IsReadOnly = False

    @property
    def Parent(self) -> Any:
        return CultureInfo("") if self.Name else self

    def __str__(self) -> str:
        return self.Name

    def ps_method_GetFormat(self, *args: Any) -> Any:
        return self.NumberFormat


def _culture(name: Any) -> CultureInfo:
    text = to_string(name).strip()
    if text.casefold() in ("en-us", "en"):
        return CultureInfo("en-US")
    if text == "":
        return CultureInfo("")
    raise NetError("System.Globalization.CultureNotFoundException",
                   "Culture is not supported.\r\nParameter name: name\r\n%s is an invalid culture "
                   "identifier." % text)


def _culture_cast(value: Any) -> CultureInfo:
    if isinstance(value, CultureInfo):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        if value == 1033:
            return CultureInfo("en-US")
        if value == 127:
            return CultureInfo("")
    try:
        return _culture(value)
    except NetError as e:
        raise ConversionError('Cannot convert value "%s" to type "System.Globalization.CultureInfo". '
                              'Error: "%s"' % (to_string(value), e.message))


exception_types.BASES.setdefault("System.Globalization.CultureNotFoundException",
                                 "System.ArgumentException")

_register(NetType("System.Globalization.CultureInfo", accelerators=("cultureinfo",),
                  construct=lambda a: _culture_cast(a[0]) if len(a) == 1 else _raise_count("new", a),
                  cast=_culture_cast, instance_of=lambda v: isinstance(v, CultureInfo), statics={
                      "CurrentCulture": lambda: CultureInfo("en-US"),
                      "CurrentUICulture": lambda: CultureInfo("en-US"),
                      "InvariantCulture": lambda: CultureInfo(""),
                      "GetCultureInfo": _method(lambda a: _culture(a[0]) if len(a) == 1
                                                else _raise_count("GetCultureInfo", a)),
                  }))


def _raise_count(name: str, args: List[Any]) -> Any:
    raise NetCountError(name, len(args))


# ====================================================================== enums, Type

_enum_type(DayOfWeek, "System.DayOfWeek")
# Enum types with many members are built when first named (start-up pays nothing).
add_lazy("exshell.engine.netenums", ("System.StringComparison", "System.StringSplitOptions",
                                     "System.Text.RegularExpressions.RegexOptions",
                                     "System.Management.Automation.ErrorCategory",
                                     "System.Globalization.DateTimeStyles"))
add_lazy("exshell.engine.hostview", ("System.Management.Automation.Host.ChoiceDescription",))
add_lazy("exshell.engine.machine", ("System.Net.Dns", "System.Reflection.Assembly"))


def _error_category(name: str) -> Any:
    found = enum_class("System.Management.Automation.ErrorCategory")
    value = found.parse_name(name) if found is not None else None
    return value if value is not None else name


_errors.category_value = _error_category
add_lazy("exshell.engine.netstatics", ("System.IO.Path", "System.Text.StringBuilder",
                                       "System.Collections.Queue", "System.Collections.Stack"))


def enum_class(full_name: str) -> Any:
    """The Python class of a registered .NET enum (built on first use)."""
    found = lookup(full_name)
    return found.enum_cls if found is not None else None


def _is_type_value(value: Any) -> bool:
    return "System.Type" in type_names(value)


_register(NetType("System.Type", accelerators=("type",), base="System.Reflection.MemberInfo",
                  instance_of=_is_type_value))
_register(NetType("System.Enum", base="System.ValueType",
                  instance_of=lambda v: isinstance(v, enum.Enum), statics={
                      "GetNames": _method(lambda a: _enum_names(a)),
                      "GetValues": _method(lambda a: _enum_values(a)),
                      "Parse": _method(lambda a: _enum_parse(a)),
                      "IsDefined": _method(lambda a: _enum_is_defined(a)),
                  }))


def _enum_class(args: List[Any], name: str) -> type:
    if not args:
        raise NetCountError(name, 0)
    net_type = getattr(args[0], "net_type", None)
    cls = getattr(net_type, "enum_cls", None)
    if cls is None:
        raise NetError("System.ArgumentException", "Type provided must be an Enum.\r\nParameter name: enumType")
    return cls


def _enum_names(args: List[Any]) -> List[str]:
    return [str(m) for m in _enum_class(args, "GetNames")]


def _enum_values(args: List[Any]) -> List[Any]:
    return list(_enum_class(args, "GetValues"))


def _enum_parse(args: List[Any]) -> Any:
    cls = _enum_class(args, "Parse")
    _arg_count("Parse", args, 2, 3)
    try:
        return cls.parse(args[1])  # type: ignore[attr-defined]
    except ValueError:
        raise NetError("System.ArgumentException",
                       "Requested value '%s' was not found." % to_string(args[1]))


def _enum_is_defined(args: List[Any]) -> bool:
    cls = _enum_class(args, "IsDefined")
    _arg_count("IsDefined", args, 2)
    try:
        cls.parse(args[1])  # type: ignore[attr-defined]
        return True
    except ValueError:
        return False


def known_enum(value: Any) -> bool:
    return isinstance(value, (NetEnum, NetFlags))


# ====================================================================== psobject

class PSPropertyInfo:
    """One entry of ``$x.psobject.Properties``: a PSNoteProperty for custom objects,
    a PSProperty for the properties of other objects."""

    PS_PROPERTIES = ("Value", "MemberType", "IsSettable", "IsGettable", "TypeNameOfValue",
                     "Name", "IsInstance")

    def __init__(self, owner: Any, name: str, note: bool, member_type: str = ""):
        self._owner = owner
        self.Name = name
        self.MemberType = member_type or ("NoteProperty" if note else "Property")
        self.IsGettable = True
        self.IsInstance = True
        self.PS_TYPE_NAMES = ("System.Management.Automation.PS" + self.MemberType,
                              "System.Management.Automation.PSPropertyInfo",
                              "System.Management.Automation.PSMemberInfo", "System.Object")

    @property
    def Value(self) -> Any:
        from .properties import get_property
        value = get_property(self._owner, self.Name)
        return None if value is NOT_FOUND else value

    @Value.setter
    def Value(self, value: Any) -> None:
        """``.psobject.Properties['a'].Value = 5`` sets the object's property (one
        that cannot be set is the property's own error)."""
        from .properties import set_property
        if not set_property(self._owner, self.Name, value):
            raise NetError("System.Management.Automation.SetValueException",
                           'Set accessor for property "%s" is unavailable.' % self.Name)

    PS_SETTABLE = ("Value",)

    @property
    def IsSettable(self) -> bool:
        from .properties import PSObject
        return isinstance(self._owner, (PSObject, PSHashtable)) or \
            self.Name in getattr(self._owner, "PS_SETTABLE", ())

    @property
    def TypeNameOfValue(self) -> str:
        value = self.Value
        return "System.Object" if value is None else type_names(value)[0]

    def __str__(self) -> str:
        value = self.Value
        return "%s %s=%s" % (type_names(value)[0] if value is not None else "System.Object",
                             self.Name, to_string(value))


class PSReference:
    """``[ref]$x``: a reference a method or function writes through (``TryParse(s,
    [ref]$n)``, ``$r.Value = 5``).  Made from a variable it reads and writes that
    variable; from any other value it holds the value itself."""

    PS_TYPE_NAMES = ("System.Management.Automation.PSReference", "System.Object")
    PS_PROPERTIES = ("Value",)
    PS_SETTABLE = ("Value",)

    def __init__(self, value: Any = None, entry: Optional[List[Any]] = None):
        self._entry = entry if entry is not None else [None, value]

    @property
    def Value(self) -> Any:
        return self._entry[1]

    @Value.setter
    def Value(self, value: Any) -> None:
        self.set_value(value)

    def set_value(self, value: Any) -> None:
        self._entry[1] = value

    def __str__(self) -> str:
        return "System.Management.Automation.PSReference"


_register(NetType("System.Management.Automation.PSReference", accelerators=("ref",),
                  cast=lambda v: v if isinstance(v, PSReference) else PSReference(v),
                  instance_of=lambda v: isinstance(v, PSReference)))


class PSNoteProperty(PSPropertyInfo):
    """``New-Object System.Management.Automation.PSNoteProperty name, value``: a
    note property not yet on any object (``.psobject.Properties.Add()`` puts it on one)."""

    def __init__(self, name: str, value: Any):
        super().__init__(None, name, True)
        self._value = value

    @property
    def Value(self) -> Any:
        return self._value

    @Value.setter
    def Value(self, value: Any) -> None:
        self._value = value

    @property
    def IsSettable(self) -> bool:
        return True


def _note_property_construct(args: List[Any]) -> PSNoteProperty:
    _arg_count("new", args, 2)
    name = to_string(args[0])
    if not name.strip():
        raise NetError("System.Management.Automation.PSArgumentException",
                       "Cannot process argument because the value of argument \"name\" is not valid. "
                       "Change the value of the \"name\" argument and run the operation again.")
    return PSNoteProperty(name, args[1])


_register(NetType("System.Management.Automation.PSNoteProperty",
                  base="System.Management.Automation.PSPropertyInfo",
                  construct=_note_property_construct,
                  instance_of=lambda v: isinstance(v, PSPropertyInfo) and v.MemberType == "NoteProperty"))


class PSMethodInfo:
    """One entry of ``$x.psobject.Methods``: a .NET method (PSMethod) or a script
    method Add-Member gave the object (PSScriptMethod)."""

    PS_PROPERTIES = ("OverloadDefinitions", "TypeNameOfValue", "MemberType", "Value", "Name",
                     "IsInstance")

    def __init__(self, owner: Any, name: str, member_type: str, definitions: List[str]):
        self._owner = owner
        self.Name = name
        self.MemberType = member_type
        self.OverloadDefinitions = list(definitions)
        self.IsInstance = True
        kind = "PSScriptMethod" if member_type == "ScriptMethod" else "PSMethod"
        self.TypeNameOfValue = "System.Management.Automation." + kind
        self.PS_TYPE_NAMES = ("System.Management.Automation." + kind,
                              "System.Management.Automation.PSMethodInfo",
                              "System.Management.Automation.PSMemberInfo", "System.Object")

    @property
    def Value(self) -> "PSMethodInfo":
        return self

    def __str__(self) -> str:
        return ", ".join(self.OverloadDefinitions)


#: (value, dialect) -> [(name, member type, definition)] of the value's methods, as
#: Get-Member lists them; registered by the layer that knows the method tables.
_method_lister: Optional[Callable[[Any, Any], List[Tuple[str, str, str]]]] = None
_method_lister_module: Optional[str] = None


def register_method_lister(lister: Callable[[Any, Any], List[Tuple[str, str, str]]]) -> None:
    global _method_lister
    _method_lister = lister


def lazy_method_lister(module: str) -> None:
    """``module`` registers the method lister when imported (on first use)."""
    global _method_lister_module
    _method_lister_module = module


def _methods_of(value: Any, dialect: Any) -> List[Tuple[str, str, str]]:
    if _method_lister is None and _method_lister_module is not None:
        importlib.import_module(_method_lister_module)
    if _method_lister is None:
        return [("Equals", "Method", "bool Equals(System.Object obj)"),
                ("GetHashCode", "Method", "int GetHashCode()"),
                ("GetType", "Method", "type GetType()"),
                ("ToString", "Method", "string ToString()")]
    return _method_lister(value, dialect)


class PSMemberCollection(list):
    """``$x.psobject.Properties`` (and ``Members``, ``Methods``): enumerable, indexable
    by name, with Item(), Match(), and Add()/Remove() that change the object itself."""

    PS_TYPE_NAMES = ("System.Management.Automation.PSMemberInfoCollection`1"
                     "[[System.Management.Automation.PSPropertyInfo, System.Management.Automation, "
                     "Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]",
                     "System.Object")

    def __init__(self, members: Iterable[Any] = (), owner: Any = NOT_FOUND):
        super().__init__(members)
        self._owner = owner

    def ps_index(self, key: Any) -> Any:
        if isinstance(key, int) and not isinstance(key, bool):
            return self[key] if -len(self) <= key < len(self) else None
        return self.ps_method_Item(key)

    def ps_method_Item(self, name: Any = None) -> Any:
        text = to_string(name).casefold()
        for member in self:
            if member.Name.casefold() == text:
                return member
        return None

    def ps_method_Match(self, pattern: Any = "*", *rest: Any) -> List[Any]:
        from .operators import like
        return [m for m in self if like(m.Name, to_string(pattern))]

    def ps_method_Add(self, member: Any, preValidated: Any = None) -> None:
        """Add a note property (a PSNoteProperty, or another object's property entry)."""
        from .properties import PSObject, instance_members
        owner = self._owner
        if member is None:
            raise NetError("System.Management.Automation.PSArgumentNullException",
                           "Cannot process argument because the value of argument \"member\" "
                           "is null. Change the value of argument \"member\" to a non-null value.")
        if not isinstance(member, PSPropertyInfo):
            raise NetArgumentError("member", member, "System.Management.Automation.PSMemberInfo",
                                   'Cannot convert the "%s" value of type "%s" to type '
                                   '"System.Management.Automation.PSMemberInfo".'
                                   % (to_string(member), type_names(member)[0]))
        name = member.Name
        if any(m.Name.casefold() == name.casefold() for m in self):
            raise NetError("System.Management.Automation.ExtendedTypeSystemException",
                           'Cannot add a member with the name "%s" because a member with that '
                           'name already exists. To overwrite the member anyway, add the Force '
                           'parameter to your command.' % name)
        if isinstance(owner, PSObject):
            owner.set(name, member.Value)
        else:
            added = instance_members(owner, create=True)
            if added is None:
                raise NetError("System.Management.Automation.ExtendedTypeSystemException",
                               "Cannot add a member to an object of type \"%s\"."
                               % type_names(owner)[0])
            added.props[name.casefold()] = (name, member.Value)
        self.append(PSPropertyInfo(owner, name, True))

    def ps_method_Remove(self, name: Any) -> None:
        """Remove a note property the object has (a .NET property stays)."""
        from .properties import PSObject, instance_members
        owner = self._owner
        text = to_string(name)
        if isinstance(owner, PSObject):
            owner.remove(text)
        else:
            added = instance_members(owner)
            if added is not None:
                added.props.pop(text.casefold(), None)
                added.methods.pop(text.casefold(), None)
        self[:] = [m for m in self if m.Name.casefold() != text.casefold() or
                   (m.MemberType in ("Property", "Method") and not isinstance(owner, PSObject))]


class PSObjectView:
    """``$x.psobject``: the PowerShell view of any value (its properties, methods and
    type names)."""

    PS_TYPE_NAMES = ("System.Management.Automation.PSObject", "System.Object")
    PS_PROPERTIES = ("BaseObject", "Members", "Properties", "Methods", "ImmediateBaseObject",
                     "TypeNames")

    def __init__(self, value: Any, dialect: Any = None):
        self._value = value
        self._dialect = dialect

    @property
    def BaseObject(self) -> Any:
        return self._value

    ImmediateBaseObject = BaseObject

    @property
    def Properties(self) -> PSMemberCollection:
        from .properties import ComputedProperty, PSObject, instance_members, property_names
        value = self._value
        added = instance_members(value)

        def kind(name: str) -> str:
            if isinstance(value, PSObject):
                return value.member_type(name)
            entry = added.props.get(name.casefold()) if added is not None else None
            if entry is not None:
                member = entry[1]
                return member.member_type if isinstance(member, ComputedProperty) else "NoteProperty"
            return "NoteProperty" if isinstance(value, PSHashtable) else "Property"
        return PSMemberCollection((PSPropertyInfo(value, n, False, kind(n))
                                   for n in property_names(value)), value)

    @property
    def Methods(self) -> PSMemberCollection:
        methods = [PSMethodInfo(self._value, name, member_type, [definition])
                   for name, member_type, definition in _methods_of(self._value, self._dialect)
                   if member_type.endswith("Method")]
        return PSMemberCollection(methods, self._value)

    @property
    def Members(self) -> PSMemberCollection:
        return PSMemberCollection(list(self.Properties) + list(self.Methods), self._value)

    @property
    def TypeNames(self) -> List[str]:
        from .properties import PSObject
        if isinstance(self._value, PSObject):
            return self._value.type_names  # the live list: Insert(0, 'My.Type') sticks
        return type_names(self._value)

    def ps_method_Copy(self) -> Any:
        from .properties import PSObject
        if isinstance(self._value, PSObject):
            return PSObject(self._value.items(), list(self._value.type_names))
        return self._value

    def __str__(self) -> str:
        return to_string(self._value)
