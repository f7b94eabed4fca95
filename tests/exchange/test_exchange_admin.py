"""Related objects and settings: Get-ExchangeServer, AuthConfig, transport, POP/IMAP."""
from __future__ import annotations

import datetime

import pytest

from exshell.exchange import ExchangeError
from exshell.exchange.admin import (auth_config_view, imap_settings_view, pop_settings_view,
                                    server_view, transport_view)

from exchange_fixtures import NOW, make_org


@pytest.mark.parametrize("version, shown, major, roles, type_name", [
    ("2010", "Version 14.3 (Build 123.4)", 14, "Mailbox, ClientAccess, HubTransport",
     "Microsoft.Exchange.Data.Directory.Management.TransportServer"),
    ("2019", "Version 15.2 (Build 1544.4)", 15, "Mailbox",
     "Microsoft.Exchange.Data.Directory.SystemConfiguration.TransportService"),
])
def test_server_and_transport_views(version, shown, major, roles, type_name):
    server = make_org(version).local_server
    view = server_view(server)
    assert (view.Name, view.Fqdn, view.ServerRole) == ("EX01", "EX01.contoso.com", roles)
    assert str(view.AdminDisplayVersion) == shown and view.AdminDisplayVersion.Major == major
    assert view.IsHubTransportServer is True
    t = transport_view(server)
    assert type(t).PS_TYPE_NAMES[0] == type_name
    assert t.InternalTransportCertificateThumbprint == server.internal_transport_thumbprint
    assert pop_settings_view(server).X509CertificateName == "EX01"   # setup names the host name
    assert imap_settings_view(server).Identity == "EX01\\1"


def test_auth_certificate_rotation(org2013):
    org = org2013
    server = org.local_server
    old = org.auth_config.current_thumbprint
    plan = server.plan_new_certificate(subject_name="cn=Microsoft Exchange Server Auth Certificate",
                                       domain_names=[], friendly_name="Microsoft Exchange Server Auth Certificate",
                                       private_key_exportable=True)
    new = server.install_certificate(server.build_certificate(plan), make_default_smtp=False)
    when = NOW + datetime.timedelta(hours=49)
    org.stage_auth_certificate(new.Thumbprint.lower(), when)
    view = auth_config_view(org)
    assert (view.CurrentCertificateThumbprint, view.NextCertificateThumbprint,
            view.NextCertificateEffectiveDate) == (old, new.Thumbprint, when)
    org.publish_auth_certificate()
    org.clear_previous_auth_certificate()
    view = auth_config_view(org)
    assert (view.CurrentCertificateThumbprint, view.PreviousCertificateThumbprint,
            view.NextCertificateThumbprint) == (new.Thumbprint, "", "")
    with pytest.raises(ExchangeError) as info:
        org.publish_auth_certificate()
    assert info.value.error_id == "AuthConfigNoNextCertificate"
    with pytest.raises(ExchangeError) as info:
        org.stage_auth_certificate("F" * 40, when)
    assert info.value.error_id == "CertificateNotFound"
    assert auth_config_view(org).NextCertificateThumbprint == ""


def test_send_connectors(org):
    org.add_send_connector("Internet")
    assert org.get_send_connector("internet").tls_certificate_name is None
    with pytest.raises(ExchangeError) as info:
        org.get_send_connector("Partner")
    assert info.value.error_id == "ErrorSendConnectorNotFound"
