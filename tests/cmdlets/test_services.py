"""Windows services: each version's list, the states that matter (a stopped W3SVC
leaves HTTPS unanswered, a stopped IMAP4 fails Test-ImapConnectivity, a stopped
transport fails SMTP), dependencies, iisreset, and the state kept in the world."""
from __future__ import annotations

import pytest

from exshell.profiles import PROFILES
from exshell.testing import make_shell


def run(shell, host, text):
    host.clear()
    shell.run(text)
    return host.text


@pytest.mark.parametrize("version", list(PROFILES))
def test_every_version_lists_its_services_sorted_and_running(version):
    shell, host = make_shell(version, width=120)
    text = run(shell, host, "Get-Service | ForEach-Object { $_.Name + '=' + $_.Status }")
    names = [line.split("=")[0] for line in text.split()]
    assert names == sorted(names, key=str.casefold)
    assert {line.split("=")[1] for line in text.split()} == {"Running"}
    expected = {row[0] for row in PROFILES[version].windows_services}
    assert set(names) == expected
    assert {"W3SVC", "MSExchangeTransport", "MSExchangeImap4", "MSExchangePop3"} <= expected


@pytest.mark.parametrize("version, present, absent", [
    ("2010", ["MSExchangeSA", "MSExchangeFBA"], ["MSExchangeFrontEndTransport"]),
    ("2013", ["MSExchangeFrontEndTransport", "MSExchangeIMAP4BE", "MSExchangeUM"], ["MSExchangeSA"]),
    ("2019", ["MSExchangeFrontEndTransport", "MSExchangeHM"], ["MSExchangeUM", "MSExchangeUMCR"]),
])
def test_services_differ_by_version(version, present, absent):
    names = {row[0] for row in PROFILES[version].windows_services}
    assert set(present) <= names and not set(absent) & names


def test_the_default_table():
    shell, host = make_shell("2010", width=80)
    text = run(shell, host, "Get-Service MSExchangeTransport,W3SVC")
    assert text.split("\n")[1:5] == [
        "Status   Name               DisplayName                           ",
        "------   ----               -----------                           ",
        "Running  MSExchangeTrans... Microsoft Exchange Transport          ",
        "Running  W3SVC              World Wide Web Publishing Service     "]


def test_unknown_names_are_errors_in_order_and_wildcards_are_not():
    shell, host = make_shell("2016")
    text = run(shell, host, "Get-Service W3SVC,nosuch; Get-Service nothing*; 'end'")
    assert text.index("W3SVC") < text.index("Cannot find any service with service name 'nosuch'.")
    assert "NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand" in text
    assert text.count("Cannot find any service") == 1 and text.rstrip().endswith("end")


def test_a_stopped_w3svc_leaves_https_unanswered():
    # The setup certificate is self-signed: a running IIS answers, and is not trusted.
    shell, host = make_shell("2016")
    request = "Invoke-WebRequest https://ex01.contoso.com/owa"
    assert "Could not establish trust relationship" in run(shell, host, request)
    run(shell, host, "Stop-Service W3SVC")
    text = run(shell, host, request)
    assert "Invoke-WebRequest : Unable to connect to the remote server" in text
    assert "trust" not in text
    run(shell, host, "Start-Service W3SVC")
    assert "Could not establish trust relationship" in run(shell, host, request)


def test_a_stopped_w3svc_fails_the_labs_tls_check():
    import sys
    import pathlib
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "labs"))
    from helpers import run_wrong
    lab_task = ("enterprise-ca", "enable")
    solution = ("$new = Get-ExchangeCertificate | Where-Object { -not $_.IsSelfSigned }\n"
                "Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS,SMTP\n"
                "Stop-Service W3SVC")
    result = run_wrong(*lab_task, solution, answers=["Y"])
    assert not result.passed
    assert "the service behind it is stopped" in "\n".join(result.lines())


def test_a_stopped_imap4_fails_test_imapconnectivity():
    shell, host = make_shell("2010")
    before = run(shell, host, "(Test-ImapConnectivity).Error")
    run(shell, host, "Stop-Service MSExchangeImap4")
    after = run(shell, host, "Test-ImapConnectivity | fl Result,Error")
    assert "Failure" in after and "actively refused" in after and "actively refused" not in before
    run(shell, host, "Restart-Service MSExchangeImap4")
    assert run(shell, host, "(Test-ImapConnectivity).Error") == before


def test_a_stopped_frontend_transport_fails_smtp_on_2016():
    shell, host = make_shell("2016")
    run(shell, host, "Stop-Service MSExchangeFrontEndTransport")
    assert "UnableToConnect" in run(shell, host, "Test-SmtpConnectivity | ForEach-Object StatusCode")


def test_dependencies_force_and_start_order():
    shell, host = make_shell("2016")
    text = run(shell, host, "Stop-Service WAS")
    assert ("Cannot stop service 'Windows Process Activation Service (WAS)' because it has "
            "dependent services. It can only be stopped if the Force flag is set.") in text
    assert run(shell, host, "(Get-Service WAS).Status") == "Running\n"
    run(shell, host, "Stop-Service WAS -Force")
    assert run(shell, host, "(Get-Service WAS,W3SVC).Status") == "Stopped\nStopped\n"
    run(shell, host, "Start-Service W3SVC")           # WAS starts first
    assert run(shell, host, "(Get-Service WAS,W3SVC).Status") == "Running\nRunning\n"
    assert run(shell, host, "(Get-Service W3SVC -RequiredServices).Name") == "WAS\n"


def test_restart_with_force_starts_what_it_stopped():
    shell, host = make_shell("2010")
    run(shell, host, "Stop-Service MSExchangePop3")
    run(shell, host, "Restart-Service MSExchangeADTopology -Force")
    text = run(shell, host, "Get-Service MSExchangeADTopology,MSExchangeImap4,MSExchangePop3 | "
                            "ForEach-Object { $_.Name + '=' + $_.Status }")
    assert text.split() == ["MSExchangeADTopology=Running", "MSExchangeImap4=Running",
                            "MSExchangePop3=Stopped"]


def test_whatif_and_passthru():
    shell, host = make_shell("2010")
    text = run(shell, host, "Stop-Service MSExchangeTransport -WhatIf")
    assert text == ('What if: Performing operation "Stop-Service" on Target "Microsoft Exchange '
                    'Transport (MSExchangeTransport)".\n')
    assert run(shell, host, "(Get-Service MSExchangeTransport).Status") == "Running\n"
    assert "Stopped" in run(shell, host, "Stop-Service MSExchangeTransport -PassThru")


def test_iisreset():
    shell, host = make_shell("2010")
    assert run(shell, host, "iisreset /stop") == ("Attempting stop...\n"
                                                   "Internet services successfully stopped\n")
    assert run(shell, host, "iisreset /status") == (
        "Status for IIS Admin Service ( IISADMIN ) : Stopped\n"
        "Status for Windows Process Activation Service ( WAS ) : Stopped\n"
        "Status for World Wide Web Publishing Service ( W3SVC ) : Stopped\n")
    assert run(shell, host, "iisreset; $LASTEXITCODE").split("\n")[-2:] == ["0", ""]
    assert "Stopped" not in run(shell, host, "iisreset /status")
    # $null is no argument at all (was an internal error; found by scripts/fuzz_run.py)
    assert run(shell, host, "iisreset $unset /stop $null") == ("Attempting stop...\n"
                                                             "Internet services successfully stopped\n")
    run(shell, host, "iisreset /start")
    text = run(shell, host, "iisreset /bogus; $LASTEXITCODE")
    assert text.startswith("Invalid command line argument: bogus") and text.endswith("\n1\n")
    shell, host = make_shell("2019")                   # no IIS Admin Service on 2019
    assert "IISADMIN" not in run(shell, host, "iisreset /status")


def test_other_servers_and_unknown_computers():
    shell, host = make_shell("2010", organization="orgs/two-servers-2010.toml")
    run(shell, host, "Stop-Service W3SVC")
    assert run(shell, host, "(Get-Service W3SVC -ComputerName EX02).Status") == "Running\n"
    assert "Cannot open Service Control Manager on computer 'nowhere'." in run(
        shell, host, "Get-Service -ComputerName nowhere")


def test_the_state_stays_in_the_world(tmp_path):
    state = str(tmp_path / "world.db")
    shell, host = make_shell("2016", state=state)
    run(shell, host, "Stop-Service W3SVC")
    shell.close()
    shell, host = make_shell("2016", state=state)
    assert run(shell, host, "(Get-Service W3SVC).Status") == "Stopped\n"
