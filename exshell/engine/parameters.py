"""Parameter declarations: what a command accepts, as data.

A cmdlet lists :class:`Parameter` objects; the binder, the help system and the
completer all read these same declarations (there is never a second list).

Positions are 0-based (Microsoft's docs print them 1-based).  ``sets`` names the
parameter sets a parameter belongs to; :data:`ALL_SETS` means every set.
``versions`` restricts a parameter to some Exchange versions (the session's version
tag must be in it); ``None`` means every version.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, Optional, Tuple

from .conversion import ChoiceType, ParamType, StringType, SWITCH

__all__ = ["ALL_SETS", "Parameter", "common_parameters", "ACTION_PREFERENCES",
           "BoundParameters"]

ALL_SETS = "__AllParameterSets"

#: ActionPreference names, in enum order (Ignore is 3.0+, Break 7+).
ACTION_PREFERENCES = ("SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend")


@dataclass(frozen=True)
class Parameter:
    name: str
    type: ParamType = field(default_factory=StringType)
    position: Optional[int] = None
    mandatory: bool = False
    sets: Tuple[str, ...] = (ALL_SETS,)
    from_pipeline: bool = False
    from_pipeline_by_name: bool = False
    aliases: Tuple[str, ...] = ()
    help: str = ""
    versions: Optional[Tuple[str, ...]] = None
    #: Common parameters (-Verbose, -ErrorAction, -WhatIf...) lose prefix ties to the
    #: command's own parameters.
    common: bool = False
    #: What the value means when the parameter is left out (for help text).
    default: Any = None
    #: ValueFromRemainingArguments: takes every argument no other parameter took.
    remaining: bool = False

    @property
    def is_switch(self) -> bool:
        return self.type.is_switch

    def in_set(self, set_name: str) -> bool:
        return ALL_SETS in self.sets or set_name in self.sets

    def available(self, version: Optional[str]) -> bool:
        return self.versions is None or version is None or version in self.versions


def _pref_type() -> ParamType:
    return ChoiceType(ACTION_PREFERENCES, "System.Management.Automation.ActionPreference")


def common_parameters(should_process: bool, ps_version: str = "2.0") -> Tuple[Parameter, ...]:
    """The common parameters every cmdlet gets, in PowerShell's order."""
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
    if ps_version != "2.0":
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
