"""The PowerShell grammar (pyparsing) and ``parse(text) -> ast.Script``.

This module owns the whole surface syntax exshell understands: tokens (as pyparsing
``Regex`` elements), the grammar that strings them together, the parse actions that
turn matches into :mod:`exshell.lang.ast` nodes, and the translation of failures into
:class:`~exshell.lang.errors.ParseError` / :class:`~exshell.lang.errors.IncompleteInput`
with PowerShell's error ids and 1-based positions.  It imports nothing else from
exshell (only ``ast`` and ``errors`` of this package) and knows no cmdlet names.

How it is built, and why:

* Whitespace is *not* skipped by pyparsing.  Newlines are significant in PowerShell and
  "whitespace" includes backtick-newline continuations and comments, so every token
  regex starts with an explicit trivia prefix (``TRIVIA``: blanks, `` `<newline> ``,
  ``<# #>`` and ``#`` comments).  Tokens that must touch the previous one
  (``$x.Name``, ``$a[0]``, pieces of a bare word) are built without that prefix.
  Tokens after which PowerShell lets a line break (``(``, ``{``, ``,``, ``|``, binary
  operators, ``=``) swallow trailing newlines in the same regex.
* Binary operators (and the comma, which binds tighter than all of them) are parsed
  flat (``operand (op operand)*``) and grouped by precedence in a parse action: one
  regex per operator slot instead of sixteen nested grammar levels.
* The grammar never backtracks over a statement: a lookahead regex decides between
  keyword statement, expression mode and argument (command) mode, and assignment is
  recognised after the left-hand expression.  Packrat is therefore off (measured:
  enabling it halves throughput, the cache costs more than the rare re-parse).
* Fast paths: the commonest shapes (a pipeline of commands whose arguments are plain
  words, ``-Name``, ``-Name:$false``, ``IIS,SMTP``, numbers, ``$x.Prop`` and quoted
  strings without ``$``; an operator-only expression of simple operands (``$i++``
  included), alone or piped into such commands; ``$x = <that>``) are each one
  ``Regex`` element whose action re-scans the match; in a statement list the same
  pattern also takes the separators after the statement.  They build exactly the
  trees the general rules build (``tests/lang/test_fast_path.py`` compares the two
  grammars), and anything else falls through to the general rules.
* After the build, Forward elements are bypassed and alternatives nested in
  alternatives (sequences in sequences) spliced: one element call fewer each.
  pyparsing's ``streamline()`` is not used (the splice pass covers it, and it costs
  build time); regexes compile on first use (most of the start-up cost otherwise).
* Errors are raised eagerly by "expected X" alternatives (``_fail`` elements) so the
  position is exact; when the text ends where more was expected the error becomes
  :class:`IncompleteInput` (the REPL then asks for another line).
* The grammar is built on first use, once per process.

Grammar (BNF; ``~`` = no trivia allowed before the item, ``NL`` = newlines allowed)::

    script         ::= seps? param_block? (named_block* | (statement end seps?)*) EOF
    seps           ::= (';' | NEWLINE)+
    end            ::= lookahead(';' | NEWLINE | ')' | '}' | EOF)
    statement      ::= fast_statement | keyword_statement | pipeline
    keyword_statement ::= if_statement | ':'label NL loop_statement | loop_statement
                     | try_statement | function_definition | flow_statement
                     | trap_statement | unsupported_statement | param_block
    loop_statement ::= foreach_statement | for_statement | while_statement
                     | do_statement | switch_statement
    pipeline       ::= expression (assign_op NL statement | redirection* ('|' NL element)*)
                     | command ('|' NL element)*
    assign_op      ::= '=' | '+=' | '-=' | '*=' | '/=' | '%='
    element        ::= expression redirection* | command
    command        ::= ('&' | '.') command_name_expr command_element*
                     | generic_name command_element*
    command_element::= parameter | redirection | argument | '--'
    parameter      ::= DASH name (~':' argument?)?
    argument       ::= arg_primary (',' NL arg_primary)*
    arg_primary    ::= bare_word | variable (~postfix+ | ~word_piece+)? | number
                     | string ~word_piece* | '@'~name | group_primary ~postfix*
    bare_word      ::= plain ~word_piece*
    word_piece     ::= plain | variable | '$(' statements ')' | string
    redirection    ::= ('1'..'6' | '*')? ('>' | '>>') ('&' ('1'..'6') | argument)
    expression     ::= unary ((binary_op | ',') NL unary)*    -- grouped by precedence:
                         ',' > '..' > '-f' > '* / %' > '+ -' > comparison/-replace/-split/
                         -join/-is/-as > -band/-bor/-bxor/-shl/-shr > -and/-or/-xor
    expr_no_comma  ::= unary (binary_op NL unary)*
    unary          ::= fast_operand | postfix_expr ('++' | '--')? | unary_op NL unary
    unary_op       ::= '-not' | '!' | '-bnot' | '-split' | '-join' | '-' | '+'
                     | '++' | '--' | ','
    postfix_expr   ::= primary (~'.' member ~call? | ~'::' member ~call? | ~'[' NL expression NL ']')*
    member         ::= name | variable | string
    call           ::= '(' NL (expr_no_comma (',' NL expr_no_comma)*)? NL ')'
    primary        ::= variable | number | string | here_string | '(' NL pipeline NL ')'
                     | '$(' statements ')' | '@(' statements ')' | hash_literal
                     | script_block | '[' type ']' unary?      -- a cast when an operand follows
    hash_literal   ::= '@{' (seps | key '=' NL statement)* '}'
    script_block   ::= '{' param_block? (named_block* | statements) '}'
    named_block    ::= ('begin' | 'process' | 'end' | 'dynamicparam') '{' statements '}'
    param_block    ::= attribute* 'param' '(' NL (parameter_decl (',' NL parameter_decl)*)? NL ')'
    parameter_decl ::= (attribute | '[' type ']')* variable ('=' NL expr_no_comma)?
    attribute      ::= '[' name '(' (attr_arg (',' attr_arg)*)? ')' ']'
    string         ::= single_quoted | '"' (text | variable | '$(' statements ')')* '"'
                     | here_single | '@"' NEWLINE (text | variable | '$(' statements ')')* NEWLINE '"@'
    if_statement   ::= 'if' '(' pipeline ')' block ('elseif' '(' pipeline ')' block)* ('else' block)?
    foreach_statement ::= 'foreach' '(' variable 'in' pipeline ')' block
    for_statement  ::= 'for' '(' pipeline? (';' | NEWLINE)? pipeline? (';' | NEWLINE)? pipeline? ')' block
    while_statement ::= 'while' '(' pipeline ')' block
    do_statement   ::= 'do' block ('while' | 'until') '(' pipeline ')'
    block          ::= '{' statements '}'
    switch_statement ::= 'switch' switch_option* '(' pipeline ')' '{' (('default' | arg_primary) block)* '}'
    try_statement  ::= 'try' block ('catch' ('[' type ']' (',' '[' type ']')*)? block)* ('finally' block)?
    trap_statement ::= 'trap' ('[' type ']')? block
    function_definition ::= ('function' | 'filter') name ('(' parameter_decl,* ')')? script_block
    flow_statement ::= ('break' | 'continue') label? | ('return' | 'exit' | 'throw') pipeline?
    unsupported_statement ::= ('class' | 'enum' | 'configuration' | 'workflow') header
                              balanced_braces | 'data' name? balanced_braces
                            | 'using' ('namespace' | 'module' | 'assembly') rest_of_line
    fast_statement ::= (simple_var assign_op NL)?
                       (fast_operand (binary_op NL fast_operand)* ('|' NL simple_command)*
                       | simple_command ('|' NL simple_command)*) end seps?
                       -- seps only in a statement list
"""
from __future__ import annotations

import re
import sys
import threading
from bisect import bisect_right
from decimal import Decimal
from typing import Optional

from . import ast as A
from .errors import IncompleteInput, ParseError, ParseIssue

__all__ = ["parse", "build_grammar", "MESSAGES"]

# ----------------------------------------------------------------- character classes

#: PowerShell's four dashes (parameters, operators, negative numbers).
DASH = "-\u2013\u2014\u2015"
#: Single-quote family; any member closes any other.
SQ = "'\u2018\u2019\u201a\u201b"
#: Double-quote family.
DQ = '"\u201c\u201d\u201e'
_D = f"[{DASH}]"
_SQ = f"[{SQ}]"
_DQ = f"[{DQ}]"
_NEWLINE = r"(?:\r\n|\n|\r)"
# Blanks: space, tab, FF, VT, NBSP, NEL and the Unicode separators, not CR/LF.  Python's
# \s is that set plus U+001C..U+001F, which PowerShell does not count as blanks; the
# difference is accepted because the short class compiles about six times faster (and
# ~100 token regexes start with it: grammar start-up cost).
_WS = r"[^\S\r\n]"
# Where a token may start: blanks, backtick-newline (continuation), a backtick before a
# blank (skipped like a blank), block comments and line comments.  Possessive so a
# failing token after long trivia never backtracks into it.
TRIVIA = rf"(?:{_WS}|`{_NEWLINE}|`(?={_WS})|<#[\s\S]*?#>|#[^\r\n]*)*+"
NL_TRIVIA = rf"(?:{_WS}|{_NEWLINE}|`{_NEWLINE}|`(?={_WS})|<#[\s\S]*?#>|#[^\r\n]*)*+"
# A variable reference after '$' (without the sigil): ${any}, scope:name, name, or one
# of the one-character names.
_VARNAME = (r"(?:\{(?P<vb>(?:[^}`]|`[\s\S])*)\}"
            r"|(?:(?P<vs>[^\W\d]\w*):(?![:\\/]))?(?P<vn>(?:\w|\?)+)"
            r"|(?P<vc>[$?^]))")
# What may follow '$' for it to start a variable (else '$' is a literal character).
_VARSTART = r"[\w{(?^$]"
# Where a simple argument ends (the fast path only; anything else takes the slow path).
_ARG_END = r"(?=[\s;|)}]|\Z)"
# Numbers.  Value conversion happens in _number().
_NUMBER = (r"(?:0[xX](?P<hex>[0-9a-fA-F]+)"
           r"|(?P<dec>(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+\-]?\d+)?))"
           r"(?P<suf>[lLdD])?(?P<mul>[kKmMgGtTpP][bB])?")
# A number in argument mode only counts when a delimiter follows (7z is a word).
_CMD_DELIM = r"(?=[\s(),;{}|&]|\Z)"
# In expression mode a number ends at operator characters too.
_EXPR_DELIM = rf"(?=[\s(),;{{}}|&!#%*+\-\u2013\u2014\u2015./<=>\]\[:]|\Z)"
# One piece of a bare word: anything up to whitespace or ( ) , ; { } | & ; '$' only
# when it cannot start a variable; quotes and backticks handled as their own pieces.
_PLAIN = rf"(?:[^\s(),;{{}}|&$`{SQ}{DQ}]|`(?![\r\n])[\s\S]|\$(?!{_VARSTART}))++"
_TYPE0 = r"[^\W\d][\w.`+]*"
_TYPEARG = rf"(?:\[{_TYPE0}(?:\[\s*,*\s*\])*\]|{_TYPE0}(?:\[\s*,*\s*\])*)"
_TYPENAME = (rf"{_TYPE0}(?:\[\s*{_TYPEARG}(?:\s*,\s*{_TYPEARG})*\s*\])?"
             r"(?:\[\s*,*\s*\])*")

# Binary operators: normalised name -> precedence (PowerShell's TokenFlags order).
_COMPARISON = ("eq ne gt ge lt le like notlike match notmatch contains notcontains "
               "in notin replace split").split()
_PRECEDENCE = {",": 8, "..": 7, "f": 6, "*": 5, "/": 5, "%": 5, "+": 4, "-": 4,
               "join": 3, "is": 3, "isnot": 3, "as": 3,
               "band": 2, "bor": 2, "bxor": 2, "shl": 2, "shr": 2,
               "and": 1, "or": 1, "xor": 1}
for _op in _COMPARISON:
    _PRECEDENCE[_op] = _PRECEDENCE["i" + _op] = _PRECEDENCE["c" + _op] = 3
# The comparison operators take an optional i/c prefix; written as one group so the token
# patterns (embedded several times in the fast paths) stay short: regex compile time grows
# with pattern length and is most of the grammar's start-up cost.  Order is irrelevant:
# the (?![\w?]) after the group only lets a whole operator word through.
_NAMED_BINOPS = (f"[ic]?(?:{'|'.join(sorted(_COMPARISON, key=len, reverse=True))})|"
                 + "|".join(sorted((k for k in _PRECEDENCE if k[0].isalpha() and k not in _COMPARISON
                                    and k[1:] not in _COMPARISON), key=len, reverse=True)))

_KEYWORDS = ("if elseif else foreach for while do until switch try catch finally trap "
             "function filter break continue return exit throw param begin process end "
             "dynamicparam class enum using configuration workflow data in").split()


_NUMBER_UNNAMED = re.sub(r"[(][?]P<[a-z]+>", "(?:", _NUMBER)
# A simple value glued to `-Name:` ($false, $x, Stop) and a plain word in a comma list.
_FAST_PV = r"\$[^\W\d]\w*(?![\w:?.\[])|[^\W\d][\w.\-]*+"
_FAST_WORD = (rf"(?![{DASH}]|{_NUMBER_UNNAMED}{_CMD_DELIM}|[@<>#]|[1-6*]?>)"
              rf"(?:[^\s(),;{{}}|&$`{SQ}{DQ}])++")
# Binary operator tokens (expression mode), named ones in any case.
_BINOPS = (rf"{_D}(?i:{_NAMED_BINOPS})(?![\w?])|\.\.|\*(?!=)|/(?!=)|%(?!=)|\+(?![+=])"
           rf"|{_D}(?![{DASH}=]|[^\W\d])")
# Fast paths: the most common arguments and operands as one regex each (same nodes as
# the general rules; anything unusual falls through to them).
_FAST_OPERAND_CORE = (
    rf"(?P<fv>\${_VARNAME}(?P<fm>(?:\.\w+)*+))(?P<fi>\+\+|{_D}{_D}(?![\w$]))?"
    rf"(?![.\[(\w:]|\+\+|{_D}{_D})"
    rf"|(?P<fn>{_NUMBER}){_EXPR_DELIM}(?![.\[]|\+\+|{_D}{_D})"
    rf"|{_SQ}(?P<fs>(?:[^{SQ}]|{_SQ}{{2}})*+){_SQ}(?![.\[])"
    rf"|{_DQ}(?P<fd>(?:[^$`{DQ}]|{_DQ}{_DQ})*+){_DQ}(?![.\[])")
_FAST_OPERAND_UNNAMED = "(?:" + re.sub(r"[(][?]P<[a-z]+>", "(?:", _FAST_OPERAND_CORE) + ")"
_FAST_ARG_CORE = (
    rf"(?P<fp>{_D}(?P<pn>(?:[^\W\d]|[_?])[^\s(){{}};,|&.\[:{SQ}{DQ}]*+)(?P<pc>:(?={_FAST_PV}))?)"
    rf"(?P<pv>{_FAST_PV})?{_ARG_END}"
    rf"|(?P<fl>{_FAST_WORD}(?:{TRIVIA},{NL_TRIVIA}{_FAST_WORD})++){_ARG_END}"
    rf"|(?P<fsb>\{{{TRIVIA}(?P<fsbx>{_FAST_OPERAND_UNNAMED}(?:{TRIVIA}(?:{_BINOPS}){NL_TRIVIA}"
    rf"{_FAST_OPERAND_UNNAMED})*+){TRIVIA}\}}){_ARG_END}"
    rf"|(?P<fsp>@(?:\w|\?)++){_ARG_END}"
    rf"|(?P<frd>(?P<frs>[1-6*])?(?P<fra>>>?)(?:&(?P<frm>[1-6])|(?P<frn>\$null))){_ARG_END}"
    rf"|(?P<fn>{_D}?{_NUMBER}){_ARG_END}"
    rf"|(?P<fv>\${_VARNAME}(?P<fm>(?:\.\w+)*+)){_ARG_END}"
    rf"|{_SQ}(?P<fs>(?:[^{SQ}]|{_SQ}{{2}})*+){_SQ}{_ARG_END}"
    rf"|{_DQ}(?P<fd>(?:[^$`{DQ}]|{_DQ}{_DQ})*+){_DQ}{_ARG_END}"
    rf"|(?P<fw>(?![{DASH}]{{2}}{_CMD_DELIM})(?!{_D}(?:[^\W\d]|[_?])|[@<>#]|[1-6*]?>)"
    rf"(?:[^\s(),;{{}}|&$`{SQ}{DQ}]|\$(?!{_VARSTART}))++){_ARG_END}")
# A command name the fast statement path accepts: a plain word that is not a keyword
# and cannot start an expression.
_FAST_NAME_CORE = (
    rf"(?!(?i:{'|'.join(_KEYWORDS)})(?=[\s(){{}};|]|\Z))"
    rf"(?![{DASH}@<>#=\[(.$:!,+]|{re.sub(r'[(][?]P<[a-z]+>', '(?:', _NUMBER)}{_EXPR_DELIM})"
    rf"(?:[^\s(),;{{}}|&$`{SQ}{DQ}]|\$(?!{_VARSTART}))++(?=[\s;|)}}]|\Z)")
_STMT_END = rf"(?={TRIVIA}(?:[;\r\n)}}]|\Z))"

# ------------------------------------------------------------------ error messages

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


class _Abort(Exception):
    """Raised from parse actions to stop parsing with one issue (not a pyparsing error,
    so no alternative swallows it)."""

    def __init__(self, issue: ParseIssue):
        super().__init__(issue.message)
        self.issue = issue


# ------------------------------------------------------------------ parse context

class _Context:
    """Per-parse state the (global, shared) grammar's actions read."""

    __slots__ = ("text", "starts", "last_op")

    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        self.starts.extend(m.end() for m in re.finditer("\n", text))
        self.last_op = ""

    def span(self, start: int, end: int) -> A.Span:
        i = bisect_right(self.starts, start) - 1
        return A.Span(start, end, i + 1, start - self.starts[i] + 1)


_C: _Context = _Context("")
_LOCK = threading.RLock()
_GRAMMAR = None

_REST_EMPTY = re.compile(NL_TRIVIA + r"\Z")
_SKIP = re.compile(TRIVIA)
_SKIP_NL = re.compile(NL_TRIVIA)
_TOKEN_TEXT = re.compile(
    rf"&&|\|\||{_D}?[\w$@\-\u2013\u2014\u2015.:\\/?*%+=~^!]+|[{SQ}{DQ}][^\r\n]*|[^\s]")


def _token_at(text: str, loc: int) -> tuple[int, int, str]:
    """The token starting at (or after trivia from) ``loc``: (start, end, text)."""
    loc = _SKIP.match(text, loc).end()
    m = _TOKEN_TEXT.match(text, loc)
    if not m:
        return loc, loc, ""
    return loc, m.end(), m.group()


def _issue(error_id: str, start: int, end: Optional[int] = None, *, token: str = "",
           incomplete: bool = False) -> ParseIssue:
    if end is None:
        end = start
    template = MESSAGES[error_id]
    # Only messages that name a token carry one (the caller may pass a stale operator).
    if "{token}" not in template:
        token = ""
    return ParseIssue(error_id, template.format(token=token), _C.span(start, end),
                      token_name=token or None, incomplete=incomplete)


def _abort(error_id, start, end=None, *, token="", incomplete=False):
    raise _Abort(_issue(error_id, start, end, token=token, incomplete=incomplete))


def _at_end(loc: int) -> bool:
    return _REST_EMPTY.match(_C.text, loc) is not None


def _diagnose(loc: int) -> ParseIssue:
    """Explain why no token could be read at ``loc`` (after trivia)."""
    text = _C.text
    start = _SKIP.match(text, loc).end()
    if text.startswith("<#", start):
        return _issue("MissingTerminatorMultiLineComment", start, start + 2, incomplete=True)
    if start < len(text) and text[start] == "`" and _REST_EMPTY.match(text, start + 1):
        return _issue("IncompleteString", start, start + 1, incomplete=True)
    s, e, tok = _token_at(text, start)
    if not tok:
        return _issue("UnexpectedToken", s, e, token="")
    if tok in ("&&", "||"):
        return _issue("InvalidEndOfLine", s, e, token=tok)
    if tok[0] == "<":
        return _issue("RedirectionNotSupported", s, s + 1)
    if tok[0] == "&":
        return _issue("AmpersandNotAllowed", s, s + 1)
    if tok[0] == "|":
        return _issue("EmptyPipeElement", s, s + 1)
    if tok[0] == "$" and (len(tok) == 1 or not re.match(_VARSTART, tok[1])):
        return _issue("InvalidVariableReference", s, s + 1)
    return _issue("UnexpectedToken", s, e, token=tok)


def _fail_with(error_id, *, token="", incomplete_at_end=True, need_more_ok=True):
    """A parse-action function that aborts at the failure point."""
    def action(s, loc, toks):
        start = _SKIP.match(_C.text, loc).end()
        if incomplete_at_end and _at_end(loc):
            _abort(error_id, start, start, token=token or _C.last_op, incomplete=True)
        if not need_more_ok:
            _abort(error_id, start, start, token=token or _C.last_op)
        issue = _diagnose(loc)
        if issue.incomplete or issue.error_id != "UnexpectedToken":
            raise _Abort(issue)
        _abort(error_id, issue.span.start, issue.span.end, token=token or _C.last_op)
    return action


def _fail_unexpected(s, loc, toks):
    raise _Abort(_diagnose(loc))


# ------------------------------------------------------------------ value helpers

_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
            "v": "\v"}
_DQ_UNESCAPE = re.compile(rf"`([\s\S])|{_DQ}({_DQ})")
_SQ_UNESCAPE = re.compile(rf"{_SQ}({_SQ})")
_BARE_UNESCAPE = re.compile(r"`([\s\S])")


def _dq_unescape(raw: str) -> str:
    if "`" not in raw and not any(c in raw for c in DQ):
        return raw
    return _DQ_UNESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1))
                            if m.group(1) is not None else m.group(2), raw)


def _bare_unescape(raw: str) -> str:
    if "`" not in raw:
        return raw
    return _BARE_UNESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), raw)


_MULTIPLIERS = {"kb": 1 << 10, "mb": 1 << 20, "gb": 1 << 30, "tb": 1 << 40, "pb": 1 << 50}


def _number(m: "re.Match", group: int) -> A.NumberConstant:
    text = m.group(group)
    neg = text[0] in DASH
    suf = (m.group("suf") or "").lower()
    mul = _MULTIPLIERS.get((m.group("mul") or "").lower(), 1)
    if m.group("hex") is not None:
        value = int(m.group("hex"), 16)
        # Hex literals are two's complement in their type: 0xFFFFFFFF is -1 (int).
        if value <= 0xFFFFFFFF and suf != "l":
            value = value - (1 << 32) if value >= 1 << 31 else value
        elif value <= 0xFFFFFFFFFFFFFFFF:
            value = value - (1 << 64) if value >= 1 << 63 else value
        if suf == "d":
            value = Decimal(value)
        value = value * mul
    else:
        dec = m.group("dec")
        if suf == "d":
            value = Decimal(dec) * mul
        elif "." in dec or "e" in dec or "E" in dec:
            value = float(dec) * mul
            if value.is_integer() and mul != 1 and "." not in dec and "e" not in dec.lower():
                value = int(value)
        else:
            value = int(dec) * mul
            if value >= 1 << 63 and suf != "l":
                value = Decimal(value) if value < 10 ** 28 else float(value)
    if neg:
        value = -value
    s, e = m.span(group)
    return A.NumberConstant(_C.span(s, e), value, text.replace(text[0], "-", 1) if neg else text)


def _variable(m: "re.Match", start: int, end: int, splat: bool = False) -> A.VariableExpr:
    braced = m.group("vb")
    if braced is not None:
        name = _BARE_UNESCAPE.sub(lambda x: x.group(1), braced)
        scope = None
        if ":" in name:
            head, _, tail = name.partition(":")
            if head.lower() in ("global", "local", "script", "private", "using", "env",
                                "variable", "function", "alias"):
                scope, name = head.lower(), tail
    else:
        name = m.group("vn") or m.group("vc")
        scope = m.group("vs")
        scope = scope.lower() if scope else None
    return A.VariableExpr(_C.span(start, end), name, scope, splat)


def _merge_parts(parts):
    out = []
    for p in parts:
        if isinstance(p, str):
            if not p:
                continue
            if out and isinstance(out[-1], str):
                out[-1] += p
                continue
        out.append(p)
    return tuple(out)


def _string_node(parts, start, end, kind):
    parts = _merge_parts(parts)
    span = _C.span(start, end)
    if all(isinstance(p, str) for p in parts):
        return A.StringConstant(span, "".join(parts), kind)
    return A.ExpandableString(span, parts, kind)


class _Piece:
    """Intermediate: a piece of a string or bare word (text or expression)."""

    __slots__ = ("parts", "start", "end", "kind")

    def __init__(self, parts, start, end, kind="text"):
        self.parts, self.start, self.end, self.kind = parts, start, end, kind


class _Post:
    """Intermediate: one postfix operation (member, call, index, ++/--)."""

    __slots__ = ("kind", "member", "static", "args", "end")

    def __init__(self, kind, member=None, static=False, args=(), end=0):
        self.kind, self.member, self.static, self.args, self.end = kind, member, static, args, end


class _Tok:
    """Intermediate: a bare keyword or operator token with its span."""

    __slots__ = ("text", "start", "end", "kind")

    def __init__(self, text, start, end, kind=""):
        self.text, self.start, self.end, self.kind = text, start, end, kind

    def __repr__(self):  # debugging aid
        return f"_Tok({self.text!r}, {self.start}, {self.end}, {self.kind!r})"


def _norm_op(text: str) -> str:
    if text[0] in DASH and len(text) > 1 and text[1].isalpha():
        return text[1:].lower()
    if text[0] in DASH:
        return "-" + text[1:].replace("\u2013", "-").replace("\u2014", "-").replace("\u2015", "-") \
            if len(text) > 1 else "-"
    return text


def _start(node) -> int:
    if isinstance(node, A.Node):
        return node.span.start
    return node.start


def _end(node) -> int:
    if isinstance(node, A.Node):
        return node.span.end
    return node.end


def _fast_value(s, loc, toks):
    """Parse action for FAST_ARG / FAST_OPERAND (see _build)."""
    return _fast_match(toks[0])


_WORDS = re.compile(r"[^\s,]+")
#: Token elements the fast actions re-scan with (set by _build; compiled on first use).
_SCAN: dict = {}


def _fast_expression(text, pos, end):
    """Build ``operand (op operand)*`` from ``pos`` (a fast-path match ending at ``end``)."""
    items = []
    operand = _SCAN["operand"].re.match
    binop = _SCAN["binop"].re.match
    while True:
        om = operand(text, pos)
        items.append(_fast_match(om))
        pos = om.end()
        bm = binop(text, pos)
        if bm is None or bm.end() > end:
            break
        items.append(_Tok(bm.group(1), bm.start(1), bm.end(1)))
        pos = bm.end()
    return _climb(items)


def _fast_match(m, whole=1):
    """Build the node for a match of one of the fast-path patterns."""
    g = m.group
    if g("fv") is not None:
        start = m.start("fv")
        chain = g("fm")
        var_end = m.end("fv") - len(chain)
        node = _variable(m, start, var_end)
        if chain:
            pos = var_end
            for name in chain[1:].split("."):
                pos += 1 + len(name)
                node = A.MemberExpr(_C.span(start, pos), node, name, False)
        # `$i++` (operand patterns only; the argument pattern has no such group)
        if "fi" in m.re.groupindex and g("fi") is not None:
            node = A.UnaryExpr(_C.span(start, m.end("fi")), "++" if g("fi") == "++" else "--",
                               node, postfix=True)
        return node
    if g("fn") is not None:
        return _number(m, "fn")
    if g("fs") is not None:
        value = g("fs")
        if any(c in value for c in SQ):
            value = _SQ_UNESCAPE.sub(r"\1", value)
        return A.StringConstant(_C.span(m.start(whole), m.end(whole)), value, "single")
    if g("fd") is not None:
        return A.StringConstant(_C.span(m.start(whole), m.end(whole)), _dq_unescape(g("fd")), "double")
    if g("fp") is not None:
        pv = g("pv")
        if pv is None:
            return A.CommandParameter(_C.span(m.start(whole), m.end(whole)), g("pn"), g("fp"),
                                      None, False)
        vs, ve = m.span("pv")
        if pv[0] == "$":
            arg = A.VariableExpr(_C.span(vs, ve), pv[1:], None, False)
        else:
            arg = A.StringConstant(_C.span(vs, ve), pv, "bare")
        return A.CommandParameter(_C.span(m.start("fp"), ve), g("pn"), g("fp"), arg, True)
    if g("fsb") is not None:
        node = _fast_expression(_C.text, m.start("fsbx"), m.end("fsbx"))
        pipe = A.Pipeline(node.span, (A.CommandExpression(node.span, node),))
        start, end = m.span("fsb")
        return A.ScriptBlockExpr(_C.span(start, end), (pipe,), None, (), _C.text[start + 1:end - 1])
    if g("fsp") is not None:
        return A.VariableExpr(_C.span(m.start("fsp"), m.end("fsp")), g("fsp")[1:], None, True)
    if g("frd") is not None:
        rs, re_ = m.span("frd")
        stream, append = g("frs") or "1", g("fra") == ">>"
        if g("frm"):
            return A.Redirection(_C.span(rs, re_), stream, append, None, g("frm"))
        target = A.VariableExpr(_C.span(m.start("frn"), re_), "null", None, False)
        return A.Redirection(_C.span(rs, re_), stream, append, target)
    if g("fl") is not None:
        base = m.start("fl")
        items = tuple(A.StringConstant(_C.span(base + w.start(), base + w.end()), w.group(), "bare")
                      for w in _WORDS.finditer(g("fl")))
        return A.ArrayLiteral(_C.span(items[0].span.start, items[-1].span.end), items)
    return A.StringConstant(_C.span(m.start(whole), m.end(whole)), g("fw"), "bare")


def _climb(items):
    """Group ``operand (op operand)*`` by PowerShell precedence (all left-associative);
    ``op`` items are _Tok.  Comma lists flatten into one ArrayLiteral."""
    if len(items) == 1:
        return items[0]
    operands = [items[0]]
    ops = []
    built_lists = set()

    def reduce():
        name = ops.pop()[0]
        right = operands.pop()
        left = operands.pop()
        span = _C.span(left.span.start, right.span.end)
        if name == ",":
            if id(left) in built_lists:
                node = A.ArrayLiteral(span, left.items + (right,))
            else:
                node = A.ArrayLiteral(span, (left, right))
            built_lists.add(id(node))
            keep.append(node)
        else:
            node = A.BinaryExpr(span, name, left, right)
        operands.append(node)
    keep = []  # keeps ids in built_lists valid
    for i in range(1, len(items), 2):
        name = _norm_op(items[i].text)
        prec = _PRECEDENCE[name]
        while ops and ops[-1][1] >= prec:
            reduce()
        ops.append((name, prec))
        operands.append(items[i + 1])
    while ops:
        reduce()
    return operands[0]


def _closed(items, closer, open_index=0):
    """The closing token of a bracketed construct, or abort with MissingEndCurlyBrace at
    the opening one (what PowerShell points at); incomplete when the text just ends."""
    last = items[-1]
    if isinstance(last, _Tok) and last.text == closer and len(items) > open_index + 1:
        return last
    o = items[open_index]
    after = _end(last)
    if _at_end(after):
        _abort("MissingEndCurlyBrace", o.start, o.end, incomplete=True)
    issue = _diagnose(after)
    if issue.error_id != "UnexpectedToken" or issue.incomplete:
        raise _Abort(issue)
    _abort("MissingEndCurlyBrace", o.start, o.end)


# ------------------------------------------------------------------ grammar


def _build(fast: bool = True):
    import pyparsing as pp

    Regex, Forward, ZeroOrMore, OneOrMore, Opt, Empty = (
        pp.Regex, pp.Forward, pp.ZeroOrMore, pp.OneOrMore, pp.Opt, pp.Empty)
    CI = re.IGNORECASE

    def LRegex(empty, pattern, flags=0, as_match=False):
        """A Regex compiled on first use (most of the grammar's build time is regex
        compilation, and a one-line command touches only a fraction of the tokens).
        ``empty`` says whether it can match the empty string, which pyparsing would
        otherwise compile the pattern to find out."""
        r = Regex(pattern, flags=flags, as_match=as_match)
        r.mayReturnEmpty = empty
        return r

    def tok(p, flags=0, nl_after=False):
        tail = NL_TRIVIA if nl_after else ""
        return LRegex(False, TRIVIA + "(" + p + ")" + tail, flags=flags, as_match=True)

    def tok_nl(p, flags=0, nl_after=False):
        tail = NL_TRIVIA if nl_after else ""
        return LRegex(False, NL_TRIVIA + "(" + p + ")" + tail, flags=flags, as_match=True)

    def glued(p, flags=0, nl_after=False):
        tail = NL_TRIVIA if nl_after else ""
        return LRegex(False, "(" + p + ")" + tail, flags=flags, as_match=True)

    def alt(*exprs):
        """``a | b`` when ``a`` is a Forward: pyparsing's Forward.__or__ inspects the call
        stack (a warning check; costly at start-up), MatchFirst itself does not."""
        return pp.MatchFirst(list(exprs))

    def must(elem, error_id, **kw):
        """``elem | fail(error_id)`` for an element used in this one place: the error is
        raised by its fail action, which saves an alternative (an element call) per use."""
        action = _fail_with(error_id, **kw)
        elem.set_fail_action(lambda s, loc, expr, err: action(s, loc, None))
        return elem

    def fail(error_id, **kw):
        return Empty().set_parse_action(_fail_with(error_id, **kw))

    def act(elem, fn):
        elem.set_parse_action(fn)
        return elem

    def look(p):
        """A zero-width check (consumes only trivia)."""
        return LRegex(True, TRIVIA + "(?=" + p + ")").set_parse_action(_drop)

    def _drop(s, l, t):
        return []

    def as_tok(kind=""):
        def action(s, l, t):
            m = t[0]
            return _Tok(m.group(1), m.start(1), m.end(1), kind)
        return action

    def token(p, kind="", flags=0, nl_after=False, nl_before=False):
        maker = tok_nl if nl_before else tok
        return act(maker(p, flags, nl_after), as_tok(kind))

    # ---- forwards
    statement = Forward()
    pipeline = Forward()
    expression = Forward()
    expr_nc = Forward()       # expression without the comma level (method arguments)
    unary = Forward()
    statements = Forward()    # a statement list, up to a closer
    script_block = Forward()
    arg_value = Forward()
    block = Forward()         # { statements } as a StatementBlock
    word_piece = Forward()
    attribute = Forward()
    fast_pipeline = Forward()  # FAST_STMT | pipeline, wherever a pipeline is expected

    # ---- punctuation
    LPAREN = token(r"\(", nl_after=True)
    RPAREN = token(r"\)", nl_before=True)
    LBRACE = token(r"\{")
    RBRACE_NL = token(r"\}", nl_before=True)
    COMMA_NL = token(",", nl_after=True)
    SEPS = act(LRegex(False, r"(?:" + TRIVIA + r"[;\r\n])++" + TRIVIA), _drop)
    NLS = act(LRegex(True, NL_TRIVIA), _drop)
    END = look(r"[;\r\n)}]|\Z")

    # ---- variables
    def var_action(s, l, t):
        m = t[0]
        return _variable(m, m.start(1), m.end(1))
    VARIABLE = act(tok(r"\$" + _VARNAME), var_action)
    VARIABLE_G = act(glued(r"\$" + _VARNAME), var_action)

    def splat_action(s, l, t):
        m = t[0]
        return _variable(m, m.start(1), m.end(1), splat=True)
    SPLAT = act(tok(r"@(?P<vn>(?:\w|\?)+)(?P<vb>(?!))?(?P<vs>(?!))?(?P<vc>(?!))?"),
                splat_action)

    # ---- numbers
    def num_action(s, l, t):
        return _number(t[0], 1)
    NUMBER_EXPR = act(tok(_NUMBER + _EXPR_DELIM), num_action)
    NUMBER_CMD = act(tok(_D + "?" + _NUMBER + _CMD_DELIM), num_action)

    # ---- strings
    def sq_factory(prefix_tok):
        def action(s, l, t):
            m = t[0]
            if m.group("sqend") is None:
                _abort("TerminatorExpectedAtEndOfString", m.start(1), m.start(1) + 1,
                       token="'", incomplete=True)
            value = _SQ_UNESCAPE.sub(r"\1", m.group("sq"))
            return A.StringConstant(_C.span(m.start(1), m.end(1)), value, "single")
        return act(prefix_tok(rf"{_SQ}(?P<sq>(?:[^{SQ}]|{_SQ}{{2}})*+)(?P<sqend>{_SQ})?"), action)

    def hs_sq_factory(prefix_tok):
        def action(s, l, t):
            m = t[0]
            if m.group("hdr").strip(" \t\f\v\u00a0"):
                _abort("UnexpectedCharactersAfterHereStringHeader",
                       m.start("hdr") + len(m.group("hdr")) - len(m.group("hdr").lstrip()),
                       m.end("hdr"))
            if m.group("body") is None and m.group("close") is None:
                _here_missing(m.start(1), "'@")
            return A.StringConstant(_C.span(m.start(1), m.end(1)), m.group("body") or "",
                                    "here-single")
        return act(prefix_tok(rf"@{_SQ}(?P<hdr>[^\r\n]*)(?:{_NEWLINE}"
                              rf"(?:(?P<body>[\s\S]*?){_NEWLINE})??(?P<close>{_SQ}@))?"), action)

    def _here_missing(start, term):
        text = _C.text
        family = SQ if term[0] in SQ else DQ
        w = re.compile(rf"{_NEWLINE}({_WS}+)[{family}]@").search(text, start)
        if w:
            _abort("WhitespaceBeforeHereStringFooter", w.start(1), w.end(1))
        _abort("TerminatorExpectedAtEndOfString", start, start + 2, token=term,
               incomplete=True)

    # double-quoted: open, pieces, close

    def dq_text_action(s, l, t):
        m = t[0]
        return _Piece((_dq_unescape(m.group(1)),), m.start(1), m.end(1))
    DQ_TEXT = act(glued(rf"(?:[^$`{DQ}]|`[\s\S]|{_DQ}{_DQ}|\$(?!{_VARSTART}))++"), dq_text_action)
    HS_TEXT = act(glued(rf"(?:[^$`\r\n]|`[\s\S]|\$(?!{_VARSTART})|{_NEWLINE}(?!{_DQ}@))++"),
                  lambda s, l, t: _Piece((_bare_unescape(t[0].group(1)),),
                                         t[0].start(1), t[0].end(1)))

    def sub_action(s, l, t):
        items = list(t)
        o, c = items[0], items[-1]
        return A.SubExpr(_C.span(o.start, c.end), tuple(items[1:-1]))
    SUB_OPEN_G = act(glued(r"\$\(", nl_after=True), as_tok())
    SUB_CLOSE = must(token(r"\)", nl_before=True), "MissingEndParenthesisInSubexpression")
    SUBEXPR_G = act(SUB_OPEN_G + statements + SUB_CLOSE, sub_action)

    string_piece_expr = VARIABLE_G | SUBEXPR_G

    def string_factory(prefix_tok, here=False):
        """A double-quoted string or here-string; unterminated -> IncompleteInput with
        the span of the opening quote."""
        if here:
            quote_open = prefix_tok(rf"@{_DQ}(?P<hdr>[^\r\n]*)(?:{_NEWLINE}|\Z)")
            close = glued(rf"(?:{_NEWLINE}|(?<=[\r\n])){_DQ}@")
            body = ZeroOrMore(HS_TEXT | string_piece_expr)
        else:
            quote_open = prefix_tok(_DQ)
            close = glued(_DQ)
            body = ZeroOrMore(DQ_TEXT | string_piece_expr)

        def open_action(s, l, t):
            m = t[0]
            if here and m.group("hdr").strip(" \t\f\v\u00a0"):
                _abort("UnexpectedCharactersAfterHereStringHeader",
                       m.start("hdr") + len(m.group("hdr")) - len(m.group("hdr").lstrip()),
                       m.end("hdr"))
            return _Tok(m.group(1), m.start(1), m.end(1), "open")

        def action(s, l, t):
            items = list(t)
            o = items[0]
            c = items[-1]
            if not isinstance(c, re.Match):
                # The closing quote is missing (only possible at the end of the text).
                if here:
                    _here_missing(o.start, '"@')
                _abort("TerminatorExpectedAtEndOfString", o.start, o.end, token='"',
                       incomplete=True)
            parts = []
            for p in items[1:-1]:
                if isinstance(p, _Piece):
                    parts.extend(p.parts)
                else:
                    parts.append(p)
            return _string_node(parts, o.start, c.end(1), "here-double" if here else "double")

        missing = act(Empty(), lambda s, l, t: _Tok("", l, l, "missing"))
        return act(act(quote_open, open_action) + body + (close | missing), action)

    SQ_STRING = sq_factory(tok)
    SQ_STRING_G = sq_factory(glued)
    HS_SQ = hs_sq_factory(tok)
    DQ_STRING = string_factory(tok)
    DQ_STRING_G = string_factory(glued)
    HS_DQ = string_factory(tok, here=True)
    STRING = SQ_STRING | DQ_STRING
    STRING_G = SQ_STRING_G | DQ_STRING_G
    HERE = HS_DQ | HS_SQ

    # ---- postfix operations
    def member_action(s, l, t):
        m = t[0]
        return _Tok(m.group("mn"), m.start(1), m.end(1), "::" if m.group("op") == "::" else ".")
    MEMBER_NAME = act(glued(r"(?P<op>\.|::)(?P<mn>\w+)"), member_action)
    MEMBER_OP_DYN = act(glued(r"\.|::(?=[$'\"\u2018\u2019\u201a\u201b\u201c\u201d\u201e(])"),
                        lambda s, l, t: _Tok(t[0].group(1), t[0].start(1), t[0].end(1),
                                             "dyn"))
    CALL_OPEN = act(glued(r"\(", nl_after=True), as_tok())
    CALL_CLOSE = must(token(r"\)", nl_before=True), "MissingEndParenthesisInMethodCall")
    call_args = CALL_OPEN + Opt(expr_nc + ZeroOrMore(
        COMMA_NL + alt(expr_nc, fail("MissingExpression", token=",")))) + CALL_CLOSE

    def call_action(s, l, t):
        items = list(t)
        args = tuple(x for x in items[1:-1] if not isinstance(x, _Tok))
        return _Post("call", args=args, end=items[-1].end)
    CALL = act(call_args, call_action)

    def member_post_action(s, l, t):
        items = list(t)
        name_tok = items[0]
        static = name_tok.kind == "::" or (name_tok.kind == "dyn" and name_tok.text == "::")
        if name_tok.kind == "dyn":
            member = items[1]
            rest = items[2:]
        else:
            member = name_tok.text
            rest = items[1:]
        if rest:
            call = rest[0]
            return _Post("invoke", member, static, call.args, call.end)
        return _Post("member", member, static, end=_end(items[-1]))
    dyn_member = VARIABLE_G | STRING_G
    MEMBER = act((MEMBER_NAME | (MEMBER_OP_DYN + dyn_member)) + Opt(CALL), member_post_action)
    MEMBER_MISSING = LRegex(False, r"\.(?!\.)|::").set_parse_action(
        lambda s, l, t: _abort("MissingPropertyName", l + len(t[0]), l + len(t[0]),
                               incomplete=_at_end(l + len(t[0]))))

    INDEX_OPEN = act(glued(r"\[", nl_after=True), as_tok())
    INDEX_CLOSE = must(token(r"\]", nl_before=True), "MissingEndSquareBracket")

    def index_action(s, l, t):
        items = list(t)
        return _Post("index", items[1], end=items[-1].end)
    INDEX = act(INDEX_OPEN + alt(expression, fail("MissingArrayIndexExpression")) + INDEX_CLOSE,
                index_action)
    POSTFIX = MEMBER | INDEX | MEMBER_MISSING
    POSTFIX_GUARD = LRegex(True, r"(?=[.:\[])").set_parse_action(_drop)

    def postfix_action(s, l, t):
        items = list(t)
        node = items[0]
        for p in items[1:]:
            start = node.span.start
            if p.kind == "member":
                node = A.MemberExpr(_C.span(start, p.end), node, p.member, p.static)
            elif p.kind == "invoke":
                node = A.InvokeMemberExpr(_C.span(start, p.end), node, p.member, p.args, p.static)
            elif p.kind == "index":
                node = A.IndexExpr(_C.span(start, p.end), node, p.member)
            elif p.kind == "incdec":
                node = A.UnaryExpr(_C.span(start, p.end), p.member, node, postfix=True)
        return node

    # ---- groupings
    def paren_action(s, l, t):
        items = list(t)
        o, c = items[0], items[-1]
        return A.ParenExpr(_C.span(o.start, c.end), items[1])
    PAREN = act(LPAREN + alt(fast_pipeline, fail("ExpectedExpression", token="(")) +
                must(token(r"\)", nl_before=True), "MissingEndParenthesisInExpression"), paren_action)

    SUBEXPR = act(act(tok(r"\$\(", nl_after=True), as_tok()) + statements + SUB_CLOSE,
                  sub_action)

    def array_action(s, l, t):
        items = list(t)
        o, c = items[0], items[-1]
        return A.ArrayExpr(_C.span(o.start, c.end), tuple(items[1:-1]))
    ARRAYEXPR = act(token(r"@\(", nl_after=True) + statements +
                    (token(r"\)", nl_before=True) | fail("MissingEndParenthesisInSubexpression")),
                    array_action)

    # hash literal
    HASH_KEY_WORD = act(tok(r"(?:[^\W\d]|_)[\w\-]*+"),
                        lambda s, l, t: A.StringConstant(_C.span(t[0].start(1), t[0].end(1)),
                                                         t[0].group(1), "bare"))
    HASH_KEY = HASH_KEY_WORD | unary
    HASH_EQ = token("=(?!=)", nl_after=True)
    hash_entry = HASH_KEY + (HASH_EQ | fail("MissingEqualsInHashLiteral", incomplete_at_end=True)) + \
        alt(statement, fail("MissingExpression", token="="))

    def hash_entry_action(s, l, t):
        items = list(t)
        return ((items[0], items[2]),)
    hash_entry.set_parse_action(hash_entry_action)
    HASH_END = look(r"[;\r\n}]|\Z") | act(Empty(), _fail_unexpected)

    def hash_action(s, l, t):
        items = list(t)
        o, c = items[0], items[-1]
        pairs = tuple(p[0] for p in items[1:-1])
        seen = {}
        for k, _v in pairs:
            if isinstance(k, (A.StringConstant, A.NumberConstant)):
                key = str(k.value).lower()
                if key in seen:
                    _abort("DuplicateKeyInHashLiteral", k.span.start, k.span.end,
                           token=str(k.value))
                seen[key] = True
        return A.HashLiteral(_C.span(o.start, c.end), pairs)
    HASH_GUARD = LRegex(True, TRIVIA + r"(?![}]|\Z)").set_parse_action(_drop)
    HASH = act(token(r"@\{") + Opt(SEPS) + ZeroOrMore(SEPS | HASH_GUARD + hash_entry + HASH_END) +
               (RBRACE_NL | fail("IncompleteHashLiteral")), hash_action)

    # script blocks: '{' param_block? (named blocks | statements) '}'
    param_block = Forward()

    def sb_action(s, l, t):
        items = list(t)
        o, c = items[0], _closed(items, "}")
        inner = items[1:-1]
        pb = None
        if inner and isinstance(inner[0], A.ParamBlock):
            pb = inner[0]
            inner = inner[1:]
        text = _C.text[o.end:c.start]
        if inner and all(isinstance(x, A.NamedBlock) for x in inner):
            return A.ScriptBlockExpr(_C.span(o.start, c.end), (), pb, tuple(inner), text)
        return A.ScriptBlockExpr(_C.span(o.start, c.end), tuple(inner), pb, (), text)

    def named_block_action(s, l, t):
        items = list(t)
        kw, o, c = items[0], items[1], _closed(items, "}", 1)
        name = kw.text.lower()
        span = _C.span(kw.start, c.end)
        if name == "dynamicparam":
            # Parsed (so the braces balance and errors inside are reported) but not run.
            unsupported = A.UnsupportedStatement(span, "dynamicparam", _C.text[kw.start:c.end])
            return A.NamedBlock(span, name, (unsupported,))
        return A.NamedBlock(span, name, tuple(items[2:-1]))
    NAMED_KW = token(r"(?:begin|process|end|dynamicparam)(?=" + NL_TRIVIA + r"\{)", flags=CI,
                     nl_before=True)
    named_block = act(NAMED_KW + NLS + LBRACE + statements + Opt(RBRACE_NL), named_block_action)
    named_blocks = OneOrMore(named_block + Opt(SEPS)) + NLS
    SB_PARAM_GUARD = LRegex(True, TRIVIA + r"(?=(?i:param)" + NL_TRIVIA + r"\(|\[" + TRIVIA + _TYPE0
                            + TRIVIA + r"\()").set_parse_action(_drop)
    sb_body = Opt(SEPS) + Opt(SB_PARAM_GUARD + param_block + Opt(SEPS)) + (named_blocks | statements)
    script_block <<= act(LBRACE + sb_body + Opt(RBRACE_NL), sb_action)

    # type literal / cast
    def type_action(s, l, t):
        m = t[0]
        if m.group("tn") is None:
            _abort("MissingTypename", m.start(1), m.end(1))
        if m.group("tc") is None:
            _abort("EndSquareBracketExpectedAtEndOfAttribute", m.end(1), m.end(1),
                   incomplete=_at_end(m.end(1)))
        return A.TypeLiteral(_C.span(m.start(1), m.end(1)), m.group("tn"))
    # Without its `]`, a name followed by `(` or a word character is not a type
    # literal (an attribute, `[Parameter(...)]`, or an index); with it, anything may
    # follow: `[int]2.5`, `[string](1,2)` are casts.
    TYPE = act(tok(rf"\[(?:{TRIVIA}(?P<tn>{_TYPENAME}){TRIVIA}(?:(?P<tc>\])|(?![\w(])))?(?(tc)|(?![\w(]))"),
               type_action)

    # cast / type literal: `[int]'30'` casts; `[datetime]::Now`, `[int]` alone are values.
    def type_or_cast_action(s, l, t):
        ty = t[0]
        if len(t) == 1:
            return ty
        operand = t[1]
        if ty.name.lower() == "ordered" and isinstance(operand, A.HashLiteral):
            return A.HashLiteral(_C.span(ty.span.start, operand.span.end), operand.pairs, True)
        return A.ConvertExpr(_C.span(ty.span.start, operand.span.end), ty.name, operand)
    NOT_STATIC = LRegex(True, r"(?!\.|::|\[)" + TRIVIA + rf"(?![)\]}};,|\r\n=]|\Z|{_D}[^\W\d])"
                       ).set_parse_action(_drop)
    type_or_cast = act(TYPE + Opt(NOT_STATIC + unary), type_or_cast_action)

    # Ordered by how often each starts an operand in admin scripts (each failed
    # alternative costs a call).
    primary = (VARIABLE | PAREN | STRING | type_or_cast | NUMBER_EXPR | SUBEXPR | HASH
               | ARRAYEXPR | script_block | HERE)

    INCDEC_POST = act(glued(rf"\+\+|{_D}{_D}(?![\w$])"),
                      lambda s, l, t: _Post("incdec", "++" if t[0].group(1) == "++" else "--",
                                            end=t[0].end(1)))
    POSTFIX_ANY = POSTFIX_GUARD + POSTFIX
    POSTFIX_OR_INC = LRegex(True, rf"(?=[.:\[]|\+\+|{_D}{_D})").set_parse_action(_drop)
    postfix_expr = act(primary + Opt(POSTFIX_OR_INC + ZeroOrMore(POSTFIX_ANY) + Opt(INCDEC_POST)),
                       postfix_action)

    # Fast path for the most common operands: `$x`, `$x.A.B`, numbers, simple strings,
    # when nothing glued follows.  Same nodes as the general path, one regex.
    FAST_OPERAND = act(tok(_FAST_OPERAND_CORE), _fast_value)

    # ---- unary
    UNARY_OP = token(rf"{_D}(?:not|bnot|split|join)(?![\w?])|!|\+\+|{_D}{_D}|{_D}(?![=]|[^\W\d])"
                     rf"|\+(?![=])|,", flags=CI, nl_after=True)

    def unary_action(s, l, t):
        op, operand = t[0], t[1]
        text = op.text
        if text == ",":
            return A.ArrayLiteral(_C.span(op.start, operand.span.end), (operand,))
        name = _norm_op(text)
        if name == "-" and isinstance(operand, A.NumberConstant) and \
                operand.span.start == op.end and not operand.text.startswith("-"):
            return A.NumberConstant(_C.span(op.start, operand.span.end), -operand.value,
                                    "-" + operand.text)
        return A.UnaryExpr(_C.span(op.start, operand.span.end), name, operand)

    def unary_op_track(s, l, t):
        _C.last_op = t[0].text
        return t
    UNARY_OP.add_parse_action(unary_op_track)
    unary <<= (FAST_OPERAND | postfix_expr
               | act(UNARY_OP + alt(unary, fail("MissingExpressionAfterOperator")), unary_action))

    # ---- binary operators (and the comma, which binds tighter than all of them)
    _binops = _BINOPS
    BINOP = token(_binops, flags=CI, nl_after=True)
    BINOP_OR_COMMA = token(_binops + "|,", flags=CI, nl_after=True)

    def binop_track(s, l, t):
        _C.last_op = t[0].text
        return t
    BINOP.add_parse_action(binop_track)
    BINOP_OR_COMMA.add_parse_action(binop_track)

    def binary_action(s, l, t):
        return _climb(list(t))

    expression <<= act(unary + ZeroOrMore(BINOP_OR_COMMA + alt(unary, fail("ExpectedValueExpression"))),
                       binary_action)
    expr_nc <<= act(unary + ZeroOrMore(BINOP + alt(unary, fail("ExpectedValueExpression"))),
                    binary_action)

    # ---- redirections
    def redir_action(s, l, t):
        items = list(t)
        m = items[0]
        stream = m.group("st") or "1"
        append = m.group("ap") == ">>"
        merge = m.group("mg")
        if merge:
            return A.Redirection(_C.span(m.start(1), m.end(1)), stream, append, None, merge)
        target = items[1]
        return A.Redirection(_C.span(m.start(1), target.span.end), stream, append, target)
    REDIR_TOK = tok(r"(?P<st>[1-6*])?(?P<ap>>>?)(?:&(?P<mg>[1-6]))?")
    REDIRECTION = act(REDIR_TOK + Opt(LRegex(True, r"(?<=&[1-6])").set_parse_action(_drop) |
                                      arg_value | fail("MissingFileSpecification",
                                                       incomplete_at_end=False)),
                      redir_action)

    # ---- argument mode
    PLAIN_FIRST = tok(rf"(?![{DASH}]{{2}}{_CMD_DELIM})(?!{_D}?{_NUMBER}{_CMD_DELIM})"
                      rf"(?![@<>#]){_PLAIN}")
    PLAIN_G = glued(_PLAIN)

    def plain_action(s, l, t):
        m = t[0]
        return _Piece((_bare_unescape(m.group(1)),), m.start(1), m.end(1))
    PLAIN_FIRST.set_parse_action(plain_action)
    PLAIN_G.set_parse_action(plain_action)
    word_piece <<= PLAIN_G | VARIABLE_G | SUBEXPR_G | STRING_G

    def word_action(s, l, t):
        items = list(t)
        parts = []
        for p in items:
            if isinstance(p, _Piece):
                parts.extend(p.parts)
            elif isinstance(p, A.StringConstant):
                parts.append(p.value)
            elif isinstance(p, A.ExpandableString):
                parts.extend(p.parts)
            else:
                parts.append(p)
        return _string_node(parts, _start(items[0]), _end(items[-1]), "bare")
    BAREWORD = act(PLAIN_FIRST + ZeroOrMore(word_piece), word_action)

    var_arg = act(VARIABLE + ZeroOrMore(POSTFIX), postfix_action)

    def var_any_action(s, l, t):
        if len(t) > 1 and not isinstance(t[1], _Post):
            return word_action(s, l, t)
        return postfix_action(s, l, t)
    # `$a.b`/`$a[0]` are member/index access; `$x-y` glues into one bare word.
    var_any = act(VARIABLE + Opt(OneOrMore(POSTFIX) | OneOrMore(word_piece)), var_any_action)
    def string_arg_action(s, l, t):
        return t[0] if len(t) == 1 else word_action(s, l, t)
    # A string argument, possibly with pieces glued on ("a"b, 'x'$y): one rule, so a
    # string (with its subexpressions) is not parsed a second time when nothing is glued.
    string_arg = act((STRING | HERE) + ZeroOrMore(word_piece), string_arg_action)
    group_arg = act((PAREN | SUBEXPR | ARRAYEXPR | HASH | script_block) + ZeroOrMore(POSTFIX),
                    postfix_action)
    arg_primary = (BAREWORD | var_any | string_arg | NUMBER_CMD | group_arg | SPLAT)

    def arg_value_action(s, l, t):
        items = [x for x in t if not isinstance(x, _Tok)]
        if len(items) == 1:
            return items[0]
        return A.ArrayLiteral(_C.span(items[0].span.start, items[-1].span.end), tuple(items))
    COMMA_A = token(",", nl_after=True)
    arg_value <<= act(arg_primary + ZeroOrMore(
        COMMA_A + (arg_primary | fail("MissingExpressionAfterToken", token=","))),
        arg_value_action)

    def param_action(s, l, t):
        items = list(t)
        m = items[0]
        text = m.group(1)
        name = m.group("pn")
        colon = m.group("pc") is not None
        arg = items[1] if len(items) > 1 else None
        if colon and arg is None:
            _abort("ParameterRequiresArgument", m.start(1), m.end(1), token=text)
        end = arg.span.end if arg is not None else m.end(1)
        return A.CommandParameter(_C.span(m.start(1), end), name, text, arg, colon)
    PARAM_TOK = tok(rf"{_D}(?P<pn>(?:[^\W\d]|[_?])[^\s(){{}};,|&.\[:{SQ}{DQ}]*+)(?P<pc>:)?")
    PARAM_ARG = LRegex(True, r"(?<=:)").set_parse_action(_drop) + Opt(~END + arg_value)
    PARAM = act(PARAM_TOK + Opt(PARAM_ARG), param_action)
    DASHDASH = act(tok(rf"{_D}{_D}{_CMD_DELIM}"), lambda s, l, t: _Tok("--", t[0].start(1),
                                                                       t[0].end(1), "--"))
    COMMA_BAD = act(tok(","), lambda s, l, t: _abort("MissingArgument", t[0].start(1),
                                                     t[0].end(1)))
    # Fast path first (plain words, -Name, numbers, $x.Prop, simple strings, each ending
    # at a delimiter); the guard stops the slow alternatives at the end of a command.
    FAST_ARG = act(tok(_FAST_ARG_CORE), _fast_value)
    ELEM_GUARD = LRegex(True, TRIVIA + r"(?![;\r\n|)}]|\Z)").set_parse_action(_drop)
    cmd_element = FAST_ARG | ELEM_GUARD + (PARAM | REDIRECTION | arg_value | DASHDASH | COMMA_BAD)

    def command_action(s, l, t):
        items = list(t)
        first = items[0]
        invocation = ""
        if isinstance(first, _Tok) and first.kind == "invoke":
            invocation = first.text
            items = items[1:]
            if not items:
                _abort("MissingExpression", first.start, first.end, token=first.text,
                       incomplete=_at_end(first.end))
            name_node = items[0]
            start = first.start
        else:
            name_node = first
            start = _start(first)
        if isinstance(name_node, _Piece):
            name = "".join(p for p in name_node.parts if isinstance(p, str))
            name_span = _C.span(name_node.start, name_node.end)
        elif isinstance(name_node, A.StringConstant) and name_node.kind == "bare":
            name = name_node.value
            name_span = name_node.span
        else:
            name = name_node
            name_span = name_node.span
        elements = []
        redirs = []
        end_params = False
        for x in items[1:]:
            if isinstance(x, _Tok):
                end_params = True
                continue
            if isinstance(x, A.Redirection):
                redirs.append(x)
            elif end_params and isinstance(x, A.CommandParameter):
                elements.append(A.StringConstant(x.span, _C.text[x.span.start:x.span.end], "bare"))
            else:
                elements.append(x)
        end = max([name_span.end] + [_end(x) for x in items[1:]])
        return A.CommandCall(_C.span(start, end), name, name_span, tuple(elements), invocation,
                             tuple(redirs))

    def cmd_name_action(s, l, t):
        m = t[0]
        return _Piece((_bare_unescape(m.group(1)),), m.start(1), m.end(1))
    CMD_NAME = act(tok(rf"(?![@<>#=]){_PLAIN}"), cmd_name_action)
    INVOKE = act(tok(r"&(?!&)|\.(?=[\s{$(" + SQ + DQ + r"])"),
                 lambda s, l, t: _Tok(t[0].group(1), t[0].start(1), t[0].end(1), "invoke"))
    invoke_target = (var_arg | STRING | group_arg | CMD_NAME)
    command = act((INVOKE + Opt(invoke_target) | CMD_NAME) + ZeroOrMore(cmd_element),
                  command_action)

    # ---- pipelines and assignment
    def expr_elem_action(s, l, t):
        items = list(t)
        expr = items[0]
        redirs = tuple(items[1:])
        end = redirs[-1].span.end if redirs else expr.span.end
        return A.CommandExpression(_C.span(expr.span.start, end), expr, redirs)
    expr_elem = act(expression + ZeroOrMore(REDIRECTION), expr_elem_action)

    ASSIGN_OP = token(rf"=(?!=)|\+=|{_D}=|\*=|/=|%=", kind="assign", nl_after=True)

    def assign_track(s, l, t):
        _C.last_op = t[0].text
        return t
    ASSIGN_OP.add_parse_action(assign_track)
    PIPE = token(r"\|(?!\|)", nl_after=True)
    EXPR_START = LRegex(True, TRIVIA + (
        rf"(?=[$(\[{{{SQ}{DQ}!,]|@[({{{SQ}{DQ}]|{_NUMBER}{_EXPR_DELIM}"
        rf"|{_D}(?:not|bnot|split|join)(?![\w?])|(?:\+|{_D}){{1,2}}[\d.$(@\[{SQ}{DQ}])"),
        flags=CI).set_parse_action(_drop)
    element = EXPR_START + expr_elem | command

    def expr_statement_action(s, l, t):
        items = list(t)
        if len(items) >= 2 and isinstance(items[1], _Tok) and items[1].kind == "assign":
            target, op, value = items[0], items[1], items[2]
            return A.Assignment(_C.span(target.span.start, value.span.end), target,
                                _norm_assign(op.text), value)
        expr = items[0]
        redirs = []
        rest = []
        for x in items[1:]:
            if isinstance(x, A.Redirection) and not rest:
                redirs.append(x)
            else:
                rest.append(x)
        end = redirs[-1].span.end if redirs else expr.span.end
        first = A.CommandExpression(_C.span(expr.span.start, end), expr, tuple(redirs))
        elements = [first] + [x for x in rest if not isinstance(x, _Tok)]
        return A.Pipeline(_C.span(first.span.start, _end(elements[-1])), tuple(elements))

    def command_pipeline_action(s, l, t):
        items = [x for x in t if not isinstance(x, _Tok)]
        return A.Pipeline(_C.span(_start(items[0]), _end(items[-1])), tuple(items))
    pipe_tail = ZeroOrMore(PIPE + (element | fail("EmptyPipeElement")))
    # At a statement end (the usual case) one lookahead replaces four failed attempts.
    expr_statement = act(EXPR_START + expression + (
        END
        | ASSIGN_OP + alt(statement, fail("ExpectedValueExpression"))
        | ZeroOrMore(REDIRECTION) + pipe_tail), expr_statement_action)
    pipeline <<= expr_statement | act(command + pipe_tail, command_pipeline_action)

    # ---- statements (keywords come in phase 2: see _keyword_statements)
    # ---- phase 2: control flow, definitions, param blocks

    def kw(words, extra=""):
        return token(rf"(?:{words})(?=[\s(){{}};|]|\Z){extra}", kind="kw", flags=CI)

    def none_marker():
        return act(Empty(), lambda s, l, t: _Tok("", l, l, "none"))

    KW_GUARD = LRegex(True, TRIVIA + r"(?=(?i:if|foreach|for|while|do|switch|try|trap|function|filter"
                     r"|break|continue|return|exit|throw|class|enum|using|configuration"
                     r"|workflow|data)(?=[\s(){};|]|\Z)|:\w)").set_parse_action(_drop)
    # A param block at the top of a script or block: `param(` or `[Attr(...)]`.
    PARAM_GUARD = LRegex(True, TRIVIA + r"(?=(?i:param)" + NL_TRIVIA + r"\(|\[" + TRIVIA + _TYPE0 + TRIVIA
                        + r"\()").set_parse_action(_drop)
    COND_OPEN = LPAREN
    IN_KW = kw("in")

    def cond(keyword):
        return ((COND_OPEN | fail("MissingOpenParenthesisAfterKeyword", token=keyword))
                + alt(fast_pipeline, fail("ExpectedExpression", token="("))
                + must(token(r"\)", nl_before=True), "MissingEndParenthesisAfterStatement", token=keyword))

    def body(what):
        return NLS + alt(block, fail("MissingLoopStatement", token=what))

    def strip_parens(items):
        return [x for x in items if not (isinstance(x, _Tok) and x.text in ("(", ")"))]

    # if / elseif / else
    IF_KW, ELSEIF_KW, ELSE_KW = kw("if"), kw("elseif"), kw("else")
    if_block = NLS + alt(block, fail("MissingStatementBlock", token="if ( condition )"))
    elseif_part = NLS + ELSEIF_KW + cond("elseif") + \
        NLS + alt(block, fail("MissingStatementBlock", token="elseif ( condition )"))
    else_part = NLS + ELSE_KW + NLS + alt(block, fail("MissingStatementBlockAfterElse"))

    def if_action(s, l, t):
        items = strip_parens(list(t))
        start = items[0].start
        clauses = []
        else_block = None
        i = 0
        while i < len(items):
            x = items[i]
            if isinstance(x, _Tok) and x.text.lower() in ("if", "elseif"):
                clauses.append((items[i + 1], items[i + 2]))
                i += 3
            elif isinstance(x, _Tok):  # else
                else_block = items[i + 1]
                i += 2
            else:
                i += 1
        last = else_block or clauses[-1][1]
        return A.IfStatement(_C.span(start, last.span.end), tuple(clauses), else_block)
    IF_KW_STRICT = IF_KW + (NLS + COND_OPEN | fail("MissingOpenParenthesisInIfStatement"))
    if_stmt = act(IF_KW_STRICT + alt(fast_pipeline, fail("ExpectedExpression", token="(")) +
                  must(token(r"\)", nl_before=True), "MissingEndParenthesisAfterStatement", token="if") +
                  if_block + ZeroOrMore(elseif_part) + Opt(else_part), if_action)

    # loops
    def foreach_action(s, l, t):
        items = strip_parens(list(t))
        kwt, var, _in, it, bd = items[0], items[1], items[2], items[3], items[4]
        return A.ForEachStatement(_C.span(kwt.start, bd.span.end), var, it, bd)
    foreach_stmt = act(kw("foreach") + NLS + (COND_OPEN | fail("MissingOpenParenthesisAfterKeyword",
                                                                token="foreach"))
                       + (VARIABLE | fail("MissingVariableNameAfterForeach"))
                       + (IN_KW | fail("MissingInInForeach"))
                       + alt(fast_pipeline, fail("ExpectedExpression", token="in"))
                       + must(token(r"\)", nl_before=True), "MissingEndParenthesisAfterForeach")
                       + body("foreach"), foreach_action)

    FOR_SEP = act(LRegex(False, TRIVIA + r"(?:;|\r\n|\n|\r)" + NL_TRIVIA), _drop)

    def for_action(s, l, t):
        items = strip_parens(list(t))
        kwt = items[0]
        parts = [None if (isinstance(x, _Tok) and x.kind == "none") else x for x in items[1:4]]
        bd = items[4]
        return A.ForStatement(_C.span(kwt.start, bd.span.end), parts[0], parts[1], parts[2], bd)
    for_slot = alt(pipeline, none_marker())
    for_stmt = act(kw("for") + NLS + (COND_OPEN | fail("MissingOpenParenthesisAfterKeyword", token="for"))
                   + for_slot + Opt(FOR_SEP) + for_slot + Opt(FOR_SEP) + for_slot
                   + must(token(r"\)", nl_before=True), "MissingEndParenthesisAfterStatement", token="for")
                   + body("for"), for_action)

    def while_action(s, l, t):
        items = strip_parens(list(t))
        return A.WhileStatement(_C.span(items[0].start, items[2].span.end), items[1], items[2])
    while_stmt = act(kw("while") + NLS + cond("while") + body("while"), while_action)

    def do_action(s, l, t):
        items = strip_parens(list(t))
        kwt, bd, which, c = items[0], items[1], items[2], items[3]
        end = _C.text.find(")", c.span.end)
        return A.DoWhileStatement(_C.span(kwt.start, t[-1].end), bd, c,
                                  which.text.lower() == "until")
    do_stmt = act(kw("do") + body("do") + NLS + (kw("while|until") | fail("MissingWhileOrUntilInDoWhile"))
                  + NLS + cond("do"), do_action)

    # switch
    SWITCH_OPT = act(tok(rf"{_D}(?P<so>regex|wildcard|exact|casesensitive|file|parallel)(?![\w])",
                         flags=CI), lambda s, l, t: _Tok(t[0].group("so").lower(), t[0].start(1),
                                                         t[0].end(1), "opt"))
    DEFAULT_KW = kw("default")
    switch_clause = (DEFAULT_KW | arg_primary) + NLS + alt(block, fail("MissingSwitchStatementClause"))

    def switch_clause_action(s, l, t):
        c, bd = t[0], t[1]
        if isinstance(c, _Tok):
            return A.SwitchClause(_C.span(c.start, bd.span.end), None, bd)
        return A.SwitchClause(_C.span(c.span.start, bd.span.end), c, bd)
    switch_clause.set_parse_action(switch_clause_action)

    def switch_action(s, l, t):
        items = list(t)
        kwt = items[0]
        opts = tuple(x.text for x in items if isinstance(x, _Tok) and x.kind == "opt")
        rest = [x for x in items[1:] if not (isinstance(x, _Tok) and x.kind in ("opt", ""))]
        value = rest[0]
        clauses = tuple(x for x in rest[1:] if isinstance(x, A.SwitchClause))
        close = _closed([x for x in items if isinstance(x, _Tok) and x.text in ("{", "}")], "}")
        return A.SwitchStatement(_C.span(kwt.start, close.end), value, clauses, opts)
    switch_value = (COND_OPEN + alt(fast_pipeline, fail("ExpectedExpression", token="(")) +
                    must(token(r"\)", nl_before=True), "MissingEndParenthesisAfterStatement", token="switch")
                    | arg_primary)
    switch_stmt = act(kw("switch") + ZeroOrMore(SWITCH_OPT) + NLS + switch_value + NLS +
                      (LBRACE | fail("MissingSwitchStatementClause")) +
                      ZeroOrMore(SEPS | switch_clause) + Opt(RBRACE_NL), switch_action)

    # try / catch / finally, trap
    TYPE_IN_CATCH = TYPE
    catch_clause = NLS + kw("catch") + Opt(TYPE_IN_CATCH + ZeroOrMore(
        token(",", nl_after=True) + TYPE_IN_CATCH)) + NLS + alt(block, fail("MissingStatementBlock", token="catch"))

    def catch_action(s, l, t):
        items = list(t)
        kwt = items[0]
        types = tuple(x.name for x in items if isinstance(x, A.TypeLiteral))
        return A.CatchClause(_C.span(kwt.start, items[-1].span.end), types, items[-1])
    catch_clause.set_parse_action(catch_action)
    finally_clause = NLS + kw("finally") + NLS + alt(block, fail("MissingStatementBlock", token="finally"))

    def try_action(s, l, t):
        items = list(t)
        kwt, bd = items[0], items[1]
        catches = tuple(x for x in items[2:] if isinstance(x, A.CatchClause))
        fin = None
        for i, x in enumerate(items):
            if isinstance(x, _Tok) and x.text.lower() == "finally":
                fin = items[i + 1]
        if not catches and fin is None:
            end = bd.span.end
            if _at_end(end):
                _abort("MissingCatchOrFinally", end, end, incomplete=True)
            _abort("MissingCatchOrFinally", end, end)
        last = fin or catches[-1]
        return A.TryStatement(_C.span(kwt.start, last.span.end), bd, catches, fin)
    try_stmt = act(kw("try") + NLS + alt(block, fail("MissingStatementBlock", token="try")) +
                   ZeroOrMore(catch_clause) + Opt(finally_clause), try_action)

    def trap_action(s, l, t):
        items = list(t)
        ty = items[1].name if isinstance(items[1], A.TypeLiteral) else None
        return A.TrapStatement(_C.span(items[0].start, items[-1].span.end), ty, items[-1])
    trap_stmt = act(kw("trap") + Opt(TYPE) + NLS + alt(block, fail("MissingStatementBlock", token="trap")),
                    trap_action)

    # break / continue / return / exit / throw
    LABEL_WORD = act(tok(r"[^\W\d]\w*|\d+(?=[\s;)}]|\Z)"), as_tok("label"))
    NOT_END = LRegex(True, TRIVIA + r"(?![;\r\n)}|]|\Z)").set_parse_action(_drop)

    def flow_action(s, l, t):
        kwt = t[0]
        word = kwt.text.lower()
        arg = t[1] if len(t) > 1 else None
        end = _end(arg) if arg is not None else kwt.end
        span = _C.span(kwt.start, end)
        if word == "break":
            return A.BreakStatement(span, arg.text if arg is not None else None)
        if word == "continue":
            return A.ContinueStatement(span, arg.text if arg is not None else None)
        cls = {"return": A.ReturnStatement, "exit": A.ExitStatement, "throw": A.ThrowStatement}[word]
        return cls(span, arg)
    flow_stmt = act(kw("break|continue") + Opt(LABEL_WORD)
                    | kw("return|exit|throw") + Opt(NOT_END + pipeline), flow_action)

    # attributes, param blocks, functions
    ATTR_OPEN = act(tok(rf"\[{TRIVIA}(?P<an>{_TYPE0}){TRIVIA}\((?=)", flags=CI) + NLS,
                    lambda s, l, t: _Tok(t[0].group("an"), t[0].start(1), t[0].end(1), "attr"))
    ATTR_NAMED = act(tok(rf"[^\W\d]\w*(?={TRIVIA}=(?!=))"), as_tok("name"))
    ATTR_FLAG = act(tok(rf"[^\W\d]\w*(?={NL_TRIVIA}[,)])"), as_tok("flag"))
    attr_arg = (ATTR_NAMED + token("=", nl_after=True) + expr_nc | ATTR_FLAG | expr_nc)
    ATTR_CLOSE = token(r"\)", nl_before=True) + (token(r"\]") | fail("EndSquareBracketExpectedAtEndOfAttribute"))

    def attr_action(s, l, t):
        items = list(t)
        o = items[0]
        positional, named = [], []
        i = 1
        while i < len(items) - 2:
            x = items[i]
            if isinstance(x, _Tok) and x.kind == "name":
                named.append((x.text, items[i + 2]))
                i += 3
            elif isinstance(x, _Tok) and x.kind == "flag":
                named.append((x.text, None))
                i += 1
            elif isinstance(x, _Tok):
                i += 1
            else:
                positional.append(x)
                i += 1
        return A.Attribute(_C.span(o.start, items[-1].end), o.text, tuple(positional), tuple(named))
    attribute <<= act(ATTR_OPEN + Opt(attr_arg + ZeroOrMore(token(",", nl_after=True) + attr_arg))
                      + (ATTR_CLOSE | fail("MissingEndParenthesisInExpression")), attr_action)

    def param_decl_action(s, l, t):
        items = list(t)
        attrs = tuple(x for x in items if isinstance(x, A.Attribute))
        types = [x for x in items if isinstance(x, A.TypeLiteral)]
        var = next(x for x in items if isinstance(x, A.VariableExpr))
        default = items[-1] if items[-1] is not var and not isinstance(items[-1], _Tok) else None
        start = _start(items[0])
        end = _end(items[-1])
        return A.ParameterDecl(_C.span(start, end), var.name,
                               types[-1].name if types else None, default, attrs)
    param_decl = act(ZeroOrMore(alt(attribute, TYPE) + NLS) + VARIABLE +
                     Opt(token("=(?!=)", nl_after=True) + alt(expr_nc, fail("ExpectedValueExpression", token="="))),
                     param_decl_action)
    param_list = Opt(param_decl + ZeroOrMore(token(",", nl_after=True) + param_decl)) + NLS

    def param_block_action(s, l, t):
        items = list(t)
        attrs = tuple(x for x in items if isinstance(x, A.Attribute))
        params = tuple(x for x in items if isinstance(x, A.ParameterDecl))
        start = _start(items[0])
        return A.ParamBlock(_C.span(start, items[-1].end), params, attrs)
    param_block <<= act(ZeroOrMore(attribute + NLS) + kw("param") + NLS + LPAREN + param_list +
                        must(token(r"\)", nl_before=True), "MissingEndParenthesisInExpression"), param_block_action)

    FUNC_NAME = act(tok(r"[^\s(){};,|&]+"), as_tok("fname"))

    def function_action(s, l, t):
        items = list(t)
        kwt, name = items[0], items[1]
        sb = items[-1]
        params = [x for x in items[2:-1] if isinstance(x, A.ParameterDecl)]
        if any(isinstance(x, _Tok) and x.text == "(" for x in items[2:-1]):
            o = next(x for x in items[2:-1] if isinstance(x, _Tok) and x.text == "(")
            c = [x for x in items[2:-1] if isinstance(x, _Tok) and x.text == ")"][-1]
            pb = A.ParamBlock(_C.span(o.start, c.end), tuple(params))
            sb = A.ScriptBlockExpr(sb.span, sb.statements, pb, sb.blocks, sb.text)
        return A.FunctionDefinition(_C.span(kwt.start, sb.span.end), name.text, sb,
                                    kwt.text.lower() == "filter")
    function_stmt = act(kw("function|filter") + (FUNC_NAME | fail("MissingNameAfterKeyword", token="function"))
                        + Opt(LPAREN + param_list + must(token(r"\)", nl_before=True), "MissingEndParenthesisInExpression"))
                        + NLS + alt(script_block, fail("MissingFunctionBody")), function_action)

    # recognised but not run: balanced braces
    BAL_TEXT = LRegex(False, rf"(?:[^{{}}{SQ}{DQ}#<]|{_SQ}(?:[^{SQ}]|{_SQ}{{2}})*{_SQ}"
                     rf"|{_DQ}(?:[^`{DQ}]|`[\s\S]|{_DQ}{{2}})*{_DQ}|<#[\s\S]*?#>|#[^\r\n]*|<)+")
    balanced = Forward()
    balanced <<= LRegex(False, r"\{") + ZeroOrMore(BAL_TEXT | balanced) + (LRegex(False, r"\}") | fail("MissingEndCurlyBrace"))
    UNSUP_HEAD = tok(r"(?P<uf>class|enum|configuration|workflow)" + TRIVIA + r"[^{\r\n]*(?=\{)"
                     r"|(?P<ud>data)(?=" + TRIVIA + r"(?:[^\W\d]\w*" + TRIVIA + r")?\{)" + TRIVIA
                     + r"(?:[^\W\d]\w*)?" + TRIVIA, flags=CI)
    USING = tok(r"(?P<uu>using)" + TRIVIA + r"(?i:namespace|module|assembly)\b[^\r\n;]*", flags=CI)

    def unsup_wrap(s, l, t):
        items = list(t)
        m = items[0]
        feature = ((m.groupdict().get("uf") or m.groupdict().get("ud") or
                    m.groupdict().get("uu") or "")).lower()
        start = m.start(1)
        end = _unsup_end[0]
        return A.UnsupportedStatement(_C.span(start, end), feature, _C.text[start:end])
    _unsup_end = [0]

    END_MARK = Empty().set_parse_action(lambda s, l, t: _unsup_end.__setitem__(0, l) or [])
    unsupported_stmt = act(UNSUP_HEAD + alt(balanced, fail("MissingEndCurlyBrace")).set_parse_action(lambda s, l, t: []) + END_MARK
                           | USING + END_MARK, unsup_wrap)

    # labels  (`:outer foreach (...) {}`)
    LABEL = act(tok(r":(?P<lb>[^\W\d]\w*)"), lambda s, l, t: _Tok(t[0].group("lb"), t[0].start(1),
                                                                t[0].end(1), "label"))
    loop_stmt = foreach_stmt | for_stmt | while_stmt | do_stmt | switch_stmt

    def labelled_action(s, l, t):
        lab, st = t[0], t[1]
        return A.replace(st, label=lab.text, span=_C.span(lab.start, st.span.end))
    labelled = act(LABEL + NLS + (loop_stmt | fail("UnexpectedToken", token=":")), labelled_action)

    # A param block written as a statement (top of a script) is accepted here; parse()
    # moves it into Script.param_block.
    keyword_statement = (KW_GUARD + (if_stmt | foreach_stmt | function_stmt | flow_stmt | try_stmt
                                     | while_stmt | for_stmt | do_stmt | switch_stmt | trap_stmt
                                     | unsupported_stmt | labelled)
                         | PARAM_GUARD + param_block)
    # One lookahead for both guards: most statements start with neither, and then this
    # is the only element tried (instead of two guarded alternatives).
    KS_GUARD = LRegex(True, TRIVIA + r"(?=[:\[]|(?i:if|foreach|for|while|do|switch|try|trap|function"
                      r"|filter|break|continue|return|exit|throw|class|enum|using|configuration"
                      r"|workflow|data|param)\b)").set_parse_action(_drop)
    keyword_statement = KS_GUARD + keyword_statement
    # Fast statement path: a whole pipeline of simple commands (`Get-Foo -A b | fl`),
    # maybe after an operator-only expression (`$_.Name`, `$c | fl`), as one regex;
    # nodes are then built by re-scanning
    # the match with the fast argument regex.  Identical trees to the general rules
    # (tests/lang/test_fast_path.py checks this).
    unnamed = re.sub(r"\(\?P<\w+>", "(?:", _FAST_ARG_CORE)
    cmd_re = rf"{_FAST_NAME_CORE}(?:{TRIVIA}(?:{unnamed}))*+"
    var_unnamed = re.sub(r"\(\?P<\w+>", "(?:", _VARNAME)
    op_unnamed = "(?:" + re.sub(r"\(\?P<\w+>", "(?:", _FAST_OPERAND_CORE) + ")"
    binop_unnamed = _binops
    pipe_re = rf"{TRIVIA}\|(?!\|){NL_TRIVIA}(?![;)}}]|\Z)"
    FAST_STMT = LRegex(False, rf"{TRIVIA}(?:(?P<asg>\${var_unnamed}(?:\.\w+)*+)(?![.\[(\w:]){TRIVIA}"
                      rf"(?P<aop>=(?!=)|\+=|{_D}=|\*=|/=|%=){NL_TRIVIA})?(?![;\r\n)}}]|\Z)"
                      # An operator-only expression (a lone operand included), possibly
                      # piped on.  Possessive: no command name can start like an operand.
                      rf"(?:(?P<fex>{op_unnamed}(?:{TRIVIA}(?:{binop_unnamed}){NL_TRIVIA}{op_unnamed})*+)"
                      rf"(?:{pipe_re}(?P<fxp>))?)?+"
                      # Commands, each pattern once (compile time grows with pattern
                      # length): a pipe must be followed by something that can start a
                      # command, else the statement-end check fails after it.  After an
                      # expression, commands only follow its pipe.
                      rf"(?P<fcmd>(?:(?(fex)(?(fxp)|(?!)))(?:{cmd_re})(?:{pipe_re})?)*+)"
                      rf"{_STMT_END}")
    # In a statement list the same pattern also takes the separators that follow, so a
    # simple statement costs one element call instead of seven (guard, alternatives,
    # end check, separators).  Each copy is compiled on first use: a one-line command
    # needs only this one.
    FAST_STMT_SEP = LRegex(False, FAST_STMT.pattern + rf"(?:(?:{TRIVIA}[;\r\n])++{TRIVIA})?",
                           as_match=True)
    FAST_STMT = LRegex(False, FAST_STMT.pattern, as_match=True)
    _SCAN["operand"], _SCAN["binop"] = FAST_OPERAND, BINOP
    # Scanners used by the fast actions; compiled on first use like the tokens.
    name_scan = LRegex(False, rf"{TRIVIA}({_FAST_NAME_CORE})")
    pipe_scan = LRegex(False, rf"{TRIVIA}\|{NL_TRIVIA}")

    def fast_stmt_action(s, l, t):
        m = t[0]
        value = fast_value(m)
        if m.group("asg") is None:
            return value
        target = _fast_match(FAST_OPERAND.re.match(_C.text, m.start("asg")))
        return A.Assignment(_C.span(target.span.start, value.span.end), target,
                            _norm_assign(m.group("aop")), value)

    def fast_value(m):
        text = _C.text
        pos, end = m.span("fcmd")
        elements = []
        if m.group("fex") is not None:
            node = _fast_expression(text, *m.span("fex"))
            elements.append(A.CommandExpression(node.span, node))
            if pos == end:
                return A.Pipeline(node.span, tuple(elements))
        while True:
            nm = name_scan.re.match(text, pos)
            ns, ne = nm.span(1)
            pos = nm.end()
            args = []
            redirs = []
            last = ne
            while True:
                am = FAST_ARG.re.match(text, pos)
                if am is None or am.end() > end:
                    break
                node = _fast_match(am)
                (redirs if isinstance(node, A.Redirection) else args).append(node)
                last = node.span.end
                pos = am.end()
            name_span = _C.span(ns, ne)
            elements.append(A.CommandCall(_C.span(ns, last), _bare_unescape(text[ns:ne]),
                                          name_span, tuple(args), "", tuple(redirs)))
            pm = pipe_scan.re.match(text, pos)
            if pm is None or pm.end() > end:
                break
            pos = pm.end()
        return A.Pipeline(_C.span(elements[0].span.start, elements[-1].span.end), tuple(elements))
    FAST_STMT.set_parse_action(fast_stmt_action)
    FAST_STMT_SEP.set_parse_action(fast_stmt_action)
    general_statement = keyword_statement | pipeline
    statement <<= (FAST_STMT | general_statement) if fast else general_statement
    fast_pipeline <<= (FAST_STMT | pipeline) if fast else pipeline
    # The statement end and the separators after it as one lookahead-then-consume
    # regex (was END and Opt(SEPS): two element calls more per statement).
    END_SEPS = act(LRegex(True, rf"{TRIVIA}(?=[;\r\n)}}]|\Z)(?:(?:{TRIVIA}[;\r\n])++{TRIVIA})?"),
                   _drop)
    STMT_GUARD = LRegex(True, TRIVIA + r"(?![)}]|\Z)").set_parse_action(_drop)
    # Used only here, so its failure can raise the error itself (a fail action) instead
    # of through an alternative (one element call fewer per statement).
    END_SEPS.set_fail_action(lambda s, loc, expr, err: _fail_unexpected(s, loc, None))
    listed = STMT_GUARD + general_statement + END_SEPS
    statements <<= Opt(SEPS) + ZeroOrMore((FAST_STMT_SEP | listed) if fast else listed)

    def block_action(s, l, t):
        items = list(t)
        o, c = items[0], _closed(items, "}")
        return A.StatementBlock(_C.span(o.start, c.end), tuple(items[1:-1]))
    block <<= act(LBRACE + statements + Opt(RBRACE_NL), block_action)

    # A script's own param block may be followed by a statement on the same line, as
    # in a script block (`param($n) "x $n"`); parse() moves it into Script.param_block.
    script = Opt(SEPS) + Opt(SB_PARAM_GUARD + param_block + Opt(SEPS)) + (named_blocks | statements) + NLS
    script.parse_with_tabs()

    # No element skips whitespace: trivia is explicit in the token regexes.
    # pyparsing's streamline() is not called: its work that matters here (splicing
    # nested sequences and alternatives) is done by _no_whitespace after Forwards are
    # bypassed, which finds more of them, and skipping it saves a third of build time.
    _no_whitespace(script, resolve_forwards=True)
    return script


def _norm_assign(text: str) -> str:
    if text[0] in DASH:
        return "-="
    return text


def _no_whitespace(root, resolve_forwards=False):
    """Walk the grammar: switch off pyparsing's whitespace skipping (trivia is explicit)
    and, once it is streamlined, short-circuit Forward elements (each one is an extra
    call per use).  Elements get short fixed names first: pyparsing's Forward is what
    stops default-name generation from looping over the (cyclic) grammar."""
    import pyparsing as pp

    def resolve(e):
        while isinstance(e, pp.Forward) and e.expr is not None and not e.parseAction \
                and not e.resultsName:
            e = e.expr
        return e

    seen = set()
    stack = [root]
    while stack:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        e.skipWhitespace = False
        e.whiteChars = set()
        e.callPreparse = False
        if e.customName is None:
            # pyparsing's default names describe the whole sub-grammar (slow to build
            # and, once Forwards are bypassed, recursive); our errors never show them.
            e.customName = type(e).__name__
        sub = getattr(e, "exprs", None)
        if sub:
            stack.extend(sub)
        one = getattr(e, "expr", None)
        if one is not None:
            stack.append(one)
    if not resolve_forwards:
        return
    for e in list(_all_elements(root)):
        sub = getattr(e, "exprs", None)
        if sub:
            sub[:] = [resolve(x) for x in sub]
        one = getattr(e, "expr", None)
        if one is not None and not isinstance(e, pp.Forward):
            e.expr = resolve(one)
    # Bypassing Forwards leaves alternatives directly inside alternatives and sequences
    # inside sequences (streamline ran while the Forwards hid them): splice the inner
    # ones in when they do nothing of their own (one element call fewer each time).
    def plain(x, kind):
        return type(x) is kind and not x.parseAction and not x.resultsName \
            and not x.failAction and not x.debug \
            and not any(type(y) is pp.And._ErrorStop for y in x.exprs)

    for e in list(_all_elements(root)):
        kind = type(e)
        if kind is not pp.MatchFirst and kind is not pp.And:
            continue
        while any(plain(x, kind) for x in e.exprs):
            flat = []
            for x in e.exprs:
                flat.extend(x.exprs if plain(x, kind) else (x,))
            e.exprs[:] = flat


def _all_elements(root):
    seen = set()
    stack = [root]
    while stack:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        stack.extend(getattr(e, "exprs", None) or ())
        one = getattr(e, "expr", None)
        if one is not None:
            stack.append(one)


# ------------------------------------------------------------------ entry point


def parse(text: str, file: Optional[str] = None) -> A.Script:
    """Parse ``text`` into a :class:`~exshell.lang.ast.Script`.

    Raises :class:`ParseError` (or its subclass :class:`IncompleteInput` when more input
    could complete the text) carrying PowerShell's error id and a 1-based position.
    """
    global _GRAMMAR
    if not isinstance(text, str):
        raise TypeError("parse() needs a str")
    with _LOCK:
        if _GRAMMAR is None:
            _GRAMMAR = _build()
        return _parse_with(_GRAMMAR, text, file)


def build_grammar() -> None:
    """Build the grammar now (it is otherwise built on the first parse).  A REPL may call
    this in a background thread while it draws the first prompt."""
    global _GRAMMAR
    with _LOCK:
        if _GRAMMAR is None:
            _GRAMMAR = _build()


_RESUME = re.compile(r"(?:\r\n|\n|\r)(?=([^\s#}\])]))")
_MAX_ISSUES = 20


def _parse_from(grammar, text: str, start: int):
    """Statements parsed from ``start`` to the end, or the first ParseIssue."""
    import pyparsing as pp
    try:
        loc, toks = grammar._parse(text, start)
    except _Abort as a:
        return a.issue
    except pp.ParseBaseException as e:
        return _diagnose(e.loc)
    if loc < len(text):
        return _diagnose(loc)
    return tuple(toks)


def _parse_with(grammar, text: str, file: Optional[str]) -> A.Script:
    global _C
    with _LOCK:
        _C = _Context(text)
        old_limit = sys.getrecursionlimit()
        if old_limit < 20000:
            sys.setrecursionlimit(20000)
        try:
            issues = []
            statements = ()
            start = 0
            while True:
                issue = _parse_from(grammar, text, start)
                if isinstance(issue, ParseIssue):
                    issues.append(issue)
                    # Report every error of a script, as PowerShell does: resume at the
                    # next line that starts in column 1 (likely a new top-level
                    # statement).  Incomplete input runs to the end, so it is last.
                    nxt = _RESUME.search(text, issue.span.end)
                    if issue.incomplete or nxt is None or len(issues) >= _MAX_ISSUES:
                        break
                    start = nxt.start(1)
                    continue
                if not issues:
                    statements = issue
                break
            if issues:
                incomplete = all(i.incomplete for i in issues)
                cls = IncompleteInput if incomplete else ParseError
                raise cls(issues, text, file) from None
        except RecursionError:
            raise ParseError([_issue("ParserRecursionLimit", 0, 0)], text, file) from None
        except ParseError:
            raise
        except Exception as exc:  # a parser bug must still not reach the user raw
            raise ParseError([_issue("ParserInternalError", 0, 0,
                                     token=f"{type(exc).__name__}: {exc}")], text, file) from None
        finally:
            sys.setrecursionlimit(old_limit)
            result_ctx = _C
            _C = _Context("")
        param_block = None
        if statements and isinstance(statements[0], A.ParamBlock):
            param_block, statements = statements[0], statements[1:]
        blocks: tuple = ()
        if statements and all(isinstance(x, A.NamedBlock) for x in statements):
            blocks, statements = tuple(statements), ()
        return A.Script(result_ctx.span(0, len(text)) if text else A.Span(0, 0, 1, 1),
                        statements, text, file, param_block, blocks)
