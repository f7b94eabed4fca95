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

from .conversion import ConversionError, to_bool, to_datetime, to_number, to_string
from .properties import PSHashtable, dotnet_type_name

__all__ = ["OperatorError", "binary", "compare_values", "like", "wildcard_to_regex",
           "COMPARISON_OPERATORS", "ps_regex"]


class OperatorError(Exception):
    def __init__(self, message: str, error_id: str = "RuntimeException",
                 category: str = "InvalidOperation"):
        super().__init__(message)
        self.message = message
        self.error_id = error_id
        self.category = category


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


_NAMED_GROUP = re.compile(r"\(\?<([A-Za-z_][A-Za-z0-9_]*)>")


def ps_regex(pattern: str, case_sensitive: bool = False) -> "re.Pattern[str]":
    """Compile a .NET regular expression with Python's engine (named groups
    ``(?<n>...)`` are translated)."""
    py = _NAMED_GROUP.sub(r"(?P<\1>", pattern)
    try:
        return re.compile(py, 0 if case_sensitive else re.I)
    except re.error:
        raise OperatorError('The regular expression pattern %s is not valid.' % pattern,
                            "InvalidRegularExpression")


def _coerce_to_left(left: Any, right: Any) -> Any:
    """Convert ``right`` to the type of ``left`` for comparison."""
    if right is None or left is None:
        return right
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
        rx = ps_regex(to_string(right), cs)
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
            raise OperatorError("A hash table can only be added to another hash table.")
        out = left.copy()
        for k, v in right.items():
            if k in out:
                raise OperatorError("Item has already been added. Key in dictionary: '%s'  Key being added: '%s'"
                                    % (k, k))
            out[k] = v
        return out
    if isinstance(left, _dt.datetime):
        if isinstance(right, _dt.timedelta):
            return left + right
        if isinstance(right, (int, float)):
            return left + _dt.timedelta(microseconds=right / 10)
        raise OperatorError('Cannot convert the "%s" value of type "%s" to type "System.TimeSpan".'
                            % (to_string(right), dotnet_type_name(right)))
    if isinstance(left, _dt.timedelta):
        if isinstance(right, _dt.timedelta):
            return left + right
        raise OperatorError('Cannot convert the "%s" value of type "%s" to type "System.TimeSpan".'
                            % (to_string(right), dotnet_type_name(right)))
    return _arith("+", left, right)


def _num_pair(op: str, left: Any, right: Any) -> Tuple[Any, Any]:
    try:
        l = to_number(left)
    except ConversionError as e:
        raise OperatorError(e.message, "InvalidArgument")
    try:
        r = to_number(right)
    except ConversionError as e:
        raise OperatorError(e.message, "InvalidArgument")
    return l, r


def _arith(op: str, left: Any, right: Any) -> Any:
    if isinstance(left, (list, tuple, PSHashtable)) and op != "*":
        raise OperatorError("Method invocation failed because [System.Object[]] doesn't contain a "
                            "method named 'op_%s'." % {"-": "Subtraction", "/": "Division",
                                                        "%": "Modulus", "+": "Addition"}[op],
                            "MethodNotFound")
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
            raise OperatorError("Attempted to divide by zero.", "RuntimeException", "NotSpecified")
        res = l / r
        if isinstance(l, int) and isinstance(r, int) and res == int(res):
            res = int(res)
    elif op == "%":
        if r == 0:
            raise OperatorError("Attempted to divide by zero.", "RuntimeException", "NotSpecified")
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
        if isinstance(right, _dt.datetime):
            return left - right
        if isinstance(right, _dt.timedelta):
            return left - right
        try:
            return left - to_datetime(right)
        except ConversionError as e:
            raise OperatorError(e.message)
    if isinstance(left, _dt.timedelta) and isinstance(right, _dt.timedelta):
        return left - right
    return _arith("-", left, right)


def _multiply(left: Any, right: Any) -> Any:
    if isinstance(left, str):
        n = to_number(right)
        return left * int(n)
    if isinstance(left, (list, tuple)):
        return list(left) * int(to_number(right))
    return _arith("*", left, right)


def _format(fmt: Any, args: Any) -> str:
    from .dotnet import format_string  # local: dotnet imports operators
    values = list(args) if isinstance(args, (list, tuple)) else [args]
    return format_string(to_string(fmt), values)


def _replace(left: Any, right: Any, cs: bool) -> Any:
    if isinstance(right, (list, tuple)):
        pattern = to_string(right[0]) if right else ""
        replacement = to_string(right[1]) if len(right) > 1 else ""
    else:
        pattern, replacement = to_string(right), ""
    rx = ps_regex(pattern, cs)
    py_repl = re.sub(r"\$(\d+)|\$\{(\w+)\}|\$\$", lambda m: "$" if m.group(0) == "$$" else
                     "\\g<%s>" % (m.group(1) or m.group(2)), replacement.replace("\\", "\\\\"))
    def one(v: Any) -> str:
        try:
            return rx.sub(py_repl, to_string(v))
        except (re.error, IndexError) as e:
            raise OperatorError("Invalid replacement: %s" % e)
    if isinstance(left, (list, tuple)):
        return [one(v) for v in left]
    return one(left)


def _split(left: Any, right: Any, cs: bool) -> List[str]:
    limit = 0
    if isinstance(right, (list, tuple)):
        pattern = to_string(right[0]) if right else " "
        if len(right) > 1:
            limit = int(to_number(right[1]))
    else:
        pattern = to_string(right)
    rx = ps_regex(pattern, cs)
    out: List[str] = []
    for v in (left if isinstance(left, (list, tuple)) else [left]):
        parts = rx.split(to_string(v), maxsplit=max(limit - 1, 0)) if limit != 1 else [to_string(v)]
        out.extend(p for p in parts if p is not None)
    return out


def _join(left: Any, right: Any) -> str:
    items = list(left) if isinstance(left, (list, tuple)) else [left]
    return to_string(right).join(to_string(v) for v in items)


def _range(left: Any, right: Any) -> List[int]:
    a, b = int(to_number(left)), int(to_number(right))
    if abs(b - a) > 10_000_000:  # a guard for the emulator, not a PowerShell limit
        raise OperatorError("The range is too large.")
    return list(range(a, b + 1)) if a <= b else list(range(a, b - 1, -1))


def binary(op: str, left: Any, right: Any,
           set_matches: Optional[Callable[[Any], None]] = None,
           is_type: Optional[Callable[[Any, Any], bool]] = None,
           as_type: Optional[Callable[[Any, Any], Any]] = None) -> Any:
    """Apply binary operator ``op`` (normalised name) to evaluated operands.
    ``-and``/``-or`` are short-circuited by the evaluator, not here."""
    name, cs = _split_op(op)
    if name in COMPARISON_OPERATORS:
        return _comparison(name, left, right, cs, set_matches)
    if name == "replace":
        return _replace(left, right, cs)
    if name == "split":
        return _split(left, right, cs)
    if name == "join":
        return _join(left, right)
    if name == "f":
        return _format(left, right)
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
        l, r = int(to_number(left)), int(to_number(right))
        return {"band": l & r, "bor": l | r, "bxor": l ^ r, "shl": l << r, "shr": l >> r}[name]
    if name in ("is", "isnot"):
        result = bool(is_type(left, right)) if is_type else False
        return result if name == "is" else not result
    if name == "as":
        return as_type(left, right) if as_type else None
    raise OperatorError("Unexpected operator '-%s'." % name)
