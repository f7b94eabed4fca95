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

from ..profiles import CONSOLE_PSREADLINE

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
        # The classic console's popups draw their own box; nothing around it.
        "bottom-toolbar": "noreverse",
        "bottom-toolbar.text": "",
    })
    return Style.from_dict(rules)


def _continuation(width: int, line_number: int, is_soft_wrap: bool) -> str:
    return "" if is_soft_wrap else CONTINUATION_PROMPT


def run_repl(shell: Any, banner: Optional[str] = None, *, history: Optional[str] = "",
             console: Optional[str] = None, options: Any = None,
             pt_input: Any = None, pt_output: Any = None, stdout: Optional[IO[str]] = None,
             ready: Optional[Any] = None) -> int:
    """Run the interactive shell until ``exit`` or Ctrl-D; returns the exit code.

    ``banner`` is printed first (None: no banner, ``-NoLogo``).  ``console`` is
    "Classic" or "PSReadLine" (None: the version's own, ``shell.profile.console``).
    ``history`` is PSReadLine's history file ("" means :func:`history_path`, None keeps
    it in memory); the classic console keeps its history for the session only, as
    conhost does.  ``options`` are PSReadLine's settings (a
    :class:`~exshell.engine.psreadline.PSReadLineOptions`; None: the defaults).
    ``pt_input``/``pt_output``/``stdout`` replace the terminal (tests).  ``ready`` is
    called once, when everything the first prompt needs is set up, just before it is
    shown (the program lets the garbage collector run from then on).
    """
    from .host import ReplHost

    old = shell.host
    host = ReplHost(interactive=getattr(old, "interactive", True), stdout=stdout)
    install_host(shell, host)
    if banner:
        host.write_line(banner)

    from prompt_toolkit.output import create_output
    from .completion import CompletionCache

    if pt_output is None:
        pt_output = create_output()
    host.attach(pt_input, pt_output)
    cache = CompletionCache()
    name = console or shell.profile.console
    if name == CONSOLE_PSREADLINE:
        console_ = _PSReadLineConsole(shell, cache, history, options, pt_input, pt_output)
    else:
        console_ = _ClassicConsole(shell, cache, pt_input, pt_output)

    try:
        return _loop(shell, host, console_, cache, ready)
    finally:
        from ..interactive import leave
        leave(shell)


def _loop(shell: Any, host: Any, console_: Any, cache: Any, ready: Optional[Any] = None) -> int:
    from ..interactive import run_line
    failures = 0
    while True:
        shell.before_prompt()       # notices (a class server's) come before the prompt
        prompt = shell.prompt()
        if ready is not None:
            ready()
            ready = None
        try:
            text = console_.read(prompt)
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
        console_.accepted(text)
        cache.invalidate()
        try:
            result = run_line(shell, text, prompt)
        except KeyboardInterrupt:
            host.write_line("")
            continue
        except (Exception, SystemExit) as e:
            _report(host, e)
            continue
        if result.exit_code is not None:
            return result.exit_code
        _warm(shell, cache)


_SESSION_OPTIONS = dict(complete_while_typing=False, multiline=True,
                        prompt_continuation=None, include_default_pygments_style=False,
                        enable_history_search=False, enable_system_prompt=False,
                        enable_suspend=False, enable_open_in_editor=False, mouse_support=False)

#: How long the end of a prompt waits for the terminal's answer to the cursor position
#: request (CPR) sent when the prompt was drawn (seconds).  A local terminal answers in
#: milliseconds, one across an SSH link in a round trip.
_CPR_WAIT = 0.5

#: How long a lone Escape waits for a key that makes it Alt-<key> (seconds): short, so
#: Escape clears the line at once, long enough for a terminal's Alt sequences.
_ESCAPE_WAIT = 0.25


class _ClassicConsole:
    """conhost: no colours, Tab cycles, F7/F8/F9 and friends (see :mod:`.conhost`)."""

    def __init__(self, shell: Any, cache: Any, pt_input: Any, pt_output: Any) -> None:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import InMemoryHistory
        from prompt_toolkit.key_binding import merge_key_bindings
        from .conhost import ClassicState, make_classic_bindings
        from .console_history import ConsoleHistory
        from .keys import make_key_bindings
        from .tabcycle import TabCycle

        self.state = ClassicState(ConsoleHistory(), TabCycle(_source(shell, cache)))
        self._prompt = ""
        options = dict(_SESSION_OPTIONS, prompt_continuation=_continuation)
        self.session = PromptSession(
            history=InMemoryHistory(), lexer=None, completer=None, reserve_space_for_menu=0,
            key_bindings=merge_key_bindings([make_key_bindings(shell),
                                             make_classic_bindings(self.state, self._popup)]),
            style=_style(), input=pt_input, output=pt_output, **options)
        self.session.app.timeoutlen = _ESCAPE_WAIT
        _decide_cpr_once(self.session.app)
        # The input takes only its own lines, so a popup opens right under it.
        from prompt_toolkit.filters import to_filter
        self.session.layout.current_window.dont_extend_height = to_filter(True)

    def _popup(self, is_open: bool) -> None:
        from .conhost import input_rows

        def toolbar():
            size = self.session.app.output.get_size()
            used = input_rows(self._prompt, self.session.default_buffer.text, size.columns,
                              len(CONTINUATION_PROMPT))
            return self.state.toolbar(size.columns, size.rows - used)
        self.session.bottom_toolbar = toolbar if is_open else None

    def read(self, prompt: str) -> str:
        self._prompt = prompt
        self.state.close()
        self.session.bottom_toolbar = None
        self.state.tab.reset()
        return self.session.prompt(prompt)

    def accepted(self, text: str) -> None:
        self.state.history.add(text)


class _PSReadLineConsole:
    """PSReadLine: colours, menus, undo, red prompt (see :mod:`.psreadline`)."""

    def __init__(self, shell: Any, cache: Any, history: Optional[str], options: Any,
                 pt_input: Any, pt_output: Any) -> None:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.auto_suggest import AutoSuggestFromHistory, DynamicAutoSuggest
        from prompt_toolkit.key_binding import merge_key_bindings
        from prompt_toolkit.shortcuts import CompleteStyle
        from prompt_toolkit.styles import DynamicStyle
        from ..engine.psreadline import PSReadLineOptions
        from .keys import make_key_bindings
        from .lexer import make_lexer
        from .psreadline import ParseErrorCheck, make_psreadline_bindings
        from .tabcycle import TabCycle

        self.options = options if options is not None else PSReadLineOptions()
        # Get-/Set-PSReadLineOption show and change these very options.
        shell.context.register(self.options, PSReadLineOptions)
        self.has_error = ParseErrorCheck(shell.parse)
        from .completion import prepare_menus
        cache.after_warm = prepare_menus     # the menu of ten thousand thumbprints, ready
        suggest = AutoSuggestFromHistory()
        source = _source(shell, cache)
        bindings = make_psreadline_bindings(self.options, TabCycle(source),
                                            lambda before: len(source(before)))
        session_options = dict(_SESSION_OPTIONS, prompt_continuation=self._continuation)
        self.session = PromptSession(
            history=_history(history_path() if history == "" else history),
            lexer=make_lexer(), completer=_Completer(source),
            complete_style=CompleteStyle.MULTI_COLUMN,
            auto_suggest=DynamicAutoSuggest(lambda: suggest if self.options.prediction else None),
            key_bindings=merge_key_bindings([make_key_bindings(shell), bindings]),
            style=DynamicStyle(self._style), input=pt_input, output=pt_output, **session_options)
        self.session.app.timeoutlen = _ESCAPE_WAIT
        _decide_cpr_once(self.session.app)
        _label_search(self.session)

    def _continuation(self, width: int, line_number: int, is_soft_wrap: bool) -> str:
        return "" if is_soft_wrap else self.options.ContinuationPrompt

    def _style(self):
        """The input's colours follow the options (Set-PSReadLineOption -Colors)."""
        from prompt_toolkit.styles import Style, merge_styles
        from .psreadline import token_styles
        colors = tuple(sorted(self.options.colors.items()))
        if colors != getattr(self, "_colors", None):
            self._colors = colors
            self._built = merge_styles([_style(), Style.from_dict(
                {k: v for k, v in token_styles(self.options.colors).items() if v})])
        return self._built

    def read(self, prompt: str) -> str:
        from .psreadline import prompt_fragments
        buffer = self.session.default_buffer
        return self.session.prompt(lambda: prompt_fragments(prompt, self.has_error(buffer.text)))

    def accepted(self, text: str) -> None:
        pass


def _decide_cpr_once(app: Any) -> None:
    """Put up with a terminal that never answers cursor position requests (a serial
    console, an ``expect`` script, some web terminals) without making its user wait.

    prompt_toolkit asks where the cursor is each time it draws a prompt, and waits
    up to 1 s for the answer when the prompt ends, on every prompt, until a 2 s timer
    started with the prompt decides the terminal does not answer -- which it never
    does when each prompt ends sooner (a pasted script, a quick ``exit``), and when it
    does it prints a warning in its own words.  Here, until the terminal has answered
    once, the first unanswered request decides, after at most :data:`_CPR_WAIT`, and
    nothing is printed (no console of Windows says such a thing).  A terminal that
    has answered is waited for as prompt_toolkit does; an answer arriving late still
    counts: prompt_toolkit then takes the terminal as one that answers again."""
    from prompt_toolkit.renderer import CPR_Support

    renderer = app.renderer
    wait = renderer.wait_for_cpr_responses

    async def wait_once(timeout: float = 1.0) -> None:
        if renderer.cpr_support != CPR_Support.UNKNOWN:    # it has answered before
            await wait(timeout=timeout)
            return
        asked = renderer.waiting_for_cpr
        await wait(timeout=min(timeout, _CPR_WAIT))
        if asked and not renderer.waiting_for_cpr and renderer.cpr_support == CPR_Support.UNKNOWN:
            renderer.cpr_support = CPR_Support.NOT_SUPPORTED

    renderer.wait_for_cpr_responses = wait_once
    renderer.cpr_not_supported_callback = None


def _source(shell: Any, cache: Any):
    """What Tab (and the PSReadLine menu) offers for the text left of the cursor: a
    history line for ``#id``/``#text``, else the shell's completion."""
    from .completion import candidates
    from .history_completion import history_candidates

    def source(before: str):
        found = history_candidates(shell, before)
        return found if found is not None else candidates(shell, before, cache)
    return source


def _Completer(source: Any):
    """A prompt_toolkit Completer over ``source`` (the PSReadLine menu)."""
    from prompt_toolkit.completion import Completer

    from .completion import menu_items

    class SourceCompleter(Completer):
        def get_completions(self, document, complete_event):
            try:
                found = source(document.text_before_cursor)
            except Exception:  # completion must never break the line
                return
            yield from menu_items(found)

    return SourceCompleter()


def _label_search(session: Any) -> None:
    """PSReadLine shows ``bck-i-search: `` (``fwd-i-search: ``) under the line while
    Ctrl-R (Ctrl-S) searches; prompt_toolkit's search toolbar says it its own way."""
    from prompt_toolkit.layout.controls import SearchBufferControl
    from prompt_toolkit.layout.processors import BeforeInput
    from prompt_toolkit.search import SearchDirection
    from .psreadline import SEARCH_PROMPTS

    def label():
        target = session.app.layout.search_target_buffer_control
        backward = target is None or target.search_state.direction == SearchDirection.BACKWARD
        return SEARCH_PROMPTS[0] if backward else SEARCH_PROMPTS[1]

    for window in session.layout.find_all_windows():
        control = window.content
        if isinstance(control, SearchBufferControl) and any(
                isinstance(p, BeforeInput) for p in control.input_processors or ()):
            control.input_processors = [BeforeInput(label, style="class:search-toolbar.prompt")]


def _warm(shell: Any, cache: Any) -> None:
    """Prepare costly candidate lists (a server's thumbprints...) while the user types
    the next command: the registered warmers run in the background."""
    from ..engine.completion import warm
    warm(shell.context, cache)


def _report(host: Any, error: BaseException) -> None:
    try:
        host.write_line(INTERNAL_ERROR % (type(error).__name__, error), "error", fg="Red")
    except Exception:  # pragma: no cover - nothing more we can do
        pass
