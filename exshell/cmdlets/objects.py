"""The object pipeline cmdlets: Where-Object, ForEach-Object, Select-Object,
Sort-Object, Group-Object, Measure-Object, Get-Member and Tee-Object.

Each is a :class:`~exshell.engine.cmdlet.Cmdlet` declaring its parameters as data,
with PowerShell's names, positions and aliases (reference powershell-subset §5.6).
Script blocks run through ``self.context.invoke`` in the caller's scope, as the
real cmdlets do.  The output types (GroupInfo, GenericMeasureInfo, MemberDefinition...)
are plain classes with ``PS_TYPE_NAMES``/``PS_PROPERTIES``; their default views are
registered here with ``exshell.format.views``.

Imports the engine and ``exshell.format`` only (never the Exchange model).
"""
from __future__ import annotations

import datetime as _dt
import decimal
import enum
import functools
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from ..engine.cmdlet import Cmdlet
from ..engine.completion import PATH, complete_property_names, completing
from ..engine.conversion import (OBJECT, SWITCH, ConversionError, IntType, ListOf, ObjectType,
                                 ParamType, ScriptBlockType, StringType, to_bool, to_number,
                                 to_string)
from ..engine.errors import EngineError
from ..engine.operators import OperatorError, binary, compare_values, like
from ..engine import nettypes as _nettypes
from ..engine.parameters import Parameter
from ..engine.properties import (NOT_FOUND, ComputedProperty, PSHashtable, PSObject, get_property,
                                 instance_members,
                                 is_enumerable, property_names, type_names)
from ..format.views import TableColumn, TableView, register_table_view
from ..profiles import dialect as as_dialect
from ..profiles import v5_cmdlets
from .common import (SCRIPT_BLOCK_TYPE, STRINGS, CollectingCmdlet, command_line_parameters,
                     is_script_block)

__all__ = ["GetUnique", "WhereObject", "ForEachObject", "SelectObject", "SortObject", "GroupObject",
           "MeasureObject", "GetMember", "TeeObject", "GroupInfo", "GenericMeasureInfo",
           "TextMeasureInfo", "MemberDefinition", "STRINGS", "is_script_block", "calculated_property"]

_CMD = "Microsoft.PowerShell.Commands."

#: -Property lists (names, script blocks, calculated properties) and names: Tab offers
#: the properties of what the pipeline brings.
PROPERTIES = completing(ListOf(ObjectType(), "System.Object[]"), complete_property_names)
PROPERTY_STRINGS = completing(STRINGS, complete_property_names)
PROPERTY_NAME = completing(StringType(), complete_property_names)


def _block_value(cmdlet: Cmdlet, block: Any, obj: Any) -> Any:
    return cmdlet.context.invoke_value(block, obj)


# =========================================================================== Get-Unique

class GetUnique(Cmdlet):
    """Drop objects equal to the one before them (input is expected sorted)."""

    name = "Get-Unique"
    aliases = ("gu",)
    dotnet_class = _CMD + "GetUniqueCommand"
    synopsis = "Returns unique items from a sorted list."
    default_set = "AsString"
    parameters = (
        Parameter("InputObject", OBJECT, from_pipeline=True),
        Parameter("AsString", SWITCH, sets=("AsString",)),
        Parameter("OnType", SWITCH, sets=("UniqueByType",)),
    )

    def begin(self) -> None:
        self.previous: Any = NOT_FOUND

    def process(self, p: Any) -> None:
        if not p.bound("InputObject"):
            return
        obj = p.InputObject
        if p.OnType:
            key: Any = type_names(obj)[0] if obj is not None else None
        elif p.AsString or isinstance(obj, str):
            key = ("s", to_string(obj))   # strings compare case-sensitively
        else:
            key = ("o", obj)
        if self.previous is not NOT_FOUND and _same(self.previous, key):
            return
        self.previous = key
        self.write_object(obj)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, tuple) and isinstance(b, tuple) and a[0] == b[0] == "o":
        try:
            return compare_values(a[1], b[1], True) == 0
        except (OperatorError, ConversionError):
            return False
    return a == b


# =========================================================================== Where-Object

#: The simplified-syntax operator switches (3.0+): parameter name -> operator name
#: for engine.operators.binary.  -EQ is the default set's switch (not mandatory).
_WHERE_OPERATORS: Tuple[Tuple[str, str], ...] = tuple(
    [(n, n.lower()) for n in ("EQ", "NE", "GT", "GE", "LT", "LE", "Like", "NotLike", "Match",
                               "NotMatch", "Contains", "NotContains", "In", "NotIn")]
    + [("C" + n, "c" + n.lower()) for n in ("EQ", "NE", "GT", "GE", "LT", "LE", "Like",
                                            "NotLike", "Match", "NotMatch", "Contains",
                                            "NotContains", "In", "NotIn")]
    + [("Is", "is"), ("IsNot", "isnot"), ("Not", "not")])

#: Set names as PowerShell spells them (shown by Get-Command -Syntax order only).
_WHERE_SET = {name: name + "Set" for name, _ in _WHERE_OPERATORS}
_WHERE_SET.update({"EQ": "EqualSet", "NE": "NotEqualSet", "GT": "GreaterThanSet",
                   "GE": "GreaterOrEqualSet", "LT": "LessThanSet", "LE": "LessOrEqualSet",
                   "CEQ": "CaseSensitiveEqualSet"})
_WHERE_ALIASES = {n: ("I" + n,) for n, _ in _WHERE_OPERATORS[:14]}
_WHERE_ALIASES["Contains"] = ("IContains",)


class _PropertyName(str):
    """A string given at position 0 of Where-Object/ForEach-Object: the simplified
    syntax's property (or member) name rather than a script block."""


class _BlockOrName(ParamType):
    """Position 0 of Where-Object and ForEach-Object in 3.0+.

    The engine's binder picks one parameter per position and does not retry another
    parameter set when the argument's type does not fit (PowerShell does), so the
    script-block parameter also accepts a name and the cmdlet treats it as
    ``-Property``/``-MemberName``.  In 2.0 the plain ScriptBlock type is used."""

    def __init__(self, collection: bool = False):
        self.inner = ScriptBlockType()
        self.is_collection = collection
        self.dotnet_name = SCRIPT_BLOCK_TYPE + ("[]" if collection else "")

    def is_exact(self, value: Any) -> bool:
        if self.is_collection:
            return isinstance(value, list) and all(is_script_block(v) for v in value)
        return is_script_block(value)

    def _one(self, value: Any) -> Any:
        if value is None or is_script_block(value):
            return value
        if isinstance(value, str):
            return _PropertyName(value)
        return self.inner.convert(value)

    def convert(self, value: Any) -> Any:
        if not self.is_collection:
            if isinstance(value, (list, tuple)) and len(value) == 1:
                value = value[0]
            return self._one(value)
        items = list(value) if isinstance(value, (list, tuple)) else [value]
        return [self._one(v) for v in items]


class WhereObject(Cmdlet):
    """Keep the input objects for which a condition holds."""

    name = "Where-Object"
    passes_input_through = True
    aliases = ("where", "?")
    dotnet_class = _CMD + "WhereObjectCommand"
    synopsis = "Selects objects from a collection based on their property values."
    default_set = "ScriptBlockSet"

    _V2 = (
        Parameter("FilterScript", ScriptBlockType(), position=0, mandatory=True,
                  sets=("ScriptBlockSet",)),
        Parameter("InputObject", OBJECT, from_pipeline=True),
    )

    @classmethod
    def _v3(cls) -> Tuple[Parameter, ...]:
        op_sets = tuple(_WHERE_SET[n] for n, _ in _WHERE_OPERATORS)
        params = [
            Parameter("InputObject", OBJECT, from_pipeline=True),
            Parameter("FilterScript", _BlockOrName(), position=0, mandatory=True,
                      sets=("ScriptBlockSet",)),
            Parameter("Property", PROPERTY_NAME, position=0, mandatory=True, sets=op_sets),
            Parameter("Value", OBJECT, position=1, sets=op_sets),
        ]
        for name, _ in _WHERE_OPERATORS:
            params.append(Parameter(name, SWITCH, mandatory=name != "EQ",
                                    sets=(_WHERE_SET[name],),
                                    aliases=_WHERE_ALIASES.get(name, ())))
        return tuple(params)

    parameters = _V2  # what the help system lists for 2.0; see all_parameters

    @classmethod
    def all_parameters(cls, dialect: Any = None) -> Tuple[Parameter, ...]:
        from ..engine.parameters import common_parameters
        dialect = as_dialect(dialect)
        own = cls._v3() if dialect.simplified_syntax else cls._V2
        return own + common_parameters(False, dialect)

    def process(self, p: Any) -> None:
        if not p.bound("InputObject"):
            return  # PowerShell skips AutomationNull input
        obj = p.InputObject
        script = p.FilterScript
        if script is not None and not isinstance(script, _PropertyName):
            if to_bool(_block_value(self, script, obj)):
                self.write_object(obj)
            return
        prop = script if isinstance(script, _PropertyName) else p.Property
        op = None
        for name, op_name in _WHERE_OPERATORS:
            if p.get(name):
                op = op_name
        value = get_property(obj, str(prop))
        if value is NOT_FOUND:
            value = None
        if op is None:
            op = "eq" if p.bound("Value") else None
        if op is None:
            keep = to_bool(value)
        elif op == "not":
            keep = not to_bool(value)
        else:
            context = self.context
            try:
                result = binary(op, value, p.Value,
                                is_type=context.is_type, as_type=context.as_type)
            except OperatorError as e:
                self.throw_terminating(self.error_record(e.message, e.error_id, "InvalidOperation"))
                return
            keep = to_bool(result)
        if keep:
            self.write_object(obj)


# ========================================================================= ForEach-Object

#: Text of the 3.0+ error for a -MemberName that is neither property nor method.
MEMBER_NOT_FOUND = 'Input name "%s" cannot be resolved to a method.'


class ForEachObject(Cmdlet):
    """Run script blocks for each input object."""

    name = "ForEach-Object"
    aliases = ("foreach", "%")
    dotnet_class = _CMD + "ForEachObjectCommand"
    synopsis = "Performs an operation against each item in a collection of input objects."
    default_set = "ScriptBlockSet"

    @classmethod
    def all_parameters(cls, dialect: Any = None) -> Tuple[Parameter, ...]:
        from ..engine.parameters import common_parameters
        dialect = as_dialect(dialect)
        v2 = not dialect.simplified_syntax
        blocks = ListOf(ScriptBlockType()) if v2 else _BlockOrName(collection=True)
        params = [
            Parameter("InputObject", OBJECT, from_pipeline=True),
            Parameter("Begin", ScriptBlockType(), sets=("ScriptBlockSet",)),
            Parameter("Process", blocks, position=0, mandatory=True, sets=("ScriptBlockSet",)),
            Parameter("End", ScriptBlockType(), sets=("ScriptBlockSet",)),
        ]
        # Any further script blocks given by position (ValueFromRemainingArguments).
        params.append(Parameter("RemainingScripts", ListOf(ScriptBlockType()), position=1,
                                remaining=True, sets=("ScriptBlockSet",)))
        if not v2:
            params += [
                Parameter("MemberName", StringType(), position=0, mandatory=True,
                          sets=("PropertyAndMethodSet",)),
                Parameter("ArgumentList", ListOf(ObjectType(), "System.Object[]"),
                          aliases=("Args",), sets=("PropertyAndMethodSet",)),
            ]
        return tuple(params) + common_parameters(dialect.foreach_supports_should_process, dialect)

    parameters = ()  # declared per version in all_parameters

    def begin(self) -> None:
        self.started = False
        self.end_block: Any = None
        self.process_blocks: List[Any] = []
        self.member: Optional[str] = None
        p = command_line_parameters(self)
        if p is not None:
            self._setup(p)

    def _setup(self, p: Any) -> None:
        """Arrange the blocks: -Begin/-End plus the positional ones (PowerShell's rules:
        two positional blocks are Begin and Process; three or more are Begin,
        Process..., End)."""
        self.started = True
        process = p.Process
        if p.MemberName is not None:
            self.member = p.MemberName
            self.member_args = list(p.ArgumentList or [])
            return
        if isinstance(process, list) and process and isinstance(process[0], _PropertyName):
            self.member = str(process[0])
            self.member_args = []
            return
        positional = list(process or [])
        extra = p.get("RemainingScripts") or []
        for item in extra:
            positional.extend(item if isinstance(item, list) else [item])
        begin, end = p.Begin, p.End
        if len(positional) == 2 and (p.bound("RemainingScripts")) and begin is None:
            begin, positional = positional[0], positional[1:]
        elif len(positional) >= 3 and p.bound("RemainingScripts"):
            if begin is None:
                begin = positional[0]
            if end is None:
                end = positional[-1]
            positional = positional[1:-1]
        self.process_blocks = positional
        self.end_block = end
        if begin is not None:
            self.context.invoke(begin, self._out)

    def _out(self, obj: Any) -> None:
        self.write_object(obj)

    def process(self, p: Any) -> None:
        if not self.started:
            self._setup(p)
        obj = p.InputObject if p.bound("InputObject") else None
        if self.member is not None:
            if not p.bound("InputObject"):
                return
            self._member(obj)
            return
        for block in self.process_blocks:
            if block is None:
                continue
            self.context.invoke(block, self._out, dollar_under=obj)

    def _member(self, obj: Any) -> None:
        from ..engine.dotnet import MethodError, call_method
        name = self.member or ""
        if not self.member_args:
            value = get_property(obj, name)
            if value is not NOT_FOUND:
                self.write_object(value, enumerate_collection=True)
                return
        try:
            self.write_object(call_method(obj, name, self.member_args), enumerate_collection=True)
        except MethodError:
            self.write_error(self.error_record(MEMBER_NOT_FOUND % name, "MethodNotFound",
                                               "InvalidArgument", target=obj,
                                               exception_type="System.Management.Automation.PSArgumentException"))

    def end(self) -> None:
        if self.end_block is not None:
            self.context.invoke(self.end_block, self._out)


# ====================================================================== property specs

#: Keys a calculated property may use (any unambiguous prefix is accepted).
_SELECT_KEYS = ("Name", "Label", "Expression")
_SORT_KEYS = ("Expression", "Ascending", "Descending")
_GROUP_KEYS = ("Expression",)

#: Messages of malformed calculated properties (5.1 wording; 2.0 said "Illegal key X").
MISSING_EXPRESSION = 'Missing expression. You must specify an expression.'


class _SpecError(Exception):
    def __init__(self, message: str, error_id: str):
        super().__init__(message)
        self.message = message
        self.error_id = error_id


def _canonical_key(key: str, allowed: Sequence[str]) -> Optional[str]:
    folded = key.casefold()
    matches = [k for k in allowed if k.casefold().startswith(folded)]
    if "Name" in allowed and folded in ("n", "l"):
        return "Name"
    if "Label" in allowed and folded.startswith("l"):
        return "Name"
    if len(matches) == 1:
        return "Name" if matches[0] == "Label" else matches[0]
    return None


def calculated_property(table: PSHashtable, allowed: Sequence[str], dialect: Any) -> Dict[str, Any]:
    """Normalise ``@{n=..;e={..}}`` into {"Name", "Expression", ...}; raise _SpecError."""
    out: Dict[str, Any] = {}
    for key, value in table.items():
        canon = _canonical_key(to_string(key), allowed)
        if canon is None:
            template = as_dialect(dialect).message("IllegalKey")
            raise _SpecError(template.format(to_string(key)), "IllegalKey")
        out[canon] = value
    if "Expression" not in out:
        raise _SpecError(MISSING_EXPRESSION, "DictionaryKeyMissingExpression")
    return out


class _Getter:
    """One property of a -Property list: a name, a script block or a calculated one."""

    def __init__(self, label: str, fn: Callable[[Any], Any], wildcard: str = ""):
        self.label = label
        self.fn = fn
        self.wildcard = wildcard


def _has_wildcard(name: str) -> bool:
    return any(c in name for c in "*?[")


def _getters(cmdlet: Cmdlet, specs: Sequence[Any], allowed: Sequence[str]) -> List[_Getter]:
    out: List[_Getter] = []
    for spec in specs:
        if is_script_block(spec):
            block = spec
            out.append(_Getter(str(block).strip(), lambda o, b=block: _block_value(cmdlet, b, o)))
        elif isinstance(spec, PSHashtable):
            calc = calculated_property(spec, allowed, cmdlet.context.dialect)
            expr = calc["Expression"]
            if is_script_block(expr):
                fn = (lambda o, b=expr: _block_value(cmdlet, b, o))
                label = to_string(calc.get("Name")) if calc.get("Name") is not None else str(expr).strip()
            else:
                name = to_string(expr)
                fn = (lambda o, n=name: _prop(o, n))
                label = to_string(calc.get("Name")) if calc.get("Name") is not None else name
            g = _Getter(label, fn)
            g.calc = calc  # type: ignore[attr-defined]
            out.append(g)
        else:
            name = to_string(spec)
            if _has_wildcard(name):
                out.append(_Getter(name, lambda o: None, wildcard=name))
            else:
                out.append(_Getter(name, lambda o, n=name: get_property(o, n)))
    return out


def _prop(obj: Any, name: str) -> Any:
    v = get_property(obj, name)
    return None if v is NOT_FOUND else v


def _spec_error(cmdlet: Cmdlet, e: _SpecError) -> None:
    cmdlet.throw_terminating(cmdlet.error_record(e.message, e.error_id, "InvalidArgument",
                                                 exception_type="System.NotSupportedException"))


# ========================================================================= Select-Object

#: Select-Object messages (reference §5.6).
PROPERTY_NOT_FOUND = 'Property "%s" cannot be found.'
MULTIPLE_EXPAND = "Multiple properties cannot be expanded."
ALREADY_EXISTS = 'The property cannot be processed because the property "%s" already exists.'


def _selected_type_names(obj: Any) -> List[str]:
    names = type_names(obj)
    first = names[0] if names else "System.Object"
    if first.startswith("Selected."):
        first = first[len("Selected."):]
    return ["Selected." + first, "System.Management.Automation.PSCustomObject", "System.Object"]


class SelectObject(Cmdlet):
    """Pick properties of objects, or some of the objects."""

    name = "Select-Object"
    aliases = ("select",)
    dotnet_class = _CMD + "SelectObjectCommand"
    synopsis = "Selects objects or object properties."
    parameters = (
        Parameter("InputObject", OBJECT, from_pipeline=True),
        Parameter("Property", PROPERTIES, position=0),
        Parameter("ExcludeProperty", STRINGS),
        Parameter("ExpandProperty", StringType()),
        Parameter("Unique", SWITCH),
        Parameter("Last", IntType(), sets=("DefaultParameter",)),
        Parameter("First", IntType(), sets=("DefaultParameter",)),
        Parameter("Skip", IntType(), sets=("DefaultParameter",)),
        Parameter("SkipLast", IntType(), sets=("SkipLastParameter",), available=v5_cmdlets),
        Parameter("Index", ListOf(IntType()), sets=("IndexParameter",)),
    )
    default_set = "DefaultParameter"

    def begin(self) -> None:
        self.count = 0
        self.kept = 0
        self.buffer: List[Any] = []
        self.getters: Optional[List[_Getter]] = None
        self.params: Any = None

    def process(self, p: Any) -> None:
        if self.params is None:
            self.params = p
            if p.Property is not None:
                try:
                    self.getters = _getters(self, p.Property, _SELECT_KEYS)
                except _SpecError as e:
                    _spec_error(self, e)
        if not p.bound("InputObject") or p.InputObject is None:
            return  # a $null input object is passed over, as PowerShell's cmdlet does
        obj = p.InputObject
        index = self.count
        self.count += 1
        if p.Index is not None:
            if index in [i for i in p.Index if i >= 0]:
                self._emit(obj)
            elif any(i < 0 for i in p.Index):
                self.buffer.append(obj)
            return
        if p.SkipLast is not None:
            # 5.0: hold the last N back; an object leaves once N newer ones arrived
            # (with -Unique all wait for the end, where the last N are dropped).
            self.buffer.append(obj)
            if len(self.buffer) > max(p.SkipLast, 0) and not p.Unique:
                self._emit(self.buffer.pop(0))
            return
        # With -Last, -Skip counts from the end (PowerShell's documented rule).
        if p.Skip and index < p.Skip and p.Last is None:
            return
        if p.Last is not None or p.Unique:
            self.buffer.append(obj)
            if p.First is not None and self.kept < p.First and not p.Unique:
                self.kept += 1
                self._emit(obj)
                self.buffer.pop()
            return
        if p.First is not None:
            if self.kept >= p.First:
                return
            self.kept += 1
        self._emit(obj)
        if p.First is not None and self.kept >= p.First and p.Last is None and not p.Unique \
                and self.context.dialect.select_first_stops_upstream:
            self.stop_upstream()  # 3.0+: the commands before stop once -First is satisfied

    def end(self) -> None:
        p = self.params
        if p is None:
            return
        if p.Index is not None:
            negative = [i for i in p.Index if i < 0]
            for i in negative:
                if -len(self.buffer) <= i:
                    self._emit(self.buffer[i])
            return
        items = self.buffer
        if p.SkipLast is not None:
            items = items[:max(len(items) - max(p.SkipLast, 0), 0)] if p.Unique else []
        if p.Unique:
            shaped = []
            seen: List[str] = []
            for obj in items:
                for out in self._shape(obj):
                    key = self._unique_key(out)
                    if key not in seen:
                        seen.append(key)
                        shaped.append(out)
            if p.First is not None:
                shaped = shaped[:p.First]
            if p.Last is not None:
                shaped = shaped[len(shaped) - p.Last:] if p.Last else []
            for out in shaped:
                self.write_object(out)
            return
        if p.Last is not None:
            if p.Skip:
                items = items[:max(len(items) - p.Skip, 0)]
            tail = items[len(items) - p.Last:] if p.Last > 0 else []
            for obj in tail:
                self._emit(obj)

    @staticmethod
    def _unique_key(obj: Any) -> str:
        if isinstance(obj, PSObject):
            return "\x00".join("%s=%s" % (n, to_string(v)) for n, v in obj.items())
        return repr(type(obj)) + to_string(obj)

    def _emit(self, obj: Any) -> None:
        for out in self._shape(obj):
            self.write_object(out)

    def _shape(self, obj: Any) -> List[Any]:
        p = self.params
        shaped = obj
        if self.getters is not None:
            shaped = self._select(obj)
            if shaped is None:
                return []
        if p.ExpandProperty is not None:
            value = get_property(obj, p.ExpandProperty)
            if value is NOT_FOUND:
                self.write_error(self.error_record(
                    PROPERTY_NOT_FOUND % p.ExpandProperty, "ExpandPropertyNotFound",
                    "InvalidArgument", target=obj,
                    exception_type="System.Management.Automation.PSArgumentException"))
                return []
            if is_enumerable(value):
                return list(value)
            return [value]
        return [shaped]

    def _select(self, obj: Any) -> Optional[PSObject]:
        p = self.params
        excluded = [e for e in (p.ExcludeProperty or [])]
        result = PSObject(type_names=_selected_type_names(obj))
        names_seen: List[str] = []

        def add(label: str, value: Any) -> bool:
            if any(label.casefold() == n.casefold() for n in names_seen):
                self.write_error(self.error_record(
                    ALREADY_EXISTS % label, "AlreadyExistingUserSpecifiedPropertyNoExpand",
                    "InvalidOperation", target=obj,
                    exception_type="System.Management.Automation.PSArgumentException"))
                return False
            names_seen.append(label)
            result.set(label, value)
            return True

        for g in self.getters or []:
            if g.wildcard:
                for name in property_names(obj):
                    if like(name, g.wildcard) and not any(like(name, x) for x in excluded) \
                            and not any(name.casefold() == n.casefold() for n in names_seen):
                        add(name, _prop(obj, name))
                continue
            if any(like(g.label, x) for x in excluded) and not hasattr(g, "calc"):
                continue
            try:
                value = g.fn(obj)
            except EngineError:
                raise
            if value is NOT_FOUND:
                value = None
            if not add(g.label, value):
                return None
        return result


# =========================================================================== Sort-Object

class _MissingKey:
    """Sorts after every value (objects without the property go last)."""


_MISSING = _MissingKey()


def _sort_value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if value is NOT_FOUND:
        return _MISSING
    return value


def _compare(a: Any, b: Any, case_sensitive: bool) -> int:
    if a is _MISSING or b is _MISSING:
        return (a is _MISSING) - (b is _MISSING)
    if isinstance(a, (list, tuple)):
        a = to_string(a)
    if isinstance(b, (list, tuple)):
        b = to_string(b)
    if isinstance(a, (PSObject,)) or isinstance(b, PSObject) or \
            getattr(a, "PS_PROPERTIES", None) is not None:
        a, b = to_string(a), to_string(b)
    if case_sensitive and isinstance(a, str) and isinstance(b, str):
        # Culture-aware like .NET's: letters first, then lower case before upper case
        # ("a" < "b" < "C"; "a" < "A").
        ka = (a.casefold(), [c.isupper() for c in a])
        kb = (b.casefold(), [c.isupper() for c in b])
        return (ka > kb) - (ka < kb)
    try:
        return compare_values(a, b, case_sensitive)
    except (ConversionError, OperatorError, TypeError):
        sa, sb = to_string(a), to_string(b)
        if not case_sensitive:
            sa, sb = sa.casefold(), sb.casefold()
        return (sa > sb) - (sa < sb)


class SortObject(CollectingCmdlet):
    """Sort objects by property values (stable, case-insensitive by default)."""

    name = "Sort-Object"
    passes_input_through = True
    aliases = ("sort",)
    dotnet_class = _CMD + "SortObjectCommand"
    synopsis = "Sorts objects by property values."
    parameters = (
        Parameter("Descending", SWITCH),
        Parameter("Unique", SWITCH),
        Parameter("InputObject", OBJECT, from_pipeline=True),
        Parameter("Property", PROPERTIES, position=0),
        Parameter("Culture", StringType()),
        Parameter("CaseSensitive", SWITCH),
    )

    def _keys(self, p: Any) -> List[Tuple[Callable[[Any], Any], bool]]:
        desc = bool(p.Descending)
        if p.Property is None:
            return [(lambda o: o, desc)]
        keys: List[Tuple[Callable[[Any], Any], bool]] = []
        for spec in p.Property:
            if isinstance(spec, PSHashtable):
                try:
                    calc = calculated_property(spec, _SORT_KEYS, self.context.dialect)
                except _SpecError as e:
                    _spec_error(self, e)
                    return keys
                expr = calc["Expression"]
                if is_script_block(expr):
                    fn = (lambda o, b=expr: _block_value(self, b, o))
                else:
                    fn = (lambda o, n=to_string(expr): get_property(o, n))
                d = desc
                if "Descending" in calc:
                    d = to_bool(calc["Descending"])
                elif "Ascending" in calc:
                    d = not to_bool(calc["Ascending"])
                keys.append((fn, d))
            elif is_script_block(spec):
                keys.append(((lambda o, b=spec: _block_value(self, b, o)), desc))
            else:
                name = to_string(spec)
                if _has_wildcard(name):
                    keys.append(((lambda o, n=name: next(
                        (get_property(o, x) for x in property_names(o) if like(x, n)), NOT_FOUND)), desc))
                else:
                    keys.append(((lambda o, n=name: get_property(o, n)), desc))
        return keys

    def end(self) -> None:
        p = self.params
        if p is None or not self.items:
            return
        keys = self._keys(p)
        cs = bool(p.CaseSensitive)
        rows = [([_sort_value(fn(obj)) for fn, _ in keys], obj) for obj in self.items]

        def cmp(a: Any, b: Any) -> int:
            for (va, vb, (_, d)) in zip(a[0], b[0], keys):
                c = _compare(va, vb, cs)
                if c:
                    if va is _MISSING or vb is _MISSING:
                        return c  # missing values last in both directions
                    return -c if d else c
            return 0

        rows.sort(key=functools.cmp_to_key(cmp))
        last: Any = None
        for row in rows:
            if p.Unique and last is not None and cmp(row, last) == 0:
                continue
            last = row
            self.write_object(row[1])


# ========================================================================== Group-Object

class GroupInfo:
    """Microsoft.PowerShell.Commands.GroupInfo."""

    PS_TYPE_NAMES = (_CMD + "GroupInfo", "System.Object")
    PS_PROPERTIES = ("Values", "Count", "Group", "Name")

    def __init__(self, name: str, values: List[Any]):
        self.Name = name
        self.Values = values
        self.Group: List[Any] = []

    @property
    def Count(self) -> int:
        return len(self.Group)

    def __str__(self) -> str:
        return _CMD + "GroupInfo"


# PowerShell's format file: Count right-aligned in 5 columns, Name 25, Group the rest.
register_table_view(_CMD + "GroupInfo", TableView([
    TableColumn("Count", "Count", 5, "right"),
    TableColumn("Name", "Name", 25),
    TableColumn("Group", "Group", None),
]))


class GroupObject(Cmdlet):
    """Group objects that share property values."""

    name = "Group-Object"
    aliases = ("group",)
    dotnet_class = _CMD + "GroupObjectCommand"
    synopsis = "Groups objects that contain the same value for specified properties."
    parameters = (
        Parameter("NoElement", SWITCH),
        Parameter("AsHashTable", SWITCH, aliases=("AHT",)),
        Parameter("AsString", SWITCH),
        Parameter("InputObject", OBJECT, from_pipeline=True),
        Parameter("Property", PROPERTIES, position=0),
        Parameter("Culture", StringType()),
        Parameter("CaseSensitive", SWITCH),
    )

    def begin(self) -> None:
        self.groups: List[GroupInfo] = []
        self.index: Dict[str, GroupInfo] = {}
        self.params: Any = None
        self.fns: List[Callable[[Any], Any]] = []

    def process(self, p: Any) -> None:
        if self.params is None:
            self.params = p
            for spec in p.Property or []:
                if isinstance(spec, PSHashtable):
                    try:
                        calc = calculated_property(spec, _GROUP_KEYS, self.context.dialect)
                    except _SpecError as e:
                        _spec_error(self, e)
                        return
                    spec = calc["Expression"]
                if is_script_block(spec):
                    self.fns.append(lambda o, b=spec: _block_value(self, b, o))
                else:
                    self.fns.append(lambda o, n=to_string(spec): _prop(o, n))
        if not p.bound("InputObject"):
            return
        obj = p.InputObject
        values = [fn(obj) for fn in self.fns] if self.fns else [obj]
        name = ", ".join(to_string(v) for v in values)
        key = name if p.CaseSensitive else name.casefold()
        group = self.index.get(key)
        if group is None:
            group = GroupInfo(name, values)
            self.index[key] = group
            self.groups.append(group)
        group.Group.append(obj)

    def end(self) -> None:
        p = self.params
        if p is None:
            return
        if p.AsHashTable:
            table = PSHashtable()
            for g in self.groups:
                key = g.Name if (p.AsString or len(g.Values) != 1) else g.Values[0]
                table[key] = list(g.Group)
            self.write_object(table)
            return
        for g in self.groups:
            self.write_object(GroupInfoNoElement(g) if p.NoElement else g)


class GroupInfoNoElement(GroupInfo):
    """-NoElement's output: the count without the members (own view: Count, Name)."""

    PS_TYPE_NAMES = (_CMD + "GroupInfoNoElement", _CMD + "GroupInfo", "System.Object")
    PS_PROPERTIES = ("Values", "Count", "Group", "Name")

    def __init__(self, group: GroupInfo):
        super().__init__(group.Name, group.Values)
        self._count = len(group.Group)

    @property
    def Count(self) -> int:  # type: ignore[override]
        return self._count


register_table_view(_CMD + "GroupInfoNoElement", TableView([
    TableColumn("Count", "Count", 5, "right"),
    TableColumn("Name", "Name", None),
]))


# ======================================================================== Measure-Object

class GenericMeasureInfo:
    PS_TYPE_NAMES = (_CMD + "GenericMeasureInfo", _CMD + "MeasureInfo", "System.Object")
    PS_PROPERTIES = ("Count", "Average", "Sum", "Maximum", "Minimum", "Property")

    def __init__(self) -> None:
        self.Count = 0
        self.Average: Any = None
        self.Sum: Any = None
        self.Maximum: Any = None
        self.Minimum: Any = None
        self.Property: Any = None


class TextMeasureInfo:
    PS_TYPE_NAMES = (_CMD + "TextMeasureInfo", _CMD + "MeasureInfo", "System.Object")
    PS_PROPERTIES = ("Lines", "Words", "Characters", "Property")

    def __init__(self) -> None:
        self.Lines: Any = None
        self.Words: Any = None
        self.Characters: Any = None
        self.Property: Any = None


# Text measurement's view: three narrow right-aligned number columns, then Property.
register_table_view(_CMD + "TextMeasureInfo", TableView([
    TableColumn("Lines", "Lines", 5, "right"),
    TableColumn("Words", "Words", 5, "right"),
    TableColumn("Characters", "Characters", 10, "right"),
    TableColumn("Property", "Property", None),
]))

#: Measure-Object messages.
MEASURE_NOT_FOUND = 'The property "%s" cannot be found in the input for any objects.'
NOT_NUMERIC = 'Input object "%s" is not numeric.'


def _numeric(value: Any) -> Optional[float]:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float, decimal.Decimal)):
        return float(value)
    if isinstance(value, enum.Enum) and isinstance(value.value, int):
        return float(value.value)
    if isinstance(value, str):
        try:
            n = to_number(value)
        except ConversionError:
            return None
        return float(n)
    if isinstance(value, _dt.timedelta):
        return None
    return None


class MeasureObject(Cmdlet):
    """Count objects, and sum/average/min/max a numeric property, or count text."""

    name = "Measure-Object"
    aliases = ("measure",)
    dotnet_class = _CMD + "MeasureObjectCommand"
    synopsis = "Calculates the numeric properties of objects, and the characters, words, and lines in string objects."
    default_set = "GenericMeasure"
    parameters = (
        Parameter("InputObject", OBJECT, from_pipeline=True),
        Parameter("Property", PROPERTY_STRINGS, position=0),
        Parameter("Sum", SWITCH, sets=("GenericMeasure",)),
        Parameter("Average", SWITCH, sets=("GenericMeasure",)),
        Parameter("Maximum", SWITCH, sets=("GenericMeasure",)),
        Parameter("Minimum", SWITCH, sets=("GenericMeasure",)),
        Parameter("Line", SWITCH, sets=("TextMeasure",)),
        Parameter("Word", SWITCH, sets=("TextMeasure",)),
        Parameter("Character", SWITCH, sets=("TextMeasure",)),
        Parameter("IgnoreWhiteSpace", SWITCH, sets=("TextMeasure",)),
    )

    def begin(self) -> None:
        self.params: Any = None
        self.stats: Dict[str, Dict[str, Any]] = {}
        p = command_line_parameters(self)
        if p is not None:
            self._setup(p)

    def _setup(self, p: Any) -> None:
        self.params = p
        for name in (p.Property or [None]):
            self.stats[name or ""] = {"count": 0, "sum": 0.0, "max": None, "min": None,
                                      "lines": 0, "words": 0, "chars": 0, "name": name}

    def _text_mode(self, p: Any) -> bool:
        return bool(p.Line or p.Word or p.Character)

    def process(self, p: Any) -> None:
        if self.params is None:
            self._setup(p)
        if not p.bound("InputObject"):
            return
        obj = p.InputObject
        for key, st in self.stats.items():
            name = st["name"]
            value = obj if name is None else get_property(obj, name)
            if value is NOT_FOUND:
                continue
            if self._text_mode(p):
                text = to_string(value)
                st["lines"] += len([l for l in text.splitlines() if l.strip() != ""]) if text else 0
                st["words"] += len(text.split())
                st["chars"] += len(text.replace(" ", "").replace("\t", "")) if p.IgnoreWhiteSpace else len(text)
                st["count"] += 1
                continue
            st["count"] += 1
            if not (p.Sum or p.Average or p.Maximum or p.Minimum):
                continue
            n = _numeric(value)
            if n is None:
                self.write_error(self.error_record(
                    NOT_NUMERIC % to_string(value), "NonNumericInputObject", "InvalidType",
                    target=value, exception_type="System.Management.Automation.PSInvalidOperationException"))
                st["count"] -= 1
                continue
            st["sum"] += n
            st["max"] = n if st["max"] is None else max(st["max"], n)
            st["min"] = n if st["min"] is None else min(st["min"], n)

    def end(self) -> None:
        p = self.params
        if p is None:
            return
        for key, st in self.stats.items():
            name = st["name"]
            if name is not None and st["count"] == 0 and self.stats:
                self.write_error(self.error_record(
                    MEASURE_NOT_FOUND % name, "GenericMeasurePropertyNotFound", "InvalidArgument",
                    target=name, exception_type="System.Management.Automation.PSArgumentException"))
                continue
            if self._text_mode(p):
                info = TextMeasureInfo()
                if p.Line:
                    info.Lines = st["lines"]
                if p.Word:
                    info.Words = st["words"]
                if p.Character:
                    info.Characters = st["chars"]
                info.Property = name
                self.write_object(info)
                continue
            info = GenericMeasureInfo()
            info.Count = st["count"]
            info.Property = name
            if p.Sum:
                info.Sum = st["sum"]
            if p.Average and st["count"]:
                info.Average = st["sum"] / st["count"]
            if p.Maximum:
                info.Maximum = st["max"]
            if p.Minimum:
                info.Minimum = st["min"]
            self.write_object(info)


# ============================================================================ Get-Member

class MemberDefinition:
    PS_TYPE_NAMES = (_CMD + "MemberDefinition", "System.Object")
    PS_PROPERTIES = ("TypeName", "Name", "MemberType", "Definition")

    def __init__(self, type_name: str, name: str, member_type: str, definition: str):
        self.TypeName = type_name
        self.Name = name
        self.MemberType = member_type
        self.Definition = definition

    def __str__(self) -> str:
        return self.Definition


_MEMBER_VIEW = TableView([
    TableColumn("Name", "Name", None),
    TableColumn("MemberType", "MemberType", None),
    TableColumn("Definition", "Definition", None),
], group_by="TypeName", group_header="   {label}: {value}", auto_size=True)
register_table_view(_CMD + "MemberDefinition", _MEMBER_VIEW)

#: Short type names 5.1 prints in definitions (2.0 printed the full .NET names).
_SHORT_TYPES = {"System.String": "string", "System.Int32": "int", "System.Int64": "long",
                "System.Boolean": "bool", "System.Double": "double", "System.Object": "System.Object",
                "System.Decimal": "decimal", "System.DateTime": "datetime",
                "System.Object[]": "System.Object[]", "System.Byte[]": "byte[]",
                "System.Type": "type", "System.Char": "char", "System.Void": "void"}

#: Methods every object shows (Get-Member on any .NET object).
_OBJECT_METHODS = (("Equals", "System.Boolean", "System.Object obj"),
                   ("GetHashCode", "System.Int32", ""),
                   ("GetType", "System.Type", ""),
                   ("ToString", "System.String", ""))

#: Extra methods of common types (a plausible subset; the names are the real ones).
_TYPE_METHODS: Dict[str, Tuple[Tuple[str, str, str], ...]] = {
    "System.Diagnostics.Stopwatch": (("Reset", "System.Void", ""), ("Restart", "System.Void", ""),
                                     ("Start", "System.Void", ""), ("Stop", "System.Void", "")),
    "System.String": (
        ("Clone", "System.Object", ""), ("CompareTo", "System.Int32", "System.Object value"),
        ("Contains", "System.Boolean", "System.String value"),
        ("EndsWith", "System.Boolean", "System.String value"),
        ("IndexOf", "System.Int32", "System.String value"),
        ("Insert", "System.String", "System.Int32 startIndex, System.String value"),
        ("LastIndexOf", "System.Int32", "System.String value"),
        ("PadLeft", "System.String", "System.Int32 totalWidth"),
        ("PadRight", "System.String", "System.Int32 totalWidth"),
        ("Remove", "System.String", "System.Int32 startIndex, System.Int32 count"),
        ("Replace", "System.String", "System.String oldValue, System.String newValue"),
        ("Split", "System.String[]", "Params System.Char[] separator"),
        ("StartsWith", "System.Boolean", "System.String value"),
        ("Substring", "System.String", "System.Int32 startIndex"),
        ("ToLower", "System.String", ""), ("ToUpper", "System.String", ""),
        ("Trim", "System.String", "Params System.Char[] trimChars"),
        ("TrimEnd", "System.String", "Params System.Char[] trimChars"),
        ("TrimStart", "System.String", "Params System.Char[] trimChars")),
    "System.DateTime": (
        ("Add", "System.DateTime", "System.TimeSpan value"),
        ("AddDays", "System.DateTime", "System.Double value"),
        ("AddHours", "System.DateTime", "System.Double value"),
        ("AddMinutes", "System.DateTime", "System.Double value"),
        ("AddMonths", "System.DateTime", "System.Int32 months"),
        ("AddSeconds", "System.DateTime", "System.Double value"),
        ("AddYears", "System.DateTime", "System.Int32 value"),
        ("CompareTo", "System.Int32", "System.Object value"),
        ("Subtract", "System.TimeSpan", "System.DateTime value"),
        ("ToLongDateString", "System.String", ""), ("ToShortDateString", "System.String", ""),
        ("ToUniversalTime", "System.DateTime", "")),
    "System.Char": (
        ("CompareTo", "System.Int32", "System.Object value"),
        ("GetTypeCode", "System.TypeCode", "")),
    "Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate": (
        ("Export", "System.Byte[]", "System.Security.Cryptography.X509Certificates.X509ContentType contentType"),
        ("GetPublicKey", "System.Byte[]", ""), ("Verify", "System.Boolean", "")),
}

NO_OBJECT = "You must specify an object for the Get-Member cmdlet."


def _type_text(full: str, dialect: Any) -> str:
    if not dialect.type_keywords:
        return full
    return _SHORT_TYPES.get(full, full)


def _members(obj: Any, dialect: Any) -> List[Tuple[str, str, str]]:
    """(Name, MemberType, Definition) of ``obj``'s members."""
    members: List[Tuple[str, str, str]] = []
    names = type_names(obj)
    deserialized = bool(names) and names[0].startswith("Deserialized.")
    methods = list(_OBJECT_METHODS)
    if not deserialized:
        for n in names:
            methods += list(_TYPE_METHODS.get(n, ()))
    else:
        methods = [m for m in methods if m[0] == "ToString"]
    for name, ret, args in methods:
        if not dialect.type_keywords:
            definition = "%s %s(%s)" % (ret, name, args)
        else:
            short_args = ", ".join(
                ((_type_text(a.split(" ", 1)[0], dialect) + " " + a.split(" ", 1)[1])
                 if " " in a and not a.startswith("Params") else a) for a in args.split(", ")) if args else ""
            definition = "%s %s(%s)" % (_type_text(ret, dialect), name, short_args)
        members.append((name, "Method", definition))
    added = instance_members(obj)
    for prop in property_names(obj):
        if isinstance(obj, PSObject):
            stored = obj.member(prop)
        else:
            entry = added.props.get(prop.casefold()) if added is not None else None
            stored = entry[1] if entry is not None else NOT_FOUND
        if isinstance(stored, ComputedProperty):       # Add-Member's script and alias properties
            members.append((prop, stored.member_type, stored.definition or
                            "%s = %s" % (prop, stored.target)))
            continue
        value = get_property(obj, prop)
        vtype = type_names(value)[0] if value is not None and value is not NOT_FOUND else "System.Object"
        if stored is not NOT_FOUND and not isinstance(obj, PSObject):   # a note property added
            members.append((prop, "NoteProperty", _value_def(vtype, prop, value, dialect, note=True)))
            continue
        if isinstance(obj, PSObject):
            if "System.Management.Automation.PSCustomObject" not in obj.type_names and not \
                    obj.type_names[0].startswith("Selected.") and deserialized:
                members.append((prop, "Property", "%s {get;set;}" % _value_def(vtype, prop, value, dialect)))
            else:
                members.append((prop, "NoteProperty", _value_def(vtype, prop, value, dialect, note=True)))
        elif deserialized:
            members.append((prop, "Property", "%s %s {get;set;}" % (_type_text(vtype, dialect), prop)))
        else:
            settable = prop in getattr(obj, "PS_SETTABLE", ())
            members.append((prop, "Property", "%s %s {get;%s}" % (_type_text(vtype, dialect), prop,
                                                                   "set;" if settable else "")))
    script_methods = obj.methods if isinstance(obj, PSObject) else \
        (added.methods if added is not None else {})
    for name, method in script_methods.values():
        members.append((name, "ScriptMethod", getattr(method, "definition", "System.Object %s();" % name)))
    if isinstance(obj, str) and "System.String" in names:
        members.append(("Chars", "ParameterizedProperty",
                        "%s Chars(%s index) {get;}" % (_type_text("System.Char", dialect),
                                                       _type_text("System.Int32", dialect))))
    members.sort(key=lambda m: (m[1].casefold(), m[0].casefold()))
    return members


def _method_members(obj: Any, dialect: Any) -> List[Tuple[str, str, str]]:
    """``$x.psobject.Methods``: the methods Get-Member lists (in the dialect's words)."""
    return [m for m in _members(obj, as_dialect(dialect or "5.1")) if m[1].endswith("Method")]


_nettypes.register_method_lister(_method_members)


def _value_def(vtype: str, prop: str, value: Any, dialect: Any, note: bool = False) -> str:
    text = "%s %s" % (_type_text(vtype, dialect), prop)
    if note:
        text += "=" + to_string(value)
    return text


class GetMember(Cmdlet):
    """List the properties and methods of objects, grouped by type."""

    name = "Get-Member"
    aliases = ("gm",)
    dotnet_class = _CMD + "GetMemberCommand"
    synopsis = "Gets the properties and methods of objects."
    parameters = (
        Parameter("InputObject", OBJECT, from_pipeline=True),
        Parameter("Name", STRINGS, position=0),
        Parameter("MemberType", STRINGS, aliases=("Type",)),
        Parameter("View", StringType()),
        Parameter("Static", SWITCH),
        Parameter("Force", SWITCH),
    )

    def begin(self) -> None:
        self.seen: List[str] = []
        self.any_input = False

    def process(self, p: Any) -> None:
        if not p.bound("InputObject") or p.InputObject is None:
            return
        self.any_input = True
        obj = p.InputObject
        names = type_names(obj)
        type_name = names[0] if names else "System.Object"
        if type_name in self.seen:
            return
        self.seen.append(type_name)
        types = [t.casefold() for t in (p.MemberType or [])]
        for name, member_type, definition in _members(obj, self.context.dialect):
            if p.Name and not any(like(name, pat) for pat in p.Name):
                continue
            if types and not any(member_type.casefold() == t or t == "all" or
                                 (t == "properties" and member_type.endswith("Property")) or
                                 (t == "methods" and member_type.endswith("Method")) for t in types):
                continue
            self.write_object(MemberDefinition(type_name, name, member_type, definition))

    def end(self) -> None:
        if not self.any_input:
            self.throw_terminating(self.error_record(
                NO_OBJECT, "NoObjectInGetMember", "CloseError",
                exception_type="System.InvalidOperationException"))


# ============================================================================ Tee-Object

class TeeObject(CollectingCmdlet):
    """Pass objects on and also keep them in a variable or a file."""

    name = "Tee-Object"
    passes_input_through = True
    aliases = ("tee",)
    dotnet_class = _CMD + "TeeObjectCommand"
    synopsis = "Saves command output in a file or variable and also sends it down the pipeline."
    default_set = "File"
    parameters = (
        Parameter("InputObject", OBJECT, from_pipeline=True),
        Parameter("FilePath", PATH, position=0, mandatory=True, sets=("File",),
                  aliases=("Path",)),
        Parameter("Append", SWITCH, sets=("File",)),
        Parameter("Variable", StringType(), mandatory=True, sets=("Variable",)),
    )

    def process(self, p: Any) -> None:
        super().process(p)
        if p.bound("InputObject"):
            self.write_object(p.InputObject)

    def end(self) -> None:
        p = self.params
        if p is None:
            return
        if p.Variable is not None:
            value: Any = self.items[0] if len(self.items) == 1 else list(self.items)
            self.context.set_variable(p.Variable, value if self.items else None)
            return
        from ..format.out_default import OutDefault
        from .data import resolve_path, write_text
        path = resolve_path(self, p.FilePath)
        if path is None:
            return
        formatter = OutDefault(self.host.width, self.context.dialect.name, console=False)
        lines: List[str] = []
        for obj in self.items:
            lines.extend(formatter.add(obj))
        lines.extend(formatter.finish())
        write_text(self, path, "".join(l + "\r\n" for l in lines), append=bool(p.Append),
                   encoding="utf-16")
