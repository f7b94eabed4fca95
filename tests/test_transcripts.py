"""Replays every golden transcript in tests/transcripts/ through Shell.run.

A failure shows the step and a diff; after an intended change, re-record with
``python scripts/update_transcripts.py`` and review the diff like code.
"""
import difflib
import pathlib

import pytest

from exshell.testing import parse_transcript, replay

FILES = sorted((pathlib.Path(__file__).parent / "transcripts").glob("*.txt"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_transcript(path):
    transcript = parse_transcript(path.read_text(encoding="utf-8"))
    assert transcript.steps, "empty transcript"
    for step, actual in replay(transcript):
        if actual != step.expected:
            diff = "\n".join(difflib.unified_diff(
                step.expected.split("\n"), actual.split("\n"), "expected", "actual", lineterm=""))
            pytest.fail("%s: step %r differs:\n%s" % (path.name, step.command, diff))
