"""Timing a script: ``[System.Diagnostics.Stopwatch]`` and ``Measure-Command``.

Both read the session's clock (``context.clock``), never the host's: under a test's
fixed clock no time passes unless something moves the clock (``Start-Sleep``
advances it), so a timed report is reproducible.  A stopwatch runs on the clock's
differences; when ``Set-Date`` moves the clock back, an interval counts as zero
rather than negative (a real stopwatch is monotonic).

The stopwatch has the members scripts use: ``StartNew()``, ``Frequency``,
``IsHighResolution``, ``GetTimestamp()``; ``Start()``, ``Stop()``, ``Reset()``,
``Restart()`` (.NET 4, so not on PowerShell 2.0: ``Dialect.net4_members``),
``Elapsed``, ``ElapsedMilliseconds``, ``ElapsedTicks``, ``IsRunning``.  Its
frequency is 10 MHz (ElapsedTicks are then TimeSpan ticks), as on current Windows.

Imports the engine only.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, List, Optional

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import OBJECT, ScriptBlockType
from ..engine.nettypes import NetType, register
from ..engine.parameters import Parameter
from ..engine.statics import STATICS

__all__ = ["Stopwatch", "MeasureCommand", "FREQUENCY"]

STOPWATCH = "System.Diagnostics.Stopwatch"
#: Ticks per second of the emulated performance counter.
FREQUENCY = 10_000_000
_EPOCH = _dt.datetime(1601, 1, 1)


def _ticks(span: _dt.timedelta) -> int:
    return (span // _dt.timedelta(microseconds=1)) * 10


class Stopwatch:
    """``System.Diagnostics.Stopwatch`` on the session clock."""

    PS_TYPE_NAMES = (STOPWATCH, "System.Object")
    PS_PROPERTIES = ("IsRunning", "Elapsed", "ElapsedMilliseconds", "ElapsedTicks")

    def __init__(self, context: Any):
        self._context = context
        self._done = _dt.timedelta(0)
        self._since: Optional[_dt.datetime] = None

    def _now(self) -> _dt.datetime:
        return self._context.clock.now()

    def _running_for(self) -> _dt.timedelta:
        if self._since is None:
            return _dt.timedelta(0)
        return max(self._now() - self._since, _dt.timedelta(0))

    @property
    def IsRunning(self) -> bool:
        return self._since is not None

    @property
    def Elapsed(self) -> _dt.timedelta:
        return self._done + self._running_for()

    @property
    def ElapsedMilliseconds(self) -> int:
        return self.Elapsed // _dt.timedelta(milliseconds=1)

    @property
    def ElapsedTicks(self) -> int:
        return _ticks(self.Elapsed)

    def ps_method_Start(self) -> None:
        if self._since is None:
            self._since = self._now()

    def ps_method_Stop(self) -> None:
        if self._since is not None:
            self._done += self._running_for()
            self._since = None

    def ps_method_Reset(self) -> None:
        self._done = _dt.timedelta(0)
        self._since = None

    def ps_method_Restart(self) -> None:
        if not self._context.dialect.net4_members:
            from ..engine.dotnet import method_not_found
            raise method_not_found(STOPWATCH, "Restart")
        self._done = _dt.timedelta(0)
        self._since = self._now()

    def __str__(self) -> str:
        return STOPWATCH


def _stopwatch_static(context: Any, name: str, args: Optional[List[Any]]) -> Any:
    from ..engine.dotnet import method_not_found, overload_not_found
    n = name.casefold()
    if args is None:
        if n == "frequency":
            return FREQUENCY
        if n == "ishighresolution":
            return True
        return None  # [T]::Unknown is $null, as for any missing static property
    if n in ("startnew", "new", "gettimestamp"):
        if args:
            raise overload_not_found(name, len(args))
        if n == "gettimestamp":
            return _ticks(context.clock.now() - _EPOCH)
        watch = Stopwatch(context)
        if n == "startnew":
            watch.ps_method_Start()
        return watch
    raise method_not_found(STOPWATCH, name)


_t = register(NetType(STOPWATCH, instance_of=lambda v: isinstance(v, Stopwatch)))
_t.constructs_in_context = True  # type: ignore[attr-defined]
STATICS.register(STOPWATCH, _stopwatch_static)


class MeasureCommand(Cmdlet):
    """Run a script block and write how long it took (its output is dropped)."""

    name = "Measure-Command"
    dotnet_class = "Microsoft.PowerShell.Commands.MeasureCommandCommand"
    synopsis = "Measures the time it takes to run script blocks and cmdlets."
    parameters = (
        Parameter("InputObject", OBJECT, from_pipeline=True),
        Parameter("Expression", ScriptBlockType(), position=0, mandatory=True),
    )

    def begin(self) -> None:
        self.total = _dt.timedelta(0)
        self.ran = False
        self.expression: Any = None

    def _measure(self, block: Any, dollar_under: Any) -> None:
        from ..engine.context import NO_VALUE
        clock = self.context.clock
        start = clock.now()
        try:
            self.context.invoke(block, lambda _obj: None,
                                dollar_under=NO_VALUE if dollar_under is None else dollar_under)
        finally:
            self.total += max(clock.now() - start, _dt.timedelta(0))
            self.ran = True

    def process(self, p: Any) -> None:
        self.expression = p.Expression
        self._measure(p.Expression, p.InputObject)

    def end(self) -> None:
        if not self.ran:
            from .common import command_line_parameters
            bound = command_line_parameters(self)
            block = self.expression if bound is None else bound.Expression
            if block is not None:
                self._measure(block, None)
        self.write_object(self.total)
