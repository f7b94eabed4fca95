"""The CliXML format (exshell.engine.clixml): what PowerShell writes and reads."""
import datetime as dt
import decimal

import pytest
from hypothesis import given, settings, strategies as st

from exshell.engine.clixml import (ClixmlError, DeserializedObject, SecureStringBlob, deserialize,
                                   escape_string, serialize, unescape_string)
from exshell.engine.properties import PSHashtable, PSObject
from exshell.engine.tostring import to_string


# ------------------------------------------------------------------ strings

@pytest.mark.parametrize("text, escaped", [
    ("plain", "plain"),
    ("a\r\nb", "a_x000D__x000A_b"),
    ("tab\there", "tab_x0009_here"),
    ("_x0041_", "_x005F_x0041_"),          # a literal escape-lookalike is itself escaped
    ("_X00e9_", "_x005F_X00e9_"),
    ("snake_case_x", "snake_case_x"),       # not four hex digits and an underscore: as is
    ("\U0001F600", "_xD83D__xDE00_"),      # non-BMP: its UTF-16 surrogates
    ("\x7f\x85", "_x007F__x0085_"),
])
def test_string_escapes(text, escaped):
    assert escape_string(text) == escaped
    assert unescape_string(escaped) == text


@given(st.text())
def test_any_string_round_trips(text):
    assert unescape_string(escape_string(text)) == text


# ------------------------------------------------------------------ writing

def test_document_shape_custom_object():
    obj = PSObject([("Name", "EX01"), ("Count", 3)])
    text = serialize([obj])
    assert text.split("\r\n") == [
        '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">',
        '  <Obj RefId="0">',
        '    <TN RefId="0">',
        '      <T>System.Management.Automation.PSCustomObject</T>',
        '      <T>System.Object</T>',
        '    </TN>',
        '    <MS>',
        '      <S N="Name">EX01</S>',
        '      <I32 N="Count">3</I32>',
        '    </MS>',
        '  </Obj>',
        '</Objs>',
    ]


@pytest.mark.parametrize("value, element", [
    (True, "<B>true</B>"),
    (2**31, "<I64>2147483648</I64>"),
    (-5, "<I32>-5</I32>"),
    (1.5, "<Db>1.5</Db>"),
    (1e20, "<Db>1E+20</Db>"),
    (float("inf"), "<Db>INF</Db>"),
    (decimal.Decimal("1.50"), "<D>1.50</D>"),
    (dt.datetime(2026, 11, 28, 10, 0, 0), "<DT>2026-11-28T10:00:00+00:00</DT>"),
    (dt.datetime(2026, 11, 28, 10, 0, 0, 120000), "<DT>2026-11-28T10:00:00.12+00:00</DT>"),
    (dt.timedelta(0), "<TS>PT0S</TS>"),
    (dt.timedelta(days=1), "<TS>P1D</TS>"),
    (dt.timedelta(hours=1, minutes=2, seconds=3, microseconds=500000), "<TS>PT1H2M3.5S</TS>"),
    (-dt.timedelta(minutes=90), "<TS>-PT1H30M</TS>"),
    (b"\x00\xff", "<BA>AP8=</BA>"),
    ("<&>", "<S>&lt;&amp;&gt;</S>"),
    (None, "<Nil />"),
])
def test_primitive_elements(value, element):
    lines = serialize([value]).split("\r\n")
    assert lines[1] == "  " + element
    back = deserialize(serialize([value]))[0]
    assert back == value


def test_depth_turns_deep_objects_into_strings():
    inner = PSObject([("Leaf", 1)])
    outer = PSObject([("Inner", inner), ("List", [inner, 2])])
    text = serialize([outer], depth=1)
    back = deserialize(text)[0]
    assert back.get("Inner") == "@{Leaf=1}"
    assert back.get("List") == "System.Object[]"
    back2 = deserialize(serialize([outer], depth=2))[0]
    assert isinstance(back2.get("Inner"), DeserializedObject)
    assert back2.get("List")[0] == "@{Leaf=1}" and back2.get("List")[1] == 2


def test_shared_objects_are_refs_and_type_lists_are_tnrefs():
    shared = PSObject([("A", 1)])
    text = serialize([PSObject([("X", shared), ("Y", shared)])], depth=3)
    assert '<Ref N="Y" RefId="1" />' in text
    assert text.count("<TN ") == 1 and "<TNRef RefId=\"0\" />" in text
    back = deserialize(text)[0]
    assert back.get("X") is back.get("Y")


def test_hashtable_round_trip():
    table = PSHashtable([("Name", "x"), ("n", 2)])
    back = deserialize(serialize([table]))[0]
    assert isinstance(back, PSHashtable) and back.items() == [("Name", "x"), ("n", 2)]


class _Domain:
    PS_TYPE_NAMES = ("Contoso.Widget", "System.Object")
    PS_PROPERTIES = ("Name", "Size")

    def __init__(self):
        self.Name, self.Size = "w", 7

    def __str__(self):
        return "Widget w"


def test_domain_object_becomes_deserialized_bag_with_tostring():
    text = serialize([_Domain()])
    assert "<ToString>Widget w</ToString>" in text and "<Props>" in text
    back = deserialize(text)[0]
    assert back.type_names == ["Deserialized.Contoso.Widget", "Deserialized.System.Object"]
    assert to_string(back) == "Widget w"
    assert back.adapted == ("Name", "Size")
    # A deserialized object written again keeps its names, ToString and Props/MS split.
    again = deserialize(serialize([back]))[0]
    assert again.type_names == back.type_names and to_string(again) == "Widget w"
    assert again.adapted == ("Name", "Size")


# ------------------------------------------------------------------ reading real-shaped files

HAND_WRITTEN = """\ufeff<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">
  <Obj RefId="0">
    <TN RefId="0">
      <T>Fabrikam.Thing</T>
      <T>System.Object</T>
    </TN>
    <ToString>thing one</ToString>
    <Props>
      <S N="Name">one_x000D__x000A_two</S>
      <G N="Id">8d1c0f4e-57b4-4a47-9a3c-2f9b7f0b6a11</G>
      <U8 N="Ignored">1</U8>
    </Props>
  </Obj>
</Objs>"""


def test_unknown_element_is_an_error_with_its_line():
    with pytest.raises(ClixmlError) as e:
        deserialize(HAND_WRITTEN)
    assert "unknown element <U8>" in str(e.value) and e.value.line == 11


NESTED = """<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">
  <Obj RefId="0">
    <TN RefId="0"><T>Fabrikam.Box</T><T>System.Object</T></TN>
    <ToString>box</ToString>
    <Props>
      <Obj N="Queue" RefId="1">
        <TN RefId="1"><T>System.Collections.Queue</T><T>System.Object</T></TN>
        <QUE><I32>1</I32><I32>2</I32></QUE>
      </Obj>
      <Obj N="Stack" RefId="2">
        <TN RefId="2"><T>System.Collections.Stack</T><T>System.Object</T></TN>
        <STK><S>top</S></STK>
      </Obj>
      <Obj N="Seq" RefId="3">
        <TN RefId="3"><T>System.Collections.Generic.List`1[[System.String]]</T><T>System.Object</T></TN>
        <IE><S>a</S><Nil /></IE>
      </Obj>
      <Obj N="Map" RefId="4">
        <TN RefId="4"><T>System.Collections.Hashtable</T><T>System.Object</T></TN>
        <DCT><En><S N="Key">k</S><Ref N="Value" RefId="2" /></En></DCT>
      </Obj>
      <Obj N="Flag" RefId="5">
        <TN RefId="5"><T>Fabrikam.Flags</T><T>System.Enum</T><T>System.ValueType</T><T>System.Object</T></TN>
        <ToString>Red, Blue</ToString>
        <I32>5</I32>
      </Obj>
      <SS N="Secret">01000000d08c9ddf0115d1118c7a00c04fc297eb0100</SS>
      <C N="Letter">65</C>
      <By N="Byte">255</By>
      <U64 N="Big">18446744073709551615</U64>
      <Version N="V">15.1.2507.6</Version>
      <URI N="U">https://mail.contoso.com/owa</URI>
    </Props>
    <MS>
      <Obj N="Again" RefId="6">
        <TNRef RefId="0" />
        <ToString>another box</ToString>
      </Obj>
    </MS>
  </Obj>
</Objs>"""


def test_nested_collections_refs_enums_and_rare_primitives():
    box = deserialize(NESTED)[0]
    assert box.get("Queue") == [1, 2]
    assert box.get("Stack") == ["top"]
    assert box.get("Seq") == ["a", None]
    assert box.get("Map")["k"] is box.get("Stack")
    flag = box.get("Flag")
    assert to_string(flag) == "Red, Blue" and flag.base_value == 5
    assert flag.type_names[0] == "Deserialized.Fabrikam.Flags"
    assert isinstance(box.get("Secret"), SecureStringBlob)
    assert box.get("Letter") == "A" and box.get("Byte") == 255 and box.get("Big") == 2**64 - 1
    assert box.get("V") == "15.1.2507.6" and box.get("U") == "https://mail.contoso.com/owa"
    assert box.get("Again").type_names[0] == "Deserialized.Fabrikam.Box"
    assert box.adapted[0] == "Queue" and "Again" not in box.adapted


def test_dates_with_offsets_and_fractions_read_as_utc():
    doc = ('<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">'
           '<DT>2021-06-08T08:50:45.1234567-07:00</DT><DT>2021-06-08T15:50:45Z</DT>'
           '<DT>2021-06-08T15:50:45</DT></Objs>')
    a, b, c = deserialize(doc)
    assert a == dt.datetime(2021, 6, 8, 15, 50, 45, 123456)
    assert b == c == dt.datetime(2021, 6, 8, 15, 50, 45)


# ------------------------------------------------------------------ bad input

OBJS = '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">'


@pytest.mark.parametrize("text, words", [
    ("", "empty"),
    ("Thumbprint,Subject\r\nAB,CN=x", "not XML"),
    ("<Objects><Object>1</Object></Objects>", "root element is <Objects>"),
    ('<Objs xmlns="urn:other"><S>x</S></Objs>', "another namespace"),
    (OBJS + "<Obj RefId=\"0\"><TN RefId=\"0\"><T>X</T>", "truncated"),
    (OBJS + "<I32>twelve</I32></Objs>", "does not hold a System.Int32"),
    (OBJS + "<I32>4294967296</I32></Objs>", "does not hold a System.Int32"),
    (OBJS + "<DT>yesterday</DT></Objs>", "System.DateTime"),
    (OBJS + "<BA>!!!</BA></Objs>", "System.Byte[]"),
    (OBJS + '<Ref RefId="9" /></Objs>', "names no earlier object"),
    (OBJS + '<Obj RefId="0"><TNRef RefId="3" /></Obj></Objs>', "names no earlier type list"),
    ('<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>' + OBJS + "<S>&b;</S></Objs>",
     "document type"),
    (OBJS + "<Obj>" * 300 + "</Obj>" * 300 + "</Objs>", "nests objects"),
])
def test_bad_input_is_a_clear_error(text, words):
    with pytest.raises(ClixmlError) as e:
        deserialize(text)
    assert words in str(e.value)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_garbage_never_raises_anything_but_clixml_error(text):
    try:
        deserialize(text)
    except ClixmlError:
        pass


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=400))
def test_any_truncation_of_a_real_shaped_file_is_a_clixml_error(cut):
    text = NESTED[:len(NESTED) * cut // 400]
    try:
        deserialize(text)
    except ClixmlError:
        pass


_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-2**63, max_value=2**63 - 1), st.text(),
    st.floats(allow_nan=False), st.binary(max_size=20),
    st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)),
    st.timedeltas(min_value=dt.timedelta(days=-10**6), max_value=dt.timedelta(days=10**6)))
_values = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.lists(st.tuples(st.text(min_size=1, max_size=8), inner), max_size=4).map(
        lambda kv: PSObject(kv))), max_leaves=12)


def _plain(value):
    if isinstance(value, PSObject):
        return [(n.casefold(), _plain(v)) for n, v in value.items()]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@settings(max_examples=200, deadline=None)
@given(st.lists(_values, max_size=4))
def test_serialize_then_deserialize_round_trips(values):
    back = deserialize(serialize(values, depth=50))
    assert [_plain(v) for v in back] == [_plain(v) for v in values]
