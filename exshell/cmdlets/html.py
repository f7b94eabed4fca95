"""ConvertTo-Html: objects to the lines of an XHTML page (or a table fragment), as the
report scripts admins mail to themselves build them.

The output is the real cmdlet's, line by line: the Strict XHTML 1.0 DOCTYPE, ``<html
xmlns=...>``, ``<head>`` with the title (or the -Head lines), the stylesheet link of
-CssUri, ``</head><body>``, -Body, -PreContent, ``<table>``, the column group, a header
row from the FIRST object's properties, a row per object, ``</table>``, -PostContent,
``</body></html>``.  Values are HTML-encoded; names, the title and the content
parameters are written as given.  With ``-As List`` each object is a run of
``<tr><td>Name:</td><td>value</td></tr>`` rows, objects after the first preceded by a
``<tr><td><hr></td></tr>`` row.

Two facts differ between the versions (the profile table): 2.0 writes each ``<col/>``
of the column group on a line of its own (``Dialect.html_colgroup_one_line``), and its
.NET 2.0 encoder leaves apostrophes alone (``Dialect.html_encodes_apostrophe``).

Imports the engine and ``exshell.profiles`` (through the context's dialect) only.
"""
from __future__ import annotations

from typing import Any, Callable, List, Optional

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import OBJECT, SWITCH, ChoiceType, ConversionError, ListOf, ObjectType, StringType
from ..engine.parameters import Parameter
from ..engine.properties import NOT_FOUND, PSHashtable, get_property, property_names
from ..engine.tostring import culture_string, nested_type_name, to_string
from .common import SCRIPT_BLOCK_TYPE, STRINGS

__all__ = ["ConvertToHtml", "html_encode", "NOT_NULL_OR_EMPTY"]

_CMD = "Microsoft.PowerShell.Commands."

DOCTYPE = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  '
           '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">')
HTML_OPEN = '<html xmlns="http://www.w3.org/1999/xhtml">'
DEFAULT_TITLE = "HTML TABLE"
EMPTY_ARGUMENT = ("The argument is null or empty. Provide an argument that is not null or "
                  "empty, and then try the command again.")


class _NotNullOrEmpty(StringType):
    """A string parameter with ``[ValidateNotNullOrEmpty]``."""

    def convert(self, value: Any) -> Any:
        text = super().convert(value)
        if text is None or text == "":
            raise ConversionError(EMPTY_ARGUMENT, "ParameterArgumentValidationError")
        return text


class _NotEmptyStrings(ListOf):
    """``string[]`` with ``[ValidateNotNullOrEmpty]``: no null or empty array."""

    def __init__(self) -> None:
        super().__init__(StringType())

    def convert(self, value: Any) -> Any:
        items = super().convert(value)
        if not items or any(v is None or v == "" for v in items):
            raise ConversionError(EMPTY_ARGUMENT, "ParameterArgumentValidationError")
        return items


NOT_NULL_OR_EMPTY = _NotNullOrEmpty()
NOT_EMPTY_STRINGS = _NotEmptyStrings()


def html_encode(text: str, apostrophe: bool = True) -> str:
    """.NET's HtmlEncode: the markup characters as entities, Latin-1 letters (160-255)
    and characters beyond the BMP as numeric references.  .NET 4 also encodes the
    apostrophe (``&#39;``); .NET 2.0's HttpUtility did not."""
    out: List[str] = []
    for ch in text:
        code = ord(ch)
        if ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == '"':
            out.append("&quot;")
        elif ch == "&":
            out.append("&amp;")
        elif ch == "'" and apostrophe:
            out.append("&#39;")
        elif 160 <= code <= 255 or code > 0xFFFF:
            out.append("&#%d;" % code)
        else:
            out.append(ch)
    return "".join(out)


def uri_text(text: str) -> str:
    """``[Uri]$text`` written back (Uri.ToString()): a Windows path becomes a file URI
    (``C:\\css\\a.css`` -> ``file:///C:/css/a.css``, ``\\\\srv\\share\\a.css`` ->
    ``file://srv/share/a.css``); anything else stays as given."""
    if len(text) >= 3 and text[0].isalpha() and text[1] == ":" and text[2] in "\\/":
        return "file:///" + text[0] + ":" + text[2:].replace("\\", "/")
    if text.startswith("\\\\"):
        return "file://" + text[2:].replace("\\", "/")
    return text


def _net_to_string(value: Any) -> str:
    """``value.ToString()`` (SafeToString): a collection shows its type name, a date
    the en-US form, anything else its string conversion."""
    if value is None or value is NOT_FOUND:
        return ""
    if isinstance(value, (list, tuple, bytes, bytearray)):
        return nested_type_name(value)
    if isinstance(value, PSHashtable):
        return "System.Collections.Hashtable"
    return culture_string(value)


class _Column:
    """One resolved property: its header text, how to read it, width and alignment."""

    def __init__(self, label: str, read: Callable[[Any], Any], width: Optional[str] = None,
                 align: Optional[str] = None):
        self.label = label
        self.read = read
        self.width = width
        self.align = align


class _Spec:
    """One -Property entry before it meets an object."""

    def __init__(self, name: Optional[str] = None, block: Any = None, label: Optional[str] = None,
                 width: Optional[str] = None, align: Optional[str] = None):
        self.name = name
        self.block = block
        self.label = label
        self.width = width
        self.align = align


_KEYS = ("expression", "label", "name", "alignment", "width")


def _is_block(value: Any) -> bool:
    return SCRIPT_BLOCK_TYPE in getattr(value, "PS_TYPE_NAMES", ())


def _has_wildcard(name: str) -> bool:
    return any(c in name for c in "*?[")


class ConvertToHtml(Cmdlet):
    """Objects to HTML lines: a whole page, or a table (or list) fragment."""

    name = "ConvertTo-Html"
    dotnet_class = _CMD + "ConvertToHtmlCommand"
    synopsis = "Converts Microsoft .NET Framework objects into HTML that can be displayed in a Web browser."
    default_set = "Page"
    parameters = (
        Parameter("InputObject", OBJECT, from_pipeline=True),
        Parameter("Property", ListOf(ObjectType(), "System.Object[]"), position=0),
        Parameter("Head", STRINGS, position=1, sets=("Page",)),
        Parameter("Title", NOT_NULL_OR_EMPTY, position=2, sets=("Page",)),
        Parameter("Body", STRINGS, position=3, sets=("Page",)),
        Parameter("As", ChoiceType(("Table", "List"))),
        Parameter("CssUri", NOT_NULL_OR_EMPTY, sets=("Page",), aliases=("cu", "uri")),
        Parameter("Fragment", SWITCH, sets=("Fragment",)),
        Parameter("PostContent", NOT_EMPTY_STRINGS),
        Parameter("PreContent", NOT_EMPTY_STRINGS),
    )

    # ------------------------------------------------------------------ lifecycle
    def begin(self) -> None:
        self.started = False
        self.columns: Optional[List[_Column]] = None
        self.count = 0
        self.specs: List[_Spec] = []
        self.is_list = False
        self.fragment = False
        self.post: Optional[List[str]] = None
        from .common import command_line_parameters
        p = command_line_parameters(self)
        if p is not None:
            self._start(p)

    def _start(self, p: Any) -> None:
        if self.started:
            return
        self.started = True
        dialect = self.context.dialect
        self.apostrophe = dialect.html_encodes_apostrophe
        self.colgroup_one_line = dialect.html_colgroup_one_line
        self.specs = self._specs(p.Property)
        self.is_list = (p.As or "Table") == "List"
        self.fragment = bool(p.Fragment)
        self.post = p.PostContent
        if not self.fragment:
            self.write_object(DOCTYPE)
            self.write_object(HTML_OPEN)
            self.write_object("<head>")
            if p.Head is not None:
                for line in p.Head:
                    self.write_object(line)
            else:
                self.write_object("<title>%s</title>" % (p.Title if p.Title is not None else DEFAULT_TITLE))
            if p.CssUri is not None:
                self.write_object('<link rel="stylesheet" type="text/css" href="%s" />'
                                  % uri_text(p.CssUri))
            self.write_object("</head><body>")
            for line in p.Body or []:
                self.write_object(line)
        for line in p.PreContent or []:
            self.write_object(line)
        self.write_object("<table>")

    def process(self, p: Any) -> None:
        self._start(p)
        obj = p.InputObject
        if obj is None:
            return
        self.count += 1
        if self.is_list:
            columns = self._resolve(obj)
            if not columns:
                return
            if self.count > 1:
                self.write_object("<tr><td><hr></td></tr>")
            for col in columns:
                self.write_object("<tr><td>%s:</td><td>%s</td></tr>" % (col.label, self._cell(col, obj)))
            return
        if self.columns is None:
            columns = self._resolve(obj)
            if not columns:
                return
            self.columns = columns
            self._write_colgroup(columns)
            self.write_object("<tr>" + "".join("<th>%s</th>" % c.label for c in columns) + "</tr>")
        self.write_object("<tr>" + "".join("<td>%s</td>" % self._cell(c, obj) for c in self.columns)
                          + "</tr>")

    def end(self) -> None:
        if not self.started:
            return
        self.write_object("</table>")
        for line in self.post or []:
            self.write_object(line)
        if not self.fragment:
            self.write_object("</body></html>")

    # ------------------------------------------------------------------ properties
    def _specs(self, properties: Optional[List[Any]]) -> List[_Spec]:
        if properties is None:
            return [_Spec(name="*")]
        out: List[_Spec] = []
        for item in properties:
            if _is_block(item):
                out.append(_Spec(block=item))
            elif isinstance(item, PSHashtable):
                out.append(self._calculated(item))
            else:
                out.append(_Spec(name=to_string(item)))
        return out

    def _calculated(self, table: PSHashtable) -> _Spec:
        entries = {}
        for key, value in table.items():
            folded = to_string(key).casefold()
            found = [k for k in _KEYS if folded and k.startswith(folded)]
            if folded in ("n", "l"):
                found = ["label"]
            if len(found) != 1:
                template = self.context.dialect.message("IllegalKey")
                self.throw_terminating(self.error_record(
                    template.format(to_string(key)), "DictionaryKeyIllegal", "InvalidArgument",
                    exception_type="System.NotSupportedException"))
            entries["label" if found[0] == "name" else found[0]] = value
        if "expression" not in entries:
            self.throw_terminating(self.error_record(
                "Missing expression. You must specify an expression.",
                "DictionaryKeyMandatoryEntry", "InvalidArgument",
                exception_type="System.NotSupportedException"))
        expr = entries["expression"]
        label = entries.get("label")
        width = entries.get("width")
        align = entries.get("alignment")
        spec = _Spec(label=None if label is None else to_string(label),
                     width=None if width is None else to_string(width),
                     align=None if align is None else to_string(align))
        if _is_block(expr):
            spec.block = expr
        else:
            spec.name = to_string(expr)
        return spec

    def _resolve(self, obj: Any) -> List[_Column]:
        """The specs against the first object: wildcards expand over its properties, a
        name it lacks is dropped, names take the object's spelling."""
        out: List[_Column] = []
        names = property_names(obj) if not isinstance(obj, str) else ["Length"]
        for spec in self.specs:
            if spec.block is not None:
                label = spec.label if spec.label is not None else str(spec.block).strip()
                out.append(_Column(label, lambda o, b=spec.block: self._run(b, o), spec.width, spec.align))
                continue
            pattern = spec.name or ""
            if isinstance(obj, str) and pattern == "*" and spec.label is None:
                # A string's only property is Length; the real cmdlet heads it "*".
                out.append(_Column("*", lambda o: len(o) if isinstance(o, str) else get_property(o, "Length"),
                                   spec.width, spec.align))
                continue
            if _has_wildcard(pattern):
                from ..engine.operators import like
                matched = [n for n in names if like(n, pattern)]
            else:
                matched = [n for n in names if n.casefold() == pattern.casefold()]
                if not matched and get_property(obj, pattern) is not NOT_FOUND:
                    matched = [pattern]
            for name in matched:
                label = spec.label if spec.label is not None else name
                out.append(_Column(label, lambda o, n=name: get_property(o, n), spec.width, spec.align))
        return out

    def _run(self, block: Any, obj: Any) -> Any:
        from ..engine.errors import EngineError
        try:
            return self.context.invoke_value(block, obj)
        except EngineError:  # a failing expression leaves its cell empty, as the real one does
            return None

    def _cell(self, column: _Column, obj: Any) -> str:
        value = column.read(obj)
        return html_encode(_net_to_string(value), self.apostrophe)

    def _write_colgroup(self, columns: List[_Column]) -> None:
        cols = []
        for c in columns:
            text = "<col"
            if c.width is not None:
                text += ' width = "%s"' % c.width
            if c.align is not None:
                text += ' align = "%s"' % c.align
            cols.append(text + "/>")
        if self.colgroup_one_line:
            self.write_object("<colgroup>" + "".join(cols) + "</colgroup>")
        else:
            self.write_object("<colgroup>")
            for col in cols:
                self.write_object(col)
            self.write_object("</colgroup>")
