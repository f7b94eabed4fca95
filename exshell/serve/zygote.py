"""The session factory of ``exshell serve``: a process that has exshell loaded and
warmed up, and forks one child per learner session (and per grading job).

Why a process per session: the shell is synchronous Python.  Learners in threads of
one process would share one interpreter lock, so one learner's endless loop would
slow every other learner down, and the memory budget (the process's resident size)
would measure the whole class.  A process of their own gives each learner the
operating system's fair scheduler and a budget of their own; forking it from this
warmed-up process makes it start in milliseconds and share the loaded code and
data with every other session (copy-on-write; ``gc.freeze`` keeps the garbage
collector from touching, and so copying, the shared objects).

The server starts it with ``python -m exshell.serve.zygote FD`` (FD: its end of a
Unix socket pair).  A request is one message: JSON (the job) with the file
descriptors the child gets (SCM_RIGHTS):

* ``{"job": "session", ...}`` with [terminal] or [stdin, stdout, stderr] and the
  control socket: a learner's lab (:func:`exshell.serve.worker.run_session`);
* ``{"job": "grade", ...}`` with the control socket: grade a learner's lab from its
  world file (:func:`exshell.serve.worker.run_grading`).

The factory answers each request with ``{"pid": N}`` (0: the fork failed).  It exits
when the server's end of the socket closes, and asks the kernel to end it when the
server dies (``PR_SET_PDEATHSIG``).  Children reap themselves (SIGCHLD ignored here).
"""
from __future__ import annotations

import gc
import json
import os
import signal
import socket
import sys
from typing import List

__all__ = ["main", "MAX_FDS"]

MAX_FDS = 8
MAX_MESSAGE = 1 << 20


def warm_up() -> None:
    """Load and exercise what every session uses, so children share it."""
    import tempfile
    import exshell.shell  # noqa: F401
    from exshell import cmdlets
    from exshell.labs import cmdlets as _lab_cmdlets, log as _log, report as _report  # noqa: F401
    from exshell.labs.cli import find_lab
    from exshell.labs.runner import build_start, check_lab, make_shell
    from exshell.labs.checks import snapshot
    from exshell.repl import app as _app, host as _host, plain as _plain  # noqa: F401
    from exshell.serve import worker as _worker  # noqa: F401
    import prompt_toolkit.shortcuts  # noqa: F401
    import prompt_toolkit.application  # noqa: F401
    for family in getattr(cmdlets, "LAZY_FAMILIES", {}) or {}:
        try:
            __import__(family if "." in family else "exshell.cmdlets." + family)
        except Exception:
            pass
    lab = find_lab("renew-2010")
    org = build_start(lab)
    start = snapshot(org)
    with tempfile.TemporaryDirectory(prefix="exshell-warm-") as drive:
        shell = make_shell(lab, organization=org, drive_root=drive)
        shell.host.answers = ["Y", "Y"]
        shell.run("$c = Get-ExchangeCertificate; $c | Format-List; $c | Format-Table; "
                  "Get-ExchangeServer | Out-Null; Get-Date | Out-Null; "
                  "$n = $c | New-ExchangeCertificate; "
                  "Enable-ExchangeCertificate -Thumbprint $n.Thumbprint -Services IIS; "
                  "Get-Help Get-ExchangeCertificate | Out-Null")
        check_lab(lab, shell, start)
        shell.close()


def _serve(sock: socket.socket) -> None:
    from exshell.serve import worker
    while True:
        try:
            message, fds, _flags, _addr = socket.recv_fds(sock, MAX_MESSAGE, MAX_FDS)
        except InterruptedError:
            continue
        except OSError:
            return
        if not message:
            for fd in fds:
                os.close(fd)
            return
        try:
            job = json.loads(message.decode("utf-8"))
        except ValueError:
            job = None
        pid = 0
        if isinstance(job, dict):
            try:
                pid = os.fork()
            except OSError:
                pid = 0
            if pid == 0 and isinstance(job, dict):
                try:
                    sock.close()
                    code = worker.child(job, fds)
                except BaseException:      # never back into the factory's loop
                    code = 70
                finally:
                    os._exit(code if isinstance(code, int) else 1)   # noqa: B012
        for fd in fds:
            os.close(fd)
        try:
            sock.sendall(json.dumps({"pid": pid}).encode("ascii") + b"\n")
        except OSError:
            return


def main(argv: List[str] = None) -> int:
    from .worker import set_parent_death_signal
    argv = sys.argv[1:] if argv is None else argv
    set_parent_death_signal(signal.SIGTERM)
    signal.signal(signal.SIGINT, signal.SIG_IGN)        # Ctrl-C at the server's console
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)       # children reap themselves
    sock = socket.socket(fileno=int(argv[0]))
    try:
        warm_up()
    except Exception as e:       # warming is an optimisation: serve anyway
        sys.stderr.write("exshell serve: warming up the session factory failed (%s: %s)\n"
                         % (type(e).__name__, e))
    gc.collect()
    gc.freeze()
    sock.sendall(b'{"ready": true}\n')
    _serve(sock)
    return 0


if __name__ == "__main__":
    sys.exit(main())
