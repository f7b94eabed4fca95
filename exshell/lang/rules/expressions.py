"""Expressions: postfix operations (members, calls, indexes, ``++``/``--``), groupings
(``( )``, ``$( )``, ``@( )``), hash literals, script blocks, type literals and casts,
unary operators, and binary operator chains.

Binary operators (and the comma, which binds tighter than all of them) are parsed flat,
``operand (op operand)*``, and grouped by precedence in a parse action
(:func:`~exshell.lang.nodes.climb`): one regex per operator slot instead of sixteen
nested grammar levels, and no recursion however long the chain.
"""
from __future__ import annotations

import re

import pyparsing as pp

from .. import ast as A
from ..elements import LRegex, Nest, act, alt, as_tok, drop, fail, glued, look, must, tok, token
from ..lexicon import (BINOPS, BLANK, DASH_CLASS, FAST_OPERAND, NEWLINE, NL_TRIVIA,
                       SPACED_INCDEC, TRIVIA, TYPE_HEAD, TYPENAME)
from ..nodes import Post, Tok, climb, closed, end_of, fast_value_action, norm_op
from ..state import abort, at_end, current, fail_unexpected, span

CI = re.IGNORECASE


def build(g) -> None:
    groupings(g)
    postfix_operations(g)
    hash_literals(g)
    script_blocks(g)
    operands(g)
    operators(g)


# ------------------------------------------------------------------ postfix operations

def _member_action(s, l, t):
    m = t[0]
    return Tok(m.group("mn"), m.start(1), m.end(1), "::" if m.group("op") == "::" else ".")


def _call_action(s, l, t):
    items = list(t)
    args = tuple(x for x in items[1:-1] if not isinstance(x, Tok))
    return Post("call", args=args, end=items[-1].end)


def _member_post_action(s, l, t):
    items = list(t)
    name_tok = items[0]
    static = name_tok.kind == "::" or (name_tok.kind == "dyn" and name_tok.text == "::")
    if name_tok.kind == "dyn":
        member = items[1]
        rest = items[2:]
    else:
        member = name_tok.text
        rest = items[1:]
    if rest:
        call = rest[0]
        return Post("invoke", member, static, call.args, call.end)
    return Post("member", member, static, end=end_of(items[-1]))


def _index_action(s, l, t):
    items = list(t)
    return Post("index", items[1], end=items[-1].end)


def postfix_action(s, l, t):
    """An operand followed by its postfix operations, as one node."""
    items = list(t)
    node = items[0]
    for p in items[1:]:
        start = node.span.start
        if p.kind == "member":
            node = A.MemberExpr(span(start, p.end), node, p.member, p.static)
        elif p.kind == "invoke":
            node = A.InvokeMemberExpr(span(start, p.end), node, p.member, p.args, p.static)
        elif p.kind == "index":
            node = A.IndexExpr(span(start, p.end), node, p.member)
        elif p.kind == "incdec":
            node = A.UnaryExpr(span(start, p.end), p.member, node, postfix=True)
    return node


def postfix_operations(g) -> None:
    expr_nc, expression = g.expr_nc, g.expression
    # A line break may follow the operator (`[X]::M().<newline>Name`).
    member_name = act(glued(rf"(?P<op>\.|::)(?:{NEWLINE}{BLANK}*)?(?P<mn>\w+)"), _member_action)
    member_op_dyn = act(glued(r"\.|::(?=[$'\"\u2018\u2019\u201a\u201b\u201c\u201d\u201e(])"),
                        lambda s, l, t: Tok(t[0].group(1), t[0].start(1), t[0].end(1), "dyn"))
    call_open = act(glued(r"\(", nl_after=True), as_tok())
    call_close = must(token(r"\)", nl_before=True), "MissingEndParenthesisInMethodCall")
    # Line breaks may stand before a comma between arguments too (`M($a<newline>, $b)`).
    call_comma = token(",", nl_after=True, nl_before=True)
    call_args = call_open + pp.Opt(expr_nc + pp.ZeroOrMore(
        call_comma + alt(expr_nc, fail("MissingExpression", token=",")))) + call_close
    call = act(call_args, _call_action)
    # `.ForEach{ }`, `.Where{ }`: a script block right after the name is the one argument.
    block_call = act(LRegex(True, r"(?=\{)").set_parse_action(drop) + g.script_block,
                     lambda s, l, t: Post("call", args=(t[0],), end=t[0].span.end))
    # Dynamic member names: `.$name`, `.'name'`, `.($expr)`, `.$($expr)`.
    dyn_member = g.VARIABLE_G | g.STRING_G | g.SUBEXPR_G | g.PAREN
    member = act((member_name | (member_op_dyn + dyn_member)) + pp.Opt(call | block_call),
                 _member_post_action)
    member_missing = LRegex(False, r"\.(?!\.)|::").set_parse_action(
        lambda s, l, t: abort("MissingPropertyName", l + len(t[0]), l + len(t[0]),
                              incomplete=at_end(l + len(t[0]))))

    index_open = act(glued(r"\[", nl_after=True), as_tok())
    index_close = must(token(r"\]", nl_before=True), "MissingEndSquareBracket")
    index = act(index_open + alt(expression, fail("MissingArrayIndexExpression")) + index_close,
                _index_action)
    g.POSTFIX = member | index | member_missing
    g.POSTFIX_GUARD = LRegex(True, r"(?=[.:\[])").set_parse_action(drop)


# ------------------------------------------------------------------ groupings

def _paren_action(s, l, t):
    items = list(t)
    o, c = items[0], items[-1]
    return A.ParenExpr(span(o.start, c.end), items[1])


def _array_action(s, l, t):
    items = list(t)
    o, c = items[0], items[-1]
    return A.ArrayExpr(span(o.start, c.end), tuple(items[1:-1]))


def groupings(g) -> None:
    g.PAREN = act(g.LPAREN + alt(g.fast_pipeline, fail("ExpectedExpression", token="(")) +
                  must(token(r"\)", nl_before=True), "MissingEndParenthesisInExpression"),
                  _paren_action)
    g.SUBEXPR = act(act(tok(r"\$\(", nl_after=True), as_tok()) + g.statements + g.SUB_CLOSE,
                    g.sub_action)
    g.ARRAYEXPR = act(token(r"@\(", nl_after=True) + g.statements +
                      (token(r"\)", nl_before=True) | fail("MissingEndParenthesisInSubexpression")),
                      _array_action)


# ------------------------------------------------------------------ hash literals

def _hash_entry_action(s, l, t):
    items = list(t)
    return ((items[0], items[2]),)


def _hash_action(s, l, t):
    items = list(t)
    o, c = items[0], items[-1]
    pairs = tuple(p[0] for p in items[1:-1])
    seen = {}
    for k, _v in pairs:
        if isinstance(k, (A.StringConstant, A.NumberConstant)):
            key = str(k.value).lower()
            if key in seen:
                abort("DuplicateKeyInHashLiteral", k.span.start, k.span.end,
                      token=str(k.value))
            seen[key] = True
    return A.HashLiteral(span(o.start, c.end), pairs)


def hash_literals(g) -> None:
    key_word = act(tok(r"(?:[^\W\d]|_)[\w\-]*+"),
                   lambda s, l, t: A.StringConstant(span(t[0].start(1), t[0].end(1)),
                                                    t[0].group(1), "bare"))
    key = key_word | g.unary
    equals = token("=(?!=)", nl_after=True)
    entry = key + (equals | fail("MissingEqualsInHashLiteral", incomplete_at_end=True)) + \
        alt(g.statement, fail("MissingExpression", token="="))
    entry.set_parse_action(_hash_entry_action)
    entry_end = look(r"[;\r\n}]|\Z") | act(pp.Empty(), fail_unexpected)
    guard = LRegex(True, TRIVIA + r"(?![}]|\Z)").set_parse_action(drop)
    g.HASH = act(token(r"@\{") + pp.Opt(g.SEPS) + pp.ZeroOrMore(g.SEPS | guard + entry + entry_end) +
                 (g.RBRACE_NL | fail("IncompleteHashLiteral")), _hash_action)


# ------------------------------------------------------------------ script blocks

def _sb_action(s, l, t):
    items = list(t)
    o, c = items[0], closed(items, "}")
    inner = items[1:-1]
    pb = None
    if inner and isinstance(inner[0], A.ParamBlock):
        pb = inner[0]
        inner = inner[1:]
    text = current().text[o.end:c.start]
    if inner and all(isinstance(x, A.NamedBlock) for x in inner):
        return A.ScriptBlockExpr(span(o.start, c.end), (), pb, tuple(inner), text)
    return A.ScriptBlockExpr(span(o.start, c.end), tuple(inner), pb, (), text)


def _named_block_action(s, l, t):
    items = list(t)
    kw, c = items[0], closed(items, "}", 1)
    name = kw.text.lower()
    where = span(kw.start, c.end)
    if name == "dynamicparam":
        # Parsed (so the braces balance and errors inside are reported) but not run.
        unsupported = A.UnsupportedStatement(where, "dynamicparam", current().text[kw.start:c.end])
        return A.NamedBlock(where, name, (unsupported,))
    return A.NamedBlock(where, name, tuple(items[2:-1]))


def script_blocks(g) -> None:
    """``{ param_block? (named_block* | statements) }``; the named blocks and the
    param-block guard serve a script file's top level too."""
    named_kw = token(r"(?:begin|process|end|dynamicparam)(?=" + NL_TRIVIA + r"\{)", flags=CI,
                     nl_before=True)
    named_block = act(named_kw + g.NLS + g.LBRACE + g.statements + pp.Opt(g.RBRACE_NL),
                      _named_block_action)
    g.named_blocks = pp.OneOrMore(named_block + pp.Opt(g.SEPS)) + g.NLS
    g.SB_PARAM_GUARD = LRegex(True, TRIVIA + r"(?=(?i:param)" + NL_TRIVIA + r"\(|\[" + TRIVIA
                              + TYPE_HEAD + TRIVIA + r"\()").set_parse_action(drop)
    body = pp.Opt(g.SEPS) + pp.Opt(g.SB_PARAM_GUARD + g.param_block + pp.Opt(g.SEPS)) + \
        (g.named_blocks | g.statements)
    g.script_block <<= act(g.LBRACE + body + pp.Opt(g.RBRACE_NL), _sb_action)


# ------------------------------------------------------------------ operands

def _type_action(s, l, t):
    m = t[0]
    if m.group("tn") is None:
        abort("MissingTypename", m.start(1), m.end(1))
    if m.group("tc") is None:
        abort("EndSquareBracketExpectedAtEndOfAttribute", m.end(1), m.end(1),
              incomplete=at_end(m.end(1)))
    return A.TypeLiteral(span(m.start(1), m.end(1)), m.group("tn"))


def _type_or_cast_action(s, l, t):
    """`[int]'30'` casts; `[datetime]::Now`, `[int]` alone are values."""
    ty = t[0]
    if len(t) == 1:
        return ty
    operand = t[1]
    if ty.name.lower() == "ordered" and isinstance(operand, A.HashLiteral):
        return A.HashLiteral(span(ty.span.start, operand.span.end), operand.pairs, True)
    return A.ConvertExpr(span(ty.span.start, operand.span.end), ty.name, operand)


def _unary_action(s, l, t):
    op, operand = t[0], t[1]
    text = op.text
    if text == ",":
        return A.ArrayLiteral(span(op.start, operand.span.end), (operand,))
    name = norm_op(text)
    if name == "-" and isinstance(operand, A.NumberConstant) and \
            operand.span.start == op.end and not operand.text.startswith("-"):
        return A.NumberConstant(span(op.start, operand.span.end), -operand.value,
                                "-" + operand.text)
    return A.UnaryExpr(span(op.start, operand.span.end), name, operand)


def _track_op(s, l, t):
    """Remember the operator just read (the messages of a missing operand name it)."""
    current().last_op = t[0].text
    return t


def operands(g) -> None:
    unary = g.unary
    # Without its `]`, a name followed by `(` or a word character is not a type
    # literal (an attribute, `[Parameter(...)]`, or an index); with it, anything may
    # follow: `[int]2.5`, `[string](1,2)` are casts.
    # An assembly-qualified name may follow a comma: `[Type, Assembly, Version=1.0]`.
    g.TYPE = act(tok(rf"\[(?:{TRIVIA}(?P<tn>{TYPENAME}(?:{TRIVIA},[^\[\]\r\n]*(?=\]))?){TRIVIA}"
                     rf"(?:(?P<tc>\])|(?![\w(])))?(?(tc)|(?![\w(]))"), _type_action)
    # A cast's operand: not `.`/`::` (members of the type) nor `[` (an index), unless
    # that `[` starts another type literal (`[int][char]$c`: casts chain).
    not_static = LRegex(True, rf"(?!\.|::|\[(?!{TRIVIA}{TYPE_HEAD}[^\]\r\n]*\]))" + TRIVIA
                        + rf"(?![)\]}};,|\r\n=]|\Z|{DASH_CLASS}[^\W\d])").set_parse_action(drop)
    type_or_cast = act(g.TYPE + pp.Opt(not_static + unary), _type_or_cast_action)

    # Ordered by how often each starts an operand in admin scripts (each failed
    # alternative costs a call).
    primary = (g.VARIABLE | g.PAREN | g.STRING | type_or_cast | g.NUMBER_EXPR | g.SUBEXPR | g.HASH
               | g.ARRAYEXPR | g.script_block | g.HERE | g.ESC_STRING)

    incdec_post = act(glued(rf"(?:{SPACED_INCDEC})?(?:\+\+|{DASH_CLASS}{DASH_CLASS}(?![\w$]))"),
                      lambda s, l, t: Post("incdec", "++" if t[0].group(1).strip() == "++" else "--",
                                           end=t[0].end(1)))
    postfix_any = g.POSTFIX_GUARD + g.POSTFIX
    postfix_or_inc = LRegex(True, rf"(?=[.:\[]|\+\+|{DASH_CLASS}{DASH_CLASS}|{SPACED_INCDEC})"
                            ).set_parse_action(drop)
    postfix_expr = act(primary + pp.Opt(postfix_or_inc + pp.ZeroOrMore(postfix_any)
                                        + pp.Opt(incdec_post)), postfix_action)

    # Fast path for the most common operands: `$x`, `$x.A.B`, numbers, simple strings,
    # when nothing glued follows.  Same nodes as the general path, one regex.
    g.FAST_OPERAND = act(tok(FAST_OPERAND), fast_value_action)

    unary_op = token(rf"{DASH_CLASS}(?:not|bnot|split|join)(?![\w?])|!|\+\+|{DASH_CLASS}{DASH_CLASS}"
                     rf"|{DASH_CLASS}(?![=]|[^\W\d])|\+(?![=])|,", flags=CI, nl_after=True)
    unary_op.add_parse_action(_track_op)
    # The fast operand never nests; everything else may, so it is guarded.
    general = Nest(postfix_expr | act(unary_op + alt(unary, fail("MissingExpressionAfterOperator")),
                                      _unary_action))
    unary <<= (g.FAST_OPERAND | general) if g.fast else general


# ------------------------------------------------------------------ binary operators

def _binary_action(s, l, t):
    return climb(list(t))


def operators(g) -> None:
    """Binary operator chains: with the comma (``expression``) and without it
    (``expr_nc``: method and attribute arguments)."""
    unary = g.unary
    g.BINOP = token(BINOPS, flags=CI, nl_after=True)
    binop_or_comma = token(BINOPS + "|,", flags=CI, nl_after=True)
    g.BINOP.add_parse_action(_track_op)
    binop_or_comma.add_parse_action(_track_op)
    g.expression <<= act(unary + pp.ZeroOrMore(binop_or_comma + alt(unary, fail("ExpectedValueExpression"))),
                         _binary_action)
    g.expr_nc <<= act(unary + pp.ZeroOrMore(g.BINOP + alt(unary, fail("ExpectedValueExpression"))),
                      _binary_action)
