"""Export-Clixml / Import-Clixml / ConvertTo-Xml through Shell.run, on the emulated drive."""
import os

import pytest

from exshell.testing import make_shell


@pytest.fixture(params=["2010", "2016"])
def sh(request):
    shell, host = make_shell(request.param)
    yield shell, host
    assert shell.internal_errors == []


def run(sh, text):
    shell, host = sh
    host.clear()
    result = shell.run(text)
    return result, host.text


def real(shell, *parts):
    os.makedirs(os.path.join(shell.drive_root, "C"), exist_ok=True)
    return os.path.join(shell.drive_root, "C", *parts)


def test_default_file_is_utf16_with_bom_and_crlf(sh):
    shell, _ = sh
    r, _ = run(sh, "Get-ExchangeServer | Export-Clixml C:\\servers.xml")
    assert r.success
    data = open(real(shell, "servers.xml"), "rb").read()
    assert data.startswith(b"\xff\xfe<\x00O\x00b\x00j\x00s\x00")
    text = data[2:].decode("utf-16-le")
    assert text.startswith('<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">\r\n')
    assert "\r\n  <Obj RefId=\"0\">\r\n" in text


@pytest.mark.parametrize("encoding, start", [
    ("UTF8", b"\xef\xbb\xbf<Objs"), ("ASCII", b"<Objs"), ("BigEndianUnicode", b"\xfe\xff\x00<"),
    ("UTF32", b"\xff\xfe\x00\x00<\x00\x00\x00")])
def test_encodings(sh, encoding, start):
    shell, _ = sh
    r, _ = run(sh, "1 | Export-Clixml C:\\one.xml -Encoding %s; Import-Clixml C:\\one.xml" % encoding)
    assert r.success
    assert open(real(shell, "one.xml"), "rb").read().startswith(start)
    r, text = run(sh, "Import-Clixml C:\\one.xml")
    assert text.strip() == "1"


def test_certificates_round_trip_as_deserialized(sh):
    r, text = run(sh, "$l = Get-ExchangeCertificate | Select-Object -First 1; $l | Export-Clixml C:\\c.xml; "
                      "$c = Import-Clixml C:\\c.xml; "
                      "($c | Get-Member | Select-Object -First 1).TypeName; $c.Thumbprint -eq $l.Thumbprint; "
                      "$c.Services.ToString() -eq $l.Services.ToString(); $c.RawData.Length -gt 500; "
                      "$c.CertificateDomains.Count -eq $l.CertificateDomains.Count; \"$c\" -eq \"$l\"")
    lines = text.split("\n")
    assert lines[0] == "Deserialized.Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate"
    assert lines[1:6] == ["True"] * 5


def test_deserialized_certificate_shows_the_certificate_table(sh):
    r, live = run(sh, "Get-ExchangeCertificate")
    r, copy = run(sh, "Get-ExchangeCertificate | Export-Clixml C:\\c.xml; Import-Clixml C:\\c.xml")
    assert copy == live


def test_depth_and_validation(sh):
    r, text = run(sh, "@{a=@{b=@{c=1}}} | Export-Clixml C:\\d.xml -Depth 1; (Import-Clixml C:\\d.xml).a")
    assert text.strip() == "System.Collections.Hashtable"
    r, text = run(sh, "1 | Export-Clixml C:\\d.xml -Depth 0")
    assert not r.success and "minimum allowed range of 1" in text


def test_noclobber_whatif_and_nothing_written_on_failure(sh):
    shell, _ = sh
    run(sh, "1 | Export-Clixml C:\\n.xml")
    before = open(real(shell, "n.xml"), "rb").read()
    r, text = run(sh, "2 | Export-Clixml C:\\n.xml -NoClobber")
    assert not r.success and "already exists" in text
    r, text = run(sh, "2 | Export-Clixml C:\\n.xml -WhatIf")
    assert "What if:" in text
    assert open(real(shell, "n.xml"), "rb").read() == before


def test_literal_path_only_from_powershell_3(sh):
    shell, _ = sh
    r, text = run(sh, "1 | Export-Clixml -LiteralPath 'C:\\a[1].xml'; Import-Clixml -LiteralPath 'C:\\a[1].xml'")
    if shell.version == "2010":
        assert not r.success and "LiteralPath" in text
    else:
        assert r.success and text.strip() == "1"


@pytest.mark.parametrize("content, words", [
    (b"", "Root element is missing."),
    ("Thumbprint,Subject\r\n".encode(), "Data at the root level is invalid. Line 1, position 1."),
    ("\ufeff<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
     "<Obj RefId=\"0\">".encode("utf-16-le"),
     "Unexpected end of file has occurred. The following elements are not closed: Obj, Objs."),
    (b"<html><body>hi</body></html>", "Element 'Objs' with namespace name"),
])
def test_bad_files_are_errors_not_tracebacks(sh, content, words):
    shell, _ = sh
    with open(real(shell, "bad.xml"), "wb") as fh:
        fh.write(content)
    r, text = run(sh, "$x = Import-Clixml C:\\bad.xml; $x -eq $null")
    assert words in text and "Import-Clixml" in text
    assert "Traceback" not in text


def test_secure_strings_round_trip_here_and_are_refused_from_elsewhere(sh):
    shell, _ = sh
    r, text = run(sh, "$pw = ConvertTo-SecureString 'P@ss' -AsPlainText -Force; "
                      "$pw | Export-Clixml C:\\pw.xml; $b = Import-Clixml C:\\pw.xml; "
                      "$b.GetType().FullName; $b.Length")
    assert text.split() == ["System.Security.SecureString", "4"]
    foreign = ('<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">\r\n'
               '  <SS>01000000d08c9ddf0115d1118c7a00c04fc297eb01000000aa</SS>\r\n</Objs>')
    with open(real(shell, "foreign.xml"), "wb") as fh:
        fh.write(b"\xff\xfe" + foreign.encode("utf-16-le"))
    r, text = run(sh, "Import-Clixml C:\\foreign.xml")
    assert not r.success and "Key not valid for use in specified state." in text


def test_convert_to_xml_as_string(sh):
    r, text = run(sh, "1 | ConvertTo-Xml -As String")
    assert '<Object Type="System.Int32">1</Object>' in text


@pytest.mark.parametrize("text, expected", [
    ("Export-Cli", ["Export-Clixml"]),
    ("Import-Cli", ["Import-Clixml"]),
    ("ConvertTo-X", ["ConvertTo-Xml"]),
    ("Export-Clixml -En", ["-Encoding"]),
    ("Export-Clixml -Encoding U", ["Unicode", "UTF7", "UTF8", "UTF32"]),
    ("ConvertTo-Xml -As S", ["Stream", "String"]),
])
def test_completion(sh, text, expected):
    from exshell.repl.completion import complete
    shell, _ = sh
    assert [c.text for c in complete(shell, text)] == expected


def test_literal_path_completes_only_where_it_exists(sh):
    from exshell.repl.completion import complete
    shell, _ = sh
    got = [c.text for c in complete(shell, "Import-Clixml -Li")]
    assert got == ([] if shell.version == "2010" else ["-LiteralPath"])
