"""The state of one parse, and the errors the grammar raises from it.

The grammar is built once and shared; what belongs to one parse (the text, its line
starts, the last operator read, the nesting bookkeeping) lives in a
:class:`ParseState` made for that parse.  The parser makes it the *current* state of
its thread while it runs (:func:`activate`), so parses in different threads, or a
parse started from inside another one, never see each other's state.  Nothing here
touches process-wide settings.

The error helpers (:func:`issue`, :func:`abort`, :func:`diagnose`, :func:`fail_with`)
read the current state to turn an offset into a 1-based line and column.
"""
from __future__ import annotations

import re
import sys
from _thread import _local
from bisect import bisect_right
from typing import Optional

from . import ast as A
from .errors import MESSAGES, ParseIssue
from .lexicon import DASH_CLASS, DQ, NL_TRIVIA, SQ, TRIVIA, VARSTART, LazyRegex

__all__ = ["ParseState", "Abort", "current", "activate", "span", "issue", "abort", "at_end",
           "diagnose", "fail_with", "fail_unexpected"]


class Abort(Exception):
    """Raised from parse actions to stop parsing with one issue (not a pyparsing error,
    so no alternative swallows it)."""

    def __init__(self, issue: ParseIssue):
        super().__init__(issue.message)
        self.issue = issue


#: How many characters this process has parsed (every text counts once, when its parse
#: starts): the compiled driver switches its fast paths on from a threshold.
PARSED = [0]


class ParseState:
    """What one parse knows besides the grammar.

    ``last_op`` is the operator token read last (messages name it); ``unsup_end`` is
    where the last recognised-but-unsupported statement ended.  ``depth``,
    ``nest_limit`` and ``memo`` belong to the nesting guard (see ``elements.Nest``):
    how many guarded rules are open, how many may be (unlimited unless the text is
    too deep for the stack), and the outcomes of groups already parsed on their own.
    ``in_string`` counts the double-quoted strings whose ``$( )`` the parse is in.
    """

    __slots__ = ("text", "starts", "last_op", "unsup_end", "depth", "nest_limit", "memo",
                 "in_string")

    def __init__(self, text: str):
        self.text = text
        PARSED[0] += len(text)
        self.starts = [0]
        self.starts.extend(m.end() for m in re.finditer("\n", text))
        self.last_op = ""
        self.unsup_end = 0
        self.depth = 0
        self.nest_limit = sys.maxsize
        self.memo: dict = {}
        #: How many double-quoted strings' subexpressions the parse is inside.
        self.in_string = 0

    def span(self, start: int, end: int) -> A.Span:
        starts = self.starts
        i = bisect_right(starts, start) - 1
        return _new(_Span, (start, end, i + 1, start - starts[i] + 1))


#: The thread's current parse (``current_parse.state``).
current_parse = _local()     # threading.local; threading itself costs the start-up its import


def current() -> ParseState:
    """The state of the parse running in this thread."""
    return current_parse.state


class activate:
    """``with activate(state):`` makes ``state`` current in this thread, and restores
    the previous one (a parse inside a parse) afterwards."""

    __slots__ = ("state", "previous")

    def __init__(self, state: ParseState):
        self.state = state
        self.previous = None

    def __enter__(self) -> ParseState:
        self.previous = getattr(current_parse, "state", None)
        current_parse.state = self.state
        return self.state

    def __exit__(self, *exc) -> None:
        current_parse.state = self.previous


_new = tuple.__new__
_Span = A.Span


def span(start: int, end: int) -> A.Span:
    """The span from ``start`` to ``end`` in the current parse's text."""
    starts = current_parse.state.starts
    i = bisect_right(starts, start) - 1
    return _new(_Span, (start, end, i + 1, start - starts[i] + 1))


# ------------------------------------------------------------------ errors

# (Compiled on first use: errors and a few actions need them, a start-up does not.)
_REST_EMPTY = LazyRegex(NL_TRIVIA + r"\Z")
_SKIP = LazyRegex(TRIVIA)
_TOKEN_TEXT = LazyRegex(
    rf"&&|\|\||{DASH_CLASS}?[\w$@\-\u2013\u2014\u2015.:\\/?*%+=~^!]+|[{SQ}{DQ}][^\r\n]*|[^\s]")


def _token_at(text: str, loc: int) -> tuple[int, int, str]:
    """The token starting at (or after trivia from) ``loc``: (start, end, text)."""
    loc = _SKIP.match(text, loc).end()
    m = _TOKEN_TEXT.match(text, loc)
    if not m:
        return loc, loc, ""
    return loc, m.end(), m.group()


def issue(error_id: str, start: int, end: Optional[int] = None, *, token: str = "",
          incomplete: bool = False) -> ParseIssue:
    if end is None:
        end = start
    template = MESSAGES[error_id]
    # Only messages that name a token carry one (the caller may pass a stale operator).
    if "{token}" not in template:
        token = ""
    return ParseIssue(error_id, template.format(token=token), span(start, end),
                      token_name=token or None, incomplete=incomplete)


def abort(error_id, start, end=None, *, token="", incomplete=False):
    raise Abort(issue(error_id, start, end, token=token, incomplete=incomplete))


def at_end(loc: int) -> bool:
    """Nothing but trivia and newlines from ``loc`` to the end of the text."""
    return _REST_EMPTY.match(current_parse.state.text, loc) is not None


def diagnose(loc: int) -> ParseIssue:
    """Explain why no token could be read at ``loc`` (after trivia)."""
    text = current_parse.state.text
    start = _SKIP.match(text, loc).end()
    if text.startswith("<#", start):
        return issue("MissingTerminatorMultiLineComment", start, start + 2, incomplete=True)
    if start < len(text) and text[start] == "`" and _REST_EMPTY.match(text, start + 1):
        return issue("IncompleteString", start, start + 1, incomplete=True)
    s, e, tok = _token_at(text, start)
    if not tok:
        return issue("UnexpectedToken", s, e, token="")
    if tok in ("&&", "||"):
        return issue("InvalidEndOfLine", s, e, token=tok)
    if tok[0] == "<":
        return issue("RedirectionNotSupported", s, s + 1)
    if tok[0] == "&":
        return issue("AmpersandNotAllowed", s, s + 1)
    if tok[0] == "|":
        return issue("EmptyPipeElement", s, s + 1)
    if tok[0] == "$" and (len(tok) == 1 or not re.match(VARSTART, tok[1])):
        return issue("InvalidVariableReference", s, s + 1)
    return issue("UnexpectedToken", s, e, token=tok)


def fail_with(error_id, *, token="", incomplete_at_end=True, need_more_ok=True):
    """A parse-action function that aborts at the failure point."""
    def action(s, loc, toks):
        state = current_parse.state
        start = _SKIP.match(state.text, loc).end()
        if incomplete_at_end and at_end(loc):
            abort(error_id, start, start, token=token or state.last_op, incomplete=True)
        if not need_more_ok:
            abort(error_id, start, start, token=token or state.last_op)
        found = diagnose(loc)
        if found.incomplete or found.error_id != "UnexpectedToken":
            raise Abort(found)
        abort(error_id, found.span.start, found.span.end, token=token or state.last_op)
    return action


def fail_unexpected(s, loc, toks):
    raise Abort(diagnose(loc))
