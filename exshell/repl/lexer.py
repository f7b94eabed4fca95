"""Syntax highlighting of the input line(s), from :mod:`exshell.repl.tokens`.

:func:`highlight` turns text into ``(style, text)`` fragments per line (plain data,
tested without a terminal); :func:`make_lexer` wraps it as a prompt_toolkit Lexer.
The colours follow PSReadLine's defaults (commands yellow, parameters and
operators grey, strings cyan, variables and keywords green, comments dark green)
and live in :data:`STYLE_RULES`.
"""
from __future__ import annotations

from typing import List, Tuple

from .tokens import tokenize

__all__ = ["highlight", "make_lexer", "STYLE_RULES", "style_class"]

#: prompt_toolkit style rules for the token classes (``class:ps.<kind>``).
STYLE_RULES = {
    "ps.command": "ansiyellow",
    "ps.function": "ansiyellow",
    "ps.parameter": "ansibrightblack",
    "ps.operator": "ansibrightblack",
    "ps.string": "ansicyan",
    "ps.variable": "ansibrightgreen",
    "ps.keyword": "ansibrightgreen",
    "ps.comment": "ansigreen",
    "ps.number": "",
    "ps.type": "ansigray",
    "ps.member": "",
    "ps.argument": "",
    "ps.punctuation": "",
    "ps.whitespace": "",
}

Fragments = List[Tuple[str, str]]


def style_class(kind: str) -> str:
    return "class:ps.%s" % kind


def highlight(text: str) -> List[Fragments]:
    """The fragments of each line of ``text`` (a token spanning lines is split)."""
    lines: List[Fragments] = [[]]
    pos = 0
    for tok in tokenize(text):
        if tok.start > pos:  # a gap the tokenizer skipped: keep the text
            _append(lines, "", text[pos:tok.start])
        _append(lines, style_class(tok.kind), text[tok.start:tok.end])
        pos = tok.end
    if pos < len(text):
        _append(lines, "", text[pos:])
    return lines


def _append(lines: List[Fragments], style: str, chunk: str) -> None:
    parts = chunk.split("\n")
    for k, part in enumerate(parts):
        if k:
            lines.append([])
        if part:
            lines[-1].append((style, part.rstrip("\r")))


def make_lexer():
    """A prompt_toolkit Lexer over :func:`highlight` (imports prompt_toolkit)."""
    from prompt_toolkit.lexers import Lexer

    class PowerShellLexer(Lexer):
        def lex_document(self, document):
            try:
                lines = highlight(document.text)
            except Exception:  # highlighting must never break the prompt
                lines = [[("", line)] for line in document.lines]

            def get_line(lineno: int):
                return lines[lineno] if 0 <= lineno < len(lines) else []

            return get_line

    return PowerShellLexer()
