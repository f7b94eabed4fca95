"""``[System.Net.WebRequest]::Create('https://...')`` and ``.GetResponse()``: the .NET way
every PowerShell version has (2.0 included) to ask a web server for a page, and so to
see which certificate IIS presents -- ``$request.ServicePoint.Certificate`` after the
call, also when the certificate was refused.

The request performs the real TLS handshake of :mod:`exshell.exchange.tls` against the
server the host name reaches; a failure throws .NET's WebException text, which
PowerShell wraps as 'Exception calling "GetResponse" with "0" argument(s): ...'.
``[System.Net.ServicePointManager]::ServerCertificateValidationCallback`` is not
emulated (README).

Imports the engine, the Exchange model and the X.509 types of this layer.
"""
from __future__ import annotations

from typing import Any, List, Optional
from urllib.parse import urlsplit

from ..engine.nettypes import NetError, NetType, register
from ..engine.statics import STATICS
from .connectivity import WEB_ERRORS

__all__ = ["HttpWebRequest", "HttpWebResponse", "ServicePoint"]

_NET = "System.Net."
_DEFAULT_TIMEOUT = 100000


class ServicePoint:
    """``System.Net.ServicePoint``: the connection to one server; Certificate is what
    the server presented (null before the first request)."""

    PS_TYPE_NAMES = (_NET + "ServicePoint", "System.Object")
    PS_PROPERTIES = ("BindIPEndPointDelegate", "ConnectionLeaseTimeout", "Address",
                     "MaxIdleTime", "UseNagleAlgorithm", "ReceiveBufferSize", "Expect100Continue",
                     "IdleSince", "ProtocolVersion", "ConnectionName", "ConnectionLimit",
                     "CurrentConnections", "Certificate", "ClientCertificate",
                     "SupportsPipelining")

    def __init__(self, uri: str, now: Any):
        self.BindIPEndPointDelegate = None
        self.ConnectionLeaseTimeout = -1
        self.Address = uri
        self.MaxIdleTime = 100000
        self.UseNagleAlgorithm = True
        self.ReceiveBufferSize = -1
        self.Expect100Continue = True
        self.IdleSince = now
        self.ProtocolVersion = "1.1"
        self.ConnectionName = urlsplit(uri).scheme
        self.ConnectionLimit = 2
        self.CurrentConnections = 0
        self.Certificate: Any = None
        self.ClientCertificate = None
        self.SupportsPipelining = True


class HttpWebResponse:
    """``System.Net.HttpWebResponse`` of a request that succeeded."""

    PS_TYPE_NAMES = (_NET + "HttpWebResponse", _NET + "WebResponse", "System.Object")
    PS_PROPERTIES = ("IsMutuallyAuthenticated", "Cookies", "Headers", "SupportsHeaders",
                     "ContentLength", "ContentEncoding", "ContentType", "CharacterSet", "Server",
                     "LastModified", "StatusCode", "StatusDescription", "ProtocolVersion",
                     "ResponseUri", "Method", "IsFromCache")

    def __init__(self, request: "HttpWebRequest", outcome: Any, now: Any):
        headers = dict(outcome.headers)
        self.IsMutuallyAuthenticated = False
        self.Cookies = []
        self.Headers = ["%s: %s" % kv for kv in outcome.headers]
        self.SupportsHeaders = True
        self.ContentLength = len(outcome.body.encode("utf-8"))
        self.ContentEncoding = ""
        self.ContentType = headers.get("Content-Type", "")
        self.CharacterSet = "utf-8"
        self.Server = headers.get("Server", "")
        self.LastModified = now
        self.StatusCode = "OK" if outcome.status_code == 200 else str(outcome.status_code)
        self.StatusDescription = "OK" if outcome.status_code == 200 else ""
        self.ProtocolVersion = "1.1"
        self.ResponseUri = request.RequestUri
        self.Method = request.Method
        self.IsFromCache = False
        self._body = outcome.body

    def ps_method_GetResponseStream(self) -> Any:
        return _Stream(self._body)

    def ps_method_Close(self) -> None:
        return None

    def ps_method_Dispose(self) -> None:
        return None


class _Stream:
    PS_TYPE_NAMES = ("System.IO.Stream", "System.Object")
    PS_PROPERTIES = ("CanRead", "Length")

    def __init__(self, text: str):
        self.text = text
        self.CanRead = True
        self.Length = len(text.encode("utf-8"))


class HttpWebRequest:
    """``System.Net.HttpWebRequest`` (what WebRequest.Create returns for http(s) URIs)."""

    PS_TYPE_NAMES = (_NET + "HttpWebRequest", _NET + "WebRequest", "System.Object")
    PS_PROPERTIES = ("Method", "RequestUri", "Timeout", "KeepAlive", "AllowAutoRedirect",
                     "UserAgent", "Host", "ServicePoint", "Credentials",
                     "UseDefaultCredentials", "ContentType", "Accept")
    PS_SETTABLE = ("Method", "Timeout", "KeepAlive", "AllowAutoRedirect", "UserAgent",
                   "Credentials", "UseDefaultCredentials", "ContentType", "Accept")

    def __init__(self, context: Any, uri: str):
        self._context = context
        self.RequestUri = uri
        self.Method = "GET"
        self.Timeout = _DEFAULT_TIMEOUT
        self.KeepAlive = True
        self.AllowAutoRedirect = True
        self.UserAgent = None
        self.Host = urlsplit(uri).netloc
        self.ServicePoint = ServicePoint(uri, context.clock.now())
        self.Credentials = None
        self.UseDefaultCredentials = False
        self.ContentType = None
        self.Accept = None

    def __str__(self) -> str:
        return _NET + "HttpWebRequest"

    def ps_method_GetResponse(self) -> HttpWebResponse:
        from ..exchange.tls import connect, resolve_host
        from ..exchange.world import ExchangeWorld
        world = self._context.find(ExchangeWorld)
        parts = urlsplit(self.RequestUri)
        host = parts.hostname or ""
        org = world.organization if world is not None else None
        server = resolve_host(org, host) if org is not None else None
        if server is None:
            raise NetError(_NET + "WebException", WEB_ERRORS["resolve"].format(host=host))
        if parts.scheme.casefold() != "https":
            if server.iis_require_ssl:
                raise NetError(_NET + "WebException", WEB_ERRORS["forbidden"])
        outcome = connect(org, server, "https", host, path=parts.path or "/")
        if outcome.thumbprint:
            self.ServicePoint.Certificate = _certificate(self._context, server, outcome.thumbprint)
        if not outcome.ok:
            raise NetError(_NET + "WebException", WEB_ERRORS.get(outcome.reason or "network",
                                                                  WEB_ERRORS["network"]).format(host=host))
        self.ServicePoint.CurrentConnections = 0
        return HttpWebResponse(self, outcome, self._context.clock.now())

    def ps_method_Abort(self) -> None:
        return None


def _certificate(context: Any, server: Any, thumbprint: str) -> Any:
    """The presented certificate as an X509Certificate2 (public part only)."""
    entry = server.my.get(thumbprint)
    if entry is None:
        return None
    from .x509types import X509Certificate2, env_of, load_certificate_data
    return X509Certificate2(env_of(context), load_certificate_data(entry.der, None))


def _create(context: Any, args: List[Any]) -> HttpWebRequest:
    from ..engine.conversion import to_string
    text = to_string(args[0]).strip()
    try:
        parts = urlsplit(text)
        parts.hostname
    except ValueError:
        raise NetError("System.UriFormatException", "Invalid URI: The hostname could not be parsed.")
    if not parts.scheme or not parts.hostname:
        raise NetError("System.UriFormatException", "Invalid URI: The format of the URI could not be determined.")
    if parts.scheme.casefold() not in ("http", "https"):
        raise NetError("System.NotSupportedException", "The URI prefix is not recognized.")
    return HttpWebRequest(context, text)


def _web_request_static(context: Any, name: str, args: Optional[List[Any]]) -> Any:
    if name.casefold() in ("create", "createhttp") and args is not None:
        if len(args) != 1:
            from ..engine.dotnet import overload_not_found
            raise overload_not_found(name, len(args))
        try:
            return _create(context, args)
        except NetError as e:
            raise _threw("Create", len(args), e)
    if name.casefold() == "defaultwebproxy" and args is None:
        return None
    from ..engine.dotnet import method_not_found
    raise method_not_found(_NET + "WebRequest", name)


def _threw(method: str, count: int, e: NetError) -> Exception:
    from ..engine.dotnet import method_threw
    return method_threw(method, count, e.exception, e.message)


register(NetType(_NET + "WebRequest", instance_of=lambda v: isinstance(v, HttpWebRequest)))
register(NetType(_NET + "HttpWebRequest", base=_NET + "WebRequest",
                 instance_of=lambda v: isinstance(v, HttpWebRequest)))
register(NetType(_NET + "HttpWebResponse", base=_NET + "WebResponse",
                 instance_of=lambda v: isinstance(v, HttpWebResponse)))
register(NetType(_NET + "ServicePoint", instance_of=lambda v: isinstance(v, ServicePoint)))
STATICS.register(_NET + "WebRequest", _web_request_static)
