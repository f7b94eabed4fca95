"""Script files in the encodings Windows PowerShell reads: a byte-order mark decides
(UTF-8, UTF-16 LE/BE, UTF-32), else UTF-8, else Windows-1252.  Every way of running a
script file decodes the same way."""
import os
import subprocess
import sys

import pytest

from exshell.lang.source import decode_script
from exshell.testing import make_shell

TEXT = "param($n = 2)\n\"héllo $n\" # ü ☺\n"


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    b"\xff\xfe" + TEXT.encode("utf-16-le"),
    b"\xfe\xff" + TEXT.encode("utf-16-be"),
    b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"),
    b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom", "utf32be-bom"])
def test_a_byte_order_mark_decides(data):
    assert decode_script(data) == TEXT


def test_without_a_mark_invalid_utf8_is_windows_1252():
    assert decode_script("'café – 5 €'".encode("cp1252")) == "'café – 5 €'"


def test_undecodable_bytes_never_raise():
    assert decode_script(b"\xff\xfe\x00") == "\ufffd"


def _utf16(text):
    return b"\xff\xfe" + text.encode("utf-16-le")  # what Out-File writes on 5.1


@pytest.mark.parametrize("encode", [_utf16, lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")],
                         ids=["utf16", "utf8-bom"])
def test_scripts_on_the_drive_run_and_dot_source(encode):
    shell, host = make_shell("2016")
    shell.drive.make_folder(shell.drive.resolve("C:\\s", shell.location))
    shell.drive.write_bytes(shell.drive.resolve("C:\\s\\x.ps1", shell.location),
                            encode("param($n = 2)\n$v = \"é$n\"\n$v\n"))
    out = []
    shell.run("& C:\\s\\x.ps1 3; . C:\\s\\x.ps1 4; \"after $v\"", out=out.append)
    assert shell.internal_errors == [] and out == ["é3", "é4", "after é4"], host.text


def _cli(*args):
    env = dict(os.environ, EXSHELL_CLOCK="2026-11-28T10:00:00", EXSHELL_DETERMINISTIC="1", NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "exshell", "-NonInteractive", "-NoLogo", *args],
                          capture_output=True, text=True, env=env, timeout=120)


def test_file_and_check_syntax_read_utf16(tmp_path):
    script = tmp_path / "out-file.ps1"
    script.write_bytes(_utf16("$x = 'é'\n\"[$x]\"\n"))
    bad = tmp_path / "bad.ps1"
    bad.write_bytes(_utf16("'ok'\n1 2\n"))
    run = _cli("-File", str(script))
    assert run.returncode == 0 and run.stdout.strip() == "[é]", run.stdout + run.stderr
    check = _cli("-CheckSyntax", str(script))
    assert check.returncode == 0 and check.stdout == "", check.stdout
    check = _cli("-CheckSyntax", str(bad))
    assert check.returncode == 1 and "Unexpected token '2'" in check.stdout
    assert "bad.ps1:2" in check.stdout
