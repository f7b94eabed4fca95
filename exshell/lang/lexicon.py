"""The tokens section of the grammar: PowerShell's lexical rules as regular-expression
text (character classes, trivia, variables, numbers, bare words, type names, operator
tables) and the fast-path token classes built from them.

Only pattern *text* lives here (nothing is compiled at import): the grammar's token
elements compile their patterns on first use.  No pyparsing, nothing else from exshell.
"""
from __future__ import annotations

import re


class LazyRegex:
    """A regular expression compiled the first time it is used (a module's patterns
    then cost nothing at start-up unless the start-up path uses them)."""

    __slots__ = ("pattern", "flags", "_re")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags, self._re = pattern, flags, None
        LAZY.append(self)

    def compiled(self) -> "re.Pattern":
        r = self._re
        if r is None:
            r = self._re = compile_regex(self.pattern, self.flags)
        return r

    def match(self, *args):
        return self.compiled().match(*args)

    def search(self, *args):
        return self.compiled().search(*args)

    def sub(self, *args):
        return self.compiled().sub(*args)

    def finditer(self, *args):
        return self.compiled().finditer(*args)


#: Every LazyRegex made (their patterns go into the kept compiled regexes).
LAZY: list = []


# ------------------------------------------------------------------ kept compiled regexes
#
# Compiling a regular expression is mostly Python work (the re module parses the
# pattern and writes the engine's code); the parser's ~150 patterns take about a tenth
# of a second, paid by every process on first use.  ``python -m exshell.lang.grammar
# --write-compiled`` keeps the engine's code of each of them in _compiled_regexes.py,
# for the Python that wrote it; that Python builds the pattern objects from the kept
# code directly (the same objects re.compile makes: tests/lang/test_compiled.py).  Any
# other Python (or a pattern not kept) compiles as usual.

_KEPT = None


def runtime_key() -> tuple:
    """What the kept code is valid for: the interpreter and its regex engine."""
    import array
    import sys
    import _sre
    return (sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, sys.maxunicode,
            sys.byteorder, array.array("I").itemsize)


def _kept() -> dict:
    global _KEPT
    if _KEPT is None:
        _KEPT = {}
        try:
            from . import _compiled_regexes as kept
        except ImportError:  # pragma: no cover - a tree without the kept module
            return _KEPT
        if kept.RUNTIME == runtime_key():
            _KEPT = kept.INDEX
    return _KEPT


_CODE = None


def _code(offset: int, length: int) -> list:
    global _CODE
    if _CODE is None:
        import array
        import binascii
        import zlib
        from . import _compiled_regexes as kept
        _CODE = array.array("I", zlib.decompress(binascii.a2b_base64(kept.CODE)))
    return _CODE[offset:offset + length].tolist()


def is_kept(pattern: str, flags: int = 0) -> bool:
    """Whether ``pattern`` compiles from kept code here (at almost no cost)."""
    return (pattern, flags) in _kept()


def compile_regex(pattern: str, flags: int = 0) -> "re.Pattern":
    """``re.compile(pattern, flags)``, from the kept code when there is some."""
    entry = _kept().get((pattern, flags))
    if entry is None:
        return re.compile(pattern, flags)
    import _sre
    all_flags, groups, groupindex, offset, length = entry
    indexgroup = [None] * (groups + 1)
    for name, i in groupindex.items():
        indexgroup[i] = name
    return _sre.compile(pattern, all_flags, _code(offset, length), groups, groupindex,
                        tuple(indexgroup))


def kept_regexes_text(patterns) -> str:
    """The text of _compiled_regexes.py for ``patterns`` ((pattern, flags) pairs),
    compiled by this Python."""
    import array
    import binascii
    import zlib
    from re import _compiler, _parser
    index, code = {}, array.array("I")
    for pattern, flags in sorted({(p, int(f)) for p, f in patterns}):
        parsed = _parser.parse(pattern, flags)
        words = _compiler._code(parsed, flags)
        index[(pattern, flags)] = (int(flags | parsed.state.flags), parsed.state.groups - 1,
                                   dict(parsed.state.groupdict), len(code), len(words))
        code.extend(words)
    packed = binascii.b2a_base64(zlib.compress(code.tobytes(), 9), newline=False).decode()
    lines = "".join(f"    {packed[i:i + 76]!r}\n" for i in range(0, len(packed), 76))
    entries = "".join(f"    {k!r}:\n        {v!r},\n" for k, v in index.items())
    return ('"""The engine code of the parser\'s regular expressions, written by\n'
            '``python -m exshell.lang.grammar --write-compiled`` (see lexicon.compile_regex).\n'
            'Do not edit: tests/lang/test_compiled.py fails while this is out of date."""\n'
            "# flake8: noqa\n"
            "# fmt: off\n"
            f"RUNTIME = {runtime_key()!r}\n"
            "# (pattern, flags): (flags, groups, group names, offset, length) in CODE\n"
            "INDEX = {\n" + entries + "}\n"
            "# The code words (uint32), zlib-compressed, base64.\n"
            "CODE = (\n" + lines + ")\n")


def unnamed(pattern: str) -> str:
    """``pattern`` with its named groups made anonymous (so it can be embedded twice)."""
    return re.sub(r"[(][?]P<[a-z]+>", "(?:", pattern)


#: PowerShell's four dashes (parameters, operators, negative numbers).
DASH = "-\u2013\u2014\u2015"
#: Single-quote family; any member closes any other.
SQ = "'\u2018\u2019\u201a\u201b"
#: Double-quote family.
DQ = '"\u201c\u201d\u201e'
DASH_CLASS = f"[{DASH}]"
SQ_CLASS = f"[{SQ}]"
DQ_CLASS = f"[{DQ}]"
NEWLINE = r"(?:\r\n|\n|\r)"
# Blanks: space, tab, FF, VT, NBSP, NEL and the Unicode separators, not CR/LF.  Python's
# \s is that set plus U+001C..U+001F, which PowerShell does not count as blanks; the
# difference is accepted because the short class compiles about six times faster (and
# ~100 token regexes start with it: grammar start-up cost).
BLANK = r"[^\S\r\n]"
# Where a token may start: blanks, backtick-newline (continuation), a backtick before a
# blank (skipped like a blank), block comments and line comments.  Possessive so a
# failing token after long trivia never backtracks into it.
TRIVIA = rf"(?:{BLANK}|`{NEWLINE}|`(?={BLANK})|<#[\s\S]*?#>|#[^\r\n]*)*+"
NL_TRIVIA = rf"(?:{BLANK}|{NEWLINE}|`{NEWLINE}|`(?={BLANK})|<#[\s\S]*?#>|#[^\r\n]*)*+"
# A variable reference after '$' (without the sigil): ${any}, scope:name, name, or one
# of the one-character names.
VARNAME = (r"(?:\{(?P<vb>(?:[^}`]|`[\s\S])*)\}"
           r"|(?:(?P<vs>[^\W\d]\w*):(?![:\\/]))?(?P<vn>(?:\w|\?)+)"
           r"|(?P<vc>[$?^]))")
# What may follow '$' for it to start a variable (else '$' is a literal character).
VARSTART = r"[\w{(?^$]"
# Where a simple argument ends (the fast path only; anything else takes the slow path).
# (Not before a comma: `a , $b` is one array argument, which the general rule builds.)
ARG_END = rf"(?=[\s;|)}}]|\Z)(?!{TRIVIA},)"
# Numbers.  Value conversion happens in number().
NUMBER = (r"(?:0[xX](?P<hex>[0-9a-fA-F]+)"
          r"|(?P<dec>(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+\-]?\d+)?))"
          r"(?P<suf>[lLdD])?(?P<mul>[kKmMgGtTpP][bB])?")
# A number in argument mode only counts when a delimiter follows (7z is a word).
CMD_DELIM = r"(?=[\s(),;{}|&]|\Z)"
# In expression mode a number ends at operator characters too.
EXPR_DELIM = r"(?=[\s(),;{}|&!#%*+\-\u2013\u2014\u2015./<=>\]\[:]|\Z)"
# One piece of a bare word: anything up to whitespace or ( ) , ; { } | & ; '$' only
# when it cannot start a variable; quotes and backticks handled as their own pieces.
PLAIN = rf"(?:[^\s(),;{{}}|&$`{SQ}{DQ}]|`(?![\r\n])[\s\S]|\$(?!{VARSTART}))++"
TYPE_HEAD = r"[^\W\d][\w.`+]*"
_TYPEARG = rf"(?:\[{TYPE_HEAD}(?:\[\s*,*\s*\])*\]|{TYPE_HEAD}(?:\[\s*,*\s*\])*)"
TYPENAME = (rf"{TYPE_HEAD}(?:\[\s*{_TYPEARG}(?:\s*,\s*{_TYPEARG})*\s*\])?"
            r"(?:\[\s*,*\s*\])*")

# Binary operators: normalised name -> precedence (PowerShell's TokenFlags order).
COMPARISON = ("eq ne gt ge lt le like notlike match notmatch contains notcontains "
              "in notin replace split").split()
PRECEDENCE = {",": 8, "..": 7, "f": 6, "*": 5, "/": 5, "%": 5, "+": 4, "-": 4,
              "join": 3, "is": 3, "isnot": 3, "as": 3,
              "band": 2, "bor": 2, "bxor": 2, "shl": 2, "shr": 2,
              "and": 1, "or": 1, "xor": 1}
for _op in COMPARISON:
    PRECEDENCE[_op] = PRECEDENCE["i" + _op] = PRECEDENCE["c" + _op] = 3
# The comparison operators take an optional i/c prefix; written as one group so the token
# patterns (embedded several times in the fast paths) stay short: regex compile time grows
# with pattern length and is most of the grammar's start-up cost.  Order is irrelevant:
# the (?![\w?]) after the group only lets a whole operator word through.
_NAMED_BINOPS = (f"[ic]?(?:{'|'.join(sorted(COMPARISON, key=len, reverse=True))})|"
                 + "|".join(sorted((k for k in PRECEDENCE if k[0].isalpha() and k not in COMPARISON
                                    and k[1:] not in COMPARISON), key=len, reverse=True)))

KEYWORDS = ("if elseif else foreach for while do until switch try catch finally trap "
            "function filter break continue return exit throw param begin process end "
            "dynamicparam class enum using configuration workflow data in").split()


NUMBER_UNNAMED = unnamed(NUMBER)
# A simple value glued to `-Name:` ($false, $x, Stop) and a plain word in a comma list.
_FAST_PV = r"\$[^\W\d]\w*(?![\w:?.\[])|[^\W\d][\w.\-]*+"
_FAST_WORD = (rf"(?![{DASH}]|{NUMBER_UNNAMED}{CMD_DELIM}|[@<>#]|[1-6*]?>)"
              rf"(?:[^\s(),;{{}}|&$`{SQ}{DQ}])++")
# Binary operator tokens (expression mode), named ones in any case.
BINOPS = (rf"{DASH_CLASS}(?i:{_NAMED_BINOPS})(?![\w?])|\.\.|\*(?!=)|/(?!=)|%(?!=)|\+(?![+=])"
          rf"|{DASH_CLASS}(?![{DASH}=]|[^\W\d])")
# Blanks before a postfix `++`/`--` that ends the statement (`$counter ++`).
SPACED_INCDEC = rf"{BLANK}++(?=(?:\+\+|{DASH_CLASS}{DASH_CLASS}){TRIVIA}(?:[;\r\n)}}|]|\Z))"
#: The text of a double-quoted string (escapes, doubled quotes, a `$` that starts nothing).
DQ_TEXT = rf"(?:[^$`{DQ}]|`[\s\S]|{DQ_CLASS}{DQ_CLASS}|\$(?!{VARSTART}))++"
# The inside of a double-quoted string whose only expansions are variables ("a $x b").
_EXPANDABLE = rf"(?:[^$`{DQ}]|`[\s\S]|{DQ_CLASS}{DQ_CLASS}|\$(?!{VARSTART})|\${unnamed(VARNAME)})*+"
# Fast paths: the most common arguments and operands as one regex each (same nodes as
# the general rules; anything unusual falls through to them: a member, index, `::`
# static member or ++/-- glued to a literal too).
FAST_OPERAND = (
    rf"(?P<fv>\${VARNAME}(?P<fm>(?:\.\w+)*+))(?:{SPACED_INCDEC})?(?P<fi>\+\+|{DASH_CLASS}{DASH_CLASS}(?![\w$]))?"
    rf"(?![.\[(\w:{{]|\+\+|{DASH_CLASS}{DASH_CLASS})"
    rf"|(?P<fn>{NUMBER}){EXPR_DELIM}(?![.\[]|::|\+\+|{DASH_CLASS}{DASH_CLASS}|{SPACED_INCDEC})"
    rf"|{SQ_CLASS}(?P<fs>(?:[^{SQ}]|{SQ_CLASS}{{2}})*+){SQ_CLASS}(?![.\[]|::|\+\+|{DASH_CLASS}{DASH_CLASS}|{SPACED_INCDEC})"
    rf"|{DQ_CLASS}(?P<fd>(?:[^$`{DQ}]|{DQ_CLASS}{DQ_CLASS})*+){DQ_CLASS}(?![.\[]|::|\+\+|{DASH_CLASS}{DASH_CLASS}|{SPACED_INCDEC})"
    rf"|{DQ_CLASS}(?P<fx>{_EXPANDABLE}){DQ_CLASS}(?![.\[]|::|\+\+|{DASH_CLASS}{DASH_CLASS}|{SPACED_INCDEC})")
FAST_OPERAND_UNNAMED = "(?:" + unnamed(FAST_OPERAND) + ")"
FAST_ARG = (
    rf"(?P<fp>{DASH_CLASS}(?P<pn>(?:[^\W\d]|[_?])[^\s(){{}};,|&.\[:{SQ}{DQ}]*+)(?P<pc>:(?={_FAST_PV}))?)"
    rf"(?P<pv>{_FAST_PV})?{ARG_END}"
    rf"|(?P<fl>{_FAST_WORD}(?:{TRIVIA},{NL_TRIVIA}{_FAST_WORD})++){ARG_END}"
    rf"|(?P<fsb>\{{{TRIVIA}(?P<fsbx>{FAST_OPERAND_UNNAMED}(?:{TRIVIA}(?:{BINOPS}){NL_TRIVIA}"
    rf"{FAST_OPERAND_UNNAMED})*+){TRIVIA}\}}){ARG_END}"
    rf"|(?P<fsp>@(?:\w|\?)++){ARG_END}"
    rf"|(?P<frd>(?P<frs>[1-6*])?(?P<fra>>>?)(?:&(?P<frm>[1-6])|(?P<frn>\$null))){ARG_END}"
    rf"|(?P<fn>{DASH_CLASS}?{NUMBER}){ARG_END}"
    rf"|(?P<fv>\${VARNAME}(?P<fm>(?:\.\w+)*+)){ARG_END}"
    rf"|{SQ_CLASS}(?P<fs>(?:[^{SQ}]|{SQ_CLASS}{{2}})*+){SQ_CLASS}{ARG_END}"
    rf"|{DQ_CLASS}(?P<fd>(?:[^$`{DQ}]|{DQ_CLASS}{DQ_CLASS})*+){DQ_CLASS}{ARG_END}"
    rf"|{DQ_CLASS}(?P<fx>{_EXPANDABLE}){DQ_CLASS}{ARG_END}"
    rf"|(?P<fw>(?![{DASH}]{{2}}{CMD_DELIM})(?!{DASH_CLASS}(?:[^\W\d]|[_?])|[@<>#]|[1-6*]?>)"
    rf"(?:[^\s(),;{{}}|&$`{SQ}{DQ}]|\$(?!{VARSTART}))++){ARG_END}")
# A command name the fast statement path accepts: a plain word that is not a keyword
# and cannot start an expression.
FAST_NAME_RUN = rf"(?:[^\s(),;{{}}|&$`{SQ}{DQ}]|\$(?!{VARSTART}))++"
FAST_NAME = (
    rf"(?!(?i:{'|'.join(KEYWORDS)})(?=[\s(){{}};|]|\Z))"
    rf"(?![{DASH}@<>#=\[(.$:!,+]|{NUMBER_UNNAMED}{EXPR_DELIM})"
    rf"{FAST_NAME_RUN}(?=[\s;|)}}]|\Z)")
STMT_END = rf"(?={TRIVIA}(?:[;\r\n)}}]|\Z))"


def token_pattern(pattern: str, nl_after: bool = False, nl_before: bool = False) -> str:
    """A token's whole regex: trivia (newlines too when ``nl_before``), the token as
    group 1, then newlines when the token lets a line break follow it."""
    return ((NL_TRIVIA if nl_before else TRIVIA) + "(" + pattern + ")"
            + (NL_TRIVIA if nl_after else ""))


#: The fast-path operand and binary-operator tokens (the grammar's elements and the
#: fast actions' re-scans use these same patterns; compiled on first use).
OPERAND_TOKEN = token_pattern(FAST_OPERAND)
BINOP_TOKEN = token_pattern(BINOPS, nl_after=True)

# The fast statement path: a whole pipeline of simple commands (`Get-Foo -A b | fl`),
# maybe after an operator-only expression (`$_.Name`, `$c | fl`) and maybe assigned
# (`$x = ...`), as one regex.
_CMD = rf"{FAST_NAME}(?:{TRIVIA}(?:{unnamed(FAST_ARG)}))*+"
_PIPE = rf"{TRIVIA}\|(?!\|){NL_TRIVIA}(?![;)}}]|\Z)"
FAST_STATEMENT = (
    rf"{TRIVIA}(?:(?P<asg>\${unnamed(VARNAME)}(?:\.\w+)*+)(?![.\[(\w:]){TRIVIA}"
    rf"(?P<aop>=(?!=)|\+=|{DASH_CLASS}=|\*=|/=|%=){NL_TRIVIA})?+(?![;\r\n)}}]|\Z)"
    # An operator-only expression (a lone operand included), possibly piped on.
    # Possessive: no command name can start like an operand.
    rf"(?:(?P<fex>{FAST_OPERAND_UNNAMED}(?:{TRIVIA}(?:{BINOPS}){NL_TRIVIA}{FAST_OPERAND_UNNAMED})*+)"
    rf"(?:{_PIPE}(?P<fxp>))?)?+"
    # Commands, each pattern once (compile time grows with pattern length): a pipe
    # must be followed by something that can start a command, else the statement-end
    # check fails after it.  After an expression, commands only follow its pipe.
    rf"(?P<fcmd>(?:(?(fex)(?(fxp)|(?!)))(?:{_CMD})(?:{_PIPE})?)*+)"
    rf"{STMT_END}")
#: The same, taking the separators after the statement too (in a statement list).
FAST_STATEMENT_SEPS = FAST_STATEMENT + rf"(?:(?:{TRIVIA}[;\r\n])++{TRIVIA})?"
