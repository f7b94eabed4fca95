"""The interactive shell (prompt_toolkit): ``run_repl(shell, banner)``.

Parts, each small and tested on its own:

* :mod:`.tokens`     tolerant tokenizer (highlighting, completion context);
* :mod:`.lexer`      syntax highlighting;
* :mod:`.completion` Tab completion from the shell's live state;
* :mod:`.keys`       Enter / continuation / paste decisions and key bindings;
* :mod:`.tabcycle`   Tab as PowerShell's consoles do it: candidates cycled in place;
* :mod:`.conhost`    the classic console (2007/2010/2013): F7 list, F8, F9, F1-F4, Esc,
  with its history buffer in :mod:`.console_history`;
* :mod:`.psreadline` PSReadLine (2016/2019): menu completion, undo/redo, history
  search, the red prompt, prediction -- its key table is data in
  :mod:`exshell.engine.psreadline`;
* :mod:`.host`       the host that prints in colour and prompts with prompt_toolkit;
* :mod:`.app`        the loop, history file, banner;
* :mod:`.plain`      the plain loop for a console that is not a terminal.

prompt_toolkit is imported only when :func:`run_repl` starts, never by importing
this package.  The REPL wires the shell; it may use every layer but is used by none
(only ``exshell.cli`` and ``exshell.labs.cli`` call it).
"""
from __future__ import annotations

from typing import Any, Optional

__all__ = ["run_repl"]


def run_repl(shell: Any, banner: Optional[str] = None, **options: Any) -> int:
    """Run the interactive shell on the terminal; returns the exit code."""
    from .app import run_repl as _run
    return _run(shell, banner, **options)
