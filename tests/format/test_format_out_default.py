"""Exact text of Out-Default for certificates, generated tables and lists, by version."""
import datetime

import pytest

from exshell.engine.properties import PSHashtable, PSObject
from exshell.format import FormatError, OutDefault, format_list, format_table, render
from exshell.format.records import FormatEntryData, GroupStartData

from format_testkit import Services, assert_lines, sample_certs

THREE = [PSObject([("Name", "EX01"), ("Count", 3), ("Enabled", True)]),
         PSObject([("Name", "EX02.contoso.com"), ("Count", 12345), ("Enabled", False)])]


# ------------------------------------------------------------ ExchangeCertificate

def test_certificate_table_at_120_columns():
    assert_lines(render(sample_certs(), 120), """
        |
        Thumbprint                                Services   Subject                                                           |
        ----------                                --------   -------                                                           |
        8D2E1C47A9F03B5E6C7D8E9F0A1B2C3D4E5F6071  ...WS..    CN=mail.contoso.com, OU=IT, O=Contoso Ltd, L=Seattle, S=WA, C=US  |
        3F9A0B1C2D3E4F5061728394A5B6C7D8E9F0A1B2  ....S..    CN=Microsoft Exchange Server Auth Certificate                     |
        C1D2E3F4A5B6C7D8E9F0A1B2C3D4E5F6A7B8C9D0  IP.WS..    CN=EX01                                                           |
        0A9B8C7D6E5F4A3B2C1D0E9F8A7B6C5D4E3F2A1B  .......    CN=WMSvc-SHA2-EX01                                                |
        |
        |
    """)


@pytest.mark.parametrize("version", ["2.0", "5.1"])
def test_certificate_table_at_80_columns_cuts_the_subject(version):
    # The view fixes Thumbprint/Services widths, so 5.1 does not fit to the data.
    assert_lines(render(sample_certs(), 80, version), """
        |
        Thumbprint                                Services   Subject                   |
        ----------                                --------   -------                   |
        8D2E1C47A9F03B5E6C7D8E9F0A1B2C3D4E5F6071  ...WS..    CN=mail.contoso.com, OU...|
        3F9A0B1C2D3E4F5061728394A5B6C7D8E9F0A1B2  ....S..    CN=Microsoft Exchange S...|
        C1D2E3F4A5B6C7D8E9F0A1B2C3D4E5F6A7B8C9D0  IP.WS..    CN=EX01                   |
        0A9B8C7D6E5F4A3B2C1D0E9F8A7B6C5D4E3F2A1B  .......    CN=WMSvc-SHA2-EX01        |
        |
        |
    """)


def test_certificate_list_view_wraps_long_collections():
    assert_lines(render(format_list(sample_certs()[2:3]), 80), """
        |
        |
        AccessRules        : {System.Security.AccessControl.CryptoKeyAccessRule, |
                             System.Security.AccessControl.CryptoKeyAccessRule, |
                             System.Security.AccessControl.CryptoKeyAccessRule}|
        CertificateDomains : {EX01, EX01.contoso.com}|
        HasPrivateKey      : True|
        IsSelfSigned       : True|
        Issuer             : CN=EX01|
        NotAfter           : 2/2/2028 3:09:22 AM|
        NotBefore          : 2/2/2023 3:09:22 AM|
        PublicKeySize      : 2048|
        RootCAType         : Registry|
        SerialNumber       : 49B8393042D5D59F4AE6D301FDF8C963|
        Services           : IMAP, POP, IIS, SMTP|
        Status             : Valid|
        Subject            : CN=EX01|
        Thumbprint         : C1D2E3F4A5B6C7D8E9F0A1B2C3D4E5F6A7B8C9D0|
        |
        |
        |
    """)


def test_certificate_selected_properties_list():
    cert = sample_certs()[0]
    assert_lines(render(format_list([cert], ["Subject", "Services", "CertificateDomains"]), 120), """
        |
        |
        Subject            : CN=mail.contoso.com, OU=IT, O=Contoso Ltd, L=Seattle, S=WA, C=US|
        Services           : IIS, SMTP|
        CertificateDomains : {EX01, EX01.contoso.com}|
        |
        |
        |
    """)


def test_two_certificates_in_a_list_are_separated_by_one_blank_line():
    lines = render(format_list(sample_certs()[:2], ["Thumbprint"]), 80)
    assert lines == ["", "", "Thumbprint : 8D2E1C47A9F03B5E6C7D8E9F0A1B2C3D4E5F6071", "",
                     "Thumbprint : 3F9A0B1C2D3E4F5061728394A5B6C7D8E9F0A1B2", "", "", ""]


# ------------------------------------------------------------ generated views

def test_three_properties_make_a_table_split_evenly_in_2_0():
    # 59 usable columns - 2 separators = 57 = 19 + 19 + 19; numbers and booleans right.
    assert_lines(render(THREE, 60, "2.0"), """
        |
        Name                              Count             Enabled|
        ----                              -----             -------|
        EX01                                  3                True|
        EX02.contoso.com                  12345               False|
        |
        |
    """)


def test_three_properties_make_a_table_fitted_to_the_data_in_5_1():
    assert_lines(render(THREE, 60, "5.1"), """
        |
        Name             Count Enabled|
        ----             ----- -------|
        EX01                 3    True|
        EX02.contoso.com 12345   False|
        |
        |
    """)


def test_six_properties_make_a_list():
    obj = PSObject([("Name", "EX01"), ("Size", 1), ("Domains", ["a", "b"]),
                    ("When", datetime.datetime(2024, 1, 2, 13, 4, 5)), ("Empty", None),
                    ("Services", Services(24))])
    assert_lines(render([obj], 60), """
        |
        |
        Name     : EX01|
        Size     : 1|
        Domains  : {a, b}|
        When     : 1/2/2024 1:04:05 PM|
        Empty    : |
        Services : IIS, SMTP|
        |
        |
        |
    """)


def test_hashtable_shows_name_and_value():
    assert_lines(render([PSHashtable([("Server", "EX01"), ("Count", 2)])], 60), """
        |
        Name                           Value                       |
        ----                           -----                       |
        Server                         EX01                        |
        Count                          2                           |
        |
        |
    """)


def test_scalars_print_one_per_line_without_blank_lines():
    assert render(["a", 1, True, 2.5, Services(9)], 80) == ["a", "1", "True", "2.5", "IMAP, IIS"]


def test_get_date_view():
    assert render([datetime.datetime(2013, 5, 13, 7, 20, 34)], 80) == [
        "", "Monday, May 13, 2013 7:20:34 AM", "", ""]


def test_mixed_types_in_one_pipeline():
    cert = sample_certs()[2]
    out = render([THREE[0], "hello", THREE[1], 42, cert], 80, "5.1")
    # Strings and numbers go out "out of band", inside the table in progress; the
    # certificate (another type) closes the table and starts its own.
    assert_lines(out, """
        |
        Name             Count Enabled|
        ----             ----- -------|
        EX01                 3    True|
        hello|
        EX02.contoso.com 12345   False|
        42|
        |
        |
        |
        Thumbprint                                Services   Subject                   |
        ----------                                --------   -------                   |
        C1D2E3F4A5B6C7D8E9F0A1B2C3D4E5F6A7B8C9D0  IP.WS..    CN=EX01                   |
        |
        |
    """)


def test_same_type_different_properties_share_the_first_table():
    out = render([PSObject([("a", 1)]), PSObject([("b", 2)])], 20, "5.1")
    assert out == ["", "a", "-", "1", " ", "", ""]


def test_wide_characters_count_two_columns():
    wide = [PSObject([("Name", "漢字テスト"), ("Value", 1)]), PSObject([("Name", "abc"), ("Value", 22)])]
    assert_lines(render(wide, 40, "5.1"), """
        |
        Name       Value|
        ----       -----|
        漢字テスト     1|
        abc           22|
        |
        |
    """)
    assert_lines(render(format_list(wide[:1]), 40), """
        |
        |
        Name  : 漢字テスト|
        Value : 1|
        |
        |
        |
    """)


def test_empty_collection_null_and_enumeration_limit_in_a_list():
    obj = PSObject([("A", []), ("B", None), ("C", [1, 2, 3, 4, 5])])
    assert_lines(render(format_list([obj]), 60), """
        |
        |
        A : {}|
        B : |
        C : {1, 2, 3, 4...}|
        |
        |
        |
    """)


def test_multi_line_value_is_indented_under_the_value_column():
    obj = PSObject([("Text", "line one\nline two"), ("X", 1)])
    assert_lines(render(format_list([obj]), 60), """
        |
        |
        Text : line one|
               line two|
        X    : 1|
        |
        |
        |
    """)


# ------------------------------------------------------------ Format-Table options

def test_autosize_fits_the_data_in_2_0_too():
    assert_lines(render(format_table(THREE, auto_size=True), 60, "2.0"), """
        |
        Name             Count Enabled|
        ----             ----- -------|
        EX01                 3    True|
        EX02.contoso.com 12345   False|
        |
        |
    """)


def test_selected_properties_share_the_width_in_2_0():
    assert_lines(render(format_table(THREE, ["Name", "Count"]), 60, "2.0"), """
        |
        Name                                                  Count|
        ----                                                  -----|
        EX01                                                      3|
        EX02.contoso.com                                      12345|
        |
        |
    """)


def test_hide_table_headers():
    assert_lines(render(format_table(THREE, hide_headers=True, ps_version="5.1"), 60, "5.1"), """
        |
        EX01                 3    True|
        EX02.contoso.com 12345   False|
        |
        |
    """)


NOTE = [PSObject([("Name", "EX01"), ("Note", "the quick brown fox jumps over the lazy dog")])]
NARROW_NAME = PSHashtable([("Label", "Name"), ("Expression", "Name"), ("Width", 6)])


def test_long_value_is_cut_with_an_ellipsis():
    assert_lines(render(format_table(NOTE, [NARROW_NAME, "Note"]), 30), """
        |
        Name   Note                  |
        ----   ----                  |
        EX01   the quick brown fox...|
        |
        |
    """)


def test_wrap_keeps_the_whole_value():
    assert_lines(render(format_table(NOTE, [NARROW_NAME, "Note"], wrap=True), 30), """
        |
        Name   Note                  |
        ----   ----                  |
        EX01   the quick brown fox   |
               jumps over the lazy   |
               dog                   |
        |
        |
    """)


def test_group_by_writes_a_header_per_group():
    rows = [PSObject([("Name", "a"), ("Status", "Running")]),
            PSObject([("Name", "b"), ("Status", "Running")]),
            PSObject([("Name", "c"), ("Status", "Stopped")])]
    assert_lines(render(format_table(rows, group_by="Status", ps_version="5.1"), 40, "5.1"), """
        |
        |
           Status: Running|
        |
        Name Status |
        ---- ------ |
        a    Running|
        b    Running|
        |
        |
           Status: Stopped|
        |
        Name Status |
        ---- ------ |
        c    Stopped|
        |
        |
    """)


def test_calculated_properties_label_expression_and_alignment():
    props = [PSHashtable([("n", "Server"), ("e", lambda o: o.get("Name").upper())]),
             PSHashtable([("Label", "Cnt"), ("Expression", "Count"), ("Align", "left")])]
    assert_lines(render(format_table(THREE, props, ps_version="5.1"), 60, "5.1"), """
        |
        Server           Cnt  |
        ------           ---  |
        EX01             3    |
        EX02.CONTOSO.COM 12345|
        |
        |
    """)


def test_unknown_property_gives_an_empty_column_or_line():
    assert_lines(render(format_table(THREE[:1], ["Name", "Nope"], ps_version="5.1"), 60, "5.1"), """
        |
        Name Nope|
        ---- ----|
        EX01     |
        |
        |
    """)
    assert_lines(render(format_list(THREE[:1], ["Name", "Nope"]), 60), """
        |
        |
        Name : EX01|
        Nope : |
        |
        |
        |
    """)


# ------------------------------------------------------------ streaming and sequence

def test_2_0_prints_rows_as_they_come_5_1_waits_for_the_group():
    records = format_table(THREE)
    for version, rows_before_end in (("2.0", True), ("5.1", False)):
        out = OutDefault(60, version)
        seen = []
        for record in records[:-2]:          # everything but GroupEnd and FormatEnd
            seen.extend(out.add(record))
        assert ("EX01" in "".join(seen)) is rows_before_end, version
        seen.extend(out.add(records[-2]))
        seen.extend(out.add(records[-1]))
        assert any(line.startswith("EX01") for line in seen)


def test_out_of_sequence_records_raise_the_powershell_error():
    records = format_table(THREE, ["Name"])
    entry = [r for r in records if isinstance(r, FormatEntryData)][0]
    out = OutDefault(80)
    with pytest.raises(FormatError) as info:
        out.add(entry)
    assert info.value.error_id == "ConsoleLineOutputOutOfSequencePacket"
    assert info.value.message == (
        'The object of type "Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData" '
        'is not valid or not in the correct sequence. This is likely caused by a '
        'user-specified "format-*" command which is conflicting with the default formatting.')
    # The writer recovers: a complete sequence still renders.
    assert render(records, 80)[1].startswith("Name")


def test_out_of_sequence_group_start_names_the_format_command():
    records = format_table(THREE)
    out = OutDefault(80)
    out.add(records[0])                          # FormatStartData (format-table)
    out.add(records[1])                          # GroupStartData
    with pytest.raises(FormatError) as info:
        out.add(GroupStartData())                # a second group inside the first
    assert '"format-table"' in info.value.message
    assert "GroupStartData" in info.value.message


def test_a_new_format_start_closes_an_unfinished_sequence():
    first = format_table(THREE, ["Name"])
    out = OutDefault(40)
    lines = []
    for record in first[:3]:                     # FS, GS, first row; no end records
        lines.extend(out.add(record))
    for record in format_list(THREE[:1], ["Count"]):
        lines.extend(out.add(record))
    lines.extend(out.finish())
    assert "EX01" in "".join(lines) and "Count : 3" in lines


def test_out_string_width_uses_the_whole_width():
    # console=False: Out-String -Width 20 may use all 20 columns.
    assert render(format_table([PSObject([("a", 1)])], [NARROW_NAME]), 20, console=False)[1] == "Name  "
    assert len(render([PSObject([("A", "x"), ("B", "y")])], 20, "2.0", console=False)[1]) == 20
    assert len(render([PSObject([("A", "x"), ("B", "y")])], 20, "2.0")[1]) == 19


def test_timespan_uses_its_list_view_and_15_digit_doubles():
    span = datetime.timedelta(days=1, hours=2, seconds=3, microseconds=4000)
    assert_lines(render([span], 80), """
        |
        |
        Days              : 1|
        Hours             : 2|
        Minutes           : 0|
        Seconds           : 3|
        Milliseconds      : 4|
        Ticks             : 936030040000|
        TotalDays         : 1.08336810185185|
        TotalHours        : 26.0008344444444|
        TotalMinutes      : 1560.05006666667|
        TotalSeconds      : 93603.004|
        TotalMilliseconds : 93603004|
        |
        |
        |
    """)


def test_byte_arrays_and_nested_lists_are_unrolled():
    # `1, (2, 3)` at the prompt: the pipeline unrolls the outer array, the
    # formatter the inner one (one level, as -Expand EnumOnly).
    assert render([b"\x01\x02", [3, 4]], 80) == ["1", "2", "3", "4"]
    assert render([None, [None]], 80) == []


def test_blank_line_counts_are_data(monkeypatch):
    from exshell.format import out_default
    # The captures summarised in the reference: one blank line before a list, two after.
    monkeypatch.setitem(out_default.BLANK_LINES, ("group_start", "list"), 0)
    monkeypatch.setitem(out_default.BLANK_LINES, ("format_end", "list"), 0)
    assert render(format_list(THREE[:1], ["Name"]), 40) == ["", "Name : EX01", "", ""]
    # Tables are unaffected.
    assert render(format_table(THREE[:1], ["Name"]), 12) == ["", "Name       ", "----       ",
                                                             "EX01       ", "", ""]


def test_list_labels_are_cut_on_a_narrow_screen():
    obj = PSObject([("ABCDEFGHIJKLMNOP", "xy"), ("B", 1)])
    # 15 usable columns: labels may take 15 - 3 - 1 = 11 cells, values 1 cell.
    assert_lines(render(format_list([obj]), 16), """
        |
        |
        ABCDEFGHIJK : x|
                      y|
        B           : 1|
        |
        |
        |
    """)
