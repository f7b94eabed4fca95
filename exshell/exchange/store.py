"""Certificate stores of one server: entries keyed by thumbprint.

A :class:`StoreEntry` is what Windows keeps for a certificate: the X.509
certificate, its private key (or None), FriendlyName, the exportable flag, the
private key's ACL, and for a pending request the PKCS#10 request (the entry's
certificate is then the placeholder Windows puts in the REQUEST store).
:class:`CertificateStore` is a plain mapping that refuses duplicates; it raises
``KeyError``/``ValueError`` and leaves user-facing errors to the server.

Imports only the standard library and sibling modules (no hazmat).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional

from .certificate import thumbprint_of
from .dotnet import ADMINISTRATORS, NETWORK_SERVICE, SYSTEM, CryptoKeyAccessRule
from .issuance import der_bytes

__all__ = ["StoreEntry", "CertificateStore", "RootEntry", "default_key_acl"]


def default_key_acl() -> List[CryptoKeyAccessRule]:
    """The ACL a new machine key gets: SYSTEM and Administrators, full control."""
    return [CryptoKeyAccessRule(SYSTEM, "FullControl"),
            CryptoKeyAccessRule(ADMINISTRATORS, "FullControl")]


@dataclass
class StoreEntry:
    cert: object                          # cryptography.x509.Certificate
    key: object = None                    # RSAPrivateKey or None
    friendly_name: str = ""
    exportable: bool = False
    request: object = None                # x509.CertificateSigningRequest for pending requests
    access_rules: List[CryptoKeyAccessRule] = field(default_factory=list)
    archived: bool = False
    revoked: bool = False                 # room for CRL emulation
    der: bytes = b""
    thumbprint: str = ""

    def __post_init__(self) -> None:
        if not self.der:
            self.der = der_bytes(self.cert)
        if not self.thumbprint:
            self.thumbprint = thumbprint_of(self.der)

    @property
    def is_pending(self) -> bool:
        return self.request is not None

    @property
    def request_der(self) -> Optional[bytes]:
        return None if self.request is None else der_bytes(self.request)

    def key_is_stand_in(self) -> bool:
        """True when the private key does not belong to the certificate: a replica's
        stand-in for a real server's key (``exshell replica import``)."""
        if self.key is None or self.cert is None:
            return False
        from .keys import key_matches
        return not key_matches(self.key, self.cert)

    def network_service_can_read(self) -> bool:
        return any(r.grants_read_to(NETWORK_SERVICE) for r in self.access_rules)

    def grant_network_service_read(self) -> None:
        if not self.network_service_can_read():
            self.access_rules.append(CryptoKeyAccessRule(NETWORK_SERVICE, "GenericRead"))


@dataclass
class RootEntry:
    """A trusted root (or intermediate) and the physical store that holds it."""
    cert: object
    kind: str = "Registry"                # Registry | ThirdParty | Enterprise | GroupPolicy
    thumbprint: str = ""

    def __post_init__(self) -> None:
        if not self.thumbprint:
            self.thumbprint = thumbprint_of(der_bytes(self.cert))


class CertificateStore:
    """``LocalMachine\\<name>``: entries by uppercase thumbprint, in insertion order."""

    def __init__(self, name: str):
        self.name = name
        self._entries: Dict[str, StoreEntry] = {}

    def __contains__(self, thumbprint: str) -> bool:
        return str(thumbprint).upper() in self._entries

    def __iter__(self) -> Iterator[StoreEntry]:
        return iter(list(self._entries.values()))

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, thumbprint: str) -> Optional[StoreEntry]:
        return self._entries.get(str(thumbprint).upper())

    def add(self, entry: StoreEntry) -> None:
        if entry.thumbprint in self._entries:
            raise ValueError("duplicate thumbprint %s in %s" % (entry.thumbprint, self.name))
        self._entries[entry.thumbprint] = entry

    def remove(self, thumbprint: str) -> StoreEntry:
        return self._entries.pop(str(thumbprint).upper())

    def thumbprints(self) -> List[str]:
        return list(self._entries)
