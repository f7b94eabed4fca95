"""Shared helpers for the lab tests: a shell at the start of a task, a check by index."""
from exshell.labs.checks import snapshot
from exshell.labs.cli import find_lab
from exshell.labs.runner import build_start, check_task, make_shell, run_solution


def shell_at_task(lab_id, task_id):
    """(lab, shell, start): the lab's world after the reference solutions of every
    task before ``task_id``."""
    lab = find_lab(lab_id)
    org = build_start(lab)
    start = snapshot(org)
    shell = make_shell(lab, organization=org)
    for task in lab.tasks:
        if task.id == task_id:
            break
        run_solution(shell, task)
    return lab, shell, start


def run_wrong(lab_id, task_id, script, answers=()):
    """Run a learner's ``script`` (with ``answers``) at ``task_id``; the TaskResult."""
    lab, shell, start = shell_at_task(lab_id, task_id)
    shell.host.answers = list(answers)
    shell.run(script)
    assert shell.internal_errors == []
    return check_task(lab.task(task_id), shell, start)
