"""``#<id><Tab>`` and ``#text<Tab>``: completing a line from the session history.

As PowerShell's tab expansion does, a line that is only ``#`` followed by a number
completes to that history entry's command line (``Get-History -Id``), and ``#``
followed by other text to the entries that contain it, newest first (Tab cycles
through them).  :func:`history_candidates` returns None for any other line, so the
ordinary completion applies.
"""
from __future__ import annotations

from typing import Any, List, Optional

from ..structs import LazyPattern
from ..engine.history import session_history
from .completion import Candidate

__all__ = ["history_candidates"]

_HASH = LazyPattern(r"^\s*#(\S*)$")


def history_candidates(shell: Any, before: str) -> Optional[List[Candidate]]:
    match = _HASH.match(before)
    if match is None:
        return None
    wanted = match.group(1)
    history = session_history(shell.context)
    if wanted.isdigit():
        entry = history.by_id(int(wanted))
        lines = [entry.CommandLine] if entry is not None else []
    else:
        lines = []
        for entry in history.containing(wanted):
            if entry.CommandLine not in lines:
                lines.append(entry.CommandLine)
    return [Candidate(line, len(before), line, "History") for line in lines]
