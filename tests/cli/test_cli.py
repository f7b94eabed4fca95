"""The command line as a user runs it: a real process, real stdin/stdout, exit codes."""
import os
import subprocess
import sys

import pytest

ENV = dict(os.environ, EXSHELL_CLOCK="2026-11-28T10:00:00", EXSHELL_DETERMINISTIC="1",
           COLUMNS="120", NO_COLOR="1")
OLD = "26AB4ED1EFF22AB001479E854A8DE78434C6364E"
NEW = "2F758E607C59A7556B14126950AC417891A39479"


def run(*args, stdin=None, cwd=None):
    proc = subprocess.run([sys.executable, "-m", "exshell", *args], input=stdin, text=True,
                          capture_output=True, env=ENV, cwd=cwd, timeout=120)
    return proc


def test_command_lists_the_setup_certificate():
    p = run("-Command", "Get-ExchangeCertificate")
    assert p.returncode == 0, p.stderr
    assert "%s  IP.WS.     CN=EX01" % OLD in p.stdout
    assert p.stderr == ""


@pytest.mark.parametrize("option", ["-c", "-Command", "-command", "-COMM", "–Command"])
def test_command_option_spellings(option):
    p = run(option, "Get-ExchangeCertificate", "|", "ft", "Thumbprint")
    assert p.returncode == 0, p.stderr
    assert OLD in p.stdout


@pytest.mark.parametrize("text, fragment", [
    ("Get-Foo", "The term 'Get-Foo' is not recognized"),
    ("Get-ExchangeCertificate -Bar 1", "A parameter cannot be found that matches parameter name 'Bar'."),
    ("Get-ExchangeCertificate -Thumbprint NOTATHUMBPRINT", "was not found."),
    ('Get-Foo -Bar "unterminated', "is missing the terminator"),
    ("Enable-ExchangeCertificate %s -Services Web" % OLD, "due to invalid enumeration values"),
    ("$x = (1", "Missing closing ')'"),
])
def test_errors_exit_1_without_traceback(text, fragment):
    p = run("-NonInteractive", "-Command", text)
    assert p.returncode == 1
    assert "Traceback" not in p.stdout + p.stderr
    assert fragment in p.stderr


def test_bad_option_is_a_usage_error():
    p = run("-Frobnicate")
    assert p.returncode == 2
    assert "unknown option '-Frobnicate'" in p.stderr
    assert "Usage: exshell" in p.stderr


def test_ambiguous_option():
    p = run("-No", "x")
    assert p.returncode == 2
    assert "ambiguous" in p.stderr


def test_noninteractive_prompt_fails_and_changes_nothing():
    p = run("-NonInteractive", "-Command",
            "Remove-ExchangeCertificate %s; Get-ExchangeCertificate | ft Thumbprint" % OLD)
    assert p.returncode == 1
    assert "NonInteractive mode" in p.stderr
    assert OLD in p.stdout


SCRIPT = """\
# The article's procedure, as a script: the answers come from standard input.
$old = Get-ExchangeCertificate -DomainName EX01.contoso.com
$old | New-ExchangeCertificate
$new = Get-ExchangeCertificate -Thumbprint %s
Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS
Remove-ExchangeCertificate -Thumbprint $old.Thumbprint
Get-ExchangeCertificate | fl Thumbprint,Services
""" % NEW


@pytest.mark.parametrize("form", ["-File", "bare"])
def test_script_file_fed_answers_on_stdin(tmp_path, form):
    script = tmp_path / "renew.ps1"
    script.write_text(SCRIPT, encoding="utf-8")
    args = ["-File", str(script)] if form == "-File" else [str(script)]
    p = run(*args, stdin="y\ny\n")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Overwrite existing default SMTP certificate," in p.stdout
    assert 'Help (default is "Y"): y' in p.stdout
    tail = p.stdout[p.stdout.rindex("Thumbprint :"):]
    assert tail.split() == ["Thumbprint", ":", NEW, "Services", ":", "IMAP,", "POP,", "IIS,", "SMTP"]


def test_script_answers_run_out_means_no_change(tmp_path):
    script = tmp_path / "remove.ps1"
    script.write_text("Remove-ExchangeCertificate %s\nGet-ExchangeCertificate | ft Thumbprint\n" % OLD)
    p = run("-File", str(script), stdin="")
    assert p.returncode == 1
    assert OLD in p.stdout


def test_exit_code_from_script(tmp_path):
    script = tmp_path / "exit.ps1"
    script.write_text("exit 7\n")
    assert run("-File", str(script)).returncode == 7


def test_missing_script_file():
    p = run("-File", "no-such-script.ps1")
    assert p.returncode == 1
    assert "is not recognized" in p.stderr and "Traceback" not in p.stderr


def test_piped_commands_run_as_a_script():
    p = run(stdin="Get-ExchangeCertificate | ft Thumbprint\n")
    assert p.returncode == 0
    assert OLD in p.stdout


@pytest.mark.parametrize("version", ["2010", "2016"])
def test_piped_commands_run_non_interactive(version):
    # As "powershell -NonInteractive" with commands on stdin: they run; only a prompt
    # fails, with PowerShell's error; exit sets the code.
    p = run("-NonInteractive", "-ExchangeVersion", version,
            stdin='"one"\n$x = 1 + 1\n$x\nRead-Host "q"\n"after"\nexit 3\n')
    assert p.returncode == 3
    assert p.stdout.split() == ["one", "2", "after"]
    assert "NonInteractive mode" in p.stderr and "Traceback" not in p.stderr


def test_help():
    p = run("-Help")
    assert p.returncode == 0 and "Usage: exshell" in p.stdout


def test_check_syntax(tmp_path):
    good = tmp_path / "good.ps1"
    good.write_text("Get-ExchangeCertificate | ? { $_.Status -eq 'Valid' }\n")
    bad = tmp_path / "bad.ps1"
    bad.write_text("$x = 1\n$y = (2 +\nGet-Foo -Bar \"open\n")
    p = run("-CheckSyntax", str(good))
    assert p.returncode == 0 and p.stdout == ""
    p = run("-CheckSyntax", str(good), str(bad))
    assert p.returncode == 1
    assert str(bad) in p.stdout and "char:" in p.stdout and "<<<<" in p.stdout
    assert "Traceback" not in p.stdout + p.stderr
    p = run("-CheckSyntax", str(tmp_path / "missing.ps1"))
    assert p.returncode == 1 and "cannot read" in p.stderr


def test_the_program_leaves_at_once_with_its_output_and_world_kept(tmp_path):
    """``exshell`` ends the process as soon as main() returns (no interpreter
    teardown): everything printed reaches a pipe, the exit code is kept, and what a
    command changed is in the world file for the next shell."""
    world = str(tmp_path / "w.db")
    p = run("-NoLogo", "-State", world, "-Command",
            "1..20000 | ForEach-Object { 'line {0}' -f $_ }; "
            "New-ExchangeCertificate -DomainName kept.contoso.com -Force | Out-Null; exit 3")
    assert p.returncode == 3, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0] == "line 1" and lines[-1] == "line 20000" and len(lines) == 20000
    again = run("-NoLogo", "-State", world, "-Command",
                "(Get-ExchangeCertificate | Where-Object {$_.Subject -eq 'CN=kept.contoso.com'} | "
                "Measure-Object).Count")
    assert again.stdout.strip() == "1", again.stdout + again.stderr


def test_a_reader_that_stops_early_gets_no_python_noise():
    proc = subprocess.run("%s -m exshell -NoLogo -Command '1..200000' | head -n 1" % sys.executable,
                          shell=True, capture_output=True, text=True, env=ENV, timeout=120)
    assert proc.stdout == "1\n"
    assert proc.stderr == "", proc.stderr


def test_a_profiler_still_gets_its_results(tmp_path):
    """Under a profiler (or a coverage tool) the program ends the ordinary way, so the
    tool writes what it measured."""
    out = tmp_path / "run.prof"
    proc = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "exshell",
                           "-NoLogo", "-Command", "'profiled'"], capture_output=True, text=True,
                          env=ENV, timeout=120)
    assert proc.stdout.splitlines()[0] == "profiled", proc.stdout + proc.stderr
    assert out.stat().st_size > 0


@pytest.mark.parametrize("name", ["w.db", "state.json"])
def test_state_in_a_folder_that_does_not_exist(tmp_path, name):
    """``-State`` naming a file in a missing folder (issue 14: was FileNotFoundError):
    one line saying which folder and what to do, exit 1, nothing created."""
    missing = tmp_path / "no" / "such" / name
    p = run("-NoLogo", "-State", str(missing), "-Command", "'ran'")
    assert p.returncode == 1
    assert p.stdout == ""
    assert p.stderr == ("exshell: %s: the folder %s does not exist; create it first, or give "
                        "another -State file\n" % (missing, missing.parent))
    assert not (tmp_path / "no").exists()
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    p = run("-NoLogo", "-State", str(a_file / name), "-Command", "'ran'")
    assert p.returncode == 1 and "Traceback" not in p.stderr
    assert "%s is a file, not a folder" % a_file in p.stderr
    assert a_file.read_text() == "x"


@pytest.mark.parametrize("data", [b"[" * 100000, b"\xff\xfe" + "{}".encode("utf-16-le"),
                                  b"\x00\x01binary" * 100])
def test_state_files_that_are_not_worlds(tmp_path, data):
    path = tmp_path / "state.json"
    path.write_bytes(data)
    p = run("-NoLogo", "-State", str(path), "-Command", "'ran'")
    assert p.returncode == 1 and p.stdout == ""
    assert p.stderr.startswith("exshell: %s: not an exshell world" % path), p.stderr
    assert "Traceback" not in p.stderr and "Error" not in p.stderr
    assert path.read_bytes() == data


_ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


@pytest.mark.parametrize("planted", [
    "CREATE TRIGGER t AFTER INSERT ON journal BEGIN SELECT (%s); END" % _ENDLESS,
    "CREATE TRIGGER t AFTER UPDATE ON counters BEGIN SELECT (%s); END" % _ENDLESS,
    "CREATE VIEW v AS %s" % _ENDLESS,
])
def test_a_world_file_with_planted_triggers_or_views_is_refused(tmp_path, planted):
    """A hostile world file (issue 14): a trigger runs its SQL on every write, here an
    endless recursive query that stalled the first command that saved.  exshell makes
    tables and indexes only, so anything else is a damaged world, refused at once."""
    import sqlite3
    path = tmp_path / "w.db"
    p = run("-NoLogo", "-State", str(path), "-Command", "'made'")
    assert p.returncode == 0 and "made" in p.stdout, p.stderr
    conn = sqlite3.connect(str(path))
    conn.execute(planted)
    conn.commit()
    conn.close()
    before = path.read_bytes()
    p = run("-NoLogo", "-State", str(path), "-Command",
            "New-ExchangeCertificate -SubjectName cn=x -Force | Out-Null; Set-Date (Get-Date).AddDays(1)")
    assert p.returncode == 1 and p.stdout == ""
    assert p.stderr.startswith("exshell: %s: the world database is damaged (it holds triggers or "
                               "views exshell never makes: " % path), p.stderr
    assert path.read_bytes() == before


def test_drive_root_that_is_not_a_folder(tmp_path):
    """-DriveRoot naming a file or a device: one line, exit 2 (was 'dir : File exists',
    the host's own error text, at the first command that touched the drive)."""
    for target in (os.devnull, str(tmp_path / "plain.txt")):
        if target != os.devnull:
            (tmp_path / "plain.txt").write_text("x")
        p = run("-NoLogo", "-Fresh", "-DriveRoot", target, "-Command", "dir C:\\")
        assert p.returncode == 2 and p.stdout == ""
        assert p.stderr == "exshell: %s: -DriveRoot must name a folder (it is a file or a device)\n" % target


@pytest.mark.parametrize("args", [
    ["-NoLogo", "-Organization", "{fifo}", "-Command", "1"],
    ["-NoLogo", "-File", "{fifo}"],
    ["-CheckSyntax", "{fifo}"],
    ["lab", "validate", "{fifo}"],
    ["world", "import", "{fifo}", "-Name", "x"],
])
def test_a_fifo_named_as_a_file_is_refused_without_blocking(tmp_path, args):
    """A FIFO given as an organisation, script, lab or snapshot file (issue 14): opening
    it for reading blocked for ever; now it is refused at once (the run would time out
    otherwise), without a traceback."""
    fifo = tmp_path / "input.toml"
    os.mkfifo(str(fifo))
    env_fresh = dict(ENV, EXSHELL_FRESH="1")
    proc = subprocess.run([sys.executable, "-m", "exshell"] + [a.format(fifo=fifo) for a in args],
                          input="", text=True, capture_output=True, env=env_fresh, timeout=60)
    assert proc.returncode != 0
    said = proc.stdout + proc.stderr
    assert "Traceback" not in said
    assert "not a regular file" in said or "is not recognized" in said


def test_a_bad_organisation_file_leaves_no_world_file(tmp_path):
    """A failed start changes nothing (issue 14): an organisation file that cannot be
    built left an empty world database behind, named after it."""
    org = tmp_path / "bad.toml"
    org.write_text('version = "2010"\n[[certificates]]\ndomains = ["a.contoso.com"]\ndays_left = nan\n')
    state = tmp_path / "w.db"
    p = run("-NoLogo", "-Organization", str(org), "-State", str(state), "-Command", "'ran'")
    assert p.returncode == 1 and "'days_left' must be a number of days" in p.stderr
    assert sorted(os.listdir(str(tmp_path))) == ["bad.toml"]
