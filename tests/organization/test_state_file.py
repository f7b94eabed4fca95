"""-State FILE through the shell: the world database resumes exactly (changes, clock,
deterministic counters), a second shell shares it, a failed save changes nothing and
says so; the JSON layout of earlier state files still reads (migration)."""
import datetime as _dt
import json

import pytest

from exshell.exchange.clock import FixedClock
from exshell.exchange.definition import load_definition
from exshell.exchange.errors import WorldFileError
from exshell.exchange.keys import PoolKeySource, SeededSerials
from exshell.exchange.state import dump_world, load_world
from exshell.host import RecordingHost
from exshell.shell import Shell

from org_paths import THREE

CLOCK = _dt.datetime(2026, 11, 28, 10, 0, 0)


def _shell(state, **kw):
    return Shell("2016", host=RecordingHost([], width=120), clock=FixedClock(CLOCK),
                 key_source=PoolKeySource(), serials=SeededSerials("t"), state_file=str(state), **kw)


def test_json_layout_round_trip_keeps_everything():
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
    state = tmp_path / "lab.db"
    sh = _shell(state)
    sh.run("New-SendConnector Outbound -AddressSpaces *")
    sh.run("$c = New-ExchangeCertificate -DomainName mail.contoso.com -Services IIS -Force")
    thumb = [e.thumbprint for e in sh.organization.local_server.my][-1]
    sh.run("Set-Date -Date ((Get-Date).AddDays(3))")
    sh.clock.advance(_dt.timedelta(hours=1))     # moved outside any command: kept at close
    sh.close()
    again = _shell(state)
    org = again.organization
    assert [c.name for c in org.send_connectors] == ["Outbound"]
    assert org.local_server.iis_bindings[1] == thumb
    assert again.clock.now() == CLOCK + _dt.timedelta(days=3, hours=1)


def test_a_second_shell_shares_the_world(tmp_path):
    state = tmp_path / "lab.db"
    first = _shell(state)
    second = _shell(state)
    first.run("New-SendConnector FromFirst -AddressSpaces *")
    second.host.clear()
    second.run("(Get-SendConnector).Name")
    assert second.host.text.split() == ["FromFirst"]
    first.close()
    second.close()


def test_a_failed_save_is_reported_and_changes_nothing(tmp_path):
    """The disk fills up in the middle of a script: the command whose change could not
    be saved says so and changes nothing; the ones before it are kept; the session goes
    on once there is space again."""
    sh = _shell(tmp_path / "lab.db")
    sh.run("Get-SendConnector")
    store = sh.world.store
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute("PRAGMA max_page_count = %d" % (pages + 2))      # the disk is nearly full
    result = sh.run("foreach ($i in 1..400) { New-SendConnector \"C$i\" -AddressSpaces * "
                    "-Fqdn \"host$i.%s.contoso.com\" | Out-Null }" % ("x" * 50))
    assert not result.success
    text = sh.host.text
    assert "the disk is full" in text and str(tmp_path / "lab.db") in text
    assert "Nothing was changed" in text and "Traceback" not in text
    assert sh.internal_errors == []
    kept = [c.name for c in sh.organization.send_connectors]
    assert kept and kept == ["C%d" % i for i in range(1, len(kept) + 1)]
    assert len(kept) < 400
    store.conn.execute("PRAGMA max_page_count = 1073741823")    # space again: work goes on
    assert sh.run("New-SendConnector Y -AddressSpaces *").success
    sh.close()
    assert [c.name for c in _shell(tmp_path / "lab.db").organization.send_connectors] == kept + ["Y"]


@pytest.mark.parametrize("failure", [RuntimeError("a bug"), KeyboardInterrupt()])
def test_a_step_that_fails_half_way_changes_nothing(tmp_path, monkeypatch, failure):
    """A cmdlet that fails after it began to change the world (a bug, Ctrl-C) leaves
    the world -- in memory and in the file -- as it was."""
    from exshell.exchange.organization import Server
    sh = _shell(tmp_path / "lab.db")
    sh.run("$n = New-ExchangeCertificate -DomainName n.contoso.com -Services None -Force")
    before = dump_world(sh.organization)
    real = Server._apply_services

    def half_then_fail(self, entry, services, **kw):
        real(self, entry, services, **kw)            # IIS bound, POP name set...
        raise failure
    monkeypatch.setattr(Server, "_apply_services", half_then_fail)
    sh.run("Enable-ExchangeCertificate -Thumbprint $n.Thumbprint -Services IIS,POP")
    monkeypatch.setattr(Server, "_apply_services", real)
    assert dump_world(sh.organization) == before
    sh.close()
    assert dump_world(_shell(tmp_path / "lab.db").organization) == before


def test_what_a_command_handed_on_is_kept_when_a_later_one_fails(tmp_path):
    """As on a server: New-ExchangeCertificate has made the certificate once it writes it
    out; a command after it in the pipeline failing does not take it back."""
    sh = _shell(tmp_path / "lab.db")
    sh.run("New-ExchangeCertificate -DomainName kept.contoso.com -Services IIS -Force | "
           "ForEach-Object { throw 'downstream failed' }")
    assert "downstream failed" in sh.host.text
    sh.close()
    org = _shell(tmp_path / "lab.db").organization
    assert any("kept.contoso.com" in c.Subject for c in org.local_server.certificates())


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
    state = tmp_path / "lab.db"
    shell, host = make_shell("2016", organization=THREE, state=str(state))
    for command in COMMANDS:
        assert shell.run(command).success, (command, host.text)
    expected = dump_world(shell.organization)
    shell.close()
    again, _ = make_shell("2016", organization=THREE, state=str(state))   # the world file wins
    assert dump_world(again.organization) == expected
    assert [c.name for c in again.organization.send_connectors][1] == "Partner"


def test_deterministic_counters_continue_after_resume(tmp_path):
    """Keys and serial numbers of a resumed deterministic run are not handed out twice."""
    from exshell.testing import make_shell
    state = tmp_path / "lab.db"
    shell, _ = make_shell("2016", organization=THREE, state=str(state))
    for name in ("a1", "a2", "a3", "a4"):            # runs past the first pool into the extra one
        shell.run("New-ExchangeCertificate -DomainName %s.contoso.com -Services None -Force" % name)
    shell.close()
    again, _ = make_shell("2016", organization=THREE, state=str(state))
    for name in ("b1", "b2"):
        again.run("New-ExchangeCertificate -DomainName %s.contoso.com -Services None -Force" % name)
    entries = [e for s in again.organization.servers for e in s.my]
    made = [e for e in entries if e.cert.subject.rfc4514_string()[3:5] in ("a1", "a2", "a3", "a4", "b1", "b2")]
    assert len({e.cert.public_key().public_numbers().n for e in made}) == 6
    serials = [e.cert.serial_number for e in made]
    assert len(serials) == len(set(serials)) == 6


def test_damaged_json_fields_give_a_world_file_error():
    """Change one field of a good JSON state file at a time: loading (to migrate it)
    never raises anything but WorldFileError."""
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


@pytest.mark.parametrize("content, words", [
    (b"{not json", "readable JSON state file"),
    (b'{"format": "something-else"}', "not an exshell state file"),
    (b"\x00\x01garbage", "not an exshell world"),
])
def test_bad_state_files_through_the_shell(tmp_path, content, words):
    state = tmp_path / "lab.json"
    state.write_bytes(content)
    with pytest.raises(WorldFileError) as info:
        _shell(state)
    assert words in str(info.value) and str(state) in str(info.value)
