"""What Tab offers for a parameter's value: decided by the parameter, never by the REPL.

A parameter's *type* says what completes it (or, when the type is shared by very
different parameters, an explicit ``completer=`` on the declaration)::

    SERVER = completing(StringType("Microsoft.Exchange.Configuration.Tasks.ServerIdParameter"),
                        complete_servers)
    Parameter("Server", SERVER)                       # offers the organisation's servers
    Parameter("Path", PATH)                           # files and folders, by provider
    Parameter("Services", SERVICES)                   # an enum: its names (no completer)

A completer is a function of a :class:`CompletionRequest` (the context, the
parameters typed so far, the word being typed, a cache) returning
:class:`Candidate` objects.  Types without one offer their ``choices()`` (enums,
ValidateSet) and Booleans offer ``$true``/``$false``.  The REPL
(:mod:`exshell.repl.completion`) only reads the command line and asks
:func:`complete_value`; it replaces the typed word and adds quotes.

Completers run on every Tab: they read the session, never change it, and keep
expensive lists in the :class:`CompletionCache` (valid until the next command runs).
Modules may also register *warmers* that build such lists in the background while the
user types (:func:`register_warmer`).

Imports the engine only.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, Hashable, List, NamedTuple, Optional

__all__ = ["Candidate", "CompletionRequest", "CompletionCache", "Completer", "completing",
           "complete_value", "complete_paths", "complete_property_names", "matches",
           "register_warmer", "WARMERS", "PATH", "PATHS"]


class Candidate(NamedTuple):
    """One completion: ``text`` replaces the ``replace`` characters left of the cursor.
    (A NamedTuple: a thousand thumbprints are built per Tab, so it must be cheap.)"""

    text: str
    replace: int = 0
    display: str = ""
    meta: str = ""

    @property
    def shown(self) -> str:
        return self.display or self.text


class CompletionCache:
    """Candidate lists that are costly to build (every certificate of a server),
    kept until the next command runs (:meth:`invalidate`) -- or, built with a
    ``stamp``, for as long as the stamp is equal (the world's revision: a command
    that changed nothing keeps the lists); :meth:`memo` dicts live across commands
    (texts that never change, such as a certificate's subject).

    Background builds (:meth:`warm`) overlap nothing but reads; one that races a
    command is thrown away by the generation check.
    """

    def __init__(self) -> None:
        self.generation = 0
        self._lists: Dict[Hashable, Any] = {}
        self._memos: Dict[str, Dict[Any, Any]] = {}
        import threading
        self._lock = threading.Lock()
        self._thread: Any = None
        #: Called with the cache in the background after the warmers have run (the
        #: PSReadLine console makes the menus of the long lists there).
        self.after_warm: Optional[Callable[["CompletionCache"], None]] = None

    def invalidate(self) -> None:
        """A command ran: what the lists came from may have changed."""
        self.generation += 1

    def clear(self) -> None:
        """Forget every list, stamped or not (the next Tab builds what it needs)."""
        self.generation += 1
        self._lists = {}

    def get(self, key: Hashable, build: Callable[[], Any], stamp: Hashable = None) -> Any:
        """The list under ``key`` for this generation (or, given a ``stamp``, built
        under an equal stamp), built if needed (waits for a background build of the
        same list)."""
        cached = self._valid(key, stamp)
        if cached is not None:
            return cached[2]
        with self._lock:
            generation = self.generation
            cached = self._valid(key, stamp)
            if cached is not None:
                return cached[2]
            value = build()
            if generation == self.generation:
                self._lists[key] = (generation, stamp, value)
            return value

    def _valid(self, key: Hashable, stamp: Hashable) -> Any:
        cached = self._lists.get(key)
        if cached is None:
            return None
        if cached[0] == self.generation or (stamp is not None and cached[1] == stamp):
            return cached
        return None

    def kept(self) -> List[Any]:
        """The lists kept now (valid or not)."""
        return [entry[2] for entry in list(self._lists.values())]

    def peek(self, key: Hashable, stamp: Hashable = None) -> Any:
        """The list under ``key`` if it is valid (as :meth:`get` says), else None."""
        cached = self._valid(key, stamp)
        return cached[2] if cached is not None else None

    def memo(self, name: str) -> Dict[Any, Any]:
        """A dict kept across commands (for values that never change)."""
        return self._memos.setdefault(name, {})

    def warm(self, build: Callable[[], Any]) -> None:
        """Run ``build`` in a background thread (no-op while one is running)."""
        import threading
        if self._thread is not None and self._thread.is_alive():
            return

        def run() -> None:
            try:
                build()
            except Exception:  # the session changed under us: the next Tab rebuilds
                pass

        self._thread = threading.Thread(target=run, name="exshell-complete-warm", daemon=True)
        self._thread.start()

    def wait(self, timeout: Optional[float] = None) -> None:
        """Wait for a background build (tests and the benchmark)."""
        if self._thread is not None:
            self._thread.join(timeout)


class CompletionRequest:
    """What a completer gets.

    ``context``: the ExecutionContext (read it, never change it); ``given``: the
    parameters typed so far on this command, folded name -> the text of the value;
    ``word``: what is typed of the value (quotes removed); ``cache``: the
    CompletionCache; ``command``: the cmdlet class (None for a function);
    ``upstream``: a function giving the property names of what the pipeline brings
    (for ``-Property``), read only when asked.
    """

    __slots__ = ("context", "given", "word", "cache", "command", "_upstream")

    def __init__(self, context: Any, word: str = "", *, given: Optional[Dict[str, str]] = None,
                 cache: Optional[CompletionCache] = None, command: Any = None,
                 upstream: Optional[Callable[[], List[str]]] = None) -> None:
        self.context = context
        self.word = word
        self.given = dict(given or {})
        self.cache = cache if cache is not None else CompletionCache()
        self.command = command
        self._upstream = upstream

    def upstream_properties(self) -> List[str]:
        return list(self._upstream()) if self._upstream is not None else []


#: completer(request) -> candidates.
Completer = Callable[[CompletionRequest], List[Candidate]]


def completing(param_type: Any, completer: Completer) -> Any:
    """A copy of ``param_type`` whose values ``completer`` completes (binding is the
    same: only Tab sees the difference)."""
    made = object.__new__(type(param_type))
    made.__dict__.update(param_type.__dict__)
    made.completer = completer
    return made


def matches(word: str, names: List[str]) -> List[str]:
    """Case-insensitive prefix match; ``*`` and ``?`` make it a wildcard match."""
    folded = word.casefold()
    if any(ch in word for ch in "*?["):
        import fnmatch
        pattern = folded if folded.endswith("*") else folded + "*"
        return [n for n in names if fnmatch.fnmatchcase(n.casefold(), pattern)]
    return [n for n in names if n.casefold().startswith(folded)]


def _completer_of(parameter: Any) -> Optional[Completer]:
    explicit = getattr(parameter, "completer", None)
    if explicit is not None:
        return explicit
    ptype = getattr(parameter, "type", None)
    for candidate in (ptype, getattr(ptype, "item", None)):
        found = getattr(candidate, "completer", None)
        if found is not None:
            return found
    return None


def complete_value(parameter: Any, request: CompletionRequest) -> List[Candidate]:
    """The candidates for ``parameter``'s value (a Parameter declaration): its
    completer, else its type's, else the type's names or ``$true``/``$false``.  The
    list is the caller's to read, not to change."""
    completer = _completer_of(parameter)
    if completer is not None:
        # A list as it comes (read only): a kept list keeps its identity, so the menu
        # made of it last time is made again only when the list is rebuilt.
        found = completer(request)
        return found if type(found) is list else list(found)
    ptype = getattr(parameter, "type", None)
    if ptype is None:
        return []
    if getattr(ptype, "dotnet_name", "") == "System.Boolean":
        return [Candidate(n) for n in matches(request.word, ["$true", "$false"])]
    try:
        choices = list(ptype.choices())
    except Exception:  # a type that cannot list its values offers none
        choices = []
    return [Candidate(n) for n in matches(request.word, choices)]


# ------------------------------------------------------------------ completers of the engine

def complete_paths(request: CompletionRequest) -> List[Candidate]:
    """Items under the folder typed so far, through the providers (read only: a drive
    never set up offers nothing).  ``fi`` completes to ``.\\file.txt`` as PowerShell
    does; containers come first (the provider's order)."""
    typed = request.word
    cut = max(typed.rfind("\\"), typed.rfind("/"))
    folder, prefix = typed[:cut + 1], typed[cut + 1:]
    try:
        provider, where = request.context.providers.resolve(folder or ".", prepare=False)
        children = provider.children(where)
        found = [(provider.item_name(c), provider.is_container(c)) for c in children]
    except (OSError, AttributeError, ValueError):
        return []
    folded = prefix.casefold()
    lead = folder if folder else ".\\"
    return [Candidate(lead + name, 0, name, "Folder" if container else "File")
            for name, container in found if name.casefold().startswith(folded)]


def complete_property_names(request: CompletionRequest) -> List[Candidate]:
    """``-Property``: the properties of what the pipeline brings."""
    names = request.upstream_properties()
    return [Candidate(n, 0, n, "Property") for n in matches(request.word, names)]


def _path_types() -> Any:
    from .conversion import ListOf, StringType
    return (completing(StringType(), complete_paths),
            completing(ListOf(StringType(), "System.String[]"), complete_paths))


#: A path parameter (``-FilePath``) and a list of paths (``-Path``).
PATH, PATHS = _path_types()

#: Warmers: functions (context, cache) that fill the cache in the background.
WARMERS: List[Callable[[Any, CompletionCache], None]] = []


def register_warmer(warmer: Callable[[Any, CompletionCache], None]) -> None:
    """Have ``warmer(context, cache)`` run in the background after each command (the
    REPL calls :func:`warm`), so the first Tab finds its lists ready."""
    WARMERS.append(warmer)


def warm(context: Any, cache: CompletionCache) -> None:
    """Start the registered warmers in the background (the families that register
    them are imported first, here: a shell imports them on its first lookup)."""
    from .statics import load_indexes
    load_indexes()

    def run() -> None:
        for warmer in list(WARMERS):
            warmer(context, cache)
        then = cache.after_warm
        if then is not None:
            then(cache)
    cache.warm(run)
