"""The class database of ``exshell serve``: progress, results, command logs, time
limits and events of every learner, in one SQLite file (``<data>/class.db``).

The learners' worlds are world files of their own (``<data>/learners/<slug>/<lab>/
world.db``, the world store); this file holds the rest.  The server process and each
learner's session process open it (WAL mode: readers never wait for a writer), and
each session writes only its own learner's rows of its own lab.

Tables (``PRAGMA user_version`` = :data:`SCHEMA`):

* ``meta``      key/value: the class secret (seeds each learner's serials), when the
                exam was ended;
* ``learners``  per learner: when their time started, extra time given, when their
                work was closed (time up, exam ended: results frozen) and why;
* ``progress``  per learner and lab: the lab progress (hints, attempts, tasks passed,
                solutions shown, resets, time) as JSON, and the learner's start
                (which certificates were there: the grader's "old ones");
* ``results``   per learner, lab and task: the latest check (Test-LabTask or a
                grading by the server), its checks, when and why;
* ``commands``  the command log (text, answers, errors, start, duration, status);
* ``events``    connections, time warnings, the trainer's actions.

Only the standard library is used.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import secrets
import sqlite3
import time
from typing import Any, Dict, Iterable, List, Optional, Tuple

__all__ = ["ClassDB", "ClassDBError", "ProgressStore", "SCHEMA", "utc_now"]

SCHEMA = 1

_TABLES = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS learners(
    name TEXT PRIMARY KEY,
    clock_started REAL,
    extra_seconds REAL NOT NULL DEFAULT 0,
    closed_at TEXT,
    closed_why TEXT,
    last_seen TEXT);
CREATE TABLE IF NOT EXISTS progress(
    learner TEXT NOT NULL,
    lab TEXT NOT NULL,
    data TEXT NOT NULL,
    start TEXT,
    updated TEXT,
    seconds REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (learner, lab));
CREATE TABLE IF NOT EXISTS results(
    learner TEXT NOT NULL,
    lab TEXT NOT NULL,
    task TEXT NOT NULL,
    passes INTEGER NOT NULL,
    checks TEXT NOT NULL,
    at TEXT NOT NULL,
    how TEXT NOT NULL,
    PRIMARY KEY (learner, lab, task));
CREATE TABLE IF NOT EXISTS commands(
    id INTEGER PRIMARY KEY,
    learner TEXT NOT NULL,
    lab TEXT NOT NULL,
    at TEXT NOT NULL,
    seconds REAL NOT NULL,
    text TEXT NOT NULL,
    answers TEXT NOT NULL,
    errors TEXT NOT NULL,
    status TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS commands_of ON commands(learner, lab, id);
CREATE TABLE IF NOT EXISTS events(
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    learner TEXT,
    lab TEXT,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '');
"""


class ClassDBError(Exception):
    """The class database cannot be opened or written (the message says why)."""


def utc_now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None).isoformat(
        timespec="seconds") + "Z"


def _loads(text: Any, default: Any) -> Any:
    try:
        value = json.loads(text) if isinstance(text, str) else default
    except ValueError:
        return default
    return value if isinstance(value, type(default)) else default


class ClassDB:
    """One connection to the class database (one per process and thread)."""

    def __init__(self, path: str):
        self.path = path
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
            os.close(fd)
            self.conn = sqlite3.connect(path, timeout=15.0, isolation_level=None,
                                        check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA busy_timeout=15000")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA:
                raise ClassDBError("%s was written by a newer exshell (class database version "
                                   "%d)" % (path, version))
            if version < SCHEMA:
                with self.write():
                    for statement in _TABLES.split(";"):
                        if statement.strip():
                            self.conn.execute(statement)
                    self.conn.execute("PRAGMA user_version=%d" % SCHEMA)
        except sqlite3.DatabaseError as e:
            raise ClassDBError("%s is not a usable class database (%s)" % (path, e)) from None
        except OSError as e:
            raise ClassDBError("cannot open %s (%s)" % (path, e.strerror or e)) from None

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    # -- transactions ---------------------------------------------------------------
    class _Write:
        def __init__(self, conn: sqlite3.Connection):
            self.conn = conn

        def __enter__(self):
            self.conn.execute("BEGIN IMMEDIATE")
            return self.conn

        def __exit__(self, kind, value, tb):
            if kind is None:
                self.conn.execute("COMMIT")
            else:
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            return False

    def write(self) -> "ClassDB._Write":
        return ClassDB._Write(self.conn)

    def data_version(self) -> int:
        """Changes when another connection committed (cheap: the dashboard polls it)."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    # -- meta -----------------------------------------------------------------------
    def meta(self, key: str) -> Optional[str]:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: Optional[str]) -> None:
        with self.write() as c:
            if value is None:
                c.execute("DELETE FROM meta WHERE key=?", (key,))
            else:
                c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def secret(self) -> str:
        """The class's own secret (made once): it seeds the learners' serial numbers,
        so nobody can work out a neighbour's thumbprints from their name."""
        with self.write() as c:
            row = c.execute("SELECT value FROM meta WHERE key='secret'").fetchone()
            if row:
                return row[0]
            value = secrets.token_hex(32)
            c.execute("INSERT INTO meta(key, value) VALUES ('secret', ?)", (value,))
            return value

    # -- learners: time limits and closing ---------------------------------------------
    def learner_state(self, name: str) -> Dict[str, Any]:
        row = self.conn.execute("SELECT clock_started, extra_seconds, closed_at, closed_why, "
                                "last_seen FROM learners WHERE name=?", (name,)).fetchone()
        if row is None:
            return {"clock_started": None, "extra_seconds": 0.0, "closed_at": None,
                    "closed_why": None, "last_seen": None}
        return {"clock_started": row[0], "extra_seconds": float(row[1] or 0.0),
                "closed_at": row[2], "closed_why": row[3], "last_seen": row[4]}

    def learner_states(self) -> Dict[str, Dict[str, Any]]:
        out = {}
        for row in self.conn.execute("SELECT name, clock_started, extra_seconds, closed_at, "
                                     "closed_why, last_seen FROM learners"):
            out[row[0]] = {"clock_started": row[1], "extra_seconds": float(row[2] or 0.0),
                           "closed_at": row[3], "closed_why": row[4], "last_seen": row[5]}
        return out

    def _ensure_learner(self, c: sqlite3.Connection, name: str) -> None:
        c.execute("INSERT OR IGNORE INTO learners(name) VALUES (?)", (name,))

    def seen(self, name: str) -> None:
        with self.write() as c:
            self._ensure_learner(c, name)
            c.execute("UPDATE learners SET last_seen=? WHERE name=?", (utc_now(), name))

    def start_clock(self, name: str, now: Optional[float] = None) -> float:
        """The learner's time starts (their first lab); when it started."""
        with self.write() as c:
            self._ensure_learner(c, name)
            row = c.execute("SELECT clock_started FROM learners WHERE name=?", (name,)).fetchone()
            if row[0] is not None:
                return float(row[0])
            started = time.time() if now is None else now
            c.execute("UPDATE learners SET clock_started=? WHERE name=?", (started, name))
            return started

    def add_time(self, name: str, seconds: float) -> None:
        """More time for a learner (and their work reopened if only time had closed it)."""
        with self.write() as c:
            self._ensure_learner(c, name)
            c.execute("UPDATE learners SET extra_seconds=extra_seconds+? WHERE name=?",
                      (float(seconds), name))
            c.execute("UPDATE learners SET closed_at=NULL, closed_why=NULL "
                      "WHERE name=? AND closed_why='time'", (name,))

    def close_learner(self, name: str, why: str) -> bool:
        """Close a learner's work (results frozen); False when it already was."""
        with self.write() as c:
            self._ensure_learner(c, name)
            row = c.execute("SELECT closed_at FROM learners WHERE name=?", (name,)).fetchone()
            if row[0] is not None:
                return False
            c.execute("UPDATE learners SET closed_at=?, closed_why=? WHERE name=?",
                      (utc_now(), why, name))
            return True

    # -- progress -------------------------------------------------------------------
    def progress(self, learner: str, lab: str) -> Optional[Dict[str, Any]]:
        row = self.conn.execute("SELECT data FROM progress WHERE learner=? AND lab=?",
                                (learner, lab)).fetchone()
        return _loads(row[0], {}) if row else None

    def save_progress(self, learner: str, lab: str, data: Dict[str, Any],
                      c: Optional[sqlite3.Connection] = None) -> None:
        data = {k: v for k, v in data.items() if k != "commands"}
        values = (json.dumps(data), data.get("updated") or utc_now(),
                  float(data.get("seconds") or 0.0), learner, lab)
        if c is not None:
            self._save_progress(c, values)
            return
        with self.write() as c:
            self._save_progress(c, values)

    @staticmethod
    def _save_progress(c: sqlite3.Connection, values: tuple) -> None:
        c.execute("INSERT OR IGNORE INTO progress(learner, lab, data) VALUES (?, ?, '{}')",
                  values[3:])
        c.execute("UPDATE progress SET data=?, updated=?, seconds=? WHERE learner=? AND lab=?",
                  values)

    def start_of(self, learner: str, lab: str) -> Optional[Dict[str, Any]]:
        row = self.conn.execute("SELECT start FROM progress WHERE learner=? AND lab=?",
                                (learner, lab)).fetchone()
        if row is None or row[0] is None:
            return None
        return _loads(row[0], {})

    def set_start(self, learner: str, lab: str, start: Dict[str, Any]) -> None:
        with self.write() as c:
            c.execute("INSERT OR IGNORE INTO progress(learner, lab, data) VALUES (?, ?, '{}')",
                      (learner, lab))
            c.execute("UPDATE progress SET start=? WHERE learner=? AND lab=?",
                      (json.dumps(start), learner, lab))

    # -- results --------------------------------------------------------------------
    def set_results(self, learner: str, lab: str, tasks: Iterable[Dict[str, Any]],
                    how: str) -> None:
        """The latest check of each task (``TaskResult.as_dict()`` shapes)."""
        now = utc_now()
        with self.write() as c:
            for t in tasks:
                c.execute("INSERT OR REPLACE INTO results(learner, lab, task, passes, checks, at, "
                          "how) VALUES (?, ?, ?, ?, ?, ?, ?)",
                          (learner, lab, str(t["id"]), 1 if t.get("passed") else 0,
                           json.dumps(t.get("checks") or []), now, how))

    def results(self, learner: Optional[str] = None) -> Dict[Tuple[str, str, str], Dict[str, Any]]:
        query = "SELECT learner, lab, task, passes, checks, at, how FROM results"
        rows = self.conn.execute(query + (" WHERE learner=?" if learner else ""),
                                 (learner,) if learner else ())
        return {(r[0], r[1], r[2]): {"passes": bool(r[3]), "checks": _loads(r[4], []),
                                     "at": r[5], "how": r[6]} for r in rows}

    # -- the command log --------------------------------------------------------------
    def log_command(self, learner: str, lab: str, entry: Dict[str, Any],
                    progress: Optional[Dict[str, Any]] = None) -> None:
        with self.write() as c:
            c.execute("INSERT INTO commands(learner, lab, at, seconds, text, answers, errors, "
                      "status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      (learner, lab, str(entry.get("at") or utc_now()),
                       float(entry.get("seconds") or 0.0), str(entry.get("text", "")),
                       json.dumps(entry.get("answers") or []), json.dumps(entry.get("errors") or []),
                       str(entry.get("status") or "Completed")))
            if progress is not None:
                self.save_progress(learner, lab, progress, c)

    def commands(self, learner: str, lab: Optional[str] = None, limit: int = 2000
                 ) -> List[Dict[str, Any]]:
        """The newest ``limit`` commands, oldest first."""
        query = ("SELECT id, lab, at, seconds, text, answers, errors, status FROM commands "
                 "WHERE learner=?" + (" AND lab=?" if lab else "") + " ORDER BY id DESC LIMIT ?")
        args: tuple = (learner, lab, limit) if lab else (learner, limit)
        rows = list(self.conn.execute(query, args))
        rows.reverse()
        return [{"id": r[0], "lab": r[1], "at": r[2], "seconds": r[3], "text": r[4],
                 "answers": _loads(r[5], []), "errors": _loads(r[6], []), "status": r[7]}
                for r in rows]

    def command_counts(self) -> Dict[Tuple[str, str], Dict[str, Any]]:
        """Per learner and lab: commands run, how many wrote errors, the last one's time."""
        out = {}
        for r in self.conn.execute("SELECT learner, lab, COUNT(*), SUM(errors != '[]'), MAX(at) "
                                   "FROM commands GROUP BY learner, lab"):
            out[(r[0], r[1])] = {"commands": r[2], "errors": int(r[3] or 0), "last": r[4]}
        return out

    # -- everything of a learner's lab --------------------------------------------------
    def all_progress(self) -> Dict[Tuple[str, str], Dict[str, Any]]:
        out = {}
        for r in self.conn.execute("SELECT learner, lab, data, updated, seconds FROM progress"):
            data = _loads(r[2], {})
            data["updated"] = r[3] or data.get("updated")
            data["seconds"] = float(r[4] or 0.0)
            out[(r[0], r[1])] = data
        return out

    def reset_lab(self, learner: str, lab: str) -> None:
        """The trainer started a learner's lab over: tasks passed and results go; hints,
        attempts, time, the log and the start stay (as Reset-Lab keeps them)."""
        with self.write() as c:
            row = c.execute("SELECT data FROM progress WHERE learner=? AND lab=?",
                            (learner, lab)).fetchone()
            if row is not None:
                data = _loads(row[0], {})
                data["passed"] = {}
                data["resets"] = int(data.get("resets") or 0) + 1
                c.execute("UPDATE progress SET data=?, updated=? WHERE learner=? AND lab=?",
                          (json.dumps(data), utc_now(), learner, lab))
            c.execute("DELETE FROM results WHERE learner=? AND lab=?", (learner, lab))

    # -- events ---------------------------------------------------------------------
    def event(self, kind: str, learner: Optional[str] = None, lab: Optional[str] = None,
              detail: str = "") -> None:
        with self.write() as c:
            c.execute("INSERT INTO events(at, learner, lab, kind, detail) VALUES (?, ?, ?, ?, ?)",
                      (utc_now(), learner, lab, kind, detail[:2000]))

    def events(self, learner: Optional[str] = None, limit: int = 200) -> List[Dict[str, Any]]:
        query = "SELECT at, learner, lab, kind, detail FROM events"
        args: tuple = ()
        if learner is not None:
            query += " WHERE learner=?"
            args = (learner,)
        rows = list(self.conn.execute(query + " ORDER BY id DESC LIMIT ?", args + (limit,)))
        rows.reverse()
        return [{"at": r[0], "learner": r[1], "lab": r[2], "kind": r[3], "detail": r[4]}
                for r in rows]


class ProgressStore:
    """Where a session's :class:`~exshell.labs.progress.Progress` goes on a class
    server: the class database, saved at every event and every command."""

    def __init__(self, db: ClassDB, learner: str, lab: str):
        self.db = db
        self.learner = learner
        self.lab = lab

    def save(self, progress: Any) -> None:
        self.db.save_progress(self.learner, self.lab, progress.as_dict())

    def log(self, progress: Any, entry: Dict[str, Any]) -> None:
        self.db.log_command(self.learner, self.lab, entry, progress.as_dict())
