"""Known-answer and profile tests of the certificates the model makes.

The setup certificate and a New-ExchangeCertificate clone are compared with
``openssl x509 -noout -text`` and with the profile of a real Exchange setup
certificate (Solo-E16A, from the CSS-Exchange test data), copied here by value so
that the tests do not need the shared reference files.
"""
from __future__ import annotations

import datetime
import re
import shutil
import subprocess

import pytest

from exshell.exchange import AllowedServices
from exshell.exchange.issuance import SIGNATURE_ALGORITHMS, split_der_sequence

from exchange_fixtures import NOW, make_org

# Observed once and pinned: FixedClock(NOW), fresh lab PoolKeySource, CountingSerials(0x1000).
SETUP_THUMBPRINTS = {
    "2007": "D678251ECFCE781785CF5D6144BCE7A365CC2635",
    "2010": "DC6D478B6DB9449D50FE8C2BB5D36ED11C7C7F32",
    "2013": "DC6D478B6DB9449D50FE8C2BB5D36ED11C7C7F32",   # same key, dates, serial and SHA-1
    "2019": "867775CF2AB034AF148E44431F3B49D0D3F72BA1",   # SHA-256 setup certificate
}
CLONE_2010 = "804EB1AAE09D6DF92C81E1D16AF591971E0B26C1"

# The real setup certificate of server Solo-E16A (Exchange 2016), as openssl prints
# it: extension name, critical, value.  Copied by value from
# shared/data/real-exchange-certs/Solo-E16A-823884A3.pem.
REAL_SETUP_EXTENSIONS = [
    ("X509v3 Key Usage", True, "Digital Signature, Key Encipherment"),
    ("X509v3 Subject Alternative Name", False, "DNS:Solo-E16A, DNS:Solo-E16A.Solo.local"),
    ("X509v3 Extended Key Usage", False, "TLS Web Server Authentication"),
    ("X509v3 Basic Constraints", True, "CA:FALSE"),
]
REAL_SETUP_SIGNATURE = "sha1WithRSAEncryption"
REAL_SETUP_VALIDITY = ("Nov 24 00:32:37 2018 GMT", "Nov 24 00:32:37 2023 GMT")   # 5 years
REAL_SETUP_SUBJECT_ASN1 = "PRINTABLESTRING"


def setup_entry(version="2010"):
    org = make_org(version)
    server = org.local_server
    entry = server.my.get(server.internal_transport_thumbprint)
    return org, server, entry


def test_setup_thumbprints_are_stable():
    for version, thumb in SETUP_THUMBPRINTS.items():
        _, server, entry = setup_entry(version)
        assert entry.thumbprint == thumb, version


def test_clone_thumbprint_is_stable(server):
    old = server.get_certificate(SETUP_THUMBPRINTS["2010"])
    pending = server.build_certificate(server.plan_new_certificate(instance=old))
    assert pending.thumbprint == CLONE_2010


def test_signature_is_rsa_pkcs1v15_and_verifies():
    from cryptography.hazmat.primitives.asymmetric import padding
    for version, hash_name in (("2010", "sha1"), ("2019", "sha256")):
        _, _, entry = setup_entry(version)
        cert = entry.cert
        assert cert.signature_hash_algorithm.name == hash_name
        entry.key.public_key().verify(cert.signature, cert.tbs_certificate_bytes,
                                      padding.PKCS1v15(), cert.signature_hash_algorithm)
        # the outer and inner AlgorithmIdentifiers agree (we patch the inner one)
        tbs, alg, _sig = split_der_sequence(entry.der)
        assert alg == SIGNATURE_ALGORITHMS[hash_name]
        assert split_der_sequence(tbs)[2] == alg


def test_setup_dates_expire_three_weeks_after_now():
    _, _, entry = setup_entry("2010")
    not_after = entry.cert.not_valid_after_utc.replace(tzinfo=None)
    not_before = entry.cert.not_valid_before_utc.replace(tzinfo=None)
    assert not_after == NOW + datetime.timedelta(days=23)
    assert not_before == not_after.replace(year=not_after.year - 5)
    _, _, e2007 = setup_entry("2007")
    assert e2007.cert.not_valid_before_utc.year == e2007.cert.not_valid_after_utc.year - 1


# ------------------------------------------------------------------ openssl

def _openssl_text(der: bytes) -> str:
    proc = subprocess.run(["openssl", "x509", "-inform", "DER", "-noout", "-text"],
                          input=der, capture_output=True, check=True)
    return proc.stdout.decode("utf-8")


def _parse_openssl(text: str) -> dict:
    lines = text.splitlines()
    out = {"extensions": []}
    for i, line in enumerate(lines):
        s = line.strip()
        if s.startswith("Signature Algorithm:") and "sig" not in out:
            out["sig"] = s.split(":", 1)[1].strip()
        elif s.startswith("Subject:"):
            out["subject"] = s.split(":", 1)[1].strip()
        elif s.startswith("Issuer:"):
            out["issuer"] = s.split(":", 1)[1].strip()
        elif s.startswith("Not Before:"):
            out["not_before"] = s.split(":", 1)[1].strip()
        elif s.startswith("Not After :"):
            out["not_after"] = s.split(":", 1)[1].strip()
        elif s.startswith("Public-Key:"):
            out["bits"] = int(re.search(r"\((\d+) bit\)", s).group(1))
        elif s.startswith("X509v3 ") and s.endswith(("critical", ":")) and "extensions" not in s:
            name, _, rest = s.partition(":")
            out["extensions"].append((name.strip(), rest.strip() == "critical",
                                      lines[i + 1].strip()))
    return out


needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl not installed")


@needs_openssl
def test_setup_certificate_matches_real_profile():
    _, _, entry = setup_entry("2010")
    info = _parse_openssl(_openssl_text(entry.der))
    assert info["sig"] == REAL_SETUP_SIGNATURE
    assert info["subject"] == "CN = EX01"
    assert info["issuer"] == "CN = EX01"
    assert info["bits"] == 2048
    ours = info["extensions"]
    assert [(n, c) for n, c, _ in ours] == [(n, c) for n, c, _ in REAL_SETUP_EXTENSIONS]
    assert ours[1][2] == "DNS:EX01, DNS:EX01.contoso.com"          # host name first, then FQDN
    for (name, _, value), (_, _, real_value) in zip(ours, REAL_SETUP_EXTENSIONS):
        if name != "X509v3 Subject Alternative Name":
            assert value == real_value
    # same five-year span, same time of day
    nb, na = info["not_before"], info["not_after"]
    assert nb[:-9] == na[:-9]                        # "Dec 21 09:00:00" (year and zone cut)
    assert int(na[-8:-4]) - int(nb[-8:-4]) == 5


@needs_openssl
def test_new_certificate_profile_2010():
    org = make_org("2010")
    server = org.local_server
    plan = server.plan_new_certificate(subject_name="CN=mail.contoso.com",
                                       domain_names=["mail.contoso.com", "autodiscover.contoso.com"])
    pending = server.build_certificate(plan)
    from exshell.exchange.issuance import der_bytes
    info = _parse_openssl(_openssl_text(der_bytes(pending.cert)))
    assert info["sig"] == "sha1WithRSAEncryption"
    assert info["subject"] == "CN = mail.contoso.com"
    assert [(n, c) for n, c, _ in info["extensions"]] == [(n, c) for n, c, _ in REAL_SETUP_EXTENSIONS]
    assert info["extensions"][1][2] == "DNS:mail.contoso.com, DNS:autodiscover.contoso.com"
    assert info["not_before"] == "Nov 28 09:00:00 2026 GMT"
    assert info["not_after"] == "Nov 28 09:00:00 2031 GMT"


@needs_openssl
def test_subject_is_printable_string():
    _, _, entry = setup_entry("2010")
    pem = entry.cert.public_bytes(__import__("cryptography.hazmat.primitives.serialization",
                                             fromlist=["Encoding"]).Encoding.PEM)
    proc = subprocess.run(["openssl", "asn1parse"], input=pem, capture_output=True, check=True)
    assert REAL_SETUP_SUBJECT_ASN1 + "   :EX01" in proc.stdout.decode()


def test_auth_certificate_has_no_san_and_is_exportable(org2013):
    server = org2013.local_server
    auth = server.get_certificate(org2013.auth_config.current_thumbprint)
    assert auth.Subject == "CN=Microsoft Exchange Server Auth Certificate"
    assert auth.CertificateDomains == []
    assert auth.PrivateKeyExportable is True
    assert auth.Services == AllowedServices.SMTP
    assert [e.Oid.Value for e in auth.Extensions] == ["2.5.29.15", "2.5.29.37", "2.5.29.19"]


def test_wmsvc_certificate_layout(org2019):
    server = org2019.local_server
    wm = [c for c in server.certificates() if c.Subject.startswith("CN=WMSvc")][0]
    assert wm.Subject == "CN=WMSvc-SHA2-EX01"
    assert [(e.Oid.Value, e.Critical) for e in wm.Extensions] == [("2.5.29.37", False),
                                                                  ("2.5.29.15", False)]
    assert (wm.NotAfter.year - wm.NotBefore.year) == 10
    assert wm.ServicesStringForm == "......."
    assert wm.FriendlyName == "WMSVC"
