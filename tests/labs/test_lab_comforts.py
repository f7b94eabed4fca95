"""Labs that read well and are easy to author: the Markdown rendering, the check
descriptions, Test-LabTask's layout, Show-LabSolution's default, `lab check` on the
learner's own world, the learner's name, `lab new` and `lab preview`."""
from __future__ import annotations

import io
import json
import sys

import pytest

from exshell import cli
from exshell.host import RecordingHost
from exshell.labs.checks import describe
from exshell.labs.cli import find_lab, open_session
from exshell.labs.model import Check, load_lab
from exshell.labs.runner import run_solution
from exshell.labs.text import plain, render_markdown


@pytest.fixture
def labs_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("EXSHELL_LABS_DIR", str(tmp_path / "labs"))
    monkeypatch.delenv("EXSHELL_LEARNER", raising=False)
    return tmp_path / "labs"


# ---------------------------------------------------------------- Markdown

MARKDOWN = """
Intro with `inline code`, **strong** and *emphasis*, and a [link](https://example.org).

1. First step: `Get-ExchangeCertificate | fl` -- note the **Thumbprint**.
2. A long step whose text goes on and on so that it has to wrap onto a second line
   with a hanging indent under its number.

   ```
   $new = Get-ExchangeCertificate | New-ExchangeCertificate
   ```

- a bullet
"""


def test_markdown_reads_as_plain_text():
    lines = plain(render_markdown(MARKDOWN, 60))
    assert lines[0] == "Intro with inline code, strong and emphasis, and a link"
    assert lines[1] == "(https://example.org)."
    assert "`" not in "\n".join(lines) and "**" not in "\n".join(lines)
    assert "1. First step: Get-ExchangeCertificate | fl -- note the" in lines
    second = lines.index([l for l in lines if l.startswith("2. A long step")][0])
    assert lines[second + 1].startswith("   ") and lines[second + 1][3] != " "   # hanging indent
    code = [l for l in lines if "$new" in l][0]
    assert code.startswith(" " * 7 + "$new")          # list indent + four: set apart
    i = lines.index(code)
    assert lines[i - 1] == "" and lines[i + 1] == ""
    assert lines[-1] == "- a bullet"
    assert all(len(l) <= 60 for l in lines if "$new" not in l)


def test_markdown_styles():
    lines = render_markdown(MARKDOWN, 80)
    styles = {s for line in lines for s, _ in line}
    assert {"code", "strong", "em", "link"} <= styles
    code = [line for line in lines if any("$new" in t for _, t in line)][0]
    assert ("ps.variable", "$new") in code and ("ps.command", "New-ExchangeCertificate") in code


def test_inline_code_is_not_broken_when_it_fits():
    text = "Run " + "x" * 30 + " then `Enable-ExchangeCertificate -Thumbprint <new> -Services IIS` now."
    lines = plain(render_markdown(text, 60))
    assert "Enable-ExchangeCertificate -Thumbprint <new> -Services IIS" in lines   # whole


def test_double_backticks_hold_code_with_a_backtick():
    lines = render_markdown('Join with ``-join "`n"`` here.', 80)
    assert ("code", '-join "`n"') in lines[0]
    assert plain(lines) == ['Join with -join "`n" here.']


def test_every_shipped_lab_renders_within_80_columns_outside_code():
    from exshell.labs.cli import shipped_labs
    for path in shipped_labs():
        for task in load_lab(path).tasks:
            rendered = render_markdown(task.instructions, 79)
            for line in rendered:
                text = "".join(t for _, t in line)
                if any(s.startswith("ps.") for s, _ in line):
                    continue           # code keeps its lines
                assert len(text) <= 79 or " " not in text.strip(), (path, text)
                assert "```" not in text and "**" not in text, (path, text)


# ---------------------------------------------------------------- descriptions

@pytest.mark.parametrize("kind, params, text", [
    ("certificate", {"new": True, "issuer": "self", "domains": ["EX01", "EX01.contoso.com"],
                     "services": ["IIS", "SMTP", "POP"], "min_days_left": 365, "default_smtp": True},
     "EX01 has a new self-signed certificate for EX01 and EX01.contoso.com: it serves IIS, SMTP "
     "and POP, it is valid for at least another 365 days, and it is the default SMTP certificate"),
    ("certificate", {"issuer": "enterprise", "domains": ["mail.contoso.com"]},
     "EX01 has an enterprise-CA certificate for mail.contoso.com"),
    ("certificate", {"subject": "CN=mail.contoso.com, O=Contoso", "exportable": True, "server": "EX02"},
     "EX02 has the certificate CN=mail.contoso.com, O=Contoso: its private key can be exported"),
    ("no_certificate", {"from_start": True}, "EX01 no longer has its original certificate"),
    ("no_certificate", {"status": "DateInvalid"},
     "EX01 no longer has a certificate with status DateInvalid"),
    ("no_certificate", {"issuer": "self", "services": ["IIS"]},
     "No self-signed certificate on EX01 serves IIS any more"),
    ("tls", {"service": "https", "host": "mail.contoso.com"},
     "A browser trusts https://mail.contoso.com (the certificate IIS presents)"),
    ("tls", {"service": "imap", "host": "mail.contoso.com"},
     "A mail client trusts IMAP4 over SSL on mail.contoso.com"),
])
def test_descriptions_read_as_sentences(kind, params, text):
    assert describe(Check(kind, params), "EX01") == text


def test_a_failing_expression_check_says_what_was_expected():
    from exshell.labs.checks import StartSnapshot, evaluate
    from exshell.testing import make_shell
    shell, _ = make_shell("2010")
    quiet = evaluate(Check("expression", {"script": "1 -eq 2"}, description="EX01 has two certificates"),
                     shell, StartSnapshot())
    assert quiet.detail == "not yet: EX01 has two certificates"      # in the author's words
    told = evaluate(Check("expression", {"script": "$false"}, description="X",
                          message="Run Set-Thing first."), shell, StartSnapshot())
    assert told.detail == "Run Set-Thing first."
    wrong = evaluate(Check("expression", {"script": "'text'"}, description="X"), shell, StartSnapshot())
    assert "could not decide" in wrong.detail and "'text'" in wrong.detail


# ---------------------------------------------------------------- in the lab

def lab_session(root, answers=()):
    return open_session(find_lab("renew-2010"), host=RecordingHost(list(answers), width=80),
                        root=str(root))


def run(ls, text, answers=()):
    host = ls.shell.host
    host.clear()
    host.answers = list(answers)
    ls.shell.run(text)
    return host.text


def test_test_labtask_layout(tmp_path):
    ls = lab_session(tmp_path)
    text = run(ls, "Test-LabTask")
    lines = text.split("\n")
    assert lines[0] == "Task renew: Renew the certificate and enable it for IIS -- NOT YET"
    assert lines[1].startswith("[FAIL] EX01 has a new self-signed certificate for EX01 and")
    assert all(len(l) <= 79 for l in lines)
    assert all(l.startswith("       ") for l in lines[2:] if l)     # details indented


def test_show_labsolution_defaults_to_no(tmp_path):
    ls = lab_session(tmp_path)
    text = run(ls, "Show-LabSolution", [""])                   # a stray Enter
    assert '(default is "N")' in text and "New-ExchangeCertificate" not in text
    assert ls.progress.solutions_shown == []
    text = run(ls, "Show-LabSolution", ["y"])
    assert "    $new = $old | New-ExchangeCertificate" in text
    assert "Answers to the prompts, in order: Y" in text
    assert ls.progress.solutions_shown == ["renew"]


def test_get_labtask_renders_markdown(tmp_path):
    ls = lab_session(tmp_path)
    text = run(ls, "Get-LabTask")
    assert "`" not in text and "**" not in text
    assert "1. Find it: Get-ExchangeCertificate | fl -- note its Thumbprint and Services." in text


# ---------------------------------------------------------------- the command line

def test_check_without_state_grades_the_learners_own_world(labs_dir, capsys):
    assert cli.main(["lab", "check", "renew-2010"]) == 2
    assert "you have not started 'renew-2010' yet" in capsys.readouterr().err
    lab = find_lab("renew-2010")
    ls = open_session(lab, host=RecordingHost([], interactive=True))
    for task in lab.tasks:
        run_solution(ls.shell, task)
    ls.shell.close()
    assert cli.main(["lab", "check", "renew-2010"]) == 0
    assert json.loads(capsys.readouterr().out)["passed"] is True     # not a terminal: JSON


def test_check_in_words_for_a_person(labs_dir, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")                  # the width it wraps to
    lab = find_lab("renew-2010")
    ls = open_session(lab, host=RecordingHost([], interactive=True))
    run_solution(ls.shell, lab.tasks[0])                 # the first task only
    ls.shell.close()
    assert cli.main(["lab", "check", "renew-2010", "-Format", "text"]) == 1
    lines = capsys.readouterr().out.split("\n")
    assert lines[0] == "Lab renew-2010: %s" % lab.title
    assert "Task renew: %s -- PASSED" % lab.tasks[0].title in lines
    assert "Task remove-old: %s -- NOT YET" % lab.tasks[1].title in lines
    assert any(l.startswith("[PASS] ") for l in lines)
    failed = [i for i, l in enumerate(lines) if l.startswith("[FAIL] ")]
    assert failed and lines[failed[0] + 1].startswith("       ")      # what is still wrong
    assert all(len(l) <= 79 for l in lines)
    assert lines[-2] == "Tasks passed: 1 of 2"
    assert cli.main(["lab", "check", "renew-2010", "-Format", "xml"]) == 2


def test_the_learners_name_is_kept_and_reported(labs_dir, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("'hello'\n"))
    assert cli.main(["lab", "start", "renew-2010", "-Learner", "Ana Lima", "-NoLogo"]) == 0
    capsys.readouterr()
    assert cli.main(["lab", "report", "renew-2010"]) == 0
    text = capsys.readouterr().out
    assert "Learner: Ana Lima" in text
    # The text report's title says the version once.
    assert text.split("\n")[0] == "Lab renew-2010: Renew the self-signed certificate (Exchange 2010)"
    monkeypatch.setenv("EXSHELL_LEARNER", "Bo Chen")                # the setting, for a new lab
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert cli.main(["lab", "start", "wrong-iis", "-NoLogo"]) == 0
    capsys.readouterr()
    assert cli.main(["lab", "report", "wrong-iis", "-Format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["learner"] == "Bo Chen"


@pytest.mark.parametrize("version", ["2010", "2019"])
def test_lab_new_writes_a_valid_lab(tmp_path, labs_dir, capsys, version):
    from exshell.labs.validate import validate_file
    path = tmp_path / "my-lab.toml"
    assert cli.main(["lab", "new", str(path), "-Version", version]) == 0
    assert validate_file(str(path)) == []
    text = path.read_text()
    assert 'version = "%s"' % version in text and text.count("\n#") > 10     # explained
    assert cli.main(["lab", "new", str(path)]) == 1                         # no overwrite
    assert cli.main(["lab", "new", str(path), "-Force"]) == 0


def test_lab_preview_runs_as_a_learner_and_leaves_nothing(tmp_path, labs_dir, capsys, monkeypatch):
    path = tmp_path / "my-lab.toml"
    assert cli.main(["lab", "new", str(path)]) == 0
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO("Get-LabTask\nTest-LabTask\n"))
    assert cli.main(["lab", "preview", str(path), "-NoLogo"]) == 0
    out = capsys.readouterr().out
    assert "Task 1 of 1 (renew)" in out and "[FAIL]" in out
    assert not labs_dir.exists() or not any(labs_dir.iterdir())


@pytest.mark.parametrize("name", ["Get-LabTask", "Test-LabTask", "Get-LabHint", "Show-LabSolution",
                                  "Reset-Lab"])
def test_lab_cmdlets_have_help_like_every_other(tmp_path, name):
    from exshell.help import texts
    ls = lab_session(tmp_path)
    examples = run(ls, "Get-Help %s -Examples" % name)
    assert "EXAMPLE 1" in examples and "C:\\PS>" in examples
    full = run(ls, "Get-Help %s -Full" % name)
    assert texts.DESCRIPTIONS[name].split(".")[0] in " ".join(full.split())
    for command, _ in texts.EXAMPLES[name]:       # every example parses
        ls.shell.parse(command)
