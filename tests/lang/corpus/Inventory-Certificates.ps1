<#
.SYNOPSIS
    Builds an inventory of the Exchange certificates and flags the ones to renew.
    Written for exshell's corpus: the shapes real admin scripts use.
#>
[CmdletBinding( )]
param(
    [int] $WarnDays = 45,
    [string[]] $Columns = @('Thumbprint', 'Subject', 'NotAfter')
)

$ErrorActionPreference = 'Stop'
[void][System.Reflection.Assembly]::LoadWithPartialName('System.Web')

$report = @()
$counter = 0
$byKind = @{ SelfSigned = 0; Issued = 0 }

trap [System.Management.Automation.RuntimeException] {
    Write-Warning "Inventory step failed: $($_.Exception.Message)"
    continue
}

foreach ($cert in Get-ExchangeCertificate) {
    $counter ++
    $kind = if ($cert.IsSelfSigned) { 'SelfSigned' } else { 'Issued' }
    $byKind.($kind) = [int]$byKind.$($kind) + 1

    $row = [pscustomobject][ordered]@{ Index = $counter }
    foreach ($name in $Columns) {
        $row | Add-Member -NotePropertyName $name -NotePropertyValue $cert.($name) -ErrorAction SilentlyContinue
    }
    $days = [int][double](($cert.NotAfter - (Get-Date)).TotalDays)
    if ($days -lt $WarnDays) { $flag = 'renew' } if ($days -lt 0) { $flag = 'expired' }
    Write-Verbose "Certificate $counter is $(if ($flag -ne `"`") {$flag} else {'fine'})"
    $report += $row
    $flag = ''
}

try {
    $soon = $report.Where{ $_.Index -gt 0 }
    $names = $soon.ForEach{ "$($_.Index)" } -join ','
}
catch
[System.Management.Automation.MethodInvocationException] {
    # Windows PowerShell 2.0 has no .Where{ } / .ForEach{ }
    $names = ($report | ForEach-Object { "$($_.Index)" }) -join ','
}

:scan foreach ($r in $report) {
    foreach ($c in $Columns) {
        if ($c -eq 'NotAfter') { break :scan }
    }
}

$summary = [string]::Join(', ', @($byKind.Keys | Sort-Object)).
    ToUpper()
"{0} certificates ({1}): {2}" -f $counter, $summary, $names
