"""Building syntax-tree nodes from what the tokens matched.

The grammar's parse actions call these: unescaping strings and bare words, number and
variable values, string nodes from their pieces, grouping a flat operator chain by
precedence (:func:`climb`), and the fast paths' re-scan of a whole match into the same
nodes the general rules build (:func:`fast_match`, :func:`fast_expression`).  The
small ``Piece``/``Post``/``Tok`` classes carry partial results between actions.
Spans come from the current parse (:func:`~exshell.lang.state.span`).
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import ast as A
from .lexicon import (BINOP_TOKEN, LazyRegex, DASH, DQ, DQ_CLASS, DQ_TEXT, OPERAND_TOKEN, PRECEDENCE, SQ,
                      SQ_CLASS, VARNAME)
from .state import Abort, abort, at_end, current, diagnose, span

_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
            "v": "\v"}
_DQ_UNESCAPE = LazyRegex(rf"`([\s\S])|{DQ_CLASS}({DQ_CLASS})")
SQ_UNESCAPE = LazyRegex(rf"{SQ_CLASS}({SQ_CLASS})")
BARE_UNESCAPE = LazyRegex(r"`([\s\S])")


def dq_unescape(raw: str) -> str:
    if "`" not in raw and not any(c in raw for c in DQ):
        return raw
    return _DQ_UNESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1))
                            if m.group(1) is not None else m.group(2), raw)


def bare_unescape(raw: str) -> str:
    if "`" not in raw:
        return raw
    return BARE_UNESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), raw)


_MULTIPLIERS = {"kb": 1 << 10, "mb": 1 << 20, "gb": 1 << 30, "tb": 1 << 40, "pb": 1 << 50}


def number(m: "re.Match", group: int) -> A.NumberConstant:
    text = m.group(group)
    neg = text[0] in DASH
    suf = (m.group("suf") or "").lower()
    mul = _MULTIPLIERS.get((m.group("mul") or "").lower(), 1)
    if m.group("hex") is not None:
        value = int(m.group("hex"), 16)
        # Hex literals are two's complement in their type: 0xFFFFFFFF is -1 (int).
        if value <= 0xFFFFFFFF and suf != "l":
            value = value - (1 << 32) if value >= 1 << 31 else value
        elif value <= 0xFFFFFFFFFFFFFFFF:
            value = value - (1 << 64) if value >= 1 << 63 else value
        if suf == "d":
            value = Decimal(value)
        value = value * mul
    else:
        dec = m.group("dec")
        if suf == "d":
            value = Decimal(dec) * mul
        elif "." in dec or "e" in dec or "E" in dec:
            value = float(dec) * mul
            if value.is_integer() and mul != 1 and "." not in dec and "e" not in dec.lower():
                value = int(value)
        else:
            value = int(dec) * mul
            if value >= 1 << 63 and suf != "l":
                value = Decimal(value) if value < 10 ** 28 else float(value)
    if neg:
        value = -value
    s, e = m.span(group)
    return A.NumberConstant(span(s, e), value, text.replace(text[0], "-", 1) if neg else text)


def variable(m: "re.Match", start: int, end: int, splat: bool = False) -> A.VariableExpr:
    braced = m.group("vb")
    if braced is not None:
        name = BARE_UNESCAPE.sub(lambda x: x.group(1), braced)
        scope = None
        if ":" in name:
            head, _, tail = name.partition(":")
            if head.lower() in ("global", "local", "script", "private", "using", "env",
                                "variable", "function", "alias"):
                scope, name = head.lower(), tail
    else:
        name = m.group("vn") or m.group("vc")
        scope = m.group("vs")
        scope = scope.lower() if scope else None
    return A.VariableExpr(span(start, end), name, scope, splat)


def _merge_parts(parts):
    out = []
    for p in parts:
        if isinstance(p, str):
            if not p:
                continue
            if out and isinstance(out[-1], str):
                out[-1] += p
                continue
        out.append(p)
    return tuple(out)


def string_node(parts, start, end, kind):
    parts = _merge_parts(parts)
    where = span(start, end)
    if all(isinstance(p, str) for p in parts):
        return A.StringConstant(where, "".join(parts), kind)
    return A.ExpandableString(where, parts, kind)


class Piece:
    """Intermediate: a piece of a string or bare word (text or expression)."""

    __slots__ = ("parts", "start", "end", "kind")

    def __init__(self, parts, start, end, kind="text"):
        self.parts, self.start, self.end, self.kind = parts, start, end, kind


class Post:
    """Intermediate: one postfix operation (member, call, index, ++/--)."""

    __slots__ = ("kind", "member", "static", "args", "end")

    def __init__(self, kind, member=None, static=False, args=(), end=0):
        self.kind, self.member, self.static, self.args, self.end = kind, member, static, args, end


class Tok:
    """Intermediate: a bare keyword or operator token with its span."""

    __slots__ = ("text", "start", "end", "kind")

    def __init__(self, text, start, end, kind=""):
        self.text, self.start, self.end, self.kind = text, start, end, kind

    def __repr__(self):  # debugging aid
        return f"Tok({self.text!r}, {self.start}, {self.end}, {self.kind!r})"


def norm_op(text: str) -> str:
    if text[0] in DASH and len(text) > 1 and text[1].isalpha():
        return text[1:].lower()
    if text[0] in DASH:
        return "-" + text[1:].replace("\u2013", "-").replace("\u2014", "-").replace("\u2015", "-") \
            if len(text) > 1 else "-"
    return text


def start_of(node) -> int:
    if isinstance(node, A.Node):
        return node.span.start
    return node.start


def end_of(node) -> int:
    if isinstance(node, A.Node):
        return node.span.end
    return node.end


def fast_value_action(s, loc, toks):
    """Parse action for FAST_OPERAND (see _build)."""
    return fast_match(toks[0])


def fast_argument_action(s, loc, toks):
    """Parse action for FAST_ARG."""
    return fast_argument(toks[0])


_WORDS = LazyRegex(r"[^\s,]+")


#: Compiled on first use: the (operand token, binary operator token, string text,
#: variable) matchers of the fast paths' re-scans.
_MATCHERS = None


_RESCANS = (LazyRegex(OPERAND_TOKEN), LazyRegex(BINOP_TOKEN, re.IGNORECASE),
            LazyRegex("(" + DQ_TEXT + ")"), LazyRegex("(" + r"\$" + VARNAME + ")"))


def _matchers():
    global _MATCHERS
    # The same patterns (and flags) as the grammar's tokens.
    _MATCHERS = tuple(r.compiled().match for r in _RESCANS)
    return _MATCHERS


def fast_expression(text, pos, end):
    """Build ``operand (op operand)*`` from ``pos`` (a fast-path match ending at ``end``)."""
    items = []
    operand, binop = (_MATCHERS or _matchers())[:2]
    while True:
        om = operand(text, pos)
        items.append(fast_match(om))
        pos = om.end()
        bm = binop(text, pos)
        if bm is None or bm.end() > end:
            break
        items.append(Tok(bm.group(1), bm.start(1), bm.end(1)))
        pos = bm.end()
    return climb(items)


def fast_match(m, whole=1):
    """Build the node for a match of one of the fast-path patterns."""
    g = m.group
    if g("fv") is not None:
        start = m.start("fv")
        chain = g("fm")
        var_end = m.end("fv") - len(chain)
        node = variable(m, start, var_end)
        if chain:
            pos = var_end
            for name in chain[1:].split("."):
                pos += 1 + len(name)
                node = A.MemberExpr(span(start, pos), node, name, False)
        # `$i++` (operand patterns only; the argument pattern has no such group)
        if "fi" in m.re.groupindex and g("fi") is not None:
            node = A.UnaryExpr(span(start, m.end("fi")), "++" if g("fi") == "++" else "--",
                               node, postfix=True)
        return node
    if g("fn") is not None:
        return number(m, "fn")
    if g("fs") is not None:
        value = g("fs")
        if any(c in value for c in SQ):
            value = SQ_UNESCAPE.sub(r"\1", value)
        return A.StringConstant(span(m.start(whole), m.end(whole)), value, "single")
    if g("fd") is not None:
        return A.StringConstant(span(m.start(whole), m.end(whole)), dq_unescape(g("fd")), "double")
    if "fx" in m.re.groupindex and g("fx") is not None:
        return _expandable(m, whole)
    if g("fp") is not None:
        return _parameter(m, whole)
    if g("fsb") is not None:
        node = fast_expression(current().text, m.start("fsbx"), m.end("fsbx"))
        pipe = A.Pipeline(node.span, (A.CommandExpression(node.span, node),))
        start, end = m.span("fsb")
        return A.ScriptBlockExpr(span(start, end), (pipe,), None, (), current().text[start + 1:end - 1])
    if g("fsp") is not None:
        return A.VariableExpr(span(m.start("fsp"), m.end("fsp")), g("fsp")[1:], None, True)
    if g("frd") is not None:
        rs, re_ = m.span("frd")
        stream, append = g("frs") or "1", g("fra") == ">>"
        if g("frm"):
            return A.Redirection(span(rs, re_), stream, append, None, g("frm"))
        target = A.VariableExpr(span(m.start("frn"), re_), "null", None, False)
        return A.Redirection(span(rs, re_), stream, append, target)
    if g("fl") is not None:
        base = m.start("fl")
        items = tuple(A.StringConstant(span(base + w.start(), base + w.end()), w.group(), "bare")
                      for w in _WORDS.finditer(g("fl")))
        return A.ArrayLiteral(span(items[0].span.start, items[-1].span.end), items)
    return A.StringConstant(span(m.start(whole), m.end(whole)), g("fw"), "bare")


def fast_argument(m):
    """:func:`fast_match` for a match of the argument pattern, its commonest kinds
    (a parameter, a bare word) looked at first."""
    g = m.group
    if g("fp") is not None:
        return _parameter(m, 1)
    word = g("fw")
    if word is not None:
        return A.StringConstant(span(m.start(1), m.end(1)), word, "bare")
    return fast_match(m)


def _parameter(m, whole):
    g = m.group
    pv = g("pv")
    if pv is None:
        return A.CommandParameter(span(m.start(whole), m.end(whole)), g("pn"), g("fp"),
                                  None, False)
    vs, ve = m.span("pv")
    if pv[0] == "$":
        arg = A.VariableExpr(span(vs, ve), pv[1:], None, False)
    else:
        arg = A.StringConstant(span(vs, ve), pv, "bare")
    return A.CommandParameter(span(m.start("fp"), ve), g("pn"), g("fp"), arg, True)


def _expandable(m, whole):
    """A double-quoted string with variables in it, re-scanned with the string
    rule's own text and variable tokens (the same pieces the general rule builds)."""
    text_match, var_match = (_MATCHERS or _matchers())[2:]
    s = m.string
    pos, end = m.span("fx")
    parts = []
    while pos < end:
        t = text_match(s, pos, end)
        if t is not None:
            parts.append(dq_unescape(t.group(1)))
            pos = t.end()
            continue
        v = var_match(s, pos, end)
        parts.append(variable(v, v.start(1), v.end(1)))
        pos = v.end()
    return string_node(parts, m.start(whole), m.end(whole), "double")


def climb(items):
    """Group ``operand (op operand)*`` by PowerShell precedence (all left-associative);
    ``op`` items are Tok.  Comma lists flatten into one ArrayLiteral."""
    if len(items) == 1:
        return items[0]
    operands = [items[0]]
    ops = []
    built_lists = set()

    def reduce():
        name = ops.pop()[0]
        right = operands.pop()
        left = operands.pop()
        where = span(left.span.start, right.span.end)
        if name == ",":
            if id(left) in built_lists:
                node = A.ArrayLiteral(where, left.items + (right,))
            else:
                node = A.ArrayLiteral(where, (left, right))
            built_lists.add(id(node))
            keep.append(node)
        else:
            node = A.BinaryExpr(where, name, left, right)
        operands.append(node)
    keep = []  # keeps ids in built_lists valid
    for i in range(1, len(items), 2):
        name = norm_op(items[i].text)
        prec = PRECEDENCE[name]
        while ops and ops[-1][1] >= prec:
            reduce()
        ops.append((name, prec))
        operands.append(items[i + 1])
    while ops:
        reduce()
    return operands[0]


def closed(items, closer, open_index=0):
    """The closing token of a bracketed construct, or abort with MissingEndCurlyBrace at
    the opening one (what PowerShell points at); incomplete when the text just ends."""
    last = items[-1]
    if isinstance(last, Tok) and last.text == closer and len(items) > open_index + 1:
        return last
    o = items[open_index]
    after = end_of(last)
    if at_end(after):
        abort("MissingEndCurlyBrace", o.start, o.end, incomplete=True)
    issue = diagnose(after)
    if issue.error_id != "UnexpectedToken" or issue.incomplete:
        raise Abort(issue)
    abort("MissingEndCurlyBrace", o.start, o.end)


def norm_assign(text: str) -> str:
    if text[0] in DASH:
        return "-="
    return text
