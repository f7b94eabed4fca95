"""Golden transcripts: whole sessions replayed through ``Shell.run``.

A transcript file looks like a console session::

    # exshell transcript: the renewal procedure
    # version: 2010
    # width: 80
    # clock: 2026-11-28T10:00:00
    PS> Get-ExchangeCertificate
    <expected output>
    PS> Remove-ExchangeCertificate -Thumbprint 81C1...
    #answer: y
    <expected output, the prompt with the answer echoed>

Lines starting with ``PS> `` are input (``>> `` continues the input on another line);
``#answer:`` lines right after the input give the answers to its prompts, in order;
``#`` header lines before the first input set the version, width and clock, and
``# organization: orgs/lab.toml`` starts from a definition file and
``# state: states/lab.json`` resumes a saved world (a copy; both relative to
tests/transcripts).
Everything else up to the next input is the expected output, streams interleaved as
the user sees them.  The shell is deterministic: fixed clock, the lab key pool
(no fallback), serial numbers from a seeded hash (they look like Windows' own).

``scripts/update_transcripts.py`` re-records files after an intended change.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

__all__ = ["Step", "Transcript", "parse_transcript", "replay", "render", "make_shell",
           "DEFAULT_CLOCK"]

DEFAULT_CLOCK = _dt.datetime(2026, 11, 28, 10, 0, 0)
INPUT = "PS> "
CONTINUATION = ">> "
ANSWER = "#answer:"


@dataclass
class Step:
    command: str
    answers: List[str] = field(default_factory=list)
    expected: str = ""


@dataclass
class Transcript:
    header: List[str] = field(default_factory=list)
    version: str = "2010"
    width: int = 120
    clock: _dt.datetime = DEFAULT_CLOCK
    interactive: bool = True
    organization: Optional[str] = None   # "# organization: <file>" (relative to tests/transcripts)
    state: Optional[str] = None          # "# state: <file>": resume a saved world (a copy of it)
    steps: List[Step] = field(default_factory=list)


def parse_transcript(text: str) -> Transcript:
    t = Transcript()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        t.header.append(lines[i])
        key, _, value = lines[i][1:].partition(":")
        key, value = key.strip().casefold(), value.strip()
        if key == "version":
            t.version = value
        elif key == "width":
            t.width = int(value)
        elif key == "clock":
            t.clock = _dt.datetime.fromisoformat(value)
        elif key == "interactive":
            t.interactive = value.casefold() in ("yes", "true", "1")
        elif key == "organization":
            t.organization = value
        elif key == "state":
            t.state = value
        i += 1
    current: Optional[Step] = None
    expected: List[str] = []
    while i < len(lines):
        line = lines[i]
        if line.startswith(INPUT):
            if current is not None:
                current.expected = "\n".join(expected)
                t.steps.append(current)
            current = Step(line[len(INPUT):])
            expected = []
            i += 1
            while i < len(lines) and lines[i].startswith(CONTINUATION):
                current.command += "\n" + lines[i][len(CONTINUATION):]
                i += 1
            while i < len(lines) and lines[i].startswith(ANSWER):
                current.answers.append(lines[i][len(ANSWER):].strip())
                i += 1
            continue
        expected.append(line)
        i += 1
    if current is not None:
        current.expected = "\n".join(expected)
        t.steps.append(current)
    return t


#: Where "# organization:" files of transcripts are looked up.
TRANSCRIPT_DIR = __import__("pathlib").Path(__file__).resolve().parents[1] / "tests" / "transcripts"


def make_shell(version: str = "2010", *, width: int = 120, clock: _dt.datetime = DEFAULT_CLOCK,
               answers: Optional[List[str]] = None, interactive: bool = True,
               organization: Optional[str] = None, state: Optional[str] = None):
    """A deterministic shell on a RecordingHost: (shell, host).  ``organization`` is
    a definition file (relative paths: to tests/transcripts); its clock is replaced
    by the fixed ``clock`` only when the file sets none."""
    from .exchange.clock import FixedClock
    from .exchange.keys import PoolKeySource, SeededSerials, extra_lab_keys_source
    from .exchange.stamps import SeededRequestIds
    from .host import RecordingHost
    from .shell import Shell
    host = RecordingHost(answers or [], width=width, interactive=interactive)
    # The lab pool first, then the extra pool: deterministic even for multi-server labs.
    shell = Shell(version, host=host, clock=FixedClock(clock),
                  key_source=PoolKeySource(fallback=extra_lab_keys_source()),
                  serials=SeededSerials("exshell"), request_ids=SeededRequestIds("exshell"),
                  organization_file=None if organization is None else str(TRANSCRIPT_DIR / organization),
                  state_file=state)
    # A fresh, empty emulated drive per shell (never the user's own), removed with it.
    import shutil
    import tempfile
    import weakref
    shell.drive_root = tempfile.mkdtemp(prefix="exshell-drive-")
    weakref.finalize(shell, shutil.rmtree, shell.drive_root, True)
    return shell, host


def replay(t: Transcript) -> List[Tuple[Step, str]]:
    """Run every step; return (step, actual output) pairs."""
    from .interactive import run_line
    state = None
    if t.state is not None:
        # Replay on a private copy: the golden state file must not change.
        import shutil
        import tempfile
        state = str(__import__("pathlib").Path(tempfile.mkdtemp(prefix="exshell-transcript-")) / "state.json")
        shutil.copyfile(str(TRANSCRIPT_DIR / t.state), state)
    shell, host = make_shell(t.version, width=t.width, clock=t.clock, interactive=t.interactive,
                             organization=t.organization, state=state)
    out = []
    for step in t.steps:
        host.clear()
        host.answers = list(step.answers)
        run_line(shell, step.command)   # as typed at the prompt: history, transcripts
        text = host.text
        if text.endswith("\n"):
            text = text[:-1]
        out.append((step, text))
    shell.close()
    if state is not None:
        import shutil
        shutil.rmtree(str(__import__("pathlib").Path(state).parent), ignore_errors=True)
    return out


def render(t: Transcript, results: List[Tuple[Step, str]]) -> str:
    """The transcript text with the actual outputs (for re-recording)."""
    parts = list(t.header)
    for step, actual in results:
        lines = step.command.split("\n")
        parts.append(INPUT + lines[0])
        parts.extend(CONTINUATION + l for l in lines[1:])
        parts.extend("%s %s" % (ANSWER, a) for a in step.answers)
        if actual:
            parts.append(actual)
    return "\n".join(parts) + "\n"
