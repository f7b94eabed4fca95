"""The lazy command index matches what each family module registers."""
import importlib
import subprocess
import sys

import pytest

from exshell.cmdlets import LAZY_FAMILIES
from exshell.engine.cmdlet import REGISTRY


@pytest.mark.parametrize("module", sorted(LAZY_FAMILIES))
def test_index_matches_registrations(module):
    importlib.import_module("exshell.cmdlets." + module)
    registered = set()
    for cls in REGISTRY.cmdlets.values():
        if cls.__module__ == "exshell.cmdlets." + module:
            registered.add(cls.name.casefold())
            registered.update(a.casefold() for a in cls.aliases)
    assert registered == {n.casefold() for n in LAZY_FAMILIES[module]}


def test_first_command_imports_only_what_it_needs():
    code = ("import sys; from exshell.testing import make_shell; s, h = make_shell(); "
            "s.run('Get-ExchangeCertificate | fl Thumbprint'); "
            "print(sorted(m for m in sys.modules if m.startswith('exshell.cmdlets.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "exshell.cmdlets.objects" not in out and "exshell.cmdlets.exchange_certificate" in out


def test_lookup_loads_a_family_on_demand():
    from exshell.testing import make_shell
    shell, host = make_shell()
    out = []
    shell.run("1,2,3 | ? { $_ -gt 1 } | measure | % { $_.Count }", out=out.append)
    assert out == [2]


@pytest.mark.parametrize("module", sorted(set(__import__("exshell.cmdlets").cmdlets.LAZY_PROVIDERS)
                                          | set(__import__("exshell.cmdlets").cmdlets.LAZY_STATICS)))
def test_provider_and_static_index_matches_registrations(module):
    """LAZY_PROVIDERS / LAZY_STATICS say what a family registers, so nothing is
    imported before it is needed (checked against what the module really does)."""
    from exshell.cmdlets import LAZY_PROVIDERS, LAZY_STATICS
    from exshell.engine.providers import PROVIDERS
    from exshell.engine.statics import STATICS
    importlib.import_module("exshell.cmdlets." + module)
    for name in LAZY_PROVIDERS.get(module, ()):
        assert PROVIDERS.get(name).__module__ == "exshell.cmdlets." + module
    for name in LAZY_STATICS.get(module, ()):
        assert STATICS.handler(name).__module__ == "exshell.cmdlets." + module
