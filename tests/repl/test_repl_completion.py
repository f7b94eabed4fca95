"""Tab completion on the live shell: names, parameters, values, variables, members.

Table-driven on the text left of the cursor; the prompt_toolkit face is checked on
``Document`` objects (cursor in the middle of a line included)."""
from __future__ import annotations

import pytest
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document

from exshell.repl.completion import CompletionCache, complete, make_completer


def texts(shell, text):
    return [c.text for c in complete(shell, text)]


def thumbprints(shell):
    return [c.Thumbprint for c in shell.organization.local_server.certificates()]


@pytest.mark.parametrize("text, expected", [
    ("Get-ExchangeC", ["Get-ExchangeCertificate"]),
    ("get-exchangec", ["Get-ExchangeCertificate"]),
    ("Remove-ExchangeC", ["Remove-ExchangeCertificate"]),
    ("Get-ExchangeCertificate | Format-L", ["Format-List"]),
    ("$x = Get-ExchangeCertificate; Enable-ExchangeC", ["Enable-ExchangeCertificate"]),
    ("Get-ExchangeCertificate -Th", ["-Thumbprint"]),
    ("Get-ExchangeCertificate \u2013Th", ["\u2013Thumbprint"]),
    ("Enable-ExchangeCertificate -Se", ["-Services", "-Server"]),
    ("Get-ExchangeCertificate -Err", ["-ErrorAction", "-ErrorVariable"]),
    ("Remove-ExchangeCertificate -Con", ["-Confirm"]),
    ("Get-ExchangeCertificate -Con", []),             # not a ShouldProcess cmdlet
    ("Enable-ExchangeCertificate -Services I", ["IMAP", "IIS"]),
    ("Enable-ExchangeCertificate -Services IIS,SM", ["SMTP"]),
    ("Enable-ExchangeCertificate -Services:P", ["POP"]),
    ("New-ExchangeCertificate -PrivateKeyExportable ", ["$true", "$false"]),
    ("Get-ExchangeCertificate -ErrorAction Si", ["SilentlyContinue"]),
    ("fl -Expand B", ["Both"]),
    ("Get-ExchangeCertificate -Server ", ["EX01"]),
    ("Get-ExchangeCertificate -Force ", []),           # unknown parameter: no guess
    ("New-ExchangeCertificate -Force ", []),           # a switch takes no value
    ("Get-NoSuchThing -", []),
    ("$Error", ["$Error", "$ErrorActionPreference", "$ErrorView"]),
    ("$tr", ["$true"]),
    ("$env:COMPUTER", ["$env:COMPUTERNAME"]),
])
def test_completions(shell, text, expected):
    assert texts(shell, text) == expected


def test_wildcard_command_names(shell):
    found = texts(shell, "*-ExchangeCert")
    assert {"Enable-ExchangeCertificate", "Get-ExchangeCertificate", "New-ExchangeCertificate",
            "Remove-ExchangeCertificate"} <= set(found)
    assert all(n.endswith("-ExchangeCertificate") for n in found)
    assert found == sorted(found, key=str.casefold)


def test_parameters_already_given_are_not_offered_again(shell):
    offered = texts(shell, "Enable-ExchangeCertificate -Services IIS -")
    assert "-Services" not in offered
    assert offered[:2] == ["-Thumbprint", "-DoNotRequireSsl"]
    assert "-WhatIf" in offered and "-Verbose" in offered


def test_version_decides_parameters_and_enum_values(shell, shell2013):
    assert "-Identity" not in texts(shell, "Get-ExchangeCertificate -")
    assert "-Identity" in texts(shell2013, "Get-ExchangeCertificate -")
    assert "UMCallRouter" not in texts(shell, "Enable-ExchangeCertificate -Services ")
    assert "UMCallRouter" in texts(shell2013, "Enable-ExchangeCertificate -Services ")


@pytest.mark.parametrize("template", [
    "Get-ExchangeCertificate -Thumbprint {p}",
    "Get-ExchangeCertificate {p}",                      # position 0 is -Thumbprint
    "Enable-ExchangeCertificate -Services IIS -Thumbprint {p}",
    "Remove-ExchangeCertificate -Server EX01 -Thumbprint {p}",
    "Get-ExchangeCertificate -Thumb:{p}",
])
def test_thumbprints_complete_from_the_server(shell, template):
    thumb = thumbprints(shell)[0]
    found = complete(shell, template.format(p=thumb[:3]))
    assert [c.text for c in found] == [thumb]
    assert found[0].replace == 3
    # The menu shows the services code and the subject beside the thumbprint.
    assert found[0].display == thumb + "  IP.WS."
    assert found[0].meta == "CN=EX01"


def test_thumbprint_in_quotes_keeps_the_quotes(shell):
    thumb = thumbprints(shell)[0]
    assert texts(shell, 'Get-ExchangeCertificate -Thumbprint "') == ['"%s"' % thumb]
    assert texts(shell, "Get-ExchangeCertificate -Thumbprint \u201c" + thumb[:2]) == \
        ["\u201c%s\u201d" % thumb]


def test_thumbprints_follow_the_store(shell):
    cache = CompletionCache()
    before = [c.text for c in complete(shell, "Remove-ExchangeCertificate ", cache)]
    assert len(before) == 1
    shell.host.answers = ["n"]
    shell.run("Get-ExchangeCertificate | New-ExchangeCertificate")
    cache.invalidate()  # the REPL does this after every command
    after = complete(shell, "Remove-ExchangeCertificate ", cache)
    assert len(after) == 2 and before[0] in [c.text for c in after]
    new = [c for c in after if c.text != before[0]][0]
    assert new.meta == "CN=EX01"


def test_unknown_server_offers_no_thumbprints(shell):
    assert texts(shell, "Get-ExchangeCertificate -Server NOPE -Thumbprint ") == []


def test_variables_and_their_properties(shell):
    shell.run("$cert = Get-ExchangeCertificate; $certs = @(Get-ExchangeCertificate); $n = 5")
    assert texts(shell, "$ce") == ["$cert", "$certs"]
    assert texts(shell, "$cert.Not") == ["NotAfter", "NotBefore"]
    assert texts(shell, "Write-Host $cert.Thu") == ["Thumbprint"]
    assert texts(shell, "$cert.NotAfter.Da") == ["Date", "Day", "DayOfWeek", "DayOfYear"]
    assert texts(shell, "$certs.Cou") == ["Count"]
    assert texts(shell, "$nothing.") == []
    # Reading the value changes nothing.
    assert shell.context.get_variable("cert").Thumbprint == thumbprints(shell)[0]


def test_member_enumeration_offers_element_properties_from_3_0(shell, shell2013):
    for sh in (shell, shell2013):
        sh.run("$all = @(Get-ExchangeCertificate)")
    assert "Thumbprint" not in texts(shell, "$all.")
    assert "Thumbprint" in texts(shell2013, "$all.")


def test_functions_complete_by_name_and_parameters(shell):
    shell.run("function Renew-Cert { param($Thumbprint, [switch]$Force) $Thumbprint }")
    assert texts(shell, "Renew-C") == ["Renew-Cert"]
    assert texts(shell, "Renew-Cert -") == ["-Thumbprint", "-Force"]


@pytest.mark.parametrize("text", [
    "", "'", '"unfinished', "@'\n", "Get-ExchangeCertificate -Thumbprint (", "$(", "{{{{",
    "Get-ExchangeCertificate -Services:", "& $x -", "-", "$", "@",
])
def test_odd_input_never_raises(shell, text):
    assert isinstance(complete(shell, text), list)


# -- the prompt_toolkit face -----------------------------------------------------------

def doc_completions(shell, text, cursor=None):
    completer = make_completer(shell)
    doc = Document(text, len(text) if cursor is None else cursor)
    return list(completer.get_completions(doc, CompleteEvent(completion_requested=True)))


def test_completer_on_documents(shell):
    found = doc_completions(shell, "Enable-ExchangeCertificate -Services I")
    assert [(c.text, c.start_position) for c in found] == [("IMAP", -1), ("IIS", -1)]


def test_completer_uses_only_the_text_left_of_the_cursor(shell):
    text = "Get-ExchangeCertificate -Th | fl"
    found = doc_completions(shell, text, cursor=len("Get-ExchangeCertificate -Th"))
    assert [(c.text, c.start_position) for c in found] == [("-Thumbprint", -3)]


def test_completer_on_a_continuation_line(shell):
    found = doc_completions(shell, "Get-ExchangeCertificate |\nNew-Exchange")
    assert [c.text for c in found] == ["New-ExchangeCertificate"]


def test_completer_display_meta(shell):
    thumb = thumbprints(shell)[0]
    found = doc_completions(shell, "Get-ExchangeCertificate -Thumbprint ")
    assert [c.text for c in found] == [thumb]
    assert found[0].display_meta_text == "CN=EX01"
    assert found[0].display_text == thumb + "  IP.WS."


def test_background_build_serves_the_next_tab(shell):
    from exshell.engine.completion import warm
    server = shell.organization.local_server
    key = ("thumbprints", id(server))
    cache = CompletionCache()
    warm(shell.context, cache)
    cache.wait(10)
    built = cache.peek(key)
    assert [c.text for c in built] == thumbprints(shell)     # the warmer built the list
    assert texts_with(shell, cache) == thumbprints(shell)
    assert cache.peek(key) is built                          # ... and Tab used it
    cache.invalidate()
    assert cache.peek(key) is None
    assert texts_with(shell, cache) == thumbprints(shell)    # rebuilt on demand


def test_a_command_that_changes_nothing_keeps_the_candidates(shell):
    """The lists are stamped with the world's revision: after Get-Date the same list
    serves Tab (no rebuild of ten thousand candidates); after a change it is rebuilt."""
    server = shell.organization.local_server
    key = ("thumbprints", id(server))
    cache = CompletionCache()
    assert texts_with(shell, cache) == thumbprints(shell)
    built = cache.peek(key)
    cache.invalidate()
    shell.run("Get-Date | Out-Null; Get-ExchangeCertificate | Out-Null")
    assert texts_with(shell, cache) == thumbprints(shell) and cache.peek(key) is None
    assert cache.get(key, lambda: None, shell.world.revision) is built
    cache.invalidate()
    shell.host.answers = ["n"]
    shell.run("Get-ExchangeCertificate | New-ExchangeCertificate")
    after = texts_with(shell, cache)
    assert len(after) == 2 and after == thumbprints(shell)
    assert cache.get(key, lambda: None, shell.world.revision) is not built


def test_a_build_overlapping_a_command_is_thrown_away():
    cache = CompletionCache()

    def slow():
        cache.invalidate()  # a command ran meanwhile
        return ["stale"]

    assert cache.get("list", slow) == ["stale"]
    assert cache.peek("list") is None
    assert cache.get("list", lambda: ["fresh"]) == ["fresh"] and cache.peek("list") == ["fresh"]


def texts_with(shell, cache):
    return [c.text for c in complete(shell, "Get-ExchangeCertificate -Thumbprint ", cache)]


@pytest.fixture
def drive_shell(shell, tmp_path):
    shell.drive_root = str(tmp_path / "drive")
    shell.drive.ensure()
    shell.run("Set-Content -Path C:\\Users\\Administrator\\cert.txt -Value x; "
              "New-Item -ItemType Directory -Path 'C:\\Users\\Administrator\\My Certs'")
    return shell


@pytest.mark.parametrize("text, expected", [
    ("Get-Content C:\\Us", ["C:\\Users"]),
    ("Get-Content -Path C:\\users\\administrator\\c", ["C:\\users\\administrator\\cert.txt"]),
    ("Get-Content -Path C:\\Users\\Administrator\\", ["'C:\\Users\\Administrator\\My Certs'",
                                                     "C:\\Users\\Administrator\\cert.txt"]),
    ("Get-Content 'C:\\Users\\Administrator\\My", ["'C:\\Users\\Administrator\\My Certs'"]),
    ("Get-Content C:\\Nowhere\\", []),
])
def test_paths_complete_from_the_emulated_drive(drive_shell, text, expected):
    assert texts(drive_shell, text) == expected


def test_relative_paths_complete_from_the_location(drive_shell):
    drive_shell.run("Set-Location C:\\Users\\Administrator")
    assert texts(drive_shell, "Get-Content ce") == [".\\cert.txt"]
    assert texts(drive_shell, "Set-Location ..\\Adm") == ["..\\Administrator"]


@pytest.mark.parametrize("text, expected", [
    ("Get-ExchangeCertificate | fl Th", ["Thumbprint"]),
    ("Get-ExchangeCertificate | Format-Table Thumbprint,Servi", ["Services", "ServicesStringForm"]),
    ("Get-ExchangeCertificate | ? { $_.IsSelfSigned } | sort -Property NotA", ["NotAfter"]),
    ("$cert | select Thu", ["Thumbprint"]),
    ("$when | fl Da", ["Date", "Day", "DayOfWeek", "DayOfYear"]),
    ("Get-Unknown | fl Th", []),
    ("fl Th", []),
])
def test_property_names_from_the_pipeline(shell, text, expected):
    shell.run("$cert = Get-ExchangeCertificate; $when = Get-Date")
    assert texts(shell, text) == expected


def test_property_names_follow_the_powershell_version(shell, shell2013):
    assert "DnsNameList" not in texts(shell, "Get-ExchangeCertificate | fl D")
    assert "DnsNameList" in texts(shell2013, "Get-ExchangeCertificate | fl D")


# ------------------------------------------------------------------ completion owned by types

def test_connector_identity_offers_connectors(shell):
    """-Identity of a connector cmdlet is a connector (not a thumbprint): the
    parameter's type says so; one with a blank comes quoted."""
    assert texts(shell, "Get-ReceiveConnector -Identity ") == [
        "'EX01\\Default EX01'", "'EX01\\Client EX01'"]
    assert texts(shell, "Set-ReceiveConnector EX01\\Cl") == ["'EX01\\Client EX01'"]
    assert texts(shell, "Get-ReceiveConnector -Server EX01 -Identity 'EX01\\D") == \
        ["'EX01\\Default EX01'"]
    shell.run("New-SendConnector -Name Internet -AddressSpaces * | Out-Null")
    assert texts(shell, "Set-SendConnector -Identity In") == ["Internet"]


def test_accepted_domain_identity_offers_the_accepted_domains(shell2013):
    org = shell2013.organization
    from exshell.exchange.organization import AcceptedDomain
    org.accepted_domains = list(org.accepted_domains) + [AcceptedDomain("fabrikam.com", True, False),
                                                         AcceptedDomain("contoso.net", True, False)]
    assert texts(shell2013, "Get-AcceptedDomain -Identity ") == ["contoso.com", "fabrikam.com",
                                                                 "contoso.net"]
    assert texts(shell2013, "Get-AcceptedDomain cont") == ["contoso.com", "contoso.net"]
    assert texts(shell2013, "Get-AcceptedDomain -Identity FAB") == ["fabrikam.com"]


def test_certificate_identity_is_server_backslash_thumbprint(shell2013):
    thumbs = [c.Thumbprint for c in shell2013.organization.local_server.certificates()]
    found = complete(shell2013, "Get-ExchangeCertificate -Identity ")
    assert [c.text for c in found] == ["EX01\\" + t for t in thumbs]
    assert complete(shell2013, "Remove-ExchangeCertificate -Identity ex01\\" + thumbs[0][:4])[0].text \
        == "EX01\\" + thumbs[0]
    assert texts(shell2013, "Get-ExchangeCertificate -Identity NOPE\\") == []


def test_server_identities_offer_servers(shell):
    assert texts(shell, "Get-ExchangeServer ") == ["EX01"]
    assert texts(shell, "Get-TransportServer -Identity E") == ["EX01"]


def test_property_lists_follow_the_pipeline(shell):
    assert "Thumbprint" in texts(shell, "Get-ExchangeCertificate | Format-List Th")
    assert texts(shell, "Get-ExchangeCertificate | ? { $_ } | Sort-Object NotA") == ["NotAfter"]
    assert texts(shell, "Get-ExchangeServer | Format-List Th") == []   # declares nothing


def test_the_repl_keeps_no_table_keyed_by_parameter_names():
    import exshell.repl.completion as completion
    source = open(completion.__file__, encoding="utf-8").read()
    for name in ('"thumbprint"', '"identity"', '"server"', '"path"', '"property"'):
        assert name not in source           # folded parameter names as keys: none
    assert not hasattr(completion, "VALUE_SOURCES")


def test_a_long_kept_list_gives_the_same_menu_until_it_is_rebuilt():
    """PSReadLine's menu of a server's thumbprints is made once per list: opening it
    again (nothing typed) reuses it; a rebuilt list, or the same list quoted, makes
    a new one; every menu is the candidates' own Completions, in order."""
    from exshell.engine.completion import Candidate
    from exshell.repl.completion import Adjusted, menu_item, menu_items
    kept = [Candidate("%040X" % i, 0, "%040X  IP.WS." % i, "CN=host%d" % i) for i in range(300)]
    first = menu_items(Adjusted(kept, 0))
    assert [(m.text, m.display_text, m.display_meta_text) for m in first] == \
        [(c.text, c.display, c.meta) for c in kept]
    assert menu_items(Adjusted(kept, 0)) is first
    quoted = menu_items(Adjusted(kept, 1, "'"))
    assert quoted is not first and quoted[0].text == "'%040X'" % 0 and quoted[0].start_position == -1
    rebuilt = list(kept)
    again = menu_items(Adjusted(rebuilt, 0))
    assert again is not first and again == first
    short = kept[:3]
    assert menu_items(Adjusted(short, 0)) == [menu_item(c) for c in short]


def test_the_background_warm_makes_the_menus_of_the_long_lists(shell):
    """The PSReadLine console has the warm make the menu of a long kept list too, so
    the first menu of a session opens as fast as the next."""
    from exshell.engine.completion import Candidate, warm
    from exshell.repl.completion import Adjusted, menu_items, prepare_menus
    cache = CompletionCache()
    long_list = [Candidate("%040X" % i) for i in range(300)]
    cache.get("long", lambda: long_list)
    cache.get("short", lambda: long_list[:3])
    made = []
    cache.after_warm = lambda c: (prepare_menus(c), made.append(True))
    warm(shell.context, cache)
    cache.wait(30)
    assert made
    import exshell.repl.completion as completion
    ready = [items for base, _, items in completion._LAST_MENUS if base is long_list]
    assert ready, "the warm made no menu of the long list"
    assert menu_items(Adjusted(long_list, 0)) is ready[0]
    assert [m.text for m in ready[0]] == [c.text for c in long_list]
