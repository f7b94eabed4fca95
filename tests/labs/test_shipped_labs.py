"""Every shipped lab validates: well formed, the start fails each task's checks, the
reference solutions pass them."""
import os

import pytest

from exshell.labs.cli import LAB_ORDER, shipped_labs
from exshell.labs.model import load_lab
from exshell.labs.validate import validate_file

LABS = shipped_labs()


def test_labs_are_shipped_in_teaching_order():
    ids = [os.path.basename(p)[:-5] for p in LABS]
    assert ids == list(LAB_ORDER)       # the nine labs of issue 7, in the issue's order


@pytest.mark.parametrize("path", LABS, ids=[os.path.basename(p) for p in LABS])
def test_shipped_lab_validates(path):
    issues = validate_file(path)
    assert issues == [], "\n".join(str(i) for i in issues)


@pytest.mark.parametrize("path", LABS, ids=[os.path.basename(p) for p in LABS])
def test_shipped_lab_is_complete(path):
    lab = load_lab(path)
    assert lab.title and lab.summary
    for task in lab.tasks:
        assert task.hints, task.id
        assert task.instructions.strip(), task.id
        assert task.checks, task.id
