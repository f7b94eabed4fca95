""".NET types admin scripts call for paths, text, dates, references and the machine:
System.IO.Path, StringBuilder, Queue/Stack, [DateTime]::ParseExact, [ref] with
TryParse, [Environment] and [System.Net.Dns], on 2.0 (Exchange 2010) and 5.1 (2016)."""
import pytest

from exshell.testing import make_shell

BOTH = ("2010", "2016")


def run(text, version):
    shell, host = make_shell(version)
    shell.run(text)
    assert shell.internal_errors == []
    return shell, [line.rstrip() for line in host.text.splitlines() if line.strip()]


def rows(table):
    out = []
    for row in table:
        script, expected = row[0], row[1]
        for version in (row[2] if len(row) > 2 else BOTH):
            out.append(pytest.param(script, expected, version, id="%s-%s" % (version, script[:60])))
    return out


CASES = [
    # System.IO.Path: Windows rules on text
    ("[IO.Path]::Combine('C:\\Reports', 'certs.csv')", ["C:\\Reports\\certs.csv"]),
    ("[IO.Path]::Combine('C:\\Reports\\', 'certs.csv')", ["C:\\Reports\\certs.csv"]),
    ("[IO.Path]::Combine('C:\\a', 'D:\\b')", ["D:\\b"]),
    ("[System.IO.Path]::GetFileName('C:\\a\\b.cer'); [IO.Path]::GetExtension('b.cer'); "
     "[IO.Path]::GetFileNameWithoutExtension('C:\\a\\b.cer'); [IO.Path]::GetDirectoryName('C:\\a\\b.cer')",
     ["b.cer", ".cer", "b", "C:\\a"]),
    ("[IO.Path]::GetDirectoryName('C:\\b.cer'); [IO.Path]::ChangeExtension('C:\\x.cer', 'pfx'); "
     "[IO.Path]::IsPathRooted('x\\y'); [IO.Path]::GetPathRoot('C:\\x\\y')",
     ["C:\\", "C:\\x.pfx", "False", "C:\\"]),
    ("[IO.Path]::GetTempPath()", ["C:\\Users\\Administrator\\AppData\\Local\\Temp\\"]),
    # StringBuilder: Append returns the builder
    ("$sb = New-Object System.Text.StringBuilder; [void]$sb.Append('a'); "
     "[void]$sb.AppendLine('b'); [void]$sb.AppendFormat('{0}-{1}', 1, 2); $sb.Length; $sb.ToString()",
     ["7", "ab", "1-2"]),
    ("$sb = New-Object System.Text.StringBuilder 'x'; $null = $sb.Append('y').Append('z'); \"$sb\"",
     ["xyz"]),
    # Queue and Stack
    ("$q = New-Object System.Collections.Queue; $q.Enqueue('a'); $q.Enqueue('b'); $q.Dequeue(); "
     "$q.Count; $q | ForEach-Object { \"left $_\" }", ["a", "1", "left b"]),
    ("$s = New-Object System.Collections.Stack; $s.Push(1); $s.Push(2); $s | ForEach-Object { $_ }; "
     "$s.Pop(); $s.Peek()", ["2", "1", "2", "1"]),
    # ParseExact over custom formats
    ("[datetime]::ParseExact('2026-01-02', 'yyyy-MM-dd', $null).DayOfYear", ["2"]),
    ("$d = [datetime]::ParseExact('02/01/2026 13:45', 'dd/MM/yyyy HH:mm', "
     "[Globalization.CultureInfo]::InvariantCulture); $d.Month; $d.Hour",
     ["1", "13"]),
    ("[datetime]::ParseExact('Jan 5 2026 1:05 PM', 'MMM d yyyy h:mm tt', $null).Hour", ["13"]),
    ("$d = Get-Date; [datetime]::TryParseExact('2026-03-04', 'yyyy-MM-dd', $null, "
     "[System.Globalization.DateTimeStyles]::None, [ref]$d); $d.Day", ["True", "4"]),
    # [ref]: TryParse writes the variable, a function writes through .Value
    ("$n = 0; [int]::TryParse('7', [ref]$n); $n; [int]::TryParse('x', [ref]$n); $n",
     ["True", "7", "False", "0"]),
    ("[double]::TryParse('1.5', [ref]$unset); $unset", ["True", "1.5"]),
    ("function Set-It([ref]$Target) { $Target.Value = 'new' }; $v = 'old'; Set-It ([ref]$v); $v",
     ["new"]),
    ("$r = [ref]5; $r.Value = 6; $r.Value; $r.GetType().FullName",
     ["6", "System.Management.Automation.PSReference"]),
    # a flags enum's None
    ("[int][System.Text.RegularExpressions.RegexOptions]::None", ["0"]),
    # a script block's Invoke() binds its param() by position
    ("$f = { param($x) $x + 1 }; $f.Invoke(2); $g = { $args[0] * 2 }; $g.Invoke(4)", ["3", "8"]),
    # $null is a value type's default
    ("([datetime]$null).Year; ([timespan]$null).Ticks; [guid]$null | % { $_.ToString() }",
     ["1", "0", "00000000-0000-0000-0000-000000000000"]),
    # [array] statics work in place
    ("$a = 3, 1, 2; [array]::IndexOf($a, 2); [array]::Reverse($a); $a -join ','; "
     "[array]::Sort($a); $a -join ','; [array]::IndexOf($a, 9)", ["2", "2,1,3", "1,2,3", "-1"]),
    ("$s = 'b', 'a', 'C'; [array]::Sort($s); $s -join ','", ["a,b,C"]),
    # assemblies of the Global Assembly Cache load by name
    ("[void][System.Reflection.Assembly]::LoadWithPartialName('System.Web'); 'loaded'; "
     "$null -eq [Reflection.Assembly]::LoadWithPartialName('No.Such.Assembly')", ["loaded", "True"]),
    ("[Reflection.Assembly]::LoadWithPartialName('System.Windows.Forms').FullName",
     ["System.Windows.Forms, Version=2.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089"],
     ("2010",)),
    ("[Reflection.Assembly]::LoadWithPartialName('System.Windows.Forms').FullName",
     ["System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089"],
     ("2016",)),
    # the machine
    ("[Environment]::MachineName; [Environment]::UserName; [Environment]::UserDomainName",
     ["EX01", "Administrator", "CONTOSO"]),
    ("[Environment]::OSVersion.Version.Major; [Environment]::OSVersion.ServicePack",
     ["6", "Service Pack 1"], ("2010",)),
    ("[Environment]::OSVersion.Version.Major", ["10"], ("2016",)),
    ("[Environment]::SetEnvironmentVariable('STAGE', 'test'); $env:STAGE; "
     "[Environment]::GetEnvironmentVariable('stage')", ["test", "test"]),
    ("[System.Net.Dns]::GetHostName(); [System.Net.Dns]::GetHostEntry($env:COMPUTERNAME).HostName; "
     "[System.Net.Dns]::GetHostByName('localhost').HostName",
     ["EX01", "EX01.contoso.com", "EX01.contoso.com"]),
]


@pytest.mark.parametrize("script, expected, version", rows(CASES))
def test_dotnet_types_scripts_call(script, expected, version):
    assert run(script, version)[1] == expected


ERRORS = [
    ("[IO.Path]::GetFileName('a|b')",
     'Exception calling "GetFileName" with "1" argument(s): "Illegal characters in path."',
     "ArgumentException"),
    ("$s = New-Object System.Collections.Stack; $s.Pop()",
     'Exception calling "Pop" with "0" argument(s): "Stack empty."', "InvalidOperationException"),
    ("$q = New-Object System.Collections.Queue; $q.Dequeue()",
     'Exception calling "Dequeue" with "0" argument(s): "Queue empty."', "InvalidOperationException"),
    ("[datetime]::ParseExact('bad', 'yyyy', $null)",
     'Exception calling "ParseExact" with "3" argument(s): "String was not recognized as a valid '
     'DateTime."', "FormatException"),
    ("[int]::TryParse('1', $n)",
     "Argument: '2' should be a System.Management.Automation.PSReference. Use [ref].",
     "NonRefArgumentToRefParameterMsg"),
    ("[Reflection.Assembly]::LoadFrom('C:\\x.dll')",
     'Exception calling "LoadFrom" with "1" argument(s): "Could not load file or assembly '
     "'file:///C:\\x.dll' or one of its dependencies. The system cannot find the file specified.\"",
     "FileNotFoundException"),
    ("[System.Net.Dns]::GetHostEntry('nohost.example')",
     'Exception calling "GetHostEntry" with "1" argument(s): "No such host is known"',
     "SocketException"),
]


@pytest.mark.parametrize("version", BOTH)
@pytest.mark.parametrize("script, message, fqid", ERRORS)
def test_their_errors(script, message, fqid, version):
    shell, _ = run(script, version)
    record = shell.session.errors[0]
    assert (record.message, record.fqid()) == (message, fqid)
