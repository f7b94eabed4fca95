"""exshell lab list|check|validate|report through exshell.cli.main (exit codes, JSON)."""
import json

import pytest

from exshell import cli
from exshell.labs.cli import open_session
from exshell.labs.cli import find_lab
from exshell.labs.runner import run_solution


@pytest.fixture
def labs_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("EXSHELL_LABS_DIR", str(tmp_path / "labs"))
    return tmp_path / "labs"


def test_list_shows_the_shipped_labs(labs_dir, capsys):
    assert cli.main(["lab", "list"]) == 0
    out = capsys.readouterr().out
    assert "renew-2010" in out and "enterprise-ca" in out and "0/2" in out


def test_unknown_lab_and_bad_usage_exit_2(labs_dir, capsys):
    assert cli.main(["lab", "start", "no-such-lab"]) == 2
    assert "no lab 'no-such-lab'" in capsys.readouterr().err
    assert cli.main(["lab", "frobnicate"]) == 2
    assert cli.main(["lab", "check", "renew-2010"]) == 2


def _learner_state(labs_dir, answers_done):
    """A learner's saved world after the reference solutions of the first tasks."""
    from exshell.host import RecordingHost
    lab = find_lab("renew-2010")
    ls = open_session(lab, host=RecordingHost([], interactive=True))
    for task in lab.tasks[:answers_done]:
        run_solution(ls.shell, task)
    ls.shell.close()
    return labs_dir / "renew-2010" / "world.db"


def test_check_passes_after_the_reference_solutions(labs_dir, capsys):
    state = _learner_state(labs_dir, 2)
    assert cli.main(["lab", "check", "renew-2010", "-State", str(state)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["passed"] is True and [t["passed"] for t in data["tasks"]] == [True, True]


def test_check_fails_with_json_saying_what_is_wrong(labs_dir, capsys):
    state = _learner_state(labs_dir, 1)
    assert cli.main(["lab", "check", "renew-2010", "-st", str(state)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["passed"] is False
    assert data["tasks"][0]["passed"] is True
    failing = data["tasks"][1]["checks"][0]
    assert failing["passed"] is False and "26AB4ED1EFF22AB001479E854A8DE78434C6364E" in failing["detail"]
    # One task only.
    assert cli.main(["lab", "check", "renew-2010", "-State", str(state), "-Task", "renew"]) == 0


def test_check_does_not_change_the_state_file(labs_dir, capsys):
    state = _learner_state(labs_dir, 1)
    before = state.read_bytes()
    cli.main(["lab", "check", "renew-2010", "-State", str(state)])
    assert state.read_bytes() == before


def test_validate_exit_codes(tmp_path, capsys):
    good = str(find_lab("renew-2010").path)
    assert cli.main(["lab", "validate", good]) == 0
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "T"\nsummary = "S"\nversion = "2011"\n')
    assert cli.main(["lab", "validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "bad.toml, line 3: 'version' must be one of" in out
    assert "missing key 'tasks'" in out


def test_report_formats(labs_dir, capsys, tmp_path):
    _learner_state(labs_dir, 1)
    assert cli.main(["lab", "report", "renew-2010"]) == 0
    text = capsys.readouterr().out
    assert "Tasks done: 1 of 2" in text and "still wrong" in text
    assert cli.main(["lab", "report", "renew-2010", "-Format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["tasks_done"] == 1 and data["tasks"][1]["passes_now"] is False
    out = tmp_path / "r.html"
    assert cli.main(["lab", "report", "renew-2010", "-Format", "html", "-Out", str(out)]) == 0
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>") and "Remove the old certificate" in page
    assert cli.main(["lab", "report", "renew-2010", "-Format", "pdf"]) == 2


def test_start_without_a_terminal_reads_commands_and_saves_progress(tmp_path):
    import os
    import subprocess
    import sys
    env = dict(os.environ, EXSHELL_LABS_DIR=str(tmp_path))
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    proc = subprocess.run([sys.executable, "-m", "exshell", "lab", "start", "renew-2010"],
                          input="Get-LabHint\nTest-LabTask\nexit\n", capture_output=True,
                          text=True, cwd=root, env=env, timeout=120)
    assert "exshell lab: Renew the self-signed certificate" in proc.stdout   # the banner
    assert "Task 1 of 2 (renew)" in proc.stdout
    assert "Hint 1 of 3" in proc.stdout and "[FAIL]" in proc.stdout
    assert "Traceback" not in proc.stderr
    saved = json.loads((tmp_path / "renew-2010" / "progress.json").read_text())
    assert saved["hints_used"] == {"renew": 1} and saved["attempts"] == {"renew": 1}
    assert (tmp_path / "renew-2010" / "world.db").exists()
