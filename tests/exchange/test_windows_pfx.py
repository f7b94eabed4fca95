"""The PFX Export-ExchangeCertificate writes is the one Windows' CryptoAPI writes: the
key under pbeWithSHAAnd3-KeyTripleDES-CBC, the certificates under
pbeWithSHAAnd40BitRC2-CBC, a SHA-1 MAC, 2000 iterations (exchange/winpfx.py).
Known answers for RC2, round trips through cryptography and openssl."""
import datetime as dt
import shutil
import subprocess

import pytest
from cryptography import x509
from cryptography.hazmat.decrepit.ciphers.algorithms import RC2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, modes
from cryptography.hazmat.primitives.serialization import load_pem_private_key, pkcs12
from cryptography.x509.oid import NameOID
from hypothesis import given, settings, strategies as st

from exshell.exchange.codec import export_pfx, load_import, public_key_der
from exshell.exchange.keys import PoolKeySource, extra_lab_keys_source
from exshell.exchange.winpfx import _rc2_block, _rc2_schedule, rc2_encrypt_cbc

OPENSSL = shutil.which("openssl")
needs_openssl = pytest.mark.skipif(OPENSSL is None, reason="openssl not installed")

# RFC 2268 section 5: key, effective bits, plaintext, ciphertext.
RC2_VECTORS = [
    ("0000000000000000", 63, "0000000000000000", "ebb773f993278eff"),
    ("ffffffffffffffff", 64, "ffffffffffffffff", "278b27e42e2f0d49"),
    ("3000000000000000", 64, "1000000000000001", "30649edf9be7d2c2"),
    ("88", 64, "0000000000000000", "61a8a244adacccf0"),
    ("88bca90e90875a", 64, "0000000000000000", "6ccf4308974c267f"),
    ("88bca90e90875a7f0f79c384627bafb2", 64, "0000000000000000", "1a807d272bbe5db1"),
    ("88bca90e90875a7f0f79c384627bafb2", 128, "0000000000000000", "2269552ab0f85ca6"),
]


@pytest.mark.parametrize("key, bits, plain, cipher", RC2_VECTORS)
def test_rc2_known_answers(key, bits, plain, cipher):
    assert _rc2_block(_rc2_schedule(bytes.fromhex(key), bits), bytes.fromhex(plain)).hex() == cipher


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=16, max_size=16), st.binary(min_size=8, max_size=8),
       st.integers(min_value=1, max_value=8))
def test_rc2_cbc_agrees_with_openssls_for_128_bit_keys(key, iv, blocks):
    data = bytes(range(256))[:8 * blocks]
    theirs = Cipher(RC2(key), modes.CBC(iv)).encryptor()
    assert rc2_encrypt_cbc(key, 128, iv, data) == theirs.update(data) + theirs.finalize()


def _certificate(cn, key, issuer=None, issuer_key=None):
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    when = dt.datetime(2026, 1, 1)
    return (x509.CertificateBuilder().subject_name(name)
            .issuer_name(issuer.subject if issuer is not None else name)
            .public_key(key.public_key()).serial_number(7).not_valid_before(when)
            .not_valid_after(when + dt.timedelta(days=365))
            .sign(issuer_key or key, hashes.SHA256()))


@pytest.fixture(scope="module")
def material():
    pool = PoolKeySource(fallback=extra_lab_keys_source())
    ca_key, key = pool.new_rsa_key(2048), pool.new_rsa_key(2048)
    ca = _certificate("Contoso Root CA", ca_key)
    leaf = _certificate("mail.contoso.com", key, ca, ca_key)
    return leaf, key, ca, pool.new_rsa_key(2048)


def test_cryptography_reads_it_back(material):
    leaf, key, ca, _ = material
    data = export_pfx(leaf, key, "P@ssw0rd!", "Contoso mail 2026", [ca])
    bundle = pkcs12.load_pkcs12(data, b"P@ssw0rd!")
    assert bundle.cert.certificate == leaf and bundle.cert.friendly_name == b"Contoso mail 2026"
    assert public_key_der(bundle.key) == public_key_der(key)
    assert [c.certificate for c in bundle.additional_certs] == [ca]
    with pytest.raises(ValueError):
        pkcs12.load_pkcs12(data, b"wrong")
    # exshell's own import (Import-ExchangeCertificate) too.
    imported = load_import(data, "P@ssw0rd!")
    assert imported.certificates == [leaf, ca] and imported.friendly_name == "Contoso mail 2026"


def test_a_key_that_is_not_the_certificates_is_not_tied_to_it(material):
    leaf, key, ca, other = material
    data = export_pfx(leaf, other, "pw", "Stand-in")
    bundle = pkcs12.load_pkcs12(data, b"pw")
    assert bundle.cert is None and [c.certificate for c in bundle.additional_certs] == [leaf]
    assert public_key_der(bundle.key) == public_key_der(other)


def _openssl(*args):
    version = subprocess.run([OPENSSL, "version"], capture_output=True, text=True).stdout
    legacy = ["-legacy"] if version.startswith("OpenSSL 3") else []
    return subprocess.run([OPENSSL, *args, *legacy], capture_output=True, text=True, timeout=60)


@needs_openssl
def test_openssl_shows_windows_layout_and_gives_the_key_back(material, tmp_path):
    leaf, key, ca, _ = material
    path = tmp_path / "mail.pfx"
    path.write_bytes(export_pfx(leaf, key, "P@ssw0rd!", "Contoso mail 2026", [ca]))
    p = _openssl("pkcs12", "-in", str(path), "-passin", "pass:P@ssw0rd!", "-info", "-nodes")
    assert p.returncode == 0, p.stderr
    text = p.stderr + p.stdout
    for line in ("MAC: sha1, Iteration 2000", "MAC length: 20, salt length: 20",
                 "Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2000",
                 "PKCS7 Encrypted data: pbeWithSHA1And40BitRC2-CBC, Iteration 2000",
                 "Microsoft CSP Name: Microsoft RSA SChannel Cryptographic Provider",
                 "localKeyID: 01 00 00 00", "friendlyName: Contoso mail 2026"):
        assert line in text, line
    # Key first (PKCS7 Data), then the certificates (PKCS7 Encrypted data), as Windows.
    assert text.index("Shrouded Keybag") < text.index("PKCS7 Encrypted data")
    assert text.count("BEGIN CERTIFICATE") == 2
    start = p.stdout.index("-----BEGIN PRIVATE KEY-----")
    end = p.stdout.index("-----END PRIVATE KEY-----") + len("-----END PRIVATE KEY-----")
    back = load_pem_private_key(p.stdout[start:end].encode("ascii"), None)
    assert back.private_numbers() == key.private_numbers()
    wrong = _openssl("pkcs12", "-in", str(path), "-passin", "pass:nope", "-info", "-nodes")
    assert wrong.returncode != 0 and "mac verify" in (wrong.stderr + wrong.stdout).lower()


@needs_openssl
def test_openssl_reads_a_pfx_with_an_empty_password(material, tmp_path):
    leaf, key, _, _ = material
    path = tmp_path / "empty.pfx"
    path.write_bytes(export_pfx(leaf, key, "", None))
    p = _openssl("pkcs12", "-in", str(path), "-passin", "pass:", "-nokeys")
    assert p.returncode == 0, p.stderr
    assert "BEGIN CERTIFICATE" in p.stdout
