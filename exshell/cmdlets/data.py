"""CSV and JSON: ConvertTo-Csv, Export-Csv, Import-Csv, ConvertFrom-Csv,
ConvertTo-Json and ConvertFrom-Json (the JSON pair exists in PowerShell 3.0+ only).

File access goes through :func:`resolve_path` (one place, so the emulated drive of
issue 4 can replace it) and :func:`write_text`/:func:`read_text`.  Every failure is
reported as a PowerShell error record, never as a Python exception.

Imports the engine only (and ``exshell.profiles``: the JSON pair is a 3.0 cmdlet).
"""
from __future__ import annotations

import datetime as _dt
import decimal
import enum
import json
import re
from typing import Any, List, Optional, Tuple

from ..engine.cmdlet import Cmdlet
from ..profiles import v3_cmdlets
from ..engine.conversion import (OBJECT, SWITCH, ChoiceType, IntType, ListOf, StringType,
                                 to_string)
from ..engine.completion import PATH, complete_paths, completing
from .common import STRINGS, CollectingCmdlet

#: Paths given as names (null elements dropped), completed from the drive.
PATH_STRINGS = completing(STRINGS, complete_paths)
from ..engine.parameters import Parameter
from ..engine.properties import (NOT_FOUND, PSHashtable, PSObject, get_property,
                                 property_names, type_names)

__all__ = ["resolve_path", "write_text", "read_text", "ConvertToCsv", "ExportCsv",
           "ImportCsv", "ConvertFromCsv", "ConvertToJson", "ConvertFromJson", "to_json",
           "ConvertFromStringData",
]

_CMD = "Microsoft.PowerShell.Commands."


# ============================================================================ files

#: Shown when the session has no emulated drive to map paths to.
NO_DRIVE = ("Cannot access '%s': exshell has no file system in this session "
            "(set shell.drive_root to a folder).")
PATH_NOT_FOUND = "Could not find a part of the path '%s'."
FILE_NOT_FOUND = "Could not find file '%s'."


def _drive(cmdlet: Cmdlet) -> Any:
    """The emulated drive the shell registered in the context (None without one)."""
    from ..drive import Drive
    return cmdlet.context.find(Drive)


def resolve_path(cmdlet: Cmdlet, path: str) -> Any:
    """Resolve a Windows-style path on the session's emulated drive (relative paths
    start at the current location): the drive's DrivePath, or a terminating error.
    This is the one place the CSV cmdlets (and Tee-Object) turn paths into files; the
    files are then read and written by the drive only (:func:`read_text`,
    :func:`write_text`)."""
    drive = _drive(cmdlet)
    if drive is None:
        cmdlet.throw_terminating(cmdlet.error_record(
            NO_DRIVE % path, "FileSystemUnavailable", "ResourceUnavailable", target=path,
            exception_type="System.NotSupportedException"))
        return None
    try:
        drive.ensure()
        return drive.resolve(to_string(path), cmdlet.context.location)
    except OSError as e:
        _io_error(cmdlet, path, e, reading=False)
        return None


def _io_error(cmdlet: Cmdlet, path: str, error: OSError, reading: bool) -> None:
    """A drive failure as the terminating error the CSV cmdlets give."""
    kind = getattr(error, "kind", "")
    if kind == "DriveNotFound":
        name = getattr(error, "path", path)
        cmdlet.throw_terminating(cmdlet.error_record(
            "Cannot find drive. A drive with the name '%s' does not exist." % name,
            "DriveNotFound", "ObjectNotFound", target=name,
            exception_type="System.Management.Automation.DriveNotFoundException"))
    if kind == "PathNotFound" and reading:
        cmdlet.throw_terminating(cmdlet.error_record(
            FILE_NOT_FOUND % path, "FileNotFoundException", "OpenError", target=path,
            exception_type="System.IO.FileNotFoundException"))
    if kind in ("PathNotFound", "ParentNotFound"):
        cmdlet.throw_terminating(cmdlet.error_record(
            PATH_NOT_FOUND % path, "DirectoryNotFoundException", "OpenError", target=path,
            exception_type="System.IO.DirectoryNotFoundException"))
    if kind in ("InvalidPath", "NotSupported", "Device", "PathTooLong"):
        from .filesystem import drive_error_record
        cmdlet.throw_terminating(drive_error_record(cmdlet, error, str(path)))
    cmdlet.throw_terminating(cmdlet.error_record(
        "Access to the path '%s' is denied." % path, "UnauthorizedAccessException",
        "OpenError", target=path, exception_type="System.UnauthorizedAccessException"))


#: -Encoding names to Python codecs ("Unicode" is UTF-16 LE with a BOM, .NET style).
ENCODINGS = {"Unicode": "utf-16", "UTF7": "utf-7", "UTF8": "utf-8-sig", "UTF32": "utf-32",
             "ASCII": "ascii", "BigEndianUnicode": "utf-16-be", "Default": "cp1252",
             "OEM": "cp437"}


def write_text(cmdlet: Cmdlet, path: Any, text: str, append: bool = False,
               encoding: str = "ascii", shown: Optional[str] = None) -> None:
    """Write (or append) ``text`` to the DrivePath ``path`` through the drive."""
    try:
        if append:
            st = path.lstat()
            if st is not None and st.st_size > 0:     # no second BOM in the middle
                encoding = {"utf-16": "utf-16-le", "utf-8-sig": "utf-8",
                            "utf-32": "utf-32-le"}.get(encoding, encoding)
        data = text.encode(encoding, errors="replace")
        drive = _drive(cmdlet)
        drive.ensure_parent(path)
        drive.write_bytes(path, data, append=append)
    except OSError as e:
        _io_error(cmdlet, shown or path.text, e, reading=False)


def read_text(cmdlet: Cmdlet, path: Any, shown: Optional[str] = None) -> Optional[str]:
    """The text of the DrivePath ``path`` (a BOM picks the encoding, else UTF-8)."""
    try:
        raw = _drive(cmdlet).read_bytes(path)
    except OSError as e:
        _io_error(cmdlet, shown or path.text, e, reading=True)
        return None
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace")
    return raw.decode("utf-8", errors="replace")


# ============================================================================== CSV

def _csv_cell(value: Any) -> Optional[str]:
    """A property value as Export-Csv writes it (the value's ToString())."""
    if value is None or value is NOT_FOUND:
        return None
    if isinstance(value, (list, tuple)):
        return "System.Object[]"
    if isinstance(value, _dt.datetime):
        from ..engine.dotnet import format_date
        return format_date(value, None)  # current culture (en-US), as ToString() does
    if isinstance(value, (PSHashtable, PSObject)) or getattr(value, "PS_PROPERTIES", None) is not None:
        if isinstance(value, PSObject):
            return to_string(value)
        names = type_names(value)
        text = str(value)
        return text if type(value).__str__ is not object.__str__ else names[0]
    return to_string(value)


def _quote(text: Optional[str], delimiter: str) -> str:
    if text is None:
        return ""
    return '"' + text.replace('"', '""') + '"'


def _csv_type_line(obj: Any) -> str:
    names = type_names(obj)
    return "#TYPE " + (names[0] if names else "System.Object")


class _CsvWriter:
    """Turns objects into CSV lines; the first object fixes the columns."""

    def __init__(self, delimiter: str, type_information: bool):
        self.delimiter = delimiter
        self.type_information = type_information
        self.columns: Optional[List[str]] = None

    def lines(self, obj: Any, header: bool = True) -> List[str]:
        out: List[str] = []
        if self.columns is None:
            self.columns = property_names(obj) if not isinstance(obj, str) else ["Length"]
            if isinstance(obj, PSHashtable):
                self.columns = ["IsReadOnly", "IsFixedSize", "IsSynchronized", "Keys", "Values",
                                "SyncRoot", "Count"]
            if header:
                if self.type_information:
                    out.append(_csv_type_line(obj))
                out.append(self.delimiter.join(_quote(c, self.delimiter) for c in self.columns))
        cells = []
        for c in self.columns:
            v = get_property(obj, c)
            cells.append(_quote(_csv_cell(v), self.delimiter))
        out.append(self.delimiter.join(cells))
        return out


def _delimiter(cmdlet: Cmdlet, p: Any) -> str:
    if p.UseCulture:
        return ","  # en-US list separator
    d = p.Delimiter
    return "," if d is None or d == "" else d[0]


def _csv_params(extra: Tuple[Parameter, ...] = ()) -> Tuple[Parameter, ...]:
    return extra + (
        Parameter("InputObject", OBJECT, mandatory=True, from_pipeline=True),
        Parameter("Delimiter", StringType("System.Char"), position=1, sets=("Delimiter",)),
        Parameter("UseCulture", SWITCH, sets=("UseCulture",)),
        Parameter("NoTypeInformation", SWITCH, aliases=("NTI",)),
    )


class ConvertToCsv(Cmdlet):
    """Objects to CSV strings (one string per line)."""

    name = "ConvertTo-Csv"
    dotnet_class = _CMD + "ConvertToCsvCommand"
    synopsis = "Converts objects into a series of comma-separated value (CSV) strings."
    default_set = "Delimiter"
    parameters = _csv_params()

    def begin(self) -> None:
        self.writer: Optional[_CsvWriter] = None

    def process(self, p: Any) -> None:
        if self.writer is None:
            self.writer = _CsvWriter(_delimiter(self, p), not p.NoTypeInformation)
        if p.InputObject is None:
            return
        for line in self.writer.lines(p.InputObject):
            self.write_object(line)


class ExportCsv(Cmdlet):
    """Objects to a CSV file."""

    name = "Export-Csv"
    aliases = ("epcsv",)
    dotnet_class = _CMD + "ExportCsvCommand"
    synopsis = "Converts objects into a series of CSV strings and saves them in a file."
    default_set = "Delimiter"
    supports_should_process = True
    parameters = (
        Parameter("Path", PATH, position=0, mandatory=True),
        Parameter("Force", SWITCH),
        Parameter("NoClobber", SWITCH, aliases=("NoOverwrite",)),
        Parameter("Encoding", ChoiceType(tuple(ENCODINGS))),
        Parameter("Append", SWITCH, available=v3_cmdlets),
    ) + _csv_params()

    def begin(self) -> None:
        self.writer: Optional[_CsvWriter] = None
        self.lines: List[str] = []
        self.params: Any = None

    def process(self, p: Any) -> None:
        if self.params is None:
            self.params = p
            self.path = resolve_path(self, p.Path)
            st = self.path.lstat() if self.path is not None else None
            self.append_existing = bool(p.Append) and st is not None and st.st_size > 0
            if p.NoClobber and not p.Append and st is not None:
                self.throw_terminating(self.error_record(
                    "The file '%s' already exists." % p.Path, "NoClobber", "ResourceExists",
                    target=p.Path, exception_type="System.IO.IOException"))
            self.writer = _CsvWriter(_delimiter(self, p), not p.NoTypeInformation)
            if self.append_existing:
                existing = read_text(self, self.path, p.Path) or ""
                header = [l for l in existing.splitlines() if l and not l.startswith("#")]
                if header:
                    self.writer.columns = [c.strip('"') for c in header[0].split(self.writer.delimiter)]
        if p.InputObject is None or self.writer is None:
            return
        self.lines.extend(self.writer.lines(p.InputObject))

    def end(self) -> None:
        p = self.params
        if p is None or self.path is None:
            return
        if not self.should_process("", target=p.Path, action="Export-Csv"):
            return
        encoding = ENCODINGS.get(p.Encoding or "ASCII", "ascii")
        if self.append_existing and encoding in ("utf-8-sig", "utf-16"):
            encoding = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le"}[encoding]
        write_text(self, self.path, "".join(l + "\r\n" for l in self.lines),
                   append=self.append_existing, encoding=encoding, shown=p.Path)


def _split_csv_line(line: str, delimiter: str) -> List[Optional[str]]:
    """One CSV record: quoted fields may hold delimiters and doubled quotes."""
    cells: List[Optional[str]] = []
    i, n = 0, len(line)
    while True:
        if i < n and line[i] == '"':
            i += 1
            buf = []
            while i < n:
                if line[i] == '"':
                    if i + 1 < n and line[i + 1] == '"':
                        buf.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                buf.append(line[i])
                i += 1
            # text after the closing quote up to the delimiter is kept, as .NET does
            j = line.find(delimiter, i)
            if j < 0:
                buf.append(line[i:])
                cells.append("".join(buf))
                return cells
            buf.append(line[i:j])
            cells.append("".join(buf))
            i = j + 1
        else:
            j = line.find(delimiter, i)
            if j < 0:
                cells.append(line[i:])
                return cells
            cells.append(line[i:j])
            i = j + 1


def _records(text: str) -> List[str]:
    """Split CSV text into records, keeping newlines inside quoted fields."""
    out: List[str] = []
    buf: List[str] = []
    quoted = False
    for ch in text.replace("\r\n", "\n").replace("\r", "\n"):
        if ch == '"':
            quoted = not quoted
        if ch == "\n" and not quoted:
            out.append("".join(buf))
            buf = []
            continue
        buf.append(ch)
    if buf:
        out.append("".join(buf))
    return out


class _CsvReader:
    def __init__(self, delimiter: str, header: Optional[List[str]]):
        self.delimiter = delimiter
        self.header = header
        self.type_name: Optional[str] = None

    def objects(self, lines: List[str]) -> List[PSObject]:
        out: List[PSObject] = []
        for line in lines:
            if self.header is None and self.type_name is None and line.startswith("#TYPE "):
                self.type_name = line[6:].strip()
                continue
            if line.strip() == "":
                continue
            cells = _split_csv_line(line, self.delimiter)
            if self.header is None:
                self.header = [c if c else "H%d" % (i + 1) for i, c in enumerate(cells)]
                continue
            names = ["CSV:" + self.type_name] if self.type_name else []
            obj = PSObject(type_names=names + ["System.Management.Automation.PSCustomObject",
                                               "System.Object"])
            for i, col in enumerate(self.header):
                obj.set(col, cells[i] if i < len(cells) else None)
            out.append(obj)
        return out


class ImportCsv(Cmdlet):
    """Read a CSV file into objects with string properties."""

    name = "Import-Csv"
    aliases = ("ipcsv",)
    dotnet_class = _CMD + "ImportCsvCommand"
    synopsis = "Creates table-like custom objects from the items in a CSV file."
    default_set = "Delimiter"
    parameters = (
        Parameter("Path", PATH_STRINGS, position=0, mandatory=True,
                  from_pipeline=True, aliases=("PSPath",)),
        Parameter("Delimiter", StringType("System.Char"), position=1, sets=("Delimiter",)),
        Parameter("UseCulture", SWITCH, sets=("UseCulture",)),
        Parameter("Header", STRINGS),
        Parameter("Encoding", ChoiceType(tuple(ENCODINGS)), available=v3_cmdlets),
    )

    def process(self, p: Any) -> None:
        delimiter = _delimiter(self, p)
        for path in p.Path or []:
            real = resolve_path(self, path)
            if real is None:
                return
            text = read_text(self, real, path)
            if text is None:
                return
            reader = _CsvReader(delimiter, list(p.Header) if p.Header else None)
            for obj in reader.objects(_records(text)):
                self.write_object(obj)


class ConvertFromCsv(Cmdlet):
    """CSV strings to objects."""

    name = "ConvertFrom-Csv"
    dotnet_class = _CMD + "ConvertFromCsvCommand"
    synopsis = "Converts object properties in CSV format into CSV versions of the original objects."
    default_set = "Delimiter"
    parameters = (
        Parameter("InputObject", ListOf(StringType("System.Management.Automation.PSObject")),
                  position=0, mandatory=True, from_pipeline=True),
        Parameter("Delimiter", StringType("System.Char"), position=1, sets=("Delimiter",)),
        Parameter("UseCulture", SWITCH, sets=("UseCulture",)),
        Parameter("Header", STRINGS),
    )

    def begin(self) -> None:
        self.reader: Optional[_CsvReader] = None

    def process(self, p: Any) -> None:
        if self.reader is None:
            self.reader = _CsvReader(_delimiter(self, p), list(p.Header) if p.Header else None)
        lines: List[str] = []
        for item in p.InputObject or []:
            lines.extend(_records(to_string(item)))
        for obj in self.reader.objects(lines):
            self.write_object(obj)


# ===================================================================== StringData

def _unescape(text: str) -> str:
    """Regex.Unescape, as ConvertFrom-StringData applies it to each value."""
    escapes = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b",
               "0": "\0"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), text)


class ConvertFromStringData(Cmdlet):
    """``name = value`` lines to a hashtable (one per input string)."""

    name = "ConvertFrom-StringData"
    dotnet_class = _CMD + "ConvertFromStringDataCommand"
    synopsis = "Converts a string containing one or more key and value pairs to a hash table."
    parameters = (
        Parameter("StringData", StringType(), position=0, mandatory=True, from_pipeline=True),
    )

    def process(self, p: Any) -> None:
        table = PSHashtable()
        for raw in (p.StringData or "").split("\n"):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if "=" not in line:
                self.throw_terminating(self.error_record(
                    "Data line '%s' is not in 'name=value' format." % line,
                    "InvalidOperation", "InvalidOperation", target=line,
                    exception_type="System.Management.Automation.PSInvalidOperationException"))
                return
            key, _, value = line.partition("=")
            key = _unescape(key.strip())
            if key in table:
                self.throw_terminating(self.error_record(
                    "Data item '%s' in line '%s' is already defined." % (key, line),
                    "InvalidOperation", "InvalidOperation", target=line,
                    exception_type="System.Management.Automation.PSInvalidOperationException"))
                return
            table[key] = _unescape(value.strip())
        self.write_object(table)


# ============================================================================= JSON

_EPOCH = _dt.datetime(1970, 1, 1)


def _json_date(value: _dt.datetime) -> str:
    # Whole milliseconds, truncated as .NET's tick division does (MaxValue is ...799999).
    ms = (value - _EPOCH) // _dt.timedelta(milliseconds=1)
    return "\\/Date(%d)\\/" % ms


def _json_string(text: str) -> str:
    # JavaScriptSerializer (5.1) escapes <, >, ' and & as \u00XX.
    body = json.dumps(text, ensure_ascii=False)[1:-1]
    for ch in "<>'&":
        body = body.replace(ch, "\\u%04x" % ord(ch))
    return '"' + body + '"'


class _Raw(str):
    """Already-serialised JSON text (a date literal)."""


class _Obj(list):
    """A JSON object as a list of (name, value) pairs (keeps the property order)."""


def _to_tree(value: Any, depth: int, max_depth: int) -> Any:
    """A value as nested dict/list/scalars, cutting at ``max_depth`` (deeper objects
    become their string form, as ConvertTo-Json does)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, enum.Enum):
        return value.value if isinstance(value.value, int) else str(value)
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, _dt.datetime):
        return _Raw('"' + _json_date(value) + '"')
    if isinstance(value, bytes):
        value = list(value)
    if isinstance(value, (list, tuple)):
        if depth > max_depth:
            return to_string(value)
        return [_to_tree(v, depth + 1, max_depth) for v in value]
    if depth > max_depth:
        return to_string(value) if not isinstance(value, PSHashtable) else "System.Collections.Hashtable"
    if isinstance(value, PSHashtable):
        return _Obj((to_string(k), _to_tree(v, depth + 1, max_depth)) for k, v in value.items())
    names = property_names(value)
    return _Obj((n, _to_tree(get_property(value, n), depth + 1, max_depth)) for n in names)


def _dump(tree: Any, compress: bool, column: int = 0) -> str:
    """Serialise in 5.1's layout: members indented 4 from the column where their
    container opened, ``"key":  value`` with two spaces."""
    if tree is None:
        return "null"
    if isinstance(tree, _Raw):
        return str(tree)
    if isinstance(tree, bool):
        return "true" if tree else "false"
    if isinstance(tree, str):
        return _json_string(tree)
    if isinstance(tree, float):
        from ..engine.tostring import format_double_roundtrip
        return format_double_roundtrip(tree)  # the serialiser writes doubles with "R"
    if isinstance(tree, int):
        return str(tree)
    is_object = isinstance(tree, _Obj)
    opener, closer = ("{", "}") if is_object else ("[", "]")
    if compress:
        if is_object:
            return "{" + ",".join(_json_string(k) + ":" + _dump(v, True) for k, v in tree) + "}"
        return "[" + ",".join(_dump(v, True) for v in tree) + "]"
    inner = column + 4
    pad = " " * inner
    if not tree:
        return opener + "\r\n\r\n" + " " * column + closer
    parts = []
    for item in tree:
        if is_object:
            key = _json_string(item[0]) + ":  "
            parts.append(pad + key + _dump(item[1], False, inner + len(key)))
        else:
            parts.append(pad + _dump(item, False, inner))
    return opener + "\r\n" + ",\r\n".join(parts) + "\r\n" + " " * column + closer


def to_json(value: Any, depth: int = 2, compress: bool = False) -> str:
    """ConvertTo-Json's text for ``value`` (lines joined with CRLF, as 5.1 does)."""
    return _dump(_to_tree(value, 0, depth), compress)


class ConvertToJson(CollectingCmdlet):
    """Objects to JSON text (PowerShell 3.0+)."""

    name = "ConvertTo-Json"
    dotnet_class = _CMD + "ConvertToJsonCommand"
    synopsis = "Converts an object to a JSON-formatted string."
    available = v3_cmdlets
    parameters = (
        Parameter("InputObject", OBJECT, position=0, mandatory=True, from_pipeline=True),
        Parameter("Depth", IntType()),
        Parameter("Compress", SWITCH),
    )

    def end(self) -> None:
        p = self.params
        if p is None or not self.items:
            return
        value = self.items[0] if len(self.items) == 1 else list(self.items)
        depth = p.Depth if p.Depth is not None else 2
        text = to_json(value, depth, bool(p.Compress))
        self.write_object(text.replace("\r\n", "\n"))


INVALID_JSON = "Invalid JSON primitive: %s."


def _from_json(value: Any) -> Any:
    if isinstance(value, dict):
        return PSObject([(k, _from_json(v)) for k, v in value.items()])
    if isinstance(value, list):
        return [_from_json(v) for v in value]
    if isinstance(value, str) and value.startswith("/Date(") and value.endswith(")/"):
        m = _JSON_DATE.fullmatch(value)
        if m is None:
            return value
        try:
            return _EPOCH + _dt.timedelta(milliseconds=int(m.group(1)))
        except OverflowError:
            raise _JsonTicksError()
    return value


_JSON_DATE = re.compile(r"/Date\((-?\d{1,20})(?:[+-]\d{4})?\)/")


class _JsonTicksError(ValueError):
    """A /Date(ms)/ outside DateTime's range: .NET's DateTime constructor throws."""

    MESSAGE = ("Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks."
               "\r\nParameter name: ticks")


def _reject_constant(name: str) -> Any:
    raise ValueError(name)  # NaN, Infinity: not JSON


#: JavaScriptSerializer's RecursionLimit (what ConvertFrom-Json uses in 5.1).
_JSON_RECURSION_LIMIT = 100


def _json_depth(text: str) -> int:
    """How deep arrays and objects nest in ``text`` (brackets inside strings aside),
    read as the serializer reads it: the depth reached before any error."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


class ConvertFromJson(Cmdlet):
    """JSON text to objects (PowerShell 3.0+; a JSON array comes out as one object)."""

    name = "ConvertFrom-Json"
    dotnet_class = _CMD + "ConvertFromJsonCommand"
    synopsis = "Converts a JSON-formatted string to a custom object."
    available = v3_cmdlets
    parameters = (
        Parameter("InputObject", StringType(), position=0, mandatory=True, from_pipeline=True),
    )

    def begin(self) -> None:
        self.parts: List[str] = []

    def process(self, p: Any) -> None:
        if p.InputObject is not None:
            self.parts.append(p.InputObject)

    def end(self) -> None:
        text = "\n".join(self.parts)
        if not text.strip():
            return
        try:
            if _json_depth(text) > _JSON_RECURSION_LIMIT:
                raise RecursionError
            data = json.loads(text, object_pairs_hook=lambda pairs: dict(pairs),
                              parse_constant=_reject_constant)
        except RecursionError:
            self.throw_terminating(self.error_record(
                "RecursionLimit exceeded.", "System.ArgumentException", "NotSpecified",
                target=text, exception_type="System.ArgumentException"))
            return
        except ValueError:
            token = text.strip().split()[0] if text.strip() else text
            self.throw_terminating(self.error_record(
                INVALID_JSON % token, "System.ArgumentException", "NotSpecified",
                target=text, exception_type="System.ArgumentException"))
            return
        try:
            value = _from_json(data)
        except _JsonTicksError:
            self.throw_terminating(self.error_record(
                _JsonTicksError.MESSAGE, "System.ArgumentOutOfRangeException", "NotSpecified",
                target=text, exception_type="System.ArgumentOutOfRangeException"))
            return
        except RecursionError:
            self.throw_terminating(self.error_record(
                "RecursionLimit exceeded.", "System.ArgumentException", "NotSpecified",
                target=text, exception_type="System.ArgumentException"))
            return
        # Windows PowerShell writes a top-level array as one object.
        self.write_object(value)
