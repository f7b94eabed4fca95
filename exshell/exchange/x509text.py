"""How Windows describes a certificate: the texts of CryptoAPI and .NET.

* :data:`OID_FRIENDLY_NAMES` -- the friendly names ``Oid.FriendlyName`` gives (the
  Windows OID table, for the OIDs certificate work meets).
* :func:`format_extension` -- ``X509Extension.Format($multiLine)``: CryptFormatObject's
  text of an extension (``DNS Name=mail.contoso.com``, ``Digital Signature, Key
  Encipherment (a0)``, ``Server Authentication (1.3.6.1.5.5.7.3.1)``); the multi-line
  form ends every line with CRLF.  Unknown extensions are a hex dump.
* :func:`name_info` -- ``X509Certificate2.GetNameInfo(type, forIssuer)``.
* :func:`dns_name_list` -- PowerShell's ``DnsNameList`` script property.
* :func:`key_usage_names` / :func:`eku_oids` -- what the extensions hold, as Windows
  names them.
* :func:`hex_id` -- a key identifier or hash as Windows prints it: ``a1 b2 c3``
  before Server 2016, ``a1b2c3`` after (``spaced``, a profile fact).

Pure functions of a ``cryptography.x509.Certificate``; no hazmat, no engine.
"""
from __future__ import annotations

from typing import Any, List, Optional, Sequence, Tuple

__all__ = ["OID_FRIENDLY_NAMES", "friendly_name", "format_extension", "name_info",
           "dns_name_list", "key_usage_names", "key_usage_flags", "eku_oids", "hex_id",
           "hex_dump", "NAME_TYPES", "CRLF", "subject_key_id", "der_read", "basic_constraints",
           "template_name"]

CRLF = "\r\n"

#: OID -> the friendly name Windows' OID table gives (``Oid.FriendlyName``).
OID_FRIENDLY_NAMES = {
    # public keys and signatures
    "1.2.840.113549.1.1.1": "RSA",
    "1.2.840.10045.2.1": "ECC",
    "1.2.840.10040.4.1": "DSA",
    "1.2.840.113549.1.1.4": "md5RSA",
    "1.2.840.113549.1.1.5": "sha1RSA",
    "1.2.840.113549.1.1.11": "sha256RSA",
    "1.2.840.113549.1.1.12": "sha384RSA",
    "1.2.840.113549.1.1.13": "sha512RSA",
    "1.2.840.113549.1.1.10": "RSASSA-PSS",
    "1.2.840.10045.4.1": "sha1ECDSA",
    "1.2.840.10045.4.3.2": "sha256ECDSA",
    "1.2.840.10045.4.3.3": "sha384ECDSA",
    "1.2.840.10045.4.3.4": "sha512ECDSA",
    "1.2.840.10045.3.1.7": "nistP256",
    "1.3.132.0.34": "nistP384",
    "1.3.132.0.35": "nistP521",
    # extensions
    "2.5.29.14": "Subject Key Identifier",
    "2.5.29.15": "Key Usage",
    "2.5.29.17": "Subject Alternative Name",
    "2.5.29.18": "Issuer Alternative Name",
    "2.5.29.19": "Basic Constraints",
    "2.5.29.30": "Name Constraints",
    "2.5.29.31": "CRL Distribution Points",
    "2.5.29.32": "Certificate Policies",
    "2.5.29.35": "Authority Key Identifier",
    "2.5.29.37": "Enhanced Key Usage",
    "1.3.6.1.5.5.7.1.1": "Authority Information Access",
    "1.3.6.1.4.1.311.20.2": "Certificate Template Name",
    "1.3.6.1.4.1.311.21.1": "CA Version",
    "1.3.6.1.4.1.311.21.2": "Previous CA Certificate Hash",
    "1.3.6.1.4.1.311.21.7": "Certificate Template Information",
    "1.3.6.1.4.1.311.21.10": "Application Policies",
    "1.2.840.113549.1.9.15": "SMIME Capabilities",
    "1.3.6.1.4.1.11129.2.4.2": "SCT List",
    "2.16.840.1.113730.1.1": "Netscape Cert Type",
    # key purposes
    "2.5.29.37.0": "Any Purpose",
    "1.3.6.1.5.5.7.3.1": "Server Authentication",
    "1.3.6.1.5.5.7.3.2": "Client Authentication",
    "1.3.6.1.5.5.7.3.3": "Code Signing",
    "1.3.6.1.5.5.7.3.4": "Secure Email",
    "1.3.6.1.5.5.7.3.8": "Time Stamping",
    "1.3.6.1.5.5.7.3.9": "OCSP Signing",
    "1.3.6.1.4.1.311.10.3.4": "Encrypting File System",
    "1.3.6.1.4.1.311.10.3.12": "Document Signing",
    "1.3.6.1.4.1.311.20.2.2": "Smart Card Logon",
    "1.3.6.1.4.1.311.80.1": "Document Encryption",
    "1.3.6.1.5.2.3.5": "KDC Authentication",
    "1.3.6.1.5.5.8.2.2": "IP security IKE intermediate",
    # access methods
    "1.3.6.1.5.5.7.48.1": "On-line Certificate Status Protocol",
    "1.3.6.1.5.5.7.48.2": "Certification Authority Issuer",
    "1.3.6.1.5.5.7.2.1": "CPS",
    "1.3.6.1.5.5.7.2.2": "User Notice",
    # name attributes
    "2.5.4.3": "CN",
    "2.5.4.11": "OU",
    "2.5.4.10": "O",
    "2.5.4.7": "L",
    "2.5.4.8": "S",
    "2.5.4.6": "C",
    "1.2.840.113549.1.9.1": "E",
    "0.9.2342.19200300.100.1.25": "DC",
}

#: X509NameType members, in enum order.
NAME_TYPES = ("SimpleName", "EmailName", "UpnName", "DnsName", "DnsFromAlternativeName",
              "UrlName")

_UPN_OID = "1.3.6.1.4.1.311.20.2.3"


def friendly_name(oid: str) -> str:
    """``Oid.FriendlyName`` of a dotted OID ("" when Windows has no name for it)."""
    return OID_FRIENDLY_NAMES.get(oid, "")


def hex_id(data: bytes, spaced: bool) -> str:
    """A key identifier / hash as Windows prints it (lower case)."""
    return " ".join("%02x" % b for b in data) if spaced else data.hex()


def hex_dump(data: bytes) -> str:
    """An extension Windows cannot decode: its bytes, ``30 03 01 01 ff``."""
    return " ".join("%02x" % b for b in data)


# ---------------------------------------------------------------- a little DER

def der_read(data: bytes, pos: int = 0) -> Tuple[int, bytes, int]:
    """(tag, content, next position) of the TLV at ``pos``; raises ValueError."""
    if pos + 2 > len(data):
        raise ValueError("truncated")
    tag = data[pos]
    length = data[pos + 1]
    pos += 2
    if length & 0x80:
        count = length & 0x7F
        if count == 0 or count > 4 or pos + count > len(data):
            raise ValueError("bad length")
        length = int.from_bytes(data[pos:pos + count], "big")
        pos += count
    if pos + length > len(data):
        raise ValueError("truncated")
    return tag, data[pos:pos + length], pos + length


def _der_items(content: bytes) -> List[Tuple[int, bytes]]:
    out, pos = [], 0
    while pos < len(content):
        tag, value, pos = der_read(content, pos)
        out.append((tag, value))
    return out


def _der_oid(content: bytes) -> str:
    if not content:
        raise ValueError("empty OID")
    first = content[0]
    parts = [min(first // 40, 2), first - 40 * min(first // 40, 2)]
    value = 0
    for b in content[1:]:
        value = (value << 7) | (b & 0x7F)
        if not b & 0x80:
            parts.append(value)
            value = 0
    return ".".join(str(p) for p in parts)


def _der_string(tag: int, content: bytes) -> str:
    if tag == 0x1E:                                  # BMPString
        return content.decode("utf-16-be", "replace")
    return content.decode("utf-8", "replace")


# ---------------------------------------------------------------- extensions

def _raw(ext: Any) -> bytes:
    value = ext.value
    raw = getattr(value, "value", None)
    if isinstance(raw, (bytes, bytearray)):
        return bytes(raw)
    try:
        return value.public_bytes()
    except Exception:  # noqa: BLE001 - an extension cryptography cannot encode again
        return b""


_KU_BITS = (
    ("digital_signature", "Digital Signature", 0x80),
    ("content_commitment", "Non-Repudiation", 0x40),
    ("key_encipherment", "Key Encipherment", 0x20),
    ("data_encipherment", "Data Encipherment", 0x10),
    ("key_agreement", "Key Agreement", 0x08),
    ("key_cert_sign", "Certificate Signing", 0x04),
    ("crl_sign", "Off-line CRL Signing, CRL Signing", 0x02),
)


def key_usage_flags(ku: Any) -> Tuple[int, int]:
    """(first byte, second byte) of a KeyUsage's bits, as Windows shows them in hex."""
    first = 0
    for attr, _name, bit in _KU_BITS:
        if getattr(ku, attr):
            first |= bit
    second = 0
    if ku.key_agreement:
        if ku.encipher_only:
            first |= 0x01
        if ku.decipher_only:
            second = 0x80
    return first, second


def key_usage_names(ku: Any) -> List[str]:
    """The Key Usage names Windows lists, in its order."""
    names = [name for attr, name, _bit in _KU_BITS if getattr(ku, attr)]
    if ku.key_agreement and ku.encipher_only:
        names.append("Encipher Only")
    if ku.key_agreement and ku.decipher_only:
        names.append("Decipher Only")
    return names


def _key_usage(ku: Any) -> str:
    first, second = key_usage_flags(ku)
    names = key_usage_names(ku)
    bits = "%02x" % first if not second else "%02x %02x" % (first, second)
    return "%s (%s)" % (", ".join(names), bits) if names else "(%s)" % bits


def eku_oids(cert: Any) -> List[str]:
    """The dotted OIDs of the Enhanced Key Usage extension (empty without one)."""
    from cryptography import x509
    try:
        eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except (x509.ExtensionNotFound, ValueError):
        return []
    return [o.dotted_string for o in eku]


def _purpose(oid: str) -> str:
    name = friendly_name(oid)
    return "%s (%s)" % (name, oid) if name else "Unknown Key Usage (%s)" % oid


def _general_name(name: Any, multi: bool, indent: str) -> Tuple[str, List[str]]:
    """(single-line text, multi-line lines) of one GeneralName."""
    from cryptography import x509
    from .names import format_dn
    if isinstance(name, x509.DNSName):
        t = "DNS Name=%s" % name.value
    elif isinstance(name, x509.RFC822Name):
        t = "RFC822 Name=%s" % name.value
    elif isinstance(name, x509.UniformResourceIdentifier):
        t = "URL=%s" % name.value
    elif isinstance(name, x509.IPAddress):
        t = "IP Address=%s" % name.value
    elif isinstance(name, x509.RegisteredID):
        t = "Registered ID=%s" % name.value.dotted_string
    elif isinstance(name, x509.DirectoryName):
        dn = format_dn(name.value)
        return "Directory Address:" + dn, ["Directory Address:", indent + "     " + dn]
    elif isinstance(name, x509.OtherName):
        value = _other_name_value(name)
        if name.type_id.dotted_string == _UPN_OID:
            label = "Principal Name=%s" % value
        else:
            label = "%s=%s" % (name.type_id.dotted_string, value)
        return "Other Name:" + label, ["Other Name:", indent + "     " + label]
    else:
        t = str(getattr(name, "value", name))
    return t, [t]


def _other_name_value(name: Any) -> str:
    try:
        tag, content, _ = der_read(name.value)
        if tag in (0x0C, 0x13, 0x16, 0x1E):
            return _der_string(tag, content)
    except ValueError:
        pass
    return hex_dump(name.value)


def _names(names: Sequence[Any], multi: bool) -> str:
    if multi:
        lines: List[str] = []
        for n in names:
            lines.extend(_general_name(n, True, "")[1])
        return "".join(l + CRLF for l in lines)
    return ", ".join(_general_name(n, False, "")[0] for n in names)


def basic_constraints(bc: Any) -> Tuple[str, str]:
    """(Subject Type, Path Length Constraint) texts."""
    kind = "CA" if bc.ca else "End Entity"
    length = "None" if bc.path_length is None else str(bc.path_length)
    return kind, length


def subject_key_id(cert: Any) -> Optional[bytes]:
    from cryptography import x509
    try:
        return cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    except (x509.ExtensionNotFound, ValueError):
        return None


def template_name(value: bytes) -> Optional[str]:
    """The BMPString of a Certificate Template Name extension, or None."""
    try:
        tag, content, _ = der_read(value)
        return _der_string(tag, content)
    except ValueError:
        return None


def format_extension(ext: Any, multi: bool, spaced: bool = False) -> str:
    """``X509Extension.Format(multi)`` for a ``cryptography.x509.Extension``."""
    from cryptography import x509
    oid = ext.oid.dotted_string
    value = ext.value
    end = CRLF if multi else ""
    sep = CRLF if multi else ", "
    try:
        if isinstance(value, x509.KeyUsage):
            return _key_usage(value) + end
        if isinstance(value, x509.ExtendedKeyUsage):
            items = [_purpose(o.dotted_string) for o in value]
            return sep.join(items) + end if items else ""
        if isinstance(value, (x509.SubjectAlternativeName, x509.IssuerAlternativeName)):
            return _names(list(value), multi)
        if isinstance(value, x509.BasicConstraints):
            kind, length = basic_constraints(value)
            return sep.join(["Subject Type=" + kind, "Path Length Constraint=" + length]) + end
        if isinstance(value, x509.SubjectKeyIdentifier):
            return hex_id(value.digest, spaced) + end
        if isinstance(value, x509.AuthorityKeyIdentifier):
            parts = []
            if value.key_identifier is not None:
                parts.append("KeyID=" + hex_id(value.key_identifier, spaced))
            if value.authority_cert_issuer:
                if multi:
                    parts.append("Certificate Issuer:" + CRLF + _names(
                        value.authority_cert_issuer, True).rstrip(CRLF).replace(CRLF, CRLF + "     ")
                        .join(["     ", ""]))
                else:
                    parts.append("Certificate Issuer=" + _names(value.authority_cert_issuer, False))
            if value.authority_cert_serial_number is not None:
                n = value.authority_cert_serial_number
                serial = n.to_bytes(max(1, (n.bit_length() + 8) // 8), "big")
                parts.append("Certificate SerialNumber=" + hex_id(serial, spaced))
            return sep.join(parts) + end
        if isinstance(value, x509.CRLDistributionPoints):
            return _crl_points(value, multi)
        if isinstance(value, x509.AuthorityInformationAccess):
            return _access(value, multi)
        if isinstance(value, x509.CertificatePolicies):
            return _policies(value, multi)
        if oid == "1.3.6.1.4.1.311.20.2":
            name = template_name(_raw(ext))
            if name is not None:
                return name + end
        if oid == "1.3.6.1.4.1.311.21.1":
            tag, content, _ = der_read(_raw(ext))
            n = int.from_bytes(content, "big")
            return "V%d.%d" % (n & 0xFFFF, n >> 16) + end
        if oid == "1.3.6.1.4.1.311.21.7":
            return _template_info(_raw(ext), multi)
    except (ValueError, TypeError, AttributeError):
        pass
    return hex_dump(_raw(ext))


def _crl_points(points: Any, multi: bool) -> str:
    out = []
    for i, point in enumerate(points, 1):
        names = list(point.full_name or [])
        if multi:
            lines = ["[%d]CRL Distribution Point" % i, "     Distribution Point Name:",
                     "          Full Name:"]
            for n in names:
                lines.extend("               " + l for l in _general_name(n, True, "")[1])
            out.append("".join(l + CRLF for l in lines))
        else:
            out.append("[%d]CRL Distribution Point: Distribution Point Name:Full Name:%s"
                       % (i, ", ".join(_general_name(n, False, "")[0] for n in names)))
    return "".join(out) if multi else ", ".join(out)


def _access(descriptions: Any, multi: bool) -> str:
    out = []
    for i, d in enumerate(descriptions, 1):
        method = d.access_method.dotted_string
        label = "%s (%s)" % (friendly_name(method) or method, method)
        where = _general_name(d.access_location, multi, "")
        if multi:
            lines = ["[%d]Authority Info Access" % i, "     Access Method=" + label,
                     "     Alternative Name:"] + ["          " + l for l in where[1]]
            out.append("".join(l + CRLF for l in lines))
        else:
            out.append("[%d]Authority Info Access: Access Method=%s, Alternative Name=%s"
                       % (i, label, where[0]))
    return "".join(out) if multi else ", ".join(out)


def _policies(policies: Any, multi: bool) -> str:
    out = []
    for i, p in enumerate(policies, 1):
        oid = p.policy_identifier.dotted_string
        if multi:
            lines = ["[%d]Certificate Policy:" % i, "     Policy Identifier=" + oid]
            for j, q in enumerate(p.policy_qualifiers or [], 1):
                lines.append("     [%d,%d]Policy Qualifier Info:" % (i, j))
                if isinstance(q, str):
                    lines += ["          Policy Qualifier Id=CPS", "          Qualifier:",
                              "               " + q]
                else:
                    text = getattr(q, "explicit_text", None) or ""
                    lines += ["          Policy Qualifier Id=User Notice", "          Qualifier:",
                              "               Notice Text=" + text]
            out.append("".join(l + CRLF for l in lines))
        else:
            out.append("[%d]Certificate Policy:Policy Identifier=%s" % (i, oid))
    return "".join(out) if multi else ", ".join(out)


def _template_info(raw: bytes, multi: bool) -> str:
    tag, content, _ = der_read(raw)
    items = _der_items(content)
    oid = _der_oid(items[0][1])
    major = int.from_bytes(items[1][1], "big") if len(items) > 1 else 0
    minor = int.from_bytes(items[2][1], "big") if len(items) > 2 else 0
    parts = ["Template=" + oid, "Major Version Number=%d" % major,
             "Minor Version Number=%d" % minor]
    return "".join(p + CRLF for p in parts) if multi else ", ".join(parts)


# ---------------------------------------------------------------- names

def _san(cert: Any, issuer: bool) -> List[Any]:
    from cryptography import x509
    cls = x509.IssuerAlternativeName if issuer else x509.SubjectAlternativeName
    try:
        return list(cert.extensions.get_extension_for_class(cls).value)
    except (x509.ExtensionNotFound, ValueError):
        return []


def _attr(name: Any, oid: str) -> Optional[str]:
    found = None
    for rdn in name.rdns:
        for a in rdn:
            if a.oid.dotted_string == oid and isinstance(a.value, str):
                found = a.value
    return found


def name_info(cert: Any, name_type: str, for_issuer: bool) -> str:
    """``GetNameInfo([X509NameType]::<name_type>, for_issuer)``."""
    from cryptography import x509
    name = cert.issuer if for_issuer else cert.subject
    alt = _san(cert, for_issuer)
    kind = name_type.casefold()
    if kind == "simplename":
        for oid in ("2.5.4.3", "2.5.4.11", "2.5.4.10", "1.2.840.113549.1.9.1"):
            v = _attr(name, oid)
            if v:
                return v
        for n in alt:
            if isinstance(n, (x509.DNSName, x509.RFC822Name, x509.UniformResourceIdentifier)):
                return n.value
        return ""
    if kind == "emailname":
        v = _attr(name, "1.2.840.113549.1.9.1")
        if v:
            return v
        return next((n.value for n in alt if isinstance(n, x509.RFC822Name)), "")
    if kind == "upnname":
        for n in alt:
            if isinstance(n, x509.OtherName) and n.type_id.dotted_string == _UPN_OID:
                return _other_name_value(n)
        return ""
    if kind in ("dnsname", "dnsfromalternativename"):
        dns = next((n.value for n in alt if isinstance(n, x509.DNSName)), None)
        if dns is not None:
            return dns
        if kind == "dnsname":
            return _attr(name, "2.5.4.3") or ""
        return ""
    if kind == "urlname":
        return next((n.value for n in alt if isinstance(n, x509.UniformResourceIdentifier)), "")
    raise ValueError(name_type)


def dns_name_list(cert: Any) -> List[str]:
    """PowerShell's ``DnsNameList``: the SAN's DNS names, else the subject's CN."""
    from cryptography import x509
    names = [n.value for n in _san(cert, False) if isinstance(n, x509.DNSName)]
    if names:
        return names
    cn = _attr(cert.subject, "2.5.4.3")
    return [cn] if cn else []
