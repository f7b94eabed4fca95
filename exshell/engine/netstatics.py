"""More .NET types admin scripts call: System.IO.Path (Windows path rules, as text),
System.Text.StringBuilder, System.Collections.Queue and Stack, and
``[DateTime]::ParseExact`` / ``TryParseExact`` over .NET's custom date formats.

Imported the first time one of the types is named (``nettypes.add_lazy``).  Imports
the engine's conversion layer, the registry and the standard library only.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Callable, Dict, List, Optional, Tuple

from .conversion import to_int, to_string
from .nettypes import NetCountError, NetError, NetType, register

__all__ = ["StringBuilder", "Queue", "Stack", "parse_exact", "TYPE_NAMES"]

#: The full names this module registers (nettypes.add_lazy lists them).
TYPE_NAMES = ("System.IO.Path", "System.Text.StringBuilder", "System.Collections.Queue",
              "System.Collections.Stack")


def _method(fn: Callable[[List[Any]], Any]) -> Tuple[str, Callable[[List[Any]], Any]]:
    return ("method", fn)


def _count(name: str, args: List[Any], *counts: int) -> None:
    if len(args) not in counts:
        raise NetCountError(name, len(args))


def _null(name: str) -> NetError:
    return NetError("System.ArgumentNullException", "Value cannot be null.\r\nParameter name: %s" % name)


# ====================================================================== System.IO.Path

_INVALID_PATH_CHARS = set('"<>|\0') | {chr(c) for c in range(1, 32)}


def _path_arg(value: Any, name: str = "path") -> Optional[str]:
    if value is None:
        return None
    text = to_string(value)
    if any(c in _INVALID_PATH_CHARS for c in text):
        raise NetError("System.ArgumentException", "Illegal characters in path.")
    return text


def _split_name(path: str) -> Tuple[str, str]:
    """(directory part, file name) by the last separator or drive colon."""
    cut = max(path.rfind("\\"), path.rfind("/"), path.rfind(":") if len(path) >= 2 and path[1] == ":" else -1)
    return path[:cut + 1], path[cut + 1:]


def _rooted(path: str) -> bool:
    return path.startswith(("\\", "/")) or (len(path) >= 2 and path[1] == ":")


def _combine(args: List[Any]) -> str:
    if not args:
        raise NetCountError("Combine", 0)
    parts: List[str] = []
    for i, a in enumerate(args):
        text = _path_arg(a, "path%d" % (i + 1) if len(args) > 1 else "paths")
        if text is None:
            raise _null("path%d" % (i + 1) if len(args) > 1 else "paths")
        parts.append(text)
    out = ""
    for part in parts:
        if not part:
            continue
        if _rooted(part) or not out:
            out = part
        elif out.endswith(("\\", "/", ":")):
            out += part
        else:
            out += "\\" + part
    return out


def _file_name(args: List[Any]) -> Optional[str]:
    _count("GetFileName", args, 1)
    path = _path_arg(args[0])
    return None if path is None else _split_name(path)[1]


def _extension(args: List[Any]) -> Optional[str]:
    _count("GetExtension", args, 1)
    path = _path_arg(args[0])
    if path is None:
        return None
    name = _split_name(path)[1]
    dot = name.rfind(".")
    return name[dot:] if 0 <= dot < len(name) - 1 else ""


def _without_extension(args: List[Any]) -> Optional[str]:
    _count("GetFileNameWithoutExtension", args, 1)
    path = _path_arg(args[0])
    if path is None:
        return None
    name = _split_name(path)[1]
    dot = name.rfind(".")
    return name[:dot] if dot >= 0 else name


#: .NET's current directory in a Windows PowerShell session ([Environment]::CurrentDirectory):
#: relative paths given to .NET methods resolve from here, not from Set-Location.
DOTNET_CURRENT_DIRECTORY = "C:\\Windows\\system32"


def _full_path(args: List[Any]) -> str:
    """GetFullPath: rooted on .NET's current directory, ``.``/``..`` folded, trailing
    dots and blanks of each name dropped, ``/`` read as ``\\``."""
    _count("GetFullPath", args, 1)
    path = _path_arg(args[0])
    if path is None:
        raise NetError("System.ArgumentNullException", "Value cannot be null.\r\nParameter name: path")
    if not path.strip():
        raise NetError("System.ArgumentException", "The path is not of a legal form.")
    p = path.replace("/", "\\")
    root = _root(p)
    if not root:
        p, root = DOTNET_CURRENT_DIRECTORY + "\\" + p, DOTNET_CURRENT_DIRECTORY[:3]
    elif root == "\\":
        p, root = DOTNET_CURRENT_DIRECTORY[:2] + p, DOTNET_CURRENT_DIRECTORY[:3]
    elif len(root) == 2:                                  # C:relative
        p, root = root + "\\" + p[2:], root + "\\"
    names: List[str] = []
    for name in p[len(root):].split("\\"):
        if name in ("", "."):
            continue
        if name == "..":
            if names:
                names.pop()
            continue
        names.append(name.rstrip(" ."))
    trailing = "\\" if p.endswith("\\") and names else ""
    return root.rstrip("\\") + "\\" + "\\".join(names) + trailing


def _directory_name(args: List[Any]) -> Optional[str]:
    _count("GetDirectoryName", args, 1)
    path = _path_arg(args[0])
    if path is None:
        return None
    path = path.replace("/", "\\")          # .NET Framework normalises the separators
    if not path.strip():
        raise NetError("System.ArgumentException", "The path is not of a legal form.")
    directory, _ = _split_name(path)
    root = _root(path)
    if len(path.rstrip("\\/")) <= len(root.rstrip("\\/")) and path in (root, root.rstrip("\\/")):
        return None                       # a root has no directory
    trimmed = directory.rstrip("\\/")
    if len(trimmed) < len(root.rstrip("\\/")) or trimmed == root.rstrip("\\/"):
        return root if root.endswith(("\\", "/")) else trimmed
    return trimmed


def _root(path: str) -> str:
    if len(path) >= 2 and path[1] == ":":
        return path[:3] if len(path) > 2 and path[2] in "\\/" else path[:2]
    if path.startswith(("\\\\", "//")):
        pieces = re.split(r"[\\/]", path[2:])
        return "\\\\" + "\\".join(pieces[:2])
    if path.startswith(("\\", "/")):
        return path[0]
    return ""


def _path_root(args: List[Any]) -> Optional[str]:
    _count("GetPathRoot", args, 1)
    path = _path_arg(args[0])
    return None if path is None else _root(path)


def _change_extension(args: List[Any]) -> Optional[str]:
    _count("ChangeExtension", args, 2)
    path = _path_arg(args[0])
    if path is None:
        return None
    directory, name = _split_name(path)
    dot = name.rfind(".")
    base = name[:dot] if dot >= 0 else name
    if args[1] is None:
        return directory + base
    ext = to_string(args[1])
    if ext and not ext.startswith("."):
        ext = "." + ext
    return directory + base + ext


def _has_extension(args: List[Any]) -> bool:
    return bool(_extension(args))


def _is_rooted(args: List[Any]) -> bool:
    _count("IsPathRooted", args, 1)
    path = _path_arg(args[0])
    return bool(path) and _rooted(path)


def _random_file_name(args: List[Any]) -> str:
    _count("GetRandomFileName", args, 0)
    import random
    letters = "abcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(random.choice(letters) for _ in range(8)) + "." + \
        "".join(random.choice(letters) for _ in range(3))


register(NetType("System.IO.Path", statics={
    "Combine": _method(_combine),
    "GetFileName": _method(_file_name),
    "GetExtension": _method(_extension),
    "GetFileNameWithoutExtension": _method(_without_extension),
    "GetDirectoryName": _method(_directory_name),
    "GetFullPath": _method(_full_path),
    "GetPathRoot": _method(_path_root),
    "ChangeExtension": _method(_change_extension),
    "HasExtension": _method(_has_extension),
    "IsPathRooted": _method(_is_rooted),
    "GetRandomFileName": _method(_random_file_name),
    "GetTempPath": _method(lambda a: (_count("GetTempPath", a, 0),
                                      "C:\\Users\\Administrator\\AppData\\Local\\Temp\\")[1]),
    "DirectorySeparatorChar": "\\", "AltDirectorySeparatorChar": "/", "PathSeparator": ";",
    "VolumeSeparatorChar": ":",
}))


# ====================================================================== StringBuilder

class StringBuilder:
    """System.Text.StringBuilder: Append* return the builder (scripts cast to [void])."""

    PS_TYPE_NAMES = ("System.Text.StringBuilder", "System.Object")
    PS_PROPERTIES = ("Capacity", "MaxCapacity", "Length")
    PS_SETTABLE = ("Length", "Capacity")

    def __init__(self, text: str = "", capacity: int = 16):
        self._parts: List[str] = [text] if text else []
        self._capacity = max(capacity, len(text), 16)
        self.MaxCapacity = 2147483647

    def _text(self) -> str:
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""

    @property
    def Length(self) -> int:
        return sum(len(p) for p in self._parts)

    @Length.setter
    def Length(self, value: Any) -> None:
        n = to_int(value)
        if n < 0:
            raise NetError("System.ArgumentOutOfRangeException",
                           "Length cannot be less than zero.\r\nParameter name: value")
        text = self._text()
        self._parts = [text[:n] + "\0" * max(0, n - len(text))]

    @property
    def Capacity(self) -> int:
        return max(self._capacity, self.Length)

    @Capacity.setter
    def Capacity(self, value: Any) -> None:
        self._capacity = to_int(value)

    def ps_method_Append(self, *args: Any) -> "StringBuilder":
        if len(args) == 2 and isinstance(args[1], int) and not isinstance(args[1], bool):
            self._parts.append(to_string(args[0]) * max(args[1], 0))   # Append(char, count)
        elif len(args) == 1:
            self._parts.append(to_string(args[0]))
        else:
            raise NetCountError("Append", len(args))
        return self

    def ps_method_AppendLine(self, *args: Any) -> "StringBuilder":
        if len(args) > 1:
            raise NetCountError("AppendLine", len(args))
        self._parts.append((to_string(args[0]) if args else "") + "\r\n")
        return self

    def ps_method_AppendFormat(self, fmt: Any, *args: Any) -> "StringBuilder":
        from . import netformat
        values = list(args[0]) if len(args) == 1 and isinstance(args[0], (list, tuple)) else list(args)
        try:
            self._parts.append(netformat.composite(to_string(fmt), values))
        except netformat.FormatError as e:
            raise NetError("System.FormatException", e.message)
        return self

    def ps_method_Insert(self, index: Any, value: Any) -> "StringBuilder":
        text, i = self._text(), to_int(index)
        if not 0 <= i <= len(text):
            raise NetError("System.ArgumentOutOfRangeException",
                           "Index was out of range. Must be non-negative and less than or equal "
                           "to the size of the collection.\r\nParameter name: index")
        self._parts = [text[:i] + to_string(value) + text[i:]]
        return self

    def ps_method_Remove(self, start: Any, length: Any) -> "StringBuilder":
        text, i, n = self._text(), to_int(start), to_int(length)
        if i < 0 or n < 0 or i + n > len(text):
            raise NetError("System.ArgumentOutOfRangeException",
                           "Index was out of range. Must be non-negative and less than the size "
                           "of the collection.\r\nParameter name: startIndex")
        self._parts = [text[:i] + text[i + n:]]
        return self

    def ps_method_Replace(self, old: Any, new: Any) -> "StringBuilder":
        old_text = to_string(old)
        if not old_text:
            raise NetError("System.ArgumentException",
                           "String cannot be of zero length.\r\nParameter name: oldValue")
        self._parts = [self._text().replace(old_text, to_string(new))]
        return self

    def ps_method_Clear(self) -> "StringBuilder":
        self._parts = []
        return self

    def ps_method_ToString(self, *args: Any) -> str:
        text = self._text()
        if len(args) == 2:
            i, n = to_int(args[0]), to_int(args[1])
            if i < 0 or n < 0 or i + n > len(text):
                raise NetError("System.ArgumentOutOfRangeException",
                               "Index and length must refer to a location within the string."
                               "\r\nParameter name: length")
            return text[i:i + n]
        if args:
            raise NetCountError("ToString", len(args))
        return text

    def __str__(self) -> str:
        return self._text()


def _builder_construct(args: List[Any]) -> StringBuilder:
    _count("new", args, 0, 1, 2)
    if not args:
        return StringBuilder()
    if len(args) == 1 and isinstance(args[0], int) and not isinstance(args[0], bool):
        return StringBuilder("", args[0])
    text = "" if args[0] is None else to_string(args[0])
    return StringBuilder(text, to_int(args[1]) if len(args) == 2 else 16)


register(NetType("System.Text.StringBuilder", construct=_builder_construct,
                 instance_of=lambda v: isinstance(v, StringBuilder)))


# ====================================================================== Queue, Stack

class Queue(list):
    """System.Collections.Queue: first in, first out; enumerates oldest first."""

    PS_TYPE_NAMES = ("System.Collections.Queue", "System.Object")

    def ps_method_Enqueue(self, value: Any) -> None:
        self.append(value)

    def ps_method_Dequeue(self) -> Any:
        if not self:
            raise NetError("System.InvalidOperationException", "Queue empty.")
        return self.pop(0)

    def ps_method_Peek(self) -> Any:
        if not self:
            raise NetError("System.InvalidOperationException", "Queue empty.")
        return self[0]

    def ps_method_Clear(self) -> None:
        self.clear()

    def ps_method_ToArray(self) -> List[Any]:
        return list(self)


class Stack(list):
    """System.Collections.Stack: last in, first out; enumerates newest first (kept in
    that order)."""

    PS_TYPE_NAMES = ("System.Collections.Stack", "System.Object")

    def ps_method_Push(self, value: Any) -> None:
        self.insert(0, value)

    def ps_method_Pop(self) -> Any:
        if not self:
            raise NetError("System.InvalidOperationException", "Stack empty.")
        return self.pop(0)

    def ps_method_Peek(self) -> Any:
        if not self:
            raise NetError("System.InvalidOperationException", "Stack empty.")
        return self[0]

    def ps_method_Clear(self) -> None:
        self.clear()

    def ps_method_ToArray(self) -> List[Any]:
        return list(self)


def _collection_construct(cls: type) -> Callable[[List[Any]], Any]:
    def construct(args: List[Any]) -> Any:
        _count("new", args, 0, 1, 2)
        if args and isinstance(args[0], (list, tuple)):
            items = list(args[0])
            return cls(reversed(items) if cls is Stack else items)
        return cls()
    return construct


register(NetType("System.Collections.Queue", construct=_collection_construct(Queue),
                 instance_of=lambda v: isinstance(v, Queue)))
register(NetType("System.Collections.Stack", construct=_collection_construct(Stack),
                 instance_of=lambda v: isinstance(v, Stack)))


# ====================================================================== ParseExact

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: The standard formats ParseExact takes as one letter (en-US / invariant patterns).
_STANDARD = {"d": "M/d/yyyy", "D": "dddd, MMMM d, yyyy", "f": "dddd, MMMM d, yyyy h:mm tt",
             "F": "dddd, MMMM d, yyyy h:mm:ss tt", "g": "M/d/yyyy h:mm tt",
             "G": "M/d/yyyy h:mm:ss tt", "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
             "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'", "t": "h:mm tt", "T": "h:mm:ss tt",
             "M": "MMMM d", "m": "MMMM d", "Y": "MMMM yyyy", "y": "MMMM yyyy"}
_TOKEN = re.compile(r"yyyy|yyy|yy|y|MMMM|MMM|MM|M|dddd|ddd|dd|d|HH|H|hh|h|mm|m|ss|s|"
                    r"f{1,7}|F{1,7}|tt|t|zzz|zz|z|K|'[^']*'|\"[^\"]*\"|\\.|.", re.S)
_NOT_RECOGNIZED = "String was not recognized as a valid DateTime."


def _pattern(fmt: str) -> Tuple[str, List[str]]:
    fmt = _STANDARD.get(fmt, fmt) if len(fmt) == 1 else fmt
    out, fields = [], []
    for tok in _TOKEN.findall(fmt):
        if tok[0] in "'\"":
            out.append(re.escape(tok[1:-1]))
        elif tok.startswith("\\"):
            out.append(re.escape(tok[1:]))
        elif tok in ("yyyy", "yyy"):
            out.append(r"(\d{4})"); fields.append("year")
        elif tok in ("yy", "y"):
            out.append(r"(\d{2})" if tok == "yy" else r"(\d{1,2})"); fields.append("year2")
        elif tok == "MMMM":
            out.append("(" + "|".join(_MONTHS) + ")"); fields.append("monthname")
        elif tok == "MMM":
            out.append("(" + "|".join(m[:3] for m in _MONTHS) + ")"); fields.append("monthabbr")
        elif tok in ("MM", "dd", "HH", "hh", "mm", "ss"):
            out.append(r"(\d{2})"); fields.append(tok)
        elif tok in ("M", "d", "H", "h", "m", "s"):
            out.append(r"(\d{1,2})"); fields.append(tok * 2)
        elif tok in ("dddd", "ddd"):
            names = _DAYS if tok == "dddd" else tuple(d[:3] for d in _DAYS)
            out.append("(?:" + "|".join(names) + ")")
        elif tok[0] in "fF":
            out.append(r"(\d{%d})" % len(tok) if tok[0] == "f" else r"(\d{0,%d})" % len(tok))
            fields.append("fraction")
        elif tok in ("tt", "t"):
            out.append("(AM|PM)" if tok == "tt" else "(A|P)"); fields.append("ampm")
        elif tok in ("zzz", "zz", "z", "K"):
            out.append(r"(Z|[+-]\d{1,2}(?::?\d{2})?)?"); fields.append("zone")
        elif tok == "/":
            out.append("/")
        elif tok == ":":
            out.append(":")
        else:
            out.append(re.escape(tok))
    return "".join(out), fields


def parse_exact(text: str, formats: List[str]) -> _dt.datetime:
    """``[DateTime]::ParseExact(text, format(s), provider)`` under the invariant and en-US
    patterns; .NET's FormatException when nothing matches."""
    for fmt in formats:
        if not fmt:
            raise NetError("System.FormatException", "Format specifier was invalid.")
        regex, fields = _pattern(fmt)
        m = re.fullmatch(regex, text, re.IGNORECASE)
        if m is None:
            continue
        parts: Dict[str, Any] = dict(year=1, month=1, day=1, hour=0, minute=0, second=0, micro=0)
        ampm = None
        offset = 0          # a zone in the text: the time is converted to the machine's (UTC)
        for name, value in zip(fields, m.groups()):
            if value is None:
                continue
            if name == "year":
                parts["year"] = int(value)
            elif name == "year2":      # the en-US calendar's TwoDigitYearMax is 2029
                parts["year"] = 2000 + int(value) if int(value) < 30 else 1900 + int(value)
            elif name == "monthname":
                parts["month"] = [x.casefold() for x in _MONTHS].index(value.casefold()) + 1
            elif name == "monthabbr":
                parts["month"] = [x[:3].casefold() for x in _MONTHS].index(value.casefold()) + 1
            elif name == "MM":
                parts["month"] = int(value)
            elif name == "dd":
                parts["day"] = int(value)
            elif name in ("HH", "hh"):
                parts["hour"] = int(value)
            elif name == "mm":
                parts["minute"] = int(value)
            elif name == "ss":
                parts["second"] = int(value)
            elif name == "fraction":
                parts["micro"] = int((value + "000000")[:6]) if value else 0
            elif name == "ampm":
                ampm = value.upper()[:1]
            elif name == "zone" and value.upper() != "Z":
                digits = value[1:].replace(":", "")
                minutes = int(digits[:-2] or 0) * 60 + int(digits[-2:]) if len(digits) > 2 \
                    else int(digits) * 60
                offset = -minutes if value[0] == "-" else minutes
        if ampm == "P" and parts["hour"] < 12:
            parts["hour"] += 12
        elif ampm == "A" and parts["hour"] == 12:
            parts["hour"] = 0
        try:
            return _dt.datetime(parts["year"], parts["month"], parts["day"], parts["hour"],
                                parts["minute"], parts["second"], parts["micro"]) \
                - _dt.timedelta(minutes=offset)
        except (ValueError, OverflowError):
            raise NetError("System.FormatException",
                           "The DateTime represented by the string is not supported in "
                           "calendar System.Globalization.GregorianCalendar.")
    raise NetError("System.FormatException", _NOT_RECOGNIZED)


def _formats(value: Any) -> List[str]:
    if value is None:
        raise _null("format")
    items = list(value) if isinstance(value, (list, tuple)) else [value]
    return [to_string(f) for f in items]


def datetime_parse_exact(args: List[Any]) -> _dt.datetime:
    _count("ParseExact", args, 3, 4)
    if args[0] is None:
        raise _null("s")
    return parse_exact(to_string(args[0]), _formats(args[1]))


def datetime_try_parse_exact(args: List[Any]) -> bool:
    """``TryParseExact(s, format(s), provider, styles, [ref]$result)``."""
    _count("TryParseExact", args, 5)
    result = args[4]
    try:
        value = parse_exact(to_string(args[0]), _formats(args[1]))
        ok = True
    except NetError:
        value, ok = _dt.datetime(1, 1, 1), False
    if hasattr(result, "set_value"):
        result.set_value(value)
    return ok
