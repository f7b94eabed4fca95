"""Add-Member: note, script and alias properties, script methods; -NotePropertyName/
-NotePropertyValue/-NotePropertyMembers (3.0+); -Force, -PassThru, -TypeName."""
from __future__ import annotations

import pytest

from cmdlet_kit import PS20, PS51, lines, make_shell

BOTH = (PS20, PS51)


def shown(text, version):
    shell, host = make_shell(version)
    result = shell.run(text)
    assert shell.internal_errors == []
    return [line for line in lines(host.text) if line], result


CASES = [
    ("$o = New-Object PSObject; $o | Add-Member NoteProperty Server EX01; $o.Server",
     ["EX01"], BOTH),
    ("$o = New-Object PSObject; Add-Member -InputObject $o -MemberType NoteProperty -Name N "
     "-Value 3; $o.N * 2", ["6"], BOTH),
    ("$o = New-Object PSObject; $o | Add-Member NoteProperty Server ex01; "
     "$o | Add-Member ScriptProperty Up { $this.Server.ToUpper() }; $o.Up; $o.Server = 'ex02'; $o.Up",
     ["EX01", "EX02"], BOTH),
    ("$o = New-Object PSObject; $o | Add-Member NoteProperty Server EX01; "
     "$o | Add-Member AliasProperty Host Server; $o.Host; $o.Host = 'EX02'; $o.Server",
     ["EX01", "EX02"], BOTH),
    ("$o = New-Object PSObject; $o | Add-Member NoteProperty N 2; "
     "$o | Add-Member ScriptMethod Times { param($k) $this.N * $k }; $o.Times(21)", ["42"], BOTH),
    ("$o = New-Object PSObject; $o | Add-Member ScriptMethod Nothing { }; @($o.Nothing()).Count",
     ["0"], BOTH),
    # A setter block for a script property.
    ("$o = New-Object PSObject; $o | Add-Member NoteProperty Raw 1; "
     "$o | Add-Member ScriptProperty Val { $this.Raw } { param($v) $this.Raw = $v * 10 }; "
     "$o.Val = 2; $o.Raw", ["20"], BOTH),
    # -PassThru writes the object on; members show in list views in the order added.
    ("New-Object PSObject | Add-Member NoteProperty A 1 -PassThru | "
     "Add-Member NoteProperty B 2 -PassThru | Format-List", ["A : 1", "B : 2"], BOTH),
    ("$o = [pscustomobject]@{a=1}; $o | Add-Member NoteProperty a 2 -Force; $o.a", ["2"], (PS51,)),
    ("$o = [pscustomobject]@{a=1}; $o | Add-Member -NotePropertyName b -NotePropertyValue 2; "
     "$o.b", ["2"], (PS51,)),
    ("$o = [pscustomobject]@{a=1}; $o | Add-Member -NotePropertyMembers @{b=2} -PassThru | "
     "ConvertTo-Json -Compress", ['{"a":1,"b":2}'], (PS51,)),
    ("$o = [pscustomobject]@{a=1}; $o | Add-Member NoteProperty b 2 -TypeName Contoso.Row; "
     "$o.psobject.TypeNames[0]", ["Contoso.Row"], (PS51,)),
    # Objects commands write keep their members, in list views and Select-Object too.
    ("$c = Get-ExchangeCertificate | Select-Object -First 1; $c | Add-Member NoteProperty Owner me; "
     "$c.Owner; $c | Select-Object Owner | Format-List", ["me", "Owner : me"], BOTH),
    ("$h = @{}; $h | Add-Member NoteProperty X 1; $h.X", ["1"], BOTH),
    ("$o = New-Object PSObject; $o | Add-Member ScriptProperty S { 1 }; "
     "($o.psobject.Properties | Where-Object { $_.Name -eq 'S' }).MemberType", ["ScriptProperty"],
     BOTH),
]


@pytest.mark.parametrize("text, expected, versions",
                         [pytest.param(*c, id=c[0][:60]) for c in CASES])
def test_add_member(text, expected, versions):
    for version in versions:
        assert shown(text, version)[0] == expected


@pytest.mark.parametrize("version, message", [
    (PS20, 'Add-Member : Cannot add a member with the name "a" because a member with that name '
           'already exists. If you want to overwrite the member anyway, use the Force parameter '
           'to overwrite it.'),
    (PS51, 'Add-Member : Cannot add a member with the name "a" because a member with that name '
           'already exists. To overwrite the member anyway, add the Force parameter to your '
           'command.'),
])
def test_an_existing_member_needs_force(version, message):
    text, result = shown("$o = New-Object PSObject -Property @{a=1}; $o | Add-Member NoteProperty a 2; "
                         "$o.a", version)
    assert result.errors[0].fqid() == "MemberAlreadyExists,Microsoft.PowerShell.Commands.AddMemberCommand"
    assert " ".join(text).startswith(message[:60])
    assert text[-1] == "1"


def test_note_property_parameters_are_3_0():
    text, result = shown("$o = New-Object PSObject; $o | Add-Member -NotePropertyName b "
                         "-NotePropertyValue 2", PS20)
    assert result.errors[0].error_id == "NamedParameterNotFound"


@pytest.mark.parametrize("version, int_type", [(PS20, "System.Int32"), (PS51, "int")])
def test_get_member_shows_each_kind_of_added_member(version, int_type):
    text, _ = shown("$o = New-Object PSObject; $o | Add-Member NoteProperty A 1; "
                    "$o | Add-Member ScriptProperty B { 2 } { param($v) }; "
                    "$o | Add-Member ScriptMethod M { 3 }; $o | Add-Member AliasProperty C A; "
                    "$o | Get-Member -MemberType AliasProperty, NoteProperty, ScriptProperty, "
                    "ScriptMethod | ForEach-Object { $_.Name + '|' + $_.MemberType + '|' + $_.Definition }",
                    version)
    assert text == ["C|AliasProperty|C = A", "A|NoteProperty|%s A=1" % int_type,
                    "M|ScriptMethod|System.Object M();",
                    "B|ScriptProperty|System.Object B {get= 2 ;set= param($v) ;}"]


MORE = [
    # -PassThru writes the same object on (not a copy)
    ("$o = New-Object PSObject; $p = $o | Add-Member NoteProperty N 1 -PassThru; "
     "$p.N = 5; $o.N", ["5"], BOTH),
    # an alias property follows its target both ways; a script method sees $this and $args
    ("$o = New-Object PSObject -Property @{Name='ex01'}; $o | Add-Member AliasProperty Server Name; "
     "$o | Add-Member ScriptMethod Greet { 'hi ' + $this.Server + ' ' + $args[0] }; $o.Greet('x')",
     ["hi ex01 x"], BOTH),
    # members added to a hashtable and to a command's output object
    ("$h = @{a = 1}; $h | Add-Member ScriptProperty Twice { $this.a * 2 }; $h.Twice", ["2"], BOTH),
    ("$c = Get-ExchangeCertificate | Select-Object -First 1; "
     "$c | Add-Member ScriptProperty Short { $this.Thumbprint.Substring(0, 4) }; "
     "$c.Short -eq $c.Thumbprint.Substring(0, 4)", ["True"], BOTH),
    ("$o = New-Object PSObject; $o | Add-Member -NotePropertyMembers @{x=1; y=2}; "
     "($o.psobject.Properties | ForEach-Object { $_.Name } | Sort-Object) -join ','", ["x,y"], (PS51,)),
]


@pytest.mark.parametrize("text, expected, versions", [pytest.param(*c, id=c[0][:60]) for c in MORE])
def test_more_add_member(text, expected, versions):
    for version in versions:
        out, _ = shown(text, version)
        assert out[-len(expected):] == expected


@pytest.mark.parametrize("version", BOTH)
def test_a_member_type_add_member_cannot_add(version):
    _, result = shown("$o = New-Object PSObject; $o | Add-Member -MemberType Method -Name X -Value 1",
                      version)
    assert result.errors[0].error_id == "CannotAddMemberType"


@pytest.mark.parametrize("version", BOTH)
def test_a_script_property_without_a_setter_cannot_be_set(version):
    text, result = shown("$o = New-Object PSObject; $o | Add-Member ScriptProperty R { 1 }; "
                         "$o.R = 2; $o.R", version)
    record = result.errors[0]
    assert (record.message, record.fqid()) == ('Set accessor for property "R" is unavailable.',
                                               "SetWithoutSetterFromScriptProperty")
    assert text[-1] == "1"
