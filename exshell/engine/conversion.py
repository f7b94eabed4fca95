"""PowerShell's value conversions, and the parameter types the binder converts with.

Two halves:

* Language conversions: :func:`to_bool` (``if``/``Where-Object`` truthiness),
  :func:`to_number`, :func:`to_int`, :func:`to_datetime`; :func:`to_string` (``"$x"``,
  ``[string]$x``) is :mod:`exshell.engine.tostring`'s, re-exported here because the
  binder and the cmdlets convert with it.
* Parameter types, click-``ParamType`` style: each :class:`ParamType` has a .NET
  name for messages, ``convert(value)`` that accepts raw strings *and* values that
  already have the type, ``is_exact(value)`` for the first pipeline-binding stage, and
  ``choices()`` for completion.  A failed conversion raises :class:`ConversionError`
  with the inner message PowerShell would print after ``Cannot bind parameter 'X'.``

Depends on ``engine.properties``, ``engine.tostring`` and ``engine.chars`` only.
"""
from __future__ import annotations

import datetime as _dt
import decimal
import enum
import math
import re
from typing import Any, Callable, Iterable, List, Optional, Sequence

from ..structs import LazyPattern
from .chars import Char
from .properties import dotnet_type_name, type_names
from .tostring import to_string

__all__ = [
    "ConversionError", "SwitchParameter", "to_string", "to_bool", "to_number", "to_int", "to_datetime",
    "ParamType", "StringType", "IntType", "BoolType",
    "SwitchType", "EnumType", "ListOf", "ObjectType", "DotNetObjectType", "ScriptBlockType",
    "DateTimeType", "BytesType", "ChoiceType", "PerVersion", "SWITCH", "STRING", "INT", "BOOL", "OBJECT",
]


class ConversionError(Exception):
    """A value could not be converted.  ``message`` is the inner message;
    ``error_id`` the binder's id for it (``CannotConvertArgumentNoMessage`` for most,
    ``CannotConvertArgument`` for the cmdlet-style boolean/array failures)."""

    def __init__(self, message: str, error_id: str = "CannotConvertArgumentNoMessage"):
        super().__init__(message)
        self.message = message
        self.error_id = error_id


# ----------------------------------------------------------------- language helpers

def to_bool(value: Any) -> bool:
    """PowerShell truthiness (reference §6.3)."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, decimal.Decimal)):
        return value != 0
    if isinstance(value, str):
        return ord(value) != 0 if isinstance(value, Char) else len(value) > 0
    if isinstance(value, (list, tuple)):
        if len(value) == 0:
            return False
        if len(value) == 1:
            return to_bool(value[0])
        return True
    if isinstance(value, enum.IntFlag):
        return int(value) != 0
    switch = getattr(value, "IsPresent", None)
    if isinstance(switch, bool):
        return switch
    return True


_HEX_RE = LazyPattern(r"^\s*[-+]?0x[0-9a-f]+\s*$", re.I)
_NUM_RE = LazyPattern(r"^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$", re.I)
_MULT = {"kb": 1024, "mb": 1024 ** 2, "gb": 1024 ** 3, "tb": 1024 ** 4, "pb": 1024 ** 5}


def _parse_number_text(text: str) -> Optional[Any]:
    t = text.strip().replace(",", "") if text.strip() else None
    if t is None:
        return 0
    low = t.lower()
    mult = 1
    for suffix, m in _MULT.items():
        if low.endswith(suffix):
            mult, low = m, low[:-2]
            break
    if _HEX_RE.match(low):
        neg = low.strip().startswith("-")
        v = int(low.strip().lstrip("+-"), 16)
        return (-v if neg else v) * mult
    if _NUM_RE.match(low):
        if re.match(r"^\s*[-+]?\d+\s*$", low):
            return int(low) * mult
        return float(low) * mult
    return None


def to_number(value: Any) -> Any:
    """Convert for arithmetic: numbers stay, strings parse, ``$null`` is 0.
    Raises ConversionError with .NET's wording."""
    if value is None:
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float, decimal.Decimal)):
        return value
    if isinstance(value, enum.Enum):
        return int(value.value) if isinstance(value.value, int) else value.value
    if isinstance(value, Char):
        return ord(value)  # a char is its code in arithmetic
    if isinstance(value, str):
        n = _parse_number_text(value)
        if n is None:
            raise ConversionError('Cannot convert value "%s" to type "System.Int32". Error: '
                                  '"Input string was not in a correct format."' % value)
        return n
    if isinstance(value, (list, tuple)) and len(value) == 1:
        return to_number(value[0])
    raise ConversionError('Cannot convert the "%s" value of type "%s" to type "System.Int32".'
                          % (to_string(value), dotnet_type_name(value)))


def _round_half_even(value: Any, type_name: str = "System.Int32") -> int:
    """A double or decimal to an integer type as .NET converts it: rounded to even,
    and an OverflowException's text when it does not fit (or is NaN/Infinity)."""
    from .numbers import integer_range, range_message
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        raise ConversionError('Cannot convert value "%s" to type "%s". Error: "%s"'
                              % (to_string(value), type_name, range_message(type_name)))
    if isinstance(value, decimal.Decimal):
        number = int(value.to_integral_value(rounding=decimal.ROUND_HALF_EVEN))
    else:
        number = int(round(value))  # Python's round() is banker's rounding, like .NET's
    low, high = integer_range(type_name) if type_name.startswith("System.") else (number, number)
    if not low <= number <= high:
        raise ConversionError('Cannot convert value "%s" to type "%s". Error: "%s"'
                              % (to_string(value), type_name, range_message(type_name)))
    return number


def to_int(value: Any, type_name: str = "System.Int32") -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, (float, decimal.Decimal)):
        return _round_half_even(value, type_name)
    if isinstance(value, Char):
        return ord(value)  # [int][char]'A' is 65
    if isinstance(value, str):
        n = _parse_number_text(value)
        if n is None:
            raise ConversionError('Cannot convert value "%s" to type "%s". Error: "Input string '
                                  'was not in a correct format."' % (value, type_name))
        return n if isinstance(n, int) else _round_half_even(n, type_name)
    if value is None:
        return 0
    if isinstance(value, enum.Enum) and isinstance(value.value, int):
        return int(value.value)
    if isinstance(value, (list, tuple)) and len(value) == 1:
        return to_int(value[0], type_name)
    switch = getattr(value, "IsPresent", None)
    if isinstance(switch, bool):
        return int(switch)
    raise ConversionError('Cannot convert the "%s" value of type "%s" to type "%s".'
                          % (to_string(value), dotnet_type_name(value), type_name))


_DATE_FORMATS = (
    "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%SZ",
    "%Y-%m-%dT%H:%M:%S.%f", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%Y-%m-%dT%H:%M",
)


def to_datetime(value: Any) -> _dt.datetime:
    """Convert to DateTime (invariant culture: month first)."""
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, _dt.date):
        return _dt.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        text = value.strip()
        for fmt in _DATE_FORMATS:
            try:
                return _dt.datetime.strptime(text, fmt)
            except ValueError:
                continue
        raise ConversionError('Cannot convert value "%s" to type "System.DateTime". Error: '
                              '"String was not recognized as a valid DateTime."' % value)
    raise ConversionError('Cannot convert the "%s" value of type "%s" to type "System.DateTime".'
                          % (to_string(value), dotnet_type_name(value)))


# ------------------------------------------------------------------ parameter types

class ParamType:
    """How a parameter's argument is converted (click's ParamType, PowerShell's
    ArgumentTypeConverter).  Subclasses override ``convert`` and ``is_exact``."""

    dotnet_name = "System.Object"
    is_switch = False
    is_collection = False

    def convert(self, value: Any) -> Any:
        return value

    def is_exact(self, value: Any) -> bool:
        return True

    def choices(self) -> List[str]:
        return []

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "<%s %s>" % (type(self).__name__, self.dotnet_name)


class ObjectType(ParamType):
    """``System.Object``: takes anything as it is."""


class StringType(ParamType):
    dotnet_name = "System.String"

    def __init__(self, dotnet_name: str = "System.String"):
        self.dotnet_name = dotnet_name

    def is_exact(self, value: Any) -> bool:
        return isinstance(value, str)

    def convert(self, value: Any) -> Any:
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, (list, tuple)):
            if len(value) == 1:
                return self.convert(value[0])
            raise ConversionError(
                "Cannot convert 'System.Object[]' to the type '%s' required by parameter "
                "'{param}'. Specified method is not supported." % self.dotnet_name,
                "CannotConvertArgument")
        return to_string(value)


class IntType(ParamType):
    def __init__(self, dotnet_name: str = "System.Int32"):
        self.dotnet_name = dotnet_name

    def is_exact(self, value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)

    def convert(self, value: Any) -> Any:
        return to_int(value, self.dotnet_name)


class BoolType(ParamType):
    """``System.Boolean`` parameters (``-PrivateKeyExportable $true``): booleans and
    numbers only, as compiled cmdlets take them."""

    dotnet_name = "System.Boolean"

    def is_exact(self, value: Any) -> bool:
        return isinstance(value, bool)

    def convert(self, value: Any) -> Any:
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, float, decimal.Decimal)):
            return value != 0
        present = getattr(value, "IsPresent", None)
        if isinstance(present, bool):
            return present
        raise ConversionError(
            "Cannot convert '%s' to the type 'System.Boolean' required by parameter '{param}'. "
            % dotnet_type_name(value), "CannotConvertArgument")


class SwitchParameter:
    """A ``[switch]`` parameter's value inside a script or function: ``$s.IsPresent``,
    ``if ($s)``, ``"$s"`` (True/False) and ``-Other:$s`` all work as in PowerShell."""

    PS_TYPE_NAMES = ("System.Management.Automation.SwitchParameter", "System.ValueType",
                     "System.Object")
    PS_PROPERTIES = ("IsPresent",)
    __slots__ = ("IsPresent",)

    def __init__(self, present: bool):
        self.IsPresent = bool(present)

    def ps_method_ToBool(self) -> bool:
        return self.IsPresent

    def __bool__(self) -> bool:
        return self.IsPresent

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SwitchParameter):
            return other.IsPresent == self.IsPresent
        if isinstance(other, bool):
            return other == self.IsPresent
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.IsPresent)

    def __str__(self) -> str:
        return "True" if self.IsPresent else "False"


class SwitchType(BoolType):
    """``SwitchParameter``: present means true; a value only with ``-Name:value``."""

    dotnet_name = "System.Management.Automation.SwitchParameter"
    is_switch = True

    def convert(self, value: Any) -> Any:
        if value is None:
            return False  # -Switch:$null is an absent switch
        if isinstance(value, SwitchParameter):
            return value.IsPresent
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, float, decimal.Decimal)):
            return value != 0
        raise ConversionError(
            "Cannot convert '%s' to the type '%s' required by parameter '{param}'. "
            % (dotnet_type_name(value), self.dotnet_name), "CannotConvertArgument")


class EnumType(ParamType):
    """A .NET enum (flags or not) over a Python Enum/IntFlag class.

    The class may define ``parse(value)`` (raising ValueError) and ``names()``; flags
    enums accept ``IIS,SMTP``, ``'IMAP, POP'`` and numbers.  ``names_for`` lets a
    version restrict the names offered in messages and completion.
    """

    def __init__(self, enum_cls: type, dotnet_name: Optional[str] = None,
                 names: Optional[Callable[[], Sequence[str]]] = None):
        self.enum_cls = enum_cls
        self.dotnet_name = dotnet_name or getattr(enum_cls, "DOTNET_NAME", enum_cls.__name__)
        self._names = names

    def choices(self) -> List[str]:
        if self._names is not None:
            return list(self._names())
        if hasattr(self.enum_cls, "names"):
            return list(self.enum_cls.names())
        return [m.name for m in self.enum_cls]

    def is_exact(self, value: Any) -> bool:
        return isinstance(value, self.enum_cls)

    def convert(self, value: Any) -> Any:
        if isinstance(value, self.enum_cls):
            return value
        raw = value
        try:
            if hasattr(self.enum_cls, "parse"):
                if isinstance(value, (list, tuple)):
                    value = [to_string(v) if not isinstance(v, (int, self.enum_cls)) else v
                             for v in value]
                result = self.enum_cls.parse(value)
            else:
                result = self.enum_cls[to_string(value)]
        except (ValueError, KeyError, TypeError):
            allowed = set(n.casefold() for n in self.choices())
            result = None
        else:
            allowed = set(n.casefold() for n in self.choices())
            # A name this version does not know is as bad as a name no version knows.
            names = str(result).split(", ") if result is not None else []
            if all(n.casefold() in allowed for n in names if n):
                return result
        shown = to_string(raw, ",") if isinstance(raw, (list, tuple)) else to_string(raw)
        raise ConversionError(
            'Cannot convert value "%s" to type "%s" due to invalid enumeration values. '
            'Specify one of the following enumeration values and try again. The possible '
            'enumeration values are "%s".' % (shown, self.dotnet_name, ", ".join(self.choices())))


class ListOf(ParamType):
    """``T[]`` and Exchange's ``MultiValuedProperty<T>``: a scalar becomes one item."""

    is_collection = True

    def __init__(self, item: ParamType, dotnet_name: Optional[str] = None):
        self.item = item
        self.dotnet_name = dotnet_name or item.dotnet_name + "[]"

    def is_exact(self, value: Any) -> bool:
        # Wrapping one value in an array is no coercion for PowerShell's binder: a
        # certificate's PSPath (a string) binds -Path <string[]> by name, exactly.
        if isinstance(value, list):
            return all(self.item.is_exact(v) for v in value)
        return value is not None and not isinstance(value, tuple) and self.item.is_exact(value)

    def choices(self) -> List[str]:
        return self.item.choices()

    def convert(self, value: Any) -> Any:
        if value is None:
            return None
        items = list(value) if isinstance(value, (list, tuple)) else [value]
        return [self.item.convert(v) for v in items]


class DotNetObjectType(ParamType):
    """A parameter typed as a .NET class (``X509Certificate2``): exact when the value's
    type names include it; anything else does not convert."""

    def __init__(self, dotnet_name: str):
        self.dotnet_name = dotnet_name

    def is_exact(self, value: Any) -> bool:
        return self.dotnet_name in type_names(value)

    def convert(self, value: Any) -> Any:
        if value is None or self.is_exact(value):
            return value
        raise ConversionError('Cannot convert the "%s" value of type "%s" to type "%s".'
                              % (to_string(value), dotnet_type_name(value), self.dotnet_name))


class ScriptBlockType(ParamType):
    dotnet_name = "System.Management.Automation.ScriptBlock"

    def is_exact(self, value: Any) -> bool:
        return "System.Management.Automation.ScriptBlock" in type_names(value)

    def convert(self, value: Any) -> Any:
        if value is None or self.is_exact(value):
            return value
        raise ConversionError('Cannot convert the "%s" value of type "%s" to type '
                              '"System.Management.Automation.ScriptBlock".'
                              % (to_string(value), dotnet_type_name(value)))


class DateTimeType(ParamType):
    dotnet_name = "System.DateTime"

    def is_exact(self, value: Any) -> bool:
        return isinstance(value, _dt.datetime)

    def convert(self, value: Any) -> Any:
        return to_datetime(value)


class BytesType(ParamType):
    dotnet_name = "System.Byte[]"

    def is_exact(self, value: Any) -> bool:
        return isinstance(value, bytes)

    def convert(self, value: Any) -> Any:
        if value is None or isinstance(value, bytes):
            return value
        items = value if isinstance(value, (list, tuple)) else [value]
        try:
            return bytes(to_int(v, "System.Byte") for v in items)
        except (ValueError, ConversionError):
            raise ConversionError('Cannot convert value "%s" to type "System.Byte[]".'
                                  % to_string(value))


class ChoiceType(StringType):
    """A string restricted to a set (``ValidateSet``), matched case-insensitively; the
    canonical spelling is returned."""

    def __init__(self, values: Iterable[str], dotnet_name: str = "System.String",
                 canonical: bool = True):
        super().__init__(dotnet_name)
        self.values = list(values)
        #: Return the set's spelling (enum-like parameters) or the text as given
        #: (``[ValidateSet()]`` in scripts keeps what the caller typed).
        self.canonical = canonical

    def choices(self) -> List[str]:
        return list(self.values)

    def convert(self, value: Any) -> Any:
        text = super().convert(value)
        if text is None:
            return None
        for v in self.values:
            if v.casefold() == text.casefold():
                return v if self.canonical else text
        raise ConversionError(
            'The argument "%s" does not belong to the set "%s" specified by the ValidateSet '
            'attribute. Supply an argument that is in the set and then try the command again.'
            % (text, ",".join(self.values)), "ParameterArgumentValidationError")


class PerVersion(ParamType):
    """A parameter type that depends on the session's profile (an enum whose names
    differ between versions, say): ``PerVersion(lambda profile: EnumType(...))``.
    ``Cmdlet.parameters_for(profile)`` resolves it before binding; ``profile`` may
    be None (no session: the type for every version)."""

    def __init__(self, factory: Callable[[Any], ParamType]):
        self.factory = factory
        self._cache: dict = {}

    def resolve(self, profile: Any) -> ParamType:
        key = getattr(profile, "name", None)
        if key not in self._cache:
            self._cache[key] = self.factory(profile)
        return self._cache[key]

    @property
    def dotnet_name(self) -> str:  # type: ignore[override]
        return self.resolve(None).dotnet_name

    def convert(self, value: Any) -> Any:
        return self.resolve(None).convert(value)

    def is_exact(self, value: Any) -> bool:
        return self.resolve(None).is_exact(value)

    def choices(self) -> List[str]:
        return self.resolve(None).choices()


SWITCH = SwitchType()
STRING = StringType()
INT = IntType()
BOOL = BoolType()
OBJECT = ObjectType()
