"""Where-Object, ForEach-Object, Select-Object, Sort-Object, Group-Object,
Measure-Object, Get-Member and Tee-Object, run as command text through a Shell."""
from __future__ import annotations

import pytest

from cmdlet_kit import PS20, PS51, lines, make_shell, run, values

from exshell.engine.properties import PSObject, type_names


# ----------------------------------------------------------------------- Where-Object

@pytest.mark.parametrize("version, text, expected", [
    (PS20, "1..5 | Where-Object { $_ % 2 }", [1, 3, 5]),
    (PS20, "1,2,3 | where -FilterScript { $_ -ge 2 }", [2, 3]),
    (PS20, "1,2,3 | ? { $_ -eq 2 }", [2]),
    (PS20, "'a','B','c' | ? { $_ -cmatch '[a-z]' }", ["a", "c"]),
    (PS51, "'aa','b','ccc' | Where-Object Length -GT 1", ["aa", "ccc"]),
    (PS51, "'aa','b','ccc' | ? Length -eq 1", ["b"]),
    (PS51, "'aa','b' | ? -Property Length -Value 2", ["aa"]),
    (PS51, "'Abc','abc' | ? { $_ } | ? Length -CEQ 3 | ? { $_ -ceq 'abc' }", ["abc"]),
    (PS51, "'x','' | ? Length", ["x"]),
    (PS51, "'x','' | ? Length -Not", [""]),
    (PS51, "'ab','cd' | ? { $_ } | ? Length -In 1,2", ["ab", "cd"]),
    (PS51, "'ab','cd' | ? { $_ } | Where-Object { $_ } | ? -Property Length -NotIn -Value 2", []),
    (PS51, "'apple','berry' | ? Length -like '5'", ["apple", "berry"]),
    (PS51, "'apple','kiwi' | % { [pscustomobject]@{N=$_} } | ? N -Match '^a' | % N", ["apple"]),
])
def test_where_object_filters(version, text, expected):
    assert values(text, version) == expected


def test_where_object_on_certificates_matches_services_text():
    shell, _ = make_shell(PS51)
    got: list = []
    shell.run("Get-ExchangeCertificate | ? { $_.Services -match 'IIS' } | % { $_.Thumbprint }",
              out=got.append)
    certs: list = []
    shell.run("Get-ExchangeCertificate", out=certs.append)
    assert got == [c.Thumbprint for c in certs if "IIS" in str(c.Services)]
    assert 0 < len(got) < len(certs)


def test_simplified_where_is_a_binding_error_in_powershell_2():
    result, text = run("Get-ExchangeCertificate | Where-Object Services -eq IIS", PS20)
    assert result.errors[0].FullyQualifiedErrorId == \
        "NamedParameterNotFound,Microsoft.PowerShell.Commands.WhereObjectCommand"
    assert "A parameter cannot be found that matches parameter name 'eq'." in text


def test_where_object_property_alone_in_2_0_cannot_convert_to_script_block():
    result, text = run("'a' | Where-Object Length", PS20)
    assert result.errors[0].error_id == "CannotConvertArgumentNoMessage"
    assert 'Cannot convert the "Length" value of type "System.String" to type ' \
           '"System.Management.Automation.ScriptBlock".' in text


def test_where_object_without_input_writes_nothing():
    assert values("Where-Object { $true }") == []


def test_where_object_has_31_operator_switches_in_5_1_only():
    from exshell.cmdlets.objects import WhereObject
    def own(version):
        return [p.name for p in WhereObject.all_parameters(version) if not p.common]
    ops = [n for n in own("5.1") if n not in ("InputObject", "FilterScript", "Property", "Value")]
    assert len(ops) == 31
    assert own("2.0") == ["FilterScript", "InputObject"]


# --------------------------------------------------------------------- ForEach-Object

@pytest.mark.parametrize("version, text, expected", [
    (PS20, "1..3 | ForEach-Object { $_ * 2 }", [2, 4, 6]),
    (PS20, "1..2 | foreach { $_ } ", [1, 2]),
    (PS20, "1..4 | % -Begin { 'start' } -Process { $_ } -End { 'end' }",
     ["start", 1, 2, 3, 4, "end"]),
    (PS20, "1,2 | % { 'b' } { $_ } { 'e' }", ["b", 1, 2, "e"]),
    (PS20, "1,2 | % { 'b' } { $_ }", ["b", 1, 2]),
    (PS20, "1,2 | % { 'b' } { $_ } { $_ * 10 } { 'e' }", ["b", 1, 10, 2, 20, "e"]),
    (PS20, "@() | % -Begin { 'b' } -Process { $_ } -End { 'e' }", ["b", "e"]),
    (PS20, "ForEach-Object { 'once' }", ["once"]),
    (PS20, "$t = 0; 1..4 | % { $t += $_ }; $t", [10]),
    (PS51, "'abc','de' | % Length", [3, 2]),
    (PS51, "'abc' | % ToUpper", ["ABC"]),
    (PS51, "'a-b' | ForEach-Object -MemberName Split -ArgumentList '-'", ["a", "b"]),
])
def test_foreach_object(version, text, expected):
    assert values(text, version) == expected


def test_foreach_member_name_not_found_5_1():
    result, text = run("'abc' | % Nope", PS51)
    assert result.errors[0].FullyQualifiedErrorId == \
        "MethodNotFound,Microsoft.PowerShell.Commands.ForEachObjectCommand"
    assert '% : Input name "Nope" cannot be resolved to a method.' in text


def test_foreach_member_name_form_does_not_exist_in_2_0():
    result, _ = run("'abc' | % Length", PS20)
    assert result.errors[0].error_id == "CannotConvertArgumentNoMessage"


# ---------------------------------------------------------------------- Select-Object

def test_select_object_makes_selected_objects():
    out = values("'abc' | Select-Object Length")
    assert len(out) == 1 and isinstance(out[0], PSObject)
    assert out[0].items() == [("Length", 3)]
    assert type_names(out[0])[0] == "Selected.System.String"


def test_select_object_on_certificates_table():
    _, text = run("Get-ExchangeCertificate | Select-Object Subject,HasPrivateKey -First 1", PS51)
    got = lines(text)
    assert got[0].split() == ["Subject", "HasPrivateKey"]
    assert got[2].split()[-1] == "True"


@pytest.mark.parametrize("text, expected", [
    ("1..10 | select -First 3", [1, 2, 3]),
    ("1..10 | select -Last 2", [9, 10]),
    ("1..10 | select -Skip 8", [9, 10]),
    ("1..10 | select -Skip 2 -First 2", [3, 4]),
    ("1..10 | select -Skip 2 -Last 3", [6, 7, 8]),
    ("1..10 | select -Index 0,4", [1, 5]),
    ("1..5 | select -Index 1,-1", [2, 5]),
    ("1,1,2,1 | select -Unique", [1, 2]),
    ("'a','A' | select -Unique", ["a", "A"]),
    ("1..10 | select -First 2 -Last 1", [1, 2, 10]),
    ("'abc','de' | select -ExpandProperty Length", [3, 2]),
])
def test_select_object_subsets(text, expected):
    assert values(text) == expected


def test_select_calculated_properties_all_key_spellings():
    out = values("'abc' | select @{n='A';e={$_.Length}}, @{Name='B';Expression='Length'}, "
                 "@{Label='C';E={$_.ToUpper()}}, @{l='D';expr={1}}")
    assert out[0].items() == [("A", 3), ("B", 3), ("C", "ABC"), ("D", 1)]


def test_select_wildcards_and_exclude():
    out = values("[pscustomobject]@{Alpha=1;Beta=2;Another=3} | select A* -ExcludeProperty Another")
    assert out[0].items() == [("Alpha", 1)]


def test_select_missing_property_is_null():
    out = values("'x' | select Nope")
    assert out[0].items() == [("Nope", None)]


def test_select_expand_missing_property_error():
    result, text = run("'x' | select -ExpandProperty Nope")
    rec = result.errors[0]
    assert rec.FullyQualifiedErrorId == \
        "ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand"
    assert 'Property "Nope" cannot be found.' in text


def test_select_expand_enumerates_collections():
    out = values("[pscustomobject]@{L=@(1,2,3)} | select -ExpandProperty L")
    assert out == [1, 2, 3]


@pytest.mark.parametrize("version, message", [
    (PS20, "Illegal key bogus"),
    (PS51, "The bogus key is not valid."),
])
def test_select_illegal_key(version, message):
    result, text = run("'x' | select @{bogus=1; e={1}}", version)
    assert result.errors[0].error_id == "IllegalKey"
    assert message in text


def test_select_duplicate_property_name():
    result, text = run("'x' | select Length, @{n='Length';e={1}}")
    assert result.errors[0].error_id == "AlreadyExistingUserSpecifiedPropertyNoExpand"
    assert 'the property "Length" already exists' in text


# ------------------------------------------------------------------------ Sort-Object

@pytest.mark.parametrize("text, expected", [
    ("'b','a','C' | sort", ["a", "b", "C"]),
    ("'b','a','C' | sort -CaseSensitive", ["a", "b", "C"]),
    ("'B','b','a' | sort -CaseSensitive", ["a", "b", "B"]),
    ("3,1,2 | Sort-Object -Descending", [3, 2, 1]),
    ("3,1,3,2 | sort -Unique", [1, 2, 3]),
    ("'bb','a','ccc' | sort Length -Descending", ["ccc", "bb", "a"]),
    ("'bb','a','ccc' | sort { $_.Length }", ["a", "bb", "ccc"]),
    ("'bb','a','cc' | sort @{Expression='Length';Descending=$true}, @{e={$_};Ascending=$true}",
     ["bb", "cc", "a"]),
    ("10,9,100 | sort", [9, 10, 100]),
])
def test_sort_object(text, expected):
    assert values(text) == expected


def test_sort_is_stable_and_missing_properties_go_last():
    out = values("[pscustomobject]@{N=2;T='x'}, [pscustomobject]@{T='none'}, "
                 "[pscustomobject]@{N=1;T='y'}, [pscustomobject]@{N=2;T='z'} | sort N | % { $_.T }")
    assert out == ["y", "x", "z", "none"]
    out = values("[pscustomobject]@{N=2;T='x'}, [pscustomobject]@{T='none'}, "
                 "[pscustomobject]@{N=1;T='y'} | sort N -Descending | % { $_.T }")
    assert out == ["x", "y", "none"]


def test_sort_certificates_by_expiry():
    dates = values("Get-ExchangeCertificate | sort NotAfter | % { $_.NotAfter }", PS51)
    assert dates == sorted(dates)


# ----------------------------------------------------------------------- Group-Object

def test_group_object_table():
    _, text = run("'b','a','b' | group")
    assert lines(text) == [
        "Count Name                      Group",
        "----- ----                      -----",
        "    2 b                         {b, b}",
        "    1 a                         {a}",
    ]


def test_group_object_no_element_table():
    _, text = run("'b','a','b' | group -NoElement")
    assert lines(text) == ["Count Name", "----- ----", "    2 b", "    1 a"]
    out = values("'b','a','b' | group -NoElement")
    assert (out[0].Count, out[0].Group) == (2, [])


def test_group_object_properties_and_hashtable():
    out = values("'aa','b','cc' | group Length")
    assert [(g.Name, g.Count, g.Group) for g in out] == [("2", 2, ["aa", "cc"]), ("1", 1, ["b"])]
    table = values("'aa','b','cc' | group Length -AsHashTable")[0]
    assert table[2] == ["aa", "cc"] and table[1] == ["b"]


# --------------------------------------------------------------------- Measure-Object

def test_measure_object_list():
    _, text = run("1,2,3 | measure -Sum -Average -Maximum -Minimum")
    assert lines(text) == ["Count    : 3", "Average  : 2", "Sum      : 6", "Maximum  : 3",
                           "Minimum  : 1", "Property :"]


def test_measure_object_counts_without_input():
    _, text = run("@() | Measure-Object")
    assert lines(text)[0] == "Count    : 0"


def test_measure_object_property_and_errors():
    out = values("'aa','b' | measure Length -Sum")
    assert (out[0].Count, out[0].Sum, out[0].Property) == (2, 3.0, "Length")
    result, text = run("1,2 | measure Nope -Sum")
    assert result.errors[0].FullyQualifiedErrorId == \
        "GenericMeasurePropertyNotFound,Microsoft.PowerShell.Commands.MeasureObjectCommand"
    assert 'The property "Nope" cannot be found in the input for any objects.' in text
    result, text = run("'x' | measure -Sum")
    assert result.errors[0].error_id == "NonNumericInputObject"
    assert 'Input object "x" is not numeric.' in text


def test_measure_text_table():
    _, text = run("'one two', 'three' | measure -Word -Line")
    assert lines(text) == ["Lines Words Characters Property", "----- ----- ---------- --------",
                           "    2     3"]


def test_measure_text():
    out = values("'one two', 'three' | measure -Line -Word -Character")
    assert (out[0].Lines, out[0].Words, out[0].Characters) == (2, 3, 12)


# ------------------------------------------------------------------------- Get-Member

def test_get_member_definitions_2_0_and_5_1():
    out20 = values("'abc' | Get-Member Length", PS20)
    out51 = values("'abc' | Get-Member Length", PS51)
    assert (out20[0].TypeName, out20[0].MemberType, out20[0].Definition) == \
        ("System.String", "Property", "System.Int32 Length {get;}")
    assert out51[0].Definition == "int Length {get;}"


def test_get_member_orders_by_member_type_then_name():
    out = values("[pscustomobject]@{b=1;a='x'} | gm")
    assert [(m.Name, m.MemberType) for m in out] == [
        ("Equals", "Method"), ("GetHashCode", "Method"), ("GetType", "Method"),
        ("ToString", "Method"), ("a", "NoteProperty"), ("b", "NoteProperty")]
    assert out[4].Definition == "System.String a=x"


def test_get_member_once_per_type_and_member_type_filter():
    out = values("'a','b',1 | gm -MemberType Property")
    assert [(m.TypeName, m.Name) for m in out] == [("System.String", "Length")]


def test_get_member_certificate_properties():
    names = [m.Name for m in values("Get-ExchangeCertificate | gm -MemberType Property")]
    for expected in ("Thumbprint", "Services", "NotAfter", "HasPrivateKey"):
        assert expected in names


def test_get_member_without_input():
    result, text = run("Get-Member")
    assert result.errors[0].FullyQualifiedErrorId == \
        "NoObjectInGetMember,Microsoft.PowerShell.Commands.GetMemberCommand"
    assert "You must specify an object for the Get-Member cmdlet." in text


# ------------------------------------------------------------------------- Tee-Object

def test_tee_object_variable():
    assert values("1,2 | Tee-Object -Variable t | % { $_ * 10 }; $t") == [10, 20, 1, 2]


def test_tee_object_append(tmp_path):
    shell, host = make_shell(PS51, drive_root=str(tmp_path))
    shell.run("'one' | Tee-Object C:\\t.txt | Out-Null; 'two' | Tee-Object C:\\t.txt -Append")
    assert (tmp_path / "C" / "t.txt").read_text(encoding="utf-16").splitlines() == ["one", "two"]


def test_tee_object_file(tmp_path):
    shell, host = make_shell(PS20, drive_root=str(tmp_path))
    shell.run("'hello' | tee C:\\out.txt")
    assert "hello" in host.text
    assert (tmp_path / "C" / "out.txt").read_text(encoding="utf-16").splitlines() == ["hello"]
