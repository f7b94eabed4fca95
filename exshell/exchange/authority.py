"""A lab certification authority, so that the request -> CA -> import cycle can be
practised offline.

:class:`LabCertificateAuthority` plays an AD CS enterprise CA
(``CN=contoso-DC01-CA, DC=contoso, DC=com``): its root is trusted by every server
of the organisation in the Enterprise root store (so CA-issued certificates show
``RootCAType Enterprise``), and it signs PKCS#10 requests with a "Web Server"
template.  Nothing in Exchange corresponds to it; the cmdlets may expose it through
a lab-only command (certreq-style).

Imports only the standard library and siblings; signing is in :mod:`.issuance`.
"""
from __future__ import annotations

import datetime as _dt
from typing import List, Optional

from .codec import load_request, pkcs7_bytes
from .issuance import der_bytes, issue_ca_root, issue_from_request
from .names import parse_dn

__all__ = ["LabCertificateAuthority", "CA_ROOT_KIND"]

#: The physical root store the lab CA's root sits in on every server.
CA_ROOT_KIND = "Enterprise"
#: The root was "installed" this long before now; it lives 20 years (AD CS default
#: for a root is 5; we choose 20 so it never expires in a lab).
CA_INSTALLED_AGO = _dt.timedelta(days=3 * 365)
CA_YEARS = 20
#: Validity of issued certificates (the Web Server template's default: 2 years).
ISSUED_VALIDITY = _dt.timedelta(days=730)


class LabCertificateAuthority:
    """An enterprise CA for ``organization``; built lazily by Organization."""

    def __init__(self, organization, common_name: Optional[str] = None):
        self.organization = organization
        labels = organization.domain.split(".")
        cn = common_name or "%s-%s-CA" % (labels[0], organization.dc_fqdn.split(".")[0])
        self.subject_text = "CN=%s, %s" % (cn, ", ".join("DC=%s" % l for l in labels))
        clock = organization.clock
        self.key = organization.key_source.new_rsa_key(2048)
        start = (clock.now() - CA_INSTALLED_AGO).replace(microsecond=0)
        self.cert = issue_ca_root(key=self.key, subject=parse_dn(self.subject_text),
                                  serial=organization.serials.next(), not_before=start,
                                  not_after=start.replace(year=start.year + CA_YEARS))
        self.issued: List[object] = []

    @property
    def name(self) -> str:
        return self.subject_text

    def trust_on(self, server) -> None:
        server.add_trusted_root(self.cert, CA_ROOT_KIND)

    def issue(self, request_data, *, validity: _dt.timedelta = ISSUED_VALIDITY):
        """Sign a request (text with markers, base64, DER bytes or a CSR object);
        returns the ``x509.Certificate``.  Raises codec.ImportDataError for data that
        is not a request."""
        request = load_request(request_data)
        now = self.organization.clock.now().replace(microsecond=0)
        cert = issue_from_request(request=request, ca_cert=self.cert, ca_key=self.key,
                                  serial=self.organization.serials.next(),
                                  not_before=now - _dt.timedelta(minutes=10),
                                  not_after=now + validity)
        self.issued.append(cert)
        return cert

    def response(self, cert, *, with_chain: bool = True) -> bytes:
        """What the CA hands back: a PKCS#7 with the chain (``.p7b``), or the bare
        certificate (``.cer``, DER)."""
        if with_chain:
            return pkcs7_bytes([cert, self.cert])
        return der_bytes(cert)
