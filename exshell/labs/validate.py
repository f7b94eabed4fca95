"""The author's validator (``exshell lab validate FILE``).

A lab is valid when its file is well formed (every structural issue is reported with
its line and key), its starting organisation builds, and for each task in order:
the world before the task FAILS at least one of its checks (else the task teaches
nothing), the reference solution runs without an error, and afterwards every check
passes.  Tasks build on each other: task 2 starts where task 1's solution left off.
"""
from __future__ import annotations

from typing import List, Optional

from .checks import snapshot
from .model import LabFileError, LabIssue, parse_lab

__all__ = ["validate_text", "validate_file"]


def validate_text(text: str, path: Optional[str] = None) -> List[LabIssue]:
    lab, issues = parse_lab(text, path)
    if lab is None or issues:
        return issues
    from .runner import build_start, check_task, make_shell, run_solution
    try:
        org = build_start(lab)
    except LabFileError as e:
        return e.issues
    start = snapshot(org)
    shell = _bounded(make_shell(lab, organization=org))
    for i, task in enumerate(lab.tasks):
        before = check_task(task, shell, start)
        if before.passed:
            issues.append(LabIssue("task '%s': the world before the task already passes every "
                                   "check (the checks test nothing the task asks for)" % task.id,
                                   path, task.line, "tasks[%d].checks" % i))
        result = run_solution(shell, task)
        if result.errors:
            issues.append(LabIssue("task '%s': the reference solution wrote an error: %s"
                                   % (task.id, result.errors[0].message), path,
                                   task.solution_line, "tasks[%d].solution" % i))
        if shell.internal_errors:
            issues.append(LabIssue("task '%s': the reference solution hit an internal error: %s"
                                   % (task.id, shell.internal_errors[-1]), path,
                                   task.solution_line, "tasks[%d].solution" % i))
        if shell.host.answers:
            issues.append(LabIssue("task '%s': %d answer(s) were not used by the reference "
                                   "solution" % (task.id, len(shell.host.answers)), path,
                                   task.solution_line, "tasks[%d].answers" % i))
        after = check_task(task, shell, start)
        for check, res in zip(task.checks, after.checks):
            if not res.passed:
                issues.append(LabIssue("task '%s': the reference solution does not pass the check "
                                       "'%s': %s" % (task.id, res.description, res.detail),
                                       path, check.line, check.key))
        for mistake in task.mistakes:
            issues.extend(_check_mistake(lab, i, mistake, start, path))
    shell.close()
    return issues


#: The reference solution and the mistakes of a lab file run under the grader's budget,
#: with more time (an author's scripts, not a learner's; still never endless: issue 14).
VALIDATE_SECONDS = 60


def _bounded(shell):
    from ..engine.budget import Budget
    shell.budget = Budget.untrusted(max_seconds=VALIDATE_SECONDS)
    return shell


def _check_mistake(lab, i: int, mistake, start, path) -> List[LabIssue]:
    """A declared mistake, run on the world at the start of task ``i``, must fail
    check ``fails`` with an explanation containing every word of ``says``."""
    from .runner import build_start, check_task, make_shell, run_solution
    task = lab.tasks[i]
    shell = _bounded(make_shell(lab, organization=build_start(lab)))
    for earlier in lab.tasks[:i]:
        run_solution(shell, earlier)
    shell.host.answers = list(mistake.answers)
    shell.run(mistake.script)
    result = check_task(task, shell, start)
    shell.close()
    if shell.internal_errors:
        return [LabIssue("task '%s': the mistake hit an internal error: %s"
                         % (task.id, shell.internal_errors[-1]), path, mistake.line, mistake.key)]
    if mistake.fails >= len(result.checks):
        return []
    res = result.checks[mistake.fails]
    if res.passed:
        return [LabIssue("task '%s': the mistake should fail checks[%d] ('%s') but passes it"
                         % (task.id, mistake.fails, res.description), path, mistake.line, mistake.key)]
    missing = [w for w in mistake.says if w.casefold() not in res.detail.casefold()]
    if missing:
        return [LabIssue("task '%s': the explanation of the mistake lacks %s: %s"
                         % (task.id, ", ".join("'%s'" % w for w in missing), res.detail),
                         path, mistake.line, mistake.key + ".says")]
    return []


def validate_file(path: str) -> List[LabIssue]:
    from .model import LabFileError, read_lab_text
    try:
        text = read_lab_text(path)
    except LabFileError as e:
        return list(e.issues)
    return validate_text(text, path)
