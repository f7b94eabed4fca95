"""The REPL in a real pseudo-terminal that never answers cursor position requests
(``ESC [ 6 n``): a serial console, an ``expect`` script, some web terminals.

prompt_toolkit alone asks at every prompt and waits up to a second for the answer
each time a prompt ends, and after two seconds prints a warning of its own.  exshell
asks once, and says nothing (see ``_decide_cpr_once`` in exshell/repl/app.py).  A
terminal that answers is still asked at every prompt.  Each step waits for the
output it needs, never for a fixed time, except where prompt_toolkit's own timer has
to run out.
"""
from __future__ import annotations

import os
import select
import sys
import time

import pytest

pty = pytest.importorskip("pty")    # a POSIX terminal

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ASK = b"\x1b[6n"
PROMPT = b"system32>"
TIMEOUT = 30.0

pytestmark = pytest.mark.terminal


class PtyTerminal:
    """exshell on the far side of a pty; ``answers``: reply to each request as a
    terminal emulator does (the cursor at row 1, column 1)."""

    def __init__(self, home: str, answers: bool, *options: str) -> None:
        self.answers = answers
        self.asked = 0
        self.unread = b""
        self.everything = b""
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # pragma: no cover - the child
            try:
                os.chdir(ROOT)
                env = {k: v for k, v in os.environ.items() if k != "PROMPT_TOOLKIT_NO_CPR"}
                env.update(TERM="xterm-256color", HOME=home, PYTHONPATH=ROOT,
                           XDG_DATA_HOME=os.path.join(home, "data"), LANG="C.UTF-8")
                os.execve(sys.executable, [sys.executable, "-m", "exshell", "-NoLogo"]
                          + list(options), env)
            finally:
                os._exit(127)

    def read_until(self, wanted, timeout: float = TIMEOUT) -> bool:
        """Read until ``wanted`` is printed (None: until the end); True if it was."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if wanted is not None and wanted in self.unread:
                self.unread = self.unread[self.unread.index(wanted) + len(wanted):]
                return True
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(self.fd, 65536)
            except OSError:        # the child has gone
                data = b""
            if not data:
                assert wanted is None, "exshell ended before %r; it printed:\n%r" % (
                    wanted, self.everything[-800:])
                return False
            self.asked += data.count(ASK)
            if self.answers:
                os.write(self.fd, b"\x1b[1;1R" * data.count(ASK))
            self.unread += data
            self.everything += data
        raise AssertionError("waited %.0fs for %r; exshell printed:\n%r"
                             % (timeout, wanted, self.everything[-800:]))

    def run(self, number: int) -> None:
        """Type ``'m<number>'``, Enter, and wait for its output and the next prompt."""
        os.write(self.fd, b"'m%d'\r" % number)
        self.read_until(b"m%d\r\n" % number)
        self.read_until(PROMPT)

    def leave(self) -> int:
        os.write(self.fd, b"exit 3\r")
        self.read_until(None)
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)


@pytest.mark.parametrize("version", ["2010", "2016"])     # conhost, PSReadLine
def test_a_terminal_that_never_answers_is_asked_once_and_warned_of_nothing(tmp_path, version):
    term = PtyTerminal(str(tmp_path), False, "-ExchangeVersion", version)
    term.read_until(PROMPT)
    if version == "2010":
        # prompt_toolkit's own test timer (2 s) runs out while the first prompt waits.
        time.sleep(2.5)
    for number in (1, 2, 3):
        term.run(number)
    assert term.leave() == 3
    assert term.asked == 1
    assert b"WARNING" not in term.everything and b"CPR" not in term.everything


def test_a_terminal_that_answers_is_asked_at_every_prompt(tmp_path):
    term = PtyTerminal(str(tmp_path), True)
    term.read_until(PROMPT)
    for number in (1, 2, 3):
        term.run(number)
    assert term.leave() == 3
    assert term.asked >= 4          # the first prompt, one after each command
