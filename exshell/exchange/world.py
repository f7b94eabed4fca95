"""The Exchange world of one shell: the organisation, the world store that keeps it
(:mod:`.worlddb`: a database file, or a throwaway one in memory), the clock and key
sources it was made with, and the RequestIds of 2013+ error stamps.

The shell registers one :class:`ExchangeWorld` in its execution context; the
Exchange cmdlets reach it with ``self.context.find(ExchangeWorld)`` (their
``world`` property).  The engine knows nothing of it: the shell tells it when a
command starts (:meth:`refresh`: what other shells committed), completes
(:meth:`commit`) or fails (:meth:`rollback`), and before it waits for the user
(:meth:`commit` again: the write lock is never held while a prompt waits).

A throwaway world builds its organisation on first use, so ``cryptography`` stays off
the start-up path; a world file is opened (and validated) at once.

Imports the Exchange model only (and ``exshell.profiles``).
"""
from __future__ import annotations

import hashlib
import os
from typing import Any, Callable, Dict, List, Optional

from ..profiles import Profile, get_profile
from .errors import WorldFileError

__all__ = ["ExchangeWorld", "LEGACY_BACKUP_SUFFIX"]

#: The name a migrated JSON state file is kept under, beside the new world file.
LEGACY_BACKUP_SUFFIX = ".pre-sqlite.json"


class ExchangeWorld:
    """The organisation a shell acts on, and what goes with it."""

    def __init__(self, profile: Any, clock: Any, *, key_source: Any = None, serials: Any = None,
                 request_ids: Any = None, organization: Any = None, store: Any = None,
                 name: str = "", meta: Optional[Dict[str, str]] = None,
                 build: Optional[Callable[[], Any]] = None, notices: Optional[List[str]] = None):
        self._profile: Profile = get_profile(profile)
        self._clock = clock
        self._key_source = key_source
        self._serials = serials
        #: RequestId GUIDs of the 2013+ error stamp (tests pass a SeededRequestIds).
        self._request_ids = request_ids
        self._build = build
        self._meta = dict(meta or {})
        #: The world's name (``exchange-2010``, a file's stem; "" for a throwaway one).
        self.name = name
        #: What the command line shows before it starts (a migration, a changed file).
        self.notices: List[str] = list(notices or [])
        self._owns_store = True
        if organization is not None and store is None:
            shared = getattr(organization, "world_store", None)
            if shared is not None:          # another shell's organisation: its store
                store, self._owns_store = shared, False
        if store is None:
            from .worlddb import memory_store
            store = memory_store()
        self.store = store
        self._organization = None
        if organization is not None:
            self._attach(organization)
        #: Called with the organisation whenever one is adopted (built, opened or
        #: replaced): the shell follows its local server name and clock.
        self.adopted: List[Callable[[Any], None]] = []

    def _attach(self, organization: Any) -> None:
        if self.store.org is not organization:
            if getattr(organization, "world_store", None) is None:
                self.store.create(organization, **self._meta)
        self._organization = organization

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, *, definition: Optional[str] = None, state: Optional[str] = None,
             version: Any = None, clock: Any = None, key_source: Any = None, serials: Any = None,
             request_ids: Any = None, name: Optional[str] = None) -> "ExchangeWorld":
        """The world of ``-State FILE`` (made from ``-Organization FILE`` or the built-in
        organisation when the file does not exist yet; a JSON state file of an earlier
        exshell is migrated), or, without ``state``, a throwaway world made from the
        definition.  Raises ``WorldFileError`` with a user-facing message."""
        from .worlddb import LegacyStateFile, WorldStoreError, memory_store, open_store
        sources = dict(clock=clock, key_source=key_source, serials=serials)
        meta = _source_meta(version, definition)

        def build():
            if definition is not None:
                from .definition import load_definition
                return load_definition(definition, version=None, **sources)
            from .definition import default_organization
            return default_organization(get_profile(version or "2010").name, **sources)

        if state is None:
            org = build()
            store = memory_store()
            store.create(org, **meta)
            return cls(org.profile, org.clock, request_ids=request_ids, organization=org, store=store,
                       key_source=key_source, serials=serials)
        notices: List[str] = []
        existed = os.path.lexists(state)
        try:
            store = open_store(state)
        except LegacyStateFile:
            notice = migrate_legacy_state(state, sources)
            if notice:
                notices.append(notice)
            store = open_store(state)
        try:
            if store.has_world():
                org = store.load(**sources)
                if definition is not None:
                    notices.extend(_source_notices(store, definition, name or state, state))
            else:
                org = build()
                try:
                    store.create(org, name=name or os.path.basename(state), **meta)
                except WorldStoreError:
                    if not store.has_world():      # not another shell's create, just now
                        raise
                    org = store.load(**sources)
        except BaseException:
            empty = not existed and not _holds_world(store)
            store.conn.close()
            if empty:        # a failed start changes nothing: no empty world file is left
                for suffix in ("", "-wal", "-shm"):
                    try:
                        os.unlink(state + suffix)
                    except OSError:
                        pass
            raise
        return cls(org.profile, org.clock, key_source=key_source, serials=serials,
                   request_ids=request_ids, organization=org, store=store, name=name or "",
                   notices=notices)

    @classmethod
    def open_copy(cls, path: str, *, clock: Any = None, key_source: Any = None, serials: Any = None,
                  request_ids: Any = None) -> "ExchangeWorld":
        """A private in-memory copy of the world file ``path`` (a grader reads a learner's
        world this way while the learner's shell may be writing it); a JSON state file of
        an earlier exshell is read as it is.  Nothing done to the copy reaches the file."""
        from .worlddb import LegacyStateFile, copy_to_memory, memory_store
        sources = dict(clock=clock, key_source=key_source, serials=serials)
        try:
            store = copy_to_memory(path)
            org = store.load(**sources)
        except LegacyStateFile:
            import json
            from .state import load_world
            try:
                with open(path, "rb") as fh:
                    data = json.loads(fh.read().decode("utf-8-sig"))
            except (OSError, UnicodeDecodeError, ValueError) as e:
                raise WorldFileError("not a world file or a JSON state file (%s)" % e, path=path) from None
            except RecursionError:
                raise WorldFileError("not a world file or a JSON state file (nested too deeply)",
                                     path=path) from None
            org = load_world(data, path=path, **sources)
            store = memory_store()
            store.create(org)
        return cls(org.profile, org.clock, key_source=key_source, serials=serials,
                   request_ids=request_ids, organization=org, store=store)

    # ------------------------------------------------------------------ what it is
    @property
    def profile(self) -> Profile:
        return self._organization.profile if self._organization is not None else self._profile

    @property
    def clock(self) -> Any:
        """The clock the organisation runs on (the shell's clock)."""
        return self._organization.clock if self._organization is not None else self._clock

    @property
    def organization_built(self) -> bool:
        """Whether the organisation exists yet (reading ``organization`` builds it)."""
        return self._organization is not None

    @property
    def organization(self) -> Any:
        """The :class:`~exshell.exchange.organization.Organization` (built on first use)."""
        if self._organization is None:
            if self._build is not None:
                org = self._build()
            else:
                from .definition import default_organization
                org = default_organization(self._profile.name, clock=self._clock,
                                           key_source=self._key_source, serials=self._serials)
            self._attach(org)
            self._adopt()
        return self._organization

    def replace_organization(self, organization: Any) -> None:
        """Act on ``organization`` from now on (a lab going back to its start): the
        world becomes it, in one transaction; other shells reload it."""
        if self.store.org is None:
            self.store.create(organization, **self._meta)
        else:
            self.store.replace(organization)
        self._organization = organization
        self._adopt()

    def adopt_existing(self) -> None:
        """Tell the listeners about an organisation handed in at construction."""
        if self._organization is not None:
            self._adopt()

    def _adopt(self) -> None:
        for listener in list(self.adopted):
            listener(self._organization)

    # ------------------------------------------------------------------ the world file
    @property
    def path(self) -> Optional[str]:
        """The world's database file (None: a throwaway world in memory)."""
        return self.store.path

    @property
    def state_path(self) -> Optional[str]:
        return self.store.display if self.store.path is not None else None

    @property
    def is_fresh(self) -> bool:
        return self.store.path is None

    @property
    def revision(self) -> Any:
        """Equal while nothing in the world changed (see WorldStore.revision)."""
        return self.store.revision

    # ------------------------------------------------------------------ commands
    def refresh(self) -> bool:
        """Take in what other shells committed (cheap when nothing was)."""
        if self._organization is None:
            return False
        return self.store.refresh()

    @property
    def changing(self) -> bool:
        """Whether there is something to commit (or a write lock to give back)."""
        org = self._organization
        return org is not None and (bool(org.changes) or self.store.in_write)

    def commit(self) -> bool:
        """Keep what the command changed (one transaction); WorldFileError when it
        could not be kept (the change is then undone in memory too)."""
        if not self.changing:
            return False
        return bool(self.store.commit())

    def rollback(self) -> None:
        """Undo what the failed command changed."""
        if self.changing:
            self.store.rollback()

    def save(self) -> bool:
        return self.commit()

    def close(self) -> None:
        """Keep what is pending and close the world file (the store is shared with
        the shell that owns it, when this world borrowed an organisation)."""
        if self._owns_store:
            self.store.close()
        elif self.changing:
            self.store.commit()

    # ------------------------------------------------------------------ error stamps
    def server_stamp(self, server: Optional[str], reason: str) -> str:
        """The 2013+ ``[Server=...,RequestId=...,TimeStamp=...] [FailureCategory=...]``
        prefix of a remote error's FQID."""
        from .stamps import RandomRequestIds, server_stamp
        if self._request_ids is None:
            self._request_ids = RandomRequestIds()
        local = self.organization.local_server
        name = server or (local.name if local is not None else "EX01")
        return server_stamp(name, self._request_ids.next(), self.clock.now(), reason)


# ----------------------------------------------------------------- helpers

def _holds_world(store: Any) -> bool:
    try:
        return bool(store.has_world())
    except Exception:    # noqa: BLE001 - a store that cannot tell holds nothing of ours
        return False


def _digest(path: str) -> str:
    from .definition import MAX_FILE_BYTES
    from .hostfile import read_host_file
    return hashlib.sha256(read_host_file(path, MAX_FILE_BYTES)).hexdigest()   # never a FIFO


def _source_meta(version: Any, definition: Optional[str]) -> Dict[str, str]:
    if definition is None:
        return {"source": "built-in", "source_version": get_profile(version or "2010").name}
    try:
        return {"source": os.path.abspath(definition), "source_sha256": _digest(definition)}
    except OSError:
        return {"source": os.path.abspath(definition)}


def _source_notices(store: Any, definition: str, name: str, state: Optional[str]) -> List[str]:
    meta = store.meta()
    source = meta.get("source")
    here = os.path.abspath(definition)
    how = ("exshell world reset %s" % name) if not state or os.path.basename(state) != os.path.basename(name) \
        else "exshell world reset -State %s" % state
    if source and os.path.isabs(source) and source != here:
        return ["exshell: note: the world %s was made from %s, not from %s; it is used as it is "
                "(give -State FILE for a world of its own)" % (name, source, here)]
    try:
        digest = _digest(definition)
    except OSError:
        return []
    if meta.get("source_sha256") and meta["source_sha256"] != digest:
        return ["exshell: note: %s has changed since the world %s was made from it; the world "
                "is used as it is (%s makes it again from the file)" % (definition, name, how)]
    return []


def migrate_legacy_state(path: str, sources: Dict[str, Any]) -> str:
    """Turn the JSON state file ``path`` (``exshell-state/1``) into a world database at
    the same path; the JSON is kept beside it (``LEGACY_BACKUP_SUFFIX``).  Returns a
    notice for the user ("" when another shell migrated it meanwhile).  WorldFileError
    naming the file when the JSON cannot be read: then nothing is changed."""
    import json
    from .state import load_world
    from .worlddb import open_store
    lock = _lock(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
        if raw.startswith(b"SQLite format 3\x00"):
            return ""
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError) as e:
            why = "nested too deeply" if isinstance(e, RecursionError) else str(e)
            raise WorldFileError("neither a world database nor a readable JSON state file of an "
                                 "earlier exshell (%s). Give another file with -State" % why,
                                 path=path) from None
        org = load_world(data, path=path, **sources)
        folder = os.path.dirname(os.path.abspath(path))
        tmp = os.path.join(folder, ".%s.migrating-%d" % (os.path.basename(path), os.getpid()))
        backup = path + LEGACY_BACKUP_SUFFIX
        try:
            store = open_store(tmp)
            try:
                store.create(org, source="migrated from a JSON state file",
                             name=os.path.basename(path))
            finally:
                store.close()
            with open(backup, "wb") as fh:
                fh.write(raw)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except OSError as e:
            raise WorldFileError("could not make a world database of the JSON state file: %s"
                                 % (e.strerror or e), path=path) from None
        finally:
            for suffix in ("", "-wal", "-shm"):
                try:
                    os.remove(tmp + suffix)
                except OSError:
                    pass
        return ("exshell: %s was a state file of an earlier exshell; it is now a world database "
                "(the old file is kept as %s)" % (path, os.path.basename(backup)))
    finally:
        if lock is not None:
            os.close(lock)


def _lock(path: str) -> Optional[int]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as e:
        raise WorldFileError("cannot read the state file: %s" % (e.strerror or e), path=path) from None
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd
