"""Tab as PowerShell's consoles do it: the word at the cursor is replaced in place by
the first candidate, the next Tab by the next one (Shift-Tab goes back), round and
round.  No menu: that is the classic console's TabExpansion and PSReadLine's
``TabCompleteNext``/``TabCompletePrevious``.

:class:`TabCycle` keeps the candidates between presses.  A press continues the cycle
when the line is exactly as the previous press left it; any other edit starts a new
one.  The candidates come from :func:`exshell.repl.completion.complete` (the same
source the PSReadLine menu uses).  Plain Python: tested on strings.
"""
from __future__ import annotations

from typing import Any, Callable, Optional, Sequence, Tuple

__all__ = ["TabCycle"]

#: A completion source: (text left of the cursor) -> candidates with .text and .replace.
Source = Callable[[str], Sequence[Any]]


class TabCycle:
    def __init__(self, source: Source) -> None:
        self._source = source
        self._candidates: Sequence[Any] = []
        self._index = -1
        self._before = ""      # text left of the cursor when the cycle started
        self._tail = ""        # text after the cursor
        self._left: Optional[Tuple[str, int]] = None   # (text, cursor) the last press left

    def reset(self) -> None:
        self._left = None

    def press(self, text: str, cursor: int, backward: bool = False) -> Optional[Tuple[str, int]]:
        """One Tab (``backward``: Shift-Tab) on ``text`` with the cursor at ``cursor``:
        the new (text, cursor), or None when there is nothing to complete."""
        if self._left != (text, cursor):
            before = text[:cursor]
            try:
                # A sequence read on demand (ten thousand thumbprints are not copied:
                # each press reads one).
                found = self._source(before)
            except Exception:  # completion must never break the line
                found = []
            if not found:
                self._left = None
                return None
            self._candidates = found
            self._index = len(found) if backward else -1
            self._before = before
            self._tail = text[cursor:]
        step = -1 if backward else 1
        self._index = (self._index + step) % len(self._candidates)
        chosen = self._candidates[self._index]
        head = self._before[:max(0, len(self._before) - chosen.replace)]
        new_text = head + chosen.text + self._tail
        new_cursor = len(head) + len(chosen.text)
        self._left = (new_text, new_cursor)
        return self._left
