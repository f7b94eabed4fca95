"""Server behaviour: lookups, Services derivation, Status, New/Enable/Remove rules,
errors, and "a failed operation changes nothing"."""
from __future__ import annotations

import datetime

import pytest

from exshell.exchange import (AllowedServices as S, CertificateAuthorityType as RootType,
                              CertificateStatus as Status, ExchangeError)
from exshell.exchange.organization import SendConnector

from exchange_fixtures import NOW, make_org

SETUP = "DC6D478B6DB9449D50FE8C2BB5D36ED11C7C7F32"   # 2010 setup certificate (pinned)


def codes(server):
    return {c.Thumbprint: c.ServicesStringForm for c in server.certificates()}


def renew(server, answer_yes: bool, **kwargs):
    """The article's step 2: Get | New-ExchangeCertificate, answering the SMTP question."""
    old = server.get_certificate(SETUP)
    plan = server.plan_new_certificate(instance=old, **kwargs)
    pending = server.build_certificate(plan)
    question = server.smtp_question(pending, plan.services)
    return pending, question, server.install_certificate(pending, make_default_smtp=answer_yes)


# ------------------------------------------------------------------ lookups

@pytest.mark.parametrize("typed", [
    SETUP,
    SETUP.lower(),
    " ".join(SETUP[i:i + 2] for i in range(0, 40, 2)).lower(),      # MMC "aa bb cc" form
])
def test_thumbprint_normalisation_finds(server, typed):
    assert server.get_certificate(typed).Thumbprint == SETUP


@pytest.mark.parametrize("typed", [
    " " + SETUP,              # leading junk is not trimmed
    SETUP + " ",
    SETUP[:10] + " " + SETUP[10:],   # a space, but not in the third position
    "\u200e" + SETUP,         # the invisible mark MMC copies add
])
def test_thumbprint_normalisation_limits(server, typed):
    with pytest.raises(ExchangeError) as info:
        server.get_certificate(typed)
    assert info.value.error_id == "CertificateNotFound"


@pytest.mark.parametrize("purpose, category", [
    ("get", "NotSpecified"), ("enable", "ObjectNotFound"), ("remove", "ObjectNotFound"),
    ("export", "ObjectNotFound"),
])
def test_not_found_category_by_cmdlet(server, purpose, category):
    missing = "0123456789ABCDEF0123456789ABCDEF01234567"
    with pytest.raises(ExchangeError) as info:
        server.get_certificate(missing, purpose)
    err = info.value
    assert err.message == "The certificate with thumbprint %s was not found." % missing
    assert err.category == category
    assert err.exception_type == "InvalidOperationException"
    assert err.server == "EX01" and err.rpc
    assert err.display_message() == ("A special Rpc error occurs on server EX01: The certificate "
                                     "with thumbprint %s was not found." % missing)
    if purpose == "get":
        assert err.hex_id == "71D7F7B0"


def test_found_but_not_valid(server):
    entry = server.my.get(SETUP)
    entry.key = None                       # a certificate without its private key
    assert SETUP not in codes(server)      # silently left out of the listing
    with pytest.raises(ExchangeError) as info:
        server.get_certificate(SETUP)
    assert info.value.message == ("The certificate with thumbprint %s was found but is not valid "
                                  "for use with Exchange Server (reason: PrivateKeyMissing)." % SETUP)
    assert info.value.category == "NotSpecified"
    with pytest.raises(ExchangeError) as info:
        server.plan_enable(SETUP, "IIS")
    assert info.value.hex_id == "DA6D9EA1"
    # -NetworkServiceAllowed skips the validity check
    assert server.plan_enable(SETUP, "IIS", network_service_allowed=True).thumbprint == SETUP


def test_listing_is_newest_first(server):
    _, _, new = renew(server, answer_yes=False)
    assert [c.Thumbprint for c in server.certificates()] == [new.Thumbprint, SETUP]


def test_get_server(org):
    assert org.get_server("ex01") is org.local_server
    assert org.get_server("EX01.CONTOSO.COM") is org.local_server
    with pytest.raises(ExchangeError) as info:
        org.get_server("EX02")
    err = info.value
    assert err.error_id == "ErrorServerNotFound"
    assert err.message == ("The operation couldn't be performed because object 'EX02' couldn't be "
                           "found on 'DC01.contoso.com'.")
    assert err.exception_type == "ManagementObjectNotFoundException"
    assert not err.rpc and err.display_message() == err.message


def test_certificates_for_domains_prefers_ca_issued_over_self_signed(server):
    assert [c.Thumbprint for c in server.certificates_for_domains(["ex01.contoso.com"])] == [SETUP]
    assert server.certificates_for_domains(["mail.contoso.com"]) == []


# ------------------------------------------------------------------ derivation (§1.5)

def test_setup_certificate_2010(server):
    cert = server.get_certificate(SETUP)
    assert cert.Services == S.IMAP | S.POP | S.IIS | S.SMTP
    assert cert.ServicesStringForm == "IP.WS."
    assert (cert.Status, cert.RootCAType) == (Status.Valid, RootType.Registry)
    assert [str(i) for i in cert.IisServices] == ["IIS://EX01/W3SVC/1"]
    assert [r.IdentityReference.Value for r in cert.AccessRules] == [
        "NT AUTHORITY\\SYSTEM", "BUILTIN\\Administrators", "NT AUTHORITY\\NETWORK SERVICE"]
    assert cert.FriendlyName == "Microsoft Exchange" and cert.PrivateKeyExportable is False


def test_article_renewal_answer_yes(server):
    pending, question, new = renew(server, answer_yes=True)
    assert question.current.Thumbprint == SETUP and question.new.Thumbprint == pending.thumbprint
    assert new.ServicesStringForm == "......"         # 2010 shows it as created
    assert codes(server) == {new.Thumbprint: "IP..S.", SETUP: "IP.WS."}
    assert server.internal_transport_thumbprint == new.Thumbprint
    assert new.RootCAType == RootType.None_           # not copied to Root


def test_answering_no_still_shows_smtp(server):
    _, _, new = renew(server, answer_yes=False)
    assert codes(server)[new.Thumbprint] == "IP..S."
    assert server.internal_transport_thumbprint == SETUP


@pytest.mark.parametrize("services, new_code, old_code", [
    ("IIS", "IP.WS.", "IP..S."),          # the IIS binding moves
    ("None", "IP..S.", "IP.WS."),         # a silent no-op
    ("SMTP", "IP..S.", "IP.WS."),         # SMTP cannot be taken away from the old one
])
def test_enable_after_renewal(server, services, new_code, old_code):
    _, _, new = renew(server, answer_yes=False)
    plan = server.plan_enable(new.Thumbprint, services)
    server.apply_enable(plan, make_default_smtp=False)
    assert codes(server) == {new.Thumbprint: new_code, SETUP: old_code}


def test_enable_imap_moves_it_to_the_new_certificate(server):
    plan = server.plan_new_certificate(subject_name="CN=mail.contoso.com",
                                       domain_names=["mail.contoso.com"], services=S.IIS)
    new = server.install_certificate(server.build_certificate(plan), make_default_smtp=False)
    assert codes(server) == {new.Thumbprint: "...W..", SETUP: "IP..S."}
    server.apply_enable(server.plan_enable(new.Thumbprint, "IMAP"), make_default_smtp=False)
    assert server.imap_x509_name == "mail.contoso.com"
    assert codes(server) == {new.Thumbprint: "I..WS.", SETUP: ".P..S."}


def test_enable_smtp_question_and_default(server):
    _, _, new = renew(server, answer_yes=False)
    plan = server.plan_enable(new.Thumbprint, "SMTP")
    assert plan.smtp_question.current.Thumbprint == SETUP
    assert plan.smtp_question.new.Thumbprint == new.Thumbprint
    server.apply_enable(plan, make_default_smtp=True)
    assert server.internal_transport_thumbprint == new.Thumbprint
    assert server.plan_enable(new.Thumbprint, "SMTP").smtp_question is None
    assert server.plan_enable(new.Thumbprint, "IIS").smtp_question is None


def test_new_output_on_2013_shows_services_after_enabling(org2013):
    server = org2013.local_server
    old = [c for c in server.certificates() if c.Subject == "CN=EX01"][0]
    plan = server.plan_new_certificate(instance=old)
    new = server.install_certificate(server.build_certificate(plan), make_default_smtp=False)
    assert new.ServicesStringForm == "IP..S.."
    assert new.SignatureAlgorithm.FriendlyName == "sha256RSA"
    assert new.Identity == "EX01.contoso.com\\" + new.Thumbprint


# ------------------------------------------------------------------ status (§3.5)

def test_expired_certificate_is_date_invalid():
    org = make_org("2010")
    server = org.local_server
    org.clock.set(NOW + datetime.timedelta(days=24))
    cert = server.get_certificate(SETUP)
    assert (cert.Status, cert.RootCAType) == (Status.DateInvalid, RootType.Registry)
    assert SETUP in codes(server)         # still listed: expiry is not a validity reason
    org.clock.set(NOW)
    assert server.get_certificate(SETUP).Status == Status.Valid


def test_ca_issued_certificate_status():
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: F401
    from exshell.exchange import PoolKeySource
    from exshell.exchange.names import simple_name
    org = make_org("2010")
    server = org.local_server
    keys = PoolKeySource()
    ca_key, leaf_key = keys.new_rsa_key(2048), keys.new_rsa_key(2048)
    ca_name, leaf_name = simple_name("Contoso Root CA"), simple_name("mail.contoso.com")
    when = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(7).not_valid_before(when)
          .not_valid_after(when.replace(year=2036))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .sign(ca_key, hashes.SHA256()))
    leaf = (x509.CertificateBuilder().subject_name(leaf_name).issuer_name(ca_name)
            .public_key(leaf_key.public_key()).serial_number(8).not_valid_before(when)
            .not_valid_after(when.replace(year=2028))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("mail.contoso.com")]), False)
            .sign(ca_key, hashes.SHA256()))
    entry = server.add_certificate(leaf, leaf_key, friendly_name="")
    view = server.get_certificate(entry.thumbprint)
    assert (view.Status, view.RootCAType, view.IsSelfSigned) == (Status.Untrusted, RootType.Unknown, False)
    assert view.FriendlyName == "CN=Contoso Root CA"      # empty FriendlyName -> Issuer
    server.add_trusted_root(ca, "ThirdParty")
    view = server.get_certificate(entry.thumbprint)
    assert (view.Status, view.RootCAType) == (Status.Valid, RootType.ThirdParty)
    # the CA-issued certificate is the one picked for its name
    server.apply_enable(server.plan_enable(entry.thumbprint, "IIS"), make_default_smtp=False)
    assert server.certificates_for_domains(["mail.contoso.com"])[0].Thumbprint == entry.thumbprint


# ------------------------------------------------------------------ New (§2.2)

def test_new_defaults(server):
    plan = server.plan_new_certificate()
    assert plan.subject_text == "CN=EX01"
    assert plan.domains == ["EX01", "EX01.contoso.com"]
    assert (plan.friendly_name, plan.key_size, plan.services) == ("Microsoft Exchange", 2048, S.SMTP)
    assert plan.private_key_exportable is False
    assert plan.describe() == ('Generate a self-signed certificate with friendly name "Microsoft '
                               'Exchange", subject "CN=EX01", domain names "EX01, EX01.contoso.com", '
                               'services "SMTP" and key size 2048.')


def test_clone_copies_names_size_friendly_name_not_services(server):
    entry = server.my.get(SETUP)
    entry.friendly_name = "Old name"
    old = server.get_certificate(SETUP)
    plan = server.plan_new_certificate(instance=old, friendly_name="Ignored", services=S.IIS)
    assert (plan.subject_text, plan.domains, plan.key_size, plan.friendly_name) == (
        "CN=EX01", ["EX01", "EX01.contoso.com"], 2048, "Old name")
    assert plan.services == S.IIS
    assert server.plan_new_certificate(instance=old).services == S.SMTP


def test_subject_and_domain_rules(server):
    auth = server.plan_new_certificate(subject_name="cn=Microsoft Exchange Server Auth Certificate",
                                       domain_names=[])
    assert auth.domains == [] and auth.subject_text == "CN=Microsoft Exchange Server Auth Certificate"
    only_subject = server.plan_new_certificate(subject_name="C=US, O=Contoso, CN=mail.contoso.com")
    assert only_subject.domains == ["mail.contoso.com"]
    assert only_subject.subject_text == "C=US, O=Contoso, CN=mail.contoso.com"
    only_domains = server.plan_new_certificate(domain_names=["mail.contoso.com", "MAIL.contoso.com",
                                                             "*.contoso.com"],
                                               include_autodiscover=True,
                                               include_server_fqdn=True)
    assert only_domains.domains == ["mail.contoso.com", "*.contoso.com",
                                    "autodiscover.contoso.com", "EX01.contoso.com"]
    assert only_domains.subject_text == "CN=mail.contoso.com"


@pytest.mark.parametrize("kwargs, error_id", [
    ({"subject_name": "cn=Microsoft Exchange Server Auth Certificate"}, "SubjectCnNotValidFQDN"),
    ({"subject_name": "XX=what"}, "InvalidSubjectName"),
    ({"subject_name": "CN=a, C=USA"}, "InvalidSubjectName"),
    ({"domain_names": ["mail contoso com"]}, "DomainNameIsNotValidForCertificate"),
    ({"domain_names": ["mail.*.com"]}, "DomainNameIsNotValidForCertificate"),
    ({"friendly_name": "x" * 64}, "FriendlyNameTooLong"),
    ({"key_size": 1000}, "InvalidKeySize"),
    ({"services": S.UMCallRouter}, "ServicesNotSupported"),
    ({"services": S.UM}, "EnableCertificateServiceNotInstalled"),
    ({"subject_key_identifier": "xyz"}, "SubjectKeyIdentifierInvalid"),
])
def test_new_argument_errors(server, kwargs, error_id):
    before = server.state()
    with pytest.raises(ExchangeError) as info:
        server.plan_new_certificate(**kwargs)
    assert info.value.error_id == error_id
    assert info.value.category == "InvalidArgument"
    assert server.state() == before


def test_friendly_name_of_63_characters_is_accepted(server):
    assert server.plan_new_certificate(friendly_name="x" * 63).friendly_name == "x" * 63


# ------------------------------------------------------------------ Enable (§2.3)

@pytest.mark.parametrize("version, services, error_id", [
    ("2010", "Federation", "EnableCertificateFederation"),
    ("2010", "UM", "EnableCertificateServiceNotInstalled"),
    ("2013", "UMCallRouter", "EnableCertificateServiceNotInstalled"),
    ("2019", "UM", "EnableCertificateServiceNotInstalled"),
])
def test_enable_refusals(version, services, error_id):
    org = make_org(version)
    server = org.local_server
    if version == "2013":
        server.roles = ("Mailbox",)       # a back-end-only server has no call router
    before = server.state()
    thumb = [c for c in server.certificates() if c.Subject == "CN=EX01"][0].Thumbprint
    with pytest.raises(ExchangeError) as info:
        server.plan_enable(thumb, services)
    assert info.value.error_id == error_id
    assert info.value.category == "InvalidArgument"
    assert server.state() == before


def test_role_checks_come_before_lookup(server):
    server.roles = ("Mailbox",)
    with pytest.raises(ExchangeError) as info:
        server.plan_enable("0" * 40, "SMTP")
    assert info.value.error_id == "EnableCertificateServiceNotInstalled"
    assert "Hub Transport" in info.value.message


# ------------------------------------------------------------------ Remove (§2.4)

def test_default_smtp_certificate_cannot_be_removed(server):
    before = server.state()
    with pytest.raises(ExchangeError) as info:
        server.remove_certificate(SETUP)
    assert info.value.error_id == "CannotRemoveInternalTransportCertificate"
    assert info.value.category == "InvalidArgument"
    assert server.state() == before


def test_article_step_5_removes_the_old_certificate(server):
    _, _, new = renew(server, answer_yes=True)
    server.apply_enable(server.plan_enable(new.Thumbprint, "IIS"), make_default_smtp=False)
    server.remove_certificate(SETUP)
    assert codes(server) == {new.Thumbprint: "IP.WS."}
    with pytest.raises(ExchangeError) as info:
        server.remove_certificate(SETUP)
    assert (info.value.error_id, info.value.category) == ("CertificateNotFound", "ObjectNotFound")


def test_send_connector_blocks_removal(org, server):
    _, _, new = renew(server, answer_yes=True)
    org.send_connectors.append(SendConnector("Internet", "<I>CN=EX01<S>CN=EX01"))
    org.send_connectors.append(SendConnector("Partner", "<i>cn=ex01<s>cn=ex01"))
    before = server.state()
    with pytest.raises(ExchangeError) as info:
        server.remove_certificate(SETUP)
    assert info.value.message.startswith(
        "These certificates are tagged with following Send Connectors : Internet, Partner. ")
    assert server.state() == before


def test_failed_lookup_changes_nothing(server):
    before = server.state()
    for call in (lambda: server.plan_enable("1" * 40, "IIS"),
                 lambda: server.remove_certificate("1" * 40),
                 lambda: server.get_certificate("nope")):
        with pytest.raises(ExchangeError):
            call()
    assert server.state() == before


def test_instance_may_be_any_object_with_raw_data(server):
    class Selected:                        # e.g. what Select-Object leaves
        RawData = server.get_certificate(SETUP).RawData
        FriendlyName = "Picked"

    plan = server.plan_new_certificate(instance=Selected())
    assert (plan.subject_text, plan.domains, plan.friendly_name) == (
        "CN=EX01", ["EX01", "EX01.contoso.com"], "Picked")
    with pytest.raises(ExchangeError) as info:
        server.plan_new_certificate(instance="CN=EX01")
    assert (info.value.error_id, info.value.category) == ("InvalidInstance", "InvalidArgument")
