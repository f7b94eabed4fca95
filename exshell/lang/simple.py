"""The shortest way through the parser: one line of plain commands, without the grammar.

Building the grammar (importing pyparsing, making the elements, binding the compiled
functions) costs more than everything else a one-line ``exshell -Command
Get-ExchangeCertificate`` does.  Such a line needs none of it, so :func:`parse_simple`
takes the commonest one-liners with one small regular expression and builds the very
tree the grammar builds; for anything else it returns ``None`` and the grammar parses.

What it takes, and nothing more (one line, blanks being spaces and tabs):

* a pipeline of commands separated by ``|``;
* each command a name made of ASCII letters, digits, ``_`` and ``-``, starting with a
  letter, that is not a keyword;
* each argument, after blanks, a parameter ``-Name`` (ASCII letters, digits, ``_``;
  no ``:value``), a bare word starting with an ASCII letter or ``*`` made of letters,
  digits and ``_ . - \\ / : * ?`` (``fl *``, ``*.txt``), a word of ASCII letters and digits starting with a digit that is
  not a number (a thumbprint; ``5``, ``1kb``, ``0x1F`` go to the grammar), or a
  single-quoted string with no quote inside; each ends at a blank, a ``|`` or the end
  of the line.

``tests/lang/test_simple.py`` checks, for every input of that language it draws and a
table of near misses, that the tree is the grammar's (and that a near miss is left to
the grammar).
"""
from __future__ import annotations

import re
from typing import Optional

from . import ast as A
from .lexicon import KEYWORDS, NUMBER_UNNAMED

__all__ = ["parse_simple"]

_ARG = (r"(?:-[A-Za-z][A-Za-z0-9_]*|[A-Za-z*][A-Za-z0-9_.\\/:*?-]*|[0-9][A-Za-z0-9]*"
        r"|'[^'\u2018\u2019\u201a\u201b\r\n]*')")
_CMD = rf"[A-Za-z][A-Za-z0-9_-]*(?:[ \t]+{_ARG})*"
#: A whole line of the language above (it is small: it compiles in well under a ms).
_LINE = rf"[ \t]*{_CMD}(?:[ \t]*\|[ \t]*{_CMD})*[ \t]*"
#: One word of such a line (the line has been checked: every word is one of these).
_WORD = r"\||'[^']*'|[^ \t|]+"

_KEYWORDS = frozenset(KEYWORDS)
_line = None
_word = None
_number = None


def parse_simple(text: str, file: Optional[str] = None) -> Optional[A.Script]:
    """The Script the grammar would make of ``text``, when ``text`` is one line of
    plain commands (see the module's description); otherwise ``None``."""
    global _line, _word, _number
    if len(text) > 4096 or not text:
        return None
    if _line is None:
        _line, _word, _number = re.compile(_LINE), re.compile(_WORD), re.compile(NUMBER_UNNAMED)
    if _line.fullmatch(text) is None:
        return None
    elements = []
    name = None         # the command being read: (start, end, text)
    args: list = []
    last = 0

    def close():
        ns, ne, word = name
        elements.append(A.CommandCall(_span(ns, last), word, _span(ns, ne), tuple(args), "", ()))

    for m in _word.finditer(text):
        start, end = m.span()
        word = m.group()
        if word == "|":
            close()
            name = None
            continue
        if name is None:
            if word.lower() in _KEYWORDS:
                return None
            name = (start, end, word)
            args = []
            last = end
            continue
        if word[0] == "-":
            args.append(A.CommandParameter(_span(start, end), word[1:], word, None, False))
        elif word[0] <= "9" and _number.fullmatch(word):
            return None         # a number (5, 1kb, 0x1F, 1e3): the grammar's NumberConstant
        elif word[0] == "'":
            args.append(A.StringConstant(_span(start, end), word[1:-1], "single"))
        else:
            args.append(A.StringConstant(_span(start, end), word, "bare"))
        last = end
    close()
    pipeline = A.Pipeline(_span(elements[0].span.start, elements[-1].span.end), tuple(elements))
    return A.Script(_span(0, len(text)), (pipeline,), text, file, None, ())


def _span(start: int, end: int) -> A.Span:
    return A.make_span(start, end, 1, start + 1)
