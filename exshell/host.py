"""Hosts: where the shell's text goes and where answers come from.

* :class:`ConsoleHost` writes to the real stdout/stderr (colours on a terminal) and
  reads answers from the terminal, or, when standard input is not a terminal, one line
  at a time from it (the answer is echoed so a log reads like the session did).
* :class:`RecordingHost` keeps everything in memory, interleaved as a user would see
  it, and answers prompts from a list: what tests and transcripts use.

Both build on :class:`exshell.engine.host.Host`, which owns the prompt layouts.
"""
from __future__ import annotations

import os
import sys
from typing import IO, Iterable, List, Optional, Tuple

from .engine.host import Host, HostUnavailable

__all__ = ["ConsoleHost", "RecordingHost", "ANSI_COLORS"]

#: ConsoleColor names to ANSI SGR codes (foreground; background adds 10).
ANSI_COLORS = {
    "black": 30, "darkblue": 34, "darkgreen": 32, "darkcyan": 36, "darkred": 31,
    "darkmagenta": 35, "darkyellow": 33, "gray": 37, "darkgray": 90, "blue": 94, "green": 92,
    "cyan": 96, "red": 91, "magenta": 95, "yellow": 93, "white": 97,
}


def _terminal_width(stream: IO[str]) -> int:
    try:
        if stream.isatty():
            return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        pass
    try:
        return max(20, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return 120


class ConsoleHost(Host):
    def __init__(self, stdin: Optional[IO[str]] = None, stdout: Optional[IO[str]] = None,
                 stderr: Optional[IO[str]] = None, interactive: bool = True,
                 width: Optional[int] = None):
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.interactive = interactive
        self._fixed_width = width
        self.color = self._isatty(self.stdout) and os.environ.get("NO_COLOR") is None

    @staticmethod
    def _isatty(stream: IO[str]) -> bool:
        try:
            return stream.isatty()
        except (AttributeError, ValueError):
            return False

    @property
    def width(self) -> int:  # type: ignore[override]
        return self._fixed_width or _terminal_width(self.stdout)

    def write(self, text: str, stream: str = "output", fg: Optional[str] = None,
              bg: Optional[str] = None) -> None:
        out = self.stderr if stream == "error" else self.stdout
        if stream == "error":
            self.stdout.flush()
        if (fg or bg) and self._isatty(out) and os.environ.get("NO_COLOR") is None:
            codes = []
            if fg and fg.casefold() in ANSI_COLORS:
                codes.append(str(ANSI_COLORS[fg.casefold()]))
            if bg and bg.casefold() in ANSI_COLORS:
                codes.append(str(ANSI_COLORS[bg.casefold()] + 10))
            if codes:
                body, nl = (text[:-1], "\n") if text.endswith("\n") else (text, "")
                text = "\x1b[%sm%s\x1b[0m%s" % (";".join(codes), body, nl)
        try:
            out.write(text)
            if stream == "error" or not text.endswith("\n"):
                out.flush()
        except (BrokenPipeError, ValueError):
            pass

    def read_line(self, prompt: str = "", secure: bool = False) -> Optional[str]:
        if not self.interactive:
            raise HostUnavailable()
        self.stdout.flush()
        if self._isatty(self.stdin):
            try:
                if secure:
                    import getpass
                    return getpass.getpass(prompt)
                self.stdout.write(prompt)
                self.stdout.flush()
                line = self.stdin.readline()
            except EOFError:
                return None
            if line == "":
                return None
            return line.rstrip("\r\n")
        self.stdout.write(prompt)
        line = self.stdin.readline()
        if line == "":
            self.stdout.write("\n")
            self.stdout.flush()
            return None
        answer = line.rstrip("\r\n")
        # Standard input is not a terminal: show the answer as if it had been typed.
        self.stdout.write(("*" * len(answer) if secure else answer) + "\n")
        self.stdout.flush()
        return answer


class RecordingHost(Host):
    """An in-memory host: ``text`` is what a user would have seen; ``answers`` feed
    prompts in order (running out behaves like end of input)."""

    def __init__(self, answers: Iterable[str] = (), width: int = 120, interactive: bool = True):
        self.answers: List[str] = list(answers)
        self.width = width
        self.interactive = interactive
        self.chunks: List[Tuple[str, str]] = []

    def write(self, text: str, stream: str = "output", fg: Optional[str] = None,
              bg: Optional[str] = None) -> None:
        self.chunks.append((stream, text))

    def read_line(self, prompt: str = "", secure: bool = False) -> Optional[str]:
        if not self.interactive:
            raise HostUnavailable()
        self.chunks.append(("prompt", prompt))
        if not self.answers:
            self.chunks.append(("prompt", "\n"))
            return None
        answer = self.answers.pop(0)
        self.chunks.append(("input", ("*" * len(answer) if secure else answer) + "\n"))
        return answer

    @property
    def text(self) -> str:
        return "".join(t for _, t in self.chunks)

    def stream_text(self, *streams: str) -> str:
        return "".join(t for s, t in self.chunks if s in streams)

    def clear(self) -> None:
        self.chunks.clear()
