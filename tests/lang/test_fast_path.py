"""The fast regex paths must build exactly the trees (spans included) that the general
grammar rules build.  Compares a grammar built with and without them."""
import pytest

from exshell.lang import ParseError, compiled, grammar, parser

from .test_grammar import SHAPES
from .test_properties import CORPUS

EXTRA = [
    "Get-ExchangeCertificate -Thumbprint 5113ae0233a72fccb75b1d0198628675333d010e | fl *",
    "  Get-Foo   -A   'x''y'  \u201cq\u201d $v.A.B 42 -7 1kb a`b | Select-Object -First 5 # c",
    "Get-Foo |\n  fl\n$x\n'str'; 5; $a.b",
    "foo a#b <# c #> d",
    "{ Get-Foo -x } ; (Get-Bar 1)",
    "7z x archive.7z",
    "$_.Thumbprint",
    "Enable-ExchangeCertificate -Services IIS,SMTP -Confirm:$false -ErrorAction:Stop -X:$y",
    "fl Thumbprint, Services ,NotAfter , x", "Get-Foo a,5 b,-c -N:5 -N:$x.y -N:$a:b -N: x",
    "$x = Get-Foo -A b | fl", "$x.y += 'a'", "$x = $y = 3", "$x = 5", "$a.b = $c.d", "$x=1",
    "$x =\n  Get-Foo", "$env:x = 'y'", "${a b} = 1",
    "$_.NotAfter -lt $cutoff -and $_.IsSelfSigned", "$i -lt 10", "$x.Count -gt 0 -or 1 -band 2",
    "if ($a -eq 'x' -and\n  $b -ne \"y\") { }", "(1 + 2 * 3 - 4 / 5 % 6)", "$a..$b", "'{0}' -f $x",
    "$x = $a -replace 'b', 'c'", "$x = 1 -eq 1 -eq $true", "while ($i -lt 5) { $i++ }", "$a -eq",
    "Enable-ExchangeCertificate @params 2>&1 | Out-Null", "Get-Foo 2>$null *>$null >>$null 1>&2 -x",
    "Get-Foo > out.txt", "Get-Foo @a.b", "[System.IO.File]::ReadAllBytes('x')", "[int]$x = 5",
    "[CmdletBinding()] param($a)", "param($a)\n$a", "[Foo()]", "[x]",
    "gci | ? { $_.NotAfter -lt $d -and $_.IsSelfSigned } | % { $_ } | ? {$_.X -EQ 'a'}",
    "Where-Object { $_ }{ 1 }", "foo { $x # c }\n}", "foo {$a+1} {}", "foo { $a -f }",
    "$x = $a -CEQ $b",
    "return 5", "else", "in x", "Get-Foo -- -x", "Get-Foo 2>&1", "Get-Foo $a[0] $b.c() ,",
    # expressions piped into commands
    "$c | New-ExchangeCertificate -Force -Confirm:$false", "$new = $c | New-X -Force",
    "1 + 2 | fl | ft", "$x.Y |\n  fl # c", "'a' -f $b | Out-Null", "$a |", "$a |\n", "$a | ;",
    "$a | (x)", "$a | $b", "$a$b", "5%x", "5 %x", "$a | fl |", "$x = $a | fl", "$x.y | fl 2>&1",
    # string arguments with and without glued pieces
    'Write-Host "a $($c.T) b"', "Write-Host \"x\"$y 'q'z", 'foo "$(1)"$(2)',
    # postfix increment and decrement
    "$i++", "$i--", "$x.Count++", "$i++ + 1", "$i++-1", "$i--5", "$i++++", "$i++.x", "-$i++",
    "$i++ | fl", "$x = $i++", "$i\u2013\u2013", "foo { $i++ }", "while ($i -lt 10) { $i++ }",
    # issue 11's real-world syntax
    "$counter ++", "$counter --", "$x.Count ++", "$i ++ | fl", "foo { $i ++ }", "$x = $i ++",
    "$i ++ + 1", "$l.ForEach{ $_ }", "$l.A.Where{ $_ }", "$x.($n)", "$x.$($n) = 1", "fl $x.($n)",
    "[int][char]$c", "[void][X]::M()", "if ($a) { } if ($b) { } 'c'", "foreach ($i in 1) { } fl",
    "$a = [X]::M().\n  Name", "break :outer", '"$(if ($a -ne `"`") { `"b`" })"',
    # double-quoted strings with variables (fast path) and what may follow a string
    'Write-Host "a $x b" "$env:TEMP\\x" "`t$y`n" "$a$b" "x $($y)"', '$s = "a $x" + "b"',
    '"ab"++', "'ab'--", '"a $x"++', '"a $x".Length', 'foo "a $x"b', '"$" "a $ b" "$$"',
    # `::` glued to a literal is a static member access (found when the general rules
    # alone ran the before/after comparison)
    "'text'::", "-7::", "7::", "1.5e3::switch", '"a $x b"::', "'x'::Length", '"d"::\n1',
]


@pytest.fixture(autouse=True)
def fast_paths_on(monkeypatch):
    """The compiled driver switches the fast paths on only after a process has parsed
    enough text; here they are on from the start."""
    monkeypatch.setattr(compiled, "FAST_PATHS_AFTER", 0)


@pytest.fixture(scope="module")
def slow():
    return grammar.build(fast=False)


@pytest.mark.parametrize("text", [t for t, _ in SHAPES] + CORPUS + EXTRA)
def test_fast_and_general_paths_agree(text, slow):
    try:
        fast_tree = parser.parse(text)
    except ParseError as e:
        with pytest.raises(ParseError) as info:
            parser.parse_with(slow, text)
        assert info.value.first == e.first
        return
    assert parser.parse_with(slow, text) == fast_tree


# --- differential: random statements built from the tokens the fast paths accept -------

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

PIECES = ["Get-Foo", "fl", "%", "?", "-Name", "-A:$false", "-B:Stop", "IIS,SMTP", "a , b",
          "42", "-7", "0x1F", "1kb", "7z", "$x", "$x.Y", "$_.Z.W", "'s''q'", '"d"', "\u201cc\u201d",
          "@p", "2>&1", "*>$null", "{ $_ }", "{ $_.A -eq 'x' }", "|", "=", "+=", "-eq", "-AND",
          "+", "..", "-f", "--", "++", "$i++", "-", "$", "#c", "`", ";", "\n", "(", ")", "{", "}", ",", ".",
          "if", "return", "else", "@{", "[int]", "a.b", "C:\\x", "\u2013Name"]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=7),
       st.lists(st.sampled_from([" ", "", "  "]), min_size=7, max_size=7))
def test_fast_and_general_paths_agree_on_random_statements(pieces, gaps):
    text = "".join(p + g for p, g in zip(pieces, gaps))
    slow = _SLOW[0] if _SLOW else _SLOW.append(grammar.build(fast=False)) or _SLOW[0]
    try:
        fast_tree = parser.parse(text)
    except ParseError as e:
        with pytest.raises(ParseError) as info:
            parser.parse_with(slow, text)
        assert info.value.issues == e.issues
        return
    assert parser.parse_with(slow, text) == fast_tree


_SLOW: list = []
