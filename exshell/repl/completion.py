"""Tab completion: what may be typed at the cursor, from the shell's live state.

:func:`complete` takes the text left of the cursor and returns :class:`Candidate`
objects (replacement text, how many characters before the cursor they replace, and
what the menu shows).  It works on any :class:`~exshell.shell.Shell` and never
raises, so it is tested on plain strings; :class:`ShellCompleter` is the thin
prompt_toolkit face over it.

What completes where (the same parameter declarations the binder uses, never a
second list):

* a command name: cmdlets of this Exchange version, aliases, functions;
* ``-Name`` in a command's arguments: its parameters (common ones too), those
  already given left out;
* a parameter's value: enum values (``-Services I``), ``$true``/``$false`` for
  Boolean parameters, thumbprints (``-Thumbprint``: the server's certificates with
  their services code and subject beside them), server names (``-Server``), paths
  of the emulated drive (``-Path``, ``-FileName``...) -- see :data:`VALUE_SOURCES`;
  positional arguments count as their parameter;
* ``-Property`` values (``fl Th``): properties of what the pipeline brings, from
  :data:`OUTPUT_PROPERTIES` or a variable at the head of the pipeline;
* ``$name``: variables; ``$cert.Na``: properties of the variable's current value
  (read through the session; nothing is evaluated or changed).

prompt_toolkit is imported only by :func:`make_completer`, the Exchange model and
the engine's property helpers only when a completion needs them, so importing this
module costs nothing at start-up.
"""
from __future__ import annotations

import fnmatch
import re
from typing import Any, Callable, Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple

from .tokens import DASHES, Token, Tokens, tokenize

__all__ = ["Candidate", "complete", "VALUE_SOURCES", "AUTOMATIC_VARIABLES", "ThumbprintCache",
           "make_completer"]


class Candidate(NamedTuple):
    """One completion: ``text`` replaces the ``replace`` characters left of the cursor.
    (A NamedTuple: a thousand thumbprints are built per Tab, so it must be cheap.)"""

    text: str
    replace: int
    display: str = ""
    meta: str = ""

    @property
    def shown(self) -> str:
        return self.display or self.text


#: Variables the engine provides without them being in a scope (offered after ``$``).
AUTOMATIC_VARIABLES = ("true", "false", "null", "Error", "?", "_", "args", "LASTEXITCODE",
                       "PSItem", "pwd", "Host", "env:")

# $var.Member.Partial at the end of the text (member completion).
_MEMBER_RE = re.compile(r"\$(\{[^}]*\}|[\w:]+)((?:\.\w+)*)\.(\w*)$", re.UNICODE)


# ------------------------------------------------------------------ value sources

class ThumbprintCache:
    """Thumbprint candidates per server, rebuilt only after a command has run.

    Building the list reads every store entry and derives its services from the
    server's configuration (reference §1.5): ~100-150 ms for 1,000 certificates.
    So the list is kept until the next command runs (:meth:`invalidate`), and the
    REPL rebuilds it in the background while the user types (:meth:`warm`): the
    first Tab after a command finds it ready.  The subject text of a certificate
    never changes, so it is kept across rebuilds.

    Only the Python objects of the model are read, never changed; a background build
    that overlaps a command (the user pressed Enter quickly) is thrown away.
    """

    def __init__(self) -> None:
        import threading
        self.generation = 0
        self._lists: Dict[int, Tuple[int, List[Tuple[str, str, str]]]] = {}
        self._subjects: Dict[str, str] = {}
        self._lock = threading.Lock()
        self._thread: Any = None

    def invalidate(self) -> None:
        """A command ran: the stores or the services may have changed."""
        self.generation += 1

    def entries(self, server: Any) -> List[Tuple[str, str, str]]:
        """(thumbprint, services code, subject) for every certificate and pending
        request of ``server``, newest first as Get-ExchangeCertificate lists them."""
        with self._lock:  # waits for a background build of the same list
            generation = self.generation
            cached = self._lists.get(id(server))
            if cached is not None and cached[0] == generation:
                return cached[1]
            result = self._build(server)
            if generation == self.generation:
                self._lists[id(server)] = (generation, result)
            return result

    def _build(self, server: Any) -> List[Tuple[str, str, str]]:
        from ..exchange.names import format_dn
        width = server.profile.services_width
        rows = []
        for entry in list(server.my) + list(server.requests):
            thumb = entry.thumbprint
            subject = self._subjects.get(thumb)
            if subject is None:
                subject = self._subjects[thumb] = format_dn(entry.cert.subject)
            code = server.services_of(entry).string_form(width)
            rows.append((entry.cert.not_valid_before_utc, thumb, code, subject))
        rows.sort(key=lambda r: r[0], reverse=True)
        return [(t, c, s) for _, t, c, s in rows]

    def warm(self, server: Any) -> None:
        """Build ``server``'s list in a background thread (no-op if one is running)."""
        import threading
        if server is None or (self._thread is not None and self._thread.is_alive()):
            return

        def build() -> None:
            try:
                self.entries(server)
            except Exception:  # the model changed under us: the next Tab rebuilds
                pass

        self._thread = threading.Thread(target=build, name="exshell-complete-warm", daemon=True)
        self._thread.start()

    def wait(self, timeout: Optional[float] = None) -> None:
        """Wait for a background build (tests and the benchmark)."""
        if self._thread is not None:
            self._thread.join(timeout)


def _target_server(shell: Any, given: Dict[str, str]) -> Any:
    org = shell.organization
    name = given.get("server")
    if name:
        try:
            return org.get_server(name.strip(_QUOTES))
        except Exception:  # an unknown server: nothing to offer
            return None
    return org.local_server


def _thumbprints(shell: Any, given: Dict[str, str], cache: ThumbprintCache,
                 typed: str) -> List[Candidate]:
    server = _target_server(shell, given)
    if server is None:
        return []
    prefix = typed.upper()
    # Filter the cached tuples first: only the matches become candidates.
    return [Candidate(t, 0, t + "  " + code, subject)
            for t, code, subject in cache.entries(server) if t.startswith(prefix)]


def _servers(shell: Any, given: Dict[str, str], cache: ThumbprintCache,
             typed: str) -> List[Candidate]:
    prefix = typed.upper()
    return [Candidate(s.name, 0, s.name, s.fqdn) for s in shell.organization.servers
            if s.name.upper().startswith(prefix)]


def _paths(shell: Any, given: Dict[str, str], cache: ThumbprintCache,
           typed: str) -> List[Candidate]:
    """Files and folders of the emulated drive (read only: a drive never set up
    offers nothing).  ``fi`` completes to ``.\\file.txt`` as PowerShell does; folders
    come first."""
    cut = max(typed.rfind("\\"), typed.rfind("/"))
    folder, prefix = typed[:cut + 1], typed[cut + 1:]
    try:
        drive = shell.drive
        where = drive.resolve(folder or ".", shell.location)
        children = drive.children(where)
    except (OSError, AttributeError, ValueError):
        return []
    folded = prefix.casefold()
    lead = folder if folder else ".\\"
    return [Candidate(lead + c.name, 0, c.name, "Folder" if c.is_folder else "File")
            for c in children if c.name.casefold().startswith(folded)]


#: Parameter name (case-folded) -> where its values come from: a function of the
#: shell, the parameters given so far (folded name -> text), the thumbprint cache and
#: the text typed (quotes removed).  Enum and Boolean values come from the
#: parameter's type and need no entry here.
VALUE_SOURCES: Dict[str, Callable[[Any, Dict[str, str], ThumbprintCache, str], List[Candidate]]] = {
    "thumbprint": _thumbprints,
    "identity": _thumbprints,
    "server": _servers,
    "path": _paths,
    "literalpath": _paths,
    "filepath": _paths,
    "filename": _paths,
    "requestfile": _paths,
    "destination": _paths,
}


# ------------------------------------------------------------------ commands

def _profile(shell: Any) -> Any:
    return getattr(shell.session, "profile", None)


def _command_available(cls: Any, profile: Any) -> bool:
    return cls.is_available(profile)


def _command_names(shell: Any) -> List[Tuple[str, str]]:
    """(name, kind) of every command the session can run."""
    session = shell.session
    profile = _profile(shell)
    out: List[Tuple[str, str]] = []
    for cls in session.commands.cmdlets.values():
        if _command_available(cls, profile):
            out.append((cls.name, "Cmdlet"))
    for alias, target in session.commands.aliases.items():
        cls = session.commands.lookup(target)
        if cls is None or _command_available(cls, profile):
            out.append((alias, "Alias -> %s" % target))
    for func in session.functions.values():
        out.append((getattr(func, "Name", ""), "Function"))
    return [(n, k) for n, k in out if n]


class _Param:
    """What the completer needs of a parameter (a cmdlet's or a function's)."""

    __slots__ = ("name", "position", "is_switch", "type", "decl")

    def __init__(self, name: str, position: Optional[int] = None, is_switch: bool = False,
                 type: Any = None, decl: Any = None):
        self.name = name
        self.position = position
        self.is_switch = is_switch
        self.type = type
        self.decl = decl


def _parameters(shell: Any, command: Optional[str]) -> Optional[List[_Param]]:
    """The parameters of ``command`` as this session binds them, or None if unknown."""
    if not command:
        return None
    session = shell.session
    func = session.functions.get(command.casefold())
    if func is not None:
        block = getattr(getattr(func, "block", None), "node", None)
        pblock = getattr(block, "param_block", None)
        params = []
        for i, decl in enumerate(getattr(pblock, "parameters", ()) or ()):
            is_switch = (getattr(decl, "type_name", "") or "").casefold() in ("switch",
                                                                              "system.management.automation.switchparameter")
            params.append(_Param(decl.name, None if is_switch else i, is_switch))
        return params
    cls = session.commands.lookup(command)
    if cls is None or not _command_available(cls, _profile(shell)):
        return None
    return [_Param(p.name, p.position, p.is_switch, p.type, p)
            for p in cls.parameters_for(_profile(shell))]


def _find_param(params: Sequence[_Param], typed: str) -> Optional[_Param]:
    """The parameter ``-typed`` names: exact, else a unique prefix, else own-parameter
    prefix winning over common ones (as the binder resolves it)."""
    folded = typed.casefold()
    exact = [p for p in params if p.name.casefold() == folded]
    if exact:
        return exact[0]
    aliases = [p for p in params if p.decl is not None and
               any(a.casefold() == folded for a in getattr(p.decl, "aliases", ()))]
    if aliases:
        return aliases[0]
    matches = [p for p in params if p.name.casefold().startswith(folded)]
    if len(matches) > 1:
        own = [p for p in matches if not getattr(p.decl, "common", False)]
        matches = own if own else matches
    return matches[0] if len(matches) == 1 else None


# ------------------------------------------------------------------ matching

def _matches(word: str, names: Iterable[Tuple[str, Any]]) -> List[Tuple[str, Any]]:
    """Case-insensitive prefix match; ``*`` and ``?`` make it a wildcard match."""
    folded = word.casefold()
    if any(ch in word for ch in "*?["):
        pattern = folded if folded.endswith("*") else folded + "*"
        return [(n, x) for n, x in names if fnmatch.fnmatchcase(n.casefold(), pattern)]
    return [(n, x) for n, x in names if n.casefold().startswith(folded)]


# ------------------------------------------------------------------ the analysis

_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"
_QUOTES = _SINGLE_QUOTES + '"\u201c\u201d\u201e'
_ARG_START_PUNCT = ("(", "{", "$(", "@(", "@{")


class _CommandState:
    """What a command's arguments so far say: parameters given (with the plain text
    of their values), positional count, and which parameter the next value is for."""

    def __init__(self) -> None:
        self.named: Dict[str, str] = {}       # folded param name -> value text ("" if none)
        self.positional = 0
        self.pending: Optional[_Param] = None   # a named parameter still waiting for its value
        self.current: Optional[_Param] = None   # the parameter the last value went to
        self.after_comma = False


_UNKNOWN = _Param("")  # marks "the value of a parameter the command does not have"


def _walk_command(toks: Tokens, index: int, stop: int, params: Sequence[_Param]) -> _CommandState:
    """Read the command whose name is token ``index``, up to token ``stop``."""
    st = _CommandState()
    for k in range(index + 1, stop):
        tok = toks[k]
        if tok.command_index != index or tok.kind == "whitespace":
            continue
        if tok.kind == "parameter":
            name = tok.text[1:].rstrip(":")
            p = _find_param(params, name)
            st.after_comma = False
            if p is None:
                # An unknown parameter may take a value: the next word is nobody's.
                st.pending = _UNKNOWN
                continue
            st.named[p.name.casefold()] = ""
            st.pending = p if (not p.is_switch or tok.text.endswith(":")) else None
            continue
        if tok.kind == "operator" and tok.text == ",":
            st.after_comma = True
            continue
        starts = tok.kind in ("argument", "number", "string", "variable") or \
            (tok.kind == "punctuation" and tok.text in _ARG_START_PUNCT)
        if not starts:
            continue
        if st.after_comma:
            st.after_comma = False
            if st.current is not None and st.current.name.casefold() in st.named:
                st.named[st.current.name.casefold()] += "," + tok.text
            continue
        if st.pending is _UNKNOWN:
            st.current = st.pending = None
        elif st.pending is not None:
            st.current = st.pending
            st.named[st.pending.name.casefold()] = tok.text
            st.pending = None
        else:
            p = _positional(params, st.named)
            st.positional += 1
            st.current = p
            if p is not None:
                st.named[p.name.casefold()] = tok.text
    return st


def _positional(params: Sequence[_Param], named: Dict[str, str]) -> Optional[_Param]:
    """The parameter the ``count``-th positional argument binds to (0-based among the
    positional arguments already typed, parameters given by name skipped)."""
    seen = set()
    free = []
    for p in sorted((p for p in params if p.position is not None), key=lambda p: p.position):
        if p.name.casefold() in named or p.position in seen:
            continue
        seen.add(p.position)
        free.append(p)
    return free[0] if free else None


def _value_candidates(shell: Any, param: _Param, given: Dict[str, str], word: str,
                      cache: ThumbprintCache) -> List[Candidate]:
    source = VALUE_SOURCES.get(param.name.casefold())
    if source is not None:
        found = source(shell, given, cache, word.strip(_QUOTES))
        return [c._replace(replace=len(word)) for c in found]
    ptype = param.type
    if ptype is None:
        return []
    if getattr(ptype, "dotnet_name", "") == "System.Boolean":
        names = [("$true", ""), ("$false", "")]
        return [Candidate(n, len(word)) for n, _ in _matches(word, names)]
    try:
        choices = list(ptype.choices())
    except Exception:  # a type that cannot list its values offers none
        choices = []
    return [Candidate(n, len(word)) for n, _ in _matches(word, [(c, None) for c in choices])]


def _variables(shell: Any, word: str) -> List[Candidate]:
    """``$na`` -> variables of the session (global and script scope) and automatic ones."""
    prefix = word[:1]  # "$" or "@"
    typed = word[1:].lstrip("{")
    session = shell.session
    names: Dict[str, None] = {}
    if typed.casefold().startswith("env:"):
        env = getattr(shell, "env", {}) or {}
        for key in env:
            names["env:" + key] = None
    else:
        scopes = [session.global_scope]
        script = getattr(session, "script_scope", None)
        if script is not None and script is not session.global_scope:
            scopes.insert(0, script)
        for scope in scopes:
            for entry in scope.vars.values():
                names.setdefault(entry[0], None)
        for name in AUTOMATIC_VARIABLES:
            names.setdefault(name, None)
    found = _matches(typed, [(n, None) for n in names])
    found.sort(key=lambda x: x[0].casefold())
    return [Candidate(prefix + n, len(word)) for n, _ in found]


def _read_variable(shell: Any, name: str) -> Any:
    """The current value of ``$name`` (global scope, scope qualifiers allowed), read
    only; automatic variables the engine computes are read the same way."""
    session = shell.session
    scope = None
    if name.startswith("{") and name.endswith("}"):
        name = name[1:-1]
    if ":" in name:
        scope, name = name.split(":", 1)
        scope = scope.casefold()
    folded = name.casefold()
    if scope == "env":
        env = getattr(shell, "env", {}) or {}
        for k, v in env.items():
            if k.casefold() == folded:
                return v
        return None
    if scope is None and folded in ("true", "false", "null"):
        return {"true": True, "false": False, "null": None}[folded]
    if folded == "error":
        return session.errors
    if folded == "?":
        return session.last_success
    where = session.script_scope if scope == "script" else session.global_scope
    entry = where.find(name)
    if entry is None and where is not session.global_scope:
        entry = session.global_scope.find(name)
    return None if entry is None else entry[1]


def _members(shell: Any, var: str, chain: str, partial: str) -> List[Candidate]:
    from ..engine.properties import NOT_FOUND, get_property, property_names
    value = _read_variable(shell, var)
    for name in [n for n in chain.split(".") if n]:
        if isinstance(value, (list, tuple)) and _member_enumeration(shell):
            items = [get_property(v, name) for v in value]
            value = [v for v in items if v is not NOT_FOUND]
        else:
            value = get_property(value, name)
        if value is NOT_FOUND or value is None:
            return []
    names = list(property_names(value))
    if isinstance(value, (list, tuple)) and value and _member_enumeration(shell):
        # Member enumeration (3.0+): the elements' properties are offered too.
        for n in property_names(value[0]):
            if n not in names:
                names.append(n)
    found = _matches(partial, [(n, None) for n in names])
    return [Candidate(n, len(partial), n, "Property") for n, _ in found]


def _member_enumeration(shell: Any) -> bool:
    """PowerShell 3.0+ reads a property of a collection from its elements."""
    return shell.session.dialect.member_enumeration


def complete(shell: Any, text: str, cache: Optional[ThumbprintCache] = None) -> List[Candidate]:
    """Completions for the end of ``text`` (the input left of the cursor).  Never raises."""
    try:
        return _complete(shell, text, cache or ThumbprintCache())
    except Exception:  # completion must never break the prompt
        return []


def _complete(shell: Any, text: str, cache: ThumbprintCache) -> List[Candidate]:
    m = _MEMBER_RE.search(text)
    if m:
        return _members(shell, m.group(1), m.group(2), m.group(3))
    toks = tokenize(text)
    last: Optional[Token] = toks[-1] if toks and toks[-1].end == len(text) and \
        toks[-1].kind != "whitespace" else None
    quote = ""
    if last is not None and last.unterminated:
        # -Thumbprint "5A<Tab>: a value being typed in quotes (not a here-string).
        if last.kind != "string" or last.text[:1] == "@" or last.command_index is None:
            return []
        quote = last.text[0]
    if last is not None and last.kind == "operator" and last.text == ",":
        last_index = len(toks)
        word = ""
    elif last is not None:
        last_index = len(toks) - 1
        word = last.text
    else:
        last_index = len(toks)
        word = ""

    if word[:1] == "$" or (word[:1] == "@" and len(word) > 1 and last.kind == "variable"):
        return _variables(shell, word)

    # A command name.
    if (last is not None and last.kind == "command") or (last is None and toks.mode == "start"
                                                          and toks.after_keyword is None):
        names = _matches(word, _command_names(shell))
        names.sort(key=lambda x: x[0].casefold())
        return [Candidate(n, len(word), n, k) for n, k in names]

    # Inside a command's arguments.
    if last is not None and last.command_index is not None:
        index = last.command_index
        command = last.command
    elif toks.mode == "command":
        index = toks.command_index
        command = toks.command
    else:
        return []
    if index is None:
        return []
    params = _parameters(shell, command)
    if params is None:
        return []
    state = _walk_command(toks, index, last_index, params)

    if last is not None and last.kind == "parameter" and not last.text.endswith(":"):
        typed = last.text[1:]
        dash = last.text[0]
        taken = set(state.named) - {typed.casefold()}
        found = [p for p in params if p.name.casefold().startswith(typed.casefold())
                 and p.name.casefold() not in taken]
        return [Candidate(dash + p.name, len(last.text), "-" + p.name,
                          "[%s]" % _type_label(p)) for p in found]
    if last is not None and last.kind == "parameter":
        # -Services:<Tab>
        p = _find_param(params, last.text[1:-1])
        return _value_candidates(shell, p, state.named, "", cache) if p else []
    if word and word[0] in DASHES:
        return []

    # A value: for the parameter before it, the one before the comma, or positional.
    if last is not None and last.kind == "operator" and last.text == ",":
        param = state.current
    elif state.pending is _UNKNOWN:
        return []
    elif state.pending is not None:
        param = state.pending
    elif state.after_comma:
        param = state.current
    else:
        param = _positional(params, state.named)
    if param is None or param.is_switch:
        return []
    if param.name.casefold() == "property":
        # fl Th<Tab>: properties of what the pipeline brings (ListOf(Object) offers none).
        names = _upstream_properties(shell, toks, index)
        return [Candidate(n, len(word), n, "Property")
                for n, _ in _matches(word, [(n, None) for n in names])]
    found = _value_candidates(shell, param, state.named, word, cache)
    if quote:
        close = quote if quote in "'\"" else ("\u2019" if quote in _SINGLE_QUOTES else "\u201d")
        found = [c._replace(text=quote + c.text + close) for c in found]
    else:
        # A value with a blank (a path) is quoted, as PowerShell's completion does.
        found = [c._replace(text="'%s'" % c.text.replace("'", "''")) if " " in c.text else c
                 for c in found]
    return found


def _certificate_properties(shell: Any) -> List[str]:
    from ..exchange.certificate import view_class_for
    return list(view_class_for(shell.session.dialect).PS_PROPERTIES)


#: What a command writes, as property names, known without running it:
#: canonical command name (folded) -> function of the shell.
OUTPUT_PROPERTIES: Dict[str, Callable[[Any], List[str]]] = {
    "get-exchangecertificate": _certificate_properties,
    "new-exchangecertificate": _certificate_properties,
    "import-exchangecertificate": _certificate_properties,
}
#: Commands that pass their input objects on as they are.
PASS_THROUGH = frozenset(("where-object", "sort-object", "tee-object"))


def _upstream_properties(shell: Any, toks: Tokens, index: int, depth: int = 0) -> List[str]:
    """Property names of the objects piped into the command named by token ``index``:
    from a known command's output (through Where-/Sort-/Tee-Object), or from the
    current value of a variable at the head of the pipeline.  Nothing is run."""
    from ..engine.properties import property_names
    k = index - 1
    while k >= 0 and toks[k].kind == "whitespace":
        k -= 1
    if k < 0 or toks[k].text != "|" or depth > 20:
        return []
    pipe = toks[k]
    if pipe.command_index is not None:
        cls = shell.session.commands.lookup(pipe.command or "")
        name = (cls.name if cls is not None else (pipe.command or "")).casefold()
        if name in PASS_THROUGH:
            return _upstream_properties(shell, toks, pipe.command_index, depth + 1)
        source = OUTPUT_PROPERTIES.get(name)
        return source(shell) if source is not None else []
    k -= 1
    while k >= 0 and toks[k].kind == "whitespace":
        k -= 1
    if k < 0 or toks[k].kind != "variable" or toks[k].text.startswith("@"):
        return []
    value = _read_variable(shell, toks[k].text[1:])
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    return list(property_names(value))


def _type_label(p: _Param) -> str:
    """``[String]``, ``[SmtpDomain[]]``, ``[switch]``: the type as PowerShell's
    completion tooltip names it (namespace dropped)."""
    if p.is_switch:
        return "switch"
    name = getattr(p.type, "dotnet_name", "") or "Object"
    suffix = ""
    if "`1[" in name:  # MultiValuedProperty`1[T] reads as T[]
        name, suffix = name.split("`1[", 1)[1].rstrip("]"), "[]"
    return name.rsplit(".", 1)[-1] + suffix


# ------------------------------------------------------------------ prompt_toolkit face

def make_completer(shell: Any, cache: Optional[ThumbprintCache] = None):
    """A prompt_toolkit Completer over :func:`complete` (imports prompt_toolkit)."""
    from prompt_toolkit.completion import Completer, Completion

    thumbs = cache or ThumbprintCache()

    class ShellCompleter(Completer):
        def get_completions(self, document, complete_event):
            for c in complete(shell, document.text_before_cursor, thumbs):
                yield Completion(c.text, start_position=-c.replace, display=c.shown,
                                 display_meta=c.meta)

    return ShellCompleter()
