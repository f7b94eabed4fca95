"""The class roster: ``exshell serve -Roster class.toml``.

::

    title = "Exchange certificates - December class"
    labs = ["renew-2010", "enterprise-ca"]   # shipped lab ids or lab files (relative to here)
    exam = false                             # true: no hints, no solutions
    time_limit_minutes = 90                  # optional: per learner, from their first lab
    trainer_token = "..."                    # optional: otherwise generated and kept
    warn_minutes = [10, 5, 1]                # optional: warnings before the time is up
    sessions_per_learner = 3                 # optional: connections one learner may hold

    [limits]                                 # optional: each command's budget
    max_seconds = 10
    max_steps = 2000000
    max_memory_mb = 256

    [[learners]]
    name = "alice"                           # the SSH user name
    full_name = "Alice Martin"               # optional: shown on the dashboard
    public_key = "ssh-ed25519 AAAA... alice@laptop"   # and/or public_keys = [...]
    password = "..."                         # and/or a password

Every mistake is a :class:`RosterIssue` with the file, line and key; nothing in a
roster gives a traceback.  Public keys are compared as their SSH wire blobs (type and
key data; the comment is ignored).  Imports the standard library and the lab finder.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
import struct
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

__all__ = ["Roster", "Learner", "RosterIssue", "RosterError", "load_roster", "parse_roster",
           "learner_slug", "DEFAULT_LIMITS", "KEY_TYPES"]

TOP_KEYS = ("title", "labs", "exam", "time_limit_minutes", "trainer_token", "warn_minutes",
            "sessions_per_learner", "limits", "learners")
LEARNER_KEYS = ("name", "full_name", "public_key", "public_keys", "password")
LIMIT_KEYS = ("max_seconds", "max_steps", "max_items", "max_memory_mb")

#: The budget of every command a learner runs (engine/budget.py), unless [limits] says.
DEFAULT_LIMITS = {"max_seconds": 10.0, "max_steps": 2_000_000, "max_items": 4_000_000,
                  "max_memory_mb": 256.0}
#: SSH public key types a roster may name.
KEY_TYPES = ("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
             "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
             "sk-ecdsa-sha2-nistp256@openssh.com", "ssh-ed448")
MAX_NAME = 64
MAX_LEARNERS = 500


@dataclass
class RosterIssue:
    message: str
    path: Optional[str] = None
    line: Optional[int] = None
    key: Optional[str] = None

    def __str__(self) -> str:
        where = self.path or "roster"
        if self.line is not None:
            where += ", line %d" % self.line
        text = "%s: %s" % (where, self.message)
        if self.key:
            text += " (key '%s')" % self.key
        return text


class RosterError(Exception):
    def __init__(self, issues: Sequence[RosterIssue]):
        self.issues = list(issues)
        super().__init__("\n".join(str(i) for i in self.issues))


@dataclass
class Learner:
    name: str
    full_name: str = ""
    #: SSH wire blobs of the public keys that log in as this learner.
    keys: List[bytes] = field(default_factory=list)
    password: Optional[str] = None
    #: A folder- and URL-safe name of one's own (stable: from the name).
    slug: str = ""

    @property
    def shown(self) -> str:
        return self.full_name or self.name


@dataclass
class Roster:
    path: str
    title: str
    labs: List[Any]                 # exshell.labs.model.Lab, in class order
    learners: List[Learner]
    exam: bool = False
    time_limit_minutes: Optional[float] = None
    trainer_token: Optional[str] = None
    warn_minutes: Tuple[float, ...] = (10.0, 5.0, 1.0)
    sessions_per_learner: int = 3
    limits: Dict[str, float] = field(default_factory=lambda: dict(DEFAULT_LIMITS))

    def learner(self, name: str) -> Optional[Learner]:
        for learner in self.learners:
            if learner.name == name:
                return learner
        return None

    def by_slug(self, slug: str) -> Optional[Learner]:
        for learner in self.learners:
            if learner.slug == slug:
                return learner
        return None

    def lab(self, ident: str) -> Optional[Any]:
        for lab in self.labs:
            if lab.id.casefold() == str(ident).casefold():
                return lab
        for i, lab in enumerate(self.labs, 1):
            if str(i) == str(ident).strip():
                return lab
        return None

    @property
    def uses_passwords(self) -> bool:
        return any(l.password is not None for l in self.learners)


def learner_slug(name: str) -> str:
    """A name for the learner's folder and URLs: letters, digits and dashes of the
    name, and a hash of it (two names never share one)."""
    base = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:24] or "learner"
    return "%s-%s" % (base, hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8])


# ----------------------------------------------------------------- locating lines

class _Lines:
    """Line numbers of the top-level keys and of each [[learners]] entry's keys."""

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-]+)\s*\]\]?")
    _KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")

    def __init__(self, text: str):
        self.top: Dict[str, int] = {}
        self.tables: Dict[str, int] = {}
        self.table_keys: Dict[str, Dict[str, int]] = {}
        self.learners: List[Tuple[int, Dict[str, int]]] = []
        section: Optional[Dict[str, int]] = self.top
        for n, line in enumerate(text.split("\n"), 1):
            m = self._HEADER.match(line)
            if m:
                name = m.group(2)
                if m.group(1) == "[[" and name == "learners":
                    self.learners.append((n, {}))
                    section = self.learners[-1][1]
                else:
                    self.tables.setdefault(name, n)
                    section = self.table_keys.setdefault(name, {})
                continue
            k = self._KEY.match(line)
            if k and section is not None:
                section.setdefault(k.group(1), n)

    def line(self, learner: Optional[int], key: Optional[str]) -> Optional[int]:
        if learner is None:
            if key in self.top:
                return self.top[key]
            table, _, inner = (key or "").partition(".")
            if inner and inner in self.table_keys.get(table, {}):
                return self.table_keys[table][inner]
            return self.tables.get(table)
        if learner < len(self.learners):
            start, keys = self.learners[learner]
            return keys.get(key or "", start)
        return None


class _Issues:
    def __init__(self, text: str, path: Optional[str]):
        self.path = path
        self.lines = _Lines(text)
        self.items: List[RosterIssue] = []

    def add(self, message: str, key: Optional[str] = None, learner: Optional[int] = None,
            line_key: Optional[str] = None) -> None:
        label = key
        if learner is not None:
            label = "learners[%d]%s" % (learner, ("." + key) if key else "")
        self.items.append(RosterIssue(message, self.path,
                                      self.lines.line(learner, line_key or key), label))


# ----------------------------------------------------------------- keys

def parse_public_key(text: str) -> Optional[bytes]:
    """The SSH wire blob of an OpenSSH public key line (``type base64 [comment]``),
    or None when it is not one."""
    parts = text.strip().split()
    if len(parts) < 2 or parts[0] not in KEY_TYPES:
        return None
    try:
        blob = base64.b64decode(parts[1].encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None
    if len(blob) < 4:
        return None
    (n,) = struct.unpack(">I", blob[:4])
    if blob[4:4 + n] != parts[0].encode("ascii") or len(blob) < 4 + n + 4:
        return None
    return blob


# ----------------------------------------------------------------- parsing

def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) \
        and value == value and value not in (float("inf"), float("-inf"))


def parse_roster(text: str, path: str, find_lab=None) -> Roster:
    """The roster in ``text`` (``path`` names it and anchors relative lab files);
    RosterError with every issue found."""
    import sys
    if sys.version_info >= (3, 11):
        import tomllib
    else:   # pragma: no cover
        import tomli as tomllib
    issues = _Issues(text, path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        line = getattr(e, "lineno", None)
        message = str(e).split(" (at line")[0]
        raise RosterError([RosterIssue("not valid TOML: %s" % message, path, line)]) from None
    except RecursionError:
        raise RosterError([RosterIssue("not valid TOML: nested too deeply", path)]) from None
    for key in data:
        if key not in TOP_KEYS:
            issues.add("unknown key '%s' (allowed: %s)" % (key, ", ".join(TOP_KEYS)), key)

    title = data.get("title", "")
    if not isinstance(title, str):
        issues.add("'title' must be a string", "title")
        title = ""
    title = title.strip() or os.path.splitext(os.path.basename(path))[0]

    labs = _labs(data.get("labs"), path, issues, find_lab)

    exam = data.get("exam", False)
    if not isinstance(exam, bool):
        issues.add("'exam' must be true or false", "exam")
        exam = False
    limit = data.get("time_limit_minutes")
    if limit is not None and (not _number(limit) or not 0 < limit <= 7 * 24 * 60):
        issues.add("'time_limit_minutes' must be a number of minutes above 0", "time_limit_minutes")
        limit = None
    token = data.get("trainer_token")
    if token is not None and (not isinstance(token, str) or len(token.strip()) < 12
                              or any(ord(ch) < 33 or ord(ch) > 126 for ch in token)):
        issues.add("'trainer_token' must be at least 12 printable characters without spaces",
                   "trainer_token")
        token = None
    warn = data.get("warn_minutes", [10, 5, 1])
    if not isinstance(warn, list) or not all(_number(w) and w > 0 for w in warn):
        issues.add("'warn_minutes' must be a list of minutes above 0", "warn_minutes")
        warn = [10, 5, 1]
    sessions = data.get("sessions_per_learner", 3)
    if not isinstance(sessions, int) or isinstance(sessions, bool) or not 1 <= sessions <= 20:
        issues.add("'sessions_per_learner' must be a whole number from 1 to 20",
                   "sessions_per_learner")
        sessions = 3
    limits = dict(DEFAULT_LIMITS)
    given = data.get("limits", {})
    if not isinstance(given, dict):
        issues.add("'limits' must be a table ([limits])", "limits")
        given = {}
    for key, value in given.items():
        if key not in LIMIT_KEYS:
            issues.add("unknown key '%s' in [limits] (allowed: %s)" % (key, ", ".join(LIMIT_KEYS)),
                       "limits." + key)
        elif not _number(value) or value <= 0:
            issues.add("'%s' must be a number above 0" % key, "limits." + key)
        else:
            limits[key] = value

    learners = _learners(data.get("learners"), issues)
    if issues.items:
        raise RosterError(issues.items)
    return Roster(path=path, title=title, labs=labs, learners=learners, exam=exam,
                  time_limit_minutes=float(limit) if limit is not None else None,
                  trainer_token=token.strip() if token else None,
                  warn_minutes=tuple(sorted({float(w) for w in warn}, reverse=True)),
                  sessions_per_learner=sessions, limits=limits)


def _labs(value: Any, path: str, issues: _Issues, find_lab) -> List[Any]:
    if find_lab is None:
        from ..labs.cli import UsageError, find_lab as _find
        from ..labs.model import LabFileError

        def find_lab(name):
            try:
                return _find(name)
            except UsageError:
                return None
            except LabFileError as e:
                raise ValueError(str(e.issues[0]) if e.issues else "the lab file is broken")
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        issues.add("'labs' must be a list of lab ids or lab files, at least one", "labs")
        return []
    labs, seen = [], set()
    base = os.path.dirname(os.path.abspath(path))
    for name in value:
        candidate = name
        if not os.path.isabs(name) and (name.endswith(".toml") or os.sep in name or "/" in name):
            candidate = os.path.join(base, name)
        try:
            lab = find_lab(candidate)
        except ValueError as e:
            issues.add("lab '%s' cannot be used: %s" % (name, e), "labs")
            continue
        if lab is None:
            issues.add("no lab '%s' (exshell lab list shows the shipped ones; a file "
                       "is relative to the roster)" % name, "labs")
            continue
        if lab.id.casefold() in seen:
            issues.add("lab '%s' is listed twice" % lab.id, "labs")
            continue
        seen.add(lab.id.casefold())
        labs.append(lab)
    return labs


def _learners(value: Any, issues: _Issues) -> List[Learner]:
    if value is None:
        issues.add("no [[learners]]: a class needs at least one learner", "learners")
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        issues.add("'learners' must be [[learners]] tables", "learners")
        return []
    if len(value) > MAX_LEARNERS:
        issues.add("more than %d learners" % MAX_LEARNERS, "learners")
        return []
    learners: List[Learner] = []
    names: Dict[str, int] = {}
    key_owner: Dict[bytes, str] = {}
    for i, table in enumerate(value):
        for key in table:
            if key not in LEARNER_KEYS:
                issues.add("unknown key '%s' (allowed: %s)" % (key, ", ".join(LEARNER_KEYS)),
                           key, i)
        name = table.get("name")
        if not isinstance(name, str) or not name.strip():
            issues.add("every learner needs a 'name' (their SSH user name)", "name", i)
            continue
        if len(name) > MAX_NAME or name != name.strip() or any(ord(ch) < 32 or ord(ch) == 127
                                                               for ch in name):
            issues.add("a name has at most %d characters, no control characters and no "
                       "spaces around it" % MAX_NAME, "name", i)
            continue
        if name.casefold() in names:
            issues.add("the name '%s' is taken by learners[%d]" % (name, names[name.casefold()]),
                       "name", i)
            continue
        names[name.casefold()] = i
        full = table.get("full_name", "")
        if not isinstance(full, str) or len(full) > 200:
            issues.add("'full_name' must be a string of at most 200 characters", "full_name", i)
            full = ""
        texts: List[str] = []
        if "public_key" in table:
            if isinstance(table["public_key"], str):
                texts.append(table["public_key"])
            else:
                issues.add("'public_key' must be a string", "public_key", i)
        if "public_keys" in table:
            if isinstance(table["public_keys"], list) and all(isinstance(k, str)
                                                              for k in table["public_keys"]):
                texts.extend(table["public_keys"])
            else:
                issues.add("'public_keys' must be a list of strings", "public_keys", i)
        keys = []
        for text in texts:
            blob = parse_public_key(text)
            which = "public_key" if "public_key" in table else "public_keys"
            if blob is None:
                issues.add("not an SSH public key (expected 'ssh-ed25519 AAAA... comment', "
                           "one line of a .pub file)", which, i)
                continue
            if blob in key_owner and key_owner[blob] != name:
                issues.add("this key is already %s's: one key logs in as one learner only"
                           % key_owner[blob], which, i)
                continue
            key_owner[blob] = name
            keys.append(blob)
        password = table.get("password")
        if password is not None and (not isinstance(password, str) or not password):
            issues.add("'password' must be a non-empty string", "password", i)
            password = None
        if not keys and password is None and not any(k in table for k in
                                                      ("public_key", "public_keys", "password")):
            issues.add("learner '%s' has neither a public key nor a password" % name, None, i)
        learners.append(Learner(name, full.strip(), keys, password, learner_slug(name)))
    return learners


def load_roster(path: str) -> Roster:
    try:
        from ..exchange.hostfile import read_host_file
        raw = read_host_file(path, 4 * 1024 * 1024)
    except OSError as e:
        raise RosterError([RosterIssue("cannot read the roster (%s)" % (e.strerror or e), path)])
    if len(raw) > 4 * 1024 * 1024:
        raise RosterError([RosterIssue("the roster is larger than 4 MB", path)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise RosterError([RosterIssue("not UTF-8 text", path, line)]) from None
    return parse_roster(text, path)
