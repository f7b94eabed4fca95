"""Real TLS handshakes against the emulated servers, in-process over loopback.

A client in the lab (a domain-joined workstation) connects to a server's HTTPS
(IIS), POP3/IMAP4 over SSL, or SMTP with STARTTLS.  We do it for real with Python's
``ssl``: a listening socket on 127.0.0.1 (never any other address) presents the
certificate and key the *model* says that service uses on that server; the client
trusts what a workstation trusts -- enterprise/group-policy roots and public
(third-party) roots, not a server's self-signed certificate -- and checks the name
it asked for (SNI and hostname = the FQDN).  Certificate dates are judged by the
emulated clock (OpenSSL's own time check is switched off, since the lab's "now" is
not the machine's).  Every step has a timeout, so a handshake is bounded in time.

:func:`connect` returns a :class:`TlsOutcome`: ``ok``, the failure ``reason``
(``trust`` / ``name`` / ``date`` / ``no-certificate``), the presented certificate's
thumbprint, and the protocol data exchanged (the HTTP status, the greeting).  The
cmdlets turn reasons into the .NET texts (``cmdlets.connectivity``).

Imports only the standard library and siblings.
"""
from __future__ import annotations

import os
import socket
import ssl
import tempfile
import threading
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

__all__ = ["TlsOutcome", "connect", "presented_entry", "client_trust_roots", "resolve_host",
           "TIMEOUT", "CLIENT_TRUSTED_KINDS"]

#: Seconds any socket operation may take (the whole handshake stays well under it).
TIMEOUT = 5.0
#: Root stores a workstation trusts: its enterprise (AD-published) and group-policy
#: roots, and the public roots Windows ships (ThirdParty).  A server's own
#: self-signed certificate sits in *its* Registry root store only.
CLIENT_TRUSTED_KINDS = ("Enterprise", "GroupPolicy", "ThirdParty")
#: OpenSSL's X509_V_FLAG_NO_CHECK_TIME: dates are checked against the emulated clock.
_NO_CHECK_TIME = 0x200000

#: What the lab's IIS answers for /owa (a logon page, as OWA redirects to).
OWA_PAGE = ("<!DOCTYPE html>\r\n<html><head><title>Outlook</title></head>"
            "<body><form action=\"/owa/auth.owa\" method=\"POST\" name=\"logonForm\">"
            "<input id=\"username\" name=\"username\" type=\"text\">"
            "<input id=\"password\" name=\"password\" type=\"password\">"
            "</form></body></html>\r\n")


@dataclass
class TlsOutcome:
    ok: bool
    reason: Optional[str] = None          # trust | name | date | no-certificate | network | refused
    detail: str = ""
    thumbprint: Optional[str] = None      # what the server presented
    status_code: Optional[int] = None     # HTTP
    headers: List[Tuple[str, str]] = field(default_factory=list)
    body: str = ""
    greeting: str = ""                    # POP/IMAP/SMTP banner
    port: int = 0


def resolve_host(org, host: str):
    """The server a host name reaches: its name, FQDN or one of ``host_names``."""
    folded = host.strip().rstrip(".").casefold()
    for server in org.servers:
        names = [server.name, server.fqdn] + list(getattr(server, "host_names", ()))
        if folded in (n.casefold() for n in names):
            return server
    return None


def presented_entry(server, service: str, connector=None):
    """The store entry (certificate + key) ``service`` presents on ``server``:
    ``https`` the Default Web Site binding; ``pop``/``imap`` the certificate Exchange
    selects for X509CertificateName; ``smtp`` the connector's TlsCertificateName, a
    certificate for the connector's FQDN, or the internal transport certificate."""
    def usable(entry):
        return entry if entry is not None and entry.has_key and not entry.is_pending else None

    if service == "https":
        t = server.iis_bindings.get(1)
        return usable(server.my.get(t)) if t else None
    if service in ("pop", "imap"):
        name = server.pop_x509_name if service == "pop" else server.imap_x509_name
        if not name:
            return None
        for view in server.certificates_for_domains([name]):
            entry = usable(server.my.get(view.Thumbprint))
            if entry is not None:
                return entry
        return None
    if service == "smtp":
        if connector is not None and connector.tls_certificate_name:
            for entry in server.my:
                view = server.view_of(entry.thumbprint)
                wanted = ("<I>%s<S>%s" % (view.Issuer, view.Subject)).casefold()
                if wanted == connector.tls_certificate_name.casefold() and usable(entry):
                    return entry
        if connector is not None and connector.fqdn:
            for view in server.certificates_for_domains([connector.fqdn]):
                entry = usable(server.my.get(view.Thumbprint))
                if entry is not None and entry.network_service_can_read():
                    return entry
        t = server.internal_transport_thumbprint
        return usable(server.my.get(t)) if t else None
    raise ValueError(service)


def client_trust_roots(org) -> List[object]:
    """Root certificates the lab's client trusts (deduplicated, x509 objects)."""
    seen, roots = set(), []
    for server in org.servers:
        for root in server.roots.values():
            if root.kind in CLIENT_TRUSTED_KINDS and root.thumbprint not in seen:
                seen.add(root.thumbprint)
                roots.append(root.cert)
    return roots


def _chain(server, entry) -> List[object]:
    """The leaf and the intermediates the server sends with it."""
    from .issuance import issued_by
    chain = [entry.cert]
    current = entry.cert
    for _ in range(4):
        issuer = next((r.cert for r in server.intermediates.values()
                       if r.cert is not current and issued_by(current, r.cert)), None)
        if issuer is None:
            break
        chain.append(issuer)
        current = issuer
    return chain


def _pem(certs) -> str:
    import base64
    from .issuance import der_bytes
    out = []
    for c in certs:
        b64 = base64.b64encode(der_bytes(c)).decode("ascii")
        out.append("-----BEGIN CERTIFICATE-----\n%s\n-----END CERTIFICATE-----\n"
                   % "\n".join(b64[i:i + 64] for i in range(0, len(b64), 64)))
    return "".join(out)


def _server_context(chain, key) -> ssl.SSLContext:
    from .keys import private_key_pem
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    # load_cert_chain reads files: a private temp folder, removed at once.
    folder = tempfile.mkdtemp(prefix="exshell-tls-")
    try:
        cert_path = os.path.join(folder, "chain.pem")
        key_path = os.path.join(folder, "key.pem")
        with open(cert_path, "w", encoding="ascii") as fh:
            fh.write(_pem(chain))
        fd = os.open(key_path, os.O_WRONLY | os.O_CREAT, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(private_key_pem(key))
        ctx.load_cert_chain(cert_path, key_path)
    finally:
        for name in os.listdir(folder):
            os.remove(os.path.join(folder, name))
        os.rmdir(folder)
    return ctx


def _client_context(roots) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.verify_flags |= _NO_CHECK_TIME
    if roots:
        ctx.load_verify_locations(cadata=_pem(roots))
    return ctx


def _recv_line(sock) -> str:
    data = b""
    while not data.endswith(b"\n") and len(data) < 4096:
        chunk = sock.recv(1)
        if not chunk:
            break
        data += chunk
    return data.decode("latin-1").rstrip("\r\n")


_GREETINGS = {
    "pop": "+OK The Microsoft Exchange POP3 service is ready.",
    "imap": "* OK The Microsoft Exchange IMAP4 service is ready.",
}


def _serve(listener, ctx, service, server_fqdn, errors, web=("10.0", "15.1.2507.6")) -> None:
    """One connection on the server side (runs in a thread)."""
    try:
        conn, _ = listener.accept()
        conn.settimeout(TIMEOUT)
        with conn:
            if service == "smtp":
                conn.sendall(("220 %s Microsoft ESMTP MAIL Service ready\r\n" % server_fqdn).encode())
                _recv_line(conn)                                   # EHLO
                conn.sendall(("250-%s Hello\r\n250-STARTTLS\r\n250 SIZE 37748736\r\n"
                              % server_fqdn).encode())
                _recv_line(conn)                                   # STARTTLS
                conn.sendall(b"220 2.0.0 SMTP server ready\r\n")
            try:
                tls = ctx.wrap_socket(conn, server_side=True)
            except (ssl.SSLError, OSError) as e:
                errors.append(e)
                return
            with tls:
                if service == "https":
                    request = b""
                    while b"\r\n\r\n" not in request and len(request) < 65536:
                        chunk = tls.recv(4096)
                        if not chunk:
                            break
                        request += chunk
                    body = OWA_PAGE.encode("utf-8")
                    tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                                b"Server: Microsoft-IIS/%s\r\nX-OWA-Version: %s\r\n"
                                b"Content-Length: %d\r\nConnection: close\r\n\r\n"
                                % (web[0].encode("ascii"), web[1].encode("ascii"), len(body)) + body)
                elif service in _GREETINGS:
                    tls.sendall((_GREETINGS[service] + "\r\n").encode())
                else:
                    _recv_line(tls)                                # EHLO again
                    tls.sendall(("250 %s Hello\r\n" % server_fqdn).encode())
                    _recv_line(tls)                                # QUIT
                    tls.sendall(b"221 2.0.0 Service closing transmission channel\r\n")
    except (OSError, ssl.SSLError) as e:
        errors.append(e)


def connect(org, server, service: str, hostname: str, *, path: str = "/owa", connector=None) -> TlsOutcome:
    """Handshake with ``service`` of ``server`` asking for ``hostname``."""
    if not server.endpoint_running(service):
        # The Windows service that answers is stopped: nothing listens on the port.
        return TlsOutcome(False, "refused", "no connection could be made: the service is stopped")
    entry = presented_entry(server, service, connector)
    if entry is None:
        return TlsOutcome(False, "no-certificate", "the service has no usable certificate")
    thumbprint = entry.thumbprint
    server_ctx = _server_context(_chain(server, entry), entry.key)
    client_ctx = _client_context(client_trust_roots(org))
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.settimeout(TIMEOUT)
    errors: list = []
    try:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        web = (server.profile.iis_version, server.profile.build)
        worker = threading.Thread(target=_serve, args=(listener, server_ctx, service, server.fqdn, errors,
                                                       web), daemon=True)
        worker.start()
        outcome = TlsOutcome(False, thumbprint=thumbprint, port=port)
        try:
            raw = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        except OSError as e:
            outcome.reason, outcome.detail = "network", str(e)
            return outcome
        with raw:
            if service == "smtp":
                outcome.greeting = _recv_line(raw)
                raw.sendall(b"EHLO client.contoso.com\r\n")
                while True:
                    line = _recv_line(raw)
                    if not line or line[3:4] != "-":
                        break
                raw.sendall(b"STARTTLS\r\n")
                _recv_line(raw)
            try:
                tls = client_ctx.wrap_socket(raw, server_hostname=hostname)
            except ssl.SSLCertVerificationError as e:
                outcome.reason = "name" if getattr(e, "verify_code", 0) == 62 else "trust"
                outcome.detail = getattr(e, "verify_message", "") or str(e)
                return outcome
            except (ssl.SSLError, OSError) as e:
                outcome.reason, outcome.detail = "network", str(e)
                return outcome
            with tls:
                now = org.clock.now()
                cert = entry.cert
                if not (cert.not_valid_before_utc.replace(tzinfo=None) <= now
                        <= cert.not_valid_after_utc.replace(tzinfo=None)):
                    outcome.reason, outcome.detail = "date", "certificate expired or not yet valid"
                    return outcome
                if service == "https":
                    tls.sendall(("GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n"
                                 % (path or "/", hostname)).encode("ascii", "replace"))
                    data = b""
                    while True:
                        chunk = tls.recv(65536)
                        if not chunk:
                            break
                        data += chunk
                    head, _, body = data.partition(b"\r\n\r\n")
                    lines = head.decode("latin-1").split("\r\n")
                    outcome.status_code = int(lines[0].split()[1])
                    outcome.headers = [tuple(l.split(": ", 1)) for l in lines[1:] if ": " in l]
                    outcome.body = body.decode("utf-8", "replace")
                elif service in _GREETINGS:
                    outcome.greeting = _recv_line(tls)
                else:
                    tls.sendall(b"EHLO client.contoso.com\r\n")
                    _recv_line(tls)
                    tls.sendall(b"QUIT\r\n")
                    _recv_line(tls)
                outcome.ok = True
                return outcome
    finally:
        listener.close()
        if "worker" in locals():
            worker.join(TIMEOUT)
