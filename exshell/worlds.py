"""The user's worlds: which world a shell uses, and ``exshell world list|reset|export|import``.

A *world* is one organisation in one SQLite database (:mod:`exshell.exchange.worlddb`).

* Without options a shell uses the user's world for its version,
  ``$XDG_DATA_HOME/exshell/worlds/exchange-<version>.db`` (else
  ``~/.local/share/exshell/worlds``; ``$EXSHELL_WORLDS_DIR`` overrides), made from the
  built-in organisation the first time.
* ``-Organization FILE`` uses the world named after the file (``worlds/<stem>.db``),
  built from the file the first time; the world remembers the file and its digest.
* ``-State FILE`` uses that database (made from the built-in organisation or
  ``-Organization`` when it does not exist).  A JSON state file of an earlier exshell
  is migrated in place (the old file is kept beside it).
* ``-Fresh`` (or ``EXSHELL_FRESH=1``) gives a throwaway world in memory.

:class:`ShellWorld` is what a shell holds: the store and the organisation, and the
per-command protocol (:meth:`ShellWorld.command_started` refreshes from other shells,
:meth:`ShellWorld.command_completed` commits, :meth:`ShellWorld.command_failed` rolls
back, :meth:`ShellWorld.before_input` commits before the shell waits for the user).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from .exchange.errors import WorldFileError

__all__ = ["worlds_dir", "world_path", "default_world_name", "ShellWorld", "open_shell_world",
           "fresh_requested", "main", "migrate_legacy_state", "WORLD_SUFFIX"]

WORLD_SUFFIX = ".db"
#: The backup name of a migrated JSON state file.
LEGACY_BACKUP_SUFFIX = ".pre-sqlite.json"


def worlds_dir(environ: Optional[Dict[str, str]] = None) -> str:
    env = os.environ if environ is None else environ
    if env.get("EXSHELL_WORLDS_DIR"):
        return env["EXSHELL_WORLDS_DIR"]
    base = env.get("XDG_DATA_HOME", "")
    if not base or not os.path.isabs(base):
        base = os.path.join(env.get("HOME") or os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "exshell", "worlds")


def fresh_requested(environ: Optional[Dict[str, str]] = None) -> bool:
    """``EXSHELL_FRESH=1``: every shell gets a throwaway world (the test suite sets it)."""
    env = os.environ if environ is None else environ
    return env.get("EXSHELL_FRESH", "").strip() not in ("", "0")


_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def default_world_name(version: str) -> str:
    return "exchange-%s" % version


def world_name_for_file(path: str) -> str:
    stem = os.path.splitext(os.path.basename(path))[0]
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.") or "organization"
    return stem[:64]


def world_path(name: str, folder: Optional[str] = None) -> str:
    if not _NAME.match(name):
        raise WorldFileError("'%s' is not a world name (letters, digits, '.', '_' and '-')" % name)
    return os.path.join(folder or worlds_dir(), name + WORLD_SUFFIX)


def _digest(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


# ----------------------------------------------------------------- building a world

def _build(version: Optional[str], organization_file: Optional[str], sources: Dict[str, Any]):
    """A new Organization: from the definition file, or the built-in one."""
    if organization_file is not None:
        from .exchange.definition import load_definition
        return load_definition(organization_file, **sources)
    from .exchange.definition import default_organization
    return default_organization(version or "2010", **sources)


def _source_meta(version: Optional[str], organization_file: Optional[str]) -> Dict[str, str]:
    if organization_file is None:
        return {"source": "built-in", "source_version": str(version or "2010")}
    return {"source": os.path.abspath(organization_file), "source_sha256": _digest(organization_file)}


# ----------------------------------------------------------------- legacy JSON state files

def migrate_legacy_state(path: str, sources: Dict[str, Any]) -> str:
    """Turn the JSON state file ``path`` (exshell-state/1) into a world database at the
    same path; the JSON is kept as ``path + LEGACY_BACKUP_SUFFIX``.  Returns a notice
    for the user.  WorldFileError (naming the file) when the JSON cannot be read."""
    from .exchange.state import load_world
    from .exchange.worlddb import WorldStoreError, memory_store
    lock = _flock(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
        if raw.startswith(b"SQLite format 3\x00"):
            return ""          # another shell migrated it while we waited
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as e:
            raise WorldFileError("neither a world database nor a readable JSON state file of an "
                                 "earlier exshell (%s). Give another file with -State" % e,
                                 path=path) from None
        org = load_world(data, path=path, **sources)
        folder = os.path.dirname(os.path.abspath(path))
        tmp = os.path.join(folder, ".%s.migrating-%d" % (os.path.basename(path), os.getpid()))
        from .exchange.worlddb import open_store
        try:
            store = open_store(tmp)
            try:
                store.create(org, source="migrated from a JSON state file", name=os.path.basename(path))
            finally:
                store.close()
            backup = path + LEGACY_BACKUP_SUFFIX
            with open(backup, "wb") as fh:
                fh.write(raw)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except OSError as e:
            raise WorldFileError("could not migrate the JSON state file to a world database: %s"
                                 % (e.strerror or e), path=path) from None
        finally:
            for suffix in ("", "-wal", "-shm"):
                try:
                    os.remove(tmp + suffix)
                except OSError:
                    pass
        return ("exshell: %s was a state file of an earlier exshell; it is now a world database "
                "(the old file is kept as %s)" % (path, os.path.basename(backup)))
    except WorldStoreError:
        raise
    finally:
        if lock is not None:
            os.close(lock)


def _flock(path: str) -> Optional[int]:
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


# ----------------------------------------------------------------- the world of a shell

class ShellWorld:
    """The world a shell works on (see the module text)."""

    def __init__(self, *, store=None, name: str = "", path: Optional[str] = None,
                 build: Optional[Callable[[], Any]] = None, organization: Any = None,
                 notices: Sequence[str] = (), meta: Optional[Dict[str, str]] = None,
                 sources: Optional[Dict[str, Any]] = None):
        self.store = store
        #: The world's name (``exchange-2010``, a file's stem; "" for a throwaway one).
        self.name = name
        #: The database file (None: in memory).
        self.path = path
        self._build = build
        self._organization = organization
        self._meta = dict(meta or {})
        self._sources = dict(sources or {})
        #: Lines the command line shows on stderr before it starts (a migration...).
        self.notices: List[str] = list(notices)

    # ------------------------------------------------------------ the organisation
    @property
    def loaded(self) -> bool:
        return self._organization is not None

    @property
    def organization(self):
        if self._organization is None:
            org = self._build() if self._build is not None else None
            if self.store is not None and org is not None:
                self.store.create(org, **self._meta)
            self._organization = org
        return self._organization

    def replace(self, org) -> None:
        """Make ``org`` the world (Reset-Lab...): written at once, in one transaction."""
        if self.store is not None:
            if self.store.org is None:
                self.store.create(org, **self._meta)
            else:
                self.store.replace(org)
        self._organization = org

    @property
    def is_fresh(self) -> bool:
        return self.path is None

    # ------------------------------------------------------------ the command protocol
    def command_started(self) -> None:
        if self._organization is not None and self.store is not None:
            self.store.refresh()

    def command_completed(self) -> None:
        org = self._organization
        if org is not None and self.store is not None and (org.changes or self.store.in_write):
            self.store.commit()

    def command_failed(self) -> None:
        org = self._organization
        if org is not None and self.store is not None and (org.changes or self.store.in_write):
            self.store.rollback()

    def before_input(self) -> None:
        """The shell is about to wait for the user: never hold the world's lock then."""
        self.command_completed()

    def close(self) -> None:
        if self.store is not None:
            self.store.close()

    # ------------------------------------------------------------ the banner
    def banner_lines(self) -> List[str]:
        if self.path is None:
            return ["World: a throwaway one in memory (nothing is kept when you leave)."]
        home = os.path.expanduser("~")
        shown = self.path
        if shown.startswith(home + os.sep):
            shown = "~" + shown[len(home):]
        if self.name and os.path.dirname(self.path) == os.path.realpath(worlds_dir()):
            again = "exshell world reset %s" % self.name
        else:
            again = "exshell world reset -State %s" % shown
        return ["World: %s (%s), kept between sessions." % (self.name or os.path.basename(self.path), shown),
                "Start over with: %s   (or run exshell -Fresh for a throwaway world)" % again]


def open_shell_world(*, version: str = "2010", organization_file: Optional[str] = None,
                     state: Optional[str] = None, fresh: bool = False,
                     sources: Optional[Dict[str, Any]] = None,
                     folder: Optional[str] = None) -> ShellWorld:
    """The world a shell starts on (WorldFileError, naming the file, when it cannot)."""
    from .exchange.worlddb import LegacyStateFile, WorldStoreError, memory_store, open_store
    sources = dict(sources or {})
    meta = _source_meta(version, organization_file)

    def build():
        return _build(version, organization_file, sources)

    if state is None and (fresh or fresh_requested()):
        if organization_file is not None:
            org = build()           # a bad file is reported now, not at the first command
            store = memory_store()
            store.create(org, **meta)
            return ShellWorld(store=store, organization=org, sources=sources)
        return ShellWorld(store=memory_store(), build=build, meta=meta, sources=sources)

    notices: List[str] = []
    if state is not None:
        path = state
        name = world_name_for_file(state)
    else:
        base = folder or worlds_dir()
        name = world_name_for_file(organization_file) if organization_file else default_world_name(version)
        path = world_path(name, base)
        try:
            os.makedirs(base, exist_ok=True)
        except OSError as e:
            raise WorldFileError("cannot create the folder for your worlds: %s. Use -State FILE "
                                 "or -Fresh" % (e.strerror or e), path=base) from None
    try:
        store = open_store(path)
    except LegacyStateFile:
        notice = migrate_legacy_state(path, sources)
        if notice:
            notices.append(notice)
        store = open_store(path)
    try:
        if store.has_world():
            org = store.load(**sources)
            if organization_file is not None:
                notices.extend(_source_notices(store, organization_file, name, state))
        else:
            org = build()
            try:
                store.create(org, name=name, **meta)
            except WorldStoreError:
                if not store.has_world():      # not a race with another shell's create
                    raise
                org = store.load(**sources)
    except BaseException:
        store.conn.close()
        raise
    return ShellWorld(store=store, name=name, path=store.path, organization=org, notices=notices,
                      meta=meta, sources=sources)


def _source_notices(store, organization_file: str, name: str, state: Optional[str]) -> List[str]:
    meta = store.meta()
    source = meta.get("source")
    here = os.path.abspath(organization_file)
    how = ("exshell world reset -State %s" % state) if state else ("exshell world reset %s" % name)
    if source and source not in ("built-in", here) and os.path.isabs(source):
        return ["exshell: note: the world '%s' was made from %s, not from %s; it is used as it "
                "is (give -State FILE for a world of its own)" % (name, source, here)]
    try:
        digest = _digest(organization_file)
    except OSError:
        return []
    if meta.get("source_sha256") and meta["source_sha256"] != digest:
        return ["exshell: note: %s has changed since the world '%s' was made from it; "
                "the world is used as it is (%s rebuilds it from the file)"
                % (organization_file, name, how)]
    return []


# ----------------------------------------------------------------- exshell world ...

USAGE = """exshell world list                         your worlds (name, version, certificates, last change)
exshell world reset NAME | -State FILE      start a world over (from what it was made from)
exshell world export NAME | -State FILE [-Out FILE.json]   a JSON snapshot (PEM texts)
exshell world import FILE.json [-Name NAME | -State FILE] [-Force]
                                           a world from a snapshot or an old JSON state file"""


class UsageError(Exception):
    pass


def _options(argv: Sequence[str], valued: Tuple[str, ...], switches: Tuple[str, ...]):
    opts: Dict[str, Any] = {}
    rest: List[str] = []
    names = valued + switches
    i = 0
    while i < len(argv):
        word = argv[i]
        if word.startswith("-") and len(word) > 1:
            typed = word.lstrip("-")
            matches = [n for n in names if n.casefold().startswith(typed.casefold())]
            exact = [n for n in matches if n.casefold() == typed.casefold()]
            matches = exact or matches
            if len(matches) != 1:
                raise UsageError("exshell world: %s option '%s'" % ("ambiguous" if matches else "unknown", word))
            if matches[0] in valued:
                if i + 1 >= len(argv):
                    raise UsageError("exshell world: option -%s needs a value" % matches[0])
                opts[matches[0]] = argv[i + 1]
                i += 2
                continue
            opts[matches[0]] = True
            i += 1
            continue
        rest.append(word)
        i += 1
    return opts, rest


def _target(opts: Dict[str, Any], rest: List[str], verb: str) -> Tuple[str, str]:
    """(path, label) of the world a command names."""
    if "State" in opts:
        if rest:
            raise UsageError("exshell world %s: give a world name or -State FILE, not both" % verb)
        return str(opts["State"]), str(opts["State"])
    if len(rest) != 1:
        raise UsageError("exshell world %s: give one world name (exshell world list shows them)" % verb)
    return world_path(rest[0]), rest[0]


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``argv`` without the leading "world"."""
    argv = list(sys.argv[2:] if argv is None else argv)
    try:
        if not argv or argv[0].casefold() in ("-h", "-help", "--help", "help", "-?"):
            sys.stdout.write(USAGE + "\n")
            return 0 if argv else 2
        verb, args = argv[0].casefold(), argv[1:]
        if verb == "list":
            return _list(args)
        if verb == "reset":
            return _reset(args)
        if verb == "export":
            return _export(args)
        if verb == "import":
            return _import(args)
        raise UsageError("exshell world: unknown command '%s'" % argv[0])
    except UsageError as e:
        sys.stderr.write("%s\n%s\n" % (e, USAGE))
        return 2
    except WorldFileError as e:
        sys.stderr.write("exshell: %s\n" % e)
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return 1


def _list(args: Sequence[str]) -> int:
    opts, rest = _options(args, (), ())
    if rest:
        raise UsageError("exshell world list: takes no arguments")
    from .exchange.worlddb import WorldStoreError, open_store
    folder = worlds_dir()
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(WORLD_SUFFIX))
    except FileNotFoundError:
        names = []
    except OSError as e:
        raise WorldFileError("cannot read the folder: %s" % (e.strerror or e), path=folder) from None
    rows = []
    for file_name in names:
        path = os.path.join(folder, file_name)
        name = file_name[: -len(WORLD_SUFFIX)]
        try:
            store = open_store(path, create=False)
            try:
                info = store.summary()
            finally:
                store.conn.close()
            rows.append((name, info["version"], str(info["certificates"]), info["changed"], info["source"]))
        except WorldStoreError as e:
            rows.append((name, "?", "?", "?", "(cannot be used: %s)" % str(e).split(": ", 1)[-1]))
    if not rows:
        sys.stdout.write("No worlds yet in %s (exshell makes one when it starts).\n" % folder)
        return 0
    header = ("Name", "Exchange", "Certificates", "Last change (UTC)", "Made from")
    widths = [max(len(r[k]) for r in rows + [header]) for k in range(4)]
    for row in [header, tuple("-" * len(h) for h in header)] + rows:
        sys.stdout.write("  ".join(row[k].ljust(widths[k]) for k in range(4)) + "  " + row[4] + "\n")
    sys.stdout.write("\nFolder: %s\n" % folder)
    return 0


def _reset(args: Sequence[str]) -> int:
    opts, rest = _options(args, ("State",), ())
    path, label = _target(opts, rest, "reset")
    from .exchange.worlddb import open_store
    if not os.path.exists(path):
        raise WorldFileError("no such world (exshell world list shows them)", path=path)
    store = open_store(path, create=False)
    try:
        meta = store.meta() if store.has_world() else {}
        source = meta.get("source", "built-in")
        version = meta.get("source_version")
        if source == "built-in":
            if version is None and store.has_world():
                version = store.summary()["version"].split("-")[0]
            org = _build(version or "2010", None, {})
            new_meta = _source_meta(version or "2010", None)
        elif os.path.isabs(source) and os.path.isfile(source):
            org = _build(None, source, {})
            new_meta = _source_meta(None, source)
        else:
            raise WorldFileError("this world was %s; it cannot be made again. Delete the file, or "
                                 "import a snapshot over it (exshell world import FILE -Force)"
                                 % (source if not os.path.isabs(source) else "made from %s, which is gone" % source),
                                 path=path)
        if store.has_world():
            store.replace(org)
            store.set_meta(**new_meta)
        else:
            store.create(org, name=label, **new_meta)
    finally:
        store.close()
    sys.stdout.write("The world %s starts over (made again from %s).\n"
                     % (label, "the built-in organisation" if source == "built-in" else source))
    return 0


def _export(args: Sequence[str]) -> int:
    opts, rest = _options(args, ("State", "Out"), ())
    path, label = _target(opts, rest, "export")
    from .exchange.worlddb import export_snapshot, open_store
    if not os.path.exists(path):
        raise WorldFileError("no such world (exshell world list shows them)", path=path)
    store = open_store(path, create=False)
    try:
        data = export_snapshot(store)
    finally:
        store.conn.close()
    text = json.dumps(data, indent=1, sort_keys=False) + "\n"
    if opts.get("Out"):
        try:
            with open(str(opts["Out"]), "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as e:
            raise WorldFileError("cannot write the snapshot: %s" % (e.strerror or e), path=str(opts["Out"])) from None
        sys.stdout.write("The world %s is in %s.\n" % (label, opts["Out"]))
    else:
        sys.stdout.write(text)
    return 0


def _import(args: Sequence[str]) -> int:
    opts, rest = _options(args, ("State", "Name"), ("Force",))
    if len(rest) != 1:
        raise UsageError("exshell world import: give one snapshot file")
    source = rest[0]
    if "State" in opts and "Name" in opts:
        raise UsageError("exshell world import: give -Name or -State, not both")
    if "State" in opts:
        path = str(opts["State"])
        label = path
    else:
        label = str(opts.get("Name") or world_name_for_file(source))
        os.makedirs(worlds_dir(), exist_ok=True)
        path = world_path(label)
    store = import_world(source, path, force=bool(opts.get("Force")))
    store.close()
    sys.stdout.write("The world %s is ready: exshell -State %s\n" % (label, path))
    return 0


def import_world(source: str, path: str, *, force: bool = False):
    """Make the world ``path`` from the snapshot or JSON state file ``source``: checked in
    memory first (a damaged snapshot creates nothing), then written.  Returns the store."""
    from .exchange.state import load_world
    from .exchange.worlddb import SNAPSHOT_FORMAT, import_snapshot, memory_store, open_store
    try:
        with open(source, "rb") as fh:
            raw = fh.read()
        data = json.loads(raw.decode("utf-8-sig"))
    except OSError as e:
        raise WorldFileError("cannot read the snapshot: %s" % (e.strerror or e), path=source) from None
    except (UnicodeDecodeError, ValueError) as e:
        raise WorldFileError("not a JSON snapshot (%s)" % e, path=source) from None
    if isinstance(data, dict) and data.get("format") == SNAPSHOT_FORMAT:
        staging = memory_store()
        import_snapshot(data, staging, path=source)
        org = staging.load()          # validates every row; raises naming the row
        meta = staging.meta()
    else:
        org = load_world(data, path=source)
        meta = {"source": "imported from a JSON state file"}
    meta["imported_from"] = os.path.abspath(source)
    store = open_store(path)
    try:
        if store.has_world():
            if not force:
                raise WorldFileError("this world already exists; add -Force to replace it", path=path)
            store.replace(org)
            store.set_meta(**meta)
        else:
            meta.pop("created", None)
            meta.pop("created_by", None)
            store.create(org, **meta)
    except BaseException:
        store.conn.close()
        raise
    return store
