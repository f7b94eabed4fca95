"""What runs in a learner's session process (forked by :mod:`.zygote`).

:func:`child` makes the forked process a session of its own: a new process session
(``setsid``) whose controlling terminal is the pseudo-terminal the server relays to
the learner's SSH channel -- so Ctrl-C is SIGINT for the running command, exactly as
on a local terminal, and window size changes arrive as SIGWINCH -- or, without a
terminal (``ssh -T``), pipes for standard input, output and error.  Then:

* :func:`run_session` opens the learner's world of the lab (made from the learner's
  own start the first time), their drive, their progress in the class database,
  and runs the REPL (on a terminal) or the plain loop (commands and answers line by
  line, as ``exshell`` reads redirected input).  Every command runs under the
  class's budget; the world is committed per command; the command log and progress
  are written to the class database as they happen.  When the session ends --
  ``exit``, end of input, the connection dropped (SIGHUP), the server closing it
  (time up, the trainer) -- the lab is graded on its world and the result recorded.
* :func:`run_grading` grades a learner's lab from its world file (a private copy).

The control socket carries JSON lines: the server sends ``{"notice": text}`` (shown
above the prompt at once, or before the next prompt) and ``{"close": why, "message":
text}``; the session sends ``{"exit": code}`` as it ends.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import sys
import threading
import time
from typing import Any, Dict, List, Optional

__all__ = ["child", "run_session", "run_grading", "SessionEnded", "set_parent_death_signal"]


#: Variables an SSH client may send (``ssh -o SendEnv=...``): a terminal that does
#: not answer cursor position requests says so; NO_COLOR turns colours off.
CLIENT_ENVIRONMENT = ("PROMPT_TOOLKIT_NO_CPR", "NO_COLOR", "COLORTERM")


#: A command running longer than this (seconds) gets at most THROTTLE_SHARE of a CPU:
#: an endless loop stops at the budget, and until then leaves the machine to the class.
THROTTLE_AFTER = 1.0
THROTTLE_SHARE = 0.25


class SessionEnded(BaseException):
    """The session must end now (a signal from the server or the terminal's hang-up).
    A BaseException: no command's ``except`` and no REPL loop swallows it."""


_CLOSING: Dict[str, Any] = {"why": None, "message": None}


def _end(signum, frame) -> None:
    raise SessionEnded(signum)


def set_parent_death_signal(sig: int = signal.SIGTERM) -> None:
    """Ask the kernel to send ``sig`` when the parent process ends (Linux only)."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(sig), 0, 0, 0)          # PR_SET_PDEATHSIG
    except (OSError, AttributeError, ImportError):
        pass


def child(job: Dict[str, Any], fds: List[int]) -> int:
    """The forked child: its own process session and standard streams, then the job."""
    os.setsid()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)   # Ctrl-C stops a command
    signal.signal(signal.SIGTERM, _end)
    signal.signal(signal.SIGHUP, _end)
    set_parent_death_signal(signal.SIGTERM)
    kind = job.get("job")
    control = socket.socket(fileno=fds[-1])
    streams = fds[:-1]
    if kind == "session" and job.get("tty") and len(streams) == 1:
        import fcntl
        import termios
        tty = streams[0]
        fcntl.ioctl(tty, termios.TIOCSCTTY, 0)
        for target in (0, 1, 2):
            os.dup2(tty, target)
        os.close(tty)
    elif kind == "session" and len(streams) == 3:
        for target, fd in enumerate(streams):
            os.dup2(fd, target)
            os.close(fd)
    elif kind == "grade":
        null = os.open(os.devnull, os.O_RDWR)
        for target in (0, 1, 2):
            os.dup2(null, target)
        os.close(null)
    else:
        return 64
    _environment(job)
    sys.stdin = open(0, "r", encoding="utf-8", errors="replace", closefd=False)
    sys.stdout = open(1, "w", encoding="utf-8", errors="replace", closefd=False)
    sys.stderr = open(2, "w", encoding="utf-8", errors="replace", closefd=False)
    _resource_limits(job)
    try:
        if kind == "grade":
            return run_grading(job, control)
        return run_session(job, control)
    finally:
        try:
            sys.stdout.flush()
        except (OSError, ValueError):
            pass


def _environment(job: Dict[str, Any]) -> None:
    """A clean environment: nothing of the server's (test switches, the trainer's
    variables) reaches a learner's shell."""
    keep = {k: os.environ[k] for k in ("PATH",) if k in os.environ}
    os.environ.clear()
    os.environ.update(keep)
    os.environ["LANG"] = "C.UTF-8"
    os.environ["TERM"] = str(job.get("term") or "dumb") if job.get("tty") else "dumb"
    for name, value in (job.get("env") or {}).items():     # what the client may say
        if name in CLIENT_ENVIRONMENT and isinstance(value, str) and len(value) < 100:
            os.environ[name] = value
    home = job.get("home")
    if home:
        os.environ["HOME"] = home
        os.environ["XDG_DATA_HOME"] = home


def _resource_limits(job: Dict[str, Any]) -> None:
    """A ceiling under the budget: the process's data may not grow past it (a runaway
    allocation the budget cannot foresee fails instead of taking the machine)."""
    limit = job.get("max_data_mb")
    if not limit:
        return
    try:
        import resource
        size = int(limit) * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        if hard != resource.RLIM_INFINITY:
            size = min(size, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (size, hard))
    except (ImportError, ValueError, OSError):
        pass


# ----------------------------------------------------------------- the control socket

class Control:
    """The session's side of the control socket (a reader thread)."""

    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.pending: List[str] = []
        self.lock = threading.Lock()
        self.main = threading.main_thread()

    def start(self) -> None:
        threading.Thread(target=self._read, name="exshell-control", daemon=True).start()

    def send(self, message: Dict[str, Any]) -> None:
        try:
            self.sock.sendall(json.dumps(message).encode("utf-8") + b"\n")
        except OSError:
            pass

    def _read(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = self.sock.recv(65536)
            except OSError:
                chunk = b""
            if not chunk:
                _CLOSING["why"] = _CLOSING["why"] or "server"
                os.kill(os.getpid(), signal.SIGTERM)
                return
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                try:
                    message = json.loads(line.decode("utf-8"))
                except ValueError:
                    continue
                if not isinstance(message, dict):
                    continue
                if "notice" in message:
                    self.notice(str(message["notice"]))
                if "close" in message:
                    _CLOSING["why"] = str(message.get("close"))
                    _CLOSING["message"] = message.get("message")
                    os.kill(os.getpid(), signal.SIGTERM)
                    return

    def notice(self, text: str) -> None:
        """Show ``text`` above the prompt now if the REPL waits at one, else before
        the next prompt."""
        if _show_at_prompt(text):
            return
        with self.lock:
            self.pending.append(text)

    def flush(self) -> None:
        with self.lock:
            texts, self.pending = self.pending, []
        for text in texts:
            _write_notice(text)


def _write_notice(text: str) -> None:
    try:
        colour = sys.stdout.isatty()
        body = ("\x1b[93m%s\x1b[0m" % text) if colour else text
        sys.stdout.write("\n%s\n" % body)
        sys.stdout.flush()
    except (OSError, ValueError):
        pass


def _show_at_prompt(text: str) -> bool:
    """Print above a prompt_toolkit prompt that is waiting (from another thread)."""
    if "prompt_toolkit" not in sys.modules:
        return False
    try:
        from prompt_toolkit.application import run_in_terminal
        from prompt_toolkit.application.current import get_app_or_none
    except ImportError:
        return False
    app = get_app_or_none()
    loop = getattr(app, "loop", None)
    if app is None or not app.is_running or loop is None:
        return False

    def show() -> None:
        run_in_terminal(lambda: _write_notice(text))
    try:
        loop.call_soon_threadsafe(show)
    except RuntimeError:           # the loop closed meanwhile
        return False
    return True


# ----------------------------------------------------------------- a learner's lab

def _time_left_line(deadline: Optional[float]) -> Optional[str]:
    if not deadline:
        return None
    left = max(0, int(deadline - time.time()))
    clock = time.strftime("%H:%M", time.gmtime(deadline))
    return ("Time left: %d min %02d s. At %s UTC your labs are graded and closed."
            % (left // 60, left % 60, clock))


def open_lab(job: Dict[str, Any], db: Any, host: Any):
    """The learner's LabSession of the job's lab (its world made on first use)."""
    from ..engine.budget import Budget
    from ..exchange.worlddb import open_store
    from ..labs.checks import StartSnapshot, snapshot
    from ..labs.cmdlets import attach
    from ..labs.model import load_lab
    from ..labs.progress import Progress
    from ..labs.runner import build_start, open_shell
    from ..labs.session import LabSession
    from .classdb import ProgressStore
    from .paths import LearnerPaths, learner_sources, session_serials

    lab = load_lab(job["lab_path"])
    name = job["learner"]
    paths = LearnerPaths(job["data"], job["slug"])
    paths.make(lab.id)
    secret = db.secret()
    sources = learner_sources(paths, secret, name)
    world = paths.world(lab.id)
    start_data = db.start_of(name, lab.id)
    if not os.path.exists(world):
        org = build_start(lab, sources())
        start = snapshot(org)
        store = open_store(world)
        try:
            if store.has_world():
                store.replace(org)
            else:
                store.create(org, source="class lab %s for %s" % (lab.id, name))
        finally:
            store.close()
        db.set_start(name, lab.id, start.as_dict())
    elif start_data:
        start = StartSnapshot.from_dict(start_data)
    else:
        start = snapshot(build_start(lab, sources()))
        db.set_start(name, lab.id, start.as_dict())
    shell = open_shell(lab, world, host=host, drive_root=paths.drive(lab.id),
                       serials=session_serials(secret, name))
    limits = dict(job.get("limits") or {})
    # After a second a command shares the processors: at most a quarter of one.
    shell.budget = Budget.untrusted(origin="server", throttle_after=THROTTLE_AFTER,
                                    throttle_share=THROTTLE_SHARE, **limits)
    progress = Progress.from_dict(lab.id, db.progress(name, lab.id) or {})
    progress.learner = name
    progress.store = ProgressStore(db, name, lab.id)
    progress.resume_clock()
    ls = attach(LabSession(lab, shell, progress, start, own_drive=True,
                           exam=bool(job.get("exam")),
                           build=lambda: build_start(lab, sources())))
    ls.check_listeners.append(
        lambda result: db.set_results(name, lab.id, [result.as_dict()], "Test-LabTask"))
    progress.save()
    return ls


def run_session(job: Dict[str, Any], sock: socket.socket) -> int:
    from ..exchange.errors import WorldFileError
    from ..host import ConsoleHost
    from .classdb import ClassDB, ClassDBError
    control = Control(sock)
    control.start()
    code = 1
    ls = None
    db = None
    try:
        try:
            db = ClassDB(os.path.join(job["data"], "class.db"))
            host = ConsoleHost(interactive=True)
            ls = open_lab(job, db, host)
        except (ClassDBError, WorldFileError, OSError) as e:
            sys.stderr.write("exshell serve: your lab cannot be opened: %s\n" % e)
            sys.stderr.flush()
            return 1
        shell = ls.shell
        shell.prompt_listeners.append(control.flush)
        resets = [ls.progress.resets]

        def after_run(text, result):
            if ls.progress.resets != resets[0]:       # Reset-Lab: earlier results are gone
                resets[0] = ls.progress.resets
                db.set_results(job["learner"], ls.lab.id,
                               [{"id": t.id, "passed": False, "checks": []} for t in ls.lab.tasks],
                               "Reset-Lab")
        shell.result_listeners.append(after_run)
        banner = ls.banner()
        left = _time_left_line(job.get("deadline"))
        if left:
            banner = banner.rstrip("\n") + "\n" + left + "\n"
        if job.get("tty"):
            from ..repl import run_repl
            code = run_repl(shell, banner, history=os.path.join(job["home"], "history"))
        else:
            from ..repl.plain import run_plain
            code = run_plain(shell, banner)
    except SessionEnded:
        code = 0
        control.flush()                      # warnings not shown yet come first
        message = _CLOSING.get("message")
        if message:
            _write_notice(str(message))
    except KeyboardInterrupt:
        code = 130
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        if ls is not None:
            _finish(ls, db, job, _CLOSING.get("why") or "session end")
        control.send({"exit": code})
    return code


def _finish(ls: Any, db: Any, job: Dict[str, Any], how: str) -> None:
    """The session ends: progress kept, the lab graded on its world, the world closed."""
    from ..labs.runner import check_lab
    try:
        ls.progress.save()
    except Exception:
        pass
    try:
        results = check_lab(ls.lab, ls.shell, ls.start)
        db.set_results(job["learner"], ls.lab.id, [r.as_dict() for r in results],
                       {"time": "time up", "exam": "exam ended"}.get(how, how))
    except Exception:
        pass
    try:
        ls.shell.close()
    except Exception:
        pass


def run_grading(job: Dict[str, Any], sock: socket.socket) -> int:
    """Grade a learner's lab from its world file and drive, as ``exshell lab check``
    grades a submission (a private copy made without following links, every script a
    check runs under the grader's budget), against the learner's own start."""
    from ..labs.checks import StartSnapshot, snapshot
    from ..labs.grading import check_state
    from ..labs.model import load_lab
    from ..labs.runner import build_start
    from .classdb import ClassDB
    from .paths import LearnerPaths, learner_sources
    result: Dict[str, Any] = {"done": False}
    try:
        db = ClassDB(os.path.join(job["data"], "class.db"))
        lab = load_lab(job["lab_path"])
        name = job["learner"]
        paths = LearnerPaths(job["data"], job["slug"])
        world = paths.world(lab.id)
        if os.path.exists(world):
            data = db.start_of(name, lab.id)
            start = StartSnapshot.from_dict(data) if data else snapshot(
                build_start(lab, learner_sources(paths, db.secret(), name)()))
            graded = check_state(lab, world, drive_root=paths.drive(lab.id), start=start,
                                 limits=job.get("limits"))
            db.set_results(name, lab.id, graded["tasks"], job.get("how", "trainer"))
            result = {"done": True, "passed": bool(graded["passed"])}
        else:
            result = {"done": True, "passed": False, "missing": True}
    except Exception as e:
        result = {"done": False, "error": "%s: %s" % (type(e).__name__, e)}
    try:
        sock.sendall(json.dumps(result).encode("utf-8") + b"\n")
    except OSError:
        pass
    return 0 if result.get("done") else 1
