#requires -Version 2.0
<#
.SYNOPSIS
    Reports Exchange certificates that expire soon, on every server.
.DESCRIPTION
    Written for the exshell corpus: the usual shape of a community report script.
.PARAMETER Days
    How many days ahead to look.
.EXAMPLE
    .\Get-CertificateReport.ps1 -Days 60 -Path C:\Reports\certs.csv
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $false, Position = 0)]
    [ValidateRange(1, 3650)]
    [int]$Days = 30,

    [Parameter()]
    [string]$Path = "C:\Reports\certificates-$(Get-Date -Format 'yyyyMMdd').csv",

    [switch]$IncludeSelfSigned
)

begin {
    $ErrorActionPreference = 'Stop'
    $limit = (Get-Date).AddDays($Days)
    $report = @()
    Write-Verbose "Looking for certificates expiring before $limit"
}

process {
    foreach ($server in Get-ExchangeServer) {
        try {
            $certs = Get-ExchangeCertificate -Server $server.Name -ErrorAction Stop
        }
        catch [System.Management.Automation.RuntimeException] {
            Write-Warning ("Could not read {0}: {1}" -f $server.Name, $_.Exception.Message)
            continue
        }
        foreach ($cert in $certs) {
            if (-not $IncludeSelfSigned -and $cert.IsSelfSigned) { continue }
            if ($cert.NotAfter -lt $limit) {
                $report += New-Object PSObject -Property @{
                    Server     = $server.Name
                    Thumbprint = $cert.Thumbprint
                    Subject    = $cert.Subject
                    Services   = $cert.Services
                    DaysLeft   = [math]::Round(($cert.NotAfter - (Get-Date)).TotalDays, 0)
                }
            }
        }
    }
}

end {
    $report | Sort-Object DaysLeft | Select-Object Server, Thumbprint, Subject, Services, DaysLeft |
        Export-Csv -Path $Path -NoTypeInformation
    Write-Host "Wrote $($report.Count) certificate(s) to $Path" -ForegroundColor Green
}
