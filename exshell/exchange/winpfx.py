"""PFX (PKCS#12) files as Windows' CryptoAPI writes them (``PFXExportCertStoreEx``,
which ``X509Certificate2.Export`` and so Export-ExchangeCertificate use on Windows
Server 2003-2019):

* the private key in a PKCS#8 shrouded key bag, ``pbeWithSHAAnd3-KeyTripleDES-CBC``,
  with the attributes Windows gives it (Microsoft Local Key set, ``localKeyID``
  ``01 00 00 00``, the key container's name as friendlyName, the CSP's name) and the
  key's usage as a PKCS#8 attribute;
* the certificates (the leaf with ``localKeyID`` and its FriendlyName, then the chain)
  in one encrypted-data content, ``pbeWithSHAAnd40BitRC2-CBC``;
* a SHA-1 HMAC over both, 2000 iterations everywhere.

``openssl pkcs12 -info -legacy`` reads such a file (OpenSSL 3 needs ``-legacy`` for
RC2-40, as for any PFX a Windows server exports); ``cryptography`` loads it.
``cryptography`` cannot write RC2-40, so the structure is written here: a few DER
helpers, the PKCS#12 key derivation (RFC 7292 appendix B) and RC2 (RFC 2268).

Imports only the standard library: the caller (:func:`.codec.export_pfx`) gives the
key as PKCS#8 DER and the 3DES cipher.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import struct
from typing import Callable, List, Optional, Sequence

__all__ = ["windows_pfx", "key_container_name", "rc2_encrypt_cbc", "pkcs12_kdf", "ITERATIONS",
           "RSA_PROVIDER", "CNG_PROVIDER"]

#: The iteration count Windows uses for the key derivations and the MAC.
ITERATIONS = 2000

_OID_DATA = "1.2.840.113549.1.7.1"
_OID_ENCRYPTED_DATA = "1.2.840.113549.1.7.6"
_OID_PBE_3DES = "1.2.840.113549.1.12.1.3"
_OID_PBE_RC2_40 = "1.2.840.113549.1.12.1.6"
_OID_SHROUDED_KEY_BAG = "1.2.840.113549.1.12.10.1.2"
_OID_CERT_BAG = "1.2.840.113549.1.12.10.1.3"
_OID_X509_CERT = "1.2.840.113549.1.9.22.1"
_OID_FRIENDLY_NAME = "1.2.840.113549.1.9.20"
_OID_LOCAL_KEY_ID = "1.2.840.113549.1.9.21"
_OID_MS_CSP_NAME = "1.3.6.1.4.1.311.17.1"
_OID_MS_LOCAL_KEY_SET = "1.3.6.1.4.1.311.17.2"
_OID_KEY_USAGE = "2.5.29.15"
_OID_SHA1 = "1.3.14.3.2.26"

#: The CSP a PFX names for an RSA key (Exchange's keys), and the CNG provider for others.
RSA_PROVIDER = "Microsoft RSA SChannel Cryptographic Provider"
CNG_PROVIDER = "Microsoft Software Key Storage Provider"

#: (key, iv, data) -> 3DES-CBC of data (a multiple of 8 bytes).
TripleDes = Callable[[bytes, bytes, bytes], bytes]


def key_container_name(thumbprint: str) -> str:
    """The name of the key container that holds a certificate's key (certutil shows it
    as ``Key Container = {...}``; a PFX names the key bag after it)."""
    h = hashlib.md5(("container" + thumbprint).encode("ascii")).hexdigest().upper()
    return "{%s-%s-%s-%s-%s}" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:32])


# ----------------------------------------------------------------- DER

def _tlv(tag: int, content: bytes) -> bytes:
    n = len(content)
    if n < 0x80:
        head = bytes([n])
    else:
        size = n.to_bytes((n.bit_length() + 7) // 8, "big")
        head = bytes([0x80 | len(size)]) + size
    return bytes([tag]) + head + content


def _seq(*parts: bytes) -> bytes:
    return _tlv(0x30, b"".join(parts))


def _set(*parts: bytes) -> bytes:
    return _tlv(0x31, b"".join(sorted(parts)))        # DER: a SET OF in sorted order


def _octets(data: bytes) -> bytes:
    return _tlv(0x04, data)


def _int(n: int) -> bytes:
    return _tlv(0x02, n.to_bytes(n.bit_length() // 8 + 1, "big"))


def _explicit0(data: bytes) -> bytes:
    return _tlv(0xA0, data)


def _bmp(text: str) -> bytes:
    return _tlv(0x1E, text.encode("utf-16-be"))


def _oid(dotted: str) -> bytes:
    parts = [int(p) for p in dotted.split(".")]
    body = bytearray([40 * parts[0] + parts[1]])
    for p in parts[2:]:
        chunk = [p & 0x7F]
        p >>= 7
        while p:
            chunk.append(0x80 | (p & 0x7F))
            p >>= 7
        body.extend(reversed(chunk))
    return _tlv(0x06, bytes(body))


def _content_of(der: bytes) -> bytes:
    """The content octets of one DER element."""
    n = der[1]
    if n < 0x80:
        return der[2:2 + n]
    k = n & 0x7F
    return der[2 + k:2 + k + int.from_bytes(der[2:2 + k], "big")]


def _attribute(oid: str, *values: bytes) -> bytes:
    return _seq(_oid(oid), _set(*values))


# ----------------------------------------------------------------- key derivation

def pkcs12_kdf(password: bytes, salt: bytes, ident: int, iterations: int, size: int) -> bytes:
    """RFC 7292 B.2 with SHA-1: ``ident`` 1 = key, 2 = IV, 3 = MAC key; ``password``
    is the BMPString form (UTF-16BE with two zero bytes at the end)."""
    v = 64

    def stretch(data: bytes) -> bytes:
        if not data:
            return b""
        n = v * ((len(data) + v - 1) // v)
        return (data * (n // len(data) + 1))[:n]

    d = bytes([ident]) * v
    i = stretch(salt) + stretch(password)
    out = b""
    while len(out) < size:
        a = hashlib.sha1(d + i).digest()
        for _ in range(iterations - 1):
            a = hashlib.sha1(a).digest()
        out += a
        b = int.from_bytes((a * (v // len(a) + 1))[:v], "big") + 1
        i = b"".join(((int.from_bytes(i[j:j + v], "big") + b) % (1 << (8 * v))).to_bytes(v, "big")
                     for j in range(0, len(i), v))
    return out[:size]


def _password(text: Optional[str]) -> bytes:
    return (text or "").encode("utf-16-be") + b"\x00\x00"


def _pad(data: bytes) -> bytes:
    n = 8 - len(data) % 8
    return data + bytes([n]) * n


# ----------------------------------------------------------------- RC2 (RFC 2268)

_PITABLE = bytes.fromhex(
    "d978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2"
    "179a59f587b34f1361456d8d09817d32bd8f40eb86b77b0bf09521225c6b4e82"
    "54d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626"
    "6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed7"
    "08e8eade8052eef784aa72ac354d6a2a961ad2715a1549744b9fd05e0418a4ec"
    "c2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731"
    "2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a9"
    "0d38341bab33ffb0bb480c5fb9b1cd2ec5f3db47e5a59c770aa62068fe7fc1ad")


def _rc2_schedule(key: bytes, bits: int) -> List[int]:
    t = len(key)
    l = bytearray(128)
    l[:t] = key
    for i in range(t, 128):
        l[i] = _PITABLE[(l[i - 1] + l[i - t]) & 0xFF]
    t8 = (bits + 7) // 8
    l[128 - t8] = _PITABLE[l[128 - t8] & (0xFF >> (8 * t8 - bits))]
    for i in range(127 - t8, -1, -1):
        l[i] = _PITABLE[l[i + 1] ^ l[i + t8]]
    return [l[2 * i] | (l[2 * i + 1] << 8) for i in range(64)]


def _rc2_block(k: List[int], block: bytes) -> bytes:
    r0, r1, r2, r3 = struct.unpack("<4H", block)
    j = 0
    for rnd in range(16):
        # 5 mixing rounds, a mashing round, 6 mixing, a mashing round, 5 mixing.
        v = (r0 + k[j] + (r3 & r2) + (~r3 & r1)) & 0xFFFF
        r0 = ((v << 1) | (v >> 15)) & 0xFFFF
        v = (r1 + k[j + 1] + (r0 & r3) + (~r0 & r2)) & 0xFFFF
        r1 = ((v << 2) | (v >> 14)) & 0xFFFF
        v = (r2 + k[j + 2] + (r1 & r0) + (~r1 & r3)) & 0xFFFF
        r2 = ((v << 3) | (v >> 13)) & 0xFFFF
        v = (r3 + k[j + 3] + (r2 & r1) + (~r2 & r0)) & 0xFFFF
        r3 = ((v << 5) | (v >> 11)) & 0xFFFF
        j += 4
        if rnd in (4, 10):
            r0 = (r0 + k[r3 & 63]) & 0xFFFF
            r1 = (r1 + k[r0 & 63]) & 0xFFFF
            r2 = (r2 + k[r1 & 63]) & 0xFFFF
            r3 = (r3 + k[r2 & 63]) & 0xFFFF
    return struct.pack("<4H", r0, r1, r2, r3)


def rc2_encrypt_cbc(key: bytes, effective_bits: int, iv: bytes, data: bytes,
                    block: Optional[Callable[[List[int], bytes], bytes]] = None) -> bytes:
    """RC2-CBC of ``data`` (a multiple of 8 bytes long) with ``effective_bits``."""
    k = _rc2_schedule(key, effective_bits)
    encrypt = block or _rc2_block
    out = bytearray()
    prev = iv
    for j in range(0, len(data), 8):
        prev = encrypt(k, bytes(a ^ b for a, b in zip(data[j:j + 8], prev)))
        out += prev
    return bytes(out)


# ----------------------------------------------------------------- the file

def _pbe_params(oid: str, salt: bytes) -> bytes:
    return _seq(_oid(oid), _seq(_octets(salt), _int(ITERATIONS)))


def _key_bag(pkcs8: bytes, triple_des: TripleDes, password: bytes, container: str,
             provider: str, paired: bool) -> bytes:
    # Windows adds the key's usage (a key-exchange key) as a PKCS#8 attribute.
    pkcs8 = _tlv(0x30, _content_of(pkcs8) + _tlv(0xA0, _attribute(_OID_KEY_USAGE, _tlv(0x03, b"\x00\x10"))))
    salt = os.urandom(8)
    encrypted = triple_des(pkcs12_kdf(password, salt, 1, ITERATIONS, 24),
                           pkcs12_kdf(password, salt, 2, ITERATIONS, 8), _pad(pkcs8))
    shrouded = _seq(_pbe_params(_OID_PBE_3DES, salt), _octets(encrypted))
    attrs = [_attribute(_OID_MS_LOCAL_KEY_SET)]
    if paired:
        attrs.append(_attribute(_OID_LOCAL_KEY_ID, _octets(b"\x01\x00\x00\x00")))
    attrs.append(_attribute(_OID_FRIENDLY_NAME, _bmp(container)))
    attrs.append(_attribute(_OID_MS_CSP_NAME, _bmp(provider)))
    return _seq(_oid(_OID_SHROUDED_KEY_BAG), _explicit0(shrouded), _set(*attrs))


def _cert_bag(der: bytes, attrs: Sequence[bytes]) -> bytes:
    value = _explicit0(_seq(_oid(_OID_X509_CERT), _explicit0(_octets(der))))
    return _seq(_oid(_OID_CERT_BAG), value, *([_set(*attrs)] if attrs else []))


def windows_pfx(cert_der: bytes, pkcs8: Optional[bytes], password: Optional[str],
                friendly_name: Optional[str] = None, chain: Sequence[bytes] = (), *,
                triple_des: Optional[TripleDes] = None, provider: str = RSA_PROVIDER,
                paired: bool = True) -> bytes:
    """The PFX Windows exports for the certificate ``cert_der`` with its key
    (``pkcs8``, unencrypted PKCS#8 DER, or None; ``triple_des`` encrypts it) and the
    ``chain`` (DER, issuer first).  ``paired`` False: the key is not the certificate's
    (a replica's stand-in), so no ``localKeyID`` ties them."""
    secret = _password(password)
    paired = paired and pkcs8 is not None
    safes = []
    if pkcs8 is not None:
        if triple_des is None:
            raise ValueError("a key needs the 3DES cipher")
        container = key_container_name(hashlib.sha1(cert_der).hexdigest().upper())
        bag = _key_bag(pkcs8, triple_des, secret, container, provider, paired)
        safes.append(_seq(_oid(_OID_DATA), _explicit0(_octets(_seq(bag)))))
    leaf_attrs = []
    if paired:
        leaf_attrs.append(_attribute(_OID_LOCAL_KEY_ID, _octets(b"\x01\x00\x00\x00")))
    if friendly_name:
        leaf_attrs.append(_attribute(_OID_FRIENDLY_NAME, _bmp(friendly_name)))
    bags = [_cert_bag(cert_der, leaf_attrs)] + [_cert_bag(der, ()) for der in chain]
    salt = os.urandom(8)
    encrypted = rc2_encrypt_cbc(pkcs12_kdf(secret, salt, 1, ITERATIONS, 5), 40,
                                pkcs12_kdf(secret, salt, 2, ITERATIONS, 8), _pad(_seq(*bags)))
    content = _seq(_int(0), _seq(_oid(_OID_DATA), _pbe_params(_OID_PBE_RC2_40, salt),
                                 _tlv(0x80, encrypted)))
    safes.append(_seq(_oid(_OID_ENCRYPTED_DATA), _explicit0(content)))
    auth_safe = _seq(*safes)
    mac_salt = os.urandom(20)
    mac = hmac.new(pkcs12_kdf(secret, mac_salt, 3, ITERATIONS, 20), auth_safe, hashlib.sha1).digest()
    return _seq(_int(3), _seq(_oid(_OID_DATA), _explicit0(_octets(auth_safe))),
                _seq(_seq(_seq(_oid(_OID_SHA1), b"\x05\x00"), _octets(mac)), _octets(mac_salt),
                     _int(ITERATIONS)))
