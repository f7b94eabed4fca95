"""The interactive loop: read with prompt_toolkit, run with ``Shell.run``, repeat.

:func:`run_repl` owns the session: it installs a :class:`~exshell.repl.host.ReplHost`
on the shell, prints the banner (before prompt_toolkit is even imported, so
something shows at once), then loops on the ``[PS] C:\\Windows\\system32>`` prompt
with highlighting, completion, ``>> `` continuation, history and Ctrl-R search.

Leaving: ``exit`` (its code is returned) and Ctrl-D on an empty line (0).  Nothing
else ends the loop: Ctrl-C clears the line or stops the running command, and any
unexpected failure is reported as an error line (never a Python traceback) and the
prompt comes back.
"""
from __future__ import annotations

import os
from typing import IO, Any, Mapping, Optional

__all__ = ["run_repl", "history_path", "install_host", "CONTINUATION_PROMPT",
           "INTERNAL_ERROR"]

#: The console's continuation prompt (every PowerShell version).
CONTINUATION_PROMPT = ">> "
#: Shown (in red) when something inside exshell failed unexpectedly; the shell goes on.
INTERNAL_ERROR = "exshell: internal error (%s: %s). The shell is still running."

#: How many failures of the prompt itself in a row mean the terminal is gone.
_MAX_PROMPT_FAILURES = 5


def history_path(environ: Optional[Mapping[str, str]] = None) -> str:
    """``$XDG_DATA_HOME/exshell/history``, else ``~/.local/share/exshell/history``
    (a relative XDG_DATA_HOME is ignored, as the XDG spec asks)."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_DATA_HOME", "")
    if not base or not os.path.isabs(base):
        home = env.get("HOME") or os.path.expanduser("~")
        base = os.path.join(home, ".local", "share")
    return os.path.join(base, "exshell", "history")


def _history(path: Optional[str]):
    from prompt_toolkit.history import FileHistory, InMemoryHistory
    if path is None:
        return InMemoryHistory()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "ab"):
            pass
    except OSError:
        return InMemoryHistory()  # no writable data folder: history for this session only
    return FileHistory(path)


def install_host(shell: Any, host: Any) -> None:
    """Make ``host`` the shell's host (the shell and its session both hold it)."""
    shell.set_host(host)


def _style():
    from prompt_toolkit.styles import Style
    from .lexer import STYLE_RULES
    rules = {k: v for k, v in STYLE_RULES.items() if v}
    rules.update({
        "completion-menu.completion": "bg:ansigray ansiblack",
        "completion-menu.completion.current": "bg:ansiblue ansiwhite",
        "completion-menu.meta.completion": "bg:ansibrightblack ansiwhite",
        "completion-menu.meta.completion.current": "bg:ansiblue ansiwhite",
    })
    return Style.from_dict(rules)


def _continuation(width: int, line_number: int, is_soft_wrap: bool) -> str:
    return "" if is_soft_wrap else CONTINUATION_PROMPT


def run_repl(shell: Any, banner: Optional[str] = None, *, history: Optional[str] = "",
             pt_input: Any = None, pt_output: Any = None, stdout: Optional[IO[str]] = None) -> int:
    """Run the interactive shell until ``exit`` or Ctrl-D; returns the exit code.

    ``banner`` is printed first (None: no banner, ``-NoLogo``).  ``history`` is the
    history file ("" means :func:`history_path`, None keeps it in memory).
    ``pt_input``/``pt_output``/``stdout`` replace the terminal (tests).
    """
    from .host import ReplHost

    old = shell.host
    host = ReplHost(interactive=getattr(old, "interactive", True), stdout=stdout)
    install_host(shell, host)
    if banner:
        host.write_line(banner)

    from prompt_toolkit import PromptSession
    from prompt_toolkit.output import create_output
    from .completion import ThumbprintCache, make_completer
    from .keys import make_key_bindings
    from .lexer import make_lexer

    if pt_output is None:
        pt_output = create_output()
    host.attach(pt_input, pt_output)
    cache = ThumbprintCache()
    session = PromptSession(
        history=_history(history_path() if history == "" else history),
        lexer=make_lexer(), completer=make_completer(shell, cache),
        complete_while_typing=False, key_bindings=make_key_bindings(shell),
        multiline=True, prompt_continuation=_continuation, style=_style(),
        include_default_pygments_style=False, enable_history_search=False,
        enable_system_prompt=False, enable_suspend=False, enable_open_in_editor=False,
        input=pt_input, output=pt_output, mouse_support=False)

    failures = 0
    while True:
        try:
            text = session.prompt(shell.prompt())
            failures = 0
        except KeyboardInterrupt:
            continue  # Ctrl-C: the line is dropped, a fresh prompt follows
        except EOFError:
            return 0  # Ctrl-D on an empty line
        except Exception as e:  # the prompt itself failed: report, and try again
            failures += 1
            _report(host, e)
            if failures >= _MAX_PROMPT_FAILURES:
                return 1
            continue
        if not text.strip():
            continue
        cache.invalidate()
        try:
            result = shell.run(text)
        except KeyboardInterrupt:
            host.write_line("")
            continue
        except (Exception, SystemExit) as e:
            _report(host, e)
            continue
        if result.exit_code is not None:
            return result.exit_code
        _warm(shell, cache)


def _warm(shell: Any, cache: Any) -> None:
    """Prepare the thumbprint candidates while the user types the next command --
    only when the organisation exists already (building it is the commands' job)."""
    org = shell.organization if shell.organization_built else None
    server = getattr(org, "local_server", None)
    if server is not None:
        cache.warm(server)


def _report(host: Any, error: BaseException) -> None:
    try:
        host.write_line(INTERNAL_ERROR % (type(error).__name__, error), "error", fg="Red")
    except Exception:  # pragma: no cover - nothing more we can do
        pass
