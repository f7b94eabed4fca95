"""A :class:`~.dump.Dump` -> an exshell Organization (the replica world).

The organisation is built whole in memory and only then handed to the caller (who
saves it): a failure at any point leaves nothing behind.  Decisions, each reported:

* Version: from ``AdminDisplayVersion`` (8 -> 2007, 14 -> 2010, 15.0 -> 2013, 15.1 ->
  2016, 15.2 -> 2019); exshell emulates one version per organisation, so a mixed
  organisation becomes its newest version.  Without any server dump: ``-ExchangeVersion``
  or 2016.
* Certificates are the real ones (RawData): thumbprints, names, dates and issuers are
  theirs.  Where the real certificate has a private key, the replica gets a fresh
  stand-in key (from the lab pool when it can), so HasPrivateKey is True; a stand-in
  key does not match the certificate's public key, and Export-ExchangeCertificate says
  so when it exports one (the PFX is real, its key is not the server's).
* Trust: a chain exported by the script is installed (its root trusted by every
  server, as RootCAType says); a CA certificate the dump does not have is replaced by
  a stand-in root with the issuer's name, so a certificate the dump calls Valid stays
  Valid (exshell checks chains by signature; a stand-in root, marked as one, vouches by
  name for the CA it replaces).
* Configuration the dump states is used (IIS bindings, POP/IMAP certificate names,
  the internal transport certificate, connectors, Auth); what it does not state is
  derived from each certificate's Services the way Enable-ExchangeCertificate would
  set it, or, when nothing says anything, the way setup leaves a server.

Depends on the Exchange model and ``cryptography``.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Dict, List, Optional, Tuple

from ..exchange.organization import AcceptedDomain, Organization, ReceiveConnector
from ..exchange.services import AllowedServices
from ..exchange.store import RootEntry, StoreEntry, default_key_acl
from .dump import CertRecord, Dump, Report

__all__ = ["ReplicaError", "build_organization", "version_tag"]

_ROLES = {"mailbox": "Mailbox", "clientaccess": "ClientAccess", "hubtransport": "HubTransport",
          "edge": "Edge", "edgetransport": "Edge", "unifiedmessaging": "UnifiedMessaging"}
_ROOT_KINDS = ("Registry", "ThirdParty", "Enterprise", "GroupPolicy")
_SITES = {"default web site": 1, "exchange back end": 2}


class ReplicaError(Exception):
    """Nothing usable: no world is built (the report says why)."""


def version_tag(version: Tuple[int, int, int, int]) -> Optional[str]:
    major, minor = version[0], version[1]
    if major == 8:
        return "2007"
    if major == 14:
        return "2010"
    if major == 15:
        return {0: "2013", 1: "2016", 2: "2019"}.get(minor)
    return None


def _services_text(value: int) -> str:
    return str(AllowedServices(value & 127))


def _name_of(cert) -> str:
    from ..exchange.names import format_dn
    return format_dn(cert.subject)


def build_organization(dump: Dump, report: Report, *, version: Optional[str] = None, clock=None,
                       key_source=None, serials=None, local: Optional[str] = None) -> Organization:
    if not dump.servers and not dump.certificates:
        raise ReplicaError("the dump has neither servers nor certificates: no world is built")
    profile = _choose_version(dump, report, version)
    domain = _choose_domain(dump)
    org = Organization(profile, clock=clock, key_source=key_source, serials=serials, domain=domain,
                       name=domain.split(".")[0].capitalize() if domain else "Replica")
    _add_servers(org, dump, report, local)
    entries = _add_certificates(org, dump, report)
    _trust(org, dump, report, entries)
    _configure(org, dump, report, entries)
    _derive(org, report, entries)
    _check_services(org, report, entries)
    return org


# ------------------------------------------------------------------ version, domain, servers

def profile_for_build(tag: str, build: Tuple[int, int, int, int]):
    """(profile row, exact): the row of version ``tag`` with this build, else the
    nearest row at or below it, else the version's earliest row."""
    from ..profiles import PROFILE_ROWS, get_profile
    rows = [r for r in PROFILE_ROWS if r.version == tag]

    def key(row) -> Tuple[int, ...]:
        try:
            return tuple(int(p) for p in row.build.split("."))
        except ValueError:
            return (0,)
    for row in rows:
        if key(row) == tuple(build):
            return row, True
    below = [r for r in rows if key(r) <= tuple(build)]
    if below:
        return max(below, key=key), False
    return (min(rows, key=key) if rows else get_profile(tag)), False


def _choose_version(dump: Dump, report: Report, version: Optional[str]):
    """The profile row of the organisation (a mixed one: its newest version)."""
    from ..profiles import get_profile
    found: Dict[str, List[Tuple[Tuple[int, int, int, int], str]]] = {}
    for record in dump.servers.values():
        if record.version is None:
            report.add("skipped", "%s: AdminDisplayVersion %r not understood" % (record.name, record.version_text))
            continue
        tag = version_tag(record.version)
        if tag is None:
            report.add("skipped", "%s: %s is not an Exchange version exshell emulates"
                       % (record.name, record.version_text))
            continue
        found.setdefault(tag, []).append((record.version, record.name))
    if version is not None:
        if found and version not in found:
            report.add("conflict", "-ExchangeVersion %s overrides the servers' own version (%s)"
                       % (version, ", ".join(sorted(found))))
        return get_profile(version)
    if not found:
        report.add("derived", "Exchange version: 2016 (no server in the dump says; give "
                   "-ExchangeVersion to choose)")
        return get_profile("2016")
    tag = max(found)
    newest = max(b for b, _ in found[tag])
    row, exact = profile_for_build(tag, newest)
    for t, servers in sorted(found.items()):
        report.add("used", "version: " + "; ".join(
            "%s Exchange %s build %s" % (n, t, ".".join(str(p) for p in b)) for b, n in servers))
    if len(found) > 1:
        report.add("conflict", "the organisation mixes %s; exshell emulates one version: %s"
                   % (" and ".join(sorted(found)), tag))
    if exact:
        report.add("used", "profile %s (build %s)" % (row.name, row.build))
    else:
        report.add("derived", "profile %s (build %s): exshell has no row for build %s, this is "
                   "the nearest" % (row.name, row.build, ".".join(str(p) for p in newest)))
    builds = {b for servers in found.values() for b, _ in servers}
    if len(builds) > 1:
        report.add("conflict", "servers run different builds; the replica runs %s on all" % row.name)
    return row


def _choose_domain(dump: Dump) -> str:
    for record in dump.servers.values():
        if "." in record.fqdn:
            return record.fqdn.split(".", 1)[1].lower()
    for domain, default in dump.accepted:
        if default:
            return domain.lower()
    for cert in dump.certificates:
        if cert.server_fqdn:
            return cert.server_fqdn.split(".", 1)[1].lower()
    for cert in dump.certificates:
        from ..exchange.certificate import certificate_domains
        for d in certificate_domains(cert.cert):
            if "." in d and not d.startswith("*"):
                return d.split(".", 1)[1].lower()
    return "contoso.com"


def _add_servers(org: Organization, dump: Dump, report: Report, local: Optional[str]) -> None:
    names = [r.name for r in dump.servers.values()]
    for cert in dump.certificates:
        if cert.server and all(n.casefold() != cert.server.casefold() for n in names):
            # PSComputerName is the lower-case DNS name; Exchange shows NetBIOS names.
            names.append(cert.server.upper())
            report.add("derived", "server %s (only its certificates are in the dump): the "
                       "version's default roles" % cert.server.upper())
    if local:
        names.sort(key=lambda n: n.casefold() != local.casefold())
    for name in names:
        record = dump.servers.get(name.casefold())
        roles = None
        if record is not None and record.roles:
            roles = [_ROLES[r.casefold()] for r in record.roles if r.casefold() in _ROLES]
            unknown = [r for r in record.roles if r.casefold() not in _ROLES]
            if unknown:
                report.add("skipped", "%s: roles %s (not emulated)" % (name, ", ".join(unknown)))
            roles = roles or None
        try:
            server = org.add_server(name, roles, setup=False)
        except Exception as e:  # an invalid name: the model refuses it
            report.add("skipped", "server %r: %s" % (name, getattr(e, "message", e)))
            continue
        if record is not None and "." in record.fqdn and record.fqdn.casefold() != server.fqdn.casefold():
            server.fqdn = record.fqdn
            report.add("conflict", "%s: its FQDN %s is outside the organisation's domain %s "
                       "(kept as the dump says)" % (name, record.fqdn, org.domain))
        for c in server.receive_connectors:
            c.fqdn = server.fqdn
    if dump.accepted:
        org.accepted_domains = [AcceptedDomain(d, True, default) for d, default in dump.accepted]
        if not any(d.default for d in org.accepted_domains):
            org.accepted_domains[0].default = True


def _server_for(org: Organization, cert: CertRecord, report: Report):
    if cert.server:
        for s in org.servers:
            if s.name.casefold() == cert.server.casefold():
                return s
        return None
    if len(org.servers) == 1:
        report.add("derived", "%s (%s): on %s, the only server (the dump does not say where)"
                   % (cert.thumbprint, cert.source, org.servers[0].name))
        return org.servers[0]
    report.add("skipped", "%s (%s): the dump does not say which server it is on"
               % (cert.thumbprint, cert.source))
    return None


# ------------------------------------------------------------------ certificates

def _stand_in_key(org: Organization, cert):
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    public = cert.public_key()
    if isinstance(public, rsa.RSAPublicKey):
        return org.setup_key_source.new_rsa_key(public.key_size)
    if isinstance(public, ec.EllipticCurvePublicKey):
        return ec.generate_private_key(public.curve)
    return org.setup_key_source.new_rsa_key(2048)


def _add_certificates(org: Organization, dump: Dump, report: Report) -> List[Tuple[Any, StoreEntry, CertRecord]]:
    from ..exchange.dotnet import CryptoKeyAccessRule
    from ..exchange.dotnet import NETWORK_SERVICE
    out: List[Tuple[Any, StoreEntry, CertRecord]] = []
    assumed = 0
    stand_ins = 0
    keys_by_thumbprint: Dict[str, Any] = {}
    for record in dump.certificates:
        server = _server_for(org, record, report)
        if server is None:
            if record.server:
                report.add("skipped", "%s (%s): server %s is not in the organisation"
                           % (record.thumbprint, record.source, record.server))
            continue
        existing = server.my.get(record.thumbprint) or server.requests.get(record.thumbprint)
        if existing is not None:
            previous = next(r for s, e, r in out if e is existing)
            if (previous.services, previous.friendly_name) != (record.services, record.friendly_name) \
                    and record.services is not None and previous.services is not None:
                report.add("conflict", "%s on %s: %s says Services %s, %s says %s; the first is kept"
                           % (record.thumbprint, server.name, previous.source,
                              _services_text(previous.services), record.source,
                              _services_text(record.services)))
            continue
        has_key = record.has_key
        if has_key is None:
            has_key = True
            assumed += 1
        # One stand-in per certificate: a certificate on several servers (a PFX imported
        # on each) has the same key everywhere, as the real one does.
        key = None
        if has_key:
            key = keys_by_thumbprint.get(record.thumbprint)
            if key is None:
                key = keys_by_thumbprint[record.thumbprint] = _stand_in_key(org, record.cert)
                stand_ins += 1
        acl = default_key_acl() if key is not None else []
        if key is not None and record.services and record.services & (1 | 2 | 16):
            acl.append(CryptoKeyAccessRule(NETWORK_SERVICE, "GenericRead"))
        entry = StoreEntry(record.cert, key=key, friendly_name=record.friendly_name or "",
                           exportable=bool(record.exportable), access_rules=acl, der=record.der,
                           request=record.request)
        (server.requests if record.request is not None else server.my).add(entry)
        out.append((server, entry, record))
    if stand_ins:
        report.add("stand_in", "%d private key%s: fresh stand-ins for the real ones (HasPrivateKey "
                   "True; they do not match the certificates' public keys, and an export says so)"
                   % (stand_ins, "" if stand_ins == 1 else "s"))
    if assumed:
        report.add("derived", "%d certificate%s whose dump does not say HasPrivateKey: assumed to "
                   "have one" % (assumed, "" if assumed == 1 else "s"))
    return out


def _trust(org: Organization, dump: Dump, report: Report, entries) -> None:
    from cryptography import x509
    from ..exchange.issuance import issue_ca_root
    stand_in_roots: Dict[Any, Any] = {}
    for server, entry, record in entries:
        cert = record.cert
        kind = record.root_type if record.root_type in _ROOT_KINDS else None
        if cert.subject == cert.issuer:
            if kind is not None or (record.root_type is None and entry.friendly_name == "Microsoft Exchange"):
                server.add_trusted_root(cert, kind or "Registry")
            continue
        chain = dump.chains.get(record.thumbprint, [])
        installed = False
        for der in chain[1:]:
            try:
                ca = x509.load_der_x509_certificate(der)
            except ValueError:
                report.add("skipped", "a chain certificate of %s is not DER" % record.thumbprint)
                continue
            for s in org.servers:
                if ca.subject == ca.issuer:
                    s.add_trusted_root(ca, kind or "ThirdParty")
                    installed = True
                else:
                    ie = RootEntry(ca, "Intermediate")
                    s.intermediates[ie.thumbprint] = ie
        if installed:
            continue
        if record.status not in (None, "Valid") or server.chain_root(cert) is not None:
            continue
        key = stand_in_roots.get(cert.issuer)
        if key is None:
            not_before = min(cert.not_valid_before_utc.replace(tzinfo=None),
                             org.clock.now()) - _dt.timedelta(days=365)
            not_after = max(cert.not_valid_after_utc.replace(tzinfo=None), org.clock.now()) \
                + _dt.timedelta(days=3650)
            root = issue_ca_root(key=org.setup_key_source.new_rsa_key(2048), subject=cert.issuer,
                                 serial=org.serials.next(), not_before=not_before, not_after=not_after,
                                 stand_in=True)
            stand_in_roots[cert.issuer] = root
            for s in org.servers:
                s.add_trusted_root(root, kind or "ThirdParty")
            report.add("stand_in", "root CA %s (the dump has no chain for %s): a stand-in with its "
                       "name, trusted by every server, so the certificate is Valid as the dump says"
                       % (_name_of_name(cert.issuer), record.thumbprint))


def _name_of_name(name) -> str:
    from ..exchange.names import format_dn
    return format_dn(name)


# ------------------------------------------------------------------ configuration

def _find_server(org: Organization, name: str):
    for s in org.servers:
        if s.name.casefold() == name.casefold():
            return s
    return None


def _configure(org: Organization, dump: Dump, report: Report, entries) -> None:
    for key, thumb in dump.transport.items():
        s = _find_server(org, key)
        if s is None:
            continue
        if thumb and thumb in s.my:
            s.internal_transport_thumbprint = thumb
        elif thumb:
            report.add("skipped", "%s: internal transport certificate %s is not among its "
                       "certificates" % (s.name, thumb))
    for table, attr in ((dump.pop, "pop_x509_name"), (dump.imap, "imap_x509_name")):
        for key, name in table.items():
            s = _find_server(org, key)
            if s is not None:
                setattr(s, attr, name or None)
    for binding in dump.iis:
        s = _find_server(org, binding["server"])
        if s is None or binding["thumbprint"] not in s.my:
            continue
        site = _SITES.get(binding["sites"].casefold()) or (2 if binding["port"] == 444 else 1)
        s.iis_bindings[site] = binding["thumbprint"]
    for server, entry, record in entries:
        if record.iis_sites and not any(b["server"].casefold() == server.name.casefold() for b in dump.iis):
            for site in record.iis_sites:
                server.iis_bindings.setdefault(site, entry.thumbprint)
    if dump.auth is not None:
        if org.profile.has_auth_certificate:
            cfg = org.auth_config
            cfg.current_thumbprint = dump.auth["current"]
            cfg.previous_thumbprint = dump.auth["previous"]
            cfg.next_thumbprint = dump.auth["next"]
            cfg.next_effective_date = dump.auth["next_date"]
        else:
            report.add("skipped", "the Auth configuration (Exchange %s has none)" % org.profile.version)
    elif org.profile.has_auth_certificate:
        auth = [e for s, e, r in entries if _name_of(e.cert) == "CN=Microsoft Exchange Server Auth Certificate"]
        if auth:
            newest = max(auth, key=lambda e: e.cert.not_valid_after_utc)
            org.auth_config.current_thumbprint = newest.thumbprint
            report.add("derived", "Auth configuration (not in the dump): current certificate %s, the "
                       "Microsoft Exchange Server Auth Certificate" % newest.thumbprint)
    for c in dump.send:
        sources = [s for s in c["source_servers"] if _find_server(org, s) is not None]
        try:
            org.add_send_connector(c["name"], c["tls"], address_spaces=tuple(c["address_spaces"]),
                                   source_servers=tuple(sources), fqdn=c["fqdn"],
                                   require_tls=c["require_tls"], usage=c["usage"],
                                   enabled=c["enabled"])
        except Exception as e:
            report.add("skipped", "Send connector %s: %s" % (c["name"], getattr(e, "message", e)))
    by_server: Dict[str, List[Dict[str, Any]]] = {}
    for c in dump.receive:
        by_server.setdefault(c["server"].casefold(), []).append(c)
    for s in org.servers:
        listed = by_server.get(s.name.casefold())
        if listed:
            s.receive_connectors = [ReceiveConnector(s.name, c["name"], tuple(c["bindings"]) or ("0.0.0.0:25",),
                                                     c["tls"], c["fqdn"], c["enabled"]) for c in listed]
        elif s.receive_connectors:
            report.add("derived", "%s: Receive connectors as setup makes them (%s)"
                       % (s.name, ", ".join(c.name for c in s.receive_connectors)))
    unknown = sorted({c["server"] for c in dump.receive if _find_server(org, c["server"]) is None})
    for name in unknown:
        report.add("skipped", "Receive connectors of %s: no such server" % name)


def _derive(org: Organization, report: Report, entries) -> None:
    """Fill in what the dump does not say, from each certificate's Services."""
    by_server: Dict[Any, List[Tuple[StoreEntry, CertRecord]]] = {}
    for server, entry, record in entries:
        by_server.setdefault(server, []).append((entry, record))
    for server in org.servers:
        items = by_server.get(server, [])
        if items and all(r.services is None for _, r in items):
            setup = [e for e, r in items if e.cert.subject == e.cert.issuer and e.key is not None
                     and e.friendly_name == "Microsoft Exchange"]
            if setup and not (server.iis_bindings or server.internal_transport_thumbprint):
                entry = setup[0]
                wanted = AllowedServices.IIS | AllowedServices.SMTP
                if server.is_client_access:
                    wanted |= AllowedServices.POP | AllowedServices.IMAP
                for e, r in items:
                    if e is entry:
                        r.services = int(wanted)
                report.add("derived", "%s: no certificate says its Services; %s (setup's "
                           "certificate) serves %s, as after setup" % (server.name, entry.thumbprint, wanted))
        for entry, record in items:
            if record.services is None or entry.key is None:
                continue
            want = AllowedServices(record.services) & ~server.services_of(entry)
            notes = []
            if want & AllowedServices.IIS and not server.iis_bindings:
                for site in org.profile.iis_enable_sites:
                    server.iis_bindings[site] = entry.thumbprint
                notes.append("IIS binding of site %s" % ", ".join(str(s) for s in org.profile.iis_enable_sites))
            from ..exchange.certificate import certificate_domains
            domains = certificate_domains(entry.cert)
            # Setup names the server's FQDN; Enable-ExchangeCertificate the first name.
            if any(d.casefold() == server.fqdn.casefold() for d in domains):
                domains = [server.fqdn] + domains
            if want & AllowedServices.POP and server.pop_x509_name is None and domains:
                server.pop_x509_name = domains[0]
                notes.append("POP certificate name %s" % domains[0])
            if want & AllowedServices.IMAP and server.imap_x509_name is None and domains:
                server.imap_x509_name = domains[0]
                notes.append("IMAP certificate name %s" % domains[0])
            if want & (AllowedServices.SMTP | AllowedServices.POP | AllowedServices.IMAP):
                entry.grant_network_service_read()
            if want & AllowedServices.SMTP and server.is_transport and not server.internal_transport_thumbprint:
                server.internal_transport_thumbprint = entry.thumbprint
                notes.append("internal transport (default SMTP) certificate")
            if want & AllowedServices.UM and not server.um_thumbprint:
                server.um_thumbprint = entry.thumbprint
                notes.append("UM certificate")
            if want & AllowedServices.UMCallRouter and not server.umcr_thumbprint:
                server.umcr_thumbprint = entry.thumbprint
                notes.append("UM call router certificate")
            if want & AllowedServices.Federation:
                org.federation_thumbprints.add(entry.thumbprint)
                notes.append("federation certificate")
            if notes:
                report.add("derived", "%s: %s from %s (Services %s, from its %s)"
                           % (server.name, ", ".join(notes), entry.thumbprint,
                              _services_text(record.services), record.services_from))
        if server.is_transport and not server.internal_transport_thumbprint:
            smtp = [e for e, r in items if r.services is not None and r.services & 16 and e.key is not None]
            setup = [e for e in smtp if e.cert.subject == e.cert.issuer
                     and e.friendly_name == "Microsoft Exchange"
                     and server.name.casefold() in _name_of(e.cert).casefold()]
            chosen = (setup or smtp or [None])[0]
            if chosen is not None:
                server.internal_transport_thumbprint = chosen.thumbprint
                report.add("derived", "%s: internal transport (default SMTP) certificate %s (%s)"
                           % (server.name, chosen.thumbprint,
                              "setup's, as Exchange keeps it" if setup else "the first with SMTP"))
        # On 2013+ the back-end site keeps setup's certificate whatever the front end uses.
        if 2 in org.profile.iis_setup_sites and 2 not in server.iis_bindings:
            setup = [e for e, r in items if e.cert.subject == e.cert.issuer and e.key is not None
                     and e.friendly_name == "Microsoft Exchange"
                     and server.name.casefold() in _name_of(e.cert).casefold()]
            if setup:
                server.iis_bindings[2] = setup[0].thumbprint
                report.add("derived", "%s: IIS binding of the Exchange Back End site (2) to setup's "
                           "certificate %s" % (server.name, setup[0].thumbprint))


def _check_services(org: Organization, report: Report, entries) -> None:
    for server, entry, record in entries:
        if record.services is None:
            continue
        got = server.services_of(entry)
        width = (1 << org.profile.services_width) - 1
        said = AllowedServices(record.services & width)
        if got != said:
            report.add("conflict", "%s on %s: the dump says Services %s, the replica's configuration "
                       "gives %s" % (entry.thumbprint, server.name, said, got))
