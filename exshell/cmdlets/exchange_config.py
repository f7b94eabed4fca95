"""The configuration cmdlets a certificate renewal touches (reference §7):
Get-ExchangeServer, Get-/Set-PopSettings, Get-/Set-ImapSettings,
Get-TransportServer (2007/2010) / Get-TransportService (2013+),
Get-/Set-/New-SendConnector, Get-/Set-ReceiveConnector, Get-/Set-AuthConfig (2013+).

They read and change the settings of ``exshell.exchange`` that a certificate's
``Services`` are *derived* from (reference §1.5): nothing here stores Services.
Default table views of their objects are registered here.

Imports the engine, the Exchange model and ``format.views``.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any, List

from ..engine.conversion import BOOL, SWITCH, DateTimeType, ListOf, StringType
from ..engine.parameters import Parameter
from ..exchange.errors import ExchangeError, exchange_error
from ..format.views import TableColumn, TableView, register_table_view
from ..profiles import has_2010_parameters, has_auth_config, has_transport_service
from ..engine.completion import Candidate, CompletionRequest, completing, matches
from .exchange_certificate import (FQDN, QUOTES, SERVER, ExchangeCmdlet, complete_servers,
                                   world_in)

__all__ = ["GetExchangeServer", "GetPopSettings", "SetPopSettings", "GetImapSettings",
           "SetImapSettings", "GetTransportServer", "GetTransportService", "GetSendConnector",
           "SetSendConnector", "NewSendConnector", "GetReceiveConnector", "SetReceiveConnector",
           "GetAuthConfig", "SetAuthConfig", "GetAcceptedDomain", "parse_tls_certificate_name"]


def complete_send_connectors(request: CompletionRequest) -> List[Candidate]:
    """The organisation's Send connectors by name."""
    world = world_in(request.context)
    if world is None:
        return []
    names = [c.name for c in world.organization.send_connectors]
    return [Candidate(n, 0, n, "Send connector") for n in matches(request.word, names)]


def complete_receive_connectors(request: CompletionRequest) -> List[Candidate]:
    """Receive connectors as ``SERVER\\Name`` (``EX01\\Default EX01``); the REPL quotes
    the ones with a blank.  With -Server typed, only that server's."""
    world = world_in(request.context)
    if world is None:
        return []
    server = request.given.get("server", "").strip(QUOTES).casefold()
    identities = [c.identity for c in world.organization.receive_connectors()
                  if not server or c.server.casefold() == server]
    return [Candidate(i, 0, i, "Receive connector") for i in matches(request.word, identities)]


def complete_accepted_domains(request: CompletionRequest) -> List[Candidate]:
    """The organisation's accepted domains (an accepted domain's identity is its name)."""
    world = world_in(request.context)
    if world is None:
        return []
    names = [d.domain for d in world.organization.accepted_domains]
    return [Candidate(n, 0, n, "Accepted domain") for n in matches(request.word, names)]


SERVER_ID = completing(StringType("Microsoft.Exchange.Configuration.Tasks.ServerIdParameter"),
                       complete_servers)
ACCEPTED_DOMAIN_ID = completing(
    StringType("Microsoft.Exchange.Configuration.Tasks.AcceptedDomainIdParameter"),
    complete_accepted_domains)
SEND_ID = completing(StringType("Microsoft.Exchange.Configuration.Tasks.SendConnectorIdParameter"),
                     complete_send_connectors)
RECEIVE_ID = completing(
    StringType("Microsoft.Exchange.Configuration.Tasks.ReceiveConnectorIdParameter"),
    complete_receive_connectors)
SMTP_X509 = StringType("Microsoft.Exchange.Data.SmtpX509Identifier")
X509_NAME = StringType("System.String")
ADDRESS_SPACES = ListOf(StringType("Microsoft.Exchange.Data.AddressSpace"),
                        "Microsoft.Exchange.Data.MultiValuedProperty`1"
                        "[Microsoft.Exchange.Data.AddressSpace]")
SOURCE_SERVERS = ListOf(SERVER_ID, "Microsoft.Exchange.Data.MultiValuedProperty`1"
                                   "[Microsoft.Exchange.Configuration.Tasks.ServerIdParameter]")
DATETIME = DateTimeType()

#: Warning Set-PopSettings / Set-ImapSettings print (wording as remembered [I]).
RESTART_WARNING = ("Changes to {protocol} settings will only take effect after all Microsoft "
                   "Exchange {protocol} services are restarted on server {server}.")
#: Set-AuthConfig's question when the effective date is under 48 hours away: the
#: real text is unknown (reference §7.3 [?]); ours, and -Force skips it.
AUTH_SOON_QUESTION = ("The new certificate's effective date is less than 48 hours away. Servers "
                      "that haven't received the certificate by then can't use it. Continue?")
AUTH_SOON = _dt.timedelta(hours=48)
#: 2013+ still has Get-TransportServer, with this warning (wording as remembered [I]).
DEPRECATED_WARNING = ("The {old} cmdlet will be removed in a future version of Exchange. Use the "
                      "{new} cmdlet instead.")

_TLS_NAME_RE = re.compile(r"^\s*<I>(?P<issuer>.+?)<S>(?P<subject>.+?)\s*$", re.I | re.S)


def parse_tls_certificate_name(text: str):
    """(issuer, subject) of a ``<I>issuer<S>subject`` value, or None when malformed."""
    m = _TLS_NAME_RE.match(str(text))
    return None if m is None else (m.group("issuer"), m.group("subject"))


def _tls_name(value: Any) -> Any:
    """The TlsCertificateName to store: None clears it; a malformed value raises."""
    if value is None or str(value) == "":
        return None
    if parse_tls_certificate_name(value) is None:
        raise exchange_error("ErrorTlsCertificateNameInvalid", name=str(value))
    issuer, subject = parse_tls_certificate_name(value)
    return "<I>%s<S>%s" % (issuer, subject)


class _ConfigCmdlet(ExchangeCmdlet, register=False):
    @property
    def org(self) -> Any:
        return self.organization

    def servers_of(self, p: Any, key: str = "Server") -> List[Any]:
        """One server (``-Server`` or Identity) or all of them."""
        name = p.get(key)
        if name:
            return [self.org.get_server(name)]
        return list(self.org.servers)


# ----------------------------------------------------------------- Get-ExchangeServer

class GetExchangeServer(_ConfigCmdlet):
    """List the Exchange servers of the organisation (name, site, roles, version)."""

    name = "Get-ExchangeServer"
    dotnet_class = "Microsoft.Exchange.Management.SystemConfigurationTasks.GetExchangeServer"
    synopsis = "Lists the organisation's Exchange servers."
    parameters = (
        Parameter("Identity", SERVER_ID, position=0, from_pipeline=True),
        Parameter("DomainController", FQDN),
        Parameter("Status", SWITCH),
    )

    def process(self, p: Any) -> None:
        from ..exchange.admin import server_view
        try:
            for server in self.servers_of(p, "Identity"):
                self.write_object(server_view(server))
        except ExchangeError as e:
            self.report(e)


# ----------------------------------------------------------------- POP / IMAP

class _ProtocolSettings(_ConfigCmdlet, register=False):
    protocol = "POP3"

    def view(self, server: Any) -> Any:
        from ..exchange.admin import imap_settings_view, pop_settings_view
        return pop_settings_view(server) if self.protocol == "POP3" else imap_settings_view(server)


class GetPopSettings(_ProtocolSettings):
    """Show the POP3 settings (X509CertificateName drives the POP service flag)."""

    name = "Get-PopSettings"
    dotnet_class = "Microsoft.Exchange.Management.SystemConfigurationTasks.GetPopSettings"
    synopsis = "Shows a server's POP3 settings."
    parameters = (Parameter("Server", SERVER, from_pipeline_by_name=True),
                  Parameter("DomainController", FQDN))

    def process(self, p: Any) -> None:
        try:
            for server in self.servers_of(p):
                if server.is_client_access or p.Server:
                    self.write_object(self.view(server))
        except ExchangeError as e:
            self.report(e)


class GetImapSettings(GetPopSettings):
    """Show the IMAP4 settings (X509CertificateName drives the IMAP service flag)."""

    name = "Get-ImapSettings"
    dotnet_class = "Microsoft.Exchange.Management.SystemConfigurationTasks.GetImapSettings"
    synopsis = "Shows a server's IMAP4 settings."
    protocol = "IMAP4"


class SetPopSettings(_ProtocolSettings):
    """Change the POP3 settings; -X509CertificateName picks the certificate by FQDN."""

    name = "Set-PopSettings"
    dotnet_class = "Microsoft.Exchange.Management.SystemConfigurationTasks.SetPopSettings"
    supports_should_process = True
    synopsis = "Sets which certificate POP3 uses (by one of its domain names)."
    parameters = (Parameter("X509CertificateName", X509_NAME),
                  Parameter("Server", SERVER, from_pipeline_by_name=True),
                  Parameter("DomainController", FQDN))

    def process(self, p: Any) -> None:
        from ..exchange.names import is_valid_domain
        try:
            server = self.org.get_server(p.Server) if p.Server else self.org.local_server
            if not p.bound("X509CertificateName"):
                return
            value = p.X509CertificateName
            if value and not is_valid_domain(str(value)):
                raise exchange_error("ErrorX509CertificateNameInvalid", name=str(value))
            if not self.should_process('Modifying %s settings "%s\\1".' % (self.protocol, server.name)):
                return
            if self.protocol == "POP3":
                server.pop_x509_name = str(value) if value else None
            else:
                server.imap_x509_name = str(value) if value else None
            self.write_warning(RESTART_WARNING.format(protocol=self.protocol, server=server.name))
        except ExchangeError as e:
            self.report(e)


class SetImapSettings(SetPopSettings):
    """Change the IMAP4 settings; -X509CertificateName picks the certificate by FQDN."""

    name = "Set-ImapSettings"
    dotnet_class = "Microsoft.Exchange.Management.SystemConfigurationTasks.SetImapSettings"
    synopsis = "Sets which certificate IMAP4 uses (by one of its domain names)."
    protocol = "IMAP4"


# ----------------------------------------------------------------- transport

class GetTransportServer(_ConfigCmdlet):
    """The transport settings of Hub/Edge servers (InternalTransportCertificateThumbprint)."""

    name = "Get-TransportServer"
    dotnet_class = "Microsoft.Exchange.Management.SystemConfigurationTasks.GetTransportServer"
    synopsis = "Shows transport servers and their internal transport (default SMTP) certificate."
    parameters = (Parameter("Identity", SERVER_ID, position=0, from_pipeline=True),
                  Parameter("DomainController", FQDN))

    def process(self, p: Any) -> None:
        from ..exchange.admin import transport_view
        if self.name != self.profile.transport_cmdlet:
            self.write_warning(DEPRECATED_WARNING.format(old=self.name, new=self.profile.transport_cmdlet))
        try:
            named = bool(p.Identity)
            for server in self.servers_of(p, "Identity"):
                if server.is_transport or named:
                    self.write_object(transport_view(server))
        except ExchangeError as e:
            self.report(e)


class GetTransportService(GetTransportServer):
    """2013+: the transport service of each Mailbox/Edge server."""

    name = "Get-TransportService"
    dotnet_class = "Microsoft.Exchange.Management.SystemConfigurationTasks.GetTransportService"
    available = has_transport_service


# ----------------------------------------------------------------- connectors

class GetSendConnector(_ConfigCmdlet):
    """List the organisation's Send connectors."""

    name = "Get-SendConnector"
    dotnet_class = "Microsoft.Exchange.Management.SystemConfigurationTasks.GetSendConnector"
    synopsis = "Lists Send connectors (TlsCertificateName names a certificate by issuer+subject)."
    parameters = (Parameter("Identity", SEND_ID, position=0, from_pipeline=True),
                  Parameter("DomainController", FQDN))

    def process(self, p: Any) -> None:
        from ..exchange.admin import SendConnectorView
        try:
            if p.Identity:
                connectors = [self.org.get_send_connector(str(p.Identity))]
            else:
                connectors = list(self.org.send_connectors)
            for c in connectors:
                self.write_object(SendConnectorView(c))
        except ExchangeError as e:
            self.report(e)


def _identity_text(value: Any) -> str:
    ident = getattr(value, "Identity", None)
    return str(ident if ident is not None else value)


class SetSendConnector(_ConfigCmdlet):
    """Change a Send connector (TlsCertificateName, Fqdn, RequireTLS, Enabled)."""

    name = "Set-SendConnector"
    dotnet_class = "Microsoft.Exchange.Management.SystemConfigurationTasks.SetSendConnector"
    supports_should_process = True
    synopsis = "Changes a Send connector; -TlsCertificateName $null stops it naming a certificate."
    parameters = (Parameter("Identity", SEND_ID, position=0, mandatory=True, from_pipeline=True),
                  Parameter("TlsCertificateName", SMTP_X509, available=has_2010_parameters),
                  Parameter("Fqdn", FQDN),
                  Parameter("RequireTLS", BOOL),
                  Parameter("Enabled", BOOL),
                  Parameter("AddressSpaces", ADDRESS_SPACES),
                  Parameter("DomainController", FQDN))

    def process(self, p: Any) -> None:
        try:
            connector = self.org.get_send_connector(_identity_text(p.Identity))
            tls = _tls_name(p.TlsCertificateName) if p.bound("TlsCertificateName") else None
            if not self.should_process('Modifying Send connector "%s".' % connector.name):
                return
            if p.bound("TlsCertificateName"):
                connector.tls_certificate_name = tls
            if p.bound("Fqdn"):
                connector.fqdn = str(p.Fqdn) if p.Fqdn else None
            if p.bound("RequireTLS"):
                connector.require_tls = bool(p.RequireTLS)
            if p.bound("Enabled"):
                connector.enabled = bool(p.Enabled)
            if p.bound("AddressSpaces") and p.AddressSpaces:
                connector.address_spaces = tuple(str(a) for a in p.AddressSpaces)
        except ExchangeError as e:
            self.report(e)


class NewSendConnector(_ConfigCmdlet):
    """Create a Send connector (the basic parameters)."""

    name = "New-SendConnector"
    dotnet_class = "Microsoft.Exchange.Management.SystemConfigurationTasks.NewSendConnector"
    supports_should_process = True
    synopsis = "Creates a Send connector."
    parameters = (Parameter("Name", StringType(), position=0, mandatory=True),
                  Parameter("AddressSpaces", ADDRESS_SPACES),
                  Parameter("SourceTransportServers", SOURCE_SERVERS),
                  Parameter("Usage", StringType("Microsoft.Exchange.Management.SystemConfigurationTasks"
                                                ".NewSendConnector+UsageType")),
                  Parameter("Internet", SWITCH),
                  Parameter("Fqdn", FQDN),
                  Parameter("RequireTLS", BOOL),
                  Parameter("TlsCertificateName", SMTP_X509, available=has_2010_parameters),
                  Parameter("DomainController", FQDN))

    def process(self, p: Any) -> None:
        from ..exchange.admin import SendConnectorView
        try:
            tls = _tls_name(p.TlsCertificateName)
            sources = tuple(self.org.get_server(str(s)).name for s in (p.SourceTransportServers or []))
            usage = "Internet" if p.Internet else str(p.Usage or "Custom")
            if not self.should_process('Creating Send connector "%s".' % p.Name):
                return
            connector = self.org.add_send_connector(
                str(p.Name), tls, address_spaces=tuple(str(a) for a in (p.AddressSpaces or ["*"])),
                source_servers=sources, fqdn=str(p.Fqdn) if p.Fqdn else None, usage=usage,
                require_tls=bool(p.RequireTLS))
            self.write_object(SendConnectorView(connector))
        except ExchangeError as e:
            self.report(e)


class GetReceiveConnector(_ConfigCmdlet):
    """List Receive connectors (all servers, one server, or one connector)."""

    name = "Get-ReceiveConnector"
    dotnet_class = "Microsoft.Exchange.Management.SystemConfigurationTasks.GetReceiveConnector"
    default_set = "Identity"
    synopsis = "Lists Receive connectors."
    parameters = (Parameter("Identity", RECEIVE_ID, position=0, from_pipeline=True, sets=("Identity",)),
                  Parameter("Server", SERVER, sets=("Server",)),
                  Parameter("DomainController", FQDN))

    def process(self, p: Any) -> None:
        from ..exchange.admin import ReceiveConnectorView
        try:
            if p.Identity:
                connectors = [self.org.get_receive_connector(_identity_text(p.Identity))]
            elif p.Server:
                connectors = list(self.org.get_server(p.Server).receive_connectors)
            else:
                connectors = self.org.receive_connectors()
            for c in connectors:
                self.write_object(ReceiveConnectorView(c))
        except ExchangeError as e:
            self.report(e)


class SetReceiveConnector(_ConfigCmdlet):
    """Change a Receive connector (TlsCertificateName, Fqdn, Enabled)."""

    name = "Set-ReceiveConnector"
    dotnet_class = "Microsoft.Exchange.Management.SystemConfigurationTasks.SetReceiveConnector"
    supports_should_process = True
    synopsis = "Changes a Receive connector (e.g. the certificate it offers for STARTTLS)."
    parameters = (Parameter("Identity", RECEIVE_ID, position=0, mandatory=True, from_pipeline=True),
                  Parameter("TlsCertificateName", SMTP_X509, available=has_2010_parameters),
                  Parameter("Fqdn", FQDN),
                  Parameter("Enabled", BOOL),
                  Parameter("DomainController", FQDN))

    def process(self, p: Any) -> None:
        try:
            connector = self.org.get_receive_connector(_identity_text(p.Identity))
            tls = _tls_name(p.TlsCertificateName) if p.bound("TlsCertificateName") else None
            if not self.should_process('Modifying Receive connector "%s".' % connector.identity):
                return
            if p.bound("TlsCertificateName"):
                connector.tls_certificate_name = tls
            if p.bound("Fqdn"):
                connector.fqdn = str(p.Fqdn) if p.Fqdn else None
            if p.bound("Enabled"):
                connector.enabled = bool(p.Enabled)
        except ExchangeError as e:
            self.report(e)


# ----------------------------------------------------------------- Auth (2013+)

class GetAuthConfig(_ConfigCmdlet):
    """The organisation's OAuth configuration (current/previous/next certificate)."""

    name = "Get-AuthConfig"
    dotnet_class = "Microsoft.Exchange.Management.SystemConfigurationTasks.GetAuthConfig"
    available = has_auth_config
    synopsis = "Shows the Auth certificate configuration."
    parameters = (Parameter("DomainController", FQDN),)

    def process(self, p: Any) -> None:
        from ..exchange.admin import auth_config_view
        # The Auth servicelet publishes a staged certificate once its date has passed.
        self.org.roll_auth_certificate()
        self.write_object(auth_config_view(self.org))


class SetAuthConfig(_ConfigCmdlet):
    """Stage, publish or set the Auth certificate (reference §7.3)."""

    name = "Set-AuthConfig"
    dotnet_class = "Microsoft.Exchange.Management.SystemConfigurationTasks.SetAuthConfig"
    available = has_auth_config
    supports_should_process = True
    default_set = "AuthConfigSettings"
    synopsis = "Rotates the Auth certificate: stage with -NewCertificate*, then -PublishCertificate."
    parameters = (
        Parameter("CertificateThumbprint", StringType(), mandatory=True,
                  sets=("CurrentCertificateParameter",)),
        Parameter("NewCertificateThumbprint", StringType(), sets=("NewCertificateParameter",)),
        Parameter("NewCertificateEffectiveDate", DATETIME, sets=("NewCertificateParameter",)),
        Parameter("PublishCertificate", SWITCH, sets=("PublishAuthCertificateParameter",)),
        Parameter("ClearPreviousCertificate", SWITCH, sets=("PublishAuthCertificateParameter",)),
        Parameter("SkipImmediateCertificateDeployment", SWITCH,
                  sets=("CurrentCertificateParameter", "NewCertificateParameter")),
        Parameter("Server", SERVER, sets=("CurrentCertificateParameter", "NewCertificateParameter")),
        Parameter("Realm", StringType(), sets=("AuthConfigSettings",)),
        Parameter("ServiceName", StringType(), sets=("AuthConfigSettings",)),
        Parameter("Force", SWITCH),
        Parameter("DomainController", FQDN),
    )

    def process(self, p: Any) -> None:
        org = self.org
        try:
            if p.bound("CertificateThumbprint"):
                org.check_auth_certificate(p.CertificateThumbprint, p.Server)
                if not self.should_process('Modifying Auth configuration "Auth Configuration".'):
                    return
                org.set_auth_certificate(p.CertificateThumbprint, server=p.Server)
                if not p.SkipImmediateCertificateDeployment:
                    org.deploy_auth_certificate(org.auth_config.current_thumbprint, source=p.Server)
                return
            if p.bound("NewCertificateThumbprint") or p.bound("NewCertificateEffectiveDate"):
                org.check_auth_certificate(p.NewCertificateThumbprint or "", p.Server)
                when = p.NewCertificateEffectiveDate or self.context.clock.now()
                if not self.should_process('Modifying Auth configuration "Auth Configuration".'):
                    return
                if when - self.context.clock.now() < AUTH_SOON and not p.Force:
                    if not self.should_continue(AUTH_SOON_QUESTION):
                        return
                org.stage_auth_certificate(p.NewCertificateThumbprint, when, server=p.Server)
                if not p.SkipImmediateCertificateDeployment:
                    org.deploy_auth_certificate(org.auth_config.next_thumbprint, source=p.Server)
                return
            if p.PublishCertificate or p.ClearPreviousCertificate:
                if p.PublishCertificate and not org.auth_config.next_thumbprint:
                    raise exchange_error("AuthConfigNoNextCertificate")
                if not self.should_process('Modifying Auth configuration "Auth Configuration".'):
                    return
                if p.PublishCertificate:
                    org.publish_auth_certificate()
                if p.ClearPreviousCertificate:
                    org.clear_previous_auth_certificate()
                return
            if p.bound("Realm") or p.bound("ServiceName"):
                if not self.should_process('Modifying Auth configuration "Auth Configuration".'):
                    return
                if p.bound("Realm"):
                    org.auth_config.realm = str(p.Realm or "")
                if p.bound("ServiceName") and p.ServiceName:
                    org.auth_config.service_name = str(p.ServiceName)
        except ExchangeError as e:
            self.report(e)


# ----------------------------------------------------------------- accepted domains

class GetAcceptedDomain(_ConfigCmdlet):
    """The organisation's accepted domains (the replica export script reads them)."""

    name = "Get-AcceptedDomain"
    dotnet_class = "Microsoft.Exchange.Management.SystemConfigurationTasks.GetAcceptedDomain"
    synopsis = "Lists the organisation's accepted domains."
    parameters = (Parameter("Identity", ACCEPTED_DOMAIN_ID, position=0, from_pipeline=True),
                  Parameter("DomainController", FQDN))

    def process(self, p: Any) -> None:
        from ..exchange.admin import AcceptedDomainView
        domains = list(self.org.accepted_domains)
        if p.Identity:
            domains = [d for d in domains if d.domain.casefold() == str(p.Identity).casefold()]
            if not domains:
                self.report(exchange_error("ErrorAcceptedDomainNotFound", name=str(p.Identity),
                                           dc=self.org.dc_fqdn))
                return
        for d in domains:
            self.write_object(AcceptedDomainView(d))


# ----------------------------------------------------------------- default views
# Column sets: Get-ExchangeServer's from reference §7.1 [?]; the connectors' and
# POP/IMAP settings' as remembered from consoles [I].  Widths are left to the writer.

_MGMT = "Microsoft.Exchange.Data.Directory.Management."
_SYSCFG = "Microsoft.Exchange.Data.Directory.SystemConfiguration."


def _columns(*names: str) -> TableView:
    return TableView([TableColumn(n, n) for n in names])


register_table_view(_MGMT + "ExchangeServer",
                    _columns("Name", "Site", "ServerRole", "Edition", "AdminDisplayVersion"))
register_table_view(_SYSCFG + "SmtpSendConnectorConfig", _columns("Identity", "AddressSpaces", "Enabled"))
register_table_view(_SYSCFG + "ReceiveConnector", _columns("Identity", "Bindings", "Enabled"))
register_table_view(_SYSCFG + "PopImapAdConfiguration",
                    _columns("UnencryptedOrTLSBindings", "SSLBindings", "LoginType",
                             "X509CertificateName"))
register_table_view(_SYSCFG + "AcceptedDomain", _columns("Name", "DomainName", "DomainType", "Default"))
