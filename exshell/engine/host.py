"""The host interface: everything the engine needs from the outside world.

The engine never touches stdin, stdout or the terminal itself.  It talks to a
:class:`Host`: the terminal width, writing text to the output and error streams, and
reading answers.  ``exshell.host`` has the console implementation and a recording
host for tests; the REPL plugs in its own.

:meth:`Host.prompt_for_choice` implements the console host's choice prompt
(PowerShell's ``PromptForChoice``): caption, message, the choices line wrapped to the
window, ``?`` for help, the default on an empty answer.  It is built on
:meth:`Host.read_line`, so every host gets the same layout.
"""
from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

from ..structs import Struct

__all__ = ["Host", "Choice", "HostUnavailable", "NONINTERACTIVE_MESSAGE", "YES_NO_CHOICES"]

NONINTERACTIVE_MESSAGE = ("Windows PowerShell is in NonInteractive mode. Read and Prompt "
                          "functionality is not available.")


class HostUnavailable(Exception):
    """The host cannot ask (``-NonInteractive``, or input ended)."""

    def __init__(self, message: str = NONINTERACTIVE_MESSAGE):
        super().__init__(message)
        self.message = message


class Choice(Struct, frozen=True):
    """``&Yes`` style label (the letter after ``&`` is the hotkey) and help text."""

    label: str
    help: str = ""

    @property
    def hotkey(self) -> str:
        i = self.label.find("&")
        return self.label[i + 1].upper() if 0 <= i < len(self.label) - 1 else ""

    @property
    def plain(self) -> str:
        return self.label.replace("&", "")


YES_NO_CHOICES: Tuple[Choice, ...] = (
    Choice("&Yes", "Continue with only the next step of the operation."),
    Choice("Yes to &All", "Continue with all the steps of the operation."),
    Choice("&No", "Skip this operation and proceed with the next operation."),
    Choice("No to A&ll", "Skip this operation and all subsequent operations."),
)
SUSPEND_CHOICE = Choice("&Suspend", 'Pause the current pipeline and return to the command prompt. '
                                    'Type "exit" to resume the pipeline.')


class Host:
    """Base host: subclasses implement ``write`` and ``read_line``."""

    #: Buffer width in columns (the formatter uses width - 1, like the console).
    width: int = 120
    #: False under ``-NonInteractive``: any prompt raises HostUnavailable.
    interactive: bool = True
    #: Whether colour escapes may be written.
    color: bool = False

    # -- output -------------------------------------------------------------------
    def write(self, text: str, stream: str = "output", fg: Optional[str] = None,
              bg: Optional[str] = None) -> None:
        raise NotImplementedError

    def write_line(self, text: str = "", stream: str = "output", fg: Optional[str] = None,
                   bg: Optional[str] = None) -> None:
        self.write(text + "\n", stream, fg, bg)

    def write_lines(self, lines: Sequence[str], stream: str = "output") -> None:
        for line in lines:
            self.write_line(line, stream)

    def page(self, lines: Sequence[str]) -> None:
        """Long output a screenful at a time (what ``help`` pipes to ``more``); a host
        that cannot ask for a key writes it all."""
        self.write_lines(lines)

    def write_error_lines(self, lines: Sequence[str]) -> None:
        for line in lines:
            self.write_line(line, "error", fg="Red")

    def write_warning(self, text: str) -> None:
        self.write_line("WARNING: " + text, "warning", fg="Yellow")

    def write_verbose(self, text: str) -> None:
        self.write_line("VERBOSE: " + text, "verbose", fg="Yellow")

    def write_debug(self, text: str) -> None:
        self.write_line("DEBUG: " + text, "debug", fg="Yellow")

    # -- input --------------------------------------------------------------------
    #: Called before the host waits for the user (the context sets it: nothing may
    #: stay locked while a prompt waits).
    before_input = None
    #: Called with (answer, secure) after the user answered a question (the context
    #: sets it: a lab's command log records the answers given at prompts).
    after_input = None

    def waiting(self) -> None:
        hook = self.before_input
        if hook is not None:
            hook()

    def answered(self, answer: str, secure: bool = False) -> None:
        hook = self.after_input
        if hook is not None:
            hook(answer, secure)

    def read_line(self, prompt: str = "", secure: bool = False) -> Optional[str]:
        """Show ``prompt`` and read one line; None at end of input.  Raise
        HostUnavailable when the host cannot ask at all."""
        raise NotImplementedError

    def ask(self, prompt: str, secure: bool = False) -> str:
        if not self.interactive:
            raise HostUnavailable()
        self.waiting()
        answer = self.read_line(prompt, secure)
        if answer is None:
            raise HostUnavailable()
        self.answered(answer, secure)
        return answer

    def prompt_for_choice(self, caption: str, message: str, choices: Sequence[Choice],
                          default: int = 0) -> int:
        """PowerShell's console choice prompt; returns the index chosen."""
        if not self.interactive:
            raise HostUnavailable()
        self.write_line("")
        if caption:
            self.write_line(caption)
        if message:
            self.write_line(message)
        default_text = '(default is "%s"): ' % choices[default].hotkey if default >= 0 else ""
        pieces = ["[%s] %s  " % (c.hotkey, c.plain) for c in choices] + ["[?] Help ", default_text]
        while True:
            prompt = self._choice_line(pieces)
            answer = self.ask(prompt).strip()
            if answer == "" and default >= 0:
                return default
            if answer == "?":
                for c in choices:
                    self.write_line("%s - %s" % (c.hotkey, c.help))
                continue
            folded = answer.casefold()
            for i, c in enumerate(choices):
                if c.plain.casefold() == folded:
                    return i
            for i, c in enumerate(choices):
                if c.hotkey.casefold() == folded:
                    return i
            # Anything else: the choices line again.

    def _choice_line(self, pieces: List[str]) -> str:
        """Join the choice pieces, breaking before a piece that would pass width - 1."""
        limit = max(self.width - 1, 20)
        lines: List[str] = []
        current = ""
        for piece in pieces:
            if current and len(current) + len(piece.rstrip()) > limit:
                lines.append(current.rstrip())
                current = ""
            current += piece
        head = "\n".join(lines)
        return (head + "\n" + current) if head else current
