"""How an error record looks on the console (PowerShell's ``ErrorInstance`` view).

Three shapes, chosen by the record and the session's :class:`ErrorStyle`:

* **local** errors (binding, parse, runtime, ``throw``, command not found): the
  ``Cmd : `` prefix, the message, the position block (2.0: ``At line:L char:C`` and the
  source line with `` <<<< `` at the marker; 5.1: the source line and a ``~`` line
  under the extent), then CategoryInfo and FullyQualifiedErrorId;
* **remote** errors that came back from the Exchange server: no prefix, no position;
  2013+ adds the ``[Server=...]`` stamp to the FQID and a PSComputerName line;
* **parse** errors: one position block per issue, the message after it (5.1) or before
  it (2.0, with the split "The string starting: ... is missing the terminator" form).

Every error ends with a line holding one space, as the real view prints.
"""
from __future__ import annotations

from typing import List, Optional, Tuple

from ..profiles import ERROR_MARKER_ARROW
from ..profiles import dialect as as_dialect
from .errors import ErrorRecord, InvocationInfo

__all__ = ["render_error", "position_lines"]


def _line_at(source: str, offset: int) -> Tuple[str, int, int]:
    """(line text, 1-based line number, 0-based column) of ``offset`` in ``source``."""
    offset = max(0, min(offset, len(source)))
    start = source.rfind("\n", 0, offset) + 1
    end = source.find("\n", offset)
    line = source[start:] if end < 0 else source[start:end]
    return line.rstrip("\r"), source.count("\n", 0, offset) + 1, offset - start


def _where(file: Optional[str]) -> str:
    return file if file else "line"


def position_lines(inv: InvocationInfo, dialect) -> List[str]:
    """The position block of an error under ``dialect`` (a Dialect or its name)."""
    if inv.span is None:
        return []
    source = inv.source
    if as_dialect(dialect).error_marker == ERROR_MARKER_ARROW:
        marker = inv.marker if inv.marker is not None else inv.span.end
        line, number, col = _line_at(source, marker)
        return ["At %s:%d char:%d" % (_where(inv.file), number, col + 1),
                "+ " + line[:col] + " <<<< " + line[col:]]
    line, number, col = _line_at(source, inv.span.start)
    line = line.replace("\t", "    ").rstrip()
    length = max(1, min(inv.span.end, inv.span.start + len(line) - col) - inv.span.start)
    marks = "~" * max(1, min(length, max(len(line) - col, 1)))
    shown, shift = line, col
    if len(line) > 69:
        # Keep up to 12 characters before the extent and 8 after, 69 in all.
        before = max(0, col - 12)
        after = min(len(line), col + length + 8)
        start = max(0, min(before, after - 69))
        end = min(len(line), start + 69)
        shown = ("... " if start > 0 else "") + line[start:end] + (" ..." if end < len(line) else "")
        shift = col - start + (4 if start > 0 else 0)
        marks = marks[:max(1, end - col)]
    return ["At %s:%d char:%d" % (_where(inv.file), number, col + 1),
            "+ " + shown, "+ " + " " * shift + marks]


def _wrapped_info(label: str, text: str, width: int) -> List[str]:
    """The view's chunking of the CategoryInfo/FQID lines (see module docs of
    powershell-subset §4.1): chunks of width-6 joined with 4-space indents, then the
    console wraps at width-1."""
    body = "+ %s: %s" % (label, text)
    w = max(width, 20)
    size = w - 6
    chunks = [body[i:i + size] for i in range(0, len(body), size)] or [""]
    joined = "".join("    " + c for c in chunks)
    cut = w - 1
    return [joined[i:i + cut] for i in range(0, len(joined), cut)]


def render_error(record: ErrorRecord, style, width: int = 120) -> List[str]:
    dialect = style.dialect
    lines: List[str] = []
    ellipsis = "..."
    if record.parse_issues:
        return _render_parse(record, style, width)
    if record.remote and style.remote:
        lines.extend(record.message.split("\n"))
        fqid = record.fqid()
        if style.stamped:
            stamp = record.extra.get("stamp", "")
            if stamp:
                fqid = stamp + " " + fqid
        lines += _wrapped_info("CategoryInfo          ", record.category_info(ellipsis), width)
        lines += _wrapped_info("FullyQualifiedErrorId ", fqid, width)
        if style.stamped and record.server_fqdn:
            lines += _wrapped_info("PSComputerName        ", record.server_fqdn.lower(), width)
        lines.append(" ")
        return lines
    inv = record.invocation
    message = record.message
    if record.stopped_by_preference and dialect.stop_message_prefix:
        message = ('Command execution stopped because the preference variable "ErrorActionPreference" '
                   'or common parameter is set to Stop: ' + message)
    prefix = inv.command if (inv is not None and inv.command) else None
    first = ("%s : %s" % (prefix, message)) if prefix else message
    lines.extend(first.split("\n"))
    if inv is not None:
        lines.extend(position_lines(inv, dialect))
    lines += _wrapped_info("CategoryInfo          ", record.category_info(ellipsis), width)
    lines += _wrapped_info("FullyQualifiedErrorId ", record.fqid(), width)
    lines.append(" ")
    return lines


_SPLIT_MESSAGES = {
    # 2.0 splits these around the position block (observed for strings).
    "TerminatorExpectedAtEndOfString": ("The string starting:", "is missing the terminator: %s."),
}


def _render_parse(record: ErrorRecord, style, width: int) -> List[str]:
    dialect = style.dialect
    lines: List[str] = []
    inv = record.invocation
    for issue in record.parse_issues:
        pos_inv = InvocationInfo(command=None, source=inv.source if inv else "",
                                 file=inv.file if inv else None, span=issue.span,
                                 marker=issue.span.start)
        pos = position_lines(pos_inv, dialect)
        if dialect.parse_message_first:
            split = _SPLIT_MESSAGES.get(issue.error_id) if dialect.split_terminator_message else None
            if split is not None:
                terminator = issue.message.rsplit(":", 1)[-1].strip().rstrip(".") or '"'
                lines.append(split[0])
                lines.extend(pos)
                lines.append(split[1] % terminator)
            else:
                lines.extend(issue.message.split("\n"))
                lines.extend(pos)
        else:
            lines.extend(pos)
            lines.extend(issue.message.split("\n"))
    first = record.parse_issues[0]
    reason = "ParseException" if (inv and inv.file) else "ParentContainsErrorRecordException"
    token = getattr(first, "token_name", None)
    target = "(%s:TokenId)" % token if token and token.isidentifier() else "(:)"
    lines += _wrapped_info("CategoryInfo          ", "ParserError: %s [], %s" % (target, reason), width)
    lines += _wrapped_info("FullyQualifiedErrorId ", first.error_id, width)
    lines.append(" ")
    return lines
