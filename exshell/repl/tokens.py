"""A tolerant PowerShell tokenizer for the REPL: highlighting and completion context.

``tokenize(text)`` never fails: unfinished strings, unbalanced brackets and stray
characters all come back as tokens, so it can run on every keystroke and on the text
left of the cursor.  It follows the real tokenizer's two modes (reference
``powershell-subset.md`` §1.11): a statement starts in expression mode, and a bare
word there makes it a command whose arguments are read in argument mode.

It is *not* the parser: whether input is complete or valid is always asked of
``exshell.lang.parse`` (through the Shell).  This module only labels spans of text.

Each :class:`Token` has a ``kind`` (one of :data:`KINDS`), its span, and for tokens
that belong to a command's argument list the command's name (``command``) and the
token index of that name (``command_index``).  :class:`Tokens` also reports the
state at the end of the text (``mode``, the current command), which the completer
uses when the cursor sits after whitespace.

Imports nothing from exshell.
"""
from __future__ import annotations

import re
from typing import List, Optional

from ..structs import LazyPattern   # compiled on first use: not at start-up

__all__ = ["Token", "Tokens", "tokenize", "KINDS", "KEYWORDS", "OPERATORS", "DASHES"]

#: Token kinds, also the highlighting classes (``class:ps.<kind>``).
KINDS = ("command", "parameter", "argument", "variable", "string", "number", "operator",
         "keyword", "comment", "member", "type", "punctuation", "whitespace", "function")

#: Statement keywords (PowerShell 2.0 list plus the few later ones a learner may type).
KEYWORDS = frozenset("""begin break catch continue data do dynamicparam else elseif end exit
    filter finally for foreach function if in param process return switch throw trap try
    until while""".split())

#: Dash operators (expression mode), without the dash, case-insensitive.
_COMPARISON = "eq ne gt ge lt le like notlike match notmatch contains notcontains in notin replace".split()
OPERATORS = frozenset(
    _COMPARISON + ["i" + o for o in _COMPARISON] + ["c" + o for o in _COMPARISON]
    + "split isplit csplit join is isnot as f and or xor not band bor bxor bnot shl shr".split())

#: The four dash characters PowerShell accepts (reference §1.1).
DASHES = "-\u2013\u2014\u2015"
_SQ = "'\u2018\u2019\u201a\u201b"
_DQ = '"\u201c\u201d\u201e'
_WS = " \t\f\v\u00a0\u0085"

_VAR_RE = LazyPattern(r"\$(?:\{(?:`.|[^}`])*\}?|[\w?:]*\w|[$?^]|[\w?]+:?)?", re.UNICODE)
_NUMBER_RE = LazyPattern(r"(?:0x[0-9a-f]+|(?:\d+(?:\.(?!\.)\d*)?|\.\d+)(?:e[-+]?\d+)?)[ld]?(?:kb|mb|gb|tb|pb)?",
                         re.IGNORECASE)
_TYPE_RE = LazyPattern(r"\[[A-Za-z_][\w.`+]*(?:\[[\w.,\s`\[\]]*\])?\]")
_NAME_RE = LazyPattern(r"[\w?]+", re.UNICODE)
# Characters that end a bare word in argument mode (§1.11).
_WORD_END = set(_WS) | set("\r\n(){},;|&")
# Characters that end a parameter name.
_PARAM_END = _WORD_END | set(".[:")
# Generic (command-name / expression bare word) characters in expression mode.
_EXPR_WORD_RE = LazyPattern(r"[^\s(){},;|&\"'$\[\]=+*/%!<>.\u2018\u2019\u201a\u201b\u201c\u201d\u201e]+")
_REDIRECT_RE = LazyPattern(r"[*\d]?>>?(?:&[12])?")
_OPERATOR_RE = LazyPattern(r"\+\+|--|\+=|-=|\*=|/=|%=|\.\.|::|2>&1|[*\d]?>>|[*\d]?>|[-+*/%=!,<>]")


class Token:
    __slots__ = ("kind", "start", "end", "text", "command", "command_index", "unterminated")

    def __init__(self, kind: str, start: int, end: int, text: str):
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        #: The name of the command whose argument list holds this token (argument mode).
        self.command: Optional[str] = None
        #: Index (in the token list) of that command's name token.
        self.command_index: Optional[int] = None
        #: A string, here-string or block comment that runs to the end of the text.
        self.unterminated = False

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "Token(%s, %r)" % (self.kind, self.text)


class _Frame:
    """One nesting level: ``(``, ``{``, ``$(``, ``@(``, ``@{``, ``[`` or the top."""

    __slots__ = ("opener", "mode", "command", "command_index", "after_keyword", "clause")

    def __init__(self, opener: str, mode: str = "start"):
        self.opener = opener
        #: "start" (statement start), "command" (argument mode), "operand" (an
        #: expression operand is expected) or "operator" (after an operand).
        self.mode = mode
        self.command: Optional[str] = None
        self.command_index: Optional[int] = None
        self.after_keyword: Optional[str] = None
        #: A keyword's parenthesised clause (``if (...)``): closing it is no operand.
        self.clause = False


class Tokens(list):
    """The token list, plus the state at the end of the text."""

    #: "start", "command", "operand" or "operator" at the end of the text.
    mode: str = "start"
    #: The command whose arguments the end of the text is in (argument mode), if any.
    command: Optional[str] = None
    command_index: Optional[int] = None
    #: The end is inside an unterminated string/comment.
    in_string: bool = False
    #: The keyword just before the end, when it expects a name (``function``).
    after_keyword: Optional[str] = None


#: Keywords followed by a parenthesised clause.
_CLAUSE_KEYWORDS = frozenset("if elseif while foreach for switch param until".split())

_NAMED_KEYWORDS = _CLAUSE_KEYWORDS | {"function", "filter", "catch", "trap"}

_CLOSERS = {")": ("(", "$(", "@("), "}": ("{", "@{"), "]": ("[",)}


def tokenize(text: str) -> Tokens:
    """Split ``text`` into tokens; never raises."""
    scan = _Scanner(text)
    i = 0
    while i < scan.n:
        for step in (scan.trivia, scan.strings, scan.grouping, scan.separators):
            j = step(i)
            if j is not None:
                i = j
                break
        else:
            i = scan.by_mode(i)
    return scan.finish()


class _Scanner:
    """The state of one :func:`tokenize`: the text, the tokens so far and the stack of
    open groups.  Each step looks at position ``i`` and returns where the next token
    starts, or None when the text there is not its kind."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.toks = Tokens()
        self.stack: List[_Frame] = [_Frame("")]

    def add(self, kind: str, start: int, end: int) -> Token:
        tok = Token(kind, start, end, self.text[start:end])
        frame = self.stack[-1]
        if frame.mode == "command" and kind not in ("whitespace",):
            tok.command = frame.command
            tok.command_index = frame.command_index
        self.toks.append(tok)
        return tok

    def end_statement(self) -> None:
        f = self.stack[-1]
        f.mode = "start"
        f.command = None
        f.command_index = None
        f.after_keyword = None

    def trivia(self, i: int) -> Optional[int]:
        """Blanks, line continuations, newlines and comments."""
        text, n, frame, c = self.text, self.n, self.stack[-1], self.text[i]
        if c in _WS:
            j = i
            while j < n and text[j] in _WS:
                j += 1
            self.add("whitespace", i, j)
            return j
        if c == "`":
            # Backtick-newline is a continuation; elsewhere it escapes the next char.
            if i + 1 < n and text[i + 1] in "\r\n":
                j = i + 2 if text[i + 1:i + 3] != "\r\n" else i + 3
                self.add("whitespace", i, j)
                return j
            if frame.mode == "command" or frame.mode == "start":
                return _bare_word(text, i, self.toks, self.add, self.stack)
            self.add("punctuation", i, min(i + 2, n))
            return min(i + 2, n)
        if c in "\r\n":
            self.add("whitespace", i, i + 1)
            # A newline ends the statement unless a pipe/operator/comma asks for more.
            if frame.mode in ("command", "operator") or (frame.mode == "start" and frame.after_keyword is None):
                if frame.opener not in ("(", "[") or frame.mode == "command":
                    self.end_statement()
            return i + 1
        if c == "#":
            j = text.find("\n", i)
            j = n if j < 0 else j
            self.add("comment", i, j)
            return j
        if c == "<" and text.startswith("<#", i):
            j = text.find("#>", i + 2)
            tok = self.add("comment", i, n if j < 0 else j + 2)
            tok.unterminated = j < 0
            return tok.end
        return None

    def strings(self, i: int) -> Optional[int]:
        text, n, frame, c = self.text, self.n, self.stack[-1], self.text[i]
        if c == "@" and i + 1 < n and text[i + 1] in _SQ + _DQ and _here_header(text, i + 2):
            j, closed = _here_string(text, i)
            tok = self.add("string", i, j)
            tok.unterminated = not closed
            _after_operand(frame)
            return j
        if c not in _SQ and c not in _DQ:
            return None
        toks = self.toks
        if frame.mode == "command" and toks and toks[-1].kind == "argument" and toks[-1].end == i:
            # a"b c"d: quotes merge into the bare word.
            return _bare_word(text, i, toks, self.add, self.stack, continue_last=True)
        j, closed = _string(text, i)
        tok = self.add("string", i, j)
        tok.unterminated = not closed
        if frame.mode == "callname":
            frame.mode = "command"
            frame.command = _unquote(tok.text)
            frame.command_index = len(toks) - 1
        elif frame.mode in ("start", "operand"):
            frame.mode = "operator"
        return j

    def grouping(self, i: int) -> Optional[int]:
        """Opening and closing parentheses, braces and brackets."""
        text, n, frame, c = self.text, self.n, self.stack[-1], self.text[i]
        opener = None
        if c in "$@" and i + 1 < n and text[i + 1] == "(":
            opener = c + "("
        elif c == "@" and i + 1 < n and text[i + 1] == "{":
            opener = "@{"
        elif c in "({":
            opener = c
        if opener is not None:
            clause = opener == "(" and frame.mode == "start" and frame.after_keyword in _CLAUSE_KEYWORDS
            if clause:
                pass  # if (...) / foreach (...) / param (...): the statement goes on after it.
            elif frame.mode == "start" and c in "($@":
                frame.mode = "operator"
            elif frame.mode == "operand":
                frame.mode = "operator"
            self.add("punctuation", i, i + len(opener))
            inner = _Frame(opener, "operand" if opener == "(" and frame.after_keyword == "call" else "start")
            inner.clause = clause
            frame.after_keyword = None
            self.stack.append(inner)
            return i + len(opener)
        if c not in ")}]":
            return None
        stack = self.stack
        closed_clause = False
        if len(stack) > 1 and stack[-1].opener in _CLOSERS[c]:
            closed_clause = stack.pop().clause
        self.add("punctuation", i, i + 1)
        outer = stack[-1]
        if closed_clause or (outer.mode == "start" and c == "}"):
            pass
        elif outer.mode in ("start", "operand"):
            outer.mode = "operator"
        return i + 1

    def separators(self, i: int) -> Optional[int]:
        """Statement separators, pipes and the call operator."""
        text, frame, c = self.text, self.stack[-1], self.text[i]
        if c == ";":
            self.add("punctuation", i, i + 1)
            self.end_statement()
            return i + 1
        if c == "|":
            j = i + 2 if text.startswith("||", i) else i + 1
            self.add("operator", i, j)
            self.end_statement()
            return j
        if c == "&" and frame.mode in ("start", "command") and not text.startswith("&&", i):
            self.add("operator", i, i + 1)
            if frame.mode == "start":
                frame.mode = "callname"
            return i + 1
        return None

    def by_mode(self, i: int) -> int:
        """Anything else: an argument, a called command's name, or an expression."""
        text, frame, c = self.text, self.stack[-1], self.text[i]
        if frame.mode == "command":
            return _argument_mode(text, i, self.toks, self.add, self.stack)
        if frame.mode != "callname":
            return _expression_mode(text, i, self.toks, self.add, self.stack)
        # & $cmd / & 'name' / & name: the command name as an expression, then arguments.
        m = _VAR_RE.match(text, i) if c == "$" else None
        if m:
            tok = self.add("variable", i, m.end())
        elif c in _SQ or c in _DQ:
            j, _ = _string(text, i)
            tok = self.add("string", i, j)
        else:
            j = _scan_word(text, i)
            tok = self.add("command", i, max(j, i + 1))
        frame.mode = "command"
        frame.command = _unquote(tok.text) if tok.kind != "variable" else None
        frame.command_index = len(self.toks) - 1
        return tok.end

    def finish(self) -> Tokens:
        toks, frame = self.toks, self.stack[-1]
        toks.mode = frame.mode if frame.mode != "callname" else "command"
        toks.command = frame.command if frame.mode == "command" else None
        toks.command_index = frame.command_index if frame.mode == "command" else None
        toks.after_keyword = frame.after_keyword
        toks.in_string = bool(toks) and toks[-1].unterminated
        return toks


def _after_operand(frame: _Frame) -> None:
    if frame.mode in ("start", "operand"):
        frame.mode = "operator"


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] in _SQ + _DQ:
        return text[1:-1]
    return text


def _here_header(text: str, j: int) -> bool:
    """``@"`` / ``@'`` followed by optional blanks then a newline (or the end)."""
    while j < len(text) and text[j] in _WS:
        j += 1
    return j >= len(text) or text[j] in "\r\n"


def _here_string(text: str, i: int) -> tuple:
    quote = text[i + 1]
    family = _SQ if quote in _SQ else _DQ
    j = text.find("\n", i)
    if j < 0:
        return len(text), False
    pos = j + 1
    while pos <= len(text):
        if pos + 1 < len(text) + 0 and text[pos] in family and text[pos + 1] == "@":
            return pos + 2, True
        nl = text.find("\n", pos)
        if nl < 0:
            break
        pos = nl + 1
    return len(text), False


def _string(text: str, i: int) -> tuple:
    """A quoted string from ``i``; returns (end, closed).  Doubled quotes and (in
    double quotes) backticks escape; ``$( )`` inside double quotes is skipped over."""
    family = _SQ if text[i] in _SQ else _DQ
    double = family is _DQ
    j = i + 1
    n = len(text)
    while j < n:
        ch = text[j]
        if double and ch == "`":
            j += 2
            continue
        if double and ch == "$" and j + 1 < n and text[j + 1] == "(":
            depth = 0
            while j < n:
                if text[j] == "(":
                    depth += 1
                elif text[j] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            j += 1
            continue
        if ch in family:
            if j + 1 < n and text[j + 1] in family:
                j += 2
                continue
            return j + 1, True
        j += 1
    return n, False


def _scan_word(text: str, i: int) -> int:
    """End of a bare word (argument mode rules; backtick escapes one character)."""
    n = len(text)
    j = i
    while j < n and text[j] not in _WORD_END:
        if text[j] == "`":
            j += 2
            continue
        if text[j] in _SQ or text[j] in _DQ:
            j, _ = _string(text, j)
            continue
        j += 1
    return min(j, n)


def _bare_word(text, i, toks, add, stack, continue_last=False) -> int:
    j = _scan_word(text, i)
    j = max(j, i + 1)
    frame = stack[-1]
    if continue_last:
        last = toks[-1]
        last.end = j
        last.text = text[last.start:j]
        return j
    if frame.mode == "start":
        add("command", i, j)
        frame.mode = "command"
        frame.command = _unquote(text[i:j])
        frame.command_index = len(toks) - 1
    else:
        add("argument", i, j)
    return j


def _argument_mode(text, i, toks, add, stack) -> int:
    c = text[i]
    n = len(text)
    if c in DASHES:
        nxt = text[i + 1] if i + 1 < n else ""
        if nxt and nxt in DASHES and (i + 2 >= n or text[i + 2] in _WORD_END):
            add("operator", i, i + 2)  # --: end of parameters
            return i + 2
        if nxt == "" or nxt.isalpha() or nxt in "_?":
            j = i + 1
            while j < n and text[j] not in _PARAM_END:
                j += 1
            if j < n and text[j] == ":":
                j += 1
            add("parameter", i, j)
            return j
    if c == "$":
        m = _VAR_RE.match(text, i)
        j = m.end()
        add("variable", i, j)
        return _postfix(text, j, toks, add, stack)
    if c in ".[" and toks and toks[-1].end == i and toks[-1].text == ")":
        j = _postfix(text, i, toks, add, stack)
        if j > i:
            return j
    if c == "@" and i + 1 < n and (text[i + 1].isalnum() or text[i + 1] == "_"):
        m = _NAME_RE.match(text, i + 1)
        add("variable", i, m.end())
        return m.end()
    if c == ",":
        add("operator", i, i + 1)
        return i + 1
    m = _REDIRECT_RE.match(text, i)
    if m and (c in ">" or (i + 1 < n and text[i + 1] == ">")):
        add("operator", i, m.end())
        return m.end()
    if c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit()):
        m = _NUMBER_RE.match(text, i)
        if m and (m.end() >= n or text[m.end()] in _WORD_END):
            add("number", i, m.end())
            return m.end()
    return _bare_word(text, i, toks, add, stack)


def _postfix(text, j, toks, add, stack) -> int:
    """Member access / static member after an operand, no whitespace allowed."""
    n = len(text)
    while j < n:
        if text[j] == "." and not text.startswith("..", j):
            add("operator", j, j + 1)
            j += 1
            m = _NAME_RE.match(text, j)
            if m:
                add("member", j, m.end())
                j = m.end()
                if j < n and text[j] == "(":
                    stack[-1].after_keyword = "call"
                    return j
            continue
        if text.startswith("::", j):
            add("operator", j, j + 2)
            j += 2
            m = _NAME_RE.match(text, j)
            if m:
                add("member", j, m.end())
                j = m.end()
                if j < n and text[j] == "(":
                    stack[-1].after_keyword = "call"
                    return j
            continue
        if text[j] == "[":
            add("punctuation", j, j + 1)
            stack.append(_Frame("[", "operand"))
            return j + 1
        break
    return j


def _expression_mode(text, i, toks, add, stack) -> int:
    c = text[i]
    n = len(text)
    frame = stack[-1]
    operand_expected = frame.mode in ("start", "operand")
    if frame.mode == "operator" and c in ".[:" and toks and toks[-1].end == i and \
            not text.startswith("..", i):
        # (Get-Date).Year, $a[0], [DateTime]::Now: member access right after an operand.
        j = _postfix(text, i, toks, add, stack)
        if j > i:
            return j
    if c == "$":
        m = _VAR_RE.match(text, i)
        add("variable", i, m.end())
        frame.mode = "operator"
        frame.after_keyword = None
        return _postfix(text, m.end(), toks, add, stack)
    if c == "[" and operand_expected:
        m = _TYPE_RE.match(text, i)
        if m:
            add("type", i, m.end())
            if frame.after_keyword in ("catch", "trap"):
                return m.end()
            j = m.end()
            if text.startswith("::", j):
                frame.mode = "operator"
                return _postfix(text, j, toks, add, stack)
            frame.mode = "operand"
            return j
    if c == "[":
        add("punctuation", i, i + 1)
        stack.append(_Frame("[", "operand"))
        return i + 1
    if c in DASHES and i + 1 < n and (text[i + 1].isalpha()):
        m = _NAME_RE.match(text, i + 1)
        word = m.group(0)
        if word.casefold() in OPERATORS:
            add("operator", i, m.end())
            frame.mode = "operand"
            return m.end()
        add("parameter", i, m.end())
        return m.end()
    if c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit()):
        m = _NUMBER_RE.match(text, i)
        if m:
            end = m.end()
            if frame.mode == "start" and end < n and text[end] not in _WORD_END and \
                    not _OPERATOR_RE.match(text, end):
                # 7z at statement start: a command name.
                return _bare_word(text, i, toks, add, stack)
            add("number", i, end)
            frame.mode = "operator"
            return _postfix(text, end, toks, add, stack)
    if c == "." and frame.mode == "start" and i + 1 < n and text[i + 1] in _WS:
        add("operator", i, i + 1)  # dot-sourcing
        frame.mode = "callname"
        return i + 1
    if frame.mode == "start" and c == "*" and i + 1 < n and text[i + 1] not in _WORD_END:
        return _bare_word(text, i, toks, add, stack)  # *-ExchangeCertificate: a wildcard name
    if frame.mode == "start" and c in "%?" and (i + 1 >= n or text[i + 1] in _WORD_END):
        return _bare_word(text, i, toks, add, stack)  # the ForEach-/Where-Object aliases
    m = _OPERATOR_RE.match(text, i)
    if m and not (c.isalpha()):
        op = m.group(0)
        add("operator", i, m.end())
        if op in ("=", "+=", "-=", "*=", "/=", "%="):
            frame.mode = "start"
        elif op in ("++", "--") and frame.mode == "operator":
            pass
        else:
            frame.mode = "operand"
        return m.end()
    m = _EXPR_WORD_RE.match(text, i)
    if not m:
        add("punctuation", i, i + 1)
        return i + 1
    word = m.group(0)
    folded = word.casefold()
    if frame.mode == "start" and frame.after_keyword == "function":
        add("function", i, m.end())
        frame.after_keyword = None
        return m.end()
    if frame.mode == "start" and frame.opener == "@{":
        add("member", i, m.end())  # a hashtable key
        frame.mode = "operator"
        return m.end()
    if folded in KEYWORDS and (frame.mode == "start" or folded in ("in", "else", "elseif", "catch",
                                                                      "finally", "while", "until")):
        add("keyword", i, m.end())
        frame.mode = "start"
        frame.after_keyword = folded if folded in _NAMED_KEYWORDS else None
        if folded == "filter":
            frame.after_keyword = "function"
        return m.end()
    if frame.mode == "start":
        return _bare_word(text, i, toks, add, stack)
    add("argument", i, m.end())
    frame.mode = "operator"
    return m.end()
