"""``[System.IO.Path]``: .NET Framework's path functions on Windows path text.

They work on the text only (no file is touched), with ``\\`` and ``/`` both
separators and ``C:`` a volume, as on Windows.  ``GetFullPath`` resolves a relative
path from .NET's current directory (DOTNET_CURRENT_DIRECTORY), not from Set-Location,
which is the classic surprise of real scripts too; ``GetTempPath`` reads ``$env:TEMP``.
"""
from __future__ import annotations

import random
import string
from typing import Any, Callable, Dict, List, Optional

from ..engine.conversion import to_string
from ..engine.dotnet import TypeInfo, method_threw, overload_not_found, static_member
from ..engine.statics import STATICS
from .filesystem import DOTNET_CURRENT_DIRECTORY

__all__ = ["path_static"]

_SEPARATORS = "\\/"
_INVALID = '"<>|\0' + "".join(chr(c) for c in range(1, 32))
_PROPERTIES = {"directoryseparatorchar": "\\", "altdirectoryseparatorchar": "/",
               "pathseparator": ";", "volumeseparatorchar": ":"}


def _text(name: str, args: List[Any], index: int = 0) -> Optional[str]:
    """Argument ``index`` as text; None stays None; illegal characters throw as .NET."""
    value = args[index]
    if value is None:
        return None
    text = to_string(value)
    if any(c in _INVALID for c in text):
        raise method_threw(name, len(args), "System.ArgumentException", "Illegal characters in path.")
    return text


def _name_start(path: str) -> int:
    """Where the last component starts (after the last separator or the volume colon)."""
    i = len(path)
    while i > 0 and path[i - 1] not in _SEPARATORS + ":":
        i -= 1
    return i


def _root(path: str) -> str:
    p = path.replace("/", "\\")
    if p.startswith("\\\\"):
        parts = p[2:].split("\\")
        return "\\\\" + "\\".join(parts[:2])
    if len(p) >= 2 and p[1] == ":":
        return p[:3] if p[2:3] == "\\" else p[:2]
    return "\\" if p.startswith("\\") else ""


def _extension(path: str) -> str:
    name = path[_name_start(path):]
    dot = name.rfind(".")
    return name[dot:] if 0 <= dot < len(name) - 1 else ""


def _directory(path: str) -> Optional[str]:
    p = path.replace("/", "\\")
    root = _root(p)
    if len(p.rstrip("\\")) <= len(root.rstrip("\\")) and p.startswith(root) and root:
        return None
    head = p[:_name_start(p)]
    stripped = head.rstrip("\\")
    return stripped if len(stripped) >= len(root) else root


def _combine(parts: List[str]) -> str:
    out = ""
    for part in parts:
        if not part:
            continue
        if _root(part) or not out:
            out = part
        elif out[-1] in _SEPARATORS + ":":
            out += part
        else:
            out += "\\" + part
    return out


def _full(path: str) -> str:
    p = path.replace("/", "\\")
    root = _root(p)
    if not root:
        p, root = DOTNET_CURRENT_DIRECTORY + "\\" + p, _root(DOTNET_CURRENT_DIRECTORY)
    elif root == "\\":
        p, root = DOTNET_CURRENT_DIRECTORY[:2] + p, DOTNET_CURRENT_DIRECTORY[:3]
    elif len(root) == 2 and root[1] == ":":          # C:relative
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


def _change_extension(path: str, ext: Optional[str]) -> str:
    start = _name_start(path)
    dot = path.rfind(".")
    base = path[:dot] if dot >= start else path
    if ext is None:
        return base
    return base + ("" if ext.startswith(".") or not ext else ".") + ext


def _random_name() -> str:
    letters = string.ascii_lowercase + string.digits
    pick = random.SystemRandom()
    return "".join(pick.choice(letters) for _ in range(8)) + "." + \
        "".join(pick.choice(letters) for _ in range(3))


_ONE_ARG: Dict[str, Callable[[str], Any]] = {
    "getfilename": lambda p: p[_name_start(p):],
    "getfilenamewithoutextension": lambda p: (lambda n: n[:n.rfind(".")] if "." in n else n)(
        p[_name_start(p):]),
    "getextension": _extension,
    "hasextension": lambda p: _extension(p) != "",
    "getdirectoryname": _directory,
    "ispathrooted": lambda p: _root(p) != "",
    "getpathroot": _root,
    "getfullpath": _full,
}


def path_static(context: Any, name: str, args: Optional[List[Any]]) -> Any:
    """``[System.IO.Path]::Member``: the members above; any other is .NET's answer."""
    n = name.casefold()
    if args is None and n in _PROPERTIES:
        return _PROPERTIES[n]
    if args is not None and n in _ONE_ARG:
        if len(args) != 1:
            raise overload_not_found(name, len(args))
        text = _text(name, args)
        if text is None:
            if n == "getfullpath":
                raise method_threw(name, 1, "System.ArgumentNullException",
                                   "Value cannot be null.\r\nParameter name: path")
            return False if n in ("hasextension", "ispathrooted") else None
        if n == "getfullpath" and not text.strip():
            raise method_threw(name, 1, "System.ArgumentException", "The path is not of a legal form.")
        return _ONE_ARG[n](text)
    if args is not None and n == "combine":
        if not args:
            raise overload_not_found(name, 0)
        items = args[0] if len(args) == 1 and isinstance(args[0], (list, tuple)) else args
        texts = [_text(name, list(items), i) for i in range(len(items))]
        if any(t is None for t in texts):
            raise method_threw(name, len(args), "System.ArgumentNullException",
                               "Value cannot be null.\r\nParameter name: path%d" % (
                                   texts.index(None) + 1))
        return _combine([t for t in texts if t is not None])
    if args is not None and n == "changeextension":
        if len(args) != 2:
            raise overload_not_found(name, len(args))
        text = _text(name, args)
        return None if text is None else _change_extension(
            text, None if args[1] is None else to_string(args[1]))
    if args == [] and n == "gettemppath":
        temp = context.environment.get_value("TEMP") or "C:\\Windows\\TEMP"
        return temp if temp.endswith("\\") else temp + "\\"
    if args == [] and n == "getrandomfilename":
        return _random_name()
    return static_member(TypeInfo("System.IO.Path"), name, args,
                         context.statics.without("System.IO.Path"))


STATICS.register("System.IO.Path", path_static)
