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

from .issuance import der_bytes, issue_ca_root, issue_from_request
from .names import parse_dn
from .store import Deferred, KeyHandle

__all__ = ["LabCertificateAuthority", "CA_ROOT_KIND", "LabPublicCertificateAuthority",
           "public_authority", "PUBLIC_ROOT_KIND", "NoSubjectAltNamesError"]

#: The physical root store the lab CA's root sits in on every server.
CA_ROOT_KIND = "Enterprise"
#: The root was "installed" this long before now; it lives 20 years (AD CS default
#: for a root is 5; we choose 20 so it never expires in a lab).
CA_INSTALLED_AGO = _dt.timedelta(days=3 * 365)
CA_YEARS = 20
#: Validity of issued certificates (the Web Server template's default: 2 years).
ISSUED_VALIDITY = _dt.timedelta(days=730)


class _Held:
    """An attribute that may hold what the world store read but has not parsed yet (a
    :class:`~.store.Deferred` certificate, a :class:`~.store.KeyHandle` key): reading
    it gives the object; :meth:`_Authority.held` gives what is held."""

    def __set_name__(self, owner, name: str) -> None:
        self.slot = "_held_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__.get(self.slot)
        if isinstance(value, (Deferred, KeyHandle)):
            return value.get()
        return value

    def __set__(self, obj, value) -> None:
        obj.__dict__[self.slot] = value


class _Authority:
    cert = _Held()
    key = _Held()

    def held(self, name: str):
        """The certificate or key as held (a Deferred or KeyHandle is not parsed)."""
        return self.__dict__.get("_held_" + name)


class LabCertificateAuthority(_Authority):
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
        from .codec import load_request
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
            from .codec import pkcs7_bytes
            return pkcs7_bytes([cert, self.cert])
        return der_bytes(cert)


# ---------------------------------------------------------------- a public CA (lab only)

#: Names of the simulated public CA.  Obviously a lab: no real CA is named like this.
PUBLIC_ROOT_SUBJECT = "CN=exshell Lab Public Root CA, O=exshell Lab Trust Services (NOT REAL), C=US"
PUBLIC_ISSUING_SUBJECT = "CN=exshell Lab Public Issuing CA 1, O=exshell Lab Trust Services (NOT REAL), C=US"
#: Windows ships the roots of public CAs in the third-party root store.
PUBLIC_ROOT_KIND = "ThirdParty"
#: Public TLS certificates: 397 days at most (CA/Browser Forum, since 2020).
PUBLIC_VALIDITY = _dt.timedelta(days=397)


def _issue_intermediate(*, subject, public_key, issuer_cert, issuer_key, serial: int,
                        not_before: _dt.datetime, not_after: _dt.datetime):
    """A subordinate CA certificate (pathlen 0, keyCertSign/cRLSign, key identifiers)."""
    from cryptography import x509
    from .issuance import _throwaway_signer, _utc, resign
    builder = (x509.CertificateBuilder()
               .subject_name(subject).issuer_name(issuer_cert.subject)
               .public_key(public_key).serial_number(int(serial))
               .not_valid_before(_utc(not_before)).not_valid_after(_utc(not_after))
               .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                            key_encipherment=False, data_encipherment=False,
                                            key_agreement=False, key_cert_sign=True, crl_sign=True,
                                            encipher_only=False, decipher_only=False), critical=True)
               .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), False)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                   issuer_cert.public_key()), False))
    draft = builder.sign(_throwaway_signer(), None)
    return x509.load_der_x509_certificate(resign(der_bytes(draft), issuer_key, "sha256"))


#: Where the simulated public CA says its CRL, CA certificate and OCSP responder are
#: (the reserved .invalid domain: nothing can ever answer).
PUBLIC_CRL_URL = "http://crl.exshell-lab-pki.invalid/issuing-ca-1.crl"
PUBLIC_CA_ISSUERS_URL = "http://certs.exshell-lab-pki.invalid/issuing-ca-1.crt"
PUBLIC_OCSP_URL = "http://ocsp.exshell-lab-pki.invalid"
#: CA/Browser Forum "organization validated" policy.
OV_POLICY = "2.23.140.1.2.2"


class NoSubjectAltNamesError(ValueError):
    """The request has no subjectAltName extension (public CAs refuse it)."""


def _issue_public_leaf(*, request, ca_cert, ca_key, serial: int, not_before: _dt.datetime,
                       not_after: _dt.datetime):
    """What a public CA issues for a TLS request: the request's subject and SAN
    (a public CA requires one), keyUsage, EKU serverAuth and clientAuth, key
    identifiers, the CRL and AIA/OCSP locations and the OV certificate policy."""
    from cryptography import x509
    from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID
    from .issuance import _throwaway_signer, _utc, resign
    pub = request.public_key()
    builder = (x509.CertificateBuilder()
               .subject_name(request.subject).issuer_name(ca_cert.subject)
               .public_key(pub).serial_number(int(serial))
               .not_valid_before(_utc(not_before)).not_valid_after(_utc(not_after)))
    try:
        san = request.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        builder = builder.add_extension(san, critical=False)
    except x509.ExtensionNotFound:
        raise NoSubjectAltNamesError("a public CA needs subject alternative names") from None
    builder = (builder
               .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                            key_encipherment=True, data_encipherment=False,
                                            key_agreement=False, key_cert_sign=False, crl_sign=False,
                                            encipher_only=False, decipher_only=False), critical=True)
               .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH,
                                                     ExtendedKeyUsageOID.CLIENT_AUTH]), False)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(pub), False)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key()), False)
               .add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
                   [x509.UniformResourceIdentifier(PUBLIC_CRL_URL)], None, None, None)]), False)
               .add_extension(x509.AuthorityInformationAccess([
                   x509.AccessDescription(AuthorityInformationAccessOID.OCSP,
                                          x509.UniformResourceIdentifier(PUBLIC_OCSP_URL)),
                   x509.AccessDescription(AuthorityInformationAccessOID.CA_ISSUERS,
                                          x509.UniformResourceIdentifier(PUBLIC_CA_ISSUERS_URL))]), False)
               .add_extension(x509.CertificatePolicies([x509.PolicyInformation(
                   x509.ObjectIdentifier(OV_POLICY), None)]), False))
    draft = builder.sign(_throwaway_signer(), None)
    return x509.load_der_x509_certificate(resign(der_bytes(draft), ca_key, "sha256"))


class LabPublicCertificateAuthority(_Authority):
    """A simulated public CA: a root every client trusts (ThirdParty root store) and an
    issuing CA that signs requests.  Its responses carry the issuing CA, as public CAs
    deliver the "intermediate" with the certificate."""

    issuing_cert = _Held()
    root_key = _Held()

    def __init__(self, organization):
        self.organization = organization
        clock = organization.clock
        keys = organization.key_source
        serials = organization.serials
        start = (clock.now() - CA_INSTALLED_AGO).replace(microsecond=0)
        self.root_key = keys.new_rsa_key(2048)
        self.cert = issue_ca_root(key=self.root_key, subject=parse_dn(PUBLIC_ROOT_SUBJECT),
                                  serial=serials.next(), not_before=start,
                                  not_after=start.replace(year=start.year + CA_YEARS))
        self.key = keys.new_rsa_key(2048)
        self.issuing_cert = _issue_intermediate(
            subject=parse_dn(PUBLIC_ISSUING_SUBJECT), public_key=self.key.public_key(),
            issuer_cert=self.cert, issuer_key=self.root_key, serial=serials.next(),
            not_before=start, not_after=start.replace(year=start.year + CA_YEARS - 5))
        self.issued: List[object] = []

    @property
    def name(self) -> str:
        return PUBLIC_ISSUING_SUBJECT

    def trust_on(self, server) -> None:
        if _thumbprint(self.cert) not in server.roots:
            server.add_trusted_root(self.cert, PUBLIC_ROOT_KIND)

    def issue(self, request_data, *, validity: _dt.timedelta = PUBLIC_VALIDITY):
        from .codec import load_request
        request = load_request(request_data)
        now = self.organization.clock.now().replace(microsecond=0)
        cert = _issue_public_leaf(request=request, ca_cert=self.issuing_cert, ca_key=self.key,
                                  serial=self.organization.serials.next(),
                                  not_before=now - _dt.timedelta(minutes=10),
                                  not_after=now + validity)
        self.issued.append(cert)
        return cert

    def response(self, cert, *, with_chain: bool = True) -> bytes:
        if with_chain:
            from .codec import pkcs7_bytes
            return pkcs7_bytes([cert, self.issuing_cert])
        return der_bytes(cert)


def _thumbprint(cert) -> str:
    from .store import StoreEntry
    return StoreEntry(cert).thumbprint


def public_authority(organization) -> LabPublicCertificateAuthority:
    """The organisation's simulated public CA (built on first use).  Its root is made
    trusted on every server once, when it is built (as Windows ships the public roots);
    servers added later get it from Organization.add_server.  A root the user removes
    stays removed."""
    ca = organization.public_ca
    if ca is None:
        ca = LabPublicCertificateAuthority(organization)
        organization.public_ca = ca
        for server in organization.servers:
            ca.trust_on(server)
    return ca
