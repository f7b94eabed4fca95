"""Distinguished names, domain names and thumbprints."""
from __future__ import annotations

import pytest

from exshell.exchange.names import (DnSyntaxError, format_dn, is_valid_domain,
                                    normalize_thumbprint, parse_dn)


@pytest.mark.parametrize("typed, shown", [
    ("CN=EX01", "CN=EX01"),
    ("cn=mail.contoso.com,ou=IT,o=Contoso,l=Seattle,s=WA,c=US",
     "CN=mail.contoso.com, OU=IT, O=Contoso, L=Seattle, S=WA, C=US"),
    ("C=US,O=Contoso,CN=mail.contoso.com", "C=US, O=Contoso, CN=mail.contoso.com"),
    ('CN=x, O="Contoso, Ltd"', 'CN=x, O="Contoso, Ltd"'),
    ("CN=x; ST=Bavaria", "CN=x, S=Bavaria"),
    ("CN=Ünïcode", "CN=Ünïcode"),
    ("E=admin@contoso.com, CN=x", "E=admin@contoso.com, CN=x"),
    ("CN=a + OU=b", "CN=a + OU=b"),
])
def test_dn_round_trip(typed, shown):
    assert format_dn(parse_dn(typed)) == shown


def test_dn_is_encoded_in_reverse_text_order():
    name = parse_dn("CN=mail.contoso.com, O=Contoso, C=US")
    assert [rdn.rfc4514_string() for rdn in name.rdns] == ["C=US", "O=Contoso", "CN=mail.contoso.com"]


@pytest.mark.parametrize("bad", ["", "   ", "EX01", "CN=", "XX=1", "CN=a,,O=b", 'CN="open', "C=USA"])
def test_dn_errors(bad):
    with pytest.raises(DnSyntaxError):
        parse_dn(bad)


@pytest.mark.parametrize("name, ok", [
    ("EX01", True), ("mail.contoso.com", True), ("*.contoso.com", True), ("Federation", True),
    ("autodiscover.contoso.com", True), ("mail contoso.com", False), ("*", False),
    ("mail.*.com", False), ("-bad.com", False), ("a" * 64 + ".com", False), ("", False),
    ("trailing.dot.", False),
])
def test_domain_validation(name, ok):
    assert is_valid_domain(name) is ok


@pytest.mark.parametrize("typed, canonical", [
    ("c5dd5b60949267ad624618d8492c4c5281fdd10f", "C5DD5B60949267AD624618D8492C4C5281FDD10F"),
    ("c5 dd 5b 60 94 92 67 ad 62 46 18 d8 49 2c 4c 52 81 fd d1 0f",
     "C5DD5B60949267AD624618D8492C4C5281FDD10F"),
    ("C5DD 5B60", "C5DD 5B60"),      # only the "aa bb" form loses its spaces
    (" C5DD", " C5DD"),
])
def test_thumbprint_normalisation(typed, canonical):
    assert normalize_thumbprint(typed) == canonical
