"""What a parse leaves behind: nothing.  Parse state belongs to one parse (threads and
nested parses do not see each other's), the process-wide recursion limit is never
touched, and deep nesting parses group by group with whatever stack there is."""
import sys
import threading

import pytest

from exshell.lang import IncompleteInput, ParseError, parse
from exshell.lang import ast as A
from exshell.lang import state

from .test_grammar import SHAPES


@pytest.fixture
def recursion_limit_is_fixed(monkeypatch):
    """The default limit, and a parse that tried to change it would fail."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(1000)

    def refuse(n):
        raise AssertionError("parsing changed the recursion limit to %d" % n)
    monkeypatch.setattr(sys, "setrecursionlimit", refuse)
    yield
    monkeypatch.undo()
    sys.setrecursionlimit(old)


def _depth(node, child):
    """How many times ``child(node)`` goes on before it gives None (no recursion)."""
    n = 0
    while node is not None:
        node, n = child(node), n + 1
    return n


def _paren_child(node):
    if isinstance(node, A.Pipeline):
        node = node.elements[0].expression
    return node.pipeline if isinstance(node, A.ParenExpr) else None


DEEP = [
    # (text, what each level is)
    ("(" * 500 + "1" + ")" * 500, "parentheses"),
    ("if ($x) { " * 300 + "1" + " }" * 300, "if blocks"),
    ("foo { " * 300 + "1" + " }" * 300, "script block arguments"),
    ("$(" * 300 + "1" + ")" * 300, "subexpressions"),
    ("foo (" * 300 + "1" + ")" * 300, "command arguments in parentheses"),
    ("-not " * 500 + "1", "unary operators"),
    ("$a.b(" * 300 + "1" + ")" * 300, "method calls"),
    ('"$(' * 300 + "1" + ')"' * 300, "strings in subexpressions"),
    ("@{a=" * 300 + "1" + "}" * 300, "hash literals"),
    ("$a = " * 500 + "1", "assignments"),
    ("$a[" * 300 + "1" + "]" * 300, "indexes"),
    ("class X " + "{ " * 500 + "}" * 500, "unsupported statement braces"),
]


@pytest.mark.parametrize("text, what", DEEP, ids=[w for _, w in DEEP])
def test_deep_nesting_parses_without_touching_the_recursion_limit(text, what, recursion_limit_is_fixed):
    script = parse(text)
    assert len(script.statements) == 1


def test_five_hundred_nested_parentheses_give_five_hundred_paren_nodes(recursion_limit_is_fixed):
    script = parse("(" * 500 + "1" + ")" * 500)
    assert _depth(script.statements[0], _paren_child) == 501


def test_very_deep_nesting_parses_too(recursion_limit_is_fixed):
    script = parse("(" * 3000 + "1" + ")" * 3000)
    assert _depth(script.statements[0], _paren_child) == 3001


@pytest.mark.parametrize("deep", [False, True])
@pytest.mark.parametrize("inner, error_id, offset", [
    ("1 +", "ExpectedValueExpression", 3),
    ("1 2", "MissingEndParenthesisInExpression", 2),
    ("@{a=1; a=2}", "DuplicateKeyInHashLiteral", 7),
])
def test_errors_deep_inside_are_the_errors_of_the_shallow_text(deep, inner, error_id, offset,
                                                               recursion_limit_is_fixed):
    depth = 400 if deep else 3
    text = "(" * depth + inner + ")" * depth
    with pytest.raises(ParseError) as info:
        parse(text)
    assert info.value.first.error_id == error_id
    assert info.value.first.span.start == depth + offset


def test_unclosed_deep_nesting_is_incomplete(recursion_limit_is_fixed):
    with pytest.raises(IncompleteInput) as info:
        parse("(" * 400 + "1" + ")" * 399)
    assert info.value.first.error_id == "MissingEndParenthesisInExpression"
    assert info.value.first.span.start == 800


def test_parses_in_threads_agree_with_parses_in_turn():
    texts = [t for t, _ in SHAPES] + ["1 2\n$x = (", "if ($a) { 'x' } else { $b -f 1 }"]
    expected = {}
    for t in texts:
        try:
            expected[t] = parse(t)
        except ParseError as e:
            expected[t] = e.issues
    got, failures = {}, []

    def work(offset):
        for i in range(len(texts) * 3):
            t = texts[(i + offset) % len(texts)]
            try:
                result = parse(t)
            except ParseError as e:
                result = e.issues
            if result != expected[t]:
                failures.append(t)
            got[t] = True
    threads = [threading.Thread(target=work, args=(k * 7,)) for k in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert failures == [] and len(got) == len(texts)


def test_a_parse_inside_a_parse_restores_the_outer_state():
    outer = state.ParseState("Get-Foo\n$x")
    with state.activate(outer):
        assert parse("1 +\n2").statements
        assert state.current() is outer
        assert state.span(8, 10).line == 2


@pytest.mark.parametrize("text", ["Get-ExchangeCertificate | fl", "if ($a) { (", "1 +"])
@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was(text, enabled):
    """parse() pauses the cyclic collector while it builds the tree; afterwards (a tree
    or an error) it is on again, or still off when the caller had turned it off."""
    import gc
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        try:
            parse(text)
        except ParseError:
            pass
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_a_parse_leaves_no_cyclic_garbage():
    """Why the pause is sound: the trees and the errors are freed by reference counting
    alone, so nothing waits for the collector (a cycle here would pile up while it is
    paused)."""
    import gc
    texts = [shape for shape, _ in SHAPES[:60]] + ["if ($a) { (", "function f { param($x"]
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        for text in texts:
            try:
                parse(text)
            except ParseError:
                pass
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
