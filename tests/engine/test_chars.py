"""System.Char as PowerShell has it: casts both ways, what strings hand out (indexes,
ToCharArray, [char[]]), the operators (a char concatenates with +, computes with -,
compares as a char), the [char]:: statics and the errors .NET gives.

Each row runs on 2.0 (Exchange 2010) and 5.1 (Exchange 2016)."""
import pytest

from exshell.testing import make_shell

BOTH = ("2010", "2016")


def run(text, version):
    shell, host = make_shell(version)
    shell.run(text)
    assert shell.internal_errors == []
    assert shell.session.errors == [], host.text
    return [line.rstrip() for line in host.text.splitlines() if line.strip()]


def first_error(text, version):
    shell, host = make_shell(version)
    shell.run(text)
    assert shell.internal_errors == []
    assert shell.session.errors, host.text
    record = shell.session.errors[0]
    return record.message, record.fqid()


def rows(table):
    return [pytest.param(script, expected, version, id="%s-%s" % (version, script[:60]))
            for script, expected in table for version in BOTH]


CASTS = [
    ("[int][char]'A'", ["65"]),
    ("[char]65; [char]0x263A -eq [char]::ConvertFromUtf32(0x263A)", ["A", "True"]),
    ("([char]'A').GetType().FullName; [char]'a' -is [char]; [char]'a' -is [string]; "
     "[char]'a' -is [ValueType]; [char]'a' -is [psobject]", ["System.Char", "True", "False", "True", "False"]),
    ("[char]65.4; [char][decimal]66; [byte][char]'a'", ["A", "B", "97"]),   # numbers via Int64
    ("[int][char]$null; [char]$null -eq $null", ["0", "False"]),
    ("[string][char]'x' -is [string]; ([char]'x').ToString().GetType().Name", ["True", "String"]),
    ("$c = [char]'q'; \"[$c]\"; $c", ["[q]", "q"]),
    ("[char]'a' -as [int]; 'ab' -as [char]", ["97"]),
]


@pytest.mark.parametrize("script, expected, version", rows(CASTS))
def test_casts(script, expected, version):
    assert run(script, version) == expected


CAST_ERRORS = [
    ("[char]'AB'", 'Cannot convert value "AB" to type "System.Char". Error: "String must be exactly '
                   'one character long."'),
    ("[char]''", 'Cannot convert value "" to type "System.Char". Error: "String must be exactly one '
                 'character long."'),
    ("[char]-1", 'Cannot convert value "-1" to type "System.Char". Error: "Value was either too large '
                 'or too small for a character."'),
    ("[char]65536", 'Cannot convert value "65536" to type "System.Char". Error: "Value was either too '
                    'large or too small for a character."'),
    ("[char]$true", 'Cannot convert value "True" to type "System.Char". Error: "Invalid cast from '
                    "'Boolean' to 'Char'.\""),
]


@pytest.mark.parametrize("version", BOTH)
@pytest.mark.parametrize("script, message", CAST_ERRORS)
def test_cast_errors(script, message, version):
    assert first_error(script, version) == (message, "InvalidCastParseTargetInvocation")


FROM_STRINGS = [
    ("'abc'[0].GetType().Name; [int]'abc'[1]; 'abc'[-1]", ["Char", "98", "c"]),
    ("'abc'[0..1] | ForEach-Object { $_.GetType().Name }", ["Char", "Char"]),
    ("'abc'.ToCharArray() | ForEach-Object { [int]$_ }", ["97", "98", "99"]),
    ("'hello'.ToCharArray(1, 3) -join '+'; 'abc'.Chars(2)", ["e+l+l", "c"]),
    ("[char[]]'ab' | ForEach-Object { $_.GetType().Name }; [char[]](72, 105) -join ''",
     ["Char", "Char", "Hi"]),
    ("-join [char[]]'abc'; [string][char[]]'abc'; $OFS = '-'; \"$([char[]]'abc')\"",
     ["abc", "a b c", "a-b-c"]),
    # a real script's column letters: [char](65 + n) with n a double from [math]::Floor
    ("$s = ''; $n = 28; while ($n -gt 0) { $n--; $s = [char](65 + ($n % 26)) + $s; "
     "$n = [math]::Floor($n / 26) }; $s", ["AB"]),
    ("$sum = 0; foreach ($c in 'Az'.ToCharArray()) { $sum += [int]$c - [int][char]'a' + 1 }; $sum",
     ["-5"]),
]


@pytest.mark.parametrize("script, expected, version", rows(FROM_STRINGS))
def test_strings_hand_out_chars(script, expected, version):
    assert run(script, version) == expected


OPERATORS = [
    ("[char]'a' + 1; [char]'a' + 'b'; ([char]'a' + [char]'b').GetType().Name", ["a1", "ab", "String"]),
    ("[char]'b' - 1; [char]'b' - [char]'a'; [char]'d' % 3; 5 + [char]'a'", ["97", "1", "1", "102"]),
    ("[char]'a' -eq 'A'; [char]'a' -ceq 'A'; [char]'a' -eq 'ab'; [char]'A' -eq 65; 65 -eq [char]'A'",
     ["True", "False", "False", "True", "True"]),
    # relational operators compare codes, in both case modes ('a' is 97, 'B' is 66)
    ("[char]'a' -gt 'B'; [char]'a' -lt [char]'b'; 'a' -gt 'B'", ["True", "True", "False"]),
    ("$d = '7'[0]; $d -ge '0' -and $d -le '9'; 'x1y' -match '\\d'", ["True", "True"]),
    ("switch ([char]'b') { 'B' { 'case-insensitive' } }; 'b','c' -contains [char]'B'",
     ["case-insensitive", "True"]),
    ("[char]'a'..[char]'c' -join ','; -[char]'a'", ["97,98,99", "-97"]),
    ("if ([char]'0') { 'a char 0 is true' }; if (-not [char]0) { 'NUL is false' }",
     ["a char 0 is true", "NUL is false"]),
    ("'a,b;c'.Split([char[]]',;') -join '|'; 'a-b'.Split([char]'-').Count; 'xaxx'.Trim([char]'x')",
     ["a|b|c", "2", "a"]),
]


@pytest.mark.parametrize("script, expected, version", rows(OPERATORS))
def test_operators(script, expected, version):
    assert run(script, version) == expected


@pytest.mark.parametrize("version", BOTH)
def test_a_char_has_no_multiplication(version):
    message, fqid = first_error("[char]'a' * 2", version)
    assert fqid == "MethodNotFound"
    assert message.startswith("Method invocation failed because [System.Char] ")
    assert message.endswith(" contain a method named 'op_Multiply'.")


STATICS = [
    ("[char]::IsDigit('5'); [char]::IsDigit('x'); [char]::IsLetter([char]'x'); "
     "[char]::IsLetterOrDigit('_')", ["True", "False", "True", "False"]),
    ("[char]::IsWhiteSpace(' '); [char]::IsUpper('abC', 2); [char]::IsLower('abC', 2); "
     "[char]::IsPunctuation('!')", ["True", "True", "False", "True"]),
    ("[char]::ToUpper('a'); [char]::ToLower([char]'Q'); ([char]::ToUpper('a')).GetType().Name",
     ["A", "q", "Char"]),
    ("[int][char]::MaxValue; [int][char]::MinValue; [char]::Parse('x'); [char]::GetNumericValue('7')",
     ["65535", "0", "x", "7"]),
    ("[char]::ConvertFromUtf32(65); [char]::ConvertToUtf32('zA', 1); [char]::ToString([char]'k')",
     ["A", "65", "k"]),
]


@pytest.mark.parametrize("script, expected, version", rows(STATICS))
def test_statics(script, expected, version):
    assert run(script, version) == expected


@pytest.mark.parametrize("version", BOTH)
@pytest.mark.parametrize("script, message, fqid", [
    ("[char]::IsDigit('ab')",
     'Cannot convert argument "c", with value: "ab", for "IsDigit" to type "System.Char": "Cannot '
     'convert value "ab" to type "System.Char". Error: "String must be exactly one character long.""',
     "MethodArgumentConversionInvalidCastArgument"),
    ("[char]::IsDigit('abc', 5)",
     'Exception calling "IsDigit" with "2" argument(s): "Index was out of range. Must be '
     'non-negative and less than the size of the collection.\r\nParameter name: index"',
     "ArgumentOutOfRangeException"),
    ("[char]::Parse('xy')",
     'Exception calling "Parse" with "1" argument(s): "String must be exactly one character long."',
     "FormatException"),
])
def test_static_errors(script, message, fqid, version):
    assert first_error(script, version) == (message, fqid)


INSTANCE = [
    ("$c = [char]'x'; $c.CompareTo([char]'y'); $c.Equals([char]'x'); $c.Equals('x'); $c.ToString()",
     ["-1", "True", "False", "x"]),
    ("([char]'a' | Get-Member -MemberType Method | ForEach-Object { $_.Name }) -join ','",
     ["CompareTo,Equals,GetHashCode,GetType,GetTypeCode,ToString"]),
    ("[char]'x' | Get-Member | Select-Object -First 1 | ForEach-Object { $_.TypeName }", ["System.Char"]),
]


@pytest.mark.parametrize("script, expected, version", rows(INSTANCE))
def test_instance_members(script, expected, version):
    assert run(script, version) == expected


@pytest.mark.parametrize("version", BOTH)
def test_a_char_has_no_string_methods(version):
    message, fqid = first_error("([char]'x').ToUpper()", version)
    assert fqid == "MethodNotFound"
    assert "[System.Char]" in message and "'ToUpper'" in message
