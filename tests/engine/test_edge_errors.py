"""Inputs at the edges of .NET's ranges give the error Windows PowerShell gives, never
Python's words or an internal error (issue 14's list, and their relatives)."""
import pytest

from exshell.testing import make_shell

BOTH = ("2010", "2016")


def outcome(text, version):
    shell, host = make_shell(version)
    shell.run(text)
    assert shell.internal_errors == [], shell.internal_errors
    assert "internal error" not in host.text
    errors = [(r.message, r.fqid()) for r in shell.session.errors]
    lines = [line.rstrip() for line in host.text.splitlines() if line.strip()]
    return lines, errors


ERRORS = [
    ("(Get-Date).AddDays(1e10)",
     'Exception calling "AddDays" with "1" argument(s): "Value to add was out of range.'
     '\r\nParameter name: value"', "ArgumentOutOfRangeException", BOTH),
    ("[datetime]::MaxValue.AddSeconds(1)",
     'Exception calling "AddSeconds" with "1" argument(s): "The added or subtracted value results '
     'in an un-representable DateTime.\r\nParameter name: value"', "ArgumentOutOfRangeException",
     BOTH),
    ("[datetime]::MaxValue.AddMonths(1)",
     'Exception calling "AddMonths" with "1" argument(s): "The added or subtracted value results '
     'in an un-representable DateTime.\r\nParameter name: months"', "ArgumentOutOfRangeException",
     BOTH),
    ("(Get-Date).AddYears(20000)",
     'Exception calling "AddYears" with "1" argument(s): "Years value must be between +/-10000.'
     '\r\nParameter name: years"', "ArgumentOutOfRangeException", BOTH),
    ("(Get-Date) + (New-TimeSpan -Days 3000000)",
     'Exception calling "op_Addition" with "2" argument(s): "The added or subtracted value results '
     'in an un-representable DateTime.\r\nParameter name: t"', "ArgumentOutOfRangeException", BOTH),
    ("[datetime]::MinValue - (New-TimeSpan -Days 1)",
     'Exception calling "op_Subtraction" with "2" argument(s): "The added or subtracted value '
     'results in an un-representable DateTime.\r\nParameter name: value"',
     "ArgumentOutOfRangeException", BOTH),
    ("[timespan]::FromDays(1e10)",
     'Exception calling "FromDays" with "1" argument(s): "TimeSpan overflowed because the duration '
     'is too long."', "OverflowException", BOTH),
    ("New-TimeSpan -Days 1e10",
     "Cannot bind parameter 'Days'. Cannot convert value \"10000000000\" to type \"System.Int32\". "
     "Error: \"Value was either too large or too small for an Int32.\"",
     "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.NewTimeSpanCommand", BOTH),
    ("New-TimeSpan -Days 2000000000", "TimeSpan overflowed because the duration is too long.",
     "System.ArgumentOutOfRangeException,Microsoft.PowerShell.Commands.NewTimeSpanCommand", BOTH),
    ("[timespan]'99999999.00:00:00'",
     'Cannot convert value "99999999.00:00:00" to type "System.TimeSpan". Error: "The TimeSpan '
     'could not be parsed because at least one of the numeric components is out of range or '
     'contains too many digits."', "InvalidCastParseTargetInvocation", BOTH),
    ("[datetime]'9999-12-31' + [timespan]'1'",          # '1' is a day
     'Exception calling "op_Addition" with "2" argument(s): "The added or subtracted value results '
     'in an un-representable DateTime.\r\nParameter name: t"', "ArgumentOutOfRangeException", BOTH),
    ("(New-TimeSpan -Hours 1) * 2", "Method invocation failed because [System.TimeSpan] does not "
                                    "contain a method named 'op_Multiply'.", "MethodNotFound", ("2016",)),
    ("(Get-Date) - [datetime]::MinValue - [datetime]::MinValue",
     'Cannot convert the "01/01/0001 00:00:00" value of type "System.DateTime" to type '
     '"System.TimeSpan".', "InvalidArgument", BOTH),
    # ++ is not $h + 1: it refuses anything but a number (5.1's PSUnaryOperationBinder,
    # 2.0's interpreter alike).
    ("$h = @{}; $h++", "The '++' operator works only on numbers. The operand is a "
                       "'System.Collections.Hashtable'.", "OperatorRequiresNumber", BOTH),
    # 1e999 is Infinity here (Windows PowerShell's parser rejects the literal); the range
    # fails as converting Infinity to Int32 does.
    ("1..1e999", 'Cannot convert value "Infinity" to type "System.Int32". Error: "Value was either '
                 'too large or too small for an Int32."', "InvalidArgument", BOTH),
    ("'{0,1000000000}' -f 1", "Error formatting a string: Input string was not in a correct format..",
     "FormatError", BOTH),
    ("'\"\\/Date(253402300800000)\\/\"' | ConvertFrom-Json",
     "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.\r\n"
     "Parameter name: ticks",
     "System.ArgumentOutOfRangeException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand",
     ("2016",)),
    # Was Python's own text ("chr() arg not in range(0x110000)"); a Char is 16 bits.
    ("[char]0x110000", 'Cannot convert value "1114112" to type "System.Char". Error: "Value was '
                       'either too large or too small for a character."',
     "InvalidCastParseTargetInvocation", BOTH),
    ("[char]-1", 'Cannot convert value "-1" to type "System.Char". Error: "Value was either too '
                 'large or too small for a character."', "InvalidCastParseTargetInvocation", BOTH),
    ("('[' * 5000) | ConvertFrom-Json", "RecursionLimit exceeded.",
     "System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand", ("2016",)),
]


@pytest.mark.parametrize("script, message, fqid, versions",
                         [pytest.param(*r, id=r[0][:50]) for r in ERRORS])
def test_edge_inputs_give_powershells_error(script, message, fqid, versions):
    for version in versions:
        _, errors = outcome(script, version)
        assert errors[:1] == [(message, fqid)]


VALUES = [
    ("[math]::Pow(10, 400)", ["Infinity"], BOTH),
    ("'{0:D999999999}' -f 1", ["D999999999"], BOTH),   # .NET Framework: a custom format
    ("([datetime]::MaxValue | ConvertTo-Json | ConvertFrom-Json).Year", ["9999"], ("2016",)),
    ("[datetime]::MaxValue | ConvertTo-Json", ['"\\/Date(253402300799999)\\/"'], ("2016",)),
    ("[timespan]::MaxValue.Days", ["10675199"], BOTH),
    ("(New-TimeSpan -Days 3).TotalHours", ["72"], BOTH),
]


@pytest.mark.parametrize("script, expected, versions",
                         [pytest.param(*r, id=r[0][:50]) for r in VALUES])
def test_edge_values(script, expected, versions):
    for version in versions:
        lines, errors = outcome(script, version)
        assert errors == []
        assert lines == expected
