"""Grading a learner's submission from outside their session (``exshell lab check``,
the report).  The grader trusts nothing it is given:

* the world file and the drive folder are copied into a private temporary folder
  (mode 0700) without following a single link: the world file must be a regular file
  with one link; the drive is walked with directory descriptors (``O_NOFOLLOW``), and
  links, FIFOs, sockets, devices and hard-linked files in it are left out; the copy
  is capped (:data:`MAX_FILES`, :data:`MAX_BYTES`, :data:`MAX_DEPTH`);
* the checks run on that copy (a script the learner left cannot write outside it,
  nor into the learner's own folder), and every script a check runs (``expression``,
  ``expiring_report``) runs under the grader's budget (engine/budget.py): an endless
  loop ends as a failed check in bounded time;
* a submission that cannot be read -- a link, a world file that is not one, damaged
  or forged, a drive that is too big -- is a result with every check failed and the
  reason, never a crash.  Only a world file that does not exist at all is a usage error
  (the grader's own mistake, most likely).

Imports the lab model and runner only (and the engine's budget).
"""
from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from typing import List, Optional

from .model import Lab

__all__ = ["check_state", "GradingError", "Unreadable", "MAX_FILES", "MAX_BYTES", "MAX_DEPTH"]

#: Caps on what is copied from a submission's drive.
MAX_FILES = 10_000
MAX_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 32

_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0)


class GradingError(Exception):
    """The state file or the task asked for does not exist (a usage error)."""


class Unreadable(Exception):
    """The submission cannot be graded as it is (a link, not a world, too big...)."""


# ----------------------------------------------------------------- copying

def _read_regular(fd: int, what: str, limit: int) -> bytes:
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        raise Unreadable("%s is not a regular file" % what)
    if st.st_nlink > 1:
        raise Unreadable("%s has more than one link (it may be someone else's file)" % what)
    if st.st_size > limit:
        raise Unreadable("%s is too large" % what)
    chunks, total = [], 0
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise Unreadable("%s is too large" % what)
        chunks.append(chunk)


def _copy_world_file(path: str, target_dir: str) -> str:
    """Copy the world file (and its SQLite journal, if any) without following links."""
    target = os.path.join(target_dir, "world.db")
    for suffix in ("", "-wal"):
        try:
            fd = os.open(path + suffix, _FILE)
        except OSError as e:
            if suffix and e.errno == errno.ENOENT:
                continue
            if e.errno == errno.ELOOP:
                raise Unreadable("the world file is a symbolic link") from None
            raise Unreadable("the world file cannot be read (%s)" % (e.strerror or "error")) from None
        try:
            data = _read_regular(fd, "the world file", MAX_BYTES)
        finally:
            os.close(fd)
        _write_new(target + suffix, data)
    return target


def _write_new(path: str, data: bytes, dir_fd: Optional[int] = None) -> None:
    """Create ``path`` (never an existing entry, never through a link) with ``data``."""
    out = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
                  0o600, dir_fd=dir_fd)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(out, view):]
    finally:
        os.close(out)


class _Budget:
    def __init__(self) -> None:
        self.files = 0
        self.bytes = 0


def _copy_drive(source: str, target: str) -> List[str]:
    """Copy the submission's drive folder into ``target`` (created); returns what was
    left out.  Raises Unreadable when the folder itself is a link or the drive is over
    the caps."""
    os.mkdir(target, 0o700)
    try:
        fd = os.open(source, _DIR)
    except OSError as e:
        if e.errno == errno.ENOENT:
            return []
        if e.errno in (errno.ELOOP, errno.ENOTDIR):
            raise Unreadable("the drive folder is a symbolic link or not a folder") from None
        raise Unreadable("the drive folder cannot be read (%s)" % (e.strerror or "error")) from None
    left_out: List[str] = []
    try:
        dst = os.open(target, _DIR)
        try:
            _copy_folder(fd, dst, "", 0, _Budget(), left_out)
        finally:
            os.close(dst)
    finally:
        os.close(fd)
    return left_out


def _copy_folder(src: int, dst: int, shown: str, depth: int, budget: _Budget,
                 left_out: List[str]) -> None:
    if depth > MAX_DEPTH:
        raise Unreadable("the drive folder is nested too deeply")
    try:
        with os.scandir(src) as it:
            entries = sorted((e.name, e.stat(follow_symlinks=False)) for e in it)
    except OSError as e:
        raise Unreadable("the drive folder cannot be read (%s)" % (e.strerror or "error")) from None
    for name, st in entries:
        budget.files += 1
        if budget.files > MAX_FILES:
            raise Unreadable("the drive folder holds more than %d entries" % MAX_FILES)
        where = shown + "/" + name
        if stat.S_ISDIR(st.st_mode):
            try:
                sub = os.open(name, _DIR, dir_fd=src)
            except OSError:
                left_out.append(where)          # swapped for a link meanwhile
                continue
            try:
                os.mkdir(name, 0o700, dir_fd=dst)
                dsub = os.open(name, _DIR, dir_fd=dst)
                try:
                    _copy_folder(sub, dsub, where, depth + 1, budget, left_out)
                finally:
                    os.close(dsub)
            finally:
                os.close(sub)
            continue
        if not stat.S_ISREG(st.st_mode) or st.st_nlink > 1:
            left_out.append(where)              # a link, FIFO, socket, device, hard link
            continue
        try:
            fd = os.open(name, _FILE, dir_fd=src)
        except OSError:
            left_out.append(where)
            continue
        try:
            data = _read_regular(fd, where, MAX_BYTES - budget.bytes)
        except Unreadable as e:
            if "too large" in str(e):
                raise Unreadable("the drive folder holds more than %d MB" % (MAX_BYTES >> 20)) from None
            left_out.append(where)
            continue
        finally:
            os.close(fd)
        budget.bytes += len(data)
        _write_new(name, data, dst)


# ----------------------------------------------------------------- grading

def _failed(lab: Lab, state_file: str, tasks, reason: str) -> dict:
    """Every check of ``tasks`` failed for ``reason`` (the submission could not be read)."""
    from .checks import describe
    detail = "the submission could not be graded: %s" % reason
    return {"lab": lab.id, "title": lab.title, "state": os.path.abspath(state_file),
            "passed": False,
            "tasks": [{"id": t.id, "title": t.title, "passed": False,
                       "checks": [{"passed": False, "description": describe(c), "detail": detail}
                                  for c in t.checks]} for t in tasks]}


def limit_process_data(limits: Optional[dict] = None) -> None:
    """``exshell lab check`` runs in a process of its own: its data may not grow past
    three times the budget's memory limit (at least 768 MB), as a class server's
    sessions (serve/worker.py), so one allocation the budget cannot foresee (a .NET
    method that builds gigabytes) fails as OutOfMemoryException instead of taking the
    machine.  Never call it in a process that does anything else."""
    from ..engine.budget import UNTRUSTED
    memory = (limits or {}).get("max_memory_mb") or UNTRUSTED["max_memory_mb"]
    try:
        import resource
        size = max(768, int(memory) * 3) * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        if hard != resource.RLIM_INFINITY:
            size = min(size, hard)
        if soft == resource.RLIM_INFINITY or soft > size:
            resource.setrlimit(resource.RLIMIT_DATA, (size, hard))
    except (ImportError, ValueError, OSError, AttributeError):
        pass


def check_state(lab: Lab, state_file: str, *, drive_root: Optional[str] = None,
                task: Optional[str] = None, limits: Optional[dict] = None,
                start=None) -> dict:
    """Grade a submission (a world file and its drive folder, by default the ``drive``
    folder beside it): the JSON-ready result.  ``limits`` override the grader's budget
    (``Budget.untrusted`` keywords: max_seconds, max_steps, max_items, max_memory_mb).
    ``start`` is the StartSnapshot of a start of the learner's own (a class server's
    learners have their own keys and serials); default: the lab's own start."""
    from ..engine.budget import Budget
    from ..exchange.errors import WorldFileError
    from .runner import check_lab, check_task, copy_shell, start_snapshot
    if task is not None and lab.task(task) is None:
        raise GradingError("exshell lab check: lab '%s' has no task '%s'" % (lab.id, task))
    tasks = [lab.task(task)] if task is not None else list(lab.tasks)
    if not os.path.lexists(state_file):
        raise GradingError("exshell lab check: no state file '%s'" % state_file)
    if drive_root is None:
        drive_root = os.path.join(os.path.dirname(os.path.abspath(state_file)), "drive")
    tmp = tempfile.mkdtemp(prefix="exshell-lab-check-")
    try:
        try:
            world = _copy_world_file(state_file, tmp)
            _copy_drive(drive_root, os.path.join(tmp, "drive"))
        except Unreadable as e:
            return _failed(lab, state_file, tasks, str(e))
        except OSError as e:
            return _failed(lab, state_file, tasks, "it cannot be copied (%s)" % (e.strerror or "error"))
        try:
            shell = copy_shell(lab, world, drive_root=os.path.join(tmp, "drive"))
        except WorldFileError as e:
            return _failed(lab, state_file, tasks, "the world file is not usable (%s)"
                           % _without(str(e), tmp, state_file))
        except Exception:   # a forged file may break the reader in ways nobody foresaw
            return _failed(lab, state_file, tasks, "the world file is damaged or was not made "
                                                   "by exshell")
        shell.budget = Budget.untrusted(**(limits or {}))
        try:
            if start is None:
                start = start_snapshot(lab)
            if task is not None:
                results = [check_task(tasks[0], shell, start)]
            else:
                results = check_lab(lab, shell, start)
        finally:
            shell.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"lab": lab.id, "title": lab.title, "state": os.path.abspath(state_file),
            "passed": all(r.passed for r in results),
            "tasks": [r.as_dict() for r in results]}


def _without(text: str, private: str, shown: str) -> str:
    """A message about the private copy, naming the submitted file instead."""
    return text.replace(os.path.join(private, "world.db"), shown).replace(private, "")
