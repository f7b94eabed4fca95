"""The ExchangeCertificate view: property set and order, values, ToString()."""
from __future__ import annotations

import datetime

import pytest

from exshell.exchange import ExchangeCertificate, ExchangeCertificateV2

from exchange_fixtures import make_org

SETUP = "DC6D478B6DB9449D50FE8C2BB5D36ED11C7C7F32"

FULL_ORDER = (
    "AccessRules", "CertificateDomains", "CertificateRequest", "IisServices", "IsSelfSigned",
    "KeyIdentifier", "RootCAType", "Services", "Status", "SubjectKeyIdentifier",
    "PrivateKeyExportable", "PublicKeySize", "Identity", "ServicesStringForm",
    "DnsNameList", "EnhancedKeyUsageList", "SendAsTrustedIssuer",
    "Archived", "Extensions", "FriendlyName", "IssuerName", "NotAfter", "NotBefore",
    "HasPrivateKey", "PrivateKey", "PublicKey", "RawData", "SerialNumber", "SubjectName",
    "SignatureAlgorithm", "Thumbprint", "Version", "Handle", "Issuer", "Subject")


def test_property_order_and_ps2_variant():
    assert ExchangeCertificate.PS_PROPERTIES == FULL_ORDER
    assert ExchangeCertificateV2.PS_PROPERTIES == tuple(
        p for p in FULL_ORDER if p not in ("DnsNameList", "EnhancedKeyUsageList", "SendAsTrustedIssuer"))
    assert ExchangeCertificate.PS_TYPE_NAMES[:2] == (
        "Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate",
        "System.Security.Cryptography.X509Certificates.X509Certificate2")


@pytest.mark.parametrize("version, cls", [("2007", ExchangeCertificateV2), ("2010", ExchangeCertificateV2),
                                          ("2013", ExchangeCertificate), ("2019", ExchangeCertificate)])
def test_view_class_follows_powershell_version(version, cls):
    server = make_org(version).local_server
    assert all(type(c) is cls for c in server.certificates())


def test_every_declared_property_is_readable():
    for version in ("2010", "2019"):
        for cert in make_org(version).local_server.certificates():
            for name in type(cert).PS_PROPERTIES:
                getattr(cert, name)


def test_values_of_the_setup_certificate(server):
    c = server.get_certificate(SETUP)
    assert c.Subject == c.Issuer == "CN=EX01"
    assert c.CertificateDomains == ["EX01", "EX01.contoso.com"]
    assert c.IsSelfSigned is True and c.HasPrivateKey is True
    assert c.PublicKeySize == 2048 and c.Version == 3
    assert c.SerialNumber == "1000"
    assert c.SignatureAlgorithm.Value == "1.2.840.113549.1.1.5"
    assert c.SignatureAlgorithm.FriendlyName == "sha1RSA"
    assert c.NotAfter == datetime.datetime(2026, 12, 21, 9, 0, 0)
    assert c.NotAfter.tzinfo is None
    assert c.Identity == "EX01.contoso.com\\" + SETUP
    assert c.CertificateRequest is None and c.SubjectKeyIdentifier == ""
    assert len(c.KeyIdentifier) == 40
    assert [str(e) for e in c.Extensions] == ["System.Security.Cryptography.Oid"] * 4
    assert [e.Oid.FriendlyName for e in c.Extensions] == [
        "Key Usage", "Subject Alternative Name", "Enhanced Key Usage", "Basic Constraints"]
    assert str(c.IssuerName) == "System.Security.Cryptography.X509Certificates.X500DistinguishedName"
    assert c.SubjectName.Name == "CN=EX01"
    assert str(c.PrivateKey) == "System.Security.Cryptography.RSACryptoServiceProvider"
    assert str(c.PublicKey) == "System.Security.Cryptography.X509Certificates.PublicKey"
    assert [str(r) for r in c.AccessRules] == ["System.Security.AccessControl.CryptoKeyAccessRule"] * 3
    assert [str(n) for n in c.DnsNameList] == ["EX01", "EX01.contoso.com"]
    assert [str(u) for u in c.EnhancedKeyUsageList] == ["Server Authentication (1.3.6.1.5.5.7.3.1)"]
    assert c.Thumbprint == SETUP and c.RawData[:1] == b"\x30"


def test_to_string(server):
    assert str(server.get_certificate(SETUP)) == (
        "[Subject]\n  CN=EX01\n\n"
        "[Issuer]\n  CN=EX01\n\n"
        "[Serial Number]\n  1000\n\n"
        "[Not Before]\n  12/21/2021 9:00:00 AM\n\n"
        "[Not After]\n  12/21/2026 9:00:00 AM\n\n"
        "[Thumbprint]\n  DC6D478B6DB9449D50FE8C2BB5D36ED11C7C7F32\n")


def test_serial_number_keeps_the_sign_byte():
    from exshell.exchange.certificate import _serial_hex
    assert _serial_hex(0x5C7566D43451D0A14FBC9B3B6F4E7246) == "5C7566D43451D0A14FBC9B3B6F4E7246"
    assert _serial_hex(0x80) == "0080"
    assert _serial_hex(0x0F) == "0F"


def test_views_are_snapshots(server):
    before = server.get_certificate(SETUP)
    server.iis_bindings.clear()
    assert before.ServicesStringForm == "IP.WS."
    assert server.get_certificate(SETUP).ServicesStringForm == "IP..S."
