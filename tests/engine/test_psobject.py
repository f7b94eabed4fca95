"""``$x.psobject`` (about_Intrinsic_Members: Properties, Methods, Members, BaseObject,
TypeNames) and casts through a constructor that needs the session
(``[X509Certificate2]$bytes``), on 2.0 (Exchange 2010) and 5.1 (Exchange 2016)."""
import pytest

from exshell.testing import make_shell

BOTH = ("2010", "2016")


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


OBJ = "$o = New-Object PSObject -Property @{a=1}; "

PSOBJECT = [
    # Methods: what Get-Member lists, with the object's script methods
    (OBJ + "$o.psobject.Methods | % { $_.Name }", ["Equals", "GetHashCode", "GetType", "ToString"]),
    (OBJ + "($o.psobject.Methods | % { $_.Name }) -contains 'GetType'", ["True"]),
    (OBJ + "$o.psobject.Methods['Nope'] -eq $null", ["True"]),
    (OBJ + "$o | Add-Member ScriptMethod Hi { 'hi' }; "
           "$o.psobject.Methods | ? { $_.MemberType -eq 'ScriptMethod' } | % { $_.Name }", ["Hi"]),
    (OBJ + "$o.psobject.Methods.Item('ToString').TypeNameOfValue",
     ["System.Management.Automation.PSMethod"]),
    # Overload definitions in the dialect's words
    ("'abc'.psobject.Methods['Substring'].OverloadDefinitions",
     ["System.String Substring(System.Int32 startIndex)"], ("2010",)),
    ("'abc'.psobject.Methods['Substring'].OverloadDefinitions",
     ["string Substring(int startIndex)"], ("2016",)),
    # Members: properties, then methods
    (OBJ + "$o.psobject.Members | % { $_.Name + ':' + $_.MemberType }",
     ["a:NoteProperty", "Equals:Method", "GetHashCode:Method", "GetType:Method",
      "ToString:Method"]),
    # Properties.Add / Remove change the object itself
    (OBJ + "$o.psobject.Properties.Add((New-Object System.Management.Automation.PSNoteProperty "
           "'b', 2)); $o.b; $o.psobject.Properties.Count", ["2", "2"]),
    ("$o = New-Object PSObject -Property @{a=1}; $o | Add-Member NoteProperty b 2; "
     "$o.psobject.Properties.Remove('a'); $o.psobject.Properties | % { $_.Name }", ["b"]),
    ("$h = @{}; $h.psobject.Properties.Add((New-Object System.Management.Automation.PSNoteProperty "
     "'Extra', 5)); $h.Extra", ["5"]),
    # a property's Value can be set through its entry
    (OBJ + "$o.psobject.Properties['a'].Value = 7; $o.a", ["7"]),
    ("$p = New-Object System.Management.Automation.PSNoteProperty 'x', 5; $p.Value = 6; "
     "$p.Value; $p.Name; $p.MemberType; $p -is [System.Management.Automation.PSNoteProperty]",
     ["6", "x", "NoteProperty", "True"]),
    # BaseObject and TypeNames
    ("'abc'.psobject.BaseObject.GetType().FullName", ["System.String"]),
    (OBJ + "$o.psobject.TypeNames",
     ["System.Management.Automation.PSCustomObject", "System.Object"]),
]


@pytest.mark.parametrize("script, expected, version", rows(PSOBJECT))
def test_psobject_view(script, expected, version):
    assert run(script, version) == expected


PSOBJECT_ERRORS = [
    (OBJ + "$o.psobject.Properties.Add((New-Object System.Management.Automation.PSNoteProperty "
           "'a', 2))",
     'Exception calling "Add" with "1" argument(s): "Cannot add a member with the name "a" '
     'because a member with that name already exists.', "ExtendedTypeSystemException"),
    (OBJ + "$o.psobject.Properties.Add($null)",
     'Exception calling "Add" with "1" argument(s): "Cannot process argument because the '
     'value of argument "member" is null.', "PSArgumentNullException"),
    ("'abc'.psobject.Properties['Length'].Value = 7",
     'Exception setting "Value": "Set accessor for property "Length" is unavailable."',
     "ExceptionWhenSetting"),
]


@pytest.mark.parametrize("version", BOTH)
@pytest.mark.parametrize("script, message, fqid", PSOBJECT_ERRORS)
def test_psobject_view_errors(script, message, fqid, version):
    got_message, got_fqid = first_error(script, version)
    assert got_message.startswith(message)
    assert got_fqid == fqid


X509 = "[System.Security.Cryptography.X509Certificates.X509Certificate2]"
CERT = "$c = Get-ExchangeCertificate | Select-Object -First 1; "

CONTEXT_CASTS = [
    # PowerShell converts through a one-argument constructor: bytes, a store name, a flag
    (CERT + "$x = %s$c.RawData; $x.Thumbprint -eq $c.Thumbprint" % X509, ["True"]),
    (CERT + "$x = %s[Convert]::FromBase64String([Convert]::ToBase64String($c.RawData)); "
            "$x.Subject -eq $c.Subject" % X509, ["True"]),
    (CERT + "%s$x = $c.RawData; $x.GetType().Name" % X509, ["X509Certificate2"]),
    (CERT + "function f([System.Security.Cryptography.X509Certificates.X509Certificate2]$cert) "
            "{ $cert.Thumbprint -eq $c.Thumbprint }; f $c.RawData", ["True"]),
    ("([System.Security.Cryptography.X509Certificates.X509Store]'My').Name", ["My"]),
    ("([System.Security.Cryptography.X509Certificates.X509Chain]$true).GetType().Name",
     ["X509Chain"]),
    ("$null -eq ([byte[]](1, 2, 3) -as %s)" % X509, ["True"]),
]


@pytest.mark.parametrize("script, expected, version", rows(CONTEXT_CASTS))
def test_casts_through_a_constructor_in_the_session(script, expected, version):
    assert run(script, version) == expected


CONTEXT_CAST_ERRORS = [
    # the constructor threw: PowerShell's conversion error carries its message
    (X509 + "'nonexistent.cer'",
     'Cannot convert value "nonexistent.cer" to type '
     '"System.Security.Cryptography.X509Certificates.X509Certificate2". Error: "The system '
     'cannot find the file specified.'),
    # no constructor takes a number
    (X509 + "5",
     'Cannot convert the "5" value of type "System.Int32" to type '
     '"System.Security.Cryptography.X509Certificates.X509Certificate2".'),
]


@pytest.mark.parametrize("version", BOTH)
@pytest.mark.parametrize("script, message", CONTEXT_CAST_ERRORS)
def test_a_cast_whose_constructor_fails(script, message, version):
    got, _ = first_error(script, version)
    assert got.startswith(message)
