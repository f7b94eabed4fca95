"""A budget for running untrusted scripts: steps, wall time, and the size of the
strings and arrays a script builds.

The evaluator counts a step for every loop turn (``while``, ``for``, ``foreach``,
``do``, each item of ``switch``) and every call of a script block, function or script
(:meth:`Budget.step`: one addition and one comparison; the
clock and the process's memory are read every :data:`CLOCK_EVERY` steps), and asks
:meth:`Budget.size` before it builds a string or array whose size it can tell in
advance (``'x' * 1e9``, ``@(0) * 1e9``, ``1..1e8``, ``'x'.PadLeft(1e9)``) and after
other operators built one (``$a + $b``).  A run that goes over raises
:class:`BudgetExceeded`, a BaseException: neither a script's ``try``/``catch``/``trap``
nor a cmdlet's ``except Exception`` can swallow it, and once exceeded every further
step raises again, so ``finally`` blocks cannot keep a stopped run going.
``Shell.run`` turns it into a PowerShell-shaped error record (:func:`budget_record`).

Every shell has a budget: with no limits set (the interactive default) only the size
caps that keep a script from exhausting the machine's memory apply, and exceeding them
is .NET's catchable OutOfMemoryException, as in PowerShell.  The grader, the lab
checks that run scripts and the CLI options (-MaxSeconds, -MaxSteps, -MaxItems,
-MaxMemoryMB) set a *stopping* budget (:meth:`Budget.untrusted`,
:meth:`Budget.from_options`).

A single long operation that is not a step (a regular expression that backtracks for
minutes, a format string that pads a million times) would only be checked when it
returns; so while a stopping budget with a time limit runs on the main thread,
:meth:`Budget.watchdog` also arms a timer (``SIGALRM``, a little after the limit) whose
handler stops the run wherever it is -- Python's regular-expression engine checks for
signals while it backtracks.  Elsewhere (another thread, no ``setitimer``) only the
checks between steps apply.

Limits (documented in the README): memory is the process's resident size, read between
steps, so one operation whose result size the evaluator cannot foresee (a .NET method
the evaluator does not know builds a string) can overshoot before the next check.
"""
from __future__ import annotations

import re
import signal
import sys
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Optional, Sequence

from .conversion import ConversionError, to_number

__all__ = ["Budget", "BudgetExceeded", "OutOfMemory", "CLOCK_EVERY", "DEFAULT_MAX_ITEMS",
           "UNTRUSTED", "WATCHDOG_GRACE", "resident_mb", "foresee", "foresee_method",
           "format_size"]

#: The wall clock is read once every this many steps.
CLOCK_EVERY = 512
#: A string or array this long has the process's memory checked before it is built.
_BIG = 1 << 16
#: Always on: no string or array longer than this (PowerShell would run out of memory
#: somewhere near; exshell must not take the machine with it).
DEFAULT_MAX_ITEMS = 1 << 27

#: The timer of :meth:`Budget.watchdog` fires this long after the time limit (the
#: checks between steps normally stop a run first, with the same message).
WATCHDOG_GRACE = 0.5

#: The limits of an untrusted run (the grader, lab checks that run scripts, a server).
UNTRUSTED = {"max_steps": 2_000_000, "max_seconds": 10.0, "max_items": 4_000_000,
             "max_memory_mb": 512}

_NEVER = float("inf")


class BudgetExceeded(BaseException):
    """A run went over its budget (``kind``: steps, time, size or total)."""

    def __init__(self, message: str, kind: str):
        super().__init__(message)
        self.message = message
        self.kind = kind


class OutOfMemory(Exception):
    """A string or array over the always-on cap, without a stopping budget: the
    evaluator reports it as .NET's OutOfMemoryException (a statement-terminating,
    catchable error)."""


def resident_mb() -> float:
    """The process's resident memory in MiB (Linux: /proc/self/statm; elsewhere the
    peak, which only grows: a safe over-estimate of what a run added)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE / 1048576.0
    except (OSError, ValueError, IndexError):
        try:
            import resource
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        except (ImportError, OSError):
            return 0.0


try:
    import os as _os
    _PAGE = _os.sysconf("SC_PAGE_SIZE")
except (ImportError, ValueError, OSError, AttributeError):
    _PAGE = 4096


class Budget:
    """Limits of one run; :meth:`start` arms it at the beginning of each run."""

    def __init__(self, *, max_steps: Optional[int] = None, max_seconds: Optional[float] = None,
                 max_items: Optional[int] = None, max_memory_mb: Optional[float] = None,
                 origin: str = "option", clock: Callable[[], float] = time.monotonic,
                 memory: Callable[[], float] = resident_mb,
                 throttle_after: Optional[float] = None, throttle_share: float = 0.25,
                 sleep: Callable[[float], None] = time.sleep):
        self.max_steps = max_steps
        #: A run longer than ``throttle_after`` seconds gets at most ``throttle_share``
        #: of a CPU from then on (it sleeps between checks): on a shared server, one
        #: learner's endless loop leaves the processors to the others.  None: never.
        self.throttle_after = throttle_after
        self.throttle_share = min(max(float(throttle_share), 0.01), 1.0)
        self._sleep = sleep
        self._began = 0.0
        self._last = 0.0
        self.max_seconds = max_seconds
        self.max_items = min(max_items, DEFAULT_MAX_ITEMS) if max_items else DEFAULT_MAX_ITEMS
        #: Whether a string or array over max_items stops the run (a limit someone set)
        #: or is .NET's OutOfMemoryException (the always-on cap).
        self.items_set = max_items is not None
        self.max_memory_mb = max_memory_mb
        #: Whether this budget stops runs at all (any limit set).
        self.stops = any(v is not None for v in (max_steps, max_seconds, max_items, max_memory_mb))
        #: Who set the limits, for the message: "option" (the CLI), "grader", "server".
        self.origin = origin
        self._clock = clock
        self._memory = memory
        self.steps = 0
        #: The step count at which :meth:`check` runs next (the hot path compares to it).
        self.limit: float = _NEVER
        self.deadline: Optional[float] = None
        self.memory_ceiling: Optional[float] = None
        self.exceeded: Optional[BudgetExceeded] = None
        self.start()

    # ------------------------------------------------------------------ construction
    @classmethod
    def untrusted(cls, origin: str = "grader", **overrides) -> "Budget":
        """The budget the grader, lab checks and servers always apply."""
        limits = dict(UNTRUSTED)
        limits.update({k: v for k, v in overrides.items() if v is not None})
        return cls(origin=origin, **limits)

    @classmethod
    def from_options(cls, max_seconds: Optional[float] = None, max_steps: Optional[int] = None,
                     max_items: Optional[int] = None,
                     max_memory_mb: Optional[float] = None) -> "Budget":
        """The budget of ``exshell -MaxSeconds/-MaxSteps/-MaxItems/-MaxMemoryMB`` (an
        option not given: no limit of that kind)."""
        return cls(max_steps=max_steps, max_seconds=max_seconds, max_items=max_items,
                   max_memory_mb=max_memory_mb, origin="option")

    def renewed(self) -> "Budget":
        """A new budget with the same limits (for a run of its own, e.g. a probe)."""
        return Budget(max_steps=self.max_steps, max_seconds=self.max_seconds,
                      max_items=self.max_items if self.items_set else None,
                      max_memory_mb=self.max_memory_mb, origin=self.origin, clock=self._clock,
                      memory=self._memory, throttle_after=self.throttle_after,
                      throttle_share=self.throttle_share, sleep=self._sleep)

    # ------------------------------------------------------------------ a run
    def start(self) -> None:
        """Arm the budget for a new run: no steps yet, the clock starts now."""
        self.steps = 0
        self.exceeded = None
        if self.throttle_after is not None:
            self._began = self._last = self._clock()
        self.deadline = (self._clock() + self.max_seconds) if self.max_seconds is not None else None
        self.memory_ceiling = (self._memory() + self.max_memory_mb) \
            if self.max_memory_mb is not None else None
        self._next()

    def _next(self) -> None:
        limit = _NEVER
        if self.deadline is not None or self.memory_ceiling is not None \
                or self.throttle_after is not None:
            limit = self.steps + CLOCK_EVERY
        if self.max_steps is not None:
            limit = min(limit, self.max_steps + 1)
        self.limit = limit

    def step(self) -> None:
        """Count one step (the evaluator inlines this: ``steps += 1`` then compare)."""
        self.steps += 1
        if self.steps >= self.limit:
            self.check()

    def check(self) -> None:
        """The slow path: is the run over its step count, its time or its memory?"""
        if self.exceeded is not None:
            raise self.exceeded
        if self.max_steps is not None and self.steps > self.max_steps:
            self._stop("steps")
        if self.deadline is not None and self._clock() > self.deadline:
            self._stop("time")
        if self.memory_ceiling is not None and self._memory() > self.memory_ceiling:
            self._stop("memory")
        if self.throttle_after is not None:
            self._throttle()
        self._next()

    def _throttle(self) -> None:
        now = self._clock()
        if now - self._began > self.throttle_after:
            worked = max(0.0, now - self._last)
            self._sleep(min(0.25, worked * (1.0 / self.throttle_share - 1.0)))
            now = self._clock()
        self._last = now

    def size(self, n: int) -> None:
        """Before (or right after) building a string or array of ``n`` characters or
        items.  A big one also has the memory checked at once: a loop that builds a
        large string each turn would otherwise grow by hundreds of MB between checks."""
        if n >= _BIG and self.memory_ceiling is not None and self._memory() > self.memory_ceiling:
            self._stop("memory")
        if n > self.max_items:
            if not self.items_set and self.origin != "grader":
                raise OutOfMemory()
            self._stop("size")

    # ------------------------------------------------------------------ the watchdog
    @contextmanager
    def watchdog(self) -> Iterator[None]:
        """While the block runs, a timer stops it a little after ``max_seconds`` even
        inside one long operation (a backtracking regular expression), by raising
        :class:`BudgetExceeded` from a ``SIGALRM`` handler.  Only for a stopping budget
        with a time limit, on the main thread, where ``setitimer`` exists; nests (an
        outer watchdog's timer is restored, with what is left of it, afterwards)."""
        if self.max_seconds is None or not _can_alarm():
            yield
            return
        previous_handler = signal.getsignal(signal.SIGALRM)
        previous_delay, previous_interval = signal.getitimer(signal.ITIMER_REAL)
        armed_at = time.monotonic()
        active = [True]

        def on_alarm(signum: int, frame: Any) -> None:
            if not active[0]:
                return
            outer_due = previous_delay and time.monotonic() - armed_at >= previous_delay
            if outer_due and callable(previous_handler):
                previous_handler(signum, frame)     # the outer run's time is up first
            if self.exceeded is None:
                self.exceeded = BudgetExceeded(self.message("time"), "time")
                self.limit = 0
            raise self.exceeded

        delay = self.max_seconds + WATCHDOG_GRACE
        if previous_delay:
            delay = min(delay, previous_delay)
        try:
            signal.signal(signal.SIGALRM, on_alarm)
            signal.setitimer(signal.ITIMER_REAL, max(delay, 0.001))
        except (ValueError, OSError):          # not the main thread after all
            yield
            return
        try:
            yield
        finally:
            active[0] = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous_handler)
            if previous_delay:
                left = previous_delay - (time.monotonic() - armed_at)
                signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), previous_interval)

    def _stop(self, kind: str) -> None:
        self.exceeded = BudgetExceeded(self.message(kind), kind)
        self.limit = 0          # every later step raises again
        raise self.exceeded

    # ------------------------------------------------------------------ wording
    def message(self, kind: str) -> str:
        if kind == "steps":
            what, limit = "ran more than %d steps" % (self.max_steps or 0), "-MaxSteps"
        elif kind == "time":
            what, limit = "ran longer than %s seconds" % _number(self.max_seconds), "-MaxSeconds"
        elif kind == "size":
            what, limit = "built a string or array of more than %d items" % self.max_items, "-MaxItems"
        else:
            what, limit = "used more than %s MB of memory" % _number(self.max_memory_mb), "-MaxMemoryMB"
        source = _ORIGINS.get(self.origin) or "the limit set by %s" % limit
        return "The script was stopped because it %s (%s)." % (what, source)


def _can_alarm() -> bool:
    """A SIGALRM timer works here: the platform has one and this is the main thread
    (threading not imported yet means no thread was started through it; importing it
    at start-up would cost every command)."""
    if not (hasattr(signal, "setitimer") and hasattr(signal, "SIGALRM")):
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.current_thread() is threading.main_thread()


#: Who set a budget, as its message says it (else: the CLI option).
_ORIGINS = {"grader": "the limit of the grader", "server": "the limit of the class server"}


def _number(value: Optional[float]) -> str:
    if value is None:
        return "0"
    return ("%d" % value) if float(value).is_integer() else ("%g" % value)


# ---------------------------------------------------------------------- foreseeing sizes

def foresee(op: str, left, right) -> Optional[int]:
    """The size of what binary operator ``op`` is about to build, when it can be told
    cheaply from the operands (None: unknown, or the operator will fail on its own)."""
    try:
        if op == "*":
            if isinstance(left, (str, list, tuple)):
                n = to_number(right)
                return len(left) * max(int(n), 0)
            return None
        if op == "..":
            a, b = to_number(left), to_number(right)
            return abs(int(b) - int(a)) + 1
        if op == "+":
            if isinstance(left, (list, tuple)):
                return len(left) + (len(right) if isinstance(right, (list, tuple)) else 1)
            if isinstance(left, str) and isinstance(right, str):
                return len(left) + len(right)
            return None
        if op == "join":
            if isinstance(left, (list, tuple)) and isinstance(right, str):
                return len(left) * len(right)
            return None
        if op == "f":
            return format_size(left)
    except (ConversionError, ValueError, TypeError, OverflowError, ArithmeticError):
        return None
    return None


#: Methods whose numeric arguments are the size of what they build.
SIZING_METHODS = frozenset(("padleft", "padright", "createinstance", "new"))


#: An item of a .NET composite format string with an alignment: ``{0,999999}``.
_ALIGNED = re.compile(r"\{\s*\d+\s*,\s*-?\s*(\d+)")


def format_size(fmt: Any) -> Optional[int]:
    """At least how long ``fmt -f ...`` (or ``[string]::Format``) will be: its own
    length plus the widths its items are padded to (``('{0,999999}' * 5000) -f 1``
    would build 5,000,000,000 characters)."""
    if not isinstance(fmt, str):
        return None
    if "," not in fmt:
        return len(fmt)
    return len(fmt) + sum(int(w[:9]) for w in _ALIGNED.findall(fmt))


def _text_length(value: Any) -> int:
    return len(value) if isinstance(value, str) else 16


def foresee_method(target: Any, name: str, args: Sequence[Any], static_type: str = "") -> Optional[int]:
    """The size of what a .NET string method is about to build, when the arguments
    tell it cheaply: ``'x'.Replace('x', 'y' * 2000)``, ``[string]::Join``,
    ``[string]::Concat``, ``[string]::Format`` (None: unknown or small)."""
    key = name.casefold()
    try:
        if not static_type:
            if key == "replace" and isinstance(target, str) and len(args) == 2 \
                    and isinstance(args[0], str) and args[0]:
                grow = (len(args[1]) if isinstance(args[1], str) else 1) - len(args[0])
                if grow <= 0:
                    return None
                return len(target) + target.count(args[0]) * grow
            return None
        if static_type != "System.String":
            return None
        if key == "join" and args:
            items = args[1] if len(args) == 2 and isinstance(args[1], (list, tuple)) else args[1:]
            sep = len(args[0]) if isinstance(args[0], str) else 1
            return sum(_text_length(v) for v in items) + sep * max(len(items) - 1, 0)
        if key == "concat":
            items = args[0] if len(args) == 1 and isinstance(args[0], (list, tuple)) else args
            return sum(_text_length(v) for v in items)
        if key == "format" and args:
            return format_size(args[0])
    except (TypeError, ValueError, OverflowError):
        return None
    return None
