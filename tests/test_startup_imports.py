"""Start-up imports only what the command needs (issue 17): checked on the modules a
real process has loaded, so a change that pulls a library back onto the start-up path
fails here (the time itself is measured by scripts/bench_startup.py, never by tests)."""
import json
import os
import subprocess
import sys

import pytest

PROBE = """
import json, sys
sys.argv = ["exshell"] + json.loads(sys.argv[1])
from exshell.cli import main
code = main()
print("\\n@@" + json.dumps(sorted(sys.modules)))
"""

SHELL_ONLY = """
import json, sys
from exshell.host import RecordingHost
from exshell.shell import Shell
shell = Shell(host=RecordingHost([], width=120, interactive=False), state_file=sys.argv[1])
shell.prompt()
before = sorted(sys.modules)
result = shell.run("[System.Security.Cryptography.X509Certificates.X509Store]; Get-Date | Out-Null")
print("@@" + json.dumps([before, result.success, shell.host.text]))
"""

#: Never on the start-up path of a command: test frameworks, package metadata, the table
#: library exshell no longer uses, the terminal width tables (wide characters only).
NEVER = ("unittest", "importlib.metadata", "tabulate", "wcwidth", "prompt_toolkit")


def _modules(tmp_path, *args):
    env = dict(os.environ, EXSHELL_WORLDS_DIR=str(tmp_path / "worlds"), COLUMNS="120")
    env.pop("EXSHELL_FRESH", None)
    subprocess.run([sys.executable, "-c", PROBE, json.dumps(["-NonInteractive", "-Command", "Get-Date"])],
                   env=env, capture_output=True, text=True, check=True, timeout=120)   # makes the world
    proc = subprocess.run([sys.executable, "-c", PROBE, json.dumps(["-NonInteractive", *args])],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out, _, mods = proc.stdout.rpartition("\n@@")
    return out, set(json.loads(mods))


def _absent(modules, names):
    return [m for m in modules if m in names or m.split(".")[0] in names]


@pytest.mark.parametrize("command", ["Get-ExchangeCertificate", "Get-Date"])
def test_a_command_imports_nothing_it_does_not_need(tmp_path, command):
    out, modules = _modules(tmp_path, "-NoLogo", "-Command", command)
    assert _absent(modules, NEVER) == []
    # Opening the world parses no certificate and no key: cryptography comes with the
    # first command that reads a certificate, and keys only when one is used.
    assert ("cryptography.x509" in modules) == (command == "Get-ExchangeCertificate"), out
    assert "cryptography.hazmat.primitives.serialization" not in modules
    # Families and providers the command does not use stay unloaded.
    assert not {"exshell.cmdlets.filesystem", "exshell.cmdlets.x509types", "exshell.drive",
                "exshell.cmdlets.objects", "exshell.exchange.codec"} & modules
    # A line of plain commands needs no grammar (exshell/lang/simple.py), and the
    # start-up path uses no module that imports the standard library's heavy ones.
    assert _absent(modules, ("pyparsing", "dataclasses", "inspect", "threading")) == []


def test_a_script_that_needs_the_grammar_builds_it(tmp_path):
    out, modules = _modules(tmp_path, "-NoLogo", "-Command", "$d = Get-Date; $d.Year -gt 2000")
    assert "True" in out
    assert "pyparsing" in modules


def test_a_shell_ready_for_its_first_prompt_has_loaded_no_family(tmp_path):
    """What the REPL does before its first prompt: no command family, no evaluator, no
    parser, no cryptography; the first command then finds everything (a .NET type
    of a lazily loaded family, a command)."""
    env = dict(os.environ)
    env.pop("EXSHELL_FRESH", None)
    world = str(tmp_path / "w.db")
    for _ in range(2):     # the first run makes the world (that builds certificates)
        proc = subprocess.run([sys.executable, "-c", SHELL_ONLY, world], env=env,
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    before, success, text = json.loads(proc.stdout.rpartition("@@")[2])
    loaded = set(before)
    assert not {"exshell.cmdlets", "exshell.engine.evaluator", "exshell.engine.nettypes",
                "pyparsing", "cryptography"} & {m.split(".")[0] if m.startswith(("pyparsing", "cryptography"))
                                                else m for m in loaded}
    assert _absent(loaded, NEVER) == []
    assert success and "X509Store" in text, text


WARM_FIRST = """
import json, sys
from exshell.engine.completion import warm
from exshell.host import RecordingHost
from exshell.repl.completion import CompletionCache, complete
from exshell.shell import Shell
shell = Shell(host=RecordingHost([], width=120, interactive=False), state_file=sys.argv[1])
shell.run("$x = 1")                       # no command looked up: no family imported yet
server = shell.organization.local_server
cache = CompletionCache()
warm(shell.context, cache)                # what the REPL does after each command
cache.wait(60)
built = cache.peek(("thumbprints", id(server)), shell.world.revision)
tab = [c.text for c in complete(shell, "Get-ExchangeCertificate -Thumbprint ", cache)]
print("@@" + json.dumps([[c.text for c in built or []], tab]))
"""


def test_the_background_build_runs_before_any_family_was_imported(tmp_path):
    """Warmers are registered by the command families: warming imports them first, so
    the first Tab finds the thumbprints ready even when no command was looked up."""
    env = dict(os.environ)
    env.pop("EXSHELL_FRESH", None)
    world = str(tmp_path / "w.db")
    proc = subprocess.run([sys.executable, "-c", WARM_FIRST, world], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    built, tab = json.loads(proc.stdout.rpartition("@@")[2])
    assert built and built == tab, proc.stdout
