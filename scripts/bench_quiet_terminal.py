#!/usr/bin/env python3
"""A terminal that never answers cursor position requests, against one that does.

    python3 scripts/bench_quiet_terminal.py [--runs 5] [--commands 5] [-- exshell options]

The REPL runs in a real pseudo-terminal.  The "terminal" here types ``'m1'``, waits
until ``m1`` is printed, types ``'m2'``, ... then ``exit``, and waits for the process
to end; the time from the first key to the end is measured.  In one case it answers
each cursor position request (``ESC [ 6 n``) as a terminal emulator does, in the other
it never answers (a serial console, an ``expect`` script, some web terminals).  The
runs alternate (A B A B ...) and the ratio silent/answering is taken pair by pair,
then the median.  It also counts the requests the silent terminal was sent.

Aim: the silent terminal asked once, not at every prompt, and slower than the
answering one by that one wait (0.5 s, ``_CPR_WAIT`` in exshell/repl/app.py) only:
prompt_toolkit alone waits up to 1 s at the end of every prompt.
"""
import argparse
import os
import pty
import select
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CPR = b"\x1b[6n"
PROMPT = b"system32>"


class Child:
    def __init__(self, answer: bool, options, home: str):
        self.answer = answer
        self.asked = 0
        self.seen = b""
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(ROOT)
            env = dict(os.environ, TERM="xterm-256color", HOME=home, EXSHELL_FRESH="1",
                       PYTHONPATH=ROOT)
            env.pop("PROMPT_TOOLKIT_NO_CPR", None)
            os.execve(sys.executable, [sys.executable, "-m", "exshell", "-NoLogo"] + options, env)

    def pump(self, until=None, timeout=20.0) -> bool:
        """Read (answering requests if asked to) until ``until`` shows or the end."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if until is not None and until in self.seen:
                self.seen = self.seen[self.seen.index(until) + len(until):]
                return True
            ready, _, _ = select.select([self.fd], [], [], 0.02)
            if not ready:
                continue
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                return until is None
            if not data:
                return until is None
            self.asked += data.count(CPR)
            if self.answer:
                for _ in range(data.count(CPR)):
                    os.write(self.fd, b"\x1b[1;1R")
            self.seen += data
        raise SystemExit("timed out waiting for %r (%s terminal); it showed last:\n%r" % (
            until, "answering" if self.answer else "silent", self.seen[-600:]))

    def session(self, commands: int) -> float:
        self.pump(PROMPT)
        start = time.monotonic()
        for k in range(1, commands + 1):
            os.write(self.fd, b"'m%d'\r" % k)
            self.pump(b"m%d\r\n" % k)
            self.pump(PROMPT)
        os.write(self.fd, b"exit\r")
        self.pump(None)
        took = time.monotonic() - start
        os.waitpid(self.pid, 0)
        return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--commands", type=int, default=5)
    parser.add_argument("options", nargs="*", help="exshell options (after --)")
    args = parser.parse_args()
    ratios, silent_asked = [], []
    times = {True: [], False: []}
    with tempfile.TemporaryDirectory() as home:
        for _ in range(args.runs):
            pair = {}
            for answer in (True, False):
                child = Child(answer, args.options, home)
                pair[answer] = child.session(args.commands)
                times[answer].append(pair[answer])
                if not answer:
                    silent_asked.append(child.asked)
            ratios.append(pair[False] / pair[True])
    print("%d commands and exit, median of %d runs:" % (args.commands, args.runs))
    print("  answering terminal  %.2f s" % statistics.median(times[True]))
    print("  silent terminal     %.2f s  (asked %s times)" % (
        statistics.median(times[False]), "/".join(str(n) for n in silent_asked)))
    print("  ratio silent/answering (pairwise median): %.2f" % statistics.median(ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
