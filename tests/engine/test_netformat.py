""".NET format strings (exshell.engine.netformat): the one implementation behind -f,
ToString(format), [string]::Format and FormatString in views.  .NET Framework rules
in en-US, the runtime of both Windows PowerShell 2.0 and 5.1."""
import datetime

import pytest

from exshell.engine.netformat import FormatError, composite, format_value
from exshell.testing import make_shell

D = datetime.datetime(2013, 5, 13, 7, 20, 34, 120000)


@pytest.mark.parametrize("value, spec, expected", [
    (1234.5678, "N2", "1,234.57"),
    (2.5, "N0", "3"),                       # half away from zero
    (2.675, "F2", "2.68"),                  # 15 significant digits first, then rounding
    (0.1 + 0.2, "F17", "0.30000000000000000"),
    (-1234.5, "C", "($1,234.50)"),          # en-US negative currency in parentheses
    (0.125, "P1", "12.5 %"),
    (12345.678, "E2", "1.23E+004"),
    (12345, "G3", "1.23E+04"),
    (-1, "x", "ffffffff"),
    (42, "D5", "00042"),
    (0.1 + 0.2, "R", "0.30000000000000004"),
    (0.1 + 0.2, "G", "0.3"),
    # A precision over two digits makes a custom format on .NET Framework.
    (1, "D999999999", "D999999999"),
    (32, "C100", "C132"),
    # Custom formats.
    (1234567, "#,##0", "1,234,567"),
    (1234567, "#,#,,", "1"),                # scaling commas
    (0.5, "0%", "50%"),
    (-5, "0;(0)", "(5)"),
    (0, "pos;neg;zero", "zero"),
    (12345.678, "0.00E+00", "1.23E+04"),
    (123, "00-00", "01-23"),
    (0, "#", ""),
    (1.5, "0.0#", "1.5"),
    (7, "'#'0", "#7"),
    (D, "yyyy-MM-dd HH:mm:ss.fff", "2013-05-13 07:20:34.120"),
    (D, "D", "Monday, May 13, 2013"),
    (D, "%d", "13"),
    (D, "MMM d 'at' h tt", "May 13 at 7 AM"),
    (datetime.timedelta(minutes=75), "hh\\:mm", "01:15"),
    (datetime.timedelta(days=1, seconds=5), "g", "1:0:00:05"),
    (datetime.timedelta(seconds=5), "c", "00:00:05"),
    ("text", "N2", "text"),
    (__import__("decimal").Decimal("79228162514264337593543950335"), "N2",
     "79,228,162,514,264,337,593,543,950,335.00"),     # all 29 digits of a decimal
    (1, "N30", "1." + "0" * 30),
    (0.1, "G17", "0.10000000000000001"),              # past 15 digits: the binary value
])
def test_format_value(value, spec, expected):
    assert format_value(value, spec) == expected


@pytest.mark.parametrize("value, spec, message", [
    (1, "H2", "Format specifier was invalid."),
    (1.5, "D", "Format specifier was invalid."),
    (D, "Q", "Input string was not in a correct format."),
    (datetime.timedelta(minutes=1), "hh:mm", "Input string was not in a correct format."),
])
def test_invalid_formats_raise(value, spec, message):
    with pytest.raises(FormatError) as caught:
        format_value(value, spec)
    assert caught.value.message == message


@pytest.mark.parametrize("fmt, args, expected", [
    ("{0,4}|{0,-3}|", [5], "   5|5  |"),
    ("{0} {1:N1}", ["a", 1234.56], "a 1,234.6"),
    ("{{{0}}}", [1], "{1}"),
    ("{0}", [D], "5/13/2013 7:20:34 AM"),    # current culture, as String.Format
    ("{0}", [[1, 2]], "System.Object[]"),
    ("{0,999999}", [1], " " * 999998 + "1"),
])
def test_composite(fmt, args, expected):
    assert composite(fmt, args) == expected


@pytest.mark.parametrize("fmt, args", [
    ("{0,1000000}", [1]),                   # .NET reads no width of a million or more
    ("{0,1000000000}", [1]),
    ("{1000000}", [1]),
    ("{1}", [1]),
    ("{0", [1]),
    ("}", [1]),
    ("{a}", [1]),
])
def test_composite_errors(fmt, args):
    with pytest.raises(FormatError):
        composite(fmt, args)


def test_timespans_ignore_formats_where_the_runtime_has_none():
    span = datetime.timedelta(minutes=75)
    assert composite("{0:hh\\:mm}", [span], timespan_formats=False) == "01:15:00"


def _run(text, version):
    shell, host = make_shell(version)
    shell.run(text)
    assert shell.internal_errors == []
    return shell, [line.rstrip() for line in host.text.splitlines() if line.strip()]


@pytest.mark.parametrize("version", ["2010", "2016"])
@pytest.mark.parametrize("script", ["'{0,1000000000}' -f 1", "'{0,1000000}' -f 1",
                                    "[string]::Format('{0,2000000}', 1)"])
def test_huge_widths_fail_at_once(script, version):
    shell, _ = _run(script, version)
    record = shell.session.errors[0]
    assert record.message == "Error formatting a string: Input string was not in a correct format.."
    assert record.fqid() == "FormatError"


@pytest.mark.parametrize("version", ["2010", "2016"])
def test_a_huge_precision_is_a_custom_format(version):
    assert _run("'{0:D999999999}' -f 1", version)[1] == ["D999999999"]


@pytest.mark.parametrize("version, expected", [("2010", "01:15:00"), ("2016", "01:15")])
def test_timespan_format_by_dialect(version, expected):
    assert _run("'{0:hh\\:mm}' -f (New-TimeSpan -Minutes 75)", version)[1] == [expected]


@pytest.mark.parametrize("version", ["2010", "2016"])
def test_tostring_with_format(version):
    out = _run("(1234.5).ToString('N1'); (255).ToString('X4'); (2.5).ToString('F0'); "
               "(Get-Date '2024-01-02').ToString('yyyy/MM/dd')", version)[1]
    assert out == ["1,234.5", "00FF", "3", "2024/01/02"]
