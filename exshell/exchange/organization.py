"""The Exchange organisation: servers, their certificate stores and the settings
that certificates are derived from.

* :class:`Organization` holds the version profile, the injected clock / key source
  / serial source, the servers, accepted domains, Send connectors, federation
  trust certificates and the Auth configuration.
* :class:`Server` owns its stores (My, REQUEST, Root) and the settings that make
  up a certificate's ``Services`` -- IIS bindings, POP/IMAP ``X509CertificateName``,
  the internal transport (default SMTP) certificate, UM certificates -- and
  implements the certificate tasks as *plan, then apply*: ``plan_*`` /
  ``check_removable`` validate and raise :class:`ExchangeError` without touching
  anything; ``build_certificate``/``install_certificate``/``apply_enable``/
  ``remove_certificate`` mutate.  A failed operation changes nothing.
* Every change is recorded in ``Organization.changes`` (:mod:`.tracking`): the
  world store writes what changed.  An operation that changes the world calls
  ``Organization.begin_change()`` before it validates for the last time, so that
  several shells on one world serialise (the store takes its write lock there and
  brings the model up to date first).
* Services, Status and RootCAType are always derived (reference §1.5, §3.5), never
  stored.

Imports only the standard library and ``exshell.exchange`` siblings; cryptography
is reached through :mod:`.issuance`/:mod:`.keys`/:mod:`.names` (lazily).
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, Dict, List, NamedTuple, Optional, Sequence, Tuple, Union

from ..structs import Struct, factory
from .certificate import (ExchangeCertificate, certificate_domains, domain_set_by_thumbprint,
                          view_class_for)
from .clock import Clock
from .dotnet import NETWORK_SERVICE, CryptoKeyAccessRule
from .errors import ExchangeError, exchange_error
from .federation import FederatedOrganizationIdentifier, FederationTrust, federation_roles
from .issuance import WMSVC_LAYOUT, der_bytes, is_stand_in_root, issue_self_signed, issued_by
from .keys import GeneratedKeySource, KeySource, PoolKeySource, RandomSerials, ReusingKeySource, \
    SerialSource, extra_lab_keys_source
from .names import DnSyntaxError, first_cn, format_dn, is_dns_name, is_valid_domain, \
    normalize_thumbprint, parse_dn, simple_name
from .services import AllowedServices, CertificateAuthorityType, CertificateStatus
from .store import CertificateStore, RootEntry, StoreEntry, default_key_acl
from .texts import CONFIRM, DEFAULT_FRIENDLY_NAME
from ..profiles import Profile, get_profile
from .tracking import ChangeSet, TrackedDict, TrackedList, TrackedObject, TrackedSet

__all__ = ["Organization", "Server", "NewCertificatePlan",
           "PendingCertificate", "EnablePlan", "ImportPlan", "SmtpQuestion", "AcceptedDomain",
           "SendConnector", "ReceiveConnector", "AuthConfig", "IIS_SITE_NAMES"]

#: IIS sites by id (reference §1.5).
IIS_SITE_NAMES = {1: "Default Web Site", 2: "Exchange Back End"}

#: How a role is named in "role isn't installed" errors.
_ROLE_LABELS = {"HubTransport": "Hub Transport", "ClientAccess": "Client Access",
                "Mailbox": "Mailbox", "UnifiedMessaging": "Unified Messaging",
                "Edge": "Edge Transport"}

#: The role named when a version has no role at all for a service (UM on 2019).
_SERVICE_ROLE = {AllowedServices.UM: "Unified Messaging",
                 AllowedServices.UMCallRouter: "Unified Messaging Call Router",
                 AllowedServices.IMAP: "Client Access", AllowedServices.POP: "Client Access",
                 AllowedServices.SMTP: "Hub Transport"}

#: Setup timing of the built-in organisation: its certificates expire this long
#: after the emulated "now", so renewal is the first thing to practise.
SETUP_EXPIRES_IN = _dt.timedelta(days=23)
#: The Auth certificate is made a few minutes after the server certificate (as in
#: the real E2k16 captures: 13:56:14 then 13:59:05) and WMSvc days before.
AUTH_AFTER_SETUP = _dt.timedelta(seconds=171)
WMSVC_BEFORE_SETUP = _dt.timedelta(days=2, hours=3, minutes=12)
WMSVC_YEARS = 10
AUTH_SUBJECT = "Microsoft Exchange Server Auth Certificate"
WMSVC_FRIENDLY_NAME = "WMSVC"

#: Validity of the placeholder certificate of a pending request (reference §9.10:
#: undocumented; a short validity is our choice).
REQUEST_PLACEHOLDER_LIFE = _dt.timedelta(days=365)

#: Largest FriendlyName length New-ExchangeCertificate accepts (reference §2.2).
MAX_FRIENDLY_NAME = 63


def _add_years(dt: _dt.datetime, years: int) -> _dt.datetime:
    try:
        return dt.replace(year=dt.year + years)
    except ValueError:  # 29 February -> 28 February
        return dt.replace(year=dt.year + years, day=28)


def _whole_seconds(dt: _dt.datetime) -> _dt.datetime:
    return dt.replace(microsecond=0)


# ---------------------------------------------------------------- org settings

class AcceptedDomain(TrackedObject, Struct, eq=False):
    _tracked_fields = frozenset(("domain", "authoritative", "default"))
    domain: str
    authoritative: bool = True
    default: bool = False


class SendConnector(TrackedObject, Struct, eq=False):
    _tracked_fields = frozenset(("name", "tls_certificate_name", "address_spaces", "source_servers",
                                 "fqdn", "usage", "enabled", "require_tls"))
    name: str
    tls_certificate_name: Optional[str] = None   # "<I>issuer<S>subject"
    address_spaces: Tuple[str, ...] = ("*",)
    source_servers: Tuple[str, ...] = ()         # SourceTransportServers (server names)
    fqdn: Optional[str] = None
    usage: str = "Custom"
    enabled: bool = True
    require_tls: bool = False


class ReceiveConnector(TrackedObject, Struct, eq=False):
    """A server's Receive connector (Identity ``SERVER\\Name``)."""
    _tracked_fields = frozenset(("server", "name", "bindings", "tls_certificate_name", "fqdn",
                                 "enabled"))
    server: str
    name: str
    bindings: Tuple[str, ...] = ("0.0.0.0:25",)
    tls_certificate_name: Optional[str] = None
    fqdn: Optional[str] = None
    enabled: bool = True

    @property
    def identity(self) -> str:
        return "%s\\%s" % (self.server, self.name)


#: The Receive connectors setup creates, per generation (name pattern, bindings).
#: 2007/2010 Hub: "Default" (25) and "Client" (587); 2013+ Mailbox: the five of the
#: front-end and back-end transport services.
_RECEIVE_CONNECTORS_LEGACY = (("Default {s}", ("0.0.0.0:25",)), ("Client {s}", ("0.0.0.0:587",)))
_RECEIVE_CONNECTORS_15 = (("Default {s}", ("0.0.0.0:2525", "[::]:2525")),
                          ("Client Proxy {s}", ("0.0.0.0:465", "[::]:465")),
                          ("Default Frontend {s}", ("0.0.0.0:25", "[::]:25")),
                          ("Outbound Proxy Frontend {s}", ("0.0.0.0:717", "[::]:717")),
                          ("Client Frontend {s}", ("0.0.0.0:587", "[::]:587")))
_RECEIVE_CONNECTORS_EDGE = (("Default internal receive connector {s}", ("0.0.0.0:25", "[::]:25")),)


class AuthConfig(TrackedObject, Struct, eq=False):
    """What Get-AuthConfig shows (2013+)."""
    _tracked_fields = frozenset(("current_thumbprint", "previous_thumbprint", "next_thumbprint",
                                 "next_effective_date", "service_name", "realm", "name"))
    current_thumbprint: Optional[str] = None
    previous_thumbprint: Optional[str] = None
    next_thumbprint: Optional[str] = None
    next_effective_date: Optional[_dt.datetime] = None
    service_name: str = "00000002-0000-0ff1-ce00-000000000000"
    realm: str = ""
    name: str = "Auth Configuration"


# ---------------------------------------------------------------- plans

class SmtpQuestion(NamedTuple):
    """The "overwrite the default SMTP certificate?" question: both certificates."""
    current: ExchangeCertificate
    new: ExchangeCertificate


class NewCertificatePlan(Struct):
    """A validated New-ExchangeCertificate; nothing has been generated yet."""
    server: "Server"
    subject: object                      # x509.Name
    domains: List[str]
    friendly_name: str
    key_size: int
    private_key_exportable: bool
    services: AllowedServices
    generate_request: bool = False
    subject_key_identifier: Optional[bytes] = None
    hash_name: str = "sha256"
    years: int = 5
    instance_thumbprint: Optional[str] = None
    warnings: List[str] = factory(list)

    @property
    def subject_text(self) -> str:
        return format_dn(self.subject)

    def describe(self) -> str:
        """The -WhatIf / -Confirm message (our wording, texts.CONFIRM)."""
        key = "new_request" if self.generate_request else "new"
        return CONFIRM[key].format(friendly=self.friendly_name, subject=self.subject_text,
                                   domains=", ".join(self.domains), services=str(self.services),
                                   size=self.key_size)


class PendingCertificate(Struct):
    """A generated certificate not yet in any store (see Server.install_certificate)."""
    plan: NewCertificatePlan
    cert: object                          # x509.Certificate (the placeholder for a request)
    key: object                           # RSAPrivateKey
    thumbprint: str = ""
    request: object = None                # x509.CertificateSigningRequest (-GenerateRequest)

    def __post_init__(self) -> None:
        if not self.thumbprint:
            self.thumbprint = StoreEntry(self.cert).thumbprint

    @property
    def not_after(self) -> _dt.datetime:
        return self.cert.not_valid_after_utc.replace(tzinfo=None)

    @property
    def not_before(self) -> _dt.datetime:
        return self.cert.not_valid_before_utc.replace(tzinfo=None)

    @property
    def is_request(self) -> bool:
        return self.request is not None

    @property
    def request_der(self) -> Optional[bytes]:
        """The PKCS#10 DER (``-BinaryEncoded`` output's FileData); None for certificates."""
        return None if self.request is None else der_bytes(self.request)

    def request_text(self) -> Optional[str]:
        """The ``-----BEGIN NEW CERTIFICATE REQUEST-----`` text New writes."""
        from .codec import request_text
        return None if self.request is None else request_text(self.request_der)

    def entry(self) -> StoreEntry:
        return StoreEntry(self.cert, key=self.key, friendly_name=self.plan.friendly_name,
                          exportable=self.plan.private_key_exportable, request=self.request,
                          access_rules=default_key_acl())

    def view(self) -> ExchangeCertificate:
        """The certificate as it would look installed but not enabled for anything."""
        return self.plan.server._view(self.entry(), services=AllowedServices.None_,
                                      in_store=False)


class EnablePlan(Struct):
    """A validated Enable-ExchangeCertificate; nothing has changed yet."""
    server: "Server"
    thumbprint: str                       # canonical (uppercase) thumbprint
    typed_thumbprint: str                 # as the user typed it (for messages)
    services: AllowedServices
    network_service_allowed: bool = False
    smtp_question: Optional[SmtpQuestion] = None

    def describe(self) -> str:
        return CONFIRM["enable"].format(thumbprint=self.typed_thumbprint,
                                        services=str(self.services))


class ImportPlan(Struct):
    """A validated Import-ExchangeCertificate; nothing has changed yet."""
    server: "Server"
    certificate: object                  # the x509.Certificate to install (the leaf)
    chain: List[object]                  # CA certificates that came with it
    key: object                          # private key from a PFX, else None
    request_thumbprint: Optional[str]    # the pending request it completes, if any
    friendly_name: Optional[str]         # -FriendlyName
    pfx_friendly_name: Optional[str]
    private_key_exportable: bool
    thumbprint: str

    @property
    def completes_request(self) -> bool:
        return self.request_thumbprint is not None

    def describe(self) -> str:
        return CONFIRM["import"]


# ---------------------------------------------------------------- server

class Server(TrackedObject):
    """One Exchange server: stores, role set and the certificate-related settings."""

    #: Settings kept in the world store's row of the server (stores have rows of their own).
    _tracked_fields = frozenset(("fqdn", "roles", "iis_bindings", "iis_require_ssl",
                                 "pop_x509_name", "imap_x509_name", "internal_transport_thumbprint",
                                 "um_thumbprint", "umcr_thumbprint", "receive_connectors",
                                 "host_names", "stopped_services", "orphan_keys"))

    def __init__(self, organization: "Organization", name: str, roles: Optional[Sequence[str]] = None):
        object.__setattr__(self, "organization", organization)
        object.__setattr__(self, "name", name)
        self.fqdn = "%s.%s" % (name, organization.domain)
        self.roles: Tuple[str, ...] = tuple(roles if roles is not None else organization.profile.roles)
        changes = organization.changes
        self.my = CertificateStore("My", lambda t: changes.mark(("cert", name, "My", t)))
        self.requests = CertificateStore("REQUEST", lambda t: changes.mark(("cert", name, "REQUEST", t)))
        # LocalMachine\Root (+ physical kind) and LocalMachine\CA, reported per thumbprint.
        self.roots: Dict[str, RootEntry] = TrackedDict(
            key_mark=lambda t: changes.mark(("trust", name, "Root", t)))
        self.intermediates: Dict[str, RootEntry] = TrackedDict(
            key_mark=lambda t: changes.mark(("trust", name, "CA", t)))
        #: Every other certificate store of the machine (Cert:\LocalMachine\TrustedPeople,
        #: Cert:\CurrentUser\My...), by store key (see :meth:`cert_store`); made on first use.
        self.extra_stores: Dict[str, CertificateStore] = {}
        #: Private keys whose certificate was removed without -DeleteKey (their key
        #: containers stay on the machine; certutil -repairstore finds them): key
        #: objects or KeyHandles.  The world store keeps them.
        self.orphan_keys: List[object] = []
        self.iis_bindings: Dict[int, str] = {}         # site id -> thumbprint
        self.iis_require_ssl: bool = True
        self.pop_x509_name: Optional[str] = None
        self.imap_x509_name: Optional[str] = None
        self.internal_transport_thumbprint: Optional[str] = None
        self.um_thumbprint: Optional[str] = None
        self.umcr_thumbprint: Optional[str] = None
        self.receive_connectors: List[ReceiveConnector] = []
        #: Further DNS names that reach this server (the lab's DNS; see exchange.tls).
        self.host_names: Tuple[str, ...] = ()
        #: Windows services that are stopped (Stop-Service, iisreset /stop); all others run.
        self.stopped_services: Tuple[str, ...] = ()
        if self.is_transport:
            if "Edge" in self.roles:
                table = _RECEIVE_CONNECTORS_EDGE
            elif self.profile.major_version >= 15:
                table = _RECEIVE_CONNECTORS_15
            else:
                table = _RECEIVE_CONNECTORS_LEGACY
            for pattern, bindings in table:
                self.receive_connectors.append(
                    ReceiveConnector(self.name, pattern.format(s=self.name), bindings, fqdn=self.fqdn))

    def __repr__(self) -> str:
        return "<Server %s %s>" % (self.fqdn, ",".join(self.roles))

    def _touch(self) -> None:
        self.organization.changes.mark(("server", self.name))

    # ------------------------------------------------------------ other stores
    def is_store_key(self, key: str) -> bool:
        """Whether ``key`` names one of the machine's entry stores (the Windows Server
        of the version has it): world files are hostile input, a name outside the
        list is damage."""
        if not isinstance(key, str):
            return False
        if key.startswith("CurrentUser\\"):
            return key[len("CurrentUser\\"):] in self.profile.user_stores
        return key in self.profile.machine_stores and key not in ("Root", "CA")

    def cert_store(self, key: str, create: bool = True) -> Optional[CertificateStore]:
        """The store of certificate entries called ``key``: ``"My"``, ``"REQUEST"``, a
        machine store by name (``"TrustedPeople"``) or a user store as
        ``"CurrentUser\\<name>"``.  Root and CA are :attr:`roots` / :attr:`intermediates`,
        not entry stores.  None for a key that is no store name (or, without
        ``create``, for a store that holds nothing yet)."""
        if key == "My":
            return self.my
        if key == "REQUEST":
            return self.requests
        if not self.is_store_key(key):
            return None
        store = self.extra_stores.get(key)
        if store is None and create:
            changes, name = self.organization.changes, self.name
            store = self.extra_stores[key] = CertificateStore(
                key, lambda t: changes.mark(("cert", name, key, t)))
        return store

    # ------------------------------------------------------------ basics
    @property
    def profile(self) -> Profile:
        return self.organization.profile

    @property
    def clock(self) -> Clock:
        return self.organization.clock

    def has_role(self, roles: Sequence[str]) -> bool:
        return any(r in self.roles for r in roles)

    # ------------------------------------------------------------ Windows services
    @property
    def windows_services(self) -> Tuple[Tuple[str, str, tuple], ...]:
        """(Name, DisplayName, depends on) of the services Get-Service lists here."""
        return tuple(self.profile.windows_services)

    def service_status(self, name: str) -> str:
        """"Running" or "Stopped" (a name this server does not have: "Stopped")."""
        folded = name.casefold()
        if not any(row[0].casefold() == folded for row in self.profile.windows_services):
            return "Stopped"
        return "Stopped" if folded in (n.casefold() for n in self.stopped_services) else "Running"

    def set_service_status(self, name: str, running: bool) -> None:
        stopped = [n for n in self.stopped_services if n.casefold() != name.casefold()]
        if not running:
            stopped.append(name)
        self.stopped_services = tuple(sorted(stopped, key=str.casefold))

    def endpoint_running(self, endpoint: str) -> bool:
        """Whether what answers ``endpoint`` (https, imap, pop, smtp) runs."""
        needed = dict(self.profile.endpoint_services).get(endpoint, ())
        return all(self.service_status(name) == "Running" for name in needed)

    @property
    def is_transport(self) -> bool:
        return self.has_role(self.profile.transport_roles)

    @property
    def is_client_access(self) -> bool:
        return self.has_role(self.profile.cas_roles)

    def _error(self, error_id: str, purpose: Optional[str] = None, **fields) -> ExchangeError:
        error = exchange_error(error_id, server=self.name, purpose=purpose, **fields)
        captured = self.profile.error_hex.get("%s|%s" % (error_id, purpose))
        if captured:
            error.hex_id = captured         # the code a real server of this version printed
        return error

    def state(self) -> tuple:
        """Everything a certificate task can change, as a comparable value (tests
        use it to prove a failed operation changed nothing)."""
        def entries(store):
            return tuple((e.thumbprint, e.friendly_name, e.exportable,
                          tuple((r.IdentityReference.Value, r.CryptoKeyRights) for r in e.access_rules))
                         for e in store)
        org = self.organization
        return (entries(self.my), entries(self.requests), tuple(sorted(self.roots)),
                tuple(sorted(self.intermediates)),
                tuple((k, entries(v)) for k, v in sorted(self.extra_stores.items()) if len(v)),
                tuple(sorted(self.iis_bindings.items())), self.iis_require_ssl,
                self.pop_x509_name, self.imap_x509_name, self.internal_transport_thumbprint,
                self.um_thumbprint, self.umcr_thumbprint,
                tuple(sorted(org.federation_certificates())),
                tuple((c.name, c.tls_certificate_name) for c in org.send_connectors))

    # ------------------------------------------------------------ derivation
    def services_of(self, entry: StoreEntry) -> AllowedServices:
        """Services derived from the current configuration (reference §1.5)."""
        return AllowedServices(self._services_rule()(entry))

    def services_codes(self, entries: Sequence[StoreEntry]) -> List[str]:
        """``ServicesStringForm`` of each entry (``IP.WS.``), as :meth:`services_of`
        derives it: the server's configuration is read once for all of them (Tab
        completion shows the code beside each of ten thousand thumbprints)."""
        rule = self._services_rule()
        width = self.profile.services_width
        forms: Dict[int, str] = {}
        out = []
        for entry in entries:
            value = rule(entry)
            form = forms.get(value)
            if form is None:
                form = forms[value] = AllowedServices(value).string_form(width)
            out.append(form)
        return out

    def _services_rule(self) -> Callable[[StoreEntry], int]:
        """The rule of reference §1.5 over the configuration as it is now: entry ->
        the AllowedServices value (an int, cut to the version's width)."""
        iis = set(self.iis_bindings.values())
        client_access = self.is_client_access
        pop = self.pop_x509_name.casefold() if client_access and self.pop_x509_name else None
        imap = self.imap_x509_name.casefold() if client_access and self.imap_x509_name else None
        transport = self.is_transport
        um, umcr = self.um_thumbprint, self.umcr_thumbprint
        federation = (self.organization.federation_certificates()
                      if self.has_role(federation_roles()) else ())
        S = AllowedServices
        IIS, POP, IMAP, SMTP = S.IIS.value, S.POP.value, S.IMAP.value, S.SMTP.value
        UM, UMCR, FED = S.UM.value, S.UMCallRouter.value, S.Federation.value
        mask = (1 << self.profile.services_width) - 1
        readable: Dict[int, Tuple[Any, bool]] = {}   # id(ACL) -> (ACL, NETWORK SERVICE reads)

        def rule(entry: StoreEntry) -> int:
            if entry.is_pending:
                return 0
            t = entry.thumbprint
            value = IIS if t in iis else 0
            if pop is not None or imap is not None:
                domains = domain_set_by_thumbprint(t, entry.cert)
                if pop is not None and pop in domains:
                    value |= POP
                if imap is not None and imap in domains:
                    value |= IMAP
            if transport and entry.has_key:
                # Entries of one world share their ACL tuples: each is looked at once.
                rules = entry.access_rules
                hit = readable.get(id(rules))
                if hit is None or hit[0] is not rules:
                    hit = readable[id(rules)] = (rules, entry.network_service_can_read())
                if hit[1]:
                    value |= SMTP
            if um == t:
                value |= UM
            if umcr == t:
                value |= UMCR
            if t in federation:
                value |= FED
            return value & mask
        return rule

    def chain_root(self, cert, extra: Sequence[object] = (), *,
                   thumbprint: Optional[str] = None) -> Optional[RootEntry]:
        """The trusted root ``cert`` chains to, or None.  Each link is checked by its
        signature, not only by the issuer's name (a certificate signed by a fake CA
        that carries a trusted CA's name chains to nothing); only a replica's stand-in
        root (issuance.is_stand_in_root), trusted in this store, vouches by name for
        the CA it replaces.  ``extra`` adds untrusted intermediates (an import's chain);
        ``thumbprint`` is ``cert``'s when the caller knows it."""
        seen = set()
        pools = [self.intermediates, self.roots]
        if extra:
            pools.insert(0, {r.thumbprint: r for r in (RootEntry(c, "Intermediate") for c in extra)})
        current = cert
        for _ in range(8):
            if current.subject == current.issuer and issued_by(current, current):
                t = thumbprint if current is cert and thumbprint else StoreEntry(current).thumbprint
                return self.roots.get(t)
            issuer = None
            for pool in pools:
                for cand in pool.values():
                    if cand.thumbprint not in seen and cand.cert is not current and \
                            (issued_by(current, cand.cert) or
                             (pool is self.roots and cand.cert.subject == current.issuer
                              and is_stand_in_root(cand.cert))):
                        issuer = cand
                        break
                if issuer:
                    break
            if issuer is None:
                return None
            seen.add(issuer.thumbprint)
            if issuer.thumbprint in self.roots:
                return self.roots[issuer.thumbprint]
            current = issuer.cert
        return None

    def status_of(self, entry: StoreEntry) -> Tuple[CertificateStatus, CertificateAuthorityType]:
        """(Status, RootCAType), following reference §3.5."""
        if entry.is_pending:
            return CertificateStatus.PendingRequest, CertificateAuthorityType.Unknown
        cert = entry.cert
        now = self.clock.now()
        self_signed = cert.subject == cert.issuer
        root = self.chain_root(cert, thumbprint=entry.thumbprint)
        root_type = CertificateAuthorityType.parse(root.kind) if root else None
        expired = not (cert.not_valid_before_utc.replace(tzinfo=None) <= now
                       <= cert.not_valid_after_utc.replace(tzinfo=None))
        if expired:
            return CertificateStatus.DateInvalid, root_type or CertificateAuthorityType.Unknown
        if entry.revoked:
            return CertificateStatus.Revoked, root_type or CertificateAuthorityType.Unknown
        if root is None:
            if self_signed:
                if not issued_by(cert, cert):      # its name says self-signed; its signature does not
                    return CertificateStatus.Invalid, CertificateAuthorityType.Unknown
                return CertificateStatus.Valid, CertificateAuthorityType.None_
            return CertificateStatus.Untrusted, CertificateAuthorityType.Unknown
        return CertificateStatus.Valid, root_type

    @staticmethod
    def validity_reason(entry: StoreEntry) -> Optional[str]:
        """None when the entry may be used with Exchange, else the reason name
        (reference §3.6, the checks we model, in the real order).  Remembered on the
        entry (it depends on the certificate and on whether there is a key)."""
        known = entry.memo.get("validity")
        if known is not None and known[0] == entry.has_key:
            return known[1]
        reason = Server._validity_reason(entry)
        entry.memo["validity"] = (entry.has_key, reason)
        return reason

    @staticmethod
    def _validity_reason(entry: StoreEntry) -> Optional[str]:
        from cryptography import x509
        from cryptography.x509.oid import ExtendedKeyUsageOID, PublicKeyAlgorithmOID
        if not entry.has_key:
            return "PrivateKeyMissing"
        cert = entry.cert
        if cert.public_key_algorithm_oid not in (PublicKeyAlgorithmOID.RSAES_PKCS1_v1_5,
                                                 PublicKeyAlgorithmOID.DSA):
            return "KeyAlgorithmUnsupported"
        try:
            ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
            if not (ku.digital_signature or ku.content_commitment):
                return "SigningNotSupported"
        except x509.ExtensionNotFound:
            pass
        try:
            eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
            if ExtendedKeyUsageOID.SERVER_AUTH not in list(eku):
                return "PkixKpServerAuthNotFoundInEnhancedKeyUsage"
        except x509.ExtensionNotFound:
            pass
        if cert.public_key().key_size < 1024:
            return "PublicKeyUnsupportedSize"
        return None

    def _view(self, entry: StoreEntry, *, services: Optional[AllowedServices] = None,
              in_store: bool = True) -> ExchangeCertificate:
        status, root_type = self.status_of(entry)
        if services is None:
            services = self.services_of(entry)
        sites = sorted(s for s, t in self.iis_bindings.items() if t == entry.thumbprint) if in_store else []
        cls = view_class_for(self.profile.dialect)
        return cls(entry.cert, raw_data=entry.der, thumbprint=entry.thumbprint,
                   server_name=self.name, server_fqdn=self.fqdn, services=services,
                   status=status, root_ca_type=root_type, has_private_key=entry.has_key,
                   private_key_exportable=entry.exportable, friendly_name=entry.friendly_name,
                   access_rules=entry.access_rules if entry.has_key and self.profile.access_rules_shown
                   else [],
                   iis_sites=sites, request_der=entry.request_der,
                   services_width=self.profile.services_width, archived=entry.archived,
                   remote=self.profile.remote_errors, spaced_ids=self.profile.spaced_key_ids)

    def entry_of(self, thumbprint: str) -> Optional[StoreEntry]:
        """The store entry (My or REQUEST) of a thumbprint as typed, or None."""
        return self._find(thumbprint)[1]

    def view_of(self, thumbprint: str) -> Optional[ExchangeCertificate]:
        """A view of any entry (My or REQUEST) without validity checks, or None."""
        entry = self._find(thumbprint)[1]
        return None if entry is None else self._view(entry)

    # ------------------------------------------------------------ lookups
    def _find(self, thumbprint: str, stores: Sequence[str] = ("My", "REQUEST")):
        key = normalize_thumbprint(thumbprint)
        for name in stores:
            store = self.my if name == "My" else self.requests
            entry = store.get(key)
            if entry is not None:
                return store, entry
        return None, None

    @staticmethod
    def _typed(thumbprint: str) -> str:
        text = "" if thumbprint is None else str(thumbprint)
        return text.replace(" ", "") if len(text) > 2 and text[2] == " " else text

    def _lookup(self, thumbprint: str, purpose: str, *, stores=("My", "REQUEST"),
                check_validity: bool = True) -> StoreEntry:
        store, entry = self._find(thumbprint, stores)
        if entry is None:
            raise self._error("CertificateNotFound", purpose, thumbprint=self._typed(thumbprint))
        if store is self.my and check_validity:
            reason = self.validity_reason(entry)
            if reason is not None:
                raise self._error("CertificateNotValid", purpose, thumbprint=self._typed(thumbprint),
                                  reason=reason)
        return entry

    def certificates(self) -> List[ExchangeCertificate]:
        """Get-ExchangeCertificate without a filter: valid certificates of My and the
        pending requests, newest NotBefore first (reference §2.1)."""
        entries = [e for e in self.my if self.validity_reason(e) is None] + list(self.requests)
        entries.sort(key=lambda e: e.cert.not_valid_before_utc, reverse=True)
        return [self._view(e) for e in entries]

    def get_certificate(self, thumbprint: str, purpose: str = "get") -> ExchangeCertificate:
        """One certificate by thumbprint (reference §1.2 normalisation).  ``purpose``
        ("get", "enable", "remove", "export", ...) picks the not-found category."""
        stores = ("My",) if purpose == "enable" else ("My", "REQUEST")
        return self._view(self._lookup(thumbprint, purpose, stores=stores))

    def certificates_for_domains(self, names: Sequence[str]) -> List[ExchangeCertificate]:
        """Get-ExchangeCertificate -DomainName: valid certificates (no requests) with
        a matching FQDN; the one Exchange would pick first (CA-issued before
        self-signed, usable before expired, then newest)."""
        wanted = [n.casefold() for n in names]

        def matches(domain: str) -> bool:
            d = domain.casefold()
            for w in wanted:
                if d == w:
                    return True
                if d.startswith("*.") and "." in w and w.split(".", 1)[1] == d[2:]:
                    return True
            return False

        found = []
        for entry in self.my:
            if self.validity_reason(entry) is not None:
                continue
            if any(matches(d) for d in certificate_domains(entry.cert)):
                found.append(self._view(entry))
        found.sort(key=lambda v: (v.IsSelfSigned, v.Status is not CertificateStatus.Valid,
                                  -v.NotBefore.timestamp()))
        return found

    # ------------------------------------------------------------ role checks
    def _check_roles(self, services: AllowedServices, purpose: str) -> None:
        p = self.profile
        needs = [(AllowedServices.IMAP, p.cas_roles), (AllowedServices.POP, p.cas_roles),
                 (AllowedServices.UM, p.um_roles), (AllowedServices.SMTP, p.transport_roles),
                 (AllowedServices.UMCallRouter, p.umcr_roles)]
        for flag, roles in needs:
            if services & flag and not self.has_role(roles):
                role = _ROLE_LABELS.get(roles[0], roles[0]) if roles else _SERVICE_ROLE[flag]
                raise self._error("EnableCertificateServiceNotInstalled", purpose,
                                  service=str(flag), role=role, server_name=self.name)

    def _check_profile_services(self, services: AllowedServices, purpose: str) -> None:
        allowed = {n.casefold() for n in self.profile.allowed_services}
        for m in services.members():
            if m.name.casefold() not in allowed:
                raise self._error("ServicesNotSupported", purpose, service=m.name)

    # ------------------------------------------------------------ New
    def plan_new_certificate(self, *, instance: Optional[ExchangeCertificate] = None,
                             subject_name: Optional[str] = None,
                             domain_names: Optional[Sequence[str]] = None,
                             friendly_name: Optional[str] = None, key_size: Optional[int] = None,
                             private_key_exportable: bool = False,
                             services: Optional[AllowedServices] = None,
                             include_accepted_domains: bool = False,
                             include_autodiscover: bool = False,
                             include_server_fqdn: bool = False,
                             include_server_netbios_name: bool = False,
                             generate_request: bool = False,
                             subject_key_identifier: Optional[str] = None) -> NewCertificatePlan:
        """Validate New-ExchangeCertificate's arguments (reference §2.2) into a plan."""
        purpose = "new"
        org = self.organization
        if instance is not None and not isinstance(instance, ExchangeCertificate):
            instance = self._as_certificate_view(instance, purpose)
        if generate_request and services is not None:
            raise self._error("ServicesWithGenerateRequest", purpose)
        if services is not None:
            services = AllowedServices.parse(services) if not isinstance(services, AllowedServices) \
                else services
            self._check_profile_services(services, purpose)
        elif not generate_request:
            services = AllowedServices.SMTP     # the cmdlet's default [X]
        else:
            services = AllowedServices.None_

        # Subject given by the user
        subject = None
        if subject_name is not None:
            try:
                subject = parse_dn(subject_name)
            except DnSyntaxError:
                raise self._error("InvalidSubjectName", purpose, subject=subject_name) from None

        warnings: List[str] = []
        domains: List[str] = []

        def add(name: str) -> None:
            if name.casefold() not in {d.casefold() for d in domains}:
                domains.append(name)

        if instance is not None:
            for d in instance.CertificateDomains:
                add(d)
        for d in list(domain_names or []):
            d = str(d).strip()
            if not is_valid_domain(d):
                raise self._error("DomainNameIsNotValidForCertificate", purpose, name=d)
            add(d)
        if include_accepted_domains:
            for ad in org.accepted_domains:
                add(ad.domain)
        if include_autodiscover:
            if self.is_client_access:
                for ad in org.accepted_domains:
                    if ad.authoritative:
                        add("autodiscover." + ad.domain)
            else:
                warnings.append(exchange_error("IncludeAutoDiscoverOnlyApplicableToCAS").message)
        if subject is not None and domain_names is None and instance is None:
            cn = first_cn(subject)
            if not cn or not is_valid_domain(cn):
                raise self._error("SubjectCnNotValidFQDN", purpose, subject=subject_name)
            add(cn)
        if not domains and domain_names is None and subject is None and instance is None:
            add(self.name)
            add(self.fqdn)
        if include_server_fqdn:
            add(self.fqdn)
        if include_server_netbios_name:
            add(self.name)

        if subject is None:
            if instance is not None:
                from cryptography import x509
                subject = x509.load_der_x509_certificate(instance.RawData).subject
            else:
                subject = simple_name(domains[0] if domains else self.name)

        # FriendlyName: a cloned certificate's name wins over -FriendlyName [X].
        if instance is not None and instance.FriendlyName:
            friendly = instance.FriendlyName
        else:
            friendly = friendly_name if friendly_name else DEFAULT_FRIENDLY_NAME
        if len(friendly) > MAX_FRIENDLY_NAME:
            raise self._error("FriendlyNameTooLong", purpose)

        if key_size is None:
            size = instance.PublicKeySize if instance is not None else 2048
        else:
            try:
                size = int(key_size)
            except (TypeError, ValueError):
                raise self._error("InvalidKeySize", purpose, size=key_size,
                                  sizes=", ".join(map(str, self.profile.key_sizes))) from None
            if size not in self.profile.key_sizes:
                raise self._error("InvalidKeySize", purpose, size=size,
                                  sizes=", ".join(map(str, self.profile.key_sizes)))

        ski = None
        if subject_key_identifier:
            text = str(subject_key_identifier).replace(" ", "")
            try:
                ski = bytes.fromhex(text)
            except ValueError:
                ski = None
            if not ski:
                raise self._error("SubjectKeyIdentifierInvalid", purpose, ski=subject_key_identifier)

        if not generate_request:
            self._check_roles(services & ~AllowedServices.Federation, purpose)
            if services & (AllowedServices.UM | AllowedServices.UMCallRouter):
                pass  # a new certificate cannot be expired

        return NewCertificatePlan(
            server=self, subject=subject, domains=domains, friendly_name=friendly, key_size=size,
            private_key_exportable=bool(private_key_exportable), services=services,
            generate_request=bool(generate_request), subject_key_identifier=ski,
            hash_name=self.profile.selfsigned_hash, years=self.profile.selfsigned_years,
            instance_thumbprint=instance.Thumbprint if instance is not None else None,
            warnings=warnings)

    def _as_certificate_view(self, value, purpose: str) -> ExchangeCertificate:
        """-Instance given something else than our view (an X509Certificate2-like
        object with RawData, or DER bytes): read it as a certificate."""
        from cryptography import x509
        raw = value if isinstance(value, (bytes, bytearray)) else getattr(value, "RawData", None)
        try:
            cert = x509.load_der_x509_certificate(bytes(raw))
        except (TypeError, ValueError):
            raise self._error("InvalidInstance", purpose) from None
        return view_class_for(self.profile.dialect)(
            cert, server_name=self.name, server_fqdn=self.fqdn,
            friendly_name=str(getattr(value, "FriendlyName", "") or ""),
            services_width=self.profile.services_width)

    def build_certificate(self, plan: NewCertificatePlan) -> PendingCertificate:
        """Generate the key and the signed certificate (not yet in any store)."""
        org = self.organization
        key = org.key_source.new_rsa_key(plan.key_size)
        now = _whole_seconds(self.clock.now())
        if plan.generate_request:
            from .codec import build_request
            request = build_request(key=key, subject=plan.subject, domains=plan.domains,
                                    hash_name=plan.hash_name)
            # The placeholder Windows keeps in the REQUEST store: self-signed, short-lived.
            placeholder = issue_self_signed(key=key, subject=plan.subject, domains=plan.domains,
                                            not_before=now, not_after=now + REQUEST_PLACEHOLDER_LIFE,
                                            serial=org.serials.next(), hash_name=plan.hash_name)
            return PendingCertificate(plan=plan, cert=placeholder, key=key, request=request)
        cert = issue_self_signed(key=key, subject=plan.subject, domains=plan.domains,
                                 not_before=now, not_after=_add_years(now, plan.years),
                                 serial=org.serials.next(), hash_name=plan.hash_name,
                                 ski=plan.subject_key_identifier)
        return PendingCertificate(plan=plan, cert=cert, key=key)

    def smtp_question(self, thumbprint_or_pending, services: AllowedServices) -> Optional[SmtpQuestion]:
        """The certificates for the "overwrite the default SMTP certificate?" prompt,
        or None when it is not asked (no SMTP, no transport role, no current
        default, or the certificate already is the default)."""
        if not (AllowedServices(services) & AllowedServices.SMTP) or not self.is_transport:
            return None
        current_t = self.internal_transport_thumbprint
        if not current_t:
            return None
        if isinstance(thumbprint_or_pending, PendingCertificate):
            new_t = thumbprint_or_pending.thumbprint
            new_view = None
        else:
            new_t = normalize_thumbprint(thumbprint_or_pending)
            new_view = None
        if new_t == current_t:
            return None
        current_entry = self.my.get(current_t)
        if current_entry is None:
            return None
        if isinstance(thumbprint_or_pending, PendingCertificate):
            new_view = thumbprint_or_pending.view()
        else:
            entry = self._find(new_t, ("My",))[1]
            if entry is None:
                return None
            new_view = self._view(entry)
        return SmtpQuestion(self._view(current_entry), new_view)

    def install_certificate(self, pending: PendingCertificate, *, make_default_smtp: bool) -> ExchangeCertificate:
        """Add a built certificate to My and enable its planned services; returns the
        object New-ExchangeCertificate writes."""
        if pending.is_request:
            return self.install_request(pending)
        self.organization.begin_change()
        if pending.thumbprint in self.my:
            raise self._error("ImportCertificateAlreadyExists", "new", thumbprint=pending.thumbprint)
        entry = pending.entry()
        before = None
        if self.profile.new_output_before_enable:
            # The 2010 console shows the certificate as created (Services none).
            before = AllowedServices.None_
        self.my.add(entry)
        self._apply_services(entry, pending.plan.services & ~AllowedServices.Federation,
                             make_default_smtp=make_default_smtp, require_ssl=True,
                             network_service_allowed=False)
        return self._view(entry, services=before)

    def install_request(self, pending: PendingCertificate) -> ExchangeCertificate:
        """Keep a generated request in the REQUEST store (Status PendingRequest); returns
        its view.  The text New writes is ``pending.request_text()``."""
        if not pending.is_request:
            raise ValueError("not a request")
        self.organization.begin_change()
        entry = pending.entry()
        self.requests.add(entry)
        return self._view(entry)

    # ------------------------------------------------------------ Enable
    def plan_enable(self, thumbprint: str, services, *, network_service_allowed: bool = False) -> EnablePlan:
        """Validate Enable-ExchangeCertificate (reference §2.3); changes nothing."""
        purpose = "enable"
        services = services if isinstance(services, AllowedServices) else AllowedServices.parse(services)
        self._check_profile_services(services, purpose)
        self._check_roles(services, purpose)
        if services & AllowedServices.Federation:
            raise self._error("EnableCertificateFederation", purpose)
        entry = self._lookup(thumbprint, purpose, stores=("My",),
                             check_validity=not network_service_allowed)
        if services & (AllowedServices.UM | AllowedServices.UMCallRouter):
            now = self.clock.now()
            if entry.cert.not_valid_after_utc.replace(tzinfo=None) < now:
                flag = AllowedServices.UM if services & AllowedServices.UM else AllowedServices.UMCallRouter
                raise self._error("CertificateExpired", purpose, thumbprint=entry.thumbprint,
                                  service=str(flag))
        return EnablePlan(server=self, thumbprint=entry.thumbprint,
                          typed_thumbprint=self._typed(thumbprint), services=services,
                          network_service_allowed=network_service_allowed,
                          smtp_question=self.smtp_question(entry.thumbprint, services))

    def apply_enable(self, plan: EnablePlan, *, make_default_smtp: bool, require_ssl: bool = True) -> List[str]:
        """Carry out a plan.  Returns warning texts (usually none)."""
        self.organization.begin_change()
        entry = self._lookup(plan.thumbprint, "enable", stores=("My",), check_validity=False)
        return self._apply_services(entry, plan.services, make_default_smtp=make_default_smtp,
                                    require_ssl=require_ssl,
                                    network_service_allowed=plan.network_service_allowed)

    def _apply_services(self, entry: StoreEntry, services: AllowedServices, *,
                        make_default_smtp: bool, require_ssl: bool,
                        network_service_allowed: bool) -> List[str]:
        warnings: List[str] = []
        t = entry.thumbprint
        if services & AllowedServices.IIS:
            for site in self.profile.iis_enable_sites:
                self.iis_bindings[site] = t
            if require_ssl:
                self.iis_require_ssl = True
        if services & (AllowedServices.POP | AllowedServices.IMAP):
            domains = certificate_domains(entry.cert)
            if domains:
                if services & AllowedServices.POP:
                    self.pop_x509_name = domains[0]
                if services & AllowedServices.IMAP:
                    self.imap_x509_name = domains[0]
        if (services & (AllowedServices.POP | AllowedServices.IMAP | AllowedServices.SMTP)
                or network_service_allowed) and entry.has_key:
            entry.grant_network_service_read()
        if services & AllowedServices.SMTP and self.is_transport:
            if make_default_smtp or not self.internal_transport_thumbprint:
                self.internal_transport_thumbprint = t
        if services & AllowedServices.UM:
            self.um_thumbprint = t
        if services & AllowedServices.UMCallRouter:
            self.umcr_thumbprint = t
        return warnings

    # ------------------------------------------------------------ Remove
    def check_removable(self, thumbprint: str) -> ExchangeCertificate:
        """Validate Remove-ExchangeCertificate (reference §2.4); changes nothing."""
        purpose = "remove"
        entry = self._lookup(thumbprint, purpose)
        t = entry.thumbprint
        if not entry.is_pending:
            if t == self.internal_transport_thumbprint and self.is_transport:
                raise self._error("CannotRemoveInternalTransportCertificate", purpose)
            if t == self.um_thumbprint:
                raise self._error("CannotRemoveUMCertificate", purpose, thumbprint=t)
            if t == self.umcr_thumbprint:
                raise self._error("CannotRemoveUMCRCertificate", purpose, thumbprint=t)
            if t in self.organization.federation_certificates() and self.has_role(federation_roles()):
                raise self._error("RemoveCertificateFederation", purpose, thumbprint=t)
            view = self._view(entry)
            tagged = self.organization.send_connectors_for(view.Issuer, view.Subject)
            if tagged:
                raise self._error("CertificateTaggedWithSendConnectors", purpose,
                                  names=", ".join(c.name for c in tagged))
            return view
        return self._view(entry)

    def remove_certificate(self, thumbprint: str) -> None:
        """Remove-ExchangeCertificate: checks, then deletes the entry (IIS bindings and
        POP/IMAP names that pointed at it are left dangling, as on a real server)."""
        self.organization.begin_change()
        self.check_removable(thumbprint)
        store, entry = self._find(thumbprint)
        store.remove(entry.thumbprint)

    # ------------------------------------------------------------ Import
    def plan_import(self, data, *, password: Optional[str] = None,
                    friendly_name: Optional[str] = None,
                    private_key_exportable: bool = False) -> "ImportPlan":
        """Validate Import-ExchangeCertificate's data (reference §2.5); changes nothing.

        ``data``: bytes (FileData), text or a list of strings (-Instance), as given.
        A CA response matching a pending request completes it; otherwise the data is
        a PFX (key + certificate) or a bare certificate (added without a key).
        """
        from .codec import ImportBase64Error, ImportDataError, load_import, public_key_der
        purpose = "import"
        if isinstance(data, (list, tuple)) and data and all(isinstance(x, str) for x in data):
            data = "\n".join(data)
        if data is None or (hasattr(data, "__len__") and len(data) == 0):
            raise self._error("ImportCertificateDataInvalid", purpose)
        try:
            material = load_import(data, password)
        except ImportBase64Error:
            raise self._error("ImportCertificateBase64DataInvalid", purpose) from None
        except ImportDataError:
            raise self._error("ImportCertificateDataInvalid", purpose) from None
        leaf = material.leaf
        thumbprint = StoreEntry(leaf).thumbprint
        if thumbprint in self.my:
            raise self._error("ImportCertificateAlreadyExists", purpose, thumbprint=thumbprint)
        request_entry = None
        if material.key is None:
            wanted = public_key_der(leaf)
            for entry in self.requests:
                if public_key_der(entry.request) == wanted:
                    request_entry = entry
                    break
        chain = [c for c in material.certificates[1:]]
        if request_entry is not None and leaf.subject != leaf.issuer:
            if self.chain_root(leaf, extra=chain) is None:
                raise self._error("ImportCertificateUntrustedRoot", purpose)
        if friendly_name is not None and len(friendly_name) > MAX_FRIENDLY_NAME:
            raise self._error("FriendlyNameTooLong", purpose)
        return ImportPlan(server=self, certificate=leaf, chain=chain, key=material.key,
                          request_thumbprint=request_entry.thumbprint if request_entry else None,
                          friendly_name=friendly_name, pfx_friendly_name=material.friendly_name,
                          private_key_exportable=bool(private_key_exportable),
                          thumbprint=thumbprint)

    def apply_import(self, plan: "ImportPlan") -> ExchangeCertificate:
        """Carry out an import plan; returns the imported certificate's view."""
        self.organization.begin_change()
        if plan.request_thumbprint is not None and plan.request_thumbprint not in self.requests:
            # Another shell completed or removed the request since the plan was made.
            raise self._error("CertificateNotFound", "import", thumbprint=plan.request_thumbprint)
        if plan.thumbprint in self.my:
            raise self._error("ImportCertificateAlreadyExists", "import", thumbprint=plan.thumbprint)
        for ca in plan.chain:
            root = RootEntry(ca, kind="Intermediate")
            if root.thumbprint not in self.roots:
                self.intermediates.setdefault(root.thumbprint, root)
        if plan.request_thumbprint is not None:
            request = self.requests.remove(plan.request_thumbprint)
            friendly = plan.friendly_name if plan.friendly_name is not None else request.friendly_name
            entry = StoreEntry(plan.certificate, key=request.raw_key, friendly_name=friendly,
                               exportable=request.exportable, access_rules=default_key_acl())
        else:
            friendly = plan.friendly_name if plan.friendly_name is not None else \
                (plan.pfx_friendly_name or "")
            entry = StoreEntry(plan.certificate, key=plan.key, friendly_name=friendly,
                               exportable=plan.private_key_exportable and plan.key is not None,
                               access_rules=default_key_acl() if plan.key is not None else [])
        self.my.add(entry)
        return self._view(entry)

    # ------------------------------------------------------------ Export
    def check_exportable(self, thumbprint: str, *, password: Optional[str] = None) -> ExchangeCertificate:
        """Validate Export-ExchangeCertificate (reference §2.6, checks in order)."""
        purpose = "export"
        entry = self._lookup(thumbprint, purpose)
        if entry.is_pending:
            return self._view(entry)
        if not entry.has_key:
            raise self._error("ExportCertificateAs12WithoutKey", purpose, thumbprint=entry.thumbprint)
        if not password:
            raise self._error("ExportWithPrivateKeyRequiresPassword", purpose)
        if not entry.exportable:
            raise self._error("ExportCertificateKeyNotExportable", purpose)
        return self._view(entry)

    def export_certificate(self, thumbprint: str, *, password: Optional[str] = None,
                           binary: bool = False):
        """The exported data: a PFX (certificates) or the PKCS#10 request (pending
        requests; the password is ignored).  ``binary`` gives bytes (FileData), else
        text: base64 of the PFX, or the request's BEGIN/END text."""
        import base64
        from .codec import export_pfx, request_text
        self.check_exportable(thumbprint, password=password)
        entry = self._find(thumbprint)[1]
        if entry.is_pending:
            der = entry.request_der
            return der if binary else request_text(der)
        # The chain as far as this server knows it: issuing CAs up to the root.
        chain = []
        current = entry.cert
        while current.subject != current.issuer and len(chain) < 8:
            issuer = None
            for pool in (self.intermediates, self.roots):
                for cand in pool.values():
                    if cand.cert is not current and issued_by(current, cand.cert):
                        issuer = cand
            if issuer is None or any(c == issuer.cert for c in chain):
                break
            chain.append(issuer.cert)
            current = issuer.cert
        pfx = export_pfx(entry.cert, entry.key, password, entry.friendly_name, chain)
        return pfx if binary else base64.b64encode(pfx).decode("ascii")

    # ------------------------------------------------------------ setup
    def add_certificate(self, cert, key=None, *, friendly_name: str = "", exportable: bool = False,
                        access_rules: Optional[List[CryptoKeyAccessRule]] = None,
                        trusted_root: Optional[str] = None) -> StoreEntry:
        """Put a certificate straight into My (setup, fixtures, Import later);
        ``trusted_root`` ("Registry"...) also copies it into the Root store."""
        entry = StoreEntry(cert, key=key, friendly_name=friendly_name, exportable=exportable,
                           access_rules=list(access_rules) if access_rules is not None
                           else (default_key_acl() if key is not None else []))
        self.my.add(entry)
        if trusted_root:
            self.add_trusted_root(cert, trusted_root)
        return entry

    def add_trusted_root(self, cert, kind: str = "Registry") -> RootEntry:
        root = RootEntry(cert, kind=kind)
        self.roots[root.thumbprint] = root
        return root

    def run_setup(self, *, expires_at: Optional[_dt.datetime] = None) -> StoreEntry:
        """What Exchange setup leaves behind: the server certificate (plus, 2013+, the
        Auth certificate and the WMSvc one), bound to IIS, POP/IMAP and SMTP.

        ``expires_at`` is the server certificate's NotAfter (default: now + 23 days);
        its NotBefore is the profile's lifetime earlier.
        """
        p = self.profile
        org = self.organization
        if expires_at is None:
            expires_at = self.clock.now() + SETUP_EXPIRES_IN
        not_after = _whole_seconds(expires_at)
        not_before = _add_years(not_after, -p.selfsigned_years)

        key = org.setup_key_source.new_rsa_key(2048)
        cert = issue_self_signed(key=key, subject=simple_name(self.name),
                                 domains=[self.name, self.fqdn], not_before=not_before,
                                 not_after=not_after, serial=org.serials.next(),
                                 hash_name=p.setup_hash)
        acl = default_key_acl() + [CryptoKeyAccessRule(NETWORK_SERVICE, "GenericRead")]
        entry = self.add_certificate(cert, key, friendly_name=DEFAULT_FRIENDLY_NAME,
                                     exportable=False, access_rules=acl, trusted_root="Registry")
        for site in p.iis_setup_sites:
            self.iis_bindings[site] = entry.thumbprint
        if self.is_client_access:
            # Setup names the server's host (NetBIOS) name, which only setup's own
            # certificate carries: a later certificate that lists the FQDN alone does not
            # take POP/IMAP (real 2016 capture: IP.WS.. for setup's, ...WS.. for the other).
            self.pop_x509_name = self.name
            self.imap_x509_name = self.name
        if self.is_transport:
            self.internal_transport_thumbprint = entry.thumbprint

        if p.has_wmsvc_certificate:
            wm_key = org.setup_key_source.new_rsa_key(2048)
            wm_name = ("WMSvc-SHA2-%s" if p.wmsvc_sha2 else "WMSvc-%s") % self.name
            wm_from = not_before - WMSVC_BEFORE_SETUP
            wm_cert = issue_self_signed(key=wm_key, subject=simple_name(wm_name), domains=[],
                                        not_before=wm_from,
                                        not_after=_add_years(wm_from, WMSVC_YEARS),
                                        serial=org.serials.next(),
                                        hash_name="sha256" if p.wmsvc_sha2 else "sha1",
                                        layout=WMSVC_LAYOUT)
            self.add_certificate(wm_cert, wm_key, friendly_name=WMSVC_FRIENDLY_NAME,
                                 exportable=True, trusted_root="Registry")
        if p.has_auth_certificate and org.auth_config.current_thumbprint is None:
            auth_key = org.setup_key_source.new_rsa_key(2048)
            auth_from = not_before + AUTH_AFTER_SETUP
            auth_cert = issue_self_signed(key=auth_key, subject=simple_name(AUTH_SUBJECT),
                                          domains=[], not_before=auth_from,
                                          not_after=_add_years(auth_from, p.selfsigned_years),
                                          serial=org.serials.next(), hash_name=p.setup_hash)
            auth_acl = default_key_acl() + [CryptoKeyAccessRule(NETWORK_SERVICE, "GenericRead")]
            auth = self.add_certificate(auth_cert, auth_key, friendly_name=AUTH_SUBJECT,
                                        exportable=True, access_rules=auth_acl)
            org.auth_config.current_thumbprint = auth.thumbprint
        elif p.has_auth_certificate and self is not org.local_server \
                and org.local_server is not None and org.auth_config.current_thumbprint in org.local_server.my:
            # A later server receives the organisation's Auth certificate (the Auth
            # servicelet copies it), it does not get one of its own.
            org.deploy_auth_certificate(org.auth_config.current_thumbprint)
        return entry


# ---------------------------------------------------------------- organisation

#: Organisation attributes kept in the world store, and the entity each belongs to.
_ORG = ("org",)
_ORG_FIELDS = {"name": _ORG, "domain": _ORG, "dc_fqdn": _ORG, "local_server": _ORG,
               "accepted_domains": _ORG, "federation_thumbprints": _ORG, "auth_config": _ORG,
               "federated_org_id": _ORG, "federation_trusts": ("federation",),
               "servers": _ORG, "send_connectors": ("send",), "protected_pfx": _ORG,
               "enterprise_ca": ("ca", "enterprise"), "public_ca": ("ca", "public")}


class Organization:
    """An Exchange organisation of one version."""

    def __init__(self, profile: Union[Profile, str] = "2010", *, clock: Optional[Clock] = None,
                 key_source: Optional[KeySource] = None, serials: Optional[SerialSource] = None,
                 domain: str = "contoso.com", name: str = "Contoso",
                 dc_name: str = "DC01"):
        #: What changed since the world store last wrote (see .tracking).
        self.changes = ChangeSet()
        self.profile = get_profile(profile)
        self.clock = clock if clock is not None else Clock()
        self.clock.listener = self._clock_moved
        # What setup and organisation files make comes from the lab key pools, so
        # building an organisation never waits for key generation (past the pools, their
        # keys are used again: ReusingKeySource); what the user asks for
        # (New-ExchangeCertificate, requests) gets a freshly generated key.  A key source
        # given by the caller (tests, reproducible runs) serves both.
        self.key_source = key_source if key_source is not None else GeneratedKeySource()
        self.setup_key_source = ReusingKeySource(
            key_source if key_source is not None else
            PoolKeySource(fallback=extra_lab_keys_source(fallback=GeneratedKeySource())))
        self.serials = serials if serials is not None else RandomSerials()
        self.domain = domain
        self.name = name
        self.dc_fqdn = "%s.%s" % (dc_name, domain)
        self.servers: List[Server] = []
        self.local_server: Optional[Server] = None
        self.accepted_domains: List[AcceptedDomain] = [AcceptedDomain(domain, True, True)]
        self.send_connectors: List[SendConnector] = []
        #: Federation certificates known without a trust object (a replica's certificates
        #: that showed Federation); the trusts name theirs (see federation_certificates).
        self.federation_thumbprints: set = set()
        #: Federation trusts (2010+) and the federated organization identifier.
        self.federation_trusts: List[FederationTrust] = []
        self.federated_org_id = FederatedOrganizationIdentifier()
        self.auth_config = AuthConfig()
        #: The lab enterprise CA once built (see certificate_authority), else None.
        self.enterprise_ca: Any = None
        #: The simulated public CA once built (see authority.public_authority), else None.
        self.public_ca: Any = None
        #: PFX files Export-PfxCertificate protected to domain principals (-ProtectTo):
        #: SHA-1 of the file -> (principals, the password that opens it).
        self.protected_pfx: Dict[str, Tuple[List[str], str]] = {}

    def __setattr__(self, name: str, value) -> None:
        key = _ORG_FIELDS.get(name)
        if key is not None:
            changes = self.__dict__.get("changes")
            if changes is not None:
                changes.mark(key)
                mark = (lambda: changes.mark(key))
                if type(value) is list:
                    value = TrackedList(value, mark)
                elif type(value) is set:
                    value = TrackedSet(value, mark)
                elif type(value) is dict:
                    value = TrackedDict(value, mark)
                elif isinstance(value, TrackedObject):
                    value.attach(mark)
        object.__setattr__(self, name, value)

    def _clock_moved(self) -> None:
        self.changes.mark(("clock",))

    def begin_change(self) -> None:
        """An operation is about to validate and then change the world: the world store
        takes its write lock and brings the model up to date now (see .tracking)."""
        self.changes.begin()

    @property
    def certificate_authority(self):
        """The lab enterprise CA (built on first use; every server trusts its root)."""
        if self.enterprise_ca is None:
            from .authority import LabCertificateAuthority
            self.enterprise_ca = LabCertificateAuthority(self)
            for server in self.servers:
                self.enterprise_ca.trust_on(server)
        return self.enterprise_ca

    def __repr__(self) -> str:
        return "<Organization %s Exchange %s, %d server(s)>" % (self.name, self.profile.version,
                                                               len(self.servers))

    def add_server(self, name: str, roles: Optional[Sequence[str]] = None, *, setup: bool = True,
                   expires_at: Optional[_dt.datetime] = None) -> Server:
        """A new server (the first becomes ``local_server``); ``setup`` runs
        :meth:`Server.run_setup`."""
        if not is_dns_name(name) or "." in name:
            raise exchange_error("ErrorInvalidServerName", name=name)
        if any(s.name.casefold() == name.casefold() for s in self.servers):
            raise ValueError("server %s already exists" % name)
        server = Server(self, name, roles)
        self.servers.append(server)
        if self.enterprise_ca is not None:
            self.enterprise_ca.trust_on(server)
        if self.public_ca is not None:   # authority.public_authority
            self.public_ca.trust_on(server)
        if self.local_server is None:
            self.local_server = server
        if setup:
            server.run_setup(expires_at=expires_at)
        return server

    def get_server(self, name) -> Server:
        """A server by name or FQDN (case-insensitive); a Server passes through."""
        if isinstance(name, Server):
            return name
        text = str(getattr(name, "name", name)).strip()
        folded = text.casefold()
        for server in self.servers:
            if folded in (server.name.casefold(), server.fqdn.casefold()):
                return server
        raise exchange_error("ErrorServerNotFound", name=text, dc=self.dc_fqdn,
                             server=self.local_server.name if self.local_server else None,
                             purpose="server")

    # ------------------------------------------------------------ connectors
    def add_send_connector(self, name: str, tls_certificate_name: Optional[str] = None,
                           **fields) -> SendConnector:
        self.begin_change()
        if any(c.name.casefold() == str(name).casefold() for c in self.send_connectors):
            raise exchange_error("ErrorSendConnectorExists", name=name)
        connector = SendConnector(name, tls_certificate_name, **fields)
        if not connector.source_servers:
            connector.source_servers = tuple(s.name for s in self.servers
                                             if s.is_transport and "Edge" not in s.roles)[:1]
        self.send_connectors.append(connector)
        return connector

    def receive_connectors(self) -> List[ReceiveConnector]:
        return [c for s in self.servers for c in s.receive_connectors]

    def get_receive_connector(self, identity: str) -> ReceiveConnector:
        """By ``SERVER\\Name`` or by a name unique in the organisation."""
        text = str(identity).strip()
        folded = text.casefold()
        found = [c for c in self.receive_connectors()
                 if folded in (c.identity.casefold(), c.name.casefold())]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise exchange_error("ErrorServerNotUnique", name=text)
        raise exchange_error("ErrorSendConnectorNotFound", name=text, dc=self.dc_fqdn)

    def get_send_connector(self, name: str) -> SendConnector:
        for connector in self.send_connectors:
            if connector.name.casefold() == str(name).casefold():
                return connector
        raise exchange_error("ErrorSendConnectorNotFound", name=name, dc=self.dc_fqdn)

    # ------------------------------------------------------------ Auth configuration (2013+)
    def check_auth_certificate(self, thumbprint: str, server=None) -> str:
        """The thumbprint of the certificate Set-AuthConfig may use (on ``server``, else
        the local one); raises ExchangeError when there is none."""
        target = self.get_server(server) if server is not None else self.local_server
        return target._lookup(thumbprint, "authconfig", check_validity=False).thumbprint

    def set_auth_certificate(self, thumbprint: str, *, server=None) -> None:
        """Set-AuthConfig -CertificateThumbprint: the current certificate, at once."""
        self.begin_change()
        t = self.check_auth_certificate(thumbprint, server)
        cfg = self.auth_config
        if cfg.current_thumbprint and cfg.current_thumbprint != t:
            cfg.previous_thumbprint = cfg.current_thumbprint
        cfg.current_thumbprint = t

    def stage_auth_certificate(self, thumbprint: str, effective_date: _dt.datetime, *, server=None) -> None:
        """Set-AuthConfig -NewCertificateThumbprint -NewCertificateEffectiveDate."""
        self.begin_change()
        t = self.check_auth_certificate(thumbprint, server)
        self.auth_config.next_thumbprint = t
        self.auth_config.next_effective_date = effective_date

    def publish_auth_certificate(self) -> None:
        """Set-AuthConfig -PublishCertificate: next becomes current, current previous."""
        self.begin_change()
        cfg = self.auth_config
        if not cfg.next_thumbprint:
            raise exchange_error("AuthConfigNoNextCertificate")
        cfg.previous_thumbprint = cfg.current_thumbprint
        cfg.current_thumbprint = cfg.next_thumbprint
        cfg.next_thumbprint = None
        cfg.next_effective_date = None

    def clear_previous_auth_certificate(self) -> None:
        """Set-AuthConfig -ClearPreviousCertificate."""
        self.auth_config.previous_thumbprint = None

    def deploy_auth_certificate(self, thumbprint: str, *, source=None) -> List[str]:
        """Copy the Auth certificate (with its key) to every other server that lacks
        it, as the Auth servicelet does; returns the names of the servers it reached."""
        self.begin_change()
        origin = self.get_server(source) if source is not None else self.local_server
        entry = origin._lookup(thumbprint, "authconfig", check_validity=False)
        reached = []
        for server in self.servers:
            if server is origin or "Edge" in server.roles or entry.thumbprint in server.my:
                continue
            server.my.add(entry.copy())
            reached.append(server.name)
        return reached

    def roll_auth_certificate(self) -> bool:
        """Make the staged next Auth certificate current once its effective date has
        passed (the servicelet's periodic check).  True when something changed."""
        cfg = self.auth_config
        if cfg.next_thumbprint and cfg.next_effective_date is not None \
                and cfg.next_effective_date <= self.clock.now():
            self.publish_auth_certificate()
            return True
        return False

    def federation_certificates(self) -> set:
        """Thumbprints of every federation certificate: the ones the trusts name
        (current, next, previous) and any known without a trust."""
        found = set(self.federation_thumbprints)
        for trust in self.federation_trusts:
            found.update(trust.thumbprints())
        return found

    def send_connectors_for(self, issuer: str, subject: str) -> List[SendConnector]:
        """Send connectors whose TlsCertificateName names this issuer and subject."""
        wanted = ("<I>%s<S>%s" % (issuer, subject)).casefold()
        return [c for c in self.send_connectors
                if c.tls_certificate_name and c.tls_certificate_name.casefold() == wanted]
