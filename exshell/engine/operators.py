"""PowerShell operators on Python values.

Comparison converts the right operand to the type of the left one; a collection on
the left filters it (``1,2,3 -eq 2`` gives ``2``); ``-like`` uses wildcards, ``-match``
.NET-style regular expressions (and sets ``$Matches``); containment operators always
give a bool.  Arithmetic follows PowerShell's rules for numbers, strings, arrays,
dates and timespans.  Errors raise :class:`OperatorError` with PowerShell's text.

Depends on ``engine.conversion`` and ``engine.properties``.
"""
from __future__ import annotations

import datetime as _dt
import decimal
import enum
import re
from typing import Any, Callable, Dict, List, Optional, Tuple

from ..structs import LazyPattern

from .conversion import ConversionError, to_bool, to_datetime, to_number, to_string
from . import clrtime, netformat, numbers
from .chars import Char
from .properties import PSHashtable, dotnet_type_name

__all__ = ["OperatorError", "binary", "compare_values", "like", "wildcard_to_regex",
           "COMPARISON_OPERATORS", "ps_regex", "net_regex", "RegexPatternError",
           "dotnet_replacement", "dotnet_groups", "group_index", "unary_split", "SPLIT_OPTIONS"]


class OperatorError(Exception):
    """An operator failed.  ``exception`` is the error's exception type; ``inner``
    names the .NET exception the runtime error wraps (``System.DivideByZeroException``),
    which ``catch`` matches too."""

    def __init__(self, message: str, error_id: str = "RuntimeException",
                 category: str = "InvalidOperation", inner: Optional[str] = None,
                 exception: str = "System.Management.Automation.RuntimeException"):
        super().__init__(message)
        self.message = message
        self.error_id = error_id
        self.category = category
        self.inner = inner
        self.exception = exception


COMPARISON_OPERATORS = ("eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match",
                        "notmatch", "contains", "notcontains", "in", "notin")


def wildcard_to_regex(pattern: str) -> str:
    """PowerShell wildcard (``*``, ``?``, ``[a-z]``, backtick escapes) to a regex."""
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "`" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        if c == "*":
            out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[":
            j = pattern.find("]", i + 1)
            if j < 0:
                out.append(re.escape(c))
            else:
                out.append("[" + pattern[i + 1:j].replace("\\", "\\\\") + "]")
                i = j
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def like(value: str, pattern: str, case_sensitive: bool = False) -> bool:
    flags = re.S | (0 if case_sensitive else re.I)
    return re.fullmatch(wildcard_to_regex(pattern), value, flags) is not None


class RegexPatternError(ValueError):
    """A .NET pattern Python's engine cannot read."""


_DOTNET_GROUP = LazyPattern(r"\(\?<([A-Za-z_][A-Za-z0-9_]*)>")
_DOTNET_GROUP_QUOTE = LazyPattern(r"\(\?'([A-Za-z_][A-Za-z0-9_]*)'")
_BACKREF_NAMED = LazyPattern(r"\\k<([A-Za-z_][A-Za-z0-9_]*)>")
_UNNAMED_GROUP = LazyPattern(r"(?<!\\)\((?![?*])")

#: RegexOptions bits net_regex understands.
RX_IGNORECASE, RX_MULTILINE, RX_EXPLICITCAPTURE, RX_SINGLELINE, RX_WHITESPACE = 1, 2, 4, 16, 32


def net_regex(pattern: str, options: int = 0) -> "re.Pattern[str]":
    """Compile a .NET regular expression (with its RegexOptions bits) with Python's
    engine: named groups ``(?<n>...)``/``(?'n'...)``, ``\\k<n>`` and ``\\z`` are
    translated.  Raises RegexPatternError for what Python cannot read."""
    py = _DOTNET_GROUP.sub(r"(?P<\1>", pattern)
    py = _DOTNET_GROUP_QUOTE.sub(r"(?P<\1>", py)
    py = _BACKREF_NAMED.sub(r"(?P=\1)", py)
    py = py.replace(r"\z", r"\Z")
    if options & RX_EXPLICITCAPTURE:  # only named groups capture
        py = _UNNAMED_GROUP.sub("(?:", py)
    flags = 0
    if options & RX_IGNORECASE:
        flags |= re.I
    if options & RX_MULTILINE:
        flags |= re.M
    if options & RX_SINGLELINE:
        flags |= re.S
    if options & RX_WHITESPACE:
        flags |= re.X
    try:
        return re.compile(py, flags)
    except (re.error, OverflowError, RecursionError) as e:
        reason = str(e).split(" at position")[0]
        raise RegexPatternError('parsing "%s" - %s.' % (pattern, reason[:1].upper() + reason[1:]))


def ps_regex(pattern: Any, case_sensitive: bool = False) -> "re.Pattern[str]":
    """The regex of an operator's right operand: a [regex] object as it is (with its
    own options), or a pattern compiled case-insensitively unless ``case_sensitive``."""
    compiled = getattr(pattern, "compiled", None)
    if isinstance(compiled, re.Pattern):
        return compiled
    text = to_string(pattern)
    try:
        return net_regex(text, 0 if case_sensitive else RX_IGNORECASE)
    except RegexPatternError:
        raise OperatorError('The regular expression pattern %s is not valid.' % text,
                            "InvalidRegularExpression")


def dotnet_groups(m: "re.Match[str]") -> List[Tuple[str, Optional[str]]]:
    """The groups of a match as .NET numbers and names them: 0, then the unnamed
    groups numbered 1, 2... in order, then the named groups (``(?<y>..)-(..)``: group 1
    is the second one).  Each entry is (name, value or None)."""
    names = {index: name for name, index in m.re.groupindex.items()}
    unnamed = [i for i in range(1, m.re.groups + 1) if i not in names]
    named = [i for i in range(1, m.re.groups + 1) if i in names]
    out: List[Tuple[str, Optional[str]]] = [("0", m.group(0))]
    out += [(str(n), m.group(i)) for n, i in enumerate(unnamed, 1)]
    out += [(names[i], m.group(i)) for i in named]
    return out


def group_index(m: "re.Match[str]", key: str) -> int:
    """The Python index of .NET group ``key`` (a number or a name); IndexError if none."""
    if not key.isdigit():
        return m.re.groupindex[key] if key in m.re.groupindex else _no_group()
    number = int(key)
    if number == 0:
        return 0
    names = set(m.re.groupindex.values())
    ordered = [i for i in range(1, m.re.groups + 1) if i not in names] + \
        [i for i in range(1, m.re.groups + 1) if i in names]
    if number > len(ordered):
        return _no_group()
    return ordered[number - 1]


def _no_group() -> int:
    raise IndexError("no such group")


_REPLACEMENT = LazyPattern(r"\$(?:(\d+)|\{([A-Za-z_][A-Za-z0-9_]*|\d+)\}|(\$)|(&)|(`)|(')|(\+)|(_))")


def dotnet_replacement(replacement: str) -> Callable[["re.Match[str]"], str]:
    """A .NET replacement pattern (``$1``, ``${name}``, ``$0``, ``$&``, ``$$``, ``$```,
    ``$'``, ``$+``, ``$_``) as a function of the match.  A group that does not exist
    is left as written, as .NET does; backslashes are literal."""
    def expand(m: "re.Match[str]") -> str:
        out: List[str] = []
        pos = 0
        for r in _REPLACEMENT.finditer(replacement):
            out.append(replacement[pos:r.start()])
            pos = r.end()
            number, name, dollar, amp, before, after, last, whole = r.groups()
            if dollar:
                out.append("$")
            elif amp:
                out.append(m.group(0))
            elif before:
                out.append(m.string[:m.start()])
            elif after:
                out.append(m.string[m.end():])
            elif whole:
                out.append(m.string)
            elif last:
                groups = [g for g in m.groups() if g is not None]
                out.append(groups[-1] if groups else "")
            else:
                try:
                    group = m.group(group_index(m, number if number is not None else name))
                except IndexError:  # no such group: .NET leaves the text as written
                    out.append(r.group(0))
                    continue
                out.append(group or "")
        out.append(replacement[pos:])
        return "".join(out)
    return expand


def _coerce_to_left(left: Any, right: Any) -> Any:
    """Convert ``right`` to the type of ``left`` for comparison."""
    if right is None or left is None:
        return right
    coerce = getattr(type(left), "ps_coerce", None)  # a .NET type with its own cast (Version)
    if coerce is not None:
        try:
            return coerce(right)
        except ConversionError:
            return _NOT_COMPARABLE
    if isinstance(left, bool):
        return to_bool(right)
    if isinstance(left, enum.Enum):
        if isinstance(right, type(left)):
            return right
        parse = getattr(type(left), "parse", None)
        try:
            if parse is not None:
                return parse(right)
            return type(left)[to_string(right)]
        except (ValueError, KeyError, TypeError):
            raise OperatorError('Cannot convert value "%s" to type "%s". Error: "Unable to match the '
                                'identifier name %s to a valid enumerator name."'
                                % (to_string(right), getattr(type(left), "DOTNET_NAME", type(left).__name__),
                                   to_string(right)))
    if isinstance(left, (int, float, decimal.Decimal)):
        if isinstance(right, (int, float, decimal.Decimal)) and not isinstance(right, bool):
            return right
        try:
            return to_number(right)
        except ConversionError:
            return _NOT_COMPARABLE
    if isinstance(left, Char):
        # A char compares with a char: a one-character string or a number converts.
        if isinstance(right, Char):
            return right
        if isinstance(right, str):
            return Char(right) if len(right) == 1 else _NOT_COMPARABLE
        if isinstance(right, int) and not isinstance(right, bool) and 0 <= right <= 0xFFFF:
            return Char(chr(right))
        return _NOT_COMPARABLE
    if isinstance(left, str):
        return to_string(right)
    if isinstance(left, _dt.datetime):
        try:
            return to_datetime(right)
        except ConversionError as e:
            raise OperatorError(e.message)
    return right


class _NotComparable:
    pass


_NOT_COMPARABLE: Any = _NotComparable()


def compare_values(left: Any, right: Any, case_sensitive: bool = False) -> int:
    """-1/0/1 like IComparable, after converting right to left's type."""
    r = _coerce_to_left(left, right)
    l = left
    if r is _NOT_COMPARABLE:
        l, r = to_string(left), to_string(right)
    if l is None and r is None:
        return 0
    if l is None:
        return -1
    if r is None:
        return 1
    if isinstance(l, Char) and isinstance(r, Char):
        return (l > r) - (l < r)              # IComparable: the codes, in either case mode
    if isinstance(l, str) and isinstance(r, str) and not case_sensitive:
        a, b = l.casefold(), r.casefold()
        return (a > b) - (a < b)
    if isinstance(l, enum.Enum):
        l = l.value
    if isinstance(r, enum.Enum):
        r = r.value
    try:
        return (l > r) - (l < r)
    except TypeError:
        a, b = to_string(l), to_string(r)
        return (a > b) - (a < b)


def _equals(left: Any, right: Any, cs: bool) -> bool:
    if left is None or right is None:
        return left is None and right is None
    r = _coerce_to_left(left, right)
    if r is _NOT_COMPARABLE:
        return False
    if isinstance(left, str) and isinstance(r, str):
        return left == r if cs else left.casefold() == r.casefold()
    if isinstance(left, (int, float, decimal.Decimal)) and isinstance(r, (int, float, decimal.Decimal)):
        return float(left) == float(r) if isinstance(left, float) or isinstance(r, float) else left == r
    return left == r


def _scalar_compare(op: str, left: Any, right: Any, cs: bool, matches: Optional[Dict]) -> bool:
    if op == "eq":
        return _equals(left, right, cs)
    if op == "ne":
        return not _equals(left, right, cs)
    if op in ("gt", "ge", "lt", "le"):
        if left is None or right is None:
            c = compare_values(left, right, cs)
        else:
            c = compare_values(left, right, cs)
        return {"gt": c > 0, "ge": c >= 0, "lt": c < 0, "le": c <= 0}[op]
    if op in ("like", "notlike"):
        res = like(to_string(left), to_string(right), cs)
        return res if op == "like" else not res
    if op in ("match", "notmatch"):
        rx = ps_regex(right, cs)
        m = rx.search(to_string(left))
        if m and matches is not None:
            matches["value"] = m
        return bool(m) if op == "match" else not m
    raise OperatorError("Unknown operator '-%s'." % op)


def _comparison(op: str, left: Any, right: Any, cs: bool,
                set_matches: Optional[Callable[[Any], None]]) -> Any:
    if op in ("contains", "notcontains"):
        items = list(left) if isinstance(left, (list, tuple)) else [left]
        found = any(_equals(item, right, cs) for item in items)
        return found if op == "contains" else not found
    if op in ("in", "notin"):
        items = list(right) if isinstance(right, (list, tuple)) else [right]
        found = any(_equals(item, left, cs) for item in items)
        return found if op == "in" else not found
    if isinstance(left, (list, tuple)):
        out = []
        for item in left:
            if _scalar_compare(op, item, right, cs, None):
                out.append(to_string(item) if op in ("like", "notlike") else item)
        return out
    holder: Dict[str, Any] = {}
    result = _scalar_compare(op, left, right, cs, holder)
    if op == "match" and result and set_matches is not None:
        set_matches(holder.get("value"))
    return result


def _split_op(name: str) -> Tuple[str, bool]:
    if name[:1] == "c" and name[1:] in COMPARISON_OPERATORS + ("replace", "split"):
        return name[1:], True
    if name[:1] == "i" and name[1:] in COMPARISON_OPERATORS + ("replace", "split"):
        return name[1:], False
    return name, False


def _add(left: Any, right: Any) -> Any:
    if left is None:
        if isinstance(right, (list, tuple)):
            return list(right)
        return right
    if isinstance(left, (list, tuple)):
        return list(left) + (list(right) if isinstance(right, (list, tuple)) else [right])
    if isinstance(left, str):
        return left + to_string(right)
    if isinstance(left, PSHashtable):
        if not isinstance(right, PSHashtable):
            raise OperatorError("A hash table can only be added to another hash table.",
                                "AddHashTableToNonHashTable")
        out = left.copy()
        for k, v in right.items():
            if k in out:
                # .NET's exception, not wrapped: OperationStopped, ArgumentException
                raise OperatorError("Item has already been added. Key in dictionary: '%s'  Key being added: '%s'"
                                    % (k, k), "System.ArgumentException", "OperationStopped",
                                    exception="System.ArgumentException")
            out[k] = v
        return out
    if isinstance(left, _dt.datetime):
        if isinstance(right, _dt.timedelta):
            return _clr("op_Addition", lambda: clrtime.add(left, right, "t"))
        if isinstance(right, (int, float)) and not isinstance(right, bool):
            return _clr("op_Addition", lambda: clrtime.add(
                left, clrtime.timespan_of_ticks(int(right)), "t"))
        raise OperatorError('Cannot convert the "%s" value of type "%s" to type "System.TimeSpan".'
                            % (to_string(right), dotnet_type_name(right)))
    if isinstance(left, _dt.timedelta):
        if isinstance(right, _dt.timedelta):
            return _clr("op_Addition", lambda: clrtime.checked_timespan(left + right))
        raise OperatorError('Cannot convert the "%s" value of type "%s" to type "System.TimeSpan".'
                            % (to_string(right), dotnet_type_name(right)))
    return _arith("+", left, right)


def _clr(method: str, compute: Callable[[], Any]) -> Any:
    """Date and time-span operators run .NET's op_Addition/op_Subtraction: what they
    throw comes back as a method's exception."""
    try:
        return compute()
    except clrtime.ClrError as e:
        raise OperatorError('Exception calling "%s" with "2" argument(s): "%s"' % (method, e.message),
                            e.exception.rsplit(".", 1)[-1], "NotSpecified", inner=e.exception,
                            exception="System.Management.Automation.MethodInvocationException")


def _cast_error(value: Any, e: ConversionError) -> OperatorError:
    """A string operand that is no number: PowerShell's InvalidCastFromStringTo... ids
    (1 + 'a'); anything else keeps the generic id."""
    if isinstance(value, str):
        if '"System.Int' in e.message or '"System.UInt' in e.message:
            return OperatorError(e.message, "InvalidCastFromStringToInteger", "InvalidArgument")
        if '"System.Double"' in e.message or '"System.Single"' in e.message:
            return OperatorError(e.message, "InvalidCastFromStringToDoubleOrSingle",
                                 "InvalidArgument")
    return OperatorError(e.message, "InvalidArgument")


def _num_pair(op: str, left: Any, right: Any) -> Tuple[Any, Any]:
    try:
        l = to_number(left)
    except ConversionError as e:
        raise _cast_error(left, e)
    try:
        r = to_number(right)
    except ConversionError as e:
        raise _cast_error(right, e)
    return l, r


def _arith(op: str, left: Any, right: Any) -> Any:
    if isinstance(left, (_dt.datetime, _dt.timedelta)) and op in ("/", "%"):
        raise _no_operator(left, "op_Division" if op == "/" else "op_Modulus")
    if isinstance(left, (list, tuple, PSHashtable)) and op != "*":
        # no op_ method on an array or a hashtable (worded by the dialect)
        raise _no_operator(left, "op_" + {"-": "Subtraction", "/": "Division", "%": "Modulus",
                                          "+": "Addition"}[op])
    l, r = _num_pair(op, left, right)
    if isinstance(l, decimal.Decimal) or isinstance(r, decimal.Decimal):
        l, r = decimal.Decimal(str(l)), decimal.Decimal(str(r))
    if op == "+":
        res = l + r
    elif op == "-":
        res = l - r
    elif op == "*":
        res = l * r
    elif op == "/":
        if r == 0:
            raise OperatorError("Attempted to divide by zero.", "RuntimeException", "NotSpecified",
                                "System.DivideByZeroException")
        res = l / r
        if isinstance(l, int) and isinstance(r, int) and res == int(res):
            res = int(res)
    elif op == "%":
        if r == 0:
            raise OperatorError("Attempted to divide by zero.", "RuntimeException", "NotSpecified",
                                "System.DivideByZeroException")
        res = abs(l) % abs(r)
        if l < 0:
            res = -res
    else:
        raise OperatorError("Unknown operator '%s'." % op)
    if isinstance(res, int) and not (-2**63 <= res < 2**63):
        res = float(res)
    return res


def _subtract(left: Any, right: Any) -> Any:
    if isinstance(left, _dt.datetime):
        if isinstance(right, _dt.timedelta):
            return _clr("op_Subtraction", lambda: clrtime.subtract(left, right))
        try:
            other = right if isinstance(right, _dt.datetime) else to_datetime(right)
        except ConversionError as e:
            raise OperatorError(e.message)
        return left - other
    if isinstance(left, _dt.timedelta):
        if not isinstance(right, _dt.timedelta):
            raise OperatorError('Cannot convert the "%s" value of type "%s" to type "System.TimeSpan".'
                                % (to_string(right), dotnet_type_name(right)), "InvalidArgument",
                                "InvalidArgument")
        return _clr("op_Subtraction", lambda: clrtime.checked_timespan(left - right))
    return _arith("-", left, right)


def _no_operator(left: Any, method: str) -> OperatorError:
    """A type without the operator's op_ method (a TimeSpan has no op_Multiply)."""
    error = OperatorError("Method invocation failed because [%s] doesn't contain a method named "
                          "'%s'." % (dotnet_type_name(left), method), "MethodNotFound")
    error.member = (dotnet_type_name(left), method)  # type: ignore[attr-defined]
    return error


def _multiply(left: Any, right: Any) -> Any:
    if isinstance(left, (_dt.datetime, _dt.timedelta, Char)):
        raise _no_operator(left, "op_Multiply")
    if isinstance(left, str):
        n = to_number(right)
        return left * int(n)
    if isinstance(left, (list, tuple)):
        return list(left) * int(to_number(right))
    return _arith("*", left, right)


def _format(fmt: Any, args: Any, timespan_formats: bool) -> str:
    values = list(args) if isinstance(args, (list, tuple)) else [args]
    try:
        return netformat.composite(to_string(fmt), values, timespan_formats=timespan_formats)
    except netformat.FormatError as e:
        raise OperatorError("Error formatting a string: %s." % e.message, "FormatError",
                            inner="System.FormatException")


def _replace(left: Any, right: Any, cs: bool,
             size: Optional[Callable[[int], None]] = None) -> Any:
    if isinstance(right, (list, tuple)):
        if len(right) > 2:
            raise OperatorError("The -%s operator allows only two elements to follow it, not %d."
                                % ("creplace" if cs else "replace", len(right)), "BadReplaceArgument")
        pattern = right[0] if right else ""
        replacement = to_string(right[1]) if len(right) > 1 else ""
    else:
        pattern, replacement = right, ""
    rx = ps_regex(pattern, cs)
    expand = dotnet_replacement(replacement)

    def one(v: Any) -> str:
        text = to_string(v)
        if size is None:
            return rx.sub(expand, text)
        # The result's size as it grows (a long replacement, or $_, for every match),
        # told to the run's budget before it is joined: ('x' * 1e6) -replace 'x',
        # ('y' * 1e4) must stop, not build 10 GB.
        state = [len(text), 1 << 16]

        def guarded(m: "re.Match[str]") -> str:
            piece = expand(m)
            state[0] += len(piece) - (m.end() - m.start())
            if state[0] > state[1]:
                size(state[0])
                state[1] = state[0] * 2
            return piece
        return rx.sub(guarded, text)
    if isinstance(left, (list, tuple)):
        return [one(v) for v in left]
    return one(left)


#: System.Management.Automation.SplitOptions, in enum order.
SPLIT_OPTIONS = (("SimpleMatch", 1), ("RegexMatch", 2), ("CultureInvariant", 4),
                 ("IgnorePatternWhitespace", 8), ("Multiline", 16), ("Singleline", 32),
                 ("IgnoreCase", 64), ("ExplicitCapture", 128))
_SPLIT_BITS = {name.casefold(): bit for name, bit in SPLIT_OPTIONS}


def _split_options(value: Any) -> int:
    """``'SimpleMatch, IgnoreCase'`` (or an array of names, or a number) as SplitOptions."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    names = value if isinstance(value, (list, tuple)) else to_string(value).split(",")
    bits = 0
    for name in names:
        text = to_string(name).strip()
        bit = _SPLIT_BITS.get(text.casefold())
        if bit is None:
            raise OperatorError(
                'Cannot convert value "%s" to type "System.Management.Automation.SplitOptions". '
                'Error: "Unable to match the identifier name %s to a valid enumerator name. '
                'Specify one of the following enumerator names and try again:\n%s"'
                % (to_string(value), text, ", ".join(n for n, _ in SPLIT_OPTIONS)),
                "InvalidCastFromStringToEnum", "InvalidArgument")
        bits |= bit
    return bits


def _bad_split_options(message: str, error_id: str) -> OperatorError:
    return OperatorError(message, error_id, "ParserError",
                         exception="System.Management.Automation.ParseException")


def _split_regex(pattern: str, options: int) -> "re.Pattern[str]":
    if options & 1:  # SimpleMatch
        return re.compile(re.escape(pattern), re.I if options & 64 else 0)
    bits = 0
    for split_bit, regex_bit in ((64, RX_IGNORECASE), (16, RX_MULTILINE), (32, RX_SINGLELINE),
                                 (8, RX_WHITESPACE), (128, RX_EXPLICITCAPTURE)):
        if options & split_bit:
            bits |= regex_bit
    try:
        return net_regex(pattern, bits)
    except RegexPatternError:
        raise OperatorError("The regular expression pattern %s is not valid." % pattern,
                            "InvalidRegularExpression")


def _split_by_predicate(text: str, predicate: Callable[[str, str, int], Any], limit: int) -> List[str]:
    """``-split { $_ -eq ',' }``: split wherever the block returns true for a character."""
    if limit == 1:
        return [text]
    parts: List[str] = []
    current: List[str] = []
    for i, ch in enumerate(text):
        if to_bool(predicate(ch, text, i)):
            parts.append("".join(current))
            current = []
            if limit > 0 and len(parts) >= limit - 1:
                parts.append(text[i + 1:])
                return parts
            if i == len(text) - 1:
                parts.append("")
        else:
            current.append(ch)
    if current and (limit <= 0 or len(parts) < limit):
        parts.append("".join(current))
    return parts


def _split(left: Any, right: Any, cs: bool,
           call_block: Optional[Callable[[Any, str, str, int], Any]] = None,
           trim: bool = False) -> List[str]:
    """``-split`` (PowerShell's rules): ``<delimiter>[, <max-substrings>[, <options>]]``,
    a script block as the delimiter, SplitOptions; a maximum of 0 or less means all."""
    args = list(right) if isinstance(right, (list, tuple)) else [right]
    if not args:
        raise OperatorError("The argument to operator '-split' is not valid: .", "BadOperatorArgument")
    delimiter = args[0]
    is_block = call_block is not None and "System.Management.Automation.ScriptBlock" in \
        getattr(delimiter, "PS_TYPE_NAMES", ())
    limit = 0
    if len(args) >= 2:
        try:
            from .conversion import to_int
            limit = to_int(args[1])
        except ConversionError as e:
            raise OperatorError(e.message, "InvalidArgument", "InvalidArgument")
    options = 0
    if len(args) >= 3 and args[2] is not None and not (isinstance(args[2], str) and not args[2]):
        options = _split_options(args[2])
        if is_block:
            raise _bad_split_options("Options are not allowed on the -split operator with a "
                                     "predicate.", "InvalidSplitOptionWithPredicate")
    if not cs:
        options |= 64
    texts = [to_string(v) for v in (left if isinstance(left, (list, tuple)) else [left])]
    if trim:
        texts = [t.strip() for t in texts]
    out: List[str] = []
    if is_block:
        for text in texts:
            out.extend(_split_by_predicate(
                text, lambda ch, whole, i: call_block(delimiter, ch, whole, i), limit))  # type: ignore[misc]
        return out
    if options & 1 and options & ~(1 | 64):
        raise _bad_split_options("The combination of options with the -split operator is not "
                                 "valid.", "InvalidSplitOptionCombination")
    if options & (16 | 32) == (16 | 32):
        raise _bad_split_options("The combination of options with the -split operator is not "
                                 "valid.", "InvalidSplitOptionCombination")
    rx = _split_regex(to_string(delimiter), options)
    maxsplit = max(limit - 1, 0) if limit > 0 else 0
    for text in texts:
        if limit == 1:
            out.append(text)
            continue
        parts = rx.split(text, maxsplit=maxsplit)
        out.extend("" if p is None else p for p in parts)
    return out


def unary_split(value: Any) -> List[str]:
    """``-split $text``: each string trimmed, then split on runs of whitespace."""
    return _split(value, r"\s+", False, trim=True)


def _join(left: Any, right: Any) -> str:
    items = list(left) if isinstance(left, (list, tuple)) else [left]
    return to_string(right).join(to_string(v) for v in items)


def _integer_operand(value: Any, to_int: Callable[[Any], int]) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return to_int(to_number(value) if isinstance(value, str) else value)


def _range(left: Any, right: Any) -> List[int]:
    """``a..b``: both ends converted to Int32 as a cast does (doubles and decimals round
    to even: ``1.5..3.5`` is 2, 3, 4)."""
    from .conversion import to_int
    try:
        a, b = to_int(left), to_int(right)
    except ConversionError as e:
        raise OperatorError(e.message, "InvalidArgument", "InvalidArgument")
    if abs(b - a) > 10_000_000:  # a guard for the emulator, not a PowerShell limit
        raise OperatorError("The range is too large.")
    return list(range(a, b + 1)) if a <= b else list(range(a, b - 1, -1))


def binary(op: str, left: Any, right: Any,
           set_matches: Optional[Callable[[Any], None]] = None,
           is_type: Optional[Callable[[Any, Any], bool]] = None,
           as_type: Optional[Callable[[Any, Any], Any]] = None,
           call_block: Optional[Callable[..., Any]] = None,
           timespan_formats: bool = True,
           size: Optional[Callable[[int], None]] = None) -> Any:
    """Apply binary operator ``op`` (normalised name) to evaluated operands.
    ``-and``/``-or`` are short-circuited by the evaluator, not here.  ``call_block``
    runs a script block operand (``-split { ... }``): ``(block, $_, *args) -> value``.
    ``timespan_formats``: whether -f applies format strings to TimeSpans (.NET 4).
    ``size``: told the size of a string as -replace builds it (the run's budget)."""
    name, cs = _split_op(op)
    if name in COMPARISON_OPERATORS:
        return _comparison(name, left, right, cs, set_matches)
    if name == "replace":
        return _replace(left, right, cs, size)
    if name == "split":
        return _split(left, right, cs, call_block)
    if name == "join":
        return _join(left, right)
    if name == "f":
        return _format(left, right, timespan_formats)
    if name == "+":
        return _add(left, right)
    if name == "-":
        return _subtract(left, right)
    if name == "*":
        return _multiply(left, right)
    if name in ("/", "%"):
        return _arith(name, left, right)
    if name == "..":
        return _range(left, right)
    if name == "xor":
        return to_bool(left) != to_bool(right)
    if name in ("band", "bor", "bxor", "shl", "shr"):
        from .conversion import to_int
        try:
            l, r = _integer_operand(left, to_int), _integer_operand(right, to_int)
        except ConversionError as e:
            raise OperatorError(e.message, "InvalidArgument", "InvalidArgument")
        if name in ("shl", "shr"):
            return numbers.shift(l, r, name == "shl")
        return {"band": l & r, "bor": l | r, "bxor": l ^ r}[name]
    if name in ("is", "isnot"):
        result = bool(is_type(left, right)) if is_type else False
        return result if name == "is" else not result
    if name == "as":
        return as_type(left, right) if as_type else None
    raise OperatorError("Unexpected operator '-%s'." % name)
