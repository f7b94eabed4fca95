"""Every shipped lab says what the shell prints on the lab's version (issue 16, item 5).

For each task, on the world as the learner meets it (the earlier tasks' reference
solutions run) in an 80-column console:

* every command the instructions and hints quote parses, names commands the
  version has, and gives them parameters they take (placeholders such as ``<new>``
  stand for a thumbprint of the world);
* every quoted command that only reads (``Get-``/``Test-``) runs without an error,
  without a table column that does not fit and without a thumbprint cut short -- the
  learner copies thumbprints from that output;
* every services code the text quotes (``IP.WS.``) is one ``Get-ExchangeCertificate``
  shows on that version, in that world.
"""
import re

import pytest

from exshell.host import RecordingHost
from exshell.labs.cli import shipped_labs
from exshell.labs.model import load_lab
from exshell.labs.runner import build_start, make_shell, run_solution

LABS = [load_lab(p) for p in shipped_labs()]
CASES = [(lab, i) for lab in LABS for i in range(len(lab.tasks))]

_INLINE = re.compile(r"(`+)(.+?)\1")
_FENCE = re.compile(r"^\s*```\s*$\n(.*?)^\s*```\s*$", re.S | re.M)
_CMDLET = re.compile(r"(?<![\w-])([A-Z][a-z]+-[A-Z][A-Za-z]+)\b")
_PLACEHOLDER = re.compile(r"<[a-z][a-z ]*>")
_CODE = re.compile(r"^(?=[A-Z.]*\.)(?=[A-Z.]*[A-Z])[A-Z.]{5,7}$")
_SEGMENT = re.compile(r"[|;(){}\n]")
_READ_ONLY = ("Get-", "Test-")


def _snippets(task):
    """(code spans, commands) quoted by a task's instructions and hints."""
    text = task.instructions
    commands, spans = [], []
    for block in _FENCE.findall(text):
        # A code block is one script (a here-string spans lines); a backtick at the end
        # of a line continues it, as in PowerShell.
        commands.append(re.sub(r"`\n\s*", " ", block).strip())
    prose = _FENCE.sub("", text)
    for hint in task.hints:
        if _CMDLET.match(hint) and not hint.rstrip().endswith("."):
            commands.append(hint)          # a hint that is a command, whole
        prose += "\n" + hint
    for _, span in _INLINE.findall(prose):
        span = span.strip()
        spans.append(span)
        if _CMDLET.match(span):
            commands.append(span)
    return spans, commands


def _world(lab, i):
    host = RecordingHost(width=80)
    shell = make_shell(lab, organization=build_start(lab), host=host)
    for earlier in lab.tasks[:i]:
        run_solution(shell, earlier)
    host.answers = []
    host.clear()
    return shell


def _thumbprints(shell):
    return {c.Thumbprint for server in shell.organization.servers for c in server.certificates()}


def _run(shell, text):
    shell.host.clear()
    result = shell.run(text)
    return result, shell.host.text


@pytest.mark.parametrize("lab,i", CASES, ids=["%s-%s" % (l.id, l.tasks[i].id) for l, i in CASES])
def test_lab_text_matches_what_the_shell_prints(lab, i):
    task = lab.tasks[i]
    shell = _world(lab, i)
    spans, commands = _snippets(task)
    thumbprints = _thumbprints(shell)
    some = sorted(thumbprints)[0]
    problems = []
    for command in commands:
        concrete = _PLACEHOLDER.sub(some, command)
        try:
            shell.parse(concrete)
        except Exception as e:  # a parse error is the lab's mistake
            problems.append("%r does not parse: %s" % (command, e))
            continue
        for segment in _SEGMENT.split(concrete):
            m = _CMDLET.match(segment.strip())
            if not m:
                continue
            name = m.group(1)
            found, _ = _run(shell, "@(Get-Command %s -ErrorAction SilentlyContinue).Count" % name)
            if found.output != [1]:
                problems.append("%r: no command %s on Exchange %s" % (command, name, lab.version))
                continue
            for param in re.findall(r"(?<=\s)-([A-Za-z]+)", segment):
                known, _ = _run(shell, "@((Get-Command %s).Parameters.Keys | Where-Object "
                                       "{ $_ -like '%s*' }).Count" % (name, param))
                if not known.output or known.output[0] < 1:
                    problems.append("%r: %s has no parameter -%s on Exchange %s"
                                    % (command, name, param, lab.version))
        if command.startswith(_READ_ONLY) and not _PLACEHOLDER.search(command):
            result, out = _run(shell, command)
            if result.errors:
                problems.append("%r writes an error: %s" % (command, result.errors[0].message))
            if "does not fit into the display" in out or "do not fit into the display" in out:
                problems.append("%r at 80 columns drops a column:\n%s" % (command, out))
            for run in re.findall(r"[0-9A-F]{8,}", out):
                if run not in thumbprints and any(t.startswith(run) for t in thumbprints):
                    problems.append("%r at 80 columns cuts thumbprint %s" % (command, run))
    listed = _run(shell, "Get-ExchangeCertificate")[1].split()
    for span in spans:
        if _CODE.match(span) and span not in listed:
            problems.append("the text quotes the services code %r, which Get-ExchangeCertificate "
                            "does not show on Exchange %s here (it shows %s)" % (
                                span, lab.version, [w for w in listed if _CODE.match(w)]))
    shell.close()
    assert not problems, "\n".join(problems)


def test_the_check_sees_a_code_of_another_version():
    """The services-code rule bites: 2013's seven-character code is not 2010's."""
    lab = next(l for l in LABS if l.id == "wrong-iis")
    shell = _world(lab, 0)
    listed = _run(shell, "Get-ExchangeCertificate")[1].split()
    shell.close()
    assert "IP.WS." in listed and "IP.WS.." not in listed


def test_the_check_sees_a_cut_thumbprint():
    """The thumbprint rule bites: a narrow table cuts the thumbprint a learner copies."""
    lab = next(l for l in LABS if l.id == "wrong-iis")
    shell = _world(lab, 0)
    thumbprints = _thumbprints(shell)
    _, out = _run(shell, "Get-ExchangeCertificate | ft Subject,Services,Thumbprint -AutoSize:$false")
    shell.close()
    cut = [r for r in re.findall(r"[0-9A-F]{8,}", out)
           if r not in thumbprints and any(t.startswith(r) for t in thumbprints)]
    assert cut, out
