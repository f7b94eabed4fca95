"""Property tests: the parser never fails with anything but ParseError, and generated
valid one-liners parse to the structure they were built from."""
import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, HealthCheck, strategies as st  # noqa: E402

from exshell.lang import ast as A  # noqa: E402
from exshell.lang import ParseError, parse  # noqa: E402

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Characters that matter to the tokenizer, plus a few letters and digits.
ALPHABET = list("abcxyzIS019 \t\n\r;|&,(){}[]@$'\"`#<>=-+*/%!.:?_\\") + [
    "\u2013", "\u2014", "\u2018", "\u2019", "\u201c", "\u201d", "\u00a0"]

CORPUS = [
    "Get-ExchangeCertificate -thumbprint \u201cC5DD5B60949267AD624618D8492C4C5281FDD10F\u201d | New-ExchangeCertificate",
    "Enable-ExchangeCertificate -thumbprint \u201c3DA55740509DBA19D1A43A9C7161ED2D0B3B9E3E\u201d -services IIS",
    "Get-ExchangeCertificate -Domain | fl",
    "$c = Get-ExchangeCertificate | ? { $_.NotAfter -lt (Get-Date).AddDays(30) }",
    "foreach ($x in $c) { if ($x.Services -match 'IIS') { \"$($x.Thumbprint)\" } else { break } }",
    "$h = @{ a = 1; 'b' = @(1, 2) }; [int]$h.a + 0x1F * 2kb",
    "function f([string]$a = 'x') { param() process { $_ } }",
    "@\"\nhere $x\n\"@ | Out-File C:\\x.txt 2>&1",
]


def check(text):
    try:
        parse(text)
    except ParseError as e:
        assert e.issues, text
        assert e.first.error_id != "ParserInternalError", (text, e.first.message)
        span = e.first.span
        assert 0 <= span.start <= len(text) and span.line >= 1 and span.column >= 1


@SETTINGS
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=60))
def test_random_text_only_raises_parse_error(text):
    check(text)


@SETTINGS
@given(st.sampled_from(CORPUS), st.data())
def test_mutated_scripts_only_raise_parse_error(text, data):
    pos = data.draw(st.integers(0, len(text)))
    op = data.draw(st.sampled_from(["delete", "insert", "truncate"]))
    if op == "delete":
        text = text[:pos] + text[pos + 1:]
    elif op == "insert":
        text = text[:pos] + data.draw(st.sampled_from(ALPHABET)) + text[pos:]
    else:
        text = text[:pos]
    check(text)


def test_corpus_parses():
    for text in CORPUS:
        parse(text)


# --- generated valid pipelines ------------------------------------------------

names = st.sampled_from(["Get-ExchangeCertificate", "New-ExchangeCertificate", "fl", "ft",
                         "Where-Object", "%", "?", "Select-Object", "Enable-ExchangeCertificate"])
word = st.from_regex(r"[A-Za-z][A-Za-z0-9.\\:_]{0,12}", fullmatch=True)
thumb = st.from_regex(r"[0-9A-F]{39}[A-F]", fullmatch=True)
number = st.integers(0, 10 ** 6).map(str)
single = st.text(alphabet="abc '$\"", max_size=8).map(lambda s: "'" + s.replace("'", "''") + "'")
double = st.text(alphabet="abc '", max_size=8).map(lambda s: '"' + s + '"')
curly = st.text(alphabet="abc ", max_size=8).map(lambda s: "\u201c" + s + "\u201d")
variable = st.from_regex(r"\$[a-z_][a-z0-9_]{0,6}(\.[A-Za-z]{1,8}){0,2}", fullmatch=True)
argument = st.one_of(word, thumb, number, single, double, curly, variable,
                     st.lists(word, min_size=2, max_size=3).map(",".join),
                     st.just("{ $_.Thumbprint }"), st.just("(Get-Date)"))
param = st.from_regex(r"[-\u2013][A-Za-z]{1,12}", fullmatch=True)
# (text, number of CommandCall.elements it yields)
element = (st.tuples(param, st.booleans(), argument).map(
    lambda t: (t[0] + ":" + t[2], 1) if t[1] else (t[0] + " " + t[2], 2))
    | argument.map(lambda a: (a, 1)) | param.map(lambda p: (p, 1)))
command = st.tuples(names, st.lists(element, max_size=4))


@SETTINGS
@given(st.lists(command, min_size=1, max_size=4))
def test_generated_pipelines_parse(commands):
    text = " | ".join(" ".join([n] + [e for e, _ in els]) for n, els in commands)
    script = parse(text)
    (pipe,) = script.statements
    assert isinstance(pipe, A.Pipeline)
    assert [c.name for c in pipe.elements] == [n for n, _ in commands]
    for call, (_, els) in zip(pipe.elements, commands):
        assert len(call.elements) == sum(k for _, k in els)
