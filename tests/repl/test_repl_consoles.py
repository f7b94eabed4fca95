"""The two consoles in a real terminal (tmux): the classic console of Exchange 2010
(F7 list, F8 prefix recall, F9 number, Esc, no colours) and PSReadLine of Exchange
2016 (Ctrl-Z/Ctrl-Y, Ctrl-Space then Tab, F8, the red prompt, colours), and
-Console choosing the other one.

Marked ``terminal``; skipped without tmux.  Each step reads the screen.
"""
from __future__ import annotations

import re

import pytest

from repl_terminal_kit import PROMPT, Terminal, have_tmux

pytestmark = [pytest.mark.terminal,
              pytest.mark.skipif(not have_tmux(), reason="tmux is not installed")]

SGR = re.compile(r"\x1b\[[0-9;]*m")


def input_line(term):
    """The last prompt line on the screen (what is being typed)."""
    lines = [l for l in term.lines() if l.startswith(PROMPT)]
    return lines[-1][len(PROMPT):] if lines else None


def wait_line(term, text):
    term.wait_for(lambda s: input_line(term) == text)


def coloured_prompt_line(term):
    lines = [l for l in term.screen(colours=True).split("\n") if PROMPT in SGR.sub("", l)]
    return lines[-1]


@pytest.fixture
def classic(tmp_path):
    with Terminal(["-NoLogo"], home=str(tmp_path)) as t:   # Exchange 2010: the classic console
        t.wait_prompt()
        for text in ("'one'", "'two'", "'three'"):
            t.run(text)
        t.clear()
        yield t


@pytest.fixture
def psreadline(tmp_path):
    with Terminal(["-NoLogo", "-ExchangeVersion", "2016"], home=str(tmp_path)) as t:
        t.wait_prompt()
        yield t


def test_classic_f7_lists_the_history_and_enter_runs_the_chosen_entry(classic):
    classic.key("F7")
    screen = classic.wait_for("2: 'three'")
    assert "0: 'one'" in screen and "1: 'two'" in screen
    assert "\u250c" in screen and "\u2518" in screen          # a box, as conhost draws it
    # The newest entry is chosen: drawn inverted (the popup's colours swapped).
    chosen = [l for l in classic.screen(colours=True).split("\n") if "2: 'three'" in l][0]
    assert re.search(r"\x1b\[[0-9;]*46[0-9;]*m[^\x1b]*2: 'three'", chosen)
    classic.key("Up")
    classic.wait_for(lambda s: re.search(r"46[0-9;]*m[^\x1b]*1: 'two'", classic.screen(colours=True)))
    classic.key("Enter")
    screen = classic.wait_done("'two'")
    assert re.search(r"^two$", screen, re.M)
    assert "0: 'one'" not in screen                           # the list is gone


def test_classic_f7_left_puts_the_entry_on_the_line_and_esc_clears_it(classic):
    classic.key("F7")
    classic.wait_for("0: 'one'")
    classic.key("Home")
    classic.key("Left")
    classic.wait_for(lambda s: "0: 'one'" not in s and input_line(classic) == "'one'")
    classic.key("Escape")
    wait_line(classic, "")


def test_classic_f8_recalls_by_prefix_and_keeps_the_cursor(classic):
    classic.type("'t")
    classic.key("F8")
    wait_line(classic, "'three'")
    classic.key("F8")
    wait_line(classic, "'two'")
    classic.key("F8")                      # round again
    wait_line(classic, "'three'")
    classic.type("X")                      # the cursor stayed after the prefix
    wait_line(classic, "'tXhree'")


def test_classic_f9_asks_for_a_number_and_recalls_without_running(classic):
    classic.key("F9")
    classic.wait_for("Enter command number:")
    classic.type("0")
    classic.wait_for("Enter command number: 0")
    classic.key("Enter")
    classic.wait_for(lambda s: "Enter command number" not in s and input_line(classic) == "'one'")
    assert not re.search(r"^one$", classic.screen(), re.M)      # not run yet
    classic.key("Enter")
    assert re.search(r"^one$", classic.wait_done("'one'"), re.M)


def test_classic_has_no_colours_and_ctrl_z_types_nothing(classic):
    classic.type("Get-ExchangeCertificate -Thumbprint 'x'")
    classic.key("C-z")
    wait_line(classic, "Get-ExchangeCertificate -Thumbprint 'x'")
    line = coloured_prompt_line(classic)
    assert not SGR.search(line.split(">", 1)[1]), line       # no syntax colours
    classic.key("C-Space")
    classic.type("!")
    wait_line(classic, "Get-ExchangeCertificate -Thumbprint 'x'!")


def test_psreadline_undo_and_redo(psreadline):
    psreadline.type("Get-Date")
    wait_line(psreadline, "Get-Date")
    psreadline.key("C-z")
    wait_line(psreadline, "Get-Dat")
    psreadline.key("C-z")
    wait_line(psreadline, "Get-Da")
    psreadline.key("C-y")
    wait_line(psreadline, "Get-Dat")
    psreadline.key("C-y")
    wait_line(psreadline, "Get-Date")


def test_psreadline_ctrl_space_menu_then_tab_moves_in_it(psreadline):
    psreadline.type("Enable-ExchangeCertificate -Services I")
    psreadline.key("C-Space")
    screen = psreadline.wait_for(lambda s: "IIS" in s.split(PROMPT)[-1].split("\n", 1)[-1])
    assert "IMAP" in screen
    first = input_line(psreadline)
    psreadline.key("Tab")                  # Tab is alive: the next candidate
    psreadline.wait_for(lambda s: input_line(psreadline) not in (first, None))
    second = input_line(psreadline)
    assert {first, second} == {"Enable-ExchangeCertificate -Services IMAP",
                               "Enable-ExchangeCertificate -Services IIS"}
    psreadline.key("Enter")                # takes it, does not run
    psreadline.wait_for(lambda s: "IMAP" not in s or "IIS" not in s)
    wait_line(psreadline, second)
    psreadline.key("Tab")                  # and Tab completes in place again afterwards
    psreadline.key("C-c")


def test_psreadline_f8_prefix_search(psreadline):
    for text in ("'alpha'", "'beta'", "'alpine'"):
        psreadline.run(text)
    psreadline.clear()
    psreadline.type("'al")
    psreadline.key("F8")
    wait_line(psreadline, "'alpine'")
    psreadline.key("F8")
    wait_line(psreadline, "'alpha'")
    psreadline.key("S-F8")
    wait_line(psreadline, "'alpine'")


def test_psreadline_prompt_turns_red_on_a_parse_error(psreadline):
    red = re.compile(r"system32\x1b\[[0-9;]*91m>")
    psreadline.type("'unterminated")
    psreadline.wait_for(lambda s: red.search(coloured_prompt_line(psreadline)))
    psreadline.type("'")
    psreadline.wait_for(lambda s: not red.search(coloured_prompt_line(psreadline)))
    line = coloured_prompt_line(psreadline)
    assert "\x1b[36m" in line               # and the string is coloured (cyan)


def test_console_option_picks_the_other_console(tmp_path):
    with Terminal(["-NoLogo", "-Console", "PSReadLine"], home=str(tmp_path)) as term:
        term.wait_prompt()
        term.type("Get-Date")
        term.key("C-z")
        wait_line(term, "Get-Dat")         # undo: PSReadLine on Exchange 2010
    with Terminal(["-NoLogo", "-ExchangeVersion", "2019", "-Console", "Classic"],
                  home=str(tmp_path)) as term:
        term.wait_prompt()
        term.run("'listed'")
        term.key("F7")
        term.wait_for("0: 'listed'")       # the F7 list on Exchange 2019


def test_prediction_is_an_opt_in_greyed_suggestion(tmp_path):
    args = ["-NoLogo", "-ExchangeVersion", "2019"]
    with Terminal(args, home=str(tmp_path)) as term:
        term.wait_prompt()
        term.run("'predicted entry'")
        term.clear()
        term.type("'pre")
        wait_line(term, "'pre")                  # off by default: nothing after the cursor
    with Terminal(args + ["-PredictionSource", "History"], home=str(tmp_path)) as term:
        term.wait_prompt()
        term.type("'pre")
        wait_line(term, "'predicted entry'")     # shown after the cursor...
        line = coloured_prompt_line(term)
        assert re.search(r"\x1b\[[0-9;]*m[^\x1b]*dicted entry'", line.split("'pre", 1)[1])
        term.key("Right")                        # ...and taken with Right
        term.key("Enter")
        assert re.search(r"^predicted entry$", term.wait_done("'predicted entry'"), re.M)


def test_set_psreadlineoption_switches_prediction_on_in_the_running_console(tmp_path):
    with Terminal(["-NoLogo", "-ExchangeVersion", "2019"], home=str(tmp_path)) as term:
        term.wait_prompt()
        term.run("'predicted entry'")
        term.run("Set-PSReadLineOption -PredictionSource History")
        term.clear()
        term.type("'pre")
        wait_line(term, "'predicted entry'")
