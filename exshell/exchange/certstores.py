"""The machine's certificate stores as Windows shows them: store locations
(``LocalMachine``, ``CurrentUser``), logical stores and the certificates in them.

These are the SAME containers the Exchange model uses: ``LocalMachine\\My`` is
``server.my``, ``LocalMachine\\REQUEST`` is ``server.requests`` (Exchange's pending
requests), ``LocalMachine\\Root`` and ``LocalMachine\\CA`` are ``server.roots`` and
``server.intermediates`` (the trust Exchange and the lab clients use); every other
store is one of ``server.extra_stores``.  The world store keeps them all.  The
Cert: drive, X509Store, the PKI cmdlets and certutil reach certificates only
through :class:`LogicalStore`.

``CurrentUser\\Root`` and ``CurrentUser\\CA`` also show the machine's roots and
intermediates, as Windows' logical user stores do; those cannot be removed from
there.

Imports only the standard library and siblings (cryptography lazily).
"""
from __future__ import annotations

from typing import Any, List, Optional, Tuple

from .store import RootEntry, StoreEntry, default_key_acl

__all__ = ["LOCAL_MACHINE", "CURRENT_USER", "LOCATIONS", "STORE_DESCRIPTIONS", "StoredCertificate",
           "LogicalStore", "logical_store", "store_names", "canonical_location", "StoreAccessDenied",
           "build_trust_chain"]

LOCAL_MACHINE = "LocalMachine"
CURRENT_USER = "CurrentUser"
#: The store locations, in the order the Cert: drive lists them.
LOCATIONS = (CURRENT_USER, LOCAL_MACHINE)

#: The names certutil shows next to a store (``My "Personal"``).
STORE_DESCRIPTIONS = {
    "My": "Personal",
    "Root": "Trusted Root Certification Authorities",
    "CA": "Intermediate Certification Authorities",
    "Trust": "Enterprise Trust",
    "Disallowed": "Untrusted Certificates",
    "AuthRoot": "Third-Party Root Certification Authorities",
    "TrustedPublisher": "Trusted Publishers",
    "TrustedPeople": "Trusted People",
    "REQUEST": "Certificate Enrollment Requests",
    "SmartCardRoot": "Smart Card Trusted Roots",
    "ClientAuthIssuer": "Client Authentication Issuers",
    "Remote Desktop": "Remote Desktop",
    "TrustedDevices": "Trusted Devices",
    "WebHosting": "Web Hosting",
    "UserDS": "Active Directory User Object",
    "ADDRESSBOOK": "Other People",
    "FlightRoot": "Preview Build Roots",
    "Windows Live ID Token Issuer": "Windows Live ID Token Issuer",
}

#: Root entries' kinds that sit in LocalMachine\Root (the rest are intermediates).
_ROOT_KIND_ADDED = "Registry"
_CA_KIND_ADDED = "Intermediate"


class StoreAccessDenied(Exception):
    """The certificate cannot be changed from this store (a machine root seen from
    ``CurrentUser\\Root``)."""


def canonical_location(text: str) -> Optional[str]:
    folded = str(text).casefold()
    for loc in LOCATIONS:
        if loc.casefold() == folded:
            return loc
    return None


def store_names(server: Any, location: str) -> List[str]:
    """The stores of a location, in Windows' enumeration order (the version's
    Windows Server).  exshell makes no stores of its own."""
    profile = server.profile
    return list(profile.machine_stores if location == LOCAL_MACHINE else profile.user_stores)


class StoredCertificate:
    """One certificate in a logical store, whichever container holds it."""

    __slots__ = ("store", "entry", "inherited")

    def __init__(self, store: "LogicalStore", entry: Any, inherited: bool = False):
        self.store = store
        #: A StoreEntry (with key, FriendlyName...) or a RootEntry (a trusted CA).
        self.entry = entry
        #: Seen through CurrentUser\Root or \CA, but held by the machine's store.
        self.inherited = inherited

    def __repr__(self) -> str:
        return "<StoredCertificate %s\\%s\\%s>" % (self.store.location, self.store.name,
                                                   self.thumbprint)

    @property
    def cert(self) -> Any:
        return self.entry.cert

    @property
    def der(self) -> bytes:
        return self.entry.der

    @property
    def thumbprint(self) -> str:
        return self.entry.thumbprint

    @property
    def has_key(self) -> bool:
        return isinstance(self.entry, StoreEntry) and self.entry.has_key

    @property
    def key(self) -> Any:
        return self.entry.key if isinstance(self.entry, StoreEntry) else None

    @property
    def exportable(self) -> bool:
        return isinstance(self.entry, StoreEntry) and bool(self.entry.exportable)

    @property
    def archived(self) -> bool:
        return isinstance(self.entry, StoreEntry) and bool(self.entry.archived)

    @property
    def is_request(self) -> bool:
        return isinstance(self.entry, StoreEntry) and self.entry.is_pending

    @property
    def friendly_name(self) -> str:
        return getattr(self.entry, "friendly_name", "") or ""

    @friendly_name.setter
    def friendly_name(self, value: str) -> None:
        if self.inherited:
            raise StoreAccessDenied(self.thumbprint)
        self.store.begin_change()
        self.entry.friendly_name = value
        if isinstance(self.entry, RootEntry):
            self.store.touch(self.entry)

    @property
    def access_rules(self) -> tuple:
        return self.entry.access_rules if isinstance(self.entry, StoreEntry) else ()


class LogicalStore:
    """``<location>\\<name>`` on ``server`` (``name`` in the case Windows uses)."""

    def __init__(self, server: Any, location: str, name: str):
        self.server = server
        self.location = location
        self.name = name

    def __repr__(self) -> str:
        return "<LogicalStore %s\\%s>" % (self.location, self.name)

    @property
    def key(self) -> str:
        """The store's key in the server (``My``, ``CurrentUser\\My``...)."""
        return self.name if self.location == LOCAL_MACHINE else CURRENT_USER + "\\" + self.name

    @property
    def description(self) -> str:
        return STORE_DESCRIPTIONS.get(self.name, self.name)

    def begin_change(self) -> None:
        self.server.organization.begin_change()

    # -- where the entries live --------------------------------------------------------
    def _trust_pool(self) -> Optional[dict]:
        if self.location != LOCAL_MACHINE:
            return None
        if self.name == "Root":
            return self.server.roots
        if self.name == "CA":
            return self.server.intermediates
        return None

    def touch(self, entry: RootEntry) -> None:
        """A trusted CA's entry changed in place (its FriendlyName): record it."""
        pool = self._trust_pool()
        if pool is not None and pool.get(entry.thumbprint) is entry:
            pool[entry.thumbprint] = entry

    def _entries(self, create: bool = False):
        return self.server.cert_store(self.key, create=create)

    # -- reading ------------------------------------------------------------------------
    def items(self) -> List[StoredCertificate]:
        pool = self._trust_pool()
        if pool is not None:
            return [StoredCertificate(self, r) for r in pool.values()]
        out: List[StoredCertificate] = []
        seen = set()
        store = self._entries()
        if store is not None:
            for entry in store:
                out.append(StoredCertificate(self, entry))
                seen.add(entry.thumbprint)
        if self.location == CURRENT_USER and self.name in ("Root", "CA"):
            machine = self.server.roots if self.name == "Root" else self.server.intermediates
            for root in machine.values():
                if root.thumbprint not in seen:
                    out.append(StoredCertificate(self, root, inherited=True))
        return out

    def get(self, thumbprint: str) -> Optional[StoredCertificate]:
        wanted = str(thumbprint).upper()
        for item in self.items():
            if item.thumbprint == wanted:
                return item
        return None

    # -- changing -----------------------------------------------------------------------
    def add(self, cert: Any, key: Any = None, *, friendly_name: Optional[str] = None,
            exportable: bool = False, der: bytes = b"") -> Tuple[StoredCertificate, bool]:
        """Add a certificate (X509Store.Add, Import-Certificate...): (item, added).
        A certificate already there keeps its place; a key given now is attached
        when it had none (as CertAddCertificateContextToStore does)."""
        self.begin_change()
        pool = self._trust_pool()
        if pool is not None:
            entry = RootEntry(cert, kind=_ROOT_KIND_ADDED if self.name == "Root" else _CA_KIND_ADDED,
                              der=der, friendly_name=friendly_name or "")
            existing_root = pool.get(entry.thumbprint)
            if existing_root is not None:
                if friendly_name:
                    existing_root.friendly_name = friendly_name
                    self.touch(existing_root)
                return StoredCertificate(self, existing_root), False
            pool[entry.thumbprint] = entry
            return StoredCertificate(self, entry), True
        store = self._entries(create=True)
        candidate = StoreEntry(cert, key=key, friendly_name=friendly_name or "",
                               exportable=bool(exportable and key is not None),
                               access_rules=default_key_acl() if key is not None else (), der=der)
        existing = store.get(candidate.thumbprint)
        if existing is not None:
            if key is not None and not existing.has_key:
                existing.key = key
                existing.exportable = bool(exportable)
                existing.access_rules = tuple(default_key_acl())
            if friendly_name:
                existing.friendly_name = friendly_name
            return StoredCertificate(self, existing), False
        store.add(candidate)
        return StoredCertificate(self, candidate), True

    def remove(self, thumbprint: str) -> Any:
        """Remove a certificate; returns its private key (or None).  Raises KeyError
        when it is not here and StoreAccessDenied for a machine certificate seen from
        a user store."""
        item = self.get(thumbprint)
        if item is None:
            raise KeyError(thumbprint)
        if item.inherited:
            raise StoreAccessDenied(thumbprint)
        self.begin_change()
        pool = self._trust_pool()
        if pool is not None:
            del pool[item.thumbprint]
            return None
        entry = self._entries().remove(item.thumbprint)
        return entry.key if entry.has_key else None


def logical_store(server: Any, location: str, name: str) -> Optional[LogicalStore]:
    """The store ``name`` (any case) of ``location`` on ``server``, or None when the
    machine has no such store."""
    loc = canonical_location(location)
    if loc is None:
        return None
    folded = str(name).casefold()
    for known in store_names(server, loc):
        if known.casefold() == folded:
            return LogicalStore(server, loc, known)
    return None


def build_trust_chain(server: Any, cert: Any, *, extra: Any = (), usage: Any = (),
                      now: Any = None) -> Any:
    """X509Chain.Build for ``cert`` on ``server``, as the current user: anchors in
    LocalMachine\\Root and CurrentUser\\Root, intermediates in both CA stores plus
    ``extra``, distrust from both Disallowed stores (see :mod:`.x509chain`)."""
    from .issuance import der_bytes
    from .x509chain import build_chain
    anchors = {}
    intermediates: List[Any] = list(extra)
    disallowed: List[str] = []
    for loc in (LOCAL_MACHINE, CURRENT_USER):
        for name, sink in (("Root", None), ("CA", intermediates), ("Disallowed", disallowed)):
            store = logical_store(server, loc, name)
            if store is None:
                continue
            for item in store.items():
                if name == "Root":
                    anchors[item.thumbprint] = item.cert
                elif name == "CA":
                    intermediates.append(item.cert)
                else:
                    disallowed.append(item.thumbprint)
    revoked = [e.thumbprint for st in [server.my] + list(server.extra_stores.values())
               for e in st if e.revoked]
    return build_chain(cert, der_of=der_bytes, anchors=anchors, intermediates=intermediates,
                       now=now if now is not None else server.clock.now(),
                       disallowed=disallowed, revoked=revoked, usage=usage)
