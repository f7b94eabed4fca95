"""-State files: round trip, resume through Shell, the lock, and atomic saves under
SIGKILL (hundreds of kills at random moments; the file always loads and holds a
prefix of the commands run)."""
import datetime as _dt
import json
import os
import random
import signal
import sys
import time

import pytest

from exshell.exchange.clock import FixedClock
from exshell.exchange.definition import load_definition
from exshell.exchange.errors import WorldFileError
from exshell.exchange.keys import PoolKeySource, SeededSerials
from exshell.exchange.state import StateFile, dump_world, load_world, open_world, write_atomic
from exshell.host import RecordingHost
from exshell.shell import Shell

from org_paths import THREE

CLOCK = _dt.datetime(2026, 11, 28, 10, 0, 0)


def _shell(state, **kw):
    return Shell("2016", host=RecordingHost([], width=120), clock=FixedClock(CLOCK),
                 key_source=PoolKeySource(), serials=SeededSerials("t"), state_file=str(state), **kw)


def test_round_trip_keeps_everything():
    org = load_definition(THREE, clock=FixedClock(CLOCK), key_source=PoolKeySource(),
                          serials=SeededSerials("t"))
    data = json.loads(json.dumps(dump_world(org)))
    again = load_world(data, clock=FixedClock(CLOCK), key_source=PoolKeySource(),
                       serials=SeededSerials("t"))
    assert dump_world(again) == data
    for a, b in zip(org.servers, again.servers):
        assert a.state() == b.state()
        assert [c.Thumbprint for c in a.certificates()] == [c.Thumbprint for c in b.certificates()]
        assert [str(c.Services) for c in a.certificates()] == [str(c.Services) for c in b.certificates()]


def test_shell_resumes_changes_and_clock(tmp_path):
    state = tmp_path / "lab.json"
    sh = _shell(state)
    sh.run("New-SendConnector Outbound -AddressSpaces *")
    sh.run("$c = New-ExchangeCertificate -DomainName mail.contoso.com -Services IIS -Force")
    thumb = [e.thumbprint for e in sh.organization.local_server.my][-1]
    sh.clock.advance(_dt.timedelta(days=3))
    sh.run("Get-Date")   # a command that changes nothing still saves the moved clock
    sh.close()
    again = _shell(state)
    org = again.organization
    assert [c.name for c in org.send_connectors] == ["Outbound"]
    assert org.local_server.iis_bindings[1] == thumb
    assert again.clock.now() == CLOCK + _dt.timedelta(days=3)


def test_second_shell_is_refused_until_the_first_closes(tmp_path):
    state = tmp_path / "lab.json"
    first = _shell(state)
    with pytest.raises(WorldFileError) as info:
        _shell(state)
    assert "in use by another exshell" in str(info.value) and str(state) in str(info.value)
    first.close()
    _shell(state).close()


@pytest.mark.parametrize("content, words", [
    (b"{not json", "not valid JSON"),
    (b'{"format": "something-else"}', "not an exshell state file"),
    (b'{"format": "exshell-state/1"}', "damaged"),
])
def test_bad_state_files_are_reported(tmp_path, content, words):
    state = tmp_path / "lab.json"
    state.write_bytes(content)
    with pytest.raises(WorldFileError) as info:
        open_world(state=str(state))
    assert words in str(info.value)


def test_write_atomic_replaces_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "f.json"
    write_atomic(str(target), b"one")
    write_atomic(str(target), b"two")
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.json"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_while_saving_never_breaks_the_state_file(tmp_path):
    state = tmp_path / "lab.json"
    sh = _shell(state)
    sh.run("Get-SendConnector")          # children inherit the built grammar and imports
    sh.close()
    StateFile(str(state)).read()
    rng = random.Random(5)
    kills, last = 0, 0
    deadline = time.monotonic() + 45
    while kills < 250 and time.monotonic() < deadline:
        pid = os.fork()
        if pid == 0:  # child: resume, then add connectors C<n+1>, C<n+2>... until killed
            try:
                child = _shell(state)
                n = len(child.organization.send_connectors)
                while True:
                    n += 1
                    child.run("New-SendConnector C%d -AddressSpaces *" % n)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, 0.12))   # start-up, then several commands and saves
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        kills += 1
        org = StateFile(str(state)).read()           # always loads
        names = [c.name for c in org.send_connectors]
        assert names == ["C%d" % k for k in range(1, len(names) + 1)]   # a prefix: before/after
        assert len(names) >= last                    # a finished save is never lost
        last = len(names)
    assert kills >= 100
    assert last >= 20                              # the kills did land between and during saves


def test_a_failed_save_is_reported_not_raised(tmp_path, monkeypatch):
    import exshell.exchange.state as state_module
    sh = _shell(tmp_path / "lab.json")

    def disk_full(path, data):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(state_module, "write_atomic", disk_full)
    sh.run("New-SendConnector X -AddressSpaces *")
    assert "could not save the state file" in sh.host.text
    assert "No space left on device" in sh.host.text
    assert sh.internal_errors == []


COMMANDS = [
    "New-ExchangeCertificate -Server EX02 -DomainName web.contoso.com -Services IIS -Force",
    "Set-ImapSettings -Server EX02 -X509CertificateName web.contoso.com",
    "New-SendConnector Partner -AddressSpaces fabrikam.com -RequireTLS $true",
    "Set-ReceiveConnector 'EX03\\Default Frontend EX03' -TlsCertificateName '<I>CN=a<S>CN=b' -Fqdn smtp.contoso.com",
    "$a = New-ExchangeCertificate -SubjectName 'cn=Microsoft Exchange Server Auth Certificate' -DomainName @() -Services None;"
    " Set-AuthConfig -NewCertificateThumbprint $a.Thumbprint -NewCertificateEffectiveDate '12/5/2026 10:00:00 AM' -Force",
    "Get-ExchangeCertificate -Server EX03 | Where-Object {$_.Subject -eq 'CN=EX03'} | New-ExchangeCertificate -Server EX03 -Force",
]


def test_resume_is_exact_after_a_session_of_changes(tmp_path):
    from exshell.testing import make_shell
    state = tmp_path / "lab.json"
    shell, host = make_shell("2016", organization=THREE, state=str(state))
    for command in COMMANDS:
        assert shell.run(command).success, (command, host.text)
    expected = dump_world(shell.organization)
    shell.close()
    again, _ = make_shell("2016", organization=THREE, state=str(state))   # the state file wins
    assert dump_world(again.organization) == expected
    assert json.loads(state.read_text())["send_connectors"][1]["name"] == "Partner"


def test_deterministic_counters_continue_after_resume(tmp_path):
    """Keys and serial numbers of a resumed deterministic run are not handed out twice."""
    from exshell.testing import make_shell
    state = tmp_path / "lab.json"
    shell, _ = make_shell("2016", organization=THREE, state=str(state))
    for name in ("a1", "a2", "a3", "a4"):            # runs past the first pool into the extra one
        shell.run("New-ExchangeCertificate -DomainName %s.contoso.com -Services None -Force" % name)
    shell.close()
    again, _ = make_shell("2016", organization=THREE, state=str(state))
    for name in ("b1", "b2"):
        again.run("New-ExchangeCertificate -DomainName %s.contoso.com -Services None -Force" % name)
    entries = [e for s in again.organization.servers for e in s.my]
    moduli = {}
    for e in entries:
        moduli.setdefault(e.cert.public_key().public_numbers().n, set()).add(e.cert.subject)
    assert all(len(subjects) == 1 for subjects in moduli.values())
    serials = [e.cert.serial_number for s in again.organization.servers for e in s.my
               if e.cert.subject.rfc4514_string()[3:5] in ("a1", "a2", "a3", "a4", "b1", "b2")]
    assert len(serials) == len(set(serials)) == 6


def test_damaged_fields_give_a_world_file_error(tmp_path):
    """Change one field of a good state file at a time: loading still never raises
    anything but WorldFileError."""
    org = load_definition(THREE, clock=FixedClock(CLOCK), key_source=PoolKeySource(),
                          serials=SeededSerials("t"))
    good = json.loads(json.dumps(dump_world(org)))

    def paths(node, prefix=()):
        if isinstance(node, dict):
            for k, v in node.items():
                yield from paths(v, prefix + (k,))
        elif isinstance(node, list) and node:
            yield from paths(node[0], prefix + (0,))
        yield prefix

    broken = 0
    for path in list(paths(good))[:400]:
        if not path:
            continue
        for bad in (None, "x", 7, [], {"a": 1}):
            data = json.loads(json.dumps(good))
            node = data
            for k in path[:-1]:
                node = node[k]
            node[path[-1]] = bad
            try:
                load_world(data, path="lab.json")
            except WorldFileError as e:
                broken += 1
                assert str(e).startswith("lab.json")
    assert broken > 100
