"""Federation (issue 12 item 4): the trust names the organisation's federation
certificates, which then show Federation (F, sixth position) and cannot be removed;
rotation with Set-FederationTrust; the organisation file declares a trust; the world
store keeps it."""
import pytest

from exshell.exchange.definition import build_organization
from exshell.exchange.errors import WorldFileError
from exshell.exchange.keys import PoolKeySource, SeededSerials, extra_lab_keys_source
from exshell.exchange.services import AllowedServices
from exshell.profiles import versions_where, has_federation
from exshell.testing import make_shell

FED_CERT = ('$ski = [System.Guid]::NewGuid().ToString("N"); '
            '$fc = New-ExchangeCertificate -SubjectName "CN=Federation" -DomainName "Federation" '
            '-Services Federation -KeySize 2048 -PrivateKeyExportable $true -SubjectKeyIdentifier $ski')


def run(shell, host, command):
    host.clear()
    shell.run(command)
    return host.text


def test_federation_exists_from_2010():
    assert versions_where(has_federation) == ("2010", "2013", "2016", "2019")
    shell, host = make_shell("2007")
    out = run(shell, host, "Get-FederationTrust")
    assert "is not recognized" in out


@pytest.mark.parametrize("version, code", [("2010", ".....F"), ("2016", ".....F.")])
def test_the_documented_federation_command_and_the_flag(version, code):
    shell, host = make_shell(version)
    run(shell, host, FED_CERT)
    thumb = run(shell, host, "$fc.Thumbprint").strip()
    assert run(shell, host, "$fc.Services").strip() == "None"
    # No trust yet: no Federation.
    assert run(shell, host, "(Get-ExchangeCertificate %s).ServicesStringForm" % thumb).strip() == "." * len(code)
    out = run(shell, host, 'New-FederationTrust -Name "Microsoft Federation Gateway" -Thumbprint $fc.Thumbprint')
    assert "Microsoft Federat..." in out            # the default table cuts the name at 20
    form = run(shell, host, "(Get-ExchangeCertificate %s).ServicesStringForm" % thumb).strip()
    # The trust gives NETWORK SERVICE the key: SMTP as on a transport server, and F.
    assert form == code[:4] + "S" + code[5:]
    assert "Federation" in run(shell, host, "(Get-ExchangeCertificate %s).Services" % thumb)
    assert run(shell, host, "(Get-FederationTrust).OrgPrivCertificate").strip() == thumb
    org = shell.organization
    assert org.local_server.services_of(org.local_server.my.get(thumb)) & AllowedServices.Federation


def test_a_federation_certificate_cannot_be_removed_until_it_is_replaced():
    shell, host = make_shell("2016")
    run(shell, host, FED_CERT)
    old = run(shell, host, "$fc.Thumbprint").strip()
    run(shell, host, 'New-FederationTrust -Name "Microsoft Federation Gateway" -Thumbprint $fc.Thumbprint')
    out = run(shell, host, "Remove-ExchangeCertificate %s -Confirm:$false" % old)
    assert "is used by a federation trust" in out and "InvalidArgument" in out
    assert old in shell.organization.local_server.my
    # Rotate: stage, publish; the old one stays the previous certificate (still F).
    run(shell, host, FED_CERT)
    new = run(shell, host, "$fc.Thumbprint").strip()
    run(shell, host, 'Set-FederationTrust "Microsoft Federation Gateway" -Thumbprint %s' % new)
    assert run(shell, host, "(Get-FederationTrust).OrgNextPrivCertificate").strip() == new
    run(shell, host, 'Set-FederationTrust "Microsoft Federation Gateway" -PublishFederationCertificate')
    trust = shell.organization.federation_trusts[0]
    assert (trust.org_thumbprint, trust.prev_thumbprint, trust.next_thumbprint) == (new, old, None)
    assert "used by a federation trust" in run(shell, host, "Remove-ExchangeCertificate %s -Confirm:$false" % old)
    # Dropping the old trust frees both.
    run(shell, host, 'Remove-FederationTrust "Microsoft Federation Gateway" -Confirm:$false')
    assert run(shell, host, "Remove-ExchangeCertificate %s -Confirm:$false" % old) == ""
    assert old not in shell.organization.local_server.my


def _states(shell, host, thumbprint):
    """The State of each Test-FederationTrustCertificate result for ``thumbprint``."""
    out = run(shell, host, "Test-FederationTrustCertificate | Where-Object { $_.Thumbprint -eq '%s' } "
                           "| ForEach-Object { $_.State }" % thumbprint)
    return sorted(out.split())


def test_exchange_copies_the_certificates_and_publishing_waits_for_every_server():
    shell, host = make_shell("2016", organization="orgs/three-servers-2016.toml")
    org = shell.organization
    run(shell, host, FED_CERT)
    old = run(shell, host, "$fc.Thumbprint").strip()
    run(shell, host, 'New-FederationTrust -Name "Microsoft Federation Gateway" -Thumbprint $fc.Thumbprint')
    # The Service Host copied the certificate, with its key, to the other servers.
    assert all(old in s.my and s.my.get(old).has_key for s in org.servers)
    assert _states(shell, host, old) == ["Installed"] * 3
    out = run(shell, host, "Test-FederationTrustCertificate")
    assert "Default-First-Site-Name" in out and "EX02" not in out    # no server names on 2016
    # EX02's Service Host is stopped: the next certificate does not reach it.
    org.get_server("EX02").set_service_status("MSExchangeServiceHost", False)
    run(shell, host, FED_CERT)
    new = run(shell, host, "$fc.Thumbprint").strip()
    out = run(shell, host, 'Set-FederationTrust "Microsoft Federation Gateway" -Thumbprint %s' % new)
    assert out.startswith("WARNING: The federation trust has changed to use a new certificate")
    assert "Get-FederatedDomainProof" in out
    assert new not in org.get_server("EX02").my and new in org.get_server("EX03").my
    assert _states(shell, host, new) == ["Installed", "Installed", "NotInstalled"]
    out = run(shell, host, 'Set-FederationTrust "Microsoft Federation Gateway" -PublishFederationCertificate')
    assert "isn't installed on these servers yet: EX02." in out and "WARNING" not in out
    assert org.federation_trusts[0].next_thumbprint == new      # nothing changed
    # Started again, the Service Host catches up; then publishing works.
    org.get_server("EX02").set_service_status("MSExchangeServiceHost", True)
    out = run(shell, host, 'Set-FederationTrust "Microsoft Federation Gateway" -PublishFederationCertificate')
    assert out.startswith("WARNING: The federation trust has changed")   # the TXT records, again
    trust = org.federation_trusts[0]
    assert (trust.org_thumbprint, trust.next_thumbprint, trust.prev_thumbprint) == (new, None, old)
    assert new in org.get_server("EX02").my
    out = run(shell, host, "Test-FederationTrustCertificate | Where-Object { $_.State -ne 'Installed' }")
    assert out.strip() == ""


def test_staging_with_whatif_neither_warns_nor_changes():
    shell, host = make_shell("2010")
    run(shell, host, FED_CERT)
    run(shell, host, 'New-FederationTrust -Name "Microsoft Federation Gateway" -Thumbprint $fc.Thumbprint')
    run(shell, host, FED_CERT)
    out = run(shell, host, 'Set-FederationTrust "Microsoft Federation Gateway" -Thumbprint $fc.Thumbprint -WhatIf')
    assert out.startswith("What if:") and "WARNING" not in out
    assert shell.organization.federation_trusts[0].next_thumbprint is None


@pytest.mark.parametrize("version, named", [("2010", True), ("2013", False), ("2019", False)])
def test_only_2010_names_the_servers_in_the_certificate_status(version, named):
    shell, host = make_shell(version)
    run(shell, host, FED_CERT)
    run(shell, host, 'New-FederationTrust -Name "Microsoft Federation Gateway" -Thumbprint $fc.Thumbprint')
    out = run(shell, host, "(Test-FederationTrustCertificate).Server")
    assert out.strip() == ("EX01" if named else "")


def test_domain_proofs_follow_the_certificates_and_domains():
    shell, host = make_shell("2016")
    assert "There is no federation trust" in run(shell, host, "Get-FederatedDomainProof -DomainName contoso.com")
    run(shell, host, FED_CERT)
    old = run(shell, host, "$fc.Thumbprint").strip()
    run(shell, host, 'New-FederationTrust -Name "Microsoft Federation Gateway" -Thumbprint $fc.Thumbprint')
    run(shell, host, FED_CERT)
    new = run(shell, host, "$fc.Thumbprint").strip()
    run(shell, host, 'Set-FederationTrust "Microsoft Federation Gateway" -Thumbprint %s 3>$null' % new)
    out = run(shell, host, "Get-FederatedDomainProof -DomainName contoso.com | ForEach-Object { $_.Thumbprint + ' ' + $_.Proof }")
    rows = [line.split() for line in out.splitlines()]
    assert [r[0] for r in rows] == [new, old]                    # the next certificate first
    assert all(len(r[1]) == 88 and r[1].endswith("==") for r in rows)
    assert rows[0][1] != rows[1][1]
    again = run(shell, host, "(Get-FederatedDomainProof -DomainName CONTOSO.com -Thumbprint %s).Proof" % old).strip()
    assert again == rows[1][1]                                   # the same text each time
    other = run(shell, host, "(Get-FederatedDomainProof -DomainName fabrikam.com -Thumbprint %s).Proof" % old).strip()
    assert other != again
    record = run(shell, host, "(Get-FederatedDomainProof -DomainName contoso.com -Thumbprint %s).DnsRecord" % old)
    assert record.strip() == "contoso.com IN TXT " + again


def test_federated_domains_and_the_documented_removal_order():
    shell, host = make_shell("2016", organization="orgs/three-servers-2016.toml")
    run(shell, host, FED_CERT)
    run(shell, host, 'New-FederationTrust -Name "Microsoft Federation Gateway" -Thumbprint $fc.Thumbprint')
    assert "has no account namespace" in run(shell, host, "Add-FederatedDomain -DomainName fabrikam.com")
    run(shell, host, 'Set-FederatedOrganizationIdentifier -DelegationFederationTrust "Microsoft Federation Gateway" '
                     '-AccountNamespace contoso.com -Enabled $true')
    assert run(shell, host, "Add-FederatedDomain -DomainName fabrikam.com") == ""
    assert "already a federated domain" in run(shell, host, "Add-FederatedDomain -DomainName fabrikam.com")
    assert "isn't an accepted domain" in run(shell, host, "Add-FederatedDomain -DomainName example.org")
    ident = shell.organization.federated_org_id
    assert ident.domains == ("contoso.com", "fabrikam.com")
    out = run(shell, host, "Remove-FederatedDomain -DomainName contoso.com -Force")
    assert "Remove the other federated domains first: fabrikam.com." in out
    assert "isn't a federated domain" in run(shell, host, "Remove-FederatedDomain -DomainName example.org -Force")
    assert run(shell, host, "Remove-FederatedDomain -DomainName fabrikam.com -WhatIf").startswith("What if:")
    assert ident.domains == ("contoso.com", "fabrikam.com")
    run(shell, host, "Remove-FederatedDomain -DomainName fabrikam.com -Force")
    run(shell, host, "Remove-FederatedDomain -DomainName contoso.com -Force")
    assert (ident.domains, ident.account_namespace, ident.enabled) == ((), None, False)
    # Now the trust can go, as the procedure for an expired certificate does next.
    assert run(shell, host, 'Remove-FederationTrust "Microsoft Federation Gateway" -Confirm:$false') == ""
    assert shell.organization.federation_trusts == []


@pytest.mark.parametrize("version, suppress, warned", [
    ("2010", "", True), ("2010", " -SuppressDnsWarning", False), ("2016", "", False)])
def test_new_federation_trust_warns_about_the_txt_record_on_2010(version, suppress, warned):
    shell, host = make_shell(version)
    run(shell, host, FED_CERT)
    out = run(shell, host, 'New-FederationTrust -Name MFG -Thumbprint $fc.Thumbprint' + suppress)
    assert out.startswith("WARNING: To complete the Federation configuration") == warned
    assert "Manage Federation wizard" in out if warned else "WARNING" not in out
    assert [t.name for t in shell.organization.federation_trusts] == ["MFG"]


def test_test_federation_trust_certificate_without_a_trust_shows_nothing():
    shell, host = make_shell("2013")
    assert run(shell, host, "Test-FederationTrustCertificate") == ""
    shell, host = make_shell("2007")
    assert "is not recognized" in run(shell, host, "Test-FederationTrustCertificate")


@pytest.mark.parametrize("problem, command, text", [
    ("no SKI", 'New-ExchangeCertificate -SubjectName "CN=Federation" -DomainName Federation -Services Federation',
     "doesn't have a subject key identifier"),
    ("unknown", None, "wasn't found in the local computer's certificate store"),
])
def test_new_federation_trust_checks_the_certificate(problem, command, text):
    shell, host = make_shell("2013")
    if command:
        run(shell, host, "$fc = " + command)
        thumb = "$fc.Thumbprint"
    else:
        thumb = "0" * 40
    out = run(shell, host, 'New-FederationTrust -Name MFG -Thumbprint %s' % thumb)
    assert text in out
    assert shell.organization.federation_trusts == []


def test_whatif_changes_nothing_and_names_the_trust():
    shell, host = make_shell("2019")
    run(shell, host, FED_CERT)
    out = run(shell, host, 'New-FederationTrust -Name MFG -Thumbprint $fc.Thumbprint -WhatIf')
    assert out.startswith('What if: Creating federation trust "MFG"')
    assert shell.organization.federation_trusts == []


def test_organization_identifier_and_test_federation_trust():
    shell, host = make_shell("2016")
    out = run(shell, host, "Test-FederationTrust")
    assert "FederationTrustConfiguration" in out and "Error" in out
    run(shell, host, FED_CERT)
    run(shell, host, 'New-FederationTrust -Name "Microsoft Federation Gateway" -Thumbprint $fc.Thumbprint')
    run(shell, host, 'Set-FederatedOrganizationIdentifier -DelegationFederationTrust "Microsoft Federation Gateway" '
                     '-AccountNamespace contoso.com -Enabled $true')
    out = run(shell, host, "Get-FederatedOrganizationIdentifier")
    assert "FYDIBOHF25SPDLT.contoso.com" in out and "{contoso.com}" in out and "True" in out
    out = run(shell, host, "Test-FederationTrust | Where-Object { $_.Type -ne 'Success' }")
    assert out.strip() == ""
    # The current federation certificate gone from this server: the local check fails.
    t = shell.organization.federation_trusts[0].org_thumbprint
    shell.organization.local_server.my.remove(t)
    out = run(shell, host, "Test-FederationTrust | Where-Object { $_.Type -eq 'Error' } | ForEach-Object { $_.Id }")
    assert out.split() == ["OrganizationCertificate", "TokenRequest", "TokenValidation"]
    out = run(shell, host, 'Remove-FederationTrust "Microsoft Federation Gateway" -Confirm:$false')
    assert "is used by the federated organization identifier" in out


def test_versions_differ_in_parameters():
    shell, host = make_shell("2010")
    assert "-SuppressDnsWarning" in run(shell, host, "Get-Command New-FederationTrust -Syntax")
    assert "-DefaultDomain" not in run(shell, host, "Get-Command Set-FederatedOrganizationIdentifier -Syntax")
    shell, host = make_shell("2013")
    assert "-SuppressDnsWarning" not in run(shell, host, "Get-Command New-FederationTrust -Syntax")
    assert "-DefaultDomain" in run(shell, host, "Get-Command Set-FederatedOrganizationIdentifier -Syntax")


def test_tab_completes_trust_names():
    from exshell.repl.completion import complete
    shell, host = make_shell("2016")
    run(shell, host, FED_CERT)
    run(shell, host, 'New-FederationTrust -Name "Microsoft Federation Gateway" -Thumbprint $fc.Thumbprint')
    line = "Set-FederationTrust -Identity Micro"
    texts = [c.text for c in complete(shell, line)]
    assert any("Microsoft Federation Gateway" in t for t in texts)


def test_tab_completes_accepted_and_federated_domains():
    from exshell.repl.completion import complete
    shell, host = make_shell("2016", organization="orgs/three-servers-2016.toml")
    texts = [c.text for c in complete(shell, "Get-FederatedDomainProof -DomainName fab")]
    assert any("fabrikam.com" in t for t in texts)
    assert [c.text for c in complete(shell, "Remove-FederatedDomain -DomainName fab")] == []
    run(shell, host, FED_CERT)
    run(shell, host, 'New-FederationTrust -Name "Microsoft Federation Gateway" -Thumbprint $fc.Thumbprint')
    run(shell, host, 'Set-FederatedOrganizationIdentifier -DelegationFederationTrust "Microsoft Federation Gateway" '
                     '-AccountNamespace contoso.com -Enabled $true')
    run(shell, host, "Add-FederatedDomain -DomainName fabrikam.com")
    texts = [c.text for c in complete(shell, "Remove-FederatedDomain -DomainName fab")]
    assert any("fabrikam.com" in t for t in texts)


# ---------------------------------------------------------------- organisation files

FILE = """
version = "{version}"
clock = 2026-11-28T10:00:00

[[certificates]]
id = "fed"
subject = "CN=Federation"
domains = ["Federation"]

[federation]
certificate = "fed"
{extra}
"""


def _build(version="2016", extra=""):
    return build_organization(FILE.format(version=version, extra=extra), path="lab.toml",
                              key_source=PoolKeySource(fallback=extra_lab_keys_source()),
                              serials=SeededSerials("t"))


def test_an_organisation_file_declares_a_trust():
    org = _build(extra='account_namespace = "contoso.com"\norganization_contact = "admin@contoso.com"')
    trust = org.federation_trusts[0]
    assert trust.name == "Microsoft Federation Gateway"
    entry = org.local_server.my.get(trust.org_thumbprint)
    assert org.local_server.services_of(entry).string_form(7) == "....SF."
    assert org.federated_org_id.account_namespace == "FYDIBOHF25SPDLT.contoso.com"
    assert org.federated_org_id.enabled


def test_an_organisation_file_federates_more_domains_and_every_server_has_the_certificate():
    text = FILE.format(version="2016", extra='account_namespace = "contoso.com"\ndomains = ["fabrikam.com"]')
    text = text.replace('clock = 2026-11-28T10:00:00\n', 'clock = 2026-11-28T10:00:00\n\n[organization]\n'
                        'name = "Contoso"\ndomain = "contoso.com"\n'
                        'accepted_domains = ["contoso.com", "fabrikam.com"]\n\n'
                        '[[servers]]\nname = "EX01"\n\n[[servers]]\nname = "EX02"\n', 1)
    org = build_organization(text, path="lab.toml", key_source=PoolKeySource(fallback=extra_lab_keys_source()),
                             serials=SeededSerials("t"))
    assert org.federated_org_id.domains == ("contoso.com", "fabrikam.com")
    current = org.federation_trusts[0].org_thumbprint
    assert [s.name for s in org.servers if current in s.my] == ["EX01", "EX02"]


@pytest.mark.parametrize("version, extra, message, line", [
    ("2016", 'account_namespace = "contoso.com"\ndomains = ["example.org"]', "isn't an accepted domain", 13),
    ("2016", 'domains = ["contoso.com"]', "has no account namespace", 12),
    ("2016", 'account_namespace = "contoso.com"\ndomains = "contoso.com"', "'domains' must be a list", 13),
    ("2007", "", "has no federation", 10),
    ("2016", 'next_certificate = "nope"', "no certificate with id 'nope'", 12),
    ("2016", 'account_namespace = "fabrikam.com"', "isn't an accepted domain", 12),
    ("2016", 'trust = "a,b"', "not a valid federation trust name", 12),
    ("2016", 'metadata_url = "ftp://x"', "metadata_url must be an http(s) URL", 12),
    ("2016", "bogus = 1", "unknown key 'bogus'", 12),
])
def test_organisation_file_mistakes_are_reported_with_the_line(version, extra, message, line):
    with pytest.raises(WorldFileError) as info:
        _build(version, extra)
    assert message in str(info.value) and ("line %d" % line) in str(info.value)


def test_the_world_store_keeps_trusts_and_migrates_older_worlds(tmp_path):
    import sqlite3
    from exshell.exchange.worlddb import SCHEMA_VERSION, open_store
    org = _build(extra='account_namespace = "contoso.com"')
    path = str(tmp_path / "w.db")
    store = open_store(path)
    store.create(org)
    store.close()
    again = open_store(path).load()
    assert [t.name for t in again.federation_trusts] == ["Microsoft Federation Gateway"]
    assert again.federation_trusts[0].org_thumbprint == org.federation_trusts[0].org_thumbprint
    assert again.federation_trusts[0].token_issuer_der == org.federation_trusts[0].token_issuer_der
    assert again.federated_org_id.account_namespace == "FYDIBOHF25SPDLT.contoso.com"
    # A world of schema 1 (no federation_trusts table) opens and is migrated.
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE federation_trusts")
    conn.execute("DROP TABLE orphan_keys")                   # schema 3's additions
    conn.execute("ALTER TABLE trust DROP COLUMN friendly_name")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    migrated = open_store(path)
    assert migrated.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert migrated.load().federation_trusts == []
