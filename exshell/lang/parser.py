"""``parse(text) -> ast.Script``: running the grammar over one text.

* The grammar is built on first use, once per process, and shared: a parse keeps its
  own state in a :class:`~exshell.lang.state.ParseState`, current for its thread while
  it runs, so parses in several threads need no lock and leave nothing behind.
* Every error of a script is reported, as PowerShell does: after an error the parse
  resumes at the next line that starts in column 1.
* Deep nesting: the parse first runs straight through.  When the text nests too deeply
  for the Python stack (a RecursionError), it runs again with a nesting limit: each
  group that would go deeper is parsed on its own from a shallow stack, and its
  outcome recorded for the enclosing group (see :class:`~exshell.lang.elements.Nest`).
  The recursion limit itself is never changed.

This module imports pyparsing only when the grammar is built.
"""
from __future__ import annotations

import gc
import sys
from _thread import allocate_lock
from typing import Optional

from . import ast as A
from .errors import IncompleteInput, ParseError, ParseIssue
from .lexicon import LazyRegex
from .simple import parse_simple
from .state import Abort, ParseState, activate, diagnose, issue

__all__ = ["parse", "build_grammar", "parse_with"]

_BUILD_LOCK = allocate_lock()   # (_thread: threading costs the start-up its import)
_GRAMMAR = None


def grammar():
    """The shared grammar, built on first use."""
    global _GRAMMAR
    if _GRAMMAR is None:
        with _BUILD_LOCK:
            if _GRAMMAR is None:
                from .grammar import build
                _GRAMMAR = build()
    return _GRAMMAR


def build_grammar() -> None:
    """Build the grammar now (it is otherwise built on the first parse).  A REPL may call
    this in a background thread while it draws the first prompt."""
    grammar()


def parse(text: str, file: Optional[str] = None) -> A.Script:
    """Parse ``text`` into a :class:`~exshell.lang.ast.Script`.

    Raises :class:`ParseError` (or its subclass :class:`IncompleteInput` when more input
    could complete the text) carrying PowerShell's error id and a 1-based position.
    """
    if not isinstance(text, str):
        raise TypeError("parse() needs a str")
    # One line of plain commands needs no grammar (start-up: see simple.py).
    script = parse_simple(text, file)
    if script is not None:
        return script
    return parse_with(grammar(), text, file)


_RESUME = LazyRegex(r"(?:\r\n|\n|\r)(?=([^\s#}\])]))")
_MAX_ISSUES = 20
#: Python frames one level of guarded nesting may take, at most (measured: about 40
#: for a script block in a script block); used to pick the first nesting limit.
_FRAMES_PER_LEVEL = 60


def parse_with(root, text: str, file: Optional[str] = None) -> A.Script:
    """Parse ``text`` with the grammar ``root`` (see :func:`parse`)."""
    # The tree is freed by reference counting; the cyclic collector would only walk it
    # again and again while it grows (a tenth of the parse time on long scripts), so it
    # pauses during the parse (and is left as it was: a parse inside a parse, another
    # thread's parse or a caller that turned it off).
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _parse_with(root, text, file)
    finally:
        if paused:
            gc.enable()


def _parse_with(root, text: str, file: Optional[str]) -> A.Script:
    state = ParseState(text)
    with activate(state):
        statements = _statements(root, state, file)
        param_block = None
        if statements and isinstance(statements[0], A.ParamBlock):
            param_block, statements = statements[0], statements[1:]
        blocks: tuple = ()
        if statements and all(isinstance(x, A.NamedBlock) for x in statements):
            blocks, statements = tuple(statements), ()
        return A.Script(state.span(0, len(text)) if text else A.Span(0, 0, 1, 1),
                        statements, text, file, param_block, blocks)


def _statements(root, state: ParseState, file: Optional[str]) -> tuple:
    """The script's top-level statements, or ParseError with every issue found."""
    text = state.text
    try:
        issues = []
        start = 0
        while True:
            outcome = _parse_from(root, state, start)
            if not isinstance(outcome, ParseIssue):
                break
            issues.append(outcome)
            # Resume at the next line that starts in column 1 (likely a new top-level
            # statement).  Incomplete input runs to the end, so it is last.
            nxt = _RESUME.search(text, outcome.span.end)
            if outcome.incomplete or nxt is None or len(issues) >= _MAX_ISSUES:
                break
            start = nxt.start(1)
        if issues:
            incomplete = all(i.incomplete for i in issues)
            cls = IncompleteInput if incomplete else ParseError
            raise cls(issues, text, file) from None
        return outcome
    except RecursionError:
        raise ParseError([issue("ParserRecursionLimit", 0, 0)], text, file) from None
    except ParseError:
        raise
    except Exception as exc:  # a parser bug must still not reach the user raw
        raise ParseError([issue("ParserInternalError", 0, 0,
                                token=f"{type(exc).__name__}: {exc}")], text, file) from None


def _parse_from(root, state: ParseState, start: int):
    """Statements parsed from ``start`` to the end, or the first ParseIssue."""
    import pyparsing as pp
    try:
        loc, toks = _run(root, state, start)
    except Abort as a:
        return a.issue
    except pp.ParseBaseException as e:
        return diagnose(e.loc)
    if loc < len(state.text):
        return diagnose(loc)
    return tuple(toks)


def _run(root, state: ParseState, start: int):
    """``root`` parsed at ``start``: straight through, or group by group when the text
    is too deep for the stack."""
    try:
        return root._parse(state.text, start)
    except RecursionError:
        pass
    state.depth = state.in_string = 0
    state.last_op = ""
    room = sys.getrecursionlimit() - _stack_depth()
    state.nest_limit = max(1, room // _FRAMES_PER_LEVEL)
    while True:
        try:
            return _run_in_groups(root, state, start)
        except RecursionError:
            if state.nest_limit == 1:
                raise
            state.nest_limit //= 2


def _run_in_groups(root, state: ParseState, start: int):
    """Parse with ``state.nest_limit`` set: a group at the limit raises Deeper, is
    parsed on its own (its outcome recorded in ``state.memo``), and the group that
    contained it starts again.  Each run is at most ``nest_limit`` levels deep."""
    from .elements import Deeper

    pending = [(root, start, True, "", 0)]
    while True:
        elem, loc, do_actions, last_op, in_string = pending[-1]
        state.depth = 0
        state.last_op, state.in_string = last_op, in_string
        try:
            outcome = elem._parse(state.text, loc, do_actions)
        except Deeper as deeper:
            pending.append((deeper.elem, deeper.loc, deeper.do_actions, deeper.last_op,
                            deeper.in_string))
            continue
        except RecursionError:
            raise
        except Exception as exc:
            if len(pending) == 1:
                raise
            outcome = exc
        if len(pending) == 1:
            return outcome
        pending.pop()
        state.memo[(id(elem), loc, do_actions, in_string)] = outcome


def _stack_depth() -> int:
    frame, depth = sys._getframe(), 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1
    return depth
