"""The PKI module cmdlets (issue 12 item 3): parameter sets per Windows Server, PFX and
certificate files checked with openssl both ways, and that what they import is what
Get-ExchangeCertificate sees."""
from __future__ import annotations

import pathlib
import shutil
import subprocess

import pytest

from tests.cmdlets.cmdlet_kit import PS20, PS51, lines, make_shell, run, values

OPENSSL = shutil.which("openssl")
needs_openssl = pytest.mark.skipif(OPENSSL is None, reason="openssl is not installed")
PW = "$pw = ConvertTo-SecureString 'Lab!Pass1' -AsPlainText -Force; "


def _shell(version="2016", tmp_path=None, **kw):
    return make_shell(version, drive_root=str(tmp_path) if tmp_path else None, **kw)


def _run(shell, text):
    out: list = []
    shell.run(text, out=out.append)
    return out


def _real(shell, path: str) -> str:
    return str(shell.drive.resolve(path, "C:\\").real)


def _openssl(*args, check=True):
    return subprocess.run([OPENSSL] + list(args), capture_output=True, text=True, check=check)


@pytest.mark.parametrize("version, present", [("2007", False), ("2010", False), ("2013", True),
                                              ("2016", True), ("2019", True)])
def test_the_module_exists_where_windows_server_has_it(version, present):
    _, text = run("Get-Command Import-PfxCertificate", version)
    assert ("not recognized" not in text) == present
    # Get-PfxCertificate is PowerShell's own: every version.
    _, text = run("Get-Command Get-PfxCertificate", version)
    assert "not recognized" not in text


@pytest.mark.parametrize("version, has_subject", [("2013", False), ("2016", True)])
def test_new_selfsignedcertificate_has_its_servers_parameters(version, has_subject):
    _, text = run("New-SelfSignedCertificate -Subject CN=x -CertStoreLocation Cert:\\LocalMachine\\My",
                  version)
    assert ("A parameter cannot be found that matches parameter name 'Subject'." in text) != has_subject


def test_crypto_algorithm_option_is_server_2019s():
    _, text = run("Export-PfxCertificate -Cert x -FilePath C:\\x.pfx -CryptoAlgorithmOption AES256_SHA256",
                  "2016")
    assert "matches parameter name 'CryptoAlgorithmOption'" in text


@pytest.mark.parametrize("version, hash_name", [("2013", "sha1RSA"), ("2016", "sha256RSA")])
def test_a_new_self_signed_certificate_is_what_the_module_makes(version, hash_name, tmp_path):
    shell, host = _shell(version, tmp_path)
    [cert] = _run(shell, "New-SelfSignedCertificate -DnsName mail.contoso.com,autodiscover.contoso.com "
                         "-CertStoreLocation Cert:\\LocalMachine\\My")
    assert cert.Subject == "CN=mail.contoso.com" and cert.Issuer == "CN=mail.contoso.com"
    assert cert.SignatureAlgorithm.FriendlyName == hash_name and cert.HasPrivateKey
    assert [e.Oid.FriendlyName for e in cert.Extensions] == [
        "Key Usage", "Enhanced Key Usage", "Subject Alternative Name", "Subject Key Identifier"]
    assert [e.ps_method_Format(False) for e in cert.Extensions][:3] == [
        "Digital Signature, Key Encipherment (a0)",
        "Client Authentication (1.3.6.1.5.5.7.3.2), Server Authentication (1.3.6.1.5.5.7.3.1)",
        "DNS Name=mail.contoso.com, DNS Name=autodiscover.contoso.com"]
    assert (cert.NotAfter - cert.NotBefore).days in (365, 366)
    shown = _run(shell, "(Get-ExchangeCertificate -Thumbprint " + cert.Thumbprint + ").Thumbprint")
    assert shown == [cert.Thumbprint]


def test_the_2016_default_store_is_shown_as_the_module_shows_it():
    _, text = run("New-SelfSignedCertificate -DnsName lab.contoso.com", PS51)
    assert lines(text)[0] == "   PSParentPath: Microsoft.PowerShell.Security\\Certificate::LocalMachine\\MY"


def test_2012r2_takes_the_current_location_as_the_store():
    _, text = run("New-SelfSignedCertificate -DnsName lab.contoso.com", "2013")
    assert "Cannot use 'C:\\Windows\\system32' as a certificate store" in text
    out = values("cd Cert:\\LocalMachine\\My; New-SelfSignedCertificate -DnsName lab.contoso.com", "2013")
    assert out[0].Subject == "CN=lab.contoso.com"


@needs_openssl
def test_text_extensions_signer_and_a_lab_ca_openssl_verifies(tmp_path):
    shell, host = _shell("2016", tmp_path)
    script = (
        "$root = New-SelfSignedCertificate -Subject 'CN=Lab Root' -Type Custom -KeyUsage CertSign,CRLSign "
        "-TextExtension '2.5.29.19={critical}{text}ca=1&pathlength=0' -NotAfter (Get-Date).AddYears(5) "
        "-KeyExportPolicy Exportable; "
        "$leaf = New-SelfSignedCertificate -DnsName web.contoso.com -Signer $root "
        "-TextExtension '2.5.29.17={text}DNS=web.contoso.com&IPAddress=10.0.0.5'; "
        "[IO.File]::WriteAllBytes('C:\\root.cer', $root.RawData); "
        "[IO.File]::WriteAllBytes('C:\\leaf.cer', $leaf.RawData); "
        "$leaf.Issuer; ($leaf.Extensions | ? { $_.Oid.Value -eq '2.5.29.17' }).Format($false); "
        "($root.Extensions | ? { $_.Oid.Value -eq '2.5.29.19' }).Format($false)")
    out = _run(shell, script)
    assert out == ["CN=Lab Root", "DNS Name=web.contoso.com, IP Address=10.0.0.5",
                   "Subject Type=CA, Path Length Constraint=0"]
    pem = tmp_path / "root.pem"
    _openssl("x509", "-inform", "DER", "-in", _real(shell, "C:\\root.cer"), "-out", str(pem))
    leaf = tmp_path / "leaf.pem"
    _openssl("x509", "-inform", "DER", "-in", _real(shell, "C:\\leaf.cer"), "-out", str(leaf))
    # The lab clock is in 2026: verify at that time.
    verify = _openssl("verify", "-attime", "1796025600", "-CAfile", str(pem), str(leaf), check=False)
    assert verify.returncode == 0, verify.stdout + verify.stderr


@needs_openssl
def test_export_pfx_is_windows_pfx_and_import_brings_it_back(tmp_path):
    shell, host = _shell("2016", tmp_path)
    [cert] = _run(shell, "New-SelfSignedCertificate -DnsName mail.contoso.com -FriendlyName Mail")
    _run(shell, PW + "mkdir C:\\certs | Out-Null; Export-PfxCertificate -Cert %s -FilePath C:\\certs\\m.pfx "
                     "-Password $pw | Out-Null" % cert.PSPath)
    info = _openssl("pkcs12", "-in", _real(shell, "C:\\certs\\m.pfx"), "-info", "-noout",
                    "-passin", "pass:Lab!Pass1", check=False)
    assert info.returncode == 0, info.stderr
    assert "pbeWithSHA1And3-KeyTripleDES-CBC" in info.stderr + info.stdout
    text = _openssl("pkcs12", "-in", _real(shell, "C:\\certs\\m.pfx"), "-nokeys",
                    "-passin", "pass:Lab!Pass1").stdout
    assert "friendlyName: Mail" in text
    _run(shell, "Remove-Item %s -DeleteKey" % cert.PSPath)
    assert _run(shell, "Test-Path %s" % cert.PSPath) == [False]
    [back] = _run(shell, PW + "Import-PfxCertificate -FilePath C:\\certs\\m.pfx "
                              "-CertStoreLocation Cert:\\LocalMachine\\My -Password $pw")
    assert back.Thumbprint == cert.Thumbprint and back.HasPrivateKey and back.FriendlyName == "Mail"
    assert not back.exportable
    listed = _run(shell, "(Get-ExchangeCertificate -Thumbprint %s).Thumbprint" % cert.Thumbprint)
    assert listed == [cert.Thumbprint]


def test_pfx_failures_read_as_the_module_writes_them(tmp_path):
    shell, host = _shell("2016", tmp_path)
    _run(shell, PW + "$c = dir Cert:\\LocalMachine\\My | ? Subject -eq 'CN=EX01'; "
                     "Export-PfxCertificate -Cert $c -FilePath C:\\x.pfx -Password $pw")
    assert "Export-PfxCertificate : Cannot export non-exportable private key." in host.text
    _run(shell, "$n = New-SelfSignedCertificate -DnsName n.contoso.com; "
                "Export-PfxCertificate -Cert $n -FilePath C:\\x.pfx")
    assert "Either the Password or the ProtectTo parameter must be specified." in host.text
    _run(shell, PW + "Export-PfxCertificate -Cert $n -FilePath C:\\no\\such\\x.pfx -Password $pw")
    assert ("The system cannot find the path specified. (Exception from HRESULT: 0x80070003)"
            in host.text)
    assert "System.IO.DirectoryNotFoundException,Microsoft.CertificateServices.Commands.ExportPfxCer" \
        in host.text
    _run(shell, PW + "Export-PfxCertificate -Cert $n -FilePath C:\\n.pfx -Password $pw | Out-Null; "
                     "Import-PfxCertificate C:\\n.pfx Cert:\\LocalMachine\\My "
                     "-Password (ConvertTo-SecureString wrong -AsPlainText -Force)")
    assert ("The PFX file you are trying to import requires either a different password or "
            "membership in an Active Directory principal to which it is protected.") in host.text
    assert shell.internal_errors == []


def test_protect_to_opens_for_the_domain_administrator_without_a_password(tmp_path):
    shell, host = _shell("2016", tmp_path)
    out = _run(shell, "$n = New-SelfSignedCertificate -DnsName p.contoso.com -KeyExportPolicy Exportable; "
                      "Export-PfxCertificate -Cert $n -FilePath C:\\p.pfx -ProtectTo 'CONTOSO\\Administrator' "
                      "| Out-Null; Remove-Item $n.PSPath; "
                      "(Import-PfxCertificate C:\\p.pfx Cert:\\LocalMachine\\My).Thumbprint -eq $n.Thumbprint")
    assert out == [True]
    _run(shell, "Export-PfxCertificate -Cert $n -FilePath C:\\q.pfx -ProtectTo 'FABRIKAM\\Bob'")
    assert "no such user or group in the domain" in host.text


@needs_openssl
def test_a_pfx_made_with_openssl_imports(tmp_path):
    shell, host = _shell("2019", tmp_path)
    key, crt = tmp_path / "k.pem", tmp_path / "c.pem"
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(crt),
             "-subj", "/CN=openssl.contoso.com", "-days", "3650")
    target = _real(shell, "C:\\o.pfx")
    pathlib.Path(target).parent.mkdir(parents=True, exist_ok=True)
    _openssl("pkcs12", "-export", "-inkey", str(key), "-in", str(crt), "-out", target,
             "-passout", "pass:Lab!Pass1")
    [cert] = _run(shell, PW + "Import-PfxCertificate C:\\o.pfx -CertStoreLocation Cert:\\LocalMachine\\My "
                              "-Password $pw -Exportable")
    fp = _openssl("x509", "-in", str(crt), "-noout", "-fingerprint", "-sha1").stdout
    assert fp.strip().split("=")[1].replace(":", "") == cert.Thumbprint and cert.HasPrivateKey


@needs_openssl
def test_aes_export_on_server_2019(tmp_path):
    shell, host = _shell("2019", tmp_path)
    _run(shell, PW + "$n = New-SelfSignedCertificate -DnsName a.contoso.com; "
                     "Export-PfxCertificate -Cert $n -FilePath C:\\a.pfx -Password $pw "
                     "-CryptoAlgorithmOption AES256_SHA256 | Out-Null")
    info = _openssl("pkcs12", "-in", _real(shell, "C:\\a.pfx"), "-info", "-noout",
                    "-passin", "pass:Lab!Pass1", check=False)
    assert info.returncode == 0 and "AES-256-CBC" in info.stderr + info.stdout


@needs_openssl
def test_export_and_import_certificate_files(tmp_path):
    shell, host = _shell("2016", tmp_path)
    out = _run(shell, "$c = dir Cert:\\LocalMachine\\My; "
                      "$c | Export-Certificate -FilePath C:\\all.sst -Type SST | Out-Null; "
                      "$c | Export-Certificate -FilePath C:\\all.p7b -Type P7B | Out-Null; "
                      "$c[0] | Export-Certificate -FilePath C:\\one.cer | Out-Null; "
                      "(Import-Certificate C:\\all.sst -CertStoreLocation Cert:\\LocalMachine\\TrustedPeople).Count; "
                      "(dir Cert:\\LocalMachine\\TrustedPeople).Count; "
                      "(Import-Certificate C:\\one.cer -CertStoreLocation Cert:\\CurrentUser\\My).HasPrivateKey")
    assert out == [3, 3, False]
    printed = _openssl("pkcs7", "-inform", "DER", "-in", _real(shell, "C:\\all.p7b"), "-print_certs").stdout
    assert printed.count("-----BEGIN CERTIFICATE-----") == 3
    _openssl("x509", "-inform", "DER", "-in", _real(shell, "C:\\one.cer"), "-noout")


def test_test_certificate():
    shell, host = _shell("2016")
    out = _run(shell, "$ok = dir Cert:\\LocalMachine\\My | ? Subject -eq 'CN=EX01'; "
                      "$auth = dir Cert:\\LocalMachine\\My | ? Subject -like '*Auth*'; "
                      "Test-Certificate $ok; Test-Certificate $auth; "
                      "Test-Certificate $auth -AllowUntrustedRoot; "
                      "Test-Certificate $ok -Policy SSL -DNSName ex01.contoso.com; "
                      "Test-Certificate $ok -Policy SSL -DNSName mail.contoso.com")
    assert out == [True, False, True, True, False]
    assert "WARNING: Chain status:" in host.text and "CERT_TRUST_IS_UNTRUSTED_ROOT" in host.text
    assert ("A certificate chain processed, but terminated in a root certificate which is not "
            "trusted by the trust provider. 0x800b0109 (-2146762487 CERT_E_UNTRUSTEDROOT)") in host.text
    assert "0x800b010f (-2146762481 CERT_E_CN_NO_MATCH)" in host.text


@pytest.mark.parametrize("version", [PS20, PS51])
def test_get_pfxcertificate_asks_for_the_password(version, tmp_path):
    shell, host = _shell("2016", tmp_path)
    _run(shell, PW + "$n = New-SelfSignedCertificate -DnsName g.contoso.com; "
                     "Export-PfxCertificate -Cert $n -FilePath C:\\g.pfx -Password $pw | Out-Null")
    other, other_host = make_shell(version, drive_root=str(tmp_path), answers=["Lab!Pass1"])
    [cert] = _run(other, "Get-PfxCertificate C:\\g.pfx")
    assert cert.Subject == "CN=g.contoso.com" and cert.HasPrivateKey
    assert "Enter password:" in other_host.text
