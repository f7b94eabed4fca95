"""Syntax highlighting: fragments per line, from the tokenizer."""
from __future__ import annotations

import pytest
from prompt_toolkit.document import Document

from exshell.repl.lexer import STYLE_RULES, highlight, make_lexer


def styled(fragments):
    return [(s.replace("class:ps.", ""), t) for s, t in fragments if t.strip()]


def test_one_line():
    lines = highlight("Get-ExchangeCertificate -Thumbprint $t | fl  # renew")
    assert len(lines) == 1
    assert styled(lines[0]) == [("command", "Get-ExchangeCertificate"), ("parameter", "-Thumbprint"),
                                ("variable", "$t"), ("operator", "|"), ("command", "fl"),
                                ("comment", "# renew")]


def test_text_is_kept_exactly():
    text = "foreach ($c in $all) {\n  'x' + $c.Thumbprint\n}\r\n"
    lines = highlight(text)
    assert ["".join(t for _, t in line) for line in lines] == ["foreach ($c in $all) {",
                                                                "  'x' + $c.Thumbprint", "}", ""]


def test_a_string_spanning_lines_is_a_string_on_each_line():
    lines = highlight("$s = @'\nfirst\nsecond")
    assert styled(lines[1]) == [("string", "first")]
    assert styled(lines[2]) == [("string", "second")]


def test_every_kind_has_a_style_rule():
    from exshell.repl.tokens import KINDS
    assert set("ps." + k for k in KINDS) == set(STYLE_RULES)


@pytest.mark.parametrize("text", ["", "\n\n", "'open", "Get-X -Y:", "@{a=1;b=", "<#"])
def test_prompt_toolkit_lexer(text):
    doc = Document(text)
    get_line = make_lexer().lex_document(doc)
    for n, line in enumerate(doc.lines):
        assert "".join(t for _, t in get_line(n)) == line
    assert get_line(len(doc.lines) + 3) == []
