"""Change tracking on the organisation model: what a command changed, entity by entity.

The world store (:mod:`.worlddb`) writes only what changed, and undoes in memory what a
failed command changed, so the model records every change as it happens:

* :class:`ChangeSet` (``Organization.changes``) collects the keys of changed entities
  -- ``("org",)``, ``("clock",)``, ``("server", NAME)``, ``("send",)``,
  ``("cert", SERVER, STORE, THUMBPRINT)``, ``("trust", SERVER, STORE, THUMBPRINT)``,
  ``("ca", "enterprise"|"public")`` -- in the order they were first changed.
  Before the first change of a command (or when a model operation calls
  :meth:`ChangeSet.begin` before it re-validates), it calls ``begin_hook``: the store
  takes SQLite's write lock and brings the model up to date with what other shells
  committed, so the change is validated against the latest world.
* :class:`TrackedObject` is a mixin for model classes: setting one of its
  ``_tracked_fields`` reports the change (before the value is set, so that a refresh
  the first change triggers cannot overwrite it) and wraps a plain list, dict or set
  value in a tracked container.
* :class:`TrackedList` / :class:`TrackedDict` / :class:`TrackedSet` report in-place
  changes; a dict can report per key (``key_mark``), as the trust stores do.

Loading (the store filling the model from rows) runs inside :meth:`ChangeSet.suspend`,
so it records nothing.  Imports only the standard library.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

__all__ = ["ChangeSet", "TrackedObject", "TrackedList", "TrackedDict", "TrackedSet", "Key"]

Key = Tuple[str, ...]


class ChangeSet:
    """The keys of the entities changed since the last :meth:`close`."""

    __slots__ = ("keys", "suspended", "begin_hook", "open")

    def __init__(self) -> None:
        self.keys: Dict[Key, None] = {}
        self.suspended = 0
        #: Called once before the first change (the store: write lock, then refresh).
        self.begin_hook: Optional[Callable[[], None]] = None
        #: True from the first change (or begin()) until close().
        self.open = False

    def __bool__(self) -> bool:
        return bool(self.keys)

    def __len__(self) -> int:
        return len(self.keys)

    def __iter__(self) -> Iterator[Key]:
        return iter(list(self.keys))

    def begin(self) -> None:
        """A model operation is about to validate and change the world."""
        if self.open or self.suspended:
            return
        self.open = True
        hook = self.begin_hook
        if hook is not None:
            try:
                hook()
            except BaseException:
                self.open = False
                raise

    def mark(self, key: Key) -> None:
        if self.suspended:
            return
        if not self.open:
            self.begin()
        self.keys[key] = None

    def close(self) -> List[Key]:
        """The changed keys, in order; the set starts empty again."""
        keys = list(self.keys)
        self.keys.clear()
        self.open = False
        return keys

    @contextmanager
    def suspend(self) -> Iterator[None]:
        """Record nothing inside (loading rows into the model)."""
        self.suspended += 1
        try:
            yield
        finally:
            self.suspended -= 1


class TrackedObject:
    """Mixin: setting a tracked field (or changing a tracked container in place) calls
    the object's ``_mark`` (set by whoever owns the object in the model)."""

    __slots__ = ()
    _tracked_fields: frozenset = frozenset()

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self._tracked_fields:
            self._touch()
            if type(value) in _WRAP:
                value = _WRAP[type(value)](value, self._touch)
        object.__setattr__(self, name, value)

    def _touch(self) -> None:
        mark = getattr(self, "_mark", None)
        if mark is not None:
            mark()

    def attach(self, mark: Optional[Callable[[], None]]) -> None:
        """Report this object's changes to ``mark`` (None: to nobody)."""
        object.__setattr__(self, "_mark", mark)


def _attach(item: Any, mark: Optional[Callable[[], None]]) -> None:
    if isinstance(item, TrackedObject):
        item.attach(mark)


class TrackedList(list):
    """A list that reports changes; TrackedObject items report theirs to the same mark."""

    __slots__ = ("_mark",)

    def __init__(self, items: Any = (), mark: Optional[Callable[[], None]] = None):
        super().__init__(items)
        self._mark = mark
        for item in self:
            _attach(item, mark)

    def _changed(self, items: Any = ()) -> None:
        if self._mark is not None:
            self._mark()
        for item in items:
            _attach(item, self._mark)

    def append(self, item: Any) -> None:
        self._changed((item,))
        super().append(item)

    def extend(self, items: Any) -> None:
        items = list(items)
        self._changed(items)
        super().extend(items)

    def insert(self, index: Any, item: Any) -> None:
        self._changed((item,))
        super().insert(index, item)

    def remove(self, item: Any) -> None:
        self._changed()
        super().remove(item)

    def pop(self, *args: Any) -> Any:
        self._changed()
        return super().pop(*args)

    def clear(self) -> None:
        self._changed()
        super().clear()

    def sort(self, *args: Any, **kwargs: Any) -> None:
        self._changed()
        super().sort(*args, **kwargs)

    def reverse(self) -> None:
        self._changed()
        super().reverse()

    def __setitem__(self, index: Any, value: Any) -> None:
        self._changed(value if isinstance(index, slice) else (value,))
        super().__setitem__(index, value)

    def __delitem__(self, index: Any) -> None:
        self._changed()
        super().__delitem__(index)

    def __iadd__(self, items: Any) -> "TrackedList":
        self.extend(items)
        return self


class TrackedDict(dict):
    """A dict that reports changes: to ``mark()`` or, per key, to ``key_mark(key)``."""

    __slots__ = ("_mark", "_key_mark")

    def __init__(self, items: Any = (), mark: Optional[Callable[[], None]] = None,
                 key_mark: Optional[Callable[[Any], None]] = None):
        super().__init__(items)
        self._mark = mark
        self._key_mark = key_mark

    def _changed(self, key: Any) -> None:
        if self._key_mark is not None:
            self._key_mark(key)
        elif self._mark is not None:
            self._mark()

    def __setitem__(self, key: Any, value: Any) -> None:
        self._changed(key)
        super().__setitem__(key, value)

    def __delitem__(self, key: Any) -> None:
        self._changed(key)
        super().__delitem__(key)

    def setdefault(self, key: Any, default: Any = None) -> Any:
        if key not in self:
            self._changed(key)
        return super().setdefault(key, default)

    def pop(self, key: Any, *default: Any) -> Any:
        if key in self:
            self._changed(key)
        return super().pop(key, *default)

    def popitem(self) -> Any:
        key, value = super().popitem()
        self._changed(key)
        return key, value

    def update(self, *args: Any, **kwargs: Any) -> None:
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def clear(self) -> None:
        for key in list(self):
            self._changed(key)
        super().clear()


class TrackedSet(set):
    """A set that reports changes."""

    __slots__ = ("_mark",)

    def __init__(self, items: Any = (), mark: Optional[Callable[[], None]] = None):
        super().__init__(items)
        self._mark = mark

    def _changed(self) -> None:
        if self._mark is not None:
            self._mark()

    def add(self, item: Any) -> None:
        if item not in self:
            self._changed()
        super().add(item)

    def discard(self, item: Any) -> None:
        if item in self:
            self._changed()
        super().discard(item)

    def remove(self, item: Any) -> None:
        self._changed()
        super().remove(item)

    def pop(self) -> Any:
        self._changed()
        return super().pop()

    def clear(self) -> None:
        self._changed()
        super().clear()

    def update(self, *others: Any) -> None:
        self._changed()
        super().update(*others)

    def difference_update(self, *others: Any) -> None:
        self._changed()
        super().difference_update(*others)

    def __ior__(self, other: Any) -> "TrackedSet":
        self.update(other)
        return self

    def __isub__(self, other: Any) -> "TrackedSet":
        self.difference_update(other)
        return self


_WRAP = {list: lambda v, m: TrackedList(v, m), dict: lambda v, m: TrackedDict(v, m),
         set: lambda v, m: TrackedSet(v, m)}
