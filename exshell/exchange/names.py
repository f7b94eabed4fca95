"""Names: Windows-style distinguished names, domain-name validation, thumbprints.

* :func:`format_dn` renders an ``x509.Name`` the way Windows' X500DistinguishedName
  does (``CN=mail.contoso.com, OU=IT, O=Contoso, C=US``: last RDN first, ``S=`` for
  stateOrProvince, quotes around values with special characters).
* :func:`parse_dn` reads what a user gives ``-SubjectName``.  .NET's
  ``X500DistinguishedName(string)`` encodes the RDNs in reverse text order, so the
  displayed Subject reads exactly as typed (``"C=US,O=Contoso,CN=x"`` shows as
  ``C=US, O=Contoso, CN=x``).  Values go in as PrintableString when they fit, else
  UTF8String, as Windows' CertStrToName does (the real certificates are
  PrintableString).
* :func:`is_valid_domain` is the SmtpDomainWithSubdomains check.
* :func:`normalize_thumbprint` is the servicelet's normalisation (reference §1.2).

Uses ``cryptography.x509`` (lazily) and the standard library only; no hazmat.
"""
from __future__ import annotations

import re
from typing import List, Optional

from ..structs import LazyPattern

__all__ = ["format_dn", "parse_dn", "DnSyntaxError", "is_valid_domain", "is_dns_name",
           "normalize_thumbprint", "first_cn", "SHORT_NAMES"]

#: OID -> the short name Windows shows.  Unknown OIDs show as ``OID.<dotted>``.
SHORT_NAMES = {
    "2.5.4.3": "CN",
    "2.5.4.11": "OU",
    "2.5.4.10": "O",
    "2.5.4.7": "L",
    "2.5.4.8": "S",
    "2.5.4.6": "C",
    "2.5.4.9": "STREET",
    "2.5.4.5": "SERIALNUMBER",
    "2.5.4.12": "T",
    "2.5.4.42": "G",
    "2.5.4.4": "SN",
    "2.5.4.43": "I",
    "2.5.4.17": "PostalCode",
    "1.2.840.113549.1.9.1": "E",
    "0.9.2342.19200300.100.1.25": "DC",
}

# What users may type -> OID.  Case-insensitive.
_INPUT_NAMES = {
    "cn": "2.5.4.3", "ou": "2.5.4.11", "o": "2.5.4.10", "l": "2.5.4.7",
    "s": "2.5.4.8", "st": "2.5.4.8", "c": "2.5.4.6", "street": "2.5.4.9",
    "serialnumber": "2.5.4.5", "t": "2.5.4.12", "title": "2.5.4.12",
    "g": "2.5.4.42", "givenname": "2.5.4.42", "sn": "2.5.4.4", "i": "2.5.4.43",
    "initials": "2.5.4.43", "postalcode": "2.5.4.17", "e": "1.2.840.113549.1.9.1",
    "email": "1.2.840.113549.1.9.1", "dc": "0.9.2342.19200300.100.1.25",
}

_IA5_OIDS = {"1.2.840.113549.1.9.1", "0.9.2342.19200300.100.1.25"}
_PRINTABLE = LazyPattern(r"^[A-Za-z0-9 '()+,\-./:=?]*$")
_NEEDS_QUOTES = LazyPattern(r'[,+="\n<>#;]')


class DnSyntaxError(ValueError):
    """The text is not a distinguished name we can encode."""


def _quote(value: str) -> str:
    if value == "" or _NEEDS_QUOTES.search(value) or value != value.strip():
        return '"' + value.replace('"', '""') + '"'
    return value


def format_dn(name) -> str:
    """Windows display form of an ``x509.Name`` (``Subject``/``Issuer``)."""
    parts = []
    for rdn in reversed(list(name.rdns)):
        attrs = []
        for attr in rdn:
            dotted = attr.oid.dotted_string
            label = SHORT_NAMES.get(dotted, "OID." + dotted)
            value = attr.value if isinstance(attr.value, str) else attr.value.hex()
            attrs.append("%s=%s" % (label, _quote(value)))
        parts.append(" + ".join(attrs))
    return ", ".join(parts)


def _split(text: str, seps: str) -> List[str]:
    """Split on any of ``seps`` outside double quotes (``""`` is an escaped quote)."""
    out, cur, quoted, i = [], [], False, 0
    while i < len(text):
        ch = text[i]
        if ch == '"':
            quoted = not quoted
            cur.append(ch)
        elif ch in seps and not quoted:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    if quoted:
        raise DnSyntaxError(text)
    out.append("".join(cur))
    return out


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        return value[1:-1].replace('""', '"')
    if '"' in value:
        raise DnSyntaxError(value)
    return value


def parse_dn(text: str):
    """``-SubjectName`` text -> ``x509.Name`` (RDNs encoded in reverse text order)."""
    from cryptography import x509
    from cryptography.x509.name import _ASN1Type
    from cryptography.x509.oid import ObjectIdentifier

    if text is None or not str(text).strip():
        raise DnSyntaxError(text)
    rdns = []
    for part in _split(str(text), ",;"):
        if not part.strip():
            raise DnSyntaxError(text)
        attrs = []
        for piece in _split(part, "+"):
            key, eq, value = piece.partition("=")
            key = key.strip()
            if not eq or not key:
                raise DnSyntaxError(text)
            folded = key.casefold()
            if folded.startswith("oid."):
                folded = folded[4:]
            dotted = _INPUT_NAMES.get(folded)
            if dotted is None:
                if re.fullmatch(r"[0-2](\.\d+)+", folded):
                    dotted = folded
                else:
                    raise DnSyntaxError(text)
            value = _unquote(value)
            if value == "":
                raise DnSyntaxError(text)
            if dotted in _IA5_OIDS:
                kind = _ASN1Type.IA5String
            elif dotted == "2.5.4.6" or _PRINTABLE.match(value):
                kind = _ASN1Type.PrintableString
            else:
                kind = _ASN1Type.UTF8String
            try:
                attrs.append(x509.NameAttribute(ObjectIdentifier(dotted), value, _type=kind))
            except ValueError as exc:  # e.g. a country code that is not 2 letters
                raise DnSyntaxError(text) from exc
        rdns.append(x509.RelativeDistinguishedName(attrs))
    return x509.Name(list(reversed(rdns)))


_CN = None


def simple_name(cn: str):
    """``CN=<cn>`` as setup makes it (PrintableString when it fits).  The same Name
    :func:`parse_dn` makes of ``CN=<cn>``, built directly (organisation files with
    thousands of certificates call this once each)."""
    global _CN
    if not cn or cn != cn.strip() or '"' in cn:
        return parse_dn("CN=" + _quote(cn))
    if _CN is None:
        from cryptography import x509
        from cryptography.x509.name import _ASN1Type
        from cryptography.x509.oid import NameOID
        _CN = (x509, _ASN1Type, NameOID.COMMON_NAME)
    x509, kind, oid = _CN
    t = kind.PrintableString if _PRINTABLE.match(cn) else kind.UTF8String
    return x509.Name([x509.RelativeDistinguishedName([x509.NameAttribute(oid, cn, _type=t)])])


class CommonName:
    """``CN=<cn>`` known by its DER encoding only -- the same bytes as
    ``simple_name(cn).public_bytes()`` -- for certificates assembled directly
    (issuance): building cryptography's Name object costs more than the rest of such a
    certificate but its signature.  ``name`` gives the real Name."""

    __slots__ = ("cn",)

    def __init__(self, cn: str):
        self.cn = cn

    @property
    def name(self):
        return simple_name(self.cn)

    def public_bytes(self) -> bytes:
        cn = self.cn
        if not cn or cn != cn.strip() or '"' in cn or len(cn.encode("utf-8")) > 64:
            return self.name.public_bytes()       # (what cryptography refuses, it refuses)
        value = cn.encode("utf-8")
        tag = 0x13 if _PRINTABLE.match(cn) else 0x0C     # PrintableString, else UTF8String
        atv = b"\x06\x03\x55\x04\x03" + _tlv(tag, value)
        return _tlv(0x30, _tlv(0x31, _tlv(0x30, atv)))


def _tlv(tag: int, content: bytes) -> bytes:
    n = len(content)
    if n < 0x80:
        return bytes((tag, n)) + content
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes((tag, 0x80 | len(body))) + body + content


def first_cn(name) -> Optional[str]:
    """The CN Windows would report for ``name`` (the most specific one: last in DER order)."""
    found = None
    for rdn in name.rdns:
        for attr in rdn:
            if attr.oid.dotted_string == "2.5.4.3":
                found = attr.value
    return found


_LABEL = LazyPattern(r"^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$")


def is_dns_name(name: str) -> bool:
    """A DNS host name (one or more labels; no wildcard)."""
    if not isinstance(name, str) or not name or len(name) > 255 or name.endswith("."):
        return False
    return all(_LABEL.match(label) for label in name.split("."))


def is_valid_domain(name: str) -> bool:
    """SmtpDomainWithSubdomains: a DNS name, or ``*.`` followed by one."""
    if isinstance(name, str) and name.startswith("*."):
        return is_dns_name(name[2:])
    return is_dns_name(name)


def normalize_thumbprint(value: str) -> str:
    """What the servicelet compares: spaces dropped only in the ``aa bb cc`` form
    (third character a space, reference §1.2), then upper case."""
    text = "" if value is None else str(value)
    if len(text) > 2 and text[2] == " ":
        text = text.replace(" ", "")
    return text.upper()
