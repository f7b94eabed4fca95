"""Pending requests, the lab CA, Import-/Export-ExchangeCertificate data rules."""
from __future__ import annotations

import base64

import pytest

from exshell.exchange import AllowedServices as S, CertificateAuthorityType as RootType, \
    CertificateStatus as Status, ExchangeError
from exshell.exchange.codec import REQUEST_BEGIN, REQUEST_END, decode_import_data, ImportBase64Error


SETUP = "DC6D478B6DB9449D50FE8C2BB5D36ED11C7C7F32"


def make_request(server, **kwargs):
    args = dict(generate_request=True, subject_name="C=US, O=Contoso, CN=mail.contoso.com",
                domain_names=["mail.contoso.com", "autodiscover.contoso.com"],
                friendly_name="Contoso 2026", private_key_exportable=True)
    args.update(kwargs)
    plan = server.plan_new_certificate(**args)
    pending = server.build_certificate(plan)
    return pending, server.install_certificate(pending, make_default_smtp=False)


def test_pending_request_in_listing_and_text(server):
    pending, view = make_request(server)
    assert (view.Status, view.IsSelfSigned, view.RootCAType) == (
        Status.PendingRequest, False, RootType.Unknown)
    assert view.Services == S.None_ and view.HasPrivateKey
    assert server.certificates()[0].Thumbprint == view.Thumbprint     # newest first
    text = pending.request_text()
    lines = text.split("\n")
    assert lines[0] == REQUEST_BEGIN and lines[-2] == REQUEST_END and lines[-1] == ""
    assert all(len(line) == 64 for line in lines[1:-3])
    assert base64.b64decode("".join(lines[1:-2])) == pending.request_der
    assert view.CertificateRequest == base64.b64encode(pending.request_der).decode()
    # the request carries the subject, the SANs and (2010) a SHA-1 signature
    req = pending.request
    from cryptography.hazmat.primitives.asymmetric import padding
    # (cryptography's is_signature_valid refuses SHA-1, so verify by hand)
    pending.key.public_key().verify(req.signature, req.tbs_certrequest_bytes, padding.PKCS1v15(),
                                    req.signature_hash_algorithm)
    assert req.signature_hash_algorithm.name == "sha1"
    from cryptography import x509
    san = req.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["mail.contoso.com", "autodiscover.contoso.com"]


def test_services_with_request_are_refused(server):
    with pytest.raises(ExchangeError) as info:
        server.plan_new_certificate(generate_request=True, services=S.IIS)
    assert info.value.error_id == "ServicesWithGenerateRequest"


def test_pending_request_cannot_be_enabled_but_can_be_removed_and_exported(server):
    pending, view = make_request(server)
    with pytest.raises(ExchangeError) as info:
        server.plan_enable(view.Thumbprint, "IIS")
    assert info.value.error_id == "CertificateNotFound"
    assert server.export_certificate(view.Thumbprint) == pending.request_text()
    assert server.export_certificate(view.Thumbprint, binary=True) == pending.request_der
    server.remove_certificate(view.Thumbprint)
    assert view.Thumbprint not in {c.Thumbprint for c in server.certificates()}


@pytest.mark.parametrize("with_chain", [True, False])
def test_complete_request_with_lab_ca(org, server, with_chain):
    pending, view = make_request(server)
    ca = org.certificate_authority
    response = ca.response(ca.issue(pending.request_text()), with_chain=with_chain)
    plan = server.plan_import(response)
    assert plan.completes_request
    cert = server.apply_import(plan)
    assert (cert.Status, cert.RootCAType, cert.IsSelfSigned) == (Status.Valid, RootType.Enterprise, False)
    assert cert.Issuer == "CN=contoso-DC01-CA, DC=contoso, DC=com"
    assert cert.Subject == "C=US, O=Contoso, CN=mail.contoso.com"
    assert (cert.FriendlyName, cert.PrivateKeyExportable, cert.HasPrivateKey) == ("Contoso 2026", True, True)
    thumbs = [c.Thumbprint for c in server.certificates()]
    assert view.Thumbprint not in thumbs and cert.Thumbprint in thumbs
    # a CA-issued certificate is preferred for its names
    assert server.certificates_for_domains(["mail.contoso.com"])[0].Thumbprint == cert.Thumbprint


def test_response_from_untrusted_ca_is_refused(org, server):
    pending, _ = make_request(server)
    ca = org.certificate_authority
    response = ca.response(ca.issue(pending.request_der), with_chain=False)
    server.roots.pop(next(t for t, r in server.roots.items() if r.kind == "Enterprise"))
    before = server.state()
    with pytest.raises(ExchangeError) as info:
        server.plan_import(response)
    assert (info.value.error_id, info.value.category) == ("ImportCertificateUntrustedRoot", "ReadError")
    assert server.state() == before


def test_pfx_round_trip_between_servers(org, server):
    pending, _ = make_request(server)
    ca = org.certificate_authority
    cert = server.apply_import(server.plan_import(ca.response(ca.issue(pending.request_der))))
    pfx = server.export_certificate(cert.Thumbprint, password="P@ssw0rd", binary=True)
    text = server.export_certificate(cert.Thumbprint, password="P@ssw0rd")
    assert isinstance(text, str) and base64.b64decode(text)[:1] == b"\x30"
    ex02 = org.add_server("EX02")
    before = ex02.state()
    with pytest.raises(ExchangeError) as info:
        ex02.plan_import(pfx, password="wrong")
    err = info.value
    assert (err.error_id, err.category, err.hex_id) == ("ImportCertificateDataInvalid", "ReadError", "A39CF339")
    assert err.message == "The source data cannot be imported or the wrong password was specified."
    assert ex02.state() == before
    imported = ex02.apply_import(ex02.plan_import(text, password="P@ssw0rd"))
    assert imported.Identity == "EX02.contoso.com\\" + cert.Thumbprint
    assert imported.HasPrivateKey and imported.PrivateKeyExportable is False
    assert imported.FriendlyName == "Contoso 2026"          # kept from the PFX
    assert imported.RootCAType == RootType.Enterprise
    with pytest.raises(ExchangeError) as info:
        ex02.plan_import(pfx, password="P@ssw0rd")
    assert info.value.message == ("Cannot import certificate. A certificate with the thumbprint %s "
                                  "already exists." % cert.Thumbprint)
    assert info.value.category == "WriteError"


def test_public_only_certificate_is_hidden_and_cannot_be_enabled(org, server):
    ex02 = org.add_server("EX02")
    setup_der = server.get_certificate(SETUP).RawData
    view = ex02.apply_import(ex02.plan_import(setup_der))
    assert view.HasPrivateKey is False
    assert SETUP not in {c.Thumbprint for c in ex02.certificates()}
    with pytest.raises(ExchangeError) as info:
        ex02.plan_enable(SETUP, "IIS")
    assert info.value.message.endswith("(reason: PrivateKeyMissing).")


@pytest.mark.parametrize("password, error_id", [
    (None, "ExportWithPrivateKeyRequiresPassword"),
    ("", "ExportWithPrivateKeyRequiresPassword"),
    ("x", "ExportCertificateKeyNotExportable"),
])
def test_export_checks(server, password, error_id):
    with pytest.raises(ExchangeError) as info:
        server.export_certificate(SETUP, password=password)
    assert (info.value.error_id, info.value.category) == (error_id, "InvalidArgument")


def test_export_text_of_non_exportable_key(server):
    with pytest.raises(ExchangeError) as info:
        server.export_certificate(SETUP, password="x")
    assert info.value.display_message() == (
        "A special Rpc error occurs on server EX01: The private key couldn't be exported as "
        "PKCS-12. It either couldn't be accessed or isn't exportable.")


@pytest.mark.parametrize("data, error_id", [
    (b"", "ImportCertificateDataInvalid"),
    (b"\x30\x03\x02\x01\x01", "ImportCertificateDataInvalid"),
    ("not base64 !!", "ImportCertificateBase64DataInvalid"),
    (b"\xff\xfe garbage", "ImportCertificateDataInvalid"),
])
def test_import_bad_data(server, data, error_id):
    with pytest.raises(ExchangeError) as info:
        server.plan_import(data)
    assert info.value.error_id == error_id
    assert info.value.category == "ReadError"


def test_import_data_decoding():
    der = b"\x30\x00"
    pem = "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n"
    assert decode_import_data(der) == der
    assert decode_import_data(pem) == der
    assert decode_import_data(pem.lower().replace("maa=", "MAA=")) == der
    assert decode_import_data(list(der)) == der
    with pytest.raises(ImportBase64Error):
        decode_import_data("@@@")


def test_new_clone_of_ca_certificate_request(org, server):
    """Renewal request for a CA certificate: Get | New -GenerateRequest copies the names."""
    pending, _ = make_request(server)
    ca = org.certificate_authority
    cert = server.apply_import(server.plan_import(ca.response(ca.issue(pending.request_der))))
    plan = server.plan_new_certificate(instance=cert, generate_request=True)
    assert plan.subject_text == "C=US, O=Contoso, CN=mail.contoso.com"
    assert plan.domains == ["mail.contoso.com", "autodiscover.contoso.com"]
    assert plan.friendly_name == "Contoso 2026" and plan.services == S.None_
