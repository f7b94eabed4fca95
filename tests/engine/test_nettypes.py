"""The .NET types, statics and members scripts call (exshell.engine.nettypes and
dotnet), as Windows PowerShell answers on 2.0 (Exchange 2010) and 5.1 (Exchange 2016).

Rows are (script, expected output lines[, versions]); the error rows compare the
message and the FullyQualifiedErrorId."""
import pytest

from exshell.testing import make_shell

BOTH = ("2010", "2016")
PS51 = ("2016",)
PS20 = ("2010",)


def run(text, version):
    shell, host = make_shell(version)
    shell.run(text)
    assert shell.internal_errors == []
    return [line.rstrip() for line in host.text.splitlines() if line.strip()]


def first_error(text, version):
    shell, host = make_shell(version)
    shell.run(text)
    assert shell.internal_errors == []
    assert shell.session.errors, host.text
    record = shell.session.errors[0]
    return record.message, record.fqid()


def rows(table):
    out = []
    for row in table:
        script, expected = row[0], row[1]
        for version in (row[2] if len(row) > 2 else BOTH):
            out.append(pytest.param(script, expected, version, id="%s-%s" % (version, script[:60])))
    return out


COLLECTIONS = [
    ("$a = [System.Collections.ArrayList]::new(); $a.Add('x'); $a.Add('y'); $a.Count", ["0", "1", "2"],
     PS51),
    ("$a = New-Object System.Collections.ArrayList; $a.Add('x'); $a.Add('y'); $a.Count",
     ["0", "1", "2"]),
    ("$a = New-Object System.Collections.ArrayList; [void]$a.Add(1); [void]$a.Add(2); "
     "$a.RemoveAt(0); $a; $a.Count", ["2", "1"]),
    ("$a = New-Object System.Collections.ArrayList; $a.AddRange(@(3, 1, 2)); $a.Sort(); $a -join ','",
     ["1,2,3"]),
    ("$a = New-Object System.Collections.ArrayList; $a.Insert(0, 'b'); $a.Insert(0, 'a'); "
     "$a.Contains('b'); $a.IndexOf('b'); $a.GetType().FullName",
     ["True", "1", "System.Collections.ArrayList"]),
    ("$a = New-Object System.Collections.ArrayList(,@(1, 2, 3)); $a.Count", ["3"]),
    # List[T].Add is void: it writes nothing, so @() of it is empty.
    ("$l = New-Object 'System.Collections.Generic.List[object]'; $l.Add(1); $l.Add('two'); "
     "$l.Count; @($l.Add(3)).Count", ["2", "0"]),
    ("$l = [System.Collections.Generic.List[string]]::new(); $l.Add(5); $l[0].GetType().Name",
     ["String"], PS51),
    ("$l = New-Object 'System.Collections.Generic.List[int]'; $l.Add('7'); $l[0] + 1; "
     "$l.Remove(7); $l.Count", ["8", "True", "0"]),
    ("$l = New-Object 'Collections.Generic.List[string]'; $l.GetType().Name", ["List`1"]),
    ("$d = New-Object 'System.Collections.Generic.Dictionary[string,int]'; $d.Add('a', '1'); "
     "$d['a'] + 1; $d.ContainsKey('a'); $d.ContainsKey('A'); $d.Count", ["2", "True", "False", "1"]),
    ("$s = New-Object 'System.Collections.Generic.HashSet[string]'; $s.Add('a'); $s.Add('a'); "
     "$s.Count", ["True", "False", "1"]),
    ("$a = New-Object System.Collections.ArrayList; $a.Add(1) | Out-Null; $a += 2; "
     "$a.GetType().FullName", ["System.Object[]"]),
]


@pytest.mark.parametrize("script, expected, version", rows(COLLECTIONS))
def test_collections(script, expected, version):
    assert run(script, version) == expected


REGEX = [
    ('$m = [regex]::Match("2024-05-06", "(?<y>\\d+)-(\\d+)"); $m.Success; $m.Value; $m.Index; '
     '$m.Groups["y"].Value; $m.Groups[1].Value',
     ["True", "2024-05", "0", "2024", "05"]),
    ('[regex]::Match("abc", "x").Success', ["False"]),
    ('[regex]::Matches("a1b22c333", "\\d+") | ForEach-Object { $_.Value }', ["1", "22", "333"]),
    ('([regex]::Matches("a1b22", "\\d+")).Count', ["2"]),
    ("[regex]::Replace('abc', '(b)', '<$1>')", ["a<b>c"]),
    ("[regex]::Replace('ABC', 'b', 'x', 'IgnoreCase')", ["AxC"]),
    ("[regex]::Escape('a.b*c d')", ["a\\.b\\*c\\ d"]),
    ("[regex]::Split('a1b2c', '\\d') -join ','", ["a,b,c"]),
    ("[regex]::IsMatch('abc', '^A')", ["False"]),
    ("$r = [regex]'(\\w)(\\d)'; $r.Replace('a1 b2', '$2$1'); $r.ToString(); $r.GetType().FullName",
     ["1a 2b", "(\\w)(\\d)", "System.Text.RegularExpressions.Regex"]),
    ("$r = [regex]'b'; 'ABC' -match $r; 'abc' -match $r", ["False", "True"]),
    ("$r = New-Object System.Text.RegularExpressions.Regex('^\\d+$'); $r.IsMatch('123')", ["True"]),
    ("$m = [regex]::Match('a1b2', '\\d'); $m.NextMatch().Value", ["2"]),
]


@pytest.mark.parametrize("script, expected, version", rows(REGEX))
def test_regex(script, expected, version):
    assert run(script, version) == expected


STATICS = [
    ("[int]::MaxValue; [int]::MinValue; [long]::MaxValue", ["2147483647", "-2147483648",
                                                          "9223372036854775807"]),
    ("[double]::MaxValue; [double]::Epsilon", ["1.79769313486232E+308", "4.94065645841247E-324"]),
    ("[decimal]::MinValue; [decimal]::MaxValue", ["-79228162514264337593543950335",
                                                  "79228162514264337593543950335"]),
    ("[byte]::MaxValue; [sbyte]::MinValue; [SByte]::MaxValue", ["255", "-128", "127"]),
    ("[int]::Parse('42') + 1; [double]::Parse('1.5') * 2", ["43", "3"]),
    ("[math]::Pow(10, 400); [math]::Pow(-10, 401); [math]::Pow(2, 10)",
     ["Infinity", "-Infinity", "1024"]),
    ("[math]::Sqrt(-1); [math]::Log(0); [math]::Round(2.5); [math]::Round(3.5)",
     ["NaN", "-Infinity", "2", "4"]),
    ("[math]::Round(2.345, 2); [math]::Abs(-3); [math]::Max(1, 2.5)", ["2.34", "3", "2.5"]),
    ("[double]::PositiveInfinity -eq [math]::Pow(10, 400)", ["True"]),
    ("[System.StringComparison]::OrdinalIgnoreCase", ["OrdinalIgnoreCase"]),
    ("[System.StringSplitOptions]::RemoveEmptyEntries; [StringSplitOptions]'none'",
     ["RemoveEmptyEntries", "None"]),
    ("'a,,b'.Split(',', [StringSplitOptions]::RemoveEmptyEntries) -join '|'", ["a|b"]),
    ("'a, b, c'.Split([string[]]@(', '), [StringSplitOptions]::None) -join '|'", ["a|b|c"]),
    ("'a  b'.Split().Count", ["3"]),
    ("'Hello'.Equals('hello', [StringComparison]::OrdinalIgnoreCase)", ["True"]),
    ("[type]'System.String' -eq [string]; ([type]'int').FullName", ["True", "System.Int32"]),
    ("[string] -is [type]", ["True"]),
    ("([cultureinfo]'en-US').Name; ([cultureinfo]'en-US').TextInfo.ToTitleCase('hello wORLD')",
     ["en-US", "Hello World"]),
    ("[System.Globalization.CultureInfo]::InvariantCulture.Name -eq ''", ["True"]),
    ("(Get-Date).DayOfWeek.GetType().FullName; [DayOfWeek]::Monday -eq 1",
     ["System.DayOfWeek", "True"]),
]


@pytest.mark.parametrize("script, expected, version", rows(STATICS))
def test_statics(script, expected, version):
    assert run(script, version) == expected


VERSIONS = [
    ("$v = [version]'1.2.3'; $v.Major; $v.Build; $v.Revision; \"$v\"", ["1", "3", "-1", "1.2.3"]),
    ("[version]'1.10' -gt [version]'1.9'; [version]'1.10' -gt '1.9'", ["True", "True"]),
    ("(New-Object System.Version 2, 0, 1).ToString(); (New-Object System.Version '3.4').Minor",
     ["2.0.1", "4"]),
    ("[System.Version]::new(1, 2).ToString()", ["1.2"], PS51),
    ("[version]::Parse('4.5.6.7').Revision", ["7"]),
    ("[version]'1.2.3'", ["Major  Minor  Build  Revision", "-----  -----  -----  --------",
                          "1      2      3      -1"]),
]


@pytest.mark.parametrize("script, expected, version", rows(VERSIONS))
def test_version(script, expected, version):
    assert run(script, version) == expected


PSOBJECT = [
    ("$o = [pscustomobject]@{a=1; b=2}; $o.psobject.Properties.Item('b').Value; "
     "$o.PSObject.Properties['a'].Value; ($o.psobject.Properties | ForEach-Object { $_.Name }) -join ','",
     ["2", "1", "a,b"], PS51),
    ("$o = New-Object PSObject -Property @{a=1}; $o.psobject.TypeNames[0]; "
     "$o.psobject.TypeNames.Insert(0, 'Contoso.Report'); $o.psobject.TypeNames[0]",
     ["System.Management.Automation.PSCustomObject", "Contoso.Report"]),
    ("$o = New-Object PSObject -Property @{a=1}; $o.psobject.Properties.Item('a').MemberType",
     ["NoteProperty"]),
    ("'text'.psobject.BaseObject", ["text"]),
    # .pstypenames is the same list as .psobject.TypeNames, on every value
    ("$o = New-Object PSObject; $o.pstypenames[0]; $o.PSTypeNames.Insert(0, 'Contoso.Row'); "
     "$o.psobject.TypeNames[0]; $o.pstypenames.Count",
     ["System.Management.Automation.PSCustomObject", "Contoso.Row", "3"]),
    ("(Get-Date).pstypenames -join ','; 'x'.pstypenames[0]; (1).PSTypeNames[0]; @(1).pstypenames[0]",
     ["System.DateTime,System.ValueType,System.Object", "System.String", "System.Int32",
      "System.Object[]"]),
    ("(Get-ExchangeCertificate | Select-Object -First 1 Thumbprint).pstypenames[0]",
     ["Selected.Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate"]),
]


@pytest.mark.parametrize("script, expected, version", rows(PSOBJECT))
def test_psobject(script, expected, version):
    assert run(script, version) == expected


NULLS = [
    ("$null.Count; $null.Length", ["0", "0"], PS51),
    ("$null.Count -eq $null; $x = $null; $x.Length -eq $null", ["True", "True"], PS20),
]


@pytest.mark.parametrize("script, expected, version", rows(NULLS))
def test_null_count(script, expected, version):
    assert run(script, version) == expected


ERRORS = [
    ("[System.Collections.ArrayList]::new()",
     "Method invocation failed because [System.Collections.ArrayList] doesn't contain a method "
     "named 'new'.", "MethodNotFound", PS20),
    ("@().Foo()", "Method invocation failed because [System.Object[]] does not contain a method "
                  "named 'Foo'.", "MethodNotFound", PS51),
    ("@().Foo()", "Method invocation failed because [System.Object[]] doesn't contain a method "
                  "named 'Foo'.", "MethodNotFound", PS20),
    ("(1, 2).Foo()", "Method invocation failed because [System.Int32] does not contain a method "
                     "named 'Foo'.", "MethodNotFound", PS51),
    ("(Get-Date).DayOfWeek.Foo()", "Method invocation failed because [System.DayOfWeek] does not "
                                   "contain a method named 'Foo'.", "MethodNotFound", PS51),
    ("$a = New-Object System.Collections.ArrayList; $a.Foo()",
     "Method invocation failed because [System.Collections.ArrayList] does not contain a method "
     "named 'Foo'.", "MethodNotFound", PS51),
    ("[int]::Parse('x')", 'Exception calling "Parse" with "1" argument(s): "Input string was not in '
                          'a correct format."', "FormatException", BOTH),
    ("$a = New-Object System.Collections.ArrayList; $a.RemoveAt(3)",
     'Exception calling "RemoveAt" with "1" argument(s): "Index was out of range. Must be '
     'non-negative and less than the size of the collection.\r\nParameter name: index"',
     "ArgumentOutOfRangeException", BOTH),
    ("$l = New-Object 'System.Collections.Generic.List[int]'; $l.Add('x')",
     'Cannot convert argument "item", with value: "x", for "Add" to type "System.Int32": "Cannot '
     'convert value "x" to type "System.Int32". Error: "Input string was not in a correct '
     'format.""', "MethodArgumentConversionInvalidCastArgument", BOTH),
    ("[math]::Pow(1)", 'Cannot find an overload for "Pow" and the argument count: "1".',
     "MethodCountCouldNotFindBest", BOTH),
    ("[version]'x.y'", 'Cannot convert value "x.y" to type "System.Version". Error: "Input string '
                       'was not in a correct format."', "InvalidCastParseTargetInvocation", BOTH),
]


@pytest.mark.parametrize("script, message, fqid, versions",
                         [pytest.param(*r, id="%s-%s" % (r[3], r[0][:50])) for r in ERRORS])
def test_errors_name_the_right_type(script, message, fqid, versions):
    for version in versions:
        assert first_error(script, version) == (message, fqid)


def test_a_caught_method_exception_is_the_inner_type():
    out = run("try { [int]::Parse('x') } catch [FormatException] { $_.Exception.GetType().Name; "
              "$_.Exception.InnerException.GetType().FullName }", "2016")
    assert out == ["MethodInvocationException", "System.FormatException"]
