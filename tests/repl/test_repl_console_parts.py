"""The consoles' parts without a terminal: conhost's history buffer, its popups and line
operations, the Tab cycle, PSReadLine's history search, red prompt and key table."""
from __future__ import annotations

import pytest

from exshell.engine.psreadline import DESCRIPTIONS, GROUPS, KEY_HANDLERS, TERMINAL_KEYS
from exshell.repl.conhost import (COPY_TO_PROMPT, DELETE_TO_PROMPT, NUMBER_PROMPT, ListPopup,
                                  PromptPopup, copy_one, copy_rest, copy_to_char, delete_to_char,
                                  input_rows)
from exshell.repl.console_history import BUFFER_SIZE, ConsoleHistory
from exshell.repl.psreadline import ParseErrorCheck, prompt_fragments, search_history
from exshell.repl.tabcycle import TabCycle


def history(*lines):
    h = ConsoleHistory()
    for line in lines:
        h.add(line)
    return h


# ---------------------------------------------------------------- conhost's history

def test_up_recalls_the_newest_first_and_stops_at_the_oldest():
    h = history("a", "b", "c")
    assert [h.previous() for _ in range(4)] == ["c", "b", "a", None]
    assert [h.next() for _ in range(3)] == ["b", "c", None]


def test_empty_lines_and_repeats_of_the_newest_are_not_kept():
    h = history("a", "", "  ", "a", "b", "a")
    assert h.commands == ["a", "b", "a"]


def test_the_buffer_keeps_the_newest_fifty():
    h = history(*("cmd%d" % i for i in range(BUFFER_SIZE + 5)))
    assert len(h) == BUFFER_SIZE and h.commands[0] == "cmd5" and h.commands[-1] == "cmd54"


def test_f8_cycles_matching_entries_round_and_ignores_case():
    h = history("Get-Date", "dir", "get-exchangecertificate", "Get-Help")
    assert [h.matching("get-") for _ in range(4)] == [
        "Get-Help", "get-exchangecertificate", "Get-Date", "Get-Help"]
    assert h.matching("nothing") is None
    assert history("x", "y").matching("") == "y"          # an empty prefix: every entry


def test_nth_pgup_pgdn_and_the_entry_f1_copies_from():
    h = history("a", "b", "c")
    assert (h.oldest(), h.newest()) == ("a", "c")
    assert h.nth(1) == "b" and h.last_recalled() == "b"
    assert h.nth(99) == "c"                               # F9 with too big a number: the newest
    h.clear()
    assert (len(h), h.previous(), h.last_recalled()) == (0, None, "")


# ---------------------------------------------------------------- conhost's popups

def test_list_popup_layout_numbers_from_zero_and_chooses_the_newest():
    h = history("'one'", "Get-ExchangeCertificate | fl Thumbprint")
    popup = ListPopup(h)
    lines = ["".join(t for _, t in line) for line in popup.render(80, 40)]
    # 40 wide at least (or the longest entry + 4), 10 rows at least, centred.
    assert lines[0] == " " * 17 + "\u250c" + "\u2500" * 43 + "\u2510"
    assert lines[1] == " " * 17 + "\u2502" + "0: 'one'".ljust(43) + "\u2502"
    assert len(lines) == 12 and lines[-1].strip() == "\u2514" + "\u2500" * 43 + "\u2518"
    chosen = [text for line in popup.render(80, 40) for style, text in line if "bg:ansicyan" in style]
    assert chosen == ["1: Get-ExchangeCertificate | fl Thumbprint".ljust(43)]


def test_list_popup_scrolls_with_the_choice_and_jumps_to_a_letter():
    h = history(*("cmd%02d" % i for i in range(30)))
    popup = ListPopup(h)
    assert popup.height == 20 and popup.selected == 29
    shown = lambda: [t.split(":")[0].strip() for line in popup.render(80, 40)[1:-1]  # noqa: E731
                     for _, t in line if ":" in t]
    assert shown()[0] == "10" and shown()[-1] == "29"
    popup.move(-25)
    assert popup.selected == 4 and shown()[0] == "4"
    popup.move(-100)
    assert popup.selected == 0
    h.add("zeta")
    popup = ListPopup(h)
    popup.jump_to_letter("c")
    assert popup.selected == 29                            # the next older one starting with c
    assert popup.delete() and h.commands[29] == "zeta"


def test_list_popup_fits_under_the_input_in_a_small_window():
    h = history(*("cmd%02d" % i for i in range(30)))
    prompt = "[PS] C:\\Windows\\system32>"
    assert input_rows(prompt, "", 80) == 1
    assert input_rows(prompt, "x" * 60, 80) == 2                   # wrapped
    assert input_rows(prompt, "a\nb", 80) == 2                     # a continuation line
    assert input_rows(prompt, "", 12) == 3
    # 12 rows, one for the input: a box of 11 rows, not the usual 22 cut off.
    lines = ["".join(t for _, t in line) for line in ListPopup(h).render(80, 12 - 1)]
    assert len(lines) == 11 and lines[-1].strip().startswith("\u2514")


def test_prompt_popups_say_what_conhost_says():
    number = PromptPopup("number")
    for ch in "12a34567":
        number.type_digit(ch)
    assert number.typed == "12345" and number.number() == 12345
    number.backspace()
    assert number.number() == 1234
    text = "".join(t for line in number.render(80, 24) for _, t in line)
    assert NUMBER_PROMPT + "1234" in text
    assert PromptPopup("copy_to").prompt == COPY_TO_PROMPT == "Enter char to copy up to: "
    assert PromptPopup("delete_to").prompt == DELETE_TO_PROMPT == "Enter char to delete up to: "


@pytest.mark.parametrize("op, args, result", [
    (copy_one, ("", 0, "dir C:\\"), ("d", 1)),
    (copy_one, ("di", 2, "dir C:\\"), ("dir", 3)),
    (copy_one, ("dir C:\\", 7, "dir"), ("dir C:\\", 7)),
    (copy_one, ("abc", 1, "xyz"), ("abc", 2)),              # inside the line: just moves
    (copy_rest, ("di", 2, "dir C:\\"), ("dir C:\\", 7)),
    (copy_rest, ("XY", 0, "dir"), ("dir", 3)),
    (copy_rest, ("dir C:\\", 7, "dir"), ("dir C:\\", 7)),
    (copy_to_char, ("", 0, "Get-Item C:\\x", " "), ("Get-Item", 8)),
    (copy_to_char, ("", 0, "Get-Item", "z"), ("", 0)),
    (delete_to_char, ("Get-Item -Path x", 0, "-"), ("-Item -Path x", 0)),
    (delete_to_char, ("Get-Item -Path x", 4, "q"), ("Get-", 4)),
])
def test_copy_and_delete_keys(op, args, result):
    assert op(*args) == result


# ---------------------------------------------------------------- the Tab cycle

class C:
    def __init__(self, text, replace):
        self.text, self.replace = text, replace


def test_tab_cycles_in_place_and_shift_tab_goes_back():
    calls = []

    def source(before):
        calls.append(before)
        word = before.rsplit(" ", 1)[-1]
        return [C(n, len(word)) for n in ("IMAP", "IIS") if n.startswith(word)]

    tab = TabCycle(source)
    text = "Enable-ExchangeCertificate -Services I | fl"
    cursor = text.index(" |")
    first = tab.press(text, cursor)
    assert first == ("Enable-ExchangeCertificate -Services IMAP | fl", cursor + 3)
    second = tab.press(*first)
    assert second[0] == "Enable-ExchangeCertificate -Services IIS | fl"
    assert tab.press(*second)[0] == first[0]             # round again
    assert tab.press(*first, backward=True)[0] == second[0]
    assert len(calls) == 1                               # one completion per cycle
    tab.press("x -Services I", 13)                       # an edited line starts a new cycle
    assert len(calls) == 2


def test_tab_with_nothing_to_complete_or_a_failing_source_changes_nothing():
    assert TabCycle(lambda before: []).press("abc", 3) is None

    def broken(before):
        raise RuntimeError("boom")
    assert TabCycle(broken).press("abc", 3) is None


def test_tab_on_the_real_completer(shell):
    from exshell.repl.completion import complete
    tab = TabCycle(lambda before: complete(shell, before))
    text, cursor = tab.press("Get-ExchangeCert", 16)
    assert text == "Get-ExchangeCertificate"


# ---------------------------------------------------------------- PSReadLine

def test_history_search_by_prefix_both_ways():
    entries = ["'alpha'", "'beta'", "'alpine'", "'alpine'"]
    assert search_history(entries, "'al", 4, backward=True) == 3
    assert search_history(entries, "'al", 3, backward=True) == 0     # the same text is skipped
    assert search_history(entries, "'AL", 0, backward=False) == 2    # case-insensitive
    assert search_history(entries, "'AL", 0, backward=False, case_sensitive=True) is None
    assert search_history(entries, "", 4, backward=True) == 3


def test_prompt_turns_red_only_at_its_last_symbol():
    assert prompt_fragments("[PS] C:\\>", False) == [("", "[PS] C:\\>")]
    assert prompt_fragments("[PS] C:\\Windows\\system32>", True) == [
        ("", "[PS] C:\\Windows\\system32"), ("ansibrightred", ">"), ("", "")]
    assert prompt_fragments("no symbol", True) == [("", "no symbol")]


def test_parse_error_check_asks_once_per_text(shell):
    calls = []

    def parse(text):
        calls.append(text)
        return shell.parse(text)

    check = ParseErrorCheck(parse)
    assert check("Get-Date") is False
    assert check("Get-Date") is False and len(calls) == 1
    assert check("'unterminated") is True          # unfinished input counts (as in PSReadLine)
    assert check("Get-Date )") is True
    assert check("   ") is False


def test_every_bound_key_has_a_description_a_group_and_a_terminal_key():
    groups = {g for g, _ in GROUPS}
    for handler in KEY_HANDLERS:
        assert handler.Function in DESCRIPTIONS
        assert handler.Group in groups and handler.Description
        assert TERMINAL_KEYS[handler.Key]
    assert len({h.Key for h in KEY_HANDLERS}) == len(KEY_HANDLERS)


def test_the_psreadline_bindings_cover_the_table():
    """Every key of the table is bound by the REPL (nothing listed that does nothing)."""
    from exshell.engine.psreadline import PSReadLineOptions
    from exshell.repl.keys import make_key_bindings
    from exshell.repl.psreadline import make_psreadline_bindings
    from exshell.testing import make_shell
    from prompt_toolkit.key_binding import merge_key_bindings
    from prompt_toolkit.shortcuts.prompt import PromptSession
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    sh, _ = make_shell("2016")
    own = merge_key_bindings([make_key_bindings(sh), make_psreadline_bindings(
        PSReadLineOptions(), TabCycle(lambda b: []), lambda b: 0)])
    from prompt_toolkit.key_binding.bindings.emacs import load_emacs_bindings
    from prompt_toolkit.key_binding.defaults import load_key_bindings
    from prompt_toolkit.key_binding.key_bindings import _parse_key

    with create_pipe_input() as inp:
        session = PromptSession(input=inp, output=DummyOutput(), key_bindings=own)
        every = merge_key_bindings([load_key_bindings(), load_emacs_bindings(),
                                    session.app.key_bindings])
        for handler in KEY_HANDLERS:
            keys = tuple(_parse_key(k) for k in TERMINAL_KEYS[handler.Key])
            assert every.get_bindings_for_keys(keys), handler


def test_psreadline_colours_become_styles():
    from exshell.engine.psreadline import PSReadLineOptions
    from exshell.repl.psreadline import sgr_style, token_styles
    assert sgr_style("\x1b[93m") == "ansibrightyellow"
    assert sgr_style("\x1b[30;47m") == "ansiblack bg:ansigray"
    assert sgr_style("\x1b[38;5;200m") == ""          # 256-colour codes: left out
    styles = token_styles(PSReadLineOptions().colors)
    assert styles["ps.command"] == "ansibrightyellow" and styles["ps.string"] == "ansicyan"


@pytest.mark.parametrize("version, present", [("2010", False), ("2013", False), ("2016", True),
                                              ("2019", True)])
def test_psreadline_cmdlets_exist_where_the_server_runs_psreadline(version, present):
    from exshell.testing import make_shell
    sh, host = make_shell(version)
    sh.run("Get-PSReadLineOption | Out-Null")
    assert ("is not recognized" in host.text) is (not present)
