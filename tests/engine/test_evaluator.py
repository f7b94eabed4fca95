"""Expressions and statements through the evaluator: input -> the objects it writes.

Run on a 2.0 shell (Exchange 2010) unless the row names 5.1 (Exchange 2016)."""

import pytest

from exshell.testing import make_shell


def run(text, version="2010"):
    shell, host = make_shell(version)
    out = []
    result = shell.run(text, out=out.append)
    assert shell.internal_errors == []
    return out, result, host


@pytest.mark.parametrize("text, expected", [
    ("1 + 2", [3]),
    ("'a' + 1", ["a1"]),
    ("1 + '2'", [3]),
    ("'ab' * 3", ["ababab"]),
    ("7 / 2", [3.5]),
    ("8 / 2", [4]),
    ("7 % 3", [1]),
    ("-7 % 3", [-1]),
    ("2kb", [2048]),
    ("0x1F", [31]),
    ("1..3", [1, 2, 3]),
    ("3..1", [3, 2, 1]),
    ("1,2,3 -eq 2", [2]),
    ("1,2,3 -gt 1", [2, 3]),
    ("'abc' -like 'A*'", [True]),
    ("'abc' -clike 'A*'", [False]),
    ("'abc' -match 'b(c)'", [True]),
    ("'abc' -match 'b(c)' | Out-Null; $Matches[1]", ["c"]),
    ("'a,b,c' -split ','", ["a", "b", "c"]),
    ("(1,2,3) -join '-'", ["1-2-3"]),
    ("'hello' -replace 'l', 'L'", ["heLLo"]),
    ("'abc' -replace '(b)', '[$1]'", ["a[b]c"]),
    ("1,2,3 -contains 2", [True]),
    ("'{0:N2} and {1,-4}|' -f 1234.5, 'x'", ["1,234.50 and x   |"]),
    ("'{0:yyyy-MM-dd}' -f [datetime]'2024-03-05'", ["2024-03-05"]),
    ("$null -eq $x", [True]),
    ("-not $true", [False]),
    ("!0", [True]),
    ("1 -eq '1.0'", [True]),
    ("'1.0' -eq 1", [False]),
    ("[int]'30' + 1", [31]),
    ("$a = [int]2.5; $b = [int]3.5; $a; $b", [2, 4]),
    ("$s = [string](1,2,3); $s", ["1 2 3"]),
    ("$a = [int]'2'; $a", [2]),
    ("[bool]'False'", [True]),
    ("$a = 1,2,3; $a[-1]; $a.Count", [3, 3]),
    ("$h = @{a=1; B=2}; $h.b; $h['A']", [2, 1]),
    ("$s = 'abc'; $s.Length; $s.ToUpper(); $s.Substring(1)", [3, "ABC", "bc"]),
    ("\"x=$(1+1) y=$null z\"", ["x=2 y= z"]),
    ("$x = 5; \"$x.Length\"", ["5.Length"]),
    ("'it''s'", ["it's"]),
    ("“curly” + ‘single’", ["curlysingle"]),
    ("if (0) { 'a' } elseif ('x') { 'b' } else { 'c' }", ["b"]),
    ("foreach ($i in 1..3) { if ($i -eq 2) { continue }; $i }", [1, 3]),
    ("$i = 0; while ($i -lt 3) { $i++ }; $i", [3]),
    ("for ($i = 0; $i -lt 2; $i++) { $i }", [0, 1]),
    ("do { 'once' } while ($false)", ["once"]),
    ("switch (2) { 1 { 'one' } 2 { 'two' } default { 'other' } }", ["two"]),
    ("switch -wildcard ('abc') { 'a*' { 'A' } 'x*' { 'X' } }", ["A"]),
    ("try { throw 'boom' } catch { $_.Exception.Message } finally { 'done' }", ["boom", "done"]),
    ("function f($n) { if ($n -le 1) { return 1 }; $n * (f ($n - 1)) }; f 5", [120]),
    ("$p = @{Thumbprint='T'}; function g { param($Thumbprint) $Thumbprint }; g @p", ["T"]),
    ("$d = [datetime]'2026-01-31'; $d.AddDays(1).Day; $d.AddMonths(1).Day", [1, 28]),
    ("([datetime]'2026-03-01' - [datetime]'2026-02-01').Days", [28]),
    ("[math]::Round(2.567, 2)", [2.57]),
    ("@().Count; @(1).Count; @($null).Count", [0, 1, 1]),
    ("$x = Get-ExchangeCertificate; $x.Thumbprint.Length", [40]),
    ("(Get-ExchangeCertificate).Services -match 'IIS'", [True]),
])
def test_values(text, expected):
    out, result, host = run(text)
    assert out == expected, host.text
    assert result.success, host.text


@pytest.mark.parametrize("text, v20, v51", [
    ("$l = 1,2; $l.Length; @($l.Foo).Count", [2, 1], [2, 0]),
    ("(1).Count", [None], [1]),
    ("foreach ($x in $null) { 'ran' }", ["ran"], []),
])
def test_language_levels(text, v20, v51):
    assert run(text, "2010")[0] == v20
    assert run(text, "2016")[0] == v51


@pytest.mark.parametrize("text, error_id", [
    ("1/0", "RuntimeException"),
    ("$null.Foo()", "InvokeMethodOnNull"),
    ("$n = $null; $n[0]", "NullArray"),
    ("'x'.NoSuchMethod()", "MethodNotFound"),
    ("[int]'abc'", "InvalidCastFromStringToInteger"),
    ("[double]'abc'", "InvalidCastFromStringToDoubleOrSingle"),
    ("[version]'abc'", "InvalidCastParseTargetInvocation"),
    ("[NoSuchType]::Foo", "TypeNotFound"),
    ("throw 'custom'", "custom"),
    ("Get-NoSuchThing", "CommandNotFoundException"),
    ("$true = 1", "VariableNotWritable"),
])
def test_errors(text, error_id):
    out, result, host = run(text)
    assert not result.success
    assert result.errors[0].error_id == error_id, host.text
    assert "Traceback" not in host.text


def test_statement_error_does_not_stop_the_script():
    out, result, host = run("1/0\n'after'")
    assert out == ["after"] and not result.success


def test_throw_stops_the_script():
    out, result, host = run("throw 'stop'\n'after'")
    assert out == []


def test_error_action_stop_is_caught():
    out, _, _ = run("try { Get-ExchangeCertificate -Thumbprint AB -ErrorAction Stop; 'no' } "
                    "catch { 'caught: ' + $_.Exception.Message }")
    assert out == ["caught: A special Rpc error occurs on server EX01: The certificate with thumbprint AB was not found."]


def test_error_variable_and_silently_continue():
    out, result, host = run("Get-ExchangeCertificate -Thumbprint AB -ErrorAction SilentlyContinue "
                            "-ErrorVariable bad; $?; $bad.Count; $?; $Error.Count")
    assert out == [False, 1, True, 1]
    assert "was not found" not in host.text


def test_select_first_stops_upstream_in_3_0_only():
    text = ("$n = 0; 1..5 | % { $script:n++; $_ } | Select-Object -First 2 | Out-Null; $n")
    assert run(text, "2016")[0] == [2]
    assert run(text, "2010")[0] == [5]


def test_begin_blocks_run_before_any_input():
    text = ('function g { begin { "b" } process { $_ } end { "e" } }; '
            '1..2 | g | % -Begin { "B2" } -Process { "p $_" }')
    assert run(text)[0] == ["B2", "p b", "p 1", "p 2", "p e"]


def test_write_error_inside_a_function_names_the_function():
    out, result, host = run('function Test-It { Write-Error "it failed" }\nTest-It')
    assert host.text.splitlines()[:3] == ["Test-It : it failed", "At line:2 char:8", "+ Test-It <<<< "]
    assert result.errors[0].FullyQualifiedErrorId == \
        "Microsoft.PowerShell.Commands.WriteErrorException,Test-It"
