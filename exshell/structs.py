"""Building blocks without a start-up cost: plain value classes (:class:`Struct`,
instead of ``dataclasses``) and regular expressions compiled on first use
(:class:`LazyPattern`, instead of a module-level ``re.compile``).

``@dataclass`` costs about a millisecond per class when the module is imported (it
writes and compiles the methods of every class) and imports ``inspect``; the shell
defines a few dozen such classes on its start-up path.  :class:`Struct` gives the
same declarations for much less: the fields are the class's annotations (bases
first), a class attribute is the default, :func:`factory` gives a fresh default per
instance (``field(default_factory=...)``), and the constructor is written the first
time the class is used, so a class nobody builds costs nothing::

    class Choice(Struct, frozen=True):
        label: str
        help: str = ""

Class options: ``frozen=True`` (assigning a field raises :class:`FrozenError`, and
equal instances hash alike), ``eq=False`` (compare by identity, as objects do).
Instances compare by type and fields, print as ``Choice(label='&Yes', help='')``,
and run ``__post_init__`` when the class has one.  :func:`replace` and
:func:`fields` stand in for the ``dataclasses`` functions.

A module-level ``re.compile`` costs its compile at import, for a pattern most runs
never use (a start-up compiled about a hundred)::

    _THUMBPRINT = LazyPattern(r"[0-9A-F]{40}\\Z")
    _THUMBPRINT.match(text)          # compiled here, the first time

After its first use a LazyPattern answers ``match``/``search``/``sub``... with the
compiled pattern's own methods (no extra call).

A bottom module: imports nothing from exshell (every layer may use it).
"""
from __future__ import annotations

import re
from typing import Any, Callable, Dict, Tuple

__all__ = ["Struct", "factory", "replace", "fields", "FrozenError", "LazyPattern"]


class FrozenError(AttributeError):
    """A field of a frozen Struct was assigned (``dataclasses.FrozenInstanceError``)."""


class factory:
    """A default made fresh for each instance: ``items: list = factory(list)``."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]):
        self.make = make


class Struct:
    """Base of the value classes (see the module text)."""

    __slots__ = ()
    _fields: Tuple[str, ...] = ()
    _defaults: Dict[str, Any] = {}
    _frozen = False

    def __init_subclass__(cls, frozen: bool = False, eq: bool = True, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names = []
        defaults: Dict[str, Any] = {}
        for klass in reversed(cls.__mro__):
            if klass is Struct or klass is cls:
                continue
            for name in getattr(klass, "_fields", ()):     # Struct bases, as they settled
                if name not in names:
                    names.append(name)
            defaults.update(getattr(klass, "_defaults", {}))
        for name, kind in cls.__dict__.get("__annotations__", {}).items():
            if isinstance(kind, str) and kind.startswith(("ClassVar", "typing.ClassVar")):
                continue
            if name not in names:
                names.append(name)
            if name in cls.__dict__:
                defaults[name] = cls.__dict__[name]
        cls._fields = tuple(names)
        cls._defaults = defaults
        cls._frozen = frozen or any(getattr(b, "_frozen", False) for b in cls.__mro__[1:])
        if cls._frozen:
            cls.__setattr__ = _frozen_setattr  # type: ignore[assignment]
            cls.__delattr__ = _frozen_delattr  # type: ignore[assignment]
        for name, value in defaults.items():
            if isinstance(value, factory) and name in cls.__dict__:
                delattr(cls, name)      # the instance always has its own value
        if "__init__" not in cls.__dict__:
            cls.__init__ = Struct._first_init  # type: ignore[assignment]
        if not eq:
            cls.__eq__ = object.__eq__  # type: ignore[assignment]
            cls.__hash__ = object.__hash__  # type: ignore[assignment]
        elif cls._frozen:
            cls.__hash__ = Struct._field_hash  # type: ignore[assignment]
        else:
            cls.__hash__ = None  # type: ignore[assignment]  # mutable and equal by value

    def _first_init(self, *args: Any, **kwargs: Any) -> None:
        # The first instance of a class writes that class's own constructor (one small
        # compile, about 0.1 ms) and hands over to it.
        cls = type(self)
        owner = next(k for k in cls.__mro__ if k.__dict__.get("__init__") is Struct._first_init)
        owner.__init__ = _make_init(owner)  # type: ignore[assignment]
        owner.__init__(self, *args, **kwargs)  # type: ignore[misc]

    def _values(self) -> Tuple[Any, ...]:
        return tuple(getattr(self, n) for n in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def _field_hash(self) -> int:
        return hash((type(self).__name__,) + self._values())

    def __repr__(self) -> str:
        return "%s(%s)" % (type(self).__qualname__, ", ".join(
            "%s=%r" % (n, getattr(self, n)) for n in self._fields))


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    if name in self._fields:
        raise FrozenError("cannot assign to field %r" % name)
    object.__setattr__(self, name, value)


def _frozen_delattr(self: Any, name: str) -> None:
    if name in self._fields:
        raise FrozenError("cannot delete field %r" % name)
    object.__delattr__(self, name)


def _make_init(cls: type) -> Callable[..., None]:
    fields_ = cls._fields  # type: ignore[attr-defined]
    defaults = cls._defaults  # type: ignore[attr-defined]
    namespace: Dict[str, Any] = {"_set": object.__setattr__}
    params, body = [], []
    for name in fields_:
        value = defaults.get(name, _NONE)
        if value is _NONE:
            params.append(name)
            body.append(name)
        elif isinstance(value, factory):
            namespace["_f_" + name] = value.make
            params.append("%s=_NONE" % name)
            body.append("_f_%s() if %s is _NONE else %s" % (name, name, name))
        else:
            namespace["_d_" + name] = value
            params.append("%s=_d_%s" % (name, name))
            body.append(name)
    namespace["_NONE"] = _NONE
    # Frozen classes set fields around their own __setattr__; the others through it,
    # so a class that watches assignments (tracked model objects) sees them.
    if cls._frozen:  # type: ignore[attr-defined]
        lines = ["    _set(self, %r, %s)" % (n, b) for n, b in zip(fields_, body)]
    else:
        lines = ["    self.%s = %s" % (n, b) for n, b in zip(fields_, body)]
    if hasattr(cls, "__post_init__"):
        lines.append("    self.__post_init__()")
    source = "def __init__(self, %s):\n%s\n" % (", ".join(params), "\n".join(lines) or "    pass")
    exec(compile(source, "<struct %s>" % cls.__name__, "exec"), namespace)
    return namespace["__init__"]


class _NoneType:
    __slots__ = ()

    def __repr__(self) -> str:  # pragma: no cover
        return "<no value>"


_NONE: Any = _NoneType()


def fields(obj: Any) -> Tuple[str, ...]:
    """The field names of a Struct (or its class), in constructor order."""
    return obj._fields


def replace(obj: Any, **changes: Any) -> Any:
    """A copy of ``obj`` with some fields changed (``dataclasses.replace``)."""
    values = {n: getattr(obj, n) for n in obj._fields}
    values.update(changes)
    return type(obj)(**values)


# ------------------------------------------------------------------ regular expressions

_PATTERN_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "findall",
                    "finditer")


class LazyPattern:
    """``re.compile(pattern, flags)``, done the first time the pattern is used."""

    def __init__(self, pattern: Any, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def compiled(self) -> "re.Pattern[Any]":
        """The compiled pattern (compiled now if it was not yet)."""
        found = self.__dict__.get("_compiled")
        if found is None:
            found = re.compile(self.pattern, self._flags)
            for name in _PATTERN_METHODS:          # from now on: the pattern's own methods
                self.__dict__[name] = getattr(found, name)
            self.__dict__["_compiled"] = found
        return found

    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().fullmatch(*args, **kwargs)

    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().search(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().split(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().findall(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().finditer(*args, **kwargs)

    @property
    def flags(self) -> int:
        return self.compiled().flags

    @property
    def groupindex(self) -> Any:
        return self.compiled().groupindex

    @property
    def groups(self) -> int:
        return self.compiled().groups

    def __repr__(self) -> str:
        return "LazyPattern(%r)" % (self.pattern,)
