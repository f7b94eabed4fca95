"""The compiled driver (exshell.lang.compiled) must run the grammar exactly as the lean
driver and pyparsing's own do: the same trees, spans included, and the same errors
(ids, messages, positions).  Its dispatch tables must never skip an alternative that
could match, and the source kept in the package must be the one the grammar's shape
gives today."""
import pathlib
import random
import re

import pyparsing as pp
import pytest

from exshell.lang import ParseError, compiled, firstchars, grammar, lexicon, parser
from exshell.lang import _compiled_regexes as kept_regexes
from exshell.lang import ast as A
from exshell.lang.source import decode_script

from .test_driver import TEXTS
from .test_fast_path import PIECES

FILES = sorted((pathlib.Path(__file__).parent / "corpus").glob("*.ps1"))
_BUILT: dict = {}


def built(driver):
    if driver not in _BUILT:
        if driver == "warm":
            # A compiled grammar whose fast paths are on for good (they stay on once
            # switched on); the shared one may still have them off.
            root = grammar.build()
            saved = compiled.FAST_PATHS_AFTER
            compiled.FAST_PATHS_AFTER = 0
            try:
                parser.parse_with(root, "Get-Foo -A b | fl\n$x = $y.Z + 1\n$i++\n")
            finally:
                compiled.FAST_PATHS_AFTER = saved
            _BUILT[driver] = root
        else:
            _BUILT[driver] = grammar.build(driver=driver)
    return _BUILT[driver]


def outcome(root, text):
    try:
        return parser.parse_with(root, text)
    except ParseError as e:
        return type(e).__name__, e.issues


def same_everywhere(text, pyparsing_too=True):
    got = outcome(built("compiled"), text)
    assert got == outcome(built("warm"), text)
    assert got == outcome(built("lean"), text)
    if pyparsing_too:
        assert got == outcome(built("pyparsing"), text)


# ------------------------------------------------------------------ the kept source

def test_the_kept_source_is_current():
    """`python -m exshell.lang.grammar --write-compiled` writes it; run that after changing
    the grammar."""
    from exshell.lang import _compiled_grammar as kept
    elements = compiled._all_elements(built("lean"))
    shape = compiled.describe(elements)
    again = "the grammar changed: run  python -m exshell.lang.grammar --write-compiled"
    assert kept.FINGERPRINT == compiled.fingerprint(shape), again
    text = pathlib.Path(kept.__file__).read_text(encoding="utf-8")
    assert text == compiled.kept_module_text(built("lean")), again


def test_the_shared_grammar_runs_the_compiled_functions():
    root = parser.grammar()
    assert getattr(root._parse, "compiled", None) is not None


def test_a_grammar_whose_shape_changed_is_compiled_in_memory(monkeypatch):
    """A fingerprint that does not match the kept module: the source is written and
    compiled on the spot, with the same results."""
    monkeypatch.setattr(compiled, "fingerprint", lambda shape: "not the kept one")
    root = grammar.build()
    for text in ["Get-Foo -Name x | fl", "if ($a) { 'b' } else { $c.D() }", "@{ a = "]:
        assert outcome(root, text) == outcome(built("lean"), text)


def _fast_matchers(root):
    """The fast paths' regex matchers in the compiled functions' namespace."""
    ns = root._parse.compiled.__globals__
    fast = [k for k, e in enumerate(compiled._all_elements(root)) if getattr(e, "fast_path", False)]
    assert len(fast) == 4
    return [ns[f"M{k}"] for k in fast]


def test_fast_paths_switch_on_after_enough_text_when_their_regexes_must_compile(monkeypatch):
    """Compiling the fast paths' regexes costs more than they save on a short text."""
    monkeypatch.setattr(compiled, "is_kept", lambda pattern, flags: False)
    root = grammar.build()
    text = "Get-ExchangeCertificate -Domain x | fl\n$a = $b.C + 1\n"
    monkeypatch.setattr(compiled, "FAST_PATHS_AFTER", 10 ** 12)
    cold = parser.parse_with(root, text)
    assert all(isinstance(m, compiled._DormantMatch) for m in _fast_matchers(root))  # not compiled
    monkeypatch.setattr(compiled, "FAST_PATHS_AFTER", 0)
    assert parser.parse_with(root, text) == cold
    assert not all(isinstance(m, compiled._DormantMatch) for m in _fast_matchers(root))


@pytest.mark.skipif(lexicon.runtime_key() != kept_regexes.RUNTIME,
                    reason="the kept regex code was written by another Python")
def test_fast_paths_are_on_from_the_start_when_their_regexes_are_kept(monkeypatch):
    monkeypatch.setattr(compiled, "FAST_PATHS_AFTER", 10 ** 12)
    root = grammar.build()
    parser.parse_with(root, "Get-ExchangeCertificate -Domain x | fl\n")
    assert not all(isinstance(m, compiled._DormantMatch) for m in _fast_matchers(root))


# ------------------------------------------------------------------ kept regex code

def test_the_kept_regex_code_is_current():
    """What `python -m exshell.lang.grammar --write-compiled` writes for this Python;
    the code written by another Python is not used here at all."""
    patterns = compiled.kept_patterns(built("lean"))
    again = "the regexes changed: run  python -m exshell.lang.grammar --write-compiled"
    assert sorted(kept_regexes.INDEX) == [(p, int(f)) for p, f in patterns], again
    if lexicon.runtime_key() == kept_regexes.RUNTIME:
        text = pathlib.Path(kept_regexes.__file__).read_text(encoding="utf-8")
        assert text == lexicon.kept_regexes_text(patterns), again
    else:
        assert not any(lexicon.is_kept(p, f) for p, f in patterns)


def test_a_python_the_code_was_not_written_for_compiles_as_usual(monkeypatch):
    monkeypatch.setattr(lexicon, "_KEPT", None)
    monkeypatch.setattr(lexicon, "runtime_key", lambda: ("another-python", 0))
    pattern, flags = next(iter(kept_regexes.INDEX))
    assert not lexicon.is_kept(pattern, flags)
    assert lexicon.compile_regex(pattern, flags) is re.compile(pattern, flags)  # re's own cache


@pytest.mark.skipif(lexicon.runtime_key() != kept_regexes.RUNTIME,
                    reason="the kept regex code was written by another Python")
def test_regexes_from_kept_code_are_the_regexes_re_compiles():
    """The same pattern objects (flags, groups, names) matching the same way: every kept
    regex at every position of a corpus script, spans of every group compared."""
    text = decode_script(FILES[0].read_bytes())[:1500] + "\n$x = @{ A = 1 } -and -not $b\n"
    for pattern, flags in kept_regexes.INDEX:
        ours, theirs = lexicon.compile_regex(pattern, flags), re.compile(pattern, flags)
        assert ours is not theirs
        assert (ours.pattern, ours.flags, ours.groups, dict(ours.groupindex)) == \
            (theirs.pattern, theirs.flags, theirs.groups, dict(theirs.groupindex))
        for pos in range(len(text) + 1):
            a, b = ours.match(text, pos), theirs.match(text, pos)
            assert (a is None) == (b is None), (pattern, pos)
            if a is not None:
                assert a.regs == b.regs, (pattern, pos)


# ------------------------------------------------------------------ same trees, same errors

@pytest.mark.parametrize("text", TEXTS)
def test_all_drivers_agree(text):
    same_everywhere(text, pyparsing_too=False)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_all_drivers_agree_on_the_corpus_and_its_prefixes(path):
    text = decode_script(path.read_bytes())
    same_everywhere(text)
    rng = random.Random(path.stem)
    for cut in range(3, len(text), max(1, len(text) // 30)):
        same_everywhere(text[:cut], pyparsing_too=False)
        # and a mutation: one character dropped or one inserted
        at = rng.randrange(len(text))
        same_everywhere(text[:at] + text[at + 1:], pyparsing_too=False)
        same_everywhere(text[:at] + rng.choice("(){}[]\"'$`|,;=-@#<>\n ") + text[at:], pyparsing_too=False)


def flat(tree) -> list:
    """A deep tree as a flat list (comparing deep trees directly would recurse)."""
    out, stack = [], [tree]
    while stack:
        x = stack.pop()
        if isinstance(x, A.Node):
            out.append(type(x).__name__)
            stack.extend(reversed([getattr(x, f) for f in A.fields(x)]))
        elif isinstance(x, tuple) and not isinstance(x, A.Span):
            out.append(len(x))
            stack.extend(reversed(x))
        else:
            out.append(x)
    return out


def test_deep_nesting_runs_in_groups_the_same_way():
    """Text too deep for the stack: the nesting guard parses group by group."""
    for text in ["(" * 900 + "1" + ")" * 900, "{" * 700 + "}" * 700, "@(" * 700 + ")" * 700,
                 "(" * 900 + "1" + ")" * 899, "$(" * 700 + "x" + ")" * 700]:
        a, b = outcome(built("compiled"), text), outcome(built("lean"), text)
        assert flat(a) == flat(b)


hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

MORE = PIECES + ["@(", "$(", "[", "]", "::", "foreach", "in", "while", "try", "catch", "finally",
                 "function f", "param(", "[Parameter(Mandatory)]", "switch", "default", "trap",
                 "throw", "@'\nx\n'@", '@"\nx $y\n"@', "<# c #>", "-not", "!", "$a[0]", ".M(",
                 "-split", "&", ". ", "begin", "process", "class X", ":lbl", "<", "&&", "-bnot",
                 "[type]::M()", "exit 1", "$env:X", "${a b}", "`n", "'", '"', "\u201c", "\u2018"]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(MORE), min_size=1, max_size=9),
       st.lists(st.sampled_from([" ", "", "\n", "  ", "\t"]), min_size=9, max_size=9))
def test_all_drivers_agree_on_random_statements(pieces, gaps):
    same_everywhere("".join(p + g for p, g in zip(pieces, gaps)))


# ------------------------------------------------------------------ dispatch tables

_SUFFIXES = ["", " ", "\n", "x", "a b", "$x", "(1)", "{ }", "'s'", '"d"', "-Name x", "5", "=",
             "::M", ".Name", "[int]", "@{", "@(", "# c", "<# c #>", "`\nx", "|", ",", ";", "++",
             "in $y)", "if", "Get-Foo", "\u201c", "\u2013", "-eq 1", "x.y", "]", ")", "}"]


def _keys():
    chars = [chr(i) for i in range(128)] + [firstchars.EOF]
    return [(spaced, c) for spaced in (False, True) for c in chars]


def test_no_regex_token_is_skipped_where_it_could_match():
    """For every regex of the grammar and every ASCII key: if the regex matches some
    text with that key, the analysis must say it may start there."""
    regexes = [e for e in compiled._all_elements(built("lean")) if type(e) is pp.Regex]
    assert len(regexes) > 100
    for e in regexes:
        pattern = re.compile(e.pattern, e.flags)
        for spaced, c in _keys():
            if firstchars.regex_may_start(e, spaced, c):
                continue
            lead = " " if spaced else ""
            for suffix in ([""] if c == firstchars.EOF else _SUFFIXES):
                for blank in ("", "\t ") if spaced else ("",):
                    text = lead + blank + c + suffix
                    assert pattern.match(text) is None, (e.pattern, spaced, c, text)


def test_the_key_at_a_position():
    assert firstchars.key_at("a b", 0) == "a"
    assert firstchars.key_at("a  \t b", 1) == " b"
    assert firstchars.key_at("a ", 1) == " "
    assert firstchars.key_at("a", 1) == ""
