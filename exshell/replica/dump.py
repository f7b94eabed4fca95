"""Reading an export: CliXML files -> a :class:`Dump` of plain records.

Each file is read whole (BOM decides the encoding) and parsed with
:mod:`exshell.engine.clixml`; each object is recognised by its type names (the
``Deserialized.`` prefix is ignored) or, for the script's own records, by its
``ExshellReplica`` property.  Everything that is not used is listed in the
:class:`Report` with the reason, nothing raises: a file that is not CliXML, a
truncated one, objects of types a replica does not need, certificates without
RawData, a RawData that does not match its Thumbprint, two files that disagree about
one server (the first file, in name order, wins).

Depends on the engine's CliXML reader and value model, and on ``cryptography``.
"""
from __future__ import annotations

import base64
import binascii
import datetime as _dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from ..engine.clixml import ClixmlError, DeserializedObject, deserialize
from ..engine.properties import NOT_FOUND, PSHashtable, PSObject, get_property
from .nrbf import certificate_facts

__all__ = ["Report", "Dump", "CertRecord", "ServerRecord", "read_dump", "MAX_FILE_BYTES",
           "MAX_FILES"]

#: A file larger than this is skipped (a real export is a few megabytes at most).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: At most this many files are read from one folder.
MAX_FILES = 2000

_CERT = "Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate"
_X509 = "System.Security.Cryptography.X509Certificates.X509Certificate2"
_SYSCFG = "Microsoft.Exchange.Data.Directory.SystemConfiguration."
KINDS = (
    ("server", ("Microsoft.Exchange.Data.Directory.Management.ExchangeServer",)),
    ("certificate", (_CERT, _X509)),
    ("send", (_SYSCFG + "SmtpSendConnectorConfig",)),
    ("receive", (_SYSCFG + "ReceiveConnector",)),
    ("pop", (_SYSCFG + "Pop3AdConfiguration",)),
    ("imap", (_SYSCFG + "Imap4AdConfiguration",)),
    ("popimap", (_SYSCFG + "PopImapAdConfiguration",)),
    ("transport", ("Microsoft.Exchange.Data.Directory.Management.TransportServer",
                   _SYSCFG + "TransportService", "Microsoft.Exchange.Data.Directory.Management.TransportService")),
    ("auth", (_SYSCFG + "AuthConfig",)),
    ("accepted", (_SYSCFG + "AcceptedDomain", "Microsoft.Exchange.Data.Directory.Management.AcceptedDomain")),
)
_RECORDS = {"certificatechain": "chain", "iisbinding": "iis", "manifest": "manifest"}


class Report:
    """What an import used, derived and skipped: one line each, grouped."""

    SECTIONS = (("used", "Used"), ("derived", "Derived (not in the dump; as the server would have it)"),
                ("stand_in", "Stand-ins"), ("conflict", "Conflicts"), ("skipped", "Skipped"))

    def __init__(self) -> None:
        self.lines: Dict[str, List[str]] = {k: [] for k, _ in self.SECTIONS}

    def add(self, section: str, text: str) -> None:
        self.lines[section].append(text)

    def render(self) -> str:
        out: List[str] = []
        for key, title in self.SECTIONS:
            if not self.lines[key]:
                continue
            out.append("%s:" % title)
            out.extend("  " + line for line in self.lines[key])
        return "\n".join(out)


@dataclass
class ServerRecord:
    name: str
    fqdn: str
    roles: Tuple[str, ...]
    version: Optional[Tuple[int, int, int, int]]
    version_text: str
    edge: bool
    source: str


@dataclass
class CertRecord:
    server: str
    der: bytes
    cert: Any
    thumbprint: str
    source: str
    has_key: Optional[bool] = None
    exportable: Optional[bool] = None
    friendly_name: Optional[str] = None
    services: Optional[int] = None
    services_from: str = ""
    iis_sites: Optional[List[int]] = None
    status: Optional[str] = None
    root_type: Optional[str] = None
    request: Any = None                  # a pending request's CSR (x509.CertificateSigningRequest)
    server_fqdn: Optional[str] = None    # the server's DNS name, when the dump says it


@dataclass
class Dump:
    servers: Dict[str, ServerRecord] = field(default_factory=dict)        # folded name ->
    certificates: List[CertRecord] = field(default_factory=list)
    chains: Dict[str, List[bytes]] = field(default_factory=dict)          # thumbprint -> DERs
    send: List[Dict[str, Any]] = field(default_factory=list)
    receive: List[Dict[str, Any]] = field(default_factory=list)
    pop: Dict[str, str] = field(default_factory=dict)                     # folded server -> name
    imap: Dict[str, str] = field(default_factory=dict)
    transport: Dict[str, str] = field(default_factory=dict)               # folded server -> thumb
    auth: Optional[Dict[str, Any]] = None
    accepted: List[Tuple[str, bool]] = field(default_factory=list)
    iis: List[Dict[str, Any]] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    local: Optional[str] = None          # the computer the export script ran on


# ------------------------------------------------------------------ values

def type_list(obj: Any) -> List[str]:
    names = getattr(obj, "type_names", None) or []
    return [n[len("Deserialized."):] if n.startswith("Deserialized.") else n for n in names]


def prop(obj: Any, name: str) -> Any:
    if not isinstance(obj, (PSObject, PSHashtable)):
        return None
    value = get_property(obj, name)
    return None if value is NOT_FOUND else value


def text(value: Any) -> str:
    """A value as the text PowerShell would show (a deserialized object: its ToString)."""
    if value is None:
        return ""
    if isinstance(value, DeserializedObject):
        if value.ps_to_string is not None:
            return value.ps_to_string
        if value.base_value is not None:
            return text(value.base_value)
        return ""
    if isinstance(value, list):
        return ", ".join(text(v) for v in value)
    if isinstance(value, (PSObject, PSHashtable)):
        return ""
    return str(value)


def strings(value: Any) -> List[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [text(v) for v in value if text(v)]
    if isinstance(value, DeserializedObject) and isinstance(value.base_value, list):
        return strings(value.base_value)
    t = text(value)
    return [t] if t else []


def boolean(value: Any) -> Optional[bool]:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def enum_int(value: Any) -> Optional[int]:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, DeserializedObject) and isinstance(value.base_value, int):
        return value.base_value
    return None


_SERVICE_BITS = {"none": 0, "imap": 1, "pop": 2, "um": 4, "iis": 8, "smtp": 16, "federation": 32,
                 "umcallrouter": 64}


def services_value(value: Any) -> Optional[int]:
    """A Services value: the enum's number, else its text (``IMAP, POP, IIS, SMTP``)."""
    number = enum_int(value)
    if number is not None:
        return number & 127
    t = text(value).strip()
    if not t:
        return None
    total = 0
    for part in re.split(r"[,\s]+", t):
        if not part:
            continue
        bit = _SERVICE_BITS.get(part.casefold())
        if bit is None:
            return None
        total |= bit
    return total


_VERSION_RE = re.compile(r"Version\s+(\d+)\.(\d+)\s+\(Build\s+(\d+)\.(\d+)\)", re.I)


def version_of(value: Any) -> Optional[Tuple[int, int, int, int]]:
    if isinstance(value, (PSObject,)):
        parts = [prop(value, n) for n in ("Major", "Minor", "Build", "Revision")]
        if all(isinstance(p, int) and not isinstance(p, bool) for p in parts):
            return tuple(parts)  # type: ignore[return-value]
    m = _VERSION_RE.search(text(value))
    return tuple(int(g) for g in m.groups()) if m else None  # type: ignore[return-value]


def _host(name: str) -> str:
    return name.split(".")[0].split("\\")[0].strip()


# ------------------------------------------------------------------ reading

def _decode(data: bytes) -> str:
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                       (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"),
                       (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    return data.decode("utf-8", "replace")


def _files(source: str, report: Report) -> List[str]:
    if os.path.isfile(source):
        return [source]
    if not os.path.isdir(source):
        report.add("skipped", "%s: no such file or folder" % source)
        return []
    names = sorted((n for n in os.listdir(source) if n.lower().endswith(".xml")), key=str.casefold)
    others = sorted(n for n in os.listdir(source) if not n.lower().endswith(".xml")
                    and os.path.isfile(os.path.join(source, n)))
    for n in others:
        report.add("skipped", "%s: not an .xml file" % n)
    if len(names) > MAX_FILES:
        report.add("skipped", "%d files beyond the first %d" % (len(names) - MAX_FILES, MAX_FILES))
        names = names[:MAX_FILES]
    return [os.path.join(source, n) for n in names]


def read_dump(source: str, report: Report) -> Dump:
    """Read every CliXML file of ``source`` (a folder, or one file)."""
    dump = Dump()
    for path in _files(source, report):
        shown = os.path.basename(path)
        try:
            if os.path.islink(path):
                report.add("skipped", "%s: a symbolic link" % shown)
                continue
            size = os.path.getsize(path)
            if size > MAX_FILE_BYTES:
                report.add("skipped", "%s: %d MB, larger than a real export can be" % (shown, size >> 20))
                continue
            with open(path, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as e:
            report.add("skipped", "%s: cannot be read (%s)" % (shown, e.strerror or e))
            continue
        try:
            objects = deserialize(_decode(data))
        except ClixmlError as e:
            report.add("skipped", "%s: not a CliXML export (%s)" % (shown, e))
            continue
        _take(dump, objects, shown, report)
    return dump


def _kind(obj: Any) -> Optional[str]:
    marker = prop(obj, "ExshellReplica")
    if isinstance(marker, str):
        return _RECORDS.get(marker.casefold())
    names = type_list(obj)
    for kind, types in KINDS:
        if any(t in names for t in types):
            return kind
    return None


def _file_server(shown: str) -> Optional[str]:
    m = re.match(r"^[A-Za-z]+-(?P<server>[^.]+)\.xml$", shown)
    return m.group("server") if m else None


def _take(dump: Dump, objects: List[Any], shown: str, report: Report) -> None:
    counts: Dict[str, int] = {}
    unknown: Dict[str, int] = {}
    for obj in objects:
        kind = _kind(obj)
        if kind is None:
            names = type_list(obj)
            label = names[0] if names else type(obj).__name__
            if not isinstance(obj, PSObject):
                label = "a plain value (%s)" % (type(obj).__name__ if obj is not None else "null")
            unknown[label] = unknown.get(label, 0) + 1
            continue
        try:
            done = _HANDLERS[kind](dump, obj, shown, report)
        except (ValueError, TypeError, ArithmeticError, LookupError) as e:
            report.add("skipped", "%s: a %s object could not be read (%s)" % (shown, kind, e))
            continue
        if done:
            counts[kind] = counts.get(kind, 0) + 1
    for label, n in sorted(unknown.items()):
        report.add("skipped", "%s: %d object%s of type %s (not used by a replica)"
                   % (shown, n, "" if n == 1 else "s", label))
    if counts:
        report.add("used", "%s: %s" % (shown, ", ".join(
            "%d %s" % (n, _KIND_WORDS[k] if n == 1 else _KIND_WORDS[k] + "s") for k, n in counts.items())))
    elif not unknown and not objects:
        report.add("skipped", "%s: holds no objects" % shown)


_KIND_WORDS = {"server": "server", "certificate": "certificate", "send": "Send connector",
               "receive": "Receive connector", "pop": "POP setting", "imap": "IMAP setting",
               "popimap": "POP/IMAP setting", "transport": "transport setting",
               "auth": "Auth configuration", "accepted": "accepted domain",
               "chain": "certificate chain", "iis": "IIS binding", "manifest": "manifest"}


def _server(dump: Dump, obj: Any, shown: str, report: Report) -> bool:
    name = text(prop(obj, "Name")) or _host(text(prop(obj, "Fqdn")))
    if not name:
        raise ValueError("it has no Name")
    fqdn = text(prop(obj, "Fqdn")) or name
    roles_text = text(prop(obj, "ServerRole"))
    roles = tuple(r.strip() for r in re.split(r"[,\s]+", roles_text) if r.strip() and r.strip() != "None")
    version = version_of(prop(obj, "AdminDisplayVersion"))
    record = ServerRecord(name=name, fqdn=fqdn, roles=roles, version=version,
                          version_text=text(prop(obj, "AdminDisplayVersion")),
                          edge=boolean(prop(obj, "IsEdgeServer")) is True or "Edge" in roles, source=shown)
    key = name.casefold()
    old = dump.servers.get(key)
    if old is not None:
        if (old.version, old.roles) != (record.version, record.roles):
            report.add("conflict", "%s: %s says %s (%s), %s says %s (%s); %s is kept"
                       % (name, old.source, old.version_text, ", ".join(old.roles), shown,
                          record.version_text, ", ".join(record.roles), old.source))
        return False
    dump.servers[key] = record
    return True


def _certificate(dump: Dump, obj: Any, shown: str, report: Report) -> bool:
    from cryptography import x509
    raw = prop(obj, "RawData")
    thumb_said = text(prop(obj, "Thumbprint")).replace(" ", "").upper()
    label = thumb_said or "a certificate"
    if not isinstance(raw, (bytes, bytearray)) or not raw:
        report.add("skipped", "%s: %s has no RawData (export it with Export-Clixml, not Format-List "
                   "or Export-Csv)" % (shown, label))
        return False
    try:
        cert = x509.load_der_x509_certificate(bytes(raw))
    except ValueError:
        report.add("skipped", "%s: the RawData of %s is not a DER certificate" % (shown, label))
        return False
    thumb = hashlib.sha1(bytes(raw)).hexdigest().upper()
    if thumb_said and thumb_said != thumb:
        report.add("skipped", "%s: RawData hashes to %s, not to its Thumbprint %s" % (shown, thumb, thumb_said))
        return False
    identity = text(prop(obj, "Identity"))
    server = ""
    facts = certificate_facts(prop(obj, "SerializationData"), bytes(raw))
    named = ""
    if "\\" in identity:
        named = identity.split("\\")[0]
    elif facts.get("identity") and "\\" in facts["identity"]:
        named = facts["identity"].split("\\")[0]
    named = named or text(prop(obj, "PSComputerName")).strip()
    server = _host(named) or (_file_server(shown) or "")
    record = CertRecord(server=server, der=bytes(raw), cert=cert, thumbprint=thumb, source=shown,
                        server_fqdn=named if "." in named else None)
    record.has_key = boolean(prop(obj, "HasPrivateKey"))
    if record.has_key is None:
        record.has_key = facts.get("has_key")
    record.exportable = boolean(prop(obj, "PrivateKeyExportable"))
    if record.exportable is None:
        record.exportable = facts.get("exportable")
    friendly = prop(obj, "FriendlyName")
    record.friendly_name = text(friendly) if friendly is not None else facts.get("friendly_name")
    services = prop(obj, "Services")
    if services is not None and services_value(services) is not None:
        record.services, record.services_from = services_value(services), "Services"
    elif facts.get("services") is not None:
        record.services, record.services_from = facts["services"], "SerializationData"
    elif _string_form(text(prop(obj, "ServicesStringForm"))) is not None:
        record.services = _string_form(text(prop(obj, "ServicesStringForm")))
        record.services_from = "ServicesStringForm"
    else:
        record.services = _services_in_tostring(getattr(obj, "ps_to_string", None) or "")
        if record.services is not None:
            record.services_from = "ToString"
    sites = strings(prop(obj, "IisServices")) or facts.get("iis") or []
    parsed_sites = []
    for s in sites:
        m = re.search(r"W3SVC/(\d+)", s, re.I)
        if m:
            parsed_sites.append(int(m.group(1)))
    record.iis_sites = parsed_sites if (sites or prop(obj, "IisServices") is not None) else None
    record.status = text(prop(obj, "Status")) or facts.get("status") or None
    record.root_type = text(prop(obj, "RootCAType")) or None
    if record.status == "PendingRequest":
        request_text = text(prop(obj, "CertificateRequest"))
        body = "".join(l for l in request_text.splitlines() if l and not l.startswith("-----"))
        try:
            record.request = x509.load_der_x509_csr(base64.b64decode(body, validate=True))
        except (ValueError, binascii.Error):
            report.add("skipped", "%s: %s is a pending request whose request text is not in the dump"
                       % (shown, thumb))
            return False
    dump.certificates.append(record)
    return True


def _string_form(value: str) -> Optional[int]:
    """``ServicesStringForm`` (``IP.WS..``): one letter or dot per service, in bit order."""
    if not re.match(r"^[IPUWSFC.]{5,7}$", value or ""):
        return None
    return sum(1 << i for i, ch in enumerate(value) if ch != ".")


def _services_in_tostring(text_value: str) -> Optional[int]:
    """Some tools put ``Services: IIS, SMTP`` (or ``[Services]``) in the ToString."""
    m = re.search(r"\[?Services\]?\s*[:=]?\s*\r?\n?\s*([A-Za-z, ]+)", text_value)
    return services_value(m.group(1).strip()) if m else None


def _connector_tls(obj: Any) -> Optional[str]:
    value = prop(obj, "TlsCertificateName")
    t = text(value).strip()
    if not t and isinstance(value, PSObject):
        issuer, subject = text(prop(value, "CertificateIssuer")), text(prop(value, "CertificateSubject"))
        if issuer and subject:
            t = "<I>%s<S>%s" % (issuer, subject)
    return t or None


def _send(dump: Dump, obj: Any, shown: str, report: Report) -> bool:
    name = text(prop(obj, "Name")) or text(prop(obj, "Identity"))
    if not name:
        raise ValueError("it has no Name")
    if any(c["name"].casefold() == name.casefold() for c in dump.send):
        report.add("conflict", "Send connector %s appears twice; the first (from %s) is kept"
                   % (name, next(c["source"] for c in dump.send if c["name"].casefold() == name.casefold())))
        return False
    spaces = []
    for a in strings(prop(obj, "AddressSpaces")):
        m = re.match(r"^(?:smtp:)?(.+?)(?:;\d+)?$", a, re.I)
        spaces.append(m.group(1) if m else a)
    dump.send.append({"name": name, "tls": _connector_tls(obj), "address_spaces": spaces or ["*"],
                      "source_servers": [_host(s) for s in strings(prop(obj, "SourceTransportServers"))],
                      "fqdn": text(prop(obj, "Fqdn")) or None,
                      "require_tls": boolean(prop(obj, "RequireTLS")) is True,
                      "usage": text(prop(obj, "Usage")) or "Custom",
                      "enabled": boolean(prop(obj, "Enabled")) is not False, "source": shown})
    return True


def _receive(dump: Dump, obj: Any, shown: str, report: Report) -> bool:
    identity = text(prop(obj, "Identity"))
    server = _host(text(prop(obj, "Server"))) or (_host(identity) if "\\" in identity else "")
    name = text(prop(obj, "Name")) or identity.split("\\")[-1]
    if not name or not server:
        raise ValueError("it does not name its server")
    key = (server.casefold(), name.casefold())
    if any((c["server"].casefold(), c["name"].casefold()) == key for c in dump.receive):
        report.add("conflict", "Receive connector %s\\%s appears twice; the first is kept" % (server, name))
        return False
    dump.receive.append({"server": server, "name": name, "bindings": strings(prop(obj, "Bindings")),
                         "tls": _connector_tls(obj), "fqdn": text(prop(obj, "Fqdn")) or None,
                         "enabled": boolean(prop(obj, "Enabled")) is not False, "source": shown})
    return True


def _protocol(which: str):
    def take(dump: Dump, obj: Any, shown: str, report: Report) -> bool:
        kind = which
        if kind == "popimap":   # only the base type: the file name says which protocol
            kind = "pop" if shown.lower().startswith("pop") else "imap" if shown.lower().startswith("imap") else ""
            if not kind:
                raise ValueError("neither its type nor its file name says POP or IMAP")
        identity = text(prop(obj, "Identity"))
        server = _host(text(prop(obj, "Server"))) or (_host(identity) if "\\" in identity else "") \
            or (_file_server(shown) or "")
        if not server:
            raise ValueError("it does not name its server")
        table = dump.pop if kind == "pop" else dump.imap
        name = text(prop(obj, "X509CertificateName"))
        old = table.get(server.casefold())
        if old is not None and old.casefold() != name.casefold():
            report.add("conflict", "%s: two %s X509CertificateName values (%r, %r); the first is kept"
                       % (server, kind.upper(), old, name))
            return False
        table[server.casefold()] = name
        return True
    return take


def _transport(dump: Dump, obj: Any, shown: str, report: Report) -> bool:
    server = _host(text(prop(obj, "Name")) or text(prop(obj, "Identity")))
    if not server:
        raise ValueError("it has no Name")
    thumb = text(prop(obj, "InternalTransportCertificateThumbprint")).upper()
    old = dump.transport.get(server.casefold())
    if old is not None and old != thumb:
        report.add("conflict", "%s: two internal transport certificates (%s, %s); the first is kept"
                   % (server, old, thumb))
        return False
    dump.transport[server.casefold()] = thumb
    return True


def _auth(dump: Dump, obj: Any, shown: str, report: Report) -> bool:
    record = {"current": text(prop(obj, "CurrentCertificateThumbprint")).upper() or None,
              "previous": text(prop(obj, "PreviousCertificateThumbprint")).upper() or None,
              "next": text(prop(obj, "NextCertificateThumbprint")).upper() or None,
              "next_date": prop(obj, "NextCertificateEffectiveDate"), "source": shown}
    if not isinstance(record["next_date"], _dt.datetime):
        record["next_date"] = None
    if dump.auth is not None:
        if dump.auth["current"] != record["current"]:
            report.add("conflict", "two Auth configurations (%s in %s, %s in %s); the first is kept"
                       % (dump.auth["current"], dump.auth["source"], record["current"], shown))
        return False
    dump.auth = record
    return True


def _accepted(dump: Dump, obj: Any, shown: str, report: Report) -> bool:
    domain = text(prop(obj, "DomainName")) or text(prop(obj, "Name"))
    if not domain:
        raise ValueError("it has no DomainName")
    if any(d.casefold() == domain.casefold() for d, _ in dump.accepted):
        return False
    dump.accepted.append((domain, boolean(prop(obj, "Default")) is True))
    return True


def _chain(dump: Dump, obj: Any, shown: str, report: Report) -> bool:
    thumb = text(prop(obj, "Thumbprint")).upper()
    chain = prop(obj, "Chain")
    items = chain if isinstance(chain, list) else []
    ders = [bytes(c) for c in items if isinstance(c, (bytes, bytearray))]
    if not thumb or not ders:
        raise ValueError("it holds no chain")
    dump.chains.setdefault(thumb, ders)
    return True


def _iis(dump: Dump, obj: Any, shown: str, report: Report) -> bool:
    thumb = text(prop(obj, "Thumbprint")).upper()
    server = _host(text(prop(obj, "Server")))
    if not thumb or not server:
        raise ValueError("it names no certificate or server")
    port = prop(obj, "Port")
    dump.iis.append({"server": server, "thumbprint": thumb, "sites": text(prop(obj, "Sites")),
                     "port": port if isinstance(port, int) else 443,
                     "address": text(prop(obj, "IPAddress"))})
    return True


def _manifest(dump: Dump, obj: Any, shown: str, report: Report) -> bool:
    dump.local = _host(text(prop(obj, "Computer"))) or dump.local
    for note in strings(prop(obj, "Notes")):
        dump.notes.append(note)
    return True


_HANDLERS = {"server": _server, "certificate": _certificate, "send": _send, "receive": _receive,
             "pop": _protocol("pop"), "imap": _protocol("imap"), "popimap": _protocol("popimap"),
             "transport": _transport, "auth": _auth, "accepted": _accepted, "chain": _chain,
             "iis": _iis, "manifest": _manifest}
