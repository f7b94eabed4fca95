"""The two procedures as .ps1 scripts run by the command line (a real process, the
drive on a temporary folder given with -DriveRoot), like an admin would run them."""
import os
import subprocess
import sys


ENV = dict(os.environ, EXSHELL_CLOCK="2026-11-28T10:00:00", EXSHELL_DETERMINISTIC="1",
           COLUMNS="120", NO_COLOR="1")

REPLACE = r"""
# Replace the self-signed certificate with one from the enterprise CA.
$old = Get-ExchangeCertificate -DomainName EX01.contoso.com
New-Item -ItemType Directory -Path C:\certreq | Out-Null
$req = New-ExchangeCertificate -GenerateRequest -SubjectName "CN=mail.contoso.com" -DomainName mail.contoso.com,autodiscover.contoso.com -PrivateKeyExportable $true
Set-Content -Path C:\certreq\mail.req -Value $req
certreq -submit -config "DC01.contoso.com\Contoso-CA" -attrib "CertificateTemplate:WebServer" C:\certreq\mail.req C:\certreq\mail.cer
$new = Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\certreq\mail.cer'))
Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS,SMTP
Remove-ExchangeCertificate -Thumbprint $old.Thumbprint
Get-ExchangeCertificate | Format-List Thumbprint,Services,Status,RootCAType
Export-LabCARoot C:\certreq\root.cer | Out-Null
"""

MOVE = r"""
# Export a certificate with its key; the setup certificate's key cannot be exported.
$pw = ConvertTo-SecureString "Lab!Pass1" -AsPlainText -Force
$old = Get-ExchangeCertificate -DomainName EX01.contoso.com
Export-ExchangeCertificate -Thumbprint $old.Thumbprint -BinaryEncoded -Password $pw
$c = New-ExchangeCertificate -DomainName mail.contoso.com -PrivateKeyExportable $true -Services IIS -Force
$pfx = Export-ExchangeCertificate -Thumbprint $c.Thumbprint -BinaryEncoded -Password $pw
Set-Content -Path \\fs01\share\mail.pfx -Value $pfx.FileData -Encoding Byte
Remove-ExchangeCertificate -Thumbprint $c.Thumbprint -Confirm:$false
$back = Import-ExchangeCertificate -FileData (Get-Content -Path \\fs01\share\mail.pfx -Encoding Byte -ReadCount 0) -Password $pw
"imported: " + ($back.Thumbprint -eq $c.Thumbprint)
"""


def run_script(tmp_path, text, answers=""):
    script = tmp_path / "run.ps1"
    script.write_text(text, encoding="utf-8")
    drive = tmp_path / "drive"
    return subprocess.run([sys.executable, "-m", "exshell", "-DriveRoot", str(drive), "-File", str(script)],
                          input=answers, text=True, capture_output=True, env=ENV, timeout=300), drive


def test_replace_self_signed_certificate_script(tmp_path):
    p, drive = run_script(tmp_path, REPLACE, answers="y\ny\n")
    assert "Traceback" not in p.stdout + p.stderr
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Certificate retrieved(Issued) Issued" in p.stdout
    assert "RootCAType : Enterprise" in p.stdout
    assert "Services   : IIS, SMTP" in p.stdout or "IIS" in p.stdout
    assert p.stdout.count("Thumbprint :") == 1                 # the old one is gone
    for name in ("mail.req", "mail.cer", "root.cer"):
        assert (drive / "C" / "certreq" / name).is_file()


def test_move_certificate_script(tmp_path):
    p, drive = run_script(tmp_path, MOVE)
    assert "Traceback" not in p.stdout + p.stderr
    assert "The private key couldn't be exported as PKCS-12." in p.stderr
    assert p.returncode == 1                                    # that error was written
    assert "imported: True" in p.stdout
    assert (drive / "UNC" / "fs01" / "share" / "mail.pfx").stat().st_size > 1000


TWO_SERVERS = """\
version = "2010"
clock = 2026-11-28T10:00:00

[[servers]]
name = "EX01"

[[servers]]
name = "EX02"
"""

MOVE_TO_EX02 = r"""
# Request on EX01, complete it, move it to EX02 with its key; the trap first.
$pw = ConvertTo-SecureString "Lab!Pass1" -AsPlainText -Force
New-Item -ItemType Directory C:\certreq | Out-Null
$req = New-ExchangeCertificate -GenerateRequest -DomainName mail.contoso.com
Set-Content C:\certreq\mail.req -Value $req
certreq -submit -config "DC01.contoso.com\contoso-DC01-CA" -attrib "CertificateTemplate:WebServer" C:\certreq\mail.req C:\certreq\mail.cer | Out-Null
$c = Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\certreq\mail.cer'))
$pfx = Export-ExchangeCertificate -Thumbprint $c.Thumbprint -BinaryEncoded -Password $pw
"exported: " + ($pfx -ne $null)
# Again, with an exportable key this time.
$req = New-ExchangeCertificate -GenerateRequest -DomainName mail.contoso.com -PrivateKeyExportable $true
Set-Content C:\certreq\mail2.req -Value $req
certreq -submit -config "DC01.contoso.com\contoso-DC01-CA" -attrib "CertificateTemplate:WebServer" C:\certreq\mail2.req C:\certreq\mail2.cer | Out-Null
$c = Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\certreq\mail2.cer'))
$pfx = Export-ExchangeCertificate -Thumbprint $c.Thumbprint -BinaryEncoded -Password $pw
[System.IO.File]::WriteAllBytes('\\fs01\share\mail.pfx', $pfx.FileData)
Import-ExchangeCertificate -Server EX02 -FileData ([System.IO.File]::ReadAllBytes('\\fs01\share\mail.pfx')) -Password $pw | Out-Null
Enable-ExchangeCertificate -Server EX02 -Thumbprint $c.Thumbprint -Services IIS
Get-ExchangeCertificate -Server EX02 -Thumbprint $c.Thumbprint | Format-List Status,RootCAType,HasPrivateKey,Services
"""


def test_move_to_second_server_script_with_organization_file(tmp_path):
    org = tmp_path / "two.toml"
    org.write_text(TWO_SERVERS, encoding="utf-8")
    script = tmp_path / "move.ps1"
    script.write_text(MOVE_TO_EX02, encoding="utf-8")
    drive = tmp_path / "drive"
    p = subprocess.run([sys.executable, "-m", "exshell", "-Organization", str(org), "-DriveRoot", str(drive),
                        "-File", str(script)], text=True, capture_output=True, env=ENV, timeout=300)
    assert "Traceback" not in p.stdout + p.stderr
    # The request was made without -PrivateKeyExportable: the key stays on EX01.
    assert "The private key couldn't be exported as PKCS-12." in p.stderr
    assert "exported: False" in p.stdout
    assert p.returncode == 1
    for line in ("Status        : Valid", "RootCAType    : Enterprise", "HasPrivateKey : True",
                 "Services      : IIS"):
        assert line in p.stdout, p.stdout
    assert (drive / "UNC" / "fs01" / "share" / "mail.pfx").is_file()
