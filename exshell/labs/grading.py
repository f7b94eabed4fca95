"""Grading a saved world from outside the learner's session (``exshell lab check``,
the report): the world is read into a private copy in memory (SQLite reads it
consistently while the learner's shell writes), so a running session is not disturbed.  Imports the lab model and runner only.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from typing import Optional

from .model import Lab

__all__ = ["check_state", "GradingError"]


class GradingError(Exception):
    """The state file or the task asked for does not exist (a usage error)."""


def check_state(lab: Lab, state_file: str, *, drive_root: Optional[str] = None,
                task: Optional[str] = None) -> dict:
    """Grade a saved world: the JSON-ready result (a copy of the state file is
    opened, so a learner's running session is not disturbed)."""
    from .runner import check_lab, check_task, copy_shell, start_snapshot
    if not os.path.isfile(state_file):
        raise GradingError("exshell lab check: no state file '%s'" % state_file)
    tmp = tempfile.mkdtemp(prefix="exshell-lab-check-")
    try:
        if drive_root is None:
            sibling = os.path.join(os.path.dirname(os.path.abspath(state_file)), "drive")
            drive_root = sibling if os.path.isdir(sibling) else os.path.join(tmp, "drive")
        shell = copy_shell(lab, state_file, drive_root=drive_root)
        try:
            start = start_snapshot(lab)
            if task is not None:
                t = lab.task(task)
                if t is None:
                    raise GradingError("exshell lab check: lab '%s' has no task '%s'" % (lab.id, task))
                results = [check_task(t, shell, start)]
            else:
                results = check_lab(lab, shell, start)
        finally:
            shell.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"lab": lab.id, "title": lab.title, "state": os.path.abspath(state_file),
            "passed": all(r.passed for r in results),
            "tasks": [r.as_dict() for r in results]}
