"""Small stand-ins for the .NET objects certificate properties hold.

Each class declares ``PS_TYPE_NAMES``/``PS_PROPERTIES`` (see
``exshell.engine.properties``; nothing here imports it) and its ``str()`` is what
PowerShell prints for the object in a list or table cell: the .NET type name for
most of them, since their ToString() is not overridden (``IssuerName`` shows as
``System.Security.Cryptography.X509Certificates.X500DistinguishedName``).

Imports only the standard library.
"""
from __future__ import annotations

from typing import Any, Optional, Tuple

__all__ = ["Oid", "X500DistinguishedName", "PublicKeyInfo", "AsymmetricKey",
           "CryptoKeyAccessRule", "X509Extension", "IisService", "X509KeyUsageExtension",
           "X509EnhancedKeyUsageExtension", "X509BasicConstraintsExtension",
           "X509SubjectKeyIdentifierExtension", "X509KeyUsageFlags", "OidCollection",
           "extension_objects",
           "DnsNameRepresentation", "EnhancedKeyUsageRepresentation", "SecurityIdentifier",
           "NETWORK_SERVICE", "SYSTEM", "ADMINISTRATORS", "OID_NAMES"]

_X509 = "System.Security.Cryptography.X509Certificates."
_CRYPTO = "System.Security.Cryptography."

#: Friendly names Windows gives OIDs we meet.
OID_NAMES = {
    "1.2.840.113549.1.1.1": "RSA",
    "1.2.840.113549.1.1.5": "sha1RSA",
    "1.2.840.113549.1.1.11": "sha256RSA",
    "1.2.840.113549.1.1.12": "sha384RSA",
    "1.2.840.113549.1.1.13": "sha512RSA",
    "2.5.29.15": "Key Usage",
    "2.5.29.17": "Subject Alternative Name",
    "2.5.29.37": "Enhanced Key Usage",
    "2.5.29.19": "Basic Constraints",
    "2.5.29.14": "Subject Key Identifier",
    "2.5.29.35": "Authority Key Identifier",
    "1.3.6.1.5.5.7.3.1": "Server Authentication",
    "1.3.6.1.5.5.7.3.2": "Client Authentication",
}


class _DotNet:
    PS_TYPE_NAMES: Tuple[str, ...] = ("System.Object",)
    PS_PROPERTIES: Tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.PS_TYPE_NAMES[0]

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "<%s>" % self.PS_TYPE_NAMES[0]


class Oid(_DotNet):
    PS_TYPE_NAMES = (_CRYPTO + "Oid", "System.Object")
    PS_PROPERTIES = ("Value", "FriendlyName")

    def __init__(self, value: str, friendly_name: Optional[str] = None):
        self.Value = value
        if friendly_name is None:
            friendly_name = OID_NAMES.get(value) or _friendly(value)
        self.FriendlyName = friendly_name

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Oid) and other.Value == self.Value

    def __hash__(self) -> int:
        return hash(self.Value)


class X500DistinguishedName(_DotNet):
    PS_TYPE_NAMES = (_X509 + "X500DistinguishedName", _CRYPTO + "AsnEncodedData", "System.Object")
    PS_PROPERTIES = ("Name", "Oid", "RawData")

    def __init__(self, name: str, raw: bytes):
        self.Name = name
        self.Oid = None
        self.RawData = raw


class AsymmetricKey(_DotNet):
    """``PrivateKey`` / ``PublicKey.Key``: an RSACryptoServiceProvider."""

    PS_TYPE_NAMES = (_CRYPTO + "RSACryptoServiceProvider", _CRYPTO + "RSA",
                     _CRYPTO + "AsymmetricAlgorithm", "System.Object")
    PS_PROPERTIES = ("PublicOnly", "CspKeyContainerInfo", "KeySize", "KeyExchangeAlgorithm",
                     "SignatureAlgorithm", "PersistKeyInCsp", "LegalKeySizes")

    def __init__(self, key_size: int, public_only: bool):
        self.PublicOnly = public_only
        self.CspKeyContainerInfo = None if public_only else "System.Security.Cryptography.CspKeyContainerInfo"
        self.KeySize = key_size
        self.KeyExchangeAlgorithm = "RSA-PKCS1-KeyEx"
        self.SignatureAlgorithm = "http://www.w3.org/2000/09/xmldsig#rsa-sha1"
        self.PersistKeyInCsp = not public_only
        self.LegalKeySizes = ["System.Security.Cryptography.KeySizes"]


class PublicKeyInfo(_DotNet):
    """``PublicKey`` (System.Security.Cryptography.X509Certificates.PublicKey)."""

    PS_TYPE_NAMES = (_X509 + "PublicKey", "System.Object")
    PS_PROPERTIES = ("Key", "Oid", "EncodedKeyValue", "EncodedParameters")

    def __init__(self, key_size: int, algorithm_oid: str, encoded_key: bytes):
        self.Key = AsymmetricKey(key_size, public_only=True)
        self.Oid = Oid(algorithm_oid)
        self.EncodedKeyValue = encoded_key
        self.EncodedParameters = b"\x05\x00"


class SecurityIdentifier:
    """An NTAccount as ``IdentityReference`` shows it."""

    PS_TYPE_NAMES = ("System.Security.Principal.NTAccount",
                     "System.Security.Principal.IdentityReference", "System.Object")
    PS_PROPERTIES = ("Value",)

    def __init__(self, value: str):
        self.Value = value

    def __str__(self) -> str:
        return self.Value

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, SecurityIdentifier) and other.Value.casefold() == self.Value.casefold()

    def __hash__(self) -> int:
        return hash(self.Value.casefold())


SYSTEM = "NT AUTHORITY\\SYSTEM"
ADMINISTRATORS = "BUILTIN\\Administrators"
NETWORK_SERVICE = "NT AUTHORITY\\NETWORK SERVICE"


class CryptoKeyAccessRule(_DotNet):
    """One entry of a private key's ACL (``AccessRules``)."""

    PS_TYPE_NAMES = ("System.Security.AccessControl.CryptoKeyAccessRule",
                     "System.Security.AccessControl.AccessRule",
                     "System.Security.AccessControl.AuthorizationRule", "System.Object")
    PS_PROPERTIES = ("CryptoKeyRights", "AccessControlType", "IdentityReference", "IsInherited",
                     "InheritanceFlags", "PropagationFlags")

    def __init__(self, identity: str, rights: str, allow: bool = True):
        self.CryptoKeyRights = rights           # "FullControl", "GenericRead", ...
        self.AccessControlType = "Allow" if allow else "Deny"
        self.IdentityReference = SecurityIdentifier(identity)
        self.IsInherited = False
        self.InheritanceFlags = "None"
        self.PropagationFlags = "None"

    def grants_read_to(self, identity: str) -> bool:
        return (self.AccessControlType == "Allow"
                and self.IdentityReference.Value.casefold() == identity.casefold()
                and self.CryptoKeyRights in ("GenericRead", "FullControl", "Read"))


class X509Extension(_DotNet):
    """One entry of ``Extensions``.  PowerShell shows these as
    ``System.Security.Cryptography.Oid`` in ``Format-List *`` (the default view of
    an AsnEncodedData shows its Oid), so ``str()`` returns that.

    ``ps_method_Format`` is ``X509Extension.Format($multiLine)``: Windows' text of
    the extension (:func:`exshell.exchange.x509text.format_extension`).  The well-known
    extensions are the .NET subclasses below, with their own properties."""

    PS_TYPE_NAMES: Tuple[str, ...] = (_X509 + "X509Extension", _CRYPTO + "AsnEncodedData",
                                      "System.Object")
    PS_PROPERTIES: Tuple[str, ...] = ("Critical", "Oid", "RawData")

    def __init__(self, oid: str, critical: bool, raw: bytes, source: Any = None,
                 spaced: bool = False):
        self.Critical = critical
        self.Oid = Oid(oid)
        self.RawData = raw
        self._source = source        # the cryptography.x509.Extension, when known
        self._spaced = spaced        # key identifiers as "a1 b2" (before Server 2016)

    def __str__(self) -> str:
        return _CRYPTO + "Oid"

    def ps_method_Format(self, multi_line: Any = False) -> str:
        from .x509text import format_extension, hex_dump
        if self._source is None:
            return hex_dump(self.RawData)
        return format_extension(self._source, bool(multi_line), self._spaced)


class X509KeyUsageFlags(int):
    """``X509KeyUsageFlags``: shows as .NET lists flags, lowest value first."""

    DOTNET_NAME = _X509 + "X509KeyUsageFlags"
    PS_TYPE_NAMES = (DOTNET_NAME, "System.Enum", "System.ValueType", "System.Object")
    NAMES = (("EncipherOnly", 1), ("CrlSign", 2), ("KeyCertSign", 4), ("KeyAgreement", 8),
             ("DataEncipherment", 16), ("KeyEncipherment", 32), ("NonRepudiation", 64),
             ("DigitalSignature", 128), ("DecipherOnly", 32768))

    def __str__(self) -> str:
        names = [n for n, v in self.NAMES if int(self) & v]
        return ", ".join(names) if names else "None"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "<X509KeyUsageFlags %s>" % self


class X509KeyUsageExtension(X509Extension):
    PS_TYPE_NAMES = (_X509 + "X509KeyUsageExtension",) + X509Extension.PS_TYPE_NAMES
    PS_PROPERTIES = ("KeyUsages", "Critical", "Oid", "RawData")

    def __init__(self, oid: str, critical: bool, raw: bytes, source: Any = None,
                 spaced: bool = False):
        super().__init__(oid, critical, raw, source, spaced)
        flags = 0
        if source is not None:
            from .x509text import key_usage_flags
            first, second = key_usage_flags(source.value)
            flags = first | (32768 if second else 0)
        self.KeyUsages = X509KeyUsageFlags(flags)


class OidCollection(list):
    """``OidCollection`` (what EnhancedKeyUsages holds)."""

    PS_TYPE_NAMES = (_CRYPTO + "OidCollection", "System.Object")


class X509EnhancedKeyUsageExtension(X509Extension):
    PS_TYPE_NAMES = (_X509 + "X509EnhancedKeyUsageExtension",) + X509Extension.PS_TYPE_NAMES
    PS_PROPERTIES = ("EnhancedKeyUsages", "Critical", "Oid", "RawData")

    def __init__(self, oid: str, critical: bool, raw: bytes, source: Any = None,
                 spaced: bool = False):
        super().__init__(oid, critical, raw, source, spaced)
        oids = [o.dotted_string for o in source.value] if source is not None else []
        self.EnhancedKeyUsages = OidCollection(Oid(o, _friendly(o)) for o in oids)


class X509BasicConstraintsExtension(X509Extension):
    PS_TYPE_NAMES = (_X509 + "X509BasicConstraintsExtension",) + X509Extension.PS_TYPE_NAMES
    PS_PROPERTIES = ("CertificateAuthority", "HasPathLengthConstraint", "PathLengthConstraint",
                     "Critical", "Oid", "RawData")

    def __init__(self, oid: str, critical: bool, raw: bytes, source: Any = None,
                 spaced: bool = False):
        super().__init__(oid, critical, raw, source, spaced)
        value = source.value if source is not None else None
        self.CertificateAuthority = bool(value is not None and value.ca)
        length = None if value is None else value.path_length
        self.HasPathLengthConstraint = length is not None
        self.PathLengthConstraint = 0 if length is None else length


class X509SubjectKeyIdentifierExtension(X509Extension):
    PS_TYPE_NAMES = (_X509 + "X509SubjectKeyIdentifierExtension",) + X509Extension.PS_TYPE_NAMES
    PS_PROPERTIES = ("SubjectKeyIdentifier", "Critical", "Oid", "RawData")

    def __init__(self, oid: str, critical: bool, raw: bytes, source: Any = None,
                 spaced: bool = False):
        super().__init__(oid, critical, raw, source, spaced)
        self.SubjectKeyIdentifier = source.value.digest.hex().upper() if source is not None else ""


_EXTENSION_CLASSES = {"2.5.29.15": X509KeyUsageExtension, "2.5.29.37": X509EnhancedKeyUsageExtension,
                      "2.5.29.19": X509BasicConstraintsExtension,
                      "2.5.29.14": X509SubjectKeyIdentifierExtension}


def _friendly(oid: str) -> str:
    from .x509text import friendly_name
    return friendly_name(oid)


def extension_objects(cert: Any, spaced: bool = False) -> list:
    """The ``Extensions`` collection of a ``cryptography.x509.Certificate``."""
    out = []
    for ext in cert.extensions:
        value = ext.value
        raw = getattr(value, "value", None)
        if not isinstance(raw, (bytes, bytearray)):
            try:
                raw = value.public_bytes()
            except Exception:  # noqa: BLE001 - unrecognised or odd extension: no bytes
                raw = b""
        oid = ext.oid.dotted_string
        cls = _EXTENSION_CLASSES.get(oid, X509Extension)
        try:
            out.append(cls(oid, ext.critical, bytes(raw), ext, spaced))
        except (AttributeError, TypeError, ValueError):
            out.append(X509Extension(oid, ext.critical, bytes(raw), ext, spaced))
    return out


class IisService(_DotNet):
    """An ``IisServices`` entry; shows as ``IIS://EX01/W3SVC/1``."""

    PS_TYPE_NAMES = ("Microsoft.Exchange.Management.SystemConfigurationTasks.IisService",
                     "System.Object")
    PS_PROPERTIES = ("Server", "SiteId", "Path")

    def __init__(self, server: str, site_id: int, path: str = ""):
        self.Server = server
        self.SiteId = site_id
        self.Path = path

    def __str__(self) -> str:
        return "IIS://%s/W3SVC/%d%s" % (self.Server, self.SiteId, self.Path)


class DnsNameRepresentation(_DotNet):
    """A ``DnsNameList`` entry (PowerShell 3+ script property); shows as the name."""

    PS_TYPE_NAMES = ("Microsoft.PowerShell.Commands.DnsNameRepresentation",
                     "System.ValueType", "System.Object")
    PS_PROPERTIES = ("Punycode", "Unicode")

    def __init__(self, name: str):
        self.Punycode = name
        self.Unicode = name

    def __str__(self) -> str:
        return self.Unicode


class EnhancedKeyUsageRepresentation(_DotNet):
    """An ``EnhancedKeyUsageList`` entry; shows as ``Server Authentication (1.3.6.1.5.5.7.3.1)``."""

    PS_TYPE_NAMES = ("Microsoft.PowerShell.Commands.EnhancedKeyUsageRepresentation",
                     "System.Object")
    PS_PROPERTIES = ("FriendlyName", "ObjectId")

    def __init__(self, oid: str):
        self.ObjectId = oid
        self.FriendlyName = OID_NAMES.get(oid, "")

    def __str__(self) -> str:
        return "%s (%s)" % (self.FriendlyName, self.ObjectId) if self.FriendlyName else self.ObjectId
