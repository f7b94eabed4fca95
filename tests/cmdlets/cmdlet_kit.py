"""Helpers for the cmdlet tests: run command text through a real Shell and look at
what a user would have seen."""
from __future__ import annotations

import datetime
from typing import Iterable, List, Optional, Tuple

from exshell.exchange.clock import FixedClock
from exshell.host import RecordingHost
from exshell.shell import Shell

NOW = datetime.datetime(2026, 11, 28, 10, 0)

#: Exchange version -> PowerShell language level it runs.
PS20, PS51 = "2010", "2016"


def make_shell(version: str = PS20, answers: Iterable[str] = (), drive_root: Optional[str] = None,
               width: int = 120, interactive: bool = True) -> Tuple[Shell, RecordingHost]:
    host = RecordingHost(answers=answers, width=width, interactive=interactive)
    shell = Shell(version, host=host, clock=FixedClock(NOW))
    if drive_root is not None:
        shell.drive_root = drive_root
    return shell, host


def run(text: str, version: str = PS20, **kwargs):
    """Run ``text``; return (RunResult, host text)."""
    shell, host = make_shell(version, **kwargs)
    result = shell.run(text)
    return result, host.text


def lines(text: str) -> List[str]:
    """The output's lines with trailing blanks removed (tables pad to the width) and
    leading/trailing empty lines dropped."""
    out = [l.rstrip() for l in text.split("\n")]
    while out and out[0] == "":
        out.pop(0)
    while out and out[-1] == "":
        out.pop()
    return out


def values(text: str, version: str = PS20, **kwargs) -> list:
    """The objects a command writes (collected instead of shown)."""
    shell, host = make_shell(version, **kwargs)
    out: list = []
    shell.run(text, out=out.append)
    return out
