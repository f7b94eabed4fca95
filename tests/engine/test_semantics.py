"""Language semantics admin scripts rely on, as Windows PowerShell defines them
(about_Try_Catch_Finally, about_Split, about_Operators, about_Switch...).

Each row runs on 2.0 (Exchange 2010) and 5.1 (Exchange 2016) unless it names one, and
compares what the user sees: the output lines, or an error's message and id."""
import pytest

from exshell.testing import make_shell

BOTH = ("2010", "2016")


def run(text, version):
    shell, host = make_shell(version)
    shell.run(text)
    assert shell.internal_errors == []
    return [line.rstrip() for line in host.text.splitlines() if line.strip()]


def error_of(text, version):
    """(message, FullyQualifiedErrorId, CategoryInfo's reason) of the first error."""
    shell, host = make_shell(version)
    shell.run(text)
    assert shell.internal_errors == []
    record = shell.session.errors[0] if shell.session.errors else None
    assert record is not None, host.text
    return record.message, record.fqid(), record.reason


def rows(table):
    """Expand (script, expected[, versions]) rows into one case per version."""
    out = []
    for row in table:
        script, expected = row[0], row[1]
        for version in (row[2] if len(row) > 2 else BOTH):
            out.append(pytest.param(script, expected, version, id="%s-%s" % (version, script[:50])))
    return out


# ----------------------------------------------------------------- try/catch/finally

FINALLY = [
    # finally runs when break, continue or return leave the try or a catch
    ('foreach ($i in 1..3) { try { if ($i -eq 2) { break } ; "t$i" } finally { "f$i" } }',
     ["t1", "f1", "f2"]),
    ('foreach ($i in 1..2) { try { continue } finally { "f$i" } }', ["f1", "f2"]),
    ('foreach ($i in 1..2) { try { throw "x" } catch { continue } finally { "f$i" } ; "after" }',
     ["f1", "f2"]),
    ('foreach ($i in 1..3) { try { throw "x" } catch { break } finally { "f$i" } }', ["f1"]),
    ('function f { try { return 1 } finally { "fin" } }; f', ["1", "fin"]),
    ('function f { try { throw "x" } catch { return 2 } finally { "fin" } }; f', ["2", "fin"]),
    ('try { try { throw "a" } finally { "inner" } } catch { "outer $_" }', ["inner", "outer a"]),
    ('try { "body" } catch { "never" } finally { "fin" }', ["body", "fin"]),
]


@pytest.mark.parametrize("script, expected, version", rows(FINALLY))
def test_finally_runs_however_the_statement_is_left(script, expected, version):
    assert run(script, version) == expected


CATCH = [
    # A runtime error wraps the .NET exception; a typed catch matches the wrapped one.
    ('$z = 0; try { 1/$z } catch [DivideByZeroException] { "dz" }', ["dz"]),
    ('$z = 0; try { 1/$z } catch [System.DivideByZeroException] { "dz" }', ["dz"]),
    ('$z = 0; try { 1/$z } catch [ArithmeticException] { "base" } catch { "any" }', ["base"]),
    ('$z = 0; try { 1/$z } catch [System.IO.IOException] { "io" } catch { "any" }', ["any"]),
    ('$z = 0; try { 1/$z } catch [Management.Automation.RuntimeException] { "rte" }', ["rte"]),
    ('$z = 0; try { 1/$z } catch { $_.Exception.GetType().FullName; '
     '$_.Exception.InnerException.GetType().FullName }',
     ["System.Management.Automation.RuntimeException", "System.DivideByZeroException"]),
    ('try { throw "x" } catch [System.IO.IOException] { "io" } catch [SystemException] { "sys" }',
     ["sys"]),
    ('try { throw "x" } catch [Exception] { "exc" }', ["exc"]),
    # The common exception types are known type names.
    ('[IO.FileNotFoundException].FullName; [IO.FileNotFoundException].BaseType.FullName',
     ["System.IO.FileNotFoundException", "System.IO.IOException"]),
    ('[ArgumentNullException].BaseType.FullName; [FormatException].Name',
     ["System.ArgumentException", "FormatException"]),
    ('[Management.Automation.ItemNotFoundException].BaseType.Name', ["SessionStateException"]),
]


@pytest.mark.parametrize("script, expected, version", rows(CATCH))
def test_typed_catch_matches_the_exception_and_what_it_wraps(script, expected, version):
    assert run(script, version) == expected


# ----------------------------------------------------------------- $null and casts

NULLS = [
    ("$null | Select-Object a; 'end'", ["end"]),
    ("1, $null, 2 | Select-Object -First 5", ["1", "2"]),
    ("@([object[]]$null).Count", ["1"]),
    ("([string[]]$null) -eq $null; [int[]]$x = $null; $x -eq $null", ["True", "True"]),
]


@pytest.mark.parametrize("script, expected, version", rows(NULLS))
def test_null(script, expected, version):
    assert run(script, version) == expected


# ----------------------------------------------------------------- -split

SPLIT = [
    ("'a,b;c' -split ',|;'", ["a", "b", "c"]),
    ("'a,b;c' -split ',|;', 2", ["a", "b;c"]),
    ("'a,b,c' -split ',', 0", ["a", "b", "c"]),
    ("'a,b,c' -split ',', -1", ["a", "b", "c"]),             # 5.1: a negative count is all
    ("'a,b,c' -split ',', 1", ["a,b,c"]),
    ("'A.B' -split '.', 0, 'SimpleMatch'", ["A", "B"]),
    ("'aXbxc' -split 'x'", ["a", "b", "c"]),
    ("'aXbxc' -csplit 'x'", ["aXb", "c"]),
    ("'aXbxc' -csplit 'x', 0, 'IgnoreCase'", ["a", "b", "c"]),
    ("'aXbxc' -csplit 'x', 0, 'SimpleMatch,IgnoreCase'", ["a", "b", "c"]),
    ("'a1b2c' -split '(\\d)'", ["a", "1", "b", "2", "c"]),    # captures are kept
    ("'a1b2c' -split '(\\d)', 0, 'ExplicitCapture'", ["a", "b", "c"]),
    ("'a1b2c' -split '(?<n>\\d)', 0, 'ExplicitCapture'", ["a", "1", "b", "2", "c"]),
    ("'a b' -split 'a b # the whole', 0, 'IgnorePatternWhitespace'", ["a b"]),
    ("'a b' -split '[ ] # the blank', 0, 'IgnorePatternWhitespace'", ["a", "b"]),
    ("('a b' -split 'a b').Count", ["2"]),
    ("\"x`ny\" -split '^y', 0, 'Multiline'", ["x"]),
    ("\"x`ny\" -split 'x.y', 0, 'Singleline'", []),
    ("\"x`ny\" -split 'x.y'", ["x", "y"]),
    ("'a1b2c' -split { $_ -match '\\d' }", ["a", "b", "c"]),
    ("'a1b2c' -split { $_ -match '\\d' }, 2", ["a", "b2c"]),
    ("'a,b,' -split { $_ -eq ',' } | % { \"[$_]\" }", ["[a]", "[b]", "[]"]),
    ("-split '  a  b '", ["a", "b"]),
    ("'a,,b' -split ',' | % { \"[$_]\" }", ["[a]", "[]", "[b]"]),
]


@pytest.mark.parametrize("script, expected, version", rows(SPLIT))
def test_split(script, expected, version):
    assert run(script, version) == expected


@pytest.mark.parametrize("version", BOTH)
@pytest.mark.parametrize("script, message, fqid, reason", [
    ("'a' -split 'b', 0, 'SimpleMatch,Multiline'",
     "The combination of options with the -split operator is not valid.",
     "InvalidSplitOptionCombination", "ParseException"),
    ("'a' -split 'b', 0, 'RegexMatch,SimpleMatch'",
     "The combination of options with the -split operator is not valid.",
     "InvalidSplitOptionCombination", "ParseException"),
    ("'a' -split 'b', 0, 'Multiline,Singleline'",
     "The combination of options with the -split operator is not valid.",
     "InvalidSplitOptionCombination", "ParseException"),
    ("'a' -split { $true }, 0, 'IgnoreCase'",
     "Options are not allowed on the -split operator with a predicate.",
     "InvalidSplitOptionWithPredicate", "ParseException"),
])
def test_invalid_split_options_throw(script, message, fqid, reason, version):
    assert error_of(script, version) == (message, fqid, reason)


@pytest.mark.parametrize("version", BOTH)
def test_an_unknown_split_option_names_the_valid_ones(version):
    message, fqid, _ = error_of("'a' -split 'b', 0, 'Sideways'", version)
    assert message.startswith('Cannot convert value "Sideways" to type '
                              '"System.Management.Automation.SplitOptions".')
    assert "SimpleMatch, RegexMatch, CultureInvariant" in message
    assert fqid == "InvalidCastFromStringToEnum"


# ----------------------------------------------------------------- numbers

NUMBERS = [
    ("1 -shl 40", ["256"]),                      # an Int32 shift count is masked to 5 bits
    ("1 -shl 31", ["-2147483648"]),
    ("[long]1 -shl 40", ["1099511627776"]),
    ("[long]1 -shl 64", ["1"]),
    ("-8 -shr 1", ["-4"]),
    ("[uint32]1 -shl 31", ["2147483648"]),
    ("1.5..3.5", ["2", "3", "4"]),               # range ends round to even, as [int] does
    ("[decimal]2.5..4", ["2", "3", "4"]),
    ("'1'..'3'", ["1", "2", "3"]),
    ("([long]5).GetType().Name; ([sbyte]-5).GetType().FullName", ["Int64", "System.SByte"]),
    ("[byte]255; [int16]-32768; [uint16]65535", ["255", "-32768", "65535"]),
]


@pytest.mark.parametrize("script, expected, version", rows(NUMBERS))
def test_integers(script, expected, version):
    assert run(script, version) == expected


@pytest.mark.parametrize("version", BOTH)
@pytest.mark.parametrize("script, message", [
    ("[byte]300", 'Cannot convert value "300" to type "System.Byte". Error: "Value was either '
                  'too large or too small for an unsigned byte."'),
    ("[sbyte]200", 'Cannot convert value "200" to type "System.SByte". Error: "Value was either '
                   'too large or too small for a signed byte."'),
    ("[int]3e9", 'Cannot convert value "3000000000" to type "System.Int32". Error: "Value was '
                 'either too large or too small for an Int32."'),
    ("$h = @{}; $h + 1", "A hash table can only be added to another hash table."),
])
def test_out_of_range_and_bad_operands(script, message, version):
    assert error_of(script, version)[0] == message


# ----------------------------------------------------------------- switches, types

@pytest.mark.parametrize("version", BOTH)
def test_switch_takes_null(version):
    script = ('function f([switch]$s) { "[$s] $($s.IsPresent)" }; f -s:$null; f -s; f; '
              'function g([switch]$Force) { f -s:$Force }; g -Force')
    assert run(script, version) == ["[False] False", "[True] True", "[False] False",
                                    "[True] True"]


IS_PSOBJECT = [
    ('"hello" -is [psobject]', ["False"]),
    ("5 -is [psobject]", ["False"]),
    ("[pscustomobject]@{a=1} -is [psobject]", ["True"]),
    ("(Get-ExchangeCertificate | Select-Object -First 1) -is [psobject]", ["True"]),
]


@pytest.mark.parametrize("script, expected, version", rows(IS_PSOBJECT))
def test_is_psobject(script, expected, version):
    assert run(script, version) == expected


# ----------------------------------------------------------------- deep ordinary code

@pytest.mark.parametrize("version", BOTH)
@pytest.mark.parametrize("script, expected", [
    (" + ".join(["1"] * 1000), ["1000"]),
    ("$a = 2; " + " * ".join(["$a"] * 10) + " - 1000", ["24"]),
    ("(" * 500 + "1 + 2" + ")" * 500, ["3"]),
    ("(" * 500 + "'x' -eq 'x'" + ")" * 500 + " -and " + " -and ".join(["$true"] * 600), ["True"]),
    # nested to the right: each level an operator whose right operand is parenthesised
    ("(1+" * 500 + "1" + ")" * 500, ["501"]),
    ("-(" * 400 + "1" + ")" * 400, ["1"]),
    ("-not (" * 301 + "$false" + ")" * 301, ["True"]),
    ("$true" + " -and ($true" * 500 + ")" * 500, ["True"]),
    ("$false" + " -or ($false" * 500 + " -or 'x'" + ")" * 500, ["True"]),
    ("'a' + " + "('b' + " * 300 + "'c'" + ")" * 300, ["a" + "b" * 300 + "c"]),
])
def test_long_chains_and_deep_parentheses_run(script, expected, version):
    assert run(script, version) == expected


EVALUATION_ORDER = [
    # operands left to right, -and/-or stop at the first operand that decides
    ('$i = 0; ($i += 1) * 10 + ($i += 1)', ["12"]),
    ('($x = 5); ([int]$y = "7").GetType().Name; ($z = $null) -eq $null; $($w = 1); @($v = 2).Count',
     ["5", "Int32", "True", "0"]),                     # only parentheses pass the value on
    ('$n = $null; ($n -and (1/0)); (1 -or $n.Nope()); ((0 -or "") -and 1)',
     ["False", "True", "False"]),
    ('$r = (Write-Output); $r -eq $null; (@()).Count; ((1,2)).Count', ["True", "0", "2"]),
    ('(1/0) + 1', []),                                      # the error leaves no value
]


@pytest.mark.parametrize("script, expected, version", rows(EVALUATION_ORDER))
def test_operands_are_evaluated_in_order(script, expected, version):
    assert run(script, version)[:len(expected)] == expected


# ----------------------------------------------------------------- ++ and --

INCREMENTS = [
    ("$x = 5; $x++; $x; $x--; $x--; $x", ["6", "4"]),
    ("$x = $null; $x++; $x", ["1"]),                         # $null counts from 0
    ("$u = 1; (++$u) + ($u++); $u", ["4", "3"]),
    ("$d = 1.5; $d++; $d; $m = [decimal]2; $m--; $m", ["2.5", "1"]),
    ("$i = [int]::MaxValue; $i++; $i; $i.GetType().Name", ["2147483648", "Int64"]),
    ("$h = @{n = 1}; $h.n++; $h.n; $a = 1, 2; $a[1]++; $a -join ','", ["2", "1,3"]),
]


@pytest.mark.parametrize("script, expected, version", rows(INCREMENTS))
def test_increment(script, expected, version):
    assert run(script, version) == expected


@pytest.mark.parametrize("version", BOTH)
@pytest.mark.parametrize("script, operand", [
    ('$s = "1"; $s++', "System.String"),                      # not "11", not 2
    ('$s = "5"; --$s', "System.String"),
    ("$c = [char]'a'; $c++", "System.Char"),
    ("$b = $true; $b++", "System.Boolean"),
    ("$a = 1, 2; $a++", "System.Object[]"),
    ("$h = @{}; $h--", "System.Collections.Hashtable"),
])
def test_increment_needs_a_number(script, operand, version):
    op = "--" if "--" in script else "++"
    assert error_of(script, version) == (
        "The '%s' operator works only on numbers. The operand is a '%s'." % (op, operand),
        "OperatorRequiresNumber", "RuntimeException")


@pytest.mark.parametrize("version", BOTH)
def test_a_refused_increment_changes_nothing(version):
    assert run('$s = "1"; $s++; $s; $s.GetType().Name', version)[-2:] == ["1", "String"]


# ----------------------------------------------------------------- typed parameters, constraints

TYPED = [
    # a typed parameter converts its argument as a cast does, whatever the type
    ('function f([double]$x) { $x + 1 }; f "1.5"', ["2.5"]),
    ('function f([version]$v) { $v.Minor }; f "2.3"', ["3"]),
    ('function f([long]$x) { $x.GetType().Name }; f 1', ["Int64"]),
    ('function f([char]$c) { [int]$c }; f "A"', ["65"]),
    ('function f([string]$s) { $s }; f a,b', ["a b"]),                 # a cast joins the array
    ('function f([string[]]$s) { $s.Count }; f a,b', ["2"]),
    ('function f { param([decimal]$d) $d * 2 }; f -d "1.25"', ["2.50"]),
    # unbound: $null converted ([int] 0, [string] empty, not $null); a default converts too
    ('function f([int]$i, [string]$s, $o) { $i; $s -eq $null; $s.Length; $o -eq $null }; f',
     ["0", "False", "0", "True"]),
    ('function f([int]$x = "7") { $x + 1 }; f', ["8"]),
    # the parameter keeps its type inside the function
    ('function f([int]$n) { $n = "5"; $n.GetType().Name; $n += "1"; $n }; f 1', ["Int32", "6"]),
    # a typed variable keeps its type in its scope; a child scope's own variable does not
    ('[double]$d = "2"; $d = "3"; $d.GetType().Name; & { $d = "x"; $d }; $d', ["Double", "x", "3"]),
    ('[int]$n = 1; foreach ($n in "7", "8") { }; $n.GetType().Name; $n', ["Int32", "8"]),
    ('[int]$n = 1; [string]$n = 5; $n = 2.5; $n.GetType().Name', ["String"]),
    ('[int]$n = 1; $n++; $n = $n * 1.6; $n', ["3"]),
]


@pytest.mark.parametrize("script, expected, version", rows(TYPED))
def test_typed_parameters_and_variables(script, expected, version):
    assert run(script, version) == expected


@pytest.mark.parametrize("version", BOTH)
def test_a_typed_parameter_reports_an_argument_transformation(version):
    assert error_of('function f([int]$x) { $x }; f abc', version) == (
        "Cannot process argument transformation on parameter 'x'. Cannot convert value \"abc\" "
        "to type \"System.Int32\". Error: \"Input string was not in a correct format.\"",
        "ParameterArgumentTransformationError,f", "ParameterBindingArgumentTransformationException")


@pytest.mark.parametrize("version", BOTH)
@pytest.mark.parametrize("script", ['[int]$n = 1; $n = "abc"; "after $n"',
                                    'function f([int]$n) { $n = "abc"; "after $n" }; f 1'])
def test_a_typed_variable_refuses_what_does_not_convert(script, version):
    assert error_of(script, version) == (
        'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a '
        'correct format."', "RuntimeException", "ArgumentTransformationMetadataException")
    assert run_lines_with_errors(script, version)[-1] == "after 1"   # the value stays


def run_lines_with_errors(text, version):
    shell, host = make_shell(version)
    shell.run(text)
    return [line.rstrip() for line in host.text.splitlines() if line.strip()]


# ----------------------------------------------------------------- exception objects

EXCEPTIONS = [
    ('try { throw (New-Object System.IO.FileNotFoundException "nf", "C:\\x.txt") } '
     'catch [System.IO.IOException] { $_.Exception.Message; $_.Exception.FileName; '
     '$_.Exception.GetType().Name; $_.FullyQualifiedErrorId }',
     ["nf", "C:\\x.txt", "FileNotFoundException", "nf"]),
    ('try { throw [System.IO.FileNotFoundException]"gone" } catch [IO.IOException] { "io: $($_.Exception.Message)" }',
     ["io: gone"]),
    ('$e = New-Object System.Exception "boom"; $e.Message; $e.GetType().FullName; $e -is [Exception]; '
     '$e -is [SystemException]', ["boom", "System.Exception", "True", "False"]),
    ('(New-Object InvalidOperationException).Message; (New-Object ArgumentNullException "p").Message',
     ["Operation is not valid due to the current state of the object.", "Value cannot be null.",
      "Parameter name: p"]),
    ('$in = New-Object Exception "inner"; $e = New-Object InvalidOperationException "outer", $in; '
     'try { throw $e } catch { $_.Exception.InnerException.Message; $_.Exception.Message }',
     ["inner", "outer"]),
    ('try { throw (New-Object ArgumentException "bad") } catch [ArgumentNullException] { "no" } '
     'catch [ArgumentException] { "yes: " + $_.Exception.GetType().Name }', ["yes: ArgumentException"]),
    ("try { throw [System.ArgumentException]::new('bad', 'Name') } catch { $_.Exception.ParamName }",
     ["Name"], ("2016",)),
    ("$a = @(1); try { $a[5] = 2 } catch [IndexOutOfRangeException] { 'out of range' }",
     ["out of range"]),
]


@pytest.mark.parametrize("script, expected, version", rows(EXCEPTIONS))
def test_exception_objects(script, expected, version):
    assert run(script, version)[:len(expected)] == expected


@pytest.mark.parametrize("version", BOTH)
def test_a_thrown_exception_is_the_record(version):
    assert error_of("throw (New-Object InvalidOperationException 'stop here')", version) == (
        "stop here", "stop here", "InvalidOperationException")


# ----------------------------------------------------------------- error records

MISSING = "try { Get-Item C:\\nope -ErrorAction Stop } catch { $c = $_.CategoryInfo; "

CATEGORY_INFO = [
    # $_.CategoryInfo is an ErrorCategoryInfo (scripts test its Category), shown as the
    # line of the error view
    (MISSING + "$c.Category; $c.Activity; $c.Reason; $c.TargetName; $c.TargetType }",
     ["ObjectNotFound", "Get-Item", "ItemNotFoundException", "C:\\nope", "String"]),
    (MISSING + "$c.Category -eq 'ObjectNotFound'; "
               "$c.Category -eq [System.Management.Automation.ErrorCategory]::ObjectNotFound; "
               "[int]$c.Category }", ["True", "True", "13"]),
    (MISSING + "\"$c\" }",
     ["ObjectNotFound: (C:\\nope:String) [Get-Item], ItemNotFoundException"]),
    ("try { throw 'x' } catch { $_.CategoryInfo.Category; $_.CategoryInfo.Reason }",
     ["OperationStopped", "RuntimeException"]),
    # -ErrorAction takes the enum's number too (0 SilentlyContinue, 1 Stop)
    ("Get-Item C:\\nope -ErrorAction 0; 'quiet'", ["quiet"]),
    ("Get-Item C:\\nope -ea '0'; 'quiet'", ["quiet"]),
    ("try { Get-Item C:\\nope -ea 1 } catch { 'stopped' }", ["stopped"]),
]


@pytest.mark.parametrize("script, expected, version", rows(CATEGORY_INFO))
def test_error_category_info(script, expected, version):
    assert run(script, version) == expected


# ----------------------------------------------------------------- parameter validation

VALIDATE = "Cannot validate argument on parameter '%s'. "

VALIDATION = [
    ("function f { param([ValidateRange(1,5)][int]$n) $n }; f -n 9", "n",
     "The 9 argument is greater than the maximum allowed range of 5. Supply an argument that is "
     "less than or equal to 5 and then try the command again."),
    ("function f { param([ValidateRange(1,5)][int]$n) $n }; f 0", "n",
     "The 0 argument is less than the minimum allowed range of 1. Supply an argument that is "
     "greater than or equal to 1 and then try the command again."),
    ("function f { param([ValidateNotNullOrEmpty()]$s) $s }; f -s ''", "s",
     "The argument is null or empty. Provide an argument that is not null or empty, and then try "
     "the command again."),
    ("function f { param([ValidateNotNull()]$o) $o }; f $null", "o",
     "The argument is null. Provide a valid value for the argument, and then try running the "
     "command again."),
    ("function f { param([ValidatePattern('^EX')]$s) $s }; f -s MB01", "s",
     'The argument "MB01" does not match the "^EX" pattern. Supply an argument that matches "^EX" '
     'and try the command again.'),
    ("function f { param([ValidateLength(2,4)][string]$s) $s }; f abcdef", "s",
     'The character length of the 6 argument is too long. Shorten the character length of the '
     'argument so it is fewer than or equal to "4" characters, and then try the command again.'),
    ("function f { param([ValidateScript({$_ -gt 0})][int]$n) $n }; f -1", "n",
     'The "$_ -gt 0" validation script for the argument with value "-1" did not return a result '
     'of True. Determine why the validation script failed, and then try the command again.'),
    ("function f { param([ValidateCount(1,2)][string[]]$names) $names }; f a,b,c", "names",
     "The parameter requires at least 1 value(s) and no more than 2 value(s) to be supplied, but "
     "3 value(s) were supplied."),
]


@pytest.mark.parametrize("version", BOTH)
@pytest.mark.parametrize("script, parameter, message", VALIDATION)
def test_validation_attributes_refuse_the_argument(script, parameter, message, version):
    got, fqid, _ = error_of(script, version)
    assert got == VALIDATE % parameter + message
    assert fqid == "ParameterArgumentValidationError,f"


VALID = [
    ("function f { param([ValidateRange(1,5)][int]$n) $n }; f 3", ["3"]),
    ("function f { param([ValidatePattern('^EX')]$s) $s }; f ex02", ["ex02"]),
    ("function f { param([ValidateScript({Test-Path C:\\})]$p) 'ok' }; f x", ["ok"]),
    ("function f { param([ValidateRange(1,10)]$n = 50) $n }; f", ["50"]),   # defaults are not checked
]


@pytest.mark.parametrize("script, expected, version", rows(VALID))
def test_validation_attributes_let_good_arguments_through(script, expected, version):
    assert run(script, version) == expected


NO_OPERATOR = [
    ("@(1,2) - 1", "2010",
     "Method invocation failed because [System.Object[]] doesn't contain a method named 'op_Subtraction'."),
    ("@(1,2) - 1", "2016",
     "Method invocation failed because [System.Object[]] does not contain a method named 'op_Subtraction'."),
    ("$h = @{}; $h.Add('k', 1); $h.Add('k', 2)", "2016",
     'Exception calling "Add" with "2" argument(s): "Item has already been added. Key in '
     "dictionary: 'k'  Key being added: 'k'\""),
    ("@{a=1} / 2", "2016",
     "Method invocation failed because [System.Collections.Hashtable] does not contain a method "
     "named 'op_Division'."),
]


@pytest.mark.parametrize("script, version, message", NO_OPERATOR)
def test_a_missing_operator_names_the_type_in_the_dialects_words(script, version, message):
    got, fqid, _ = error_of(script, version)
    assert got == message
    assert fqid in ("MethodNotFound", "ArgumentException")


OPERAND_ERRORS = [
    # a string that is no number: InvalidArgument, InvalidCastFromStringToInteger
    ("1 + 'a'", 'Cannot convert value "a" to type "System.Int32". Error: "Input string was not '
                'in a correct format."', "InvalidCastFromStringToInteger", "InvalidArgument"),
    ("$v = 1; $v += 'one'", 'Cannot convert value "one" to type "System.Int32". Error: "Input '
                            'string was not in a correct format."',
     "InvalidCastFromStringToInteger", "InvalidArgument"),
    # adding hashtables with a common key: .NET's ArgumentException, not wrapped
    ("@{k = 1} + @{k = 2}", "Item has already been added. Key in dictionary: 'k'  Key being "
                            "added: 'k'", "System.ArgumentException", "OperationStopped"),
]


@pytest.mark.parametrize("version", BOTH)
@pytest.mark.parametrize("script, message, fqid, category", OPERAND_ERRORS)
def test_operand_errors(script, message, fqid, category, version):
    shell, host = make_shell(version)
    shell.run(script)
    assert shell.internal_errors == []
    record = shell.session.errors[0]
    assert (record.message, record.fqid(), record.category) == (message, fqid, category)


@pytest.mark.parametrize("version", BOTH)
def test_a_hashtable_key_clash_is_caught_as_argument_exception(version):
    assert run("try { @{k = 1} + @{k = 2} } catch [System.ArgumentException] { 'caught' }",
               version) == ["caught"]


# ----------------------------------------------------------------- advanced functions

SETS = ("function f { [CmdletBinding(DefaultParameterSetName='ByName')] param("
        "[Parameter(ParameterSetName='ByName', Mandatory=$true)][string]$Name, "
        "[Parameter(ParameterSetName='ById', Mandatory=$true)][int]$Id, $Common) "
        "$PSCmdlet.ParameterSetName }; ")
ALIAS = ("function h { [CmdletBinding()] param([Parameter(ValueFromPipelineByPropertyName=$true)]"
         "[Alias('ComputerName', 'CN')]$Server) process { \"srv $Server\" } }; ")

ADVANCED = [
    # parameter sets: the bound parameters pick one; mandatory only within it
    (SETS + "f -Name x; f -Id 3; f -Name y -Common 1", ["ByName", "ById", "ByName"]),
    # aliases: by name and through the pipeline by property name
    (ALIAS + "h -ComputerName EX01; h -CN EX02", ["srv EX01", "srv EX02"]),
    (ALIAS + "[pscustomobject]@{ComputerName='EX03'}, [pscustomobject]@{Server='EX04'} | h",
     ["srv EX03", "srv EX04"]),
    # the common parameters set the preferences inside
    ("function v { [CmdletBinding()] param() Write-Verbose 'detail'; $VerbosePreference }; v -Verbose; v",
     ["VERBOSE: detail", "Continue", "SilentlyContinue"]),
    ("function e { [CmdletBinding()] param() Get-Item C:\\nope; 'after' }; "
     "e -ErrorAction SilentlyContinue; try { e -ErrorAction Stop } catch { 'stopped' }",
     ["after", "stopped"]),
]


@pytest.mark.parametrize("script, expected, version", rows(ADVANCED))
def test_advanced_functions(script, expected, version):
    assert run(script, version) == expected


@pytest.mark.parametrize("version", BOTH)
def test_parameter_sets_that_cannot_be_resolved(version):
    got, fqid, _ = error_of("function f { [CmdletBinding()] param([Parameter(ParameterSetName='A')]$x, "
                            "[Parameter(ParameterSetName='B')]$y) 1 }; f -x 1 -y 2", version)
    assert (got, fqid) == ("Parameter set cannot be resolved using the specified named parameters.",
                           "AmbiguousParameterSet,f")


@pytest.mark.parametrize("version", BOTH)
def test_a_string_cast_of_an_array_joins_with_ofs(version):
    assert run("$OFS = '-'; $a = 1, 2, 3; \"$a\"; [string]$a; $OFS = $null; [string]$a",
               version) == ["1-2-3", "1-2-3", "1 2 3"]


@pytest.mark.parametrize("version", BOTH)
def test_error_is_an_array_list_scripts_clear(version):
    assert run("Get-Item C:\\nope -ErrorAction SilentlyContinue; Get-Item C:\\x -ea 0; $Error.Count; "
               "$Error.RemoveAt(0); $Error.Count; $Error.Clear(); $Error.Count; "
               "$Error.GetType().FullName", version) == ["2", "1", "0", "System.Collections.ArrayList"]


@pytest.mark.parametrize("version", BOTH)
def test_strict_mode_refuses_a_command_called_like_a_method(version):
    script = "Set-StrictMode -Version 2; function f($a, $b) { $a }; f(1,2)"
    got, fqid, _ = error_of(script, version)
    assert got.startswith("The function or command was called as if it were a method.")
    assert fqid == "StrictModeFunctionCallWithParens"
    assert run("function f($a, $b) { $a }; f(1,2); Set-StrictMode -Version 2; f (1,2); f 3 4",
               version) == ["1", "2", "1", "2", "3"]
