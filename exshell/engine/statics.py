"""Static members of .NET types that need the session: ``[System.IO.File]::ReadAllBytes()``
reads the emulated drive, ``[DateTime]::Now`` the emulated clock.

A module registers a handler for a full type name in :data:`STATICS`::

    def file_static(context, name, args):   # args: None for a property, else a list
        ...
    STATICS.register("System.IO.File", file_static)

or, when the module is imported lazily, declares it
(``STATICS.add_lazy("exshell.cmdlets.filesystem", ("System.IO.File",))``).  Each
context reads the registry through :class:`StaticMembers`, which hands the handler
the context; every other type's static members are
:func:`exshell.engine.dotnet.static_member`'s.

Imports nothing but the standard library.
"""
from __future__ import annotations

import importlib
from typing import Any, Callable, Dict, Iterable, List, Optional

__all__ = ["StaticHandler", "StaticRegistry", "StaticMembers", "STATICS", "add_index",
           "load_indexes"]

#: Index modules not imported yet (see add_index).
_INDEXES: List[str] = []


def add_index(module: str) -> None:
    """``module`` declares what the engine's registries hold -- the commands, providers,
    static members and .NET types of the lazily loaded families (``exshell.cmdlets``):
    it is imported the first time any of those registries is asked for something it
    does not hold, so a shell that has only shown its prompt has imported no family."""
    if module not in _INDEXES:
        _INDEXES.append(module)


def load_indexes() -> bool:
    """Import the index modules not imported yet; True if there were any."""
    if not _INDEXES:
        return False
    while _INDEXES:
        importlib.import_module(_INDEXES.pop(0))
    return True

#: handler(context, member name, arguments or None) -> value; raises MethodError.
StaticHandler = Callable[[Any, str, Optional[List[Any]]], Any]


class StaticRegistry:
    """Full .NET type name -> handler; lazy modules are imported on first use."""

    def __init__(self) -> None:
        self._handlers: Dict[str, StaticHandler] = {}
        self._lazy: Dict[str, str] = {}

    def register(self, type_name: str, handler: StaticHandler) -> None:
        """Handle ``[type_name]::Member`` (the full .NET name, as resolve_type gives it)."""
        self._handlers[type_name] = handler

    def remove(self, type_name: str) -> None:
        self._handlers.pop(type_name, None)

    def add_lazy(self, module: str, type_names: Iterable[str]) -> None:
        for name in type_names:
            self._lazy[name] = module

    def handler(self, type_name: str) -> Optional[StaticHandler]:
        if type_name not in self._handlers and _INDEXES:
            load_indexes()
        if type_name not in self._handlers and type_name in self._lazy:
            importlib.import_module(self._lazy.pop(type_name))
        return self._handlers.get(type_name)


#: The handlers every session has.
STATICS = StaticRegistry()


class StaticMembers:
    """One context's view of the registry, in the shape ``static_member`` reads:
    ``get(full_name)`` -> ``hook(full_name, member, args)`` or None."""

    def __init__(self, context: Any, registry: StaticRegistry = STATICS,
                 excluded: Iterable[str] = ()):
        self.context = context
        self.registry = registry
        self.excluded = frozenset(excluded)

    def without(self, type_name: str) -> "StaticMembers":
        """This view minus ``type_name``'s handler (a handler that falls back to the
        built-in members of its own type)."""
        return StaticMembers(self.context, self.registry, self.excluded | {type_name})

    def get(self, type_name: str, default: Any = None) -> Any:
        if type_name in self.excluded:
            return default
        handler = self.registry.handler(type_name)
        if handler is None:
            return default
        context = self.context
        return lambda full, name, args: handler(context, name, args)
