"""The grammar-free path for one line of plain commands (exshell/lang/simple.py) must
make exactly the tree the grammar makes (spans included), and leave everything else
to the grammar."""
import pytest
from hypothesis import given, settings, strategies as st

from exshell.lang import ParseError, parse
from exshell.lang.parser import grammar, parse_with
from exshell.lang.simple import parse_simple


def _grammar(text):
    try:
        return parse_with(grammar(), text)
    except ParseError as e:
        return ("error", [(i.error_id, i.span) for i in e.issues])


TAKEN = [
    "Get-ExchangeCertificate",
    "Get-ExchangeCertificate -Server EX01 | fl",
    "  Get-ExchangeCertificate   -Thumbprint  5113AE0233A72FCCB75B1D0198628675333D010E | Format-List  ",
    "gci C:\\x -Recurse|ft Name",
    "Get-Date -Format yyyy.MM.dd",
    "Get-Item C:/temp/a.txt | fl",
    "Get-ExchangeCertificate -Thumbprint 'ab cd' | fl",
    "Write-Output 'a|b' ''",
    "\tGet-Foo\t-A\tb\t",
    "Get-Foo -A|fl",
    "Get-Foo a-b a:b a. a\\ -x_1",
    "Write-Output if else function",
    "Get-",
    "a|b|c",
    "Get-Foo ab-",
    "Get-ExchangeCertificate 5113AE0233A72FCCB75B1D0198628675333D010E", "x 7z", "Get-Foo 5a",
]

LEFT = [
    "", " ", "if", "If", "exit", "return", "foreach", "param", "Get-Foo |", "| fl", "Get-Foo ||",
    "Get-Foo -Confirm:$false", "Get-Foo $x", "Get-Foo 5", "Get-Foo 1kb", "Get-Foo 0x1F", "Get-Foo 1e3",
    "Get-Foo 5d", "Get-Foo 12L", "Get-Foo 1.5", "Get-Foo 5-x", "Get-Foo a,b",
    "Get-Foo 'it''s'", "Get-Foo \"x\"", "Get-Foo 'a'b", "Get-Foo a'b'", "Get-Foo # c",
    "Get-Foo; fl", "Get-Foo\nfl", "Get-Foo\r\n", "Get-Foo (1)", "Get-Foo {x}",
    "Get-Foo -- -x", "Get-Foo @a", "Get-Foo > x", "Get-Foo 2>&1", "Get-Foo a`b", "-x",
    "Get-Foo \u2018x\u2019", "Get-Foo \u2013x", "Gét-Foo", "Get-Foo é", "_x", "7z x", "x.exe",
    "Get-Foo 'a\nb'", "fl *>x", "fl *>$null", "fl *>&1", "fl ?a", "fl a,*",
]


@pytest.mark.parametrize("text", TAKEN)
def test_taken_lines_make_the_grammars_tree(text):
    mine = parse_simple(text)
    assert mine is not None
    assert mine == _grammar(text)
    assert parse(text) == mine


@pytest.mark.parametrize("text", LEFT)
def test_other_text_is_left_to_the_grammar(text):
    assert parse_simple(text) is None


def test_a_file_name_is_kept():
    script = parse_simple("Get-Foo", "x.ps1")
    assert script.file == "x.ps1" and script.source == "Get-Foo"    # (source: not compared)
    assert parse_simple("x" * 5000) is None   # long text: the grammar (and its errors)


_letters = "abcXYZ"
_name = st.text(_letters + "019_-", max_size=6).map(lambda s: "G" + s)
_word = st.one_of(st.text(_letters + "09_.-\\/:*?", max_size=6).map(lambda s: "w" + s),
                 st.text(_letters + "09*?.", max_size=4).map(lambda s: "*" + s))
_param = st.text(_letters + "09_", max_size=6).map(lambda s: "-P" + s)
_digits = st.text("0123456789abcdefABCDEFklmgtpxLD", max_size=6).map(lambda s: "1" + s)
_quoted = st.text(_letters + " |-$#;", max_size=6).map(lambda s: "'%s'" % s)
_blank = st.text(" \t", min_size=1, max_size=3)
_command = st.tuples(_name, st.lists(st.tuples(_blank, st.one_of(_word, _param, _quoted, _digits)),
                                     max_size=4))


def _line(cmds, pads):
    parts = []
    for (name, args), pad in zip(cmds, pads):
        parts.append(pad + name + "".join(b + a for b, a in args) + pad)
    return "|".join(parts)


@settings(max_examples=300, deadline=None)
@given(st.lists(_command, min_size=1, max_size=3), st.lists(st.sampled_from(["", " ", "\t "]),
                                                             min_size=3, max_size=3))
def test_every_line_of_the_language_is_taken_as_the_grammar_takes_it(cmds, pads):
    text = _line(cmds, pads)
    mine = parse_simple(text)
    if mine is None:        # only a number (1, 1kb, 1e3) goes to the grammar
        assert any(a[:1].isdigit() for _, args in cmds for _, a in args), text
    else:
        assert mine == _grammar(text), text


@settings(max_examples=300, deadline=None)
@given(st.text("aG-' |\t$,;:5#.\\\n(ekx*?>&", max_size=14))
def test_any_line_is_either_left_alone_or_taken_as_the_grammar_takes_it(text):
    mine = parse_simple(text)
    if mine is not None:
        assert mine == _grammar(text), text
