"""Out-Default: the implicit formatter and writer at the end of a pipeline.

Whatever the last command of a pipeline leaves is handed, object by object, to one
:class:`OutDefault`, which returns the lines to print.  It does two jobs, as
PowerShell's Out-Default (format-default + out-lineoutput) does:

1. **Formatting plain objects** (format-default).  Format records made by
   Format-List/Format-Table pass through untouched.  For anything else:

   * collections are unrolled and hashtables shown entry by entry (Name/Value);
   * scalars (strings, numbers, booleans, enums) print as their text, one per line,
     *without* closing a table or list in progress (PowerShell's "out of band"
     output, the source of the familiar odd-looking mixed output);
   * a ``datetime`` uses Get-Date's view (long date and time);
   * a type with a registered view uses it (table first, then list);
   * otherwise 4 properties or fewer give a table, 5 or more a list.

   The first object fixes the shape; the next object of the same type name joins
   the same table or list, one of another type closes it and starts a new block.

2. **Writing records as lines** (out-lineoutput), with PowerShell's blank lines,
   which come from the record sequence itself (taken from the PowerShell source of
   the 5.1 era, whose behaviour 2.0 shares):

   ============================  ==================================================
   FormatStartData               one blank line
   GroupStartData with -GroupBy  blank line, ``   Label: value``, blank line
   GroupStartData (list)         one blank line
   GroupStartData (table)        the header and dash rows
   FormatEntryData (list)        the ``Label : value`` lines, then a blank line
   GroupEndData                  one blank line
   FormatEndData                 one blank line
   ============================  ==================================================

   So a table is preceded by one blank line and followed by two; a list is preceded
   by two and followed by three (one after the last object, then group end and
   format end).  These counts are data in :data:`BLANK_LINES` so they are easy to
   adjust against captures.

Table widths by version: with no explicit widths (generated tables), **2.0** splits
the line evenly; **5.1** fits each column to its data (max of label and values).
PowerShell 5.1 only measures the objects that arrive within its first 300 ms; we have
no such time window and always measure the whole group, which is what a short
pipeline gives on a real console.  With ``-AutoSize`` every version measures the data.

Records that arrive out of sequence raise :class:`~exshell.format.errors.FormatError`
(``ConsoleLineOutputOutOfSequencePacket``), as PowerShell does when, say, half the
output of a ``Format-Table`` is replayed.

Width: ``width`` is the host's *buffer width*; console output may use ``width - 1``
columns (a 120-column console gives 119-column tables).  Pass ``console=False`` (for
Out-String -Width N) to use the whole width.

Imports only ``exshell.engine.properties`` and sibling modules.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Dict, Iterable, List, Optional

from exshell.engine.properties import PSHashtable, type_names

from .cells import text_width
from .errors import FormatError, message
from .listing import list_entry_lines
from .records import (
    ComplexViewEntry, DateTimeShaper, FormatEndData, FormatEntryData, FormatStartData,
    GroupEndData, GroupStartData, ListShaper, ListViewEntry, RawTextFormatEntry, TableRowEntry,
    TableShaper, default_properties, expand_input, is_format_record, out_of_band_entry,
)
from .table import TableLayout, truncate_at_newline
from .values import DEFAULT_ENUMERATION_LIMIT, display_string, ellipsis_for, is_scalar, ps_major
from .views import list_view_for, table_view_for

__all__ = ["OutDefault", "render", "BLANK_LINES", "PROPERTY_COUNT_FOR_TABLE", "GROUP_HEADER"]

#: Objects with at most this many properties (and no view) are shown as a table.
PROPERTY_COUNT_FOR_TABLE = 4

#: Blank lines written for each record, by (record, shape).  The counts follow the
#: PowerShell source (see the module docstring); the reference's summary of captures
#: ("one blank line before a list, two after") would be group_start/list = 0 and
#: format_end/list = 0.  Kept as data so transcripts can settle it.
BLANK_LINES: Dict[tuple, int] = {
    ("format_start", "table"): 1,
    ("format_start", "list"): 1,
    ("format_start", "complex"): 1,
    ("group_start", "list"): 1,
    ("entry", "list"): 1,
    ("group_end", "table"): 1,
    ("group_end", "list"): 1,
    ("group_end", "complex"): 1,
    ("format_end", "table"): 1,
    ("format_end", "list"): 1,
    ("format_end", "complex"): 1,
}

#: The -GroupBy header template.
GROUP_HEADER = "   {label}: {value}"

_RESET, _FORMATTING, _IN_GROUP = "reset", "formatting", "group"


#: Out-Default's warning when table columns do not fit the width (one / several).
COLUMN_REMOVED = 'column "%s" does not fit into the display and was removed.'
COLUMNS_REMOVED = "%d columns do not fit into the display and were removed."


def hidden_columns_warning(labels: List[str]) -> Optional[str]:
    """The warning for the columns a table left out (None when none was)."""
    if not labels:
        return None
    return COLUMN_REMOVED % labels[0] if len(labels) == 1 else COLUMNS_REMOVED % len(labels)


def _blank(event: str, shape: Optional[str]) -> List[str]:
    return [""] * BLANK_LINES.get((event, shape), 0)


class OutDefault:
    """Stateful across one pipeline's output, as Out-Default is.

    :meth:`add` returns the lines that can be printed now (tables may be held back
    until their group ends, to measure column widths); :meth:`finish` flushes.
    """

    def __init__(self, width: int, ps_version: str = "2.0", *, console: bool = True,
                 enumeration_limit: int = DEFAULT_ENUMERATION_LIMIT):
        self.width = width
        self.ps_version = ps_version
        self.major = ps_major(ps_version)
        self.screen_width = width - 1 if console else width
        self.enumeration_limit = enumeration_limit
        self.ellipsis = ellipsis_for(ps_version)
        # format-default (implicit shaping)
        self._shaper = None
        self._shaper_key: Optional[tuple] = None
        # out-lineoutput (record writer)
        self._state = _RESET
        self._start: Optional[FormatStartData] = None
        self._layout: Optional[TableLayout] = None
        self._caching = False
        self._cache: Optional[List[Any]] = None
        #: Warnings for the warning stream (columns that did not fit), in order; the
        #: caller writes them before the lines :meth:`add`/:meth:`finish` returned.
        self.warnings: List[str] = []
        self._pending: List[str] = []     # blank lines of a format start, not written yet

    def take_warnings(self) -> List[str]:
        """The warnings since the last call (and forget them)."""
        out, self.warnings = self.warnings, []
        return out

    # ------------------------------------------------------------- public
    def add(self, obj: Any) -> List[str]:
        if is_format_record(obj):
            out = self._close_implicit()
            out.extend(self._write(obj, explicit=True))
            return out
        out = []
        for item in expand_input(obj):
            out.extend(self._add_plain(item))
        return out

    def finish(self) -> List[str]:
        out = self._close_implicit()
        out.extend(self._flush_cache())
        self._state = _RESET
        self._start = None
        return out

    # ------------------------------------------------------------- format-default
    def _add_plain(self, obj: Any) -> List[str]:
        if is_scalar(obj):
            return self._write(out_of_band_entry(
                display_string(obj, ps_version=self.ps_version,
                               enumeration_limit=self.enumeration_limit)))
        if obj is None:
            return []
        own_view = getattr(obj, "out_of_band_lines", None)     # an error record
        lines = own_view(self.screen_width + 1) if callable(own_view) else None
        if lines is not None:
            out = []
            for line in lines:
                out.extend(self._write(out_of_band_entry(line)))
            return out
        key = self._shape_key(obj)
        out: List[str] = []
        if key != self._shaper_key:
            out.extend(self._close_implicit())
            if self._state != _RESET:
                # A plain object in the middle of someone's Format-* sequence: the
                # sequence is treated as closed.
                out.extend(self._flush_cache())
                self._state = _RESET
            self._shaper = self._make_shaper(obj)
            self._shaper_key = key
        if self._shaper is None:
            return out
        for record in self._shaper.process(obj):
            out.extend(self._write(record))
        return out

    def _shape_key(self, obj: Any) -> tuple:
        # Types that share one registered table view (files and folders) share a
        # table; otherwise the first type name decides.
        view = table_view_for(obj, {"ps_version": self.ps_version})
        if view is not None:
            return ("view", id(view))
        names = type_names(obj)
        return (names[0] if names else type(obj).__name__,)

    def _make_shaper(self, obj: Any):
        common = dict(ps_version=self.ps_version, enumeration_limit=self.enumeration_limit)
        if isinstance(obj, _dt.datetime):
            return DateTimeShaper(**common)
        context = {"ps_version": self.ps_version}
        table = table_view_for(obj, context)
        if table is not None:
            return TableShaper(view=table, group_by=_view_group(table), auto_size=table.auto_size,
                               wrap=table.wrap, **common)
        listing = list_view_for(obj, context)
        if listing is not None:
            return ListShaper(view=listing, **common)
        count = len(default_properties(obj))
        if count == 0:
            return _ToStringShaper(**common)
        if count <= PROPERTY_COUNT_FOR_TABLE:
            return TableShaper(**common)
        return ListShaper(**common)

    def _close_implicit(self) -> List[str]:
        out: List[str] = []
        if self._shaper is not None:
            for record in self._shaper.end():
                out.extend(self._write(record))
        self._shaper = None
        self._shaper_key = None
        return out

    # ------------------------------------------------------------- out-lineoutput
    def _sequence_error(self, record: Any) -> FormatError:
        command = "format-*"
        start = self._start if isinstance(record, (GroupStartData, FormatEntryData)) else record
        if isinstance(start, FormatStartData):
            command = start.command if start.command != "format-default" else "format-*"
        self._state = _RESET
        self._cache = None
        return FormatError("ConsoleLineOutputOutOfSequencePacket",
                           message("ConsoleLineOutputOutOfSequencePacket",
                                   type=type_names(record)[0], command=command),
                           category="InvalidData")

    def _expect(self, state: str, record: Any) -> None:
        if self._state != state:
            raise self._sequence_error(record)

    def _write(self, record: Any, explicit: bool = False) -> List[str]:
        """Advance the sequence state machine with one record; return lines."""
        if isinstance(record, FormatEntryData):
            if record.outOfBand:
                return self._cached_or_now(record)
            self._expect(_IN_GROUP, record)
            return self._cached_or_now(record)
        if isinstance(record, FormatStartData):
            out: List[str] = []
            if self._state == _IN_GROUP:
                # PowerShell pretends the previous sequence was closed properly.
                out.extend(self._flush_cache())
                self._state = _RESET
            self._expect(_RESET, record)
            self._state = _FORMATTING
            self._start = record
            info = record.shapeInfo
            columns = getattr(info, "tableColumnInfoList", None)
            self._caching = record.shape == "table" and bool(columns) and (
                record.autosizeInfo is not None
                or (self.major >= 5 and not columns[0].width))
            # The blank line(s) before a table wait for its first rendering, so that a
            # warning about columns that did not fit comes before them, as in PowerShell.
            self._pending = _blank("format_start", record.shape)
            return out
        if isinstance(record, GroupStartData):
            self._expect(_FORMATTING, record)
            self._state = _IN_GROUP
            if self._caching:
                self._cache = [record]
                return []
            return self._render(record)
        if isinstance(record, GroupEndData):
            self._expect(_IN_GROUP, record)
            self._state = _FORMATTING
            if self._cache is not None:
                self._cache.append(record)
                return self._flush_cache()
            return self._render(record)
        if isinstance(record, FormatEndData):
            self._expect(_FORMATTING, record)
            lines = self._render(record)
            self._state = _RESET
            self._start = None
            self._caching = False
            return lines
        return []

    def _cached_or_now(self, record: Any) -> List[str]:
        if self._cache is not None:
            self._cache.append(record)
            return []
        return self._render(record)

    def _flush_cache(self) -> List[str]:
        if self._cache is None:
            return []
        cached, self._cache = self._cache, None
        hint = self._measure(cached)
        out: List[str] = []
        for record in cached:
            out.extend(self._render(record, hint))
        return out

    def _measure(self, records: List[Any]) -> Optional[List[int]]:
        """Column widths fitted to the data: max of label and cell widths."""
        info = self._start.shapeInfo if self._start is not None else None
        columns = getattr(info, "tableColumnInfoList", None)
        if not columns:
            return None
        widths = []
        for col in columns:
            label = col.label or col.propertyName
            widths.append(text_width(label) if label else 0)
        for record in records:
            if isinstance(record, FormatEntryData) and isinstance(record.formatEntryInfo, TableRowEntry):
                for k, value in enumerate(record.formatEntryInfo.values[:len(widths)]):
                    widths[k] = max(widths[k], text_width(truncate_at_newline(value or "", self.ellipsis)))
        return widths

    # ------------------------------------------------------------- rendering
    def _render(self, record: Any, hint: Optional[List[int]] = None) -> List[str]:
        pending, self._pending = self._pending, []
        return pending + self._render_record(record, hint)

    def _render_record(self, record: Any, hint: Optional[List[int]] = None) -> List[str]:
        shape = self._start.shape if self._start is not None else None
        if isinstance(record, FormatEntryData):
            info = record.formatEntryInfo
            if record.outOfBand or isinstance(info, RawTextFormatEntry):
                text = getattr(info, "text", "")
                return text.replace("\r", "").split("\n")
            if isinstance(info, TableRowEntry):
                if self._layout is None:
                    return []
                aligns = [f.alignment for f in info.formatPropertyFieldList]
                return self._layout.row_lines(info.values, aligns, info.multiLine)
            if isinstance(info, ListViewEntry):
                return list_entry_lines(info.pairs, self.screen_width) + _blank("entry", "list")
            if isinstance(info, ComplexViewEntry):
                return list(info.formatValueList)
            return []
        if isinstance(record, GroupStartData):
            out: List[str] = []
            entry = record.groupingEntry
            if entry is not None:
                out.append("")
                template = getattr(entry, "template", None) or GROUP_HEADER
                out.extend(template.format(label=entry.label, value=entry.value).split("\n"))
                out.append("")
            if shape == "table":
                info = self._start.shapeInfo
                columns = info.tableColumnInfoList
                widths = hint if hint is not None else [c.width for c in columns]
                self._layout = TableLayout(self.screen_width, widths,
                                           [c.alignment for c in columns],
                                           info.hideHeader, self.ellipsis)
                if not self._layout.disabled:
                    warning = hidden_columns_warning(
                        [columns[k].label or columns[k].propertyName for k in self._layout.hidden])
                    if warning:
                        self.warnings.append(warning)
                out.extend(self._layout.header_lines(
                    [c.label or c.propertyName for c in columns]))
            elif shape == "list":
                out.extend(_blank("group_start", "list"))
            return out
        if isinstance(record, GroupEndData):
            self._layout = None
            return _blank("group_end", shape)
        if isinstance(record, FormatEndData):
            return _blank("format_end", shape)
        return []


def _view_group(view: Any) -> Any:
    """A view's grouping as a -GroupBy spec the shapers understand."""
    group = getattr(view, "group_by", None)
    if isinstance(group, tuple):
        label, prop = group
        group = PSHashtable([("Label", label), ("Expression", prop)])
    if group is not None:
        # A view's group (even with the default header): an object without the
        # property gets no header (a certificate that is no Cert: item).
        group = _TemplatedGroup(group, getattr(view, "group_header", None))
    return group


class _TemplatedGroup:
    """A group spec that also carries the header template of its view."""

    def __init__(self, spec: Any, template: Optional[str]):
        self.spec = spec
        self.template = template


class _ToStringShaper(TableShaper):
    """Objects with no properties at all print their ToString, out of band."""

    def process(self, obj: Any) -> List[Any]:
        return [out_of_band_entry(display_string(obj, ps_version=self.ps_version))]

    def end(self) -> List[Any]:
        return []


def render(objects: Iterable[Any], width: int, ps_version: str = "2.0", *,
           console: bool = True) -> List[str]:
    """All the lines Out-Default prints for ``objects`` (see :class:`OutDefault`)."""
    out = OutDefault(width, ps_version, console=console)
    lines: List[str] = []
    for obj in objects:
        lines.extend(out.add(obj))
    lines.extend(out.finish())
    return lines
