"""Export-Clixml, Import-Clixml and ConvertTo-Xml: PowerShell's object files.

The format is :mod:`exshell.engine.clixml`; this module adds the files (through the
emulated drive), the parameters of each PowerShell version and the errors.

* ``Export-Clixml`` writes UTF-16 with a byte-order mark by default (``-Encoding``
  takes the usual names), CRLF line ends, ``-Depth`` 2 by default; ``-NoClobber``
  refuses an existing file, a read-only file needs ``-Force``.  ``-LiteralPath``
  exists from PowerShell 3.0 (Exchange 2013) on.
* ``Import-Clixml`` gives ``Deserialized.<Type>`` property bags; a file that is not
  CliXML, is truncated or holds nonsense is an error naming the line, and nothing is
  written.  A SecureString can only be read back on the machine and account that
  wrote it (Windows DPAPI): exshell reads the ones it wrote and refuses any other
  with .NET's "Key not valid for use in specified state."
* ``ConvertTo-Xml`` (``-As String|Document|Stream``, ``-Depth``, ``-NoTypeInformation``)
  writes the simpler ``<Objects><Object Type=...>`` form.
"""
from __future__ import annotations

import binascii
from typing import Any, List, Optional

from ..engine.clixml import ClixmlError, SecureStringBlob, deserialize, serialize
from ..engine.cmdlet import Cmdlet
from ..engine.completion import PATH
from ..engine.conversion import OBJECT, SWITCH, ChoiceType, IntType
from ..engine.parameters import Parameter
from ..engine.properties import PSHashtable, PSObject, get_property, property_names, type_names
from ..engine.tostring import to_string
from ..profiles import v3_cmdlets
from .filesystem import decode_text, read_file, resolve, write_file
from .data import PATH_STRINGS
from .types import SecureString

__all__ = ["ExportClixml", "ImportClixml", "ConvertToXml", "clixml_text"]

_CMD = "Microsoft.PowerShell.Commands."
#: Export-Clixml's -Encoding names (PowerShell 2.0 and 5.1 alike) -> Python codecs.
CLIXML_ENCODINGS = {"Unicode": "utf-16", "UTF7": "utf-7", "UTF8": "utf-8-sig", "UTF32": "utf-32",
                    "ASCII": "ascii", "BigEndianUnicode": "utf-16", "Default": "cp1252",
                    "OEM": "cp437"}
_BOMS = {"BigEndianUnicode": b"\xfe\xff"}

#: The start of every DPAPI blob (version 1, the DPAPI provider's GUID), as
#: ConvertFrom-SecureString and Export-Clixml write them.  exshell's own blobs then
#: carry this marker, so it knows which ones "this machine" wrote.
_DPAPI_HEADER = "01000000d08c9ddf0115d1118c7a00c04fc297eb"
_EXSHELL_MARK = "65787368656c6c"          # "exshell"
KEY_NOT_VALID = "Key not valid for use in specified state."


def _protect(secret: SecureString) -> SecureStringBlob:
    data = secret.plain_text().encode("utf-16-le")
    return SecureStringBlob(_DPAPI_HEADER + _EXSHELL_MARK + binascii.hexlify(data).decode("ascii"))


def _unprotect(blob: SecureStringBlob) -> Optional[SecureString]:
    text = blob.hex_text.lower()
    prefix = _DPAPI_HEADER + _EXSHELL_MARK
    if not text.startswith(prefix):
        return None
    try:
        return SecureString(binascii.unhexlify(text[len(prefix):]).decode("utf-16-le"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None


def _prepare(value: Any) -> Any:
    """SecureStrings become their protected form before serialization."""
    if isinstance(value, SecureString):
        return _protect(value)
    return value


def clixml_text(objects: List[Any], depth: int = 2) -> str:
    """The document Export-Clixml writes for ``objects`` (SecureStrings protected)."""
    return serialize(objects, depth=depth, to_string=to_string, transform=_prepare)


def _decode(data: bytes) -> str:
    """A CliXML file's text: its byte-order mark decides (UTF-32 before UTF-16, whose
    mark starts the same way), else UTF-8, as .NET's XmlReader does."""
    if data.startswith(b"\xff\xfe\x00\x00"):
        return data[4:].decode("utf-32-le", "replace")
    if data.startswith(b"\x00\x00\xfe\xff"):
        return data[4:].decode("utf-32-be", "replace")
    return decode_text(data, "UTF8")


def _restore(value: Any) -> Any:
    """SecureStrings exshell wrote come back; others raise ``KeyError``."""
    if isinstance(value, SecureStringBlob):
        secret = _unprotect(value)
        if secret is None:
            raise KeyError(KEY_NOT_VALID)
        return secret
    if isinstance(value, list):
        for i, item in enumerate(value):
            value[i] = _restore(item)
    elif isinstance(value, PSObject):
        for name, item in value.items():
            if isinstance(item, (SecureStringBlob, list, PSObject, PSHashtable)):
                value.set(name, _restore(item))
    elif isinstance(value, PSHashtable):
        for k, item in value.items():
            if isinstance(item, (SecureStringBlob, list, PSObject, PSHashtable)):
                value[k] = _restore(item)
    return value


class ExportClixml(Cmdlet):
    """Serialize objects to a CliXML file."""

    name = "Export-Clixml"
    dotnet_class = _CMD + "ExportClixmlCommand"
    synopsis = "Creates an XML-based representation of an object or objects and stores it in a file."
    supports_should_process = True
    default_set = "ByPath"
    parameters = (
        Parameter("Path", PATH, position=0, mandatory=True, sets=("ByPath",)),
        Parameter("LiteralPath", PATH, mandatory=True, sets=("ByLiteralPath",),
                  aliases=("PSPath",), available=v3_cmdlets),
        Parameter("Depth", IntType()),
        Parameter("InputObject", OBJECT, mandatory=True, from_pipeline=True),
        Parameter("Force", SWITCH),
        Parameter("NoClobber", SWITCH, aliases=("NoOverwrite",)),
        Parameter("Encoding", ChoiceType(tuple(CLIXML_ENCODINGS), "System.String")),
    )

    def begin(self) -> None:
        self.items: List[Any] = []
        self.params: Any = None

    def process(self, p: Any) -> None:
        self.params = p
        self.items.append(p.InputObject)

    def end(self) -> None:
        p = self.params
        if p is None:
            return
        shown = p.LiteralPath if p.LiteralPath is not None else p.Path
        depth = 2 if p.Depth is None else p.Depth
        if depth < 1:
            self.throw_terminating(self.error_record(
                "Cannot validate argument on parameter 'Depth'. The %d argument is less than the "
                "minimum allowed range of 1. Supply an argument that is greater than or equal to 1 "
                "and then try the command again." % depth, "ParameterArgumentValidationError",
                "InvalidData", target=depth,
                exception_type="System.Management.Automation.ParameterBindingValidationException"))
        target = resolve(self, shown)
        if target is None:
            return
        if p.NoClobber and target.exists:
            self.throw_terminating(self.error_record(
                "The file '%s' already exists." % target.text, "NoClobber", "ResourceExists", target=target.text,
                exception_type="System.IO.IOException"))
        if not self.should_process("", target=target.text, action="Export-Clixml"):
            return
        encoding = p.Encoding or "Unicode"
        text = clixml_text(self.items, depth)
        data = _BOMS.get(encoding, b"") + text.encode(
            "utf-16-be" if encoding == "BigEndianUnicode" else CLIXML_ENCODINGS[encoding], "replace")
        write_file(self, shown, data, p=target)


class ImportClixml(Cmdlet):
    """Read a CliXML file back into (deserialized) objects."""

    name = "Import-Clixml"
    dotnet_class = _CMD + "ImportClixmlCommand"
    synopsis = "Imports a CLIXML file and creates corresponding objects in PowerShell."
    default_set = "ByPath"
    parameters = (
        Parameter("Path", PATH_STRINGS, position=0, mandatory=True, from_pipeline_by_name=True,
                  sets=("ByPath",)),
        Parameter("LiteralPath", PATH_STRINGS, mandatory=True, from_pipeline_by_name=True,
                  sets=("ByLiteralPath",), aliases=("PSPath",), available=v3_cmdlets),
        Parameter("First", IntType("System.UInt64"), available=v3_cmdlets),
        Parameter("Skip", IntType("System.UInt64"), available=v3_cmdlets),
        Parameter("IncludeTotalCount", SWITCH, available=v3_cmdlets),
    )

    def process(self, p: Any) -> None:
        for path in (p.LiteralPath if p.LiteralPath is not None else p.Path) or []:
            data = read_file(self, path)
            if data is None:
                continue
            try:
                objects = deserialize(_decode(data))
                objects = [_restore(o) for o in objects]
            except ClixmlError as e:
                self.write_error(self.error_record(
                    e.dotnet or str(e), "System.Xml.XmlException", "NotSpecified",
                    exception_type="System.Xml.XmlException"))
                continue
            except KeyError:
                self.write_error(self.error_record(
                    KEY_NOT_VALID, "System.Security.Cryptography.CryptographicException",
                    "NotSpecified",
                    exception_type="System.Security.Cryptography.CryptographicException"))
                continue
            skip = p.Skip or 0
            objects = objects[skip:]
            if p.First is not None:
                objects = objects[:p.First]
            if p.IncludeTotalCount:
                self.write_object("Unknown total count")   # as PowerShell's Import-Clixml says
            for obj in objects:
                self.write_object(obj)


class ConvertToXml(Cmdlet):
    """Objects to the simple XML form (``<Objects><Object Type=...>``)."""

    name = "ConvertTo-Xml"
    dotnet_class = _CMD + "ConvertToXmlCommand"
    synopsis = "Creates an XML-based representation of an object."
    parameters = (
        Parameter("InputObject", OBJECT, position=0, mandatory=True, from_pipeline=True),
        Parameter("Depth", IntType()),
        Parameter("NoTypeInformation", SWITCH),
        Parameter("As", ChoiceType(("Stream", "String", "Document"), "System.String")),
    )

    def begin(self) -> None:
        self.items: List[Any] = []
        self.params: Any = None

    def process(self, p: Any) -> None:
        self.params = p
        if (p.As or "Document") == "Stream":
            self.write_object(self._document([p.InputObject], p, stream=True))
        else:
            self.items.append(p.InputObject)

    def end(self) -> None:
        p = self.params
        if p is None or (p.As or "Document") == "Stream":
            return
        # -As Document gives an XmlDocument; exshell hands out its text (what
        # $doc.OuterXml would show), the closest of its values.
        self.write_object(self._document(self.items, p, stream=False))

    def _document(self, items: List[Any], p: Any, stream: bool) -> str:
        depth = 1 if p.Depth is None else max(p.Depth, 0)
        lines = ['<?xml version="1.0" encoding="utf-8"?>', "<Objects>"]
        for item in items:
            lines.extend(_xml_object(item, "Object", None, depth, not p.NoTypeInformation, 1))
        lines.append("</Objects>")
        return "\r\n".join(lines)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _xml_object(value: Any, tag: str, name: Optional[str], depth: int, types: bool,
                indent: int) -> List[str]:
    pad = "  " * indent
    attrs = ""
    if name is not None:
        attrs += ' Name="%s"' % _esc(name)
    if types and value is not None:
        attrs += ' Type="%s"' % _esc(type_names(value)[0])
    if value is None:
        return [pad + "<%s%s />" % (tag, attrs)]
    simple = isinstance(value, (str, int, float, bool, bytes)) or not property_names(value) \
        or depth <= 0
    if isinstance(value, (list, tuple)) and depth > 0:
        out = [pad + "<%s%s>" % (tag, attrs)]
        for item in value:
            out.extend(_xml_object(item, "Property", None, depth - 1, types, indent + 1))
        return out + [pad + "</%s>" % tag]
    if simple:
        return [pad + "<%s%s>%s</%s>" % (tag, attrs, _esc(to_string(value)), tag)]
    out = [pad + "<%s%s>" % (tag, attrs)]
    for n in property_names(value):
        out.extend(_xml_object(get_property(value, n), "Property", n, depth - 1, types, indent + 1))
    return out + [pad + "</%s>" % tag]
