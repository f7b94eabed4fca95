"""What a script knows about itself and its session: $PSScriptRoot, $PSCommandPath,
$MyInvocation (in -File scripts, scripts run by path and functions), $ExecutionContext,
[scriptblock]::Create and Set-StrictMode's rules, per dialect."""
import pytest

from exshell.testing import make_shell

BOTH = ("2010", "2016")

SCRIPT = """"root=$PSScriptRoot"
"path=$PSCommandPath"
"mc=$($MyInvocation.MyCommand.Path)"
"name=$($MyInvocation.MyCommand.Name)"
"sn=$($MyInvocation.ScriptName)"
function f { "f: $($MyInvocation.MyCommand.Name) sn=$($MyInvocation.ScriptName) line=$($MyInvocation.ScriptLineNumber)" }

f
throw "boom"
"""


def _shell(version, drive_root=None):
    shell, host = make_shell(version)
    if drive_root is not None:
        shell.drive_root = drive_root
    return shell, host


@pytest.mark.parametrize("version, root", [("2010", ""), ("2016", "{folder}")])
def test_file_script_knows_its_path(tmp_path, version, root):
    script = tmp_path / "check.ps1"
    script.write_text(SCRIPT)
    shell, host = _shell(version)
    shell.run_file(str(script))
    assert shell.internal_errors == []
    lines = host.text.splitlines()
    path = str(script)
    assert lines[:6] == [
        "root=" + root.format(folder=str(tmp_path)),
        "path=" + (path if version == "2016" else ""),   # $PSCommandPath is 3.0+
        "mc=" + path,                                     # 2.0's way: $MyInvocation.MyCommand.Path
        "name=check.ps1",
        "sn=",                                            # invoked from the command line
        "f: f sn=%s line=8" % path,                       # a function: its caller's file and line
    ]
    # An error in a -File script names the file and the line.
    assert ("At %s:9 char:" % path) in host.text


@pytest.mark.parametrize("version", BOTH)
def test_script_run_by_path_on_the_drive(tmp_path, version):
    folder = tmp_path / "C" / "scripts"
    folder.mkdir(parents=True)
    (folder / "where.ps1").write_text('"$($MyInvocation.MyCommand.Path)|$PSScriptRoot"\n')
    shell, host = _shell(version, drive_root=str(tmp_path))
    shell.run("Set-Location C:\\scripts; .\\where.ps1")
    assert shell.internal_errors == []
    expected_root = "C:\\scripts" if version == "2016" else ""
    assert host.text.splitlines()[-1] == "C:\\scripts\\where.ps1|" + expected_root


def run(text, version):
    shell, host = _shell(version)
    shell.run(text)
    assert shell.internal_errors == []
    return shell, [line.rstrip() for line in host.text.splitlines() if line.strip()]


@pytest.mark.parametrize("version", BOTH)
def test_execution_context(version):
    _, out = run('$ExecutionContext.InvokeCommand.ExpandString("a $(1 + 1) b"); '
                 '$ExecutionContext.SessionState.Path.CurrentLocation.Path; '
                 '$ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath("..\\x.txt"); '
                 '$ExecutionContext.SessionState.LanguageMode; '
                 '$v = 5; $ExecutionContext.SessionState.PSVariable.GetValue("v")', version)
    assert out == ["a 2 b", "C:\\Windows\\system32", "C:\\Windows\\x.txt", "FullLanguage", "5"]


@pytest.mark.parametrize("version", BOTH)
def test_scriptblock_create(version):
    _, out = run('$sb = [scriptblock]::Create("param(`$x) `$x * 2"); & $sb 21; '
                 '$sb.GetType().FullName; '
                 '(& $ExecutionContext.InvokeCommand.NewScriptBlock("1 + 1"))', version)
    assert out == ["42", "System.Management.Automation.ScriptBlock", "2"]


@pytest.mark.parametrize("version", BOTH)
def test_scriptblock_create_reports_a_parse_error(version):
    shell, _ = run('[scriptblock]::Create("{")', version)
    record = shell.session.errors[0]
    assert record.message == ('Exception calling "Create" with "1" argument(s): "Missing closing '
                              "'}' in statement block or type definition.\"")
    assert record.fqid() == "ParseException"


STRICT = [
    # version 1: unset variables (not in strings)
    ("Set-StrictMode -Version 1; \"[$nope]\"; 'next'", ["[]", "next"], None),
    ("Set-StrictMode -Version 1; $nope", [], ("The variable '$nope' cannot be retrieved because it has "
                                              "not been set.", "VariableIsUndefined")),
    ("Set-StrictMode -Version 2; \"[$nope]\"", [], ("The variable '$nope' cannot be retrieved because "
                                                    "it has not been set.", "VariableIsUndefined")),
    # version 2: properties
    ("Set-StrictMode -Version 2; $o = New-Object PSObject -Property @{a=1}; $o.a; $o.b", ["1"],
     ("The property 'b' cannot be found on this object. Verify that the property exists.",
      "PropertyNotFoundStrict")),
    ("Set-StrictMode -Version 2; $h = @{}; $h.missing; 'hashtables are exempt'",
     ["hashtables are exempt"], None),
    ("Set-StrictMode -Version 1; $o = New-Object PSObject; $o.b; 'fine at 1'", ["fine at 1"], None),
    # Latest: indexes
    ("Set-StrictMode -Version Latest; $a = @(1, 2); $a[1]; $a[5]", ["2"],
     ("Index was outside the bounds of the array.", "System.IndexOutOfRangeException")),
    # scopes: a function's strict mode ends with the function
    ("function f { Set-StrictMode -Version 1; $u }; f; $u; 'after'", ["after"],
     ("The variable '$u' cannot be retrieved because it has not been set.", "VariableIsUndefined")),
    ("Set-StrictMode -Version 1; Set-StrictMode -Off; $u; 'off'", ["off"], None),
]


@pytest.mark.parametrize("version", BOTH)
@pytest.mark.parametrize("script, output, error", STRICT)
def test_strict_mode(script, output, error, version):
    if "Latest" in script and version == "2010":
        output, error = ["2"], None  # 2.0's Latest is version 2: indexes are not checked
    shell, out = run(script, version)
    errors = shell.session.errors
    if error is None:
        assert errors == []
        assert out == output
    else:
        assert (errors[0].message, errors[0].fqid()) == error
        kept = [line for line in out if line in output]
        assert kept == output


@pytest.mark.parametrize("version", BOTH)
def test_strict_mode_2_has_no_scalar_count(version):
    shell, _ = run("Set-StrictMode -Version 2; (5).Count", version)
    assert shell.session.errors[0].error_id == "PropertyNotFoundStrict"


def test_strict_mode_version_beyond_the_dialect():
    shell, _ = run("Set-StrictMode -Version 3", "2010")
    assert shell.session.errors[0].error_id == "ParameterArgumentValidationError"
