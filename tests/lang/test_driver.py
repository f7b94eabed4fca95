"""The lean driver (exshell.lang.driver) must run the grammar exactly as pyparsing's own
driver does: the same trees, spans included, and the same errors at the same
positions.  Compares a grammar run both ways on every table of the parser tests, the
corpus and random statements."""
import pathlib

import pytest

from exshell.lang import ParseError, grammar, parser
from exshell.lang.source import decode_script

from .test_errors import CASES as ERROR_CASES
from .test_fast_path import EXTRA, PIECES
from .test_grammar import SHAPES
from .test_properties import CORPUS
from .test_real_world_syntax import SYNTAX

FILES = sorted((pathlib.Path(__file__).parent / "corpus").glob("*.ps1"))
_PLAIN: list = []


def plain():
    """The grammar run by pyparsing's own driver (built once)."""
    if not _PLAIN:
        _PLAIN.append(grammar.build(lean=False))
    return _PLAIN[0]


def outcome(root, text):
    try:
        return parser.parse_with(root, text)
    except ParseError as e:
        return type(e).__name__, e.issues


TEXTS = ([t for t, _ in SHAPES] + [t for t, *_ in ERROR_CASES] + CORPUS + EXTRA
         + [t for t, _ in SYNTAX])


@pytest.mark.parametrize("text", TEXTS)
def test_both_drivers_agree(text):
    assert outcome(parser.grammar(), text) == outcome(plain(), text)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_both_drivers_agree_on_the_corpus(path):
    text = decode_script(path.read_bytes())
    assert outcome(parser.grammar(), text) == outcome(plain(), text)
    for cut in range(7, len(text), max(1, len(text) // 25)):  # prefixes: errors midway
        assert outcome(parser.grammar(), text[:cut]) == outcome(plain(), text[:cut]), cut


hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8),
       st.lists(st.sampled_from([" ", "", "\n"]), min_size=8, max_size=8))
def test_both_drivers_agree_on_random_statements(pieces, gaps):
    text = "".join(p + g for p, g in zip(pieces, gaps))
    assert outcome(parser.grammar(), text) == outcome(plain(), text)
