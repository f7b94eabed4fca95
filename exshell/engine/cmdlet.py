"""The cmdlet base class and the command table.

A cmdlet is one class that declares itself as data::

    class RemoveThing(Cmdlet):
        \"\"\"Remove a thing.\"\"\"
        name = "Remove-Thing"
        parameters = (Parameter("Name", STRING, position=0, mandatory=True,
                                from_pipeline_by_name=True),)
        supports_should_process = True
        confirm_impact = "High"

        def process(self, p):
            if self.should_process("Remove thing %s." % p.Name):
                ...

Defining the class registers it (``__init_subclass__``).  Lifecycle per pipeline:
``begin()`` once, ``process(p)`` once per input object (once in all when the command
is first in its pipeline), ``end()`` once.  ``process`` receives the bound
parameters; it writes objects with :meth:`write_object`, reports a problem with one
input with :meth:`write_error` (the pipeline goes on) and stops the command with
:meth:`throw_terminating`.  Every change goes through :meth:`should_process` once per
target, *before* mutating: check, build, ask, mutate.

Depends on the rest of ``exshell.engine`` only.
"""
from __future__ import annotations

from typing import Any, Callable, ClassVar, Dict, Iterable, List, Optional, Sequence, Tuple, Type

from .errors import (ErrorRecord, InvocationInfo, StopUpstreamSignal,
                     TerminatingError)
from .host import Choice, SUSPEND_CHOICE, YES_NO_CHOICES
from .statics import load_indexes
from ..profiles import dialect as as_dialect
from .parameters import ALL_SETS, BoundParameters, Parameter, common_parameters, for_profile

__all__ = ["Cmdlet", "CommandTable", "REGISTRY", "CONFIRM_IMPACTS"]

CONFIRM_IMPACTS = ("None", "Low", "Medium", "High")


class CommandTable:
    """Cmdlets and aliases by case-insensitive name.

    A table may have a ``parent`` (a session's table sits on the built-in
    :data:`REGISTRY`; its own aliases stay its own) and *lazy modules*: command
    families that are imported only when one of their names is first looked up
    (start-up imports only what the first command needs).  Reading ``cmdlets`` or
    ``aliases`` as a whole imports every lazy module first.
    """

    def __init__(self, parent: Optional["CommandTable"] = None) -> None:
        self._cmdlets: Dict[str, Type["Cmdlet"]] = {}
        self._aliases: Dict[str, str] = {}
        self.parent = parent
        #: folded command or alias name -> module that defines it, not yet imported.
        self._lazy: Dict[str, str] = {}

    # -- registration ---------------------------------------------------------------
    def add(self, cls: Type["Cmdlet"]) -> None:
        self._cmdlets[cls.name.casefold()] = cls
        for alias in cls.aliases:
            self._aliases[alias.casefold()] = cls.name

    def add_alias(self, alias: str, target: str) -> None:
        self._aliases[alias.casefold()] = target

    def add_lazy(self, module: str, names: Iterable[str]) -> None:
        """Declare that importing ``module`` registers ``names`` (commands and aliases)."""
        for name in names:
            self._lazy[name.casefold()] = module

    def _load(self, module: str) -> None:
        import importlib
        for key in [k for k, m in self._lazy.items() if m == module]:
            del self._lazy[key]
        importlib.import_module(module)

    def load_all(self) -> None:
        load_indexes()
        for module in sorted(set(self._lazy.values())):
            self._load(module)
        if self.parent is not None:
            self.parent.load_all()

    # -- reading --------------------------------------------------------------------
    @property
    def cmdlets(self) -> Dict[str, Type["Cmdlet"]]:
        self.load_all()
        merged = dict(self.parent.cmdlets) if self.parent is not None else {}
        merged.update(self._cmdlets)
        return merged

    @property
    def aliases(self) -> Dict[str, str]:
        self.load_all()
        merged = dict(self.parent.aliases) if self.parent is not None else {}
        merged.update(self._aliases)
        return merged

    def _find(self, folded: str) -> Optional[Type["Cmdlet"]]:
        found = self._cmdlets.get(folded)
        if found is None and load_indexes():
            found = self._cmdlets.get(folded)
        if found is None and folded in self._lazy:
            self._load(self._lazy[folded])
            found = self._cmdlets.get(folded)
        if found is None and self.parent is not None:
            found = self.parent._find(folded)
        return found

    def _alias_target(self, folded: str) -> Optional[str]:
        target = self._aliases.get(folded)
        if target is None and load_indexes():
            target = self._aliases.get(folded)
        if target is None and folded in self._lazy:
            self._load(self._lazy[folded])
            target = self._aliases.get(folded)
        if target is None and self.parent is not None:
            target = self.parent._alias_target(folded)
        return target

    def alias_target(self, name: str) -> Optional[str]:
        """What alias ``name`` stands for (a command or function name), or None."""
        return self._alias_target(name.casefold())

    def remove_alias(self, name: str) -> bool:
        """Forget a session alias (built-in ones stay)."""
        return self._aliases.pop(name.casefold(), None) is not None

    def lookup(self, name: str) -> Optional[Type["Cmdlet"]]:
        folded = name.casefold()
        target = self._alias_target(folded)
        if target is not None:
            folded = target.casefold()
        return self._find(folded)

    def names(self) -> List[str]:
        return sorted(c.name for c in self.cmdlets.values())


#: The built-in command table every session starts from.
REGISTRY = CommandTable()


#: (cmdlet class, profile) -> its parameters (Parameters and profiles are immutable).
_PARAMETERS_FOR: Dict[Tuple[type, Any], Tuple[Parameter, ...]] = {}


class Cmdlet:
    # -- declaration (class attributes) ----------------------------------------------
    name: ClassVar[str] = ""
    aliases: ClassVar[Tuple[str, ...]] = ()
    parameters: ClassVar[Tuple[Parameter, ...]] = ()
    default_set: ClassVar[str] = ALL_SETS
    supports_should_process: ClassVar[bool] = False
    confirm_impact: ClassVar[str] = "Medium"
    #: The .NET class in FullyQualifiedErrorId of runtime errors.  Exchange cmdlets
    #: reach EMS as proxy functions, so their *binding* errors use the plain name.
    dotnet_class: ClassVar[str] = ""
    #: Binding errors' FQID suffix; defaults to dotnet_class, else the name.
    binding_fqid: ClassVar[str] = ""
    #: Where the cmdlet exists: a predicate on the profile (``exshell.profiles``);
    #: None: everywhere.  Read it through :meth:`is_available`.
    available: ClassVar[Optional[Callable[[Any], bool]]] = None
    #: Short help shown by Get-Help / Get-Command (our own words).
    synopsis: ClassVar[str] = ""
    #: The command writes the objects it receives (Where-Object, Sort-Object): Tab on a
    #: later ``-Property`` looks further up the pipeline.
    passes_input_through: ClassVar[bool] = False

    def __init_subclass__(cls, register: bool = True, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        predicate = cls.__dict__.get("available")
        if predicate is not None and not isinstance(predicate, staticmethod):
            cls.available = staticmethod(predicate)  # a plain function must not bind
        if register and cls.name:
            REGISTRY.add(cls)

    @classmethod
    def is_available(cls, profile: Any) -> bool:
        """Whether the cmdlet exists under ``profile`` (None: assume it does)."""
        return cls.available is None or profile is None or bool(cls.available(profile))

    @classmethod
    def all_parameters(cls, dialect: Any = None) -> Tuple[Parameter, ...]:
        """Every parameter declared for ``dialect`` (a Dialect or its name), common
        ones included, before availability is applied.  Cmdlets whose parameters
        differ by PowerShell version override this."""
        return tuple(cls.parameters) + common_parameters(cls.supports_should_process, dialect)

    @classmethod
    def output_properties(cls, context: Any) -> Tuple[str, ...]:
        """The property names of what the command writes, known without running it
        (Tab on ``-Property`` after it); none by default."""
        return ()

    @classmethod
    def dynamic_parameters(cls, context: Any, elements: Sequence[Any],
                           expects_input: bool) -> Tuple[Parameter, ...]:
        """Parameters a provider adds for this command line (PowerShell's dynamic
        parameters: ``-DnsName`` on ``dir Cert:\\...``); ``elements`` are the evaluated
        arguments.  None by default; the navigation cmdlets ask the path's provider."""
        return ()

    @classmethod
    def parameters_for(cls, profile: Any) -> Tuple[Parameter, ...]:
        """The parameters the cmdlet has under ``profile``: what the binder, help,
        Get-Command and completion all read (worked out once per cmdlet and profile:
        a script block may call a cmdlet for each of 10,000 objects)."""
        key = (cls, profile)
        found = _PARAMETERS_FOR.get(key)
        if found is None:
            found = for_profile(cls.all_parameters(getattr(profile, "dialect", None)), profile)
            _PARAMETERS_FOR[key] = found
        return found

    # -- runtime ----------------------------------------------------------------------
    def __init__(self, runtime: "CommandRuntime"):
        self.runtime = runtime
        #: Everything the command may reach (exshell.engine.context.ExecutionContext).
        self.context = runtime.context
        self.host = runtime.context.host

    def begin(self) -> None:
        """Called once before the first input object."""

    def process(self, p: BoundParameters) -> None:
        """Called for each input object (once if the command has no input)."""

    def end(self) -> None:
        """Called once after the last input object."""

    # -- output -------------------------------------------------------------------------
    def write_object(self, obj: Any, enumerate_collection: bool = False) -> None:
        self.runtime.write_object(obj, enumerate_collection)

    def error_record(self, message: str, error_id: str, category: str = "NotSpecified",
                     target: Any = None, exception_type: str = "System.Exception",
                     **extra: Any) -> ErrorRecord:
        """An error record stamped with this command's invocation."""
        return ErrorRecord(message=message, error_id=error_id, category=category,
                           exception_type=exception_type, target=target,
                           activity=self.name, fqid_command=self.dotnet_class or self.name,
                           invocation=self.runtime.invocation, **extra)

    def write_error(self, record: ErrorRecord) -> None:
        self.runtime.write_error(record)

    def throw_terminating(self, record: ErrorRecord) -> None:
        raise TerminatingError(record)

    def write_warning(self, text: str) -> None:
        self.runtime.write_warning(text)

    def stop_upstream(self) -> None:
        """Stop the commands before this one (this one and later ones still run
        ``end()``), as ``Select-Object -First`` does in PowerShell 3.0 and later."""
        raise StopUpstreamSignal()

    def write_verbose(self, text: str) -> None:
        self.runtime.write_verbose(text)

    # -- ShouldProcess / ShouldContinue -------------------------------------------------
    def should_process(self, description: str, target: Optional[str] = None,
                       action: Optional[str] = None, caption: str = "Confirm") -> bool:
        """Ask before a change.  Exchange tasks pass one full ``description``; built-in
        cmdlets pass ``target`` and ``action`` and the description is built from them."""
        return self.runtime.should_process(description, target, action, caption)

    def should_continue(self, query: str, caption: str = "Confirm",
                        offer_all: bool = True) -> bool:
        """A ShouldContinue question (not affected by -Confirm/-WhatIf)."""
        return self.runtime.should_continue(query, caption, offer_all)


class CommandRuntime:
    """What one running command can do: write to the pipeline, report errors, ask.

    Created by the pipeline for each command; the evaluator provides the callables.
    """

    def __init__(self, context: Any, invocation: InvocationInfo, command_name: str,
                 write_object: Callable[[Any, bool], None],
                 error_action: str, what_if: bool, confirm: Optional[bool],
                 confirm_impact: str, verbose: bool, remote_suspend: bool,
                 dialect: Any = None, warning_action: str = "Continue",
                 error_variable: Optional[str] = None):
        self.context = context
        self.session = context.session
        self.invocation = invocation
        self.command_name = command_name
        self._write_object = write_object
        self.error_action = error_action
        self.warning_action = warning_action
        self.what_if = what_if
        self.confirm = confirm
        self.confirm_impact = confirm_impact
        self.verbose = verbose
        self.remote_suspend = remote_suspend
        #: The session's Dialect: the ShouldProcess wording depends on it.
        self.dialect = as_dialect(dialect)
        self.error_variable = error_variable
        self.errors_written: List[ErrorRecord] = []
        #: What the command line bound (available from begin(), before any input).
        self.bound_parameters: Optional[BoundParameters] = None
        self.yes_to_all = False
        self.no_to_all = False
        self.continue_yes_to_all = False
        self.continue_no_to_all = False

    def write_object(self, obj: Any, enumerate_collection: bool = False) -> None:
        self._write_object(obj, enumerate_collection)

    def write_error(self, record: ErrorRecord) -> None:
        self.errors_written.append(record)
        self.session.report_error(record, self.error_action)

    def write_warning(self, text: str) -> None:
        if self.warning_action in ("SilentlyContinue", "Ignore"):
            return
        if self.session.warning_writer is not None:
            self.session.warning_writer(text)
        else:
            self.session.host.write_warning(text)

    def write_verbose(self, text: str) -> None:
        if self.verbose:
            self.session.host.write_verbose(text)

    def _description(self, description: str, target: Optional[str], action: Optional[str]) -> str:
        if target is None:
            return description
        return self.dialect.should_process_text.format(action=action or self.command_name,
                                                       target=target)

    def should_process(self, description: str, target: Optional[str], action: Optional[str],
                       caption: str) -> bool:
        text = self._description(description, target, action)
        if self.what_if:
            self.session.host.write_line("What if: " + text)
            return False
        if self.no_to_all:
            return False
        if self.yes_to_all:
            return True
        if self.confirm is False:
            prompt = False
        elif self.confirm is True:
            prompt = True
        else:
            pref = str(self.session.get_variable("ConfirmPreference", "High"))
            if pref.casefold() == "none":
                prompt = False
            else:
                order = [c.casefold() for c in CONFIRM_IMPACTS]
                try:
                    prompt = order.index(self.confirm_impact.casefold()) >= order.index(pref.casefold())
                except ValueError:
                    prompt = self.confirm_impact == "High"
        if not prompt:
            if self.verbose:
                self.session.host.write_verbose(text)
            return True
        choices = list(YES_NO_CHOICES)
        if self.remote_suspend:
            choices.append(SUSPEND_CHOICE)
        message = "Are you sure you want to perform this action?\n" + text
        while True:
            index = self.session.host.prompt_for_choice(caption, message, choices, 0)
            if index == 4:
                self.session.host.write_line(
                    "Suspend is not available in exshell: answer Y, A, N or L.")
                continue
            break
        if index == 1:
            self.yes_to_all = True
        elif index == 3:
            self.no_to_all = True
        return index in (0, 1)

    def should_continue(self, query: str, caption: str, offer_all: bool,
                        suspend: bool = False) -> bool:
        if self.continue_yes_to_all:
            return True
        if self.continue_no_to_all:
            return False
        choices: List[Choice] = list(YES_NO_CHOICES) if offer_all else [YES_NO_CHOICES[0], YES_NO_CHOICES[2]]
        if suspend:
            choices.append(SUSPEND_CHOICE)
        while True:
            index = self.session.host.prompt_for_choice(caption, query, choices, 0)
            label = choices[index].plain
            if label == "Suspend":
                self.session.host.write_line(
                    "Suspend is not available in exshell: answer Y, A, N or L.")
                continue
            break
        if label == "Yes to All":
            self.continue_yes_to_all = True
        elif label == "No to All":
            self.continue_no_to_all = True
        return label in ("Yes", "Yes to All")
