"""Cmdlets admin scripts call around their main work: Set-/New-Alias, Get-Unique,
ConvertFrom-StringData, Get-Culture, Get-Verb, Select-Object -SkipLast (5.0),
Get-Content -LiteralPath, Get-Command's Parameters, $PSDefaultParameterValues (3.0)."""
from __future__ import annotations

import pytest

from cmdlet_kit import PS20, PS51, lines, make_shell

BOTH = (PS20, PS51)


def session(version, text, **kwargs):
    shell, host = make_shell(version, **kwargs)
    result = shell.run(text)
    assert shell.internal_errors == []
    return [line for line in lines(host.text) if line], result


CASES = [
    ("Set-Alias now Get-Date; now -Format yyyy", ["2026"], BOTH),
    ("function Get-Listing { 'listed' }; Set-Alias ll Get-Listing; ll", ["listed"], BOTH),
    ("New-Alias certs Get-ExchangeCertificate; (Get-Alias certs).Definition",
     ["Get-ExchangeCertificate"], BOTH),
    ("Set-Alias x Get-Date; Set-Alias x Get-Culture; (x).Name", ["en-US"], BOTH),
    ("1, 1, 2, 2, 3, 1 | Get-Unique", ["1", "2", "3", "1"], BOTH),
    ("'a', 'a', 'A' | Get-Unique", ["a", "A"], BOTH),
    ("1, '1', 2 | Get-Unique -AsString", ["1", "2"], BOTH),
    ("1, 2, 'x' | Get-Unique -OnType", ["1", "x"], BOTH),
    ("$t = ConvertFrom-StringData \"a = 1`nb=two words`n# note`n`nc = x\\ty\"; $t.a; $t.b; $t.c.Length; "
     "$t.Count", ["1", "two words", "3", "3"], BOTH),
    ("(Get-Culture).Name; (Get-UICulture).LCID; (Get-Culture).DateTimeFormat.ShortDatePattern",
     ["en-US", "1033", "M/d/yyyy"], BOTH),
    ("(Get-Verb Get).Group; (Get-Verb Ping).Group", ["Common", "Diagnostic"], BOTH),
    ("(Get-Verb).Count", ["95"], (PS20,)),
    ("(Get-Verb).Count", ["98"], (PS51,)),
    ("1..5 | Select-Object -SkipLast 2", ["1", "2", "3"], (PS51,)),
    ("1..5 | Select-Object -SkipLast 0 | Measure-Object | ForEach-Object { $_.Count }", ["5"], (PS51,)),
    ("(Get-Command Get-ExchangeCertificate).Parameters.ContainsKey('Server')", ["True"], BOTH),
    ("(Get-Command Get-ExchangeCertificate).Parameters.ContainsKey('identity')", ["False"], (PS20,)),
    ("(Get-Command Get-ExchangeCertificate).Parameters.ContainsKey('identity')", ["True"], (PS51,)),
    ("(Get-Command Select-Object).Parameters['First'].ParameterType.FullName", ["System.Int32"], BOTH),
    ("function f { [CmdletBinding()] param([string]$Name, [switch]$Force) }; "
     "$p = (Get-Command f).Parameters; $p.ContainsKey('force'); $p['Force'].SwitchParameter; "
     "$p.ContainsKey('Verbose')", ["True", "True", "True"], BOTH),
    ("$PSDefaultParameterValues['Select-Object:First'] = 2; 1..5 | Select-Object", ["1", "2"], (PS51,)),
    ("$PSDefaultParameterValues['Sel*:Last'] = { 1 }; 1..5 | Select-Object; "
     "$PSDefaultParameterValues['Disabled'] = $true; 1..2 | Select-Object", ["5", "1", "2"], (PS51,)),
    ("$PSDefaultParameterValues['Select-Object:First'] = 1; 1..3 | Select-Object -First 2",
     ["1", "2"], (PS51,)),                                  # given on the command line: it wins
]


@pytest.mark.parametrize("text, expected, versions", [pytest.param(*c, id=c[0][:60]) for c in CASES])
def test_script_cmdlets(text, expected, versions):
    for version in versions:
        assert session(version, text)[0] == expected


def test_new_alias_refuses_an_existing_alias():
    _, result = session(PS51, "New-Alias a1 Get-Date; New-Alias a1 Get-Culture")
    record = result.errors[0]
    assert record.message == "The alias is not allowed, because an alias with the name 'a1' already exists."
    assert record.fqid() == "AliasAlreadyExists,Microsoft.PowerShell.Commands.NewAliasCommand"


@pytest.mark.parametrize("text, message", [
    ("ConvertFrom-StringData \"a=1`na=2\"", "Data item 'a' in line 'a=2' is already defined."),
    ("ConvertFrom-StringData 'no equals here'", "Data line 'no equals here' is not in 'name=value' format."),
])
def test_string_data_errors(text, message):
    _, result = session(PS51, text)
    assert result.errors[0].message == message


def test_skip_last_is_5_0():
    _, result = session(PS20, "1..3 | Select-Object -SkipLast 1")
    assert result.errors[0].error_id == "NamedParameterNotFound"


def test_skip_last_does_not_combine_with_first():
    _, result = session(PS51, "1..3 | Select-Object -SkipLast 1 -First 1")
    assert result.errors[0].error_id == "AmbiguousParameterSet"


def test_default_parameter_values_do_not_exist_on_2_0():
    out, _ = session(PS20, "$PSDefaultParameterValues -eq $null")
    assert out == ["True"]


def test_get_content_literal_path(tmp_path):
    folder = tmp_path / "C" / "data"
    folder.mkdir(parents=True)
    (folder / "a[1].txt").write_text("one\ntwo\n")
    out, result = session(PS51, "Get-Content -LiteralPath 'C:\\data\\a[1].txt'; "
                                "@(Get-Content -Path 'C:\\data\\a[1].txt').Count",
                          drive_root=str(tmp_path))
    assert out == ["one", "two", "0"]                       # -Path reads [1] as a wildcard


MORE = [
    # Set-Alias/New-Alias: -PassThru writes the alias, -WhatIf changes nothing, an alias
    # may name a command that does not exist (it fails when used)
    ("Set-Alias when Get-Date -PassThru | ForEach-Object { $_.CommandType; $_.Definition }",
     ["Alias", "Get-Date"], BOTH),
    ("Set-Alias when Get-Date -WhatIf; Get-Alias when -ErrorAction SilentlyContinue; 'none'",
     ["What if: Performing operation \"Set alias\" on Target \"Name: when Value: Get-Date\".", "none"],
     (PS20,)),
    ("Set-Alias when Get-Date -WhatIf; Get-Alias when -ErrorAction SilentlyContinue; 'none'",
     ["What if: Performing the operation \"Set alias\" on target \"Name: when Value: Get-Date\".",
      "none"], (PS51,)),
    ("sal now2 Get-Culture; nal now3 Get-UICulture; (now2).Name; (now3).Name", ["en-US", "en-US"], BOTH),
    ("New-Alias dup Get-Date; New-Alias dup Get-Culture -Force; (dup).Name", ["en-US"], BOTH),
    ("Set-Alias gone Nope-Command; (Get-Alias gone).Definition", ["Nope-Command"], BOTH),
    # Get-Unique compares neighbours only, as text with -AsString, by type with -OnType
    ("3, 1, 3 | Get-Unique", ["3", "1", "3"], BOTH),
    ("'b', 'B', 'b' | Get-Unique -AsString", ["b", "B", "b"], BOTH),      # case-sensitive
    ("@(1, 2.0, 'x', 'y', 3) | Get-Unique -OnType | ForEach-Object { $_.GetType().Name }",
     ["Int32", "Double", "String", "Int32"], BOTH),
    # ConvertFrom-StringData: a hashtable; keys and values trimmed, escapes read
    ("(ConvertFrom-StringData 'a = 1').GetType().FullName; "
     "(ConvertFrom-StringData \" k1 =  v 1 \").k1.Length",
     ["System.Collections.Hashtable", "3"], BOTH),
    ("$t = ConvertFrom-StringData 'path = C:\\\\temp\\\\x'; $t.path", ["C:\\temp\\x"], BOTH),
    ("'x=1', 'y=2' | ConvertFrom-StringData | ForEach-Object { $_.Keys }", ["x", "y"], BOTH),
    # Get-Culture: what scripts read from it
    ("(Get-Culture).NumberFormat.NumberDecimalSeparator; (Get-Culture).TextInfo.ToTitleCase('exchange "
     "server'); (Get-Culture).DisplayName", [".", "Exchange Server", "English (United States)"], BOTH),
    ("(Get-Culture).GetType().FullName", ["System.Globalization.CultureInfo"], BOTH),
    # Get-Verb: names and wildcards
    ("Get-Verb -Verb Get, Set | ForEach-Object { $_.Verb + ':' + $_.Group }",
     ["Get:Common", "Set:Common"], BOTH),
    ("@(Get-Verb -Verb Zz*).Count; (Get-Verb Rem*).Verb", ["0", "Remove"], BOTH),
    # -SkipLast with -Unique, -Skip and the pipeline
    ("1, 1, 2, 3 | Select-Object -SkipLast 1 -Unique", ["1", "2"], (PS51,)),
    ("Get-Command Get-ExchangeCertificate | ForEach-Object { $_.Parameters.Keys -contains 'Thumbprint' }",
     ["True"], BOTH),
]


@pytest.mark.parametrize("text, expected, versions", [pytest.param(*c, id=c[0][:60]) for c in MORE])
def test_more_script_cmdlets(text, expected, versions):
    for version in versions:
        assert session(version, text)[0] == expected


@pytest.mark.parametrize("version", BOTH)
def test_get_verb_table(version):
    out, _ = session(version, "Get-Verb -Verb Get, Set | Format-Table -AutoSize")
    assert out == ["Verb Group", "---- -----", "Get  Common", "Set  Common"]


@pytest.mark.parametrize("version", BOTH)
def test_get_culture_view(version):
    out, _ = session(version, "Get-Culture")
    assert out[0].split() == ["LCID", "Name", "DisplayName"]
    assert out[2].split(None, 2) == ["1033", "en-US", "English (United States)"]


@pytest.mark.parametrize("version", BOTH)
def test_write_progress_writes_nothing(version):
    out, _ = session(version, "1..3 | ForEach-Object { Write-Progress -Activity 'Checking' "
                                  "-Status \"Server $_\" -PercentComplete ($_ * 30) -Id 1; $_ }; "
                                  "Write-Progress -Activity 'Checking' -Completed; 'done'")
    assert out == ["1", "2", "3", "done"]


@pytest.mark.parametrize("version", BOTH)
def test_write_progress_refuses_more_than_100_percent(version):
    shell, _ = make_shell(version)
    shell.run("Write-Progress -Activity a -PercentComplete 101")
    assert shell.internal_errors == []
    record = shell.session.errors[0]
    assert record.fqid() == "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.WriteProgressCommand"
    assert "greater than the maximum allowed range of 100" in record.message
