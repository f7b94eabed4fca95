"""A table whose columns do not fit the width says so, as PowerShell's Out-Default does:
a warning before the table (one column named, several counted), in every version,
from the console, Out-Host and Out-String alike; nothing when everything fits."""
from __future__ import annotations

import pytest

from exshell.format.out_default import COLUMN_REMOVED, COLUMNS_REMOVED, hidden_columns_warning
from exshell.testing import make_shell

WIDE = "Get-ExchangeCertificate | ft Thumbprint,Subject,Services,Issuer,NotAfter -AutoSize"


def run(version, command, width):
    shell, host = make_shell(version, width=width)
    shell.run(command)
    return host.text


def test_the_two_wordings():
    assert hidden_columns_warning([]) is None
    assert hidden_columns_warning(["Name"]) == 'column "Name" does not fit into the display and was removed.'
    assert hidden_columns_warning(["A", "B"]) == "2 columns do not fit into the display and were removed."
    assert COLUMN_REMOVED and COLUMNS_REMOVED


def columns(*names):
    """Format-Table of one row: a 78-wide first column, then short ones named ``names``."""
    specs = ["@{Label='First';Expression={'x' * 78}}"]
    specs += ["@{Label='%s';Expression={'v'}}" % n for n in names]
    return "1 | Format-Table %s -AutoSize" % ",".join(specs)


@pytest.mark.parametrize("version", ["2007", "2010", "2013", "2016", "2019"])
def test_one_column_removed_is_named_before_the_table(version):
    lines = run(version, columns("Second"), 80).split("\n")
    assert lines[0] == 'WARNING: column "Second" does not fit into the display and was removed.'
    assert lines[1] == "" and lines[2].rstrip() == "First" and lines[4].startswith("x" * 78)


@pytest.mark.parametrize("version", ["2010", "2016"])
def test_several_columns_are_counted(version):
    text = run(version, columns("Second", "Third"), 80)
    assert text.startswith("WARNING: 2 columns do not fit into the display and were removed.\n\n")
    assert "Second" not in text and "Third" not in text


def test_the_certificate_table_on_a_narrow_console():
    text = run("2010", WIDE, 79)     # NotAfter would be less than one cell wide
    assert text.startswith('WARNING: column "NotAfter" does not fit into the display and was removed.')


def test_nothing_is_said_when_the_table_fits():
    assert "WARNING" not in run("2016", WIDE, 160)
    assert "WARNING" not in run("2010", columns("Second"), 90)


def test_out_string_keeps_the_warning_out_of_its_text():
    shell, host = make_shell("2016", width=80)
    shell.run("$s = %s | Out-String; $s.Contains('WARNING'); $s.Contains('First')"
              % columns("Second", "Third"))
    assert host.text.startswith("WARNING: 2 columns do not fit")
    assert host.text.rstrip().endswith("False\nTrue")
