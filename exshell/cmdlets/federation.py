"""Federation (2010+): Get-/New-/Set-/Remove-FederationTrust,
Get-/Set-FederatedOrganizationIdentifier, Add-/Remove-FederatedDomain,
Get-FederatedDomainProof, Test-FederationTrust and Test-FederationTrustCertificate.

A federation trust names the organisation's federation certificate (current, next,
previous); those certificates show ``Federation`` in their Services and cannot be
removed while a trust names them.  Rotating it is the certificate work these
cmdlets are here for: ``Set-FederationTrust -Thumbprint`` stages the next
certificate, ``-PublishFederationCertificate`` makes it current once every server
has it (Exchange copies it to every server by itself; Test-FederationTrustCertificate
shows where it is installed).  The Microsoft Federation Gateway is offline in the lab (see
:mod:`exshell.exchange.federation`).

Imports the engine, the Exchange model and ``format.views``.
"""
from __future__ import annotations

from typing import Any, List, Tuple

from ..engine.completion import Candidate, CompletionRequest, completing, matches
from ..engine.conversion import BOOL, SWITCH, StringType
from ..engine.parameters import Parameter
from ..exchange.errors import ExchangeError
from ..format.views import TableColumn, TableView, register_table_view
from ..profiles import has_federated_default_domain, has_federation, has_federation_dns_warning
from .exchange_certificate import FQDN, THUMBPRINT, ExchangeCmdlet, world_in
from .exchange_config import complete_accepted_domains

__all__ = ["GetFederationTrust", "NewFederationTrust", "SetFederationTrust",
           "RemoveFederationTrust", "GetFederatedOrganizationIdentifier",
           "SetFederatedOrganizationIdentifier", "TestFederationTrust",
           "TestFederationTrustCertificate", "GetFederatedDomainProof", "AddFederatedDomain",
           "RemoveFederatedDomain"]

_NS = "Microsoft.Exchange.Management.SystemConfigurationTasks."

#: -WhatIf / -Confirm messages (the product's texts are unknown; ours, in its style).
CONFIRM = {
    "new": 'Creating federation trust "{name}" with certificate {thumbprint}.',
    "set": 'Modifying federation trust "{name}".',
    "remove": 'Removing federation trust "{name}".',
    "orgid": "Modifying the federated organization identifier.",
}


def complete_trusts(request: CompletionRequest) -> List[Candidate]:
    """The organisation's federation trusts by name."""
    world = world_in(request.context)
    if world is None:
        return []
    names = [t.name for t in world.organization.federation_trusts]
    return [Candidate(n, 0, n, "Federation trust") for n in matches(request.word, names)]


def complete_federated_domains(request: CompletionRequest) -> List[Candidate]:
    """The federated domains of the organisation identifier."""
    world = world_in(request.context)
    if world is None:
        return []
    names = list(world.organization.federated_org_id.domains)
    return [Candidate(n, 0, n, "Federated domain") for n in matches(request.word, names)]


TRUST_ID = completing(StringType("Microsoft.Exchange.Configuration.Tasks.FederationTrustIdParameter"),
                      complete_trusts)
ORG_ID = StringType("Microsoft.Exchange.Configuration.Tasks.OrganizationIdParameter")
URI = StringType("System.Uri")
SMTP_DOMAIN = StringType("Microsoft.Exchange.Data.SmtpDomain")
ACCEPTED_DOMAIN = completing(SMTP_DOMAIN, complete_accepted_domains)
FEDERATED_DOMAIN = completing(SMTP_DOMAIN, complete_federated_domains)
SMTP_ADDRESS = StringType("Microsoft.Exchange.Data.SmtpAddress")
RECIPIENT = StringType("Microsoft.Exchange.Configuration.Tasks.RecipientIdParameter")


class _FederationCmdlet(ExchangeCmdlet, register=False):
    available = has_federation
    _view_properties: Tuple[str, ...] = ()

    @classmethod
    def output_properties(cls, context: Any) -> Tuple[str, ...]:
        return cls._view_properties

    def trust_views(self, trusts: Any) -> None:
        from ..exchange.federation import FederationTrustView
        for trust in trusts:
            self.write_object(FederationTrustView(self.organization, trust))


def _trust_properties() -> Tuple[str, ...]:
    from ..exchange.federation import FederationTrustView
    return FederationTrustView.PS_PROPERTIES


class GetFederationTrust(_FederationCmdlet):
    """List the federation trusts, or one by name."""

    name = "Get-FederationTrust"
    dotnet_class = _NS + "GetFederationTrust"
    synopsis = "Shows the federation trust with the Microsoft Federation Gateway."
    parameters = (
        Parameter("Identity", TRUST_ID, position=0, from_pipeline=True),
        Parameter("DomainController", FQDN),
    )

    @classmethod
    def output_properties(cls, context: Any) -> Tuple[str, ...]:
        return _trust_properties()

    def process(self, p: Any) -> None:
        from ..exchange.federation import find_trust
        org = self.organization
        try:
            trusts = [find_trust(org, p.Identity, "gettrust")] if p.Identity else list(org.federation_trusts)
        except ExchangeError as e:
            self.report(e)
            return
        self.trust_views(trusts)


class NewFederationTrust(_FederationCmdlet):
    """Create the federation trust with a federation certificate of the local server."""

    name = "New-FederationTrust"
    dotnet_class = _NS + "NewFederationTrust"
    default_set = "FederationTrust"
    supports_should_process = True
    synopsis = "Creates a federation trust that uses a federation certificate of this server."
    parameters = (
        Parameter("Name", StringType(), position=0, mandatory=True),
        Parameter("Thumbprint", THUMBPRINT, mandatory=True, from_pipeline=True),
        Parameter("ApplicationUri", StringType(), mandatory=True,
                  sets=("SkipNamespaceProviderProvisioning",)),
        Parameter("SkipNamespaceProviderProvisioning", SWITCH, mandatory=True,
                  sets=("SkipNamespaceProviderProvisioning",)),
        Parameter("AdministratorProvisioningId", StringType(),
                  sets=("SkipNamespaceProviderProvisioning",)),
        Parameter("ApplicationIdentifier", StringType(), sets=("SkipNamespaceProviderProvisioning",)),
        Parameter("SuppressDnsWarning", SWITCH, sets=("FederationTrust",),
                  available=has_federation_dns_warning),
        Parameter("UseLegacyProvisioningService", SWITCH, sets=("FederationTrust",)),
        Parameter("MetadataUrl", URI),
        Parameter("DomainController", FQDN),
    )

    @classmethod
    def output_properties(cls, context: Any) -> Tuple[str, ...]:
        return _trust_properties()

    def process(self, p: Any) -> None:
        from ..exchange import federation as fed
        org = self.organization
        try:
            thumbprint = fed.plan_new_trust(
                org, p.Name, p.Thumbprint, skip_provisioning=bool(p.SkipNamespaceProviderProvisioning),
                application_uri=p.ApplicationUri, application_identifier=p.ApplicationIdentifier,
                administrator_provisioning_id=p.AdministratorProvisioningId)
            if not self.should_process(CONFIRM["new"].format(name=p.Name, thumbprint=thumbprint)):
                return
            trust = fed.new_trust(org, p.Name, p.Thumbprint, metadata_url=p.MetadataUrl,
                                  skip_provisioning=bool(p.SkipNamespaceProviderProvisioning),
                                  application_uri=p.ApplicationUri,
                                  application_identifier=p.ApplicationIdentifier,
                                  legacy=bool(p.UseLegacyProvisioningService))
        except ExchangeError as e:
            self.report(e)
            return
        if has_federation_dns_warning(self.context.profile) and not p.SuppressDnsWarning:
            self.write_warning(fed.DNS_WARNING)
        self.trust_views([trust])


class SetFederationTrust(_FederationCmdlet):
    """Stage the next federation certificate, publish it, rename or re-point the trust."""

    name = "Set-FederationTrust"
    dotnet_class = _NS + "SetFederationTrust"
    default_set = "Identity"
    supports_should_process = True
    synopsis = "Rotates the federation certificate: -Thumbprint stages it, -PublishFederationCertificate makes it current."
    parameters = (
        Parameter("Identity", TRUST_ID, position=0, mandatory=True, from_pipeline=True),
        Parameter("Thumbprint", THUMBPRINT, sets=("Identity",)),
        Parameter("MetadataUrl", URI, sets=("Identity",)),
        Parameter("RefreshMetadata", SWITCH, sets=("Identity",)),
        Parameter("PublishFederationCertificate", SWITCH,
                  sets=("PublishFederationCertificate", "ApplicationUri")),
        Parameter("ApplicationUri", StringType(), mandatory=True, sets=("ApplicationUri",)),
        Parameter("Name", StringType()),
        Parameter("DomainController", FQDN),
    )

    def process(self, p: Any) -> None:
        from ..exchange import federation as fed
        org = self.organization
        try:
            trust = fed.find_trust(org, p.Identity, "settrust")
            args = dict(thumbprint=p.Thumbprint, publish=bool(p.PublishFederationCertificate),
                        name=p.Name, metadata_url=p.MetadataUrl, application_uri=p.ApplicationUri)
            fed.set_trust(org, trust, check_only=True, **args)
            if not self.should_process(CONFIRM["set"].format(name=trust.name)):
                return
            fed.set_trust(org, trust, **args)
        except ExchangeError as e:
            self.report(e)
            return
        if p.Thumbprint is not None or p.PublishFederationCertificate:
            self.write_warning(fed.NEXT_CERTIFICATE_WARNING)


class RemoveFederationTrust(_FederationCmdlet):
    """Delete a federation trust (its certificates stay in the stores)."""

    name = "Remove-FederationTrust"
    dotnet_class = _NS + "RemoveFederationTrust"
    supports_should_process = True
    confirm_impact = "High"
    synopsis = "Removes a federation trust; asks first unless -Confirm:$false."
    parameters = (
        Parameter("Identity", TRUST_ID, position=0, mandatory=True, from_pipeline=True),
        Parameter("DomainController", FQDN),
    )

    def process(self, p: Any) -> None:
        from ..exchange import federation as fed
        org = self.organization
        try:
            trust = fed.find_trust(org, p.Identity, "removetrust")
            fed.remove_trust(org, trust, check_only=True)
            if not self.should_process(CONFIRM["remove"].format(name=trust.name)):
                return
            fed.remove_trust(org, trust)
        except ExchangeError as e:
            self.report(e)


class GetFederatedOrganizationIdentifier(_FederationCmdlet):
    """The organisation's federated organization identifier."""

    name = "Get-FederatedOrganizationIdentifier"
    dotnet_class = _NS + "GetFederatedOrganizationIdentifier"
    synopsis = "Shows the federated organization identifier: account namespace, domains, trust."
    parameters = (
        Parameter("Identity", ORG_ID, position=0, from_pipeline=True),
        Parameter("IncludeExtendedDomainInfo", SWITCH),
        Parameter("DomainController", FQDN),
    )

    @classmethod
    def output_properties(cls, context: Any) -> Tuple[str, ...]:
        from ..exchange.federation import OrganizationIdentifierView
        return OrganizationIdentifierView.ALL_PROPERTIES

    def process(self, p: Any) -> None:
        from ..exchange.federation import OrganizationIdentifierView
        org = self.organization
        self.write_object(OrganizationIdentifierView(org, org.federated_org_id))


class SetFederatedOrganizationIdentifier(_FederationCmdlet):
    """Point the organization identifier at a trust, set its namespace, turn it on or off."""

    name = "Set-FederatedOrganizationIdentifier"
    dotnet_class = _NS + "SetFederatedOrganizationIdentifier"
    supports_should_process = True
    synopsis = "Configures the federated organization identifier (namespace, trust, on/off)."
    parameters = (
        Parameter("Identity", ORG_ID, position=0, from_pipeline=True),
        Parameter("AccountNamespace", ACCEPTED_DOMAIN),
        Parameter("DelegationFederationTrust", TRUST_ID),
        Parameter("Enabled", BOOL),
        Parameter("OrganizationContact", SMTP_ADDRESS),
        Parameter("DefaultDomain", FEDERATED_DOMAIN, available=has_federated_default_domain),
        Parameter("DomainController", FQDN),
    )

    def process(self, p: Any) -> None:
        from ..exchange import federation as fed
        org = self.organization
        args = dict(account_namespace=p.AccountNamespace, delegation_trust=p.DelegationFederationTrust,
                    enabled=None if p.Enabled is None else bool(p.Enabled),
                    organization_contact=p.OrganizationContact, default_domain=p.DefaultDomain)
        try:
            fed.set_organization_identifier(org, check_only=True, **args)
            if not self.should_process(CONFIRM["orgid"]):
                return
            fed.set_organization_identifier(org, **args)
        except ExchangeError as e:
            self.report(e)


class TestFederationTrust(_FederationCmdlet):
    """Check the trust, the organisation's federation certificate and a token request."""

    name = "Test-FederationTrust"
    dotnet_class = _NS + "TestFederationTrust"
    supports_should_process = True
    synopsis = "Tests the federation trust and its certificates (the gateway is offline in the lab)."
    parameters = (
        Parameter("UserIdentity", RECIPIENT),
        Parameter("MonitoringContext", BOOL),
        Parameter("DomainController", FQDN),
    )
    _view_properties = ("Id", "Type", "Message")

    def process(self, p: Any) -> None:
        from ..exchange.federation import test_trust
        for result in test_trust(self.organization):
            self.write_object(result)


class GetFederatedDomainProof(_FederationCmdlet):
    """The proof-of-ownership text a federated domain's TXT record must hold."""

    name = "Get-FederatedDomainProof"
    dotnet_class = _NS + "GetFederatedDomainProof"
    synopsis = "Shows the TXT record text that proves the domain, one per federation certificate."
    parameters = (
        Parameter("DomainName", ACCEPTED_DOMAIN, mandatory=True),
        Parameter("Thumbprint", THUMBPRINT),
        Parameter("DomainController", FQDN),
    )
    _view_properties = ("DomainName", "Thumbprint", "Proof", "DnsRecord")

    def process(self, p: Any) -> None:
        from ..exchange.federation import domain_proofs
        try:
            proofs = domain_proofs(self.organization, p.DomainName, p.Thumbprint)
        except ExchangeError as e:
            self.report(e)
            return
        for proof in proofs:
            self.write_object(proof)


def _domain_parameters(kind: Any) -> Tuple[Parameter, ...]:
    return (Parameter("DomainName", kind, mandatory=True), Parameter("Force", SWITCH),
            Parameter("DomainController", FQDN))


class _FederatedDomainCmdlet(_FederationCmdlet, register=False):
    supports_should_process = True
    confirm_text = ""

    def change(self, org: Any, domain: str, check_only: bool) -> None:
        raise NotImplementedError

    def process(self, p: Any) -> None:
        org = self.organization
        try:
            self.change(org, p.DomainName, True)
            if not self.should_process(self.confirm_text.format(domain=p.DomainName)):
                return
            self.change(org, p.DomainName, False)
        except ExchangeError as e:
            self.report(e)


class AddFederatedDomain(_FederatedDomainCmdlet):
    """Add an accepted domain to the federated organization identifier."""

    name = "Add-FederatedDomain"
    dotnet_class = _NS + "AddFederatedDomain"
    synopsis = "Adds an accepted domain to the federated domains (the gateway's TXT check is offline in the lab)."
    parameters = _domain_parameters(ACCEPTED_DOMAIN)
    confirm_text = 'Adding federated domain "{domain}".'

    def change(self, org, domain, check_only):
        from ..exchange.federation import add_federated_domain
        add_federated_domain(org, domain, check_only=check_only)


class RemoveFederatedDomain(_FederatedDomainCmdlet):
    """Remove a federated domain; the account namespace's own domain goes last."""

    name = "Remove-FederatedDomain"
    dotnet_class = _NS + "RemoveFederatedDomain"
    synopsis = "Removes a domain from the federated domains (the primary shared domain last)."
    parameters = _domain_parameters(FEDERATED_DOMAIN)
    confirm_text = 'Removing federated domain "{domain}".'

    def change(self, org, domain, check_only):
        from ..exchange.federation import remove_federated_domain
        remove_federated_domain(org, domain, check_only=check_only)


class TestFederationTrustCertificate(_FederationCmdlet):
    """Where each certificate of the trust (current, next) is installed."""

    name = "Test-FederationTrustCertificate"
    dotnet_class = _NS + "TestFederationTrustCertificate"
    supports_should_process = True
    synopsis = "Shows, for every Mailbox/Client Access server, whether the federation certificates are installed."
    parameters = (Parameter("DomainController", FQDN),)
    _view_properties = ("Site", "Server", "State", "Thumbprint")

    def process(self, p: Any) -> None:
        from ..exchange import federation as fed
        org = self.organization
        if org.federation_trusts:
            org.begin_change()          # the Service Host has had its turn
            fed.distribute_certificates(org)
        for status in fed.certificate_status(org):
            self.write_object(status)


# Get-FederationTrust's default table: Name, ApplicationIdentifier, ApplicationUri, the name
# cut at 20 ("Microsoft Federat...") as a posted 2016 capture shows [C]; the other widths [?].
register_table_view("Microsoft.Exchange.Data.Directory.SystemConfiguration.FederationTrust",
                    TableView([TableColumn("Name", "Name", 20),
                               TableColumn("ApplicationIdentifier", "ApplicationIdentifier", 36),
                               TableColumn("ApplicationUri", "ApplicationUri")]))
register_table_view(_NS + "TestFederationTrust+ResultEvent", TableView([
    TableColumn("Id", "Id", 30), TableColumn("Type", "Type", 8), TableColumn("Message", "Message")]))
