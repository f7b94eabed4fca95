"""The PowerShell language as data: grammar, syntax tree and parse errors.

``parse(text)`` turns PowerShell-like text into an :class:`~exshell.lang.ast.Script`,
or raises :class:`~exshell.lang.errors.ParseError` (:class:`IncompleteInput` when more
lines could complete it).  Nothing in this package runs code, and it imports nothing
else from exshell.
"""
from .errors import IncompleteInput, ParseError, ParseIssue

__all__ = ["parse", "build_grammar", "ParseError", "IncompleteInput", "ParseIssue"]


def parse(text, file=None):
    """Parse ``text`` into a Script (the grammar is built on first use)."""
    from .parser import parse as _parse
    return _parse(text, file=file)


def build_grammar():
    """Build the grammar now instead of on the first parse (a REPL can call this in a
    background thread while it shows its first prompt)."""
    from .parser import build_grammar as _build
    _build()
