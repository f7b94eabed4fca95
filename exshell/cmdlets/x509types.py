"""The .NET X.509 types scripts use: X509Certificate2, X509Certificate2Collection,
X509Store, X509Chain and their enums (StoreName, StoreLocation, OpenFlags,
X509FindType, X509ContentType, X509KeyStorageFlags, X509NameType...).

They act on the emulated machine: a file named in a constructor or ``Import()`` is
read from the emulated drive (relative paths from .NET's current directory, not
PowerShell's location); an X509Store is one of the machine's logical stores
(:mod:`exshell.exchange.certstores`, the same stores the Exchange cmdlets and the
Cert: drive use); X509Chain builds under the emulated trust and clock.  ``Export``
returns real DER / PFX bytes that openssl reads.

Every object keeps the :class:`CertEnv` of its session (the dialect decides the
script properties, the clock decides validity).  Constructors need the session, so
the types construct through their static handlers (``[T]::new()``, New-Object); a
cast (``[X509Certificate2]$x``) takes only an existing certificate.

.NET's failures are raised as :class:`~exshell.engine.nettypes.NetError` with
.NET Framework's texts (a trailing CRLF included, as Windows' messages have it).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from ..engine.conversion import ConversionError, to_bool, to_datetime, to_string
from ..engine.dotnet import MethodError, method_not_found, method_threw, overload_not_found
from ..engine.nettypes import NetEnum, NetError, NetFlags, NetType, enum_type, register
from ..engine.properties import NOT_FOUND, get_property, type_names
from ..engine.statics import STATICS

__all__ = ["CertEnv", "env_of", "X509Certificate2", "X509Certificate2Collection", "X509Store",
           "X509Chain", "StoreName", "StoreLocation", "OpenFlags", "X509FindType",
           "X509ContentType", "X509KeyStorageFlags", "X509NameType", "X509RevocationMode",
           "X509RevocationFlag", "X509VerificationFlags", "X509ChainStatusFlags", "PathNote",
           "certificate_from_item", "load_certificate_data", "password_text", "X509_TYPES",
           "CertificateLoadError", "PROVIDER_NAME", "X509StoreLocation"]

X509 = "System.Security.Cryptography.X509Certificates."
_CRYPTO_EXC = "System.Security.Cryptography.CryptographicException"
#: The provider name as PSPath/PSProvider spell it.
PROVIDER_NAME = "Microsoft.PowerShell.Security\\Certificate"

# .NET Framework's texts (Windows' FormatMessage, which ends with CRLF).
FILE_NOT_FOUND = "The system cannot find the file specified.\r\n"
BAD_PASSWORD = "The specified network password is not correct.\r\n"
NOT_A_CERTIFICATE = "Cannot find the requested object.\r\n"
KEY_NOT_EXPORTABLE = "Key not valid for use in specified state.\r\n"
ACCESS_DENIED = "Access is denied.\r\n"
STORE_NOT_OPEN = "m_safeCertStoreHandle is an invalid handle."
INVALID_CONTENT_TYPE = "Invalid content type.\r\n"
EMPTY_CERT = "m_safeCertContext is an invalid handle."


class CertificateLoadError(Exception):
    """Certificate data could not be read: ``message`` is .NET's text."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# ====================================================================== enums

class X509KeyStorageFlags(NetFlags):
    DefaultKeySet = 0
    UserKeySet = 1
    MachineKeySet = 2
    Exportable = 4
    UserProtected = 8
    PersistKeySet = 16
    EphemeralKeySet = 32


class _AliasedEnum(NetEnum):
    """An enum with aliases (``Pkcs12`` is ``Pfx``): names resolve through them too."""

    @classmethod
    def parse_name(cls, name: str) -> Any:
        folded = name.strip().casefold()
        for key, member in cls.__members__.items():
            if key.rstrip("_").casefold() == folded:
                return member
        return None


class X509ContentType(_AliasedEnum):
    Unknown = 0
    Cert = 1
    SerializedCert = 2
    Pfx = 3
    Pkcs12 = 3
    SerializedStore = 4
    Pkcs7 = 5
    Authenticode = 6


class X509NameType(NetEnum):
    SimpleName = 0
    EmailName = 1
    UpnName = 2
    DnsName = 3
    DnsFromAlternativeName = 4
    UrlName = 5


class X509FindType(NetEnum):
    FindByThumbprint = 0
    FindBySubjectName = 1
    FindBySubjectDistinguishedName = 2
    FindByIssuerName = 3
    FindByIssuerDistinguishedName = 4
    FindBySerialNumber = 5
    FindByTimeValid = 6
    FindByTimeNotYetValid = 7
    FindByTimeExpired = 8
    FindByTemplateName = 9
    FindByApplicationPolicy = 10
    FindByCertificatePolicy = 11
    FindByExtension = 12
    FindByKeyUsage = 13
    FindBySubjectKeyIdentifier = 14


class OpenFlags(NetFlags):
    ReadOnly = 0
    ReadWrite = 1
    MaxAllowed = 2
    OpenExistingOnly = 4
    IncludeArchived = 8


class StoreName(NetEnum):
    AddressBook = 1
    AuthRoot = 2
    CertificateAuthority = 3
    Disallowed = 4
    My = 5
    Root = 6
    TrustedPeople = 7
    TrustedPublisher = 8


class StoreLocation(NetEnum):
    CurrentUser = 1
    LocalMachine = 2


class X509RevocationMode(NetEnum):
    NoCheck = 0
    Online = 1
    Offline = 2


class X509RevocationFlag(NetEnum):
    EndCertificateOnly = 0
    EntireChain = 1
    ExcludeRoot = 2


class X509VerificationFlags(NetFlags):
    NoFlag = 0
    IgnoreNotTimeValid = 1
    IgnoreCtlNotTimeValid = 2
    IgnoreNotTimeNested = 4
    IgnoreInvalidBasicConstraints = 8
    AllowUnknownCertificateAuthority = 16
    IgnoreWrongUsage = 32
    IgnoreInvalidName = 64
    IgnoreInvalidPolicy = 128
    IgnoreEndRevocationUnknown = 256
    IgnoreCtlSignerRevocationUnknown = 512
    IgnoreCertificateAuthorityRevocationUnknown = 1024
    IgnoreRootRevocationUnknown = 2048
    AllFlags = 4095


class X509ChainStatusFlags(NetFlags):
    NoError = 0
    NotTimeValid = 1
    NotTimeNested = 2
    Revoked = 4
    NotSignatureValid = 8
    NotValidForUsage = 16
    UntrustedRoot = 32
    RevocationStatusUnknown = 64
    Cyclic = 128
    InvalidExtension = 256
    InvalidPolicyConstraints = 512
    InvalidBasicConstraints = 1024
    InvalidNameConstraints = 2048
    HasNotSupportedNameConstraint = 4096
    HasNotDefinedNameConstraint = 8192
    HasNotPermittedNameConstraint = 16384
    HasExcludedNameConstraint = 32768
    PartialChain = 65536
    CtlNotTimeValid = 131072
    CtlNotSignatureValid = 262144
    CtlNotValidForUsage = 524288
    OfflineRevocation = 16777216
    NoIssuanceChainPolicy = 33554432
    ExplicitDistrust = 67108864
    HasNotSupportedCriticalExtension = 134217728
    HasWeakSignature = 1048576

    def __str__(self) -> str:
        if self.value == 0:
            return "NoError"
        return ", ".join(m.name for m in type(self) if m.value and self.value & m.value == m.value
                         and bin(m.value).count("1") == 1)


_ENUMS = (
    (X509KeyStorageFlags, "X509KeyStorageFlags"), (X509ContentType, "X509ContentType"),
    (X509NameType, "X509NameType"), (X509FindType, "X509FindType"), (OpenFlags, "OpenFlags"),
    (StoreName, "StoreName"), (StoreLocation, "StoreLocation"),
    (X509RevocationMode, "X509RevocationMode"), (X509RevocationFlag, "X509RevocationFlag"),
    (X509VerificationFlags, "X509VerificationFlags"),
    (X509ChainStatusFlags, "X509ChainStatusFlags"),
)
# Set after the classes: in a class body an enum would take DOTNET_NAME for a member.
for _cls, _short in _ENUMS:
    setattr(_cls, "DOTNET_NAME", X509 + _short)
del _cls, _short

#: StoreName member -> the store it opens.
_STORE_NAMES = {"AddressBook": "AddressBook", "CertificateAuthority": "CA"}


# ====================================================================== session

class CertEnv:
    """What the certificate objects of one session read: the dialect and profile,
    the clock, the local server's stores and the emulated drive."""

    def __init__(self, context: Any):
        self.context = context

    @property
    def dialect(self) -> Any:
        return self.context.dialect

    @property
    def profile(self) -> Any:
        return self.context.profile

    def now(self) -> _dt.datetime:
        return self.context.clock.now()

    def server(self) -> Any:
        """The machine the shell runs on (the organisation's local server), or None."""
        from ..exchange.world import ExchangeWorld
        world = self.context.find(ExchangeWorld)
        if world is None:
            return None
        return world.organization.local_server

    def read_file(self, path: str) -> bytes:
        """A file as .NET opens it (relative to .NET's current directory); raises
        NetError with .NET's text."""
        from .filesystem import DOTNET_CURRENT_DIRECTORY
        try:
            provider = self.context.providers.get("FileSystem")
            drive = provider.drive
            drive.ensure()
            p = drive.resolve(path, DOTNET_CURRENT_DIRECTORY)
            if not p.is_file:
                raise NetError(_CRYPTO_EXC, FILE_NOT_FOUND)
            return drive.read_bytes(p)
        except NetError:
            raise
        except OSError:
            raise NetError(_CRYPTO_EXC, FILE_NOT_FOUND) from None


def env_of(context: Any) -> CertEnv:
    """The session's CertEnv (made once, kept in the context)."""
    env = context.find(CertEnv)
    if env is None:
        env = context.register(CertEnv(context))
    return env


def password_text(value: Any) -> Optional[str]:
    """A password argument (string or SecureString) as text; None for $null."""
    if value is None:
        return None
    plain = getattr(value, "plain_text", None)
    if callable(plain):
        return plain()
    return to_string(value)


def _bytes_of(value: Any) -> Optional[bytes]:
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, (list, tuple)) and all(isinstance(v, int) for v in value):
        try:
            return bytes(v & 0xFF for v in value)
        except ValueError:
            return None
    return None


class _Material:
    """A certificate as loaded: the X.509, its DER, key, friendly name, chain."""

    def __init__(self, cert: Any, der: bytes, key: Any = None, friendly_name: str = "",
                 chain: Sequence[Any] = ()):
        self.cert = cert
        self.der = der
        self.key = key
        self.friendly_name = friendly_name
        self.chain = list(chain)


def load_certificate_data(data: bytes, password: Optional[str]) -> _Material:
    """Read certificate data as X509Certificate2's constructor does (DER, PEM,
    PKCS#7 -- its signer or first certificate --, PFX, serialized certificate);
    raises CertificateLoadError with .NET's text."""
    from ..exchange.codec import ImportDataError, load_import, serialized_certificate
    from ..exchange.issuance import der_bytes
    serialized = serialized_certificate(data)
    if serialized is not None:
        from cryptography import x509
        der, friendly = serialized
        try:
            return _Material(x509.load_der_x509_certificate(der), der, friendly_name=friendly)
        except ValueError:
            raise CertificateLoadError(NOT_A_CERTIFICATE) from None
    try:
        material = load_import(data, password or None)
    except ImportDataError:
        from ..exchange.codec import content_type
        kind = content_type(data)
        raise CertificateLoadError(BAD_PASSWORD if kind == "Pfx" else NOT_A_CERTIFICATE) from None
    leaf = material.leaf
    return _Material(leaf, der_bytes(leaf), material.key, material.friendly_name or "",
                     material.certificates[1:])


# ====================================================================== small objects

class _Named:
    """An object shown by a fixed string (PSDrive, PSProvider, enrolment endpoints)."""

    def __init__(self, text: str, type_name: str, props: Sequence[Tuple[str, Any]] = ()):
        self._text = text
        self.PS_TYPE_NAMES = (type_name, "System.Object")
        self.PS_PROPERTIES = tuple(n for n, _ in props)
        for n, v in props:
            setattr(self, n, v)

    def __str__(self) -> str:
        return self._text


class PathNote:
    """Where a provider item came from: the PS* note properties PowerShell adds."""

    def __init__(self, parent: str, child: str, container: bool):
        #: The provider path of the parent (``LocalMachine\\My``; "" for the root).
        self.parent = parent
        self.child = child
        self.container = container

    @property
    def path(self) -> str:
        return self.parent + "\\" + self.child if self.parent else self.child

    def properties(self) -> List[Tuple[str, Any]]:
        prefix = PROVIDER_NAME + "::"
        return [("PSPath", prefix + self.path), ("PSParentPath", prefix + self.parent),
                ("PSChildName", self.child),
                ("PSDrive", _Named("Cert", "System.Management.Automation.PSDriveInfo",
                                   (("Name", "Cert"), ("Root", "\\")))),
                ("PSProvider", _Named(PROVIDER_NAME, "System.Management.Automation.ProviderInfo",
                                      (("Name", "Certificate"),))),
                ("PSIsContainer", self.container)]


_PS_NAMES = ("PSPath", "PSParentPath", "PSChildName", "PSDrive", "PSProvider", "PSIsContainer")
_SCRIPT_PROPS = ("EnhancedKeyUsageList", "DnsNameList", "SendAsTrustedIssuer")
_PKI_PROPS = ("EnrollmentPolicyEndPoint", "EnrollmentServerEndPoint", "PolicyId")
_BASE_PROPS = ("Archived", "Extensions", "FriendlyName", "IssuerName", "NotAfter", "NotBefore",
               "HasPrivateKey", "PrivateKey", "PublicKey", "RawData", "SerialNumber",
               "SubjectName", "SignatureAlgorithm", "Thumbprint", "Version", "Handle", "Issuer",
               "Subject")


def _serial_hex(serial: int) -> str:
    length = serial.bit_length() // 8 + 1
    return serial.to_bytes(length, "big").hex().upper()


def _naive(dt: _dt.datetime) -> _dt.datetime:
    return dt.replace(tzinfo=None) if dt.tzinfo else dt


def _general_date(dt: _dt.datetime) -> str:
    from ..exchange.texts import general_date
    return general_date(dt)


# ====================================================================== X509Certificate2

class X509Certificate2:
    """``System.Security.Cryptography.X509Certificates.X509Certificate2``."""

    PS_TYPE_NAMES = (X509 + "X509Certificate2", X509 + "X509Certificate", "System.Object")
    PS_SETTABLE = ("FriendlyName",)

    def __init__(self, env: CertEnv, material: Optional[_Material] = None, *,
                 exportable: bool = False, stored: Any = None, note: Optional[PathNote] = None):
        self._env = env
        self._note = note
        self._load(material, exportable, stored)

    def _load(self, material: Optional[_Material], exportable: bool, stored: Any) -> None:
        self._m = material
        self._exportable = exportable
        #: The StoredCertificate behind a store item (FriendlyName writes go there).
        self._stored = stored
        self._friendly = material.friendly_name if material is not None else ""
        self._cache: Dict[str, Any] = {}

    # -- python helpers -----------------------------------------------------------------
    @property
    def x509(self) -> Any:
        return self._m.cert if self._m is not None else None

    @property
    def der(self) -> bytes:
        return self._m.der if self._m is not None else b""

    @property
    def key(self) -> Any:
        if self._stored is not None:
            return self._stored.key
        return self._m.key if self._m is not None else None

    @property
    def exportable(self) -> bool:
        if self._stored is not None:
            return self._stored.exportable
        return self._exportable

    @property
    def chain(self) -> List[Any]:
        return list(self._m.chain) if self._m is not None else []

    @property
    def stored(self) -> Any:
        return self._stored

    @property
    def note(self) -> Optional[PathNote]:
        return self._note

    @property
    def env(self) -> CertEnv:
        return self._env

    def _need(self) -> _Material:
        if self._m is None:
            raise NetError(_CRYPTO_EXC, EMPTY_CERT)
        return self._m

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, X509Certificate2) and other.der == self.der and bool(self.der)

    def __hash__(self) -> int:
        return hash(self.der)

    def __repr__(self) -> str:
        return "<X509Certificate2 %s>" % (self.Thumbprint if self._m is not None else "empty")

    # -- the property list --------------------------------------------------------------
    @property
    def PS_PROPERTIES(self) -> Tuple[str, ...]:  # type: ignore[override]
        names: Tuple[str, ...] = ()
        if self._note is not None:
            names += _PS_NAMES
        if self._env.dialect.x509_script_properties:
            names += _SCRIPT_PROPS
            if self._env.profile.pki_module:
                names += _PKI_PROPS
        return names + _BASE_PROPS

    def ps_extra_property(self, name: str) -> Any:
        return NOT_FOUND

    def __getattr__(self, name: str) -> Any:
        # PS* note properties (only for provider items).
        if name.startswith("PS") and name in _PS_NAMES and self.__dict__.get("_note") is not None:
            return dict(self._note.properties())[name]
        raise AttributeError(name)

    def _cached(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    # -- .NET properties ----------------------------------------------------------------
    @property
    def RawData(self) -> bytes:
        if self._m is None:
            return None
        return self._need().der

    @property
    def Thumbprint(self) -> str:
        if self._m is None:
            return None
        return self._cached("thumb", lambda: hashlib.sha1(self._need().der).hexdigest().upper())

    @property
    def Subject(self) -> str:
        if self._m is None:
            return None
        from ..exchange.names import format_dn
        return self._cached("subject", lambda: format_dn(self._need().cert.subject))

    @property
    def Issuer(self) -> str:
        if self._m is None:
            return None
        from ..exchange.names import format_dn
        return self._cached("issuer", lambda: format_dn(self._need().cert.issuer))

    @property
    def SubjectName(self) -> Any:
        if self._m is None:
            return None
        from ..exchange.dotnet import X500DistinguishedName
        return X500DistinguishedName(self.Subject, self._need().cert.subject.public_bytes())

    @property
    def IssuerName(self) -> Any:
        if self._m is None:
            return None
        from ..exchange.dotnet import X500DistinguishedName
        return X500DistinguishedName(self.Issuer, self._need().cert.issuer.public_bytes())

    @property
    def NotBefore(self) -> _dt.datetime:
        if self._m is None:
            return None
        return _naive(self._need().cert.not_valid_before_utc)

    @property
    def NotAfter(self) -> _dt.datetime:
        if self._m is None:
            return None
        return _naive(self._need().cert.not_valid_after_utc)

    @property
    def SerialNumber(self) -> str:
        if self._m is None:
            return None
        return _serial_hex(self._need().cert.serial_number)

    @property
    def Version(self) -> int:
        if self._m is None:
            return None
        return self._need().cert.version.value + 1

    @property
    def SignatureAlgorithm(self) -> Any:
        if self._m is None:
            return None
        from ..exchange.dotnet import Oid
        return Oid(self._need().cert.signature_algorithm_oid.dotted_string)

    def _key_size(self) -> int:
        key = self._need().cert.public_key()
        return getattr(key, "key_size", 0) or getattr(getattr(key, "curve", None), "key_size", 0)

    @property
    def PublicKey(self) -> Any:
        if self._m is None:
            return None
        from ..exchange.dotnet import PublicKeyInfo
        from ..exchange.issuance import public_key_pkcs1
        cert = self._need().cert

        def make() -> Any:
            try:
                encoded = public_key_pkcs1(cert)
            except (ValueError, TypeError, AttributeError):
                encoded = b""
            return PublicKeyInfo(self._key_size(), cert.public_key_algorithm_oid.dotted_string,
                                 encoded)
        return self._cached("pubkey", make)

    @property
    def HasPrivateKey(self) -> bool:
        return self.key is not None if self._stored is None else self._stored.has_key

    @property
    def PrivateKey(self) -> Any:
        if self._m is None:
            return None
        from ..exchange.dotnet import AsymmetricKey
        return AsymmetricKey(self._key_size(), public_only=False) if self.HasPrivateKey else None

    @property
    def Archived(self) -> bool:
        return self._stored.archived if self._stored is not None else False

    @property
    def Extensions(self) -> list:
        if self._m is None:
            return None
        from ..exchange.dotnet import extension_objects
        return self._cached("ext", lambda: extension_objects(
            self._need().cert, self._env.profile.spaced_key_ids))

    @property
    def Handle(self) -> int:
        return 0x1F000000000 + int(self.Thumbprint[:8], 16) * 16 if self._m is not None else 0

    @property
    def FriendlyName(self) -> str:
        if self._stored is not None:
            return self._stored.friendly_name
        return self._friendly

    @FriendlyName.setter
    def FriendlyName(self, value: Any) -> None:
        text = "" if value is None else to_string(value)
        if self._stored is not None:
            from ..exchange.certstores import StoreAccessDenied
            try:
                self._stored.friendly_name = text
            except StoreAccessDenied:
                raise NetError(_CRYPTO_EXC, ACCESS_DENIED) from None
        self._friendly = text

    # script properties (PowerShell 3.0+)
    @property
    def DnsNameList(self) -> list:
        if self._m is None:
            return None
        from ..exchange.dotnet import DnsNameRepresentation
        from ..exchange.x509text import dns_name_list
        return [DnsNameRepresentation(n) for n in dns_name_list(self._need().cert)]

    @property
    def EnhancedKeyUsageList(self) -> list:
        if self._m is None:
            return None
        from ..exchange.dotnet import EnhancedKeyUsageRepresentation
        from ..exchange.x509text import eku_oids
        return [EnhancedKeyUsageRepresentation(o) for o in eku_oids(self._need().cert)]

    @property
    def SendAsTrustedIssuer(self) -> bool:
        return False

    @property
    def EnrollmentPolicyEndPoint(self) -> Any:
        return _endpoint()

    @property
    def EnrollmentServerEndPoint(self) -> Any:
        return _endpoint()

    @property
    def PolicyId(self) -> Any:
        return None

    # -- strings ------------------------------------------------------------------------
    def __str__(self) -> str:
        if self._m is None:
            return X509 + "X509Certificate2"
        parts = [("Subject", self.Subject), ("Issuer", self.Issuer),
                 ("Serial Number", self.SerialNumber),
                 ("Not Before", _general_date(self.NotBefore)),
                 ("Not After", _general_date(self.NotAfter)), ("Thumbprint", self.Thumbprint)]
        return "".join("[%s]\r\n  %s\r\n\r\n" % p for p in parts)

    def ps_method_ToString(self, verbose: Any = False) -> str:
        if not to_bool(verbose) or self._m is None:
            return str(self)
        return self._verbose()

    def _verbose(self) -> str:
        from ..exchange.x509text import name_info
        cert = self._need().cert
        out: List[str] = ["[Version]\r\n  V%d\r\n\r\n" % self.Version]
        for label, issuer in (("Subject", False), ("Issuer", True)):
            block = "[%s]\r\n  %s" % (label, self.Issuer if issuer else self.Subject)
            for title, kind in (("Simple Name", "SimpleName"), ("Email Name", "EmailName"),
                                ("UPN Name", "UpnName"), ("DNS Name", "DnsName")):
                value = name_info(cert, kind, issuer)
                if value:
                    block += "\r\n  %s: %s" % (title, value)
            out.append(block + "\r\n\r\n")
        out.append("[Serial Number]\r\n  %s\r\n\r\n" % self.SerialNumber)
        out.append("[Not Before]\r\n  %s\r\n\r\n" % _general_date(self.NotBefore))
        out.append("[Not After]\r\n  %s\r\n\r\n" % _general_date(self.NotAfter))
        out.append("[Thumbprint]\r\n  %s\r\n\r\n" % self.Thumbprint)
        sig = self.SignatureAlgorithm
        out.append("[Signature Algorithm]\r\n  %s(%s)\r\n\r\n" % (sig.FriendlyName, sig.Value))
        pub = self.PublicKey
        text = "[Public Key]\r\n  Algorithm: %s\r\n  Length: %d\r\n  Key Blob: %s\r\n  Parameters: %s" % (
            pub.Oid.FriendlyName, pub.Key.KeySize, _blob(pub.EncodedKeyValue), _blob(b"\x05\x00"))
        out.append(text)
        if self.HasPrivateKey:
            out.append("\r\n\r\n[Private Key]\r\n  Key Store: Machine\r\n  Provider Name: "
                       "Microsoft RSA SChannel Cryptographic Provider\r\n  Provider type: "
                       "PROV_RSA_SCHANNEL\r\n  Key Spec: Exchange\r\n  Key Container Name: %s"
                       % _container_name(self.Thumbprint))
        exts = self.Extensions
        if exts:
            out.append("\r\n\r\n[Extensions]")
            for e in exts:
                out.append("\r\n* %s(%s):\r\n  %s" % (e.Oid.FriendlyName, e.Oid.Value,
                                                     e.ps_method_Format(True)))
        out.append("\r\n")
        return "".join(out)

    # -- methods ------------------------------------------------------------------------
    def ps_method_GetNameInfo(self, name_type: Any, for_issuer: Any) -> str:
        from ..exchange.x509text import name_info
        kind = _enum(X509NameType, name_type, "nameType")
        return name_info(self._need().cert, kind.name, to_bool(for_issuer))

    def ps_method_Verify(self) -> bool:
        server = self._env.server()
        if server is None:
            return False
        from ..exchange.certstores import build_trust_chain
        return build_trust_chain(server, self._need().cert, extra=self.chain).ok

    def ps_method_GetCertHash(self) -> bytes:
        return hashlib.sha1(self._need().der).digest()

    def ps_method_GetCertHashString(self) -> str:
        return self.Thumbprint

    def ps_method_GetSerialNumber(self) -> bytes:
        return bytes(reversed(bytes.fromhex(self.SerialNumber)))

    def ps_method_GetSerialNumberString(self) -> str:
        return self.SerialNumber

    def ps_method_GetRawCertData(self) -> bytes:
        return self._need().der

    def ps_method_GetRawCertDataString(self) -> str:
        return self._need().der.hex().upper()

    def ps_method_GetExpirationDateString(self) -> str:
        return _general_date(self.NotAfter)

    def ps_method_GetEffectiveDateString(self) -> str:
        return _general_date(self.NotBefore)

    def ps_method_GetPublicKey(self) -> bytes:
        return self.PublicKey.EncodedKeyValue

    def ps_method_GetPublicKeyString(self) -> str:
        return self.PublicKey.EncodedKeyValue.hex().upper()

    def ps_method_GetKeyAlgorithm(self) -> str:
        return self._need().cert.public_key_algorithm_oid.dotted_string

    def ps_method_GetKeyAlgorithmParametersString(self) -> str:
        return "0500"

    def ps_method_GetName(self) -> str:
        return self.Subject

    def ps_method_GetIssuerName(self) -> str:
        return self.Issuer

    def ps_method_GetFormat(self) -> str:
        return "X509"

    def ps_method_GetHashCode(self) -> int:
        return int.from_bytes(self.ps_method_GetCertHash()[:4], "little") if self._m else 0

    def ps_method_Equals(self, other: Any = None) -> bool:
        return self == other

    def ps_method_Reset(self) -> None:
        self._note = None
        self._load(None, False, None)

    def ps_method_Export(self, content_type: Any, password: Any = None) -> bytes:
        from ..exchange.codec import export_pfx_windows, serialize_certificate
        kind = _enum(X509ContentType, content_type, "contentType")
        m = self._need()
        if kind == X509ContentType.Cert:
            return m.der
        if kind == X509ContentType.SerializedCert:
            return serialize_certificate(m.der, self.FriendlyName)
        if kind == X509ContentType.Pfx:
            key = self.key
            if key is not None and not self.exportable:
                raise NetError(_CRYPTO_EXC, KEY_NOT_EXPORTABLE)
            return export_pfx_windows(m.cert, key, password_text(password),
                                      self.FriendlyName or None)
        raise NetError(_CRYPTO_EXC, INVALID_CONTENT_TYPE)

    def ps_method_Import(self, data: Any, password: Any = None, flags: Any = None) -> None:
        material, exportable = _read_material(self._env, data, password, flags)
        self._note = None
        self._load(material, exportable, None)


def _blob(data: bytes) -> str:
    """AsnEncodedData.Format(true) of key bytes: hex pairs, 16 to a line."""
    pairs = ["%02x" % b for b in data]
    lines = [" ".join(pairs[i:i + 16]) for i in range(0, len(pairs), 16)]
    return "\r\n".join(lines) + "\r\n" if lines else ""


def _container_name(thumbprint: str) -> str:
    h = hashlib.md5(thumbprint.encode("ascii")).hexdigest()
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:32])


def _endpoint() -> Any:
    return _Named("Microsoft.CertificateServices.Commands.EnrollmentEndPointProperty",
                  "Microsoft.CertificateServices.Commands.EnrollmentEndPointProperty",
                  (("FriendlyName", None), ("Url", None)))


def _enum(cls: Any, value: Any, parameter: str) -> Any:
    from ..engine.nettypes import NetArgumentError
    try:
        return cls.parse(value)
    except (ValueError, TypeError, KeyError):
        names = ", ".join(m for m in cls.__members__)
        raise NetArgumentError(parameter, value, cls.DOTNET_NAME,
                               'Cannot convert value "%s" to type "%s". Error: "Unable to match the '
                               'identifier name %s to a valid enumerator name. Specify one of the '
                               'following enumerator names and try again:\n%s"'
                               % (to_string(value), cls.DOTNET_NAME, to_string(value), names))


def _flags(value: Any) -> int:
    if value is None:
        return 0
    try:
        return int(X509KeyStorageFlags.parse(value))
    except ValueError:
        return int(_enum(X509KeyStorageFlags, value, "keyStorageFlags"))


def _read_material(env: CertEnv, data: Any, password: Any, flags: Any) -> Tuple[_Material, bool]:
    """What a constructor or Import() reads: bytes, a file name or a certificate."""
    if isinstance(data, X509Certificate2):
        m = data._need()
        return _Material(m.cert, m.der, data.key, data.FriendlyName, m.chain), data.exportable
    raw = _bytes_of(data)
    if raw is None:
        full = get_property(data, "FullName")   # a FileInfo converts to its path
        path = to_string(full if full is not NOT_FOUND and full is not None else data)
        if not path:
            raise NetError("System.ArgumentException",
                           "Empty file name is not legal.\r\nParameter name: fileName")
        raw = env.read_file(path)
    if not raw:
        raise NetError("System.ArgumentException", "Array may not be empty or null.\r\n"
                       "Parameter name: rawData")
    try:
        material = load_certificate_data(raw, password_text(password))
    except CertificateLoadError as e:
        raise NetError(_CRYPTO_EXC, e.message) from None
    exportable = bool(_flags(flags) & X509KeyStorageFlags.Exportable)
    return material, exportable


def certificate_from_item(env: CertEnv, stored: Any, note: Optional[PathNote] = None) -> X509Certificate2:
    """The X509Certificate2 of a store item (the Cert: drive, X509Store.Certificates)."""
    from ..exchange.certstores import StoredCertificate  # noqa: F401 (type of ``stored``)
    material = _Material(stored.cert, stored.der)
    return X509Certificate2(env, material, stored=stored, note=note)


# ====================================================================== collections

class X509Certificate2Collection(list):
    """``X509Certificate2Collection`` (Certificates, Find())."""

    PS_TYPE_NAMES = (X509 + "X509Certificate2Collection", X509 + "X509CertificateCollection",
                     "System.Collections.CollectionBase", "System.Object")

    def __init__(self, items: Any = (), env: Optional[CertEnv] = None):
        super().__init__(items)
        self._env = env

    def ps_method_Add(self, cert: Any) -> int:
        if not isinstance(cert, X509Certificate2):
            raise NetError("System.ArgumentNullException", "Value cannot be null.\r\n"
                           "Parameter name: certificate")
        self.append(cert)
        return len(self) - 1

    def ps_method_AddRange(self, certs: Any) -> None:
        for c in (certs if isinstance(certs, (list, tuple)) else [certs]):
            self.ps_method_Add(c)

    def ps_method_Remove(self, cert: Any) -> None:
        if cert in self:
            self.remove(cert)

    def ps_method_Contains(self, cert: Any) -> bool:
        return cert in self

    def ps_method_Clear(self) -> None:
        self.clear()

    def ps_method_Import(self, data: Any, password: Any = None, flags: Any = None) -> None:
        if self._env is None:
            raise NetError(_CRYPTO_EXC, NOT_A_CERTIFICATE)
        material, exportable = _read_material(self._env, data, password, flags)
        self.append(X509Certificate2(self._env, material, exportable=exportable))
        for extra in material.chain:
            from ..exchange.issuance import der_bytes
            self.append(X509Certificate2(self._env, _Material(extra, der_bytes(extra))))

    def ps_method_Find(self, find_type: Any, find_value: Any, valid_only: Any) -> "X509Certificate2Collection":
        kind = _enum(X509FindType, find_type, "findType")
        out = X509Certificate2Collection(env=self._env)
        for cert in self:
            if _matches(cert, kind, find_value) and (not to_bool(valid_only) or cert.ps_method_Verify()):
                out.append(cert)
        return out

    def ps_method_Export(self, content_type: Any, password: Any = None) -> bytes:
        from ..exchange.codec import export_pfx_windows, pkcs7_bytes
        kind = _enum(X509ContentType, content_type, "contentType")
        if kind == X509ContentType.Cert:
            return self[0].RawData if self else b""
        if kind == X509ContentType.Pkcs7:
            return pkcs7_bytes([c.x509 for c in self])
        if kind == X509ContentType.Pfx:
            with_key = [c for c in self if c.key is not None]
            leaf = with_key[0] if with_key else (self[0] if self else None)
            if leaf is None:
                raise NetError(_CRYPTO_EXC, NOT_A_CERTIFICATE)
            if leaf.key is not None and not leaf.exportable:
                raise NetError(_CRYPTO_EXC, KEY_NOT_EXPORTABLE)
            others = [c.x509 for c in self if c is not leaf]
            return export_pfx_windows(leaf.x509, leaf.key, password_text(password),
                                      leaf.FriendlyName or None, others)
        raise NetError(_CRYPTO_EXC, INVALID_CONTENT_TYPE)


def _matches(cert: X509Certificate2, kind: X509FindType, value: Any) -> bool:
    text = to_string(value)
    folded = text.casefold()
    now = cert.env.now()
    if kind == X509FindType.FindByThumbprint:
        return cert.Thumbprint.casefold() == folded.replace(" ", "")
    if kind == X509FindType.FindBySubjectName:
        return folded in cert.Subject.casefold()
    if kind == X509FindType.FindBySubjectDistinguishedName:
        return cert.Subject.casefold() == folded
    if kind == X509FindType.FindByIssuerName:
        return folded in cert.Issuer.casefold()
    if kind == X509FindType.FindByIssuerDistinguishedName:
        return cert.Issuer.casefold() == folded
    if kind == X509FindType.FindBySerialNumber:
        return cert.SerialNumber.casefold() == folded.replace(" ", "")
    if kind in (X509FindType.FindByTimeValid, X509FindType.FindByTimeNotYetValid,
                X509FindType.FindByTimeExpired):
        when = to_datetime(value) if value is not None else now
        if kind == X509FindType.FindByTimeValid:
            return cert.NotBefore <= when <= cert.NotAfter
        if kind == X509FindType.FindByTimeNotYetValid:
            return when < cert.NotBefore
        return when > cert.NotAfter
    if kind == X509FindType.FindByTemplateName:
        from ..exchange.x509text import template_name
        for e in cert.Extensions:
            if e.Oid.Value == "1.3.6.1.4.1.311.20.2":
                name = template_name(e.RawData)
                return name is not None and name.casefold() == folded
        return False
    if kind == X509FindType.FindByApplicationPolicy:
        from ..exchange.x509text import eku_oids, friendly_name
        ekus = eku_oids(cert.x509)
        return not ekus or any(o == text or friendly_name(o).casefold() == folded for o in ekus)
    if kind == X509FindType.FindByExtension:
        return any(e.Oid.Value == text or e.Oid.FriendlyName.casefold() == folded
                   for e in cert.Extensions)
    if kind == X509FindType.FindByKeyUsage:
        for e in cert.Extensions:
            if e.Oid.Value == "2.5.29.15":
                names = [n.casefold() for n in str(e.KeyUsages).split(", ")]
                return folded in names or folded.replace(" ", "") in names
        return True
    if kind == X509FindType.FindBySubjectKeyIdentifier:
        from ..exchange.x509text import subject_key_id
        ski = subject_key_id(cert.x509)
        return ski is not None and ski.hex().casefold() == folded.replace(" ", "")
    return False


# ====================================================================== X509Store

class X509StoreLocation:
    """``Microsoft.PowerShell.Commands.X509StoreLocation``: a Cert: location."""

    PS_TYPE_NAMES = ("Microsoft.PowerShell.Commands.X509StoreLocation", "System.Object")

    def __init__(self, location: str, names: List[str], note: Optional[PathNote] = None):
        self.Location = StoreLocation.parse(location)
        self.StoreNames = list(names)
        self._note = note

    @property
    def PS_PROPERTIES(self) -> Tuple[str, ...]:  # type: ignore[override]
        return (_PS_NAMES if self._note is not None else ()) + ("Location", "StoreNames")

    def __getattr__(self, name: str) -> Any:
        if name in _PS_NAMES and self.__dict__.get("_note") is not None:
            return dict(self._note.properties())[name]
        raise AttributeError(name)

    def __str__(self) -> str:
        return "Microsoft.PowerShell.Commands.X509StoreLocation"


class X509Store:
    """``X509Store``: one of the machine's logical stores, opened and closed."""

    PS_TYPE_NAMES = (X509 + "X509Store", "System.Object")

    def __init__(self, env: CertEnv, name: str = "MY", location: str = "CurrentUser",
                 note: Optional[PathNote] = None):
        self._env = env
        self.Name = name
        self.Location = StoreLocation.parse(location)
        self._note = note
        self._flags: Optional[int] = None

    @property
    def PS_PROPERTIES(self) -> Tuple[str, ...]:  # type: ignore[override]
        return (_PS_NAMES if self._note is not None else ()) + \
            ("Name", "Location", "StoreHandle", "Certificates")

    def __getattr__(self, name: str) -> Any:
        if name in _PS_NAMES and self.__dict__.get("_note") is not None:
            return dict(self._note.properties())[name]
        raise AttributeError(name)

    def __str__(self) -> str:
        return X509 + "X509Store"

    def _store(self, create: bool = False) -> Any:
        # Only the machine's stores: exshell does not make new ones (Open on another
        # name fails as opening a missing store does).
        from ..exchange.certstores import logical_store
        server = self._env.server()
        if server is None:
            return None
        return logical_store(server, str(self.Location), self.Name)

    @property
    def StoreHandle(self) -> int:
        if self._flags is None:
            return 0
        return 0x1F00000 + (int(hashlib.md5(self.Name.encode()).hexdigest()[:5], 16) << 4)

    @property
    def IsOpen(self) -> bool:
        return self._flags is not None

    @property
    def Certificates(self) -> X509Certificate2Collection:
        out = X509Certificate2Collection(env=self._env)
        if self._flags is None:
            return out
        store = self._store()
        if store is None:
            return out
        archived = bool(self._flags & OpenFlags.IncludeArchived)
        for item in store.items():
            if item.archived and not archived:
                continue
            out.append(certificate_from_item(self._env, item))
        return out

    def ps_method_Open(self, flags: Any = None) -> None:
        value = int(_enum(OpenFlags, flags if flags is not None else 0, "flags"))
        store = self._store(create=not value & OpenFlags.OpenExistingOnly)
        if store is None:
            raise NetError(_CRYPTO_EXC, FILE_NOT_FOUND)
        self.Name = store.name if self._store() is not None else self.Name
        self._flags = value

    def ps_method_Close(self) -> None:
        self._flags = None

    def ps_method_Dispose(self) -> None:
        self._flags = None

    def _writable(self) -> Any:
        if self._flags is None:
            raise NetError(_CRYPTO_EXC, STORE_NOT_OPEN)
        if not self._flags & (OpenFlags.ReadWrite | OpenFlags.MaxAllowed):
            raise NetError(_CRYPTO_EXC, ACCESS_DENIED)
        store = self._store(create=True)
        if store is None:
            raise NetError(_CRYPTO_EXC, ACCESS_DENIED)
        return store

    def ps_method_Add(self, cert: Any) -> None:
        if not isinstance(cert, X509Certificate2):
            raise NetError("System.ArgumentNullException",
                           "Value cannot be null.\r\nParameter name: certificate")
        store = self._writable()
        m = cert._need()
        store.add(m.cert, cert.key, friendly_name=cert.FriendlyName or None,
                  exportable=cert.exportable, der=m.der)

    def ps_method_AddRange(self, certs: Any) -> None:
        for c in (certs if isinstance(certs, (list, tuple)) else [certs]):
            self.ps_method_Add(c)

    def ps_method_Remove(self, cert: Any) -> None:
        from ..exchange.certstores import StoreAccessDenied
        if not isinstance(cert, X509Certificate2):
            raise NetError("System.ArgumentNullException",
                           "Value cannot be null.\r\nParameter name: certificate")
        store = self._writable()
        try:
            store.remove(cert.Thumbprint)
        except KeyError:
            return                      # .NET: removing what is not there is no error
        except StoreAccessDenied:
            raise NetError(_CRYPTO_EXC, ACCESS_DENIED) from None

    def ps_method_RemoveRange(self, certs: Any) -> None:
        for c in (certs if isinstance(certs, (list, tuple)) else [certs]):
            self.ps_method_Remove(c)


# ====================================================================== X509Chain

class _Oids(list):
    PS_TYPE_NAMES = ("System.Security.Cryptography.OidCollection", "System.Object")

    def ps_method_Add(self, oid: Any) -> int:
        from ..exchange.dotnet import Oid
        value = oid if isinstance(oid, Oid) else Oid(to_string(oid))
        self.append(value)
        return len(self) - 1


class X509ChainPolicy:
    PS_TYPE_NAMES = (X509 + "X509ChainPolicy", "System.Object")
    PS_PROPERTIES = ("ApplicationPolicy", "CertificatePolicy", "ExtraStore", "RevocationMode",
                     "RevocationFlag", "VerificationFlags", "VerificationTime",
                     "UrlRetrievalTimeout")
    PS_SETTABLE = ("RevocationMode", "RevocationFlag", "VerificationFlags", "VerificationTime",
                   "UrlRetrievalTimeout")

    def __init__(self, env: CertEnv):
        self._env = env
        self.ps_method_Reset()

    def ps_method_Reset(self) -> None:
        self.ApplicationPolicy = _Oids()
        self.CertificatePolicy = _Oids()
        self.ExtraStore = X509Certificate2Collection(env=self._env)
        self._mode = X509RevocationMode.Online
        self._flag = X509RevocationFlag.ExcludeRoot
        self._verify = X509VerificationFlags.NoFlag
        self._time = self._env.now()
        self.UrlRetrievalTimeout = _dt.timedelta(0)

    def __setattr__(self, name: str, value: Any) -> None:
        converters = {"RevocationMode": ("_mode", X509RevocationMode),
                      "RevocationFlag": ("_flag", X509RevocationFlag),
                      "VerificationFlags": ("_verify", X509VerificationFlags)}
        if name in converters:
            attr, cls = converters[name]
            try:
                object.__setattr__(self, attr, cls.parse(value))
            except ValueError:
                raise ConversionError('Cannot convert value "%s" to type "%s".'
                                      % (to_string(value), cls.DOTNET_NAME)) from None
            return
        if name == "VerificationTime":
            object.__setattr__(self, "_time", to_datetime(value))
            return
        object.__setattr__(self, name, value)

    @property
    def RevocationMode(self) -> X509RevocationMode:
        return self._mode

    @property
    def RevocationFlag(self) -> X509RevocationFlag:
        return self._flag

    @property
    def VerificationFlags(self) -> X509VerificationFlags:
        return self._verify

    @property
    def VerificationTime(self) -> _dt.datetime:
        return self._time

    def __str__(self) -> str:
        return X509 + "X509ChainPolicy"


class X509ChainStatus:
    PS_TYPE_NAMES = (X509 + "X509ChainStatus", "System.ValueType", "System.Object")
    PS_PROPERTIES = ("Status", "StatusInformation")

    def __init__(self, name: str):
        from ..exchange.x509chain import STATUS_TEXT
        self.Status = X509ChainStatusFlags[name]
        self.StatusInformation = STATUS_TEXT.get(name, "")

    def __str__(self) -> str:
        return X509 + "X509ChainStatus"


class X509ChainElement:
    PS_TYPE_NAMES = (X509 + "X509ChainElement", "System.Object")
    PS_PROPERTIES = ("Certificate", "ChainElementStatus", "Information")

    def __init__(self, cert: X509Certificate2, statuses: List[str]):
        self.Certificate = cert
        self.ChainElementStatus = [X509ChainStatus(s) for s in statuses]
        self.Information = ""

    def __str__(self) -> str:
        return X509 + "X509ChainElement"


class _ChainElements(list):
    PS_TYPE_NAMES = (X509 + "X509ChainElementCollection", "System.Object")


class X509Chain:
    """``X509Chain``: Build() under the emulated trust (see exchange.x509chain)."""

    PS_TYPE_NAMES = (X509 + "X509Chain", "System.Object")
    PS_PROPERTIES = ("ChainContext", "ChainElements", "ChainPolicy", "ChainStatus",
                     "SafeHandle")

    def __init__(self, env: CertEnv, machine: bool = False):
        self._env = env
        self._machine = machine
        self.ChainPolicy = X509ChainPolicy(env)
        self.ps_method_Reset()

    def ps_method_Reset(self) -> None:
        self.ChainElements = _ChainElements()
        self.ChainStatus: List[X509ChainStatus] = []
        self.ChainContext = 0
        self.SafeHandle = None

    def __str__(self) -> str:
        return X509 + "X509Chain"

    def ps_method_Build(self, cert: Any) -> bool:
        from ..exchange.certstores import build_trust_chain
        from ..exchange.issuance import der_bytes
        if not isinstance(cert, X509Certificate2):
            raise NetError("System.ArgumentException",
                           "The parameter is incorrect.\r\n\r\nParameter name: certificate")
        m = cert._need()
        server = self._env.server()
        self.ps_method_Reset()
        if server is None:
            return False
        policy = self.ChainPolicy
        extra = [c.x509 for c in policy.ExtraStore if isinstance(c, X509Certificate2)] + cert.chain
        usage = [o.Value for o in policy.ApplicationPolicy]
        result = build_trust_chain(server, m.cert, extra=extra, usage=usage,
                                   now=policy.VerificationTime)
        for element in result.elements:
            if element.thumbprint == cert.Thumbprint:
                item = cert
            else:
                item = X509Certificate2(self._env, _Material(element.cert, der_bytes(element.cert)))
            self.ChainElements.append(X509ChainElement(item, element.status))
        self.ChainStatus = [X509ChainStatus(s) for s in result.status]
        self.ChainContext = 0x1F800000 + len(result.elements) * 16
        flags = int(policy.VerificationFlags)
        ignored = set()
        if flags & X509VerificationFlags.IgnoreNotTimeValid:
            ignored.add("NotTimeValid")
        if flags & X509VerificationFlags.AllowUnknownCertificateAuthority:
            ignored.update(("UntrustedRoot", "PartialChain"))
        if flags & X509VerificationFlags.IgnoreWrongUsage:
            ignored.add("NotValidForUsage")
        if flags & X509VerificationFlags.IgnoreInvalidBasicConstraints:
            ignored.add("InvalidBasicConstraints")
        if policy.RevocationMode == X509RevocationMode.NoCheck:
            ignored.update(("RevocationStatusUnknown", "OfflineRevocation"))
        return all(s in ignored for s in result.status)


# ====================================================================== registration

def _construct_error(name: str, args: List[Any], exc: NetError) -> MethodError:
    return method_threw(name, len(args), exc.exception, exc.message)


def _new_certificate(env: CertEnv, args: List[Any]) -> X509Certificate2:
    if not args:
        return X509Certificate2(env)
    if len(args) > 3:
        raise overload_not_found("new", len(args))
    data = args[0]
    if data is None:
        raise NetError("System.ArgumentNullException",
                       "Value cannot be null.\r\nParameter name: rawData")
    material, exportable = _read_material(env, data, args[1] if len(args) > 1 else None,
                                          args[2] if len(args) > 2 else None)
    return X509Certificate2(env, material, exportable=exportable)


def _store_name(value: Any) -> str:
    if isinstance(value, StoreName):
        return _STORE_NAMES.get(value.name, value.name)
    return to_string(value)


def _new_store(env: CertEnv, args: List[Any]) -> X509Store:
    if len(args) > 2:
        raise overload_not_found("new", len(args))
    name, location = "MY", "CurrentUser"
    for a in args:
        if isinstance(a, StoreLocation):
            location = a.name
        elif isinstance(a, StoreName):
            name = _store_name(a)
        elif isinstance(a, int) and not isinstance(a, bool) and len(args) == 2 and a is args[1]:
            location = StoreLocation(a).name
        else:
            text = to_string(a)
            loc = StoreLocation.parse_name(text) if a is args[-1] and len(args) == 2 else None
            if loc is not None:
                location = loc.name
            elif len(args) == 1 and StoreLocation.parse_name(text) is not None:
                location = StoreLocation.parse_name(text).name
            else:
                name = text
    return X509Store(env, name, location)


def _static(kind: str) -> Callable[[Any, str, Optional[List[Any]]], Any]:
    """The ``[T]::Member`` handler of one of our types (``new`` builds in the session)."""
    full = X509 + kind

    def handler(context: Any, name: str, args: Optional[List[Any]]) -> Any:
        env = env_of(context)
        n = name.casefold()
        if n == "new" and args is not None:
            try:
                if kind == "X509Certificate2":
                    return _new_certificate(env, list(args))
                if kind == "X509Store":
                    return _new_store(env, list(args))
                if kind == "X509Chain":
                    if len(args) > 1:
                        raise overload_not_found("new", len(args))
                    return X509Chain(env, bool(args and to_bool(args[0])))
                if kind == "X509Certificate2Collection":
                    coll = X509Certificate2Collection(env=env)
                    for a in args:
                        coll.ps_method_AddRange(a)
                    return coll
            except NetError as e:
                raise _construct_error(".ctor", list(args), e)
            except ConversionError as e:
                raise MethodError(e.message, "MethodArgumentConversionInvalidCastArgument",
                                  "NotSpecified",
                                  exception_type="System.Management.Automation.MethodException")
            raise overload_not_found("new", len(args))
        if kind == "X509Certificate2" and n == "getcertcontenttype" and args is not None:
            from ..exchange.codec import content_type
            if len(args) != 1:
                raise overload_not_found(name, len(args))
            data = _bytes_of(args[0])
            if data is None:
                try:
                    data = env.read_file(to_string(args[0]))
                except NetError as e:
                    raise method_threw(name, 1, e.exception, e.message)
            return X509ContentType[content_type(data)]
        if args is not None:
            raise method_not_found(full, name)
        raise MethodError("The property '%s' cannot be found on type [%s]." % (name, full))
    return handler


def _cast_to(cls: type, full: str) -> Callable[[Any], Any]:
    def cast(value: Any) -> Any:
        if isinstance(value, cls) or (value is not None and full in type_names(value)):
            return value
        raise ConversionError('Cannot convert the "%s" value of type "%s" to type "%s".'
                              % (to_string(value), type_names(value)[0] if value is not None
                                 else "null", full))
    return cast


#: The types this module registers (cmdlets/__init__ declares them lazily).
X509_TYPES = tuple(X509 + n for n in (
    "X509Certificate2", "X509Certificate", "X509Certificate2Collection", "X509Store",
    "X509Chain", "X509ChainPolicy", "X509KeyStorageFlags", "X509ContentType", "X509NameType",
    "X509FindType", "OpenFlags", "StoreName", "StoreLocation", "X509RevocationMode",
    "X509RevocationFlag", "X509VerificationFlags", "X509ChainStatusFlags"))

for _kind, _cls in (("X509Certificate2", X509Certificate2), ("X509Store", X509Store),
                    ("X509Chain", X509Chain),
                    ("X509Certificate2Collection", X509Certificate2Collection)):
    _t = register(NetType(X509 + _kind, cast=_cast_to(_cls, X509 + _kind)))
    _t.constructs_in_context = True  # type: ignore[attr-defined]
    STATICS.register(X509 + _kind, _static(_kind))
register(NetType(X509 + "X509Certificate", cast=_cast_to(X509Certificate2, X509 + "X509Certificate")))
register(NetType(X509 + "X509ChainPolicy"))
for _cls, _short in _ENUMS:
    enum_type(_cls, X509 + _short)
del _kind, _cls, _short, _t


# ====================================================================== views

def _register_views() -> None:
    from ..format.views import ListView, TableColumn, TableView, register_list_view, \
        register_table_view

    views: dict = {}

    def table(context: Any) -> TableView:
        from ..profiles import dialect as as_dialect
        directory = as_dialect((context or {}).get("ps_version")).cert_directory_header
        if directory not in views:
            columns = [TableColumn("Thumbprint", "Thumbprint", 41), TableColumn("Subject", "Subject", None)]
            if directory:
                views[directory] = TableView(columns, group_by=("Directory", _parent_of),
                                             group_header="    {label}: {value}\n")
            else:
                views[directory] = TableView(columns, group_by="PSParentPath")
        return views[directory]

    register_table_view(X509 + "X509Certificate2", table)
    register_list_view(X509 + "X509Certificate2", ListView([
        ("Subject", "Subject"), ("Issuer", "Issuer"), "Thumbprint", "FriendlyName", "NotBefore",
        "NotAfter", "Extensions"]))
    register_list_view(X509 + "X509Store", ListView(["Name"]))
    register_list_view("Microsoft.PowerShell.Commands.X509StoreLocation",
                       ListView(["Location", "StoreNames"]))
    register_table_view(X509 + "X509ChainStatus", TableView([
        TableColumn("Status", "Status", 20), TableColumn("StatusInformation", "StatusInformation",
                                                         None)]))


def _parent_of(cert: Any) -> Any:
    note = getattr(cert, "note", None)
    return (PROVIDER_NAME + "::" + note.parent) if note is not None else NOT_FOUND


_register_views()
