"""``exshell serve``: run a class.

    exshell serve -Roster class.toml [-Data DIR] [-Listen 127.0.0.1] [-SshPort 2222]
                  [-WebPort 8080] [-HostKey FILE] [-WebListen ADDRESS]
    exshell serve -Roster class.toml -Check

-Roster   the class: title, labs, exam mode, time limit, learners and their SSH keys
          or passwords (README "Running a class" shows the file)
-Data     where worlds, progress, the command logs and the host key are kept
          (default: a folder beside the roster, <roster name>-data)
-Listen   the address to listen on (default 127.0.0.1: this machine only; 0.0.0.0
          or the classroom interface's address to let the class in)
-SshPort  the learners' SSH port (default 2222; 0: any free port)
-WebPort  the trainer's dashboard (default 8080; 0: any free port)
-WebListen  the dashboard's own address (default: the -Listen address); keep it
          127.0.0.1 while the learners' SSH port is open to the classroom
-HostKey  the server's SSH host key (default: made once in the data folder)
-Check    read the roster, say what is wrong with it (file, line, key), and leave

Learners connect with ``ssh -p 2222 NAME@HOST`` (the class's labs and their
progress, pick one) or ``ssh -t -p 2222 NAME@HOST LAB`` (that lab at once;
``ssh -T ... LAB < commands.txt`` reads commands and answers line by line).
The dashboard is at http://HOST:8080/ with the trainer token printed at start.
Option names are case-insensitive and may be shortened.  Exit codes: 0 stopped
(Ctrl-C), 1 could not start, 2 a usage error or an unusable roster.
"""
from __future__ import annotations

import os
import sys
from typing import Dict, Optional, Sequence

from ..cliopts import UsageError, parse_options

__all__ = ["main"]

USAGE = ("Usage: exshell serve -Roster <class.toml> [-Data <folder>] [-Listen <address>]\n"
         "                     [-SshPort <port>] [-WebPort <port>] [-HostKey <file>]\n"
         "                     [-WebListen <address>] [-Check]")

VALUED = ("Roster", "Data", "Listen", "SshPort", "WebPort", "HostKey", "WebListen")
SWITCHES = ("Check", "Help")


def _options(argv: Sequence[str]) -> Dict[str, object]:
    return parse_options(argv, "exshell serve", VALUED, SWITCHES, positional=False,
                         aliases={"h": "Help", "?": "Help"})[0]


def _port(name: str, value: object, default: int) -> int:
    if value is None:
        return default
    try:
        port = int(str(value))
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise UsageError("exshell serve: -%s must be a port number (0 to 65535), not '%s'"
                         % (name, value))
    return port


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[2:] if argv is None else argv)
    try:
        opts = _options(argv)
        if opts.get("Help") or not argv:
            sys.stdout.write(__doc__.split("\n\n", 1)[1])
            return 0 if argv else 2
        if "Roster" not in opts:
            raise UsageError("exshell serve: give the class with -Roster class.toml")
        ssh_port = _port("SshPort", opts.get("SshPort"), 2222)
        web_port = _port("WebPort", opts.get("WebPort"), 8080)
    except UsageError as e:
        sys.stderr.write("%s\n%s\n" % (e, USAGE))
        return 2
    roster_path = str(opts["Roster"])
    from .roster import RosterError, load_roster
    try:
        roster = load_roster(roster_path)
    except RosterError as e:
        sys.stderr.write("%s\n" % e)
        return 2
    if opts.get("Check"):
        sys.stdout.write("%s: %s -- %d lab(s), %d learner(s)%s%s\n" % (
            roster_path, roster.title, len(roster.labs), len(roster.learners),
            ", exam" if roster.exam else "",
            (", %g minutes" % roster.time_limit_minutes) if roster.time_limit_minutes else ""))
        return 0
    missing = [m for m in ("asyncssh", "aiohttp") if not _importable(m)]
    if missing:
        sys.stderr.write("exshell serve needs %s: pip install 'exshell[serve]' (or '.[serve]' in "
                         "the project folder)\n" % " and ".join(missing))
        return 1
    data = str(opts.get("Data") or os.path.join(
        os.path.dirname(os.path.abspath(roster_path)),
        os.path.splitext(os.path.basename(roster_path))[0] + "-data"))
    listen = str(opts.get("Listen") or "127.0.0.1")
    web_listen = str(opts.get("WebListen") or listen)
    return _run(roster_path, data, listen, ssh_port, web_port, opts.get("HostKey"), web_listen)


def _importable(name: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(name) is not None


def _run(roster_path: str, data: str, listen: str, ssh_port: int, web_port: int,
         host_key: Optional[object], web_listen: str) -> int:
    import asyncio
    import signal
    from .classdb import ClassDBError
    from .roster import RosterError
    from .server import ClassServer, HostKeyError

    async def serve() -> int:
        try:
            server = ClassServer(roster_path, data, listen=listen, ssh_port=ssh_port,
                                 web_port=web_port, web_listen=web_listen,
                                 host_key=str(host_key) if host_key else None)
        except (RosterError, ClassDBError, OSError) as e:
            sys.stderr.write("exshell serve: %s\n" % e)
            return 1
        try:
            await server.start()
        except (HostKeyError, OSError) as e:
            sys.stderr.write("exshell serve: cannot start: %s\n" % e)
            await server.close()
            return 1
        _announce(server)
        stop = asyncio.get_running_loop().create_future()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                asyncio.get_running_loop().add_signal_handler(
                    sig, lambda: stop.done() or stop.set_result(None))
            except (NotImplementedError, RuntimeError):
                pass
        await stop
        server.log("stopping: closing the sessions (their work is saved)")
        await server.close()
        return 0

    try:
        return asyncio.run(serve())
    except KeyboardInterrupt:
        return 0


def _announce(server) -> None:
    roster = server.roster
    def shown_address(address: str) -> str:
        host = address if address not in ("0.0.0.0", "::", "") else "<this machine>"
        return "[%s]" % host if ":" in host else host
    shown = shown_address(server.listen)
    web = shown_address(server.web_listen)
    lines = [
        "exshell serve: %s -- %d lab(s), %d learner(s)%s%s" % (
            roster.title, len(roster.labs), len(roster.learners), ", exam" if roster.exam else "",
            (", %g minutes each" % roster.time_limit_minutes) if roster.time_limit_minutes else ""),
        "  Learners:   ssh -p %d <name>@%s" % (server.ssh_port, shown),
        "  Host key:   %s" % server.fingerprint,
        "  Dashboard:  http://%s:%d/login?token=%s" % (web, server.web_port, server.token),
        "  Token:      %s" % server.token,
        "  Data:       %s" % server.data,
    ]
    if server.listen in ("127.0.0.1", "::1", "localhost"):
        lines.append("  Only this machine can connect (-Listen 0.0.0.0 lets the classroom in; "
                     "see the README).")
    elif server.web_listen not in ("127.0.0.1", "::1", "localhost"):
        lines.append("  The dashboard is reachable from the network over plain HTTP: anyone who "
                     "sees the token can use it (-WebListen 127.0.0.1 keeps it on this machine).")
    lines.append("  Ctrl-C stops the server (every learner's work is saved).")
    server.out("\n".join(lines))
