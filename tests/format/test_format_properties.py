"""Property tests: invariants of the table and list writers for arbitrary text."""
from hypothesis import given, settings, strategies as st

from exshell.engine.properties import PSObject
from exshell.format import format_list, render
from exshell.format.cells import text_width
from exshell.format.table import fit_cell

# Printable text including wide (CJK) characters; no control characters.
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Mn", "Me", "Cf", "Zl", "Zp")),
               max_size=40)


@given(TEXT, st.integers(min_value=1, max_value=30), st.sampled_from(["left", "right", "center"]))
def test_a_cell_is_always_exactly_its_column_width(text, width, align):
    assert text_width(fit_cell(text, width, align)) == width


@settings(max_examples=60)
@given(st.lists(st.lists(TEXT, min_size=3, max_size=3), min_size=1, max_size=4),
       st.integers(min_value=20, max_value=130))
def test_2_0_generated_tables_fill_the_line(rows, width):
    objs = [PSObject([("A", r[0]), ("B", r[1]), ("C", r[2])]) for r in rows]
    lines = [line for line in render(objs, width, "2.0") if line]
    assert len(lines) == 2 + len(rows)
    assert all(text_width(line) == width - 1 for line in lines)


@settings(max_examples=60)
@given(st.lists(TEXT, min_size=1, max_size=4), st.integers(min_value=10, max_value=130))
def test_list_lines_never_pass_the_screen_width(values, width):
    obj = PSObject([("P%d" % i, v) for i, v in enumerate(values)])
    lines = render(format_list([obj]), width)
    assert all(text_width(line) <= width - 1 for line in lines)
