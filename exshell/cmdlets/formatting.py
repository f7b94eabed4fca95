"""Format-List, Format-Table and the Out-* cmdlets: thin faces over ``exshell.format``.

Format-* write format records (not text); Out-Default (the shell), Out-Host and
Out-String turn records and plain objects into lines.  Script blocks in property
lists and calculated properties are wrapped as Python callables here, so the
formatter never needs the evaluator.
"""
from __future__ import annotations

from typing import Any, List, Optional

from ..engine.cmdlet import Cmdlet
from ..engine.completion import complete_property_names, completing
from ..engine.conversion import (OBJECT, SWITCH, ChoiceType, IntType, ListOf, ObjectType,
                                 StringType)
from ..engine.parameters import Parameter
from ..engine.properties import PSHashtable

__all__ = ["FormatList", "FormatTable", "OutString", "OutNull", "OutHost", "OutDefaultCmdlet"]

_FMT = "Microsoft.PowerShell.Commands."


def _is_block(value: Any) -> bool:
    return "System.Management.Automation.ScriptBlock" in getattr(value, "PS_TYPE_NAMES", ())


def callable_properties(cmdlet: Cmdlet, props: Optional[List[Any]]) -> Optional[List[Any]]:
    """Wrap script blocks (bare, or as a calculated property's Expression) as callables."""
    if props is None:
        return None
    return [_callable_property(cmdlet, prop) for prop in props]


def _block_function(cmdlet: Cmdlet, block: Any) -> Any:
    """A script block as ``obj -> value``, labelled with its text (PowerShell heads a
    column computed by an unnamed block with the block's text)."""
    context = cmdlet.context

    def fn(obj: Any) -> Any:
        return context.invoke_value(block, obj)
    fn.label = str(block).strip()  # type: ignore[attr-defined]
    return fn


def _enumeration_limit(cmdlet: Cmdlet) -> Any:
    """``$FormatEnumerationLimit`` (the global one, as the formatter reads it)."""
    value = cmdlet.context.get_variable("FormatEnumerationLimit", "global")
    return 4 if value is None else value


def _callable_property(cmdlet: Cmdlet, prop: Any) -> Any:
    if _is_block(prop):
        return _block_function(cmdlet, prop)
    if isinstance(prop, PSHashtable):
        copy = prop.copy()
        for key in list(copy.keys()):
            if str(key).casefold() in ("expression", "e") and _is_block(copy[key]):
                copy[key] = _block_function(cmdlet, copy[key])
        return copy
    return prop


class _FormatCmdlet(Cmdlet, register=False):
    common_parameters = (
        Parameter("Property", completing(ListOf(ObjectType(), "System.Object[]"),
                                         complete_property_names), position=0),
        Parameter("GroupBy", OBJECT),
        Parameter("View", StringType()),
        Parameter("ShowError", SWITCH),
        Parameter("DisplayError", SWITCH),
        Parameter("Force", SWITCH),
        Parameter("Expand", ChoiceType(("EnumOnly", "CoreOnly", "Both"))),
        Parameter("InputObject", OBJECT, from_pipeline=True),
    )

    def make_shaper(self, p: Any) -> Any:
        raise NotImplementedError

    def begin(self) -> None:
        self.shaper = None
        self.expand = "EnumOnly"

    def _shaper_for(self, p: Any) -> Any:
        if self.shaper is None:
            self.expand = p.Expand or "EnumOnly"
            self.shaper = self.make_shaper(p)
        return self.shaper

    def process(self, p: Any) -> None:
        from ..format.errors import FormatError
        from ..format.records import expand_input
        if not p.bound("InputObject") or p.InputObject is None:
            return                          # $null | Format-List shows nothing
        shaper = self._shaper_for(p)
        try:
            for item in expand_input(p.InputObject, self.expand):
                for record in shaper.process(item):
                    self.write_object(record)
        except FormatError as e:
            self.throw_terminating(self.error_record(e.message, e.error_id, e.category,
                                                     exception_type="System.ArgumentException"))

    def end(self) -> None:
        if self.shaper is not None:
            for record in self.shaper.end():
                self.write_object(record)


class FormatList(_FormatCmdlet):
    """Show each object as a list of ``Label : value`` lines."""

    name = "Format-List"
    aliases = ("fl",)
    dotnet_class = _FMT + "FormatListCommand"
    synopsis = "Formats the output as a list of properties, each on its own line."
    parameters = _FormatCmdlet.common_parameters

    def make_shaper(self, p: Any) -> Any:
        from ..format.records import ListShaper
        limit = _enumeration_limit(self)
        return ListShaper(callable_properties(self, p.Property),
                          group_by=_callable_property(self, p.GroupBy),
                          ps_version=self.context.dialect.name,
                          enumeration_limit=limit if isinstance(limit, int) else 4)


class FormatTable(_FormatCmdlet):
    """Show objects as a table, one row per object."""

    name = "Format-Table"
    aliases = ("ft",)
    dotnet_class = _FMT + "FormatTableCommand"
    synopsis = "Formats the output as a table."
    parameters = _FormatCmdlet.common_parameters + (
        Parameter("AutoSize", SWITCH),
        Parameter("HideTableHeaders", SWITCH),
        Parameter("Wrap", SWITCH),
    )

    def make_shaper(self, p: Any) -> Any:
        from ..format.records import TableShaper
        limit = _enumeration_limit(self)
        return TableShaper(callable_properties(self, p.Property), auto_size=p.AutoSize,
                           wrap=p.Wrap, hide_headers=p.HideTableHeaders,
                           group_by=_callable_property(self, p.GroupBy),
                           ps_version=self.context.dialect.name,
                           enumeration_limit=limit if isinstance(limit, int) else 4)


class _OutCmdlet(Cmdlet, register=False):
    """Collects input and renders it the way Out-Default does."""

    def begin(self) -> None:
        from ..format.out_default import OutDefault
        width = self.width()
        self.formatter = OutDefault(width, self.context.dialect.name, console=self.console)
        self.lines: List[str] = []

    console = True

    def width(self) -> int:
        return self.host.width

    def take(self, lines: List[str]) -> None:
        self.lines.extend(lines)

    def feed(self, obj: Any) -> None:
        from ..format.errors import FormatError
        try:
            lines = self.formatter.add(obj)
        except FormatError as e:
            self.throw_terminating(self.error_record(e.message, e.error_id, e.category,
                                                     exception_type="System.InvalidOperationException"))
        self._warn()
        self.take(lines)

    def finish(self) -> None:
        lines = self.formatter.finish()
        self._warn()
        self.take(lines)

    def _warn(self) -> None:
        """Columns that did not fit the width: a warning, as Out-Default gives."""
        for warning in self.formatter.take_warnings():
            self.write_warning(warning)


class OutString(_OutCmdlet):
    """Turn objects into the text they would show as."""

    name = "Out-String"
    dotnet_class = _FMT + "OutStringCommand"
    synopsis = "Sends objects to the host as a string instead of displaying them."
    console = False
    parameters = (
        Parameter("Stream", SWITCH),
        Parameter("Width", IntType()),
        Parameter("InputObject", OBJECT, from_pipeline=True),
    )

    def begin(self) -> None:
        self.p_width: Optional[int] = None
        self.stream = False
        super().begin()

    def width(self) -> int:
        # Out-String lays out at the host's buffer width less one, as the console would;
        # console=False means OutDefault does not take the column off a second time.
        return self.host.width - 1

    def process(self, p: Any) -> None:
        if p.Width:
            from ..format.out_default import OutDefault
            if not self.lines and self.p_width is None:
                self.p_width = p.Width
                self.formatter = OutDefault(p.Width, self.context.dialect.name, console=False)
        self.stream = bool(p.Stream)
        if p.bound("InputObject"):
            self.feed(p.InputObject)
            if self.stream:
                self._emit_stream()

    def _emit_stream(self) -> None:
        for line in self.lines:
            self.write_object(line)
        self.lines = []

    def end(self) -> None:
        self.finish()
        if self.stream:
            self._emit_stream()
        else:
            self.write_object("\n".join(self.lines) + ("\n" if self.lines else ""))


class OutHost(_OutCmdlet):
    """Send output straight to the console."""

    name = "Out-Host"
    aliases = ("oh",)
    dotnet_class = _FMT + "OutHostCommand"
    synopsis = "Sends output to the command line."
    parameters = (
        Parameter("Paging", SWITCH),
        Parameter("InputObject", OBJECT, from_pipeline=True),
    )

    def take(self, lines: List[str]) -> None:
        self.host.write_lines(lines)

    def process(self, p: Any) -> None:
        if p.bound("InputObject"):
            self.feed(p.InputObject)

    def end(self) -> None:
        self.finish()


class OutDefaultCmdlet(OutHost):
    """What the shell runs at the end of every pipeline; callable by name too."""

    name = "Out-Default"
    aliases = ()
    dotnet_class = _FMT + "OutDefaultCommand"
    synopsis = "Sends output to the default formatter and the default output cmdlet."
    parameters = (Parameter("InputObject", OBJECT, from_pipeline=True),)


class OutNull(Cmdlet):
    """Discard the input."""

    name = "Out-Null"
    dotnet_class = _FMT + "OutNullCommand"
    synopsis = "Deletes output instead of sending it down the pipeline."
    parameters = (Parameter("InputObject", OBJECT, from_pipeline=True),)
