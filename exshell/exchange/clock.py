"""The emulated machine's clock.

``now()`` is a naive datetime in the emulated machine's local time, which we define
to be UTC (certificate dates are UTC, so what ``Get-Date`` shows and what
``NotAfter`` shows agree).  ``set()`` implements ``Set-Date``: it shifts an offset,
so time keeps running.  :class:`FixedClock` stands still (tests), but ``set()``
and ``advance()`` still move it.  ``listener`` (the organisation's change tracking)
is called before either moves the clock.

Imports only the standard library.
"""
from __future__ import annotations

import datetime as _dt

__all__ = ["Clock", "FixedClock"]


def _naive(dt: _dt.datetime) -> _dt.datetime:
    if dt.tzinfo is not None:
        dt = dt.astimezone(_dt.timezone.utc).replace(tzinfo=None)
    return dt


class Clock:
    """Real time plus an offset set by ``Set-Date``."""

    def __init__(self) -> None:
        self._offset = _dt.timedelta(0)
        self.listener = None

    def _moving(self) -> None:
        if self.listener is not None:
            self.listener()

    def _real_now(self) -> _dt.datetime:
        return _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)

    def now(self) -> _dt.datetime:
        return self._real_now() + self._offset

    def set(self, dt: _dt.datetime) -> None:
        """Make ``now()`` return ``dt`` from this instant on (``Set-Date``)."""
        self._moving()
        self._offset = _naive(dt) - self._real_now()

    def advance(self, delta: _dt.timedelta) -> None:
        self._moving()
        self._offset += delta

    @property
    def offset(self) -> _dt.timedelta:
        """How far the emulated clock is from the real one."""
        return self._offset

    def set_offset(self, offset: _dt.timedelta) -> None:
        self._moving()
        self._offset = offset


class FixedClock(Clock):
    """A clock that only moves when told to."""

    def __init__(self, dt: _dt.datetime) -> None:
        super().__init__()
        self._fixed = _naive(dt)

    def now(self) -> _dt.datetime:
        return self._fixed

    def set(self, dt: _dt.datetime) -> None:
        self._moving()
        self._fixed = _naive(dt)

    def advance(self, delta: _dt.timedelta) -> None:
        self._moving()
        self._fixed += delta

    @property
    def offset(self) -> _dt.timedelta:
        return self._fixed - self._real_now()

    def set_offset(self, offset: _dt.timedelta) -> None:
        self.set(self._real_now() + offset)
