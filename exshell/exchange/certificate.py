"""The ExchangeCertificate object cmdlets write: a SNAPSHOT view of one store entry.

:class:`ExchangeCertificate` is built by :class:`~exshell.exchange.organization.Server`
with the values that depend on the server at that moment (Services, Status,
RootCAType, IisServices, AccessRules, FriendlyName...) already derived; the
properties read from the X.509 certificate itself are computed on first access.
Changing the server later does not change a view already handed out, as with the
real (deserialised) objects.

Property names are the .NET ones (``PS_PROPERTIES``, in ``Format-List *`` order,
reference §3.3).  :class:`ExchangeCertificateV2` is the same object as a
PowerShell 2.0 session (2007/2010) sees it: without the script properties
``DnsNameList``, ``EnhancedKeyUsageList`` and ``SendAsTrustedIssuer``.

Uses ``cryptography.x509`` (no hazmat) and the standard library; imports nothing
outside ``exshell.exchange``.
"""
from __future__ import annotations

import functools

import base64
import datetime as _dt
import hashlib
from functools import cached_property
from typing import Any, Dict, List, Optional, Tuple

from .dotnet import (DnsNameRepresentation, EnhancedKeyUsageRepresentation,
                     IisService, Oid, PublicKeyInfo, AsymmetricKey, X500DistinguishedName,
                     extension_objects)
from .issuance import der_bytes, public_key_pkcs1
from .names import first_cn, format_dn, is_dns_name
from .services import AllowedServices, CertificateAuthorityType, CertificateStatus
from .texts import general_date

__all__ = ["ExchangeCertificate", "ExchangeCertificateV2", "certificate_domains", "certificate_domain_set",
           "domain_set_by_thumbprint", "thumbprint_of", "view_class_for"]

_NS = "Microsoft.Exchange.Management.SystemConfigurationTasks."

_EXCHANGE_PROPS = ("AccessRules", "CertificateDomains", "CertificateRequest", "IisServices",
                   "IsSelfSigned", "KeyIdentifier", "RootCAType", "Services", "Status",
                   "SubjectKeyIdentifier", "PrivateKeyExportable", "PublicKeySize", "Identity",
                   "ServicesStringForm")
_SCRIPT_PROPS = ("DnsNameList", "EnhancedKeyUsageList", "SendAsTrustedIssuer")
_BASE_PROPS = ("Archived", "Extensions", "FriendlyName", "IssuerName", "NotAfter", "NotBefore",
               "HasPrivateKey", "PrivateKey", "PublicKey", "RawData", "SerialNumber",
               "SubjectName", "SignatureAlgorithm", "Thumbprint", "Version", "Handle", "Issuer",
               "Subject")

_OID_SERVER_AUTH = "1.3.6.1.5.5.7.3.1"


def thumbprint_of(der: bytes) -> str:
    """Uppercase SHA-1 of the DER encoding (Windows' Thumbprint)."""
    return hashlib.sha1(der).hexdigest().upper()


def certificate_domains(cert) -> List[str]:
    """``CertificateDomains``: the subject CN when it is a DNS name, then the DNS SANs,
    without duplicates (case-insensitive).  Cached per certificate: Services are
    derived from these names for every certificate each time a store is listed."""
    return list(_certificate_domains(cert))


@functools.lru_cache(maxsize=1 << 16)
def certificate_domain_set(cert) -> frozenset:
    """The certificate's domains, casefolded, as a set (cached per certificate; what
    the Services rules compare POP/IMAP names with)."""
    return frozenset(d.casefold() for d in _certificate_domains(cert))


#: thumbprint -> certificate_domain_set (see domain_set_by_thumbprint).
_DOMAIN_SETS: Dict[str, frozenset] = {}


def domain_set_by_thumbprint(thumbprint: str, cert) -> frozenset:
    """:func:`certificate_domain_set` of ``cert``, whose thumbprint is ``thumbprint``,
    kept by thumbprint: a string hashes once, while a certificate object hashes its
    whole encoding at each lookup (most of the Services of ten thousand certificates,
    which Tab completion shows)."""
    found = _DOMAIN_SETS.get(thumbprint)
    if found is None:
        if len(_DOMAIN_SETS) >= 1 << 16:
            _DOMAIN_SETS.clear()
        found = _DOMAIN_SETS[thumbprint] = frozenset(
            d.casefold() for d in _certificate_domains.__wrapped__(cert))
    return found


@functools.lru_cache(maxsize=1 << 16)
def _certificate_domains(cert) -> Tuple[str, ...]:
    from cryptography import x509
    names: List[str] = []
    cn = first_cn(cert.subject)
    if cn and (is_dns_name(cn) or (cn.startswith("*.") and is_dns_name(cn[2:]))):
        names.append(cn)
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names.extend(san.get_values_for_type(x509.DNSName))
    except x509.ExtensionNotFound:
        pass
    seen, out = set(), []
    for n in names:
        if n.casefold() not in seen:
            seen.add(n.casefold())
            out.append(n)
    return tuple(out)


def _naive(dt: _dt.datetime) -> _dt.datetime:
    return dt.replace(tzinfo=None) if dt.tzinfo else dt


def _serial_hex(serial: int) -> str:
    # As .NET shows it: the DER INTEGER content bytes (two's complement, so a serial
    # with the top bit set gets a leading 00), uppercase.
    length = serial.bit_length() // 8 + 1
    return serial.to_bytes(length, "big").hex().upper()


class ExchangeCertificate:
    """One certificate (or pending request) as Get-/New-/Import-ExchangeCertificate
    return it.  Build it with the server's derived values; do not mutate it."""

    PS_TYPE_NAMES = (_NS + "ExchangeCertificate",
                     "System.Security.Cryptography.X509Certificates.X509Certificate2",
                     "System.Security.Cryptography.X509Certificates.X509Certificate",
                     "System.Object")
    PS_PROPERTIES = _EXCHANGE_PROPS + _SCRIPT_PROPS + _BASE_PROPS

    def __init__(self, cert, *, server_name: str = "", server_fqdn: str = "",
                 services: AllowedServices = AllowedServices.None_,
                 status: CertificateStatus = CertificateStatus.Unknown,
                 root_ca_type: CertificateAuthorityType = CertificateAuthorityType.Unknown,
                 has_private_key: bool = False, private_key_exportable: bool = False,
                 friendly_name: str = "", access_rules: Optional[list] = None,
                 iis_sites: Optional[list] = None, request_der: Optional[bytes] = None,
                 services_width: int = 7, archived: bool = False, remote: bool = False,
                 raw_data: Optional[bytes] = None, thumbprint: Optional[str] = None,
                 spaced_ids: bool = False):
        self._cert = cert
        #: Windows before Server 2016 prints key identifiers as "a1 b2 c3" (Format()).
        self._spaced_ids = spaced_ids
        if raw_data is not None:      # known to the caller: not encoded again
            self.__dict__["RawData"] = raw_data
        #: Came through remoting in the real EMS (2010+): its enums arrive deserialized,
        #: which the formatter shows left-aligned.
        self.ps_deserialized = remote
        self._server_name = server_name
        self._request_der = request_der
        self.Services = AllowedServices(services)
        self.ServicesStringForm = self.Services.string_form(services_width)
        self.Status = status
        self.RootCAType = root_ca_type
        self.HasPrivateKey = bool(has_private_key)
        self.PrivateKeyExportable = bool(private_key_exportable)
        self.AccessRules = list(access_rules or [])
        self.IisServices = [IisService(server_name, s) for s in (iis_sites or [])]
        self.Archived = archived
        self.Version = 3
        self.SendAsTrustedIssuer = False
        self.Thumbprint = thumbprint or thumbprint_of(self.RawData)
        self.Identity = "%s\\%s" % (server_fqdn, self.Thumbprint) if server_fqdn else self.Thumbprint
        # An empty FriendlyName is replaced by the Issuer string (reference §2.1).
        self.FriendlyName = friendly_name if friendly_name else self.Issuer

    # ------------------------------------------------------------ python helpers
    @property
    def x509(self):
        """The underlying ``cryptography.x509.Certificate`` (for the other layers'
        codecs; not a PowerShell property)."""
        return self._cert

    @property
    def is_pending_request(self) -> bool:
        return self._request_der is not None

    @property
    def server_name(self) -> str:
        return self._server_name

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, ExchangeCertificate) and other.Identity == self.Identity

    def __hash__(self) -> int:
        return hash(self.Identity)

    def __repr__(self) -> str:
        return "<ExchangeCertificate %s %s %s>" % (self.Thumbprint, self.ServicesStringForm,
                                                   self.Subject)

    def __str__(self) -> str:
        """X509Certificate2.ToString(): the [Subject]/[Issuer]/... block."""
        parts = [("Subject", self.Subject), ("Issuer", self.Issuer),
                 ("Serial Number", self.SerialNumber),
                 ("Not Before", general_date(self.NotBefore)),
                 ("Not After", general_date(self.NotAfter)),
                 ("Thumbprint", self.Thumbprint)]
        return "\n".join("[%s]\n  %s\n" % p for p in parts)

    # ------------------------------------------------------------ from the X.509
    @cached_property
    def RawData(self) -> bytes:
        return der_bytes(self._cert)

    @cached_property
    def Subject(self) -> str:
        return format_dn(self._cert.subject)

    @cached_property
    def Issuer(self) -> str:
        return format_dn(self._cert.issuer)

    @cached_property
    def SubjectName(self) -> X500DistinguishedName:
        return X500DistinguishedName(self.Subject, self._cert.subject.public_bytes())

    @cached_property
    def IssuerName(self) -> X500DistinguishedName:
        return X500DistinguishedName(self.Issuer, self._cert.issuer.public_bytes())

    @cached_property
    def NotBefore(self) -> _dt.datetime:
        return _naive(self._cert.not_valid_before_utc)

    @cached_property
    def NotAfter(self) -> _dt.datetime:
        return _naive(self._cert.not_valid_after_utc)

    @cached_property
    def SerialNumber(self) -> str:
        return _serial_hex(self._cert.serial_number)

    @cached_property
    def SignatureAlgorithm(self) -> Oid:
        return Oid(self._cert.signature_algorithm_oid.dotted_string)

    @cached_property
    def PublicKeySize(self) -> int:
        return self._cert.public_key().key_size

    @cached_property
    def PublicKey(self) -> PublicKeyInfo:
        spki = self._cert.public_key_algorithm_oid.dotted_string
        return PublicKeyInfo(self.PublicKeySize, spki, self._public_key_bits())

    @cached_property
    def PrivateKey(self):
        return AsymmetricKey(self.PublicKeySize, public_only=False) if self.HasPrivateKey else None

    def _public_key_bits(self) -> bytes:
        # The encoded RSAPublicKey is what .NET's EncodedKeyValue holds.
        return public_key_pkcs1(self._cert)

    @cached_property
    def KeyIdentifier(self) -> str:
        from cryptography import x509
        return x509.SubjectKeyIdentifier.from_public_key(self._cert.public_key()).digest.hex().upper()

    @cached_property
    def SubjectKeyIdentifier(self) -> str:
        from cryptography import x509
        try:
            ext = self._cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
        except x509.ExtensionNotFound:
            return ""
        return ext.value.digest.hex().upper()

    @cached_property
    def Extensions(self) -> list:
        return extension_objects(self._cert, self._spaced_ids)

    @cached_property
    def CertificateDomains(self) -> List[str]:
        return certificate_domains(self._cert)

    @cached_property
    def IsSelfSigned(self) -> bool:
        if self._request_der is not None:
            return False   # forced for pending requests (reference §3.5)
        return self._cert.subject == self._cert.issuer

    @cached_property
    def CertificateRequest(self) -> Optional[str]:
        if self._request_der is None:
            return None
        return base64.b64encode(self._request_der).decode("ascii")

    @cached_property
    def DnsNameList(self) -> list:
        from cryptography import x509
        names = []
        cn = first_cn(self._cert.subject)
        try:
            san = self._cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
            names = list(san.get_values_for_type(x509.DNSName))
        except x509.ExtensionNotFound:
            names = [cn] if cn else []
        return [DnsNameRepresentation(n) for n in names]

    @cached_property
    def EnhancedKeyUsageList(self) -> list:
        from cryptography import x509
        try:
            eku = self._cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        except x509.ExtensionNotFound:
            return []
        return [EnhancedKeyUsageRepresentation(o.dotted_string) for o in eku]

    @cached_property
    def Handle(self) -> int:
        # An IntPtr; any stable pointer-like number will do.
        return 0x1F000000000 + int(self.Thumbprint[:8], 16) * 16


class ExchangeCertificateV2(ExchangeCertificate):
    """The object as a PowerShell 2.0 session shows it (no script properties)."""

    PS_PROPERTIES = _EXCHANGE_PROPS + _BASE_PROPS


def view_class_for(dialect):
    """ExchangeCertificate where the dialect adds the X509 script properties (3.0+),
    else ExchangeCertificateV2."""
    return ExchangeCertificate if dialect.x509_script_properties else ExchangeCertificateV2
