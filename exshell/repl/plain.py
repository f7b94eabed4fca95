"""The plain read-eval-print loop: for a console that is not a terminal (or a lab
started without one), where the prompt_toolkit REPL cannot run.

``run_plain(shell, banner)`` reads a line at the shell's prompt; unfinished input
continues on ``>> `` lines until an empty line; ``exit N`` ends it with that code.
Imports nothing from prompt_toolkit.
"""
from __future__ import annotations

from typing import Any, Optional

__all__ = ["run_plain"]


def run_plain(shell: Any, banner: Optional[str] = None) -> int:
    """Run the loop on ``shell``'s host; returns the exit code."""
    from ..interactive import leave
    try:
        return _loop(shell, banner)
    finally:
        leave(shell)


def _loop(shell: Any, banner: Optional[str]) -> int:
    from ..engine.host import HostUnavailable
    from ..interactive import run_line
    host = shell.host
    if banner:
        host.write_line(banner)
    while True:
        shell.before_prompt()       # notices (a class server's) come before the prompt
        prompt = shell.prompt()
        try:
            line = host.read_line(prompt)
        except KeyboardInterrupt:
            host.write_line("")
            continue
        except HostUnavailable:
            break  # -NonInteractive: there is no one to read commands from
        if line is None:
            break
        text = _complete_input(shell, line)
        if not text.strip():
            continue
        try:
            result = run_line(shell, text, prompt)
        except KeyboardInterrupt:
            host.write_line("")
            continue
        if result.exit_code is not None:
            return result.exit_code
    return 0


def _complete_input(shell: Any, text: str) -> str:
    """``text`` plus the ``>> `` lines unfinished input asks for (an empty line ends
    it; Ctrl-C drops it)."""
    from ..lang.errors import IncompleteInput
    host = shell.host
    while True:
        try:
            shell.parse(text)
            return text
        except IncompleteInput:
            try:
                more = host.read_line(">> ")
            except KeyboardInterrupt:
                host.write_line("")
                return ""
            if more is None or more == "":
                return text
            text += "\n" + more
        except Exception:
            return text  # Shell.run reports it (and never raises)
