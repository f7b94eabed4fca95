"""A lean driver for the pyparsing grammar: the same elements, run with less overhead.

pyparsing runs every element through ``ParserElement._parseNoCache``, which serves
every feature pyparsing has (whitespace skipping, debugging, results names, packrat,
parse-action arity guessing) and wraps every result in a ``ParseResults``.  The
grammar uses none of those features (trivia is explicit, no results names, actions
take ``(s, loc, toks)``), and the profile showed the wrapper and the result objects
were most of the parse time.

:func:`install` gives each element of a built grammar a ``_parse`` of its own kind,
made from the element's settings: a regex token matches and calls its actions; a
sequence, a choice, a repetition or an option loops over its children's ``_parse``
directly; token lists are plain lists.  Every other element keeps pyparsing's own
``parseImpl`` behind a small wrapper.  The matching rules are pyparsing's own (the
same alternatives in the same order, the furthest failure reported by a choice, the
same fail actions and exceptions); ``tests/lang/test_driver.py`` parses every test
input and a real-world corpus with both drivers and compares the trees and errors.

Imported only when the grammar is built (it imports pyparsing).
"""
from __future__ import annotations

import pyparsing as pp

try:  # the exception pyparsing raises for an IndexError inside a parse action
    from pyparsing.core import _ParseActionIndexError
except ImportError:  # pragma: no cover - other pyparsing releases
    class _ParseActionIndexError(Exception):
        def __init__(self, msg, exc):
            super().__init__(msg)
            self.msg = msg
            self.exc = exc

__all__ = ["install"]

ParseException = pp.ParseException
ParseResults = pp.ParseResults
#: What an Opt without a default value holds instead of one.
_NOT_MATCHED = pp.Opt(pp.Empty()).defaultValue


def install(root) -> None:
    """Replace ``_parse`` on every element reachable from ``root``."""
    elements = list(_all_elements(root))
    links = []
    for e in elements:
        fn, link = _make(e)
        links.append((e, link))
        e._parse = fn
    for e, link in links:
        if link is not None:
            link[:] = [c._parse for c in getattr(e, "exprs", None) or [e.expr]]


def _raw_actions(e):
    """The element's parse actions as the functions we wrote (pyparsing keeps them
    behind an arity-guessing wrapper; ours all take ``(s, loc, toks)``)."""
    out = []
    for fn in e.parseAction:
        code = getattr(fn, "__code__", None)
        raw = fn
        if code is not None and "func" in code.co_freevars and fn.__closure__:
            inner = fn.__closure__[code.co_freevars.index("func")].cell_contents
            inner_code = getattr(inner, "__code__", None)
            if inner_code is not None and inner_code.co_argcount == 3:
                raw = inner
        out.append(raw)
    return tuple(out)


def _tokens(value):
    """What pyparsing makes of an action's return value: a list stays a list, a
    ParseResults gives its tokens, anything else is one token."""
    if type(value) is list:
        return value
    if isinstance(value, ParseResults):
        return list(value)
    return [value]


def _run_actions(actions, s, start, toks):
    for fn in actions:
        try:
            value = fn(s, start, toks)
        except IndexError as exc:
            raise _ParseActionIndexError("IndexError raised in parse action", exc) from None
        if value is not None and value is not toks:
            toks = _tokens(value)
    return toks


def _make(e):
    kind = type(e)
    actions = _raw_actions(e) if e.parseAction and not e.callDuringTry else ()
    fail_action = e.failAction
    if kind is pp.Regex and not e.resultsName:
        return _regex(e, actions, fail_action), None
    if fail_action is None and not e.resultsName:
        link: list = []
        if kind is pp.And and not any(type(x) is pp.And._ErrorStop for x in e.exprs):
            return _sequence(e, actions, link), link
        if kind is pp.MatchFirst:
            return _choice(e, actions, link), link
        # Attributes some pyparsing releases lack (``max_count`` is 3.3.3+) read as unset.
        if kind in (pp.ZeroOrMore, pp.OneOrMore) and getattr(e, "not_ender", None) is None \
                and not e.ignoreExprs and getattr(e, "max_count", None) is None:
            return _repeat(e, actions, link, kind is pp.ZeroOrMore), link
        if kind is pp.Opt and e.defaultValue is _NOT_MATCHED:
            return _option(e, actions, link), link
    return _generic(e, actions, fail_action), None


def _regex(e, actions, fail_action):
    as_match = e.asMatch
    may_empty = e.mayReturnEmpty
    match = None
    action = actions[0] if len(actions) == 1 else None

    def parse(s, loc, do_actions=True, callPreParse=True):
        nonlocal match
        if match is None:
            match = e.re.match  # compiled on first use, like pyparsing's Regex
        if may_empty and loc > len(s):
            raise ParseException(s, loc, e.errmsg, e)
        m = match(s, loc)
        if m is None:
            err = ParseException(s, loc, e.errmsg, e)
            if fail_action is not None:
                fail_action(s, loc, e, err)
            raise err
        toks = [m] if as_match else [m.group(0)]
        if actions and do_actions:
            if action is not None:
                try:
                    value = action(s, loc, toks)
                except IndexError as exc:
                    raise _ParseActionIndexError("IndexError raised in parse action", exc) from None
                if value is not None and value is not toks:
                    toks = value if type(value) is list else _tokens(value)
            else:
                toks = _run_actions(actions, s, loc, toks)
        return m.end(), toks
    return parse


def _sequence(e, actions, kids):
    def parse(s, loc, do_actions=True, callPreParse=True):
        start = loc
        toks = []
        for kid in kids:
            loc, more = kid(s, loc, do_actions)
            if more:
                toks += more
        if actions and do_actions:
            toks = _run_actions(actions, s, start, toks)
        return loc, toks
    return parse


def _choice(e, actions, kids):
    def parse(s, loc, do_actions=True, callPreParse=True):
        max_loc = -1
        max_exc = None
        for kid in kids:
            try:
                end, toks = kid(s, loc, do_actions)
                break
            except pp.ParseFatalException as pfe:
                pfe.__traceback__ = None
                raise
            except ParseException as err:
                if err.loc > max_loc:
                    max_exc, max_loc = err, err.loc
            except IndexError:
                if len(s) > max_loc:
                    max_exc, max_loc = ParseException(s, len(s), e.errmsg, e), len(s)
        else:
            if max_exc is not None:
                if max_loc == loc:
                    max_exc.msg = e.errmsg or ""
                raise max_exc
            raise ParseException(s, loc, "no defined alternatives to match", e)
        if actions and do_actions:
            toks = _run_actions(actions, s, loc, toks)
        return end, toks
    return parse


def _repeat(e, actions, kids, zero_ok):
    def parse(s, loc, do_actions=True, callPreParse=True):
        start = loc
        kid = kids[0]
        try:
            loc, first = kid(s, loc, do_actions)
        except (ParseException, IndexError):
            if not zero_ok:
                raise
            toks = []
        else:
            toks = first
            try:
                while True:
                    loc, more = kid(s, loc, do_actions)
                    if more:
                        toks += more
            except (ParseException, IndexError):
                pass
        if actions and do_actions:
            toks = _run_actions(actions, s, start, toks)
        return loc, toks
    return parse


def _option(e, actions, kids):
    def parse(s, loc, do_actions=True, callPreParse=True):
        start = loc
        try:
            loc, toks = kids[0](s, loc, do_actions)
        except (ParseException, IndexError):
            toks = []
        if actions and do_actions:
            toks = _run_actions(actions, s, start, toks)
        return loc, toks
    return parse


def _generic(e, actions, fail_action):
    impl = e.parseImpl
    all_actions = _raw_actions(e) if e.parseAction else ()
    during_try = e.callDuringTry

    def parse(s, loc, do_actions=True, callPreParse=True):
        start = loc
        try:
            loc, toks = impl(s, loc, do_actions)
        except Exception as err:
            if fail_action is not None:
                fail_action(s, start, e, err)
            raise
        toks = _tokens(toks) if type(toks) is not list else toks
        if all_actions and (do_actions or during_try):
            toks = _run_actions(all_actions, s, start, toks)
        return loc, toks
    return parse


def _all_elements(root):
    seen = set()
    stack = [root]
    while stack:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        stack.extend(getattr(e, "exprs", None) or ())
        one = getattr(e, "expr", None)
        if one is not None:
            stack.append(one)
