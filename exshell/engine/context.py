"""The execution context: everything a running command may reach, typed.

Every cmdlet gets one as ``self.context`` (PowerShell's ``$ExecutionContext`` and
SessionState in one object; think of click's context with ``find_object``).  One
context lives as long as a shell.  Its members:

=====================  ==========================================================
``host``               the console (write, read, prompt for a choice, width)
``profile``            the row of the profile table (``exshell.profiles.Profile``)
``dialect``            ``profile.dialect``: the PowerShell 2.0 / 5.1 facts
``clock``              ``now()``, ``set(dt)`` (Set-Date), ``advance(delta)`` (Start-Sleep)
``location``           the current location (a provider path; the prompt reads it)
``providers``          :class:`~exshell.engine.providers.ProviderTable`: paths -> items
``environment``        ``$env:`` (case-insensitive names)
``statics``            ``[Type]::Member`` handlers (:mod:`exshell.engine.statics`)
``commands``           the command table (cmdlets, aliases); ``functions`` the functions
variables              :meth:`get_variable`, :meth:`set_variable`, :meth:`new_variable`,
                       :meth:`remove_variable`, :meth:`scope` (by name or number)
errors                 ``errors`` ($Error), :meth:`report_error`, :meth:`add_error`,
                       :meth:`display_error`, ``last_success`` ($?), :meth:`set_exit_code`
running code           :meth:`parse`, :meth:`run` (a parsed script), :meth:`invoke` and
                       :meth:`invoke_value` (script blocks), ``call_stack``
values                 :meth:`convert`, :meth:`as_type`, :meth:`is_type`, :meth:`to_string`
extensions             :meth:`register` (or :meth:`register_lazy`) / :meth:`find` by type: the Exchange world,
                       a lab session, the file-system drive -- the engine knows none
``budget``             the run's limits (:class:`~exshell.engine.budget.Budget`):
                       steps, wall time, memory, size of built strings and arrays
``command_observers``  told when each cmdlet starts, completes or fails, and before the
                       shell waits for the user (:class:`CommandObserver`): an
                       extension that keeps state outside the session (the Exchange
                       world commits what a command changed) -- the engine knows none
=====================  ==========================================================

``context.session`` and ``context.evaluator`` are the engine's own machinery: code
outside ``exshell.engine`` uses the members above instead.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Type, TypeVar

from ..profiles import DEFAULT_VERSION, PROFILES, Dialect, Profile
from .binder import NO_VALUE
from .errors import ErrorRecord, InvocationInfo
from .host import Host
from .providers import ProviderTable
from .session import Scope, Session
from .statics import STATICS, StaticMembers

__all__ = ["ExecutionContext", "SystemClock", "DEFAULT_LOCATION", "NO_VALUE", "Environment",
           "CommandObserver"]

#: Where every session starts (PowerShell's working folder on a server).
DEFAULT_LOCATION = "C:\\Windows\\system32"

T = TypeVar("T")


class SystemClock:
    """Real time (naive UTC) plus an offset that Set-Date moves: the default clock
    of a context built without one.  The shell passes the Exchange world's clock."""

    def __init__(self) -> None:
        self._offset = _dt.timedelta(0)

    @staticmethod
    def _real() -> _dt.datetime:
        return _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)

    def now(self) -> _dt.datetime:
        return self._real() + self._offset

    def set(self, when: _dt.datetime) -> None:
        self._offset = when - self._real()

    def advance(self, delta: _dt.timedelta) -> None:
        self._offset += delta


class Environment(dict):
    """``$env:``: names compare case-insensitively and keep their first spelling."""

    def get_value(self, name: str) -> Optional[str]:
        for key in self:
            if key.casefold() == name.casefold():
                return self[key]
        return None

    def set_value(self, name: str, value: Any) -> None:
        for key in list(self):
            if key.casefold() == name.casefold():
                self[key] = value
                return
        self[name] = value


class CommandObserver:
    """What ``context.command_observers`` are told.  A step is ``begin()``, one
    ``process()`` or ``end()`` of a cmdlet (so a pipeline of N objects has N process
    steps); control flow (``break``, ``Select-Object -First`` stopping upstream...)
    completes a step, any exception fails it.  Methods may return an ErrorRecord: the
    command then fails with it (a terminating error)."""

    def command_started(self, name: str) -> Optional[ErrorRecord]:
        """A command the user (or a script) started, not one a running command calls."""
        return None

    def command_completed(self, name: str) -> Optional[ErrorRecord]:
        return None

    def command_failed(self, name: str, error: BaseException) -> Optional[ErrorRecord]:
        return None

    def command_output(self, name: str) -> None:
        """The cmdlet hands an object on: what it did to get it is done (as a server
        has committed before it answers)."""

    def waiting_for_input(self) -> None:
        """Nothing may stay locked while the user thinks."""

    def answer_given(self, answer: str, secure: bool) -> None:
        """The user answered a question (a choice, Read-Host, a mandatory parameter);
        ``secure`` answers (passwords) should not be kept as typed."""


class ExecutionContext:
    """What commands, script blocks and the REPL reach (see the module docs)."""

    def __init__(self, host: Host, profile: Optional[Profile] = None, *, clock: Any = None,
                 location: str = DEFAULT_LOCATION,
                 environment: Optional[Dict[str, str]] = None) -> None:
        self.profile: Profile = profile if profile is not None else PROFILES[DEFAULT_VERSION]
        self.clock = clock if clock is not None else SystemClock()
        #: The current location: a provider path (``C:\\Windows\\system32``).
        self.location: str = location
        self.environment = Environment(environment or {})
        self.statics = StaticMembers(self, STATICS)
        self.providers = ProviderTable(self)
        self._extensions: Dict[type, Any] = {}
        self._lazy_extensions: Dict[str, Callable[[], Any]] = {}
        #: Told about every cmdlet (see CommandObserver).
        self.command_observers: List["CommandObserver"] = []
        #: Steps of cmdlets under way (a command a running step calls is nested).
        self.steps_running = 0
        #: The engine's state and interpreter (used by the engine only).
        self.session = Session(host, profile=self.profile)
        host.before_input = self.waiting_for_input
        host.after_input = self.answer_given
        self._evaluator: Any = None

    @property
    def evaluator(self) -> Any:
        """The interpreter (the engine's own; created on first use, so showing the
        first prompt imports none of the evaluator's modules)."""
        found = self._evaluator
        if found is None:
            from .evaluator import Evaluator
            found = self._evaluator = Evaluator(self)
        return found

    # ------------------------------------------------------------------ host, profile
    @property
    def host(self) -> Host:
        return self.session.host

    @host.setter
    def host(self, host: Host) -> None:
        self.session.host = host
        host.before_input = self.waiting_for_input
        host.after_input = self.answer_given

    # ------------------------------------------------------------------ command events
    def command_started(self, name: str) -> Optional[ErrorRecord]:
        """A cmdlet is about to begin (before its ``begin()``) -- one that no running
        cmdlet called (a ``Get-Date`` in a ``Where-Object`` script block is not told:
        it is part of the command that runs it)."""
        for observer in list(self.command_observers):
            record = observer.command_started(name)
            if record is not None:
                return record
        return None

    def command_completed(self, name: str) -> Optional[ErrorRecord]:
        """One step of a cmdlet (``begin()``, one ``process()``, ``end()``) finished."""
        for observer in list(self.command_observers):
            record = observer.command_completed(name)
            if record is not None:
                return record
        return None

    def command_failed(self, name: str, error: BaseException) -> Optional[ErrorRecord]:
        """A step of a cmdlet raised ``error``; an observer may say what the user sees
        instead (an ErrorRecord, raised as a terminating error)."""
        found = None
        for observer in list(self.command_observers):
            record = observer.command_failed(name, error)
            if record is not None and found is None:
                found = record
        return found

    def command_output(self, name: str) -> None:
        """A cmdlet hands an object to the next command (or the output)."""
        for observer in list(self.command_observers):
            observer.command_output(name)

    def waiting_for_input(self) -> None:
        """The host is about to wait for the user (a prompt, Read-Host)."""
        for observer in list(self.command_observers):
            observer.waiting_for_input()

    def answer_given(self, answer: str, secure: bool = False) -> None:
        """The user answered a question the host asked."""
        for observer in list(self.command_observers):
            hook = getattr(observer, "answer_given", None)
            if hook is not None:
                hook(answer, secure)

    @property
    def dialect(self) -> Dialect:
        return self.profile.dialect

    # ------------------------------------------------------------------ budget
    @property
    def budget(self) -> Any:
        """The limits every run is held to (exshell.engine.budget.Budget; the evaluator
        keeps it, for its hot path).  Assigning None restores the default: only the
        always-on size caps."""
        return self.evaluator.budget

    @budget.setter
    def budget(self, value: Any) -> None:
        from .budget import Budget
        self.evaluator.budget = value if value is not None else Budget()

    # ------------------------------------------------------------------ extensions
    def register(self, obj: Any, as_type: Optional[type] = None) -> Any:
        """Make ``obj`` findable by its type (or ``as_type``); replaces an earlier one."""
        key = as_type or type(obj)
        self._lazy_extensions.pop("%s.%s" % (key.__module__, key.__qualname__), None)
        self._extensions[key] = obj
        return obj

    def register_lazy(self, qualified_name: str, factory: Callable[[], Any]) -> None:
        """Register what ``factory()`` makes under the class named ``qualified_name``
        (``"exshell.drive.Drive"``), built on the first :meth:`find` of that class:
        nothing is imported or built until a command needs it."""
        for key in [k for k in self._extensions
                    if "%s.%s" % (k.__module__, k.__qualname__) == qualified_name]:
            del self._extensions[key]
        self._lazy_extensions[qualified_name] = factory

    def find(self, cls: Type[T]) -> Optional[T]:
        """The registered object of type ``cls`` (or of a subclass), else None."""
        found = self._extensions.get(cls)
        if found is not None:
            return found
        factory = self._lazy_extensions.pop("%s.%s" % (cls.__module__, cls.__qualname__), None)
        if factory is not None:
            return self.register(factory(), cls)
        for key, obj in self._extensions.items():
            if issubclass(key, cls):
                return obj
        return None

    # ------------------------------------------------------------------ commands
    @property
    def commands(self) -> Any:
        """The command table (cmdlets and aliases; add to it to extend one session)."""
        return self.session.commands

    @property
    def functions(self) -> Dict[str, Any]:
        """Functions by folded name (``FunctionInfo``)."""
        return self.session.functions

    # ------------------------------------------------------------------ variables
    @property
    def global_scope(self) -> Scope:
        return self.session.global_scope

    @property
    def script_scope(self) -> Scope:
        return self.session.script_scope

    @property
    def current_scope(self) -> Scope:
        return self.evaluator.scope

    def scope(self, which: Any = None) -> Scope:
        """A scope by name (None/"local"/"private", "global", "script") or by number
        (0 = current, 1 = its parent...).  Raises ValueError for anything else."""
        if which is None:
            return self.evaluator.scope
        if isinstance(which, int) and not isinstance(which, bool):
            target = self.evaluator.scope
            for _ in range(which):
                if target.parent is None or which < 0:
                    raise ValueError("The scope number '%d' exceeds the number of active scopes."
                                     % which)
                target = target.parent
            if which < 0:
                raise ValueError("The scope number '%d' exceeds the number of active scopes." % which)
            return target
        name = str(which).casefold()
        if name == "global":
            return self.session.global_scope
        if name == "script":
            return self.session.script_scope
        if name in ("local", "private"):
            return self.evaluator.scope
        raise ValueError("The scope '%s' is not valid." % which)

    def get_variable(self, name: str, scope: Optional[str] = None) -> Any:
        """``$name`` (``$scope:name``) as a script reads it, automatic variables
        included; None when it does not exist."""
        return self.evaluator.get_variable(name, scope)

    def set_variable(self, name: str, value: Any, scope: Optional[str] = None) -> None:
        """``$name = value`` (``$scope:name = value``)."""
        self.evaluator.set_variable(name, value, scope)

    def new_variable(self, name: str, value: Any, scope: Any = None) -> bool:
        """Create ``name`` in ``scope``; False when it exists there already."""
        target = self.scope(scope)
        if name.casefold() in target.vars:
            return False
        target.set_local(name, value)
        return True

    def remove_variable(self, name: str, scope: Any = None) -> bool:
        """Remove ``name`` from ``scope`` (None: the nearest scope that has it)."""
        if scope is not None:
            return self.scope(scope).remove(name)
        target: Optional[Scope] = self.evaluator.scope
        while target is not None:
            if target.remove(name):
                return True
            target = target.parent
        return False

    # ------------------------------------------------------------------ errors
    @property
    def errors(self) -> List[ErrorRecord]:
        """``$Error``: the newest first."""
        return self.session.errors

    @property
    def last_success(self) -> bool:
        """``$?``."""
        return self.session.last_success

    def add_error(self, record: ErrorRecord) -> None:
        self.session.add_error(record)

    def report_error(self, record: ErrorRecord, action: str = "Continue") -> None:
        """A non-terminating error written with ErrorAction ``action``."""
        self.session.report_error(record, action)

    def display_error(self, record: ErrorRecord) -> None:
        """Show ``record`` on the host as the version shows errors."""
        self.session.display_error(record)

    def set_exit_code(self, code: int) -> None:
        """``$LASTEXITCODE`` after a native program ran."""
        self.session.last_exit_code = code
        self.session.set_global("LASTEXITCODE", code)

    # ------------------------------------------------------------------ running code
    def parse(self, text: str, file: Optional[str] = None) -> Any:
        """Parse a script (raises ``exshell.lang.ParseError``)."""
        from ..lang import parse
        return parse(text, file=file)

    def run(self, script: Any, sink: Callable[[Any], None], *, args: Sequence[Any] = (),
            new_scope: bool = False) -> None:
        """Run a parsed script (Invoke-Expression: in the current scope)."""
        self.evaluator.run(script, sink, args=args, new_scope=new_scope)

    def invoke(self, block: Any, sink: Optional[Callable[[Any], None]] = None, *,
               dollar_under: Any = NO_VALUE, args: Sequence[Any] = (),
               input: Optional[Iterable[Any]] = None, new_scope: bool = False,
               bind_arguments: bool = False, this: Any = NO_VALUE) -> Optional[List[Any]]:
        """Run a script block.  Its output goes to ``sink``, or is returned as a list
        when there is none.  ``dollar_under`` sets ``$_``; ``args`` is ``$args`` (with
        ``bind_arguments``: bound to its ``param()`` by position first, in a child
        scope, as Invoke-Command does); ``input`` is ``$input``; ``this`` is ``$this``
        (script properties and methods, in a child scope)."""
        out: Optional[List[Any]] = None
        if sink is None:
            out = []
            sink = out.append
        inputs = None if input is None else list(input)
        if bind_arguments:
            self.evaluator.invoke_with_arguments(block, args, sink, inputs, this=this)
        else:
            self.evaluator.invoke_block(block, sink, dollar_under=dollar_under, args=args,
                                        new_scope=new_scope, input_objects=inputs, this=this)
        return out

    def invoke_value(self, block: Any, dollar_under: Any = NO_VALUE) -> Any:
        """A script block's value (Where-Object, calculated properties): nothing ->
        None, one object -> it, several -> a list."""
        return self.evaluator.call_block_value(block, dollar_under)

    @property
    def call_stack(self) -> List[InvocationInfo]:
        """Where each running function or script was called from, innermost last."""
        return self.evaluator.call_stack

    def load_script(self, path: str) -> Any:
        """The parsed ``.ps1`` at ``path`` on the providers, or None when there is
        none (raises ``exshell.lang.ParseError`` for a file that does not parse)."""
        try:
            provider, item = self.providers.resolve(path)
            read = getattr(provider, "read_bytes", None)
            if read is None or not provider.exists(item) or provider.is_container(item):
                return None
            data = read(item)
        except OSError:
            return None
        from ..lang.source import decode_script
        return self.parse(decode_script(data), provider.item_path(item))

    # ------------------------------------------------------------------ values
    def to_string(self, value: Any) -> str:
        """PowerShell's string conversion (``"$value"``)."""
        from .conversion import to_string
        return to_string(value)

    def convert(self, value: Any, type_name: Any) -> Any:
        """``[type_name]$value``; raises ``ConversionError``.  ``type_name`` is a
        name (``"int"``, ``"System.DateTime"``) or a TypeInfo."""
        from .dotnet import TypeInfo, convert_to, resolve_type
        from .conversion import ConversionError
        info = type_name if isinstance(type_name, TypeInfo) else resolve_type(str(type_name))
        if info is None:
            raise ConversionError(self.dialect.message("TypeNotFound") % type_name)
        return convert_to(value, info, self.statics)

    def as_type(self, value: Any, type_name: Any) -> Any:
        """``$value -as [type_name]``: None when it does not convert."""
        return self.evaluator.as_type(value, type_name)

    def is_type(self, value: Any, type_name: Any) -> bool:
        """``$value -is [type_name]``."""
        return self.evaluator.is_type(value, type_name)


def _datetime_static(context: ExecutionContext, name: str, args: Optional[List[Any]]) -> Any:
    """``[DateTime]::Now``/``Today``/``UtcNow`` read the context's clock (the emulated
    machine's time is UTC); every other member is .NET's."""
    n = name.casefold()
    if args is None and n in ("now", "utcnow"):
        return context.clock.now()
    if args is None and n == "today":
        return context.clock.now().replace(hour=0, minute=0, second=0, microsecond=0)
    from .dotnet import TypeInfo, static_member
    return static_member(TypeInfo("System.DateTime"), name, args,
                         context.statics.without("System.DateTime"))


STATICS.register("System.DateTime", _datetime_static)
# [Environment] and [System.Net.Dns] read the session (exshell.engine.machine).
STATICS.add_lazy("exshell.engine.machine", ("System.Environment", "System.Net.Dns",
                                             "System.Reflection.Assembly"))
