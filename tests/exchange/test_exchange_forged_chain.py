"""A certificate's chain is checked by signature, not by the issuer's name (issue 14):
a fake CA that merely carries the enterprise CA's name gives nothing trusted."""
import datetime as _dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from exshell.exchange.issuance import issue_ca_root, issue_from_request, issued_by
from exshell.testing import DEFAULT_CLOCK, make_shell


@pytest.fixture(scope="module")
def fake_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def fake_ca(org, key):
    """A root with the enterprise CA's exact name and a key of its own."""
    real = org.certificate_authority.cert
    cert = issue_ca_root(key=key, subject=real.subject, serial=4242,
                         not_before=DEFAULT_CLOCK - _dt.timedelta(days=10),
                         not_after=DEFAULT_CLOCK + _dt.timedelta(days=3650))
    assert cert.subject == real.subject and cert != real
    return cert


def sign(request_pem, ca_cert, ca_key):
    request = x509.load_pem_x509_csr(request_pem.encode("ascii"))
    return issue_from_request(request=request, ca_cert=ca_cert, ca_key=ca_key, serial=77,
                              not_before=DEFAULT_CLOCK - _dt.timedelta(days=1),
                              not_after=DEFAULT_CLOCK + _dt.timedelta(days=365))


def request_text(shell):
    values = []
    result = shell.run("New-ExchangeCertificate -GenerateRequest -SubjectName 'CN=mail.contoso.com' "
                       "-DomainName mail.contoso.com -PrivateKeyExportable $true", out=values.append)
    assert result.success
    return "\n".join(values) if len(values) > 1 else values[0]


def test_issued_by_checks_the_signature(fake_key):
    shell, _ = make_shell()
    org = shell.organization
    real = org.certificate_authority.cert
    fake = fake_ca(org, fake_key)
    assert issued_by(real, real) and issued_by(fake, fake)
    assert not issued_by(fake, real) and not issued_by(real, fake)
    setup = next(iter(org.local_server.my)).cert     # SHA-1, as Exchange 2010 setup makes it
    assert issued_by(setup, setup)


def test_a_request_answered_by_a_fake_ca_does_not_import(fake_key):
    shell, host = make_shell()
    org = shell.organization
    cert = sign(request_text(shell), fake_ca(org, fake_key), fake_key)
    shell.context.set_variable("raw", cert.public_bytes(serialization.Encoding.DER))
    host.clear()
    result = shell.run("Import-ExchangeCertificate -FileData $raw")
    assert not result.success
    assert "ImportCertificateUntrustedRoot" in host.text or "root" in host.text.lower()
    # The real CA's answer to the same kind of request imports and is Valid.
    good = org.certificate_authority.issue(request_text(shell))
    shell.context.set_variable("raw", good.public_bytes(serialization.Encoding.DER)
                               if hasattr(good, "public_bytes") else good)
    host.clear()
    result = shell.run("Import-ExchangeCertificate -FileData $raw | Format-List Status,RootCAType")
    assert result.success, host.text
    assert "Valid" in host.text and "Enterprise" in host.text


def test_a_pfx_from_a_fake_ca_is_untrusted_not_valid(fake_key):
    shell, host = make_shell()
    org = shell.organization
    ca = fake_ca(org, fake_key)
    leaf_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    csr = (x509.CertificateSigningRequestBuilder()
           .subject_name(x509.Name.from_rfc4514_string("CN=mail.contoso.com"))
           .add_extension(x509.SubjectAlternativeName([x509.DNSName("mail.contoso.com")]), False)
           .sign(leaf_key, __import__("cryptography.hazmat.primitives.hashes",
                                      fromlist=["SHA256"]).SHA256()))
    leaf = issue_from_request(request=csr, ca_cert=ca, ca_key=fake_key, serial=78,
                              not_before=DEFAULT_CLOCK - _dt.timedelta(days=1),
                              not_after=DEFAULT_CLOCK + _dt.timedelta(days=365))
    pfx = pkcs12.serialize_key_and_certificates(b"x", leaf_key, leaf, None,
                                                serialization.BestAvailableEncryption(b"pw"))
    shell.context.set_variable("raw", pfx)
    host.clear()
    shell.run("$pw = ConvertTo-SecureString 'pw' -AsPlainText -Force; "
                       "Import-ExchangeCertificate -FileData $raw -Password $pw | "
                       "Format-List Status,RootCAType")
    assert "Untrusted" in host.text, host.text
    assert "Valid" not in host.text.replace("Invalid", "")
    assert "Enterprise" not in host.text
