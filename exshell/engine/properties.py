"""The object model scripts see: type names and case-insensitive properties.

PowerShell values are plain Python values here:

==================  ==========================================================
PowerShell          Python
==================  ==========================================================
``$null``           ``None``
Boolean, numbers    ``bool``, ``int``, ``float``, ``decimal.Decimal``
String              ``str``
``object[]``        ``list`` (``tuple`` is read the same way)
``byte[]``          ``bytes``
Hashtable           :class:`PSHashtable` (case-insensitive keys, insertion order)
PSCustomObject      :class:`PSObject` (ordered, case-insensitive note properties)
DateTime, TimeSpan  ``datetime.datetime`` (naive, the shell's local time), ``timedelta``
domain objects      any class with ``PS_TYPE_NAMES`` and ``PS_PROPERTIES``
==================  ==========================================================

A domain class (for example the Exchange model's certificate view) declares::

    PS_TYPE_NAMES = ("Microsoft.Exchange...ExchangeCertificate", "System.Object")
    PS_PROPERTIES = ("AccessRules", "CertificateDomains", ...)   # Format-List * order

and exposes each property as a Python attribute of the same name.  Both tuples are
read from the instance, so an object may vary them (per version profile, say).  Nothing in the
domain layer needs to import the engine for this.

This module depends on nothing else in exshell; ``exshell.format`` relies on it.
"""
from __future__ import annotations

import datetime as _dt
import decimal
import enum
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

__all__ = [
    "PSHashtable", "PSObject", "NOT_FOUND", "type_names", "property_names",
    "get_property", "has_property", "set_property", "is_enumerable", "enumerate_value",
    "dotnet_type_name", "DayOfWeek", "ComputedProperty", "InstanceMembers", "instance_members",
    "instance_method", "computed_member",
]


class _NotFound:
    __slots__ = ()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "NOT_FOUND"

    def __bool__(self) -> bool:
        return False


#: Returned by :func:`get_property` when the object has no such property.
NOT_FOUND: Any = _NotFound()


class PSHashtable(dict):
    """A hashtable: keys compare case-insensitively when they are strings.

    The original spelling of each key is kept for display.  Iteration yields the
    original keys in insertion order (PowerShell's plain hashtables are unordered; we
    keep insertion order and say so in the docs).
    """

    __slots__ = ("_names", "ordered", "members")

    def __init__(self, items: Iterable[Tuple[Any, Any]] = (), ordered: bool = False):
        super().__init__()
        self._names: Dict[Any, Any] = {}
        self.ordered = ordered
        #: Members added with Add-Member (InstanceMembers), if any.
        self.members: Any = None
        for k, v in items:
            self[k] = v

    @staticmethod
    def _fold(key: Any) -> Any:
        return ("s", key.casefold()) if isinstance(key, str) else ("o", key)

    def __setitem__(self, key: Any, value: Any) -> None:
        folded = self._fold(key)
        if folded not in self._names:
            self._names[folded] = key
        super().__setitem__(folded, value)

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(self._fold(key))

    def __delitem__(self, key: Any) -> None:
        folded = self._fold(key)
        super().__delitem__(folded)
        del self._names[folded]

    def __contains__(self, key: object) -> bool:
        return super().__contains__(self._fold(key))

    def get(self, key: Any, default: Any = None) -> Any:
        return super().get(self._fold(key), default)

    def pop(self, key: Any, *default: Any) -> Any:
        folded = self._fold(key)
        self._names.pop(folded, None)
        return super().pop(folded, *default)

    def __iter__(self) -> Iterator[Any]:
        return iter(list(self._names.values()))

    def keys(self):  # type: ignore[override]
        return list(self._names.values())

    def values(self):  # type: ignore[override]
        return [super(PSHashtable, self).__getitem__(f) for f in self._names]

    def items(self):  # type: ignore[override]
        return [(n, super(PSHashtable, self).__getitem__(f)) for f, n in self._names.items()]

    def clear(self) -> None:
        super().clear()
        self._names.clear()

    def copy(self) -> "PSHashtable":
        return PSHashtable(self.items(), ordered=self.ordered)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "PSHashtable(%r)" % (self.items(),)


class TypeNameList(list):
    """``PSObject.TypeNames``: a Collection<string> scripts edit in place
    (``$o.psobject.TypeNames.Insert(0, 'Contoso.Report')``)."""

    __slots__ = ()

    def ps_method_Insert(self, index: Any, name: Any) -> None:
        self.insert(int(index), str(name))

    def ps_method_Add(self, name: Any) -> None:
        self.append(str(name))

    def ps_method_Remove(self, name: Any) -> bool:
        if str(name) in self:
            self.remove(str(name))
            return True
        return False

    def ps_method_RemoveAt(self, index: Any) -> None:
        del self[int(index)]

    def ps_method_Clear(self) -> None:
        self.clear()

    def ps_method_Contains(self, name: Any) -> bool:
        return str(name) in self

    def ps_method_IndexOf(self, name: Any) -> int:
        return self.index(str(name)) if str(name) in self else -1


class ComputedProperty:
    """A member whose value is computed when it is read (Add-Member): a ScriptProperty
    (``getter(owner)``, optional ``setter(owner, value)``) or an AliasProperty
    (``target``: the name of the property it stands for)."""

    __slots__ = ("member_type", "getter", "setter", "target", "definition")

    def __init__(self, member_type: str, getter: Any = None, setter: Any = None,
                 target: str = "", definition: str = ""):
        self.member_type = member_type
        self.getter = getter
        self.setter = setter
        self.target = target
        #: What Get-Member shows for a script property (``System.Object Up {get=...;}``).
        self.definition = definition

    def read(self, owner: Any) -> Any:
        if self.member_type == "AliasProperty":
            value = get_property(owner, self.target)
            return None if value is NOT_FOUND else value
        return self.getter(owner) if self.getter is not None else None

    def write(self, owner: Any, value: Any) -> bool:
        if self.member_type == "AliasProperty":
            return set_property(owner, self.target, value)
        if self.setter is None:
            return False
        self.setter(owner, value)
        return True


class InstanceMembers:
    """Members added to one object (Add-Member): note properties (plain values),
    computed properties and script methods, in the order they were added."""

    __slots__ = ("props", "methods")

    def __init__(self) -> None:
        self.props: Dict[str, Tuple[str, Any]] = {}
        self.methods: Dict[str, Tuple[str, Any]] = {}


class PSObject:
    """A PSCustomObject: ordered note properties with case-insensitive names.

    ``type_names`` lists the type names newest-first, as ``PSObject.TypeNames`` does
    (``Selected.<Type>`` first for Select-Object output).  A property's value may be a
    :class:`ComputedProperty` (ScriptProperty, AliasProperty): reading resolves it.
    Script methods added with Add-Member live in ``methods``.
    """

    __slots__ = ("_props", "type_names", "methods")

    def __init__(self, properties: Iterable[Tuple[str, Any]] = (),
                 type_names: Iterable[str] = ("System.Management.Automation.PSCustomObject", "System.Object")):
        self._props: Dict[str, Tuple[str, Any]] = {}
        self.type_names: List[str] = TypeNameList(type_names)
        self.methods: Dict[str, Tuple[str, Any]] = {}
        for name, value in properties:
            self.set(name, value)

    def set(self, name: str, value: Any) -> None:
        key = name.casefold()
        if key in self._props:
            current = self._props[key][1]
            if isinstance(current, ComputedProperty) and not isinstance(value, ComputedProperty):
                current.write(self, value)
                return
            self._props[key] = (self._props[key][0], value)
        else:
            self._props[key] = (name, value)

    def define(self, name: str, value: Any) -> None:
        """Add or replace a member as it is (Add-Member -Force)."""
        key = name.casefold()
        self._props[key] = (self._props[key][0] if key in self._props else name, value)

    def remove(self, name: str) -> bool:
        return self._props.pop(name.casefold(), None) is not None

    def get(self, name: str, default: Any = NOT_FOUND) -> Any:
        entry = self._props.get(name.casefold())
        if entry is None:
            return default
        value = entry[1]
        return value.read(self) if isinstance(value, ComputedProperty) else value

    def member(self, name: str) -> Any:
        """A member as it is stored: a value, or the ComputedProperty that computes it."""
        entry = self._props.get(name.casefold())
        return entry[1] if entry is not None else NOT_FOUND

    def member_type(self, name: str) -> str:
        entry = self._props.get(name.casefold())
        value = entry[1] if entry is not None else None
        return value.member_type if isinstance(value, ComputedProperty) else "NoteProperty"

    def names(self) -> List[str]:
        return [n for n, _ in self._props.values()]

    def items(self) -> List[Tuple[str, Any]]:
        return [(n, v.read(self) if isinstance(v, ComputedProperty) else v)
                for n, v in self._props.values()]

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "PSObject(%r)" % (self.items(),)


def instance_members(value: Any, create: bool = False) -> Optional[InstanceMembers]:
    """The members Add-Member gave an object that is not a PSObject (a domain object, a
    hashtable); None when it has none (or, with ``create``, cannot hold any: strings,
    numbers and arrays keep no members of their own)."""
    holder = getattr(value, "__dict__", None)
    if holder is not None:
        found = holder.get("_ps_members")
        if found is None and create:
            found = holder["_ps_members"] = InstanceMembers()
        return found
    if isinstance(value, PSHashtable):
        found = value.members
        if found is None and create:
            found = value.members = InstanceMembers()
        return found
    return None


def _member_value(owner: Any, entry: Tuple[str, Any]) -> Any:
    value = entry[1]
    return value.read(owner) if isinstance(value, ComputedProperty) else value


def computed_member(value: Any, name: str) -> Optional[ComputedProperty]:
    """The script or alias property Add-Member gave ``value`` under ``name``, or None."""
    if isinstance(value, PSObject):
        stored = value.member(name)
    else:
        added = instance_members(value)
        entry = added.props.get(name.casefold()) if added is not None else None
        stored = entry[1] if entry is not None else None
    return stored if isinstance(stored, ComputedProperty) else None


def instance_method(value: Any, name: str) -> Any:
    """A script method added to ``value`` (a callable ``(owner, *args)``), or None."""
    table = value.methods if isinstance(value, PSObject) else \
        getattr(instance_members(value), "methods", None)
    entry = table.get(name.casefold()) if table else None
    return entry[1] if entry is not None else None


# ------------------------------------------------------------------- type names

_PRIMITIVE_TYPES: Tuple[Tuple[type, str], ...] = (
    (bool, "System.Boolean"),
    (int, "System.Int32"),
    (float, "System.Double"),
    (decimal.Decimal, "System.Decimal"),
    (str, "System.String"),
    (bytes, "System.Byte[]"),
    (_dt.datetime, "System.DateTime"),
    (_dt.timedelta, "System.TimeSpan"),
    (list, "System.Object[]"),
    (tuple, "System.Object[]"),
    (PSHashtable, "System.Collections.Hashtable"),
)


def dotnet_type_name(value: Any) -> str:
    """The .NET full name PowerShell would report for ``value`` (``GetType().FullName``)."""
    return type_names(value)[0]


def type_names(value: Any) -> List[str]:
    """``PSObject.TypeNames`` of a value, most derived first."""
    if isinstance(value, PSObject):
        return list(value.type_names)
    declared = getattr(value, "PS_TYPE_NAMES", None)
    if declared:
        return list(declared)
    if isinstance(value, bool):
        return ["System.Boolean", "System.ValueType", "System.Object"]
    if isinstance(value, enum.Enum):  # before int: IntFlag enums are ints too
        full = getattr(type(value), "DOTNET_NAME", type(value).__name__)
        return [full, "System.Enum", "System.ValueType", "System.Object"]
    if isinstance(value, int):
        if -2**31 <= value < 2**31:
            return ["System.Int32", "System.ValueType", "System.Object"]
        if -2**63 <= value < 2**63:
            return ["System.Int64", "System.ValueType", "System.Object"]
        return ["System.Decimal", "System.ValueType", "System.Object"]
    for py, name in _PRIMITIVE_TYPES:
        if isinstance(value, py):
            if name in ("System.Object[]", "System.Byte[]"):
                return [name, "System.Array", "System.Object"]
            if name == "System.String":
                return [name, "System.Object"]
            if name == "System.Collections.Hashtable":
                return [name, "System.Object"]
            return [name, "System.ValueType", "System.Object"]
    return ["System.Object"]


# ------------------------------------------------------------------- properties

def _intrinsic_names(value: Any) -> Tuple[str, ...]:
    if isinstance(value, str):
        return ("Length",)
    if isinstance(value, (list, tuple, bytes)):
        return ("Count", "Length", "LongLength", "Rank", "SyncRoot", "IsReadOnly",
                "IsFixedSize", "IsSynchronized")
    if isinstance(value, PSHashtable):
        return ("IsReadOnly", "IsFixedSize", "IsSynchronized", "Keys", "Values",
                "SyncRoot", "Count")
    if isinstance(value, _dt.datetime):
        return ("Date", "Day", "DayOfWeek", "DayOfYear", "Hour", "Kind", "Millisecond",
                "Minute", "Month", "Second", "Ticks", "TimeOfDay", "Year")
    if isinstance(value, _dt.timedelta):
        return ("Ticks", "Days", "Hours", "Milliseconds", "Minutes", "Seconds",
                "TotalDays", "TotalHours", "TotalMilliseconds", "TotalMinutes",
                "TotalSeconds")
    return ()


_EPOCH = _dt.datetime(1, 1, 1)


class DayOfWeek(enum.IntEnum):
    """System.DayOfWeek, what ``(Get-Date).DayOfWeek`` holds."""

    Sunday = 0
    Monday = 1
    Tuesday = 2
    Wednesday = 3
    Thursday = 4
    Friday = 5
    Saturday = 6

    @classmethod
    def parse(cls, value: Any) -> "DayOfWeek":
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        folded = str(value).strip().casefold()
        for member in cls:
            if member.name.casefold() == folded:
                return member
        raise ValueError(value)

    def __str__(self) -> str:
        return self.name


DayOfWeek.DOTNET_NAME = "System.DayOfWeek"  # type: ignore[attr-defined]


def _intrinsic_value(value: Any, name: str) -> Any:
    n = name.casefold()
    if isinstance(value, str):
        if n == "length":
            return len(value)
        return NOT_FOUND
    if isinstance(value, (list, tuple, bytes)):
        if n in ("count", "length", "longlength"):
            return len(value)
        if n == "rank":
            return 1
        if n in ("isreadonly", "issynchronized"):
            return False
        if n == "isfixedsize":
            return True
        if n == "syncroot":
            return value
        return NOT_FOUND
    if isinstance(value, PSHashtable):
        if n == "count":
            return len(value)
        if n == "keys":
            return list(value.keys())
        if n == "values":
            return list(value.values())
        if n in ("isreadonly", "isfixedsize", "issynchronized"):
            return False
        if n == "syncroot":
            return value
        return NOT_FOUND
    if isinstance(value, _dt.datetime):
        table = {
            "date": lambda d: d.replace(hour=0, minute=0, second=0, microsecond=0),
            "day": lambda d: d.day,
            "dayofweek": lambda d: DayOfWeek((d.weekday() + 1) % 7),
            "dayofyear": lambda d: d.timetuple().tm_yday,
            "hour": lambda d: d.hour,
            "kind": lambda d: "Local",
            "millisecond": lambda d: d.microsecond // 1000,
            "minute": lambda d: d.minute,
            "month": lambda d: d.month,
            "second": lambda d: d.second,
            "ticks": lambda d: ((d - _EPOCH) // _dt.timedelta(microseconds=1)) * 10,
            "timeofday": lambda d: _dt.timedelta(hours=d.hour, minutes=d.minute,
                                                 seconds=d.second, microseconds=d.microsecond),
            "year": lambda d: d.year,
        }
        fn = table.get(n)
        return fn(value) if fn else NOT_FOUND
    if isinstance(value, _dt.timedelta):
        total = value.total_seconds()
        sign = -1 if total < 0 else 1
        a = abs(value)
        table = {
            "ticks": lambda: (value // _dt.timedelta(microseconds=1)) * 10,
            "days": lambda: sign * a.days,
            "hours": lambda: sign * (a.seconds // 3600),
            "minutes": lambda: sign * ((a.seconds // 60) % 60),
            "seconds": lambda: sign * (a.seconds % 60),
            "milliseconds": lambda: sign * (a.microseconds // 1000),
            "totaldays": lambda: total / 86400.0,
            "totalhours": lambda: total / 3600.0,
            "totalminutes": lambda: total / 60.0,
            "totalseconds": lambda: total,
            "totalmilliseconds": lambda: total * 1000.0,
        }
        fn = table.get(n)
        return fn() if fn else NOT_FOUND
    return NOT_FOUND


def property_names(value: Any) -> List[str]:
    """All property names of ``value``, in the order ``Format-List *`` shows them
    (members added with Add-Member last)."""
    if value is None:
        return []
    if isinstance(value, PSObject):
        return value.names()
    declared = getattr(value, "PS_PROPERTIES", None)
    names = list(declared) if declared is not None else list(_intrinsic_names(value))
    added = instance_members(value)
    if added is not None:
        names.extend(n for n, _ in added.props.values())
    return names


def get_property(value: Any, name: str) -> Any:
    """The value of property ``name`` (case-insensitive), or :data:`NOT_FOUND`."""
    if value is None:
        return NOT_FOUND
    if isinstance(value, PSObject):
        return value.get(name)
    found = _base_property(value, name)
    if found is NOT_FOUND:
        added = instance_members(value)
        if added is not None:
            entry = added.props.get(name.casefold())
            if entry is not None:
                return _member_value(value, entry)
    return found


def _base_property(value: Any, name: str) -> Any:
    declared = getattr(value, "PS_PROPERTIES", None)
    if declared is not None:
        folded = name.casefold()
        for real in declared:
            if real.casefold() == folded:
                return getattr(value, real)
        extra = getattr(value, "ps_extra_property", None)
        if extra is not None:
            return extra(name)
        return NOT_FOUND
    if isinstance(value, PSHashtable):
        # Hashtable keys read like properties ($h.Name), before the intrinsic members.
        if name in value:
            return value[name]
    return _intrinsic_value(value, name)


def has_property(value: Any, name: str) -> bool:
    return get_property(value, name) is not NOT_FOUND


def set_property(value: Any, name: str, new_value: Any) -> bool:
    """Set a property; returns False when the object has no settable property ``name``."""
    if isinstance(value, PSObject):
        stored = value.member(name)
        if stored is NOT_FOUND:
            return False
        if isinstance(stored, ComputedProperty):
            return stored.write(value, new_value)   # a script property may have no setter
        value.set(name, new_value)
        return True
    added = instance_members(value)
    if added is not None and name.casefold() in added.props:
        entry = added.props[name.casefold()]
        if isinstance(entry[1], ComputedProperty):
            return entry[1].write(value, new_value)
        added.props[name.casefold()] = (entry[0], new_value)
        return True
    if isinstance(value, PSHashtable):
        value[name] = new_value
        return True
    settable = getattr(value, "PS_SETTABLE", ())
    folded = name.casefold()
    for real in settable:
        if real.casefold() == folded:
            setattr(value, real, new_value)
            return True
    return False


def is_enumerable(value: Any) -> bool:
    """Whether the pipeline unrolls ``value`` (arrays and lists, not strings/hashtables)."""
    return isinstance(value, (list, tuple))


def enumerate_value(value: Any) -> Iterator[Any]:
    """Yield what the pipeline would send for ``value``: the elements of a collection,
    the value itself otherwise.  ``bytes`` unroll into ints, like ``byte[]``."""
    if isinstance(value, (list, tuple)):
        yield from value
    elif isinstance(value, bytes):
        yield from value
    else:
        yield value
