"""What the shell made, read back with openssl: the renewed certificate has Exchange's
self-signed profile (reference §4), and the thumbprint the shell shows is the SHA-1 of
its DER."""
import hashlib
import shutil
import subprocess

import pytest

from exshell.testing import make_shell

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl not installed")


def _renewed(tmp_path, version):
    shell, host = make_shell(version, answers=["y"])
    made = []
    shell.run("Get-ExchangeCertificate -DomainName EX01.contoso.com | New-ExchangeCertificate",
              out=made.append)
    assert shell.internal_errors == [] and len(made) == 1, host.text
    cert = made[0]
    path = tmp_path / "new.cer"
    path.write_bytes(cert.RawData)
    text = subprocess.run(["openssl", "x509", "-inform", "DER", "-in", str(path), "-noout", "-text"],
                          capture_output=True, text=True, check=True).stdout
    return cert, text


@pytest.mark.parametrize("version, algorithm, years", [
    ("2010", "sha1WithRSAEncryption", 5),
    ("2016", "sha256WithRSAEncryption", 5),
    ("2007", "sha1WithRSAEncryption", 1),
])
def test_renewed_certificate_profile(tmp_path, version, algorithm, years):
    cert, text = _renewed(tmp_path, version)
    assert cert.Thumbprint == hashlib.sha1(cert.RawData).hexdigest().upper()
    assert "Signature Algorithm: %s" % algorithm in text
    assert "Subject: CN = EX01" in text and "Issuer: CN = EX01" in text
    assert "Public-Key: (2048 bit)" in text
    assert "DNS:EX01, DNS:EX01.contoso.com" in text
    assert "X509v3 Key Usage: critical\n                Digital Signature, Key Encipherment" in text
    assert "X509v3 Extended Key Usage: \n                TLS Web Server Authentication" in text
    assert "X509v3 Basic Constraints: critical\n                CA:FALSE" in text
    assert cert.NotAfter.year - cert.NotBefore.year == years
