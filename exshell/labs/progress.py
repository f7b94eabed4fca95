"""A learner's progress in one lab, saved so the lab can be resumed.

Each lab has a folder under the labs directory (``$EXSHELL_LABS_DIR``, else
``$XDG_DATA_HOME/exshell/labs``, else ``~/.local/share/exshell/labs``)::

    <labs dir>/<lab id>/world.db        the learner's world (a world database, exshell -State)
    <labs dir>/<lab id>/drive/          the emulated C:\\ drive
    <labs dir>/<lab id>/progress.json   this module: tasks passed, hints, attempts, time

Time spent is wall-clock time of the lab sessions (not the emulated clock).
``commands`` is the command log (:mod:`exshell.labs.log`): one dict per command run,
with its answers, errors, start time and duration.

A class server keeps progress in its class database instead of a file: it gives the
Progress a ``store`` (an object with ``save(progress)`` and ``log(progress, entry)``),
and :meth:`Progress.save` and :meth:`Progress.log` go there.
Imports only the standard library (and the command log's entry type).
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import time
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from .log import LoggedCommand

__all__ = ["labs_dir", "lab_folder", "Progress", "PROGRESS_FILE", "STATE_FILE", "DRIVE_FOLDER",
           "LEGACY_STATE_FILE"]

PROGRESS_FILE = "progress.json"
STATE_FILE = "world.db"
#: Where an earlier exshell kept the world (JSON); moved to STATE_FILE and migrated.
LEGACY_STATE_FILE = "state.json"
DRIVE_FOLDER = "drive"


def labs_dir(environ: Optional[Dict[str, str]] = None) -> str:
    env = os.environ if environ is None else environ
    if env.get("EXSHELL_LABS_DIR"):
        return env["EXSHELL_LABS_DIR"]
    base = env.get("XDG_DATA_HOME", "")
    if not base or not os.path.isabs(base):
        base = os.path.join(env.get("HOME") or os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "exshell", "labs")


def lab_folder(lab_id: str, root: Optional[str] = None) -> str:
    return os.path.join(root or labs_dir(), lab_id)


def _now_text() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


@dataclass
class Progress:
    lab_id: str
    path: Optional[str] = None
    learner: str = ""
    started: str = ""
    updated: str = ""
    hints_used: Dict[str, int] = field(default_factory=dict)
    attempts: Dict[str, int] = field(default_factory=dict)
    passed: Dict[str, str] = field(default_factory=dict)      # task id -> when (UTC)
    solutions_shown: List[str] = field(default_factory=list)
    resets: int = 0
    seconds: float = 0.0
    #: The command log, in order: one dict per REPL entry or script run
    #: (``LoggedCommand.as_dict``: at, text, seconds, answers, errors, status).
    commands: List[Dict[str, Any]] = field(default_factory=list)
    #: Where a class server keeps it (None: the JSON file at ``path``).
    store: Any = field(default=None, repr=False, compare=False)
    _since: Optional[float] = field(default=None, repr=False, compare=False)

    # -- persistence ---------------------------------------------------------------
    @classmethod
    def load(cls, lab_id: str, path: str) -> "Progress":
        """The saved progress, or a new one (a damaged file starts over, not a crash)."""
        data = None
        try:
            with open(path, "r", encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError, RecursionError):
            pass
        p = cls.from_dict(lab_id, data if isinstance(data, dict) and data.get("lab") == lab_id
                          else {})
        p.path = path
        return p

    @classmethod
    def from_dict(cls, lab_id: str, data: Dict[str, Any]) -> "Progress":
        """Progress from its saved form (``as_dict``); what cannot be read is left out."""
        p = cls(lab_id)
        try:
            p.learner = str(data.get("learner", ""))
            p.started = str(data.get("started", ""))
            p.updated = str(data.get("updated", ""))
            p.hints_used = {str(k): int(v) for k, v in dict(data.get("hints_used", {})).items()}
            p.attempts = {str(k): int(v) for k, v in dict(data.get("attempts", {})).items()}
            p.passed = {str(k): str(v) for k, v in dict(data.get("passed", {})).items()}
            p.solutions_shown = [str(x) for x in data.get("solutions_shown", [])]
            p.resets = int(data.get("resets", 0))
            p.seconds = float(data.get("seconds", 0.0))
            p.commands = [LoggedCommand.from_value(x).as_dict() for x in data.get("commands", [])]
        except (ValueError, TypeError, AttributeError, OverflowError):
            pass
        if not (p.seconds >= 0 and p.seconds < float("inf")):
            p.seconds = 0.0
        if not p.started:
            p.started = _now_text()
        return p

    def as_dict(self) -> Dict[str, Any]:
        return {"lab": self.lab_id, "learner": self.learner, "started": self.started,
                "updated": self.updated, "hints_used": self.hints_used, "attempts": self.attempts,
                "passed": self.passed, "solutions_shown": self.solutions_shown,
                "resets": self.resets, "seconds": round(self.seconds, 1),
                "commands": self.commands}

    def save(self) -> None:
        if self.store is not None:
            self.tick()
            self.updated = _now_text()
            self.store.save(self)
            return
        if self.path is None:
            return
        self.tick()
        self.updated = _now_text()
        os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
        tmp = self.path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(self.as_dict(), fh, indent=2)
            fh.write("\n")
        os.replace(tmp, self.path)

    # -- time -------------------------------------------------------------------------
    def resume_clock(self) -> None:
        self._since = time.monotonic()

    def tick(self) -> None:
        if self._since is not None:
            now = time.monotonic()
            self.seconds += now - self._since
            self._since = now

    # -- events -------------------------------------------------------------------------
    def log(self, entry: "LoggedCommand") -> None:
        """A command ran: keep its log entry (a class server's store saves it at once;
        a progress file gets it with the next save)."""
        data = entry.as_dict()
        self.commands.append(data)
        if self.store is not None:
            self.tick()
            self.updated = _now_text()
            self.store.log(self, data)

    def command_texts(self) -> List[str]:
        """What was run, in order (the text of each log entry)."""
        return [str(c.get("text", "")) for c in self.commands]

    def hint_taken(self, task_id: str) -> int:
        self.hints_used[task_id] = self.hints_used.get(task_id, 0) + 1
        return self.hints_used[task_id]

    def attempt(self, task_id: str, passed: bool) -> None:
        self.attempts[task_id] = self.attempts.get(task_id, 0) + 1
        if passed and task_id not in self.passed:
            self.passed[task_id] = _now_text()
