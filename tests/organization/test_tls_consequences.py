"""Real TLS handshakes over loopback: what OWA, POP/IMAP and SMTP present, and the
.NET texts when a client would not trust it."""
import datetime as _dt

import pytest

from exshell.exchange.codec import build_request
from exshell.exchange.names import simple_name
from exshell.exchange.tls import client_trust_roots, connect, presented_entry
from exshell.testing import make_shell

from org_paths import THREE

TRUST = ("The underlying connection was closed: Could not establish trust relationship for the "
         "SSL/TLS secure channel.")


@pytest.fixture
def lab():
    return make_shell("2016", width=250, organization=THREE)


def run(shell, host, text):
    host.clear()
    result = shell.run(text)
    assert shell.internal_errors == []
    return result, host.text


def owa(shell, url):
    """(response object or None, console text) of Invoke-WebRequest."""
    out = []
    host = shell.host
    host.clear()
    shell.run("Invoke-WebRequest %s -UseBasicParsing" % url, out=out.append)
    return (out[0] if out else None), host.text


def test_owa_with_enterprise_certificate_succeeds_and_names_matter(lab):
    shell, host = lab
    ex1 = shell.organization.servers[0]
    response, _ = owa(shell, "https://mail.contoso.com/owa")
    assert response is not None and response.StatusCode == 200
    assert response.thumbprint == ex1.iis_bindings[1]
    assert "logonForm" in response.Content
    # same server, a name the certificate does not carry: the trust error
    result, out = run(shell, host, "Invoke-WebRequest https://ex01.contoso.com/owa")
    assert not result.success and TRUST in out
    assert "WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand" in out


@pytest.mark.parametrize("url, words", [
    ("https://ex02.contoso.com/owa", TRUST),                      # self-signed setup certificate
    ("https://nowhere.contoso.com/owa", "The remote name could not be resolved: 'nowhere.contoso.com'"),
    ("http://ex02.contoso.com/owa", "(403) Forbidden"),
])
def test_owa_failures(lab, url, words):
    shell, host = lab
    result, out = run(shell, host, "Invoke-WebRequest -Uri %s" % url)
    assert not result.success and words in out


def test_renewal_on_one_server_changes_only_what_that_server_presents(lab):
    shell, host = lab
    org = shell.organization
    ex1, ex2, ex3 = org.servers
    before = {s.name: presented_entry(s, "https").thumbprint for s in org.servers}
    # a certificate from the enterprise CA for EX02, enabled for IIS with -Server
    key = org.key_source.new_rsa_key(2048)
    csr = build_request(key=key, subject=simple_name("ex02.contoso.com"),
                        domains=["ex02.contoso.com"], hash_name="sha256")
    cert = org.certificate_authority.issue(csr)
    entry = ex2.add_certificate(cert, key, friendly_name="EX02 web")
    _, out = run(shell, host, "Enable-ExchangeCertificate -Server EX02 -Thumbprint %s -Services IIS" % entry.thumbprint)
    after = {s.name: presented_entry(s, "https").thumbprint for s in org.servers}
    assert after["EX02"] == entry.thumbprint != before["EX02"]
    assert after["EX01"] == before["EX01"] and after["EX03"] == before["EX03"]
    response, _ = owa(shell, "https://ex02.contoso.com/owa")
    assert response is not None and response.thumbprint == entry.thumbprint
    response, _ = owa(shell, "https://mail.contoso.com/owa")
    assert response is not None and response.thumbprint == before["EX01"]


def test_self_signed_renewal_of_a_ca_certificate_breaks_trust(lab):
    shell, host = lab
    ex1 = shell.organization.servers[0]
    mail = ex1.iis_bindings[1]
    run(shell, host, "Get-ExchangeCertificate -Server EX01 -Thumbprint %s | New-ExchangeCertificate -Server EX01 "
                     "-Services IIS -Force" % mail)
    assert ex1.iis_bindings[1] != mail
    result, out = run(shell, host, "Invoke-WebRequest https://mail.contoso.com/owa")
    assert not result.success and TRUST in out


def test_dates_follow_the_emulated_clock(lab):
    shell, host = lab
    shell.clock.advance(_dt.timedelta(days=41))      # the mail certificate had 40 days left
    result, out = run(shell, host, "Invoke-WebRequest https://mail.contoso.com/owa")
    assert not result.success and TRUST in out


def test_pop_imap_follow_x509certificatename(lab):
    shell, host = lab
    _, out = run(shell, host, "Test-PopConnectivity -ClientAccessServer EX01 | Format-List Result,Error")
    assert "Result : Failure" in out
    assert "The remote certificate is invalid according to the validation procedure." in out
    run(shell, host, "Set-PopSettings -Server EX01 -X509CertificateName mail.contoso.com")
    _, out = run(shell, host, "Test-PopConnectivity -ClientAccessServer EX01 | Format-List Result")
    assert "Result : Success" in out
    _, out = run(shell, host, "Test-ImapConnectivity -ClientAccessServer EX02 -TrustAnySSLCertificate | Format-List Result")
    assert "Result : Success" in out


def test_smtp_starttls_uses_the_connector_certificate(lab):
    shell, host = lab
    ex1 = shell.organization.servers[0]
    run(shell, host, "$c = Get-ExchangeCertificate -Server EX01 -Thumbprint %s; "
                     "Set-ReceiveConnector 'EX01\\Default Frontend EX01' -Fqdn mail.contoso.com "
                     "-TlsCertificateName \"<I>$($c.Issuer)<S>$($c.Subject)\"" % ex1.iis_bindings[1])
    _, out = run(shell, host, "Test-SmtpConnectivity EX01 | Format-Table ReceiveConnector,StatusCode -AutoSize")
    rows = {l.rsplit(None, 1)[0].strip(): l.split()[-1] for l in out.strip().split("\n")[2:]}
    assert rows["Default Frontend EX01"] == "Success"
    assert rows["Client Frontend EX01"] == "TlsNegotiationFailed"


def test_client_trusts_enterprise_roots_not_server_self_signed(lab):
    shell, _ = lab
    org = shell.organization
    roots = client_trust_roots(org)
    assert org.certificate_authority.cert in roots
    assert all(r.subject != r.issuer or r == org.certificate_authority.cert or
               any(x.kind != "Registry" for s in org.servers for x in s.roots.values() if x.cert == r)
               for r in roots)
    setup = presented_entry(org.servers[1], "https")
    assert setup.cert not in roots
    outcome = connect(org, org.servers[1], "https", "ex02.contoso.com")
    assert not outcome.ok and outcome.reason == "trust"


def test_invoke_webrequest_is_not_in_powershell_2():
    shell, host = make_shell("2010")
    result, out = run(shell, host, "Invoke-WebRequest https://ex01.contoso.com/owa")
    assert not result.success and "is not recognized" in out


def test_only_loopback_is_used(lab, monkeypatch):
    import socket
    shell, _ = lab
    seen = []
    real_bind, real_connect = socket.socket.bind, socket.create_connection

    def bind(self, address):
        seen.append(("bind", address[0]))
        return real_bind(self, address)

    def create_connection(address, *args, **kwargs):
        seen.append(("connect", address[0]))
        return real_connect(address, *args, **kwargs)
    monkeypatch.setattr(socket.socket, "bind", bind)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    owa(shell, "https://mail.contoso.com/owa")
    run(shell, shell.host, "Test-SmtpConnectivity EX02")
    assert seen and {addr for _, addr in seen} == {"127.0.0.1"}
