"""CSV and JSON cmdlets, and the path helper they share."""
from __future__ import annotations

import datetime

import pytest

from cmdlet_kit import PS20, PS51, make_shell, run, values


def c_drive(tmp_path):
    """The real folder behind C:\\ of a shell whose drive_root is tmp_path."""
    folder = tmp_path / "C"
    folder.mkdir(exist_ok=True)
    return folder

from exshell.engine.properties import PSObject, type_names


# ------------------------------------------------------------------------ ConvertTo-Csv

@pytest.mark.parametrize("text, expected", [
    ("[pscustomobject]@{a=1;b=$null;c='x\"y'} | ConvertTo-Csv",
     ["#TYPE System.Management.Automation.PSCustomObject", '"a","b","c"', '"1",,"x""y"']),
    ("[pscustomobject]@{a=1;b=2} | ConvertTo-Csv -NoTypeInformation -Delimiter ';'",
     ['"a";"b"', '"1";"2"']),
    ("'abc' | select Length | ConvertTo-Csv", ["#TYPE Selected.System.String", '"Length"', '"3"']),
    ("[pscustomobject]@{L=@(1,2);D=[datetime]'2026-11-28 13:05:00'} | ConvertTo-Csv -NTI",
     ['"L","D"', '"System.Object[]","11/28/2026 1:05:00 PM"']),
    ("[pscustomobject]@{a=1}, [pscustomobject]@{a=2;b=3} | ConvertTo-Csv -NoTypeInformation",
     ['"a"', '"1"', '"2"']),
])
def test_convert_to_csv(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("'a,b','1,2' | ConvertFrom-Csv", [[("a", "1"), ("b", "2")]]),
    ("'a;b','1;2' | ConvertFrom-Csv -Delimiter ';'", [[("a", "1"), ("b", "2")]]),
    ("'1,2' | ConvertFrom-Csv -Header X,Y", [[("X", "1"), ("Y", "2")]]),
    ("'a,b','\"x,y\",\"say \"\"hi\"\"\"' | ConvertFrom-Csv", [[("a", "x,y"), ("b", 'say "hi"')]]),
    ("'a,b','1' | ConvertFrom-Csv", [[("a", "1"), ("b", None)]]),
    ("'#TYPE Foo','a','1' | ConvertFrom-Csv", [[("a", "1")]]),
])
def test_convert_from_csv(text, expected):
    out = values(text)
    assert [o.items() for o in out] == expected


def test_convert_from_csv_type_name():
    out = values("'#TYPE Foo.Bar','a','1' | ConvertFrom-Csv")
    assert type_names(out[0])[:2] == ["CSV:Foo.Bar", "System.Management.Automation.PSCustomObject"]


# -------------------------------------------------------------- Export-Csv / Import-Csv

def test_export_csv_file_layout(tmp_path):
    shell, host = make_shell(PS20, drive_root=str(tmp_path))
    result = shell.run("[pscustomobject]@{Name='EX01';Days=23} | Export-Csv C:\\report.csv")
    assert result.success and host.text == ""
    assert (c_drive(tmp_path) / "report.csv").read_bytes() == (
        b'#TYPE System.Management.Automation.PSCustomObject\r\n"Name","Days"\r\n"EX01","23"\r\n')


@pytest.mark.parametrize("encoding, bom", [("UTF8", b"\xef\xbb\xbf"), ("Unicode", b"\xff\xfe"),
                                           ("ASCII", b'"')])
def test_export_csv_encodings(tmp_path, encoding, bom):
    shell, _ = make_shell(PS20, drive_root=str(tmp_path))
    shell.run("[pscustomobject]@{a=1} | Export-Csv C:\\e.csv -NoTypeInformation -Encoding %s" % encoding)
    data = (c_drive(tmp_path) / "e.csv").read_bytes()
    assert data.startswith(bom)
    out: list = []
    shell.run("Import-Csv C:\\e.csv", out=out.append)
    assert out[0].items() == [("a", "1")]


def test_csv_round_trip_of_certificates(tmp_path):
    shell, _ = make_shell(PS51, drive_root=str(tmp_path))
    original: list = []
    shell.run("Get-ExchangeCertificate | select Thumbprint, Subject, NotAfter", out=original.append)
    shell.run("Get-ExchangeCertificate | select Thumbprint, Subject, NotAfter | "
              "Export-Csv C:\\certs.csv -NoTypeInformation")
    back: list = []
    shell.run("Import-Csv C:\\certs.csv", out=back.append)
    assert [b.Thumbprint if False else b.get("Thumbprint") for b in back] == \
        [o.get("Thumbprint") for o in original]
    assert all(isinstance(b.get("NotAfter"), str) for b in back)
    assert type_names(back[0])[0] == "System.Management.Automation.PSCustomObject"


def test_import_csv_keeps_the_type_line_as_csv_type_name(tmp_path):
    (c_drive(tmp_path) / "t.csv").write_text('#TYPE Selected.X\n"A"\n"1"\n')
    out = values("Import-Csv \\t.csv", drive_root=str(tmp_path))
    assert type_names(out[0])[0] == "CSV:Selected.X"


def test_import_csv_header_and_delimiter(tmp_path):
    (c_drive(tmp_path) / "data").mkdir()
    (c_drive(tmp_path) / "data" / "t.txt").write_text("EX01;Valid\r\nEX02;Invalid\r\n")
    out = values("Import-Csv C:\\data\\t.txt -Delimiter ';' -Header Server,Status | "
                 "? { $_.Status -eq 'Valid' } | % { $_.Server }", drive_root=str(tmp_path))
    assert out == ["EX01"]


def test_export_csv_append_is_3_0_plus(tmp_path):
    shell, _ = make_shell(PS51, drive_root=str(tmp_path))
    shell.run("[pscustomobject]@{a=1} | Export-Csv C:\\a.csv -NoTypeInformation")
    shell.run("[pscustomobject]@{a=2} | Export-Csv C:\\a.csv -NoTypeInformation -Append")
    assert (c_drive(tmp_path) / "a.csv").read_bytes() == b'"a"\r\n"1"\r\n"2"\r\n'
    result, _ = run("[pscustomobject]@{a=2} | Export-Csv C:\\a.csv -Append", PS20,
                    drive_root=str(tmp_path))
    assert result.errors[0].error_id == "NamedParameterNotFound"


def test_export_csv_what_if_writes_nothing(tmp_path):
    shell, host = make_shell(PS20, drive_root=str(tmp_path))
    shell.run("[pscustomobject]@{a=1} | Export-Csv C:\\w.csv -WhatIf")
    assert host.text == 'What if: Performing operation "Export-Csv" on Target "C:\\w.csv".\n'
    assert not (c_drive(tmp_path) / "w.csv").exists()


@pytest.mark.parametrize("text, error_id, message", [
    ("Import-Csv C:\\nope.csv", "FileNotFoundException,Microsoft.PowerShell.Commands.ImportCsvCommand",
     "Could not find file 'C:\\nope.csv'."),
    ("1 | Export-Csv C:\\no\\dir.csv", "DirectoryNotFoundException,Microsoft.PowerShell.Commands.ExportCsvCommand",
     "Could not find a part of the path 'C:\\no\\dir.csv'."),
])
def test_csv_file_errors(tmp_path, text, error_id, message):
    result, shown = run(text, drive_root=str(tmp_path))
    assert result.errors[0].FullyQualifiedErrorId == error_id
    assert message in shown


def test_resolve_path_goes_through_the_shell_drive(tmp_path):
    from exshell.cmdlets.data import ExportCsv, resolve_path
    from exshell.engine.cmdlet import CommandRuntime
    shell, _ = make_shell(PS20, drive_root=str(tmp_path))
    cmd = ExportCsv(CommandRuntime(shell.context, None, "Export-Csv", None, "Continue", False,
                                   None, "Medium", False, False))
    c = str(tmp_path / "C")
    assert resolve_path(cmd, "C:\\Temp\\a.csv").real == c + "/Temp/a.csv"
    assert resolve_path(cmd, "\\Windows\\..\\b.csv").real == c + "/b.csv"
    assert resolve_path(cmd, "c.csv").real == c + "/Windows/system32/c.csv"
    assert resolve_path(cmd, "C:\\..\\..\\etc\\passwd").real == c + "/etc/passwd"


def test_resolve_path_refuses_without_a_drive(tmp_path):
    """A bare execution context (no emulated drive registered) gets a clean refusal
    (files are only ever reached through the drive, never through a bare folder)."""
    from exshell.cmdlets.data import ExportCsv, resolve_path
    from exshell.engine.cmdlet import CommandRuntime
    from exshell.engine.context import ExecutionContext
    from exshell.engine.errors import TerminatingError
    from exshell.host import RecordingHost
    context = ExecutionContext(RecordingHost([]))
    cmd = ExportCsv(CommandRuntime(context, None, "Export-Csv", None, "Continue", False, None,
                                   "Medium", False, False))
    with pytest.raises(TerminatingError) as info:
        resolve_path(cmd, "C:\\x.csv")
    assert info.value.record.error_id == "FileSystemUnavailable"


# -------------------------------------------------------------------------------- JSON

def test_convert_to_json_5_1_layout():
    out = values("@{a=@{b=@{c=@{d=1}}};e=@(1,2);f='x<y'} | ConvertTo-Json", PS51)
    assert out[0].split("\n") == [
        "{",
        '    "a":  {',
        '              "b":  {',
        '                        "c":  "System.Collections.Hashtable"',
        "                    }",
        "          },",
        '    "e":  [',
        "              1,",
        "              2",
        "          ],",
        '    "f":  "x\\u003cy"',
        "}",
    ]


@pytest.mark.parametrize("text, expected", [
    ("[pscustomobject]@{a=1;b='x'} | ConvertTo-Json -Compress", '{"a":1,"b":"x"}'),
    ("1,2 | ConvertTo-Json -Compress", "[1,2]"),
    ("'x' | ConvertTo-Json", '"x"'),
    ("ConvertTo-Json @{a=$null;b=$true;c=1.5} -Compress", '{"a":null,"b":true,"c":1.5}'),
    ("[datetime]'1970-01-02' | ConvertTo-Json", '"\\/Date(86400000)\\/"'),
    ("@{a=@{b=@{c=1}}} | ConvertTo-Json -Depth 1 -Compress", '{"a":{"b":"System.Collections.Hashtable"}}'),
    ("\"it's\" | ConvertTo-Json", '"it\\u0027s"'),
])
def test_convert_to_json_values(text, expected):
    assert values(text, PS51) == [expected]


def test_json_cmdlets_do_not_exist_in_powershell_2():
    for text in ("1 | ConvertTo-Json", "'{}' | ConvertFrom-Json"):
        result, _ = run(text, PS20)
        assert result.errors[0].error_id == "CommandNotFoundException"


def test_convert_from_json():
    out = values("'{\"n\":\"a\",\"v\":[1,2],\"o\":{\"x\":true}}' | ConvertFrom-Json", PS51)
    obj = out[0]
    assert isinstance(obj, PSObject)
    assert obj.get("n") == "a" and obj.get("v") == [1, 2] and obj.get("o").items() == [("x", True)]


def test_convert_from_json_array_is_one_object_and_dates_parse():
    assert values("'[1,2,3]' | ConvertFrom-Json | Measure-Object | % { $_.Count }", PS51) == [1]
    out = values("'\"\\/Date(86400000)\\/\"' | ConvertFrom-Json", PS51)
    assert out == [datetime.datetime(1970, 1, 2)]


def test_json_round_trip():
    out = values("$j = [pscustomobject]@{Name='EX01';Services=@('IIS','SMTP')} | ConvertTo-Json; "
                 "($j | ConvertFrom-Json).Services", PS51)
    assert out == ["IIS", "SMTP"]


def test_convert_from_json_error():
    result, text = run("'not json' | ConvertFrom-Json", PS51)
    assert result.errors[0].FullyQualifiedErrorId == \
        "System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand"
    assert "Invalid JSON primitive: not." in text
