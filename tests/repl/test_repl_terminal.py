"""The REPL in a real terminal (tmux): the renewal procedure typed with Tab,
prompts answered, a script pasted, Ctrl-C in three places, resize, history.

Marked ``terminal`` (``-m "not terminal"`` skips them); skipped without tmux.
Each test reads the screen after every step.
"""
from __future__ import annotations

import re

import pytest

from repl_terminal_kit import PROMPT, Terminal, have_tmux

pytestmark = [pytest.mark.terminal,
              pytest.mark.skipif(not have_tmux(), reason="tmux is not installed")]

THUMB = re.compile(r"\b[0-9A-F]{40}\b")


@pytest.fixture
def term(tmp_path):
    with Terminal(home=str(tmp_path)) as t:
        t.wait_prompt()
        yield t


def table_thumbprints(screen):
    """Thumbprints in the first column of table rows on the screen."""
    return [m.group(1) for m in re.finditer(r"^([0-9A-F]{40})  ", screen, re.M)]


def test_renewal_procedure_with_tab_completion(term):
    screen = term.screen()
    assert "Exchange Server 2010" in screen  # the banner

    # 1. The existing certificate, its thumbprint completed with Tab.
    term.type("Get-ExchangeCertificate -Thumbprint ")
    term.key("Tab")
    screen = term.wait_for(re.compile(r"-Thumbprint [0-9A-F]{40}"))
    old = re.search(r"-Thumbprint ([0-9A-F]{40})", screen).group(1)

    # 2. Renew it: the SMTP prompt in the 2010 layout, answered Y as the article does.
    term.type(" | New-ExchangeCertificate")
    term.key("Enter")
    screen = term.wait_for('(default is "Y"):')
    assert "Overwrite existing default SMTP certificate," in screen
    assert "'%s'" % old in screen
    term.line("y")
    screen = term.wait_done("Get-ExchangeCertificate -Thumbprint %s | New" % old)
    new = [t for t in table_thumbprints(screen) if t != old]
    assert len(new) == 1
    new = new[0]

    # 3. Enable it for IIS: the thumbprint from its first characters; Tab cycles the
    #    services in place, as the classic console of Exchange 2010 does (no menu).
    term.clear()
    term.type("Enable-ExchangeCertificate -Thumbprint " + new[:4])
    term.key("Tab")
    term.wait_for("-Thumbprint " + new)
    term.type(" -Services I")
    term.key("Tab")
    term.wait_for("-Services IMAP")
    term.key("Tab")
    screen = term.wait_for("-Services IIS")
    assert "IMAP" not in screen
    term.key("Enter")
    screen = term.wait_done("Enable-ExchangeCertificate -Thumbprint %s -Services IIS" % new)
    assert "Services IIS" in screen and "error" not in screen.lower()

    # 4. Remove the old one (confirmation prompt), then look.
    term.clear()
    term.type("Remove-ExchangeCertificate -Thumbprint ")
    term.key("Tab")                       # newest first, as Get-ExchangeCertificate lists them
    term.wait_for("-Thumbprint " + new)
    term.key("Tab")
    term.wait_for("-Thumbprint " + old)
    term.key("BTab")                      # and back
    term.wait_for("-Thumbprint " + new)
    term.key("BTab")
    term.wait_for("-Thumbprint " + old)
    term.key("Enter")
    screen = term.wait_for('(default is "Y"):')
    assert "Are you sure you want to perform this action?" in screen
    term.line("y")
    term.wait_done("Remove-ExchangeCertificate -Thumbprint " + old)
    term.clear()
    screen = term.run("Get-ExchangeCertificate")
    assert table_thumbprints(screen) == [new]
    assert re.search(r"^%s  IP\.WS\.?\s+CN=EX01" % new, screen, re.M)


def test_paste_a_script_and_continue_lines(term):
    script = ("foreach ($c in Get-ExchangeCertificate) {\n"
              "    'T=' + $c.Thumbprint\n"
              "}\n"
              "'pasted'\n")
    term.paste(script)
    screen = term.wait_done("foreach ($c in Get-ExchangeCertificate) {")
    assert re.search(r"^T=[0-9A-F]{40}$", screen, re.M)
    assert ">>     'T=' + $c.Thumbprint" in screen  # shown as one multi-line input
    assert screen.count(PROMPT) == 2                # ran once, one new prompt

    term.clear()
    term.line("Get-ExchangeCertificate |")
    term.wait_for(re.compile(r"^>>\s*$", re.M))
    term.line("Format-List Subject")
    screen = term.wait_done("Get-ExchangeCertificate |")
    assert "Subject : CN=EX01" in screen


def test_ctrl_c_clears_the_line_cancels_a_prompt_and_stops_a_pipeline(term):
    # On the line: dropped, a fresh prompt, nothing ran.
    term.type("Remove-ExchangeCertificate")
    term.key("C-c")
    term.wait_for(lambda s: s.count(PROMPT) == 2)
    term.clear()

    # During a confirmation prompt: the command stops, nothing is removed.
    term.type("Remove-ExchangeCertificate -Thumbprint ")
    term.key("Tab")
    screen = term.wait_for(THUMB)
    thumb = THUMB.search(screen).group(0)
    term.key("Enter")
    term.wait_for('(default is "Y"):')
    term.key("C-c")
    term.wait_done("Remove-ExchangeCertificate -Thumbprint " + thumb)
    term.clear()
    assert table_thumbprints(term.run("Get-ExchangeCertificate")) == [thumb]

    # During a long pipeline.
    term.clear()
    term.line("'started'; while ($true) { $n = 1 }")
    term.wait_for(re.compile(r"^started$", re.M))
    term.key("C-c")
    term.wait_done("'started'")
    screen = term.run("'still here'")
    assert re.search(r"^still here$", screen, re.M)

    # Ctrl-D on an empty line leaves with 0.
    term.key("C-d")
    assert term.exit_status() == 0


def test_output_reflows_after_resize(term):
    screen = term.run("Get-ExchangeCertificate | Format-List Thumbprint,Subject")
    assert re.search(r"^Thumbprint : [0-9A-F]{40}$", screen, re.M)

    term.resize(36, 40)
    term.clear()
    term.run("Get-ExchangeCertificate | Format-List Thumbprint,Subject")
    # Joined capture undoes the terminal's own wrapping: every line still fits, so the
    # formatter wrapped the value itself at the new width.
    lines = [l for l in term.lines(joined=True) if l and not l.startswith(PROMPT)]
    assert all(len(l) <= 36 for l in lines), lines
    thumb_line = [l for l in lines if l.startswith("Thumbprint : ")][0]
    assert len(thumb_line) < len("Thumbprint : ") + 40


def test_history_errors_in_red_and_exit(tmp_path):
    """PSReadLine (Exchange 2016): history kept in a file, Ctrl-R.  Every key waits
    for the screen to show what the one before did (the machine may be busy)."""
    with Terminal(["-ExchangeVersion", "2016"], home=str(tmp_path)) as term:
        term.wait_prompt()
        term.run("'alpha one'")
        term.run("'beta two'")
        term.clear()
        # Up recalls the newest entry, Up again the older one.
        term.key("Up")
        term.wait_for(PROMPT + "'beta two'")
        term.key("Up")
        term.wait_for(PROMPT + "'alpha one'")
        # Ctrl-C drops the line: it stays on the screen, a fresh prompt comes under it.
        term.key("C-c")
        term.wait_for(lambda s: _last_lines(s, 2) == [PROMPT + "'alpha one'", PROMPT])
        term.clear()
        # Ctrl-R searches the history.
        term.key("C-r")
        term.wait_for("bck-i-search:")
        term.type("beta")
        term.wait_for(lambda s: "bck-i-search: beta" in s and PROMPT + "'beta two'" in s)
        term.key("Enter")        # leave the search with the entry on the line
        term.wait_for(lambda s: "search" not in s and _last_lines(s, 1) == [PROMPT + "'beta two'"])
        term.key("Enter")        # run it
        screen = term.wait_done("'beta two'")
        assert re.search(r"^beta two$", screen, re.M)

        # Errors are red (bright red, SGR 91).
        term.clear()
        term.run("Get-ExchangeCertificate -Thumbprint NOPE")
        coloured = term.screen(colours=True)
        assert re.search(r"\x1b\[91m[^\n]*The certificate with thumbprint NOPE was not found", coloured)

        term.line("exit 4")
        assert term.exit_status() == 4
    history = (tmp_path / ".local" / "share" / "exshell" / "history").read_text()
    assert "+'alpha one'" in history and "+exit 4" in history


def _last_lines(screen, count):
    """The last ``count`` lines of the screen that are not empty."""
    return [l.rstrip() for l in screen.split("\n") if l.strip()][-count:]


def test_nologo(tmp_path):
    with Terminal(["-NoLogo"], home=str(tmp_path)) as term:
        screen = term.wait_prompt()
        assert [l for l in screen.split("\n") if l.strip()] == [PROMPT]
        term.key("C-d")
        assert term.exit_status() == 0
