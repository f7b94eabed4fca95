"""The emulated Windows file system: ``C:\\``, other drive letters and ``\\\\server\\share``
mapped onto ONE real folder the user can open with other tools (openssl, an editor).

Layout under the real root::

    <root>/C/...                 C:\\...
    <root>/D/...                 D:\\...   (a drive exists when its folder exists)
    <root>/UNC/<server>/<share>  \\\\server\\share\\...  (any share is available)

Paths are Windows paths: backslashes (slashes are accepted too), case-insensitive
lookups that keep the spelling of existing entries, relative to the current location.
Nothing can escape the root: ``..`` stops at the drive root (as on Windows), a
host-absolute path such as ``/etc/passwd`` is read as ``\\etc\\passwd`` on the current
drive (as PowerShell does), and symbolic links inside the root are refused.

Owns: :class:`Drive`, :class:`DrivePath`, :class:`DriveError`, :func:`default_root`.
Imports only the standard library.  The cmdlets (``exshell.cmdlets.filesystem``) reach
the drive through ``Shell.drive`` and turn DriveErrors into PowerShell error records.
"""
from __future__ import annotations

import os
import shutil
import stat
from dataclasses import dataclass
import datetime as _dt
from typing import Callable, List, Optional, Tuple

__all__ = ["Drive", "DrivePath", "DriveError", "default_root", "INITIAL_FOLDERS"]

#: Folders every fresh drive has (the shell starts in C:\Windows\system32).
INITIAL_FOLDERS = ("C:\\Windows\\system32", "C:\\Windows\\TEMP", "C:\\Users\\Administrator",
                   "C:\\Program Files\\Microsoft\\Exchange Server\\V14")
#: Provider prefixes PowerShell accepts in front of a file-system path.
_PROVIDER_PREFIXES = ("microsoft.powershell.core\\filesystem::", "filesystem::")


#: Characters no Windows path may contain (wildcards are matched by the cmdlets).
_ILLEGAL = frozenset('<>"|\x00') | frozenset(chr(i) for i in range(1, 32))


def default_root() -> str:
    """The per-user default: ``$XDG_DATA_HOME/exshell/drive`` (else
    ``~/.local/share/exshell/drive``)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "exshell", "drive")


class DriveError(OSError):
    """A file-system failure, by kind (an OSError, so the cmdlet layer, which may not
    import this module, catches it as ``OSError`` and reads ``kind``); ``path`` is the Windows path the user gave
    (or its resolved form).  Kinds: ``PathNotFound`` (an item), ``ParentNotFound`` (a
    folder on the way), ``DriveNotFound``, ``AccessDenied``, ``IsFolder``,
    ``NotAFolder``, ``Exists``, ``NotEmpty``, ``InvalidPath``, ``SameItem``,
    ``IntoItself``, ``IOError``."""

    def __init__(self, kind: str, path: str, detail: str = ""):
        super().__init__("%s: %s" % (kind, path))
        # OSError's own fields stay unset; ours carry the meaning.
        self.kind = kind
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class DrivePath:
    """A resolved path: its canonical Windows text and the real path under the root."""

    text: str          # C:\Windows\system32\x.txt (existing entries in their real case)
    real: str
    drive: str         # "C" or "\\\\server\\share"

    @property
    def exists(self) -> bool:
        return os.path.lexists(self.real)

    @property
    def is_folder(self) -> bool:
        return os.path.isdir(self.real) and not os.path.islink(self.real)

    @property
    def is_file(self) -> bool:
        return os.path.isfile(self.real) and not os.path.islink(self.real)

    @property
    def name(self) -> str:
        return self.text.rstrip("\\").rsplit("\\", 1)[-1]

    @property
    def parent_text(self) -> str:
        head = self.text.rstrip("\\").rsplit("\\", 1)[0]
        return head + "\\" if head.endswith(":") else head


def _strip_provider(text: str) -> str:
    lowered = text.casefold()
    for prefix in _PROVIDER_PREFIXES:
        if lowered.startswith(prefix):
            return text[len(prefix):]
    return text


def _why(error: OSError) -> str:
    """The reason of a host error, without host paths (they must not leak into the
    emulated Windows)."""
    return error.strerror or "The operation could not be completed."


def _split(text: str) -> List[str]:
    return [p for p in text.replace("/", "\\").split("\\") if p not in ("", ".")]


class Drive:
    """The emulated file system over the real folder ``root``."""

    def __init__(self, root: str, now: Optional[Callable[[], _dt.datetime]] = None):
        self.root = os.path.abspath(root)
        self._ready = False
        #: The emulated clock (naive UTC): what we write gets its time, so listings
        #: follow Set-Date and transcripts stay reproducible.  None: the host's time.
        self.now = now

    def touch(self, real: str) -> None:
        if self.now is None:
            return
        import calendar
        stamp = calendar.timegm(self.now().timetuple())
        try:
            os.utime(real, (stamp, stamp), follow_symlinks=False)
        except (OSError, NotImplementedError):
            pass

    # ------------------------------------------------------------ set-up
    def ensure(self) -> None:
        """Create the root and the initial folders (once; cheap afterwards)."""
        if self._ready and os.path.isdir(os.path.join(self.root, "C")):
            return
        try:
            os.makedirs(os.path.join(self.root, "C"), exist_ok=True)
            for folder in INITIAL_FOLDERS:
                path = self.resolve(folder, "C:\\")
                if not os.path.isdir(path.real):
                    os.makedirs(path.real)
                    real = path.real
                    while os.path.commonpath([real, self.root]) == self.root and real != self.root:
                        self.touch(real)
                        real = os.path.dirname(real)
        except OSError as e:
            raise DriveError("IOError", self.root, _why(e)) from None
        self._ready = True

    def drive_letters(self) -> List[str]:
        self.ensure()
        letters = []
        for name in sorted(os.listdir(self.root)):
            if len(name) == 1 and name.isalpha() and os.path.isdir(os.path.join(self.root, name)):
                letters.append(name.upper())
        return letters or ["C"]

    # ------------------------------------------------------------ resolution
    def _real_child(self, folder: str, name: str) -> str:
        """The entry of ``folder`` named ``name`` case-insensitively (its real name), or
        ``name`` as typed when there is none."""
        try:
            entries = os.listdir(folder)
        except OSError:
            return name
        if name in entries:
            return name
        folded = name.casefold()
        for entry in entries:
            if entry.casefold() == folded:
                return entry
        return name

    def resolve(self, path: str, location: str) -> DrivePath:
        """Resolve a Windows path (relative to ``location``) to a :class:`DrivePath`.

        Raises DriveError("DriveNotFound") for a drive letter without a folder and
        ("AccessDenied") when a symbolic link lies on the way."""
        text = _strip_provider(str(path).strip()).replace("/", "\\")
        if any(c in _ILLEGAL for c in text) or ":" in text[2:].lstrip("\\"):
            raise DriveError("InvalidPath", text)
        drive_key, rest = self._split_drive(text)
        if drive_key is None:
            loc_drive, loc_rest = self._split_drive(_strip_provider(location))
            drive_key = loc_drive or "C"
            if rest.startswith("\\"):
                parts = _split(rest)          # rooted on the current drive
            else:
                parts = _split(loc_rest) + _split(rest)
        else:
            parts = _split(rest)
        clean: List[str] = []
        for part in parts:
            if part == "..":
                if clean:
                    clean.pop()
                continue                      # ".." above a drive root stays at the root
            if part.strip(". ") == "":
                continue
            clean.append(part.rstrip(" ."))   # Windows drops trailing dots and spaces
        if drive_key.startswith("\\\\"):
            base = os.path.join(self.root, "UNC")
            for part in _split(drive_key):          # server and share: any case, too
                base = os.path.join(base, self._real_child(base, part))
            drive_key = "\\\\" + "\\".join(base.split(os.sep)[-2:])
            head = drive_key
        else:
            letter = drive_key[0].upper()
            base = os.path.join(self.root, letter)
            if letter != "C" and not os.path.isdir(base):
                raise DriveError("DriveNotFound", letter)
            head = letter + ":"
        real = base
        shown: List[str] = []
        for part in clean:
            name = self._real_child(real, part)
            real = os.path.join(real, name)
            if os.path.islink(real):
                raise DriveError("AccessDenied", head + "\\" + "\\".join(shown + [name]))
            shown.append(name)
        # Belt and braces: the resolved real path must lie under the root.
        root_real = os.path.realpath(self.root)
        if os.path.commonpath([root_real, os.path.realpath(real)]) != root_real:
            raise DriveError("AccessDenied", head + "\\" + "\\".join(shown))
        win = head + "\\" + "\\".join(shown) if shown or not head.startswith("\\\\") else head
        return DrivePath(win, real, drive_key if drive_key.startswith("\\\\") else head[0])

    @staticmethod
    def _split_drive(text: str) -> Tuple[Optional[str], str]:
        if text.startswith("\\\\"):
            parts = _split(text)
            if len(parts) < 2:
                raise DriveError("PathNotFound", text)
            return "\\\\%s\\%s" % (parts[0], parts[1]), "\\" + "\\".join(parts[2:])
        if len(text) >= 2 and text[1] == ":" and text[0].isalpha():
            return text[0].upper(), text[2:] if text[2:].startswith("\\") else "\\" + text[2:]
        return None, text

    # ------------------------------------------------------------ operations
    def read_bytes(self, p: DrivePath) -> bytes:
        if p.is_folder:
            raise DriveError("IsFolder", p.text)
        if not p.is_file:
            raise DriveError("PathNotFound", p.text)
        try:
            with open(p.real, "rb") as fh:
                return fh.read()
        except OSError as e:
            raise DriveError("IOError", p.text, _why(e)) from None

    def write_bytes(self, p: DrivePath, data: bytes, *, append: bool = False) -> None:
        if p.is_folder:
            raise DriveError("IsFolder", p.text)
        parent = os.path.dirname(p.real)
        if not os.path.isdir(parent):
            raise DriveError("ParentNotFound", p.text)
        try:
            with open(p.real, "ab" if append else "wb") as fh:
                fh.write(data)
            self.touch(p.real)
            self.touch(os.path.dirname(p.real))
        except OSError as e:
            raise DriveError("IOError", p.text, _why(e)) from None

    def make_folder(self, p: DrivePath, *, parents: bool = True) -> None:
        if p.exists:
            raise DriveError("Exists", p.text)
        try:
            if parents:
                os.makedirs(p.real)
            else:
                os.mkdir(p.real)
            self.touch(p.real)
            self.touch(os.path.dirname(p.real))
        except FileNotFoundError:
            raise DriveError("ParentNotFound", p.text) from None
        except OSError as e:
            raise DriveError("IOError", p.text, _why(e)) from None

    def ensure_parent(self, p: DrivePath) -> None:
        """UNC shares appear on demand (any \\\\server\\share is reachable in the lab)."""
        if p.drive.startswith("\\\\"):
            share = os.path.join(self.root, "UNC", *_split(p.drive))
            os.makedirs(share, exist_ok=True)

    def remove(self, p: DrivePath, *, recurse: bool = False) -> None:
        if p.text.rstrip("\\") in (p.drive + ":", p.drive) or p.text.endswith(":\\"):
            raise DriveError("AccessDenied", p.text)     # never a drive (or share) root
        if not p.exists:
            raise DriveError("PathNotFound", p.text)
        try:
            if p.is_folder:
                if os.listdir(p.real) and not recurse:
                    raise DriveError("NotEmpty", p.text)
                shutil.rmtree(p.real)
            else:
                os.remove(p.real)
        except OSError as e:
            raise DriveError("IOError", p.text, _why(e)) from None

    def copy(self, source: DrivePath, target: DrivePath, *, recurse: bool = False) -> DrivePath:
        """Copy a file (or, with ``recurse``, a folder); a folder target receives the
        item under its own name.  Returns where it went."""
        if not source.exists:
            raise DriveError("PathNotFound", source.text)
        if target.is_folder:
            target = DrivePath(target.text.rstrip("\\") + "\\" + source.name,
                               os.path.join(target.real, os.path.basename(source.real)), target.drive)
        if not os.path.isdir(os.path.dirname(target.real)):
            raise DriveError("ParentNotFound", target.text)
        src, dst = os.path.realpath(source.real), os.path.realpath(target.real)
        if src == dst:
            raise DriveError("SameItem", source.text)
        if source.is_folder and os.path.commonpath([src, dst]) == src:
            raise DriveError("IntoItself", target.text)
        try:
            if source.is_folder:
                if not recurse:
                    os.makedirs(target.real, exist_ok=True)
                else:
                    shutil.copytree(source.real, target.real, symlinks=True, dirs_exist_ok=True)
            else:
                shutil.copyfile(source.real, target.real, follow_symlinks=False)
            self.touch(target.real)
        except OSError as e:
            raise DriveError("IOError", target.text, _why(e)) from None
        return target

    def children(self, p: DrivePath) -> List[DrivePath]:
        """Entries of a folder, folders first then files, each by name
        (case-insensitive), as Get-ChildItem lists them; symbolic links are hidden."""
        if not p.is_folder:
            raise DriveError("PathNotFound", p.text)
        items = []
        for name in os.listdir(p.real):
            real = os.path.join(p.real, name)
            if os.path.islink(real):
                continue
            items.append(DrivePath(p.text.rstrip("\\") + "\\" + name, real, p.drive))
        items.sort(key=lambda c: (not c.is_folder, c.name.casefold()))
        return items

    @staticmethod
    def stat(p: DrivePath) -> os.stat_result:
        return os.stat(p.real, follow_symlinks=False)

    @staticmethod
    def is_regular(p: DrivePath) -> bool:
        try:
            return stat.S_ISREG(os.stat(p.real, follow_symlinks=False).st_mode)
        except OSError:
            return False
