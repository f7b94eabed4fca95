"""Lab texts for the terminal: the Markdown a lab author writes, rendered as the learner
should read it.

:func:`render_markdown` turns a task's instructions (a small Markdown subset:
paragraphs, numbered and bulleted lists, fenced code blocks, ``inline code`` (double
backticks around code that holds a backtick),
``**strong**``, ``*emphasis*``, ``[links](url)``, ``#`` headings) into lines of
styled runs, wrapped to the console width:

* a code block is set apart -- a blank line around it, indented four columns -- and
  coloured as the PSReadLine console colours PowerShell (commands yellow, strings
  cyan, variables green...);
* inline code loses its backticks and is coloured; strong text is bright, emphasis
  dim; list items keep their number with a hanging indent;
* without colours (a pipe, a file, ``NO_COLOR``) the same lines read well as plain
  text: nothing of the Markdown syntax is left but the layout.

:func:`write_lines` writes them to a host in colour.  Plain data, tested on strings.
"""
from __future__ import annotations

import re
from typing import Any, List, Sequence, Tuple

__all__ = ["render_markdown", "write_lines", "plain", "wrap_runs", "STYLE_COLORS", "Run", "Line"]

Run = Tuple[str, str]          # (style, text)
Line = List[Run]

#: Style -> ConsoleColor name the host paints it with ("" leaves the default).
STYLE_COLORS = {
    "": "", "strong": "White", "em": "DarkGray", "code": "Cyan", "heading": "White",
    "link": "Cyan", "pass": "Green", "fail": "Red", "note": "Yellow",
    "ps.command": "Yellow", "ps.function": "Yellow", "ps.parameter": "DarkGray",
    "ps.operator": "DarkGray", "ps.string": "DarkCyan", "ps.variable": "Green",
    "ps.keyword": "Green", "ps.comment": "DarkGreen", "ps.number": "White", "ps.type": "Gray",
    "ps.member": "", "ps.argument": "", "ps.punctuation": "", "ps.whitespace": "",
}

_FENCE = re.compile(r"^(\s*)```")
_ITEM = re.compile(r"^(\s*)(\d+[.)]|[-*+])\s+(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_INLINE = re.compile(r"``\s?(.+?)\s?``|`([^`]+)`|\*\*(.+?)\*\*|(?<![\w*])\*(?!\s)([^*]+?)\*(?!\w)|\[([^\]]+)\]\(([^)\s]+)\)")
CODE_INDENT = 4


def _inline(text: str, base: str = "") -> Line:
    """Styled runs of one paragraph's text (Markdown inline syntax taken out)."""
    runs: Line = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            runs.append((base, text[pos:m.start()]))
        code2, code, strong, em, label, url = m.groups()
        code = code2 if code2 is not None else code
        if code is not None:
            runs.append(("code", code))
        elif strong is not None:
            runs.extend((s if s else "strong", t) for s, t in _inline(strong, "strong"))
        elif em is not None:
            runs.append(("em", em))
        else:
            runs.append(("link", label))
            if url != label:
                runs.append((base, " (%s)" % url))
        pos = m.end()
    if pos < len(text):
        runs.append((base, text[pos:]))
    return runs


def wrap_runs(runs: Line, width: int, first: str, rest: str,
              first_width: int = 0) -> List[Line]:
    """Fill ``runs`` into lines of at most ``width`` cells (the first line:
    ``first_width`` when given): ``first`` and ``rest`` are the plain prefixes (indent,
    list number) of the first and following lines."""
    return _wrap(runs, width, first, rest, first_width)


def _wrap(runs: Line, width: int, first: str, rest: str, first_width: int = 0) -> List[Line]:
    """Fill ``runs`` into lines of at most ``width`` cells: ``first`` and ``rest`` are
    the plain prefixes (indent, list number) of the first and following lines."""
    words: List[List[Run]] = [[]]
    for style, text in runs:
        if style == "code" and len(text) <= width - len(rest):
            # Inline code stays on one line (a command is copied whole) when it fits.
            if text[:1].isspace() and words[-1]:
                words.append([])
            words[-1].append((style, text))
            continue
        for piece in re.split(r"(\s+)", text):
            if not piece:
                continue
            if piece.isspace():
                if words[-1]:
                    words.append([])
                continue
            words[-1].append((style, piece))
    words = [w for w in words if w]
    lines: List[Line] = []
    current: Line = [("", first)]
    used = len(first)
    empty = True
    limit = first_width or width
    for word in words:
        size = sum(len(t) for _, t in word)
        if not empty and used + 1 + size > limit:
            limit = width
            lines.append(current)
            current, used, empty = [("", rest)], len(rest), True
        if not empty:
            current.append(("", " "))
            used += 1
        current.extend(word)
        used += size
        empty = False
    lines.append(current)
    return lines


def _code_lines(code: List[str], indent: int) -> List[Line]:
    from ..repl.lexer import highlight
    pad = " " * indent
    try:
        highlighted = highlight("\n".join(code))
    except Exception:  # highlighting is a comfort; the text must still show
        highlighted = [[("", line)] for line in code]
    out: List[Line] = []
    for fragments in highlighted:
        line: Line = [("", pad)]
        for style, text in fragments:
            line.append((style.replace("class:", ""), text))
        out.append(line)
    return out


def render_markdown(text: str, width: int = 80) -> List[Line]:
    """The lines of ``text`` for a console ``width`` columns wide."""
    width = max(width, 20)
    lines = text.strip("\n").split("\n")
    out: List[Line] = []

    def blank() -> None:
        if out and out[-1] != []:
            out.append([])

    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            blank()
            i += 1
            continue
        fence = _FENCE.match(line)
        if fence:
            lead = len(fence.group(1))
            code: List[str] = []
            i += 1
            while i < len(lines) and not _FENCE.match(lines[i]):
                body = lines[i]
                strip = min(lead, len(body) - len(body.lstrip(" ")))
                code.append(body[strip:].rstrip())
                i += 1
            i += 1    # the closing fence
            blank()
            out.extend(_code_lines(code, max(lead, 0) + CODE_INDENT))
            out.append([])
            continue
        heading = _HEADING.match(line)
        if heading:
            blank()
            out.extend(_wrap(_inline(heading.group(2), "heading"), width, "", ""))
            out.append([])
            i += 1
            continue
        item = _ITEM.match(line)
        if item:
            lead, mark, body = item.groups()
            parts = [body]
            i += 1
            while i < len(lines) and lines[i].strip() and not _ITEM.match(lines[i]) \
                    and not _FENCE.match(lines[i]) and lines[i][:1] == " ":
                parts.append(lines[i].strip())
                i += 1
            bullet = mark if mark[0].isdigit() else "-"
            first = lead + bullet + " "
            out.extend(_wrap(_inline(" ".join(parts)), width, first, " " * len(first)))
            continue
        parts = [line.strip()]
        i += 1
        while i < len(lines) and lines[i].strip() and not _ITEM.match(lines[i]) \
                and not _FENCE.match(lines[i]) and not _HEADING.match(lines[i]):
            parts.append(lines[i].strip())
            i += 1
        indent = line[:len(line) - len(line.lstrip())]
        out.extend(_wrap(_inline(" ".join(parts)), width, indent, indent))
    while out and out[-1] == []:
        out.pop()
    return out


def plain(lines: Sequence[Line]) -> List[str]:
    """The lines as plain text (trailing blanks off)."""
    return ["".join(t for _, t in line).rstrip() for line in lines]


def write_lines(host: Any, lines: Sequence[Line]) -> None:
    """Write styled lines to a host: each run in its colour, when it has one."""
    for line in lines:
        for style, text in line:
            colour = STYLE_COLORS.get(style, "")
            if colour:
                host.write(text, "output", fg=colour)
            else:
                host.write(text, "output")
        host.write("\n", "output")
