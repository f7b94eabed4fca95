"""``exshell serve``: the class server -- SSH for the learners (asyncssh), the
trainer's dashboard (aiohttp, :mod:`.dashboard`), on one asyncio event loop.

The server process never runs a learner's commands.  Each lab a learner opens is a
process of its own, forked from the warmed-up session factory (:mod:`.zygote`), with
a pseudo-terminal (or pipes, without one) that this process relays to and from the
learner's SSH channel.  Here live: authentication against the roster, the menu of
the class's labs, the relay, time limits (warnings, closing at the limit), the
trainer's actions and the dashboard's live feed.

Sessions (:class:`LabRun`): one per learner and lab at a time -- opening a lab that
is open in another connection of the same learner (a dropped connection not yet
noticed, a second window) closes the older one first, so reconnecting resumes.
"""
from __future__ import annotations

import asyncio
import errno
import fcntl
import json
import os
import signal
import socket
import struct
import sys
import termios
import time
from typing import Any, Callable, Dict, List, Optional

from .classdb import ClassDB, utc_now
from .paths import CLASS_DB, HOST_KEY, TOKEN_FILE, LearnerPaths, private_folder
from .roster import Roster, RosterError, load_roster

__all__ = ["ClassServer", "LabRun", "HostKeyError"]

#: How long a closing session may take before it is killed.
STOP_GRACE = 8.0
#: Lines of the menu (our own words).
MENU_HELP = "Type a lab's number or id (q leaves)."


class HostKeyError(Exception):
    """The host key file cannot be read."""


def _now() -> float:
    return time.time()


class LabRun:
    """One learner's lab running in a session process, relayed to one SSH channel."""

    def __init__(self, server: "ClassServer", learner: Any, lab: Any, channel: "LearnerChannel"):
        self.server = server
        self.learner = learner
        self.lab = lab
        self.channel = channel
        self.pid = 0
        self.started = utc_now()
        self.control: Optional[socket.socket] = None
        self.exit_code: Optional[int] = None
        self.ended = asyncio.get_running_loop().create_future()
        self._control_reader: Optional[asyncio.StreamReader] = None
        self._control_writer: Optional[asyncio.StreamWriter] = None
        self._stopping = False

    # -- control messages ------------------------------------------------------------
    def notice(self, text: str) -> None:
        self._send({"notice": text})

    def _send(self, message: Dict[str, Any]) -> None:
        if self._control_writer is not None and not self._control_writer.is_closing():
            try:
                self._control_writer.write(json.dumps(message).encode("utf-8") + b"\n")
            except (OSError, RuntimeError):
                pass

    async def stop(self, why: str, message: Optional[str] = None) -> None:
        """Ask the session to end (it grades its lab and exits); kill it if it does
        not within :data:`STOP_GRACE`."""
        if self.ended.done():
            return
        self._stopping = True
        self._send({"close": why, "message": message})
        try:
            await asyncio.wait_for(asyncio.shield(self.ended), STOP_GRACE)
        except asyncio.TimeoutError:
            if not self.ended.done() and self.pid > 0:
                try:
                    os.kill(self.pid, signal.SIGKILL)
                except OSError:
                    pass
                try:
                    await asyncio.wait_for(asyncio.shield(self.ended), 3.0)
                except asyncio.TimeoutError:
                    pass

    async def watch_control(self, sock: socket.socket) -> None:
        reader, writer = await asyncio.open_unix_connection(sock=sock)
        self._control_reader, self._control_writer = reader, writer
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break
                try:
                    message = json.loads(line.decode("utf-8"))
                except ValueError:
                    continue
                if isinstance(message, dict) and isinstance(message.get("exit"), int):
                    self.exit_code = message["exit"]
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()
            if not self.ended.done():
                self.ended.set_result(self.exit_code)


class ClassServer:
    def __init__(self, roster_path: str, data: str, *, listen: str = "127.0.0.1",
                 ssh_port: int = 2222, web_port: int = 8080, host_key: Optional[str] = None,
                 web_listen: Optional[str] = None, out: Callable[[str], None] = None):
        self.roster_path = os.path.abspath(roster_path)
        self.roster: Roster = load_roster(self.roster_path)
        self._roster_stamp = self._stamp()
        self.data = private_folder(os.path.abspath(data))
        self.listen = listen
        self.ssh_port = ssh_port
        self.web_port = web_port
        self.web_listen = web_listen or listen
        self.host_key_path = host_key or os.path.join(self.data, HOST_KEY)
        self.out = out or (lambda text: (sys.stdout.write(text + "\n"), sys.stdout.flush()))
        self.db = ClassDB(os.path.join(self.data, CLASS_DB))
        self.db.secret()
        self.token = self.roster.trainer_token or self._stored_token()
        self.runs: List[LabRun] = []
        self.connections = 0
        self.spawner = None
        self.ssh_server = None
        self.web_runner = None
        self._warned: set = set()
        self._tasks: List[asyncio.Task] = []
        self.listeners: List[asyncio.Queue] = []   # the dashboard's live feeds
        self._version = -1
        self.started_at = utc_now()

    # -- the trainer's token -------------------------------------------------------------
    def _stored_token(self) -> str:
        import secrets
        path = os.path.join(self.data, TOKEN_FILE)
        try:
            with open(path, "r", encoding="ascii") as fh:
                token = fh.read().strip()
            if len(token) >= 12:
                return token
        except (OSError, UnicodeDecodeError):
            pass
        token = secrets.token_urlsafe(24)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(token + "\n")
        return token

    # -- the roster, read again when the file changes ---------------------------------------
    def _stamp(self):
        try:
            st = os.stat(self.roster_path)
            return (st.st_mtime_ns, st.st_size)
        except OSError:
            return None

    def refresh_roster(self) -> None:
        stamp = self._stamp()
        if stamp is None or stamp == self._roster_stamp:
            return
        self._roster_stamp = stamp
        try:
            roster = load_roster(self.roster_path)
        except RosterError as e:
            self.log("the roster changed but cannot be used; keeping the previous one:\n%s" % e)
            return
        self.roster = roster
        if roster.trainer_token:
            self.token = roster.trainer_token
        self.log("roster read again: %d learners, %d labs" % (len(roster.learners), len(roster.labs)))
        self.changed()

    def log(self, text: str) -> None:
        self.out("%s %s" % (time.strftime("%H:%M:%S"), text))

    # -- start and stop -------------------------------------------------------------
    def host_key(self):
        import asyncssh
        path = self.host_key_path
        if os.path.exists(path):
            try:
                return asyncssh.read_private_key(path)
            except (OSError, ValueError, asyncssh.KeyImportError) as e:
                raise HostKeyError("cannot read the host key %s (%s)" % (path, e)) from None
        key = asyncssh.generate_private_key("ssh-ed25519")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key.export_private_key())
        with open(path + ".pub", "wb") as fh:
            fh.write(key.export_public_key())
        return key

    async def start(self) -> None:
        import asyncssh
        from .dashboard import make_app
        from .spawner import Spawner
        from aiohttp import web
        key = self.host_key()
        self.fingerprint = key.get_fingerprint("sha256")
        self.spawner = Spawner()
        await asyncio.get_running_loop().run_in_executor(None, self.spawner.start)
        self.ssh_server = await asyncssh.create_server(
            lambda: _SSHServer(self), self.listen, self.ssh_port, server_host_keys=[key],
            line_editor=False, encoding=None, allow_scp=False, agent_forwarding=False,
            x11_forwarding=False, keepalive_interval=30, keepalive_count_max=4,
            login_timeout=60, process_factory=None, session_factory=None,
            server_version="exshell")
        self.ssh_port = self.ssh_server.sockets[0].getsockname()[1]
        app = make_app(self)
        self.web_runner = web.AppRunner(app, access_log=None)
        await self.web_runner.setup()
        # Our own listening socket: with -WebPort 0 its port is the one the system chose.
        web_socket = _listening_socket(self.web_listen, self.web_port)
        self.web_port = web_socket.getsockname()[1]
        site = web.SockSite(self.web_runner, web_socket)
        await site.start()
        self._tasks.append(asyncio.ensure_future(self._tick()))

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        for queue in list(self.listeners):       # live pages: their streams end
            queue.put_nowait(None)
        await asyncio.gather(*[run.stop("server", "The class server is stopping; your work "
                                        "is saved.") for run in list(self.runs)],
                             return_exceptions=True)
        if self.ssh_server is not None:
            self.ssh_server.close()
        if self.web_runner is not None:
            await self.web_runner.cleanup()
        if self.spawner is not None:
            self.spawner.stop()
        self.db.close()

    # -- live data for the dashboard ------------------------------------------------------
    def changed(self) -> None:
        """Something the dashboard shows changed: push the class to every live page."""
        for queue in list(self.listeners):
            if queue.empty():
                queue.put_nowait(True)

    async def _tick(self) -> None:
        while True:
            try:
                self.refresh_roster()
                version = self.db.data_version()
                if version != self._version:
                    self._version = version
                    self.changed()
                await self._check_time()
            except asyncio.CancelledError:
                raise
            except Exception as e:       # the server keeps going whatever happens here
                self.log("internal error in the clock: %s: %s" % (type(e).__name__, e))
            await asyncio.sleep(0.5)

    # -- time limits -------------------------------------------------------------------
    def deadline(self, name: str, state: Optional[Dict[str, Any]] = None) -> Optional[float]:
        limit = self.roster.time_limit_minutes
        if not limit:
            return None
        state = state if state is not None else self.db.learner_state(name)
        if state.get("clock_started") is None:
            return None
        return float(state["clock_started"]) + limit * 60.0 + float(state.get("extra_seconds") or 0)

    def closed(self, name: str) -> Optional[str]:
        """Why the learner's work is closed (time up, exam ended), or None."""
        if self.db.meta("exam_ended"):
            return "exam"
        state = self.db.learner_state(name)
        return state.get("closed_why") if state.get("closed_at") else None

    async def _check_time(self) -> None:
        if not self.roster.time_limit_minutes:
            return
        states = self.db.learner_states()
        now = _now()
        for learner in self.roster.learners:
            state = states.get(learner.name)
            if not state or state.get("closed_at"):
                continue
            deadline = self.deadline(learner.name, state)
            if deadline is None:
                continue
            left = deadline - now
            if left <= 0:
                await self.close_learner(learner, "time")
                continue
            for minutes in self.roster.warn_minutes:
                mark = (learner.name, minutes, deadline)
                if left <= minutes * 60 and mark not in self._warned:
                    self._warned.add(mark)
                    if left > minutes * 60 - 30:       # not for thresholds long passed
                        text = ("WARNING: %s left. At the limit your labs are graded and closed."
                                % _minutes(left))
                        for run in self.runs_of(learner.name):
                            run.notice(text)

    async def close_learner(self, learner: Any, why: str) -> None:
        """Time is up (or the exam ended): grade every lab the learner started and
        freeze the results."""
        if not self.db.close_learner(learner.name, why):
            return
        self.db.event("closed", learner.name, None, why)
        self.log("%s: %s" % (learner.name, "time is up" if why == "time" else "exam ended"))
        message = ("Time is up: your work is saved, graded and closed. Thank you!"
                   if why == "time" else "The exam has ended: your work is saved, graded and "
                   "closed. Thank you!")
        running = self.runs_of(learner.name)
        await asyncio.gather(*[run.stop(why, message) for run in running],
                             return_exceptions=True)
        graded = {run.lab.id for run in running if run.exit_code is not None}
        for lab in self.roster.labs:
            if lab.id in graded:
                continue
            if os.path.exists(LearnerPaths(self.data, learner.slug).world(lab.id)):
                await self.grade(learner, lab, "time up" if why == "time" else "exam ended")
        self.changed()

    async def end_exam(self) -> None:
        if not self.db.meta("exam_ended"):
            self.db.set_meta("exam_ended", utc_now())
            self.db.event("exam ended")
        await asyncio.gather(*[self.close_learner(l, "exam") for l in self.roster.learners],
                             return_exceptions=True)

    def add_time(self, learner: Any, minutes: float) -> None:
        self.db.add_time(learner.name, minutes * 60.0)
        self.db.event("time added", learner.name, None, "%g min" % minutes)
        for run in self.runs_of(learner.name):
            run.notice("The trainer gave you %s more." % _minutes(minutes * 60))
        self.changed()

    # -- sessions --------------------------------------------------------------------
    def runs_of(self, name: str, lab_id: Optional[str] = None) -> List[LabRun]:
        return [r for r in self.runs if r.learner.name == name
                and (lab_id is None or r.lab.id == lab_id)]

    async def grade(self, learner: Any, lab: Any, how: str) -> Dict[str, Any]:
        """Grade a learner's lab from its world file, in a process of its own."""
        ours, theirs = socket.socketpair()
        limits = dict(self.roster.limits)        # a check's scripts: the class's budget
        job = {"job": "grade", "data": self.data, "learner": learner.name,
               "slug": learner.slug, "lab_path": lab.path, "how": how, "limits": limits,
               "max_data_mb": max(768, int(limits.get("max_memory_mb", 256)) * 3)}
        try:
            await self.spawner.spawn(job, [theirs.fileno()])
        except Exception as e:
            ours.close()
            return {"done": False, "error": str(e)}
        finally:
            theirs.close()
        reader, writer = await asyncio.open_unix_connection(sock=ours)
        try:
            line = await asyncio.wait_for(reader.readline(), 120)
        except asyncio.TimeoutError:
            line = b""
        writer.close()
        try:
            result = json.loads(line.decode("utf-8")) if line else {"done": False}
        except ValueError:
            result = {"done": False}
        self.changed()
        return result

    async def reset_lab(self, learner: Any, lab: Any) -> None:
        """The trainer starts a learner's lab over (their session of it is closed first)."""
        from ..exchange.worlddb import open_store
        from ..labs.runner import build_start
        from .paths import learner_sources
        await asyncio.gather(*[run.stop("reset", "The trainer reset this lab; connect again "
                                        "to start it over.")
                               for run in self.runs_of(learner.name, lab.id)],
                             return_exceptions=True)
        paths = LearnerPaths(self.data, learner.slug)
        world = paths.world(lab.id)
        if os.path.exists(world):
            def rebuild():
                org = build_start(lab, learner_sources(paths, self.db.secret(), learner.name)())
                store = open_store(world)
                try:
                    store.replace(org)
                finally:
                    store.close()
                import shutil
                drive = paths.drive(lab.id)
                shutil.rmtree(drive, ignore_errors=True)
                private_folder(drive)
            await asyncio.get_running_loop().run_in_executor(None, rebuild)
        self.db.reset_lab(learner.name, lab.id)
        self.db.event("reset", learner.name, lab.id, "by the trainer")
        self.changed()


def _minutes(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    if seconds >= 120:
        return "%d minutes" % (seconds // 60)
    if seconds >= 60:
        return "1 minute %d s" % (seconds - 60) if seconds > 60 else "1 minute"
    return "%d seconds" % seconds


# ====================================================================== SSH

def _ssh_base():
    import asyncssh
    return asyncssh.SSHServer


class _SSHServer(_ssh_base()):
    """Authentication against the roster: a key logs in only as the learner it is
    listed for; a password only as its own learner.  Unknown names are asked for
    credentials like known ones (nobody learns who is on the roster)."""

    def __init__(self, server: ClassServer):
        self.server = server
        self.conn = None
        self.peer = "?"

    def connection_made(self, conn) -> None:
        self.conn = conn
        peer = conn.get_extra_info("peername") or ("?", 0)
        self.peer = "%s:%s" % (peer[0], peer[1])
        self.server.connections += 1

    def connection_lost(self, exc) -> None:
        self.server.connections -= 1

    def begin_auth(self, username: str) -> bool:
        self.server.refresh_roster()
        return True

    def public_key_auth_supported(self) -> bool:
        return True

    def validate_public_key(self, username: str, key) -> bool:
        learner = self.server.roster.learner(username)
        ok = learner is not None and key.public_data in learner.keys
        if not ok:
            self.server.log("refused key for %r from %s" % (username, self.peer))
        return ok

    def password_auth_supported(self) -> bool:
        return self.server.roster.uses_passwords

    def validate_password(self, username: str, password: str) -> bool:
        import hmac
        learner = self.server.roster.learner(username)
        expected = learner.password if learner is not None else None
        ok = expected is not None and hmac.compare_digest(
            expected.encode("utf-8", "surrogatepass"), password.encode("utf-8", "surrogatepass"))
        if not ok:
            self.server.log("refused password for %r from %s" % (username, self.peer))
        return ok

    def kbdint_auth_supported(self) -> bool:
        return False

    def host_based_auth_supported(self) -> bool:
        return False

    def session_requested(self):
        return LearnerChannel(self.server, self.conn.get_extra_info("username"), self.peer)


def _session_base():
    import asyncssh
    return asyncssh.SSHServerSession


class LearnerChannel(_session_base()):
    """One SSH session of a learner: the menu, then a lab relayed to its process."""

    def __init__(self, server: ClassServer, username: str, peer: str):
        self.server = server
        self.username = username
        self.peer = peer
        self.chan = None
        self.term: Optional[str] = None
        self.size = (80, 24, 0, 0)
        self.command: Optional[str] = None
        self.inbox: asyncio.Queue = asyncio.Queue()   # input while the menu reads
        self.forward: Optional[Callable[[bytes], None]] = None
        self.on_eof: Optional[Callable[[], None]] = None
        self.on_resize: Optional[Callable[[], None]] = None
        self.writable = True
        self.on_writable: List[Callable[[], None]] = []
        self.lost = False
        self.task: Optional[asyncio.Task] = None
        self.eof = False

    # -- asyncssh callbacks ---------------------------------------------------------
    def connection_made(self, chan) -> None:
        self.chan = chan

    def pty_requested(self, term_type, term_size, term_modes) -> bool:
        self.term = term_type or "xterm"
        if term_size:
            self.size = tuple(term_size)
        return True

    def shell_requested(self) -> bool:
        return True

    def exec_requested(self, command: str) -> bool:
        self.command = command
        return True

    def subsystem_requested(self, subsystem: str) -> bool:
        return False

    def session_started(self) -> None:
        self.task = asyncio.ensure_future(self._main())

    def data_received(self, data: bytes, datatype) -> None:
        if self.forward is not None:
            self.forward(data)
        else:
            self.inbox.put_nowait(data)

    def eof_received(self) -> bool:
        self.eof = True
        if self.on_eof is not None:
            self.on_eof()
        else:
            self.inbox.put_nowait(b"")
        return True

    def terminal_size_changed(self, width, height, pixwidth, pixheight) -> None:
        self.size = (width, height, pixwidth, pixheight)
        if self.on_resize is not None:
            self.on_resize()

    def pause_writing(self) -> None:
        self.writable = False

    def resume_writing(self) -> None:
        self.writable = True
        for callback in list(self.on_writable):
            callback()

    def connection_lost(self, exc) -> None:
        self.lost = True
        self.inbox.put_nowait(b"")
        if self.on_eof is not None:
            self.on_eof()
        if self.task is not None and not self.task.done():
            pass        # _main notices (the relay sees its channel gone)

    # -- output ---------------------------------------------------------------------
    def write(self, text: str) -> None:
        if self.lost:
            return
        data = text.replace("\r\n", "\n")
        if self.term is not None:
            data = data.replace("\n", "\r\n")
        try:
            self.chan.write(data.encode("utf-8", "replace"))
        except Exception:
            pass

    def finish(self, code: int) -> None:
        if self.lost:
            return
        try:
            self.chan.exit(code)
        except Exception:
            try:
                self.chan.close()
            except Exception:
                pass

    # -- reading a line for the menu -------------------------------------------------------
    async def read_line(self, prompt: str) -> Optional[str]:
        """A line typed (with echo and Backspace on a terminal); None at the end."""
        self.write(prompt)
        line = bytearray()
        pending = getattr(self, "_pending", b"")
        self._pending = b""
        while True:
            data = pending or await self.inbox.get()
            pending = b""
            if not data:
                if self.term is None and line:
                    return line.decode("utf-8", "replace")
                return None
            i = 0
            while i < len(data):
                ch = data[i]
                i += 1
                if ch in (13, 10):
                    if self.term is not None:
                        self.write("\n")
                        if ch == 13 and i < len(data) and data[i] == 10:
                            i += 1
                    self._pending = bytes(data[i:])
                    return line.decode("utf-8", "replace")
                if self.term is None:
                    line.append(ch)
                    continue
                if ch in (127, 8):
                    if line:
                        while line and (line[-1] & 0xC0) == 0x80:
                            line.pop()
                        line.pop()
                        self.write("\b \b")
                elif ch == 3:                       # Ctrl-C: start the line again
                    line.clear()
                    self.write("^C\n" + prompt)
                elif ch == 4:                       # Ctrl-D
                    if not line:
                        self.write("\n")
                        return None
                elif ch == 27:                      # an escape sequence: skipped
                    if i < len(data) and data[i] in (91, 79):
                        i += 1
                        while i < len(data) and not (64 <= data[i] <= 126):
                            i += 1
                        i += 1
                elif ch >= 32:
                    if len(line) < 200:
                        line.append(ch)
                        try:
                            self.chan.write(bytes([ch]))
                        except Exception:
                            pass

    # -- the session -------------------------------------------------------------------
    async def _main(self) -> None:
        code = 0
        try:
            code = await self._session()
        except Exception as e:       # never a traceback to the learner
            self.server.log("internal error in %s's session: %s: %s"
                            % (self.username, type(e).__name__, e))
            self.write("\nexshell serve: something went wrong on the server; your work is "
                       "saved. Please connect again.\n")
            code = 1
        self.finish(code)

    def learner(self):
        return self.server.roster.learner(self.username)

    def client_environment(self) -> Dict[str, str]:
        from .worker import CLIENT_ENVIRONMENT
        try:
            env = self.chan.get_environment() or {}
        except Exception:
            return {}
        return {k: str(v) for k, v in env.items() if k in CLIENT_ENVIRONMENT}

    async def _session(self) -> int:
        learner = self.learner()
        if learner is None:              # removed from the roster meanwhile
            self.write("You are not on this class's roster (any more).\n")
            return 1
        self.server.db.seen(learner.name)
        command = (self.command or "").strip()
        if command:
            word = command.split()[0]
            if word.casefold() in ("list", "labs"):
                self.write(self.menu_text(learner))
                return 0
            lab = self.server.roster.lab(word)
            if lab is None:
                self.write("There is no lab '%s' in this class.\n\n%s" % (word, self.menu_text(learner)))
                return 2
            return await self.open_lab(learner, lab)
        while not self.lost:
            learner = self.learner()
            if learner is None:
                return 1
            self.write(self.menu_text(learner))
            choice = await self.read_line("Lab: ")
            if choice is None or choice.strip().casefold() in ("q", "quit", "exit"):
                return 0
            if not choice.strip():
                continue
            lab = self.server.roster.lab(choice.strip())
            if lab is None:
                self.write("There is no lab '%s'. %s\n" % (choice.strip()[:40], MENU_HELP))
                continue
            await self.open_lab(learner, lab)
            if self.term is None:        # without a terminal: one lab per connection
                return 0
        return 0

    def menu_text(self, learner: Any) -> str:
        server = self.server
        roster = server.roster
        rows = []
        progress = {lab.id: server.db.progress(learner.name, lab.id) or {} for lab in roster.labs}
        results = server.db.results(learner.name)
        for n, lab in enumerate(roster.labs, 1):
            data = progress[lab.id]
            done = sum(1 for t in lab.tasks
                       if results.get((learner.name, lab.id, t.id), {}).get("passes")
                       or (t.id in (data.get("passed") or {})
                           and (learner.name, lab.id, t.id) not in results))
            state = "not started" if not data else "%d of %d tasks done" % (done, len(lab.tasks))
            rows.append((str(n), lab.id, state, lab.title))
        widths = [max(len(r[k]) for r in rows + [("#", "Lab", "Progress", "")]) for k in range(3)]
        lines = ["", "  %s" % roster.title, "", "Hello %s." % learner.shown]
        if roster.exam:
            lines.append("This is an exam: hints and solutions are off.")
        closed = server.closed(learner.name)
        deadline = server.deadline(learner.name)
        if closed:
            lines.append("Your work is closed (%s): the results below are final."
                         % ("time is up" if closed == "time" else "the exam has ended"))
        elif roster.time_limit_minutes:
            if deadline is None:
                lines.append("Time limit: %s, starting when you open your first lab."
                             % _minutes(roster.time_limit_minutes * 60))
            else:
                lines.append("Time left: %s." % _minutes(deadline - _now()))
        lines.append("")
        for row in [("#", "Lab", "Progress", "Title")] + rows:
            lines.append("  " + "  ".join(row[k].ljust(widths[k]) for k in range(3)) + "  " + row[3])
        lines.append("")
        if not closed:
            lines.append(MENU_HELP if self.command is None else
                         "Open one with: ssh -t ... %s@<server> <lab>" % learner.name)
        return "\n".join(lines) + "\n"

    async def open_lab(self, learner: Any, lab: Any) -> int:
        server = self.server
        closed = server.closed(learner.name)
        if closed:
            self.write("Your work is closed (%s); your results are final.\n"
                       % ("time is up" if closed == "time" else "the exam has ended"))
            return 1
        for old in server.runs_of(learner.name, lab.id):
            self.write("This lab was open in another connection of yours: closing that one.\n")
            await old.stop("replaced", "This lab was opened in another connection; this one "
                                       "is closed.")
        if len(server.runs_of(learner.name)) >= server.roster.sessions_per_learner:
            self.write("You have %d labs open already; close one first.\n"
                       % len(server.runs_of(learner.name)))
            return 1
        deadline = None
        if server.roster.time_limit_minutes:
            server.db.start_clock(learner.name)
            deadline = server.deadline(learner.name)
            if deadline is not None and deadline <= _now():
                await server.close_learner(learner, "time")
                self.write("Your time is up.\n")
                return 1
        run = LabRun(server, learner, lab, self)
        server.runs.append(run)
        server.changed()
        try:
            return await self._relay(run, deadline)
        finally:
            if run in server.runs:
                server.runs.remove(run)
            server.changed()

    async def _relay(self, run: LabRun, deadline: Optional[float]) -> int:
        server = self.server
        roster = server.roster
        paths = LearnerPaths(server.data, run.learner.slug)
        paths.make(run.lab.id)
        job = {"job": "session", "data": server.data, "learner": run.learner.name,
               "slug": run.learner.slug, "lab_path": run.lab.path, "tty": self.term is not None,
               "term": self.term, "exam": roster.exam, "limits": dict(roster.limits),
               "deadline": deadline, "home": paths.folder, "env": self.client_environment(),
               "max_data_mb": max(768, int(roster.limits.get("max_memory_mb", 256)) * 3)}
        loop = asyncio.get_running_loop()
        ours, theirs = socket.socketpair()
        child_fds: List[int] = []
        outputs: List[tuple] = []       # (fd, stream) read and sent to the channel
        if self.term is not None:
            master, slave = os.openpty()
            _set_size(master, self.size)
            child_fds = [slave]
            inbound = master
            outputs = [(master, None)]
        else:
            in_r, in_w = os.pipe()
            out_r, out_w = os.pipe()
            err_r, err_w = os.pipe()
            child_fds = [in_r, out_w, err_w]
            inbound = in_w
            outputs = [(out_r, None), (err_r, "stderr")]
        owned = {fd for fd, _ in outputs} | {inbound}

        def release(fd: int) -> None:
            """Close one of our descriptors, once."""
            if fd in owned:
                owned.discard(fd)
                _close(fd)
        for fd in owned:
            os.set_blocking(fd, False)
        try:
            run.pid = await server.spawner.spawn(job, child_fds + [theirs.fileno()])
        except Exception as e:
            for fd in child_fds + list(owned):
                _close(fd)
            theirs.close()
            ours.close()
            self.write("exshell serve: the lab cannot be started now (%s). Please try again.\n" % e)
            server.log("cannot start a session: %s" % e)
            return 1
        for fd in child_fds:
            _close(fd)
        theirs.close()
        server.db.event("opened", run.learner.name, run.lab.id,
                        "%s from %s" % ("terminal" if self.term else "no terminal", self.peer))
        server.log("%s opened %s (%s)" % (run.learner.name, run.lab.id, self.peer))
        control = asyncio.ensure_future(run.watch_control(ours))

        # -- input: the channel to the session ------------------------------------------
        pending = bytearray()
        state = {"closed_in": False, "eof": False}

        def pump() -> None:
            while pending and not state["closed_in"]:
                try:
                    n = os.write(inbound, bytes(pending[:65536]))
                except BlockingIOError:
                    loop.add_writer(inbound, drain)
                    return
                except OSError:
                    pending.clear()
                    return
                del pending[:n]
            try:
                loop.remove_writer(inbound)
            except (ValueError, OSError):
                pass
            if self.chan is not None and not self.lost:
                try:
                    self.chan.resume_reading()
                except Exception:
                    pass
            if state["eof"] and self.term is None and not state["closed_in"]:
                state["closed_in"] = True
                release(inbound)

        def drain() -> None:
            pump()

        def forward(data: bytes) -> None:
            if state["closed_in"]:
                return
            pending.extend(data)
            if len(pending) > 1 << 20:
                try:
                    self.chan.pause_reading()
                except Exception:
                    pass
            pump()

        def on_eof() -> None:
            state["eof"] = True
            if self.lost:            # the connection is gone: hang up on the session
                hang_up()
                return
            pump()

        def on_resize() -> None:
            if self.term is not None and not state["closed_in"]:
                _set_size(inbound, self.size)

        # -- output: the session to the channel -------------------------------------------
        open_outputs = {fd for fd, _ in outputs}
        outputs_done = loop.create_future()

        def reader(fd: int, stream: Optional[str]) -> Callable[[], None]:
            def readable() -> None:
                if not self.writable:           # the client is slow: wait for it
                    loop.remove_reader(fd)
                    self.on_writable.append(resume)
                    return
                try:
                    data = os.read(fd, 65536)
                except BlockingIOError:
                    return
                except OSError as e:            # EIO: the terminal's other side closed
                    data = b"" if e.errno in (errno.EIO, errno.EBADF) else b""
                if not data:
                    try:
                        loop.remove_reader(fd)
                    except (ValueError, OSError):
                        pass
                    open_outputs.discard(fd)
                    if not open_outputs and not outputs_done.done():
                        outputs_done.set_result(None)
                    return
                if not self.lost:
                    try:
                        if stream == "stderr":
                            self.chan.write_stderr(data)
                        else:
                            self.chan.write(data)
                    except Exception:
                        pass

            def resume() -> None:
                if resume in self.on_writable:
                    self.on_writable.remove(resume)
                if fd in open_outputs:
                    loop.add_reader(fd, readable)
            return readable

        def hang_up() -> None:
            """The learner is gone: close our ends (the session sees a hang-up)."""
            if not state["closed_in"]:
                state["closed_in"] = True
                try:
                    loop.remove_writer(inbound)
                except (ValueError, OSError):
                    pass
            for fd in list(open_outputs):
                try:
                    loop.remove_reader(fd)
                except (ValueError, OSError):
                    pass
                open_outputs.discard(fd)
            for fd in list(owned):
                release(fd)
            if not outputs_done.done():
                outputs_done.set_result(None)

        for fd, stream in outputs:
            loop.add_reader(fd, reader(fd, stream))
        # Input typed before the session started (ssh -T ... < file sends it at once):
        # what the menu did not use, then what waits in the inbox, in order.
        if getattr(self, "_pending", b""):
            forward(self._pending)
            self._pending = b""
        while not self.inbox.empty():
            chunk = self.inbox.get_nowait()
            if chunk:
                forward(chunk)
            elif not state["eof"]:
                on_eof()
        if self.eof and not state["eof"]:
            on_eof()
        self.forward, self.on_eof, self.on_resize = forward, on_eof, on_resize
        try:
            await run.ended
            try:
                await asyncio.wait_for(asyncio.shield(outputs_done), 3.0)
            except asyncio.TimeoutError:
                pass
        finally:
            self.forward = self.on_eof = self.on_resize = None
            hang_up()
            control.cancel()
        code = run.exit_code if run.exit_code is not None else 1
        server.db.event("closed", run.learner.name, run.lab.id, "exit %d" % code)
        server.log("%s left %s" % (run.learner.name, run.lab.id))
        if run.exit_code is None and not run._stopping:
            # The session died without grading: grade its world from outside.
            asyncio.ensure_future(server.grade(run.learner, run.lab, "session end"))
        return code


def _listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket listening on (host, port), IPv6 when the address is one."""
    info = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                              flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(info[0], socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(info[4])
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.setblocking(False)
    return sock


#: A terminal's size as a client may ask for it (TIOCSWINSZ holds 16-bit numbers; a
#: learner's client asking for 100,000 columns must not break the relay).
MAX_TERMINAL = 4096


def _set_size(fd: int, size: tuple) -> None:
    def clamp(value, default, low=1, high=MAX_TERMINAL):
        try:
            return min(max(int(value or default), low), high)
        except (TypeError, ValueError, OverflowError):
            return default
    try:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack(
            "HHHH", clamp(size[1], 24), clamp(size[0], 80), clamp(size[2], 0, 0, 65535),
            clamp(size[3], 0, 0, 65535)))
    except (OSError, struct.error, IndexError, TypeError):
        pass


def _close(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass
