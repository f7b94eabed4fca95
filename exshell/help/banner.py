"""The Exchange Management Shell's start: the banner of each version, the tip of
the day and Connect-ExchangeServer's lines (data only; exshell.ems renders them).

The banner texts are the product's own lines (RemoteExchange.ps1's localised strings
on 2010+, Exchange.ps1 on 2007 [?]): the label of each line, then the command in
yellow.  2010 lists QuickRef among the commands; 2013+ moved it after the full-output
line, and a real 2019 capture shows no tip of the day after it [C], so the tip is
shown on 2007 and 2010 only.  The tips are exshell's own, about certificate work.

Imports nothing.
"""

#: version banner key -> (welcome line, [(label, command), ...], trailing line or None,
#: column width of the labels (2007 aligns its commands), whether a tip follows).
BANNERS = {
    "2007": ("                         Welcome to the Exchange Management Shell!", [
        (" Full list of cmdlets:", "get-command"),
        (" Only Exchange cmdlets:", "get-excommand"),
        (" Cmdlets for a specific role:", "get-help -role *UM* or *Mailbox*"),
        (" Get general help:", "help"),
        (" Get help for a cmdlet:", "help <cmdlet-name> or <cmdlet-name> -?"),
        (" Show quick reference guide:", "quickref"),
        (" Exchange team blog:", "get-exblog"),
        (" Show full output for a cmd:", "<cmd> | format-list"),
    ], None, 32, True),
    "2010": ("         Welcome to the Exchange Management Shell!", [
        ("Full list of cmdlets:", "Get-Command"),
        ("Only Exchange cmdlets:", "Get-ExCommand"),
        ("Cmdlets that match a specific string:", "Help *<string>*"),
        ("Get general help:", "Help"),
        ("Get help for a cmdlet:", "Help <cmdlet name> or <cmdlet name> -?"),
        ("Show quick reference guide:", "QuickRef"),
        ("Exchange team blog:", "Get-ExBlog"),
        ("Show full output for a command:", "<command> | Format-List"),
    ], None, 0, True),
    "2013": ("         Welcome to the Exchange Management Shell!", [
        ("Full list of cmdlets:", "Get-Command"),
        ("Only Exchange cmdlets:", "Get-ExCommand"),
        ("Cmdlets that match a specific string:", "Help *<string>*"),
        ("Get general help:", "Help"),
        ("Get help for a cmdlet:", "Help <cmdlet name> or <cmdlet name> -?"),
        ("Exchange team blog:", "Get-ExBlog"),
        ("Show full output for a command:", "<command> | Format-List"),
    ], ("Show quick reference guide:", "QuickRef"), 0, False),
}

#: The tips of the day (our own words): (text, example command or "").
TIPS = (
    ("Want every property of a certificate, not just its thumbprint and subject? Pipe it "
     "to Format-List:", "Get-ExchangeCertificate -Thumbprint <thumbprint> | Format-List *"),
    ("Renewing a self-signed certificate? Pipe the old one to New-ExchangeCertificate: the "
     "new one keeps the names and gets SMTP. Enable it for IIS yourself afterwards:",
     "Get-ExchangeCertificate -Thumbprint <old> | New-ExchangeCertificate"),
    ("Which certificates expire within the next 30 days?",
     "Get-ExchangeCertificate | Where-Object { $_.NotAfter -lt (Get-Date).AddDays(30) }"),
    ("The Services column has one letter per service: I (IMAP), P (POP), U (UM), W (IIS), "
     "S (SMTP), F (Federation) and, from Exchange 2013 on, C (UM call router). A dot means "
     "the certificate does not serve it.", ""),
    ("Not sure what a command will change? Add -WhatIf: it says what would happen and "
     "changes nothing.", "Remove-ExchangeCertificate -Thumbprint <thumbprint> -WhatIf"),
    ("Moving a certificate to another server? Export it with its key, protected by a "
     "password, then import the bytes there:",
     "Export-ExchangeCertificate -Thumbprint <thumbprint> -BinaryEncoded -Password (Read-Host -AsSecureString)"),
    ("Press Tab after -Thumbprint to choose a certificate of the server instead of typing "
     "40 hexadecimal characters.", ""),
    ("A certificate a Send connector names by issuer and subject (TlsCertificateName) cannot "
     "be removed. See which one each connector names:",
     "Get-SendConnector | Format-List Name,TlsCertificateName"),
    ("Get-Help shows examples for every cmdlet:", "Get-Help Enable-ExchangeCertificate -Examples"),
    ("Which certificate does IIS use? The one whose Services show W:",
     "Get-ExchangeCertificate | Where-Object { $_.ServicesStringForm -like '*W*' }"),
)

#: What the shell functions would open (exshell opens nothing: it says so).
QUICKREF_TEXT = "QuickRef opens the Exchange Management Shell quick reference: {target}"
EXBLOG_URL = "http://go.microsoft.com/fwlink/?LinkId=35786"
EXBLOG_TEXT = "Get-ExBlog opens the Exchange team blog: {target}"
NOT_OPENED = "(exshell opens no browser.)"
