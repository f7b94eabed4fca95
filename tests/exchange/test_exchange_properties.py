"""Property tests: what we print, we can read back."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from exshell.exchange import AllowedServices as S
from exshell.exchange.names import format_dn, parse_dn

flags = st.integers(min_value=0, max_value=127).map(S)


@given(flags)
def test_services_text_parses_back(value):
    assert S.parse(str(value)) == value
    assert S.parse(str(value).lower().replace(", ", ",")) == value
    assert S.parse(int(value)) == value


@given(flags, st.sampled_from([5, 6, 7]))
def test_string_form_marks_exactly_the_set_flags(value, width):
    code = value.string_form(width)
    assert len(code) == width
    for i, ch in enumerate(code):
        assert (ch != ".") == bool(value & (1 << i))


_value = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20)
_key = st.sampled_from(["CN", "OU", "O", "L", "S"])


@settings(max_examples=60)
@given(st.lists(st.tuples(_key, _value), min_size=1, max_size=4))
def test_dn_display_parses_back(parts):
    quoted = []
    for key, value in parts:
        quoted.append('%s="%s"' % (key, value.replace('"', '""')))
    name = parse_dn(", ".join(quoted))
    shown = format_dn(name)
    assert parse_dn(shown) == name
    assert format_dn(parse_dn(shown)) == shown
