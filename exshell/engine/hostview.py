"""``$Host``: the console host as scripts see it (PSHost / InternalHost).

What admin scripts reach through it: ``$Host.Name`` ('ConsoleHost'), ``$Host.Version``,
``$Host.UI.RawUI.WindowTitle`` (read and set), the console colours and sizes
(``BufferSize.Width``), ``$Host.UI.WriteLine()`` and its siblings, ``ReadLine()`` and
``PromptForChoice()`` with ``ChoiceDescription`` objects.  The writes go to the host
the session runs on, as Write-Host's do; a prompt under ``-NonInteractive`` fails as
PowerShell's does.

Imports the engine's own modules only.
"""
from __future__ import annotations

from typing import Any, List

from .conversion import to_int, to_string
from .host import Choice, HostUnavailable
from .nettypes import NetCountError, NetError, NetType, register
from .properties import type_names

__all__ = ["HostView", "ChoiceDescription"]

_SMA = "System.Management.Automation."
_HOST = _SMA + "Host."
#: The instance id of the console host (a fixed value: sessions are reproducible).
_INSTANCE_ID = "5f3e1a0c-8e4b-4d2a-9c57-0b6f2d9e4a13"
#: The console's colours as powershell.exe's shortcut sets them.
_FOREGROUND, _BACKGROUND = "DarkYellow", "DarkMagenta"


class _Size:
    PS_TYPE_NAMES = (_HOST + "Size", "System.ValueType", "System.Object")
    PS_PROPERTIES = ("Width", "Height")
    PS_SETTABLE = ("Width", "Height")

    def __init__(self, width: int, height: int):
        self.Width, self.Height = width, height

    def __str__(self) -> str:
        return "%d,%d" % (self.Width, self.Height)


class _Coordinates:
    PS_TYPE_NAMES = (_HOST + "Coordinates", "System.ValueType", "System.Object")
    PS_PROPERTIES = ("X", "Y")
    PS_SETTABLE = ("X", "Y")

    def __init__(self, x: int = 0, y: int = 0):
        self.X, self.Y = x, y

    def __str__(self) -> str:
        return "%d,%d" % (self.X, self.Y)


class _RawUI:
    """``$Host.UI.RawUI``: the console window (title and colours can be set)."""

    PS_TYPE_NAMES = (_SMA + "Internal.Host.InternalHostRawUserInterface",
                     _HOST + "PSHostRawUserInterface", "System.Object")
    PS_PROPERTIES = ("ForegroundColor", "BackgroundColor", "CursorPosition", "WindowPosition",
                     "CursorSize", "BufferSize", "WindowSize", "MaxWindowSize",
                     "MaxPhysicalWindowSize", "KeyAvailable", "WindowTitle")
    PS_SETTABLE = ("ForegroundColor", "BackgroundColor", "WindowTitle", "CursorSize",
                   "CursorPosition", "WindowPosition", "BufferSize", "WindowSize")

    def __init__(self, host: Any, title: str):
        width = max(int(getattr(host, "width", 120) or 120), 1)
        self.ForegroundColor = _FOREGROUND
        self.BackgroundColor = _BACKGROUND
        self.CursorPosition = _Coordinates()
        self.WindowPosition = _Coordinates()
        self.CursorSize = 25
        self.BufferSize = _Size(width, 3000)
        self.WindowSize = _Size(width, 50)
        self.MaxWindowSize = _Size(width, 50)
        self.MaxPhysicalWindowSize = _Size(width, 50)
        self.KeyAvailable = False
        self._title = title

    @property
    def WindowTitle(self) -> str:
        return self._title

    @WindowTitle.setter
    def WindowTitle(self, value: Any) -> None:
        self._title = to_string(value)

    def ps_method_FlushInputBuffer(self) -> None:
        return None

    def __str__(self) -> str:
        return _SMA + "Internal.Host.InternalHostRawUserInterface"


class ChoiceDescription:
    """``New-Object System.Management.Automation.Host.ChoiceDescription '&Yes', 'help'``."""

    PS_TYPE_NAMES = (_HOST + "ChoiceDescription", "System.Object")
    PS_PROPERTIES = ("Label", "HelpMessage")
    PS_SETTABLE = ("HelpMessage",)

    def __init__(self, label: str, help_message: str = ""):
        self.Label = label
        self.HelpMessage = help_message

    def __str__(self) -> str:
        return _HOST + "ChoiceDescription"


def _choice_construct(args: List[Any]) -> ChoiceDescription:
    if len(args) not in (1, 2):
        raise NetCountError("new", len(args))
    label = to_string(args[0])
    if not label.strip():
        raise NetError("System.Management.Automation.PSArgumentException",
                       "Cannot process argument because the value of argument \"label\" is "
                       "not valid. Change the value of the \"label\" argument and run the "
                       "operation again.")
    return ChoiceDescription(label, to_string(args[1]) if len(args) > 1 else "")


register(NetType(_HOST + "ChoiceDescription", construct=_choice_construct,
                 instance_of=lambda v: isinstance(v, ChoiceDescription)))


def _unavailable(e: HostUnavailable) -> NetError:
    return NetError(_SMA + "PSInvalidOperationException", e.message)


class _HostUI:
    """``$Host.UI``: writing to the console and asking the user."""

    PS_TYPE_NAMES = (_SMA + "Internal.Host.InternalHostUserInterface",
                     _HOST + "PSHostUserInterface", "System.Object")
    PS_PROPERTIES = ("RawUI",)

    def __init__(self, host: Any, title: str):
        self._host = host
        self.RawUI = _RawUI(host, title)

    def ps_method_Write(self, *args: Any) -> None:
        # Write(value) or Write(foregroundColor, backgroundColor, value)
        if len(args) not in (1, 3):
            raise NetCountError("Write", len(args))
        fg, bg = (to_string(args[0]), to_string(args[1])) if len(args) == 3 else (None, None)
        self._host.write(to_string(args[-1]), "output", fg, bg)

    def ps_method_WriteLine(self, *args: Any) -> None:
        if len(args) not in (0, 1, 3):
            raise NetCountError("WriteLine", len(args))
        fg, bg = (to_string(args[0]), to_string(args[1])) if len(args) == 3 else (None, None)
        self._host.write((to_string(args[-1]) if args else "") + "\n", "output", fg, bg)

    def ps_method_WriteErrorLine(self, value: Any) -> None:
        self._host.write_line(to_string(value), "error", fg="Red")

    def ps_method_WriteWarningLine(self, value: Any) -> None:
        self._host.write_warning(to_string(value))

    def ps_method_WriteVerboseLine(self, value: Any) -> None:
        self._host.write_verbose(to_string(value))

    def ps_method_WriteDebugLine(self, value: Any) -> None:
        self._host.write_debug(to_string(value))

    def ps_method_ReadLine(self) -> str:
        try:
            return self._host.ask("")
        except HostUnavailable as e:
            raise _unavailable(e)

    def ps_method_PromptForChoice(self, caption: Any, message: Any, choices: Any,
                                  defaultChoice: Any) -> int:
        items = list(choices) if isinstance(choices, (list, tuple)) else [choices]
        options: List[Choice] = []
        for item in items:
            if not isinstance(item, ChoiceDescription):
                raise NetError("System.ArgumentException",
                               "Cannot convert the \"%s\" value of type \"%s\" to type \"%s\"."
                               % (to_string(item), type_names(item)[0] if item is not None
                                  else "null", _HOST + "ChoiceDescription"))
            options.append(Choice(item.Label, item.HelpMessage))
        if not options:
            raise NetError("System.Management.Automation.PSArgumentException",
                           "Cannot process argument because the value of argument \"choices\" "
                           "is not valid. Change the value of the \"choices\" argument and run "
                           "the operation again.")
        default = to_int(defaultChoice) if defaultChoice is not None else -1
        if default >= len(options) or default < -1:
            raise NetError("System.Management.Automation.PSArgumentOutOfRangeException",
                           "Cannot process argument because the value of argument "
                           "\"defaultChoice\" is out of range. Change the value of the "
                           "\"defaultChoice\" argument and run the operation again.")
        try:
            return self._host.prompt_for_choice(to_string(caption), to_string(message),
                                                options, default)
        except HostUnavailable as e:
            raise _unavailable(e)

    def __str__(self) -> str:
        return _SMA + "Internal.Host.InternalHostUserInterface"


class HostView:
    """``$Host``: ConsoleHost, the dialect's version, the console's UI."""

    PS_TYPE_NAMES = (_SMA + "Internal.Host.InternalHost", _HOST + "PSHost", "System.Object")
    PS_PROPERTIES = ("Name", "Version", "InstanceId", "UI", "CurrentCulture", "CurrentUICulture",
                     "PrivateData", "IsRunspacePushed", "Runspace")

    def __init__(self, host: Any, version: Any, title: str):
        self._host = host
        self.Name = "ConsoleHost"
        self.Version = version
        self.InstanceId = _INSTANCE_ID
        self.UI = _HostUI(host, title)
        self.CurrentCulture = "en-US"
        self.CurrentUICulture = "en-US"
        self.PrivateData = "Microsoft.PowerShell.ConsoleHost+ConsoleColorProxy"
        self.IsRunspacePushed = False
        self.Runspace = _SMA + "Runspaces.LocalRunspace"

    def ps_method_EnterNestedPrompt(self) -> None:
        raise NetError("System.NotImplementedException",
                       "The method or operation is not implemented.")

    def ps_method_ExitNestedPrompt(self) -> None:
        return None

    def ps_method_NotifyBeginApplication(self) -> None:
        return None

    def ps_method_NotifyEndApplication(self) -> None:
        return None

    def ps_method_SetShouldExit(self, exitCode: Any) -> None:
        return None

    def __str__(self) -> str:
        return _SMA + "Internal.Host.InternalHost"
