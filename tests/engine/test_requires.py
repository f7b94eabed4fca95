"""``#Requires`` (about_Requires): a script that needs a later PowerShell, or (3.0+) a
module the server lacks, does not run; the error is PowerShell's, per version."""
import pytest

from exshell.testing import make_shell


def run_script(version, body, name="C:\\req.ps1"):
    shell, host = make_shell(version)
    shell.run("Set-Content -Path '%s' -Value @'\n%s\n'@" % (name, body))
    shell.session.errors.clear()
    shell.run("& '%s'; 'after'" % name)
    assert shell.internal_errors == []
    out = [line.rstrip() for line in host.text.splitlines() if line.strip()]
    return shell, out


def test_a_later_version_stops_the_script_on_2_0():
    shell, out = run_script("2010", "#Requires -Version 3.0\n'ran'")
    assert "ran" not in out and out[-1] == "after"     # the caller goes on
    record = shell.session.errors[0]
    assert record.message == (
        "The script 'req.ps1' cannot be run because it contained a \"#requires\" statement at "
        "line 1 for Windows PowerShell version 3.0. The version required by the script does not "
        "match the currently running version of Windows PowerShell version 2.0.")
    assert record.fqid() == "ScriptRequiresUnmatchedPSVersion"
    assert record.category_info().startswith("ResourceUnavailable: (req.ps1:String) [], "
                                             "ScriptRequiresException")


def test_a_later_version_stops_the_script_on_5_1():
    shell, out = run_script("2016", "'first'\n  #requires -version 6\n'ran'")
    assert "first" not in out and "ran" not in out
    assert shell.session.errors[0].message == (
        "The script 'req.ps1' cannot be run because it contained a \"#requires\" statement for "
        "Windows PowerShell 6.0. The version of Windows PowerShell that is required by the script "
        "does not match the currently running version of Windows PowerShell 5.1.17763.1971.")


@pytest.mark.parametrize("version, body", [
    ("2010", "#Requires -Version 2\n'ran'"),
    ("2016", "#Requires -Version 5.1\n#Requires -RunAsAdministrator\n'ran'"),
    ("2016", "#Requires -Modules ActiveDirectory, @{ModuleName='WebAdministration'; ModuleVersion='1.0'}\n'ran'"),
    ("2016", "# Requires -Version 9 (not a #Requires statement: a blank after #)\n'ran'"),
])
def test_requirements_met_let_the_script_run(version, body):
    shell, out = run_script(version, body)
    assert out[-2:] == ["ran", "after"]
    assert shell.session.errors == []


def test_a_missing_module_stops_the_script_on_5_1():
    shell, out = run_script("2016", "#Requires -Modules ActiveDirectory, NoSuchModule\n'ran'")
    assert "ran" not in out
    record = shell.session.errors[0]
    assert record.message == (
        "The script 'req.ps1' cannot be run because the following modules that are specified by "
        "the \"#requires\" statements of the script are missing: NoSuchModule.")
    assert record.fqid() == "ScriptRequiresMissingModules"
