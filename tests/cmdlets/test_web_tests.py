"""Testing the services on 2010 (issue 12 item 7): Test-OwaConnectivity,
Test-WebServicesConnectivity and [System.Net.WebRequest] do the real TLS handshake of
exchange.tls, and show which certificate IIS presents."""
import pytest

from exshell.profiles import has_owa_connectivity_test, versions_where
from exshell.testing import make_shell


def run(shell, host, command):
    host.clear()
    shell.run(command)
    return host.text


def test_test_owa_connectivity_is_2010_only():
    assert versions_where(has_owa_connectivity_test) == ("2010",)
    shell, host = make_shell("2016")
    assert "is not recognized" in run(shell, host, "Test-OwaConnectivity")
    assert "-AllowUnsecureAccess" not in run(shell, host, "Get-Command Test-WebServicesConnectivity -Syntax")
    shell, host = make_shell("2010")
    assert "-AllowUnsecureAccess" in run(shell, host, "Get-Command Test-WebServicesConnectivity -Syntax")


def test_the_presented_certificate_is_the_one_iis_is_bound_to():
    shell, host = make_shell("2010")
    org = shell.organization
    setup = org.local_server.iis_bindings[1]
    out = run(shell, host, "(Test-OwaConnectivity).CertificateThumbprint")
    assert out.strip() == setup
    out = run(shell, host, "$r = [System.Net.WebRequest]::Create('https://EX01.contoso.com/owa'); "
                           "try { $r.GetResponse() } catch { 'refused' }; $r.ServicePoint.Certificate.Thumbprint")
    assert out.split() == ["refused", setup]
    # Renew and enable the new certificate for IIS: the handshake presents it.
    run(shell, host, "$new = Get-ExchangeCertificate %s | New-ExchangeCertificate -Force; "
                     "Enable-ExchangeCertificate $new.Thumbprint -Services IIS" % setup)
    new = org.local_server.iis_bindings[1]
    assert new != setup
    out = run(shell, host, "(Test-OwaConnectivity -TrustAnySSLCertificate).CertificateThumbprint; "
                           "(Test-OwaConnectivity -TrustAnySSLCertificate).Result")
    assert out.split() == [new, "Success"]


def test_a_self_signed_certificate_fails_with_the_two_exceptions():
    shell, host = make_shell("2010")
    out = run(shell, host, "(Test-OwaConnectivity).Error")
    assert out.strip().startswith("[System.Net.WebException]: The underlying connection was closed: "
                                  "Could not establish trust relationship for the SSL/TLS secure channel.")
    assert "Inner error [System.Security.Authentication.AuthenticationException]: The remote " \
           "certificate is invalid according to the validation procedure." in " ".join(out.split())
    out = run(shell, host, "Test-WebServicesConnectivity -LightMode | ForEach-Object { $_.Scenario + '=' + $_.Result }")
    assert out.split("\n")[:2] == ["Autodiscover: SOAP Provider=Failure", "EWS: ConvertId=Failure"]


def test_a_stopped_iis_refuses_the_connection():
    shell, host = make_shell("2010")
    run(shell, host, "Stop-Service W3SVC -Force")
    out = run(shell, host, "(Test-OwaConnectivity).Error")
    assert "System.Net.Sockets.SocketException" in out
    out = run(shell, host, "[System.Net.WebRequest]::Create('https://EX01.contoso.com/owa').GetResponse()")
    assert "Unable to connect to the remote server" in out


@pytest.mark.parametrize("command, text", [
    ("[System.Net.WebRequest]::Create('ftp://x/')", "The URI prefix is not recognized."),
    ("[System.Net.WebRequest]::Create('no uri')", "Invalid URI"),
    ("[System.Net.WebRequest]::Create()", 'Cannot find an overload for "Create"'),
    ("[System.Net.WebRequest]::Create('http://EX01.contoso.com/owa').GetResponse()", "(403) Forbidden"),
    # A host name a URI cannot hold (was an internal error; found by scripts/fuzz_run.py)
    ("[System.Net.WebRequest]::Create('https://web]mail.contoso.com/')",
     'Exception calling "Create" with "1" argument(s): "Invalid URI: The hostname could not be parsed."'),
])
def test_web_request_errors_are_dotnet_errors(command, text):
    for version in ("2010", "2019"):
        shell, host = make_shell(version)
        out = run(shell, host, command)
        assert text in out and "Traceback" not in out


def test_a_response_reads_like_httpwebresponse():
    shell, host = make_shell("2010", organization="orgs/web-2010.toml")
    run(shell, host, "Get-ExchangeCertificate -DomainName mail.contoso.com | Enable-ExchangeCertificate -Services IIS")
    out = run(shell, host, "$r = [System.Net.WebRequest]::Create('https://mail.contoso.com/owa'); "
                           "$x = $r.GetResponse(); $x.StatusCode; $x.Server; $r.Method; $r.ServicePoint.Certificate.Subject")
    assert out.split() == ["OK", "Microsoft-IIS/7.5", "GET", "CN=EX01.contoso.com"]


@pytest.mark.parametrize("version, command, parameter", [
    ("2010", "Test-OwaConnectivity -URL https://web]mail.contoso.com/owa "
             "-MailboxCredential contoso\\\\administrator", "URL"),
    ("2016", "Invoke-WebRequest https://web]mail.contoso.com/", "Uri"),
])
def test_a_url_whose_host_cannot_be_parsed_is_a_binding_error(version, command, parameter):
    """Found by scripts/fuzz_run.py: Python's "Invalid IPv6 URL" was an internal error."""
    shell, host = make_shell(version)
    out = run(shell, host, command)
    assert ("Cannot bind parameter '%s'. Cannot convert value " % parameter) in out
    assert 'to type "System.Uri". Error: "Invalid URI: The hostname could not be parsed."' in out
    assert shell.internal_errors == []
