"""Objects of the cmdlets a renewal touches besides the certificate ones
(reference §7): Get-ExchangeServer, Get-AuthConfig, Get-TransportService /
Get-TransportServer, Get-PopSettings / Get-ImapSettings.

Each is a SNAPSHOT built from the model (``server_view(server)`` ...), declaring
``PS_TYPE_NAMES``/``PS_PROPERTIES`` like the certificate view.  The property
lists are the ones admins use, not every property the real objects have.

Imports only the standard library and siblings.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

__all__ = ["ServerVersion", "ExchangeServerView", "AuthConfigView", "TransportServiceView",
           "ProtocolSettingsView", "TransportServerView", "server_view", "auth_config_view", "transport_view",
           "pop_settings_view", "imap_settings_view", "SITE", "EDITION", "SendConnectorView",
           "ReceiveConnectorView", "AcceptedDomainView"]

#: The AD site every lab server sits in, as ``Site`` shows it.
SITE = "{domain}/Configuration/Sites/Default-First-Site-Name"
EDITION = "Standard"
_DATA = "Microsoft.Exchange.Data."
_SYSCFG = _DATA + "Directory.SystemConfiguration."


class ServerVersion:
    """``AdminDisplayVersion``: shows as ``Version 14.3 (Build 123.4)``."""

    PS_TYPE_NAMES = (_DATA + "ServerVersion", "System.Object")
    PS_PROPERTIES = ("Major", "Minor", "Build", "Revision", "FilePatchLevelDescription")

    def __init__(self, text: str):
        m = re.match(r"Version (\d+)\.(\d+) \(Build (\d+)\.(\d+)\)", text)
        if not m:
            raise ValueError(text)
        self.Major, self.Minor, self.Build, self.Revision = (int(g) for g in m.groups())
        self.FilePatchLevelDescription = ""
        self._text = text

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "<ServerVersion %s>" % self._text


class ExchangeServerView:
    """What Get-ExchangeServer returns (default table: Name, Site, ServerRole,
    Edition, AdminDisplayVersion)."""

    PS_TYPE_NAMES = ("Microsoft.Exchange.Data.Directory.Management.ExchangeServer", "System.Object")
    PS_PROPERTIES = ("Name", "Site", "ServerRole", "Edition", "AdminDisplayVersion", "Fqdn",
                     "Domain", "IsHubTransportServer", "IsClientAccessServer",
                     "IsMailboxServer", "IsEdgeServer", "IsUnifiedMessagingServer",
                     "IsExchange2007OrLater", "Identity")

    def __init__(self, server):
        org = server.organization
        roles = server.roles
        self.Name = server.name
        self.Fqdn = server.fqdn
        self.Domain = org.domain
        self.Site = SITE.format(domain=org.domain)
        self.ServerRole = ", ".join(roles) if roles else "None"
        self.Edition = EDITION
        self.AdminDisplayVersion = ServerVersion(org.profile.display_version)
        self.IsHubTransportServer = "HubTransport" in roles or (
            org.profile.major_version >= 15 and "Mailbox" in roles)
        # 2016+ Mailbox servers run the Client Access services (profile.cas_roles).
        self.IsClientAccessServer = "ClientAccess" in roles or (
            "Mailbox" in org.profile.cas_roles and "Mailbox" in roles)
        self.IsMailboxServer = "Mailbox" in roles
        self.IsEdgeServer = "Edge" in roles
        self.IsUnifiedMessagingServer = "UnifiedMessaging" in roles
        self.IsExchange2007OrLater = True
        self.Identity = server.name

    def __str__(self) -> str:
        return self.Name


class AuthConfigView:
    """What Get-AuthConfig returns (2013+)."""

    PS_TYPE_NAMES = ("Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthConfig", "System.Object")
    PS_PROPERTIES = ("CurrentCertificateThumbprint", "PreviousCertificateThumbprint",
                     "NextCertificateThumbprint", "NextCertificateEffectiveDate", "Realm",
                     "ServiceName", "Name", "Identity")

    def __init__(self, config):
        self.CurrentCertificateThumbprint = config.current_thumbprint or ""
        self.PreviousCertificateThumbprint = config.previous_thumbprint or ""
        self.NextCertificateThumbprint = config.next_thumbprint or ""
        self.NextCertificateEffectiveDate: Optional[_dt.datetime] = config.next_effective_date
        self.Realm = config.realm
        self.ServiceName = config.service_name
        self.Name = config.name
        self.Identity = config.name

    def __str__(self) -> str:
        return self.Name


class TransportServiceView:
    """Get-TransportService (2013+): the part that names the internal transport
    (default SMTP) certificate."""

    PS_TYPE_NAMES = ("Microsoft.Exchange.Data.Directory.SystemConfiguration.TransportService",
                     "System.Object")
    PS_PROPERTIES = ("Name", "InternalTransportCertificateThumbprint", "Identity")

    def __init__(self, server):
        self.Name = server.name
        self.InternalTransportCertificateThumbprint = server.internal_transport_thumbprint or ""
        self.Identity = server.name

    def __str__(self) -> str:
        return self.Name


class TransportServerView(TransportServiceView):
    """Get-TransportServer (2007/2010)."""

    PS_TYPE_NAMES = ("Microsoft.Exchange.Data.Directory.Management.TransportServer", "System.Object")


class ProtocolSettingsView:
    """Get-PopSettings / Get-ImapSettings: the certificate-related part.  The AD
    object of the settings is named "1" on every server."""

    PS_TYPE_NAMES = ("Microsoft.Exchange.Data.Directory.SystemConfiguration.PopImapAdConfiguration",
                     "System.Object")
    PS_PROPERTIES = ("UnencryptedOrTLSBindings", "SSLBindings", "LoginType", "X509CertificateName",
                     "Name", "Server", "Identity")

    #: Ports of the protocol's plain/STARTTLS and SSL bindings (the defaults).
    PORTS = {"POP3": (110, 995), "IMAP4": (143, 993)}

    def __init__(self, server, protocol: str):
        self.Name = "1"
        self.Server = server.name
        name = server.pop_x509_name if protocol == "POP3" else server.imap_x509_name
        self.X509CertificateName = name or ""
        self.Identity = "%s\\1" % server.name
        self.Protocol = protocol
        # The real objects are Pop3AdConfiguration / Imap4AdConfiguration (a CliXML dump
        # says which protocol it holds by this name).
        self.PS_TYPE_NAMES = (_SYSCFG + ("Pop3AdConfiguration" if protocol == "POP3"
                                         else "Imap4AdConfiguration"),) + self.PS_TYPE_NAMES
        plain, ssl = self.PORTS[protocol]
        self.UnencryptedOrTLSBindings = ["[::]:%d" % plain, "0.0.0.0:%d" % plain]
        self.SSLBindings = ["[::]:%d" % ssl, "0.0.0.0:%d" % ssl]
        self.LoginType = "SecureLogin"

    def __str__(self) -> str:
        return self.Identity


def server_view(server) -> ExchangeServerView:
    return ExchangeServerView(server)


def auth_config_view(organization) -> AuthConfigView:
    return AuthConfigView(organization.auth_config)


def transport_view(server) -> TransportServiceView:
    if server.organization.profile.transport_cmdlet == "Get-TransportService":
        return TransportServiceView(server)
    return TransportServerView(server)


def pop_settings_view(server) -> ProtocolSettingsView:
    return ProtocolSettingsView(server, "POP3")


def imap_settings_view(server) -> ProtocolSettingsView:
    return ProtocolSettingsView(server, "IMAP4")


class SendConnectorView:
    """Get-SendConnector (default table: Identity, AddressSpaces, Enabled)."""

    PS_TYPE_NAMES = ("Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig",
                     "System.Object")
    PS_PROPERTIES = ("Identity", "AddressSpaces", "Enabled", "Name", "TlsCertificateName",
                     "SourceTransportServers", "Fqdn", "RequireTLS", "Usage")

    def __init__(self, connector):
        self.Name = connector.name
        self.Identity = connector.name
        self.AddressSpaces = ["SMTP:%s;1" % a for a in connector.address_spaces]
        self.Enabled = connector.enabled
        self.TlsCertificateName = connector.tls_certificate_name
        self.SourceTransportServers = list(connector.source_servers)
        self.Fqdn = connector.fqdn
        self.RequireTLS = connector.require_tls
        self.Usage = connector.usage

    def __str__(self) -> str:
        return self.Name


class ReceiveConnectorView:
    """Get-ReceiveConnector (default table: Identity, Bindings, Enabled)."""

    PS_TYPE_NAMES = ("Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector",
                     "System.Object")
    PS_PROPERTIES = ("Identity", "Bindings", "Enabled", "Name", "Server", "TlsCertificateName",
                     "Fqdn")

    def __init__(self, connector):
        self.Identity = connector.identity
        self.Name = connector.name
        self.Server = connector.server
        self.Bindings = list(connector.bindings)
        self.Enabled = connector.enabled
        self.TlsCertificateName = connector.tls_certificate_name
        self.Fqdn = connector.fqdn

    def __str__(self) -> str:
        return self.Identity


class AcceptedDomainView:
    """Get-AcceptedDomain (default table: Name, DomainName, DomainType, Default)."""

    PS_TYPE_NAMES = (_SYSCFG + "AcceptedDomain", "System.Object")
    PS_PROPERTIES = ("Name", "DomainName", "DomainType", "Default", "Identity")

    def __init__(self, accepted):
        self.Name = accepted.domain
        self.DomainName = accepted.domain
        self.DomainType = "Authoritative" if accepted.authoritative else "ExternalRelay"
        self.Default = accepted.default
        self.Identity = accepted.domain

    def __str__(self) -> str:
        return self.Name
