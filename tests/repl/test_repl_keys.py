"""Enter, continuation and paste: the decisions, then the real key bindings driven
through prompt_toolkit with pipe input (no terminal)."""
from __future__ import annotations

import pytest

from exshell.repl.keys import ACCEPT, KEEP, NEWLINE, enter_action, is_incomplete, normalize_paste, \
    paste_action


@pytest.mark.parametrize("text, action", [
    ("Get-ExchangeCertificate", ACCEPT),
    ("", ACCEPT),
    ("Get-ExchangeCertificate |", NEWLINE),                  # trailing pipe
    ("Get-ExchangeCertificate `", NEWLINE),                  # trailing backtick
    ("foreach ($c in $all) {", NEWLINE),                     # open brace
    ("Write-Host 'not closed", NEWLINE),                     # open quote
    ('$s = @"', NEWLINE),                                    # here-string
    ("$x = 1 +", NEWLINE),                                   # trailing operator
    ("foreach ($c in $all) {\n$c\n}", ACCEPT),
    ("foreach ($c in $all) {\n$c\n", ACCEPT),                # an empty >> line ends it
    ("Get-ExchangeCertificate |\n", ACCEPT),
    ("Get-ExchangeCertificate -Thumbprint )", ACCEPT),        # an error: run, to show it
    ("Get-ExchangeCertificate |\nfl", ACCEPT),
])
def test_enter(shell, text, action):
    assert enter_action(shell, text) == action


def test_parser_failure_counts_as_complete(shell, monkeypatch):
    def broken(text, file=None):
        raise RuntimeError("parser bug")
    monkeypatch.setattr(shell, "parse", broken)
    assert is_incomplete(shell, "Get-X {") is False


@pytest.mark.parametrize("text, action", [
    ("foreach ($c in $all) {\n  $c.Thumbprint\n}\n", ACCEPT),
    ("foreach ($c in $all) {\n  $c.Thumbprint\n}", KEEP),       # no final line break: edit
    ("foreach ($c in $all) {\n  $c.Thumbprint\n", KEEP),        # incomplete: keep editing
    ("\n", KEEP),
    ("Get-ExchangeCertificate\nGet-ExchangeCertificate | fl\n", ACCEPT),
])
def test_paste(shell, text, action):
    assert paste_action(shell, text) == action


def test_normalize_paste():
    assert normalize_paste("a\r\nb\rc\n") == "a\nb\nc\n"


# -- the bindings, through a real PromptSession on pipe input ----------------------------

def read_one(shell, keys):
    """Feed ``keys`` to a REPL-configured PromptSession; return what it accepted."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from exshell.repl.completion import make_completer
    from exshell.repl.keys import make_key_bindings

    with create_pipe_input() as inp:
        inp.send_text(keys)
        session = PromptSession(input=inp, output=DummyOutput(), multiline=True,
                                key_bindings=make_key_bindings(shell),
                                completer=make_completer(shell), complete_while_typing=False)
        return session.prompt("[PS] C:\\Windows\\system32>")


def test_enter_runs_complete_input(shell):
    assert read_one(shell, "Get-ExchangeCertificate\r") == "Get-ExchangeCertificate"


def test_enter_continues_unfinished_input(shell):
    keys = "foreach ($i in 1,2) {\r$i\r}\r"
    assert read_one(shell, keys) == "foreach ($i in 1,2) {\n$i\n}"


def test_empty_continuation_line_ends_input(shell):
    assert read_one(shell, "Get-ExchangeCertificate |\r\r") == "Get-ExchangeCertificate |"


def test_alt_enter_inserts_a_line_break(shell):
    assert read_one(shell, "a\x1b\rb\r") == "a\nb"


def test_bracketed_paste_runs_the_whole_script_once(shell):
    script = "foreach ($i in 1,2) {\r\n  $i\r\n}\r\n'done'\r\n"
    assert read_one(shell, "\x1b[200~" + script + "\x1b[201~") == \
        "foreach ($i in 1,2) {\n  $i\n}\n'done'"


def test_bracketed_paste_without_final_line_break_waits_for_enter(shell):
    assert read_one(shell, "\x1b[200~Get-Exchange\nCertificate\x1b[201~ | fl\r") == \
        "Get-Exchange\nCertificate | fl"


def test_enter_with_a_selected_completion_takes_it_and_does_not_run(shell):
    from types import SimpleNamespace

    from prompt_toolkit.buffer import Buffer, CompletionState
    from prompt_toolkit.completion import Completion
    from prompt_toolkit.document import Document

    from exshell.repl.keys import make_key_bindings

    accepted = []
    buf = Buffer(multiline=True, accept_handler=lambda b: accepted.append(b.text) or False)
    buf.text = "Enable-ExchangeCertificate -Services I"
    buf.cursor_position = len(buf.text)
    choices = [Completion("IMAP", -1), Completion("IIS", -1)]
    buf.complete_state = CompletionState(Document(buf.text, len(buf.text)), choices, complete_index=1)
    enter = [b for b in make_key_bindings(shell).bindings if [str(k) for k in b.keys] == ["Keys.ControlM"]][0]
    enter.handler(SimpleNamespace(current_buffer=buf))
    assert buf.text == "Enable-ExchangeCertificate -Services IIS" and accepted == []
    enter.handler(SimpleNamespace(current_buffer=buf))
    assert accepted == ["Enable-ExchangeCertificate -Services IIS"]
