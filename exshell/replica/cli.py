"""``exshell replica ...``: rehearse on a replica of your own organisation.

    exshell replica script [-OutFile FILE]
    exshell replica import DIR|FILE [-State FILE] [-ExchangeVersion V] [-Force]

``script`` prints the export script to run in the real Exchange Management Shell
(``-OutFile`` writes it, with Windows line ends).  ``import`` reads the folder the
script wrote (or any ``Get-ExchangeCertificate | Export-Clixml`` file), prints what it
used, derived and skipped, and saves the world to a world file (default
``replica.db``; an existing one is replaced only with ``-Force``).  Then
``exshell -State FILE`` opens the replica.  Option names are case-insensitive and
may be shortened.  Exit codes: 0 the world was saved, 1 nothing usable in the
dump (nothing is saved), 2 a usage error.
"""
from __future__ import annotations

import os
import sys
from typing import Optional, Sequence, Tuple

from ..cliopts import UsageError, parse_options

__all__ = ["main", "import_replica", "DEFAULT_STATE"]

USAGE = __doc__.split("\n\n")[1]
DEFAULT_STATE = "replica.db"


def _options(argv: Sequence[str], valued: Tuple[str, ...], switches: Tuple[str, ...]):
    return parse_options(argv, "exshell replica", valued, switches)


def import_replica(source: str, *, version: Optional[str] = None, clock=None, key_source=None,
                   serials=None):
    """(organization or None, report): read ``source`` and build the world in memory."""
    from .build import ReplicaError, build_organization
    from .dump import Report, read_dump
    report = Report()
    dump = read_dump(source, report)
    for note in dump.notes:
        report.add("skipped", "the export script noted: %s" % note)
    local = dump.local
    try:
        org = build_organization(dump, report, version=version, clock=clock, key_source=key_source,
                                 serials=serials, local=local)
    except ReplicaError as e:
        report.add("skipped", str(e))
        return None, report
    return org, report


def cmd_script(args: Sequence[str]) -> int:
    from .script import script_text
    opts, rest = _options(args, ("OutFile",), ())
    if rest:
        raise UsageError("exshell replica script: unexpected '%s'" % rest[0])
    text = script_text()
    out = opts.get("OutFile")
    if out:
        try:
            with open(str(out), "w", encoding="utf-8-sig", newline="") as fh:
                fh.write(text)
        except OSError as e:
            sys.stderr.write("exshell replica script: cannot write %s (%s)\n" % (out, e.strerror or e))
            return 1
        sys.stdout.write("Wrote %s: run it in the Exchange Management Shell, then "
                         "'exshell replica import <folder>'.\n" % out)
        return 0
    sys.stdout.write(text.replace("\r\n", "\n"))
    return 0


def cmd_import(args: Sequence[str]) -> int:
    from ..exchange.errors import WorldFileError
    from ..exchange.worlddb import LegacyStateFile, open_store
    from ..profiles import SUPPORTED_VERSIONS
    opts, rest = _options(args, ("State", "ExchangeVersion"), ("Force",))
    if len(rest) != 1:
        raise UsageError("exshell replica import: give one folder or file (the export)")
    version = opts.get("ExchangeVersion")
    if version is not None and str(version) not in SUPPORTED_VERSIONS:
        raise UsageError("exshell replica import: -ExchangeVersion must be one of %s"
                         % ", ".join(SUPPORTED_VERSIONS))
    state = str(opts.get("State") or DEFAULT_STATE)
    if os.path.exists(state) and not opts.get("Force"):
        sys.stderr.write("exshell replica import: %s exists; add -Force to replace it\n" % state)
        return 2
    from ..shell import environment_overrides
    org, report = import_replica(rest[0], version=None if version is None else str(version),
                                 **environment_overrides())
    text = report.render()
    if text:
        sys.stdout.write(text + "\n")
    if org is None:
        sys.stdout.write("No world was created.\n")
        return 1
    try:
        try:
            store = open_store(state)
        except LegacyStateFile:      # -Force over a JSON state file of an earlier exshell
            os.remove(state)
            store = open_store(state)
        try:
            if store.has_world():    # -Force: the world becomes the replica (one transaction)
                store.replace(org)
            else:
                store.create(org, source="replica of %s" % os.path.abspath(rest[0]))
        finally:
            store.close()
    except (OSError, WorldFileError) as e:
        sys.stderr.write("exshell replica import: cannot save %s (%s)\n" % (state, e))
        return 1
    servers = ", ".join(s.name for s in org.servers)
    count = sum(len(s.my) for s in org.servers)
    sys.stdout.write("Replica of Exchange %s saved to %s: %d server%s (%s), %d certificate%s.\n"
                     "Rehearse with: exshell -State %s\n"
                     % (org.profile.version, state, len(org.servers), "" if len(org.servers) == 1 else "s",
                        servers, count, "" if count == 1 else "s", state))
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``argv`` without the leading "replica"."""
    argv = list(sys.argv[2:] if argv is None else argv)
    try:
        if not argv or argv[0] in ("-h", "-Help", "--help", "help"):
            sys.stdout.write(USAGE + "\n")
            return 0 if argv else 2
        command, args = argv[0].casefold(), argv[1:]
        if command == "script":
            return cmd_script(args)
        if command == "import":
            return cmd_import(args)
        raise UsageError("exshell replica: unknown command '%s' (script, import)" % argv[0])
    except UsageError as e:
        sys.stderr.write("%s\n%s\n" % (e, USAGE))
        return 2
