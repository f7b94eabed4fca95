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

__all__ = ["ListPopup", "PromptPopup", "ClassicState", "make_classic_bindings",
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
        """The open popup as formatted text lines (for the toolbar under the input)."""
        if self.popup is None:
            return []
        fragments: List[Tuple[str, str]] = []
        for k, line in enumerate(self.popup.render(columns, rows)):
            if k:
                fragments.append(("", "\n"))
            fragments.extend(line)
        return fragments


def make_classic_bindings(state: ClassicState, on_popup: Callable[[bool], None]):
    """The classic console's keys (imports prompt_toolkit).  ``on_popup(open)`` is told
    when a popup opens or closes (the REPL shows or hides its toolbar)."""
    from prompt_toolkit.filters import Condition, has_completions, has_focus
    from prompt_toolkit.enums import DEFAULT_BUFFER
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys

    kb = KeyBindings()
    on_input = has_focus(DEFAULT_BUFFER)
    popup_open = Condition(lambda: state.popup is not None)
    is_list = Condition(lambda: isinstance(state.popup, ListPopup))
    is_prompt = Condition(lambda: isinstance(state.popup, PromptPopup))
    editing = on_input & ~popup_open

    def put(buf, text: str, cursor: Optional[int] = None) -> None:
        buf.text = text
        buf.cursor_position = len(text) if cursor is None else min(cursor, len(text))

    def open_popup(popup: Any) -> None:
        state.popup = popup
        on_popup(True)

    def close_popup() -> None:
        state.close()
        on_popup(False)

    def first_line(buf) -> bool:
        return "\n" not in buf.document.text_before_cursor

    def last_line(buf) -> bool:
        return "\n" not in buf.document.text_after_cursor

    # -- completion: Tab cycles in place ------------------------------------------------
    @kb.add("tab", filter=editing)
    def _tab(event) -> None:
        buf = event.current_buffer
        done = state.tab.press(buf.text, buf.cursor_position)
        if done is not None:
            put(buf, *done)

    @kb.add("s-tab", filter=editing)
    def _shift_tab(event) -> None:
        buf = event.current_buffer
        done = state.tab.press(buf.text, buf.cursor_position, backward=True)
        if done is not None:
            put(buf, *done)

    # -- history --------------------------------------------------------------------------
    @kb.add("up", filter=editing & ~has_completions)
    @kb.add("f5", filter=editing)
    def _up(event) -> None:
        buf = event.current_buffer
        if not first_line(buf):
            buf.cursor_up()
            return
        entry = state.history.previous()
        if entry is not None:
            put(buf, entry)

    @kb.add("down", filter=editing & ~has_completions)
    def _down(event) -> None:
        buf = event.current_buffer
        if not last_line(buf):
            buf.cursor_down()
            return
        entry = state.history.next()
        if entry is not None:
            put(buf, entry)

    @kb.add("pageup", filter=editing)
    def _oldest(event) -> None:
        entry = state.history.oldest()
        if entry is not None:
            state.history.nth(0)
            put(event.current_buffer, entry)

    @kb.add("pagedown", filter=editing)
    def _newest(event) -> None:
        entry = state.history.newest()
        if entry is not None:
            put(event.current_buffer, entry)

    @kb.add("f8", filter=editing)
    def _f8(event) -> None:
        buf = event.current_buffer
        cursor = buf.cursor_position
        entry = state.history.matching(buf.text[:cursor])
        if entry is not None:
            put(buf, entry, cursor)

    # -- copying from the last entry --------------------------------------------------------
    @kb.add("f1", filter=editing)
    def _f1(event) -> None:
        buf = event.current_buffer
        put(buf, *copy_one(buf.text, buf.cursor_position, state.history.last_recalled()))

    @kb.add("right", filter=editing & ~has_completions)
    def _right(event) -> None:
        buf = event.current_buffer
        if buf.cursor_position < len(buf.text):
            buf.cursor_position += 1
            return
        put(buf, *copy_one(buf.text, buf.cursor_position, state.history.last_recalled()))

    @kb.add("f3", filter=editing)
    def _f3(event) -> None:
        buf = event.current_buffer
        put(buf, *copy_rest(buf.text, buf.cursor_position, state.history.last_recalled()))

    # -- line editing -----------------------------------------------------------------------
    @kb.add("escape", filter=editing)
    def _escape(event) -> None:
        put(event.current_buffer, "")

    @kb.add("c-home", filter=editing)
    def _delete_before(event) -> None:
        buf = event.current_buffer
        put(buf, buf.text[buf.cursor_position:], 0)

    @kb.add("c-end", filter=editing)
    def _delete_after(event) -> None:
        buf = event.current_buffer
        put(buf, buf.text[:buf.cursor_position], buf.cursor_position)

    @kb.add("c-z", filter=on_input)
    @kb.add("c-space", filter=on_input)
    @kb.add("c-r", filter=on_input)
    @kb.add("c-s", filter=on_input)
    @kb.add("f6", filter=on_input)
    def _nothing(event) -> None:
        pass

    # -- popups -----------------------------------------------------------------------------
    @kb.add("f7", filter=editing)
    def _f7(event) -> None:
        if len(state.history):
            open_popup(ListPopup(state.history))

    @kb.add("f9", filter=editing)
    def _f9(event) -> None:
        if len(state.history):
            open_popup(PromptPopup("number"))

    @kb.add("f2", filter=editing)
    def _f2(event) -> None:
        if len(state.history):
            open_popup(PromptPopup("copy_to"))

    @kb.add("f4", filter=editing)
    def _f4(event) -> None:
        if len(state.history):
            open_popup(PromptPopup("delete_to"))

    # In the F7 list.
    for key, delta in (("up", -1), ("down", 1), ("pageup", "page-"), ("pagedown", "page+"),
                       ("home", "home"), ("end", "end")):
        def _move(event, delta=delta) -> None:
            popup = state.popup
            count = len(popup.history)
            step = {"page-": -popup.height, "page+": popup.height, "home": -count,
                    "end": count}.get(delta, delta)
            popup.move(step)
        kb.add(key, filter=is_list, eager=True)(_move)

    @kb.add("enter", filter=is_list, eager=True)
    def _list_enter(event) -> None:
        index = state.popup.selected
        close_popup()
        buf = event.current_buffer
        put(buf, state.history.nth(index) or "")
        buf.validate_and_handle()

    @kb.add("left", filter=is_list, eager=True)
    @kb.add("right", filter=is_list, eager=True)
    def _list_take(event) -> None:
        index = state.popup.selected
        close_popup()
        put(event.current_buffer, state.history.nth(index) or "")

    @kb.add("backspace", filter=is_list, eager=True)
    def _list_ignore(event) -> None:
        pass

    @kb.add("delete", filter=is_list, eager=True)
    def _list_delete(event) -> None:
        if not state.popup.delete():
            close_popup()

    @kb.add("f9", filter=is_list, eager=True)
    def _list_number(event) -> None:
        state.under = state.popup
        state.popup = PromptPopup("number")

    # In the one-line prompts.
    @kb.add("enter", filter=is_prompt, eager=True)
    def _prompt_enter(event) -> None:
        popup = state.popup
        buf = event.current_buffer
        if popup.kind == "number":
            close_popup()
            put(buf, state.history.nth(popup.number()) or "")
            return
        # F2/F4 take Enter as their character (it is never on the line): nothing to do.
        close_popup()

    @kb.add("backspace", filter=is_prompt, eager=True)
    def _prompt_backspace(event) -> None:
        if state.popup.kind == "number":
            state.popup.backspace()
        else:
            close_popup()

    @kb.add("escape", filter=popup_open, eager=True)
    def _popup_escape(event) -> None:
        close_popup()

    @kb.add(Keys.Any, filter=popup_open, eager=True)
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
        close_popup()
        buf = event.current_buffer
        if popup.kind == "copy_to":
            put(buf, *copy_to_char(buf.text, buf.cursor_position, state.history.last_recalled(), char))
        else:
            put(buf, *delete_to_char(buf.text, buf.cursor_position, char))

    return kb
