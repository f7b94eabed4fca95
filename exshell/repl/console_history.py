"""The classic console's command history: the buffer conhost keeps for a console program.

The classic Windows console (conhost, the window EMS 2007/2010/2013 ran in) keeps its
own list of the lines a program read, apart from PowerShell's ``Get-History``.  Its
keys work on that list: Up/Down and F5 step through it, PgUp/PgDn jump to the oldest
and newest entry, F8 cycles through the entries that start with the text left of the
cursor, F7 shows it as a numbered list, F9 recalls an entry by number, F1/F3 copy from
the last recalled entry.  :class:`ConsoleHistory` models that list and its cursor
(conhost's ``LastDisplayed``) as conhost does:

* at most :data:`BUFFER_SIZE` entries (the console's default "Buffer Size"), the oldest
  dropped first; an empty line is not kept, nor a line equal to the newest entry;
* after a line is added the cursor is *reset*: the first Up recalls the newest entry
  (not the one before it), and so does the first F8;
* Up stops at the oldest entry and Down at the newest (no wrapping); F8 wraps around;
* entries are numbered from 0 (oldest) in the F7 list and for F9.

Plain Python, no prompt_toolkit: tested on its own.
"""
from __future__ import annotations

from typing import List, Optional

__all__ = ["ConsoleHistory", "BUFFER_SIZE"]

#: conhost's default number of commands kept per console program.
BUFFER_SIZE = 50


class ConsoleHistory:
    def __init__(self, size: int = BUFFER_SIZE) -> None:
        self.size = max(1, size)
        self.commands: List[str] = []
        #: The entry last recalled (conhost's LastDisplayed); -1 with an empty list.
        self.last_displayed = -1
        #: True after a line was added or the list emptied: the next recall shows
        #: the current entry instead of moving first.
        self.reset = True

    def __len__(self) -> int:
        return len(self.commands)

    # -- changes ---------------------------------------------------------------------
    def add(self, line: str) -> None:
        """A line was read (Enter).  Multi-line input is kept as one entry."""
        if not line.strip():
            return
        if self.commands and self.commands[-1] == line:
            self.reset = True
            return
        if len(self.commands) >= self.size:
            del self.commands[0]
        self.commands.append(line)
        self.last_displayed = len(self.commands) - 1
        self.reset = True

    def clear(self) -> None:
        """Alt-F7: forget every entry."""
        self.commands = []
        self.last_displayed = -1
        self.reset = True

    def remove(self, index: int) -> None:
        """Delete in the F7 list: the entry goes, the cursor stays on its neighbour."""
        if not 0 <= index < len(self.commands):
            return
        del self.commands[index]
        if self.last_displayed >= len(self.commands):
            self.last_displayed = len(self.commands) - 1

    # -- recall ----------------------------------------------------------------------
    def previous(self) -> Optional[str]:
        """Up / F5: the entry before the last recalled one (the newest at first);
        None at the oldest entry or with no entries (the line is left alone)."""
        if not self.commands:
            return None
        if self.reset:
            self.reset = False
            return self.nth(self.last_displayed)
        if self.last_displayed <= 0:
            return None
        return self.nth(self.last_displayed - 1)

    def next(self) -> Optional[str]:
        """Down: the entry after the last recalled one; None at the newest."""
        if not self.commands or self.last_displayed >= len(self.commands) - 1:
            return None
        self.reset = False
        return self.nth(self.last_displayed + 1)

    def oldest(self) -> Optional[str]:
        """PgUp: the first entry."""
        return self.nth(0) if self.commands else None

    def newest(self) -> Optional[str]:
        """PgDn: the last entry."""
        return self.nth(len(self.commands) - 1) if self.commands else None

    def nth(self, index: int) -> Optional[str]:
        """Recall entry ``index`` (F7, F9): it becomes the last recalled one."""
        if not self.commands:
            return None
        index = min(max(index, 0), len(self.commands) - 1)
        self.last_displayed = index
        return self.commands[index]

    def last_recalled(self) -> str:
        """The entry F1, F2 and F3 copy from ("" with no entries)."""
        if not self.commands or self.last_displayed < 0:
            return ""
        return self.commands[self.last_displayed]

    def matching(self, prefix: str) -> Optional[str]:
        """F8: the next older entry (wrapping round) that starts with ``prefix``, case
        insensitive; every entry matches an empty prefix.  None when nothing matches."""
        if not self.commands:
            return None
        count = len(self.commands)
        index = self.last_displayed
        if self.reset:
            self.reset = False
        else:
            index = (index - 1) % count
        folded = prefix.casefold()
        for _ in range(count):
            if self.commands[index].casefold().startswith(folded):
                self.last_displayed = index
                return self.commands[index]
            index = (index - 1) % count
        return None

    def first_starting_with(self, char: str, after: int) -> Optional[int]:
        """In the F7 list, typing a letter moves to the next older entry starting with
        it (wrapping round); the index, or None."""
        if not self.commands or not char:
            return None
        count = len(self.commands)
        index = after
        folded = char.casefold()
        for _ in range(count):
            index = (index - 1) % count
            if self.commands[index][:1].casefold() == folded:
                return index
        return None
