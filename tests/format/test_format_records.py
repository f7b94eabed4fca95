"""Format records: sequence, type names, properties; -Property resolution; errors."""
import ast
import pathlib
import subprocess
import sys

import pytest

from exshell.engine.properties import PSHashtable, PSObject, get_property, type_names
from exshell.format import FormatError, format_list, format_table
from exshell.format.records import (
    FormatEntryData, GroupStartData, ListViewEntry, RawTextFormatEntry,
)

from format_testkit import sample_certs

OBJS = [PSObject([("Name", "EX01"), ("Count", 3), ("Enabled", True)]),
        PSObject([("Name", "EX02"), ("Count", 4), ("Enabled", False)])]
NS = "Microsoft.PowerShell.Commands.Internal.Format."


def kinds(records):
    return [type(r).__name__ for r in records]


def test_format_table_emits_the_powershell_sequence():
    records = format_table(OBJS)
    assert kinds(records) == ["FormatStartData", "GroupStartData", "FormatEntryData",
                              "FormatEntryData", "GroupEndData", "FormatEndData"]
    # ClassIds as seen in `... | Format-Table | Export-Csv`.
    assert [get_property(r, "ClassId2e4f51ef21dd47e99d3c952918aff9cd") for r in records] == [
        "033ecb2bc07a4d43b5ef94ed5a35d280", "9e210fe47d09416682b841769c78b8a3",
        "27c87ef9bbda4f709f6b4002fa4af63c", "27c87ef9bbda4f709f6b4002fa4af63c",
        "4ec4f0187cb04f4cb6973460dfe252df", "cf522b78d86c486691226b40aa69e95c"]
    assert type_names(records[0])[0] == NS + "FormatStartData"
    assert str(get_property(records[0], "shapeInfo")) == NS + "TableHeaderInfo"
    assert get_property(records[2], "outOfBand") is False


def test_format_list_entries_hold_display_strings():
    records = format_list(OBJS[:1])
    entry = [r for r in records if isinstance(r, FormatEntryData)][0]
    assert isinstance(entry.formatEntryInfo, ListViewEntry)
    assert entry.formatEntryInfo.pairs == [("Name", "EX01"), ("Count", "3"), ("Enabled", "True")]
    assert str(records[0].shapeInfo) == NS + "ListViewHeaderInfo"


def test_empty_input_emits_nothing():
    assert format_table([]) == []
    assert format_list([]) == []


def test_scalars_are_out_of_band_unless_properties_are_asked_for():
    records = format_list(["abc", 5])
    assert kinds(records) == ["FormatEntryData", "FormatEntryData"]
    assert all(r.outOfBand and isinstance(r.formatEntryInfo, RawTextFormatEntry) for r in records)
    assert [r.formatEntryInfo.text for r in records] == ["abc", "5"]
    records = format_list(["abc"], ["Length"])
    assert records[2].formatEntryInfo.pairs == [("Length", "3")]


def test_collections_and_hashtables_are_enumerated_by_default():
    records = format_table([[OBJS[0], OBJS[1]]], ["Name"])
    assert [r.formatEntryInfo.values for r in records if isinstance(r, FormatEntryData)] == [
        ["EX01"], ["EX02"]]
    records = format_table([PSHashtable([("a", 1), ("b", 2)])])
    rows = [r.formatEntryInfo.values for r in records if isinstance(r, FormatEntryData)]
    assert rows == [["a", "1"], ["b", "2"]]
    assert [c.label for c in records[0].shapeInfo.tableColumnInfoList] == ["Name", "Value"]


def test_expand_core_only_formats_the_collection_itself():
    records = format_list([[1, 2, 3]], ["Count"], expand="CoreOnly")
    assert records[2].formatEntryInfo.pairs == [("Count", "3")]
    records = format_list([[OBJS[0], OBJS[1]]], ["Count"], expand="Both")
    entries = [r for r in records if isinstance(r, FormatEntryData)]
    assert [e.formatEntryInfo.pairs for e in entries] == [
        [("Count", "2")], [("Count", "3")], [("Count", "4")]]


def test_table_columns_come_from_the_first_object_and_align_by_type():
    records = format_table(OBJS)
    cols = records[0].shapeInfo.tableColumnInfoList
    assert [(c.label, c.width, c.alignment) for c in cols] == [
        ("Name", 0, "left"), ("Count", 0, "right"), ("Enabled", 0, "right")]


def test_view_columns_for_certificates():
    records = format_table(sample_certs()[:1])
    cols = records[0].shapeInfo.tableColumnInfoList
    assert [(c.label, c.width) for c in cols] == [("Thumbprint", 41), ("Services", 10), ("Subject", 0)]
    assert records[2].formatEntryInfo.values == [
        "8D2E1C47A9F03B5E6C7D8E9F0A1B2C3D4E5F6071", "...WS..",
        "CN=mail.contoso.com, OU=IT, O=Contoso Ltd, L=Seattle, S=WA, C=US"]


def test_certificate_list_star_shows_every_property_in_declared_order():
    cert = sample_certs()[0]
    pairs = format_list([cert], ["*"])[2].formatEntryInfo.pairs
    assert [label for label, _ in pairs] == list(cert.PS_PROPERTIES)


@pytest.mark.parametrize("props,labels", [
    (["*"], ["Name", "Count", "Enabled"]),
    (["*e*"], ["Name", "Enabled"]),
    (["name", "N*"], ["Name"]),                # wildcard skips names already listed
    (["count", "NAME"], ["Count", "Name"]),    # labels use the real spelling
    (["Missing"], ["Missing"]),
    (["Miss*"], []),                           # a wildcard that matches nothing adds nothing
])
def test_property_resolution(props, labels):
    records = format_list(OBJS[:1], props)
    assert [label for label, _ in records[2].formatEntryInfo.pairs] == labels


def test_callable_expression_label_and_failure():
    def expr(obj):
        return obj.get("Count") * 2
    expr.label = "$_.Count * 2"            # what the engine sets on a wrapped script block

    def broken(obj):
        raise RuntimeError("boom")

    records = format_list(OBJS[:1], [expr, PSHashtable([("Label", "B"), ("Expression", broken)])])
    assert records[2].formatEntryInfo.pairs == [("$_.Count * 2", "6"), ("B", "")]


def test_group_by_emits_group_records_when_the_value_changes():
    rows = [PSObject([("S", "x")]), PSObject([("S", "x")]), PSObject([("S", "y")]),
            PSObject([("S", "x")])]
    records = format_table(rows, group_by="S")
    assert kinds(records) == [
        "FormatStartData", "GroupStartData", "FormatEntryData", "FormatEntryData",
        "GroupEndData", "GroupStartData", "FormatEntryData", "GroupEndData",
        "GroupStartData", "FormatEntryData", "GroupEndData", "FormatEndData"]
    headers = [(r.groupingEntry.label, r.groupingEntry.value) for r in records
               if isinstance(r, GroupStartData)]
    assert headers == [("S", "x"), ("S", "y"), ("S", "x")]


@pytest.mark.parametrize("spec,error_id,version,text", [
    ({"Foo": "x", "Expression": "Name"}, "DictionaryKeyIllegal", "5.1", 'The "Foo" key is not valid.'),
    ({"Foo": "x", "Expression": "Name"}, "DictionaryKeyIllegal", "2.0", "Illegal key Foo"),
    ({"Label": "x"}, "DictionaryKeyMandatoryEntry", "5.1", 'The "expression" key is missing.'),
    ({"Expression": "Name", "Alignment": "middle"}, "IllegalAlignment", "5.1", None),
    ({"Expression": 5}, "DictionaryKeyUnknownType", "5.1", None),
])
def test_bad_calculated_properties(spec, error_id, version, text):
    with pytest.raises(FormatError) as info:
        format_table(OBJS, [PSHashtable(spec.items())], ps_version=version)
    assert info.value.error_id == error_id
    if text is not None:
        assert info.value.message == text


def test_width_is_not_a_format_list_key():
    with pytest.raises(FormatError):
        format_list(OBJS, [PSHashtable([("Expression", "Name"), ("Width", 5)])])


def test_format_records_are_objects_with_properties_for_get_member():
    record = format_table(OBJS)[0]
    assert record.PS_PROPERTIES == ("ClassId2e4f51ef21dd47e99d3c952918aff9cd", "pageHeaderEntry",
                                    "pageFooterEntry", "autosizeInfo", "shapeInfo", "groupingEntry")
    assert get_property(record, "autosizeInfo") is None
    assert get_property(format_table(OBJS, auto_size=True)[0], "autosizeInfo") is not None


# ------------------------------------------------------------ package rules

FORMAT_DIR = pathlib.Path(__file__).resolve().parents[2] / "exshell" / "format"


def test_format_imports_only_the_object_model_and_tostring_from_exshell():
    for path in sorted(FORMAT_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                if name.startswith("exshell"):
                    assert name in ("exshell.engine.properties", "exshell.engine.tostring",
                                    "exshell.engine.netformat"), \
                        (path.name, name)


def test_an_ascii_table_needs_no_table_or_width_library():
    # Start-up: a table of ASCII text is laid out by exshell.format.table alone;
    # wcwidth is loaded only for characters outside printable ASCII.
    code = ("import sys, exshell.format, exshell.format.out_default; "
            "from exshell.engine.properties import PSObject; "
            "lines = exshell.format.render([PSObject([('Name', 'EX01'), ('Size', 1)])], 80); "
            "assert any('EX01' in l for l in lines), lines; "
            "assert 'tabulate' not in sys.modules and 'wcwidth' not in sys.modules, 'imported'; "
            "exshell.format.render([PSObject([('Name', '\\u6771\\u4eac')])], 80); "
            "assert 'wcwidth' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=str(FORMAT_DIR.parents[1]))


def test_enums_of_deserialized_objects_are_left_aligned():
    from format_testkit import Services
    local = PSObject([("Services", Services(24)), ("Size", 1)])
    remote = PSObject([("Services", Services(24)), ("Size", 1)],
                      type_names=["Deserialized.Contoso.Thing", "Deserialized.System.Object"])
    aligns = lambda obj: [c.alignment for c in format_table([obj])[0].shapeInfo.tableColumnInfoList]
    assert aligns(local) == ["right", "right"]
    assert aligns(remote) == ["left", "right"]
