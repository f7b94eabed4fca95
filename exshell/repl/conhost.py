"""The classic console (conhost) of Windows Server 2008/2012: EMS 2007, 2010 and 2013.

The console, not PowerShell, edits the line there: no syntax colours, no menus, and
these keys (as conhost's cooked read handles them):

=============  ==============================================================
Tab/Shift-Tab  PowerShell's completion, cycling candidates in place
Up, Down, F5   previous / next entry of the console's history (no wrapping)
PgUp, PgDn     oldest / newest entry
F8             next older entry starting with the text left of the cursor
               (cursor stays; wraps round)
F7             the history as a numbered list: Up/Down/Home/End/PgUp/PgDn
               move, Enter runs the entry, Left/Right put it on the line,
               Delete removes it, a letter jumps to an entry starting with it,
               F9 asks for a number, Esc closes
F9             "Enter command number:" -- the entry goes on the line
F1             one character of the last recalled entry (Right at the end
               of the line does the same); F3 the rest of it
F2             "Enter char to copy up to:" -- copies from the last entry
F4             "Enter char to delete up to:" -- deletes from the cursor
Esc            clears the line
Ctrl-Home/End  delete to the start / end of the line
=============  ==============================================================

Ctrl-Z, Ctrl-Space and Ctrl-R do nothing here.  (The real console would put a ``^Z``
end-of-file mark on the line; PowerShell then rejects the line, so nothing is lost.)

The popups are drawn as conhost draws them -- a box in the popup colours, the chosen
entry inverted -- right under the input line rather than over the middle of the
window (prompt_toolkit draws below its input).  :class:`ListPopup` and
:class:`PromptPopup` are plain Python (tested without a terminal); the prompt_toolkit
bindings in :func:`make_classic_bindings` only drive them.
"""
from __future__ import annotations

from typing import Any, Callable, List, Optional, Tuple

from .console_history import ConsoleHistory

__all__ = ["ListPopup", "PromptPopup", "ClassicState", "make_classic_bindings", "input_rows",
           "NUMBER_PROMPT", "COPY_TO_PROMPT", "DELETE_TO_PROMPT", "POPUP_STYLE",
           "POPUP_SELECTED_STYLE", "copy_to_char", "delete_to_char", "copy_one", "copy_rest"]

# conhost's texts (its resource strings) and its popup sizes (prompt length + input).
NUMBER_PROMPT = "Enter command number: "
COPY_TO_PROMPT = "Enter char to copy up to: "
DELETE_TO_PROMPT = "Enter char to delete up to: "
_NUMBER_DIGITS = 5
#: The PowerShell console's popup colours (DarkCyan on White); the chosen entry inverted.
POPUP_STYLE = "bg:ansiwhite fg:ansicyan"
POPUP_SELECTED_STYLE = "bg:ansicyan fg:ansiwhite"

Line = List[Tuple[str, str]]


def _box(inner: List[Line], width: int, columns: int) -> List[Line]:
    """Frame ``inner`` rows (each ``width`` cells) and centre the box in ``columns``."""
    pad = " " * max(0, (columns - width - 2) // 2)
    out: List[Line] = [[("", pad), (POPUP_STYLE, "\u250c" + "\u2500" * width + "\u2510")]]
    for row in inner:
        out.append([("", pad), (POPUP_STYLE, "\u2502")] + row + [(POPUP_STYLE, "\u2502")])
    out.append([("", pad), (POPUP_STYLE, "\u2514" + "\u2500" * width + "\u2518")])
    return out


def _fit(text: str, width: int) -> str:
    text = text.replace("\r", " ").replace("\n", " ")
    return text[:width].ljust(width)


class ListPopup:
    """F7: the console's history, numbered from 0, the last recalled entry chosen."""

    def __init__(self, history: ConsoleHistory) -> None:
        self.history = history
        count = len(history)
        self.selected = min(max(history.last_displayed, 0), count - 1)
        self.width = max([40] + [len(c) + 4 for c in history.commands])
        self.height = min(max(count, 10), 20)
        self._bottom = 0
        self._set_bottom()

    def _set_bottom(self) -> None:
        count = len(self.history)
        if self.selected < count - self.height:
            self._bottom = max(self.selected, self.height - 1)
        else:
            self._bottom = count - 1

    def move(self, delta: int, wrap: bool = False) -> None:
        count = len(self.history)
        if not count:
            return
        new = self.selected + delta
        new = new % count if wrap else min(max(new, 0), count - 1)
        self.selected = new
        top = self._bottom - self.height + 1
        if new < top:
            self._bottom = max(new + self.height - 1, self.height - 1)
        elif new > self._bottom:
            self._bottom = new
        self._bottom = min(self._bottom, count - 1)

    def jump_to_letter(self, char: str) -> None:
        found = self.history.first_starting_with(char, self.selected)
        if found is not None:
            self.move(found - self.selected)

    def delete(self) -> bool:
        """Delete the chosen entry; False when the list is then empty (it closes)."""
        self.history.remove(self.selected)
        count = len(self.history)
        if not count:
            return False
        self.selected = min(self.selected, count - 1)
        self._set_bottom()
        return True

    def render(self, columns: int, rows: int) -> List[Line]:
        width = max(4, min(self.width, columns - 2))
        height = max(1, min(self.height, rows - 2))
        if height != self.height:
            self.height = height
            self._set_bottom()
        first = max(self._bottom - height + 1, 0)
        inner: List[Line] = []
        for i in range(first, first + height):
            if i <= self._bottom and i < len(self.history):
                text = _fit("%d: %s" % (i, self.history.commands[i]), width)
                inner.append([(POPUP_SELECTED_STYLE if i == self.selected else POPUP_STYLE, text)])
            else:
                inner.append([(POPUP_STYLE, " " * width)])
        return _box(inner, width, columns)


class PromptPopup:
    """F9 (a number), F2 and F4 (one character): a one-line box that asks."""

    def __init__(self, kind: str) -> None:
        self.kind = kind        # "number" | "copy_to" | "delete_to"
        self.typed = ""

    @property
    def prompt(self) -> str:
        return {"number": NUMBER_PROMPT, "copy_to": COPY_TO_PROMPT,
                "delete_to": DELETE_TO_PROMPT}[self.kind]

    @property
    def width(self) -> int:
        return len(self.prompt) + (_NUMBER_DIGITS if self.kind == "number" else 2)

    def type_digit(self, char: str) -> None:
        if char.isdigit() and len(self.typed) < _NUMBER_DIGITS:
            self.typed += char

    def backspace(self) -> None:
        self.typed = self.typed[:-1]

    def number(self) -> int:
        return int(self.typed) if self.typed else 0

    def render(self, columns: int, rows: int) -> List[Line]:
        width = max(4, min(self.width, columns - 2))
        return _box([[(POPUP_STYLE, _fit(self.prompt + self.typed, width))]], width, columns)


def input_rows(prompt: str, text: str, columns: int, continuation: int = 3) -> int:
    """How many screen rows the input takes: the prompt and the first line, then each
    further line after its continuation prompt (``>> ``), each wrapped at ``columns``.
    A popup has the rest of the window."""
    columns = max(1, columns)
    rows = 0
    for k, line in enumerate(text.split("\n")):
        cells = (len(prompt) if k == 0 else continuation) + len(line)
        rows += max(1, -(-cells // columns))
    return rows


# ------------------------------------------------------------------ line operations
# Each takes the line and the cursor and returns the new (text, cursor).

def copy_one(text: str, cursor: int, last: str) -> Tuple[str, int]:
    """F1 / Right at the end of the line: move right, or at the end copy the character
    of the last entry at that position."""
    if cursor < len(text):
        return text, cursor + 1
    if cursor < len(last):
        return text + last[cursor], cursor + 1
    return text, cursor


def copy_rest(text: str, cursor: int, last: str) -> Tuple[str, int]:
    """F3: the last entry from the cursor position on, over what is there."""
    if len(last) <= cursor:
        return text, cursor
    new = text[:cursor] + last[cursor:]
    new += text[len(new):]
    return new, len(last)


def copy_to_char(text: str, cursor: int, last: str, char: str) -> Tuple[str, int]:
    """F2: from the last entry, the part from the cursor position up to (not including)
    the next ``char`` after it, inserted at the cursor; nothing when it is not there."""
    if cursor >= len(last):
        return text, cursor
    found = last.find(char, cursor + 1)
    if found < 0:
        return text, cursor
    piece = last[cursor:found]
    return text[:cursor] + piece + text[cursor:], cursor + len(piece)


def delete_to_char(text: str, cursor: int, char: str) -> Tuple[str, int]:
    """F4: delete from the cursor up to (not including) the next ``char`` after it; to
    the end of the line when there is none."""
    found = text.find(char, cursor + 1)
    if found < 0:
        return text[:cursor], cursor
    return text[:cursor] + text[found:], cursor


# ------------------------------------------------------------------ prompt_toolkit glue

class ClassicState:
    """What the classic console keeps between keys: its history, the open popup(s),
    the Tab cycle.  ``popup`` is the one that takes the keys; ``under`` the F7 list an
    F9 popup was opened from."""

    def __init__(self, history: ConsoleHistory, tab: Any) -> None:
        self.history = history
        self.tab = tab
        self.popup: Any = None
        self.under: Any = None

    def close(self) -> None:
        self.popup = self.under = None

    def toolbar(self, columns: int, rows: int) -> Any:
        """The open popup as formatted text lines (for the toolbar under the input;
        ``rows``: the window's rows the input leaves it)."""
        if self.popup is None:
            return []
        fragments: List[Tuple[str, str]] = []
        for k, line in enumerate(self.popup.render(columns, max(3, rows))):
            if k:
                fragments.append(("", "\n"))
            fragments.extend(line)
        return fragments


def make_classic_bindings(state: ClassicState, on_popup: Callable[[bool], None]):
    """The classic console's keys (imports prompt_toolkit).  ``on_popup(open)`` is told
    when a popup opens or closes (the REPL shows or hides its toolbar)."""
    from prompt_toolkit.key_binding import KeyBindings

    kb = KeyBindings()
    keys = _Keys(state, on_popup)
    _bind_completion(kb, keys)
    _bind_history(kb, keys)
    _bind_copying(kb, keys)
    _bind_line_editing(kb, keys)
    _bind_popup_openers(kb, keys)
    _bind_list_popup(kb, keys)
    _bind_prompt_popups(kb, keys)
    return kb


class _Keys:
    """What every binding below shares: the state, the filters that say which keys
    apply (editing the line, or a popup taking the keys) and small line helpers."""

    def __init__(self, state: ClassicState, on_popup: Callable[[bool], None]) -> None:
        from prompt_toolkit.enums import DEFAULT_BUFFER
        from prompt_toolkit.filters import Condition, has_completions, has_focus

        self.state = state
        self.on_popup = on_popup
        self.on_input = has_focus(DEFAULT_BUFFER)
        self.popup_open = Condition(lambda: state.popup is not None)
        self.is_list = Condition(lambda: isinstance(state.popup, ListPopup))
        self.is_prompt = Condition(lambda: isinstance(state.popup, PromptPopup))
        self.editing = self.on_input & ~self.popup_open
        self.no_menu = ~has_completions

    @staticmethod
    def put(buf, text: str, cursor: Optional[int] = None) -> None:
        """Replace the line, the cursor at ``cursor`` (None: the end)."""
        buf.text = text
        buf.cursor_position = len(text) if cursor is None else min(cursor, len(text))

    def open_popup(self, popup: Any) -> None:
        self.state.popup = popup
        self.on_popup(True)

    def close_popup(self) -> None:
        self.state.close()
        self.on_popup(False)

    def last(self) -> str:
        """The entry the copy keys (F1, F2, F3, Right) copy from."""
        return self.state.history.last_recalled()


def _bind_completion(kb: Any, keys: _Keys) -> None:
    """Tab and Shift-Tab cycle the candidates in place."""
    def press(event, backward: bool) -> None:
        buf = event.current_buffer
        done = keys.state.tab.press(buf.text, buf.cursor_position, backward=backward)
        if done is not None:
            keys.put(buf, *done)

    kb.add("tab", filter=keys.editing)(lambda event: press(event, False))
    kb.add("s-tab", filter=keys.editing)(lambda event: press(event, True))


def _bind_history(kb: Any, keys: _Keys) -> None:
    """Up/F5 and Down walk the history (or the lines of a multi-line input), PgUp and
    PgDn jump to its ends, F8 searches it by the text left of the cursor."""
    history = keys.state.history

    @kb.add("up", filter=keys.editing & keys.no_menu)
    @kb.add("f5", filter=keys.editing)
    def _up(event) -> None:
        buf = event.current_buffer
        if "\n" in buf.document.text_before_cursor:
            buf.cursor_up()
            return
        entry = history.previous()
        if entry is not None:
            keys.put(buf, entry)

    @kb.add("down", filter=keys.editing & keys.no_menu)
    def _down(event) -> None:
        buf = event.current_buffer
        if "\n" in buf.document.text_after_cursor:
            buf.cursor_down()
            return
        entry = history.next()
        if entry is not None:
            keys.put(buf, entry)

    @kb.add("pageup", filter=keys.editing)
    def _oldest(event) -> None:
        entry = history.oldest()
        if entry is not None:
            history.nth(0)
            keys.put(event.current_buffer, entry)

    @kb.add("pagedown", filter=keys.editing)
    def _newest(event) -> None:
        entry = history.newest()
        if entry is not None:
            keys.put(event.current_buffer, entry)

    @kb.add("f8", filter=keys.editing)
    def _f8(event) -> None:
        buf = event.current_buffer
        cursor = buf.cursor_position
        entry = history.matching(buf.text[:cursor])
        if entry is not None:
            keys.put(buf, entry, cursor)


def _bind_copying(kb: Any, keys: _Keys) -> None:
    """F1 (and Right at the end of the line) copy one character of the last entry,
    F3 the rest of it."""
    @kb.add("f1", filter=keys.editing)
    def _f1(event) -> None:
        buf = event.current_buffer
        keys.put(buf, *copy_one(buf.text, buf.cursor_position, keys.last()))

    @kb.add("right", filter=keys.editing & keys.no_menu)
    def _right(event) -> None:
        buf = event.current_buffer
        if buf.cursor_position < len(buf.text):
            buf.cursor_position += 1
            return
        keys.put(buf, *copy_one(buf.text, buf.cursor_position, keys.last()))

    @kb.add("f3", filter=keys.editing)
    def _f3(event) -> None:
        buf = event.current_buffer
        keys.put(buf, *copy_rest(buf.text, buf.cursor_position, keys.last()))


def _bind_line_editing(kb: Any, keys: _Keys) -> None:
    """Esc clears the line, Ctrl-Home/Ctrl-End delete to its start/end; the keys
    PSReadLine has and conhost has not do nothing."""
    @kb.add("escape", filter=keys.editing)
    def _escape(event) -> None:
        keys.put(event.current_buffer, "")

    @kb.add("c-home", filter=keys.editing)
    def _delete_before(event) -> None:
        buf = event.current_buffer
        keys.put(buf, buf.text[buf.cursor_position:], 0)

    @kb.add("c-end", filter=keys.editing)
    def _delete_after(event) -> None:
        buf = event.current_buffer
        keys.put(buf, buf.text[:buf.cursor_position], buf.cursor_position)

    @kb.add("c-z", filter=keys.on_input)
    @kb.add("c-space", filter=keys.on_input)
    @kb.add("c-r", filter=keys.on_input)
    @kb.add("c-s", filter=keys.on_input)
    @kb.add("f6", filter=keys.on_input)
    def _nothing(event) -> None:
        pass


def _bind_popup_openers(kb: Any, keys: _Keys) -> None:
    """F7 opens the history list, F9/F2/F4 their one-line prompts (none of them with
    an empty history)."""
    openers = (("f7", lambda: ListPopup(keys.state.history)),
               ("f9", lambda: PromptPopup("number")),
               ("f2", lambda: PromptPopup("copy_to")),
               ("f4", lambda: PromptPopup("delete_to")))
    for key, make in openers:
        def _open(event, make=make) -> None:
            if len(keys.state.history):
                keys.open_popup(make())
        kb.add(key, filter=keys.editing)(_open)


def _bind_list_popup(kb: Any, keys: _Keys) -> None:
    """The F7 list: moving, Enter runs the entry, Left/Right take it, Delete removes
    it, F9 asks for a number (letters: :func:`_bind_prompt_popups`)."""
    state = keys.state
    for key, delta in (("up", -1), ("down", 1), ("pageup", "page-"), ("pagedown", "page+"),
                       ("home", "home"), ("end", "end")):
        def _move(event, delta=delta) -> None:
            popup = state.popup
            count = len(popup.history)
            step = {"page-": -popup.height, "page+": popup.height, "home": -count,
                    "end": count}.get(delta, delta)
            popup.move(step)
        kb.add(key, filter=keys.is_list, eager=True)(_move)

    @kb.add("enter", filter=keys.is_list, eager=True)
    def _list_enter(event) -> None:
        index = state.popup.selected
        keys.close_popup()
        buf = event.current_buffer
        keys.put(buf, state.history.nth(index) or "")
        buf.validate_and_handle()

    @kb.add("left", filter=keys.is_list, eager=True)
    @kb.add("right", filter=keys.is_list, eager=True)
    def _list_take(event) -> None:
        index = state.popup.selected
        keys.close_popup()
        keys.put(event.current_buffer, state.history.nth(index) or "")

    @kb.add("backspace", filter=keys.is_list, eager=True)
    def _list_ignore(event) -> None:
        pass

    @kb.add("delete", filter=keys.is_list, eager=True)
    def _list_delete(event) -> None:
        if not state.popup.delete():
            keys.close_popup()

    @kb.add("f9", filter=keys.is_list, eager=True)
    def _list_number(event) -> None:
        state.under = state.popup
        state.popup = PromptPopup("number")


def _bind_prompt_popups(kb: Any, keys: _Keys) -> None:
    """The one-line prompts (F9 number, F2 copy-to, F4 delete-to), Esc in any popup,
    and the characters a popup takes."""
    from prompt_toolkit.keys import Keys
    state = keys.state

    @kb.add("enter", filter=keys.is_prompt, eager=True)
    def _prompt_enter(event) -> None:
        popup = state.popup
        keys.close_popup()
        if popup.kind == "number":
            keys.put(event.current_buffer, state.history.nth(popup.number()) or "")
        # F2/F4 take Enter as their character (it is never on the line): nothing to do.

    @kb.add("backspace", filter=keys.is_prompt, eager=True)
    def _prompt_backspace(event) -> None:
        if state.popup.kind == "number":
            state.popup.backspace()
        else:
            keys.close_popup()

    @kb.add("escape", filter=keys.popup_open, eager=True)
    def _popup_escape(event) -> None:
        keys.close_popup()

    @kb.add(Keys.Any, filter=keys.popup_open, eager=True)
    def _popup_char(event) -> None:
        popup = state.popup
        char = event.data or ""
        if isinstance(popup, ListPopup):
            if len(char) == 1 and char.isprintable():
                popup.jump_to_letter(char)
            return
        if popup.kind == "number":
            popup.type_digit(char[:1])
            return
        if len(char) != 1 or not char.isprintable():
            return
        keys.close_popup()
        buf = event.current_buffer
        if popup.kind == "copy_to":
            keys.put(buf, *copy_to_char(buf.text, buf.cursor_position, keys.last(), char))
        else:
            keys.put(buf, *delete_to_char(buf.text, buf.cursor_position, char))
