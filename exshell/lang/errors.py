"""Parse errors.

A :class:`ParseError` holds one or more :class:`ParseIssue` (PowerShell reports every
parse error of a script, each with its own position).  :class:`IncompleteInput` is the
subclass raised when the text is a valid *prefix* of a script (unclosed quote, brace,
here-string or block comment, trailing pipe, operator, comma or backtick): the REPL
asks for another line instead of reporting it.

Ids and messages follow PowerShell's resources (``TerminatorExpectedAtEndOfString``,
``MissingEndCurlyBrace``, ...).  Ids are API, prose can change.

This module imports nothing else from exshell.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence, Tuple

from .ast import Span

__all__ = ["ParseIssue", "ParseError", "IncompleteInput"]


@dataclass(frozen=True)
class ParseIssue:
    error_id: str
    message: str
    span: Span
    #: The token PowerShell 2.0 names in ``(<Token>:TokenId)``, if known.
    token_name: Optional[str] = None
    #: True when this issue alone would make the input merely incomplete.
    incomplete: bool = False


class ParseError(Exception):
    """The text is not a valid script.  ``issues`` is never empty."""

    def __init__(self, issues: Sequence[ParseIssue], source: str = "", file: Optional[str] = None):
        self.issues: Tuple[ParseIssue, ...] = tuple(issues)
        self.source = source
        self.file = file
        super().__init__(self.issues[0].message if self.issues else "parse error")

    @property
    def first(self) -> ParseIssue:
        return self.issues[0]


class IncompleteInput(ParseError):
    """The text could become valid with more lines (REPL continuation)."""
