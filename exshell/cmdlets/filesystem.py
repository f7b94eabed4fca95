"""The FileSystem provider over the emulated drive (``exshell.drive``), and the cmdlets
that read and write files: Get-Content, Set-Content, Add-Content, Out-File, New-Item
(and mkdir), Copy-Item, Join-Path, Split-Path, and the ``[System.IO.File]`` /
``[System.Text.Encoding]`` static members (registered in the engine's statics).

:class:`FileSystemProvider` gives the navigation cmdlets (:mod:`.navigation`) the
drive's files and folders; it works on the :class:`~exshell.drive.Drive` the shell
registers in the context.  Every failure becomes a PowerShell error record (the
texts of the real provider); nothing here lets a Python exception through.
:func:`resolve` and :func:`read_file` / :func:`write_file` are the helpers other
cmdlet families use for their file parameters (Import-/Export-ExchangeCertificate,
certreq, CSV).
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, List, Optional

from ..engine.cmdlet import Cmdlet
from ..engine.completion import PATH, PATHS, complete_paths, completing
from ..engine.conversion import (OBJECT, SWITCH, ChoiceType, ConversionError, IntType, ListOf,
                                 StringType, to_int, to_string)
from ..engine.dotnet import MethodError
from ..engine.parameters import Parameter
from ..drive import Drive, DriveError, DrivePath
from ..engine.providers import PROVIDERS, DriveInfo, Provider
from ..engine.netstatics import DOTNET_CURRENT_DIRECTORY
from ..engine.statics import STATICS
from ..profiles import dialect as as_dialect
from ..profiles import v3_cmdlets
from .navigation import (NOT_A_FILE, NOT_SUPPORTED_FORMAT, PATH_TOO_LONG, expand_paths,
                         provider_error_record)

__all__ = ["FileSystemProvider", "encoding_static", "DotNetEncoding", "resolve", "read_file",
           "write_file", "file_static", "drive_error_record", "filesystem", "decode_text",
           "ENCODINGS", "DOTNET_CURRENT_DIRECTORY", "FileSystemItem"]

_CMD = "Microsoft.PowerShell.Commands."

#: -Encoding values of the FileSystem provider (Windows PowerShell) -> Python codec.
#: "Default" is the ANSI code page of an en-US Windows; "Unicode" is UTF-16 LE with
#: a BOM, "UTF8" UTF-8 with a BOM, as .NET writes them.
ENCODINGS = {"Unknown": "utf-16", "String": "utf-16", "Unicode": "utf-16",
             "BigEndianUnicode": "utf-16-be", "UTF8": "utf-8-sig", "UTF7": "utf-7",
             "UTF32": "utf-32", "Ascii": "ascii", "Default": "cp1252", "Oem": "cp437",
             "Byte": None}
ENCODING = ChoiceType(list(ENCODINGS), "Microsoft.PowerShell.Commands.FileSystemCmdletProviderEncoding")

#: .NET resolves relative paths against the process's current directory, which
#: Set-Location does not change (a classic trap): PowerShell started here.


# ============================================================================ helpers

#: A DriveError as the FileSystem provider reports it.
drive_error_record = provider_error_record


def filesystem(cmdlet: Cmdlet) -> "FileSystemProvider":
    """The context's FileSystem provider."""
    return cmdlet.context.providers.get("FileSystem")


def resolve(cmdlet: Cmdlet, path: Any, *, report: bool = True) -> Optional[DrivePath]:
    """Resolve ``path`` on the emulated drive from the current location; on failure
    write the error (when ``report``) and return None."""
    try:
        fs = filesystem(cmdlet)
        fs.prepare()
        return fs.resolve(to_string(path), cmdlet.context.location)
    except OSError as e:
        if report:
            kind = getattr(e, "kind", "")
            cmdlet.write_error(drive_error_record(cmdlet, e, None if kind == "DriveNotFound" else str(path)))
        return None


def read_file(cmdlet: Cmdlet, path: Any) -> Optional[bytes]:
    """The bytes of a file, or None after writing the provider's error."""
    p = resolve(cmdlet, path)
    if p is None:
        return None
    try:
        return filesystem(cmdlet).drive.read_bytes(p)
    except OSError as e:
        kind = getattr(e, "kind", "")
        cmdlet.write_error(drive_error_record(cmdlet, e, p.text if kind != "PathNotFound" else str(path)))
        return None


def write_file(cmdlet: Cmdlet, path: Any, data: bytes, *, append: bool = False,
               p: Optional[DrivePath] = None) -> Optional[DrivePath]:
    """Write bytes to a file (created or replaced); None after writing the error."""
    if p is None:
        p = resolve(cmdlet, path)
    if p is None:
        return None
    drive = filesystem(cmdlet).drive
    try:
        drive.ensure_parent(p)
        drive.write_bytes(p, data, append=append)
        return p
    except OSError as e:
        cmdlet.write_error(drive_error_record(cmdlet, e, p.text))
        return None


def decode_text(data: bytes, encoding: Optional[str] = None) -> str:
    """Text of file bytes: a BOM wins, else ``encoding`` (an -Encoding name), else
    the ANSI code page (Windows PowerShell's reading default)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le", "replace")
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", "replace")
    codec = ENCODINGS.get(encoding or "Default") or "cp1252"
    if codec == "utf-16":
        codec = "utf-16-le"
    if codec == "utf-8-sig":
        codec = "utf-8"
    return data.decode(codec, "replace")


def encode_text(text: str, encoding: str) -> bytes:
    codec = ENCODINGS.get(encoding) or "cp1252"
    return text.encode(codec, "replace")


def _lines(text: str) -> List[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _as_bytes(value: Any) -> bytes:
    """A Byte[] from bytes, ints or a list of them (Set-Content -Encoding Byte)."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    items = value if isinstance(value, (list, tuple)) else [value]
    out = bytearray()
    for item in items:
        if isinstance(item, (bytes, bytearray)):
            out += item
            continue
        n = to_int(item, "System.Byte")
        if not 0 <= n <= 255:
            raise ConversionError('Cannot convert value "%s" to type "System.Byte". Error: "Value '
                                  'was either too large or too small for an unsigned byte."' % item)
        out.append(n)
    return bytes(out)


# ============================================================================ items

class FileSystemItem:
    """What Get-ChildItem / New-Item write: a FileInfo or DirectoryInfo look-alike."""

    PS_PROPERTIES = ("Mode", "Name", "Length", "LastWriteTime", "FullName", "Extension",
                     "DirectoryName", "PSIsContainer")

    def __init__(self, p: DrivePath, dialect: Any = None):
        import os
        self._path = p
        self.PSIsContainer = p.is_folder
        self.Name = p.name
        self.FullName = p.text
        st = p.lstat() if hasattr(p, "lstat") else None
        if st is None:
            st = os.stat_result((0,) * 10)
        # The emulated machine's clock is UTC (drive.touch stamps writes with it).
        self.LastWriteTime = _dt.datetime.fromtimestamp(int(st.st_mtime), _dt.timezone.utc).replace(tzinfo=None)
        wide = as_dialect(dialect).wide_file_mode
        self.Mode = ("d-----" if wide else "d----") if self.PSIsContainer else \
            ("-a----" if wide else "-a---")
        self.Length = None if self.PSIsContainer else st.st_size
        self.Extension = "" if "." not in self.Name else "." + self.Name.rsplit(".", 1)[1]
        self.DirectoryName = p.parent_text
        self.PS_TYPE_NAMES = ("System.IO.DirectoryInfo" if self.PSIsContainer else "System.IO.FileInfo",
                              "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object")

    def __str__(self) -> str:
        return self.Name if self.PSIsContainer or True else self.FullName


def _parent_text(item: Any) -> str:
    """The folder an item is in (the FileSystem view's group key)."""
    return getattr(item, "DirectoryName", "") or ""


def _mode_time(item: Any) -> str:
    """LastWriteTime as FileSystem.format.ps1xml shows it: ``{0,10}  {1,8}`` of the
    short date and short time (en-US)."""
    t = getattr(item, "LastWriteTime", None)
    if not isinstance(t, _dt.datetime):
        return ""
    hour = t.hour % 12 or 12
    date = "%d/%d/%d" % (t.month, t.day, t.year)
    time = "%d:%02d %s" % (hour, t.minute, "AM" if t.hour < 12 else "PM")
    return "%10s  %8s" % (date, time)


def _register_views() -> None:
    # The FileSystem provider's table: Mode 7, LastWriteTime 25 (right), Length 14
    # (10 in PowerShell 2.0), Name; folders and files share it, grouped by folder
    # under a "    Directory: C:\x" header.
    from ..format.views import TableColumn, TableView, register_table_view

    views: dict = {}

    def view(context: Any) -> TableView:
        # One instance per layout, so a formatter can tell both types share it.
        wide = as_dialect((context or {}).get("ps_version")).wide_file_mode
        if wide in views:
            return views[wide]
        views[wide] = TableView([
            TableColumn("Mode", "Mode", 7),
            TableColumn("LastWriteTime", _mode_time, 25, "right"),
            TableColumn("Length", lambda i: "" if i.Length is None else str(i.Length),
                        14 if wide else 10, "right"),
            TableColumn("Name", "Name", None),
        ], group_by=("Directory", _parent_text), group_header="    {label}: {value}\n")
        return views[wide]
    register_table_view("System.IO.FileInfo", view)
    register_table_view("System.IO.DirectoryInfo", view)


_register_views()


# ============================================================================ the provider

#: How PowerShell shows a location on a UNC path (also in the prompt).
UNC_LOCATION_PREFIX = "Microsoft.PowerShell.Core\\FileSystem::"


@PROVIDERS.add
class FileSystemProvider(Provider):
    """The files and folders of the emulated drive: ``C:`` (and any letter whose folder
    exists) and every ``\\\\server\\share``.  Items are :class:`~exshell.drive.DrivePath`;
    the objects written are :class:`FileSystemItem`."""

    name = "FileSystem"
    claims_unc = True

    @property
    def drive(self) -> Drive:
        """The drive the shell registered in the context."""
        drive = self.context.find(Drive)
        if drive is None:
            raise DriveError("NoFileSystem", "C:\\", "exshell has no file system in this session.")
        return drive

    def has_drive(self, name: str) -> bool:
        return len(name) == 1 and name.isalpha()

    def drives(self, location: str) -> List[DriveInfo]:
        import os
        drive = self.drive
        here = location[:1].upper()
        return [DriveInfo(letter, self.name, letter + ":\\", location[3:] if letter == here else "",
                          os.path.join(drive.root, letter)) for letter in drive.drive_letters()]

    def prepare(self) -> None:
        self.drive.ensure()

    def resolve(self, path: str, location: str) -> DrivePath:
        return self.drive.resolve(path, location)

    def exists(self, item: DrivePath) -> bool:
        return item.exists

    def is_container(self, item: DrivePath) -> bool:
        return item.is_folder

    def children(self, item: DrivePath) -> List[DrivePath]:
        return self.drive.children(item)

    def item_name(self, item: DrivePath) -> str:
        return item.name

    def item_path(self, item: DrivePath) -> str:
        return item.text

    def get_item(self, item: DrivePath) -> "FileSystemItem":
        return FileSystemItem(item, self.context.dialect)

    def remove(self, item: DrivePath, recurse: bool = False) -> None:
        self.drive.remove(item, recurse=recurse)

    def remove_action(self, item: DrivePath) -> str:
        return "Remove Directory" if item.is_folder else "Remove File"

    def location_of(self, item: DrivePath) -> str:
        return UNC_LOCATION_PREFIX + item.text if item.text.startswith("\\\\") else item.text

    def read_bytes(self, item: DrivePath) -> bytes:
        """A file's content (scripts run by path are read through this)."""
        return self.drive.read_bytes(item)


# ============================================================================ cmdlets

class _FsCmdlet(Cmdlet, register=False):
    @property
    def drive(self) -> Drive:
        """The emulated drive (through the FileSystem provider)."""
        return filesystem(self).drive

    def fail(self, error: DriveError, shown: Optional[str] = None) -> None:
        self.write_error(drive_error_record(self, error, shown))


class GetContent(_FsCmdlet):
    """Read a file: lines, the raw text (-Raw) or bytes (-Encoding Byte / -AsByteStream)."""

    name = "Get-Content"
    aliases = ("gc", "cat", "type")
    dotnet_class = _CMD + "GetContentCommand"
    synopsis = "Gets the content of a file on the emulated drive."
    default_set = "Path"
    parameters = (
        Parameter("Path", PATHS, position=0, mandatory=True, from_pipeline_by_name=True,
                  aliases=("FullName",), sets=("Path",)),
        # -LiteralPath takes the name as it is: no wildcards ([ and ] in file names).
        Parameter("LiteralPath", PATHS, mandatory=True, from_pipeline_by_name=True,
                  aliases=("PSPath",), sets=("LiteralPath",)),
        Parameter("Encoding", ENCODING),
        Parameter("ReadCount", IntType("System.Int64")),
        Parameter("TotalCount", IntType("System.Int64"), aliases=("First", "Head")),
        Parameter("Raw", SWITCH, available=v3_cmdlets),
        # Windows PowerShell 5.1 has no -AsByteStream (pwsh 6+ does); offered on the
        # 5.1-based versions because admins often run the Exchange module from pwsh.
        Parameter("AsByteStream", SWITCH, available=lambda p: p.get_content_as_byte_stream),
    )

    def process(self, p: Any) -> None:
        paths = [to_string(x) for x in p.LiteralPath] if p.LiteralPath is not None else \
            expand_paths(self, p.Path)
        for path in paths:
            data = read_file(self, path)
            if data is None:
                continue
            count = p.ReadCount if p.ReadCount is not None else 1
            if p.Encoding == "Byte" or p.AsByteStream:
                if p.TotalCount is not None and p.TotalCount >= 0:
                    data = data[:p.TotalCount]
                if count <= 0:
                    self.write_object(data)
                elif count == 1:
                    for b in data:
                        self.write_object(b)
                else:
                    for i in range(0, len(data), count):
                        self.write_object(data[i:i + count])
                continue
            text = decode_text(data, p.Encoding)
            if p.Raw:
                self.write_object(text)
                continue
            lines = _lines(text)
            if p.TotalCount is not None and p.TotalCount >= 0:
                lines = lines[:p.TotalCount]
            if count <= 0:
                self.write_object(lines)
            elif count == 1:
                for line in lines:
                    self.write_object(line)
            else:
                for i in range(0, len(lines), count):
                    self.write_object(lines[i:i + count])


class SetContent(_FsCmdlet):
    """Write values to a file (replacing it); -Encoding Byte writes raw bytes."""

    name = "Set-Content"
    aliases = ("sc",)
    dotnet_class = _CMD + "SetContentCommand"
    supports_should_process = True
    synopsis = "Writes text or bytes to a file on the emulated drive."
    append = False
    parameters = (
        Parameter("Path", PATHS, position=0, mandatory=True, from_pipeline_by_name=True,
                  aliases=("PSPath",)),
        Parameter("Value", OBJECT, position=1, mandatory=True, from_pipeline=True,
                  from_pipeline_by_name=True),
        Parameter("Encoding", ENCODING),
        Parameter("NoNewline", SWITCH, available=lambda p: p.set_content_no_newline),
        Parameter("Force", SWITCH),
    )

    def begin(self) -> None:
        self.values: List[Any] = []
        self.params: Any = None

    def process(self, p: Any) -> None:
        self.params = p
        value = p.Value
        if isinstance(value, (list, tuple)):
            self.values.extend(value)
        else:
            self.values.append(value)

    def end(self) -> None:
        p = self.params
        if p is None:
            return
        encoding = p.Encoding or ("Default" if not self.append else "Default")
        try:
            if encoding == "Byte":
                data = _as_bytes(self.values)
            else:
                sep = "" if p.NoNewline else "\r\n"
                text = "".join(to_string(v) + sep for v in self.values if v is not None)
                data = encode_text(text, encoding)
        except ConversionError as e:
            self.write_error(self.error_record(e.message, "InvalidArgument", "InvalidArgument",
                                               exception_type="System.Management.Automation."
                                                              "PSInvalidCastException"))
            return
        for path in p.Path:
            target = resolve(self, path)
            if target is None:
                continue
            verb = "Add Content" if self.append else "Set Content"
            if not self.should_process("", target="Path: %s" % target.text, action=verb):
                continue
            write_file(self, path, data, append=self.append, p=target)


class AddContent(SetContent):
    """Append values to a file."""

    name = "Add-Content"
    aliases = ("ac",)
    dotnet_class = _CMD + "AddContentCommand"
    synopsis = "Appends text or bytes to a file on the emulated drive."
    append = True


class OutFile(_FsCmdlet):
    """Write formatted output to a file (UTF-16 with a BOM by default, as in Windows
    PowerShell)."""

    name = "Out-File"
    dotnet_class = _CMD + "OutFileCommand"
    supports_should_process = True
    synopsis = "Sends formatted output to a file on the emulated drive."
    parameters = (
        Parameter("FilePath", PATH, position=0, mandatory=True, aliases=("Path",)),
        Parameter("Encoding", ChoiceType([e for e in ENCODINGS if e != "Byte"], "System.String"),
                  position=1),
        Parameter("Append", SWITCH),
        Parameter("Force", SWITCH),
        Parameter("NoClobber", SWITCH, aliases=("NoOverwrite",)),
        Parameter("Width", IntType()),
        Parameter("InputObject", OBJECT, from_pipeline=True),
    )

    def begin(self) -> None:
        self.items: List[Any] = []
        self.params: Any = None

    def process(self, p: Any) -> None:
        self.params = p
        if p.bound("InputObject") and p.InputObject is not None:
            self.items.append(p.InputObject)

    def end(self) -> None:
        p = self.params
        if p is None:
            return
        target = resolve(self, p.FilePath)
        if target is None:
            return
        if p.NoClobber and target.exists:
            self.write_error(self.error_record(
                "The file '%s' already exists." % target.text, "NoClobber", "ResourceExists",
                target=target.text, exception_type="System.IO.IOException"))
            return
        if not self.should_process("", target=target.text, action="Output to File"):
            return
        from ..format.out_default import OutDefault
        formatter = OutDefault(p.Width or 80, self.context.dialect.name, console=False)
        lines: List[str] = []
        for obj in self.items:
            lines.extend(formatter.add(obj))
        lines.extend(formatter.finish())
        text = "".join(line + "\r\n" for line in lines)
        encoding = p.Encoding or "Unicode"
        data = encode_text(text, encoding)
        if p.Append and target.exists and encoding in ("Unicode", "UTF8", "UTF32", "Unknown", "String"):
            data = text.encode({"UTF8": "utf-8", "UTF32": "utf-32-le"}.get(encoding, "utf-16-le"))
        write_file(self, p.FilePath, data, append=bool(p.Append), p=target)


class NewItem(_FsCmdlet):
    """Create a file (optionally with -Value) or a folder (-ItemType Directory)."""

    name = "New-Item"
    aliases = ("ni",)
    dotnet_class = _CMD + "NewItemCommand"
    supports_should_process = True
    synopsis = "Creates a file or folder on the emulated drive."
    parameters = (
        Parameter("Path", PATHS, position=0, from_pipeline_by_name=True, aliases=("PSPath",)),
        Parameter("Name", StringType(), from_pipeline_by_name=True),
        Parameter("ItemType", StringType(), aliases=("Type",)),
        Parameter("Value", OBJECT, from_pipeline=True, from_pipeline_by_name=True),
        Parameter("Force", SWITCH),
    )

    default_type = "File"

    def process(self, p: Any) -> None:
        kind = (p.ItemType or self.default_type).casefold()
        if kind in ("directory", "folder", "container"):
            folder = True
        elif kind == "file":
            folder = False
        else:
            self.write_error(self.error_record(
                "The type is not a known type for the file system. Only \"file\" and \"directory\" "
                "can be created.", "Argument", "InvalidArgument", target=p.ItemType,
                exception_type="System.Management.Automation.PSArgumentException"))
            return
        for path in (p.Path or ["."]):
            text = to_string(path)
            if p.Name:
                text = text.rstrip("\\/") + "\\" + p.Name
            target = resolve(self, text)
            if target is None:
                continue
            action = "Create Directory" if folder else "Create File"
            if not self.should_process("", target="Destination: %s" % target.text, action=action):
                continue
            drive = self.drive
            try:
                if folder:
                    if target.is_folder and p.Force:
                        pass
                    elif target.exists:
                        self.write_error(self.error_record(
                            "An item with the specified name %s already exists." % target.text,
                            "DirectoryExist", "ResourceExists", target=target.text,
                            exception_type="System.IO.IOException"))
                        continue
                    else:
                        drive.make_folder(target)
                else:
                    if target.exists and not p.Force:
                        raise DriveError("Exists", target.text)
                    data = b"" if p.Value is None else encode_text(to_string(p.Value), "Default")
                    drive.ensure_parent(target)
                    if p.Force:
                        drive.make_parents(target)
                    drive.write_bytes(target, data)
                item = FileSystemItem(drive.resolve(target.text, "C:\\"), self.context.dialect)
            except OSError as e:
                self.fail(e, target.text)
                continue
            self.write_object(item)


class MkDir(NewItem):
    """``mkdir``/``md``: in PowerShell a function around New-Item -ItemType Directory."""

    name = "mkdir"
    aliases = ("md",)
    synopsis = "Creates a folder on the emulated drive (New-Item -ItemType Directory)."
    default_type = "Directory"


class CopyItem(_FsCmdlet):
    """Copy a file (or a folder with -Recurse)."""

    name = "Copy-Item"
    aliases = ("copy", "cp", "cpi")
    dotnet_class = _CMD + "CopyItemCommand"
    supports_should_process = True
    synopsis = "Copies files and folders on the emulated drive."
    parameters = (
        Parameter("Path", PATHS, position=0, mandatory=True, from_pipeline=True,
                  from_pipeline_by_name=True, aliases=("PSPath", "FullName")),
        Parameter("Destination", PATH, position=1),
        Parameter("Recurse", SWITCH),
        Parameter("Force", SWITCH),
        Parameter("PassThru", SWITCH),
    )

    def process(self, p: Any) -> None:
        for path in expand_paths(self, p.Path):
            source = resolve(self, path)
            if source is None:
                continue
            if not source.exists:
                self.fail(DriveError("PathNotFound", to_string(path)), to_string(path))
                continue
            dest = resolve(self, p.Destination if p.Destination is not None else ".")
            if dest is None:
                continue
            if not self.should_process("", target="Item: %s Destination: %s" % (source.text, dest.text),
                                       action="Copy File" if source.is_file else "Copy Directory"):
                continue
            try:
                self.drive.ensure_parent(dest)
                done = self.drive.copy(source, dest, recurse=bool(p.Recurse))
            except OSError as e:
                self.fail(e, e.path)
                continue
            if p.PassThru:
                self.write_object(FileSystemItem(done, self.context.dialect))


# ============================================================================ [System.IO.File]

_FILE_METHODS = ("readallbytes", "writeallbytes", "readalltext", "writealltext", "readalllines",
                 "writealllines", "appendalltext", "exists")


def _method_error(name: str, args: List[Any], message: str, exc: str) -> MethodError:
    return MethodError('Exception calling "%s" with "%d" argument(s): "%s"' % (name, len(args), message),
                       exc, "NotSpecified")


def _parent_is_folder(drive: Any, p: DrivePath) -> bool:
    try:
        return drive.resolve(p.parent_text, "C:\\").is_folder
    except OSError:
        return False


def file_static(context: Any, name: str, args: Optional[List[Any]]) -> Any:
    """``[System.IO.File]::Method(args)`` on the emulated drive.  Relative paths are
    taken from .NET's current directory (DOTNET_CURRENT_DIRECTORY), not from
    Set-Location, as in real PowerShell."""
    n = name.casefold()
    if args is None or n not in _FILE_METHODS:
        if args is None:
            raise MethodError("The property '%s' cannot be found on type [System.IO.File]." % name)
        raise MethodError("Method invocation failed because [System.IO.File] doesn't contain a method "
                          "named '%s'." % name)
    if not args or args[0] is None or to_string(args[0]) == "":
        if n == "exists":
            return False
        raise _method_error(name, args, "The path is not of a legal form." if args and args[0] is not None
                            else "Value cannot be null.\r\nParameter name: path",
                            "ArgumentException")
    shown = to_string(args[0])
    try:
        drive = context.providers.get("FileSystem").drive
        drive.ensure()
        p = drive.resolve(shown, DOTNET_CURRENT_DIRECTORY)
    except OSError as e:
        if n == "exists":
            return False
        raise _dotnet_error(name, args, e, shown) from None
    if n == "exists":
        return p.is_file
    try:
        if n.startswith("read"):
            if not p.exists and not p.is_folder:
                if not _parent_is_folder(drive, p):
                    raise _method_error(name, args, "Could not find a part of the path '%s'." % p.text,
                                        "DirectoryNotFoundException")
                raise _method_error(name, args, "Could not find file '%s'." % p.text,
                                    "FileNotFoundException")
            data = drive.read_bytes(p)
            if n == "readallbytes":
                return data
            text = decode_text(data, "UTF8")   # .NET's File.Read* default: UTF-8
            return text if n == "readalltext" else _lines(text)
        if len(args) < 2:
            raise _method_error(name, args, "Value cannot be null.", "ArgumentNullException")
        value = args[1]
        if n == "writeallbytes":
            try:
                data = _as_bytes(value)
            except ConversionError as e:
                raise MethodError('Cannot convert argument "bytes", with value: "%s", for "WriteAllBytes" '
                                  'to type "System.Byte[]": "%s"' % (to_string(value), e.message),
                                  "MethodArgumentConversionInvalidCastArgument") from None
        elif n == "writealllines":
            items = value if isinstance(value, (list, tuple)) else [value]
            data = "".join(to_string(v) + "\r\n" for v in items).encode("utf-8")
        else:
            data = to_string(value).encode("utf-8")   # .NET writes UTF-8 without a BOM
        drive.ensure_parent(p)
        drive.write_bytes(p, data, append=(n == "appendalltext"))
        return None
    except OSError as e:
        raise _dotnet_error(name, args, e, p.text) from None


def _dotnet_error(name: str, args: List[Any], error: OSError, shown: str) -> MethodError:
    """A drive failure as the .NET exception a [System.IO.File] call throws."""
    kind = getattr(error, "kind", "")
    if kind in ("DriveNotFound", "ParentNotFound"):
        return _method_error(name, args, "Could not find a part of the path '%s'." % shown,
                             "DirectoryNotFoundException")
    if kind == "PathNotFound":
        return _method_error(name, args, "Could not find file '%s'." % shown, "FileNotFoundException")
    if kind == "InvalidPath":
        return _method_error(name, args, "Illegal characters in path.", "ArgumentException")
    if kind == "NotSupported":
        return _method_error(name, args, NOT_SUPPORTED_FORMAT, "NotSupportedException")
    if kind == "Device":
        return _method_error(name, args, NOT_A_FILE, "NotSupportedException")
    if kind == "PathTooLong":
        return _method_error(name, args, PATH_TOO_LONG, "PathTooLongException")
    return _method_error(name, args, "Access to the path '%s' is denied." % shown,
                         "UnauthorizedAccessException")


# ============================================================================ [System.Text.Encoding]

#: The encodings scripts name (``[System.Text.Encoding]::Unicode.GetBytes($req)``):
#: property -> (Python codec, .NET EncodingName, the BOM GetPreamble() gives).
_DOTNET_ENCODINGS = {
    "unicode": ("utf-16-le", "Unicode", b"\xff\xfe"),
    "bigendianunicode": ("utf-16-be", "Unicode (Big-Endian)", b"\xfe\xff"),
    "utf8": ("utf-8", "Unicode (UTF-8)", b"\xef\xbb\xbf"),
    "utf32": ("utf-32-le", "Unicode (UTF-32)", b"\xff\xfe\x00\x00"),
    "ascii": ("ascii", "US-ASCII", b""),
    "default": ("cp1252", "Western European (Windows)", b""),
    "utf7": ("utf-7", "Unicode (UTF-7)", b""),
}


class DotNetEncoding:
    """A System.Text.Encoding: GetBytes / GetString / GetPreamble."""

    PS_PROPERTIES = ("EncodingName", "WebName", "CodePage")

    def __init__(self, key: str):
        self._codec, self.EncodingName, self._bom = _DOTNET_ENCODINGS[key]
        self.WebName = {"utf-16-le": "utf-16", "utf-16-be": "utf-16BE", "cp1252": "Windows-1252",
                        "utf-32-le": "utf-32", "ascii": "us-ascii"}.get(self._codec, self._codec)
        self.CodePage = {"utf-16-le": 1200, "utf-16-be": 1201, "utf-8": 65001, "utf-32-le": 12000,
                         "ascii": 20127, "cp1252": 1252, "utf-7": 65000}[self._codec]
        self.PS_TYPE_NAMES = ("System.Text.%sEncoding" % {"utf-16-le": "Unicode", "utf-16-be": "Unicode",
                                                          "utf-8": "UTF8", "utf-32-le": "UTF32",
                                                          "ascii": "ASCII", "utf-7": "UTF7"}.get(
                                  self._codec, ""), "System.Text.Encoding", "System.Object")

    def ps_method_GetBytes(self, text: Any) -> bytes:
        return to_string(text).encode(self._codec, "replace")

    def ps_method_GetString(self, data: Any) -> str:
        return _as_bytes(data).decode(self._codec, "replace")

    def ps_method_GetPreamble(self) -> bytes:
        return self._bom

    def __str__(self) -> str:
        return self.PS_TYPE_NAMES[0]


def encoding_static(name: str, args: Optional[List[Any]]) -> Any:
    """``[System.Text.Encoding]::Unicode`` (and ASCII, UTF8, ...), ``::GetEncoding(name)``."""
    n = name.casefold()
    if args is None and n in _DOTNET_ENCODINGS:
        return DotNetEncoding(n)
    if args is not None and n == "getencoding" and args:
        wanted = to_string(args[0]).casefold().replace("-", "")
        aliases = {"utf16": "unicode", "unicodefffe": "bigendianunicode", "usascii": "ascii",
                   "windows1252": "default", "1252": "default", "65001": "utf8", "1200": "unicode"}
        key = aliases.get(wanted, wanted)
        if key in _DOTNET_ENCODINGS:
            return DotNetEncoding(key)
        raise _method_error(name, args, "'%s' is not a supported encoding name." % to_string(args[0]),
                            "ArgumentException")
    if args is None:
        raise MethodError("The property '%s' cannot be found on type [System.Text.Encoding]." % name)
    raise MethodError("Method invocation failed because [System.Text.Encoding] doesn't contain a method "
                      "named '%s'." % name)


# ============================================================== Join-Path / Split-Path

class JoinPath(Cmdlet):
    """Join a path and a child path with one backslash (no file-system access)."""

    name = "Join-Path"
    dotnet_class = "Microsoft.PowerShell.Commands.JoinPathCommand"
    synopsis = "Combines a path and a child path into a single path."
    parameters = (
        Parameter("Path", completing(ListOf(StringType()), complete_paths), position=0,
                  mandatory=True,
                  from_pipeline=True, from_pipeline_by_name=True, aliases=("PSPath",)),
        Parameter("ChildPath", StringType(), position=1, mandatory=True,
                  from_pipeline_by_name=True),
        Parameter("Resolve", SWITCH),
    )

    def process(self, p: Any) -> None:
        child = (p.ChildPath or "").replace("/", "\\")
        for path in p.Path or []:
            parent = path.replace("/", "\\")
            if parent.endswith("\\") or not parent:
                joined = parent + child.lstrip("\\")
            else:
                joined = parent + "\\" + child.lstrip("\\")
            self.write_object(joined)


class SplitPath(Cmdlet):
    """The parent, leaf or drive of a path (no file-system access)."""

    name = "Split-Path"
    dotnet_class = "Microsoft.PowerShell.Commands.SplitPathCommand"
    synopsis = "Returns the specified part of a path."
    parameters = (
        Parameter("Path", completing(ListOf(StringType()), complete_paths), position=0,
                  mandatory=True,
                  from_pipeline=True, from_pipeline_by_name=True, aliases=("PSPath",)),
        Parameter("Parent", SWITCH),
        Parameter("Leaf", SWITCH),
        Parameter("Qualifier", SWITCH),
        Parameter("NoQualifier", SWITCH),
        Parameter("IsAbsolute", SWITCH),
        Parameter("Resolve", SWITCH),
    )

    def process(self, p: Any) -> None:
        for path in p.Path or []:
            text = path.replace("/", "\\")
            qualifier = text[:2] if len(text) >= 2 and text[1] == ":" else ""
            if p.Qualifier:
                self.write_object(qualifier)
            elif p.NoQualifier:
                self.write_object(text[len(qualifier):])
            elif p.IsAbsolute:
                self.write_object(bool(qualifier) and text[2:3] == "\\" or text.startswith("\\\\"))
            elif p.Leaf:
                self.write_object(text.rstrip("\\").rsplit("\\", 1)[-1])
            else:
                stripped = text.rstrip("\\")
                if "\\" not in stripped:
                    self.write_object("")
                    continue
                parent = stripped.rsplit("\\", 1)[0]
                if parent == qualifier:
                    parent += "\\"
                self.write_object(parent)


STATICS.register("System.IO.File", file_static)
STATICS.register("System.Text.Encoding", lambda context, name, args: encoding_static(name, args))
