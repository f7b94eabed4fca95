"""File-system cmdlets and [System.IO.File] on the emulated drive, through Shell.run."""
import os

import pytest

from exshell.testing import make_shell


@pytest.fixture
def sh():
    shell, host = make_shell()
    yield shell, host
    assert shell.internal_errors == []


def run(sh, text):
    shell, host = sh
    host.clear()
    result = shell.run(text)
    return result, host.text


def real(shell, *parts):
    return os.path.join(shell.drive_root, "C", *parts)


def test_bytes_round_trip_set_content_get_content(sh):
    shell, _ = sh
    r, _ = run(sh, "Set-Content -Path C:\\b.bin -Value (0,1,2,255) -Encoding Byte")
    assert r.success
    with open(real(shell, "b.bin"), "rb") as fh:
        assert fh.read() == b"\x00\x01\x02\xff"
    r, text = run(sh, "$b = Get-Content C:\\B.BIN -Encoding Byte -ReadCount 0; $b.GetType().FullName; $b.Length")
    assert text.split() == ["System.Byte[]", "4"]
    r, text = run(sh, "(Get-Content C:\\b.bin -Encoding Byte | Measure-Object).Count")
    assert text.strip() == "4"


def test_text_lines_and_location(sh):
    shell, _ = sh
    run(sh, "New-Item -ItemType Directory C:\\certreq | Out-Null")
    r, _ = run(sh, "cd C:\\CERTREQ")
    assert r.success and shell.location == "C:\\certreq"
    assert shell.prompt() == "[PS] C:\\certreq>"
    run(sh, "Set-Content notes.txt -Value one,two")
    with open(real(shell, "certreq", "notes.txt"), "rb") as fh:
        assert fh.read() == b"one\r\ntwo\r\n"
    r, text = run(sh, "Get-Content .\\notes.txt")
    assert text.split("\n")[:2] == ["one", "two"]
    r, text = run(sh, "Test-Path notes.txt; Test-Path C:\\certreq -PathType Leaf; Test-Path Q:\\x")
    assert text.split() == ["True", "False", "False"]


@pytest.mark.parametrize("command, fragment, fqid", [
    ("Get-Content C:\\nope.txt", "Cannot find path 'C:\\nope.txt' because it does not exist.",
     "PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand"),
    ("cd Q:\\", "Cannot find drive. A drive with the name 'Q' does not exist.",
     "DriveNotFound,Microsoft.PowerShell.Commands.SetLocationCommand"),
    ("Set-Content C:\\no\\such\\f.txt -Value x", "Could not find a part of the path",
     "Microsoft.PowerShell.Commands.SetContentCommand"),
    ("Remove-Item C:\\nope.txt", "Cannot find path 'C:\\nope.txt' because it does not exist.",
     "PathNotFound,Microsoft.PowerShell.Commands.RemoveItemCommand"),
    ("[System.IO.File]::ReadAllBytes('C:\\nope.bin')",
     "Exception calling \"ReadAllBytes\" with \"1\" argument(s): \"Could not find file 'C:\\nope.bin'.\"",
     "FileNotFoundException"),
])
def test_errors_are_powershell_errors(sh, command, fragment, fqid):
    r, text = run(sh, command)
    assert not r.success
    assert fragment in text
    assert fqid in text
    assert "Traceback" not in text


def test_dotnet_relative_paths_ignore_set_location(sh):
    shell, _ = sh
    run(sh, "cd C:\\Users")
    run(sh, "[System.IO.File]::WriteAllText('x.txt', 'hi')")
    assert os.path.exists(real(shell, "Windows", "system32", "x.txt"))
    r, text = run(sh, "[System.IO.File]::Exists('C:\\Windows\\System32\\X.TXT'); [System.IO.File]::ReadAllText('C:\\Windows\\system32\\x.txt')")
    assert text.split() == ["True", "hi"]


def test_copy_remove_and_listing(sh):
    shell, _ = sh
    run(sh, "Set-Content C:\\a.txt -Value x")
    r, _ = run(sh, "Copy-Item C:\\a.txt C:\\Users")
    assert os.path.exists(real(shell, "Users", "a.txt"))
    r, text = run(sh, "Get-ChildItem C:\\ -Name")
    assert text.split("\n")[:5] == ["Program Files", "Users", "Windows", "a.txt", ""][:5]
    run(sh, "Remove-Item C:\\a.txt")
    assert not os.path.exists(real(shell, "a.txt"))


def test_nothing_escapes_the_root(sh, tmp_path):
    shell, _ = sh
    run(sh, "Set-Content ..\\..\\..\\..\\..\\..\\escape.txt -Value x")
    run(sh, "[System.IO.File]::WriteAllText('/tmp/escape2.txt', 'x')")
    assert os.path.exists(real(shell, "escape.txt"))
    assert os.path.exists(real(shell, "tmp", "escape2.txt")) is False  # no C:\tmp folder: refused
    r, text = run(sh, "Test-Path C:\\tmp")
    assert text.strip() == "False"


def test_get_psdrive_shows_the_real_folder(sh):
    shell, _ = sh
    r, text = run(sh, "(Get-PSDrive C).Description")
    assert text.strip() == os.path.join(shell.drive_root, "C")


@pytest.mark.parametrize("command, fragment", [
    ('Get-Content "C:\\a|b.txt"', "Illegal characters in path."),
    ("[System.IO.File]::ReadAllBytes('C:\\a<b')", "Illegal characters in path."),
])
def test_illegal_paths(sh, command, fragment):
    r, text = run(sh, command)
    assert not r.success and fragment in text


def test_test_path_wildcards_and_pwd(sh):
    run(sh, "New-Item -ItemType Directory C:\\certreq | Out-Null; Set-Content C:\\certreq\\a.cer -Value x")
    r, text = run(sh, "Test-Path C:\\certreq\\*.cer; Test-Path C:\\certreq\\*.pfx; Test-Path C:\\*req -PathType Container")
    assert text.split() == ["True", "False", "True"]
    r, text = run(sh, "cd C:\\certreq; (pwd).Path")
    assert text.strip() == "C:\\certreq"


def test_remove_item_refuses_the_drive_root(sh):
    shell, _ = sh
    r, text = run(sh, "Remove-Item C:\\ -Recurse -Confirm:$false")
    assert not r.success and "Access to the path 'C:\\' is denied." in text
    assert os.path.isdir(real(shell, "Windows", "system32"))


@pytest.mark.parametrize("command, fragment", [
    ("Copy-Item C:\\Users C:\\Users\\Administrator -Recurse", "Cannot copy a folder into itself"),
    ("Copy-Item C:\\Users\\a.txt C:\\USERS\\A.TXT", "Cannot overwrite the item C:\\Users\\a.txt with itself."),
])
def test_copy_refuses_itself_and_leaks_no_host_path(sh, command, fragment):
    shell, _ = sh
    run(sh, "Set-Content C:\\Users\\a.txt -Value x")
    r, text = run(sh, command)
    assert not r.success and fragment in text
    assert shell.drive_root not in text
    assert not os.path.exists(real(shell, "Users", "Administrator", "Users"))


def test_unc_location_is_provider_qualified(sh):
    shell, _ = sh
    run(sh, "[System.IO.File]::WriteAllText('\\\\fs01\\share\\x.txt', 'hi')")
    r, _ = run(sh, "cd \\\\FS01\\share")
    assert r.success
    assert shell.prompt() == "[PS] Microsoft.PowerShell.Core\\FileSystem::\\\\fs01\\share>"
    r, text = run(sh, "Get-Content x.txt; cd C:\\; cd")
    assert text.strip() == "hi" and shell.location == "C:\\"


def test_wildcards_in_content_copy_and_remove(sh):
    shell, _ = sh
    run(sh, "mkdir C:\\w | Out-Null; Set-Content C:\\w\\a.cer -Value A; Set-Content C:\\w\\b.cer -Value B; Set-Content C:\\w\\c.req -Value C")
    r, text = run(sh, "Get-Content C:\\w\\*.cer")
    assert text.split() == ["A", "B"]
    run(sh, "mkdir C:\\copy | Out-Null; Copy-Item C:\\w\\*.cer C:\\copy")
    assert sorted(os.listdir(real(shell, "copy"))) == ["a.cer", "b.cer"]
    r, _ = run(sh, "Remove-Item C:\\w\\*.cer")
    assert r.success and os.listdir(real(shell, "w")) == ["c.req"]
    r, text = run(sh, "Remove-Item C:\\w\\*.pfx")
    assert r.success and text == ""


def test_get_item_files_folders_wildcards_and_errors(sh):
    shell, _ = sh
    run(sh, "New-Item -ItemType Directory C:\\certreq | Out-Null; Set-Content C:\\certreq\\a.req x; "
            "Set-Content C:\\certreq\\b.cer y")
    out = []
    shell.run("Get-Item C:\\CERTREQ\\a.req; Get-Item C:\\certreq; Get-Item C:\\certreq\\*.cer",
              out=out.append)
    assert [(o.Name, o.PSIsContainer, o.FullName) for o in out] == [
        ("a.req", False, "C:\\certreq\\a.req"), ("certreq", True, "C:\\certreq"),
        ("b.cer", False, "C:\\certreq\\b.cer")]
    r, text = run(sh, "Get-Item C:\\certreq\\nope.txt")
    assert r.errors[0].FullyQualifiedErrorId == \
        "PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand"
    assert "Cannot find path 'C:\\certreq\\nope.txt' because it does not exist." in text
