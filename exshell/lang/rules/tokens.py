"""Tokens: punctuation, variables, numbers and strings (with the subexpressions and
variables a double-quoted string may hold)."""
from __future__ import annotations

import re

import pyparsing as pp

from .. import ast as A
from ..elements import InString, LRegex, act, as_tok, drop, glued, look, must, tok, token
from ..lexicon import (BLANK, CMD_DELIM, DASH_CLASS, DQ, DQ_CLASS, DQ_TEXT, EXPR_DELIM, NEWLINE,
                       NL_TRIVIA, NUMBER, SQ, SQ_CLASS, TRIVIA, VARNAME, VARSTART)
from ..nodes import (SQ_UNESCAPE, Piece, Tok, bare_unescape, dq_unescape, number,
                     string_node, variable)
from ..state import abort, current, span


def build(g) -> None:
    punctuation(g)
    variables_and_numbers(g)
    strings(g)


def punctuation(g) -> None:
    g.LPAREN = token(r"\(", nl_after=True)
    g.RPAREN = token(r"\)", nl_before=True)
    g.LBRACE = token(r"\{")
    g.RBRACE_NL = token(r"\}", nl_before=True)
    g.COMMA_NL = token(",", nl_after=True)
    g.SEPS = act(LRegex(False, r"(?:" + TRIVIA + r"[;\r\n])++" + TRIVIA), drop)
    g.NLS = act(LRegex(True, NL_TRIVIA), drop)
    g.END = look(r"[;\r\n)}]|\Z")


def _var_action(s, l, t):
    m = t[0]
    return variable(m, m.start(1), m.end(1))


def _splat_action(s, l, t):
    m = t[0]
    return variable(m, m.start(1), m.end(1), splat=True)


def _num_action(s, l, t):
    return number(t[0], 1)


def variables_and_numbers(g) -> None:
    g.VARIABLE = act(tok(r"\$" + VARNAME), _var_action)
    g.VARIABLE_G = act(glued(r"\$" + VARNAME), _var_action)
    g.SPLAT = act(tok(r"@(?P<vn>(?:\w|\?)+)(?P<vb>(?!))?(?P<vs>(?!))?(?P<vc>(?!))?"),
                  _splat_action)
    g.NUMBER_EXPR = act(tok(NUMBER + EXPR_DELIM), _num_action)
    g.NUMBER_CMD = act(tok(DASH_CLASS + "?" + NUMBER + CMD_DELIM), _num_action)


# ------------------------------------------------------------------ strings

def _sq_string(prefix_tok):
    def action(s, l, t):
        m = t[0]
        if m.group("sqend") is None:
            abort("TerminatorExpectedAtEndOfString", m.start(1), m.start(1) + 1,
                  token="'", incomplete=True)
        value = SQ_UNESCAPE.sub(r"\1", m.group("sq"))
        return A.StringConstant(span(m.start(1), m.end(1)), value, "single")
    return act(prefix_tok(rf"{SQ_CLASS}(?P<sq>(?:[^{SQ}]|{SQ_CLASS}{{2}})*+)(?P<sqend>{SQ_CLASS})?"), action)


def _abort_bad_header(m):
    """No characters but blanks may follow a here-string's opening quote."""
    if m.group("hdr").strip(" \t\f\v\u00a0"):
        abort("UnexpectedCharactersAfterHereStringHeader",
              m.start("hdr") + len(m.group("hdr")) - len(m.group("hdr").lstrip()),
              m.end("hdr"))


def _here_sq_string(prefix_tok):
    def action(s, l, t):
        m = t[0]
        _abort_bad_header(m)
        if m.group("body") is None and m.group("close") is None:
            _here_missing(m.start(1), "'@")
        return A.StringConstant(span(m.start(1), m.end(1)), m.group("body") or "",
                                "here-single")
    return act(prefix_tok(rf"@{SQ_CLASS}(?P<hdr>[^\r\n]*)(?:{NEWLINE}"
                          rf"(?:(?P<body>[\s\S]*?){NEWLINE})??(?P<close>{SQ_CLASS}@))?"), action)


def _here_missing(start, term):
    text = current().text
    family = SQ if term[0] in SQ else DQ
    w = re.compile(rf"{NEWLINE}({BLANK}+)[{family}]@").search(text, start)
    if w:
        abort("WhitespaceBeforeHereStringFooter", w.start(1), w.end(1))
    abort("TerminatorExpectedAtEndOfString", start, start + 2, token=term,
          incomplete=True)


def _dq_text_action(s, l, t):
    m = t[0]
    return Piece((dq_unescape(m.group(1)),), m.start(1), m.end(1))


def _hs_text_action(s, l, t):
    m = t[0]
    return Piece((bare_unescape(m.group(1)),), m.start(1), m.end(1))


def _sub_action(s, l, t):
    items = list(t)
    o, c = items[0], items[-1]
    return A.SubExpr(span(o.start, c.end), tuple(items[1:-1]))


def _dq_string(prefix_tok, text_piece, expr_piece, here=False):
    """A double-quoted string or here-string; unterminated -> IncompleteInput with
    the span of the opening quote."""
    if here:
        quote_open = prefix_tok(rf"@{DQ_CLASS}(?P<hdr>[^\r\n]*)(?:{NEWLINE}|\Z)")
        close = glued(rf"(?:{NEWLINE}|(?<=[\r\n])){DQ_CLASS}@")
    else:
        quote_open = prefix_tok(DQ_CLASS)
        close = glued(DQ_CLASS)
    body = pp.ZeroOrMore(text_piece | expr_piece)

    def open_action(s, l, t):
        m = t[0]
        if here:
            _abort_bad_header(m)
        return Tok(m.group(1), m.start(1), m.end(1), "open")

    def action(s, l, t):
        items = list(t)
        o = items[0]
        c = items[-1]
        if not isinstance(c, re.Match):
            # The closing quote is missing (only possible at the end of the text).
            if here:
                _here_missing(o.start, '"@')
            abort("TerminatorExpectedAtEndOfString", o.start, o.end, token='"',
                  incomplete=True)
        parts = []
        for p in items[1:-1]:
            if isinstance(p, Piece):
                parts.extend(p.parts)
            else:
                parts.append(p)
        return string_node(parts, o.start, c.end(1), "here-double" if here else "double")

    missing = act(pp.Empty(), lambda s, l, t: Tok("", l, l, "missing"))
    return act(act(quote_open, open_action) + body + (close | missing), action)


def strings(g) -> None:
    dq_text = act(glued(DQ_TEXT), _dq_text_action)
    # (Not a closing quote at the start of a line: `@"<newline>"@` is empty.)
    hs_text = act(glued(rf"(?:(?!(?<=[\r\n]){DQ_CLASS}@)[^$`\r\n]|`[\s\S]|\$(?!{VARSTART})"
                        rf"|{NEWLINE}(?!{DQ_CLASS}@))++"),
                  _hs_text_action)
    sub_open_g = act(glued(r"\$\(", nl_after=True), as_tok())
    g.SUB_CLOSE = must(token(r"\)", nl_before=True), "MissingEndParenthesisInSubexpression")
    g.SUBEXPR_G = act(sub_open_g + g.statements + g.SUB_CLOSE, _sub_action)
    g.sub_action = _sub_action

    # In a string, a subexpression's statements know they are in one (InString).
    string_sub = act(sub_open_g + InString(g.statements) + g.SUB_CLOSE, _sub_action)
    piece = g.VARIABLE_G | string_sub
    g.SQ_STRING_G = _sq_string(glued)
    g.DQ_STRING_G = _dq_string(glued, dq_text, piece)
    g.STRING = _sq_string(tok) | _dq_string(tok, dq_text, piece)
    g.STRING_G = g.SQ_STRING_G | g.DQ_STRING_G
    g.HERE = _dq_string(tok, hs_text, piece, here=True) | _here_sq_string(tok)
    g.ESC_STRING = _escaped_quote_string(piece)


def _escaped_quote_string(piece):
    """A string delimited by backtick-quotes: inside the ``$( )`` of a double-quoted
    string (``"x$(if ($o -ne `"`") {'y'})"``) PowerShell reads `` `" `` as a quote, so
    `` `"...`" `` is a double-quoted string there (and nowhere else)."""
    text = act(glued(rf"(?:[^$`{DQ}\r\n]|`[^{DQ}]|\$(?!{VARSTART}))++"), _dq_text_action)
    close = glued(rf"`{DQ_CLASS}")

    def action(s, l, t):
        if current().in_string <= 0:
            raise pp.ParseException(s, l, "not in a string")
        items = list(t)
        o, c = items[0], items[-1]
        parts = []
        for p in items[1:-1]:
            parts.extend(p.parts if isinstance(p, Piece) else (p,))
        return string_node(parts, o.start, c.end(1), "double")
    return act(token(rf"`{DQ_CLASS}") + pp.ZeroOrMore(text | piece) + close, action)
