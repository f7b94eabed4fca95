"""One line typed at the prompt: what happens around ``Shell.run`` for it.

The interactive shells (the prompt_toolkit REPL and the plain loop for a terminal
without it) run every line through :func:`run_line`, which does what PowerShell's
console host does for a line entered at the prompt and a script does not:

* a running transcript gets the prompt and the line (``PS C:\\> Get-Date``) before
  the output;
* the session history gets the line after it ran, with its status (Completed, or
  Failed after a terminating error, or Stopped by Ctrl-C) and its start and end times
  on the emulated clock (``Get-History``, ``Invoke-History``).
"""
from __future__ import annotations

from typing import Any, Optional

from .engine.history import session_history

__all__ = ["run_line", "leave"]


def run_line(shell: Any, text: str, prompt: Optional[str] = None) -> Any:
    """Run ``text`` as a line entered at ``prompt``; the Shell's RunResult."""
    context = shell.context
    from .engine.transcript import TranscribingHost
    host = context.host
    if isinstance(host, TranscribingHost):
        for transcript in host.transcripts:
            transcript.record_input((shell.prompt() if prompt is None else prompt) + text)
    history = session_history(context)
    history.begin(text, context.clock.now())
    status = "Failed"
    try:
        result = shell.run(text)
        status = ("Stopped" if result.stopped else "Failed" if result.failed else "Completed")
        return result
    finally:
        maximum = context.get_variable("MaximumHistoryCount")
        history.end(status, context.clock.now(), maximum if isinstance(maximum, int) else None)


def leave(shell: Any) -> None:
    """The interactive shell ends: running transcripts get their footer."""
    from .engine.transcript import TranscribingHost
    if isinstance(shell.context.host, TranscribingHost):
        from .cmdlets.transcript import stop_all
        stop_all(shell.context)
