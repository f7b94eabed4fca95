"""Redirection operators (about_Redirection) and how error records look as output,
on 2.0 (Exchange 2010) and 5.1 (Exchange 2016): what the user sees on the console and
what lands in the file on the emulated drive."""
import pytest

from exshell.testing import make_shell

BOTH = ("2010", "2016")


def run(text, version):
    shell, host = make_shell(version)
    shell.run(text)
    assert shell.internal_errors == []
    return [line.rstrip() for line in host.text.splitlines() if line.strip()], shell


@pytest.mark.parametrize("version", BOTH)
def test_errors_to_null_still_reach_error(version):
    lines, shell = run(r'Get-Item C:\nope 2>$null; "after"; $Error.Count; $?', version)
    assert lines == ["after", "1", "True"]


@pytest.mark.parametrize("version", BOTH)
def test_merge_errors_into_output(version):
    lines, shell = run(r'$r = Get-Item C:\nope 2>&1; "n=$(@($r).Count)"; $r.GetType().Name; "$r"', version)
    assert lines == ["n=1", "ErrorRecord", "Cannot find path 'C:\\nope' because it does not exist."]


@pytest.mark.parametrize("version", BOTH)
def test_error_record_as_output_shows_the_error_view(version):
    lines, _ = run(r'Get-Item C:\nope -ErrorAction SilentlyContinue; $Error[0]', version)
    assert lines[0] == "Get-Item : Cannot find path 'C:\\nope' because it does not exist."
    assert any("CategoryInfo          : ObjectNotFound" in line for line in lines)
    assert not any(line.startswith("Exception ") for line in lines)


@pytest.mark.parametrize("version", BOTH)
def test_output_to_file_and_append(version):
    lines, shell = run(r'"one", "two" > C:\out.txt; "three" >> C:\out.txt; Get-Content C:\out.txt; '
                       r'1..3 | ForEach-Object { $_ * 2 } > C:\n.txt | Out-Host; Get-Content C:\n.txt', version)
    assert lines == ["one", "two", "three", "2", "4", "6"]
    data = open(shell.drive.resolve("C:\\out.txt", "C:\\").real, "rb").read()
    assert data.startswith(b"\xff\xfe")           # Out-File's Unicode, as a redirection writes it
    assert data.decode("utf-16") == "\ufeffone\r\ntwo\r\nthree\r\n".lstrip("\ufeff")


@pytest.mark.parametrize("version", BOTH)
def test_errors_to_file(version):
    lines, _ = run(r'Get-Item C:\nope 2> C:\err.txt; "--"; Get-Content C:\err.txt', version)
    assert lines[0] == "--"
    assert lines[1] == "Get-Item : Cannot find path 'C:\\nope' because it does not exist."


@pytest.mark.parametrize("version", BOTH)
def test_output_to_null_and_a_later_commands_errors_are_not_redirected(version):
    lines, shell = run(r'"x" > $null; "a", "C:\nope" | Get-Item 2>$null | Out-Null; '
                       r'"b" | ForEach-Object { Get-Item C:\nope2 } 2>$null; $Error.Count', version)
    assert lines == ["3"]        # "a" and C:\nope from Get-Item, C:\nope2 from ForEach-Object
    assert not any("nope" in line for line in lines)


@pytest.mark.parametrize("version", BOTH)
def test_redirection_to_a_missing_folder_is_out_files_error(version):
    lines, shell = run(r'"x" > C:\no\such\a.txt', version)
    assert lines[0].startswith("out-file : Could not find a part of the path")


def test_warnings_and_everything():
    lines, _ = run(r'Write-Warning hidden 3>$null; Write-Warning shown; '
                   r'& { "out"; Write-Error "e1"; Write-Warning w } *> C:\all.txt; '
                   r'(Get-Content C:\all.txt)[0]; (Get-Content C:\all.txt)[-1]; '
                   r'& { "o"; Write-Error "e2" } *> $null; "end"', "2016")
    assert lines == ["WARNING: shown", "out", "w", "end"]


def test_select_first_with_redirection():
    lines, _ = run(r'1..10 | Select-Object -First 2 > C:\s.txt; Get-Content C:\s.txt', "2016")
    assert lines == ["1", "2"]


@pytest.mark.parametrize("version", BOTH)
def test_error_action_by_number(version):
    lines, shell = run(r'Get-Item C:\nope -ea 0; "a"; try { Get-Item C:\nope -ErrorAction 1 } '
                       r'catch { "caught" }; Get-Item C:\nope -WarningAction 0 -ea "0"', version)
    assert lines == ["a", "caught"]
