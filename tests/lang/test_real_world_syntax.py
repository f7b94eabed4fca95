"""Syntax that real admin scripts use (issue 11): each row parsed to the tree it means,
then run where running shows the meaning, on 2.0 (Exchange 2010) and 5.1 (2016)."""
import pytest

from exshell.lang import ast as A
from exshell.lang import parse
from exshell.testing import make_shell

from .shape import shape

# text -> the compact tree (tests.lang.shape); one row per construct.
SYNTAX = [
    # dynamic member access
    ("$obj.($name)", "pipe(expr(member($obj, paren(pipe(expr($name))))))"),
    ("$obj.$($name)", "pipe(expr(member($obj, sub(pipe(expr($name))))))"),
    ("$h.($x.Name) -eq 1", "pipe(expr(binary(eq, member($h, paren(pipe(expr(member($x, Name))))), 1)))"),
    ("$r.$($k.Name) = 1", "assign(member($r, sub(pipe(expr(member($k, Name))))), =, pipe(expr(1)))"),
    ("$o.($n)()", "pipe(expr(invoke($o, paren(pipe(expr($n))))))"),
    # chained casts
    ("[int][char]$c", "pipe(expr(cast(int, cast(char, $c))))"),
    ("[pscustomobject][ordered]@{a=1}", "pipe(expr(cast(pscustomobject, ordered-hash(a=pipe(expr(1))))))"),
    ("[object[]][SomeType]::Value", "pipe(expr(cast(object[], static-member([SomeType], Value))))"),
    ("[void][X]::M()", "pipe(expr(cast(void, static-invoke([X], M))))"),
    ("[type][Guid]", "pipe(expr(cast(type, [Guid])))"),
    ("[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, "
     "ContentType = WindowsRuntime] > $null",
     "pipe(expr([Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, "
     "ContentType = WindowsRuntime]) > $null)"),
    # a postfix operator after blanks
    ("$counter ++", "pipe(expr(post++($counter)))"),
    ("$counter --", "pipe(expr(post--($counter)))"),
    ("$a[0] ++", "pipe(expr(post++(index($a, 0))))"),
    ("foreach ($x in $l) { $n ++ }", "foreach($x, pipe(expr($l)), block(pipe(expr(post++($n)))))"),
    # blanks in attribute parentheses and type literals (already accepted: regression rows)
    ("[CmdletBinding( )]\nparam()", "param-block"),
    ("[ System.Reflection.Assembly]::LoadWithPartialName('x')",
     "pipe(expr(static-invoke([System.Reflection.Assembly], LoadWithPartialName, 'x')))"),
    # a statement right after a closing brace
    ("if ($a) { } if ($b) { }", "if($a: block()); if($b: block())"),
    ("if ($a) {\n} if ($x) {\n}", "if($a: block()); if($x: block())"),
    ("foreach ($i in 1..2) { $i } 'done'", "foreach($i, pipe(expr(range(1, 2))), block(pipe(expr($i)))); pipe(expr('done'))"),
    ("function f { 1 } f", "function f; pipe(cmd(f))"),
    ("try { 1 } catch { 2 } 'next'", "try; pipe(expr('next'))"),
    # backtick-escaped quotes in a subexpression of a double-quoted string
    ('"x$(if ($o -ne `"`") {"y"})"', "pipe(expr(\"x$(if($o -ne \"\": block(pipe(expr(\"y\")))))\"))"),
    # trap followed by a statement, catch + newline + type
    (". { trap { } 'a'; throw 'x' }", "pipe(cmd(.{trap; pipe(expr('a')); throw}))"),
    ("try { }\ncatch\n[System.Exception] { }", "try"),
    # .ForEach{ } / .Where{ }
    ("$l.ForEach{ $_ * 2 }", "pipe(expr(invoke($l, ForEach, {...})))"),
    ("$l.Where{ $_ -gt 1 }", "pipe(expr(invoke($l, Where, {...})))"),
    ("(1..3).Where{$_}", "pipe(expr(invoke(paren(pipe(expr(range(1, 3)))), Where, {...})))"),
    # a member name on the line after its operator
    ("$a = [X]::M($b).\n    Name", "assign($a, =, pipe(expr(member(static-invoke([X], M, $b), Name))))"),
    # break/continue with a colon before the label
    (":outer foreach ($i in 1) { break :outer }", "foreach($i, pipe(expr(1)), block(break(outer)))"),
]


def _render(node):
    """A compact rendering good enough to tell these constructs apart."""
    if isinstance(node, A.Script):
        return "; ".join(_render(s) for s in node.statements) if node.statements else \
            ("param-block" if node.param_block else "")
    if isinstance(node, A.Pipeline):
        return "pipe(%s)" % ", ".join(_render(e) for e in node.elements)
    if isinstance(node, A.CommandExpression):
        redir = "".join(" > %s" % _render(r.target) for r in node.redirections)
        return "expr(%s)%s" % (_render(node.expression), redir)
    if isinstance(node, A.CommandCall):
        return "cmd(%s%s)" % (node.invocation, ", ".join(
            [node.name if isinstance(node.name, str) else _render(node.name)]
                                     + [_render(e) for e in node.elements]))
    if isinstance(node, A.Assignment):
        return "assign(%s, %s, %s)" % (_render(node.target), node.operator, _render(node.value))
    if isinstance(node, A.VariableExpr):
        return "$" + node.name
    if isinstance(node, A.NumberConstant):
        return node.text
    if isinstance(node, A.StringConstant):
        return {"single": "'%s'", "double": '"%s"'}.get(node.kind, "%s") % node.value
    if isinstance(node, A.ExpandableString):
        return '"%s"' % "".join(p if isinstance(p, str) else _render(p) for p in node.parts)
    if isinstance(node, A.SubExpr):
        return "$(%s)" % "; ".join(_render(s) for s in node.statements) if \
            any(isinstance(s, A.IfStatement) for s in node.statements) else \
            "sub(%s)" % "; ".join(_render(s) for s in node.statements)
    if isinstance(node, A.ParenExpr):
        return "paren(%s)" % _render(node.pipeline)
    if isinstance(node, A.MemberExpr):
        name = node.member if isinstance(node.member, str) else _render(node.member)
        if node.static:
            return "static-member(%s, %s)" % (_render(node.obj), name)
        return "member(%s, %s)" % (_render(node.obj), name)
    if isinstance(node, A.InvokeMemberExpr):
        name = node.member if isinstance(node.member, str) else _render(node.member)
        kind = "static-invoke" if node.static else "invoke"
        return "%s(%s)" % (kind, ", ".join([_render(node.obj), name] + [_render(a) for a in node.arguments]))
    if isinstance(node, A.IndexExpr):
        return "index(%s, %s)" % (_render(node.obj), _render(node.index))
    if isinstance(node, A.ConvertExpr):
        return "cast(%s, %s)" % (node.type_name, _render(node.operand))
    if isinstance(node, A.TypeLiteral):
        return "[%s]" % node.name
    if isinstance(node, A.HashLiteral):
        return "%shash(%s)" % ("ordered-" if node.ordered else "", ", ".join(
            "%s=%s" % (_render(k), _render(v)) for k, v in node.pairs))
    if isinstance(node, A.UnaryExpr):
        return "%s%s(%s)" % ("post" if node.postfix else "", node.operator, _render(node.operand))
    if isinstance(node, A.BinaryExpr):
        if node.operator == "..":
            return "range(%s, %s)" % (_render(node.left), _render(node.right))
        if node.operator in ("eq", "ne", "gt"):
            if isinstance(node.right, A.StringConstant):
                return "%s -%s %s" % (_render(node.left), node.operator, _render(node.right))
            return "binary(%s, %s, %s)" % (node.operator, _render(node.left), _render(node.right))
        return "binary(%s, %s, %s)" % (node.operator, _render(node.left), _render(node.right))
    if isinstance(node, A.IfStatement):
        return "; ".join("if(%s: %s)" % (_render(c.elements[0].expression) if isinstance(c, A.Pipeline) else _render(c),
                                         _render(b)) for c, b in node.clauses)
    if isinstance(node, A.StatementBlock):
        return "block(%s)" % "; ".join(_render(s) for s in node.statements)
    if isinstance(node, A.ForEachStatement):
        return "foreach(%s, %s, %s)" % (_render(node.variable), _render(node.iterable), _render(node.body))
    if isinstance(node, A.FunctionDefinition):
        return "function %s" % node.name
    if isinstance(node, A.TryStatement):
        return "try"
    if isinstance(node, A.TrapStatement):
        return "trap"
    if isinstance(node, A.ThrowStatement):
        return "throw"
    if isinstance(node, A.BreakStatement):
        return "break(%s)" % node.label
    if isinstance(node, A.ScriptBlockExpr):
        if any(isinstance(s, A.TrapStatement) for s in node.statements):
            return "{%s}" % "; ".join(_render(s) for s in node.statements)
        return "{...}"
    return shape(node)


@pytest.mark.parametrize("text, expected", SYNTAX, ids=[t[:40] for t, _ in SYNTAX])
def test_real_world_syntax_parses_to_its_meaning(text, expected):
    assert _render(parse(text)) == expected


# --- and runs as Windows PowerShell runs it ------------------------------------------

def run(text, version):
    shell, host = make_shell(version)
    shell.run(text)
    assert shell.internal_errors == []
    return [line.rstrip() for line in host.text.splitlines() if line.strip()]


BOTH = ("2010", "2016")

RUNS = [
    # (script, versions, output lines)
    ("$h = @{ a = 1; b = 2 }; $n = 'b'; $h.($n); $h.$($n); $h.('a') -eq 1", BOTH, ["2", "2", "True"]),
    ("$p = @{}; $k = 'z'; $p.$($k) = 5; $p.($k + '2') = 6; $p.z; $p.z2", BOTH, ["5", "6"]),
    ("$o = [pscustomobject][ordered]@{ x = 5; y = 6 }; $o.x; ($o | Get-Member -MemberType NoteProperty).Count",
     ("2016",), ["5", "2"]),
    ("[string][int]'42'; [int][double]'2.5'", BOTH, ["42", "2"]),
    ("$counter = 0; $counter ++; $counter ++; $counter --; $counter", BOTH, ["1"]),
    ("if ($true) { 'one' } if ($true) { 'two' } foreach ($i in 3) { $i } 'four'", BOTH,
     ["one", "two", "3", "four"]),
    ("$e = ''; \"x$(if ($e -ne `\"`\") {'y'} else {'z'})\"", BOTH, ["xz"]),
    ("$f = 'v'; \"[$(if ($f -eq `\"v`\") { `\"yes`\" })]\"", BOTH, ["[yes]"]),
    (". { trap { 'trapped'; continue } 'a'; throw 'x'; 'after' }; 'end'", BOTH,
     ["a", "trapped", "after", "end"]),
    ("try { throw 'boom' }\ncatch\n[System.Management.Automation.RuntimeException] { 'caught' }", BOTH,
     ["caught"]),
    ("(1, 2, 3).ForEach{ $_ * 2 }; ((1, 2, 3).Where{ $_ -gt 1 }).Count", ("2016",), ["2", "4", "6", "2"]),
    ("(1, 2, 3, 4).Where({ $_ -gt 1 }, 'First'); (1, 2, 3, 4).Where({ $_ -gt 1 }, 'Last', 2)", ("2016",),
     ["2", "3", "4"]),
    ("(5).ForEach({ $_ + 1 }); $null.ForEach({ 'never' }).Count", ("2016",), ["6", "0"]),
    (":outer foreach ($i in 1, 2) { foreach ($j in 1, 2) { if ($j -eq 2) { break :outer }; \"$i$j\" } }",
     BOTH, ["11"]),
    ("$s = 'a,b'; $s.\n  Split(',').Count", BOTH, ["2"]),
]


@pytest.mark.parametrize("text, versions, expected", RUNS, ids=[t[:40] for t, _, _ in RUNS])
def test_real_world_syntax_runs(text, versions, expected):
    for version in versions:
        assert run(text, version) == expected, version


def test_where_and_foreach_methods_do_not_exist_on_2_0():
    lines = run("(1, 2).ForEach{ $_ }", "2010")
    assert lines[0] == "Method invocation failed because [System.Object[]] doesn't contain a method named 'ForEach'."


def _deep_plus(n):
    return " + ".join(["1"] * n)


@pytest.mark.parametrize("version", BOTH)
def test_deep_but_ordinary_code_parses_and_runs(version):
    text = ("$a = %s; $a\n" % _deep_plus(1000)
            + "(" * 500 + "2" + ")" * 500 + "\n"
            + "$b = " + "(" * 500 + "3 + 4" + ")" * 500 + "; $b\n"
            + " -and ".join(["$true"] * 1000) + "\n")
    assert run(text, version) == ["1000", "2", "7", "True"]
