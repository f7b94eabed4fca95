"""Building a lab's world and shells, running reference solutions, checking tasks.

A lab's starting organisation is always built the same way (the lab key pool, serial
numbers from a seeded hash, a fixed clock), so its thumbprints are the same on every
machine and run: the grader can rebuild the start to know which certificates are
"the old ones" without any record from the learner's session.
"""
from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from typing import List, Optional

from .checks import CheckResult, StartSnapshot, evaluate, evaluate_expression, snapshot
from .model import Lab, LabFileError, LabIssue, Task

__all__ = ["DEFAULT_LAB_CLOCK", "build_start", "make_shell", "open_shell", "copy_shell", "run_solution",
           "evaluate_expression", "TaskResult", "check_task", "check_lab", "start_snapshot"]

#: The emulated "now" of a lab that sets no clock (same as the test transcripts').
DEFAULT_LAB_CLOCK = _dt.datetime(2026, 11, 28, 10, 0, 0)


def _sources():
    from ..exchange.keys import PoolKeySource, SeededSerials, extra_lab_keys_source
    return PoolKeySource(fallback=extra_lab_keys_source()), SeededSerials("exshell")


def _clock(lab: Lab):
    from ..exchange.clock import FixedClock
    return FixedClock(lab.clock or DEFAULT_LAB_CLOCK)


def build_start(lab: Lab, sources=None):
    """The lab's starting Organization (LabFileError when its organisation is wrong,
    with the line in the LAB file for an inline organisation).

    ``sources`` is a (key source, serial source) pair for a start of one's own (a class
    server gives each learner theirs, so thumbprints differ between neighbours); the
    default is the lab key pool and the lab's seeded serials, the same everywhere."""
    from ..exchange.definition import build_organization, default_definition_text, load_definition
    from ..exchange.errors import WorldFileError
    key_source, serials = sources if sources is not None else _sources()
    clock = _clock(lab)
    try:
        if lab.organization_file:
            org = load_definition(lab.organization_file, version=lab.version, clock=clock,
                                  key_source=key_source, serials=serials)
        elif lab.organization is not None:
            org = build_organization(lab.organization, path=lab.path, version=lab.version,
                                     clock=clock, key_source=key_source, serials=serials)
        else:
            org = build_organization(default_definition_text(), version=lab.version, clock=clock,
                                     key_source=key_source, serials=serials)
    except WorldFileError as e:
        line = e.line
        if line is not None and lab.organization is not None and not lab.organization_file:
            line += lab.organization_line - 1
        message = str(e).split(": ", 1)[-1] if e.path is None else str(e)[len(e.path):].lstrip(":, ")
        # Drop the "line N: " part the WorldFileError put in (we give our own line),
        # and its "(key ...)" suffix (the LabIssue adds the key as the lab sees it).
        if message.startswith("line "):
            message = message.split(": ", 1)[-1]
        suffix = " (key '%s')" % e.key if e.key else None
        if suffix and message.endswith(suffix):
            message = message[: -len(suffix)]
        key = "organization.%s" % e.key if e.key else ("organization_file" if lab.organization_file
                                                       else "organization")
        raise LabFileError([LabIssue("the starting organisation is wrong: %s" % message,
                                     lab.path if not lab.organization_file else lab.organization_file,
                                     line, key)]) from None
    if lab.clock is not None:
        org.clock.set(lab.clock)
    return org


def start_snapshot(lab: Lab, sources=None) -> StartSnapshot:
    return snapshot(build_start(lab, sources))


def make_shell(lab: Lab, *, organization=None, host=None, answers: Optional[List[str]] = None,
               drive_root: Optional[str] = None, interactive: bool = True):
    """A shell on ``organization`` (default: a fresh start of the lab) with a
    RecordingHost unless ``host`` is given, and its own drive folder."""
    from ..host import RecordingHost
    from ..shell import Shell
    org = organization if organization is not None else build_start(lab)
    if host is None:
        host = RecordingHost(answers or [], interactive=interactive)
    shell = Shell(org.profile.version, host=host, clock=org.clock, organization=org)
    if drive_root is None:
        import shutil
        import tempfile
        import weakref
        drive_root = tempfile.mkdtemp(prefix="exshell-lab-drive-")
        weakref.finalize(shell, shutil.rmtree, drive_root, True)
    shell.drive_root = drive_root
    return shell


def open_shell(lab: Lab, state_file: str, *, host=None, drive_root: Optional[str] = None,
               fresh: bool = False, sources=None, serials=None):
    """A shell on the learner's saved world ``state_file`` (created from the lab's
    start when it does not exist, or when ``fresh``).  ``sources`` build a start of
    the learner's own (see :func:`build_start`); ``serials`` number what the learner
    makes (default: the lab's seeded serials)."""
    from ..exchange.worlddb import open_store
    from ..shell import Shell
    if fresh or not os.path.exists(state_file):
        os.makedirs(os.path.dirname(os.path.abspath(state_file)), exist_ok=True)
        start = build_start(lab, sources)
        store = open_store(state_file)
        try:
            if store.has_world():
                store.replace(start)          # start over (another shell reloads it)
            else:
                store.create(start, source="lab %s" % lab.id)
        finally:
            store.close()
    key_source, lab_serials = _sources()
    if host is None:
        from ..host import RecordingHost
        host = RecordingHost([], interactive=False)
    shell = Shell(lab.version, host=host, clock=_clock(lab), key_source=key_source,
                  serials=serials if serials is not None else lab_serials, state_file=state_file)
    if drive_root is not None:
        shell.drive_root = drive_root
    return shell


def copy_shell(lab: Lab, state_file: str, *, host=None, drive_root: Optional[str] = None):
    """A shell on a private in-memory copy of the learner's world (grading)."""
    from ..exchange.world import ExchangeWorld
    from ..shell import Shell
    key_source, serials = _sources()
    world = ExchangeWorld.open_copy(state_file, clock=_clock(lab), key_source=key_source,
                                    serials=serials)
    if host is None:
        from ..host import RecordingHost
        host = RecordingHost([], interactive=False)
    shell = Shell(world.profile.name, host=host, clock=world.clock, world=world)
    if drive_root is not None:
        shell.drive_root = drive_root
    return shell


def run_solution(shell, task: Task):
    """Run the task's reference solution with its answers; the RunResult."""
    host = shell.host
    if hasattr(host, "answers"):
        host.answers = list(task.answers)
    return shell.run(task.solution, file=None)


@dataclass
class TaskResult:
    task: Task
    checks: List[CheckResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)

    def as_dict(self) -> dict:
        return {"id": self.task.id, "title": self.task.title, "passed": self.passed,
                "checks": [c.as_dict() for c in self.checks]}

    def lines(self) -> List[str]:
        head = "Task %s: %s -- %s" % (self.task.id, self.task.title,
                                      "PASSED" if self.passed else "NOT YET")
        return [head] + [c.line() for c in self.checks]

    def styled_lines(self, details: bool = True, width: int = 80) -> list:
        """:meth:`lines` with colour and wrapped to ``width``: [PASS] green, [FAIL] and
        what is wrong red (``details=False``: the pass/fail lines only)."""
        from .text import wrap_runs
        out = [[("strong", "Task %s: %s -- " % (self.task.id, self.task.title)),
                ("pass" if self.passed else "fail", "PASSED" if self.passed else "NOT YET")]]
        for c in self.checks:
            mark = ("pass", "[PASS]") if c.passed else ("fail", "[FAIL]")
            body = wrap_runs([("", c.description)], width, "", "       ", first_width=width - 7)
            out.append([mark, ("", " ")] + body[0][1:])
            out.extend(body[1:])
            if not c.passed and details:
                out.extend(wrap_runs([("fail", c.detail)], width, "       ", "       "))
        return out


def check_task(task: Task, shell, start: StartSnapshot) -> TaskResult:
    return TaskResult(task, [evaluate(c, shell, start) for c in task.checks])


def check_lab(lab: Lab, shell, start: Optional[StartSnapshot] = None) -> List[TaskResult]:
    start = start if start is not None else start_snapshot(lab)
    return [check_task(t, shell, start) for t in lab.tasks]
