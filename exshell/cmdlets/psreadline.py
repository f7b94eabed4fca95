"""PSReadLine's cmdlets: Get-PSReadLineOption, Set-PSReadLineOption,
Get-PSReadLineKeyHandler.

They exist where the version's Windows Server runs PSReadLine (2016, 2019: the
profile's console).  They show and change the objects the console itself uses
(:mod:`exshell.engine.psreadline`): the key table the REPL binds from, and the
options it reads -- the history search, the continuation prompt, the colours and
the greyed prediction (``-PredictionSource History``).
"""
from __future__ import annotations

import enum
import re
from typing import Any, Dict

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import OBJECT, SWITCH, EnumType, IntType, ListOf, StringType, to_string
from ..engine.parameters import Parameter
from ..engine.psreadline import (COLOR_NAMES, GROUPS, KEY_HANDLERS, PREDICTION_SOURCES,
                                 PSReadLineOptions)
from ..format.views import ListView, TableColumn, TableView, register_list_view, register_table_view
from ..profiles import CONSOLE_PSREADLINE

__all__ = ["GetPSReadLineOption", "SetPSReadLineOption", "GetPSReadLineKeyHandler",
           "options_of", "psreadline_console", "color_text", "COLOR_KEYS"]

_NS = "Microsoft.PowerShell."


def psreadline_console(profile: Any) -> bool:
    """The version's Windows Server runs PSReadLine (its module and cmdlets are there)."""
    return profile.console == CONSOLE_PSREADLINE


def options_of(context: Any) -> PSReadLineOptions:
    """The console's options (the REPL registers its own; a script gets a fresh set)."""
    found = context.find(PSReadLineOptions)
    if found is None:
        found = context.register(PSReadLineOptions())
    return found


def color_text(value: str) -> str:
    """How Get-PSReadLineOption shows a colour: the escape sequence, spelled out."""
    return '"%s"' % value.replace("\x1b", "$([char]0x1b)")


#: -Colors keys -> the option they set ("Default" is DefaultTokenColor).
COLOR_KEYS = {name[:-len("Color")]: name for name, _ in COLOR_NAMES}
COLOR_KEYS["Default"] = "DefaultTokenColor"
_CONSOLE_COLORS = {"Black": 30, "DarkBlue": 34, "DarkGreen": 32, "DarkCyan": 36, "DarkRed": 31,
                   "DarkMagenta": 35, "DarkYellow": 33, "Gray": 37, "DarkGray": 90, "Blue": 94,
                   "Green": 92, "Cyan": 96, "Red": 91, "Magenta": 95, "Yellow": 93, "White": 97}
_ESCAPE = re.compile(r"^\x1b\[[0-9;]*m$")


class _PSReadLineEnum(enum.Enum):
    """PSReadLine's enums: parsed by name, any case; shown by name."""

    @classmethod
    def parse(cls, value: Any) -> "_PSReadLineEnum":
        text = to_string(value).strip()
        for member in cls:
            if member.name.casefold() == text.casefold():
                return member
        raise ValueError(text)

    def __str__(self) -> str:
        return self.name


EditMode = _PSReadLineEnum("EditMode", "Windows Emacs Vi")
EditMode.DOTNET_NAME = _NS + "EditMode"
BellStyle = _PSReadLineEnum("BellStyle", "None Visual Audible")
BellStyle.DOTNET_NAME = _NS + "BellStyle"
HistorySaveStyle = _PSReadLineEnum("HistorySaveStyle", "SaveIncrementally SaveAtExit SaveNothing")
HistorySaveStyle.DOTNET_NAME = _NS + "HistorySaveStyle"
PredictionSource = _PSReadLineEnum("PredictionSource", " ".join(PREDICTION_SOURCES))
PredictionSource.DOTNET_NAME = _NS + "PredictionSource"


def _enum(cls: Any) -> EnumType:
    return EnumType(cls, cls.DOTNET_NAME, names=lambda: [m.name for m in cls])


class _Options:
    """What Get-PSReadLineOption writes: the option values, colours as text."""

    PS_TYPE_NAMES = ("Microsoft.PowerShell.PSConsoleReadLineOptions", "System.Object")

    def __init__(self, options: PSReadLineOptions) -> None:
        names = ["EditMode", "AddToHistoryHandler", "HistoryNoDuplicates", "HistorySavePath",
                 "HistorySaveStyle", "HistorySearchCaseSensitive", "HistorySearchCursorMovesToEnd",
                 "MaximumHistoryCount", "ContinuationPrompt", "ExtraPromptLineCount", "PromptText",
                 "BellStyle", "DingDuration", "DingTone", "CompletionQueryItems",
                 "MaximumKillRingCount", "ShowToolTips", "ViModeIndicator", "WordDelimiters",
                 "PredictionSource"]
        for name in names:
            setattr(self, name, getattr(options, name))
        for name, _ in COLOR_NAMES:
            setattr(self, name, color_text(options.colors[name]))
        self.PS_PROPERTIES = tuple(names + [n for n, _ in COLOR_NAMES])


register_list_view(_NS + "PSConsoleReadLineOptions", ListView(
    ["EditMode", "AddToHistoryHandler", "HistoryNoDuplicates", "HistorySavePath",
     "HistorySaveStyle", "HistorySearchCaseSensitive", "HistorySearchCursorMovesToEnd",
     "MaximumHistoryCount", "ContinuationPrompt", "ExtraPromptLineCount", "PromptText",
     "BellStyle", "DingDuration", "DingTone", "CompletionQueryItems", "MaximumKillRingCount",
     "ShowToolTips", "ViModeIndicator", "WordDelimiters", "PredictionSource"]
    + [n for n, _ in COLOR_NAMES]))


def _group_header(handler: Any) -> str:
    text = dict(GROUPS)[handler.Group]
    return "%s\n%s" % (text, "=" * len(text))


# PSReadLine.format.ps1xml: grouped by Group under an underlined heading; long
# descriptions wrap.
register_table_view(_NS + "KeyHandler", TableView(
    [TableColumn("Key", "Key"), TableColumn("Function", "Function"),
     TableColumn("Description", "Description")],
    group_by=("Group", _group_header), group_header="{value}", wrap=True))


class GetPSReadLineOption(Cmdlet):
    name = "Get-PSReadLineOption"
    dotnet_class = _NS + "GetPSReadLineOption"
    synopsis = "Gets the PSReadLine options."
    available = psreadline_console

    def process(self, p: Any) -> None:
        self.write_object(_Options(options_of(self.context)))


class SetPSReadLineOption(Cmdlet):
    name = "Set-PSReadLineOption"
    dotnet_class = _NS + "SetPSReadLineOption"
    synopsis = "Customizes the behavior of command line editing in PSReadLine."
    available = psreadline_console
    parameters = (
        Parameter("EditMode", _enum(EditMode)),
        Parameter("ContinuationPrompt", StringType()),
        Parameter("HistoryNoDuplicates", SWITCH),
        Parameter("AddToHistoryHandler", OBJECT),
        Parameter("HistorySearchCursorMovesToEnd", SWITCH),
        Parameter("MaximumHistoryCount", IntType()),
        Parameter("MaximumKillRingCount", IntType()),
        Parameter("ShowToolTips", SWITCH),
        Parameter("ExtraPromptLineCount", IntType()),
        Parameter("DingTone", IntType()),
        Parameter("DingDuration", IntType()),
        Parameter("BellStyle", _enum(BellStyle)),
        Parameter("CompletionQueryItems", IntType()),
        Parameter("WordDelimiters", StringType()),
        Parameter("HistorySearchCaseSensitive", SWITCH),
        Parameter("HistorySaveStyle", _enum(HistorySaveStyle)),
        Parameter("HistorySavePath", StringType()),
        Parameter("PromptText", StringType()),
        Parameter("PredictionSource", _enum(PredictionSource)),
        Parameter("Colors", OBJECT),
    )

    def process(self, p: Any) -> None:
        options = options_of(self.context)
        colors = self._colors(p.Colors) if p.bound("Colors") else {}
        for param in self.parameters:
            if param.name == "Colors" or not p.bound(param.name):
                continue
            value = p.get(param.name)
            if param.is_switch:
                value = bool(value)
            elif isinstance(value, _PSReadLineEnum):
                value = value.name          # the options keep names (the console compares them)
            setattr(options, param.name, value)
        options.colors.update(colors)

    def _colors(self, table: Any) -> Dict[str, str]:
        if not isinstance(table, dict):
            self.throw_terminating(self.error_record(
                "Cannot convert the \"%s\" value of type \"%s\" to type \"System.Collections.Hashtable\"."
                % (to_string(table), type(table).__name__), "InvalidArgument", "InvalidArgument",
                exception_type="System.Management.Automation.PSInvalidCastException"))
        out: Dict[str, str] = {}
        for key, value in table.items():
            name = next((v for k, v in COLOR_KEYS.items() if k.casefold() == str(key).casefold()),
                        None)
            if name is None:
                self.throw_terminating(self.error_record(
                    "'%s' is not a valid color property" % key, "InvalidArgument", "InvalidArgument",
                    exception_type="System.ArgumentException"))
            text = to_string(value)
            named = next((c for c in _CONSOLE_COLORS if c.casefold() == text.casefold()), None)
            if named is not None:
                text = "\x1b[%dm" % _CONSOLE_COLORS[named]
            elif not _ESCAPE.match(text):
                self.throw_terminating(self.error_record(
                    "'%s' is not a valid color value.  It must be a ConsoleColor, ANSI escape "
                    "sequence, or RGB value with optional leading '#'." % text, "InvalidArgument",
                    "InvalidArgument", exception_type="System.ArgumentException"))
            out[name] = text
        return out


class GetPSReadLineKeyHandler(Cmdlet):
    name = "Get-PSReadLineKeyHandler"
    dotnet_class = _NS + "GetKeyHandlerCommand"
    synopsis = "Gets the key bindings for the PSReadLine module."
    available = psreadline_console
    parameters = (
        Parameter("Bound", SWITCH),
        Parameter("Unbound", SWITCH),
        Parameter("Chord", ListOf(StringType()), position=0),
    )

    def process(self, p: Any) -> None:
        if p.Unbound and not p.Bound:
            return          # every function exshell implements is bound
        handlers = list(KEY_HANDLERS)
        if p.Chord:
            wanted = {c.casefold().replace(" ", "") for c in p.Chord}
            handlers = [h for h in handlers if h.Key.casefold() in wanted]
        order = [g for g, _ in GROUPS]
        handlers.sort(key=lambda h: (order.index(h.Group), h.Function.casefold()))
        for handler in handlers:
            self.write_object(handler)
