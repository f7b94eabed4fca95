"""CliXML, PowerShell's serialization format (Export-Clixml / Import-Clixml).

:func:`serialize` turns shell values into the text PowerShell writes; :func:`deserialize`
turns such text (from exshell or from a real PowerShell) back into values.  The
format, as PowerShell 2.0 and 5.1 both write it::

    <Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">
      <Obj RefId="0">
        <TN RefId="0">                         type names, most derived first; a later
          <T>Some.Type</T>                     object of the same types says
          <T>System.Object</T>                 <TNRef RefId="0" />
        </TN>
        <ToString>text</ToString>              what ToString() gave
        <Props>                                adapted (.NET) properties
          <S N="Name">EX01</S>
        </Props>
        <MS>                                   extended (note) properties
          <I32 N="Count">3</I32>
        </MS>
      </Obj>
    </Objs>

Primitives are elements named after their type (``S`` string, ``I32``, ``I64``, ``B``,
``DT``, ``TS``, ``G``, ``Db``, ``D``, ``BA`` base64 bytes, ``Nil``...); collections are
``Obj`` elements holding ``LST``/``IE``/``QUE``/``STK`` (items) or ``DCT`` (``En``
entries with ``Key`` and ``Value``); an object met again is ``<Ref RefId="n" />``.
Strings escape control characters and surrogates as ``_xHHHH_`` (and a literal
``_x`` as ``_x005F_x``).

Depth: top-level objects get the whole depth (Export-Clixml's default is 2); each
level of properties or items one less; at depth 0 an object is written as its
string.  Deserialized objects are property bags (:class:`DeserializedObject`) whose
type names carry the ``Deserialized.`` prefix, except the types PowerShell rebuilds
(primitives, arrays and lists, hashtables, PSCustomObjects keep their own names...).

psrpcore (PyPI) implements this serializer too, for the remoting protocol.  It is
not used here: its values are its own object model (``PSObject``/``PSString``...),
so each direction would need a converter as large as this module; it has no
serialization depth, writes unindented XML, does not add ``Deserialized.`` to type
names, and its SecureStrings are the remoting session's, not Export-Clixml's.

Errors in the input (not XML, not CliXML, truncated, absurd values) raise
:class:`ClixmlError` with a message meant for the user, never another exception.
This module depends on the standard library and ``engine.properties`` only.
"""
from __future__ import annotations

import base64
import binascii
import datetime as _dt
import decimal
import enum
import re
import uuid
from typing import Any, Callable, Dict, List, Optional, Tuple
from xml.parsers import expat

from .properties import NOT_FOUND, PSHashtable, PSObject, get_property, property_names, type_names

__all__ = ["ClixmlError", "DeserializedObject", "SecureStringBlob", "serialize", "deserialize",
           "DEFAULT_DEPTH", "NAMESPACE", "escape_string", "unescape_string"]

NAMESPACE = "http://schemas.microsoft.com/powershell/2004/04"
#: Export-Clixml's default -Depth.
DEFAULT_DEPTH = 2
#: Nesting beyond which an input file is refused (a real file never comes close).
MAX_NESTING = 200


class ClixmlError(Exception):
    """The input is not CliXML this reader understands; the message says why."""

    def __init__(self, message: str, line: Optional[int] = None, dotnet: Optional[str] = None):
        super().__init__(message)
        self.message = message
        self.line = line
        #: What .NET's XmlReader says for the same problem, where it is known
        #: (Import-Clixml shows that; reports show :attr:`message`).
        self.dotnet = dotnet

    def __str__(self) -> str:
        return self.message if self.line is None else "%s (line %d)" % (self.message, self.line)


class DeserializedObject(PSObject):
    """A property bag rebuilt from CliXML: what ``Deserialized.<Type>`` objects are.

    ``ps_to_string`` is the ``<ToString>`` the file recorded (string conversion and
    display use it); ``adapted`` names the properties that came from ``<Props>``
    (the others were note properties); ``base_value`` is the primitive an enum or a
    wrapped primitive carried.
    """

    __slots__ = ("ps_to_string", "adapted", "base_value")

    def __init__(self, properties=(), type_names=("Deserialized.System.Object",),
                 to_string: Optional[str] = None, adapted=(), base_value: Any = None):
        super().__init__(properties, type_names)
        self.ps_to_string = to_string
        self.adapted = tuple(adapted)
        self.base_value = base_value

    def __str__(self) -> str:
        if self.ps_to_string is not None:
            return self.ps_to_string
        return self.type_names[0] if self.type_names else "System.Object"

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "DeserializedObject(%r, %r)" % (self.type_names[:1], self.items())


class SecureStringBlob:
    """An ``<SS>`` value read from a file: the encrypted text, which only the user
    and machine that wrote it could decrypt (DPAPI).  Import-Clixml refuses it."""

    def __init__(self, hex_text: str):
        self.hex_text = hex_text


# ================================================================== strings

_ESCAPE_X = re.compile(r"_(?=[xX][0-9A-Fa-f]{4}_)")
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\U00010000-\U0010ffff]")
_UNESCAPE = re.compile(r"_[xX]([0-9A-Fa-f]{4})_")


def _escape_char(m: "re.Match[str]") -> str:
    ch = m.group(0)
    code = ord(ch)
    if code > 0xFFFF:
        code -= 0x10000
        return "_x%04X__x%04X_" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))
    return "_x%04X_" % code


def escape_string(text: str) -> str:
    """A string as CliXML holds it: ``_x`` before four hex digits and an underscore is
    escaped first (``_x005F_``), then control characters and non-BMP characters."""
    text = _ESCAPE_X.sub("_x005F_", text)
    return _NEEDS_ESCAPE.sub(_escape_char, text)


def unescape_string(text: str) -> str:
    if "_" not in text:
        return text
    units = _UNESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    # Surrogate pairs written as two escapes become one character again.
    return units.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xml_attr(text: str) -> str:
    return _xml_text(text).replace('"', "&quot;")


# ================================================================== scalars

def _format_datetime(value: _dt.datetime) -> str:
    # The emulated machine's clock is UTC and its dates are local ("Kind Local"):
    # XmlConvert's round-trip form then ends with the offset.
    text = "%04d-%02d-%02dT%02d:%02d:%02d" % (value.year, value.month, value.day, value.hour,
                                              value.minute, value.second)
    if value.microsecond:
        text += ("." + "%07d" % (value.microsecond * 10)).rstrip("0")
    if value.tzinfo is None:
        return text + "+00:00"
    off = value.utcoffset() or _dt.timedelta(0)
    if off == _dt.timedelta(0) and value.tzinfo is _dt.timezone.utc:
        return text + "Z"
    minutes = int(off.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return text + "%s%02d:%02d" % (sign, abs(minutes) // 60, abs(minutes) % 60)


_DT_RE = re.compile(r"^\s*(-?\d{4,})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?)?"
                    r"\s*(Z|[+-]\d\d:\d\d)?\s*$")


def _parse_datetime(text: str) -> _dt.datetime:
    """A DT value as the emulated machine (UTC, local kind) reads it: naive, in UTC."""
    m = _DT_RE.match(text)
    if not m:
        raise ValueError("not a date")
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    hour, minute, second = (int(m.group(i) or 0) for i in (4, 5, 6))
    micro = int((m.group(7) or "0")[:6].ljust(6, "0"))
    value = _dt.datetime(year, month, day, hour, minute, second, micro)
    zone = m.group(8)
    if zone and zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        value -= sign * _dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
    return value


def _format_timespan(value: _dt.timedelta) -> str:
    ticks = (value // _dt.timedelta(microseconds=1)) * 10
    sign = "-" if ticks < 0 else ""
    ticks = abs(ticks)
    days, rest = divmod(ticks, 864000000000)
    hours, rest = divmod(rest, 36000000000)
    minutes, rest = divmod(rest, 600000000)
    seconds, fraction = divmod(rest, 10000000)
    out = sign + "P"
    if days:
        out += "%dD" % days
    if hours or minutes or seconds or fraction or not days:
        out += "T"
        if hours:
            out += "%dH" % hours
        if minutes:
            out += "%dM" % minutes
        if seconds or fraction or not (hours or minutes):
            out += str(seconds)
            if fraction:
                out += ("." + "%07d" % fraction).rstrip("0")
            out += "S"
    return out


_TS_RE = re.compile(r"^\s*(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d+))?S)?)?\s*$")


def _parse_timespan(text: str) -> _dt.timedelta:
    m = _TS_RE.match(text)
    if not m or text.strip().rstrip("T").endswith("P"):
        raise ValueError("not a duration")
    days, hours, minutes, seconds = (int(m.group(i) or 0) for i in (2, 3, 4, 5))
    micro = int((m.group(6) or "0")[:6].ljust(6, "0"))
    value = _dt.timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds,
                          microseconds=micro)
    return -value if m.group(1) else value


def _format_double(value: float) -> str:
    from .tostring import format_double_roundtrip   # XmlConvert writes the "R" form
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "INF" if value > 0 else "-INF"
    return format_double_roundtrip(value)


def _parse_double(text: str) -> float:
    t = text.strip()
    special = {"NaN": float("nan"), "INF": float("inf"), "-INF": float("-inf")}
    return special[t] if t in special else float(t)


def _parse_bool(text: str) -> bool:
    t = text.strip().lower()
    if t in ("true", "1"):
        return True
    if t in ("false", "0"):
        return False
    raise ValueError("not a boolean")


def _int_range(lo: int, hi: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        value = int(text.strip())
        if not lo <= value <= hi:
            raise ValueError("out of range")
        return value
    return parse


def _parse_bytes(text: str) -> bytes:
    try:
        return base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("not base64") from None


#: Primitive elements: tag -> (reader, .NET type name).
_PRIMITIVES: Dict[str, Tuple[Callable[[str], Any], str]] = {
    "S": (unescape_string, "System.String"),
    "B": (_parse_bool, "System.Boolean"),
    "By": (_int_range(0, 255), "System.Byte"),
    "SB": (_int_range(-128, 127), "System.SByte"),
    "I16": (_int_range(-2**15, 2**15 - 1), "System.Int16"),
    "U16": (_int_range(0, 2**16 - 1), "System.UInt16"),
    "I32": (_int_range(-2**31, 2**31 - 1), "System.Int32"),
    "U32": (_int_range(0, 2**32 - 1), "System.UInt32"),
    "I64": (_int_range(-2**63, 2**63 - 1), "System.Int64"),
    "U64": (_int_range(0, 2**64 - 1), "System.UInt64"),
    "Db": (_parse_double, "System.Double"),
    "Sg": (_parse_double, "System.Single"),
    "D": (lambda t: decimal.Decimal(t.strip()), "System.Decimal"),
    "DT": (_parse_datetime, "System.DateTime"),
    "TS": (_parse_timespan, "System.TimeSpan"),
    "G": (lambda t: str(uuid.UUID(t.strip())), "System.Guid"),
    "C": (lambda t: chr(_int_range(0, 0xFFFF)(t)), "System.Char"),
    "BA": (_parse_bytes, "System.Byte[]"),
    "URI": (unescape_string, "System.Uri"),
    "Version": (lambda t: t.strip(), "System.Version"),
    "XD": (unescape_string, "System.Xml.XmlDocument"),
    "SBK": (unescape_string, "System.Management.Automation.ScriptBlock"),
    "SS": (lambda t: SecureStringBlob(t.strip()), "System.Security.SecureString"),
}

#: Type names PowerShell rebuilds as themselves (no ``Deserialized.`` prefix).
_REHYDRATED = {
    "System.Collections.Hashtable", "System.Object[]", "System.Collections.ArrayList", "System.Management.Automation.PSObject",
}
_COLLECTIONS = {"LST", "IE", "QUE", "STK"}


# ================================================================== writing

class _Writer:
    def __init__(self, to_string: Callable[[Any], str],
                 transform: Optional[Callable[[Any], Any]] = None):
        self.to_string = to_string
        self.transform = transform
        self.lines: List[str] = []
        self.ref_ids: Dict[int, int] = {}
        self.keep: List[Any] = []       # objects whose id() is in ref_ids stay alive
        self.type_ids: Dict[Tuple[str, ...], int] = {}

    # -- helpers
    def _emit(self, indent: int, text: str) -> None:
        self.lines.append("  " * indent + text)

    @staticmethod
    def _n(name: Optional[str]) -> str:
        return "" if name is None else ' N="%s"' % _xml_attr(escape_string(name))

    def _prim(self, indent: int, tag: str, name: Optional[str], text: str) -> None:
        self._emit(indent, "<%s%s>%s</%s>" % (tag, self._n(name), _xml_text(text), tag))

    def _types(self, indent: int, names: List[str]) -> None:
        key = tuple(names)
        known = self.type_ids.get(key)
        if known is not None:
            self._emit(indent, '<TNRef RefId="%d" />' % known)
            return
        ref = self.type_ids[key] = len(self.type_ids)
        self._emit(indent, '<TN RefId="%d">' % ref)
        for n in names:
            self._emit(indent + 1, "<T>%s</T>" % _xml_text(n))
        self._emit(indent, "</TN>")

    def _open_obj(self, indent: int, name: Optional[str], value: Any) -> bool:
        """Write ``<Obj N RefId>``; False (and a ``<Ref>``) when already written."""
        ref = self.ref_ids.get(id(value))
        if ref is not None:
            self._emit(indent, '<Ref%s RefId="%d" />' % (self._n(name), ref))
            return False
        ref = self.ref_ids[id(value)] = len(self.ref_ids)
        self.keep.append(value)
        self._emit(indent, '<Obj%s RefId="%d">' % (self._n(name), ref))
        return True

    # -- values
    def primitive(self, value: Any) -> Optional[Tuple[str, str]]:
        if isinstance(value, bool):
            return "B", "true" if value else "false"
        if isinstance(value, enum.Enum):
            return None
        if isinstance(value, int):
            if -2**31 <= value < 2**31:
                return "I32", str(value)
            if -2**63 <= value < 2**63:
                return "I64", str(value)
            if 0 <= value < 2**64:
                return "U64", str(value)
            return "D", str(value)
        if isinstance(value, str):
            return "S", escape_string(value)
        if isinstance(value, float):
            return "Db", _format_double(value)
        if isinstance(value, decimal.Decimal):
            return "D", format(value, "f")
        if isinstance(value, _dt.datetime):
            return "DT", _format_datetime(value)
        if isinstance(value, _dt.timedelta):
            return "TS", _format_timespan(value)
        if isinstance(value, (bytes, bytearray)):
            return "BA", base64.b64encode(bytes(value)).decode("ascii")
        return None

    def value(self, indent: int, name: Optional[str], value: Any, depth: int) -> None:
        if self.transform is not None:
            value = self.transform(value)
        if value is None or value is NOT_FOUND:
            self._emit(indent, "<Nil%s />" % self._n(name))
            return
        prim = self.primitive(value)
        if prim is not None:
            self._prim(indent, prim[0], name, prim[1])
            return
        if isinstance(value, SecureStringBlob):
            self._prim(indent, "SS", name, value.hex_text)
            return
        if depth <= 0 and not isinstance(value, enum.Enum):
            # .NET's ToString(), not PowerShell's conversion: an array is its type name.
            text = type_names(value)[0] if isinstance(value, (list, tuple)) else self.to_string(value)
            self._prim(indent, "S", name, escape_string(text))
            return
        if isinstance(value, enum.Enum):
            self.enum(indent, name, value)
        elif isinstance(value, (list, tuple)):
            self.collection(indent, name, value, depth)
        elif isinstance(value, PSHashtable):
            self.dictionary(indent, name, value, depth)
        else:
            self.obj(indent, name, value, depth)

    def enum(self, indent: int, name: Optional[str], value: enum.Enum) -> None:
        if not self._open_obj(indent, name, value):
            return
        self._types(indent + 1, type_names(value))
        self._emit(indent + 1, "<ToString>%s</ToString>" % _xml_text(escape_string(self.to_string(value))))
        self._emit(indent + 1, "<I32>%d</I32>" % int(value.value))
        self._emit(indent, "</Obj>")

    def collection(self, indent: int, name: Optional[str], value: Any, depth: int) -> None:
        if not self._open_obj(indent, name, value):
            return
        self._types(indent + 1, type_names(value))
        if not value:
            self._emit(indent + 1, "<LST />")
        else:
            self._emit(indent + 1, "<LST>")
            for item in value:
                self.value(indent + 2, None, item, depth - 1)
            self._emit(indent + 1, "</LST>")
        self._emit(indent, "</Obj>")

    def dictionary(self, indent: int, name: Optional[str], value: PSHashtable, depth: int) -> None:
        if not self._open_obj(indent, name, value):
            return
        self._types(indent + 1, type_names(value))
        if not len(value):
            self._emit(indent + 1, "<DCT />")
        else:
            self._emit(indent + 1, "<DCT>")
            for k, v in value.items():
                self._emit(indent + 2, "<En>")
                self.value(indent + 3, "Key", k, depth - 1)
                self.value(indent + 3, "Value", v, depth - 1)
                self._emit(indent + 2, "</En>")
            self._emit(indent + 1, "</DCT>")
        self._emit(indent, "</Obj>")

    def obj(self, indent: int, name: Optional[str], value: Any, depth: int) -> None:
        if not self._open_obj(indent, name, value):
            return
        names = type_names(value)
        self._types(indent + 1, names)
        if isinstance(value, DeserializedObject):
            if value.ps_to_string is not None:
                self._emit(indent + 1, "<ToString>%s</ToString>"
                           % _xml_text(escape_string(value.ps_to_string)))
            if value.base_value is not None:
                self.value(indent + 1, None, value.base_value, depth)
            adapted = {a.casefold() for a in value.adapted}
            props = [(n, v) for n, v in value.items() if n.casefold() in adapted]
            notes = [(n, v) for n, v in value.items() if n.casefold() not in adapted]
        elif isinstance(value, PSObject):
            if names and names[0] not in ("System.Management.Automation.PSCustomObject",):
                self._emit(indent + 1, "<ToString>%s</ToString>"
                           % _xml_text(escape_string(self.to_string(value))))
            props, notes = [], value.items()
        else:
            self._emit(indent + 1, "<ToString>%s</ToString>"
                       % _xml_text(escape_string(self.to_string(value))))
            props = []
            for n in property_names(value):
                try:
                    v = get_property(value, n)
                except Exception:  # a property getter that throws is skipped, as in PowerShell
                    continue
                props.append((n, v))
            notes = list(getattr(value, "ps_note_properties", lambda: [])())
        for tag, members in (("Props", props), ("MS", notes)):
            if not members:
                continue
            self._emit(indent + 1, "<%s>" % tag)
            for n, v in members:
                self.value(indent + 2, n, v, depth - 1)
            self._emit(indent + 1, "</%s>" % tag)
        self._emit(indent, "</Obj>")


def serialize(objects: List[Any], *, depth: int = DEFAULT_DEPTH,
              to_string: Optional[Callable[[Any], str]] = None, newline: str = "\r\n",
              transform: Optional[Callable[[Any], Any]] = None) -> str:
    """The CliXML document for ``objects`` (each one a top-level ``Obj``/primitive).
    ``transform`` may replace any value before it is written (SecureStrings...)."""
    if to_string is None:
        from .tostring import to_string as to_string  # noqa: PLW0127
    writer = _Writer(to_string, transform)
    writer._emit(0, '<Objs Version="1.1.0.1" xmlns="%s">' % NAMESPACE)
    for obj in objects:
        writer.value(1, None, obj, max(depth, 0))
    writer._emit(0, "</Objs>")
    return newline.join(writer.lines)


# ================================================================== reading

class _Node:
    __slots__ = ("tag", "attrs", "children", "text", "line")

    def __init__(self, tag: str, attrs: Dict[str, str], line: int):
        self.tag, self.attrs, self.line = tag, attrs, line
        self.children: List["_Node"] = []
        self.text: List[str] = []

    def child(self, tag: str) -> Optional["_Node"]:
        for c in self.children:
            if c.tag == tag:
                return c
        return None

    def content(self) -> str:
        return "".join(self.text)


def _parse_tree(text: str) -> _Node:
    """Parse with expat, refusing DTDs and entities (a hostile file gets no say)."""
    parser = expat.ParserCreate(namespace_separator=None)
    root = _Node("#document", {}, 0)
    stack = [root]

    def start(tag, attrs):
        if len(stack) > MAX_NESTING:
            raise ClixmlError("the file nests objects more deeply than %d levels" % MAX_NESTING,
                              parser.CurrentLineNumber)
        node = _Node(tag, attrs, parser.CurrentLineNumber)
        stack[-1].children.append(node)
        stack.append(node)

    def end(tag):
        stack.pop()

    def chars(data):
        stack[-1].text.append(data)

    def no_dtd(*args):
        raise ClixmlError("the file declares a document type, which CliXML files never do",
                          parser.CurrentLineNumber)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.StartDoctypeDeclHandler = no_dtd
    parser.EntityDeclHandler = no_dtd
    try:
        parser.Parse(text, True)
    except expat.ExpatError as e:
        reason = expat.ErrorString(e.code)
        if reason in ("unclosed token", "no element found"):
            open_tags = [n.tag for n in reversed(stack[1:])]
            raise ClixmlError("the file ends in the middle of the XML (truncated?)", e.lineno,
                              "Unexpected end of file has occurred. The following elements are not "
                              "closed: %s. Line %d, position %d."
                              % (", ".join(open_tags), e.lineno, e.offset + 1)) from None
        raise ClixmlError("the file is not well-formed XML (%s)" % reason, e.lineno) from None
    return root


class _Reader:
    def __init__(self) -> None:
        self.types: Dict[str, List[str]] = {}
        self.objects: Dict[str, Any] = {}

    def fail(self, node: _Node, message: str) -> ClixmlError:
        return ClixmlError(message, node.line)

    def value(self, node: _Node) -> Any:
        tag = node.tag
        if tag == "Nil":
            return None
        if tag in _PRIMITIVES:
            reader, dotnet = _PRIMITIVES[tag]
            try:
                return reader(node.content())
            except (ValueError, ArithmeticError, OverflowError):
                raise self.fail(node, "<%s> does not hold a %s: %r"
                                % (tag, dotnet, node.content()[:40])) from None
        if tag == "Ref":
            ref = node.attrs.get("RefId")
            if ref not in self.objects:
                raise self.fail(node, "<Ref RefId=\"%s\"> names no earlier object" % ref)
            return self.objects[ref]
        if tag == "Obj":
            return self.obj(node)
        raise self.fail(node, "unknown element <%s>" % tag)

    def type_list(self, node: _Node) -> List[str]:
        tn = node.child("TN")
        if tn is not None:
            names = [unescape_string(t.content()) for t in tn.children if t.tag == "T"]
            if "RefId" in tn.attrs:
                self.types[tn.attrs["RefId"]] = names
            return names
        ref = node.child("TNRef")
        if ref is not None:
            names = self.types.get(ref.attrs.get("RefId", ""))
            if names is None:
                raise self.fail(ref, "<TNRef RefId=\"%s\"> names no earlier type list"
                                % ref.attrs.get("RefId"))
            return names
        return []

    def members(self, node: Optional[_Node]) -> List[Tuple[str, Any]]:
        if node is None:
            return []
        out = []
        for c in node.children:
            name = unescape_string(c.attrs.get("N", ""))
            out.append((name, self.value(c)))
        return out

    def obj(self, node: _Node) -> Any:
        names = self.type_list(node)
        ref = node.attrs.get("RefId")
        to_string_node = node.child("ToString")
        to_string = unescape_string(to_string_node.content()) if to_string_node is not None else None
        kinds = [c for c in node.children if c.tag in _COLLECTIONS or c.tag == "DCT"]
        result: Any
        if kinds:
            body = kinds[0]
            if body.tag == "DCT":
                table = PSHashtable()
                if ref is not None:
                    self.objects[ref] = table
                for en in body.children:
                    if en.tag != "En":
                        raise self.fail(en, "<DCT> holds <%s> where <En> was expected" % en.tag)
                    pair = {c.attrs.get("N"): c for c in en.children}
                    if "Key" not in pair:
                        raise self.fail(en, "a dictionary entry has no Key")
                    key = self.value(pair["Key"])
                    if isinstance(key, (list, PSHashtable, PSObject)):
                        key = str(key)
                    table[key] = self.value(pair["Value"]) if "Value" in pair else None
                result = table
            else:
                items: List[Any] = []
                if ref is not None:
                    self.objects[ref] = items
                items.extend(self.value(c) for c in body.children)
                result = items
            extra = self.members(node.child("MS"))
            if extra and isinstance(result, list):
                bag = DeserializedObject(extra, _deserialized(names), to_string)
                bag.base_value = result
                result = bag
            return result
        base = [c for c in node.children if c.tag in _PRIMITIVES or c.tag == "Nil"]
        bag = DeserializedObject((), _deserialized(names), to_string)
        if ref is not None:
            self.objects[ref] = bag
        if base:
            bag.base_value = self.value(base[0])
            if not names and not node.child("MS") and not node.child("Props"):
                return bag.base_value
        adapted = self.members(node.child("Props"))
        notes = self.members(node.child("MS"))
        for n, v in adapted + notes:
            bag.set(n, v)
        bag.adapted = tuple(n for n, _ in adapted)
        if (not adapted and base and names and names[0] in _PRIMITIVE_NAMES):
            # A primitive with note properties: the value itself, as PowerShell rebuilds
            # it (the notes are lost here; exshell's primitives carry none).
            return bag.base_value
        return bag


_PRIMITIVE_NAMES = {dotnet for _, dotnet in _PRIMITIVES.values()}


def _deserialized(names: List[str]) -> List[str]:
    out = []
    for n in names:
        if n in _REHYDRATED or n.startswith("Deserialized.") or n in _PRIMITIVE_NAMES:
            out.append(n)
        else:
            out.append("Deserialized." + n)
    return out or ["Deserialized.System.Object"]


def deserialize(text: str) -> List[Any]:
    """The objects of a CliXML document (a ``#< CLIXML`` prefix line is allowed)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    stripped = text.lstrip()
    if stripped.startswith("#< CLIXML"):
        stripped = stripped[len("#< CLIXML"):]
    if not stripped:
        raise ClixmlError("the file is empty", None, "Root element is missing.")
    if not stripped.startswith("<"):
        raise ClixmlError("the file is not XML", 1, "Data at the root level is invalid. Line 1, position 1.")
    if stripped.startswith("<?xml"):
        # The text is already decoded: a declared encoding would only confuse expat.
        end = stripped.find("?>")
        stripped = stripped[end + 2:].lstrip() if end > 0 else stripped
    root = _parse_tree(stripped)
    if not root.children:
        raise ClixmlError("the file holds no XML element")
    objs = root.children[0]
    if objs.tag != "Objs":
        raise ClixmlError("the file is XML but not CliXML: its root element is <%s>, not <Objs>"
                          % objs.tag, objs.line,
                          "Element 'Objs' with namespace name '%s' was not found. Line %d, position 2."
                          % (NAMESPACE, objs.line))
    if objs.attrs.get("xmlns") not in (None, NAMESPACE):
        raise ClixmlError("the file's <Objs> belongs to another namespace (%s)"
                          % objs.attrs.get("xmlns"), objs.line)
    reader = _Reader()
    return [reader.value(c) for c in objs.children]
