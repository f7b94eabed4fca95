"""$ErrorActionPreference and statement-terminating errors (a command that does not
exist, a runtime error such as 1/0): Stop ends the script, SilentlyContinue hides them
but keeps them in $Error; the -ErrorAction parameter does not reach them.  Both
dialects (2.0 on 2010, 5.1 on 2016)."""
import pytest

from exshell.testing import make_shell


def run(text, version):
    shell, host = make_shell(version)
    shell.run(text)
    assert shell.internal_errors == []
    return [line.rstrip() for line in host.text.splitlines() if line.strip()], shell


@pytest.mark.parametrize("version", ["2010", "2016"])
@pytest.mark.parametrize("script, shown, errors", [
    ('$ErrorActionPreference = "Stop"; "a"; NoSuchCmd; "b"', ["a"], 1),
    ('$ErrorActionPreference = "Stop"; "a"; $z = 0; 1/$z; "b"', ["a"], 1),
    ('$ErrorActionPreference = "SilentlyContinue"; "a"; NoSuchCmd; $z = 0; 1/$z; "b"', ["a", "b"], 2),
    ('$ErrorActionPreference = "Stop"; try { NoSuchCmd } catch { "caught" }; "b"', ["caught", "b"], 1),
    ('& { $ErrorActionPreference = "Stop"; NoSuchCmd; "not here" }; "b"', [], 1),   # as throw: all stops
])
def test_preference_governs_terminating_errors(version, script, shown, errors):
    lines, shell = run(script, version)
    assert [line for line in lines if line in ("a", "b", "caught", "not here")] == shown
    assert len(shell.session.errors) == errors


@pytest.mark.parametrize("version", ["2010", "2016"])
def test_error_action_parameter_does_not_reach_them(version):
    lines, shell = run('"a"; Get-Item -NoSuchParameter x -ErrorAction SilentlyContinue; "b"', version)
    assert lines[0] == "a" and lines[-1] == "b"
    assert any("NoSuchParameter" in line for line in lines)
