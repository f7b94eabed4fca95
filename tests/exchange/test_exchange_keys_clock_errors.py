"""Key pool, serial sources, clocks, version profiles and the error catalogue."""
from __future__ import annotations

import datetime

import pytest

from exshell.exchange import (Clock, CountingSerials, FixedClock, PoolKeySource, PROFILES,
                              RandomSerials, get_profile, load_lab_keys)
from exshell.exchange.errors import CATALOGUE, ExchangeError, exchange_error
from exshell.exchange.keys import KeyPoolExhausted


def test_lab_pool_contents():
    sizes = [k.key().key_size for k in load_lab_keys()]
    assert sizes.count(2048) == 12 and sizes.count(4096) == 4 and sizes.count(1024) == 2


def test_pool_hands_out_keys_in_order_per_size():
    a, b = PoolKeySource(), PoolKeySource()
    first = [a.new_rsa_key(2048).private_numbers().d for _ in range(3)]
    assert [b.new_rsa_key(2048).private_numbers().d for _ in range(3)] == first
    assert len(set(first)) == 3
    assert a.new_rsa_key(1024).key_size == 1024
    assert a.remaining(2048) == 9


def test_pool_exhaustion_and_fallback():
    pool = PoolKeySource()
    pool.new_rsa_key(1024), pool.new_rsa_key(1024)
    with pytest.raises(KeyPoolExhausted):
        pool.new_rsa_key(1024)

    class Fake:
        def new_rsa_key(self, bits):
            return ("generated", bits)

    assert PoolKeySource([], fallback=Fake()).new_rsa_key(2048) == ("generated", 2048)


def test_serials():
    c = CountingSerials(5)
    assert [c.next(), c.next()] == [5, 6]
    r = RandomSerials().next()
    assert 0 < r < 2 ** 127


def test_clocks():
    t = datetime.datetime(2026, 1, 1, 12, 0, 0)
    fixed = FixedClock(t)
    assert fixed.now() == t
    fixed.set(datetime.datetime(2030, 1, 1))
    assert fixed.now() == datetime.datetime(2030, 1, 1)
    fixed.advance(datetime.timedelta(days=1))
    assert fixed.now() == datetime.datetime(2030, 1, 2)
    real = Clock()
    real.set(datetime.datetime(2040, 6, 1))
    assert abs(real.now() - datetime.datetime(2040, 6, 1)) < datetime.timedelta(minutes=1)
    assert real.now().tzinfo is None


@pytest.mark.parametrize("version, width, years, new_hash, setup_hash, rpc, identity, ps", [
    ("2007", 5, 1, "sha1", "sha1", False, False, "2.0"),
    ("2010", 6, 5, "sha1", "sha1", True, False, "2.0"),
    ("2013", 7, 5, "sha256", "sha1", True, True, "5.1"),
    ("2016", 7, 5, "sha256", "sha1", True, True, "5.1"),
    ("2019", 7, 5, "sha256", "sha256", True, True, "5.1"),
])
def test_profiles(version, width, years, new_hash, setup_hash, rpc, identity, ps):
    p = get_profile(version)
    assert (p.services_width, p.selfsigned_years, p.selfsigned_hash, p.setup_hash, p.rpc_prefix,
            p.has_identity, p.ps_version) == (width, years, new_hash, setup_hash, rpc, identity, ps)
    assert len(p.allowed_services) == width + 1        # None + one per letter
    assert p.display_version.startswith("Version %d." % p.major_version)


def test_get_profile_spellings_and_errors():
    assert get_profile(2010) is PROFILES["2010"]
    assert get_profile("Exchange2013") is PROFILES["2013"]
    with pytest.raises(KeyError):
        get_profile("2003")


def test_catalogue_texts_format():
    fields = dict(thumbprint="T", reason="R", name="N", dc="D", subject="S", size=1, sizes="1",
                  service="X", role="Y", server_name="Z", names="A, B", ski="K")
    for error_id, spec in CATALOGUE.items():
        err = exchange_error(error_id, server="EX01", **fields)
        assert isinstance(err, ExchangeError) and err.message
        assert len(err.hex_id) == 8 and int(err.hex_id, 16) >= 0
        if spec.rpc:
            assert err.exception_type == "InvalidOperationException"


def test_hex_ids_are_stable_and_known_ones_pinned():
    assert exchange_error("CertificateNotFound", purpose="get", thumbprint="x").hex_id == "71D7F7B0"
    assert exchange_error("ImportCertificateDataInvalid", purpose="import").hex_id == "A39CF339"
    a = exchange_error("CertificateNotFound", purpose="remove", thumbprint="x").hex_id
    assert a == exchange_error("CertificateNotFound", purpose="remove", thumbprint="y").hex_id
    assert a != "71D7F7B0"


def test_rpc_prefix_only_when_asked():
    err = exchange_error("CertificateNotFound", server="EX01", purpose="get", thumbprint="AB")
    assert err.display_message() == ("A special Rpc error occurs on server EX01: The certificate "
                                     "with thumbprint AB was not found.")
    assert err.display_message(rpc_prefix=False) == "The certificate with thumbprint AB was not found."


def test_seeded_serials_look_like_windows_ones():
    from exshell.exchange import SeededSerials
    from exshell.exchange.certificate import _serial_hex
    a, b = SeededSerials("lab"), SeededSerials("lab")
    first = [a.next() for _ in range(5)]
    assert first == [b.next() for _ in range(5)] and len(set(first)) == 5
    assert all(len(_serial_hex(n)) == 32 for n in first)
    assert SeededSerials("other").next() != first[0]
