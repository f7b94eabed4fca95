"""Test dumps in the shape real Exchange exports have (written here, from our own certificates).

* ``cert_obj``: one object of ``Get-ExchangeCertificate | Export-Clixml`` as Exchange
  2013+ writes it through remoting: the four type names, a ToString with CRLF
  escapes, ``Props`` holding only ``RawData``, ``MS`` with PSComputerName,
  RunspaceId, PSShowComputerName and ``SerializationData`` (a BinaryFormatter stream,
  written by :func:`nrbf_certificate`, with the certificate-store element inside).
* ``server_obj``: a Get-ExchangeServer object (ServerRole enum, AdminDisplayVersion
  object with Major/Minor/Build/Revision).
* ``send_obj``: a Send connector whose TlsCertificateName is an object.
* ``document``: the ``<Objs>`` around them; ``write``: UTF-16 LE with a BOM, CRLF.

Certificates are made with cryptography from the lab key pool and fixed dates, so
every run writes the same bytes.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import struct
from typing import List, Optional, Sequence

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from exshell.exchange.keys import PoolKeySource, extra_lab_keys_source

NS = "http://schemas.microsoft.com/powershell/2004/04"
CERT_TYPES = ("Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate",
              "System.Security.Cryptography.X509Certificates.X509Certificate2",
              "System.Security.Cryptography.X509Certificates.X509Certificate", "System.Object")

def key_pool() -> PoolKeySource:
    """A fresh pool: the same keys, in the same order, for every dump made with one.
    The "real" certificates take the lab keys from the END of the pools, so the
    importer's stand-ins (drawn from the start) are other keys, as they would be."""
    from exshell.exchange.keys import load_lab_keys
    extra = extra_lab_keys_source()
    return PoolKeySource([k.pem for k in reversed(extra._pool)] + [k.pem for k in reversed(load_lab_keys())])


def name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def make_cert(subject: str, domains: Sequence[str], not_before: dt.datetime, not_after: dt.datetime,
              *, issuer=None, issuer_key=None, own_key=None, serial: int = 1, ca: bool = False,
              keys: Optional[PoolKeySource] = None):
    own_key = own_key or (keys or key_pool()).new_rsa_key(2048)
    b = (x509.CertificateBuilder().subject_name(name(subject))
         .issuer_name(issuer or name(subject)).public_key(own_key.public_key())
         .serial_number(serial).not_valid_before(not_before).not_valid_after(not_after))
    if domains:
        b = b.add_extension(x509.SubjectAlternativeName([x509.DNSName(d) for d in domains]), False)
    if ca:
        b = b.add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
    else:
        b = b.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False)
    cert = b.sign(issuer_key or own_key, hashes.SHA256())
    return cert, own_key


def der(cert) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def thumbprint(cert) -> str:
    return hashlib.sha1(der(cert)).hexdigest().upper()


def esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "_x000D_").replace("\n", "_x000A_"))


def _fmt(d: dt.datetime) -> str:
    return "%02d/%02d/%04d %02d:%02d:%02d" % (d.month, d.day, d.year, d.hour, d.minute, d.second)


def x509_tostring(cert) -> str:
    from exshell.exchange.names import format_dn
    return ("[Subject]\r\n  %s\r\n\r\n[Issuer]\r\n  %s\r\n\r\n[Serial Number]\r\n  %X\r\n\r\n"
            "[Not Before]\r\n  %s\r\n\r\n[Not After]\r\n  %s\r\n\r\n[Thumbprint]\r\n  %s\r\n"
            % (format_dn(cert.subject), format_dn(cert.issuer), cert.serial_number,
               _fmt(cert.not_valid_before_utc), _fmt(cert.not_valid_after_utc), thumbprint(cert)))


# ------------------------------------------------------------------ MS-NRBF writer

def _lps(text: str) -> bytes:
    raw = text.encode("utf-8")
    n, out = len(raw), bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out) + raw


def _i32(n: int) -> bytes:
    return struct.pack("<i", n)


_NS_TASKS = "Microsoft.Exchange.Management.SystemConfigurationTasks."


def _enum_record(ident: int, type_name: str, value: int) -> bytes:
    return (b"\x05" + _i32(ident) + _lps(_NS_TASKS + type_name) + _i32(1) + _lps("value__")
            + b"\x00" + b"\x08" + _i32(2) + _i32(value))


def store_element(cert, friendly: Optional[str], has_key: bool) -> bytes:
    """A serialized certificate-store element: (property id, 1, length, value)..."""
    def prop(pid: int, value: bytes) -> bytes:
        return struct.pack("<III", pid, 1, len(value)) + value
    out = b""
    if has_key:
        out += prop(2, b"\x1c\x00\x00\x00" + b"\x00" * 24 + "stand-in-container".encode("utf-16-le"))
    out += prop(3, hashlib.sha1(der(cert)).digest())
    if friendly:
        out += prop(11, (friendly + "\x00").encode("utf-16-le"))
    out += prop(32, der(cert))
    return out


def nrbf_certificate(cert, *, identity: str, services: int, status: int = 1, root_type: int = 3,
                     exportable: bool = False, friendly: Optional[str] = None,
                     has_key: bool = True, iis: Sequence[str] = ()) -> bytes:
    """An ExchangeCertificate as BinaryFormatter writes it (the members Exchange
    serializes, in their order)."""
    members = ["CertData", "SelfSigned", "Status", "RootCAType", "Services", "IISServices",
               "PrivateKeyExportable", "Identity"]
    out = b"\x00" + _i32(1) + _i32(-1) + _i32(1) + _i32(0)
    out += b"\x0c" + _i32(2) + _lps("Microsoft.Exchange.Management, Version=15.0.0.0")
    out += b"\x05" + _i32(1) + _lps(_NS_TASKS + "ExchangeCertificate") + _i32(len(members))
    out += b"".join(_lps(m) for m in members)
    out += bytes([7, 0, 4, 4, 4, 3, 0, 1])
    out += b"\x02"                                                  # CertData: byte[]
    out += b"\x01"                                                  # SelfSigned: Boolean
    for t in ("CertificateStatus", "CertificateAuthorityType", "AllowedServices"):
        out += _lps(_NS_TASKS + t) + _i32(2)
    out += _lps("System.Collections.Generic.List`1[[IisService]]")   # IISServices
    out += b"\x01"                                                  # PrivateKeyExportable
    out += _i32(2)
    out += b"\x09" + _i32(3)                                        # CertData -> 3
    out += b"\x01" if cert.subject == cert.issuer else b"\x00"
    out += _enum_record(-4, "CertificateStatus", status)
    out += _enum_record(-5, "CertificateAuthorityType", root_type)
    out += _enum_record(-6, "AllowedServices", services)
    out += b"\x09" + _i32(7)                                        # IISServices -> 7
    out += b"\x01" if exportable else b"\x00"
    out += b"\x06" + _i32(8) + _lps(identity)
    data = store_element(cert, friendly, has_key)
    out += b"\x0f" + _i32(3) + _i32(len(data)) + b"\x02" + data
    out += (b"\x04" + _i32(7) + _lps("System.Collections.Generic.List`1[[IisService]]") + _i32(3)
            + _lps("_items") + _lps("_size") + _lps("_version") + bytes([4, 0, 0])
            + _lps(_NS_TASKS + "IisService[]") + _i32(2) + b"\x08\x08"
            + b"\x09" + _i32(9) + _i32(len(iis)) + _i32(1))
    out += (b"\x07" + _i32(9) + b"\x00" + _i32(1) + _i32(len(iis)) + b"\x04"
            + _lps(_NS_TASKS + "IisService") + _i32(2))
    for i, site in enumerate(iis):
        if i == 0:
            out += (b"\x05" + _i32(10) + _lps(_NS_TASKS + "IisService") + _i32(1)
                    + _lps("serviceName") + b"\x01" + _i32(2))
        else:
            out += b"\x01" + _i32(10 + i * 2) + _i32(10)
        out += b"\x06" + _i32(11 + i * 2) + _lps(site)
    return out + b"\x0b"


# ------------------------------------------------------------------ CliXML objects

class Refs:
    """RefIds and TN RefIds of one document, as PowerShell numbers them."""

    def __init__(self) -> None:
        self.obj = 0
        self.types: dict = {}

    def next(self) -> int:
        self.obj += 1
        return self.obj - 1

    def tn(self, names: Sequence[str], indent: str) -> str:
        key = tuple(names)
        if key in self.types:
            return '%s<TNRef RefId="%d" />' % (indent, self.types[key])
        self.types[key] = len(self.types)
        inner = "".join("\r\n%s  <T>%s</T>" % (indent, n) for n in names)
        return '%s<TN RefId="%d">%s\r\n%s</TN>' % (indent, self.types[key], inner, indent)


def cert_obj(refs: Refs, cert, *, server_fqdn: str, nrbf: Optional[bytes]) -> str:
    lines = ['  <Obj RefId="%d">' % refs.next(), refs.tn(CERT_TYPES, "    "),
             "    <ToString>%s</ToString>" % esc(x509_tostring(cert)),
             "    <Props>",
             '      <BA N="RawData">%s</BA>' % base64.b64encode(der(cert)).decode(),
             "    </Props>", "    <MS>",
             '      <S N="PSComputerName">%s</S>' % server_fqdn.lower(),
             '      <G N="RunspaceId">6f1c2a3b-0d4e-4f50-9a61-7b8c9d0e1f23</G>',
             '      <B N="PSShowComputerName">false</B>']
    if nrbf is not None:
        lines.append('      <BA N="SerializationData">%s</BA>' % base64.b64encode(nrbf).decode())
    lines += ["    </MS>", "  </Obj>"]
    return "\r\n".join(lines)


def server_obj(refs: Refs, name_: str, fqdn: str, roles: str, role_value: int,
               version: Sequence[int]) -> str:
    vtext = "Version %d.%d (Build %d.%d)" % tuple(version)
    return "\r\n".join([
        '  <Obj RefId="%d">' % refs.next(),
        refs.tn(("Microsoft.Exchange.Data.Directory.Management.ExchangeServer",
                 "Microsoft.Exchange.Data.Directory.Management.ADPresentationObject",
                 "Microsoft.Exchange.Data.Directory.ADObject", "System.Object"), "    "),
        "    <ToString>%s</ToString>" % name_.upper(),
        "    <Props>",
        '      <S N="Name">%s</S>' % name_.upper(),
        '      <S N="Fqdn">%s</S>' % fqdn,
        '      <B N="IsEdgeServer">false</B>',
        '      <Obj N="ServerRole" RefId="%d">' % refs.next(),
        refs.tn(("Microsoft.Exchange.Data.Directory.SystemConfiguration.ServerRole", "System.Enum",
                 "System.ValueType", "System.Object"), "        "),
        "        <ToString>%s</ToString>" % roles,
        "        <I32>%d</I32>" % role_value,
        "      </Obj>",
        '      <Obj N="AdminDisplayVersion" RefId="%d">' % refs.next(),
        refs.tn(("Microsoft.Exchange.Data.ServerVersion", "System.Object"), "        "),
        "        <ToString>%s</ToString>" % vtext,
        "        <Props>",
        '          <I32 N="Major">%d</I32>' % version[0],
        '          <I32 N="Minor">%d</I32>' % version[1],
        '          <I32 N="Build">%d</I32>' % version[2],
        '          <I32 N="Revision">%d</I32>' % version[3],
        '          <Nil N="FilePatchLevelDescription" />',
        "        </Props>",
        "      </Obj>",
        "    </Props>",
        "  </Obj>"])


def send_obj(refs: Refs, name_: str, issuer: str, subject: str, sources: Sequence[str], fqdn: str) -> str:
    tls = "<I>%s<S>%s" % (issuer, subject)
    src = "".join("\r\n          <S>%s</S>" % s for s in sources)
    return "\r\n".join([
        '  <Obj RefId="%d">' % refs.next(),
        refs.tn(("Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig",
                 "Microsoft.Exchange.Data.Directory.SystemConfiguration.SendConnector",
                 "System.Object"), "    "),
        "    <ToString>%s</ToString>" % esc(name_),
        "    <Props>",
        '      <S N="Name">%s</S>' % esc(name_),
        '      <Obj N="AddressSpaces" RefId="%d">' % refs.next(),
        refs.tn(("Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.AddressSpace]]",
                 "System.Object"), "        "),
        "        <LST>\r\n          <S>SMTP:*;1</S>\r\n        </LST>",
        "      </Obj>",
        '      <Obj N="SourceTransportServers" RefId="%d">' % refs.next(),
        refs.tn(("Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.Directory.ADObjectId]]",
                 "System.Object"), "        "),
        "        <LST>%s\r\n        </LST>" % src,
        "      </Obj>",
        '      <Obj N="TlsCertificateName" RefId="%d">' % refs.next(),
        refs.tn(("Microsoft.Exchange.Data.SmtpX509Identifier", "System.Object"), "        "),
        "        <ToString>%s</ToString>" % esc(tls),
        "        <Props>",
        '          <S N="CertificateIssuer">%s</S>' % esc(issuer),
        '          <S N="CertificateSubject">%s</S>' % esc(subject),
        "        </Props>",
        "      </Obj>",
        '      <S N="Fqdn">%s</S>' % fqdn,
        '      <B N="Enabled">true</B>',
        '      <B N="RequireTLS">false</B>',
        "    </Props>",
        "  </Obj>"])


def document(objects: List[str]) -> str:
    return '<Objs Version="1.1.0.1" xmlns="%s">\r\n%s\r\n</Objs>' % (NS, "\r\n".join(objects))


def write(path, text: str) -> None:
    with open(path, "wb") as fh:
        fh.write(b"\xff\xfe" + text.encode("utf-16-le"))


# ------------------------------------------------------------------ a two-server organisation

T0 = dt.datetime(2024, 3, 1, 9, 30, 0)


def fabrikam(folder, *, version=(15, 1, 2507, 6)) -> dict:
    """Fabrikam, Exchange 2016: EX01 and EX02 (Mailbox), as a support script dumps it:
    ExchangeServer.xml, one ``Get-ExchangeCertificate -Server X | Export-Clixml`` per
    server (named by PSComputerName only) and the Send connectors.  Returns the
    certificates by role, for the tests."""
    import os
    keys = key_pool()
    ca, ca_key = make_cert("Fabrikam Issuing CA", [], T0 - dt.timedelta(days=400),
                           T0 + dt.timedelta(days=3000), ca=True, serial=0x1000, keys=keys)
    mail, mail_key = make_cert("mail.fabrikam.com", ["mail.fabrikam.com", "autodiscover.fabrikam.com"],
                               T0, dt.datetime(2027, 1, 15, 12, 0, 0), issuer=ca.subject,
                               issuer_key=ca_key, serial=0x61A2B3C4D5E6F7, keys=keys)
    auth, _ = make_cert("Microsoft Exchange Server Auth Certificate", [], T0 - dt.timedelta(days=200),
                        T0 + dt.timedelta(days=1600), serial=0x4ED64026, keys=keys)
    certs = {"ca": ca, "mail": mail, "auth": auth}
    per_server = {}
    for n, (name_, days) in enumerate((("EX01", 1820), ("EX02", 1835))):
        setup, _ = make_cert(name_, [name_, "%s.fabrikam.com" % name_], T0 - dt.timedelta(days=days),
                             dt.datetime(2026, 12, 20, 8, 0, 0) + dt.timedelta(days=n * 10),
                             serial=0x609A1145 + n, keys=keys)
        wmsvc, _ = make_cert("WMSvc-SHA2-%s" % name_, [], T0 - dt.timedelta(days=days + 1),
                             T0 + dt.timedelta(days=3650 - days), serial=0x694E8445 + n, keys=keys)
        certs["setup-" + name_] = setup
        fqdn = "%s.Fabrikam.com" % name_
        entries = [
            (setup, dict(services=1 | 2 | 8 | 16, root_type=3, friendly="Microsoft Exchange",
                         iis=["IIS://%s/W3SVC/2" % name_])),
            (mail, dict(services=8 | 16, root_type=1, friendly="Fabrikam mail 2025",
                        exportable=True, iis=["IIS://%s/W3SVC/1" % name_])),
            (auth, dict(services=16, root_type=0, friendly="Microsoft Exchange Server Auth Certificate",
                        exportable=True)),
            (wmsvc, dict(services=0, root_type=3, friendly="WMSVC-SHA2", exportable=True)),
        ]
        refs = Refs()
        objs = [cert_obj(refs, c, server_fqdn=fqdn,
                         nrbf=nrbf_certificate(c, identity="%s\\%s" % (fqdn, thumbprint(c)), **kw))
                for c, kw in entries]
        per_server[name_] = objs
        write(os.path.join(folder, "certs-%s.xml" % name_.lower()), document(objs))
    refs = Refs()
    write(os.path.join(folder, "ExchangeServer.xml"), document(
        [server_obj(refs, "ex01", "EX01.Fabrikam.com", "Mailbox", 2, version),
         server_obj(refs, "ex02", "EX02.Fabrikam.com", "Mailbox", 2, version)]))
    from exshell.exchange.names import format_dn
    refs = Refs()
    write(os.path.join(folder, "SendConnector.xml"), document(
        [send_obj(refs, "Outbound to Internet", format_dn(ca.subject), format_dn(mail.subject),
                  ["EX01", "EX02"], "mail.fabrikam.com")]))
    return certs
