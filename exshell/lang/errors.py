"""Parse errors.

A :class:`ParseError` holds one or more :class:`ParseIssue` (PowerShell reports every
parse error of a script, each with its own position).  :class:`IncompleteInput` is the
subclass raised when the text is a valid *prefix* of a script (unclosed quote, brace,
here-string or block comment, trailing pipe, operator, comma or backtick): the REPL
asks for another line instead of reporting it.

Ids and messages follow PowerShell's resources (``TerminatorExpectedAtEndOfString``,
``MissingEndCurlyBrace``, ...).  Ids are API, prose can change.

This module imports nothing else from exshell but :mod:`exshell.structs`.
"""
from __future__ import annotations

from typing import Optional, Sequence, Tuple

from ..structs import Struct
from .ast import Span

__all__ = ["ParseIssue", "ParseError", "IncompleteInput", "MESSAGES"]

#: error id -> message template.  Texts are Windows PowerShell 5.1's (ParserStrings);
#: ids marked (inferred) are our best guess at the resource name.  Display layers may
#: re-word by id (the 2.0 shell words TerminatorExpectedAtEndOfString differently).
MESSAGES = {
    "UnexpectedToken": "Unexpected token '{token}' in expression or statement.",
    "MissingEndCurlyBrace": "Missing closing '}}' in statement block or type definition.",
    "MissingEndParenthesisInExpression": "Missing closing ')' in expression.",
    "MissingEndParenthesisInSubexpression": "Missing closing ')' in subexpression.",
    "MissingEndParenthesisInMethodCall": "Missing ')' in method call.",
    "ExpectedExpression": "An expression was expected after '('.",
    "MissingExpressionAfterOperator": "Missing expression after unary operator '{token}'.",
    "ExpectedValueExpression": "You must provide a value expression following the '{token}' operator.",
    "MissingExpressionAfterToken": "Missing expression after '{token}' in pipeline element.",  # (inferred id)
    "MissingExpression": "Missing expression after '{token}'.",  # (inferred id)
    "EmptyPipeElement": "An empty pipe element is not allowed.",
    "MissingStatementBlock": "Missing statement block after {token}.",
    "MissingStatementBlockAfterElse": "Missing statement block after 'else' keyword.",
    "MissingOpenParenthesisInIfStatement": "Missing '(' after 'if' in if statement.",
    "MissingEndParenthesisAfterStatement": "Missing closing ')' after expression in '{token}' statement.",  # (inferred)
    "MissingCatchOrFinally": "The Try statement is missing its Catch or Finally block.",
    "MissingEqualsInHashLiteral": "Missing '=' operator after key in hash literal.",
    "IncompleteHashLiteral": "The hash literal was incomplete.",
    "DuplicateKeyInHashLiteral": "Duplicate keys '{token}' are not allowed in hash literals.",
    "MissingVariableNameAfterForeach": "Missing variable name after foreach.",
    "MissingInInForeach": "Missing 'in' after variable in foreach loop.",
    "MissingEndParenthesisAfterForeach": "Missing closing ')' after expression part of foreach loop.",
    "MissingOpenParenthesisAfterKeyword": "Missing opening '(' after keyword '{token}'.",
    "MissingWhileOrUntilInDoWhile": "Missing while or until keyword in do loop.",
    "MissingFunctionBody": "Missing function body in function declaration.",
    "MissingNameAfterKeyword": "Missing name after {token} keyword.",
    "MissingSwitchStatementClause": "Missing switch statement clause.",  # (inferred)
    "MissingLoopStatement": "Missing statement body in {token} loop.",
    "MissingEndSquareBracket": "Missing ']' after array index expression.",
    "MissingArrayIndexExpression": "Array index expression is missing or not valid.",
    "MissingPropertyName": "Missing property name after reference operator.",
    "MissingTypename": "Missing type name after '['.",
    "EndSquareBracketExpectedAtEndOfAttribute": "Missing ] at end of attribute or type literal.",
    "InvalidVariableReference": ("Variable reference is not valid. '$' was not followed by a "
                                 "valid variable name character. Consider using ${{}} to "
                                 "delimit the name."),
    "TerminatorExpectedAtEndOfString": "The string is missing the terminator: {token}.",
    "UnexpectedCharactersAfterHereStringHeader": ("No characters are allowed after a "
                                                  "here-string header but before the end of the line."),
    "WhitespaceBeforeHereStringFooter": "White space is not allowed before the string terminator.",
    "MissingTerminatorMultiLineComment": "The terminator '#>' is missing from the multiline comment.",
    # The console's wording for a backtick at the very end of the input (inferred id).
    "IncompleteString": "Incomplete string token.",
    "RedirectionNotSupported": "The '<' operator is reserved for future use.",
    "InvalidEndOfLine": "The token '{token}' is not a valid statement separator in this version.",
    "AmpersandNotAllowed": ("The ampersand (&) character is not allowed. The & operator is "
                            "reserved for future use; wrap an ampersand in double quotation "
                            "marks (\"&\") to pass it as part of a string."),
    "MissingArgument": "Missing argument in parameter list.",
    "ParameterRequiresArgument": "Parameter {token} requires an argument.",
    "MissingFileSpecification": "Missing file specification after redirection operator.",
    "UnexpectedAttribute": "Unexpected attribute '{token}'.",
    "ParserRecursionLimit": "The script is nested too deeply to be parsed.",  # ours
    "ParserInternalError": "The parser failed on this input: {token}",  # ours; a bug if seen
}


class ParseIssue(Struct, frozen=True):
    """One parse error: PowerShell's id, the message, where (a Struct, not a dataclass:
    ``dataclasses`` costs the start-up its import)."""

    error_id: str
    message: str
    span: Span
    #: The token PowerShell 2.0 names in ``(<Token>:TokenId)``, if known.
    token_name: Optional[str] = None
    #: True when this issue alone would make the input merely incomplete.
    incomplete: bool = False


class ParseError(Exception):
    """The text is not a valid script.  ``issues`` is never empty."""

    def __init__(self, issues: Sequence[ParseIssue], source: str = "", file: Optional[str] = None):
        self.issues: Tuple[ParseIssue, ...] = tuple(issues)
        self.source = source
        self.file = file
        super().__init__(self.issues[0].message if self.issues else "parse error")

    @property
    def first(self) -> ParseIssue:
        return self.issues[0]


class IncompleteInput(ParseError):
    """The text could become valid with more lines (REPL continuation)."""
