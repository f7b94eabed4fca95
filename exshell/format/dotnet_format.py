""".NET format strings for the ``FormatString`` key of calculated properties.

``@{n='Days';e={...};FormatString='N0'}`` formats the value with .NET's
``ToString(format)`` in the session culture (en-US); a string containing ``{0`` or
``}`` is a composite format (``'{0:N2} GB'``).  The rules live in
:mod:`exshell.engine.netformat`, the same code ``-f`` and ``ToString(format)`` use;
here a format that .NET would reject falls back to the value's plain display text, as
PowerShell swallows formatting errors in views.

Imports only sibling modules and ``exshell.engine.netformat``.
"""
from __future__ import annotations

from typing import Any, Callable

from exshell.engine.netformat import FormatError, composite, format_value

from .values import display_string

__all__ = ["apply_format_string"]


def apply_format_string(value: Any, fmt: str,
                        fallback: Callable[[Any], str] = display_string) -> str:
    """``value`` formatted with the .NET format string ``fmt`` (en-US)."""
    try:
        if "{0" in fmt or "}" in fmt:
            return composite(fmt, [value])
        if not fmt:
            return fallback(value)
        text = format_value(value, fmt)
    except (FormatError, ArithmeticError):
        return fallback(value)
    return text
