""".NET types several cmdlet families share: SecureString and PSCredential.

A SecureString keeps its text (the emulator has nothing to protect it from) but shows
only its type name, as PowerShell does; ``plain_text()`` is for the cmdlets that
consume it (Import-/Export-ExchangeCertificate -Password, ConvertFrom-SecureString).
"""
from __future__ import annotations

from typing import Any

from ..engine.conversion import ConversionError, DotNetObjectType

__all__ = ["SecureString", "PSCredential", "SECURE_STRING", "PS_CREDENTIAL"]


class SecureString:
    PS_TYPE_NAMES = ("System.Security.SecureString", "System.Object")
    PS_PROPERTIES = ("Length",)

    def __init__(self, text: str = ""):
        self._text = text

    @property
    def Length(self) -> int:
        return len(self._text)

    def plain_text(self) -> str:
        return self._text

    def __str__(self) -> str:
        return "System.Security.SecureString"

    def __repr__(self) -> str:  # pragma: no cover - never show the secret
        return "<SecureString length=%d>" % len(self._text)


class PSCredential:
    PS_TYPE_NAMES = ("System.Management.Automation.PSCredential", "System.Object")
    PS_PROPERTIES = ("UserName", "Password")

    def __init__(self, user_name: str, password: SecureString):
        self.UserName = user_name
        self.Password = password

    def ps_method_GetNetworkCredential(self) -> Any:
        from ..engine.properties import PSObject
        return PSObject([("UserName", self.UserName), ("Password", self.Password.plain_text()),
                         ("Domain", "")], ("System.Net.NetworkCredential", "System.Object"))

    def __str__(self) -> str:
        return "System.Management.Automation.PSCredential"


class _SecureStringType(DotNetObjectType):
    """``-Password <SecureString>``: a SecureString, or a PSCredential's password.
    A plain string does not convert, as in PowerShell."""

    def __init__(self) -> None:
        super().__init__("System.Security.SecureString")

    def convert(self, value: Any) -> Any:
        if isinstance(value, PSCredential):
            return value.Password
        if isinstance(value, str):
            raise ConversionError(
                'Cannot convert the "%s" value of type "System.String" to type '
                '"System.Security.SecureString".' % value)
        return super().convert(value)


SECURE_STRING = _SecureStringType()
PS_CREDENTIAL = DotNetObjectType("System.Management.Automation.PSCredential")


def _credential_ctor(args: Any) -> PSCredential:
    """``New-Object System.Management.Automation.PSCredential($user, $securePassword)``:
    the way scripts build the -Credential of Send-MailMessage and the like."""
    from ..engine.nettypes import NetArgumentError, NetCountError
    from ..engine.tostring import to_string
    if len(args) != 2:
        raise NetCountError("new", len(args))
    user, password = args
    if not isinstance(password, SecureString):
        raise NetArgumentError("password", password, "System.Security.SecureString",
                               'Cannot convert the "%s" value of type "%s" to type '
                               '"System.Security.SecureString".'
                               % (to_string(password), "System.String" if isinstance(password, str)
                                  else "System.Object"))
    return PSCredential(to_string(user), password)


def _register_credential() -> None:
    from ..engine.nettypes import NetType, register
    register(NetType("System.Management.Automation.PSCredential", construct=_credential_ctor,
                     instance_of=lambda v: isinstance(v, PSCredential)))


_register_credential()
