"""Integer types other than Int32: ``[long]``, ``[byte]``, ``[sbyte]``, ``[int16]``,
``[uint16]``, ``[uint32]``, ``[uint64]``.

A plain Python ``int`` is an Int32 when it fits and an Int64 or a Decimal beyond (as
PowerShell widens a literal).  A cast to another integer type gives an instance of
one of the classes here: an ``int`` that knows its .NET type, so ``GetType()``,
``-is``, ``-shl`` (the shift count is masked to the type's width, as .NET masks it)
and range checks answer as PowerShell does.  Arithmetic on them gives plain ints, as
.NET widens small types to Int32.

Imports nothing else from exshell.
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Tuple, Type

__all__ = ["TypedInt", "Int64", "UInt64", "UInt32", "Int16", "UInt16", "Byte", "SByte",
           "INTEGER_TYPES", "integer_range", "range_message", "shift", "width_of"]


class TypedInt(int):
    """An integer of a named .NET type (subclasses set BITS/SIGNED/DOTNET)."""

    BITS = 32
    SIGNED = True
    DOTNET = "System.Int32"
    #: The noun .NET's overflow message uses ("an Int64", "an unsigned byte").
    NOUN = "an Int32"
    PS_TYPE_NAMES: Tuple[str, ...] = ()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "%s(%d)" % (type(self).__name__, int(self))

    def __str__(self) -> str:
        return int.__repr__(self)


def _make(name: str, bits: int, signed: bool, dotnet: str, noun: str) -> Type[TypedInt]:
    return type(name, (TypedInt,), {
        "BITS": bits, "SIGNED": signed, "DOTNET": dotnet, "NOUN": noun,
        "PS_TYPE_NAMES": (dotnet, "System.ValueType", "System.Object"), "__slots__": (),
    })


Int64 = _make("Int64", 64, True, "System.Int64", "an Int64")
UInt64 = _make("UInt64", 64, False, "System.UInt64", "a UInt64")
UInt32 = _make("UInt32", 32, False, "System.UInt32", "a UInt32")
Int16 = _make("Int16", 16, True, "System.Int16", "an Int16")
UInt16 = _make("UInt16", 16, False, "System.UInt16", "a UInt16")
Byte = _make("Byte", 8, False, "System.Byte", "an unsigned byte")
SByte = _make("SByte", 8, True, "System.SByte", "a signed byte")

#: .NET full name -> class (Int32 is the plain int).
INTEGER_TYPES: Dict[str, Optional[Type[TypedInt]]] = {
    "System.Int32": None, "System.Int64": Int64, "System.UInt64": UInt64,
    "System.UInt32": UInt32, "System.Int16": Int16, "System.UInt16": UInt16,
    "System.Byte": Byte, "System.SByte": SByte,
}

_NOUNS = {"System.Int32": "an Int32"}
_NOUNS.update({k: v.NOUN for k, v in INTEGER_TYPES.items() if v is not None})


def _bits(full_name: str) -> Tuple[int, bool]:
    cls = INTEGER_TYPES.get(full_name)
    return (32, True) if cls is None else (cls.BITS, cls.SIGNED)


def integer_range(full_name: str) -> Tuple[int, int]:
    bits, signed = _bits(full_name)
    return (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)


def range_message(full_name: str) -> str:
    """.NET's OverflowException text for a value outside the type."""
    return "Value was either too large or too small for %s." % _NOUNS.get(full_name, "an Int32")


def make(full_name: str, value: int) -> int:
    """``value`` (already in range) as an instance of the named integer type."""
    cls = INTEGER_TYPES.get(full_name)
    return int(value) if cls is None else cls(value)


def width_of(value: int) -> Tuple[int, bool]:
    """The width and signedness .NET computes a shift in: Int64/UInt64/UInt32 keep
    theirs, a plain int is an Int32 (or an Int64 when it does not fit), and the small
    types widen to Int32."""
    if isinstance(value, TypedInt) and value.BITS >= 32:
        return value.BITS, value.SIGNED
    if -(1 << 31) <= value < (1 << 31) or isinstance(value, TypedInt):
        return 32, True
    return 64, True


def shift(value: int, count: int, left: bool) -> int:
    """``-shl``/``-shr`` as .NET computes them: the count masked to the width, the
    result wrapped to it; ``-shr`` is arithmetic for signed types."""
    bits, signed = width_of(value)
    count &= bits - 1
    mask = (1 << bits) - 1
    raw = (int(value) << count) if left else (int(value) >> count)
    raw &= mask
    if signed and raw >= 1 << (bits - 1):
        raw -= 1 << bits
    if isinstance(value, TypedInt) and value.BITS >= 32:
        return type(value)(raw)
    return raw


def convert_integer(value: Any, full_name: str) -> int:
    """Range-check an integer for a cast; raises OverflowError with .NET's text."""
    low, high = integer_range(full_name)
    if not low <= value <= high:
        raise OverflowError(range_message(full_name))
    return make(full_name, value)
