"""certreq answers an argument it does not know as certreq.exe does: its usage text,
then "Unknown argument: <arg>", exit code E_INVALIDARG -- never a PowerShell binding
error, whichever way the option is written."""
from __future__ import annotations

import pytest

from exshell.cmdlets.pki import CERTREQ_USAGE
from tests.cmdlets.cmdlet_kit import PS20, PS51, make_shell


def _run(shell, text):
    out: list = []
    shell.run(text, out=out.append)
    return out


@pytest.mark.parametrize("version", [PS20, PS51])
@pytest.mark.parametrize("command, word", [
    ("certreq -bogus", "-bogus"),
    ("certreq /bogus", "/bogus"),
    ("certreq -submit -Frobnicate C:\\a.req C:\\a.cer", "-Frobnicate"),
    ("certreq -accept C:\\a.cer /frob", "/frob"),
])
def test_an_unknown_argument_gets_certreqs_usage(version, command, word):
    shell, host = make_shell(version)
    out = _run(shell, command)
    assert out[:3] == ["Usage:", "  CertReq -?", "  CertReq [-v] -?"]
    assert out[-2:] == ["Unknown argument: %s" % word, ""]
    assert out[:-2] == CERTREQ_USAGE.split("\n")
    assert _run(shell, "$LASTEXITCODE") == [-2147024809]
    assert host.text == ""                       # no error record, no binding error


def test_known_options_are_not_unknown():
    shell, host = make_shell(PS51)
    # A verb exshell does not emulate is certreq's own, not an unknown argument.
    out = _run(shell, "certreq -new C:\\a.inf C:\\a.req")
    assert not any(line.startswith("Unknown argument") for line in out)
    assert "ParameterBindingException" not in host.text
