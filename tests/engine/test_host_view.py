"""``$Host`` and ``$PSVersionTable`` as admin scripts read them (about_Automatic_Variables),
on 2.0 (Exchange 2010) and 5.1 (Exchange 2016)."""
import pytest

from exshell.testing import make_shell

BOTH = ("2010", "2016")


def run(text, version, answers=None, interactive=True):
    shell, host = make_shell(version, answers=answers, interactive=interactive)
    shell.run(text)
    assert shell.internal_errors == []
    return [line.rstrip() for line in host.text.splitlines() if line.strip()], shell


def lines(text, version, **kw):
    return run(text, version, **kw)[0]


def rows(table):
    out = []
    for row in table:
        script, expected = row[0], row[1]
        for version in (row[2] if len(row) > 2 else BOTH):
            out.append(pytest.param(script, expected, version, id="%s-%s" % (version, script[:60])))
    return out


VERSION_TABLE = [
    # the values are System.Version: scripts test .PSVersion.Major
    ("$PSVersionTable.PSVersion.Major", ["2"], ("2010",)),
    ("$PSVersionTable.PSVersion.Major", ["5"], ("2016",)),
    ("$PSVersionTable.PSVersion.GetType().FullName; $PSVersionTable.CLRVersion.GetType().Name",
     ["System.Version", "Version"]),
    ("if ($PSVersionTable.PSVersion -ge [version]'3.0') { 'v3+' } else { 'v2' }", ["v2"], ("2010",)),
    ("if ($PSVersionTable.PSVersion -ge [version]'3.0') { 'v3+' } else { 'v2' }", ["v3+"], ("2016",)),
    ("$PSVersionTable.PSCompatibleVersions[-1].Major", ["2"], ("2010",)),
    ("$PSVersionTable.PSEdition.GetType().Name", ["String"], ("2016",)),
    ("\"$($PSVersionTable.PSVersion)\"", ["2.0"], ("2010",)),
    ("\"$($PSVersionTable.PSVersion)\"", ["5.1.17763.1971"], ("2016",)),
]


@pytest.mark.parametrize("script, expected, version", rows(VERSION_TABLE))
def test_version_table_holds_versions(script, expected, version):
    assert lines(script, version) == expected


HOST = [
    ("$Host.Name; $Host.Version.Major", ["ConsoleHost", "2"], ("2010",)),
    ("$Host.Name; $Host.Version.Major", ["ConsoleHost", "5"], ("2016",)),
    ("$Host.UI.RawUI.WindowTitle", ["Machine: EX01.contoso.com"]),
    ("$Host.UI.RawUI.WindowTitle = 'Maintenance'; $Host.UI.RawUI.WindowTitle",
     ["Maintenance"]),
    ("$Host.UI.RawUI.BufferSize.Width; $Host.UI.RawUI.ForegroundColor", ["120", "DarkYellow"]),
    ("$ExecutionContext.Host.Name", ["ConsoleHost"]),
    ("$Host.UI.WriteLine('one'); $Host.UI.Write('t'); $Host.UI.WriteLine('wo'); "
     "$Host.UI.WriteLine('Green', 'Black', 'three')", ["one", "two", "three"]),
    ("$Host.UI.WriteWarningLine('careful')", ["WARNING: careful"]),
    # written to the host, not the pipeline
    ("$x = $Host.UI.WriteLine('seen'); $x -eq $null", ["seen", "True"]),
]


@pytest.mark.parametrize("script, expected, version", rows(HOST))
def test_host(script, expected, version):
    assert lines(script, version) == expected


CHOICES = ("$yes = New-Object System.Management.Automation.Host.ChoiceDescription '&Yes', 'Go on'; "
           "$no = New-Object System.Management.Automation.Host.ChoiceDescription '&No', 'Stop'; "
           "$options = [System.Management.Automation.Host.ChoiceDescription[]]($yes, $no); ")


@pytest.mark.parametrize("version", BOTH)
def test_prompt_for_choice_asks_the_user(version):
    out = lines(CHOICES + "$r = $Host.UI.PromptForChoice('Renew', 'Renew now?', $options, 1); "
                          "\"answer $r\"", version, answers=["y"])
    assert "Renew now?" in out
    assert any("[Y] Yes  [N] No" in line for line in out)
    assert out[-1] == "answer 0"


@pytest.mark.parametrize("version", BOTH)
def test_prompts_fail_when_the_host_cannot_ask(version):
    for script in ("$Host.UI.ReadLine()",
                   CHOICES + "$Host.UI.PromptForChoice('t', 'm', $options, 0)"):
        _, shell = run(script, version, interactive=False)
        record = shell.session.errors[0]
        assert record.message.endswith('"Windows PowerShell is in NonInteractive mode. Read and '
                                       'Prompt functionality is not available."')
        assert record.fqid() == "PSInvalidOperationException"


@pytest.mark.parametrize("version", BOTH)
def test_a_choice_needs_a_label(version):
    _, shell = run("New-Object System.Management.Automation.Host.ChoiceDescription ''", version)
    assert "label" in shell.session.errors[0].message


TYPED_ARRAYS = [
    ("[int[]]$a = '1', '2'; $a[0] + $a[1]", ["3"]),
    ("[version[]]('1.0', '2.5') | % { $_.Minor }", ["0", "5"]),
    ("([datetime[]]'2026-01-01')[0].Year", ["2026"]),
]


@pytest.mark.parametrize("script, expected, version", rows(TYPED_ARRAYS))
def test_arrays_of_known_types_convert_each_element(script, expected, version):
    assert lines(script, version) == expected
