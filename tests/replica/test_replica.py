"""exshell replica: the export script, reading dumps, building the world, the CLI."""
import base64
import datetime as dt
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st

from exshell.exchange.clock import FixedClock
from exshell.exchange.keys import PoolKeySource, SeededSerials, extra_lab_keys_source
from exshell.replica.cli import import_replica, main as replica_main
from exshell.replica.nrbf import certificate_facts, parse_nrbf
from exshell.replica.script import FILES, SCRIPT, script_text
from exshell.testing import DEFAULT_CLOCK, make_shell

sys.path.insert(0, os.path.dirname(__file__))
import dumpkit  # noqa: E402


def sources():
    return dict(clock=FixedClock(DEFAULT_CLOCK), key_source=PoolKeySource(fallback=extra_lab_keys_source()),
                serials=SeededSerials("exshell"))


def lines(report, section):
    return report.lines[section]


# ------------------------------------------------------------------ SerializationData

def test_nrbf_reads_what_binaryformatter_layout_holds():
    cert, _ = dumpkit.make_cert("mail.fabrikam.com", ["mail.fabrikam.com"], dumpkit.T0,
                                dumpkit.T0 + dt.timedelta(days=90))
    data = dumpkit.nrbf_certificate(cert, identity="EX01.fabrikam.com\\" + dumpkit.thumbprint(cert),
                                    services=8 | 16, exportable=True, friendly="Fabrikam mail",
                                    iis=["IIS://EX01/W3SVC/1", "IIS://EX01/W3SVC/2"])
    root = parse_nrbf(data)
    assert root["__class__"].endswith("ExchangeCertificate")
    facts = certificate_facts(data, dumpkit.der(cert))
    assert facts == {"services": 24, "status": "Valid", "exportable": True,
                     "identity": "EX01.fabrikam.com\\" + dumpkit.thumbprint(cert),
                     "iis": ["IIS://EX01/W3SVC/1", "IIS://EX01/W3SVC/2"], "has_key": True,
                     "friendly_name": "Fabrikam mail"}
    no_key = dumpkit.nrbf_certificate(cert, identity="x\\y", services=0, has_key=False)
    assert certificate_facts(no_key, dumpkit.der(cert))["has_key"] is False
    # The store element of another certificate says nothing about this one's key.
    assert "has_key" not in certificate_facts(data, b"other")


_SMALL, _ = dumpkit.make_cert("x", [], dumpkit.T0, dumpkit.T0 + dt.timedelta(days=1))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_nrbf_damage_never_raises(data):
    cert = _SMALL
    blob = bytearray(dumpkit.nrbf_certificate(cert, identity="a\\b", services=16,
                                              iis=["IIS://A/W3SVC/1"]))
    cut = data.draw(st.integers(0, len(blob)))
    flips = data.draw(st.lists(st.tuples(st.integers(0, len(blob) - 1), st.integers(0, 255)), max_size=6))
    for pos, value in flips:
        blob[pos] = value
    facts = certificate_facts(bytes(blob[:cut]), dumpkit.der(cert))
    assert isinstance(facts, dict)


# ------------------------------------------------------------------ the script

def test_script_is_powershell_2_and_read_only():
    from exshell.lang import parse
    parse(SCRIPT)
    # Nothing PowerShell 3.0 added (the 2010 round trip runs it under 2.0 rules too).
    for newer in ("[pscustomobject]", "[ordered]", " -in ", " -notin ", "$PSItem", "::new(",
                  "-ErrorAction Ignore", "$using:", "Where-Object Name"):
        assert newer.lower() not in SCRIPT.lower(), newer
    text = script_text()
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    verbs = {w.split("-")[0] for w in SCRIPT.replace("(", " ").split() if "-" in w and w[0].isupper()}
    assert verbs <= {"Get", "Export", "Test", "New", "Join", "Import", "Write", "Where",
                     "ForEach", "Out", "Save"}
    # New-Item makes the output folder only; Import-Module loads WebAdministration only.
    assert SCRIPT.count("New-Item") == 1 and SCRIPT.count("Import-Module") == 1
    for pattern, _, _ in FILES:
        assert pattern.split("<")[0].split(".")[0] in SCRIPT


def test_readme_lists_everything_the_script_reads():
    readme = open(os.path.join(os.path.dirname(__file__), "..", "..", "README.md"), encoding="utf-8").read()
    for name_, _, how in FILES:
        assert "`%s`" % name_ in readme, name_
        assert how.split()[0] in readme


def test_cli_script_prints_and_writes(tmp_path, capsys):
    assert replica_main(["script"]) == 0
    assert "Get-ExchangeCertificate -Server $name" in capsys.readouterr().out
    out = tmp_path / "export.ps1"
    assert replica_main(["script", "-Out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf<#") and b"\r\n" in raw


def _export_in_exshell(version, organization=None):
    """Run the export script in an exshell world; return (shell, dump folder)."""
    shell, host = make_shell(version, organization=organization)
    os.makedirs(os.path.join(shell.drive_root, "C"), exist_ok=True)
    with open(os.path.join(shell.drive_root, "C", "export.ps1"), "w", newline="") as fh:
        fh.write(script_text())
    shell.run("& C:\\export.ps1 -Path C:\\dump")
    assert shell.internal_errors == []
    assert "Exported" in host.text, host.text
    return shell, os.path.join(shell.drive_root, "C", "dump")


VIEW = ("Get-ExchangeServer | ft Name,ServerRole,AdminDisplayVersion; "
        "foreach ($s in Get-ExchangeServer) { Get-ExchangeCertificate -Server $s.Name | "
        "fl Thumbprint,Subject,Services,Status,RootCAType,HasPrivateKey,NotAfter,CertificateDomains }; "
        "Get-ReceiveConnector | ft Identity,Bindings,Fqdn; Get-SendConnector | fl Name,TlsCertificateName")


@pytest.mark.parametrize("version, organization", [
    ("2010", None), ("2016", None), ("2010", "orgs/two-servers-2010.toml"),
    ("2016", "orgs/three-servers-2016.toml")])
def test_round_trip_script_in_exshell_then_import(version, organization, tmp_path):
    shell, folder = _export_in_exshell(version, organization)
    org, report = import_replica(folder, **sources())
    assert org is not None, report.render()
    assert lines(report, "conflict") == []
    before = _run(shell, VIEW)
    state = str(tmp_path / "replica.db")
    _save(org, state)
    replica, _ = make_shell(version, state=state)
    after = _run(replica, VIEW)
    assert after == before


def _run(shell, text):
    host = shell.host
    host.clear()
    shell.run(text)
    return host.text


# ------------------------------------------------------------------ plain dumps (support scripts)

@pytest.fixture
def fab(tmp_path):
    folder = tmp_path / "dump"
    folder.mkdir()
    certs = dumpkit.fabrikam(str(folder))
    return folder, certs


def test_plain_dump_builds_the_real_certificates(fab):
    folder, certs = fab
    org, report = import_replica(str(folder), **sources())
    assert org is not None and org.profile.version == "2016"
    assert [s.name for s in org.servers] == ["EX01", "EX02"]
    assert org.servers[0].fqdn == "EX01.fabrikam.com"
    ex01 = org.servers[0]
    mail = dumpkit.thumbprint(certs["mail"])
    entry = ex01.my.get(mail)
    assert entry is not None and entry.der == dumpkit.der(certs["mail"])
    assert entry.key is not None and entry.key_is_stand_in()
    assert org.servers[1].my.get(mail).key is entry.key      # one stand-in per certificate
    assert entry.friendly_name == "Fabrikam mail 2025" and entry.exportable
    view = ex01.view_of(mail)
    assert str(view.Services) == "IIS, SMTP" and str(view.Status) == "Valid"
    assert ex01.iis_bindings == {1: mail, 2: dumpkit.thumbprint(certs["setup-EX01"])}
    # The Send connector names the mail certificate by issuer and subject.
    assert org.send_connectors[0].tls_certificate_name == \
        "<I>CN=Fabrikam Issuing CA<S>CN=mail.fabrikam.com"
    assert any("root CA CN=Fabrikam Issuing CA" in l for l in lines(report, "stand_in"))
    assert lines(report, "conflict") == []
    assert any("POP certificate name EX01.fabrikam.com" in l for l in lines(report, "derived"))


def test_dump_without_serialization_data_or_servers(tmp_path):
    """Only RawData and PSComputerName (a dump from a 2010 workstation, say)."""
    cert, _ = dumpkit.make_cert("owa.contoso.com", ["owa.contoso.com"], dumpkit.T0,
                                dumpkit.T0 + dt.timedelta(days=800))
    refs = dumpkit.Refs()
    dumpkit.write(str(tmp_path / "certs.xml"),
                  dumpkit.document([dumpkit.cert_obj(refs, cert, server_fqdn="CAS1.fabrikam.net", nrbf=None)]))
    org, report = import_replica(str(tmp_path), **sources())
    assert org is not None and [s.name for s in org.servers] == ["CAS1"]
    assert org.domain == "fabrikam.net" and org.servers[0].fqdn == "CAS1.fabrikam.net"
    assert org.profile.version == "2016"
    derived = " ".join(lines(report, "derived"))
    assert "server CAS1" in derived and "Exchange version: 2016" in derived
    assert "assumed to have one" in derived
    assert dumpkit.thumbprint(cert) in org.servers[0].my


def test_export_of_a_stand_in_key_warns_and_reimports(fab, tmp_path):
    folder, certs = fab
    org, _ = import_replica(str(folder), **sources())
    state = str(tmp_path / "r.db")
    _save(org, state)
    shell, host = make_shell("2016", state=state)
    mail = dumpkit.thumbprint(certs["mail"])
    shell.run("$pw = ConvertTo-SecureString 'P@ss1' -AsPlainText -Force; "
              "$d = Export-ExchangeCertificate -Thumbprint %s -Server EX01 -BinaryEncoded -Password $pw; "
              "Import-ExchangeCertificate -Server EX02 -FileData $d.FileData -Password $pw" % mail)
    assert "is a stand-in made by 'exshell replica import'" in host.text
    # EX02 already has it: the import says so (the real certificate came back, same thumbprint).
    assert mail in host.text


def test_a_server_outside_the_domain_keeps_its_fqdn_in_the_world_file(fab, tmp_path, capsys):
    folder, _ = fab
    refs = dumpkit.Refs()
    dumpkit.write(str(folder / "ExchangeServer.xml"), dumpkit.document(
        [dumpkit.server_obj(refs, "ex01", "EX01.Fabrikam.com", "Mailbox", 2, (15, 1, 2507, 6)),
         dumpkit.server_obj(refs, "ex02", "EX02.corp.fabrikam.net", "Mailbox", 2, (15, 1, 2507, 6))]))
    state = str(tmp_path / "r.db")
    assert replica_main(["import", str(folder), "-State", state]) == 0
    out = capsys.readouterr().out
    assert "EX02: its FQDN EX02.corp.fabrikam.net is outside the organisation's domain " \
           "fabrikam.com (kept as the dump says)" in out
    shell, host = make_shell("2016", state=state)        # a later shell reads the file
    shell.run("(Get-ExchangeServer EX02).Fqdn; (Get-ReceiveConnector -Server EX02)[0].Fqdn; "
              "(Get-ExchangeServer EX01).Fqdn")
    assert host.text.split() == ["EX02.corp.fabrikam.net", "EX02.corp.fabrikam.net",
                                 "EX01.fabrikam.com"]


# ------------------------------------------------------------------ bad input

def _import(folder):
    return import_replica(str(folder), **sources())


def test_files_from_other_tools_are_skipped_with_reasons(fab):
    folder, _ = fab
    (folder / "certs.csv").write_text("Thumbprint,Subject\r\nAB,CN=x\r\n")
    (folder / "certs.json").write_text('[{"Thumbprint": "AB"}]')
    (folder / "convertto.xml").write_text('<?xml version="1.0"?><Objects><Object Type="System.String">x</Object></Objects>')
    (folder / "list.xml").write_bytes(b"\xff\xfe" + "Thumbprint : AB\r\n".encode("utf-16-le"))
    text = (folder / "certs-ex01.xml").read_bytes()
    (folder / "truncated.xml").write_bytes(text[:len(text) // 2])
    org, report = _import(folder)
    assert org is not None
    skipped = "\n".join(lines(report, "skipped"))
    assert "certs.csv: not an .xml file" in skipped
    assert "convertto.xml: not a CliXML export (the file is XML but not CliXML" in skipped
    assert "list.xml: not a CliXML export (the file is not XML" in skipped
    assert "truncated.xml: not a CliXML export (the file ends in the middle" in skipped


def test_unknown_types_and_plain_values_are_counted_not_used(tmp_path):
    refs = dumpkit.Refs()
    cert, _ = dumpkit.make_cert("a.contoso.com", ["a.contoso.com"], dumpkit.T0, dumpkit.T0 + dt.timedelta(days=9))
    doc = dumpkit.document([
        dumpkit.cert_obj(refs, cert, server_fqdn="EX9.contoso.com", nrbf=None),
        '  <Obj RefId="9"><TN RefId="7"><T>Microsoft.Exchange.Data.Mailbox</T><T>System.Object</T></TN>'
        '<ToString>jane</ToString><Props><S N="Name">jane</S></Props></Obj>',
        '  <Obj RefId="10"><TNRef RefId="7" /><ToString>joe</ToString></Obj>',
        "  <S>a plain string</S>"])
    dumpkit.write(str(tmp_path / "mixed.xml"), doc)
    org, report = _import(tmp_path)
    skipped = "\n".join(lines(report, "skipped"))
    assert "mixed.xml: 2 objects of type Microsoft.Exchange.Data.Mailbox (not used by a replica)" in skipped
    assert "mixed.xml: 1 object of type a plain value (str)" in skipped
    assert "mixed.xml: 1 certificate" in lines(report, "used")


def test_certificates_without_rawdata_or_with_a_wrong_thumbprint(tmp_path):
    cert, _ = dumpkit.make_cert("b.contoso.com", ["b.contoso.com"], dumpkit.T0, dumpkit.T0 + dt.timedelta(days=9))
    raw = base64.b64encode(dumpkit.der(cert)).decode()
    types = "".join("<T>%s</T>" % t for t in dumpkit.CERT_TYPES)
    doc = dumpkit.document([
        '  <Obj RefId="0"><TN RefId="0">%s</TN><Props><S N="Thumbprint">%s</S></Props></Obj>'
        % (types, dumpkit.thumbprint(cert)),
        '  <Obj RefId="1"><TNRef RefId="0" /><Props><BA N="RawData">%s</BA><S N="Thumbprint">%s</S>'
        '</Props></Obj>' % (raw, "0" * 40),
        '  <Obj RefId="2"><TNRef RefId="0" /><Props><BA N="RawData">AAAA</BA></Props></Obj>'])
    dumpkit.write(str(tmp_path / "c.xml"), doc)
    org, report = _import(tmp_path)
    assert org is None                      # nothing usable: no world
    skipped = "\n".join(lines(report, "skipped"))
    assert "has no RawData (export it with Export-Clixml" in skipped
    assert "RawData hashes to %s, not to its Thumbprint %s" % (dumpkit.thumbprint(cert), "0" * 40) in skipped
    assert "is not a DER certificate" in skipped
    assert "no world is built" in skipped


def test_two_dumps_disagreeing_about_one_server(fab):
    folder, certs = fab
    refs = dumpkit.Refs()
    dumpkit.write(str(folder / "zz-servers-again.xml"), dumpkit.document(
        [dumpkit.server_obj(refs, "ex01", "EX01.Fabrikam.com", "Mailbox", 2, (15, 2, 1544, 4))]))
    mail = certs["mail"]
    refs = dumpkit.Refs()
    dumpkit.write(str(folder / "zz-ex01-again.xml"), dumpkit.document([dumpkit.cert_obj(
        refs, mail, server_fqdn="EX01.Fabrikam.com",
        nrbf=dumpkit.nrbf_certificate(mail, identity="EX01.Fabrikam.com\\" + dumpkit.thumbprint(mail),
                                      services=16))]))
    org, report = _import(folder)
    conflicts = "\n".join(lines(report, "conflict"))
    assert "EX01: ExchangeServer.xml says Version 15.1 (Build 2507.6) (Mailbox), zz-servers-again.xml " \
           "says Version 15.2 (Build 1544.4) (Mailbox); ExchangeServer.xml is kept" in conflicts
    assert "%s on EX01: certs-ex01.xml says Services IIS, SMTP, zz-ex01-again.xml says SMTP; the " \
           "first is kept" % dumpkit.thumbprint(mail) in conflicts
    assert org.profile.version == "2016"


def test_empty_folder_and_missing_folder(tmp_path):
    org, report = _import(tmp_path)
    assert org is None and "no world is built" in report.render()
    org, report = _import(tmp_path / "nope")
    assert org is None and "no such file or folder" in report.render()


@settings(max_examples=40, deadline=None)
@given(cut=st.integers(0, 100), flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8))
def test_damaged_dumps_never_raise(tmp_path_factory, cut, flips):
    folder = tmp_path_factory.mktemp("damaged")
    dumpkit.fabrikam(str(folder))
    for name in os.listdir(folder):
        data = bytearray((folder / name).read_bytes())
        for pos, value in flips:
            data[pos % len(data)] = value
        (folder / name).write_bytes(bytes(data[:max(2, len(data) * cut // 100)]))
    org, report = _import(folder)
    assert isinstance(report.render(), str)


# ------------------------------------------------------------------ the CLI

def test_cli_import_saves_once_and_refuses_to_overwrite(fab, tmp_path, capsys, monkeypatch):
    folder, _ = fab
    monkeypatch.setenv("EXSHELL_CLOCK", "2026-11-28T10:00:00")
    monkeypatch.setenv("EXSHELL_DETERMINISTIC", "1")
    state = tmp_path / "r.db"
    assert replica_main(["import", str(folder), "-State", str(state)]) == 0
    out = capsys.readouterr().out
    assert "Replica of Exchange 2016 saved to" in out and "2 servers (EX01, EX02), 8 certificates" in out
    first = _world_dump(state)
    assert replica_main(["import", str(folder), "-State", str(state)]) == 2
    assert "add -Force" in capsys.readouterr().err
    assert replica_main(["import", str(folder), "-State", str(state), "-Force"]) == 0
    assert _world_dump(state) == first          # deterministic: the same world again


def _save(org, path):
    from exshell.exchange.worlddb import open_store
    store = open_store(path)
    store.create(org)
    store.close()


def _world_dump(path):
    """The world file's content as comparable data (the file's bytes are SQLite's)."""
    from exshell.exchange.state import dump_world
    from exshell.exchange.world import ExchangeWorld
    return dump_world(ExchangeWorld.open_copy(str(path)).organization)


def test_cli_nothing_usable_creates_nothing(tmp_path, capsys):
    (tmp_path / "x.xml").write_text("not xml")
    state = tmp_path / "r.json"
    assert replica_main(["import", str(tmp_path), "-State", str(state)]) == 1
    assert "No world was created." in capsys.readouterr().out
    assert not state.exists()


def test_cli_usage_errors(capsys):
    assert replica_main(["import"]) == 2
    assert replica_main(["import", "x", "-ExchangeVersion", "2003"]) == 2
    assert replica_main(["frobnicate"]) == 2
    assert replica_main([]) == 2


def test_committed_fixture_state_is_what_import_builds(tmp_path):
    """tests/transcripts/states/replica-fabrikam-2016.json (a JSON state file, as earlier
    exshells wrote them; the transcript migrates it) is `exshell replica import` of the
    Fabrikam dump (EXSHELL_CLOCK/EXSHELL_DETERMINISTIC): rebuilding it gives the same world."""
    folder = tmp_path / "dump"
    folder.mkdir()
    dumpkit.fabrikam(str(folder))
    state = tmp_path / "r.db"
    env = dict(os.environ, EXSHELL_CLOCK="2026-11-28T10:00:00", EXSHELL_DETERMINISTIC="1")
    subprocess.run([sys.executable, "-m", "exshell", "replica", "import", str(folder), "-State", str(state)],
                   check=True, env=env, capture_output=True)
    committed = os.path.join(os.path.dirname(__file__), "..", "transcripts", "states",
                             "replica-fabrikam-2016.json")
    assert _world_dump(state) == _world_dump(committed)


# ------------------------------------------------------------------ the script's own records

def _record(refs, kind, **props):
    """A New-Object PSObject -Property @{...} record as Export-Clixml writes it."""
    body = ['  <Obj RefId="%d">' % refs.next(),
            refs.tn(("System.Management.Automation.PSCustomObject", "System.Object"), "    "),
            "    <MS>", '      <S N="ExshellReplica">%s</S>' % kind]
    for k, v in props.items():
        if isinstance(v, list):
            items = "".join("\r\n          <BA>%s</BA>" % base64.b64encode(b).decode() for b in v)
            body.append('      <Obj N="%s" RefId="%d">' % (k, refs.next()))
            body.append(refs.tn(("System.Object[]", "System.Array", "System.Object"), "        "))
            body.append("        <LST>%s\r\n        </LST>\r\n      </Obj>" % items)
        elif isinstance(v, int):
            body.append('      <I32 N="%s">%d</I32>' % (k, v))
        else:
            body.append('      <S N="%s">%s</S>' % (k, dumpkit.esc(v)))
    body += ["    </MS>", "  </Obj>"]
    return "\r\n".join(body)


def test_exported_chain_and_iis_bindings_are_used(fab):
    folder, certs = fab
    mail, ca = certs["mail"], certs["ca"]
    refs = dumpkit.Refs()
    dumpkit.write(str(folder / "CertificateChain-EX01.xml"), dumpkit.document([_record(
        refs, "CertificateChain", Server="EX01", Thumbprint=dumpkit.thumbprint(mail),
        Chain=[dumpkit.der(mail), dumpkit.der(ca)])]))
    refs = dumpkit.Refs()
    setup = dumpkit.thumbprint(certs["setup-EX02"])
    dumpkit.write(str(folder / "IisBinding-EX02.xml"), dumpkit.document([
        _record(refs, "IisBinding", Server="EX02", IPAddress="0.0.0.0", Port=443,
                Thumbprint=setup, Store="My", Sites="Default Web Site"),
        _record(refs, "IisBinding", Server="EX02", IPAddress="0.0.0.0", Port=444,
                Thumbprint=setup, Store="My", Sites="Exchange Back End")]))
    org, report = import_replica(str(folder), **sources())
    assert lines(report, "stand_in") and not any("root CA" in l for l in lines(report, "stand_in"))
    for server in org.servers:
        assert dumpkit.thumbprint(ca) in server.roots        # the real root, trusted
    ex02 = org.servers[1]
    assert ex02.iis_bindings == {1: setup, 2: setup}          # the IIS dump wins over IisServices
    assert "IIS" not in str(ex02.view_of(dumpkit.thumbprint(mail)).Services)
    assert any("%s on EX02: the dump says Services IIS, SMTP" % dumpkit.thumbprint(mail) in l
               for l in lines(report, "conflict"))


def test_deserialized_dump_from_a_2010_workstation(tmp_path):
    """Exchange 2010 remote EMS: Deserialized. type names, every property, Services an enum."""
    cert, _ = dumpkit.make_cert("mail.contoso.com", ["mail.contoso.com"], dumpkit.T0,
                                dumpkit.T0 + dt.timedelta(days=700), keys=dumpkit.key_pool())
    raw = base64.b64encode(dumpkit.der(cert)).decode()
    doc = dumpkit.document([
        '  <Obj RefId="0">\r\n    <TN RefId="0">\r\n'
        '      <T>Deserialized.Microsoft.Exchange.Data.Directory.Management.ExchangeServer</T>\r\n'
        '      <T>Deserialized.System.Object</T>\r\n    </TN>\r\n    <ToString>EX2010</ToString>\r\n'
        '    <Props>\r\n      <S N="Name">EX2010</S>\r\n      <S N="Fqdn">EX2010.contoso.com</S>\r\n'
        '      <S N="ServerRole">Mailbox, ClientAccess, HubTransport</S>\r\n'
        '      <S N="AdminDisplayVersion">Version 14.3 (Build 123.4)</S>\r\n    </Props>\r\n  </Obj>',
        '  <Obj RefId="1">\r\n    <TN RefId="1">\r\n'
        '      <T>Deserialized.Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate</T>\r\n'
        '      <T>Deserialized.System.Security.Cryptography.X509Certificates.X509Certificate2</T>\r\n'
        '      <T>Deserialized.System.Object</T>\r\n    </TN>\r\n'
        '    <ToString>%s</ToString>\r\n    <Props>\r\n' % dumpkit.esc(dumpkit.x509_tostring(cert)) +
        '      <BA N="RawData">%s</BA>\r\n      <B N="HasPrivateKey">true</B>\r\n' % raw +
        '      <B N="PrivateKeyExportable">false</B>\r\n      <S N="FriendlyName">Contoso mail</S>\r\n'
        '      <Obj N="Services" RefId="2">\r\n        <TN RefId="2">\r\n'
        '          <T>Deserialized.Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices</T>\r\n'
        '          <T>Deserialized.System.Enum</T>\r\n        </TN>\r\n'
        '        <ToString>IMAP, POP, IIS, SMTP</ToString>\r\n        <I32>27</I32>\r\n      </Obj>\r\n'
        '      <S N="Identity">EX2010.contoso.com\\%s</S>\r\n    </Props>\r\n  </Obj>' % dumpkit.thumbprint(cert)])
    dumpkit.write(str(tmp_path / "dump.xml"), doc)
    org, report = import_replica(str(tmp_path), **sources())
    assert org.profile.version == "2010" and [s.name for s in org.servers] == ["EX2010"]
    server = org.servers[0]
    view = server.view_of(dumpkit.thumbprint(cert))
    assert str(view.Services) == "IMAP, POP, IIS, SMTP" and view.FriendlyName == "Contoso mail"
    assert server.internal_transport_thumbprint == dumpkit.thumbprint(cert)
    assert server.pop_x509_name == "mail.contoso.com"
    assert lines(report, "conflict") == []


def test_get_accepted_domain_and_its_round_trip(tmp_path):
    shell, host = make_shell("2016", organization="orgs/three-servers-2016.toml")
    host.clear()
    shell.run("Get-AcceptedDomain | Format-Table Name,DomainType,Default -AutoSize")
    listed = host.text
    assert "Authoritative" in listed and "True" in listed
    host.clear()
    shell.run("Get-AcceptedDomain nosuch.example")
    assert "couldn't be found" in host.text
    shell, folder = _export_in_exshell("2016", "orgs/three-servers-2016.toml")
    assert os.path.exists(os.path.join(folder, "AcceptedDomain.xml"))
    org, report = import_replica(folder, **sources())
    assert [(d.domain, d.default) for d in org.accepted_domains] == \
        [(d.domain, d.default) for d in shell.organization.accepted_domains]


@pytest.mark.parametrize("build, exact", [((15, 1, 2507, 6), True), ((15, 1, 1913, 5), False),
                                          ((15, 1, 2507, 44), False)])
def test_profile_row_from_the_build(build, exact):
    from exshell.profiles import PROFILE_ROWS
    from exshell.replica.build import profile_for_build
    row, was_exact = profile_for_build("2016", build)
    assert row.version == "2016" and row in PROFILE_ROWS and was_exact is exact


def test_report_names_a_build_without_its_own_row(fab, tmp_path):
    folder, _ = fab
    os.remove(folder / "ExchangeServer.xml")
    refs = dumpkit.Refs()
    dumpkit.write(str(folder / "ExchangeServer.xml"), dumpkit.document(
        [dumpkit.server_obj(refs, "ex01", "EX01.Fabrikam.com", "Mailbox", 2, (15, 1, 2375, 7)),
         dumpkit.server_obj(refs, "ex02", "EX02.Fabrikam.com", "Mailbox", 2, (15, 1, 2507, 6))]))
    org, report = import_replica(str(folder), **sources())
    assert any("exshell has no row for build 15.1.2507.6" in l or "profile 2016-" in l
               for l in lines(report, "derived") + lines(report, "used"))
    assert any("servers run different builds" in l for l in lines(report, "conflict"))
