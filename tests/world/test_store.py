"""The world store (exchange/worlddb.py) under the model: round trips, writing only
what changed, undoing a failed change, several connections on one world."""
import datetime as _dt
import pathlib

import pytest

from exshell.exchange.clock import FixedClock
from exshell.exchange.definition import load_definition
from exshell.exchange.errors import ExchangeError
from exshell.exchange.keys import PoolKeySource, SeededSerials, extra_lab_keys_source
from exshell.exchange.definition import default_organization
from exshell.exchange.organization import SendConnector
from exshell.exchange.services import AllowedServices
from exshell.exchange.state import dump_world
from exshell.exchange.worlddb import memory_store, open_store

CLOCK = _dt.datetime(2026, 11, 28, 10, 0, 0)
ORGS = pathlib.Path(__file__).resolve().parents[1] / "transcripts" / "orgs"
THREE = str(ORGS / "three-servers-2016.toml")


def sources():
    return dict(clock=FixedClock(CLOCK), key_source=PoolKeySource(fallback=extra_lab_keys_source()),
                serials=SeededSerials("t"))


def three():
    return load_definition(THREE, **sources())


def with_authorities(org):
    from exshell.exchange.authority import public_authority
    org.certificate_authority          # the enterprise CA, trusted everywhere
    public_authority(org)
    return org


ORGS_TO_TRY = [
    ("2010 built-in", lambda: default_organization("2010", **sources())),
    ("2007 built-in", lambda: default_organization("2007", **sources())),
    ("2019 built-in + CAs", lambda: with_authorities(default_organization("2019", **sources()))),
    ("three servers 2016", three),
]


@pytest.mark.parametrize("name, make", ORGS_TO_TRY, ids=[n for n, _ in ORGS_TO_TRY])
def test_a_world_comes_back_exactly(tmp_path, name, make):
    org = make()
    store = open_store(str(tmp_path / "w.db"))
    store.create(org)
    store.close()
    again = open_store(str(tmp_path / "w.db")).load(**sources())
    assert dump_world(again) == dump_world(org)
    for a, b in zip(org.servers, again.servers):
        assert a.state() == b.state()
        assert [(c.Thumbprint, str(c.Services), str(c.Status)) for c in a.certificates()] == \
               [(c.Thumbprint, str(c.Services), str(c.Status)) for c in b.certificates()]


def test_private_keys_are_parsed_only_when_needed(tmp_path):
    from exshell.exchange.store import KeyHandle
    store = open_store(str(tmp_path / "w.db"))
    store.create(three())
    store.close()
    org = open_store(str(tmp_path / "w.db")).load(**sources())
    entries = [e for s in org.servers for e in s.my]
    assert all(isinstance(e.raw_key, KeyHandle) for e in entries if e.has_key)
    [c.Thumbprint for s in org.servers for c in s.certificates()]     # listing needs no key
    assert all(e.raw_key._key is None for e in entries if e.has_key)
    entry = entries[0]
    assert entry.key.key_size == entry.cert.public_key().key_size   # parsed on use


def test_keys_are_stored_once_however_many_certificates_share_them(tmp_path):
    org = default_organization("2010", **sources())
    server = org.local_server
    for i in range(5):   # the Auth-style copy: one key, several servers' entries
        server.my.get(server.internal_transport_thumbprint).copy()
        break
    store = open_store(str(tmp_path / "w.db"))
    store.create(org)
    keys = store.conn.execute("SELECT count(*) FROM keys").fetchone()[0]
    certs = store.conn.execute("SELECT count(DISTINCT key_id) FROM certificates").fetchone()[0]
    assert keys == certs


def _new_cert(server, name, services="IIS"):
    plan = server.plan_new_certificate(domain_names=[name], services=AllowedServices.parse(services))
    return server.install_certificate(server.build_certificate(plan), make_default_smtp=False)


def test_a_commit_writes_only_what_changed(tmp_path):
    store = open_store(str(tmp_path / "w.db"))
    store.create(three())
    org = store.org
    written = []
    store.conn.set_trace_callback(written.append)
    view = _new_cert(org.get_server("EX02"), "web.contoso.com")
    keys = store.commit()
    store.conn.set_trace_callback(None)
    assert set(keys) == {("cert", "EX02", "My", view.Thumbprint), ("server", "EX02"), ("counters",)}
    changes = [s for s in written if s.split()[0] in ("INSERT", "UPDATE", "DELETE")]
    import re
    tables = [re.search(r"(?:INTO|UPDATE|FROM) (\w+)", s).group(1) for s in changes]
    # one certificate row (and its new key), the server row, the counters, the journal
    # (a line per entity) and the time of the change -- nothing else
    assert sorted(set(tables)) == ["certificates", "counters", "journal", "keys", "meta", "servers"]
    assert tables.count("certificates") == 1 and tables.count("servers") == 1
    assert store.conn.execute("SELECT count(*) FROM journal WHERE entity LIKE 'cert%'").fetchone()[0] >= 1


def test_nothing_changed_nothing_written(tmp_path):
    store = open_store(str(tmp_path / "w.db"))
    store.create(three())
    org = store.org
    [s.certificates() for s in org.servers]
    org.get_server("EX01").get_certificate(org.get_server("EX01").my.thumbprints()[0])
    assert store.commit() == []
    assert not store.in_write


def test_rollback_gives_the_model_back(tmp_path):
    store = open_store(str(tmp_path / "w.db"))
    store.create(with_authorities(three()))
    org = store.org
    before = dump_world(org)
    server = org.get_server("EX03")
    _new_cert(server, "x.contoso.com", "IIS,SMTP")
    server.pop_x509_name = "pop.contoso.com"
    server.receive_connectors[0].fqdn = "changed.contoso.com"
    server.roots.pop(next(iter(server.roots)))
    org.send_connectors.append(SendConnector("Extra"))
    org.send_connectors[0].require_tls = True
    org.accepted_domains[0].default = False
    org.federation_thumbprints.add("A" * 40)
    org.auth_config.realm = "changed"
    org.clock.advance(_dt.timedelta(days=3))
    for t in list(server.my.thumbprints())[:1]:
        server.my.remove(t)
    assert dump_world(org) != before
    store.rollback()
    assert dump_world(org) == before
    assert not store.in_write and not org.changes


def test_a_second_connection_sees_committed_changes_at_refresh(tmp_path):
    path = str(tmp_path / "w.db")
    a = open_store(path)
    a.create(three())
    b = open_store(path)
    org_b = b.load(**sources())
    assert b.refresh() is False                       # nothing new: one PRAGMA
    view = _new_cert(a.org.get_server("EX01"), "new.contoso.com")
    a.org.send_connectors.append(SendConnector("FromA"))
    a.commit()
    assert b.refresh() is True
    assert view.Thumbprint in org_b.get_server("EX01").my
    assert [c.name for c in org_b.send_connectors][-1] == "FromA"
    assert dump_world(org_b) == dump_world(a.org)


def test_the_second_remove_of_one_certificate_finds_nothing(tmp_path):
    path = str(tmp_path / "w.db")
    a = open_store(path)
    a.create(three())
    b = open_store(path)
    org_b = b.load(**sources())
    t = _new_cert(a.org.get_server("EX02"), "gone.contoso.com").Thumbprint
    a.commit()
    b.refresh()
    a.org.get_server("EX02").remove_certificate(t)      # A removes it...
    a.commit()
    with pytest.raises(ExchangeError) as info:         # ...B, not refreshed, tries too
        org_b.get_server("EX02").remove_certificate(t)
    assert info.value.error_id == "CertificateNotFound"
    b.rollback()
    assert t not in org_b.get_server("EX02").my


def test_no_lost_update_between_two_writers(tmp_path):
    path = str(tmp_path / "w.db")
    a = open_store(path)
    a.create(three())
    b = open_store(path)
    org_b = b.load(**sources())
    # Both looked at the world; A changes POP, B (stale) changes IMAP on the same server.
    a.org.get_server("EX01").pop_x509_name = "pop.contoso.com"
    a.commit()
    org_b.get_server("EX01").imap_x509_name = "imap.contoso.com"   # takes the lock, catches up
    b.commit()
    again = open_store(path).load(**sources())
    server = again.get_server("EX01")
    assert (server.pop_x509_name, server.imap_x509_name) == ("pop.contoso.com", "imap.contoso.com")


def test_a_reader_reads_while_a_writer_holds_the_lock(tmp_path):
    path = str(tmp_path / "w.db")
    a = open_store(path)
    a.create(three())
    a.org.get_server("EX01").pop_x509_name = "pending.contoso.com"   # A holds the write lock
    assert a.in_write
    reader = open_store(path).load(**sources())          # a grader: not blocked
    assert reader.get_server("EX01").pop_x509_name != "pending.contoso.com"
    a.commit()


def test_the_write_lock_waits_for_the_other_writer(tmp_path, monkeypatch):
    path = str(tmp_path / "w.db")
    a = open_store(path)
    a.create(three())
    b = open_store(path)
    org_b = b.load(**sources())
    b.conn.execute("PRAGMA busy_timeout = 200")
    a.org.get_server("EX01").pop_x509_name = "a.contoso.com"       # A holds the lock
    from exshell.exchange.worlddb import WorldStoreError
    with pytest.raises(WorldStoreError) as info:
        org_b.get_server("EX02").pop_x509_name = "b.contoso.com"
    assert "another exshell" in str(info.value) and path in str(info.value)
    a.commit()
    b.rollback()
    org_b.get_server("EX02").pop_x509_name = "b.contoso.com"       # now it can
    b.commit()


def test_a_symbolic_link_is_the_same_world(tmp_path):
    path = tmp_path / "w.db"
    link = tmp_path / "link.db"
    a = open_store(str(path))
    a.create(three())
    link.symlink_to(path)
    b = open_store(str(link))
    assert b.path == a.path
    b.load(**sources())
    a.org.get_server("EX01").pop_x509_name = "a.contoso.com"       # A holds the lock
    b.conn.execute("PRAGMA busy_timeout = 100")
    from exshell.exchange.worlddb import WorldStoreError
    with pytest.raises(WorldStoreError):
        b.org.get_server("EX01").imap_x509_name = "b.contoso.com"
    a.commit()
    assert sorted(p.name for p in tmp_path.iterdir() if "-wal" in p.name) == ["w.db-wal"]


def test_a_hard_link_is_refused(tmp_path):
    path = tmp_path / "w.db"
    open_store(str(path)).create(three())
    (tmp_path / "other.db").hardlink_to(path)
    from exshell.exchange.worlddb import WorldStoreError
    for name in ("w.db", "other.db"):
        with pytest.raises(WorldStoreError) as info:
            open_store(str(tmp_path / name))
        assert "hard links" in str(info.value)


def test_replace_makes_everyone_reload(tmp_path):
    path = str(tmp_path / "w.db")
    a = open_store(path)
    a.create(three())
    b = open_store(path)
    org_b = b.load(**sources())
    fresh = default_organization("2016", **sources())
    a.replace(fresh)
    b.refresh()
    assert [s.name for s in org_b.servers] == ["EX01"]
    assert dump_world(org_b) == dump_world(fresh)


def test_memory_worlds_behave_alike():
    store = memory_store()
    store.create(three())
    org = store.org
    before = dump_world(org)
    _new_cert(org.get_server("EX01"), "m.contoso.com")
    store.rollback()
    assert dump_world(org) == before
    _new_cert(org.get_server("EX01"), "m.contoso.com")
    assert store.commit()
    assert store.conn.execute("SELECT count(*) FROM certificates").fetchone()[0] > 0


def test_journal_pruning_makes_a_late_reader_reload_everything(tmp_path, monkeypatch):
    import exshell.exchange.worlddb as worlddb
    monkeypatch.setattr(worlddb, "JOURNAL_KEEP", 5)
    path = str(tmp_path / "w.db")
    a = open_store(path)
    a.create(three())
    b = open_store(path)
    org_b = b.load(**sources())
    server = a.org.get_server("EX01")
    for i in range(1005):                 # past a multiple of 1000: old lines are pruned
        server.pop_x509_name = "p%d.contoso.com" % i
        a.commit()
    assert a.conn.execute("SELECT min(seq) FROM journal").fetchone()[0] > 10
    b.refresh()
    assert org_b.get_server("EX01").pop_x509_name == "p1004.contoso.com"
    assert dump_world(org_b) == dump_world(a.org)


def test_a_new_world_file_is_readable_by_its_owner_only(tmp_path):
    import stat
    path = tmp_path / "w.db"
    store = open_store(str(path))
    store.create(three())
    store.org.get_server("EX01").pop_x509_name = "x.contoso.com"
    store.commit()
    for name in ("w.db", "w.db-wal", "w.db-shm"):
        mode = stat.S_IMODE((tmp_path / name).stat().st_mode)
        assert mode & 0o077 == 0, (name, oct(mode))
    store.close()
