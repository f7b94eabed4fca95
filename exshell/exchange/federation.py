"""Federation (2010+): the federation trust with the Microsoft Federation Gateway and
the federated organization identifier, as Active Directory keeps them.

* :class:`FederationTrust` -- one trust: its name, the organisation's certificates
  (current ``OrgPrivCertificate``, next and previous, by thumbprint), the gateway's
  token-issuer certificate and addresses.  Every thumbprint a trust names is a
  *federation certificate*: Exchange reports ``Federation`` in its Services and refuses
  to remove it (on Mailbox, Client Access and Hub Transport servers; reference §1.5,
  and the 2013 servicelet code [X]).
* :class:`FederatedOrganizationIdentifier` -- the organisation's account namespace,
  federated domains and the trust it delegates through.
* Plans and changes on the organisation: :func:`plan_new_trust`,
  :func:`new_trust`, :func:`set_trust`, :func:`remove_trust`,
  :func:`set_organization_identifier`, :func:`test_trust`.  As elsewhere in the
  model: validate (raising :class:`~.errors.ExchangeError`), then change.
* Distribution: Exchange copies the trust's certificates (current and next, with
  their keys) to every Mailbox, Client Access and Hub Transport server by itself -- the
  Microsoft Exchange Service Host does it (documented: "the certificate used to
  establish a federation trust is propagated to all Exchange servers").  In the lab it
  happens at once (:func:`distribute_certificates`) on every server whose Service Host
  runs; Test-FederationTrustCertificate (:func:`certificate_status`) shows where each
  certificate is installed, and publishing a next certificate waits until it is
  everywhere.

**The Microsoft Federation Gateway is offline in the lab.**  Nothing here reaches
the internet: creating a trust records it as if the gateway had accepted it (the
gateway's token-issuer certificate is a lab certificate made on the spot), and
Test-FederationTrust checks the local side for real (the trust, the organisation's
certificate on every server, its dates and key) and reports the gateway's steps as
succeeding.  README, "Deliberate differences", says so.

Imports only the standard library and siblings.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, List, Optional, Tuple

from .errors import ExchangeError
from .names import normalize_thumbprint
from ..structs import Struct
from .tracking import TrackedObject

__all__ = ["FederationTrust", "FederatedOrganizationIdentifier", "FederationTrustView",
           "OrganizationIdentifierView", "TrustTestResult", "FEDERATION_ERRORS",
           "DEFAULT_TRUST_NAME", "ACCOUNT_NAMESPACE_PREFIX", "plan_new_trust", "new_trust",
           "set_trust", "remove_trust", "set_organization_identifier", "test_trust",
           "federation_error", "federation_roles", "gateway_certificate", "trust_guid",
           "grant_key_access", "find_trust", "check_certificate", "METADATA_EPR",
           "distribute_certificates", "certificate_status", "CertificateStatus",
           "SERVICE_HOST", "NEXT_CERTIFICATE_WARNING", "DNS_WARNING", "DomainProof", "domain_proofs",
           "domain_proof_text", "add_federated_domain", "remove_federated_domain"]

#: The name the documentation (and the Hybrid Configuration Wizard) gives the trust.
DEFAULT_TRUST_NAME = "Microsoft Federation Gateway"
#: The gateway's addresses as a trust made against Microsoft 365 records them [I].
TOKEN_ISSUER_URI = "urn:federation:MicrosoftOnline"
TOKEN_ISSUER_EPR = "https://login.microsoftonline.com/extSTS.srf"
METADATA_EPR = "https://nexus.microsoftonline-p.com/federationmetadata/2006-12/federationmetadata.xml"
WEB_REQUESTOR_EPR = "https://login.microsoftonline.com/login.srf"
POLICY_REFERENCE = "EX_MBI_FED_SSL"
#: Subject of the lab's stand-in for the gateway's token-issuer certificate [?].
TOKEN_ISSUER_SUBJECT = "nexus.microsoftonline-p.com"
#: The predefined label the gateway puts before the federated domain in the account
#: namespace (documented: contoso.com -> FYDIBOHF25SPDLT.contoso.com) [D].
ACCOUNT_NAMESPACE_PREFIX = "FYDIBOHF25SPDLT"
#: Roles on which a trust's certificates count as federation certificates [X].
_FEDERATION_ROLES = ("Mailbox", "ClientAccess", "HubTransport")
_EXC = "Microsoft.Exchange.Management.SystemConfigurationTasks."
#: The Windows service that copies federation certificates between servers.
SERVICE_HOST = "MSExchangeServiceHost"
#: What New-FederationTrust warns on Exchange 2010 unless -SuppressDnsWarning: the
#: product's resource string, put back into English from its published German text [I].
DNS_WARNING = (
    "To complete the Federation configuration, you must add a TXT record in DNS for the domain "
    "you want to use as the account namespace and for any other domain you want to add as a "
    "federated domain. The format of the TXT record should be \"example.com IN TXT hash-value\" "
    "where \"example.com\" should be replaced with the domain you want to configure for "
    "federation, and hash-value should be replaced with the proof value generated with "
    "\"Get-FederatedDomainProof -DomainName example.com\". After the TXT record is available in "
    "DNS, complete the Federation configuration by using either the Manage Federation wizard in "
    "the Exchange Management Console or the Set-FederatedOrganizationIdentifier cmdlet in the "
    "Exchange Management Shell.")
#: What Set-FederationTrust -Thumbprint warns (as seen in a published capture [C]).
NEXT_CERTIFICATE_WARNING = (
    "The federation trust has changed to use a new certificate for Federation. You should "
    "update all TXT proof-of-ownership records that were previously set in DNS for all the "
    "domains configured for Federation. The new hash-value should be replaced with the "
    "OrgNextCertificate proof value output of the OrgNextCertificate generated with "
    "\"Get-FederatedDomainProof -DomainName example.com\".")

#: Errors of the federation tasks: (text, category, exception type).  The product's
#: texts are not known; these are ours, in its style.
FEDERATION_ERRORS = {
    "TrustExists": ("A federation trust named '{name}' already exists.", "InvalidArgument",
                    "InvalidOperationException"),
    "TrustNotFound": ("The operation couldn't be performed because object '{name}' couldn't be "
                      "found on '{dc}'.", "NotSpecified",
                      "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"),
    "CertificateNotFound": ("The certificate with thumbprint {thumbprint} wasn't found in the "
                            "local computer's certificate store on server {server}.",
                            "ObjectNotFound", "InvalidOperationException"),
    "CertificateNoPrivateKey": ("The certificate with thumbprint {thumbprint} doesn't have a "
                                "private key. A federation certificate needs one.",
                                "InvalidArgument", "InvalidOperationException"),
    "CertificateNoSki": ("The certificate with thumbprint {thumbprint} doesn't have a subject key "
                         "identifier. Create the federation certificate with the "
                         "SubjectKeyIdentifier parameter.", "InvalidArgument",
                         "InvalidOperationException"),
    "CertificateExpired": ("The certificate with thumbprint {thumbprint} isn't valid now (it is "
                           "valid from {not_before} to {not_after}).", "InvalidArgument",
                           "InvalidOperationException"),
    "NoNextCertificate": ("The federation trust '{name}' has no next certificate to publish. "
                          "Use the Thumbprint parameter first.", "InvalidOperation",
                          "InvalidOperationException"),
    "NextCertificateNotDeployed": ("The next certificate (thumbprint {thumbprint}) isn't installed "
                                   "on these servers yet: {servers}. The Microsoft Exchange "
                                   "Service Host copies it to every server; check with "
                                   "Test-FederationTrustCertificate before you publish it.", "InvalidOperation",
                                   "InvalidOperationException"),
    "SkipNeedsApplication": ("When you use the SkipNamespaceProviderProvisioning switch, you must "
                             "also specify the ApplicationIdentifier, ApplicationUri and "
                             "AdministratorProvisioningId parameters.", "InvalidArgument",
                             "ArgumentException"),
    "TrustInUse": ("The federation trust '{name}' is used by the federated organization identifier. "
                   "Disable it or point it at another trust first.", "InvalidOperation",
                   "InvalidOperationException"),
    "NoTrust": ("There is no federation trust. Create one with New-FederationTrust.",
                "ObjectNotFound", "InvalidOperationException"),
    "NamespaceWithoutTrust": ("Specify a federation trust with the DelegationFederationTrust "
                              "parameter before you set the account namespace.", "InvalidArgument",
                              "ArgumentException"),
    "DomainNotAccepted": ("The domain '{domain}' isn't an accepted domain of this organization.",
                          "InvalidArgument", "ArgumentException"),
    "NoAccountNamespace": ("The federated organization identifier has no account namespace. Set it "
                           "with Set-FederatedOrganizationIdentifier -AccountNamespace first.",
                           "InvalidOperation", "InvalidOperationException"),
    "DomainAlreadyFederated": ("The domain '{domain}' is already a federated domain.",
                               "InvalidArgument", "ArgumentException"),
    "DomainNotFederated": ("The domain '{domain}' isn't a federated domain of this organization.",
                           "ObjectNotFound", "InvalidOperationException"),
    "PrimaryDomainLast": ("The domain '{domain}' is the primary shared domain of the account "
                          "namespace. Remove the other federated domains first: {others}.",
                          "InvalidOperation", "InvalidOperationException"),
}


def federation_error(error_id: str, purpose: str, **fields: Any) -> ExchangeError:
    text, category, exc = FEDERATION_ERRORS[error_id]
    return ExchangeError("Federation" + error_id, text.format(**fields), category=category,
                         exception_type=exc, server=None, rpc=False, purpose=purpose)


def federation_roles() -> Tuple[str, ...]:
    return _FEDERATION_ROLES


# ---------------------------------------------------------------- the model

class FederationTrust(TrackedObject, Struct, eq=False):
    """One federation trust (AD: CN=<name>,CN=Federation Trusts,...)."""
    _tracked_fields = frozenset(("name", "org_thumbprint", "next_thumbprint", "prev_thumbprint",
                                 "application_uri", "application_identifier", "metadata_url",
                                 "provisioned_externally", "legacy", "created", "changed",
                                 "token_issuer_der", "guid"))
    name: str
    org_thumbprint: Optional[str] = None       # OrgPrivCertificate: the current certificate
    next_thumbprint: Optional[str] = None      # OrgNextPrivCertificate (Set -Thumbprint)
    prev_thumbprint: Optional[str] = None      # OrgPrevPrivCertificate (after publishing)
    application_uri: str = ""                  # the primary federated domain
    application_identifier: str = ""           # SiteID / ApplicationID at the gateway
    metadata_url: str = METADATA_EPR
    provisioned_externally: bool = False       # -SkipNamespaceProviderProvisioning
    legacy: bool = False                       # -UseLegacyProvisioningService
    created: Optional[_dt.datetime] = None
    changed: Optional[_dt.datetime] = None
    token_issuer_der: Optional[bytes] = None   # the (lab's) gateway certificate
    guid: str = ""

    def thumbprints(self) -> List[str]:
        """Every certificate the trust names: current, next, previous."""
        return [t for t in (self.org_thumbprint, self.next_thumbprint, self.prev_thumbprint) if t]


class FederatedOrganizationIdentifier(TrackedObject, Struct, eq=False):
    """The organisation's federated organization identifier (one per organisation)."""
    _tracked_fields = frozenset(("account_namespace", "domains", "enabled", "delegation_trust",
                                 "organization_contact", "default_domain"))
    account_namespace: Optional[str] = None    # FYDIBOHF25SPDLT.<domain>
    domains: Tuple[str, ...] = ()
    enabled: bool = False
    delegation_trust: Optional[str] = None     # DelegationTrustLink: the trust's name
    organization_contact: Optional[str] = None
    default_domain: Optional[str] = None


# ---------------------------------------------------------------- views

class FederationTrustView:
    """What Get-FederationTrust returns (default view: a table of Name)."""

    PS_TYPE_NAMES = ("Microsoft.Exchange.Data.Directory.SystemConfiguration.FederationTrust",
                     "System.Object")
    PS_PROPERTIES = ("AdminDisplayName", "ApplicationIdentifier", "ApplicationUri",
                     "OrgCertificate", "OrgNextCertificate", "OrgPrevCertificate",
                     "OrgPrivCertificate", "OrgNextPrivCertificate", "OrgPrevPrivCertificate",
                     "TokenIssuerCertificate", "TokenIssuerPrevCertificate", "TokenIssuerCertReference",
                     "TokenIssuerPrevCertReference", "TokenIssuerEpr", "TokenIssuerMetadataEpr",
                     "TokenIssuerType", "TokenIssuerUri", "WebRequestorRedirectEpr",
                     "PolicyReferenceUri", "MetadataEpr", "MetadataPollInterval", "MetadataPutEpr",
                     "NamespaceProvisioner", "Name", "DistinguishedName", "Identity", "Guid",
                     "WhenChanged", "WhenCreated", "IsValid")

    def __init__(self, organization: Any, trust: FederationTrust):
        server = organization.local_server

        def cert(thumbprint: Optional[str]) -> Any:
            if not thumbprint or server is None:
                return None
            return server.view_of(thumbprint)

        self.Name = trust.name
        self.AdminDisplayName = ""
        self.ApplicationIdentifier = trust.application_identifier
        self.ApplicationUri = trust.application_uri
        self.OrgCertificate = cert(trust.org_thumbprint)
        self.OrgNextCertificate = cert(trust.next_thumbprint)
        self.OrgPrevCertificate = cert(trust.prev_thumbprint)
        self.OrgPrivCertificate = trust.org_thumbprint or ""
        self.OrgNextPrivCertificate = trust.next_thumbprint or ""
        self.OrgPrevPrivCertificate = trust.prev_thumbprint or ""
        self.TokenIssuerCertificate = _token_issuer_view(organization, trust)
        self.TokenIssuerPrevCertificate = None
        self.TokenIssuerCertReference = ""
        self.TokenIssuerPrevCertReference = ""
        self.TokenIssuerEpr = TOKEN_ISSUER_EPR
        self.TokenIssuerMetadataEpr = trust.metadata_url
        self.TokenIssuerType = "MSO" if not trust.legacy else "LiveId"
        self.TokenIssuerUri = TOKEN_ISSUER_URI
        self.WebRequestorRedirectEpr = WEB_REQUESTOR_EPR
        self.PolicyReferenceUri = POLICY_REFERENCE
        self.MetadataEpr = trust.metadata_url
        self.MetadataPollInterval = _dt.timedelta(days=1)
        self.MetadataPutEpr = None
        self.NamespaceProvisioner = "ExternalProcess" if trust.provisioned_externally else \
            ("LiveDomainServices" if trust.legacy else "LiveDomainServices2")
        self.DistinguishedName = ("CN=%s,CN=Federation Trusts,CN=%s,CN=Microsoft Exchange,"
                                  "CN=Services,CN=Configuration,%s"
                                  % (trust.name, organization.name,
                                     ",".join("DC=%s" % p for p in organization.domain.split("."))))
        self.Identity = trust.name
        self.Guid = trust.guid
        self.WhenChanged = trust.changed
        self.WhenCreated = trust.created
        self.IsValid = True

    def __str__(self) -> str:
        return self.Name


def _token_issuer_view(organization: Any, trust: FederationTrust) -> Any:
    if not trust.token_issuer_der:
        return None
    from cryptography import x509
    from .certificate import view_class_for
    cert = x509.load_der_x509_certificate(trust.token_issuer_der)
    return view_class_for(organization.profile.dialect)(cert, raw_data=trust.token_issuer_der,
                                                        services_width=organization.profile.services_width)


class OrganizationIdentifierView:
    """What Get-FederatedOrganizationIdentifier returns."""

    PS_TYPE_NAMES = ("Microsoft.Exchange.Data.Directory.Management.FederatedOrganizationIdWithDomainStatus",
                     "System.Object")
    ALL_PROPERTIES = ("AccountNamespace", "Domains", "Enabled", "OrganizationContact",
                   "DelegationTrustLink", "DefaultDomain", "Identity", "IsValid")

    def __init__(self, organization: Any, ident: FederatedOrganizationIdentifier):
        self.AccountNamespace = ident.account_namespace or ""
        self.Domains = list(ident.domains)
        self.Enabled = bool(ident.enabled)
        self.OrganizationContact = ident.organization_contact or ""
        self.DelegationTrustLink = ident.delegation_trust or ""
        self.DefaultDomain = ident.default_domain or ""
        self.Identity = "FederatedOrganizationIdentifier"
        self.IsValid = True
        # DefaultDomain came with 2013.
        self.PS_PROPERTIES = tuple(n for n in self.ALL_PROPERTIES
                                   if n != "DefaultDomain" or organization.profile.federated_default_domain)

    def __str__(self) -> str:
        return self.Identity


class TrustTestResult:
    """One step of Test-FederationTrust."""

    PS_TYPE_NAMES = ("Microsoft.Exchange.Management.SystemConfigurationTasks.TestFederationTrust+ResultEvent",
                     "System.Object")
    PS_PROPERTIES = ("Id", "Type", "Message")

    def __init__(self, ident: str, ok: bool, message: str):
        self.Id = ident
        self.Type = "Success" if ok else "Error"
        self.Message = message

    def __str__(self) -> str:
        return self.Message


# ---------------------------------------------------------------- operations

def find_trust(organization: Any, identity: Any, purpose: str) -> FederationTrust:
    text = str(getattr(identity, "Name", identity)).strip()
    for trust in organization.federation_trusts:
        if trust.name.casefold() == text.casefold():
            return trust
    raise federation_error("TrustNotFound", purpose, name=text, dc=organization.dc_fqdn)


def check_certificate(organization: Any, thumbprint: str, purpose: str) -> str:
    """The canonical thumbprint of a certificate fit to be a federation certificate on
    the local server (the task runs there); raises otherwise."""
    server = organization.local_server
    key = normalize_thumbprint(thumbprint)
    entry = server.my.get(key) if server is not None else None
    if entry is None:
        raise federation_error("CertificateNotFound", purpose, thumbprint=str(thumbprint).strip(),
                               server=server.name if server is not None else "")
    if not entry.has_key:
        raise federation_error("CertificateNoPrivateKey", purpose, thumbprint=entry.thumbprint)
    from cryptography import x509
    try:
        entry.cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
    except x509.ExtensionNotFound:
        raise federation_error("CertificateNoSki", purpose, thumbprint=entry.thumbprint) from None
    now = organization.clock.now()
    start = entry.cert.not_valid_before_utc.replace(tzinfo=None)
    end = entry.cert.not_valid_after_utc.replace(tzinfo=None)
    if not start <= now <= end:
        from .texts import general_date
        raise federation_error("CertificateExpired", purpose, thumbprint=entry.thumbprint,
                               not_before=general_date(start), not_after=general_date(end))
    return entry.thumbprint


def plan_new_trust(organization: Any, name: str, thumbprint: str, *, skip_provisioning: bool = False,
                   application_uri: Optional[str] = None,
                   application_identifier: Optional[str] = None,
                   administrator_provisioning_id: Optional[str] = None) -> str:
    """Validate New-FederationTrust; returns the certificate's thumbprint."""
    purpose = "newtrust"
    if any(t.name.casefold() == str(name).casefold() for t in organization.federation_trusts):
        raise federation_error("TrustExists", purpose, name=name)
    if skip_provisioning and not (application_uri and application_identifier
                                  and administrator_provisioning_id):
        raise federation_error("SkipNeedsApplication", purpose)
    return check_certificate(organization, thumbprint, purpose)


def new_trust(organization: Any, name: str, thumbprint: str, *, metadata_url: Optional[str] = None,
              skip_provisioning: bool = False, application_uri: Optional[str] = None,
              application_identifier: Optional[str] = None, legacy: bool = False) -> FederationTrust:
    """Record the trust (the gateway's side is not contacted: see the module text)."""
    organization.begin_change()
    t = plan_new_trust(organization, name, thumbprint, skip_provisioning=skip_provisioning,
                       application_uri=application_uri,
                       application_identifier=application_identifier,
                       administrator_provisioning_id="x" if skip_provisioning else None)
    now = organization.clock.now().replace(microsecond=0)
    trust = FederationTrust(
        name=str(name), org_thumbprint=t, application_uri=application_uri or "",
        application_identifier=application_identifier or "",
        metadata_url=str(metadata_url) if metadata_url else METADATA_EPR,
        provisioned_externally=bool(skip_provisioning), legacy=bool(legacy), created=now,
        changed=now, token_issuer_der=gateway_certificate(organization, now),
        guid=trust_guid(organization, name))
    organization.federation_trusts.append(trust)
    grant_key_access(organization, t)
    distribute_certificates(organization)
    return trust


# ---------------------------------------------------------------- distribution

def _federation_servers(organization: Any) -> List[Any]:
    """The servers that need the trust's certificates (Mailbox, Client Access, Hub)."""
    return [s for s in organization.servers if s.has_role(_FEDERATION_ROLES)]


def _source_of(organization: Any, thumbprint: str) -> Any:
    """A store entry of ``thumbprint`` with its key on any server, or None."""
    for server in organization.servers:
        entry = server.my.get(thumbprint)
        if entry is not None and entry.has_key:
            return entry
    return None


def _can_receive(organization: Any, server: Any, thumbprint: str) -> bool:
    """Whether the Service Host would bring ``thumbprint`` to ``server`` now."""
    return server.service_status(SERVICE_HOST) == "Running" and \
        _source_of(organization, thumbprint) is not None


def distribute_certificates(organization: Any) -> List[Tuple[str, str]]:
    """Copy every trust's current and next certificate, with its key, to each
    Mailbox/Client Access/Hub server that lacks it and whose Service Host runs (what the
    Service Host does in the background, at once here).  Returns (server, thumbprint)
    of each copy; the caller has called ``begin_change``."""
    copied: List[Tuple[str, str]] = []
    for trust in organization.federation_trusts:
        for thumbprint in (trust.org_thumbprint, trust.next_thumbprint):
            if not thumbprint:
                continue
            for server in _federation_servers(organization):
                if thumbprint in server.my or not _can_receive(organization, server, thumbprint):
                    continue
                server.my.add(_source_of(organization, thumbprint).copy())
                copied.append((server.name, thumbprint))
    return copied


class CertificateStatus:
    """One line of Test-FederationTrustCertificate: a certificate of the trust on one
    server.  The property names and the states are as remembered [?]."""

    PS_TYPE_NAMES = (_EXC + "FederationTrustCertificateStatus", "System.Object")
    PS_PROPERTIES = ("Site", "Server", "State", "Thumbprint")

    def __init__(self, site: str, server: str, installed: bool, thumbprint: str):
        self.Site = site
        self.Server = server
        self.State = "Installed" if installed else "NotInstalled"
        self.Thumbprint = thumbprint

    def __str__(self) -> str:
        return self.State


def certificate_status(organization: Any) -> List[CertificateStatus]:
    """Test-FederationTrustCertificate: for each server that needs them, whether each
    certificate the trusts use (current, then next) is installed there."""
    from .admin import SITE
    site = SITE.format(domain=organization.domain)
    names = organization.profile.federation_status_names_servers
    out: List[CertificateStatus] = []
    for server in sorted(_federation_servers(organization), key=lambda s: s.name.casefold()):
        for trust in organization.federation_trusts:
            for thumbprint in (trust.org_thumbprint, trust.next_thumbprint):
                if thumbprint:
                    out.append(CertificateStatus(site, server.name if names else "",
                                                 thumbprint in server.my, thumbprint))
    return out


# ---------------------------------------------------------------- federated domains

class DomainProof:
    """What Get-FederatedDomainProof returns: the text of the domain's TXT record for
    one federation certificate."""

    PS_TYPE_NAMES = (_EXC + "FederatedDomainProof", "System.Object")
    PS_PROPERTIES = ("DomainName", "Thumbprint", "Proof", "DnsRecord")

    def __init__(self, domain: str, thumbprint: str, proof: str):
        self.DomainName = domain
        self.Thumbprint = thumbprint
        self.Proof = proof
        self.DnsRecord = "%s IN TXT %s" % (domain, proof)

    def __str__(self) -> str:
        return self.Proof


def domain_proof_text(domain: str, cert_der: bytes) -> str:
    """The proof string: 64 bytes in Base64, as the documented examples show.  How the
    product derives it is not known; here it is SHA-512 over the domain and the
    certificate, so it changes with either [?]."""
    import base64
    import hashlib
    digest = hashlib.sha512(domain.strip().rstrip(".").casefold().encode("utf-8") + b"|" + cert_der)
    return base64.b64encode(digest.digest()).decode("ascii")


def domain_proofs(organization: Any, domain: str, thumbprint: Optional[str] = None) -> List[DomainProof]:
    """Get-FederatedDomainProof: one proof per certificate of the trust (the next one
    first, then the current one), or for the certificate ``thumbprint`` names."""
    purpose = "domainproof"
    domain = str(domain).strip().rstrip(".")
    server = organization.local_server
    if thumbprint is not None:
        thumbprints = [check_certificate(organization, thumbprint, purpose)]
    else:
        trusts = list(organization.federation_trusts)
        if not trusts:
            raise federation_error("NoTrust", purpose)
        thumbprints = [t for trust in trusts for t in (trust.next_thumbprint, trust.org_thumbprint) if t]
    out = []
    for t in thumbprints:
        entry = server.my.get(t) if server is not None else None
        if entry is None:
            raise federation_error("CertificateNotFound", purpose, thumbprint=t,
                                   server=server.name if server is not None else "")
        out.append(DomainProof(domain, entry.thumbprint, domain_proof_text(domain, entry.der)))
    return out


def add_federated_domain(organization: Any, domain: str, *, check_only: bool = False) -> None:
    """Add-FederatedDomain: one more accepted domain under the account namespace (the
    gateway, which would check the domain's TXT record, is offline in the lab)."""
    purpose = "adddomain"
    ident = organization.federated_org_id
    name = str(domain).strip().rstrip(".")
    if not ident.account_namespace:
        raise federation_error("NoAccountNamespace", purpose)
    if not any(d.domain.casefold() == name.casefold() for d in organization.accepted_domains):
        raise federation_error("DomainNotAccepted", purpose, domain=name)
    if name.casefold() in (d.casefold() for d in ident.domains):
        raise federation_error("DomainAlreadyFederated", purpose, domain=name)
    if check_only:
        return
    organization.begin_change()
    ident.domains = tuple(ident.domains) + (name,)


def remove_federated_domain(organization: Any, domain: str, *, check_only: bool = False) -> None:
    """Remove-FederatedDomain: the domain of the account namespace goes last; with it the
    namespace is unregistered, so the identifier no longer uses the trust."""
    purpose = "removedomain"
    ident = organization.federated_org_id
    name = str(domain).strip().rstrip(".")
    present = [d for d in ident.domains if d.casefold() == name.casefold()]
    if not present:
        raise federation_error("DomainNotFederated", purpose, domain=name)
    primary = (ident.account_namespace or "").split(".", 1)[-1]
    others = [d for d in ident.domains if d.casefold() != name.casefold()]
    if primary.casefold() == name.casefold() and others:
        raise federation_error("PrimaryDomainLast", purpose, domain=name, others=", ".join(others))
    if check_only:
        return
    organization.begin_change()
    ident.domains = tuple(others)
    if not others:
        ident.account_namespace = None
        ident.delegation_trust = None
        ident.enabled = False


def grant_key_access(organization: Any, thumbprint: str) -> None:
    """The trust's certificate key becomes readable by NETWORK SERVICE on this server
    (the services that sign with it need it), which is why captures show a federation
    certificate as ``....SF`` / ``SMTP, Federation`` on transport servers [C][I]."""
    entry = organization.local_server.my.get(thumbprint) if organization.local_server else None
    if entry is not None and entry.has_key:
        entry.grant_network_service_read()


def gateway_certificate(organization: Any, now: _dt.datetime) -> bytes:
    """The lab's stand-in for the gateway's token-issuer certificate: a real
    self-signed certificate (a key from the lab pool, no generation)."""
    from .issuance import der_bytes, issue_self_signed
    from .names import simple_name
    key = organization.setup_key_source.new_rsa_key(2048)
    cert = issue_self_signed(key=key, subject=simple_name(TOKEN_ISSUER_SUBJECT), domains=[],
                             not_before=now - _dt.timedelta(days=200),
                             not_after=now + _dt.timedelta(days=530),
                             serial=organization.serials.next(), hash_name="sha256")
    return der_bytes(cert)


def trust_guid(organization: Any, name: str) -> str:
    import hashlib
    import uuid
    digest = hashlib.sha1(("%s|%s|%s" % (organization.domain, name, organization.clock.now()))
                          .encode("utf-8")).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


def set_trust(organization: Any, trust: FederationTrust, *, thumbprint: Optional[str] = None,
              publish: bool = False, name: Optional[str] = None, metadata_url: Optional[str] = None,
              application_uri: Optional[str] = None, check_only: bool = False) -> None:
    """Set-FederationTrust: stage a next certificate (-Thumbprint), make it current
    (-PublishFederationCertificate: current becomes previous), rename, re-point."""
    purpose = "settrust"
    staged = None
    if thumbprint is not None:
        staged = check_certificate(organization, thumbprint, purpose)
    if publish:
        pending = staged or trust.next_thumbprint
        if not pending:
            raise federation_error("NoNextCertificate", purpose, name=trust.name)
        missing = [s.name for s in _federation_servers(organization)
                   if pending not in s.my and not _can_receive(organization, s, pending)]
        if missing:
            raise federation_error("NextCertificateNotDeployed", purpose, thumbprint=pending,
                                   servers=", ".join(missing))
    if name is not None and name.casefold() != trust.name.casefold() and any(
            t.name.casefold() == name.casefold() for t in organization.federation_trusts):
        raise federation_error("TrustExists", purpose, name=name)
    if check_only:
        return
    organization.begin_change()
    if staged is not None:
        trust.next_thumbprint = staged
        grant_key_access(organization, staged)
    distribute_certificates(organization)
    if publish:
        trust.prev_thumbprint = trust.org_thumbprint
        trust.org_thumbprint = trust.next_thumbprint
        trust.next_thumbprint = None
    if name is not None:
        ident = organization.federated_org_id
        if ident.delegation_trust and ident.delegation_trust.casefold() == trust.name.casefold():
            ident.delegation_trust = str(name)
        trust.name = str(name)
    if metadata_url is not None:
        trust.metadata_url = str(metadata_url)
    if application_uri is not None:
        trust.application_uri = str(application_uri)
    trust.changed = organization.clock.now().replace(microsecond=0)


def remove_trust(organization: Any, trust: FederationTrust, *, check_only: bool = False) -> None:
    ident = organization.federated_org_id
    if ident.delegation_trust and ident.delegation_trust.casefold() == trust.name.casefold() \
            and ident.enabled:
        raise federation_error("TrustInUse", "removetrust", name=trust.name)
    if check_only:
        return
    organization.begin_change()
    if ident.delegation_trust and ident.delegation_trust.casefold() == trust.name.casefold():
        ident.delegation_trust = None
    organization.federation_trusts.remove(trust)


def set_organization_identifier(organization: Any, *, account_namespace: Optional[str] = None,
                                delegation_trust: Any = None, enabled: Optional[bool] = None,
                                organization_contact: Optional[str] = None,
                                default_domain: Optional[str] = None,
                                check_only: bool = False) -> None:
    """Set-FederatedOrganizationIdentifier."""
    purpose = "setorgid"
    ident = organization.federated_org_id
    trust = find_trust(organization, delegation_trust, purpose) if delegation_trust else None
    if account_namespace is not None:
        domain = str(account_namespace).strip().rstrip(".")
        if not any(d.domain.casefold() == domain.casefold() for d in organization.accepted_domains):
            raise federation_error("DomainNotAccepted", purpose, domain=domain)
        if trust is None and not ident.delegation_trust:
            raise federation_error("NamespaceWithoutTrust", purpose)
    if enabled and trust is None and not ident.delegation_trust:
        raise federation_error("NoTrust", purpose)
    if check_only:
        return
    organization.begin_change()
    if trust is not None:
        ident.delegation_trust = trust.name
    if account_namespace is not None:
        domain = str(account_namespace).strip().rstrip(".")
        ident.account_namespace = "%s.%s" % (ACCOUNT_NAMESPACE_PREFIX, domain)
        if domain.casefold() not in (d.casefold() for d in ident.domains):
            ident.domains = tuple(ident.domains) + (domain,)
        if trust is not None and not trust.application_uri:
            trust.application_uri = domain
    if enabled is not None:
        ident.enabled = bool(enabled)
    if organization_contact is not None:
        ident.organization_contact = str(organization_contact) or None
    if default_domain is not None:
        ident.default_domain = str(default_domain) or None


#: Test-FederationTrust's steps and their texts (success texts as remembered from
#: captures [C?]; the failure texts are ours).
_TEST_TEXTS = {
    "FederationTrustConfiguration": ("FederationTrust object in ActiveDirectory is valid.",
                                     "No FederationTrust object was found in Active Directory."),
    "FederationMetadata": ("The federation trust contains the same certificates published by the "
                           "security token service in its federation metadata.", ""),
    "StsCertificate": ("Valid certificate referenced by property TokenIssuerCertificate in the "
                       "FederationTrust object.", ""),
    "StsPreviousCertificate": ("Valid certificate referenced by property TokenIssuerPrevCertificate "
                               "in the FederationTrust object.", ""),
    "OrganizationCertificate": ("Valid certificate referenced by property OrgPrivCertificate in the "
                                "FederationTrust object.",
                                "The certificate referenced by property OrgPrivCertificate in the "
                                "FederationTrust object {problem}."),
    "TokenRequest": ("Request for delegation token succeeded.", "Failed to request delegation token."),
    "TokenValidation": ("Delegation token obtained is valid.", "Delegation token wasn't validated."),
}


def test_trust(organization: Any) -> List[TrustTestResult]:
    """Test-FederationTrust on the local server: the local checks for real, the
    gateway's steps as the lab's offline gateway answers them (see the module text)."""
    out: List[TrustTestResult] = []
    trusts = list(organization.federation_trusts)
    if not trusts:
        out.append(TrustTestResult("FederationTrustConfiguration", False,
                                   _TEST_TEXTS["FederationTrustConfiguration"][1]))
        return out
    trust = trusts[0]
    out.append(TrustTestResult("FederationTrustConfiguration", True,
                               _TEST_TEXTS["FederationTrustConfiguration"][0]))
    for step in ("FederationMetadata", "StsCertificate", "StsPreviousCertificate"):
        out.append(TrustTestResult(step, True, _TEST_TEXTS[step][0]))
    problem = None
    server = organization.local_server
    entry = server.my.get(trust.org_thumbprint) if trust.org_thumbprint and server else None
    if entry is None:
        problem = "isn't installed on server %s" % (server.name if server else "")
    elif not entry.has_key:
        problem = "has no private key"
    else:
        now = organization.clock.now()
        if not (entry.cert.not_valid_before_utc.replace(tzinfo=None) <= now
                <= entry.cert.not_valid_after_utc.replace(tzinfo=None)):
            problem = "has expired"
    ok, bad = _TEST_TEXTS["OrganizationCertificate"]
    out.append(TrustTestResult("OrganizationCertificate", problem is None,
                               ok if problem is None else bad.format(problem=problem)))
    for step in ("TokenRequest", "TokenValidation"):
        texts = _TEST_TEXTS[step]
        out.append(TrustTestResult(step, problem is None, texts[0] if problem is None else texts[1]))
    return out
