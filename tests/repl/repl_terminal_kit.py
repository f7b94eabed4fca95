"""A real terminal for the REPL tests: ``python -m exshell`` inside a private tmux server.

tmux is a full terminal emulator, so the tests read the *screen* (what a user sees,
after prompt_toolkit's redrawing), paste with bracketed paste and resize the window.
Every wait polls the screen until a condition holds or a generous timeout passes;
no fixed sleep decides a result.  Each terminal has its own tmux socket, removed
(with its server) at the end.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from typing import Callable, List, Optional, Union

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROMPT = "[PS] C:\\Windows\\system32>"
#: Generous: a loaded CI machine may take many seconds to start a Python process.
TIMEOUT = 60.0


def have_tmux() -> bool:
    return shutil.which("tmux") is not None


class Terminal:
    def __init__(self, args: List[str] = (), *, width: int = 120, height: int = 40,
                 home: str, env: Optional[dict] = None):
        self.socket = "exshell-test-%s" % uuid.uuid4().hex[:10]
        self.width, self.height = width, height
        environ = {"HOME": home, "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
                   "TERM": "xterm-256color", "PYTHONPATH": ROOT,
                   "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        environ.update(env or {})
        # The exit status goes to a file: tmux 3.3 does not always report it.
        self.status_file = os.path.join(home, ".exshell-test-status-%s" % self.socket)
        command = "cd %s && env %s %s -m exshell %s; echo $? > %s" % (
            _quote(ROOT), " ".join("%s=%s" % (k, _quote(v)) for k, v in environ.items()),
            _quote(sys.executable), " ".join(_quote(a) for a in args), _quote(self.status_file))
        self._tmux("new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height), command,
                   ";", "set-option", "-t", "t", "remain-on-exit", "on")

    # -- plumbing ------------------------------------------------------------------------
    def _tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null"] + list(args),
                              capture_output=True, text=True, timeout=30)
        if check and done.returncode != 0:
            raise RuntimeError("tmux %s: %s" % (args[0], done.stderr.strip()))
        return done.stdout

    def close(self) -> None:
        self._tmux("kill-server", check=False)

    def __enter__(self) -> "Terminal":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- input ---------------------------------------------------------------------------
    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "t", "-l", text)

    def key(self, *names: str) -> None:
        """tmux key names: Enter, Tab, C-c, C-d, C-r, Up, Escape..."""
        self._tmux("send-keys", "-t", "t", *names)

    def line(self, text: str) -> None:
        self.type(text)
        self.key("Enter")

    def paste(self, text: str) -> None:
        """Paste as a terminal does (bracketed, since prompt_toolkit asks for it)."""
        self._tmux("set-buffer", "-b", "p", text)
        self._tmux("paste-buffer", "-p", "-d", "-b", "p", "-t", "t")

    def resize(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self._tmux("resize-window", "-t", "t", "-x", str(width), "-y", str(height))

    # -- output --------------------------------------------------------------------------
    def screen(self, joined: bool = False, colours: bool = False) -> str:
        """The visible screen (``joined``: lines the terminal wrapped are joined back)."""
        args = ["capture-pane", "-p", "-t", "t"]
        if joined:
            args.append("-J")
        if colours:
            args.append("-e")
        return self._tmux(*args)

    def lines(self, joined: bool = False) -> List[str]:
        return [l.rstrip() for l in self.screen(joined).split("\n")]

    def wait_for(self, what: Union[str, "re.Pattern", Callable[[str], bool]],
                 timeout: float = TIMEOUT, joined: bool = False) -> str:
        """Poll the screen until ``what`` (text, regex or predicate) is on it."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen(joined)
            if callable(what) and not isinstance(what, re.Pattern):
                if what(screen):
                    return screen
            elif isinstance(what, re.Pattern):
                if what.search(screen):
                    return screen
            elif what in screen:
                return screen
            if self.dead():
                break
            time.sleep(0.05)
        raise AssertionError("waited %.0fs for %r; the screen:\n%s" % (timeout, what, screen))

    def wait_done(self, command: str, timeout: float = TIMEOUT) -> str:
        """Wait until the command whose input line starts with ``command`` has run: its
        line is on the screen and below it an empty prompt is the last line.  (Counting
        prompts is not reliable: a terminal may push a redrawn screen to its history.)"""
        head = PROMPT + command

        def done(screen: str) -> bool:
            lines = self._unwrap(screen)
            filled = [i for i, l in enumerate(lines) if l.strip()]
            starts = [i for i, l in enumerate(lines) if l.startswith(head)]
            return bool(filled and starts) and lines[filled[-1]] == PROMPT and filled[-1] > starts[-1]
        return self.wait_for(done, timeout)

    def _unwrap(self, screen: str) -> List[str]:
        """Screen lines with full-width rows joined to the next: prompt_toolkit draws a
        long input line row by row, so tmux cannot join it (-J) itself.  Output never
        fills a row (the formatter writes width - 1 columns)."""
        out: List[str] = []
        carry = ""
        for raw in screen.split("\n"):
            if len(raw) >= self.width:
                carry += raw
                continue
            out.append((carry + raw).rstrip())
            carry = ""
        if carry:
            out.append(carry.rstrip())
        return out

    def wait_prompt(self, timeout: float = TIMEOUT) -> str:
        """Wait until an empty prompt is the last line on the screen (start-up)."""
        def ready(screen: str) -> bool:
            filled = [l.rstrip() for l in screen.split("\n") if l.strip()]
            return bool(filled) and filled[-1] == PROMPT
        return self.wait_for(ready, timeout)

    def run(self, text: str) -> str:
        """Type a command, Enter, and wait until it is done; returns the screen."""
        self.line(text)
        return self.wait_done(text.split("\n")[0])

    def clear(self) -> None:
        """Ctrl-L at an empty prompt: prompt_toolkit clears the screen."""
        self.key("C-l")
        self.wait_for(lambda s: [l for l in s.split("\n") if l.strip()] == [PROMPT])

    # -- the process ---------------------------------------------------------------------
    def dead(self) -> bool:
        return self._tmux("display-message", "-p", "-t", "t", "#{pane_dead}", check=False).strip() == "1"

    def exit_status(self, timeout: float = TIMEOUT) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with open(self.status_file) as fh:
                    text = fh.read().strip()
                if text:
                    return int(text)
            except OSError:
                pass
            time.sleep(0.05)
        raise AssertionError("exshell did not exit; the screen:\n%s" % self.screen())


def _quote(text: str) -> str:
    return "'" + str(text).replace("'", "'\\''") + "'"
