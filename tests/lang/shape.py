"""A compact, readable rendering of syntax trees for table-driven parser tests.

``shape(parse(text))`` gives one line per statement, e.g.
``pipe(cmd(Get-ExchangeCertificate, -Domain), cmd(fl))``.  Only structure is shown, no
spans; spans are asserted separately where they matter.
"""
from __future__ import annotations

from exshell.lang import ast as A


def shape(node) -> str:
    if isinstance(node, A.Script):
        return "; ".join(shape(s) for s in node.statements)
    if isinstance(node, tuple):
        return ", ".join(shape(x) for x in node)
    if node is None:
        return "None"
    if isinstance(node, str):
        return node
    if not isinstance(node, A.Node):
        return repr(node)
    f = _FORMATS.get(type(node))
    if f:
        return f(node)
    return shape_generic(node)


def _field(v) -> str:
    if isinstance(v, tuple):
        return "(" + ", ".join(_field(x) for x in v) + ")"
    if isinstance(v, str):
        return repr(v)
    return shape(v)


def _parts(parts) -> str:
    return "".join(p.replace("{", "{{") if isinstance(p, str) else "{" + shape(p) + "}" for p in parts)


def _redirs(rs) -> str:
    return "".join(f" {r.stream}>{'>' if r.append else ''}" +
                   (f"&{r.merge_to}" if r.merge_to else shape(r.target)) for r in rs)


_FORMATS = {
    A.Pipeline: lambda n: "pipe(" + shape(n.elements) + ")",
    A.CommandCall: lambda n: "cmd(" + n.invocation + (n.name if isinstance(n.name, str) else shape(n.name))
    + "".join(", " + shape(e) for e in n.elements) + _redirs(n.redirections) + ")",
    A.CommandParameter: lambda n: n.text + (shape(n.argument) if n.argument is not None else ""),
    A.CommandExpression: lambda n: shape(n.expression) + _redirs(n.redirections),
    A.StringConstant: lambda n: {"bare": n.value, "single": f"'{n.value}'", "double": f'"{n.value}"',
                                 "here-single": f"@'{n.value}'@", "here-double": f'@"{n.value}"@'}[n.kind],
    A.ExpandableString: lambda n: f"{n.kind}`" + _parts(n.parts) + "`",
    A.NumberConstant: lambda n: repr(n.value),
    A.VariableExpr: lambda n: ("@" if n.splat else "$") + (f"{n.scope}:" if n.scope else "") + n.name,
    A.MemberExpr: lambda n: shape(n.obj) + ("::" if n.static else ".") + shape(n.member),
    A.InvokeMemberExpr: lambda n: shape(n.obj) + ("::" if n.static else ".") + shape(n.member)
    + "(" + shape(n.arguments) + ")",
    A.IndexExpr: lambda n: shape(n.obj) + "[" + shape(n.index) + "]",
    A.ArrayLiteral: lambda n: "[" + shape(n.items) + "]",
    A.ArrayExpr: lambda n: "@(" + "; ".join(shape(s) for s in n.statements) + ")",
    A.SubExpr: lambda n: "$(" + "; ".join(shape(s) for s in n.statements) + ")",
    A.ParenExpr: lambda n: "(" + shape(n.pipeline) + ")",
    A.HashLiteral: lambda n: ("ordered" if n.ordered else "") + "@{" + "; ".join(
        f"{shape(k)}={shape(v)}" for k, v in n.pairs) + "}",
    A.ScriptBlockExpr: lambda n: "{" + "; ".join(shape(s) for s in n.statements) + "}"
    if not n.blocks and n.param_block is None else shape_generic(n),
    A.BinaryExpr: lambda n: f"({shape(n.left)} {n.operator} {shape(n.right)})",
    A.UnaryExpr: lambda n: f"({shape(n.operand)} {n.operator})" if n.postfix else f"({n.operator} {shape(n.operand)})",
    A.TypeLiteral: lambda n: f"[{n.name}]",
    A.ConvertExpr: lambda n: f"[{n.type_name}]{shape(n.operand)}",
    A.Assignment: lambda n: f"{shape(n.target)} {n.operator} {shape(n.value)}",
    A.StatementBlock: lambda n: "{" + "; ".join(shape(s) for s in n.statements) + "}",
}


def shape_generic(node) -> str:
    fields = [x for x in A.fields(node) if x not in ("span", "text")]
    inner = ", ".join(f"{n}={_field(getattr(node, n))}" for n in fields)
    return f"{type(node).__name__}({inner})"
