"""The pyparsing building blocks every grammar section uses.

* No element skips whitespace: trivia is explicit in the token regexes
  (:func:`~exshell.lang.lexicon.token_pattern`), so :func:`tok` (trivia first),
  :func:`tok_nl` (newlines too) and :func:`glued` (nothing before: ``$x.Name``) are
  the three ways to make a token.
* Errors are raised eagerly by "expected X" alternatives (:func:`fail`) or by a fail
  action on an element used in one place (:func:`must`), so the position is exact.
* :class:`Nest` guards the rules through which the grammar recurses (see its doc).

Imported only when the grammar is built (it imports pyparsing).
"""
from __future__ import annotations

import pyparsing as pp

from .lexicon import NL_TRIVIA, TRIVIA, token_pattern
from .nodes import Tok
from .state import current_parse, current, fail_with

__all__ = ["LRegex", "tok", "tok_nl", "glued", "alt", "must", "fail", "act", "look", "drop",
           "as_tok", "token", "Nest", "Deeper", "InString"]


def LRegex(empty, pattern, flags=0, as_match=False):
    """A Regex compiled on first use (most of the grammar's build time is regex
    compilation, and a one-line command touches only a fraction of the tokens).
    ``empty`` says whether it can match the empty string, which pyparsing would
    otherwise compile the pattern to find out."""
    r = pp.Regex(pattern, flags=flags, as_match=as_match)
    r.mayReturnEmpty = empty
    return r


def tok(p, flags=0, nl_after=False):
    return LRegex(False, token_pattern(p, nl_after), flags=flags, as_match=True)


def tok_nl(p, flags=0, nl_after=False):
    return LRegex(False, token_pattern(p, nl_after, nl_before=True), flags=flags, as_match=True)


def glued(p, flags=0, nl_after=False):
    tail = NL_TRIVIA if nl_after else ""
    return LRegex(False, "(" + p + ")" + tail, flags=flags, as_match=True)


def alt(*exprs):
    """``a | b`` when ``a`` is a Forward: pyparsing's Forward.__or__ inspects the call
    stack (a warning check; costly at start-up), MatchFirst itself does not."""
    return pp.MatchFirst(list(exprs))


def must(elem, error_id, **kw):
    """``elem | fail(error_id)`` for an element used in this one place: the error is
    raised by its fail action, which saves an alternative (an element call) per use."""
    action = fail_with(error_id, **kw)
    elem.set_fail_action(lambda s, loc, expr, err: action(s, loc, None))
    return elem


def fail(error_id, **kw):
    return pp.Empty().set_parse_action(fail_with(error_id, **kw))


def act(elem, fn):
    elem.set_parse_action(fn)
    return elem


def drop(s, l, t):
    return []


def look(p):
    """A zero-width check (consumes only trivia)."""
    return LRegex(True, TRIVIA + "(?=" + p + ")").set_parse_action(drop)


def as_tok(kind=""):
    def action(s, l, t):
        m = t[0]
        return Tok(m.group(1), m.start(1), m.end(1), kind)
    # The compiled driver writes this action out inline (it is the commonest).
    action.tok_kind = kind
    return action


def token(p, kind="", flags=0, nl_after=False, nl_before=False):
    maker = tok_nl if nl_before else tok
    return act(maker(p, flags, nl_after), as_tok(kind))


# ------------------------------------------------------------------ nesting guard

class Deeper(BaseException):
    """Raised by a :class:`Nest` at the nesting limit: parse this group on its own
    first.  A BaseException, so no ``except Exception`` on the way up catches it."""

    def __init__(self, elem: "Nest", loc: int, do_actions: bool, last_op: str, in_string: int):
        super().__init__()
        self.elem, self.loc, self.do_actions = elem, loc, do_actions
        self.last_op, self.in_string = last_op, in_string


class Nest(pp.ParseElementEnhance):
    """A rule through which the grammar recurses (every cycle in the grammar passes
    through one): it counts how deep the parse is in such rules.

    A parse normally has no limit.  When a text is nested too deeply for the Python
    stack, the parser sets ``nest_limit``: at that depth a Nest does not go on but
    raises :class:`Deeper`; the parser then parses that group on its own, from a
    shallow stack, records the outcome in ``memo`` and starts the enclosing group
    again, which now takes the recorded outcome at that point.  So any depth parses
    with a bounded stack and without changing the recursion limit.
    """

    def parseImpl(self, instring, loc, do_actions=True):
        state = current_parse.state
        if state.depth >= state.nest_limit:
            found = state.memo.get((id(self), loc, do_actions, state.in_string))
            if found is None:
                raise Deeper(self, loc, do_actions, state.last_op, state.in_string)
            if isinstance(found, BaseException):
                raise found.with_traceback(None)
            end, tokens = found
            return end, tokens.copy()
        state.depth += 1
        try:
            return self.expr._parse(instring, loc, do_actions, callPreParse=False)
        finally:
            state.depth -= 1


class InString(pp.ParseElementEnhance):
    """The statements of a ``$( )`` inside a double-quoted string: while they parse,
    ``in_string`` says so (there a backtick-quote also delimits a string)."""

    def parseImpl(self, instring, loc, do_actions=True):
        state = current()
        state.in_string += 1
        try:
            return self.expr._parse(instring, loc, do_actions, callPreParse=False)
        finally:
            state.in_string -= 1
