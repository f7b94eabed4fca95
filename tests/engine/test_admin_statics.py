""".NET statics and error-record members that admin scripts use around certificate
work: [DateTime]::ParseExact, [System.IO.Path], $_.CategoryInfo's parts.  Each row
runs on 2.0 (Exchange 2010) and 5.1 (Exchange 2016)."""
import pytest

from exshell.testing import make_shell

BOTH = ("2010", "2016")


def run(text, version):
    shell, host = make_shell(version)
    shell.run(text)
    assert shell.internal_errors == []
    return [line.rstrip() for line in host.text.splitlines() if line.strip()], shell


def cases(table):
    return [pytest.param(script, expected, version, id="%s-%s" % (version, script[:60]))
            for script, expected in table for version in BOTH]


PARSE_EXACT = [
    ('[datetime]::ParseExact("2024-01-02","yyyy-MM-dd",$null).ToString("s")', ["2024-01-02T00:00:00"]),
    ('[datetime]::ParseExact("20240102","yyyyMMdd",$null).ToString("s")', ["2024-01-02T00:00:00"]),
    ('[datetime]::ParseExact("02/Jan/2024 3:04 PM","dd/MMM/yyyy h:mm tt",$null).ToString("s")',
     ["2024-01-02T15:04:00"]),
    ('[datetime]::ParseExact("12:30 AM","hh:mm tt",$null).Hour', ["0"]),
    ('[datetime]::ParseExact("1.2.24", @("yyyy","d.M.yy"),$null).ToString("s")', ["2024-02-01T00:00:00"]),
    ('[datetime]::ParseExact("2024-01-02T10:00:00+02:00","yyyy-MM-ddTHH:mm:sszzz",$null).ToString("s")',
     ["2024-01-02T08:00:00"]),
    ('[datetime]::ParseExact("Tuesday, January 2, 2024","D",$null).Day', ["2"]),
    ('[datetime]::ParseExact("2024-01-02 10:11:12.5","yyyy-MM-dd HH:mm:ss.FFF",$null).Millisecond', ["500"]),
    ("[datetime]::ParseExact(\"2024-01-02\",\"yyyy'-'MM'-'dd\",$null).Month", ["1"]),
]


@pytest.mark.parametrize("script, expected, version", cases(PARSE_EXACT))
def test_parse_exact(script, expected, version):
    assert run(script, version)[0] == expected


@pytest.mark.parametrize("text, spec", [("2024-13-02", "yyyy-MM-dd"), ("2024-02-30", "yyyy-MM-dd"),
                                        ("2024-1-2", "yyyy-MM-dd"), (" 2024", "yyyy"), ("", "yyyy"),
                                        ("2024", "")])
def test_parse_exact_refuses(text, spec):
    shell, host = make_shell("2016")
    shell.run('[datetime]::ParseExact("%s","%s",$null)' % (text, spec))
    assert shell.internal_errors == []
    record = shell.session.errors[0]
    assert record.message.startswith('Exception calling "ParseExact" with "3" argument(s): "')
    assert record.fqid() == "FormatException"


PATHS = [
    (r'[System.IO.Path]::GetFileName("C:\certs\mail.pfx")', ["mail.pfx"]),
    (r'[IO.Path]::GetFileNameWithoutExtension("C:\certs\mail.2024.pfx")', ["mail.2024"]),
    (r'[IO.Path]::GetExtension("C:\certs\mail.pfx")', [".pfx"]),
    (r'"[" + [IO.Path]::GetExtension("C:\certs.d\mail") + "]"', ["[]"]),
    (r'[IO.Path]::GetDirectoryName("C:\certs\mail.pfx")', [r"C:\certs"]),
    (r'[IO.Path]::GetDirectoryName("C:/certs/mail.pfx")', [r"C:\certs"]),
    (r'$null -eq [IO.Path]::GetDirectoryName("C:\")', ["True"]),
    (r'[IO.Path]::Combine("C:\certs", "mail.pfx")', [r"C:\certs\mail.pfx"]),
    (r'[IO.Path]::Combine("C:\certs\", "mail.pfx")', [r"C:\certs\mail.pfx"]),
    (r'[IO.Path]::Combine("C:\certs", "D:\other", "x.cer")', [r"D:\other\x.cer"]),
    (r'[IO.Path]::ChangeExtension("C:\req\ex01.req", "cer")', [r"C:\req\ex01.cer"]),
    (r'[IO.Path]::GetFullPath("..\a.txt")', [r"C:\Windows\a.txt"]),   # .NET's directory, not Set-Location
    (r'cd C:\; [IO.Path]::GetFullPath("a.txt")', [r"C:\Windows\system32\a.txt"]),
    (r'[IO.Path]::GetFullPath("C:\x\.\y\..\z")', [r"C:\x\z"]),
    (r'[IO.Path]::IsPathRooted("certs\a.cer"); [IO.Path]::IsPathRooted("\\srv\share\a")', ["False", "True"]),
    (r'[IO.Path]::GetPathRoot("\\srv\share\a.cer")', [r"\\srv\share"]),
    (r'[IO.Path]::DirectorySeparatorChar', ["\\"]),
    (r'[IO.Path]::GetRandomFileName() -match "^[a-z0-9]{8}\.[a-z0-9]{3}$"', ["True"]),
]


@pytest.mark.parametrize("script, expected, version", cases(PATHS))
def test_io_path(script, expected, version):
    assert run(script, version)[0] == expected


def test_io_path_errors():
    lines, shell = run('[IO.Path]::GetFileName("a|b"); [IO.Path]::Combine("a", $null); '
                       '[IO.Path]::GetFileName(); [IO.Path]::NoSuchMethod(1)', "2016")
    assert [(r.message, r.fqid()) for r in reversed(shell.session.errors)] == [
        ('Exception calling "GetFileName" with "1" argument(s): "Illegal characters in path."',
         "ArgumentException"),
        ('Exception calling "Combine" with "2" argument(s): "Value cannot be null.\r\nParameter name: path2"',
         "ArgumentNullException"),
        ('Cannot find an overload for "GetFileName" and the argument count: "0".',
         "MethodCountCouldNotFindBest"),
        ("Method invocation failed because [System.IO.Path] does not contain a method named "
         "'NoSuchMethod'.", "MethodNotFound")]


CATEGORY = [
    (r'try { Get-Item C:\nope -ErrorAction Stop } catch { $_.CategoryInfo.Category; '
     r'$_.CategoryInfo.Activity; $_.CategoryInfo.Reason; $_.CategoryInfo.TargetName; '
     r'$_.CategoryInfo.TargetType; "$($_.CategoryInfo)" }',
     ["ObjectNotFound", "Get-Item", "ItemNotFoundException", r"C:\nope", "String",
      r"ObjectNotFound: (C:\nope:String) [Get-Item], ItemNotFoundException"]),
    (r'Get-Item C:\nope 2>$null; $Error[0].CategoryInfo.Category -eq "ObjectNotFound"', ["True"]),
    (r'try { throw "x" } catch { $_.CategoryInfo.Category; $_.CategoryInfo.GetType().FullName }',
     ["OperationStopped", "System.Management.Automation.ErrorCategoryInfo"]),
]


@pytest.mark.parametrize("script, expected, version", cases(CATEGORY))
def test_category_info(script, expected, version):
    assert run(script, version)[0] == expected
