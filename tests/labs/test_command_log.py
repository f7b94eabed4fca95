"""The command log of a lab: every command with the answers given at its prompts, the
errors it wrote, when it started, how long it ran and how it ended; kept in the
progress (and read back), shown in the HTML report.  Exam mode: no hints, no
solutions, Test-LabTask without the explanations."""
import json
import re

import pytest

from exshell.host import RecordingHost
from exshell.labs.cli import find_lab, open_session
from exshell.labs.log import CommandRecorder, LoggedCommand
from exshell.labs.progress import Progress
from exshell.labs.report import render_html, render_text, report_data


@pytest.fixture
def session(tmp_path):
    lab = find_lab("renew-2010")
    opened = []

    def start(exam=False):
        ls = open_session(lab, host=RecordingHost([], interactive=True), root=str(tmp_path))
        ls.exam = exam
        opened.append(ls)
        return ls
    yield start
    for ls in opened:
        ls.shell.close()


def run(ls, text, answers=()):
    host = ls.shell.host
    host.clear()
    host.answers = list(answers)
    ls.shell.run(text)
    assert ls.shell.internal_errors == []
    return host.text


def test_answers_errors_times_and_status(session, tmp_path):
    ls = session()
    run(ls, "Get-ExchangeCertificate | New-ExchangeCertificate", ["N"])
    run(ls, "Get-ExchangeCertificate -Thumbprint nosuch")
    run(ls, "$x = Read-Host 'Name'; $p = Read-Host 'Password' -AsSecureString", ["alice", "s3cret"])
    run(ls, "Get-Date -Foo (")
    run(ls, "   ")                                 # nothing ran: nothing logged
    log = ls.progress.commands
    assert [e["text"] for e in log] == [
        "Get-ExchangeCertificate | New-ExchangeCertificate",
        "Get-ExchangeCertificate -Thumbprint nosuch",
        "$x = Read-Host 'Name'; $p = Read-Host 'Password' -AsSecureString",
        "Get-Date -Foo ("]
    renew, missing, read, broken = log
    assert renew["answers"] == ["N"] and renew["errors"] == [] and renew["status"] == "Completed"
    assert missing["answers"] == [] and missing["status"] == "Completed"
    assert len(missing["errors"]) == 1 and "nosuch" in missing["errors"][0]["message"]
    assert read["answers"] == ["alice", "******"]          # a secure answer is not kept
    assert broken["status"] == "Failed" and broken["errors"][0]["id"]
    for entry in log:
        assert entry["at"].endswith("Z") and entry["seconds"] >= 0
    # Saved with the progress and read back the same.
    ls.progress.save()
    saved = json.loads((tmp_path / "renew-2010" / "progress.json").read_text())
    assert saved["commands"] == log
    again = Progress.load("renew-2010", str(tmp_path / "renew-2010" / "progress.json"))
    assert again.commands == log


def test_a_stopped_run_is_logged_as_stopped(session):
    from exshell.engine.budget import Budget
    ls = session()
    ls.shell.budget = Budget(max_steps=1000)
    text = run(ls, "while ($true) { }")
    assert "stopped" in text
    entry = ls.progress.commands[-1]
    assert entry["status"] == "Stopped" and entry["errors"][0]["id"].startswith("ScriptBudgetExceeded")


def test_log_entries_of_earlier_exshells_are_read(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"lab": "renew-2010", "commands": ["Get-Date", 7, {"text": "x",
                                "seconds": "nan", "errors": ["bad", {"id": 1}]}]}))
    p = Progress.load("renew-2010", str(path))
    assert [c["text"] for c in p.commands] == ["Get-Date", "7", "x"]
    assert p.commands[2]["seconds"] == 0.0 and p.commands[2]["errors"] == [{"id": "1", "message": ""}]


def test_nested_runs_belong_to_the_outer_one():
    entries = []
    recorder = CommandRecorder(entries.append, clock=iter(range(100)).__next__, stamp=lambda: "T")
    recorder.started("outer")
    recorder.answer_given("Y", False)
    recorder.started("inner")
    recorder.answer_given("A", False)
    recorder.finished("inner", None)
    recorder.finished("outer", None)
    assert [e.as_dict() for e in entries] == [LoggedCommand("outer", "T", 2.0, ["Y", "A"]).as_dict()]


def test_the_report_shows_answers_and_errors(session, tmp_path):
    ls = session()
    run(ls, "Get-ExchangeCertificate | New-ExchangeCertificate", ["N"])
    run(ls, "Get-ExchangeCertificate -Thumbprint '<b>nosuch</b>'")
    ls.progress.save()
    data = report_data(ls.lab, str(tmp_path))
    assert data["command_log"][0]["answers"] == ["N"]
    page = render_html(data)
    assert "answered N" in page
    assert "&lt;b&gt;nosuch&lt;/b&gt;" in page and "<b>nosuch" not in page


def test_exam_mode_has_no_hints_and_no_explanations(session):
    ls = session(exam=True)
    text = run(ls, "Get-LabHint")
    assert "hints and solutions are not available" in text
    text = run(ls, "Show-LabSolution", ["Y"])
    assert "not available" in text and "New-ExchangeCertificate" not in text
    assert ls.progress.hints_used == {} and ls.progress.solutions_shown == []
    text = run(ls, "Test-LabTask")
    assert "[FAIL]" in text and "answer Y to the SMTP question" not in text
    assert "Exam: no hints" in run(ls, "Get-LabTask")
    assert "Get-LabHint" not in ls.banner()
    # Outside an exam the same learner gets both.
    ls.exam = False
    assert "Hint 1 of" in run(ls, "Get-LabHint")
    assert "answer Y to the SMTP question" in " ".join(run(ls, "Test-LabTask").split())   # wrapped


def test_both_reports_show_when_each_command_ran_and_for_how_long(session, tmp_path):
    ls = session()
    run(ls, "Get-ExchangeCertificate | New-ExchangeCertificate", ["N"])
    run(ls, "Get-ExchangeCertificate -Thumbprint nosuch")
    ls.progress.save()
    data = report_data(ls.lab, str(tmp_path))
    first, second = data["command_log"]
    hms = first["at"][11:19]
    assert len(hms) == 8 and hms[2] == ":"
    text = render_text(data)
    lines = text.splitlines()
    assert "Commands typed: 2 (times in UTC)" in lines
    row = [l for l in lines if l.endswith("Get-ExchangeCertificate | New-ExchangeCertificate")][0]
    assert row.lstrip().startswith(hms + ", ") and " s " in row
    assert any(l.strip() == "answered N" for l in lines)
    assert any(l.strip().startswith("error: ") and "nosuch" in l for l in lines)
    page = render_html(data)
    assert '<span class="when">%s, ' % hms in page and "(times in UTC)" in page
    # The title names the version once; the time spent reads as in the HTML report.
    assert lines[0].count("Exchange 2010") == 1
    assert re.match(r"Learner: .*   Time spent: \d+ s   Resets: 0$", lines[1]), lines[1]


def test_a_stopped_or_failed_command_says_so_in_the_report():
    from exshell.labs.report import _log_when
    assert _log_when({"at": "2026-11-28T22:57:31.250Z", "seconds": 0.42}) == "22:57:31, 0.4 s"
    assert _log_when({"at": "2026-11-28T22:57:31Z", "seconds": 125, "status": "Stopped"}) \
        == "22:57:31, 2 min 05 s, stopped"
    assert _log_when({"at": "garbage", "seconds": "x", "status": "Failed"}) == "0.0 s, failed"
    for bad in ("nan", "inf", -5, 1e300):
        assert _log_when({"seconds": bad}) == "0.0 s"
