# Renew the self-signed certificate on each CAS/HT server and move IIS to it.
param([string[]]$Servers = @('EX01'), [switch]$WhatIf)

function Renew-One {
    param(
        [Parameter(Mandatory=$true, ValueFromPipelineByPropertyName=$true)]
        [Alias('Name')]
        [string]$Server
    )
    process {
        $old = Get-ExchangeCertificate -Server $Server |
            Where-Object { $_.IsSelfSigned -and $_.Services -match 'IIS' } |
            Sort-Object NotAfter -Descending | Select-Object -First 1
        if ($null -eq $old) {
            Write-Warning "No self-signed IIS certificate on $Server"
            return
        }
        $new = $old | New-ExchangeCertificate -Force -WhatIf:$WhatIf
        if ($new) {
            Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS -Server $Server -Force
            Remove-ExchangeCertificate -Thumbprint $old.Thumbprint -Server $Server -Confirm:$false
            "{0}: {1} -> {2}" -f $Server, $old.Thumbprint, $new.Thumbprint
        }
    }
}

$Servers | ForEach-Object { Renew-One -Server $_ }
