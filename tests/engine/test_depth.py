"""How deep ordinary scripts may go: PowerShell 2.0 allows 100 nested function and
script calls (``The call depth reached 101 and the maximum is 100.``); 3.0+ is bound
only by the stack.  Statements and expressions nested in one another are not calls:
right-nested chains, subexpressions and array expressions run however deep a real
script nests them."""
import pytest

from exshell.testing import make_shell

BOTH = ("2010", "2016")
OVERFLOW_20 = ("The script failed due to call depth overflow.  The call depth reached 101 "
               "and the maximum is 100.")


def run(text, version):
    shell, host = make_shell(version)
    shell.run(text)
    assert shell.internal_errors == []
    return shell, [line.rstrip() for line in host.text.splitlines() if line.strip()]


RECURSE = 'function f($n) { if ($n -gt 0) { f ($n - 1) } else { "bottom" } }; f %d'
RECURSE_IN_PIPELINE = ('function f { param([int]$n) process { if ($n -gt 0) { $n | '
                       'ForEach-Object { f -n ($_ - 1) } | Write-Output } else { "bottom" } } }; f %d')

DEEP = [
    # a recursive function 95 calls deep: every version
    (RECURSE % 95, ["bottom"], BOTH),
    # ForEach-Object's body runs in its caller's scope: not a call of its own
    (RECURSE_IN_PIPELINE % 90, ["bottom"], BOTH),
    # past 100 calls only 3.0+ goes on
    (RECURSE % 300, ["bottom"], ("2016",)),
    # nested statements and expressions are not calls
    ("$e = ((1..300 | % { '$v' + $_ }) -join ' = ') + ' = 1'; Invoke-Expression $e; $v300",
     ["1"], BOTH),
    ("$e = '1' + (',(1' * 300) + (')' * 300); (Invoke-Expression $e).Count", ["2"], BOTH),
    ("$e = '1' + (' + $(1' * 300) + (')' * 300); Invoke-Expression $e", ["301"], BOTH),
    ("$e = ('@(' * 300) + '1' + (')' * 300); Invoke-Expression $e", ["1"], BOTH),
    ("$e = ('&{' * 90) + '1' + ('}' * 90); Invoke-Expression $e", ["1"], BOTH),
]


@pytest.mark.parametrize("script, expected, versions", DEEP)
def test_deep_but_ordinary_code_runs(script, expected, versions):
    for version in versions:
        assert run(script, version)[1] == expected, version


def test_the_101st_call_overflows_on_2_0():
    shell, out = run(RECURSE % 150, "2010")
    record = shell.session.errors[0]
    assert record.message == OVERFLOW_20
    assert record.fqid() == "CallDepthOverflow"
    assert record.exception_type == "System.Management.Automation.ScriptCallDepthException"


@pytest.mark.parametrize("version", BOTH)
def test_endless_recursion_is_a_call_depth_overflow(version):
    shell, out = run("function f { f }; f; 'next command runs'", version)
    assert shell.session.errors[0].fqid() == "CallDepthOverflow"
    assert shell.session.errors[0].message.startswith("The script failed due to call depth overflow.")
