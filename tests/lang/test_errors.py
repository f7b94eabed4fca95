"""Parse errors: input -> (incomplete?, error id, line, column).

Incomplete input is what the REPL continues with ``>> ``; everything else is a real
error reported at the offending token (1-based line/column).
"""
import pytest

from exshell.lang import IncompleteInput, ParseError, parse

INC, ERR = "incomplete", "error"

CASES = [
    # strings and comments
    ('Write-Host "abc', INC, "TerminatorExpectedAtEndOfString", 1, 12),
    ("'abc", INC, "TerminatorExpectedAtEndOfString", 1, 1),
    ("Get-ExchangeCertificate -thumbprint \u201cC5DD", INC, "TerminatorExpectedAtEndOfString", 1, 37),
    ('@"\nabc', INC, "TerminatorExpectedAtEndOfString", 1, 1),
    ("@'\nabc\n", INC, "TerminatorExpectedAtEndOfString", 1, 1),
    ('@" x\nabc\n"@', ERR, "UnexpectedCharactersAfterHereStringHeader", 1, 4),
    ("@'\nabc\n  '@", ERR, "WhitespaceBeforeHereStringFooter", 3, 1),
    ("<# never closed", INC, "MissingTerminatorMultiLineComment", 1, 1),
    ("Get-Foo <# x", INC, "MissingTerminatorMultiLineComment", 1, 9),
    ("Get-Foo `", INC, "IncompleteString", 1, 9),
    # pipelines and commands
    ("Get-Foo |", INC, "EmptyPipeElement", 1, 10),
    ("Get-Foo |\n", INC, "EmptyPipeElement", 2, 1),
    ("| fl", ERR, "EmptyPipeElement", 1, 1),
    ("Get-Foo | | fl", ERR, "EmptyPipeElement", 1, 11),
    ("Enable-ExchangeCertificate -Services IIS,", INC, "MissingExpressionAfterToken", 1, 42),
    ("Get-Foo ,a", ERR, "MissingArgument", 1, 9),
    ("Get-Foo -Name:", ERR, "ParameterRequiresArgument", 1, 9),
    ("Get-Foo -Name: | fl", ERR, "ParameterRequiresArgument", 1, 9),
    ("a && b", ERR, "InvalidEndOfLine", 1, 3),
    ("a || b", ERR, "InvalidEndOfLine", 1, 3),
    ("Get-Foo < in.txt", ERR, "RedirectionNotSupported", 1, 9),
    ("$x < 5", ERR, "RedirectionNotSupported", 1, 4),
    ("Get-Foo & bar", ERR, "AmpersandNotAllowed", 1, 9),
    ("Get-Foo 2>", ERR, "MissingFileSpecification", 1, 11),
    # expressions
    ("(1 + 2", INC, "MissingEndParenthesisInExpression", 1, 7),
    ("(1 + 2\n", INC, "MissingEndParenthesisInExpression", 1, 7),
    ("$x = (", INC, "ExpectedExpression", 1, 7),
    ("$x =", INC, "ExpectedValueExpression", 1, 5),
    ("1 -eq", INC, "ExpectedValueExpression", 1, 6),
    ("1 \u2013eq", INC, "ExpectedValueExpression", 1, 6),
    ("$a -and", INC, "ExpectedValueExpression", 1, 8),
    ("1 +\n", INC, "ExpectedValueExpression", 2, 1),
    ("-not", INC, "MissingExpressionAfterOperator", 1, 5),
    ("$a[", INC, "MissingArrayIndexExpression", 1, 4),
    ("$a[0", INC, "MissingEndSquareBracket", 1, 5),
    ("$x.", INC, "MissingPropertyName", 1, 4),
    ("$x.Foo(1,", INC, "MissingExpression", 1, 10),
    ("$x.Foo(1", INC, "MissingEndParenthesisInMethodCall", 1, 9),
    ("$($x", INC, "MissingEndParenthesisInSubexpression", 1, 5),
    ("@(1", INC, "MissingEndParenthesisInSubexpression", 1, 4),
    ("@{ a = 1", INC, "IncompleteHashLiteral", 1, 9),
    ("@{ a 1 }", ERR, "MissingEqualsInHashLiteral", 1, 6),
    ("@{ a = 1; A = 2 }", ERR, "DuplicateKeyInHashLiteral", 1, 11),
    ("[int", INC, "EndSquareBracketExpectedAtEndOfAttribute", 1, 5),
    ("1 2", ERR, "UnexpectedToken", 1, 3),
    ("$x $y", ERR, "UnexpectedToken", 1, 4),
    ("$x -foo 1", ERR, "UnexpectedToken", 1, 4),
    ("Get-Foo )", ERR, "UnexpectedToken", 1, 9),
    ("}", ERR, "UnexpectedToken", 1, 1),
    # blocks and statements
    ("{ a", INC, "MissingEndCurlyBrace", 1, 1),
    ("Get-Foo | ? {\n $_.x", INC, "MissingEndCurlyBrace", 1, 13),
    ("if ($x) {\n  Get-Foo\n", INC, "MissingEndCurlyBrace", 1, 9),
    ("if ($x)", INC, "MissingStatementBlock", 1, 8),
    ("if ($x) { } else", INC, "MissingStatementBlockAfterElse", 1, 17),
    ("if $x { }", ERR, "MissingOpenParenthesisInIfStatement", 1, 4),
    ("if (", INC, "ExpectedExpression", 1, 5),
    ("if ($x", INC, "MissingEndParenthesisAfterStatement", 1, 7),
    ("foreach (", INC, "MissingVariableNameAfterForeach", 1, 10),
    ("foreach ($x", INC, "MissingInInForeach", 1, 12),
    ("foreach ($x in $y", INC, "MissingEndParenthesisAfterForeach", 1, 18),
    ("foreach (1 in $y) { }", ERR, "MissingVariableNameAfterForeach", 1, 10),
    ("foreach ($x in $y)", INC, "MissingLoopStatement", 1, 19),
    ("while ($true)", INC, "MissingLoopStatement", 1, 14),
    ("do { }", INC, "MissingWhileOrUntilInDoWhile", 1, 7),
    ("try { a }", INC, "MissingCatchOrFinally", 1, 10),
    ("try { a } Get-Foo", ERR, "MissingCatchOrFinally", 1, 10),
    ("function f", INC, "MissingFunctionBody", 1, 11),
    ("function", INC, "MissingNameAfterKeyword", 1, 9),
    ("class Foo { ", INC, "MissingEndCurlyBrace", 1, 13),
    # closers that raise their own error (fail actions), complete input: at the token
    ("(1 2", ERR, "MissingEndParenthesisInExpression", 1, 4),
    ("$a.b(1 2", ERR, "MissingEndParenthesisInMethodCall", 1, 8),
    ("$a[1 2]", ERR, "MissingEndSquareBracket", 1, 6),
    ("if (1 2) {}", ERR, "MissingEndParenthesisAfterStatement", 1, 7),
    ("while (1 2) {}", ERR, "MissingEndParenthesisAfterStatement", 1, 10),
    ("do {} while (1 2)", ERR, "MissingEndParenthesisAfterStatement", 1, 16),
    ("for (1; 2; 3 4) {}", ERR, "MissingEndParenthesisAfterStatement", 1, 14),
    ("switch (1 2) {}", ERR, "MissingEndParenthesisAfterStatement", 1, 11),
    ("foreach ($a in 1 2) {}", ERR, "MissingEndParenthesisAfterForeach", 1, 18),
    ("param($a 1)", ERR, "MissingEndParenthesisInExpression", 1, 10),
    ("function f($a 1) {}", ERR, "MissingEndParenthesisInExpression", 1, 15),
    ("$(1", INC, "MissingEndParenthesisInSubexpression", 1, 4),
    ("$x = 1 2", ERR, "UnexpectedToken", 1, 8),
]


@pytest.mark.parametrize("text, kind, error_id, line, column", CASES)
def test_error(text, kind, error_id, line, column):
    with pytest.raises(ParseError) as info:
        parse(text)
    err = info.value
    issue = err.first
    assert (issue.error_id, issue.span.line, issue.span.column) == (error_id, line, column)
    assert isinstance(err, IncompleteInput) == (kind == INC)
    assert issue.incomplete == (kind == INC)
    assert err.source == text


def test_messages_are_powershells():
    with pytest.raises(IncompleteInput) as info:
        parse('Write-Host "abc')
    assert str(info.value) == 'The string is missing the terminator: ".'
    assert info.value.first.token_name == '"'
    with pytest.raises(ParseError) as info:
        parse("Get-Foo -Name:")
    assert info.value.first.message == "Parameter -Name: requires an argument."
    with pytest.raises(ParseError) as info:
        parse("a && b")
    assert info.value.first.message == "The token '&&' is not a valid statement separator in this version."
    with pytest.raises(ParseError) as info:
        parse("$x -foo 1")
    assert info.value.first.message == "Unexpected token '-foo' in expression or statement."
    with pytest.raises(IncompleteInput) as info:
        parse("{ a")
    assert info.value.first.message == "Missing closing '}' in statement block or type definition."


def test_unterminated_string_span_covers_the_opening_quote():
    with pytest.raises(IncompleteInput) as info:
        parse("Get-Foo\nWrite-Host 'x")
    span = info.value.first.span
    assert (span.line, span.column, span.end - span.start) == (2, 12, 1)


def test_file_name_is_carried():
    with pytest.raises(ParseError) as info:
        parse("1 2", file="c:\\x.ps1")
    assert info.value.file == "c:\\x.ps1"


def test_deep_nesting_is_a_parse_error_not_a_crash():
    text = "(" * 3000 + "1" + ")" * 3000
    try:
        parse(text)
    except ParseError as e:
        assert e.first.error_id == "ParserRecursionLimit"


def test_every_error_of_a_script_is_reported():
    text = "Get-Foo -Name:\n$ok = 1\n1 2\nif ($x) {\n  a )\n}\nGet-Bar &&"
    with pytest.raises(ParseError) as info:
        parse(text)
    err = info.value
    assert not isinstance(err, IncompleteInput)
    got = [(i.error_id, i.span.line) for i in err.issues]
    assert got[:2] == [("ParameterRequiresArgument", 1), ("UnexpectedToken", 3)]
    assert ("InvalidEndOfLine", 7) in got


def test_real_error_then_incomplete_tail_is_an_error():
    with pytest.raises(ParseError) as info:
        parse("1 2\nWrite-Host 'abc")
    assert not isinstance(info.value, IncompleteInput)
    assert [i.error_id for i in info.value.issues] == ["UnexpectedToken", "TerminatorExpectedAtEndOfString"]


@pytest.mark.parametrize("text", ["[int]2.5", "[string](1,2)", "(([int]2))", "$x = [byte[]]$(1,2)"])
def test_casts_before_numbers_and_parentheses(text):
    from exshell.lang import parse
    script = parse(text)
    assert "ConvertExpr" in repr(script)


def test_script_param_block_then_a_statement_on_the_same_line():
    from exshell.lang import parse
    script = parse('param($n = 2) "hello $n"')
    assert script.param_block is not None and len(script.statements) == 1


def test_script_file_named_blocks_belong_to_the_script():
    from exshell.lang import parse
    script = parse("param($a)\nbegin { 1 }\nprocess { 2 }\nend { 3 }\n")
    assert [b.name for b in script.blocks] == ["begin", "process", "end"]
    assert script.statements == () and script.param_block is not None
