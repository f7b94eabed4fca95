"""State files of earlier exshells (``exshell-state/1``: the whole world in one JSON
file) -- read to migrate them into a world database (:mod:`.worlddb`), and
:func:`dump_world`, the same layout as comparable plain data (tests compare worlds
with it).

* :func:`dump_world` / :func:`load_world` turn an Organization into plain data and
  back: version, names, the clock's "now", every server's stores (certificates as
  DER, private keys as PKCS#8 PEM, friendly names, ACLs, pending requests), trust
  stores, IIS/POP/IMAP/transport/UM settings, connectors, federation, the Auth
  configuration, the lab CA, and the serial/key-pool counters of deterministic runs.

The clock is the emulated "now" when the file was written.  Nothing writes this
format any more; exshell migrates such a file the first time it opens it.
Imports only the standard library and siblings (keys are serialised by ``keys``).
"""
from __future__ import annotations

import base64
import datetime as _dt
from typing import Any, Dict, Optional

from .errors import WorldFileError

__all__ = ["dump_world", "load_world", "FORMAT"]

#: Format tag of state files (bump when the layout changes incompatibly).
FORMAT = "exshell-state/1"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


# ----------------------------------------------------------------- dump

class _KeyCache:
    """PEM of each key object, computed once (saves run after every command)."""

    def __init__(self) -> None:
        self._pem: Dict[int, tuple] = {}

    def pem(self, key) -> Optional[str]:
        if key is None:
            return None
        hit = self._pem.get(id(key))
        if hit is None or hit[0] is not key:
            from .keys import private_key_pem
            hit = (key, private_key_pem(key).decode("ascii"))
            self._pem[id(key)] = hit
        return hit[1]


_KEYS = _KeyCache()


def _entry(e) -> Dict[str, Any]:
    return {"cert": _b64(e.der), "key": _KEYS.pem(e.key), "friendly_name": e.friendly_name,
            "exportable": e.exportable, "archived": e.archived, "revoked": e.revoked,
            "request": _b64(e.request_der) if e.request is not None else None,
            "acl": [[r.IdentityReference.Value, r.CryptoKeyRights, r.AccessControlType]
                    for r in e.access_rules]}


def _root(r) -> Dict[str, Any]:
    from .issuance import der_bytes
    return {"cert": _b64(der_bytes(r.cert)), "kind": r.kind, "friendly_name": r.friendly_name}


def _when(dt: Optional[_dt.datetime]) -> Optional[str]:
    return None if dt is None else dt.isoformat()


def dump_world(org) -> Dict[str, Any]:
    from .issuance import der_bytes
    from .store import KeyHandle
    data: Dict[str, Any] = {
        "format": FORMAT, "version": org.profile.name, "name": org.name, "domain": org.domain,
        "dc": org.dc_fqdn.split(".")[0], "now": org.clock.now().replace(microsecond=0).isoformat(),
        "accepted_domains": [[d.domain, d.authoritative, d.default] for d in org.accepted_domains],
        "send_connectors": [{"name": c.name, "tls": c.tls_certificate_name,
                             "address_spaces": list(c.address_spaces),
                             "source_servers": list(c.source_servers), "fqdn": c.fqdn,
                             "usage": c.usage, "enabled": c.enabled, "require_tls": c.require_tls}
                            for c in org.send_connectors],
        "federation": sorted(org.federation_thumbprints),
        "federation_trusts": [{"name": t.name, "org": t.org_thumbprint, "next": t.next_thumbprint,
                               "prev": t.prev_thumbprint, "application_uri": t.application_uri,
                               "application_identifier": t.application_identifier,
                               "metadata_url": t.metadata_url,
                               "provisioned_externally": t.provisioned_externally,
                               "legacy": t.legacy, "created": _when(t.created),
                               "changed": _when(t.changed), "guid": t.guid,
                               "token_issuer": _b64(t.token_issuer_der) if t.token_issuer_der else None}
                              for t in org.federation_trusts],
        "federated_org_id": {"account_namespace": org.federated_org_id.account_namespace,
                             "domains": list(org.federated_org_id.domains),
                             "enabled": org.federated_org_id.enabled,
                             "delegation_trust": org.federated_org_id.delegation_trust,
                             "organization_contact": org.federated_org_id.organization_contact,
                             "default_domain": org.federated_org_id.default_domain},
        "auth": {"current": org.auth_config.current_thumbprint,
                 "previous": org.auth_config.previous_thumbprint,
                 "next": org.auth_config.next_thumbprint,
                 "next_date": _when(org.auth_config.next_effective_date),
                 "realm": org.auth_config.realm, "service_name": org.auth_config.service_name},
        "local_server": org.local_server.name if org.local_server else None,
        "protected_pfx": {k: [list(p), s] for k, (p, s) in sorted(org.protected_pfx.items())},
        "servers": [], "counters": _counters(org),
    }
    ca = org.enterprise_ca
    if ca is not None:
        data["ca"] = {"cert": _b64(der_bytes(ca.cert)), "key": _KEYS.pem(ca.key),
                      "subject": ca.subject_text}
    for s in org.servers:
        data["servers"].append({
            "name": s.name, "fqdn": s.fqdn, "roles": list(s.roles),
            "host_names": list(getattr(s, "host_names", ())),
            "orphan_keys": [_KEYS.pem(k.get() if isinstance(k, KeyHandle) else k) for k in s.orphan_keys],
            "my": [_entry(e) for e in s.my], "requests": [_entry(e) for e in s.requests],
            "roots": [_root(r) for r in s.roots.values()],
            "intermediates": [_root(r) for r in s.intermediates.values()],
            "iis": {str(k): v for k, v in sorted(s.iis_bindings.items())},
            "iis_require_ssl": s.iis_require_ssl, "pop": s.pop_x509_name, "imap": s.imap_x509_name,
            "transport": s.internal_transport_thumbprint, "um": s.um_thumbprint,
            "umcr": s.umcr_thumbprint,
            "receive_connectors": [{"name": c.name, "bindings": list(c.bindings),
                                    "tls": c.tls_certificate_name, "fqdn": c.fqdn,
                                    "enabled": c.enabled} for c in s.receive_connectors],
        })
    return data


def _counters(org) -> Dict[str, Any]:
    """Where deterministic sources stand, so a resumed run continues the sequence."""
    out: Dict[str, Any] = {}
    serial_n = getattr(org.serials, "count", None)
    if isinstance(serial_n, int):
        out["serials"] = serial_n
    for name, source in (("keys", org.key_source), ("setup_keys", org.setup_key_source)):
        chain = []
        while isinstance(getattr(source, "used", None), set):   # a pool and its fallbacks
            chain.append(sorted(source.used))
            source = getattr(source, "fallback", None)
        if chain:
            out[name] = chain
    return out


def _restore_pool(source, chain) -> None:
    if chain and not isinstance(chain[0], list):     # a single pool's list
        chain = [chain]
    for used in chain:
        if not isinstance(getattr(source, "used", None), set):
            break
        source.used = set(used)
        source = getattr(source, "fallback", None)


# ----------------------------------------------------------------- load

def load_world(data: Dict[str, Any], *, clock=None, key_source=None, serials=None, path=None):
    """Rebuild the Organization :func:`dump_world` described."""
    from cryptography import x509
    from .clock import Clock
    from .dotnet import CryptoKeyAccessRule
    from .keys import private_key_from_pem
    from .organization import AcceptedDomain, Organization, ReceiveConnector, SendConnector, Server
    from .store import RootEntry, StoreEntry

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise WorldFileError("not an exshell state file (format %r expected)" % FORMAT, path=path)
    try:
        if clock is None:
            clock = Clock()
        clock.set(_dt.datetime.fromisoformat(data["now"]))
        org = Organization(data["version"], clock=clock, key_source=key_source, serials=serials,
                           domain=data["domain"], name=data["name"], dc_name=data["dc"])
        org.accepted_domains = [AcceptedDomain(d, a, df) for d, a, df in data["accepted_domains"]]
        org.send_connectors = [SendConnector(c["name"], c["tls"], tuple(c["address_spaces"]),
                                             tuple(c["source_servers"]), c["fqdn"], c["usage"],
                                             c["enabled"], c["require_tls"])
                               for c in data["send_connectors"]]
        org.federation_thumbprints = set(data["federation"])
        from .federation import FederationTrust
        for t in data.get("federation_trusts", []):
            org.federation_trusts.append(FederationTrust(
                name=t["name"], org_thumbprint=t["org"], next_thumbprint=t["next"],
                prev_thumbprint=t["prev"], application_uri=t["application_uri"],
                application_identifier=t["application_identifier"], metadata_url=t["metadata_url"],
                provisioned_externally=t["provisioned_externally"], legacy=t["legacy"],
                created=_dt.datetime.fromisoformat(t["created"]) if t["created"] else None,
                changed=_dt.datetime.fromisoformat(t["changed"]) if t["changed"] else None,
                guid=t["guid"], token_issuer_der=_unb64(t["token_issuer"]) if t["token_issuer"] else None))
        ident = data.get("federated_org_id") or {}
        if ident:
            o = org.federated_org_id
            o.account_namespace, o.domains, o.enabled = (ident["account_namespace"],
                                                         tuple(ident["domains"]), ident["enabled"])
            o.delegation_trust, o.organization_contact, o.default_domain = (
                ident["delegation_trust"], ident["organization_contact"], ident["default_domain"])
        a = data["auth"]
        cfg = org.auth_config
        cfg.current_thumbprint, cfg.previous_thumbprint, cfg.next_thumbprint = \
            a["current"], a["previous"], a["next"]
        cfg.next_effective_date = _dt.datetime.fromisoformat(a["next_date"]) if a["next_date"] else None
        cfg.realm, cfg.service_name = a["realm"], a["service_name"]
        org.protected_pfx = {k: (list(v[0]), v[1]) for k, v in data.get("protected_pfx", {}).items()}

        def entry(d) -> StoreEntry:
            der = _unb64(d["cert"])
            request = x509.load_der_x509_csr(_unb64(d["request"])) if d["request"] else None
            e = StoreEntry(x509.load_der_x509_certificate(der),
                           key=private_key_from_pem(d["key"].encode("ascii")) if d["key"] else None,
                           friendly_name=d["friendly_name"], exportable=d["exportable"],
                           request=request, archived=d["archived"], revoked=d["revoked"], der=der,
                           access_rules=[CryptoKeyAccessRule(i, r, t == "Allow") for i, r, t in d["acl"]])
            return e

        def root(d) -> RootEntry:
            return RootEntry(x509.load_der_x509_certificate(_unb64(d["cert"])), d["kind"],
                             friendly_name=d.get("friendly_name", ""))

        for sd in data["servers"]:
            s = Server(org, sd["name"], sd["roles"])
            org.servers.append(s)
            s.host_names = tuple(sd.get("host_names", ()))
            if sd.get("fqdn"):
                s.fqdn = sd["fqdn"]
            s.orphan_keys = [private_key_from_pem(k.encode("ascii")) for k in sd.get("orphan_keys", ())]
            for d in sd["my"]:
                s.my.add(entry(d))
            for d in sd["requests"]:
                s.requests.add(entry(d))
            s.roots = {r.thumbprint: r for r in map(root, sd["roots"])}
            s.intermediates = {r.thumbprint: r for r in map(root, sd["intermediates"])}
            s.iis_bindings = {int(k): v for k, v in sd["iis"].items()}
            s.iis_require_ssl = sd["iis_require_ssl"]
            s.pop_x509_name, s.imap_x509_name = sd["pop"], sd["imap"]
            s.internal_transport_thumbprint = sd["transport"]
            s.um_thumbprint, s.umcr_thumbprint = sd["um"], sd["umcr"]
            s.receive_connectors = [ReceiveConnector(s.name, c["name"], tuple(c["bindings"]),
                                                     c["tls"], c["fqdn"], c["enabled"])
                                    for c in sd["receive_connectors"]]
        if data.get("local_server"):
            org.local_server = org.get_server(data["local_server"])
        elif org.servers:
            org.local_server = org.servers[0]
        if data.get("ca"):
            from .authority import LabCertificateAuthority
            ca = LabCertificateAuthority.__new__(LabCertificateAuthority)
            ca.organization = org
            ca.subject_text = data["ca"]["subject"]
            ca.cert = x509.load_der_x509_certificate(_unb64(data["ca"]["cert"]))
            ca.key = private_key_from_pem(data["ca"]["key"].encode("ascii"))
            ca.issued = []
            org.enterprise_ca = ca
        counters = data.get("counters", {})
        if "serials" in counters and hasattr(org.serials, "count"):
            org.serials.count = int(counters["serials"])
        for name, source in (("keys", org.key_source), ("setup_keys", org.setup_key_source)):
            if name in counters:
                _restore_pool(source, counters[name])
    except WorldFileError:
        raise
    except Exception as e:  # any damage (wrong types, bad DER, unknown names...) is one message
        raise WorldFileError("the state file is damaged or from another exshell version (%s: %s)"
                             % (type(e).__name__, e), path=path) from None
    return org
