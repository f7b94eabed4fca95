"""Session history and transcripts beyond the golden transcripts: the list's limits,
the bytes of a transcript file, nesting by version, the interactive shell's part
(lines recorded, answers in the transcript, the footer on exit), #id/#text completion."""
from __future__ import annotations

import datetime as _dt
import os

import pytest

from exshell.engine.history import History
from exshell.interactive import leave, run_line
from exshell.testing import make_shell


def file_bytes(shell, *parts):
    with open(os.path.join(shell.drive_root, *parts), "rb") as fh:
        return fh.read()


# ---------------------------------------------------------------- the list

def test_ids_keep_counting_when_old_entries_drop_out():
    h = History(maximum=3)
    for n in range(5):
        h.add("cmd %d" % n)
    assert [(e.Id, e.CommandLine) for e in h.entries] == [(3, "cmd 2"), (4, "cmd 3"), (5, "cmd 4")]
    assert h.add("   ") is None and h.next_id == 6


def test_maximum_history_count_is_read_at_each_line():
    shell, host = make_shell("2010")
    run_line(shell, "$MaximumHistoryCount = 2")
    for n in range(4):
        run_line(shell, "'line %d'" % n)
    host.clear()
    run_line(shell, "(Get-History).Count; (Get-History)[0].Id")
    assert host.text.split() == ["2", "4"]


def test_the_default_limit_is_the_dialects():
    for version, limit in (("2010", 64), ("2016", 4096)):
        shell, host = make_shell(version)
        run_line(shell, "$MaximumHistoryCount")
        assert host.text.strip() == str(limit)


def test_statuses_and_times():
    shell, host = make_shell("2016")
    run_line(shell, "'fine'")
    run_line(shell, "Get-Item C:\\nothing")          # a non-terminating error: completed
    run_line(shell, "throw 'stop'")
    run_line(shell, "Set-Date (Get-Date).AddMinutes(5) | Out-Null")
    history = shell.context.find(History)
    assert [e.ExecutionStatus for e in history.entries] == ["Completed", "Completed", "Failed",
                                                           "Completed"]
    last = history.entries[-1]
    assert last.EndExecutionTime - last.StartExecutionTime == _dt.timedelta(minutes=5)


def test_scripts_and_commands_are_not_recorded():
    shell, host = make_shell("2010")
    shell.run("'not typed at the prompt'")
    host.clear()
    run_line(shell, "Get-History")
    assert "not typed" not in host.text


def test_invoke_history_refuses_to_loop():
    shell, host = make_shell("2010")
    run_line(shell, "'x'")
    run_line(shell, "Invoke-History 2")             # not yet in the history: not found
    run_line(shell, "r 2")                           # entry 2 is "Invoke-History 2"
    assert "The Invoke-History cmdlet is called repeatedly, in a loop." in host.text


# ---------------------------------------------------------------- transcript files

@pytest.mark.parametrize("version, bom, encoding", [
    ("2010", b"\xff\xfe", "utf-16-le"),      # PowerShell 2.0 writes Unicode
    ("2016", b"\xef\xbb\xbf", "utf-8"),      # 5.1 writes UTF-8 with a byte order mark
])
def test_the_file_has_the_versions_encoding_and_windows_line_ends(version, bom, encoding):
    shell, host = make_shell(version)
    run_line(shell, "Start-Transcript C:\\t.txt | Out-Null")
    run_line(shell, "'caf\u00e9'")
    run_line(shell, "Stop-Transcript | Out-Null")
    data = file_bytes(shell, "C", "t.txt")
    assert data.startswith(bom) and data.count(bom) == 1
    text = data[len(bom):].decode(encoding)
    assert "\r\ncaf\u00e9\r\n" in text and "\n" not in text.replace("\r\n", "")


def test_default_file_name_and_folder():
    shell, host = make_shell("2010")
    run_line(shell, "Start-Transcript")
    assert "output file is C:\\Users\\Administrator\\Documents\\PowerShell_transcript.20261128100000.txt" \
        in host.text
    shell, host = make_shell("2019")
    run_line(shell, "Start-Transcript")
    import re
    assert re.search(r"output file is C:\\Users\\Administrator\\Documents\\"
                     r"PowerShell_transcript\.EX01\.[A-Za-z0-9]{8}\.20261128100000\.txt", host.text)


def test_one_transcript_at_a_time_on_2_0_nested_on_5_1():
    shell, host = make_shell("2010")
    run_line(shell, "Start-Transcript C:\\a.txt")
    run_line(shell, "Start-Transcript C:\\b.txt")
    assert "Transcription has already been started." in host.text
    shell, host = make_shell("2016")
    run_line(shell, "Start-Transcript C:\\a.txt")
    run_line(shell, "Start-Transcript C:\\b.txt")
    run_line(shell, "'both'")
    run_line(shell, "Stop-Transcript")
    run_line(shell, "'outer only'")
    run_line(shell, "Stop-Transcript")
    outer = file_bytes(shell, "C", "a.txt").decode("utf-8-sig")
    inner = file_bytes(shell, "C", "b.txt").decode("utf-8-sig")
    assert "both" in outer and "both" in inner
    assert "outer only" in outer and "outer only" not in inner
    assert inner.count("transcript end") == 1 and outer.count("transcript end") == 1


def test_leaving_the_shell_writes_the_footer():
    shell, host = make_shell("2016")
    run_line(shell, "Start-Transcript C:\\t.txt")
    leave(shell)
    assert file_bytes(shell, "C", "t.txt").decode("utf-8-sig").rstrip().endswith(
        "**********************")
    assert "transcript end" in file_bytes(shell, "C", "t.txt").decode("utf-8-sig")


def test_a_bad_path_is_an_error_and_nothing_starts():
    shell, host = make_shell("2010")
    run_line(shell, "Start-Transcript Q:\\t.txt")
    run_line(shell, "Stop-Transcript")
    assert "Cannot find drive" in host.text
    assert "not currently transcribing" in host.text


# ---------------------------------------------------------------- the REPL's part

def drive(shell, keys):
    import io
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output.vt100 import Vt100_Output
    from exshell.repl.app import run_repl
    buf = io.StringIO()
    out = Vt100_Output(buf, lambda: Size(rows=40, columns=100), term="xterm")
    with create_pipe_input() as inp:
        inp.send_text(keys + "\x04")
        return run_repl(shell, None, history=None, pt_input=inp, pt_output=out, stdout=buf)


def test_the_repl_records_history_and_the_answers_in_the_transcript():
    shell, host = make_shell("2010")
    drive(shell, "Start-Transcript C:\\t.txt\r'one'\rRemove-ExchangeCertificate "
                 "-Thumbprint (Get-ExchangeCertificate)[0].Thumbprint\rn\r")
    text = file_bytes(shell, "C", "t.txt").decode("utf-16")
    assert "[PS] C:\\Windows\\system32>'one'\r\none\r\n" in text
    assert '(default is "Y"):n\r\n' in text.replace('(default is "Y"): n', '(default is "Y"):n')
    assert text.rstrip().endswith("**********************")          # footer on Ctrl-D
    history = shell.context.find(History)
    assert [e.CommandLine for e in history.entries][:2] == ["Start-Transcript C:\\t.txt", "'one'"]


def test_hash_id_and_hash_text_complete_from_the_history():
    from exshell.repl.history_completion import history_candidates
    shell, host = make_shell("2010")
    for line in ("Get-ExchangeCertificate | fl", "'other'", "Get-ExchangeCertificate -Server EX01"):
        run_line(shell, line)
    assert [c.text for c in history_candidates(shell, "#2")] == ["'other'"]
    assert [c.text for c in history_candidates(shell, "#xchange")] == [
        "Get-ExchangeCertificate -Server EX01", "Get-ExchangeCertificate | fl"]
    assert history_candidates(shell, "#99") == []
    assert history_candidates(shell, "Get-Date #2") is None      # only a whole #line
    c = history_candidates(shell, "#2")[0]
    assert c.replace == 2


def test_tab_on_a_hash_line_in_the_repl():
    shell, host = make_shell("2010")
    drive(shell, "'first'\r#1\t\r")
    assert [e.CommandLine for e in shell.context.find(History).entries] == ["'first'", "'first'"]
