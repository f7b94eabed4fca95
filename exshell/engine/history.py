"""The session's command history: what ``Get-History`` lists and ``Invoke-History`` runs.

PowerShell keeps one list per session of the lines the user entered at the prompt,
each a ``HistoryInfo`` with an Id (counting from 1 for the whole session, never
reused), the command line, whether it completed, failed or was stopped, and when it
started and ended.  A line is added after it ran, so ``Get-History`` does not see
itself.  The list keeps ``$MaximumHistoryCount`` entries (64 on PowerShell 2.0, 4096
on 5.1), dropping the oldest.  ``Invoke-History`` records the line it ran in place of
its own (``r`` never shows up in the history).

This is PowerShell's list, apart from the console's own (the classic console's F7
list, PSReadLine's history file).  :func:`session_history` finds it in an execution
context, registering an empty one the first time.

Depends on nothing else in exshell.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Iterable, List, Optional

__all__ = ["HistoryInfo", "History", "session_history", "STATUSES"]

#: HistoryInfo.ExecutionStatus values (System.Management.Automation.Runspaces.PipelineState).
STATUSES = ("Completed", "Failed", "Stopped")


class HistoryInfo:
    """Microsoft.PowerShell.Commands.HistoryInfo."""

    PS_TYPE_NAMES = ("Microsoft.PowerShell.Commands.HistoryInfo", "System.Object")
    PS_PROPERTIES = ("Id", "CommandLine", "ExecutionStatus", "StartExecutionTime",
                     "EndExecutionTime")

    def __init__(self, id: int, command_line: str, status: str = "Completed",
                 start: Optional[_dt.datetime] = None, end: Optional[_dt.datetime] = None):
        self.Id = id
        self.CommandLine = command_line
        self.ExecutionStatus = status
        self.StartExecutionTime = start
        self.EndExecutionTime = end

    def __str__(self) -> str:  # HistoryInfo.ToString(): the command line
        return self.CommandLine

    def __repr__(self) -> str:
        return "<HistoryInfo %d %r>" % (self.Id, self.CommandLine)


class History:
    def __init__(self, maximum: int = 4096) -> None:
        self.entries: List[HistoryInfo] = []
        self.next_id = 1
        self.maximum = maximum
        #: Set by Invoke-History: the line it ran, recorded instead of the line typed.
        self.substitute: Optional[str] = None
        #: The line running now (see :meth:`begin`): [line, start, entry or None].
        self._current: Optional[list] = None
        #: Ids of entries Invoke-History is running (it refuses to run one again inside).
        self.invoking: set = set()

    # -- the line running now -----------------------------------------------------
    def begin(self, command_line: str, start: Optional[_dt.datetime]) -> None:
        """An entered line starts to run; it is recorded by :meth:`end`."""
        self._current = [command_line, start, None]

    def flush_current(self) -> None:
        """Record the running line now (Add-History's entries must come after it)."""
        current = self._current
        if current is not None and current[2] is None:
            current[2] = self.add(current[0], "Running", current[1], None) or False

    def end(self, status: str, end: Optional[_dt.datetime], maximum: Optional[int] = None) -> None:
        """The running line finished with ``status``: add it (or complete its entry)."""
        current, self._current = self._current, None
        if current is None:
            return
        if current[2] is None:
            self.add(current[0], status, current[1], end, maximum)
        elif current[2]:
            current[2].ExecutionStatus = status
            current[2].EndExecutionTime = end

    def add(self, command_line: str, status: str = "Completed",
            start: Optional[_dt.datetime] = None, end: Optional[_dt.datetime] = None,
            maximum: Optional[int] = None) -> Optional[HistoryInfo]:
        """Record an entered line (or what Invoke-History ran instead); the new entry."""
        if self.substitute is not None:
            command_line, self.substitute = self.substitute, None
        if not command_line.strip():
            return None
        entry = HistoryInfo(self.next_id, command_line, status, start, end)
        self.next_id += 1
        self.entries.append(entry)
        self.trim(maximum)
        return entry

    def append(self, entry: HistoryInfo, maximum: Optional[int] = None) -> HistoryInfo:
        """Add-History: a copy of ``entry`` under the next Id."""
        copy = HistoryInfo(self.next_id, entry.CommandLine, entry.ExecutionStatus,
                           entry.StartExecutionTime, entry.EndExecutionTime)
        self.next_id += 1
        self.entries.append(copy)
        self.trim(maximum)
        return copy

    def trim(self, maximum: Optional[int] = None) -> None:
        if maximum is not None:
            self.maximum = maximum
        keep = max(int(self.maximum), 0)
        if len(self.entries) > keep:
            del self.entries[:len(self.entries) - keep]

    def by_id(self, ident: int) -> Optional[HistoryInfo]:
        for entry in self.entries:
            if entry.Id == ident:
                return entry
        return None

    def last(self, count: Optional[int] = None) -> List[HistoryInfo]:
        if count is None:
            return list(self.entries)
        return self.entries[-count:] if count > 0 else []

    def newest_starting(self, text: str) -> Optional[HistoryInfo]:
        """Invoke-History with text: the newest entry whose command line starts with it."""
        folded = text.casefold()
        for entry in reversed(self.entries):
            if entry.CommandLine.casefold().startswith(folded):
                return entry
        return None

    def containing(self, text: str) -> List[HistoryInfo]:
        """``#text<Tab>``: entries whose command line contains ``text``, newest first."""
        folded = text.casefold()
        return [e for e in reversed(self.entries) if folded in e.CommandLine.casefold()]

    def remove(self, entries: Iterable[HistoryInfo]) -> None:
        gone = {id(e) for e in entries}
        self.entries = [e for e in self.entries if id(e) not in gone]


def session_history(context: Any) -> History:
    """The context's History (one is registered the first time it is asked for)."""
    found = context.find(History)
    if found is None:
        found = context.register(History(context.dialect.maximum_history_count))
    return found
