"""The table writer: column widths, header and dash rows, cells cut or wrapped.

This module owns PowerShell's table look:

* one space between columns, no borders;
* under each label a run of dashes *as long as the label* (at most the column),
  aligned like the column;
* every cell padded to its column width, the last one too (2.0/5.1 rows end in
  spaces);
* a value too long for its column is cut to ``width - 3`` cells plus ``...``
  (right-aligned columns keep the *end*: ``...f``); a column narrower than the
  ellipsis is cut with no marker; only the first line of a multi-line value is shown,
  followed by ``...``;
* with ``-Wrap`` (and always for the header row) a cell is wrapped inside its column
  instead, and the row takes several lines.

Column widths follow PowerShell's ColumnWidthManager: columns without a width share
what is left of the line one cell at a time, left to right; if the fixed widths do
not fit, the last visible column shrinks, or is hidden when it would drop below one
cell, and the next one to the left is tried.

The final rows are the cells joined with one space: the cells are already cut and
padded here, so nothing measures them again (no table library is needed).

Imports nothing from exshell except :mod:`exshell.format.cells`.
"""
from __future__ import annotations

from typing import List, Optional, Sequence

from .cells import head_split, tail_split, text_width

__all__ = [
    "compute_column_widths", "generate_lines", "truncate_at_newline", "fit_cell",
    "TableLayout", "SEPARATOR_WIDTH", "MINIMUM_SCREEN_COLUMNS",
]

SEPARATOR_WIDTH = 1
MINIMUM_COLUMN_WIDTH = 1
#: Below this many columns the table writer gives up and prints nothing.
MINIMUM_SCREEN_COLUMNS = 5

# Cultures whose text wraps at spaces; the emulated console is en-US.
WORD_WRAP = True

_SOFT_HYPHEN = "\u00ad"
_HARD_HYPHEN = "\u2011"
_NO_BREAK_SPACE = "\u00a0"


# ------------------------------------------------------------------ widths

def _table_width(widths: Sequence[int]) -> int:
    visible = [w for w in widths if w > 0]
    return sum(visible) + SEPARATOR_WIDTH * (len(visible) - 1)


def compute_column_widths(table_width: int, widths: Sequence[int]) -> List[int]:
    """Widths for each column; ``0`` in the input means "not specified".

    The result uses ``-1`` for a column that had to be hidden.
    """
    out = list(widths)
    if not out:
        return out
    if all(w > 0 for w in out):
        if _table_width(out) <= table_width:
            return out
    else:
        fixed = [w > 0 for w in out]
        out = [w if w > 0 else MINIMUM_COLUMN_WIDTH for w in out]
        available = table_width - _table_width(out)
        if available >= 0:
            free = [k for k in range(len(out)) if not fixed[k]]
            while available > 0:
                for k in free:
                    out[k] += 1
                    available -= 1
                    if available == 0:
                        break
            return out
    # Too wide: shrink or hide from the right.
    while True:
        excess = _table_width(out) - table_width
        if excess <= 0:
            return out
        last = len(out) - 1
        for k, w in enumerate(out):
            if w < 0:
                last = k - 1
                break
        if last < 0:
            return out
        new_width = out[last] - excess
        if new_width < MINIMUM_COLUMN_WIDTH:
            out[last] = -1
        else:
            out[last] = new_width


# ------------------------------------------------------------------ text helpers

def truncate_at_newline(text: str, ellipsis: str = "...") -> str:
    """Only the first line of a multi-line value, marked with the ellipsis."""
    for i, ch in enumerate(text):
        if ch in "\r\n":
            return text[:i] + ellipsis
    return text


def _split_lines(text: str) -> List[str]:
    return text.replace("\r", "").split("\n")


def _words(line: str):
    """(word, delimiter) pairs: spaces, tabs and soft hyphens break and stay with the
    word; hard hyphens and no-break spaces break and are dropped (as PowerShell's
    GetWords does)."""
    word: List[str] = []
    for ch in line:
        if ch in (" ", "\t", _SOFT_HYPHEN):
            yield "".join(word), ch
            word = []
        elif ch in (_HARD_HYPHEN, _NO_BREAK_SPACE):
            yield "".join(word), ""
            word = []
        else:
            word.append(ch)
    yield "".join(word), ""


def _wrap_words(line: str, first_len: int, following_len: int) -> List[str]:
    out: List[str] = []
    room = first_len          # cells left on the current line
    line_len = first_len      # length of the current kind of line
    first = True
    buf: List[str] = []
    for word, delim in _words(line):
        if delim == _SOFT_HYPHEN:
            if text_width(word) + 1 == room:
                word += "-"
        elif delim:
            word += delim
        cells = text_width(word)
        if line_len == 0:
            if first:
                first = False
                line_len = following_len
            if line_len == 0:
                break
            room = line_len
        if cells > line_len:
            # The word alone is longer than a line: break it by characters.
            for ch in word:
                w = text_width(ch)
                if w > line_len:
                    ch, w = "?", 1
                if w > room:
                    out.append("".join(buf))
                    buf = [ch]
                    if first:
                        first = False
                        line_len = following_len
                    room = line_len - w
                else:
                    buf.append(ch)
                    room -= w
        elif cells > room:
            out.append("".join(buf))
            buf = [word]
            if first:
                first = False
                line_len = following_len
            room = line_len - cells
        else:
            buf.append(word)
            room -= cells
    out.append("".join(buf))
    return out


def _wrap_chars(line: str, first_len: int, following_len: int) -> List[str]:
    out: List[str] = []
    offset = 0
    active = first_len
    while text_width(line[offset:]) - active > 0:
        n = head_split(line[offset:], active)
        if n <= 0:
            out.append("?")
            n = 1
        else:
            out.append(line[offset:offset + n])
        offset += n
        active = following_len
    out.append(line[offset:])
    return out


def generate_lines(text: str, first_len: int, following_len: Optional[int] = None) -> List[str]:
    """Split ``text`` into lines at most ``first_len`` (then ``following_len``) cells
    wide: embedded newlines are kept, long lines wrap at spaces (en-US) or, for a
    single long word, by character."""
    if following_len is None:
        following_len = first_len
    if not text:
        return [text]
    out: List[str] = []
    for line in _split_lines(text):
        if text_width(line) <= first_len:
            out.append(line)
        elif WORD_WRAP:
            out.extend(_wrap_words(line, first_len, following_len))
        else:
            out.extend(_wrap_chars(line, first_len, following_len))
    return out


def _pad(text: str, width: int, align: str) -> str:
    gap = width - text_width(text)
    if gap <= 0:
        return text
    if align == "right":
        return " " * gap + text
    if align == "center":
        left = gap // 2
        return " " * left + text + " " * (gap - left)
    return text + " " * gap


def fit_cell(text: str, width: int, align: str = "left", ellipsis: str = "...") -> str:
    """One table cell exactly ``width`` cells wide: padded, or cut with the ellipsis."""
    text = truncate_at_newline(text or "", ellipsis)
    length = text_width(text)
    if length > width:
        keep = width - len(ellipsis)
        if keep > 0:
            if align == "right":
                n = tail_split(text, keep)
                text = ellipsis + text[len(text) - n:]
            else:
                text = text[:head_split(text, keep)] + ellipsis
        else:
            if align == "right":
                n = tail_split(text, width)
                text = text[len(text) - n:]
            else:
                text = text[:head_split(text, width)]
    # A wide character that did not fit leaves the cell one short: pad it.
    return _pad(text, width, align)


# ------------------------------------------------------------------ layout

def _join(rows: List[List[str]]) -> List[str]:
    """Lay out rows of already cut and padded cells: one space between columns.
    Every cell of a column already takes the column's width (see fit_cell), so the
    rows line up without measuring again; the last cell keeps its padding."""
    gutter = " " * SEPARATOR_WIDTH
    return [gutter.join(row) for row in rows]


class TableLayout:
    """One table's geometry and its row generator.

    ``screen_width`` is the usable line width (console buffer width - 1);
    ``widths`` uses 0 for "not specified"; ``aligns`` holds "left"/"right"/"center".
    When the screen is too narrow, or every column is hidden, :attr:`disabled` is set
    and nothing is written (as PowerShell does).
    """

    def __init__(self, screen_width: int, widths: Sequence[int], aligns: Sequence[str],
                 hide_header: bool = False, ellipsis: str = "..."):
        self.hide_header = hide_header
        self.ellipsis = ellipsis
        self.aligns = list(aligns)
        self.disabled = screen_width < MINIMUM_SCREEN_COLUMNS or not widths
        self.widths: List[int] = []
        if not self.disabled:
            self.widths = compute_column_widths(screen_width, [max(w, 0) for w in widths])
            if not any(w >= MINIMUM_COLUMN_WIDTH for w in self.widths):
                self.disabled = True

    def _visible(self) -> List[int]:
        return [k for k, w in enumerate(self.widths) if w > 0]

    @property
    def hidden(self) -> List[int]:
        """The columns that did not fit and are left out (PowerShell warns about them)."""
        return [k for k, w in enumerate(self.widths) if w <= 0]

    def _aligns_for(self, aligns: Optional[Sequence[Optional[str]]]) -> List[str]:
        out = list(self.aligns)
        if aligns:
            for k, a in enumerate(aligns[:len(out)]):
                if a:
                    out[k] = a
        return out

    def _single_row(self, values: Sequence[str], aligns: Sequence[str]) -> List[str]:
        return [fit_cell(values[k] if k < len(values) else "", self.widths[k], aligns[k],
                         self.ellipsis)
                for k in self._visible()]

    def _multi_rows(self, values: Sequence[str], aligns: Sequence[str]) -> List[List[str]]:
        columns: List[List[str]] = []
        for k in self._visible():
            width = self.widths[k]
            text = values[k] if k < len(values) else ""
            lines = generate_lines(text or "", width, width)
            columns.append([fit_cell(line, width, aligns[k], self.ellipsis) for line in lines])
        height = max(len(c) for c in columns)
        for c, k in zip(columns, self._visible()):
            c.extend([" " * self.widths[k]] * (height - len(c)))
        return [[c[i] for c in columns] for i in range(height)]

    def header_lines(self, labels: Sequence[str]) -> List[str]:
        """The label row(s) and the dash row, or nothing with -HideTableHeaders."""
        if self.disabled or self.hide_header:
            return []
        aligns = self._aligns_for(None)
        rows = self._multi_rows(labels, aligns)
        dashes = []
        for k in range(len(self.widths)):
            label = labels[k] if k < len(labels) else ""
            count = self.widths[k]
            if label and text_width(label) < count:
                count = text_width(label)
            dashes.append("-" * max(count, 0))
        rows.append(self._single_row(dashes, aligns))
        return _join(rows)

    def row_lines(self, values: Sequence[str], aligns: Optional[Sequence[Optional[str]]] = None,
                  multiline: bool = False) -> List[str]:
        """The line(s) of one data row."""
        if self.disabled:
            return []
        effective = self._aligns_for(aligns)
        if multiline:
            return _join(self._multi_rows(values, effective))
        return _join([self._single_row(values, effective)])
