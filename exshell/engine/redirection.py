"""Redirection operators on a pipeline element (about_Redirection).

``cmd > file`` / ``>>`` sends the element's output to the file as ``| Out-File``
would (so a failure reads ``out-file : ...``, as in PowerShell); ``2> file`` the
errors it writes, ``2>&1`` its errors into its output (as ErrorRecord objects),
``>$null`` / ``2>$null`` / ``3>$null`` drop the output, errors or warnings (errors
still reach ``$Error``), ``*>`` all of them.  Only what this element writes is
redirected: a later command's errors are not, even while it runs on this one's output.
Errors and warnings are caught where the session shows them (``error_writer``,
``warning_writer``), so an error a command writes with -ErrorAction SilentlyContinue is
not in the stream at all, as in PowerShell.  Information, verbose and debug streams
(4-6) are not emulated as streams: their redirections leave them on the host.
"""
from __future__ import annotations

from typing import Any, Callable, List, Optional, Sequence

from ..lang import ast as A
from .errors import StopUpstreamSignal

__all__ = ["RedirectedStage"]

#: make_stage(command call node) -> a pipeline stage (the evaluator's).
StageMaker = Callable[[A.CommandCall], Any]


def _is_null(target: Optional[A.Node]) -> bool:
    return isinstance(target, A.VariableExpr) and target.name.casefold() == "null" \
        and target.scope in (None, "global")


def _out_file(redirection: A.Redirection, make_stage: StageMaker) -> Any:
    """The Out-File stage behind ``> target`` (``>>``: -Append)."""
    span = redirection.span
    elements: List[A.Node] = [A.CommandParameter(span, "FilePath", "-FilePath"), redirection.target]
    if redirection.append:
        elements.append(A.CommandParameter(span, "Append", "-Append"))
    stage = make_stage(A.CommandCall(span, "out-file", span, tuple(elements)))
    stage.downstream = lambda obj: None
    return stage


class RedirectedStage:
    """A pipeline stage (the ``inner`` one) with its redirections applied."""

    def __init__(self, session: Any, inner: Any, redirections: Sequence[A.Redirection],
                 make_stage: StageMaker):
        self.session = session
        self.inner = inner
        self._down: Callable[[Any], None] = lambda obj: None
        self.drop_output = False
        self.output_file: Any = None
        #: None: errors go where they would; else a callable taking each record.
        self._errors: Optional[Callable[[Any], None]] = None
        self._warnings: Optional[Callable[[str], None]] = None
        self.files: List[Any] = []
        self._outer: List[tuple] = []
        for r in redirections:
            if r.merge_to is not None:
                if r.stream in ("2", "*") and r.merge_to == "1":
                    self._errors = self._to_output
                if r.stream in ("3", "*") and r.merge_to == "1":
                    self._warnings = self._to_output
                continue
            streams = ("1", "2", "3") if r.stream == "*" else (r.stream,)
            null = _is_null(r.target)
            if r.stream == "*" and not null:
                # Everything into one file: errors and warnings join the output.
                self.output_file = self._file(r, make_stage)
                self._errors = self._to_output
                self._warnings = self._to_output
                continue
            for stream in streams:
                if stream == "1":
                    if null:
                        self.drop_output = True
                    else:
                        self.output_file = self._file(r, make_stage)
                elif stream == "2":
                    self._errors = (lambda record: None) if null else self._file(r, make_stage).accept
                elif stream == "3":
                    self._warnings = (lambda text: None) if null else self._file(r, make_stage).accept
        inner.downstream = self._to_output

    def _file(self, redirection: A.Redirection, make_stage: StageMaker) -> Any:
        stage = _out_file(redirection, make_stage)
        self.files.append(stage)
        return stage

    # -- the pipeline's side ---------------------------------------------------------
    @property
    def downstream(self) -> Callable[[Any], None]:
        return self._down

    @downstream.setter
    def downstream(self, value: Callable[[Any], None]) -> None:
        self._down = value

    @property
    def errors_written(self) -> Any:
        return getattr(self.inner, "errors_written", False)

    def begin(self) -> None:
        for stage in self.files:
            stage.begin()
        self._run(self.inner.begin)

    def accept(self, obj: Any) -> None:
        self._run(self.inner.accept, obj)

    def run_alone(self) -> None:
        self._run(self.inner.run_alone)

    def end(self) -> None:
        self._run(self.inner.end)
        self._close_files()

    # -- inside ----------------------------------------------------------------------
    def _run(self, step: Callable[..., None], *args: Any) -> None:
        session = self.session
        self._outer.append((session.error_writer, session.warning_writer))
        if self._errors is not None:
            session.error_writer = self._errors
        if self._warnings is not None:
            session.warning_writer = self._warnings
        try:
            step(*args)
        except StopUpstreamSignal as stop:
            self._restore()
            if stop.stage is self.inner:
                stop.stage = self          # the pipeline knows this stage, not the inner one
            raise
        except BaseException:
            self._restore()
            self._close_files()            # what was written so far stays in the file
            raise
        self._restore()

    def _restore(self) -> None:
        self.session.error_writer, self.session.warning_writer = self._outer.pop()

    def _to_output(self, obj: Any) -> None:
        """What the element writes (and what joins its output): to the file, nowhere, or
        on down the pipeline -- with the writers outside this element in force."""
        if self.drop_output:
            return
        session = self.session
        inside = (session.error_writer, session.warning_writer)
        if self._outer:
            session.error_writer, session.warning_writer = self._outer[-1]
        try:
            if self.output_file is not None:
                self.output_file.accept(obj)
            else:
                self._down(obj)
        finally:
            session.error_writer, session.warning_writer = inside

    def _close_files(self) -> None:
        files, self.files = self.files, []
        for stage in files:
            stage.end()
