"""exshell -Organization FILE / -State FILE from the command line."""
import os
import subprocess
import sys

from org_paths import THREE


def exshell(*args, env=None):
    full_env = dict(os.environ, EXSHELL_DETERMINISTIC="1", EXSHELL_CLOCK="2026-11-28T10:00:00")
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "exshell", *args], capture_output=True, text=True,
                          env=full_env, timeout=120)


def test_organization_file_sets_version_and_servers():
    r = exshell("-Organization", THREE, "-Command", "(Get-ExchangeServer).Name -join ','")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "EX01,EX02,EX03"


def test_bad_organization_file_names_line_and_key(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('version = "2016"\n[[servers]]\nname = "EX01"\nrole = ["Mailbox"]\n')
    r = exshell("-Organization", str(bad), "-Command", "Get-ExchangeServer")
    assert r.returncode == 1
    assert "bad.toml, line 4: unknown key 'role'" in r.stderr
    assert "Traceback" not in r.stderr + r.stdout


def test_state_file_resumes_between_runs(tmp_path):
    state = str(tmp_path / "lab.json")
    r = exshell("-ExchangeVersion", "2013", "-State", state, "-Command",
                "New-SendConnector Outbound -AddressSpaces * | Out-Null")
    assert r.returncode == 0, r.stderr
    r = exshell("-State", state, "-Command", "(Get-SendConnector).Name; (Get-ExchangeServer).AdminDisplayVersion.Major")
    assert r.stdout.split() == ["Outbound", "15"]
