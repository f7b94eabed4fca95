"""Exchange enums: AllowedServices (the Services flags), CertificateStatus and
CertificateAuthorityType.

``str()`` of each value is what PowerShell shows (``IMAP, POP, IIS, SMTP``,
``Valid``, ``Registry``); ``DOTNET_NAME`` is the .NET type name the engine reports.
Imports only the standard library.
"""
from __future__ import annotations

import enum
from typing import Iterable, List, Union

__all__ = ["AllowedServices", "CertificateStatus", "CertificateAuthorityType"]

_NS = "Microsoft.Exchange.Management.SystemConfigurationTasks."

# One letter per flag, in bit order (reference §1.4/§3.4): I P U W S F C.
_LETTERS = "IPUWSFC"


class AllowedServices(enum.IntFlag):
    """The ``[Flags]`` enum behind ``-Services`` and the ``Services`` property."""

    None_ = 0
    IMAP = 1
    POP = 2
    UM = 4
    IIS = 8
    SMTP = 16
    Federation = 32
    UMCallRouter = 64

    def __str__(self) -> str:
        if self.value == 0:
            return "None"
        return ", ".join(m.dotnet_name for m in _FLAGS if self.value & m.value)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return "<AllowedServices %s>" % str(self)

    @property
    def dotnet_name(self) -> str:
        """The enumerator name as .NET spells it (``None`` for the zero value)."""
        return "None" if self.value == 0 else self.name

    def string_form(self, width: int = 7) -> str:
        """``ServicesStringForm``: ``IP.WS..``; ``width`` is 5, 6 or 7 by version."""
        return "".join(_LETTERS[i] if self.value & (1 << i) else "." for i in range(width))

    def members(self) -> List["AllowedServices"]:
        """The single flags that are set, ascending."""
        return [m for m in _FLAGS if self.value & m.value]

    @classmethod
    def names(cls, profile=None) -> List[str]:
        """Enumerator names in .NET order (``None`` first); limited to ``profile``'s version."""
        if profile is not None:
            return list(profile.allowed_services)
        return ["None"] + [m.name for m in _FLAGS]

    @classmethod
    def parse(cls, value: Union[str, int, "AllowedServices", Iterable], profile=None) -> "AllowedServices":
        """Convert what a user typed, as PowerShell's enum conversion does.

        Accepts a name (``"IIS"``), a comma list in one string (``"IMAP, POP"``), a
        list of those, numbers (``24``, ``"24"``), or an AllowedServices.  Names are
        case-insensitive.  Raises ``ValueError(bad_name)`` for an unknown name (or a
        name not in ``profile``'s version); the engine turns that into PowerShell's
        binding error.
        """
        if isinstance(value, cls):
            result = cls(value.value)
        elif isinstance(value, bool):
            raise ValueError(str(value))
        elif isinstance(value, int):
            result = cls._from_int(value, str(value))
        elif isinstance(value, str):
            result = cls.None_
            parts = [p.strip() for p in value.split(",")]
            if all(p == "" for p in parts):
                raise ValueError(value)
            for part in parts:
                if part == "":
                    raise ValueError(value)
                result |= cls._one(part)
        else:
            result = cls.None_
            items = list(value)
            if not items:
                raise ValueError("")
            for item in items:
                result |= cls.parse(item)
        if profile is not None:
            allowed = {n.casefold() for n in profile.allowed_services}
            for m in result.members():
                if m.name.casefold() not in allowed:
                    raise ValueError(m.name)
        return result

    @classmethod
    def _one(cls, word: str) -> "AllowedServices":
        text = word.strip()
        signless = text[1:] if text[:1] in "+-" else text
        if signless.isdigit():
            return cls._from_int(int(text), text)
        folded = text.casefold()
        if folded == "none":
            return cls.None_
        for m in _FLAGS:
            if m.name.casefold() == folded:
                return m
        raise ValueError(text)

    @classmethod
    def _from_int(cls, number: int, text: str) -> "AllowedServices":
        # .NET accepts any Int32 for a [Flags] enum; we refuse bits no version knows.
        if number < 0 or number & ~0x7F:
            raise ValueError(text)
        return cls(number)


_FLAGS = (AllowedServices.IMAP, AllowedServices.POP, AllowedServices.UM, AllowedServices.IIS,
          AllowedServices.SMTP, AllowedServices.Federation, AllowedServices.UMCallRouter)

AllowedServices.DOTNET_NAME = _NS + "AllowedServices"  # type: ignore[attr-defined]


class _NamedEnum(enum.Enum):
    def __str__(self) -> str:
        return self.name

    def __format__(self, spec: str) -> str:
        return format(self.name, spec)

    @classmethod
    def parse(cls, text: str):
        folded = str(text).strip().casefold()
        for m in cls:
            if m.name.casefold() == folded:
                return m
        raise ValueError(text)


class CertificateStatus(_NamedEnum):
    """``Status`` (reference §3.5)."""

    Unknown = 0
    Valid = 1
    Revoked = 2
    DateInvalid = 3
    Untrusted = 4
    Invalid = 5
    RevocationCheckFailure = 6
    PendingRequest = 7


CertificateStatus.DOTNET_NAME = _NS + "CertificateStatus"  # type: ignore[attr-defined]


class CertificateAuthorityType(_NamedEnum):
    """``RootCAType`` (reference §3.5)."""

    None_ = 0
    ThirdParty = 1
    Enterprise = 2
    Registry = 3
    GroupPolicy = 4
    Unknown = 5

    def __str__(self) -> str:
        return "None" if self is CertificateAuthorityType.None_ else self.name

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    @classmethod
    def parse(cls, text: str):
        if str(text).strip().casefold() == "none":
            return cls.None_
        return super().parse(text)


CertificateAuthorityType.DOTNET_NAME = _NS + "CertificateAuthorityType"  # type: ignore[attr-defined]
