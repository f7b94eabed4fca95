"""The Cert: drive (issue 12 item 1): navigation, views, dynamic parameters, removal,
and that it is the same store the Exchange cmdlets and the world file see."""
from __future__ import annotations

import pytest

from tests.cmdlets.cmdlet_kit import PS20, PS51, lines, make_shell, run, values

VERSIONS = [PS20, PS51]


def _thumbs(text: str) -> list:
    return [l.split()[0] for l in lines(text) if l.split() and len(l.split()[0]) == 40]


@pytest.mark.parametrize("version, header", [
    (PS20, "    Directory: Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My"),
    (PS51, "   PSParentPath: Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My"),
])
def test_dir_shows_the_certificate_table_under_the_versions_header(version, header):
    _, text = run("dir Cert:\\LocalMachine\\My", version)
    out = lines(text)
    assert out[0] == header
    start = out.index("Thumbprint                                Subject")
    assert out[start + 1] == "----------                                -------"
    blank_between = out[1:start]
    # 2.0 has two blank lines after its Directory: line, 5.1 one after PSParentPath:.
    assert blank_between == (["", ""] if version == PS20 else [""])


@pytest.mark.parametrize("version", VERSIONS)
def test_the_drive_lists_the_same_certificates_as_get_exchangecertificate(version):
    shell, host = make_shell(version)
    shell.run("dir Cert:\\LocalMachine\\My")
    drive = set(_thumbs(host.text))
    mine: list = []
    shell.run("Get-ExchangeCertificate | % { $_.Thumbprint }", out=mine.append)
    assert drive and drive == set(mine)


def test_the_store_listing_and_the_locations():
    _, text = run("dir Cert:\\; dir Cert:\\LocalMachine", PS51)
    out = lines(text)
    assert "Location   : CurrentUser" in out and "Location   : LocalMachine" in out
    assert "StoreNames : {TrustedPublisher, ClientAuthIssuer, Remote Desktop, Root...}" in out
    names = [l[len("Name : "):] for l in out if l.startswith("Name : ")]
    assert names[:4] == ["TrustedPublisher", "ClientAuthIssuer", "Remote Desktop", "Root"]
    assert {"My", "Root", "CA", "REQUEST", "TrustedPeople", "WebHosting"} <= set(names)


def test_the_stores_follow_the_windows_server_of_the_version():
    _, old = run("(dir Cert:\\LocalMachine).Name", PS20)
    _, new = run("(dir Cert:\\LocalMachine).Name", PS51)
    assert "WebHosting" not in lines(old) and "WebHosting" in lines(new)


@pytest.mark.parametrize("version", VERSIONS)
def test_format_list_is_the_thumbprint_list_view(version):
    _, text = run("dir Cert:\\LocalMachine\\My | select -First 1 | fl", version)
    labels = [l.split(":")[0].strip() for l in lines(text) if " : " in l]
    assert labels == ["Subject", "Issuer", "Thumbprint", "FriendlyName", "NotBefore", "NotAfter",
                      "Extensions"]
    assert "{System.Security.Cryptography.Oid, System.Security.Cryptography.Oid" in text


def test_items_carry_powershells_properties_and_the_script_ones_on_5_1():
    [old] = values("Get-Item Cert:\\LocalMachine\\My\\*", PS20)[:1]
    new = values("Get-Item Cert:\\LocalMachine\\My\\*", PS51)[0]
    from exshell.engine.properties import property_names
    assert property_names(old)[:6] == ["PSPath", "PSParentPath", "PSChildName", "PSDrive",
                                       "PSProvider", "PSIsContainer"]
    assert "DnsNameList" not in property_names(old)
    assert property_names(new)[6:9] == ["EnhancedKeyUsageList", "DnsNameList", "SendAsTrustedIssuer"]
    assert new.PSPath == "Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My\\" + new.Thumbprint
    assert str(new.PSDrive) == "Cert" and str(new.PSProvider) == "Microsoft.PowerShell.Security\\Certificate"


def test_paths_keep_the_case_they_were_typed_in():
    _, text = run("dir cert:\\localmachine\\my", PS51)
    assert lines(text)[0].endswith("Certificate::localmachine\\my")


def test_cd_moves_the_location_and_relative_paths_follow():
    shell, host = make_shell(PS51)
    shell.run("cd Cert:\\LocalMachine\\My")
    assert shell.location == "Cert:\\LocalMachine\\My"
    shell.run("cd ..\\Root")
    assert shell.location == "Cert:\\LocalMachine\\Root"
    out: list = []
    shell.run("(dir).Count; Test-Path .\\..\\My; cd \\; Get-Location", out=out.append)
    assert out[1] is True and out[2].get("Path") == "Cert:\\"
    shell.run("cd C:; cd Cert:")
    assert shell.location == "Cert:\\"


@pytest.mark.parametrize("path, exists", [
    ("Cert:\\", True), ("Cert:\\CurrentUser", True), ("Cert:\\LocalMachine\\My", True),
    ("Cert:\\LocalMachine\\Nope", False), ("Cert:\\Elsewhere", False),
    ("Microsoft.PowerShell.Security\\Certificate::LocalMachine\\Root", True),
])
def test_test_path(path, exists):
    assert values("Test-Path '%s'" % path, PS51) == [exists]


def test_a_missing_path_is_reported_as_powershell_does():
    result, text = run("dir Cert:\\LocalMachine\\Nope", PS51)
    assert "Cannot find path 'Cert:\\LocalMachine\\Nope' because it does not exist." in text
    assert not result.success


def test_dynamic_parameters_exist_only_on_the_cert_drive_and_on_3_0():
    _, text = run("dir Cert:\\LocalMachine\\My -DnsName ex01*", PS20)
    assert "A parameter cannot be found that matches parameter name 'DnsName'." in text
    _, text = run("dir C:\\ -DnsName x", PS51)
    assert "A parameter cannot be found that matches parameter name 'DnsName'." in text
    out = values("dir Cert:\\LocalMachine\\My -DnsName ex01*", PS51)
    assert [c.Subject for c in out] == ["CN=EX01"]


def test_filters_search_every_store_below_and_skip_containers():
    out = values("dir Cert:\\LocalMachine -SSLServerAuthentication", PS51)
    parents = {c.PSParentPath.rsplit("::", 1)[1] for c in out}
    assert parents == {"LocalMachine\\My", "LocalMachine\\Root"}
    # The setup certificate expires in 23 days (the built-in organisation).
    soon = values("dir Cert:\\LocalMachine\\My -ExpiringInDays 30", PS51)
    later = values("dir Cert:\\LocalMachine\\My -ExpiringInDays 10", PS51)
    assert "CN=EX01" in [c.Subject for c in soon] and later == []
    assert values("dir Cert:\\LocalMachine\\My -ExpiringInDays 0", PS51) == []
    assert values("dir Cert:\\LocalMachine\\My -Eku '*Server Auth*'", PS51)
    assert values("dir Cert:\\LocalMachine\\My -CodeSigningCert", PS51) == []


def test_remove_item_deletes_from_the_store_exchange_reads():
    shell, host = make_shell(PS51)
    out: list = []
    shell.run("(Get-ExchangeCertificate -DomainName EX01.contoso.com).Thumbprint", out=out.append)
    [thumb] = out
    shell.run("Remove-Item Cert:\\LocalMachine\\My\\%s -WhatIf" % thumb)
    assert ('What if: Performing the operation "Remove certificate" on target '
            '"Item: LocalMachine\\My\\%s ".' % thumb) in host.text
    shell.run("Remove-Item Cert:\\LocalMachine\\My\\%s" % thumb)
    left: list = []
    shell.run("Get-ExchangeCertificate | % { $_.Thumbprint }", out=left.append)
    assert thumb not in left
    assert values  # the store entry is gone for the world too
    assert shell.world.organization.local_server.my.get(thumb) is None


def test_remove_item_with_deletekey_says_so_in_whatif():
    _, text = run("dir Cert:\\LocalMachine\\My | select -First 1 | Remove-Item -DeleteKey -WhatIf",
                  PS51)
    assert '"Remove certificate and its private key."' in text


def test_the_2_0_provider_cannot_remove():
    result, text = run("Remove-Item (dir Cert:\\LocalMachine\\My | select -First 1).PSPath", PS20)
    assert "Provider operation stopped because the provider does not support this operation." in text
    assert "NotSupported,Microsoft.PowerShell.Commands.RemoveItemCommand" in text
    assert len(values("dir Cert:\\LocalMachine\\My", PS20)) == 1


@pytest.mark.parametrize("path, message", [
    ("Cert:\\CurrentUser\\My", "Deleting certificate stores under CurrentUser is not supported."),
    ("Cert:\\LocalMachine\\TrustedPeople", "The store TrustedPeople is a built-in system store and cannot be deleted."),
])
def test_stores_are_not_removed(path, message):
    _, text = run("Remove-Item %s" % path, PS51)
    assert message in text


def test_a_new_exchange_certificate_appears_on_the_drive_with_its_thumbprint():
    shell, host = make_shell(PS51, answers=["n"])
    out: list = []
    shell.run("(New-ExchangeCertificate -DomainName mail.contoso.com -Services None).Thumbprint",
              out=out.append)
    [thumb] = out
    got: list = []
    shell.run("Get-Item Cert:\\LocalMachine\\My\\%s" % thumb, out=got.append)
    assert got[0].Thumbprint == thumb and got[0].HasPrivateKey


def test_the_root_store_is_the_trust_exchange_uses():
    """A certificate from the lab enterprise CA is Valid (RootCAType Enterprise); with
    its root removed from Cert:\\LocalMachine\\Root it is Untrusted; added back with
    X509Store it is Valid again, its root now in the registry store."""
    shell, host = make_shell(PS51)
    org = shell.world.organization
    ca = org.certificate_authority
    shell.run("New-ExchangeCertificate -GenerateRequest -SubjectName 'CN=mail.contoso.com' "
              "-DomainName mail.contoso.com | Out-Null")
    request = next(iter(org.local_server.requests))
    from exshell.exchange.issuance import der_bytes
    drive = shell.drive
    drive.write_bytes(drive.resolve("C:\\mail.cer", "C:\\"), der_bytes(ca.issue(request.request)))
    drive.write_bytes(drive.resolve("C:\\root.cer", "C:\\"), der_bytes(ca.cert))
    out: list = []
    shell.run("$t = (Import-ExchangeCertificate -FileData ([IO.File]::ReadAllBytes('C:\\mail.cer'))).Thumbprint",
              out=out.append)

    def status() -> list:
        got: list = []
        shell.run("$c = Get-ExchangeCertificate $t; $c.Status; $c.RootCAType", out=got.append)
        return [str(g) for g in got]
    assert status() == ["Valid", "Enterprise"]
    shell.run("Remove-Item Cert:\\LocalMachine\\Root\\%s" % _thumb(ca.cert))
    assert status() == ["Untrusted", "Unknown"]
    shell.run("""$s = New-Object System.Security.Cryptography.X509Certificates.X509Store('Root','LocalMachine')
    $s.Open('ReadWrite')
    $s.Add((New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 C:\\root.cer))
    $s.Close()""")
    assert status() == ["Valid", "Registry"]
    assert shell.internal_errors == [] and "error" not in host.text.casefold()


def _thumb(cert) -> str:
    from exshell.exchange.certificate import thumbprint_of
    from exshell.exchange.issuance import der_bytes
    return thumbprint_of(der_bytes(cert))


def test_other_stores_are_kept_by_the_world_store(tmp_path):
    from exshell.exchange.certstores import logical_store
    from exshell.exchange.definition import default_organization
    from exshell.exchange.worlddb import open_store
    org = default_organization("2016")
    store = open_store(str(tmp_path / "w.db"))
    store.create(org)
    server = org.local_server
    setup = next(iter(server.my))
    org.begin_change()
    logical_store(server, "LocalMachine", "TrustedPeople").add(setup.cert)
    logical_store(server, "CurrentUser", "My").add(setup.cert, setup.key, friendly_name="mine")
    assert store.commit()
    store.close()
    again = open_store(str(tmp_path / "w.db")).load()
    twin = again.local_server
    assert twin.state() == server.state()
    mine = logical_store(twin, "CurrentUser", "My").get(setup.thumbprint)
    assert mine.friendly_name == "mine" and mine.has_key
    assert logical_store(twin, "LocalMachine", "TrustedPeople").get(setup.thumbprint) is not None


def test_a_world_file_with_a_hostile_store_name_is_damaged(tmp_path):
    import sqlite3
    from exshell.exchange.definition import default_organization
    from exshell.exchange.worlddb import WorldStoreError, open_store
    org = default_organization("2010")
    store = open_store(str(tmp_path / "w.db"))
    store.create(org)
    store.close()
    conn = sqlite3.connect(str(tmp_path / "w.db"))
    conn.execute("UPDATE certificates SET store = '..\\\\evil\\u0000' WHERE store = 'My'")
    conn.commit()
    conn.close()
    with pytest.raises(WorldStoreError):
        open_store(str(tmp_path / "w.db")).load()
