"""`exshell lab check` treats a submission as hostile (issue 14): links planted in the
drive, an endless report script, a forged or unreadable world file, a certificate from
a fake CA that carries the enterprise CA's name.  Every case ends as a JSON result with
failed checks, in bounded time, with nothing written or read outside."""
import datetime as _dt
import json
import os

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from exshell import cli
from exshell.engine import budget as budget_module
from exshell.exchange.issuance import issue_ca_root, issue_from_request
from exshell.host import RecordingHost
from exshell.labs.cli import find_lab, open_session
from exshell.labs.grading import check_state
from exshell.labs.runner import run_solution

SECRET = "OUTSIDE-SECRET"


@pytest.fixture
def labs_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("EXSHELL_LABS_DIR", str(tmp_path / "labs"))
    # The grader's limits, small so that an endless loop ends quickly here.
    monkeypatch.setitem(budget_module.UNTRUSTED, "max_steps", 20_000)
    return tmp_path / "labs"


@pytest.fixture
def outside(tmp_path):
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.txt").write_text(SECRET)
    return folder


def snapshot(folder):
    out = {}
    for base, dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            st = os.lstat(path)
            if os.path.islink(path):
                out[os.path.relpath(path, folder)] = "link->" + os.readlink(path)
            elif not os.path.isfile(path):
                out[os.path.relpath(path, folder)] = "special %o" % st.st_mode   # never opened
            else:
                out[os.path.relpath(path, folder)] = open(path, "rb").read()
        for name in dirs:
            out[os.path.relpath(os.path.join(base, name), folder) + "/"] = b""
    return out


def session(lab_id, tasks_done=0):
    lab = find_lab(lab_id)
    ls = open_session(lab, host=RecordingHost([], interactive=True))
    for task in lab.tasks[:tasks_done]:
        run_solution(ls.shell, task)
    return lab, ls


def grade(capsys, lab_id, state, *extra):
    code = cli.main(["lab", "check", lab_id, "-State", str(state)] + list(extra))
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_an_endless_report_with_planted_links_fails_in_bounded_time(labs_dir, outside, capsys):
    lab, ls = session("expiring-report")
    shell = ls.shell
    drive = shell.drive_root
    shell.run("New-Item -ItemType Directory C:\\scripts | Out-Null; "
              "Set-Content C:\\scripts\\Get-ExpiringCertificates.ps1 -Value @'\n"
              "Set-Content C:\\evil\\pwned.txt pwned -ErrorAction SilentlyContinue\n"
              "Get-Content C:\\leak\\secret.txt -ErrorAction SilentlyContinue\n"
              "Get-Content C:\\hard.txt -ErrorAction SilentlyContinue\n"
              "Set-Content C:\\scripts\\left-by-the-grader.txt x\n"
              "while ($true) { }\n'@")
    ls.shell.close()
    os.symlink(str(outside), os.path.join(drive, "C", "evil"))
    os.symlink(str(outside), os.path.join(drive, "C", "leak"))
    os.link(str(outside / "secret.txt"), os.path.join(drive, "C", "hard.txt"))
    os.mkfifo(os.path.join(drive, "C", "fifo"))
    before_outside, before_drive = snapshot(outside), snapshot(drive)
    code, data = grade(capsys, "expiring-report", labs_dir / "expiring-report" / "world.db")
    assert code == 1 and data["passed"] is False
    detail = data["tasks"][0]["checks"][0]["detail"]
    assert "The script was stopped because it ran more than 20000 steps (the limit of the grader)." in detail
    text = json.dumps(data)
    assert SECRET not in text and str(outside) not in text
    assert snapshot(outside) == before_outside          # nothing written outside ...
    assert snapshot(drive) == before_drive              # ... nor in the learner's own drive


def test_the_reference_report_still_passes_under_the_grader(labs_dir, capsys):
    lab, ls = session("expiring-report", 1)
    ls.shell.close()
    code, data = grade(capsys, "expiring-report", labs_dir / "expiring-report" / "world.db")
    assert code == 0 and data["passed"] is True


def test_lab_check_limits_are_options(labs_dir, capsys):
    lab, ls = session("expiring-report")
    ls.shell.run("New-Item -ItemType Directory C:\\scripts | Out-Null; "
                 "Set-Content C:\\scripts\\Get-ExpiringCertificates.ps1 -Value 'while (1) {}'")
    ls.shell.close()
    code, data = grade(capsys, "expiring-report", labs_dir / "expiring-report" / "world.db",
                       "-MaxSteps", "1234")
    assert "more than 1234 steps" in data["tasks"][0]["checks"][0]["detail"]
    assert cli.main(["lab", "check", "expiring-report", "-State", "x", "-MaxSteps", "-5"]) == 2


def _unreadable(data):
    checks = [c for t in data["tasks"] for c in t["checks"]]
    assert checks and all(not c["passed"] for c in checks)
    return checks[0]["detail"]


@pytest.mark.parametrize("how, reason", [
    ("symlink", "the world file is a symbolic link"),
    ("hardlink", "more than one link"),
    ("garbage", "the world file is not usable"),
    ("empty", "the world file is not usable"),
    ("folder", "not a regular file"),
    ("fifo", "not a regular file"),
    ("drive-link", "the drive folder is a symbolic link"),
    ("trigger", "it holds triggers or views exshell never makes: stall"),
])
def test_forged_or_unreadable_submissions_are_failed_checks(labs_dir, outside, tmp_path, capsys,
                                                          how, reason):
    lab, ls = session("renew-2010", 2)
    ls.shell.close()
    folder = labs_dir / "renew-2010"
    state = folder / "world.db"
    if how == "symlink":
        real = tmp_path / "elsewhere.db"
        os.replace(state, real)
        os.symlink(str(real), str(state))
    elif how == "hardlink":
        os.link(str(state), str(tmp_path / "second-name.db"))
    elif how == "garbage":
        state.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    elif how == "empty":
        state.write_bytes(b"")
    elif how == "folder":
        os.unlink(state)
        state.mkdir()
    elif how == "fifo":
        os.unlink(state)
        os.mkfifo(str(state))
    elif how == "trigger":      # an endless query run by the grader's first write
        import sqlite3
        conn = sqlite3.connect(str(state))
        conn.execute("CREATE TRIGGER stall AFTER INSERT ON journal BEGIN SELECT (WITH RECURSIVE "
                     "c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c); END")
        conn.commit()
        conn.close()
    elif how == "drive-link":
        import shutil
        shutil.rmtree(folder / "drive")
        os.symlink(str(outside), str(folder / "drive"))
    code, data = grade(capsys, "renew-2010", state)
    assert code == 1 and data["passed"] is False
    detail = _unreadable(data)
    assert reason in detail
    assert str(tmp_path) not in json.dumps(data).replace(str(state), "")


def test_a_missing_world_file_is_a_usage_error(labs_dir, capsys):
    assert cli.main(["lab", "check", "renew-2010", "-State", str(labs_dir / "none.db")]) == 2


def test_a_certificate_from_a_fake_ca_with_the_enterprise_name_fails(labs_dir, capsys):
    """The learner's world is forged: a certificate signed by a fake CA that carries the
    enterprise CA's name, and that fake root put into the trusted store as an enterprise
    root.  The model calls it Valid (the forged store trusts it); the grader does not."""
    lab, ls = session("enterprise-ca", 1)
    shell = ls.shell
    org = shell.organization
    server = org.local_server
    real = org.certificate_authority.cert
    fake_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = org.clock.now()
    fake = issue_ca_root(key=fake_key, subject=real.subject, serial=99,
                         not_before=now - _dt.timedelta(days=1), not_after=now + _dt.timedelta(days=999))
    pending = next(e for e in server.requests)
    request = x509.load_der_x509_csr(pending.request_der)
    leaf = issue_from_request(request=request, ca_cert=fake, ca_key=fake_key, serial=100,
                              not_before=now - _dt.timedelta(days=1),
                              not_after=now + _dt.timedelta(days=700))
    shell.world.begin_change() if hasattr(shell.world, "begin_change") else None
    org.begin_change()
    server.requests.remove(pending.thumbprint)
    server.add_certificate(leaf, pending.key, friendly_name="forged")
    server.add_trusted_root(fake, "Enterprise")
    shell.world.commit()
    view = next(v for v in server.certificates() if v.FriendlyName == "forged")
    assert str(view.Status) == "Valid" and str(view.RootCAType) == "Enterprise"
    ls.shell.close()
    code, data = grade(capsys, "enterprise-ca", labs_dir / "enterprise-ca" / "world.db",
                       "-Task", "issue-import")
    assert code == 1
    detail = data["tasks"][0]["checks"][0]["detail"]
    assert "is not issued by the enterprise CA" in detail


def test_check_state_survives_a_lab_without_a_drive_folder(labs_dir, capsys):
    lab, ls = session("renew-2010", 2)
    ls.shell.close()
    import shutil
    shutil.rmtree(labs_dir / "renew-2010" / "drive")
    result = check_state(lab, str(labs_dir / "renew-2010" / "world.db"))
    assert result["passed"] is True


def test_the_grader_process_has_a_memory_ceiling(labs_dir):
    """A report that builds gigabytes in one .NET call the budget cannot foresee
    ([regex]::Replace: 2,000,000,000 characters) fails with OutOfMemoryException in
    the grader's own process, under its data ceiling (issue 14), instead of taking the
    machine's memory before the budget's next look."""
    import subprocess
    import sys
    lab, ls = session("expiring-report")
    ls.shell.run("New-Item -ItemType Directory C:\\scripts | Out-Null; "
                 "Set-Content C:\\scripts\\Get-ExpiringCertificates.ps1 -Value "
                 "\"[regex]::Replace(('x' * 1e6), 'x', ('y' * 2000)).Length\"")
    ls.shell.close()
    env = dict(os.environ, EXSHELL_LABS_DIR=str(labs_dir))
    proc = subprocess.run([sys.executable, "-m", "exshell", "lab", "check", "expiring-report",
                           "-State", str(labs_dir / "expiring-report" / "world.db")],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 1, proc.stderr
    detail = json.loads(proc.stdout)["tasks"][0]["checks"][0]["detail"]
    assert "Exception of type 'System.OutOfMemoryException' was thrown." in detail
    assert "Traceback" not in proc.stderr
