"""The drive holds against someone who plants links, FIFOs and hard links in its
folder, or swaps a folder for a link while commands run (issue 14).

Every test runs twice: with ``openat2`` (where the kernel has it) and with the
component-by-component O_NOFOLLOW walk that replaces it elsewhere.  What is checked is
what an attacker wants: a file outside the root written or created, outside data in the
output, a host path in an error, a command that never returns.
"""
import os
import threading

import pytest

from exshell import drive as drive_module
from exshell.testing import make_shell

SECRET = "TOP-SECRET-OUTSIDE"


@pytest.fixture(params=["openat2", "walk"])
def mode(request, monkeypatch):
    if request.param == "openat2":
        if not drive_module.openat2_available():
            pytest.skip("this kernel has no openat2")
    else:
        monkeypatch.setattr(drive_module, "_OPENAT2", False)
    return request.param


@pytest.fixture
def sh(mode, tmp_path):
    shell, host = make_shell()
    shell.drive_root = str(tmp_path / "root")
    shell.drive.ensure()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET)
    yield shell, host, outside
    assert shell.internal_errors == []


def run(sh, text):
    shell, host, _ = sh
    host.clear()
    result = shell.run(text)
    return result, host.text


def c(shell, *parts):
    return os.path.join(shell.drive_root, "C", *parts)


def snapshot(folder):
    """Every file under ``folder`` with its bytes (to prove nothing changed)."""
    out = {}
    for base, dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            with open(path, "rb") as fh:
                out[os.path.relpath(path, folder)] = fh.read()
        for name in dirs:
            out[os.path.relpath(os.path.join(base, name), folder) + "/"] = b""
    return out


def assert_no_leak(sh, text):
    shell, _, outside = sh
    assert SECRET not in text
    assert str(outside) not in text and shell.drive_root not in text
    assert "Traceback" not in text and "internal error" not in text


# ---------------------------------------------------------------- symbolic links

def test_symlink_at_the_target_of_copy_and_write(sh):
    shell, _, outside = sh
    before = snapshot(outside)
    run(sh, "Set-Content C:\\a.txt -Value mine; mkdir C:\\dst | Out-Null")
    os.symlink(str(outside / "secret.txt"), c(shell, "dst", "a.txt"))
    os.symlink(str(outside / "secret.txt"), c(shell, "b.txt"))
    for command in ("Copy-Item C:\\a.txt C:\\dst", "Copy-Item C:\\a.txt C:\\dst\\a.txt",
                    "Set-Content C:\\b.txt -Value x", "Add-Content C:\\b.txt -Value x",
                    "'x' | Out-File C:\\b.txt", "1 | Export-Csv C:\\b.txt",
                    "[System.IO.File]::WriteAllText('C:\\b.txt', 'x')",
                    "Get-Content C:\\b.txt", "Import-Csv C:\\b.txt",
                    "[System.IO.File]::ReadAllText('C:\\b.txt')", "Copy-Item C:\\b.txt C:\\c.txt"):
        r, text = run(sh, command)
        assert not r.success, command
        assert_no_leak(sh, text)
    assert snapshot(outside) == before
    assert not os.path.exists(c(shell, "c.txt"))
    r, text = run(sh, "Test-Path C:\\b.txt; (Get-ChildItem C:\\dst | Measure-Object).Count")
    assert text.split() == ["False", "0"]


def test_symlink_at_a_parent_folder(sh):
    shell, _, outside = sh
    before = snapshot(outside)
    os.symlink(str(outside), c(shell, "out"))
    for command in ("Set-Content C:\\out\\new.txt -Value x", "Get-Content C:\\out\\secret.txt",
                    "New-Item -ItemType Directory C:\\out\\d", "Remove-Item C:\\out\\secret.txt",
                    "Remove-Item C:\\out -Recurse -Confirm:$false",
                    "Copy-Item C:\\Windows C:\\out -Recurse", "Get-ChildItem C:\\out",
                    "cd C:\\out", "[System.IO.File]::WriteAllBytes('C:\\out\\x.bin', [byte[]](1,2))",
                    "& C:\\out\\secret.txt", "1 | Export-Csv C:\\out\\x.csv",
                    "New-Item C:\\out\\sub\\f.txt -Force"):
        r, text = run(sh, command)
        assert not r.success, command
        assert_no_leak(sh, text)
    assert snapshot(outside) == before
    assert shell.location == "C:\\Windows\\system32"


def test_links_inside_a_recursive_copy_are_not_followed(sh):
    shell, _, outside = sh
    before = snapshot(outside)
    run(sh, "mkdir C:\\src\\sub | Out-Null; Set-Content C:\\src\\sub\\f.txt -Value mine")
    os.symlink(str(outside), c(shell, "src", "sub", "linkdir"))
    os.symlink(str(outside / "secret.txt"), c(shell, "src", "linkfile.txt"))
    r, text = run(sh, "Copy-Item C:\\src C:\\copy -Recurse")
    assert r.success, text
    assert sorted(os.listdir(c(shell, "copy", "sub"))) == ["f.txt"]
    assert os.listdir(c(shell, "copy")) == ["sub"]
    # The destination side: a planted link where the copy wants to create a folder.
    run(sh, "mkdir C:\\dst2 | Out-Null")
    os.symlink(str(outside), c(shell, "dst2", "sub"))
    r, text = run(sh, "Copy-Item C:\\src\\sub C:\\dst2 -Recurse")
    assert not r.success
    assert_no_leak(sh, text)
    os.symlink(str(outside), c(shell, "dst3"))
    r, text = run(sh, "Copy-Item C:\\src\\sub C:\\dst3 -Recurse")
    assert not r.success
    assert_no_leak(sh, text)
    assert snapshot(outside) == before


def test_remove_recurse_removes_links_never_their_targets(sh):
    shell, _, outside = sh
    before = snapshot(outside)
    run(sh, "mkdir C:\\gone\\deep | Out-Null")
    os.symlink(str(outside), c(shell, "gone", "deep", "l"))
    os.symlink(str(outside / "secret.txt"), c(shell, "gone", "f"))
    r, text = run(sh, "Remove-Item C:\\gone -Recurse")
    assert r.success, text
    assert not os.path.lexists(c(shell, "gone"))
    assert snapshot(outside) == before


def test_script_files_behind_links_do_not_run(sh):
    shell, _, outside = sh
    (outside / "evil.ps1").write_text("'RAN-OUTSIDE'")
    os.symlink(str(outside / "evil.ps1"), c(shell, "evil.ps1"))
    os.link(str(outside / "evil.ps1"), c(shell, "hard.ps1"))
    for command in ("& C:\\evil.ps1", ". C:\\evil.ps1", "C:\\hard.ps1"):
        r, text = run(sh, command)
        assert "RAN-OUTSIDE" not in text and not r.success
        assert_no_leak(sh, text)


#: Every other command that names a file (certificates, requests, CliXML, transcripts,
#: modules, .NET types): a link planted at the file (l.txt) or at its folder (out) is
#: refused like the file-system cmdlets refuse it.  {f} is the file, {d} a folder.
FILE_COMMANDS = [
    ("2016", "1 | Export-Clixml {f}"),
    ("2016", "Import-Clixml {f}"),
    ("2016", "1 | ConvertTo-Json | Set-Content {f}"),
    ("2016", "'x' | Out-File {f} -Append"),
    ("2016", "Start-Transcript {f}"),
    ("2016", "New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 {f}"),
    ("2016", "Import-Module {f}"),
    ("2016", "Get-ChildItem {f}"),
    ("2016", "Set-Location {d}"),
    ("2016", "Move-Item C:\\mine.txt {f}"),
    ("2016", "Rename-Item {f} other.txt"),
    ("2013", "Get-ExchangeCertificate | Select-Object -First 1 | Export-ExchangeCertificate "
             "-FileName {f} -Password (ConvertTo-SecureString a -AsPlainText -Force)"),
    ("2013", "Import-ExchangeCertificate -FileName {f}"),
    ("2013", "New-ExchangeCertificate -GenerateRequest -SubjectName cn=x -RequestFile {f}"),
    ("2007", "New-ExchangeCertificate -GenerateRequest -SubjectName cn=x -Path {f}"),
    ("2007", "Import-ExchangeCertificate -Path {f}"),
]


@pytest.mark.parametrize("where", ["target", "parent"])
@pytest.mark.parametrize("version, command", FILE_COMMANDS)
def test_every_file_command_refuses_planted_links(mode, tmp_path, version, command, where):
    shell, host = make_shell(version)
    shell.drive_root = str(tmp_path / "root")
    shell.drive.ensure()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET)
    (outside / "m.psm1").write_text("function Get-Pwned { 'RAN-OUTSIDE' }")
    os.symlink(str(outside / "secret.txt"), c(shell, "l.txt"))
    os.symlink(str(outside), c(shell, "out"))
    shell.run("Set-Content C:\\mine.txt -Value mine")
    before = snapshot(outside)
    target = "C:\\l.txt" if where == "target" else "C:\\out\\secret.txt"
    if "Import-Module" in command and where == "parent":
        target = "C:\\out\\m.psm1"
    host.clear()
    result = shell.run(command.format(f=target, d="C:\\out"))
    text = host.text
    assert not result.success, text
    assert SECRET not in text and "RAN-OUTSIDE" not in text
    assert str(outside) not in text and shell.drive_root not in text
    assert "Traceback" not in text and "internal error" not in text
    assert snapshot(outside) == before
    assert os.path.islink(c(shell, "l.txt")) and os.path.islink(c(shell, "out"))
    assert shell.internal_errors == []
    shell.run("Get-Pwned")
    assert "RAN-OUTSIDE" not in host.text


# ---------------------------------------------------------------- hard links

def test_hard_links_are_never_written_through_nor_read(sh):
    shell, _, outside = sh
    target = outside / "secret.txt"
    os.link(str(target), c(shell, "h.txt"))
    for command in ("Get-Content C:\\h.txt", "Import-Csv C:\\h.txt",
                    "[System.IO.File]::ReadAllBytes('C:\\h.txt')", "Copy-Item C:\\h.txt C:\\h2.txt",
                    "Add-Content C:\\h.txt -Value more",
                    "[System.IO.File]::AppendAllText('C:\\h.txt', 'more')"):
        r, text = run(sh, command)
        assert not r.success, command
        assert "Access to the path 'C:\\h.txt' is denied." in text
        assert_no_leak(sh, text)
    assert target.read_text() == SECRET
    # Writing replaces the name in the drive: the outside file keeps its data.
    for command in ("Set-Content C:\\h.txt -Value mine", "'mine' | Out-File C:\\h.txt",
                    "[System.IO.File]::WriteAllBytes('C:\\h.txt', [byte[]](65))",
                    "1 | Export-Csv C:\\h.txt", "1 | Tee-Object -FilePath C:\\h.txt"):
        os.unlink(c(shell, "h.txt"))
        os.link(str(target), c(shell, "h.txt"))
        r, text = run(sh, command)
        assert r.success, (command, text)
        assert target.read_text() == SECRET, command
        assert os.stat(c(shell, "h.txt")).st_nlink == 1
    assert os.stat(str(target)).st_nlink == 1


# ---------------------------------------------------------------- FIFOs, sockets

def _returns(sh, command):
    """Run ``command`` in a thread; the run must come back (a FIFO opened for
    reading or writing would block it forever)."""
    box = {}
    worker = threading.Thread(target=lambda: box.update(r=run(sh, command)), daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "%s blocked" % command
    return box["r"]


@pytest.mark.parametrize("command", [
    "Import-Csv C:\\f", "1 | Export-Csv C:\\f", "'x' | Out-File C:\\f", "Set-Content C:\\f x",
    "Add-Content C:\\f x", "Get-Content C:\\f", "[System.IO.File]::ReadAllText('C:\\f')",
    "[System.IO.File]::WriteAllText('C:\\f', 'x')", "Copy-Item C:\\f C:\\g", "& C:\\f",
    "1 | Tee-Object C:\\f", "certreq -accept C:\\f",
])
def test_fifos_are_refused_without_blocking(sh, command):
    shell, _, _ = sh
    os.mkfifo(c(shell, "f"))
    r, text = _returns(sh, command)
    assert not r.success or command.startswith("certreq")   # a native tool: its own message
    assert_no_leak(sh, text)
    assert "FileStream was asked to open a device that was not a file." in text or \
        command.startswith(("&", "certreq"))
    assert not os.path.exists(c(shell, "g"))


def test_sockets_are_refused_and_hidden(sh):
    import socket
    shell, _, _ = sh
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(c(shell, "sock"))
        r, text = _returns(sh, "Get-Content C:\\sock")
        assert not r.success and "device that was not a file" in text
        r, text = run(sh, "Get-ChildItem C:\\ -Name")
        assert "sock" not in text.split()
    finally:
        s.close()


# ---------------------------------------------------------------- names

PLANTED_NAMES = [b"\x1b]0;pwned\x07.txt", b"\x1b]52;c;cHduZWQ=\x07", b"a\nb.txt", b"\xff\xfe.txt",
                 b"back\\slash.txt", b"q?.txt", b"star*.txt", b"a:b.txt", b'quote".txt', b"pipe|.txt",
                 b"lt<gt>.txt", b"trail. ", b"dot."]


def test_names_windows_cannot_have_are_never_listed_nor_copied(sh):
    """Someone with access to the drive folder plants names no Windows file can have
    (issue 14): a terminal escape sequence (OSC 52 writes the clipboard) that a
    listing printed raw, a newline, a backslash, bytes that are not UTF-8.  They are
    hidden as links are: not listed, not matched by wildcards, not copied."""
    shell, _, _ = sh
    os.mkdir(c(shell, "d"))
    for name in PLANTED_NAMES:
        with open(os.path.join(os.fsencode(c(shell, "d")), name), "wb") as fh:
            fh.write(b"planted")
    with open(c(shell, "d", "fine.txt"), "w") as fh:
        fh.write("fine")
    for command in ("Get-ChildItem C:\\d -Name", "Get-ChildItem C:\\d\\* | % { $_.FullName }",
                    "Get-ChildItem C:\\d -Recurse | % { $_.Name }",
                    "Copy-Item C:\\d C:\\e -Recurse; Get-ChildItem C:\\e -Name"):
        r, text = run(sh, command)
        assert "\x1b" not in text and "\x07" not in text and "\udcff" not in text, command
        assert [line for line in text.split("\n") if line.strip()] == \
            (["C:\\d\\fine.txt"] if "FullName" in command else ["fine.txt"]), (command, text)
    assert sorted(os.listdir(c(shell, "e"))) == ["fine.txt"]
    r, text = run(sh, "Remove-Item C:\\d -Recurse; Test-Path C:\\d")
    assert r.success and text.strip() == "False"

@pytest.mark.parametrize("path", [
    "\\\\..\\E\\x.txt", "\\\\.\\E\\x.txt", "\\\\...\\E\\x.txt", "\\\\srv\\..\\x.txt",
    "\\\\CON\\share\\x.txt", "\\\\srv\\NUL\\x.txt", "\\\\srv\\lpt1.txt\\x.txt", "\\\\ \\E\\x",
])
def test_bad_server_and_share_names(sh, path):
    shell, _, _ = sh
    r, text = run(sh, "Set-Content '%s' -Value x" % path)
    assert not r.success and "because it does not exist" in text
    r, text = run(sh, "Test-Path '%s'" % path)
    assert text.strip() == "False"
    assert sorted(os.listdir(shell.drive_root)) == ["C"]


@pytest.mark.parametrize("command, message, fqid", [
    ('Set-Content ":\\x" a', "The given path's format is not supported.",
     "System.NotSupportedException,Microsoft.PowerShell.Commands.SetContentCommand"),
    ("New-Item -ItemType Directory :", "The given path's format is not supported.",
     "System.NotSupportedException,Microsoft.PowerShell.Commands.NewItemCommand"),
    ('Get-Content "C:\\a:b"', "The given path's format is not supported.",
     "System.NotSupportedException,Microsoft.PowerShell.Commands.GetContentCommand"),
    ("[System.IO.File]::ReadAllText(':x')",
     'Exception calling "ReadAllText" with "1" argument(s): "The given path\'s format is not supported."',
     "NotSupportedException"),
    ("Get-Content foo:\\x", "Cannot find drive. A drive with the name 'foo' does not exist.",
     "DriveNotFound,Microsoft.PowerShell.Commands.GetContentCommand"),
    ("Set-Content ('C:\\' + 'x' * 300) a", "The specified path, file name, or both are too long.",
     "PathTooLongException,Microsoft.PowerShell.Commands.SetContentCommand"),
])
def test_odd_paths_give_powershell_errors(sh, command, message, fqid):
    r, text = run(sh, command)
    assert not r.success
    assert message in text and fqid in text
    assert_no_leak(sh, text)


# ---------------------------------------------------------------- the race

#: The attacker: swaps C:\\race between a real folder and a link to the outside folder,
#: as fast as it can.  Run as a background thread (os.rename releases the GIL, so it
#: swaps thousands of times while the shell works) and as another process.
SWAPPER = """
import os, sys
def swap(real, parked, outside, stop=lambda: False):
    link = parked + ".link"
    try:
        os.symlink(outside, link)
    except OSError:
        pass
    turns = 0
    while not stop():
        try:
            os.rename(real, parked)          # the folder steps aside ...
            os.rename(link, real)            # ... a link to the outside takes its name ...
            os.rename(real, link)
            os.rename(parked, real)          # ... and the folder comes back
            turns += 1
        except OSError:
            pass
    return turns
if __name__ == "__main__":
    swap(*sys.argv[1:4])
"""

RACE_COMMANDS = [
    "Set-Content C:\\race\\w$n.txt -Value x -ErrorAction SilentlyContinue",
    "Set-Content C:\\race\\secret.txt -Value inside -ErrorAction SilentlyContinue",
    "Add-Content C:\\race\\secret.txt -Value more -ErrorAction SilentlyContinue",
    "Get-Content C:\\race\\secret.txt -ErrorAction SilentlyContinue",
    "[System.IO.File]::ReadAllText('C:\\race\\secret.txt')",
    "Copy-Item C:\\race\\secret.txt C:\\race\\copy$n.txt -ErrorAction SilentlyContinue",
    "Remove-Item C:\\race\\copy$n.txt -ErrorAction SilentlyContinue",
    "Get-ChildItem C:\\race -Name -ErrorAction SilentlyContinue",
]
RACE_RUNS = 300


@pytest.mark.parametrize("attacker", ["thread", "process"])
def test_folder_link_swap_race(sh, attacker):
    """300 runs of file commands while a background thread (or another process) swaps
    the folder they work in for a link to the outside (the check-then-open race of
    issue 14): nothing outside is read, written, created or removed, no host path is
    shown.  The attack must have hit: some commands found the link and failed."""
    import subprocess
    import sys
    shell, host, outside = sh
    before = snapshot(outside)
    run(sh, "mkdir C:\\race | Out-Null; Set-Content C:\\race\\secret.txt -Value inside")
    args = (c(shell, "race"), c(shell, "race.parked"), str(outside))
    stop = threading.Event()
    turns = []
    if attacker == "thread":
        space = {"__name__": "swapper"}
        exec(SWAPPER, space)
        worker = threading.Thread(target=lambda: turns.append(space["swap"](*args, stop=stop.is_set)),
                                  daemon=True)
        worker.start()
    else:
        worker = subprocess.Popen([sys.executable, "-c", SWAPPER, *args])
    script = "$n = 1; " + "; ".join(RACE_COMMANDS)
    runs = hit = 0
    try:
        for _ in range(RACE_RUNS):
            r, text = run(sh, script)
            runs += 1
            hit += not r.success or bool(r.errors)
            assert_no_leak(sh, text)
    finally:
        if attacker == "thread":
            stop.set()
            worker.join(30)
        else:
            worker.kill()
            worker.wait(30)
    assert runs == RACE_RUNS
    assert hit > 0, "the swapper never got between a check and an open"
    if attacker == "thread":
        assert turns and turns[0] > 0
    assert snapshot(outside) == before
    assert shell.internal_errors == []
