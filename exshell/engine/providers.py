"""Providers and drives: how a path reaches the items behind it.

PowerShell routes every path through a *provider*: ``C:\\x`` and ``\\\\fs01\\share``
to FileSystem, ``Cert:\\LocalMachine\\My`` to Certificate.  The navigation cmdlets
(Set-Location, Get-ChildItem, Get-Item, Test-Path, Remove-Item, Get-PSDrive) only
speak to :class:`Provider`; a new provider is one class, registered once, and those
cmdlets work on its drive.

* A provider class registers itself in :data:`PROVIDERS` (the global registry), or a
  lazy module declares its provider names there so nothing is imported at start-up
  (``PROVIDERS.add_lazy("exshell.cmdlets.filesystem", ("FileSystem",))``).
* Each :class:`~exshell.engine.context.ExecutionContext` has a :class:`ProviderTable`
  that builds its providers on first use (``cls(context)``) and routes paths:
  ``Name::path`` by provider name, ``X:`` by the provider that has drive ``X``,
  ``\\\\server`` to the provider that claims UNC paths, a relative path to the
  provider of the current location; a drive nobody has goes to the default
  provider (FileSystem), which reports the path as Windows PowerShell does.

Failures are OSErrors with a ``kind`` (``DriveNotFound``, ``PathNotFound``...), as
the file-system drive raises them; the cmdlets turn them into error records.

Imports nothing but the standard library.
"""
from __future__ import annotations

import importlib
from typing import Any, Dict, Iterable, List, Optional, Tuple, Type

from ..structs import LazyPattern, Struct
from .statics import load_indexes

__all__ = ["Provider", "DriveInfo", "ProviderError", "ProviderRegistry", "ProviderTable",
           "PROVIDERS"]


class ProviderError(OSError):
    """A path no provider can take (``kind`` as the drive's errors have it)."""

    def __init__(self, kind: str, path: str, detail: str = ""):
        super().__init__("%s: %s" % (kind, path))
        self.kind = kind
        self.path = path
        self.detail = detail


class DriveInfo(Struct, frozen=True):
    """One row of Get-PSDrive."""

    name: str
    provider: str
    root: str
    current_location: str = ""
    description: str = ""


class Provider:
    """Base class of a provider: the items of some drives.

    ``item`` below is whatever :meth:`resolve` returns (the provider's own path
    object); the cmdlets pass it back without looking inside.  Override what the
    provider supports; the defaults say "there is nothing here".
    """

    #: The provider's name (``Get-PSDrive`` Provider column, ``FileSystem::`` paths).
    name: str = ""
    #: Whether ``\\\\server\\share`` paths belong to this provider.
    claims_unc: bool = False

    def __init__(self, context: Any):
        self.context = context

    # -- drives -------------------------------------------------------------------------
    def has_drive(self, name: str) -> bool:
        """Whether drive ``name`` (without the colon) is one of this provider's."""
        return False

    def drives(self, location: str) -> List[DriveInfo]:
        """The drives to list in Get-PSDrive (``location``: the current location)."""
        return []

    # -- navigation ---------------------------------------------------------------------
    def prepare(self) -> None:
        """Make the drives ready before a command uses a path (the file system creates
        its initial folders).  Tab completion resolves without preparing: it must
        change nothing."""

    def resolve(self, path: str, location: str) -> Any:
        """The item ``path`` names (relative to ``location``); raises an OSError with a
        ``kind`` for a path that cannot exist.  A missing item is not an error here:
        :meth:`exists` says."""
        raise ProviderError("PathNotFound", path)

    def exists(self, item: Any) -> bool:
        return False

    def is_container(self, item: Any) -> bool:
        return False

    def children(self, item: Any) -> List[Any]:
        return []

    def item_name(self, item: Any) -> str:
        return str(item)

    def item_path(self, item: Any) -> str:
        """The item's full path as the user sees it (``C:\\certreq\\mail.req``)."""
        return str(item)

    def get_item(self, item: Any) -> Any:
        """The object Get-Item and Get-ChildItem write for ``item``."""
        return item

    def remove(self, item: Any, recurse: bool = False) -> None:
        raise ProviderError("AccessDenied", self.item_path(item))

    def remove_action(self, item: Any) -> str:
        """The action Remove-Item's -WhatIf / Confirm line names."""
        return "Remove Item"

    def location_of(self, item: Any) -> str:
        """What Set-Location makes the current location (the prompt shows it)."""
        return self.item_path(item)

    # -- what a provider adds to the navigation cmdlets -----------------------------------
    def dynamic_parameters(self, command: str) -> Tuple[Any, ...]:
        """The parameters this provider adds to ``command`` (``Get-ChildItem``...):
        PowerShell's dynamic parameters.  None by default."""
        return ()

    def item_filter(self, params: Any) -> Any:
        """A predicate on items from the bound dynamic parameters (Get-ChildItem,
        Get-Item), or None when nothing filters."""
        return None

    def remove_item(self, item: Any, recurse: bool, params: Any) -> None:
        """Remove-Item with its bound parameters (dynamic ones included)."""
        self.remove(item, recurse=recurse)

    def remove_prompt(self, item: Any, params: Any) -> Tuple[str, str]:
        """(action, target) of Remove-Item's -WhatIf / Confirm line."""
        return self.remove_action(item), self.item_path(item)


class ProviderRegistry:
    """Provider classes by name; lazy modules are imported on first use."""

    def __init__(self) -> None:
        self._classes: Dict[str, Type[Provider]] = {}
        self._lazy: Dict[str, str] = {}

    def add(self, cls: Type[Provider]) -> Type[Provider]:
        """Register a provider class (usable as a class decorator)."""
        self._classes[cls.name.casefold()] = cls
        return cls

    def add_lazy(self, module: str, names: Iterable[str]) -> None:
        """Importing ``module`` registers the providers ``names``."""
        for name in names:
            self._lazy[name.casefold()] = module

    def get(self, name: str) -> Optional[Type[Provider]]:
        folded = name.casefold()
        if folded not in self._classes:
            load_indexes()
        if folded not in self._classes and folded in self._lazy:
            importlib.import_module(self._lazy.pop(folded))
        return self._classes.get(folded)

    def names(self) -> List[str]:
        load_indexes()
        for name in list(self._lazy):
            self.get(name)
        return [cls.name for cls in self._classes.values()]


#: Every provider class exshell has.
PROVIDERS = ProviderRegistry()

_DRIVE_RE = LazyPattern(r"^([A-Za-z][A-Za-z0-9_]*):")


class ProviderTable:
    """One context's providers (built on first use) and the routing of paths."""

    def __init__(self, context: Any, registry: ProviderRegistry = PROVIDERS,
                 default: str = "FileSystem"):
        self.context = context
        self.registry = registry
        #: The provider of a drive name nobody claims (it reports the bad path).
        self.default = default
        self._built: Dict[str, Provider] = {}

    def get(self, name: str) -> Optional[Provider]:
        """The provider called ``name`` (its short name or ``Module\\Name``)."""
        short = name.rsplit("\\", 1)[-1].casefold()
        provider = self._built.get(short)
        if provider is None:
            cls = self.registry.get(short)
            if cls is None:
                return None
            provider = self._built[short] = cls(self.context)
        return provider

    def all(self) -> List[Provider]:
        return [p for p in (self.get(n) for n in self.registry.names()) if p is not None]

    def provider_for(self, path: str, location: Optional[str] = None) -> Provider:
        """The provider ``path`` belongs to; raises ProviderError(DriveNotFound)."""
        text = str(path).strip()
        if "::" in text:
            found = self.get(text.split("::", 1)[0])
            if found is None:
                raise ProviderError("ProviderNotFound", text.split("::", 1)[0])
            return found
        m = _DRIVE_RE.match(text)
        if m is not None:
            for provider in self.all():
                if provider.has_drive(m.group(1)):
                    return provider
            return self._default(m.group(1))
        if text.startswith("\\\\") or text.startswith("//"):
            for provider in self.all():
                if provider.claims_unc:
                    return provider
            return self._default(text)
        if location is None:
            location = self.context.location
        return self.provider_for(location, location="C:\\")

    def _default(self, name: str) -> Provider:
        provider = self.get(self.default)
        if provider is None:
            raise ProviderError("DriveNotFound", name)
        return provider

    def resolve(self, path: str, location: Optional[str] = None, *,
                prepare: bool = True) -> Tuple[Provider, Any]:
        """(provider, item) for ``path``, relative to ``location`` (default: the
        current location); the provider is prepared first unless ``prepare`` is
        false (completion).  Raises an OSError with a ``kind``."""
        where = self.context.location if location is None else location
        provider = self.provider_for(path, where)
        if prepare:
            provider.prepare()
        return provider, provider.resolve(str(path), where)

    def drives(self) -> List[DriveInfo]:
        """Every provider's drives, as Get-PSDrive lists them (by name)."""
        rows: List[DriveInfo] = []
        for provider in self.all():
            rows.extend(provider.drives(self.context.location))
        return sorted(rows, key=lambda d: d.name.casefold())
