"""``System.Char``: one character that knows it is not a string.

A :class:`Char` is a one-character ``str`` (so it prints, joins, matches and
compares as text wherever PowerShell treats a char as text) that reports
``System.Char`` as its type.  Where PowerShell treats a char as a number the
language rules read its code (``ord``):

* ``[int][char]'A'`` is 65, ``[char]65`` is ``A``; a string of another length, a
  boolean or a floating-point number does not convert (.NET's messages);
* ``+`` with a char on the left concatenates (``[char]'a' + 1`` is ``a1``), while
  ``-``, ``/`` and ``%`` compute on the code (``[char]'b' - [char]'a'`` is 1) and
  ``*`` has no operator (``op_Multiply``);
* ``-eq`` compares a char with a char or a one-character string ignoring case
  (``-ceq`` exactly), other operands converted to a char; ``-lt``/``-gt`` compare
  codes;
* ``++`` refuses a char, as it refuses a string.

Strings hand out chars: indexing (``'abc'[0]``), ``ToCharArray()``, ``[char[]]``,
``foreach`` over those.  ``[char]::IsDigit`` and friends are the type's statics.

Imports nothing else from exshell.
"""
from __future__ import annotations

from typing import Any, List

__all__ = ["Char", "chars_of", "char_predicate", "CHAR_RANGE_MESSAGE"]

#: .NET's OverflowException text for a number outside 0..0xFFFF.
CHAR_RANGE_MESSAGE = "Value was either too large or too small for a character."


class Char(str):
    """A ``System.Char`` value (a one-character ``str``)."""

    __slots__ = ()
    PS_TYPE_NAMES = ("System.Char", "System.ValueType", "System.Object")
    #: A char has no properties of its own (not a string's Length).
    PS_PROPERTIES = ()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "Char(%s)" % str.__repr__(self)


def chars_of(text: str) -> List[Char]:
    """A string's chars (``ToCharArray()``, ``[char[]]``)."""
    return [Char(c) for c in text]


# ------------------------------------------------------------------ statics

def _category(c: str) -> str:
    import unicodedata  # on first use: start-up does not pay for it
    return unicodedata.category(c)


def _is_white_space(c: str) -> bool:
    return c.isspace() or _category(c) in ("Zs", "Zl", "Zp")


_PREDICATES = {
    "isdigit": lambda c: _category(c) == "Nd",
    "isnumber": lambda c: _category(c) in ("Nd", "Nl", "No"),
    "isletter": lambda c: _category(c) in ("Lu", "Ll", "Lt", "Lm", "Lo"),
    "isletterordigit": lambda c: _category(c) in ("Lu", "Ll", "Lt", "Lm", "Lo", "Nd"),
    "isupper": lambda c: _category(c) == "Lu",
    "islower": lambda c: _category(c) == "Ll",
    "iswhitespace": _is_white_space,
    "ispunctuation": lambda c: _category(c) in ("Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"),
    "issymbol": lambda c: _category(c) in ("Sm", "Sc", "Sk", "So"),
    "iscontrol": lambda c: _category(c) == "Cc",
    "isseparator": lambda c: _category(c) in ("Zs", "Zl", "Zp"),
    "issurrogate": lambda c: 0xD800 <= ord(c) <= 0xDFFF,
    "ishighsurrogate": lambda c: 0xD800 <= ord(c) <= 0xDBFF,
    "islowsurrogate": lambda c: 0xDC00 <= ord(c) <= 0xDFFF,
}


def char_predicate(name: str) -> Any:
    """The predicate ``[char]::<name>`` applies to one char (``isdigit``...), or None."""
    return _PREDICATES.get(name.casefold())
