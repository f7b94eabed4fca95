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

:func:`open_shell_world` makes the :class:`~exshell.exchange.world.ExchangeWorld` the
command line starts on; the store itself is :mod:`exshell.exchange.worlddb`.
"""
from __future__ import annotations

import json
import os
import re
import sys
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .cliopts import UsageError, parse_options
from .structs import LazyPattern

from .exchange.errors import WorldFileError
from .exchange.world import _source_meta

__all__ = ["worlds_dir", "world_path", "default_world_name", "open_shell_world", "banner_lines",
           "fresh_requested", "main", "WORLD_SUFFIX", "import_world"]

WORLD_SUFFIX = ".db"


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


_NAME = LazyPattern(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


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


def _build(version: Optional[str], organization_file: Optional[str], sources: Dict[str, Any]):
    """A new Organization: from the definition file, or the built-in one."""
    if organization_file is not None:
        from .exchange.definition import load_definition
        return load_definition(organization_file, **sources)
    from .exchange.definition import default_organization
    return default_organization(version or "2010", **sources)


# ----------------------------------------------------------------- the world of a shell

def open_shell_world(*, version: str = "2010", organization_file: Optional[str] = None,
                     state: Optional[str] = None, world: Optional[str] = None, fresh: bool = False,
                     sources: Optional[Dict[str, Any]] = None, request_ids: Any = None,
                     folder: Optional[str] = None):
    """The :class:`~exshell.exchange.world.ExchangeWorld` the command line starts on
    (see the module text).  WorldFileError, naming the file, when it cannot."""
    from .exchange.world import ExchangeWorld
    sources = dict(sources or {})
    if state is None and world is None and (fresh or fresh_requested()):
        if organization_file is not None:       # a bad file is reported now
            return ExchangeWorld.open(definition=organization_file, version=version,
                                      request_ids=request_ids, **sources)
        clock = sources.get("clock")
        if clock is None:
            from .exchange.clock import Clock
            clock = Clock()
        return ExchangeWorld(version, clock, key_source=sources.get("key_source"),
                             serials=sources.get("serials"), request_ids=request_ids)
    if state is not None:
        path, name = state, world_name_for_file(state)
    else:
        base = folder or worlds_dir()
        if world is not None:
            name = world
        elif organization_file is not None:
            name = world_name_for_file(organization_file)
        else:
            name = default_world_name(version)
        path = world_path(name, base)
        try:
            os.makedirs(base, exist_ok=True)
        except OSError as e:
            raise WorldFileError("cannot create the folder for your worlds: %s. Use -State FILE "
                                 "or -Fresh" % (e.strerror or e), path=base) from None
    return ExchangeWorld.open(definition=organization_file, state=path, version=version,
                              request_ids=request_ids, name=name, **sources)


def banner_lines(world: Any) -> List[str]:
    """The banner's lines about the world: which it is and how to start over."""
    if world.path is None:
        return ["World: a throwaway one in memory; nothing is kept when you leave."]
    home = os.path.expanduser("~")
    shown = world.state_path or world.path
    if shown.startswith(home + os.sep):
        shown = "~" + shown[len(home):]
    in_folder = os.path.dirname(world.path) == os.path.realpath(worlds_dir())
    again = ("exshell world reset %s" % world.name) if in_folder and world.name else \
        ("exshell world reset -State %s" % shown)
    return ["World: %s, kept from one session to the next" % (world.name or os.path.basename(shown)),
            "       (%s)." % shown,
            "Start it over: %s; a throwaway world: exshell -Fresh" % again]


# ----------------------------------------------------------------- exshell world ...

USAGE = """exshell world list                         your worlds (name, version, certificates, last change)
exshell world reset NAME | -State FILE      start a world over (from what it was made from)
exshell world export NAME | -State FILE [-Out FILE.json]   a JSON snapshot (PEM texts)
exshell world import FILE.json [-Name NAME | -State FILE] [-Force]
                                           a world from a snapshot or an old JSON state file"""


def _options(argv: Sequence[str], valued: Tuple[str, ...], switches: Tuple[str, ...]):
    return parse_options(argv, "exshell world", valued, switches)


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


def _sources() -> Dict[str, Any]:
    """EXSHELL_CLOCK / EXSHELL_DETERMINISTIC, as the shell takes them."""
    from .shell import environment_overrides
    return environment_overrides()


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
                version = store.summary()["version"]
            org = _build(version or "2010", None, _sources())
            new_meta = _source_meta(version or "2010", None)
        elif os.path.isabs(source) and os.path.isfile(source):
            org = _build(None, source, _sources())
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
        from .exchange.hostfile import read_host_file
        raw = read_host_file(source)
        data = json.loads(raw.decode("utf-8-sig"))
    except OSError as e:
        raise WorldFileError("cannot read the snapshot: %s" % (e.strerror or e), path=source) from None
    except (UnicodeDecodeError, ValueError) as e:
        raise WorldFileError("not a JSON snapshot (%s)" % e, path=source) from None
    except RecursionError:
        raise WorldFileError("not a JSON snapshot (nested too deeply)", path=source) from None
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
