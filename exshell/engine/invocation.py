"""``$MyInvocation`` and the command objects it names.

A script run with ``-File`` (or by path) and every function call get an
:class:`Invocation` in their scope: what was invoked (``MyCommand``: an
:class:`ExternalScriptInfo` with ``Path`` for a script, the function's FunctionInfo
for a function), and where it was called from (``ScriptName``, ``ScriptLineNumber``,
``Line``, ``PSScriptRoot``, ``PSCommandPath``).  Scripts use ``$MyInvocation.MyCommand.Path``
(2.0) or ``$PSScriptRoot`` (3.0+) to find files beside themselves.

Imports only the syntax tree's Span.
"""
from __future__ import annotations

from typing import Any, List, Optional

from ..lang.ast import Span

__all__ = ["ExternalScriptInfo", "Invocation", "script_root"]


def script_root(path: Optional[str]) -> str:
    """The folder a script is in (``$PSScriptRoot``), from a Windows or a POSIX path."""
    if not path:
        return ""
    cut = max(path.rfind("\\"), path.rfind("/"))
    if cut < 0:
        return ""
    root = path[:cut]
    return root + "\\" if root.endswith(":") else root


class ExternalScriptInfo:
    """``$MyInvocation.MyCommand`` of a script file."""

    PS_TYPE_NAMES = ("System.Management.Automation.ExternalScriptInfo",
                     "System.Management.Automation.CommandInfo", "System.Object")
    PS_PROPERTIES = ("Path", "Definition", "Source", "ScriptBlock", "ScriptContents", "Name",
                     "CommandType", "Version", "Visibility", "ModuleName", "Module")

    def __init__(self, path: str, source: str = ""):
        self.Path = path
        self.Definition = path
        self.Source = path
        self.ScriptContents = source
        self.ScriptBlock = source
        cut = max(path.rfind("\\"), path.rfind("/"))
        self.Name = path[cut + 1:]
        self.CommandType = "ExternalScript"
        self.Version = None
        self.Visibility = "Public"
        self.ModuleName = ""
        self.Module = None

    def __str__(self) -> str:
        return self.Name


class Invocation:
    """``$MyInvocation``: what ran and where it was called from."""

    PS_TYPE_NAMES = ("System.Management.Automation.InvocationInfo", "System.Object")
    PS_PROPERTIES = ("MyCommand", "BoundParameters", "UnboundArguments", "ScriptLineNumber",
                     "OffsetInLine", "HistoryId", "ScriptName", "Line", "PositionMessage",
                     "PSScriptRoot", "PSCommandPath", "InvocationName", "PipelineLength",
                     "PipelinePosition", "ExpectingInput", "CommandOrigin", "DisplayScriptPosition")

    def __init__(self, command: Any, invocation_name: str, caller_file: Optional[str],
                 caller_source: str = "", span: Optional[Span] = None,
                 bound: Any = None, unbound: Optional[List[Any]] = None):
        self.MyCommand = command
        self.InvocationName = invocation_name
        self.ScriptName = caller_file or ""
        self.PSCommandPath = caller_file or ""
        self.PSScriptRoot = script_root(caller_file)
        self.ScriptLineNumber = span.line if span else 0
        self.OffsetInLine = span.column if span else 0
        self.Line = _line_of(caller_source, span)
        self.BoundParameters = bound
        self.UnboundArguments = list(unbound or [])
        self.HistoryId = 1
        self.PipelineLength = 1 if span else 0
        self.PipelinePosition = 1 if span else 0
        self.ExpectingInput = False
        self.CommandOrigin = "Runspace" if not caller_file else "Internal"
        self.DisplayScriptPosition = None

    @property
    def PositionMessage(self) -> str:
        if not self.ScriptLineNumber:
            return ""
        return "At %s:%d char:%d" % (self.ScriptName or "line", self.ScriptLineNumber,
                                     self.OffsetInLine)


def _line_of(source: str, span: Optional[Span]) -> str:
    if not span or not source:
        return ""
    start = source.rfind("\n", 0, span.start) + 1
    end = source.find("\n", span.start)
    return source[start:] if end < 0 else source[start:end]
