"""Encodings at the edge of the model: PKCS#10 requests, PFX (PKCS#12), PEM/DER
certificates and PKCS#7 chains, and the base64 text forms the cmdlets print.

* :func:`build_request` makes the PKCS#10 request New-ExchangeCertificate
  -GenerateRequest outputs (subject, SAN extension request; signed with the
  profile's hash -- SHA-1 through :func:`issuance.resign`).
* :func:`request_text` is the text form: ``-----BEGIN NEW CERTIFICATE REQUEST-----``,
  base64 in 64-character lines, ``-----END NEW CERTIFICATE REQUEST-----``.
* :func:`decode_import_data` / :func:`load_import` read what Import-ExchangeCertificate
  is given (reference §2.5): raw bytes or text, PEM markers stripped, then a PFX,
  a certificate or a PKCS#7 chain.
* :func:`export_pfx` writes a password-protected PFX as Windows' CryptoAPI does
  (key 3DES, certificates RC2-40, SHA-1 MAC: :mod:`.winpfx`).

One of the three modules allowed to import ``cryptography.hazmat`` (lazily).
Raises ``ValueError`` subclasses; the server turns them into ExchangeErrors.
"""
from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Union

from .issuance import der_bytes, resign

__all__ = ["build_request", "request_text", "load_request", "pkcs7_bytes", "REQUEST_BEGIN", "REQUEST_END", "REQUEST_NEWLINE",
           "decode_import_data", "load_import", "ImportedMaterial", "ImportDataError",
           "ImportBase64Error", "export_pfx", "public_key_der", "export_pfx_windows", "content_type",
           "serialize_certificate", "serialized_certificate", "PFX_ENCRYPTIONS"]

REQUEST_BEGIN = "-----BEGIN NEW CERTIFICATE REQUEST-----"
REQUEST_END = "-----END NEW CERTIFICATE REQUEST-----"
#: Line break inside the request text.  Windows' enrolment API uses CRLF; we use LF
#: so the text survives our console and transcripts unchanged (a deliberate choice).
REQUEST_NEWLINE = "\n"
REQUEST_LINE = 64

_MARKERS = re.compile(r"-----(BEGIN|END) (CERTIFICATE|PKCS7|NEW CERTIFICATE REQUEST|CERTIFICATE REQUEST)-----",
                      re.I)


class ImportDataError(ValueError):
    """The data is no certificate, PFX or chain we can read (or the password is wrong)."""


class ImportBase64Error(ImportDataError):
    """Text that is not valid base64."""


def public_key_der(obj) -> bytes:
    """SubjectPublicKeyInfo DER of a certificate, request or key (for matching)."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
    key = obj.public_key() if hasattr(obj, "public_key") else obj
    return key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)


# ------------------------------------------------------------------ requests

def build_request(*, key, subject, domains: Sequence[str], hash_name: str):
    """A PKCS#10 request (``x509.CertificateSigningRequest``) for ``key``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    builder = x509.CertificateSigningRequestBuilder().subject_name(subject)
    if domains:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(d) for d in domains]), critical=False)
    builder = builder.add_extension(
        x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=True,
                      data_encipherment=False, key_agreement=False, key_cert_sign=False,
                      crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
    draft = builder.sign(key, hashes.SHA256())
    if hash_name == "sha256":
        return draft
    der = resign(der_bytes(draft), key, hash_name, inner_algorithm=False)
    return x509.load_der_x509_csr(der)


def request_text(der: bytes) -> str:
    """The base64 text form New-ExchangeCertificate -GenerateRequest writes."""
    body = base64.b64encode(der).decode("ascii")
    lines = [body[i:i + REQUEST_LINE] for i in range(0, len(body), REQUEST_LINE)]
    return REQUEST_NEWLINE.join([REQUEST_BEGIN] + lines + [REQUEST_END]) + REQUEST_NEWLINE


def load_request(data):
    """A PKCS#10 request from text (with or without markers), DER bytes, or a request."""
    from cryptography import x509
    if hasattr(data, "public_key") and hasattr(data, "subject") and not hasattr(data, "issuer"):
        return data
    der = decode_import_data(data)
    try:
        return x509.load_der_x509_csr(der)
    except ValueError:
        raise ImportDataError("not a certificate request") from None


# ------------------------------------------------------------------ import

@dataclass
class ImportedMaterial:
    kind: str                                # "pfx" | "certificate" | "pkcs7"
    certificates: List[object] = field(default_factory=list)   # x509.Certificate, leaf first
    key: object = None                       # private key from a PFX
    friendly_name: Optional[str] = None      # from the PFX bag

    @property
    def leaf(self):
        return self.certificates[0] if self.certificates else None


def decode_import_data(data: Union[bytes, str, Sequence[int]]) -> bytes:
    """Binary data as the servicelet sees it: text is base64 (PEM markers stripped,
    case-insensitive); binary stays as it is."""
    if isinstance(data, str):
        raw = data.encode("latin-1", "replace")
    elif isinstance(data, (bytes, bytearray)):
        raw = bytes(data)
    else:
        raw = bytes(int(b) & 0xFF for b in data)
    if not raw:
        raise ImportDataError("empty")
    if raw[:1] == b"\x30":
        return raw                           # DER: a SEQUENCE
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        raise ImportDataError("not text") from None
    text = _MARKERS.sub("", text)
    text = re.sub(r"\s+", "", text)
    if not text:
        raise ImportDataError("empty")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ImportBase64Error("bad base64") from None


def _order_leaf_first(certs: list) -> list:
    from cryptography import x509

    def is_ca(c) -> bool:
        try:
            return c.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
        except x509.ExtensionNotFound:
            return c.subject == c.issuer and len(certs) > 1
    leaves = [c for c in certs if not is_ca(c)]
    others = [c for c in certs if c not in leaves]
    return leaves + others


def load_import(data, password: Optional[str] = None) -> ImportedMaterial:
    """Read certificate data: PFX (with ``password``), X.509 (DER/PEM) or PKCS#7."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12

    der = decode_import_data(data)
    try:
        return ImportedMaterial("certificate", [x509.load_der_x509_certificate(der)])
    except ValueError:
        pass
    try:
        certs = pkcs7.load_der_pkcs7_certificates(der)
        if certs:
            return ImportedMaterial("pkcs7", _order_leaf_first(list(certs)))
    except (ValueError, Exception):  # noqa: BLE001 - "not PKCS#7" comes in several types
        pass
    pw = password.encode("utf-8") if password else None
    try:
        bundle = pkcs12.load_pkcs12(der, pw)
    except (ValueError, TypeError):
        if pw is None:
            try:
                bundle = pkcs12.load_pkcs12(der, b"")
            except (ValueError, TypeError):
                raise ImportDataError("not a certificate, chain or PFX, or wrong password") from None
        else:
            raise ImportDataError("not a certificate, chain or PFX, or wrong password") from None
    certs = []
    friendly = None
    if bundle.cert is not None:
        certs.append(bundle.cert.certificate)
        if bundle.cert.friendly_name:
            friendly = bundle.cert.friendly_name.decode("utf-8", "replace")
    certs.extend(c.certificate for c in bundle.additional_certs)
    if not certs:
        raise ImportDataError("PFX without certificates")
    if bundle.cert is None:
        certs = _order_leaf_first(certs)
        # A key in its own bag (a replica's stand-in, see export_pfx): the leaf's bag
        # carries the friendly name.
        for c in bundle.additional_certs:
            if c.certificate == certs[0] and c.friendly_name:
                friendly = c.friendly_name.decode("utf-8", "replace")
    return ImportedMaterial("pfx", certs, bundle.key, friendly)


# ------------------------------------------------------------------ export

def export_pfx(cert, key, password: str, friendly_name: Optional[str] = None,
               chain: Sequence[object] = ()) -> bytes:
    """A PFX protected with ``password``, as X509Certificate2.Export writes it on
    Windows (what Export-ExchangeCertificate returns): see :mod:`.winpfx`."""
    from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.ciphers import Cipher, modes
    from .winpfx import CNG_PROVIDER, RSA_PROVIDER, windows_pfx

    def triple_des(secret: bytes, iv: bytes, data: bytes) -> bytes:
        encryptor = Cipher(TripleDES(secret), modes.CBC(iv)).encryptor()
        return encryptor.update(data) + encryptor.finalize()

    pkcs8 = None
    if key is not None:
        pkcs8 = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption())
    # A replica's stand-in key (exshell replica import) does not match the real
    # certificate: nothing ties the two together in the file, and exshell's import
    # pairs them again (leaf first); the caller warns.
    paired = key is None or public_key_der(key) == public_key_der(cert)
    return windows_pfx(der_bytes(cert), pkcs8, password, friendly_name, [der_bytes(c) for c in chain],
                       triple_des=triple_des, paired=paired,
                       provider=RSA_PROVIDER if isinstance(key, rsa.RSAPrivateKey) else CNG_PROVIDER)


def pkcs7_bytes(certs: Sequence[object]) -> bytes:
    """A DER PKCS#7 (certs-only) bundle, as a CA returns a response with its chain."""
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs7
    return pkcs7.serialize_certificates(list(certs), Encoding.DER)


# ------------------------------------------------------------------ Windows' PFX and blobs

#: Export-PfxCertificate -CryptoAlgorithmOption / X509Certificate2.Export('Pfx'): how
#: Windows protects the key and certificates (TripleDES_SHA1 is its default).
PFX_ENCRYPTIONS = ("TripleDES_SHA1", "AES256_SHA256")


def export_pfx_windows(cert, key, password: Optional[str], friendly_name: Optional[str] = None,
                       chain: Sequence[object] = (), encryption: str = "TripleDES_SHA1") -> bytes:
    """A PFX as Windows writes one: PBE-SHA1-3DES with a SHA-1 MAC (2000 rounds), or
    AES-256 with PBKDF2/SHA-256 (``AES256_SHA256``).  ``key`` may be None (the
    certificate alone); an empty password still protects the file (with "")."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat, pkcs12
    name = friendly_name.encode("utf-8") if friendly_name else None
    secret = (password or "").encode("utf-8")
    if not secret:
        protection = NoEncryption()
    elif encryption == "AES256_SHA256":
        protection = (PrivateFormat.PKCS12.encryption_builder().kdf_rounds(2000)
                      .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
                      .hmac_hash(hashes.SHA256()).build(secret))
    else:
        protection = (PrivateFormat.PKCS12.encryption_builder().kdf_rounds(2000)
                      .key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC)
                      .hmac_hash(hashes.SHA1()).build(secret))
    extra = list(chain) or None
    try:
        return pkcs12.serialize_key_and_certificates(name, key, cert, extra, protection)
    except ValueError:
        # A stand-in key that does not match (see export_pfx): key and certificate in
        # bags of their own.
        leaf = pkcs12.PKCS12Certificate(cert, name)
        return pkcs12.serialize_key_and_certificates(None, key, None, [leaf] + list(chain or ()),
                                                     protection)


def content_type(data: bytes) -> str:
    """X509Certificate2.GetCertContentType: ``Cert``, ``Pkcs7``, ``Pfx``,
    ``SerializedCert`` or ``Unknown`` (PEM text is read as its base64 content)."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import pkcs7
    if serialized_certificate(data) is not None:
        return "SerializedCert"
    try:
        der = decode_import_data(data)
    except ImportDataError:
        return "Unknown"
    try:
        x509.load_der_x509_certificate(der)
        return "Cert"
    except ValueError:
        pass
    try:
        if pkcs7.load_der_pkcs7_certificates(der):
            return "Pkcs7"
    except Exception:  # noqa: BLE001 - "not PKCS#7" comes in several types
        pass
    # PFX: SEQUENCE { INTEGER 3, ContentInfo ... }
    if der[:1] == b"\x30" and b"\x02\x01\x03" in der[:8]:
        return "Pfx"
    return "Unknown"


#: CERT_*_PROP_ID of a serialized certificate element.
_PROP_SHA1 = 3
_PROP_FRIENDLY_NAME = 11
_PROP_CERT = 32


def serialize_certificate(der: bytes, friendly_name: str = "") -> bytes:
    """X509Certificate2.Export('SerializedCert'): the certificate store element
    Windows writes (properties, each ``id, encoding, length, value``; the
    certificate itself last)."""
    import hashlib
    import struct

    def prop(pid: int, value: bytes) -> bytes:
        return struct.pack("<III", pid, 1, len(value)) + value
    out = prop(_PROP_SHA1, hashlib.sha1(der).digest())
    if friendly_name:
        out += prop(_PROP_FRIENDLY_NAME, (friendly_name + "\0").encode("utf-16-le"))
    return out + prop(_PROP_CERT, der)


def serialized_certificate(data: bytes) -> Optional[tuple]:
    """(DER, friendly name) of a serialized certificate element, else None."""
    import struct
    pos, der, friendly = 0, None, ""
    data = bytes(data)
    while pos + 12 <= len(data):
        pid, enc, length = struct.unpack_from("<III", data, pos)
        pos += 12
        if enc not in (0, 1) or length > len(data) - pos or pid > 0xFFFF:
            return None
        value = data[pos:pos + length]
        pos += length
        if pid == _PROP_FRIENDLY_NAME:
            friendly = value.decode("utf-16-le", "replace").rstrip("\0")
        elif pid == _PROP_CERT:
            der = value
            break
    if der is None or pos != len(data):
        return None
    return der, friendly
