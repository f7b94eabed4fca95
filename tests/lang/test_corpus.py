"""A corpus of real-world style admin scripts (tests/lang/corpus/*.ps1, written for
exshell) must parse, and running them must never hit an internal error (they may
fail the way a real shell would: missing files, unknown servers)."""
import pathlib

import pytest

from exshell.lang import parse
from exshell.lang.source import decode_script

CORPUS = sorted((pathlib.Path(__file__).parent / "corpus").glob("*.ps1"))


#: Scripts that hit a known parser gap, with the gap (strict: fixing it flags the entry).
KNOWN_GAPS: dict = {}


@pytest.mark.parametrize("path", [
    pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[p.stem]))
    if p.stem in KNOWN_GAPS else p for p in CORPUS], ids=[p.stem for p in CORPUS])
def test_corpus_parses(path):
    parse(decode_script(path.read_bytes()), file=str(path))


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_runs_without_internal_errors(path):
    from exshell.testing import make_shell
    shell, host = make_shell("2016", answers=["n"] * 20, interactive=False)
    shell.run(decode_script(path.read_bytes()), file=str(path))
    assert shell.internal_errors == [], shell.internal_errors
    assert "Traceback" not in host.text
