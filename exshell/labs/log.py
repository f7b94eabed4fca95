"""A lab's command log: what the learner ran, the answers they gave at prompts, the
errors it wrote, when, how long it took and how it ended.

One :class:`CommandRecorder` per lab session watches its shell (``attach`` in
:mod:`exshell.labs.cmdlets` wires it): the shell tells it when a run starts (its
text) and ends (its RunResult), and the context tells it every answer given to a
question while it runs (a choice, ``Read-Host``, a mandatory parameter).  Each
finished run becomes a :class:`LoggedCommand`, handed to the progress
(:meth:`Progress.log`), which keeps it -- in ``progress.json`` for a lab on the
learner's own machine, in the class database on a class server.  The reports show it.

Answers typed at a secure prompt (``Read-Host -AsSecureString``, a password) are
kept as asterisks.  Only the standard library is used.
"""
from __future__ import annotations

import datetime as _dt
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional

__all__ = ["LoggedCommand", "CommandRecorder", "MAX_TEXT", "MAX_ANSWERS", "MAX_ERRORS"]

#: What one entry keeps at most (a pasted 1 MB script is logged, but not all of it).
MAX_TEXT = 20_000
MAX_ANSWERS = 50
MAX_ERRORS = 20
MAX_MESSAGE = 2_000


def _now_text() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None).isoformat(
        timespec="milliseconds") + "Z"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + " [...]"


@dataclass
class LoggedCommand:
    """One entry of the log (``status``: Completed, Failed -- a terminating error or a
    parse error stopped it -- or Stopped, by Ctrl-C or the budget)."""

    text: str
    at: str = ""                      # when it started (UTC, ISO 8601 with a Z)
    seconds: float = 0.0              # how long it ran (wall clock)
    answers: List[str] = field(default_factory=list)
    errors: List[Dict[str, str]] = field(default_factory=list)   # {"id", "message"}
    status: str = "Completed"

    def as_dict(self) -> Dict[str, Any]:
        return {"at": self.at, "text": self.text, "seconds": round(self.seconds, 3),
                "answers": list(self.answers), "errors": [dict(e) for e in self.errors],
                "status": self.status}

    @classmethod
    def from_value(cls, value: Any) -> "LoggedCommand":
        """An entry as saved: a dict, or a plain string (what earlier exshells kept)."""
        if isinstance(value, str):
            return cls(value)
        if not isinstance(value, dict):
            return cls(str(value))
        errors = []
        for e in value.get("errors") or []:
            if isinstance(e, dict):
                errors.append({"id": str(e.get("id", "")), "message": str(e.get("message", ""))})
        try:
            seconds = float(value.get("seconds") or 0.0)
        except (TypeError, ValueError):
            seconds = 0.0
        if seconds != seconds or seconds < 0 or seconds == float("inf"):
            seconds = 0.0
        return cls(str(value.get("text", "")), str(value.get("at") or ""), seconds,
                   [str(a) for a in value.get("answers") or [] if a is not None],
                   errors, str(value.get("status") or "Completed"))

    @property
    def failed(self) -> bool:
        return bool(self.errors) or self.status != "Completed"


class CommandRecorder:
    """Turns a shell's runs into :class:`LoggedCommand` entries for ``on_entry``.

    Wire it as an input listener (:meth:`started`), a result listener
    (:meth:`finished`) and a command observer (:meth:`answer_given` and the no-op
    observer methods).  A run inside a run (a nested ``Shell.run``) belongs to the
    outer one."""

    def __init__(self, on_entry: Callable[[LoggedCommand], None],
                 clock: Callable[[], float] = time.monotonic,
                 stamp: Callable[[], str] = _now_text):
        self.on_entry = on_entry
        self._clock = clock
        self._stamp = stamp
        self._open: List[tuple] = []        # (entry, started) of the runs under way

    # -- the shell's listeners ------------------------------------------------------
    def started(self, text: str) -> None:
        self._open.append((LoggedCommand(_cut(text, MAX_TEXT), self._stamp()), self._clock()))

    def finished(self, text: str, result: Any) -> None:
        if not self._open:
            return
        entry, began = self._open.pop()
        if self._open:                       # a nested run: its answers belong to the outer
            self._open[-1][0].answers.extend(entry.answers[: MAX_ANSWERS])
            return
        entry.seconds = max(0.0, self._clock() - began)
        for record in list(getattr(result, "errors", None) or [])[:MAX_ERRORS]:
            entry.errors.append({"id": _error_id(record),
                                 "message": _cut(str(getattr(record, "message", record)),
                                                 MAX_MESSAGE)})
        if getattr(result, "stopped", False):
            entry.status = "Stopped"
        elif getattr(result, "failed", False):
            entry.status = "Failed"
        if any(e["id"].startswith("ScriptBudgetExceeded") for e in entry.errors):
            entry.status = "Stopped"
        if not entry.text.strip():
            return
        self.on_entry(entry)

    # -- a command observer (the context's) -------------------------------------------
    def answer_given(self, answer: str, secure: bool) -> None:
        if not self._open:
            return
        answers = self._open[-1][0].answers
        if len(answers) < MAX_ANSWERS:
            answers.append("*" * len(answer) if secure else _cut(answer, MAX_MESSAGE))

    def command_started(self, name: str) -> Optional[Any]:
        return None

    def command_completed(self, name: str) -> Optional[Any]:
        return None

    def command_failed(self, name: str, error: BaseException) -> Optional[Any]:
        return None

    def command_output(self, name: str) -> None:
        pass

    def waiting_for_input(self) -> None:
        pass


def _error_id(record: Any) -> str:
    try:
        return str(record.FullyQualifiedErrorId)
    except Exception:   # an odd record must not lose the entry
        return str(getattr(record, "error_id", ""))
