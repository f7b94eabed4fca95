"""What a certificate-report script ends with: ConvertTo-Html builds the page,
Send-MailMessage mails it (to the outbox: the lab has no mail server), a Stopwatch or
Measure-Command times the run.  Expected lines are written from the documented output
of Windows PowerShell 2.0 (2010) and 5.1 (2016)."""
from __future__ import annotations

import datetime
import email
import email.policy
import pathlib

import pytest

from cmdlet_kit import PS20, PS51, lines, make_shell

DOCTYPE = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  '
           '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">')
PERSON = "$p = [pscustomobject]@{Name='John Doe'; Age=42; Friends=@('Jack','Jill')}; "


def out(version, text, **kwargs):
    """The strings the command writes, and the errors."""
    shell, host = make_shell(version, **kwargs)
    got = []
    result = shell.run(text, out=got.append)
    assert shell.internal_errors == []
    return got, result.errors


def shown(version, text, **kwargs):
    shell, host = make_shell(version, **kwargs)
    result = shell.run(text)
    assert shell.internal_errors == []
    return lines(host.text), result.errors


# ============================================================================ ConvertTo-Html

COLGROUP = {PS51: ["<colgroup><col/><col/><col/></colgroup>"],
            PS20: ["<colgroup>", "<col/>", "<col/>", "<col/>", "</colgroup>"]}


@pytest.mark.parametrize("version", [PS20, PS51])
def test_a_page_from_one_object(version):
    got, errors = out(version, PERSON + "$p | ConvertTo-Html")
    assert errors == []
    assert got == [DOCTYPE, '<html xmlns="http://www.w3.org/1999/xhtml">', "<head>",
                   "<title>HTML TABLE</title>", "</head><body>", "<table>"] + COLGROUP[version] + [
                   "<tr><th>Name</th><th>Age</th><th>Friends</th></tr>",
                   "<tr><td>John Doe</td><td>42</td><td>System.Object[]</td></tr>",
                   "</table>", "</body></html>"]


@pytest.mark.parametrize("version", [PS20, PS51])
def test_a_fragment_with_pre_and_post_content(version):
    got, _ = out(version, PERSON + "$p | ConvertTo-Html -Fragment -PreContent '<h2>People</h2>' "
                                   "-PostContent 'end','.'")
    assert got == ["<h2>People</h2>", "<table>"] + COLGROUP[version] + [
        "<tr><th>Name</th><th>Age</th><th>Friends</th></tr>",
        "<tr><td>John Doe</td><td>42</td><td>System.Object[]</td></tr>", "</table>", "end", "."]


PAGE_CASES = [
    # (parameters, the lines between <head> and <table>)
    ("-Title 'Certs <2026>'", ["<title>Certs <2026></title>", "</head><body>"]),
    ("-Head '<style>td {color:red}</style>'", ["<style>td {color:red}</style>", "</head><body>"]),
    ("-CssUri report.css -Body 'Hello'", ["<title>HTML TABLE</title>",
                                          '<link rel="stylesheet" type="text/css" href="report.css" />',
                                          "</head><body>", "Hello"]),
    ("-Title T -Head H -PreContent P", ["H", "</head><body>", "P"]),
    ("-CssUri C:\\css\\report.css", ["<title>HTML TABLE</title>",
                                     '<link rel="stylesheet" type="text/css" href="file:///C:/css/report.css" />',
                                     "</head><body>"]),
]


@pytest.mark.parametrize("version", [PS20, PS51])
@pytest.mark.parametrize("params, head", PAGE_CASES)
def test_page_parameters(version, params, head):
    got, errors = out(version, "1 | Select-Object @{n='N';e={$_}} | ConvertTo-Html " + params)
    assert errors == []
    assert got[:3] == [DOCTYPE, '<html xmlns="http://www.w3.org/1999/xhtml">', "<head>"]
    assert got[3:got.index("<table>")] == head


@pytest.mark.parametrize("version", [PS20, PS51])
def test_several_objects_as_a_list(version):
    got, _ = out(version, "@([pscustomobject]@{A=1;B='x'}, [pscustomobject]@{A=2;B='y'}) | "
                          "ConvertTo-Html -As List -Fragment")
    assert got == ["<table>", "<tr><td>A:</td><td>1</td></tr>", "<tr><td>B:</td><td>x</td></tr>",
                   "<tr><td><hr></td></tr>", "<tr><td>A:</td><td>2</td></tr>",
                   "<tr><td>B:</td><td>y</td></tr>", "</table>"]


ENCODED = {PS20: "<tr><td>&lt;b&gt; &amp; &quot;q&quot; O'Neil caf&#233;</td></tr>",
           PS51: "<tr><td>&lt;b&gt; &amp; &quot;q&quot; O&#39;Neil caf&#233;</td></tr>"}


@pytest.mark.parametrize("version", [PS20, PS51])
def test_values_are_html_encoded_as_dotnet_encodes_them(version):
    got, _ = out(version, "[pscustomobject]@{V='<b> & \"q\" O''Neil caf' + [char]233} | "
                          "ConvertTo-Html -Fragment")
    assert got[-2] == ENCODED[version]


@pytest.mark.parametrize("version", [PS20, PS51])
def test_properties_wildcards_blocks_and_calculated(version):
    got, errors = out(version, PERSON + "$p, [pscustomobject]@{Name='Ann'} | ConvertTo-Html -Fragment "
                      "-Property N*, {$_.Age + 1}, @{Label='Years'; Expression='Age'; Width=10; "
                      "Alignment='right'}, Missing")
    assert errors == []
    rows = [l for l in got if l.startswith("<tr>")]
    assert rows == ["<tr><th>Name</th><th>$_.Age + 1</th><th>Years</th></tr>",
                    "<tr><td>John Doe</td><td>43</td><td>42</td></tr>",
                    "<tr><td>Ann</td><td>1</td><td></td></tr>"]
    cols = "".join(got[1:got.index(rows[0])])
    assert cols == ('<colgroup><col/><col/><col width = "10" align = "right"/></colgroup>')


@pytest.mark.parametrize("version", [PS20, PS51])
def test_strings_show_their_length_under_a_star(version):
    got, _ = out(version, "'abc','de' | ConvertTo-Html -Fragment")
    assert [l for l in got if l.startswith("<tr>")] == ["<tr><th>*</th></tr>", "<tr><td>3</td></tr>",
                                                         "<tr><td>2</td></tr>"]


def test_no_input_still_writes_the_page():
    got, _ = out(PS51, "@() | ConvertTo-Html -Fragment")
    assert got == ["<table>", "</table>"]


ERRORS = [
    ("1 | ConvertTo-Html -As Grid", "ParameterArgumentValidationError"),
    ("1 | ConvertTo-Html -Fragment -Title x", "AmbiguousParameterSet"),
    ("1 | ConvertTo-Html -Title ''", "ParameterArgumentValidationError"),
    ("1 | ConvertTo-Html -Property @{Foo=1}", "DictionaryKeyIllegal"),
    ("1 | ConvertTo-Html -Property @{Label='x'}", "DictionaryKeyMandatoryEntry"),
]


@pytest.mark.parametrize("version", [PS20, PS51])
@pytest.mark.parametrize("text, error_id", ERRORS)
def test_errors(version, text, error_id):
    got, errors = out(version, text)
    assert [e.error_id for e in errors] == [error_id]
    assert all(isinstance(g, str) for g in got)


def test_a_failing_expression_leaves_the_cell_empty():
    got, errors = out(PS51, "1 | ConvertTo-Html -Fragment -Property {1/0}, {'ok'}")
    assert "<tr><td></td><td>ok</td></tr>" in got


# ============================================================================ Send-MailMessage

def outbox(root):
    folder = pathlib.Path(root, "C", "exshell", "outbox")
    return sorted(folder.glob("*.eml")) if folder.is_dir() else []


def read_mail(path):
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


@pytest.mark.parametrize("version", [PS20, PS51])
def test_a_report_is_mailed_to_the_outbox(version, tmp_path):
    script = (PERSON + "$html = $p | ConvertTo-Html -Title 'Certificates' | Out-String; "
              "$null = New-Item C:\\reports -ItemType Directory; 'a,b' | Out-File C:\\reports\\inventory.csv -Encoding ASCII; "
              "Send-MailMessage -To 'Exchange Admins <admins@contoso.com>' -Cc ops@contoso.com "
              "-Bcc boss@contoso.com -From exchange@contoso.com -Subject 'Certificate report' "
              "-Body $html -BodyAsHtml -SmtpServer mail.contoso.com -Priority High "
              "-Attachments C:\\reports\\inventory.csv")
    text, errors = shown(version, script, drive_root=str(tmp_path))
    assert errors == [] and text == []
    [path] = outbox(tmp_path)
    raw = path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    mail = read_mail(path)
    assert mail["From"] == "exchange@contoso.com"
    assert mail["To"] == "Exchange Admins <admins@contoso.com>"
    assert mail["Cc"] == "ops@contoso.com"
    assert mail["Bcc"] is None
    assert mail.get_all("X-Receiver") == ["admins@contoso.com", "ops@contoso.com", "boss@contoso.com"]
    assert mail["X-Sender"] == "exchange@contoso.com"
    assert mail["Subject"] == "Certificate report"
    assert mail["X-Priority"] == "1" and mail["Importance"] == "high"
    assert mail["Date"].datetime == datetime.datetime(2026, 11, 28, 10, 0, tzinfo=datetime.timezone.utc)
    assert mail["X-Exshell-Relay"] == "mail.contoso.com:25; ssl=False"
    body = mail.get_body(("html",))
    assert "<tr><td>John Doe</td><td>42</td><td>System.Object[]</td></tr>" in body.get_content()
    [attachment] = list(mail.iter_attachments())
    assert attachment.get_filename() == "inventory.csv"
    assert attachment.get_content() == b"a,b\r\n"


def test_port_ssl_credential_and_encoding_on_51(tmp_path):
    script = ("$cred = New-Object System.Management.Automation.PSCredential('CONTOSO\\mailer', "
              "(ConvertTo-SecureString 'P@ss' -AsPlainText -Force)); "
              "Send-MailMessage -To a@contoso.com -From b@contoso.com -Subject ('Caf' + [char]233) "
              "-Body ('na' + [char]239 + 've') -SmtpServer smtp.contoso.com -Port 587 -UseSsl "
              "-Credential $cred -Encoding UTF8")
    text, errors = shown(PS51, script, drive_root=str(tmp_path))
    assert errors == []
    [path] = outbox(tmp_path)
    assert b"P@ss" not in path.read_bytes()
    mail = read_mail(path)
    assert mail["X-Exshell-Relay"] == "smtp.contoso.com:587; ssl=True; credential=CONTOSO\\mailer"
    assert mail["Subject"] == "Caf\u00e9"
    body = mail.get_body(("plain",))
    assert body.get_content_charset() == "utf-8" and body.get_content().rstrip() == "na\u00efve"


def test_the_default_ascii_encoding_loses_what_ascii_cannot_hold(tmp_path):
    shown(PS51, "Send-MailMessage a@b.com ('Caf' + [char]233) -From c@d.com -SmtpServer m",
          drive_root=str(tmp_path))
    [path] = outbox(tmp_path)
    assert read_mail(path)["Subject"] == "Caf?"


def test_delivery_notification_flags(tmp_path):
    text, errors = shown(PS20, "Send-MailMessage a@b.com s -From c@d.com -SmtpServer m "
                               "-DeliveryNotificationOption OnFailure,Delay", drive_root=str(tmp_path))
    assert errors == []
    [path] = outbox(tmp_path)
    assert read_mail(path)["X-Exshell-Relay"] == "m:25; ssl=False; notify=OnFailure, Delay"


def test_psemailserver_supplies_the_server(tmp_path):
    text, errors = shown(PS20, "$PSEmailServer = 'relay.contoso.com'; "
                               "Send-MailMessage a@b.com 'Hi' -From c@d.com", drive_root=str(tmp_path))
    assert errors == []
    [path] = outbox(tmp_path)
    assert read_mail(path)["X-Exshell-Relay"] == "relay.contoso.com:25; ssl=False"


NO_SERVER = ("The email cannot be sent because no SMTP server was specified. You must specify an "
             "SMTP server by using either the SmtpServer parameter or the $PSEmailServer variable.")

MAIL_ERRORS = [
    # (command, message, fully qualified id, anything written?)
    ("Send-MailMessage -To a@b.com -From c@d.com -Subject s", NO_SERVER,
     ",Microsoft.PowerShell.Commands.SendMailMessage", False),
    ("Send-MailMessage -To a@b.com -From 'not an address' -Subject s -SmtpServer m",
     "The specified string is not in the form required for an e-mail address.",
     "FormatException,Microsoft.PowerShell.Commands.SendMailMessage", False),
    ("Send-MailMessage -To a@b.com -From c@d.com -Subject s -SmtpServer m -Attachments C:\\nope.txt",
     "Could not find file 'C:\\nope.txt'.",
     "System.IO.FileNotFoundException,Microsoft.PowerShell.Commands.SendMailMessage", False),
    ("Send-MailMessage -To a@b.com,bad -From c@d.com -Subject s -SmtpServer m",
     "The specified string is not in the form required for an e-mail address.",
     "FormatException,Microsoft.PowerShell.Commands.SendMailMessage", True),
    ("Send-MailMessage -To a@b.com -From c@d.com -Subject s -SmtpServer m -Priority Urgent",
     None, "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.SendMailMessage", False),
    ("Send-MailMessage -To a@b.com -From c@d.com -Subject '' -SmtpServer m",
     None, "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SendMailMessage", False),
    ("Send-MailMessage -To a@b.com -From c@d.com -Subject s -SmtpServer m -Attachments ''",
     None, "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SendMailMessage", False),
    ("Send-MailMessage -To a@b.com -From c@d.com -Subject s -SmtpServer m -Attachments C:\\Windows",
     "Access to the path 'C:\\Windows' is denied.",
     "System.UnauthorizedAccessException,Microsoft.PowerShell.Commands.SendMailMessage", False),
]


@pytest.mark.parametrize("version", [PS20, PS51])
@pytest.mark.parametrize("text, message, fqid, written", MAIL_ERRORS)
def test_mail_errors(version, text, message, fqid, written, tmp_path):
    got, errors = out(version, text, drive_root=str(tmp_path))
    assert [e.fqid() for e in errors] == [fqid]
    if message is not None:
        assert errors[0].message == message
    assert bool(outbox(tmp_path)) == written


@pytest.mark.parametrize("version, error_id", [(PS20, "NamedParameterNotFound"), (PS51, None)])
def test_port_came_with_30(version, error_id, tmp_path):
    got, errors = out(version, "Send-MailMessage a@b.com s -From c@d.com -SmtpServer m -Port 25",
                      drive_root=str(tmp_path))
    assert [e.error_id for e in errors] == ([error_id] if error_id else [])


def test_mandatory_from_is_asked_for():
    shell, host = make_shell(PS51, answers=["x@y.com"], interactive=True)
    shell.run("Send-MailMessage a@b.com s -SmtpServer m")
    assert "From: " in host.text


# ============================================================================ Stopwatch

STOPWATCH = [
    # (script, lines shown)
    ("$sw = [System.Diagnostics.Stopwatch]::StartNew(); Start-Sleep -Seconds 3; $sw.IsRunning; "
     "$sw.ElapsedMilliseconds", ["True", "3000"]),
    ("$sw = New-Object System.Diagnostics.Stopwatch; $sw.IsRunning; $sw.Start(); Start-Sleep 2; "
     "$sw.Stop(); Start-Sleep 5; $sw.Elapsed.TotalSeconds; $sw.IsRunning", ["False", "2", "False"]),
    ("$sw = [Diagnostics.Stopwatch]::StartNew(); Start-Sleep 1; $sw.Stop(); $sw.Start(); "
     "Start-Sleep 1; $sw.ElapsedTicks; $sw.Reset(); $sw.ElapsedMilliseconds; $sw.IsRunning",
     ["20000000", "0", "False"]),
    ("[System.Diagnostics.Stopwatch]::Frequency; [System.Diagnostics.Stopwatch]::IsHighResolution",
     ["10000000", "True"]),
    ("$sw = [System.Diagnostics.Stopwatch]::StartNew(); Set-Date (Get-Date).AddHours(-1) | Out-Null; "
     "$sw.ElapsedMilliseconds", ["0"]),
]


@pytest.mark.parametrize("version", [PS20, PS51])
@pytest.mark.parametrize("script, expected", STOPWATCH)
def test_stopwatch_runs_on_the_session_clock(version, script, expected):
    text, errors = shown(version, script)
    assert errors == [] and text == expected


@pytest.mark.parametrize("version, expected", [(PS20, None), (PS51, ["0", "True"])])
def test_restart_came_with_dotnet4(version, expected):
    text, errors = shown(version, "$sw = [System.Diagnostics.Stopwatch]::StartNew(); Start-Sleep 1; "
                                  "$sw.Restart(); $sw.ElapsedMilliseconds; $sw.IsRunning")
    if expected is None:
        assert [e.error_id for e in errors] == ["MethodNotFound"]
    else:
        assert errors == [] and text == expected


def test_a_stopwatch_shows_as_a_table():
    text, _ = shown(PS51, "$sw = [System.Diagnostics.Stopwatch]::StartNew(); Start-Sleep 3; $sw")
    assert text[0].split() == ["IsRunning", "Elapsed", "ElapsedMilliseconds", "ElapsedTicks"]
    assert text[2].split() == ["True", "00:00:03", "3000", "30000000"]


def test_new_needs_51():
    text, errors = shown(PS20, "[System.Diagnostics.Stopwatch]::new()")
    assert [e.error_id for e in errors] == ["MethodNotFound"]
    text, errors = shown(PS51, "([System.Diagnostics.Stopwatch]::new()).IsRunning")
    assert errors == [] and text == ["False"]


# ============================================================================ Measure-Command

MEASURE = [
    ("(Measure-Command { Start-Sleep -Seconds 2; 'dropped' }).TotalSeconds", ["2"]),
    ("(1, 2, 3 | Measure-Command { Start-Sleep -Seconds $_ }).TotalSeconds", ["6"]),
    ("$null = Measure-Command { $kept = 'here' }; $kept", ["here"]),
    ("(Measure-Command -Expression { Write-Host 'shown' }).Ticks", ["shown", "0"]),
]


@pytest.mark.parametrize("version", [PS20, PS51])
@pytest.mark.parametrize("script, expected", MEASURE)
def test_measure_command(version, script, expected):
    text, errors = shown(version, script)
    assert errors == [] and text == expected


@pytest.mark.parametrize("version", [PS20, PS51])
def test_measure_command_shows_a_timespan(version):
    text, _ = shown(version, "Measure-Command { Start-Sleep 1 }")
    assert "Seconds           : 1" in text and "TotalMilliseconds : 1000" in text


def test_a_terminating_error_inside_stops_measure_command():
    text, errors = shown(PS51, "Measure-Command { throw 'boom' }; 'after'")
    assert [e.message for e in errors] == ["boom"]


# ============================================================================ PSCredential

@pytest.mark.parametrize("version", [PS20, PS51])
def test_scripts_build_the_credential_with_new_object(version):
    text, errors = shown(version, "$pw = ConvertTo-SecureString 'P@ss' -AsPlainText -Force; "
                                  "$c = New-Object System.Management.Automation.PSCredential('CONTOSO\\mailer', $pw); "
                                  "$c.UserName; $c.GetNetworkCredential().Password")
    assert errors == [] and text == ["CONTOSO\\mailer", "P@ss"]
    text, errors = shown(version, "New-Object System.Management.Automation.PSCredential('a', 'plain')")
    assert [e.error_id for e in errors] == ["ConstructorInvokedThrowException"]


# ============================================================================ a whole report script

REPORT_SCRIPT = r"""
$sw = [System.Diagnostics.Stopwatch]::StartNew()
$PSEmailServer = 'mail.contoso.com'
$style = '<style>table { border-collapse: collapse } td, th { border: 1px solid #999 }</style>'
$expiring = Get-ExchangeCertificate | Where-Object { $_.NotAfter -lt (Get-Date).AddDays(60) }
Start-Sleep -Seconds 4
$table = $expiring | ConvertTo-Html -Fragment -Property Thumbprint, Subject, NotAfter,
    @{Label='Days left'; Expression={ ($_.NotAfter - (Get-Date)).Days }}
$sw.Stop()
$body = ConvertTo-Html -Head $style -Body "<h2>Certificates expiring within 60 days</h2>" `
    -PostContent ($table + "<p>Report built in $($sw.Elapsed.TotalSeconds) s</p>") | Out-String
Send-MailMessage -To admins@contoso.com -From exchange@contoso.com `
    -Subject "Expiring certificates: $(@($expiring).Count)" -Body $body -BodyAsHtml
"""


@pytest.mark.parametrize("version", [PS20, PS51])
def test_the_certificate_report_script_runs_and_mails_its_page(version, tmp_path):
    folder = tmp_path / "C" / "scripts"
    folder.mkdir(parents=True)
    (folder / "cert-report.ps1").write_text(REPORT_SCRIPT.replace("\n", "\r\n"), encoding="utf-8")
    text, errors = shown(version, "& C:\\scripts\\cert-report.ps1", drive_root=str(tmp_path))
    assert errors == [] and text == []
    [path] = outbox(tmp_path)
    mail = read_mail(path)
    expected, _ = out(version, "@(Get-ExchangeCertificate | Where-Object { $_.NotAfter -lt "
                               "(Get-Date).AddDays(60) }).Count")
    assert expected[0] >= 1 and mail["Subject"] == "Expiring certificates: %d" % expected[0]
    html = mail.get_body(("html",)).get_content()
    assert html.count("<tr><td>") == expected[0]
    assert "<h2>Certificates expiring within 60 days</h2>" in html
    assert "<tr><th>Thumbprint</th><th>Subject</th><th>NotAfter</th><th>Days left</th></tr>" in html
    assert "<p>Report built in 4 s</p>" in html
    assert html.index("</head><body>") < html.index("<table>") < html.index("</body></html>")


@pytest.mark.parametrize("version, definition", [(PS20, "System.Void Start()"), (PS51, "void Start()")])
def test_get_member_lists_the_stopwatch_methods(version, definition):
    text, errors = shown(version, "[System.Diagnostics.Stopwatch]::StartNew() | Get-Member -MemberType Method")
    assert errors == []
    assert any(l.split(None, 2)[0] == "Start" and l.split(None, 2)[2].strip() == definition for l in text if l.strip())
    assert {"Reset", "Stop"} <= {l.split()[0] for l in text if l.strip()}
