"""Which grammar elements can start at a position, from the character found there.

A choice between alternatives (pyparsing's ``MatchFirst``) tries each in turn, and in a
PowerShell script about half of all such attempts fail at once because the
alternative cannot start with the character at hand (a string literal tried where a
``$`` stands).  :func:`may_start` answers "could this element do anything other than
fail right here, without side effects?" for a *key*: the character after any blanks
(space or tab) at the position, and whether blanks came first.  The compiled driver
(:mod:`~exshell.lang.compiled`) builds a table per choice from it and tries only the
alternatives that can start.

The answer is conservative: ``True`` whenever the analysis is not sure.  For a regex
element it reads the pattern with the standard library's regex parser and asks, for
the one concrete character, whether the pattern can match (or match empty) there;
the trivia prefix every token pattern starts with (``lexicon.TRIVIA``) is recognised
as text, since it consumes the blanks and stops at the first character that cannot
start trivia.  Only ASCII keys are analysed (a non-ASCII key tries every alternative).

Skipping an alternative that cannot start is exact, not a heuristic: such an
alternative would fail at the choice's own position without running any action, and
a choice reports the furthest failure of its alternatives, which is then the same.
Elements with a fail action (which raise their error when they fail) always count as
able to start.  ``tests/lang/test_compiled.py`` checks the analysis against the
regex engine on many strings per key.

Imported only when the grammar is built (it imports pyparsing).
"""
from __future__ import annotations

import re
import re._constants as C
import re._parser as P

import pyparsing as pp

from .lexicon import NL_TRIVIA, TRIVIA, LazyRegex

__all__ = ["may_start", "regex_may_start", "regex_masks", "preset", "key_at", "EOF"]

#: The key character at the end of the text.
EOF = ""

_START, _EMPTY = 1, 2
_CATEGORY_RE = {}


def _category(cat, c: str) -> bool:
    name = str(cat)
    pattern = _CATEGORY_RE.get(name)
    if pattern is None:
        text = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
                "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w",
                "CATEGORY_NOT_WORD": r"\W"}.get(name)
        if text is None:
            return True  # unknown category: could be anything
        pattern = _CATEGORY_RE[name] = re.compile(text)
    return pattern.match(c) is not None


def _variants(c: str, ignore_case: bool):
    if ignore_case:
        return {c, c.lower(), c.upper()}
    return {c}


def _one_char(op, av, c: str, ignore_case: bool, dotall: bool) -> bool:
    """Whether the single-character item (op, av) can match ``c``."""
    if op is C.LITERAL:
        return any(ord(x) == av for x in _variants(c, ignore_case))
    if op is C.NOT_LITERAL:
        return all(ord(x) != av for x in _variants(c, ignore_case)) or not ignore_case and ord(c) != av
    if op is C.ANY:
        return dotall or c != "\n"
    if op is C.IN:
        negate = bool(av) and av[0][0] is C.NEGATE
        items = av[1:] if negate else av
        hit = False
        for x in _variants(c, ignore_case):
            for iop, iav in items:
                if iop is C.LITERAL:
                    ok = ord(x) == iav
                elif iop is C.RANGE:
                    ok = iav[0] <= ord(x) <= iav[1]
                elif iop is C.CATEGORY:
                    ok = _category(iav, x)
                else:
                    return True  # unknown set item: be safe
                if ok:
                    hit = True
                    break
            if hit:
                break
        if negate:
            # A negated set under IGNORECASE excludes every case variant.
            return not hit
        return hit
    return True


def _seq(items, c: str, flags: int) -> int:
    """What a sequence can do at a position whose next character is ``c`` (EOF for
    the end): _START (consume c first), _EMPTY (match without consuming), both, or 0."""
    result = 0
    for op, av in items:
        r = _item(op, av, c, flags)
        result |= r & _START
        if not r & _EMPTY:
            return result
    return result | _EMPTY


def _item(op, av, c: str, flags: int) -> int:
    ignore_case = bool(flags & re.IGNORECASE)
    dotall = bool(flags & re.DOTALL)
    if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
        if c == EOF:
            return 0
        return _START if _one_char(op, av, c, ignore_case, dotall) else 0
    if op is C.AT:
        if av is C.AT_END_STRING:
            return _EMPTY if c == EOF else 0
        return _EMPTY  # other anchors: no constraint we rely on
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        return _seq(inner, c, (flags | add_flags) & ~del_flags)
    if op is C.ATOMIC_GROUP:
        return _seq(av, c, flags)
    if op is C.BRANCH:
        out = 0
        for alt in av[1]:
            out |= _seq(alt, c, flags)
        return out
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, inner = av
        r = _seq(inner, c, flags)
        return r | _EMPTY if low == 0 else r
    if op is C.ASSERT:
        direction, inner = av
        if direction < 0:
            return _EMPTY  # lookbehind: looks at what came before
        return _EMPTY if _seq(inner, c, flags) else 0
    if op is C.ASSERT_NOT:
        return _EMPTY
    return _START | _EMPTY  # group references, conditionals: anything


class _Pattern:
    """A regex element's pattern, split into its trivia prefix and the rest."""

    __slots__ = ("prefix", "parsed", "flags", "memo")

    def __init__(self, pattern: str, flags: int):
        if pattern.startswith(NL_TRIVIA):
            self.prefix, rest = "nl", pattern[len(NL_TRIVIA):]
        elif pattern.startswith(TRIVIA):
            self.prefix, rest = "trivia", pattern[len(TRIVIA):]
        else:
            self.prefix, rest = "", pattern
        try:
            self.parsed = list(P.parse(rest, flags))
        except Exception:  # not analysable (should not happen): always try it
            self.parsed = None
        self.flags = flags
        self.memo = {}

    def may_start(self, spaced: bool, c: str) -> bool:
        key = (spaced, c)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self._may_start(spaced, c)
        return found

    def _may_start(self, spaced: bool, c: str) -> bool:
        if self.parsed is None or (c != EOF and ord(c) > 127):
            return True
        if self.prefix:
            # Trivia swallows the blanks, then stops at c unless c can start more trivia.
            if c in "`<#" or (c.isspace() and (self.prefix == "nl" or c not in "\r\n")):
                return True
            return _seq(self.parsed, c, self.flags) != 0
        if spaced:
            return any(_seq(self.parsed, b, self.flags) for b in " \t")
        return _seq(self.parsed, c, self.flags) != 0


def regex_masks(pattern: str, flags: int) -> tuple:
    """The analysis of one pattern for every ASCII key, as two bit masks (not spaced,
    spaced): bit ``ord(c)`` for character ``c``, bit 128 for the end of the text."""
    p = _Pattern(pattern, flags)
    masks = []
    for spaced in (False, True):
        mask = 0
        for i, c in enumerate([chr(i) for i in range(128)] + [EOF]):
            if p.may_start(spaced, c):
                mask |= 1 << i
        masks.append(mask)
    return tuple(masks)


def preset(e, masks: tuple) -> None:
    """Give the regex element ``e`` its analysis, worked out beforehand (the compiled
    grammar keeps it: analysing patterns costs more than a start-up should)."""
    e.first_masks = masks


def regex_may_start(e, spaced: bool, c: str) -> bool:
    """Whether the pyparsing Regex ``e`` can match where the key is (spaced, c)."""
    masks = getattr(e, "first_masks", None)
    if masks is not None:
        if c == EOF:
            return bool(masks[spaced] >> 128 & 1)
        if ord(c) < 128:
            return bool(masks[spaced] >> ord(c) & 1)
        return True
    p = getattr(e, "first_pattern", None)
    if p is None:
        p = e.first_pattern = _Pattern(e.pattern, e.flags)
    return p.may_start(spaced, c)


def may_start(e, spaced: bool, c: str, _busy=None) -> bool:
    """Whether element ``e`` could do anything but fail at once, without side
    effects, where the key is (spaced, c).  Conservative: True when unsure."""
    if e.failAction is not None:
        return True
    kind = type(e)
    if kind is pp.Regex:
        return regex_may_start(e, spaced, c)
    if _busy is None:
        _busy = set()
    if id(e) in _busy:
        return True
    _busy.add(id(e))
    try:
        if kind is pp.And:
            return may_start(e.exprs[0], spaced, c, _busy) if e.exprs else True
        if kind is pp.MatchFirst:
            return any(may_start(x, spaced, c, _busy) for x in e.exprs)
        if kind is pp.OneOrMore or kind.__name__ in ("Nest", "InString") or kind is pp.Forward:
            return e.expr is None or may_start(e.expr, spaced, c, _busy)
        return True
    finally:
        _busy.discard(id(e))


_BLANKS = LazyRegex(r"[ \t]+")


def key_at(s: str, loc: int) -> str:
    """The dispatch key at ``loc``: the character there, or a blank followed by the
    character after the blanks (EOF: the empty string)."""
    c = s[loc:loc + 1]
    if c == " " or c == "\t":
        j = _BLANKS.match(s, loc).end()
        return " " + s[j:j + 1]
    return c
