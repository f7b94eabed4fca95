"""Format records: what Format-List and Format-Table write into the pipeline.

PowerShell's formatting cmdlets do not write text.  They write a sequence of
records that the end of the pipeline (Out-Default, Out-String) turns into lines::

    FormatStartData, GroupStartData, FormatEntryData..., GroupEndData, FormatEndData

Each record here has the real type name and properties (``ClassId2e4f51ef21dd47e99d3c952918aff9cd``,
``shapeInfo``, ``formatEntryInfo``...), so ``fl | gm`` or ``ft | Export-Csv`` shows
what the real shell shows.  The display strings are computed when the record is
made, as PowerShell does: a record no longer refers to the object it came from.

Scalars (strings, numbers, booleans, enums) given to Format-* without ``-Property``
become a single "out of band" entry that prints as its text, outside any sequence.

The shaping logic (which properties, labels, widths and alignment) is shared by
:func:`format_list`, :func:`format_table` and Out-Default's implicit formatting,
through the streaming :class:`TableShaper` / :class:`ListShaper` classes.

Imports only ``exshell.engine.properties`` and sibling modules.
"""
from __future__ import annotations

import enum
import fnmatch
from typing import Any, Callable, Iterable, List, Optional, Sequence

from exshell.engine.properties import (
    NOT_FOUND, PSHashtable, get_property, property_names, type_names,
)

from .errors import FormatError, message
from .values import (
    DEFAULT_ENUMERATION_LIMIT, display_string, format_long_datetime, is_right_aligned_type,
    is_scalar, ps_major,
)
from .views import (
    DICTIONARY_ENTRY_TYPE, ListView, TableView, list_view_for, register_list_view,
    table_view_for,
)

__all__ = [
    "FormatStartData", "FormatEntryData", "FormatEndData", "GroupStartData", "GroupEndData",
    "TableHeaderInfo", "TableColumnInfo", "ListViewHeaderInfo", "ComplexViewHeaderInfo",
    "AutosizeInfo", "GroupingEntry", "TableRowEntry", "FormatPropertyField",
    "ListViewEntry", "ListViewField", "RawTextFormatEntry", "ComplexViewEntry",
    "DictionaryEntry", "TableShaper", "ListShaper", "DateTimeShaper", "format_list",
    "format_table", "expand_input", "is_format_record", "out_of_band_entry",
    "default_properties", "EXPAND_VALUES",
]

_NS = "Microsoft.PowerShell.Commands.Internal.Format."
CLASS_ID_PROPERTY = "ClassId2e4f51ef21dd47e99d3c952918aff9cd"

#: Values of ``-Expand``.
EXPAND_VALUES = ("EnumOnly", "CoreOnly", "Both")


# ====================================================================== payloads

class _Info:
    """Base of the helper objects held by records; ToString is the .NET type name."""

    PS_TYPE_NAMES: tuple = ()
    PS_PROPERTIES: tuple = ()

    def __str__(self) -> str:
        return self.PS_TYPE_NAMES[0]


def _names(*chain: str) -> tuple:
    return tuple(_NS + n for n in chain) + ("System.Object",)


class TableColumnInfo(_Info):
    PS_TYPE_NAMES = _names("TableColumnInfo")
    PS_PROPERTIES = ("width", "alignment", "label", "propertyName")

    def __init__(self, label: str, property_name: str = "", width: int = 0,
                 alignment: str = "left"):
        self.label = label
        self.propertyName = property_name
        self.width = width          # 0: not specified
        self.alignment = alignment  # "left" | "right" | "center"


class TableHeaderInfo(_Info):
    PS_TYPE_NAMES = _names("TableHeaderInfo", "ShapeInfo", "FormatInfoData")
    PS_PROPERTIES = ("hideHeader", "tableColumnInfoList")

    def __init__(self, columns: Sequence[TableColumnInfo], hide_header: bool = False):
        self.hideHeader = hide_header
        self.tableColumnInfoList = list(columns)


class ListViewHeaderInfo(_Info):
    PS_TYPE_NAMES = _names("ListViewHeaderInfo", "ShapeInfo", "FormatInfoData")
    PS_PROPERTIES = ()



class ComplexViewHeaderInfo(_Info):
    PS_TYPE_NAMES = _names("ComplexViewHeaderInfo", "ShapeInfo", "FormatInfoData")
    PS_PROPERTIES = ()



class AutosizeInfo(_Info):
    PS_TYPE_NAMES = _names("AutosizeInfo", "FormatInfoData")
    PS_PROPERTIES = ("objectCount",)

    def __init__(self, object_count: int = 0):
        self.objectCount = object_count


class GroupingEntry(_Info):
    """The ``   Label: value`` header of a -GroupBy group."""

    PS_TYPE_NAMES = _names("GroupingEntry", "FormatInfoData")
    PS_PROPERTIES = ("label", "value")

    def __init__(self, label: str, value: str):
        self.label = label
        self.value = value
        self.template: Optional[str] = None


class FormatPropertyField(_Info):
    PS_TYPE_NAMES = _names("FormatPropertyField", "FormatValue", "FormatInfoData")
    PS_PROPERTIES = ("propertyValue", "alignment")

    def __init__(self, value: str, alignment: Optional[str] = None):
        self.propertyValue = value
        self.alignment = alignment  # None: the column's alignment


class TableRowEntry(_Info):
    PS_TYPE_NAMES = _names("TableRowEntry", "FormatEntryInfo", "FormatInfoData")
    PS_PROPERTIES = ("formatPropertyFieldList", "multiLine")

    def __init__(self, fields: Sequence[FormatPropertyField], multi_line: bool = False):
        self.formatPropertyFieldList = list(fields)
        self.multiLine = multi_line

    @property
    def values(self) -> List[str]:
        return [f.propertyValue for f in self.formatPropertyFieldList]


class ListViewField(_Info):
    PS_TYPE_NAMES = _names("ListViewField", "FormatInfoData")
    PS_PROPERTIES = ("label", "propertyName", "formatPropertyField")

    def __init__(self, label: str, value: str):
        self.label = label
        self.propertyName = label
        self.formatPropertyField = FormatPropertyField(value)


class ListViewEntry(_Info):
    PS_TYPE_NAMES = _names("ListViewEntry", "FormatEntryInfo", "FormatInfoData")
    PS_PROPERTIES = ("listViewFieldList",)

    def __init__(self, fields: Sequence[ListViewField]):
        self.listViewFieldList = list(fields)

    @property
    def pairs(self) -> List[tuple]:
        return [(f.label, f.formatPropertyField.propertyValue) for f in self.listViewFieldList]


class RawTextFormatEntry(_Info):
    PS_TYPE_NAMES = _names("RawTextFormatEntry", "FormatEntryInfo", "FormatInfoData")
    PS_PROPERTIES = ("text",)

    def __init__(self, text: str):
        self.text = text


class ComplexViewEntry(_Info):
    """A custom-control entry; here simply the lines it prints (Get-Date's view)."""

    PS_TYPE_NAMES = _names("ComplexViewEntry", "FormatEntryInfo", "FormatInfoData")
    PS_PROPERTIES = ("formatValueList",)

    def __init__(self, lines: Sequence[str]):
        self.formatValueList = list(lines)


# ====================================================================== records

# ClassIds are the real ones (they show up in `ft | Export-Csv` output).
class _Record(_Info):
    CLASS_ID = ""

    def __init__(self):
        setattr(self, CLASS_ID_PROPERTY, self.CLASS_ID)


class FormatStartData(_Record):
    CLASS_ID = "033ecb2bc07a4d43b5ef94ed5a35d280"
    PS_TYPE_NAMES = _names("FormatStartData", "StartData", "PacketInfoData", "FormatInfoData")
    PS_PROPERTIES = (CLASS_ID_PROPERTY, "pageHeaderEntry", "pageFooterEntry", "autosizeInfo",
                     "shapeInfo", "groupingEntry")

    def __init__(self, shape_info: _Info, autosize_info: Optional[AutosizeInfo] = None,
                 command: str = "format-default"):
        super().__init__()
        self.pageHeaderEntry = None
        self.pageFooterEntry = None
        self.autosizeInfo = autosize_info
        self.shapeInfo = shape_info
        self.groupingEntry = None
        #: Which cmdlet made it ("format-table", "format-list", "format-default"):
        #: named in the out-of-sequence error.  Not a PowerShell property.
        self.command = command

    @property
    def shape(self) -> str:
        if isinstance(self.shapeInfo, TableHeaderInfo):
            return "table"
        if isinstance(self.shapeInfo, ListViewHeaderInfo):
            return "list"
        return "complex"


class GroupStartData(_Record):
    CLASS_ID = "9e210fe47d09416682b841769c78b8a3"
    PS_TYPE_NAMES = _names("GroupStartData", "StartData", "PacketInfoData", "FormatInfoData")
    PS_PROPERTIES = (CLASS_ID_PROPERTY, "groupingEntry", "shapeInfo")

    def __init__(self, grouping_entry: Optional[GroupingEntry] = None, shape_info: Any = None):
        super().__init__()
        self.groupingEntry = grouping_entry
        self.shapeInfo = shape_info


class FormatEntryData(_Record):
    CLASS_ID = "27c87ef9bbda4f709f6b4002fa4af63c"
    PS_TYPE_NAMES = _names("FormatEntryData", "PacketInfoData", "FormatInfoData")
    PS_PROPERTIES = (CLASS_ID_PROPERTY, "formatEntryInfo", "outOfBand", "writeStream")

    def __init__(self, entry_info: _Info, out_of_band: bool = False):
        super().__init__()
        self.formatEntryInfo = entry_info
        self.outOfBand = out_of_band
        self.writeStream = "None"


class GroupEndData(_Record):
    CLASS_ID = "4ec4f0187cb04f4cb6973460dfe252df"
    PS_TYPE_NAMES = _names("GroupEndData", "PacketInfoData", "FormatInfoData")
    PS_PROPERTIES = (CLASS_ID_PROPERTY, "groupingEntry")

    def __init__(self):
        super().__init__()
        self.groupingEntry = None


class FormatEndData(_Record):
    CLASS_ID = "cf522b78d86c486691226b40aa69e95c"
    PS_TYPE_NAMES = _names("FormatEndData", "PacketInfoData", "FormatInfoData")
    PS_PROPERTIES = (CLASS_ID_PROPERTY, "groupingEntry")

    def __init__(self):
        super().__init__()
        self.groupingEntry = None


_RECORD_TYPES = (FormatStartData, GroupStartData, FormatEntryData, GroupEndData, FormatEndData)


def is_format_record(obj: Any) -> bool:
    return isinstance(obj, _RECORD_TYPES)


def out_of_band_entry(text: str) -> FormatEntryData:
    return FormatEntryData(RawTextFormatEntry(text), out_of_band=True)


# ====================================================================== input

class DictionaryEntry:
    """One entry of a hashtable, as the formatter enumerates it."""

    PS_TYPE_NAMES = (DICTIONARY_ENTRY_TYPE, "System.ValueType", "System.Object")
    PS_PROPERTIES = ("Name", "Key", "Value")

    def __init__(self, key: Any, value: Any):
        self.Key = key
        self.Value = value

    @property
    def Name(self) -> Any:  # PowerShell's alias property for Key
        return self.Key


register_list_view(DICTIONARY_ENTRY_TYPE, ListView(["Name", "Value"]))


def expand_input(obj: Any, expand: str = "EnumOnly") -> List[Any]:
    """What the formatter formats for one pipeline object (``-Expand``): the elements
    of a collection, the entries of a hashtable, or the object itself."""
    mode = (expand or "EnumOnly").casefold()
    if isinstance(obj, PSHashtable):
        elements: Optional[List[Any]] = [DictionaryEntry(k, v) for k, v in obj.items()]
    elif isinstance(obj, (list, tuple, bytes, bytearray)):
        elements = list(obj)
    else:
        return [obj]
    if mode == "coreonly":
        return [obj]
    if mode == "both":
        return [obj] + elements
    return elements


# ====================================================================== properties

class _Prop:
    """One resolved column or line: its label and how to read the value."""

    __slots__ = ("label", "getter", "width", "align", "is_calculated", "format")

    def __init__(self, label: str, getter: Callable[[Any], Any], width: int = 0,
                 align: Optional[str] = None, is_calculated: bool = False,
                 format: Optional[str] = None):
        self.label = label
        self.getter = getter
        self.width = width
        self.align = align
        self.is_calculated = is_calculated
        self.format = format  # .NET format string (FormatString key)


def _property_getter(name: str) -> Callable[[Any], Any]:
    return lambda obj: get_property(obj, name)


def _callable_getter(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def get(obj: Any) -> Any:
        # A failing expression shows as an empty value, as in PowerShell (the
        # formatter swallows errors raised while reading a value).
        try:
            return fn(obj)
        except Exception:
            return NOT_FOUND
    return get


def _callable_label(fn: Any) -> str:
    # The engine hands script blocks over as callables; one carrying the block's
    # text in ``label`` (or ``text``) gets PowerShell's default label: that text.
    for attr in ("label", "text"):
        text = getattr(fn, attr, None)
        if isinstance(text, str):
            return text
    return ""


def _has_wildcard(name: str) -> bool:
    return any(c in name for c in "*?[")


_TABLE_KEYS = ("name", "label", "expression", "formatstring", "width", "alignment")
_LIST_KEYS = ("name", "label", "expression", "formatstring")


def _calculated(spec: Any, allowed: Sequence[str], major: int) -> _Prop:
    entries = {}
    for key, value in spec.items():
        folded = str(key).casefold()
        matches = [k for k in allowed if folded and k.startswith(folded)]
        if len(matches) != 1:
            raise FormatError("DictionaryKeyIllegal", message("DictionaryKeyIllegal", major, key=key))
        entries[matches[0]] = value
    if "expression" not in entries:
        raise FormatError("DictionaryKeyMandatoryEntry",
                          message("DictionaryKeyMandatoryEntry", major, key="expression"))
    expr = entries["expression"]
    if callable(expr):
        getter = _callable_getter(expr)
        default_label = _callable_label(expr)
    elif isinstance(expr, str):
        getter = _property_getter(expr)
        default_label = expr
    else:
        raise FormatError("DictionaryKeyUnknownType",
                          message("DictionaryKeyUnknownType", major, key="expression"))
    label = entries.get("label", entries.get("name"))
    label = default_label if label is None else display_string(label)
    width = 0
    if "width" in entries:
        try:
            width = max(int(entries["width"]), 0)
        except (TypeError, ValueError):
            raise FormatError("DictionaryKeyUnknownType",
                              message("DictionaryKeyUnknownType", major, key="width"))
    align = None
    if "alignment" in entries:
        text = str(entries["alignment"]).casefold()
        found = [a for a in ("left", "center", "right") if text and a.startswith(text)]
        if len(found) != 1:
            raise FormatError("IllegalAlignment", message("IllegalAlignment", major))
        align = found[0]
    fmt = entries.get("formatstring")
    fmt = None if fmt is None else display_string(fmt)
    return _Prop(label, getter, width, align, is_calculated=True, format=fmt)


def resolve_properties(obj: Any, properties: Iterable[Any], *, allowed_keys: Sequence[str],
                       major: int = 5) -> List[_Prop]:
    """Turn ``-Property`` arguments into columns/lines for ``obj``.

    Names resolve case-insensitively; wildcards expand over the object's properties
    in their declared order, skipping names already listed; a plain name the object
    lacks stays (PowerShell shows an empty column or line for it).
    """
    out: List[_Prop] = []
    seen = set()
    for spec in properties:
        if isinstance(spec, (PSHashtable, dict)):
            out.append(_calculated(spec, allowed_keys, major))
        elif callable(spec):
            out.append(_Prop(_callable_label(spec), _callable_getter(spec), is_calculated=True))
        else:
            name = str(spec)
            if _has_wildcard(name):
                pattern = name.casefold()
                for real in property_names(obj):
                    if fnmatch.fnmatchcase(real.casefold(), pattern) and real.casefold() not in seen:
                        seen.add(real.casefold())
                        out.append(_Prop(real, _property_getter(real)))
            else:
                names = {n.casefold(): n for n in property_names(obj)}
                real = names.get(name.casefold(), name)
                seen.add(real.casefold())
                out.append(_Prop(real, _property_getter(real)))
    return out


def default_properties(obj: Any) -> List[str]:
    """The properties shown when nothing is asked for: the type's default display
    set (``PS_DEFAULT_DISPLAY_PROPERTIES``, if declared) or all properties."""
    declared = getattr(obj, "PS_DEFAULT_DISPLAY_PROPERTIES", None)
    if declared:
        return list(declared)
    return property_names(obj)


# ====================================================================== shapers

class _Shaper:
    """Streaming core shared by Format-Table, Format-List and Out-Default.

    ``process(obj)`` returns the records to emit for one (already expanded) object;
    ``end()`` closes the sequence.  The first object fixes what a table shows.
    """

    command = "format-default"

    def __init__(self, properties: Optional[Sequence[Any]] = None, *, group_by: Any = None,
                 ps_version: str = "2.0", enumeration_limit: int = DEFAULT_ENUMERATION_LIMIT,
                 view_context: Any = None):
        self.properties = list(properties) if properties is not None else None
        self.ps_version = ps_version
        self.major = ps_major(ps_version)
        self.enumeration_limit = enumeration_limit
        self.view_context = view_context if view_context is not None else {"ps_version": ps_version}
        self._group_spec = group_by
        self._group_prop: Optional[_Prop] = None
        self._group_value: Optional[str] = None
        self.started = False
        self.group_open = False

    # -- helpers
    def _text(self, value: Any, fmt: Optional[str] = None) -> str:
        if fmt:
            from .dotnet_format import apply_format_string
            return apply_format_string(value, fmt, self._text)
        return display_string(value, ps_version=self.ps_version,
                              enumeration_limit=self.enumeration_limit)

    def _group_records(self, obj: Any) -> List[Any]:
        out: List[Any] = []
        if self._group_spec is None:
            if not self.group_open:
                out.append(GroupStartData())
                self.group_open = True
            return out
        spec, template = self._group_spec, getattr(self._group_spec, "template", None)
        from_view = hasattr(self._group_spec, "spec")
        if from_view:
            spec = self._group_spec.spec
        if self._group_prop is None:
            props = resolve_properties(obj, [spec], allowed_keys=_LIST_KEYS, major=self.major)
            self._group_prop = props[0] if props else _Prop("", lambda o: NOT_FOUND)
        raw = self._group_prop.getter(obj)
        # A view groups only the objects that have the property (no header otherwise).
        value = None if (from_view and raw is NOT_FOUND) else self._text(raw)
        if not self.group_open or value != self._group_value:
            if self.group_open:
                out.append(GroupEndData())
            if value is None:
                out.append(GroupStartData())
            else:
                entry = GroupingEntry(self._group_prop.label, value)
                entry.template = template  # a view's own header layout (None: "   Label: value")
                out.append(GroupStartData(entry))
            self.group_open = True
            self._group_value = value
        return out

    def _start(self, obj: Any) -> List[Any]:
        raise NotImplementedError

    def _entry(self, obj: Any) -> FormatEntryData:
        raise NotImplementedError

    # -- public
    def process(self, obj: Any) -> List[Any]:
        if self.properties is None and is_scalar(obj):
            return [out_of_band_entry(self._text(obj))]
        out: List[Any] = []
        if not self.started:
            out.extend(self._start(obj))
            self.started = True
        out.extend(self._group_records(obj))
        out.append(self._entry(obj))
        return out

    def end(self) -> List[Any]:
        out: List[Any] = []
        if self.group_open:
            out.append(GroupEndData())
            self.group_open = False
        if self.started:
            out.append(FormatEndData())
            self.started = False
        return out


class TableShaper(_Shaper):
    """Format-Table: columns from ``properties``, else the type's table view, else
    every property (generated table: numbers, booleans and enums right-aligned)."""

    command = "format-table"

    def __init__(self, properties: Optional[Sequence[Any]] = None, *, auto_size: bool = False,
                 wrap: bool = False, hide_headers: bool = False, view: Optional[TableView] = None,
                 **kwargs):
        super().__init__(properties, **kwargs)
        self.auto_size = auto_size
        self.wrap = wrap
        self.hide_headers = hide_headers
        self.view = view
        self._props: List[_Prop] = []
        self.columns: List[TableColumnInfo] = []

    def _start(self, obj: Any) -> List[Any]:
        view = self.view
        if self.properties is None and view is None:
            view = table_view_for(obj, self.view_context)
        if self.properties is None and view is not None:
            for col in view.columns:
                prop = col.property
                getter = _callable_getter(prop) if callable(prop) else _property_getter(prop)
                name = "" if callable(prop) else prop
                self._props.append(_Prop(col.label, getter, col.width or 0, col.align))
                self.columns.append(TableColumnInfo(col.label, name, col.width or 0,
                                                    col.align or "left"))
        else:
            specs = self.properties if self.properties is not None else default_properties(obj)
            self._props = resolve_properties(obj, specs, allowed_keys=_TABLE_KEYS, major=self.major)
            # Objects that came through remoting ("Deserialized." type names, or marked
            # ``ps_deserialized`` as the Exchange Management Shell's are) carry their
            # enums as deserialized values, which PowerShell no longer recognises as
            # enums: left-aligned.
            remote = type_names(obj)[0].casefold().startswith("deserialized.") or \
                bool(getattr(obj, "ps_deserialized", False))
            for p in self._props:
                align = p.align
                if align is None:
                    value = p.getter(obj)
                    right = is_right_aligned_type(value) and not (
                        remote and isinstance(value, enum.Enum))
                    align = "right" if right else "left"
                self.columns.append(TableColumnInfo(p.label, "" if p.is_calculated else p.label,
                                                    p.width, align))
        header = TableHeaderInfo(self.columns, self.hide_headers)
        autosize = AutosizeInfo() if self.auto_size else None
        return [FormatStartData(header, autosize, self.command)]

    def _entry(self, obj: Any) -> FormatEntryData:
        fields = [FormatPropertyField(self._text(p.getter(obj), p.format)) for p in self._props]
        return FormatEntryData(TableRowEntry(fields, self.wrap))


class ListShaper(_Shaper):
    """Format-List: lines from ``properties`` (resolved per object), else the type's
    list view, else every property."""

    command = "format-list"

    def __init__(self, properties: Optional[Sequence[Any]] = None, *,
                 view: Optional[ListView] = None, **kwargs):
        super().__init__(properties, **kwargs)
        self.view = view

    def _start(self, obj: Any) -> List[Any]:
        return [FormatStartData(ListViewHeaderInfo(), None, self.command)]

    def _entry(self, obj: Any) -> FormatEntryData:
        if self.properties is not None:
            props = resolve_properties(obj, self.properties, allowed_keys=_LIST_KEYS,
                                       major=self.major)
        else:
            view = self.view or list_view_for(obj, self.view_context)
            if view is not None:
                props = []
                for label, prop in view.items():
                    getter = _callable_getter(prop) if callable(prop) else _property_getter(prop)
                    props.append(_Prop(label, getter))
            else:
                props = resolve_properties(obj, default_properties(obj), allowed_keys=_LIST_KEYS,
                                           major=self.major)
        fields = [ListViewField(p.label, self._text(p.getter(obj), p.format)) for p in props]
        return FormatEntryData(ListViewEntry(fields))


class DateTimeShaper(_Shaper):
    """Get-Date's own view at the end of a pipeline: the long date and long time."""

    def _start(self, obj: Any) -> List[Any]:
        return [FormatStartData(ComplexViewHeaderInfo(), None, self.command)]

    def _entry(self, obj: Any) -> FormatEntryData:
        return FormatEntryData(ComplexViewEntry([format_long_datetime(obj)]))


# ====================================================================== cmdlet faces

def _run(shaper: _Shaper, objects: Iterable[Any], expand: str) -> List[Any]:
    out: List[Any] = []
    for obj in objects:
        for item in expand_input(obj, expand):
            out.extend(shaper.process(item))
    out.extend(shaper.end())
    return out


def format_list(objects: Iterable[Any], properties: Optional[Sequence[Any]] = None, *,
                ps_version: str = "2.0", expand: str = "EnumOnly", group_by: Any = None,
                enumeration_limit: int = DEFAULT_ENUMERATION_LIMIT) -> List[Any]:
    """The records ``Format-List`` writes for ``objects``.

    ``properties``: names, wildcards, calculated properties (PSHashtable with
    Name/Label, Expression: property name or callable ``obj -> value``,
    FormatString) or bare callables.  Raises :class:`FormatError` for a bad
    calculated property.
    """
    shaper = ListShaper(properties, group_by=group_by, ps_version=ps_version,
                        enumeration_limit=enumeration_limit)
    return _run(shaper, objects, expand)


def format_table(objects: Iterable[Any], properties: Optional[Sequence[Any]] = None, *,
                 auto_size: bool = False, wrap: bool = False, hide_headers: bool = False,
                 group_by: Any = None, ps_version: str = "2.0", expand: str = "EnumOnly",
                 enumeration_limit: int = DEFAULT_ENUMERATION_LIMIT) -> List[Any]:
    """The records ``Format-Table`` writes for ``objects`` (see :func:`format_list`;
    calculated properties may also give Width and Alignment)."""
    shaper = TableShaper(properties, auto_size=auto_size, wrap=wrap, hide_headers=hide_headers,
                         group_by=group_by, ps_version=ps_version,
                         enumeration_limit=enumeration_limit)
    return _run(shaper, objects, expand)

