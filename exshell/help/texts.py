"""Every word Get-Help prints, keyed by cmdlet name (our own words).

* ``SYNOPSES``: optional override of a cmdlet's ``synopsis`` declaration.
* ``DESCRIPTIONS``: the DESCRIPTION section.  Every registered cmdlet has one
  (``tests/cmdlets/test_help.py`` checks).
* ``EXAMPLES``: ``[(command, explanation), ...]``; every cmdlet has at least one.
  A command spanning lines puts the continuation on the following lines.
* ``PARAMETERS``: ``(cmdlet, parameter) -> text``; ``GENERIC_PARAMETERS`` is the
  fallback by parameter name alone.
* ``INPUTS``, ``OUTPUTS``, ``NOTES``, ``RELATED``: the Full view's sections.
* ``WILDCARD_PARAMETERS``: ``(cmdlet, parameter)`` pairs that accept wildcards.
* ``ABOUT_TOPICS``: folded name -> (title, synopsis, text).
* ``DEFAULT_HELP``: what Get-Help prints with no name.

Any value may instead be a dict keyed by Exchange version tag ("2007", "2010",
"2013", "2016", "2019") with ``"default"`` for the others: used where a cmdlet's
parameters differ by version (the file parameters of Export/Import/New).

Imports nothing.
"""

#: Certificate cmdlets: the Full view's INPUTS/OUTPUTS/NOTES and the synopsis in
#: Exchange's own style ("Use the ... cmdlet to ...").
SYNOPSES = {
    "Get-ExchangeCertificate": "Use the Get-ExchangeCertificate cmdlet to view the certificates "
                               "on an Exchange server, including pending certificate requests.",
    "New-ExchangeCertificate": "Use the New-ExchangeCertificate cmdlet to create a self-signed "
                               "certificate, to renew one, or to create a certificate request "
                               "for a certification authority.",
    "Enable-ExchangeCertificate": "Use the Enable-ExchangeCertificate cmdlet to assign an "
                                  "existing certificate to Exchange services.",
    "Export-ExchangeCertificate": "Use the Export-ExchangeCertificate cmdlet to export a "
                                  "certificate (with its private key) or a pending request.",
    "Import-ExchangeCertificate": "Use the Import-ExchangeCertificate cmdlet to import a "
                                  "certificate, or to complete a pending request with the "
                                  "certification authority's response.",
    "Remove-ExchangeCertificate": "Use the Remove-ExchangeCertificate cmdlet to delete a "
                                  "certificate or a pending request from an Exchange server.",
}

DESCRIPTIONS = {
    # ------------------------------------------------------------ certificate cmdlets
    "Get-ExchangeCertificate":
        "Get-ExchangeCertificate lists the certificates in the local computer's Personal "
        "store that Exchange can see, with the services each one is assigned to (Services) "
        "and whether it can be used (Status). Without parameters the default view is a table "
        "of Thumbprint, Services and Subject; pipe to Format-List to see every property "
        "(CertificateDomains, NotBefore, NotAfter, IsSelfSigned, RootCAType, ...).\n\n"
        "Pending certificate requests made with New-ExchangeCertificate -GenerateRequest are "
        "listed too, with the status PendingRequest, until the response is imported with "
        "Import-ExchangeCertificate.\n\n"
        "With -DomainName the certificates are those that cover the names given, in the order "
        "Exchange would pick them. The objects written can be piped to New-, Enable-, Export- "
        "and Remove-ExchangeCertificate.",
    "New-ExchangeCertificate":
        "New-ExchangeCertificate creates a new self-signed certificate, or a certificate "
        "request (-GenerateRequest) to send to a certification authority (CA). Piped a "
        "certificate from Get-ExchangeCertificate, it renews that certificate: the new one "
        "gets the same subject and domain names and a new key and validity period.\n\n"
        "A new self-signed certificate is enabled for the services given with -Services, and "
        "for SMTP when -Services is left out -- also when renewing: a renewal does NOT take "
        "over the old certificate's services. Services are worked out from the server's "
        "settings, so the new certificate also shows IMAP and POP when one of its names is "
        "the name POP3 and IMAP4 look for (X509CertificateName; a renewal of setup's "
        "certificate keeps the server's name, so it does), but never IIS: enable it for IIS "
        "with Enable-ExchangeCertificate -Services IIS. When the certificate gets SMTP and "
        "another certificate is the default SMTP certificate, the cmdlet asks whether to "
        "overwrite it; -Force answers yes.\n\n"
        "A request is written to the pipeline as Base64 text (or as bytes with "
        "-BinaryEncoded); save it to a file for the CA. On Exchange 2007 -Path, and on "
        "Exchange 2013 -RequestFile (also on 2016 up to CU22 and 2019 up to CU11, before "
        "the 2022 H1 update removed it), write the file directly. The request stays on the "
        "server as a pending request until its response is imported.\n\n"
        "A federation certificate is made with -Services Federation and a "
        "-SubjectKeyIdentifier; Federation shows in its Services once a federation trust "
        "uses it (New-FederationTrust, Set-FederationTrust).\n\n"
        "The old certificate is never removed: after checking the new one, remove the old "
        "one with Remove-ExchangeCertificate.",
    "Enable-ExchangeCertificate":
        "Enable-ExchangeCertificate assigns a certificate to one or more Exchange services: "
        "IIS (Outlook Web App, ActiveSync, Exchange Web Services...), SMTP (TLS for the "
        "transport service), IMAP, POP, UM and, from Exchange 2013 on, UMCallRouter. "
        "Federation cannot be enabled this way: a certificate serves federation when a "
        "federation trust uses it (New-FederationTrust, Set-FederationTrust).\n\n"
        "Services are only ever added: a service the certificate already had stays "
        "enabled. Enabling a certificate for IIS binds it to the Default Web Site, so the "
        "certificate bound there before loses IIS -- except setup's certificate from "
        "Exchange 2013 on, which stays bound to the Exchange Back End site and so keeps "
        "showing IIS (leave it there). Enabling for SMTP asks whether to overwrite the "
        "default SMTP certificate; -Force answers yes.\n\n"
        "The certificate must be usable by Exchange: a pending request, or a certificate "
        "whose private key is missing, cannot be enabled; an expired certificate cannot be "
        "enabled for UM or UMCallRouter.",
    "Export-ExchangeCertificate":
        "Export-ExchangeCertificate exports a certificate together with its private key, "
        "protected by -Password, as a PKCS #12 (.pfx) file, so that it can be imported on "
        "another server. The key must have been created exportable. Piped a pending request, "
        "it exports the request text again.\n\n"
        "The result is written to the pipeline: with -BinaryEncoded an object whose "
        "FileData property holds the bytes. Exchange 2007 writes the file itself with "
        "-Path, and Exchange 2013 with -FileName; on Exchange 2010 save FileData with "
        "Set-Content -Encoding Byte. Exchange 2016 up to CU22 and 2019 up to CU11 still have "
        "-FileName; the 2022 H1 update removed it.",
    "Import-ExchangeCertificate":
        "Import-ExchangeCertificate imports a certificate and its private key from a PFX "
        "file, or completes a pending request with the certificate the CA returned (a .cer, "
        ".crt or .p7b file).\n\n"
        "The file's content is passed with -FileData (Exchange 2010 and later; read it with "
        "Get-Content -Encoding Byte -ReadCount 0, or [System.IO.File]::ReadAllBytes()). "
        "Exchange 2007 reads the file itself with -Path, and Exchange 2013 (and 2016 up to "
        "CU22, 2019 up to CU11) also accepts -FileName with a UNC path.\n\n"
        "An imported certificate is not assigned to any service: run "
        "Enable-ExchangeCertificate afterwards.",
    "Remove-ExchangeCertificate":
        "Remove-ExchangeCertificate deletes a certificate, or a pending request, from the "
        "server's certificate store. The cmdlet asks for confirmation first; answer A or Y, "
        "or add -Confirm:$false to skip the question.\n\n"
        "Some certificates cannot be removed: the server's default SMTP certificate, the UM "
        "certificates, a certificate a federation trust uses, and a certificate whose issuer "
        "and subject a Send connector names (TlsCertificateName). Point those at another "
        "certificate first. Before removing any other certificate, make sure another "
        "certificate serves its services (see Get-ExchangeCertificate | Format-List "
        "Thumbprint,Services): IIS, POP and IMAP do not move by themselves. Removal cannot "
        "be undone unless the certificate was exported.",
}

EXAMPLES = {
    "Get-ExchangeCertificate": [
        ("Get-ExchangeCertificate",
         "This command lists every certificate on the local server, with its thumbprint, "
         "its services and its subject."),
        ("Get-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 | Format-List",
         "This command shows every property of one certificate, chosen by thumbprint."),
        ("Get-ExchangeCertificate | Where-Object { $_.NotAfter -lt (Get-Date).AddDays(30) }",
         "This command finds the certificates that expire within 30 days, or have expired."),
        ("Get-ExchangeCertificate -DomainName mail.contoso.com",
         "This command lists the certificates that cover mail.contoso.com; the first one is "
         "the one Exchange would choose."),
    ],
    "New-ExchangeCertificate": {
        "default": [
            ("Get-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 | New-ExchangeCertificate",
             "This command renews a self-signed certificate: the new certificate has the same "
             "names, a new key and a new validity period, and is enabled for SMTP (IMAP and "
             "POP follow from its names), not for IIS. The cmdlet asks before replacing the "
             "default SMTP certificate."),
            ("New-ExchangeCertificate -DomainName mail.contoso.com,autodiscover.contoso.com -Services IIS,SMTP -Force",
             "This command creates a new self-signed certificate for two names and enables it "
             "for IIS and SMTP without asking."),
            ("$req = New-ExchangeCertificate -GenerateRequest -SubjectName \"C=US,O=Contoso,CN=mail.contoso.com\" -DomainName mail.contoso.com,autodiscover.contoso.com -PrivateKeyExportable $true\n"
             "Set-Content -Path C:\\certreq\\contoso.req -Value $req",
             "These commands create a request for a certificate with two names and an "
             "exportable key, and save it to a file to send to the CA."),
        ],
        "2007": [
            ("Get-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 | New-ExchangeCertificate",
             "This command renews a self-signed certificate with the same names; the new one "
             "is enabled for SMTP, not for the old one's other services."),
            ("New-ExchangeCertificate -GenerateRequest -Path C:\\certreq\\contoso.req -SubjectName \"C=US,O=Contoso,CN=mail.contoso.com\" -DomainName mail.contoso.com,autodiscover.contoso.com -PrivateKeyExportable $true",
             "This command creates a request and writes it to C:\\certreq\\contoso.req."),
            ("New-ExchangeCertificate -DomainName mail.contoso.com -Services IIS,SMTP -Force",
             "This command creates a self-signed certificate and enables it for IIS and SMTP "
             "without asking."),
        ],
        "2013": [
            ("Get-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 | New-ExchangeCertificate",
             "This command renews a self-signed certificate with the same names; the new one "
             "is enabled for SMTP, not for the old one's other services."),
            ("New-ExchangeCertificate -GenerateRequest -RequestFile \\\\EX01\\certreq\\contoso.req -SubjectName \"C=US,O=Contoso,CN=mail.contoso.com\" -DomainName mail.contoso.com,autodiscover.contoso.com -PrivateKeyExportable $true",
             "This command creates a request and writes it to a shared folder."),
            ("New-ExchangeCertificate -DomainName mail.contoso.com -Services IIS,SMTP -Force",
             "This command creates a self-signed certificate and enables it for IIS and SMTP "
             "without asking."),
        ],
    },
    "Enable-ExchangeCertificate": [
        ("Enable-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -Services IIS",
         "This command assigns the certificate to IIS; the certificate that served IIS "
         "before keeps its other services."),
        ("Enable-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -Services IIS,SMTP,IMAP,POP -Force",
         "This command assigns the certificate to four services and makes it the default "
         "SMTP certificate without asking."),
        ("Get-ExchangeCertificate -DomainName mail.contoso.com | Select-Object -First 1 | Enable-ExchangeCertificate -Services IIS",
         "This command enables, for IIS, the first certificate that covers mail.contoso.com."),
    ],
    "Export-ExchangeCertificate": {
        "default": [
            ("$pw = Read-Host \"PFX password\" -AsSecureString\n"
             "$pfx = Export-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -BinaryEncoded -Password $pw\n"
             "Set-Content -Path C:\\certs\\mail.pfx -Value $pfx.FileData -Encoding Byte",
             "These commands export a certificate and its key, protected by a password, and "
             "save the bytes as a .pfx file."),
            ("Get-ExchangeCertificate | Where-Object { $_.Status -eq \"PendingRequest\" } | Export-ExchangeCertificate",
             "This command shows the text of the pending requests again."),
            ("[System.IO.File]::WriteAllBytes('C:\\certs\\mail.pfx', $pfx.FileData)",
             "This command is another way to save the exported bytes."),
        ],
        "2007": [
            ("$pw = Read-Host \"PFX password\" -AsSecureString\n"
             "Export-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -BinaryEncoded -Path C:\\certs\\mail.pfx -Password $pw",
             "These commands export a certificate and its key to C:\\certs\\mail.pfx."),
            ("Export-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -Path C:\\certreq\\again.req",
             "This command writes a pending request to a file again."),
            ("Export-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -BinaryEncoded -Path C:\\certs\\mail.pfx -Password $pw -Force",
             "This command replaces an existing file."),
        ],
        "2013": [
            ("$pw = Read-Host \"PFX password\" -AsSecureString\n"
             "Export-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -BinaryEncoded -FileName \\\\EX01\\certs\\mail.pfx -Password $pw",
             "These commands export a certificate and its key to a shared folder."),
            ("$pfx = Export-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -BinaryEncoded -Password $pw\n"
             "[System.IO.File]::WriteAllBytes('C:\\certs\\mail.pfx', $pfx.FileData)",
             "These commands export to the pipeline and save the bytes themselves."),
            ("Get-ExchangeCertificate | Where-Object { $_.Status -eq \"PendingRequest\" } | Export-ExchangeCertificate",
             "This command shows the text of the pending requests again."),
        ],
    },
    "Import-ExchangeCertificate": {
        "default": [
            ("Import-ExchangeCertificate -FileData ([Byte[]]$(Get-Content -Path C:\\certreq\\contoso.cer -Encoding Byte -ReadCount 0))",
             "This command completes a pending request with the certificate the CA issued."),
            ("$pw = Read-Host \"PFX password\" -AsSecureString\n"
             "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certs\\mail.pfx')) -Password $pw -PrivateKeyExportable $true",
             "These commands import a certificate and its key from a .pfx file, keeping the "
             "key exportable."),
            ("Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certs\\mail.pfx')) -Password $pw | Enable-ExchangeCertificate -Services IIS,SMTP",
             "This command imports a certificate and enables it for IIS and SMTP."),
        ],
        "2007": [
            ("Import-ExchangeCertificate -Path C:\\certreq\\contoso.cer",
             "This command completes a pending request with the certificate the CA issued."),
            ("$pw = Read-Host \"PFX password\" -AsSecureString\n"
             "Import-ExchangeCertificate -Path C:\\certs\\mail.pfx -Password $pw",
             "These commands import a certificate and its key from a .pfx file."),
            ("Import-ExchangeCertificate -Path C:\\certs\\mail.pfx -Password $pw | Enable-ExchangeCertificate -Services IIS,SMTP",
             "This command imports a certificate and enables it for IIS and SMTP."),
        ],
        "2013": [
            ("Import-ExchangeCertificate -FileName \\\\EX01\\certreq\\contoso.cer",
             "This command completes a pending request from a file in a shared folder."),
            ("Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certs\\mail.pfx')) -Password $pw -PrivateKeyExportable $true",
             "This command imports a certificate and its key from a .pfx file."),
            ("Import-ExchangeCertificate -FileName \\\\EX01\\certs\\mail.pfx -Password $pw | Enable-ExchangeCertificate -Services IIS,SMTP",
             "This command imports a certificate and enables it for IIS and SMTP."),
        ],
    },
    "Remove-ExchangeCertificate": [
        ("Remove-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3",
         "This command removes one certificate after asking for confirmation."),
        ("Remove-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -Confirm:$false",
         "This command removes the certificate without asking."),
        ("Get-ExchangeCertificate | Where-Object { $_.NotAfter -lt (Get-Date) } | Remove-ExchangeCertificate",
         "This command removes every expired certificate, asking once for each (answer A "
         "to remove them all)."),
    ],
}

_T = "5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3"

# ---------------------------------------------------------------- the other cmdlets
# name -> (description, [(command, explanation), ...]); merged into the tables below.
_OTHERS = {
    # Exchange configuration
    "Get-ExchangeServer": (
        "Lists the Exchange servers of the organisation with their roles, edition and version. "
        "Pipe to ForEach-Object to run a certificate command on every server.",
        [("Get-ExchangeServer | ForEach-Object { Get-ExchangeCertificate -Server $_.Name }",
          "This command lists the certificates of every server.")]),
    "Get-AuthConfig": (
        "Shows the configuration of server-to-server (OAuth) authentication, including the "
        "thumbprint of the current Auth certificate and of the next one, if one is staged.",
        [("Get-ExchangeCertificate -Thumbprint (Get-AuthConfig).CurrentCertificateThumbprint | Format-List Subject,NotAfter",
          "This command shows when the current Auth certificate expires.")]),
    "Set-AuthConfig": (
        "Changes the Auth certificate. Stage a new certificate with -NewCertificateThumbprint "
        "and -NewCertificateEffectiveDate, then publish it with -PublishCertificate; "
        "-ClearPreviousCertificate forgets the previous one.",
        [("Set-AuthConfig -NewCertificateThumbprint " + _T + " -NewCertificateEffectiveDate (Get-Date).AddHours(49)",
          "This command stages a new Auth certificate to take effect in 49 hours."),
         ("Set-AuthConfig -PublishCertificate",
          "This command makes the staged certificate the current Auth certificate.")]),
    "Get-ImapSettings": (
        "Shows a server's IMAP4 settings, among them X509CertificateName: the name used to pick "
        "the certificate IMAP4 offers.",
        [("Get-ImapSettings | Format-List X509CertificateName", "This command shows which name selects the IMAP4 certificate.")]),
    "Set-ImapSettings": (
        "Sets the name (one of a certificate's domain names) by which IMAP4 picks its certificate. "
        "The IMAP4 service must be restarted to use it.",
        [("Set-ImapSettings -X509CertificateName mail.contoso.com", "This command makes IMAP4 use a certificate for mail.contoso.com.")]),
    "Get-PopSettings": (
        "Shows a server's POP3 settings, among them X509CertificateName: the name used to pick "
        "the certificate POP3 offers.",
        [("Get-PopSettings | Format-List X509CertificateName", "This command shows which name selects the POP3 certificate.")]),
    "Set-PopSettings": (
        "Sets the name (one of a certificate's domain names) by which POP3 picks its certificate. "
        "The POP3 service must be restarted to use it.",
        [("Set-PopSettings -X509CertificateName mail.contoso.com", "This command makes POP3 use a certificate for mail.contoso.com.")]),
    "Get-ReceiveConnector": (
        "Lists the Receive connectors of the servers, with their bindings and the certificate "
        "name (TlsCertificateName) they offer for STARTTLS, if any.",
        [("Get-ReceiveConnector | Format-Table Identity,Fqdn,TlsCertificateName", "This command shows which certificate each Receive connector names.")]),
    "Set-ReceiveConnector": (
        "Changes a Receive connector: its FQDN, whether it is enabled, and the certificate it "
        "offers for STARTTLS (TlsCertificateName, written <I>issuer<S>subject).",
        [("$c = Get-ExchangeCertificate -Thumbprint " + _T + "\n"
          "Set-ReceiveConnector \"EX01\\Default EX01\" -TlsCertificateName \"<I>$($c.Issuer)<S>$($c.Subject)\"",
          "These commands make a Receive connector offer a chosen certificate.")]),
    "Get-SendConnector": (
        "Lists the Send connectors of the organisation; TlsCertificateName names the certificate "
        "a connector presents, by issuer and subject.",
        [("Get-SendConnector | Format-List Name,Fqdn,RequireTLS,TlsCertificateName", "This command shows the TLS settings of every Send connector.")]),
    "New-SendConnector": (
        "Creates a Send connector for the address spaces given, sent through the source "
        "transport servers given.",
        [("New-SendConnector -Name \"To Internet\" -Internet -AddressSpaces * -SourceTransportServers EX01",
          "This command creates a connector that sends all mail to the Internet from EX01.")]),
    "Set-SendConnector": (
        "Changes a Send connector. -TlsCertificateName names the certificate it presents; after a "
        "renewal, point it at the new certificate (or set it to $null) before removing the old one.",
        [("Set-SendConnector \"To Internet\" -TlsCertificateName $null", "This command stops the connector naming a certificate.")]),
    "Get-TransportServer": (
        "Shows the transport servers and, in InternalTransportCertificateThumbprint, the "
        "certificate used as the default SMTP certificate.",
        [("Get-TransportServer | Format-List Name,InternalTransportCertificateThumbprint", "This command shows each server's default SMTP certificate.")]),
    "Get-TransportService": (
        "The Exchange 2013 and later name of Get-TransportServer: shows the transport servers and "
        "their default SMTP certificate.",
        [("Get-TransportService | Format-List Name,InternalTransportCertificateThumbprint", "This command shows each server's default SMTP certificate.")]),
    "Test-ImapConnectivity": (
        "Connects to IMAP4 over SSL and reports whether the TLS handshake succeeds with the "
        "certificate the service offers. Use -TrustAnySSLCertificate to ignore trust errors.",
        [("Test-ImapConnectivity -ClientAccessServer EX01 -ConnectionType SSL -TrustAnySSLCertificate", "This command tests IMAP4 over SSL on EX01.")]),
    "Test-PopConnectivity": (
        "Connects to POP3 over SSL and reports whether the TLS handshake succeeds with the "
        "certificate the service offers. Use -TrustAnySSLCertificate to ignore trust errors.",
        [("Test-PopConnectivity -ClientAccessServer EX01 -ConnectionType SSL -TrustAnySSLCertificate", "This command tests POP3 over SSL on EX01.")]),
    "Test-SmtpConnectivity": (
        "Connects to each Receive connector of a server, starts TLS and reports the result, "
        "with the certificate that was offered.",
        [("Test-SmtpConnectivity EX01", "This command tests STARTTLS on every Receive connector of EX01.")]),
    "Test-OwaConnectivity": (
        "Exchange 2010: logs on to Outlook Web App over HTTPS, as a client would, and reports each "
        "test with its result and, when it fails, the error (the certificate IIS presents must "
        "be trusted and carry the name asked for). Without parameters it tests the internal URL "
        "of every Client Access server; -URL tests one address; -TrustAnySSLCertificate ignores "
        "certificate errors.",
        [("Test-OwaConnectivity | Format-List Url,Result,Error", "This command tests Outlook Web App on the Client Access servers."),
         ("Test-OwaConnectivity -URL https://mail.contoso.com/owa -MailboxCredential (Get-Credential contoso\\kweku)",
          "This command tests one address with the account given.")]),
    "Test-WebServicesConnectivity": (
        "Calls Autodiscover and Exchange Web Services over HTTPS on each Client Access server, as "
        "a client would, and reports each step (Autodiscover: SOAP Provider, then EWS: GetFolder, "
        "or EWS: ConvertId with -LightMode) with its result. A certificate the client does not "
        "trust, or that lacks the server's name, makes the steps fail.",
        [("Test-WebServicesConnectivity | Format-List Scenario,Result,Error", "This command tests Exchange Web Services on the Client Access servers.")]),
    "Invoke-WebRequest": (
        "Requests a page from the emulated server's web site over HTTPS and reports the "
        "certificate problems a browser would report (untrusted, expired, wrong name).",
        [("Invoke-WebRequest https://mail.contoso.com/owa -UseBasicParsing", "This command checks the certificate IIS offers for mail.contoso.com.")]),
    # Federation (Exchange 2010 and later)
    "Get-FederationTrust": (
        "Lists the federation trust (normally one, named Microsoft Federation Gateway) with the "
        "organisation's federation certificates: OrgPrivCertificate is the thumbprint of the "
        "current one, OrgNextPrivCertificate the one staged to replace it, "
        "OrgPrevPrivCertificate the one it replaced. Every certificate the trust names shows "
        "Federation in Get-ExchangeCertificate and cannot be removed.",
        [("Get-FederationTrust | Format-List Name,OrgPrivCertificate,OrgNextPrivCertificate",
          "This command shows which certificates the federation trust uses."),
         ("Get-ExchangeCertificate -Thumbprint (Get-FederationTrust).OrgPrivCertificate | Format-List Subject,NotAfter",
          "This command shows when the current federation certificate expires.")]),
    "New-FederationTrust": (
        "Creates the federation trust between the organisation and the Microsoft Federation "
        "Gateway, with a federation certificate of this server (-Thumbprint): a certificate "
        "with a private key and a subject key identifier, usually made with "
        "New-ExchangeCertificate -Services Federation. The trust gives the certificate's key "
        "to the Network Service account, so the certificate also shows SMTP on a transport "
        "server. In exshell the gateway is offline: the trust is recorded as if the gateway "
        "had accepted it.",
        [("$ski = [System.Guid]::NewGuid().ToString(\"N\")\n"
          "$fc = New-ExchangeCertificate -SubjectName \"CN=Federation\" -DomainName \"Federation\" -Services Federation -KeySize 2048 -PrivateKeyExportable $true -SubjectKeyIdentifier $ski\n"
          "New-FederationTrust -Name \"Microsoft Federation Gateway\" -Thumbprint $fc.Thumbprint",
          "These commands make a federation certificate and create the federation trust with it.")]),
    "Set-FederationTrust": (
        "Changes the federation trust. -Thumbprint stages the next federation certificate "
        "(OrgNextPrivCertificate) and warns that the domains' TXT proof records must be "
        "updated (Get-FederatedDomainProof shows the new text; publishing warns again). The Microsoft Exchange Service Host copies the trust's certificates, with "
        "their keys, to every Mailbox, Client Access and Hub Transport server (at once in "
        "exshell; not to a server whose Service Host is stopped): check with "
        "Test-FederationTrustCertificate. Once the next certificate is installed everywhere, "
        "-PublishFederationCertificate makes it the current one, and the current one becomes "
        "the previous one. -Name renames the trust, -MetadataUrl points it at another "
        "metadata address.",
        [("Set-FederationTrust -Identity \"Microsoft Federation Gateway\" -Thumbprint " + _T,
          "This command stages a new federation certificate."),
         ("Set-FederationTrust -Identity \"Microsoft Federation Gateway\" -PublishFederationCertificate",
          "This command makes the staged certificate the current federation certificate.")]),
    "Remove-FederationTrust": (
        "Deletes a federation trust after asking for confirmation. Its certificates stay in "
        "the stores and lose Federation. A trust the enabled federated organization "
        "identifier uses cannot be removed.",
        [("Remove-FederationTrust \"Microsoft Federation Gateway\" -Confirm:$false",
          "This command removes the trust without asking.")]),
    "Get-FederatedOrganizationIdentifier": (
        "Shows the federated organization identifier: the account namespace registered with "
        "the gateway, the federated domains, the trust it uses (DelegationTrustLink) and "
        "whether federation is enabled.",
        [("Get-FederatedOrganizationIdentifier", "This command shows the federated organization identifier.")]),
    "Set-FederatedOrganizationIdentifier": (
        "Configures the federated organization identifier: the trust it uses "
        "(-DelegationFederationTrust), the account namespace (-AccountNamespace, an accepted "
        "domain; the gateway's namespace becomes FYDIBOHF25SPDLT.<domain>), the contact and "
        "whether federation is enabled (-Enabled $false turns it off for a while).",
        [("Set-FederatedOrganizationIdentifier -DelegationFederationTrust \"Microsoft Federation Gateway\" -AccountNamespace contoso.com -Enabled $true",
          "This command enables federation for contoso.com through the trust.")]),
    "Test-FederationTrust": (
        "Tests the federation trust step by step: the trust object, the gateway's metadata and "
        "certificates, the organisation's federation certificate (installed on this server, "
        "with its key, not expired) and a token request. In exshell the gateway is offline: "
        "its steps succeed when the local ones do.",
        [("Test-FederationTrust", "This command tests the federation trust and its certificates."),
         ("Test-FederationTrust | Where-Object { $_.Type -ne 'Success' }", "This command shows only the steps that failed.")]),
    "Get-FederatedDomainProof": (
        "Shows the proof-of-ownership text for a federated domain: the value of the TXT record "
        "the domain's public DNS zone must hold for the Microsoft Federation Gateway. There is "
        "one proof per federation certificate of the trust -- the staged next one first, then "
        "the current one -- or one for the certificate -Thumbprint names. After "
        "Set-FederationTrust -Thumbprint, put the next certificate's proof in the TXT record "
        "before you publish it. In exshell the text is made from the domain and the "
        "certificate; nothing checks the DNS.",
        [("Get-FederatedDomainProof -DomainName contoso.com | Format-List Thumbprint,Proof",
          "This command shows the TXT record text for contoso.com for each federation certificate.")]),
    "Add-FederatedDomain": (
        "Adds an accepted domain to the federated domains of the organisation identifier (its "
        "account namespace must be set). The real gateway checks the domain's TXT proof "
        "record (Get-FederatedDomainProof); the lab's gateway is offline and accepts it.",
        [("Add-FederatedDomain -DomainName fabrikam.com", "This command federates fabrikam.com too.")]),
    "Remove-FederatedDomain": (
        "Removes a domain from the federated domains. The primary shared domain (the one in "
        "the account namespace) goes last; removing it unregisters the namespace, so that the "
        "federation trust can then be removed -- the first steps of replacing an expired "
        "federation certificate.",
        [("Remove-FederatedDomain -DomainName fabrikam.com -Force", "This command removes fabrikam.com from the federated domains."),
         ("Get-FederatedOrganizationIdentifier | Format-List AccountNamespace,Domains",
          "This command shows the primary shared domain (in AccountNamespace) and all federated domains.")]),
    "Test-FederationTrustCertificate": (
        "Shows, for every Mailbox, Client Access and Hub Transport server, whether each "
        "certificate of the federation trust (the current one and the staged next one) is "
        "installed there: State is Installed or NotInstalled. Exchange copies the certificates "
        "to the servers by itself (the Microsoft Exchange Service Host); run this before "
        "Set-FederationTrust -PublishFederationCertificate.",
        [("Test-FederationTrustCertificate", "This command shows where the federation certificates are installed."),
         ("Test-FederationTrustCertificate | Where-Object { $_.State -ne 'Installed' }",
          "This command lists the servers that still lack a certificate.")]),
    # Lab helpers
    "Export-LabCARoot": (
        "LAB ONLY (not an Exchange or PowerShell cmdlet): writes the root certificate of the "
        "lab's enterprise CA, or of the simulated public CA, to a PEM file, so that it can be "
        "inspected or trusted.",
        [("Export-LabCARoot -Path C:\\certs\\root.cer", "This command writes the lab root CA certificate to C:\\certs\\root.cer.")]),
    "Request-LabPublicCertificate": (
        "LAB ONLY (not an Exchange or PowerShell cmdlet): signs a request file with the simulated "
        "public CA, whose root every client trusts, and writes the issued certificate. A .p7b "
        "out-file also contains the issuing CA.",
        [("Request-LabPublicCertificate -RequestFile C:\\certreq\\contoso.req -OutFile C:\\certreq\\contoso.cer",
          "This command has the simulated public CA issue the certificate for a request.")]),
    "certreq": (
        "An emulation of certreq.exe: -submit sends a request file to the lab's enterprise CA and "
        "writes the issued certificate; -accept installs a CA response.",
        [("certreq -submit -attrib \"CertificateTemplate:WebServer\" C:\\certreq\\contoso.req C:\\certreq\\contoso.cer",
          "This command submits a request to the enterprise CA with the WebServer template.")]),
    # Files on the emulated drive
    "Add-Content": ("Appends text, or bytes with -Encoding Byte, to a file on the emulated drive.",
        [("Add-Content -Path C:\\notes.txt -Value \"renewed today\"", "This command adds a line to C:\\notes.txt.")]),
    "Set-Content": ("Writes text, or bytes with -Encoding Byte, to a file on the emulated drive, replacing its content.",
        [("Set-Content -Path C:\\certs\\mail.pfx -Value $pfx.FileData -Encoding Byte", "This command saves exported bytes as a file.")]),
    "Get-Content": ("Reads a file on the emulated drive: one string per line, the whole text with -Raw, or bytes with -Encoding Byte (add -ReadCount 0 to get one array).",
        [("[Byte[]]$(Get-Content -Path C:\\certreq\\contoso.cer -Encoding Byte -ReadCount 0)", "This command reads a file as bytes, as -FileData expects.")]),
    "Copy-Item": ("Copies files and folders on the emulated drive.",
        [("Copy-Item C:\\certs\\mail.pfx C:\\backup\\", "This command copies a file to another folder.")]),
    "Get-ChildItem": ("Lists the files and folders of a folder on the emulated drive; -Recurse goes into subfolders.",
        [("Get-ChildItem C:\\certreq -Filter *.req", "This command lists the request files in C:\\certreq.")]),
    "Get-Item": ("Gets the item at a path: a file or folder of the emulated drive, as the object Get-ChildItem lists. A wildcard in the last part of the path gets every match.",
        [("Get-Item C:\\certreq\\contoso.cer | Format-List Name,Length,LastWriteTime", "This command shows when the CA's response was saved and how big it is.")]),
    "Get-Location": ("Shows the current folder of the emulated drive.",
        [("Get-Location", "This command shows the current folder.")]),
    "Set-Location": ("Changes the current folder of the emulated drive.",
        [("Set-Location C:\\certreq", "This command makes C:\\certreq the current folder.")]),
    "Get-PSDrive": ("Lists the drives. The emulated C: drive is a folder of the real computer, named in its Description.",
        [("Get-PSDrive C | Format-List", "This command shows where the emulated drive lives.")]),
    "New-Item": ("Creates a file or folder on the emulated drive (-ItemType Directory for a folder).",
        [("New-Item -ItemType Directory -Path C:\\certreq", "This command creates the folder C:\\certreq.")]),
    "mkdir": ("Creates a folder on the emulated drive; the same as New-Item -ItemType Directory.",
        [("mkdir C:\\certreq", "This command creates the folder C:\\certreq.")]),
    "Remove-Item": ("Deletes files and folders on the emulated drive; -Recurse deletes a folder's content too.",
        [("Remove-Item C:\\certreq\\old.req", "This command deletes a file.")]),
    "Test-Path": ("Returns True when a path exists on the emulated drive, False otherwise.",
        [("Test-Path C:\\certreq\\contoso.cer", "This command tells whether the CA's response has been saved yet.")]),
    "Join-Path": ("Combines a path and a child path into one path.",
        [("Join-Path C:\\certreq contoso.req", "This command returns C:\\certreq\\contoso.req.")]),
    "Split-Path": ("Returns part of a path: its parent folder (the default), its leaf, or its drive.",
        [("Split-Path C:\\certreq\\contoso.req -Leaf", "This command returns contoso.req.")]),
    "Out-File": ("Sends formatted output to a file on the emulated drive, as it would be shown on screen.",
        [("Get-ExchangeCertificate | Format-List | Out-File C:\\certs\\inventory.txt", "This command saves a certificate inventory.")]),
    # Objects and formatting
    "ForEach-Object": ("Runs a script block for each input object; $_ is the current object.",
        [("Get-ExchangeCertificate | ForEach-Object { $_.NotAfter }", "This command shows the expiry date of every certificate.")]),
    "Where-Object": ("Passes on only the input objects for which the script block is true; $_ is the current object.",
        [("Get-ExchangeCertificate | Where-Object { $_.IsSelfSigned }", "This command lists the self-signed certificates.")]),
    "Select-Object": ("Selects properties of objects (including calculated ones written @{n=...;e={...}}), or the first, last or unique objects.",
        [("Get-ExchangeCertificate | Select-Object Thumbprint,@{n='DaysLeft';e={($_.NotAfter - (Get-Date)).Days}}",
          "This command shows how many days each certificate has left.")]),
    "Sort-Object": ("Sorts objects by the values of one or more properties.",
        [("Get-ExchangeCertificate | Sort-Object NotAfter", "This command lists the certificates, soonest to expire first.")]),
    "Group-Object": ("Groups objects that have the same value for the given properties, and counts them.",
        [("Get-ExchangeCertificate | Group-Object IsSelfSigned", "This command counts self-signed and CA-issued certificates.")]),
    "Measure-Object": ("Counts objects, and sums or averages numeric properties; for strings it counts lines, words and characters.",
        [("Get-ExchangeCertificate | Measure-Object", "This command counts the certificates.")]),
    "Get-Member": ("Shows the type name, properties and methods of the objects piped to it.",
        [("Get-ExchangeCertificate | Get-Member", "This command lists the members of a certificate object.")]),
    "Tee-Object": ("Saves the pipeline's objects in a file or a variable and passes them on.",
        [("Get-ExchangeCertificate | Tee-Object -Variable certs | Format-Table", "This command shows the certificates and keeps them in $certs.")]),
    "Format-List": ("Shows each object as a list of properties, one per line. With no properties named, a default set is shown; * shows them all.",
        [("Get-ExchangeCertificate | Format-List Thumbprint,Services,NotAfter", "This command shows three properties of every certificate.")]),
    "Format-Table": ("Shows objects as a table with a column per property; -AutoSize sizes the columns to the data.",
        [("Get-ExchangeCertificate | Format-Table Thumbprint,NotAfter -AutoSize", "This command shows a compact table.")]),
    "Out-Default": ("Sends output to the default formatter and to the console. The shell calls it for the last command of every line.",
        [("Get-ExchangeCertificate | Out-Default", "This command shows the certificates, as they would be shown anyway.")]),
    "Out-Host": ("Sends output to the console.",
        [("Get-ExchangeCertificate | Out-Host", "This command shows the certificates on the console.")]),
    "Out-Null": ("Discards its input.",
        [("New-Item -ItemType Directory C:\\certreq | Out-Null", "This command creates a folder without showing it.")]),
    "Out-String": ("Turns objects into the text they would be shown as; -Stream writes one string per line.",
        [("$text = Get-ExchangeCertificate | Format-List | Out-String", "This command keeps the list view as one string.")]),
    # Data
    "ConvertTo-Csv": ("Converts objects to CSV lines, a header line first.",
        [("Get-ExchangeCertificate | Select-Object Thumbprint,NotAfter | ConvertTo-Csv -NoTypeInformation", "This command shows the certificates as CSV.")]),
    "ConvertFrom-Csv": ("Converts CSV lines into objects with a property per column.",
        [("\"Name,Days\",\"mail,30\" | ConvertFrom-Csv", "This command creates one object with the properties Name and Days.")]),
    "Export-Csv": ("Saves objects as a CSV file on the emulated drive.",
        [("Get-ExchangeCertificate | Select-Object Thumbprint,NotAfter | Export-Csv C:\\certs.csv -NoTypeInformation", "This command saves an inventory as CSV.")]),
    "Import-Csv": ("Reads a CSV file on the emulated drive into objects.",
        [("Import-Csv C:\\certs.csv", "This command reads the inventory back.")]),
    "ConvertTo-Json": ("Converts objects to JSON text (Windows PowerShell 3.0 and later).",
        [("Get-ExchangeCertificate | Select-Object Thumbprint,Subject | ConvertTo-Json", "This command shows the certificates as JSON.")]),
    "ConvertFrom-Json": ("Converts JSON text into objects (Windows PowerShell 3.0 and later).",
        [("'{\"Name\":\"mail\"}' | ConvertFrom-Json", "This command creates an object with the property Name.")]),
    "Get-AcceptedDomain": ("Lists the organisation's accepted domains: the SMTP domains it receives mail "
                           "for (Authoritative) or relays (ExternalRelay), and which one is the default.",
        [("Get-AcceptedDomain", "This command lists the accepted domains."),
         ("Get-AcceptedDomain | Export-Clixml C:\\replica\\AcceptedDomain.xml", "This command saves them, as the replica export script does.")]),
    "Export-Clixml": ("Saves objects in PowerShell's CliXML format on the emulated drive: each object's "
                      "type names, ToString and properties, -Depth levels deep (2 by default). The "
                      "file is UTF-16 with a byte-order mark unless -Encoding says otherwise. "
                      "-LiteralPath exists from Windows PowerShell 3.0 (Exchange 2013) on.",
        [("Get-ExchangeCertificate | Export-Clixml C:\\replica\\certs.xml", "This command saves the certificates, with their RawData, for exshell replica import."),
         ("Get-ReceiveConnector | Export-Clixml C:\\rc.xml -Depth 3", "This command saves the receive connectors one level deeper than the default.")]),
    "Import-Clixml": ("Reads a CliXML file back into objects. They are deserialized copies: property bags "
                      "whose type names start with Deserialized., without methods. A file that is not "
                      "CliXML, or is truncated, is an error that names the line.",
        [("$certs = Import-Clixml C:\\replica\\certs.xml", "This command reads the saved certificates."),
         ("Import-Clixml C:\\certs.xml | Format-Table Thumbprint,Subject", "This command shows what was saved.")]),
    "ConvertTo-Xml": ("Converts objects to the simple XML form <Objects><Object Type=...>; -As String "
                      "returns the text, -Depth says how deep properties are expanded (1 by default).",
        [("Get-ExchangeServer | ConvertTo-Xml -As String", "This command shows the servers as XML text.")]),
    "Add-Member": ("Adds a member to an object: a NoteProperty holding a value, a ScriptProperty whose "
                   "value a script block computes ($this is the object), an AliasProperty that "
                   "stands for another property, or a ScriptMethod. -NotePropertyName/-Value and "
                   "-NotePropertyMembers (a hashtable) add note properties in one go (Windows "
                   "PowerShell 3.0 and later). An existing member is kept unless -Force is given; "
                   "-PassThru writes the object on.",
        [("$row = New-Object PSObject; $row | Add-Member NoteProperty Server EX01", "This command gives a report row the property Server."),
         ("Get-ExchangeCertificate | Add-Member ScriptProperty DaysLeft { ($this.NotAfter - (Get-Date)).Days } -PassThru | Format-Table Thumbprint,DaysLeft", "This command adds a computed property to each certificate and shows it.")]),
    "Set-Alias": ("Creates or changes an alias of this session for a cmdlet or a function.",
        [("Set-Alias gec Get-ExchangeCertificate", "This command makes gec a short name for Get-ExchangeCertificate.")]),
    "New-Alias": ("Creates an alias of this session; an alias that exists already is an error unless -Force is given.",
        [("New-Alias certs Get-ExchangeCertificate", "This command creates the alias certs.")]),
    "Get-Culture": ("Returns the culture of the emulated server (en-US): its names, number and date formats.",
        [("(Get-Culture).DateTimeFormat.ShortDatePattern", "This command shows how short dates are written (M/d/yyyy)."),
         ("(Get-Culture).TextInfo.ToTitleCase('mail server')", "This command capitalises each word.")]),
    "Get-UICulture": ("Returns the culture of the user interface of the emulated server (en-US).",
        [("Get-UICulture", "This command shows the user interface culture.")]),
    "Get-Verb": ("Lists the approved verbs for command names, with their groups.",
        [("Get-Verb Get", "This command shows the group of the verb Get."),
         ("Get-Verb | Where-Object { $_.Group -eq 'Security' }", "This command lists the security verbs.")]),
    "Get-Unique": ("Drops each object that is equal to the one before it; sort the input first. Strings "
                   "compare case-sensitively; -AsString compares the text of any object, -OnType "
                   "only the type.",
        [("Get-ExchangeCertificate | ForEach-Object { $_.Issuer } | Sort-Object | Get-Unique", "This command lists each certificate issuer once.")]),
    "ConvertFrom-StringData": ("Turns lines of name = value text into a hashtable (one per input "
                               "string); blank lines and lines starting with # are skipped, and "
                               "escape sequences such as \\n in values are expanded.",
        [("$settings = ConvertFrom-StringData \"Days = 30`nServer = EX01\"", "This command makes a hashtable with the keys Days and Server.")]),
    "Set-StrictMode": ("Turns strict mode on for the current scope and the scopes it creates: -Version 1 "
                       "makes reading a variable that was never set an error (except in strings), 2 "
                       "also a property the object does not have, 3 (Latest on Windows PowerShell "
                       "5.1; 2 is Latest on 2.0) also an index past the end of an array. -Off turns "
                       "it off.",
        [("Set-StrictMode -Version Latest", "This command makes typing mistakes in variable and property names errors."),
         ("Set-StrictMode -Off", "This command turns strict mode off.")]),
    "Import-Module": ("Adds a module to the session: one of the modules installed on the server (the "
                      "modules whose commands exshell does not emulate are imported with a warning "
                      "that says so), or a script module (.psm1) on the emulated drive, whose "
                      "functions are available until Remove-Module.",
        [("Import-Module C:\\scripts\\CertTools.psm1", "This command loads the functions of a script module."),
         ("Import-Module Microsoft.PowerShell.Utility -PassThru", "This command imports a module and shows it.")]),
    "Get-Module": ("Lists the modules imported into the session; -ListAvailable lists the modules "
                   "installed on the server.",
        [("Get-Module", "This command lists the imported modules."),
         ("Get-Module -ListAvailable", "This command lists the modules that can be imported.")]),
    "Remove-Module": ("Removes a module from the session; the functions of a script module go with it.",
        [("Remove-Module CertTools", "This command removes the module CertTools.")]),
    "Add-PSSnapin": ("Adds a Windows PowerShell snap-in to the session. Exchange's own snap-in is "
                     "Microsoft.Exchange.Management.PowerShell.Admin on Exchange 2007, "
                     "...PowerShell.E2010 on 2010 and ...PowerShell.SnapIn from 2013 on; its "
                     "cmdlets are the ones this shell already has.",
        [("Add-PSSnapin Microsoft.Exchange.Management.PowerShell.E2010", "This command loads the Exchange 2010 snap-in, as scripts run outside EMS do.")]),
    "Get-PSSnapin": ("Lists the snap-ins loaded in the session; -Registered lists those installed "
                     "on the server.",
        [("Get-PSSnapin -Registered", "This command lists the Exchange snap-ins installed."),
         ("if (-not (Get-PSSnapin *Exchange* -ErrorAction SilentlyContinue)) { Add-PSSnapin *Exchange.Management.PowerShell* }", "This command loads the Exchange snap-in when it is not loaded yet.")]),
    "Remove-PSSnapin": ("Removes a snap-in that Add-PSSnapin added.",
        [("Remove-PSSnapin Microsoft.Exchange.Management.PowerShell.E2010", "This command removes the Exchange snap-in.")]),
    "Add-Type": ("Loads .NET Framework assemblies by name (-AssemblyName System.Web): they are "
                 "part of the emulated runtime already. Compiling C# (-TypeDefinition, "
                 "-MemberDefinition, -Path) is not emulated; exshell says so with an error.",
        [("Add-Type -AssemblyName System.Web", "This command loads System.Web, as scripts do before using its types.")]),
    # Utility
    "Clear-Host": ("Clears the console.", [("cls", "This command clears the screen.")]),
    "Get-ExCommand": ("A function the Exchange Management Shell defines: lists only the Exchange commands "
                      "(on 2010 and later the functions of the implicit-remoting module, on 2007 the "
                      "cmdlets of the Exchange snap-in); with a name or wildcard, the ones that match.",
        [("Get-ExCommand *Certificate*", "This command lists the Exchange commands about certificates.")]),
    "QuickRef": ("A function the Exchange Management Shell defines: opens the quick reference guide "
                 "(the local exquick.htm on 2007 and 2010, a web page from 2013 on). exshell opens "
                 "nothing and prints what would be opened.",
        [("QuickRef", "This command shows where the quick reference guide is.")]),
    "Get-ExBlog": ("A function the Exchange Management Shell defines: opens the Exchange team blog in "
                   "the web browser. exshell opens nothing and prints the address.",
        [("Get-ExBlog", "This command shows the address of the Exchange team blog.")]),
    "Get-Command": ("Lists the commands available; -Syntax shows how to call one. CommandType says "
                    "what each is: on Exchange 2010 and later the Exchange commands are Functions "
                    "(implicit remoting puts them in a temporary module, tmp_..., its Source), on "
                    "2007 Cmdlets of the Exchange snap-in; certreq, certutil and iisreset are "
                    "Applications (.exe files in C:\\Windows\\system32).",
        [("Get-Command *ExchangeCertificate*", "This command lists the certificate cmdlets."),
         ("Get-Command certreq", "This command shows which certreq.exe runs."),
         ("Get-Command New-ExchangeCertificate -Syntax", "This command shows the syntax of New-ExchangeCertificate.")]),
    "Get-Alias": ("Lists the aliases of the session, or those of one command with -Definition.",
        [("Get-Alias -Definition Format-List", "This command shows that fl is an alias of Format-List.")]),
    "Get-Credential": ("Asks for a user name and password and returns a credential object.",
        [("$cred = Get-Credential contoso\\administrator", "This command asks for the password of an account.")]),
    "ConvertTo-SecureString": ("Converts text to a secure string, for parameters such as -Password. Plain text needs -AsPlainText -Force.",
        [("$pw = ConvertTo-SecureString \"P@ssw0rd\" -AsPlainText -Force", "This command makes a secure string from plain text, for a lab.")]),
    "Read-Host": ("Reads a line typed at the console; -AsSecureString hides it and returns a secure string.",
        [("$pw = Read-Host \"PFX password\" -AsSecureString", "This command asks for a password without showing it.")]),
    "Get-Date": ("Returns the current date and time of the emulated clock, or the date given; -Format and -UFormat return text.",
        [("(Get-Date).AddDays(30)", "This command returns the date in 30 days.")]),
    "Set-Date": ("Changes the emulated computer's clock, to a date or by an amount (-Adjust). Useful to see certificates expire.",
        [("Set-Date -Adjust (New-TimeSpan -Days 365)", "This command moves the clock forward one year.")]),
    "New-TimeSpan": ("Creates a time span, from two dates or from a number of days, hours, minutes and seconds.",
        [("New-TimeSpan -End (Get-ExchangeCertificate | Select-Object -First 1).NotAfter", "This command shows the time left before a certificate expires.")]),
    "Start-Sleep": ("Waits for a number of seconds or milliseconds (exshell moves its clock on rather than waiting).",
        [("Start-Sleep -Seconds 5", "This command waits five seconds.")]),
    "Get-Variable": ("Lists variables and their values.",
        [("Get-Variable pw", "This command shows the variable $pw.")]),
    "Set-Variable": ("Sets a variable's value, creating the variable if needed.",
        [("Set-Variable -Name thumb -Value " + _T, "This command stores a thumbprint in $thumb.")]),
    "New-Variable": ("Creates a variable.",
        [("New-Variable -Name server -Value EX01", "This command creates $server.")]),
    "Remove-Variable": ("Deletes a variable.",
        [("Remove-Variable pw", "This command deletes $pw.")]),
    "Clear-Variable": ("Empties a variable, keeping the variable.",
        [("Clear-Variable pw", "This command sets $pw to $null.")]),
    "Invoke-Command": ("Runs a script block, with arguments from -ArgumentList.",
        [("Invoke-Command -ScriptBlock { param($d) (Get-Date).AddDays($d) } -ArgumentList 30", "This command runs a script block with one argument.")]),
    "Invoke-Expression": ("Runs a string as a command.",
        [("Invoke-Expression \"Get-ExchangeCertificate\"", "This command runs the text as a command.")]),
    "New-Object": ("Creates an instance of a .NET type that exshell emulates (for example PSObject or DateTime).",
        [("New-Object PSObject -Property @{Server='EX01'; Days=30}", "This command creates an object with two properties.")]),
    "Write-Host": ("Writes text straight to the console, optionally in colour; nothing goes down the pipeline.",
        [("Write-Host \"Renewal done\" -ForegroundColor Green", "This command writes a green line.")]),
    "Write-Progress": ("Reports how far a long command has got. The console shows a progress bar above the output while the command runs; exshell shows none, and nothing goes down the pipeline or into a transcript. -Completed ends the bar.",
        [("1..50 | ForEach-Object { Write-Progress -Activity \"Checking servers\" -Status \"Server $_\" -PercentComplete ($_ * 2) }", "This command reports progress for 50 steps."),
         ("Write-Progress -Activity \"Checking servers\" -Completed", "This command ends the progress bar.")]),
    "Write-Output": ("Sends objects down the pipeline (what a bare value on a line does anyway).",
        [("Write-Output \"done\"", "This command writes the string to the pipeline.")]),
    "Write-Warning": ("Writes a warning message (WARNING: ...).",
        [("Write-Warning \"The certificate expires soon.\"", "This command writes a warning.")]),
    "Write-Verbose": ("Writes a verbose message, shown when -Verbose is used or $VerbosePreference is Continue.",
        [("Write-Verbose \"Checking EX01\" -Verbose", "This command writes a verbose message.")]),
    "Write-Debug": ("Writes a debug message, shown when -Debug is used or $DebugPreference is Continue.",
        [("Write-Debug \"thumbprint found\"", "This command writes a debug message (hidden by default).")]),
    "Write-Error": ("Writes an error to the error stream; the command goes on.",
        [("Write-Error \"No valid certificate found.\"", "This command writes a non-terminating error.")]),
    "Get-Help": ("Shows help about commands and concepts: the syntax (generated from the parameters), a description and examples. -Detailed adds the parameters, -Full adds technical detail, -Examples shows only the examples, -Parameter one parameter. With a wildcard it lists the matching topics; about_exshell explains what exshell emulates.",
        [("Get-Help New-ExchangeCertificate -Examples", "This command shows the examples of New-ExchangeCertificate."),
         ("Get-Help *Certificate*", "This command lists the help topics whose names contain Certificate."),
         ("Get-Help Enable-ExchangeCertificate -Parameter Services", "This command describes one parameter.")]),
    # Session history and transcripts
    "Get-History": ("Lists the lines entered at the prompt in this session, oldest first, each with its Id. The list holds $MaximumHistoryCount entries (64 on PowerShell 2.0, 4096 on 5.1); a line is added once it has run, so Get-History never lists itself. -Id picks entries by number; -Count limits the list to the newest ones (with one -Id: the entries ending with it). This is PowerShell's own list, apart from the console's (F7, the arrow keys).",
        [("Get-History", "This command lists the commands entered so far."),
         ("Get-History -Count 5", "This command lists the last five commands."),
         ("Get-History | Where-Object { $_.CommandLine -like '*Enable-ExchangeCertificate*' } | Format-List *", "This command shows when each Enable-ExchangeCertificate command ran and whether it completed.")]),
    "Invoke-History": ("Runs a line from the session history again: the last one without -Id, the entry with that number, or the newest entry that starts with the text given. The line is shown before it runs and is recorded in the history in place of the Invoke-History command. The alias r is the quick way.",
        [("r", "This command runs the last command again."),
         ("Invoke-History 3", "This command runs history entry 3 again."),
         ("Invoke-History Get-Ex", "This command runs the newest entry that starts with Get-Ex.")]),
    "Add-History": ("Appends entries to the session history: objects with the properties of a history entry (CommandLine, ExecutionStatus, StartExecutionTime and EndExecutionTime), for example ones saved with Export-Csv or Export-Clixml in an earlier session. -Passthru writes the new entries.",
        [("Get-History | Export-Clixml C:\\scripts\\history.xml\nImport-Clixml C:\\scripts\\history.xml | Add-History", "These commands save the history and add it again later, for example in a new session.")]),
    "Clear-History": ("Deletes entries from the session history: all of them (after a confirmation when asked), those with the Ids given, the entries matching a -CommandLine (wildcards allowed), or -Count entries -- the oldest, or with -Newest the newest. The console's own list (F7, the arrow keys) is not affected.",
        [("Clear-History", "This command deletes the whole session history."),
         ("Clear-History -Id 4,5", "This command deletes entries 4 and 5."),
         ("Clear-History -CommandLine *Password*", "This command deletes every entry that mentions Password.")]),
    "Start-Transcript": ("Starts recording the session in a text file on the emulated drive: a header, then everything the console shows -- each prompt with the line typed, the output, errors, warnings, questions and the answers typed -- until Stop-Transcript writes the footer. Without -Path the file is PowerShell_transcript.<...>.txt in the user's Documents folder. -Append adds to an existing file; -NoClobber refuses to replace one. PowerShell 5.1 also offers -OutputDirectory, -LiteralPath and -IncludeInvocationHeader (a time stamp before each command), and allows a transcript inside another.",
        [("Start-Transcript -Path C:\\logs\\renewal.txt", "This command starts recording the session in C:\\logs\\renewal.txt."),
         ("Start-Transcript -Path C:\\logs\\renewal.txt -Append", "This command goes on recording into the same file.")]),
    "Stop-Transcript": ("Stops the transcript Start-Transcript started (the newest one, when several run): the footer with the end time is written and the file's path is shown.",
        [("Stop-Transcript", "This command stops recording the session.")]),
    # Windows services
    "Get-Service": ("Lists the Windows services of the Exchange server with their status: Exchange's own services (transport, IMAP4, POP3, the Information Store...) and IIS's (W3SVC, WAS), as this Exchange version has them. -Name and -DisplayName take wildcards; -DependentServices and -RequiredServices list what depends on a service and what it needs; -ComputerName asks another server of the organisation.",
        [("Get-Service MSExchange*", "This command lists the Exchange services and whether they run."),
         ("Get-Service W3SVC -RequiredServices", "This command shows what the web service needs to run.")]),
    "Start-Service": ("Starts stopped services (the services they need start first). A service that is stopped does not answer: HTTPS needs W3SVC and WAS, IMAP4 and POP3 clients need the IMAP4 and POP3 services, SMTP needs the transport service.",
        [("Start-Service MSExchangeImap4", "This command starts the IMAP4 service again."),
         ("Get-Service MSExchange* | Where-Object { $_.Status -eq 'Stopped' } | Start-Service", "This command starts every stopped Exchange service.")]),
    "Stop-Service": ("Stops running services. A service that others depend on stops only with -Force, which stops those too. While a service is stopped its clients get no answer: Invoke-WebRequest fails while W3SVC is stopped, Test-ImapConnectivity while the IMAP4 service is.",
        [("Stop-Service MSExchangeImap4", "This command stops the IMAP4 service."),
         ("Stop-Service WAS -Force", "This command stops WAS and the web service that depends on it.")]),
    "Restart-Service": ("Stops and starts services again, for example after Set-ImapSettings or Set-PopSettings changed the certificate name those services use. With -Force, the services that depend on it are stopped first and started again afterwards.",
        [("Restart-Service MSExchangeImap4", "This command restarts the IMAP4 service."),
         ("Restart-Service MSExchangeTransport", "This command restarts the transport service.")]),
    "iisreset": ("iisreset.exe stops and restarts IIS: W3SVC, WAS (and the IIS Admin Service where it exists). /stop and /start do one half, /status shows the state of each. Enabling a certificate for IIS takes effect without it; it is the classic way to make sure IIS serves the new binding.",
        [("iisreset", "This command restarts IIS."),
         ("iisreset /status", "This command shows whether the IIS services run.")]),
    # PSReadLine (Exchange 2016 and 2019: Windows Server 2016/2019)
    "Get-PSReadLineOption": ("Shows the settings of PSReadLine, the console's line editor on Windows Server 2016 and 2019: the edit mode, how the history is searched and kept, the continuation prompt, the bell, the colours of the input, and the prediction source.",
        [("Get-PSReadLineOption | Format-List *Color", "This command shows the colours of the input."),
         ("(Get-PSReadLineOption).HistorySavePath", "This command shows where the history is kept.")]),
    "Set-PSReadLineOption": ("Changes PSReadLine's settings for this session: -PredictionSource History shows the newest matching history line greyed after the cursor (Right arrow or End takes it); -HistorySearchCursorMovesToEnd puts the cursor at the end after F8; -Colors takes a hashtable of token kinds (Command, Parameter, String, Variable, Keyword, Comment, Operator, Number, Type, Member, Default...) and ConsoleColor names or escape sequences; -ContinuationPrompt replaces '>> '.",
        [("Set-PSReadLineOption -PredictionSource History", "This command turns on the greyed suggestions from history."),
         ("Set-PSReadLineOption -Colors @{ Command = 'Cyan'; String = 'Magenta' }", "This command changes two colours of the input.")]),
    "Get-PSReadLineKeyHandler": ("Lists the keys PSReadLine binds and what each does, grouped by kind (basic editing, cursor movement, history, completion...). -Chord shows the bindings of the keys given.",
        [("Get-PSReadLineKeyHandler", "This command lists every key binding."),
         ("Get-PSReadLineKeyHandler -Chord Ctrl+z,F8", "This command shows what Ctrl+z and F8 do.")]),
    # Reports and timing (issue 11)
    "ConvertTo-Html": ("Converts objects into the lines of an HTML page: a table with a header row made from the properties of the first object and a row per object (-As List: a two-column list per object). -Property picks the properties (names, wildcards, script blocks or @{Label=...; Expression=...; Width=...; Alignment=...}); -Title, -Head, -CssUri, -Body, -PreContent and -PostContent add text around the table; -Fragment writes the table alone, to combine several in one report. Values are HTML-encoded; the other texts are written as given. Join the lines or pipe them to Out-File to save a page.",
        [("Get-ExchangeCertificate | Select-Object Thumbprint,Subject,NotAfter | ConvertTo-Html -Title 'Certificates' | Out-File C:\\reports\\certs.html", "This command saves the certificates as an HTML page."),
         ("$table = Get-ExchangeCertificate | ConvertTo-Html -Fragment -Property Subject,NotAfter -PreContent '<h2>Certificates</h2>'", "This command builds a table to put in a larger report.")]),
    "Send-MailMessage": ("Sends an e-mail message. The lab has no mail server: the message is written as a standard .eml file (RFC 5322 with MIME parts) to C:\\exshell\\outbox on the emulated drive, where Get-ChildItem, Get-Content or any mail client can open it. The SMTP server comes from -SmtpServer or $PSEmailServer; -Attachments are read from the emulated drive; Bcc recipients are kept in the X-Receiver lines of the file only.",
        [("Send-MailMessage -To admin@contoso.com -From exchange@contoso.com -Subject 'Certificates' -Body $html -BodyAsHtml -SmtpServer mail.contoso.com", "This command sends an HTML report (to the outbox)."),
         ("Send-MailMessage -To admin@contoso.com -From exchange@contoso.com -Subject 'Inventory' -Attachments C:\\reports\\certs.csv -SmtpServer mail.contoso.com", "This command sends a file as an attachment.")]),
    "Measure-Command": ("Runs a script block and writes the time it took as a TimeSpan; the block's output is discarded. The block runs in the current scope; with pipeline input it runs once per object, with the object in $_. Time is the session's clock, so Start-Sleep inside the block counts in full.",
        [("Measure-Command { Get-ExchangeCertificate | Out-Null }", "This command measures how long listing the certificates takes."),
         ("(Measure-Command { .\\renew.ps1 }).TotalSeconds", "This command shows how many seconds a script ran.")]),
    # The lab cmdlets (only in a lab: exshell lab start)
    "Get-LabTask": ("Shows a task of the running lab: its instructions, rendered for the console (commands set apart and coloured), and how many hints you have used. Without -Id it shows the current task, the first one not done yet; -Id takes a task's name or number.",
        [("Get-LabTask", "This command shows the task you are working on."),
         ("Get-LabTask -Id 2", "This command shows the second task of the lab.")]),
    "Test-LabTask": ("Checks the current task (or the one named by -Id) against the organisation as it is now: one [PASS] or [FAIL] line per check and, for each failure, what is still wrong. When every check passes the task is done and the next one is named. Checking as often as you like costs nothing.",
        [("Test-LabTask", "This command checks your work on the current task."),
         ("Test-LabTask -Id renew", "This command checks the task named renew.")]),
    "Get-LabHint": ("Gives the next hint for the current task, one at a time; your progress notes how many you used.",
        [("Get-LabHint", "This command shows the next hint.")]),
    "Show-LabSolution": ("Shows the reference solution of the current task, with the answers its prompts need, after asking; the default answer is No, so a stray Enter gives nothing away. Your progress notes that you looked.",
        [("Show-LabSolution", "This command asks, then shows the solution of the current task.")]),
    "Reset-Lab": ("Puts the running lab back at its start: the starting organisation, an empty drive and no task done (hints used and time spent are kept). It asks first.",
        [("Reset-Lab", "This command starts the lab over."),
         ("Reset-Lab -Confirm:$false", "This command starts the lab over without asking.")]),
}

for _name, (_description, _examples) in _OTHERS.items():
    DESCRIPTIONS[_name] = _description
    EXAMPLES[_name] = _examples

# ---------------------------------------------------------------- the Cert: drive, PKI module, certutil
_TP = "C:\\certs\\mail.pfx"
#: New-SelfSignedCertificate differs by Windows Server (2012 R2 under Exchange 2013).
_SELFSIGNED_DESCRIPTION = {
    "2013": ("New-SelfSignedCertificate makes a self-signed certificate for tests, with a new "
             "2048-bit RSA key, in the store named by -CertStoreLocation (the current "
             "location by default), valid for a year: an SSL server certificate whose subject "
             "is the first name of -DnsName and whose subject alternative names are all of "
             "them. With -CloneCert it copies another certificate's subject and extensions "
             "with a new key. Windows Server 2012 R2's module has no other parameters."),
    "default": ("New-SelfSignedCertificate makes a certificate for tests in "
                "Cert:\\LocalMachine\\My or Cert:\\CurrentUser\\My (LocalMachine\\My by "
                "default). -DnsName gives the subject alternative names (the first is also "
                "the subject), -Subject the subject; -Type chooses the purpose "
                "(SSLServerAuthentication by default, CodeSigningCert, "
                "DocumentEncryptionCert, or Custom with your own -KeyUsage and "
                "-TextExtension). The key is RSA 2048 unless -KeyAlgorithm and -KeyLength say "
                "otherwise; -KeyExportPolicy NonExportable keeps it in the store. -NotAfter "
                "sets the expiry (one year by default). With -Signer the certificate is "
                "signed by another certificate's key instead of its own."),
}
_SELFSIGNED_EXAMPLES = {
    "2013": [
        ("New-SelfSignedCertificate -DnsName mail.contoso.com,autodiscover.contoso.com -CertStoreLocation Cert:\\LocalMachine\\My",
         "This command makes a certificate for two names in the computer's Personal store."),
        ("Set-Location Cert:\\LocalMachine\\My\nNew-SelfSignedCertificate -DnsName lab.contoso.com",
         "These commands make a certificate in the current location."),
        ("New-SelfSignedCertificate -CloneCert Cert:\\LocalMachine\\My\\5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -CertStoreLocation Cert:\\LocalMachine\\My",
         "This command copies an existing certificate with a new key."),
    ],
    "default": [
        ("New-SelfSignedCertificate -DnsName mail.contoso.com,autodiscover.contoso.com -CertStoreLocation Cert:\\LocalMachine\\My",
         "This command makes an SSL certificate for two names."),
        ("New-SelfSignedCertificate -Subject 'CN=Lab Root' -KeyUsage CertSign,CRLSign -TextExtension '2.5.29.19={critical}{text}ca=1&pathlength=0' -NotAfter (Get-Date).AddYears(5) -Type Custom",
         "This command makes a small root CA for a lab."),
        ("New-SelfSignedCertificate -DnsName web.contoso.com -Signer Cert:\\LocalMachine\\My\\5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -KeyExportPolicy Exportable -FriendlyName 'Web'",
         "This command makes a certificate signed by another certificate's key."),
    ],
}

_PKI_HELP = {
    "Import-PfxCertificate": (
        "Import-PfxCertificate reads a PFX file (a certificate with its private key, often with "
        "the certificates of the issuing CAs) and puts the certificate and key into the store "
        "named by -CertStoreLocation, such as Cert:\\LocalMachine\\My; without it, the current "
        "location must be a store. CA certificates that come with it go to the Root store "
        "(self-signed ones) or the CA store of the same location. The key can be exported again "
        "only when -Exportable is given. The certificates written are the imported ones, as the "
        "Cert: drive shows them; a certificate imported into LocalMachine\\My is one "
        "Get-ExchangeCertificate lists.",
        [("$pw = ConvertTo-SecureString -String 'Lab!Pass1' -AsPlainText -Force\n"
          "Import-PfxCertificate -FilePath " + _TP + " -CertStoreLocation Cert:\\LocalMachine\\My -Password $pw",
          "These commands import a PFX file into the computer's Personal store."),
         ("Import-PfxCertificate -FilePath " + _TP + " -CertStoreLocation Cert:\\LocalMachine\\My -Password $pw -Exportable",
          "This command imports the PFX so that its key can be exported again later."),
         ("Set-Location Cert:\\LocalMachine\\My\nImport-PfxCertificate -FilePath " + _TP + " -Password $pw",
          "These commands import into the current location, the Personal store.")]),
    "Export-PfxCertificate": (
        "Export-PfxCertificate writes certificates and their private keys to a PFX file "
        "protected by -Password (or, with -ProtectTo, by membership in domain accounts or "
        "groups). By default the chain up to the root is included (-ChainOption "
        "EndEntityCertOnly leaves it out) and so are properties such as the friendly name "
        "(-NoProperties leaves them out). Certificates piped in are written to one file. A "
        "key that is not exportable cannot be exported. The file is written as Windows writes "
        "PFX files (Triple DES with SHA-1; AES-256 with -CryptoAlgorithmOption AES256_SHA256 "
        "on Windows Server 2019), so openssl and other tools can read it.",
        [("$pw = ConvertTo-SecureString -String 'Lab!Pass1' -AsPlainText -Force\n"
          "Get-ChildItem Cert:\\LocalMachine\\My\\" + "5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3" +
          " | Export-PfxCertificate -FilePath " + _TP + " -Password $pw",
          "These commands export one certificate with its key and chain."),
         ("Export-PfxCertificate -Cert Cert:\\LocalMachine\\My\\5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -FilePath " + _TP +
          " -Password $pw -ChainOption EndEntityCertOnly -NoProperties",
          "This command exports the certificate without its chain and without its properties."),
         ("Export-PfxCertificate -Cert Cert:\\LocalMachine\\My\\5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -FilePath " + _TP +
          " -ProtectTo 'CONTOSO\\Administrator'",
          "This command protects the file to a domain account instead of a password.")]),
    "Import-Certificate": (
        "Import-Certificate adds the certificates of a file to a store: a .cer file (DER or "
        "base64), a .p7b chain or an .sst store file. No private key comes with them; import a "
        "CA's response to a pending request this way and then associate its key with certutil "
        "-repairstore, or use Import-ExchangeCertificate, which does both. A root imported into "
        "Cert:\\LocalMachine\\Root is trusted by the computer, Exchange included.",
        [("Import-Certificate -FilePath C:\\certs\\root.cer -CertStoreLocation Cert:\\LocalMachine\\Root",
          "This command makes the computer trust a root CA."),
         ("Import-Certificate -FilePath C:\\certs\\chain.p7b -CertStoreLocation Cert:\\LocalMachine\\CA",
          "This command adds the certificates of a chain file to the intermediate CA store."),
         ("Import-Certificate -FilePath C:\\certreq\\contoso.cer -CertStoreLocation Cert:\\LocalMachine\\My",
          "This command puts a CA's response in the Personal store, without a key.")]),
    "Export-Certificate": (
        "Export-Certificate writes certificates, without private keys, to a file: -Type CERT (the "
        "default: one DER certificate), P7B (a PKCS#7 chain file) or SST (a serialized store). "
        "Certificates piped in go to the same file.",
        [("Get-ChildItem Cert:\\LocalMachine\\Root\\5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 | Export-Certificate -FilePath C:\\certs\\root.cer",
          "This command saves a root certificate as a .cer file."),
         ("Get-ChildItem Cert:\\LocalMachine\\CA | Export-Certificate -FilePath C:\\certs\\cas.sst -Type SST",
          "This command saves every intermediate CA in one store file."),
         ("Export-Certificate -Cert Cert:\\LocalMachine\\My\\5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -FilePath C:\\certs\\mail.p7b -Type P7B",
          "This command writes the certificate as a PKCS#7 file.")]),
    "New-SelfSignedCertificate": (_SELFSIGNED_DESCRIPTION, _SELFSIGNED_EXAMPLES),
    "Test-Certificate": (
        "Test-Certificate builds the certificate's chain with the computer's trust (the Root and "
        "CA stores) and clock, and returns True when it is valid. Otherwise it warns with the "
        "chain status, writes the error and returns False. -Policy SSL with -DNSName also checks "
        "the name; -EKU checks the purposes; -AllowUntrustedRoot accepts a root that is not "
        "trusted.",
        [("Test-Certificate -Cert Cert:\\LocalMachine\\My\\5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3",
          "This command checks one certificate."),
         ("Get-ChildItem Cert:\\LocalMachine\\My | Test-Certificate -Policy SSL -DNSName mail.contoso.com",
          "This command checks every certificate for use as the SSL certificate of a name."),
         ("Test-Certificate -Cert Cert:\\LocalMachine\\My\\5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -AllowUntrustedRoot",
          "This command accepts a self-signed certificate that is not in the Root store.")]),
    "Get-PfxCertificate": (
        "Get-PfxCertificate reads a certificate file (.cer, .pfx, .p7b) and writes the "
        "certificate as an X509Certificate2 object without adding it to any store. For a "
        "password-protected PFX it asks for the password.",
        [("Get-PfxCertificate -FilePath C:\\certs\\mail.pfx",
          "This command shows the certificate in a PFX file (after asking for its password)."),
         ("(Get-PfxCertificate C:\\certreq\\contoso.cer).NotAfter",
          "This command shows when the certificate in a file expires.")]),
    "certutil": (
        "An emulation of certutil.exe for certificate work. -store [StoreName [CertId]] lists a "
        "store (My by default; -user for the current user's); -dump File shows what a file holds "
        "(a file alone does the same); -verify File builds its chain; -addstore StoreName File and "
        "-delstore StoreName CertId add and delete; -repairstore StoreName CertId gives a "
        "certificate back the private key it lost (the key of a pending request, or one left "
        "behind by a deleted certificate); -importpfx File imports a PFX into the Personal store "
        "(-p gives the password). A CertId is an index, a serial number, a thumbprint or a "
        "common name. It prints what certutil prints and sets $LASTEXITCODE.",
        [("certutil -store My", "This command lists the computer's Personal store."),
         ("certutil -repairstore My 39330c5e47c1989a6d2ab50a1ac44979",
          "This command associates a certificate with its private key again."),
         ("certutil -p 'Lab!Pass1' -importpfx C:\\certs\\mail.pfx",
          "This command imports a PFX file into the Personal store.")]),
}
for _name, (_description, _examples) in _PKI_HELP.items():
    DESCRIPTIONS[_name] = _description
    EXAMPLES[_name] = _examples

_CERT_DRIVE = (" On the Cert: drive (Cert:\\LocalMachine\\My, Cert:\\CurrentUser\\Root...) the items "
               "are store locations, stores and certificates.")
for _name, _extra in (("Get-ChildItem", _CERT_DRIVE + " There, -DnsName, -Eku, -ExpiringInDays, "
                       "-SSLServerAuthentication and -CodeSigningCert keep only the certificates that "
                       "match (every store below is searched)."),
                      ("Get-Item", _CERT_DRIVE),
                      ("Remove-Item", _CERT_DRIVE + " There it deletes certificates; -DeleteKey also "
                       "deletes the private key."),
                      ("Set-Location", _CERT_DRIVE), ("Test-Path", _CERT_DRIVE),
                      ("Get-PSDrive", " The Cert: drive holds the computer's certificate stores.")):
    DESCRIPTIONS[_name] = DESCRIPTIONS[_name] + _extra
EXAMPLES["Get-ChildItem"] = list(EXAMPLES["Get-ChildItem"]) + [
    ("Get-ChildItem Cert:\\LocalMachine\\My -ExpiringInDays 30",
     "This command lists the computer's certificates that expire within 30 days.")]
EXAMPLES["Remove-Item"] = list(EXAMPLES["Remove-Item"]) + [
    ("Remove-Item Cert:\\LocalMachine\\My\\5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3 -DeleteKey",
     "This command deletes a certificate and its private key.")]

# ---------------------------------------------------------------- parameters
_CERT = ("Get-ExchangeCertificate", "New-ExchangeCertificate", "Enable-ExchangeCertificate",
         "Export-ExchangeCertificate", "Import-ExchangeCertificate", "Remove-ExchangeCertificate")

#: By parameter name alone, when no (cmdlet, parameter) text exists.
GENERIC_PARAMETERS = {
    # The PKI module
    ("Import-PfxCertificate", "FilePath"): "The PFX file to import.",
    ("Import-PfxCertificate", "CertStoreLocation"): "The store to import into, such as Cert:\\LocalMachine\\My (the current location by default).",
    ("Import-PfxCertificate", "Exportable"): "Lets the private key be exported again.",
    ("Import-PfxCertificate", "Password"): "The PFX file's password, as a SecureString.",
    ("Export-PfxCertificate", "Cert"): "The certificate to export: an X509Certificate2 or its Cert: path.",
    ("Export-PfxCertificate", "FilePath"): "The PFX file to write.",
    ("Export-PfxCertificate", "ChainOption"): "BuildChain (the default) adds the issuing CAs; EndEntityCertOnly leaves them out; PfxDataOnly is for -PFXData.",
    ("Export-PfxCertificate", "NoProperties"): "Leaves the certificate's properties, such as its friendly name, out of the file.",
    ("Export-PfxCertificate", "NoClobber"): "Does not replace a file that already exists.",
    ("Export-PfxCertificate", "Force"): "Replaces a read-only file.",
    ("Export-PfxCertificate", "Password"): "The password that protects the file, as a SecureString.",
    ("Export-PfxCertificate", "ProtectTo"): "Domain users or groups (CONTOSO\\Administrator) who can open the file without a password.",
    ("Export-PfxCertificate", "CryptoAlgorithmOption"): "TripleDES_SHA1 (the default) or AES256_SHA256.",
    ("Import-Certificate", "FilePath"): "The .cer, .p7b or .sst file to import.",
    ("Import-Certificate", "CertStoreLocation"): "The store to import into (the current location by default).",
    ("Export-Certificate", "Cert"): "The certificate to export: an X509Certificate2 or its Cert: path.",
    ("Export-Certificate", "FilePath"): "The file to write.",
    ("Export-Certificate", "Type"): "CERT (the default), P7B or SST.",
    ("Export-Certificate", "NoClobber"): "Does not replace a file that already exists.",
    ("Export-Certificate", "Force"): "Replaces a read-only file.",
    ("New-SelfSignedCertificate", "DnsName"): "The subject alternative names; the first is also the subject.",
    ("New-SelfSignedCertificate", "CloneCert"): "A certificate to copy (with a new key).",
    ("New-SelfSignedCertificate", "CertStoreLocation"): "Cert:\\LocalMachine\\My or Cert:\\CurrentUser\\My.",
    ("New-SelfSignedCertificate", "Subject"): "The subject; CN= is added when no = is given.",
    ("New-SelfSignedCertificate", "Type"): "SSLServerAuthentication (the default), CodeSigningCert, DocumentEncryptionCert, DocumentEncryptionCertLegacyCsp or Custom.",
    ("New-SelfSignedCertificate", "KeyAlgorithm"): "RSA (the default) or ECDSA_nistP256, ECDSA_nistP384, ECDSA_nistP521.",
    ("New-SelfSignedCertificate", "KeyLength"): "The RSA key's length in bits (2048 by default).",
    ("New-SelfSignedCertificate", "KeyExportPolicy"): "Exportable, ExportableEncrypted (the default) or NonExportable.",
    ("New-SelfSignedCertificate", "KeyUsage"): "The key usages, such as DigitalSignature, KeyEncipherment, CertSign, CRLSign; None leaves the extension out.",
    ("New-SelfSignedCertificate", "TextExtension"): "Extensions written oid={text}value ({critical} marks a critical one): 2.5.29.37 for purposes, 2.5.29.17 for names (DNS=...&IPAddress=...), 2.5.29.19 for basic constraints (ca=1&pathlength=0).",
    ("New-SelfSignedCertificate", "FriendlyName"): "The certificate's friendly name.",
    ("New-SelfSignedCertificate", "NotAfter"): "When the certificate expires (a year from now by default).",
    ("New-SelfSignedCertificate", "NotBefore"): "When the certificate becomes valid (ten minutes ago by default).",
    ("New-SelfSignedCertificate", "HashAlgorithm"): "SHA256 (the default), SHA1, SHA384 or SHA512.",
    ("New-SelfSignedCertificate", "SerialNumber"): "The serial number, in hexadecimal.",
    ("New-SelfSignedCertificate", "Signer"): "A certificate with a private key that signs the new one.",
    ("Test-Certificate", "Cert"): "The certificate to check: an X509Certificate2 or its Cert: path.",
    ("Test-Certificate", "Policy"): "BASE (the default), SSL, AUTHENTICODE or NTAUTH.",
    ("Test-Certificate", "DNSName"): "With -Policy SSL: the name the certificate must cover.",
    ("Test-Certificate", "EKU"): "Purposes (OIDs) the certificate must be valid for.",
    ("Test-Certificate", "User"): "Checks as the current user rather than the computer.",
    ("Test-Certificate", "AllowUntrustedRoot"): "Accepts a chain that ends in a root that is not trusted.",
    ("Get-PfxCertificate", "FilePath"): "The certificate file to read.",
    "Thumbprint": "The thumbprint of the certificate: 40 hexadecimal characters (spaces are removed).",
    "Identity": {
        "default": "The certificate, written Server\\Thumbprint or just the thumbprint.",
        "2007": "Identifies the object.", "2010": "Identifies the object."},
    "Server": "The Exchange server to act on, by name, FQDN or GUID. By default, the server the shell is connected to.",
    "DomainController": "The domain controller that reads or writes the directory. exshell accepts it and ignores it.",
    "Force": "Skips confirmation questions (and, for files, overwrites an existing file).",
    "Path": "The path of a file or folder on the emulated drive.",
    "LiteralPath": "The path, taken as written (no wildcards).",
    "InputObject": "The objects to act on. Usually piped rather than named.",
    "Property": "The names of the properties to use.",
    "Name": "The name or names of the items to act on.",
    "PassThru": "Writes the object acted on to the pipeline.",
    "Encoding": "The encoding of the file: ASCII, UTF8, Unicode or Byte.",
    "Filter": "A filter, such as *.req, applied to the names.",
    "Include": "Only the items whose names match these patterns.",
    "Exclude": "Leaves out the items whose names match these patterns.",
    "Recurse": "Includes the items of all subfolders.",
    "Scope": "The scope: Global, Local, Script or a number of levels up.",
    "Value": "The value to use.",
    "Message": "The text of the message.",
    "Delimiter": "The character between the values (a comma by default).",
    "UseCulture": "Uses the culture's list separator as delimiter.",
    "NoTypeInformation": "Leaves out the #TYPE line.",
    "Header": "The column names to use instead of the first line.",
    "FilePath": "The path of the file to write.",
    "Append": "Adds to the end of the file instead of replacing it.",
    "NoClobber": "Does not overwrite an existing file.",
    "Width": "The number of characters in each line.",
    "Expand": "How collections are shown: CoreOnly, EnumOnly or Both.",
    "GroupBy": "Groups the output by the value of a property.",
    "View": "The name of a view to use.",
    "AutoSize": "Sizes the columns to their content.",
    "Date": "The date and time to use.",
    "Seconds": "The number of seconds.",
    "Milliseconds": "The number of milliseconds.",
    "ScriptBlock": "The commands to run.",
    "ArgumentList": "The values given to the script block's parameters.",
    "FilterScript": "The script block that decides whether each object passes.",
    "Credential": "The account to use.",
    "Password": "The password, as a secure string (Read-Host -AsSecureString or ConvertTo-SecureString).",
    "FriendlyName": "A name for the certificate, shown in FriendlyName (at most 63 characters).",
    "TlsCertificateName": "The certificate, written <I>issuer<S>subject.",
    "X509CertificateName": "A domain name of the certificate the service should use.",
    "Fqdn": "The fully qualified domain name the connector announces.",
    "Enabled": "Whether the connector is enabled.",
    "RequireTLS": "Whether the connector requires TLS.",
    "AddressSpaces": "The domains the connector sends to (* for all).",
    "ClientAccessServer": "The server to test.",
    "ConnectionType": "How to connect: PlainText, TLS or SSL.",
    "TrustAnySSLCertificate": "Ignores certificate trust errors.",
    "MailboxCredential": "The mailbox account to log on with.",
    "Uri": "The address of the page to request.",
}

PARAMETERS = {
    # Get-ExchangeCertificate
    ("Get-ExchangeCertificate", "Thumbprint"): "The thumbprint of the certificate to show. Leave it out to see every certificate and pending request.",
    ("Get-ExchangeCertificate", "Instance"): "An X509Certificate2 object to show as Exchange sees it.",
    ("Get-ExchangeCertificate", "DomainName"): "Shows only the certificates that cover these names, best match first (wildcard certificates cover one level).",
    # New-ExchangeCertificate
    ("New-ExchangeCertificate", "Services"): "The services to enable the new self-signed certificate for: None, IMAP, POP, UM, IIS, SMTP (Federation from Exchange 2010 on, UMCallRouter from 2013 on). Separate several with commas. The default is SMTP, also when renewing: the old certificate's services are not copied. Federation only marks the certificate for a federation trust.",
    ("New-ExchangeCertificate", "GenerateRequest"): "Creates a certificate request for a CA instead of a self-signed certificate. The request stays on the server as a pending request.",
    ("New-ExchangeCertificate", "BinaryEncoded"): "Writes the request as DER bytes instead of Base64 text.",
    ("New-ExchangeCertificate", "RequestFile"): "Exchange 2013, 2016 up to CU22 and 2019 up to CU11: the file (a UNC path) to write the request to.",
    ("New-ExchangeCertificate", "Path"): "Exchange 2007: the file to write the request to.",
    ("New-ExchangeCertificate", "SubjectName"): "The subject, as an X.500 name such as \"C=US,O=Contoso,CN=mail.contoso.com\". By default CN= the first domain name (or the server name).",
    ("New-ExchangeCertificate", "DomainName"): "The names the certificate covers (Subject Alternative Names), separated by commas. By default the server's host name and FQDN.",
    ("New-ExchangeCertificate", "KeySize"): "The size of the RSA key in bits: 1024, 2048 (the default) or 4096.",
    ("New-ExchangeCertificate", "PrivateKeyExportable"): "$true makes the private key exportable, so the certificate can be exported with its key (Export-ExchangeCertificate).",
    ("New-ExchangeCertificate", "IncludeAcceptedDomains"): "Adds the organisation's accepted domains to the names.",
    ("New-ExchangeCertificate", "IncludeAutoDiscover"): "Adds autodiscover.<domain> for each accepted domain.",
    ("New-ExchangeCertificate", "IncludeServerFQDN"): "Adds the server's FQDN to the names.",
    ("New-ExchangeCertificate", "IncludeServerNetBIOSName"): "Adds the server's NetBIOS name to the names.",
    ("New-ExchangeCertificate", "SubjectKeyIdentifier"): "A subject key identifier to put in the certificate, as hexadecimal digits. A federation certificate needs one: [guid]::NewGuid().ToString(\"N\") gives a fresh value.",
    ("New-ExchangeCertificate", "Instance"): "A certificate to renew (what Get-ExchangeCertificate pipes in).",
    ("New-ExchangeCertificate", "Force"): "Answers yes to the question about replacing the default SMTP certificate.",
    # Enable-ExchangeCertificate
    ("Enable-ExchangeCertificate", "Thumbprint"): "The thumbprint of the certificate to enable.",
    ("Enable-ExchangeCertificate", "Services"): "The services to add: None, IMAP, POP, UM, IIS, SMTP (UMCallRouter from Exchange 2013 on), separated by commas. Services the certificate already has are kept. Federation is refused: a federation trust decides which certificate serves it.",
    ("Enable-ExchangeCertificate", "DoNotRequireSsl"): "With IIS: does not turn on \"Require SSL\" for the default web site.",
    ("Enable-ExchangeCertificate", "Force"): "Answers yes to the question about replacing the default SMTP certificate.",
    ("Enable-ExchangeCertificate", "NetworkServiceAllowed"): "Gives the Network Service account read access to the private key.",
    # Export-ExchangeCertificate
    ("Export-ExchangeCertificate", "Thumbprint"): "The thumbprint of the certificate (or pending request) to export.",
    ("Export-ExchangeCertificate", "BinaryEncoded"): "Exports the certificate and key as PFX bytes (use with -Password).",
    ("Export-ExchangeCertificate", "Password"): "The password that protects the exported private key.",
    ("Export-ExchangeCertificate", "FileName"): "Exchange 2013, 2016 up to CU22 and 2019 up to CU11: the file (a UNC path) to write.",
    ("Export-ExchangeCertificate", "Path"): "Exchange 2007: the file to write.",
    ("Export-ExchangeCertificate", "Force"): "Exchange 2007: overwrites an existing file.",
    # Import-ExchangeCertificate
    ("Import-ExchangeCertificate", "FileData"): "The content of the file to import, as bytes: read it with Get-Content -Encoding Byte -ReadCount 0 or [System.IO.File]::ReadAllBytes().",
    ("Import-ExchangeCertificate", "FileName"): "Exchange 2013, 2016 up to CU22 and 2019 up to CU11: the file (a UNC path) to import.",
    ("Import-ExchangeCertificate", "Path"): "Exchange 2007: the file to import.",
    ("Import-ExchangeCertificate", "Instance"): "The certificate as Base64 text.",
    ("Import-ExchangeCertificate", "Password"): "The password of a PFX file.",
    ("Import-ExchangeCertificate", "PrivateKeyExportable"): "$true keeps the imported private key exportable.",
    ("Import-ExchangeCertificate", "FriendlyName"): "A friendly name for the imported certificate.",
    # Remove-ExchangeCertificate
    ("Remove-ExchangeCertificate", "Thumbprint"): "The thumbprint of the certificate or pending request to remove.",
    # Federation
    ("Get-FederationTrust", "Identity"): "The name of the federation trust. Leave it out to list every trust.",
    ("New-FederationTrust", "Name"): "The name of the new trust, usually Microsoft Federation Gateway.",
    ("New-FederationTrust", "Thumbprint"): "The thumbprint of the federation certificate: a certificate of this server with a private key and a subject key identifier.",
    ("New-FederationTrust", "ApplicationUri"): "With -SkipNamespaceProviderProvisioning: the primary federated domain.",
    ("New-FederationTrust", "SkipNamespaceProviderProvisioning"): "The trust and the organisation identifier were provisioned with the gateway by other means; use with -ApplicationUri, -ApplicationIdentifier and -AdministratorProvisioningId.",
    ("New-FederationTrust", "AdministratorProvisioningId"): "With -SkipNamespaceProviderProvisioning: the provisioning key the gateway returned.",
    ("New-FederationTrust", "ApplicationIdentifier"): "With -SkipNamespaceProviderProvisioning: the organisation's application (site) identifier at the gateway.",
    ("New-FederationTrust", "SuppressDnsWarning"): "Exchange 2010: leaves out the warning about the TXT record in DNS that proves each federated domain.",
    ("New-FederationTrust", "UseLegacyProvisioningService"): "Uses the gateway's legacy provisioning interface (needed for a self-signed federation certificate on the real gateway).",
    ("New-FederationTrust", "MetadataUrl"): "The address of the gateway's federation metadata.",
    ("Set-FederationTrust", "Identity"): "The name of the federation trust to change.",
    ("Set-FederationTrust", "Thumbprint"): "Stages this certificate as the next federation certificate (OrgNextPrivCertificate).",
    ("Set-FederationTrust", "PublishFederationCertificate"): "Makes the next certificate the current one (the current one becomes the previous one). It must be installed on every Mailbox, Client Access and Hub Transport server first (Test-FederationTrustCertificate shows where it is).",
    ("Set-FederationTrust", "MetadataUrl"): "A new address for the gateway's federation metadata.",
    ("Set-FederationTrust", "RefreshMetadata"): "Reads the gateway's metadata again (the lab's gateway is offline: nothing changes).",
    ("Set-FederationTrust", "ApplicationUri"): "The primary federated domain of the trust.",
    ("Set-FederationTrust", "Name"): "A new name for the trust.",
    ("Remove-FederationTrust", "Identity"): "The name of the federation trust to remove.",
    ("Get-FederatedOrganizationIdentifier", "Identity"): "The organisation (there is only one; leave it out).",
    ("Get-FederatedOrganizationIdentifier", "IncludeExtendedDomainInfo"): "Also asks the gateway about each domain (offline in the lab: no extra information).",
    ("Set-FederatedOrganizationIdentifier", "Identity"): "The organisation (there is only one; leave it out).",
    ("Set-FederatedOrganizationIdentifier", "AccountNamespace"): "The federated domain, one of the accepted domains, that makes the account namespace.",
    ("Set-FederatedOrganizationIdentifier", "DelegationFederationTrust"): "The federation trust the identifier uses.",
    ("Set-FederatedOrganizationIdentifier", "Enabled"): "$true enables federation, $false turns it off.",
    ("Set-FederatedOrganizationIdentifier", "OrganizationContact"): "The e-mail address of the organisation's federation contact.",
    ("Set-FederatedOrganizationIdentifier", "DefaultDomain"): "Exchange 2013 and later: the federated domain used in delegation tokens.",
    ("Get-FederatedDomainProof", "DomainName"): "The federated domain to make the proof for.",
    ("Get-FederatedDomainProof", "Thumbprint"): "Only the proof for this certificate of this server (by default one per certificate of the trust).",
    ("Add-FederatedDomain", "DomainName"): "The accepted domain to federate.",
    ("Add-FederatedDomain", "Force"): "Leaves out confirmation and warning messages.",
    ("Remove-FederatedDomain", "DomainName"): "The federated domain to remove.",
    ("Remove-FederatedDomain", "Force"): "Leaves out confirmation and warning messages.",
    ("Test-FederationTrust", "UserIdentity"): "The mailbox to request a token for (the test mailbox by default).",
    ("Test-FederationTrust", "MonitoringContext"): "$true adds monitoring events and counters to the results (none in exshell).",
    # Get-Help
    ("Get-Help", "Name"): "The command or topic to show. Wildcards list the matching topics.",
    ("Get-Help", "Full"): "Shows the whole help: parameters with their attributes, inputs, outputs, notes and examples.",
    ("Get-Help", "Detailed"): "Adds the parameters and the examples.",
    ("Get-Help", "Examples"): "Shows only the name, the synopsis and the examples.",
    ("Get-Help", "Parameter"): "Shows only the parameters whose names match (wildcards allowed).",
    ("Get-Help", "Online"): "Shows online help (not available offline in exshell).",
    # ConvertTo-Html
    ("ConvertTo-Html", "InputObject"): "The objects to convert; usually piped in. An array given here is one object (its own properties are shown).",
    ("ConvertTo-Html", "Property"): "The properties to show, in order: names (wildcards allowed), script blocks, or hashtables @{Label=...; Expression=...; Width=...; Alignment=...}. The first object decides the columns; by default all its properties.",
    ("ConvertTo-Html", "Head"): "Lines to write in <head> instead of the <title> line.",
    ("ConvertTo-Html", "Title"): "The page title (default: HTML TABLE). Ignored when -Head is given.",
    ("ConvertTo-Html", "Body"): "Lines to write right after <body>, before the table.",
    ("ConvertTo-Html", "As"): "Table (the default: a header row and a row per object) or List (a name/value row per property, objects separated by a rule).",
    ("ConvertTo-Html", "CssUri"): "A style sheet to link in <head>.",
    ("ConvertTo-Html", "Fragment"): "Writes only the table (with -PreContent and -PostContent), to put into a larger page.",
    ("ConvertTo-Html", "PreContent"): "Lines to write just before the table.",
    ("ConvertTo-Html", "PostContent"): "Lines to write just after the table.",
    # Send-MailMessage
    ("Send-MailMessage", "To"): "The recipients: user@domain or \"Name <user@domain>\", separated by commas.",
    ("Send-MailMessage", "Cc"): "The copy recipients.",
    ("Send-MailMessage", "Bcc"): "The blind-copy recipients: they receive the message but are not named in it.",
    ("Send-MailMessage", "From"): "The sender's address.",
    ("Send-MailMessage", "Subject"): "The subject line.",
    ("Send-MailMessage", "Body"): "The text of the message (one string: pipe HTML lines to Out-String first).",
    ("Send-MailMessage", "BodyAsHtml"): "Sends the body as HTML instead of plain text.",
    ("Send-MailMessage", "Attachments"): "Files on the emulated drive to attach; also taken from the pipeline (Get-ChildItem).",
    ("Send-MailMessage", "SmtpServer"): "The mail server; by default the value of $PSEmailServer. In the lab it is recorded in the message file only.",
    ("Send-MailMessage", "Port"): "PowerShell 3.0 and later: the server's port (default 25).",
    ("Send-MailMessage", "UseSsl"): "Connect to the server with TLS.",
    ("Send-MailMessage", "Credential"): "The account to authenticate with (Get-Credential, or New-Object System.Management.Automation.PSCredential). Only its user name is recorded.",
    ("Send-MailMessage", "Encoding"): "The character set of the subject and body: ASCII (the default; other characters become ?), UTF8, Unicode... or a [System.Text.Encoding] object.",
    ("Send-MailMessage", "Priority"): "Normal (the default), High or Low.",
    ("Send-MailMessage", "DeliveryNotificationOption"): "Which delivery notifications to ask for: None, OnSuccess, OnFailure, Delay, Never (several separated by commas).",
    # Measure-Command
    ("Measure-Command", "Expression"): "The script block to time. It runs in the current scope; its output is discarded.",
    ("Measure-Command", "InputObject"): "Objects for the script block, as $_: piped objects run it once each.",
}

#: (cmdlet, parameter) pairs whose values may contain wildcards.
WILDCARD_PARAMETERS = {("Get-Help", "Name"), ("Get-Help", "Parameter"),
                       ("Get-Command", "Name"), ("Get-Alias", "Name"),
                       ("Get-Variable", "Name"), ("Get-ChildItem", "Path"),
                       ("Remove-Item", "Path"), ("Get-Member", "Name")}

_CERT_OBJECT = "Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate"
INPUTS = {
    "Get-ExchangeCertificate": "System.String (a thumbprint, by property name)",
    "New-ExchangeCertificate": _CERT_OBJECT + " (to renew it)",
    "Enable-ExchangeCertificate": _CERT_OBJECT + " (by its Thumbprint property)",
    "Export-ExchangeCertificate": _CERT_OBJECT + " (by its Thumbprint property)",
    "Import-ExchangeCertificate": "None",
    "Remove-ExchangeCertificate": _CERT_OBJECT + " (by its Thumbprint property)",
}
OUTPUTS = {
    "Get-ExchangeCertificate": _CERT_OBJECT,
    "New-ExchangeCertificate": _CERT_OBJECT + ", or System.String (a request)",
    "Enable-ExchangeCertificate": "None",
    "Export-ExchangeCertificate": "An object with FileData (bytes), or System.String (a request)",
    "Import-ExchangeCertificate": _CERT_OBJECT,
    "Remove-ExchangeCertificate": "None",
}
NOTES = {
    "New-ExchangeCertificate": "The old certificate is kept. A renewed certificate is enabled for SMTP only (IMAP and POP follow from its names); enable it for IIS yourself, check its services, then remove the old one. Connectors that name the old certificate (TlsCertificateName) must be changed first.",
    "Enable-ExchangeCertificate": "Services are added, never removed. To stop a certificate serving a service, enable another certificate for it.",
    "Remove-ExchangeCertificate": "The default SMTP certificate, a federation certificate, the UM certificates and a certificate a Send connector names (TlsCertificateName) cannot be removed: the cmdlet says which rule stops it. Replace them first (Enable-ExchangeCertificate -Services SMTP, Set-FederationTrust, Set-SendConnector).",
    "Export-ExchangeCertificate": "Only certificates whose private key is exportable can be exported with their key.",
}
RELATED = {name: [other for other in _CERT if other != name] for name in _CERT}

# ---------------------------------------------------------------- about_ topics
_ABOUT_EXSHELL = """TOPIC
    about_exshell

SHORT DESCRIPTION
    What exshell is, what it emulates and where it knowingly differs from
    the real Exchange Management Shell.

LONG DESCRIPTION
    exshell is a practice copy of the Exchange Management Shell that runs
    without Windows or Exchange. You type the same commands as on a real
    server (Get-ExchangeCertificate, New-ExchangeCertificate,
    Enable-ExchangeCertificate, Import-, Export- and
    Remove-ExchangeCertificate) and get the same kind of answers: the same
    prompts, the same layout of lists and tables, the same errors. Nothing
    you do can harm a real server: the organisation, its servers and their
    certificates exist only inside exshell.

  WHAT IS REAL
    The certificates are real X.509 certificates with real keys, so their
    thumbprints are real SHA-1 hashes and the PFX files, requests and
    responses you save can be opened with other tools (openssl, certutil).

  WHAT IS EMULATED
    - The language: variables, pipelines, operators, if/switch/loops,
      try/catch, functions with param(), script blocks, splatting and the
      everyday cmdlets (Where-Object, Select-Object, Format-List, ...).
      Exchange 2007 and 2010 follow Windows PowerShell 2.0 rules; 2013 and
      later follow 5.1 rules. Choose with exshell -ExchangeVersion.
    - Parameter binding as PowerShell does it: names and unique prefixes,
      positions, pipeline input, parameter sets, with PowerShell's errors.
    - An Exchange organisation with one or more servers, services that use
      certificates (IIS, SMTP, IMAP, POP...), connectors, Auth settings.
    - A lab enterprise CA (certreq) and a simulated public CA
      (Request-LabPublicCertificate, for labs only).
    - A Windows-style drive: C:\\ and \\\\server\\share paths are one real
      folder on this computer (Get-PSDrive C | Format-List shows which).
    - A clock of its own: Set-Date moves it, Start-Sleep does not wait,
      so you can watch a certificate expire.

  WHAT IS NOT EMULATED, OR DIFFERS
    - No real Windows, IIS, Active Directory or network: the
      Test-*Connectivity cmdlets and Invoke-WebRequest check TLS against
      exshell's own emulated services.
    - The Microsoft Federation Gateway is offline: federation trusts are
      recorded as if it had accepted them, and Test-FederationTrust checks
      the local side only.
    - Only the commands listed by Get-Command exist; .NET types and
      members are the ones admin scripts commonly use.
    - Where Microsoft's exact wording is unknown (some confirmation
      questions and Exchange errors), exshell uses plausible text.
    - Exchange objects are the live objects, not the "Deserialized."
      copies remoting hands out, so a few .NET members work here that
      would not in a real EMS.
    - Hashtables keep the order their keys were added in.
    - The clock is UTC and the culture is en-US.
    - The [S] Suspend choice is shown but does not open a nested prompt.
    - Answers fed on standard input are echoed after their prompt.
    - Help is the help you are reading: written for exshell, with syntax
      generated from the parameters exshell really accepts.

SEE ALSO
    Get-Help
    Get-Command
    Get-ExchangeCertificate
"""

_ABOUT_COMMON = """TOPIC
    about_CommonParameters

SHORT DESCRIPTION
    Parameters that every cmdlet accepts.

LONG DESCRIPTION
    -Verbose, -Debug, -ErrorAction, -WarningAction, -ErrorVariable,
    -WarningVariable, -OutVariable and -OutBuffer work with every cmdlet.
    Cmdlets that change something also accept -WhatIf (say what would be
    done, do nothing) and -Confirm (ask before each change; -Confirm:$false
    never asks).
"""

_ABOUT_CERT = """TOPIC
    about_Certificate_Provider

SHORT DESCRIPTION
    The Cert: drive: the computer's certificate stores as a drive.

LONG DESCRIPTION
    Cert:\\ holds two store locations, CurrentUser and LocalMachine. Each
    holds stores (My is "Personal", Root the trusted roots, CA the
    intermediate CAs, REQUEST the pending requests, TrustedPeople...), and
    each store its certificates, named by thumbprint:

        Cert:\\LocalMachine\\My\\5113AE0233A72FCCB75D2F3D2DF5B4F5A4C7ABB3

    Set-Location, Get-ChildItem, Get-Item and Test-Path work there as on
    the file system. Certificates are X509Certificate2 objects; Format-List
    shows Subject, Issuer, Thumbprint, FriendlyName, NotBefore, NotAfter and
    Extensions, and Format-List * shows every property.

    The stores are the ones Exchange uses: LocalMachine\\My holds what
    Get-ExchangeCertificate lists, and the Root store decides which CAs
    Exchange and the computer trust.

  WINDOWS POWERSHELL 3.0 AND LATER (Exchange 2013 and later)
    Get-ChildItem takes -DnsName, -Eku, -ExpiringInDays,
    -SSLServerAuthentication and -DocumentEncryptionCert on this drive,
    and Remove-Item deletes certificates (-DeleteKey also deletes the key).
    In Windows PowerShell 2.0 (Exchange 2007 and 2010) the drive is read
    only and only -CodeSigningCert filters.

EXAMPLES
    Get-ChildItem Cert:\\LocalMachine\\My
    Get-ChildItem Cert:\\LocalMachine -SSLServerAuthentication
    Remove-Item Cert:\\LocalMachine\\My\\<thumbprint> -DeleteKey

SEE ALSO
    Import-PfxCertificate
    Export-PfxCertificate
    certutil
"""

ABOUT_TOPICS = {
    "about_exshell": ("about_exshell", "What exshell emulates and where it differs.", _ABOUT_EXSHELL),
    "about_certificate_provider": ("about_Certificate_Provider",
                                   "The Cert: drive: the computer's certificate stores.", _ABOUT_CERT),
    "about_commonparameters": ("about_CommonParameters", "Parameters that every cmdlet accepts.",
                               _ABOUT_COMMON),
}

#: Get-Help with no name (Windows PowerShell prints a short help about help).
DEFAULT_HELP = """
TOPIC
    Get-Help

SHORT DESCRIPTION
    Shows help about the commands and concepts of exshell.

LONG DESCRIPTION
  SYNTAX
    get-help {<CmdletName> | <TopicName>}
    help {<CmdletName> | <TopicName>}
    <CmdletName> -?

    "Get-help" and "-?" show help on one page.
    "Help" shows the same help (the real shell shows it one page at a time).

  EXAMPLES
      get-help get-exchangecertificate  : Help about Get-ExchangeCertificate.
      get-help about_exshell            : What exshell emulates and what not.
      get-help *certificate*            : Topics whose names contain "certificate".
      get-help new-exchangecertificate -examples : Only the examples.
      get-help new-exchangecertificate -detailed : Adds the parameters.
      get-help new-exchangecertificate -full     : Everything, with technical details.
      get-help enable-exchangecertificate -parameter services : One parameter.

    Get-Command lists the commands you can ask about.
"""
