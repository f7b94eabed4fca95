"""The emulated Windows file system: ``C:\\``, other drive letters and ``\\\\server\\share``
mapped onto ONE real folder the user can open with other tools (openssl, an editor).

Layout under the real root::

    <root>/C/...                 C:\\...
    <root>/D/...                 D:\\...   (a drive exists when its folder exists)
    <root>/UNC/<server>/<share>  \\\\server\\share\\...  (any share is available)

Paths are Windows paths: backslashes (slashes are accepted too), case-insensitive
lookups that keep the spelling of existing entries, relative to the current location.

Nothing reaches outside the root, even when someone with access to the real folder
plants links in it or swaps folders while a command runs:

* :meth:`Drive.resolve` only maps a Windows path to names (the real spelling of each
  existing component); it never yields a host path that is opened later.
* Every operation opens the folder it works in from a descriptor of the root, in one
  step: ``openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS)`` where the kernel has it, else
  a walk that opens one component at a time with ``O_NOFOLLOW`` from the previous
  folder's descriptor.  A symbolic link anywhere on the way is refused (Access denied).
  The final name is then used relative to that folder's descriptor (``dir_fd``).
* Writes go to a temporary file in the folder and are renamed over the name, so a hard
  link planted at the name is replaced, never written through.  Reading refuses a
  regular file with more than one link (its data may live outside) and anything that is
  not a regular file or a folder (FIFOs, sockets, devices: opened non-blocking, then
  refused after ``fstat``, with .NET's FileStream error).
* Errors carry the Windows path only, never a host path.

Owns: :class:`Drive`, :class:`DrivePath`, :class:`DriveError`, :func:`default_root`.
Imports only the standard library.  The cmdlets (``exshell.cmdlets.filesystem``) reach
the drive through ``Shell.drive`` and turn DriveErrors into PowerShell error records.
"""
from __future__ import annotations

import ctypes
import errno
import os
import platform
import shutil
import stat
import sys
from dataclasses import dataclass, field
import datetime as _dt
from typing import Callable, List, Optional, Sequence, Tuple

__all__ = ["Drive", "DrivePath", "DriveError", "default_root", "INITIAL_FOLDERS",
           "openat2_available"]

#: Folders every fresh drive has (the shell starts in C:\Windows\system32).
INITIAL_FOLDERS = ("C:\\Windows\\system32", "C:\\Windows\\TEMP", "C:\\Users\\Administrator",
                   "C:\\Program Files\\Microsoft\\Exchange Server\\V14")
#: Provider prefixes PowerShell accepts in front of a file-system path.
_PROVIDER_PREFIXES = ("microsoft.powershell.core\\filesystem::", "filesystem::")


#: Characters no Windows path may contain (wildcards are matched by the cmdlets).
_ILLEGAL = frozenset('<>"|\x00') | frozenset(chr(i) for i in range(1, 32))
#: Names Windows keeps for devices: never a server or share name.
_RESERVED = frozenset(["con", "prn", "aux", "nul"] + ["com%d" % i for i in range(1, 10)]
                      + ["lpt%d" % i for i in range(1, 10)])
#: Windows' MAX_PATH: a full path must be shorter (PathTooLongException otherwise).
MAX_PATH = 260
#: Temporary files of a write in progress start with this (and are never listed).
TEMP_PREFIX = ".exshell-tmp-"


def default_root() -> str:
    """The per-user default: ``$XDG_DATA_HOME/exshell/drive`` (else
    ``~/.local/share/exshell/drive``)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "exshell", "drive")


class DriveError(OSError):
    """A file-system failure, by kind (an OSError, so the cmdlet layer, which may not
    import this module, catches it as ``OSError`` and reads ``kind``); ``path`` is the
    Windows path the user gave (or its resolved form), never a host path.  Kinds:
    ``PathNotFound`` (an item), ``ParentNotFound`` (a folder on the way),
    ``DriveNotFound``, ``AccessDenied``, ``IsFolder``, ``NotAFolder``, ``Exists``,
    ``NotEmpty``, ``InvalidPath``, ``NotSupported`` (a colon inside a path),
    ``PathTooLong``, ``Device`` (a FIFO, socket or device), ``SameItem``,
    ``IntoItself``, ``IOError``."""

    def __init__(self, kind: str, path: str, detail: str = ""):
        super().__init__("%s: %s" % (kind, path))
        # OSError's own fields stay unset; ours carry the meaning.
        self.kind = kind
        self.path = path
        self.detail = detail


# ---------------------------------------------------------------------------- openat2

_RESOLVE_NO_MAGICLINKS = 0x02
_RESOLVE_NO_SYMLINKS = 0x04
_RESOLVE_BENEATH = 0x08
#: openat2's number where the kernel's generic syscall table is used (5.6+).
_NR_OPENAT2 = 437 if platform.machine().lower() in (
    "x86_64", "amd64", "aarch64", "arm64", "riscv64", "ppc64le", "ppc64", "s390x",
    "i386", "i686", "armv7l", "armv8l", "loongarch64") else None


class _OpenHow(ctypes.Structure):
    _fields_ = [("flags", ctypes.c_uint64), ("mode", ctypes.c_uint64),
                ("resolve", ctypes.c_uint64)]


#: None: not probed yet; True/False once known.  Tests set False to exercise the walk.
_OPENAT2: Optional[bool] = None if (sys.platform.startswith("linux") and _NR_OPENAT2
                                    and not os.environ.get("EXSHELL_NO_OPENAT2")) else False
_syscall = None


def _openat2(dirfd: int, path: str, flags: int) -> int:
    how = _OpenHow(flags | os.O_CLOEXEC, 0,
                   _RESOLVE_BENEATH | _RESOLVE_NO_SYMLINKS | _RESOLVE_NO_MAGICLINKS)
    raw = os.fsencode(path)
    for _ in range(8):            # EAGAIN: a concurrent rename anywhere; try again
        fd = _syscall(ctypes.c_long(_NR_OPENAT2), ctypes.c_long(dirfd), ctypes.c_char_p(raw),
                      ctypes.byref(how), ctypes.c_size_t(ctypes.sizeof(how)))
        if fd >= 0:
            return fd
        err = ctypes.get_errno()
        if err not in (errno.EAGAIN, errno.EINTR):
            raise OSError(err, os.strerror(err))
    raise OSError(errno.EAGAIN, os.strerror(errno.EAGAIN))


def openat2_available(probe_fd: Optional[int] = None) -> bool:
    """Whether ``openat2`` works here (probed once, on ``probe_fd`` or ``/``); a kernel
    without it (ENOSYS) or a sandbox that forbids it (EPERM) gives the O_NOFOLLOW walk."""
    global _OPENAT2, _syscall
    if _OPENAT2 is not None:
        return _OPENAT2
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        _syscall = libc.syscall
        _syscall.restype = ctypes.c_long
        fd = probe_fd if probe_fd is not None else os.open("/", os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.close(_openat2(fd, ".", os.O_RDONLY | os.O_DIRECTORY))
        finally:
            if probe_fd is None:
                os.close(fd)
        _OPENAT2 = True
    except (OSError, AttributeError, TypeError, ValueError):
        _OPENAT2 = False
    return _OPENAT2


# ---------------------------------------------------------------------------- paths

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0)


@dataclass(frozen=True)
class DrivePath:
    """A resolved path: its canonical Windows text and the names beneath the root.

    ``parts`` are real names (``("C", "Windows", "system32", "x.txt")``); ``real`` is
    the host path they spell, for display only (the drive never opens it)."""

    text: str          # C:\Windows\system32\x.txt (existing entries in their real case)
    real: str
    drive: str         # "C" or "\\\\server\\share"
    parts: Tuple[str, ...] = ()
    owner: Optional["Drive"] = field(default=None, compare=False, repr=False)

    def lstat(self) -> Optional[os.stat_result]:
        """The entry's own status (a link is not followed), None when there is none."""
        if self.owner is None:
            return None
        return self.owner.lstat_parts(self.parts)

    @property
    def exists(self) -> bool:
        return self.lstat() is not None

    @property
    def is_folder(self) -> bool:
        st = self.lstat()
        return st is not None and stat.S_ISDIR(st.st_mode)

    @property
    def is_file(self) -> bool:
        st = self.lstat()
        return st is not None and stat.S_ISREG(st.st_mode)

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


#: Characters Windows forbids in a file name (besides _ILLEGAL's).
_NOT_IN_NAMES = frozenset(':*?\\/')


def _windows_name(name: str) -> bool:
    """Whether a real entry's name could be a Windows file name: someone with access to
    the drive folder may plant "evil\x1b]52;...\x07.txt" (a terminal escape sequence a
    listing would print), a name with a newline or a backslash, or bytes that are not
    UTF-8.  Listings and recursive copies leave such entries out, as they do links."""
    if any(c in _ILLEGAL or c in _NOT_IN_NAMES for c in name) or name != name.rstrip(" ."):
        return False                  # (Windows drops a name's trailing dots and spaces)
    try:
        name.encode("utf-8")          # a byte that was not UTF-8 reads as a lone surrogate
    except UnicodeError:
        return False
    return True


def _encodable(name: str) -> bool:
    try:
        os.fsencode(name)
        return True
    except (UnicodeError, ValueError):
        return False


def _close(fd: Optional[int]) -> None:
    if fd is not None:
        try:
            os.close(fd)
        except OSError:
            pass


class Drive:
    """The emulated file system over the real folder ``root``."""

    def __init__(self, root: str, now: Optional[Callable[[], _dt.datetime]] = None):
        self.root = os.path.abspath(root)
        self._ready = False
        #: The emulated clock (naive UTC): what we write gets its time, so listings
        #: follow Set-Date and transcripts stay reproducible.  None: the host's time.
        self.now = now

    # ------------------------------------------------------------ descriptors
    def _root_fd(self) -> int:
        try:
            return os.open(self.root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError as e:
            raise DriveError("IOError", "C:\\", _why(e)) from None

    def _open_dir(self, parts: Sequence[str], shown: str, missing: str = "ParentNotFound") -> int:
        """A descriptor of the folder ``parts`` beneath the root, opened without following
        any link (the caller closes it).  ``missing`` is the kind raised when a folder on
        the way does not exist; a link on the way is AccessDenied."""
        root = self._root_fd()
        if not parts:
            return root
        try:
            if openat2_available(root):
                return _openat2(root, "/".join(parts), _DIR_FLAGS)
            fd = root
            try:
                for name in parts:
                    nfd = os.open(name, _DIR_FLAGS, dir_fd=fd)
                    if fd != root:
                        os.close(fd)
                    fd = nfd
            except BaseException:
                if fd != root:
                    _close(fd)
                raise
            return fd
        except OSError as e:
            raise self._error(e, shown, missing) from None
        finally:
            _close(root) if parts else None

    @staticmethod
    def _error(e: OSError, shown: str, missing: str = "PathNotFound") -> DriveError:
        if isinstance(e, DriveError):
            return e
        if e.errno in (errno.ELOOP, errno.EXDEV, errno.EACCES, errno.EPERM, errno.EROFS):
            return DriveError("AccessDenied", shown)
        if e.errno in (errno.ENOENT, errno.ENOTDIR):
            return DriveError(missing, shown)
        if e.errno == errno.ENAMETOOLONG:
            return DriveError("PathTooLong", shown)
        if e.errno == errno.EISDIR:
            return DriveError("IsFolder", shown)
        if e.errno == errno.EEXIST:
            return DriveError("Exists", shown)
        if e.errno == errno.ENOTEMPTY:
            return DriveError("NotEmpty", shown)
        return DriveError("IOError", shown, _why(e))

    def _make_dirs(self, parts: Sequence[str], shown: str) -> int:
        """Open the folder ``parts``, creating what is missing on the way (one component
        at a time, never through a link); returns its descriptor."""
        fd = self._root_fd()
        try:
            for name in parts:
                try:
                    os.mkdir(name, 0o777, dir_fd=fd)
                    self._stamp(fd, name)
                except FileExistsError:
                    pass
                nfd = os.open(name, _DIR_FLAGS, dir_fd=fd)
                os.close(fd)
                fd = nfd
            return fd
        except OSError as e:
            _close(fd)
            raise self._error(e, shown, "ParentNotFound") from None

    def _stamp(self, dir_fd: Optional[int], name: Optional[str] = None, fd: Optional[int] = None) -> None:
        """Give an entry (by name in ``dir_fd``, or an open ``fd``) the emulated time."""
        if self.now is None:
            return
        import calendar
        stamp = calendar.timegm(self.now().timetuple())
        try:
            if fd is not None:
                os.utime(fd, (stamp, stamp))
            elif name is None:
                os.utime(dir_fd, (stamp, stamp))
            else:
                os.utime(name, (stamp, stamp), dir_fd=dir_fd, follow_symlinks=False)
        except (OSError, NotImplementedError, ValueError, OverflowError):
            pass

    def lstat_parts(self, parts: Sequence[str]) -> Optional[os.stat_result]:
        if not parts:
            return None
        try:
            fd = self._open_dir(parts[:-1], "")
        except DriveError:
            return None
        try:
            return os.stat(parts[-1], dir_fd=fd, follow_symlinks=False)
        except (OSError, ValueError):
            return None
        finally:
            os.close(fd)

    # ------------------------------------------------------------ set-up
    def ensure(self) -> None:
        """Create the root and the initial folders (once; cheap afterwards)."""
        if self._ready and os.path.isdir(os.path.join(self.root, "C")):
            return
        try:
            os.makedirs(self.root, exist_ok=True)
        except OSError as e:
            raise DriveError("IOError", "C:\\", _why(e)) from None
        for folder in INITIAL_FOLDERS:
            _close(self._make_dirs(self.resolve(folder, "C:\\").parts, folder))
        self._ready = True

    def drive_letters(self) -> List[str]:
        self.ensure()
        fd = self._root_fd()
        try:
            letters = []
            with os.scandir(fd) as entries:
                for entry in entries:
                    if len(entry.name) == 1 and entry.name.isalpha() and \
                            entry.is_dir(follow_symlinks=False):
                        letters.append(entry.name.upper())
        except OSError as e:
            raise DriveError("IOError", "C:\\", _why(e)) from None
        finally:
            os.close(fd)
        return sorted(letters) or ["C"]

    # ------------------------------------------------------------ resolution
    @staticmethod
    def _real_child(dir_fd: Optional[int], name: str) -> str:
        """The entry of the folder ``dir_fd`` named ``name`` case-insensitively (its
        real name), or ``name`` as typed when there is none."""
        if dir_fd is None:
            return name
        try:
            entries = os.listdir(dir_fd)
        except OSError:
            return name
        if name in entries:
            return name
        folded = name.casefold()
        for entry in entries:
            if entry.casefold() == folded:
                return entry
        return name

    def _parse(self, path: str, location: str) -> Tuple[str, List[str], List[str]]:
        """(drive key, base parts beneath the root, cleaned components) of a path."""
        text = _strip_provider(str(path).strip()).replace("/", "\\")
        if any(c in _ILLEGAL for c in text):
            raise DriveError("InvalidPath", text)
        drive_key, rest = self._split_drive(text)
        if drive_key is None:
            loc_drive, loc_rest = self._split_drive(_strip_provider(location).replace("/", "\\"))
            drive_key = loc_drive or "C"
            if rest.startswith("\\"):
                parts = _split(rest)          # rooted on the current drive
            else:
                parts = _split(loc_rest) + _split(rest)
        else:
            parts = _split(rest)
        if ":" in rest:
            raise DriveError("NotSupported", text)
        clean: List[str] = []
        for part in parts:
            if part == "..":
                if clean:
                    clean.pop()
                continue                      # ".." above a drive root stays at the root
            if part.strip(". ") == "":
                continue
            clean.append(part.rstrip(" ."))   # Windows drops trailing dots and spaces
        if not all(_encodable(p) for p in clean):
            raise DriveError("InvalidPath", text)
        if drive_key.startswith("\\\\"):
            base = ["UNC"] + _split(drive_key)
        else:
            base = [drive_key[0].upper()]
        return drive_key, base, clean

    def resolve(self, path: str, location: str) -> DrivePath:
        """Resolve a Windows path (relative to ``location``) to a :class:`DrivePath`.

        Raises DriveError("DriveNotFound") for a drive letter without a folder and
        ("AccessDenied") when a symbolic link lies on the way (or at the end)."""
        drive_key, base, clean = self._parse(path, location)
        unc = drive_key.startswith("\\\\")
        fd: Optional[int] = self._root_fd()
        real_parts: List[str] = []
        shown: List[str] = []
        head = ""
        try:
            for index, part in enumerate(base + clean):
                is_base = index < len(base)
                name = self._real_child(fd, part)
                if not is_base:
                    shown.append(name)
                real_parts.append(name)
                if index == len(base) - 1:
                    if unc:
                        drive_key = "\\\\" + "\\".join(real_parts[1:])
                        head = drive_key
                    else:
                        head = name.upper() + ":"
                if fd is None:
                    continue
                try:
                    st = os.stat(name, dir_fd=fd, follow_symlinks=False)
                except (FileNotFoundError, NotADirectoryError):
                    if index == 0 and not unc and part != "C":
                        raise DriveError("DriveNotFound", part) from None
                    os.close(fd)
                    fd = None
                    continue
                except OSError as e:
                    raise self._error(e, head + "\\" + "\\".join(shown)) from None
                if stat.S_ISLNK(st.st_mode):
                    raise DriveError("AccessDenied", (head or "C:") + "\\" + "\\".join(shown))
                if index == 0 and not unc and not stat.S_ISDIR(st.st_mode) and part != "C":
                    raise DriveError("DriveNotFound", part)
                if index == len(base) + len(clean) - 1 or not stat.S_ISDIR(st.st_mode):
                    if not stat.S_ISDIR(st.st_mode):
                        os.close(fd)
                        fd = None
                    continue
                try:
                    nfd = os.open(name, _DIR_FLAGS, dir_fd=fd)
                except OSError as e:
                    raise self._error(e, head + "\\" + "\\".join(shown), "AccessDenied") from None
                os.close(fd)
                fd = nfd
        finally:
            _close(fd)
        win = head + "\\" + "\\".join(shown) if shown or not unc else head
        if len(win) >= MAX_PATH:
            raise DriveError("PathTooLong", win)
        return DrivePath(win, os.path.join(self.root, *real_parts),
                         drive_key if unc else head[0], tuple(real_parts), self)

    @staticmethod
    def _split_drive(text: str) -> Tuple[Optional[str], str]:
        """(drive, rest): ``C`` or ``\\\\server\\share`` (None when relative).  A name
        before a colon is a drive (``foo:`` is one that does not exist); a colon anywhere
        else is NotSupported, as .NET says."""
        if text.startswith("\\\\"):
            if ":" in text:
                raise DriveError("NotSupported", text)
            raw = text[2:].split("\\")      # "." and ".." are names here, and refused
            if len(raw) < 2:
                raise DriveError("PathNotFound", text)
            server, share = raw[0].rstrip(" ."), raw[1].rstrip(" .")
            for part in (server, share):
                if not part or part.casefold().split(".")[0] in _RESERVED:
                    raise DriveError("PathNotFound", text)
                if not _encodable(part):
                    raise DriveError("InvalidPath", text)
            return "\\\\%s\\%s" % (server, share), "\\" + "\\".join(raw[2:])
        colon = text.find(":")
        if colon > 0 and "\\" not in text[:colon]:
            name, rest = text[:colon], text[colon + 1:]
            if len(name) != 1 or not name.isalpha() or not name.isascii():
                raise DriveError("DriveNotFound", name)
            return name.upper(), rest if rest.startswith("\\") else "\\" + rest
        if colon >= 0:
            raise DriveError("NotSupported", text)
        return None, text

    # ------------------------------------------------------------ reading
    def _read_at(self, dir_fd: int, name: str, shown: str) -> bytes:
        """The bytes of the regular file ``name`` in ``dir_fd`` (no link followed, one
        link only, never a FIFO, socket or device, never blocking)."""
        try:
            st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        except OSError as e:
            raise self._error(e, shown) from None
        self._check_readable(st, shown)
        try:
            fd = os.open(name, _READ_FLAGS, dir_fd=dir_fd)
        except OSError as e:
            raise self._error(e, shown) from None
        try:
            st2 = os.fstat(fd)
            if (st2.st_dev, st2.st_ino) != (st.st_dev, st.st_ino):
                raise DriveError("AccessDenied", shown)      # swapped while we looked
            self._check_readable(st2, shown)
            chunks = []
            while True:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
            return b"".join(chunks)
        except DriveError:
            raise
        except OSError as e:
            raise self._error(e, shown) from None
        finally:
            os.close(fd)

    @staticmethod
    def _check_readable(st: os.stat_result, shown: str) -> None:
        if stat.S_ISDIR(st.st_mode):
            raise DriveError("IsFolder", shown)
        if stat.S_ISLNK(st.st_mode):
            raise DriveError("AccessDenied", shown)
        if not stat.S_ISREG(st.st_mode):
            raise DriveError("Device", shown)
        if st.st_nlink > 1:
            raise DriveError("AccessDenied", shown)        # a hard link: data may live outside

    def read_bytes(self, p: DrivePath) -> bytes:
        if not p.parts:
            raise DriveError("PathNotFound", p.text)
        fd = self._open_dir(p.parts[:-1], p.text, "PathNotFound")
        try:
            return self._read_at(fd, p.parts[-1], p.text)
        finally:
            os.close(fd)

    # ------------------------------------------------------------ writing
    def _write_at(self, dir_fd: int, name: str, data: bytes, shown: str, *,
                  append: bool = False) -> None:
        """Write ``name`` in ``dir_fd`` by a temporary file renamed over it."""
        try:
            st: Optional[os.stat_result] = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        except FileNotFoundError:
            st = None
        except OSError as e:
            raise self._error(e, shown) from None
        if st is not None:
            if stat.S_ISDIR(st.st_mode):
                raise DriveError("IsFolder", shown)
            if stat.S_ISLNK(st.st_mode):
                raise DriveError("AccessDenied", shown)
            if not stat.S_ISREG(st.st_mode):
                raise DriveError("Device", shown)
            if append:
                data = self._read_at(dir_fd, name, shown) + data
        tmp = None
        try:
            for attempt in range(16):
                candidate = "%s%d-%s" % (TEMP_PREFIX, os.getpid(), os.urandom(6).hex())
                try:
                    fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
                                 | os.O_CLOEXEC, 0o666, dir_fd=dir_fd)
                except FileExistsError:
                    continue
                tmp = candidate
                break
            else:
                raise DriveError("IOError", shown, "The file could not be created.")
            try:
                view = memoryview(data)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                self._stamp(None, fd=fd)
            finally:
                os.close(fd)
            os.rename(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
            tmp = None
            self._stamp(dir_fd)
        except DriveError:
            raise
        except OSError as e:
            raise self._error(e, shown) from None
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp, dir_fd=dir_fd)
                except OSError:
                    pass

    def write_bytes(self, p: DrivePath, data: bytes, *, append: bool = False) -> None:
        if not p.parts or len(p.parts) <= (3 if p.drive.startswith("\\\\") else 1):
            raise DriveError("IsFolder", p.text)           # a drive or share root
        fd = self._open_dir(p.parts[:-1], p.text, "ParentNotFound")
        try:
            self._write_at(fd, p.parts[-1], bytes(data), p.text, append=append)
        finally:
            os.close(fd)

    def make_folder(self, p: DrivePath, *, parents: bool = True) -> None:
        if p.exists:
            raise DriveError("Exists", p.text)
        if parents:
            _close(self._make_dirs(p.parts, p.text))
            return
        fd = self._open_dir(p.parts[:-1], p.text, "ParentNotFound")
        try:
            os.mkdir(p.parts[-1], 0o777, dir_fd=fd)
            self._stamp(fd, p.parts[-1])
            self._stamp(fd)
        except OSError as e:
            raise self._error(e, p.text, "ParentNotFound") from None
        finally:
            os.close(fd)

    def make_parents(self, p: DrivePath) -> None:
        """Create the folders above ``p`` (New-Item -Force)."""
        _close(self._make_dirs(p.parts[:-1], p.text))

    def ensure_parent(self, p: DrivePath) -> None:
        """UNC shares appear on demand (any \\\\server\\share is reachable in the lab)."""
        if p.drive.startswith("\\\\") and len(p.parts) >= 3:
            _close(self._make_dirs(p.parts[:3], p.drive))

    # ------------------------------------------------------------ removing
    def remove(self, p: DrivePath, *, recurse: bool = False) -> None:
        if len(p.parts) <= (3 if p.drive.startswith("\\\\") else 1):
            raise DriveError("AccessDenied", p.text)     # never a drive (or share) root
        fd = self._open_dir(p.parts[:-1], p.text, "PathNotFound")
        name = p.parts[-1]
        try:
            try:
                st = os.stat(name, dir_fd=fd, follow_symlinks=False)
            except OSError as e:
                raise self._error(e, p.text) from None
            try:
                if stat.S_ISDIR(st.st_mode):
                    if recurse:
                        shutil.rmtree(name, dir_fd=fd)   # fd-based: links are removed, not followed
                    else:
                        os.rmdir(name, dir_fd=fd)
                else:
                    os.unlink(name, dir_fd=fd)
                self._stamp(fd)
            except OSError as e:
                raise self._error(e, p.text) from None
        finally:
            os.close(fd)

    # ------------------------------------------------------------ copying, moving
    def copy(self, source: DrivePath, target: DrivePath, *, recurse: bool = False) -> DrivePath:
        """Copy a file (or, with ``recurse``, a folder); a folder target receives the
        item under its own name.  Returns where it went."""
        src_st = source.lstat()
        if src_st is None:
            raise DriveError("PathNotFound", source.text)
        if target.is_folder:
            name = source.parts[-1] if source.parts else source.name
            target = DrivePath(target.text.rstrip("\\") + "\\" + source.name,
                               os.path.join(target.real, name), target.drive,
                               target.parts + (name,), self)
        if len(target.parts) <= (3 if target.drive.startswith("\\\\") else 1):
            raise DriveError("AccessDenied", target.text)
        if [n.casefold() for n in source.parts] == [n.casefold() for n in target.parts]:
            raise DriveError("SameItem", source.text)
        is_folder = stat.S_ISDIR(src_st.st_mode)
        src_key = [n.casefold() for n in source.parts]
        if is_folder and [n.casefold() for n in target.parts[:len(src_key)]] == src_key:
            raise DriveError("IntoItself", target.text)
        dst_dir = self._open_dir(target.parts[:-1], target.text, "ParentNotFound")
        try:
            if not is_folder:
                data = self.read_bytes(source)
                self._write_at(dst_dir, target.parts[-1], data, target.text)
                return target
            src = self._open_dir(source.parts, source.text, "PathNotFound")
            try:
                dst = self._mkdir_at(dst_dir, target.parts[-1], target.text)
                try:
                    if recurse:
                        self._copy_tree(src, dst, source.text, target.text)
                finally:
                    os.close(dst)
            finally:
                os.close(src)
        finally:
            os.close(dst_dir)
        return target

    def _mkdir_at(self, dir_fd: int, name: str, shown: str) -> int:
        """Open folder ``name`` of ``dir_fd`` (created if missing), never through a link."""
        try:
            try:
                os.mkdir(name, 0o777, dir_fd=dir_fd)
                self._stamp(dir_fd, name)
            except FileExistsError:
                pass
            return os.open(name, _DIR_FLAGS, dir_fd=dir_fd)
        except OSError as e:
            raise self._error(e, shown, "AccessDenied") from None

    def _copy_tree(self, src: int, dst: int, src_text: str, dst_text: str, depth: int = 0) -> None:
        """Copy every file and folder of ``src`` into ``dst`` (both descriptors); links,
        FIFOs, sockets and devices are skipped, hard-linked files refused."""
        if depth > 64:
            raise DriveError("PathTooLong", dst_text)
        try:
            with os.scandir(src) as it:
                entries = [(e.name, e.stat(follow_symlinks=False)) for e in it]
        except OSError as e:
            raise self._error(e, src_text) from None
        for name, st in sorted(entries):
            if name.startswith(TEMP_PREFIX) or not _windows_name(name):
                continue
            s_shown, d_shown = src_text.rstrip("\\") + "\\" + name, dst_text.rstrip("\\") + "\\" + name
            if stat.S_ISDIR(st.st_mode):
                try:
                    sub = os.open(name, _DIR_FLAGS, dir_fd=src)
                except OSError as e:
                    raise self._error(e, s_shown, "AccessDenied") from None
                try:
                    dsub = self._mkdir_at(dst, name, d_shown)
                    try:
                        self._copy_tree(sub, dsub, s_shown, d_shown, depth + 1)
                    finally:
                        os.close(dsub)
                finally:
                    os.close(sub)
            elif stat.S_ISREG(st.st_mode):
                self._write_at(dst, name, self._read_at(src, name, s_shown), d_shown)

    def move(self, source: DrivePath, target: DrivePath) -> DrivePath:
        """Move (rename) a file or folder; a folder target receives it under its name."""
        src_st = source.lstat()
        if src_st is None:
            raise DriveError("PathNotFound", source.text)
        if len(source.parts) <= (3 if source.drive.startswith("\\\\") else 1):
            raise DriveError("AccessDenied", source.text)
        if target.is_folder:
            name = source.parts[-1]
            target = DrivePath(target.text.rstrip("\\") + "\\" + source.name,
                               os.path.join(target.real, name), target.drive,
                               target.parts + (name,), self)
        if len(target.parts) <= (3 if target.drive.startswith("\\\\") else 1):
            raise DriveError("AccessDenied", target.text)
        src_key = [n.casefold() for n in source.parts]
        if stat.S_ISDIR(src_st.st_mode) and [n.casefold() for n in target.parts[:len(src_key)]] == src_key:
            raise DriveError("IntoItself", target.text)
        if target.exists:
            raise DriveError("Exists", target.text)
        sfd = self._open_dir(source.parts[:-1], source.text, "PathNotFound")
        try:
            dfd = self._open_dir(target.parts[:-1], target.text, "ParentNotFound")
            try:
                os.rename(source.parts[-1], target.parts[-1], src_dir_fd=sfd, dst_dir_fd=dfd)
                self._stamp(sfd)
                self._stamp(dfd)
            except OSError as e:
                raise self._error(e, target.text) from None
            finally:
                os.close(dfd)
        finally:
            os.close(sfd)
        return target

    # ------------------------------------------------------------ listing
    def children(self, p: DrivePath) -> List[DrivePath]:
        """Entries of a folder, folders first then files, each by name
        (case-insensitive), as Get-ChildItem lists them; symbolic links, FIFOs,
        sockets, devices, writes in progress and names Windows cannot have (control
        characters, ``<>:"|?*\\``, trailing dots or spaces, bytes that are not UTF-8)
        are hidden."""
        fd = self._open_dir(p.parts, p.text, "PathNotFound")
        try:
            with os.scandir(fd) as it:
                found = []
                for entry in it:
                    if entry.name.startswith(TEMP_PREFIX) or not _windows_name(entry.name):
                        continue
                    try:
                        mode = entry.stat(follow_symlinks=False).st_mode
                    except OSError:
                        continue
                    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
                        found.append((entry.name, stat.S_ISDIR(mode)))
        except OSError as e:
            raise self._error(e, p.text) from None
        finally:
            os.close(fd)
        found.sort(key=lambda item: (not item[1], item[0].casefold()))
        base = p.text.rstrip("\\")
        return [DrivePath(base + "\\" + name, os.path.join(p.real, name), p.drive,
                          p.parts + (name,), self) for name, _ in found]

    def stat(self, p: DrivePath) -> os.stat_result:
        st = p.lstat()
        if st is None:
            raise DriveError("PathNotFound", p.text)
        return st

    @staticmethod
    def is_regular(p: DrivePath) -> bool:
        st = p.lstat()
        return st is not None and stat.S_ISREG(st.st_mode)
