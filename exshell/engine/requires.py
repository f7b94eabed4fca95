"""``#Requires`` statements (about_Requires): a script that requires a later PowerShell,
or (3.0+) a module the server does not have, does not run at all.

``#Requires`` must start its line (after blanks); a script may hold several.
``-Version N[.n]`` compares with the dialect's version; ``-Modules`` (3.0+, the
profile's ``requires_modules``) looks in the server's modules; ``-RunAsAdministrator``
(4.0+) holds: the shell runs as Administrator.  ``-PSSnapin`` and ``-ShellId`` are
accepted and not checked.

Imports the engine's own modules only.
"""
from __future__ import annotations

import re
from typing import Any, List, Optional

from .errors import ErrorRecord

__all__ = ["requirement_error"]

_LINE = re.compile(r"^[ \t]*#requires[ \t]+(?P<rest>.*)$", re.IGNORECASE | re.MULTILINE)
_VERSION = re.compile(r"-version[ \t]+(?P<v>\d+(?:\.\d+)?)", re.IGNORECASE)
_MODULES = re.compile(r"-modules?[ \t]+(?P<m>.+)$", re.IGNORECASE)


def _version_tuple(text: str) -> tuple:
    return tuple(int(p) for p in text.split(".") if p.isdigit())


def _module_names(text: str) -> List[str]:
    """The names of ``-Modules a, 'b', @{ModuleName='c'; ModuleVersion='1.0'}``."""
    names: List[str] = []
    for m in re.finditer(r"@\{[^}]*\}|[^,\s]+", text):
        item = m.group(0)
        if item.startswith("@{"):
            found = re.search(r"ModuleName\s*=\s*['\"]?([^'\";}]+)", item, re.IGNORECASE)
            if found:
                names.append(found.group(1).strip())
        elif not item.startswith("-"):
            names.append(item.strip("'\""))
    return names


def requirement_error(source: str, file: Optional[str], dialect: Any,
                      loaded_modules: List[str] = ()) -> Optional[ErrorRecord]:
    """The error a script's ``#Requires`` statements give in this dialect, or None."""
    if "#requires" not in source.casefold():
        return None
    name = (file or "script").replace("/", "\\").rsplit("\\", 1)[-1]
    running = dict(dialect.version_table).get("PSVersion", dialect.name)
    for m in _LINE.finditer(source):
        rest = m.group("rest")
        line = source.count("\n", 0, m.start()) + 1
        version = _VERSION.search(rest)
        if version and not _MODULES.search(rest[:version.start()]) and \
                _version_tuple(version.group("v")) > _version_tuple(running)[:2]:
            wanted = version.group("v") if "." in version.group("v") else version.group("v") + ".0"
            if dialect.requires_modules:
                message = ('The script \'%s\' cannot be run because it contained a "#requires" '
                           'statement for Windows PowerShell %s. The version of Windows PowerShell '
                           'that is required by the script does not match the currently running '
                           'version of Windows PowerShell %s.' % (name, wanted, running))
            else:
                message = ('The script \'%s\' cannot be run because it contained a "#requires" '
                           'statement at line %d for Windows PowerShell version %s. The version '
                           'required by the script does not match the currently running version '
                           'of Windows PowerShell version %s.' % (name, line, wanted, running))
            return _record(message, "ScriptRequiresUnmatchedPSVersion", name)
        modules = _MODULES.search(rest)
        if modules and dialect.requires_modules:
            known = {n.casefold() for n, _, _ in dialect.modules} | \
                {n.casefold() for n in loaded_modules}
            missing = [n for n in _module_names(modules.group("m")) if n.casefold() not in known]
            if missing:
                return _record('The script \'%s\' cannot be run because the following modules that '
                               'are specified by the "#requires" statements of the script are '
                               'missing: %s.' % (name, ", ".join(missing)),
                               "ScriptRequiresMissingModules", name)
    return None


def _record(message: str, error_id: str, name: str) -> ErrorRecord:
    return ErrorRecord(message, error_id, "ResourceUnavailable", target=name,
                       exception_type="System.Management.Automation.ScriptRequiresException")
