"""What a user sees when clients connect: Invoke-WebRequest (PowerShell 3.0+, so the
2013+ profiles), Test-PopConnectivity, Test-ImapConnectivity, Test-SmtpConnectivity.

Each performs a REAL TLS handshake over 127.0.0.1 with the certificate the model
says the service presents (``exchange.tls``), and reports the outcome in the words
.NET uses.  No network beyond loopback; every step has a timeout.

Imports the engine, the Exchange model and ``format.views``.
"""
from __future__ import annotations

import time
from typing import Any, List
from urllib.parse import urlsplit

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import SWITCH, IntType, StringType
from ..engine.parameters import Parameter
from ..format.views import TableColumn, TableView, register_table_view
from ..profiles import has_owa_connectivity_test, v3_cmdlets
from .exchange_certificate import SERVER, ExchangeCmdlet, world_of

__all__ = ["InvokeWebRequest", "TestPopConnectivity", "TestImapConnectivity", "TestSmtpConnectivity",
           "WebResponseObject", "ConnectivityResult", "SmtpConnectivityResult", "WEB_ERRORS",
           "TestOwaConnectivity", "TestWebServicesConnectivity", "CasTransactionOutcome",
           "web_test_error"]

#: .NET WebException texts by handshake outcome (HttpWebRequest, .NET Framework 4.x [C]).
WEB_ERRORS = {
    "trust": "The underlying connection was closed: Could not establish trust relationship for "
             "the SSL/TLS secure channel.",
    "name": "The underlying connection was closed: Could not establish trust relationship for "
            "the SSL/TLS secure channel.",
    "date": "The underlying connection was closed: Could not establish trust relationship for "
            "the SSL/TLS secure channel.",
    "no-certificate": "The underlying connection was closed: An unexpected error occurred on a send.",
    "network": "The underlying connection was closed: An unexpected error occurred on a send.",
    "refused": "Unable to connect to the remote server",
    "resolve": "The remote name could not be resolved: '{host}'",
    "forbidden": "The remote server returned an error: (403) Forbidden.",
    "uri": "Invalid URI: The hostname could not be parsed.",
}
#: SslStream's AuthenticationException texts (what the Test-*Connectivity tasks report).
SSL_STREAM_ERRORS = {
    "trust": "The remote certificate is invalid according to the validation procedure.",
    "name": "The remote certificate is invalid according to the validation procedure.",
    "date": "The remote certificate is invalid according to the validation procedure.",
    "no-certificate": "Authentication failed because the remote party has closed the transport stream.",
    "network": "Authentication failed because the remote party has closed the transport stream.",
    # The service is stopped: the port refuses the connection (a SocketException).
    "refused": "No connection could be made because the target machine actively refused it",
}
_SCENARIO = {"pop": "Test POP3 Connectivity", "imap": "Test IMAP4 Connectivity"}


class WebResponseObject:
    """Invoke-WebRequest's result (HtmlWebResponseObject; Basic... with -UseBasicParsing)."""

    PS_TYPE_NAMES = ("Microsoft.PowerShell.Commands.HtmlWebResponseObject",
                     "Microsoft.PowerShell.Commands.WebResponseObject", "System.Object")
    PS_PROPERTIES = ("StatusCode", "StatusDescription", "Content", "RawContent", "Forms", "Headers",
                     "Images", "InputFields", "Links", "ParsedHtml", "RawContentLength")

    def __init__(self, outcome, basic: bool):
        self.StatusCode = outcome.status_code
        self.StatusDescription = "OK" if outcome.status_code == 200 else ""
        self.Content = outcome.body
        self.Headers = ["[%s, %s]" % (k, v) for k, v in outcome.headers]
        raw_head = "HTTP/1.1 %d %s\r\n" % (outcome.status_code, self.StatusDescription)
        raw_head += "".join("%s: %s\r\n" % (k, v) for k, v in outcome.headers)
        self.RawContent = raw_head + "\r\n" + outcome.body
        self.RawContentLength = len(outcome.body.encode("utf-8"))
        self.Images: List[Any] = []
        self.Links: List[Any] = []
        self.InputFields = ["@{name=username; type=text}", "@{name=password; type=password}"]
        self.Forms = ["logonForm"]
        self.ParsedHtml = "mshtml.HTMLDocumentClass"
        if basic:
            self.PS_TYPE_NAMES = ("Microsoft.PowerShell.Commands.BasicHtmlWebResponseObject",
                                  "Microsoft.PowerShell.Commands.WebResponseObject", "System.Object")
            self.PS_PROPERTIES = tuple(p for p in WebResponseObject.PS_PROPERTIES
                                       if p not in ("Forms", "ParsedHtml"))
        #: Which certificate the server presented (not a .NET property; for tests/labs).
        self.thumbprint = outcome.thumbprint

    def __str__(self) -> str:
        return self.Content


class InvokeWebRequest(Cmdlet):
    """Fetch a page from a lab server over HTTPS (a real TLS handshake on loopback)."""

    name = "Invoke-WebRequest"
    aliases = ("iwr", "curl", "wget")
    dotnet_class = "Microsoft.PowerShell.Commands.InvokeWebRequestCommand"
    available = v3_cmdlets                   # PowerShell 3.0+: not in the 2.0 shells
    synopsis = "Requests a web page; shows the certificate trouble a browser would have."
    parameters = (
        Parameter("Uri", StringType("System.Uri"), position=0, mandatory=True),
        Parameter("UseBasicParsing", SWITCH),
        Parameter("Method", StringType("Microsoft.PowerShell.Commands.WebRequestMethod")),
        Parameter("UseDefaultCredentials", SWITCH),
        Parameter("TimeoutSec", IntType()),
    )

    def _fail(self, key: str, **fields: Any) -> None:
        self.write_error(self.error_record(
            WEB_ERRORS[key].format(**fields), "WebCmdletWebResponseException", "InvalidOperation",
            exception_type="System.Net.WebException",
            target_display=("System.Net.HttpWebRequest", "HttpWebRequest")))

    def process(self, p: Any) -> None:
        from ..exchange.tls import connect, resolve_host
        text = str(p.Uri)
        if "://" not in text:
            text = "http://" + text
        try:
            parts = urlsplit(text)
            host = parts.hostname
        except ValueError:            # "https://web]mail/" (was a Python error: fuzzer)
            self.throw_terminating(self.error_record(
                "Cannot bind parameter 'Uri'. Cannot convert value \"%s\" to type \"System.Uri\". "
                "Error: \"Invalid URI: The hostname could not be parsed.\"" % p.Uri,
                "CannotConvertArgumentNoMessage", "InvalidArgument",
                exception_type="System.Management.Automation.ParameterBindingException"))
            return
        if not host:
            self._fail("uri")
            return
        org = world_of(self).organization
        server = resolve_host(org, host)
        if server is None:
            self._fail("resolve", host=host)
            return
        if parts.scheme.casefold() != "https":
            if server.iis_require_ssl:
                self._fail("forbidden")
                return
        outcome = connect(org, server, "https", host, path=parts.path or "/")
        if not outcome.ok:
            self._fail(outcome.reason or "network")
            return
        self.write_object(WebResponseObject(outcome, bool(p.UseBasicParsing)))


class ConnectivityResult:
    """Test-PopConnectivity / Test-ImapConnectivity: one row per server tested."""

    PS_TYPE_NAMES = ("Microsoft.Exchange.Monitoring.PopImapConnectivityOutcome", "System.Object")
    PS_PROPERTIES = ("ClientAccessServer", "Scenario", "Result", "Latency", "Error", "Port",
                     "SecureAccess", "CertificateThumbprint")

    def __init__(self, server, service: str, outcome, latency_ms: float):
        self.ClientAccessServer = server.fqdn
        self.Scenario = _SCENARIO[service]
        self.Result = "Success" if outcome.ok else "Failure"
        self.Latency = "%.2f" % latency_ms if outcome.ok else "-1.00"
        self.Error = "" if outcome.ok else SSL_STREAM_ERRORS.get(outcome.reason or "network", "")
        self.Port = 995 if service == "pop" else 993
        self.SecureAccess = True
        self.CertificateThumbprint = outcome.thumbprint


class _TestProtocol(ExchangeCmdlet, register=False):
    service = "pop"
    parameters = (
        Parameter("ClientAccessServer", SERVER, position=0, from_pipeline=True),
        Parameter("ConnectionType", StringType("Microsoft.Exchange.Monitoring.ProtocolConnectionType")),
        Parameter("TrustAnySSLCertificate", SWITCH),
        Parameter("MailboxCredential", StringType("System.Management.Automation.PSCredential")),
        Parameter("LightMode", SWITCH),
        Parameter("Timeout", IntType()),
    )

    def process(self, p: Any) -> None:
        from ..exchange.errors import ExchangeError
        from ..exchange.tls import connect
        org = self.organization
        try:
            servers = [org.get_server(p.ClientAccessServer)] if p.ClientAccessServer else \
                [s for s in org.servers if s.is_client_access]
        except ExchangeError as e:
            self.report(e)
            return
        for server in servers:
            started = time.perf_counter()
            name = server.pop_x509_name if self.service == "pop" else server.imap_x509_name
            outcome = connect(org, server, self.service, name or server.fqdn)
            if not outcome.ok and p.TrustAnySSLCertificate and outcome.reason in ("trust", "name", "date"):
                outcome.ok, outcome.reason = True, None
            self.write_object(ConnectivityResult(server, self.service, outcome,
                                                 (time.perf_counter() - started) * 1000))


class TestPopConnectivity(_TestProtocol):
    """Connect to POP3 over SSL (995) like a client; shows certificate trouble."""
    name = "Test-PopConnectivity"
    dotnet_class = "Microsoft.Exchange.Monitoring.TestPopConnectivity"
    synopsis = "Tests POP3 over SSL with a real TLS handshake."
    service = "pop"


class TestImapConnectivity(_TestProtocol):
    """Connect to IMAP4 over SSL (993) like a client; shows certificate trouble."""
    name = "Test-ImapConnectivity"
    dotnet_class = "Microsoft.Exchange.Monitoring.TestImapConnectivity"
    synopsis = "Tests IMAP4 over SSL with a real TLS handshake."
    service = "imap"


class SmtpConnectivityResult:
    PS_TYPE_NAMES = ("Microsoft.Exchange.Monitoring.SmtpConnectivityStatus", "System.Object")
    PS_PROPERTIES = ("Server", "ReceiveConnector", "Binding", "EndPoint", "StatusCode", "Details",
                     "CertificateThumbprint")

    def __init__(self, server, connector, binding: str, outcome):
        self.Server = server.name
        self.ReceiveConnector = connector.name
        self.Binding = binding
        self.EndPoint = binding
        self.StatusCode = ("Success" if outcome.ok else "UnableToConnect"
                           if outcome.reason == "refused" else "TlsNegotiationFailed")
        self.Details = "" if outcome.ok else SSL_STREAM_ERRORS.get(outcome.reason or "network", "")
        self.CertificateThumbprint = outcome.thumbprint


class TestSmtpConnectivity(ExchangeCmdlet):
    """Connect to each Receive connector with STARTTLS, as a sending server would."""
    name = "Test-SmtpConnectivity"
    dotnet_class = "Microsoft.Exchange.Monitoring.TestSmtpConnectivity"
    synopsis = "Tests STARTTLS on a server's Receive connectors with a real TLS handshake."
    parameters = (Parameter("Identity", SERVER, position=0, from_pipeline=True),
                  Parameter("DomainController", StringType("Microsoft.Exchange.Data.Fqdn")))

    def process(self, p: Any) -> None:
        from ..exchange.errors import ExchangeError
        from ..exchange.tls import connect
        org = self.organization
        try:
            servers = [org.get_server(p.Identity)] if p.Identity else \
                [s for s in org.servers if s.is_transport]
        except ExchangeError as e:
            self.report(e)
            return
        for server in servers:
            for connector in server.receive_connectors:
                if not connector.enabled:
                    continue
                outcome = connect(org, server, "smtp", connector.fqdn or server.fqdn,
                                  connector=connector)
                self.write_object(SmtpConnectivityResult(server, connector, connector.bindings[0],
                                                         outcome))


register_table_view("Microsoft.Exchange.Monitoring.PopImapConnectivityOutcome", TableView([
    TableColumn("ClientAccessServer", "ClientAccessServer"), TableColumn("Scenario", "Scenario"),
    TableColumn("Result", "Result"), TableColumn("Latency(MS)", "Latency"),
    TableColumn("Error", "Error")]))
register_table_view("Microsoft.Exchange.Monitoring.SmtpConnectivityStatus", TableView([
    TableColumn(n, n) for n in ("Server", "ReceiveConnector", "Binding", "StatusCode", "Details")]))


# ============================================================== the web tests of EMS 2010
# Test-OwaConnectivity (2010 only) and Test-WebServicesConnectivity (2010+): the way EMS
# 2010 has to see the certificate IIS presents.  The handshake is the real one of
# Invoke-WebRequest; the error reads as the tasks write it: the WebException, then the
# AuthenticationException inside it.

#: The Error text of a failed web test: the outer WebException and the inner one [C?].
WEB_TEST_ERROR = "[System.Net.WebException]: {outer} Inner error [{inner_type}]: {inner}"
_INNER = {"refused": "System.Net.Sockets.SocketException"}


def web_test_error(reason: str) -> str:
    """The Error of a web test that failed for ``reason`` (an exchange.tls reason)."""
    return WEB_TEST_ERROR.format(
        outer=WEB_ERRORS.get(reason, WEB_ERRORS["network"]).format(host=""),
        inner_type=_INNER.get(reason, "System.Security.Authentication.AuthenticationException"),
        inner=SSL_STREAM_ERRORS.get(reason, SSL_STREAM_ERRORS["network"]))


def _web_outcome(org: Any, server: Any, host: str, path: str, trust_any: bool) -> Any:
    from ..exchange.tls import connect
    outcome = connect(org, server, "https", host, path=path)
    if not outcome.ok and trust_any and outcome.reason in ("trust", "name", "date"):
        outcome.ok, outcome.reason = True, None
    return outcome


class CasTransactionOutcome:
    """One scenario of a Client Access test (Test-OwaConnectivity,
    Test-WebServicesConnectivity)."""

    PS_TYPE_NAMES = ("Microsoft.Exchange.Monitoring.CasTransactionOutcome", "System.Object")
    PS_PROPERTIES = ("ClientAccessServer", "LocalSite", "MailboxServer", "Scenario",
                     "ScenarioDescription", "Result", "Error", "UserName", "StartTime", "Latency",
                     "SecureAccess", "VirtualDirectoryName", "Url", "UrlType", "Port",
                     "ConnectionType", "CertificateThumbprint")

    def __init__(self, server: Any, url: str, scenario: str, description: str, outcome: Any,
                 latency_ms: float, started: Any, vdir: str):
        from ..exchange.admin import SITE
        self.ClientAccessServer = server.fqdn
        self.LocalSite = SITE.format(domain=server.organization.domain).rsplit("/", 1)[-1]
        self.MailboxServer = server.name
        self.Scenario = scenario
        self.ScenarioDescription = description
        self.Result = "Success" if outcome.ok else "Failure"
        self.Error = "" if outcome.ok else web_test_error(outcome.reason or "network")
        self.UserName = "extest_%s" % server.name.lower()[:8]
        self.StartTime = started
        self.Latency = round(latency_ms, 2) if outcome.ok else -1.0
        self.SecureAccess = True
        self.VirtualDirectoryName = vdir
        self.Url = url
        self.UrlType = "Internal"
        self.Port = 443
        self.ConnectionType = "Ssl"
        #: Which certificate IIS presented (not a .NET property; for tests and labs).
        self.CertificateThumbprint = outcome.thumbprint


class TestOwaConnectivity(ExchangeCmdlet):
    """Log on to Outlook Web App over HTTPS as a client would (Exchange 2010)."""
    name = "Test-OwaConnectivity"
    dotnet_class = "Microsoft.Exchange.Monitoring.TestOwaConnectivity"
    available = has_owa_connectivity_test
    supports_should_process = True
    default_set = "Identity"
    synopsis = "Tests Outlook Web App over HTTPS with a real TLS handshake (Exchange 2010)."
    parameters = (
        Parameter("URL", StringType(), position=0, mandatory=True, sets=("URL",)),
        Parameter("MailboxCredential", StringType("System.Management.Automation.PSCredential"),
                  mandatory=True, sets=("URL",)),
        Parameter("ClientAccessServer", SERVER, position=0, from_pipeline=True, sets=("Identity",)),
        Parameter("MailboxServer", SERVER, sets=("Identity",)),
        Parameter("MonitoringContext", SWITCH, sets=("Identity",)),
        Parameter("RSTEndpoint", StringType(), sets=("Identity",)),
        Parameter("TestType", StringType("Microsoft.Exchange.Monitoring.OwaConnectivityTestType"),
                  sets=("Identity",)),
        Parameter("VirtualDirectoryName", StringType(), sets=("Identity",)),
        Parameter("AllowUnsecureAccess", SWITCH),
        Parameter("DomainController", StringType("Microsoft.Exchange.Data.Fqdn")),
        Parameter("LightMode", SWITCH),
        Parameter("ResetTestAccountCredentials", SWITCH),
        Parameter("Timeout", IntType("System.UInt32")),
        Parameter("TrustAnySSLCertificate", SWITCH),
    )

    def process(self, p: Any) -> None:
        from ..exchange.errors import ExchangeError
        from ..exchange.tls import resolve_host
        org = self.organization
        if p.URL is not None:
            text = str(p.URL) if "://" in str(p.URL) else "https://" + str(p.URL)
            try:
                parts = urlsplit(text)
                parts.hostname
            except ValueError:        # "https://web]mail/owa" (was a Python error: fuzzer)
                self.throw_terminating(self.error_record(
                    "Cannot bind parameter 'URL'. Cannot convert value \"%s\" to type "
                    "\"System.Uri\". Error: \"Invalid URI: The hostname could not be parsed.\""
                    % p.URL, "CannotConvertArgumentNoMessage", "InvalidArgument",
                    exception_type="System.Management.Automation.ParameterBindingException"))
                return
            server = resolve_host(org, parts.hostname or "")
            if server is None:
                # The test reports the failure in its result, as for any other failure.
                from ..exchange.tls import TlsOutcome
                result = CasTransactionOutcome(org.local_server, text, "Logon", "Log on to Outlook Web App",
                                               TlsOutcome(False, "resolve"), 0.0,
                                               self.context.clock.now(), "owa (Default Web Site)")
                result.Error = "[System.Net.WebException]: " + WEB_ERRORS["resolve"].format(
                    host=parts.hostname or "")
                self.write_object(result)
                return
            targets = [(server, parts.hostname, text, parts.path or "/owa")]
        else:
            try:
                servers = [org.get_server(p.ClientAccessServer)] if p.ClientAccessServer else \
                    [s for s in org.servers if s.is_client_access]
            except ExchangeError as e:
                self.report(e)
                return
            targets = [(s, s.fqdn, "https://%s/owa/" % s.fqdn, "/owa/") for s in servers]
        for server, host, url, path in targets:
            if not self.should_process('Testing Outlook Web App at "%s".' % url):
                continue
            started = self.context.clock.now()
            begin = time.perf_counter()
            outcome = _web_outcome(org, server, host, path, bool(p.TrustAnySSLCertificate))
            self.write_object(CasTransactionOutcome(
                server, url, "Logon", "Log on to Outlook Web App", outcome,
                (time.perf_counter() - begin) * 1000, started, "owa (Default Web Site)"))


class WebServicesOutcome(CasTransactionOutcome):
    PS_TYPE_NAMES = ("Microsoft.Exchange.Monitoring.WebServicesConnectivityOutcome",
                     "Microsoft.Exchange.Monitoring.CasTransactionOutcome", "System.Object")
    PS_PROPERTIES = ("Source", "ServiceEndpoint", "Scenario", "Result", "Latency", "Error",
                     "ScenarioDescription", "UserName", "StartTime", "CertificateThumbprint")

    def __init__(self, source: Any, server: Any, *args: Any):
        super().__init__(server, *args)
        self.Source = source.fqdn if source is not None else server.fqdn
        self.ServiceEndpoint = server.fqdn


class TestWebServicesConnectivity(ExchangeCmdlet):
    """Call Autodiscover and Exchange Web Services over HTTPS as a client would."""
    name = "Test-WebServicesConnectivity"
    dotnet_class = "Microsoft.Exchange.Monitoring.TestWebServicesConnectivity"
    supports_should_process = True
    synopsis = "Tests Autodiscover and Exchange Web Services over HTTPS with a real TLS handshake."
    parameters = (
        Parameter("ClientAccessServer", SERVER, position=0, from_pipeline=True),
        Parameter("Identity", StringType("Microsoft.Exchange.Configuration.Tasks.MailboxIdParameter"),
                  available=v3_cmdlets),
        Parameter("AutoDiscoverServer", SERVER, available=v3_cmdlets),
        Parameter("MonitoringContext", SWITCH),
        Parameter("AllowUnsecureAccess", SWITCH, available=has_owa_connectivity_test),
        Parameter("DomainController", StringType("Microsoft.Exchange.Data.Fqdn"),
                  available=has_owa_connectivity_test),
        Parameter("MailboxServer", SERVER, available=has_owa_connectivity_test),
        Parameter("ResetTestAccountCredentials", SWITCH, available=has_owa_connectivity_test),
        Parameter("Timeout", IntType("System.UInt32"), available=has_owa_connectivity_test),
        Parameter("UseAutodiscoverForClientAccessServer", SWITCH, available=has_owa_connectivity_test),
        Parameter("LightMode", SWITCH),
        Parameter("MailboxCredential", StringType("System.Management.Automation.PSCredential")),
        Parameter("TrustAnySSLCertificate", SWITCH),
    )

    def process(self, p: Any) -> None:
        from ..exchange.errors import ExchangeError
        org = self.organization
        try:
            servers = [org.get_server(p.ClientAccessServer)] if p.ClientAccessServer else \
                [s for s in org.servers if s.is_client_access]
        except ExchangeError as e:
            self.report(e)
            return
        ews = ("EWS: ConvertId", "Convert an item id with Exchange Web Services") if p.LightMode \
            else ("EWS: GetFolder", "Get a folder with Exchange Web Services")
        for server in servers:
            if not self.should_process('Testing Exchange Web Services on "%s".' % server.fqdn):
                continue
            steps = (("Autodiscover: SOAP Provider", "Find the EWS address with Autodiscover",
                      "/Autodiscover/Autodiscover.svc", "Autodiscover (Default Web Site)"),
                     ews + ("/EWS/Exchange.asmx", "EWS (Default Web Site)"))
            for scenario, description, path, vdir in steps:
                started = self.context.clock.now()
                begin = time.perf_counter()
                outcome = _web_outcome(org, server, server.fqdn, path, bool(p.TrustAnySSLCertificate))
                self.write_object(WebServicesOutcome(
                    org.local_server, server, "https://%s%s" % (server.fqdn, path), scenario,
                    description, outcome, (time.perf_counter() - begin) * 1000, started, vdir))


register_table_view("Microsoft.Exchange.Monitoring.CasTransactionOutcome", TableView([
    TableColumn("ClientAccessServer", "ClientAccessServer"), TableColumn("MailboxServer", "MailboxServer"),
    TableColumn("URL", "Url"), TableColumn("Scenario", "Scenario"), TableColumn("Result", "Result"),
    TableColumn("Latency(MS)", "Latency"), TableColumn("Error", "Error")]))
register_table_view("Microsoft.Exchange.Monitoring.WebServicesConnectivityOutcome", TableView([
    TableColumn("Source", "Source"), TableColumn("ServiceEndpoint", "ServiceEndpoint"),
    TableColumn("Scenario", "Scenario"), TableColumn("Result", "Result"),
    TableColumn("Latency(MS)", "Latency")]))
