"""Property tests: whatever text reaches Shell.run, no Python exception escapes and
the safety net is never needed.

Scripts are built from a vocabulary of real tokens (commands, parameters, operators,
quotes of every family, brackets) and from mutations of the article's lines, so the
parser *and* the evaluator see near-miss input of every kind.
"""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exshell.testing import make_shell

OLD = "26AB4ED1EFF22AB001479E854A8DE78434C6364E"
ARTICLE = [
    "Get-ExchangeCertificate -Domain | fl",
    "Get-ExchangeCertificate -thumbprint “%s” | New-ExchangeCertificate" % OLD,
    "Enable-ExchangeCertificate -thumbprint “%s” -services IIS" % OLD,
    "Remove-ExchangeCertificate -thumbprint “%s”" % OLD,
    "$c = Get-ExchangeCertificate; $c.Thumbprint; $c.NotAfter.AddDays(-30)",
    "Get-ExchangeCertificate | Format-Table Thumbprint,Services -AutoSize",
    "Get-ExchangeCertificate | fl * ",
]
TOKENS = [
    "Get-ExchangeCertificate", "New-ExchangeCertificate", "Enable-ExchangeCertificate",
    "Remove-ExchangeCertificate", "fl", "ft", "Format-List", "Out-String", "Out-Null",
    "-Thumbprint", "-thumb", "-Services", "-Server", "-DomainName", "-Force", "-WhatIf",
    "-Confirm:$false", "-Confirm", "-KeySize", "-PrivateKeyExportable", "-Foo", "–Services",
    "IIS", "SMTP", "IIS,SMTP", "'IMAP, POP'", "None", "24", "0x1F", "2kb", "1.5", "-1",
    OLD, "EX01", "$x", "$null", "$true", "$false", "$_", "$x.Thumbprint", "$x[0]", "$x = ",
    "|", ";", "\n", "(", ")", "{", "}", "[", "]", "@(", "$(", "@{", "=", ",", ".", "::",
    "'", '"', "“", "”", "‘", "’", "`", "#", "<#", "#>", "-eq", "-like", "-match", "-not",
    "+", "-", "*", "/", "%", "..", "-f", "-and", "-or", "&", "[int]", "[datetime]",
    "[System.IO.File]", "if", "else", "foreach", "function", "throw", "return", "exit",
    "try", "catch", "finally", "'text'", '"exp $x"', "@'\nhere\n'@", "2>&1", ">", "<",
]


def _shell():
    shell, host = make_shell(answers=["n"] * 50, interactive=True)
    return shell, host


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=14), st.sampled_from([" ", "", "  "]))
def test_token_soup_never_crashes(tokens, sep):
    shell, host = _shell()
    shell.run("$x = Get-ExchangeCertificate")
    shell.run(sep.join(tokens))
    assert shell.internal_errors == [], shell.internal_errors
    assert "Traceback" not in host.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ARTICLE), st.data())
def test_mutated_article_lines_never_crash(line, data):
    chars = list(line)
    for _ in range(data.draw(st.integers(1, 4))):
        op = data.draw(st.sampled_from(["delete", "insert", "replace"]))
        pos = data.draw(st.integers(0, max(len(chars) - 1, 0)))
        ch = data.draw(st.sampled_from(list("\"'“”‘’`$|;(){}[]@-–—,.=#<>&!?*") + [" ", "\n", "x"]))
        if op == "delete" and chars:
            del chars[pos]
        elif op == "insert":
            chars.insert(pos, ch)
        elif chars:
            chars[pos] = ch
    shell, host = _shell()
    shell.run("".join(chars))
    assert shell.internal_errors == [], shell.internal_errors
    assert "Traceback" not in host.text


def test_infinite_recursion_is_an_error():
    shell, host = _shell()
    result = shell.run("function f { f }; f")
    assert not result.success
    assert "call depth" in host.text
    assert shell.internal_errors == []


# ------------------------------------------------ the transcripts' commands (issue 14)

def _transcript_commands():
    import pathlib
    out = []
    for path in sorted((pathlib.Path(__file__).parents[1] / "transcripts").glob("*.txt")):
        current = None
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.startswith("PS> "):
                if current:
                    out.append(current)
                current = line[4:]
            elif line.startswith(">> ") and current is not None:
                current += "\n" + line[3:]
            else:
                if current:
                    out.append(current)
                current = None
    return out


COMMANDS = _transcript_commands()
MUTANTS = list("\"'“”‘’`$|;(){}[]@-–—,.=#<>&!?*%:\\") + [" ", "\n", "x", "1", "..", "::", "-f"]


def _budgeted_shell():
    from exshell.engine.budget import Budget
    shell, host = _shell()
    shell.budget = Budget(max_steps=20_000)      # a mutant may loop for ever
    return shell, host


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(COMMANDS), st.data())
def test_mutated_transcript_commands_never_crash(command, data):
    chars = list(command)
    for _ in range(data.draw(st.integers(1, 5))):
        op = data.draw(st.sampled_from(["delete", "insert", "replace", "splice"]))
        pos = data.draw(st.integers(0, max(len(chars) - 1, 0)))
        if op == "delete" and chars:
            del chars[pos]
        elif op == "insert":
            chars.insert(pos, data.draw(st.sampled_from(MUTANTS)))
        elif op == "replace" and chars:
            chars[pos] = data.draw(st.sampled_from(MUTANTS))
        else:
            other = data.draw(st.sampled_from(COMMANDS))
            start = data.draw(st.integers(0, len(other)))
            chars[pos:pos] = list(other[start:start + data.draw(st.integers(1, 25))])
    shell, host = _budgeted_shell()
    shell.run("".join(chars))
    assert shell.internal_errors == [], shell.internal_errors
    assert "Traceback" not in host.text and "internal error" not in host.text


def test_the_transcripts_give_commands_to_mutate():
    assert len(COMMANDS) > 100
