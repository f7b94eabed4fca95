"""The compiled driver: the pyparsing grammar written out as Python functions.

The grammar stays pyparsing's element graph (see :mod:`~exshell.lang.grammar`); this
module writes, for that graph, one Python function per element, with the regex
tokens, empty elements and their actions written out inline in the sequences,
repetitions and choices that use them, and runs those functions.  They match the
grammar exactly as pyparsing does (the same alternatives in the same order, the
furthest failure reported by a choice, the same actions with the same arguments and
the same fail actions) with much less work per element:

* no exception for a failed attempt: a function returns the end position, or the
  bitwise complement (``~loc``, negative) of the position where it failed;
* tokens go straight into the caller's list (no intermediate lists or result objects);
* a choice of three or more alternatives looks at the character at hand
  (:mod:`~exshell.lang.firstchars`) and tries only the alternatives that can start
  with it.

Every element keeps a ``_parse`` of pyparsing's shape, ``(s, loc, do_actions)`` ->
``(end, tokens)`` or a raised ``ParseException``, so the parser, the nesting guard's
memo and anything outside this scheme work unchanged.

The functions' source is a pure function of the grammar's shape (:func:`describe`),
which is cheap to compute; writing and compiling the source is not (a fifth of a
second).  So the source is kept in the package (``_compiled_grammar.py``, written by
``python -m exshell.lang.grammar --write-compiled``) together with the shape's fingerprint;
when the fingerprint of the grammar being built matches, its functions are used (Python
caches their bytecode), otherwise the source is written and compiled in memory.
``tests/lang/test_compiled.py`` fails when the kept source is out of date, and runs
every test input, a corpus and random statements through this driver, the lean
driver (:mod:`~exshell.lang.driver`) and pyparsing's own, comparing trees, error ids,
messages and positions.

Regexes compile on first use (from their kept code where there is some, see
:func:`~exshell.lang.lexicon.compile_regex`).  Imported only when the grammar is built.
"""
from __future__ import annotations

import hashlib
import re

import pyparsing as pp
from pyparsing.core import _ParseActionIndexError

from .firstchars import may_start
from .lexicon import compile_regex, is_kept
from .state import PARSED, current_parse

__all__ = ["install", "source_of", "describe", "fingerprint", "kept_module_text", "MODULE"]

ParseException = pp.ParseException
#: The module that keeps the written-out source.
MODULE = "exshell.lang._compiled_grammar"
#: Choices with at least this many alternatives look at the character at hand first.
DISPATCH_MIN = 3
#: The fast paths (statement, argument and operand regexes, see rules/script.py) are on
#: from the start when their regexes' code is kept (lexicon.compile_regex: the Python
#: that wrote _compiled_regexes.py).  Otherwise they switch on once the process has
#: parsed this many characters, counting the text at hand: compiling their regexes
#: costs about 50 ms, and they save about a sixth of the parse time, a tenth of a
#: microsecond per character (measured on admin scripts).  Until then their regexes do
#: not match, and the general rules, which build the same trees
#: (tests/lang/test_fast_path.py), parse everything.
FAST_PATHS_AFTER = 400_000
#: What an Opt without a default value holds instead of one.
_NOT_MATCHED = pp.Opt(pp.Empty()).defaultValue


# ------------------------------------------------------------------ installing

def install(root) -> None:
    """Give every element under ``root`` its compiled ``_parse``."""
    elements = _all_elements(root)
    shape = describe(elements)
    namespace = _bindings(elements, shape)
    functions = _kept_functions(fingerprint(shape))
    if functions is not None:
        from .firstchars import preset
        for k, masks in functions["FIRST"].items():
            preset(elements[k], masks)
    else:
        code = compile(_source(shape), "<exshell grammar>", "exec")
        functions = {}
        exec(code, functions)
    # The kept module's functions read their globals from its own namespace; a module
    # is shared by every grammar built in the process, so each grammar gets fresh
    # function objects over its own namespace.
    namespace.update({"__builtins__": __builtins__})
    for k, elem in enumerate(elements):
        template = functions[f"p{k}"]
        fn = type(template)(template.__code__, namespace, template.__name__)
        namespace[f"p{k}"] = fn
    for k, (kind, kids, _extra) in enumerate(shape):
        if kind == "or" and len(kids) >= DISPATCH_MIN:
            namespace[f"D{k}"].fns = tuple(namespace[f"p{j}"] for j in kids)
    for k, elem in enumerate(elements):
        elem._parse = _public(namespace[f"p{k}"], elem)


def _kept_functions(print_: str):
    """The kept module's functions, if it was written for this grammar's shape."""
    try:
        import importlib
        module = importlib.import_module(MODULE)
    except ImportError:
        return None
    if getattr(module, "FINGERPRINT", None) != print_:
        return None
    return vars(module)


def _public(fn, elem):
    """pyparsing's calling convention over a compiled function."""
    errmsg = elem.errmsg

    def parse(s, loc, do_actions=True, callPreParse=True):
        out = []
        end = fn(s, loc, out)
        if end < 0:
            raise ParseException(s, ~end, errmsg, elem)
        return end, out
    parse.compiled = fn
    return parse


# ------------------------------------------------------------------ the grammar's shape

def _all_elements(root):
    """Every element under ``root`` in a fixed order (depth first, children in order)."""
    seen = set()
    order = []
    stack = [root]
    while stack:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        order.append(e)
        kids = list(getattr(e, "exprs", None) or ())
        one = getattr(e, "expr", None)
        if one is not None:
            kids.append(one)
        stack.extend(reversed(kids))
    return order


def _raw_actions(e):
    """The element's parse actions as written (pyparsing wraps each in an
    arity-guessing trampoline; ours all take ``(s, loc, toks)``)."""
    out = []
    for fn in e.parseAction:
        code = getattr(fn, "__code__", None)
        raw = fn
        if code is not None and "func" in code.co_freevars and fn.__closure__:
            inner = fn.__closure__[code.co_freevars.index("func")].cell_contents
            inner_code = getattr(inner, "__code__", None)
            if inner_code is not None and inner_code.co_argcount == 3:
                raw = inner
        out.append(raw)
    return tuple(out)


def _actions(e):
    if not e.parseAction or e.callDuringTry:
        return ()
    return _raw_actions(e)


def _kind(e, Nest=None, InString=None) -> str:
    t = type(e)
    if e.resultsName:
        return "generic"
    if t is pp.Regex:
        return "regex"
    if t is pp.Empty:
        return "empty"
    if e.failAction is not None:
        return "generic"
    if t is pp.And:
        return "generic" if any(type(x) is pp.And._ErrorStop for x in e.exprs) else "and"
    if t is pp.MatchFirst:
        return "or"
    if t in (pp.ZeroOrMore, pp.OneOrMore):
        if getattr(e, "not_ender", None) is not None or e.ignoreExprs \
                or getattr(e, "max_count", None) is not None:   # max_count: pyparsing 3.3.3+
            return "generic"
        return "more" if t is pp.OneOrMore else "many"
    if t is pp.Opt:
        return "opt" if e.defaultValue is _NOT_MATCHED else "generic"
    if t is pp.NotAny:
        return "notany"
    if t is Nest:
        return "nest"
    if t is InString:
        return "instring"
    if t is pp.Forward and e.expr is not None:
        return "forward"
    return "generic"


def _action_tags(actions, drop) -> tuple:
    tags = []
    for fn in actions:
        if fn is drop:
            tags.append("drop")
        elif getattr(fn, "tok_kind", None) is not None:
            tags.append("tok:" + fn.tok_kind)
        else:
            tags.append("fn")
    return tuple(tags)


def describe(elements) -> tuple:
    """The grammar's shape: per element (kind, children's indices, details; for a
    regex its pattern and flags too, which the kept analysis depends on).  The
    written-out source depends on nothing else."""
    from .elements import InString, Nest, drop
    index = {id(e): k for k, e in enumerate(elements)}
    shape = []
    for e in elements:
        kind = _kind(e, Nest, InString)
        kids = getattr(e, "exprs", None) or []
        one = getattr(e, "expr", None)
        if one is not None:
            kids = [*kids, one]
        ids = tuple([index[id(x)] for x in kids])
        if kind == "generic":
            extra: tuple = ()
        elif kind == "regex":
            extra = (bool(e.asMatch), e.failAction is not None, _action_tags(_actions(e), drop),
                     e.pattern, e.flags)
        else:
            extra = (_action_tags(_actions(e), drop),)
        shape.append((kind, ids, extra))
    return tuple(shape)


def fingerprint(shape) -> str:
    return hashlib.sha256(repr((shape, DISPATCH_MIN)).encode()).hexdigest()[:32]


# ------------------------------------------------------------------ what the source reads

class _Tables:
    """A choice's dispatch table: key -> the alternatives that can start there."""

    __slots__ = ("alts", "fns", "table")

    def __init__(self, alts):
        self.alts, self.fns, self.table = alts, (), {}

    def fill(self, key):
        if len(key) <= 1:
            spaced, c = False, key
        else:
            spaced, c = True, key[1:]
        picked = tuple(f for a, f in zip(self.alts, self.fns) if may_start(a, spaced, c))
        if len(self.table) < 4096:
            self.table[key] = picked
        return picked


class _DormantMatch:
    """A fast path's ``match``: no match until the process has parsed
    ``FAST_PATHS_AFTER`` characters; then it compiles and puts the real one in place."""

    __slots__ = ("elem", "name", "namespace")

    def __init__(self, elem, name, namespace):
        self.elem, self.name, self.namespace = elem, name, namespace

    def __call__(self, s, pos):
        elem = self.elem
        if PARSED[0] < FAST_PATHS_AFTER and not is_kept(elem.pattern, elem.flags):
            return None
        match = compile_regex(elem.pattern, elem.flags).match
        self.namespace[self.name] = match
        return match(s, pos)


class _LazyMatch:
    """A regex element's ``match``, compiled on its first call; it then puts the real
    one in its place."""

    __slots__ = ("elem", "name", "namespace")

    def __init__(self, elem, name, namespace):
        self.elem, self.name, self.namespace = elem, name, namespace

    def __call__(self, s, pos):
        match = compile_regex(self.elem.pattern, self.elem.flags).match
        self.namespace[self.name] = match
        return match(s, pos)


def _bindings(elements, shape) -> dict:
    """The names the source reads, bound to this grammar's objects."""
    from .elements import Deeper
    from .nodes import Tok
    ns = {"ParseException": ParseException, "PR": pp.ParseResults, "Tok": Tok,
          "_PAIE": _ParseActionIndexError, "CUR": current_parse, "Deeper": Deeper,
          "_BLANKS": re.compile(r"[ \t]+").match}
    for k, (e, (kind, kids, extra)) in enumerate(zip(elements, shape)):
        if kind == "regex":
            lazy = _DormantMatch if getattr(e, "fast_path", False) else _LazyMatch
            ns[f"M{k}"] = lazy(e, f"M{k}", ns)
            if e.failAction is not None:
                ns[f"FA{k}"] = e.failAction
        if kind == "generic":
            from .driver import _generic
            ns[f"G{k}"] = _generic(e, _actions(e), e.failAction)
        for i, fn in enumerate(_actions(e)):
            ns[f"A{k}_{i}"] = fn
        ns[f"E{k}"] = e
        if kind == "or" and len(kids) >= DISPATCH_MIN:
            ns[f"D{k}"] = _Tables([elements[j] for j in kids])
    return ns


# ------------------------------------------------------------------ writing the source

def source_of(root) -> str:
    """The Python source the compiled driver writes for ``root``."""
    elements = _all_elements(root)
    return _source(describe(elements))


def _source(shape) -> str:
    return _Writer(shape).source()


def _return(ind, where, out):
    out.append(f"{ind}return {where}")


class _Writer:
    """Writes one function per element of a grammar's shape."""

    def __init__(self, shape):
        self.shape = shape

    def source(self) -> str:
        lines = []
        for k in range(len(self.shape)):
            kind = self.shape[k][0]
            body: list = []
            getattr(self, "f_" + kind)(k, body)
            lines.append(f"def p{k}(s, loc, O):")
            lines.extend("    " + x for x in body)
            lines.append("")
        return "\n".join(lines) + "\n"

    def leaf(self, k) -> bool:
        return self.shape[k][0] in ("regex", "empty")

    def tags(self, k) -> tuple:
        kind, _kids, extra = self.shape[k]
        if kind == "regex":
            return extra[2]
        if kind == "generic":
            return ()
        return extra[0]

    # -- pieces

    def emit(self, k, target, out, ind, fail) -> None:
        """Parse element ``k`` at ``loc`` into list ``target``: on success ``loc`` is
        the end; on failure the code ``fail(ind, where_expr, out)`` writes runs (it
        must leave the block).  ``where_expr`` is the complement of the position."""
        kind = self.shape[k][0]
        if kind == "regex":
            self.emit_regex(k, target, out, ind, fail)
        elif kind == "empty":
            self.emit_push(k, self.tags(k), "[]", target, out, ind, "loc", fail)
        else:
            out.append(f"{ind}r = p{k}(s, loc, {target})")
            out.append(f"{ind}if r < 0:")
            fail(ind + "    ", "r", out)
            out.append(f"{ind}loc = r")

    def emit_push(self, k, tags, toks, target, out, ind, start, fail) -> None:
        """Run element ``k``'s actions on the tokens ``toks`` and put what they give
        into ``target``."""
        if not tags:
            if toks != "[]":
                out.append(f"{ind}{target} += {toks}")
            return
        if tags == ("drop",):
            return
        if len(tags) == 1 and tags[0].startswith("tok:") and toks == "[m]":
            kind = tags[0][4:]
            out.append(f"{ind}{target}.append(Tok(m.group(1), m.start(1), m.end(1), {kind!r}))")
            return
        var = "T" if toks == "T" else "t"
        if var == "t":
            out.append(f"{ind}t = {toks}")
        out.append(f"{ind}try:")
        for i in range(len(tags)):
            out.append(f"{ind}    v = A{k}_{i}(s, {start}, {var})")
            if len(tags) > 1:
                out.append(f"{ind}    if v is not None and v is not {var}:")
                out.append(f"{ind}        {var} = v if v.__class__ is list else "
                           f"list(v) if isinstance(v, PR) else [v]")
        out.append(f"{ind}except ParseException as x:")
        fail(ind + "    ", "~x.loc", out)
        out.append(f"{ind}except IndexError as x:")
        out.append(f"{ind}    raise _PAIE('IndexError raised in parse action', x) from None")
        if len(tags) == 1:
            out.append(f"{ind}if v.__class__ is list:")
            out.append(f"{ind}    {target} += v")
            out.append(f"{ind}elif v is None:")
            out.append(f"{ind}    {target} += {var}")
            out.append(f"{ind}elif isinstance(v, PR):")
            out.append(f"{ind}    {target} += v")
            out.append(f"{ind}else:")
            out.append(f"{ind}    {target}.append(v)")
        else:
            out.append(f"{ind}{target} += {var}")

    def emit_regex(self, k, target, out, ind, fail) -> None:
        as_match, has_fail, tags = self.shape[k][2][:3]
        out.append(f"{ind}m = M{k}(s, loc)")
        out.append(f"{ind}if m is None:")
        if has_fail:
            out.append(f"{ind}    FA{k}(s, loc, E{k}, ParseException(s, loc, E{k}.errmsg, E{k}))")
        fail(ind + "    ", "~loc", out)
        tok = "[m]" if as_match else "[m.group(0)]"
        if tags:
            self.emit_push(k, tags, tok, target, out, ind, "loc", fail)
        else:
            out.append(f"{ind}{target}.append({tok[1:-1]})")
        out.append(f"{ind}loc = m.end()")

    def with_actions(self, k, out, body) -> None:
        """Collect tokens into T when ``k`` has actions, run them, push into O."""
        tags = self.tags(k)
        if tags and tags != ("drop",):
            out.append("start = loc")
            out.append("T = []")
            body("T")
            self.emit_push(k, tags, "T", "O", out, "", "start", _return)
        elif tags == ("drop",):
            out.append("T = []")
            body("T")
        else:
            body("O")
        out.append("return loc")

    # -- element kinds

    def f_regex(self, k, out) -> None:
        self.emit_regex(k, "O", out, "", _return)
        out.append("return loc")

    def f_empty(self, k, out) -> None:
        self.emit_push(k, self.tags(k), "[]", "O", out, "", "loc", _return)
        out.append("return loc")

    def f_generic(self, k, out) -> None:
        # Any other element runs its own parseImpl behind the lean driver's wrapper.
        out.append("try:")
        out.append(f"    end, toks = G{k}(s, loc, True)")
        out.append("except ParseException as x:")
        out.append("    return ~x.loc")
        out.append("O += toks")
        out.append("return end")

    def f_forward(self, k, out) -> None:
        inner = self.shape[k][1][0]
        self.with_actions(k, out, lambda target: self.emit(inner, target, out, "", _return))

    def f_and(self, k, out) -> None:
        kids = self.shape[k][1]

        def body(target):
            truncating = target == "O" and len(kids) > 1
            if truncating:
                out.append("n0 = len(O)")
            for i, kid in enumerate(kids):
                if truncating and i > 0:
                    self.emit(kid, target, out, "", _truncating)
                else:
                    self.emit(kid, target, out, "", _return)
        self.with_actions(k, out, body)

    def f_or(self, k, out) -> None:
        kids = self.shape[k][1]
        tags = self.tags(k)
        target = "T" if tags else "O"
        if tags:
            out.append("T = []")
        if not kids:
            out.append("return ~loc")
            return
        if len(kids) >= DISPATCH_MIN:
            out.append("c = s[loc:loc + 1]")
            out.append("if c == ' ' or c == '\\t':")
            out.append("    j = _BLANKS(s, loc).end()")
            out.append("    c = ' ' + s[j:j + 1]")
            out.append(f"alts = D{k}.table.get(c)")
            out.append("if alts is None:")
            out.append(f"    alts = D{k}.fill(c)")
            out.append("best = loc")
            out.append("for f in alts:")
            out.append(f"    r = f(s, loc, {target})")
            out.append("    if r >= 0:")
            out.append("        break")
            out.append("    if ~r > best:")
            out.append("        best = ~r")
            out.append("else:")
            out.append("    return ~best")
        else:
            out.append("start = loc")
            out.append("best = loc")
            ind = ""
            for i, a in enumerate(kids):
                if self.leaf(a):
                    self.emit_alt_leaf(a, target, out, ind)
                else:
                    out.append(f"{ind}r = p{a}(s, loc, {target})")
                out.append(f"{ind}if r < 0:")
                out.append(f"{ind}    if ~r > best:")
                out.append(f"{ind}        best = ~r")
                if i == len(kids) - 1:
                    out.append(f"{ind}    return ~best")
                ind += "    "
        if tags and tags != ("drop",):
            out.append("T0 = loc")
            out.append("loc = r")
            self.emit_push(k, tags, "T", "O", out, "", "T0", _return)
            out.append("return loc")
        else:
            out.append("return r")

    def emit_alt_leaf(self, a, target, out, ind) -> None:
        """A leaf alternative inline: ``r`` is its end or ~failure; ``loc`` stays."""
        def fail(i2, where, o):
            o.append(f"{i2}r = {where}")
            o.append(f"{i2}break")
        out.append(f"{ind}while True:")
        self.emit(a, target, out, ind + "    ", fail)
        out.append(f"{ind}    r = loc")
        out.append(f"{ind}    loc = start")
        out.append(f"{ind}    break")

    def f_many(self, k, out) -> None:
        kid = self.shape[k][1][0]

        def body(target):
            out.append("while True:")
            if self.leaf(kid):
                self.emit(kid, target, out, "    ", _break)
            else:
                out.append(f"    r = p{kid}(s, loc, {target})")
                out.append("    if r < 0:")
                out.append("        break")
                out.append("    loc = r")
        self.with_actions(k, out, body)

    def f_more(self, k, out) -> None:
        kid = self.shape[k][1][0]

        def body(target):
            self.emit(kid, target, out, "", _return)
            out.append("while True:")
            if self.leaf(kid):
                self.emit(kid, target, out, "    ", _break)
            else:
                out.append(f"    r = p{kid}(s, loc, {target})")
                out.append("    if r < 0:")
                out.append("        break")
                out.append("    loc = r")
        self.with_actions(k, out, body)

    def f_opt(self, k, out) -> None:
        kid = self.shape[k][1][0]

        def body(target):
            if self.leaf(kid):
                out.append("while True:")
                self.emit(kid, target, out, "    ", _break)
                out.append("    break")
            else:
                out.append(f"r = p{kid}(s, loc, {target})")
                out.append("if r >= 0:")
                out.append("    loc = r")
        self.with_actions(k, out, body)

    def f_notany(self, k, out) -> None:
        kid = self.shape[k][1][0]
        out.append(f"if p{kid}(s, loc, []) >= 0:")
        out.append("    return ~loc")
        self.emit_push(k, self.tags(k), "[]", "O", out, "", "loc", _return)
        out.append("return loc")

    def f_nest(self, k, out) -> None:
        kid = self.shape[k][1][0]
        out.append("st = CUR.state")
        out.append("if st.depth >= st.nest_limit:")
        out.append(f"    found = st.memo.get((id(E{k}), loc, True, st.in_string))")
        out.append("    if found is None:")
        out.append(f"        raise Deeper(E{k}, loc, True, st.last_op, st.in_string)")
        out.append("    if isinstance(found, BaseException):")
        out.append("        if isinstance(found, ParseException):")
        out.append("            return ~found.loc")
        out.append("        raise found.with_traceback(None)")
        out.append("    O += found[1]")
        out.append("    return found[0]")
        out.append("st.depth += 1")
        out.append("try:")
        out.append(f"    return p{kid}(s, loc, O)")
        out.append("finally:")
        out.append("    st.depth -= 1")

    def f_instring(self, k, out) -> None:
        kid = self.shape[k][1][0]
        out.append("st = CUR.state")
        out.append("st.in_string += 1")
        out.append("try:")
        out.append(f"    return p{kid}(s, loc, O)")
        out.append("finally:")
        out.append("    st.in_string -= 1")


def _truncating(ind, where, out):
    out.append(f"{ind}del O[n0:]")
    out.append(f"{ind}return {where}")


def _break(ind, where, out):
    out.append(f"{ind}break")


# ------------------------------------------------------------------ keeping the source

#: The modules whose LazyRegexes are kept.  Named, not imported, here: the parser
#: imports the grammar, which imports this module, and keeping is a tool's job.
_PATTERN_MODULES = (".firstchars", ".lexicon", ".nodes", ".parser", ".state", ".rules.script")


def kept_patterns(root) -> list:
    """The (pattern, flags) pairs whose engine code is kept (_compiled_regexes.py): the
    grammar's regex elements and every LazyRegex of the parser's modules."""
    import importlib
    for module in _PATTERN_MODULES:            # each registers its LazyRegexes on import
        importlib.import_module(module, __package__)
    pairs = {(e.pattern, e.flags) for e in _all_elements(root) if isinstance(e, pp.Regex)}
    from .lexicon import LAZY
    pairs.update((r.pattern, r.flags) for r in LAZY)
    return sorted(pairs)


def kept_module_text(root) -> str:
    """The text of the kept module for the grammar ``root`` (built with any driver);
    ``python -m exshell.lang.grammar --write-compiled`` writes it."""
    shape = describe(_all_elements(root))
    header = ('"""The compiled grammar\'s functions, written by\n'
              '``python -m exshell.lang.grammar --write-compiled`` from the grammar\'s shape\n'
              '(see :mod:`exshell.lang.compiled`).  Do not edit: change the grammar and write\n'
              'it again (tests/lang/test_compiled.py fails while this is out of date)."""\n'
              "# flake8: noqa\n"
              "# fmt: off\n"
              f"FINGERPRINT = {fingerprint(shape)!r}\n")
    from .firstchars import regex_masks
    first = {k: regex_masks(extra[3], extra[4]) for k, (kind, _kids, extra) in enumerate(shape)
             if kind == "regex" and not extra[1]}
    table = "".join(f"    {k}: ({a:#x}, {b:#x}),\n" for k, (a, b) in first.items())
    header += ("# Per regex element: which characters it may start at (firstchars.regex_masks).\n"
               "FIRST = {\n" + table + "}\n\n\n")
    return header + _source(shape)
