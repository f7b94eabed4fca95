"""Every version difference a user meets comes from the profile table: one row per
version, checked through the shell (parameters, lifetimes, hash, Services width,
the SMTP question's form, error display)."""
import pytest

from exshell.profiles import PROFILES
from exshell.testing import make_shell

ROWS = [
    # version, -Server, -Identity, years, hash, width, smtp form, error form
    ("2007", False, False, 1, "sha1", 5, "suspend", "local"),
    ("2010", True, False, 5, "sha1", 6, "suspend", "remote"),
    ("2013", True, True, 5, "sha256", 7, "caption", "stamp"),
    ("2016", True, True, 5, "sha256", 7, "caption", "stamp"),
    ("2019", True, True, 5, "sha256", 7, "caption", "stamp"),
]


def test_every_version_has_a_row():
    assert sorted(r[0] for r in ROWS) == sorted(PROFILES)


def run(shell, host, text, answers=()):
    host.clear()
    host.answers = list(answers)
    result = shell.run(text)
    assert shell.internal_errors == []
    return result, host.text


@pytest.mark.parametrize("version, has_server, has_identity, years, hash_name, width, smtp, errors", ROWS)
def test_profile_drives_behaviour(version, has_server, has_identity, years, hash_name, width, smtp, errors):
    shell, host = make_shell(version, width=300)
    server = shell.organization.local_server
    result, out = run(shell, host, "Get-ExchangeCertificate -Server EX01")
    assert result.success == has_server
    if not has_server:
        assert "A parameter cannot be found that matches parameter name 'Server'." in out
    t = server.iis_bindings[1]
    result, out = run(shell, host, "Get-ExchangeCertificate -Identity EX01\\%s" % t)
    assert result.success == has_identity
    _, out = run(shell, host, "Get-ExchangeCertificate %s | New-ExchangeCertificate" % t, ["y"])
    assert ("[S] Suspend" in out) == (smtp == "suspend")
    assert ("Overwrite the existing default SMTP certificate?" in out) == (smtp == "caption")
    new = server.internal_transport_thumbprint
    view = server.view_of(new)
    assert len(view.ServicesStringForm) == width
    assert view.NotAfter.year - view.NotBefore.year == years
    entry = server.my.get(new)
    assert entry.cert.signature_hash_algorithm.name == hash_name
    _, out = run(shell, host, "Get-ExchangeCertificate -Thumbprint 00")
    assert ("At line:1" in out) == (errors == "local")
    assert ("A special Rpc error occurs on server EX01" in out) == (errors != "local")
    assert ("[Server=EX01,RequestId=" in out) == (errors == "stamp")
