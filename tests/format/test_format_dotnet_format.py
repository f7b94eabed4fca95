""".NET format strings (FormatString key of calculated properties), en-US."""
import datetime

import pytest

from exshell.engine.properties import PSHashtable, PSObject
from exshell.format import format_list, format_table
from exshell.format.dotnet_format import apply_format_string

D = datetime.datetime(2013, 5, 13, 7, 20, 34, 120000)


@pytest.mark.parametrize("value,fmt,expected", [
    (1234.5678, "N2", "1,234.57"),
    (1234.5, "N0", "1,235"),
    (2.5, "N0", "3"),                      # .NET rounds half away from zero
    (-1234.5678, "F1", "-1234.6"),
    (7, "N", "7.00"),
    (42, "D5", "00042"),
    (255, "X", "FF"),
    (255, "x4", "00ff"),
    (0.125, "P1", "12.5 %"),
    (1234.5, "C", "$1,234.50"),
    (12345.678, "E2", "1.23E+004"),
    (3.14159, "0.00", "3.14"),
    (1234567, "#,##0", "1,234,567"),
    (1.5, "0.0#", "1.5"),
    (D, "yyyy-MM-dd HH:mm:ss", "2013-05-13 07:20:34"),
    (D, "d", "5/13/2013"),
    (D, "D", "Monday, May 13, 2013"),
    (D, "dd/MM/yy h:mm tt", "13/05/13 7:20 AM"),
    (D, "HH:mm:ss.fff", "07:20:34.120"),
    (D, "MMM d 'at' H\\h", "May 13 at 7h"),
    (1234.5, "{0:N1} GB", "1,234.5 GB"),
    (5, "{0,4}|{0,-3}|", "   5|5  |"),
    ("abc", "N2", "abc"),                   # strings ignore the format
    (True, "N2", "True"),
    (D, "Q", "5/13/2013 7:20:34 AM"),       # unknown standard format: plain text
])
def test_apply_format_string(value, fmt, expected):
    assert apply_format_string(value, fmt) == expected


def test_format_string_key_in_table_and_list():
    obj = PSObject([("Size", 1234.5678), ("When", D)])
    table = format_table([obj], [PSHashtable([("Expression", "Size"), ("FormatString", "N1")])])
    assert table[2].formatEntryInfo.values == ["1,234.6"]
    listing = format_list([obj], [PSHashtable([("n", "Day"), ("e", "When"), ("f", "yyyy-MM-dd")])])
    assert listing[2].formatEntryInfo.pairs == [("Day", "2013-05-13")]
