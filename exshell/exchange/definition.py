"""Organisation definition files (TOML): a whole lab in one file.

``load_definition(path)`` / ``build_organization(text)`` turn a file like::

    version = "2016"
    clock = 2026-11-28T10:00:00

    [organization]
    name = "Contoso"
    domain = "contoso.com"

    [[servers]]
    name = "EX01"

    [[certificates]]
    id = "mail"
    server = "EX01"
    issuer = "enterprise"
    domains = ["mail.contoso.com"]
    services = ["IIS", "SMTP"]

    [federation]                 # 2010+: a federation trust that uses certificate "fed"
    certificate = "fed"

into an :class:`~.organization.Organization` (README "Organisation files" documents
every key).  Every mistake raises :class:`~.errors.WorldFileError` naming the file,
the line and the key.  The built-in organisation is ``exshell/data/default-organization.toml``.

Imports only the standard library (``tomllib``, or ``tomli`` before 3.11) and siblings.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from typing import Any, Dict, List, Optional, Tuple

from ..structs import LazyPattern

from .errors import ExchangeError, WorldFileError

__all__ = ["load_definition", "build_organization", "parse_definition", "DEFAULT_DEFINITION",
           "decode_text", "nesting_line", "MAX_FILE_BYTES", "MAX_NESTING",
           "default_definition_text", "KNOWN_KEYS", "default_organization"]

#: Package resource of the built-in organisation.
DEFAULT_DEFINITION = "data/default-organization.toml"

#: Keys each section accepts (anything else is reported, so typos don't pass silently).
KNOWN_KEYS: Dict[str, Tuple[str, ...]] = {
    "": ("version", "clock", "organization", "servers", "authorities", "certificates",
         "send_connectors", "receive_connectors", "auth", "federation"),
    "organization": ("name", "domain", "domain_controller", "accepted_domains"),
    "servers": ("name", "roles", "setup", "setup_certificate_expires",
                "setup_certificate_days_left", "pop_certificate_name", "imap_certificate_name",
                "host_names"),
    "authorities": ("name", "subject", "kind", "trusted_by", "days_left"),
    "certificates": ("id", "server", "servers", "subject", "domains", "issuer", "status",
                     "not_before", "not_after", "days_left", "friendly_name", "exportable",
                     "services", "key_size"),
    "send_connectors": ("name", "address_spaces", "source_servers", "tls_certificate",
                        "tls_certificate_name", "fqdn", "require_tls", "usage", "enabled"),
    "receive_connectors": ("server", "name", "tls_certificate", "tls_certificate_name", "fqdn",
                           "bindings"),
    "auth": ("certificate",),
    "federation": ("trust", "certificate", "next_certificate", "previous_certificate",
                   "account_namespace", "domains", "enabled", "organization_contact",
                   "metadata_url"),
}
#: The largest definition file read (anything bigger is not an organisation).
MAX_FILE_BYTES = 8 * 1024 * 1024
#: Nesting of arrays and inline tables reported as too deep (tomllib itself recurses).
MAX_NESTING = 100
#: Most entries of one array of tables ([[servers]], [[certificates]]...): a file of
#: 100,000 servers would take many minutes to build (a stall, not an organisation).
MAX_ENTRIES = 2000
#: ``days_left`` and the like: at most about a century either way.
MAX_DAYS = 36500
#: The emulated clock's range, and the range of a certificate's dates (X.509 can say
#: 1950 to 9999; the clock stays far enough from the end for lifetimes to fit).
CLOCK_RANGE = (_dt.datetime(1970, 1, 1), _dt.datetime(2999, 12, 31, 23, 59, 59))
DATE_RANGE = (_dt.datetime(1950, 1, 1), _dt.datetime(9998, 12, 31, 23, 59, 59))
#: Longest friendly name (Exchange's own limit).
MAX_FRIENDLY_NAME = 63
#: Longest name of an organisation, a connector or a server's DNS name.
MAX_NAME = 256

#: Lifetime of a definition's certificate when neither dates nor days_left are given.
DEFAULT_LIFETIME = _dt.timedelta(days=730)


def _toml():
    try:
        import tomllib  # Python 3.11+
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        # tomli is the PyPI backport of the standard library's tomllib (pyproject pins
        # it for Python < 3.11 only); imported by name so the model's import rule
        # (stdlib + cryptography) still reads the 3.11+ code path.
        import importlib
        tomllib = importlib.import_module("tomli")
    return tomllib


def default_definition_text() -> str:
    # Read directly from the package (importlib.resources costs more than the file).
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(package, *DEFAULT_DEFINITION.split("/")), encoding="utf-8") as fh:
        return fh.read()


# ----------------------------------------------------------------- locating keys

class _Locator:
    """Finds the line of ``section[index].key`` in the TOML text (for messages)."""

    _HEADER = LazyPattern(r"^\s*\[\[?\s*([A-Za-z0-9_.\-]+)\s*\]\]?\s*(#.*)?$")

    def __init__(self, text: str):
        self.lines = text.split("\n")

    def line(self, section: str = "", index: Optional[int] = None, key: Optional[str] = None) -> Optional[int]:
        start, end = 0, len(self.lines)
        if section:
            seen = -1
            start = None
            for i, line in enumerate(self.lines):
                m = self._HEADER.match(line)
                if m and m.group(1) == section:
                    seen += 1
                    if index is None or seen == index:
                        start = i
                        break
            if start is None:
                return None
            for j in range(start + 1, len(self.lines)):
                if self._HEADER.match(self.lines[j]):
                    end = j
                    break
        else:
            for j, line in enumerate(self.lines):
                if self._HEADER.match(line):
                    end = j
                    break
        if key is None:
            return start + 1
        pattern = re.compile(r"^\s*%s\s*=" % re.escape(key))
        for j in range(start, end):
            if pattern.match(self.lines[j]):
                return j + 1
        return start + 1 if section else None


# ----------------------------------------------------------------- parsing

class _Context:
    def __init__(self, text: str, path: Optional[str]):
        self.text = text
        self.path = path
        self.locator = _Locator(text)

    def error(self, message: str, section: str = "", index: Optional[int] = None,
              key: Optional[str] = None) -> WorldFileError:
        line = self.locator.line(section, index, key)
        label = key if not section else ("%s.%s" % (section, key) if key else section)
        return WorldFileError(message, path=self.path, line=line, key=label)


def parse_definition(text: str, path: Optional[str] = None) -> Tuple[Dict[str, Any], _Context]:
    """The TOML document as a dict (syntax errors become WorldFileError)."""
    ctx = _Context(text, path)
    tomllib = _toml()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        raise WorldFileError("invalid TOML: %s" % e, path=path,
                             line=int(m.group(1)) if m else None) from None
    except RecursionError:
        raise WorldFileError("invalid TOML: arrays or tables nested more than %d deep"
                             % MAX_NESTING, path=path, line=nesting_line(text)) from None
    _check_keys(data, "", None, ctx)
    for section in ("servers", "authorities", "certificates", "send_connectors",
                    "receive_connectors"):
        items = data.get(section, [])
        if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
            raise ctx.error("'%s' must be an array of tables ([[%s]])" % (section, section),
                            key=section)
        if len(items) > MAX_ENTRIES:
            raise ctx.error("more than %d [[%s]] entries" % (MAX_ENTRIES, section),
                            section, MAX_ENTRIES, None)
        for i, item in enumerate(items):
            _check_keys(item, section, i, ctx)
    for section in ("organization", "auth", "federation"):
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise ctx.error("'%s' must be a table ([%s])" % (section, section), key=section)
        _check_keys(table, section, None, ctx)
    return data, ctx


def _check_keys(table: Dict[str, Any], section: str, index: Optional[int], ctx: _Context) -> None:
    allowed = KNOWN_KEYS[section]
    for key in table:
        if key not in allowed:
            raise ctx.error("unknown key '%s' (allowed: %s)" % (key, ", ".join(allowed)),
                            section, index, key)


def _get(table, key, types, ctx, section="", index=None, default=None, required=False):
    if key not in table:
        if required:
            raise ctx.error("missing key '%s'" % key, section, index, None)
        return default
    value = table[key]
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in _tuple(types)):
        names = "/".join(t.__name__.replace("str", "string").replace("datetime", "date-time")
                         for t in _tuple(types))
        raise ctx.error("'%s' must be a %s" % (key, names), section, index, key)
    return value


def _tuple(types) -> tuple:
    return types if isinstance(types, tuple) else (types,)


def _strings(table, key, ctx, section, index, default=None) -> Optional[List[str]]:
    value = _get(table, key, list, ctx, section, index, default=default)
    if value is None:
        return None
    if not all(isinstance(v, str) for v in value):
        raise ctx.error("'%s' must be an array of strings" % key, section, index, key)
    return list(value)


def _datetime(table, key, ctx, section="", index=None) -> Optional[_dt.datetime]:
    value = _get(table, key, (_dt.datetime, _dt.date, str), ctx, section, index)
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = _dt.datetime.fromisoformat(value)
        except ValueError:
            raise ctx.error("'%s' must be a date and time (2026-11-28T10:00:00)" % key,
                            section, index, key) from None
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            try:
                value = value.astimezone(_dt.timezone.utc).replace(tzinfo=None)
            except (OverflowError, ValueError):
                value = _dt.datetime.max
        value = value.replace(microsecond=0)
    else:
        value = _dt.datetime(value.year, value.month, value.day)
    low, high = CLOCK_RANGE if key == "clock" else DATE_RANGE
    if not low <= value <= high:
        raise ctx.error("'%s' must be between %s and %s" % (key, low.date(), high.date()),
                        section, index, key)
    return value


def _days(table, key, ctx, section="", index=None, default=None):
    """A number of days (``days_left``): finite, and at most MAX_DAYS either way."""
    value = _get(table, key, (int, float), ctx, section, index, default=default)
    if value is None:
        return None
    if value != value or value in (float("inf"), float("-inf")) or abs(value) > MAX_DAYS:
        raise ctx.error("'%s' must be a number of days from -%d to %d" % (key, MAX_DAYS, MAX_DAYS),
                        section, index, key)
    return value


def _domain(table, key, ctx, section, index, default=None, *, allow_empty=False):
    """A DNS domain name (``contoso.com``)."""
    from .names import is_valid_domain
    value = _get(table, key, str, ctx, section, index, default=default)
    if value is None or (allow_empty and value == ""):
        return value
    if not value.strip():
        raise ctx.error("'%s' must not be empty" % key, section, index, key)
    if len(value) > 253 or not is_valid_domain(value):
        raise ctx.error("'%s' is not a valid domain name" % _shorten(value), section, index, key)
    return value


def _domains(table, key, ctx, section, index, default=None):
    from .names import is_valid_domain
    values = _strings(table, key, ctx, section, index, default=default)
    for d in values or []:
        if len(d) > 253 or not is_valid_domain(d):
            raise ctx.error("'%s' is not a valid domain name" % _shorten(d), section, index, key)
    return values


def _text(table, key, ctx, section="", index=None, default=None, *, limit=MAX_NAME,
          required=False):
    """A name or other short text: not longer than ``limit``, no control characters."""
    value = _get(table, key, str, ctx, section, index, default=default, required=required)
    if value is None:
        return None
    if len(value) > limit:
        raise ctx.error("'%s' is longer than %d characters" % (key, limit), section, index, key)
    if required and not value.strip():
        raise ctx.error("'%s' must not be empty" % key, section, index, key)
    if any(ord(c) < 32 for c in value):
        raise ctx.error("'%s' must not contain control characters" % key, section, index, key)
    return value


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


def nesting_line(text: str) -> Optional[int]:
    """The line where arrays and inline tables first nest more than MAX_NESTING deep."""
    depth, line, quote = 0, 1, None
    for ch in text:
        if ch == "\n":
            line += 1
        if quote:
            if ch == quote:
                quote = None
            continue
        if ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return line
        elif ch in "]}":
            depth = max(depth - 1, 0)
    return None


def _binding(text: str) -> bool:
    """``0.0.0.0:25``, ``[::]:587``: an IP address and a port, as a connector binds."""
    import ipaddress
    m = re.fullmatch(r"\[([0-9A-Fa-f:.]+)\]:(\d{1,5})|([0-9.]+):(\d{1,5})", text.strip())
    if not m:
        return False
    address, port = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return (ip.version == 6) == bool(m.group(1)) and 1 <= int(port) <= 65535


# ----------------------------------------------------------------- building

def load_definition(path: str, *, version=None, clock=None, key_source=None, serials=None):
    """Read ``path`` and build the organisation (WorldFileError on any problem)."""
    try:
        from .hostfile import read_host_file
        raw = read_host_file(path, MAX_FILE_BYTES)
    except OSError as e:
        raise WorldFileError("cannot read the organisation file: %s" % (e.strerror or e),
                             path=path) from None
    if len(raw) > MAX_FILE_BYTES:
        raise WorldFileError("the organisation file is larger than %d MB: not an organisation"
                             % (MAX_FILE_BYTES >> 20), path=path)
    return build_organization(decode_text(raw, path), path=path, version=version, clock=clock,
                              key_source=key_source, serials=serials)


def decode_text(raw: bytes, path: Optional[str]) -> str:
    """The text of a definition file: UTF-8 (a BOM allowed), or UTF-16 with its BOM (as
    Windows Notepad saves "Unicode"); anything else is not a text file: a WorldFileError
    naming the line of the first byte that cannot be read."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as e:
            line = raw[:e.start].decode("utf-16", "replace").count("\n") + 1
            raise WorldFileError("not a text file: the UTF-16 text cannot be read", path=path,
                                 line=line) from None
    else:
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            line = raw[:e.start].count(b"\n") + 1
            raise WorldFileError("not a text file in UTF-8 (byte 0x%02X cannot be read); save it "
                                 "as UTF-8" % raw[e.start], path=path, line=line) from None
    if "\x00" in text:
        raise WorldFileError("not a text file (it contains NUL characters)", path=path,
                             line=text[:text.index("\x00")].count("\n") + 1)
    return text


def build_organization(text: str, *, path: Optional[str] = None, version=None, clock=None,
                       key_source=None, serials=None):
    """Build an Organization from definition ``text``.  ``version`` overrides the
    file's (the built-in file is used for every version); ``clock`` is the clock to
    use, set to the file's ``clock`` when it has one."""
    try:
        return _build(text, path=path, version=version, clock=clock, key_source=key_source,
                      serials=serials)
    except WorldFileError:
        raise
    except (ArithmeticError, ValueError, TypeError, LookupError, RecursionError):
        # What the checks below did not foresee: still a message, never a traceback
        # (and no Python exception text).
        raise WorldFileError("cannot build the organisation: a value is out of range or "
                             "inconsistent", path=path) from None


def _build(text: str, *, path, version, clock, key_source, serials):
    from .clock import Clock
    from .organization import Organization
    from ..profiles import get_profile

    data, ctx = parse_definition(text, path)
    if version is None:
        version = _get(data, "version", (str, int), ctx, default="2010")
    try:
        profile = get_profile(version)
    except KeyError as e:
        raise ctx.error(str(e.args[0]), key="version") from None
    start = _datetime(data, "clock", ctx)
    if clock is None:
        clock = Clock()
    if start is not None:
        clock.set(start)

    org_table = data.get("organization", {})
    S = "organization"
    domain = _domain(org_table, "domain", ctx, S, None, default="contoso.com")
    dc_name = _text(org_table, "domain_controller", ctx, S, default="DC01", limit=15)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]*", dc_name):
        raise ctx.error("'domain_controller' must be a computer name (letters, digits, hyphens)",
                        S, None, "domain_controller")
    org = Organization(profile, clock=clock, key_source=key_source, serials=serials,
                       domain=domain, name=_text(org_table, "name", ctx, S, default="Contoso", limit=64),
                       dc_name=dc_name)
    extra = _domains(org_table, "accepted_domains", ctx, S, None, default=[]) or []
    from .organization import AcceptedDomain
    for d in extra:
        if d.casefold() != domain.casefold():
            org.accepted_domains.append(AcceptedDomain(d, True, False))

    servers = data.get("servers") or [{"name": "EX01"}]
    roles_known = {"Mailbox", "ClientAccess", "HubTransport", "Edge", "UnifiedMessaging"}
    later: List[Tuple[int, Any, Dict[str, Any]]] = []
    for i, table in enumerate(servers):
        S = "servers"
        name = _text(table, "name", ctx, S, i, required=True, limit=15)
        roles = _strings(table, "roles", ctx, S, i)
        if roles is not None:
            canonical = []
            for r in roles:
                match = [k for k in roles_known if k.casefold() == r.casefold()]
                if not match:
                    raise ctx.error("unknown role '%s' (known: %s)" % (r, ", ".join(sorted(roles_known))),
                                    S, i, "roles")
                canonical.append(match[0])
            roles = canonical
        expires = _datetime(table, "setup_certificate_expires", ctx, S, i)
        days = _days(table, "setup_certificate_days_left", ctx, S, i)
        expiry_key = "setup_certificate_expires" if expires is not None else \
            "setup_certificate_days_left"
        if expires is None and days is not None:
            expires = clock.now().replace(microsecond=0) + _dt.timedelta(days=days)
        setup = _get(table, "setup", bool, ctx, S, i, default=True)
        if any(s.name.casefold() == name.casefold() for s in org.servers):
            raise ctx.error("there is already a server named '%s'" % name, S, i, "name")
        try:
            server = org.add_server(name, roles, setup=setup, expires_at=expires)
        except ExchangeError as e:
            raise ctx.error(e.message, S, i, "name") from None
        except (ValueError, OverflowError):
            # The name was checked above: what is left is the setup certificate's dates.
            raise ctx.error("the setup certificate cannot have these dates", S, i,
                            expiry_key) from None
        # Extra DNS names that reach this server (mail.contoso.com...): the lab's DNS.
        server.host_names = tuple(_domains(table, "host_names", ctx, S, i, default=[]) or [])
        later.append((i, server, table))

    authorities = _build_authorities(data, ctx, org)
    certs = _build_certificates(data, ctx, org, authorities)

    for i, server, table in later:
        for key, attr in (("pop_certificate_name", "pop_x509_name"),
                          ("imap_certificate_name", "imap_x509_name")):
            value = _domain(table, key, ctx, "servers", i, allow_empty=True)
            if value is not None:
                setattr(server, attr, value or None)

    _build_connectors(data, ctx, org, certs)
    auth = data.get("auth", {})
    ref = _get(auth, "certificate", str, ctx, "auth")
    if ref is not None:
        if not profile.has_auth_certificate:
            raise ctx.error("Exchange %s has no Auth configuration" % profile.version, "auth",
                            None, "certificate")
        if ref not in certs:
            raise ctx.error("no certificate with id '%s'" % ref, "auth", None, "certificate")
        org.auth_config.current_thumbprint = certs[ref][0].thumbprint
    _build_federation(data, ctx, org, certs)
    return org


def _build_federation(data, ctx, org, certs) -> None:
    """``[federation]``: a federation trust (2010+) naming certificates of the local
    server by id, and optionally the federated organization identifier.  The trust's
    certificates must be on the local server with their key (as New-FederationTrust
    demands); unlike the cmdlet, a file may name one without a subject key identifier."""
    table = data.get("federation")
    if table is None:
        return
    S = "federation"
    if not org.profile.federation:
        raise ctx.error("Exchange %s has no federation (2010 and later)" % org.profile.version, S)
    from . import federation as fed

    def thumbprint_of(key: str, required: bool = False):
        ref = _get(table, key, str, ctx, S, required=required)
        if ref is None:
            return None
        if ref not in certs:
            raise ctx.error("no certificate with id '%s'" % ref, S, None, key)
        entry = certs[ref][0]
        local = org.local_server
        if entry is None or local is None or entry.thumbprint not in local.my:
            raise ctx.error("certificate '%s' is not on the local server %s"
                            % (ref, local.name if local else ""), S, None, key)
        if not local.my.get(entry.thumbprint).has_key:
            raise ctx.error("certificate '%s' has no private key" % ref, S, None, key)
        return entry.thumbprint

    name = _get(table, "trust", str, ctx, S, default=fed.DEFAULT_TRUST_NAME)
    if not name.strip() or len(name) > 64 or any(c in name for c in "\\/,=+<>#;\"\r\n"):
        raise ctx.error("'%s' is not a valid federation trust name" % name, S, None, "trust")
    current = thumbprint_of("certificate", required=True)
    nxt = thumbprint_of("next_certificate")
    prev = thumbprint_of("previous_certificate")
    url = _get(table, "metadata_url", str, ctx, S)
    if url is not None and not re.match(r"^https?://[^\s]+$", url):
        raise ctx.error("metadata_url must be an http(s) URL", S, None, "metadata_url")
    now = org.clock.now().replace(microsecond=0)
    trust = fed.FederationTrust(name=name.strip(), org_thumbprint=current, next_thumbprint=nxt,
                                prev_thumbprint=prev, metadata_url=url or fed.METADATA_EPR,
                                created=now, changed=now,
                                token_issuer_der=fed.gateway_certificate(org, now),
                                guid=fed.trust_guid(org, name))
    org.federation_trusts.append(trust)
    for t in (current, nxt):
        if t:
            fed.grant_key_access(org, t)
    namespace = _get(table, "account_namespace", str, ctx, S)
    enabled = _get(table, "enabled", bool, ctx, S)
    contact = _get(table, "organization_contact", str, ctx, S)
    if namespace is not None or enabled is not None or contact is not None:
        try:
            fed.set_organization_identifier(
                org, delegation_trust=trust.name, account_namespace=namespace,
                enabled=True if enabled is None else enabled, organization_contact=contact)
        except ExchangeError as e:
            key = "account_namespace" if namespace is not None else "enabled"
            raise ctx.error(e.message, S, None, key) from None
    domains = _get(table, "domains", list, ctx, S, default=[])
    for domain in domains:
        if not isinstance(domain, str):
            raise ctx.error("'domains' must be a list of strings", S, None, "domains")
        try:
            fed.add_federated_domain(org, domain)
        except ExchangeError as e:
            raise ctx.error(e.message, S, None, "domains") from None
    # The Service Host has long since copied the certificates to the other servers.
    fed.distribute_certificates(org)


class _Authority:
    def __init__(self, name: str, cert, key, kind: str):
        self.name, self.cert, self.key, self.kind = name, cert, key, kind


def _build_authorities(data, ctx, org) -> Dict[str, _Authority]:
    from .issuance import issue_ca_root
    from .names import DnSyntaxError, parse_dn
    out: Dict[str, _Authority] = {}
    for i, table in enumerate(data.get("authorities", [])):
        S = "authorities"
        name = _text(table, "name", ctx, S, i, required=True, limit=64)
        if not name.strip():
            raise ctx.error("'name' must not be empty", S, i, "name")
        if name.casefold() in out:
            raise ctx.error("there is already an authority named '%s'" % name, S, i, "name")
        trusted = _strings(table, "trusted_by", ctx, S, i)
        targets = _servers_named(org, trusted, ctx, S, i, "trusted_by")
        if name.casefold() == "enterprise":
            ca = org.certificate_authority
            out["enterprise"] = _Authority("enterprise", ca.cert, ca.key, "Enterprise")
            continue
        subject = _text(table, "subject", ctx, S, i, default="CN=%s" % name, limit=1024)
        try:
            dn = parse_dn(subject)
        except DnSyntaxError:
            raise ctx.error("'%s' is not a distinguished name" % subject, S, i, "subject") from None
        kind = _get(table, "kind", str, ctx, S, i, default="ThirdParty")
        if kind not in ("ThirdParty", "Enterprise", "Registry", "GroupPolicy"):
            raise ctx.error("kind must be ThirdParty, Enterprise, Registry or GroupPolicy", S, i, "kind")
        days = _days(table, "days_left", ctx, S, i, default=3650)
        now = org.clock.now().replace(microsecond=0)
        key = org.setup_key_source.new_rsa_key(2048)
        try:
            cert = issue_ca_root(key=key, subject=dn, serial=org.serials.next(),
                                 not_before=now - _dt.timedelta(days=365),
                                 not_after=now + _dt.timedelta(days=days))
        except (ValueError, OverflowError):
            raise ctx.error("no certificate can have this subject (a name too long?)", S, i,
                            "subject") from None
        for server in targets:
            server.add_trusted_root(cert, kind)
        out[name.casefold()] = _Authority(name, cert, key, kind)
    return out


def _servers_named(org, names, ctx, section, index, key) -> list:
    if names is None or names == ["*"]:
        return list(org.servers)
    found = []
    for n in names:
        try:
            found.append(org.get_server(n))
        except ExchangeError:
            raise ctx.error("no server named '%s'" % n, section, index, key) from None
    return found


def _build_certificates(data, ctx, org, authorities) -> Dict[str, Tuple[Any, Any]]:
    """Returns {id: (StoreEntry, cert)} of the certificates that have an id."""
    from .issuance import issue_from_request, issue_self_signed
    from .names import CommonName, DnSyntaxError, parse_dn, simple_name, is_valid_domain
    from .services import AllowedServices
    from .store import StoreEntry, default_key_acl
    from .texts import DEFAULT_FRIENDLY_NAME
    out: Dict[str, Tuple[Any, Any]] = {}
    now = org.clock.now().replace(microsecond=0)
    for i, table in enumerate(data.get("certificates", [])):
        S = "certificates"
        names = _strings(table, "servers", ctx, S, i)
        one = _get(table, "server", str, ctx, S, i)
        if names is None:
            names = [one] if one else [org.local_server.name if org.local_server else "EX01"]
        targets = _servers_named(org, names, ctx, S, i, "servers" if one is None else "server")
        domains = _strings(table, "domains", ctx, S, i, default=[]) or []
        for d in domains:
            if not is_valid_domain(d):
                raise ctx.error("'%s' is not a valid domain name" % d, S, i, "domains")
        subject_text = _text(table, "subject", ctx, S, i, limit=1024)
        if subject_text is None and not domains:
            raise ctx.error("a certificate needs 'subject' or 'domains'", S, i, None)
        try:
            if subject_text:
                subject = parse_dn(subject_text)
            elif str(table.get("issuer", "self")).casefold() == "self" \
                    and str(table.get("status", "issued")).casefold() != "pending":
                subject = CommonName(domains[0])     # its DER is all a self-signed one needs
            else:
                subject = simple_name(domains[0])
        except DnSyntaxError:
            raise ctx.error("'%s' is not a distinguished name" % subject_text, S, i, "subject") from None
        issuer = _get(table, "issuer", str, ctx, S, i, default="self")
        status = _get(table, "status", str, ctx, S, i, default="issued").casefold()
        if status not in ("issued", "valid", "expired", "pending"):
            raise ctx.error("status must be issued, expired or pending", S, i, "status")
        not_before = _datetime(table, "not_before", ctx, S, i)
        not_after = _datetime(table, "not_after", ctx, S, i)
        days = _days(table, "days_left", ctx, S, i)
        if not_after is None:
            if days is not None:
                not_after = now + _dt.timedelta(days=days)
            elif status == "expired":
                not_after = now - _dt.timedelta(days=30)
            else:
                not_after = now + DEFAULT_LIFETIME
        if not_before is None:
            # Issued DEFAULT_LIFETIME before it expires, but never in the future.
            not_before = min(now, not_after - DEFAULT_LIFETIME)
        if not_before >= not_after:
            raise ctx.error("not_before must be earlier than not_after", S, i, "not_before")
        key_size = _get(table, "key_size", int, ctx, S, i, default=2048)
        if key_size not in (1024, 2048, 3072, 4096):
            raise ctx.error("key_size must be 1024, 2048, 3072 or 4096", S, i, "key_size")
        friendly = _text(table, "friendly_name", ctx, S, i, default=DEFAULT_FRIENDLY_NAME,
                         limit=MAX_FRIENDLY_NAME)
        exportable = _get(table, "exportable", bool, ctx, S, i, default=False)
        services_names = _strings(table, "services", ctx, S, i, default=[]) or []
        try:
            services = AllowedServices.parse(",".join(services_names)) if services_names \
                else AllowedServices.None_
        except Exception:
            raise ctx.error("unknown service in %s" % services_names, S, i, "services") from None

        key = org.setup_key_source.new_rsa_key(key_size)
        request = None
        if status == "pending":
            from .codec import build_request
            try:
                request = build_request(key=key, subject=subject, domains=domains,
                                        hash_name="sha256")
                cert = issue_self_signed(key=key, subject=subject, domains=domains, not_before=now,
                                         not_after=now + _dt.timedelta(days=365),
                                         serial=org.serials.next(), hash_name="sha256")
            except (ValueError, OverflowError):
                raise _unissuable(ctx, S, i, subject_text) from None
        elif issuer.casefold() == "self":
            try:
                cert = issue_self_signed(key=key, subject=subject, domains=domains,
                                         not_before=not_before, not_after=not_after,
                                         serial=org.serials.next(),
                                         hash_name=org.profile.selfsigned_hash)
            except (ValueError, OverflowError):
                raise _unissuable(ctx, S, i, subject_text) from None
        else:
            ca = authorities.get(issuer.casefold())
            if ca is None and issuer.casefold() == "enterprise":
                lab = org.certificate_authority
                ca = authorities["enterprise"] = _Authority("enterprise", lab.cert, lab.key, "Enterprise")
            if ca is None:
                raise ctx.error("unknown issuer '%s' (use \"self\", \"enterprise\" or the name of "
                                "an [[authorities]] entry)" % issuer, S, i, "issuer")
            from .codec import build_request
            try:
                csr = build_request(key=key, subject=subject, domains=domains, hash_name="sha256")
                cert = issue_from_request(request=csr, ca_cert=ca.cert, ca_key=ca.key,
                                          serial=org.serials.next(), not_before=not_before,
                                          not_after=not_after)
            except (ValueError, OverflowError):
                raise _unissuable(ctx, S, i, subject_text) from None
        first_entry = None
        for server in targets:
            entry = StoreEntry(cert, key=key, friendly_name=friendly, exportable=exportable,
                               request=request, access_rules=default_key_acl())
            if request is not None:
                server.requests.add(entry)
            else:
                if entry.thumbprint in server.my:
                    raise ctx.error("this certificate is already on %s" % server.name, S, i, None)
                server.my.add(entry)
                if services != AllowedServices.None_:
                    try:
                        plan = server.plan_enable(entry.thumbprint, services,
                                                  network_service_allowed=False)
                        server.apply_enable(plan, make_default_smtp=True)
                    except ExchangeError as e:
                        raise ctx.error(e.message, S, i, "services") from None
            first_entry = first_entry or entry
        ident = _get(table, "id", str, ctx, S, i)
        if ident is not None:
            if ident in out:
                raise ctx.error("duplicate certificate id '%s'" % ident, S, i, "id")
            out[ident] = (first_entry, cert)
    return out


def _unissuable(ctx, section, index, subject_text) -> WorldFileError:
    return ctx.error("no certificate can be made with this %s (a name too long?)"
                     % ("subject" if subject_text else "first domain"), section, index,
                     "subject" if subject_text else "domains")


def _tls_name_of(table, ctx, section, index, certs) -> Optional[str]:
    ref = _get(table, "tls_certificate", str, ctx, section, index)
    literal = _get(table, "tls_certificate_name", str, ctx, section, index)
    if ref is not None:
        if ref not in certs:
            raise ctx.error("no certificate with id '%s'" % ref, section, index, "tls_certificate")
        from .names import format_dn
        cert = certs[ref][1]
        return "<I>%s<S>%s" % (format_dn(cert.issuer), format_dn(cert.subject))
    if literal is not None and not re.match(r"^<I>.+<S>.+$", literal, re.I | re.S):
        raise ctx.error("tls_certificate_name must look like <I>issuer<S>subject", section, index,
                        "tls_certificate_name")
    return literal


def _build_connectors(data, ctx, org, certs) -> None:
    for i, table in enumerate(data.get("send_connectors", [])):
        S = "send_connectors"
        name = _text(table, "name", ctx, S, i, required=True, limit=64)
        sources = _strings(table, "source_servers", ctx, S, i)
        servers = _servers_named(org, sources, ctx, S, i, "source_servers") if sources else []
        try:
            org.add_send_connector(
                name, _tls_name_of(table, ctx, S, i, certs),
                address_spaces=tuple(_strings(table, "address_spaces", ctx, S, i, default=["*"])),
                source_servers=tuple(s.name for s in servers),
                fqdn=_domain(table, "fqdn", ctx, S, i),
                require_tls=_get(table, "require_tls", bool, ctx, S, i, default=False),
                usage=_get(table, "usage", str, ctx, S, i, default="Custom"),
                enabled=_get(table, "enabled", bool, ctx, S, i, default=True))
        except ExchangeError as e:
            raise ctx.error(e.message, S, i, "name") from None
    for i, table in enumerate(data.get("receive_connectors", [])):
        S = "receive_connectors"
        server_name = _get(table, "server", str, ctx, S, i, required=True)
        name = _text(table, "name", ctx, S, i, required=True, limit=64)
        server = _servers_named(org, [server_name], ctx, S, i, "server")[0]
        from .organization import ReceiveConnector
        found = [c for c in server.receive_connectors if c.name.casefold() == name.casefold()]
        if found:
            connector = found[0]
        else:
            connector = ReceiveConnector(server.name, name, fqdn=server.fqdn)
            server.receive_connectors.append(connector)
        bindings = _strings(table, "bindings", ctx, S, i)
        for binding in bindings or []:
            if not _binding(binding):
                raise ctx.error("'%s' is not a binding (an IP address and a port, such as "
                                "0.0.0.0:25 or [::]:25)" % _shorten(binding), S, i, "bindings")
        if bindings:
            connector.bindings = tuple(bindings)
        fqdn = _domain(table, "fqdn", ctx, S, i)
        if fqdn:
            connector.fqdn = fqdn
        tls = _tls_name_of(table, ctx, S, i, certs)
        if tls is not None:
            connector.tls_certificate_name = tls


def default_organization(version="2010", *, clock=None, key_source=None, serials=None):
    """The built-in lab: Contoso with one server EX01.contoso.com, fresh from setup,
    whose certificate expires 23 days from ``clock.now()``.  Uses the lab key pool
    (no key generation), so it builds in a few milliseconds."""
    return build_organization(default_definition_text(), path="<built-in organisation>",
                              version=version, clock=clock, key_source=key_source, serials=serials)
