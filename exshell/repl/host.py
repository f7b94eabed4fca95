"""The REPL's host: prompt_toolkit output with colours, prompts read with prompt_toolkit.

:class:`ReplHost` is a :class:`~exshell.host.ConsoleHost` (same width rule: the
terminal's columns, read at every call, so output re-flows after a resize) that

* writes coloured text (errors red, warnings yellow, ``Write-Host -ForegroundColor``)
  with ``print_formatted_text`` on the REPL's prompt_toolkit output, and plain text
  straight to the terminal (fast for long listings);
* reads answers (ShouldProcess/ShouldContinue choices, Read-Host, mandatory
  parameter prompts) with a small prompt_toolkit ``PromptSession`` of its own.  A
  command runs after the input line was accepted, so no application is running
  then and a nested prompt is safe.  Ctrl-C there raises KeyboardInterrupt, which
  stops the pipeline (``Shell.run`` reports it and the shell goes on); Ctrl-D is
  end of input (the engine turns it into its "cannot prompt" error).

All prompt_toolkit imports happen inside methods: the module is cheap to import.
"""
from __future__ import annotations

import sys
from typing import IO, Any, Optional

from ..host import ConsoleHost
from ..engine.host import HostUnavailable

__all__ = ["ReplHost", "CONSOLE_COLORS", "color_style", "MORE_PROMPT"]

#: more.com's prompt between screenfuls (``help`` pipes its text to it).
MORE_PROMPT = "-- More  --"

#: System.ConsoleColor -> prompt_toolkit ANSI colour names.  Windows' "Dark" colours
#: are the normal ANSI ones and its plain colours the bright ones (Red = bright red).
CONSOLE_COLORS = {
    "black": "ansiblack", "darkblue": "ansiblue", "darkgreen": "ansigreen",
    "darkcyan": "ansicyan", "darkred": "ansired", "darkmagenta": "ansimagenta",
    "darkyellow": "ansiyellow", "gray": "ansigray", "darkgray": "ansibrightblack",
    "blue": "ansibrightblue", "green": "ansibrightgreen", "cyan": "ansibrightcyan",
    "red": "ansibrightred", "magenta": "ansibrightmagenta", "yellow": "ansibrightyellow",
    "white": "ansiwhite",
}


def color_style(fg: Optional[str], bg: Optional[str]) -> str:
    """The prompt_toolkit style string for ConsoleColor names (unknown names ignored)."""
    parts = []
    if fg and fg.casefold() in CONSOLE_COLORS:
        parts.append(CONSOLE_COLORS[fg.casefold()])
    if bg and bg.casefold() in CONSOLE_COLORS:
        parts.append("bg:" + CONSOLE_COLORS[bg.casefold()])
    return " ".join(parts)


class ReplHost(ConsoleHost):
    def __init__(self, *, pt_output: Any = None, pt_input: Any = None,
                 stdout: Optional[IO[str]] = None, interactive: bool = True,
                 width: Optional[int] = None):
        out = stdout or sys.stdout
        # Errors share the terminal with the output: one stream keeps them in order.
        super().__init__(stdin=sys.stdin, stdout=out, stderr=out, interactive=interactive,
                         width=width)
        self._pt_output = pt_output
        self._pt_input = pt_input
        self._answers: Any = None

    def attach(self, pt_input: Any, pt_output: Any) -> None:
        """Use the REPL's prompt_toolkit input/output (once prompt_toolkit is loaded;
        until then text is written plainly)."""
        self._pt_input = pt_input
        self._pt_output = pt_output
        self._answers = None

    # -- output -------------------------------------------------------------------
    def clear_screen(self) -> None:
        """Clear-Host / cls: erase the terminal and put the cursor home."""
        if self._pt_output is None:
            return
        try:
            self.stdout.flush()
            self._pt_output.erase_screen()
            self._pt_output.cursor_goto(0, 0)
            self._pt_output.flush()
        except (OSError, ValueError):
            pass

    def write(self, text: str, stream: str = "output", fg: Optional[str] = None,
              bg: Optional[str] = None) -> None:
        style = color_style(fg, bg) if (fg or bg) else ""
        try:
            if not style or self._pt_output is None:
                self.stdout.write(text)
                self.stdout.flush()
                return
            from prompt_toolkit import print_formatted_text
            from prompt_toolkit.formatted_text import FormattedText
            self.stdout.flush()
            # The colour stops before the newline, as the console paints only the text.
            body, nl = (text[:-1], "\n") if text.endswith("\n") else (text, "")
            print_formatted_text(FormattedText([(style, body)]), end="", output=self._pt_output)
            self.stdout.write(nl)
            self.stdout.flush()
        except (BrokenPipeError, ValueError, OSError):
            pass

    # -- paging -------------------------------------------------------------------
    def rows(self) -> int:
        try:
            return self._pt_output.get_size().rows if self._pt_output is not None else 24
        except (OSError, ValueError):
            return 24

    def page(self, lines) -> None:
        """more.com's way: a screenful, then ``-- More  --`` until a key: Space shows the
        next screenful, Enter the next line, Q (or Esc) stops; Ctrl-C stops the command."""
        lines = list(lines)
        if not self.interactive or self._pt_output is None:
            self.write_lines(lines)
            return
        room = max(self.rows() - 1, 1)
        shown = min(room, len(lines))
        self.write_lines(lines[:shown])
        while shown < len(lines):
            key = self._more_key()
            if key == "quit":
                return
            step = room if key == "page" else 1
            self.write_lines(lines[shown:shown + step])
            shown += step

    def _more_key(self) -> str:
        """Show the ``-- More  --`` line and wait for one key: page | line | quit."""
        from prompt_toolkit.application import Application
        from prompt_toolkit.key_binding import KeyBindings
        from prompt_toolkit.keys import Keys
        from prompt_toolkit.layout import FormattedTextControl, Layout, Window
        kb = KeyBindings()

        @kb.add(" ")
        def _page(event) -> None:
            event.app.exit(result="page")

        @kb.add("enter")
        def _line(event) -> None:
            event.app.exit(result="line")

        @kb.add("q")
        @kb.add("Q")
        @kb.add("c-d")
        @kb.add("escape", eager=True)
        def _quit(event) -> None:
            event.app.exit(result="quit")

        @kb.add("c-c")
        def _stop(event) -> None:
            event.app.exit(exception=KeyboardInterrupt())

        @kb.add(Keys.Any)
        def _other(event) -> None:
            pass

        self.stdout.flush()
        app = Application(layout=Layout(Window(FormattedTextControl(MORE_PROMPT), height=1)),
                          key_bindings=kb, full_screen=False, erase_when_done=True,
                          input=self._pt_input, output=self._pt_output)
        try:
            return app.run() or "quit"
        except EOFError:
            return "quit"

    # -- input --------------------------------------------------------------------
    def _session(self) -> Any:
        if self._answers is None:
            from prompt_toolkit import PromptSession
            from prompt_toolkit.history import InMemoryHistory
            self._answers = PromptSession(history=InMemoryHistory(), output=self._pt_output,
                                          input=self._pt_input, multiline=False,
                                          enable_system_prompt=False, enable_suspend=False)
        return self._answers

    def read_line(self, prompt: str = "", secure: bool = False) -> Optional[str]:
        if not self.interactive:
            raise HostUnavailable()
        # A multi-line prompt (the choices line wrapped to the window): the lines
        # before the last are ordinary output, the last one is the prompt proper.
        *head, last = prompt.split("\n")
        for line in head:
            self.write_line(line)
        self.stdout.flush()
        try:
            return self._session().prompt(last, is_password=secure)
        except EOFError:
            self.write_line("")
            return None
