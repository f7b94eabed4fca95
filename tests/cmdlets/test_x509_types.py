"""X509Certificate2 and friends as scripts use them (issue 12 item 2): constructors
through the emulated drive, Export/Import round trips checked with openssl, Windows'
extension texts, GetNameInfo, Verify, X509Store and X509Chain under the emulated
trust and clock."""
from __future__ import annotations

import pathlib
import shutil
import subprocess

import pytest

from tests.cmdlets.cmdlet_kit import PS20, PS51, make_shell, run, values

X509 = "System.Security.Cryptography.X509Certificates."
OPENSSL = shutil.which("openssl")
needs_openssl = pytest.mark.skipif(OPENSSL is None, reason="openssl is not installed")


def _shell(version=PS51, tmp_path=None):
    shell, host = make_shell(version, drive_root=str(tmp_path) if tmp_path else None)
    return shell, host


def _run(shell, text):
    out: list = []
    shell.run(text, out=out.append)
    return out


def _setup_cert_file(shell, path="C:\\x.cer"):
    _run(shell, "[IO.File]::WriteAllBytes('%s', (dir Cert:\\LocalMachine\\My | "
                "? { $_.Subject -eq 'CN=EX01' }).RawData)" % path)


@pytest.mark.parametrize("version", [PS20, PS51])
def test_new_object_reads_a_file_on_the_emulated_drive(version, tmp_path):
    shell, host = _shell(version, tmp_path)
    _setup_cert_file(shell)
    [cert] = _run(shell, "New-Object %sX509Certificate2 C:\\x.cer" % X509)
    [mine] = _run(shell, "dir Cert:\\LocalMachine\\My | ? { $_.Subject -eq 'CN=EX01' }")
    assert cert.Thumbprint == mine.Thumbprint and not cert.HasPrivateKey
    assert "A constructor was not found" not in host.text


def test_a_relative_file_is_read_from_dotnets_current_directory(tmp_path):
    shell, host = _shell(PS51, tmp_path)
    _setup_cert_file(shell, "C:\\Windows\\system32\\x.cer")
    _run(shell, "cd C:\\")
    [cert] = _run(shell, "New-Object %sX509Certificate2 x.cer" % X509)
    assert cert.Subject == "CN=EX01"


@pytest.mark.parametrize("script, message", [
    ("New-Object %sX509Certificate2 C:\\nope.cer" % X509,
     'Exception calling ".ctor" with "1" argument(s): "The system cannot find the file specified.'),
    ("[IO.File]::WriteAllText('C:\\junk.cer', 'junk'); New-Object %sX509Certificate2 C:\\junk.cer" % X509,
     'Exception calling ".ctor" with "1" argument(s): "Cannot find the requested object.'),
])
def test_constructor_failures_are_dotnets(script, message, tmp_path):
    shell, host = _shell(PS51, tmp_path)
    shell.run(script)
    assert message in host.text
    assert "ConstructorInvokedThrowException,Microsoft.PowerShell.Commands.NewObjectCommand" in host.text
    assert shell.internal_errors == []


def test_type_new_on_5_1_and_bytes(tmp_path):
    shell, host = _shell(PS51, tmp_path)
    [cert, thumb] = _run(shell, "$c = (dir Cert:\\LocalMachine\\My)[0]; "
                                "[%sX509Certificate2]::new($c.RawData); $c.Thumbprint" % X509)
    assert cert.Thumbprint == thumb


# ---------------------------------------------------------------- extension texts

@pytest.mark.parametrize("version, ski_spaced", [(PS20, True), (PS51, False)])
def test_extension_format_texts_are_windows(version, ski_spaced):
    out = values("(dir Cert:\\LocalMachine\\My | ? Subject -eq 'CN=EX01').Extensions | "
                 "% { $_.Oid.FriendlyName + '|' + $_.Oid.Value + '|' + $_.Critical + '|' + "
                 "$_.Format($false) + '|' + $_.Format($true) }"
                 if version == PS51 else
                 "(dir Cert:\\LocalMachine\\My | ? { $_.Subject -eq 'CN=EX01' }).Extensions | "
                 "% { $_.Oid.FriendlyName + '|' + $_.Oid.Value + '|' + $_.Critical + '|' + "
                 "$_.Format($false) + '|' + $_.Format($true) }", version)
    rows = [o.split("|") for o in out]
    by_name = {r[0]: r for r in rows}
    assert by_name["Key Usage"][1:5] == ["2.5.29.15", "True", "Digital Signature, Key Encipherment (a0)",
                                         "Digital Signature, Key Encipherment (a0)\r\n"]
    assert by_name["Subject Alternative Name"][3] == "DNS Name=EX01, DNS Name=EX01.contoso.com"
    assert by_name["Subject Alternative Name"][4] == "DNS Name=EX01\r\nDNS Name=EX01.contoso.com\r\n"
    assert by_name["Enhanced Key Usage"][3] == "Server Authentication (1.3.6.1.5.5.7.3.1)"
    assert by_name["Basic Constraints"][4] == "Subject Type=End Entity\r\nPath Length Constraint=None\r\n"


def test_key_identifiers_are_spaced_before_server_2016():
    from exshell.exchange.definition import default_organization
    from exshell.exchange.x509text import format_extension
    ca = default_organization("2016").certificate_authority.cert
    ski = [e for e in ca.extensions if e.oid.dotted_string == "2.5.29.14"]
    assert ski, "the lab CA root has a Subject Key Identifier"
    digest = ski[0].value.digest
    assert format_extension(ski[0], False, spaced=True) == " ".join("%02x" % b for b in digest)
    assert format_extension(ski[0], True, spaced=False) == digest.hex() + "\r\n"
    for version, spaced in (("2013", True), ("2016", False)):
        shell, host = _shell(version)
        root = shell.world.organization.certificate_authority.cert
        digest = [e for e in root.extensions if e.oid.dotted_string == "2.5.29.14"][0].value.digest
        out = _run(shell, "(Get-Item Cert:\\LocalMachine\\Root\\" + _thumb(root) + ").Extensions | "
                          "? { $_.Oid.Value -eq '2.5.29.14' } | % { $_.Format($false) }")
        assert out == [" ".join("%02x" % b for b in digest) if spaced else digest.hex()]


def _thumb(cert) -> str:
    from exshell.exchange.certificate import thumbprint_of
    from exshell.exchange.issuance import der_bytes
    return thumbprint_of(der_bytes(cert))


def test_the_well_known_extensions_have_their_dotnet_properties():
    out = values("$e = (dir Cert:\\LocalMachine\\My | ? Subject -eq 'CN=EX01').Extensions; "
                 "($e | ? { $_.Oid.Value -eq '2.5.29.15' }).KeyUsages.ToString(); "
                 "($e | ? { $_.Oid.Value -eq '2.5.29.19' }).CertificateAuthority; "
                 "($e | ? { $_.Oid.Value -eq '2.5.29.37' }).EnhancedKeyUsages[0].FriendlyName", PS51)
    assert out == ["KeyEncipherment, DigitalSignature", False, "Server Authentication"]


def test_get_name_info_and_signature_algorithm():
    out = values("$c = dir Cert:\\LocalMachine\\My | ? Subject -eq 'CN=EX01'; "
                 "$c.GetNameInfo([%sX509NameType]::DnsName, $false); "
                 "$c.GetNameInfo('SimpleName', $true); $c.GetNameInfo('UpnName', $false); "
                 "$c.SignatureAlgorithm.FriendlyName; $c.PublicKey.Oid.FriendlyName; "
                 "$c.PublicKey.Key.KeySize" % X509, PS51)
    assert out == ["EX01", "EX01", "", "sha1RSA", "RSA", 2048]


def test_tostring_forms():
    shell, host = _shell(PS51)
    [short] = _run(shell, "(dir Cert:\\LocalMachine\\My | ? Subject -eq 'CN=EX01').ToString()")
    assert short.startswith("[Subject]\r\n  CN=EX01\r\n\r\n[Issuer]\r\n  CN=EX01\r\n\r\n[Serial Number]")
    assert short.endswith("\r\n\r\n") and "[Thumbprint]" in short
    [long] = _run(shell, "(dir Cert:\\LocalMachine\\My | ? Subject -eq 'CN=EX01').ToString($true)")
    assert long.startswith("[Version]\r\n  V3\r\n\r\n[Subject]\r\n  CN=EX01\r\n  Simple Name: EX01\r\n"
                           "  DNS Name: EX01\r\n\r\n")
    assert "[Signature Algorithm]\r\n  sha1RSA(1.2.840.113549.1.1.5)\r\n" in long
    assert "\r\n* Subject Alternative Name(2.5.29.17):\r\n  DNS Name=EX01\r\nDNS Name=EX01.contoso.com\r\n" in long


# ---------------------------------------------------------------- export / import

@needs_openssl
@pytest.mark.parametrize("version", [PS20, PS51])
def test_export_cert_is_der_that_openssl_reads(version, tmp_path):
    shell, host = _shell(version, tmp_path)
    _run(shell, "$c = (dir Cert:\\LocalMachine\\My)[0]; "
                "[IO.File]::WriteAllBytes('C:\\out.cer', $c.Export('Cert'))")
    [thumb] = _run(shell, "(dir Cert:\\LocalMachine\\My)[0].Thumbprint")
    der = pathlib.Path(shell.drive.resolve("C:\\out.cer", "C:\\").real)
    fp = subprocess.run([OPENSSL, "x509", "-inform", "DER", "-in", str(der), "-noout",
                         "-fingerprint", "-sha1"], capture_output=True, text=True, check=True)
    assert fp.stdout.strip().split("=")[1].replace(":", "") == thumb


@needs_openssl
def test_export_pfx_round_trips_through_openssl(tmp_path):
    """A key the user made exportable (a PFX imported with Exportable) exports as a PFX
    openssl opens with the password (3DES/SHA-1, Windows' default)."""
    shell, host = _shell(PS51, tmp_path)
    _run(shell, "$o = New-ExchangeCertificate -DomainName mail.contoso.com -PrivateKeyExportable $true "
                "-Services None; $t = $o.Thumbprint")
    _run(shell, "$c = Get-Item Cert:\\LocalMachine\\My\\$t; "
                "[IO.File]::WriteAllBytes('C:\\k.pfx', $c.Export('Pfx', 'Pa55word'))")
    pfx = pathlib.Path(shell.drive.resolve("C:\\k.pfx", "C:\\").real)
    info = subprocess.run([OPENSSL, "pkcs12", "-in", str(pfx), "-info", "-noout", "-passin",
                           "pass:Pa55word"], capture_output=True, text=True)
    assert info.returncode == 0, info.stderr
    assert "pbeWithSHA1And3-KeyTripleDES-CBC" in info.stderr + info.stdout
    # And back: the constructor reads it with the password, key included.
    [again] = _run(shell, "New-Object %sX509Certificate2 C:\\k.pfx, 'Pa55word', 'Exportable'" % X509)
    [thumb] = _run(shell, "$t")
    assert again.Thumbprint == thumb and again.HasPrivateKey
    shell.run("New-Object %sX509Certificate2 C:\\k.pfx, 'wrong'" % X509)
    assert "The specified network password is not correct." in host.text


def test_export_pfx_of_a_key_that_is_not_exportable_fails_as_dotnet_does():
    _, text = run("(dir Cert:\\LocalMachine\\My | ? Subject -eq 'CN=EX01').Export('Pfx', 'x')", PS51)
    assert 'Exception calling "Export" with "2" argument(s): "Key not valid for use in specified state.' in text


def test_import_replaces_the_certificate_and_serialized_certs_round_trip(tmp_path):
    shell, host = _shell(PS51, tmp_path)
    _setup_cert_file(shell)
    out = _run(shell, "$c = New-Object %sX509Certificate2; $c.Import('C:\\x.cer'); $c.Subject; "
                      "$blob = $c.Export('SerializedCert'); "
                      "([%sX509Certificate2]::GetCertContentType($blob)).ToString(); "
                      "(New-Object %sX509Certificate2 (,$blob)).Thumbprint -eq $c.Thumbprint"
               % (X509, X509, X509))
    assert out == ["CN=EX01", "SerializedCert", True]


# ---------------------------------------------------------------- verify, store, chain

def test_verify_follows_the_root_store():
    out = values("$c = dir Cert:\\LocalMachine\\My; $c | % { $_.Subject + '=' + $_.Verify() }", PS51)
    # Setup's certificate and WMSvc's are in Root; the Auth certificate is not.
    assert sorted(out) == ["CN=EX01=True", "CN=Microsoft Exchange Server Auth Certificate=False",
                           "CN=WMSvc-SHA2-EX01=True"]


def test_x509store_open_add_find_remove(tmp_path):
    shell, host = _shell(PS51, tmp_path)
    _setup_cert_file(shell)
    script = """
    $s = New-Object %sX509Store('TrustedPeople', 'LocalMachine')
    $s.Certificates.Count
    $s.Open('ReadWrite')
    $s.Add((New-Object %sX509Certificate2 C:\\x.cer))
    $s.Certificates.Count
    $found = $s.Certificates.Find('FindBySubjectName', 'EX01', $false)
    $found.Count
    $s.Certificates.Find([%sX509FindType]::FindByThumbprint, $found[0].Thumbprint, $true).Count
    $s.Close()
    (dir Cert:\\LocalMachine\\TrustedPeople).Count
    $s.Open('ReadOnly'); $s.Remove($found[0])
    """ % (X509, X509, X509)
    out = _run(shell, script)
    assert out[:5] == [0, 1, 1, 1, 1]
    assert 'Exception calling "Remove" with "1" argument(s): "Access is denied.' in host.text


def test_x509chain_builds_under_the_emulated_trust_and_clock():
    script = """
    $c = dir Cert:\\LocalMachine\\My | ? { $_.Subject -like '*Auth*' }
    $chain = New-Object %sX509Chain
    $chain.Build($c)
    $chain.ChainStatus | % { $_.Status.ToString() }
    $chain.ChainElements.Count
    $chain.ChainPolicy.VerificationFlags = 'AllowUnknownCertificateAuthority'
    $chain.Build($c)
    $ok = dir Cert:\\LocalMachine\\My | ? { $_.Subject -eq 'CN=EX01' }
    $chain2 = New-Object %sX509Chain
    $chain2.Build($ok)
    $chain2.ChainPolicy.VerificationTime = $ok.NotAfter.AddDays(1)
    $chain2.Build($ok)
    $chain2.ChainStatus[0].Status.ToString()
    $chain2.ChainStatus[0].StatusInformation
    """.replace("%s", X509)
    out = values(script, PS51)
    assert out[:5] == [False, "UntrustedRoot", 1, True, True]
    assert out[5:] == [False, "NotTimeValid",
                       "A required certificate is not within its validity period when verifying "
                       "against the current system clock or the timestamp in the signed file."]


def test_friendly_name_is_settable_on_a_store_certificate_and_stays():
    shell, host = _shell(PS51)
    _run(shell, "$c = dir Cert:\\LocalMachine\\My | ? Subject -eq 'CN=EX01'; $c.FriendlyName = 'Renewed'")
    assert _run(shell, "(Get-ExchangeCertificate -DomainName EX01.contoso.com).FriendlyName") == ["Renewed"]


def test_casts_and_is():
    out = values("$c = (dir Cert:\\LocalMachine\\My)[0]; $c -is [%sX509Certificate2]; "
                 "([%sX509Certificate2]$c).Thumbprint -eq $c.Thumbprint; "
                 "(Get-ExchangeCertificate)[0] -is [%sX509Certificate2]" % (X509, X509, X509), PS51)
    assert out == [True, True, True]


_X = "System.Security.Cryptography.X509Certificates."
HOSTILE = [
    r"dir 'Cert:\LocalMachine\My\..\..\..\..\..'", "dir Cert:\\\\\\\\", "cd Cert:; cd ..; Get-Location",
    "dir 'Cert:\\LocalMachine\\My\\" + "A" * 40 + "\\x'", "Get-Item Cert:\\LocalMachine\\*",
    "Remove-Item Cert:\\ -Recurse -Confirm:$false", "Remove-Item Cert:\\LocalMachine\\My\\zz",
    "dir Cert:\\LocalMachine\\My -ExpiringInDays -5", "dir Cert:\\LocalMachine\\My -DnsName $null",
    "dir Cert:\\ -Recurse | Measure-Object", "New-Object %sX509Certificate2 @{a=1}" % _X,
    "New-Object %sX509Certificate2 $null" % _X, "New-Object %sX509Certificate2 1,2,3,4" % _X,
    "$c=(dir Cert:\\LocalMachine\\My)[0]; $c.Export('Bogus'); $c.GetNameInfo('Nope',$false); $c.Export()",
    "$c=(dir Cert:\\LocalMachine\\My)[0]; $c.FriendlyName = @(1,2)",
    "$s = New-Object %sX509Store('My','Nowhere')" % _X,
    "$s = New-Object %sX509Store('Zz','LocalMachine'); $s.Open('ReadWrite')" % _X,
    "$s = New-Object %sX509Store; $s.Add($null); $s.Certificates.Find('FindByThumbprint', $null, $false)" % _X,
    "$ch = New-Object %sX509Chain; $ch.Build($null); $ch.ChainPolicy.RevocationMode = 'zz'" % _X,
    "[%sX509Certificate2]'abc'" % _X, "[%sX509Certificate2]::GetCertContentType([byte[]](1,2,3))" % _X,
    "certutil -dump; certutil -store; certutil -addstore; certutil -verify C:\\nope; certutil -p",
    "certutil -store My \"`0\"", "New-SelfSignedCertificate -TextExtension 'zz' -DnsName a",
    "New-SelfSignedCertificate -TextExtension '2.5.29.17={text}bogus=1' -DnsName a",
    "New-SelfSignedCertificate -Subject 'CN=\"'", "New-SelfSignedCertificate -DnsName a -KeyLength 100",
    "New-SelfSignedCertificate -DnsName a -NotAfter (Get-Date).AddYears(-1)",
    "New-SelfSignedCertificate -DnsName a -KeyAlgorithm ECDSA_nistP256 -KeyExportPolicy Exportable",
    "Test-Certificate -Cert 'nope'", "Get-PfxCertificate C:\\Windows",
]


@pytest.mark.parametrize("version", [PS20, PS51])
def test_hostile_input_gives_errors_never_a_python_failure(version):
    shell, host = _shell(version)
    for command in HOSTILE:
        shell.run(command)
    assert shell.internal_errors == []
    assert "Traceback" not in host.text


def test_a_replicas_stand_in_root_vouches_by_name_in_x509chain():
    """A stand-in root (replica import) chains the certificates of the CA it replaces,
    as Get-ExchangeCertificate's status does; an unmarked root of that name does not."""
    import datetime as dt
    import hashlib
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    from exshell.exchange.issuance import der_bytes, issue_ca_root, issue_certificate
    from exshell.exchange.x509chain import build_chain
    t0 = dt.datetime(2025, 1, 1)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Fabrikam Issuing CA")])
    real_ca, other, leaf_key = (rsa.generate_private_key(65537, 1024) for _ in range(3))
    leaf = issue_certificate(
        subject=x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "mail.fabrikam.com")]),
        public_key=leaf_key.public_key(), issuer=name, signer_key=real_ca, serial=7,
        not_before=t0, not_after=t0 + dt.timedelta(days=365))
    now = t0 + dt.timedelta(days=10)
    for stand_in, ok in ((True, True), (False, False)):
        root = issue_ca_root(key=other, subject=name, serial=1, not_before=t0,
                             not_after=t0 + dt.timedelta(days=3650), stand_in=stand_in)
        anchors = {hashlib.sha1(der_bytes(root)).hexdigest().upper(): root}
        result = build_chain(leaf, der_of=der_bytes, anchors=anchors, intermediates=[], now=now)
        assert result.ok is ok, result.status
        if not ok:
            assert "NotSignatureValid" in result.status
