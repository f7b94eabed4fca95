"""Exam mode over SSH: no hints or solutions, Test-LabTask without explanations; a
time limit with a warning near the end; at the limit the lab is graded and closed,
and the results stay frozen; the trainer ends the exam for everyone."""
import json
import subprocess
import time

import pytest

from .conftest import Server, needs_ssh, roster_text

pytestmark = needs_ssh

#: A short limit so the test sees it pass: 9 seconds, a warning 5 seconds before.
EXAM = "exam = true\ntime_limit_minutes = 0.15\nwarn_minutes = [0.085]\n"


@pytest.fixture(scope="module")
def exam(tmp_path_factory, keys):
    srv = Server(tmp_path_factory.mktemp("exam"), roster_text(keys, extra=EXAM), keys).start()
    yield srv
    srv.stop()


def test_no_hints_no_solutions_in_an_exam(exam):
    done = exam.ssh("alice", "list")
    assert "This is an exam: hints and solutions are off." in done.stdout
    assert "starting when you open your first lab" in done.stdout
    done = exam.ssh("alice", "renew-2010", input="Get-LabHint\nShow-LabSolution\nY\nTest-LabTask\n")
    out = done.stdout
    assert out.count("hints and solutions are not available") == 2
    assert "Hint 1" not in out and "New-ExchangeCertificate" not in out.split("Get-LabHint", 1)[1]
    assert "[FAIL]" in out and "answer Y to the SMTP question" not in out
    assert "Time left:" in out
    alice = exam.learner("alice")
    assert alice["labs"]["renew-2010"]["tasks"]["renew"]["hints"] == 0
    assert alice["time_left"] is not None


def test_the_time_limit_warns_then_grades_and_closes(exam):
    ssh = subprocess.Popen(exam.ssh_args("bob", "renew-2010"), stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ssh.stdin.write("$new = Get-ExchangeCertificate | New-ExchangeCertificate\nY\n")
    ssh.stdin.flush()
    exam.wait_for(lambda: exam.learner("bob")["labs"]["renew-2010"]["commands"] >= 1,
                  what="bob's first command")
    exam.wait_for(lambda: (exam.learner("bob")["time_left"] or 99) < 4.5, what="the warning")
    time.sleep(0.7)
    try:
        ssh.stdin.write("Get-Date\n")       # the warning shows before the next prompt
        ssh.stdin.flush()
    except BrokenPipeError:                 # a slow machine: the limit came first
        pass
    ssh.wait(timeout=30)                    # the server closes the session at the limit
    out = ssh.stdout.read()
    ssh.stdin.close()
    assert "WARNING:" in out and "left. At the limit your labs are graded and closed." in out
    assert "Time is up: your work is saved, graded and closed." in out
    bob = exam.learner("bob")
    assert bob["closed"] == "time" and bob["time_left"] is None
    renew = bob["labs"]["renew-2010"]["tasks"]["renew"]
    assert renew["passed"] is False and renew["checked_by"] == "time up"
    # Frozen: no more work, no grading, no reset.
    again = exam.ssh("bob", "renew-2010", input="Get-Date\n")
    assert again.returncode == 1 and "Your work is closed (time is up)" in again.stdout
    slug = bob["slug"]
    for action in ("/action/grade", "/action/reset"):
        status, _, _ = exam.http(action, method="POST", headers={"Content-Type": "application/json"},
                                 data=json.dumps({"learner": slug, "lab": "renew-2010"}).encode())
        assert status == 409
    assert exam.learner("bob")["labs"]["renew-2010"]["tasks"]["renew"] == renew


def test_the_trainer_ends_the_exam(exam):
    status, _, body = exam.http("/action/end-exam", method="POST", data=b"{}",
                                headers={"Content-Type": "application/json"})
    assert status == 400                      # it has to be confirmed
    status, _, body = exam.http("/action/end-exam", method="POST",
                                data=json.dumps({"confirm": "yes"}).encode(),
                                headers={"Content-Type": "application/json"})
    assert status == 200
    data = exam.api()
    assert data["exam_ended"]
    assert {l["name"]: l["closed"] for l in data["learners"]}["alice"] == "exam"
    done = exam.ssh("alice", "list")
    assert "Your work is closed (the exam has ended)" in done.stdout
    assert exam.ssh("alice", "renew-2010").returncode == 1
