"""Several servers and the configuration cmdlets, through Shell.run (a 2016
organisation from a definition file, deterministic keys, clock and RequestIds)."""
import datetime as _dt

import pytest

from exshell.exchange.stamps import SeededRequestIds, server_stamp
from exshell.testing import make_shell

from org_paths import THREE


@pytest.fixture
def lab():
    shell, host = make_shell("2016", width=200, organization=THREE)
    return shell, host


def run(shell, host, text, answers=()):
    host.clear()
    host.answers = list(answers)
    result = shell.run(text)
    assert shell.internal_errors == []
    return result, host.text


def snapshot(server):
    return server.state()


def test_get_exchange_server_table_and_unknown_server(lab):
    shell, host = lab
    _, out = run(shell, host, "Get-ExchangeServer")
    lines = out.strip("\n").split("\n")
    assert lines[0].split() == ["Name", "Site", "ServerRole", "Edition", "AdminDisplayVersion"]
    assert [l.split()[0] for l in lines[2:]] == ["EX01", "EX02", "EX03"]
    assert "Version 15.1 (Build 2507.6)" in lines[2]
    result, out = run(shell, host, "Get-ExchangeCertificate -Server EX09")
    assert not result.success
    assert "object 'EX09' couldn't be found on 'DC01.contoso.com'" in out


def test_renew_with_server_changes_only_that_server(lab):
    shell, host = lab
    org = shell.organization
    ex1, ex2, ex3 = org.servers
    before = {s.name: snapshot(s) for s in (ex1, ex2)}
    old = [e.thumbprint for e in ex3.my if e.cert.subject.rfc4514_string() == "CN=EX03"][0]
    run(shell, host, "Get-ExchangeCertificate -Server EX03 -Thumbprint %s | New-ExchangeCertificate -Server EX03 -Force" % old)
    run(shell, host, "Get-ExchangeCertificate -Server EX03 -DomainName EX03.contoso.com | "
                     "Select-Object -First 1 | Enable-ExchangeCertificate -Server EX03 -Services IIS")
    assert {s.name: snapshot(s) for s in (ex1, ex2)} == before
    assert ex3.iis_bindings[1] != old
    assert ex3.internal_transport_thumbprint != old


def test_identity_form_server_backslash_thumbprint(lab):
    shell, host = lab
    ex2 = shell.organization.servers[1]
    t = ex2.iis_bindings[1]
    _, out = run(shell, host, "Get-ExchangeCertificate -Identity EX02\\%s | Format-List Subject" % t)
    assert "CN=EX02" in out


def test_connector_blocks_removal_until_changed(lab):
    shell, host = lab
    ex1 = shell.organization.servers[0]
    mail = [e.thumbprint for e in ex1.my if "mail" in e.cert.subject.rfc4514_string()][0]
    # make it removable otherwise: a new default SMTP certificate first
    run(shell, host, "New-ExchangeCertificate -DomainName smtp.contoso.com -Services SMTP -Force")
    result, out = run(shell, host, "Remove-ExchangeCertificate -Thumbprint %s -Confirm:$false" % mail)
    assert not result.success
    assert "tagged with following Send Connectors : Outbound to Internet" in out
    assert mail in ex1.my
    run(shell, host, "Set-SendConnector 'Outbound to Internet' -TlsCertificateName $null")
    result, out = run(shell, host, "Remove-ExchangeCertificate -Thumbprint %s -Confirm:$false" % mail)
    assert result.success, out
    assert mail not in ex1.my


def test_tls_certificate_name_must_have_issuer_and_subject(lab):
    shell, host = lab
    result, out = run(shell, host, "Set-SendConnector 'Outbound to Internet' -TlsCertificateName CN=x")
    assert not result.success and "<I>issuer distinguished name<S>subject" in out
    assert shell.organization.send_connectors[0].tls_certificate_name.startswith("<I>")


def test_pop_imap_settings_drive_services(lab):
    shell, host = lab
    ex2 = shell.organization.servers[1]
    setup = ex2.iis_bindings[1]
    _, out = run(shell, host, "Set-PopSettings -Server EX02 -X509CertificateName pop.contoso.com")
    assert "WARNING: Changes to POP3 settings will only take effect" in out
    assert ex2.pop_x509_name == "pop.contoso.com"
    assert "POP" not in str(ex2.view_of(setup).Services).split(", ")
    _, out = run(shell, host, "Get-PopSettings -Server EX02 | Format-List X509CertificateName")
    assert "X509CertificateName : pop.contoso.com" in out


def test_transport_cmdlets_per_version():
    shell, host = make_shell("2010", width=200)
    _, out = run(shell, host, "Get-TransportServer | Format-List Name,InternalTransportCertificateThumbprint")
    assert shell.organization.local_server.internal_transport_thumbprint in out
    assert "WARNING" not in out
    result, out = run(shell, host, "Get-TransportService")
    assert not result.success and "is not recognized" in out
    shell, host = make_shell("2016", width=200)
    _, out = run(shell, host, "Get-TransportService | Format-List InternalTransportCertificateThumbprint")
    assert shell.organization.local_server.internal_transport_thumbprint in out
    result, out = run(shell, host, "Get-AuthConfig")
    assert result.success
    _, out = run(shell, host, "Get-TransportServer")
    assert "WARNING: The Get-TransportServer cmdlet will be removed" in out
    shell, host = make_shell("2010")
    result, out = run(shell, host, "Get-AuthConfig")
    assert not result.success and "is not recognized" in out


def test_receive_connectors(lab):
    shell, host = lab
    _, out = run(shell, host, "Get-ReceiveConnector -Server EX02")
    assert "EX02\\Default Frontend EX02" in out and "EX01\\" not in out
    run(shell, host, "Set-ReceiveConnector 'EX02\\Default Frontend EX02' -TlsCertificateName '<I>CN=a<S>CN=b'")
    conn = [c for c in shell.organization.servers[1].receive_connectors if c.name.startswith("Default Frontend")][0]
    assert conn.tls_certificate_name == "<I>CN=a<S>CN=b"


def test_auth_certificate_rotation_shows_in_get_authconfig(lab):
    shell, host = lab
    org = shell.organization
    old = org.auth_config.current_thumbprint
    run(shell, host, "$new = New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true "
                     "-SubjectName 'cn=Microsoft Exchange Server Auth Certificate' "
                     "-FriendlyName 'Microsoft Exchange Server Auth Certificate' -DomainName @() -Services None")
    new = [e.thumbprint for e in org.local_server.my][-1]
    run(shell, host, "Set-AuthConfig -NewCertificateThumbprint $new.Thumbprint "
                     "-NewCertificateEffectiveDate (Get-Date).AddHours(49)")
    _, out = run(shell, host, "Get-AuthConfig | Format-List *Thumbprint,NextCertificateEffectiveDate")
    assert "NextCertificateThumbprint     : %s" % new in out
    assert "NextCertificateEffectiveDate  : 11/30/2026 11:00:00 AM" in out
    assert all(new in s.my for s in org.servers)          # deployed to every server
    shell.clock.advance(_dt.timedelta(hours=50))           # the servicelet publishes it
    _, out = run(shell, host, "Get-AuthConfig | Format-List CurrentCertificateThumbprint,PreviousCertificateThumbprint")
    assert "CurrentCertificateThumbprint  : %s" % new in out
    assert "PreviousCertificateThumbprint : %s" % old in out
    run(shell, host, "Set-AuthConfig -ClearPreviousCertificate")
    assert org.auth_config.previous_thumbprint is None


def test_auth_publish_without_staged_certificate_fails(lab):
    shell, host = lab
    result, out = run(shell, host, "Set-AuthConfig -PublishCertificate")
    assert not result.success and "There is no next certificate" in out


@pytest.mark.parametrize("version, has_stamp, has_position", [
    ("2007", False, True), ("2010", False, False), ("2013", True, False), ("2019", True, False)])
def test_error_style_per_version(version, has_stamp, has_position):
    shell, host = make_shell(version, width=400)
    _, out = run(shell, host, "Get-ExchangeCertificate -Thumbprint 0123456789ABCDEF0123456789ABCDEF01234567")
    assert ("[Server=EX01,RequestId=" in out) == has_stamp
    assert ("PSComputerName        : ex01.contoso.com" in out) == has_stamp
    assert ("At line:1 char:" in out) == has_position


def test_server_stamp_text_and_seeded_ids():
    ids = SeededRequestIds("x")
    a, b = ids.next(), ids.next()
    assert a != b and SeededRequestIds("x").next() == a
    assert len(a) == 36 and a[14] == "4"
    text = server_stamp("EX02", a, _dt.datetime(2025, 1, 4, 17, 10, 19), "InvalidOperationException")
    assert text == ("[Server=EX02,RequestId=%s,TimeStamp=1/4/2025 5:10:19 PM] "
                    "[FailureCategory=Cmdlet-InvalidOperationException]" % a)


def test_stamp_names_the_server_that_ran_the_task(lab):
    shell, host = lab
    _, out = run(shell, host, "Get-ExchangeCertificate -Server EX02 -Thumbprint 00")
    assert "[Server=EX02,RequestId=" in out
    assert "PSComputerName        : ex01.contoso.com" in out


@pytest.mark.parametrize("answer, staged", [("y", True), ("n", False)])
def test_auth_date_under_48_hours_asks_first(lab, answer, staged):
    shell, host = lab
    org = shell.organization
    run(shell, host, "$a = New-ExchangeCertificate -SubjectName 'cn=Microsoft Exchange Server Auth Certificate' "
                     "-DomainName @() -Services None")
    _, out = run(shell, host, "Set-AuthConfig -NewCertificateThumbprint $a.Thumbprint "
                              "-NewCertificateEffectiveDate (Get-Date).AddHours(1)", [answer])
    assert "less than 48 hours away" in out
    assert (org.auth_config.next_thumbprint is not None) == staged


@pytest.mark.parametrize("command", [
    "Get-ExchangeCertificate -Server EX09",
    "Get-ExchangeCertificate -Identity EX09\\0123456789ABCDEF0123456789ABCDEF01234567",
    "New-ExchangeCertificate -Server EX09 -DomainName a.contoso.com -Force",
    "Enable-ExchangeCertificate -Server EX09 -Thumbprint 0123456789ABCDEF0123456789ABCDEF01234567 -Services IIS",
    "Remove-ExchangeCertificate -Server EX09 -Thumbprint 0123456789ABCDEF0123456789ABCDEF01234567 -Confirm:$false",
    "Get-PopSettings -Server EX09",
    "Set-ImapSettings -Server EX09 -X509CertificateName a.contoso.com",
    "Get-ReceiveConnector -Server EX09",
    "Test-PopConnectivity -ClientAccessServer EX09",
])
def test_unknown_server_is_reported_and_changes_nothing(lab, command):
    shell, host = lab
    before = [s.state() for s in shell.organization.servers]
    result, out = run(shell, host, command)
    assert not result.success
    assert "object 'EX09' couldn't be found on 'DC01.contoso.com'" in out
    assert [s.state() for s in shell.organization.servers] == before
