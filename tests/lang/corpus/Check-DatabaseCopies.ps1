<#
.SYNOPSIS
    Lists the database copies of the Exchange servers given and flags the ones whose
    queues have grown past a limit (written for exshell's parser tests: the layout
    follows what admins write, comma-first parameter lists included).
#>
#requires -Version 3.0
[CmdletBinding()]
param(
    [Parameter(Mandatory = $false
             , HelpMessage = "Servers to look at")]
    [string[]] $Server = @($env:COMPUTERNAME)
  , [int] $CopyQueueLimit = 10    # log files
  , [int] $ReplayQueueLimit = 50
  , [switch] $Quiet
)

$header = @"
"@
$report = New-Object System.Collections.ArrayList

function Get-CopyState {
    param($Copy
        , $Limit)
    if ($null -eq $Copy) { return "unknown" }
    if ($Copy.CopyQueueLength -gt $Limit) { "copy queue high" } else { "ok" }
}

foreach ($name in $Server) {
    $copies = @(Get-MailboxDatabaseCopyStatus -Server $name -ErrorAction SilentlyContinue)
    foreach ($copy in $copies) {
        $state = Get-CopyState -Copy $copy -Limit $CopyQueueLimit
        [void]$report.Add([PSCustomObject]@{
            Server   = $name
            Database = $copy.DatabaseName
            State    = $state
            Note     = "$($copy.Name): $(if ($copy.Status -eq "Mounted") { "active" } else { "passive ($($copy.Status))" })"
        })
    }
}

$summary = [string]::Format("{0} copies on {1} servers"
    , $report.Count
    , @($Server).Count)
if (-not $Quiet) {
    Write-Host ($header + $summary)
    $report | Sort-Object Server, Database | Format-Table -AutoSize
}
