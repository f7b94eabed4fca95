"""Certificate stores of one server: entries keyed by thumbprint.

A :class:`StoreEntry` is what Windows keeps for a certificate: the X.509
certificate, its private key (or None), FriendlyName, the exportable flag, the
private key's ACL, and for a pending request the PKCS#10 request (the entry's
certificate is then the placeholder Windows puts in the REQUEST store).
:class:`CertificateStore` is a plain mapping that refuses duplicates; it raises
``KeyError``/``ValueError`` and leaves user-facing errors to the server.

Change tracking (:mod:`.tracking`): a store reports each thumbprint added or removed
to its ``mark`` callable, and an entry in a store reports changes to its fields.  A
private key may be a :class:`KeyHandle` (a key in the world store, parsed on first
use): ``entry.key`` resolves it, ``entry.has_key`` does not.  Likewise a certificate or
request read from the world store is a :class:`Deferred` (its DER, parsed on first
use): ``entry.cert`` and ``entry.request`` resolve it, ``entry.der``,
``entry.request_der`` and ``entry.is_pending`` do not -- so a world opens without
``cryptography``.

Imports only the standard library and sibling modules (no hazmat).
"""
from __future__ import annotations

from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional

from .certificate import thumbprint_of
from .dotnet import ADMINISTRATORS, NETWORK_SERVICE, SYSTEM, CryptoKeyAccessRule
from .issuance import der_bytes
from .tracking import TrackedObject

__all__ = ["StoreEntry", "CertificateStore", "RootEntry", "default_key_acl", "KeyHandle", "Deferred"]


def default_key_acl() -> List[CryptoKeyAccessRule]:
    """The ACL a new machine key gets: SYSTEM and Administrators, full control."""
    return [CryptoKeyAccessRule(SYSTEM, "FullControl"),
            CryptoKeyAccessRule(ADMINISTRATORS, "FullControl")]


class KeyHandle:
    """A private key known by reference and parsed on first use (shared by every
    entry that uses the same key, so a key is parsed at most once)."""

    __slots__ = ("ident", "_load", "_key")

    def __init__(self, ident: Any, load: Callable[[], Any]):
        self.ident = ident
        self._load = load
        self._key = None

    def get(self) -> Any:
        if self._key is None:
            self._key = self._load()
        return self._key


class Deferred:
    """A certificate or request known by its DER and parsed on first use (``load``
    turns the DER into the object, or raises the world store's error)."""

    __slots__ = ("der", "_load", "_value")

    def __init__(self, der: bytes, load: Callable[[bytes], Any]):
        self.der = der
        self._load = load
        self._value = None

    def get(self) -> Any:
        if self._value is None:
            self._value = self._load(self.der)
        return self._value


class StoreEntry(TrackedObject):
    __slots__ = ("_cert", "_key", "friendly_name", "exportable", "_request", "access_rules",
                 "archived", "revoked", "der", "thumbprint", "_mark", "memo")
    _tracked_fields = frozenset(("cert", "key", "friendly_name", "exportable", "request",
                                 "access_rules", "archived", "revoked"))

    def __init__(self, cert: Any, key: Any = None, friendly_name: str = "", exportable: bool = False,
                 request: Any = None, access_rules: Optional[Iterable[CryptoKeyAccessRule]] = None,
                 archived: bool = False, revoked: bool = False, der: bytes = b"",
                 thumbprint: str = ""):
        s = object.__setattr__
        s(self, "_mark", None)
        s(self, "_cert", cert)                # cryptography.x509.Certificate or Deferred
        s(self, "_key", key)                  # RSAPrivateKey, KeyHandle or None
        s(self, "friendly_name", friendly_name)
        s(self, "exportable", exportable)
        s(self, "_request", request)          # x509.CertificateSigningRequest or Deferred (pending)
        s(self, "access_rules", tuple(access_rules or ()))
        s(self, "archived", archived)
        s(self, "revoked", revoked)           # room for CRL emulation
        der = der or (cert.der if type(cert) is Deferred else der_bytes(cert))
        s(self, "der", der)
        s(self, "thumbprint", thumbprint or thumbprint_of(der))
        #: What the server derives from the certificate alone (validity...), computed once.
        s(self, "memo", {})

    def __repr__(self) -> str:
        return "<StoreEntry %s %r>" % (self.thumbprint, self.friendly_name)

    def _touch(self) -> None:
        # In a store, ``_mark`` is the store's mark(thumbprint) (no closure per entry).
        mark = self._mark
        if mark is not None:
            mark(self.thumbprint)

    @property
    def cert(self) -> Any:
        c = self._cert
        if type(c) is Deferred:
            c = c.get()
            object.__setattr__(self, "_cert", c)
        return c

    @cert.setter
    def cert(self, value: Any) -> None:
        object.__setattr__(self, "_cert", value)

    @property
    def request(self) -> Any:
        r = self._request
        if type(r) is Deferred:
            r = r.get()
            object.__setattr__(self, "_request", r)
        return r

    @request.setter
    def request(self, value: Any) -> None:
        object.__setattr__(self, "_request", value)

    @property
    def key(self) -> Any:
        k = self._key
        if isinstance(k, KeyHandle):
            k = k.get()
        return k

    @key.setter
    def key(self, value: Any) -> None:
        object.__setattr__(self, "_key", value)

    @property
    def raw_key(self) -> Any:
        """The key as held: a key object, a KeyHandle or None (never parses)."""
        return self._key

    @property
    def has_key(self) -> bool:
        return self._key is not None

    @property
    def is_pending(self) -> bool:
        return self._request is not None

    @property
    def request_der(self) -> Optional[bytes]:
        r = self._request
        if r is None:
            return None
        return r.der if type(r) is Deferred else der_bytes(r)

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
            self.access_rules = self.access_rules + (CryptoKeyAccessRule(NETWORK_SERVICE, "GenericRead"),)

    def copy(self) -> "StoreEntry":
        """The same certificate and key as a new entry (another server's store)."""
        return StoreEntry(self._cert, key=self._key, friendly_name=self.friendly_name,
                          exportable=self.exportable, request=self._request,
                          access_rules=self.access_rules, archived=self.archived,
                          revoked=self.revoked, der=self.der, thumbprint=self.thumbprint)


class RootEntry:
    """A trusted root (or intermediate) and the physical store that holds it."""

    __slots__ = ("_cert", "kind", "thumbprint", "der", "friendly_name")

    def __init__(self, cert: Any, kind: str = "Registry", thumbprint: str = "", der: bytes = b"",
                 friendly_name: str = ""):
        self._cert = cert                 # x509.Certificate or Deferred
        self.kind = kind                  # Registry | ThirdParty | Enterprise | GroupPolicy
        #: The FriendlyName property the store keeps beside the certificate.
        self.friendly_name = friendly_name
        self.der = der or (cert.der if type(cert) is Deferred else der_bytes(cert))
        self.thumbprint = thumbprint or thumbprint_of(self.der)

    @property
    def cert(self) -> Any:
        c = self._cert
        if type(c) is Deferred:
            c = self._cert = c.get()
        return c

    @cert.setter
    def cert(self, value: Any) -> None:
        self._cert = value

    def __repr__(self) -> str:
        return "<RootEntry %s %s>" % (self.thumbprint, self.kind)


class CertificateStore:
    """``LocalMachine\\<name>``: entries by uppercase thumbprint, in insertion order.

    ``mark(thumbprint)`` is told of every entry added, removed or changed."""

    def __init__(self, name: str, mark: Optional[Callable[[str], None]] = None):
        self.name = name
        self._entries: Dict[str, StoreEntry] = {}
        self._mark = mark

    def __contains__(self, thumbprint: str) -> bool:
        return str(thumbprint).upper() in self._entries

    def __iter__(self) -> Iterator[StoreEntry]:
        return iter(list(self._entries.values()))

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, thumbprint: str) -> Optional[StoreEntry]:
        return self._entries.get(str(thumbprint).upper())

    def _watch(self, entry: StoreEntry) -> None:
        object.__setattr__(entry, "_mark", self._mark)

    def add(self, entry: StoreEntry) -> None:
        if entry.thumbprint in self._entries:
            raise ValueError("duplicate thumbprint %s in %s" % (entry.thumbprint, self.name))
        if self._mark is not None:
            self._mark(entry.thumbprint)
        self._entries[entry.thumbprint] = entry
        self._watch(entry)

    def put(self, entry: StoreEntry) -> None:
        """Add or replace (in place: the entry keeps its position) -- loading only."""
        self._entries[entry.thumbprint] = entry
        self._watch(entry)

    def remove(self, thumbprint: str) -> StoreEntry:
        key = str(thumbprint).upper()
        if key in self._entries and self._mark is not None:
            self._mark(key)
        entry = self._entries.pop(key)
        object.__setattr__(entry, "_mark", None)
        return entry

    def discard(self, thumbprint: str) -> None:
        """Remove if present, reporting nothing -- loading only."""
        entry = self._entries.pop(str(thumbprint).upper(), None)
        if entry is not None:
            object.__setattr__(entry, "_mark", None)

    def thumbprints(self) -> List[str]:
        return list(self._entries)
