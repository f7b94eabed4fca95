"""The certificate lifecycle end to end: requests, the lab CAs, import, export, with
real tools (openssl) checking what lands on the drive."""
import os
import shutil
import subprocess

import pytest

from exshell.testing import make_shell

OPENSSL = shutil.which("openssl")
needs_openssl = pytest.mark.skipif(OPENSSL is None, reason="openssl not installed")


def _legacy():
    """OpenSSL 3 reads the RC2-40 of a Windows PFX only with -legacy (1.1 always does)."""
    if OPENSSL is None:
        return []
    version = subprocess.run([OPENSSL, "version"], capture_output=True, text=True).stdout
    return ["-legacy"] if version.startswith("OpenSSL 3") else []


LEGACY = _legacy()
PW = '(ConvertTo-SecureString "Lab!Pass1" -AsPlainText -Force)'
REQUEST = ('$req = New-ExchangeCertificate -GenerateRequest -SubjectName "C=US,O=Contoso,CN=mail.contoso.com" '
           '-DomainName mail.contoso.com,autodiscover.contoso.com -FriendlyName "Contoso 2026" '
           '-PrivateKeyExportable $true')
SUBMIT = ('certreq -submit -config "DC01.contoso.com\\Contoso-CA" -attrib "CertificateTemplate:WebServer" '
          'C:\\certreq\\contoso.req C:\\certreq\\contoso.cer')


@pytest.fixture
def sh():
    shell, host = make_shell()
    yield shell, host
    assert shell.internal_errors == []


def run(sh, text, ok=True):
    shell, host = sh
    host.clear()
    result = shell.run(text)
    assert "Traceback" not in host.text
    if ok is not None:
        assert result.success is ok, host.text
    return host.text


def real(shell, *parts):
    return os.path.join(shell.drive_root, "C", *parts)


def openssl(*args, stdin=None):
    return subprocess.run([OPENSSL, *args], capture_output=True, text=True, input=stdin, timeout=60)


def request_and_issue(sh):
    run(sh, "New-Item -ItemType Directory C:\\certreq | Out-Null")
    run(sh, REQUEST)
    run(sh, "Set-Content -Path C:\\certreq\\contoso.req -Value $req")
    return run(sh, SUBMIT)


def pending(shell, server=None):
    server = server or shell.organization.local_server
    return [c for c in server.certificates() if str(c.Status) == "PendingRequest"]


def test_request_is_pending_and_keeps_its_key(sh):
    shell, _ = sh
    text = run(sh, REQUEST + "; $req")
    assert text.startswith("-----BEGIN NEW CERTIFICATE REQUEST-----\n")
    assert text.rstrip().endswith("-----END NEW CERTIFICATE REQUEST-----")
    [p] = pending(shell)
    assert p.Subject == "C=US, O=Contoso, CN=mail.contoso.com"
    entry = shell.organization.local_server.requests.get(p.Thumbprint)
    assert entry.key is not None and entry.exportable


def test_binary_encoded_request_has_file_data(sh):
    text = run(sh, "$r = New-ExchangeCertificate -GenerateRequest -BinaryEncoded -DomainName mail.contoso.com; "
                   "$r.FileData.GetType().FullName; $r.FileData[0]")
    assert text.split() == ["System.Byte[]", "48"]


@needs_openssl
def test_openssl_verifies_request_and_issued_certificate(sh):
    shell, _ = sh
    out = request_and_issue(sh)
    assert "Certificate retrieved(Issued) Issued" in out
    p = openssl("req", "-in", real(shell, "certreq", "contoso.req"), "-verify", "-noout")
    assert p.returncode == 0, p.stderr
    run(sh, "Export-LabCARoot C:\\certreq\\root.cer | Out-Null")
    p = openssl("verify", "-CAfile", real(shell, "certreq", "root.cer"), real(shell, "certreq", "contoso.cer"))
    assert p.returncode == 0 and ": OK" in p.stdout, p.stdout + p.stderr
    p = openssl("x509", "-in", real(shell, "certreq", "contoso.cer"), "-noout", "-ext", "subjectAltName,extendedKeyUsage")
    assert "DNS:mail.contoso.com, DNS:autodiscover.contoso.com" in p.stdout
    assert "TLS Web Server Authentication" in p.stdout


def test_replace_self_signed_with_ca_certificate(sh):
    shell, _ = sh
    server = shell.organization.local_server
    old = server.certificates()[0].Thumbprint
    request_and_issue(sh)
    out = run(sh, "$c = Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\contoso.cer')); $c.Thumbprint")
    new = out.strip()
    assert pending(shell) == []
    view = server.get_certificate(new)
    assert (str(view.Status), str(view.RootCAType), view.HasPrivateKey) == ("Valid", "Enterprise", True)
    run(sh, "Enable-ExchangeCertificate -Thumbprint %s -Services IIS,SMTP -Force" % new)
    run(sh, "Remove-ExchangeCertificate -Thumbprint %s -Confirm:$false" % old)
    assert [c.Thumbprint for c in server.certificates()] == [new]
    assert "W" in server.get_certificate(new).ServicesStringForm


def test_ca_response_on_another_server_has_no_key(sh):
    shell, _ = sh
    ex02 = shell.organization.add_server("EX02")
    request_and_issue(sh)
    run(sh, "Import-ExchangeCertificate -Server EX02 -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\contoso.cer')) | Out-Null")
    assert len(pending(shell)) == 1                       # EX01's request is untouched
    [entry] = [e for e in ex02.my if "CN=mail.contoso.com" in e.cert.subject.rfc4514_string()]
    assert entry.key is None
    text = run(sh, "Enable-ExchangeCertificate -Server EX02 -Thumbprint %s -Services IIS" % entry.thumbprint, ok=False)
    assert "PrivateKeyMissing" in text


@needs_openssl
def test_move_certificate_to_second_server(sh):
    shell, _ = sh
    ex02 = shell.organization.add_server("EX02")
    request_and_issue(sh)
    t = run(sh, "(Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\contoso.cer'))).Thumbprint").strip()
    run(sh, "$pfx = Export-ExchangeCertificate -Thumbprint %s -BinaryEncoded -Password %s" % (t, PW))
    run(sh, "[System.IO.File]::WriteAllBytes('\\\\fs01\\share\\mail.pfx', $pfx.FileData)")
    path = os.path.join(shell.drive_root, "UNC", "fs01", "share", "mail.pfx")
    p = subprocess.run([OPENSSL, "pkcs12", "-in", path, "-passin", "pass:Lab!Pass1", "-nodes", "-info"]
                       + LEGACY, capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert p.stdout.count("BEGIN CERTIFICATE") == 2        # the certificate and the CA root
    assert "PRIVATE KEY" in p.stdout
    # As Windows writes it: the key under 3DES, the certificates under RC2-40, SHA-1 MAC.
    assert "MAC: sha1, Iteration 2000" in p.stderr + p.stdout
    assert "Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2000" in p.stderr + p.stdout
    assert "PKCS7 Encrypted data: pbeWithSHA1And40BitRC2-CBC, Iteration 2000" in p.stderr + p.stdout
    wrong = run(sh, "Import-ExchangeCertificate -Server EX02 -FileData ([System.IO.File]::ReadAllBytes('\\\\fs01\\share\\mail.pfx')) "
                    "-Password (ConvertTo-SecureString 'nope' -AsPlainText -Force)", ok=False)
    assert "The source data cannot be imported or the wrong password was specified." in wrong
    assert t not in ex02.my
    run(sh, "Import-ExchangeCertificate -Server EX02 -FileData ([System.IO.File]::ReadAllBytes('\\\\fs01\\share\\mail.pfx')) -Password %s | Out-Null" % PW)
    assert ex02.get_certificate(t).HasPrivateKey
    dup = run(sh, "Import-ExchangeCertificate -Server EX02 -FileData ([System.IO.File]::ReadAllBytes('\\\\fs01\\share\\mail.pfx')) -Password %s" % PW, ok=False)
    assert "A certificate with the thumbprint %s already exists." % t in dup
    # Imported without -PrivateKeyExportable: the key cannot leave EX02 again.
    trap = run(sh, "Export-ExchangeCertificate -Server EX02 -Thumbprint %s -BinaryEncoded -Password %s" % (t, PW), ok=False)
    assert "The private key couldn't be exported as PKCS-12." in trap


def test_setup_certificate_is_not_exportable(sh):
    shell, _ = sh
    old = shell.organization.local_server.certificates()[0].Thumbprint
    text = run(sh, "Export-ExchangeCertificate -Thumbprint %s -BinaryEncoded -Password %s" % (old, PW), ok=False)
    assert "It either couldn't be accessed or isn't exportable." in text


@pytest.mark.parametrize("data, fragment", [
    ("([System.IO.File]::ReadAllBytes('C:\\certreq\\truncated.cer'))",
     "The certificate data isn't valid Base64-encoded data."),
    ("([System.IO.File]::ReadAllBytes('C:\\certreq\\truncated.der'))",
     "The source data cannot be imported or the wrong password was specified."),
    ("([System.IO.File]::ReadAllBytes('C:\\certreq\\missing.cer'))", "Could not find file"),
    ("([System.IO.File]::ReadAllBytes('Q:\\x.cer'))", "Could not find a part of the path"),
])
def test_bad_import_changes_nothing(sh, data, fragment):
    shell, _ = sh
    request_and_issue(sh)
    with open(real(shell, "certreq", "contoso.cer"), "rb") as fh:
        raw = fh.read()
    with open(real(shell, "certreq", "truncated.cer"), "wb") as fh:
        fh.write(raw[: len(raw) // 2])
    import base64
    der = base64.b64decode(b"".join(l for l in raw.splitlines() if not l.startswith(b"-----")))
    with open(real(shell, "certreq", "truncated.der"), "wb") as fh:
        fh.write(der[:-40])
    before = shell.organization.local_server.state() if hasattr(shell.organization.local_server, "state") else None
    text = run(sh, "Import-ExchangeCertificate -FileData %s" % data, ok=False)
    assert fragment in text
    assert len(pending(shell)) == 1
    if before is not None:
        assert shell.organization.local_server.state() == before


def test_public_ca_needs_its_issuing_ca(sh):
    shell, _ = sh
    run(sh, "New-Item -ItemType Directory C:\\certreq | Out-Null")
    run(sh, REQUEST + "; Set-Content C:\\certreq\\p.req -Value $req")
    run(sh, "Request-LabPublicCertificate -RequestFile C:\\certreq\\p.req -OutFile C:\\certreq\\p.cer | Out-Null")
    text = run(sh, "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\p.cer'))", ok=False)
    assert "trusted root" in text
    assert len(pending(shell)) == 1
    run(sh, "Request-LabPublicCertificate -RequestFile C:\\certreq\\p.req -OutFile C:\\certreq\\p.p7b | Out-Null")
    t = run(sh, "(Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\p.p7b'))).Thumbprint").strip()
    view = shell.organization.local_server.get_certificate(t)
    assert (str(view.Status), str(view.RootCAType)) == ("Valid", "ThirdParty")


def test_a_deleted_public_root_stays_deleted(sh):
    """The public CA's root is trusted once, when the CA is made; a root the user
    deletes (certutil -delstore here; Remove-Item on the Cert: drive of PowerShell 3.0+)
    does not come back with the next request or import."""
    shell, _ = sh
    run(sh, "New-Item -ItemType Directory C:\\certreq | Out-Null")
    run(sh, "Export-LabCARoot C:\\certreq\\root.cer -Authority Public | Out-Null")
    root = run(sh, "(Get-PfxCertificate C:\\certreq\\root.cer).Thumbprint").strip()
    assert run(sh, "Test-Path Cert:\\LocalMachine\\Root\\%s" % root).strip() == "True"
    run(sh, "certutil -delstore Root %s | Out-Null" % root)    # 2010: no Remove-Item on Cert:
    run(sh, REQUEST + "; Set-Content C:\\certreq\\p.req -Value $req")
    run(sh, "Request-LabPublicCertificate C:\\certreq\\p.req C:\\certreq\\p.p7b | Out-Null")
    run(sh, "Export-LabCARoot C:\\certreq\\root2.cer -Authority Public | Out-Null")
    text = run(sh, "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes("
                   "'C:\\certreq\\p.p7b'))", ok=False)
    assert "trusted root" in text
    assert run(sh, "Test-Path Cert:\\LocalMachine\\Root\\%s" % root).strip() == "False"
    # A server added later still gets it (it is the machine's image that ships the root).
    assert root in shell.organization.add_server("EX09").roots


@needs_openssl
@pytest.mark.parametrize("with_chain", [False, True])
def test_openssl_pfx_imports_with_openssls_thumbprint(sh, tmp_path, with_chain):
    shell, _ = sh
    shell.drive.ensure()
    key, crt = str(tmp_path / "k.pem"), str(tmp_path / "c.pem")
    p = openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", crt, "-days", "30",
                "-subj", "/CN=owa.contoso.com", "-addext", "subjectAltName=DNS:owa.contoso.com",
                "-addext", "extendedKeyUsage=serverAuth")
    assert p.returncode == 0, p.stderr
    args = ["pkcs12", "-export", "-inkey", key, "-in", crt, "-out", real(shell, "Users", "o.pfx"),
            "-passout", "pass:Lab!Pass1"]
    if with_chain:
        run(sh, "Export-LabCARoot C:\\Users\\root.pem | Out-Null")
        args += ["-certfile", real(shell, "Users", "root.pem")]
    p = openssl(*args)
    assert p.returncode == 0, p.stderr
    fp = openssl("x509", "-in", crt, "-noout", "-fingerprint", "-sha1").stdout.strip()
    expected = fp.split("=", 1)[1].replace(":", "")
    t = run(sh, "(Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\Users\\o.pfx')) -Password %s).Thumbprint" % PW).strip()
    assert t == expected
    assert shell.organization.local_server.get_certificate(t).HasPrivateKey


def test_export_pending_request_returns_the_request(sh):
    shell, _ = sh
    run(sh, REQUEST)
    [p] = pending(shell)
    text = run(sh, "Export-ExchangeCertificate -Thumbprint %s" % p.Thumbprint)
    assert text.startswith("-----BEGIN NEW CERTIFICATE REQUEST-----")


@pytest.mark.parametrize("command, fragment", [
    ('certreq -submit -config "DC01.contoso.com\\Other-CA" -attrib "CertificateTemplate:WebServer" C:\\certreq\\contoso.req C:\\certreq\\x.cer',
     "RPC_S_SERVER_UNAVAILABLE"),
    ('certreq -submit -config "DC01.contoso.com\\Contoso-CA" C:\\certreq\\contoso.req C:\\certreq\\x.cer',
     "CERTSRV_E_NO_CERT_TYPE"),
    ('certreq -submit -config "DC01.contoso.com\\Contoso-CA" -attrib "CertificateTemplate:User" C:\\certreq\\contoso.req C:\\certreq\\x.cer',
     "CERTSRV_E_UNSUPPORTED_CERT_TYPE"),
    ('certreq -submit -config "DC01.contoso.com\\Contoso-CA" -attrib "CertificateTemplate:WebServer" C:\\certreq\\none.req C:\\certreq\\x.cer',
     "ERROR_FILE_NOT_FOUND"),
])
def test_certreq_failures(sh, command, fragment):
    shell, _ = sh
    request_and_issue(sh)
    text = run(sh, command + "; $LASTEXITCODE")
    assert fragment in text
    assert not os.path.exists(real(shell, "certreq", "x.cer"))
    assert int(text.strip().split("\n")[-1]) != 0


def test_status_follows_the_clock(sh):
    shell, _ = sh
    request_and_issue(sh)
    t = run(sh, "(Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\contoso.cer'))).Thumbprint").strip()
    assert run(sh, "(Get-ExchangeCertificate -Thumbprint %s).Status" % t).strip() == "Valid"
    run(sh, "Set-Date -Date (Get-Date).AddYears(3) | Out-Null")
    assert run(sh, "(Get-ExchangeCertificate -Thumbprint %s).Status" % t).strip() == "DateInvalid"


@needs_openssl
def test_certificate_from_an_unknown_ca_is_untrusted(tmp_path):
    import datetime as _dt
    # openssl dates its certificates from the real clock: run the shell an hour later.
    now = _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None) + _dt.timedelta(hours=1)
    shell, host = make_shell(clock=now)
    sh = (shell, host)
    shell.drive.ensure()
    ca_key, ca_crt = str(tmp_path / "ca.key"), str(tmp_path / "ca.crt")
    key, csr, crt = str(tmp_path / "l.key"), str(tmp_path / "l.csr"), str(tmp_path / "l.crt")
    assert openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca_key, "-out", ca_crt,
                   "-days", "30", "-subj", "/CN=Unknown Root").returncode == 0
    assert openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr,
                   "-subj", "/CN=mail.contoso.com").returncode == 0
    assert openssl("x509", "-req", "-in", csr, "-CA", ca_crt, "-CAkey", ca_key, "-CAcreateserial",
                   "-out", crt, "-days", "20").returncode == 0
    assert openssl("pkcs12", "-export", "-inkey", key, "-in", crt, "-out", real(shell, "Users", "u.pfx"),
                   "-passout", "pass:Lab!Pass1").returncode == 0
    t = run(sh, "(Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\Users\\u.pfx')) -Password %s).Thumbprint" % PW).strip()
    view = shell.organization.local_server.get_certificate(t)
    assert (str(view.Status), str(view.RootCAType)) == ("Untrusted", "Unknown")


@pytest.mark.parametrize("version, new, imp, exp", [
    ("2007", "-Path C:\\certreq\\r.req", "C:\\certreq\\r.cer", "-Path C:\\certreq\\r.pfx"),
    ("2013", "-RequestFile C:\\certreq\\r", "-FileName C:\\certreq\\r.cer", "-FileName C:\\certreq\\r"),
])
def test_file_parameters_per_version(version, new, imp, exp):
    shell, host = make_shell(version)
    sh = (shell, host)
    run(sh, "New-Item -ItemType Directory C:\\certreq | Out-Null")
    run(sh, "New-ExchangeCertificate -GenerateRequest %s -DomainName mail.contoso.com -PrivateKeyExportable $true | Out-Null" % new)
    assert os.path.isfile(real(shell, "certreq", "r.req"))
    run(sh, 'certreq -submit -config "DC01.contoso.com\\contoso-DC01-CA" -attrib "CertificateTemplate:WebServer" C:\\certreq\\r.req C:\\certreq\\r.cer')
    run(sh, "Import-ExchangeCertificate %s | Out-Null" % imp)
    t = run(sh, "(Get-ExchangeCertificate -DomainName mail.contoso.com).Thumbprint").strip()
    run(sh, "Export-ExchangeCertificate -Thumbprint %s %s -BinaryEncoded -Password %s | Out-Null" % (t, exp, PW))
    with open(real(shell, "certreq", "r.pfx"), "rb") as fh:
        assert fh.read(1) == b"\x30"                     # a DER PFX
    again = run(sh, "Export-ExchangeCertificate -Thumbprint %s %s -BinaryEncoded -Password %s" % (t, exp, PW), ok=False)
    assert "already exists" in again
    assert shell.internal_errors == []


@pytest.mark.parametrize("version, param", [("2010", "-RequestFile"), ("2016", "-RequestFile"),
                                            ("2010", "-FileName"), ("2019", "-Path")])
def test_file_parameters_missing_in_other_versions(version, param):
    shell, host = make_shell(version)
    text = run((shell, host), "New-ExchangeCertificate -GenerateRequest %s C:\\x.req" % param, ok=False)
    assert "A parameter cannot be found that matches parameter name" in text


def test_binary_encoded_without_generate_request(sh):
    text = run(sh, "New-ExchangeCertificate -BinaryEncoded -DomainName x.contoso.com", ok=False)
    assert "BinaryEncoded" in text
    assert pending(sh[0]) == []


def test_certreq_accept_completes_the_request(sh):
    shell, _ = sh
    request_and_issue(sh)
    text = run(sh, "certreq -accept C:\\certreq\\contoso.cer")
    assert text.startswith("Installed Certificate:")
    assert pending(shell) == []
    thumb = text.split("Thumbprint: ")[1].split()[0]
    assert shell.organization.local_server.get_certificate(thumb).HasPrivateKey


@needs_openssl
def test_public_ca_chain_verifies_with_openssl(sh):
    shell, _ = sh
    run(sh, "New-Item -ItemType Directory C:\\certreq | Out-Null")
    run(sh, REQUEST + "; Set-Content C:\\certreq\\p.req -Value $req")
    run(sh, "Request-LabPublicCertificate C:\\certreq\\p.req C:\\certreq\\p.cer | Out-Null")
    run(sh, "Export-LabCARoot C:\\certreq\\public-root.cer -Authority Public | Out-Null")
    run(sh, "Export-LabCARoot C:\\certreq\\public-chain.cer -Authority Public -IncludeIssuingCA | Out-Null")
    d = real(shell, "certreq")
    alone = openssl("verify", "-CAfile", os.path.join(d, "public-root.cer"), os.path.join(d, "p.cer"))
    assert alone.returncode != 0                               # the intermediate is missing
    full = openssl("verify", "-CAfile", os.path.join(d, "public-root.cer"),
                   "-untrusted", os.path.join(d, "public-chain.cer"), os.path.join(d, "p.cer"))
    assert full.returncode == 0, full.stdout + full.stderr


@pytest.mark.parametrize("command", [
    "New-ExchangeCertificate -GenerateRequest -DomainName mail.contoso.com -WhatIf",
    "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\contoso.cer')) -WhatIf",
])
def test_whatif_changes_nothing(sh, command):
    shell, _ = sh
    request_and_issue(sh)
    server = shell.organization.local_server
    before = sorted(c.Thumbprint for c in server.certificates())
    text = run(sh, command)
    assert text.startswith("What if: ")
    assert sorted(c.Thumbprint for c in server.certificates()) == before


def test_whatif_export_writes_no_file():
    shell, host = make_shell("2013")
    sh = (shell, host)
    run(sh, "$c = New-ExchangeCertificate -DomainName x.contoso.com -PrivateKeyExportable $true -Services IIS -Force")
    text = run(sh, "Export-ExchangeCertificate -Thumbprint $c.Thumbprint -FileName C:\\x.pfx -Password %s -WhatIf" % PW)
    assert text.startswith("What if: ")
    assert not os.path.exists(real(shell, "x.pfx"))


def test_out_file_and_add_content(sh):
    shell, _ = sh
    run(sh, "Get-ExchangeCertificate | Out-File C:\\certs.txt")
    with open(real(shell, "certs.txt"), "rb") as fh:
        data = fh.read()
    assert data.startswith(b"\xff\xfe")                        # UTF-16 with a BOM, as PowerShell 2.0
    assert "CN=EX01" in data.decode("utf-16")
    run(sh, "Set-Content C:\\log.txt -Value a; Add-Content C:\\log.txt -Value b")
    assert run(sh, "Get-Content C:\\log.txt").split() == ["a", "b"]


def test_as_byte_stream_on_2016():
    shell, host = make_shell("2016")
    sh = (shell, host)
    run(sh, "Set-Content C:\\b.bin -Value (1,2,3) -Encoding Byte")
    assert run(sh, "(Get-Content C:\\b.bin -AsByteStream -ReadCount 0).Length").strip() == "3"


def test_public_certificate_moves_to_a_server_added_later(sh):
    shell, _ = sh
    run(sh, "New-Item -ItemType Directory C:\\certreq | Out-Null")
    run(sh, REQUEST + "; Set-Content C:\\certreq\\p.req -Value $req")
    run(sh, "Request-LabPublicCertificate C:\\certreq\\p.req C:\\certreq\\p.p7b | Out-Null")
    t = run(sh, "(Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\p.p7b'))).Thumbprint").strip()
    ex03 = shell.organization.add_server("EX03")
    run(sh, "$pfx = Export-ExchangeCertificate -Thumbprint %s -BinaryEncoded -Password %s" % (t, PW))
    run(sh, "Import-ExchangeCertificate -Server EX03 -FileData $pfx.FileData -Password %s | Out-Null" % PW)
    view = ex03.get_certificate(t)
    assert (str(view.Status), str(view.RootCAType)) == ("Valid", "ThirdParty")


@needs_openssl
@pytest.mark.parametrize("version", ["2007", "2010", "2013", "2016", "2019"])
@pytest.mark.parametrize("binary", [False, True])
def test_openssl_accepts_every_request(version, binary):
    shell, host = make_shell(version)
    sh = (shell, host)
    if binary:
        run(sh, "$r = New-ExchangeCertificate -GenerateRequest -BinaryEncoded -SubjectName 'CN=mail.contoso.com, O=Contoso' -DomainName mail.contoso.com,owa.contoso.com")
        run(sh, "[System.IO.File]::WriteAllBytes('C:\\r.der', $r.FileData)")
        args = ["-inform", "DER"]
    else:
        run(sh, "$r = New-ExchangeCertificate -GenerateRequest -SubjectName 'CN=mail.contoso.com, O=Contoso' -DomainName mail.contoso.com,owa.contoso.com")
        run(sh, "[System.IO.File]::WriteAllText('C:\\r.der', $r)")
        args = []
    p = openssl("req", *args, "-in", real(shell, "r.der"), "-verify", "-noout", "-text")
    assert p.returncode == 0, p.stderr
    assert "DNS:mail.contoso.com, DNS:owa.contoso.com" in p.stdout


@needs_openssl
def test_exported_pfx_carries_the_whole_public_chain(sh):
    shell, _ = sh
    run(sh, "New-Item -ItemType Directory C:\\certreq | Out-Null")
    run(sh, REQUEST + "; Set-Content C:\\certreq\\p.req -Value $req")
    run(sh, "Request-LabPublicCertificate C:\\certreq\\p.req C:\\certreq\\p.p7b | Out-Null")
    t = run(sh, "(Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\p.p7b'))).Thumbprint").strip()
    run(sh, "$pfx = Export-ExchangeCertificate -Thumbprint %s -BinaryEncoded -Password %s" % (t, PW))
    run(sh, "[System.IO.File]::WriteAllBytes('C:\\certreq\\p.pfx', $pfx.FileData)")
    p = openssl("pkcs12", "-in", real(shell, "certreq", "p.pfx"), "-passin", "pass:Lab!Pass1", "-nokeys", "-cacerts", *LEGACY)
    assert p.returncode == 0, p.stderr
    assert "Lab Public Issuing CA 1" in p.stdout and "Lab Public Root CA" in p.stdout


def test_one_liner_7_unicode_request_file(sh):
    """Reference §8 one-liner 7: the request saved as UTF-16 with WriteAllBytes."""
    shell, _ = sh
    run(sh, "New-Item -ItemType Directory C:\\certreq | Out-Null")
    run(sh, REQUEST)
    run(sh, "[System.IO.File]::WriteAllBytes('C:\\certreq\\contoso.req', [System.Text.Encoding]::Unicode.GetBytes($req))")
    with open(real(shell, "certreq", "contoso.req"), "rb") as fh:
        assert fh.read(4) == "--".encode("utf-16-le")
    out = run(sh, SUBMIT)
    assert "Certificate retrieved(Issued) Issued" in out
    run(sh, "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\contoso.cer')) | Out-Null")
    assert pending(shell) == []


@pytest.mark.parametrize("expr, expected", [
    ("[System.Text.Encoding]::Unicode.GetBytes('ab').Length", "4"),
    ("[System.Text.Encoding]::UTF8.GetString([System.Text.Encoding]::UTF8.GetBytes('hé'))", "hé"),
    ("[Text.Encoding]::GetEncoding('us-ascii').CodePage", "20127"),
])
def test_text_encoding(sh, expr, expected):
    assert run(sh, expr).strip() == expected


@needs_openssl
def test_public_certificate_looks_like_one(sh):
    shell, _ = sh
    run(sh, "New-Item -ItemType Directory C:\\certreq | Out-Null")
    run(sh, REQUEST + "; Set-Content C:\\certreq\\p.req -Value $req")
    run(sh, "Request-LabPublicCertificate C:\\certreq\\p.req C:\\certreq\\p.cer | Out-Null")
    p = openssl("x509", "-in", real(shell, "certreq", "p.cer"), "-noout", "-text")
    for fragment in ("TLS Web Server Authentication", "DNS:mail.contoso.com", "CRL Distribution Points",
                     "OCSP - URI:http://ocsp.exshell-lab-pki.invalid", "2.23.140.1.2.2",
                     "Digital Signature, Key Encipherment"):
        assert fragment in p.stdout, fragment


def test_public_ca_refuses_a_request_without_names(sh):
    shell, _ = sh
    run(sh, "$r = New-ExchangeCertificate -GenerateRequest -SubjectName 'CN=Only Subject' -DomainName @()")
    run(sh, "Set-Content C:\\n.req -Value $r")
    text = run(sh, "Request-LabPublicCertificate C:\\n.req C:\\n.cer", ok=False)
    assert "it names no domains (subject alternative names)" in text
    assert not os.path.exists(real(shell, "n.cer"))


@pytest.mark.parametrize("command, fragment", [
    ("certreq -submit", "ERROR_INVALID_PARAMETER"),
    ("certreq -accept", "ERROR_INVALID_PARAMETER"),
    ("certreq", "choose -submit or -accept"),
])
def test_certreq_usage(sh, command, fragment):
    text = run(sh, command + "; $LASTEXITCODE")
    assert fragment in text
    assert int(text.strip().split("\n")[-1]) != 0


def test_certreq_slash_options(sh):
    shell, _ = sh
    request_and_issue(sh)
    out = run(sh, 'certreq /submit /config "DC01\\contoso-DC01-CA" /attrib "CertificateTemplate:WebServer" '
                  'C:\\certreq\\contoso.req C:\\certreq\\slash.cer C:\\certreq\\slash.p7b')
    assert "Certificate retrieved(Issued) Issued" in out
    assert os.path.isfile(real(shell, "certreq", "slash.cer")) and os.path.isfile(real(shell, "certreq", "slash.p7b"))
    out = run(sh, "certreq /accept C:\\certreq\\slash.cer")
    assert out.startswith("Installed Certificate:")


def test_removing_the_auth_certificate_is_allowed_as_in_exchange():
    """Exchange 2013+ does not guard the Auth (OAuth) certificate: Remove-ExchangeCertificate
    takes it without a warning (only the transport, UM, federation and Send connector
    certificates are blocked), the Auth configuration keeps naming it, and asking for it
    then gives the error Microsoft's OAuth article shows."""
    shell, host = make_shell("2016")
    shell.run("$t = (Get-AuthConfig).CurrentCertificateThumbprint; "
              "Remove-ExchangeCertificate -Thumbprint $t -Confirm:$false")
    assert host.text == ""                                   # no warning, no error
    auth = shell.organization.auth_config.current_thumbprint
    assert auth not in shell.organization.local_server.my
    host.clear()
    shell.run("(Get-AuthConfig).CurrentCertificateThumbprint | Get-ExchangeCertificate")
    assert ("A special Rpc error occurs on server EX01: The certificate with thumbprint %s was "
            "not found." % auth) in host.text
