"""The tolerant tokenizer: kinds, modes and command context, table-driven."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from exshell.repl.tokens import tokenize


def kinds(text):
    return [(t.kind, t.text) for t in tokenize(text) if t.kind != "whitespace"]


CASES = [
    ("Get-ExchangeCertificate -Thumbprint 5A3 | fl",
     [("command", "Get-ExchangeCertificate"), ("parameter", "-Thumbprint"), ("argument", "5A3"),
      ("operator", "|"), ("command", "fl")]),
    # Smart dashes and quotes pasted from the article.
    ("Remove-ExchangeCertificate \u2013thumbprint \u201cC5DD\u201d",
     [("command", "Remove-ExchangeCertificate"), ("parameter", "\u2013thumbprint"),
      ("string", "\u201cC5DD\u201d")]),
    ("$c = Get-ExchangeCertificate",
     [("variable", "$c"), ("operator", "="), ("command", "Get-ExchangeCertificate")]),
    ("$c.NotAfter -lt (Get-Date)",
     [("variable", "$c"), ("operator", "."), ("member", "NotAfter"), ("operator", "-lt"),
      ("punctuation", "("), ("command", "Get-Date"), ("punctuation", ")")]),
    ("Enable-ExchangeCertificate -Services IIS,SMTP",
     [("command", "Enable-ExchangeCertificate"), ("parameter", "-Services"), ("argument", "IIS"),
      ("operator", ","), ("argument", "SMTP")]),
    ("New-ExchangeCertificate -PrivateKeyExportable:$true",
     [("command", "New-ExchangeCertificate"), ("parameter", "-PrivateKeyExportable:"),
      ("variable", "$true")]),
    ("foreach ($x in $certs) { $x.Thumbprint }",
     [("keyword", "foreach"), ("punctuation", "("), ("variable", "$x"), ("keyword", "in"),
      ("variable", "$certs"), ("punctuation", ")"), ("punctuation", "{"), ("variable", "$x"),
      ("operator", "."), ("member", "Thumbprint"), ("punctuation", "}")]),
    ("1..5 | % { $_ * 2 }",
     [("number", "1"), ("operator", ".."), ("number", "5"), ("operator", "|"), ("command", "%"),
      ("punctuation", "{"), ("variable", "$_"), ("operator", "*"), ("number", "2"),
      ("punctuation", "}")]),
    ("[DateTime]::Now # when",
     [("type", "[DateTime]"), ("operator", "::"), ("member", "Now"), ("comment", "# when")]),
    ("function Renew { param($t) Get-ExchangeCertificate $t }",
     [("keyword", "function"), ("function", "Renew"), ("punctuation", "{"), ("keyword", "param"),
      ("punctuation", "("), ("variable", "$t"), ("punctuation", ")"),
      ("command", "Get-ExchangeCertificate"), ("variable", "$t"), ("punctuation", "}")]),
    ("Write-Host a\"b c\"d -ForegroundColor Red",
     [("command", "Write-Host"), ("argument", "a\"b c\"d"), ("parameter", "-ForegroundColor"),
      ("argument", "Red")]),
    ("*-ExchangeCert", [("command", "*-ExchangeCert")]),
    ("if ($x) { fl } else { ft }",
     [("keyword", "if"), ("punctuation", "("), ("variable", "$x"), ("punctuation", ")"),
      ("punctuation", "{"), ("command", "fl"), ("punctuation", "}"), ("keyword", "else"),
      ("punctuation", "{"), ("command", "ft"), ("punctuation", "}")]),
    ("& 'Get-ExchangeCertificate' -Th",
     [("operator", "&"), ("string", "'Get-ExchangeCertificate'"), ("parameter", "-Th")]),
    ("Get-ExchangeCertificate `\n-Thumbprint X",
     [("command", "Get-ExchangeCertificate"), ("parameter", "-Thumbprint"), ("argument", "X")]),
    ("gci 2>&1 > out.txt",
     [("command", "gci"), ("operator", "2>&1"), ("operator", ">"), ("argument", "out.txt")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_token_kinds(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, mode, command", [
    ("", "start", None),
    ("Get-ExchangeCertificate ", "command", "Get-ExchangeCertificate"),
    ("Get-ExchangeCertificate | ", "start", None),
    ("Get-ExchangeCertificate -Server EX01; ", "start", None),
    ("Get-ExchangeCertificate | ? { $_.Services } | fl ", "command", "fl"),
    ("Get-ExchangeCertificate -Thumbprint (Get-X).Y ", "command", "Get-ExchangeCertificate"),
    ("$x = ", "start", None),
    ("$x -eq ", "operand", None),
    ("Get-ExchangeCertificate\n", "start", None),
    ("Get-ExchangeCertificate |\n", "start", None),
])
def test_state_at_end(text, mode, command):
    toks = tokenize(text)
    assert (toks.mode, toks.command) == (mode, command)


def test_arguments_know_their_command():
    toks = tokenize("Get-ExchangeCertificate -Thumbprint X | Enable-ExchangeCertificate -Services IIS")
    params = [t for t in toks if t.kind == "parameter"]
    assert [(p.text, p.command) for p in params] == [
        ("-Thumbprint", "Get-ExchangeCertificate"), ("-Services", "Enable-ExchangeCertificate")]
    assert toks[params[1].command_index].text == "Enable-ExchangeCertificate"


def test_tokens_inside_a_script_block_belong_to_their_own_command():
    toks = tokenize("Get-ExchangeCertificate | % { Enable-ExchangeCertificate -Services IIS }")
    svc = [t for t in toks if t.text == "-Services"][0]
    assert svc.command == "Enable-ExchangeCertificate"


@pytest.mark.parametrize("text, unterminated", [
    ('"abc', True), ("'abc", True), ('"a$(Get-Date)b"', False), ("'it''s'", False),
    ("@'\nbody\n'@", False), ("@'\nbody", True), ("<# note", True), ("<# note #>", False),
    ("\u2018abc'", False),
])
def test_strings_and_comments(text, unterminated):
    toks = tokenize(text)
    assert len([t for t in toks if t.kind != "whitespace"]) == 1
    assert toks.in_string is unterminated


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab-$.,|;(){}[]@'\"`#<> \n=:1%?&*\u2013\u201c")),
               max_size=40))
def test_never_raises_and_covers_every_character_once(text):
    toks = tokenize(text)
    pos = 0
    for t in toks:
        assert pos == t.start < t.end <= len(text)
        assert t.text == text[t.start:t.end]
        pos = t.end
    assert pos == len(text)
