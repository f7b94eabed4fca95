"""Key handling of the REPL: when Enter runs the input, when it continues it.

The decisions are plain functions of the text (tested without a terminal); the
prompt_toolkit bindings in :func:`make_key_bindings` only apply them.

* **Enter** runs the input when the parser says it is complete (or wrong: the
  error is then shown by ``Shell.run``).  When the parser says it is *incomplete*
  (``IncompleteInput``: open brace or paren, unterminated string or here-string,
  trailing pipe, operator, comma or backtick) a new ``>> `` line starts, as in
  the console.  An empty ``>> `` line ends the input whatever its state, so
  nothing can trap the user in continuation mode.  (PowerShell 2.0's own console
  also waits for that empty line after complete input; like PSReadLine we run
  complete input at once.)
* **Escape, Enter** (Alt-Enter) always inserts a line break at the cursor.
* **Bracketed paste** inserts the pasted text as it is, line breaks included; when
  it ends with a line break and the whole input is then complete, it runs at once
  as ONE input (a pasted multi-line script is not cut into lines).
* **Enter with a completion selected in the menu** takes the completion.
"""
from __future__ import annotations

from typing import Any

__all__ = ["is_incomplete", "enter_action", "paste_action", "normalize_paste",
           "make_key_bindings", "ACCEPT", "NEWLINE", "KEEP"]

ACCEPT = "accept"
NEWLINE = "newline"
KEEP = "keep"


def is_incomplete(shell: Any, text: str) -> bool:
    """Whether the parser wants more lines for ``text``.  Never raises: any failure
    of the parser counts as complete, so Enter still runs the input and the shell
    reports what it can."""
    if not text.strip():
        return False
    from ..lang.errors import IncompleteInput
    try:
        shell.parse(text)
    except IncompleteInput:
        return True
    except Exception:  # a parse error (or a parser bug): not a reason to wait
        return False
    return False


def enter_action(shell: Any, text: str) -> str:
    """ACCEPT to run ``text`` now, NEWLINE to continue it on a ``>> `` line."""
    if "\n" in text and text.rsplit("\n", 1)[1].strip() == "":
        return ACCEPT  # an empty continuation line ends the input
    return NEWLINE if is_incomplete(shell, text) else ACCEPT


def normalize_paste(data: str) -> str:
    """Terminals paste with CR or CRLF line ends; the buffer uses LF only."""
    return data.replace("\r\n", "\n").replace("\r", "\n")


def paste_action(shell: Any, text: str) -> str:
    """After a paste that left ``text`` in the buffer: ACCEPT (run it) when the
    paste ended a line and the input is complete, else KEEP it for editing."""
    if not text.endswith("\n") or not text.strip():
        return KEEP
    return KEEP if is_incomplete(shell, text.rstrip("\n")) else ACCEPT


def make_key_bindings(shell: Any):
    """The REPL's prompt_toolkit key bindings (imports prompt_toolkit)."""
    from prompt_toolkit.enums import DEFAULT_BUFFER
    from prompt_toolkit.filters import has_focus
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys

    kb = KeyBindings()
    # Only the input line: Ctrl-R's search field keeps prompt_toolkit's own keys.
    on_input = has_focus(DEFAULT_BUFFER)

    @kb.add("enter", filter=on_input)
    def _enter(event) -> None:
        buf = event.current_buffer
        state = buf.complete_state
        if state is not None and state.current_completion is not None:
            buf.apply_completion(state.current_completion)
            return
        if enter_action(shell, buf.text) == ACCEPT:
            buf.text = buf.text.rstrip("\n") if "\n" in buf.text else buf.text
            buf.validate_and_handle()
        else:
            buf.cursor_position = len(buf.text)
            buf.insert_text("\n")

    @kb.add("escape", "enter", filter=on_input)
    def _newline(event) -> None:
        event.current_buffer.insert_text("\n")

    @kb.add(Keys.BracketedPaste, filter=on_input)
    def _paste(event) -> None:
        buf = event.current_buffer
        buf.insert_text(normalize_paste(event.data))
        if buf.cursor_position == len(buf.text) and paste_action(shell, buf.text) == ACCEPT:
            buf.text = buf.text.rstrip("\n")
            buf.validate_and_handle()

    return kb
