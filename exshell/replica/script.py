"""The export script an admin runs in the real Exchange Management Shell.

``exshell replica script`` prints :data:`SCRIPT` (``-OutFile`` writes it).  It is
PowerShell 2.0 syntax (Exchange 2010 runs 2.0; 2013-2019 run 5.1, which reads 2.0
scripts), it only reads, and it writes one CliXML file per question into one folder
(``-Path``, default ``.\\exshell-replica``).  The README section "Rehearsing on a
replica" lists exactly what it reads; :data:`FILES` is that list, kept here so the
README, the importer and the tests agree.

The same script runs inside exshell (the emulated EMS has every cmdlet it calls, and
the parts it cannot do, like reading IIS, fail into the script's own notes), so
``exshell -File export.ps1`` on any exshell world makes a dump that ``exshell replica
import`` reads back: the round-trip test does exactly that.
"""
from __future__ import annotations

__all__ = ["SCRIPT", "FILES", "script_text"]

#: (file name pattern, what it holds, the cmdlet that reads it).
FILES = (
    ("ExchangeServer.xml", "every Exchange server: name, FQDN, roles, AdminDisplayVersion (version and CU)",
     "Get-ExchangeServer"),
    ("ExchangeCertificate-<server>.xml", "the certificates of each server, with RawData (the public "
     "certificate only: no private key is read or exported)",
     "Get-ExchangeCertificate -Server <server> (2007: the local server only)"),
    ("CertificateChain-<server>.xml", "for each certificate, the chain this computer builds for it "
     "(RawData of each CA certificate)", ".NET X509Chain, offline: no revocation check"),
    ("SendConnector.xml", "Send connectors (TlsCertificateName, source servers, FQDN)",
     "Get-SendConnector"),
    ("ReceiveConnector.xml", "Receive connectors of every server (bindings, FQDN, TlsCertificateName)",
     "Get-ReceiveConnector"),
    ("PopSettings-<server>.xml", "POP3 settings (X509CertificateName)", "Get-PopSettings -Server <server>"),
    ("ImapSettings-<server>.xml", "IMAP4 settings (X509CertificateName)", "Get-ImapSettings -Server <server>"),
    ("TransportServer.xml", "the internal transport (default SMTP) certificate of each transport server",
     "Get-TransportService (2013+) or Get-TransportServer"),
    ("AuthConfig.xml", "the Auth certificate configuration (2013+)", "Get-AuthConfig"),
    ("AcceptedDomain.xml", "accepted domains", "Get-AcceptedDomain"),
    ("IisBinding-<server>.xml", "the HTTPS bindings of IIS on the computer the script runs on "
     "(site, address, port, certificate thumbprint)", "Get-ChildItem IIS:\\SslBindings (WebAdministration)"),
    ("Manifest.xml", "when and where the script ran, and every note (what could not be read)", "-"),
)

SCRIPT = r"""<#
  exshell replica export: what a rehearsal of certificate work needs, as CliXML files.

  Run it in the Exchange Management Shell (Exchange 2010-2019; on 2007 the parts
  that exist).  It only READS the organisation: Get-* cmdlets and Export-Clixml into
  the folder -Path.  Certificates are exported as their public part (RawData); no
  private key is read or exported.  Copy the folder to the exshell machine and run
      exshell replica import <folder> -State replica.db
#>
param([string]$Path = '.\exshell-replica')

$log = @{ Notes = @(); Files = @() }
if (-not (Test-Path $Path)) { New-Item -ItemType Directory -Path $Path | Out-Null }

function Save-Replica($Objects, [string]$Name) {
    $items = @($Objects | Where-Object { $_ -ne $null })
    if ($items.Count -eq 0) { return }
    $file = Join-Path $Path ($Name + '.xml')
    $items | Export-Clixml -Path $file
    $log.Files += $Name + '.xml'
}

function Note([string]$Text) {
    $log.Notes += $Text
    Write-Warning $Text
}

$servers = @(Get-ExchangeServer)
Save-Replica $servers 'ExchangeServer'

foreach ($server in $servers) {
    $name = [string]$server.Name
    if ($server.IsEdgeServer) { Note "$name is an Edge server: run this script on it too."; continue }
    $certs = $null
    try {
        $certs = @(Get-ExchangeCertificate -Server $name -ErrorAction Stop)
    } catch {
        # Exchange 2007 has no -Server: its own certificates only.
        if ($name -eq $env:COMPUTERNAME) {
            $certs = @(Get-ExchangeCertificate)
        } else {
            Note "Certificates of ${name} not read: $($_.Exception.Message)"
        }
    }
    if ($certs) {
        Save-Replica $certs "ExchangeCertificate-$name"
        try {
            $chains = @()
            foreach ($c in $certs) {
                $x = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 -ArgumentList (,[byte[]]$c.RawData)
                $chain = New-Object System.Security.Cryptography.X509Certificates.X509Chain
                $chain.ChainPolicy.RevocationMode = 'NoCheck'
                [void]$chain.Build($x)
                $raw = @()
                foreach ($element in $chain.ChainElements) { $raw += ,$element.Certificate.RawData }
                $chains += New-Object PSObject -Property @{ ExshellReplica = 'CertificateChain'; Server = $name; Thumbprint = [string]$c.Thumbprint; Chain = $raw }
            }
            Save-Replica $chains "CertificateChain-$name"
        } catch {
            Note "Certificate chains of ${name} not built: $($_.Exception.Message)"
        }
    }
    if ($server.IsClientAccessServer) {
        try { Save-Replica (Get-PopSettings -Server $name -ErrorAction Stop) "PopSettings-$name" } catch { Note "POP settings of ${name} not read: $($_.Exception.Message)" }
        try { Save-Replica (Get-ImapSettings -Server $name -ErrorAction Stop) "ImapSettings-$name" } catch { Note "IMAP settings of ${name} not read: $($_.Exception.Message)" }
    }
}

try { Save-Replica (Get-SendConnector -ErrorAction Stop) 'SendConnector' } catch { Note "Send connectors not read: $($_.Exception.Message)" }
try { Save-Replica (Get-ReceiveConnector -ErrorAction Stop) 'ReceiveConnector' } catch { Note "Receive connectors not read: $($_.Exception.Message)" }

if (Get-Command Get-TransportService -ErrorAction SilentlyContinue) {
    try { Save-Replica (Get-TransportService -ErrorAction Stop) 'TransportServer' } catch { Note "Transport services not read: $($_.Exception.Message)" }
} else {
    try { Save-Replica (Get-TransportServer -ErrorAction Stop) 'TransportServer' } catch { Note "Transport servers not read: $($_.Exception.Message)" }
}
if (Get-Command Get-AuthConfig -ErrorAction SilentlyContinue) {
    try { Save-Replica (Get-AuthConfig -ErrorAction Stop) 'AuthConfig' } catch { Note "Auth configuration not read: $($_.Exception.Message)" }
}
if (Get-Command Get-AcceptedDomain -ErrorAction SilentlyContinue) {
    try { Save-Replica (Get-AcceptedDomain -ErrorAction Stop) 'AcceptedDomain' } catch { Note "Accepted domains not read: $($_.Exception.Message)" }
}

try {
    Import-Module WebAdministration -ErrorAction Stop
    $bindings = @()
    foreach ($b in @(Get-ChildItem IIS:\SslBindings -ErrorAction Stop)) {
        $bindings += New-Object PSObject -Property @{ ExshellReplica = 'IisBinding'; Server = $env:COMPUTERNAME; IPAddress = [string]$b.IPAddress; Port = [int]$b.Port; Thumbprint = [string]$b.Thumbprint; Store = [string]$b.Store; Sites = [string]($b.Sites | ForEach-Object { $_.Value }) }
    }
    Save-Replica $bindings "IisBinding-$env:COMPUTERNAME"
} catch {
    Note "IIS bindings not read on ${env:COMPUTERNAME}: $($_.Exception.Message)"
}

$manifest = New-Object PSObject -Property @{ ExshellReplica = 'Manifest'; Format = 1; Generated = (Get-Date); Computer = $env:COMPUTERNAME; PSVersion = $PSVersionTable.PSVersion.ToString(); Files = $log.Files; Notes = $log.Notes }
$manifest | Export-Clixml -Path (Join-Path $Path 'Manifest.xml')
"Exported $($log.Files.Count) files to $Path"
"""


def script_text() -> str:
    """The script with Windows line ends (what Notepad and the EMS expect)."""
    return SCRIPT.replace("\r\n", "\n").replace("\n", "\r\n")
