"""The evaluator: runs a syntax tree (``exshell.lang.ast``) against a Session.

One method per node class (``visit_<ClassName>``); statements write their output to a
sink (a callable taking one object), expressions return values.  Pipelines stream:
every command is bound before the pipeline starts, then objects flow one at a time
from stage to stage (``begin`` on all, ``process`` per object, ``end`` in order), so
prompts and output interleave as they do in PowerShell.

Errors: a :class:`~exshell.engine.errors.TerminatingError` stops its statement (the
script goes on); a :class:`~exshell.engine.errors.ScriptTerminatingError` (``throw``,
``-ErrorAction Stop``) unwinds to the nearest ``try``/``trap`` or ends the script.
Anything the engine raises on purpose carries an ErrorRecord; nothing a user types
may end in a Python exception.

A construct the parser knows but the runtime does not implement raises a
``NotSupported`` error that names it and points at it.
"""
from __future__ import annotations

import decimal
import sys
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from ..lang import ast as A
from ..lang.ast import Span
from .binder import NO_VALUE, ArgElement, Binder, BindingError
from .budget import SIZING_METHODS, Budget, OutOfMemory, foresee, foresee_method
from .chars import Char
from .cmdlet import Cmdlet, CommandRuntime
from .conversion import ConversionError, ParamType, SwitchParameter, to_bool, to_string
from .exceptions import is_subclass
from .invocation import ExternalScriptInfo, Invocation, script_root
from .intrinsics import EngineIntrinsics
from .nettypes import NetError, PSObjectView
from .dotnet import (MethodError, TypeInfo, call_method, convert_to, has_method, is_instance,
                     method_not_found, resolve_type, static_member)
from .errors import (BreakSignal, ContinueSignal, EngineError, ErrorRecord, ExitSignal,
                     FlowControl, InvocationInfo, PSException, ReturnSignal, ScriptTerminatingError,
                     StopUpstreamSignal, TerminatingError)
from .host import HostUnavailable
from .redirection import RedirectedStage
from .operators import OperatorError, binary, dotnet_groups, unary_split
from .parameters import Parameter
from .properties import (NOT_FOUND, PSHashtable, PSObject, computed_member, dotnet_type_name,
                         enumerate_value,
                         get_property,
                         set_property)
from .session import AUTOMATIC_READONLY, Scope, Session

__all__ = ["Evaluator", "ScriptBlock", "NO_OUTPUT"]

#: Python frames allowed: deep but ordinary scripts (a recursive function 100 calls
#: deep under ForEach-Object, a 1,000-term right-nested expression) need more than
#: Python's default; what goes deeper still is PowerShell's call depth overflow.
RECURSION_LIMIT = 10000
if sys.getrecursionlimit() < RECURSION_LIMIT:
    sys.setrecursionlimit(RECURSION_LIMIT)

#: The work items of Evaluator._eval_tree.
_EVAL, _BINARY, _UNARY, _SHORT, _TRUTH = range(5)


_INTEGER_TYPES = frozenset("System." + n for n in ("Int32", "Int64", "Int16", "Byte", "SByte",
                                                    "UInt16", "UInt32", "UInt64"))


def _cast_error_id(value: Any, target: str) -> str:
    """The error id of a failed cast: PowerShell's own for text that is no number
    ([int]'abc' is InvalidCastFromStringToInteger); a Parse method that threw otherwise."""
    if isinstance(value, str):
        if target in _INTEGER_TYPES:
            return "InvalidCastFromStringToInteger"
        if target in ("System.Double", "System.Single"):
            return "InvalidCastFromStringToDoubleOrSingle"
    return "InvalidCastParseTargetInvocation"


def _version_values(session: Session) -> None:
    """``$PSVersionTable``'s versions as System.Version values (``.PSVersion.Major`` is
    what scripts test); PSEdition stays a string, PSCompatibleVersions is a Version[]."""
    from .nettypes import Version
    table = session.get_variable("PSVersionTable")
    if not isinstance(table, PSHashtable):
        return

    def version(value: Any) -> Any:
        if isinstance(value, str) and value[:1].isdigit():
            return Version.parse(value)
        return value
    for key, value in list(table.items()):
        table[key] = [version(v) for v in value] if isinstance(value, list) else version(value)


def _plain_expression(node: A.ParenExpr) -> Optional[A.Node]:
    """The one expression inside ``( ... )`` when nothing else is there (no command, no
    redirection, no statement), else None."""
    pipeline = node.pipeline
    if isinstance(pipeline, A.Pipeline) and len(pipeline.elements) == 1:
        element = pipeline.elements[0]
        if isinstance(element, A.CommandExpression) and not element.redirections:
            return element.expression
    return None


class _NoOutput:
    """AutomationNull: what a command that wrote nothing evaluates to."""

    __slots__ = ()

    def __repr__(self) -> str:  # pragma: no cover
        return "AutomationNull"


NO_OUTPUT: Any = _NoOutput()


class ScriptBlock:
    """A script block value (``{ ... }``)."""

    PS_TYPE_NAMES = ("System.Management.Automation.ScriptBlock", "System.Object")
    PS_PROPERTIES = ("Attributes", "File", "IsFilter", "StartPosition", "Module")

    def __init__(self, node: A.ScriptBlockExpr, source: str, file: Optional[str],
                 is_filter: bool = False):
        self.node = node
        self.source = source
        self.File = file
        self.IsFilter = is_filter
        self.Attributes: List[Any] = []
        self.StartPosition = None
        self.Module = None

    def __str__(self) -> str:
        return self.node.text


class FunctionInfo:
    PS_TYPE_NAMES = ("System.Management.Automation.FunctionInfo", "System.Object")
    PS_PROPERTIES = ("CommandType", "Name", "Definition")

    def __init__(self, name: str, block: ScriptBlock, is_filter: bool = False):
        self.Name = name
        self.block = block
        self.is_filter = is_filter
        self.CommandType = "Filter" if is_filter else "Function"

    @property
    def Definition(self) -> str:
        return str(self.block)


#: Binary operators that build strings or arrays (checked against the budget).
_SIZED = frozenset(("*", "+", "..", "join", "f"))
#: Left operands those operators build from (a number plus a number builds nothing).
_BUILT = (str, list, tuple)


class Evaluator:
    def __init__(self, context: Any):
        #: The ExecutionContext this evaluator runs for, and its session state.
        self.context = context
        self.session: Session = context.session
        session = self.session
        session.evaluator = self
        _version_values(session)
        self.scope: Scope = session.global_scope
        self.source = ""
        self.file: Optional[str] = None
        self.depth = 0
        self.try_depth = 0
        #: Inside "..." expansion: strict mode 1 lets unset variables through there.
        self._expanding = False
        #: Where each running function or script was called from, innermost last.
        self.call_stack: List[InvocationInfo] = []
        #: Steps, time and sizes of the current run (exshell.engine.budget): always
        #: there, so the hot path needs no test for None; Shell.run arms it.
        self.budget: Budget = Budget()

    # ================================================================ entry points
    def run(self, script: A.Script, sink: Callable[[Any], None], *,
            args: Sequence[Any] = (), new_scope: bool = False) -> None:
        """Run a whole script: statements in order, each statement's errors reported,
        output to ``sink``.  Raises ExitSignal for ``exit``."""
        if new_scope and script.file:
            self.check_requires(script, None)
        saved = (self.source, self.file, self.scope)
        self.source, self.file = script.source, script.file
        if new_scope:
            self.scope = Scope(self.scope, kind="script")
            self.session.script_scope = self.scope
            self.scope.set_local("args", list(args))
            if script.file:
                self.scope.set_local("MyInvocation", Invocation(
                    ExternalScriptInfo(script.file, script.source), script.file, None))
        try:
            if script.param_block is not None or script.blocks:
                self._run_script_with_parameters(script, sink, args)
            else:
                self.run_statements(script.statements, sink, top_level=True)
        except ReturnSignal as r:
            if r.value is not None:
                for v in enumerate_value(r.value):
                    sink(v)
        except (BreakSignal, ContinueSignal):
            pass
        finally:
            if new_scope:
                self.session.script_scope = self.session.global_scope
            self.source, self.file, self.scope = saved

    def _run_script_with_parameters(self, script: A.Script, sink: Callable[[Any], None],
                                    args: Sequence[Any]) -> None:
        """A script with ``param()`` (or begin/process/end blocks) runs like a function:
        its arguments (``exshell -File x.ps1 -Days 60 y``) bind to its parameters; what
        is left goes to ``$args``."""
        at = Span(script.span.start, script.span.start, 1, 1)
        call = A.CommandCall(at, script.file or "script", at)
        elements: List[ArgElement] = []
        for arg in args:
            text = to_string(arg)
            if isinstance(arg, str) and len(text) > 1 and text[0] in "-\u2013\u2014\u2015" \
                    and (text[1].isalpha() or text[1] == "_"):
                name, colon, value = text[1:].partition(":")
                elements.append(ArgElement("param", at, value if colon else NO_VALUE, name, text))
            else:
                elements.append(ArgElement("arg", at, arg, text=text))
        try:
            stage = _ScriptFileStage(self, script, call, elements)
        except TerminatingError as e:
            raise ScriptTerminatingError(e.record)
        stage.downstream = sink
        stage.begin()
        stage.run_alone()
        stage.end()

    def run_statements(self, statements: Sequence[A.Node], sink: Callable[[Any], None],
                       top_level: bool = False) -> None:
        """Run statements in order.  A statement-terminating error is reported and the
        next statement runs, unless a ``try`` is active (then it propagates to it) or
        a ``trap`` in this block handles it."""
        traps = [s for s in statements if isinstance(s, A.TrapStatement)]
        for stmt in statements:
            if isinstance(stmt, A.TrapStatement):
                continue
            try:
                self.exec_statement(stmt, sink)
            except TerminatingError as e:
                if traps and self._run_trap(traps, e.record, sink):
                    continue
                if self.try_depth > 0:
                    raise
                # $ErrorActionPreference governs statement-terminating errors too (the
                # -ErrorAction parameter does not): Stop ends the script, SilentlyContinue
                # hides them (they still reach $Error).
                preference = to_string(self._get_var("ErrorActionPreference") or "").casefold()
                if preference == "stop":
                    raise ScriptTerminatingError(e.record) from None
                self.session.add_error(e.record)
                self.session.last_success = False
                if preference != "silentlycontinue":
                    self.session.display_error(e.record)
            except ScriptTerminatingError as e:
                if traps and self._run_trap(traps, e.record, sink):
                    continue
                raise

    def _run_trap(self, traps: List[A.TrapStatement], record: ErrorRecord, sink) -> bool:
        for trap in traps:
            if trap.type_name is None or self._exception_matches(record, [trap.type_name]):
                self.session.add_error(record)
                saved = self._get_var("_")
                self._set_var("_", record)
                try:
                    self.run_statements(trap.body.statements, sink)
                except ContinueSignal:
                    return True
                except BreakSignal:
                    raise ScriptTerminatingError(record)
                finally:
                    self._set_var("_", saved)
                self.session.display_error(record)
                return True
        return False

    # ================================================================= statements
    def exec_statement(self, node: A.Node, sink: Callable[[Any], None]) -> None:
        method = getattr(self, "stmt_" + type(node).__name__, None)
        if method is not None:
            method(node, sink)
            return
        # An expression used as a statement writes its value.
        value = self.eval(node)
        self._emit_value(value, sink)

    def _emit_value(self, value: Any, sink: Callable[[Any], None]) -> None:
        if value is NO_OUTPUT:
            return
        for v in enumerate_value(value) if isinstance(value, (list, tuple)) else [value]:
            sink(v)

    def stmt_Pipeline(self, node: A.Pipeline, sink: Callable[[Any], None]) -> None:
        if len(node.elements) == 1 and isinstance(node.elements[0], A.CommandExpression):
            expr = node.elements[0].expression
            if isinstance(expr, A.UnaryExpr) and expr.operator in ("++", "--"):
                # $i++ as a statement is an assignment: it writes nothing.
                self.eval(expr)
                self.session.last_success = True
                return
        self.run_pipeline(node, sink)

    def stmt_Assignment(self, node: A.Assignment, sink) -> None:
        self._assignment(node)

    def _assignment(self, node: A.Assignment) -> Any:
        """Run an assignment; its value is what was stored (``($x = 5)`` writes 5)."""
        value = self.eval_statement_value(node.value)
        if node.operator != "=":
            current = self.eval(node.target)
            op = node.operator[0]
            try:
                if op in _SIZED and isinstance(current, _BUILT):
                    value = self._sized(op, current, value, node)
                else:
                    value = binary(op, None if current is NO_OUTPUT else current, value)
            except OperatorError as e:
                raise self._error_from(e, node)
        return self.assign(node.target, value)

    def stmt_FunctionDefinition(self, node: A.FunctionDefinition, sink) -> None:
        block = ScriptBlock(node.body, self.source, self.file, node.is_filter)
        self.session.functions[node.name.casefold()] = FunctionInfo(node.name, block, node.is_filter)

    def stmt_IfStatement(self, node: A.IfStatement, sink) -> None:
        for cond, block in node.clauses:
            if to_bool(self.eval_condition(cond)):
                self.run_statements(block.statements, sink)
                return
        if node.else_block is not None:
            self.run_statements(node.else_block.statements, sink)

    def _loop_body(self, body: A.StatementBlock, label: Optional[str], sink) -> Optional[str]:
        """Run a loop body; return 'break' or 'continue' or None."""
        # One step of the run's budget (Budget.step, inlined: this is the hot path).
        # Steps are loop turns and block calls: straight-line code is bounded by the
        # script's length, anything unbounded goes through one of them.
        budget = self.budget
        budget.steps += 1
        if budget.steps >= budget.limit:
            budget.check()
        try:
            self.run_statements(body.statements, sink)
        except BreakSignal as b:
            if b.label is None or (label and b.label.casefold() == label.casefold()):
                return "break"
            raise
        except ContinueSignal as c:
            if c.label is None or (label and c.label.casefold() == label.casefold()):
                return "continue"
            raise
        return None

    def stmt_ForEachStatement(self, node: A.ForEachStatement, sink) -> None:
        value = self.eval_statement_value(node.iterable)
        if value is NO_OUTPUT or (value is None and self.session.dialect.foreach_skips_null):
            items: List[Any] = []
        elif isinstance(value, (list, tuple)):
            items = list(value)
        elif isinstance(value, PSHashtable):
            items = [value]
        else:
            items = list(enumerate_value(value))
        for item in items:
            self.assign(node.variable, item)
            if self._loop_body(node.body, node.label, sink) == "break":
                break

    def stmt_ForStatement(self, node: A.ForStatement, sink) -> None:
        if node.init is not None:
            self.exec_statement(node.init, lambda v: None)
        count = 0
        while node.condition is None or to_bool(self.eval_condition(node.condition)):
            if self._loop_body(node.body, node.label, sink) == "break":
                break
            if node.iterator is not None:
                self.exec_statement(node.iterator, lambda v: None)
            count += 1

    def stmt_WhileStatement(self, node: A.WhileStatement, sink) -> None:
        while to_bool(self.eval_condition(node.condition)):
            if self._loop_body(node.body, node.label, sink) == "break":
                break

    def stmt_DoWhileStatement(self, node: A.DoWhileStatement, sink) -> None:
        while True:
            if self._loop_body(node.body, node.label, sink) == "break":
                break
            result = to_bool(self.eval_condition(node.condition))
            if result == node.until:
                break

    def stmt_SwitchStatement(self, node: A.SwitchStatement, sink) -> None:
        from .operators import like, ps_regex
        opts = set(node.options)
        if "file" in opts:
            raise self._not_supported("switch -File", node)
        value = self.eval_statement_value(node.value)
        items = [] if value is NO_OUTPUT else (list(value) if isinstance(value, (list, tuple)) else [value])
        cs = "casesensitive" in opts
        budget = self.budget
        for item in items:
            budget.steps += 1           # a step per item (see _loop_body)
            if budget.steps >= budget.limit:
                budget.check()
            matched = False
            saved = self._get_var("_")
            self._set_var("_", item)
            try:
                for clause in node.clauses:
                    if clause.condition is None:
                        continue
                    cond = clause.condition
                    if isinstance(cond, A.ScriptBlockExpr):
                        ok = to_bool(self._invoke_block_value(cond, item))
                    else:
                        test = self.eval(cond)
                        if "regex" in opts:
                            m = ps_regex(to_string(test), cs).search(to_string(item))
                            ok = m is not None
                            if m:
                                self._set_var("Matches", _matches_table(m))
                        elif "wildcard" in opts:
                            ok = like(to_string(item), to_string(test), cs)
                        else:
                            ok = bool(binary("ceq" if cs else "eq", item, test))
                    if ok:
                        matched = True
                        try:
                            self.run_statements(clause.body.statements, sink)
                        except ContinueSignal as c:
                            if c.label is None:
                                break
                            raise
                if not matched:
                    for clause in node.clauses:
                        if clause.condition is None:
                            self.run_statements(clause.body.statements, sink)
            except BreakSignal as b:
                if b.label is None or (node.label and b.label.casefold() == node.label.casefold()):
                    self._set_var("_", saved)
                    return
                raise
            finally:
                self._set_var("_", saved)

    def _invoke_block_value(self, node: A.ScriptBlockExpr, dollar_under: Any) -> Any:
        budget = self.budget            # a step (see _loop_body)
        budget.steps += 1
        if budget.steps >= budget.limit:
            budget.check()
        out: List[Any] = []
        self.run_statements(node.statements, out.append)
        return out[0] if len(out) == 1 else out

    def stmt_TryStatement(self, node: A.TryStatement, sink) -> None:
        # ``finally`` runs however the statement is left: normally, by an error a catch
        # handles or not, and by break/continue/return/exit from the try or a catch.
        try:
            self.try_depth += 1
            try:
                self.run_statements(node.body.statements, sink)
            finally:
                self.try_depth -= 1
        except (ScriptTerminatingError, TerminatingError) as e:
            record = e.record
            self.session.add_error(record) if record not in self.session.errors else None
            clause = next((c for c in node.catches
                           if not c.type_names or self._exception_matches(record, c.type_names)),
                          None)
            if clause is None:
                raise
            saved = self._get_var("_")
            self._set_var("_", record)
            self._set_var("PSItem", record)
            try:
                self.run_statements(clause.body.statements, sink)
            finally:
                self._set_var("_", saved)
        finally:
            if node.finally_block is not None:
                self.run_statements(node.finally_block.statements, sink)

    def _exception_matches(self, record: ErrorRecord, type_names: Sequence[str]) -> bool:
        """Whether a ``catch``/``trap`` for one of ``type_names`` handles the error: its
        exception is of that type or derives from it, or the exception it wraps is
        (``catch [DivideByZeroException]`` catches ``1/$zero``)."""
        for name in type_names:
            info = resolve_type(name)
            wanted = info.full_name if info else name
            if any(is_subclass(t, wanted) for t in record.exception_types()):
                return True
        return False

    def stmt_TrapStatement(self, node, sink) -> None:
        return None

    def stmt_ThrowStatement(self, node: A.ThrowStatement, sink) -> None:
        if node.value is None:
            current = self._get_var("_")
            if isinstance(current, ErrorRecord):
                raise ScriptTerminatingError(current)
            record = ErrorRecord("ScriptHalted", "ScriptHalted", "OperationStopped",
                                 invocation=self._invocation(None, node.span, marker=node.span.start + 5))
            raise ScriptTerminatingError(record)
        value = self.eval_statement_value(node.value)
        if isinstance(value, ErrorRecord):
            raise ScriptTerminatingError(value)
        if isinstance(value, PSException):
            # throw (New-Object ArgumentException 'bad'): the record carries that
            # exception; its message is the error id too.
            record = ErrorRecord(value.Message, value.Message, "OperationStopped",
                                 exception_type=value.type_name, extra={"exception": value},
                                 invocation=self._invocation(None, node.span,
                                                             marker=node.span.start + 5))
            raise ScriptTerminatingError(record)
        text = to_string(value)
        record = ErrorRecord(text, text, "OperationStopped", target=value,
                             invocation=self._invocation(None, node.span, marker=node.span.start + 5))
        raise ScriptTerminatingError(record)

    def stmt_ReturnStatement(self, node: A.ReturnStatement, sink) -> None:
        if node.value is not None:
            value = self.eval_statement_value(node.value)
            self._emit_value(value, sink)
        raise ReturnSignal(None)

    def stmt_BreakStatement(self, node: A.BreakStatement, sink) -> None:
        raise BreakSignal(node.label)

    def stmt_ContinueStatement(self, node: A.ContinueStatement, sink) -> None:
        raise ContinueSignal(node.label)

    def stmt_ExitStatement(self, node: A.ExitStatement, sink) -> None:
        code = 0
        if node.value is not None:
            v = self.eval_statement_value(node.value)
            try:
                from .conversion import to_int
                code = to_int(v)
            except ConversionError:
                code = 0
        raise ExitSignal(code)

    def stmt_UnsupportedStatement(self, node: A.UnsupportedStatement, sink) -> None:
        raise self._not_supported(node.feature, node)

    def stmt_StatementBlock(self, node: A.StatementBlock, sink) -> None:
        self.run_statements(node.statements, sink)

    # =================================================================== pipelines
    def eval_statement_value(self, node: A.Node) -> Any:
        """The value of a statement used as an expression (assignment right side,
        ``( ... )``): nothing → NO_OUTPUT→None, one object → it, several → a list."""
        if isinstance(node, A.Pipeline) and len(node.elements) == 1 and \
                isinstance(node.elements[0], A.CommandExpression) and not node.elements[0].redirections:
            value = self.eval(node.elements[0].expression)
            return None if value is NO_OUTPUT else value
        if not isinstance(node, (A.Pipeline, A.Assignment)) and type(node).__name__ not in _STATEMENT_NODES:
            value = self.eval(node)
            return None if value is NO_OUTPUT else value
        out: List[Any] = []
        self.exec_statement(node, out.append)
        if not out:
            return None
        return out[0] if len(out) == 1 else out

    def eval_condition(self, node: A.Node) -> Any:
        return self.eval_statement_value(node)

    def run_pipeline(self, node: A.Pipeline, sink: Callable[[Any], None],
                     input_objects: Optional[Iterable[Any]] = None) -> None:
        self._run_pipeline(node, sink, input_objects)

    def _run_pipeline(self, node: A.Pipeline, sink, input_objects) -> None:
        stages: List[_Stage] = []
        has_input = input_objects is not None
        for index, element in enumerate(node.elements):
            expects_input = index > 0 or has_input
            if isinstance(element, A.CommandExpression):
                if index > 0:
                    raise self._runtime_error("Expressions are only allowed as the first element of a "
                                              "pipeline.", "ExpressionsMustBeFirstInPipeline", element,
                                              "ParserError")
                stages.append(_ExpressionStage(self, element))
            elif isinstance(element, A.CommandCall):
                stages.append(self._command_stage(element, index + 1, expects_input))
            else:
                stages.append(_ExpressionStage(self, A.CommandExpression(element.span, element)))
            if getattr(element, "redirections", None):
                stages[-1] = RedirectedStage(self.session, stages[-1], element.redirections,
                                             lambda call: self._command_stage(call, index + 1, True))
        # Link the stages: each writes into the next; the last into the sink.
        for i, stage in enumerate(stages):
            stage.downstream = stages[i + 1].accept if i + 1 < len(stages) else sink
        # Every command begins before any sees input; what a begin block writes is held
        # until all have begun.
        begun: List[List[Any]] = []
        for stage in stages:
            held: List[Any] = []
            target = stage.downstream
            stage.downstream = held.append
            try:
                stage.begin()
            finally:
                stage.downstream = target
            begun.append(held)
        first = stages[0]
        start = 0  # stages before this one were stopped and do not end
        try:
            # The last command's begin output is already out; then each earlier one's
            # reaches the command after it, nearest first.
            for stage, held in reversed(list(zip(stages, begun))):
                for obj in held:
                    stage.downstream(obj)
            if has_input:
                for obj in input_objects:  # type: ignore[union-attr]
                    first.accept(obj)
            else:
                first.run_alone()
        except StopUpstreamSignal as stop:
            if stop.stage not in stages:
                raise  # a command of an enclosing pipeline asked (the sink led there)
            start = stages.index(stop.stage)
        index = start
        while index < len(stages):
            try:
                stages[index].end()
                index += 1
            except StopUpstreamSignal as stop:
                # A command's end() fed one that has had enough: the ones between stop.
                if stop.stage not in stages:
                    raise
                index = max(stages.index(stop.stage), index + 1)
        ok = all(not getattr(s, "errors_written", False) for s in stages)
        self.session.last_success = ok

    def _command_stage(self, node: A.CommandCall, position: int, expects_input: bool) -> "_Stage":
        if not isinstance(node.name, str):
            target = self.eval(node.name)
            if isinstance(target, ScriptBlock):
                return _BlockStage(self, target, node, self._eval_args(node), dot=node.invocation == ".")
            name = to_string(target)
        else:
            name = node.name
        if len(node.elements) == 1 and isinstance(node.elements[0], A.ParenExpr) and \
                node.elements[0].span.start == node.name_span.end and self.strict_version() >= 2:
            # f(1, 2): a method-call form that strict mode 2 refuses for a command
            raise self._runtime_error(
                "The function or command was called as if it were a method. Parameters should be "
                "separated by spaces. For information about parameters, see the about_Parameters "
                "Help topic.", "StrictModeFunctionCallWithParens", node, "InvalidOperation")
        func = self.session.functions.get(name.casefold())
        if func is None:
            # An alias may name a function (Set-Alias ll Get-Listing).
            target = self.session.commands.alias_target(name)
            if target is not None:
                func = self.session.functions.get(target.casefold())
        if func is not None:
            return _BlockStage(self, func.block, node, self._eval_args(node), function=func,
                               dot=node.invocation == ".")
        cls = self.session.commands.lookup(name)
        if cls is not None and cls.is_available(self.session.profile):
            return _CmdletStage(self, cls, node, name, position, expects_input)
        if name.lower().endswith(".ps1"):
            found = self._script_file(name)
            if found is not None:
                self.check_requires(found, node)
                return _ScriptFileStage(self, found, node, self._eval_args(node),
                                        dot=node.invocation == ".")
        raise self._command_not_found(name, node)

    def _script_file(self, name: str) -> Optional[A.Script]:
        """A ``.ps1`` named with a path (``.\\x.ps1``, ``C:\\s\\x.ps1``), parsed; a bare
        name is not looked up in the current folder, as in PowerShell.  A parse error
        in the file is reported with the file's own positions."""
        from ..lang.errors import ParseError
        if not any(c in name for c in "\\/:") and not name.startswith("."):
            return None
        try:
            return self.context.load_script(name)
        except ParseError as e:
            raise TerminatingError(ErrorRecord(
                e.first.message, e.first.error_id, "ParserError",
                exception_type="System.Management.Automation.ParseException",
                invocation=InvocationInfo(None, e.source, e.file, e.first.span, e.first.span.start),
                parse_issues=e.issues))

    def _command_not_found(self, name: str, node: A.CommandCall) -> TerminatingError:
        message = ("The term '%s' is not recognized as the name of a cmdlet, function, script file, "
                   "or operable program. Check the spelling of the name, or if a path was included, "
                   "verify that the path is correct and try again." % name)
        prefix = name if self.session.dialect.not_found_names_command else None
        inv = InvocationInfo(prefix, self.source, self.file, node.name_span, node.name_span.end)
        record = ErrorRecord(message, "CommandNotFoundException", "ObjectNotFound",
                             exception_type="System.Management.Automation.CommandNotFoundException",
                             target=name, invocation=inv)
        return TerminatingError(record)

    # ------------------------------------------------------------ arguments
    def _eval_args(self, node: A.CommandCall) -> List[ArgElement]:
        out: List[ArgElement] = []
        for el in node.elements:
            if isinstance(el, A.CommandParameter):
                value = NO_VALUE if el.argument is None else self._arg_value(el.argument)
                out.append(ArgElement("param", el.span, value, el.name, el.text))
            elif isinstance(el, A.VariableExpr) and el.splat:
                value = self._get_var(el.name, el.scope)
                if isinstance(value, PSHashtable):
                    for k, v in value.items():
                        if isinstance(v, bool) and v is True:
                            out.append(ArgElement("param", el.span, True, to_string(k), "-" + to_string(k)))
                        else:
                            out.append(ArgElement("param", el.span, v, to_string(k), "-" + to_string(k)))
                elif isinstance(value, (list, tuple)):
                    for v in value:
                        out.append(ArgElement("arg", el.span, v, text=to_string(v)))
                elif value is not None:
                    out.append(ArgElement("arg", el.span, value, text=to_string(value)))
            else:
                out.append(ArgElement("arg", el.span, self._arg_value(el),
                                      text=self.source[el.span.start:el.span.end]))
        return out

    def _arg_value(self, node: A.Node) -> Any:
        value = self.eval(node)
        return None if value is NO_OUTPUT else value

    # ================================================================ expressions
    def eval(self, node: A.Node) -> Any:
        method = getattr(self, "visit_" + type(node).__name__, None)
        if method is None:
            if type(node).__name__ in _STATEMENT_NODES or isinstance(node, (A.Pipeline, A.Assignment)):
                out: List[Any] = []
                self.exec_statement(node, out.append)
                return NO_OUTPUT if not out else (out[0] if len(out) == 1 else out)
            raise self._not_supported(type(node).__name__, node)
        return method(node)

    def visit_StringConstant(self, node: A.StringConstant) -> Any:
        return node.value

    def visit_ExpandableString(self, node: A.ExpandableString) -> Any:
        ofs = to_string(self._get_var("OFS")) if self._get_var("OFS") is not None else " "
        parts = []
        size = 0
        saved, self._expanding = self._expanding, True  # strict mode 1 allows "$unset"
        try:
            for part in node.parts:
                if isinstance(part, str):
                    parts.append(part)
                else:
                    value = self.eval(part)
                    parts.append("" if value is NO_OUTPUT else to_string(value, ofs))
                size += len(parts[-1])
        finally:
            self._expanding = saved
        if size >= 1 << 16:               # "$x$x$x..." joins strings already in the budget
            try:
                self.budget.size(size)
            except OutOfMemory:
                raise self._out_of_memory(node) from None
        return "".join(parts)

    def visit_NumberConstant(self, node: A.NumberConstant) -> Any:
        return node.value

    def visit_VariableExpr(self, node: A.VariableExpr) -> Any:
        value = self._get_var(node.name, node.scope, node)
        if value is None:
            strict = self.strict_version()
            if strict and not (strict == 1 and self._expanding) and \
                    not self._variable_exists(node.name, node.scope):
                record = ErrorRecord("The variable '$%s' cannot be retrieved because it has not "
                                     "been set." % node.name, "VariableIsUndefined",
                                     "InvalidOperation", target=node.name,
                                     invocation=self._invocation(None, node.span, node.span.end))
                raise TerminatingError(record)
        return value

    @staticmethod
    def make_script_block(node: A.ScriptBlockExpr, source: str, file: Optional[str] = None) -> Any:
        """A script block value for a parsed block (``[scriptblock]::Create``)."""
        return ScriptBlock(node, source, file)

    def default_parameter_values(self, command: str) -> List[Tuple[str, Any]]:
        """``$PSDefaultParameterValues`` entries for ``command`` (3.0+): keys
        ``Command:Parameter`` (wildcards in the command part), a ``Disabled`` key that
        turns them all off; a script-block value is run for its value."""
        if not self.session.dialect.default_parameter_values:
            return []
        table = self._get_var("PSDefaultParameterValues")
        if not isinstance(table, PSHashtable) or not table:
            return []
        if to_bool(table.get("Disabled")):
            return []
        from .operators import like
        out: List[Tuple[str, Any]] = []
        for key, value in table.items():
            text = to_string(key)
            if ":" not in text:
                continue
            pattern, _, parameter = text.partition(":")
            if not parameter or not like(command, pattern.strip()):
                continue
            if isinstance(value, ScriptBlock):
                value = self.call_block_value(value, NO_VALUE)
            out.append((parameter.strip(), value))
        return out

    def check_requires(self, script: A.Script, node: Optional[A.Node]) -> None:
        """A script whose ``#Requires`` statements this session does not meet does not
        run (exshell.engine.requires)."""
        from .requires import requirement_error
        record = requirement_error(script.source, script.file, self.session.dialect)
        if record is None:
            return
        if node is None:
            raise ScriptTerminatingError(record)    # exshell -File: nothing of it runs
        record.invocation = self._invocation(node.name if isinstance(node, A.CommandCall)
                                             and isinstance(node.name, str) else None,
                                             node.span, node.span.end)
        raise TerminatingError(record)              # like a command that is not there

    def host_view(self) -> Any:
        """``$Host`` (made on first use, kept for the session: a title set stays)."""
        view = getattr(self.session, "host_view", None)
        if view is None:
            from .hostview import HostView
            from .nettypes import Version
            ps_version = Version.parse(dict(self.session.dialect.version_table)["PSVersion"])
            from .machine import local_fqdn
            machine = local_fqdn(self.session, self.context.environment.get_value("COMPUTERNAME")
                                 or "localhost")
            view = HostView(self.session.host, ps_version, "Machine: %s" % machine)
            self.session.host_view = view
        return view

    def _variable_exists(self, name: str, scope: Optional[str]) -> bool:
        lower = name.casefold()
        if scope == "env":
            return self.context.environment.get_value(name) is not None
        if lower in _ALWAYS_SET:
            return True
        return self._scope_for(scope).find(name) is not None

    def visit_ParenExpr(self, node: A.ParenExpr) -> Any:
        if isinstance(node.pipeline, A.Assignment):
            value = self._assignment(node.pipeline)  # ($x = 5) passes the value on
            return None if value is NO_OUTPUT else value
        if _plain_expression(node) is None:
            return self.eval_statement_value(node.pipeline)
        return self._eval_tree(node)

    def visit_SubExpr(self, node: A.SubExpr) -> Any:
        out: List[Any] = []
        self.run_statements(node.statements, out.append)
        if not out:
            return NO_OUTPUT
        return out[0] if len(out) == 1 else out

    def visit_ArrayExpr(self, node: A.ArrayExpr) -> Any:
        out: List[Any] = []
        self.run_statements(node.statements, out.append)
        return out

    def visit_ArrayLiteral(self, node: A.ArrayLiteral) -> Any:
        items = []
        for item in node.items:
            v = self.eval(item)
            items.append(None if v is NO_OUTPUT else v)
        return items

    def visit_HashLiteral(self, node: A.HashLiteral) -> Any:
        table = PSHashtable(ordered=node.ordered)
        for key_node, value_node in node.pairs:
            key = self.eval(key_node)
            if key in table:
                raise self._runtime_error("Duplicate keys '%s' are not allowed in hash literals."
                                          % to_string(key), "DuplicateKeyInHashLiteral", key_node,
                                          "ParserError")
            table[key] = self.eval_statement_value(value_node)
        return table

    def visit_ScriptBlockExpr(self, node: A.ScriptBlockExpr) -> Any:
        return ScriptBlock(node, self.source, self.file)

    def visit_TypeLiteral(self, node: A.TypeLiteral) -> Any:
        info = resolve_type(node.name)
        if info is None:
            raise self._type_not_found(node.name, node)
        return info

    def visit_ConvertExpr(self, node: A.ConvertExpr) -> Any:
        info = resolve_type(node.type_name)
        if info is None:
            raise self._type_not_found(node.type_name, node)
        if info.full_name == "System.Management.Automation.PSReference" and \
                isinstance(node.operand, A.VariableExpr) and node.operand.scope != "env":
            return self._variable_reference(node.operand)
        if info.full_name == "System.Collections.Specialized.OrderedDictionary" and \
                isinstance(node.operand, A.HashLiteral):
            value = self.eval(node.operand)
            value.ordered = True
            return value
        value = self.eval(node.operand)
        if value is NO_OUTPUT:
            value = None
        if info.full_name == "System.String" and isinstance(value, (list, tuple)):
            ofs = self._get_var("OFS")            # [string]$array joins with $OFS
            return to_string(value, " " if ofs is None else to_string(ofs))
        try:
            return convert_to(value, info, self.context.statics)
        except ConversionError as e:
            raise self._runtime_error(e.message, _cast_error_id(value, info.full_name), node,
                                      "InvalidArgument", exception_type="System.Management.Automation.RuntimeException")

    def _variable_reference(self, variable: A.VariableExpr) -> Any:
        """``[ref]$x``: a reference to the variable itself (made here, empty, when no
        scope has it), so what a method writes through it is the variable's value."""
        from .nettypes import PSReference
        scope = self._scope_for(variable.scope)
        entry = scope.find(variable.name)
        if entry is None:
            scope.set_local(variable.name, None)
            entry = scope.find(variable.name)
        return PSReference(entry=entry)

    def visit_UnaryExpr(self, node: A.UnaryExpr) -> Any:
        op = node.operator
        if op in ("++", "--"):
            current = self.eval(node.operand)
            current = 0 if current is None or current is NO_OUTPUT else current
            if isinstance(current, bool) or not isinstance(current, (int, float, decimal.Decimal)):
                # Not $x + 1: a string ("1" too), a char, a boolean or a collection
                # is refused, in both dialects.
                raise self._runtime_error(
                    "The '%s' operator works only on numbers. The operand is a '%s'."
                    % (op, dotnet_type_name(current)), "OperatorRequiresNumber", node)
            try:
                new = binary("+" if op == "++" else "-", current, 1)
            except (OperatorError, ConversionError) as e:
                raise self._error_from(e, node)
            self.assign(node.operand, new)
            return current if node.postfix else new
        return self._eval_tree(node)

    def _unary_step(self, node: A.UnaryExpr, value: Any) -> Any:
        """A prefix operator other than ``++``/``--`` on its operand's value."""
        op = node.operator
        try:
            if op in ("not", "!"):
                return not to_bool(value)
            if op == "-":
                return binary("*", value, -1) if not isinstance(value, str) else binary("-", 0, value)
            if op == "+":
                return binary("+", 0, value)
            if op == ",":
                return [value]
            if op == "split":
                return unary_split(value)
            if op == "join":
                return binary("join", value, "")
            if op == "bnot":
                from .conversion import to_int
                return ~to_int(value)
        except OperatorError as e:
            raise self._error_from(e, node)
        raise self._not_supported("operator '%s'" % op, node)

    def visit_BinaryExpr(self, node: A.BinaryExpr) -> Any:
        return self._eval_tree(node)

    def check_call_depth(self, node: A.Node) -> None:
        """PowerShell 2.0 allows 100 nested function and script calls (the dialect's
        call_depth_limit); 3.0+ only runs out of stack, which the shell reports."""
        limit = self.session.dialect.call_depth_limit
        if limit is not None and self.depth > limit:
            raise self._runtime_error(
                "The script failed due to call depth overflow.  The call depth reached %d and the "
                "maximum is %d." % (limit + 1, limit), "CallDepthOverflow", node,
                "InvalidOperation", exception_type="System.Management.Automation.ScriptCallDepthException",
                script_terminating=True)

    def _eval_tree(self, root: A.Node) -> Any:
        """Operators, unary operators and parentheses around one expression, evaluated
        with a work list instead of Python recursion: a 1,000-term chain, ``((((x))))``
        and ``(1+(1+(1+...)))`` 500 deep are ordinary code, not a call-depth overflow.
        Any other node is a leaf, evaluated as usual.  Operands are evaluated left to
        right; ``-and``/``-or`` stop early; an operand that wrote nothing is ``$null``."""
        tasks: List[Tuple[int, Any]] = [(_EVAL, root)]
        values: List[Any] = []
        while tasks:
            kind, node = tasks.pop()
            if kind == _EVAL:
                cls = type(node)
                if cls is A.BinaryExpr:
                    if node.operator in ("and", "or"):
                        tasks.append((_SHORT, node))
                    else:
                        tasks.append((_BINARY, node))
                        tasks.append((_EVAL, node.right))
                    tasks.append((_EVAL, node.left))
                    continue
                if cls is A.ParenExpr:
                    inner = _plain_expression(node)
                    if inner is not None:
                        tasks.append((_EVAL, inner))
                    else:
                        values.append(self.visit_ParenExpr(node))
                    continue
                if cls is A.UnaryExpr and node.operator not in ("++", "--"):
                    tasks.append((_UNARY, node))
                    tasks.append((_EVAL, node.operand))
                    continue
                value = self.eval(node)
                values.append(None if value is NO_OUTPUT else value)
            elif kind == _BINARY:
                right = values.pop()
                values.append(self._binary_step(node, values.pop(), right))
            elif kind == _UNARY:
                values.append(self._unary_step(node, values.pop()))
            elif kind == _SHORT:
                left = to_bool(values.pop())
                if left == (node.operator == "or"):      # -and with False, -or with True
                    values.append(left)
                else:
                    tasks.append((_TRUTH, node))
                    tasks.append((_EVAL, node.right))
            else:  # _TRUTH: the right operand of -and/-or decides
                values.append(to_bool(values.pop()))
        return values[0]

    def _binary_step(self, node: A.BinaryExpr, left: Any, right: Any) -> Any:
        op = node.operator
        if op in _SIZED and (op == ".." or isinstance(left, _BUILT)):
            try:
                return self._sized(op, left, right, node)
            except (OperatorError, MethodError, ConversionError) as e:
                raise self._error_from(e, node)
        try:
            return binary(op, left, right, set_matches=self._set_matches,
                          is_type=self._is_type, as_type=self._as_type,
                          call_block=self._block_operand,
                          timespan_formats=self.session.dialect.timespan_format_strings,
                          size=self.budget.size)
        except (OperatorError, MethodError, ConversionError) as e:
            raise self._error_from(e, node)
        except (OutOfMemory, MemoryError):
            raise self._out_of_memory(node) from None

    def _sized(self, op: str, left: Any, right: Any, node: A.Node) -> Any:
        """A binary operator that builds a string or array (``*``, ``+``, ``..``,
        ``-join``) under the budget: refused before when its size can be foreseen,
        checked after otherwise."""
        budget = self.budget
        try:
            n = foresee(op, left, right)
            if n is not None:
                budget.size(n)
            result = binary(op, left, right,
                            timespan_formats=self.session.dialect.timespan_format_strings)
            if isinstance(result, (str, list)):
                budget.size(len(result))
            return result
        except (OutOfMemory, MemoryError):
            raise self._out_of_memory(node) from None

    def _out_of_memory(self, node: A.Node) -> EngineError:
        return self._runtime_error("Exception of type 'System.OutOfMemoryException' was thrown.",
                                   "System.OutOfMemoryException", node, "OperationStopped",
                                   exception_type="System.OutOfMemoryException",
                                   script_terminating=True)

    def _block_operand(self, block: Any, dollar_under: Any, *args: Any) -> Any:
        """Run a script block an operator was given (``-split { $_ -eq ',' }``), in a
        scope of its own with ``$_`` and ``$args`` set; its output as one value."""
        if not isinstance(block, ScriptBlock):
            return block
        out: List[Any] = []
        self.invoke_block(block, out.append, dollar_under=dollar_under, args=args, new_scope=True)
        return out[0] if len(out) == 1 else out

    def _value(self, node: A.Node) -> Any:
        v = self.eval(node)
        return None if v is NO_OUTPUT else v

    def _set_matches(self, m: Any) -> None:
        if m is not None:
            self._set_var("Matches", _matches_table(m))

    def _is_type(self, value: Any, type_value: Any) -> bool:
        info = type_value if isinstance(type_value, TypeInfo) else resolve_type(to_string(type_value))
        if info is None:
            raise OperatorError("Unable to find type [%s]." % to_string(type_value), "TypeNotFound")
        return is_instance(value, info)

    def _as_type(self, value: Any, type_value: Any) -> Any:
        info = type_value if isinstance(type_value, TypeInfo) else resolve_type(to_string(type_value))
        if info is None:
            raise OperatorError("Unable to find type [%s]." % to_string(type_value), "TypeNotFound")
        try:
            return convert_to(value, info, self.context.statics)
        except ConversionError:
            return None

    def visit_MemberExpr(self, node: A.MemberExpr) -> Any:
        obj = self._value(node.obj)
        name = node.member if isinstance(node.member, str) else to_string(self._value(node.member))
        if node.static:
            if not isinstance(obj, TypeInfo):
                raise self._runtime_error("Unable to find type [%s]." % to_string(obj), "TypeNotFound", node,
                                          "InvalidOperation")
            try:
                return static_member(obj, name, None, self.context.statics)
            except MethodError as e:
                raise self._error_from(e, node)
        return self.member_value(obj, name, node)

    def member_value(self, obj: Any, name: str, node: Optional[A.Node] = None) -> Any:
        strict = self.strict_version() >= 2
        if obj is None:
            # 3.0+: $null.Count and $null.Length are 0 (the rule that gives a scalar 1).
            if self.session.dialect.scalar_count and name.casefold() in ("count", "length") \
                    and not strict:
                return 0
            if strict:
                raise self._property_not_found(name, node)
            return None
        value = get_property(obj, name)
        if value is not NOT_FOUND:
            return value
        folded = name.casefold()
        if folded == "psobject":  # the intrinsic view of every value
            return PSObjectView(obj, self.session.dialect)
        if folded == "pstypenames":  # the same list as .psobject.TypeNames
            return PSObjectView(obj).TypeNames
        if isinstance(obj, PSHashtable):
            return None  # a key that is not there: $null, even in strict mode
        if isinstance(obj, (list, tuple)):
            if not self.session.dialect.member_enumeration:
                if strict:
                    raise self._property_not_found(name, node)
                return None
            results = []
            for item in obj:
                v = get_property(item, name)
                if v is not NOT_FOUND:
                    results.extend(v if isinstance(v, (list, tuple)) else [v])
            if not results:
                if strict:
                    raise self._property_not_found(name, node)
                return NO_OUTPUT  # nothing to enumerate: no value at all, not a $null
            return results[0] if len(results) == 1 else results
        if strict:
            # Strict mode 2+ knows no Count/Length on a scalar (as in Windows PowerShell).
            raise self._property_not_found(name, node)
        if self.session.dialect.scalar_count and name.casefold() in ("count", "length"):
            return 1
        return None

    # ------------------------------------------------------------ strict mode
    def strict_version(self) -> int:
        """The strict mode in force here (Set-StrictMode), 0 when off: the nearest scope
        that set one decides."""
        scope: Optional[Scope] = self.scope
        while scope is not None:
            if scope.strict is not None:
                return scope.strict
            scope = scope.parent
        return 0

    def _property_not_found(self, name: str, node: Optional[A.Node]) -> EngineError:
        record = ErrorRecord("The property '%s' cannot be found on this object. Verify that the "
                             "property exists." % name, "PropertyNotFoundStrict", "NotSpecified",
                             exception_type="System.Management.Automation.PropertyNotFoundException",
                             invocation=self._invocation(None, node.span if node else None,
                                                         node.span.end if node else None))
        return TerminatingError(record)

    def visit_InvokeMemberExpr(self, node: A.InvokeMemberExpr) -> Any:
        obj = self._value(node.obj)
        name = node.member if isinstance(node.member, str) else to_string(self._value(node.member))
        args = []
        for a in node.arguments:
            if isinstance(a, A.ArrayLiteral):
                args.extend(self._value(i) for i in a.items)
            else:
                args.append(self._value(a))
        if name.casefold() in SIZING_METHODS:
            self._size_arguments(obj, name, args, node)
        result = self._invoke_member(node, obj, name, args)
        if isinstance(result, (str, list)) and len(result) >= 1 << 16:
            try:                          # what a method built ([regex]::Replace ...)
                self.budget.size(len(result))
            except OutOfMemory:
                raise self._out_of_memory(node) from None
        return result

    def _invoke_member(self, node: A.InvokeMemberExpr, obj: Any, name: str, args: List[Any]) -> Any:
        """Call method ``name`` of ``obj`` (a TypeInfo: a static one) with ``args``."""
        n = foresee_method(obj if not node.static else None, name, args,
                           getattr(obj, "full_name", "") if node.static else "")
        if n is not None:
            try:
                self.budget.size(n)
            except OutOfMemory:
                raise self._out_of_memory(node) from None
        try:
            if node.static:
                if not isinstance(obj, TypeInfo):
                    raise MethodError("Unable to find type [%s]." % to_string(obj), "TypeNotFound")
                if name.casefold() == "new" and not self.session.dialect.type_new_method:
                    raise method_not_found(obj.full_name, name)  # [T]::new() came with 5.0
                return _void(static_member(obj, name, args, self.context.statics))
            if name.casefold() in ("where", "foreach") and self.session.dialect.collection_methods \
                    and args and isinstance(args[0], ScriptBlock):
                return self._collection_method(obj, name.casefold(), args)
            if isinstance(obj, ScriptBlock) and name.casefold() in ("invoke", "invokereturnasis"):
                out: List[Any] = []
                # the arguments bind to the block's param() by position, the rest are $args
                self.invoke_with_arguments(obj, args, out.append)
                return out[0] if len(out) == 1 else (NO_OUTPUT if not out else out)
            if isinstance(obj, (list, tuple)) and self.session.dialect.member_enumeration and \
                    not isinstance(obj, bytes) and name.casefold() not in _LIST_METHODS and \
                    not has_method(obj, name):
                # 3.0+: a method the collection lacks is called on each element; with
                # no element to call it on, the collection's own type is named.
                if not obj:
                    raise method_not_found(dotnet_type_name(obj), name)
                results = [r for r in (call_method(item, name, args) for item in obj) if r is not None]
                return results if results else NO_OUTPUT
            return _void(call_method(obj, name, args))
        except (MethodError, ConversionError, OperatorError) as e:
            raise self._error_from(e, node)
        except EngineError:
            raise
        except (ValueError, TypeError, IndexError, KeyError, OverflowError, ZeroDivisionError) as e:
            raise self._runtime_error('Exception calling "%s" with "%d" argument(s): "%s"'
                                      % (name, len(args), e), "MethodInvocationException", node,
                                      "NotSpecified")

    def _collection_method(self, obj: Any, name: str, args: List[Any]) -> Any:
        """``.ForEach({ })`` and ``.Where({ }[, mode[, count]])`` (4.0+): the block runs
        with ``$_`` set to each element (a single value counts as one, $null as none);
        the result is a collection even when it holds one element."""
        block = args[0]
        items = [] if obj is None else list(enumerate_value(obj)) \
            if isinstance(obj, (list, tuple)) else [obj]

        def run(item: Any) -> List[Any]:
            out: List[Any] = []
            self.invoke_block(block, out.append, dollar_under=item)
            return out
        if name == "foreach":
            results: List[Any] = []
            for item in items:
                results.extend(run(item))
            return results
        from .conversion import to_int
        mode = to_string(args[1]).casefold() if len(args) > 1 and args[1] is not None else "default"
        count = to_int(args[2]) if len(args) > 2 else 0
        if mode not in ("default", "first", "last", "skipuntil", "until", "split"):
            raise MethodError('Cannot convert value "%s" to type "System.Management.Automation.'
                              'WhereOperatorSelectionMode".' % to_string(args[1]),
                              "PSInvalidCastException")
        hits = [to_bool(out[0] if len(out) == 1 else out) for out in map(run, items)]
        if mode == "last":
            chosen = [i for i, h in zip(items, hits) if h]
            return chosen[-count:] if count else chosen[-1:]
        if mode in ("skipuntil", "until"):
            first = next((n for n, h in enumerate(hits) if h), len(items))
            chosen = items[first:] if mode == "skipuntil" else items[:first]
            return chosen[:count] if count else chosen
        chosen = [i for i, h in zip(items, hits) if h]
        if mode == "split":
            limit = count or len(chosen)
            picked = chosen[:limit]
            rest = [i for i in items if not any(i is p for p in picked)]
            return [picked, rest]
        if mode == "first":
            return chosen[:count or 1]
        return chosen[:count] if count else chosen

    def _size_arguments(self, obj: Any, name: str, args: List[Any], node: A.Node) -> None:
        """``'x'.PadLeft(1e9)``, ``[string]::new('x', 1e9)``, ``[byte[]]::new(1e9)``,
        ``[array]::CreateInstance([int], 1e9)``: the size is an argument; refuse it
        before anything is built."""
        if name.casefold() == "new":
            full = getattr(obj, "full_name", "") if isinstance(obj, TypeInfo) else ""
            if full != "System.String" and not full.endswith("]"):
                return
        try:
            for arg in args:
                if isinstance(arg, (int, float)) and not isinstance(arg, bool) and arg > 0:
                    self.budget.size(int(min(arg, 1 << 62)))
        except OutOfMemory:
            raise self._out_of_memory(node) from None

    def visit_IndexExpr(self, node: A.IndexExpr) -> Any:
        obj = self._value(node.obj)
        index = self._value(node.index)
        if obj is None:
            raise self._runtime_error("Cannot index into a null array.", "NullArray", node,
                                      "InvalidOperation")
        by_key = getattr(obj, "ps_index", None)
        if by_key is not None:  # a collection indexed by name too ($m.Groups['year'])
            return [by_key(k) for k in index] if isinstance(index, list) else by_key(index)
        if isinstance(obj, PSHashtable):
            if isinstance(index, list):
                return [obj.get(k) for k in index]
            return obj.get(index)
        if isinstance(obj, (list, tuple, str, bytes)):
            if self.strict_version() >= 3:
                self._check_bounds(obj, index, node)
            if isinstance(index, list):
                return [self._index_one(obj, i) for i in index]
            return self._index_one(obj, index)
        if isinstance(obj, PSObject):
            return obj.get(to_string(index), None)
        from .conversion import to_int
        try:
            if to_int(index) == 0:
                return obj
        except ConversionError:
            pass
        return None

    def _check_bounds(self, seq: Any, index: Any, node: A.Node) -> None:
        """Strict mode 3: an index past the end is an error, not $null."""
        from .conversion import to_int
        for i in (index if isinstance(index, list) else [index]):
            try:
                number = to_int(i)
            except ConversionError:
                continue
            if not -len(seq) <= number < len(seq):
                record = ErrorRecord("Index was outside the bounds of the array.",
                                     "System.IndexOutOfRangeException", "OperationStopped",
                                     exception_type="System.IndexOutOfRangeException",
                                     invocation=self._invocation(None, node.span, node.span.end))
                raise TerminatingError(record)

    @staticmethod
    def _index_one(seq: Any, index: Any) -> Any:
        from .conversion import to_int
        try:
            i = to_int(index)
        except ConversionError:
            return None
        if -len(seq) <= i < len(seq):
            return Char(seq[i]) if isinstance(seq, str) else seq[i]   # 'abc'[0] is a char
        return None

    # ================================================================ variables
    def _get_var(self, name: str, scope: Optional[str] = None, node: Optional[A.Node] = None) -> Any:
        lower = name.casefold()
        if scope == "env":
            return self.context.environment.get_value(name)
        if lower == "true" and scope is None:
            return True
        if lower == "false" and scope is None:
            return False
        if lower == "null" and scope is None:
            return None
        if lower == "?":
            return self.session.last_success
        if lower == "error":
            return self.session.errors
        if lower == "lastexitcode":
            return self.session.last_exit_code
        if lower == "psitem" and not self.session.dialect.psitem:
            entry = self._scope_for(scope).find(name)
            return None if entry is None else entry[1]
        if lower == "psitem":
            lower, name = "_", "_"
        if lower == "host":
            return self.host_view()
        if lower == "pwd":
            return self.context.location
        if lower in ("psscriptroot", "pscommandpath") and scope is None:
            # 3.0+: the script (or the script that defined the running function).
            if not self.session.dialect.script_path_variables or not self.file:
                return None
            return script_root(self.file) if lower == "psscriptroot" else self.file
        if lower == "executioncontext" and scope is None:
            return EngineIntrinsics(self)
        entry = self._scope_for(scope).find(name)
        return None if entry is None else entry[1]

    def _scope_for(self, scope: Optional[str]) -> Scope:
        if scope == "global":
            return self.session.global_scope
        if scope == "script":
            return self.session.script_scope
        return self.scope

    def _set_var(self, name: str, value: Any, scope: Optional[str] = None) -> None:
        if scope == "global":
            self.session.global_scope.set_local(name, value)
        elif scope == "script":
            self.session.script_scope.set_local(name, value)
        elif scope == "env":
            self.context.environment.set_value(name, value)
        else:
            self.scope.set_local(name, value)

    def _constrained(self, value: Any, info: TypeInfo, node: A.Node) -> Any:
        """``value`` converted to a variable's type constraint, or PowerShell's error."""
        try:
            return convert_to(value, info, self.context.statics)
        except ConversionError as e:
            raise self._runtime_error(
                e.message, "RuntimeException", node, "MetadataError",
                exception_type="System.Management.Automation.ArgumentTransformationMetadataException")

    # Public faces of the above, for the ExecutionContext.
    def get_variable(self, name: str, scope: Optional[str] = None) -> Any:
        return self._get_var(name, scope)

    def set_variable(self, name: str, value: Any, scope: Optional[str] = None) -> None:
        self._set_var(name, value, scope)

    def is_type(self, value: Any, type_value: Any) -> bool:
        return self._is_type(value, type_value)

    def as_type(self, value: Any, type_value: Any) -> Any:
        return self._as_type(value, type_value)

    def assign(self, target: A.Node, value: Any) -> Any:
        """Store ``value`` in what ``target`` names; returns the value stored."""
        if value is NO_OUTPUT:
            value = None
        if isinstance(target, A.VariableExpr):
            if target.name.casefold() == "null" and target.scope is None:
                return value  # $null = <value> discards the value
            if target.name.casefold() in AUTOMATIC_READONLY and target.scope is None:
                raise self._runtime_error("Cannot overwrite variable %s because it is read-only or constant."
                                          % target.name, "VariableNotWritable", target, "WriteError",
                                          exception_type="System.Management.Automation.SessionStateUnauthorizedAccessException")
            scope = self._scope_for(target.scope) if target.scope != "env" else None
            constraint = scope.constraint(target.name) if scope is not None else None
            if constraint is not None:  # [int]$x = 1 earlier here: $x = '5' stores 5
                value = self._constrained(value, constraint, target)
            self._set_var(target.name, value, target.scope)
            return value
        if isinstance(target, A.ConvertExpr) and isinstance(target.operand, A.VariableExpr):
            info = resolve_type(target.type_name)
            if info is None:
                raise self._type_not_found(target.type_name, target)
            value = self._constrained(value, info, target)
            variable = target.operand
            if variable.scope == "env" or variable.name.casefold() == "null":
                self._set_var(variable.name, value, variable.scope)
            else:
                self._scope_for(variable.scope).set_typed(variable.name, value, info)
            return value
        if isinstance(target, A.MemberExpr):
            obj = self._value(target.obj)
            name = target.member if isinstance(target.member, str) else to_string(self._value(target.member))
            try:
                done = obj is not None and set_property(obj, name, value)
            except (ConversionError, NetError) as e:
                # A .NET setter that threw (or refused the value's type).
                raise self._runtime_error('Exception setting "%s": "%s"' % (name, e.message),
                                          "ExceptionWhenSetting", target, "NotSpecified",
                                          exception_type="System.Management.Automation."
                                                         "SetValueInvocationException")
            if not done:
                computed = computed_member(obj, name) if obj is not None else None
                if computed is not None and computed.member_type == "ScriptProperty":
                    raise self._runtime_error(
                        'Set accessor for property "%s" is unavailable.' % name,
                        "SetWithoutSetterFromScriptProperty", target, "InvalidOperation",
                        exception_type="System.Management.Automation.SetValueException")
                raise self._runtime_error(
                    self.session.dialect.message("PropertyNotSettable") % name,
                    "PropertyAssignmentException", target, "InvalidOperation")
            return value
        if isinstance(target, A.IndexExpr):
            obj = self._value(target.obj)
            index = self._value(target.index)
            if obj is None:
                raise self._runtime_error("Cannot index into a null array.", "NullArray", target,
                                          "InvalidOperation")
            if isinstance(obj, PSHashtable):
                obj[index] = value
                return value
            if isinstance(obj, list):
                from .conversion import to_int
                i = to_int(index)
                if not -len(obj) <= i < len(obj):
                    # the .NET IndexOutOfRangeException inside: catch matches it
                    raise self._runtime_error("Index was outside the bounds of the array.",
                                              "IndexOutOfRange", target, "InvalidOperation",
                                              inner="System.IndexOutOfRangeException")
                obj[i] = value
                return value
            raise self._runtime_error("Unable to index into an object of type %s." % type(obj).__name__,
                                      "CannotIndex", target, "InvalidOperation")
        if isinstance(target, A.ArrayLiteral):
            values = list(value) if isinstance(value, (list, tuple)) else [value]
            for i, t in enumerate(target.items):
                if i == len(target.items) - 1:
                    rest = values[i:]
                    self.assign(t, rest[0] if len(rest) == 1 else (rest or None))
                else:
                    self.assign(t, values[i] if i < len(values) else None)
            return value
        raise self._runtime_error("The assignment expression is not valid. The input to an assignment "
                                  "operator must be an object that is able to accept assignments, such "
                                  "as a variable or a property.", "InvalidLeftHandSide", target, "ParserError")

    # ============================================================= script blocks
    def invoke_block(self, block: ScriptBlock, sink: Callable[[Any], None], *,
                     dollar_under: Any = NO_VALUE, args: Sequence[Any] = (),
                     new_scope: bool = False, input_objects: Optional[List[Any]] = None,
                     this: Any = NO_VALUE) -> None:
        """Run a script block (``Where-Object``/``ForEach-Object`` bodies, ``&{}``);
        ``this`` sets ``$this`` (a script property's or method's object), in a scope
        of its own."""
        budget = self.budget            # a step (see _loop_body)
        budget.steps += 1
        if budget.steps >= budget.limit:
            budget.check()
        saved_scope, saved_source, saved_file = self.scope, self.source, self.file
        if this is not NO_VALUE:
            new_scope = True
        if new_scope:
            self.scope = Scope(self.scope)
            if this is not NO_VALUE:
                self.scope.set_local("this", this)
        self.source, self.file = block.source, block.File
        saved_under = NO_VALUE
        if dollar_under is not NO_VALUE:
            saved_under = self._get_var("_")
            self.scope.set_local("_", dollar_under)
        if new_scope:
            self.scope.set_local("args", list(args))
            if input_objects is not None:
                self.scope.set_local("input", list(input_objects))
        # A block run in a scope of its own is a call (a ForEach-Object or Where-Object
        # body runs in its caller's scope and is not).
        call = 1 if new_scope else 0
        self.depth += call
        try:
            if call:
                self.check_call_depth(block.node)
            node = block.node
            if node.blocks:
                for named in node.blocks:
                    self.run_statements(named.statements, sink)
            else:
                self.run_statements(node.statements, sink)
        except ReturnSignal:
            pass
        finally:
            self.depth -= call
            if dollar_under is not NO_VALUE and not new_scope:
                self.scope.set_local("_", saved_under)
            self.scope, self.source, self.file = saved_scope, saved_source, saved_file

    def invoke_with_arguments(self, block: ScriptBlock, args: Sequence[Any], sink: Callable[[Any], None],
                              input_objects: Optional[List[Any]] = None, this: Any = NO_VALUE) -> None:
        """Run ``block`` in a child scope, binding its ``param()`` by position from
        ``args`` (the rest in ``$args``), with ``$input`` when given (Invoke-Command)
        and ``$this`` (a script method's object)."""
        scope = Scope(self.scope)
        if this is not NO_VALUE:
            scope.set_local("this", this)
        decls = list(block.node.param_block.parameters) if block.node.param_block is not None else []
        rest = list(args)
        saved = self.scope
        self.scope = scope
        try:
            for d in decls:
                if rest:
                    value = rest.pop(0)
                    if d.type_name:
                        # [int]$Days: convert as a cast would (None when it cannot).
                        try:
                            value = self._as_type(value, d.type_name)
                        except Exception:  # noqa: BLE001 - unknown type: keep the value
                            pass
                    scope.set_local(d.name, value)
                elif d.default is not None:
                    scope.set_local(d.name, self._value(d.default))
                else:
                    scope.set_local(d.name, None)
            scope.set_local("args", rest)
            if input_objects is not None:
                scope.set_local("input", list(input_objects))
            self.invoke_block(block, sink)
        finally:
            self.scope = saved

    def call_block_value(self, block: ScriptBlock, dollar_under: Any) -> Any:
        """Evaluate a script block for its value (Where-Object, calculated properties)."""
        out: List[Any] = []
        self.invoke_block(block, out.append, dollar_under=dollar_under)
        if not out:
            return None
        return out[0] if len(out) == 1 else out

    # ============================================================ error helpers
    def _invocation(self, command: Optional[str], span: Optional[Span],
                    marker: Optional[int] = None) -> InvocationInfo:
        return InvocationInfo(command, self.source, self.file, span, marker)

    def _runtime_error(self, message: str, error_id: str, node: A.Node, category: str = "InvalidOperation",
                       exception_type: str = "System.Management.Automation.RuntimeException",
                       script_terminating: bool = False, inner: Optional[str] = None) -> EngineError:
        record = ErrorRecord(message, error_id, category, exception_type=exception_type,
                             invocation=self._invocation(None, node.span, node.span.end),
                             inner_exception_type=inner)
        return ScriptTerminatingError(record) if script_terminating else TerminatingError(record)

    def _error_from(self, e: Exception, node: A.Node) -> EngineError:
        """The runtime error for an operator's, a member call's or a conversion's failure."""
        if isinstance(e, MethodError):
            member = getattr(e, "member", None)
            message = self.session.dialect.message("MethodNotFound") % member if member else e.message
            return self._runtime_error(message, e.error_id, node, e.category,
                                       exception_type=e.exception_type, inner=e.inner)
        if isinstance(e, OperatorError):
            member = getattr(e, "member", None)
            message = self.session.dialect.message("MethodNotFound") % member if member else e.message
            return self._runtime_error(message, e.error_id, node, e.category,
                                       exception_type=e.exception, inner=e.inner)
        assert isinstance(e, ConversionError)
        return self._runtime_error(e.message, "InvalidArgument", node, "InvalidArgument")

    def _type_not_found(self, name: str, node: A.Node) -> EngineError:
        message = self.session.dialect.message("TypeNotFound") % name
        record = ErrorRecord(message, "TypeNotFound", "InvalidOperation", target=name,
                             invocation=self._invocation(None, node.span, node.span.start))
        return TerminatingError(record)

    def _not_supported(self, feature: str, node: A.Node) -> EngineError:
        record = ErrorRecord("exshell does not support %s yet." % feature, "NotSupported",
                             "NotImplemented", exception_type="System.NotSupportedException",
                             invocation=self._invocation(None, node.span, node.span.start))
        return TerminatingError(record)


#: Variables that always exist (strict mode never calls them unset).
_ALWAYS_SET = frozenset(("true", "false", "null", "?", "error", "lastexitcode", "host", "pwd",
                         "executioncontext", "psscriptroot", "pscommandpath", "args", "input",
                         "ofs", "psversiontable", "home", "pid", "pshome", "shellid", "matches",
                         "erroractionpreference", "warningpreference", "verbosepreference",
                         "debugpreference", "confirmpreference", "whatifpreference",
                         "progresspreference", "formatenumerationlimit", "maximumhistorycount",
                         "psdefaultparametervalues", "psculture", "psuiculture", "myinvocation"))

_STATEMENT_NODES = {"IfStatement", "ForEachStatement", "ForStatement", "WhileStatement",
                    "DoWhileStatement", "TryStatement", "ThrowStatement", "ReturnStatement",
                    "BreakStatement", "ContinueStatement", "ExitStatement", "FunctionDefinition",
                    "SwitchStatement", "TrapStatement", "UnsupportedStatement", "Pipeline",
                    "Assignment", "StatementBlock"}
_LIST_METHODS = {"contains", "indexof", "tostring", "gettype", "clone", "getvalue", "add",
                 "equals", "gethashcode", "getenumerator", "copyto"}


def _void(value: Any) -> Any:
    """A .NET method that returns nothing (void) writes no output at all."""
    return NO_OUTPUT if value is None else value


def _matches_table(m: Any) -> PSHashtable:
    """``$Matches`` after a successful ``-match``: the groups that matched, keyed by
    their .NET number (an int) or name."""
    table = PSHashtable()
    for name, value in reversed(dotnet_groups(m)):
        if value is not None:
            table[int(name) if name.isdigit() else name] = value
    return table


# ==================================================================== stages

class _Stage:
    downstream: Callable[[Any], None]
    errors_written = False

    def begin(self) -> None:
        pass

    def accept(self, obj: Any) -> None:
        raise NotImplementedError

    def run_alone(self) -> None:
        raise NotImplementedError

    def end(self) -> None:
        pass


class _ExpressionStage(_Stage):
    def __init__(self, ev: Evaluator, node: A.CommandExpression):
        self.ev = ev
        self.node = node

    def run_alone(self) -> None:
        value = self.ev.eval(self.node.expression)
        if value is NO_OUTPUT:
            return
        if isinstance(value, (list, tuple)):
            for v in value:
                self.downstream(v)
        else:
            self.downstream(value)

    def accept(self, obj: Any) -> None:  # pragma: no cover - expressions are first
        self.run_alone()


class _CmdletStage(_Stage):
    def __init__(self, ev: Evaluator, cls: type, node: A.CommandCall, typed_name: str,
                 position: int, expects_input: bool):
        self.ev = ev
        self.cls = cls
        self.node = node
        self.typed_name = typed_name
        self.expects_input = expects_input
        session = ev.session
        self.source, self.file = ev.source, ev.file
        elements = ev._eval_args(node)
        # `<cmdlet> -?` alone shows the command's help instead of running it.
        if len(elements) == 1 and elements[0].kind == "param" and elements[0].name == "?":
            help_cls = session.commands.lookup("Get-Help")
            if help_cls is not None:
                elements = [ArgElement("arg", elements[0].span, cls.name, text=cls.name)]
                cls = self.cls = help_cls
        parameters = tuple(cls.parameters_for(session.profile))
        parameters += tuple(cls.dynamic_parameters(ev.context, elements, expects_input))
        self.binder = Binder(parameters, cls.default_set)
        try:
            self.binding = self.binder.bind_command_line(elements, expects_input)
            defaults = ev.default_parameter_values(cls.name)
            if defaults:
                self.binder.apply_defaults(self.binding, defaults, expects_input)
            missing = self.binder.missing_mandatory(self.binding, expects_input)
            if missing:
                self._prompt_mandatory(missing, position)
                if self.binding.chosen_set is None and not expects_input:
                    self.binding.chosen_set = self.binder.choose_set(
                        self.binding.sets, self.binding.values, expects_input, strict=True)
        except BindingError as e:
            raise TerminatingError(self.binding_record(e))
        values = self.binding.values
        def pref(param: str, variable: str, default: Any) -> Any:
            if param in values:
                return values[param]
            v = ev._get_var(variable)
            return default if v is None else v
        error_action = to_string(pref("ErrorAction", "ErrorActionPreference", "Continue"))
        verbose = bool(values.get("Verbose")) or to_string(ev._get_var("VerbosePreference")) == "Continue"
        what_if = bool(values.get("WhatIf")) if "WhatIf" in values else \
            (cls.supports_should_process and to_bool(ev._get_var("WhatIfPreference")))
        confirm = values.get("Confirm") if "Confirm" in values else None
        self.out_variable = values.get("OutVariable")
        self.out_collected: List[Any] = []
        inv = InvocationInfo(typed_name, ev.source, ev.file, node.span, node.name_span.end)
        self.runtime = CommandRuntime(
            ev.context, inv, cls.name, self._write, error_action, what_if, confirm,
            cls.confirm_impact, verbose,
            remote_suspend=session.profile.confirm_offers_suspend,
            dialect=session.dialect,
            warning_action=to_string(pref("WarningAction", "WarningPreference", "Continue")),
            error_variable=values.get("ErrorVariable"))
        self.runtime.bound_parameters = self.binder.finish(self.binding)
        self.cmdlet: Cmdlet = cls(self.runtime)
        self.cmdlet.typed_name = typed_name  # type: ignore[attr-defined]

    # The record for a binding failure: the command's own name, the marker after the
    # parameter token (2.0) or under it (5.1).
    def binding_record(self, e: BindingError) -> ErrorRecord:
        node = self.node
        if e.where in ("param", "arg") and e.span is not None:
            span = e.span
            marker = e.span.end
        else:
            span = node.span
            marker = node.name_span.end
        inv = InvocationInfo(self.cls.name, self.source, self.file, span, marker)
        fq = self.cls.binding_fqid or self.cls.dotnet_class or self.cls.name
        return ErrorRecord(e.message, e.error_id, e.category, exception_type=e.exception_type,
                           target=e.target if e.error_id == "InputObjectNotBound" else None,
                           activity=self.cls.name, fqid_command=fq, invocation=inv)

    def _prompt_mandatory(self, missing: List[Parameter], position: int) -> None:
        host = self.ev.session.host
        if not host.interactive:
            raise self.binder.missing_mandatory_error(missing)
        try:
            host.write_line("")
            host.write_line("cmdlet %s at command pipeline position %d" % (self.cls.name, position))
            host.write_line("Supply values for the following parameters:")
            for p in missing:
                if p.type.is_collection:
                    items: List[str] = []
                    while True:
                        answer = host.ask("%s[%d]: " % (p.name, len(items)))
                        if answer == "":
                            break
                        items.append(answer)
                    raw: Any = items
                else:
                    raw = host.ask("%s: " % p.name)
                value = Binder.convert(p, raw, None, "command")
                Binder.check_value(p, value, None)
                self.binding.values[p.name] = value
        except HostUnavailable:
            raise self.binder.missing_mandatory_error(missing)

    def _write(self, obj: Any, enumerate_collection: bool) -> None:
        if enumerate_collection and isinstance(obj, (list, tuple)):
            for item in obj:
                self._emit(item)
        else:
            self._emit(obj)

    def _emit(self, obj: Any) -> None:
        if self.out_variable:
            self.out_collected.append(obj)
        context = self.ev.context
        if context.command_observers:
            context.command_output(self.cls.name)
        self.downstream(obj)

    def begin(self) -> None:
        context = self.ev.context
        if context.command_observers and not context.steps_running:
            record = context.command_started(self.cls.name)
            if record is not None:
                raise TerminatingError(record)
        self._call(self.cmdlet.begin)

    def run_alone(self) -> None:
        bound = self.binder.finish(self.binding)
        self._call(self.cmdlet.process, bound)

    def accept(self, obj: Any) -> None:
        try:
            bound = self.binder.bind_pipeline_object(self.binding, obj)
        except BindingError as e:
            record = self.binding_record(e)
            self.runtime.write_error(record)
            self.errors_written = True
            return
        self._call(self.cmdlet.process, bound)

    def end(self) -> None:
        self._call(self.cmdlet.end)
        if self.out_variable:
            collected = self.out_collected
            self.ev._set_var(to_string(self.out_variable),
                             collected[0] if len(collected) == 1 else list(collected))
        ev_name = self.runtime.error_variable
        if ev_name:
            name = to_string(ev_name)
            append = name.startswith("+")
            name = name.lstrip("+")
            errs = list(self.runtime.errors_written)
            if append:
                old = self.ev._get_var(name) or []
                errs = (list(old) if isinstance(old, list) else [old]) + errs
            self.ev._set_var(name, errs)

    def _call(self, fn: Callable, *args: Any) -> None:
        context = self.ev.context
        if not context.command_observers:
            return self._step(fn, *args)
        context.steps_running += 1
        try:
            self._step(fn, *args)
        except FlowControl:
            context.steps_running -= 1
            record = context.command_completed(self.cls.name)
            if record is not None:
                raise TerminatingError(record) from None
            raise
        except BaseException as error:
            context.steps_running -= 1
            record = context.command_failed(self.cls.name, error)
            if record is not None:
                raise TerminatingError(record) from None
            raise
        context.steps_running -= 1
        record = context.command_completed(self.cls.name)
        if record is not None:
            raise TerminatingError(record)

    def _step(self, fn: Callable, *args: Any) -> None:
        try:
            fn(*args)
        except StopUpstreamSignal as stop:
            if stop.stage is None:
                stop.stage = self  # the first stage it passes through is the one that asked
            raise
        except HostUnavailable as e:
            record = self.cmdlet.error_record(e.message, "HostPromptUnavailable", "InvalidOperation",
                                              exception_type="System.Management.Automation.PSInvalidOperationException")
            raise TerminatingError(record)
        finally:
            if self.runtime.errors_written:
                self.errors_written = True


class _BlockStage(_Stage):
    """A function, filter or script block in a pipeline (``& { }``, ``MyFunc``)."""

    def __init__(self, ev: Evaluator, block: ScriptBlock, node: A.CommandCall,
                 args: List[ArgElement], function: Optional[FunctionInfo] = None, dot: bool = False,
                 name: Optional[str] = None):
        self.ev = ev
        self.block = block
        self.node = node
        self.function = function
        self.dot = dot
        self.args = args
        self.inputs: List[Any] = []
        self.streaming = bool(block.node.blocks and any(b.name.casefold() == "process"
                                                        for b in block.node.blocks)) or block.IsFilter
        self.name = name or (function.Name if function else "<ScriptBlock>")
        #: What the caller typed to invoke it ($MyInvocation.InvocationName).
        self.typed_name = node.name if isinstance(node.name, str) else "&"
        self.call_site = InvocationInfo(self.name, ev.source, ev.file, node.span, node.name_span.end)
        self.bound_values, self.rest = self._bind()
        self.scope: Optional[Scope] = None

    def _param_decls(self) -> List[A.ParameterDecl]:
        pb = self.block.node.param_block
        return list(pb.parameters) if pb is not None else []

    def _declared_parameters(self) -> Tuple[List[Parameter], bool]:
        """Parameter declarations from the ``param()`` block, and whether the function
        is advanced (``[CmdletBinding()]`` or any ``[Parameter()]``)."""
        from .parameters import Parameter as P
        pb = self.block.node.param_block
        advanced = False
        self.supports_should_process = False
        self.confirm_impact = "Medium"
        self.default_set: Optional[str] = None
        for attr in (pb.attributes if pb is not None else ()):
            if attr.name.casefold() != "cmdletbinding":
                continue
            advanced = True
            for key, val in attr.named:
                k = key.casefold()
                if k == "supportsshouldprocess":
                    self.supports_should_process = True if val is None else to_bool(self.ev._value(val))
                elif k == "confirmimpact" and val is not None:
                    self.confirm_impact = to_string(self.ev._value(val))
                elif k == "defaultparametersetname" and val is not None:
                    self.default_set = to_string(self.ev._value(val))
        params: List[Parameter] = []
        position = 0
        for d in self._param_decls():
            mandatory = from_pipeline = from_name = False
            explicit_position: Optional[int] = None
            validate_set: Optional[List[str]] = None
            checks: List[Tuple[str, List[Any]]] = []
            aliases: List[str] = []
            sets: List[str] = []
            for attr in d.attributes:
                name = attr.name.casefold()
                if name in ("alias", "system.management.automation.alias", "aliasattribute"):
                    for v in attr.positional:
                        value = self.ev._value(v)
                        aliases.extend(to_string(a) for a in (value if isinstance(value, list)
                                                              else [value]))
                    continue
                if name in ("parameter", "system.management.automation.parameter"):
                    advanced = True
                    for key, val in attr.named:
                        k = key.casefold()
                        if k == "parametersetname" and val is not None:
                            sets.append(to_string(self.ev._value(val)))
                            continue
                        flag = True if val is None else to_bool(self.ev._value(val))
                        if k == "mandatory":
                            mandatory = flag
                        elif k == "valuefrompipeline":
                            from_pipeline = flag
                        elif k == "valuefrompipelinebypropertyname":
                            from_name = flag
                        elif k == "position" and val is not None:
                            from .conversion import to_int
                            explicit_position = to_int(self.ev._value(val))
                elif name == "validateset":
                    validate_set = [to_string(self.ev._value(v)) for v in attr.positional]
                elif name in _VALIDATORS:
                    checks.append((name, [self.ev._value(v) for v in attr.positional]))
            ptype = _param_type_for(d.type_name, self.ev.context.statics)
            if validate_set is not None:
                from .conversion import ChoiceType
                ptype = ChoiceType(validate_set, canonical=False)
            if checks:
                ptype = _ValidatedType(ptype, checks, self.ev)
            pos: Optional[int] = None
            if not ptype.is_switch:
                pos = explicit_position if explicit_position is not None else position
                position += 1
            extra: Dict[str, Any] = {}
            if aliases:
                extra["aliases"] = tuple(aliases)
            if sets:
                extra["sets"] = tuple(sets)
            params.append(P(d.name, ptype, position=pos, mandatory=mandatory,
                            from_pipeline=from_pipeline, from_pipeline_by_name=from_name, **extra))
        return params, advanced

    def _bind(self) -> Tuple[Dict[str, Any], List[Any]]:
        """Bind the call's arguments to the declared parameters.  Arguments no parameter
        takes go to ``$args`` for simple functions; advanced functions refuse them."""
        from .parameters import common_parameters
        params, advanced = self._declared_parameters()
        self.params = params
        self.advanced = advanced
        all_params = params + (list(common_parameters(self.supports_should_process,
                                                      self.ev.session.dialect))
                               if advanced else [])
        from .parameters import ALL_SETS
        binder = Binder(all_params, default_set=getattr(self, "default_set", None) or ALL_SETS)
        values: Dict[str, Any] = {}
        rest: List[Tuple[int, Any]] = []  # (position in the call, value) for $args
        try:
            named: List[ArgElement] = []
            positional: List[ArgElement] = []
            i = 0
            while i < len(self.args):
                el = self.args[i]
                if el.kind == "param":
                    try:
                        p = binder.resolve(el.name, el.span)
                    except BindingError as e:
                        if advanced or e.error_id == "AmbiguousParameter":
                            raise
                        rest.append((i, el.text if el.value is NO_VALUE else el.value))
                        i += 1
                        continue
                    named.append(el)
                    if not p.is_switch and el.value is NO_VALUE and i + 1 < len(self.args) \
                            and self.args[i + 1].kind == "arg":
                        named.append(self.args[i + 1])
                        i += 2
                        continue
                else:
                    positional.append((i, el))
                i += 1
            values = dict(binder.bind_command_line(named, expects_input=False).values)
            for index, el in positional:
                open_params = sorted((p for p in params if p.position is not None and p.name not in values),
                                     key=lambda p: p.position)  # type: ignore[arg-type, return-value]
                if not open_params:
                    if advanced:
                        raise BindingError("PositionalParameterNotFound",
                                           "A positional parameter cannot be found that accepts "
                                           "argument '%s'." % to_string(el.value), el.span, "command")
                    rest.append((index, el.value))
                    continue
                target = open_params[0]
                values[target.name] = Binder.convert(target, el.value, el.span)
                Binder.check_value(target, values[target.name], el.span)
            self.parameter_set = self._parameter_set(params, values)
            missing = [p for p in params if p.mandatory and p.name not in values
                       and p.in_set(self.parameter_set)
                       and not (p.from_pipeline or p.from_pipeline_by_name)]
            if missing:
                self._prompt_missing(binder, missing, values)
        except BindingError as e:
            if e.span is not None and e.where != "command":
                span, marker = e.span, e.span.end
            else:
                span, marker = self.node.span, self.node.name_span.end
            inv = InvocationInfo(self.name, self.ev.source, self.ev.file, span, marker)
            raise TerminatingError(ErrorRecord(e.message, e.error_id, e.category,
                                               exception_type=e.exception_type, activity=self.name,
                                               fqid_command=self.name, invocation=inv))
        return values, [v for _, v in sorted(rest, key=lambda pair: pair[0])]

    def _parameter_set(self, params: List[Parameter], values: Dict[str, Any]) -> str:
        """The parameter set the bound parameters pick (``[Parameter(ParameterSetName=)]``):
        the only one they all belong to, else the default one among them; none (or
        several and no default) is PowerShell's AmbiguousParameterSet error."""
        from .parameters import ALL_SETS
        named = []
        for p in params:
            for name in p.sets:
                if name != ALL_SETS and name not in named:
                    named.append(name)
        if not named:
            return ALL_SETS
        candidates = [n for n in named
                      if all(p.in_set(n) for p in params if p.name in values)]
        if len(candidates) == 1:
            return candidates[0]
        default = getattr(self, "default_set", None)
        if default is not None and default in candidates:
            return default
        if default is not None and not any(p.name in values for p in params) and \
                default not in named:
            return default
        raise BindingError("AmbiguousParameterSet",
                           "Parameter set cannot be resolved using the specified named parameters.",
                           None, "command")

    def _prompt_missing(self, binder: Binder, missing: List[Parameter], values: Dict[str, Any]) -> None:
        host = self.ev.session.host
        if not host.interactive:
            raise binder.missing_mandatory_error(missing)
        host.write_line("")
        host.write_line("cmdlet %s at command pipeline position 1" % self.name)
        host.write_line("Supply values for the following parameters:")
        for p in missing:
            try:
                raw = host.ask("%s: " % p.name)
            except HostUnavailable:
                raise binder.missing_mandatory_error(missing)
            values[p.name] = Binder.convert(p, raw, None, "command")
            Binder.check_value(p, values[p.name], None)

    def _enter(self) -> None:
        ev = self.ev
        if not self.dot:
            self.scope = Scope(ev.scope)
        else:
            self.scope = ev.scope
        decls = self._param_decls()
        for d, p in zip(decls, self.params):
            if p.name in self.bound_values:
                value = self.bound_values[p.name]
            elif d.default is not None:
                saved = ev.scope
                ev.scope = self.scope
                try:
                    value = ev._value(d.default)
                finally:
                    ev.scope = saved
            else:
                value = False if p.is_switch else None
            if p.is_switch:
                value = SwitchParameter(to_bool(value))
                if p.name in self.bound_values:
                    self.bound_values[p.name] = value
            info = p.type.info if isinstance(p.type, _CastParameterType) else None
            if info is None:
                self.scope.set_local(d.name, value)
                continue
            if p.name not in self.bound_values:
                # A default converts too; an unbound [int] is 0 and an unbound
                # [string] is '' (not $null), as PowerShell converts $null.
                try:
                    value = convert_to(value, info, ev.context.statics)
                except ConversionError:
                    if value is not None:
                        raise ev._runtime_error(
                            "Cannot process argument transformation on parameter '%s'. %s"
                            % (d.name, "Cannot convert value \"%s\" to type \"%s\"."
                               % (to_string(value), info.full_name)),
                            "ParameterArgumentTransformationError", self.node, "InvalidData",
                            exception_type="System.Management.Automation."
                                           "ParameterBindingArgumentTransformationException")
            self.scope.set_typed(d.name, value, info)  # $Param = 'x' later converts too
        self.scope.set_local("args", list(self.rest))
        self.scope.set_local("PSBoundParameters", PSHashtable(self.bound_values.items()))
        if not self.dot:
            site = self.call_site
            command: Any = self.function if self.function is not None else (
                ExternalScriptInfo(self.block.File, self.block.source)
                if isinstance(self, _ScriptFileStage) and self.block.File else self.block)
            self.scope.set_local("MyInvocation", Invocation(
                command, self.typed_name, site.file, site.source, site.span,
                self.scope.find("PSBoundParameters")[1], list(self.rest)))
        if getattr(self, "advanced", False):
            self.scope.set_local("PSCmdlet", ScriptCmdlet(self))
            # The common parameters set the preferences inside the function.
            for param, variable, value in (
                    ("Verbose", "VerbosePreference", "Continue"),
                    ("ErrorAction", "ErrorActionPreference", None),
                    ("WarningAction", "WarningPreference", None)):
                if param in self.bound_values:
                    given = self.bound_values[param]
                    if value is None:
                        self.scope.set_local(variable, given)
                    elif to_bool(given):
                        self.scope.set_local(variable, value)
                    else:
                        self.scope.set_local(variable, "SilentlyContinue")

    def _run_named(self, names: Tuple[str, ...], dollar_under: Any = NO_VALUE,
                   input_list: Optional[List[Any]] = None) -> None:
        ev = self.ev
        budget = ev.budget              # a function or script call is a step (see _loop_body)
        budget.steps += 1
        if budget.steps >= budget.limit:
            budget.check()
        saved = (ev.scope, ev.source, ev.file)
        ev.scope, ev.source, ev.file = self.scope, self.block.source, self.block.File
        if dollar_under is not NO_VALUE:
            ev.scope.set_local("_", dollar_under)
        if input_list is not None:
            ev.scope.set_local("input", input_list)
        ev.depth += 1
        ev.call_stack.append(self.call_site)
        try:
            ev.check_call_depth(self.node)
            node = self.block.node
            if node.blocks:
                for named in node.blocks:
                    if named.name.casefold() in names:
                        ev.run_statements(named.statements, self.downstream)
            elif "end" in names or (self.block.IsFilter and "process" in names):
                ev.run_statements(node.statements, self.downstream)
        except ReturnSignal:
            pass
        finally:
            ev.depth -= 1
            ev.call_stack.pop()
            ev.scope, ev.source, ev.file = saved

    def begin(self) -> None:
        self._enter()
        if self.block.node.blocks:
            self._run_named(("begin",))

    def accept(self, obj: Any) -> None:
        if self.streaming:
            for p in self.params:
                if (p.from_pipeline or p.from_pipeline_by_name) and p.name not in self.bound_values:
                    value = obj if p.from_pipeline else get_property(obj, p.name)
                    for alias in (p.aliases if value is NOT_FOUND and not p.from_pipeline else ()):
                        value = get_property(obj, alias)      # by an alias's name too
                        if value is not NOT_FOUND:
                            break
                    if value is not NOT_FOUND:
                        self.scope.set_local(p.name, value)
            self._run_named(("process",), dollar_under=obj)
        else:
            self.inputs.append(obj)

    def run_alone(self) -> None:
        if self.streaming:
            self._run_named(("process",))

    def end(self) -> None:
        if self.streaming:
            if self.block.node.blocks:
                self._run_named(("end",))
            return
        if not self.block.IsFilter:
            for p in self.params:
                if p.from_pipeline and p.name not in self.bound_values and self.inputs:
                    self.scope.set_local(p.name, self.inputs[-1])
            self._run_named(("end",), input_list=list(self.inputs))


class ScriptCmdlet:
    """``$PSCmdlet`` in an advanced function: ShouldProcess and the Write* methods,
    through the same command runtime cmdlets use."""

    PS_TYPE_NAMES = ("System.Management.Automation.PSScriptCmdlet",
                     "System.Management.Automation.PSCmdlet", "System.Object")
    PS_PROPERTIES = ("ParameterSetName", "MyInvocation", "CommandOrigin")

    def __init__(self, stage: "_BlockStage"):
        ev = stage.ev
        values = stage.bound_values
        inv = InvocationInfo(stage.name, ev.source, ev.file, stage.node.span, stage.node.name_span.end)

        def pref(param: str, variable: str, default: Any) -> Any:
            if param in values:
                return values[param]
            v = ev._get_var(variable)
            return default if v is None else v
        self._stage = stage
        self.runtime = CommandRuntime(
            ev.context, inv, stage.name, lambda obj, enum=False: stage.downstream(obj),
            to_string(pref("ErrorAction", "ErrorActionPreference", "Continue")),
            bool(values.get("WhatIf")) if "WhatIf" in values else to_bool(ev._get_var("WhatIfPreference")),
            values.get("Confirm") if "Confirm" in values else None,
            getattr(stage, "confirm_impact", "Medium"),
            bool(values.get("Verbose")) or to_string(ev._get_var("VerbosePreference")) == "Continue",
            # A script function runs in the local console host, which offers [S] Suspend.
            remote_suspend=True, dialect=ev.session.dialect)
        self.ParameterSetName = getattr(stage, "parameter_set", None) or "__AllParameterSets"
        self.MyInvocation = inv
        self.CommandOrigin = "Runspace"

    def ps_method_ShouldProcess(self, target: Any = None, action: Any = None, *rest: Any) -> bool:
        if rest:  # (description, warning, caption)
            return self.runtime.should_process(to_string(target), None, None, to_string(rest[-1]))
        return self.runtime.should_process("", to_string(target),
                                           None if action is None else to_string(action), "Confirm")

    def ps_method_ShouldContinue(self, query: Any = "", caption: Any = "") -> bool:
        return self.runtime.should_continue(to_string(query), to_string(caption), False)

    def ps_method_WriteObject(self, obj: Any = None, enumerate_collection: Any = False) -> None:
        if to_bool(enumerate_collection) and isinstance(obj, (list, tuple)):
            for item in obj:
                self._stage.downstream(item)
        else:
            self._stage.downstream(obj)

    def ps_method_WriteVerbose(self, text: Any = "") -> None:
        self.runtime.write_verbose(to_string(text))

    def ps_method_WriteWarning(self, text: Any = "") -> None:
        self.runtime.write_warning(to_string(text))

    def ps_method_WriteError(self, record: Any = None) -> None:
        if isinstance(record, ErrorRecord):
            self.runtime.write_error(record)

    def ps_method_ThrowTerminatingError(self, record: Any = None) -> None:
        if isinstance(record, ErrorRecord):
            raise ScriptTerminatingError(record)

    def __str__(self) -> str:
        return self._stage.name


class _ScriptFileStage(_BlockStage):
    def __init__(self, ev: Evaluator, script: A.Script, node: A.CommandCall, args: List[ArgElement],
                 dot: bool = False):
        block_node = A.ScriptBlockExpr(script.span, script.statements, script.param_block,
                                       script.blocks, script.source)
        block = ScriptBlock(block_node, script.source, script.file)
        # `. .\x.ps1` runs the script in the caller's scope (its variables stay).
        super().__init__(ev, block, node, args, name=script.file or "script", dot=dot)


def _param_type_for(type_name: Optional[str], statics: Any = None):
    """How a function's or script's ``[type]$Param`` converts its argument."""
    from .conversion import BOOL, OBJECT, SWITCH, ListOf, ScriptBlockType
    if not type_name:
        return OBJECT
    t = type_name.strip().casefold()
    if t in ("switch", "system.management.automation.switchparameter"):
        return SWITCH
    if t in ("bool", "boolean", "system.boolean"):
        return BOOL
    if t in ("scriptblock", "system.management.automation.scriptblock"):
        return ScriptBlockType()
    if t in ("object", "system.object", "psobject", "system.management.automation.psobject"):
        return OBJECT
    if t.endswith("[]") and t not in ("byte[]", "system.byte[]", "char[]", "system.char[]"):
        return ListOf(_param_type_for(type_name.strip()[:-2], statics))
    info = resolve_type(type_name)
    return OBJECT if info is None else _CastParameterType(info, statics)


#: The validation attributes of a script's parameters (ValidateSet aside).
_VALIDATORS = ("validaterange", "validatenotnull", "validatenotnullorempty", "validatepattern",
               "validatelength", "validatecount", "validatescript")


class _ValidatedType(ParamType):
    """A script parameter with validation attributes: the argument converts as the
    parameter's type converts it, then each attribute checks it, failing with
    PowerShell's "Cannot validate argument on parameter ..." text."""

    def __init__(self, inner: ParamType, checks: List[Tuple[str, List[Any]]], ev: "Evaluator"):
        self.inner = inner
        self.checks = checks
        self.ev = ev
        self.dotnet_name = inner.dotnet_name
        self.is_switch = inner.is_switch
        self.is_collection = inner.is_collection

    def is_exact(self, value: Any) -> bool:
        return self.inner.is_exact(value)

    def choices(self) -> List[str]:
        return self.inner.choices()

    def convert(self, value: Any) -> Any:
        value = self.inner.convert(value)
        for name, args in self.checks:
            self._check(name, args, value)
        return value

    @staticmethod
    def _fail(message: str) -> ConversionError:
        return ConversionError(message, "ParameterArgumentValidationError")

    def _check(self, name: str, args: List[Any], value: Any) -> None:
        items = value if isinstance(value, (list, tuple)) else [value]
        if name == "validatenotnull":
            if value is None or any(v is None for v in items):
                raise self._fail("The argument is null. Provide a valid value for the argument, "
                                 "and then try running the command again.")
        elif name == "validatenotnullorempty":
            if value is None or (isinstance(value, (list, tuple)) and not value) or \
                    any(v is None or v == "" for v in items):
                raise self._fail("The argument is null or empty. Provide an argument that is not "
                                 "null or empty, and then try the command again.")
        elif name == "validatecount" and len(args) == 2:
            low, high = to_int_value(args[0]), to_int_value(args[1])
            n = len(items)
            if n < low:
                raise self._fail("The parameter requires at least %d value(s) and no more than %d "
                                 "value(s) to be supplied, but %d value(s) were supplied."
                                 % (low, high, n))
            if n > high:
                raise self._fail("The parameter requires at least %d value(s) and no more than %d "
                                 "value(s) to be supplied, but %d value(s) were supplied."
                                 % (low, high, n))
        for item in items if name not in ("validatenotnull", "validatenotnullorempty",
                                          "validatecount") else ():
            self._check_one(name, args, item)

    def _check_one(self, name: str, args: List[Any], item: Any) -> None:
        if name == "validaterange" and len(args) == 2:
            from .operators import compare_values
            low, high = args
            if item is None:
                raise self._fail("The argument is null, empty, or an element of the argument "
                                 "collection contains a null value. Supply a collection that does "
                                 "not contain any null values and then try the command again.")
            if compare_values(item, low) < 0:
                raise self._fail("The %s argument is less than the minimum allowed range of %s. "
                                 "Supply an argument that is greater than or equal to %s and then "
                                 "try the command again." % (to_string(item), to_string(low),
                                                             to_string(low)))
            if compare_values(item, high) > 0:
                raise self._fail("The %s argument is greater than the maximum allowed range of %s. "
                                 "Supply an argument that is less than or equal to %s and then "
                                 "try the command again." % (to_string(item), to_string(high),
                                                             to_string(high)))
        elif name == "validatepattern" and args:
            from .operators import RX_IGNORECASE, net_regex
            pattern = to_string(args[0])
            try:
                matched = net_regex(pattern, RX_IGNORECASE).search(to_string(item)) is not None
            except Exception:  # noqa: BLE001 - a pattern .NET would refuse
                matched = False
            if not matched:
                raise self._fail('The argument "%s" does not match the "%s" pattern. Supply an '
                                 'argument that matches "%s" and try the command again.'
                                 % (to_string(item), pattern, pattern))
        elif name == "validatelength" and len(args) == 2:
            text = to_string(item)
            low, high = to_int_value(args[0]), to_int_value(args[1])
            if len(text) < low:
                raise self._fail('The character length (%d) of the argument is too short. Specify '
                                 'an argument with a length that is greater than or equal to "%d", '
                                 'and then try the command again.' % (len(text), low))
            if len(text) > high:
                raise self._fail('The character length of the %d argument is too long. Shorten the '
                                 'character length of the argument so it is fewer than or equal to '
                                 '"%d" characters, and then try the command again.' % (len(text), high))
        elif name == "validatescript" and args and isinstance(args[0], ScriptBlock):
            block = args[0]
            if not to_bool(self.ev.call_block_value(block, item)):
                raise self._fail('The "%s" validation script for the argument with value "%s" did '
                                 'not return a result of True. Determine why the validation script '
                                 'failed, and then try the command again.'
                                 % (block.node.text, to_string(item)))


def to_int_value(value: Any) -> int:
    from .conversion import to_int
    return to_int(value)


class _CastParameterType(ParamType):
    """A typed parameter of a function or script: the argument converts as a cast
    converts it (``[string]`` joins an array, ``[double]`` reads '1.5'), and a failure
    is PowerShell's argument transformation error."""

    def __init__(self, info: TypeInfo, statics: Any = None):
        self.info = info
        self.statics = statics
        self.dotnet_name = info.full_name

    def is_exact(self, value: Any) -> bool:
        return value is not None and is_instance(value, self.info)

    def convert(self, value: Any) -> Any:
        try:
            return convert_to(value, self.info, self.statics)
        except ConversionError as e:
            raise ConversionError(e.message, "ParameterArgumentTransformationError")
