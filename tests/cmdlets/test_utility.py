"""Write-*, dates, sleeping, Read-Host, variables, Get-Command/Get-Alias,
Invoke-Command/-Expression, secure strings, credentials and Clear-Host."""
from __future__ import annotations

import datetime

import pytest

from cmdlet_kit import NOW, PS20, PS51, lines, make_shell, run, values

from exshell.cmdlets.types import PSCredential, SecureString


# ---------------------------------------------------------------------------- Write-*

@pytest.mark.parametrize("text, shown", [
    ('Write-Host "a" "b"', "a b\n"),
    ('Write-Host "a","b" -Separator ", " -NoNewline; Write-Host "!"', "a, b!\n"),
    ('Write-Host (1,2,3) -Separator "-"', "1-2-3\n"),
    ('Write-Host', "\n"),
    ('Write-Host "x" | Measure-Object | % { $_.Count }', "x\n0\n"),
])
def test_write_host_goes_to_the_host(text, shown):
    assert run(text)[1] == shown


def test_write_host_colours_reach_the_host():
    shell, host = make_shell()
    shell.run('Write-Host "ok" -ForegroundColor Green -BackgroundColor DarkRed')
    assert host.chunks == [("output", "ok\n")]
    result, text = run('Write-Host "ok" -ForegroundColor Nope')
    assert result.errors[0].error_id == "CannotConvertArgumentNoMessage"
    assert '"System.ConsoleColor"' in text


@pytest.mark.parametrize("version, text, expected", [
    (PS20, "Write-Output 1 2 3", [1, 2, 3]),
    (PS20, "echo (1,2)", [1, 2]),
    (PS20, "write 'x'", ["x"]),
    (PS20, "1,2 | Write-Output", [1, 2]),
    (PS51, "Write-Output @(1,2) -NoEnumerate", [[1, 2]]),
])
def test_write_output(version, text, expected):
    assert values(text, version) == expected


def test_write_output_no_enumerate_is_3_0_plus():
    result, _ = run("Write-Output @(1,2) -NoEnumerate", PS20)
    assert result.errors[0].error_id == "NamedParameterNotFound"


@pytest.mark.parametrize("text, shown", [
    ('Write-Warning "careful"', "WARNING: careful\n"),
    ('Write-Warning "careful" -WarningAction SilentlyContinue', ""),
    ('Write-Verbose "v"', ""),
    ('Write-Verbose "v" -Verbose', "VERBOSE: v\n"),
    ('$VerbosePreference = "Continue"; Write-Verbose "v"', "VERBOSE: v\n"),
    ('Write-Debug "d"', ""),
    ('$DebugPreference = "Continue"; Write-Debug "d"', "DEBUG: d\n"),
])
def test_message_streams(text, shown):
    assert run(text)[1] == shown


def test_write_error_record():
    result, text = run('Write-Error "boom"')
    rec = result.errors[0]
    assert rec.FullyQualifiedErrorId == "Microsoft.PowerShell.Commands.WriteErrorException"
    assert text.splitlines()[:3] == [
        'Write-Error "boom" : boom',
        "    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException",
        "    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException",
    ]


def test_write_error_options_and_non_terminating():
    result, text = run('Write-Error -Message "bad" -Category ObjectNotFound -ErrorId Cert.Missing '
                       '-TargetObject "X"; "after"')
    rec = result.errors[0]
    assert (rec.FullyQualifiedErrorId, rec.category, rec.TargetObject) == \
        ("Cert.Missing", "ObjectNotFound", "X")
    assert "ObjectNotFound: (X:String) [Write-Error], WriteErrorException" in text
    assert text.rstrip().endswith("after")


def test_write_error_can_be_caught_with_stop():
    assert values('try { Write-Error "x" -ErrorAction Stop } catch { "caught " + $_ }') == \
        ["caught x"]


# ------------------------------------------------------------------------------ dates

@pytest.mark.parametrize("text, expected", [
    ("Get-Date", NOW),
    ("Get-Date -Format yyyy-MM-dd", "2026-11-28"),
    ("Get-Date -Format 'dd/MM/yyyy HH:mm'", "28/11/2026 10:00"),
    ("Get-Date -UFormat '%Y%m%d-%H%M'", "20261128-1000"),
    ("Get-Date -UFormat '%A %d %B'", "Saturday 28 November"),
    ("Get-Date -Year 2030 -Month 1 -Day 31", datetime.datetime(2030, 1, 31, 10, 0)),
    ("Get-Date -Date '12/31/2024'", datetime.datetime(2024, 12, 31)),
    ("(Get-Date).AddDays(30)", NOW + datetime.timedelta(days=30)),
    ("Get-Date -Hour 0 -Minute 0 -Second 0", datetime.datetime(2026, 11, 28)),
])
def test_get_date(text, expected):
    assert values(text) == [expected]


def test_get_date_display():
    assert lines(run("Get-Date")[1]) == ["Saturday, November 28, 2026 10:00:00 AM"]


def test_get_date_millisecond_is_3_0_plus():
    assert values("(Get-Date -Millisecond 250).Millisecond", PS51) == [250]
    result, _ = run("Get-Date -Millisecond 250", PS20)
    assert result.errors[0].error_id == "NamedParameterNotFound"


def test_write_error_category_must_be_an_error_category():
    result, text = run("Write-Error 'x' -Category Bogus")
    assert result.errors[0].error_id == "ParameterArgumentValidationError"


def test_get_date_rejects_out_of_range_month():
    result, text = run("Get-Date -Month 13")
    assert result.errors[0].error_id == "ParameterArgumentValidationError"
    assert "The 13 argument is greater than the maximum allowed range of 12." in text


def test_set_date_moves_the_shell_clock():
    shell, host = make_shell(PS20)
    out: list = []
    shell.run("Set-Date -Date '12/01/2026 08:00:00'", out=out.append)
    assert out == [datetime.datetime(2026, 12, 1, 8, 0)]
    out.clear()
    shell.run("Set-Date -Adjust 1:30:00; Get-Date", out=out.append)
    assert out == [datetime.datetime(2026, 12, 1, 9, 30)] * 2


def test_set_date_what_if():
    shell, host = make_shell(PS20)
    shell.run("Set-Date -Adjust 1:00:00 -WhatIf")
    assert host.text == 'What if: Performing operation "Set-Date" on Target "11/28/2026 11:00:00 AM".\n'
    out: list = []
    shell.run("Get-Date", out=out.append)
    assert out == [NOW]


@pytest.mark.parametrize("text, expected", [
    ("New-TimeSpan -Days 3", datetime.timedelta(days=3)),
    ("New-TimeSpan -Hours 1 -Minutes 30", datetime.timedelta(hours=1, minutes=30)),
    ("New-TimeSpan -Start '11/01/2026' -End '11/28/2026'", datetime.timedelta(days=27)),
    ("New-TimeSpan -End '12/28/2026 10:00'", datetime.timedelta(days=30)),
    ("(New-TimeSpan -Start (Get-Date) -End (Get-Date).AddDays(45)).Days", 45),
])
def test_new_timespan(text, expected):
    assert values(text) == [expected]


def test_start_sleep_advances_the_clock_not_the_learner():
    shell, _ = make_shell(PS20)
    out: list = []
    shell.run("Start-Sleep 3600; sleep -Milliseconds 500; Get-Date", out=out.append)
    assert out == [NOW + datetime.timedelta(hours=1, milliseconds=500)]


# -------------------------------------------------------------------------- Read-Host

def test_read_host_prompt_and_answer():
    shell, host = make_shell(PS20, answers=["EX01"])
    out: list = []
    shell.run('$n = Read-Host "Server name"; "got $n"', out=out.append)
    assert out == ["got EX01"]
    assert host.text == "Server name: EX01\n"


def test_read_host_as_secure_string():
    shell, host = make_shell(PS20, answers=["p@ss"])
    out: list = []
    shell.run('Read-Host "Password" -AsSecureString', out=out.append)
    assert isinstance(out[0], SecureString) and out[0].plain_text() == "p@ss"
    assert host.text == "Password: ****\n"


def test_read_host_non_interactive():
    result, text = run('Read-Host "x"', interactive=False)
    assert result.errors[0].FullyQualifiedErrorId == \
        "HostPromptUnavailable,Microsoft.PowerShell.Commands.ReadHostCommand"


# -------------------------------------------------------------------------- variables

@pytest.mark.parametrize("text, expected", [
    ("$x = 3; Get-Variable x -ValueOnly", [3]),
    ("Set-Variable y 4; $y", [4]),
    ("sv y 4 -PassThru | % { $_.Name }", ["y"]),
    ("New-Variable z 5; $z", [5]),
    ("$z = 1; Remove-Variable z; $z", [None]),
    ("$z = 1; Clear-Variable z; $z", [None]),
    ("$cert1 = 1; $cert2 = 2; Get-Variable cert* | % { $_.Name }", ["cert1", "cert2"]),
    ("function f { Set-Variable g 7 -Scope Global }; f; $g", [7]),
    ("function f { $l = 1; Set-Variable l 9; $l }; f", [9]),
    ("$a = 1; function f { Get-Variable a -ValueOnly }; f", [1]),
    ("$x = 3; Get-Variable 'x', $null -ValueOnly", [3]),
    ("Set-Variable 'v', $null 2; $v", [2]),
])
def test_variable_cmdlets(text, expected):
    assert values(text) == expected


def test_get_variable_table():
    _, text = run("$x = 3; Get-Variable x")
    assert lines(text) == ["Name                           Value", "----                           -----",
                           "x                              3"]


@pytest.mark.parametrize("version, text, error_id, message", [
    (PS20, "Get-Variable nope", "VariableNotFound", "Cannot find a variable with name 'nope'."),
    (PS51, "Get-Variable nope", "VariableNotFound", "Cannot find a variable with the name 'nope'."),
    (PS20, "Remove-Variable nope", "VariableNotFound", "Cannot find a variable with name 'nope'."),
    (PS20, "New-Variable q 1; New-Variable q 2", "VariableAlreadyExists",
     "A variable with name 'q' already exists."),
    (PS20, "Set-Variable true 1", "VariableNotWritable",
     "Cannot overwrite variable true because it is read-only or constant."),
])
def test_variable_errors(version, text, error_id, message):
    result, shown = run(text, version)
    assert result.errors[0].error_id == error_id
    assert message in shown


# ------------------------------------------------------------------------ Get-Command

def test_get_command_syntax_5_1():
    out = values("Get-Command Set-Date -Syntax", PS51)
    assert out == ["\nSet-Date [-Date] <datetime> [-DisplayHint <DisplayHintType>] [-WhatIf] [-Confirm] "
                   "[<CommonParameters>]\n\nSet-Date [-Adjust] <timespan> [-DisplayHint "
                   "<DisplayHintType>] [-WhatIf] [-Confirm] [<CommonParameters>]\n"]


def test_get_command_syntax_2_0_spells_out_common_parameters():
    out = values("gcm New-TimeSpan -Syntax", PS20)
    first = out[0].split("\n")[0]
    assert first == ("New-TimeSpan [[-Start] <DateTime>] [[-End] <DateTime>] [-Verbose] [-Debug] "
                     "[-ErrorAction <ActionPreference>] [-WarningAction <ActionPreference>] "
                     "[-ErrorVariable <String>] [-WarningVariable <String>] [-OutVariable <String>] "
                     "[-OutBuffer <Int32>]")


def test_get_command_hides_internal_parameters():
    out = values("gcm Write-Host -Syntax", PS51)[0]
    assert "#" not in out and "[[-Object] <Object>]" in out


@pytest.mark.parametrize("version, text, expected", [
    (PS20, "Get-Command *-Variable | % { $_.Name }",
     ["Clear-Variable", "Get-Variable", "New-Variable", "Remove-Variable", "Set-Variable"]),
    (PS20, "gcm -Verb Export -Noun Csv | % { $_.Name }", ["Export-Csv"]),
    (PS20, "gcm -Verb Get,Remove -Noun ExchangeCertificate | % { $_.Name }",
     ["Get-ExchangeCertificate", "Remove-ExchangeCertificate"]),
    (PS20, "gcm % | % { $_.Definition }", ["ForEach-Object"]),
    (PS20, "gcm ft, Get-Date -CommandType Alias | % { $_.Name }", ["ft"]),
    (PS20, "gcm Get-D* -CommandType Cmdlet -TotalCount 1 | % { $_.Name }", ["Get-Date"]),
    (PS20, "gcm ConvertTo-Json -ErrorAction SilentlyContinue | % { $_.Name }", []),
    (PS51, "gcm ConvertTo-Json | % { $_.Name }", ["ConvertTo-Json"]),
    (PS20, "function Test-Cert { 1 }; gcm Test-Cert | % { $_.CommandType }", ["Function"]),
])
def test_get_command_lists(version, text, expected):
    assert values(text, version) == expected


def test_get_command_table_5_1():
    _, text = run("gcm Get-Date", PS51)
    assert lines(text) == [
        "CommandType     Name                                               Version    Source",
        "-----------     ----                                               -------    ------",
        "Cmdlet          Get-Date                                           3.1.0.0    "
        "Microsoft.PowerShell.Utility"]


def test_get_command_not_found():
    result, text = run("Get-Command Get-Nothing")
    assert result.errors[0].FullyQualifiedErrorId == \
        "CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand"
    assert "The term 'Get-Nothing' is not recognized" in text


@pytest.mark.parametrize("version, text, expected", [
    (PS20, "Get-Alias gcm | % { $_.Definition }", ["Get-Command"]),
    (PS51, "Get-Alias gcm | % { $_.DisplayName }", ["gcm -> Get-Command"]),
    (PS20, "Get-Alias -Definition Where-Object | % { $_.Name }", ["?", "where"]),
])
def test_get_alias(version, text, expected):
    assert values(text, version) == expected


def test_get_alias_not_found():
    result, text = run("gal nope")
    assert result.errors[0].FullyQualifiedErrorId == \
        "ItemNotFoundException,Microsoft.PowerShell.Commands.GetAliasCommand"
    assert "an alias with the name 'nope' does not exist." in text


# ------------------------------------------------------- Invoke-Command / Invoke-Expression

@pytest.mark.parametrize("text, expected", [
    ("Invoke-Command { 1 + 1 }", [2]),
    ("icm -ScriptBlock { param($a, $b) $a * $b } -ArgumentList 6, 7", [42]),
    ("icm { $args[1] } -ArgumentList 'x', 'y'", ["y"]),
    ("icm { param([int]$d) $d + 1 } -ArgumentList '41'", [42]),
    ("$v = 1; icm { $v = 2 }; $v", [1]),
    ("$v = 1; icm { $v = 2 } -NoNewScope; $v", [2]),
    ("1,2 | icm { $input | % { $_ * 3 } }", [3, 6]),
    ("Invoke-Expression '1 + 2'", [3]),
    ("$cmd = 'Get-Date -Format yyyy'; iex $cmd", ["2026"]),
    ("iex '$w = 5'; $w", [5]),
])
def test_invoke(text, expected):
    assert values(text) == expected


def test_invoke_command_refuses_remoting():
    result, _ = run("icm -ComputerName EX02 { 1 }")
    assert result.errors[0].error_id == "RemotingNotSupported"


def test_invoke_expression_parse_error():
    result, text = run("iex '1 +'")
    assert result.errors[0].error_id == "ExpectedValueExpression"
    assert "You must provide a value expression following the '+' operator." in text


# ------------------------------------------------------------ secure strings, credentials

def test_convert_to_secure_string():
    out = values('ConvertTo-SecureString "P@ss" -AsPlainText -Force')
    assert isinstance(out[0], SecureString) and out[0].plain_text() == "P@ss"
    assert lines(run('ConvertTo-SecureString "P@ss" -AsPlainText -Force')[1]) == \
        ["System.Security.SecureString"]


def test_convert_to_secure_string_needs_force():
    result, text = run('ConvertTo-SecureString "P@ss" -AsPlainText')
    assert result.errors[0].FullyQualifiedErrorId == \
        "ImportSecureString_ForceRequired,Microsoft.PowerShell.Commands.ConvertToSecureStringCommand"
    assert "The system cannot protect plain text input." in text


def test_get_credential_prompts():
    shell, host = make_shell(PS51, answers=["CONTOSO\\admin", "secret"])
    out: list = []
    shell.run("$c = Get-Credential; $c.UserName; $c.GetNetworkCredential().Password", out=out.append)
    assert out == ["CONTOSO\\admin", "secret"]
    assert host.text == ("Windows PowerShell credential request.\nEnter your credentials.\n"
                         "User: CONTOSO\\admin\nPassword for user CONTOSO\\admin: ******\n")


def test_get_credential_with_user_name():
    shell, host = make_shell(PS20, answers=["pw"])
    out: list = []
    shell.run("Get-Credential admin", out=out.append)
    assert isinstance(out[0], PSCredential) and out[0].UserName == "admin"
    assert "Password for user admin: **" in host.text


def test_clear_host_is_quiet_on_a_recording_host():
    assert run("Clear-Host; cls; clear; 'x'")[1] == "x\n"
