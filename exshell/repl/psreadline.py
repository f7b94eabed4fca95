"""PSReadLine, the line editor of Windows PowerShell 5.1 on Server 2016/2019 (EMS 2016, 2019).

The keys come from the table PSReadLine's cmdlets show
(:data:`exshell.engine.psreadline.KEY_HANDLERS`); this module gives each function its
prompt_toolkit implementation:

==========================  =====================================================
Tab / Shift-Tab             TabCompleteNext/Previous: cycle candidates in place
Ctrl-Space                  MenuComplete: a menu of candidates (Tab, arrows move;
                            Enter takes one; Esc goes back to what was typed)
Ctrl-Z / Ctrl-Y             Undo / Redo
F8 / Shift-F8               HistorySearchBackward/Forward: entries that start with
                            the text left of the cursor (the cursor stays)
Ctrl-R / Ctrl-S             interactive search (``bck-i-search:``/``fwd-i-search:``)
Escape                      RevertLine: back to an empty line
Ctrl-Home / Ctrl-End        delete to the start / end of the line
==========================  =====================================================

and the rest prompt_toolkit's emacs mode already does as PSReadLine does (arrows,
Home/End, Ctrl-Left/Right, Ctrl-W, Alt-., Ctrl-L, Ctrl-C).  The prompt's last symbol
(``>``) turns red while the input does not parse, as PSReadLine shows it; with
``-PredictionSource History`` the newest matching history entry is shown greyed after
the cursor (Right arrow or End takes it).
"""
from __future__ import annotations

from typing import Any, Callable, List, Optional, Tuple

__all__ = ["make_psreadline_bindings", "prompt_fragments", "ParseErrorCheck",
           "search_history", "SEARCH_PROMPTS", "ERROR_PROMPT_STYLE", "sgr_style", "token_styles"]

#: The colour of the prompt's ``>`` while the input has a parse error (ConsoleColor Red).
ERROR_PROMPT_STYLE = "ansibrightred"
#: What the interactive search shows before the searched text, backward and forward.
SEARCH_PROMPTS = ("bck-i-search: ", "fwd-i-search: ")


_SGR_COLORS = ("ansiblack", "ansired", "ansigreen", "ansiyellow", "ansiblue", "ansimagenta",
               "ansicyan", "ansigray")
_SGR_BRIGHT = ("ansibrightblack", "ansibrightred", "ansibrightgreen", "ansibrightyellow",
               "ansibrightblue", "ansibrightmagenta", "ansibrightcyan", "ansiwhite")


def sgr_style(sequence: str) -> str:
    """A prompt_toolkit style for a colour as PSReadLine keeps it (``ESC[93m``,
    ``ESC[30;47m``); the parts it does not know are left out."""
    body = sequence.strip()
    if body.startswith("\x1b["):
        body = body[2:]
    body = body.rstrip("m")
    out = []
    for part in body.split(";"):
        if not part.isdigit():
            continue
        n = int(part)
        if 30 <= n <= 37:
            out.append(_SGR_COLORS[n - 30])
        elif 90 <= n <= 97:
            out.append(_SGR_BRIGHT[n - 90])
        elif 40 <= n <= 47:
            out.append("bg:" + _SGR_COLORS[n - 40])
        elif 100 <= n <= 107:
            out.append("bg:" + _SGR_BRIGHT[n - 100])
        elif n == 1:
            out.append("bold")
    return " ".join(out)


#: Token class (repl.lexer) -> the PSReadLine colour option that paints it.
_TOKEN_COLORS = {"command": "CommandColor", "function": "CommandColor",
                 "parameter": "ParameterColor", "operator": "OperatorColor",
                 "string": "StringColor", "variable": "VariableColor", "keyword": "KeywordColor",
                 "comment": "CommentColor", "number": "NumberColor", "type": "TypeColor",
                 "member": "MemberColor", "argument": "DefaultTokenColor",
                 "punctuation": "DefaultTokenColor"}


def token_styles(colors) -> dict:
    """prompt_toolkit style rules for the input, from PSReadLine's colour options."""
    return {"ps.%s" % kind: sgr_style(colors.get(option, "")) for kind, option in _TOKEN_COLORS.items()}


class ParseErrorCheck:
    """Whether text has a parse error (an unfinished line counts, as in PSReadLine),
    asked of the shell's parser once per distinct text."""

    def __init__(self, parse: Callable[[str], Any]) -> None:
        self._parse = parse
        self._text: Optional[str] = None
        self._error = False

    def __call__(self, text: str) -> bool:
        if text != self._text:
            self._text = text
            if not text.strip():
                self._error = False
            else:
                try:
                    self._parse(text)
                    self._error = False
                except Exception:  # a ParseError or IncompleteInput -- or a parser bug
                    self._error = True
        return self._error


def prompt_fragments(prompt: str, error: bool) -> List[Tuple[str, str]]:
    """The prompt as fragments; with ``error`` its last symbol character (PSReadLine
    looks for one: ``>`` in EMS's prompt) is red."""
    if error:
        for i in range(len(prompt) - 1, -1, -1):
            if prompt[i] in "<>$#%=+~|^`":
                return [("", prompt[:i]), (ERROR_PROMPT_STYLE, prompt[i]), ("", prompt[i + 1:])]
    return [("", prompt)]


def search_history(entries: List[str], prefix: str, start: int, backward: bool,
                   case_sensitive: bool = False) -> Optional[int]:
    """HistorySearchBackward/Forward: the index of the next entry (from ``start``, not
    included, oldest first) that starts with ``prefix`` and differs from the entry at
    ``start``; None when there is none."""
    fold = (lambda s: s) if case_sensitive else (lambda s: s.casefold())
    wanted = fold(prefix)
    current = entries[start] if 0 <= start < len(entries) else None
    step = -1 if backward else 1
    i = start + step
    while 0 <= i < len(entries):
        entry = entries[i]
        if fold(entry).startswith(wanted) and entry != current:
            return i
        i += step
    return None


def make_psreadline_bindings(options: Any, tab: Any, count_candidates: Callable[[str], int]):
    """PSReadLine's keys (imports prompt_toolkit).  ``tab`` is the Tab cycle,
    ``count_candidates(text_before_cursor)`` how many candidates a completion has."""
    from prompt_toolkit.enums import DEFAULT_BUFFER
    from prompt_toolkit.filters import Condition, has_completions, has_focus
    from prompt_toolkit.key_binding import KeyBindings

    from ..engine.psreadline import TERMINAL_KEYS, handlers_for

    kb = KeyBindings()
    on_input = has_focus(DEFAULT_BUFFER)
    menu = has_completions & on_input
    editing = on_input & ~has_completions
    search = {"index": None, "text": None}   # where F8/Shift-F8 left the history

    def bind(function: str, filter=on_input, **kw):
        """Bind ``function`` to every key the table gives it."""
        def register(handler):
            for row in handlers_for(function):
                kb.add(*TERMINAL_KEYS[row.Key], filter=filter, **kw)(handler)
            return handler
        return register

    def put(buf, text: str, cursor: int) -> None:
        buf.text = text
        buf.cursor_position = min(cursor, len(text))

    # -- completion -------------------------------------------------------------------------
    @bind("TabCompleteNext", filter=editing)
    def _tab(event) -> None:
        buf = event.current_buffer
        done = tab.press(buf.text, buf.cursor_position)
        if done is not None:
            put(buf, *done)

    @bind("TabCompletePrevious", filter=editing)
    def _shift_tab(event) -> None:
        buf = event.current_buffer
        done = tab.press(buf.text, buf.cursor_position, backward=True)
        if done is not None:
            put(buf, *done)

    @kb.add("tab", filter=menu)
    def _menu_next(event) -> None:
        event.current_buffer.complete_next()

    @kb.add("s-tab", filter=menu)
    def _menu_previous(event) -> None:
        event.current_buffer.complete_previous()

    @bind("MenuComplete")
    def _menu(event) -> None:
        buf = event.current_buffer
        if buf.complete_state is not None:
            buf.complete_next()
            return
        count = count_candidates(buf.document.text_before_cursor)
        if count == 1:
            done = tab.press(buf.text, buf.cursor_position)
            if done is not None:
                put(buf, *done)
        elif count > 1:
            buf.start_completion(select_first=True)

    @kb.add("escape", filter=menu, eager=True)
    def _menu_cancel(event) -> None:
        event.current_buffer.cancel_completion()

    # -- editing ------------------------------------------------------------------------------
    @bind("RevertLine", filter=editing)
    def _revert(event) -> None:
        buf = event.current_buffer
        buf.reset()

    # Undo/Redo keep prompt_toolkit from saving the line first (that would clear the
    # redo stack before Redo could use it).
    @bind("Undo", save_before=lambda e: False)
    def _undo(event) -> None:
        event.current_buffer.undo()

    @bind("Redo", save_before=lambda e: False)
    def _redo(event) -> None:
        event.current_buffer.redo()

    @bind("BackwardDeleteLine", filter=editing)
    def _delete_before(event) -> None:
        buf = event.current_buffer
        put(buf, buf.text[buf.cursor_position:], 0)

    @bind("ForwardDeleteLine", filter=editing)
    def _delete_after(event) -> None:
        buf = event.current_buffer
        put(buf, buf.text[:buf.cursor_position], buf.cursor_position)

    # -- history --------------------------------------------------------------------------------
    def history_search(event, backward: bool) -> None:
        buf = event.current_buffer
        entries = list(buf.history.get_strings())
        cursor = buf.cursor_position
        if search["text"] != buf.text or search["index"] is None:
            search["index"] = len(entries)     # a new search starts below the newest entry
        found = search_history(entries, buf.text[:cursor], search["index"], backward,
                               options.HistorySearchCaseSensitive)
        if found is None:
            return
        search["index"] = found
        text = entries[found]
        put(buf, text, len(text) if options.HistorySearchCursorMovesToEnd else cursor)
        search["text"] = buf.text

    @bind("HistorySearchBackward", filter=editing)
    def _f8(event) -> None:
        history_search(event, backward=True)

    @bind("HistorySearchForward", filter=editing)
    def _shift_f8(event) -> None:
        history_search(event, backward=False)

    # -- the greyed suggestion ----------------------------------------------------------------
    @Condition
    def suggestion_shown() -> bool:
        from prompt_toolkit.application.current import get_app
        buf = get_app().current_buffer
        return (buf.suggestion is not None and bool(buf.suggestion.text)
                and buf.document.is_cursor_at_the_end)

    @kb.add("end", filter=editing & suggestion_shown)
    def _accept_suggestion(event) -> None:
        buf = event.current_buffer
        buf.insert_text(buf.suggestion.text)

    return kb
