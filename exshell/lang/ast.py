"""The syntax tree exshell's parser produces.

Every node is a frozen dataclass carrying a :class:`Span` into the source text.
The tree is plain data: nothing here executes.  The evaluator in
``exshell.engine.evaluator`` walks it with one method per node class (dispatch is by
class name: ``visit_<ClassName>``), and the REPL's completer and highlighter can read
the same tree without running anything.

This module imports nothing else from exshell.

Shape of a script::

    Script(statements=(Pipeline(elements=(CommandCall(...), CommandCall(...))), ...))

Command-mode arguments stay unowned: the parser records ``CommandParameter`` tokens
and argument expressions side by side in ``CommandCall.elements``; only the binder
knows which argument belongs to which parameter (``-Path a*``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Tuple, Union

__all__ = [
    "Span", "Node", "Script", "Pipeline", "CommandCall", "CommandParameter",
    "CommandExpression", "Redirection", "Assignment", "StringConstant", "ExpandableString",
    "NumberConstant", "VariableExpr", "MemberExpr", "InvokeMemberExpr", "IndexExpr",
    "ArrayLiteral", "ArrayExpr", "SubExpr", "ParenExpr", "HashLiteral", "ScriptBlockExpr",
    "BinaryExpr", "UnaryExpr", "ConvertExpr", "TypeLiteral", "UnsupportedStatement",
    "IfStatement", "ForEachStatement", "ForStatement", "WhileStatement", "DoWhileStatement",
    "TryStatement", "CatchClause", "ThrowStatement", "ReturnStatement", "BreakStatement",
    "ContinueStatement", "ExitStatement", "FunctionDefinition", "ParamBlock",
    "ParameterDecl", "Attribute", "SwitchStatement", "SwitchClause", "TrapStatement",
    "NamedBlock", "StatementBlock",
]


@dataclass(frozen=True, slots=True)
class Span:
    """Where a node sits in the source.

    ``start``/``end`` are character offsets into the parsed text (end exclusive);
    ``line``/``column`` are 1-based and describe ``start``.
    """

    start: int
    end: int
    line: int
    column: int

    @staticmethod
    def of(text: str, start: int, end: int) -> "Span":
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        return Span(start, end, line, column)


@dataclass(frozen=True, slots=True)
class Node:
    span: Span


# --------------------------------------------------------------------------- script

@dataclass(frozen=True, slots=True)
class Script(Node):
    """A whole input: the statements, plus the text they came from (for error display)."""

    statements: Tuple[Node, ...]
    source: str = field(default="", compare=False, repr=False)
    file: Optional[str] = None
    param_block: Optional["ParamBlock"] = None


@dataclass(frozen=True, slots=True)
class StatementBlock(Node):
    """``{ statements }`` used as the body of if/foreach/try/... (not a script block value)."""

    statements: Tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Pipeline(Node):
    """``a | b | c``.  Elements are CommandCall or CommandExpression nodes."""

    elements: Tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Redirection(Node):
    """``2>&1``, ``> file``, ``*>$null``: ``stream`` is '1','2','*',...; ``target`` an
    expression, or None for merging (``merge_to`` then names the stream)."""

    stream: str
    append: bool
    target: Optional[Node] = None
    merge_to: Optional[str] = None


@dataclass(frozen=True, slots=True)
class CommandCall(Node):
    """A command invocation in argument mode.

    ``name`` is the command name as typed (a string) for the usual case, or an
    expression node when invoked with ``&``/``.`` on a value (``& $block``).
    ``name_span`` covers the name token only.  ``invocation`` is '' (plain), '&' or
    '.'.  ``elements`` holds CommandParameter nodes and argument expressions in the
    order written.
    """

    name: Union[str, Node]
    name_span: Span
    elements: Tuple[Node, ...] = ()
    invocation: str = ""
    redirections: Tuple[Redirection, ...] = ()


@dataclass(frozen=True, slots=True)
class CommandParameter(Node):
    """``-Name``, ``-Name:value``.

    ``name`` is the text after the dash (any of the four PowerShell dashes), as typed
    (``thumb``).  ``argument`` is set only for the colon form; ``colon`` tells whether a
    colon was written (``-Name:`` with nothing after it is a parse error).  ``text`` is
    the token exactly as written, dash included.
    """

    name: str
    text: str
    argument: Optional[Node] = None
    colon: bool = False


@dataclass(frozen=True, slots=True)
class CommandExpression(Node):
    """An expression used as a pipeline element (``$x | fl``, ``"a"``, ``1 + 2``)."""

    expression: Node
    redirections: Tuple[Redirection, ...] = ()


@dataclass(frozen=True, slots=True)
class Assignment(Node):
    """``target op value``; op is '=', '+=', '-=', '*=', '/=', '%='.
    ``value`` is a statement (usually a Pipeline)."""

    target: Node
    operator: str
    value: Node


# ---------------------------------------------------------------------- expressions

@dataclass(frozen=True, slots=True)
class StringConstant(Node):
    """A string with no expansion.

    ``kind``: 'bare' (argument-mode word such as ``IIS`` or ``C:\\x.pfx``), 'single',
    'here-single', or 'double'/'here-double' when a double-quoted string happens to
    hold nothing to expand.  ``value`` is already unescaped.
    """

    value: str
    kind: str = "bare"


@dataclass(frozen=True, slots=True)
class ExpandableString(Node):
    """A double-quoted string, here-string or bare word containing ``$var``/``$(...)``.

    ``parts`` alternates literal text (str, already unescaped) and expression nodes
    (VariableExpr or SubExpr) in source order.
    """

    parts: Tuple[Union[str, Node], ...]
    kind: str = "double"


@dataclass(frozen=True, slots=True)
class NumberConstant(Node):
    """``42``, ``0x1F``, ``1.5``, ``1kb``. ``value`` is int, float or Decimal; ``text``
    the literal as written (command-mode arguments keep it for display)."""

    value: object
    text: str = ""


@dataclass(frozen=True, slots=True)
class VariableExpr(Node):
    """``$name``, ``$scope:name``, ``${any name}``; ``splat`` for ``@name``.
    ``name`` excludes the sigil and the scope; ``scope`` is lower-cased or None."""

    name: str
    scope: Optional[str] = None
    splat: bool = False


@dataclass(frozen=True, slots=True)
class MemberExpr(Node):
    """``obj.Name`` / ``obj::Name`` (static).  ``member`` is a str, or a node for
    ``$obj.$name`` and ``$obj.'odd name'``."""

    obj: Node
    member: Union[str, Node]
    static: bool = False


@dataclass(frozen=True, slots=True)
class InvokeMemberExpr(Node):
    """``obj.Method(args)`` / ``[Type]::Method(args)``."""

    obj: Node
    member: Union[str, Node]
    arguments: Tuple[Node, ...] = ()
    static: bool = False


@dataclass(frozen=True, slots=True)
class IndexExpr(Node):
    """``obj[index]``; the index may be an ArrayLiteral for slices."""

    obj: Node
    index: Node


@dataclass(frozen=True, slots=True)
class ArrayLiteral(Node):
    """A comma list ``a, b, c`` (also the unary ``,a``, with one item)."""

    items: Tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class ArrayExpr(Node):
    """``@( statements )``."""

    statements: Tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class SubExpr(Node):
    """``$( statements )``."""

    statements: Tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class ParenExpr(Node):
    """``( pipeline )``: the value of one pipeline or expression statement."""

    pipeline: Node


@dataclass(frozen=True, slots=True)
class HashLiteral(Node):
    """``@{ k = v; ... }``; ``ordered`` when written ``[ordered]@{...}``."""

    pairs: Tuple[Tuple[Node, Node], ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class NamedBlock(Node):
    """``begin {}``, ``process {}``, ``end {}`` (and ``dynamicparam``) inside a script
    block or function body."""

    name: str
    statements: Tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class ScriptBlockExpr(Node):
    """``{ ... }`` as a value.  Either ``statements`` (an unnamed end block) or
    ``blocks`` (named begin/process/end) is set.  ``text`` is the source between the
    braces, as written (what ``$sb.ToString()`` returns)."""

    statements: Tuple[Node, ...] = ()
    param_block: Optional["ParamBlock"] = None
    blocks: Tuple[NamedBlock, ...] = ()
    text: str = ""


@dataclass(frozen=True, slots=True)
class BinaryExpr(Node):
    """``left op right``.

    ``operator`` is normalised: lower-case, dash removed for named operators
    (``eq``, ``ceq``, ``ilike``, ``and``, ``f``, ``replace``, ``join``...), symbols
    as written (``+``, ``-``, ``*``, ``/``, ``%``, ``..``).  Unicode dashes are
    normalised to '-'.
    """

    operator: str
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class UnaryExpr(Node):
    """``-not x``, ``!x``, ``-x``, ``+x``, ``-split x``, ``-join x``, ``++x``, ``x++``.
    ``operator`` normalised as in BinaryExpr (``not``, ``!``, ``-``, ``+``, ``split``,
    ``join``, ``bnot``, ``++``, ``--``); ``postfix`` for ``x++``/``x--``."""

    operator: str
    operand: Node
    postfix: bool = False


@dataclass(frozen=True, slots=True)
class TypeLiteral(Node):
    """``[datetime]``, ``[byte[]]``, ``[System.IO.File]`` used as a value.
    ``name`` is the text between the brackets, as written."""

    name: str


@dataclass(frozen=True, slots=True)
class ConvertExpr(Node):
    """``[type] operand`` (a cast)."""

    type_name: str
    operand: Node


@dataclass(frozen=True, slots=True)
class Attribute(Node):
    """``[Parameter(Mandatory = $true)]``, ``[CmdletBinding()]``, ``[ValidateSet('a','b')]``.
    ``positional`` holds positional argument expressions, ``named`` (name, expr|None)."""

    name: str
    positional: Tuple[Node, ...] = ()
    named: Tuple[Tuple[str, Optional[Node]], ...] = ()


# ----------------------------------------------------------------------- statements

@dataclass(frozen=True, slots=True)
class UnsupportedStatement(Node):
    """A construct the parser recognises but the runtime does not implement yet
    (``class``, ``enum``, ``using``, ...).  Running it raises an error that names
    ``feature`` and points at the span."""

    feature: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class IfStatement(Node):
    """``if (c) {..} elseif (c) {..} else {..}``: clauses are (condition, block)."""

    clauses: Tuple[Tuple[Node, StatementBlock], ...]
    else_block: Optional[StatementBlock] = None


@dataclass(frozen=True, slots=True)
class ForEachStatement(Node):
    variable: VariableExpr
    iterable: Node
    body: StatementBlock
    label: Optional[str] = None


@dataclass(frozen=True, slots=True)
class ForStatement(Node):
    init: Optional[Node]
    condition: Optional[Node]
    iterator: Optional[Node]
    body: StatementBlock
    label: Optional[str] = None


@dataclass(frozen=True, slots=True)
class WhileStatement(Node):
    condition: Node
    body: StatementBlock
    label: Optional[str] = None


@dataclass(frozen=True, slots=True)
class DoWhileStatement(Node):
    """``do {} while (c)`` (``until`` False) or ``do {} until (c)`` (``until`` True)."""

    body: StatementBlock
    condition: Node
    until: bool = False
    label: Optional[str] = None


@dataclass(frozen=True, slots=True)
class CatchClause(Node):
    type_names: Tuple[str, ...]
    body: StatementBlock


@dataclass(frozen=True, slots=True)
class TryStatement(Node):
    body: StatementBlock
    catches: Tuple[CatchClause, ...] = ()
    finally_block: Optional[StatementBlock] = None


@dataclass(frozen=True, slots=True)
class TrapStatement(Node):
    type_name: Optional[str]
    body: StatementBlock


@dataclass(frozen=True, slots=True)
class ThrowStatement(Node):
    value: Optional[Node] = None


@dataclass(frozen=True, slots=True)
class ReturnStatement(Node):
    value: Optional[Node] = None


@dataclass(frozen=True, slots=True)
class BreakStatement(Node):
    label: Optional[str] = None


@dataclass(frozen=True, slots=True)
class ContinueStatement(Node):
    label: Optional[str] = None


@dataclass(frozen=True, slots=True)
class ExitStatement(Node):
    value: Optional[Node] = None


@dataclass(frozen=True, slots=True)
class ParameterDecl(Node):
    """One parameter in a ``param()`` block or ``function f($a, $b)``."""

    name: str
    type_name: Optional[str] = None
    default: Optional[Node] = None
    attributes: Tuple[Attribute, ...] = ()


@dataclass(frozen=True, slots=True)
class ParamBlock(Node):
    parameters: Tuple[ParameterDecl, ...]
    attributes: Tuple[Attribute, ...] = ()


@dataclass(frozen=True, slots=True)
class FunctionDefinition(Node):
    """``function Name { ... }`` / ``filter Name { ... }``.  ``body`` is a
    ScriptBlockExpr (its param_block carries the parameters, whichever form was
    used)."""

    name: str
    body: ScriptBlockExpr
    is_filter: bool = False


@dataclass(frozen=True, slots=True)
class SwitchClause(Node):
    """One ``condition { action }`` of a switch; ``condition`` is None for
    ``default``."""

    condition: Optional[Node]
    body: StatementBlock


@dataclass(frozen=True, slots=True)
class SwitchStatement(Node):
    """``switch -regex (value) { ... }``; options are lower-cased flag names
    (``regex``, ``wildcard``, ``exact``, ``casesensitive``, ``file``)."""

    value: Node
    clauses: Tuple[SwitchClause, ...]
    options: Tuple[str, ...] = ()
    label: Optional[str] = None
