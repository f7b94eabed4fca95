"""The direct-DER path of issue_self_signed makes exactly the certificate
cryptography's builder makes (same bytes, so the same thumbprint), for every layout,
hash, serial size, date range, name and SAN list we generate."""
import datetime as _dt

import pytest
from hypothesis import given, settings, strategies as st

from exshell.exchange.issuance import (EXCHANGE_LAYOUT, WMSVC_LAYOUT, _issue_self_signed_builder,
                                       der_bytes, issue_self_signed)
from exshell.exchange.keys import PoolKeySource
from exshell.exchange.names import parse_dn, simple_name

_POOL = PoolKeySource()
KEYS = [_POOL.new_rsa_key(1024), _POOL.new_rsa_key(2048)]
LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
DOMAIN = st.builds(lambda a, b: "%s.%s.com" % (a, b), LABEL, LABEL)
SUBJECT = st.one_of(DOMAIN.map(simple_name), st.sampled_from([
    simple_name("Microsoft Exchange Server Auth Certificate"), simple_name("WMSvc-SHA2-EX01"),
    parse_dn("CN=mail.contoso.com, OU=IT, O=Contoso Ltd., L=Oslo, C=NO"),
    parse_dn("CN=Grüße GmbH, O=Ünïcode")]))
WHEN = st.datetimes(min_value=_dt.datetime(1951, 1, 1), max_value=_dt.datetime(2120, 1, 1))


@settings(max_examples=60, deadline=None)
@given(key=st.sampled_from(KEYS), subject=SUBJECT, domains=st.lists(DOMAIN, max_size=12),
       start=WHEN, days=st.integers(1, 40000), serial=st.integers(1, 2 ** 159 - 1),
       hash_name=st.sampled_from(["sha1", "sha256"]), layout=st.sampled_from([EXCHANGE_LAYOUT, WMSVC_LAYOUT]),
       ski=st.one_of(st.none(), st.binary(min_size=1, max_size=32)))
def test_direct_der_equals_the_builder(key, subject, domains, start, days, serial, hash_name, layout, ski):
    kw = dict(key=key, subject=subject, domains=domains, not_before=start,
              not_after=start + _dt.timedelta(days=days), serial=serial, hash_name=hash_name,
              layout=layout, ski=ski)
    assert der_bytes(issue_self_signed(**kw)) == der_bytes(_issue_self_signed_builder(**kw))


def test_simple_name_is_parse_dn_of_cn():
    from exshell.exchange.names import CommonName, _quote
    for cn in ["EX01", "a b", "mail.contoso.com", "ünï", "x,y", "a+b", "a=b", "*.contoso.com", "a;b",
               " lead", "x" * 64, "é" * 32]:
        assert simple_name(cn).public_bytes() == parse_dn("CN=" + _quote(cn)).public_bytes(), cn
        assert CommonName(cn).public_bytes() == simple_name(cn).public_bytes(), cn
    with pytest.raises(ValueError):          # longer than X.520 allows: refused alike
        CommonName("x" * 65).public_bytes()
    with pytest.raises(ValueError):
        CommonName("é" * 33).public_bytes()


def test_a_certificate_from_a_common_name_is_the_same():
    from exshell.exchange.names import CommonName
    kw = dict(key=KEYS[1], domains=["a.contoso.com"], not_before=_dt.datetime(2026, 1, 1),
              not_after=_dt.datetime(2028, 1, 1), serial=77, hash_name="sha256")
    assert der_bytes(issue_self_signed(subject=CommonName("a.contoso.com"), **kw)) == \
        der_bytes(issue_self_signed(subject=simple_name("a.contoso.com"), **kw))
