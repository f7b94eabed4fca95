"""Commands: redirections, argument-mode values (bare words and their glued pieces),
parameters, command invocations, and pipelines (with assignment, which is recognised
after the left-hand expression, so a statement is never parsed twice).

A lookahead regex (``EXPR_START``) decides between expression mode and argument
(command) mode at the start of each pipeline element.
"""
from __future__ import annotations

import re

import pyparsing as pp

from .. import ast as A
from ..elements import LRegex, Nest, act, alt, drop, fail, glued, tok, token
from ..lexicon import (CMD_DELIM, DASH, DASH_CLASS, DQ, EXPR_DELIM, FAST_ARG, NUMBER, PLAIN,
                       SQ, TRIVIA)
from ..nodes import (Piece, Post, Tok, bare_unescape, end_of, fast_argument_action,
                     norm_assign, start_of, string_node)
from ..state import abort, at_end, current, span
from .expressions import postfix_action

CI = re.IGNORECASE


def build(g) -> None:
    redirections(g)
    arguments(g)
    parameters(g)
    commands(g)
    pipelines(g)


# ------------------------------------------------------------------ redirections

def _redir_action(s, l, t):
    items = list(t)
    m = items[0]
    stream = m.group("st") or "1"
    append = m.group("ap") == ">>"
    merge = m.group("mg")
    if merge:
        return A.Redirection(span(m.start(1), m.end(1)), stream, append, None, merge)
    target = items[1]
    return A.Redirection(span(m.start(1), target.span.end), stream, append, target)


def redirections(g) -> None:
    redir_tok = tok(r"(?P<st>[1-6*])?(?P<ap>>>?)(?:&(?P<mg>[1-6]))?")
    g.REDIRECTION = act(redir_tok + pp.Opt(LRegex(True, r"(?<=&[1-6])").set_parse_action(drop) |
                                           g.arg_value | fail("MissingFileSpecification",
                                                              incomplete_at_end=False)),
                        _redir_action)


# ------------------------------------------------------------------ argument mode

def _plain_action(s, l, t):
    m = t[0]
    return Piece((bare_unescape(m.group(1)),), m.start(1), m.end(1))


def _word_action(s, l, t):
    items = list(t)
    parts = []
    for p in items:
        if isinstance(p, Piece):
            parts.extend(p.parts)
        elif isinstance(p, A.StringConstant):
            parts.append(p.value)
        elif isinstance(p, A.ExpandableString):
            parts.extend(p.parts)
        else:
            parts.append(p)
    return string_node(parts, start_of(items[0]), end_of(items[-1]), "bare")


def _var_any_action(s, l, t):
    if len(t) > 1 and not isinstance(t[1], Post):
        return _word_action(s, l, t)
    return postfix_action(s, l, t)


def _string_arg_action(s, l, t):
    return t[0] if len(t) == 1 else _word_action(s, l, t)


def _arg_value_action(s, l, t):
    items = [x for x in t if not isinstance(x, Tok)]
    if len(items) == 1:
        return items[0]
    return A.ArrayLiteral(span(items[0].span.start, items[-1].span.end), tuple(items))


def arguments(g) -> None:
    """Argument-mode values: bare words (with glued variables, subexpressions and
    strings), variables with postfix operations, strings, numbers, groupings, splats,
    and comma lists of them."""
    word_piece = g.word_piece
    plain_first = tok(rf"(?![{DASH}]{{2}}{CMD_DELIM})(?!{DASH_CLASS}?{NUMBER}{CMD_DELIM})"
                      rf"(?![@<>#]){PLAIN}")
    plain_g = glued(PLAIN)
    plain_first.set_parse_action(_plain_action)
    plain_g.set_parse_action(_plain_action)
    word_piece <<= plain_g | g.VARIABLE_G | g.SUBEXPR_G | g.STRING_G
    bareword = act(plain_first + pp.ZeroOrMore(word_piece), _word_action)

    g.var_arg = act(g.VARIABLE + pp.ZeroOrMore(g.POSTFIX), postfix_action)
    # `$a.b`/`$a[0]` are member/index access; `$x-y` glues into one bare word.
    var_any = act(g.VARIABLE + pp.Opt(pp.OneOrMore(g.POSTFIX) | pp.OneOrMore(word_piece)),
                  _var_any_action)
    # A string argument, possibly with pieces glued on ("a"b, 'x'$y): one rule, so a
    # string (with its subexpressions) is not parsed a second time when nothing is glued.
    string_arg = act((g.STRING | g.HERE) + pp.ZeroOrMore(word_piece), _string_arg_action)
    g.group_arg = act((g.PAREN | g.SUBEXPR | g.ARRAYEXPR | g.HASH | g.script_block)
                      + pp.ZeroOrMore(g.POSTFIX), postfix_action)
    g.arg_primary = (bareword | var_any | string_arg | g.NUMBER_CMD | g.group_arg | g.SPLAT)
    comma = token(",", nl_after=True)
    g.arg_value <<= act(g.arg_primary + pp.ZeroOrMore(
        comma + (g.arg_primary | fail("MissingExpressionAfterToken", token=","))),
        _arg_value_action)


# ------------------------------------------------------------------ parameters

def _param_action(s, l, t):
    items = list(t)
    m = items[0]
    text = m.group(1)
    name = m.group("pn")
    colon = m.group("pc") is not None
    arg = items[1] if len(items) > 1 else None
    if colon and arg is None:
        abort("ParameterRequiresArgument", m.start(1), m.end(1), token=text)
    end = arg.span.end if arg is not None else m.end(1)
    return A.CommandParameter(span(m.start(1), end), name, text, arg, colon)


def parameters(g) -> None:
    """A command's elements: ``-Name``, ``-Name:value``, redirections, arguments, ``--``;
    the fast path first (plain words, -Name, numbers, $x.Prop, simple strings, each
    ending at a delimiter); the guard stops the slow alternatives at the end of a
    command."""
    param_tok = tok(rf"{DASH_CLASS}(?P<pn>(?:[^\W\d]|[_?])[^\s(){{}};,|&.\[:{SQ}{DQ}]*+)(?P<pc>:)?")
    param_arg = LRegex(True, r"(?<=:)").set_parse_action(drop) + pp.Opt(~g.END + g.arg_value)
    param = act(param_tok + pp.Opt(param_arg), _param_action)
    dashdash = act(tok(rf"{DASH_CLASS}{DASH_CLASS}{CMD_DELIM}"),
                   lambda s, l, t: Tok("--", t[0].start(1), t[0].end(1), "--"))
    comma_bad = act(tok(","), lambda s, l, t: abort("MissingArgument", t[0].start(1),
                                                    t[0].end(1)))
    g.FAST_ARG = act(tok(FAST_ARG), fast_argument_action)
    guard = LRegex(True, TRIVIA + r"(?![;\r\n|)}]|\Z)").set_parse_action(drop)
    general = guard + (param | g.REDIRECTION | g.arg_value | dashdash | comma_bad)
    g.cmd_element = (g.FAST_ARG | general) if g.fast else general


# ------------------------------------------------------------------ commands

def _command_name(name_node):
    """The name and its span: a bare word's text, else the expression (``& $x``)."""
    if isinstance(name_node, Piece):
        name = "".join(p for p in name_node.parts if isinstance(p, str))
        return name, span(name_node.start, name_node.end)
    if isinstance(name_node, A.StringConstant) and name_node.kind == "bare":
        return name_node.value, name_node.span
    return name_node, name_node.span


def _command_action(s, l, t):
    items = list(t)
    first = items[0]
    invocation = ""
    if isinstance(first, Tok) and first.kind == "invoke":
        invocation = first.text
        items = items[1:]
        if not items:
            abort("MissingExpression", first.start, first.end, token=first.text,
                  incomplete=at_end(first.end))
        name_node = items[0]
        start = first.start
    else:
        name_node = first
        start = start_of(first)
    name, name_span = _command_name(name_node)
    elements = []
    redirs = []
    end_params = False
    for x in items[1:]:
        if isinstance(x, Tok):
            end_params = True
            continue
        if isinstance(x, A.Redirection):
            redirs.append(x)
        elif end_params and isinstance(x, A.CommandParameter):
            elements.append(A.StringConstant(x.span, current().text[x.span.start:x.span.end], "bare"))
        else:
            elements.append(x)
    end = max([name_span.end] + [end_of(x) for x in items[1:]])
    return A.CommandCall(span(start, end), name, name_span, tuple(elements), invocation,
                         tuple(redirs))


def commands(g) -> None:
    cmd_name = act(tok(rf"(?![@<>#=]){PLAIN}"), _plain_action)
    invoke = act(tok(r"&(?!&)|\.(?=[\s{$(" + SQ + DQ + r"])"),
                 lambda s, l, t: Tok(t[0].group(1), t[0].start(1), t[0].end(1), "invoke"))
    invoke_target = (g.var_arg | g.STRING | g.group_arg | cmd_name)
    g.command = act((invoke + pp.Opt(invoke_target) | cmd_name) + pp.ZeroOrMore(g.cmd_element),
                    _command_action)


# ------------------------------------------------------------------ pipelines

def _expr_elem_action(s, l, t):
    items = list(t)
    expr = items[0]
    redirs = tuple(items[1:])
    end = redirs[-1].span.end if redirs else expr.span.end
    return A.CommandExpression(span(expr.span.start, end), expr, redirs)


def _track_assign(s, l, t):
    current().last_op = t[0].text
    return t


def _expr_statement_action(s, l, t):
    items = list(t)
    if len(items) >= 2 and isinstance(items[1], Tok) and items[1].kind == "assign":
        target, op, value = items[0], items[1], items[2]
        return A.Assignment(span(target.span.start, value.span.end), target,
                            norm_assign(op.text), value)
    expr = items[0]
    redirs = []
    rest = []
    for x in items[1:]:
        if isinstance(x, A.Redirection) and not rest:
            redirs.append(x)
        else:
            rest.append(x)
    end = redirs[-1].span.end if redirs else expr.span.end
    first = A.CommandExpression(span(expr.span.start, end), expr, tuple(redirs))
    elements = [first] + [x for x in rest if not isinstance(x, Tok)]
    return A.Pipeline(span(first.span.start, end_of(elements[-1])), tuple(elements))


def _command_pipeline_action(s, l, t):
    items = [x for x in t if not isinstance(x, Tok)]
    return A.Pipeline(span(start_of(items[0]), end_of(items[-1])), tuple(items))


def pipelines(g) -> None:
    expr_elem = act(g.expression + pp.ZeroOrMore(g.REDIRECTION), _expr_elem_action)
    assign_op = token(rf"=(?!=)|\+=|{DASH_CLASS}=|\*=|/=|%=", kind="assign", nl_after=True)
    assign_op.add_parse_action(_track_assign)
    pipe = token(r"\|(?!\|)", nl_after=True)
    expr_start = LRegex(True, TRIVIA + (
        rf"(?=[$(\[{{{SQ}{DQ}!,]|@[({{{SQ}{DQ}]|`[{DQ}]|{NUMBER}{EXPR_DELIM}"
        rf"|{DASH_CLASS}(?:not|bnot|split|join)(?![\w?])|(?:\+|{DASH_CLASS}){{1,2}}[\d.$(@\[{SQ}{DQ}])"),
        flags=CI).set_parse_action(drop)
    element = expr_start + expr_elem | g.command
    pipe_tail = pp.ZeroOrMore(pipe + (element | fail("EmptyPipeElement")))
    # (`` `" `` starts an expression only inside a string's `$( )`: ESC_STRING fails
    # elsewhere, and the command alternative takes the text.)
    # At a statement end (the usual case) one lookahead replaces four failed attempts.
    expr_statement = act(expr_start + g.expression + (
        g.END
        | assign_op + alt(g.statement, fail("ExpectedValueExpression"))
        | pp.ZeroOrMore(g.REDIRECTION) + pipe_tail), _expr_statement_action)
    # Guarded: a pipeline may nest (a parenthesis, an assignment's value).
    g.pipeline <<= Nest(expr_statement | act(g.command + pipe_tail, _command_pipeline_action))
