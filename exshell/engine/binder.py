"""Parameter binding, in PowerShell's stages.

Command line (once per command, before the pipeline runs):

1. named arguments (case-insensitive names and aliases, unique prefixes, an exact
   match wins, a command's own parameter beats common parameters on a prefix tie);
2. positional arguments, in position order, within the parameter sets still possible
   (the default set wins a position shared by several sets);
3. parameter-set resolution;
4. mandatory parameters that the pipeline cannot supply (prompted for by the caller
   when the host is interactive, else ``MissingMandatoryParameter``).

Then for every pipeline object: by value with the exact type, by property name with
the exact type, by value with conversion, by property name with conversion; whatever
an object bound is forgotten before the next one.

Binding failures raise :class:`BindingError` (id, message, where the marker goes).
The binder knows nothing of cmdlets or the evaluator: it works on
:class:`~exshell.engine.parameters.Parameter` declarations and evaluated arguments.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

from ..structs import Struct, factory
from ..lang.ast import Span
from .conversion import ConversionError, to_string
from .parameters import ALL_SETS, BoundParameters, Parameter, for_profile
from .properties import NOT_FOUND, get_property

__all__ = ["ArgElement", "BindingError", "Binder", "CommandBinding", "NO_VALUE"]


class _NoValue:
    __slots__ = ()

    def __repr__(self) -> str:  # pragma: no cover
        return "NO_VALUE"


NO_VALUE: Any = _NoValue()


class ArgElement(Struct):
    """One evaluated command element.

    ``kind`` is 'param' (a ``-Name`` token; ``value`` set for ``-Name:value``) or 'arg'.
    ``text`` is the source text (for a parameter: the token, dash included).
    """

    kind: str
    span: Span
    value: Any = NO_VALUE
    name: str = ""
    text: str = ""
    #: A parameter token that did not match anything and was taken as an argument.
    literal: bool = False


class BindingError(Exception):
    """A ParameterBindingException.  ``where`` says what the marker points at:
    'param' (the parameter token), 'arg' (the argument) or 'command' (the whole
    command)."""

    def __init__(self, error_id: str, message: str, span: Optional[Span] = None,
                 where: str = "command", target: Any = None, category: str = "InvalidArgument",
                 exception_type: str = "System.Management.Automation.ParameterBindingException"):
        super().__init__(message)
        self.error_id = error_id
        self.message = message
        self.span = span
        self.where = where
        self.target = target
        self.category = category
        self.exception_type = exception_type


class CommandBinding(Struct):
    """The result of binding a command line: what is bound, which sets remain."""

    values: Dict[str, Any] = factory(dict)
    sets: List[str] = factory(list)
    chosen_set: Optional[str] = None
    switches: Tuple[str, ...] = ()


class Binder:
    def __init__(self, parameters: Sequence[Parameter], default_set: str = ALL_SETS,
                 profile: Any = None):
        #: Only what exists under ``profile`` (a :class:`~exshell.profiles.Profile`).
        self.parameters: List[Parameter] = list(for_profile(parameters, profile))
        self.default_set = default_set
        names: List[str] = []
        for p in self.parameters:
            for s in p.sets:
                if s != ALL_SETS and s not in names:
                    names.append(s)
        if not names:
            names = [ALL_SETS]
        self.all_sets = names

    # ------------------------------------------------------------------ names
    def resolve(self, typed: str, span: Optional[Span] = None) -> Parameter:
        folded = typed.casefold()
        for p in self.parameters:
            if p.name.casefold() == folded or any(a.casefold() == folded for a in p.aliases):
                return p
        matches: List[Parameter] = [p for p in self.parameters if p.name.casefold().startswith(folded)]
        for p in self.parameters:
            if p not in matches and any(a.casefold().startswith(folded) for a in p.aliases):
                matches.append(p)
        if not matches:
            raise BindingError("NamedParameterNotFound",
                               "A parameter cannot be found that matches parameter name '%s'." % typed,
                               span, "param")
        if len(matches) == 1:
            return matches[0]
        own = [p for p in matches if not p.common]
        if len(own) == 1:
            return own[0]
        raise BindingError(
            "AmbiguousParameter",
            "Parameter cannot be processed because the parameter name '%s' is ambiguous. "
            "Possible matches include: %s." % (typed, " ".join("-" + p.name for p in matches)),
            span, "param")

    def find(self, name: str) -> Optional[Parameter]:
        for p in self.parameters:
            if p.name.casefold() == name.casefold():
                return p
        return None

    def _matches_any(self, typed: str) -> bool:
        try:
            self.resolve(typed)
            return True
        except BindingError as e:
            return e.error_id == "AmbiguousParameter"

    # -------------------------------------------------------------- conversion
    @staticmethod
    def convert(param: Parameter, value: Any, span: Optional[Span], where: str = "arg") -> Any:
        try:
            return param.type.convert(value)
        except ConversionError as e:
            message = e.message.replace("{param}", param.name)
            if e.error_id == "ParameterArgumentTransformationError":   # a script's typed parameter
                raise BindingError(e.error_id, "Cannot process argument transformation on parameter "
                                   "'%s'. %s" % (param.name, message), span, where,
                                   category="InvalidData",
                                   exception_type="System.Management.Automation."
                                                  "ParameterBindingArgumentTransformationException")
            if e.error_id in ("CannotConvertArgument", "ParameterArgumentValidationError"):
                if e.error_id == "ParameterArgumentValidationError":
                    message = "Cannot validate argument on parameter '%s'. %s" % (param.name, message)
                raise BindingError(e.error_id, message, span, where)
            raise BindingError("CannotConvertArgumentNoMessage",
                               "Cannot bind parameter '%s'. %s" % (param.name, message), span, where)

    @staticmethod
    def check_value(param: Parameter, value: Any, span: Optional[Span]) -> None:
        """Mandatory parameters refuse null and empty strings (no AllowNull)."""
        if not param.mandatory or param.is_switch:
            return
        if value is None:
            raise BindingError("ParameterArgumentValidationErrorNullNotAllowed",
                               "Cannot bind argument to parameter '%s' because it is null." % param.name,
                               span, "arg", category="InvalidData")
        if isinstance(value, str) and value == "":
            raise BindingError("ParameterArgumentValidationErrorEmptyStringNotAllowed",
                               "Cannot bind argument to parameter '%s' because it is an empty string."
                               % param.name, span, "arg", category="InvalidData")

    # ------------------------------------------------------------ command line
    def bind_command_line(self, elements: Sequence[ArgElement], expects_input: bool) -> CommandBinding:
        values: Dict[str, Any] = {}
        spans: Dict[str, Span] = {}
        positional: List[ArgElement] = []
        i = 0
        elems = list(elements)
        while i < len(elems):
            el = elems[i]
            if el.kind == "param" and not el.literal:
                param = self.resolve(el.name, el.span)
                if param.name in values:
                    raise BindingError(
                        "ParameterAlreadyBound",
                        "Cannot bind parameter because parameter '%s' is specified more than once. "
                        "To provide multiple values to parameters that can accept multiple values, "
                        "use the array syntax. For example, \"-parameter value1,value2,value3\"."
                        % param.name, el.span, "param")
                if param.is_switch:
                    value = True if el.value is NO_VALUE else self.convert(param, el.value, el.span, "param")
                elif el.value is not NO_VALUE:
                    value = self.convert(param, el.value, el.span, "param")
                    self.check_value(param, value, el.span)
                else:
                    nxt = elems[i + 1] if i + 1 < len(elems) else None
                    if nxt is None or (nxt.kind == "param" and not nxt.literal and self._matches_any(nxt.name)):
                        raise BindingError(
                            "MissingArgument",
                            "Missing an argument for parameter '%s'. Specify a parameter of type '%s' "
                            "and try again." % (param.name, param.type.dotnet_name), el.span, "param")
                    raw = nxt.value if nxt.kind == "arg" else nxt.text
                    value = self.convert(param, raw, el.span, "param")
                    self.check_value(param, value, nxt.span)
                    i += 1
                values[param.name] = value
                spans[param.name] = el.span
            else:
                positional.append(el)
            i += 1

        sets = self._candidate_sets(values.keys())
        if not sets:
            raise BindingError("AmbiguousParameterSet",
                               "Parameter set cannot be resolved using the specified named parameters.")

        # Positional arguments, in position order; what is left goes to a
        # ValueFromRemainingArguments parameter, if the command has one.
        leftovers: List[ArgElement] = []
        for el in positional:
            value = el.value if el.kind == "arg" else el.text
            target = self._next_positional(values, sets)
            if target is None:
                leftovers.append(el)
                continue
            converted = self.convert(target, value, el.span, "arg")
            self.check_value(target, converted, el.span)
            values[target.name] = converted
            sets = self._candidate_sets(values.keys())
        if leftovers:
            rest = next((p for p in self.parameters if p.remaining and any(p.in_set(s) for s in sets)), None)
            if rest is None:
                el = leftovers[0]
                raise BindingError("PositionalParameterNotFound",
                                   "A positional parameter cannot be found that accepts argument '%s'."
                                   % to_string(el.value if el.kind == "arg" else el.text), el.span, "command")
            collected = [values[rest.name]] if rest.name in values else []
            for el in leftovers:
                collected.append(self.convert(rest, el.value if el.kind == "arg" else el.text, el.span, "arg"))
            values[rest.name] = collected
            sets = self._candidate_sets(values.keys())

        binding = CommandBinding(values=values, sets=sets)
        binding.chosen_set = self.choose_set(sets, values, expects_input, strict=not expects_input)
        binding.switches = tuple(p.name for p in self.parameters if p.is_switch)
        return binding

    def apply_defaults(self, binding: CommandBinding, defaults: Sequence[Tuple[str, Any]],
                       expects_input: bool) -> None:
        """``$PSDefaultParameterValues``: each (parameter name or alias, value) the command
        line left unbound is bound, when the parameter exists and the parameter set can
        still be resolved with it; a value that does not convert is passed over."""
        for name, value in defaults:
            param = self.find(name)
            if param is None or param.name in binding.values or param.common:
                continue
            sets = self._candidate_sets(list(binding.values) + [param.name])
            if not sets:
                continue
            try:
                converted = True if param.is_switch and value is NO_VALUE else param.type.convert(value)
            except ConversionError:
                continue
            binding.values[param.name] = converted
            binding.sets = sets
            if binding.chosen_set not in sets:
                binding.chosen_set = self.choose_set(sets, binding.values, expects_input, strict=False)

    def _candidate_sets(self, bound: Any) -> List[str]:
        sets = list(self.all_sets)
        for name in bound:
            p = self.find(name)
            if p is None or ALL_SETS in p.sets:
                continue
            sets = [s for s in sets if s in p.sets]
        return sets

    def _next_positional(self, values: Dict[str, Any], sets: List[str]) -> Optional[Parameter]:
        candidates = [p for p in self.parameters
                      if p.position is not None and p.name not in values
                      and any(p.in_set(s) for s in sets)]
        if not candidates:
            return None
        lowest = min(p.position for p in candidates)
        at = [p for p in candidates if p.position == lowest]
        for p in at:
            if p.in_set(self.default_set) and self.default_set != ALL_SETS:
                return p
        return at[0]

    def _mandatory_missing(self, set_name: str, values: Dict[str, Any], pipeline_ok: bool) -> List[Parameter]:
        missing = []
        for p in self.parameters:
            if p.mandatory and p.in_set(set_name) and p.name not in values:
                if pipeline_ok and (p.from_pipeline or p.from_pipeline_by_name):
                    continue
                missing.append(p)
        return missing

    def choose_set(self, sets: List[str], values: Dict[str, Any], expects_input: bool,
                    strict: bool) -> Optional[str]:
        if len(sets) == 1:
            return sets[0]
        if self.default_set in sets:
            return self.default_set
        # Prefer the sets whose mandatory parameters are all satisfied.
        complete = [s for s in sets if not self._mandatory_missing(s, values, expects_input)]
        if len(complete) == 1:
            return complete[0]
        if expects_input:
            return None  # decided per pipeline object
        if not strict:
            return None
        raise BindingError("AmbiguousParameterSet",
                           "Parameter set cannot be resolved using the specified named parameters.")

    def missing_mandatory(self, binding: CommandBinding, expects_input: bool) -> List[Parameter]:
        set_name = binding.chosen_set or (binding.sets[0] if binding.sets else ALL_SETS)
        return self._mandatory_missing(set_name, binding.values, expects_input)

    @staticmethod
    def missing_mandatory_error(missing: Sequence[Parameter]) -> BindingError:
        return BindingError(
            "MissingMandatoryParameter",
            "Cannot process command because of one or more missing mandatory parameters: %s."
            % " ".join(p.name for p in missing), None, "command")

    def finish(self, binding: CommandBinding) -> BoundParameters:
        set_name = binding.chosen_set or (binding.sets[0] if binding.sets else ALL_SETS)
        return BoundParameters(binding.values, binding.switches, set_name)

    # ----------------------------------------------------------------- pipeline
    def bind_pipeline_object(self, binding: CommandBinding, obj: Any) -> BoundParameters:
        """Bind one pipeline object on top of the command-line values.

        Raises BindingError ``InputObjectNotBound`` (nothing took the object) or
        ``InputObjectMissingMandatory`` (mandatory parameters still unbound); the caller
        writes those as non-terminating errors and goes on with the next object.
        """
        values = dict(binding.values)
        sets = list(binding.sets)
        pipeline_params = [p for p in self.parameters
                           if (p.from_pipeline or p.from_pipeline_by_name) and p.name not in values
                           and any(p.in_set(s) for s in sets)]
        bound_any = False
        for stage in ("value-exact", "name-exact", "value-convert", "name-convert"):
            bound_here = False
            for p in pipeline_params:
                if p.name in values or not any(p.in_set(s) for s in sets):
                    continue
                if stage.startswith("value"):
                    if not p.from_pipeline:
                        continue
                    candidate = obj
                else:
                    if not p.from_pipeline_by_name:
                        continue
                    candidate = NOT_FOUND
                    for name in (p.name,) + tuple(p.aliases):
                        candidate = get_property(obj, name)
                        if candidate is not NOT_FOUND:
                            break
                    if candidate is NOT_FOUND:
                        continue
                if stage.endswith("exact"):
                    if not p.type.is_exact(candidate):
                        continue
                    value = candidate
                    if getattr(p.type, "is_collection", False) and not isinstance(candidate, list):
                        value = p.type.convert(candidate)   # one value: a one-item array
                else:
                    try:
                        value = p.type.convert(candidate)
                    except ConversionError:
                        continue
                if p.mandatory and (value is None or value == ""):
                    continue
                values[p.name] = value
                sets = [s for s in sets if p.in_set(s)] or sets
                bound_here = True
            if bound_here:
                bound_any = True
                break
        if not bound_any and pipeline_params:
            raise BindingError(
                "InputObjectNotBound",
                "The input object cannot be bound to any parameters for the command either because "
                "the command does not take pipeline input or the input and its properties do not "
                "match any of the parameters that take pipeline input.", None, "command", target=obj)
        if not pipeline_params:
            raise BindingError(
                "InputObjectNotBound",
                "The input object cannot be bound to any parameters for the command either because "
                "the command does not take pipeline input or the input and its properties do not "
                "match any of the parameters that take pipeline input.", None, "command", target=obj)
        chosen = binding.chosen_set
        if chosen is None or chosen not in sets:
            if len(sets) == 1:
                chosen = sets[0]
            elif self.default_set in sets:
                chosen = self.default_set
            else:
                complete = [s for s in sets if not self._mandatory_missing(s, values, False)]
                chosen = complete[0] if complete else sets[0]
        missing = self._mandatory_missing(chosen, values, False)
        if missing:
            raise BindingError(
                "InputObjectMissingMandatory",
                "The input object cannot be bound because it did not contain the information "
                "required to bind all mandatory parameters: %s" % " ".join(p.name for p in missing),
                None, "command", target=obj)
        return BoundParameters(values, binding.switches, chosen)
