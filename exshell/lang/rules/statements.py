"""Statements that start with a keyword: if, the loops, switch, try/catch/finally, trap,
break/continue/return/exit/throw, function and filter definitions (with attributes and
param blocks), labels, and the syntax the runtime does not implement (class, enum,
using, ...), which is recognised so that its braces balance.

The statement rule never backtracks over a statement: one lookahead regex decides
whether a keyword statement starts here at all.
"""
from __future__ import annotations

import re

import pyparsing as pp

from .. import ast as A
from ..elements import LRegex, Nest, act, alt, as_tok, drop, fail, must, tok, token
from ..lexicon import (DASH_CLASS, DQ, DQ_CLASS, NL_TRIVIA, SQ, SQ_CLASS, TRIVIA, TYPE_HEAD)
from ..nodes import Tok, closed, end_of, start_of
from ..state import abort, at_end, current, span

CI = re.IGNORECASE


def build(g) -> None:
    conditionals(g)
    loops(g)
    switches(g)
    exceptions(g)
    flow(g)
    attributes_and_param_blocks(g)
    functions(g)
    unsupported(g)
    keyword_statements(g)


def kw(words, extra=""):
    """A keyword (or one of ``a|b``), whole word, any case."""
    return token(rf"(?:{words})(?=[\s(){{}};|]|\Z){extra}", kind="kw", flags=CI)


def _strip_parens(items):
    return [x for x in items if not (isinstance(x, Tok) and x.text in ("(", ")"))]


def _close_paren(error_id, **kw_):
    return must(token(r"\)", nl_before=True), error_id, **kw_)


def _cond(g, keyword):
    """``( pipeline )`` after a loop keyword."""
    return ((g.LPAREN | fail("MissingOpenParenthesisAfterKeyword", token=keyword))
            + alt(g.fast_pipeline, fail("ExpectedExpression", token="("))
            + _close_paren("MissingEndParenthesisAfterStatement", token=keyword))


def _body(g, what):
    return g.NLS + alt(g.block, fail("MissingLoopStatement", token=what))


# ------------------------------------------------------------------ if

def _if_action(s, l, t):
    items = _strip_parens(list(t))
    start = items[0].start
    clauses = []
    else_block = None
    i = 0
    while i < len(items):
        x = items[i]
        if isinstance(x, Tok) and x.text.lower() in ("if", "elseif"):
            clauses.append((items[i + 1], items[i + 2]))
            i += 3
        elif isinstance(x, Tok):  # else
            else_block = items[i + 1]
            i += 2
        else:
            i += 1
    last = else_block or clauses[-1][1]
    return A.IfStatement(span(start, last.span.end), tuple(clauses), else_block)


def conditionals(g) -> None:
    NLS, block = g.NLS, g.block
    if_block = NLS + alt(block, fail("MissingStatementBlock", token="if ( condition )"))
    elseif_part = NLS + kw("elseif") + _cond(g, "elseif") + \
        NLS + alt(block, fail("MissingStatementBlock", token="elseif ( condition )"))
    else_part = NLS + kw("else") + NLS + alt(block, fail("MissingStatementBlockAfterElse"))
    if_kw = kw("if") + (NLS + g.LPAREN | fail("MissingOpenParenthesisInIfStatement"))
    g.if_stmt = act(if_kw + alt(g.fast_pipeline, fail("ExpectedExpression", token="(")) +
                    _close_paren("MissingEndParenthesisAfterStatement", token="if") +
                    if_block + pp.ZeroOrMore(elseif_part) + pp.Opt(else_part), _if_action)


# ------------------------------------------------------------------ loops

def _foreach_action(s, l, t):
    items = _strip_parens(list(t))
    kwt, var, _in, it, bd = items[0], items[1], items[2], items[3], items[4]
    return A.ForEachStatement(span(kwt.start, bd.span.end), var, it, bd)


def _for_action(s, l, t):
    items = _strip_parens(list(t))
    kwt = items[0]
    parts = [None if (isinstance(x, Tok) and x.kind == "none") else x for x in items[1:4]]
    bd = items[4]
    return A.ForStatement(span(kwt.start, bd.span.end), parts[0], parts[1], parts[2], bd)


def _while_action(s, l, t):
    items = _strip_parens(list(t))
    return A.WhileStatement(span(items[0].start, items[2].span.end), items[1], items[2])


def _do_action(s, l, t):
    items = _strip_parens(list(t))
    kwt, bd, which, c = items[0], items[1], items[2], items[3]
    return A.DoWhileStatement(span(kwt.start, t[-1].end), bd, c,
                              which.text.lower() == "until")


def loops(g) -> None:
    NLS = g.NLS
    g.foreach_stmt = act(kw("foreach") + NLS + (g.LPAREN | fail("MissingOpenParenthesisAfterKeyword",
                                                                 token="foreach"))
                         + (g.VARIABLE | fail("MissingVariableNameAfterForeach"))
                         + (kw("in") | fail("MissingInInForeach"))
                         + alt(g.fast_pipeline, fail("ExpectedExpression", token="in"))
                         + _close_paren("MissingEndParenthesisAfterForeach")
                         + _body(g, "foreach"), _foreach_action)

    for_sep = act(LRegex(False, TRIVIA + r"(?:;|\r\n|\n|\r)" + NL_TRIVIA), drop)
    none_marker = act(pp.Empty(), lambda s, l, t: Tok("", l, l, "none"))
    for_slot = alt(g.pipeline, none_marker)
    g.for_stmt = act(kw("for") + NLS + (g.LPAREN | fail("MissingOpenParenthesisAfterKeyword", token="for"))
                     + for_slot + pp.Opt(for_sep) + for_slot + pp.Opt(for_sep) + for_slot
                     + _close_paren("MissingEndParenthesisAfterStatement", token="for")
                     + _body(g, "for"), _for_action)
    g.while_stmt = act(kw("while") + NLS + _cond(g, "while") + _body(g, "while"), _while_action)
    g.do_stmt = act(kw("do") + _body(g, "do") + NLS
                    + (kw("while|until") | fail("MissingWhileOrUntilInDoWhile"))
                    + NLS + _cond(g, "do"), _do_action)


# ------------------------------------------------------------------ switch

def _switch_clause_action(s, l, t):
    c, bd = t[0], t[1]
    if isinstance(c, Tok):
        return A.SwitchClause(span(c.start, bd.span.end), None, bd)
    return A.SwitchClause(span(c.span.start, bd.span.end), c, bd)


def _switch_action(s, l, t):
    items = list(t)
    kwt = items[0]
    opts = tuple(x.text for x in items if isinstance(x, Tok) and x.kind == "opt")
    rest = [x for x in items[1:] if not (isinstance(x, Tok) and x.kind in ("opt", ""))]
    value = rest[0]
    clauses = tuple(x for x in rest[1:] if isinstance(x, A.SwitchClause))
    close = closed([x for x in items if isinstance(x, Tok) and x.text in ("{", "}")], "}")
    return A.SwitchStatement(span(kwt.start, close.end), value, clauses, opts)


def switches(g) -> None:
    NLS = g.NLS
    option = act(tok(rf"{DASH_CLASS}(?P<so>regex|wildcard|exact|casesensitive|file|parallel)(?![\w])",
                     flags=CI), lambda s, l, t: Tok(t[0].group("so").lower(), t[0].start(1),
                                                    t[0].end(1), "opt"))
    clause = (kw("default") | g.arg_primary) + NLS + alt(g.block, fail("MissingSwitchStatementClause"))
    clause.set_parse_action(_switch_clause_action)
    value = (g.LPAREN + alt(g.fast_pipeline, fail("ExpectedExpression", token="(")) +
             _close_paren("MissingEndParenthesisAfterStatement", token="switch")
             | g.arg_primary)
    g.switch_stmt = act(kw("switch") + pp.ZeroOrMore(option) + NLS + value + NLS +
                        (g.LBRACE | fail("MissingSwitchStatementClause")) +
                        pp.ZeroOrMore(g.SEPS | clause) + pp.Opt(g.RBRACE_NL), _switch_action)


# ------------------------------------------------------------------ try / catch / finally, trap

def _catch_action(s, l, t):
    items = list(t)
    kwt = items[0]
    types = tuple(x.name for x in items if isinstance(x, A.TypeLiteral))
    return A.CatchClause(span(kwt.start, items[-1].span.end), types, items[-1])


def _try_action(s, l, t):
    items = list(t)
    kwt, bd = items[0], items[1]
    catches = tuple(x for x in items[2:] if isinstance(x, A.CatchClause))
    fin = None
    for i, x in enumerate(items):
        if isinstance(x, Tok) and x.text.lower() == "finally":
            fin = items[i + 1]
    if not catches and fin is None:
        end = bd.span.end
        if at_end(end):
            abort("MissingCatchOrFinally", end, end, incomplete=True)
        abort("MissingCatchOrFinally", end, end)
    last = fin or catches[-1]
    return A.TryStatement(span(kwt.start, last.span.end), bd, catches, fin)


def _trap_action(s, l, t):
    items = list(t)
    ty = items[1].name if isinstance(items[1], A.TypeLiteral) else None
    return A.TrapStatement(span(items[0].start, items[-1].span.end), ty, items[-1])


def exceptions(g) -> None:
    NLS, block, TYPE = g.NLS, g.block, g.TYPE
    # The type may stand on the line after `catch`.
    catch_clause = NLS + kw("catch") + NLS + pp.Opt(TYPE + pp.ZeroOrMore(
        token(",", nl_after=True) + TYPE)) + NLS + alt(block, fail("MissingStatementBlock", token="catch"))
    catch_clause.set_parse_action(_catch_action)
    finally_clause = NLS + kw("finally") + NLS + alt(block, fail("MissingStatementBlock", token="finally"))
    g.try_stmt = act(kw("try") + NLS + alt(block, fail("MissingStatementBlock", token="try")) +
                     pp.ZeroOrMore(catch_clause) + pp.Opt(finally_clause), _try_action)
    g.trap_stmt = act(kw("trap") + pp.Opt(TYPE) + NLS
                      + alt(block, fail("MissingStatementBlock", token="trap")), _trap_action)


# ------------------------------------------------------------------ break / continue / return / exit / throw

def _flow_action(s, l, t):
    kwt = t[0]
    word = kwt.text.lower()
    arg = t[1] if len(t) > 1 else None
    end = end_of(arg) if arg is not None else kwt.end
    where = span(kwt.start, end)
    if word == "break":
        return A.BreakStatement(where, arg.text if arg is not None else None)
    if word == "continue":
        return A.ContinueStatement(where, arg.text if arg is not None else None)
    cls = {"return": A.ReturnStatement, "exit": A.ExitStatement, "throw": A.ThrowStatement}[word]
    return cls(where, arg)


def flow(g) -> None:
    # `break outer`, also written `break :outer` (the colon is not part of the label).
    label_word = act(tok(r"(?<!\S):?(?:[^\W\d]\w*|\d+(?=[\s;)}]|\Z))"),
                     lambda s, l, t: Tok(t[0].group(1).lstrip(":"), t[0].start(1), t[0].end(1), "label"))
    not_end = LRegex(True, TRIVIA + r"(?![;\r\n)}|]|\Z)").set_parse_action(drop)
    g.flow_stmt = act(kw("break|continue") + pp.Opt(label_word)
                      | kw("return|exit|throw") + pp.Opt(not_end + g.pipeline), _flow_action)


# ------------------------------------------------------------------ attributes, param blocks

def _attr_action(s, l, t):
    items = list(t)
    o = items[0]
    positional, named = [], []
    i = 1
    while i < len(items) - 2:
        x = items[i]
        if isinstance(x, Tok) and x.kind == "name":
            named.append((x.text, items[i + 2]))
            i += 3
        elif isinstance(x, Tok) and x.kind == "flag":
            named.append((x.text, None))
            i += 1
        elif isinstance(x, Tok):
            i += 1
        else:
            positional.append(x)
            i += 1
    return A.Attribute(span(o.start, items[-1].end), o.text, tuple(positional), tuple(named))


def _param_decl_action(s, l, t):
    items = list(t)
    attrs = tuple(x for x in items if isinstance(x, A.Attribute))
    types = [x for x in items if isinstance(x, A.TypeLiteral)]
    var = next(x for x in items if isinstance(x, A.VariableExpr))
    default = items[-1] if items[-1] is not var and not isinstance(items[-1], Tok) else None
    start = start_of(items[0])
    end = end_of(items[-1])
    return A.ParameterDecl(span(start, end), var.name,
                           types[-1].name if types else None, default, attrs)


def _param_block_action(s, l, t):
    items = list(t)
    attrs = tuple(x for x in items if isinstance(x, A.Attribute))
    params = tuple(x for x in items if isinstance(x, A.ParameterDecl))
    start = start_of(items[0])
    return A.ParamBlock(span(start, items[-1].end), params, attrs)


def attributes_and_param_blocks(g) -> None:
    NLS, expr_nc, attribute = g.NLS, g.expr_nc, g.attribute
    attr_open = act(tok(rf"\[{TRIVIA}(?P<an>{TYPE_HEAD}){TRIVIA}\((?=)", flags=CI) + NLS,
                    lambda s, l, t: Tok(t[0].group("an"), t[0].start(1), t[0].end(1), "attr"))
    attr_named = act(tok(rf"[^\W\d]\w*(?={TRIVIA}=(?!=))"), as_tok("name"))
    attr_flag = act(tok(rf"[^\W\d]\w*(?={NL_TRIVIA}[,)])"), as_tok("flag"))
    attr_arg = (attr_named + token("=", nl_after=True) + expr_nc | attr_flag | expr_nc)
    attr_close = token(r"\)", nl_before=True) + (token(r"\]") | fail("EndSquareBracketExpectedAtEndOfAttribute"))
    # (A line break may stand before a comma, in attribute arguments and parameter
    # lists alike: `[Parameter(Mandatory = $true<newline>, Position = 0)]`.)
    attribute <<= act(attr_open + pp.Opt(attr_arg + pp.ZeroOrMore(token(",", nl_after=True, nl_before=True)
                                                                   + attr_arg))
                      + (attr_close | fail("MissingEndParenthesisInExpression")), _attr_action)

    param_decl = act(pp.ZeroOrMore(alt(attribute, g.TYPE) + NLS) + g.VARIABLE +
                     pp.Opt(token("=(?!=)", nl_after=True)
                            + alt(expr_nc, fail("ExpectedValueExpression", token="="))),
                     _param_decl_action)
    g.param_list = pp.Opt(param_decl + pp.ZeroOrMore(token(",", nl_after=True, nl_before=True)
                                                     + param_decl)) + NLS
    g.param_block <<= act(pp.ZeroOrMore(attribute + NLS) + kw("param") + NLS + g.LPAREN + g.param_list +
                          _close_paren("MissingEndParenthesisInExpression"), _param_block_action)


# ------------------------------------------------------------------ functions

def _function_action(s, l, t):
    items = list(t)
    kwt, name = items[0], items[1]
    sb = items[-1]
    params = [x for x in items[2:-1] if isinstance(x, A.ParameterDecl)]
    if any(isinstance(x, Tok) and x.text == "(" for x in items[2:-1]):
        o = next(x for x in items[2:-1] if isinstance(x, Tok) and x.text == "(")
        c = [x for x in items[2:-1] if isinstance(x, Tok) and x.text == ")"][-1]
        pb = A.ParamBlock(span(o.start, c.end), tuple(params))
        sb = A.ScriptBlockExpr(sb.span, sb.statements, pb, sb.blocks, sb.text)
    return A.FunctionDefinition(span(kwt.start, sb.span.end), name.text, sb,
                                kwt.text.lower() == "filter")


def functions(g) -> None:
    name = act(tok(r"[^\s(){};,|&]+"), as_tok("fname"))
    g.function_stmt = act(kw("function|filter") + (name | fail("MissingNameAfterKeyword", token="function"))
                          + pp.Opt(g.LPAREN + g.param_list
                                   + _close_paren("MissingEndParenthesisInExpression"))
                          + g.NLS + alt(g.script_block, fail("MissingFunctionBody")), _function_action)


# ------------------------------------------------------------------ recognised but not run

def _unsupported_action(s, l, t):
    items = list(t)
    m = items[0]
    feature = ((m.groupdict().get("uf") or m.groupdict().get("uf2") or m.groupdict().get("ud") or
                m.groupdict().get("uu") or "")).lower()
    start = m.start(1)
    state = current()
    end = state.unsup_end
    return A.UnsupportedStatement(span(start, end), feature, state.text[start:end])


def _mark_end(s, l, t):
    current().unsup_end = l
    return []


#: An attribute before a type or configuration definition (one level of nested
#: brackets: `[Flags()]`, `[DscResource()]`, `[ValidateSet('a')]`).
_TYPE_ATTRIBUTE = r"\[[^\[\]\r\n]*(?:\[[^\[\]\r\n]*\][^\[\]\r\n]*)*\]"


def unsupported(g) -> None:
    """class, enum, configuration, workflow, data: the header and balanced braces;
    using: the rest of the line."""
    bal_text = LRegex(False, rf"(?:[^{{}}{SQ}{DQ}#<]|{SQ_CLASS}(?:[^{SQ}]|{SQ_CLASS}{{2}})*{SQ_CLASS}"
                      rf"|{DQ_CLASS}(?:[^`{DQ}]|`[\s\S]|{DQ_CLASS}{{2}})*{DQ_CLASS}|<#[\s\S]*?#>|#[^\r\n]*|<)+")
    balanced = pp.Forward()
    balanced <<= Nest(LRegex(False, r"\{") + pp.ZeroOrMore(bal_text | balanced)
                      + (LRegex(False, r"\}") | fail("MissingEndCurlyBrace")))
    # Attributes may stand before a class, an enum or a configuration
    # (`[Flags()] enum E {...}`, `[DscResource()] class R {...}`).
    head = tok(rf"(?:{_TYPE_ATTRIBUTE}{NL_TRIVIA})*(?=(?i:class|enum|configuration)\b)"
               r"(?P<uf>class|enum|configuration|workflow)" + TRIVIA + r"[^{\r\n]*(?=\{)"
               r"|(?P<uf2>class|enum|configuration|workflow)" + TRIVIA + r"[^{\r\n]*(?=\{)"
               r"|(?P<ud>data)(?=" + TRIVIA + r"(?:[^\W\d]\w*" + TRIVIA + r")?\{)" + TRIVIA
               + r"(?:[^\W\d]\w*)?" + TRIVIA, flags=CI)
    using = tok(r"(?P<uu>using)" + TRIVIA + r"(?i:namespace|module|assembly)\b[^\r\n;]*", flags=CI)
    end_mark = pp.Empty().set_parse_action(_mark_end)
    g.unsupported_stmt = act(head + alt(balanced, fail("MissingEndCurlyBrace")).set_parse_action(
        lambda s, l, t: []) + end_mark | using + end_mark, _unsupported_action)


# ------------------------------------------------------------------ assembled

def _labelled_action(s, l, t):
    lab, st = t[0], t[1]
    return A.replace(st, label=lab.text, span=span(lab.start, st.span.end))


def keyword_statements(g) -> None:
    """Every keyword statement, labels (`:outer foreach (...) {}`) and a param block
    written as a statement (top of a script: parse() moves it into
    Script.param_block), behind one lookahead."""
    label = act(tok(r":(?P<lb>[^\W\d]\w*)"), lambda s, l, t: Tok(t[0].group("lb"), t[0].start(1),
                                                                 t[0].end(1), "label"))
    loop_stmt = g.foreach_stmt | g.for_stmt | g.while_stmt | g.do_stmt | g.switch_stmt
    labelled = act(label + g.NLS + (loop_stmt | fail("UnexpectedToken", token=":")), _labelled_action)
    kw_guard = LRegex(True, TRIVIA + r"(?=(?i:if|foreach|for|while|do|switch|try|trap|function|filter"
                      r"|break|continue|return|exit|throw|class|enum|using|configuration"
                      r"|workflow|data)(?=[\s(){};|]|\Z)|:\w)").set_parse_action(drop)
    # A param block at the top of a script or block: `param(` or `[Attr(...)]`.
    param_guard = LRegex(True, TRIVIA + r"(?=(?i:param)" + NL_TRIVIA + r"\(|\[" + TRIVIA + TYPE_HEAD
                         + TRIVIA + r"\()").set_parse_action(drop)
    # Attributes before class/enum/configuration: the unsupported statement takes them.
    attributed_guard = LRegex(True, TRIVIA + rf"(?=(?:{_TYPE_ATTRIBUTE}{NL_TRIVIA})+"
                              r"(?i:class|enum|configuration)\b)").set_parse_action(drop)
    statement = (kw_guard + (g.if_stmt | g.foreach_stmt | g.function_stmt | g.flow_stmt | g.try_stmt
                             | g.while_stmt | g.for_stmt | g.do_stmt | g.switch_stmt | g.trap_stmt
                             | g.unsupported_stmt | labelled)
                 | attributed_guard + g.unsupported_stmt
                 | param_guard + g.param_block)
    # One lookahead for both guards: most statements start with neither, and then this
    # is the only element tried (instead of two guarded alternatives).
    ks_guard = LRegex(True, TRIVIA + r"(?=[:\[]|(?i:if|foreach|for|while|do|switch|try|trap|function"
                      r"|filter|break|continue|return|exit|throw|class|enum|using|configuration"
                      r"|workflow|data|param)\b)").set_parse_action(drop)
    g.keyword_statement = ks_guard + statement
