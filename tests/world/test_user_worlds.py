"""The user's worlds (exshell/worlds.py): which world a shell opens, migration of old
JSON state files, and exshell world list|reset|export|import."""
import datetime as _dt
import json
import pathlib

import pytest

from exshell import worlds
from exshell.exchange.clock import FixedClock
from exshell.exchange.errors import WorldFileError
from exshell.exchange.keys import PoolKeySource, SeededSerials, extra_lab_keys_source
from exshell.exchange.state import dump_world
from exshell.exchange.worlddb import open_store

CLOCK = _dt.datetime(2026, 11, 28, 10, 0, 0)
TRANSCRIPTS = pathlib.Path(__file__).resolve().parents[1] / "transcripts"
THREE = str(TRANSCRIPTS / "orgs" / "three-servers-2016.toml")
HALFWAY = TRANSCRIPTS / "states" / "three-servers-2016-halfway.json"


def sources():
    return dict(clock=FixedClock(CLOCK), key_source=PoolKeySource(fallback=extra_lab_keys_source()),
                serials=SeededSerials("t"))


@pytest.fixture
def home(tmp_path, monkeypatch):
    folder = tmp_path / "worlds"
    monkeypatch.setenv("EXSHELL_WORLDS_DIR", str(folder))
    monkeypatch.delenv("EXSHELL_FRESH", raising=False)
    return folder


def test_the_default_world_is_made_once_and_kept(home):
    first = worlds.open_shell_world(version="2013", sources=sources())
    assert first.name == "exchange-2013" and first.path == str(home / "exchange-2013.db")
    org = first.organization
    thumbs = sorted(e.thumbprint for e in org.local_server.my)
    org.local_server.pop_x509_name = "kept.contoso.com"
    first.commit()
    first.close()
    again = worlds.open_shell_world(version="2013", sources=sources())
    assert sorted(e.thumbprint for e in again.organization.local_server.my) == thumbs
    assert again.organization.local_server.pop_x509_name == "kept.contoso.com"
    assert "exshell world reset exchange-2013" in "\n".join(worlds.banner_lines(again))
    again.close()


def test_versions_have_worlds_of_their_own(home):
    for v in ("2010", "2016"):
        w = worlds.open_shell_world(version=v, sources=sources())
        assert w.organization.profile.version == v
        w.close()
    assert sorted(p.name for p in home.iterdir() if p.suffix == ".db") == \
        ["exchange-2010.db", "exchange-2016.db"]


def test_fresh_is_in_memory_and_lazy(home):
    w = worlds.open_shell_world(version="2010", fresh=True, sources=sources())
    assert w.is_fresh and not w.organization_built
    assert w.organization.local_server.name == "EX01"
    assert not home.exists() or not any(home.iterdir())
    assert "throwaway" in worlds.banner_lines(w)[0]


def test_the_environment_variable_means_fresh(home, monkeypatch):
    monkeypatch.setenv("EXSHELL_FRESH", "1")
    assert worlds.open_shell_world(version="2010", sources=sources()).is_fresh


def test_an_organization_file_gets_a_world_named_after_it(home, tmp_path):
    org_file = tmp_path / "mylab.toml"
    org_file.write_text(pathlib.Path(THREE).read_text())
    w = worlds.open_shell_world(organization_file=str(org_file), sources=sources())
    assert w.name == "mylab" and [s.name for s in w.organization.servers] == ["EX01", "EX02", "EX03"]
    w.close()
    org_file.write_text(pathlib.Path(THREE).read_text() + "\n# changed\n")
    again = worlds.open_shell_world(organization_file=str(org_file), sources=sources())
    assert any("has changed since" in n and "exshell world reset mylab" in n for n in again.notices)
    again.close()


def test_a_json_state_file_is_migrated_in_place(tmp_path):
    state = tmp_path / "lab.json"
    state.write_bytes(HALFWAY.read_bytes())
    expected = json.loads(HALFWAY.read_text())
    w = worlds.open_shell_world(state=str(state), sources=sources())
    assert any("now a world database" in n for n in w.notices)
    assert state.read_bytes()[:16] == b"SQLite format 3\x00"
    from exshell.exchange.world import LEGACY_BACKUP_SUFFIX
    assert (tmp_path / ("lab.json" + LEGACY_BACKUP_SUFFIX)).read_bytes() == HALFWAY.read_bytes()
    data = dump_world(w.organization)
    from exshell.profiles import get_profile
    # An old file names the bare version, which means its latest row (recorded by name now).
    assert get_profile(data["version"]) is get_profile(expected["version"])
    for key in ("name", "domain", "send_connectors", "auth", "federation"):
        assert data[key] == expected[key], key
    assert [[e["cert"] for e in s["my"]] for s in data["servers"]] == \
        [[e["cert"] for e in s["my"]] for s in expected["servers"]]
    w.close()
    assert not worlds.open_shell_world(state=str(state), sources=sources()).notices


@pytest.mark.parametrize("content, words", [
    (b"{not json", "neither a world database nor a readable JSON state file"),
    (b'{"format": "something-else"}', "not an exshell state file"),
    (b'{"format": "exshell-state/1"}', "damaged"),
])
def test_a_bad_json_state_file_is_refused_and_left_alone(tmp_path, content, words):
    state = tmp_path / "lab.json"
    state.write_bytes(content)
    with pytest.raises(WorldFileError) as info:
        worlds.open_shell_world(state=str(state), sources=sources())
    assert words in str(info.value) and str(state) in str(info.value)
    assert state.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lab.json"]


def test_world_commands(home, tmp_path, capsys):
    w = worlds.open_shell_world(version="2016", sources=sources())
    server = w.organization.local_server
    original = sorted(server.my.thumbprints())
    server.pop_x509_name = "changed.contoso.com"
    w.commit()
    w.close()

    assert worlds.main(["list"]) == 0
    out = capsys.readouterr().out
    assert "exchange-2016" in out and "2016-CU" in out and "built-in" in out

    snap = tmp_path / "snap.json"
    assert worlds.main(["export", "exchange-2016", "-Out", str(snap)]) == 0
    data = json.loads(snap.read_text())
    assert data["format"] == "exshell-world-snapshot"
    assert any(c["certificate"].startswith("-----BEGIN CERTIFICATE-----") for c in data["certificates"])

    assert worlds.main(["import", str(snap), "-Name", "handout"]) == 0
    handed = open_store(str(home / "handout.db")).load(**sources())
    assert handed.local_server.pop_x509_name == "changed.contoso.com"
    assert worlds.main(["import", str(snap), "-Name", "handout"]) == 1
    assert "-Force" in capsys.readouterr().err
    assert worlds.main(["import", str(snap), "-Name", "handout", "-Force"]) == 0

    assert worlds.main(["reset", "exchange-2016"]) == 0
    reset = open_store(str(home / "exchange-2016.db")).load(**sources())
    assert reset.local_server.pop_x509_name != "changed.contoso.com"
    assert sorted(reset.local_server.my.thumbprints()) != original     # made again: new keys/serials


def test_world_commands_report_problems(home, tmp_path, capsys):
    assert worlds.main(["reset", "nosuch"]) == 1
    assert "no such world" in capsys.readouterr().err
    assert worlds.main(["frobnicate"]) == 2
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "exshell-world-snapshot", "schema": 1, "organization": 5}')
    assert worlds.main(["import", str(bad), "-Name", "x"]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "Traceback" not in err
    assert not (home / "x.db").exists() or not open_store(str(home / "x.db")).has_world()
    assert worlds.main(["export", "../etc"]) == 1


def _exshell(*args, env_extra=None):
    import os
    import subprocess
    import sys
    env = dict(os.environ, EXSHELL_CLOCK="2026-11-28T10:00:00", EXSHELL_DETERMINISTIC="1")
    env.pop("EXSHELL_FRESH", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "exshell", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_the_command_line_keeps_the_world_between_runs(tmp_path):
    env = {"EXSHELL_WORLDS_DIR": str(tmp_path / "worlds")}
    renew = ("$old = Get-ExchangeCertificate | Where-Object {$_.Subject -eq 'CN=EX01'}; "
             "($old | New-ExchangeCertificate -Force).Thumbprint")
    first = _exshell("-NoLogo", "-Command", renew, env_extra=env)
    assert first.returncode == 0, first.stderr
    new = first.stdout.strip()
    again = _exshell("-NoLogo", "-Command", "(Get-ExchangeCertificate -Thumbprint %s).Thumbprint" % new,
                     env_extra=env)
    assert again.stdout.strip() == new                       # renew, exit, start again: still there
    fresh = _exshell("-NoLogo", "-Fresh", "-Command", "Get-ExchangeCertificate -Thumbprint %s" % new,
                     env_extra=env)
    assert "was not found" in fresh.stdout + fresh.stderr      # a throwaway world does not have it
    snap = tmp_path / "snap.json"
    assert _exshell("world", "export", "exchange-2010", "-Out", str(snap), env_extra=env).returncode == 0
    assert _exshell("world", "import", str(snap), "-Name", "handout", env_extra=env).returncode == 0
    handed = _exshell("-NoLogo", "-World", "handout", "-Command",
                      "(Get-ExchangeCertificate -Thumbprint %s).Thumbprint" % new, env_extra=env)
    assert handed.stdout.strip() == new


def test_world_options_exclude_each_other(tmp_path):
    r = _exshell("-Fresh", "-State", str(tmp_path / "w.db"), "-Command", "exit")
    assert r.returncode == 2 and "one of -State, -World and -Fresh" in r.stderr
