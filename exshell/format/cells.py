"""Display cells: how many console columns a piece of text occupies.

PowerShell measures every label, cell and wrapped line in *buffer cells*, not in
characters: East Asian wide and full-width characters take two cells, combining marks
none.  This module owns that measure for the whole ``exshell.format`` package, so the
table and list writers agree.

Imports nothing from exshell.  ``wcwidth`` (installed with prompt_toolkit) is imported lazily,
on the first character outside printable ASCII; without it we fall back to
``unicodedata.east_asian_width``.
"""
from __future__ import annotations

from typing import Callable, Optional

__all__ = ["char_width", "text_width", "head_split", "tail_split"]

_wcwidth: Optional[Callable[[str], int]] = None


def _load_wcwidth() -> Callable[[str], int]:
    global _wcwidth
    if _wcwidth is None:
        try:
            from wcwidth import wcwidth as impl  # type: ignore
        except ImportError:  # pragma: no cover - wcwidth ships with prompt_toolkit
            import unicodedata

            def impl(ch: str) -> int:
                if unicodedata.combining(ch):
                    return 0
                return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        _wcwidth = impl
    return _wcwidth


def char_width(ch: str) -> int:
    """Cells taken by one character (control characters count as one, as the
    console host's buffer-cell measure does)."""
    code = ord(ch)
    if 0x20 <= code < 0x7F:
        return 1
    width = _load_wcwidth()(ch)
    return 1 if width < 0 else width


def text_width(text: str) -> int:
    """Cells taken by ``text`` on one line."""
    if text.isascii():
        return len(text)
    return sum(char_width(c) for c in text)


def head_split(text: str, cells: int) -> int:
    """How many leading characters of ``text`` fit in ``cells`` cells."""
    used = 0
    for i, ch in enumerate(text):
        used += char_width(ch)
        if used > cells:
            return i
    return len(text)


def tail_split(text: str, cells: int) -> int:
    """How many trailing characters of ``text`` fit in ``cells`` cells."""
    used = 0
    for i, ch in enumerate(reversed(text)):
        used += char_width(ch)
        if used > cells:
            return i
    return len(text)
