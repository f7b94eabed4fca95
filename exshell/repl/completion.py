"""Tab completion: what may be typed at the cursor, from the session's live state.

:func:`complete` takes the text left of the cursor and returns
:class:`~exshell.engine.completion.Candidate` objects (replacement text, how many
characters before the cursor they replace, and what the menu shows).  It works on a
shell (or its execution context) and never raises, so it is tested on plain strings;
:func:`make_completer` is the thin prompt_toolkit face over it.

This module reads the command line; what completes is decided by the declarations
(never a second list):

* a command name: cmdlets of this version, aliases, functions;
* ``-Name`` in a command's arguments: its parameters (common ones too), those
  already given left out;
* a parameter's value: whatever the parameter's type (or its explicit completer)
  offers -- enum names, ``$true``/``$false``, thumbprints, servers, connectors,
  paths of a provider, the properties of what the pipeline brings
  (:mod:`exshell.engine.completion`); positional arguments count as their parameter;
* ``$name``: variables; ``$cert.Na``: properties of the variable's current value
  (read through the context; nothing is evaluated or changed).

What a command writes (for ``-Property``) is the cmdlet's own declaration
(``Cmdlet.output_properties``, ``Cmdlet.passes_input_through``).

prompt_toolkit is imported only by :func:`make_completer`, the engine's property
helpers only when a completion needs them, so importing this module costs nothing
at start-up.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

from ..structs import LazyPattern

from ..engine.completion import (Candidate, CompletionCache, CompletionRequest, complete_value,
                                 matches)
from .tokens import DASHES, Token, Tokens, tokenize

__all__ = ["Candidate", "complete", "candidates", "AUTOMATIC_VARIABLES", "CompletionCache",
           "make_completer", "Adjusted", "menu_item", "menu_items", "prepare_menus"]


#: Variables the engine provides without them being in a scope (offered after ``$``).
AUTOMATIC_VARIABLES = ("true", "false", "null", "Error", "?", "_", "args", "LASTEXITCODE",
                       "PSItem", "pwd", "Host", "env:")

# $var.Member.Partial at the end of the text (member completion).
_MEMBER_RE = LazyPattern(r"\$(\{[^}]*\}|[\w:]+)((?:\.\w+)*)\.(\w*)$", re.UNICODE)


# ------------------------------------------------------------------ commands

def _command_names(context: Any) -> List[Tuple[str, str]]:
    """(name, kind) of every command the session can run."""
    profile = context.profile
    out: List[Tuple[str, str]] = []
    for cls in context.commands.cmdlets.values():
        if cls.is_available(profile):
            out.append((cls.name, "Cmdlet"))
    for alias, target in context.commands.aliases.items():
        cls = context.commands.lookup(target)
        if cls is None or cls.is_available(profile):
            out.append((alias, "Alias -> %s" % target))
    for func in context.functions.values():
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


def _parameters(context: Any, command: Optional[str]) -> Optional[List[_Param]]:
    """The parameters of ``command`` as this session binds them, or None if unknown."""
    if not command:
        return None
    func = context.functions.get(command.casefold())
    if func is not None:
        block = getattr(getattr(func, "block", None), "node", None)
        pblock = getattr(block, "param_block", None)
        params = []
        for i, decl in enumerate(getattr(pblock, "parameters", ()) or ()):
            is_switch = (getattr(decl, "type_name", "") or "").casefold() in ("switch",
                                                                              "system.management.automation.switchparameter")
            params.append(_Param(decl.name, None if is_switch else i, is_switch))
        return params
    cls = context.commands.lookup(command)
    if cls is None or not cls.is_available(context.profile):
        return None
    return [_Param(p.name, p.position, p.is_switch, p.type, p)
            for p in cls.parameters_for(context.profile)]


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


class Adjusted(Sequence):
    """A value's candidates as Tab uses them, each adjusted when it is read: it
    replaces the ``replace`` characters typed, and its text is put in the quote the
    value was opened with (``quote``) or, holding a blank, in single quotes.  A
    server's ten thousand thumbprints are a list the completer keeps ready; this view
    makes no copy of them, so Tab costs what it shows (one candidate at a time)."""

    __slots__ = ("_base", "_replace", "_quote", "_close", "_blanks")

    def __init__(self, base: Sequence[Candidate], replace: int, quote: str = "",
                 quote_blanks: bool = True) -> None:
        self._base = base
        self._replace = replace
        self._quote = quote
        self._blanks = quote_blanks
        self._close = ""
        if quote:
            self._close = quote if quote in "'\"" else (
                "\u2019" if quote in _SINGLE_QUOTES else "\u201d")

    def __len__(self) -> int:
        return len(self._base)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self._base)))]
        return self._adjust(self._base[index])

    def __iter__(self) -> Iterator[Candidate]:
        adjust = self._adjust
        for c in self._base:
            yield adjust(c)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "Adjusted(%d candidates)" % len(self._base)

    def _adjust(self, c: Candidate) -> Candidate:
        text = c.text
        if self._quote:
            text = self._quote + text + self._close
        elif self._blanks and " " in text:
            # A value with a blank (a path, a connector) is quoted, as PowerShell's
            # completion does.
            text = "'%s'" % text.replace("'", "''")
        if text is c.text and c.replace == self._replace:
            return c
        return Candidate(text, self._replace, c.display, c.meta)


def _value_candidates(param: _Param, request: CompletionRequest, replace: int,
                      quote: str = "", quote_blanks: bool = True) -> Sequence[Candidate]:
    """What ``param``'s declaration offers (a function's parameters offer nothing);
    each candidate replaces the ``replace`` characters typed."""
    if param.decl is None:
        return []
    return Adjusted(complete_value(param.decl, request), replace, quote, quote_blanks)


def _variables(context: Any, word: str) -> List[Candidate]:
    """``$na`` -> variables of the session (global and script scope) and automatic ones."""
    prefix = word[:1]  # "$" or "@"
    typed = word[1:].lstrip("{")
    names: Dict[str, None] = {}
    if typed.casefold().startswith("env:"):
        for key in context.environment:
            names["env:" + key] = None
    else:
        scopes = [context.global_scope]
        if context.script_scope is not context.global_scope:
            scopes.insert(0, context.script_scope)
        for scope in scopes:
            for entry in scope.vars.values():
                names.setdefault(entry[0], None)
        for name in AUTOMATIC_VARIABLES:
            names.setdefault(name, None)
    found = matches(typed, list(names))
    found.sort(key=str.casefold)
    return [Candidate(prefix + n, len(word)) for n in found]


def _read_variable(context: Any, name: str) -> Any:
    """The current value of ``$name`` (global scope, scope qualifiers allowed), read
    only; automatic variables the engine computes are read the same way."""
    scope = None
    if name.startswith("{") and name.endswith("}"):
        name = name[1:-1]
    if ":" in name:
        scope, name = name.split(":", 1)
        scope = scope.casefold()
    folded = name.casefold()
    if scope == "env":
        return context.environment.get_value(name)
    if scope is None and folded in ("true", "false", "null"):
        return {"true": True, "false": False, "null": None}[folded]
    if folded == "error":
        return context.errors
    if folded == "?":
        return context.last_success
    where = context.script_scope if scope == "script" else context.global_scope
    entry = where.find(name)
    if entry is None and where is not context.global_scope:
        entry = context.global_scope.find(name)
    return None if entry is None else entry[1]


def _members(context: Any, var: str, chain: str, partial: str) -> List[Candidate]:
    from ..engine.properties import NOT_FOUND, get_property, property_names
    value = _read_variable(context, var)
    enumerate_members = context.dialect.member_enumeration   # PowerShell 3.0+
    for name in [n for n in chain.split(".") if n]:
        if isinstance(value, (list, tuple)) and enumerate_members:
            items = [get_property(v, name) for v in value]
            value = [v for v in items if v is not NOT_FOUND]
        else:
            value = get_property(value, name)
        if value is NOT_FOUND or value is None:
            return []
    names = list(property_names(value))
    if isinstance(value, (list, tuple)) and value and enumerate_members:
        # Member enumeration (3.0+): the elements' properties are offered too.
        for n in property_names(value[0]):
            if n not in names:
                names.append(n)
    return [Candidate(n, len(partial), n, "Property") for n in matches(partial, names)]


def complete(shell: Any, text: str, cache: Optional[CompletionCache] = None) -> List[Candidate]:
    """Completions for the end of ``text`` (the input left of the cursor) in
    ``shell`` (a Shell or an ExecutionContext), as a list.  Never raises."""
    return list(candidates(shell, text, cache))


def candidates(shell: Any, text: str, cache: Optional[CompletionCache] = None) -> Sequence[Candidate]:
    """What :func:`complete` lists, as a sequence read on demand (Tab reads one
    candidate at a time; see :class:`Adjusted`).  Never raises."""
    context = getattr(shell, "context", shell)
    try:
        return _complete(context, text, cache if cache is not None else CompletionCache())
    except Exception:  # completion must never break the prompt
        return []


def _complete(context: Any, text: str, cache: CompletionCache) -> Sequence[Candidate]:
    m = _MEMBER_RE.search(text)
    if m:
        return _members(context, m.group(1), m.group(2), m.group(3))
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
        last_index, word = len(toks), ""
    elif last is not None:
        last_index, word = len(toks) - 1, last.text
    else:
        last_index, word = len(toks), ""

    if word[:1] == "$" or (word[:1] == "@" and len(word) > 1 and last.kind == "variable"):
        return _variables(context, word)

    # A command name.
    if (last is not None and last.kind == "command") or (last is None and toks.mode == "start"
                                                          and toks.after_keyword is None):
        commands = _command_names(context)
        chosen = set(matches(word, [n for n, _ in commands]))
        names = sorted(((n, k) for n, k in commands if n in chosen), key=lambda x: x[0].casefold())
        return [Candidate(n, len(word), n, k) for n, k in names]
    return _in_arguments(context, toks, last, last_index, word, quote, cache)


def _in_arguments(context: Any, toks: Tokens, last: Optional[Token], last_index: int, word: str,
                  quote: str, cache: CompletionCache) -> Sequence[Candidate]:
    """Completion inside a command's arguments: a parameter name or a value."""
    if last is not None and last.command_index is not None:
        index, command = last.command_index, last.command
    elif toks.mode == "command":
        index, command = toks.command_index, toks.command
    else:
        return []
    if index is None:
        return []
    params = _parameters(context, command)
    if params is None:
        return []
    state = _walk_command(toks, index, last_index, params)

    def request(typed: str) -> CompletionRequest:
        return CompletionRequest(context, typed.strip(_QUOTES), given=state.named, cache=cache,
                                 command=context.commands.lookup(command or ""),
                                 upstream=lambda: _upstream_properties(context, toks, index))

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
        return _value_candidates(p, request(""), 0, quote_blanks=False) if p else []
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
    return _value_candidates(param, request(word), len(word), quote)


def _upstream_properties(context: Any, toks: Tokens, index: int, depth: int = 0) -> List[str]:
    """Property names of the objects piped into the command named by token ``index``:
    what the command before it declares it writes (through commands that pass their
    input on), or the current value of a variable at the head of the pipeline.
    Nothing is run."""
    from ..engine.properties import property_names
    k = index - 1
    while k >= 0 and toks[k].kind == "whitespace":
        k -= 1
    if k < 0 or toks[k].text != "|" or depth > 20:
        return []
    pipe = toks[k]
    if pipe.command_index is not None:
        cls = context.commands.lookup(pipe.command or "")
        if cls is None:
            return []
        if cls.passes_input_through:
            return _upstream_properties(context, toks, pipe.command_index, depth + 1)
        return list(cls.output_properties(context))
    k -= 1
    while k >= 0 and toks[k].kind == "whitespace":
        k -= 1
    if k < 0 or toks[k].kind != "variable" or toks[k].text.startswith("@"):
        return []
    value = _read_variable(context, toks[k].text[1:])
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

#: Candidate -> its prompt_toolkit Completion (see menu_item).
_MENU_ITEMS: Dict[Candidate, Any] = {}
_MENU_ITEMS_KEPT = 50000


def menu_item(c: Candidate) -> Any:
    """The prompt_toolkit Completion a menu shows for ``c`` (imports prompt_toolkit).
    Made once per candidate and kept (a candidate is a value: equal ones share it), so
    a menu of ten thousand thumbprints is built once, not on every key."""
    item = _MENU_ITEMS.get(c)
    if item is None:
        from prompt_toolkit.completion import Completion
        if len(_MENU_ITEMS) >= _MENU_ITEMS_KEPT:
            _MENU_ITEMS.clear()
        item = _MENU_ITEMS[c] = Completion(c.text, start_position=-c.replace, display=c.shown,
                                           display_meta=c.meta)
    return item


#: The last long menus made: (the candidate list each came from, how it was adjusted,
#: the Completions), newest last.  Holding the list keeps its identity valid.
_LAST_MENUS: List[Tuple[Any, Tuple[Any, ...], List[Any]]] = []
_LAST_MENUS_KEPT = 4
#: Lists at least this long are kept (a short one costs less to make than to check).
_MENU_KEPT_FROM = 256


def menu_items(found: Sequence[Candidate]) -> List[Any]:
    """The prompt_toolkit Completions of a menu of ``found`` (see :func:`menu_item`).
    A long list the completer keeps ready (a server's ten thousand thumbprints, nothing
    typed yet) gives the same menu until it is rebuilt: the menu is made once, so
    opening it again costs no lookups of ten thousand candidates."""
    base = getattr(found, "_base", None) if isinstance(found, Adjusted) else None
    if base is None or len(found) < _MENU_KEPT_FROM:
        return [menu_item(c) for c in found]
    how = (found._replace, found._quote, found._blanks)
    for kept_base, kept_how, items in list(_LAST_MENUS):
        if kept_base is base and kept_how == how:
            return items
    items = [menu_item(c) for c in found]
    _LAST_MENUS.append((base, how, items))
    del _LAST_MENUS[:-_LAST_MENUS_KEPT]
    return items


def prepare_menus(cache: CompletionCache) -> None:
    """Make the menus of the long lists ``cache`` keeps (a server's thumbprints and
    identities, nothing typed yet), so the first menu of a session opens as fast as
    the next (the background warm calls this after building the lists)."""
    for found in cache.kept():
        if isinstance(found, list) and len(found) >= _MENU_KEPT_FROM and \
                all(isinstance(c, Candidate) for c in found[:1]):
            menu_items(Adjusted(found, 0))


def make_completer(shell: Any, cache: Optional[CompletionCache] = None):
    """A prompt_toolkit Completer over :func:`complete` (imports prompt_toolkit)."""
    from prompt_toolkit.completion import Completer

    lists = cache if cache is not None else CompletionCache()

    class ShellCompleter(Completer):
        def get_completions(self, document, complete_event):
            yield from menu_items(candidates(shell, document.text_before_cursor, lists))

    return ShellCompleter()
