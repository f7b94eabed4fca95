"""The real EMS start (issue 12 item 6): each version's banner, the tip of the day, the
VERBOSE connection lines, -NoLogo; Get-ExCommand, QuickRef, Get-ExBlog; Get-Command's
command types (Function through implicit remoting on 2010+, Cmdlet on 2007,
Application for the .exe programs)."""
import datetime as _dt
import os
import subprocess
import sys

import pytest

from exshell.ems import banner_text, ems_banner_lines, tip_of_the_day
from exshell.help.banner import TIPS
from exshell.profiles import get_profile
from exshell.testing import make_shell

NOW = _dt.datetime(2026, 11, 28, 10, 0, 0)

BANNER_2010 = """
         Welcome to the Exchange Management Shell!

Full list of cmdlets: Get-Command
Only Exchange cmdlets: Get-ExCommand
Cmdlets that match a specific string: Help *<string>*
Get general help: Help
Get help for a cmdlet: Help <cmdlet name> or <cmdlet name> -?
Show quick reference guide: QuickRef
Exchange team blog: Get-ExBlog
Show full output for a command: <command> | Format-List
"""

BANNER_2013 = """
         Welcome to the Exchange Management Shell!

Full list of cmdlets: Get-Command
Only Exchange cmdlets: Get-ExCommand
Cmdlets that match a specific string: Help *<string>*
Get general help: Help
Get help for a cmdlet: Help <cmdlet name> or <cmdlet name> -?
Exchange team blog: Get-ExBlog
Show full output for a command: <command> | Format-List

Show quick reference guide: QuickRef
VERBOSE: Connecting to EX01.contoso.com.
VERBOSE: Connected to EX01.contoso.com."""


def test_2010_banner_tip_and_connection_lines():
    text = "\n".join(ems_banner_lines(get_profile("2010"), "EX01.contoso.com", NOW))
    assert text.startswith(BANNER_2010)
    tip = "\n".join(tip_of_the_day(NOW))
    assert BANNER_2010 + "\n" + tip + "\nVERBOSE: Connecting to EX01.contoso.com\n" \
        "VERBOSE: Connected to EX01.contoso.com." == text


@pytest.mark.parametrize("version", ["2013", "2016", "2019-CU11"])
def test_2013_and_later_banner(version):
    assert "\n".join(ems_banner_lines(get_profile(version), "EX01.contoso.com", NOW)) == BANNER_2013


def test_2007_banner_has_no_connection_and_aligned_commands():
    lines = ems_banner_lines(get_profile("2007"), "EX01.contoso.com", NOW)
    assert "Welcome to the Exchange Management Shell!" in lines[1]
    assert " Full list of cmdlets:          get-command" in lines
    assert not any(l.startswith("VERBOSE:") for l in lines)
    assert any(l.startswith("Tip of the day #") for l in lines)


def test_the_tip_changes_with_the_day_and_stays_within_the_set():
    seen = {tip_of_the_day(NOW + _dt.timedelta(days=d))[0] for d in range(len(TIPS))}
    assert len(seen) == len(TIPS)
    assert tip_of_the_day(NOW) == tip_of_the_day(NOW.replace(hour=23))


def test_the_world_lines_come_first():
    text = banner_text(get_profile("2016"), "EX02.fabrikam.com", NOW, ["World: lab"])
    assert text.index("World: lab") < text.index("Welcome to the Exchange Management Shell!")
    assert "VERBOSE: Connected to EX02.fabrikam.com." in text
    assert all(len(line) <= 80 for line in text.split("\n")[:3])


def _exshell(args, tmp_path, stdin="exit\n"):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path), EXSHELL_CLOCK="2026-11-28T10:00:00")
    env.pop("EXSHELL_FRESH", None)
    return subprocess.run([sys.executable, "-m", "exshell"] + args, input=stdin, text=True,
                          capture_output=True, env=env, timeout=60)


def test_the_banner_from_the_command_line_and_nologo(tmp_path):
    """run_plain prints the banner when input is a terminal; here the piped input runs
    as a script, so the banner is asked for through the same function the CLI uses."""
    from exshell.cli import _banner
    shell, _ = make_shell("2010")
    text = _banner(shell)
    assert "Welcome to the Exchange Management Shell!" in text and "World:" in text
    assert "VERBOSE: Connecting to EX01.contoso.com" in text
    done = _exshell(["-NoLogo", "-Fresh", "-Command", "Get-ExBlog"], tmp_path)
    assert "Welcome" not in done.stdout and "go.microsoft.com/fwlink/?LinkId=35786" in done.stdout


@pytest.mark.parametrize("version, kind, module", [
    ("2007", "Cmdlet", "Microsoft.Exchange.Management.PowerShell.Admin"),
    ("2010", "Function", "tmp_"), ("2016", "Function", "tmp_"),
])
def test_exchange_commands_are_proxy_functions_from_2010(version, kind, module):
    shell, host = make_shell(version)
    shell.run("$c = Get-Command Get-ExchangeCertificate; $c.CommandType; $c.ModuleName")
    lines = host.text.split()
    assert lines[0] == kind and lines[1].startswith(module)
    host.clear()
    shell.run("(Get-Command Get-Date).CommandType; (Get-Command Get-ExCommand).CommandType")
    assert host.text.split() == ["Cmdlet", "Function"]


def test_the_remoting_module_is_one_per_session_and_get_command_filters_by_it():
    shell, host = make_shell("2016")
    shell.run("$m = (Get-Command New-ExchangeCertificate).ModuleName; $m; "
              "(Get-Command -Module $m | Where-Object { $_.Name -like '*-ExchangeCertificate' }).Count; "
              "(Get-Command -Module $m | Where-Object { $_.CommandType -ne 'Function' }).Count")
    name, count, others = host.text.split()
    assert name.startswith("tmp_") and len(name) == len("tmp_xxxxxxxx.xxx")
    assert count == "6" and others == "0"


@pytest.mark.parametrize("version, column", [("2010", "C:\\Windows\\system32\\certreq.exe"),
                                             ("2016", "10.0.14... C:\\Windows\\system32\\certreq.exe")])
def test_programs_are_applications(version, column):
    shell, host = make_shell(version)
    shell.run("Get-Command certreq, iisreset.exe | Format-Table CommandType,Name,Source,Version -AutoSize")
    assert "Application certreq.exe" in " ".join(host.text.split())
    assert "Application iisreset.exe" in " ".join(host.text.split())
    host.clear()
    shell.run("Get-Command certreq")
    assert column in host.text


def test_get_excommand_lists_only_exchange_commands():
    shell, host = make_shell("2010")
    shell.run("Get-ExCommand | ForEach-Object { $_.Name }")
    names = host.text.split()
    assert "Get-ExchangeCertificate" in names and "New-FederationTrust" in names
    assert "Get-Date" not in names and "Get-ExCommand" not in names
    host.clear()
    shell.run("Get-ExCommand *Trust | ForEach-Object { $_.Name }")
    assert host.text.split() == ["Get-FederationTrust", "New-FederationTrust",
                                 "Remove-FederationTrust", "Set-FederationTrust",
                                 "Test-FederationTrust"]


@pytest.mark.parametrize("version, target", [
    ("2007", "C:\\Program Files\\Microsoft\\Exchange Server\\bin\\exquick.htm"),
    ("2010", "C:\\Program Files\\Microsoft\\Exchange Server\\V14\\bin\\en\\exquick.htm"),
    ("2019", "http://go.microsoft.com/fwlink/p/?LinkId=259608"),
])
def test_quickref_says_what_it_would_open(version, target):
    shell, host = make_shell(version)
    shell.run("QuickRef")
    assert target in host.text and "opens no browser" in host.text
