"""Get-Help: content for every cmdlet, the views, -?, wildcards, about_exshell."""
import re

import pytest

from exshell.cmdlets import help as help_module
from exshell.engine.cmdlet import REGISTRY
from exshell.help import texts
from exshell.lang import parse
from exshell.profiles import PROFILES, SUPPORTED_VERSIONS as VERSIONS
from exshell.testing import make_shell

CERT_CMDLETS = ("Get-ExchangeCertificate", "New-ExchangeCertificate",
                "Enable-ExchangeCertificate", "Export-ExchangeCertificate",
                "Import-ExchangeCertificate", "Remove-ExchangeCertificate")


def _all_cmdlets():
    REGISTRY.load_all()
    return sorted(REGISTRY.cmdlets.values(), key=lambda c: c.name)


def help_text(command, version="2010", width=80):
    shell, host = make_shell(version, width=width)
    shell.run(command)
    return host.text


# ------------------------------------------------------------------ content
@pytest.mark.parametrize("version", VERSIONS)
def test_every_cmdlet_has_a_description_and_an_example(version):
    missing = []
    for cls in _all_cmdlets():
        description = help_module._pick(texts.DESCRIPTIONS.get(cls.name), version)
        examples = help_module._pick(texts.EXAMPLES.get(cls.name, ()), version)
        if not description or not examples:
            missing.append(cls.name)
    assert missing == []


@pytest.mark.parametrize("version", VERSIONS)
def test_certificate_cmdlets_have_three_examples_and_every_parameter_described(version):
    for name in CERT_CMDLETS:
        cls = REGISTRY.lookup(name)
        assert len(help_module._pick(texts.EXAMPLES[name], version)) >= 3, name
        for p in cls.parameters:
            if p.is_available(PROFILES[version]):
                assert help_module.param_description(name, p.name, version), (name, p.name)


def test_every_example_parses():
    bad = []
    for name, examples in texts.EXAMPLES.items():
        variants = examples.values() if isinstance(examples, dict) else [examples]
        for variant in variants:
            for command, explanation in variant:
                assert explanation
                try:
                    parse(command)
                except Exception as e:  # noqa: BLE001 - collected for one message
                    bad.append((name, command, str(e)))
    assert bad == []


def test_examples_only_use_parameters_the_version_has():
    # -Path/-FileName/-RequestFile differ by version: the examples must follow.
    for version, absent in (("2010", ("-Path C:\\certs", "-FileName", "-RequestFile")),
                            ("2007", ("-FileData", "-FileName", "-RequestFile")),
                            ("2016", ("-FileName", "-RequestFile"))):
        for name in ("Export-ExchangeCertificate", "Import-ExchangeCertificate",
                     "New-ExchangeCertificate"):
            # Only the text of the cmdlet's own invocation (up to a pipe or line end).
            commands = " ".join(
                re.split(r"[|\n]", c.split(name, 1)[1])[0]
                for c, _ in help_module._pick(texts.EXAMPLES[name], version) if name in c)
            for word in absent:
                assert word not in commands, (version, name, word)


# ------------------------------------------------------------------ views
REMOVE_DEFAULT = r"""
NAME
    Remove-ExchangeCertificate

SYNOPSIS
    Use the Remove-ExchangeCertificate cmdlet to delete a certificate or a
    pending request from an Exchange server.


SYNTAX
    Remove-ExchangeCertificate [-Thumbprint] <String> [-Server
    <ServerIdParameter>] [-DomainController <Fqdn>] [-Verbose] [-Debug]
    [-ErrorAction <ActionPreference>] [-WarningAction <ActionPreference>]
    [-ErrorVariable <String>] [-WarningVariable <String>] [-OutVariable
    <String>] [-OutBuffer <Int32>] [-WhatIf] [-Confirm]


DESCRIPTION
    Remove-ExchangeCertificate deletes a certificate, or a pending request,
    from the server's certificate store. The cmdlet asks for confirmation
    first; answer A or Y, or add -Confirm:$false to skip the question.

    Some certificates cannot be removed: the server's default SMTP
    certificate, the UM certificates, a certificate a federation trust
    uses, and a certificate whose issuer and subject a Send connector names
    (TlsCertificateName). Point those at another certificate first. Before
    removing any other certificate, make sure another certificate serves
    its services (see Get-ExchangeCertificate | Format-List
    Thumbprint,Services): IIS, POP and IMAP do not move by themselves.
    Removal cannot be undone unless the certificate was exported.


RELATED LINKS
    Get-ExchangeCertificate
    New-ExchangeCertificate
    Enable-ExchangeCertificate
    Export-ExchangeCertificate
    Import-ExchangeCertificate

REMARKS
    To see the examples, type: "get-help Remove-ExchangeCertificate -examples".
    For more information, type: "get-help Remove-ExchangeCertificate -detailed".
    For technical information, type: "get-help Remove-ExchangeCertificate -full".

"""


def test_default_view_exact_text():
    assert help_text("Get-Help Remove-ExchangeCertificate") == REMOVE_DEFAULT


@pytest.mark.parametrize("command", ["Remove-ExchangeCertificate -?", "help Remove-ExchangeCertificate",
                                     "man remove-exchangecertificate",
                                     "Get-Help -Name Remove-ExchangeCertificate"])
def test_other_ways_to_ask_show_the_same(command):
    assert help_text(command) == REMOVE_DEFAULT


def test_question_mark_does_not_run_the_command():
    shell, host = make_shell()
    count = []
    shell.run("(Get-ExchangeCertificate | Measure-Object).Count", out=count.append)
    shell.run("New-ExchangeCertificate -?")
    shell.run("(Get-ExchangeCertificate | Measure-Object).Count", out=count.append)
    assert count[0] == count[1]
    assert "NAME\n    New-ExchangeCertificate" in host.text
    assert "Overwrite" not in host.text


def test_examples_view():
    text = help_text("Get-Help Remove-ExchangeCertificate -Examples")
    assert "SYNTAX" not in text and "REMARKS" not in text and "PARAMETERS" not in text
    lines = text.split("\n")
    for i in (1, 2, 3):
        assert "    -------------------------- EXAMPLE %d --------------------------" % i in lines
    assert ("    C:\\PS>Remove-ExchangeCertificate -Thumbprint "
            "5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -Confirm:$false") in lines
    assert "    Description" in lines and "    -----------" in lines


def test_detailed_view_lists_parameters_without_their_table():
    text = help_text("Get-Help Enable-ExchangeCertificate -Detailed")
    assert "PARAMETERS" in text and "    -Services <AllowedServices>" in text
    assert "Required?" not in text and "INPUTS" not in text
    assert "EXAMPLE 1" in text and "<CommonParameters>" in text


def test_full_view_has_the_parameter_table_and_sections():
    text = help_text("Get-Help Remove-ExchangeCertificate -Full")
    block = ("    -Thumbprint <String>\n"
             "        The thumbprint of the certificate or pending request to remove.\n"
             "\n"
             "        Required?                    true\n"
             "        Position?                    1\n"
             "        Default value\n"
             "        Accept pipeline input?       true (ByValue, ByPropertyName)\n"
             "        Accept wildcard characters?  false\n")
    assert block in text
    for section in ("\nINPUTS\n", "\nOUTPUTS\n", "\nNOTES\n", "\nRELATED LINKS\n",
                    "EXAMPLE 3"):
        assert section in text
    assert "REMARKS" not in text
    assert "Position?                    named" in text  # -Server


def test_parameter_view_with_wildcard():
    text = help_text("Get-Help Enable-ExchangeCertificate -Parameter S*")
    heads = [l for l in text.split("\n") if l.startswith("-")]
    assert heads == ["-Services <AllowedServices>", "-Server <ServerIdParameter>"]
    assert "    Required?                    true" in text


def test_parameter_view_no_match_is_an_error():
    text = help_text("Get-Help Remove-ExchangeCertificate -Parameter zz")
    assert "No parameter matches criteria zz." in text and "NoParmsFound" in text


def test_wildcard_lists_a_table():
    text = help_text("Get-Help *ExchangeCertificate*", width=120)
    lines = [l.rstrip() for l in text.strip("\n").split("\n")]
    assert lines[0] == "Name                              Category  Synopsis"
    assert lines[1] == "----                              --------  --------"
    names = [l.split()[0] for l in lines[2:]]
    assert names == sorted(CERT_CMDLETS, key=str.casefold)
    assert all(l.split()[1] == "Cmdlet" for l in lines[2:])
    assert lines[2].startswith("Enable-ExchangeCertificate        Cmdlet    Use the Enable-")


def test_wildcard_matching_one_shows_its_help():
    assert help_text("Get-Help Remove-ExchangeCert*") == REMOVE_DEFAULT


def test_wildcard_includes_aliases_and_about_topics():
    text = help_text("Get-Help about_*", width=120)
    assert "about_exshell" in text and "HelpFile" in text
    text = help_text("Get-Help gc*", width=120)
    assert "gci" in text and "Alias" in text and "Get-ChildItem" in text


def test_about_exshell():
    text = help_text("Get-Help about_exshell")
    for words in ("about_exshell", "WHAT IS EMULATED", "WHAT IS NOT EMULATED",
                  "Deserialized", "Set-Date", "real X.509"):
        assert words in text


def test_no_name_prints_the_short_help():
    text = help_text("Get-Help")
    assert "get-help {<CmdletName> | <TopicName>}" in text and "about_exshell" in text


def test_unknown_topic_is_an_error():
    text = help_text("Get-Help nosuch", width=200)
    assert "Get-Help could not find nosuch in a help file in this session." in text
    assert "HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand" in text


@pytest.mark.parametrize("version, present, absent", [
    ("2007", "-Path", "-FileData"),
    ("2010", "-FileData", "-FileName"),
    ("2013", "-FileName", "-Path"),
])
def test_versions_show_their_own_parameters_and_examples(version, present, absent):
    text = help_text("Get-Help Import-ExchangeCertificate -Full", version)
    assert "\n    %s <" % present in text and "\n    %s <" % absent not in text


def test_51_syntax_and_common_parameters():
    text = help_text("Get-Help Remove-ExchangeCertificate -Detailed", "2016", width=200)
    assert "[-WhatIf] [-Confirm] [<CommonParameters>]" in text
    assert "PipelineVariable" in text  # the 5.1 common-parameter paragraph
    assert "-Identity <ExchangeCertificateIdParameter>" in text


def test_version_restricted_cmdlet_is_not_found_on_older_versions():
    assert "HelpNotFound" in help_text("Get-Help Set-AuthConfig", "2010")
    assert "NAME\n    Set-AuthConfig" in help_text("Get-Help Set-AuthConfig", "2016")


def test_output_is_a_string_for_the_pipeline():
    shell, host = make_shell()
    out = []
    shell.run("Get-Help Remove-ExchangeCertificate | Out-String", out=out.append)
    assert len(out) == 1 and "REMARKS" in out[0]
