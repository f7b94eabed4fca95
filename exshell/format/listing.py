"""The list writer: ``Label : value`` lines for one object.

Rules (PowerShell's ListWriter):

* every label is padded to the longest label *of this object* (in display cells),
  then `` : ``; labels longer than the screen allows are cut;
* a value wider than the rest of the line wraps (at spaces for en-US, by character
  for a single long word); continuation lines, and the extra lines of a value that
  contains newlines, are indented by the label width + 3;
* ``$null`` leaves ``Label : `` with its trailing space.

Imports nothing from exshell except the sibling helpers.
"""
from __future__ import annotations

from typing import List, Sequence, Tuple

from .cells import head_split, text_width
from .table import generate_lines

__all__ = ["list_entry_lines", "SEPARATOR"]

SEPARATOR = " : "
MIN_LABEL_WIDTH = 1
MIN_FIELD_WIDTH = 1


def list_entry_lines(fields: Sequence[Tuple[str, str]], screen_width: int) -> List[str]:
    """The lines for one object's ``(label, value text)`` pairs (no blank lines).

    ``screen_width`` is the usable width (console buffer width - 1).  Returns nothing
    when there is nothing to show or the screen is too narrow, as PowerShell does.
    """
    if not fields:
        return []
    if screen_width - len(SEPARATOR) - MIN_FIELD_WIDTH - MIN_LABEL_WIDTH < 0:
        return []
    max_label = screen_width - len(SEPARATOR) - MIN_FIELD_WIDTH
    widths = [text_width(label) for label, _ in fields]
    label_width = min(max(widths), max_label)
    labels = []
    for (label, _), w in zip(fields, widths):
        if w < label_width:
            label = label + " " * (label_width - w)
        elif w > label_width:
            label = label[:head_split(label, label_width)]
        labels.append(label + SEPARATOR)
    indent_width = label_width + len(SEPARATOR)
    indent = " " * indent_width
    field_width = screen_width - indent_width
    out: List[str] = []
    for label, (_, value) in zip(labels, fields):
        for i, line in enumerate((value or "").replace("\r", "").split("\n")):
            prefix = label if i == 0 else indent
            for j, piece in enumerate(generate_lines(line, field_width, field_width)):
                out.append((prefix if j == 0 else indent) + piece)
    return out
