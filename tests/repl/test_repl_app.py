"""The loop: run_repl on pipe input (no terminal) -- leaving, surviving, history,
prompts answered through the REPL host, continuation."""
from __future__ import annotations

import io
import os
import re

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.color_depth import ColorDepth
from prompt_toolkit.output.vt100 import Vt100_Output

from exshell.repl.app import INTERNAL_ERROR, history_path, run_repl

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def drive(shell, keys, banner=None, history=None, console=None):
    """Run the REPL on ``keys``; returns (exit code, plain text written by commands)."""
    buf = io.StringIO()
    out = Vt100_Output(buf, lambda: Size(rows=40, columns=100), term="xterm",
                       default_color_depth=ColorDepth.DEPTH_8_BIT)
    with create_pipe_input() as inp:
        inp.send_text(keys)
        # Ctrl-D at the end: the loop always ends even when a test's keys run short.
        inp.send_text("\x04")
        code = run_repl(shell, banner, history=history, console=console, pt_input=inp,
                        pt_output=out, stdout=buf)
    return code, ANSI.sub("", buf.getvalue())


def test_exit_returns_its_code(shell):
    code, text = drive(shell, "Get-ExchangeCertificate\rexit 3\r")
    assert code == 3
    assert "Thumbprint" in text and "CN=EX01" in text


def test_ctrl_d_on_an_empty_line_leaves_with_0(shell):
    assert drive(shell, "")[0] == 0


def test_banner_first_and_only_when_given(shell):
    code, text = drive(shell, "", banner="Welcome to exshell")
    assert text.startswith("Welcome to exshell\n")
    assert "Welcome" not in drive(shell, "", banner=None)[1]


def test_ctrl_c_on_the_line_drops_it(shell):
    code, text = drive(shell, "Remove-ExchangeCertificate\x03'still here'\rexit\r")
    assert code == 0
    assert "still here" in text
    assert "Supply values" not in text  # the interrupted line never ran


def test_nothing_typed_ends_the_shell_but_exit(shell):
    keys = "".join(s + "\r" for s in [
        "Get-ExchangeCertificate -Thumbprint NOPE", "}", "throw 'x'", "$null.Foo()", "break",
        "return", "[int]'abc'", "Get-ExchangeCertificate -Services", "'still alive'"])
    code, text = drive(shell, keys)
    assert code == 0
    assert "still alive" in text


def test_an_internal_failure_is_reported_and_the_loop_goes_on(shell, monkeypatch):
    real = shell.run
    calls = []

    def flaky(text, **kw):
        calls.append(text)
        if len(calls) == 1:
            raise RuntimeError("boom")
        return real(text, **kw)

    monkeypatch.setattr(shell, "run", flaky)
    code, text = drive(shell, "Get-ExchangeCertificate\r'after'\rexit 5\r")
    assert code == 5
    assert INTERNAL_ERROR % ("RuntimeError", "boom") in text
    assert "Traceback" not in text
    assert "after" in text


def test_the_smtp_prompt_is_answered_in_the_repl(shell):
    code, text = drive(shell, "Get-ExchangeCertificate | New-ExchangeCertificate\rn\r"
                              "(Get-ExchangeCertificate).Count\r")
    assert "Overwrite existing default SMTP certificate" in text
    assert '(default is "Y"):' in text
    assert "\n2\n" in text  # the answer N still leaves the new certificate in the store


def test_multi_line_input_runs_as_one(shell):
    code, text = drive(shell, "foreach ($i in 1,2) {\r'n' + $i\r}\r")
    assert "n1\nn2\n" in text


def test_psreadline_history_goes_to_the_data_folder(shell, home):
    drive(shell, "Get-ExchangeCertificate | fl\r", history="", console="PSReadLine")
    path = home / ".local" / "share" / "exshell" / "history"
    assert "+Get-ExchangeCertificate | fl" in path.read_text()


def test_psreadline_history_is_recalled_with_up_in_the_next_session(shell, home):
    drive(shell, "'first entry'\r", history="", console="PSReadLine")
    code, text = drive(shell, "\x1b[A\r", history="", console="PSReadLine")   # Up, Enter
    assert "first entry" in text


def test_the_classic_console_keeps_history_for_the_session_only(shell, home):
    code, text = drive(shell, "'first entry'\r\x1b[A\r", history="", console="Classic")
    outputs = re.findall(r"^first entry\r?$", text, re.M)
    assert len(outputs) == 2                       # Up recalls it within the session
    assert not (home / ".local" / "share" / "exshell" / "history").exists()
    code, text = drive(shell, "\x1b[A\r", history="", console="Classic")
    assert not re.findall(r"^first entry\r?$", text, re.M)   # a new console starts empty


def test_the_version_decides_the_console(home):
    from exshell.testing import make_shell
    for version, writes in (("2010", False), ("2019", True)):
        sh, _ = make_shell(version)
        drive(sh, "'x'\r", history="")
        assert (home / ".local" / "share" / "exshell" / "history").exists() is writes, version


def test_unwritable_data_folder_keeps_history_in_memory(shell, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, text = drive(shell, "'ok'\rexit\r", history=str(blocker / "exshell" / "history"),
                       console="PSReadLine")
    assert code == 0 and "ok" in text


@pytest.mark.parametrize("env, expected", [
    ({"HOME": "/home/u"}, "/home/u/.local/share/exshell/history"),
    ({"HOME": "/home/u", "XDG_DATA_HOME": "/data"}, "/data/exshell/history"),
    ({"HOME": "/home/u", "XDG_DATA_HOME": "relative"}, "/home/u/.local/share/exshell/history"),
    ({"HOME": "/home/u", "XDG_DATA_HOME": ""}, "/home/u/.local/share/exshell/history"),
])
def test_history_path(env, expected):
    assert history_path(env) == expected


def test_importing_the_repl_does_not_import_prompt_toolkit():
    import subprocess
    import sys
    code = ("import sys, exshell.repl, exshell.repl.completion, exshell.repl.tokens, "
            "exshell.repl.keys, exshell.repl.lexer, exshell.repl.host; "
            "print('prompt_toolkit' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    assert out.stdout.strip() == "False", out.stderr


def test_mandatory_parameters_are_prompted_in_the_repl(shell):
    thumb = shell.organization.local_server.certificates()[0].Thumbprint
    code, text = drive(shell, "Enable-ExchangeCertificate -Services IIS\r%s\r"
                              "Read-Host 'Your name'\rAdministrator\r" % thumb)
    assert "cmdlet Enable-ExchangeCertificate at command pipeline position 1" in text
    assert "Supply values for the following parameters:" in text
    assert "Thumbprint: " in text
    assert "Your name: " in text
    assert "\nAdministrator\n" in text


def test_ctrl_c_at_a_mandatory_prompt_stops_the_command(shell):
    code, text = drive(shell, "Remove-ExchangeCertificate\r\x03@(Get-ExchangeCertificate).Count\r")
    assert "Thumbprint: " in text
    assert "\n1\n" in text  # nothing was removed, and the shell went on


def test_the_prompt_follows_the_location(shell, tmp_path):
    shell.drive_root = str(tmp_path / "drive")
    code, text = drive(shell, "Set-Location C:\\Users\r")
    assert "[PS] C:\\Users>" in text


# Fragments of what a learner types, good and bad; sequences of them must never end
# the loop (no exit among them, no endless loop).
FRAGMENTS = ["Get-ExchangeCertificate", "| fl", "| ft Thumbprint", "-Thumbprint", "ABC", "'",
             '"', "{", "}", "(", ")", "$x", "=", "@(", "`", "|", ";", "-Services IIS", ",",
             "New-ExchangeCertificate -Force", "Remove-ExchangeCertificate -Confirm:$false",
             "foreach ($c in $x) {", "throw", "break", "return", "\x03", "[int]", "$null.X()",
             "<#", "#>", "@'", "'@", "-WhatIf", "Get-Nothing", "n", "y", "\t", "\x1b[A", "1..3"]


def _sequences():
    from hypothesis import strategies as st
    line = st.lists(st.sampled_from(FRAGMENTS), max_size=6).map(" ".join)
    return st.lists(line, min_size=1, max_size=6)


def test_no_sequence_of_inputs_ends_the_shell():
    from hypothesis import HealthCheck, given, settings

    from exshell.testing import make_shell

    @settings(max_examples=25, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(_sequences())
    def check(lines):
        sh, _ = make_shell("2010")
        # Ctrl-C and an empty line reset whatever state the input left (open
        # string, prompt, continuation), then the marker must still run.
        keys = "\r".join(lines) + "\r\x03\r\x03'marker'\r"
        code, text = drive(sh, keys)
        assert code == 0
        assert "Traceback" not in text
        assert "\nmarker\n" in text

    check()


def test_thumbprints_are_prepared_after_each_command(shell, monkeypatch):
    from exshell.repl.completion import CompletionCache
    warmed = []

    def now(cache, build):   # build at once instead of in a background thread
        warmed.append(cache)
        build()
    monkeypatch.setattr(CompletionCache, "warm", now)
    drive(shell, "Get-ExchangeCertificate\r")
    server = shell.organization.local_server
    assert warmed and warmed[-1].peek(("thumbprints", id(server)))
