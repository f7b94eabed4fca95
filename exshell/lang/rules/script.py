"""Script structure: the fast statement path, statements and statement lists, blocks,
and the script itself (an optional param block, then named blocks or statements).

The fast statement path takes the commonest statements (a pipeline of commands whose
arguments are plain words, ``-Name``, ``-Name:$false``, ``IIS,SMTP``, numbers,
``$x.Prop`` and quoted strings without ``$``; an operator-only expression of simple
operands, alone or piped into such commands; ``$x = <that>``) as one ``Regex``
element whose action re-scans the match.  It builds exactly the trees the general
rules build (``tests/lang/test_fast_path.py`` compares a grammar built without it),
and anything else falls through to the general rules.
"""
from __future__ import annotations

import pyparsing as pp

from .. import ast as A
from ..elements import LRegex, Nest, act, drop
from ..lexicon import (FAST_ARG, FAST_NAME_RUN, FAST_STATEMENT, FAST_STATEMENT_SEPS, NL_TRIVIA,
                       OPERAND_TOKEN, TRIVIA, LazyRegex, token_pattern)
from ..nodes import (bare_unescape, closed, fast_argument, fast_expression, fast_match,
                     norm_assign)
from ..state import current, fail_unexpected, span


def build(g, fast: bool = True) -> None:
    fast_statements(g)
    statement_lists(g, fast)
    script(g)


class _FastStatement:
    """The action of the fast statement regex: re-scan its match into nodes, with the
    same patterns as the grammar's tokens (re's cache compiles each once)."""

    def __init__(self):
        self.arg = None
        self.name = None
        self.pipe = None
        self.operand = None

    # The name's own checks (not a keyword, cannot start an expression) held when the
    # statement matched: the re-scan only finds where it ends.
    PATTERNS = (LazyRegex(token_pattern(FAST_ARG)), LazyRegex(rf"{TRIVIA}({FAST_NAME_RUN})"),
                LazyRegex(rf"{TRIVIA}\|{NL_TRIVIA}"), LazyRegex(OPERAND_TOKEN))

    def compile(self):
        self.arg, self.name, self.pipe, self.operand = (r.compiled() for r in self.PATTERNS)

    def __call__(self, s, l, t):
        m = t[0]
        if self.arg is None:
            self.compile()
        value = self.pipeline(m)
        if m.group("asg") is None:
            return value
        target = fast_match(self.operand.match(current().text, m.start("asg")))
        return A.Assignment(span(target.span.start, value.span.end), target,
                            norm_assign(m.group("aop")), value)

    def pipeline(self, m):
        text = current().text
        pos, end = m.span("fcmd")
        elements = []
        if m.group("fex") is not None:
            node = fast_expression(text, *m.span("fex"))
            elements.append(A.CommandExpression(node.span, node))
            if pos == end:
                return A.Pipeline(node.span, tuple(elements))
        while True:
            nm = self.name.match(text, pos)
            ns, ne = nm.span(1)
            pos = nm.end()
            args = []
            redirs = []
            last = ne
            while pos < end:  # (an argument at the end would end past it)
                am = self.arg.match(text, pos)
                if am is None or am.end() > end:
                    break
                node = fast_argument(am)
                (redirs if isinstance(node, A.Redirection) else args).append(node)
                last = node.span.end
                pos = am.end()
            name_span = span(ns, ne)
            elements.append(A.CommandCall(span(ns, last), bare_unescape(text[ns:ne]),
                                          name_span, tuple(args), "", tuple(redirs)))
            pm = self.pipe.match(text, pos)
            if pm is None or pm.end() > end:
                break
            pos = pm.end()
        return A.Pipeline(span(elements[0].span.start, elements[-1].span.end), tuple(elements))


def fast_statements(g) -> None:
    # In a statement list the same pattern also takes the separators that follow, so a
    # simple statement costs one element call instead of seven (guard, alternatives,
    # end check, separators).  Each copy is compiled on first use: a one-line command
    # needs only this one.
    action = _FastStatement()
    g.FAST_STMT = act(LRegex(False, FAST_STATEMENT, as_match=True), action)
    g.FAST_STMT_SEP = act(LRegex(False, FAST_STATEMENT_SEPS, as_match=True), action)


def _block_action(s, l, t):
    items = list(t)
    o, c = items[0], closed(items, "}")
    return A.StatementBlock(span(o.start, c.end), tuple(items[1:-1]))


def statement_lists(g, fast: bool = True) -> None:
    general_statement = g.keyword_statement | g.pipeline
    g.statement <<= (g.FAST_STMT | general_statement) if fast else general_statement
    g.fast_pipeline <<= (g.FAST_STMT | g.pipeline) if fast else g.pipeline
    # The statement end and the separators after it as one lookahead-then-consume
    # regex (was END and Opt(SEPS): two element calls more per statement).
    end_seps = act(LRegex(True, rf"{TRIVIA}(?=[;\r\n)}}]|\Z)(?:(?:{TRIVIA}[;\r\n])++{TRIVIA})?"),
                   drop)
    guard = LRegex(True, TRIVIA + r"(?![)}]|\Z)").set_parse_action(drop)
    # Used only here, so its failure can raise the error itself (a fail action) instead
    # of through an alternative (one element call fewer per statement).
    end_seps.set_fail_action(lambda s, loc, expr, err: fail_unexpected(s, loc, None))
    # A statement that ends with its block's `}` (if, loops, try, function, ...) needs no
    # separator before the next one: `if ($a) { } if ($b) { }`, `} else { } 'x'`.
    after_block = LRegex(True, rf"(?<=\}}){TRIVIA}(?![;\r\n)}}]|\Z)|{TRIVIA}(?=[;\r\n)}}]|\Z)"
                               rf"(?:(?:{TRIVIA}[;\r\n])++{TRIVIA})?").set_parse_action(drop)
    after_block.set_fail_action(lambda s, loc, expr, err: fail_unexpected(s, loc, None))
    listed = guard + (g.keyword_statement + after_block | g.pipeline + end_seps)
    # Guarded: every block, script block and subexpression holds a statement list.
    g.statements <<= Nest(pp.Opt(g.SEPS) + pp.ZeroOrMore((g.FAST_STMT_SEP | listed) if fast else listed))
    g.block <<= act(g.LBRACE + g.statements + pp.Opt(g.RBRACE_NL), _block_action)


def script(g) -> None:
    # A script's own param block may be followed by a statement on the same line, as
    # in a script block (`param($n) "x $n"`); parse() moves it into Script.param_block.
    g.script = pp.Opt(g.SEPS) + pp.Opt(g.SB_PARAM_GUARD + g.param_block + pp.Opt(g.SEPS)) + \
        (g.named_blocks | g.statements) + g.NLS
    g.script.parse_with_tabs()
