"""The world store: an organisation kept in an SQLite database (the standard
library's ``sqlite3``), as a real organisation keeps its configuration in a directory.

One database file is one world.  :class:`WorldStore` owns a connection to it and an
:class:`~.organization.Organization` loaded from it, and keeps the two in step:

* **Schema** (``PRAGMA application_id`` = :data:`APPLICATION_ID`, ``PRAGMA
  user_version`` = :data:`SCHEMA_VERSION`; older schemas are migrated by
  :data:`MIGRATIONS`, newer ones refused): ``organization`` (one row), ``clock`` (one
  row), ``counters`` (where deterministic key and serial sources stand), ``servers``,
  ``send_connectors``, ``certificates`` (every store entry: DER, key reference,
  FriendlyName, flags, ACL, the PKCS#10 request of a pending one), ``trust`` (Root and
  intermediate CA stores), ``keys`` (PEM, each key once however many certificates
  share it), ``authorities`` (the lab CAs), ``federation_trusts`` (schema 2: the
  federation trusts; the federated organization identifier is an organisation
  setting), ``orphan_keys`` (schema 3: private keys whose certificate was removed without
  its key, per server), ``journal`` (which entity each commit changed) and ``meta``.
  Schema 3 also gives a ``trust`` row its FriendlyName; the organisation's settings hold
  the PFX files exported with ``-ProtectTo`` (who may open them).  Lists inside a row (roles, bindings, ACLs...) are JSON.
* **Change tracking**: the model records changed entities (:mod:`.tracking`);
  :meth:`commit` writes just those rows and a journal line per entity, in one
  transaction; :meth:`rollback` reloads them from the database, so a failed command
  leaves the model as it was.
* **Several shells**: WAL mode, so readers never wait.  A change takes SQLite's write
  lock (``BEGIN IMMEDIATE``) before the operation validates for the last time
  (``Organization.begin_change`` -> :meth:`_begin_write`) and first applies what other
  shells committed; :meth:`refresh` (cheap: ``PRAGMA data_version``) brings the model
  up to date before each command.  Nothing here waits for a user while it holds the
  lock: the shell commits before any prompt.
* **Bad input**: every failure becomes :class:`WorldStoreError` (a
  :class:`~.errors.WorldFileError`) naming the file and what to do -- a file that is
  not a world, a damaged or truncated one, a newer schema, a read-only or missing
  folder, a full disk.  Rows are validated as they are loaded.

Snapshots (:func:`export_snapshot` / :func:`import_snapshot`) are JSON with PEM texts,
for handing a world to someone.  Imports only the standard library and siblings.
"""
from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import json
import os
import sqlite3
import stat
import sys
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from ..structs import LazyPattern

from .errors import WorldFileError

__all__ = ["WorldStore", "WorldStoreError", "LegacyStateFile", "SCHEMA_VERSION", "APPLICATION_ID",
           "open_store", "memory_store", "export_snapshot", "import_snapshot", "SNAPSHOT_FORMAT",
           "copy_to_memory", "MIGRATIONS"]

#: ``PRAGMA application_id`` of exshell worlds ("ExSh").
APPLICATION_ID = 0x45785368
#: The schema this exshell writes; worlds with a lower number are migrated.
SCHEMA_VERSION = 3
SNAPSHOT_FORMAT = "exshell-world-snapshot"
#: How long a change waits for another shell's commit (they take milliseconds).
BUSY_SECONDS = 15.0
#: Journal lines kept; a shell further behind reloads the whole world.
JOURNAL_KEEP = 20000

_SQLITE_MAGIC = b"SQLite format 3\x00"
_SEP = "\x1f"


class WorldStoreError(WorldFileError):
    """A world database that cannot be used as asked (the message says what to do)."""


class LegacyStateFile(WorldStoreError):
    """The file is a JSON state file of an earlier exshell (it can be migrated)."""


# ----------------------------------------------------------------- schema

_SCHEMA_V1 = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE organization(
    id INTEGER PRIMARY KEY CHECK (id = 1), version TEXT NOT NULL, name TEXT NOT NULL,
    domain TEXT NOT NULL, dc_fqdn TEXT NOT NULL, local_server TEXT, settings TEXT NOT NULL);
CREATE TABLE clock(id INTEGER PRIMARY KEY CHECK (id = 1), mode TEXT NOT NULL, value TEXT NOT NULL);
CREATE TABLE counters(id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL);
CREATE TABLE servers(
    name TEXT PRIMARY KEY, position INTEGER NOT NULL, fqdn TEXT NOT NULL, roles TEXT NOT NULL,
    settings TEXT NOT NULL);
CREATE TABLE send_connectors(
    position INTEGER PRIMARY KEY, name TEXT NOT NULL, settings TEXT NOT NULL);
CREATE TABLE keys(id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE, pem BLOB NOT NULL);
CREATE TABLE certificates(
    id INTEGER PRIMARY KEY, server TEXT NOT NULL, store TEXT NOT NULL, thumbprint TEXT NOT NULL,
    der BLOB NOT NULL, key_id INTEGER, friendly_name TEXT NOT NULL, exportable INTEGER NOT NULL,
    archived INTEGER NOT NULL, revoked INTEGER NOT NULL, request BLOB, acl TEXT NOT NULL,
    UNIQUE (server, store, thumbprint));
CREATE TABLE trust(
    id INTEGER PRIMARY KEY, server TEXT NOT NULL, store TEXT NOT NULL, thumbprint TEXT NOT NULL,
    der BLOB NOT NULL, kind TEXT NOT NULL, UNIQUE (server, store, thumbprint));
CREATE TABLE authorities(
    name TEXT PRIMARY KEY, key_id INTEGER, root_key_id INTEGER, data TEXT NOT NULL);
CREATE TABLE journal(seq INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT NOT NULL);
"""

#: Schema 2: federation trusts (issue 12), one row each, in the order they were made.
_SCHEMA_V2 = """
CREATE TABLE federation_trusts(
    position INTEGER PRIMARY KEY, name TEXT NOT NULL, settings TEXT NOT NULL);
"""

#: Schema 3: the keys a removed certificate left behind (certutil -repairstore finds
#: them), in the order they were left; a trusted CA's FriendlyName.
_SCHEMA_V3 = """
CREATE TABLE orphan_keys(
    server TEXT NOT NULL, position INTEGER NOT NULL, key_id INTEGER NOT NULL,
    PRIMARY KEY (server, position));
ALTER TABLE trust ADD COLUMN friendly_name TEXT NOT NULL DEFAULT '';
"""

#: schema version -> SQL that brings a world from the version before to it.
MIGRATIONS: Dict[int, str] = {1: _SCHEMA_V1, 2: _SCHEMA_V2, 3: _SCHEMA_V3}

_TABLES = ("meta", "organization", "clock", "counters", "servers", "send_connectors", "keys",
           "certificates", "trust", "authorities", "journal", "federation_trusts", "orphan_keys")


# ----------------------------------------------------------------- errors

_HINT_DAMAGED = ("restore it from a copy or an export (exshell world import), or start over "
                 "(exshell world reset, or delete the file)")


_X509: Any = None


def _x509() -> Any:
    """cryptography.x509, imported when the first certificate of a world is parsed
    (opening a world parses none: see :class:`~.store.Deferred`)."""
    global _X509
    if _X509 is None:
        from cryptography import x509
        _X509 = x509
    return _X509


def _der_of(cert: Any) -> bytes:
    """The DER of a certificate, or of a Deferred one without parsing it."""
    from .store import Deferred
    if type(cert) is Deferred:
        return cert.der
    from .issuance import der_bytes
    return der_bytes(cert)


def _sqlite_error(e: BaseException, path: str, doing: str) -> WorldStoreError:
    """A sqlite3 error as a message that names the file and what to do."""
    name = getattr(e, "sqlite_errorname", "") or ""
    text = str(e)
    low = text.casefold()
    folder = os.path.dirname(path) or "."
    if name.startswith("SQLITE_FULL") or "disk is full" in low:
        msg = ("could not %s: the disk is full. Nothing was changed; free some space and try "
               "again" % doing)
    elif name.startswith("SQLITE_READONLY") or "readonly" in low or "read-only" in low:
        msg = ("could not %s: the world file or its folder %s is read-only (exshell writes the "
               "world and, beside it, its -wal and -shm files). Use a writable folder "
               "(-State FILE), or -Fresh for a throwaway world" % (doing, folder))
    elif name.startswith("SQLITE_BUSY") or "locked" in low:
        msg = ("could not %s: another exshell has been changing this world for more than %d "
               "seconds. Try again when it has finished" % (doing, BUSY_SECONDS))
    elif name.startswith("SQLITE_NOTADB") or "not a database" in low:
        msg = ("not an exshell world: the file is not an SQLite database, or it is damaged "
               "beyond reading. Give another file with -State, or %s" % _HINT_DAMAGED)
    elif name.startswith("SQLITE_CORRUPT") or "malformed" in low:
        msg = "the world database is damaged (%s); %s" % (text, _HINT_DAMAGED)
    elif name.startswith("SQLITE_CANTOPEN") or "unable to open" in low:
        if not os.path.isdir(folder):
            msg = "could not %s: the folder %s does not exist" % (doing, folder)
        elif not os.access(folder, os.W_OK):
            msg = ("could not %s: the folder %s is read-only (exshell writes the world and, "
                   "beside it, its -wal and -shm files). Use a writable folder (-State FILE), "
                   "or -Fresh for a throwaway world" % (doing, folder))
        else:
            msg = "could not %s: the file cannot be opened (%s)" % (doing, text)
    elif name.startswith("SQLITE_IOERR") or "i/o error" in low:
        msg = ("could not %s: a disk I/O error (%s). Nothing was changed; check the disk and "
               "try again" % (doing, text))
    else:
        msg = "could not %s: %s" % (doing, text)
    return WorldStoreError(msg, path=path)


class _Damaged(Exception):
    """A row that fails validation (becomes a WorldStoreError naming the row)."""


def _check(cond: bool, what: str) -> None:
    if not cond:
        raise _Damaged(what)


def _text(value: Any, what: str, *, empty: bool = True, none: bool = False) -> Any:
    if value is None and none:
        return None
    _check(isinstance(value, str) and (empty or value != ""), "%s is not text" % what)
    _check(len(value) < 100000, "%s is too long" % what)
    return value


def _bool(value: Any, what: str) -> bool:
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise _Damaged("%s is not true or false" % what)


def _texts(value: Any, what: str) -> List[str]:
    _check(isinstance(value, list) and all(isinstance(v, str) for v in value),
           "%s is not a list of texts" % what)
    return list(value)


def _json(raw: Any, what: str, kind: type = dict) -> Any:
    _check(isinstance(raw, str), "%s is not JSON text" % what)
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        raise _Damaged("%s is not valid JSON" % what) from None
    _check(isinstance(value, kind), "%s has the wrong shape" % what)
    return value


_THUMBPRINT = LazyPattern(r"[0-9A-F]{40}\Z")


def _thumb(value: Any, what: str) -> str:
    _check(isinstance(value, str) and _THUMBPRINT.match(value) is not None,
           "%s is not a thumbprint" % what)
    return value


def _when(value: Any, what: str) -> Optional[_dt.datetime]:
    if value is None:
        return None
    _check(isinstance(value, str), "%s is not a date" % what)
    try:
        return _dt.datetime.fromisoformat(value)
    except ValueError:
        raise _Damaged("%s is not a date" % what) from None


def _b64(value: Any, what: str) -> bytes:
    _check(isinstance(value, str), "%s has the wrong shape" % what)
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise _Damaged("%s is damaged" % what) from None


def _blob(value: Any, what: str) -> bytes:
    _check(isinstance(value, bytes) and len(value) > 0, "%s is missing" % what)
    return value


# ----------------------------------------------------------------- small helpers

def _exshell_version() -> str:
    # The package's own __version__ (what pip's metadata is made from): asking
    # importlib.metadata costs a third of a -Fresh start.  The package is imported
    # whenever this module is, so nothing is imported here.
    return str(getattr(sys.modules.get("exshell"), "__version__", "(source)"))


def _utc_now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def _entity(key: Sequence[str]) -> str:
    return _SEP.join(key)


def _key_of(text: str) -> Tuple[str, ...]:
    return tuple(text.split(_SEP))


def _iso(dt: Optional[_dt.datetime]) -> Optional[str]:
    return None if dt is None else dt.isoformat()


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


def counters_of(org) -> Dict[str, Any]:
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


def restore_counters(org, counters: Dict[str, Any]) -> None:
    if "serials" in counters and isinstance(counters["serials"], int) and hasattr(org.serials, "count"):
        org.serials.count = int(counters["serials"])
    for name, source in (("keys", org.key_source), ("setup_keys", org.setup_key_source)):
        chain = counters.get(name)
        if not isinstance(chain, list):
            continue
        if chain and not isinstance(chain[0], list):     # a single pool's list
            chain = [chain]
        for used in chain:
            if not isinstance(getattr(source, "used", None), set) or not isinstance(used, list):
                break
            source.used = set(int(i) for i in used if isinstance(i, int))
            source = getattr(source, "fallback", None)


# ----------------------------------------------------------------- rows <-> model

def _acl_rows(rules) -> List[list]:
    return [[r.IdentityReference.Value, r.CryptoKeyRights, r.AccessControlType] for r in rules]


def _org_settings(org) -> Dict[str, Any]:
    cfg = org.auth_config
    ident = org.federated_org_id
    return {
        "servers": [s.name for s in org.servers],
        "accepted_domains": [[d.domain, d.authoritative, d.default] for d in org.accepted_domains],
        "federation": sorted(org.federation_thumbprints),
        "federated_org_id": {"account_namespace": ident.account_namespace,
                             "domains": list(ident.domains), "enabled": bool(ident.enabled),
                             "delegation_trust": ident.delegation_trust,
                             "organization_contact": ident.organization_contact,
                             "default_domain": ident.default_domain},
        "auth": {"current": cfg.current_thumbprint, "previous": cfg.previous_thumbprint,
                 "next": cfg.next_thumbprint, "next_date": _iso(cfg.next_effective_date),
                 "realm": cfg.realm, "service_name": cfg.service_name, "name": cfg.name},
        "protected_pfx": [[digest, list(principals), secret]
                          for digest, (principals, secret) in sorted(org.protected_pfx.items())],
    }


def _server_settings(s) -> Dict[str, Any]:
    return {
        "host_names": list(s.host_names), "iis": {str(k): v for k, v in sorted(s.iis_bindings.items())},
        "stopped_services": list(s.stopped_services),
        "iis_require_ssl": s.iis_require_ssl, "pop": s.pop_x509_name, "imap": s.imap_x509_name,
        "transport": s.internal_transport_thumbprint, "um": s.um_thumbprint,
        "umcr": s.umcr_thumbprint,
        "receive_connectors": [{"name": c.name, "bindings": list(c.bindings),
                                "tls": c.tls_certificate_name, "fqdn": c.fqdn,
                                "enabled": c.enabled} for c in s.receive_connectors],
    }


def _send_settings(c) -> Dict[str, Any]:
    return {"tls": c.tls_certificate_name, "address_spaces": list(c.address_spaces),
            "source_servers": list(c.source_servers), "fqdn": c.fqdn, "usage": c.usage,
            "enabled": c.enabled, "require_tls": c.require_tls}


def _federation_settings(t) -> Dict[str, Any]:
    return {"org": t.org_thumbprint, "next": t.next_thumbprint, "prev": t.prev_thumbprint,
            "application_uri": t.application_uri, "application_identifier": t.application_identifier,
            "metadata_url": t.metadata_url, "provisioned_externally": bool(t.provisioned_externally),
            "legacy": bool(t.legacy), "created": _iso(t.created), "changed": _iso(t.changed),
            "token_issuer": base64.b64encode(t.token_issuer_der).decode("ascii")
            if t.token_issuer_der else None, "guid": t.guid}


def _clock_row(clock) -> Tuple[str, str]:
    from .clock import FixedClock
    if isinstance(clock, FixedClock):
        return "fixed", clock.now().isoformat()
    return "offset", repr(clock.offset.total_seconds())


class WorldStore:
    """One world database and the organisation loaded from it (see the module text)."""

    def __init__(self, conn: sqlite3.Connection, path: Optional[str], display: Optional[str] = None):
        self.conn = conn
        #: The real path of the file (None: an in-memory world).
        self.path = path
        #: The file as the user named it (for messages).
        self.display = display or path or "<in-memory world>"
        self.org = None
        self._seq = 0
        self._dv: Optional[int] = None
        self._in_write = False
        self._keys_by_object: Dict[int, Tuple[Any, int]] = {}
        self._handles: Dict[int, Any] = {}
        self._new_keys: List[int] = []
        #: Keys a change may have left unused (dropped once the whole change is written).
        self._unused_candidates: List[int] = []
        self._counters_text: Optional[str] = None
        #: The schema of the file (a world opened read-only is not migrated).
        self.schema = SCHEMA_VERSION
        #: Called with the keys of every commit (tests check that nothing was missed).
        self.commit_listeners: List[Callable[[List[Tuple[str, ...]]], None]] = []
        self.closed = False

    # ------------------------------------------------------------ basics
    @property
    def is_memory(self) -> bool:
        return self.path is None

    @property
    def revision(self) -> Tuple[Any, ...]:
        """Changes whenever the model may have changed: a commit (this shell's or one
        taken in from another), a replaced world, changes not committed yet.  What is
        derived from the world (Tab's candidate lists) stays valid while it is equal."""
        org = self.org
        return (self._seq, id(org), len(org.changes) if org is not None else 0)

    def _error(self, e: BaseException, doing: str) -> WorldStoreError:
        return _sqlite_error(e, self.display, doing)

    def _damaged(self, what: str) -> WorldStoreError:
        return WorldStoreError("the world database is damaged (%s); %s" % (what, _HINT_DAMAGED),
                               path=self.display)

    def meta(self) -> Dict[str, str]:
        try:
            return {k: v for k, v in self.conn.execute("SELECT key, value FROM meta")}
        except sqlite3.Error as e:
            raise self._error(e, "read the world") from None

    def set_meta(self, **values: str) -> None:
        try:
            with self._transaction("save the world"):
                for k, v in values.items():
                    self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (k, str(v)))
        except sqlite3.Error as e:
            raise self._error(e, "save the world") from None

    def summary(self) -> Dict[str, Any]:
        """What ``exshell world list`` shows: version, certificates, last change, source."""
        try:
            row = self.conn.execute("SELECT version FROM organization WHERE id = 1").fetchone()
            count = self.conn.execute("SELECT count(*) FROM certificates WHERE store = 'My'").fetchone()[0]
        except sqlite3.Error as e:
            raise self._error(e, "read the world") from None
        meta = self.meta()
        source = meta.get("source", "?")
        if source == "built-in":
            source = "the built-in organisation"
        return {"version": row[0] if row else "(empty)", "certificates": count,
                "changed": (meta.get("changed") or meta.get("created") or "?").replace("T", " ").rstrip("Z"),
                "source": source}

    def has_world(self) -> bool:
        try:
            if not self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                     "name = 'organization'").fetchone():
                return False
            row = self.conn.execute("SELECT count(*) FROM organization").fetchone()
        except sqlite3.Error as e:
            raise self._error(e, "read the world") from None
        return bool(row and row[0])

    def close(self) -> None:
        """Commit what is pending and close the connection."""
        if self.closed:
            return
        try:
            if self.org is not None and (self.org.changes or self._in_write):
                self.commit()
        finally:
            self.closed = True
            try:
                self.conn.close()
            except sqlite3.Error:  # pragma: no cover
                pass

    class _Txn:
        def __init__(self, store: "WorldStore", doing: str, immediate: bool):
            self.store, self.doing, self.immediate = store, doing, immediate

        def __enter__(self):
            self.store.conn.execute("BEGIN IMMEDIATE" if self.immediate else "BEGIN")

        def __exit__(self, kind, value, tb):
            conn = self.store.conn
            if kind is None:
                conn.execute("COMMIT")
            else:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            return False

    def _transaction(self, doing: str, immediate: bool = True) -> "WorldStore._Txn":
        return WorldStore._Txn(self, doing, immediate)

    # ------------------------------------------------------------ creating
    def create(self, org, **meta: str) -> None:
        """Write ``org`` as this (empty) world, in one transaction, and attach it."""
        now = _utc_now()
        try:
            with self._transaction("create the world"):
                self._ensure_schema()
                if self.conn.execute("SELECT count(*) FROM organization").fetchone()[0]:
                    raise WorldStoreError("this world already exists", path=self.display)
                values = {"created": now, "created_by": "exshell %s" % _exshell_version()}
                values.update(meta)
                for k, v in values.items():
                    self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (k, str(v)))
                for key in self._all_keys(org):
                    self._write_entity(org, key)
                self._drop_unused_keys()
                self._write_counters(org, force=True)
                self._seq = self.conn.execute("SELECT coalesce(max(seq), 0) FROM journal").fetchone()[0]
        except sqlite3.Error as e:
            self._forget_new_keys()
            raise self._error(e, "create the world") from None
        org.changes.close()
        self._attach(org)

    def _ensure_schema(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            tables = [r[0] for r in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")]
            if tables:
                raise WorldStoreError("not an exshell world: an SQLite database of another program. "
                                      "Give another file with -State", path=self.display)
            for target in range(1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[target].split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
            self.conn.execute("PRAGMA application_id = %d" % APPLICATION_ID)
            self.conn.execute("PRAGMA user_version = %d" % SCHEMA_VERSION)

    def _all_keys(self, org) -> List[Tuple[str, ...]]:
        keys: List[Tuple[str, ...]] = [("org",), ("clock",), ("send",), ("federation",)]
        for s in org.servers:
            keys.append(("server", s.name))
            stores = [("My", s.my), ("REQUEST", s.requests)] + sorted(s.extra_stores.items())
            for name, store in stores:
                keys.extend(("cert", s.name, name, t) for t in store.thumbprints())
            keys.extend(("trust", s.name, "Root", t) for t in s.roots)
            keys.extend(("trust", s.name, "CA", t) for t in s.intermediates)
        keys += [("ca", "enterprise"), ("ca", "public")]
        return keys

    def _attach(self, org) -> None:
        self.org = org
        org.changes.begin_hook = self._begin_write
        org.world_store = self
        try:
            self._dv = self.conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as e:
            raise self._error(e, "read the world") from None

    # ------------------------------------------------------------ writing rows
    def _write_entity(self, org, key: Tuple[str, ...]) -> None:
        kind = key[0]
        c = self.conn
        if kind == "org":
            c.execute("INSERT OR REPLACE INTO organization(id, version, name, domain, dc_fqdn, "
                      "local_server, settings) VALUES (1, ?, ?, ?, ?, ?, ?)",
                      (org.profile.name, org.name, org.domain, org.dc_fqdn,
                       org.local_server.name if org.local_server is not None else None,
                       _dumps(_org_settings(org))))
        elif kind == "clock":
            mode, value = _clock_row(org.clock)
            c.execute("INSERT OR REPLACE INTO clock(id, mode, value) VALUES (1, ?, ?)", (mode, value))
        elif kind == "counters":
            self._write_counters(org, force=True)
        elif kind == "server":
            server = self._server(org, key[1])
            if server is None:
                c.execute("DELETE FROM servers WHERE name = ?", (key[1],))
            else:
                c.execute("INSERT OR REPLACE INTO servers(name, position, fqdn, roles, settings) "
                          "VALUES (?, ?, ?, ?, ?)",
                          (server.name, org.servers.index(server), server.fqdn,
                           _dumps(list(server.roles)), _dumps(_server_settings(server))))
            self._write_orphan_keys(key[1], server.orphan_keys if server is not None else ())
        elif kind == "send":
            c.execute("DELETE FROM send_connectors")
            c.executemany("INSERT INTO send_connectors(position, name, settings) VALUES (?, ?, ?)",
                          [(i, sc.name, _dumps(_send_settings(sc)))
                           for i, sc in enumerate(org.send_connectors)])
        elif kind == "federation":
            c.execute("DELETE FROM federation_trusts")
            c.executemany("INSERT INTO federation_trusts(position, name, settings) VALUES (?, ?, ?)",
                          [(i, t.name, _dumps(_federation_settings(t)))
                           for i, t in enumerate(org.federation_trusts)])
        elif kind == "cert":
            _, server_name, store_name, thumbprint = key
            server = self._server(org, server_name)
            entry = None
            if server is not None:
                store = server.cert_store(store_name, create=False)
                entry = store.get(thumbprint) if store is not None else None
            if entry is None:
                old = c.execute("SELECT key_id FROM certificates WHERE server = ? AND store = ? "
                                "AND thumbprint = ?", (server_name, store_name, thumbprint)).fetchone()
                c.execute("DELETE FROM certificates WHERE server = ? AND store = ? AND thumbprint = ?",
                          (server_name, store_name, thumbprint))
                if old and old[0] is not None:
                    self._drop_key_if_unused(old[0])
                return
            key_id = self._key_id(entry.raw_key)
            c.execute("INSERT INTO certificates(server, store, thumbprint, der, key_id, friendly_name, "
                      "exportable, archived, revoked, request, acl) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                      "ON CONFLICT(server, store, thumbprint) DO UPDATE SET der = excluded.der, "
                      "key_id = excluded.key_id, friendly_name = excluded.friendly_name, "
                      "exportable = excluded.exportable, archived = excluded.archived, "
                      "revoked = excluded.revoked, request = excluded.request, acl = excluded.acl",
                      (server_name, store_name, thumbprint, entry.der, key_id, entry.friendly_name,
                       int(bool(entry.exportable)), int(bool(entry.archived)),
                       int(bool(entry.revoked)), entry.request_der,
                       _dumps(_acl_rows(entry.access_rules))))
        elif kind == "trust":
            _, server_name, store_name, thumbprint = key
            server = self._server(org, server_name)
            root = None
            if server is not None:
                root = (server.roots if store_name == "Root" else server.intermediates).get(thumbprint)
            if root is None:
                c.execute("DELETE FROM trust WHERE server = ? AND store = ? AND thumbprint = ?",
                          (server_name, store_name, thumbprint))
                return
            c.execute("INSERT INTO trust(server, store, thumbprint, der, kind, friendly_name) "
                      "VALUES (?,?,?,?,?,?) ON CONFLICT(server, store, thumbprint) DO UPDATE SET "
                      "der = excluded.der, kind = excluded.kind, friendly_name = excluded.friendly_name",
                      (server_name, store_name, thumbprint, root.der, root.kind,
                       root.friendly_name or ""))
        elif kind == "ca":
            self._write_authority(org, key[1])
        else:  # pragma: no cover - a key the model does not make
            raise ValueError("unknown entity %r" % (key,))

    def _write_orphan_keys(self, server_name: str, keys: Sequence[Any]) -> None:
        """The keys removed certificates left behind on a server (rows only when they changed)."""
        c = self.conn
        old = [k for (k,) in c.execute("SELECT key_id FROM orphan_keys WHERE server = ? ORDER BY "
                                       "position", (server_name,))]
        new = [self._key_id(k) for k in keys]
        if old == new:
            return
        c.execute("DELETE FROM orphan_keys WHERE server = ?", (server_name,))
        c.executemany("INSERT INTO orphan_keys(server, position, key_id) VALUES (?, ?, ?)",
                      [(server_name, i, k) for i, k in enumerate(new)])
        for key_id in old:
            self._drop_key_if_unused(key_id)

    def _write_authority(self, org, which: str) -> None:
        c = self.conn
        ca = org.enterprise_ca if which == "enterprise" else org.public_ca
        old = c.execute("SELECT key_id, root_key_id FROM authorities WHERE name = ?", (which,)).fetchone()
        if ca is None:
            c.execute("DELETE FROM authorities WHERE name = ?", (which,))
        elif which == "enterprise":
            c.execute("INSERT OR REPLACE INTO authorities(name, key_id, root_key_id, data) VALUES (?,?,?,?)",
                      (which, self._key_id(ca.held("key")), None,
                       _dumps({"subject": ca.subject_text,
                               "cert": base64.b64encode(_der_of(ca.held("cert"))).decode("ascii")})))
        else:
            c.execute("INSERT OR REPLACE INTO authorities(name, key_id, root_key_id, data) VALUES (?,?,?,?)",
                      (which, self._key_id(ca.held("key")), self._key_id(ca.held("root_key")),
                       _dumps({"cert": base64.b64encode(_der_of(ca.held("cert"))).decode("ascii"),
                               "issuing_cert": base64.b64encode(
                                   _der_of(ca.held("issuing_cert"))).decode("ascii")})))
        if old:
            for key_id in old:
                if key_id is not None:
                    self._drop_key_if_unused(key_id)

    def _write_counters(self, org, force: bool = False) -> bool:
        text = _dumps(counters_of(org))
        if text == self._counters_text and not force:
            return False
        self.conn.execute("INSERT OR REPLACE INTO counters(id, data) VALUES (1, ?)", (text,))
        self._counters_text = text
        return True

    @staticmethod
    def _server(org, name: str):
        for s in org.servers:
            if s.name == name:
                return s
        return None

    # ------------------------------------------------------------ keys
    def _key_id(self, key: Any) -> Optional[int]:
        from .store import KeyHandle
        if key is None:
            return None
        if isinstance(key, KeyHandle):
            if self._handles.get(key.ident) is key:
                return key.ident
            key = key.get()
        hit = self._keys_by_object.get(id(key))
        if hit is not None and hit[0] is key:
            return hit[1]
        from .keys import pool_pem, private_key_pem
        pem = pool_pem(key) or private_key_pem(key)
        fingerprint = hashlib.sha256(pem).hexdigest()
        row = self.conn.execute("SELECT id FROM keys WHERE fingerprint = ?", (fingerprint,)).fetchone()
        if row is None:
            cur = self.conn.execute("INSERT INTO keys(fingerprint, pem) VALUES (?, ?)", (fingerprint, pem))
            key_id = cur.lastrowid
            self._new_keys.append(key_id)
        else:
            key_id = row[0]
        self._keys_by_object[id(key)] = (key, key_id)
        return key_id

    def _drop_key_if_unused(self, key_id: int) -> None:
        """``key_id`` may have lost its last user: checked once the whole change is
        written (a key can move in one change, as certutil -repairstore moves a key
        left behind back to its certificate)."""
        self._unused_candidates.append(key_id)

    def _drop_unused_keys(self) -> None:
        c = self.conn
        candidates, self._unused_candidates = self._unused_candidates, []
        for key_id in dict.fromkeys(candidates):
            used = c.execute("SELECT 1 FROM certificates WHERE key_id = ? LIMIT 1", (key_id,)).fetchone() or \
                c.execute("SELECT 1 FROM authorities WHERE key_id = ? OR root_key_id = ? LIMIT 1",
                          (key_id, key_id)).fetchone() or \
                c.execute("SELECT 1 FROM orphan_keys WHERE key_id = ? LIMIT 1", (key_id,)).fetchone()
            if not used:
                c.execute("DELETE FROM keys WHERE id = ?", (key_id,))
                self._forget_key(key_id)

    def _forget_key(self, key_id: int) -> None:
        self._handles.pop(key_id, None)
        for obj_id, (_, kid) in list(self._keys_by_object.items()):
            if kid == key_id:
                del self._keys_by_object[obj_id]

    def _forget_new_keys(self) -> None:
        for key_id in self._new_keys:
            self._forget_key(key_id)
        self._new_keys = []
        self._unused_candidates = []

    def _handle(self, key_id: Optional[int], what: str):
        from .store import KeyHandle
        if key_id is None:
            return None
        _check(isinstance(key_id, int), "%s has a bad key reference" % what)
        handle = self._handles.get(key_id)
        if handle is None:
            row = self.conn.execute("SELECT pem FROM keys WHERE id = ?", (key_id,)).fetchone()
            _check(row is not None, "%s refers to a key that is missing" % what)
            pem = row[0]
            _check(isinstance(pem, bytes) and pem.lstrip().startswith(b"-----BEGIN")
                   and b"PRIVATE KEY-----" in pem, "key %d is not a PEM private key" % key_id)
            handle = KeyHandle(key_id, self._key_loader(key_id, pem))
            self._handles[key_id] = handle
        return handle

    def _key_loader(self, key_id: int, pem: bytes) -> Callable[[], Any]:
        display = self.display

        def load():
            from .keys import private_key_from_pem
            try:
                return private_key_from_pem(pem)
            except (ValueError, TypeError):
                raise WorldStoreError("the world database is damaged (key %d does not load); %s"
                                      % (key_id, _HINT_DAMAGED), path=display) from None
        return load

    # ------------------------------------------------------------ loading
    def load(self, *, clock=None, key_source=None, serials=None):
        """The organisation of this world (validated row by row), attached to the store."""
        from .clock import Clock
        from .organization import Organization
        from ..profiles import get_profile
        try:
            self.conn.execute("BEGIN")
            try:
                self.schema = self.conn.execute("PRAGMA user_version").fetchone()[0]
                row = self.conn.execute("SELECT version, name, domain, dc_fqdn, local_server, settings "
                                        "FROM organization WHERE id = 1").fetchone()
                if row is None:
                    raise self._damaged("it holds no organisation")
                version, name, domain, dc_fqdn, local_server, settings = row
                try:
                    profile = get_profile(_text(version, "the Exchange version"))
                except KeyError:
                    raise _Damaged("unknown Exchange version %r" % (version,)) from None
                dc_fqdn = _text(dc_fqdn, "the domain controller", empty=False)
                org = Organization(profile, clock=clock if clock is not None else Clock(),
                                   key_source=key_source, serials=serials,
                                   domain=_text(domain, "the domain", empty=False),
                                   name=_text(name, "the organisation name"),
                                   dc_name=dc_fqdn.split(".")[0])
                with org.changes.suspend():
                    org.dc_fqdn = dc_fqdn
                    self._load_org_row(org, row)
                    self._load_clock(org)
                    self._load_counters(org)
                    self._load_send(org)
                    self._load_federation(org)
                    for (sname,) in self.conn.execute("SELECT name FROM servers ORDER BY position").fetchall():
                        self._load_server(org, sname)
                    self._order_servers(org, _json(settings, "the organisation's settings").get("servers"))
                    self._set_local(org, local_server)
                    self._load_all_certificates(org)
                    for sname, store, thumb in self.conn.execute(
                            "SELECT server, store, thumbprint FROM trust ORDER BY id").fetchall():
                        self._load_trust(org, (sname, store, thumb))
                    self._load_authority(org, "enterprise")
                    self._load_authority(org, "public")
                self._seq = self.conn.execute("SELECT coalesce(max(seq), 0) FROM journal").fetchone()[0]
            finally:
                self.conn.execute("COMMIT")
        except _Damaged as e:
            raise self._damaged(str(e)) from None
        except sqlite3.Error as e:
            raise self._error(e, "read the world") from None
        org.changes.close()
        self._attach(org)
        return org

    def _load_org_row(self, org, row) -> None:
        from .organization import AcceptedDomain, AuthConfig
        version, name, domain, dc_fqdn, local_server, settings = row
        data = _json(settings, "the organisation's settings")
        org.name = _text(name, "the organisation name")
        org.domain = _text(domain, "the domain", empty=False)
        org.dc_fqdn = _text(dc_fqdn, "the domain controller", empty=False)
        domains = data.get("accepted_domains")
        _check(isinstance(domains, list), "the accepted domains are missing")
        accepted = []
        for item in domains:
            _check(isinstance(item, list) and len(item) == 3, "an accepted domain has the wrong shape")
            accepted.append(AcceptedDomain(_text(item[0], "an accepted domain", empty=False),
                                           _bool(item[1], "authoritative"), _bool(item[2], "default")))
        org.accepted_domains = accepted
        org.federation_thumbprints = set(_thumb(t, "a federation thumbprint")
                                         for t in _texts(data.get("federation"), "federation"))
        self._load_org_id(org, data.get("federated_org_id"))
        a = data.get("auth")
        _check(isinstance(a, dict), "the Auth configuration is missing")
        cfg = AuthConfig(current_thumbprint=_text(a.get("current"), "Auth current", none=True),
                         previous_thumbprint=_text(a.get("previous"), "Auth previous", none=True),
                         next_thumbprint=_text(a.get("next"), "Auth next", none=True),
                         next_effective_date=_when(a.get("next_date"), "Auth next date"),
                         service_name=_text(a.get("service_name"), "Auth service name"),
                         realm=_text(a.get("realm"), "Auth realm"),
                         name=_text(a.get("name", "Auth Configuration"), "Auth name"))
        org.auth_config = cfg
        grants = {}
        listed = data.get("protected_pfx", [])          # absent in worlds made before it
        _check(isinstance(listed, list), "the protected PFX files have the wrong shape")
        for item in listed:
            _check(isinstance(item, list) and len(item) == 3, "a protected PFX has the wrong shape")
            digest = _text(item[0], "a protected PFX", empty=False)
            grants[digest] = (_texts(item[1], "a protected PFX's principals"),
                              _text(item[2], "a protected PFX's password"))
        if grants != dict(org.protected_pfx):
            org.protected_pfx = grants
        if org.servers:
            self._order_servers(org, data.get("servers"))
            self._set_local(org, local_server)

    def _order_servers(self, org, names: Any) -> None:
        if not isinstance(names, list):
            return
        order = {n: i for i, n in enumerate(names) if isinstance(n, str)}
        ordered = sorted(org.servers, key=lambda s: order.get(s.name, len(order)))
        if ordered != list(org.servers):
            org.servers = ordered

    def _set_local(self, org, name: Any) -> None:
        _text(name, "the local server", none=True)
        local = self._server(org, name) if name else None
        _check(name is None or local is not None, "the local server %r does not exist" % (name,))
        org.local_server = local if local is not None else (org.servers[0] if org.servers else None)

    def _load_clock(self, org) -> None:
        row = self.conn.execute("SELECT mode, value FROM clock WHERE id = 1").fetchone()
        _check(row is not None, "the clock is missing")
        mode, value = row
        if mode == "fixed":
            when = _when(value, "the clock")
            _check(when is not None, "the clock is missing")
            org.clock.set(when)
        elif mode == "offset":
            try:
                seconds = float(value)
            except (TypeError, ValueError):
                raise _Damaged("the clock is not a number") from None
            _check(abs(seconds) < 200 * 365 * 86400, "the clock is out of range")
            org.clock.set_offset(_dt.timedelta(seconds=seconds))
        else:
            raise _Damaged("the clock has an unknown mode %r" % (mode,))

    def _load_counters(self, org) -> None:
        row = self.conn.execute("SELECT data FROM counters WHERE id = 1").fetchone()
        if row is None:
            return
        restore_counters(org, _json(row[0], "the counters"))
        self._counters_text = _dumps(counters_of(org))

    def _load_send(self, org) -> None:
        from .organization import SendConnector
        rows = self.conn.execute("SELECT name, settings FROM send_connectors ORDER BY position").fetchall()
        existing = {c.name.casefold(): c for c in org.send_connectors}
        out = []
        for name, settings in rows:
            what = "send connector %r" % (name,)
            d = _json(settings, what)
            values = dict(name=_text(name, what, empty=False),
                          tls_certificate_name=_text(d.get("tls"), what, none=True),
                          address_spaces=tuple(_texts(d.get("address_spaces"), what)),
                          source_servers=tuple(_texts(d.get("source_servers"), what)),
                          fqdn=_text(d.get("fqdn"), what, none=True),
                          usage=_text(d.get("usage"), what),
                          enabled=_bool(d.get("enabled"), what),
                          require_tls=_bool(d.get("require_tls"), what))
            connector = existing.get(name.casefold())
            if connector is None:
                connector = SendConnector(**values)
            else:
                for k, v in values.items():
                    setattr(connector, k, v)
            out.append(connector)
        if out != list(org.send_connectors):
            org.send_connectors = out

    def _load_org_id(self, org, d: Any) -> None:
        """The federated organization identifier (absent in worlds made before it)."""
        if d is None:
            d = {}
        _check(isinstance(d, dict), "the federated organization identifier has the wrong shape")
        what = "the federated organization identifier"
        values = dict(account_namespace=_text(d.get("account_namespace"), what, none=True),
                      domains=tuple(_texts(d.get("domains", []), what)),
                      enabled=_bool(d.get("enabled", False), what),
                      delegation_trust=_text(d.get("delegation_trust"), what, none=True),
                      organization_contact=_text(d.get("organization_contact"), what, none=True),
                      default_domain=_text(d.get("default_domain"), what, none=True))
        ident = org.federated_org_id
        for k, v in values.items():
            if getattr(ident, k) != v:
                setattr(ident, k, v)

    def _load_federation(self, org) -> None:
        from .federation import FederationTrust
        rows = self.conn.execute("SELECT name, settings FROM federation_trusts ORDER BY position").fetchall()
        existing = {t.name.casefold(): t for t in org.federation_trusts}
        out = []
        for name, settings in rows:
            what = "federation trust %r" % (name,)
            d = _json(settings, what)
            issuer = d.get("token_issuer")
            values = dict(name=_text(name, what, empty=False),
                          org_thumbprint=_thumb(d["org"], what) if d.get("org") else None,
                          next_thumbprint=_thumb(d["next"], what) if d.get("next") else None,
                          prev_thumbprint=_thumb(d["prev"], what) if d.get("prev") else None,
                          application_uri=_text(d.get("application_uri", ""), what),
                          application_identifier=_text(d.get("application_identifier", ""), what),
                          metadata_url=_text(d.get("metadata_url", ""), what),
                          provisioned_externally=_bool(d.get("provisioned_externally", False), what),
                          legacy=_bool(d.get("legacy", False), what),
                          created=_when(d.get("created"), what), changed=_when(d.get("changed"), what),
                          token_issuer_der=_b64(issuer, what) if issuer else None,
                          guid=_text(d.get("guid", ""), what))
            trust = existing.get(str(name).casefold())
            if trust is None:
                trust = FederationTrust(**values)
            else:
                for k, v in values.items():
                    if getattr(trust, k) != v:
                        setattr(trust, k, v)
            out.append(trust)
        if out != list(org.federation_trusts):
            org.federation_trusts = out

    def _load_server(self, org, name: str) -> None:
        from .organization import ReceiveConnector, Server
        row = self.conn.execute("SELECT fqdn, roles, settings FROM servers WHERE name = ?", (name,)).fetchone()
        server = self._server(org, name)
        if row is None:
            if server is not None:
                org.servers = [s for s in org.servers if s is not server]
                if org.local_server is server:
                    org.local_server = org.servers[0] if org.servers else None
            return
        what = "server %r" % (name,)
        fqdn, roles, settings = row
        _text(name, what, empty=False)
        _check(name.replace("-", "").isalnum() and len(name) <= 15, "%s has a bad name" % what)
        roles = _texts(_json(roles, what, list), what)
        d = _json(settings, what)
        if server is None:
            server = Server(org, name, roles)
            org.servers = list(org.servers) + [server]
        server.fqdn = _text(fqdn, what, empty=False)
        server.roles = tuple(roles)
        server.host_names = tuple(_texts(d.get("host_names", []), what))
        server.stopped_services = tuple(_texts(d.get("stopped_services", []), what))
        iis = d.get("iis")
        _check(isinstance(iis, dict), "%s: IIS bindings have the wrong shape" % what)
        bindings = {}
        for site, thumb in iis.items():
            _check(site.isdigit(), "%s: IIS site %r is not a number" % (what, site))
            bindings[int(site)] = _thumb(thumb, what + " IIS binding")
        server.iis_bindings = bindings
        server.iis_require_ssl = _bool(d.get("iis_require_ssl"), what)
        server.pop_x509_name = _text(d.get("pop"), what, none=True)
        server.imap_x509_name = _text(d.get("imap"), what, none=True)
        for attr, field in (("internal_transport_thumbprint", "transport"), ("um_thumbprint", "um"),
                            ("umcr_thumbprint", "umcr")):
            value = d.get(field)
            setattr(server, attr, None if value is None else _thumb(value, "%s %s" % (what, field)))
        connectors = d.get("receive_connectors")
        _check(isinstance(connectors, list), "%s: receive connectors are missing" % what)
        existing = {c.name.casefold(): c for c in server.receive_connectors}
        out = []
        for c in connectors:
            _check(isinstance(c, dict), "%s: a receive connector has the wrong shape" % what)
            values = dict(name=_text(c.get("name"), what, empty=False),
                          bindings=tuple(_texts(c.get("bindings"), what)),
                          tls_certificate_name=_text(c.get("tls"), what, none=True),
                          fqdn=_text(c.get("fqdn"), what, none=True),
                          enabled=_bool(c.get("enabled"), what))
            connector = existing.get(values["name"].casefold())
            if connector is None:
                connector = ReceiveConnector(server.name, **values)
            else:
                for k, v in values.items():
                    setattr(connector, k, v)
            out.append(connector)
        if out != list(server.receive_connectors):
            server.receive_connectors = out
        if self.schema >= 3:
            orphans = [self._handle(k, what + " (a key left behind)") for (k,) in self.conn.execute(
                "SELECT key_id FROM orphan_keys WHERE server = ? ORDER BY position", (name,))]
            if orphans != list(server.orphan_keys):
                server.orphan_keys = orphans

    def _deferred(self, der: bytes, what: str, request: bool = False):
        """A certificate (or request) of the world, parsed when first used; DER that
        does not parse then gives the world's "damaged" message, as a key does."""
        from .store import Deferred
        display = self.display

        def load(data: bytes) -> Any:
            x509 = _x509()
            try:
                if request:
                    return x509.load_der_x509_csr(data)
                return x509.load_der_x509_certificate(data)
            except (ValueError, TypeError):
                raise WorldStoreError("the world database is damaged (%s does not load as a %s); %s"
                                      % (what, "request" if request else "certificate",
                                         _HINT_DAMAGED), path=display) from None
        return Deferred(der, load)

    def _entry_from_row(self, row, what: str):
        from .store import StoreEntry
        thumb, der, key_id, friendly, exportable, archived, revoked, request, acl = row
        der = _blob(der, what + " certificate")
        _check(hashlib.sha1(der).hexdigest().upper() == thumb,
               "%s: the certificate does not match its thumbprint" % what)
        csr = None
        if request is not None:
            csr = self._deferred(_blob(request, what + " request"), what, request=True)
        return StoreEntry(self._deferred(der, what), key=self._handle(key_id, what),
                          friendly_name=_text(friendly, what),
                          exportable=_bool(exportable, what), request=csr,
                          access_rules=self._acl(acl, what), archived=_bool(archived, what),
                          revoked=_bool(revoked, what), der=der, thumbprint=thumb)

    def _acl(self, text: Any, what: str) -> tuple:
        """An ACL column as rules (a world has a few different ACLs: parsed once each)."""
        cache = self.__dict__.setdefault("_acl_cache", {})
        hit = cache.get(text)
        if hit is None:
            from .dotnet import CryptoKeyAccessRule
            rules = []
            for item in _json(text, what + " ACL", list):
                _check(isinstance(item, list) and len(item) == 3
                       and all(isinstance(x, str) for x in item) and item[2] in ("Allow", "Deny"),
                       "%s: an ACL entry has the wrong shape" % what)
                rules.append(CryptoKeyAccessRule(item[0], item[1], item[2] == "Allow"))
            hit = cache[text] = tuple(rules)
        return hit

    _CERT_COLUMNS = "thumbprint, der, key_id, friendly_name, exportable, archived, revoked, request, acl"

    def _load_all_certificates(self, org) -> None:
        servers = {s.name: s for s in org.servers}
        for row in self.conn.execute("SELECT server, store, %s FROM certificates ORDER BY id"
                                     % self._CERT_COLUMNS):
            sname, store = row[0], row[1]
            what = "certificate %r on %r" % (row[2], sname)
            _thumb(row[2], what)
            server = servers.get(sname)
            _check(server is not None, "%s: no such server" % what)
            target = server.cert_store(store) if isinstance(store, str) else None
            _check(target is not None, "%s: unknown store %r" % (what, store))
            target.put(self._entry_from_row(row[2:], what))

    def _load_certificate(self, org, key: Tuple[str, str, str]) -> None:
        sname, store, thumb = key
        server = self._server(org, sname)
        target = server.cert_store(store) if server is not None else None
        if target is None:
            return
        row = self.conn.execute("SELECT %s FROM certificates WHERE server = ? AND store = ? AND "
                                "thumbprint = ?" % self._CERT_COLUMNS, key).fetchone()
        if row is None:
            target.discard(thumb)
        else:
            target.put(self._entry_from_row(row, "certificate %r on %r" % (thumb, sname)))

    def _load_trust(self, org, key: Tuple[str, str, str]) -> None:
        from .certificate import thumbprint_of
        from .store import RootEntry
        sname, store, thumb = key
        server = self._server(org, sname)
        what = "trusted certificate %r on %r" % (thumb, sname)
        row = self.conn.execute("SELECT der, kind, %s FROM trust WHERE server = ? AND store = ? AND "
                                "thumbprint = ?" % ("friendly_name" if self.schema >= 3 else "''"),
                                key).fetchone()
        if row is None:
            if server is not None and store in ("Root", "CA"):
                (server.roots if store == "Root" else server.intermediates).pop(thumb, None)
            return
        _check(server is not None, "%s: no such server" % what)
        _check(store in ("Root", "CA"), "%s: unknown store %r" % (what, store))
        target = server.roots if store == "Root" else server.intermediates
        der = _blob(row[0], what)
        _check(thumbprint_of(der) == thumb, "%s does not match its thumbprint" % what)
        _check(row[1] in ("Registry", "ThirdParty", "Enterprise", "GroupPolicy", "Intermediate"),
               "%s has an unknown kind %r" % (what, row[1]))
        target[thumb] = RootEntry(self._deferred(der, what), row[1], thumbprint=thumb, der=der,
                                  friendly_name=_text(row[2], what))

    def _load_authority(self, org, which: str) -> None:
        row = self.conn.execute("SELECT key_id, root_key_id, data FROM authorities WHERE name = ?",
                                (which,)).fetchone()
        if row is None:
            if which == "enterprise":
                org.enterprise_ca = None
            else:
                org.public_ca = None
            return
        what = "the %s CA" % which
        d = _json(row[2], what)

        def cert(field: str):
            try:
                der = base64.b64decode(_text(d.get(field), what), validate=True)
            except (ValueError, TypeError):
                raise _Damaged("%s: its certificate does not load" % what) from None
            _check(len(der) > 0, "%s: its certificate does not load" % what)
            return self._deferred(der, what)

        def key(key_id):
            handle = self._handle(key_id, what)
            _check(handle is not None, "%s has no key" % what)
            return handle

        if which == "enterprise":
            from .authority import LabCertificateAuthority
            ca = LabCertificateAuthority.__new__(LabCertificateAuthority)
            ca.organization = org
            ca.subject_text = _text(d.get("subject"), what, empty=False)
            ca.cert = cert("cert")
            ca.key = key(row[0])
            ca.issued = []
            org.enterprise_ca = ca
        else:
            from .authority import LabPublicCertificateAuthority
            ca = LabPublicCertificateAuthority.__new__(LabPublicCertificateAuthority)
            ca.organization = org
            ca.cert = cert("cert")
            ca.issuing_cert = cert("issuing_cert")
            ca.key = key(row[0])
            ca.root_key = key(row[1])
            ca.issued = []
            org.public_ca = ca

    def _load_entity(self, org, key: Tuple[str, ...]) -> None:
        kind = key[0]
        if kind == "org":
            row = self.conn.execute("SELECT version, name, domain, dc_fqdn, local_server, settings "
                                    "FROM organization WHERE id = 1").fetchone()
            if row is not None:
                self._load_org_row(org, row)
        elif kind == "clock":
            self._load_clock(org)
        elif kind == "counters":
            self._load_counters(org)
        elif kind == "server":
            self._load_server(org, key[1])
        elif kind == "send":
            self._load_send(org)
        elif kind == "federation":
            self._load_federation(org)
        elif kind == "cert" and len(key) == 4:
            self._load_certificate(org, key[1:])
        elif kind == "trust" and len(key) == 4:
            self._load_trust(org, key[1:])
        elif kind == "ca" and len(key) == 2:
            self._load_authority(org, key[1])
        elif kind == "world":
            self._reload_everything(org)

    def _reload_everything(self, org) -> None:
        keys = set(self._all_keys(org))
        keys.update(("server", n) for (n,) in self.conn.execute("SELECT name FROM servers"))
        for s, st, t in self.conn.execute("SELECT server, store, thumbprint FROM certificates"):
            keys.add(("cert", s, st, t))
        for s, st, t in self.conn.execute("SELECT server, store, thumbprint FROM trust"):
            keys.add(("trust", s, st, t))
        order = {"org": 0, "server": 1, "clock": 2, "counters": 2, "send": 2, "federation": 2, "ca": 3,
                 "trust": 4, "cert": 5}
        for key in sorted(keys, key=lambda k: order.get(k[0], 9)):
            self._load_entity(org, key)
        self._load_entity(org, ("org",))
        self._load_counters(org)

    # ------------------------------------------------------------ keeping in step
    def refresh(self) -> bool:
        """Apply what other shells committed since this one last looked (cheap when
        nothing was: one ``PRAGMA data_version``).  True when something changed."""
        if self.org is None or self._in_write or self.closed:
            return False
        try:
            dv = self.conn.execute("PRAGMA data_version").fetchone()[0]
            if dv == self._dv:
                return False
            self.conn.execute("BEGIN")
            try:
                changed = self._apply_journal()
            finally:
                self.conn.execute("COMMIT")
            self._dv = dv
            return changed
        except _Damaged as e:
            raise self._damaged(str(e)) from None
        except sqlite3.Error as e:
            raise self._error(e, "read the world") from None

    def _apply_journal(self) -> bool:
        org = self.org
        c = self.conn
        rows = c.execute("SELECT seq, entity FROM journal WHERE seq > ? ORDER BY seq", (self._seq,)).fetchall()
        if not rows:
            return False
        first = c.execute("SELECT min(seq) FROM journal").fetchone()[0]
        with org.changes.suspend():
            if first is not None and first > self._seq + 1 and self._seq > 0:
                self._reload_everything(org)      # pruned past us: read it all again
            else:
                seen: Dict[Tuple[str, ...], None] = {}
                for _, text in rows:
                    seen[_key_of(text)] = None
                # Servers before what lives on them; the organisation row last (server order).
                order = {"server": 0, "ca": 1, "trust": 2, "cert": 3}
                for key in sorted(seen, key=lambda k: order.get(k[0], 4)):
                    self._load_entity(org, key)
        self._seq = rows[-1][0]
        return True

    def _begin_write(self) -> None:
        """The first change of a command: take the write lock, then catch up."""
        if self._in_write or self.closed:
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise self._error(e, "change the world") from None
        self._in_write = True
        try:
            self._apply_journal()
            self._dv = self.conn.execute("PRAGMA data_version").fetchone()[0]
        except _Damaged as e:
            self._abort()
            raise self._damaged(str(e)) from None
        except sqlite3.Error as e:
            self._abort()
            raise self._error(e, "read the world") from None

    def _abort(self) -> None:
        try:
            self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        self._in_write = False
        self._forget_new_keys()

    @property
    def in_write(self) -> bool:
        """Whether this shell holds the write lock (a change is under way)."""
        return self._in_write

    def commit(self) -> List[Tuple[str, ...]]:
        """Write what changed (one transaction, with its journal lines) and release the
        lock.  Returns the keys written.  On failure the change is undone in memory too
        and WorldStoreError says why."""
        org = self.org
        if org is None or self.closed:
            return []
        keys = org.changes.close()
        if not keys and not self._in_write:
            return []
        try:
            if not self._in_write:
                self.conn.execute("BEGIN IMMEDIATE")
                self._in_write = True
            if self._write_counters(org):
                keys.append(("counters",))
            if keys:
                for key in keys:
                    self._write_entity(org, key)
                self._drop_unused_keys()
                self.conn.executemany("INSERT INTO journal(entity) VALUES (?)",
                                      [(_entity(k),) for k in keys])
                seq = self.conn.execute("SELECT max(seq) FROM journal").fetchone()[0]
                self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('changed', ?)",
                                  (_utc_now(),))
                if seq % 1000 == 0:
                    self.conn.execute("DELETE FROM journal WHERE seq <= ?", (seq - JOURNAL_KEEP,))
            else:
                seq = self._seq
            self.conn.execute("COMMIT")
        except sqlite3.Error as e:
            self._abort()
            self._counters_text = None
            self._revert(keys)
            raise self._error(e, "save the change to the world") from None
        self._in_write = False
        self._new_keys = []
        self._seq = max(self._seq, seq)
        for listener in list(self.commit_listeners):
            listener(keys)
        return keys

    def rollback(self) -> List[Tuple[str, ...]]:
        """Undo what the current command changed: the model gets those entities back
        from the database (as last committed, by anyone)."""
        org = self.org
        if org is None or self.closed:
            return []
        keys = org.changes.close()
        if self._in_write:
            self._abort()
        self._revert(keys)
        return keys

    def _revert(self, keys: Iterable[Tuple[str, ...]]) -> None:
        org = self.org
        try:
            self.conn.execute("BEGIN")
            try:
                with org.changes.suspend():
                    order = {"server": 0, "ca": 1, "trust": 2, "cert": 3}
                    for key in sorted(set(keys) | {("counters",), ("clock",)},
                                      key=lambda k: order.get(k[0], 4)):
                        self._load_entity(org, key)
                    # An entry removed and given back goes where it was, not last.
                    for where in {k[:3] for k in keys if k[0] in ("cert", "trust") and len(k) == 4}:
                        self._reorder(org, *where)
                    self._apply_journal()
            finally:
                self.conn.execute("COMMIT")
            self._dv = self.conn.execute("PRAGMA data_version").fetchone()[0]
        except _Damaged as e:
            raise self._damaged(str(e)) from None
        except sqlite3.Error as e:
            raise self._error(e, "read the world") from None
        org.changes.close()

    def _reorder(self, org, kind: str, server_name: str, store_name: str) -> None:
        server = self._server(org, server_name)
        if server is None:
            return
        table = "certificates" if kind == "cert" else "trust"
        order = [t for (t,) in self.conn.execute(
            "SELECT thumbprint FROM %s WHERE server = ? AND store = ? ORDER BY id" % table,
            (server_name, store_name))]
        if kind == "cert":
            store = server.cert_store(store_name)
            if store is None:
                return
            current = store.thumbprints()
            if current != order:
                entries = {t: store.get(t) for t in current}
                for t in current:
                    store.discard(t)
                for t in order + [t for t in current if t not in order]:
                    if entries.get(t) is not None:
                        store.put(entries[t])
        else:
            mapping = server.roots if store_name == "Root" else server.intermediates
            current = list(mapping)
            if current != order:
                items = dict(mapping)
                mapping.clear()
                for t in order + [t for t in current if t not in order]:
                    if t in items:
                        mapping[t] = items[t]

    def replace(self, org) -> None:
        """Make ``org`` this world (Reset-Lab, world reset): every row rewritten, in one
        transaction; other shells reload everything."""
        old = self.org
        if old is not None:
            old.changes.close()
            old.changes.begin_hook = None
        try:
            if not self._in_write:
                self.conn.execute("BEGIN IMMEDIATE")
            self._in_write = True
            for table in ("organization", "clock", "counters", "servers", "send_connectors",
                          "certificates", "trust", "authorities", "orphan_keys", "keys"):
                self.conn.execute("DELETE FROM %s" % table)
            self._keys_by_object.clear()
            self._handles.clear()
            for key in self._all_keys(org):
                self._write_entity(org, key)
            self._drop_unused_keys()
            self._write_counters(org, force=True)
            self.conn.execute("INSERT INTO journal(entity) VALUES ('world')")
            seq = self.conn.execute("SELECT max(seq) FROM journal").fetchone()[0]
            self.conn.execute("COMMIT")
        except sqlite3.Error as e:
            self._abort()
            if old is not None:
                old.changes.begin_hook = self._begin_write
            raise self._error(e, "replace the world") from None
        self._in_write = False
        self._new_keys = []
        self._seq = seq
        org.changes.close()
        self._attach(org)


# ----------------------------------------------------------------- opening

def _connect(target: str, display: str, *, uri: bool = False) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(target, timeout=BUSY_SECONDS, isolation_level=None,
                               check_same_thread=False, uri=uri)
    except sqlite3.Error as e:
        raise _sqlite_error(e, display, "open the world") from None
    return conn


def memory_store() -> WorldStore:
    """A throwaway world in memory (``-Fresh``, tests)."""
    conn = _connect(":memory:", "<in-memory world>")
    return WorldStore(conn, None, "<in-memory world>")


def _looks_like_json(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def open_store(path: str, *, create: bool = True, readonly: bool = False) -> WorldStore:
    """Open (or, with ``create``, make) the world database ``path``; ``readonly``
    opens an existing world for reading only (a grader, a dashboard).

    Raises :class:`LegacyStateFile` for a JSON state file of an earlier exshell and
    :class:`WorldStoreError` for anything else that cannot be used."""
    display = path
    real = os.path.realpath(path)          # a symbolic link names the same world
    folder = os.path.dirname(real) or "."
    if not os.path.isdir(folder):
        shown = os.path.dirname(os.path.abspath(path))
        why = ("%s is a file, not a folder; give another -State file" if os.path.exists(folder)
               else "the folder %s does not exist; create it first, or give another -State file")
        raise WorldStoreError(why % shown, path=display)
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise WorldStoreError("cannot read the world file: %s" % (e.strerror or e), path=display) from None
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            raise WorldStoreError("not a world file (it is a folder or a device); give a file "
                                  "name with -State", path=display)
        if st.st_nlink > 1:
            # SQLite names a world's -wal and -shm files after the path it was opened by:
            # two names for one file would not share them, and two shells could damage it.
            raise WorldStoreError("the world file has %d hard links; exshell locks a world through "
                                  "one name only. Remove the other links (or copy the file) and "
                                  "try again" % st.st_nlink, path=display)
        try:
            with open(real, "rb") as fh:
                head = fh.read(100)
        except OSError as e:
            raise WorldStoreError("cannot read the world file: %s" % (e.strerror or e),
                                  path=display) from None
        if head and not head.startswith(_SQLITE_MAGIC):
            if _looks_like_json(head):
                raise LegacyStateFile("a JSON state file of an earlier exshell", path=display)
            raise WorldStoreError("not an exshell world (not an SQLite database). Give another "
                                  "file with -State, or %s" % _HINT_DAMAGED, path=display)
        if 0 < len(head) < 100:
            raise WorldStoreError("the world database is truncated (%d bytes); %s"
                                  % (st.st_size, _HINT_DAMAGED), path=display)
    elif not create or readonly:
        raise WorldStoreError("no such world file", path=display)
    if readonly:
        from urllib.parse import quote
        conn = _connect("file:%s?mode=ro" % quote(real), display, uri=True)
    else:
        if st is None:
            # A world holds (lab) private keys: readable by its owner only.  SQLite gives
            # the -wal and -shm files the same permissions.
            try:
                os.close(os.open(real, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except FileExistsError:
                pass                     # another shell made it just now
            except OSError as e:
                raise _sqlite_error(sqlite3.OperationalError(
                    "unable to open database file (%s)" % (e.strerror or e)), display,
                    "create the world") from None
        conn = _connect(real, display)
    store = WorldStore(conn, real, display)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and app_id != APPLICATION_ID:
            raise WorldStoreError("not an exshell world: an SQLite database of another program. "
                                  "Give another file with -State", path=display)
        if version > SCHEMA_VERSION:
            raise WorldStoreError("this world was made by a newer exshell (world schema %d; this "
                                  "exshell reads schemas up to %d). Upgrade exshell, or export the "
                                  "world with the newer one and import it here"
                                  % (version, SCHEMA_VERSION), path=display)
        # exshell makes tables and indexes only: a trigger or view in the file would run
        # SQL its author chose whenever the world is written (or read), such as an
        # endless recursive query -- a hostile world file, refused before any use.
        planted = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type NOT IN ('table', 'index') LIMIT 3")]
        if planted:
            raise store._damaged("it holds triggers or views exshell never makes: %s"
                                 % ", ".join(str(n)[:40] for n in planted))
        if readonly:
            if not tables:
                raise WorldStoreError("the world file holds no world yet", path=display)
            return store
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).casefold() != "wal":
            raise WorldStoreError("cannot use the world file in WAL mode (journal mode %s)" % mode,
                                  path=display)
        conn.execute("PRAGMA synchronous = FULL")
        if tables and 0 < version < SCHEMA_VERSION:
            _migrate(store, version)
        elif tables and version == SCHEMA_VERSION and not set(_TABLES) <= tables:
            raise store._damaged("tables are missing: %s" % ", ".join(sorted(set(_TABLES) - tables)))
    except WorldStoreError:
        conn.close()
        raise
    except sqlite3.Error as e:
        conn.close()
        raise _sqlite_error(e, display, "open the world") from None
    except UnicodeDecodeError:
        # A damaged schema table whose names are not text any more.
        conn.close()
        raise WorldStoreError("the world database is damaged (its table of tables cannot be read); "
                              "%s" % _HINT_DAMAGED, path=display) from None
    return store


def _migrate(store: WorldStore, version: int) -> None:
    """Bring an older schema up to date, in one transaction."""
    with store._transaction("migrate the world to the current schema"):
        for target in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[target].split(";"):
                if statement.strip():
                    store.conn.execute(statement)
            store.conn.execute("PRAGMA user_version = %d" % target)


def copy_to_memory(path: str) -> WorldStore:
    """A private in-memory copy of the world file ``path``, read consistently while other
    shells may be writing it (the grader reads learners' worlds this way)."""
    source = open_store(path, create=False, readonly=True)
    try:
        if not source.has_world():
            raise WorldStoreError("the world file holds no world yet", path=path)
        target = memory_store()
        try:
            source.conn.backup(target.conn)
            version = target.conn.execute("PRAGMA user_version").fetchone()[0]
            if 0 < version < SCHEMA_VERSION:
                _migrate(target, version)     # the private copy of an older world
        except sqlite3.Error as e:
            raise _sqlite_error(e, path, "read the world") from None
        target.display = source.display
        return target
    finally:
        source.conn.close()


# ----------------------------------------------------------------- snapshots

def _pem(kind: str, der: bytes) -> str:
    body = base64.b64encode(der).decode("ascii")
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return "-----BEGIN %s-----\n%s\n-----END %s-----\n" % (kind, "\n".join(lines), kind)


def _unpem(text: Any, what: str) -> bytes:
    _check(isinstance(text, str), "%s is not PEM text" % what)
    body = "".join(l for l in text.strip().splitlines() if not l.startswith("-----"))
    try:
        return base64.b64decode(body.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise _Damaged("%s is not PEM text" % what) from None


def export_snapshot(store: WorldStore) -> Dict[str, Any]:
    """The whole world as plain data (JSON-ready, PEM texts): meta, organisation,
    clock, counters, servers, connectors, keys, certificates, trust, authorities."""
    c = store.conn
    try:
        c.execute("BEGIN")
        try:
            org = c.execute("SELECT version, name, domain, dc_fqdn, local_server, settings FROM "
                            "organization WHERE id = 1").fetchone()
            if org is None:
                raise WorldStoreError("the world file holds no world yet", path=store.display)
            clock = c.execute("SELECT mode, value FROM clock WHERE id = 1").fetchone()
            counters = c.execute("SELECT data FROM counters WHERE id = 1").fetchone()
            data: Dict[str, Any] = {
                "format": SNAPSHOT_FORMAT, "schema": SCHEMA_VERSION,
                "exported_by": "exshell %s" % _exshell_version(),
                "meta": {k: v for k, v in c.execute("SELECT key, value FROM meta ORDER BY key")},
                "organization": {"version": org[0], "name": org[1], "domain": org[2],
                                 "dc_fqdn": org[3], "local_server": org[4],
                                 "settings": json.loads(org[5])},
                "clock": {"mode": clock[0], "value": clock[1]} if clock else None,
                "counters": json.loads(counters[0]) if counters else {},
                "servers": [{"name": n, "fqdn": f, "roles": json.loads(r), "settings": json.loads(s)}
                            for n, f, r, s in c.execute("SELECT name, fqdn, roles, settings FROM "
                                                        "servers ORDER BY position")],
                "send_connectors": [dict(json.loads(s), name=n) for n, s in c.execute(
                    "SELECT name, settings FROM send_connectors ORDER BY position")],
                "federation_trusts": [dict(json.loads(s), name=n) for n, s in c.execute(
                    "SELECT name, settings FROM federation_trusts ORDER BY position")],
                "keys": [{"id": i, "pem": bytes(p).decode("ascii")}
                         for i, p in c.execute("SELECT id, pem FROM keys ORDER BY id")],
                "certificates": [], "trust": [], "authorities": [],
            }
            from cryptography import x509
            for row in c.execute("SELECT server, store, thumbprint, der, key_id, friendly_name, "
                                 "exportable, archived, revoked, request, acl FROM certificates "
                                 "ORDER BY id"):
                s, st, t, der, key_id, fn, ex, ar, rv, req, acl = row
                info: Dict[str, Any] = {"server": s, "store": st, "thumbprint": t}
                try:   # for the reader only; import ignores them
                    cert = x509.load_der_x509_certificate(der)
                    info["subject"] = cert.subject.rfc4514_string()
                    info["not_after"] = cert.not_valid_after_utc.replace(tzinfo=None).isoformat()
                except ValueError:
                    pass
                info.update({"friendly_name": fn, "exportable": bool(ex), "archived": bool(ar),
                             "revoked": bool(rv), "key": key_id, "acl": json.loads(acl),
                             "certificate": _pem("CERTIFICATE", der),
                             "request": _pem("CERTIFICATE REQUEST", req) if req else None})
                data["certificates"].append(info)
            for s, st, t, der, kind, fn in c.execute("SELECT server, store, thumbprint, der, kind, "
                                                     "friendly_name FROM trust ORDER BY id"):
                data["trust"].append({"server": s, "store": st, "thumbprint": t, "kind": kind,
                                      "friendly_name": fn, "certificate": _pem("CERTIFICATE", der)})
            data["orphan_keys"] = [{"server": s, "key": k} for s, k in c.execute(
                "SELECT server, key_id FROM orphan_keys ORDER BY server, position")]
            for name, key_id, root_key_id, d in c.execute("SELECT name, key_id, root_key_id, data "
                                                          "FROM authorities ORDER BY name"):
                data["authorities"].append({"name": name, "key": key_id, "root_key": root_key_id,
                                            "data": json.loads(d)})
        finally:
            c.execute("COMMIT")
    except sqlite3.Error as e:
        raise store._error(e, "read the world") from None
    except ValueError as e:
        raise store._damaged(str(e)) from None
    return data


def import_snapshot(data: Any, store: WorldStore, *, path: str = "<snapshot>") -> None:
    """Fill the empty world ``store`` from a snapshot (:func:`export_snapshot`'s data);
    WorldStoreError naming ``path`` when the snapshot is not one or is damaged."""
    if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
        raise WorldStoreError("not an exshell world snapshot (format %r expected)" % SNAPSHOT_FORMAT,
                              path=path)
    schema = data.get("schema")
    if not isinstance(schema, int) or schema > SCHEMA_VERSION:
        raise WorldStoreError("the snapshot was made by a newer exshell (schema %r; this exshell "
                              "reads up to %d)" % (schema, SCHEMA_VERSION), path=path)
    c = store.conn
    try:
        c.execute("BEGIN IMMEDIATE")
        try:
            store._ensure_schema()
            org = data.get("organization")
            _check(isinstance(org, dict), "the organisation is missing")
            c.execute("INSERT INTO organization(id, version, name, domain, dc_fqdn, local_server, "
                      "settings) VALUES (1, ?, ?, ?, ?, ?, ?)",
                      (org.get("version"), org.get("name"), org.get("domain"), org.get("dc_fqdn"),
                       org.get("local_server"), _dumps(org.get("settings"))))
            clock = data.get("clock")
            _check(isinstance(clock, dict), "the clock is missing")
            c.execute("INSERT INTO clock(id, mode, value) VALUES (1, ?, ?)",
                      (clock.get("mode"), str(clock.get("value"))))
            c.execute("INSERT INTO counters(id, data) VALUES (1, ?)", (_dumps(data.get("counters") or {}),))
            meta = data.get("meta") or {}
            _check(isinstance(meta, dict), "meta has the wrong shape")
            for k, v in meta.items():
                c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (str(k), str(v)))
            for i, s in enumerate(_list(data, "servers")):
                c.execute("INSERT INTO servers(name, position, fqdn, roles, settings) VALUES (?,?,?,?,?)",
                          (s.get("name"), i, s.get("fqdn"), _dumps(s.get("roles")), _dumps(s.get("settings"))))
            for i, sc in enumerate(_list(data, "send_connectors")):
                sc = dict(sc)
                c.execute("INSERT INTO send_connectors(position, name, settings) VALUES (?,?,?)",
                          (i, sc.pop("name", None), _dumps(sc)))
            for i, ft in enumerate(_list(data, "federation_trusts")):
                ft = dict(ft)
                c.execute("INSERT INTO federation_trusts(position, name, settings) VALUES (?,?,?)",
                          (i, ft.pop("name", None), _dumps(ft)))
            for k in _list(data, "keys"):
                pem = k.get("pem")
                _check(isinstance(pem, str) and isinstance(k.get("id"), int), "a key has the wrong shape")
                c.execute("INSERT INTO keys(id, fingerprint, pem) VALUES (?,?,?)",
                          (k["id"], hashlib.sha256(pem.encode("ascii")).hexdigest(), pem.encode("ascii")))
            for e in _list(data, "certificates"):
                req = e.get("request")
                c.execute("INSERT INTO certificates(server, store, thumbprint, der, key_id, friendly_name, "
                          "exportable, archived, revoked, request, acl) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                          (e.get("server"), e.get("store"), e.get("thumbprint"),
                           _unpem(e.get("certificate"), "a certificate"), e.get("key"),
                           e.get("friendly_name"), int(bool(e.get("exportable"))),
                           int(bool(e.get("archived"))), int(bool(e.get("revoked"))),
                           _unpem(req, "a request") if req else None, _dumps(e.get("acl"))))
            for t in _list(data, "trust"):
                c.execute("INSERT INTO trust(server, store, thumbprint, der, kind, friendly_name) "
                          "VALUES (?,?,?,?,?,?)",
                          (t.get("server"), t.get("store"), t.get("thumbprint"),
                           _unpem(t.get("certificate"), "a trusted certificate"), t.get("kind"),
                           t.get("friendly_name", "")))
            positions: Dict[Any, int] = {}
            for o in _list(data, "orphan_keys"):
                server = o.get("server")
                position = positions[server] = positions.get(server, -1) + 1
                c.execute("INSERT INTO orphan_keys(server, position, key_id) VALUES (?,?,?)",
                          (server, position, o.get("key")))
            for a in _list(data, "authorities"):
                c.execute("INSERT INTO authorities(name, key_id, root_key_id, data) VALUES (?,?,?,?)",
                          (a.get("name"), a.get("key"), a.get("root_key"), _dumps(a.get("data"))))
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
    except _Damaged as e:
        raise WorldStoreError("the snapshot is damaged (%s)" % e, path=path) from None
    except sqlite3.IntegrityError as e:
        raise WorldStoreError("the snapshot is damaged (%s)" % e, path=path) from None
    except sqlite3.Error as e:
        raise _sqlite_error(e, store.display, "import the world") from None
    except (TypeError, ValueError) as e:
        raise WorldStoreError("the snapshot is damaged (%s)" % e, path=path) from None


def _list(data: Dict[str, Any], name: str) -> List[Dict[str, Any]]:
    items = data.get(name, [])
    _check(isinstance(items, list) and all(isinstance(x, dict) for x in items),
           "'%s' has the wrong shape" % name)
    return items
