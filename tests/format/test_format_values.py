"""display_string (cells and list lines) and to_string (string conversion)."""
import datetime
import decimal
import enum

import pytest

from exshell.engine.properties import PSHashtable, PSObject
from exshell.engine.tostring import enum_to_string, format_double, to_string
from exshell.format.values import display_string

from format_testkit import Services


class Color(enum.Enum):
    Red = 1
    Green = 2


class WithStr:
    PS_TYPE_NAMES = ("Contoso.WithStr", "System.Object")
    PS_PROPERTIES = ()

    def __str__(self):
        return "custom text"


class Plain:
    PS_TYPE_NAMES = ("Contoso.Plain", "System.Object")
    PS_PROPERTIES = ("Size",)
    Size = 1


class Named:
    PS_TYPE_NAMES = ("Contoso.Named", "System.Object")
    PS_PROPERTIES = ("Size", "ServerName")

    def __init__(self, name):
        self.Size = 1
        self.ServerName = name


DATE = datetime.datetime(2013, 5, 13, 7, 20, 34)

DISPLAY_CASES = [
    (None, ""),
    ("", ""),
    ("text", "text"),
    (True, "True"),
    (False, "False"),
    (0, "0"),
    (-42, "-42"),
    (2048, "2048"),
    (0.1 + 0.2, "0.3"),                  # .NET Framework: 15 significant digits
    (1.5, "1.5"),
    (1e15, "1E+15"),
    (123456789012345.0, "123456789012345"),
    (1.5e-05, "1.5E-05"),
    (0.0001, "0.0001"),
    (-0.0, "0"),
    (float("inf"), "Infinity"),
    (float("nan"), "NaN"),
    (decimal.Decimal("1.50"), "1.50"),
    (DATE, "5/13/2013 7:20:34 AM"),
    (datetime.datetime(2026, 11, 2, 17, 59, 59), "11/2/2026 5:59:59 PM"),
    (datetime.datetime(2024, 1, 1, 0, 5, 0), "1/1/2024 12:05:00 AM"),
    (datetime.datetime(2024, 1, 1, 12, 0, 0), "1/1/2024 12:00:00 PM"),
    (datetime.timedelta(days=1825), "1825.00:00:00"),
    (datetime.timedelta(hours=1, minutes=2, seconds=3), "01:02:03"),
    (datetime.timedelta(seconds=1, microseconds=500), "00:00:01.0005000"),
    (-datetime.timedelta(minutes=5), "-00:05:00"),
    (Services(27), "IMAP, POP, IIS, SMTP"),
    (Services(48), "SMTP, Federation"),
    (Services(0), "0"),
    (Color.Green, "Green"),
    ([], "{}"),
    (["EX01", "EX01.contoso.com"], "{EX01, EX01.contoso.com}"),
    ([1, 2, 3, 4], "{1, 2, 3, 4}"),
    ([1, 2, 3, 4, 5], "{1, 2, 3, 4...}"),
    ((True, None, "x"), "{True, $null, x}"),
    ([[1, 2], "x"], "{System.Object[], x}"),
    ([DATE], "{5/13/2013 7:20:34 AM}"),
    (b"\x01\x02\xff", "{1, 2, 255}"),
    (PSHashtable([("a", 1), ("b", 2)]), "{a, b}"),
    (PSObject([("A", 1), ("B", "x")]), "@{A=1; B=x}"),
    (PSObject([("A", [1, 2])]), "@{A=System.Object[]}"),
    (WithStr(), "custom text"),
    (Plain(), "Contoso.Plain"),
    ([WithStr(), Plain()], "{custom text, Contoso.Plain}"),
    ([Named("EX01")], "{EX01}"),               # *Name property names the element
]


@pytest.mark.parametrize("value,expected", DISPLAY_CASES)
def test_display_string(value, expected):
    assert display_string(value) == expected


@pytest.mark.parametrize("limit,expected", [
    (0, "{...}"), (1, "{1...}"), (2, "{1, 2...}"), (3, "{1, 2, 3}"), (-1, "{1, 2, 3}"),
])
def test_enumeration_limit(limit, expected):
    assert display_string([1, 2, 3], enumeration_limit=limit) == expected


def test_powershell_7_uses_the_one_character_ellipsis():
    assert display_string(list(range(6)), ps_version="7.4") == "{0, 1, 2, 3\u2026}"
    assert display_string(list(range(6)), ps_version="5.1") == "{0, 1, 2, 3...}"


def test_domain_enum_with_own_str_is_trusted():
    class Custom(enum.IntFlag):
        A = 1
        B = 2

        def __str__(self):
            return "custom:" + str(int(self))

    assert enum_to_string(Custom(3)) == "custom:3"


def test_flags_zero_member_and_leftover_bits():
    class F(enum.IntFlag):
        None_ = 0
        A = 1
        B = 4

    assert enum_to_string(F(0)) == "None"
    assert enum_to_string(F(5)) == "A, B"


TO_STRING_CASES = [
    (None, ""),
    ("x", "x"),
    (True, "True"),
    (7, "7"),
    (0.5, "0.5"),
    (DATE, "05/13/2013 07:20:34"),           # invariant culture
    ([1, "a", None, True], "1 a  True"),       # joined with $OFS (a space)
    ([1, [2, 3]], "1 System.Object[]"),
    (b"\x01\x02", "1 2"),
    (PSHashtable([("a", 1)]), "System.Collections.Hashtable"),
    (PSObject([("Name", "EX01"), ("Size", 2)]), "@{Name=EX01; Size=2}"),
    (Services(24), "IIS, SMTP"),
    (datetime.timedelta(days=2, hours=3), "2.03:00:00"),
]


@pytest.mark.parametrize("value,expected", TO_STRING_CASES)
def test_to_string(value, expected):
    assert to_string(value) == expected


@pytest.mark.parametrize("x,expected", [
    (100.0, "100"), (1e14, "100000000000000"), (1e-5, "1E-05"), (2.5e20, "2.5E+20"),
    (-1234.5678, "-1234.5678"), (1 / 3, "0.333333333333333"),
])
def test_format_double(x, expected):
    assert format_double(x) == expected
