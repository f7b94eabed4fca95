"""Snap-ins, modules and Add-Type: what an Exchange script's first lines need, per
version (the snap-in names and modules are facts of the profile table)."""
from __future__ import annotations

import pytest

from cmdlet_kit import PS20, PS51, lines, make_shell


def session(version, text, **kwargs):
    shell, host = make_shell(version, **kwargs)
    result = shell.run(text)
    assert shell.internal_errors == []
    return [line for line in lines(host.text) if line], result


SNAPINS = [
    ("2007", "Microsoft.Exchange.Management.PowerShell.Admin"),
    ("2010", "Microsoft.Exchange.Management.PowerShell.E2010"),
    ("2013", "Microsoft.Exchange.Management.PowerShell.SnapIn"),
    ("2016", "Microsoft.Exchange.Management.PowerShell.SnapIn"),
    ("2019", "Microsoft.Exchange.Management.PowerShell.SnapIn"),
]


@pytest.mark.parametrize("version, snapin", SNAPINS)
def test_the_exchange_snapin_of_each_version_loads(version, snapin):
    text, result = session(version, "Add-PSSnapin %s; (Get-PSSnapin %s).Name" % (snapin, snapin))
    assert result.errors == [] and text == [snapin]


@pytest.mark.parametrize("version, other", [
    ("2010", "Microsoft.Exchange.Management.PowerShell.SnapIn"),
    ("2016", "Microsoft.Exchange.Management.PowerShell.E2010"),
])
def test_another_versions_snapin_is_not_installed(version, other):
    text, result = session(version, "Add-PSSnapin %s" % other)
    assert result.errors[0].message == ("The Windows PowerShell snap-in '%s' is not installed on "
                                        "this machine." % other)
    assert result.errors[0].fqid() == "AddPSSnapInRead,Microsoft.PowerShell.Commands.AddPSSnapinCommand"


def test_adding_twice_and_the_usual_guard():
    snapin = "Microsoft.Exchange.Management.PowerShell.E2010"
    text, result = session(PS20, "Add-PSSnapin %s; Add-PSSnapin %s" % (snapin, snapin))
    assert result.errors[0].message.startswith("Cannot add Windows PowerShell snap-in %s because "
                                               "it is already added." % snapin)
    guard = ("if (-not (Get-PSSnapin %s -ErrorAction SilentlyContinue)) { Add-PSSnapin %s; 'added' }; "
             "if (-not (Get-PSSnapin %s -ErrorAction SilentlyContinue)) { 'again' }" % ((snapin,) * 3))
    text, result = session(PS20, guard)
    assert text == ["added"]


@pytest.mark.parametrize("version, names", [
    (PS20, ["Microsoft.PowerShell.Diagnostics", "Microsoft.WSMan.Management",
            "Microsoft.PowerShell.Core", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Host",
            "Microsoft.PowerShell.Management", "Microsoft.PowerShell.Security"]),
    (PS51, ["Microsoft.PowerShell.Core"]),
])
def test_core_snapins(version, names):
    assert session(version, "Get-PSSnapin | ForEach-Object { $_.Name }")[0] == names


def test_snapin_list_view():
    text, _ = session(PS51, "Get-PSSnapin")
    assert text == ["Name        : Microsoft.PowerShell.Core",
                    "PSVersion   : 5.1.17763.1971",
                    "Description : This Windows PowerShell snap-in contains cmdlets used to manage "
                    "components of Windows PowerShell."]


def test_remove_snapin():
    snapin = "Microsoft.Exchange.Management.PowerShell.SnapIn"
    text, result = session(PS51, "Add-PSSnapin %s; Remove-PSSnapin %s; @(Get-PSSnapin).Count; "
                                 "Remove-PSSnapin %s" % (snapin, snapin, snapin))
    assert text[0] == "1"
    assert result.errors[0].error_id == "NoPSSnapInsFound"


def test_modules_51():
    text, result = session(PS51, "Get-Module | ForEach-Object { $_.Name }; "
                                 "Import-Module Microsoft.PowerShell.Security -PassThru | "
                                 "ForEach-Object { $_.Version }; (Get-Module).Count")
    assert text == ["Microsoft.PowerShell.Management", "Microsoft.PowerShell.Utility", "3.0.0.0", "3"]


def test_module_table_51():
    text, _ = session(PS51, "Get-Module Microsoft.PowerShell.Utility")
    assert text[0] == "ModuleType Version    Name                                ExportedCommands"
    assert text[2].startswith("Manifest   3.1.0.0    Microsoft.PowerShell.Utility        {")


def test_a_module_whose_commands_are_not_emulated_warns():
    text, result = session(PS20, "Import-Module ActiveDirectory; (Get-Module ActiveDirectory).Name")
    assert result.errors == []
    assert text[0].startswith("WARNING: exshell does not emulate the commands of the module "
                              "'ActiveDirectory'")
    assert text[-1] == "ActiveDirectory"


@pytest.mark.parametrize("version", [PS20, PS51])
def test_unknown_module(version):
    _, result = session(version, "Import-Module NoSuchModule")
    record = result.errors[0]
    assert record.message == ("The specified module 'NoSuchModule' was not loaded because no valid "
                              "module file was found in any module directory.")
    assert record.fqid() == "Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand"


def test_script_module_from_the_drive(tmp_path):
    folder = tmp_path / "C" / "scripts"
    folder.mkdir(parents=True)
    (folder / "CertTools.psm1").write_text("function Get-Double([int]$n) { $n * 2 }\n")
    text, result = session(PS51, "Import-Module C:\\scripts\\CertTools.psm1; Get-Double 21; "
                                 "(Get-Module CertTools).ExportedCommands.Keys; "
                                 "Remove-Module CertTools; Get-Command Get-Double -ErrorAction "
                                 "SilentlyContinue; 'gone'", drive_root=str(tmp_path))
    assert text == ["42", "Get-Double", "gone"]


def test_add_type():
    text, result = session(PS51, "Add-Type -AssemblyName System.Web; 'ok'; "
                                 "Add-Type -TypeDefinition 'public class C {}'")
    assert text[0] == "ok"
    record = result.errors[0]
    assert record.fqid() == "NotSupported,Microsoft.PowerShell.Commands.AddTypeCommand"
    assert "does not emulate the C# compiler" in record.message


@pytest.mark.parametrize("version, names", [
    ("2010", ["Microsoft.Exchange.Management.PowerShell.E2010"]),
    ("2016", ["Microsoft.Exchange.Management.PowerShell.SnapIn"]),
])
def test_registered_snapins_are_the_versions_exchange_ones(version, names):
    text, result = session(version, "Get-PSSnapin -Registered | ForEach-Object { $_.Name }")
    assert result.errors == []
    assert text[0] == names[0]
    assert not any(n.startswith("Microsoft.PowerShell.") for n in text)   # core ones are not "registered"


def test_add_snapin_pass_thru_and_remove_what_if():
    snapin = "Microsoft.Exchange.Management.PowerShell.SnapIn"
    text, result = session(PS51, "Add-PSSnapin %s -PassThru | ForEach-Object { $_.Name }; "
                                 "Remove-PSSnapin %s -WhatIf; (Get-PSSnapin %s).Name"
                           % (snapin, snapin, snapin))
    assert result.errors == []
    assert text[0] == snapin
    assert text[1].startswith('What if: Performing the operation "Remove-PSSnapin" on target "%s"'
                              % snapin)
    assert text[2] == snapin                                  # -WhatIf removed nothing


@pytest.mark.parametrize("version", [PS20, PS51])
def test_core_snapins_cannot_be_removed(version):
    _, result = session(version, "Remove-PSSnapin Microsoft.PowerShell.Core")
    assert result.errors[0].fqid() == "NoPSSnapInsFound,Microsoft.PowerShell.Commands.RemovePSSnapinCommand"


def test_list_available_modules_51():
    text, result = session(PS51, "Get-Module -ListAvailable | ForEach-Object { $_.Name }")
    assert result.errors == []
    assert "ActiveDirectory" in text and "Microsoft.PowerShell.Utility" in text
    assert len(set(text)) == len(text)                       # each module once


@pytest.mark.parametrize("version", [PS20, PS51])
def test_removing_a_module_that_is_not_loaded(version):
    _, result = session(version, "Remove-Module NotLoaded")
    record = result.errors[0]
    assert record.fqid() == "Modules_NoModulesRemoved,Microsoft.PowerShell.Commands.RemoveModuleCommand"
    assert record.message.startswith("No modules were removed.")


def test_import_module_pass_thru_names_the_module():
    text, result = session(PS51, "Import-Module ActiveDirectory -PassThru | ForEach-Object { "
                                 "$_.Name + ' ' + $_.ModuleType }")
    assert text[-1] == "ActiveDirectory Manifest"


@pytest.mark.parametrize("text, fqid, words", [
    ("Add-Type -AssemblyName Contoso.Private", "ASSEMBLY_NOT_FOUND,Microsoft.PowerShell.Commands.AddTypeCommand",
     "The assembly 'Contoso.Private' could not be found"),
    ("Add-Type -Name T -MemberDefinition 'public static int X() { return 1; }'",
     "NotSupported,Microsoft.PowerShell.Commands.AddTypeCommand", "member definition"),
    ("Add-Type -Path C:\\x.cs", "NotSupported,Microsoft.PowerShell.Commands.AddTypeCommand",
     "source files or assemblies"),
])
def test_add_type_errors(text, fqid, words):
    for version in (PS20, PS51):
        _, result = session(version, text)
        assert result.errors[0].fqid() == fqid
        assert words in result.errors[0].message


def test_add_type_framework_assemblies_load_quietly():
    text, result = session(PS20, "Add-Type -AssemblyName System.Windows.Forms, "
                                 "'System.Drawing, Version=2.0.0.0'; 'loaded'")
    assert result.errors == [] and text == ["loaded"]
