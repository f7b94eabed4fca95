"""``$ExecutionContext`` (EngineIntrinsics) and ``[scriptblock]::Create()``.

What scripts reach through ``$ExecutionContext``:

* ``InvokeCommand.ExpandString(text)``, ``NewScriptBlock(text)``, ``InvokeScript(text)``,
  ``GetCommand(name, type)``;
* ``SessionState.Path.CurrentLocation`` / ``CurrentFileSystemLocation``,
  ``GetUnresolvedProviderPathFromPSPath(path)``, ``SessionState.PSVariable.Get/GetValue/Set``,
  ``SessionState.LanguageMode``;
* ``Host``: the same object as ``$Host``.

Each object answers from the running evaluator, so it reflects the current scope.
Imports the engine's own modules only.
"""
from __future__ import annotations

from typing import Any, List, Optional

from .statics import STATICS

__all__ = ["EngineIntrinsics", "new_script_block"]

_SMA = "System.Management.Automation."


def new_script_block(evaluator: Any, text: Any) -> Any:
    """A script block from source text (a ParseError for text that does not parse)."""
    from ..lang import ast as A
    from ..lang import parse
    from .conversion import to_string
    source = to_string(text)
    script = parse(source)
    node = A.ScriptBlockExpr(script.span, script.statements, script.param_block, script.blocks,
                             script.source)
    return evaluator.make_script_block(node, source)


def _parse_failed(error: Exception, name: str, count: int) -> Exception:
    from .dotnet import method_threw
    message = str(getattr(error, "message", "") or error).splitlines()[0] if str(error) else ""
    return method_threw(name, count, _SMA + "ParseException", message)


class _PathInfo:
    PS_TYPE_NAMES = (_SMA + "PathInfo", "System.Object")
    PS_PROPERTIES = ("Drive", "Provider", "ProviderPath", "Path")

    def __init__(self, path: str):
        self.Path = path
        self.ProviderPath = path
        self.Drive = path[:1] if len(path) > 1 and path[1] == ":" else ""
        self.Provider = "Microsoft.PowerShell.Core\\FileSystem"

    def __str__(self) -> str:
        return self.Path


class _PathIntrinsics:
    PS_TYPE_NAMES = (_SMA + "PathIntrinsics", "System.Object")
    PS_PROPERTIES = ("CurrentLocation", "CurrentFileSystemLocation")

    def __init__(self, evaluator: Any):
        self._ev = evaluator

    @property
    def CurrentLocation(self) -> _PathInfo:
        return _PathInfo(self._ev.context.location)

    CurrentFileSystemLocation = CurrentLocation

    def ps_method_GetUnresolvedProviderPathFromPSPath(self, path: Any = "") -> str:
        from .conversion import to_string
        text = to_string(path)
        if len(text) > 1 and text[1] == ":" or text.startswith("\\\\"):
            return text
        base = self._ev.context.location.rstrip("\\")
        parts = base.split("\\")
        for piece in text.replace("/", "\\").split("\\"):
            if piece in ("", "."):
                continue
            if piece == "..":
                if len(parts) > 1:
                    parts.pop()
                continue
            parts.append(piece)
        return "\\".join(parts) if len(parts) > 1 else parts[0] + "\\"

    def ps_method_IsValid(self, path: Any = "") -> bool:
        return bool(path)


class _VariableIntrinsics:
    PS_TYPE_NAMES = (_SMA + "PSVariableIntrinsics", "System.Object")
    PS_PROPERTIES = ()

    def __init__(self, evaluator: Any):
        self._ev = evaluator

    def ps_method_GetValue(self, name: Any = "", default: Any = None) -> Any:
        from .conversion import to_string
        entry = self._ev.scope.find(to_string(name))
        return entry[1] if entry is not None else default

    def ps_method_Get(self, name: Any = "") -> Any:
        from .conversion import to_string
        from .properties import PSObject
        entry = self._ev.scope.find(to_string(name))
        if entry is None:
            return None
        return PSObject([("Name", entry[0]), ("Value", entry[1])],
                        (_SMA + "PSVariable", "System.Object"))

    def ps_method_Set(self, name: Any = "", value: Any = None) -> None:
        from .conversion import to_string
        self._ev.scope.set_local(to_string(name), value)

    def ps_method_Remove(self, name: Any = "") -> None:
        from .conversion import to_string
        self._ev.scope.remove(to_string(name))


class _SessionState:
    PS_TYPE_NAMES = (_SMA + "SessionState", "System.Object")
    PS_PROPERTIES = ("Path", "PSVariable", "LanguageMode", "Module", "UseFullLanguageModeInDebugger")

    def __init__(self, evaluator: Any):
        self.Path = _PathIntrinsics(evaluator)
        self.PSVariable = _VariableIntrinsics(evaluator)
        self.LanguageMode = "FullLanguage"
        self.Module = None
        self.UseFullLanguageModeInDebugger = False


class _CommandIntrinsics:
    PS_TYPE_NAMES = (_SMA + "CommandInvocationIntrinsics", "System.Object")
    PS_PROPERTIES = ("HasErrors",)
    HasErrors = False

    def __init__(self, evaluator: Any):
        self._ev = evaluator

    def ps_method_ExpandString(self, text: Any = "") -> str:
        from ..lang import ast as A
        from ..lang import parse
        from .conversion import to_string
        source = '"' + to_string(text).replace('"', '`"') + '"'
        try:
            script = parse(source)
        except Exception as e:  # noqa: BLE001 - a ParseError
            raise _parse_failed(e, "ExpandString", 1)
        statement = script.statements[0] if script.statements else None
        node = statement.elements[0].expression if isinstance(statement, A.Pipeline) else statement
        return to_string(self._ev.eval(node))

    def ps_method_NewScriptBlock(self, text: Any = "") -> Any:
        try:
            return new_script_block(self._ev, text)
        except Exception as e:  # noqa: BLE001 - a ParseError
            raise _parse_failed(e, "NewScriptBlock", 1)

    def ps_method_InvokeScript(self, text: Any = "", *args: Any) -> List[Any]:
        block = self.ps_method_NewScriptBlock(text)
        out: List[Any] = []
        self._ev.invoke_block(block, out.append, args=list(args), new_scope=False)
        return out

    def ps_method_GetCommand(self, name: Any = "", command_type: Any = None) -> Any:
        from .conversion import to_string
        text = to_string(name)
        function = self._ev.session.functions.get(text.casefold())
        if function is not None:
            return function
        cls = self._ev.context.commands.lookup(text)
        return cls.name if cls is not None else None


class EngineIntrinsics:
    """``$ExecutionContext``."""

    PS_TYPE_NAMES = (_SMA + "EngineIntrinsics", "System.Object")
    PS_PROPERTIES = ("Host", "Events", "InvokeProvider", "SessionState", "InvokeCommand")

    def __init__(self, evaluator: Any):
        self._ev = evaluator
        self.Events = None
        self.InvokeProvider = None
        self.SessionState = _SessionState(evaluator)
        self.InvokeCommand = _CommandIntrinsics(evaluator)

    @property
    def Host(self) -> Any:
        return self._ev.host_view()

    def __str__(self) -> str:
        return _SMA + "EngineIntrinsics"


def _script_block_static(context: Any, name: str, args: Optional[List[Any]]) -> Any:
    """``[scriptblock]::Create(text)``."""
    from .dotnet import TypeInfo, static_member
    if args is not None and name.casefold() == "create":
        from .dotnet import overload_not_found
        if len(args) != 1:
            raise overload_not_found(name, len(args))
        try:
            return new_script_block(context.evaluator, args[0])
        except Exception as e:  # noqa: BLE001 - a ParseError
            raise _parse_failed(e, "Create", 1)
    return static_member(TypeInfo(_SMA + "ScriptBlock"), name, args,
                         context.statics.without(_SMA + "ScriptBlock"))


STATICS.register(_SMA + "ScriptBlock", _script_block_static)
