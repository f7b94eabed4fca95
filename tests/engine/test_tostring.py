"""PowerShell's ToString rules (exshell.engine.tostring): one conversion for the
evaluator and the formatter, so a value reads the same in a string and as output.

Both emulated dialects (2.0 on Exchange 2010, 5.1 on Exchange 2016) run on .NET
Framework, whose Double.ToString() writes 15 significant digits: every row holds
for both."""
import datetime
import decimal
import enum

import pytest

from exshell.engine import tostring
from exshell.engine.properties import PSHashtable, PSObject
from exshell.engine.tostring import (culture_string, enum_to_string, format_double,
                                     format_double_roundtrip, format_single, to_string)
from exshell.format.values import display_string
from exshell.testing import make_shell

VERSIONS = ["2010", "2016"]

DATE = datetime.datetime(2013, 5, 13, 7, 20, 34)


class Color(enum.Enum):
    Red = 1
    Green = 2


class Flags(enum.IntFlag):
    None_ = 0
    Read = 1
    Write = 2
    Delete = 8


class Bare:
    PS_TYPE_NAMES = ("Contoso.Bare", "System.Object")
    PS_PROPERTIES = ()


# value, to_string ("$x", invariant culture), culture_string (output, en-US)
CASES = [
    (None, "", ""),
    ("text", "text", "text"),
    (True, "True", "True"),
    (False, "False", "False"),
    (42, "42", "42"),
    (2**40, "1099511627776", "1099511627776"),
    (0.1 + 0.2, "0.3", "0.3"),
    (1.0, "1", "1"),
    (1e15, "1E+15", "1E+15"),
    (1e14, "100000000000000", "100000000000000"),
    (1 / 3, "0.333333333333333", "0.333333333333333"),
    (-15023452221.990199574, "-15023452221.9902", "-15023452221.9902"),
    (1e-5, "1E-05", "1E-05"),
    (0.0001, "0.0001", "0.0001"),
    (1.6e20, "1.6E+20", "1.6E+20"),
    (-0.0, "0", "0"),
    (float("nan"), "NaN", "NaN"),
    (float("inf"), "Infinity", "Infinity"),
    (float("-inf"), "-Infinity", "-Infinity"),
    (decimal.Decimal("1.50"), "1.50", "1.50"),
    (decimal.Decimal("-0.001"), "-0.001", "-0.001"),
    (DATE, "05/13/2013 07:20:34", "5/13/2013 7:20:34 AM"),
    (datetime.datetime(2024, 12, 1, 23, 5, 9), "12/01/2024 23:05:09", "12/1/2024 11:05:09 PM"),
    (datetime.date(2024, 1, 2), "01/02/2024 00:00:00", "1/2/2024 12:00:00 AM"),
    (datetime.timedelta(days=2, hours=3), "2.03:00:00", "2.03:00:00"),
    (datetime.timedelta(seconds=1, microseconds=500), "00:00:01.0005000", "00:00:01.0005000"),
    (-datetime.timedelta(minutes=5), "-00:05:00", "-00:05:00"),
    (Color.Green, "Green", "Green"),
    (Flags(9), "Read, Delete", "Read, Delete"),
    (Flags(0), "None", "None"),
    (PSHashtable([("a", 1)]), "System.Collections.Hashtable", "System.Collections.Hashtable"),
    (PSObject([("A", 0.1 + 0.2), ("B", [1, 2])]), "@{A=0.3; B=System.Object[]}",
     "@{A=0.3; B=System.Object[]}"),
    (Bare(), "Contoso.Bare", "Contoso.Bare"),
]


@pytest.mark.parametrize("value, text, shown", CASES, ids=[repr(c[0])[:40] for c in CASES])
def test_string_conversion_and_culture_text(value, text, shown):
    assert to_string(value) == text
    assert culture_string(value) == shown
    # The formatter's cell text is the culture text for everything but collections
    # (a hashtable in a cell lists its keys: ``{a}``).
    if not isinstance(value, PSHashtable):
        assert display_string(value) == shown


@pytest.mark.parametrize("value, text", [
    ([1, "a", None, True], "1 a  True"),          # $null elements are empty
    ([1, [2, 3], 4], "1 System.Object[] 4"),      # an array inside an array: its type
    ([PSHashtable(), b"\x01"], "System.Collections.Hashtable System.Byte[]"),
    ([0.1 + 0.2, 1e15], "0.3 1E+15"),
    (b"\x01\x02", "1 2"),
    ([], ""),
])
def test_arrays_are_joined_with_ofs(value, text):
    assert to_string(value) == text
    assert to_string(value, "-") == text.replace(" ", "-")


def test_single_and_round_trip_forms():
    assert format_single(0.1 + 0.2) == "0.3"
    assert format_single(1 / 3) == "0.3333333"
    assert format_double(2**53 + 0.0) == "9.00719925474099E+15"
    # "R" (what JSON serialisers write) keeps every digit that matters.
    assert format_double_roundtrip(0.1 + 0.2) == "0.30000000000000004"
    assert format_double_roundtrip(1e16) == "1E+16"
    assert format_double_roundtrip(100.0) == "100"


def test_domain_enum_with_own_str_is_trusted():
    class Custom(enum.IntFlag):
        A = 1
        B = 2

        def __str__(self):
            return "custom:" + str(int(self))

    assert enum_to_string(Custom(3)) == "custom:3"
    assert to_string(Custom(3)) == "custom:3"


def test_leftover_flag_bits_print_the_number():
    assert to_string(Flags(16 | 1)) == "17"


def _run(text, version):
    shell, host = make_shell(version)
    shell.run(text)
    assert shell.internal_errors == []
    return [line.rstrip() for line in host.text.splitlines() if line.strip()]


# An expression E, then the text both "$(E)" and E as output must show.
SHELL_CASES = [
    ("0.1 + 0.2", "0.3"),
    ("1e15", "1E+15"),
    ("1 / 3", "0.333333333333333"),
    ("[double]'1e-5'", "1E-05"),
    ("2.5 * 4", "10"),
    ("1.50d", "1.50"),
    ("[int]::MaxValue + 1", "2147483648"),
    ("$true", "True"),
    ("[math]::Sqrt(2)", "1.4142135623731"),
]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("expr, text", SHELL_CASES)
def test_a_value_reads_the_same_in_a_string_and_as_output(version, expr, text):
    script = '$x = %s; "$x"; $x; [string]$x; $x.ToString()' % expr
    assert _run(script, version) == [text] * 4


@pytest.mark.parametrize("version", VERSIONS)
def test_property_cells_use_the_same_digits(version):
    out = _run("[pscustomobject]@{Total = 0.1 + 0.2} | Format-List", version)
    assert out == ["Total : 0.3"]


@pytest.mark.parametrize("version", VERSIONS)
def test_ofs_joins_arrays_in_strings(version):
    assert _run('$a = (0.1 + 0.2), 2; "$a"; $OFS = "+"; "$a"', version) == ["0.3 2", "0.3+2"]


def test_tostring_imports_only_the_object_model():
    # The formatter may import this module, so it must not pull in the evaluator.
    import ast
    import pathlib
    tree = ast.parse(pathlib.Path(tostring.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level}
    assert imported == {"properties"}
