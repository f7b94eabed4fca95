"""Chain building under the emulated trust and clock: what X509Chain.Build(),
X509Certificate2.Verify(), Test-Certificate and ``certutil -verify`` compute.

The trust anchors are the machine's ``LocalMachine\\Root`` (``server.roots``, the
same trust Exchange's RootCAType reads) and the user's ``CurrentUser\\Root``;
intermediates come from ``LocalMachine\\CA``, ``CurrentUser\\CA`` and whatever the
caller adds (a PFX's chain, ``ChainPolicy.ExtraStore``).  ``Disallowed`` stores
distrust explicitly; the model's ``revoked`` flag stands for the CA's CRL (always
reachable in the lab).  Signatures are checked for real.

Status names and texts are .NET's ``X509ChainStatusFlags`` and Windows' messages.

Uses ``cryptography.x509`` (no hazmat) and the standard library.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Sequence

__all__ = ["ChainResult", "ChainElement", "build_chain", "STATUS_FLAGS", "STATUS_TEXT",
           "signature_valid"]

#: X509ChainStatusFlags: name -> value (the ones this model can produce, and NoError).
STATUS_FLAGS = {
    "NoError": 0, "NotTimeValid": 1, "Revoked": 4, "NotSignatureValid": 8,
    "NotValidForUsage": 16, "UntrustedRoot": 32, "RevocationStatusUnknown": 64, "Cyclic": 128,
    "InvalidBasicConstraints": 1024, "PartialChain": 65536, "OfflineRevocation": 16777216,
    "ExplicitDistrust": 67108864,
}

#: The StatusInformation Windows gives each flag.
STATUS_TEXT = {
    "NotTimeValid": "A required certificate is not within its validity period when verifying "
                    "against the current system clock or the timestamp in the signed file.",
    "Revoked": "The certificate is revoked.",
    "NotSignatureValid": "The signature of the certificate cannot be verified.",
    "NotValidForUsage": "The certificate is not valid for the requested usage.",
    "UntrustedRoot": "A certificate chain processed, but terminated in a root certificate which "
                     "is not trusted by the trust provider.",
    "RevocationStatusUnknown": "The revocation function was unable to check revocation for the "
                               "certificate.",
    "Cyclic": "A certificate chain could not be built to a trusted root authority.",
    "InvalidBasicConstraints": "A certificate's basic constraint extension has not been observed.",
    "PartialChain": "A certificate chain could not be built to a trusted root authority.",
    "OfflineRevocation": "The revocation function was unable to check revocation because the "
                         "revocation server was offline.",
    "ExplicitDistrust": "The certificate was explicitly marked as untrusted by the user.",
}


@dataclass
class ChainElement:
    cert: Any
    der: bytes
    thumbprint: str
    status: List[str] = field(default_factory=list)


@dataclass
class ChainResult:
    elements: List[ChainElement]
    #: Union of the elements' statuses, in flag order (X509Chain.ChainStatus).
    status: List[str]
    trusted_root: bool

    @property
    def ok(self) -> bool:
        return not self.status


def signature_valid(cert: Any, issuer: Any) -> bool:
    """Whether ``issuer``'s key signed ``cert`` and the names chain."""
    if cert.issuer != issuer.subject:
        return False
    from .issuance import signature_valid as verified
    return verified(cert, issuer)


def _naive(dt: _dt.datetime) -> _dt.datetime:
    return dt.replace(tzinfo=None) if dt.tzinfo else dt


def _is_ca(cert: Any) -> Optional[bool]:
    from cryptography import x509
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return None
    except ValueError:
        return False


def build_chain(cert: Any, *, der_of: Any, anchors: Dict[str, Any], intermediates: Iterable[Any],
                now: _dt.datetime, disallowed: Sequence[str] = (), revoked: Sequence[str] = (),
                usage: Sequence[str] = ()) -> ChainResult:
    """Build ``cert``'s chain.  ``anchors``: thumbprint -> trusted root certificate;
    ``intermediates``: other certificates to chain through; ``der_of(cert)`` gives a
    certificate's DER; ``usage``: EKU OIDs the application policy asks for."""
    def thumb(c: Any) -> str:
        return hashlib.sha1(der_of(c)).hexdigest().upper()

    pool = list(anchors.values()) + [c for c in intermediates]
    elements = [ChainElement(cert, der_of(cert), thumb(cert))]
    seen = {elements[0].thumbprint}
    complete = False
    current = cert
    for _ in range(10):
        if current.subject == current.issuer:
            if not signature_valid(current, current):
                elements[-1].status.append("NotSignatureValid")
            complete = True
            break
        candidates = [c for c in pool if c.subject == current.issuer]
        issuer = next((c for c in candidates if signature_valid(current, c) and thumb(c) not in seen),
                      None)
        if issuer is None:
            # A replica's stand-in root, trusted here, vouches by name for the CA it
            # replaces (as Get-ExchangeCertificate's status does: Server.chain_root).
            from .issuance import is_stand_in_root
            issuer = next((c for c in anchors.values() if c.subject == current.issuer
                           and is_stand_in_root(c) and thumb(c) not in seen), None)
        if issuer is None and candidates:
            issuer = next((c for c in candidates if thumb(c) not in seen), None)
            if issuer is not None:
                elements[-1].status.append("NotSignatureValid")
        if issuer is None:
            elements[-1].status.append("PartialChain")
            break
        element = ChainElement(issuer, der_of(issuer), thumb(issuer))
        if element.thumbprint in seen:
            elements[-1].status.append("Cyclic")
            break
        seen.add(element.thumbprint)
        elements.append(element)
        current = issuer
    trusted = complete and elements[-1].thumbprint in anchors
    if complete and not trusted:
        elements[-1].status.append("UntrustedRoot")
    disallowed_set = {t.upper() for t in disallowed}
    revoked_set = {t.upper() for t in revoked}
    for i, e in enumerate(elements):
        c = e.cert
        if not (_naive(c.not_valid_before_utc) <= now <= _naive(c.not_valid_after_utc)):
            e.status.insert(0, "NotTimeValid")
        if e.thumbprint in revoked_set:
            e.status.append("Revoked")
        if e.thumbprint in disallowed_set:
            e.status.append("ExplicitDistrust")
        if i > 0 and not (i == len(elements) - 1 and complete):
            if _is_ca(c) is False or _is_ca(c) is None:
                e.status.append("InvalidBasicConstraints")
    if usage:
        from .x509text import eku_oids
        ekus = eku_oids(cert)
        if ekus and "2.5.29.37.0" not in ekus and not all(u in ekus for u in usage):
            elements[0].status.append("NotValidForUsage")
    union: List[str] = []
    for name in STATUS_FLAGS:
        if any(name in e.status for e in elements):
            union.append(name)
    for e in elements:
        e.status = [n for n in STATUS_FLAGS if n in e.status]
    return ChainResult(elements, union, trusted)
