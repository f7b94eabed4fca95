"""``help`` pages its text in the REPL as PowerShell's help function (Get-Help | more)
does: a screenful, ``-- More  --``, Space for the next screenful, Enter for one more
line, Q to stop.  Get-Help itself, and help outside a terminal, write everything."""
from __future__ import annotations

import io
import re

from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from exshell.repl.app import run_repl
from exshell.repl.host import MORE_PROMPT
from exshell.testing import make_shell

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def drive(keys, rows=12):
    shell, _ = make_shell("2010")
    buf = io.StringIO()
    out = Vt100_Output(buf, lambda: Size(rows=rows, columns=100), term="xterm")
    with create_pipe_input() as inp:
        inp.send_text(keys + "\x04")
        run_repl(shell, None, history=None, pt_input=inp, pt_output=out, stdout=buf)
    return ANSI.sub("", buf.getvalue())


def full_text():
    shell, host = make_shell("2010", width=100)
    shell.run("Get-Help Get-ExchangeCertificate -Full")
    return host.text


def test_q_stops_after_the_first_screenful():
    text = drive("help Get-ExchangeCertificate -Full\rq")
    assert MORE_PROMPT in text
    last = [l for l in full_text().split("\n") if l.strip()][-1]
    assert last not in text                       # the end never came


def test_space_pages_to_the_end():
    text = drive("help Get-ExchangeCertificate -Full\r" + " " * 40 + "\r")   # spare spaces: a blank line
    last = [l for l in full_text().split("\n") if l.strip()][-1]
    assert last in text


def test_get_help_itself_does_not_page():
    text = drive("Get-Help Get-ExchangeCertificate -Full\r")
    assert MORE_PROMPT not in text
    last = [l for l in full_text().split("\n") if l.strip()][-1]
    assert last in text


def test_help_outside_a_terminal_writes_everything():
    shell, host = make_shell("2010", width=100)
    shell.run("help Get-ExchangeCertificate -Full")
    assert host.text.strip() == full_text().strip()
