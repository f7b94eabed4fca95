"""A class server holds every script a learner brings to a budget (issue 14): the
commands of a session, the scripts a lab check runs in it (Test-LabTask, the grading
when the session ends) and the trainer's grading from the world file -- all under the
class's ``[limits]``.  Runs the server's own session and grading code in-process (no
SSH needed): the same functions the forked children run."""
import json
import os
import socket

import pytest

from exshell.host import RecordingHost
from exshell.labs.cli import find_lab
from exshell.serve import worker
from exshell.serve.classdb import ClassDB

REPORT = "C:\\scripts\\Get-ExpiringCertificates.ps1"


@pytest.fixture
def job(tmp_path):
    lab = find_lab("expiring-report")
    return {"job": "session", "data": str(tmp_path / "data"), "learner": "alice",
            "slug": "alice", "lab_path": lab.path, "limits": {"max_steps": 1234}}


@pytest.fixture
def db(job):
    os.makedirs(job["data"], exist_ok=True)
    d = ClassDB(os.path.join(job["data"], "class.db"))
    yield d
    d.close()


def _session(job, db):
    return worker.open_lab(job, db, RecordingHost([], interactive=True))


def test_a_session_command_and_the_checks_it_runs_use_the_class_limits(job, db):
    ls = _session(job, db)
    shell, host = ls.shell, ls.shell.host
    try:
        assert shell.budget.origin == "server" and shell.budget.max_steps == 1234
        result = shell.run("while ($true) {}")
        assert not result.success
        assert "ran more than 1234 steps (the limit of the class server)" in host.text
        # The learner's report loops: Test-LabTask runs it under the same limits, and
        # the session goes on.
        shell.run("New-Item -ItemType Directory C:\\scripts | Out-Null; "
                  "Set-Content %s -Value 'while ($true) {}'" % REPORT)
        host.clear()
        shell.run("Test-LabTask")
        # The report wraps its lines to the terminal: compare the words.
        assert "ran more than 1234 steps (the limit of the class server)" in " ".join(
            host.text.split())
        host.clear()
        assert shell.run("'still here'").success and "still here" in host.text
        assert shell.internal_errors == []
    finally:
        shell.close()


def test_the_trainers_grading_uses_the_class_limits_and_a_private_copy(job, db, tmp_path):
    ls = _session(job, db)
    shell = ls.shell
    shell.run("New-Item -ItemType Directory C:\\scripts | Out-Null; "
              "Set-Content %s -Value @'\nSet-Content C:\\out\\pwned.txt x -ErrorAction "
              "SilentlyContinue\nwhile ($true) {}\n'@" % REPORT)
    drive = shell.drive_root
    shell.close()
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(str(outside), os.path.join(drive, "C", "out"))
    grade = dict(job, job="grade", how="trainer")
    ours, theirs = socket.socketpair()
    try:
        worker.run_grading(grade, theirs)
        reply = json.loads(ours.makefile().readline())
    finally:
        ours.close()
        theirs.close()
    assert reply == {"done": True, "passed": False}
    results = db.results("alice")
    detail = json.dumps(list(results.values()))
    assert "ran more than 1234 steps (the limit of the grader)" in detail
    assert os.listdir(str(outside)) == []


@pytest.mark.parametrize("size, expected", [
    ((100000, 70000, -5, 10 ** 9), (4096, 4096, 0, 65535)),     # was struct.error
    ((0, 0, 0, 0), (24, 80, 0, 0)),
    (("x", None, "y", 3.5), (24, 80, 0, 3)),
    ((132, 43, 1056, 688), (43, 132, 1056, 688)),
])
def test_a_learners_terminal_size_is_clamped(size, expected):
    """A learner's SSH client chooses the window size it reports: a size the kernel's
    16-bit fields cannot hold broke the relay with a Python error (issue 14)."""
    import fcntl
    import struct
    import termios
    from exshell.serve.server import _set_size
    master, slave = os.openpty()
    try:
        _set_size(master, size)
        got = struct.unpack("HHHH", fcntl.ioctl(slave, termios.TIOCGWINSZ, b"\0" * 8))
        assert got == expected                     # rows, columns, x pixels, y pixels
    finally:
        os.close(master)
        os.close(slave)
