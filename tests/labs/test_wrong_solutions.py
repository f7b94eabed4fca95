"""Plausible wrong solutions fail the right check, with a message that says what is
still wrong (table-driven: lab, task, script, answers, failing check, words expected)."""
import pytest

from tests.labs.helpers import run_wrong

RENEW = "$old = Get-ExchangeCertificate | Where-Object { $_.IsSelfSigned }\n$new = $old | New-ExchangeCertificate\n"

CASES = [
    # Answering N to the SMTP overwrite question: the new certificate lacks SMTP.
    ("renew-2010", "renew", RENEW + "Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS",
     ["N"], 0, ["default SMTP certificate", "26AB4ED1", "answer Y"]),
    # Forgetting to enable IIS.
    ("renew-2010", "renew", RENEW, ["Y"], 0, ["but not IIS"]),
    # Doing nothing at all.
    ("renew-2010", "renew", "Get-ExchangeCertificate | fl", [], 0, ["already there at the start"]),
    # Removing the old certificate before enabling IIS on the new one.
    ("renew-2010", "renew", RENEW + "Remove-ExchangeCertificate -Thumbprint $old.Thumbprint",
     ["Y", "Y"], 0, ["but not IIS"]),
    # Answering N to Remove-ExchangeCertificate's confirmation: the old one stays.
    ("renew-2010", "remove-old",
     "Get-ExchangeCertificate | Where-Object { $_.NotAfter -lt (Get-Date).AddDays(60) } | Remove-ExchangeCertificate",
     ["N"], 0, ["still on EX01", "26AB4ED1"]),
    # 2007: renewing but leaving out IIS.
    ("renew-expired-2007", "renew",
     "$old = Get-ExchangeCertificate | Where-Object { $_.Status -eq 'DateInvalid' }\n$old | New-ExchangeCertificate",
     ["Y"], 0, ["but not IIS"]),
    # 2007: removing nothing: the expired one and the expression both fail.
    ("renew-expired-2007", "remove-expired", "Get-ExchangeCertificate", [], 0, ["DateInvalid"]),
    # An expression check says what is expected in the author's words (its description).
    ("renew-expired-2007", "remove-expired", "Get-ExchangeCertificate", [], 1,
     ["not yet: every certificate on EX01 is Valid"]),
    # Enterprise CA: the request was made for the wrong names.
    ("enterprise-ca", "request",
     "New-Item -ItemType Directory C:\\certreq | Out-Null\n"
     "$req = New-ExchangeCertificate -GenerateRequest -SubjectName 'CN=EX01' -DomainName EX01.contoso.com\n"
     "Set-Content -Path C:\\certreq\\mail.req -Value $req", [], 0, ["mail.contoso.com", "EX01.contoso.com"]),
    # Enterprise CA: the request was never saved to a file.
    ("enterprise-ca", "request",
     "$req = New-ExchangeCertificate -GenerateRequest -SubjectName 'CN=mail.contoso.com' "
     "-DomainName mail.contoso.com,autodiscover.contoso.com", [], 1, ["no file", "mail.req"]),
    # Enterprise CA: enabled for SMTP only, so OWA still presents the self-signed one.
    ("enterprise-ca", "enable",
     "$new = Get-ExchangeCertificate | Where-Object { -not $_.IsSelfSigned }\n"
     "Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services SMTP", ["Y"], 1,
     ["does not trust", "Enable-ExchangeCertificate -Services IIS"]),
    # Enterprise CA: answering N to the SMTP question.
    ("enterprise-ca", "enable",
     "$new = Get-ExchangeCertificate | Where-Object { -not $_.IsSelfSigned }\n"
     "Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS,SMTP", ["N"], 0,
     ["default SMTP certificate", "answer Y"]),
]


@pytest.mark.parametrize("lab, task, script, answers, index, words", CASES,
                         ids=["%s-%s-%d" % (c[0], c[1], i) for i, c in enumerate(CASES)])
def test_wrong_solution_fails_the_right_check(lab, task, script, answers, index, words):
    result = run_wrong(lab, task, script, answers)
    assert not result.passed
    failing = result.checks[index]
    assert not failing.passed, failing
    for w in words:
        assert w in failing.detail, (w, failing.detail)
    assert "[FAIL]" in failing.line()


def test_enterprise_lab_removing_self_signed_before_enabling_breaks_owa():
    # The classic mistake in task 4's spirit: remove the old one while IIS still uses it.
    result = run_wrong("enterprise-ca", "enable",
                       "Get-ExchangeCertificate | Where-Object { $_.IsSelfSigned } | Remove-ExchangeCertificate",
                       ["Y", "Y"])
    tls = result.checks[1]
    assert not tls.passed
    assert "no usable certificate" in tls.detail or "does not trust" in tls.detail


MORE = [
    # The missing-intermediate trap: a bare .cer cannot complete the request.
    ("public-ca-2016", "request-import",
     "New-Item -ItemType Directory C:\\certreq | Out-Null\n"
     "$req = New-ExchangeCertificate -GenerateRequest -SubjectName 'CN=mail.contoso.com' "
     "-DomainName mail.contoso.com,autodiscover.contoso.com,mail.fabrikam.com\n"
     "Set-Content -Path C:\\certreq\\mail.req -Value $req\n"
     "Request-LabPublicCertificate -RequestFile C:\\certreq\\mail.req -OutFile C:\\certreq\\mail.cer | Out-Null\n"
     "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\mail.cer'))",
     [], 0, ["not issued by a public CA", "pending request", ".p7b"]),
    # A certificate missing one of the names.
    ("public-ca-2016", "request-import",
     "New-Item -ItemType Directory C:\\certreq | Out-Null\n"
     "$req = New-ExchangeCertificate -GenerateRequest -SubjectName 'CN=mail.contoso.com' "
     "-DomainName mail.contoso.com,autodiscover.contoso.com\n"
     "Set-Content -Path C:\\certreq\\mail.req -Value $req\n"
     "Request-LabPublicCertificate -RequestFile C:\\certreq\\mail.req -OutFile C:\\certreq\\mail.p7b | Out-Null\n"
     "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\mail.p7b'))",
     [], 0, ["has the names", "mail.fabrikam.com"]),
    # Removing the setup certificate on 2016 is wrong.
    ("public-ca-2016", "enable",
     "$new = Get-ExchangeCertificate | Where-Object { $_.RootCAType -eq 'ThirdParty' }\n"
     "Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS,SMTP\n"
     "Get-ExchangeCertificate | Where-Object { $_.Subject -eq 'CN=EX01' } | Remove-ExchangeCertificate",
     ["Y", "Y"], 3, ["has the names EX01.contoso.com", "leave it in place"]),
    # The non-exportable trap: the 2024 certificate's export fails, the file is empty.
    ("move-pfx", "export",
     "$pw = ConvertTo-SecureString 'P@ssw0rd1' -AsPlainText -Force\n"
     "$cert = Get-ExchangeCertificate -Server EX01 | Where-Object { $_.FriendlyName -eq 'mail 2024' }\n"
     "New-Item -ItemType Directory C:\\certreq | Out-Null\n"
     "$data = Export-ExchangeCertificate -Server EX01 -Thumbprint $cert.Thumbprint -BinaryEncoded -Password $pw\n"
     "[System.IO.File]::WriteAllBytes('C:\\certreq\\mail.pfx', $data.FileData)", [], 0,
     ["mail.pfx"]),
    # The right certificate, the wrong password.
    ("move-pfx", "export",
     "$pw = ConvertTo-SecureString 'Secret1' -AsPlainText -Force\n"
     "$cert = Get-ExchangeCertificate -Server EX01 | Where-Object { $_.FriendlyName -eq 'mail 2026' }\n"
     "New-Item -ItemType Directory C:\\certreq | Out-Null\n"
     "$data = Export-ExchangeCertificate -Server EX01 -Thumbprint $cert.Thumbprint -BinaryEncoded -Password $pw\n"
     "[System.IO.File]::WriteAllBytes('C:\\certreq\\mail.pfx', $data.FileData)", [], 0,
     ["does not open with the password 'P@ssw0rd1'"]),
    # Imported on EX02 but never enabled.
    ("move-pfx", "import",
     "$pw = ConvertTo-SecureString 'P@ssw0rd1' -AsPlainText -Force\n"
     "Import-ExchangeCertificate -Server EX02 -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\mail.pfx')) -Password $pw",
     [], 0, ["but not IIS, SMTP"]),
]


@pytest.mark.parametrize("lab, task, script, answers, index, words", MORE,
                         ids=["%s-%s-%d" % (c[0], c[1], i) for i, c in enumerate(MORE)])
def test_more_wrong_solutions(lab, task, script, answers, index, words):
    test_wrong_solution_fails_the_right_check(lab, task, script, answers, index, words)


LATER = [
    # "Fixing" OWA by removing the self-signed certificate (it was not the problem).
    ("wrong-iis", "fix-iis",
     "Get-ExchangeCertificate | Where-Object { $_.IsSelfSigned } | Remove-ExchangeCertificate",
     ["Y"], 4, ["leave it in place"]),
    # Enabling IIS on the self-signed certificate again changes nothing.
    ("wrong-iis", "fix-iis",
     "$s = Get-ExchangeCertificate | Where-Object { $_.IsSelfSigned }\n"
     "Enable-ExchangeCertificate -Thumbprint $s.Thumbprint -Services IIS", [], 2,
     ["does not trust", "26AB4ED1EFF22AB001479E854A8DE78434C6364E"]),
    # Removing the old certificate while the send connector still names it.
    ("send-connector", "connector-remove",
     "$old = Get-ExchangeCertificate | Where-Object { $_.Subject -like '*2024' }\n"
     "Remove-ExchangeCertificate -Thumbprint $old.Thumbprint", ["Y"], 0,
     ["still on EX01", "O=Contoso 2024", "Point the send connector"]),
    ("send-connector", "connector-remove", "Get-SendConnector", [], 1,
     ["Set-SendConnector -TlsCertificateName"]),
    # Answering Y where N was needed: the Auth certificate became the SMTP certificate.
    ("auth-certificate", "new-auth",
     "New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true "
     "-SubjectName 'cn=Microsoft Exchange Server Auth Certificate' -DomainName @() -Services SMTP",
     ["Y"], 1, ["still on EX01", "Answer N"]),
    # Staging the new certificate without publishing it.
    ("auth-certificate", "set-authconfig",
     "$new = Get-ExchangeCertificate | Where-Object { $_.NotAfter -gt (Get-Date).AddYears(1) -and "
     "$_.Subject -like '*Auth Certificate' }\n"
     "Set-AuthConfig -NewCertificateThumbprint $new.Thumbprint -NewCertificateEffectiveDate (Get-Date)",
     ["Y"], 0, ["still uses the old certificate"]),
]


@pytest.mark.parametrize("lab, task, script, answers, index, words", LATER,
                         ids=["%s-%s-%d" % (c[0], c[1], i) for i, c in enumerate(LATER)])
def test_later_labs_wrong_solutions(lab, task, script, answers, index, words):
    test_wrong_solution_fails_the_right_check(lab, task, script, answers, index, words)


def _script(body):
    return ("New-Item -ItemType Directory C:\\scripts | Out-Null\n"
            "Set-Content -Path C:\\scripts\\Get-ExpiringCertificates.ps1 -Value @'\n%s\n'@" % body)


REPORTS = [
    # Only the local server.
    ("$limit = (Get-Date).AddDays(60)\nGet-ExchangeCertificate | Where-Object { $_.NotAfter -lt $limit }",
     ["On your organisation", "it missed", "on EX03", "expired 30 days ago"]),
    # 30 days instead of 60.
    ("Get-ExchangeServer | ForEach-Object { Get-ExchangeCertificate -Server $_.Name | "
     "Where-Object { $_.NotAfter -lt (Get-Date).AddDays(30) } }",
     ["it missed", "mail.contoso.com", "50 days left"]),
    # The server names typed in: right here, wrong on the grader's organisation.
    ("foreach ($s in 'EX01','EX02','EX03') { Get-ExchangeCertificate -Server $s | "
     "Where-Object { $_.NotAfter -lt (Get-Date).AddDays(60) } }",
     ["On another organisation (the grader's)", "wrote an error"]),
    # Everything, whatever its date.
    ("Get-ExchangeServer | ForEach-Object { Get-ExchangeCertificate -Server $_.Name }",
     ["it listed", "400 days left"]),
]


@pytest.mark.parametrize("body, words", REPORTS, ids=["local-only", "30-days", "names-typed", "all"])
def test_expiring_report_wrong_scripts(body, words):
    result = run_wrong("expiring-report", "report", _script(body))
    check = result.checks[0]
    assert not check.passed
    for w in words:
        assert w in check.detail, (w, check.detail)


def test_expiring_report_without_the_file():
    result = run_wrong("expiring-report", "report", "Get-ExchangeServer")
    assert "there is no file C:\\scripts\\Get-ExpiringCertificates.ps1" in result.checks[0].detail
