"""A running lab: the lab cmdlets, progress saved and resumed, Reset-Lab."""
import json

import pytest

from exshell.host import RecordingHost
from exshell.labs.cli import find_lab, open_session
from exshell.testing import make_shell


@pytest.fixture
def lab_session(tmp_path):
    lab = find_lab("renew-2010")
    sessions = []

    def start(answers=()):
        ls = open_session(lab, host=RecordingHost(list(answers), interactive=True),
                          root=str(tmp_path))
        sessions.append(ls)
        return ls
    yield start
    for ls in sessions:
        ls.shell.close()


def run(ls, text, answers=()):
    host = ls.shell.host
    host.clear()
    host.answers = list(answers)
    result = ls.shell.run(text)
    assert ls.shell.internal_errors == []
    return host.text, result


def test_lab_cmdlets_exist_only_in_a_lab(lab_session):
    shell, host = make_shell("2010")
    shell.run("Get-LabTask")
    assert "is not recognized" in host.text
    ls = lab_session()
    text, result = run(ls, "Get-LabTask")
    assert result.success and "Task 1 of 2 (renew)" in text


def test_hints_come_one_at_a_time_and_run_out(lab_session):
    ls = lab_session()
    hints = ls.lab.tasks[0].hints
    for n in range(1, len(hints) + 1):
        text, _ = run(ls, "Get-LabHint")
        assert text.startswith("Hint %d of %d: %s" % (n, len(hints), hints[n - 1]))
    text, _ = run(ls, "Get-LabHint")
    assert "No more hints" in text
    assert ls.progress.hints_used == {"renew": len(hints)}


def test_show_solution_asks_first(lab_session):
    ls = lab_session()
    text, _ = run(ls, "Show-LabSolution", ["N"])
    assert "Show the reference solution" in text and "New-ExchangeCertificate" not in text
    assert ls.progress.solutions_shown == []
    text, _ = run(ls, "Show-LabSolution", ["Y"])
    assert "$new = $old | New-ExchangeCertificate" in text
    assert "Answers to the prompts, in order: Y" in text
    assert ls.progress.solutions_shown == ["renew"]


def test_test_lab_task_reports_and_advances(lab_session):
    ls = lab_session()
    text, _ = run(ls, "Test-LabTask")
    assert "[FAIL]" in text and "NOT YET" in text
    run(ls, ls.lab.tasks[0].solution, ["Y"])
    text, _ = run(ls, "Test-LabTask")
    assert "[PASS]" in text and "Next: task 2, Remove the old certificate" in text
    text, _ = run(ls, "Get-LabTask")
    assert "Task 2 of 2 (remove-old)" in text
    assert ls.progress.attempts == {"renew": 2}
    text, _ = run(ls, "Test-LabTask -Id nope")
    assert "This lab has no task 'nope'" in text


def test_progress_and_world_are_resumed(lab_session, tmp_path):
    ls = lab_session()
    run(ls, "Get-LabHint")
    run(ls, ls.lab.tasks[0].solution, ["Y"])
    run(ls, "Test-LabTask")
    ls.shell.close()
    saved = json.loads((tmp_path / "renew-2010" / "progress.json").read_text())
    assert saved["hints_used"] == {"renew": 1} and "renew" in saved["passed"]
    again = lab_session()
    assert "Welcome back: 1 of 2 tasks done." in again.banner()
    assert again.current_task().id == "remove-old"
    thumbs = [c.Thumbprint for c in again.shell.organization.local_server.certificates()]
    assert len(thumbs) == 2          # the renewed certificate came back with the world


def test_reset_lab_restores_the_start(lab_session):
    ls = lab_session()
    run(ls, ls.lab.tasks[0].solution, ["Y"])
    run(ls, "Test-LabTask")
    run(ls, "New-Item -ItemType Directory C:\\certreq")
    text, _ = run(ls, "Reset-Lab", ["N"])
    assert len(ls.shell.organization.local_server.certificates()) == 2
    text, _ = run(ls, "Reset-Lab", ["Y"])
    assert "The lab is back at its start." in text
    certs = ls.shell.organization.local_server.certificates()
    assert [c.Thumbprint for c in certs] == ["26AB4ED1EFF22AB001479E854A8DE78434C6364E"]
    assert ls.progress.passed == {} and ls.progress.resets == 1
    text, _ = run(ls, "Test-Path C:\\certreq")
    assert text.strip() == "False"


def test_fresh_start_forgets_world_drive_and_progress(tmp_path):
    lab = find_lab("renew-2010")
    ls = open_session(lab, host=RecordingHost([], interactive=True), root=str(tmp_path))
    run(ls, ls.lab.tasks[0].solution, ["Y"])
    run(ls, "Test-LabTask")
    run(ls, "New-Item -ItemType Directory C:\\certreq")
    assert (tmp_path / "renew-2010" / "drive" / "C" / "certreq").is_dir()
    ls.shell.close()
    again = open_session(lab, host=RecordingHost([], interactive=True), root=str(tmp_path), fresh=True)
    try:
        assert again.progress.passed == {} and again.progress.attempts == {}
        assert len(again.shell.organization.local_server.certificates()) == 1
        assert not (tmp_path / "renew-2010" / "drive" / "C").exists()
    finally:
        again.shell.close()
