"""Start-Transcript's record: everything the console shows, in a file.

A :class:`Transcript` writes PowerShell's layout: a header (start time, user, machine,
and on 5.1 the host application and ``$PSVersionTable``), then every line the console
shows -- the prompt with the line typed, the output, errors, warnings, questions and
the answers typed -- and a footer when it stops.  The texts, the default file name
and the encoding differ by version: they are messages of the dialect
(``Transcript*`` in :mod:`exshell.profiles`).  Lines end in CR LF, as on Windows.

:class:`TranscribingHost` is the host while a transcript runs: it passes everything
on to the real host and copies it to the transcript.  The interactive shell adds
each prompt and line (:meth:`Transcript.record_input`); scripts do not, as in
PowerShell.  The transcript writes through ``writer`` (bytes to append), so this
module knows nothing of files.

Depends on the engine's host interface only.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, List, Optional

from .host import Host

__all__ = ["Transcript", "TranscribingHost", "transcript_stamp"]


def transcript_stamp(when: _dt.datetime) -> str:
    """``yyyyMMddHHmmss``, as the header and the default file name show times."""
    return when.strftime("%Y%m%d%H%M%S")


class Transcript:
    def __init__(self, path: str, writer: Callable[[bytes], None], dialect: Any, *,
                 invocation_header: bool = False, clock: Callable[[], _dt.datetime]) -> None:
        self.path = path
        self._writer = writer
        self.dialect = dialect
        self.invocation_header = invocation_header
        self._clock = clock
        self._encoding = dialect.message("TranscriptEncoding")
        self._started = False
        self._at_line_start = True

    # -- writing ------------------------------------------------------------------------
    def _emit(self, text: str) -> None:
        if not text:
            return
        data = text.replace("\r\n", "\n").replace("\n", "\r\n")
        if self._encoding == "utf-16":
            raw = data.encode("utf-16-le")
            if not self._started:
                raw = b"\xff\xfe" + raw
        elif self._encoding == "utf-8-sig":
            raw = data.encode("utf-8")
            if not self._started:
                raw = b"\xef\xbb\xbf" + raw
        else:
            raw = data.encode(self._encoding, "replace")
        self._started = True
        self._writer(raw)
        self._at_line_start = text.endswith("\n")

    def _line_break(self) -> None:
        if not self._at_line_start:
            self._emit("\n")

    def start(self, fields: dict, append: bool = False) -> None:
        """Write the header (``fields`` fill the dialect's template)."""
        if append:
            self._started = True      # appending: no second byte order mark
        self._emit(self.dialect.message("TranscriptPrologue").format(**fields) + "\n")

    def stop(self) -> None:
        self._line_break()
        self._emit(self.dialect.message("TranscriptEpilogue").format(
            end=transcript_stamp(self._clock())) + "\n")

    def record_input(self, line: str) -> None:
        """The prompt and the line typed, before the line runs."""
        self._line_break()
        if self.invocation_header:
            self._emit(self.dialect.message("TranscriptInvocationHeader").format(
                start=transcript_stamp(self._clock())) + "\n")
        self._emit(line + "\n")

    def record_output(self, text: str) -> None:
        self._emit(text)


class TranscribingHost(Host):
    """The host while transcripts run: the real host, with a copy to each transcript."""

    def __init__(self, inner: Host, transcript: Transcript) -> None:
        self.inner = inner
        self.transcripts: List[Transcript] = [transcript]

    # What is not about output or input is the real host's.
    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    @property
    def width(self) -> int:  # type: ignore[override]
        return self.inner.width

    @width.setter
    def width(self, value: int) -> None:
        self.inner.width = value

    @property
    def interactive(self) -> bool:  # type: ignore[override]
        return self.inner.interactive

    @interactive.setter
    def interactive(self, value: bool) -> None:
        self.inner.interactive = value

    @property
    def color(self) -> bool:  # type: ignore[override]
        return getattr(self.inner, "color", False)

    def _copy(self, text: str) -> None:
        for transcript in list(self.transcripts):
            transcript.record_output(text)

    def write(self, text: str, stream: str = "output", fg: Optional[str] = None,
              bg: Optional[str] = None) -> None:
        self.inner.write(text, stream, fg, bg)
        self._copy(text)

    def page(self, lines) -> None:
        self.inner.page(lines)
        self._copy("".join(line + "\n" for line in lines))

    def read_line(self, prompt: str = "", secure: bool = False) -> Optional[str]:
        answer = self.inner.read_line(prompt, secure)
        shown = prompt.split("\n")[-1]
        if prompt:
            self._copy(prompt[:len(prompt) - len(shown)])
        self._copy(shown + ("" if answer is None else ("*" * len(answer) if secure else answer))
                   + "\n")
        return answer
