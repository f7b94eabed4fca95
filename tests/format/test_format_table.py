"""The table writer's parts: column widths, cell fitting, line wrapping, cells."""
import pytest

from exshell.format.cells import head_split, tail_split, text_width
from exshell.format.table import (
    TableLayout, compute_column_widths, fit_cell, generate_lines, truncate_at_newline,
)


@pytest.mark.parametrize("table_width,widths,expected", [
    (119, [0, 0, 0], [39, 39, 39]),           # 2.0: 120-column buffer, 3 columns
    (79, [0, 0, 0], [26, 26, 25]),            # 80 columns: round-robin from the left
    (119, [41, 10, 0], [41, 10, 66]),         # certificate view: Subject takes the rest
    (79, [41, 10, 0], [41, 10, 26]),
    (50, [41, 10, 0], [41, 8, -1]),           # fixed widths too wide: shrink, then hide
    (20, [5, 5, 5], [5, 5, 5]),               # fits exactly as given
    (14, [5, 5, 5], [5, 5, 2]),               # last column shrinks
    (11, [5, 5, 5], [5, 5, -1]),              # ...or is hidden when it would be < 1
    (9, [5, 5, 5], [5, 3, -1]),               # then the next one to the left shrinks
    (7, [0, 0], [3, 3]),
    (2, [0, 0, 0], [1, -1, -1]),              # not even one cell each: hide from the right
])
def test_compute_column_widths(table_width, widths, expected):
    assert compute_column_widths(table_width, widths) == expected


@pytest.mark.parametrize("text,width,align,expected", [
    ("abc", 5, "left", "abc  "),
    ("abc", 5, "right", "  abc"),
    ("abc", 6, "center", " abc  "),
    ("abcdefgh", 6, "left", "abc..."),
    ("abcdefgh", 6, "right", "...fgh"),
    ("abcdefgh", 3, "left", "abc"),            # too narrow for the ellipsis: plain cut
    ("abcdefgh", 3, "right", "fgh"),
    ("abcdef", 4, "left", "a..."),
    ("abcdef", 6, "left", "abcdef"),
    ("line1\nline2", 12, "left", "line1...    "),  # only the first line, marked
    ("", 3, "left", "   "),
    ("漢字漢字", 6, "left", "漢... "),           # wide characters count two cells;
                                                # one cell short after the cut: padded
    ("漢字漢字", 7, "left", "漢字..."),
    ("a漢字", 4, "left", "a..."),
    ("漢字漢字", 5, "left", "漢..."),
])
def test_fit_cell(text, width, align, expected):
    assert fit_cell(text, width, align) == expected
    assert text_width(fit_cell(text, width, align)) == width


def test_cell_widths_of_wide_characters():
    assert text_width("abc") == 3
    assert text_width("漢字") == 4
    assert text_width("ｱｲ") == 2               # half-width katakana stay narrow
    assert head_split("漢字abc", 3) == 1
    assert tail_split("abc漢字", 3) == 1


@pytest.mark.parametrize("text,width,expected", [
    ("short", 10, ["short"]),
    ("the quick brown fox", 10, ["the quick ", "brown fox"]),
    ("{a, b, c}", 4, ["{a, ", "b, ", "c}"]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  # one long word breaks by character
    # PowerShell keeps filling the current line when it breaks a long word:
    ("ab cdefghij", 4, ["ab c", "defg", "hij"]),
    ("one\ntwo", 10, ["one", "two"]),
    ("", 5, [""]),
])
def test_generate_lines(text, width, expected):
    assert generate_lines(text, width, width) == expected


def test_truncate_at_newline():
    assert truncate_at_newline("a\r\nb") == "a..."
    assert truncate_at_newline("ab") == "ab"


def test_layout_header_dashes_follow_label_length_and_alignment():
    layout = TableLayout(30, [8, 6, 0], ["left", "right", "left"])
    assert layout.widths == [8, 6, 14]
    assert layout.header_lines(["Name", "Size", "Description"]) == [
        "Name       Size Description   ",
        "----       ---- -----------   ",
    ]


def test_layout_long_header_label_wraps_and_dashes_fill_the_column():
    layout = TableLayout(20, [4, 0], ["left", "left"])
    assert layout.header_lines(["LongLabel", "B"]) == [
        "Long B              ",
        "Labe                ",
        "l                   ",
        "---- -              ",
    ]


def test_layout_wrapped_row_pads_every_line():
    layout = TableLayout(20, [6, 0], ["left", "left"])
    assert layout.row_lines(["a b c d e f", "x"], multiline=True) == [
        "a b c  x            ",
        "d e f               ",
    ]


def test_layout_disabled_on_a_tiny_screen():
    layout = TableLayout(4, [0, 0], ["left", "left"])
    assert layout.disabled
    assert layout.header_lines(["A", "B"]) == []
    assert layout.row_lines(["1", "2"]) == []
