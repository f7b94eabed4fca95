"""The syntax tree exshell's parser produces.

Every node is an immutable value (see :class:`Node`) carrying a :class:`Span` into the source text.
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

from operator import itemgetter
from typing import Any, Dict, Optional, Tuple, Union

class Span(tuple):
    """Where a node sits in the source.

    ``start``/``end`` are character offsets into the parsed text (end exclusive);
    ``line``/``column`` are 1-based and describe ``start``.  Immutable.  (A tuple
    underneath: the parser makes one per node, and a tuple is the cheapest immutable
    value to make; :func:`make_span` makes one without the keyword-friendly
    constructor.)
    """

    __slots__ = ()

    def __new__(cls, start: int, end: int, line: int, column: int) -> "Span":
        return tuple.__new__(cls, (start, end, line, column))

    start = property(itemgetter(0), doc="offset of the first character")
    end = property(itemgetter(1), doc="offset after the last character")
    line = property(itemgetter(2), doc="1-based line of ``start``")
    column = property(itemgetter(3), doc="1-based column of ``start``")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Span) and tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = tuple.__hash__

    def __repr__(self) -> str:
        return "Span(start=%d, end=%d, line=%d, column=%d)" % self

    def __reduce__(self):
        return (Span, tuple(self))

    @staticmethod
    def of(text: str, start: int, end: int) -> "Span":
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        return Span(start, end, line, column)


def make_span(start: int, end: int, line: int, column: int, _new=tuple.__new__) -> Span:
    """``Span(start, end, line, column)``, made the fastest way."""
    return _new(Span, (start, end, line, column))


_MISSING: Any = object()


class Node:
    """Base of every node: immutable, fields declared as class annotations.

    This is a small stand-in for ``@dataclass(frozen=True)``: the fields of a class
    are its annotations (bases first), a class attribute gives a default, the
    constructor takes them positionally or by name, and nodes compare and hash by
    value.  It exists because dataclasses cost about a millisecond per class at
    import, which is most of the parser's share of start-up.  Use :func:`replace`
    and :func:`fields` instead of the ``dataclasses`` functions.
    """

    _fields: Tuple[str, ...] = ("span",)
    _defaults: Dict[str, Any] = {}
    #: Fields left out of comparisons and repr (the source text of a Script).
    _hidden: Tuple[str, ...] = ()

    span: Span

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names = []
        defaults: Dict[str, Any] = {}
        for klass in reversed(cls.__mro__):
            for name in klass.__dict__.get("__annotations__", {}):
                if name.startswith("_"):
                    continue
                if name not in names:
                    names.append(name)
                if name in klass.__dict__:
                    defaults[name] = klass.__dict__[name]
        cls._fields = tuple(names)
        cls._defaults = defaults

    def __init__(self, *args: Any, **kwargs: Any):
        # The first node of a class generates that class's own constructor (see
        # _make_init) and hands over to it; classes never built cost nothing.
        cls = type(self)
        if "__init__" not in cls.__dict__:
            cls.__init__ = _make_init(cls.__name__, cls._fields, cls._defaults)  # type: ignore[misc]
            cls.__init__(self, *args, **kwargs)  # type: ignore[misc]
            return
        self._generic_init(*args, **kwargs)

    def _generic_init(self, *args: Any, **kwargs: Any) -> None:
        fields_ = self._fields
        if len(args) > len(fields_):
            raise TypeError("%s takes at most %d arguments" % (type(self).__name__, len(fields_)))
        set_ = object.__setattr__
        for name, value in zip(fields_, args):
            set_(self, name, value)
        for name in fields_[len(args):]:
            if name in kwargs:
                set_(self, name, kwargs.pop(name))
            elif name in self._defaults:
                set_(self, name, self._defaults[name])
            else:
                raise TypeError("%s missing argument %r" % (type(self).__name__, name))
        if kwargs:
            raise TypeError("%s got unexpected arguments %s" % (type(self).__name__, sorted(kwargs)))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("syntax tree nodes are immutable; use ast.replace()")

    def _key(self) -> Tuple[Any, ...]:
        return tuple(getattr(self, n) for n in self._fields if n not in self._hidden)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._key() == other._key()  # type: ignore[union-attr]

    def __hash__(self) -> int:
        return hash((type(self).__name__,) + self._key())

    def __repr__(self) -> str:
        return "%s(%s)" % (type(self).__name__, ", ".join(
            "%s=%r" % (n, getattr(self, n)) for n in self._fields if n not in self._hidden))


def _make_init(name: str, fields_: Tuple[str, ...], defaults: Dict[str, Any]) -> Any:
    """A specialised ``__init__`` for one node class (the parser builds many nodes:
    a generated constructor costs a third of the generic one).  One small ``exec``
    per class, about 0.1 ms, on the first node of that class."""
    params = []
    namespace: Dict[str, Any] = {}
    for field_name in fields_:
        if field_name in defaults:
            namespace["_d_" + field_name] = defaults[field_name]
            params.append("%s=_d_%s" % (field_name, field_name))
        else:
            params.append(field_name)
    # Straight into the instance's dictionary (``__setattr__`` refuses changes).
    body = "    d = self.__dict__\n" + "".join("    d[%r] = %s\n" % (f, f) for f in fields_)
    source = "def __init__(self, %s):\n%s" % (", ".join(params), body)
    exec(compile(source, "<node %s>" % name, "exec"), namespace)
    return namespace["__init__"]


def fields(node: Node) -> Tuple[str, ...]:
    """The field names of a node, in constructor order."""
    return type(node)._fields


def replace(node: Node, **changes: Any) -> Node:
    """A copy of ``node`` with some fields changed (``dataclasses.replace``)."""
    values = {n: getattr(node, n) for n in type(node)._fields}
    values.update(changes)
    return type(node)(**values)


# --------------------------------------------------------------------------- script

class Script(Node):
    """A whole input: the statements, plus the text they came from (for error display)."""

    statements: Tuple[Node, ...]
    source: str = ""
    file: Optional[str] = None
    param_block: Optional["ParamBlock"] = None
    #: ``begin {}``/``process {}``/``end {}`` of a script file (then ``statements`` is empty).
    blocks: Tuple["NamedBlock", ...] = ()

    _hidden = ("source",)


class StatementBlock(Node):
    """``{ statements }`` used as the body of if/foreach/try/... (not a script block value)."""

    statements: Tuple[Node, ...]


class Pipeline(Node):
    """``a | b | c``.  Elements are CommandCall or CommandExpression nodes."""

    elements: Tuple[Node, ...]


class Redirection(Node):
    """``2>&1``, ``> file``, ``*>$null``: ``stream`` is '1','2','*',...; ``target`` an
    expression, or None for merging (``merge_to`` then names the stream)."""

    stream: str
    append: bool
    target: Optional[Node] = None
    merge_to: Optional[str] = None


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


class CommandExpression(Node):
    """An expression used as a pipeline element (``$x | fl``, ``"a"``, ``1 + 2``)."""

    expression: Node
    redirections: Tuple[Redirection, ...] = ()


class Assignment(Node):
    """``target op value``; op is '=', '+=', '-=', '*=', '/=', '%='.
    ``value`` is a statement (usually a Pipeline)."""

    target: Node
    operator: str
    value: Node


# ---------------------------------------------------------------------- expressions

class StringConstant(Node):
    """A string with no expansion.

    ``kind``: 'bare' (argument-mode word such as ``IIS`` or ``C:\\x.pfx``), 'single',
    'here-single', or 'double'/'here-double' when a double-quoted string happens to
    hold nothing to expand.  ``value`` is already unescaped.
    """

    value: str
    kind: str = "bare"


class ExpandableString(Node):
    """A double-quoted string, here-string or bare word containing ``$var``/``$(...)``.

    ``parts`` alternates literal text (str, already unescaped) and expression nodes
    (VariableExpr or SubExpr) in source order.
    """

    parts: Tuple[Union[str, Node], ...]
    kind: str = "double"


class NumberConstant(Node):
    """``42``, ``0x1F``, ``1.5``, ``1kb``. ``value`` is int, float or Decimal; ``text``
    the literal as written (command-mode arguments keep it for display)."""

    value: object
    text: str = ""


class VariableExpr(Node):
    """``$name``, ``$scope:name``, ``${any name}``; ``splat`` for ``@name``.
    ``name`` excludes the sigil and the scope; ``scope`` is lower-cased or None."""

    name: str
    scope: Optional[str] = None
    splat: bool = False


class MemberExpr(Node):
    """``obj.Name`` / ``obj::Name`` (static).  ``member`` is a str, or a node for
    ``$obj.$name`` and ``$obj.'odd name'``."""

    obj: Node
    member: Union[str, Node]
    static: bool = False


class InvokeMemberExpr(Node):
    """``obj.Method(args)`` / ``[Type]::Method(args)``."""

    obj: Node
    member: Union[str, Node]
    arguments: Tuple[Node, ...] = ()
    static: bool = False


class IndexExpr(Node):
    """``obj[index]``; the index may be an ArrayLiteral for slices."""

    obj: Node
    index: Node


class ArrayLiteral(Node):
    """A comma list ``a, b, c`` (also the unary ``,a``, with one item)."""

    items: Tuple[Node, ...]


class ArrayExpr(Node):
    """``@( statements )``."""

    statements: Tuple[Node, ...]


class SubExpr(Node):
    """``$( statements )``."""

    statements: Tuple[Node, ...]


class ParenExpr(Node):
    """``( pipeline )``: the value of one pipeline or expression statement."""

    pipeline: Node


class HashLiteral(Node):
    """``@{ k = v; ... }``; ``ordered`` when written ``[ordered]@{...}``."""

    pairs: Tuple[Tuple[Node, Node], ...]
    ordered: bool = False


class NamedBlock(Node):
    """``begin {}``, ``process {}``, ``end {}`` (and ``dynamicparam``) inside a script
    block or function body."""

    name: str
    statements: Tuple[Node, ...]


class ScriptBlockExpr(Node):
    """``{ ... }`` as a value.  Either ``statements`` (an unnamed end block) or
    ``blocks`` (named begin/process/end) is set.  ``text`` is the source between the
    braces, as written (what ``$sb.ToString()`` returns)."""

    statements: Tuple[Node, ...] = ()
    param_block: Optional["ParamBlock"] = None
    blocks: Tuple[NamedBlock, ...] = ()
    text: str = ""


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


class UnaryExpr(Node):
    """``-not x``, ``!x``, ``-x``, ``+x``, ``-split x``, ``-join x``, ``++x``, ``x++``.
    ``operator`` normalised as in BinaryExpr (``not``, ``!``, ``-``, ``+``, ``split``,
    ``join``, ``bnot``, ``++``, ``--``); ``postfix`` for ``x++``/``x--``."""

    operator: str
    operand: Node
    postfix: bool = False


class TypeLiteral(Node):
    """``[datetime]``, ``[byte[]]``, ``[System.IO.File]`` used as a value.
    ``name`` is the text between the brackets, as written."""

    name: str


class ConvertExpr(Node):
    """``[type] operand`` (a cast)."""

    type_name: str
    operand: Node


class Attribute(Node):
    """``[Parameter(Mandatory = $true)]``, ``[CmdletBinding()]``, ``[ValidateSet('a','b')]``.
    ``positional`` holds positional argument expressions, ``named`` (name, expr|None)."""

    name: str
    positional: Tuple[Node, ...] = ()
    named: Tuple[Tuple[str, Optional[Node]], ...] = ()


# ----------------------------------------------------------------------- statements

class UnsupportedStatement(Node):
    """A construct the parser recognises but the runtime does not implement yet
    (``class``, ``enum``, ``using``, ...).  Running it raises an error that names
    ``feature`` and points at the span."""

    feature: str
    text: str = ""


class IfStatement(Node):
    """``if (c) {..} elseif (c) {..} else {..}``: clauses are (condition, block)."""

    clauses: Tuple[Tuple[Node, StatementBlock], ...]
    else_block: Optional[StatementBlock] = None


class ForEachStatement(Node):
    variable: VariableExpr
    iterable: Node
    body: StatementBlock
    label: Optional[str] = None


class ForStatement(Node):
    init: Optional[Node]
    condition: Optional[Node]
    iterator: Optional[Node]
    body: StatementBlock
    label: Optional[str] = None


class WhileStatement(Node):
    condition: Node
    body: StatementBlock
    label: Optional[str] = None


class DoWhileStatement(Node):
    """``do {} while (c)`` (``until`` False) or ``do {} until (c)`` (``until`` True)."""

    body: StatementBlock
    condition: Node
    until: bool = False
    label: Optional[str] = None


class CatchClause(Node):
    type_names: Tuple[str, ...]
    body: StatementBlock


class TryStatement(Node):
    body: StatementBlock
    catches: Tuple[CatchClause, ...] = ()
    finally_block: Optional[StatementBlock] = None


class TrapStatement(Node):
    type_name: Optional[str]
    body: StatementBlock


class ThrowStatement(Node):
    value: Optional[Node] = None


class ReturnStatement(Node):
    value: Optional[Node] = None


class BreakStatement(Node):
    label: Optional[str] = None


class ContinueStatement(Node):
    label: Optional[str] = None


class ExitStatement(Node):
    value: Optional[Node] = None


class ParameterDecl(Node):
    """One parameter in a ``param()`` block or ``function f($a, $b)``."""

    name: str
    type_name: Optional[str] = None
    default: Optional[Node] = None
    attributes: Tuple[Attribute, ...] = ()


class ParamBlock(Node):
    parameters: Tuple[ParameterDecl, ...]
    attributes: Tuple[Attribute, ...] = ()


class FunctionDefinition(Node):
    """``function Name { ... }`` / ``filter Name { ... }``.  ``body`` is a
    ScriptBlockExpr (its param_block carries the parameters, whichever form was
    used)."""

    name: str
    body: ScriptBlockExpr
    is_filter: bool = False


class SwitchClause(Node):
    """One ``condition { action }`` of a switch; ``condition`` is None for
    ``default``."""

    condition: Optional[Node]
    body: StatementBlock


class SwitchStatement(Node):
    """``switch -regex (value) { ... }``; options are lower-cased flag names
    (``regex``, ``wildcard``, ``exact``, ``casesensitive``, ``file``)."""

    value: Node
    clauses: Tuple[SwitchClause, ...]
    options: Tuple[str, ...] = ()
    label: Optional[str] = None
