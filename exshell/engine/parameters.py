"""Parameter declarations: what a command accepts, as data.

A cmdlet lists :class:`Parameter` objects; the binder, the help system and the
completer all read these same declarations (there is never a second list).

Positions are 0-based (Microsoft's docs print them 1-based).  ``sets`` names the
parameter sets a parameter belongs to; :data:`ALL_SETS` means every set.
``available`` is a predicate on the session's :class:`~exshell.profiles.Profile`
(``available=has_server_param``): where it is false the parameter does not exist.
``None`` means every version.  ``completer`` says what Tab offers for the value when
the type's own completion is not the right one (see :mod:`exshell.engine.completion`).
"""
from __future__ import annotations

from typing import Any, Callable, Dict, Iterable, Optional, Tuple

from ..profiles import Profile
from ..structs import Struct, factory, replace
from ..profiles import dialect as as_dialect
from .conversion import ChoiceType, ParamType, StringType, SWITCH

__all__ = ["ALL_SETS", "Parameter", "common_parameters", "ACTION_PREFERENCES",
           "BoundParameters", "for_profile"]

ALL_SETS = "__AllParameterSets"

#: ActionPreference names, in enum order (Ignore is 3.0+, Break 7+).
ACTION_PREFERENCES = ("SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend")


class Parameter(Struct, frozen=True):
    name: str
    type: ParamType = factory(StringType)
    position: Optional[int] = None
    mandatory: bool = False
    sets: Tuple[str, ...] = (ALL_SETS,)
    from_pipeline: bool = False
    from_pipeline_by_name: bool = False
    aliases: Tuple[str, ...] = ()
    help: str = ""
    #: Where the parameter exists: a predicate on the profile (None: everywhere).
    available: Optional[Callable[[Profile], bool]] = None
    #: Common parameters (-Verbose, -ErrorAction, -WhatIf...) lose prefix ties to the
    #: command's own parameters.
    common: bool = False
    #: What the value means when the parameter is left out (for help text).
    default: Any = None
    #: ValueFromRemainingArguments: takes every argument no other parameter took.
    remaining: bool = False
    #: What completes the value (a function of a CompletionRequest), when the type's
    #: own completion is not the right one.  None: ask the type.
    completer: Optional[Callable[..., Any]] = None

    @property
    def is_switch(self) -> bool:
        return self.type.is_switch

    def in_set(self, set_name: str) -> bool:
        return ALL_SETS in self.sets or set_name in self.sets

    def is_available(self, profile: Optional[Profile]) -> bool:
        """Whether the parameter exists under ``profile`` (None: assume it does)."""
        return self.available is None or profile is None or bool(self.available(profile))


def for_profile(parameters: Iterable[Parameter], profile: Optional[Profile]) -> Tuple[Parameter, ...]:
    """The parameters that exist under ``profile``, with per-version types
    (:class:`~exshell.engine.conversion.PerVersion`) resolved for it."""
    from .conversion import PerVersion
    return tuple(replace(p, type=p.type.resolve(profile)) if isinstance(p.type, PerVersion)
                 else p for p in parameters if p.is_available(profile))


class _PreferenceType(ChoiceType):
    """An ActionPreference: a name, or the enum's number (``-ErrorAction 0`` is
    SilentlyContinue, as .NET converts a number or a numeric string to an enum)."""

    def convert(self, value: Any) -> Any:
        if not isinstance(value, bool):
            text = value if isinstance(value, int) else None
            if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
                text = int(value.strip())
            if text is not None and 0 <= text < len(self.values):
                return self.values[text]
        return super().convert(value)


def _pref_type() -> ParamType:
    return _PreferenceType(ACTION_PREFERENCES, "System.Management.Automation.ActionPreference")


#: (should_process, dialect name) -> the common parameters (Parameters are frozen, so
#: one tuple serves every command: a script block that calls a cmdlet for each of
#: 10,000 objects would otherwise build them 10,000 times).
_COMMON: Dict[Tuple[bool, str], Tuple[Parameter, ...]] = {}


def common_parameters(should_process: bool, dialect: Any = None) -> Tuple[Parameter, ...]:
    """The common parameters every cmdlet gets under ``dialect`` (a Dialect or its
    name; None: 2.0), in PowerShell's order."""
    dialect = as_dialect(dialect)
    key = (bool(should_process), dialect.name)
    found = _COMMON.get(key)
    if found is None:
        found = _COMMON[key] = _common_parameters(bool(should_process), dialect)
    return found


def _common_parameters(should_process: bool, dialect: Any) -> Tuple[Parameter, ...]:
    params = [
        Parameter("Verbose", SWITCH, aliases=("vb",), common=True),
        Parameter("Debug", SWITCH, aliases=("db",), common=True),
        Parameter("ErrorAction", _pref_type(), aliases=("ea",), common=True),
        Parameter("WarningAction", _pref_type(), aliases=("wa",), common=True),
        Parameter("ErrorVariable", StringType(), aliases=("ev",), common=True),
        Parameter("WarningVariable", StringType(), aliases=("wv",), common=True),
        Parameter("OutVariable", StringType(), aliases=("ov",), common=True),
        Parameter("OutBuffer", StringType("System.Int32"), aliases=("ob",), common=True),
    ]
    if dialect.extra_common_parameters:
        params += [
            Parameter("PipelineVariable", StringType(), aliases=("pv",), common=True),
            Parameter("InformationAction", _pref_type(), aliases=("infa",), common=True),
            Parameter("InformationVariable", StringType(), aliases=("iv",), common=True),
        ]
    if should_process:
        params += [
            Parameter("WhatIf", SWITCH, aliases=("wi",), common=True),
            Parameter("Confirm", SWITCH, aliases=("cf",), common=True),
        ]
    return tuple(params)


class BoundParameters:
    """What a command received: canonical name → value, plus which were given.

    Attribute access returns the value or None (False for switches left out), so
    cmdlets read ``p.Thumbprint``; ``p.bound("Force")`` tells whether it was given
    (PowerShell's ``$PSBoundParameters.ContainsKey``).
    """

    __slots__ = ("_values", "_switches", "set_name")

    def __init__(self, values: Dict[str, Any], switches: Iterable[str] = (),
                 set_name: str = ALL_SETS):
        object.__setattr__(self, "_values", dict(values))
        object.__setattr__(self, "_switches", {s.casefold() for s in switches})
        object.__setattr__(self, "set_name", set_name)

    def __getattr__(self, name: str) -> Any:
        for k, v in self._values.items():
            if k.casefold() == name.casefold():
                return v
        if name.casefold() in self._switches:
            return False
        return None

    def __setattr__(self, name: str, value: Any) -> None:  # pragma: no cover - guard
        raise AttributeError("BoundParameters is read-only")

    def bound(self, name: str) -> bool:
        return any(k.casefold() == name.casefold() for k in self._values)

    def get(self, name: str, default: Any = None) -> Any:
        for k, v in self._values.items():
            if k.casefold() == name.casefold():
                return v
        return default

    def as_dict(self) -> Dict[str, Any]:
        return dict(self._values)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "BoundParameters(%r, set=%r)" % (self._values, self.set_name)
