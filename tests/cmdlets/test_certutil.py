"""certutil (issue 12 item 3): the verbs admins run in certificate work, in certutil's
shape, with its exit codes, on the machine's stores."""
from __future__ import annotations

import hashlib

import pytest

from tests.cmdlets.cmdlet_kit import PS20, PS51, make_shell


def _run(shell, text):
    out: list = []
    shell.run(text, out=out.append)
    return out


def _exit(shell):
    return _run(shell, "$LASTEXITCODE")[0]


@pytest.mark.parametrize("version, spaced", [(PS20, True), (PS51, False)])
def test_store_lists_my_as_certutil_does(version, spaced):
    shell, host = make_shell(version)
    out = _run(shell, "certutil -store My")
    [entry] = [e for e in shell.world.organization.local_server.my
               if e.cert.subject.rfc4514_string() == "CN=EX01"]
    assert out[0] == 'My "Personal"'
    assert out[-1] == "CertUtil: -store command completed successfully."
    assert "================ Certificate 0 ================" in out
    digest = bytes.fromhex(entry.thumbprint)
    shown = " ".join("%02x" % b for b in digest) if spaced else digest.hex()
    assert "Cert Hash(sha1): " + shown in out
    assert "Root Certificate: Subject matches Issuer" in out
    assert "Private key is NOT exportable" in out and "Encryption test passed" in out
    assert _exit(shell) == 0


def test_store_by_certid_and_a_missing_one():
    shell, host = make_shell(PS51)
    [thumb] = _run(shell, "(dir Cert:\\LocalMachine\\My | ? Subject -eq 'CN=EX01').Thumbprint")
    for certid in (thumb, thumb.lower(), "EX01"):
        out = _run(shell, "certutil -store My '%s'" % certid)
        assert sum(1 for l in out if l.startswith("====")) == 1, certid
    out = _run(shell, "certutil -store My 0123456789")
    assert out[-2:] == ["CertUtil: -store command FAILED: 0x80092004 (-2146885628 CRYPT_E_NOT_FOUND)",
                        "CertUtil: Cannot find object or property."]
    assert _exit(shell) == -2146885628


def test_options_as_slashes_and_an_unknown_one():
    shell, host = make_shell(PS51)
    assert _run(shell, "certutil /user /store My") == [
        'My "Personal"', "CertUtil: -store command completed successfully."]
    assert _run(shell, "certutil -bogus") == ["CertUtil: Unknown arg: -bogus"]
    assert _exit(shell) == -2147024809
    assert "ParameterBindingException" not in host.text


def test_dump_of_a_certificate_file(tmp_path):
    shell, host = make_shell(PS51, drive_root=str(tmp_path))
    _run(shell, "[IO.File]::WriteAllBytes('C:\\x.cer', (dir Cert:\\LocalMachine\\My | ? Subject -eq 'CN=EX01').RawData)")
    out = _run(shell, "certutil -dump C:\\x.cer")
    der = (tmp_path / "C" / "x.cer").read_bytes()
    assert out[:3] == ["X509 Certificate:", "Version: 3", "Serial Number: " + out[2].split(": ")[1]]
    assert "    Algorithm ObjectId: 1.2.840.113549.1.1.5 sha1RSA" in out   # setup's certificate
    assert "Certificate Extensions: 4" in out
    assert "        DNS Name=EX01.contoso.com" in out
    assert "Cert Hash(sha1): " + hashlib.sha1(der).hexdigest() in out
    assert out[-1] == "CertUtil: -dump command completed successfully."
    assert _run(shell, "certutil C:\\x.cer")[-1] == "CertUtil: -dump command completed successfully."
    assert _run(shell, "certutil -dump C:\\missing.cer")[0] == \
        "CertUtil: -dump command FAILED: 0x80070002 (WIN32: 2 ERROR_FILE_NOT_FOUND)"


def test_verify_under_the_emulated_trust(tmp_path):
    shell, host = make_shell(PS51, drive_root=str(tmp_path))
    _run(shell, "$a = dir Cert:\\LocalMachine\\My | ? Subject -like '*Auth*'; "
                "[IO.File]::WriteAllBytes('C:\\auth.cer', $a.RawData); "
                "[IO.File]::WriteAllBytes('C:\\ex.cer', (dir Cert:\\LocalMachine\\My | ? Subject -eq 'CN=EX01').RawData)")
    good = _run(shell, "certutil -verify C:\\ex.cer")
    assert good[-1] == "CertUtil: -verify command completed successfully."
    bad = _run(shell, "certutil -verify C:\\auth.cer")
    assert "ChainContext.dwErrorStatus = CERT_TRUST_IS_UNTRUSTED_ROOT (0x20)" in bad
    assert bad[-2:] == ["CertUtil: -verify command FAILED: 0x800b0109 (-2146762487 CERT_E_UNTRUSTEDROOT)",
                        "CertUtil: A certificate chain processed, but terminated in a root certificate "
                        "which is not trusted by the trust provider."]
    # Trust the root and it verifies.
    _run(shell, "certutil -addstore Root C:\\auth.cer")
    assert _run(shell, "certutil -verify C:\\auth.cer")[-1] == \
        "CertUtil: -verify command completed successfully."


def test_addstore_and_delstore(tmp_path):
    shell, host = make_shell(PS51, drive_root=str(tmp_path))
    _run(shell, "[IO.File]::WriteAllBytes('C:\\x.cer', (dir Cert:\\LocalMachine\\My | ? Subject -eq 'CN=EX01').RawData)")
    out = _run(shell, "certutil -addstore TrustedPeople C:\\x.cer")
    assert out == ['TrustedPeople "Trusted People"', "Signature matches Public Key",
                   'Certificate "EX01" added to store.',
                   "CertUtil: -addstore command completed successfully."]
    assert _run(shell, "(dir Cert:\\LocalMachine\\TrustedPeople).Count") == [1]
    out = _run(shell, "certutil -delstore TrustedPeople EX01")
    assert "Deleting Certificate 0" in out and out[-1] == "CertUtil: -delstore command completed successfully."
    assert _run(shell, "(dir Cert:\\LocalMachine\\TrustedPeople).Count") == [0]


def test_repairstore_gives_a_ca_response_its_requests_key(tmp_path):
    """The classic fix: the CA's response imported without its key (Import-Certificate)
    gets the pending request's key back with certutil -repairstore."""
    shell, host = make_shell("2013", drive_root=str(tmp_path))
    _run(shell, "mkdir C:\\certreq | Out-Null; "
                "New-ExchangeCertificate -GenerateRequest -RequestFile C:\\certreq\\r.req "
                "-DomainName web.contoso.com | Out-Null; "
                "certreq -submit -attrib 'CertificateTemplate:WebServer' C:\\certreq\\r.req "
                "C:\\certreq\\r.cer | Out-Null; "
                "$i = Import-Certificate C:\\certreq\\r.cer -CertStoreLocation Cert:\\LocalMachine\\My")
    assert _run(shell, "$i.HasPrivateKey; (Get-ExchangeCertificate | ? Subject -eq 'CN=web.contoso.com' "
                       "| ? Status -ne 'PendingRequest').Count") == [False, 0]
    out = _run(shell, "certutil -repairstore my $i.SerialNumber")
    assert out[-1] == "CertUtil: -repairstore command completed successfully."
    assert "Encryption test passed" in out
    assert _run(shell, "(Get-Item $i.PSPath).HasPrivateKey") == [True]
    assert _run(shell, "(Get-ExchangeCertificate $i.Thumbprint).Status.ToString()") == ["Valid"]


def test_repairstore_without_a_key_on_the_machine():
    shell, host = make_shell(PS51)
    _run(shell, "$n = New-SelfSignedCertificate -DnsName k.contoso.com; "
                "$raw = $n.RawData; Remove-Item $n.PSPath -DeleteKey; "
                "$s = New-Object System.Security.Cryptography.X509Certificates.X509Store('My','LocalMachine'); "
                "$s.Open('ReadWrite'); $s.Add((New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 (,$raw))); $s.Close()")
    out = _run(shell, "certutil -repairstore My k.contoso.com")
    assert out[-2:] == ["CertUtil: -repairstore command FAILED: 0x80090016 (-2146893802 NTE_BAD_KEYSET)",
                        "CertUtil: Keyset does not exist"]


def test_importpfx(tmp_path):
    shell, host = make_shell(PS51, drive_root=str(tmp_path))
    _run(shell, "$pw = ConvertTo-SecureString 'Lab!Pass1' -AsPlainText -Force; "
                "$n = New-SelfSignedCertificate -DnsName i.contoso.com; "
                "Export-PfxCertificate -Cert $n -FilePath C:\\i.pfx -Password $pw | Out-Null; "
                "Remove-Item $n.PSPath -DeleteKey")
    out = _run(shell, "certutil -p 'Lab!Pass1' -importpfx C:\\i.pfx")
    assert out == ['Certificate "i.contoso.com" added to store.', "",
                   "CertUtil: -importpfx command completed successfully."]
    assert _run(shell, "(Get-Item $n.PSPath).HasPrivateKey") == [True]
    again = _run(shell, "certutil -p 'Lab!Pass1' -importpfx C:\\i.pfx")
    assert again[-2] == "CertUtil: -importpfx command FAILED: 0x80092005 (-2146885627 CRYPT_E_EXISTS)"
    wrong = _run(shell, "certutil -p nope -importpfx C:\\i.pfx")
    assert wrong[0] == "CertUtil: -importpfx command FAILED: 0x80070056 (WIN32: 86 ERROR_INVALID_PASSWORD)"
    assert _exit(shell) == -2147024810
    shell.run("certutil -dump C:\\i.pfx", out=lambda o: None)    # asks for the password
    assert shell.internal_errors == []
