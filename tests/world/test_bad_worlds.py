"""Worlds that cannot be used: every case gives WorldStoreError naming the file and
saying what to do -- never another exception, never a half-applied change."""
import datetime as _dt
import os
import pathlib
import random
import shutil
import sqlite3
import subprocess

import pytest

from exshell.exchange.clock import FixedClock
from exshell.exchange.definition import load_definition
from exshell.exchange.keys import PoolKeySource, SeededSerials, extra_lab_keys_source
from exshell.exchange.state import dump_world
from exshell.exchange.worlddb import (LegacyStateFile, WorldStoreError, open_store)

CLOCK = _dt.datetime(2026, 11, 28, 10, 0, 0)
THREE = str(pathlib.Path(__file__).resolve().parents[1] / "transcripts" / "orgs" / "three-servers-2016.toml")


def sources():
    return dict(clock=FixedClock(CLOCK), key_source=PoolKeySource(fallback=extra_lab_keys_source()),
                serials=SeededSerials("t"))


@pytest.fixture(scope="module")
def good_world(tmp_path_factory):
    """A world file (checkpointed: one file, no -wal) to damage copies of."""
    path = tmp_path_factory.mktemp("good") / "w.db"
    store = open_store(str(path))
    store.create(load_definition(THREE, **sources()))
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


def _copy(good_world, tmp_path, name="w.db"):
    target = tmp_path / name
    shutil.copyfile(good_world, target)
    return target


def _open_and_load(path):
    """What a shell does at start: WorldStoreError or an organisation -- nothing else."""
    store = open_store(str(path))
    try:
        if store.has_world():
            store.load(**sources())
    finally:
        store.conn.close()


def _refused(path, *words):
    with pytest.raises(WorldStoreError) as info:
        _open_and_load(path)
    text = str(info.value)
    assert text.startswith(str(path)), text
    for w in words:
        assert w in text, text
    return text


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "w.db"
    path.write_bytes(b"PK\x03\x04 some zip file" + bytes(range(256)) * 8)
    _refused(path, "not an exshell world", "-State")


def test_a_json_state_file_is_recognised(tmp_path):
    path = tmp_path / "lab.json"
    path.write_text('{"format": "exshell-state/1"}')
    with pytest.raises(LegacyStateFile):
        open_store(str(path))


def test_another_programs_database(tmp_path):
    path = tmp_path / "w.db"
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE songs(title TEXT)")
    conn.commit()
    conn.close()
    _refused(path, "another program")


def test_a_newer_schema(good_world, tmp_path):
    path = _copy(good_world, tmp_path)
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    _refused(path, "newer exshell", "99", "Upgrade exshell")


def test_missing_tables(good_world, tmp_path):
    path = _copy(good_world, tmp_path)
    conn = sqlite3.connect(str(path))
    conn.execute("DROP TABLE trust")
    conn.commit()
    conn.close()
    _refused(path, "damaged", "trust")


@pytest.mark.parametrize("fraction", [0.0001, 0.01, 0.3, 0.5, 0.9, 0.999])
def test_a_truncated_world(good_world, tmp_path, fraction):
    path = _copy(good_world, tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: max(1, int(len(data) * fraction))])
    _refused(path)


def test_random_damage_never_escapes_as_another_error(good_world, tmp_path):
    rng = random.Random(13)
    data = good_world.read_bytes()
    outcomes = {"refused": 0, "loaded": 0}
    for i in range(40):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 30)):
            pos = rng.randrange(100, len(damaged))
            damaged[pos] = rng.randrange(256)
        path = tmp_path / ("d%d.db" % i)
        path.write_bytes(bytes(damaged))
        try:
            _open_and_load(path)
            outcomes["loaded"] += 1        # the damage hit free space or a value we accept
        except WorldStoreError as e:
            assert str(e).startswith(str(path))
            outcomes["refused"] += 1
    assert outcomes["refused"] > 0


# Each (table, column, bad value): a row changed behind exshell's back.
DAMAGE = [
    ("organization", "version", "1999"), ("organization", "version", b"\x00\xff"),
    ("organization", "domain", ""), ("organization", "settings", "{not json"),
    ("organization", "settings", "[]"), ("organization", "settings", '{"accepted_domains": 5}'),
    ("organization", "local_server", "EX99"), ("clock", "mode", "sundial"),
    ("clock", "value", "yesterday"), ("clock", "value", "1e300"),
    ("servers", "name", "bad name!"), ("servers", "roles", '"Mailbox"'),
    ("servers", "settings", '{"iis": {"x": "y"}}'), ("servers", "settings", "null"),
    ("send_connectors", "settings", '{"enabled": "yes"}'),
    ("certificates", "der", b"\x30\x03\x02\x01\x01"), ("certificates", "der", "text"),
    ("certificates", "thumbprint", "NOT-A-THUMBPRINT"), ("certificates", "store", "Trash"),
    ("certificates", "server", "EX99"), ("certificates", "acl", '[["x"]]'),
    ("certificates", "exportable", 7), ("certificates", "friendly_name", b"\xff"),
    ("certificates", "key_id", 9999), ("certificates", "request", b"junk"),
    ("trust", "der", b"junk"), ("trust", "kind", "Imaginary"),
    ("keys", "pem", b"not a key"), ("authorities", "data", "{}"),
]


@pytest.mark.parametrize("table, column, value", DAMAGE,
                         ids=["%s.%s=%r" % d for d in DAMAGE])
def test_damaged_values_are_named(good_world, tmp_path, table, column, value):
    path = _copy(good_world, tmp_path)
    conn = sqlite3.connect(str(path))
    if table == "authorities" and not conn.execute("SELECT count(*) FROM authorities").fetchone()[0]:
        conn.execute("INSERT INTO authorities(name, key_id, root_key_id, data) VALUES ('enterprise', 1, NULL, '{}')")
    conn.execute("UPDATE %s SET %s = ? WHERE rowid = (SELECT min(rowid) FROM %s)" % (table, column, table),
                 (value,))
    conn.commit()
    conn.close()
    try:
        _open_and_load(path)
    except WorldStoreError as e:
        assert str(e).startswith(str(path)) and "damaged" in str(e), str(e)
        return
    # A few values are only wrong when used (keys, certificates and requests are parsed
    # when they are needed, so a world opens without cryptography): then using them
    # must give the same kind of message (the tests below).
    assert (table, column) in {("keys", "pem"), ("certificates", "request")}, \
        "accepted a damaged %s.%s" % (table, column)


def _shell_on(path):
    from exshell.host import RecordingHost
    from exshell.shell import Shell
    return Shell(host=RecordingHost([], width=120, interactive=False), state_file=str(path))


@pytest.mark.parametrize("table, what", [("certificates", "der"), ("certificates", "request"),
                                         ("trust", "der")])
def test_der_that_matches_its_thumbprint_but_does_not_parse_is_named_when_used(
        good_world, tmp_path, table, what):
    """A hostile row (its thumbprint recomputed, so only parsing can tell): opening
    parses no certificate, so the first command that reads it gives the world's
    "damaged" message -- no traceback, nothing changed -- and the shell goes on."""
    import hashlib
    path = _copy(good_world, tmp_path)
    junk = b"\x30\x03\x02\x01\x01"
    conn = sqlite3.connect(str(path))
    # The trusted roots of EX01 (the local server's Cert: drive), EX02's certificates.
    damaged, healthy = ("EX01", "EX02") if table == "trust" else ("EX02", "EX01")
    row = conn.execute("SELECT rowid, server FROM %s WHERE server = ? ORDER BY rowid LIMIT 1"
                       % table, (damaged,)).fetchone()
    if what == "der":
        conn.execute("UPDATE %s SET der = ?, thumbprint = ? WHERE rowid = ?" % table,
                     (junk, hashlib.sha1(junk).hexdigest().upper(), row[0]))
    else:                                     # the pending request on EX02
        conn.execute("UPDATE certificates SET request = ? WHERE store = 'REQUEST'", (junk,))
    conn.commit()
    conn.close()
    _open_and_load(path)                       # opens: nothing parsed yet
    shell = _shell_on(path)
    command = {"der": "Get-ExchangeCertificate -Server EX02 | Format-List *",
               # importing a certificate without its key looks for the request it answers
               "request": "$c = Get-ExchangeCertificate -Server EX01 | Where-Object {$_.FriendlyName "
                          "-eq 'Contoso mail 2025'}; Import-ExchangeCertificate -Server EX02 "
                          "-FileData ([byte[]]$c.RawData)"}[what]
    if table == "trust":
        command = "Get-ChildItem Cert:\\LocalMachine\\Root | Format-List *"
    result = shell.run(command)
    text = shell.host.text
    assert not result.success and shell.internal_errors == [], text
    assert "damaged" in text and str(path) in text and "Traceback" not in text, text
    assert shell.run("Get-ExchangeCertificate -Server %s | Out-Null" % healthy).success
    shell.close()


def test_a_missing_folder(tmp_path):
    path = tmp_path / "nowhere" / "w.db"
    with pytest.raises(WorldStoreError) as info:
        open_store(str(path))
    assert "does not exist" in str(info.value) and str(path) in str(info.value)


def test_a_folder_as_the_world(tmp_path):
    with pytest.raises(WorldStoreError) as info:
        open_store(str(tmp_path))
    assert "not a world file" in str(info.value)


MOUNTS = "/tmp/exshell-test-mounts"


def _mount_point(name):
    """A fresh folder to mount on, outside pytest's folders; mounts that an earlier run
    left behind more than ten minutes ago (a killed test cannot unmount) are detached
    first -- younger ones may belong to a test running in parallel."""
    import time
    import uuid
    try:
        with open("/proc/mounts") as fh:
            mine = [line.split()[1] for line in fh if line.split()[1].startswith(MOUNTS + "/")]
    except OSError:
        mine = []
    for target in mine:
        try:
            started = int(os.path.basename(target).split("-")[1])
        except (IndexError, ValueError):
            continue
        if time.time() - started > 600:
            subprocess.run(["umount", "-l", target], capture_output=True, timeout=20)
    folder = pathlib.Path(MOUNTS) / ("%s-%d-%s" % (name, int(time.time()), uuid.uuid4().hex[:8]))
    folder.mkdir(parents=True)
    return folder


def _mount(kind_args, target):
    try:
        r = subprocess.run(["mount"] + kind_args + [str(target)], capture_output=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return r.returncode == 0


def _umount(target):
    import gc
    gc.collect()            # connections of stores the test dropped
    r = subprocess.run(["umount", str(target)], capture_output=True, timeout=20)
    if r.returncode != 0:   # still busy: detach it now, the kernel frees it when unused
        subprocess.run(["umount", "-l", str(target)], capture_output=True, timeout=20)


@pytest.fixture
def read_only_folder(good_world, tmp_path):
    """A folder holding a world that exshell cannot write to: a read-only tmpfs when we
    may mount (root: permission bits do not stop root), else permission bits."""
    if os.geteuid() == 0:
        folder = _mount_point("ro")
        if not _mount(["-t", "tmpfs", "-o", "size=4m", "tmpfs"], folder):
            pytest.skip("cannot mount a tmpfs here")
        try:
            shutil.copyfile(good_world, folder / "w.db")
            if not _mount(["-o", "remount,ro"], folder):
                pytest.skip("cannot remount read-only here")
            yield folder
        finally:
            _umount(folder)
            shutil.rmtree(folder, ignore_errors=True)
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        shutil.copyfile(good_world, folder / "w.db")
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)


def test_a_read_only_folder(read_only_folder):
    text = _refused(read_only_folder / "w.db", "read-only", "-Fresh")
    assert "-State" in text


@pytest.fixture
def small_disk(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs (the max_page_count test covers it)")
    folder = _mount_point("small")
    if not _mount(["-t", "tmpfs", "-o", "size=600k", "tmpfs"], folder):
        pytest.skip("cannot mount a small tmpfs here (the max_page_count test covers it)")
    try:
        yield folder
    finally:
        _umount(folder)
        shutil.rmtree(folder, ignore_errors=True)


def _fill_until_it_fails(store):
    """Change the world until a commit fails; returns the error and the state before."""
    from exshell.exchange.organization import SendConnector
    org = store.org
    for i in range(100000):
        before = dump_world(org)
        org.send_connectors.append(SendConnector("C%05d" % i, fqdn="x" * 3000 + ".contoso.com"))
        try:
            store.commit()
        except WorldStoreError as e:
            return e, before
    pytest.fail("the disk never filled")


def _check_full_disk(store, path):
    error, before = _fill_until_it_fails(store)
    assert "the disk is full" in str(error) and str(error).startswith(str(path))
    assert "Nothing was changed" in str(error)
    assert dump_world(store.org) == before              # the model took nothing of it
    assert not store.in_write
    store.close()
    conn = sqlite3.connect(str(path))
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_full_disk(small_disk):
    path = small_disk / "w.db"
    store = open_store(str(path))
    store.create(load_definition(THREE, **sources()))
    _check_full_disk(store, path)
    again = open_store(str(path))                       # what was committed is all there
    assert len(again.load(**sources()).send_connectors) > 3
    again.close()


def test_a_full_disk_simulated_by_a_page_limit(good_world, tmp_path):
    path = _copy(good_world, tmp_path)
    store = open_store(str(path))
    store.load(**sources())
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute("PRAGMA max_page_count = %d" % (pages + 20))
    _check_full_disk(store, path)


def test_a_damaged_key_is_named_when_it_is_needed(good_world, tmp_path):
    """Keys are parsed when first needed: a damaged one then gives the world's message
    through the shell (no traceback, nothing changed), and the rest of the world works."""
    from exshell.host import RecordingHost
    from exshell.shell import Shell
    path = _copy(good_world, tmp_path)
    conn = sqlite3.connect(str(path))
    conn.execute("UPDATE keys SET pem = ? WHERE id = (SELECT key_id FROM certificates WHERE "
                 "server = 'EX02' AND friendly_name = 'WMSVC' LIMIT 1)",
                 (b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",))
    conn.commit()
    conn.close()
    shell = Shell(host=RecordingHost([], width=120, interactive=False), state_file=str(path))
    result = shell.run("$pw = ConvertTo-SecureString 'P@ss1' -AsPlainText -Force; "
                       "Get-ExchangeCertificate -Server EX02 | Where-Object {$_.FriendlyName -eq "
                       "'WMSVC'} | Export-ExchangeCertificate -Server EX02 -BinaryEncoded "
                       "-Password $pw | Out-Null")
    text = shell.host.text
    assert not result.success and shell.internal_errors == []
    assert "damaged" in text and str(path) in text and "Traceback" not in text
    assert shell.run("Get-ExchangeCertificate -Server EX01 | Out-Null").success
    shell.close()
