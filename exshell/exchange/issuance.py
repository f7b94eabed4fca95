"""Making X.509 certificates (and, later, PKCS#10 requests) the way Exchange does.

The profile of Exchange's self-signed certificates (setup's and
New-ExchangeCertificate's), checked against real ones: RSA key, subject = issuer,
extensions in this order -- keyUsage (critical: digitalSignature,
keyEncipherment), subjectAltName (DNS names, omitted when there are none),
extendedKeyUsage serverAuth, basicConstraints (critical, CA:FALSE) -- and no
subject/authority key identifiers.  WMSvc certificates (made by Windows) differ:
EKU first, keyUsage not critical with dataEncipherment, no basicConstraints.

SHA-1: cryptography's certificate builder refuses SHA-1 signatures, but Exchange
2007/2010 (and setup on 2013/2016) sign with SHA-1.  So we let the builder produce
the TBSCertificate (signed with a throw-away Ed25519 key, which is fast), put
the wanted signature AlgorithmIdentifier into it, sign those bytes with the RSA
key (PKCS#1 v1.5, deterministic) and assemble the DER ourselves.  The same path
is used for every hash, so all certificates are built alike.

One of the three modules allowed to import ``cryptography.hazmat`` (lazily).
Imports nothing else from exshell except :mod:`.names`.
"""
from __future__ import annotations

import datetime as _dt
from typing import List, Optional, Sequence, Tuple

__all__ = ["issued_by", "is_stand_in_root", "STAND_IN_ROOT_OID", "issue_self_signed", "resign", "SIGNATURE_ALGORITHMS", "EXCHANGE_LAYOUT",
           "WMSVC_LAYOUT", "der_length", "der_tlv", "split_der_sequence", "der_bytes",
           "public_key_pkcs1", "issue_from_request", "issue_ca_root", "signature_valid",
           "issue_certificate"]

#: hash name -> DER AlgorithmIdentifier of <hash>WithRSAEncryption (NULL parameters).
SIGNATURE_ALGORITHMS = {
    "sha1": bytes.fromhex("300d06092a864886f70d0101050500"),
    "sha256": bytes.fromhex("300d06092a864886f70d01010b0500"),
    "sha384": bytes.fromhex("300d06092a864886f70d01010c0500"),
    "sha512": bytes.fromhex("300d06092a864886f70d01010d0500"),
}

EXCHANGE_LAYOUT = "exchange"
WMSVC_LAYOUT = "wmsvc"

_SIGNER = None


def _throwaway_signer():
    global _SIGNER
    if _SIGNER is None:
        from cryptography.hazmat.primitives.asymmetric import ed25519
        _SIGNER = ed25519.Ed25519PrivateKey.generate()
    return _SIGNER


# ------------------------------------------------------------------ minimal DER

def der_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def der_tlv(tag: int, content: bytes) -> bytes:
    return bytes([tag]) + der_length(len(content)) + content


def _read_tlv(data: bytes, pos: int) -> Tuple[int, int, int]:
    """(tag, content_start, end) of the element at ``pos`` (single-byte tags only)."""
    tag = data[pos]
    first = data[pos + 1]
    if first < 0x80:
        return tag, pos + 2, pos + 2 + first
    count = first & 0x7F
    length = int.from_bytes(data[pos + 2:pos + 2 + count], "big")
    start = pos + 2 + count
    return tag, start, start + length


def split_der_sequence(data: bytes) -> List[bytes]:
    """The encoded elements of the SEQUENCE ``data``."""
    tag, start, end = _read_tlv(data, 0)
    if tag != 0x30:
        raise ValueError("not a DER SEQUENCE")
    items, pos = [], start
    while pos < end:
        _, _, item_end = _read_tlv(data, pos)
        items.append(data[pos:item_end])
        pos = item_end
    return items


def _hash(name: str):
    from cryptography.hazmat.primitives import hashes
    try:
        return {"sha1": hashes.SHA1, "sha256": hashes.SHA256, "sha384": hashes.SHA384,
                "sha512": hashes.SHA512}[name]()
    except KeyError:
        raise ValueError("unsupported signature hash %r" % name) from None


def resign(signed_der: bytes, key, hash_name: str, *, inner_algorithm: bool = True) -> bytes:
    """Re-sign a DER certificate (or, with ``inner_algorithm=False``, a PKCS#10
    request) with RSA ``key`` and ``hash_name``; returns the new DER."""
    from cryptography.hazmat.primitives.asymmetric import padding
    alg = SIGNATURE_ALGORITHMS[hash_name]
    tbs, _old_alg, _old_sig = split_der_sequence(signed_der)
    if inner_algorithm:
        fields = split_der_sequence(tbs)
        index = 2 if fields[0][0] == 0xA0 else 1   # [0] version present -> after serial
        fields[index] = alg
        tbs = der_tlv(0x30, b"".join(fields))
    signature = key.sign(tbs, padding.PKCS1v15(), _hash(hash_name))
    return der_tlv(0x30, tbs + alg + der_tlv(0x03, b"\x00" + signature))


# ------------------------------------------------------------------ certificates

def _extensions(layout: str, domains: Sequence[str], ski: Optional[bytes]):
    from cryptography import x509
    from cryptography.x509.oid import ExtendedKeyUsageOID

    def key_usage(data_encipherment: bool):
        return x509.KeyUsage(digital_signature=True, content_commitment=False,
                             key_encipherment=True, data_encipherment=data_encipherment,
                             key_agreement=False, key_cert_sign=False, crl_sign=False,
                             encipher_only=False, decipher_only=False)

    eku = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH])
    out = []
    if layout == WMSVC_LAYOUT:
        out.append((eku, False))
        out.append((key_usage(True), False))
        if domains:
            out.append((x509.SubjectAlternativeName([x509.DNSName(d) for d in domains]), False))
    else:
        out.append((key_usage(False), True))
        if domains:
            out.append((x509.SubjectAlternativeName([x509.DNSName(d) for d in domains]), False))
        out.append((eku, False))
        out.append((x509.BasicConstraints(ca=False, path_length=None), True))
    if ski is not None:
        out.append((x509.SubjectKeyIdentifier(ski), False))
    return out


def _utc(dt: _dt.datetime) -> _dt.datetime:
    # X.509 times have whole seconds; naive values are the emulated local time = UTC.
    dt = dt.replace(microsecond=0)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=_dt.timezone.utc)
    return dt


def issue_self_signed(*, key, subject, domains: Sequence[str], not_before: _dt.datetime,
                      not_after: _dt.datetime, serial: int, hash_name: str,
                      layout: str = EXCHANGE_LAYOUT, ski: Optional[bytes] = None):
    """A self-signed ``x509.Certificate`` for RSA ``key`` (issuer = ``subject``).

    The TBSCertificate is assembled directly in DER (:func:`_self_signed_tbs`: the
    same bytes cryptography's builder makes -- a test compares the two), so a
    certificate costs little more than its RSA signature: an organisation file with
    10,000 certificates builds in seconds."""
    from cryptography import x509
    from .names import CommonName
    domains = list(domains)
    if all(d.isascii() for d in domains):
        tbs = _self_signed_tbs(key, subject, domains, not_before, not_after, serial, hash_name,
                               layout, ski)
        der = _signed(tbs, key, hash_name)
        cert = x509.load_der_x509_certificate(der)
        _remember_der(cert, der)
        return cert
    if isinstance(subject, CommonName):
        subject = subject.name
    return _issue_self_signed_builder(key=key, subject=subject, domains=domains,
                                      not_before=not_before, not_after=not_after, serial=serial,
                                      hash_name=hash_name, layout=layout, ski=ski)


def _issue_self_signed_builder(*, key, subject, domains: Sequence[str], not_before: _dt.datetime,
                               not_after: _dt.datetime, serial: int, hash_name: str,
                               layout: str = EXCHANGE_LAYOUT, ski: Optional[bytes] = None):
    """The same certificate through cryptography's builder (the reference for
    :func:`_self_signed_tbs`, and the path for names that are not ASCII)."""
    from cryptography import x509

    builder = (x509.CertificateBuilder()
               .subject_name(subject).issuer_name(subject)
               .public_key(key.public_key())
               .serial_number(int(serial))
               .not_valid_before(_utc(not_before))
               .not_valid_after(_utc(not_after)))
    for ext, critical in _extensions(layout, list(domains), ski):
        builder = builder.add_extension(ext, critical=critical)
    draft = builder.sign(_throwaway_signer(), None)
    der = resign(draft.public_bytes(_der_encoding()), key, hash_name)
    return x509.load_der_x509_certificate(der)


# ------------------------------------------------------------------ direct DER

#: Extension values that never change, DER-encoded once: (OID, critical, value).
_FIXED_EXTENSIONS: dict = {}
#: SubjectPublicKeyInfo per key object (a key signs many certificates of a big lab).
_SPKI: dict = {}


def _fixed(name: str) -> bytes:
    hit = _FIXED_EXTENSIONS.get(name)
    if hit is None:
        from cryptography import x509
        from cryptography.x509.oid import ExtendedKeyUsageOID

        def ku(data_encipherment: bool):
            return x509.KeyUsage(digital_signature=True, content_commitment=False,
                                 key_encipherment=True, data_encipherment=data_encipherment,
                                 key_agreement=False, key_cert_sign=False, crl_sign=False,
                                 encipher_only=False, decipher_only=False)
        values = {"ku": (ku(False), True), "ku_wmsvc": (ku(True), False),
                  "eku": (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False),
                  "bc": (x509.BasicConstraints(ca=False, path_length=None), True)}
        for k, (ext, critical) in values.items():
            _FIXED_EXTENSIONS[k] = _extension(ext.oid.dotted_string, critical, ext.public_bytes())
        hit = _FIXED_EXTENSIONS[name]
    return hit


def _oid(dotted: str) -> bytes:
    parts = [int(p) for p in dotted.split(".")]
    body = bytearray([parts[0] * 40 + parts[1]])
    for n in parts[2:]:
        chunk = [n & 0x7F]
        n >>= 7
        while n:
            chunk.append(0x80 | (n & 0x7F))
            n >>= 7
        body.extend(reversed(chunk))
    return der_tlv(0x06, bytes(body))


def _extension(oid: str, critical: bool, value: bytes) -> bytes:
    return der_tlv(0x30, _oid(oid) + (b"\x01\x01\xff" if critical else b"") + der_tlv(0x04, value))


_SAN_OID = b"\x06\x03\x55\x1d\x11"


def _san(domains: Sequence[str]) -> bytes:
    names = b"".join(_tlv(0x82, d.encode("ascii")) for d in domains)
    return _tlv(0x30, _SAN_OID + _tlv(0x04, _tlv(0x30, names)))


def _tlv(tag: int, content: bytes) -> bytes:
    n = len(content)
    if n < 0x80:
        return bytes((tag, n)) + content
    return bytes((tag,)) + der_length(n) + content


def _integer(n: int) -> bytes:
    body = n.to_bytes(n.bit_length() // 8 + 1, "big")    # a leading 0 keeps it positive
    while len(body) > 1 and body[0] == 0 and body[1] < 0x80:
        body = body[1:]
    return der_tlv(0x02, body)


def _time(dt: _dt.datetime) -> bytes:
    if dt.tzinfo is not None:
        dt = dt.astimezone(_dt.timezone.utc)
    fields = (dt.month, dt.day, dt.hour, dt.minute, dt.second)
    if 1950 <= dt.year < 2050:     # UTCTime, as RFC 5280 (and the builder) use it
        return b"\x17\x0d" + ("%02d%02d%02d%02d%02d%02dZ" % ((dt.year % 100,) + fields)).encode("ascii")
    return b"\x18\x0f" + ("%04d%02d%02d%02d%02d%02dZ" % ((dt.year,) + fields)).encode("ascii")


def _spki(key) -> bytes:
    hit = _SPKI.get(id(key))
    if hit is None or hit[0] is not key:
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
        hit = (key, key.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo))
        if len(_SPKI) > 4096:
            _SPKI.clear()
        _SPKI[id(key)] = hit
    return hit[1]


def _self_signed_tbs(key, subject, domains: Sequence[str], not_before: _dt.datetime,
                     not_after: _dt.datetime, serial: int, hash_name: str, layout: str,
                     ski: Optional[bytes]) -> bytes:
    """The TBSCertificate DER of :func:`_issue_self_signed_builder`'s certificate."""
    if not 0 < int(serial) < (1 << 159):
        raise ValueError("The serial number should be positive and at most 159 bits.")
    name = subject.public_bytes()
    exts = []
    if layout == WMSVC_LAYOUT:
        exts.append(_fixed("eku"))
        exts.append(_fixed("ku_wmsvc"))
        if domains:
            exts.append(_san(domains))
    else:
        exts.append(_fixed("ku"))
        if domains:
            exts.append(_san(domains))
        exts.append(_fixed("eku"))
        exts.append(_fixed("bc"))
    if ski is not None:
        exts.append(_extension("2.5.29.14", False, der_tlv(0x04, bytes(ski))))
    body = (b"\xa0\x03\x02\x01\x02" + _integer(int(serial)) + SIGNATURE_ALGORITHMS[hash_name]
            + name + _tlv(0x30, _time(not_before) + _time(not_after)) + name + _spki(key)
            + _tlv(0xA3, _tlv(0x30, b"".join(exts))))
    return _tlv(0x30, body)


_PKCS1 = None


def _signed(tbs: bytes, key, hash_name: str) -> bytes:
    """TBSCertificate + AlgorithmIdentifier + RSA PKCS#1 v1.5 signature."""
    global _PKCS1
    if _PKCS1 is None:
        from cryptography.hazmat.primitives.asymmetric import padding
        _PKCS1 = padding.PKCS1v15()
    alg = SIGNATURE_ALGORITHMS[hash_name]
    signature = key.sign(tbs, _PKCS1, _hash(hash_name))
    return _tlv(0x30, tbs + alg + _tlv(0x03, b"\x00" + signature))


#: The DER of the certificates issued last (id -> (certificate, DER)): the caller
#: usually wants the bytes it has just been given the object of.
_RECENT_DER: dict = {}


def _remember_der(cert, der: bytes) -> None:
    if len(_RECENT_DER) >= 64:
        _RECENT_DER.clear()
    _RECENT_DER[id(cert)] = (cert, der)


def der_bytes(cert) -> bytes:
    """DER encoding of an ``x509.Certificate`` (or CSR)."""
    hit = _RECENT_DER.get(id(cert))
    if hit is not None and hit[0] is cert:
        return hit[1]
    return cert.public_bytes(_der_encoding())


def public_key_pkcs1(cert) -> bytes:
    """The certificate's RSA public key as a DER RSAPublicKey."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
    return cert.public_key().public_bytes(Encoding.DER, PublicFormat.PKCS1)


def _der_encoding():
    from cryptography.hazmat.primitives.serialization import Encoding
    return Encoding.DER


# ------------------------------------------------------------------ CA-issued certificates

def issue_from_request(*, request, ca_cert, ca_key, serial: int, not_before: _dt.datetime,
                       not_after: _dt.datetime, hash_name: str = "sha256"):
    """A certificate for PKCS#10 ``request`` signed by ``ca_cert``/``ca_key``, with the
    extensions a Windows "Web Server" template gives: the request's SAN, keyUsage
    (critical digitalSignature + keyEncipherment), EKU serverAuth, and key
    identifiers."""
    from cryptography import x509
    from cryptography.x509.oid import ExtendedKeyUsageOID

    pub = request.public_key()
    builder = (x509.CertificateBuilder()
               .subject_name(request.subject).issuer_name(ca_cert.subject)
               .public_key(pub).serial_number(int(serial))
               .not_valid_before(_utc(not_before)).not_valid_after(_utc(not_after)))
    try:
        san = request.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        builder = builder.add_extension(san, critical=False)
    except x509.ExtensionNotFound:
        pass
    builder = builder.add_extension(
        x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=True,
                      data_encipherment=False, key_agreement=False, key_cert_sign=False,
                      crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
    builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False)
    builder = builder.add_extension(x509.SubjectKeyIdentifier.from_public_key(pub), False)
    builder = builder.add_extension(
        x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key()), False)
    draft = builder.sign(_throwaway_signer(), None)
    return x509.load_der_x509_certificate(resign(der_bytes(draft), ca_key, hash_name))


#: Marks a stand-in root (a private extension under the UUID arc 2.25, which needs no
#: registration): a replica's substitute for a CA whose certificate the dump lacks.
#: It vouches for certificates by its name, since the real CA's signature cannot be
#: checked without the real CA (see Server.chain_root).
STAND_IN_ROOT_OID = "2.25.208513931417553095426734375330823414562"


def is_stand_in_root(cert) -> bool:
    """Whether ``cert`` is a stand-in root (see STAND_IN_ROOT_OID)."""
    from cryptography import x509
    try:
        cert.extensions.get_extension_for_oid(x509.ObjectIdentifier(STAND_IN_ROOT_OID))
        return True
    except (x509.ExtensionNotFound, ValueError):
        return False


def issue_ca_root(*, key, subject, serial: int, not_before: _dt.datetime,
                  not_after: _dt.datetime, hash_name: str = "sha256", stand_in: bool = False):
    """A self-signed root CA certificate (basicConstraints CA, keyCertSign/cRLSign);
    ``stand_in`` marks it as a replica's stand-in for a CA it does not have."""
    from cryptography import x509
    builder = (x509.CertificateBuilder()
               .subject_name(subject).issuer_name(subject)
               .public_key(key.public_key()).serial_number(int(serial))
               .not_valid_before(_utc(not_before)).not_valid_after(_utc(not_after))
               .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                            key_encipherment=False, data_encipherment=False,
                                            key_agreement=False, key_cert_sign=True, crl_sign=True,
                                            encipher_only=False, decipher_only=False), critical=False)
               .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False))
    if stand_in:
        builder = builder.add_extension(x509.UnrecognizedExtension(
            x509.ObjectIdentifier(STAND_IN_ROOT_OID), b"\x05\x00"), critical=False)
    draft = builder.sign(_throwaway_signer(), None)
    return x509.load_der_x509_certificate(resign(der_bytes(draft), key, hash_name))


def signature_valid(cert, issuer) -> bool:
    """Whether ``issuer``'s public key verifies ``cert``'s signature (SHA-1 too, which
    Windows still accepts for these certificates; names are not compared here)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
    key = issuer.public_key()
    algorithm = cert.signature_hash_algorithm
    try:
        if isinstance(key, rsa.RSAPublicKey):
            params = cert.signature_algorithm_parameters
            pad = params if isinstance(params, padding.PSS) else padding.PKCS1v15()
            key.verify(cert.signature, cert.tbs_certificate_bytes, pad, algorithm)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(cert.signature, cert.tbs_certificate_bytes, ec.ECDSA(algorithm))
        else:
            return False
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False


def issue_certificate(*, subject, public_key, issuer, signer_key, serial: int,
                      not_before: _dt.datetime, not_after: _dt.datetime, extensions=(),
                      hash_name: str = "sha256", pss: bool = False):
    """A certificate with exactly ``extensions`` (``[(extension value, critical)]``,
    in order), signed by ``signer_key`` (RSA or EC) with ``hash_name``: what
    New-SelfSignedCertificate builds (self-signed when ``signer_key`` is the key of
    ``public_key``, else issued by ``issuer``)."""
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
               .public_key(public_key).serial_number(int(serial))
               .not_valid_before(_utc(not_before)).not_valid_after(_utc(not_after)))
    for value, critical in extensions:
        builder = builder.add_extension(value, critical=critical)
    if isinstance(signer_key, ec.EllipticCurvePrivateKey):
        return builder.sign(signer_key, _hash("sha256" if hash_name == "sha1" else hash_name))
    if pss and isinstance(signer_key, rsa.RSAPrivateKey):
        return builder.sign(signer_key, _hash(hash_name),
                            rsa_padding=padding.PSS(padding.MGF1(_hash(hash_name)),
                                                    padding.PSS.DIGEST_LENGTH))
    if hash_name == "sha1":
        from cryptography import x509 as _x509
        draft = builder.sign(signer_key, _hash("sha256"))
        der = resign(draft.public_bytes(_der_encoding()), signer_key, "sha1")
        cert = _x509.load_der_x509_certificate(der)
        _remember_der(cert, der)
        return cert
    return builder.sign(signer_key, _hash(hash_name))


# ---------------------------------------------------------------------- chains

#: (child, issuer) -> whether the signature verified (certificates hash by their DER).
_ISSUED: dict = {}


def issued_by(child, issuer) -> bool:
    """Whether ``issuer`` signed ``child``: the names match AND the signature verifies
    with the issuer's key (a certificate that merely carries a CA's name is not that
    CA's).  Remembered, so a listing does not verify the same pair twice."""
    if child.issuer != issuer.subject:
        return False
    key = (child, issuer)
    known = _ISSUED.get(key)
    if known is None:
        known = signature_valid(child, issuer)
        if len(_ISSUED) > 4096:
            _ISSUED.clear()
        _ISSUED[key] = known
    return known
