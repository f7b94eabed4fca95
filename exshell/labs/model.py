"""The lab file format: parsing a lab TOML file into :class:`Lab`, with every
structural mistake reported as a :class:`LabIssue` naming the file, line and key.

A lab file (README "Training labs" documents every key)::

    title = "Renew the self-signed certificate"
    summary = "..."
    version = "2010"
    clock = 2026-11-28T10:00:00
    organization_file = "orgs/two-servers.toml"   # or organization = '''...TOML...'''

    [[tasks]]
    id = "renew"
    title = "..."
    instructions = '''Markdown'''
    hints = ["...", "..."]
    solution = '''PowerShell'''
    answers = ["Y"]

    [[tasks.checks]]
    kind = "certificate"
    domains = ["EX01.contoso.com"]
    services = ["IIS", "SMTP"]

Only the standard library (``tomllib``) is used here; the organisation text is not
built (that is ``runner``'s job), so loading a lab is cheap.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ..profiles import SUPPORTED_VERSIONS, is_profile_name

__all__ = ["Lab", "Task", "Check", "Mistake", "MISTAKE_KEYS", "LabIssue", "LabFileError", "parse_lab", "load_lab",
           "TOP_KEYS", "TASK_KEYS", "CHECK_KEYS", "CHECK_KINDS", "SERVICES_TLS", "ISSUERS"]

#: Keys of the file's top level, of a task, and of a check (common to every kind).
TOP_KEYS = ("id", "title", "summary", "version", "clock", "organization", "organization_file",
            "tasks")
TASK_KEYS = ("id", "title", "instructions", "hints", "solution", "answers", "checks", "mistakes")
#: A task's known mistakes (for authors): a wrong script that must fail check ``fails``
#: (0-based, as in ``checks[N]``) with an explanation containing every word of ``says``.
MISTAKE_KEYS = ("script", "answers", "fails", "says")
CHECK_COMMON = ("kind", "description", "message")
_CERT_FILTER = ("server", "domains", "issuer", "services", "status", "min_days_left",
                "exportable", "new", "from_start", "default_smtp", "subject")
#: Each check kind and the keys it takes (besides kind/description/message).
CHECK_KINDS: Dict[str, Tuple[str, ...]] = {
    "certificate": _CERT_FILTER,          # a certificate matching the filter exists
    "no_certificate": _CERT_FILTER,       # no certificate matches it (the old one is gone)
    "tls": ("server", "service", "host"),  # a client trusts what the service presents
    "pfx": ("path", "password", "domains", "has_key"),
    "auth_certificate": ("renewed", "min_days_left"),
    "expression": ("script",),            # PowerShell that must return $true
    "file": ("path", "contains", "not_contains"),
    # The learner's script (a file on the drive) is run on their world AND on a hidden
    # organisation; its output must list exactly the certificates (all servers) that
    # expire within within_days.
    "expiring_report": ("path", "within_days", "organization"),
}
CHECK_KEYS = CHECK_COMMON + tuple(sorted({k for v in CHECK_KINDS.values() for k in v}))
#: Required keys per kind.
_REQUIRED = {"tls": ("service", "host"), "pfx": ("path",), "expression": ("script",),
             "file": ("path",),
             "expiring_report": ("path", "within_days", "organization")}
SERVICES_TLS = ("https", "pop", "imap", "smtp")
#: issuer = "self" (self-signed), "ca" (any CA), "enterprise" (the AD CS CA), "public".
ISSUERS = ("self", "ca", "enterprise", "public")

_STR, _INT, _BOOL, _STRS = "string", "integer", "boolean", "array of strings"
_TYPES = {"id": _STR, "title": _STR, "summary": _STR, "version": _STR, "organization": _STR,
          "organization_file": _STR, "instructions": _STR, "solution": _STR, "hints": _STRS,
          "answers": _STRS, "kind": _STR, "description": _STR, "message": _STR, "server": _STR,
          "domains": _STRS, "issuer": _STR, "services": _STRS, "status": _STR,
          "min_days_left": _INT, "exportable": _BOOL, "new": _BOOL, "from_start": _BOOL,
          "service": _STR, "host": _STR, "path": _STR, "password": _STR, "has_key": _BOOL,
          "renewed": _BOOL, "default_smtp": _BOOL, "subject": _STR, "within_days": _INT, "fails": _INT, "says": _STRS, "script": _STR, "contains": _STRS, "not_contains": _STRS}


@dataclass
class LabIssue:
    """One mistake in a lab file (``str()`` is the message a user sees)."""
    message: str
    path: Optional[str] = None
    line: Optional[int] = None
    key: Optional[str] = None

    def __str__(self) -> str:
        where = self.path or "<lab>"
        if self.line is not None:
            where += ", line %d" % self.line
        text = "%s: %s" % (where, self.message)
        if self.key and ("'%s'" % self.key.rsplit(".", 1)[-1]) not in self.message:
            text += " (key '%s')" % self.key
        return text

    def as_dict(self) -> Dict[str, Any]:
        return {"path": self.path, "line": self.line, "key": self.key, "message": self.message}


class LabFileError(Exception):
    """A lab that cannot be used; ``issues`` lists every mistake found."""

    def __init__(self, issues: Sequence[LabIssue]):
        self.issues = list(issues)
        super().__init__("\n".join(str(i) for i in self.issues))


@dataclass
class Check:
    kind: str
    params: Dict[str, Any]
    description: Optional[str] = None
    message: Optional[str] = None
    line: Optional[int] = None
    key: str = ""                     # "tasks[1].checks[0]" (for messages)


@dataclass
class Mistake:
    script: str
    answers: List[str] = field(default_factory=list)
    fails: int = 0
    says: List[str] = field(default_factory=list)
    line: Optional[int] = None
    key: str = ""


@dataclass
class Task:
    id: str
    title: str
    instructions: str = ""
    hints: List[str] = field(default_factory=list)
    solution: str = ""
    answers: List[str] = field(default_factory=list)
    checks: List[Check] = field(default_factory=list)
    mistakes: List[Mistake] = field(default_factory=list)
    line: Optional[int] = None
    solution_line: Optional[int] = None


@dataclass
class Lab:
    id: str
    title: str
    summary: str
    version: str = "2010"
    clock: Optional[_dt.datetime] = None
    organization: Optional[str] = None          # inline definition text
    organization_line: int = 1                  # where that text starts in the file
    organization_file: Optional[str] = None     # resolved path
    tasks: List[Task] = field(default_factory=list)
    path: Optional[str] = None

    def task(self, ident: str) -> Optional[Task]:
        for i, t in enumerate(self.tasks):
            if t.id.casefold() == str(ident).casefold() or str(i + 1) == str(ident):
                return t
        return None


# ----------------------------------------------------------------- locating lines

class _Locator:
    """Lines of tables and keys in the TOML text (multi-line strings skipped, so
    an inline organisation's ``[[servers]]`` is not taken for a header)."""

    _HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-]+)\s*\]\]?\s*(#.*)?$")
    _KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")

    def __init__(self, text: str):
        self.headers: List[Tuple[int, str]] = []      # (line number, name)
        self.keys: List[Tuple[int, str]] = []         # (line number, key) outside strings
        inside: Optional[str] = None
        for n, line in enumerate(text.split("\n"), 1):
            if inside is None:
                m = self._HEADER.match(line)
                if m:
                    self.headers.append((n, m.group(1)))
                else:
                    k = self._KEY.match(line)
                    if k:
                        self.keys.append((n, k.group(1)))
                rest = line
            else:
                rest = line
            # Track ''' / """ strings (enough for lab files; an escaped quote inside
            # a basic multi-line string is rare and costs at most a line number).
            pos = 0
            while True:
                if inside is None:
                    m = re.search(r"'''|\"\"\"", rest[pos:])
                    if not m:
                        break
                    inside = m.group(0)
                    pos += m.end()
                else:
                    i = rest.find(inside, pos)
                    if i < 0:
                        break
                    inside = None
                    pos = i + 3

    def _range(self, task: Optional[int], check: Optional[int],
               sub: str = "tasks.checks") -> Tuple[int, int]:
        """Lines [start, end) of the top level, a task, or a task's check."""
        last = 10 ** 9
        if task is None:
            end = self.headers[0][0] if self.headers else last
            return 1, end
        tasks = [i for i, (_, name) in enumerate(self.headers) if name == "tasks"]
        if task >= len(tasks):
            return 1, last
        hi = tasks[task]
        start = self.headers[hi][0]
        following = [self.headers[j][0] for j in range(hi + 1, len(self.headers))
                     if self.headers[j][1] == "tasks"]
        task_end = following[0] if following else last
        if check is None:
            inner = [ln for ln, name in self.headers if start < ln < task_end]
            return start, inner[0] if inner else task_end
        checks = [ln for ln, name in self.headers if start < ln < task_end and name == sub]
        if check >= len(checks):
            return start, task_end
        cstart = checks[check]
        nxt = [ln for ln, _ in self.headers if cstart < ln]
        return cstart, nxt[0] if nxt else last

    def line(self, task: Optional[int] = None, check: Optional[int] = None,
             key: Optional[str] = None, sub: str = "tasks.checks") -> Optional[int]:
        start, end = self._range(task, check, sub)
        if key is not None:
            for n, k in self.keys:
                if start <= n < end and k == key:
                    return n
        return start if (task is not None) else None


def _label(task: Optional[int], check: Optional[int], key: Optional[str],
           sub: str = "tasks.checks") -> Optional[str]:
    parts = []
    if task is not None:
        parts.append("tasks[%d]" % task)
    if check is not None:
        parts.append("%s[%d]" % (sub.split(".")[-1], check))
    if key:
        parts.append(key)
    return ".".join(parts) or None


# ----------------------------------------------------------------- parsing

class _Collector:
    def __init__(self, text: str, path: Optional[str]):
        self.path = path
        self.locator = _Locator(text)
        self.issues: List[LabIssue] = []

    def add(self, message: str, task: Optional[int] = None, check: Optional[int] = None,
            key: Optional[str] = None, sub: str = "tasks.checks") -> None:
        self.issues.append(LabIssue(message, self.path, self.locator.line(task, check, key, sub),
                                    _label(task, check, key, sub)))


def _typed(table: Dict[str, Any], key: str, c: _Collector, task=None, check=None,
           required: bool = False, sub: str = "tasks.checks") -> Any:
    if key not in table:
        if required:
            c.add("missing key '%s'" % key, task, check, None, sub)
        return None
    value = table[key]
    kind = _TYPES[key]
    ok = {_STR: isinstance(value, str),
          _INT: isinstance(value, int) and not isinstance(value, bool),
          _BOOL: isinstance(value, bool),
          _STRS: isinstance(value, list) and all(isinstance(v, str) for v in value)}[kind]
    if not ok:
        c.add("'%s' must be a%s %s" % (key, "n" if kind[0] in "aei" else "", kind), task, check,
              key, sub)
        return None
    if kind == _STR and required and not value.strip():
        c.add("'%s' must not be empty" % key, task, check, key, sub)
    return value


def _unknown(table: Dict[str, Any], allowed: Sequence[str], c: _Collector, task=None, check=None,
             what: str = "", sub: str = "tasks.checks") -> None:
    for key in table:
        if key not in allowed:
            c.add("unknown key '%s'%s (allowed: %s)" % (key, what, ", ".join(allowed)),
                  task, check, key, sub)


def parse_lab(text: str, path: Optional[str] = None, lab_id: Optional[str] = None
              ) -> Tuple[Optional[Lab], List[LabIssue]]:
    """The lab and every structural issue found (the lab is None when the TOML
    itself cannot be read).  Semantic validation (solutions pass...) is ``validate``'s."""
    import tomllib
    c = _Collector(text, path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        return None, [LabIssue("invalid TOML: %s" % e, path, int(m.group(1)) if m else None)]
    except RecursionError:
        from ..exchange.definition import MAX_NESTING, nesting_line
        return None, [LabIssue("invalid TOML: arrays or tables nested more than %d deep"
                               % MAX_NESTING, path, nesting_line(text))]
    _unknown(data, TOP_KEYS, c)
    if lab_id is None:
        lab_id = os.path.splitext(os.path.basename(path))[0] if path else "lab"
    lab = Lab(id=_typed(data, "id", c) or lab_id,
              title=_typed(data, "title", c, required=True) or "",
              summary=_typed(data, "summary", c, required=True) or "", path=path)
    version = data.get("version", "2010")
    if isinstance(version, int) and not isinstance(version, bool):
        version = str(version)
    if not isinstance(version, str) or not is_profile_name(version):
        c.add("'version' must be one of %s" % ", ".join(SUPPORTED_VERSIONS), key="version")
    else:
        lab.version = version
    clock = data.get("clock")
    if clock is not None:
        if isinstance(clock, str):
            try:
                clock = _dt.datetime.fromisoformat(clock)
            except ValueError:
                clock = None
        if isinstance(clock, _dt.datetime):
            if clock.tzinfo is not None:
                clock = clock.astimezone(_dt.timezone.utc).replace(tzinfo=None)
            lab.clock = clock
        elif isinstance(clock, _dt.date):
            lab.clock = _dt.datetime(clock.year, clock.month, clock.day)
        else:
            c.add("'clock' must be a date and time (2026-11-28T10:00:00)", key="clock")
    inline = _typed(data, "organization", c)
    ref = _typed(data, "organization_file", c)
    if inline is not None and ref is not None:
        c.add("give 'organization' or 'organization_file', not both", key="organization_file")
    if inline is not None:
        lab.organization = inline
        line = c.locator.line(None, None, "organization") or 1
        # A multi-line string that starts with a newline begins on the next line.
        lab.organization_line = line + 1 if _starts_on_next_line(text, line) else line
    if ref is not None:
        base = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
        resolved = ref if os.path.isabs(ref) else os.path.join(base, ref)
        if not os.path.isfile(resolved):
            c.add("'organization_file' names a file that does not exist: %s" % ref,
                  key="organization_file")
        lab.organization_file = resolved
    tasks = data.get("tasks")
    if tasks is None:
        c.add("missing key 'tasks' (a lab needs at least one [[tasks]] table)")
        tasks = []
    if not isinstance(tasks, list) or not all(isinstance(t, dict) for t in tasks):
        c.add("'tasks' must be an array of tables ([[tasks]])", key="tasks")
        tasks = []
    seen_ids = set()
    for i, table in enumerate(tasks):
        lab.tasks.append(_parse_task(table, i, c, seen_ids))
    return lab, c.issues


def _starts_on_next_line(text: str, line: int) -> bool:
    lines = text.split("\n")
    if line - 1 >= len(lines):
        return False
    return bool(re.search(r"=\s*('''|\"\"\")\s*$", lines[line - 1]))


def _parse_task(table: Dict[str, Any], i: int, c: _Collector, seen_ids: set) -> Task:
    _unknown(table, TASK_KEYS, c, i, what=" in a task")
    ident = _typed(table, "id", c, i, required=True) or "task%d" % (i + 1)
    if ident.casefold() in seen_ids:
        c.add("duplicate task id '%s'" % ident, i, None, "id")
    seen_ids.add(ident.casefold())
    task = Task(id=ident, title=_typed(table, "title", c, i, required=True) or "",
                instructions=_typed(table, "instructions", c, i, required=True) or "",
                hints=_typed(table, "hints", c, i) or [],
                solution=_typed(table, "solution", c, i, required=True) or "",
                answers=_typed(table, "answers", c, i) or [],
                line=c.locator.line(i))
    task.solution_line = c.locator.line(i, None, "solution")
    if not task.hints and "hints" not in table:
        c.add("missing key 'hints' (give the learner at least one hint)", i)
    checks = table.get("checks")
    if checks is None:
        c.add("missing key 'checks' (a task needs at least one [[tasks.checks]] table)", i)
        checks = []
    if not isinstance(checks, list) or not all(isinstance(x, dict) for x in checks):
        c.add("'checks' must be an array of tables ([[tasks.checks]])", i, None, "checks")
        checks = []
    for j, ct in enumerate(checks):
        check = _parse_check(ct, i, j, c)
        if check is not None:
            task.checks.append(check)
    mistakes = table.get("mistakes", [])
    if not isinstance(mistakes, list) or not all(isinstance(x, dict) for x in mistakes):
        c.add("'mistakes' must be an array of tables ([[tasks.mistakes]])", i, None, "mistakes")
        mistakes = []
    M = "tasks.mistakes"
    for j, mt in enumerate(mistakes):
        _unknown(mt, MISTAKE_KEYS, c, i, j, " in a mistake", M)
        mistake = Mistake(script=_typed(mt, "script", c, i, j, True, M) or "",
                          answers=_typed(mt, "answers", c, i, j, sub=M) or [],
                          says=_typed(mt, "says", c, i, j, sub=M) or [],
                          line=c.locator.line(i, j, None, M), key="tasks[%d].mistakes[%d]" % (i, j))
        fails = _typed(mt, "fails", c, i, j, True, M)
        if fails is not None:
            if not checks:
                c.add("'fails' names a check, but the task has none", i, j, "fails", M)
            elif not 0 <= fails < len(checks):
                c.add("'fails' must name one of the task's checks (0 to %d)" % (len(checks) - 1),
                      i, j, "fails", M)
            mistake.fails = fails
        task.mistakes.append(mistake)
    return task


def _parse_check(table: Dict[str, Any], i: int, j: int, c: _Collector) -> Optional[Check]:
    kind = _typed(table, "kind", c, i, j, required=True)
    if kind is None:
        return None
    if kind not in CHECK_KINDS:
        c.add("unknown check kind '%s' (known: %s)" % (kind, ", ".join(CHECK_KINDS)), i, j, "kind")
        return None
    allowed = CHECK_COMMON + CHECK_KINDS[kind]
    _unknown(table, allowed, c, i, j, what=" for a '%s' check" % kind)
    params: Dict[str, Any] = {}
    for key in CHECK_KINDS[kind]:
        value = _typed(table, key, c, i, j, required=key in _REQUIRED.get(kind, ()))
        if value is not None:
            params[key] = value
    if "issuer" in params and params["issuer"] not in ISSUERS:
        c.add("'issuer' must be one of %s" % ", ".join(ISSUERS), i, j, "issuer")
    if "service" in params and params["service"] not in SERVICES_TLS:
        c.add("'service' must be one of %s" % ", ".join(SERVICES_TLS), i, j, "service")
    if params.get("new") and params.get("from_start"):
        c.add("'new' and 'from_start' exclude each other", i, j, "from_start")
    if "services" in params:
        known = ("IIS", "SMTP", "POP", "IMAP", "UM", "UMCallRouter", "Federation", "None")
        for s in params["services"]:
            if s.casefold() not in (k.casefold() for k in known):
                c.add("unknown service '%s' in 'services' (known: %s)" % (s, ", ".join(known)),
                      i, j, "services")
    return Check(kind=kind, params=params, description=_typed(table, "description", c, i, j),
                 message=_typed(table, "message", c, i, j), line=c.locator.line(i, j),
                 key="tasks[%d].checks[%d]" % (i, j))


def load_lab(path: str) -> Lab:
    """Read and parse ``path``; LabFileError lists every structural issue."""
    text = read_lab_text(path)
    lab, issues = parse_lab(text, path)
    if issues or lab is None:
        raise LabFileError(issues)
    return lab


def read_lab_text(path: str) -> str:
    """The text of a lab file (UTF-8, or UTF-16 with its BOM); LabFileError naming the
    file and line when it cannot be read or is not text."""
    from ..exchange.definition import MAX_FILE_BYTES, decode_text
    from ..exchange.errors import WorldFileError
    try:
        from ..exchange.hostfile import read_host_file
        raw = read_host_file(path, MAX_FILE_BYTES)
    except OSError as e:
        raise LabFileError([LabIssue("cannot read the lab file: %s" % (e.strerror or e), path)]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise LabFileError([LabIssue("the lab file is larger than %d MB: not a lab"
                                     % (MAX_FILE_BYTES >> 20), path)])
    try:
        return decode_text(raw, path)
    except WorldFileError as e:
        raise LabFileError([LabIssue(e.message, path, e.line)]) from None
